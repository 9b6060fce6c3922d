/* The formats every export dialog offers, in one order: an Excel
 * workbook first (what offices open), then CSV for Turkish Excel, then
 * plain CSV (#21). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/files.h"
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

void hane_ui_export_changed(struct hane_ui_form *f, int changed, int path,
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

int hane_ui_export_create(struct hane_ui *ui, struct hane_ui_form *f,
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
