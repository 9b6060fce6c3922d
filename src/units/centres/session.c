/* Merkezler: the session kind — sessions at a site and the members'
 * bookings (hane/centres_sp.h says the rules).
 *
 * A session's "ended" is its day and end time against the clock
 * (hane_now), so a session running now can still take a walk-in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/record.h"

#include "centres_int.h"
#include "csp_int.h"

/* ---- Descriptors ---------------------------------------------------------------- */

#define SESSION_READ(S)                                                        \
	S(site_code, HANE_FT_TEXT,                                             \
	  "coalesce((SELECT s.code FROM centre_site s"                         \
	  " WHERE s.id = t.site_id), '')")                                     \
	S(site_name, HANE_FT_TEXT,                                             \
	  "coalesce((SELECT s.name FROM centre_site s"                         \
	  " WHERE s.id = t.site_id), '')")                                     \
	S(programme_id, HANE_FT_INT,                                           \
	  "(SELECT s.programme_id FROM centre_site s WHERE s.id = t.site_id)") \
	S(booked, HANE_FT_INT,                                                 \
	  "(SELECT count(*) FROM centre_booking b WHERE b.session_id = t.id"   \
	  " AND b.status <> 'cancelled')")                                     \
	S(attended, HANE_FT_INT,                                               \
	  "(SELECT count(*) FROM centre_booking b WHERE b.session_id = t.id"   \
	  " AND b.status = 'attended')")                                       \
	S(no_shows, HANE_FT_INT,                                               \
	  "(SELECT count(*) FROM centre_booking b WHERE b.session_id = t.id"   \
	  " AND b.status = 'no_show')")
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_centre_session, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_centre_session, __VA_ARGS__)
static const struct hane_fdef session_fields[] = {HANE_CENTRE_SESSION_FIELDS(F)
							  SESSION_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_centre_session_rdef =
	HANE_RDEF(struct hane_centre_session, "centre_session", "centres",
		  session_fields);

#define FROM_SESSION(what)                                                     \
	"(SELECT " what " FROM centre_session x WHERE x.id = t.session_id)"
#define BOOKING_READ(S)                                                        \
	S(person_name, HANE_FT_TEXT,                                           \
	  "coalesce((SELECT p.first_name || ' ' || p.last_name FROM person p"  \
	  " WHERE p.id = t.person_id), '')")                                   \
	S(site_id, HANE_FT_INT, FROM_SESSION("x.site_id"))                     \
	S(programme_id, HANE_FT_INT,                                           \
	  "(SELECT s.programme_id FROM centre_session x JOIN centre_site s"    \
	  " ON s.id = x.site_id WHERE x.id = t.session_id)")                   \
	S(site_name, HANE_FT_TEXT,                                             \
	  "coalesce((SELECT s.name FROM centre_session x JOIN centre_site s"   \
	  " ON s.id = x.site_id WHERE x.id = t.session_id), '')")              \
	S(start_time, HANE_FT_TEXT, FROM_SESSION("x.start_time"))              \
	S(end_time, HANE_FT_TEXT, FROM_SESSION("x.end_time"))                  \
	S(no_shows, HANE_FT_INT,                                               \
	  "(SELECT count(*) FROM centre_booking n WHERE n.person_id ="         \
	  " t.person_id AND n.status = 'no_show')")
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_centre_booking, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_centre_booking, __VA_ARGS__)
static const struct hane_fdef booking_fields[] = {HANE_CENTRE_BOOKING_FIELDS(F)
							  BOOKING_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_centre_booking_rdef =
	HANE_RDEF(struct hane_centre_booking, "centre_booking", "centres",
		  booking_fields);

/* ---- Shared checks (csp_int.h) ------------------------------------------------------ */

struct site_row {
	char kind[16];
	int64_t programme_id;
};

static int site_row(hane_stmt *st, void *arg)
{
	struct site_row *r = arg;

	HANE_COPY(r->kind, hane_stmt_text(st, 0));
	r->programme_id = hane_stmt_int(st, 1);
	return 0;
}

int hane_csp_site_kind(hane_db *db, int64_t site_id, char kind[16],
		       int64_t *programme_id)
{
	struct hane_field p = HANE_FINT(":s", site_id);
	struct site_row r = {"", 0};
	char key[24];
	int rc = hane_store_first(db,
				  "SELECT g.kind, g.id FROM centre_site s"
				  " JOIN centre_programme g ON g.id ="
				  " s.programme_id WHERE s.id = :s",
				  &p, 1, site_row, &r);

	if (rc == HANE_ENOTFOUND) {
		snprintf(key, sizeof key, "%lld", (long long)site_id);
		hane_error_set(hane_msg(HANE_M_CSP_NO_SITE), key);
	}
	if (rc)
		return rc;
	if (kind)
		snprintf(kind, 16, "%s", r.kind);
	if (programme_id)
		*programme_id = r.programme_id;
	return 0;
}

struct text_row {
	char *out;
	size_t n;
};

static int text_row(hane_stmt *st, void *arg)
{
	struct text_row *t = arg;

	snprintf(t->out, t->n, "%s", hane_stmt_text(st, 0));
	return 0;
}

/* The first column of the first row as text into out ("" when none). */
static int first_text(hane_db *db, const char *sql, const struct hane_field *p,
		      size_t np, char *out, size_t n)
{
	struct text_row t = {out, n};
	int rc = hane_store_first(db, sql, p, np, text_row, &t);

	out[0] = rc ? '\0' : out[0];
	return rc;
}

int hane_csp_member(hane_db *db, int64_t person_id, int64_t programme_id,
		    int64_t site_id, const char *day, int64_t *member_id)
{
	struct hane_field p[] = {
		HANE_FINT(":p", person_id), HANE_FINT(":g", programme_id),
		HANE_FINT(":s", site_id), HANE_FTEXT(":d", day)};
	struct hane_field g[] = {
		HANE_FINT(":g", programme_id),
		HANE_FINT(":en", hane_lang_get() == HANE_LANG_EN)};
	char name[HANE_CSP_NAME], prog[HANE_CSP_NAME], shown[HANE_DATE_LEN + 1];
	int64_t id = 0;
	int rc;

	*member_id = 0;
	rc = hane_store_ints(db,
			     "SELECT id FROM centre_member WHERE person_id = :p"
			     " AND programme_id = :g AND start <= :d"
			     " AND (end_date IS NULL OR end_date >= :d)"
			     " ORDER BY site_id = :s DESC, start DESC LIMIT 1",
			     p, 4, &id, 1);
	if (rc == 0) {
		*member_id = id;
		return 0;
	}
	if (rc != HANE_ENOTFOUND)
		return rc;
	rc = first_text(db,
			"SELECT first_name || ' ' || last_name FROM person"
			" WHERE id = :p",
			p, 1, name, sizeof name);
	if ((rc = hane_store_missing(rc, HANE_M_CSP_NO_PERSON, person_id)))
		return rc;
	if ((rc = first_text(db,
			     "SELECT CASE :en WHEN 1 THEN name_en ELSE name_tr"
			     " END FROM centre_programme WHERE id = :g",
			     g, HANE_COUNTOF(g), prog, sizeof prog)) &&
	    rc != HANE_ENOTFOUND)
		return rc;
	hane_error_set(hane_msg(HANE_M_CSP_NOT_MEMBER), name,
		       hane_date_format(shown, day), prog);
	return HANE_EINVAL;
}

/* ---- Sites of a kind ------------------------------------------------------------------ */

int hane_centre_sp_site(hane_db *db, const char *key, const char *kind,
			int64_t *id)
{
	struct hane_field p[] = {
		HANE_FTEXT(":k", key ? key : ""),
		HANE_FINT(":en", hane_lang_get() == HANE_LANG_EN)};
	char real[16], name[HANE_CSP_NAME];
	int64_t sid = 0;
	int rc;

	*id = 0;
	if ((rc = hane_can(db, HANE_ACT_CENTRES_READ)) != 0)
		return rc;
	rc = hane_store_ints(db,
			     "SELECT id FROM centre_site WHERE code = :k"
			     " OR CAST(id AS TEXT) = :k",
			     p, 1, &sid, 1);
	if (rc == HANE_ENOTFOUND) {
		hane_error_set(hane_msg(HANE_M_CSP_NO_SITE), key ? key : "");
		return rc;
	}
	if (rc || (rc = hane_csp_site_kind(db, sid, real, NULL)) != 0)
		return rc;
	if (kind && strcmp(kind, real) != 0) {
		struct hane_field q = HANE_FINT(":s", sid);

		if ((rc = first_text(
			     db, "SELECT name FROM centre_site WHERE id = :s",
			     &q, 1, name, sizeof name)))
			return rc;
		hane_error_set(hane_msg(HANE_M_CSP_SITE_KIND), name,
			       hane_msg(strcmp(kind, "placement") == 0
						? HANE_M_CSP_KIND_PLACEMENT
						: HANE_M_CSP_KIND_SESSION));
		return HANE_EINVAL;
	}
	*id = sid;
	return 0;
}

struct sites_walk {
	int (*fn)(int64_t id, const char *name, void *arg);
	void *arg;
};

static int site_name_row(hane_stmt *st, void *arg)
{
	struct sites_walk *w = arg;

	return w->fn(hane_stmt_int(st, 0), hane_stmt_text(st, 1), w->arg);
}

int hane_centre_sp_sites(hane_db *db, const char *kind,
			 int (*fn)(int64_t id, const char *name, void *arg),
			 void *arg)
{
	struct sites_walk w = {fn, arg};
	struct hane_field p[] = {HANE_FTEXT(":k", kind), HANE_FNULL(":all"),
				 HANE_FNULL(":me")};
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	cen_visible_params(db, p + 1);
	return rc ? rc
		  : hane_store_each(
			    db,
			    "SELECT s.id, s.name FROM centre_site s"
			    " JOIN centre_programme g ON g.id ="
			    " s.programme_id WHERE g.kind = :k AND"
			    " s.active = 1 AND g.active = 1 AND " CEN_VISIBLE(
				    "g.id") " ORDER BY s.name, s.id",
			    p, HANE_COUNTOF(p), site_name_row, &w);
}

/* ---- Times ------------------------------------------------------------------------------ */

/* A session's time: required, "H:MM" or "HH:MM" into "HH:MM". */
static int time_check(char t[HANE_CSP_TIME], enum hane_msg field)
{
	hane_text_trim(t);
	if (!t[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED), hane_msg(field));
		return HANE_EINVAL;
	}
	return cen_time(t, field);
}

/* Whether the session on date ending at end is over by the clock. */
static bool ended(const char *date, const char *end)
{
	char now[20], at[20];

	hane_now(now);
	snprintf(at, sizeof at, "%s %s", date, end);
	return strcmp(at, now) <= 0;
}

/* ---- Sessions ------------------------------------------------------------------------------ */

void hane_centre_session_init(struct hane_centre_session *s)
{
	memset(s, 0, sizeof *s);
	s->cap = 8;
	strcpy(s->status, "open");
}

int hane_centre_session_get(hane_db *db, int64_t id,
			    struct hane_centre_session *out)
{
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (!rc)
		rc = hane_store_missing(
			hane_record_get(db, &hane_centre_session_rdef, id, out),
			HANE_M_CSP_NO_SESSION, id);
	/* A centre's caseworker sees only the programmes they work in. */
	return rc ? rc : hane_centre_programme_allowed(db, out->programme_id);
}

static int session_save_tx(hane_db *db, void *arg)
{
	struct hane_centre_session *s = arg, old;
	char kind[16];
	int64_t programme = 0;
	int rc;

	if ((rc = hane_csp_site_kind(db, s->site_id, kind, &programme)) != 0)
		return rc;
	if (strcmp(kind, "session") == 0 &&
	    (rc = hane_centre_programme_allowed(db, programme)) != 0)
		return rc;
	if (strcmp(kind, "session") != 0) {
		char name[HANE_CSP_NAME];
		struct hane_field q = HANE_FINT(":s", s->site_id);

		if ((rc = first_text(
			     db, "SELECT name FROM centre_site WHERE id = :s",
			     &q, 1, name, sizeof name)))
			return rc;
		hane_error_set(hane_msg(HANE_M_CSP_SITE_KIND), name,
			       hane_msg(HANE_M_CSP_KIND_SESSION));
		return HANE_EINVAL;
	}
	if (s->id) {
		if ((rc = hane_centre_session_get(db, s->id, &old)) != 0)
			return rc;
		if (old.booked > 0 && (old.site_id != s->site_id ||
				       strcmp(old.date, s->date) != 0)) {
			hane_error_set(hane_msg(HANE_M_CSP_SESSION_KEPT),
				       (long long)s->id);
			return HANE_EINVAL;
		}
		if (s->cap < old.booked) {
			hane_error_set(hane_msg(HANE_M_CSP_CAP_BELOW),
				       old.booked);
			return HANE_EINVAL;
		}
	}
	return hane_record_save(db, &hane_centre_session_rdef, s, NULL);
}

int hane_centre_session_save(hane_db *db, struct hane_centre_session *s,
			     int64_t *id)
{
	int rc;

	if (id)
		*id = 0;
	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0)
		return rc;
	if ((rc = hane_field_day(HANE_M_CSP_F_DATE, s->date, true)) ||
	    (rc = time_check(s->start_time, HANE_M_CSP_F_START)) ||
	    (rc = time_check(s->end_time, HANE_M_CSP_F_END)) ||
	    (rc = hane_field_chars(HANE_M_CSP_F_NOTES, s->notes, 500)))
		return rc;
	if (strcmp(s->end_time, s->start_time) <= 0) {
		hane_error_set(hane_msg(HANE_M_CSP_TIME_ORDER), s->end_time,
			       s->start_time);
		return HANE_EINVAL;
	}
	if (s->cap < 1 || s->cap > 1000) {
		hane_error_set("%s", hane_msg(HANE_M_CSP_CAP));
		return HANE_EINVAL;
	}
	if ((rc = hane_store_tx(db, session_save_tx, s)) != 0)
		return rc;
	if (id)
		*id = s->id;
	return hane_centre_session_get(db, s->id, s);
}

struct idv {
	int64_t (*v)[2];
	size_t n, cap;
};

static int idv_row(hane_stmt *st, void *arg)
{
	struct idv *l = arg;
	int64_t item[2] = {hane_stmt_int(st, 0), hane_stmt_int(st, 1)};

	return HANE_PUSH(l->v, l->cap, l->n, item, 16) ? 0 : HANE_ENOMEM;
}

static int session_cancel_tx(hane_db *db, void *arg)
{
	struct hane_centre_session *s = arg;
	struct hane_field f = HANE_FTEXT("status", "cancelled");
	struct hane_field p = HANE_FINT(":s", s->id);
	struct idv l = {NULL, 0, 0};
	int rc;

	rc = hane_store_update(db, "centre_session", s->id, s->version, &f, 1,
			       NULL);
	/* Each booking through the audit, so the log says whose was
	 * cancelled with the session. */
	if (!rc)
		rc = hane_store_each(db,
				     "SELECT id, version FROM centre_booking"
				     " WHERE session_id = :s AND status ="
				     " 'booked' ORDER BY id",
				     &p, 1, idv_row, &l);
	for (size_t i = 0; !rc && i < l.n; i++)
		rc = hane_store_update(db, "centre_booking", l.v[i][0],
				       l.v[i][1], &f, 1, NULL);
	free(l.v);
	return rc;
}

int hane_centre_session_cancel(hane_db *db, int64_t id)
{
	struct hane_centre_session s;
	char shown[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0 ||
	    (rc = hane_centre_session_get(db, id, &s)) != 0)
		return rc;
	if (strcmp(s.status, "cancelled") == 0)
		return 0;
	if (ended(s.date, s.end_time)) {
		hane_error_set(hane_msg(HANE_M_CSP_SESSION_ENDED),
			       hane_date_format(shown, s.date), s.start_time);
		return HANE_EINVAL;
	}
	return hane_store_tx(db, session_cancel_tx, &s);
}

HANE_RECORD_EACH_FN(session, struct hane_centre_session)

int hane_centre_session_each(
	hane_db *db, int64_t site_id, const char *day, int days,
	int (*fn)(const struct hane_centre_session *s, void *arg), void *arg)
{
	char from[HANE_DATE_LEN + 1] = "", until[HANE_DATE_LEN + 1];
	struct session_each e = {fn, arg};
	int64_t z;
	int y, m, d, rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_READ)) != 0)
		return rc;
	HANE_COPY(from, day ? day : "");
	if ((rc = hane_field_day(HANE_M_CSP_F_DATE, from, true)) != 0)
		return rc;
	z = hane_date_day(from) + (days > 0 ? days : 7);
	hane_date_civil(z, &y, &m, &d);
	snprintf(until, sizeof until, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)m % 100u, (unsigned)d % 100u);
	struct hane_field p[] = {
		HANE_FINT(":s", site_id), HANE_FTEXT(":a", from),
		HANE_FTEXT(":b", until), HANE_FNULL(":all"), HANE_FNULL(":me")};
	cen_visible_params(db, p + 3);
	return hane_record_list(
		db, &hane_centre_session_rdef,
		" WHERE t.date >= :a AND t.date < :b AND (:s = 0 OR"
		" t.site_id = :s) AND t.site_id IN (SELECT s.id FROM"
		" centre_site s JOIN centre_programme g ON g.id ="
		" s.programme_id WHERE g.kind = 'session' AND " CEN_VISIBLE(
			"g.id") ")"
				" ORDER BY t.date, t.start_time, t.site_id, "
				"t.id",
		p, HANE_COUNTOF(p), session_call, &e);
}

/* ---- Bookings ------------------------------------------------------------------------------ */

int hane_centre_booking_get(hane_db *db, int64_t id,
			    struct hane_centre_booking *out)
{
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (!rc)
		rc = hane_store_missing(
			hane_record_get(db, &hane_centre_booking_rdef, id, out),
			HANE_M_CSP_NO_BOOKING, id);
	/* A centre's caseworker sees only the programmes they work in. */
	return rc ? rc : hane_centre_programme_allowed(db, out->programme_id);
}

struct book {
	int64_t session_id, person_id;
	unsigned flags;
	int64_t id;
};

static int person_name(hane_db *db, int64_t person_id, char *out, size_t n)
{
	struct hane_field p = HANE_FINT(":p", person_id);

	return hane_store_missing(first_text(db,
					     "SELECT first_name || ' ' ||"
					     " last_name FROM person"
					     " WHERE id = :p",
					     &p, 1, out, n),
				  HANE_M_CSP_NO_PERSON, person_id);
}

static int book_tx(hane_db *db, void *arg)
{
	struct book *bk = arg;
	struct hane_centre_session s;
	struct hane_centre_booking b;
	char shown[HANE_DATE_LEN + 1], name[HANE_CSP_NAME];
	int64_t member = 0, old[2] = {0, 0};
	int rc;

	if ((rc = hane_centre_session_get(db, bk->session_id, &s)) != 0)
		return rc;
	hane_date_format(shown, s.date);
	if (strcmp(s.status, "cancelled") == 0) {
		hane_error_set(hane_msg(HANE_M_CSP_SESSION_CANCELLED), shown,
			       s.start_time);
		return HANE_EINVAL;
	}
	if (!(bk->flags & HANE_CSP_LATE) && ended(s.date, s.end_time)) {
		hane_error_set(hane_msg(HANE_M_CSP_SESSION_ENDED), shown,
			       s.start_time);
		return HANE_EINVAL;
	}
	if ((rc = person_name(db, bk->person_id, name, sizeof name)) != 0 ||
	    (rc = hane_csp_member(db, bk->person_id, s.programme_id, s.site_id,
				  s.date, &member)) != 0)
		return rc;

	struct hane_field p[] = {
		HANE_FINT(":x", s.id), HANE_FINT(":p", bk->person_id),
		HANE_FTEXT(":d", s.date), HANE_FTEXT(":a", s.start_time),
		HANE_FTEXT(":b", s.end_time)};
	rc = hane_store_ints(db,
			     "SELECT id, status <> 'cancelled' FROM"
			     " centre_booking WHERE session_id = :x AND"
			     " person_id = :p ORDER BY status <> 'cancelled'"
			     " DESC LIMIT 1",
			     p, 2, old, 2);
	if (rc && rc != HANE_ENOTFOUND)
		return rc;
	if (rc == 0 && old[1]) {
		hane_error_set(hane_msg(HANE_M_CSP_ALREADY), name);
		return HANE_EEXIST;
	}
	/* Another session of the day whose hours overlap. */
	int64_t clash = 0;
	rc = hane_store_ints(db,
			     "SELECT x.id FROM centre_booking k JOIN"
			     " centre_session x ON x.id = k.session_id"
			     " WHERE k.person_id = :p AND k.date = :d AND"
			     " k.status <> 'cancelled' AND x.id <> :x AND"
			     " x.start_time < :b AND x.end_time > :a"
			     " ORDER BY x.start_time LIMIT 1",
			     p, HANE_COUNTOF(p), &clash, 1);
	if (rc && rc != HANE_ENOTFOUND)
		return rc;
	if (rc == 0) {
		struct hane_centre_session c;

		if ((rc = hane_centre_session_get(db, clash, &c)) != 0)
			return rc;
		hane_error_set(hane_msg(HANE_M_CSP_OVERLAP), name, c.site_name,
			       c.start_time, c.end_time);
		return HANE_EINVAL;
	}
	if (s.booked >= s.cap) {
		hane_error_set(hane_msg(HANE_M_CSP_FULL), s.booked, s.cap);
		return HANE_EINVAL;
	}
	if (old[0]) {
		/* Cancelled before: booked again, through the audit. */
		if ((rc = hane_centre_booking_get(db, old[0], &b)) != 0)
			return rc;
		b.member_id = member;
		HANE_COPY(b.status, "booked");
	} else {
		memset(&b, 0, sizeof b);
		b.session_id = s.id;
		b.member_id = member;
		b.person_id = bk->person_id;
		HANE_COPY(b.date, s.date);
		HANE_COPY(b.status, "booked");
	}
	if ((rc = hane_record_save(db, &hane_centre_booking_rdef, &b, NULL)))
		return rc;
	bk->id = b.id;
	return 0;
}

int hane_centre_book(hane_db *db, int64_t session_id, int64_t person_id,
		     unsigned flags, int64_t *id)
{
	struct book bk = {session_id, person_id, flags, 0};
	int rc;

	if (id)
		*id = 0;
	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0 ||
	    (rc = hane_store_tx(db, book_tx, &bk)) != 0)
		return rc;
	if (id)
		*id = bk.id;
	return 0;
}

/* A status as typed: the code or its word in either language. */
static const char *status_parse(const char *w)
{
	static const struct {
		const char *code;
		enum hane_msg word;
		const char *more;
	} st[] = {
		{"booked", HANE_M_CSP_ST_BOOKED, "|kayit|"},
		{"attended", HANE_M_CSP_ST_ATTENDED, "|geldi|katildi|"},
		{"no_show", HANE_M_CSP_ST_NO_SHOW, "|noshow|no-show|gelmedi|"},
		{"cancelled", HANE_M_CSP_ST_CANCELLED, "|iptal|cancel|"},
	};
	char f[64], a[64], b[64], k[70];

	hane_text_fold(f, sizeof f, w ? w : "");
	snprintf(k, sizeof k, "|%s|", f);
	for (size_t i = 0; f[0] && i < HANE_COUNTOF(st); i++) {
		hane_text_fold(a, sizeof a,
			       hane_msg_in(st[i].word, HANE_LANG_TR));
		hane_text_fold(b, sizeof b,
			       hane_msg_in(st[i].word, HANE_LANG_EN));
		if (strcmp(w, st[i].code) == 0 || strcmp(f, a) == 0 ||
		    strcmp(f, b) == 0 || strstr(st[i].more, k))
			return st[i].code;
	}
	return NULL;
}

struct mark {
	int64_t id;
	const char *status;
};

static int mark_tx(hane_db *db, void *arg)
{
	struct mark *mk = arg;
	struct hane_centre_booking b;
	struct hane_centre_session s;
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = hane_centre_booking_get(db, mk->id, &b)) != 0 ||
	    (rc = hane_centre_session_get(db, b.session_id, &s)) != 0)
		return rc;
	hane_date_format(shown, s.date);
	if (strcmp(b.status, mk->status) == 0)
		return 0;
	if (strcmp(b.status, "cancelled") == 0) {
		hane_error_set("%s", hane_msg(HANE_M_CSP_REBOOK));
		return HANE_EINVAL;
	}
	if (strcmp(s.status, "cancelled") == 0) {
		hane_error_set(hane_msg(HANE_M_CSP_SESSION_CANCELLED), shown,
			       s.start_time);
		return HANE_EINVAL;
	}
	hane_today(today);
	if ((strcmp(mk->status, "attended") == 0 ||
	     strcmp(mk->status, "no_show") == 0) &&
	    strcmp(s.date, today) > 0) {
		hane_error_set(hane_msg(HANE_M_CSP_MARK_FUTURE), shown);
		return HANE_EINVAL;
	}
	if (strcmp(mk->status, "cancelled") == 0 && ended(s.date, s.end_time)) {
		hane_error_set(hane_msg(HANE_M_CSP_CANCEL_PAST), shown);
		return HANE_EINVAL;
	}
	HANE_COPY(b.status, mk->status);
	return hane_record_save(db, &hane_centre_booking_rdef, &b, NULL);
}

int hane_centre_booking_mark(hane_db *db, int64_t booking_id,
			     const char *status)
{
	struct mark mk = {booking_id, status_parse(status)};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0)
		return rc;
	if (!mk.status) {
		hane_error_set(hane_msg(HANE_M_CSP_BAD_STATUS),
			       status ? status : "");
		return HANE_EINVAL;
	}
	return hane_store_tx(db, mark_tx, &mk);
}

HANE_RECORD_EACH_FN(booking, struct hane_centre_booking)

int hane_centre_booking_each(hane_db *db, int64_t session_id,
			     int (*fn)(const struct hane_centre_booking *b,
				       void *arg),
			     void *arg)
{
	struct booking_each e = {fn, arg};
	struct hane_field p = HANE_FINT(":x", session_id);
	struct hane_centre_session s;
	int rc = hane_centre_session_get(db, session_id, &s);

	return rc ? rc
		  : hane_record_list(db, &hane_centre_booking_rdef,
				     " WHERE t.session_id = :x ORDER BY"
				     " t.status = 'cancelled', (SELECT"
				     " p.last_name || ' ' || p.first_name"
				     " FROM person p WHERE p.id ="
				     " t.person_id), t.id",
				     &p, 1, booking_call, &e);
}

int hane_centre_booking_find(hane_db *db, int64_t session_id, int64_t person_id,
			     struct hane_centre_booking *out)
{
	struct hane_field p[] = {HANE_FINT(":x", session_id),
				 HANE_FINT(":p", person_id)};
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (rc)
		return rc;
	rc = hane_record_first(db, &hane_centre_booking_rdef,
			       " WHERE t.session_id = :x AND t.person_id = :p"
			       " ORDER BY t.status = 'cancelled', t.id DESC",
			       p, HANE_COUNTOF(p), out);
	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_CSP_NOT_BOOKED),
			       (long long)person_id, (long long)session_id);
	return rc ? rc : hane_centre_programme_allowed(db, out->programme_id);
}

int hane_centre_booking_of_person(hane_db *db, int64_t person_id,
				  int (*fn)(const struct hane_centre_booking *b,
					    void *arg),
				  void *arg)
{
	struct booking_each e = {fn, arg};
	struct hane_field p[] = {HANE_FINT(":p", person_id), HANE_FNULL(":all"),
				 HANE_FNULL(":me")};
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	cen_visible_params(db, p + 1);
	return rc ? rc
		  : hane_record_list(
			    db, &hane_centre_booking_rdef,
			    " WHERE t.person_id = :p AND"
			    " " CEN_VISIBLE(
				    "(SELECT s.programme_id"
				    " FROM centre_session x"
				    " JOIN centre_site s ON"
				    " s.id = x.site_id WHERE"
				    " x.id = t.session_id)") " ORDER BY t.date "
							     "DESC, t.id DESC",
			    p, HANE_COUNTOF(p), booking_call, &e);
}

int hane_centre_no_shows(hane_db *db, int64_t person_id, int *out)
{
	struct hane_field p = HANE_FINT(":p", person_id);
	int64_t n = 0;
	int rc;

	*out = 0;
	if ((rc = hane_can(db, HANE_ACT_CENTRES_READ)) != 0 ||
	    (rc = hane_store_ints(db,
				  "SELECT count(*) FROM centre_booking"
				  " WHERE person_id = :p AND status ="
				  " 'no_show'",
				  &p, 1, &n, 1)) != 0)
		return rc;
	*out = (int)n;
	return 0;
}

/* ---- Members offered for a booking ------------------------------------------------ */

struct members_walk {
	char words[8][64];
	int nwords, limit, n;
	int (*fn)(const struct hane_centre_sp_member *m, void *arg);
	void *arg;
};

/* Whether every word starts a word of the folded name. */
static bool name_matches(const struct members_walk *w, const char *name)
{
	char hay[HANE_CSP_NAME + 2] = " ", k[66];

	hane_text_fold(hay + 1, sizeof hay - 1, name);
	for (int i = 0; i < w->nwords; i++) {
		snprintf(k, sizeof k, " %s", w->words[i]);
		if (!strstr(hay, k))
			return false;
	}
	return true;
}

static int member_row(hane_stmt *st, void *arg)
{
	struct members_walk *w = arg;
	struct hane_centre_sp_member m;
	int rc;

	memset(&m, 0, sizeof m);
	m.person_id = hane_stmt_int(st, 0);
	m.member_id = hane_stmt_int(st, 1);
	HANE_COPY(m.name, hane_stmt_text(st, 2));
	HANE_COPY(m.site_name, hane_stmt_text(st, 3));
	m.booked = hane_stmt_int(st, 4) != 0;
	m.no_shows = (int)hane_stmt_int(st, 5);
	if (!name_matches(w, m.name))
		return 0;
	if ((rc = w->fn(&m, w->arg)) != 0)
		return rc;
	return w->limit > 0 && ++w->n >= w->limit ? 1 : 0;
}

int hane_centre_session_members(
	hane_db *db, int64_t session_id, const char *query, int limit,
	int (*fn)(const struct hane_centre_sp_member *m, void *arg), void *arg)
{
	struct hane_centre_session s;
	struct members_walk w = {.limit = limit, .fn = fn, .arg = arg};
	char q[256], *save = NULL, *t;
	int rc;

	if ((rc = hane_centre_session_get(db, session_id, &s)) != 0)
		return rc;
	hane_text_fold(q, sizeof q, query ? query : "");
	for (t = strtok_r(q, " ", &save); t && w.nwords < 8;
	     t = strtok_r(NULL, " ", &save))
		HANE_COPY(w.words[w.nwords++], t);
	struct hane_field p[] = {HANE_FINT(":g", s.programme_id),
				 HANE_FTEXT(":d", s.date),
				 HANE_FINT(":x", s.id)};
	/* One row a person: the membership at the session's site first. */
	return hane_store_each(
		db,
		"SELECT m.person_id, m.id, p.first_name || ' ' || p.last_name,"
		" s.name, EXISTS (SELECT 1 FROM centre_booking b WHERE"
		" b.session_id = :x AND b.person_id = m.person_id AND"
		" b.status <> 'cancelled'), (SELECT count(*) FROM"
		" centre_booking n WHERE n.person_id = m.person_id AND"
		" n.status = 'no_show') FROM centre_member m JOIN person p ON"
		" p.id = m.person_id JOIN centre_site s ON s.id = m.site_id"
		" WHERE m.programme_id = :g AND m.start <= :d AND"
		" (m.end_date IS NULL OR m.end_date >= :d) AND m.id = (SELECT"
		" k.id FROM centre_member k WHERE k.person_id = m.person_id"
		" AND k.programme_id = :g AND k.start <= :d AND (k.end_date IS"
		" NULL OR k.end_date >= :d) ORDER BY k.site_id = (SELECT"
		" site_id FROM centre_session WHERE id = :x) DESC, k.start"
		" DESC LIMIT 1) ORDER BY p.last_name, p.first_name, p.id",
		p, HANE_COUNTOF(p), member_row, &w);
}
