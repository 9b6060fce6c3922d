/* Şehit Yakınları ve Gazi Birimi's screens: the roster, a roster row's
 * page with its household's visits, the visit form (gift sets from the
 * stock), the new roster row form, and the household's services line.
 * Every rule is the model's (hane/veterans.h): a visit the stock cannot
 * cover is refused there and said here under the gift field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/record.h"
#include "hane/security.h"
#include "hane/ui.h"
#include "hane/veterans.h"
#include "hane/veterans_ui.h"

static bool may(struct hane_ui *ui, enum hane_action a)
{
	if (hane_can(hane_ui_db(ui), a) == 0)
		return true;
	hane_error_clear();
	return false;
}

/* The first active gift kind (by number, as a visit without one takes)
 * and its stock; id 0 when there is none. */
static int lowest_active(const struct hane_veteran_gift *g, void *arg)
{
	struct hane_veteran_gift *out = arg;

	if (g->active && (!out->id || g->id < out->id))
		*out = *g;
	return 0;
}

static void first_gift(hane_db *db, struct hane_veteran_gift *out)
{
	memset(out, 0, sizeof *out);
	if (hane_veteran_gift_each(db, lowest_active, out) != 0)
		memset(out, 0, sizeof *out);
	hane_error_clear();
}

/* ---- The visit form ------------------------------------------------------ */

enum { VF_DATE, VF_STAFF, VF_PRESENT, VF_GIFTS, VF_NOTES, VF_FOLLOWUP };

static const struct hane_ui_field visit_fields[] = {
	[VF_DATE] = {HANE_UI_F_DATE, HANE_M_VET_F_DATE, true, 12, 10, 0, 0,
		     NULL, 0, NULL, 0, NULL},
	[VF_STAFF] = {HANE_UI_F_TEXT, HANE_M_VET_F_STAFF, true, 40, 180, 0, 0,
		      NULL, 0, NULL, 0, NULL},
	[VF_PRESENT] = {HANE_UI_F_TEXT, HANE_M_VET_F_PRESENT, false, 40, 180, 0,
			0, NULL, 0, NULL, 0, NULL},
	[VF_GIFTS] = {HANE_UI_F_NUMBER, HANE_M_VET_F_GIFTS, false, 4, 2, 0, 20,
		      NULL, 0, NULL, 0, NULL},
	[VF_NOTES] = {HANE_UI_F_TEXT, HANE_M_VET_F_NOTES, false, 40, 500, 0, 0,
		      NULL, 0, NULL, 0, NULL},
	[VF_FOLLOWUP] = {HANE_UI_F_TEXT, HANE_M_VET_F_FOLLOWUP, false, 40, 500,
			 0, 0, NULL, 0, NULL, 0, NULL},
};

struct visit_form {
	struct hane_veteran vet;
	struct hane_veteran_visit saved;
};

static void visit_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];
	const struct hane_actor *who = hane_store_actor(hane_ui_db(ui));

	(void)arg;
	hane_ui_form_set(f, VF_DATE,
			 hane_date_format(shown, hane_today(today)));
	hane_ui_form_set(f, VF_STAFF,
			 who->full_name[0] ? who->full_name : who->username);
	hane_ui_form_set(f, VF_GIFTS, "1");
}

static int visit_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	static const enum hane_msg labels[] = {[VF_DATE] = HANE_M_VET_F_DATE,
					       [VF_STAFF] = HANE_M_VET_F_STAFF,
					       [VF_PRESENT] = 0,
					       [VF_GIFTS] = HANE_M_VET_F_GIFTS,
					       [VF_NOTES] = 0,
					       [VF_FOLLOWUP] = 0};
	struct visit_form *vf = arg;
	struct hane_veteran_visit v;
	hane_db *db = hane_ui_db(ui);
	int rc;

	hane_veteran_visit_init(&v);
	v.veteran_id = vf->vet.id;
	if (hane_date_parse(v.date, hane_ui_form_get(f, VF_DATE)) != 0)
		v.date[0] = '\0';
	HANE_COPY(v.staff, hane_ui_form_get(f, VF_STAFF));
	HANE_COPY(v.present, hane_ui_form_get(f, VF_PRESENT));
	v.gifts = atoi(hane_ui_form_get(f, VF_GIFTS));
	HANE_COPY(v.notes, hane_ui_form_get(f, VF_NOTES));
	rc = hane_veteran_visit_add(db, &v, hane_ui_form_get(f, VF_FOLLOWUP),
				    NULL);
	if (rc == HANE_EINVAL && v.gifts > 0) {
		struct hane_veteran_gift g;
		char why[512];

		/* Not enough stock: said under the gift sets, the cursor
		 * there, so the visit can be saved without a gift. */
		HANE_COPY(why, hane_error_last());
		first_gift(db, &g);
		if (g.id && g.stock < v.gifts) {
			hane_ui_form_error(f, VF_GIFTS, why);
			return rc;
		}
		hane_error_set("%s", why);
	}
	if (rc) {
		hane_ui_form_model_error(ui, f, labels,
					 (int)HANE_COUNTOF(labels), rc);
		return rc;
	}
	vf->saved = v;
	return 0;
}

static void visit_form(struct hane_ui *ui, const struct hane_veteran *vet)
{
	struct visit_form vf;
	char title[256];
	struct hane_ui_form_view v = {
		.title = title,
		.fields = visit_fields,
		.nfields = (int)HANE_COUNTOF(visit_fields),
		.save = visit_save,
		.arg = &vf,
	};

	memset(&vf, 0, sizeof vf);
	vf.vet = *vet;
	snprintf(title, sizeof title, hane_msg(HANE_M_VET_UI_VISIT_TITLE),
		 vet->subject_name);
	if (!hane_ui_form_show(ui, &v, visit_fill))
		return;
	{
		struct hane_veteran_gift g;
		char req[64] = "";

		first_gift(hane_ui_db(ui), &g);
		if (vf.saved.request_id)
			snprintf(req, sizeof req,
				 hane_msg(HANE_M_VET_UI_SAVED_REQ),
				 (long long)vf.saved.request_id);
		hane_ui_status(ui, false, hane_msg(HANE_M_VET_UI_SAVED),
			       (long long)vf.saved.id, g.id ? g.name : "-",
			       (long long)g.stock, req);
	}
}

/* ---- A roster row's page ---------------------------------------------------- */

static const struct hane_ui_column history_cols[] = {
	HANE_UI_COL_DATE(HANE_M_VET_C_DATE, 0),
	HANE_UI_COL_TEXT(HANE_M_VET_F_STAFF, 10, 20, 2),
	HANE_UI_COL_TEXT(HANE_M_VET_C_PRESENT, 8, 16, 3),
	HANE_UI_COL_TEXT(HANE_M_VET_C_GIFT, 6, 14, 1),
	HANE_UI_COL_FLEX(HANE_M_VET_F_NOTES, 6, 20, 4),
};

struct history {
	hane_db *db;
	struct hane_ui_list *l;
};

static int history_row(const struct hane_veteran_visit *v, void *arg)
{
	struct history *h = arg;
	char d[HANE_DATE_LEN + 1], gift[128], notes[HANE_VET_TEXT];
	const char *cells[5];

	if (v->gifts)
		snprintf(gift, sizeof gift, "%d × %s", v->gifts, v->gift_name);
	else
		HANE_COPY(gift, "-");
	cells[0] = hane_date_format(d, v->date);
	cells[1] = v->staff;
	cells[2] = v->present[0] ? v->present : "-";
	cells[3] = gift;
	cells[4] = v->notes[0]
			   ? hane_gate_field(
				     h->db, HANE_ACT_VETERANS_WRITE,
				     hane_record_field(&hane_veteran_visit_rdef,
						       "notes"),
				     v->notes, notes, sizeof notes)
			   : "";
	return hane_ui_list_add(h->l, v->id, cells);
}

static int page_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	const int64_t *id = arg;
	hane_db *db = hane_ui_db(ui);
	struct hane_veteran v;
	struct hane_veteran_gift g;
	struct history h = {db, hane_ui_detail_list(d)};
	char since[HANE_DATE_LEN + 1], addr[HANE_VET_TEXT],
		notes[HANE_VET_TEXT];
	int rc;

	hane_ui_detail_clear(d);
	if ((rc = hane_veteran_get(db, *id, &v)) != 0 ||
	    (rc = hane_gate_view(db, "veterans.view", "veteran", v.id)) != 0)
		return rc;
	hane_ui_detail_line(d, hane_msg(HANE_M_VET_UI_LINE1),
			    hane_veterans_label(HANE_VET_CATEGORY, v.category),
			    v.subject_name, (long long)v.id);
	hane_ui_detail_line(
		d, hane_msg(HANE_M_VET_UI_LINE2), (long long)v.household_id,
		v.head_name[0] ? v.head_name : "-",
		v.mahalle[0] ? v.mahalle : "-",
		v.outside ? hane_msg(HANE_M_VET_CLI_DISTRICT) : "",
		v.street[0] ? hane_gate_show(db, HANE_ACT_VETERANS_WRITE,
					     HANE_PD_ADDRESS, v.street, addr,
					     sizeof addr)
			    : "-");
	hane_ui_detail_panel(d, "%s: %s", hane_msg(HANE_M_VET_F_SINCE),
			     hane_date_format(since, v.since));
	first_gift(db, &g);
	hane_ui_detail_panel(d, hane_msg(HANE_M_VET_UI_STOCK),
			     g.id ? g.name : "-", (long long)g.stock);
	if (v.notes[0])
		hane_ui_detail_panel(
			d, "%s: %s", hane_msg(HANE_M_VET_F_NOTES),
			hane_gate_field(
				db, HANE_ACT_VETERANS_WRITE,
				hane_record_field(&hane_veteran_rdef, "notes"),
				v.notes, notes, sizeof notes));
	return hane_veteran_history(db, v.household_id, history_row, &h);
}

static int page_act(struct hane_ui *ui, struct hane_ui_detail *d,
		    enum hane_ui_action a, void *arg)
{
	const int64_t *id = arg;
	struct hane_veteran v;
	int rc;

	(void)d;
	if (a != HANE_UI_A_NEW)
		return HANE_UI_STAY;
	if ((rc = hane_veteran_get(hane_ui_db(ui), *id, &v)) != 0) {
		hane_ui_error_rc(ui, rc);
		return HANE_UI_STAY;
	}
	visit_form(ui, &v);
	return HANE_UI_STAY;
}

static void roster_page(struct hane_ui *ui, int64_t id)
{
	enum hane_ui_action acts[4];
	int n = 0;
	int64_t vid = id;

	acts[n++] = HANE_UI_A_HELP;
	if (may(ui, HANE_ACT_VETERANS_WRITE))
		acts[n++] = HANE_UI_A_NEW;
	acts[n++] = HANE_UI_A_BACK;
	acts[n++] = HANE_UI_A_QUIT;
	struct hane_ui_detail_view v = {
		.title = hane_msg(HANE_M_VET_UI_PAGE),
		HANE_UI_COLUMNS(history_cols),
		.list_title = HANE_M_VET_UI_HISTORY,
		.panel_title = HANE_M_VET_UI_PANEL,
		.actions = acts,
		.nactions = n,
		.load = page_load,
		.act = page_act,
		.arg = &vid,
	};

	hane_ui_detail_show(ui, &v);
}

/* ---- A new roster row ---------------------------------------------------------- */

enum { RF_HOUSEHOLD, RF_CATEGORY, RF_NAME, RF_SINCE, RF_NOTES, RF__N };

struct roster_form {
	const char *choices[8];
	struct hane_ui_field fields[RF__N];
	int64_t id;
};

static void roster_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];

	(void)ui;
	(void)arg;
	hane_ui_form_set(f, RF_SINCE,
			 hane_date_format(shown, hane_today(today)));
}

static int roster_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	static const enum hane_msg labels[] = {
		[RF_HOUSEHOLD] = HANE_M_VET_F_HOUSEHOLD,
		[RF_CATEGORY] = HANE_M_VET_F_CATEGORY,
		[RF_NAME] = HANE_M_VET_F_NAME,
		[RF_SINCE] = HANE_M_VET_F_SINCE,
		[RF_NOTES] = 0};
	struct roster_form *rf = arg;
	const char *const *codes = hane_veterans_codes(HANE_VET_CATEGORY, NULL);
	struct hane_veteran v;
	int rc;

	hane_veteran_init(&v);
	v.household_id = atoll(hane_ui_form_get(f, RF_HOUSEHOLD));
	HANE_COPY(v.category, codes[hane_ui_form_choice(f, RF_CATEGORY)]);
	HANE_COPY(v.subject_name, hane_ui_form_get(f, RF_NAME));
	if (hane_date_parse(v.since, hane_ui_form_get(f, RF_SINCE)) != 0)
		v.since[0] = '\0';
	HANE_COPY(v.notes, hane_ui_form_get(f, RF_NOTES));
	if ((rc = hane_veteran_save(hane_ui_db(ui), &v, &rf->id)) != 0) {
		if (rc == HANE_ENOTFOUND || rc == HANE_EINVAL) {
			char why[512];

			HANE_COPY(why, hane_error_last());
			if (strstr(why, "#") || rc == HANE_ENOTFOUND) {
				hane_ui_form_error(f, RF_HOUSEHOLD, why);
				return rc;
			}
		}
		hane_ui_form_model_error(ui, f, labels,
					 (int)HANE_COUNTOF(labels), rc);
		return rc;
	}
	return 0;
}

static int64_t roster_new(struct hane_ui *ui)
{
	struct roster_form *rf = calloc(1, sizeof *rf);
	const char *const *codes;
	int n = 0;
	int64_t id = 0;

	if (!rf)
		return 0;
	codes = hane_veterans_codes(HANE_VET_CATEGORY, &n);
	for (int i = 0; i < n && i < 8; i++)
		rf->choices[i] =
			hane_veterans_label(HANE_VET_CATEGORY, codes[i]);
	rf->fields[RF_HOUSEHOLD] =
		(struct hane_ui_field){.kind = HANE_UI_F_NUMBER,
				       .label = HANE_M_VET_F_HOUSEHOLD,
				       .required = true,
				       .width = 10,
				       .max = 10};
	rf->fields[RF_CATEGORY] =
		(struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
				       .label = HANE_M_VET_F_CATEGORY,
				       .required = true,
				       .choices = rf->choices,
				       .nchoices = n};
	rf->fields[RF_NAME] = (struct hane_ui_field){.kind = HANE_UI_F_TEXT,
						     .label = HANE_M_VET_F_NAME,
						     .required = true,
						     .width = 40,
						     .max = 180};
	rf->fields[RF_SINCE] =
		(struct hane_ui_field){.kind = HANE_UI_F_DATE,
				       .label = HANE_M_VET_F_SINCE,
				       .width = 12};
	rf->fields[RF_NOTES] =
		(struct hane_ui_field){.kind = HANE_UI_F_TEXT,
				       .label = HANE_M_VET_F_NOTES,
				       .width = 40,
				       .max = 500};
	{
		struct hane_ui_form_view v = {
			.title = hane_msg(HANE_M_VET_UI_NEW_TITLE),
			.fields = rf->fields,
			.nfields = RF__N,
			.save = roster_save,
			.arg = rf,
		};

		if (hane_ui_form_show(ui, &v, roster_fill))
			id = rf->id;
	}
	free(rf);
	return id;
}

/* ---- The roster ------------------------------------------------------------------ */

static const struct hane_ui_column roster_cols[] = {
	HANE_UI_COL_TEXT(HANE_M_VET_F_CATEGORY, 8, 16, 2),
	HANE_UI_COL_FLEX(HANE_M_VET_F_NAME, 12, 24, 0),
	HANE_UI_COL_TEXT(HANE_M_VET_C_HEAD, 10, 18, 3),
	HANE_UI_COL_TEXT(HANE_M_VET_C_MAHALLE, 8, 16, 1),
	HANE_UI_COL_NUM(HANE_M_VET_C_VISITS, 3, 7, 4),
	HANE_UI_COL_DATE(HANE_M_VET_C_LAST, 5),
};

static int roster_row(const struct hane_veteran *v, void *arg)
{
	struct hane_ui_list *l = arg;
	char where[128], n[24], d[HANE_DATE_LEN + 1];
	const char *cells[6];

	snprintf(where, sizeof where, "%s%s", v->mahalle[0] ? v->mahalle : "-",
		 v->outside ? hane_msg(HANE_M_VET_CLI_DISTRICT) : "");
	snprintf(n, sizeof n, "%lld", (long long)v->visits);
	cells[0] = hane_veterans_label(HANE_VET_CATEGORY, v->category);
	cells[1] = v->subject_name;
	cells[2] = v->head_name[0] ? v->head_name : "-";
	cells[3] = where;
	cells[4] = n;
	cells[5] = v->last_visit[0] ? hane_date_format(d, v->last_visit) : "-";
	return hane_ui_list_add(l, v->id, cells);
}

static int roster_fill_list(struct hane_ui *ui, struct hane_ui_list *l,
			    const char *query, int rows, void *arg)
{
	int rc;

	(void)rows;
	(void)arg;
	hane_ui_list_clear(l);
	if ((rc = hane_gate_list(hane_ui_db(ui), "veterans.roster")) != 0)
		return rc;
	return hane_veteran_each(hane_ui_db(ui), query, NULL, 0, roster_row, l);
}

static int roster_act(struct hane_ui *ui, struct hane_ui_list *l,
		      enum hane_ui_action a, void *arg)
{
	int64_t id;

	(void)arg;
	if (a == HANE_UI_A_OPEN && (id = hane_ui_list_selected_id(l)) > 0) {
		roster_page(ui, id);
	} else if (a == HANE_UI_A_NEW && (id = roster_new(ui)) > 0) {
		hane_ui_status(ui, false, hane_msg(HANE_M_VET_UI_ADDED),
			       (long long)id);
		roster_page(ui, id);
	}
	return HANE_UI_STAY;
}

static void roster_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct hane_veteran_gift g;

	(void)arg;
	first_gift(hane_ui_db(ui), &g);
	snprintf(out, outsz, hane_msg(HANE_M_VET_UI_STOCK), g.id ? g.name : "-",
		 (long long)g.stock);
}

int hane_ui_veterans_main(struct hane_ui *ui)
{
	enum hane_ui_action acts[6];
	int n = 0, rc;

	if ((rc = hane_can(hane_ui_db(ui), HANE_ACT_VETERANS_READ)) != 0) {
		hane_ui_error_rc(ui, rc);
		return rc;
	}
	acts[n++] = HANE_UI_A_HELP;
	if (may(ui, HANE_ACT_VETERANS_WRITE))
		acts[n++] = HANE_UI_A_NEW;
	acts[n++] = HANE_UI_A_SORT;
	acts[n++] = HANE_UI_A_OPEN;
	acts[n++] = HANE_UI_A_BACK;
	acts[n++] = HANE_UI_A_QUIT;
	{
		struct hane_ui_list_view v = {
			.title = hane_msg(HANE_M_VET_UI_ROSTER),
			HANE_UI_COLUMNS(roster_cols),
			.actions = acts,
			.nactions = n,
			.fill = roster_fill_list,
			.act = roster_act,
			.info = roster_info,
		};

		hane_ui_list_show(ui, &v);
	}
	return 0;
}

/* ---- The household's services panel ------------------------------------------------ */

struct panel {
	struct hane_ui_detail *d;
};

static int panel_line(const struct hane_veteran *v, void *arg)
{
	struct panel *p = arg;
	char d[HANE_DATE_LEN + 1];

	if (v->last_visit[0])
		hane_ui_detail_panel(
			p->d, "%-9s %s %s", hane_msg(HANE_M_VET_UI_SERVICES),
			hane_date_format(d, v->last_visit),
			hane_veterans_label(HANE_VET_CATEGORY, v->category));
	else
		hane_ui_detail_panel(
			p->d, "%-9s %s · %s", hane_msg(HANE_M_VET_UI_SERVICES),
			hane_veterans_label(HANE_VET_CATEGORY, v->category),
			hane_msg(HANE_M_VET_UI_NEVER));
	return 0;
}

void hane_ui_veterans_services(struct hane_ui *ui, int64_t household_id,
			       struct hane_ui_detail *d)
{
	struct panel p = {d};

	/* Someone without the unit's rights sees nothing of it here. */
	if (!may(ui, HANE_ACT_VETERANS_READ))
		return;
	if (hane_veteran_of_household(hane_ui_db(ui), household_id, panel_line,
				      &p))
		hane_error_clear(); /* the panel is a glance: no dialog */
}
