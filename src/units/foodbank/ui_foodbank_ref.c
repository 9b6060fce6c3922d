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

static const char *state_word(bool active)
{
	return hane_msg(active ? HANE_M_FB_UI_ACTIVE : HANE_M_FB_UI_INACTIVE);
}

/* A row's last cell: the record's number ("#3"). */
static const char *row_no(char *out, size_t outsz, int64_t id)
{
	snprintf(out, outsz, "#%lld", (long long)id);
	return out;
}

/* The active question, on an edit's form only. */
#define ACTIVE_FIELD                                                           \
	{                                                                      \
		.bind = {.column = "active",                                   \
			 HANE_UI_LABEL(HANE_M_FB_UI_F_ACTIVE),                 \
			 .width = 30},                                         \
		.on = HANE_UI_RF_EDIT                                          \
	}

/* Messages every list of the three says the same way. */
#define FB_WORDS                                                               \
	.write = HANE_ACT_FOODBANK_ADMIN, .active = "active",                  \
	.ask_off = HANE_M_FB_UI_DEACTIVATE_ASK,                                \
	.ask_on = HANE_M_FB_UI_ACTIVATE_ASK,                                   \
	.done_off = HANE_M_FB_UI_DEACTIVATED,                                  \
	.done_on = HANE_M_FB_UI_ACTIVATED, .title_new = HANE_M_FB_UI_REF_NEW,  \
	.title_edit = HANE_M_FB_UI_REF_EDIT, .saved = HANE_M_FB_UI_REF_SAVED,  \
	.count = HANE_M_FB_UI_N_ROWS

/* ---- Branches: name, collection days (typed as words: the form's own
 * field), active ---- */

static const struct hane_ui_column branch_cols[] = {
	HANE_UI_COL_TEXT(HANE_M_FB_F_BRANCH, 10, 20, 0),
	HANE_UI_COL_FLEX(HANE_M_FB_F_DAYS, 12, 30, 1),
	HANE_UI_COL_TEXT(HANE_M_FB_UI_COL_ACTIVE, 5, 6, 2),
	HANE_UI_COL_NUM(HANE_M_FB_UI_COL_NO, 3, 4, 3),
};

static int branch_row(const struct hane_fb_branch *b, void *arg)
{
	char days[128], no[24];
	const char *cells[] = {
		b->name,
		b->days[0]
			? hane_foodbank_days_format(days, sizeof days, b->days)
			: "—",
		state_word(b->active), row_no(no, sizeof no, b->id)};

	return hane_ui_records_row(arg, b, cells);
}

static int branch_each(hane_db *db, struct hane_ui_records *rs)
{
	return hane_foodbank_branch_each(db, branch_row, rs);
}

static int check_days(const char *text, void *arg)
{
	char d[8];

	(void)arg;
	return text[0] ? hane_foodbank_days_parse(d, text) : 0;
}

enum { BF_NAME, BF_DAYS, BF_ACTIVE };

static const struct hane_ui_records_field branch_fields[] = {
	[BF_NAME] = {.bind = {.column = "name",
			      HANE_UI_LABEL(HANE_M_FB_F_BRANCH),
			      .width = 30,
			      .max = 60}},
	[BF_DAYS] = {.own = {.kind = HANE_UI_F_TEXT,
			     .label = HANE_M_FB_F_DAYS,
			     .width = 30,
			     .max = 60,
			     .check = check_days},
		     .note = HANE_M_FB_UI_DAYS_HINT},
	[BF_ACTIVE] = ACTIVE_FIELD,
};

static void branch_fill(struct hane_ui_records_edit *e)
{
	const struct hane_fb_branch *b = e->rec;
	char buf[128];

	if (b->days[0])
		hane_ui_form_set(
			e->f, e->at[BF_DAYS],
			hane_foodbank_days_format(buf, sizeof buf, b->days));
}

static int branch_store(struct hane_ui_records_edit *e)
{
	struct hane_fb_branch *b = e->rec;
	const char *days = hane_ui_form_get(e->f, e->at[BF_DAYS]);

	b->days[0] = '\0';
	if (days[0] && hane_foodbank_days_parse(b->days, days)) {
		hane_ui_form_error(e->f, e->at[BF_DAYS], hane_error_last());
		return HANE_EINVAL;
	}
	return 0;
}

static int branch_save(hane_db *db, void *rec, int64_t *id)
{
	const struct hane_fb_branch *b = rec;

	return b->id ? hane_foodbank_branch_update(db, b)
		     : hane_foodbank_branch_add(db, b->name, b->days, id);
}

void fb_ui_branches(struct hane_ui *ui)
{
	static const struct hane_fb_branch blank = {.active = true};
	const struct hane_ui_records_view v = {
		.title = hane_msg(HANE_M_FB_UI_MENU_BRANCHES),
		HANE_UI_COLUMNS(branch_cols),
		.def = &hane_fb_branch_rdef,
		.each = branch_each,
		.search = 1u << 0 | 1u << 1, /* name, days */
		HANE_UI_FORM_FIELDS(branch_fields),
		.blank = &blank,
		.fill = branch_fill,
		.store = branch_store,
		.save = branch_save,
		.what = HANE_M_FB_F_BRANCH,
		.title_column = "name",
		FB_WORDS,
	};

	hane_ui_records_show(ui, &v);
}

/* ---- Markets: name, active ---- */

static const struct hane_ui_column market_cols[] = {
	HANE_UI_COL_FLEX(HANE_M_FB_F_MARKET, 12, 40, 0),
	HANE_UI_COL_TEXT(HANE_M_FB_UI_COL_ACTIVE, 5, 6, 1),
	HANE_UI_COL_NUM(HANE_M_FB_UI_COL_NO, 3, 4, 2),
};

static int market_row(const struct hane_fb_market *m, void *arg)
{
	char no[24];
	const char *cells[] = {m->name, state_word(m->active),
			       row_no(no, sizeof no, m->id)};

	return hane_ui_records_row(arg, m, cells);
}

static int market_each(hane_db *db, struct hane_ui_records *rs)
{
	return hane_foodbank_market_each(db, market_row, rs);
}

static const struct hane_ui_records_field market_fields[] = {
	{.bind = {.column = "name",
		  HANE_UI_LABEL(HANE_M_FB_F_MARKET),
		  .width = 40,
		  .max = 90}},
	ACTIVE_FIELD,
};

static int market_save(hane_db *db, void *rec, int64_t *id)
{
	const struct hane_fb_market *m = rec;

	return m->id ? hane_foodbank_market_update(db, m)
		     : hane_foodbank_market_add(db, m->name, id);
}

void fb_ui_markets(struct hane_ui *ui)
{
	static const struct hane_fb_market blank = {.active = true};
	const struct hane_ui_records_view v = {
		.title = hane_msg(HANE_M_FB_UI_MENU_MARKETS),
		HANE_UI_COLUMNS(market_cols),
		.def = &hane_fb_market_rdef,
		.each = market_each,
		HANE_UI_FORM_FIELDS(market_fields),
		.blank = &blank,
		.save = market_save,
		.what = HANE_M_FB_F_MARKET,
		.title_column = "name",
		FB_WORDS,
	};

	hane_ui_records_show(ui, &v);
}

/* ---- Package types: adding takes the code, the name in both languages
 * and the limit; editing the name in the session's language (the
 * form's own field: the record keeps both), the limit and active ---- */

static const struct hane_ui_column package_cols[] = {
	HANE_UI_COL_TEXT(HANE_M_FB_F_CODE, 6, 14, 3),
	HANE_UI_COL_FLEX(HANE_M_FB_F_PACKAGE, 12, 30, 0),
	HANE_UI_COL_NUM(HANE_M_FB_F_LIMIT, 6, 19, 1),
	HANE_UI_COL_TEXT(HANE_M_FB_UI_COL_ACTIVE, 5, 6, 2),
};

static int package_row(const struct hane_fb_package *p, void *arg)
{
	char limit[32];
	const char *cells[] = {p->code, p->name, limit, state_word(p->active)};

	if (p->limit_days)
		snprintf(limit, sizeof limit, "%d", p->limit_days);
	else
		HANE_COPY(limit, hane_msg(HANE_M_FB_UI_NO_LIMIT));
	return hane_ui_records_row(arg, p, cells);
}

static int package_each(hane_db *db, struct hane_ui_records *rs)
{
	return hane_foodbank_package_each(db, package_row, rs);
}

enum { PF_CODE, PF_NAME_TR, PF_NAME, PF_NAME_EN, PF_LIMIT, PF_ACTIVE };

static const struct hane_ui_records_field package_fields[] = {
	[PF_CODE] = {.bind = {.column = "code",
			      HANE_UI_LABEL(HANE_M_FB_F_CODE),
			      .width = 16,
			      .max = 15},
		     .on = HANE_UI_RF_NEW,
		     .note = HANE_M_FB_CODE_BAD},
	[PF_NAME_TR] = {.bind = {.column = "name_tr",
				 HANE_UI_LABEL(HANE_M_FB_F_PACKAGE),
				 .width = 40,
				 .max = 90},
			.on = HANE_UI_RF_NEW},
	[PF_NAME] = {.own = {.kind = HANE_UI_F_TEXT,
			     .label = HANE_M_FB_F_PACKAGE,
			     .required = true,
			     .width = 40,
			     .max = 90},
		     .on = HANE_UI_RF_EDIT},
	[PF_NAME_EN] = {.bind = {.column = "name_en",
				 HANE_UI_LABEL(HANE_M_FB_F_NAME_EN),
				 .width = 40,
				 .max = 90},
			.on = HANE_UI_RF_NEW,
			.note = HANE_M_FB_UI_CONTENTS_HINT},
	[PF_LIMIT] = {.bind = {.column = "limit_days",
			       HANE_UI_LABEL(HANE_M_FB_F_LIMIT),
			       .width = 5,
			       .max = 4,
			       .lo = 0,
			       .hi = 3660},
		      .required = true,
		      .note = HANE_M_FB_UI_LIMIT_HINT},
	[PF_ACTIVE] = ACTIVE_FIELD,
};

static void package_fill(struct hane_ui_records_edit *e)
{
	if (!e->adding)
		hane_ui_form_set(e->f, e->at[PF_NAME],
				 ((struct hane_fb_package *)e->rec)->name);
}

static int package_store(struct hane_ui_records_edit *e)
{
	if (!e->adding)
		HANE_COPY(((struct hane_fb_package *)e->rec)->name,
			  hane_ui_form_get(e->f, e->at[PF_NAME]));
	return 0;
}

static int package_save(hane_db *db, void *rec, int64_t *id)
{
	const struct hane_fb_package *p = rec;

	return p->id ? hane_foodbank_package_update(db, p)
		     : hane_foodbank_package_add(db, p->code, p->name_tr,
						 p->name_en, p->limit_days, id);
}

/* A new one's name is the Turkish one typed. */
static const char *package_name(const void *rec)
{
	const struct hane_fb_package *p = rec;

	return p->name[0] ? p->name : p->name_tr;
}

void fb_ui_packages(struct hane_ui *ui)
{
	const struct hane_ui_records_view v = {
		.title = hane_msg(HANE_M_FB_UI_MENU_PACKAGES),
		HANE_UI_COLUMNS(package_cols),
		.def = &hane_fb_package_rdef,
		.each = package_each,
		.search = 1u << 0 | 1u << 1, /* code, name */
		HANE_UI_FORM_FIELDS(package_fields),
		.fill = package_fill,
		.store = package_store,
		.save = package_save,
		.what = HANE_M_FB_F_PACKAGE,
		.title_column = "code",
		.name = package_name,
		FB_WORDS,
	};

	hane_ui_records_show(ui, &v);
}
