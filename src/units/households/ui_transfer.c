/* İçe/Dışa Aktar: a household list from CSV into the registry and the
 * registry out to CSV, on the console.
 *
 * The import is the CLI's (hane_households_import) behind four screens: a
 * file picker, the options (duplicates, encoding, delimiter, rejects file),
 * a dry run whose counts and rejected rows are shown before anything is
 * written, then the real run under a progress bar and its summary. Esc on
 * the progress bar rolls the whole import back: the import runs inside a
 * transaction of ours (transactions nest), so stopping it is a rollback
 * of everything it wrote, audit event included.
 *
 * Only hane/ui.h widgets and the households model: no curses, no SQL. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/files.h"
#include "hane/households_csv.h"
#include "hane/perm.h"
#include "hane/reports.h"  /* HANE_OUT_UNMASKED */
#include "hane/security.h" /* hane_log_export */
#include "hane/ui.h"

#define PATH_LEN 4096
/* Rejected rows kept for the screen; the rejects file has them all. */
#define KEEP_REJECTS 500
#define KEEP_NOTICES 3

/* The last cols-ish bytes of a long path, cut at a character boundary,
 * with "…" in front: the end of a path says more than its start. */
static void path_tail(char *out, size_t outsz, const char *path, size_t keep)
{
	size_t n = strlen(path);
	const char *p = path;

	if (n > keep) {
		p = path + n - keep;
		while ((*p & 0xC0) == 0x80)
			p++;
		snprintf(out, outsz, "\u2026%s", p);
		return;
	}
	snprintf(out, outsz, "%s", path);
}

static void cwd_or_root(char *out, size_t outsz)
{
	if (!getcwd(out, outsz))
		snprintf(out, outsz, "/");
}

/* ---- File picker -------------------------------------------------------- */

struct entry {
	char *name;
	bool dir;
	long long size;
	time_t mtime;
};

struct picker {
	char dir[PATH_LEN];
	struct entry *e;
	int n;
	size_t cap;
	char next[PATH_LEN];	     /* folder to show next; "" none */
	char chosen[PATH_LEN + 260]; /* the file picked; "" none */
};

/* The folder last shown, so the picker opens where the person was. */
static char last_dir[PATH_LEN];

enum { PK_NAME, PK_SIZE, PK_DATE, PK__COUNT };

static const struct hane_ui_column picker_cols[PK__COUNT] = {
	[PK_NAME] = HANE_UI_COL_FLEX(HANE_M_UI_IO_COL_NAME, 16, 40, 0),
	[PK_SIZE] = HANE_UI_COL_NUM(HANE_M_UI_IO_COL_SIZE, 6, 10, 2),
	[PK_DATE] = HANE_UI_COL_DATE(HANE_M_UI_IO_COL_DATE, 1),
};

static void picker_clear(struct picker *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->e[i].name);
	free(p->e);
	p->e = NULL;
	p->n = 0;
	p->cap = 0;
}

static int picker_add(struct picker *p, const char *name, bool dir,
		      const struct stat *st)
{
	struct entry *ne =
		hane_grow(p->e, &p->cap, (size_t)p->n, sizeof *ne, 64);

	if (!ne)
		return HANE_ENOMEM;
	p->e = ne;
	p->e[p->n].name = strdup(name);
	if (!p->e[p->n].name)
		return HANE_ENOMEM;
	p->e[p->n].dir = dir;
	p->e[p->n].size = st ? (long long)st->st_size : 0;
	p->e[p->n].mtime = st ? st->st_mtime : 0;
	p->n++;
	return 0;
}

static bool is_csv(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

/* Folders first, then files, each by folded name ("Şubat" among the
 * S's); ".." stays on top. */
static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	char fx[256], fy[256];

	if (!strcmp(x->name, ".."))
		return -1;
	if (!strcmp(y->name, ".."))
		return 1;
	if (x->dir != y->dir)
		return x->dir ? -1 : 1;
	hane_text_fold(fx, sizeof fx, x->name);
	hane_text_fold(fy, sizeof fy, y->name);
	return strcmp(fx, fy);
}

/* Reads p->dir: "..", the folders that are not hidden, the *.csv files.
 * Listed with the user's own group: a shared install's data folder stays
 * closed to the browser as to ls (hane/files.h). */
static int picker_read(struct picker *p)
{
	DIR *d = opendir(p->dir);
	struct dirent *de;
	int rc = 0;

	picker_clear(p);
	if (!d) {
		hane_error_set(hane_msg(HANE_M_UI_IO_NO_DIR), p->dir,
			       strerror(errno));
		return HANE_EIO;
	}
	if (strcmp(p->dir, "/") != 0)
		rc = picker_add(p, "..", true, NULL);
	while (!rc && (de = readdir(d)) != NULL) {
		char full[PATH_LEN + 256];
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		snprintf(full, sizeof full, "%s/%s", p->dir, de->d_name);
		if (stat(full, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			rc = picker_add(p, de->d_name, true, &st);
		else if (S_ISREG(st.st_mode) && is_csv(de->d_name))
			rc = picker_add(p, de->d_name, false, &st);
	}
	closedir(d);
	if (p->n > 1)
		qsort(p->e, (size_t)p->n, sizeof *p->e, entry_cmp);
	return rc;
}

static int picker_load(struct picker *p)
{
	int rc;

	hane_files_as_user();
	rc = picker_read(p);
	hane_files_as_hane();
	return rc;
}

static void size_text(char *out, size_t outsz, long long n)
{
	char num[16]; /* at most "1.024" here */

	if (n < 1024)
		snprintf(out, outsz, "%lld B", n);
	else if (n < 1024 * 1024)
		snprintf(out, outsz, "%s KB",
			 hane_num_format(num, sizeof num, (n + 1023) / 1024));
	else
		snprintf(out, outsz, "%lld,%lld MB", n / (1024 * 1024),
			 n % (1024 * 1024) * 10 / (1024 * 1024));
}

static int picker_fill_list(struct picker *p, struct hane_ui_list *l)
{
	hane_ui_list_clear(l);
	for (int i = 0; i < p->n; i++) {
		const struct entry *e = &p->e[i];
		char name[300], size[32] = "", date[48] = "";
		const char *cells[PK__COUNT];
		int rc;

		if (!strcmp(e->name, ".."))
			snprintf(name, sizeof name, "%s",
				 hane_msg(HANE_M_UI_IO_PARENT));
		else
			snprintf(name, sizeof name, "%s%s", e->name,
				 e->dir ? "/" : "");
		if (!e->dir)
			size_text(size, sizeof size, e->size);
		if (e->mtime) {
			struct tm tm;

			localtime_r(&e->mtime, &tm);
			snprintf(date, sizeof date, "%02d.%02d.%04d",
				 tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
		}
		cells[PK_NAME] = name;
		cells[PK_SIZE] = size;
		cells[PK_DATE] = date;
		if ((rc = hane_ui_list_add(l, i + 1, cells)) != 0)
			return rc;
	}
	/* The first file, not "..": what the person most likely wants. */
	for (int i = 0; i < p->n; i++)
		if (!p->e[i].dir) {
			hane_ui_list_select(l, i);
			break;
		}
	return 0;
}

static void picker_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct picker *p = arg;

	(void)ui;
	path_tail(out, outsz, p->dir, 24);
}

static void picker_go(struct picker *p, const char *name)
{
	char full[PATH_LEN + 256];

	snprintf(full, sizeof full, "%s/%s", p->dir, name);
	if (!realpath(full, p->next))
		snprintf(p->next, sizeof p->next, "%s", p->dir);
}

/* The "type a path" form: a folder opens, a file is chosen. */
static int path_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct picker *p = arg;
	char typed[PATH_LEN], full[PATH_LEN * 2], real[PATH_LEN];
	struct stat st;

	(void)ui;
	snprintf(typed, sizeof typed, "%s", hane_ui_form_get(f, 0));
	hane_text_trim(typed);
	hane_ui_path_resolve(full, sizeof full, p->dir, typed);
	if (!realpath(full, real) || stat(real, &st) != 0) {
		hane_ui_form_error(f, 0, hane_msg(HANE_M_UI_IO_NO_PATH));
		return HANE_ENOTFOUND;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(p->next, sizeof p->next, "%s", real);
	} else if (S_ISREG(st.st_mode)) {
		snprintf(p->chosen, sizeof p->chosen, "%s", real);
	} else {
		hane_ui_form_error(f, 0, hane_msg(HANE_M_UI_IO_NO_PATH));
		return HANE_EINVAL;
	}
	return 0;
}

static void picker_type_path(struct hane_ui *ui, struct picker *p)
{
	static const struct hane_ui_field fields[] = {
		{HANE_UI_F_TEXT, HANE_M_UI_IO_F_PATH, .required = true,
		 .width = 56, .max = 1000},
	};
	struct hane_ui_form_view v = {
		.title = hane_msg(HANE_M_UI_IO_TITLE_PATH),
		.fields = fields,
		.nfields = 1,
		.save = path_save,
		.arg = p,
	};
	struct hane_ui_form *f = hane_ui_form_new(&v);
	char start[PATH_LEN + 2];

	if (!f)
		return;
	snprintf(start, sizeof start, "%s/", strcmp(p->dir, "/") ? p->dir : "");
	hane_ui_form_set(f, 0, start);
	hane_ui_form_set_clean(f);
	hane_ui_form_run(ui, f);
	hane_ui_form_free(f);
}

static int picker_act(struct hane_ui *ui, struct hane_ui_list *l,
		      enum hane_ui_action a, void *arg)
{
	struct picker *p = arg;
	int i = (int)hane_ui_list_selected_id(l) - 1;

	switch (a) {
	case HANE_UI_A_OPEN:
		if (i < 0 || i >= p->n)
			return HANE_UI_STAY;
		if (p->e[i].dir) {
			picker_go(p, p->e[i].name);
		} else {
			snprintf(p->chosen, sizeof p->chosen, "%s/%s",
				 strcmp(p->dir, "/") ? p->dir : "",
				 p->e[i].name);
		}
		return HANE_UI_CLOSE;
	case HANE_UI_A_UP:
		if (!strcmp(p->dir, "/"))
			return HANE_UI_STAY;
		picker_go(p, "..");
		return HANE_UI_CLOSE;
	case HANE_UI_A_PATH:
		picker_type_path(ui, p);
		return p->next[0] || p->chosen[0] ? HANE_UI_CLOSE
						  : HANE_UI_STAY;
	default:
		return HANE_UI_STAY;
	}
}

/* Runs the picker from the folder last shown (or the working folder).
 * Returns 1 with the chosen file's absolute path in out, 0 when left. */
static int pick_file(struct hane_ui *ui, char *out, size_t outsz)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_OPEN, HANE_UI_A_PATH,
		HANE_UI_A_UP,	HANE_UI_A_BACK, HANE_UI_A_QUIT};
	struct picker p = {0};
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_UI_IO_TITLE_PICK),
		HANE_UI_COLUMNS(picker_cols),
		HANE_UI_BAR(acts),
		.act = picker_act,
		.info = picker_info,
		.arg = &p,
	};
	struct hane_ui_list *l = hane_ui_list_new(PK__COUNT);
	int ret = 0;

	if (!l)
		return 0;
	if (last_dir[0])
		snprintf(p.dir, sizeof p.dir, "%s", last_dir);
	else
		cwd_or_root(p.dir, sizeof p.dir);
	while (!hane_ui_quitting(ui)) {
		int rc = picker_load(&p);

		if (rc) {
			hane_ui_error_rc(ui, rc);
			if (strcmp(p.dir, "/") == 0)
				break;
			snprintf(p.dir, sizeof p.dir, "/");
			continue;
		}
		snprintf(last_dir, sizeof last_dir, "%s", p.dir);
		if (picker_fill_list(&p, l) != 0)
			break;
		p.next[0] = p.chosen[0] = '\0';
		if (hane_ui_list_run(ui, &v, l) != HANE_UI_CLOSE)
			break;
		if (p.chosen[0]) {
			snprintf(out, outsz, "%s", p.chosen);
			ret = 1;
			break;
		}
		if (p.next[0])
			snprintf(p.dir, sizeof p.dir, "%s", p.next);
	}
	picker_clear(&p);
	hane_ui_list_free(l);
	return ret;
}

/* ---- Import: options ---------------------------------------------------- */

struct reject {
	long line;
	char *reason;
};

struct job {
	hane_db *db;
	char path[PATH_LEN];
	char rejects[PATH_LEN]; /* "" none */
	int dup, enc, delim;	/* the options form's choices */
	struct hane_import_opts io;
	struct hane_import_counts c;
	struct reject *rej;
	int nrej;
	size_t caprej;
	char notices[KEEP_NOTICES][256];
	int nnotices;
	struct hane_ui_progress *prog;
	struct timespec start, last;
	bool cancel; /* Esc on the progress bar */
	bool go;     /* F2 on the preview */
};

enum { O_FILE, O_DUP, O_ENC, O_DELIM, O_REJECTS, O_HINT, O__COUNT };

static const char *dup_choices[3], *enc_choices[3], *delim_choices[4];

static void choices_init(void)
{
	dup_choices[0] = hane_msg(HANE_M_UI_IO_DUP_SKIP);
	dup_choices[1] = hane_msg(HANE_M_UI_IO_DUP_UPDATE);
	dup_choices[2] = hane_msg(HANE_M_UI_IO_DUP_FAIL);
	enc_choices[0] = hane_msg(HANE_M_UI_IO_AUTO);
	enc_choices[1] = "UTF-8";
	enc_choices[2] = "Windows-1254";
	delim_choices[0] = hane_msg(HANE_M_UI_IO_AUTO);
	delim_choices[1] = hane_msg(HANE_M_UI_IO_SEMICOLON);
	delim_choices[2] = hane_msg(HANE_M_UI_IO_COMMA);
	delim_choices[3] = hane_msg(HANE_M_UI_IO_TAB);
}

/* FILE.csv → FILE-hatalar.csv next to it (as the CLI does). */
static void default_rejects(char *out, size_t outsz, const char *path)
{
	size_t n = strlen(path);
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (!dot || (slash && dot < slash))
		dot = path + n;
	snprintf(out, outsz, "%.*s-%s%s", (int)(dot - path), path,
		 hane_msg(HANE_M_UI_IO_REJECTS_SUFFIX), *dot ? dot : ".csv");
}

static int options_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct job *j = arg;
	char rej[PATH_LEN];

	(void)ui;
	j->dup = hane_ui_form_choice(f, O_DUP);
	j->enc = hane_ui_form_choice(f, O_ENC);
	j->delim = hane_ui_form_choice(f, O_DELIM);
	snprintf(rej, sizeof rej, "%s", hane_ui_form_get(f, O_REJECTS));
	hane_text_trim(rej);
	if (rej[0]) {
		char dir[PATH_LEN], *slash;

		snprintf(dir, sizeof dir, "%s", j->path);
		slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		hane_ui_path_resolve(j->rejects, sizeof j->rejects, dir, rej);
		if (!strcmp(j->rejects, j->path)) {
			hane_ui_form_error(f, O_REJECTS,
					   hane_msg(HANE_M_UI_IO_REJECTS_SAME));
			return HANE_EINVAL;
		}
	} else {
		j->rejects[0] = '\0';
	}
	return 0;
}

/* The options form, filled with the job's current choices. Returns 1 to
 * go on to the preview, 0 when left. */
static int options_run(struct hane_ui *ui, struct job *j)
{
	static struct hane_ui_field fields[O__COUNT];
	struct hane_ui_form_view v = {
		.title = hane_msg(HANE_M_UI_IO_TITLE_OPTIONS),
		.fields = fields,
		.nfields = O__COUNT,
		.save = options_save,
		.arg = j,
	};
	struct hane_ui_form *f;
	char label[PATH_LEN + 64], shown[128];
	int saved;

	choices_init();
	fields[O_FILE] = (struct hane_ui_field){.kind = HANE_UI_F_HEADING,
						.label = HANE_M_UI_IO_F_FILE};
	fields[O_DUP] = (struct hane_ui_field){
		HANE_UI_F_CHOICE, HANE_M_UI_IO_F_DUP, .width = 34,
		.choices = dup_choices, .nchoices = 3};
	fields[O_ENC] = (struct hane_ui_field){
		HANE_UI_F_CHOICE, HANE_M_UI_IO_F_ENC, .width = 16,
		.choices = enc_choices, .nchoices = 3};
	fields[O_DELIM] = (struct hane_ui_field){
		HANE_UI_F_CHOICE, HANE_M_UI_IO_F_DELIM, .width = 20,
		.choices = delim_choices, .nchoices = 4};
	fields[O_REJECTS] =
		(struct hane_ui_field){HANE_UI_F_TEXT, HANE_M_UI_IO_F_REJECTS,
				       .width = 50, .max = 1000};
	fields[O_HINT] = (struct hane_ui_field){
		.kind = HANE_UI_F_HEADING, .label = HANE_M_UI_IO_HINT_PREVIEW};
	if (!(f = hane_ui_form_new(&v)))
		return 0;
	path_tail(shown, sizeof shown, j->path, 60);
	snprintf(label, sizeof label, hane_msg(HANE_M_UI_IO_F_FILE), shown);
	hane_ui_form_label(f, O_FILE, label);
	hane_ui_form_set_choice(f, O_DUP, j->dup);
	hane_ui_form_set_choice(f, O_ENC, j->enc);
	hane_ui_form_set_choice(f, O_DELIM, j->delim);
	hane_ui_form_set(f, O_REJECTS, j->rejects);
	hane_ui_form_set_clean(f);
	saved = hane_ui_form_run(ui, f);
	hane_ui_form_free(f);
	return saved;
}

/* ---- Import: running it ------------------------------------------------- */

static double since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	       (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void job_reset(struct job *j)
{
	for (int i = 0; i < j->nrej; i++)
		free(j->rej[i].reason);
	free(j->rej);
	j->rej = NULL;
	j->nrej = 0;
	j->caprej = 0;
	j->nnotices = 0;
	j->cancel = false;
	memset(&j->c, 0, sizeof j->c);
}

static void on_notice(const char *msg, void *arg)
{
	struct job *j = arg;

	if (j->nnotices < KEEP_NOTICES)
		snprintf(j->notices[j->nnotices++], sizeof j->notices[0], "%s",
			 msg);
}

static void on_reject(long line, const char *reason, void *arg)
{
	struct job *j = arg;
	struct reject *nr;

	if (j->nrej >= KEEP_REJECTS)
		return;
	if (!(nr = hane_grow(j->rej, &j->caprej, (size_t)j->nrej, sizeof *nr,
			     16)))
		return;
	j->rej = nr;
	nr[j->nrej].line = line;
	if ((nr[j->nrej].reason = strdup(reason ? reason : "")) != NULL)
		j->nrej++;
}

/* Rows done, rows a second and time left from the share of the file read;
 * at most ten redraws a second. */
static bool on_progress(const struct hane_import_counts *c, void *arg)
{
	struct job *j = arg;
	struct timespec now;
	char note[256], rows[32], rate[32];
	double t, left = 0;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (since(&j->last, &now) < 0.1 && c->offset != c->size)
		return !j->cancel;
	j->last = now;
	t = since(&j->start, &now);
	if (c->size > 0 && c->offset > 0)
		left = t * (double)(c->size - c->offset) / (double)c->offset;
	if (j->cancel)
		snprintf(note, sizeof note, "%s",
			 hane_msg(HANE_M_UI_IO_CANCELLING));
	else
		snprintf(note, sizeof note, hane_msg(HANE_M_UI_IO_PROGRESS),
			 hane_num_format(rows, sizeof rows, c->rows),
			 hane_num_format(
				 rate, sizeof rate,
				 t > 0 ? (long long)((double)c->rows / t) : 0),
			 (int)(left / 60), (int)left % 60);
	hane_ui_progress_note(j->prog, note);
	if (!hane_ui_progress_step(j->prog, c->offset,
				   c->size > 0 ? c->size : c->offset))
		j->cancel = true; /* Esc: the import stops and rolls back */
	return !j->cancel;
}

/* One run of the import, dry or real. A real run sits inside a
 * transaction of ours, committed only when the import succeeded and the
 * person did not press Esc. Returns the import's code. */
static int job_run(struct hane_ui *ui, struct job *j, bool dry)
{
	static const enum hane_csv_encoding encs[] = {
		HANE_CSV_ENC_AUTO, HANE_CSV_ENC_UTF8, HANE_CSV_ENC_CP1254};
	static const char delims[] = {0, ';', ',', '\t'};
	int rc;

	job_reset(j);
	memset(&j->io, 0, sizeof j->io);
	j->io.csv.encoding = encs[j->enc];
	j->io.csv.delimiter = delims[j->delim];
	j->io.on_duplicate = (enum hane_on_duplicate)j->dup;
	j->io.dry_run = dry;
	j->io.rejects = !dry && j->rejects[0] ? j->rejects : NULL;
	j->io.notice = on_notice;
	j->io.reject = on_reject;
	j->io.progress = on_progress;
	j->io.arg = j;
	clock_gettime(CLOCK_MONOTONIC, &j->start);
	j->last = (struct timespec){0};
	j->prog = hane_ui_progress_begin(
		ui, hane_msg(dry ? HANE_M_UI_IO_RUN_DRY : HANE_M_UI_IO_RUN));
	if (!dry && (rc = hane_store_begin(j->db)) != 0)
		goto done;
	rc = hane_households_import(j->db, j->path, &j->io, &j->c);
	if (!dry) {
		rc = hane_store_end(j->db,
				    rc == 0 && j->cancel ? HANE_ECANCELED : rc);
		if (j->cancel && j->io.rejects)
			hane_file_remove(j->io.rejects, 0);
	}
done:
	hane_ui_progress_end(j->prog);
	j->prog = NULL;
	return rc;
}

/* ---- Import: preview and summary ---------------------------------------- */

enum { R_LINE, R_REASON, R__COUNT };

static const struct hane_ui_column reject_cols[R__COUNT] = {
	[R_LINE] = HANE_UI_COL_NUM(HANE_M_UI_IO_COL_LINE, 5, 6, 0),
	[R_REASON] = HANE_UI_COL_FLEX(HANE_M_UI_IO_COL_REASON, 20, 60, 0),
};

static const char *delim_label(char d)
{
	switch (d) {
	case ';':
		return hane_msg(HANE_M_UI_IO_SEMICOLON);
	case ',':
		return hane_msg(HANE_M_UI_IO_COMMA);
	case '\t':
		return hane_msg(HANE_M_UI_IO_TAB);
	default:
		return "?";
	}
}

/* Lines common to the preview and the summary: the file and the counts;
 * the rejected rows in the list. */
static void job_lines(struct hane_ui_detail *d, const struct job *j, bool dry)
{
	const struct hane_import_counts *c = &j->c;
	char base[128], n[6][32];
	const char *slash = strrchr(j->path, '/');

	path_tail(base, sizeof base, slash ? slash + 1 : j->path, 40);
	hane_ui_detail_line(d, hane_msg(HANE_M_UI_IO_LINE_FILE), base,
			    hane_csv_encoding_name(c->encoding),
			    delim_label(c->delimiter),
			    hane_num_format(n[0], sizeof n[0], c->rows));
	hane_ui_detail_line(
		d,
		hane_msg(dry ? HANE_M_UI_IO_LINE_DRY : HANE_M_UI_IO_LINE_DONE),
		hane_num_format(n[1], sizeof n[1], c->created),
		hane_num_format(n[2], sizeof n[2], c->households),
		hane_num_format(n[3], sizeof n[3], c->updated),
		hane_num_format(n[4], sizeof n[4], c->unchanged),
		hane_num_format(n[5], sizeof n[5], c->rejected));
	for (int i = 0; i < j->nnotices; i++)
		hane_ui_detail_line(d, "\u26a0 %s", j->notices[i]);
}

static int rejects_fill(struct hane_ui_detail *d, const struct job *j)
{
	struct hane_ui_list *l = hane_ui_detail_list(d);

	for (int i = 0; i < j->nrej; i++) {
		char line[32];
		const char *cells[R__COUNT] = {line, j->rej[i].reason};
		int rc;

		snprintf(line, sizeof line, "%ld", j->rej[i].line);
		if ((rc = hane_ui_list_add(l, i + 1, cells)) != 0)
			return rc;
	}
	return 0;
}

static void options_panel(struct hane_ui_detail *d, const struct job *j)
{
	char shown[128];

	hane_ui_detail_panel(d, "%s: %s", hane_msg(HANE_M_UI_IO_F_DUP),
			     dup_choices[j->dup]);
	hane_ui_detail_panel(d, "%s: %s", hane_msg(HANE_M_UI_IO_F_ENC),
			     enc_choices[j->enc]);
	hane_ui_detail_panel(d, "%s: %s", hane_msg(HANE_M_UI_IO_F_DELIM),
			     delim_choices[j->delim]);
	hane_ui_detail_panel(d, "%s:", hane_msg(HANE_M_UI_IO_F_REJECTS));
	path_tail(shown, sizeof shown, j->rejects[0] ? j->rejects : "-", 28);
	hane_ui_detail_panel(d, " %s", shown);
}

static int preview_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	struct job *j = arg;

	(void)ui;
	job_lines(d, j, true);
	hane_ui_detail_line(d, "%s", hane_msg(HANE_M_UI_IO_LINE_NOTHING));
	options_panel(d, j);
	return rejects_fill(d, j);
}

/* Enter on a rejected row: its whole reason, which the list cuts. */
static void reject_show(struct hane_ui *ui, struct hane_ui_detail *d,
			const struct job *j)
{
	int i = (int)hane_ui_list_selected_id(hane_ui_detail_list(d)) - 1;
	const char *ok[] = {hane_msg(HANE_M_UI_OK)};
	char title[64];

	if (i < 0 || i >= j->nrej)
		return;
	snprintf(title, sizeof title, hane_msg(HANE_M_UI_IO_REJECT_TITLE),
		 j->rej[i].line);
	hane_ui_buttons(ui, title, j->rej[i].reason, ok, 1);
}

static int preview_act(struct hane_ui *ui, struct hane_ui_detail *d,
		       enum hane_ui_action a, void *arg)
{
	struct job *j = arg;

	if (a == HANE_UI_A_OPEN)
		reject_show(ui, d, j);
	if (a != HANE_UI_A_RUN_IMPORT)
		return HANE_UI_STAY;
	j->go = true;
	return HANE_UI_CLOSE;
}

static int summary_act(struct hane_ui *ui, struct hane_ui_detail *d,
		       enum hane_ui_action a, void *arg)
{
	if (a == HANE_UI_A_OPEN)
		reject_show(ui, d, arg);
	return HANE_UI_STAY;
}

static int summary_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	struct job *j = arg;

	(void)ui;
	if (j->cancel) {
		hane_ui_detail_line(d, "%s",
				    hane_msg(HANE_M_UI_IO_LINE_CANCELLED));
		return 0;
	}
	job_lines(d, j, false);
	if (j->c.rejected && j->io.rejects)
		hane_ui_detail_line(d, hane_msg(HANE_M_UI_IO_LINE_REJECTS),
				    j->io.rejects);
	options_panel(d, j);
	return rejects_fill(d, j);
}

/* The whole import: picker → options → preview → import → summary.
 * Leaving the preview returns to the options, writing nothing. */
static void import_flow(struct hane_ui *ui)
{
	static const enum hane_ui_action preview_acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_RUN_IMPORT, HANE_UI_A_OPEN,
		HANE_UI_A_BACK, HANE_UI_A_QUIT};
	static const enum hane_ui_action summary_acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_OPEN, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	struct job *j = calloc(1, sizeof *j);
	struct hane_ui_detail_view pv = {
		.title = hane_msg(HANE_M_UI_IO_TITLE_PREVIEW),
		HANE_UI_COLUMNS(reject_cols),
		.list_title = HANE_M_UI_IO_REJECTED_ROWS,
		.panel_title = HANE_M_UI_IO_OPTIONS,
		HANE_UI_BAR(preview_acts),
		.load = preview_load,
		.act = preview_act,
		.arg = j,
	};
	struct hane_ui_detail_view sv = pv;
	int rc;

	if (!j)
		return;
	j->db = hane_ui_db(ui);
	if (!pick_file(ui, j->path, sizeof j->path))
		goto done;
	default_rejects(j->rejects, sizeof j->rejects, j->path);
	while (!hane_ui_quitting(ui)) {
		if (!options_run(ui, j))
			goto done;
		rc = job_run(ui, j, true);
		if (rc) {
			hane_ui_error_rc(ui, rc);
			continue;
		}
		if (j->cancel)
			continue;
		j->go = false;
		hane_ui_detail_run(ui, &pv);
		if (j->go)
			break;
	}
	if (hane_ui_quitting(ui))
		goto done;
	rc = job_run(ui, j, false);
	if (rc) {
		hane_ui_error_rc(ui, rc);
		goto done;
	}
	sv.title = hane_msg(HANE_M_UI_IO_TITLE_SUMMARY);
	sv.actions = summary_acts;
	sv.nactions = sizeof summary_acts / sizeof summary_acts[0];
	sv.act = summary_act;
	sv.load = summary_load;
	if (j->cancel)
		sv.cols = NULL;
	hane_ui_detail_run(ui, &sv);
done:
	job_reset(j);
	free(j);
}

/* ---- Export ------------------------------------------------------------- */

static int export_write(struct hane_ui *ui, FILE *fp, unsigned flags,
			int64_t *rows, void *arg)
{
	(void)arg;
	return hane_households_export(hane_ui_db(ui), fp, flags, rows);
}

/* KVKK: in the read log with the hash of the file as written; a file
 * nobody can answer for does not stay. */
static int export_logged(struct hane_ui *ui, const char *path, int64_t rows,
			 bool unmasked, void *arg)
{
	(void)arg;
	return hane_log_export(hane_ui_db(ui), "households", path, (long)rows,
			       unmasked);
}

static void export_flow(struct hane_ui *ui)
{
	char start[PATH_LEN + 64], cwd[PATH_LEN], today[HANE_DATE_LEN + 1];
	struct hane_ui_export e = {.title = hane_msg(HANE_M_UI_IO_TITLE_EXPORT),
				   .name = start,
				   .write = export_write,
				   .offer_unmasked = true,
				   .written = export_logged};
	struct hane_ui_export_result r;
	int rc;

	if ((rc = hane_can(hane_ui_db(ui), HANE_ACT_EXPORT)) != 0) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	cwd_or_root(cwd, sizeof cwd);
	hane_today(today);
	snprintf(start, sizeof start, "%s/%s-%s.xlsx", cwd,
		 hane_msg(HANE_M_UI_IO_EXPORT_NAME), today);
	if (hane_ui_export_file(ui, &e, &r)) {
		const char *ok[] = {hane_msg(HANE_M_UI_OK)};
		char msg[sizeof r.path + 256], n[32];

		snprintf(msg, sizeof msg, hane_msg(HANE_M_UI_IO_EXPORTED),
			 hane_num_format(n, sizeof n, r.rows), r.path,
			 hane_ui_export_choices()[r.format],
			 hane_msg(r.unmasked ? HANE_M_UI_IO_UNMASKED
					     : HANE_M_UI_IO_MASKED));
		hane_ui_buttons(ui, hane_msg(HANE_M_UI_IO_TITLE_EXPORT), msg,
				ok, 1);
	}
}

/* ---- The unit's entry screen ---------------------------------------------- */

static void import_task(struct hane_ui *ui)
{
	int rc = hane_can(hane_ui_db(ui), HANE_ACT_IMPORT);

	if (rc)
		hane_ui_error_rc(ui, rc);
	else
		import_flow(ui);
}

int hane_ui_transfer_main(struct hane_ui *ui)
{
	static const struct hane_ui_menu_item tasks[] = {
		{HANE_M_UI_IO_TASK_IMPORT, import_task, NULL, 0},
		{HANE_M_UI_IO_TASK_EXPORT, export_flow, NULL, 0},
	};

	return hane_ui_tasks(ui, HANE_M_UI_IO_TITLE_TASKS,
			     HANE_M_UI_IO_COL_TASK, tasks,
			     HANE_UI_NITEMS(tasks));
}
