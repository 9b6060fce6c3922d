/* Merkezler › İstihdam: the open placements (Down Kafe, the mobile
 * catering vehicles); F5 records one, F4 changes one or, with an end date
 * and a reason, ends it. The rules are the model's (hane/centres_sp.h);
 * the notes are personal and shown through the gate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/centres_sp.h"
#include "hane/centres_ui.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/ui.h"

static const struct hane_ui_column cols[] = {
	HANE_UI_COL_FLEX(HANE_M_CSP_UI_C_NAME, 12, 26, 0),
	HANE_UI_COL_TEXT(HANE_M_CSP_UI_C_SITE, 9, 20, 1),
	HANE_UI_COL_TEXT(HANE_M_CSP_UI_C_ROLE, 6, 14, 0),
	HANE_UI_COL_NUM(HANE_M_CSP_UI_C_HOURS_WEEK, 4, 7, 0),
	HANE_UI_COL_TEXT(HANE_M_CSP_UI_C_COACH, 6, 16, 3),
	HANE_UI_COL_DATE(HANE_M_CSP_UI_C_START, 2),
};

static int row(const struct hane_centre_placement *p, void *arg)
{
	char hours[16], start[HANE_DATE_LEN + 1];
	const char *cells[] = {
		p->person_name, p->site_name,
		p->role,	hours,
		p->coach,	hane_date_format(start, p->start)};

	snprintf(hours, sizeof hours, "%d", p->hours_week);
	return hane_ui_list_add(arg, p->id, cells);
}

static int fill(struct hane_ui *ui, struct hane_ui_list *l, const char *query,
		int rows, void *arg)
{
	hane_db *db = hane_ui_db(ui);
	int rc;

	(void)rows;
	(void)arg;
	hane_ui_list_clear(l);
	if ((rc = hane_gate_list(db, "centres.placements")) != 0 ||
	    (rc = hane_centre_placement_each(db, true, 0, 0, row, l)) != 0)
		return rc;
	return hane_ui_list_filter(l, query);
}

/* ---- The form ---------------------------------------------------------------- */

#define MAX_SITES 32

struct form {
	struct hane_centre_placement p;
	bool adding;
	int64_t site[MAX_SITES];
	const char *names[MAX_SITES];
	char text[MAX_SITES][96];
	int nsites;
	char notes_shown[HANE_CSP_TEXT];
	bool ended;
};

/* The fields: a new placement names its person and site first; a change
 * may end it last. */
enum { N_PERSON, N_SITE, N_BASE };
enum { F_ROLE, F_HOURS, F_PAID, F_INSURED, F_COACH, F_START, F_NOTES, F_N };
enum { E_END = F_N, E_REASON };

static int at(const struct form *f, int i)
{
	return f->adding ? N_BASE + i : i;
}

static int site_choice(int64_t id, const char *name, void *arg)
{
	struct form *f = arg;

	if (f->nsites >= MAX_SITES)
		return 1;
	f->site[f->nsites] = id;
	HANE_COPY(f->text[f->nsites], name);
	f->names[f->nsites] = f->text[f->nsites];
	f->nsites++;
	return 0;
}

/* "12345678901" a TC Kimlik No, otherwise a person's number. */
static int person_of(hane_db *db, const char *s, int64_t *id)
{
	struct hane_person p;
	int rc;

	*id = 0;
	if (strlen(s) == HANE_TCKN_LEN && strspn(s, "0123456789") == 11) {
		if ((rc = hane_person_by_tckn(db, s, &p)) != 0)
			return rc;
		*id = p.id;
		return 0;
	}
	*id = strtoll(s, NULL, 10);
	return *id > 0 ? 0 : HANE_ENOTFOUND;
}

static int save(struct hane_ui *ui, struct hane_ui_form *uf, void *arg)
{
	struct form *f = arg;
	hane_db *db = hane_ui_db(ui);
	struct hane_centre_placement *p = &f->p;
	enum hane_msg labels[E_REASON + 1 + N_BASE] = {0};
	char end[HANE_DATE_LEN + 1] = "";
	const char *reason = "";
	int rc;

	labels[at(f, F_ROLE)] = HANE_M_CSP_F_ROLE;
	labels[at(f, F_HOURS)] = HANE_M_CSP_F_HOURS;
	labels[at(f, F_COACH)] = HANE_M_CSP_F_COACH;
	labels[at(f, F_START)] = HANE_M_CSP_F_START;
	labels[at(f, F_NOTES)] = HANE_M_CSP_F_NOTES;
	if (f->adding) {
		labels[N_PERSON] = HANE_M_CSP_UI_F_PERSON;
		labels[N_SITE] = HANE_M_CSP_F_SITE;
		if (person_of(db, hane_ui_form_get(uf, N_PERSON),
			      &p->person_id) != 0) {
			hane_ui_form_error(uf, N_PERSON,
					   hane_msg(HANE_M_CSP_UI_NO_PERSON));
			return HANE_EINVAL;
		}
		p->site_id = f->site[hane_ui_form_choice(uf, N_SITE)];
	} else {
		labels[E_END] = HANE_M_CSP_F_END_DATE;
		labels[E_REASON] = HANE_M_CSP_F_END_REASON;
		if (hane_date_parse(end, hane_ui_form_get(uf, E_END)) != 0)
			end[0] = '\0';
		reason = hane_ui_form_get(uf, E_REASON);
	}
	HANE_COPY(p->role, hane_ui_form_get(uf, at(f, F_ROLE)));
	p->hours_week = atoi(hane_ui_form_get(uf, at(f, F_HOURS)));
	p->paid = hane_ui_form_choice(uf, at(f, F_PAID)) == 1;
	p->insured = hane_ui_form_choice(uf, at(f, F_INSURED)) == 1;
	HANE_COPY(p->coach, hane_ui_form_get(uf, at(f, F_COACH)));
	if (hane_date_parse(p->start, hane_ui_form_get(uf, at(f, F_START))))
		p->start[0] = '\0';
	if (!hane_ui_form_kept(uf, at(f, F_NOTES)))
		HANE_COPY(p->notes, hane_ui_form_get(uf, at(f, F_NOTES)));
	rc = hane_centre_placement_save(db, p, NULL);
	if (!rc && (end[0] || reason[0])) {
		rc = hane_centre_placement_end(db, p->id, end, reason);
		f->ended = rc == 0;
	}
	if (rc) {
		hane_ui_form_model_error(
			ui, uf, labels, f->adding ? N_BASE + F_N : E_REASON + 1,
			rc);
		return rc;
	}
	return 0;
}

static void form_fill(struct hane_ui *ui, struct hane_ui_form *uf, void *arg)
{
	struct form *f = arg;
	const struct hane_centre_placement *p = &f->p;
	char d[HANE_DATE_LEN + 1], n[16];
	const char *shown;

	hane_ui_form_set(uf, at(f, F_ROLE), p->role);
	snprintf(n, sizeof n, "%d", p->hours_week);
	hane_ui_form_set(uf, at(f, F_HOURS), n);
	hane_ui_form_set_choice(uf, at(f, F_PAID), p->paid);
	hane_ui_form_set_choice(uf, at(f, F_INSURED), p->insured);
	hane_ui_form_set(uf, at(f, F_COACH), p->coach);
	hane_ui_form_set(uf, at(f, F_START), hane_date_format(d, p->start));
	shown = hane_gate_field(
		hane_ui_db(ui), HANE_ACT_CENTRES_WRITE,
		hane_record_field(&hane_centre_placement_rdef, "notes"),
		p->notes, f->notes_shown, sizeof f->notes_shown);
	hane_ui_form_set_masked(uf, at(f, F_NOTES), p->notes, shown);
}

static void form(struct hane_ui *ui, int64_t id)
{
	hane_db *db = hane_ui_db(ui);
	struct form *f = calloc(1, sizeof *f);
	struct hane_ui_field fields[N_BASE + F_N + 2];
	char title[256], today[HANE_DATE_LEN + 1];
	int n = 0, rc;

	if (!f) {
		hane_ui_error_rc(ui, HANE_ENOMEM);
		return;
	}
	f->adding = id == 0;
	if (f->adding) {
		hane_centre_placement_init(&f->p);
		HANE_COPY(f->p.start, hane_today(today));
		rc = hane_centre_sp_sites(db, "placement", site_choice, f);
		snprintf(title, sizeof title, "%s",
			 hane_msg(HANE_M_CSP_UI_NEW_PLACEMENT));
	} else {
		rc = hane_centre_placement_get(db, id, &f->p);
		if (!rc)
			rc = hane_gate_view(db, "centres.placement.view",
					    "centre_placement", id);
		snprintf(title, sizeof title,
			 hane_msg(HANE_M_CSP_UI_EDIT_PLACEMENT), (long long)id,
			 f->p.person_name);
	}
	if (rc) {
		hane_ui_error_rc(ui, rc);
		free(f);
		return;
	}
	memset(fields, 0, sizeof fields);
	if (f->adding) {
		fields[n++] =
			(struct hane_ui_field){.kind = HANE_UI_F_TEXT,
					       .label = HANE_M_CSP_UI_F_PERSON,
					       .required = true,
					       .width = 12,
					       .max = 11};
		fields[n++] = (struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
						     .label = HANE_M_CSP_F_SITE,
						     .required = true,
						     .choices = f->names,
						     .nchoices = f->nsites};
	}
	fields[n++] = (struct hane_ui_field){.kind = HANE_UI_F_TEXT,
					     .label = HANE_M_CSP_F_ROLE,
					     .required = true,
					     .width = 30,
					     .max = 90};
	fields[n++] = (struct hane_ui_field){.kind = HANE_UI_F_NUMBER,
					     .label = HANE_M_CSP_F_HOURS,
					     .required = true,
					     .width = 3,
					     .lo = 1,
					     .hi = 45};
	fields[n++] = (struct hane_ui_field){.kind = HANE_UI_F_YESNO,
					     .label = HANE_M_CSP_CLI_PAID};
	fields[n++] = (struct hane_ui_field){.kind = HANE_UI_F_YESNO,
					     .label = HANE_M_CSP_CLI_INSURED};
	fields[n++] = (struct hane_ui_field){.kind = HANE_UI_F_TEXT,
					     .label = HANE_M_CSP_F_COACH,
					     .width = 30,
					     .max = 90};
	fields[n++] = (struct hane_ui_field){.kind = HANE_UI_F_DATE,
					     .label = HANE_M_CSP_F_START,
					     .required = true};
	fields[n++] = (struct hane_ui_field){.kind = HANE_UI_F_TEXT,
					     .label = HANE_M_CSP_F_NOTES,
					     .width = 40,
					     .max = 500};
	if (!f->adding) {
		fields[n++] = (struct hane_ui_field){
			.kind = HANE_UI_F_DATE, .label = HANE_M_CSP_F_END_DATE};
		fields[n++] =
			(struct hane_ui_field){.kind = HANE_UI_F_TEXT,
					       .label = HANE_M_CSP_F_END_REASON,
					       .width = 40,
					       .max = 500};
	}
	const struct hane_ui_form_view v = {
		.title = title,
		.fields = fields,
		.nfields = n,
		.save = save,
		.arg = f,
	};
	if (hane_ui_form_show(ui, &v, form_fill) == 1)
		hane_ui_status(
			ui, false,
			hane_msg(f->ended ? HANE_M_CSP_UI_PLACEMENT_ENDED
					  : HANE_M_CSP_UI_PLACEMENT_SAVED),
			(long long)f->p.id, f->p.person_name);
	free(f);
}

static int act(struct hane_ui *ui, struct hane_ui_list *l,
	       enum hane_ui_action a, void *arg)
{
	(void)arg;
	if (a == HANE_UI_A_CSP_PLACEMENT_NEW)
		form(ui, 0);
	else if (a == HANE_UI_A_CSP_PLACEMENT_EDIT &&
		 hane_ui_list_selected_id(l))
		form(ui, hane_ui_list_selected_id(l));
	return HANE_UI_STAY;
}

static void info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	int *n = arg;

	(void)ui;
	snprintf(out, outsz, hane_msg(HANE_M_CSP_UI_N_PLACEMENTS), *n);
}

static int count_row(const struct hane_centre_placement *p, void *arg)
{
	(void)p;
	(*(int *)arg)++;
	return 0;
}

static int fill_counted(struct hane_ui *ui, struct hane_ui_list *l,
			const char *query, int rows, void *arg)
{
	int *n = arg;

	*n = 0;
	if (hane_centre_placement_each(hane_ui_db(ui), true, 0, 0, count_row,
				       n) != 0)
		*n = 0;
	return fill(ui, l, query, rows, NULL);
}

void hane_ui_centres_placements(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {HANE_UI_A_HELP,
						   HANE_UI_A_CSP_PLACEMENT_EDIT,
						   HANE_UI_A_CSP_PLACEMENT_NEW,
						   HANE_UI_A_SORT,
						   HANE_UI_A_BACK,
						   HANE_UI_A_QUIT};
	int n = 0;
	const struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_CSP_UI_PLACEMENTS),
		HANE_UI_COLUMNS(cols),
		HANE_UI_BAR(acts),
		.fill = fill_counted,
		.act = act,
		.info = info,
		.arg = &n,
	};
	int rc = hane_can(hane_ui_db(ui), HANE_ACT_CENTRES_READ);

	if (rc) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	hane_ui_list_show(ui, &v);
}
