/* Gıda Bankası → Şubeler, Marketler, Paket türleri: the unit's reference
 * data kept in the console (branches with their collection days, markets,
 * package types with their frequency limit). F5 adds, F4 edits, F7 makes
 * a row inactive or active again; only a role with foodbank.admin (the
 * unit's supervisors, the administrators) is offered them, as the CLI's
 * `hane foodbank days|limit` ask. Every check and audited write is the
 * model's (hane/foodbank.h); its message goes under the field it names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/foodbank.h"
#include "hane/foodbank_ui.h"
#include "hane/perm.h"
#include "hane/ui.h"
#include "ui_foodbank_int.h"

#define ROWS_MAX 128

enum kind { K_BRANCH, K_MARKET, K_PACKAGE };

struct ref {
	enum kind kind;
	int n;
	struct hane_fb_branch b[ROWS_MAX];
	struct hane_fb_market m[ROWS_MAX];
	struct hane_fb_package p[ROWS_MAX];
	struct hane_ui_list *l;
	char query[128]; /* folded */
	char raw[128];	 /* as typed */
	int shown;
};

static bool matches(const struct ref *r, const char *a, const char *b)
{
	char f[256];

	if (!r->query[0])
		return true;
	hane_text_fold(f, sizeof f, a);
	if (strstr(f, r->query))
		return true;
	hane_text_fold(f, sizeof f, b ? b : "");
	return strstr(f, r->query) != NULL;
}

static const char *state_word(bool active)
{
	return hane_msg(active ? HANE_M_FB_UI_ACTIVE : HANE_M_FB_UI_INACTIVE);
}

/* ---- The lists ------------------------------------------------------------ */

static const struct hane_ui_column branch_cols[] = {
	{HANE_M_FB_F_BRANCH, 10, 20, 0, false, false, HANE_UI_SORT_TEXT},
	{HANE_M_FB_F_DAYS, 12, 30, 1, true, false, HANE_UI_SORT_TEXT},
	{HANE_M_FB_UI_COL_ACTIVE, 5, 6, 2, false, false, HANE_UI_SORT_TEXT},
	{HANE_M_FB_UI_COL_NO, 3, 4, 3, false, true, HANE_UI_SORT_NUMBER},
};
static const struct hane_ui_column market_cols[] = {
	{HANE_M_FB_F_MARKET, 12, 40, 0, true, false, HANE_UI_SORT_TEXT},
	{HANE_M_FB_UI_COL_ACTIVE, 5, 6, 1, false, false, HANE_UI_SORT_TEXT},
	{HANE_M_FB_UI_COL_NO, 3, 4, 2, false, true, HANE_UI_SORT_NUMBER},
};
static const struct hane_ui_column package_cols[] = {
	{HANE_M_FB_F_CODE, 6, 14, 3, false, false, HANE_UI_SORT_TEXT},
	{HANE_M_FB_F_PACKAGE, 12, 30, 0, true, false, HANE_UI_SORT_TEXT},
	{HANE_M_FB_F_LIMIT, 6, 19, 1, false, true, HANE_UI_SORT_NUMBER},
	{HANE_M_FB_UI_COL_ACTIVE, 5, 6, 2, false, false, HANE_UI_SORT_TEXT},
};

static int add_row(struct ref *r, int64_t id, const char *const *cells)
{
	r->shown++;
	return hane_ui_list_add(r->l, id, cells);
}

static int branch_row(const struct hane_fb_branch *b, void *arg)
{
	struct ref *r = arg;
	char days[128], no[24];

	if (r->n < ROWS_MAX)
		r->b[r->n++] = *b;
	hane_foodbank_days_format(days, sizeof days, b->days);
	if (!matches(r, b->name, days))
		return 0;
	snprintf(no, sizeof no, "#%lld", (long long)b->id);
	const char *cells[] = {b->name, b->days[0] ? days : "—",
			       state_word(b->active), no};
	return add_row(r, b->id, cells);
}

static int market_row(const struct hane_fb_market *m, void *arg)
{
	struct ref *r = arg;
	char no[24];

	if (r->n < ROWS_MAX)
		r->m[r->n++] = *m;
	if (!matches(r, m->name, NULL))
		return 0;
	snprintf(no, sizeof no, "#%lld", (long long)m->id);
	const char *cells[] = {m->name, state_word(m->active), no};
	return add_row(r, m->id, cells);
}

static int package_row(const struct hane_fb_package *p, void *arg)
{
	struct ref *r = arg;
	char limit[32];

	if (r->n < ROWS_MAX)
		r->p[r->n++] = *p;
	if (!matches(r, p->name, p->code))
		return 0;
	if (p->limit_days)
		snprintf(limit, sizeof limit, "%d", p->limit_days);
	else
		snprintf(limit, sizeof limit, "%s",
			 hane_msg(HANE_M_FB_UI_NO_LIMIT));
	const char *cells[] = {p->code, p->name, limit, state_word(p->active)};
	return add_row(r, p->id, cells);
}

static int ref_fill(struct hane_ui *ui, struct hane_ui_list *l,
		    const char *query, int rows, void *arg)
{
	struct ref *r = arg;
	hane_db *db = hane_ui_db(ui);

	(void)rows;
	r->l = l;
	r->n = r->shown = 0;
	snprintf(r->raw, sizeof r->raw, "%s", query ? query : "");
	hane_text_fold(r->query, sizeof r->query, r->raw);
	switch (r->kind) {
	case K_BRANCH:
		return hane_foodbank_branch_each(db, branch_row, r);
	case K_MARKET:
		return hane_foodbank_market_each(db, market_row, r);
	default:
		return hane_foodbank_package_each(db, package_row, r);
	}
}

static void ref_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct ref *r = arg;

	(void)ui;
	snprintf(out, outsz, hane_msg(HANE_M_FB_UI_N_ROWS), r->shown);
}

/* ---- The forms ------------------------------------------------------------ */

struct edit {
	struct ref *r;
	int row;	  /* index in r's arrays; -1 adding */
	int64_t saved_id; /* out */
	char done[256];
};

enum { BF_NAME, BF_DAYS, BF_ACTIVE, BF__COUNT };
static const enum hane_msg branch_labels[BF__COUNT] = {
	HANE_M_FB_F_BRANCH, HANE_M_FB_F_DAYS, HANE_M_FB_UI_F_ACTIVE};

enum { MF_NAME, MF_ACTIVE, MF__COUNT };
static const enum hane_msg market_labels[MF__COUNT] = {HANE_M_FB_F_MARKET,
						       HANE_M_FB_UI_F_ACTIVE};

/* Adding: code, name, English name, limit. Editing: name, limit, active. */
enum { PA_CODE, PA_NAME, PA_NAME_EN, PA_LIMIT, PA__COUNT };
static const enum hane_msg package_add_labels[PA__COUNT] = {
	HANE_M_FB_F_CODE, HANE_M_FB_F_PACKAGE, HANE_M_FB_F_NAME_EN,
	HANE_M_FB_F_LIMIT};
enum { PE_NAME, PE_LIMIT, PE_ACTIVE, PE__COUNT };
static const enum hane_msg package_edit_labels[PE__COUNT] = {
	HANE_M_FB_F_PACKAGE, HANE_M_FB_F_LIMIT, HANE_M_FB_UI_F_ACTIVE};

static int check_days(const char *text, void *arg)
{
	char d[8];

	(void)arg;
	return text[0] ? hane_foodbank_days_parse(d, text) : 0;
}

/* ---- The forms: one table of fields per record (adding: the active
 * question left off, or the package's own fields) ---- */

static const struct hane_ui_field branch_fields[BF__COUNT] = {
	[BF_NAME] = {.kind = HANE_UI_F_TEXT,
		     .label = HANE_M_FB_F_BRANCH,
		     .required = true,
		     .width = 30,
		     .max = 60},
	[BF_DAYS] = {.kind = HANE_UI_F_TEXT,
		     .label = HANE_M_FB_F_DAYS,
		     .width = 30,
		     .max = 60,
		     .check = check_days},
	[BF_ACTIVE] = {.kind = HANE_UI_F_YESNO, .label = HANE_M_FB_UI_F_ACTIVE},
};

static const struct hane_ui_field market_fields[MF__COUNT] = {
	[MF_NAME] = {.kind = HANE_UI_F_TEXT,
		     .label = HANE_M_FB_F_MARKET,
		     .required = true,
		     .width = 40,
		     .max = 90},
	[MF_ACTIVE] = {.kind = HANE_UI_F_YESNO, .label = HANE_M_FB_UI_F_ACTIVE},
};

#define FIELD_LIMIT                                                            \
	{                                                                      \
		.kind = HANE_UI_F_NUMBER, .label = HANE_M_FB_F_LIMIT,          \
		.required = true, .width = 5, .max = 4, .lo = 0, .hi = 3660    \
	}
#define FIELD_PACKAGE                                                          \
	{                                                                      \
		.kind = HANE_UI_F_TEXT, .label = HANE_M_FB_F_PACKAGE,          \
		.required = true, .width = 40, .max = 90                       \
	}

static const struct hane_ui_field package_add_fields[PA__COUNT] = {
	[PA_CODE] = {.kind = HANE_UI_F_TEXT,
		     .label = HANE_M_FB_F_CODE,
		     .required = true,
		     .width = 16,
		     .max = 15},
	[PA_NAME] = FIELD_PACKAGE,
	[PA_NAME_EN] = {.kind = HANE_UI_F_TEXT,
			.label = HANE_M_FB_F_NAME_EN,
			.width = 40,
			.max = 90},
	[PA_LIMIT] = FIELD_LIMIT,
};

static const struct hane_ui_field package_edit_fields[PE__COUNT] = {
	[PE_NAME] = FIELD_PACKAGE,
	[PE_LIMIT] = FIELD_LIMIT,
	[PE_ACTIVE] = {.kind = HANE_UI_F_YESNO, .label = HANE_M_FB_UI_F_ACTIVE},
};

/* The fields of r's form (row -1: adding) and how many; labels gets the
 * labels model errors are matched against. */
static const struct hane_ui_field *form_fields(const struct ref *r, int row,
					       int *n,
					       const enum hane_msg **labels)
{
	switch (r->kind) {
	case K_BRANCH:
		*n = row < 0 ? BF__COUNT - 1 : BF__COUNT;
		*labels = branch_labels;
		return branch_fields;
	case K_MARKET:
		*n = row < 0 ? MF__COUNT - 1 : MF__COUNT;
		*labels = market_labels;
		return market_fields;
	default:
		*n = row < 0 ? PA__COUNT : PE__COUNT;
		*labels = row < 0 ? package_add_labels : package_edit_labels;
		return row < 0 ? package_add_fields : package_edit_fields;
	}
}

/* A save_* result: refused, and the message is under its field already. */
#define SHOWN 1

static int save_branch(hane_db *db, struct hane_ui_form *f, struct edit *e)
{
	const char *name = hane_ui_form_get(f, BF_NAME);
	const char *days = hane_ui_form_get(f, BF_DAYS);
	struct hane_fb_branch b;
	int rc;

	if (e->row < 0)
		return hane_foodbank_branch_add(db, name, days, &e->saved_id);
	b = e->r->b[e->row];
	snprintf(b.name, sizeof b.name, "%s", name);
	b.days[0] = '\0';
	if (days[0] && hane_foodbank_days_parse(b.days, days)) {
		hane_ui_form_error(f, BF_DAYS, hane_error_last());
		return SHOWN;
	}
	b.active = hane_ui_form_choice(f, BF_ACTIVE) == 1;
	rc = hane_foodbank_branch_update(db, &b);
	e->saved_id = b.id;
	return rc;
}

static int save_market(hane_db *db, struct hane_ui_form *f, struct edit *e)
{
	const char *name = hane_ui_form_get(f, MF_NAME);
	struct hane_fb_market m;
	int rc;

	if (e->row < 0)
		return hane_foodbank_market_add(db, name, &e->saved_id);
	m = e->r->m[e->row];
	snprintf(m.name, sizeof m.name, "%s", name);
	m.active = hane_ui_form_choice(f, MF_ACTIVE) == 1;
	rc = hane_foodbank_market_update(db, &m);
	e->saved_id = m.id;
	return rc;
}

static int save_package(hane_db *db, struct hane_ui_form *f, struct edit *e)
{
	struct hane_fb_package p;
	int rc;

	if (e->row < 0)
		return hane_foodbank_package_add(
			db, hane_ui_form_get(f, PA_CODE),
			hane_ui_form_get(f, PA_NAME),
			hane_ui_form_get(f, PA_NAME_EN),
			atoi(hane_ui_form_get(f, PA_LIMIT)), &e->saved_id);
	p = e->r->p[e->row];
	snprintf(p.name, sizeof p.name, "%s", hane_ui_form_get(f, PE_NAME));
	p.limit_days = atoi(hane_ui_form_get(f, PE_LIMIT));
	p.active = hane_ui_form_choice(f, PE_ACTIVE) == 1;
	rc = hane_foodbank_package_update(db, &p);
	e->saved_id = p.id;
	return rc;
}

static int edit_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct edit *e = arg;
	struct ref *r = e->r;
	hane_db *db = hane_ui_db(ui);
	const enum hane_msg *labels;
	const char *name;
	int rc, n;

	/* The name field is the first but for a new package's (its code). */
	name = hane_ui_form_get(f, r->kind == K_PACKAGE && e->row < 0 ? PA_NAME
								      : 0);
	(void)form_fields(r, e->row, &n, &labels);
	rc = r->kind == K_BRANCH   ? save_branch(db, f, e)
	     : r->kind == K_MARKET ? save_market(db, f, e)
				   : save_package(db, f, e);
	if (rc == SHOWN)
		return HANE_EINVAL;
	if (rc) {
		hane_ui_form_model_error(ui, f, labels, n, rc);
		return rc;
	}
	snprintf(e->done, sizeof e->done, hane_msg(HANE_M_FB_UI_REF_SAVED),
		 name);
	return 0;
}

/* r's record at row into the form, with the fields' hints. */
static void edit_fill(struct hane_ui_form *f, const struct ref *r, int row)
{
	char buf[128];

	if (r->kind == K_BRANCH) {
		hane_ui_form_note(f, BF_DAYS, hane_msg(HANE_M_FB_UI_DAYS_HINT));
		if (row < 0)
			return;
		hane_ui_form_set(f, BF_NAME, r->b[row].name);
		if (r->b[row].days[0])
			hane_ui_form_set(
				f, BF_DAYS,
				hane_foodbank_days_format(buf, sizeof buf,
							  r->b[row].days));
		hane_ui_form_set_choice(f, BF_ACTIVE, r->b[row].active);
	} else if (r->kind == K_MARKET) {
		if (row < 0)
			return;
		hane_ui_form_set(f, MF_NAME, r->m[row].name);
		hane_ui_form_set_choice(f, MF_ACTIVE, r->m[row].active);
	} else if (row < 0) {
		hane_ui_form_note(f, PA_CODE, hane_msg(HANE_M_FB_CODE_BAD));
		hane_ui_form_set(f, PA_LIMIT, "0");
		hane_ui_form_note(f, PA_LIMIT,
				  hane_msg(HANE_M_FB_UI_LIMIT_HINT));
		hane_ui_form_note(f, PA_NAME_EN,
				  hane_msg(HANE_M_FB_UI_CONTENTS_HINT));
	} else {
		hane_ui_form_set(f, PE_NAME, r->p[row].name);
		snprintf(buf, sizeof buf, "%d", r->p[row].limit_days);
		hane_ui_form_set(f, PE_LIMIT, buf);
		hane_ui_form_note(f, PE_LIMIT,
				  hane_msg(HANE_M_FB_UI_LIMIT_HINT));
		hane_ui_form_set_choice(f, PE_ACTIVE, r->p[row].active);
	}
}

static void edit_form(struct hane_ui *ui, struct ref *r, int row,
		      struct hane_ui_list *l)
{
	struct hane_ui_form_view v = {0};
	struct hane_ui_form *f;
	struct edit e = {.r = r, .row = row};
	const enum hane_msg *labels;
	char title[256];
	const char *what =
		hane_msg(r->kind == K_BRANCH   ? HANE_M_FB_F_BRANCH
			 : r->kind == K_MARKET ? HANE_M_FB_F_MARKET
					       : HANE_M_FB_F_PACKAGE);

	if (row < 0)
		snprintf(title, sizeof title, hane_msg(HANE_M_FB_UI_REF_NEW),
			 what);
	else
		snprintf(title, sizeof title, hane_msg(HANE_M_FB_UI_REF_EDIT),
			 what,
			 r->kind == K_BRANCH   ? r->b[row].name
			 : r->kind == K_MARKET ? r->m[row].name
					       : r->p[row].code);
	v.title = title;
	v.fields = form_fields(r, row, &v.nfields, &labels);
	v.save = edit_save;
	v.arg = &e;
	if (!(f = hane_ui_form_new(&v)))
		return;
	edit_fill(f, r, row);
	hane_ui_form_set_clean(f);
	if (hane_ui_form_run(ui, f)) {
		char q[128];

		hane_ui_status(ui, false, "%s", e.done);
		/* The row saved is the one selected: filled again here, as
		 * the list keeps the selection by id and a new row has none
		 * yet. */
		snprintf(q, sizeof q, "%s", r->raw);
		hane_ui_list_clear(l);
		if (ref_fill(ui, l, q, 0, r) == 0)
			hane_ui_list_select_id(l, e.saved_id);
	}
	hane_ui_form_free(f);
}

/* The row of r's arrays holding id, -1 if none. */
static int row_of(const struct ref *r, int64_t id)
{
	for (int i = 0; i < r->n; i++)
		if ((r->kind == K_BRANCH   ? r->b[i].id
		     : r->kind == K_MARKET ? r->m[i].id
					   : r->p[i].id) == id)
			return i;
	return -1;
}

static void toggle(struct hane_ui *ui, struct ref *r, int row)
{
	hane_db *db = hane_ui_db(ui);
	const char *name = r->kind == K_BRANCH	 ? r->b[row].name
			   : r->kind == K_MARKET ? r->m[row].name
						 : r->p[row].name;
	bool active = r->kind == K_BRANCH   ? r->b[row].active
		      : r->kind == K_MARKET ? r->m[row].active
					    : r->p[row].active;
	char q[256];
	int rc;

	snprintf(q, sizeof q,
		 hane_msg(active ? HANE_M_FB_UI_DEACTIVATE_ASK
				 : HANE_M_FB_UI_ACTIVATE_ASK),
		 name);
	if (!hane_ui_confirm(ui, q))
		return;
	if (r->kind == K_BRANCH) {
		struct hane_fb_branch b = r->b[row];

		b.active = !active;
		rc = hane_foodbank_branch_update(db, &b);
	} else if (r->kind == K_MARKET) {
		struct hane_fb_market m = r->m[row];

		m.active = !active;
		rc = hane_foodbank_market_update(db, &m);
	} else {
		struct hane_fb_package p = r->p[row];

		p.active = !active;
		rc = hane_foodbank_package_update(db, &p);
	}
	if (rc) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	hane_ui_status(ui, false,
		       hane_msg(active ? HANE_M_FB_UI_DEACTIVATED
				       : HANE_M_FB_UI_ACTIVATED),
		       name);
}

static int ref_act(struct hane_ui *ui, struct hane_ui_list *l,
		   enum hane_ui_action a, void *arg)
{
	struct ref *r = arg;
	int row = row_of(r, hane_ui_list_selected_id(l));

	switch (a) {
	case HANE_UI_A_ITEM_NEW:
		edit_form(ui, r, -1, l);
		break;
	case HANE_UI_A_ITEM_EDIT:
		if (row >= 0)
			edit_form(ui, r, row, l);
		break;
	case HANE_UI_A_ITEM_ACTIVE:
		if (row >= 0)
			toggle(ui, r, row);
		break;
	default:
		break;
	}
	return HANE_UI_STAY;
}

static void ref_screen(struct hane_ui *ui, enum kind kind)
{
	struct ref *r = calloc(1, sizeof *r);
	struct hane_ui_list_view v = {
		.fill = ref_fill,
		.act = ref_act,
		.info = ref_info,
		.arg = r,
	};

	if (!r)
		return;
	/* Changes are foodbank.admin's: nobody else is offered them. */
	hane_ui_records_bar(
		&v, hane_can(hane_ui_db(ui), HANE_ACT_FOODBANK_ADMIN) == 0);
	r->kind = kind;
	if (kind == K_BRANCH) {
		v.title = hane_msg(HANE_M_FB_UI_MENU_BRANCHES);
		v.cols = branch_cols;
		v.ncols = (int)HANE_COUNTOF(branch_cols);
	} else if (kind == K_MARKET) {
		v.title = hane_msg(HANE_M_FB_UI_MENU_MARKETS);
		v.cols = market_cols;
		v.ncols = (int)HANE_COUNTOF(market_cols);
	} else {
		v.title = hane_msg(HANE_M_FB_UI_MENU_PACKAGES);
		v.cols = package_cols;
		v.ncols = (int)HANE_COUNTOF(package_cols);
	}
	hane_ui_list_show(ui, &v);
	free(r);
}

void fb_ui_branches(struct hane_ui *ui)
{
	ref_screen(ui, K_BRANCH);
}

void fb_ui_markets(struct hane_ui *ui)
{
	ref_screen(ui, K_MARKET);
}

void fb_ui_packages(struct hane_ui *ui)
{
	ref_screen(ui, K_PACKAGE);
}
