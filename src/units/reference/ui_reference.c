/* Yönetim → Mahalleler and Tatiller: the reference lists on screen.
 * Every change goes through the model (hane/reference.h), which checks
 * reference.admin and audits it; the screens only collect what to do. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/i18n.h"
#include "hane/reference.h"
#include "hane/reference_ui.h"

/* ---- Mahalleler and İlçeler -------------------------------------------------- */

/* Both are lists of names with their households, one screen over each
 * one's model calls: F5 adds a name, F4 renames the one selected (the
 * households recorded under it follow); a mahalle also takes an alias
 * (F6). Kocaeli's districts outside İzmit: an address there is recorded
 * with its district in place of a mahalle. */
enum { M_NAME, M_HOUSEHOLDS, M_ALIASES, M__COUNT };

static const struct hane_ui_column mahalle_cols[M__COUNT] = {
	[M_NAME] = HANE_UI_COL_TEXT(HANE_M_REF_COL_MAHALLE, 14, 28, 0),
	[M_HOUSEHOLDS] = HANE_UI_COL_NUM(HANE_M_REF_COL_HOUSEHOLDS, 5, 8, 1),
	[M_ALIASES] = HANE_UI_COL_FLEX(HANE_M_REF_COL_ALIASES, 10, 40, 2),
};

enum { D_NAME, D_HOUSEHOLDS, D__COUNT };

static const struct hane_ui_column district_cols[D__COUNT] = {
	[D_NAME] = HANE_UI_COL_FLEX(HANE_M_REF_COL_DISTRICT, 14, 30, 0),
	[D_HOUSEHOLDS] = HANE_UI_COL_NUM(HANE_M_REF_COL_HOUSEHOLDS, 5, 8, 1),
};

/* What differs between the two lists. The name is column 0. */
struct names_kind {
	enum hane_msg title, count; /* the breadcrumb; "%d mahalle" */
	const struct hane_ui_column *cols;
	int ncols;
	const enum hane_ui_action *actions;
	int nactions;
	int (*load)(hane_db *db, struct hane_ui_list *l);
	enum hane_msg field, add_title; /* the form's label and title */
	int (*add)(hane_db *db, const char *name, int64_t *id);
	int (*rename)(hane_db *db, const char *old, const char *new_name,
		      int64_t *households);
	enum hane_msg added, renamed; /* "… %s"; "%s … %s … %lld" */
	bool aliases;		      /* F6 adds an alias (mahalleler) */
};

struct mahalle_ctx {
	const struct names_kind *k;
	int n;
};

static int mahalle_row(const struct hane_mahalle *m, void *arg)
{
	struct hane_ui_list *l = arg;
	char n[24];
	const char *cells[M__COUNT] = {m->name, n, m->aliases};

	snprintf(n, sizeof n, "%lld", (long long)m->households);
	return hane_ui_list_add(l, m->id, cells);
}

static int load_mahalleler(hane_db *db, struct hane_ui_list *l)
{
	return hane_mahalle_list(db, mahalle_row, l);
}

static int district_row(const struct hane_district *d, void *arg)
{
	struct hane_ui_list *l = arg;
	char n[24];
	const char *cells[D__COUNT] = {d->name, n};

	snprintf(n, sizeof n, "%lld", (long long)d->households);
	return hane_ui_list_add(l, d->id, cells);
}

static int load_districts(hane_db *db, struct hane_ui_list *l)
{
	return hane_district_each(db, district_row, l);
}

/* Fills l again with the kind's names, keeping the selection. */
static void names_fill(struct hane_ui *ui, struct hane_ui_list *l,
		       struct mahalle_ctx *c)
{
	int64_t keep = hane_ui_list_selected_id(l);
	int rc;

	hane_ui_list_clear(l);
	if ((rc = c->k->load(hane_ui_db(ui), l)))
		hane_ui_error_rc(ui, rc);
	c->n = hane_ui_list_count(l);
	if (keep)
		hane_ui_list_select_id(l, keep);
}

enum mahalle_op { OP_ADD, OP_RENAME, OP_ALIAS };

struct mahalle_form {
	const struct names_kind *k;
	enum mahalle_op op;
	const char *name; /* the selected name (rename, alias) */
	char done[256];
};

static int names_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct mahalle_form *m = arg;
	const struct names_kind *k = m->k;
	const char *text = hane_ui_form_get(f, 0);
	hane_db *db = hane_ui_db(ui);
	int64_t n = 0;
	int rc;

	switch (m->op) {
	case OP_ADD:
		rc = k->add(db, text, NULL);
		snprintf(m->done, sizeof m->done, hane_msg(k->added), text);
		break;
	case OP_RENAME:
		rc = k->rename(db, m->name, text, &n);
		snprintf(m->done, sizeof m->done, hane_msg(k->renamed), m->name,
			 text, (long long)n);
		break;
	default:
		rc = hane_mahalle_alias(db, text, m->name);
		snprintf(m->done, sizeof m->done,
			 hane_msg(HANE_M_REF_ALIAS_ADDED), text, m->name);
		break;
	}
	if (rc)
		hane_ui_form_error(f, 0, hane_error_last());
	return rc;
}

/* A rename starts from the old name. */
static void name_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct mahalle_form *m = arg;

	(void)ui;
	if (m->op == OP_RENAME)
		hane_ui_form_set(f, 0, m->name);
}

/* The one-field form of a name (new, renamed, an alias); the status line
 * says what was saved. */
static void name_form(struct hane_ui *ui, struct mahalle_form *m,
		      const char *title)
{
	struct hane_ui_field field = {HANE_UI_F_TEXT,
				      m->op == OP_ALIAS ? HANE_M_REF_F_ALIAS
							: m->k->field,
				      .required = true, .width = 30, .max = 60};
	struct hane_ui_form_view v = {.title = title,
				      .fields = &field,
				      .nfields = 1,
				      .save = names_save,
				      .arg = m};

	if (hane_ui_form_show(ui, &v, name_fill))
		hane_ui_status(ui, false, "%s", m->done);
}

/* What action a on the list asks for (new; rename or, with aliases, alias
 * the name selected): m's op and name, and the form's title. False when
 * there is nothing to do. */
static bool name_op(struct hane_ui_list *l, enum hane_ui_action a,
		    struct mahalle_form *m, char *name, size_t namesz,
		    char *title, size_t titlesz)
{
	int row = hane_ui_list_selected(l);

	snprintf(name, namesz, "%s",
		 row >= 0 ? hane_ui_list_cell(l, row, 0) : "");
	m->name = name;
	if (a == HANE_UI_A_REF_NEW) {
		m->op = OP_ADD;
		snprintf(title, titlesz, "%s", hane_msg(m->k->add_title));
	} else if (a == HANE_UI_A_REF_RENAME && name[0]) {
		m->op = OP_RENAME;
		snprintf(title, titlesz, hane_msg(HANE_M_REF_TITLE_RENAME),
			 name);
	} else if (m->k->aliases && a == HANE_UI_A_REF_ALIAS && name[0]) {
		m->op = OP_ALIAS;
		snprintf(title, titlesz, hane_msg(HANE_M_REF_TITLE_ALIAS),
			 name);
	} else {
		return false;
	}
	return true;
}

static int names_act(struct hane_ui *ui, struct hane_ui_list *l,
		     enum hane_ui_action a, void *arg)
{
	struct mahalle_ctx *c = arg;
	struct mahalle_form m = {.k = c->k};
	char title[256], name[HANE_NAME_MAX];

	if (!name_op(l, a, &m, name, sizeof name, title, sizeof title))
		return HANE_UI_STAY;
	name_form(ui, &m, title);
	names_fill(ui, l, c);
	return HANE_UI_STAY;
}

static void names_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct mahalle_ctx *c = arg;

	(void)ui;
	snprintf(out, outsz, hane_msg(c->k->count), c->n);
}

static void names_screen(struct hane_ui *ui, const struct names_kind *k)
{
	struct mahalle_ctx c = {k, 0};
	struct hane_ui_list_view v = {
		.title = hane_msg(k->title),
		.cols = k->cols,
		.ncols = k->ncols,
		.actions = k->actions,
		.nactions = k->nactions,
		.act = names_act,
		.info = names_info,
		.arg = &c,
	};
	struct hane_ui_list *l = hane_ui_list_new(k->ncols);

	if (!l)
		return;
	names_fill(ui, l, &c);
	hane_ui_list_run(ui, &v, l);
	hane_ui_list_free(l);
}

void hane_ui_mahalle_screen(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP,	     HANE_UI_A_REF_RENAME, HANE_UI_A_REF_NEW,
		HANE_UI_A_REF_ALIAS, HANE_UI_A_BACK,	   HANE_UI_A_QUIT};
	static const struct names_kind k = {
		.title = HANE_M_REF_TASK_MAHALLE,
		.count = HANE_M_REF_N_MAHALLE,
		HANE_UI_COLUMNS(mahalle_cols),
		HANE_UI_BAR(acts),
		.load = load_mahalleler,
		.field = HANE_M_F_MAHALLE,
		.add_title = HANE_M_REF_TITLE_ADD,
		.add = hane_mahalle_add,
		.rename = hane_mahalle_rename,
		.added = HANE_M_REF_MAHALLE_ADDED,
		.renamed = HANE_M_REF_RENAMED,
		.aliases = true,
	};

	names_screen(ui, &k);
}

void hane_ui_district_screen(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_REF_RENAME, HANE_UI_A_REF_NEW,
		HANE_UI_A_BACK, HANE_UI_A_QUIT};
	static const struct names_kind k = {
		.title = HANE_M_REF_TASK_DISTRICT,
		.count = HANE_M_REF_N_DISTRICT,
		HANE_UI_COLUMNS(district_cols),
		HANE_UI_BAR(acts),
		.load = load_districts,
		.field = HANE_M_REF_F_DISTRICT,
		.add_title = HANE_M_REF_TITLE_DISTRICT_ADD,
		.add = hane_district_add,
		.rename = hane_district_rename,
		.added = HANE_M_REF_DISTRICT_ADDED,
		.renamed = HANE_M_REF_DISTRICT_RENAMED,
	};

	names_screen(ui, &k);
}

/* ---- Tatiller ------------------------------------------------------------- */

enum { H_DATE, H_KIND, H_SOURCE, H_NAME, H__COUNT };

static const struct hane_ui_column holiday_cols[H__COUNT] = {
	[H_DATE] = HANE_UI_COL_DATE(HANE_M_REF_COL_DATE, 0),
	[H_KIND] = HANE_UI_COL_TEXT(HANE_M_REF_COL_KIND, 9, 9, 0),
	[H_SOURCE] = HANE_UI_COL_TEXT(HANE_M_REF_COL_SOURCE, 7, 7, 0),
	[H_NAME] = HANE_UI_COL_FLEX(HANE_M_REF_COL_NAME, 20, 60, 0),
};

struct holiday_ctx {
	int year;
	int n;
	bool entered;
	struct hane_holiday *rows; /* by list id - 1 */
	size_t nrows, cap;
};

static int holiday_keep(const struct hane_holiday *h, void *arg)
{
	struct holiday_ctx *c = arg;

	return HANE_PUSH(c->rows, c->cap, c->nrows, h, 32) ? 0 : HANE_ENOMEM;
}

static void holiday_fill(struct hane_ui *ui, struct hane_ui_list *l,
			 struct holiday_ctx *c)
{
	hane_db *db = hane_ui_db(ui);
	int rc;

	hane_ui_list_clear(l);
	c->nrows = 0;
	if ((rc = hane_holiday_list(db, c->year, holiday_keep, c)) ||
	    (rc = hane_holiday_year_entered(db, c->year, &c->entered))) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	for (size_t i = 0; i < c->nrows; i++) {
		const struct hane_holiday *h = &c->rows[i];
		char d[HANE_DATE_LEN + 1];
		const char *cells[H__COUNT] = {
			hane_date_format(d, h->day), hane_holiday_kind_text(h),
			hane_holiday_source_text(h), h->name};

		if (hane_ui_list_add(l, (int64_t)i + 1, cells) != 0)
			break;
	}
	c->n = (int)c->nrows;
	if (!c->entered) {
		char y[16];

		snprintf(y, sizeof y, "%d", c->year);
		hane_ui_status(ui, true,
			       hane_msg(HANE_M_REF_HOLIDAY_WARN_SHORT), y);
	}
}

static int holiday_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	int rc = hane_holiday_add(hane_ui_db(ui), hane_ui_form_get(f, 0),
				  hane_ui_form_get(f, 1),
				  hane_ui_form_choice(f, 2) == 1);

	(void)arg;
	if (rc)
		hane_ui_form_error(f, rc == HANE_EEXIST ? 0 : 1,
				   hane_error_last());
	return rc;
}

/* A new holiday's date starts at the first day of the year shown. */
static void holiday_first(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct holiday_ctx *c = arg;
	char first[16];

	(void)ui;
	snprintf(first, sizeof first, "01.01.%04d", c->year);
	hane_ui_form_set(f, 0, first);
}

static int holiday_act(struct hane_ui *ui, struct hane_ui_list *l,
		       enum hane_ui_action a, void *arg)
{
	static const struct hane_ui_field fields[] = {
		{HANE_UI_F_DATE, HANE_M_REF_COL_DATE, .required = true,
		 .width = 12},
		{HANE_UI_F_TEXT, HANE_M_REF_F_HOLIDAY, .required = true,
		 .width = 40, .max = 150},
		{HANE_UI_F_YESNO, HANE_M_REF_F_HALF, .required = false},
	};
	struct holiday_ctx *c = arg;
	int64_t id = hane_ui_list_selected_id(l);
	const struct hane_holiday *h =
		id > 0 && id <= (int64_t)c->nrows ? &c->rows[id - 1] : NULL;

	if (a == HANE_UI_A_REF_YEAR_PREV || a == HANE_UI_A_REF_YEAR_NEXT) {
		if (a == HANE_UI_A_REF_YEAR_PREV ? c->year > 1900
						 : c->year < 9998)
			c->year += a == HANE_UI_A_REF_YEAR_PREV ? -1 : 1;
		holiday_fill(ui, l, c);
		return HANE_UI_STAY;
	}
	if (a == HANE_UI_A_REF_HOLIDAY_NEW) {
		struct hane_ui_form_view v = {
			.title = hane_msg(HANE_M_REF_TITLE_HOLIDAY),
			.fields = fields,
			.nfields = 3,
			.save = holiday_save,
			.arg = c,
		};

		if (hane_ui_form_show(ui, &v, holiday_first))
			hane_ui_status(ui, false, "%s",
				       hane_msg(HANE_M_UI_SAVED));
		holiday_fill(ui, l, c);
		return HANE_UI_STAY;
	}
	if (a == HANE_UI_A_DELETE && h) {
		char q[512], d[HANE_DATE_LEN + 1];
		int rc;

		if (h->fixed) {
			snprintf(q, sizeof q,
				 hane_msg(HANE_M_REF_HOLIDAY_FIXED),
				 hane_date_format(d, h->day), h->name);
			hane_ui_error(ui, q);
			return HANE_UI_STAY;
		}
		snprintf(q, sizeof q, hane_msg(HANE_M_REF_ASK_REMOVE),
			 hane_date_format(d, h->day), h->name);
		if (!hane_ui_confirm(ui, q))
			return HANE_UI_STAY;
		if ((rc = hane_holiday_remove(hane_ui_db(ui), h->day)))
			hane_ui_error_rc(ui, rc);
		else
			hane_ui_status(ui, false,
				       hane_msg(HANE_M_REF_HOLIDAY_REMOVED), d);
		holiday_fill(ui, l, c);
	}
	return HANE_UI_STAY;
}

static void holiday_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct holiday_ctx *c = arg;

	(void)ui;
	snprintf(out, outsz, hane_msg(HANE_M_REF_N_HOLIDAY), c->year, c->n);
}

void hane_ui_holiday_screen(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP,		 HANE_UI_A_REF_HOLIDAY_NEW,
		HANE_UI_A_DELETE,	 HANE_UI_A_REF_YEAR_PREV,
		HANE_UI_A_REF_YEAR_NEXT, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	char today[HANE_DATE_LEN + 1];
	struct holiday_ctx c = {.year = atoi(hane_today(today))};
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_REF_TASK_HOLIDAY),
		HANE_UI_COLUMNS(holiday_cols),
		HANE_UI_BAR(acts),
		.act = holiday_act,
		.info = holiday_info,
		.arg = &c,
	};
	struct hane_ui_list *l = hane_ui_list_new(H__COUNT);

	if (!l)
		return;
	holiday_fill(ui, l, &c);
	hane_ui_list_run(ui, &v, l);
	hane_ui_list_free(l);
	free(c.rows);
}
