/* The social inspection screens: the work queue (mine / unassigned /
 * overdue / all open, sortable by due date and mahalle), a request's page
 * with the household's inspection history, the request, assignment,
 * visit (with the case note written from the fields as they are typed)
 * and decision forms, and the lines for a household's services panel.
 *
 * Only hane/ui.h widgets and the inspection model: no curses, no SQL.
 *
 * Keys (the toolkit's actions; the bar shows them): queue — Enter opens,
 * F5 new request, F6 sort, F7 changes the queue; request page — F4
 * assigns, F7 takes the next step (visit, decision, close or renew),
 * F8 cancels the request (with a reason).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/households.h"
#include "hane/inspection.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/ui.h"

#define NOTE_LEN HANE_INSP_NOTE_MAX

static void trimmed(char *out, size_t outsz, const char *s)
{
	snprintf(out, outsz, "%s", s);
	hane_text_trim(out);
}

static const char *dmy(char out[HANE_DATE_LEN + 1], const char *iso)
{
	if (!iso[0])
		return "-";
	return hane_date_format(out, iso);
}

/* Choices of a coded list for a form; with_none puts "-" first (empty).
 * The labels are static messages, so the array can be kept. */
struct choices {
	const char *labels[16];
	const char *codes[16];
	int n;
};

static void choices_load(struct choices *c, enum hane_inspection_list l,
			 bool with_none, const char *skip)
{
	int n;
	const char *const *codes = hane_inspection_codes(l, &n);

	c->n = 0;
	if (with_none) {
		c->labels[c->n] = hane_msg(HANE_M_INSP_UI_NONE);
		c->codes[c->n++] = "";
	}
	for (int i = 0; i < n && c->n < 16; i++) {
		if (skip && !strcmp(codes[i], skip))
			continue;
		c->labels[c->n] = hane_inspection_label(l, codes[i]);
		c->codes[c->n++] = codes[i];
	}
}

static int choice_of(const struct choices *c, const char *code)
{
	for (int i = 0; i < c->n; i++)
		if (!strcmp(c->codes[i], code))
			return i;
	return 0;
}

static void date_from(char out[HANE_DATE_LEN + 1], const char *text)
{
	char buf[64];

	trimmed(buf, sizeof buf, text);
	if (!buf[0] || hane_date_parse(out, buf) != 0)
		out[0] = '\0';
}

/* ---- Forms bound to the field tables ----------------------------------------- */

/* A field of a form over a record's field table (hane/inspection.h): its
 * binding, and for a coded field the list offered as choices (with "-",
 * empty, first when none is allowed; skip: a code not offered), for a
 * text area its lines. */
struct form_field {
	struct hane_ui_bind b;
	bool coded;
	enum hane_inspection_list list;
	bool none;
	const char *skip;
	int rows;
};

#define CODED(column, l, with_none, w)                                         \
	{                                                                      \
		{column, .width = (w)}, true, (l), (with_none)                 \
	}
#define AREA(column, lines)                                                    \
	{                                                                      \
		{column, .max = HANE_INSP_NOTE_CHARS}, .rows = (lines)         \
	}

/* The form's bindings, whose choices are in the session's language, and
 * the fields described from them. Every form here starts with its date
 * (field 0), which the form asks for although the model would take
 * today. */
struct bound {
	struct hane_ui_bind b[16];
	struct hane_ui_field f[16];
	struct choices c[16];
	struct hane_ui_record rec;
	/* After the date, what the form fills itself (NULL: nothing). */
	void (*ready)(struct hane_ui *ui, struct hane_ui_form *f, void *arg);
};

static void bound_load(struct bound *s, const struct hane_rdef *def,
		       const struct form_field *ff, int n)
{
	for (int i = 0; i < n; i++) {
		s->b[i] = ff[i].b;
		if (ff[i].coded) {
			choices_load(&s->c[i], ff[i].list, ff[i].none,
				     ff[i].skip);
			s->b[i].choices = s->c[i].labels;
			s->b[i].values = s->c[i].codes;
			s->b[i].nchoices = s->c[i].n;
		}
	}
	s->rec = (struct hane_ui_record){def, s->b, n, NULL, NULL};
	hane_ui_record_fields(s->f, &s->rec);
	s->f[0].required = true;
	for (int i = 0; i < n; i++) {
		if (ff[i].rows) {
			s->f[i].kind = HANE_UI_F_AREA;
			s->f[i].width = 0;
			s->f[i].rows = ff[i].rows;
		}
	}
}

/* Fills a bound form (its arg begins with its struct bound): today's
 * date, then the form's ready(). */
static void bound_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct bound *s = arg;
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];

	hane_ui_form_set(f, 0, hane_date_format(shown, hane_today(today)));
	if (s->ready)
		s->ready(ui, f, arg);
}

/* Runs the form of s titled title (unless v has its own title) from
 * today's date, then ready() (may be NULL) on it; true when it was
 * saved. */
static bool bound_run(struct hane_ui *ui, struct bound *s, enum hane_msg title,
		      struct hane_ui_form_view v,
		      void (*ready)(struct hane_ui *ui, struct hane_ui_form *f,
				    void *arg))
{
	if (!v.title)
		v.title = hane_msg(title);
	v.fields = s->f;
	v.nfields = s->rec.n;
	s->ready = ready;
	return hane_ui_form_show(ui, &v, bound_fill) == 1;
}

/* The error of a bound form's save: one the model words as "<label> …"
 * (Yardım cinsi şunlardan biri olmalı: …) goes under that field without
 * the label, the cursor on it, as the form's own checks do; any other is
 * a dialog. Returns rc. */
static int bound_error(struct hane_ui *ui, struct hane_ui_form *f,
		       const struct bound *s, int rc)
{
	const char *err = hane_error_last();

	if (rc == HANE_EINVAL)
		for (int i = 0; i < s->rec.n; i++) {
			const char *l = s->f[i].label_text
						? s->f[i].label_text
						: hane_msg(s->f[i].label);
			size_t n = strlen(l);

			if (n && !strncmp(err, l, n) &&
			    (err[n] == ' ' || err[n] == ':')) {
				hane_ui_form_error(
					f, i, err + n + strspn(err + n, ": "));
				return rc;
			}
		}
	return hane_ui_error_if(ui, rc);
}

/* ---- The request form ----------------------------------------------------- */

struct request_form {
	struct bound b;
	int64_t household_id;
	int64_t id;
};

/* The form's labels where the table's are the CSV titles. */
static const struct form_field request_fields[] = {
	{{"requested_on", HANE_UI_LABEL(HANE_M_INSP_F_REQUESTED_ON)}},
	{{"channel", .width = 22}, true, HANE_INSP_CHANNEL, false, "renewal"},
	{{"referrer", .width = 36}},
	{{"reason", HANE_UI_LABEL(HANE_M_INSP_F_REASON), .width = 22},
	 true,
	 HANE_INSP_REASON},
	{{"reason_text", .width = 44, .max = 500}},
	CODED("urgency", HANE_INSP_URGENCY, false, 10),
};

static int request_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct request_form *s = arg;
	struct hane_inspection r;
	int rc;

	hane_inspection_init(&r);
	r.household_id = s->household_id;
	hane_ui_record_store(f, 0, &s->b.rec, &r);
	rc = hane_inspection_request(hane_ui_db(ui), &r, &s->id);
	return bound_error(ui, f, &s->b, rc);
}

/* The form for a new request of household_id; *id gets the new request
 * (0 when left). */
static void request_new(struct hane_ui *ui, int64_t household_id, int64_t *id)
{
	struct request_form *s = calloc(1, sizeof *s);
	char title[128];

	*id = 0;
	if (!s)
		return;
	s->household_id = household_id;
	/* Which household: the search shows namesakes (a father and son, a
	 * family registered twice), and the form has no other word of it. */
	snprintf(title, sizeof title, hane_msg(HANE_M_INSP_UI_TITLE_NEW),
		 (long long)household_id);
	bound_load(&s->b, &hane_inspection_rdef, request_fields,
		   sizeof request_fields / sizeof request_fields[0]);
	if (bound_run(ui, &s->b, HANE_M_INSP_UI_TITLE_NEW,
		      (struct hane_ui_form_view){
			      .title = title, .save = request_save, .arg = s},
		      NULL))
		*id = s->id;
	free(s);
}

/* ---- Choosing the household --------------------------------------------------- */

enum { P_NAME, P_TCKN, P_MAHALLE, P_HOUSEHOLD, P__COUNT };

static const struct hane_ui_column pick_cols[P__COUNT] = {
	HANE_UI_COL_FLEX(HANE_M_INSP_UI_COL_NAME, 14, 26, 0),
	HANE_UI_COL_TEXT(HANE_M_UI_F_TCKN, 11, 12, 2),
	HANE_UI_COL_TEXT(HANE_M_INSP_UI_COL_MAHALLE, 8, 16, 1),
	HANE_UI_COL_NUM(HANE_M_INSP_UI_COL_HOUSEHOLD, 5, 7, 0),
};

struct pick {
	struct hane_ui_list *l;
	int64_t chosen;
};

static int pick_hit(const struct hane_person_hit *h, void *arg)
{
	struct pick *p = arg;
	char name[2 * HANE_NAME_MAX + 2], tckn[16], hh[24];
	const char *cells[P__COUNT];

	snprintf(name, sizeof name, "%s %s", h->first_name, h->last_name);
	hane_tckn_mask(tckn, sizeof tckn, h->tckn);
	snprintf(hh, sizeof hh, "#%lld", (long long)h->household_id);
	cells[P_NAME] = name;
	cells[P_TCKN] = h->tckn[0] ? tckn : "-";
	cells[P_MAHALLE] = h->mahalle;
	cells[P_HOUSEHOLD] = hh;
	return hane_ui_list_add(p->l, h->household_id, cells) ? 1 : 0;
}

static int pick_fill(struct hane_ui *ui, struct hane_ui_list *l,
		     const char *query, int rows, void *arg)
{
	struct pick *p = arg;
	char q[256];

	trimmed(q, sizeof q, query ? query : "");
	if (!q[0])
		return 0;
	p->l = l;
	return hane_person_search(hane_ui_db(ui), q, rows, 0, pick_hit, p,
				  NULL);
}

static int pick_act(struct hane_ui *ui, struct hane_ui_list *l,
		    enum hane_ui_action a, void *arg)
{
	struct pick *p = arg;

	(void)ui;
	if (a != HANE_UI_A_CHOOSE || !hane_ui_list_selected_id(l))
		return HANE_UI_STAY;
	p->chosen = hane_ui_list_selected_id(l);
	return HANE_UI_CLOSE;
}

/* The person search, returning the household of the chosen person. */
static int64_t pick_household(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_CHOOSE, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct pick p = {0};
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_INSP_UI_TITLE_PICK),
		HANE_UI_COLUMNS(pick_cols),
		HANE_UI_BAR(acts),
		.fill = pick_fill,
		.act = pick_act,
		.arg = &p,
		.prompt = HANE_M_UI_TYPE_TO_SEARCH,
	};

	hane_ui_status(ui, false, "%s",
		       hane_msg(HANE_M_INSP_UI_TYPE_TO_SEARCH));
	hane_ui_list_show(ui, &v);
	return p.chosen;
}

/* ---- Assignment ------------------------------------------------------------------ */

enum { A_INSPECTOR, A_DUE, A__COUNT };

struct assign_form {
	struct hane_ui_field f[A__COUNT];
	const char *names[64];
	int64_t ids[64];
	int n;
	const struct hane_inspection *r;
};

static int add_inspector(int64_t id, const char *username,
			 const char *full_name, void *arg)
{
	struct assign_form *s = arg;

	(void)username;
	if (s->n >= 64)
		return 1;
	s->names[s->n] = strdup(full_name);
	if (!s->names[s->n])
		return 1;
	s->ids[s->n++] = id;
	return 0;
}

static int assign_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct assign_form *s = arg;
	char due[HANE_DATE_LEN + 1];
	int i = hane_ui_form_choice(f, A_INSPECTOR);
	int rc;

	date_from(due, hane_ui_form_get(f, A_DUE));
	rc = hane_inspection_assign(hane_ui_db(ui), s->r->id, s->r->version,
				    s->ids[i >= 0 && i < s->n ? i : 0], due);
	return hane_ui_error_if(ui, rc);
}

/* The inspector and the due date as they stand. */
static void assign_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct assign_form *s = arg;
	char shown[HANE_DATE_LEN + 1];

	(void)ui;
	for (int i = 0; i < s->n; i++)
		if (s->ids[i] == s->r->inspector_id)
			hane_ui_form_set_choice(f, A_INSPECTOR, i);
	hane_ui_form_set(f, A_DUE, dmy(shown, s->r->due_on));
}

static void assign_run(struct hane_ui *ui, const struct hane_inspection *r)
{
	struct assign_form *s = calloc(1, sizeof *s);
	struct hane_ui_form_view v = {0};
	int rc;

	if (!s)
		return;
	s->r = r;
	rc = hane_inspection_inspectors_each(hane_ui_db(ui), add_inspector, s);
	if (rc) {
		hane_ui_error_rc(ui, rc);
		goto done;
	}
	if (!s->n) {
		hane_ui_error(ui, hane_msg(HANE_M_INSP_UI_NO_INSPECTORS));
		goto done;
	}
	s->f[A_INSPECTOR] = (struct hane_ui_field){
		HANE_UI_F_CHOICE, HANE_M_INSP_F_INSPECTOR, .required = true,
		.width = 28,	  .choices = s->names,	   .nchoices = s->n};
	s->f[A_DUE] = (struct hane_ui_field){HANE_UI_F_DATE, HANE_M_INSP_F_DUE,
					     .required = true, .width = 12,
					     .max = 10};
	v.title = hane_msg(HANE_M_INSP_UI_TITLE_ASSIGN);
	v.fields = s->f;
	v.nfields = A__COUNT;
	v.save = assign_save;
	v.arg = s;
	if (hane_ui_form_show(ui, &v, assign_fill))
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_SAVED));
done:
	for (int i = 0; i < s->n; i++)
		free((char *)s->names[i]);
	free(s);
}

/* ---- The visit form ---------------------------------------------------------------- */

enum {
	V_DATE,
	V_PRESENT,
	V_TENURE,
	V_RENT,
	V_ROOMS,
	V_HEATING,
	V_INCOME,
	V_EXPENSES,
	V_HEALTH,
	V_DISABILITY,
	V_FINDINGS,
	V_RECOMMEND,
	V_NOTE,
	V__COUNT
};

static const struct form_field visit_fields[V__COUNT] = {
	[V_DATE] = {{"visited_on"}},
	[V_PRESENT] = {{"present", .width = 40}},
	[V_TENURE] = CODED("tenure", HANE_INSP_TENURE, true, 22),
	[V_RENT] = {{"rent_kurus"}},
	[V_ROOMS] = {{"rooms", .width = 4, .max = 2, .lo = 0, .hi = 99}},
	[V_HEATING] = CODED("heating", HANE_INSP_HEATING, true, 22),
	[V_INCOME] = {{"income_kurus"}},
	[V_EXPENSES] = {{"expenses_kurus"}},
	[V_HEALTH] = {{"health", .width = 40, .max = 400}},
	[V_DISABILITY] = {{"disability", .width = 40, .max = 400}},
	[V_FINDINGS] = AREA("findings", 3),
	[V_RECOMMEND] = CODED("recommendation", HANE_INSP_RECOMMEND, false, 22),
	[V_NOTE] = AREA("note", 6),
};

struct visit_form {
	struct bound b;
	const struct hane_inspection *r;
	struct hane_inspection_visit v;
	char generated[NOTE_LEN]; /* the note as the template last wrote it */
};

static void form_to_visit(struct visit_form *s, const struct hane_ui_form *f)
{
	hane_inspection_visit_init(&s->v);
	s->v.request_id = s->r->id;
	hane_ui_record_store(f, 0, &s->b.rec, &s->v);
}

/* The case note follows the fields until the inspector edits it: once
 * the note differs from what the template last wrote, it is theirs. */
static void visit_changed(struct hane_ui *ui, struct hane_ui_form *f, int i,
			  void *arg)
{
	struct visit_form *s = arg;
	char *note;
	const char *cur = hane_ui_form_get(f, V_NOTE);
	bool own = cur[0] && strcmp(cur, s->generated) != 0;

	/* The label says whose the note is: the template's (it follows the
	 * fields; an emptied note follows them again) or the inspector's. */
	hane_ui_form_label(f, V_NOTE,
			   hane_msg(own ? HANE_M_INSP_F_NOTE_OWN
					: HANE_M_INSP_F_NOTE_AUTO));
	if (i == V_NOTE || own)
		return;
	note = malloc(NOTE_LEN);
	if (!note)
		return;
	form_to_visit(s, f);
	if (hane_inspection_note_fill(hane_ui_db(ui), &s->v, note, NOTE_LEN) ==
	    0) {
		hane_ui_form_set(f, V_NOTE, note);
		snprintf(s->generated, sizeof s->generated, "%s", note);
	}
	free(note);
}

static int visit_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct visit_form *s = arg;
	int rc;

	form_to_visit(s, f);
	rc = hane_inspection_visit(hane_ui_db(ui), s->r->id, s->r->version,
				   &s->v, NULL);
	return bound_error(ui, f, &s->b, rc);
}

/* The note starts from the template, as the fields stand. */
static void visit_ready(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	visit_changed(ui, f, V_DATE, arg);
}

static void visit_run(struct hane_ui *ui, const struct hane_inspection *r)
{
	struct visit_form *s = calloc(1, sizeof *s);

	if (!s)
		return;
	s->r = r;
	bound_load(&s->b, &hane_inspection_visit_rdef, visit_fields, V__COUNT);
	if (bound_run(ui, &s->b, HANE_M_INSP_UI_TITLE_VISIT,
		      (struct hane_ui_form_view){.changed = visit_changed,
						 .save = visit_save,
						 .arg = s},
		      visit_ready))
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_SAVED));
	free(s);
}

/* ---- The decision form --------------------------------------------------------------- */

enum {
	D_DATE,
	D_OUTCOME,
	D_TYPE,
	D_KIND,
	D_AMOUNT,
	D_START,
	D_END,
	D_FREQ,
	D_REASON,
	D__COUNT
};

static const struct form_field decide_fields[D__COUNT] = {
	[D_DATE] = {{"decided_on"}},
	[D_OUTCOME] = CODED("outcome", HANE_INSP_OUTCOME, false, 14),
	[D_TYPE] = CODED("aid_type", HANE_INSP_AID_TYPE, true, 16),
	[D_KIND] = CODED("kind", HANE_INSP_KIND, true, 14),
	[D_AMOUNT] = {{"amount_kurus"}},
	[D_START] = {{"start_on"}},
	[D_END] = {{"end_on"}},
	[D_FREQ] = CODED("frequency", HANE_INSP_FREQUENCY, true, 14),
	[D_REASON] = {{"reason", .width = 44, .max = 500}},
};

struct decide_form {
	struct bound b;
	const struct hane_inspection *r;
};

static int decide_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct decide_form *s = arg;
	struct hane_inspection_decision d;
	int rc;

	hane_inspection_decision_init(&d);
	hane_ui_record_store(f, 0, &s->b.rec, &d);
	rc = hane_inspection_decide(hane_ui_db(ui), s->r->id, s->r->version, &d,
				    NULL);
	return bound_error(ui, f, &s->b, rc);
}

/* Start from the inspector's recommendation: it saves keys and is what
 * the decision usually follows. */
static void decide_ready(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct decide_form *s = arg;
	struct hane_inspection_visit *vis = calloc(1, sizeof *vis);
	const char *rec;

	if (!vis || hane_inspection_visit_get(hane_ui_db(ui), s->r->id, vis)) {
		free(vis);
		return;
	}
	rec = vis->recommendation;
	hane_ui_form_set_choice(
		f, D_OUTCOME,
		choice_of(&s->b.c[D_OUTCOME],
			  strcmp(rec, "reject") ? "aid" : "rejected"));
	if (!strcmp(rec, "one_time") || !strcmp(rec, "regular"))
		hane_ui_form_set_choice(f, D_TYPE,
					choice_of(&s->b.c[D_TYPE], rec));
	if (!strcmp(rec, "in_kind")) {
		hane_ui_form_set_choice(f, D_TYPE,
					choice_of(&s->b.c[D_TYPE], "one_time"));
		hane_ui_form_set_choice(f, D_KIND,
					choice_of(&s->b.c[D_KIND], "food"));
	}
	free(vis);
}

static void decide_run(struct hane_ui *ui, const struct hane_inspection *r)
{
	struct decide_form *s = calloc(1, sizeof *s);

	if (!s)
		return;
	s->r = r;
	bound_load(&s->b, &hane_inspection_decision_rdef, decide_fields,
		   D__COUNT);
	if (bound_run(ui, &s->b, HANE_M_INSP_UI_TITLE_DECIDE,
		      (struct hane_ui_form_view){.save = decide_save, .arg = s},
		      decide_ready))
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_SAVED));
	free(s);
}

/* ---- Cancel ----------------------------------------------------------------------------- */

enum { C_REASON, C__COUNT };

static int cancel_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct hane_inspection *r = arg;
	char why[HANE_INSP_TEXT_MAX];
	int rc;

	trimmed(why, sizeof why, hane_ui_form_get(f, C_REASON));
	rc = hane_inspection_cancel(hane_ui_db(ui), r->id, r->version, why);
	return hane_ui_error_if(ui, rc);
}

static void cancel_run(struct hane_ui *ui, const struct hane_inspection *r)
{
	static const struct hane_ui_field fields[C__COUNT] = {
		{HANE_UI_F_TEXT, HANE_M_INSP_F_CANCEL_REASON, .required = true,
		 .width = 44, .max = 500},
	};
	struct hane_ui_form_view v = {
		.title = hane_msg(HANE_M_INSP_UI_TITLE_CANCEL),
		.fields = fields,
		.nfields = C__COUNT,
		.save = cancel_save,
		.arg = (void *)r,
	};
	char q[256];

	snprintf(q, sizeof q, hane_msg(HANE_M_INSP_UI_CANCEL_CONFIRM),
		 (long long)r->id);
	if (hane_ui_confirm(ui, q) && hane_ui_form_show(ui, &v, NULL))
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_SAVED));
}

/* ---- A request's page ------------------------------------------------------------------ */

enum { H_NO, H_DATE, H_REASON, H_STATUS, H__COUNT };

static const struct hane_ui_column history_cols[H__COUNT] = {
	HANE_UI_COL_NUM(HANE_M_INSP_UI_COL_NO, 4, 6, 0),
	HANE_UI_COL_DATE(HANE_M_INSP_UI_COL_DATE, 0),
	HANE_UI_COL_FLEX(HANE_M_INSP_UI_COL_REASON, 8, 18, 1),
	HANE_UI_COL_TEXT(HANE_M_INSP_UI_COL_STATUS, 8, 14, 2),
};

struct page {
	int64_t id;
	struct hane_inspection r;
	struct hane_ui_list *l;
};

static int history_row(const struct hane_inspection *x, void *arg)
{
	struct page *p = arg;
	char no[24], date[HANE_DATE_LEN + 1];
	const char *cells[H__COUNT];

	snprintf(no, sizeof no, "#%lld", (long long)x->id);
	cells[H_NO] = no;
	cells[H_DATE] = dmy(date, x->requested_on);
	cells[H_REASON] = hane_inspection_label(HANE_INSP_REASON, x->reason);
	cells[H_STATUS] = hane_inspection_label(HANE_INSP_STATUS, x->status);
	return hane_ui_list_add(p->l, x->id, cells) ? 1 : 0;
}

/* The panel does not wrap: long text (the case note) goes in lines of
 * PANEL_COLS columns, broken at spaces. */
#define PANEL_COLS 30

static void panel_wrap(struct hane_ui_detail *d, const char *text)
{
	const char *s = text;

	while (*s) {
		size_t fit = hane_text_fit(s, PANEL_COLS), cut = fit;

		if (s[fit]) {
			while (cut > 0 && s[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = fit;
		}
		hane_ui_detail_panel(d, "%.*s", (int)cut, s);
		s += cut;
		while (*s == ' ')
			s++;
	}
}

/* The request's header lines. */
static void page_request(hane_db *db, struct hane_ui_detail *d,
			 const struct page *p)
{
	char title[128], d1[HANE_DATE_LEN + 1], d2[HANE_DATE_LEN + 1],
		overdue[64], m[8];

	/* Overdue said in words too, not only by a sign. */
	snprintf(overdue, sizeof overdue, "%s%s", p->r.overdue ? " ⚠ " : "",
		 p->r.overdue ? hane_msg(HANE_M_INSP_OVERDUE) : "");
	snprintf(title, sizeof title, hane_msg(HANE_M_INSP_UI_TITLE_REQUEST),
		 (long long)p->id);
	hane_ui_detail_title(d, title);
	hane_ui_detail_line(d, hane_msg(HANE_M_INSP_UI_LINE_HOUSEHOLD),
			    (long long)p->r.household_id, p->r.head_name,
			    p->r.mahalle[0] ? p->r.mahalle : "-");
	hane_ui_detail_line(
		d, hane_msg(HANE_M_INSP_UI_LINE_REQUEST),
		hane_inspection_label(HANE_INSP_CHANNEL, p->r.channel),
		hane_inspection_label(HANE_INSP_REASON, p->r.reason),
		hane_inspection_label(HANE_INSP_URGENCY, p->r.urgency),
		dmy(d1, p->r.requested_on));
	hane_ui_detail_line(
		d, hane_msg(HANE_M_INSP_UI_LINE_DUE),
		hane_inspection_label(HANE_INSP_STATUS, p->r.status),
		dmy(d2, p->r.due_on), overdue);
	hane_ui_detail_line(d, "%s: %s", hane_msg(HANE_M_INSP_F_INSPECTOR),
			    p->r.inspector_id
				    ? p->r.inspector
				    : hane_msg(HANE_M_INSP_CLI_UNASSIGNED));
	if (p->r.referrer[0])
		hane_ui_detail_line(d, "%s: %s",
				    hane_msg(HANE_M_INSP_F_REFERRER),
				    p->r.referrer);
	if (p->r.reason_text[0])
		hane_ui_detail_line(
			d, "%s",
			hane_gate_show(db, HANE_ACT_INSPECTION_WRITE,
				       HANE_PD_HEALTH, p->r.reason_text, m,
				       sizeof m));
	if (p->r.cancel_reason[0])
		hane_ui_detail_line(
			d, "%s: %s", hane_msg(HANE_M_INSP_F_CANCEL_REASON),
			hane_gate_show(db, HANE_ACT_INSPECTION_WRITE,
				       HANE_PD_HEALTH, p->r.cancel_reason, m,
				       sizeof m));
}

/* The decision in the panel. */
static void page_decision(hane_db *db, struct hane_ui_detail *d,
			  const struct hane_inspection_decision *dec)
{
	char d1[HANE_DATE_LEN + 1], d2[HANE_DATE_LEN + 1], money[32], m[8];

	hane_ui_detail_panel(d, "%s", "");
	hane_ui_detail_panel(
		d, hane_msg(HANE_M_INSP_UI_LINE_DECISION),
		dmy(d1, dec->decided_on),
		hane_inspection_label(HANE_INSP_OUTCOME, dec->outcome));
	if (!strcmp(dec->outcome, "aid")) {
		if (dec->amount_kurus >= 0)
			hane_money_format(money, sizeof money,
					  dec->amount_kurus, true);
		else
			money[0] = '\0';
		hane_ui_detail_panel(
			d, hane_msg(HANE_M_INSP_UI_LINE_AID),
			hane_inspection_label(HANE_INSP_AID_TYPE,
					      dec->aid_type),
			hane_inspection_label(HANE_INSP_KIND, dec->kind),
			money);
		if (dec->start_on[0])
			hane_ui_detail_panel(
				d, hane_msg(HANE_M_INSP_UI_LINE_PERIOD),
				dmy(d1, dec->start_on), dmy(d2, dec->end_on));
	}
	panel_wrap(d, hane_gate_show(db, HANE_ACT_INSPECTION_WRITE,
				     HANE_PD_HEALTH, dec->reason, m, sizeof m));
}

static int page_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	struct page *p = arg;
	hane_db *db = hane_ui_db(ui);
	struct hane_inspection_visit *v = calloc(1, sizeof *v);
	struct hane_inspection_decision dec;
	struct hane_inspection_filter f = {0};
	char d1[HANE_DATE_LEN + 1], m[8];
	int rc;

	if (!v)
		return HANE_ENOMEM;
	/* KVKK: the view is logged before anything is shown, and the free
	 * text that can hold health details goes through the gate (clear
	 * for the inspection unit's staff, "***" for a reporter). */
	if ((rc = hane_inspection_get(db, p->id, &p->r)) ||
	    (rc = hane_gate_view(db, "inspection.view", "household",
				 p->r.household_id))) {
		hane_ui_error_rc(ui, rc);
		goto done;
	}
	page_request(db, d, p);
	if (hane_inspection_visit_get(db, p->id, v) == 0) {
		hane_ui_detail_panel(d, hane_msg(HANE_M_INSP_UI_LINE_VISIT),
				     dmy(d1, v->visited_on));
		hane_ui_detail_panel(d, "%s", v->inspector);
		hane_ui_detail_panel(d, hane_msg(HANE_M_INSP_UI_LINE_RECOMMEND),
				     hane_inspection_label(HANE_INSP_RECOMMEND,
							   v->recommendation));
	}
	if (hane_inspection_decision_get(db, p->id, &dec) == 0)
		page_decision(db, d, &dec);
	if (v->note[0]) {
		hane_ui_detail_panel(d, "%s", "");
		panel_wrap(d, hane_gate_show(db, HANE_ACT_INSPECTION_WRITE,
					     HANE_PD_HEALTH, v->note, m,
					     sizeof m));
	}
	/* The household's inspection history, newest first. */
	p->l = hane_ui_detail_list(d);
	f.household_id = p->r.household_id;
	f.all = true;
	f.sort = HANE_INSP_SORT_NEWEST;
	rc = hane_inspection_each(db, &f, history_row, p, NULL);
	if (p->l)
		hane_ui_list_select_id(p->l, p->id);
done:
	free(v);
	return rc;
}

static int request_page(struct hane_ui *ui, int64_t id);

/* F7: the next step of the flow for the request's status. */
static void next_step(struct hane_ui *ui, struct page *p)
{
	const struct hane_inspection *r = &p->r;
	hane_db *db = hane_ui_db(ui);
	int rc;

	if (!strcmp(r->status, "requested")) {
		assign_run(ui, r);
	} else if (!strcmp(r->status, "assigned")) {
		visit_run(ui, r);
	} else if (!strcmp(r->status, "visited")) {
		decide_run(ui, r);
	} else if (!strcmp(r->status, "decided")) {
		struct hane_inspection_decision dec;
		bool regular =
			hane_inspection_decision_get(db, r->id, &dec) == 0 &&
			!strcmp(dec.aid_type, "regular");
		const char *labels[] = {hane_msg(HANE_M_INSP_UI_BTN_CLOSE),
					hane_msg(HANE_M_INSP_UI_BTN_RENEW),
					hane_msg(HANE_M_INSP_UI_BTN_CANCEL)};
		const char *btn[3];
		int n = 0, which;
		char text[256];

		btn[n++] = labels[0];
		if (regular)
			btn[n++] = labels[1];
		btn[n++] = labels[2];
		snprintf(text, sizeof text, hane_msg(HANE_M_INSP_UI_NEXT_TEXT),
			 (long long)r->id);
		which = hane_ui_buttons(ui, hane_msg(HANE_M_INSP_UI_NEXT_TITLE),
					text, btn, n);
		if (which == 0) {
			rc = hane_inspection_close(db, r->id, r->version);
			if (rc)
				hane_ui_error_rc(ui, rc);
			else
				hane_ui_status(ui, false, "%s",
					       hane_msg(HANE_M_UI_SAVED));
		} else if (which == 1 && regular) {
			int64_t nid = 0;

			rc = hane_inspection_renew(db, r->id, &nid);
			if (rc)
				hane_ui_error_rc(ui, rc);
			else
				hane_ui_status(ui, false,
					       hane_msg(HANE_M_INSP_UI_RENEWED),
					       (long long)nid);
		}
	} else {
		hane_ui_status(
			ui, false, hane_msg(HANE_M_INSP_UI_NOTHING_NEXT),
			hane_inspection_label(HANE_INSP_STATUS, r->status));
	}
}

static int page_act(struct hane_ui *ui, struct hane_ui_detail *d,
		    enum hane_ui_action a, void *arg)
{
	struct page *p = arg;
	int64_t other = hane_ui_list_selected_id(hane_ui_detail_list(d));

	switch (a) {
	case HANE_UI_A_INSP_ASSIGN:
		if (!strcmp(p->r.status, "requested") ||
		    !strcmp(p->r.status, "assigned"))
			assign_run(ui, &p->r);
		else
			hane_ui_status(ui, false,
				       hane_msg(HANE_M_INSP_UI_NOTHING_NEXT),
				       hane_inspection_label(HANE_INSP_STATUS,
							     p->r.status));
		break;
	case HANE_UI_A_INSP_STEP:
		next_step(ui, p);
		break;
	case HANE_UI_A_INSP_CANCEL:
		cancel_run(ui, &p->r);
		break;
	case HANE_UI_A_OPEN:
		if (other && other != p->id)
			request_page(ui, other);
		break;
	default:
		break;
	}
	return HANE_UI_STAY;
}

static int request_page(struct hane_ui *ui, int64_t id)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP,	     HANE_UI_A_INSP_ASSIGN,
		HANE_UI_A_INSP_STEP, HANE_UI_A_INSP_CANCEL,
		HANE_UI_A_OPEN,	     HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct page p = {.id = id};
	struct hane_ui_detail_view v = {
		.title = "",
		HANE_UI_COLUMNS(history_cols),
		.list_title = HANE_M_INSP_UI_HISTORY,
		.panel_title = HANE_M_INSP_UI_PANEL,
		HANE_UI_BAR(acts),
		.load = page_load,
		.act = page_act,
		.arg = &p,
	};

	return hane_ui_detail_run(ui, &v);
}

/* ---- The work queue ------------------------------------------------------------------------ */

enum {
	Q_NO,
	Q_DUE,
	Q_HEAD,
	Q_MAHALLE,
	Q_REASON,
	Q_URGENCY,
	Q_STATUS,
	Q_INSPECTOR,
	Q__COUNT
};

static const struct hane_ui_column queue_cols[Q__COUNT] = {
	HANE_UI_COL_NUM(HANE_M_INSP_UI_COL_NO, 4, 5, 0),
	HANE_UI_COL_WHEN(HANE_M_INSP_UI_COL_DUE, 11, 12, 0),
	HANE_UI_COL_FLEX(HANE_M_INSP_UI_COL_HEAD, 12, 20, 0),
	HANE_UI_COL_TEXT(HANE_M_INSP_UI_COL_MAHALLE, 8, 14, 2),
	HANE_UI_COL_TEXT(HANE_M_INSP_UI_COL_REASON, 6, 12, 3),
	HANE_UI_COL_TEXT(HANE_M_INSP_UI_COL_URGENCY, 5, 6, 5),
	HANE_UI_COL_TEXT(HANE_M_INSP_UI_COL_STATUS, 7, 10, 6),
	HANE_UI_COL_TEXT(HANE_M_INSP_UI_COL_INSPECTOR, 6, 10, 4),
};

enum view { VIEW_MINE, VIEW_UNASSIGNED, VIEW_OVERDUE, VIEW_OPEN, VIEW__N };

static const enum hane_msg view_names[VIEW__N] = {
	HANE_M_INSP_UI_VIEW_MINE, HANE_M_INSP_UI_VIEW_UNASSIGNED,
	HANE_M_INSP_UI_VIEW_OVERDUE, HANE_M_INSP_UI_VIEW_OPEN};

struct queue {
	enum view view;
	struct hane_ui_list *l;
	char key[256]; /* folded query */
};

static bool matches(const struct queue *q, const struct hane_inspection *r)
{
	char hay[512], folded[512];

	if (!q->key[0])
		return true;
	snprintf(hay, sizeof hay, "#%lld %s %s %s %s", (long long)r->id,
		 r->head_name, r->mahalle,
		 hane_inspection_label(HANE_INSP_REASON, r->reason),
		 r->inspector);
	hane_text_fold(folded, sizeof folded, hay);
	return strstr(folded, q->key) != NULL;
}

static int queue_row(const struct hane_inspection *r, void *arg)
{
	struct queue *q = arg;
	char no[24], due[32], d[HANE_DATE_LEN + 1];
	const char *cells[Q__COUNT];

	if (!matches(q, r))
		return 0;
	snprintf(no, sizeof no, "%lld", (long long)r->id);
	/* Overdue is marked by a sign, not only by colour. */
	snprintf(due, sizeof due, "%s%s", hane_date_format(d, r->due_on),
		 r->overdue ? " !" : "");
	cells[Q_NO] = no;
	cells[Q_DUE] = due;
	cells[Q_HEAD] = r->head_name;
	cells[Q_MAHALLE] = r->mahalle[0] ? r->mahalle : "-";
	cells[Q_REASON] = hane_inspection_label(HANE_INSP_REASON, r->reason);
	cells[Q_URGENCY] = hane_inspection_label(HANE_INSP_URGENCY, r->urgency);
	cells[Q_STATUS] = hane_inspection_label(HANE_INSP_STATUS, r->status);
	cells[Q_INSPECTOR] = r->inspector_id ? r->inspector_user : "-";
	return hane_ui_list_add(q->l, r->id, cells) ? 1 : 0;
}

static int queue_fill(struct hane_ui *ui, struct hane_ui_list *l,
		      const char *query, int rows, void *arg)
{
	struct queue *q = arg;
	struct hane_inspection_filter f = {0};

	(void)rows; /* the queue is short: all of it, filtered here */
	q->l = l;
	hane_text_fold(q->key, sizeof q->key, query ? query : "");
	switch (q->view) {
	case VIEW_MINE:
		f.inspector_id = hane_store_actor(hane_ui_db(ui))->staff_id;
		if (!f.inspector_id)
			return 0;
		break;
	case VIEW_UNASSIGNED:
		f.unassigned = true;
		break;
	case VIEW_OVERDUE:
		f.overdue = true;
		break;
	default:
		break;
	}
	/* KVKK: the list of households shown is logged, as on the CLI. */
	{
		int rc = hane_gate_list(hane_ui_db(ui), "inspection.list");

		if (rc)
			return rc;
	}
	return hane_inspection_each(hane_ui_db(ui), &f, queue_row, q, NULL);
}

static void queue_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	int64_t open = 0, late = 0;

	(void)arg;
	if (hane_inspection_counts(hane_ui_db(ui), 0, &open, &late) == 0)
		snprintf(out, outsz, hane_msg(HANE_M_INSP_UI_INFO),
			 (long long)open, (long long)late);
	else
		out[0] = '\0';
}

static int queue_act(struct hane_ui *ui, struct hane_ui_list *l,
		     enum hane_ui_action a, void *arg)
{
	struct queue *q = arg;
	int64_t id = hane_ui_list_selected_id(l);

	switch (a) {
	case HANE_UI_A_OPEN:
		if (id)
			request_page(ui, id);
		break;
	case HANE_UI_A_INSP_NEW: {
		int64_t hid = pick_household(ui), nid = 0;

		if (!hid || hane_ui_quitting(ui))
			break;
		request_new(ui, hid, &nid);
		if (nid) {
			struct hane_inspection r;
			char d[HANE_DATE_LEN + 1];

			if (hane_inspection_get(hane_ui_db(ui), nid, &r) == 0)
				hane_ui_status(ui, false,
					       hane_msg(HANE_M_INSP_UI_CREATED),
					       (long long)nid,
					       dmy(d, r.due_on));
			/* Show it where it now is: the open queue. */
			q->view = VIEW_OPEN;
			hane_ui_title_pop(ui);
			hane_ui_title_push(ui, hane_msg(view_names[q->view]));
			hane_ui_list_select_id(l, nid);
		}
		break;
	}
	case HANE_UI_A_INSP_QUEUE:
		q->view = (enum view)((q->view + 1) % VIEW__N);
		hane_ui_title_pop(ui);
		hane_ui_title_push(ui, hane_msg(view_names[q->view]));
		hane_ui_status(ui, false, hane_msg(HANE_M_INSP_UI_VIEW_SHOWN),
			       hane_msg(view_names[q->view]));
		break;
	default:
		break;
	}
	return HANE_UI_STAY;
}

int hane_ui_inspection_main(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP,	      HANE_UI_A_INSP_NEW, HANE_UI_A_SORT,
		HANE_UI_A_INSP_QUEUE, HANE_UI_A_OPEN,	  HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	const struct hane_actor *who = hane_store_actor(hane_ui_db(ui));
	struct queue q = {0};
	struct hane_ui_list_view v = {
		HANE_UI_COLUMNS(queue_cols), HANE_UI_BAR(acts),
		.fill = queue_fill,	     .act = queue_act,
		.info = queue_info,	     .arg = &q,
	};
	int rc;

	if ((rc = hane_can(hane_ui_db(ui), HANE_ACT_INSPECTION_READ))) {
		hane_ui_error_rc(ui, rc);
		return 0;
	}
	/* An inspector starts with their own queue, everyone else with all
	 * open requests. */
	q.view = !strcmp(who->unit, "inspection") &&
				 !strcmp(who->role, "caseworker")
			 ? VIEW_MINE
			 : VIEW_OPEN;
	/* The shell has pushed the unit's crumb; the list adds the queue's. */
	v.title = hane_msg(view_names[q.view]);
	hane_ui_list_show(ui, &v);
	return 0;
}

/* ---- The household's services panel ---------------------------------------------------- */

struct services {
	struct hane_ui_detail *d;
};

static int service_request(const struct hane_inspection *r, void *arg)
{
	struct services *s = arg;
	char d[HANE_DATE_LEN + 1];

	hane_ui_detail_panel(s->d, hane_msg(HANE_M_INSP_UI_SERVICE_OPEN),
			     hane_date_short(d, r->requested_on, "-"),
			     hane_inspection_label(HANE_INSP_REASON, r->reason),
			     r->overdue ? " ⚠" : "");
	return 0;
}

static int service_aid(const struct hane_inspection_aid *a, void *arg)
{
	struct services *s = arg;
	char d[HANE_DATE_LEN + 1], until[16];

	/* "→12.2026": month and year of the end, as on the sketch. */
	snprintf(until, sizeof until, "%.2s.%.4s", a->end_on + 5, a->end_on);
	hane_ui_detail_panel(s->d, hane_msg(HANE_M_INSP_UI_SERVICE_AID),
			     hane_date_short(d, a->start_on, "-"), until);
	return 0;
}

void hane_ui_inspection_services(struct hane_ui *ui, int64_t household_id,
				 struct hane_ui_detail *d)
{
	struct hane_inspection_filter f = {0};
	struct services s = {d};
	hane_db *db = hane_ui_db(ui);

	/* Staff without inspection.read see nothing here, silently: the
	 * panel is a summary, not a place for refusals. */
	if (hane_can(db, HANE_ACT_INSPECTION_READ) != 0)
		return;
	f.household_id = household_id;
	if (hane_inspection_each(db, &f, service_request, &s, NULL) != 0)
		return;
	if (hane_inspection_aid_each(db, household_id, service_aid, &s) != 0)
		return;
}
