/* Merkezler › Oturumlar: a week's sessions (Kısa Mola), a session's
 * bookings, booking a member (type the name → Enter), marking attended
 * and no-show. Every rule is the model's (hane/centres_sp.h): a refusal
 * ("oturum dolu: 8/8") is said as the model says it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/centres_sp.h"
#include "hane/centres_ui.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/ui.h"

/* ---- One session: its bookings ----------------------------------------------- */

static const struct hane_ui_column booking_cols[] = {
	HANE_UI_COL_FLEX(HANE_M_CSP_UI_C_NAME, 12, 30, 0),
	HANE_UI_COL_TEXT(HANE_M_CSP_UI_C_STATUS, 7, 10, 0),
	HANE_UI_COL_NUM(HANE_M_CSP_UI_C_NO_SHOWS, 3, 8, 1),
};

static const char *status_word(const char *code)
{
	static const struct hane_code words[] = {
		{"open", HANE_M_CSP_ST_OPEN},
		{"booked", HANE_M_CSP_ST_BOOKED},
		{"attended", HANE_M_CSP_ST_ATTENDED},
		{"no_show", HANE_M_CSP_ST_NO_SHOW},
		{"cancelled", HANE_M_CSP_ST_CANCELLED},
	};

	return hane_code_text(words, HANE_COUNTOF(words), code);
}

/* "20.06 Cmt" */
static const char *day_short(char out[24], const char *iso)
{
	char d[8];

	snprintf(out, 24, "%s %s", hane_date_short(d, iso, ""),
		 hane_weekday_name(hane_date_weekday(iso), true));
	return out;
}

struct one {
	int64_t id;
	struct hane_centre_session s;
};

static int booking_row(const struct hane_centre_booking *b, void *arg)
{
	char no[16];
	const char *cells[] = {b->person_name, status_word(b->status), no};

	snprintf(no, sizeof no, "%d", b->no_shows);
	return hane_ui_list_add(arg, b->id, cells);
}

static int one_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	struct one *o = arg;
	hane_db *db = hane_ui_db(ui);
	char title[64], day[24], state[32] = "";
	int rc;

	if ((rc = hane_centre_session_get(db, o->id, &o->s)) != 0 ||
	    (rc = hane_gate_list(db, "centres.session.bookings")) != 0)
		return rc;
	snprintf(title, sizeof title, hane_msg(HANE_M_CSP_UI_SESSION_TITLE),
		 (long long)o->id);
	hane_ui_detail_title(d, title);
	if (strcmp(o->s.status, "open") != 0)
		snprintf(state, sizeof state, " · %s",
			 status_word(o->s.status));
	hane_ui_detail_line(d, hane_msg(HANE_M_CSP_UI_SESSION_LINE),
			    o->s.site_name, day_short(day, o->s.date),
			    o->s.start_time, o->s.end_time, o->s.booked,
			    o->s.cap, state);
	if (o->s.notes[0])
		hane_ui_detail_line(d, "%s: %s", hane_msg(HANE_M_CSP_F_NOTES),
				    o->s.notes);
	hane_ui_detail_panel(d, hane_msg(HANE_M_CSP_UI_P_BOOKED), o->s.booked,
			     o->s.cap);
	hane_ui_detail_panel(d, hane_msg(HANE_M_CSP_UI_P_ATTENDED),
			     o->s.attended);
	hane_ui_detail_panel(d, hane_msg(HANE_M_CSP_UI_P_NO_SHOWS),
			     o->s.no_shows);
	hane_ui_detail_panel(d, hane_msg(HANE_M_CSP_UI_P_FREE),
			     o->s.cap > o->s.booked ? o->s.cap - o->s.booked
						    : 0);
	return hane_centre_booking_each(db, o->id, booking_row,
					hane_ui_detail_list(d));
}

/* The member picker: the programme's running members, typed names
 * narrowing them; Enter chooses. */
struct pick {
	int64_t session_id;
	int64_t person_id;
};

static const struct hane_ui_column pick_cols[] = {
	HANE_UI_COL_FLEX(HANE_M_CSP_UI_C_NAME, 12, 30, 0),
	HANE_UI_COL_TEXT(HANE_M_CSP_UI_C_SITE, 10, 34, 2),
	HANE_UI_COL_NUM(HANE_M_CSP_UI_C_NO_SHOWS, 3, 8, 3),
	HANE_UI_COL_TEXT(HANE_M_CSP_UI_C_STATUS, 7, 8, 1),
};

static int pick_row(const struct hane_centre_sp_member *m, void *arg)
{
	char no[16];
	const char *cells[] = {m->name, m->site_name, no,
			       m->booked ? hane_msg(HANE_M_CSP_UI_ALREADY)
					 : ""};

	snprintf(no, sizeof no, "%d", m->no_shows);
	return hane_ui_list_add(arg, m->person_id, cells);
}

static int pick_fill(struct hane_ui *ui, struct hane_ui_list *l,
		     const char *query, int rows, void *arg)
{
	struct pick *p = arg;
	hane_db *db = hane_ui_db(ui);
	int rc;

	hane_ui_list_clear(l);
	if ((rc = hane_gate_list(db, "centres.session.members")) != 0)
		return rc;
	return hane_centre_session_members(
		db, p->session_id, query, rows > 0 ? rows * 4 : 0, pick_row, l);
}

static int pick_act(struct hane_ui *ui, struct hane_ui_list *l,
		    enum hane_ui_action a, void *arg)
{
	struct pick *p = arg;

	(void)ui;
	if (a != HANE_UI_A_CHOOSE || !hane_ui_list_selected_id(l))
		return HANE_UI_STAY;
	p->person_id = hane_ui_list_selected_id(l);
	return HANE_UI_CLOSE;
}

static void book(struct hane_ui *ui, struct one *o)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_CHOOSE, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct pick p = {o->id, 0};
	const struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_CSP_UI_PICK),
		HANE_UI_COLUMNS(pick_cols),
		HANE_UI_BAR(acts),
		.fill = pick_fill,
		.act = pick_act,
		.arg = &p,
		.prompt = HANE_M_CSP_UI_PICK_PROMPT,
	};
	struct hane_centre_booking b;
	struct hane_centre_session s;
	hane_db *db = hane_ui_db(ui);
	int64_t id = 0;
	int rc;

	hane_ui_list_show(ui, &v);
	if (!p.person_id)
		return;
	if ((rc = hane_centre_book(db, o->id, p.person_id, 0, &id)) != 0 ||
	    (rc = hane_centre_booking_get(db, id, &b)) != 0 ||
	    (rc = hane_centre_session_get(db, o->id, &s)) != 0) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	hane_ui_status(ui, false, hane_msg(HANE_M_CSP_UI_BOOKED), b.person_name,
		       s.booked, s.cap);
}

static void mark(struct hane_ui *ui, int64_t id, const char *status)
{
	struct hane_centre_booking b;
	hane_db *db = hane_ui_db(ui);
	int rc;

	if (!id)
		return;
	if ((rc = hane_centre_booking_get(db, id, &b)) != 0) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	if (!strcmp(status, "cancelled")) {
		char ask[256];

		snprintf(ask, sizeof ask,
			 hane_msg(HANE_M_CSP_UI_ASK_CANCEL_BOOKING),
			 b.person_name);
		if (!hane_ui_confirm(ui, ask))
			return;
	}
	if ((rc = hane_centre_booking_mark(db, id, status)) != 0) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	hane_ui_status(ui, false, hane_msg(HANE_M_CSP_UI_MARKED), b.person_name,
		       status_word(status));
}

static int one_act(struct hane_ui *ui, struct hane_ui_detail *d,
		   enum hane_ui_action a, void *arg)
{
	struct one *o = arg;
	int64_t sel = hane_ui_list_selected_id(hane_ui_detail_list(d));

	switch (a) {
	case HANE_UI_A_CSP_BOOK:
		book(ui, o);
		break;
	case HANE_UI_A_CSP_ATTENDED:
		mark(ui, sel, "attended");
		break;
	case HANE_UI_A_CSP_NO_SHOW:
		mark(ui, sel, "no_show");
		break;
	case HANE_UI_A_CSP_BOOKING_CANCEL:
		mark(ui, sel, "cancelled");
		break;
	default:
		break;
	}
	return HANE_UI_STAY;
}

static void session_screen(struct hane_ui *ui, int64_t id)
{
	static const enum hane_ui_action acts[] = {HANE_UI_A_HELP,
						   HANE_UI_A_CSP_BOOK,
						   HANE_UI_A_CSP_ATTENDED,
						   HANE_UI_A_CSP_NO_SHOW,
						   HANE_UI_A_CSP_BOOKING_CANCEL,
						   HANE_UI_A_BACK,
						   HANE_UI_A_QUIT};
	struct one o = {.id = id};
	const struct hane_ui_detail_view v = {
		.title = hane_msg(HANE_M_CSP_UI_SESSIONS),
		HANE_UI_COLUMNS(booking_cols),
		.list_title = HANE_M_CSP_UI_BOOKINGS,
		.panel_title = HANE_M_CSP_UI_P_SUMMARY,
		HANE_UI_BAR(acts),
		.load = one_load,
		.act = one_act,
		.arg = &o,
	};

	hane_ui_detail_show(ui, &v);
}

/* ---- A new session ------------------------------------------------------------- */

#define MAX_SITES 32

struct new_session {
	int64_t site[MAX_SITES];
	const char *names[MAX_SITES];
	char text[MAX_SITES][96];
	int n;
	int64_t id;
};

static int site_choice(int64_t id, const char *name, void *arg)
{
	struct new_session *ns = arg;

	if (ns->n >= MAX_SITES)
		return 1;
	ns->site[ns->n] = id;
	HANE_COPY(ns->text[ns->n], name);
	ns->names[ns->n] = ns->text[ns->n];
	ns->n++;
	return 0;
}

enum { NS_SITE, NS_DATE, NS_START, NS_END, NS_CAP, NS_NOTES };

static int session_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	static const enum hane_msg labels[] = {
		HANE_M_CSP_F_SITE, HANE_M_CSP_F_DATE, HANE_M_CSP_F_START,
		HANE_M_CSP_F_END,  HANE_M_CSP_F_CAP,  HANE_M_CSP_F_NOTES};
	struct new_session *ns = arg;
	struct hane_centre_session s;
	int rc;

	hane_centre_session_init(&s);
	s.site_id = ns->site[hane_ui_form_choice(f, NS_SITE)];
	if (hane_date_parse(s.date, hane_ui_form_get(f, NS_DATE)) != 0)
		s.date[0] = '\0';
	HANE_COPY(s.start_time, hane_ui_form_get(f, NS_START));
	HANE_COPY(s.end_time, hane_ui_form_get(f, NS_END));
	s.cap = atoi(hane_ui_form_get(f, NS_CAP));
	HANE_COPY(s.notes, hane_ui_form_get(f, NS_NOTES));
	if ((rc = hane_centre_session_save(hane_ui_db(ui), &s, &ns->id))) {
		hane_ui_form_model_error(ui, f, labels, HANE_UI_NITEMS(labels),
					 rc);
		return rc;
	}
	return 0;
}

static void session_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];

	(void)ui;
	(void)arg;
	hane_ui_form_set(f, NS_DATE,
			 hane_date_format(shown, hane_today(today)));
	hane_ui_form_set(f, NS_START, "10:00");
	hane_ui_form_set(f, NS_END, "13:00");
	hane_ui_form_set(f, NS_CAP, "8");
}

static int64_t new_session(struct hane_ui *ui)
{
	struct new_session ns = {.n = 0};
	int rc;

	if ((rc = hane_centre_sp_sites(hane_ui_db(ui), "session", site_choice,
				       &ns)) != 0) {
		hane_ui_error_rc(ui, rc);
		return 0;
	}
	const struct hane_ui_field fields[] = {
		{.kind = HANE_UI_F_CHOICE,
		 .label = HANE_M_CSP_F_SITE,
		 .required = true,
		 .choices = ns.names,
		 .nchoices = ns.n},
		{.kind = HANE_UI_F_DATE,
		 .label = HANE_M_CSP_F_DATE,
		 .required = true},
		{.kind = HANE_UI_F_TEXT,
		 .label = HANE_M_CSP_F_START,
		 .required = true,
		 .width = 6,
		 .max = 5},
		{.kind = HANE_UI_F_TEXT,
		 .label = HANE_M_CSP_F_END,
		 .required = true,
		 .width = 6,
		 .max = 5},
		{.kind = HANE_UI_F_NUMBER,
		 .label = HANE_M_CSP_F_CAP,
		 .required = true,
		 .width = 5,
		 .lo = 1,
		 .hi = 1000},
		{.kind = HANE_UI_F_TEXT,
		 .label = HANE_M_CSP_F_NOTES,
		 .width = 40,
		 .max = 500},
	};
	const struct hane_ui_form_view v = {
		.title = hane_msg(HANE_M_CSP_UI_NEW_SESSION),
		.fields = fields,
		.nfields = HANE_UI_NITEMS(fields),
		.save = session_save,
		.arg = &ns,
	};

	if (hane_ui_form_show(ui, &v, session_fill) != 1)
		return 0;
	hane_ui_status(ui, false, hane_msg(HANE_M_CSP_UI_SESSION_SAVED),
		       (long long)ns.id);
	return ns.id;
}

/* ---- The week ----------------------------------------------------------------- */

static const struct hane_ui_column week_cols[] = {
	HANE_UI_COL_WHEN(HANE_M_CSP_UI_C_DAY, 9, 9, 0),
	HANE_UI_COL_TEXT(HANE_M_CSP_UI_C_HOURS, 11, 11, 0),
	HANE_UI_COL_FLEX(HANE_M_CSP_UI_C_SITE, 12, 34, 0),
	HANE_UI_COL_NUM(HANE_M_CSP_UI_C_BOOKED, 7, 8, 0),
	HANE_UI_COL_TEXT(HANE_M_CSP_UI_C_STATUS, 5, 8, 1),
};

#define MAX_SITES_WEEK 16

struct week {
	char monday[HANE_DATE_LEN + 1];
	int n;
	struct {
		int64_t id;
		char name[HANE_CSP_NAME];
		int sessions, booked, cap;
	} site[MAX_SITES_WEEK];
	int nsites;
	int64_t select; /* a session just added */
	struct hane_ui_list *l;
};

static int week_row(const struct hane_centre_session *s, void *arg)
{
	struct week *w = arg;
	char day[24], hours[16], booked[24];
	int i;
	const char *cells[] = {
		day_short(day, s->date), hours, s->site_name, booked,
		strcmp(s->status, "open") ? status_word(s->status) : ""};

	snprintf(hours, sizeof hours, "%s-%s", s->start_time, s->end_time);
	snprintf(booked, sizeof booked, "%d/%d", s->booked, s->cap);
	w->n++;
	for (i = 0; i < w->nsites && w->site[i].id != s->site_id; i++)
		;
	if (i == w->nsites && i < MAX_SITES_WEEK) {
		w->site[i].id = s->site_id;
		HANE_COPY(w->site[i].name, s->site_name);
		w->nsites++;
	}
	if (i < w->nsites && strcmp(s->status, "open") == 0) {
		w->site[i].sessions++;
		w->site[i].booked += s->booked;
		w->site[i].cap += s->cap;
	}
	return hane_ui_list_add(w->l, s->id, cells);
}

static void week_from(struct week *w, int64_t z)
{
	hane_date_iso(w->monday, z - (hane_date_weekday_of(z) - 1));
}

static int week_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	struct week *w = arg;
	char a[HANE_DATE_LEN + 1], b[HANE_DATE_LEN + 1], sun[HANE_DATE_LEN + 1];
	int rc;

	w->n = 0;
	w->nsites = 0;
	w->l = hane_ui_detail_list(d);
	if ((rc = hane_centre_session_each(hane_ui_db(ui), 0, w->monday, 7,
					   week_row, w)) != 0)
		return rc;
	hane_date_iso(sun, hane_date_day(w->monday) + 6);
	hane_ui_detail_line(d, hane_msg(HANE_M_CSP_UI_WEEK),
			    hane_date_format(a, w->monday),
			    hane_date_format(b, sun), w->n);
	for (int i = 0; i < w->nsites; i++) {
		hane_ui_detail_panel(d, "%s", w->site[i].name);
		hane_ui_detail_panel(d, hane_msg(HANE_M_CSP_UI_P_SITE),
				     w->site[i].sessions, w->site[i].booked,
				     w->site[i].cap);
	}
	if (w->select) {
		hane_ui_list_select_id(w->l, w->select);
		w->select = 0;
	}
	return 0;
}

static int week_act(struct hane_ui *ui, struct hane_ui_detail *d,
		    enum hane_ui_action a, void *arg)
{
	struct week *w = arg;
	int64_t sel = hane_ui_list_selected_id(hane_ui_detail_list(d));
	struct hane_centre_session s;
	char ask[256], day[24];
	int rc;

	switch (a) {
	case HANE_UI_A_CSP_WEEK_PREV:
		week_from(w, hane_date_day(w->monday) - 7);
		break;
	case HANE_UI_A_CSP_WEEK_NEXT:
		week_from(w, hane_date_day(w->monday) + 7);
		break;
	case HANE_UI_A_CSP_SESSION_NEW:
		if ((sel = new_session(ui)) != 0 &&
		    hane_centre_session_get(hane_ui_db(ui), sel, &s) == 0) {
			week_from(w, hane_date_day(s.date));
			w->select = sel;
		}
		break;
	case HANE_UI_A_OPEN:
		if (sel)
			session_screen(ui, sel);
		break;
	case HANE_UI_A_CSP_SESSION_CANCEL:
		if (!sel) { /* an empty week: say so, F8 is on the bar */
			hane_ui_status(ui, false, "%s",
				       hane_msg(HANE_M_CSP_UI_NO_SESSION));
			break;
		}
		if ((rc = hane_centre_session_get(hane_ui_db(ui), sel, &s))) {
			hane_ui_error_rc(ui, rc);
			break;
		}
		snprintf(ask, sizeof ask,
			 hane_msg(HANE_M_CSP_UI_ASK_CANCEL_SESSION),
			 day_short(day, s.date), s.start_time, s.booked);
		if (hane_ui_confirm(ui, ask) &&
		    (rc = hane_centre_session_cancel(hane_ui_db(ui), sel)))
			hane_ui_error_rc(ui, rc);
		break;
	default:
		break;
	}
	return HANE_UI_STAY;
}

void hane_ui_centres_sessions(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP,		 HANE_UI_A_CSP_SESSION_NEW,
		HANE_UI_A_OPEN,		 HANE_UI_A_CSP_SESSION_CANCEL,
		HANE_UI_A_CSP_WEEK_PREV, HANE_UI_A_CSP_WEEK_NEXT,
		HANE_UI_A_BACK,		 HANE_UI_A_QUIT};
	struct week w = {.n = 0};
	char today[HANE_DATE_LEN + 1];
	const struct hane_ui_detail_view v = {
		.title = hane_msg(HANE_M_CSP_UI_SESSIONS),
		HANE_UI_COLUMNS(week_cols),
		.list_title = HANE_M_CSP_UI_SESSIONS,
		.panel_title = HANE_M_CSP_UI_P_SITES,
		HANE_UI_BAR(acts),
		.load = week_load,
		.act = week_act,
		.arg = &w,
	};

	week_from(&w, hane_date_day(hane_today(today)));
	hane_ui_detail_show(ui, &v);
}
