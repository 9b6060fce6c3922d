/* Raporlar: the embedded reports on the console. A list of reports (title
 * in the current language), a form built from the report's declared
 * parameters, the result as a table with its totals row, and export of
 * that table to CSV (plain or Excel).
 *
 * Lives in src/ui/ because the build compiles screens only from there and
 * from src/units/<unit>/ui_*.c, and reports belong to no unit; it is a
 * screen like a unit's all the same: hane/ui.h and the report engine only,
 * no curses and no SQL. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/files.h"
#include "hane/reports.h"
#include "hane/ui.h"

#define PATH_LEN 4096

/* ---- Numbers as a Turkish reader expects them --------------------------- */

/* "-12345.5" → "-12.345,5"; anything that is not a plain number is
 * copied as it is. */
static void number_text(char *out, size_t outsz, const char *s)
{
	const char *p = s, *dot;
	size_t len = 0, nint;

	if (*p == '-')
		p++;
	dot = p;
	while (*dot >= '0' && *dot <= '9')
		dot++;
	nint = (size_t)(dot - p);
	if (nint == 0 || (*dot && *dot != '.') ||
	    (*dot == '.' && strspn(dot + 1, "0123456789") != strlen(dot + 1)) ||
	    strlen(s) + strlen(s) / 3 + 2 > outsz) {
		snprintf(out, outsz, "%s", s);
		return;
	}
	if (*s == '-')
		out[len++] = '-';
	for (size_t i = 0; i < nint; i++) {
		if (i > 0 && (nint - i) % 3 == 0)
			out[len++] = '.';
		out[len++] = p[i];
	}
	if (*dot == '.' && dot[1]) {
		out[len++] = ',';
		for (const char *q = dot + 1; *q; q++)
			out[len++] = *q;
	}
	out[len] = '\0';
}

/* ---- Parameters --------------------------------------------------------- */

struct run {
	struct hane_report r;
	struct hane_ui_field fields[HANE_REPORT_PARAMS_MAX + 1];
	char values[HANE_REPORT_PARAMS_MAX][128];
	struct hane_report_table *t;
};

/* A month as "2026-06", or as an office writes it, "06.2026" or "6.2026"
 * (#18: "11.2026" was refused): into out as YYYY-MM; -1 if it is
 * neither. */
static int month_iso(char out[16], const char *text)
{
	int y, m, n = 0;

	while (*text == ' ')
		text++;
	if (strlen(text) == 7 && sscanf(text, "%4d-%2d%n", &y, &m, &n) == 2 &&
	    n == 7 && text[4] == '-')
		;
	else if (sscanf(text, "%2d.%4d%n", &m, &y, &n) == 2 &&
		 (size_t)n == strlen(text) && n >= 6 && text[n - 5] == '.')
		;
	else
		return -1;
	if (m < 1 || m > 12 || y < 1000 || y > 9999)
		return -1;
	snprintf(out, 16, "%04d-%02d", y, m);
	return 0;
}

static int check_month(const char *text, void *arg)
{
	char iso[16];

	(void)arg;
	if (month_iso(iso, text) != 0) {
		hane_error_set("%s", hane_msg(HANE_M_UI_RPT_BAD_MONTH));
		return HANE_EINVAL;
	}
	return 0;
}

/* A field for each declared parameter, then a hint line; values start at
 * this month, this year or today, which is what is asked for most. */
static void params_build(struct run *x, struct hane_ui_form **out,
			 struct hane_ui_form_view *v)
{
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];
	struct hane_ui_form *f;
	int n = x->r.nparams;

	hane_today(today);
	for (int i = 0; i < n; i++) {
		const char *type = x->r.params[i].type;
		struct hane_ui_field *d = &x->fields[i];

		*d = (struct hane_ui_field){HANE_UI_F_TEXT, HANE_M_UI_RPT_PARAM,
					    .required = true, .width = 30,
					    .max = 100};
		if (!strcmp(type, "month")) {
			d->width = 9;
			d->max = 7;
			d->check = check_month;
		} else if (!strcmp(type, "year")) {
			d->kind = HANE_UI_F_NUMBER;
			d->width = 6;
			d->max = 4;
			d->lo = 1900;
			d->hi = 2200;
		} else if (!strcmp(type, "date")) {
			d->kind = HANE_UI_F_DATE;
			d->width = 12;
			d->max = 10;
		}
	}
	x->fields[n] = (struct hane_ui_field){.kind = HANE_UI_F_HEADING,
					      .label = HANE_M_UI_RPT_HINT_RUN};
	v->fields = x->fields;
	v->nfields = n + 1;
	*out = f = hane_ui_form_new(v);
	if (!f)
		return;
	for (int i = 0; i < n; i++) {
		const char *type = x->r.params[i].type;

		hane_ui_form_label(f, i, hane_report_param_title(&x->r, i));
		if (x->values[i][0])
			hane_ui_form_set(f, i, x->values[i]);
		else if (!strcmp(type, "month")) {
			char m[8];

			snprintf(m, sizeof m, "%.7s", today);
			hane_ui_form_set(f, i, m);
		} else if (!strcmp(type, "year")) {
			char y[8];

			snprintf(y, sizeof y, "%.4s", today);
			hane_ui_form_set(f, i, y);
		} else if (!strcmp(type, "date")) {
			hane_ui_form_set(f, i, hane_date_format(shown, today));
		}
	}
	hane_ui_form_set_clean(f);
}

/* Runs the report with what the form holds; an argument the engine
 * refuses is shown under its field and keeps the form open. */
static int run_report(struct hane_ui *ui, struct run *x, struct hane_ui_form *f)
{
	struct hane_report_arg args[HANE_REPORT_PARAMS_MAX];
	int rc;

	for (int i = 0; i < x->r.nparams; i++) {
		if (f) {
			char iso[16];

			snprintf(x->values[i], sizeof x->values[i], "%s",
				 hane_ui_form_get(f, i));
			hane_text_trim(x->values[i]);
			if (!strcmp(x->r.params[i].type, "month") &&
			    month_iso(iso, x->values[i]) == 0)
				snprintf(x->values[i], sizeof x->values[i],
					 "%s", iso);
		}
		args[i].name = x->r.params[i].name;
		args[i].value = x->values[i];
	}
	hane_report_table_free(x->t);
	x->t = NULL;
	rc = hane_report_run(hane_ui_db(ui), &x->r, args, (size_t)x->r.nparams,
			     &x->t);
	if (rc == HANE_EUSAGE && f) {
		/* Which field: the one whose name the message mentions. */
		const char *m = hane_error_last();
		int at = 0;

		for (int i = 0; i < x->r.nparams; i++)
			if (strstr(m, x->r.params[i].name))
				at = i;
		hane_ui_form_error(f, at, m);
	} else if (rc) {
		hane_ui_error_rc(ui, rc);
	}
	return rc;
}

static int params_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	return run_report(ui, arg, f);
}

/* ---- Export ------------------------------------------------------------- */

static int export_write(struct hane_ui *ui, FILE *fp, unsigned flags,
			int64_t *rows, void *arg)
{
	const struct run *x = arg;

	(void)ui;
	*rows = (int64_t)x->t->nrows;
	return hane_report_write_csv(&x->r, x->t, fp, flags);
}

/* "households-monthly-2026-06.xlsx" in the working folder. */
static void export_name(char *out, size_t outsz, const struct run *x)
{
	char cwd[PATH_LEN];
	size_t len;

	if (!getcwd(cwd, sizeof cwd))
		snprintf(cwd, sizeof cwd, "/");
	len = (size_t)snprintf(out, outsz, "%s/%s", cwd, x->r.name);
	for (int i = 0; i < x->r.nparams && len < outsz; i++) {
		char v[128];

		snprintf(v, sizeof v, "%s", x->values[i]);
		for (char *c = v; *c; c++)
			if (*c == '/' || *c == ' ' || *c == '.')
				*c = '-';
		len += (size_t)snprintf(out + len, outsz - len, "-%s", v);
	}
	if (len < outsz)
		snprintf(out + len, outsz - len, ".xlsx");
}

static void export_table(struct hane_ui *ui, struct run *x)
{
	char start[PATH_LEN];
	struct hane_ui_export e = {.title =
					   hane_msg(HANE_M_UI_RPT_TITLE_EXPORT),
				   .name = start,
				   .write = export_write,
				   .arg = x};
	struct hane_ui_export_result r;

	export_name(start, sizeof start, x);
	if (hane_ui_export_file(ui, &e, &r)) {
		const char *ok[] = {hane_msg(HANE_M_UI_OK)};
		char msg[sizeof r.path + 256];

		snprintf(msg, sizeof msg, hane_msg(HANE_M_UI_RPT_EXPORTED),
			 (long long)r.rows, r.path,
			 hane_ui_export_choices()[r.format]);
		hane_ui_buttons(ui, hane_msg(HANE_M_UI_RPT_TITLE_EXPORT), msg,
				ok, 1);
	}
}

/* ---- The result table --------------------------------------------------- */

struct table_view {
	struct run *x;
	struct hane_ui_column cols[HANE_REPORT_COLS_MAX];
};

static int table_act(struct hane_ui *ui, struct hane_ui_list *l,
		     enum hane_ui_action a, void *arg)
{
	struct table_view *tv = arg;

	(void)l;
	if (a == HANE_UI_A_EXPORT)
		export_table(ui, tv->x);
	return HANE_UI_STAY;
}

static void table_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct table_view *tv = arg;
	const struct hane_report_table *t = tv->x->t;
	size_t n = t->nrows - (t->has_total ? 1 : 0);

	(void)ui;
	snprintf(out, outsz, hane_msg(HANE_M_UI_RPT_N_ROWS), (long long)n);
}

/* Fills the list from the table and sizes each column to its widest
 * cell (no flex column: a narrow table stays together, numbers next to
 * their labels); the last columns give way first on a narrow screen. */
static int table_fill(struct table_view *tv, struct hane_ui_list *l)
{
	const struct hane_report *r = &tv->x->r;
	const struct hane_report_table *t = tv->x->t;
	const char *titles[HANE_REPORT_COLS_MAX];
	const char *cells[HANE_REPORT_COLS_MAX];
	char buf[HANE_REPORT_COLS_MAX][128];
	int rc;

	for (int c = 0; c < r->ncols; c++) {
		int w;

		titles[c] = hane_report_column_title(r, c);
		w = hane_text_width(titles[c]);
		if (hane_report_kind_number(r->cols[c].kind))
			tv->cols[c] = (struct hane_ui_column)HANE_UI_COL_NUM(
				HANE_M_UI_RPT_PARAM, 0, w, c);
		else
			tv->cols[c] = (struct hane_ui_column)HANE_UI_COL_TEXT(
				HANE_M_UI_RPT_PARAM, 0, w, c);
	}
	if ((rc = hane_ui_list_titles(l, titles)) != 0)
		return rc;
	for (size_t row = 0; row < t->nrows; row++) {
		bool total = t->has_total && row + 1 == t->nrows;

		for (int c = 0; c < r->ncols; c++) {
			const char *s = hane_report_cell(t, row, c);
			int w;

			if (hane_report_kind_number(r->cols[c].kind))
				number_text(buf[c], sizeof buf[c], s);
			else
				snprintf(buf[c], sizeof buf[c], "%s", s);
			if (total && c == 0 && !buf[0][0])
				snprintf(buf[0], sizeof buf[0], "%s",
					 hane_msg(HANE_M_UI_RPT_TOTAL));
			cells[c] = buf[c];
			w = hane_text_width(buf[c]);
			if (w > tv->cols[c].want)
				tv->cols[c].want = w > 40 ? 40 : w;
		}
		if ((rc = hane_ui_list_add(l, (int64_t)row + 1, cells)) != 0)
			return rc;
	}
	for (int c = 0; c < r->ncols; c++) {
		int m = tv->cols[c].want;

		tv->cols[c].min = m < 6 ? m : 6;
	}
	return 0;
}

static void table_show(struct hane_ui *ui, struct run *x)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_EXPORT, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct table_view tv = {.x = x};
	struct hane_ui_list_view v = {
		.title = hane_report_title(&x->r),
		.cols = tv.cols,
		.ncols = x->r.ncols,
		HANE_UI_BAR(acts),
		.act = table_act,
		.info = table_info,
		.arg = &tv,
	};
	struct hane_ui_list *l = hane_ui_list_new(x->r.ncols);
	int rc;

	if (!l)
		return;
	if ((rc = table_fill(&tv, l)) != 0)
		hane_ui_error_rc(ui, rc);
	else
		hane_ui_list_run(ui, &v, l);
	hane_ui_list_free(l);
}

/* One report: its parameters (if it has any), then the table; Esc on the
 * table goes back to the parameters to run it for another month. */
static void report_open(struct hane_ui *ui, size_t index)
{
	struct run *x = calloc(1, sizeof *x);
	int rc;

	if (!x)
		return;
	if ((rc = hane_report_at(index, &x->r)) != 0) {
		hane_ui_error_rc(ui, rc);
		goto done;
	}
	if (x->r.nparams == 0) {
		if (run_report(ui, x, NULL) == 0)
			table_show(ui, x);
		goto done;
	}
	while (!hane_ui_quitting(ui)) {
		struct hane_ui_form_view v = {
			.title = hane_report_title(&x->r),
			.save = params_save,
			.arg = x,
			.f2 = HANE_UI_A_RUN,
		};
		struct hane_ui_form *f = NULL;
		int saved;

		params_build(x, &f, &v);
		if (!f)
			break;
		saved = hane_ui_form_run(ui, f);
		hane_ui_form_free(f);
		if (!saved || !x->t)
			break;
		table_show(ui, x);
	}
done:
	hane_report_table_free(x->t);
	free(x);
}

/* ---- The list of reports ------------------------------------------------ */

enum { L_TITLE, L_NAME, L__COUNT };

static const struct hane_ui_column report_cols[L__COUNT] = {
	[L_TITLE] = HANE_UI_COL_FLEX(HANE_M_UI_RPT_COL_TITLE, 20, 50, 0),
	[L_NAME] = HANE_UI_COL_TEXT(HANE_M_UI_RPT_COL_NAME, 12, 24, 1),
};

static int reports_act(struct hane_ui *ui, struct hane_ui_list *l,
		       enum hane_ui_action a, void *arg)
{
	int64_t id = hane_ui_list_selected_id(l);

	(void)arg;
	if (a == HANE_UI_A_OPEN && id > 0)
		report_open(ui, (size_t)(id - 1));
	return HANE_UI_STAY;
}

int hane_ui_reports_main(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_OPEN, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_UI_RPT_TITLE_LIST),
		.cols = report_cols,
		.ncols = L__COUNT,
		HANE_UI_BAR(acts),
		.act = reports_act,
	};
	struct hane_ui_list *l = hane_ui_list_new(L__COUNT);
	size_t n = hane_report_count();
	int rc = 0;

	if (!l)
		return HANE_ENOMEM;
	for (size_t i = 0; i < n && !rc; i++) {
		struct hane_report r;
		const char *cells[L__COUNT];

		if (hane_report_at(i, &r) != 0)
			continue;
		cells[L_TITLE] = hane_report_title(&r);
		cells[L_NAME] = r.name;
		rc = hane_ui_list_add(l, (int64_t)i + 1, cells);
	}
	if (!rc)
		hane_ui_list_run(ui, &v, l);
	hane_ui_list_free(l);
	return rc;
}
