/* The formats every export dialog offers, in one order: an Excel
 * workbook first (what offices open), then CSV for Turkish Excel, then
 * plain CSV (#21). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/files.h"
#include "hane/reports.h" /* HANE_OUT_UNMASKED */
#include "ui/internal.h"

const char *const *hane_ui_export_choices(void)
{
	static const char *labels[HANE_UI_EXPORT__COUNT];

	/* Read each time: the language is the session's. */
	labels[HANE_UI_EXPORT_XLSX] = hane_msg(HANE_M_UI_IO_FMT_XLSX);
	labels[HANE_UI_EXPORT_CSV_EXCEL] = hane_msg(HANE_M_UI_IO_FMT_EXCEL);
	labels[HANE_UI_EXPORT_CSV] = hane_msg(HANE_M_UI_IO_FMT_PLAIN);
	return labels;
}

unsigned hane_ui_export_flags(int choice)
{
	switch (choice) {
	case HANE_UI_EXPORT_XLSX:
		return HANE_CSV_XLSX;
	case HANE_UI_EXPORT_CSV_EXCEL:
		return HANE_CSV_EXCEL;
	default:
		return 0;
	}
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), e = strlen(end);

	return n >= e && strcmp(s + n - e, end) == 0;
}

void hane_ui_export_ext(char *path, size_t pathsz, int choice)
{
	const char *want = choice == HANE_UI_EXPORT_XLSX ? ".xlsx" : ".csv";
	size_t n = strlen(path);

	if (ends_with(path, ".xlsx"))
		n -= 5;
	else if (ends_with(path, ".csv"))
		n -= 4;
	else
		return; /* a name of their own: left as typed */
	if (n + strlen(want) + 1 > pathsz)
		return;
	snprintf(path + n, pathsz - n, "%s", want);
}

static void export_ext_follows(struct hane_ui_form *f, int changed, int path,
			       int format)
{
	char p[4096];

	if (changed != format)
		return;
	snprintf(p, sizeof p, "%s", hane_ui_form_get(f, path));
	hane_ui_export_ext(p, sizeof p, hane_ui_form_choice(f, format));
	if (strcmp(p, hane_ui_form_get(f, path)) != 0)
		hane_ui_form_set(f, path, p);
}

void hane_ui_path_resolve(char *out, size_t outsz, const char *base,
			  const char *in)
{
	const char *home = getenv("HOME");
	int n;

	if (in[0] == '~' && (in[1] == '/' || !in[1]) && home)
		n = snprintf(out, outsz, "%s%s", home, in + 1);
	else if (in[0] == '/')
		n = snprintf(out, outsz, "%s", in);
	else
		n = snprintf(out, outsz, "%s/%s", base, in);
	if (n < 0 || (size_t)n >= outsz)
		out[0] = '\0';
}

/* The file an export dialog writes to, from its path field: 0 with *fp
 * open, or an error shown at the field (HANE_EEXIST: not confirmed). */
static int export_create(struct hane_ui *ui, struct hane_ui_form *f,
			 int path_field, char *path, size_t pathsz, FILE **fp)
{
	char typed[4096], cwd[4096];
	struct stat st;
	int rc;

	*fp = NULL;
	snprintf(typed, sizeof typed, "%s", hane_ui_form_get(f, path_field));
	hane_text_trim(typed);
	if (!getcwd(cwd, sizeof cwd))
		snprintf(cwd, sizeof cwd, "/");
	hane_ui_path_resolve(path, pathsz, cwd, typed);
	if (!path[0]) {
		hane_ui_form_error(f, path_field,
				   hane_msg(HANE_M_UI_IO_TOO_LONG));
		return HANE_EINVAL;
	}
	if (stat(path, &st) == 0) {
		char q[4096 + 128];

		if (S_ISDIR(st.st_mode)) {
			hane_ui_form_error(f, path_field,
					   hane_msg(HANE_M_UI_IO_IS_DIR));
			return HANE_EINVAL;
		}
		snprintf(q, sizeof q, hane_msg(HANE_M_UI_IO_OVERWRITE), path);
		if (!hane_ui_confirm(ui, q))
			return HANE_EEXIST;
	}
	/* Confirmed above: replace a file of the user's own, never
	 * through a link (hane/files.h). */
	if ((rc = hane_file_create_fp(fp, path, HANE_FILE_FORCE)) != 0) {
		hane_ui_form_error(f, path_field, hane_error_last());
		return rc;
	}
	return 0;
}

enum { X_PATH, X_FORMAT, X_UNMASKED, X__COUNT };

struct export_job {
	const struct hane_ui_export *e;
	struct hane_ui_export_result r;
};

static void export_changed(struct hane_ui *ui, struct hane_ui_form *f, int i,
			   void *arg)
{
	(void)ui;
	(void)arg;
	export_ext_follows(f, i, X_PATH, X_FORMAT);
}

static int export_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct export_job *j = arg;
	const struct hane_ui_export *e = j->e;
	FILE *fp;
	int rc;

	j->r.format = hane_ui_form_choice(f, X_FORMAT);
	j->r.unmasked =
		e->offer_unmasked && hane_ui_form_choice(f, X_UNMASKED) == 1;
	j->r.rows = -1;
	/* KVKK: refused at the field, before a file is created. */
	if (j->r.unmasked &&
	    (rc = hane_can(hane_ui_db(ui), HANE_ACT_EXPORT_UNMASKED)) != 0) {
		hane_ui_form_error(f, X_UNMASKED, hane_error_last());
		return rc;
	}
	if ((rc = export_create(ui, f, X_PATH, j->r.path, sizeof j->r.path,
				&fp)) != 0)
		return rc;
	hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_IO_EXPORTING));
	rc = e->write(ui, fp,
		      hane_ui_export_flags(j->r.format) |
			      (j->r.unmasked ? HANE_OUT_UNMASKED : 0),
		      &j->r.rows, e->arg);
	if (fclose(fp) != 0 && rc == 0) {
		hane_error_set("%s: %s", j->r.path, strerror(errno));
		rc = HANE_EIO;
	}
	if (rc == 0 && e->written)
		rc = e->written(ui, j->r.path, j->r.rows, j->r.unmasked,
				e->arg);
	if (rc) {
		hane_file_remove(j->r.path, 0);
		hane_ui_error_rc(ui, rc);
	}
	return rc;
}

bool hane_ui_export_file(struct hane_ui *ui, const struct hane_ui_export *e,
			 struct hane_ui_export_result *res)
{
	const struct hane_ui_field fields[X__COUNT] = {
		[X_PATH] = {HANE_UI_F_TEXT, HANE_M_UI_IO_F_OUT,
			    .required = true, .width = 56, .max = 1000},
		[X_FORMAT] = {HANE_UI_F_CHOICE, HANE_M_UI_IO_F_FORMAT,
			      .width = 34, .choices = hane_ui_export_choices(),
			      .nchoices = HANE_UI_EXPORT__COUNT},
		[X_UNMASKED] = {HANE_UI_F_YESNO, HANE_M_UI_IO_F_UNMASKED,
				.width = 6},
	};
	struct export_job j = {.e = e};
	struct hane_ui_form_view v = {
		.title = e->title,
		.fields = fields,
		.nfields = e->offer_unmasked ? X__COUNT : X_UNMASKED,
		.save = export_save,
		.changed = export_changed,
		.arg = &j,
	};
	struct hane_ui_form *f = hane_ui_form_new(&v);
	bool written;

	if (!f) {
		hane_ui_error_rc(ui, HANE_ENOMEM);
		return false;
	}
	hane_ui_form_set(f, X_PATH, e->name);
	hane_ui_form_set_clean(f);
	written = hane_ui_form_run(ui, f) != 0;
	hane_ui_form_free(f);
	if (written && res)
		*res = j.r;
	else if (written && j.r.rows >= 0)
		hane_ui_status(ui, false, "%s: %s (%lld)",
			       hane_msg(HANE_M_UI_EXPORT_WRITTEN), j.r.path,
			       (long long)j.r.rows);
	else if (written)
		hane_ui_status(ui, false, "%s: %s",
			       hane_msg(HANE_M_UI_EXPORT_WRITTEN), j.r.path);
	return written;
}
