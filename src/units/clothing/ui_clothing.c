/* Dost Eller screens: an issue from the person page (eligibility at a
 * glance, up to three lines, the limit explained and a supervisor's
 * override, as the food bank's "Gıda alamaz"), donation intake, stock per
 * category and the last issues. Only hane/ui.h widgets; every rule is the
 * model's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/clothing.h"
#include "hane/clothing_ui.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/ui.h"

#define CATS_MAX 16
#define LINES 3

/* The active categories as a form's choices, "—" (none) first. */
struct cats {
	int n;
	int64_t id[CATS_MAX + 1];
	char name[CATS_MAX + 1][96];
	const char *label[CATS_MAX + 1];
};

static int add_cat(const struct hane_cl_category *c, void *arg)
{
	struct cats *x = arg;

	if (x->n > CATS_MAX || !c->active)
		return 0;
	x->id[x->n] = c->id;
	snprintf(x->name[x->n], sizeof x->name[0], "%s", c->name);
	x->label[x->n] = x->name[x->n];
	x->n++;
	return 0;
}

static int load_cats(hane_db *db, struct cats *x)
{
	x->n = 1;
	x->id[0] = 0;
	x->label[0] = "\u2014";
	return hane_clothing_category_each(db, add_cat, x);
}

static const char *source_text(const char *source)
{
	if (!strcmp(source, "foodbank"))
		return hane_msg(HANE_M_CL_SOURCE_FOODBANK);
	if (!strcmp(source, "inspection"))
		return hane_msg(HANE_M_CL_SOURCE_INSPECTION);
	return hane_msg(HANE_M_CL_SOURCE_CLOTHING);
}

/* ---- The issue --------------------------------------------------------------- */

enum {
	I_GLANCE,
	I_DATE,
	I_CAT, /* then size and pieces, LINES times */
	I_NOTES = I_CAT + 3 * LINES,
	I__COUNT
};

struct issue_ctx {
	int64_t person;
	struct cats cats;
	char glance[256];
	bool eligible;
	bool saved;
};

/* The form's lines into is (a line without a category is no line). */
static int read_lines(struct hane_ui_form *f, const struct issue_ctx *x,
		      struct hane_cl_issue *is)
{
	for (int k = 0; k < LINES; k++) {
		int c = hane_ui_form_choice(f, I_CAT + 3 * k);
		struct hane_cl_line *l = &is->lines[is->nlines];

		if (c <= 0 || c >= x->cats.n)
			continue;
		memset(l, 0, sizeof *l);
		l->category_id = x->cats.id[c];
		snprintf(l->size, sizeof l->size, "%s",
			 hane_ui_form_get(f, I_CAT + 3 * k + 1));
		l->qty = atoi(hane_ui_form_get(f, I_CAT + 3 * k + 2));
		if (l->qty <= 0) {
			hane_ui_form_error(f, I_CAT + 3 * k + 2,
					   hane_msg(HANE_M_CL_UI_QTY_NEEDED));
			return HANE_EINVAL;
		}
		is->nlines++;
	}
	if (is->nlines == 0) {
		hane_ui_form_error(f, I_CAT, hane_msg(HANE_M_CL_NO_LINES));
		return HANE_EINVAL;
	}
	return 0;
}

static int issue_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct issue_ctx *x = arg;
	hane_db *db = hane_ui_db(ui);
	struct hane_cl_issue is;
	struct hane_cl_check c;
	char why[768], date[HANE_DATE_LEN + 1];
	int rc;

	memset(&is, 0, sizeof is);
	memset(&c, 0, sizeof c);
	is.person_id = x->person;
	if (hane_date_parse(is.date, hane_ui_form_get(f, I_DATE)) != 0)
		is.date[0] = '\0';
	snprintf(is.notes, sizeof is.notes, "%s", hane_ui_form_get(f, I_NOTES));
	if ((rc = read_lines(f, x, &is)) != 0)
		return rc;
	rc = hane_clothing_issue(db, &is, &c);
	if (rc == HANE_EPERM && c.elig.eligible && c.nlimited &&
	    !c.overridden) {
		/* The limit fired: say which with the numbers, and offer the
		 * supervisor's way through to whoever holds it. */
		static const struct hane_ui_override o = {
			HANE_ACT_CLOTHING_OVERRIDE,
			HANE_M_CL_UI_LIMIT_TITLE,
			HANE_M_CL_UI_CANCEL,
			HANE_M_CL_UI_OVERRIDE,
			HANE_M_CL_UI_ASK_SUPERVISOR,
			HANE_M_CL_UI_TITLE_OVERRIDE,
			HANE_M_CL_F_REASON};

		if (!hane_ui_override_reason(ui, &o, is.override_reason,
					     sizeof is.override_reason))
			return HANE_EPERM;
		rc = hane_clothing_issue(db, &is, &c);
	}
	if (rc == HANE_EPERM && !c.elig.eligible &&
	    hane_can(db, HANE_ACT_CLOTHING_WRITE) == 0) {
		/* A rule, not a permission: with what would make the person
		 * eligible. */
		const char *ok = hane_msg(HANE_M_CL_UI_OK);

		snprintf(why, sizeof why, "%s.\n\n%s", hane_error_last(),
			 hane_msg(HANE_M_CL_UI_NOT_ELIGIBLE_HINT));
		(void)hane_ui_buttons(ui,
				      hane_msg(HANE_M_CL_UI_NOT_ELIGIBLE_TITLE),
				      why, &ok, 1);
		return rc;
	}
	if (hane_ui_error_if(ui, rc))
		return rc;
	x->saved = true;
	if (c.nshort) {
		const char *ok = hane_msg(HANE_M_CL_UI_OK);

		snprintf(why, sizeof why, "%s", hane_error_last());
		(void)hane_ui_buttons(ui, hane_msg(HANE_M_CL_UI_WARN_TITLE),
				      why, &ok, 1);
	}
	hane_ui_status(ui, false,
		       hane_msg(c.overridden ? HANE_M_CL_UI_GIVEN_OVERRIDE
					     : HANE_M_CL_UI_GIVEN),
		       (long long)is.id, is.person,
		       hane_date_format(date, is.date));
	return 0;
}

static void issue_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct issue_ctx *x = arg;
	char today[HANE_DATE_LEN + 1];

	(void)ui;
	if (x->eligible)
		hane_ui_form_hint(f, I_GLANCE, x->glance);
	else
		hane_ui_form_note(f, I_GLANCE, x->glance);
	hane_ui_form_set(f, I_DATE, hane_date_format(today, hane_today(today)));
}

static void issue_form(struct hane_ui *ui, int64_t person)
{
	hane_db *db = hane_ui_db(ui);
	struct issue_ctx *x = calloc(1, sizeof *x);
	struct hane_ui_field fields[I__COUNT];
	struct hane_ui_form_view v;
	struct hane_cl_eligibility e;
	char title[128];
	int rc;

	if (!x)
		return;
	x->person = person;
	if ((rc = hane_clothing_eligibility(db, person, "", &e)) != 0 ||
	    (rc = load_cats(db, &x->cats)) != 0) {
		hane_ui_error_rc(ui, rc);
		free(x);
		return;
	}
	x->eligible = e.eligible;
	if (e.eligible)
		snprintf(x->glance, sizeof x->glance,
			 hane_msg(HANE_M_CL_UI_ELIGIBLE),
			 source_text(e.source));
	else
		snprintf(x->glance, sizeof x->glance, "%s",
			 hane_msg(HANE_M_CL_UI_NOT_ELIGIBLE));
	memset(fields, 0, sizeof fields);
	fields[I_GLANCE] = (struct hane_ui_field){.kind = HANE_UI_F_HEADING,
						  .label = HANE_M_CL_UI_GLANCE};
	fields[I_DATE] = (struct hane_ui_field){.kind = HANE_UI_F_DATE,
						.label = HANE_M_CL_F_DATE,
						.required = true};
	for (int k = 0; k < LINES; k++) {
		fields[I_CAT + 3 * k] =
			(struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
					       .label = HANE_M_CL_F_CATEGORY,
					       .choices = x->cats.label,
					       .nchoices = x->cats.n};
		fields[I_CAT + 3 * k + 1] =
			(struct hane_ui_field){.kind = HANE_UI_F_TEXT,
					       .label = HANE_M_CL_F_SIZE,
					       .width = 12,
					       .max = 15};
		fields[I_CAT + 3 * k + 2] =
			(struct hane_ui_field){.kind = HANE_UI_F_NUMBER,
					       .label = HANE_M_CL_F_QTY,
					       .width = 4,
					       .lo = 1,
					       .hi = 999};
	}
	fields[I_NOTES] = (struct hane_ui_field){
		.kind = HANE_UI_F_TEXT, .label = HANE_M_CL_F_NOTES, .max = 250};
	snprintf(title, sizeof title, hane_msg(HANE_M_CL_UI_TITLE_ISSUE),
		 (long long)person);
	memset(&v, 0, sizeof v);
	v.title = title;
	v.fields = fields;
	v.nfields = I__COUNT;
	v.save = issue_save;
	v.arg = x;
	hane_ui_form_show(ui, &v, issue_fill);
	free(x);
}

/* ---- The person page --------------------------------------------------------- */

static int last_issue(const struct hane_cl_issue *is, void *arg)
{
	snprintf((char *)arg, HANE_DATE_LEN + 1, "%s", is->date);
	return 1;
}

bool hane_ui_clothing_person_line(struct hane_ui *ui, int64_t person_id,
				  char *out, size_t outsz)
{
	hane_db *db = hane_ui_db(ui);
	struct hane_cl_eligibility e;
	char last[HANE_DATE_LEN + 1] = "", when[8];
	size_t n;

	if (hane_can(db, HANE_ACT_CLOTHING_READ) != 0 ||
	    hane_clothing_eligibility(db, person_id, "", &e) != 0 ||
	    hane_clothing_issues(db, person_id, 1, last_issue, last) != 0) {
		hane_error_clear();
		return false;
	}
	/* The last issue first: the column is narrow at 80 columns. */
	n = last[0] ? (size_t)snprintf(out, outsz, hane_msg(HANE_M_CL_UI_LAST),
				       hane_date_short(when, last, ""))
		    : 0;
	if (n >= outsz)
		return true;
	if (e.eligible)
		snprintf(out + n, outsz - n,
			 hane_msg(HANE_M_CL_UI_ELIGIBLE_SHORT),
			 hane_msg(!strcmp(e.source, "foodbank")
					  ? HANE_M_CL_UI_SHORT_FOODBANK
				  : !strcmp(e.source, "inspection")
					  ? HANE_M_CL_UI_SHORT_INSPECTION
					  : HANE_M_CL_UI_SHORT_CLOTHING));
	else
		snprintf(out + n, outsz - n, "%s",
			 hane_msg(HANE_M_CL_UI_NOT_ELIGIBLE));
	return true;
}

void hane_ui_clothing_person_open(struct hane_ui *ui, int64_t person_id)
{
	int rc = hane_can(hane_ui_db(ui), HANE_ACT_CLOTHING_WRITE);

	if (rc) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	issue_form(ui, person_id);
}

/* ---- Donations ------------------------------------------------------------------ */

enum { N_DATE, N_DONOR, N_CAT, N_NOTES = N_CAT + 2 * LINES, N__COUNT };

static int donation_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct cats *x = arg;
	struct hane_cl_donation d;
	char date[HANE_DATE_LEN + 1];
	int rc;

	memset(&d, 0, sizeof d);
	if (hane_date_parse(d.date, hane_ui_form_get(f, N_DATE)) != 0)
		d.date[0] = '\0';
	snprintf(d.donor, sizeof d.donor, "%s", hane_ui_form_get(f, N_DONOR));
	snprintf(d.notes, sizeof d.notes, "%s", hane_ui_form_get(f, N_NOTES));
	for (int k = 0; k < LINES; k++) {
		int c = hane_ui_form_choice(f, N_CAT + 2 * k);
		int q = atoi(hane_ui_form_get(f, N_CAT + 2 * k + 1));

		if (c <= 0 || c >= x->n)
			continue;
		if (q <= 0) {
			hane_ui_form_error(f, N_CAT + 2 * k + 1,
					   hane_msg(HANE_M_CL_UI_QTY_NEEDED));
			return HANE_EINVAL;
		}
		d.lines[d.nlines].category_id = x->id[c];
		d.lines[d.nlines++].qty = q;
	}
	if (d.nlines == 0) {
		hane_ui_form_error(f, N_CAT, hane_msg(HANE_M_CL_NO_LINES));
		return HANE_EINVAL;
	}
	rc = hane_clothing_donate(hane_ui_db(ui), &d);
	if (hane_ui_error_if(ui, rc))
		return rc;
	hane_ui_status(ui, false, hane_msg(HANE_M_CL_UI_DONATED),
		       (long long)d.id, hane_date_format(date, d.date));
	return 0;
}

static void donation_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	char today[HANE_DATE_LEN + 1];

	(void)ui;
	(void)arg;
	hane_ui_form_set(f, N_DATE, hane_date_format(today, hane_today(today)));
}

static void donation_screen(struct hane_ui *ui)
{
	struct cats x;
	struct hane_ui_field fields[N__COUNT];
	struct hane_ui_form_view v;
	int rc;

	if ((rc = hane_can(hane_ui_db(ui), HANE_ACT_CLOTHING_WRITE)) != 0 ||
	    (rc = load_cats(hane_ui_db(ui), &x)) != 0) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	memset(fields, 0, sizeof fields);
	fields[N_DATE] = (struct hane_ui_field){.kind = HANE_UI_F_DATE,
						.label = HANE_M_CL_F_DATE,
						.required = true};
	fields[N_DONOR] = (struct hane_ui_field){
		.kind = HANE_UI_F_TEXT, .label = HANE_M_CL_F_DONOR, .max = 90};
	for (int k = 0; k < LINES; k++) {
		fields[N_CAT + 2 * k] =
			(struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
					       .label = HANE_M_CL_F_CATEGORY,
					       .choices = x.label,
					       .nchoices = x.n};
		fields[N_CAT + 2 * k + 1] =
			(struct hane_ui_field){.kind = HANE_UI_F_NUMBER,
					       .label = HANE_M_CL_F_QTY,
					       .width = 4,
					       .lo = 1,
					       .hi = 999};
	}
	fields[N_NOTES] = (struct hane_ui_field){
		.kind = HANE_UI_F_TEXT, .label = HANE_M_CL_F_NOTES, .max = 250};
	memset(&v, 0, sizeof v);
	v.title = hane_msg(HANE_M_CL_UI_MENU_DONATION);
	v.fields = fields;
	v.nfields = N__COUNT;
	v.save = donation_save;
	v.arg = &x;
	hane_ui_form_show(ui, &v, donation_fill);
}

/* ---- Stock and the last issues --------------------------------------------------- */

static const enum hane_ui_action view_acts[] = {HANE_UI_A_HELP, HANE_UI_A_SORT,
						HANE_UI_A_BACK, HANE_UI_A_QUIT};

struct filler {
	struct hane_ui_list *l;
	hane_db *db;
	int rc;
};

enum { K_CATEGORY, K_IN, K_OUT, K_LEFT, K__COUNT };

static const struct hane_ui_column stock_cols[K__COUNT] = {
	[K_CATEGORY] = HANE_UI_COL_FLEX(HANE_M_CL_F_CATEGORY, 12, 24, 0),
	[K_IN] = HANE_UI_COL_NUM(HANE_M_CL_UI_COL_IN, 6, 9, 2),
	[K_OUT] = HANE_UI_COL_NUM(HANE_M_CL_UI_COL_OUT, 6, 9, 2),
	[K_LEFT] = HANE_UI_COL_NUM(HANE_M_CL_UI_COL_LEFT, 6, 9, 0),
};

static int stock_row(const struct hane_cl_stock_row *r, void *arg)
{
	struct filler *fl = arg;
	char in[24], out[24], left[24];
	const char *cells[K__COUNT];

	snprintf(in, sizeof in, "%lld", (long long)r->in);
	snprintf(out, sizeof out, "%lld", (long long)r->out);
	snprintf(left, sizeof left, "%lld", (long long)(r->in - r->out));
	cells[K_CATEGORY] = r->category;
	cells[K_IN] = in;
	cells[K_OUT] = out;
	cells[K_LEFT] = left;
	fl->rc = hane_ui_list_add(fl->l, r->category_id, cells);
	return fl->rc;
}

static void show_list(struct hane_ui *ui, const char *title,
		      const struct hane_ui_column *cols, int ncols,
		      struct hane_ui_list *l)
{
	struct hane_ui_list_view v = {
		.title = title,
		.cols = cols,
		.ncols = ncols,
		HANE_UI_BAR(view_acts),
	};

	hane_ui_list_run(ui, &v, l);
}

static void stock_screen(struct hane_ui *ui)
{
	struct hane_ui_list *l = hane_ui_list_new(K__COUNT);
	struct filler fl = {l, hane_ui_db(ui), 0};
	int rc;

	if (!l)
		return;
	rc = hane_clothing_stock(hane_ui_db(ui), stock_row, &fl);
	if (rc || fl.rc)
		hane_ui_error_rc(ui, rc ? rc : fl.rc);
	else
		show_list(ui, hane_msg(HANE_M_CL_UI_MENU_STOCK), stock_cols,
			  K__COUNT, l);
	hane_ui_list_free(l);
}

enum { T_DATE, T_PERSON, T_LINES, T__COUNT };

static const struct hane_ui_column issue_cols[T__COUNT] = {
	[T_DATE] = HANE_UI_COL_DATE(HANE_M_CL_F_DATE, 2),
	[T_PERSON] = HANE_UI_COL_TEXT(HANE_M_CL_UI_COL_PERSON, 12, 24, 1),
	[T_LINES] = HANE_UI_COL_FLEX(HANE_M_CL_UI_COL_LINES, 14, 40, 0),
};

static int issue_row(const struct hane_cl_issue *is, void *arg)
{
	struct filler *fl = arg;
	char date[HANE_DATE_LEN + 1], lines[256] = "";
	const char *cells[T__COUNT];

	for (size_t i = 0; i < is->nlines; i++) {
		struct hane_cl_category c;
		size_t n = strlen(lines);

		if (hane_clothing_category_find(fl->db, is->lines[i].category,
						&c) != 0)
			snprintf(c.name, sizeof c.name, "%s",
				 is->lines[i].category);
		snprintf(lines + n, sizeof lines - n, "%s%s %d", i ? ", " : "",
			 c.name, is->lines[i].qty);
	}
	cells[T_DATE] = hane_date_format(date, is->date);
	cells[T_PERSON] = is->person;
	cells[T_LINES] = lines;
	fl->rc = hane_ui_list_add(fl->l, is->id, cells);
	return fl->rc;
}

static void issues_screen(struct hane_ui *ui)
{
	struct hane_ui_list *l = hane_ui_list_new(T__COUNT);
	struct filler fl = {l, hane_ui_db(ui), 0};
	int rc;

	if (!l)
		return;
	if ((rc = hane_gate_list(hane_ui_db(ui), "clothing.issue.list")) == 0)
		rc = hane_clothing_issues(hane_ui_db(ui), 0, 200, issue_row,
					  &fl);
	if (rc || fl.rc)
		hane_ui_error_rc(ui, rc ? rc : fl.rc);
	else
		show_list(ui, hane_msg(HANE_M_CL_UI_MENU_ISSUES), issue_cols,
			  T__COUNT, l);
	hane_ui_list_free(l);
}

/* An issue starts from the person: the search, then the person page's
 * Dost Eller row. */
/* The counter: the person search, Enter opens the issue form, and after
 * it the search again, empty, for the next person in the queue (the
 * status line keeps what the form said: "Teslim #3 kaydedildi"). */
static void issue_search(struct hane_ui *ui)
{
	enum hane_msg hint = HANE_M_CL_UI_PICK_HINT;
	int64_t person;

	while ((person = hane_ui_person_pick(
			ui, hane_msg(HANE_M_CL_UI_MENU_ISSUE), hint)) > 0) {
		issue_form(ui, person);
		hint = 0;
	}
}

int hane_ui_clothing_main(struct hane_ui *ui)
{
	static const struct hane_ui_menu_item items[] = {
		{HANE_M_CL_UI_MENU_ISSUE, issue_search},
		{HANE_M_CL_UI_MENU_DONATION, donation_screen},
		{HANE_M_CL_UI_MENU_STOCK, stock_screen},
		{HANE_M_CL_UI_MENU_ISSUES, issues_screen},
	};

	return hane_ui_menu(ui, HANE_M_CL_UNIT, HANE_ACT_CLOTHING_READ, items,
			    HANE_UI_NITEMS(items));
}
