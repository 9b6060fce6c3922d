/* Food bank screens: distribution from a household search (eligibility and
 * last visit at a glance, the frequency limit and a supervisor's
 * override), the counter's donation intake (defaults from the last entry),
 * the markets' weekly ledger, stock per branch, and the households not
 * served for 30 days. Only hane/ui.h widgets; every rule is the model's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/foodbank.h"
#include "hane/foodbank_ui.h"
#include "hane/households.h"
#include "hane/perm.h"
#include "hane/ui.h"
#include "ui_foodbank_int.h"

#define NAMES_MAX 16

/* Branch and package choices, loaded when a form opens. */
struct choices {
	int n;
	int64_t id[NAMES_MAX];
	char code[NAMES_MAX][HANE_FB_CODE_MAX];
	char name[NAMES_MAX][96];
	const char *label[NAMES_MAX];
};

static int add_branch(const struct hane_fb_branch *b, void *arg)
{
	struct choices *c = arg;

	if (c->n >= NAMES_MAX || !b->active)
		return 0;
	c->id[c->n] = b->id;
	snprintf(c->name[c->n], sizeof c->name[0], "%s", b->name);
	c->label[c->n] = c->name[c->n];
	c->n++;
	return 0;
}

static int add_package(const struct hane_fb_package *p, void *arg)
{
	struct choices *c = arg;

	if (c->n >= NAMES_MAX || !p->active)
		return 0;
	c->id[c->n] = p->id;
	snprintf(c->code[c->n], sizeof c->code[0], "%s", p->code);
	snprintf(c->name[c->n], sizeof c->name[0], "%s", p->name);
	c->label[c->n] = c->name[c->n];
	c->n++;
	return 0;
}

static int find_choice(const struct choices *c, int64_t id)
{
	for (int i = 0; i < c->n; i++)
		if (c->id[i] == id)
			return i;
	return 0;
}

/* The line that answers "may they get food, and when did they last?" */
static void glance(char *out, size_t outsz, const struct hane_fb_check *c)
{
	char date[HANE_DATE_LEN + 1];
	size_t n;

	n = (size_t)snprintf(out, outsz, "%s",
			     hane_msg(c->eligible ? HANE_M_FB_UI_ELIGIBLE
						  : HANE_M_FB_UI_NOT_ELIGIBLE));
	if (n >= outsz)
		return;
	if (c->last_visit[0])
		snprintf(out + n, outsz - n, hane_msg(HANE_M_FB_UI_LAST),
			 hane_date_format(date, c->last_visit),
			 c->last_visit_package);
	else
		snprintf(out + n, outsz - n, "%s",
			 hane_msg(HANE_M_FB_UI_NO_VISIT));
}

/* ---- Distribution ------------------------------------------------------- */

enum { D_GLANCE, D_BRANCH, D_PACKAGE, D_DATE, D_VALUE, D_NOTES, D__COUNT };

struct dist_ctx {
	int64_t household;
	struct choices branches, packages;
	char glance[256]; /* the household at a glance, under the heading */
	bool eligible;	  /* … and it may receive a package */
	bool saved;
};

static int dist_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct dist_ctx *x = arg;
	struct hane_fb_distribution d;
	struct hane_fb_check c;
	char why[512], date[HANE_DATE_LEN + 1];
	int rc, b, p;

	memset(&d, 0, sizeof d);
	d.household_id = x->household;
	b = hane_ui_form_choice(f, D_BRANCH);
	p = hane_ui_form_choice(f, D_PACKAGE);
	d.branch_id = x->branches.id[b];
	snprintf(d.package, sizeof d.package, "%s", x->packages.code[p]);
	if (hane_date_parse(d.date, hane_ui_form_get(f, D_DATE)) != 0)
		d.date[0] = '\0';
	if (*hane_ui_form_get(f, D_VALUE) &&
	    hane_money_parse(&d.value_kurus, hane_ui_form_get(f, D_VALUE)) != 0)
		d.value_kurus = 0;
	snprintf(d.notes, sizeof d.notes, "%s", hane_ui_form_get(f, D_NOTES));
	rc = hane_foodbank_distribute(hane_ui_db(ui), &d, &c);
	if (rc == HANE_EPERM && c.limited && !c.overridden) {
		/* The limit fired: say which rule and when, and offer the
		 * supervisor's way through (the model decides who may). */
		static const struct hane_ui_override o = {
			HANE_ACT_FOODBANK_OVERRIDE,
			HANE_M_FB_UI_LIMIT_TITLE,
			HANE_M_FB_UI_CANCEL,
			HANE_M_FB_UI_OVERRIDE,
			HANE_M_FB_UI_ASK_SUPERVISOR,
			HANE_M_FB_UI_TITLE_OVERRIDE,
			HANE_M_FB_F_REASON};

		if (!hane_ui_override_reason(ui, &o, d.override_reason,
					     sizeof d.override_reason))
			return HANE_EPERM;
		rc = hane_foodbank_distribute(hane_ui_db(ui), &d, &c);
	}
	if (rc == HANE_EPERM && !c.eligible && !c.limited &&
	    hane_can(hane_ui_db(ui), HANE_ACT_FOODBANK_WRITE) == 0) {
		/* A rule, not a permission: said as the limit is, with what
		 * would make the household eligible. */
		const char *ok = hane_msg(HANE_M_FB_UI_OK);

		snprintf(why, sizeof why, "%s.\n\n%s", hane_error_last(),
			 hane_msg(HANE_M_FB_UI_NOT_ELIGIBLE_HINT));
		(void)hane_ui_buttons(ui,
				      hane_msg(HANE_M_FB_UI_NOT_ELIGIBLE_TITLE),
				      why, &ok, 1);
		return rc;
	}
	if (hane_ui_error_if(ui, rc))
		return rc;
	x->saved = true;
	/* Saved is said first and as success; a short stock is a warning
	 * beside it, in a dialog that shows it whole. */
	if (c.nshort) {
		char have[32], need[32], text[1024], warn[512];
		const char *ok = hane_msg(HANE_M_FB_UI_OK);

		snprintf(warn, sizeof warn, hane_msg(HANE_M_FB_UI_SHORT),
			 d.branch,
			 hane_fb_category_label(c.shortage[0].category),
			 hane_fb_qty_format(have, sizeof have,
					    c.shortage[0].have_milli),
			 c.shortage[0].unit,
			 hane_fb_qty_format(need, sizeof need,
					    c.shortage[0].need_milli),
			 c.shortage[0].unit);
		snprintf(text, sizeof text, hane_msg(HANE_M_FB_UI_GIVEN),
			 (long long)d.id, d.package_name,
			 hane_date_format(date, d.date));
		snprintf(text + strlen(text), sizeof text - strlen(text),
			 "\n\n\u26a0 %s", warn);
		(void)hane_ui_buttons(ui, hane_msg(HANE_M_FB_UI_WARN_TITLE),
				      text, &ok, 1);
	}
	hane_ui_status(ui, false,
		       hane_msg(c.overridden ? HANE_M_FB_UI_GIVEN_OVERRIDE
					     : HANE_M_FB_UI_GIVEN),
		       (long long)d.id, d.package_name,
		       hane_date_format(date, d.date));
	return 0;
}

/* The household at a glance under the heading; today's date. */
static void dist_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct dist_ctx *x = arg;
	char today[HANE_DATE_LEN + 1];

	(void)ui;
	/* A household that may receive is good news, not a warning. */
	if (x->eligible)
		hane_ui_form_hint(f, D_GLANCE, x->glance);
	else
		hane_ui_form_note(f, D_GLANCE, x->glance);
	hane_ui_form_set(f, D_DATE, hane_date_format(today, hane_today(today)));
}

/* The distribution form for one household; true when one was saved. */
static bool distribute_form(struct hane_ui *ui, int64_t household)
{
	hane_db *db = hane_ui_db(ui);
	struct dist_ctx *x = calloc(1, sizeof *x);
	struct hane_ui_field fields[D__COUNT];
	struct hane_ui_form_view v;
	struct hane_fb_check c;
	char title[128];
	bool saved;
	int rc;

	if (!x)
		return false;
	x->household = household;
	if ((rc = hane_foodbank_eligibility(db, household, "", &c)) != 0 ||
	    (rc = hane_foodbank_branch_each(db, add_branch, &x->branches)) ||
	    (rc = hane_foodbank_package_each(db, add_package, &x->packages))) {
		hane_ui_error_rc(ui, rc);
		free(x);
		return false;
	}
	memset(fields, 0, sizeof fields);
	fields[D_GLANCE] = (struct hane_ui_field){.kind = HANE_UI_F_HEADING,
						  .label = HANE_M_FB_UI_GLANCE};
	fields[D_BRANCH] = (struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
						  .label = HANE_M_FB_F_BRANCH,
						  .required = true,
						  .choices = x->branches.label,
						  .nchoices = x->branches.n};
	fields[D_PACKAGE] = (struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
						   .label = HANE_M_FB_F_PACKAGE,
						   .required = true,
						   .choices = x->packages.label,
						   .nchoices = x->packages.n};
	fields[D_DATE] = (struct hane_ui_field){.kind = HANE_UI_F_DATE,
						.label = HANE_M_FB_F_DATE,
						.required = true};
	fields[D_VALUE] = (struct hane_ui_field){.kind = HANE_UI_F_MONEY,
						 .label = HANE_M_FB_F_VALUE};
	fields[D_NOTES] = (struct hane_ui_field){
		.kind = HANE_UI_F_TEXT, .label = HANE_M_FB_F_NOTES, .max = 250};
	snprintf(title, sizeof title, hane_msg(HANE_M_FB_UI_TITLE_DIST),
		 (long long)household);
	memset(&v, 0, sizeof v);
	v.title = title;
	v.fields = fields;
	v.nfields = D__COUNT;
	v.save = dist_save;
	v.arg = x;
	glance(x->glance, sizeof x->glance, &c);
	x->eligible = c.eligible;
	hane_ui_form_show(ui, &v, dist_fill);
	saved = x->saved;
	free(x);
	return saved;
}

enum { S_HH, S_NAME, S_MAHALLE, S_STATE, S__COUNT };

static const struct hane_ui_column search_cols[S__COUNT] = {
	[S_HH] = HANE_UI_COL_NUM(HANE_M_FB_UI_COL_HH, 5, 7, 2),
	[S_NAME] = HANE_UI_COL_FLEX(HANE_M_FB_UI_COL_NAME, 14, 24, 0),
	[S_MAHALLE] = HANE_UI_COL_TEXT(HANE_M_FB_UI_COL_MAHALLE, 8, 14, 3),
	[S_STATE] = HANE_UI_COL_TEXT(HANE_M_FB_UI_COL_STATE, 12, 30, 1),
};

/* Households shown at most (the seen list), and persons asked of the
 * search per row wanted: a big family's members would otherwise fill the
 * page's worth of hits and hide the other households (#18: "uysal" showed
 * 5 of its 14 households, not the eligible one). */
enum { SEARCH_HH_MAX = 64, SEARCH_PERSONS_PER_ROW = 8 };

struct search_fill {
	hane_db *db;
	struct hane_ui_list *l;
	int rc;
	int64_t seen[SEARCH_HH_MAX];
	int nseen;
	int want;
};

static int search_hit(const struct hane_person_hit *hit, void *arg)
{
	struct search_fill *s = arg;
	struct hane_fb_check c;
	char hh[32], name[2 * HANE_NAME_MAX + 2], state[256];
	const char *cells[S__COUNT];

	/* One row per household: the family comes for the package. */
	for (int i = 0; i < s->nseen; i++)
		if (s->seen[i] == hit->household_id)
			return 0;
	/* the search stops at want (≤ SEARCH_HH_MAX) rows; the bound stays
	 * even so, not left to the callee's word */
	if (s->nseen >= SEARCH_HH_MAX)
		return 1;
	s->seen[s->nseen++] = hit->household_id;
	snprintf(hh, sizeof hh, "#%lld", (long long)hit->household_id);
	snprintf(name, sizeof name, "%s %s", hit->first_name, hit->last_name);
	if (hane_foodbank_eligibility(s->db, hit->household_id, "", &c) == 0)
		glance(state, sizeof state, &c);
	else
		snprintf(state, sizeof state, "-");
	cells[S_HH] = hh;
	cells[S_NAME] = name;
	cells[S_MAHALLE] = hit->mahalle;
	cells[S_STATE] = state;
	s->rc = hane_ui_list_add(s->l, hit->household_id, cells);
	return s->rc ? s->rc : s->nseen >= s->want;
}

static int search_fill(struct hane_ui *ui, struct hane_ui_list *l,
		       const char *query, int rows, void *arg)
{
	struct search_fill *s = calloc(1, sizeof *s);
	int rc;

	(void)arg;
	if (!s)
		return HANE_ENOMEM;
	s->db = hane_ui_db(ui);
	s->l = l;
	s->want = rows < SEARCH_HH_MAX ? rows : SEARCH_HH_MAX;
	rc = hane_person_search(s->db, query, s->want * SEARCH_PERSONS_PER_ROW,
				0, search_hit, s, NULL);
	if (rc < 0 && !query[0])
		rc = 0;
	else if (rc >= 0)
		rc = s->rc;
	free(s);
	return rc;
}

static int household_act(struct hane_ui *ui, struct hane_ui_list *l,
			 enum hane_ui_action a, void *arg)
{
	int64_t id = hane_ui_list_selected_id(l);

	(void)arg;
	if (a == HANE_UI_A_CHOOSE && id)
		distribute_form(ui, id);
	return HANE_UI_STAY;
}

static const enum hane_ui_action pick_acts[] = {HANE_UI_A_HELP, HANE_UI_A_SORT,
						HANE_UI_A_CHOOSE,
						HANE_UI_A_BACK, HANE_UI_A_QUIT};

/* A household to choose for a distribution, from a list fill fills
 * (prompt: what it says while nothing is typed; 0: "(kayıt yok)"). */
static void household_pick(struct hane_ui *ui, enum hane_msg title,
			   const struct hane_ui_column *cols, int ncols,
			   int (*fill)(struct hane_ui *ui,
				       struct hane_ui_list *l,
				       const char *query, int rows, void *arg),
			   enum hane_msg prompt)
{
	struct hane_ui_list_view v = {
		.title = hane_msg(title),
		.cols = cols,
		.ncols = ncols,
		HANE_UI_BAR(pick_acts),
		.fill = fill,
		.act = household_act,
		.prompt = prompt,
	};

	hane_ui_list_show(ui, &v);
}

static void distribution_screen(struct hane_ui *ui)
{
	household_pick(ui, HANE_M_FB_UI_MENU_DIST, search_cols, S__COUNT,
		       search_fill, HANE_M_UI_TYPE_TO_SEARCH);
}

/* ---- Donation intake ---------------------------------------------------------- */

enum {
	N_BRANCH,
	N_DATE,
	N_DONOR,
	N_CATEGORY,
	N_QTY,
	N_UNIT,
	N_VALUE,
	N_NOTES,
	N__COUNT
};

static const char *const category_codes[] = {
#define HANE_X_(id, code, unit, market) code,
	HANE_FB_CATEGORIES(HANE_X_)
#undef HANE_X_
};
#define NCATS ((int)(sizeof category_codes / sizeof category_codes[0]))
static const char *const unit_codes[] = {"kg", "lt", "adet", "koli"};
#define NUNITS 4

struct intake_ctx {
	struct choices branches;
	const char *cats[NCATS];
	int saved;
};

static int check_qty(const char *text, void *arg)
{
	int64_t q;

	(void)arg;
	return hane_fb_qty_parse(&q, text, false);
}

static int intake_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct intake_ctx *x = arg;
	struct hane_fb_donation d;
	char date[HANE_DATE_LEN + 1];
	int rc;

	memset(&d, 0, sizeof d);
	d.branch_id = x->branches.id[hane_ui_form_choice(f, N_BRANCH)];
	if (hane_date_parse(d.date, hane_ui_form_get(f, N_DATE)) != 0)
		d.date[0] = '\0';
	snprintf(d.donor_name, sizeof d.donor_name, "%s",
		 hane_ui_form_get(f, N_DONOR));
	snprintf(d.items[0].category, sizeof d.items[0].category, "%s",
		 category_codes[hane_ui_form_choice(f, N_CATEGORY)]);
	snprintf(d.items[0].unit, sizeof d.items[0].unit, "%s",
		 unit_codes[hane_ui_form_choice(f, N_UNIT)]);
	if (hane_fb_qty_parse(&d.items[0].qty_milli, hane_ui_form_get(f, N_QTY),
			      false) != 0) {
		hane_ui_form_error(f, N_QTY, hane_error_last());
		return HANE_EINVAL;
	}
	d.nitems = 1;
	if (*hane_ui_form_get(f, N_VALUE) &&
	    hane_money_parse(&d.value_kurus, hane_ui_form_get(f, N_VALUE)) != 0)
		d.value_kurus = 0;
	snprintf(d.notes, sizeof d.notes, "%s", hane_ui_form_get(f, N_NOTES));
	rc = hane_foodbank_donate(hane_ui_db(ui), &d);
	if (hane_ui_error_if(ui, rc))
		return rc;
	x->saved++;
	if (d.off_day)
		hane_ui_status(ui, true, "%s", hane_error_last());
	else
		hane_ui_status(ui, false, hane_msg(HANE_M_FB_UI_DONATED),
			       (long long)d.id, hane_date_format(date, d.date));
	return 0;
}

/* One form per item, reopened with the last entry's branch, date, donor,
 * category and unit, so a counter types only what changed. */
static void intake_fields(struct intake_ctx *x,
			  struct hane_ui_field fields[N__COUNT])
{
	memset(fields, 0, sizeof(struct hane_ui_field) * N__COUNT);
	fields[N_BRANCH] = (struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
						  .label = HANE_M_FB_F_BRANCH,
						  .required = true,
						  .choices = x->branches.label,
						  .nchoices = x->branches.n};
	fields[N_DATE] = (struct hane_ui_field){.kind = HANE_UI_F_DATE,
						.label = HANE_M_FB_F_DATE,
						.required = true};
	fields[N_DONOR] = (struct hane_ui_field){
		.kind = HANE_UI_F_TEXT, .label = HANE_M_FB_F_DONOR, .max = 90};
	fields[N_CATEGORY] =
		(struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
				       .label = HANE_M_FB_F_CATEGORY,
				       .required = true,
				       .choices = x->cats,
				       .nchoices = NCATS};
	fields[N_QTY] = (struct hane_ui_field){.kind = HANE_UI_F_TEXT,
					       .label = HANE_M_FB_F_QTY,
					       .required = true,
					       .width = 10,
					       .max = 12,
					       .check = check_qty};
	fields[N_UNIT] = (struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
						.label = HANE_M_FB_F_UNIT,
						.required = true,
						.choices = unit_codes,
						.nchoices = NUNITS};
	fields[N_VALUE] = (struct hane_ui_field){.kind = HANE_UI_F_MONEY,
						 .label = HANE_M_FB_F_VALUE};
	fields[N_NOTES] = (struct hane_ui_field){
		.kind = HANE_UI_F_TEXT, .label = HANE_M_FB_F_NOTES, .max = 250};
}

/* A new form starts from today, or from the last donation's branch, day,
 * donor, category and unit: a branch enters a day's donations in a row. */
static void intake_prefill(struct hane_ui *ui, struct hane_ui_form *f,
			   void *arg)
{
	hane_db *db = hane_ui_db(ui);
	struct intake_ctx *x = arg;
	struct hane_fb_donation last;
	char today[HANE_DATE_LEN + 1];

	hane_ui_form_set(f, N_DATE, hane_date_format(today, hane_today(today)));
	if (hane_foodbank_last_donation(db, &last) != 0 || last.nitems <= 0)
		return;
	hane_ui_form_set_choice(f, N_BRANCH,
				find_choice(&x->branches, last.branch_id));
	hane_ui_form_set(f, N_DATE, hane_date_format(today, last.date));
	hane_ui_form_set(f, N_DONOR, last.donor_name);
	for (int i = 0; i < NCATS; i++)
		if (!strcmp(category_codes[i], last.items[0].category))
			hane_ui_form_set_choice(f, N_CATEGORY, i);
	for (int i = 0; i < NUNITS; i++)
		if (!strcmp(unit_codes[i], last.items[0].unit))
			hane_ui_form_set_choice(f, N_UNIT, i);
}

static void intake_screen(struct hane_ui *ui)
{
	hane_db *db = hane_ui_db(ui);
	struct intake_ctx *x = calloc(1, sizeof *x);
	struct hane_ui_field fields[N__COUNT];
	struct hane_ui_form_view v;
	int rc;

	if (!x)
		return;
	if ((rc = hane_foodbank_branch_each(db, add_branch, &x->branches))) {
		hane_ui_error_rc(ui, rc);
		free(x);
		return;
	}
	for (int i = 0; i < NCATS; i++)
		x->cats[i] = hane_fb_category_label(category_codes[i]);
	intake_fields(x, fields);
	memset(&v, 0, sizeof v);
	v.title = hane_msg(HANE_M_FB_UI_MENU_INTAKE);
	v.fields = fields;
	v.nfields = N__COUNT;
	v.save = intake_save;
	v.arg = x;
	while (hane_ui_form_show(ui, &v, intake_prefill) &&
	       !hane_ui_quitting(ui))
		;
	free(x);
}

/* ---- Read-only lists: ledger, stock, not served ------------------------------ */

static const enum hane_ui_action view_acts[] = {HANE_UI_A_HELP, HANE_UI_A_SORT,
						HANE_UI_A_BACK, HANE_UI_A_QUIT};

struct filler {
	struct hane_ui_list *l;
	int rc;
	int64_t n;
};

enum { L_MARKET, L_VEG, L_FRUIT, L_DELI, L_PCS, L_VALUE, L_COUNT, L__COUNT };

static const struct hane_ui_column ledger_cols[L__COUNT] = {
	[L_MARKET] = HANE_UI_COL_FLEX(HANE_M_FB_F_MARKET, 10, 20, 0),
	[L_VEG] = HANE_UI_COL_NUM(HANE_M_FB_CAT_VEGETABLE, 6, 9, 3),
	[L_FRUIT] = HANE_UI_COL_NUM(HANE_M_FB_CAT_FRUIT, 6, 9, 3),
	[L_DELI] = HANE_UI_COL_NUM(HANE_M_FB_CAT_DELI, 6, 9, 3),
	[L_PCS] = HANE_UI_COL_NUM(HANE_M_FB_UI_COL_PIECES, 5, 7, 4),
	[L_VALUE] = HANE_UI_COL_NUM(HANE_M_FB_F_VALUE, 10, 14, 0),
	[L_COUNT] = HANE_UI_COL_NUM(HANE_M_FB_UI_COL_DELIVERIES, 4, 8, 5),
};

static int ledger_row(const struct hane_fb_ledger_row *r, void *arg)
{
	struct filler *fl = arg;
	char q[4][32], money[32], n[16];
	const char *cells[L__COUNT];

	for (int i = 0; i < 3; i++)
		hane_fb_qty_format(q[i], sizeof q[i], r->kg_milli[i]);
	hane_fb_qty_format(q[3], sizeof q[3],
			   r->pieces_milli[0] + r->pieces_milli[1] +
				   r->pieces_milli[2]);
	snprintf(n, sizeof n, "%d", r->deliveries);
	cells[L_MARKET] = r->market;
	cells[L_VEG] = q[0];
	cells[L_FRUIT] = q[1];
	cells[L_DELI] = q[2];
	cells[L_PCS] = q[3];
	cells[L_VALUE] =
		hane_money_format(money, sizeof money, r->value_kurus, false);
	cells[L_COUNT] = n;
	fl->rc = hane_ui_list_add(fl->l, r->market_id, cells);
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

static void ledger_screen(struct hane_ui *ui)
{
	struct hane_ui_list *l = hane_ui_list_new(L__COUNT);
	struct filler fl = {l, 0, 0};
	char title[128], today[HANE_DATE_LEN + 1], date[HANE_DATE_LEN + 1];
	int rc;

	if (!l)
		return;
	rc = hane_foodbank_market_week(hane_ui_db(ui), hane_today(today),
				       ledger_row, &fl);
	if (rc || fl.rc) {
		hane_ui_error_rc(ui, rc ? rc : fl.rc);
	} else {
		snprintf(title, sizeof title,
			 hane_msg(HANE_M_FB_UI_TITLE_LEDGER),
			 hane_date_format(date, today));
		show_list(ui, title, ledger_cols, L__COUNT, l);
	}
	hane_ui_list_free(l);
}

enum { K_BRANCH, K_CATEGORY, K_UNIT, K_IN, K_OUT, K_LEFT, K__COUNT };

static const struct hane_ui_column stock_cols[K__COUNT] = {
	[K_BRANCH] = HANE_UI_COL_TEXT(HANE_M_FB_F_BRANCH, 8, 12, 0),
	[K_CATEGORY] = HANE_UI_COL_FLEX(HANE_M_FB_F_CATEGORY, 10, 14, 0),
	[K_UNIT] = HANE_UI_COL_TEXT(HANE_M_FB_F_UNIT, 4, 5, 3),
	[K_IN] = HANE_UI_COL_NUM(HANE_M_FB_UI_COL_IN, 6, 9, 2),
	[K_OUT] = HANE_UI_COL_NUM(HANE_M_FB_UI_COL_OUT, 6, 9, 2),
	[K_LEFT] = HANE_UI_COL_NUM(HANE_M_FB_UI_COL_LEFT, 6, 11, 0),
};

static int stock_row(const struct hane_fb_stock_row *r, void *arg)
{
	struct filler *fl = arg;
	char in[32], out[32], left[48], q[32];
	const char *cells[K__COUNT];

	hane_fb_qty_format(in, sizeof in, r->in_milli);
	hane_fb_qty_format(out, sizeof out, r->out_milli);
	hane_fb_qty_format(q, sizeof q, r->in_milli - r->out_milli);
	/* Below zero is marked by a sign and a word, not only colour. */
	snprintf(left, sizeof left, "%s%s",
		 r->in_milli < r->out_milli ? "⚠ " : "", q);
	cells[K_BRANCH] = r->branch;
	cells[K_CATEGORY] = hane_fb_category_label(r->category);
	cells[K_UNIT] = r->unit;
	cells[K_IN] = in;
	cells[K_OUT] = out;
	cells[K_LEFT] = left;
	fl->rc = hane_ui_list_add(fl->l, ++fl->n, cells);
	return fl->rc;
}

static void stock_screen(struct hane_ui *ui)
{
	struct hane_ui_list *l = hane_ui_list_new(K__COUNT);
	struct filler fl = {l, 0, 0};
	int rc;

	if (!l)
		return;
	rc = hane_foodbank_stock(hane_ui_db(ui), 0, stock_row, &fl);
	if (rc || fl.rc)
		hane_ui_error_rc(ui, rc ? rc : fl.rc);
	else
		show_list(ui, hane_msg(HANE_M_FB_UI_MENU_STOCK), stock_cols,
			  K__COUNT, l);
	hane_ui_list_free(l);
}

enum { U_HH, U_HEAD, U_MAHALLE, U_LAST, U__COUNT };

static const struct hane_ui_column unserved_cols[U__COUNT] = {
	[U_HH] = HANE_UI_COL_NUM(HANE_M_FB_UI_COL_HH, 5, 7, 2),
	[U_HEAD] = HANE_UI_COL_FLEX(HANE_M_FB_UI_COL_NAME, 14, 24, 0),
	[U_MAHALLE] = HANE_UI_COL_TEXT(HANE_M_FB_UI_COL_MAHALLE, 8, 14, 3),
	[U_LAST] = HANE_UI_COL_WHEN(HANE_M_FB_UI_COL_LAST, 10, 24, 1),
};

static int unserved_row(const struct hane_fb_unserved *u, void *arg)
{
	struct filler *fl = arg;
	char hh[32], last[64], date[HANE_DATE_LEN + 1];
	const char *cells[U__COUNT];

	snprintf(hh, sizeof hh, "#%lld", (long long)u->household_id);
	if (u->last_date[0])
		snprintf(last, sizeof last, hane_msg(HANE_M_FB_CLI_DAYS_AGO),
			 hane_date_format(date, u->last_date), u->days_since);
	else
		snprintf(last, sizeof last, "%s",
			 hane_msg(HANE_M_FB_CLI_NEVER));
	cells[U_HH] = hh;
	cells[U_HEAD] = u->head;
	cells[U_MAHALLE] = u->mahalle;
	cells[U_LAST] = last;
	fl->rc = hane_ui_list_add(fl->l, u->household_id, cells);
	return fl->rc;
}

static int unserved_fill(struct hane_ui *ui, struct hane_ui_list *l,
			 const char *query, int rows, void *arg)
{
	struct filler fl = {l, 0, 0};
	int rc;

	(void)query;
	(void)rows;
	(void)arg;
	rc = hane_foodbank_unserved(hane_ui_db(ui), 30, "", 500, unserved_row,
				    &fl);
	return rc ? rc : fl.rc;
}

static void unserved_screen(struct hane_ui *ui)
{
	household_pick(ui, HANE_M_FB_UI_MENU_UNSERVED, unserved_cols, U__COUNT,
		       unserved_fill, 0);
}

/* ---- Entry and the household's services panel ---------------------------------- */

int hane_ui_foodbank_main(struct hane_ui *ui)
{
	static const struct hane_ui_menu_item items[] = {
		{HANE_M_FB_UI_MENU_DIST, distribution_screen},
		{HANE_M_FB_UI_MENU_INTAKE, intake_screen},
		{HANE_M_FB_UI_MENU_LEDGER, ledger_screen},
		{HANE_M_FB_UI_MENU_STOCK, stock_screen},
		{HANE_M_FB_UI_MENU_UNSERVED, unserved_screen},
		{HANE_M_FB_UI_MENU_BRANCHES, fb_ui_branches},
		{HANE_M_FB_UI_MENU_MARKETS, fb_ui_markets},
		{HANE_M_FB_UI_MENU_PACKAGES, fb_ui_packages},
	};

	return hane_ui_menu(ui, HANE_M_UI_UNIT_FOODBANK, HANE_ACT_FOODBANK_READ,
			    items, HANE_UI_NITEMS(items));
}

void hane_ui_foodbank_services(struct hane_ui *ui, int64_t household_id,
			       struct hane_ui_detail *d)
{
	struct hane_fb_check c;
	char line[256];

	/* Someone without food bank rights sees nothing of it here. */
	if (hane_foodbank_eligibility(hane_ui_db(ui), household_id, "", &c))
		return;
	if (!c.eligible && !c.last_visit[0])
		return;
	glance(line, sizeof line, &c);
	hane_ui_detail_panel(d, "%s  %s", hane_msg(HANE_M_FB_UI_PANEL), line);
}
