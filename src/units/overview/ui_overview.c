/* The overview's screens: the dashboard (units with their 12-month
 * sparklines, the waiting work, a bar chart per unit), the annual report
 * (every figure, Enter shows its query, F2 writes CSV), household 360
 * (typing filters by unit or word, F2 writes CSV) and the duplicates list
 * with a field-by-field merge form. Only hane/ui.h: no curses here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/csvio.h"
#include "hane/files.h"
#include "hane/overview.h"
#include "hane/record.h"
#include "hane/security.h"
#include "hane/ui.h"

/* Charts are drawn for an 80-column screen, the smallest the console
 * runs on (the toolkit does not tell a screen its width). */
#define CHART_COLS 76

static const char *month_label(const char *ym)
{
	int m = atoi(ym + 5);

	if (m < 1 || m > 12)
		return "";
	return hane_msg((enum hane_msg)(HANE_M_OV_MON_1 + m - 1));
}

/* ---- Dashboard ------------------------------------------------------------ */

enum { ROW_ANNUAL = 100, ROW_DUPLICATES = 101 };

static const struct hane_ui_column dash_cols[] = {
	HANE_UI_COL_FLEX(HANE_M_OV_COL_UNIT, 10, 16, 0),
	HANE_UI_COL_NUM(HANE_M_OV_DASH_MONTH, 5, 7, 2),
	HANE_UI_COL_NUM(HANE_M_OV_DASH_YEAR, 5, 8, 3),
	HANE_UI_COL_TEXT(HANE_M_OV_COL_SPARK, 12, 12, 1),
};

struct dash {
	struct hane_ov_dashboard d;
	bool unicode;
};

static int dash_load(struct hane_ui *ui, struct hane_ui_detail *dt, void *arg)
{
	struct dash *s = arg;
	struct hane_ui_list *l = hane_ui_detail_list(dt);
	char a[32], b[32], sp[64], dd[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = hane_overview_dashboard(hane_ui_db(ui), NULL, 0, &s->d)))
		return rc;
	/* The menu row already says "Gösterge Paneli": the crumb is the
	 * day the figures are for. */
	hane_ui_detail_title(dt, hane_date_format(dd, s->d.today));
	{
		char h[HANE_OV__UNITS][32];

		for (int u = 0; u < HANE_OV__UNITS; u++)
			hane_num_format(h[u], sizeof h[u],
					s->d.unit[u].year_households);
		hane_ui_detail_line(dt, hane_msg(HANE_M_OV_DASH_HH), h[0], h[1],
				    h[2], h[3]);
	}
	for (int u = 0; u < HANE_OV__UNITS; u++) {
		const char *cells[4];

		hane_num_format(a, sizeof a, s->d.unit[u].month);
		hane_num_format(b, sizeof b, s->d.unit[u].year);
		hane_chart_sparkline(sp, sizeof sp, s->d.unit[u].series,
				     HANE_OV_MONTHS, s->unicode);
		cells[0] = hane_overview_unit_label(u);
		cells[1] = a;
		cells[2] = b;
		cells[3] = sp;
		if ((rc = hane_ui_list_add(l, u + 1, cells)) != 0)
			return rc;
	}
	{
		const char *c1[4] = {hane_msg(HANE_M_OV_ROW_ANNUAL), "", "",
				     ""};
		const char *c2[4] = {hane_msg(HANE_M_OV_ROW_DUPLICATES), "", "",
				     ""};

		if ((rc = hane_ui_list_add(l, ROW_ANNUAL, c1)) ||
		    (rc = hane_ui_list_add(l, ROW_DUPLICATES, c2)))
			return rc;
	}
	hane_num_format(a, sizeof a, s->d.insp_open);
	hane_num_format(b, sizeof b, s->d.insp_overdue);
	hane_ui_detail_panel(dt, "%s: %s", hane_msg(HANE_M_OV_W_INSP_OPEN), a);
	hane_ui_detail_panel(dt, "  %s: %s", hane_msg(HANE_M_OV_T_OVERDUE), b);
	hane_num_format(a, sizeof a, s->d.food_unserved);
	hane_ui_detail_panel(dt, hane_msg(HANE_M_OV_W_FOOD), a, s->d.food_days);
	hane_num_format(a, sizeof a, s->d.care_missed);
	hane_num_format(b, sizeof b, s->d.care_today);
	hane_ui_detail_panel(dt, "%s: %s", hane_msg(HANE_M_OV_W_CARE_MISSED),
			     a);
	hane_ui_detail_panel(dt, "%s: %s", hane_msg(HANE_M_OV_W_CARE_TODAY), b);
	hane_num_format(a, sizeof a, s->d.taxi_tomorrow);
	hane_num_format(b, sizeof b, s->d.taxi_no_vehicle);
	hane_ui_detail_panel(dt, "%s: %s", hane_msg(HANE_M_OV_W_TAXI), a);
	hane_ui_detail_panel(dt, "  %s: %s", hane_msg(HANE_M_OV_T_NO_VEHICLE),
			     b);
	return 0;
}

struct chart {
	const struct dash *s;
	int unit;
};

static int chart_load(struct hane_ui *ui, struct hane_ui_detail *dt, void *arg)
{
	struct chart *c = arg;
	const struct hane_ov_unit_stats *st = &c->s->d.unit[c->unit];
	const char *labels[HANE_OV_MONTHS];
	char out[16384], a[32], b[32], h[32];
	int n;

	(void)ui;
	for (int i = 0; i < HANE_OV_MONTHS; i++)
		labels[i] = month_label(c->s->d.months[i]);
	hane_ui_detail_title(dt, hane_overview_unit_label(c->unit));
	hane_num_format(a, sizeof a, st->month);
	hane_num_format(b, sizeof b, st->year);
	hane_num_format(h, sizeof h, st->year_households);
	hane_ui_detail_line(dt, "%s %s \u00b7 %s %s \u00b7 %s %s",
			    hane_msg(HANE_M_OV_DASH_MONTH), a,
			    hane_msg(HANE_M_OV_DASH_YEAR), b,
			    hane_msg(HANE_M_OV_W_HOUSEHOLDS), h);
	n = hane_chart_bars(out, sizeof out, st->series, labels, HANE_OV_MONTHS,
			    CHART_COLS, 12, c->s->unicode);
	if (n < 0)
		return n;
	for (char *p = out, *e; *p; p = e + 1) {
		e = strchr(p, '\n');
		*e = '\0';
		hane_ui_detail_panel(dt, "%s", p);
	}
	return 0;
}

static int dash_act(struct hane_ui *ui, struct hane_ui_detail *dt,
		    enum hane_ui_action a, void *arg)
{
	struct dash *s = arg;
	int64_t id = hane_ui_list_selected_id(hane_ui_detail_list(dt));

	if (a == HANE_UI_A_SEARCH) {
		hane_ui_households_search(ui, NULL);
		return HANE_UI_STAY;
	}
	if (a != HANE_UI_A_OPEN)
		return HANE_UI_STAY;
	if (id == ROW_ANNUAL) {
		hane_ui_overview_annual(ui, 0);
	} else if (id == ROW_DUPLICATES) {
		hane_ui_overview_duplicates(ui);
	} else if (id >= 1 && id <= HANE_OV__UNITS) {
		static const enum hane_ui_action acts[] = {
			HANE_UI_A_HELP, HANE_UI_A_BACK, HANE_UI_A_QUIT};
		struct chart c = {s, (int)id - 1};
		struct hane_ui_detail_view v = {
			.title = hane_overview_unit_label((int)id - 1),
			.panel_title = HANE_M_OV_CHART_TITLE,
			HANE_UI_BAR(acts),
			.load = chart_load,
			.arg = &c,
		};
		int rc = hane_ui_detail_run(ui, &v);

		if (rc)
			hane_ui_error_rc(ui, rc);
	}
	return HANE_UI_STAY;
}

int hane_ui_overview_main(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_SEARCH, HANE_UI_A_OPEN,
		HANE_UI_A_BACK, HANE_UI_A_QUIT};
	struct dash s;
	struct hane_ui_detail_view v = {
		.title = hane_msg(HANE_M_OV_DASH_TITLE),
		HANE_UI_COLUMNS(dash_cols),
		.list_title = HANE_M_OV_DASH_UNITS,
		.panel_title = HANE_M_OV_DASH_WAITING,
		HANE_UI_BAR(acts),
		.load = dash_load,
		.act = dash_act,
		.arg = &s,
	};
	int rc;

	memset(&s, 0, sizeof s);
	s.unicode = hane_chart_unicode_ok();
	if ((rc = hane_ui_detail_run(ui, &v)) != 0)
		hane_ui_error_rc(ui, rc);
	return 0;
}

/* ---- Annual report ---------------------------------------------------------- */

static const struct hane_ui_column annual_cols[] = {
	HANE_UI_COL_TEXT(HANE_M_OV_COL_UNIT, 8, 16, 2),
	HANE_UI_COL_FLEX(HANE_M_OV_COL_FIGURE, 20, 40, 0),
	HANE_UI_COL_NUM(HANE_M_OV_COL_VALUE, 8, 18, 0),
};

struct annual {
	int year;
	struct hane_ui_list *l;
	char sql[64][1024]; /* by row id - 1 */
	int n;
};

static int annual_row(const struct hane_ov_figure *f, void *arg)
{
	struct annual *a = arg;
	char v[48];
	const char *cells[3];

	if (f->money)
		hane_money_format(v, sizeof v, f->value, true);
	else
		hane_num_format(v, sizeof v, f->value);
	cells[0] = hane_overview_unit_label(f->unit);
	cells[1] = f->title;
	cells[2] = v;
	if (a->n < 64)
		snprintf(a->sql[a->n], sizeof a->sql[0], "%s", f->sql);
	a->n++;
	return hane_ui_list_add(a->l, a->n, cells);
}

/* The search line takes a year: typing 2024 shows 2024. */
static int annual_fill(struct hane_ui *ui, struct hane_ui_list *l,
		       const char *query, int rows, void *arg)
{
	struct annual *a = arg;
	int y = query ? atoi(query) : 0;

	(void)rows;
	if (y >= 2000 && y <= 2999)
		a->year = y;
	hane_ui_list_clear(l);
	a->l = l;
	a->n = 0;
	return hane_overview_annual(hane_ui_db(ui), a->year, annual_row, a);
}

static void annual_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct annual *a = arg;

	(void)ui;
	snprintf(out, outsz, "%d", a->year);
}

static int annual_write(struct hane_ui *ui, FILE *fp, unsigned flags,
			int64_t *rows, void *arg)
{
	const struct annual *a = arg;

	(void)rows;
	return hane_overview_annual_csv(hane_ui_db(ui), a->year, fp, flags);
}

static int annual_act(struct hane_ui *ui, struct hane_ui_list *l,
		      enum hane_ui_action act, void *arg)
{
	struct annual *a = arg;

	if (act == HANE_UI_A_OPEN) {
		int64_t id = hane_ui_list_selected_id(l);
		const char *labels[1] = {hane_msg(HANE_M_OV_OK)};

		if (id >= 1 && id <= 64 && id <= a->n)
			hane_ui_buttons(ui, hane_msg(HANE_M_OV_COL_QUERY),
					a->sql[id - 1], labels, 1);
	} else if (act == HANE_UI_A_EXPORT) {
		char name[64];
		struct hane_ui_export e = {.title = hane_msg(HANE_M_OV_FILE),
					   .name = name,
					   .write = annual_write,
					   .arg = a};

		snprintf(name, sizeof name, "yillik-faaliyet-%d.xlsx", a->year);
		hane_ui_export_file(ui, &e, NULL);
	}
	return HANE_UI_STAY;
}

int hane_ui_overview_annual(struct hane_ui *ui, int year)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_EXPORT, HANE_UI_A_OPEN,
		HANE_UI_A_BACK, HANE_UI_A_QUIT};
	struct annual *a = calloc(1, sizeof *a);
	char today[HANE_DATE_LEN + 1];
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_OV_ANNUAL_TITLE),
		HANE_UI_COLUMNS(annual_cols),
		HANE_UI_BAR(acts),
		.fill = annual_fill,
		.act = annual_act,
		.info = annual_info,
		.arg = a,
	};

	if (!a) {
		hane_ui_error_rc(ui, HANE_ENOMEM);
		return 0;
	}
	a->year = year ? year : atoi(hane_today(today)) - 1;
	hane_ui_list_show(ui, &v);
	free(a);
	return 0;
}

/* ---- Household 360 --------------------------------------------------------- */

static const struct hane_ui_column hh_cols[] = {
	HANE_UI_COL_DATE(HANE_M_OV_COL_DATE, 0),
	HANE_UI_COL_TEXT(HANE_M_OV_COL_UNIT, 6, 15, 3),
	HANE_UI_COL_TEXT(HANE_M_OV_COL_PERSON, 6, 18, 2),
	HANE_UI_COL_FLEX(HANE_M_OV_COL_WHAT, 20, 40, 0),
};

struct hh360 {
	int64_t id;
	int unit; /* from the query when it names a unit */
	int hidden, rows;
	/* Loaded once (one read-log event per opening, not per key). */
	struct hane_ov_event *ev;
	size_t n, cap;
	bool loaded;
};

static bool contains_folded(const char *hay, const char *needle)
{
	char h[1024], n[256];

	hane_text_fold(h, sizeof h, hay);
	hane_text_fold(n, sizeof n, needle);
	return strstr(h, n) != NULL;
}

static int hh_keep(const struct hane_ov_event *e, void *arg)
{
	struct hh360 *s = arg;

	return HANE_PUSH(s->ev, s->cap, s->n, e, 64) ? 0 : HANE_ENOMEM;
}

/* The query: a unit's name ("gıda", "taksi") filters by unit; any other
 * text is looked for in the lines. */
static int hh_fill(struct hane_ui *ui, struct hane_ui_list *l,
		   const char *query, int rows, void *arg)
{
	struct hh360 *s = arg;
	int u = hane_overview_unit_parse(query ? query : ""), rc;
	const char *word = u == -2 ? query : NULL;

	(void)rows;
	if (!s->loaded) {
		rc = hane_overview_timeline(hane_ui_db(ui), s->id, HANE_OV_ALL,
					    hh_keep, s, &s->hidden);
		if (rc)
			return rc;
		s->loaded = true;
	}
	hane_ui_list_clear(l);
	s->rows = 0;
	s->unit = u >= 0 ? u : HANE_OV_ALL;
	for (size_t i = 0; i < s->n; i++) {
		const struct hane_ov_event *e = &s->ev[i];
		char dd[HANE_DATE_LEN + 1];
		const char *cells[4];

		if (s->unit != HANE_OV_ALL && e->unit != s->unit)
			continue;
		if (word && word[0] && !contains_folded(e->what, word) &&
		    !contains_folded(e->who, word))
			continue;
		cells[0] = hane_date_format(dd, e->date);
		cells[1] = hane_overview_unit_label(e->unit);
		cells[2] = e->who[0] ? e->who : hane_msg(HANE_M_OV_E_HOUSEHOLD);
		cells[3] = e->what;
		s->rows++;
		if ((rc = hane_ui_list_add(l, s->rows, cells)) != 0)
			return rc;
	}
	return 0;
}

static void hh_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct hh360 *s = arg;

	(void)ui;
	snprintf(out, outsz, "%d %s \u00b7 %s", s->rows,
		 hane_msg(HANE_M_OV_EVENTS), hane_overview_unit_label(s->unit));
}

static int hh_write(struct hane_ui *ui, FILE *fp, unsigned flags, int64_t *rows,
		    void *arg)
{
	const struct hh360 *s = arg;

	return hane_overview_timeline_csv(hane_ui_db(ui), s->id, s->unit, fp,
					  flags, rows);
}

static int hh_act(struct hane_ui *ui, struct hane_ui_list *l,
		  enum hane_ui_action act, void *arg)
{
	char name[64];
	struct hane_ui_export e = {hane_msg(HANE_M_OV_FILE), name, hh_write,
				   arg};

	(void)l;
	if (act != HANE_UI_A_EXPORT)
		return HANE_UI_STAY;
	snprintf(name, sizeof name, "hane-%lld-360.xlsx",
		 (long long)((struct hh360 *)arg)->id);
	hane_ui_export_file(ui, &e, NULL);
	return HANE_UI_STAY;
}

int hane_ui_overview_household(struct hane_ui *ui, int64_t household_id)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_EXPORT, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct hh360 s = {household_id, HANE_OV_ALL, 0, 0, NULL, 0, 0, false};
	char title[64];
	struct hane_ui_list_view v = {
		.title = title,
		HANE_UI_COLUMNS(hh_cols),
		HANE_UI_BAR(acts),
		.fill = hh_fill,
		.act = hh_act,
		.info = hh_info,
		.arg = &s,
	};

	snprintf(title, sizeof title, "%s #%lld", hane_msg(HANE_M_OV_HH_TITLE),
		 (long long)household_id);
	hane_ui_list_show(ui, &v);
	free(s.ev);
	return 0;
}

/* ---- Duplicates -------------------------------------------------------------- */

static const struct hane_ui_column dup_cols[] = {
	HANE_UI_COL_FLEX(HANE_M_OV_COL_PERSON, 12, 24, 0),
	HANE_UI_COL_DATE(HANE_M_OV_COL_BIRTH, 2),
	HANE_UI_COL_TEXT(HANE_M_OV_COL_A, 8, 16, 1),
	HANE_UI_COL_TEXT(HANE_M_OV_COL_B, 8, 16, 1),
};

struct dups {
	struct hane_ui_list *l;
	int64_t a[512], b[512];
	int n;
};

static void short_id(char *out, size_t sz, const struct hane_person *p)
{
	char t[16];

	if (p->tckn[0])
		hane_tckn_mask(t, sizeof t, p->tckn);
	else
		snprintf(t, sizeof t, "-");
	snprintf(out, sz, "#%lld %s", (long long)p->id, t);
}

static int dup_row(const struct hane_person *a, const struct hane_person *b,
		   void *arg)
{
	struct dups *d = arg;
	char name[2 * HANE_NAME_MAX], bd[HANE_DATE_LEN + 1], x[32], y[32];
	const char *cells[4];

	if (d->n >= 512)
		return 1;
	snprintf(name, sizeof name, "%s %s", a->first_name, a->last_name);
	short_id(x, sizeof x, a);
	short_id(y, sizeof y, b);
	cells[0] = name;
	cells[1] = hane_date_format(bd, a->birth_date);
	cells[2] = x;
	cells[3] = y;
	d->a[d->n] = a->id;
	d->b[d->n] = b->id;
	d->n++;
	return hane_ui_list_add(d->l, d->n, cells);
}

static int dup_fill(struct hane_ui *ui, struct hane_ui_list *l,
		    const char *query, int rows, void *arg)
{
	struct dups *d = arg;
	int rc;

	(void)query;
	(void)rows;
	hane_ui_list_clear(l);
	d->l = l;
	d->n = 0;
	/* KVKK: the pairs of persons shown are logged, as on the CLI. */
	rc = hane_gate_list(hane_ui_db(ui), "duplicates.list");
	if (rc == 0)
		rc = hane_overview_duplicates(hane_ui_db(ui), dup_row, d, NULL);
	return rc > 0 ? 0 : rc;
}

/* Merge field i's value in p as the form shows it: from the person's
 * field table, a TC Kimlik No masked, "" when unknown. */
static void merge_value(int i, const struct hane_person *p, char *out, size_t n)
{
	const char *col = hane_overview_merge_field_name(i);
	const struct hane_fdef *fd = NULL;
	struct hane_field v;

	out[0] = '\0';
	for (size_t k = 0; k < hane_person_rdef.nfields; k++)
		if (!strcmp(hane_person_rdef.fields[k].column, col))
			fd = &hane_person_rdef.fields[k];
	if (!fd)
		return;
	v = hane_record_value(fd, p);
	if (v.type == HANE_V_INT)
		snprintf(out, n, "%lld", (long long)v.i);
	else if (v.type == HANE_V_TEXT && fd->type == HANE_FT_TCKN)
		hane_tckn_mask(out, n, v.text);
	else if (v.type == HANE_V_TEXT)
		snprintf(out, n, "%s", v.text);
}

/* Merges b into a as the plan says and tells how it went. */
static void merge_run(struct hane_ui *ui, int64_t ia, int64_t ib,
		      const struct hane_ov_merge_plan *plan)
{
	int64_t mid = 0;
	int rc = hane_overview_merge(hane_ui_db(ui), ia, ib, plan, &mid);

	if (rc != 0)
		hane_ui_error_rc(ui, rc);
	else
		hane_ui_status(ui, false, hane_msg(HANE_M_OV_DUP_MERGED),
			       (long long)ib, (long long)ia, (long long)mid);
}

/* One YES/NO per field: "take b's value?", labelled with both values. */
static int merge_form(struct hane_ui *ui, int64_t ia, int64_t ib)
{
	static struct hane_ui_field f[HANE_OV_MF__COUNT];
	struct hane_ui_form_view v = {.title = hane_msg(HANE_M_OV_MERGE_FORM),
				      .fields = f,
				      .nfields = HANE_OV_MF__COUNT};
	struct hane_person a, b;
	struct hane_ov_merge_plan plan;
	struct hane_ui_form *form;
	hane_db *db = hane_ui_db(ui);
	int rc, ok;

	if ((rc = hane_person_get(db, ia, &a)) ||
	    (rc = hane_person_get(db, ib, &b))) {
		hane_ui_error_rc(ui, rc);
		return 0;
	}
	for (int i = 0; i < HANE_OV_MF__COUNT; i++) {
		f[i].kind = HANE_UI_F_YESNO;
		f[i].label = HANE_M_OV_TAKE_B;
	}
	if (!(form = hane_ui_form_new(&v)))
		return 0;
	hane_overview_merge_defaults(&a, &b, &plan);
	for (int i = 0; i < HANE_OV_MF__COUNT; i++) {
		char label[256], va[HANE_TEXT_MAX], vb[HANE_TEXT_MAX];

		merge_value(i, &a, va, sizeof va);
		merge_value(i, &b, vb, sizeof vb);
		snprintf(label, sizeof label, "%s: %.60s \u2190 %.60s",
			 hane_overview_merge_field_name(i), va[0] ? va : "-",
			 vb[0] ? vb : "-");
		hane_ui_form_label(form, i, label);
		hane_ui_form_set_choice(form, i, plan.from_b[i] ? 1 : 0);
	}
	ok = hane_ui_form_run(ui, form);
	for (int i = 0; ok && i < HANE_OV_MF__COUNT; i++)
		plan.from_b[i] = hane_ui_form_choice(form, i) == 1;
	hane_ui_form_free(form);
	if (ok)
		merge_run(ui, ia, ib, &plan);
	return 0;
}

static int dup_act(struct hane_ui *ui, struct hane_ui_list *l,
		   enum hane_ui_action act, void *arg)
{
	struct dups *d = arg;
	int64_t id = hane_ui_list_selected_id(l);

	if (act == HANE_UI_A_OPEN && id >= 1 && id <= d->n)
		merge_form(ui, d->a[id - 1], d->b[id - 1]);
	return HANE_UI_STAY;
}

int hane_ui_overview_duplicates(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_OPEN, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	struct dups *d = calloc(1, sizeof *d);
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_OV_DUP_TITLE),
		HANE_UI_COLUMNS(dup_cols),
		HANE_UI_BAR(acts),
		.fill = dup_fill,
		.act = dup_act,
		.arg = d,
	};

	if (d)
		hane_ui_list_show(ui, &v);
	else
		hane_ui_error_rc(ui, HANE_ENOMEM);
	free(d);
	return 0;
}
