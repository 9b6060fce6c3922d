/* Merkezler: memberships and their ends, check-in and check-out, the day
 * per site (hane/centres.h says the rules).
 *
 * A membership runs on day d when start <= d and it has no end or ends
 * after d: on its end day the place is free and nobody checks in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centres_int.h"
#include "hane/record.h"
#include "hane/security.h"

/* ---- Descriptors ------------------------------------------------------------ */

#define PERSON_OF(what)                                                        \
	"(SELECT " what " FROM person x WHERE x.id = t.person_id)"
#define SITE_NAME "(SELECT s.name FROM centre_site s WHERE s.id = t.site_id)"
#define MEMBER_READ(S)                                                         \
	S(person_name, HANE_FT_TEXT,                                           \
	  PERSON_OF("x.first_name || ' ' || x.last_name"))                     \
	S(tckn, HANE_FT_TEXT, PERSON_OF("coalesce(x.tckn, '')"))               \
	S(birth_date, HANE_FT_TEXT, PERSON_OF("coalesce(x.birth_date, '')"))   \
	S(site_name, HANE_FT_TEXT, SITE_NAME)                                  \
	S(programme_code, HANE_FT_TEXT,                                        \
	  "(SELECT p.code FROM centre_programme p"                             \
	  " WHERE p.id = t.programme_id)")                                     \
	S(programme_kind, HANE_FT_TEXT,                                        \
	  "(SELECT p.kind FROM centre_programme p"                             \
	  " WHERE p.id = t.programme_id)")                                     \
	S(visits, HANE_FT_INT,                                                 \
	  "(SELECT count(*) FROM centre_visit v WHERE v.member_id = t.id)")
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_centre_member, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_centre_member, __VA_ARGS__)
static const struct hane_fdef member_fields[] = {HANE_CENTRE_MEMBER_FIELDS(F)
							 MEMBER_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_centre_member_rdef = HANE_RDEF(
	struct hane_centre_member, "centre_member", "centres", member_fields);

#define VISIT_READ(S)                                                          \
	S(person_name, HANE_FT_TEXT,                                           \
	  PERSON_OF("x.first_name || ' ' || x.last_name"))                     \
	S(site_name, HANE_FT_TEXT, SITE_NAME)                                  \
	S(programme_code, HANE_FT_TEXT,                                        \
	  "(SELECT p.code FROM centre_site s JOIN centre_programme p"          \
	  " ON p.id = s.programme_id WHERE s.id = t.site_id)")
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_centre_visit, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_centre_visit, __VA_ARGS__)
static const struct hane_fdef visit_fields[] = {HANE_CENTRE_VISIT_FIELDS(F)
							VISIT_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_centre_visit_rdef = HANE_RDEF(
	struct hane_centre_visit, "centre_visit", "centres", visit_fields);

/* ---- Reading a membership ------------------------------------------------------ */

/* Today's open check-in of m into m->in_since ("" none). */
static int fill_in_since(hane_db *db, struct hane_centre_member *m)
{
	char today[HANE_DATE_LEN + 1];
	struct hane_centre_visit v;
	struct hane_field p[] = {HANE_FINT(":m", m->id),
				 HANE_FTEXT(":d", hane_today(today))};
	int rc = hane_record_first(db, &hane_centre_visit_rdef,
				   " WHERE t.member_id = :m AND t.date = :d"
				   " AND t.time_out IS NULL"
				   " ORDER BY t.id DESC LIMIT 1",
				   p, 2, &v);

	m->in_since[0] = '\0';
	if (rc == 0)
		HANE_COPY(m->in_since, v.time_in);
	return rc == HANE_ENOTFOUND ? 0 : rc;
}

int hane_centre_member_get(hane_db *db, int64_t id,
			   struct hane_centre_member *out)
{
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (rc == 0)
		rc = hane_store_missing(
			hane_record_get(db, &hane_centre_member_rdef, id, out),
			HANE_M_CEN_NO_MEMBER, id);
	if (rc == 0)
		rc = hane_centre_programme_allowed(db, out->programme_id);
	return rc ? rc : fill_in_since(db, out);
}

struct member_walk {
	hane_db *db;
	int (*fn)(const struct hane_centre_member *m, void *arg);
	void *arg;
	const char *query; /* folded words, or digits */
	int limit, n;
};

/* True when m matches q: every folded word starts a word of the name,
 * or q (digits) ends the TC Kimlik No. */
static bool member_matches(const struct hane_centre_member *m, const char *q)
{
	char name[2 * 96 + 2] = " ", words[128], *save = NULL, *w;
	size_t ql = strlen(q), tl = strlen(m->tckn);
	bool digits = ql > 0;

	for (const char *c = q; *c; c++)
		digits = digits && *c >= '0' && *c <= '9';
	if (digits)
		return tl >= ql && strcmp(m->tckn + tl - ql, q) == 0;
	hane_text_fold(name + 1, sizeof name - 1, m->person_name);
	HANE_COPY(words, q);
	for (w = strtok_r(words, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		char k[132];

		snprintf(k, sizeof k, " %s", w);
		if (!strstr(name, k))
			return false;
	}
	return true;
}

static int member_row(const void *rec, void *arg)
{
	struct member_walk *w = arg;
	struct hane_centre_member m = *(const struct hane_centre_member *)rec;
	int rc;

	if (w->query[0] && !member_matches(&m, w->query))
		return 0;
	if (w->limit > 0 && w->n >= w->limit)
		return 1;
	w->n++;
	if ((rc = fill_in_since(w->db, &m)) != 0)
		return rc;
	return w->fn(&m, w->arg);
}

/* The running/ended/both walk shared by the lists: rows of the tail's
 * WHERE (parameters as bound here), matched against query in C (the
 * Turkish folding stays in core). */
static int member_walk(hane_db *db, const struct hane_centre_member_filter *f,
		       int (*fn)(const struct hane_centre_member *m, void *arg),
		       void *arg)
{
	char day[HANE_DATE_LEN + 1], q[128] = "";
	struct member_walk w = {db, fn, arg, q, f->limit, 0};
	struct hane_field p[7];
	int rc;

	HANE_COPY(day, f->date ? f->date : "");
	if ((rc = hane_field_day(HANE_M_CEN_F_DATE, day, true)) != 0)
		return rc;
	hane_text_fold(q, sizeof q, f->query ? f->query : "");
	hane_text_trim(q);
	cen_visible_params(db, p);
	p[2] = (struct hane_field)HANE_FINT(":g", f->programme_id);
	p[3] = (struct hane_field)HANE_FINT(":s", f->site_id);
	p[4] = (struct hane_field)HANE_FINT(":p", f->person_id);
	p[5] = (struct hane_field)HANE_FINT(":st", f->state);
	p[6] = (struct hane_field)HANE_FTEXT(":d", day);
	rc = hane_record_list(
		db, &hane_centre_member_rdef,
		" WHERE (:g = 0 OR t.programme_id = :g)"
		" AND (:s = 0 OR t.site_id = :s)"
		" AND (:p = 0 OR t.person_id = :p)"
		" AND CASE :st WHEN 0 THEN t.start <= :d AND (t.end_date IS "
		"NULL"
		" OR t.end_date > :d) WHEN 1 THEN t.end_date IS NOT NULL"
		" ELSE 1 END"
		" AND " CEN_VISIBLE(
			"t.programme_id") " ORDER BY t.end_date IS NOT NULL, "
					  "(SELECT x.first_name || ' '"
					  " || x.last_name FROM person x WHERE "
					  "x.id = t.person_id)"
					  " COLLATE TURKISH, t.start DESC, "
					  "t.id",
		p, 7, member_row, &w);
	return rc > 0 ? 0 : rc;
}

int hane_centre_member_each(
	hane_db *db, const struct hane_centre_member_filter *f,
	int (*fn)(const struct hane_centre_member *m, void *arg), void *arg)
{
	struct hane_centre_member_filter none = {0};
	int rc;

	if (!f)
		f = &none;
	if ((rc = cen_site_allowed(db, f->site_id)) != 0 ||
	    (rc = cen_can(db, HANE_ACT_CENTRES_READ, f->programme_id)) != 0 ||
	    (rc = hane_gate_list(db, "centres.members")) != 0)
		return rc;
	return member_walk(db, f, fn, arg);
}

struct count_arg {
	int n;
	int (*fn)(const struct hane_centre_member *m, void *arg);
	void *arg;
};

static int count_row(const struct hane_centre_member *m, void *arg)
{
	struct count_arg *c = arg;

	c->n++;
	return c->fn(m, c->arg);
}

int hane_centre_member_search(
	hane_db *db, int64_t site_id, const char *query, int limit,
	int (*fn)(const struct hane_centre_member *m, void *arg), void *arg)
{
	struct hane_centre_site s;
	struct hane_centre_member_filter f = {0};
	struct count_arg c = {0, fn, arg};
	const char *q = query ? query : "";
	bool digits = *q != '\0', letters = false;
	int rc;

	if ((rc = hane_centre_site_get(db, site_id, &s)) != 0 ||
	    (rc = hane_centre_programme_allowed(db, s.programme_id)) != 0)
		return rc;
	for (const char *k = q; *k; k++) {
		if (*k >= '0' && *k <= '9')
			continue;
		digits = false;
		if (*k != ' ')
			letters = true;
	}
	f.site_id = site_id;
	f.query = q;
	f.limit = limit > 0 ? limit : 50;
	if ((rc = member_walk(db, &f, count_row, &c)) != 0)
		return rc;
	if (!*q)
		return hane_gate_list(db, "centres.checkin");
	return hane_gate_search(db,
				digits	  ? "digits"
				: letters ? "name"
					  : "name+digits",
				strlen(q), c.n);
}

struct first_arg {
	struct hane_centre_member m;
	int64_t not_site; /* 0: any */
	bool found;
};

static int first_row(const struct hane_centre_member *m, void *arg)
{
	struct first_arg *f = arg;

	if (f->not_site && m->site_id == f->not_site)
		return 0;
	f->m = *m;
	f->found = true;
	return 1;
}

int hane_centre_search_refusal(hane_db *db, int64_t site_id, const char *query)
{
	struct hane_centre_member_filter f = {0};
	struct first_arg a;
	char shown[HANE_DATE_LEN + 1], why[512];
	int rc;

	if ((rc = cen_site_allowed(db, site_id)) != 0 ||
	    (rc = hane_can(db, HANE_ACT_CENTRES_READ)) != 0)
		return rc;
	if (!query || hane_text_blank(query))
		return HANE_ENOTFOUND;
	memset(&a, 0, sizeof a);
	f.site_id = site_id;
	f.state = 1;
	f.query = query;
	if ((rc = member_walk(db, &f, first_row, &a)) != 0)
		return rc;
	if (a.found) {
		snprintf(why, sizeof why, hane_msg(HANE_M_CEN_CHECKIN_ENDED),
			 a.m.person_name, hane_date_format(shown, a.m.end_date),
			 hane_centre_label(HANE_CENTRE_END_REASON,
					   a.m.end_reason));
	} else {
		f.site_id = 0;
		f.state = 0;
		a.not_site = site_id;
		if ((rc = member_walk(db, &f, first_row, &a)) != 0)
			return rc;
		if (!a.found)
			return HANE_ENOTFOUND;
		snprintf(why, sizeof why,
			 hane_msg(HANE_M_CEN_CHECKIN_OTHER_SITE),
			 a.m.person_name, a.m.site_name);
	}
	/* The sentence names a person: a read, logged before it is shown. */
	if ((rc = hane_gate_view(db, "centres.checkin", "person",
				 a.m.person_id)) != 0)
		return rc;
	hane_error_set("%s", why);
	return HANE_EPERM;
}

int hane_centre_of_person(hane_db *db, int64_t person_id,
			  int (*fn)(const struct hane_centre_member *m,
				    void *arg),
			  void *arg)
{
	struct hane_centre_member_filter f = {0};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_READ)) != 0 ||
	    (rc = hane_gate_view(db, "centres.person", "person", person_id)) !=
		    0)
		return rc;
	f.person_id = person_id;
	f.state = 2;
	return member_walk(db, &f, fn, arg);
}

/* ---- Opening and ending ------------------------------------------------------------ */

int cen_member_open(hane_db *db, struct hane_centre_member *m, int64_t except)
{
	struct hane_centre_site s;
	int rc;

	if ((rc = hane_centre_site_get(db, m->site_id, &s)) != 0)
		return rc;
	m->programme_id = s.programme_id;
	if ((rc = cen_one_open(db, m->person_id, m->programme_id, except)) != 0)
		return rc;
	if (s.capacity > 0 && s.members >= s.capacity) {
		hane_error_set(hane_msg(HANE_M_CEN_FULL), s.name,
			       (long long)s.members, s.capacity);
		return HANE_EPERM;
	}
	m->id = 0;
	m->version = 0;
	m->end_date[0] = m->end_reason[0] = '\0';
	return hane_record_save(db, &hane_centre_member_rdef, m, NULL);
}

static int member_add_tx(hane_db *db, void *arg)
{
	return cen_member_open(db, arg, 0);
}

int cen_member_check(hane_db *db, struct hane_centre_member *m)
{
	struct hane_centre_site s;
	struct hane_field p = HANE_FINT(":p", m->person_id);
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0 ||
	    (rc = hane_centre_site_get(db, m->site_id, &s)) != 0 ||
	    (rc = hane_centre_programme_allowed(db, s.programme_id)) != 0)
		return rc;
	if (!s.active) {
		hane_error_set(hane_msg(HANE_M_CEN_SITE_INACTIVE), s.name);
		return HANE_EINVAL;
	}
	m->programme_id = s.programme_id;
	hane_text_trim(m->term);
	hane_text_trim(m->notes);
	if ((rc = hane_field_day(HANE_M_CEN_F_START, m->start, false)) != 0 ||
	    (rc = hane_field_text(HANE_M_CEN_F_TERM, m->term, sizeof m->term,
				  HANE_TEXT_LINE)) != 0 ||
	    (rc = hane_field_text(HANE_M_CEN_F_NOTES, m->notes, sizeof m->notes,
				  HANE_TEXT_MULTILINE)) != 0)
		return rc;
	rc = hane_store_first(db, "SELECT 1 FROM person WHERE id = :p", &p, 1,
			      NULL, NULL);
	if ((rc = hane_store_missing(rc, HANE_M_CEN_NO_PERSON, m->person_id)) !=
	    0)
		return rc;
	m->application_id = 0;
	if ((rc = cen_one_open(db, m->person_id, m->programme_id, 0)) != 0)
		return rc;
	if (s.capacity > 0 && s.members >= s.capacity) {
		hane_error_set(hane_msg(HANE_M_CEN_FULL), s.name,
			       (long long)s.members, s.capacity);
		return HANE_EPERM;
	}
	return 0;
}

int hane_centre_member_add(hane_db *db, struct hane_centre_member *m)
{
	int rc = cen_member_check(db, m);

	if (rc == 0 && (rc = hane_store_tx(db, member_add_tx, m)) != 0)
		m->id = 0;
	return rc;
}

struct end_arg {
	struct hane_centre_member m;
	int64_t version;
	const char *date, *reason;
	char notes[HANE_CENTRE_TEXT];
};

static int end_tx(hane_db *db, void *arg)
{
	struct end_arg *e = arg;
	struct hane_field f[] = {
		HANE_FTEXT("end_date", e->date),
		HANE_FTEXT("end_reason", e->reason),
		HANE_FTEXT("notes", e->notes[0] ? e->notes : NULL),
	};
	struct hane_field p[] = {HANE_FINT(":m", e->m.id),
				 HANE_FTEXT(":d", e->date)};
	int64_t open[2] = {0, 0};
	int rc = hane_store_update(db, "centre_member", e->m.id,
				   e->version ? e->version : e->m.version, f,
				   HANE_COUNTOF(f), NULL);

	if (rc)
		return rc;
	/* Someone still in on the day it ends is checked out then. */
	rc = hane_store_ints(db,
			     "SELECT id, version FROM centre_visit"
			     " WHERE member_id = :m AND date = :d"
			     " AND time_out IS NULL ORDER BY id LIMIT 1",
			     p, 2, open, 2);
	if (rc == HANE_ENOTFOUND)
		return 0;
	if (rc == 0) {
		char t[HANE_CENTRE_TIME] = "";
		struct hane_field o = HANE_FTEXT("time_out", t);

		if ((rc = cen_time(t, HANE_M_CEN_F_OUT)) != 0)
			return rc;
		rc = hane_store_update(db, "centre_visit", open[0], open[1], &o,
				       1, NULL);
	}
	return rc;
}

int hane_centre_member_end(hane_db *db, int64_t id, int64_t version,
			   const char *date, const char *reason,
			   const char *notes,
			   struct hane_centre_application *next)
{
	struct end_arg e;
	char day[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];
	const char *r;
	int rc;

	if (next)
		memset(next, 0, sizeof *next);
	memset(&e, 0, sizeof e);
	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0 ||
	    (rc = hane_centre_member_get(db, id, &e.m)) != 0)
		return rc;
	if (e.m.end_date[0]) {
		hane_error_set(hane_msg(HANE_M_CEN_ENDED),
			       hane_date_format(shown, e.m.end_date),
			       hane_centre_label(HANE_CENTRE_END_REASON,
						 e.m.end_reason));
		return HANE_EINVAL;
	}
	if (!(r = hane_centre_parse(HANE_CENTRE_END_REASON, reason))) {
		hane_error_set(hane_msg(HANE_M_CEN_BAD_END_REASON),
			       reason ? reason : "");
		return HANE_EINVAL;
	}
	HANE_COPY(day, date ? date : "");
	if ((rc = hane_field_day(HANE_M_CEN_F_END, day, false)) != 0)
		return rc;
	if (strcmp(day, e.m.start) < 0) {
		hane_error_set(hane_msg(HANE_M_CEN_END_BEFORE_START),
			       hane_date_format(shown, e.m.start));
		return HANE_EINVAL;
	}
	if (notes && !hane_text_blank(notes)) {
		size_t had = strlen(e.m.notes);

		if (had + 1 + strlen(notes) >= sizeof e.notes) {
			hane_error_set(hane_msg(HANE_M_V_TOO_LONG),
				       hane_msg(HANE_M_CEN_F_NOTES),
				       (int)(sizeof e.notes - 2 - had));
			return HANE_EINVAL;
		}
		HANE_COPY(e.notes, e.m.notes);
		if (had)
			strcat(e.notes, "\n");
		strcat(e.notes, notes);
		if ((rc = hane_field_text(HANE_M_CEN_F_NOTES, e.notes,
					  sizeof e.notes,
					  HANE_TEXT_MULTILINE)) != 0)
			return rc;
	} else {
		HANE_COPY(e.notes, e.m.notes);
	}
	e.version = version;
	e.date = day;
	e.reason = r;
	if ((rc = hane_store_tx(db, end_tx, &e)) != 0)
		return rc;
	if (next) {
		rc = hane_centre_next_waiting(db, e.m.site_id, next);
		if (rc == HANE_ENOTFOUND) {
			memset(next, 0, sizeof *next);
			rc = 0;
		}
	}
	return rc;
}

/* ---- Check-in and check-out ------------------------------------------------------------ */

static int open_visit(hane_db *db, int64_t member_id, const char *day,
		      struct hane_centre_visit *v)
{
	struct hane_field p[] = {HANE_FINT(":m", member_id),
				 HANE_FTEXT(":d", day)};

	return hane_record_first(db, &hane_centre_visit_rdef,
				 " WHERE t.member_id = :m AND t.date = :d"
				 " AND t.time_out IS NULL"
				 " ORDER BY t.id DESC LIMIT 1",
				 p, 2, v);
}

struct checkin_arg {
	struct hane_centre_visit v;
	const char *person;
};

static int checkin_tx(hane_db *db, void *arg)
{
	struct checkin_arg *c = arg;
	struct hane_centre_visit old;
	int rc = open_visit(db, c->v.member_id, c->v.date, &old);

	if (rc == 0) {
		hane_error_set(hane_msg(HANE_M_CEN_STILL_IN), c->person,
			       old.time_in);
		return HANE_EPERM;
	}
	if (rc != HANE_ENOTFOUND)
		return rc;
	return hane_record_save(db, &hane_centre_visit_rdef, &c->v, NULL);
}

int cen_checkin_check(hane_db *db, int64_t member_id, int64_t site_id,
		      struct hane_centre_visit *v, struct hane_centre_member *m,
		      enum cen_part *part)
{
	struct hane_centre_visit old;
	char shown[HANE_DATE_LEN + 1];
	enum cen_part dummy;
	int rc;

	if (!part)
		part = &dummy;
	*part = CEN_PART_WHO;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0 ||
	    (rc = hane_centre_member_get(db, member_id, m)) != 0)
		return rc;
	if (strcmp(m->programme_kind, "session") == 0 ||
	    strcmp(m->programme_kind, "placement") == 0) {
		hane_error_set(
			hane_msg(HANE_M_CEN_NO_CHECKIN),
			hane_centre_label(HANE_CENTRE_KIND, m->programme_kind));
		return HANE_EINVAL;
	}
	*part = CEN_PART_DAY;
	if ((rc = hane_field_day(HANE_M_CEN_F_DATE, v->date, false)) != 0)
		return rc;
	*part = CEN_PART_TIME;
	if ((rc = cen_time(v->time_in, HANE_M_CEN_F_IN)) != 0)
		return rc;
	*part = CEN_PART_DAY;
	if (m->end_date[0] && strcmp(m->end_date, v->date) <= 0) {
		hane_error_set(hane_msg(HANE_M_CEN_CHECKIN_ENDED),
			       m->person_name,
			       hane_date_format(shown, m->end_date),
			       hane_centre_label(HANE_CENTRE_END_REASON,
						 m->end_reason));
		return HANE_EPERM;
	}
	if (strcmp(m->start, v->date) > 0) {
		hane_error_set(hane_msg(HANE_M_CEN_CHECKIN_NOT_YET),
			       m->person_name,
			       hane_date_format(shown, m->start));
		return HANE_EPERM;
	}
	*part = CEN_PART_WHO;
	if (site_id && site_id != m->site_id) {
		hane_error_set(hane_msg(HANE_M_CEN_CHECKIN_OTHER_SITE),
			       m->person_name, m->site_name);
		return HANE_EPERM;
	}
	*part = CEN_PART_TIME;
	if ((rc = open_visit(db, m->id, v->date, &old)) == 0) {
		hane_error_set(hane_msg(HANE_M_CEN_STILL_IN), m->person_name,
			       old.time_in);
		return HANE_EPERM;
	}
	if (rc != HANE_ENOTFOUND)
		return rc;
	v->member_id = m->id;
	v->person_id = m->person_id;
	v->site_id = m->site_id;
	return 0;
}

int hane_centre_checkin(hane_db *db, int64_t member_id, int64_t site_id,
			const char *date, const char *time, int64_t *visit_id)
{
	struct hane_centre_member m;
	struct checkin_arg c;
	int rc;

	if (visit_id)
		*visit_id = 0;
	memset(&c, 0, sizeof c);
	HANE_COPY(c.v.date, date ? date : "");
	HANE_COPY(c.v.time_in, time ? time : "");
	if ((rc = cen_checkin_check(db, member_id, site_id, &c.v, &m, NULL)) !=
	    0)
		return rc;
	c.person = m.person_name;
	if ((rc = hane_store_tx(db, checkin_tx, &c)) != 0)
		return rc;
	if (visit_id)
		*visit_id = c.v.id;
	return 0;
}

int hane_centre_checkout(hane_db *db, int64_t member_id, const char *date,
			 const char *time)
{
	struct hane_centre_member m;
	struct hane_centre_visit v;
	char day[HANE_DATE_LEN + 1], t[HANE_CENTRE_TIME];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0 ||
	    (rc = hane_centre_member_get(db, member_id, &m)) != 0)
		return rc;
	HANE_COPY(day, date ? date : "");
	HANE_COPY(t, time ? time : "");
	if ((rc = hane_field_day(HANE_M_CEN_F_DATE, day, false)) != 0 ||
	    (rc = cen_time(t, HANE_M_CEN_F_OUT)) != 0)
		return rc;
	if ((rc = open_visit(db, member_id, day, &v)) == HANE_ENOTFOUND) {
		hane_error_set(hane_msg(HANE_M_CEN_NOT_IN), m.person_name);
		return rc;
	}
	if (rc)
		return rc;
	if (strcmp(t, v.time_in) < 0) {
		hane_error_set(hane_msg(HANE_M_CEN_OUT_BEFORE_IN), t,
			       v.time_in);
		return HANE_EINVAL;
	}
	{
		struct hane_field f = HANE_FTEXT("time_out", t);

		if ((rc = hane_store_begin(db)) != 0)
			return rc;
		rc = hane_store_update(db, "centre_visit", v.id, v.version, &f,
				       1, NULL);
		return hane_store_end(db, rc);
	}
}

HANE_RECORD_EACH_FN(visit, struct hane_centre_visit)

int hane_centre_visit_each(hane_db *db, int64_t site_id, const char *date,
			   int (*fn)(const struct hane_centre_visit *v,
				     void *arg),
			   void *arg)
{
	struct visit_each e = {fn, arg};
	char day[HANE_DATE_LEN + 1];
	struct hane_field p[4];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_READ)) != 0)
		return rc;
	if (site_id) {
		struct hane_centre_site s;

		if ((rc = hane_centre_site_get(db, site_id, &s)) != 0 ||
		    (rc = hane_centre_programme_allowed(db, s.programme_id)) !=
			    0)
			return rc;
	}
	HANE_COPY(day, date ? date : "");
	if ((rc = hane_field_day(HANE_M_CEN_F_DATE, day, true)) != 0 ||
	    (rc = hane_gate_list(db, "centres.today")) != 0)
		return rc;
	cen_visible_params(db, p);
	p[2] = (struct hane_field)HANE_FINT(":s", site_id);
	p[3] = (struct hane_field)HANE_FTEXT(":d", day);
	return hane_record_list(
		db, &hane_centre_visit_rdef,
		" WHERE t.date = :d AND (:s = 0 OR t.site_id = :s)"
		" AND " CEN_VISIBLE(
			"(SELECT s.programme_id FROM centre_site s"
			" WHERE s.id = t.site_id)") " ORDER BY t.site_id, "
						    "t.time_in, t.id",
		p, 4, visit_call, &e);
}

static void read_day(hane_stmt *st, struct hane_centre_day *d)
{
	d->site_id = hane_stmt_int(st, 0);
	HANE_COPY(d->site_name, hane_stmt_text(st, 1));
	HANE_COPY(d->programme_code, hane_stmt_text(st, 2));
	d->checked_in = hane_stmt_int(st, 3);
	d->still_in = hane_stmt_int(st, 4);
	d->members = hane_stmt_int(st, 5);
	d->capacity = (int)hane_stmt_int(st, 6);
}

HANE_STORE_EACH_ROW(day, struct hane_centre_day, read_day)

int hane_centre_day_each(hane_db *db, const char *date,
			 int (*fn)(const struct hane_centre_day *d, void *arg),
			 void *arg)
{
	struct day_each e = {fn, arg};
	char day[HANE_DATE_LEN + 1];
	struct hane_field p[3];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_READ)) != 0)
		return rc;
	HANE_COPY(day, date ? date : "");
	if ((rc = hane_field_day(HANE_M_CEN_F_DATE, day, true)) != 0)
		return rc;
	cen_visible_params(db, p);
	p[2] = (struct hane_field)HANE_FTEXT(":d", day);
	return hane_store_each(
		db,
		"SELECT s.id, s.name, p.code,"
		" (SELECT count(*) FROM centre_visit v WHERE v.site_id = s.id"
		"  AND v.date = :d),"
		" (SELECT count(*) FROM centre_visit v WHERE v.site_id = s.id"
		"  AND v.date = :d AND v.time_out IS NULL),"
		" (SELECT count(*) FROM centre_member m WHERE m.site_id = s.id"
		"  AND m.start <= :d AND (m.end_date IS NULL"
		"  OR m.end_date > :d)),"
		" s.capacity"
		" FROM centre_site s JOIN centre_programme p"
		" ON p.id = s.programme_id"
		" WHERE s.active = 1 AND p.kind IN ('membership', 'enrolment')"
		" AND " CEN_VISIBLE(
			"p.id") " ORDER BY p.id, s.name COLLATE TURKISH, s.id",
		p, 3, day_row, &e);
}
