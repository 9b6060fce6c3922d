/* Merkezler's applications (#19): the list, a new application (the person
 * from the search, then programme, site, date and the diagnosis note,
 * with the eligibility said under the programme as soon as person and
 * programme are known: a hint when fine, a warning with the model's
 * sentence when not) and the decision (admitted directly or after
 * assessment, the waiting list, rejected or withdrawn with a reason; a
 * full site offers the waiting list). Every rule is the model's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/centres.h"
#include "hane/centres_ui.h"
#include "hane/core.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/record.h"
#include "hane/security.h"
#include "hane/ui.h"
#include "ui_centres_int.h"

/* ---- The decision ----------------------------------------------------------- */

/* The choices, in the order the dialog offers them, and their codes. */
static const struct {
	enum hane_msg label;
	const char *code;
	bool reason; /* a reason is asked */
} decisions[] = {
	{HANE_M_CU_DECIDE_DIRECT, "direct", false},
	{HANE_M_CU_DECIDE_ASSESSED, "assessed", false},
	{HANE_M_CU_DECIDE_WAITING, "waiting", false},
	{HANE_M_CU_DECIDE_REJECTED, "rejected", true},
	{HANE_M_CU_DECIDE_WITHDRAWN, "withdrawn", true},
};

static bool admits(const char *code)
{
	return !strcmp(code, "direct") || !strcmp(code, "assessed");
}

/* The site of a refused admission has no place left: the refusal is the
 * capacity's, not another rule's. */
static bool site_full(hane_db *db, int64_t site_id)
{
	struct hane_centre_site s;

	if (hane_centre_site_get(db, site_id, &s) != 0) {
		hane_error_clear();
		return false;
	}
	return s.capacity > 0 && s.members >= s.capacity;
}

bool cu_ui_decide(struct hane_ui *ui, int64_t id)
{
	hane_db *db = hane_ui_db(ui);
	struct hane_centre_application a;
	const char *labels[HANE_COUNTOF(decisions)];
	char title[320], reason[256] = "";
	const char *code;
	int64_t member = 0;
	int c, rc;

	if (hane_ui_error_if(ui, hane_centre_application_get(db, id, &a)))
		return false;
	if (strcmp(a.status, "pending") && strcmp(a.status, "waiting")) {
		hane_ui_status(ui, true, hane_msg(HANE_M_CU_DECIDED_ALREADY),
			       hane_centre_label(HANE_CENTRE_STATUS, a.status));
		return false;
	}
	for (size_t i = 0; i < HANE_COUNTOF(decisions); i++)
		labels[i] = hane_msg(decisions[i].label);
	snprintf(title, sizeof title, hane_msg(HANE_M_CU_DECIDE_TITLE),
		 a.person_name, a.site_name);
	c = hane_ui_choose(ui, title, labels, (int)HANE_COUNTOF(decisions), 0);
	if (c < 0)
		return false;
	code = decisions[c].code;
	if (decisions[c].reason) {
		hane_ui_ask_line(ui, title, HANE_M_CU_F_REASON, 250, reason,
				 sizeof reason);
		if (!reason[0])
			return false;
	}
	rc = hane_centre_decide(db, id, a.version, code, "", reason, NULL,
				&member);
	if (rc == HANE_EPERM && admits(code) && site_full(db, a.site_id)) {
		/* No place: the model's words, and the waiting list. */
		const char *b[2] = {hane_msg(HANE_M_CU_CANCEL),
				    hane_msg(HANE_M_CU_TO_WAITING)};
		char why[768];

		HANE_COPY(why, hane_error_last());
		if (hane_ui_buttons(ui, hane_msg(HANE_M_CU_FULL_TITLE), why, b,
				    2) != 1)
			return false;
		code = "waiting";
		rc = hane_centre_decide(db, id, a.version, code, "",
					hane_msg(HANE_M_CU_FULL_REASON), NULL,
					NULL);
	}
	if (rc == HANE_EPERM || rc == HANE_EINVAL) {
		const char *ok = hane_msg(HANE_M_UI_OK);
		char why[768];

		HANE_COPY(why, hane_error_last());
		(void)hane_ui_buttons(ui, title, why, &ok, 1);
		return false;
	}
	if (hane_ui_error_if(ui, rc))
		return false;
	if (admits(code))
		hane_ui_status(ui, false, hane_msg(HANE_M_CU_ADMITTED),
			       a.person_name, a.site_name, (long long)member);
	else if (!strcmp(code, "waiting") &&
		 hane_centre_application_get(db, id, &a) == 0)
		hane_ui_status(ui, false, hane_msg(HANE_M_CU_WAITING_AT),
			       a.person_name, a.site_name, a.position);
	else
		hane_ui_status(ui, false, hane_msg(HANE_M_CU_DECIDED),
			       a.person_name,
			       hane_centre_label(HANE_CENTRE_STATUS, code));
	hane_error_clear();
	return true;
}

/* ---- A new application ------------------------------------------------------- */

#define PROGS_MAX 32
#define SITES_MAX 64

enum { A_PERSON, A_PROG, A_SITE, A_DATE, A_DIAG, A_NOTES, A__N };

struct apply {
	int64_t person;
	char who[256];
	int nprog;
	int64_t prog_id[PROGS_MAX];
	char prog_name[PROGS_MAX][HANE_CENTRE_NAME];
	const char *prog_label[PROGS_MAX];
	/* Every site; the form offers those of the programme chosen. */
	int nall;
	int64_t all_id[SITES_MAX], all_prog[SITES_MAX];
	char all_name[SITES_MAX][HANE_CENTRE_NAME];
	int nsite;
	int64_t site_id[SITES_MAX];
	const char *site_label[SITES_MAX];
	struct hane_ui_field fields[A__N];
	int64_t saved;
};

static int add_prog(const struct hane_centre_programme *p, void *arg)
{
	struct apply *x = arg;

	if (x->nprog >= PROGS_MAX || !p->active)
		return 0;
	x->prog_id[x->nprog] = p->id;
	HANE_COPY(x->prog_name[x->nprog], p->name);
	x->prog_label[x->nprog] = x->prog_name[x->nprog];
	x->nprog++;
	return 0;
}

static int add_site(const struct hane_centre_site *s, void *arg)
{
	struct apply *x = arg;

	if (x->nall >= SITES_MAX)
		return 0;
	x->all_id[x->nall] = s->id;
	x->all_prog[x->nall] = s->programme_id;
	HANE_COPY(x->all_name[x->nall], s->name);
	x->nall++;
	return 0;
}

/* The site field's choices: the sites of programme choice c. */
static void offer_sites(struct apply *x, struct hane_ui_form *f, int c)
{
	x->nsite = 0;
	for (int i = 0; i < x->nall && c >= 0 && c < x->nprog; i++)
		if (x->all_prog[i] == x->prog_id[c]) {
			x->site_id[x->nsite] = x->all_id[i];
			x->site_label[x->nsite] = x->all_name[i];
			x->nsite++;
		}
	x->fields[A_SITE].nchoices = x->nsite;
	hane_ui_form_set_choice(f, A_SITE, 0);
}

static int64_t chosen_site(const struct apply *x, const struct hane_ui_form *f)
{
	int c = hane_ui_form_choice(f, A_SITE);

	return c >= 0 && c < x->nsite ? x->site_id[c] : 0;
}

/* The eligibility under the programme: the model's sentence as a
 * warning, or a hint that the person may apply. */
static void show_eligibility(struct hane_ui *ui, struct apply *x,
			     struct hane_ui_form *f)
{
	struct hane_centre_elig e;
	char date[HANE_DATE_LEN + 1], hint[256];
	int64_t site = chosen_site(x, f);

	if (!site) {
		hane_ui_form_note(f, A_PROG, hane_msg(HANE_M_CU_NO_SITE));
		return;
	}
	if (hane_date_parse(date, hane_ui_form_get(f, A_DATE)) != 0)
		date[0] = '\0';
	if (hane_centre_eligibility(hane_ui_db(ui), x->person, site, date,
				    hane_ui_form_get(f, A_DIAG), &e) != 0) {
		hane_ui_form_note(f, A_PROG, hane_error_last());
		hane_error_clear();
	} else if (!e.eligible) {
		hane_ui_form_note(f, A_PROG, e.why);
	} else {
		if (e.age >= 0)
			snprintf(hint, sizeof hint,
				 hane_msg(HANE_M_CU_ELIGIBLE_AGE), e.age);
		else
			HANE_COPY(hint, hane_msg(HANE_M_CU_ELIGIBLE));
		hane_ui_form_hint(f, A_PROG, hint);
	}
}

static void apply_changed(struct hane_ui *ui, struct hane_ui_form *f, int i,
			  void *arg)
{
	struct apply *x = arg;

	if (i == A_PROG)
		offer_sites(x, f, hane_ui_form_choice(f, A_PROG));
	if (i == A_PROG || i == A_SITE || i == A_DATE || i == A_DIAG)
		show_eligibility(ui, x, f);
}

static void apply_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct apply *x = arg;
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];

	hane_ui_form_set(f, A_DATE, hane_date_format(shown, hane_today(today)));
	offer_sites(x, f, 0);
	show_eligibility(ui, x, f);
}

static int apply_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	static const enum hane_msg labels[A__N] = {
		[A_PROG] = HANE_M_CU_F_PROGRAMME,
		[A_SITE] = HANE_M_CU_F_SITE,
		[A_DATE] = HANE_M_CU_F_DATE,
		[A_DIAG] = HANE_M_CU_F_DIAGNOSIS,
		[A_NOTES] = HANE_M_CU_F_NOTES};
	struct apply *x = arg;
	hane_db *db = hane_ui_db(ui);
	struct hane_centre_application a;
	int rc;

	hane_centre_application_init(&a);
	a.person_id = x->person;
	a.site_id = chosen_site(x, f);
	if (hane_date_parse(a.date, hane_ui_form_get(f, A_DATE)) != 0)
		a.date[0] = '\0';
	HANE_COPY(a.diagnosis, hane_ui_form_get(f, A_DIAG));
	HANE_COPY(a.notes, hane_ui_form_get(f, A_NOTES));
	rc = hane_centre_apply(db, &a);
	if ((rc == HANE_EPERM && cu_ui_may(ui, HANE_ACT_CENTRES_WRITE)) ||
	    rc == HANE_EEXIST) {
		/* Not eligible, or already applied or a member: said where
		 * the programme is chosen. */
		char why[512];

		HANE_COPY(why, hane_error_last());
		hane_ui_form_error(f, A_PROG, why);
		return rc;
	}
	if (rc) {
		hane_ui_form_model_error(ui, f, labels, A__N, rc);
		return rc;
	}
	x->saved = a.id;
	hane_ui_status(ui, false, hane_msg(HANE_M_CU_APPLIED), (long long)a.id,
		       x->who, x->site_label[hane_ui_form_choice(f, A_SITE)]);
	return 0;
}

int64_t cu_ui_apply(struct hane_ui *ui, int64_t person_id)
{
	hane_db *db = hane_ui_db(ui);
	struct apply *x;
	struct hane_person p;
	int64_t id = 0;
	int rc;

	if (hane_ui_error_if(ui, hane_can(db, HANE_ACT_CENTRES_WRITE)))
		return 0;
	if (!person_id)
		person_id =
			hane_ui_person_pick(ui, hane_msg(HANE_M_CU_PICK_TITLE),
					    HANE_M_CU_PICK_HINT);
	if (!person_id)
		return 0;
	if (hane_ui_error_if(ui, hane_person_get(db, person_id, &p)))
		return 0;
	if (!(x = calloc(1, sizeof *x))) {
		hane_ui_error_rc(ui, HANE_ENOMEM);
		return 0;
	}
	x->person = person_id;
	snprintf(x->who, sizeof x->who, "%s %s", p.first_name, p.last_name);
	if ((rc = hane_centre_programme_each(db, false, add_prog, x)) != 0 ||
	    (rc = hane_centre_site_each(db, 0, false, add_site, x)) != 0) {
		hane_ui_error_rc(ui, rc);
		free(x);
		return 0;
	}
	if (x->nprog == 0) {
		hane_ui_status(ui, true, "%s", hane_msg(HANE_M_CU_NO_SITES));
		free(x);
		return 0;
	}
	x->fields[A_PERSON] = (struct hane_ui_field){.kind = HANE_UI_F_HEADING,
						     .label_text = x->who};
	x->fields[A_PROG] =
		(struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
				       .label = HANE_M_CU_F_PROGRAMME,
				       .required = true,
				       .choices = x->prog_label,
				       .nchoices = x->nprog};
	x->fields[A_SITE] = (struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
						   .label = HANE_M_CU_F_SITE,
						   .required = true,
						   .choices = x->site_label,
						   .nchoices = 0};
	x->fields[A_DATE] = (struct hane_ui_field){.kind = HANE_UI_F_DATE,
						   .label = HANE_M_CU_F_DATE,
						   .required = true};
	x->fields[A_DIAG] =
		(struct hane_ui_field){.kind = HANE_UI_F_TEXT,
				       .label = HANE_M_CU_F_DIAGNOSIS,
				       .max = 500};
	x->fields[A_NOTES] = (struct hane_ui_field){
		.kind = HANE_UI_F_TEXT, .label = HANE_M_CU_F_NOTES, .max = 500};
	{
		struct hane_ui_form_view v = {
			.title = hane_msg(HANE_M_CU_APPLY_TITLE),
			.fields = x->fields,
			.nfields = A__N,
			.changed = apply_changed,
			.save = apply_save,
			.arg = x,
		};

		if (hane_ui_form_show(ui, &v, apply_fill))
			id = x->saved;
	}
	free(x);
	return id;
}

/* ---- Başvurular ---------------------------------------------------------------- */

enum { L_DATE, L_NAME, L_SITE, L_STATUS, L_REASON, L_DIAG, L__N };

static const struct hane_ui_column app_cols[L__N] = {
	[L_DATE] = HANE_UI_COL_DATE(HANE_M_CU_COL_APPLIED, 3),
	[L_NAME] = HANE_UI_COL_FLEX(HANE_M_CU_COL_NAME, 12, 24, 0),
	[L_SITE] = HANE_UI_COL_TEXT(HANE_M_CU_COL_SITE, 10, 26, 2),
	[L_STATUS] = HANE_UI_COL_TEXT(HANE_M_CU_COL_STATE, 10, 24, 1),
	[L_REASON] = HANE_UI_COL_TEXT(HANE_M_CU_COL_REASON, 6, 20, 4),
	[L_DIAG] = HANE_UI_COL_TEXT(HANE_M_CU_F_DIAGNOSIS, 6, 20, 5),
};

struct apps {
	hane_db *db;
	struct hane_ui_list *l;
};

static int app_row(const struct hane_centre_application *a, void *arg)
{
	struct apps *x = arg;
	char date[HANE_DATE_LEN + 1], status[160], diag[HANE_CENTRE_TEXT];
	const char *cells[L__N];

	if (a->position > 0)
		snprintf(status, sizeof status,
			 hane_msg(HANE_M_CU_STATE_APP_WAITING), a->position);
	else
		HANE_COPY(status,
			  hane_centre_label(HANE_CENTRE_STATUS, a->status));
	cells[L_DATE] = hane_date_format(date, a->date);
	cells[L_NAME] = a->person_name;
	cells[L_SITE] = a->site_name;
	cells[L_STATUS] = status;
	cells[L_REASON] = a->reason;
	/* Health: clear to the staff who serve the person, masked to the
	 * rest (the gate). */
	cells[L_DIAG] = hane_gate_field(
		x->db, HANE_ACT_CENTRES_WRITE,
		hane_record_field(&hane_centre_application_rdef, "diagnosis"),
		a->diagnosis, diag, sizeof diag);
	return hane_ui_list_add(x->l, a->id, cells);
}

static int apps_fill(struct hane_ui *ui, struct hane_ui_list *l,
		     const char *query, int rows, void *arg)
{
	struct apps x = {hane_ui_db(ui), l};
	struct hane_centre_app_filter f = {.limit = 1000};
	int rc;

	(void)rows;
	(void)arg;
	rc = hane_centre_application_each(x.db, &f, app_row, &x);
	if (rc == 0 && query[0])
		rc = hane_ui_list_filter(l, query);
	return rc;
}

static int apps_act(struct hane_ui *ui, struct hane_ui_list *l,
		    enum hane_ui_action a, void *arg)
{
	int64_t id = hane_ui_list_selected_id(l);

	(void)arg;
	if (a == HANE_UI_A_CEN_APPLY) {
		/* The new application under the cursor, for F7 at once: the
		 * refill after this keeps the selection. */
		if ((id = cu_ui_apply(ui, 0)) != 0) {
			hane_ui_list_clear(l);
			if (hane_ui_error_if(
				    ui, apps_fill(ui, l, "", 0, NULL)) == 0)
				hane_ui_list_select_id(l, id);
		}
	} else if (a == HANE_UI_A_CEN_DECIDE) {
		if (id)
			(void)cu_ui_decide(ui, id);
		else
			hane_ui_status(ui, false, "%s",
				       hane_msg(HANE_M_UI_PICK_ROW));
	}
	return HANE_UI_STAY;
}

void cu_ui_applications(struct hane_ui *ui)
{
	enum hane_ui_action acts[7];
	int n = 0;

	bool rw = cu_ui_may(ui, HANE_ACT_CENTRES_WRITE);

	acts[n++] = HANE_UI_A_HELP;
	if (rw)
		acts[n++] = HANE_UI_A_CEN_APPLY;
	acts[n++] = HANE_UI_A_SORT;
	if (rw)
		acts[n++] = HANE_UI_A_CEN_DECIDE;
	acts[n++] = HANE_UI_A_BACK;
	acts[n++] = HANE_UI_A_QUIT;
	{
		struct hane_ui_list_view v = {
			.title = hane_msg(HANE_M_CU_MENU_APPLICATIONS),
			HANE_UI_COLUMNS(app_cols),
			.actions = acts,
			.nactions = n,
			.fill = apps_fill,
			.act = apps_act,
		};

		hane_ui_list_show(ui, &v);
	}
}
