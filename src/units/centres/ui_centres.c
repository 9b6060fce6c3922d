/* Merkezler's console (#19): the unit's menu, Bugün (a site's check-ins
 * today, a member found by typing and checked in with Enter), Üyeler
 * (memberships, the person page, ending one and who is next), Bekleme
 * listesi (a site's waiting list in order), Yerler ve programlar, the
 * person page's row and the household's services lines. Applications are
 * ui_apply.c. Only hane/ui.h widgets; every rule is the model's
 * (hane/centres.h), and a refusal is the model's sentence.
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
#include "hane/security.h"
#include "hane/ui.h"
#include "ui_centres_int.h"

bool cu_ui_may(struct hane_ui *ui, enum hane_action a)
{
	if (hane_can(hane_ui_db(ui), a) == 0)
		return true;
	hane_error_clear();
	return false;
}

/* The cell of the selected row in column col ("" when none). */
static const char *selected_cell(const struct hane_ui_list *l, int col)
{
	int r = hane_ui_list_selected(l);

	return r < 0 ? "" : hane_ui_list_cell(l, r, col);
}

static void say_reason(struct hane_ui *ui, enum hane_msg title)
{
	const char *ok = hane_msg(HANE_M_UI_OK);
	char why[768];

	HANE_COPY(why, hane_error_last());
	(void)hane_ui_buttons(ui, hane_msg(title), why, &ok, 1);
}

/* ---- Choosing a site ---------------------------------------------------- */

#define SITES_MAX 64

/* Sites as choices, "Tüm yerler" (id 0) first when asked for. */
struct sites {
	int n;
	int64_t id[SITES_MAX];
	char text[SITES_MAX][192];
	const char *label[SITES_MAX];
};

static void sites_add(struct sites *s, int64_t id, const char *text)
{
	if (s->n >= SITES_MAX)
		return;
	s->id[s->n] = id;
	HANE_COPY(s->text[s->n], text);
	s->label[s->n] = s->text[s->n];
	s->n++;
}

/* A checking-in site with who is in now: "Asırlık Çınar Serdar · içeride
 * 12/150". */
static void day_text(char *out, size_t outsz, const struct hane_centre_day *d)
{
	if (d->capacity > 0)
		snprintf(out, outsz, hane_msg(HANE_M_CU_SITE_IN_CAP),
			 d->site_name, (long long)d->still_in, d->capacity);
	else
		snprintf(out, outsz, hane_msg(HANE_M_CU_SITE_IN), d->site_name,
			 (long long)d->still_in);
}

static int day_site(const struct hane_centre_day *d, void *arg)
{
	char text[192];

	day_text(text, sizeof text, d);
	sites_add(arg, d->site_id, text);
	return 0;
}

/* Every active site the actor may see, with its waiting list when
 * waiting is set. */
struct any_sites {
	struct sites *s;
	bool waiting;
};

static int any_site(const struct hane_centre_site *c, void *arg)
{
	struct any_sites *a = arg;
	char text[192];

	if (a->waiting)
		snprintf(text, sizeof text, hane_msg(HANE_M_CU_SITE_WAITING),
			 c->name, (long long)c->waiting);
	else
		HANE_COPY(text, c->name);
	sites_add(a->s, c->id, text);
	return 0;
}

static int load_sites(hane_db *db, struct sites *s, bool all, bool waiting)
{
	struct any_sites a = {s, waiting};

	s->n = 0;
	if (all)
		sites_add(s, 0, hane_msg(HANE_M_CU_ALL_SITES));
	return hane_centre_site_each(db, 0, false, any_site, &a);
}

/* The site chosen from s (the cursor on current), or -1 when left.
 * crumb (NULL: none) is the screen the site is chosen for, on the title
 * line while choosing ("Merkezler › Bugün"). */
static int64_t choose_site(struct hane_ui *ui, const struct sites *s,
			   int64_t current, const char *crumb)
{
	int cur = 0, i;

	for (i = 0; i < s->n; i++)
		if (s->id[i] == current)
			cur = i;
	if (crumb)
		hane_ui_title_push(ui, crumb);
	i = hane_ui_choose(ui, hane_msg(HANE_M_CU_CHOOSE_SITE), s->label, s->n,
			   cur);
	if (crumb)
		hane_ui_title_pop(ui);
	return i < 0 || i >= s->n ? -1 : s->id[i];
}

static bool sites_have(const struct sites *s, int64_t id)
{
	for (int i = 0; i < s->n; i++)
		if (s->id[i] == id)
			return true;
	return false;
}

/* ---- Bugün --------------------------------------------------------------- */

/* The site Bugün showed last: the desk opens on it again (this session). */
static int64_t today_site;

enum { B_NAME, B_IN, B_OUT, B__N };

static const struct hane_ui_column today_cols[B__N] = {
	[B_NAME] = HANE_UI_COL_FLEX(HANE_M_CU_COL_NAME, 14, 30, 0),
	[B_IN] = HANE_UI_COL_TEXT(HANE_M_CU_COL_IN, 5, 8, 1),
	[B_OUT] = HANE_UI_COL_TEXT(HANE_M_CU_COL_OUT, 5, 8, 2),
};

struct today {
	int64_t site;
	struct hane_centre_day day; /* the site's counts, read at each fill */
	struct hane_ui_list *l;
};

static int today_day(const struct hane_centre_day *d, void *arg)
{
	struct today *t = arg;

	if (d->site_id == t->site)
		t->day = *d;
	return 0;
}

static int today_visit(const struct hane_centre_visit *v, void *arg)
{
	struct today *t = arg;
	const char *cells[B__N];

	cells[B_NAME] = v->person_name;
	cells[B_IN] = v->time_in;
	cells[B_OUT] = v->time_out[0] ? v->time_out : "-";
	return hane_ui_list_add(t->l, v->member_id, cells);
}

static int today_member(const struct hane_centre_member *m, void *arg)
{
	struct today *t = arg;
	const char *cells[B__N];

	cells[B_NAME] = m->person_name;
	cells[B_IN] = m->in_since;
	cells[B_OUT] = "";
	return hane_ui_list_add(t->l, m->id, cells);
}

/* Nothing typed: the day's check-ins at the site. Typed: the site's
 * running members it finds, for Enter to check in. */
static int today_fill(struct hane_ui *ui, struct hane_ui_list *l,
		      const char *query, int rows, void *arg)
{
	struct today *t = arg;
	hane_db *db = hane_ui_db(ui);
	int rc;

	t->l = l;
	memset(&t->day, 0, sizeof t->day);
	if ((rc = hane_centre_day_each(db, "", today_day, t)) != 0)
		return rc;
	if (!query[0])
		return hane_centre_visit_each(db, t->site, "", today_visit, t);
	return hane_centre_member_search(db, t->site, query, rows, today_member,
					 t);
}

static void today_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	const struct today *t = arg;

	(void)ui;
	day_text(out, outsz, &t->day);
}

static int today_act(struct hane_ui *ui, struct hane_ui_list *l,
		     enum hane_ui_action a, void *arg)
{
	struct today *t = arg;
	hane_db *db = hane_ui_db(ui);
	int64_t id = hane_ui_list_selected_id(l);
	char name[256];
	int rc;

	if (a == HANE_UI_A_CEN_SITE) {
		struct sites s = {0};
		int64_t site;

		if ((rc = hane_centre_day_each(db, "", day_site, &s)) != 0) {
			hane_ui_error_rc(ui, rc);
			return HANE_UI_STAY;
		}
		if ((site = choose_site(ui, &s, t->site, NULL)) > 0)
			t->site = today_site = site;
		return HANE_UI_NEW_SEARCH;
	}
	if (!id) {
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_PICK_ROW));
		return HANE_UI_STAY;
	}
	HANE_COPY(name, selected_cell(l, B_NAME));
	if (a == HANE_UI_A_CEN_CHECKIN) {
		rc = hane_centre_checkin(db, id, t->site, "", "", NULL);
		if (rc == HANE_EPERM || rc == HANE_EINVAL ||
		    rc == HANE_ENOTFOUND) {
			/* A rule: the model's reason, in words. */
			say_reason(ui, HANE_M_CU_CHECKIN_REFUSED);
			return HANE_UI_STAY;
		}
		if (hane_ui_error_if(ui, rc))
			return HANE_UI_STAY;
		hane_ui_status(ui, false, hane_msg(HANE_M_CU_CHECKED_IN), name);
		return HANE_UI_NEW_SEARCH;
	}
	if (a == HANE_UI_A_CEN_CHECKOUT) {
		rc = hane_centre_checkout(db, id, "", "");
		if (rc == HANE_ENOTFOUND || rc == HANE_EINVAL) {
			hane_ui_status(ui, true, "%s", hane_error_last());
			return HANE_UI_STAY;
		}
		if (hane_ui_error_if(ui, rc))
			return HANE_UI_STAY;
		hane_ui_status(ui, false, hane_msg(HANE_M_CU_CHECKED_OUT),
			       name);
		return HANE_UI_NEW_SEARCH;
	}
	return HANE_UI_STAY;
}

static void today_screen(struct hane_ui *ui)
{
	hane_db *db = hane_ui_db(ui);
	struct sites s = {0};
	struct today t = {0};
	enum hane_ui_action acts[6];
	int n = 0, rc;

	if ((rc = hane_centre_day_each(db, "", day_site, &s)) != 0) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	if (s.n == 0) {
		hane_ui_status(ui, true, "%s", hane_msg(HANE_M_CU_NO_SITES));
		return;
	}
	t.site = sites_have(&s, today_site) ? today_site
		 : s.n == 1		    ? s.id[0]
					    : choose_site(ui, &s, 0,
							  hane_msg(HANE_M_CU_MENU_TODAY));
	if (t.site <= 0)
		return;
	today_site = t.site;
	acts[n++] = HANE_UI_A_HELP;
	acts[n++] = HANE_UI_A_CEN_SITE;
	if (cu_ui_may(ui, HANE_ACT_CENTRES_WRITE)) {
		acts[n++] = HANE_UI_A_CEN_CHECKOUT;
		acts[n++] = HANE_UI_A_CEN_CHECKIN;
	}
	acts[n++] = HANE_UI_A_BACK;
	acts[n++] = HANE_UI_A_QUIT;
	{
		struct hane_ui_list_view v = {
			.title = hane_msg(HANE_M_CU_MENU_TODAY),
			HANE_UI_COLUMNS(today_cols),
			.actions = acts,
			.nactions = n,
			.fill = today_fill,
			.act = today_act,
			.info = today_info,
			.arg = &t,
			.prompt = HANE_M_CU_TODAY_PROMPT,
		};

		hane_ui_list_show(ui, &v);
	}
}

/* ---- Üyeler --------------------------------------------------------------- */

enum { U_NAME, U_SITE, U_START, U_END, U_STATE, U__N };

static const struct hane_ui_column member_cols[U__N] = {
	[U_NAME] = HANE_UI_COL_FLEX(HANE_M_CU_COL_NAME, 12, 24, 0),
	[U_SITE] = HANE_UI_COL_TEXT(HANE_M_CU_COL_SITE, 10, 26, 1),
	[U_START] = HANE_UI_COL_DATE(HANE_M_CU_COL_START, 3),
	[U_END] = HANE_UI_COL_DATE(HANE_M_CU_COL_END, 4),
	[U_STATE] = HANE_UI_COL_TEXT(HANE_M_CU_COL_STATE, 6, 14, 2),
};

struct members {
	int64_t site;
	char site_name[192];
	struct hane_ui_list *l;
};

static int member_row(const struct hane_centre_member *m, void *arg)
{
	struct members *x = arg;
	char start[HANE_DATE_LEN + 1], end[HANE_DATE_LEN + 1];
	const char *cells[U__N];

	cells[U_NAME] = m->person_name;
	cells[U_SITE] = m->site_name;
	cells[U_START] = hane_date_format(start, m->start);
	cells[U_END] = m->end_date[0] ? hane_date_format(end, m->end_date) : "";
	cells[U_STATE] = m->end_date[0]
				 ? hane_centre_label(HANE_CENTRE_END_REASON,
						     m->end_reason)
				 : hane_msg(HANE_M_CU_RUNNING);
	return hane_ui_list_add(x->l, m->id, cells);
}

/* Running members first, then those whose membership ended. */
static int members_fill(struct hane_ui *ui, struct hane_ui_list *l,
			const char *query, int rows, void *arg)
{
	struct members *x = arg;
	struct hane_centre_member_filter f = {
		.site_id = x->site, .state = 0, .query = query, .limit = 1000};
	int rc;

	(void)rows;
	x->l = l;
	if ((rc = hane_centre_member_each(hane_ui_db(ui), &f, member_row, x)) !=
	    0)
		return rc;
	f.state = 1;
	return hane_centre_member_each(hane_ui_db(ui), &f, member_row, x);
}

static void members_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	const struct members *x = arg;

	(void)ui;
	snprintf(out, outsz, "%s", x->site_name);
}

/* The end form: the day, the reason, a note. */
enum { E_DATE, E_REASON, E_NOTES, E__N };

struct end_form {
	struct hane_centre_member m;
	const char *const *codes;
	const char *reasons[17]; /* "—" first */
	struct hane_centre_application next;
};

static int end_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	static const enum hane_msg labels[E__N] = {
		[E_DATE] = HANE_M_CU_F_END_DATE,
		[E_REASON] = HANE_M_CU_F_END_REASON,
		[E_NOTES] = HANE_M_CU_F_NOTES};
	struct end_form *x = arg;
	char date[HANE_DATE_LEN + 1];
	int c = hane_ui_form_choice(f, E_REASON), rc;

	/* No reason is offered first: F2 at once must not record one. */
	if (c <= 0) {
		hane_ui_form_error(f, E_REASON,
				   hane_msg(HANE_M_CU_END_REASON_NEEDED));
		return HANE_EINVAL;
	}
	if (hane_date_parse(date, hane_ui_form_get(f, E_DATE)) != 0)
		date[0] = '\0';
	rc = hane_centre_member_end(hane_ui_db(ui), x->m.id, x->m.version, date,
				    x->codes[c - 1],
				    hane_ui_form_get(f, E_NOTES), &x->next);
	if (rc)
		hane_ui_form_model_error(ui, f, labels, E__N, rc);
	return rc;
}

static void end_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];

	(void)ui;
	(void)arg;
	hane_ui_form_set(f, E_DATE, hane_date_format(shown, hane_today(today)));
}

/* After a membership ended: who is next on the site's waiting list, and
 * the decision on them at once. */
static void say_next(struct hane_ui *ui, const struct end_form *x)
{
	const char *labels[2] = {hane_msg(HANE_M_UI_OK),
				 hane_msg(HANE_M_CU_DECIDE_NOW)};
	char text[768], date[HANE_DATE_LEN + 1];
	bool may = cu_ui_may(ui, HANE_ACT_CENTRES_WRITE);

	if (!x->next.id) {
		snprintf(text, sizeof text, hane_msg(HANE_M_CU_ENDED_NOBODY),
			 x->m.person_name, x->m.site_name);
		(void)hane_ui_buttons(ui, hane_msg(HANE_M_CU_ENDED_TITLE), text,
				      labels, 1);
		return;
	}
	snprintf(text, sizeof text, hane_msg(HANE_M_CU_ENDED_NEXT),
		 x->m.person_name, x->m.site_name, x->next.person_name,
		 hane_date_format(date, x->next.date));
	if (hane_ui_buttons(ui, hane_msg(HANE_M_CU_ENDED_TITLE), text, labels,
			    may ? 2 : 1) == 1)
		(void)cu_ui_decide(ui, x->next.id);
}

static void end_membership(struct hane_ui *ui, int64_t id)
{
	struct end_form *x = calloc(1, sizeof *x);
	struct hane_ui_field fields[E__N];
	char title[320];
	int n = 0, rc;

	if (!x)
		return;
	if ((rc = hane_centre_member_get(hane_ui_db(ui), id, &x->m)) != 0) {
		hane_ui_error_rc(ui, rc);
		free(x);
		return;
	}
	if (x->m.end_date[0]) {
		char end[HANE_DATE_LEN + 1];

		hane_ui_status(ui, true, hane_msg(HANE_M_CU_ALREADY_ENDED),
			       hane_date_format(end, x->m.end_date),
			       hane_centre_label(HANE_CENTRE_END_REASON,
						 x->m.end_reason));
		free(x);
		return;
	}
	x->codes = hane_centre_codes(HANE_CENTRE_END_REASON, &n);
	if (n > 16)
		n = 16;
	x->reasons[0] = "\u2014";
	for (int i = 0; i < n; i++)
		x->reasons[i + 1] =
			hane_centre_label(HANE_CENTRE_END_REASON, x->codes[i]);
	memset(fields, 0, sizeof fields);
	fields[E_DATE] = (struct hane_ui_field){.kind = HANE_UI_F_DATE,
						.label = HANE_M_CU_F_END_DATE,
						.required = true};
	fields[E_REASON] =
		(struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
				       .label = HANE_M_CU_F_END_REASON,
				       .required = true,
				       .choices = x->reasons,
				       .nchoices = n + 1};
	fields[E_NOTES] = (struct hane_ui_field){
		.kind = HANE_UI_F_TEXT, .label = HANE_M_CU_F_NOTES, .max = 250};
	snprintf(title, sizeof title, hane_msg(HANE_M_CU_END_TITLE),
		 x->m.person_name);
	{
		struct hane_ui_form_view v = {
			.title = title,
			.fields = fields,
			.nfields = E__N,
			.save = end_save,
			.arg = x,
		};

		if (hane_ui_form_show(ui, &v, end_fill))
			say_next(ui, x);
	}
	free(x);
}

static int members_act(struct hane_ui *ui, struct hane_ui_list *l,
		       enum hane_ui_action a, void *arg)
{
	struct members *x = arg;
	int64_t id = hane_ui_list_selected_id(l);
	struct hane_centre_member m;
	int rc;

	if (a == HANE_UI_A_CEN_SITE) {
		struct sites s = {0};
		int64_t site;

		if ((rc = load_sites(hane_ui_db(ui), &s, true, false)) != 0) {
			hane_ui_error_rc(ui, rc);
			return HANE_UI_STAY;
		}
		if ((site = choose_site(ui, &s, x->site, NULL)) >= 0) {
			x->site = site;
			for (int i = 0; i < s.n; i++)
				if (s.id[i] == site)
					HANE_COPY(x->site_name, s.text[i]);
		}
		return HANE_UI_STAY;
	}
	if (!id) {
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_PICK_ROW));
		return HANE_UI_STAY;
	}
	if (a == HANE_UI_A_OPEN) {
		if ((rc = hane_centre_member_get(hane_ui_db(ui), id, &m)) != 0)
			hane_ui_error_rc(ui, rc);
		else
			(void)hane_ui_person_page(ui, m.person_id);
	} else if (a == HANE_UI_A_CEN_END) {
		end_membership(ui, id);
	}
	return HANE_UI_STAY;
}

static void members_screen(struct hane_ui *ui)
{
	struct members x = {0};
	enum hane_ui_action acts[7];
	int n = 0;

	HANE_COPY(x.site_name, hane_msg(HANE_M_CU_ALL_SITES));
	acts[n++] = HANE_UI_A_HELP;
	acts[n++] = HANE_UI_A_CEN_SITE;
	if (cu_ui_may(ui, HANE_ACT_CENTRES_WRITE))
		acts[n++] = HANE_UI_A_CEN_END;
	acts[n++] = HANE_UI_A_OPEN;
	acts[n++] = HANE_UI_A_BACK;
	acts[n++] = HANE_UI_A_QUIT;
	{
		struct hane_ui_list_view v = {
			.title = hane_msg(HANE_M_CU_MENU_MEMBERS),
			HANE_UI_COLUMNS(member_cols),
			.actions = acts,
			.nactions = n,
			.fill = members_fill,
			.act = members_act,
			.info = members_info,
			.arg = &x,
		};

		hane_ui_list_show(ui, &v);
	}
}

/* ---- Bekleme listesi ------------------------------------------------------ */

/* The site the waiting list showed last (this session). */
static int64_t waiting_site;

enum { W_POS, W_NAME, W_DATE, W_MARK, W_REASON, W__N };

static const struct hane_ui_column waiting_cols[W__N] = {
	[W_POS] = HANE_UI_COL_NUM(HANE_M_CU_COL_POS, 4, 5, 0),
	[W_NAME] = HANE_UI_COL_FLEX(HANE_M_CU_COL_NAME, 12, 26, 0),
	[W_DATE] = HANE_UI_COL_DATE(HANE_M_CU_COL_APPLIED, 2),
	[W_MARK] = HANE_UI_COL_TEXT(HANE_M_CU_COL_NEXT, 8, 10, 1),
	[W_REASON] = HANE_UI_COL_TEXT(HANE_M_CU_COL_REASON, 8, 24, 3),
};

struct waiting {
	int64_t site;
	char site_name[192];
	struct hane_ui_list *l;
};

static int waiting_row(const struct hane_centre_application *a, void *arg)
{
	struct waiting *w = arg;
	char pos[16], date[HANE_DATE_LEN + 1];
	const char *cells[W__N];

	snprintf(pos, sizeof pos, "%d", a->position);
	cells[W_POS] = pos;
	cells[W_NAME] = a->person_name;
	cells[W_DATE] = hane_date_format(date, a->date);
	cells[W_MARK] = a->position == 1 ? hane_msg(HANE_M_CU_NEXT) : "";
	cells[W_REASON] = a->reason;
	return hane_ui_list_add(w->l, a->id, cells);
}

static int waiting_fill(struct hane_ui *ui, struct hane_ui_list *l,
			const char *query, int rows, void *arg)
{
	struct waiting *w = arg;
	int rc;

	(void)rows;
	w->l = l;
	rc = hane_centre_waiting_each(hane_ui_db(ui), w->site, waiting_row, w);
	if (rc == 0 && query[0])
		rc = hane_ui_list_filter(l, query);
	return rc;
}

static void waiting_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	const struct waiting *w = arg;

	(void)ui;
	snprintf(out, outsz, "%s", w->site_name);
}

static int64_t waiting_choose(struct hane_ui *ui, struct waiting *w,
			      const char *crumb)
{
	struct sites s = {0};
	int64_t site;
	int rc;

	if ((rc = load_sites(hane_ui_db(ui), &s, false, true)) != 0) {
		hane_ui_error_rc(ui, rc);
		return -1;
	}
	if (s.n == 0) {
		hane_ui_status(ui, true, "%s", hane_msg(HANE_M_CU_NO_SITES));
		return -1;
	}
	if ((site = choose_site(ui, &s, w->site, crumb)) <= 0)
		return -1;
	w->site = waiting_site = site;
	{
		struct hane_centre_site c;

		if (hane_centre_site_get(hane_ui_db(ui), site, &c) == 0)
			HANE_COPY(w->site_name, c.name);
		else
			hane_error_clear();
	}
	return site;
}

static int waiting_act(struct hane_ui *ui, struct hane_ui_list *l,
		       enum hane_ui_action a, void *arg)
{
	struct waiting *w = arg;
	int64_t id = hane_ui_list_selected_id(l);
	struct hane_centre_application app;
	int rc;

	if (a == HANE_UI_A_CEN_SITE) {
		(void)waiting_choose(ui, w, NULL);
		return HANE_UI_NEW_SEARCH;
	}
	if (!id) {
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_PICK_ROW));
		return HANE_UI_STAY;
	}
	if (a == HANE_UI_A_CEN_DECIDE) {
		(void)cu_ui_decide(ui, id);
	} else if (a == HANE_UI_A_OPEN) {
		if ((rc = hane_centre_application_get(hane_ui_db(ui), id,
						      &app)) != 0)
			hane_ui_error_rc(ui, rc);
		else
			(void)hane_ui_person_page(ui, app.person_id);
	}
	return HANE_UI_STAY;
}

static void waiting_screen(struct hane_ui *ui)
{
	struct waiting w = {0};
	enum hane_ui_action acts[7];
	struct hane_centre_site c;
	int n = 0;

	w.site = waiting_site;
	if (w.site && hane_centre_site_get(hane_ui_db(ui), w.site, &c) == 0)
		HANE_COPY(w.site_name, c.name);
	else if (waiting_choose(ui, &w, hane_msg(HANE_M_CU_MENU_WAITING)) <= 0)
		return;
	acts[n++] = HANE_UI_A_HELP;
	acts[n++] = HANE_UI_A_CEN_SITE;
	if (cu_ui_may(ui, HANE_ACT_CENTRES_WRITE))
		acts[n++] = HANE_UI_A_CEN_DECIDE;
	acts[n++] = HANE_UI_A_OPEN;
	acts[n++] = HANE_UI_A_BACK;
	acts[n++] = HANE_UI_A_QUIT;
	{
		struct hane_ui_list_view v = {
			.title = hane_msg(HANE_M_CU_MENU_WAITING),
			HANE_UI_COLUMNS(waiting_cols),
			.actions = acts,
			.nactions = n,
			.fill = waiting_fill,
			.act = waiting_act,
			.info = waiting_info,
			.arg = &w,
			.prompt = HANE_M_CU_WAITING_EMPTY,
		};

		hane_ui_list_show(ui, &v);
	}
}

/* ---- Yerler ve programlar --------------------------------------------------- */

/* The sites with their programme, days, hours, capacity and today's
 * members and waiting list; centres.admin adds one (F5: the programme,
 * fixed once made, and a code), edits one (F4) and closes or reopens one
 * (F7), the rest read: as `hane centre site add|edit`, through the same
 * model call. */
enum { Y_PROG, Y_SITE, Y_DAYS, Y_HOURS, Y_CAP, Y_MEMBERS, Y_WAITING, Y__N };

static const struct hane_ui_column site_cols[Y__N] = {
	[Y_PROG] = HANE_UI_COL_TEXT(HANE_M_CU_COL_PROGRAMME, 8, 22, 2),
	[Y_SITE] = HANE_UI_COL_FLEX(HANE_M_CU_COL_SITE, 12, 30, 0),
	[Y_DAYS] = HANE_UI_COL_TEXT(HANE_M_CU_COL_DAYS, 6, 23, 5),
	[Y_HOURS] = HANE_UI_COL_TEXT(HANE_M_CU_COL_HOURS, 5, 11, 4),
	[Y_CAP] = HANE_UI_COL_NUM(HANE_M_CU_COL_CAPACITY, 4, 8, 3),
	[Y_MEMBERS] = HANE_UI_COL_NUM(HANE_M_CU_COL_MEMBERS, 4, 5, 1),
	[Y_WAITING] = HANE_UI_COL_NUM(HANE_M_CU_COL_WAITING, 4, 7, 1),
};

static int site_row(const struct hane_centre_site *c, void *arg)
{
	char cap[16], members[24], waiting[24], name[HANE_CENTRE_NAME + 32];
	const char *cells[Y__N];

	if (c->capacity > 0)
		snprintf(cap, sizeof cap, "%d", c->capacity);
	else
		HANE_COPY(cap, "-");
	snprintf(members, sizeof members, "%lld", (long long)c->members);
	snprintf(waiting, sizeof waiting, "%lld", (long long)c->waiting);
	if (c->active)
		HANE_COPY(name, c->name);
	else
		snprintf(name, sizeof name, hane_msg(HANE_M_CU_SITE_CLOSED),
			 c->name);
	cells[Y_PROG] = c->programme_name;
	cells[Y_SITE] = name;
	cells[Y_DAYS] = c->days;
	cells[Y_HOURS] = c->hours;
	cells[Y_CAP] = cap;
	cells[Y_MEMBERS] = members;
	cells[Y_WAITING] = waiting;
	return hane_ui_records_row(arg, c, cells);
}

static int sites_each(hane_db *db, struct hane_ui_records *rs)
{
	return hane_centre_site_each(db, 0, true, site_row, rs);
}

enum { S_PROG, S_CODE, S_NAME, S_ADDRESS, S_DAYS, S_HOURS, S_CAP, S_AGE };

static const struct hane_ui_records_field site_fields[] = {
	[S_PROG] = {.own = {.kind = HANE_UI_F_CHOICE,
			    .label = HANE_M_CU_F_PROGRAMME,
			    .required = true},
		    .on = HANE_UI_RF_NEW},
	[S_CODE] = {.bind = {.column = "code", .width = 24, .max = 31},
		    .on = HANE_UI_RF_NEW,
		    .note = HANE_M_CU_CODE_HINT},
	[S_NAME] = {.bind = {.column = "name", .width = 40, .max = 120}},
	[S_ADDRESS] = {.bind = {.column = "address", .width = 40, .max = 250}},
	[S_DAYS] = {.bind = {.column = "days", .width = 30, .max = 60},
		    .note = HANE_M_CU_DAYS_HINT},
	[S_HOURS] = {.bind = {.column = "hours", .width = 12, .max = 11},
		     .note = HANE_M_CU_HOURS_HINT},
	[S_CAP] = {.bind = {.column = "capacity", .lo = 0, .hi = 100000},
		   .note = HANE_M_CU_CAPACITY_HINT},
	[S_AGE] = {.bind = {.column = "min_age", .lo = 0, .hi = 120},
		   .note = HANE_M_CU_MIN_AGE_HINT},
};

/* The programmes a new site may belong to (the form's choice). */
struct site_progs {
	int n;
	int64_t id[32];
	char name[32][HANE_CENTRE_NAME];
	const char *label[32];
};

static int site_prog(const struct hane_centre_programme *p, void *arg)
{
	struct site_progs *x = arg;

	if (x->n >= 32)
		return 0;
	x->id[x->n] = p->id;
	HANE_COPY(x->name[x->n], p->name);
	x->label[x->n] = x->name[x->n];
	x->n++;
	return 0;
}

static int site_open(struct hane_ui_records_edit *e)
{
	struct site_progs *x = e->arg;
	int rc;

	if (!e->adding)
		return 0;
	x->n = 0;
	if ((rc = hane_centre_programme_each(e->db, false, site_prog, x)) != 0)
		return rc;
	e->own[S_PROG].choices = x->label;
	e->own[S_PROG].nchoices = x->n;
	return 0;
}

static int site_store(struct hane_ui_records_edit *e)
{
	struct site_progs *x = e->arg;
	struct hane_centre_site *c = e->rec;
	int i;

	if (!e->adding)
		return 0;
	i = hane_ui_form_choice(e->f, e->at[S_PROG]);
	c->programme_id = i >= 0 && i < x->n ? x->id[i] : 0;
	return 0;
}

static int site_save(hane_db *db, void *rec, int64_t *id)
{
	return hane_centre_site_save(db, rec, id);
}

static void sites_screen(struct hane_ui *ui)
{
	struct hane_centre_site blank;
	struct site_progs *x = calloc(1, sizeof *x);

	if (!x) {
		hane_ui_error_rc(ui, HANE_ENOMEM);
		return;
	}
	hane_centre_site_init(&blank);
	{
		const struct hane_ui_records_view v = {
			.title = hane_msg(HANE_M_CU_MENU_SITES),
			HANE_UI_COLUMNS(site_cols),
			.write = HANE_ACT_CENTRES_ADMIN,
			.def = &hane_centre_site_rdef,
			.each = sites_each,
			.search = 1u << Y_PROG | 1u << Y_SITE,
			HANE_UI_FORM_FIELDS(site_fields),
			.blank = &blank,
			.open = site_open,
			.store = site_store,
			.save = site_save,
			.active = "active",
			.ask_off = HANE_M_CU_SITE_CLOSE_ASK,
			.ask_on = HANE_M_CU_SITE_OPEN_ASK,
			.done_off = HANE_M_CU_SITE_CLOSED_DONE,
			.done_on = HANE_M_CU_SITE_OPENED_DONE,
			.what = HANE_M_CU_F_SITE,
			.title_new = HANE_M_CU_SITE_NEW,
			.title_edit = HANE_M_CU_SITE_EDIT,
			.saved = HANE_M_CU_SITE_SAVED,
			.title_column = "name",
			.arg = x,
		};

		hane_ui_records_show(ui, &v);
	}
	free(x);
}

/* ---- The menu ---------------------------------------------------------------- */

int hane_ui_centres_main(struct hane_ui *ui)
{
	static const struct hane_ui_menu_item items[] = {
		{HANE_M_CU_MENU_TODAY, today_screen, NULL, 0},
		{HANE_M_CU_MENU_MEMBERS, members_screen, NULL, 0},
		{HANE_M_CU_MENU_APPLICATIONS, cu_ui_applications, NULL, 0},
		{HANE_M_CU_MENU_WAITING, waiting_screen, NULL, 0},
		{HANE_M_CU_MENU_SESSIONS, hane_ui_centres_sessions, NULL, 0},
		{HANE_M_CU_MENU_PLACEMENTS, hane_ui_centres_placements, NULL,
		 0},
		{HANE_M_CU_MENU_SITES, sites_screen, NULL, 0},
	};

	return hane_ui_menu(ui, HANE_M_CEN_UNIT, HANE_ACT_CENTRES_READ, items,
			    HANE_UI_NITEMS(items));
}

/* ---- The person page and the household ---------------------------------------- */

struct person_line {
	char first[256];
	int running;
};

static int person_member(const struct hane_centre_member *m, void *arg)
{
	struct person_line *p = arg;
	char start[HANE_DATE_LEN + 1];

	if (m->end_date[0])
		return 0;
	if (!p->running++)
		/* The date first: the column is narrow at 80 columns. */
		snprintf(p->first, sizeof p->first, hane_msg(HANE_M_CU_LINE),
			 hane_date_format(start, m->start), m->site_name);
	return 0;
}

static int person_app(const struct hane_centre_application *a, void *arg)
{
	char *out = arg;

	if (a->position > 0)
		snprintf(out, 256, hane_msg(HANE_M_CU_LINE_WAITING),
			 a->site_name, a->position);
	else
		snprintf(out, 256, hane_msg(HANE_M_CU_LINE_APPLIED),
			 a->site_name,
			 hane_centre_label(HANE_CENTRE_STATUS, a->status));
	return 1;
}

bool hane_ui_centres_person_line(struct hane_ui *ui, int64_t person_id,
				 char *out, size_t outsz)
{
	hane_db *db = hane_ui_db(ui);
	struct person_line p = {"", 0};
	struct hane_centre_app_filter f = {
		.person_id = person_id, .status = "open", .limit = 1};
	char app[256] = "";
	int rc;

	if (!cu_ui_may(ui, HANE_ACT_CENTRES_READ))
		return false;
	if (hane_centre_of_person(db, person_id, person_member, &p) != 0) {
		hane_error_clear();
		return false;
	}
	if (p.running > 1)
		snprintf(out, outsz, hane_msg(HANE_M_CU_LINE_MORE), p.first,
			 p.running - 1);
	else if (p.running)
		snprintf(out, outsz, "%s", p.first);
	if (p.running)
		return true;
	rc = hane_centre_application_each(db, &f, person_app, app);
	if (rc < 0) {
		hane_error_clear();
		return false;
	}
	if (app[0])
		snprintf(out, outsz, "%s", app);
	else
		snprintf(out, outsz, "%s",
			 hane_msg(cu_ui_may(ui, HANE_ACT_CENTRES_WRITE)
					  ? HANE_M_CU_LINE_NONE_APPLY
					  : HANE_M_CU_LINE_NONE));
	return true;
}

/* The person's centres: memberships (ids below 0) and applications. */
enum { P_SITE, P_STATE, P_DATE, P__N };

static const struct hane_ui_column person_cols[P__N] = {
	[P_SITE] = HANE_UI_COL_FLEX(HANE_M_CU_COL_SITE, 14, 30, 0),
	[P_STATE] = HANE_UI_COL_TEXT(HANE_M_CU_COL_STATE, 10, 30, 1),
	[P_DATE] = HANE_UI_COL_TEXT(HANE_M_CU_COL_DATES, 10, 23, 2),
};

static int person_membership_row(const struct hane_centre_member *m, void *arg)
{
	char state[128], dates[64], start[HANE_DATE_LEN + 1],
		end[HANE_DATE_LEN + 1];
	const char *cells[P__N];

	if (m->end_date[0]) {
		snprintf(state, sizeof state, hane_msg(HANE_M_CU_STATE_ENDED),
			 hane_centre_label(HANE_CENTRE_END_REASON,
					   m->end_reason));
		snprintf(dates, sizeof dates, "%s – %s",
			 hane_date_format(start, m->start),
			 hane_date_format(end, m->end_date));
	} else {
		HANE_COPY(state, hane_msg(HANE_M_CU_STATE_MEMBER));
		snprintf(dates, sizeof dates, "%s –",
			 hane_date_format(start, m->start));
	}
	cells[P_SITE] = m->site_name;
	cells[P_STATE] = state;
	cells[P_DATE] = dates;
	return hane_ui_list_add(arg, -m->id, cells);
}

static int person_application_row(const struct hane_centre_application *a,
				  void *arg)
{
	char state[160], date[HANE_DATE_LEN + 1];
	const char *cells[P__N];

	if (a->position > 0)
		snprintf(state, sizeof state,
			 hane_msg(HANE_M_CU_STATE_APP_WAITING), a->position);
	else
		snprintf(state, sizeof state, hane_msg(HANE_M_CU_STATE_APP),
			 hane_centre_label(HANE_CENTRE_STATUS, a->status));
	cells[P_SITE] = a->site_name;
	cells[P_STATE] = state;
	cells[P_DATE] = hane_date_format(date, a->date);
	return hane_ui_list_add(arg, a->id, cells);
}

struct person_centres {
	int64_t person;
	struct hane_ui_list *l;
};

static int person_load(struct hane_ui *ui, struct person_centres *p)
{
	hane_db *db = hane_ui_db(ui);
	struct hane_centre_app_filter f = {.person_id = p->person};
	int rc;

	hane_ui_list_clear(p->l);
	if ((rc = hane_centre_of_person(db, p->person, person_membership_row,
					p->l)) != 0)
		return rc;
	return hane_centre_application_each(db, &f, person_application_row,
					    p->l);
}

static int person_act(struct hane_ui *ui, struct hane_ui_list *l,
		      enum hane_ui_action a, void *arg)
{
	struct person_centres *p = arg;
	int64_t id = hane_ui_list_selected_id(l), made = 0;

	if (a == HANE_UI_A_CEN_APPLY)
		made = cu_ui_apply(ui, p->person);
	else if (a == HANE_UI_A_CEN_DECIDE && id > 0)
		(void)cu_ui_decide(ui, id);
	else if (a == HANE_UI_A_CEN_DECIDE)
		hane_ui_status(ui, false, "%s",
			       hane_msg(HANE_M_CU_PICK_APPLICATION));
	if (hane_ui_error_if(ui, person_load(ui, p)) == 0 && made)
		hane_ui_list_select_id(l, made);
	return HANE_UI_STAY;
}

void hane_ui_centres_person_open(struct hane_ui *ui, int64_t person_id)
{
	struct person_centres p = {person_id, hane_ui_list_new(P__N)};
	enum hane_ui_action acts[6];
	int n = 0;

	if (!p.l)
		return;
	if (hane_ui_error_if(ui, person_load(ui, &p))) {
		hane_ui_list_free(p.l);
		return;
	}
	acts[n++] = HANE_UI_A_HELP;
	if (cu_ui_may(ui, HANE_ACT_CENTRES_WRITE)) {
		acts[n++] = HANE_UI_A_CEN_APPLY;
		acts[n++] = HANE_UI_A_CEN_DECIDE;
	}
	acts[n++] = HANE_UI_A_BACK;
	acts[n++] = HANE_UI_A_QUIT;
	{
		struct hane_ui_list_view v = {
			/* Under the person's own crumb. */
			.title = hane_msg(HANE_M_CEN_UNIT),
			HANE_UI_COLUMNS(person_cols),
			.actions = acts,
			.nactions = n,
			.act = person_act,
			.arg = &p,
		};

		hane_ui_list_run(ui, &v, p.l);
	}
	hane_ui_list_free(p.l);
}

struct panel {
	struct hane_ui_detail *d;
	const char *first_name;
};

static int panel_member(const struct hane_centre_member *m, void *arg)
{
	struct panel *p = arg;
	char start[HANE_DATE_LEN + 1];

	if (!m->end_date[0])
		hane_ui_detail_panel(p->d, hane_msg(HANE_M_CU_PANEL),
				     hane_msg(HANE_M_CU_PANEL_UNIT),
				     p->first_name, m->site_name,
				     hane_date_format(start, m->start));
	return 0;
}

void hane_ui_centres_services(struct hane_ui *ui, int64_t household_id,
			      struct hane_ui_detail *d)
{
	hane_db *db = hane_ui_db(ui);
	struct hane_person *members;
	size_t n = 0;

	/* Someone without the unit's rights sees nothing of it here. */
	if (household_id <= 0 || !cu_ui_may(ui, HANE_ACT_CENTRES_READ))
		return;
	if (!(members = calloc(32, sizeof *members)))
		return;
	if (hane_household_members(db, household_id, members, 32, &n) == 0)
		for (size_t i = 0; i < n; i++) {
			struct panel p = {d, members[i].first_name};

			if (hane_centre_of_person(db, members[i].id,
						  panel_member, &p) != 0)
				break;
		}
	hane_error_clear(); /* the panel is a glance: no dialog */
	free(members);
}
