/* Home care screens: the day and week agenda (per caregiver or the whole
 * unit, ←→ between days) from which a visit is recorded as done or
 * missed, the schedule generator with its preview, the client list with
 * last and next visit, the visits to follow up, and the household's
 * services panel. Only hane/ui.h widgets; every rule is the model's, so
 * what the form refuses is what `hane homecare visit done` refuses.
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
#include "homecare_int.h"
#include "ui_homecare_int.h"

/* ---- Small helpers ------------------------------------------------------ */

/* "15.06" of an ISO date (the year is on the title line), "—" if none. */
static const char *short_date(char out[8], const char *iso)
{
	return hane_date_short(out, iso, hane_msg(HANE_M_HC_UI_NONE));
}

/* "Pzt" for an ISO date. */
static const char *weekday_name(const char *iso)
{
	return hane_weekday_name(hane_date_weekday(iso), true);
}

/* What the agenda says of a visit's state; a missed visit with an open
 * follow-up says so first, since that is what the desk has to act on. */
static void status_text(char *out, size_t outsz,
			const struct hane_homecare_visit *v)
{
	if (strcmp(v->status, "done") == 0)
		snprintf(out, outsz, "%s %s–%s", hane_msg(HANE_M_HC_UI_ST_DONE),
			 v->actual_start, v->actual_end);
	else if (strcmp(v->status, "missed") == 0 &&
		 strcmp(v->followup, "open") == 0)
		snprintf(out, outsz, hane_msg(HANE_M_HC_UI_ST_FOLLOWUP),
			 hane_homecare_label(v->missed_reason));
	else if (strcmp(v->status, "missed") == 0)
		snprintf(out, outsz, hane_msg(HANE_M_HC_UI_ST_MISSED),
			 hane_homecare_label(v->missed_reason));
	else if (strcmp(v->status, "planned") == 0)
		snprintf(out, outsz, "%s", hane_msg(HANE_M_HC_UI_ST_PLANNED));
	else
		snprintf(out, outsz, "%s", hane_homecare_label(v->status));
}

static bool folded_has(const char *hay, const char *folded_needle)
{
	char f[512];

	if (!folded_needle[0])
		return true;
	hane_text_fold(f, sizeof f, hay);
	return strstr(f, folded_needle) != NULL;
}

const char *hc_ui_gated(hane_db *db, const struct hane_rdef *def,
			const char *column, const char *v, char *m, size_t n)
{
	return hane_gate_field(db, HANE_ACT_HOMECARE_WRITE,
			       hane_record_field(def, column), v, m, n);
}

void hc_ui_rows_start(struct hc_ui_rows *r, struct hane_ui_list *l,
		      const char *query)
{
	r->l = l;
	r->count = 0;
	snprintf(r->raw, sizeof r->raw, "%s", query ? query : "");
	hane_text_fold(r->query, sizeof r->query, r->raw);
}

int hc_ui_rows_add(struct hc_ui_rows *r, int64_t id, const char *const *cells,
		   const char *a, const char *b)
{
	if (!folded_has(a, r->query) && !(b && folded_has(b, r->query)))
		return 0;
	r->count++;
	return hane_ui_list_add(r->l, id, cells);
}

/* ---- The visit record form ---------------------------------------------- */

enum { R_RESULT, R_START, R_END, R_TASKS, R_REASON, R_NOTES, R__COUNT };

static const char *const missed_codes[] = {"client_absent", "refused",
					   "staff_absent"};
#define NMISSED 3

static int check_time(const char *text, void *arg)
{
	char t[HANE_HC_TIME_LEN + 1];

	(void)arg;
	if (!text[0])
		return 0;
	if (hane_homecare_time_parse(t, text) != 0) {
		hane_error_set("%s", hane_msg(HANE_M_HC_V_TIME));
		return HANE_EINVAL;
	}
	return 0;
}

struct record {
	struct hane_homecare_visit v;
	char title[256];
};

static int record_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct record *r = arg;
	hane_db *db = hane_ui_db(ui);
	int rc;

	if (hane_ui_form_choice(f, R_RESULT) == 0) {
		char s[HANE_HC_TIME_LEN + 1] = "", e[HANE_HC_TIME_LEN + 1] = "";

		if (hane_ui_form_get(f, R_START)[0] &&
		    hane_homecare_time_parse(s, hane_ui_form_get(f, R_START)))
			s[0] = '\0';
		if (hane_ui_form_get(f, R_END)[0] &&
		    hane_homecare_time_parse(e, hane_ui_form_get(f, R_END)))
			e[0] = '\0';
		rc = hane_homecare_visit_done(db, r->v.id, r->v.version, s, e,
					      hane_ui_form_get(f, R_TASKS),
					      hane_ui_form_get(f, R_NOTES));
		if (rc == 0)
			hane_ui_status(ui, false,
				       hane_msg(HANE_M_HC_UI_SAVED_DONE),
				       (long long)r->v.id);
	} else {
		int i = hane_ui_form_choice(f, R_REASON);

		if (i < 0 || i >= NMISSED)
			i = 0;
		rc = hane_homecare_visit_missed(db, r->v.id, r->v.version,
						missed_codes[i],
						hane_ui_form_get(f, R_NOTES));
		if (rc == 0)
			hane_ui_status(ui, false,
				       hane_msg(HANE_M_HC_UI_SAVED_MISSED),
				       (long long)r->v.id);
	}
	return hane_ui_error_if(ui, rc);
}

/* The visit's planned times, and the fields' fixed hints rather than ones
 * that come and go with the result: the fields then never jump while the
 * person moves through them. */
static void record_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct record *r = arg;

	(void)ui;
	hane_ui_form_set(f, R_START, r->v.start_time);
	hane_ui_form_set(f, R_END, r->v.end_time);
	hane_ui_form_hint(f, R_START, hane_msg(HANE_M_HC_UI_TIMES_DONE_ONLY));
	hane_ui_form_hint(f, R_REASON, hane_msg(HANE_M_HC_UI_MISSED_ONLY));
}

static void record_form(struct hane_ui *ui, struct record *r)
{
	const char *results[2] = {hane_msg(HANE_M_HC_UI_RESULT_DONE),
				  hane_msg(HANE_M_HC_UI_RESULT_MISSED)};
	const char *reasons[NMISSED];
	struct hane_ui_field fields[R__COUNT];
	struct hane_ui_form_view view;

	for (int i = 0; i < NMISSED; i++)
		reasons[i] = hane_homecare_label(missed_codes[i]);
	memset(fields, 0, sizeof fields);
	fields[R_RESULT] =
		(struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
				       .label = HANE_M_HC_UI_F_RESULT,
				       .required = true,
				       .width = 24,
				       .choices = results,
				       .nchoices = 2};
	fields[R_START] = (struct hane_ui_field){.kind = HANE_UI_F_TEXT,
						 .label = HANE_M_HC_F_START,
						 .width = 6,
						 .max = 5,
						 .check = check_time};
	fields[R_END] = (struct hane_ui_field){.kind = HANE_UI_F_TEXT,
					       .label = HANE_M_HC_F_END,
					       .width = 6,
					       .max = 5,
					       .check = check_time};
	fields[R_TASKS] = (struct hane_ui_field){.kind = HANE_UI_F_TEXT,
						 .label = HANE_M_HC_F_TASKS,
						 .width = 44,
						 .max = HANE_TEXT_MAX - 1};
	fields[R_REASON] =
		(struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
				       .label = HANE_M_HC_F_MISSED_REASON,
				       .width = 24,
				       .choices = reasons,
				       .nchoices = NMISSED};
	fields[R_NOTES] = (struct hane_ui_field){.kind = HANE_UI_F_TEXT,
						 .label = HANE_M_HC_F_NOTES,
						 .width = 44,
						 .max = HANE_NOTES_MAX - 1};
	view = (struct hane_ui_form_view){.title = r->title,
					  .fields = fields,
					  .nfields = R__COUNT,
					  .save = record_save,
					  .arg = r};
	hane_ui_form_show(ui, &view, record_fill);
}

static int followup_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct record *r = arg;
	int rc = hane_homecare_followup_close(
		hane_ui_db(ui), r->v.id, r->v.version, hane_ui_form_get(f, 0));

	if (hane_ui_error_if(ui, rc))
		return rc;
	hane_ui_status(ui, false, hane_msg(HANE_M_HC_UI_FOLLOWUP_CLOSED),
		       (long long)r->v.id);
	return 0;
}

static void followup_form(struct hane_ui *ui, struct record *r)
{
	static const struct hane_ui_field fields[] = {
		{.kind = HANE_UI_F_TEXT,
		 .label = HANE_M_HC_F_FOLLOWUP_NOTE,
		 .required = true,
		 .width = 44,
		 .max = HANE_TEXT_MAX - 1},
	};
	struct hane_ui_form_view view = {
		.title = hane_msg(HANE_M_HC_UI_FOLLOWUP_TITLE),
		.fields = fields,
		.nfields = 1,
		.save = followup_save,
		.arg = r};

	hane_ui_form_show(ui, &view, NULL);
}

/* Enter on a visit: a planned one gets the record form, a missed one
 * still to follow up the follow-up form, anything else its record. */
static void open_visit(struct hane_ui *ui, int64_t id)
{
	struct record r;
	char date[HANE_DATE_LEN + 1], st[256];
	char more[2 * HANE_TEXT_MAX + HANE_NOTES_MAX + 16];
	char text[sizeof more + sizeof st + sizeof r.v.client_name + 128];
	const char *ok[1] = {hane_msg(HANE_M_HC_UI_OK)};
	const char *notes, *fnote;
	char mnotes[8], mfnote[8];
	int rc;

	if (!id)
		return;
	memset(&r, 0, sizeof r);
	if ((rc = hane_homecare_visit_get(hane_ui_db(ui), id, &r.v)) != 0) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	hane_date_format(date, r.v.date);
	snprintf(r.title, sizeof r.title, "%s #%lld %s %s %s",
		 hane_msg(HANE_M_HC_UI_RECORD_TITLE), (long long)r.v.id,
		 r.v.client_name, date, r.v.start_time);
	if (strcmp(r.v.status, "planned") == 0) {
		record_form(ui, &r);
		return;
	}
	if (strcmp(r.v.status, "missed") == 0 &&
	    strcmp(r.v.followup, "open") == 0) {
		followup_form(ui, &r);
		return;
	}
	status_text(st, sizeof st, &r.v);
	/* Visit notes can hold health details (KVKK). */
	notes = hc_ui_gated(hane_ui_db(ui), &hane_hc_visit_rdef, "notes",
			    r.v.notes, mnotes, sizeof mnotes);
	fnote = hc_ui_gated(hane_ui_db(ui), &hane_hc_visit_rdef,
			    "followup_note", r.v.followup_note, mfnote,
			    sizeof mfnote);
	snprintf(more, sizeof more, "%s%s%s%s%s", r.v.tasks,
		 r.v.tasks[0] && notes[0] ? " · " : "", notes,
		 fnote[0] ? " · " : "", fnote);
	snprintf(text, sizeof text, hane_msg(HANE_M_HC_UI_VISIT_INFO),
		 (long long)r.v.id, date, r.v.start_time, r.v.end_time,
		 r.v.client_name, st, more);
	hane_ui_buttons(ui, hane_msg(HANE_M_HC_UI_F_VISIT), text, ok, 1);
}

/* ---- Agenda ------------------------------------------------------------- */

enum {
	W_DAY,
	W_TIME,
	W_WORKER,
	W_CLIENT,
	W_MAHALLE,
	W_SERVICE,
	W_STATUS,
	W__COUNT,
	A__COUNT = W__COUNT - W_TIME /* the day's: from the time on */
};

/* At 80 columns the status ("✓ yapıldı 09:05–10:10") keeps its width and
 * the service, mahalle and caregiver give way first: the status is what
 * the desk reads the agenda for. The visit number is in the form's title. */
static const struct hane_ui_column day_cols[A__COUNT] = {
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_TIME, 11, 11, 0),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_WORKER, 8, 12, 3),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_CLIENT, 10, 16, 2),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_MAHALLE, 8, 10, 4),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_SERVICE, 6, 8, 5),
	HANE_UI_COL_FLEX(HANE_M_HC_UI_COL_STATUS, 12, 24, 1),
};

static const struct hane_ui_column week_cols[W__COUNT] = {
	HANE_UI_COL_DATE(HANE_M_HC_UI_COL_DAY, 0),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_TIME, 5, 5, 0),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_WORKER, 8, 12, 3),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_CLIENT, 10, 16, 2),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_MAHALLE, 8, 10, 4),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_SERVICE, 6, 8, 5),
	HANE_UI_COL_FLEX(HANE_M_HC_UI_COL_STATUS, 12, 16, 1),
};

static const enum hane_ui_action agenda_acts[] = {
	HANE_UI_A_HELP,	    HANE_UI_A_OPEN,	 HANE_UI_A_DAY_PREV,
	HANE_UI_A_DAY_NEXT, HANE_UI_A_HC_WORKER, HANE_UI_A_HC_VIEW,
	HANE_UI_A_BACK,	    HANE_UI_A_QUIT};

struct agenda {
	int64_t day; /* days since 1970; the week's any day */
	bool week;
	bool reopen;	   /* the view changed: run the list again */
	bool followups;	   /* only missed visits still to follow up */
	int64_t worker_id; /* 0 whole unit, -1 unassigned */
	char worker_name[128];
	struct hc_ui_rows rows;
};

static int64_t week_start(int64_t day)
{
	return day - (hane_date_weekday_of(day) - 1);
}

/* The week's columns (and the follow-ups') are the day's with the day
 * first; the day shows a visit's whole time, the week its start. */
static int agenda_row(const struct hane_homecare_visit *v, void *arg)
{
	struct agenda *a = arg;
	char time[16], st[256], day[32], dd[8];
	const char *worker =
		v->worker_id ? v->worker_name : hane_msg(HANE_M_HC_UNASSIGNED);
	const char *cells[W__COUNT] = {[W_DAY] = day,
				       [W_TIME] = time,
				       [W_WORKER] = worker,
				       [W_CLIENT] = v->client_name,
				       [W_MAHALLE] = v->mahalle,
				       [W_SERVICE] =
					       hane_homecare_label(v->service),
				       [W_STATUS] = st};
	bool week = a->week || a->followups;

	snprintf(time, sizeof time, "%s–%s", v->start_time, v->end_time);
	status_text(st, sizeof st, v);
	if (week) {
		snprintf(day, sizeof day, "%s %s", weekday_name(v->date),
			 short_date(dd, v->date));
		if (a->followups)
			hane_date_format(day, v->date);
		cells[W_TIME] = v->start_time;
	}
	return hc_ui_rows_add(&a->rows, v->id, week ? cells : cells + W_TIME,
			      v->client_name, worker);
}

static int agenda_fill(struct hane_ui *ui, struct hane_ui_list *l,
		       const char *query, int rows, void *arg)
{
	struct agenda *a = arg;
	struct hane_homecare_visit_filter flt;
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];

	(void)rows;
	hc_ui_rows_start(&a->rows, l, query);
	memset(&flt, 0, sizeof flt);
	if (a->followups) {
		flt.followup_open = true;
	} else {
		int64_t lo = a->week ? week_start(a->day) : a->day;

		hane_date_iso(from, lo);
		hane_date_iso(to, a->week ? lo + 6 : lo);
		flt.from = from;
		flt.to = to;
		flt.worker_id = a->worker_id;
	}
	/* KVKK: the list of clients shown is logged, as on the CLI. */
	{
		int rc = hane_gate_list(hane_ui_db(ui), "homecare.agenda");

		if (rc)
			return rc;
	}
	return hane_homecare_visit_each(hane_ui_db(ui), &flt, agenda_row, a);
}

static void agenda_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct agenda *a = arg;
	char d1[HANE_DATE_LEN + 1], d2[HANE_DATE_LEN + 1];
	char when[64];

	(void)ui;
	if (a->followups) {
		out[0] = '\0';
		return;
	}
	if (a->week) {
		int64_t lo = week_start(a->day);
		char dd[8];

		hane_date_iso(d1, lo);
		hane_date_iso(d2, lo + 6);
		snprintf(when, sizeof when, "%s–%s", short_date(dd, d1),
			 hane_date_format(d2, d2));
	} else {
		hane_date_iso(d1, a->day);
		snprintf(when, sizeof when, "%s %s", hane_date_format(d2, d1),
			 weekday_name(d1));
	}
	snprintf(out, outsz, "%s · %s", when,
		 a->worker_id ? a->worker_name
			      : hane_msg(HANE_M_HC_UI_ALL_UNIT));
}

void hc_ui_workers_add(struct hc_ui_workers *ws, int64_t id, const char *label)
{
	if (ws->n >= HC_UI_WORKERS_MAX)
		return;
	ws->id[ws->n] = id;
	snprintf(ws->name[ws->n], sizeof ws->name[0], "%s", label);
	ws->label[ws->n] = ws->name[ws->n];
	ws->n++;
}

static int add_worker(const struct hane_homecare_worker *w, void *arg)
{
	struct hc_ui_workers *ws = arg;
	char label[sizeof ws->name[0]];

	if (ws->numbered)
		snprintf(label, sizeof label, "%s (#%lld)", w->name,
			 (long long)w->id);
	else
		snprintf(label, sizeof label, "%s", w->name);
	hc_ui_workers_add(ws, w->id, label);
	return 0;
}

int hc_ui_workers_load(hane_db *db, struct hc_ui_workers *ws, int64_t id)
{
	int rc = hane_homecare_worker_each(db, false, add_worker, ws);

	if (rc)
		return rc;
	for (int i = 0; i < ws->n; i++)
		if (ws->id[i] == id)
			return i;
	return 0;
}

/* The whole unit, the unassigned visits, then every active worker. */
static void choose_worker(struct hane_ui *ui, struct agenda *a)
{
	struct hc_ui_workers *ws = calloc(1, sizeof *ws);
	int cur, i;

	if (!ws)
		return;
	hc_ui_workers_add(ws, 0, hane_msg(HANE_M_HC_UI_ALL_UNIT));
	hc_ui_workers_add(ws, -1, hane_msg(HANE_M_HC_UNASSIGNED));
	cur = hc_ui_workers_load(hane_ui_db(ui), ws, a->worker_id);
	if (cur < 0) {
		hane_ui_error_rc(ui, cur);
		goto done;
	}
	i = hane_ui_choose(ui, hane_msg(HANE_M_HC_UI_CHOOSE_WORKER), ws->label,
			   ws->n, cur);
	if (i < 0)
		goto done;
	a->worker_id = ws->id[i];
	snprintf(a->worker_name, sizeof a->worker_name, "%s", ws->label[i]);
done:
	free(ws);
}

static int agenda_act(struct hane_ui *ui, struct hane_ui_list *l,
		      enum hane_ui_action act, void *arg)
{
	struct agenda *a = arg;
	int step = a->week ? 7 : 1;

	switch (act) {
	case HANE_UI_A_OPEN:
		open_visit(ui, hane_ui_list_selected_id(l));
		break;
	case HANE_UI_A_DAY_PREV:
		a->day -= step;
		hane_ui_list_select(l, 0);
		break;
	case HANE_UI_A_DAY_NEXT:
		a->day += step;
		hane_ui_list_select(l, 0);
		break;
	case HANE_UI_A_HC_WORKER:
		choose_worker(ui, a);
		break;
	case HANE_UI_A_HC_VIEW:
		a->week = !a->week;
		a->reopen = true;
		return HANE_UI_CLOSE;
	default:
		break;
	}
	return HANE_UI_STAY;
}

static void agenda_screen(struct hane_ui *ui, bool week, bool followups)
{
	struct agenda a;
	char today[HANE_DATE_LEN + 1];

	memset(&a, 0, sizeof a);
	if (hc_day(&a.day, hane_today(today)) != 0)
		a.day = 0;
	a.week = week;
	a.followups = followups;
	do {
		struct hane_ui_list_view v = {
			.cols = a.week || followups ? week_cols : day_cols,
			.ncols = a.week || followups ? W__COUNT : A__COUNT,
			HANE_UI_BAR(agenda_acts),
			.fill = agenda_fill,
			.act = agenda_act,
			.info = agenda_info,
			.arg = &a,
		};

		if (followups) {
			static const enum hane_ui_action acts[] = {
				HANE_UI_A_HELP, HANE_UI_A_OPEN, HANE_UI_A_SORT,
				HANE_UI_A_BACK, HANE_UI_A_QUIT};

			v.title = hane_msg(HANE_M_HC_UI_MENU_FOLLOWUPS);
			v.actions = acts;
			v.nactions = (int)HANE_COUNTOF(acts);
		} else {
			v.title = hane_msg(a.week ? HANE_M_HC_UI_WEEK_TITLE
						  : HANE_M_HC_UI_DAY_TITLE);
		}
		a.reopen = false;
		hane_ui_list_show(ui, &v);
	} while (a.reopen && !hane_ui_quitting(ui));
}

/* ---- Schedule generator ------------------------------------------------- */

enum { S_FROM, S_TO, S_AUTO, S__COUNT };
enum { P_DATE, P_TIME, P_CLIENT, P_SERVICE, P_WORKER, P_NOTE, P__COUNT };

static const struct hane_ui_column preview_cols[P__COUNT] = {
	HANE_UI_COL_WHEN(HANE_M_HC_UI_COL_DAY, 9, 9, 0),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_TIME, 5, 11, 3),
	HANE_UI_COL_FLEX(HANE_M_HC_UI_COL_CLIENT, 10, 18, 0),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_SERVICE, 6, 8, 4),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_WORKER, 8, 14, 2),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_NOTE, 4, 16, 1),
};

struct gen {
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	bool auto_assign;
	struct hane_ui_list *l;
	struct hane_homecare_schedule_result res;
	bool written;
};

static int preview_row(const struct hane_homecare_slot *s, void *arg)
{
	struct gen *g = arg;
	char day[32], dd[8], time[16];
	const char *cells[P__COUNT];

	snprintf(day, sizeof day, "%s %s", weekday_name(s->date),
		 short_date(dd, s->date));
	snprintf(time, sizeof time, "%s–%s", s->start, s->end);
	cells[P_DATE] = day;
	cells[P_TIME] = time;
	cells[P_CLIENT] = s->client_name;
	cells[P_SERVICE] = hane_homecare_label(s->service);
	cells[P_WORKER] =
		s->worker_id ? s->worker_name : hane_msg(HANE_M_HC_UNASSIGNED);
	cells[P_NOTE] = s->note;
	return hane_ui_list_add(g->l, s->plan_id, cells);
}

static int gen_run(struct hane_ui *ui, struct gen *g, bool preview)
{
	struct hane_homecare_schedule_opts o = {.from = g->from,
						.to = g->to,
						.preview = preview,
						.auto_assign = g->auto_assign};

	memset(&g->res, 0, sizeof g->res);
	if (preview)
		hane_ui_list_clear(g->l);
	return hane_homecare_schedule(hane_ui_db(ui), &o,
				      preview ? preview_row : NULL, g, &g->res);
}

static int range_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct gen *g = arg;
	int rc;

	if (hane_date_parse(g->from, hane_ui_form_get(f, S_FROM)) != 0) {
		hane_ui_form_error(f, S_FROM, hane_msg(HANE_M_HC_V_DATE));
		return HANE_EINVAL;
	}
	if (hane_date_parse(g->to, hane_ui_form_get(f, S_TO)) != 0) {
		hane_ui_form_error(f, S_TO, hane_msg(HANE_M_HC_V_DATE));
		return HANE_EINVAL;
	}
	g->auto_assign = hane_ui_form_choice(f, S_AUTO) == 1;
	rc = gen_run(ui, g, true);
	if (rc == HANE_EINVAL) {
		/* Range errors (order, length, holiday years) belong under
		 * the dates. */
		hane_ui_form_error(f, S_TO, hane_error_last());
		return rc;
	}
	return hane_ui_error_if(ui, rc);
}

static void preview_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct gen *g = arg;
	char a[8], b[HANE_DATE_LEN + 1];

	(void)ui;
	snprintf(out, outsz, hane_msg(HANE_M_HC_UI_PREVIEW_INFO),
		 short_date(a, g->from), hane_date_format(b, g->to),
		 g->res.unassigned);
}

static int preview_act(struct hane_ui *ui, struct hane_ui_list *l,
		       enum hane_ui_action act, void *arg)
{
	struct gen *g = arg;
	char q[256];
	int rc;

	(void)l;
	if (act != HANE_UI_A_HC_WRITE)
		return HANE_UI_STAY;
	if (g->res.created == 0) {
		hane_ui_status(ui, false, "%s",
			       hane_msg(HANE_M_HC_UI_NOTHING_TO_WRITE));
		return HANE_UI_STAY;
	}
	snprintf(q, sizeof q, hane_msg(HANE_M_HC_UI_WRITE_ASK), g->res.created);
	if (!hane_ui_confirm(ui, q))
		return HANE_UI_STAY;
	if ((rc = gen_run(ui, g, false)) != 0) {
		hane_ui_error_rc(ui, rc);
		return HANE_UI_STAY;
	}
	g->written = true;
	return HANE_UI_CLOSE;
}

static void schedule_screen(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_HC_WRITE, HANE_UI_A_SORT,
		HANE_UI_A_BACK, HANE_UI_A_QUIT};
	static const struct hane_ui_field fields[S__COUNT] = {
		{.kind = HANE_UI_F_DATE,
		 .label = HANE_M_HC_F_FROM,
		 .required = true,
		 .width = 11},
		{.kind = HANE_UI_F_DATE,
		 .label = HANE_M_HC_F_TO,
		 .required = true,
		 .width = 11},
		{.kind = HANE_UI_F_YESNO, .label = HANE_M_HC_UI_F_AUTO_ASSIGN},
	};
	struct gen *g = calloc(1, sizeof *g);
	struct hane_ui_form_view fv = {
		.title = hane_msg(HANE_M_HC_UI_SCHEDULE_TITLE),
		.fields = fields,
		.nfields = S__COUNT,
		.save = range_save,
		.arg = g};
	struct hane_ui_list_view lv = {
		.title = hane_msg(HANE_M_HC_UI_PREVIEW_TITLE),
		HANE_UI_COLUMNS(preview_cols),
		HANE_UI_BAR(acts),
		.act = preview_act,
		.info = preview_info,
		.arg = g};
	struct hane_ui_form *f = NULL;
	char today[HANE_DATE_LEN + 1], buf[HANE_DATE_LEN + 1];
	int64_t d;

	if (!g || !(g->l = hane_ui_list_new(P__COUNT)) ||
	    !(f = hane_ui_form_new(&fv)))
		goto done;
	/* From today to the month's end: the usual run at the desk. */
	hane_today(today);
	hane_ui_form_set(f, S_FROM, hane_date_format(buf, today));
	if (hc_day(&d, today) == 0) {
		char iso[HANE_DATE_LEN + 1];

		do {
			hane_date_iso(iso, ++d);
		} while (strcmp(iso + 8, "01") != 0);
		hane_date_iso(iso, d - 1);
		hane_ui_form_set(f, S_TO, hane_date_format(buf, iso));
	}
	hane_ui_form_set_clean(f);
	while (!hane_ui_quitting(ui) && hane_ui_form_run(ui, f)) {
		/* The counts stay until the first key; the range and the
		 * unassigned stay on the title line. */
		hane_ui_status(
			ui, false, hane_msg(HANE_M_HC_UI_PREVIEW_SUMMARY),
			g->res.created, g->res.unassigned, g->res.existing);
		hane_ui_list_run(ui, &lv, g->l);
		if (g->written) {
			char msg[256];

			snprintf(msg, sizeof msg,
				 hane_msg(HANE_M_HC_UI_WRITTEN), g->res.created,
				 g->res.unassigned, g->res.existing);
			hane_ui_status(ui, false, "%s", msg);
			break;
		}
	}
done:
	hane_ui_form_free(f);
	if (g)
		hane_ui_list_free(g->l);
	free(g);
}

/* ---- Clients ------------------------------------------------------------ */

enum {
	C_NAME,
	C_MAHALLE,
	C_SERVICES,
	C_LAST,
	C_NEXT,
	C_FOLLOWUP,
	C_NO,
	C__COUNT
};

static const struct hane_ui_column client_cols[C__COUNT] = {
	HANE_UI_COL_FLEX(HANE_M_HC_UI_COL_CLIENT, 12, 20, 0),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_MAHALLE, 8, 12, 4),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_SERVICE, 6, 17, 5),
	HANE_UI_COL_WHEN(HANE_M_HC_UI_COL_LAST, 10, 11, 2),
	HANE_UI_COL_DATE(HANE_M_HC_UI_COL_NEXT, 1),
	HANE_UI_COL_NUM(HANE_M_HC_UI_COL_FOLLOWUP, 5, 5, 3),
	HANE_UI_COL_NUM(HANE_M_HC_UI_COL_NO, 3, 4, 6),
};

static int client_row(const struct hane_homecare_client *c, void *arg)
{
	struct hc_ui_rows *cs = arg;
	char last[HANE_DATE_LEN + 1], next[HANE_DATE_LEN + 1], fu[16], no[24];
	const char *cells[C__COUNT];

	snprintf(fu, sizeof fu, c->open_followups ? "⚑ %d" : "",
		 c->open_followups);
	snprintf(no, sizeof no, "#%lld", (long long)c->id);
	cells[C_NAME] = c->name;
	cells[C_MAHALLE] = c->mahalle;
	cells[C_SERVICES] = hane_homecare_label(c->services);
	cells[C_LAST] = c->last_visit[0] ? hane_date_format(last, c->last_visit)
					 : hane_msg(HANE_M_HC_UI_NONE);
	cells[C_NEXT] = c->next_visit[0] ? hane_date_format(next, c->next_visit)
					 : hane_msg(HANE_M_HC_UI_NONE);
	cells[C_FOLLOWUP] = fu;
	cells[C_NO] = no;
	return hc_ui_rows_add(cs, c->id, cells, c->name, c->mahalle);
}

static int clients_fill(struct hane_ui *ui, struct hane_ui_list *l,
			const char *query, int rows, void *arg)
{
	(void)rows;
	hc_ui_rows_start(arg, l, query);
	return hane_homecare_client_each(hane_ui_db(ui), NULL, client_row, arg);
}

static void clients_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	const struct hc_ui_rows *cs = arg;

	(void)ui;
	snprintf(out, outsz, hane_msg(HANE_M_HC_UI_N_CLIENTS), cs->count);
}

/* One client: who, needs, plans on the right, visits on the left. */
enum { CV_DATE, CV_TIME, CV_WORKER, CV_STATUS, CV__COUNT };

static const struct hane_ui_column client_visit_cols[CV__COUNT] = {
	HANE_UI_COL_DATE(HANE_M_HC_UI_COL_DATE, 0),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_TIME, 5, 5, 2),
	HANE_UI_COL_TEXT(HANE_M_HC_UI_COL_WORKER, 6, 12, 3),
	HANE_UI_COL_FLEX(HANE_M_HC_UI_COL_STATUS, 8, 16, 1),
};

struct client_page {
	int64_t id;
	struct hane_ui_detail *d;
	char today[HANE_DATE_LEN + 1];
	bool reopen; /* the service ended: the page again, without F8 */
};

static int client_visit_row(const struct hane_homecare_visit *v, void *arg)
{
	struct hane_ui_list *l = arg;
	char date[HANE_DATE_LEN + 1], st[256];
	const char *cells[CV__COUNT];

	status_text(st, sizeof st, v);
	cells[CV_DATE] = hane_date_format(date, v->date);
	cells[CV_TIME] = v->start_time;
	cells[CV_WORKER] =
		v->worker_id ? v->worker_name : hane_msg(HANE_M_HC_UNASSIGNED);
	cells[CV_STATUS] = st;
	return hane_ui_list_add(l, v->id, cells);
}

static int client_plan_line(const struct hane_homecare_plan *p, void *arg)
{
	struct client_page *cp = arg;
	char desc[256];

	if (p->valid_to[0] && strcmp(p->valid_to, cp->today) < 0)
		return 0;
	hane_ui_detail_panel(cp->d, "%s",
			     hane_homecare_plan_describe(desc, sizeof desc, p));
	return 0;
}

static int client_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	struct client_page *cp = arg;
	struct hane_homecare_client c;
	struct hane_homecare_visit_filter flt;
	char title[256], start[HANE_DATE_LEN + 1], needs[256], m[8];
	hane_db *db = hane_ui_db(ui);
	int rc;

	/* KVKK: logged before shown; needs and notes through the gate. */
	if ((rc = hane_homecare_client_get(db, cp->id, &c)) != 0 ||
	    (rc = hane_gate_view(db, "homecare.client.view", "person",
				 c.person_id)) != 0)
		return rc;
	cp->d = d;
	hane_today(cp->today);
	snprintf(title, sizeof title, hane_msg(HANE_M_HC_UI_CLIENT_TITLE),
		 (long long)c.id, c.name);
	hane_ui_detail_title(d, title);
	hane_ui_detail_line(d, hane_msg(HANE_M_HC_UI_CLIENT_LINE),
			    hane_homecare_label(c.services), c.mahalle,
			    hane_date_format(start, c.start_date));
	if (c.end_date[0])
		hane_ui_detail_line(d, hane_msg(HANE_M_HC_UI_CLIENT_ENDED_LINE),
				    hane_date_format(start, c.end_date),
				    hane_homecare_label(c.end_reason));
	hane_homecare_needs_words(needs, sizeof needs, c.needs);
	if (needs[0])
		hane_ui_detail_line(d, hane_msg(HANE_M_HC_UI_CLIENT_NEEDS),
				    hc_ui_gated(db, &hane_hc_client_rdef,
						"needs", needs, m, sizeof m));
	if (c.notes[0])
		hane_ui_detail_line(d, hane_msg(HANE_M_HC_UI_CLIENT_NOTES),
				    hc_ui_gated(db, &hane_hc_client_rdef,
						"notes", c.notes, m, sizeof m));
	if ((rc = hane_homecare_plan_each(db, c.id, client_plan_line, cp)))
		return rc;
	memset(&flt, 0, sizeof flt);
	flt.client_id = c.id;
	return hane_homecare_visit_each(db, &flt, client_visit_row,
					hane_ui_detail_list(d));
}

/* Whether the client's service is still running (not ended). */
static bool client_running(struct hane_ui *ui, int64_t id)
{
	struct hane_homecare_client c;

	return hane_homecare_client_get(hane_ui_db(ui), id, &c) == 0 &&
	       !c.end_date[0];
}

static int client_act(struct hane_ui *ui, struct hane_ui_detail *d,
		      enum hane_ui_action a, void *arg)
{
	struct client_page *cp = arg;

	switch (a) {
	case HANE_UI_A_OPEN:
		open_visit(ui,
			   hane_ui_list_selected_id(hane_ui_detail_list(d)));
		break;
	case HANE_UI_A_HC_CLIENT_EDIT:
		hc_ui_client_edit(ui, cp->id);
		break;
	case HANE_UI_A_HC_PLAN_NEW:
		hc_ui_plan_new(ui, cp->id);
		break;
	case HANE_UI_A_HC_PLANS:
		hc_ui_plan_pick(ui, cp->id);
		break;
	case HANE_UI_A_HC_CLIENT_END:
		hc_ui_client_end(ui, cp->id);
		if (!client_running(ui, cp->id)) {
			cp->reopen = true;
			return HANE_UI_CLOSE;
		}
		break;
	default:
		break;
	}
	return HANE_UI_STAY;
}

void hc_ui_client_page(struct hane_ui *ui, int64_t id)
{
	static const enum hane_ui_action ro_acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_OPEN, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	/* F8 ends the service; not offered once it has ended (F4 still
	 * corrects the record). */
	static const enum hane_ui_action rw_acts[] = {
		HANE_UI_A_HELP,		 HANE_UI_A_HC_CLIENT_EDIT,
		HANE_UI_A_HC_PLAN_NEW,	 HANE_UI_A_HC_PLANS,
		HANE_UI_A_HC_CLIENT_END, HANE_UI_A_OPEN,
		HANE_UI_A_BACK,		 HANE_UI_A_QUIT};
	static const enum hane_ui_action ended_acts[] = {
		HANE_UI_A_HELP,	       HANE_UI_A_HC_CLIENT_EDIT,
		HANE_UI_A_HC_PLAN_NEW, HANE_UI_A_HC_PLANS,
		HANE_UI_A_OPEN,	       HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	/* Only a role that may change them is offered the changes. */
	bool rw = hane_can(hane_ui_db(ui), HANE_ACT_HOMECARE_WRITE) == 0;
	bool running = client_running(ui, id);
	const enum hane_ui_action *acts = !rw	    ? ro_acts
					  : running ? rw_acts
						    : ended_acts;
	int nacts = !rw	      ? (int)HANE_COUNTOF(ro_acts)
		    : running ? (int)HANE_COUNTOF(rw_acts)
			      : (int)HANE_COUNTOF(ended_acts);
	struct client_page cp = {.id = id};
	struct hane_ui_detail_view v = {
		.title = hane_msg(HANE_M_HC_UI_CLIENTS_TITLE),
		HANE_UI_COLUMNS(client_visit_cols),
		.list_title = HANE_M_HC_UI_CLIENT_VISITS,
		.panel_title = HANE_M_HC_UI_CLIENT_PLANS,
		.actions = acts,
		.nactions = nacts,
		.load = client_load,
		.act = client_act,
		.arg = &cp,
	};
	int rc = hane_ui_detail_run(ui, &v);

	if (rc != 0)
		hane_ui_error_rc(ui, rc);
	else if (cp.reopen)
		hc_ui_client_page(ui, id);
}

static int clients_act(struct hane_ui *ui, struct hane_ui_list *l,
		       enum hane_ui_action a, void *arg)
{
	(void)arg;
	if (a == HANE_UI_A_OPEN && hane_ui_list_selected_id(l))
		hc_ui_client_page(ui, hane_ui_list_selected_id(l));
	return HANE_UI_STAY;
}

static void clients_screen(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_OPEN, HANE_UI_A_SORT, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct hc_ui_rows cs;
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_HC_UI_CLIENTS_TITLE),
		HANE_UI_COLUMNS(client_cols),
		HANE_UI_BAR(acts),
		.fill = clients_fill,
		.act = clients_act,
		.info = clients_info,
		.arg = &cs,
	};

	memset(&cs, 0, sizeof cs);
	hane_ui_list_show(ui, &v);
}

/* ---- Entry and the household's services panel --------------------------- */

/* The agenda's three views: the day, the week (arg 1), the follow-ups
 * (arg 2). */
static void agenda_view(struct hane_ui *ui, int arg)
{
	agenda_screen(ui, arg == 1, arg == 2);
}

int hane_ui_homecare_main(struct hane_ui *ui)
{
	static const struct hane_ui_menu_item items[] = {
		{HANE_M_HC_UI_MENU_DAY, NULL, agenda_view, 0},
		{HANE_M_HC_UI_MENU_WEEK, NULL, agenda_view, 1},
		{HANE_M_HC_UI_MENU_SCHEDULE, schedule_screen},
		{HANE_M_HC_UI_MENU_CLIENTS, clients_screen},
		{HANE_M_HC_UI_MENU_FOLLOWUPS, NULL, agenda_view, 2},
		{HANE_M_HC_UI_MENU_WORKERS, hc_ui_workers},
		{HANE_M_HC_UI_MENU_SETTINGS, hc_ui_settings},
	};

	return hane_ui_menu(ui, HANE_M_UI_UNIT_HOMECARE, HANE_ACT_HOMECARE_READ,
			    items, HANE_UI_NITEMS(items));
}

struct panel {
	struct hane_ui *ui;
	struct hane_ui_detail *d;
	char today[HANE_DATE_LEN + 1];
};

bool hc_ui_plan_short(char *out, size_t n, const struct hane_homecare_plan *p,
		      const char *today)
{
	char per[64], days[64];

	out[0] = '\0';
	if (p->valid_to[0] && strcmp(p->valid_to, today) < 0)
		return false;
	snprintf(per, sizeof per,
		 hane_msg(strcmp(p->period, "month") == 0 ? HANE_M_HC_PER_MONTH
							  : HANE_M_HC_PER_WEEK),
		 p->visits);
	hane_homecare_days_format(days, sizeof days, p->days);
	snprintf(out, n, "%s %s", per, days);
	return true;
}

static int panel_plan(const struct hane_homecare_plan *p, void *arg)
{
	struct panel *pn = arg;
	char text[160];

	if (hc_ui_plan_short(text, sizeof text, p, pn->today))
		hane_ui_detail_panel(pn->d, "  %s %s",
				     hane_homecare_label(p->service), text);
	return 0;
}

static int panel_client(const struct hane_homecare_client *c, void *arg)
{
	struct panel *pn = arg;
	char last[8], next[8], line[256], fu[64] = "";

	if (c->open_followups)
		snprintf(fu, sizeof fu, hane_msg(HANE_M_HC_UI_PANEL_FOLLOWUP),
			 c->open_followups);
	hane_ui_detail_panel(pn->d, "%s  %s%s", hane_msg(HANE_M_HC_UI_PANEL),
			     c->name, fu);
	snprintf(line, sizeof line, hane_msg(HANE_M_HC_UI_PANEL_LINE),
		 short_date(last, c->last_visit),
		 short_date(next, c->next_visit));
	hane_ui_detail_panel(pn->d, "  %s", line);
	/* The plans are details of the line above: a failure here loses
	 * only them. */
	if (hane_homecare_plan_each(hane_ui_db(pn->ui), c->id, panel_plan, pn))
		return 0;
	return 0;
}

void hane_ui_homecare_services(struct hane_ui *ui, int64_t household_id,
			       struct hane_ui_detail *d)
{
	struct hane_homecare_client_filter flt = {.household_id = household_id};
	struct panel pn = {.ui = ui, .d = d};

	if (household_id <= 0)
		return;
	hane_today(pn.today);
	/* Someone without home care rights sees nothing of it here. */
	if (hane_homecare_client_each(hane_ui_db(ui), &flt, panel_client, &pn))
		return;
}
