/* Social inspection: visits, the case-note template, decisions, renewals
 * and the running regular aid.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/foodbank.h"
#include "hane/i18n.h"
#include "hane/inspection.h"
#include "hane/perm.h"
#include "hane/record.h"
#include "inspection_int.h"

static int one_of(enum hane_inspection_list l, enum hane_msg field,
		  const char *code, bool required)
{
	if ((!required && !code[0]) || hane_inspection_valid(l, code))
		return 0;
	return hane_inspection_not_one_of(l, hane_msg(field));
}

static int negative(enum hane_msg field)
{
	hane_error_set(hane_msg(HANE_M_INSP_V_NEGATIVE), hane_msg(field));
	return HANE_EINVAL;
}

static int bad_status(const struct hane_inspection *r, const char *want)
{
	hane_error_set(hane_msg(HANE_M_INSP_BAD_STATUS), (long long)r->id,
		       hane_inspection_label(HANE_INSP_STATUS, r->status),
		       hane_inspection_label(HANE_INSP_STATUS, want));
	return HANE_EINVAL;
}

/* A date field: "" becomes today; must be ISO, not before the request
 * and not in the future. */
static int check_date(char d[HANE_DATE_LEN + 1], enum hane_msg field,
		      const struct hane_inspection *r)
{
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];

	hane_today(today);
	if (!d[0])
		strcpy(d, today);
	if (!insp_date_ok(d))
		return hane_field_error(field, hane_msg(HANE_M_DATE_INVALID));
	if (strcmp(d, today) > 0) {
		hane_error_set(hane_msg(HANE_M_INSP_V_FUTURE), hane_msg(field));
		return HANE_EINVAL;
	}
	if (strcmp(d, r->requested_on) < 0) {
		hane_error_set(hane_msg(HANE_M_INSP_V_BEFORE_REQUEST),
			       hane_msg(field),
			       hane_date_format(shown, r->requested_on));
		return HANE_EINVAL;
	}
	return 0;
}

/* ---- Visits ---------------------------------------------------------------- */

void hane_inspection_visit_init(struct hane_inspection_visit *v)
{
	memset(v, 0, sizeof *v);
	v->rent_kurus = v->income_kurus = v->expenses_kurus = -1;
	v->rooms = -1;
}

static int validate_visit(const void *rec)
{
	const struct hane_inspection_visit *v = rec;
	int rc;

	if ((rc = one_of(HANE_INSP_TENURE, HANE_M_INSP_F_TENURE, v->tenure,
			 false)) ||
	    (rc = one_of(HANE_INSP_HEATING, HANE_M_INSP_F_HEATING, v->heating,
			 false)) ||
	    (rc = one_of(HANE_INSP_RECOMMEND, HANE_M_INSP_F_RECOMMEND,
			 v->recommendation, true)))
		return rc;
	if (v->rent_kurus < -1)
		return negative(HANE_M_INSP_F_RENT);
	if (v->rooms < -1)
		return negative(HANE_M_INSP_F_ROOMS);
	if (v->income_kurus < -1)
		return negative(HANE_M_INSP_F_INCOME);
	if (v->expenses_kurus < -1)
		return negative(HANE_M_INSP_F_EXPENSES);
	/* Rent said for an owner is a typing slip that would mislead the
	 * decision; refuse it rather than store it. */
	if (v->rent_kurus > 0 && v->tenure[0] && strcmp(v->tenure, "tenant")) {
		hane_error_set("%s", hane_msg(HANE_M_INSP_V_RENT_OWNER));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_text(HANE_M_INSP_F_PRESENT, v->present,
				  sizeof v->present, HANE_TEXT_MULTILINE)) ||
	    (rc = hane_field_text(HANE_M_INSP_F_HEALTH, v->health,
				  sizeof v->health, HANE_TEXT_MULTILINE)) ||
	    (rc = hane_field_text(HANE_M_INSP_F_DISABILITY, v->disability,
				  sizeof v->disability, HANE_TEXT_MULTILINE)) ||
	    (rc = hane_field_text(HANE_M_INSP_F_FINDINGS, v->findings,
				  sizeof v->findings, HANE_TEXT_MULTILINE)) ||
	    (rc = hane_field_chars(HANE_M_INSP_F_FINDINGS, v->findings,
				   HANE_INSP_NOTE_CHARS)) ||
	    (rc = hane_field_text(HANE_M_INSP_F_NOTE, v->note, sizeof v->note,
				  HANE_TEXT_MULTILINE)) ||
	    (rc = hane_field_chars(HANE_M_INSP_F_NOTE, v->note,
				   HANE_INSP_NOTE_CHARS)))
		return rc;
	return 0;
}

/* ---- The case-note template ------------------------------------------------- */

struct note {
	char buf[HANE_INSP_NOTE_MAX * 2];
	size_t len;
};

static void say(struct note *n, enum hane_msg id, ...)
{
	va_list ap;
	int w;

	if (n->len && n->len < sizeof n->buf - 1)
		n->buf[n->len++] = ' ';
	va_start(ap, id);
	/* Case notes are official records: always Turkish. */
	w = vsnprintf(n->buf + n->len, sizeof n->buf - n->len,
		      hane_msg_in(id, HANE_LANG_TR), ap);
	va_end(ap);
	if (w > 0)
		n->len += (size_t)w;
	if (n->len >= sizeof n->buf)
		n->len = sizeof n->buf - 1;
}

/* Free text as a clause: trimmed, without its own final full stop (the
 * template adds one). */
static const char *clause(char *out, size_t outsz, const char *s)
{
	size_t len;

	snprintf(out, outsz, "%s", s);
	hane_text_trim(out);
	len = strlen(out);
	while (len && (out[len - 1] == '.' || out[len - 1] == ' '))
		out[--len] = '\0';
	return out;
}

static const char *money(char *out, size_t outsz, int64_t k)
{
	return hane_money_format(out, outsz, k, true);
}

/* The household's address, head and size for the note. */
struct note_household {
	char address[512];
	char head[192];
	int members;
};

static int note_household_row(hane_stmt *st, void *arg)
{
	struct note_household *h = arg;
	const char *mah = hane_stmt_text(st, 0);
	const char *street = hane_stmt_text(st, 1);
	const char *bld = hane_stmt_text(st, 2);
	const char *door = hane_stmt_text(st, 3);

	snprintf(h->address, sizeof h->address, "%s%s%s%s%s%s%s%s", mah,
		 mah[0] ? " Mahallesi" : "", mah[0] && street[0] ? ", " : "",
		 street, bld[0] ? " No:" : "", bld, door[0] ? " D:" : "", door);
	HANE_COPY(h->head, hane_stmt_text(st, 4));
	h->members = (int)hane_stmt_int(st, 5);
	return 0;
}

static int note_household(hane_db *db, int64_t request_id,
			  struct note_household *h)
{
	const struct hane_field p[] = {HANE_FINT(":id", request_id)};
	int rc;

	memset(h, 0, sizeof *h);
	rc = hane_store_first(
		db,
		"SELECT coalesce(h.mahalle,''), coalesce(h.street,''),"
		" coalesce(h.building,''), coalesce(h.door,''),"
		" coalesce(p.first_name || ' ' || p.last_name, ''),"
		" (SELECT count(*) FROM person m WHERE m.household_id = h.id)"
		" FROM inspection_request r JOIN household h"
		" ON h.id = r.household_id LEFT JOIN person p ON p.id = "
		"h.head_id"
		" WHERE r.id = :id",
		p, 1, note_household_row, h);
	return hane_store_missing(rc, HANE_M_INSP_NOT_FOUND, request_id);
}

/* A code's word in Turkish, whatever the screen language ("" for a code
 * not in w). */
static const char *word_tr(const struct hane_code *w, size_t n,
			   const char *code)
{
	const struct hane_code *c = hane_code_find(w, n, code);

	return c ? hane_msg_in(c->msg, HANE_LANG_TR) : "";
}

static const struct hane_code heating_words[] = {
	{"stove", HANE_M_INSP_HEATING_STOVE},
	{"gas", HANE_M_INSP_HEATING_GAS},
	{"central", HANE_M_INSP_HEATING_CENTRAL},
	{"electric", HANE_M_INSP_HEATING_ELECTRIC},
};

/* The note's sentence on the tenure (a tenant's rent has one of its
 * own). */
static const struct hane_code tenure_notes[] = {
	{"tenant", HANE_M_INSP_NOTE_TENANT},
	{"owner", HANE_M_INSP_NOTE_OWNER},
	{"rent_free", HANE_M_INSP_NOTE_RENT_FREE},
	{"other", HANE_M_INSP_NOTE_TENURE_OTHER},
};

static const struct hane_code recommend_words[] = {
	{"one_time", HANE_M_INSP_RECOMMEND_ONE_TIME},
	{"regular", HANE_M_INSP_RECOMMEND_REGULAR},
	{"in_kind", HANE_M_INSP_RECOMMEND_IN_KIND},
};

/* The note's sentences on the home: tenure, rooms and heating. */
static void note_home(struct note *n, const struct hane_inspection_visit *v)
{
	const struct hane_code *tenure = hane_code_find(
		tenure_notes, HANE_COUNTOF(tenure_notes), v->tenure);
	char a[64];

	if (!strcmp(v->tenure, "tenant") && v->rent_kurus > 0)
		say(n, HANE_M_INSP_NOTE_TENANT_RENT,
		    money(a, sizeof a, v->rent_kurus));
	else if (tenure)
		say(n, tenure->msg);
	{
		/* "ısınma soba ile sağlanmaktadır": "other" has no such
		 * phrase, and "none" is a sentence of its own. */
		bool named = v->heating[0] && strcmp(v->heating, "none") &&
			     strcmp(v->heating, "other");
		const char *heatw =
			named ? word_tr(heating_words,
					HANE_COUNTOF(heating_words), v->heating)
			      : "";

		if (v->rooms > 0 && named)
			say(n, HANE_M_INSP_NOTE_ROOMS_HEATING, v->rooms, heatw);
		else if (v->rooms > 0)
			say(n, HANE_M_INSP_NOTE_ROOMS, v->rooms);
		else if (named)
			say(n, HANE_M_INSP_NOTE_HEATING, heatw);
		if (!strcmp(v->heating, "none"))
			say(n, HANE_M_INSP_NOTE_NO_HEATING);
	}
}

/* The note's sentence on income and expenses. */
static void note_money(struct note *n, const struct hane_inspection_visit *v)
{
	char a[64], b[64];

	if (v->income_kurus == 0) {
		say(n, HANE_M_INSP_NOTE_NO_INCOME);
		if (v->expenses_kurus >= 0)
			say(n, HANE_M_INSP_NOTE_EXPENSES,
			    money(b, sizeof b, v->expenses_kurus));
	} else if (v->income_kurus > 0 && v->expenses_kurus >= 0) {
		say(n, HANE_M_INSP_NOTE_INCOME_EXPENSES,
		    money(a, sizeof a, v->income_kurus),
		    money(b, sizeof b, v->expenses_kurus));
	} else if (v->income_kurus > 0) {
		say(n, HANE_M_INSP_NOTE_INCOME,
		    money(a, sizeof a, v->income_kurus));
	} else if (v->expenses_kurus >= 0) {
		say(n, HANE_M_INSP_NOTE_EXPENSES,
		    money(b, sizeof b, v->expenses_kurus));
	}
}

/* The inspector's recommendation, in Turkish whatever the screen. */
static void note_recommend(struct note *n,
			   const struct hane_inspection_visit *v)
{
	if (!strcmp(v->recommendation, "reject")) {
		say(n, HANE_M_INSP_NOTE_REJECT);
	} else {
		const char *w =
			word_tr(recommend_words, HANE_COUNTOF(recommend_words),
				v->recommendation);

		if (w[0])
			say(n, HANE_M_INSP_NOTE_RECOMMEND, w);
	}
}

static int compose_note(hane_db *db, const struct hane_inspection_visit *v,
			char *out, size_t outsz)
{
	struct note_household h;
	struct note *n;
	char date[HANE_DATE_LEN + 1], text[HANE_INSP_NOTE_MAX];
	size_t len;
	int rc;

	if (!outsz)
		return HANE_EINVAL;
	if ((rc = note_household(db, v->request_id, &h)))
		return rc;
	n = calloc(1, sizeof *n);
	if (!n)
		return HANE_ENOMEM;
	hane_date_format(date, v->visited_on);
	if (h.address[0])
		say(n, HANE_M_INSP_NOTE_VISIT, date, h.address);
	else
		say(n, HANE_M_INSP_NOTE_VISIT_NOADDR, date);
	if (h.head[0])
		say(n, HANE_M_INSP_NOTE_HEAD, h.head, h.members);
	if (!hane_text_blank(v->present))
		say(n, HANE_M_INSP_NOTE_PRESENT,
		    clause(text, sizeof text, v->present));
	note_home(n, v);
	note_money(n, v);
	if (!hane_text_blank(v->health))
		say(n, HANE_M_INSP_NOTE_HEALTH,
		    clause(text, sizeof text, v->health));
	if (!hane_text_blank(v->disability))
		say(n, HANE_M_INSP_NOTE_DISABILITY,
		    clause(text, sizeof text, v->disability));
	if (!hane_text_blank(v->findings)) {
		clause(text, sizeof text, v->findings);
		say(n, HANE_M_INSP_NOTE_FINDINGS, text);
		if (n->len < sizeof n->buf - 1)
			n->buf[n->len++] = '.';
	}
	note_recommend(n, v);
	n->buf[n->len] = '\0';
	/* Cut to fit without splitting a UTF-8 character. */
	len = n->len;
	if (len >= outsz) {
		len = outsz - 1;
		while (len && ((unsigned char)n->buf[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(out, n->buf, len);
	out[len] = '\0';
	free(n);
	return 0;
}

int hane_inspection_note_fill(hane_db *db,
			      const struct hane_inspection_visit *v, char *out,
			      size_t outsz)
{
	struct hane_inspection_visit c;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_INSPECTION_READ)) ||
	    (rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ)))
		return rc;
	c = *v;
	if (!c.visited_on[0])
		hane_today(c.visited_on);
	return compose_note(db, &c, out, outsz);
}

#define F(...) HANE_FDEF(struct hane_inspection_visit, __VA_ARGS__)
static const struct hane_fdef visit_fields[] = {
	HANE_INSPECTION_VISIT_FIELDS(F) HANE_FDEF_SQL(
		struct hane_inspection_visit, inspector, HANE_FT_TEXT,
		"(SELECT s.full_name FROM staff s WHERE s.id = t.inspector_id)",
		NULL, NULL)};
#undef F
const struct hane_rdef hane_inspection_visit_rdef =
	HANE_RDEF(struct hane_inspection_visit, "inspection_visit",
		  "inspection", visit_fields);

static int bind_request(hane_stmt *st, void *arg)
{
	return hane_stmt_bind_int(st, ":id", *(const int64_t *)arg);
}

/* A visit or a decision: the request's next step. The caller's record is
 * checked, copied (the visit's note is long: on the heap) and written with
 * the request's new status in one transaction, tx. */
struct step_arg {
	int64_t request_id, version, id;
	void *rec;
};

static int step(hane_db *db, enum hane_action act,
		int (*validate)(const void *rec),
		int (*tx)(hane_db *db, void *arg), int64_t request_id,
		int64_t version, const void *rec, size_t size, int64_t *id)
{
	struct step_arg a = {request_id, version, 0, NULL};
	int rc = hane_can(db, act);

	if (id)
		*id = 0;
	if (rc || (rc = validate(rec)))
		return rc;
	if (!(a.rec = malloc(size)))
		return HANE_ENOMEM;
	memcpy(a.rec, rec, size);
	rc = hane_store_tx(db, tx, &a);
	if (rc == 0 && id)
		*id = a.id;
	free(a.rec);
	return rc;
}

/* The request of a step, read in its transaction: in status want, and
 * the step's date (empty: today) in its range. */
static int step_request(hane_db *db, int64_t id, const char *want,
			char date[HANE_DATE_LEN + 1], enum hane_msg field,
			struct hane_inspection *r)
{
	int rc;

	if ((rc = insp_read(db, id, r)))
		return rc;
	if (strcmp(r->status, want))
		return bad_status(r, want);
	return check_date(date, field, r);
}

static int visit_tx(hane_db *db, void *arg)
{
	struct step_arg *a = arg;
	struct hane_inspection_visit *v = a->rec;
	struct hane_inspection r;
	int rc;

	v->request_id = a->request_id; /* the note's template reads it */
	if ((rc = step_request(db, a->request_id, "assigned", v->visited_on,
			       HANE_M_INSP_F_VISITED_ON, &r)))
		return rc;
	if (!v->inspector_id)
		v->inspector_id = r.inspector_id;
	/* A colleague may stand in, but must be an active inspector. */
	if ((rc = insp_check_inspector(db, v->inspector_id)))
		return rc;
	if (hane_text_blank(v->note) &&
	    (rc = compose_note(db, v, v->note, sizeof v->note)))
		return rc;
	/* Empty text and unknown amounts are stored as NULL. */
	v->id = 0;
	v->request_id = a->request_id;
	if ((rc = hane_record_save(db, &hane_inspection_visit_rdef, v, NULL)))
		return rc;
	a->id = v->id;
	strcpy(r.status, "visited");
	return insp_save(db, &r, a->version);
}

int hane_inspection_visit(hane_db *db, int64_t request_id, int64_t version,
			  const struct hane_inspection_visit *v, int64_t *id)
{
	return step(db, HANE_ACT_INSPECTION_WRITE, validate_visit, visit_tx,
		    request_id, version, v, sizeof *v, id);
}

int hane_inspection_visit_get(hane_db *db, int64_t request_id,
			      struct hane_inspection_visit *out)
{
	int rc = hane_can(db, HANE_ACT_INSPECTION_READ);

	if (rc)
		return rc;
	rc = hane_record_find(db, &hane_inspection_visit_rdef,
			      " WHERE t.request_id = :id", bind_request,
			      &request_id, out);
	return hane_store_missing(rc, HANE_M_INSP_NO_VISIT, request_id);
}

/* ---- Decisions ---------------------------------------------------------------- */

void hane_inspection_decision_init(struct hane_inspection_decision *d)
{
	memset(d, 0, sizeof *d);
	d->amount_kurus = -1;
	strcpy(d->outcome, "aid");
}

static int validate_decision(const void *rec)
{
	const struct hane_inspection_decision *d = rec;
	int rc;

	if ((rc = one_of(HANE_INSP_OUTCOME, HANE_M_INSP_F_OUTCOME, d->outcome,
			 true)))
		return rc;
	if (hane_text_blank(d->reason)) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_INSP_F_DECISION_REASON));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_text(HANE_M_INSP_F_DECISION_REASON, d->reason,
				  sizeof d->reason, HANE_TEXT_MULTILINE)))
		return rc;
	if (!strcmp(d->outcome, "rejected")) {
		if (d->aid_type[0] || d->kind[0] || d->amount_kurus >= 0 ||
		    d->start_on[0] || d->end_on[0] || d->frequency[0]) {
			hane_error_set("%s",
				       hane_msg(HANE_M_INSP_V_REJECT_AID));
			return HANE_EINVAL;
		}
		return 0;
	}
	if ((rc = one_of(HANE_INSP_AID_TYPE, HANE_M_INSP_F_AID_TYPE,
			 d->aid_type, true)) ||
	    (rc = one_of(HANE_INSP_KIND, HANE_M_INSP_F_KIND, d->kind, true)))
		return rc;
	if (d->amount_kurus < -1)
		return negative(HANE_M_INSP_F_AMOUNT);
	if (!strcmp(d->kind, "cash") && d->amount_kurus <= 0) {
		hane_error_set("%s", hane_msg(HANE_M_INSP_V_CASH_AMOUNT));
		return HANE_EINVAL;
	}
	if (!strcmp(d->aid_type, "one_time")) {
		if (d->start_on[0] || d->end_on[0] || d->frequency[0]) {
			hane_error_set("%s",
				       hane_msg(HANE_M_INSP_V_ONE_TIME_PERIOD));
			return HANE_EINVAL;
		}
		return 0;
	}
	if (!d->start_on[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_INSP_F_START));
		return HANE_EINVAL;
	}
	if (!d->end_on[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_INSP_F_END));
		return HANE_EINVAL;
	}
	if (!insp_date_ok(d->start_on))
		return hane_field_error(HANE_M_INSP_F_START,
					hane_msg(HANE_M_DATE_INVALID));
	if (!insp_date_ok(d->end_on))
		return hane_field_error(HANE_M_INSP_F_END,
					hane_msg(HANE_M_DATE_INVALID));
	if (strcmp(d->end_on, d->start_on) < 0) {
		hane_error_set("%s", hane_msg(HANE_M_INSP_V_END_BEFORE_START));
		return HANE_EINVAL;
	}
	return one_of(HANE_INSP_FREQUENCY, HANE_M_INSP_F_FREQUENCY,
		      d->frequency, true);
}

#define F(...) HANE_FDEF(struct hane_inspection_decision, __VA_ARGS__)
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_inspection_decision, col, type, expr, NULL,  \
		      NULL)
static const struct hane_fdef decision_fields[] = {
	HANE_INSPECTION_DECISION_FIELDS(F) S(
		decided_by_name, HANE_FT_TEXT,
		"(SELECT s.full_name FROM staff s WHERE s.id = t.decided_by)")
		S(renewed_by, HANE_FT_INT,
		  "(SELECT coalesce(min(n.id), 0) FROM inspection_request n"
		  " WHERE n.renewal_of = t.request_id"
		  " AND n.status <> 'cancelled')")};
#undef F
#undef S
const struct hane_rdef hane_inspection_decision_rdef =
	HANE_RDEF(struct hane_inspection_decision, "inspection_decision",
		  "inspection", decision_fields);

/* What the outcome has no part in is not stored: a rejection's aid, a
 * one-time aid's period. */
static void decision_clean(struct hane_inspection_decision *d)
{
	bool aid = !strcmp(d->outcome, "aid");

	if (!aid) {
		d->aid_type[0] = d->kind[0] = '\0';
		d->amount_kurus = -1;
	}
	if (!aid || strcmp(d->aid_type, "regular")) {
		d->start_on[0] = d->end_on[0] = d->frequency[0] = '\0';
	}
}

#define FOOD_ONE_TIME_DAYS 30

static int decide_tx(hane_db *db, void *arg)
{
	struct step_arg *a = arg;
	struct hane_inspection_decision *d = a->rec;
	struct hane_inspection r;
	bool aid = !strcmp(d->outcome, "aid");
	bool regular = aid && !strcmp(d->aid_type, "regular");
	int rc;

	if ((rc = step_request(db, a->request_id, "visited", d->decided_on,
			       HANE_M_INSP_F_DECIDED_ON, &r)))
		return rc;
	d->decided_by = hane_store_actor(db)->staff_id;
	if (strcmp(d->decided_on, r.visited_on) < 0) {
		char shown[HANE_DATE_LEN + 1];

		hane_error_set(hane_msg(HANE_M_INSP_V_BEFORE_VISIT),
			       hane_date_format(shown, r.visited_on));
		return HANE_EINVAL;
	}
	d->id = 0;
	d->request_id = a->request_id;
	decision_clean(d);
	if ((rc = hane_record_save(db, &hane_inspection_decision_rdef, d,
				   NULL)))
		return rc;
	a->id = d->id;
	/* Food aid is given by the food bank: its referral is written in the
	 * same transaction, so a decision never exists without it. Regular
	 * aid refers for its period; one-time aid for FOOD_ONE_TIME_DAYS,
	 * time enough to collect one package. */
	if (aid && !strcmp(d->kind, "food")) {
		char until[HANE_DATE_LEN + 1];
		const char *from = regular ? d->start_on : d->decided_on;

		if (regular)
			snprintf(until, sizeof until, "%s", d->end_on);
		else if ((rc = hane_inspection_date_add(until, d->decided_on,
							FOOD_ONE_TIME_DAYS)))
			return rc;
		if ((rc = hane_foodbank_refer(db, r.household_id, "inspection",
					      a->id, d->reason, from, until,
					      NULL)))
			return rc;
	}
	strcpy(r.status, "decided");
	return insp_save(db, &r, a->version);
}

int hane_inspection_decide(hane_db *db, int64_t request_id, int64_t version,
			   const struct hane_inspection_decision *d,
			   int64_t *id)
{
	return step(db, HANE_ACT_INSPECTION_DECIDE, validate_decision,
		    decide_tx, request_id, version, d, sizeof *d, id);
}

static int decision_read(hane_db *db, int64_t request_id,
			 struct hane_inspection_decision *out)
{
	int rc = hane_record_find(db, &hane_inspection_decision_rdef,
				  " WHERE t.request_id = :id", bind_request,
				  &request_id, out);

	return hane_store_missing(rc, HANE_M_INSP_NO_DECISION, request_id);
}

int hane_inspection_decision_get(hane_db *db, int64_t request_id,
				 struct hane_inspection_decision *out)
{
	int rc = hane_can(db, HANE_ACT_INSPECTION_READ);

	if (rc)
		return rc;
	return decision_read(db, request_id, out);
}

/* ---- Renewal ---------------------------------------------------------------------- */

struct renew_arg {
	int64_t request_id, id;
};

static int renew_tx(hane_db *db, void *arg)
{
	struct renew_arg *a = arg;
	struct hane_inspection old, r;
	struct hane_inspection_decision d;
	struct hane_inspection_settings s;
	char today[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = insp_read(db, a->request_id, &old)))
		return rc;
	rc = decision_read(db, a->request_id, &d);
	if (rc && rc != HANE_ENOTFOUND)
		return rc;
	if (rc == HANE_ENOTFOUND || strcmp(d.outcome, "aid") ||
	    strcmp(d.aid_type, "regular") || !strcmp(old.status, "cancelled")) {
		hane_error_set(hane_msg(HANE_M_INSP_NOT_REGULAR),
			       (long long)a->request_id);
		return HANE_EINVAL;
	}
	if (d.renewed_by) {
		hane_error_set(hane_msg(HANE_M_INSP_ALREADY_RENEWED),
			       (long long)a->request_id,
			       (long long)d.renewed_by);
		return HANE_EEXIST;
	}
	hane_inspection_init(&r);
	r.household_id = old.household_id;
	strcpy(r.channel, "renewal");
	strcpy(r.reason, old.reason);
	snprintf(r.reason_text, sizeof r.reason_text, "%s", old.reason_text);
	r.renewal_of = old.id;
	if ((rc = insp_validate_request(db, &r)))
		return rc;
	if ((rc = insp_settings_read(db, &s)))
		return rc;
	/* The re-inspection is due before the aid runs out, but never in
	 * the past. */
	if ((rc = hane_inspection_date_add(r.due_on, r.requested_on,
					   s.due_days_normal)))
		return rc;
	if (strcmp(d.end_on, r.due_on) < 0)
		snprintf(r.due_on, sizeof r.due_on, "%s", d.end_on);
	hane_today(today);
	if (strcmp(r.due_on, today) < 0)
		strcpy(r.due_on, today);
	return insp_insert_request(db, &r, &a->id);
}

int hane_inspection_renew(hane_db *db, int64_t request_id, int64_t *id)
{
	struct renew_arg a = {request_id, 0};
	int rc = hane_can(db, HANE_ACT_INSPECTION_WRITE);

	if (id)
		*id = 0;
	if (rc)
		return rc;
	rc = hane_store_tx(db, renew_tx, &a);
	if (rc == 0 && id)
		*id = a.id;
	return rc;
}

/* ---- Running regular aid --------------------------------------------------------- */

struct aid_each {
	int (*fn)(const struct hane_inspection_aid *a, void *arg);
	void *arg;
	const char *today;
	int renewal_days;
};

static int aid_row(hane_stmt *st, void *arg)
{
	const struct aid_each *e = arg;
	struct hane_inspection_aid a;

	memset(&a, 0, sizeof a);
	a.request_id = hane_stmt_int(st, 0);
	a.household_id = hane_stmt_int(st, 1);
	HANE_COPY(a.head_name, hane_stmt_text(st, 2));
	HANE_COPY(a.mahalle, hane_stmt_text(st, 3));
	HANE_COPY(a.kind, hane_stmt_text(st, 4));
	a.amount_kurus = hane_stmt_int(st, 5);
	HANE_COPY(a.frequency, hane_stmt_text(st, 6));
	HANE_COPY(a.start_on, hane_stmt_text(st, 7));
	HANE_COPY(a.end_on, hane_stmt_text(st, 8));
	a.renewed_by = hane_stmt_int(st, 9);
	a.days_left = hane_inspection_days_between(e->today, a.end_on);
	a.renewal_due = !a.renewed_by && a.days_left <= e->renewal_days;
	return e->fn(&a, e->arg) ? 1 : 0;
}

int hane_inspection_aid_each(hane_db *db, int64_t household_id,
			     int (*fn)(const struct hane_inspection_aid *a,
				       void *arg),
			     void *arg)
{
	struct hane_inspection_settings s;
	char today[HANE_DATE_LEN + 1] = "";
	const struct hane_field p[] = {HANE_FTEXT(":today", today),
				       HANE_FINT(":hh", household_id)};
	struct aid_each e = {fn, arg, today, 0};
	int rc = hane_inspection_settings_get(db, &s);

	if (rc)
		return rc;
	hane_today(today);
	e.renewal_days = s.renewal_days;
	return hane_store_each(
		db,
		"SELECT r.id, r.household_id,"
		" coalesce(p.first_name || ' ' || p.last_name, ''),"
		" coalesce(h.mahalle,''), d.kind, coalesce(d.amount_kurus,-1),"
		" coalesce(d.frequency,''), d.start_on, d.end_on,"
		" coalesce((SELECT min(n.id) FROM inspection_request n"
		"  WHERE n.renewal_of = r.id AND n.status <> 'cancelled'), 0)"
		" FROM inspection_decision d"
		" JOIN inspection_request r ON r.id = d.request_id"
		" JOIN household h ON h.id = r.household_id"
		" LEFT JOIN person p ON p.id = h.head_id"
		" WHERE d.outcome = 'aid' AND d.aid_type = 'regular'"
		" AND d.start_on <= :today AND d.end_on >= :today"
		" AND r.status <> 'cancelled'"
		" AND (:hh = 0 OR r.household_id = :hh)"
		" ORDER BY d.end_on, r.id",
		p, 2, aid_row, &e);
}
