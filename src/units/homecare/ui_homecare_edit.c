/* Home care records made and changed in the console: a person taken on
 * as a client and their care plans (from the person page's F6
 * "Hizmetler" and the client page), the unit's caregivers and cleaning
 * teams, and its settings (travel time between mahalleler). The forms
 * hold what `hane homecare client|plan|worker|travel` take; every check
 * and every audited write is the model's, so the console refuses what
 * the CLI refuses, with the same message under the field it names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/homecare.h"
#include "hane/homecare_ui.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/ui.h"
#include "ui_homecare_int.h"

/* ---- Small helpers ------------------------------------------------------ */

static int check_days(const char *text, void *arg)
{
	char d[8];

	(void)arg;
	if (!text[0])
		return 0;
	return hane_homecare_days_parse(d, text);
}

/* ---- One record's form (client, plan, worker, end) ----------------------- */

/* What each record form keeps first: whether it adds, and the id saved. */
struct hc_form {
	bool adding;
	int64_t saved_id;
};

/* After the model's add or update (rc) of the record with id: an error
 * under the field it names (labels[0..n) are the form's), or the id
 * kept. */
static int form_saved(struct hane_ui *ui, struct hane_ui_form *f,
		      const enum hane_msg *labels, int n, int rc,
		      struct hc_form *h, int64_t id)
{
	if (rc) {
		hane_ui_form_model_error(ui, f, labels, n, rc);
		return rc;
	}
	if (!h->adding)
		h->saved_id = id;
	return 0;
}

/* After the form h (calloc'ed) was loaded (rc, what went wrong said):
 * runs it over fields[0..n), filled by fill and saved by save (both given
 * h), and frees h; returns the record's id when saved, 0 otherwise. */
static int64_t form_run(struct hane_ui *ui, int rc, const char *title,
			const struct hane_ui_field *fields, int n,
			int (*save)(struct hane_ui *, struct hane_ui_form *,
				    void *),
			void (*fill)(struct hane_ui *, struct hane_ui_form *,
				     void *),
			struct hc_form *h)
{
	struct hane_ui_form_view v = {.title = title,
				      .fields = fields,
				      .nfields = n,
				      .save = save,
				      .arg = h};
	int64_t id = 0;

	if (rc)
		hane_ui_error_rc(ui, rc);
	else if (hane_ui_form_show(ui, &v, fill))
		id = h->saved_id;
	free(h);
	return id;
}

/* A form bound to a record's field table in parts, the form's own fields
 * between them: part i's fields start at at[i]. */
struct hc_parts {
	int n;
	int at[3];
	struct hane_ui_record r[3];
};

static void parts_fields(struct hane_ui_field *fields, const struct hc_parts *p)
{
	for (int i = 0; i < p->n; i++)
		hane_ui_record_fields(fields + p->at[i], &p->r[i]);
}

static void parts_fill(struct hane_ui_form *f, const struct hc_parts *p,
		       const void *rec)
{
	for (int i = 0; i < p->n; i++)
		hane_ui_record_fill(f, p->at[i], &p->r[i], rec);
}

static void parts_store(const struct hane_ui_form *f, const struct hc_parts *p,
			void *rec)
{
	for (int i = 0; i < p->n; i++)
		hane_ui_record_store(f, p->at[i], &p->r[i], rec);
}

/* ---- Client form --------------------------------------------------------- */

static const char *const services_codes[] = {"care", "cleaning", "both"};
#define NSERVICES 3

enum { CF_SERVICES, CF_START, CF_NEEDS, CF_NOTES, CF__COUNT };

static const enum hane_msg client_labels[CF__COUNT] = {
	HANE_M_HC_F_SERVICES, HANE_M_HC_F_START_DATE, HANE_M_HC_F_NEEDS,
	HANE_M_HC_F_NOTES};

/* The services and the start are bound to the client's field table; the
 * needs (typed as words) and the notes (health text, kept as they are
 * when the role may not read them) are the form's own. */
static const struct hane_ui_bind client_head[CF_NEEDS] = {
	{.column = "services",
	 HANE_UI_LABEL(HANE_M_HC_F_SERVICES),
	 .width = 20,
	 .values = services_codes,
	 .nchoices = NSERVICES},
	{.column = "start_date",
	 HANE_UI_LABEL(HANE_M_HC_F_START_DATE),
	 .width = 11},
};
static const struct hane_ui_field client_needs = {
	.kind = HANE_UI_F_TEXT,
	.label = HANE_M_HC_F_NEEDS,
	.width = 44,
	.max = (int)sizeof((struct hane_homecare_client *)0)->needs - 1};
static const struct hane_ui_field client_notes = {.kind = HANE_UI_F_AREA,
						  .label = HANE_M_HC_F_NOTES,
						  .width = 50,
						  .rows = 5,
						  .max = HANE_NOTES_MAX / 2 -
							 1};

struct client_form {
	struct hc_form h;
	struct hane_homecare_client c;
	bool masked; /* needs and notes not shown to this role: kept */
	const char *svc[NSERVICES];
	struct hane_ui_bind head[CF_NEEDS];
	struct hc_parts parts;
	struct hane_ui_field fields[CF__COUNT];
};

/* ---- A coded choice (services, period, kind): the codes stored, their
 * words shown ---- */

static void code_labels(const char **out, const char *const *codes, int n)
{
	for (int i = 0; i < n; i++)
		out[i] = hane_homecare_label(codes[i]);
}

static int client_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct client_form *cf = arg;
	struct hane_homecare_client c = cf->c;
	hane_db *db = hane_ui_db(ui);
	int rc;

	parts_store(f, &cf->parts, &c);
	if (!cf->masked) {
		snprintf(c.needs, sizeof c.needs, "%s",
			 hane_ui_form_get(f, CF_NEEDS));
		snprintf(c.notes, sizeof c.notes, "%s",
			 hane_ui_form_get(f, CF_NOTES));
	}
	if (cf->h.adding)
		rc = hane_homecare_client_add(db, &c, &cf->h.saved_id);
	else
		rc = hane_homecare_client_update(db, &c);
	if ((rc = form_saved(ui, f, client_labels, CF__COUNT, rc, &cf->h,
			     c.id)))
		return rc;
	hane_ui_status(ui, false,
		       hane_msg(cf->h.adding ? HANE_M_HC_UI_CLIENT_ADDED
					     : HANE_M_HC_UI_CLIENT_SAVED),
		       (long long)cf->h.saved_id, c.name[0] ? c.name : "");
	return 0;
}

/* The form's fields: the bound part (the services' words given here),
 * then the form's own. */
static void client_fields(struct client_form *cf)
{
	code_labels(cf->svc, services_codes, NSERVICES);
	memcpy(cf->head, client_head, sizeof cf->head);
	cf->head[CF_SERVICES].choices = cf->svc;
	cf->parts = (struct hc_parts){
		1,
		{CF_SERVICES},
		{{&hane_hc_client_rdef, cf->head, CF_NEEDS, NULL, NULL}}};
	parts_fields(cf->fields, &cf->parts);
	cf->fields[CF_NEEDS] = client_needs;
	cf->fields[CF_NOTES] = client_notes;
}

/* The client to edit (client_id), or a new one for person_id, the form's
 * fields and its title. */
static int client_load(hane_db *db, struct client_form *cf, int64_t person_id,
		       int64_t client_id, char *title, size_t titlesz)
{
	struct hane_person p;
	int rc;

	hane_homecare_client_init(&cf->c);
	if (client_id) {
		/* KVKK: needs and notes are health text: logged before they
		 * are shown, and shown only to a role the gate clears. */
		if ((rc = hane_homecare_client_get(db, client_id, &cf->c)) ||
		    (rc = hane_gate_view(db, "homecare.client.view", "person",
					 cf->c.person_id)))
			return rc;
		cf->masked = !hane_gate_clear(
			db, HANE_ACT_HOMECARE_WRITE,
			(enum hane_pd)hane_pd_of(hane_record_field(
				&hane_hc_client_rdef, "needs")));
		snprintf(title, titlesz,
			 hane_msg(HANE_M_HC_UI_CLIENT_EDIT_TITLE),
			 (long long)cf->c.id, cf->c.name);
		client_fields(cf);
		return 0;
	}
	if ((rc = hane_person_get(db, person_id, &p)))
		return rc;
	cf->h.adding = true;
	cf->c.person_id = person_id;
	hane_today(cf->c.start_date);
	snprintf(cf->c.name, sizeof cf->c.name, "%s %s", p.first_name,
		 p.last_name);
	snprintf(title, titlesz, hane_msg(HANE_M_HC_UI_CLIENT_NEW_TITLE),
		 p.first_name, p.last_name);
	client_fields(cf);
	return 0;
}

/* The client into the form: health text masked unless the role may
 * read it. */
static void client_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct client_form *cf = arg;
	char words[256];

	(void)ui;
	parts_fill(f, &cf->parts, &cf->c);
	if (cf->masked) {
		hane_ui_form_set(f, CF_NEEDS, cf->c.needs[0] ? "***" : "");
		hane_ui_form_set(f, CF_NOTES, cf->c.notes[0] ? "***" : "");
		hane_ui_form_note(f, CF_NEEDS,
				  hane_msg(HANE_M_HC_UI_HEALTH_KEPT));
	} else {
		hane_homecare_needs_words(words, sizeof words, cf->c.needs);
		hane_ui_form_set(f, CF_NEEDS, words);
		hane_ui_form_set(f, CF_NOTES, cf->c.notes);
		hane_ui_form_hint(f, CF_NEEDS,
				  hane_msg(HANE_M_HC_UI_NEEDS_HINT));
	}
}

static int64_t client_form(struct hane_ui *ui, int64_t person_id,
			   int64_t client_id)
{
	struct client_form *cf = calloc(1, sizeof *cf);
	char title[300];

	if (!cf)
		return 0;
	return form_run(ui,
			client_load(hane_ui_db(ui), cf, person_id, client_id,
				    title, sizeof title),
			title, cf->fields, CF__COUNT, client_save, client_fill,
			&cf->h);
}

/* ---- Plan form ----------------------------------------------------------- */

static const char *const service_codes[] = {"care", "cleaning"};
static const char *const period_codes[] = {"week", "month"};

/* The window is one field, "13:00-16:00", as the CLI's --window. */
enum {
	PF_SERVICE,
	PF_PERIOD,
	PF_VISITS,
	PF_DAYS,
	PF_WINDOW,
	PF_DURATION,
	PF_WORKER,
	PF_FROM,
	PF_TO,
	PF__COUNT
};

static const enum hane_msg plan_labels[PF__COUNT] = {
	HANE_M_HC_F_SERVICE, HANE_M_HC_F_PERIOD,       HANE_M_HC_F_VISITS,
	HANE_M_HC_F_DAYS,    HANE_M_HC_F_WINDOW_START, HANE_M_HC_F_DURATION,
	HANE_M_HC_F_WORKER,  HANE_M_HC_F_VALID_FROM,   HANE_M_HC_F_VALID_TO};

/* "13:00-16:00" or "13:00–16:00" → start and end. */
static int window_parse(char start[HANE_HC_TIME_LEN + 1],
			char end[HANE_HC_TIME_LEN + 1], const char *text)
{
	char buf[64], *b;
	const char *en = strstr(text, "\u2013"); /* the en dash shown */

	if (en)
		snprintf(buf, sizeof buf, "%.*s-%s", (int)(en - text), text,
			 en + strlen("\u2013"));
	else
		snprintf(buf, sizeof buf, "%s", text);
	if (!(b = strchr(buf, '-')))
		goto bad;
	*b++ = '\0';
	hane_text_trim(buf);
	hane_text_trim(b);
	if (hane_homecare_time_parse(start, buf) != 0 ||
	    hane_homecare_time_parse(end, b) != 0)
		goto bad;
	return 0;
bad:
	hane_error_set("%s", hane_msg(HANE_M_HC_UI_V_WINDOW));
	return HANE_EINVAL;
}

static int check_window(const char *text, void *arg)
{
	char a[HANE_HC_TIME_LEN + 1], b[HANE_HC_TIME_LEN + 1];

	(void)arg;
	return text[0] ? window_parse(a, b, text) : 0;
}

/* The plan form is bound to the plan's field table in three parts with
 * the screen's labels and sizes: service, period and visits; the
 * duration; the dates. The days (typed as words), the window (one field)
 * and the worker (a choice of the active ones) are the form's own. */
static const struct hane_ui_bind plan_head[PF_DAYS] = {
	{.column = "service",
	 HANE_UI_LABEL(HANE_M_HC_F_SERVICE),
	 .width = 14,
	 .values = service_codes,
	 .nchoices = 2},
	{.column = "period",
	 HANE_UI_LABEL(HANE_M_HC_F_PERIOD),
	 .width = 14,
	 .values = period_codes,
	 .nchoices = 2},
	{.column = "visits",
	 HANE_UI_LABEL(HANE_M_HC_F_VISITS),
	 .width = 4,
	 .max = 2,
	 .lo = 1,
	 .hi = 31},
};
static const struct hane_ui_bind plan_duration = {
	.column = "duration_min",
	HANE_UI_LABEL(HANE_M_HC_F_DURATION),
	.width = 4,
	.max = 3,
	.lo = 15,
	.hi = 600};
static const struct hane_ui_bind plan_dates[PF__COUNT - PF_FROM] = {
	{.column = "valid_from",
	 HANE_UI_LABEL(HANE_M_HC_F_VALID_FROM),
	 .width = 11},
	{.column = "valid_to",
	 HANE_UI_LABEL(HANE_M_HC_F_VALID_TO),
	 .width = 11},
};
static const struct hane_ui_field plan_days = {.kind = HANE_UI_F_TEXT,
					       .label = HANE_M_HC_F_DAYS,
					       .width = 24,
					       .max = 60,
					       .check = check_days};
static const struct hane_ui_field plan_window = {.kind = HANE_UI_F_TEXT,
						 .label = HANE_M_HC_UI_F_WINDOW,
						 .required = true,
						 .width = 12,
						 .max = 13,
						 .check = check_window};

struct plan_form {
	struct hc_form h;
	struct hane_homecare_plan p;
	struct hc_ui_workers wc;
	int worker; /* the plan's worker's choice */
	const char *svc[2], *per[2];
	struct hane_ui_bind head[PF_DAYS];
	struct hc_parts parts;
	struct hane_ui_field fields[PF__COUNT];
};

static int plan_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct plan_form *pf = arg;
	struct hane_homecare_plan p = pf->p;
	hane_db *db = hane_ui_db(ui);
	const char *days = hane_ui_form_get(f, PF_DAYS);
	int rc;

	parts_store(f, &pf->parts, &p);
	p.days[0] = '\0';
	if (days[0] && hane_homecare_days_parse(p.days, days) != 0) {
		hane_ui_form_error(f, PF_DAYS, hane_error_last());
		return HANE_EINVAL;
	}
	if (window_parse(p.window_start, p.window_end,
			 hane_ui_form_get(f, PF_WINDOW))) {
		hane_ui_form_error(f, PF_WINDOW, hane_error_last());
		return HANE_EINVAL;
	}
	p.worker_id = pf->wc.id[hane_ui_form_choice(f, PF_WORKER)];
	if (pf->h.adding)
		rc = hane_homecare_plan_add(db, &p, &pf->h.saved_id);
	else
		rc = hane_homecare_plan_update(db, &p);
	if (rc == HANE_EINVAL) {
		const char *err = hane_error_last();
		const char *we = hane_msg(HANE_M_HC_F_WINDOW_END);

		/* Both ends and the window's length belong to one field. */
		if (hane_ui_after_label(err, we) != err ||
		    strcmp(err, hane_msg(HANE_M_HC_V_WINDOW)) == 0) {
			hane_ui_form_error(f, PF_WINDOW,
					   hane_ui_after_label(err, we));
			return rc;
		}
	}
	if ((rc = form_saved(ui, f, plan_labels, PF__COUNT, rc, &pf->h, p.id)))
		return rc;
	{
		char desc[256];

		hane_ui_status(
			ui, false,
			hane_msg(pf->h.adding ? HANE_M_HC_UI_PLAN_ADDED
					      : HANE_M_HC_UI_PLAN_SAVED),
			(long long)pf->h.saved_id,
			hane_homecare_plan_describe(desc, sizeof desc, &p));
	}
	return 0;
}

/* The form's fields: the bound parts (their choices' words given here)
 * around the form's own. */
static void plan_fields(struct plan_form *pf)
{
	const struct hane_rdef *def = &hane_hc_plan_rdef;

	code_labels(pf->svc, service_codes, 2);
	code_labels(pf->per, period_codes, 2);
	memcpy(pf->head, plan_head, sizeof pf->head);
	pf->head[PF_SERVICE].choices = pf->svc;
	pf->head[PF_PERIOD].choices = pf->per;
	pf->parts = (struct hc_parts){
		3,
		{PF_SERVICE, PF_DURATION, PF_FROM},
		{{def, pf->head, PF_DAYS, NULL, NULL},
		 {def, &plan_duration, 1, NULL, NULL},
		 {def, plan_dates, PF__COUNT - PF_FROM, NULL, NULL}}};
	parts_fields(pf->fields, &pf->parts);
	pf->fields[PF_DAYS] = plan_days;
	pf->fields[PF_WINDOW] = plan_window;
	pf->fields[PF_WORKER] =
		(struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
				       .label = HANE_M_HC_F_WORKER,
				       .width = 30,
				       .choices = pf->wc.label,
				       .nchoices = pf->wc.n};
}

/* The active workers to choose from (first: unassigned), and the plan's
 * own when it is no longer active; returns the plan's choice, or a
 * negative error. */
static int plan_workers(hane_db *db, struct plan_form *pf)
{
	int cur;

	pf->wc.numbered = true;
	hc_ui_workers_add(&pf->wc, 0, hane_msg(HANE_M_HC_UNASSIGNED));
	cur = hc_ui_workers_load(db, &pf->wc, pf->p.worker_id);
	if (cur == 0 && pf->p.worker_id && pf->wc.n < HC_UI_WORKERS_MAX) {
		char no[32];

		/* An inactive worker stays the plan's until changed. */
		snprintf(no, sizeof no, "#%lld", (long long)pf->p.worker_id);
		cur = pf->wc.n;
		hc_ui_workers_add(&pf->wc, pf->p.worker_id, no);
	}
	return cur;
}

/* The plan into the form. */
static void plan_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct plan_form *pf = arg;
	char buf[64];

	(void)ui;
	parts_fill(f, &pf->parts, &pf->p);
	/* A new plan's visits and window are the person's to decide: left
	 * empty (required) rather than a default to delete first. */
	if (pf->h.adding)
		hane_ui_form_set(f, PF_VISITS, "");
	if (pf->p.days[0])
		hane_ui_form_set(
			f, PF_DAYS,
			hane_homecare_days_format(buf, sizeof buf, pf->p.days));
	hane_ui_form_hint(f, PF_DAYS, hane_msg(HANE_M_HC_UI_DAYS_HINT));
	snprintf(buf, sizeof buf, "%s-%s", pf->p.window_start,
		 pf->p.window_end);
	if (!pf->h.adding)
		hane_ui_form_set(f, PF_WINDOW, buf);
	hane_ui_form_hint(f, PF_WINDOW, hane_msg(HANE_M_HC_UI_WINDOW_HINT));
	hane_ui_form_set_choice(f, PF_WORKER, pf->worker);
	if (pf->h.adding)
		hane_ui_form_hint(f, PF_FROM, hane_msg(HANE_M_HC_UI_FROM_HINT));
}

/* The plan to edit (plan_id), or a new one for client_id, the form's
 * fields and its title. */
static int plan_load(hane_db *db, struct plan_form *pf, int64_t client_id,
		     int64_t plan_id, char *title, size_t titlesz)
{
	struct hane_homecare_client c;
	int rc;

	hane_homecare_plan_init(&pf->p);
	if (plan_id && (rc = hane_homecare_plan_get(db, plan_id, &pf->p)))
		return rc;
	if (plan_id)
		client_id = pf->p.client_id;
	if ((rc = hane_homecare_client_get(db, client_id, &c)))
		return rc;
	pf->h.adding = plan_id == 0;
	pf->p.client_id = client_id;
	/* A new plan gives the client's own service. */
	if (pf->h.adding && strcmp(c.services, "cleaning") == 0)
		snprintf(pf->p.service, sizeof pf->p.service, "cleaning");
	if ((pf->worker = plan_workers(db, pf)) < 0)
		return pf->worker;
	snprintf(title, titlesz,
		 hane_msg(pf->h.adding ? HANE_M_HC_UI_PLAN_NEW_TITLE
				       : HANE_M_HC_UI_PLAN_EDIT_TITLE),
		 (long long)(pf->h.adding ? c.id : pf->p.id), c.name);
	plan_fields(pf);
	return 0;
}

/* The plan form: a new plan for client_id (plan_id 0) or plan_id edited.
 * Returns the plan's id when saved, 0 otherwise. */
static int64_t plan_form(struct hane_ui *ui, int64_t client_id, int64_t plan_id)
{
	struct plan_form *pf = calloc(1, sizeof *pf);
	char title[300];

	if (!pf)
		return 0;
	return form_run(ui,
			plan_load(hane_ui_db(ui), pf, client_id, plan_id, title,
				  sizeof title),
			title, pf->fields, PF__COUNT, plan_save, plan_fill,
			&pf->h);
}

/* ---- The person page's row ------------------------------------------------ */

struct first_plan {
	char today[HANE_DATE_LEN + 1];
	char text[160];
};

static int first_plan(const struct hane_homecare_plan *p, void *arg)
{
	struct first_plan *fp = arg;
	char text[sizeof fp->text - 8];

	if (!hc_ui_plan_short(text, sizeof text, p, fp->today))
		return 0;
	snprintf(fp->text, sizeof fp->text, " · %s", text);
	return 1; /* the newest open plan is enough for one line */
}

bool hane_ui_homecare_person_line(struct hane_ui *ui, int64_t person_id,
				  char *out, size_t outsz)
{
	struct hane_homecare_client c;
	struct first_plan fp = {.text = ""};
	hane_db *db = hane_ui_db(ui);
	char last[8] = "", next[8] = "";
	int rc;

	/* No home care rights, no row: the page says nothing of it. The
	 * next visit first: the column is narrow at 80 columns. */
	if (hane_can(db, HANE_ACT_HOMECARE_READ) != 0)
		return false;
	rc = hane_homecare_client_by_person(db, person_id, false, &c);
	if (rc == HANE_ENOTFOUND) {
		bool rw = hane_can(db, HANE_ACT_HOMECARE_WRITE) == 0;

		snprintf(out, outsz, "%s",
			 hane_msg(rw ? HANE_M_HC_UI_PERSON_MAKE_CLIENT
				     : HANE_M_HC_UI_PERSON_NOT_CLIENT));
		hane_error_clear();
		return true;
	}
	if (rc != 0)
		return false;
	hane_today(fp.today);
	/* first_plan stops the walk at the first plan (1): an error is < 0. */
	if (hane_homecare_plan_each(db, c.id, first_plan, &fp) < 0)
		fp.text[0] = '\0';
	snprintf(out, outsz, hane_msg(HANE_M_HC_UI_PERSON_CLIENT),
		 (long long)c.id,
		 hane_date_short(next, c.next_visit,
				 hane_msg(HANE_M_HC_UI_NONE)),
		 fp.text, hane_homecare_label(c.services),
		 hane_date_short(last, c.last_visit,
				 hane_msg(HANE_M_HC_UI_NONE)));
	return true;
}

void hane_ui_homecare_person_open(struct hane_ui *ui, int64_t person_id)
{
	struct hane_homecare_client c;
	hane_db *db = hane_ui_db(ui);
	int64_t id;
	int rc;

	rc = hane_homecare_client_by_person(db, person_id, false, &c);
	if (rc == 0)
		hc_ui_client_page(ui, c.id);
	if (!hane_ui_may_add(ui, rc, HANE_ACT_HOMECARE_WRITE,
			     HANE_M_HC_UI_PERSON_NOT_CLIENT))
		return;
	/* Taken on, the next step is nearly always the first plan. */
	if ((id = client_form(ui, person_id, 0)) != 0 && !hane_ui_quitting(ui))
		plan_form(ui, id, 0);
}

/* ---- From the client page ------------------------------------------------ */

void hc_ui_client_edit(struct hane_ui *ui, int64_t client_id)
{
	client_form(ui, 0, client_id);
}

/* ---- Ending a client's service -------------------------------------------- */

static const char *const end_codes[] = {"death", "moved", "institution",
					"withdrew"};
#define NENDS 4

enum { EF_DATE, EF_REASON, EF__COUNT };

static const enum hane_msg end_labels[EF__COUNT] = {HANE_M_HC_F_END_DATE,
						    HANE_M_HC_F_END_REASON};

/* The last day and the reason, bound to the client's field table (its
 * date check and the reason's codes); written by the model's
 * hane_homecare_client_end alone, after the question. */
static const struct hane_ui_bind end_bind[EF__COUNT] = {
	{.column = "end_date",
	 HANE_UI_LABEL(HANE_M_HC_F_END_DATE),
	 .width = 11},
	{.column = "end_reason",
	 HANE_UI_LABEL(HANE_M_HC_F_END_REASON),
	 .width = 20,
	 .values = end_codes,
	 .nchoices = NENDS},
};

struct end_form {
	struct hc_form h;
	struct hane_homecare_client c;
	const char *reasons[NENDS];
	struct hane_ui_bind bind[EF__COUNT];
	struct hane_ui_record r;
	struct hane_ui_field fields[EF__COUNT];
};

static int end_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct end_form *e = arg;
	struct hane_homecare_client c = e->c;
	char ask[700], day[HANE_DATE_LEN + 1];
	int n = 0, rc;

	int i = hane_ui_form_choice(f, EF_REASON);

	/* Read-only in the field table (the model's end writes them), so
	 * not stored by the binding: read here. */
	if (hane_date_parse(c.end_date, hane_ui_form_get(f, EF_DATE)) != 0)
		c.end_date[0] = '\0';
	snprintf(c.end_reason, sizeof c.end_reason, "%s",
		 end_codes[i >= 0 && i < NENDS ? i : 0]);
	snprintf(ask, sizeof ask, hane_msg(HANE_M_HC_UI_END_ASK),
		 (long long)c.id, c.name, hane_date_format(day, c.end_date),
		 hane_homecare_label(c.end_reason));
	if (c.end_date[0] && !hane_ui_confirm(ui, ask))
		return HANE_ECANCELED;
	rc = hane_homecare_client_end(hane_ui_db(ui), c.id, c.version,
				      c.end_date, c.end_reason, &n);
	if (rc) {
		hane_ui_form_model_error(ui, f, end_labels, EF__COUNT, rc);
		return rc;
	}
	hane_ui_status(ui, false, hane_msg(HANE_M_HC_UI_ENDED), (long long)c.id,
		       day, n);
	return 0;
}

static void end_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];

	(void)ui;
	(void)arg;
	hane_today(today);
	hane_ui_form_set(f, EF_DATE, hane_date_format(shown, today));
}

/* The client whose service ends (client_id), the form's fields and its
 * title. */
static int end_load(hane_db *db, struct end_form *e, int64_t client_id,
		    char *title, size_t titlesz)
{
	int rc;

	/* An ended service is refused by the model's end (the page offers
	 * F8 only while the service runs). */
	if ((rc = hane_homecare_client_get(db, client_id, &e->c)))
		return rc;
	code_labels(e->reasons, end_codes, NENDS);
	memcpy(e->bind, end_bind, sizeof e->bind);
	e->bind[EF_REASON].choices = e->reasons;
	e->r = (struct hane_ui_record){&hane_hc_client_rdef, e->bind, EF__COUNT,
				       NULL, NULL};
	hane_ui_record_fields(e->fields, &e->r);
	e->fields[EF_DATE].required = true;
	e->fields[EF_REASON].required = true;
	snprintf(title, titlesz, hane_msg(HANE_M_HC_UI_END_TITLE),
		 (long long)e->c.id, e->c.name);
	return 0;
}

void hc_ui_client_end(struct hane_ui *ui, int64_t client_id)
{
	struct end_form *e = calloc(1, sizeof *e);
	char title[300];

	if (e)
		form_run(ui,
			 end_load(hane_ui_db(ui), e, client_id, title,
				  sizeof title),
			 title, e->fields, EF__COUNT, end_save, end_fill,
			 &e->h);
}

void hc_ui_plan_new(struct hane_ui *ui, int64_t client_id)
{
	plan_form(ui, client_id, 0);
}

/* F6 on the client page: which of the client's plans to change. */
struct plan_pick {
	int n;
	int64_t id[32];
	char text[32][256];
	const char *label[32];
};

static int plan_pick_add(const struct hane_homecare_plan *p, void *arg)
{
	struct plan_pick *pp = arg;
	char desc[200];

	if (pp->n >= 32)
		return 1;
	pp->id[pp->n] = p->id;
	snprintf(pp->text[pp->n], sizeof pp->text[0], "#%lld %s%s",
		 (long long)p->id,
		 hane_homecare_plan_describe(desc, sizeof desc, p),
		 p->valid_to[0] ? " (→)" : "");
	pp->label[pp->n] = pp->text[pp->n];
	pp->n++;
	return 0;
}

void hc_ui_plan_pick(struct hane_ui *ui, int64_t client_id)
{
	struct plan_pick *pp = calloc(1, sizeof *pp);
	int i, rc;

	if (!pp)
		return;
	if ((rc = hane_homecare_plan_each(hane_ui_db(ui), client_id,
					  plan_pick_add, pp))) {
		hane_ui_error_rc(ui, rc);
	} else if (pp->n == 0) {
		hane_ui_status(ui, false, "%s",
			       hane_msg(HANE_M_HC_UI_NO_PLANS));
	} else if ((i = hane_ui_choose(ui, hane_msg(HANE_M_HC_UI_CLIENT_PLANS),
				       pp->label, pp->n, 0)) >= 0) {
		plan_form(ui, 0, pp->id[i]);
	}
	free(pp);
}

/* ---- Caregivers and cleaning teams --------------------------------------- */

/* The unit's records screen (hane/ui.h "One screen of a unit's own
 * records"): the caregivers and teams listed, added (F5), edited (F4)
 * and made inactive or active again (F7) by homecare.admin (the unit's
 * supervisors and the administrators); anyone else reads. */

static const char *const kind_codes[] = {"caregiver", "team"};

enum { WF_NAME, WF_KIND, WF_SERVICES, WF_DAYS, WF_PHONE, WF_ACTIVE };

static int check_phone(const char *text, void *arg)
{
	char norm[HANE_PHONE_LEN + 1];

	(void)arg;
	if (!text[0] || hane_phone_normalize(norm, text) == 0)
		return 0;
	hane_error_set("%s", hane_msg(HANE_M_HC_V_PHONE));
	return HANE_EINVAL;
}

/* The form is bound to the worker's field table with the screen's labels
 * and sizes (kind and services required, the phone checked with the
 * unit's own message); the work days, typed as words ("Pzt Sal", empty:
 * Monday to Friday), are the form's own field. The choices' words are
 * given on open. */
static const struct hane_ui_records_field worker_fields[] = {
	[WF_NAME] = {.bind = {.column = "name",
			      HANE_UI_LABEL(HANE_M_HC_F_NAME),
			      .width = 36,
			      .max = 100}},
	[WF_KIND] = {.bind = {.column = "kind",
			      HANE_UI_LABEL(HANE_M_HC_F_KIND),
			      .width = 20,
			      .values = kind_codes,
			      .nchoices = 2}},
	[WF_SERVICES] = {.bind = {.column = "services",
				  HANE_UI_LABEL(HANE_M_HC_F_SERVICES),
				  .width = 20,
				  .values = services_codes,
				  .nchoices = NSERVICES}},
	[WF_DAYS] = {.own = {.kind = HANE_UI_F_TEXT,
			     .label = HANE_M_HC_F_WORK_DAYS,
			     .width = 30,
			     .max = 60,
			     .check = check_days},
		     .note = HANE_M_HC_UI_WORKDAYS_HINT},
	[WF_PHONE] = {.bind = {.column = "phone",
			       HANE_UI_LABEL(HANE_M_HC_F_PHONE),
			       .width = 16,
			       .max = 20},
		      .check = check_phone},
	[WF_ACTIVE] = {.bind = {.column = "active",
				HANE_UI_LABEL(HANE_M_HC_UI_F_ACTIVE),
				.width = 30}},
};

struct worker_words {
	const char *kinds[2], *svc[NSERVICES];
};

static int worker_open(struct hane_ui_records_edit *e)
{
	struct worker_words *w = e->arg;

	code_labels(w->kinds, kind_codes, 2);
	code_labels(w->svc, services_codes, NSERVICES);
	e->bind[WF_KIND].choices = w->kinds;
	e->bind[WF_SERVICES].choices = w->svc;
	return 0;
}

/* A new worker's days are typed (empty: Monday to Friday). */
static void worker_fill(struct hane_ui_records_edit *e)
{
	const struct hane_homecare_worker *w = e->rec;
	char buf[64];

	if (!e->adding)
		hane_ui_form_set(e->f, e->at[WF_DAYS],
				 hane_homecare_days_format(buf, sizeof buf,
							   w->work_days));
}

static int worker_store(struct hane_ui_records_edit *e)
{
	struct hane_homecare_worker *w = e->rec;
	const char *days = hane_ui_form_get(e->f, e->at[WF_DAYS]);

	if (hane_homecare_days_parse(w->work_days, days[0] ? days : "12345")) {
		hane_ui_form_error(e->f, e->at[WF_DAYS], hane_error_last());
		return HANE_EINVAL;
	}
	return 0;
}

static int worker_save(hane_db *db, void *rec, int64_t *id)
{
	struct hane_homecare_worker *w = rec;

	if (!w->id)
		return hane_homecare_worker_add(db, w, id);
	*id = w->id;
	return hane_homecare_worker_update(db, w);
}

/* "Personel #3 Zeynep Kara": the edit form's title and the saved status
 * name the worker's number. */
static void worker_say(char *out, size_t outsz, enum hane_msg m,
		       const void *rec)
{
	const struct hane_homecare_worker *w = rec;

	snprintf(out, outsz, hane_msg(m), (long long)w->id, w->name);
}

enum { WL_NAME, WL_KIND, WL_SERVICES, WL_DAYS, WL_STATUS, WL_NO, WL__COUNT };

static const struct hane_ui_column worker_cols[WL__COUNT] = {
	HANE_UI_COL_FLEX(HANE_M_HC_F_NAME, 12, 24, 0),
	HANE_UI_COL_TEXT(HANE_M_HC_F_KIND, 8, 16, 4),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_SERVICE, 6, 17, 3),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_DAYS, 10, 19, 2),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_STATUS, 5, 6, 1),
	HANE_UI_COL_NUM(HANE_M_HC_UI_COL_NO, 3, 4, 5),
};

static int worker_row(const struct hane_homecare_worker *w, void *arg)
{
	char days[64], no[24];
	const char *cells[WL__COUNT] = {
		[WL_NAME] = w->name,
		[WL_KIND] = hane_homecare_label(w->kind),
		[WL_SERVICES] = hane_homecare_label(w->services),
		[WL_DAYS] = hane_homecare_days_format(days, sizeof days,
						      w->work_days),
		[WL_STATUS] = hane_msg(w->active ? HANE_M_HC_UI_ACTIVE
						 : HANE_M_HC_UI_INACTIVE),
		[WL_NO] = no};

	snprintf(no, sizeof no, "#%lld", (long long)w->id);
	return hane_ui_records_row(arg, w, cells);
}

static int workers_each(hane_db *db, struct hane_ui_records *rs)
{
	return hane_homecare_worker_each(db, true, worker_row, rs);
}

void hc_ui_workers(struct hane_ui *ui)
{
	struct hane_homecare_worker blank;
	struct worker_words words;
	const struct hane_ui_records_view v = {
		.title = hane_msg(HANE_M_HC_UI_MENU_WORKERS),
		HANE_UI_COLUMNS(worker_cols),
		.write = HANE_ACT_HOMECARE_ADMIN,
		.def = &hane_hc_worker_rdef,
		.each = workers_each,
		HANE_UI_FORM_FIELDS(worker_fields),
		.blank = &blank,
		.open = worker_open,
		.fill = worker_fill,
		.store = worker_store,
		.save = worker_save,
		.active = "active",
		.ask_off = HANE_M_HC_UI_WORKER_DEACTIVATE_ASK,
		.ask_on = HANE_M_HC_UI_WORKER_ACTIVATE_ASK,
		.done_off = HANE_M_HC_UI_WORKER_DEACTIVATED,
		.done_on = HANE_M_HC_UI_WORKER_ACTIVATED,
		.what = HANE_M_HC_UI_MENU_WORKERS,
		.title_new = HANE_M_HC_UI_WORKER_NEW_TITLE,
		.title_edit = HANE_M_HC_UI_WORKER_EDIT_TITLE,
		.saved = HANE_M_HC_UI_WORKER_SAVED,
		.count = HANE_M_HC_UI_N_WORKERS,
		.title_column = "name",
		.say = worker_say,
		.arg = &words,
	};

	hane_homecare_worker_init(&blank);
	hane_ui_records_show(ui, &v);
}

/* ---- Settings -------------------------------------------------------------- */

/* The defaults, then one pair of mahalleler (optional: both or neither),
 * as `travel defaults` and `travel set` take them. The pair is checked
 * before anything is written, so a refusal saves nothing. */
enum { SF_SAME, SF_OTHER, SF_PAIR, SF_A, SF_B, SF_MIN, SF__COUNT };

static int settings_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	static const enum hane_msg labels[SF__COUNT] = {
		HANE_M_HC_UI_F_TRAVEL_SAME, HANE_M_HC_UI_F_TRAVEL_OTHER,
		HANE_M_HC_UI_F_PAIR,	    HANE_M_HC_UI_F_MAHALLE_A,
		HANE_M_HC_UI_F_MAHALLE_B,   HANE_M_HC_F_MINUTES};
	hane_db *db = hane_ui_db(ui);
	const char *a = hane_ui_form_get(f, SF_A);
	const char *b = hane_ui_form_get(f, SF_B);
	const char *min = hane_ui_form_get(f, SF_MIN);
	char ma[HANE_NAME_MAX], mb[HANE_NAME_MAX];
	bool set_pair = a[0] || b[0] || min[0];
	int same = atoi(hane_ui_form_get(f, SF_SAME));
	int other = atoi(hane_ui_form_get(f, SF_OTHER));
	int rc;

	(void)arg;
	if (set_pair) {
		for (int i = SF_A; i <= SF_MIN; i++)
			if (!hane_ui_form_get(f, i)[0]) {
				hane_ui_form_error(
					f, i, hane_msg(HANE_M_HC_UI_PAIR_ALL));
				return HANE_EINVAL;
			}
		if (hane_mahalle_match(db, ma, a) != 0) {
			hane_ui_form_error(f, SF_A, hane_error_last());
			return HANE_EINVAL;
		}
		if (hane_mahalle_match(db, mb, b) != 0) {
			hane_ui_form_error(f, SF_B, hane_error_last());
			return HANE_EINVAL;
		}
		if (strcmp(ma, mb) == 0) {
			hane_ui_form_error(f, SF_B,
					   hane_msg(HANE_M_HC_TRAVEL_SAME));
			return HANE_EINVAL;
		}
	}
	rc = hane_homecare_travel_defaults(db, same, other);
	if (rc == 0 && set_pair)
		rc = hane_homecare_travel_set(db, ma, mb, atoi(min));
	if (rc) {
		hane_ui_form_model_error(ui, f, labels, SF__COUNT, rc);
		return rc;
	}
	if (set_pair)
		hane_ui_status(ui, false, hane_msg(HANE_M_HC_UI_PAIR_SAVED), ma,
			       mb, atoi(min), same, other);
	else
		hane_ui_status(ui, false, hane_msg(HANE_M_HC_UI_SETTINGS_SAVED),
			       same, other);
	return 0;
}

/* The travel minutes now (arg: within one mahalle, between two). */
static void settings_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const int *minutes = arg;
	char buf[16];

	(void)ui;
	snprintf(buf, sizeof buf, "%d", minutes[0]);
	hane_ui_form_set(f, SF_SAME, buf);
	snprintf(buf, sizeof buf, "%d", minutes[1]);
	hane_ui_form_set(f, SF_OTHER, buf);
	hane_ui_form_hint(f, SF_A, hane_msg(HANE_M_HC_UI_TRAVEL_HINT));
}

void hc_ui_settings(struct hane_ui *ui)
{
	static const struct hane_ui_field fields[SF__COUNT] = {
		{.kind = HANE_UI_F_NUMBER,
		 .label = HANE_M_HC_UI_F_TRAVEL_SAME,
		 .required = true,
		 .width = 4,
		 .max = 3,
		 .lo = 0,
		 .hi = 240},
		{.kind = HANE_UI_F_NUMBER,
		 .label = HANE_M_HC_UI_F_TRAVEL_OTHER,
		 .required = true,
		 .width = 4,
		 .max = 3,
		 .lo = 0,
		 .hi = 240},
		{.kind = HANE_UI_F_HEADING, .label = HANE_M_HC_UI_F_PAIR},
		{.kind = HANE_UI_F_TEXT,
		 .label = HANE_M_HC_UI_F_MAHALLE_A,
		 .width = 24,
		 .max = 60},
		{.kind = HANE_UI_F_TEXT,
		 .label = HANE_M_HC_UI_F_MAHALLE_B,
		 .width = 24,
		 .max = 60},
		{.kind = HANE_UI_F_NUMBER,
		 .label = HANE_M_HC_F_MINUTES,
		 .width = 4,
		 .max = 3,
		 .lo = 0,
		 .hi = 240},
	};
	int minutes[2] = {0, 0}, rc;
	struct hane_ui_form_view v = {
		.title = hane_msg(HANE_M_HC_UI_MENU_SETTINGS),
		.fields = fields,
		.nfields = SF__COUNT,
		.save = settings_save,
		.arg = minutes};
	hane_db *db = hane_ui_db(ui);

	/* The settings are homecare.admin's: anyone else is told so. */
	if ((rc = hane_can(db, HANE_ACT_HOMECARE_ADMIN)) ||
	    (rc = hane_homecare_travel_get(db, "x", "x", &minutes[0])) ||
	    (rc = hane_homecare_travel_get(db, "", "", &minutes[1]))) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	hane_ui_form_show(ui, &v, settings_fill);
}
