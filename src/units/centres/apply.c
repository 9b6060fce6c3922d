/* Merkezler: eligibility explained, applications and their decisions, the
 * waiting list (hane/centres.h says the rules).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centres_int.h"
#include "hane/record.h"
#include "hane/security.h"

/* ---- Descriptor ------------------------------------------------------------ */

#define PERSON_OF(what)                                                        \
	"(SELECT " what " FROM person x WHERE x.id = t.person_id)"
#define APPLICATION_READ(S)                                                    \
	S(person_name, HANE_FT_TEXT,                                           \
	  PERSON_OF("x.first_name || ' ' || x.last_name"))                     \
	S(tckn, HANE_FT_TEXT, PERSON_OF("coalesce(x.tckn, '')"))               \
	S(site_name, HANE_FT_TEXT,                                             \
	  "(SELECT s.name FROM centre_site s WHERE s.id = t.site_id)")         \
	S(programme_code, HANE_FT_TEXT,                                        \
	  "(SELECT p.code FROM centre_programme p"                             \
	  " WHERE p.id = t.programme_id)")                                     \
	S(position, HANE_FT_INT,                                               \
	  "(CASE WHEN t.status = 'waiting' THEN (SELECT count(*)"              \
	  " FROM centre_application w WHERE w.site_id = t.site_id"             \
	  " AND w.status = 'waiting' AND (w.date < t.date"                     \
	  " OR (w.date = t.date AND w.id <= t.id))) ELSE 0 END)")              \
	S(member_id, HANE_FT_INT,                                              \
	  "coalesce((SELECT max(m.id) FROM centre_member m"                    \
	  " WHERE m.application_id = t.id), 0)")
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_centre_application, col, type, expr, NULL,   \
		      NULL)
#define F(...) HANE_FDEF(struct hane_centre_application, __VA_ARGS__)
static const struct hane_fdef application_fields[] = {
	HANE_CENTRE_APPLICATION_FIELDS(F) APPLICATION_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_centre_application_rdef =
	HANE_RDEF(struct hane_centre_application, "centre_application",
		  "centres", application_fields);

/* ---- Eligibility ------------------------------------------------------------- */

struct person_facts {
	char name[2 * 96];
	char birth[HANE_DATE_LEN + 1];
	int disability; /* -1 unknown */
	char mahalle[96];
	bool izmit, outside;
};

static int read_facts(hane_stmt *st, void *arg)
{
	struct person_facts *f = arg;

	HANE_COPY(f->name, hane_stmt_text(st, 0));
	HANE_COPY(f->birth, hane_stmt_text(st, 1));
	f->disability =
		hane_stmt_is_null(st, 2) ? -1 : (int)hane_stmt_int(st, 2);
	HANE_COPY(f->mahalle, hane_stmt_text(st, 3));
	f->izmit = hane_stmt_int(st, 4) != 0;
	f->outside = hane_stmt_int(st, 5) != 0;
	return 0;
}

static int person_facts(hane_db *db, int64_t person_id, struct person_facts *f)
{
	struct hane_field p = HANE_FINT(":p", person_id);
	int rc = hane_store_first(
		db,
		"SELECT x.first_name || ' ' || x.last_name,"
		" coalesce(x.birth_date, ''), x.disability_pct,"
		" coalesce(h.mahalle, ''),"
		" EXISTS (SELECT 1 FROM mahalle m WHERE m.name = h.mahalle),"
		" EXISTS (SELECT 1 FROM district d WHERE d.name = h.mahalle)"
		" FROM person x JOIN household h ON h.id = x.household_id"
		" WHERE x.id = :p",
		&p, 1, read_facts, f);

	return hane_store_missing(rc, HANE_M_CEN_NO_PERSON, person_id);
}

int hane_centre_eligibility(hane_db *db, int64_t person_id, int64_t site_id,
			    const char *date, const char *diagnosis,
			    struct hane_centre_elig *e)
{
	struct hane_centre_site s;
	struct hane_centre_programme p;
	struct person_facts f;
	char day[HANE_DATE_LEN + 1];
	const char *who; /* the rule's owner: the site when its age rules */
	int min_age, rc;

	memset(e, 0, sizeof *e);
	e->age = e->disability = -1;
	HANE_COPY(day, date ? date : "");
	if ((rc = hane_can(db, HANE_ACT_CENTRES_READ)) != 0 ||
	    (rc = hane_field_day(HANE_M_CEN_F_DATE, day, true)) != 0 ||
	    (rc = hane_centre_site_get(db, site_id, &s)) != 0 ||
	    (rc = hane_centre_programme_get(db, s.programme_id, &p)) != 0)
		return rc;
	memset(&f, 0, sizeof f);
	if ((rc = person_facts(db, person_id, &f)) != 0)
		return rc;
	e->age = f.birth[0] ? hane_date_age(f.birth, day) : -1;
	e->disability = f.disability;
	HANE_COPY(e->mahalle, f.mahalle);
	e->outside = f.outside;
	min_age = s.min_age >= 0 ? s.min_age : p.min_age;
	who = s.min_age >= 0 ? s.name : p.name;
	e->eligible = true;
	if ((min_age >= 0 || p.max_age >= 0) && e->age < 0) {
		HANE_COPY(e->rule, "age");
		snprintf(e->why, sizeof e->why,
			 hane_msg(HANE_M_CEN_ELIG_NO_AGE), who, f.name);
	} else if (min_age >= 0 && e->age < min_age) {
		HANE_COPY(e->rule, "age");
		snprintf(e->why, sizeof e->why,
			 hane_msg(HANE_M_CEN_ELIG_MIN_AGE), who, min_age,
			 f.name, e->age);
	} else if (p.max_age >= 0 && e->age > p.max_age) {
		HANE_COPY(e->rule, "age");
		snprintf(e->why, sizeof e->why,
			 hane_msg(HANE_M_CEN_ELIG_MAX_AGE), p.name, p.max_age,
			 f.name, e->age);
	} else if (p.min_disability >= 0 && e->disability < 0) {
		HANE_COPY(e->rule, "disability");
		snprintf(e->why, sizeof e->why,
			 hane_msg(HANE_M_CEN_ELIG_NO_DISABILITY), p.name,
			 p.min_disability, f.name);
	} else if (p.min_disability >= 0 && e->disability < p.min_disability) {
		HANE_COPY(e->rule, "disability");
		snprintf(e->why, sizeof e->why,
			 hane_msg(HANE_M_CEN_ELIG_DISABILITY), p.name,
			 p.min_disability, f.name, e->disability);
	} else if (p.needs_diagnosis &&
		   (!diagnosis || hane_text_blank(diagnosis))) {
		HANE_COPY(e->rule, "diagnosis");
		snprintf(e->why, sizeof e->why,
			 hane_msg(HANE_M_CEN_ELIG_DIAGNOSIS), p.name, f.name);
	} else if ((strcmp(p.residence, "izmit") == 0 && !f.izmit) ||
		   (strcmp(p.residence, "kocaeli") == 0 && !f.izmit &&
		    !f.outside)) {
		HANE_COPY(e->rule, "residence");
		snprintf(e->why, sizeof e->why,
			 hane_msg(strcmp(p.residence, "izmit") == 0
					  ? HANE_M_CEN_ELIG_IZMIT
					  : HANE_M_CEN_ELIG_KOCAELI),
			 p.name, f.name,
			 f.mahalle[0] ? f.mahalle
				      : hane_msg(HANE_M_CEN_ELIG_NO_MAHALLE));
	}
	e->eligible = !e->rule[0];
	return 0;
}

/* ---- Applications ---------------------------------------------------------------- */

void hane_centre_application_init(struct hane_centre_application *a)
{
	memset(a, 0, sizeof *a);
	strcpy(a->status, "pending");
}

int hane_centre_application_get(hane_db *db, int64_t id,
				struct hane_centre_application *out)
{
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (rc == 0)
		rc = hane_store_missing(
			hane_record_get(db, &hane_centre_application_rdef, id,
					out),
			HANE_M_CEN_NO_APPLICATION, id);
	if (rc == 0)
		rc = hane_centre_programme_allowed(db, out->programme_id);
	return rc;
}

/* Refuses a second open application or running membership of the
 * programme for the person (other than application except). */
int cen_one_open(hane_db *db, int64_t person_id, int64_t programme_id,
		 int64_t except)
{
	struct hane_field p[] = {HANE_FINT(":p", person_id),
				 HANE_FINT(":g", programme_id),
				 HANE_FINT(":x", except)};
	struct hane_centre_programme pr;
	struct person_facts f;
	int64_t row[1] = {0};
	char shown[HANE_DATE_LEN + 1];
	int rc;

	rc = hane_store_ints(db,
			     "SELECT id FROM centre_application"
			     " WHERE person_id = :p AND programme_id = :g"
			     " AND status IN ('pending', 'waiting')"
			     " AND id <> :x ORDER BY id LIMIT 1",
			     p, 3, row, 1);
	if (rc != 0 && rc != HANE_ENOTFOUND)
		return rc;
	memset(&f, 0, sizeof f);
	memset(&pr, 0, sizeof pr);
	if (rc == 0) {
		struct hane_centre_application a;

		if ((rc = hane_record_get(db, &hane_centre_application_rdef,
					  row[0], &a)) != 0 ||
		    (rc = hane_centre_programme_get(db, programme_id, &pr)) !=
			    0)
			return rc;
		hane_error_set(hane_msg(HANE_M_CEN_OPEN_APPLICATION),
			       a.person_name, pr.name, (long long)a.id,
			       hane_centre_label(HANE_CENTRE_STATUS, a.status));
		return HANE_EEXIST;
	}
	{
		struct hane_centre_member m;

		rc = hane_record_first(db, &hane_centre_member_rdef,
				       " WHERE t.person_id = :p"
				       " AND t.programme_id = :g"
				       " AND t.end_date IS NULL"
				       " ORDER BY t.id LIMIT 1",
				       p, 2, &m);
		if (rc == HANE_ENOTFOUND)
			return 0;
		if (rc)
			return rc;
		if ((rc = hane_centre_programme_get(db, programme_id, &pr)) !=
		    0)
			return rc;
		hane_error_set(hane_msg(HANE_M_CEN_ALREADY_MEMBER),
			       m.person_name, pr.name, m.site_name,
			       hane_date_format(shown, m.start));
		return HANE_EEXIST;
	}
}

static int text_ok(enum hane_msg field, const char *s, size_t size,
		   unsigned flags)
{
	return hane_field_text((int)field, s, size, flags);
}

static int apply_tx(hane_db *db, void *arg)
{
	struct hane_centre_application *a = arg;
	int rc = cen_one_open(db, a->person_id, a->programme_id, 0);

	return rc ? rc
		  : hane_record_save(db, &hane_centre_application_rdef, a,
				     NULL);
}

int hane_centre_apply(hane_db *db, struct hane_centre_application *a)
{
	struct hane_centre_site s;
	struct hane_centre_programme p;
	struct hane_centre_elig e;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0 ||
	    (rc = hane_centre_site_get(db, a->site_id, &s)) != 0 ||
	    (rc = hane_centre_programme_allowed(db, s.programme_id)) != 0 ||
	    (rc = hane_centre_programme_get(db, s.programme_id, &p)) != 0)
		return rc;
	if (!s.active || !p.active) {
		hane_error_set(hane_msg(HANE_M_CEN_SITE_INACTIVE),
			       s.active ? p.name : s.name);
		return HANE_EINVAL;
	}
	a->id = 0;
	a->version = 0;
	a->programme_id = s.programme_id;
	strcpy(a->status, "pending");
	a->decided_on[0] = a->decided_by[0] = a->reason[0] = '\0';
	hane_text_trim(a->diagnosis);
	hane_text_trim(a->notes);
	if ((rc = hane_field_day(HANE_M_CEN_F_APPLIED, a->date, false)) != 0 ||
	    (rc = text_ok(HANE_M_CEN_F_DIAGNOSIS, a->diagnosis,
			  sizeof a->diagnosis, HANE_TEXT_MULTILINE)) != 0 ||
	    (rc = text_ok(HANE_M_CEN_F_NOTES, a->notes, sizeof a->notes,
			  HANE_TEXT_MULTILINE)) != 0)
		return rc;
	if ((rc = hane_centre_eligibility(db, a->person_id, a->site_id, a->date,
					  a->diagnosis, &e)) != 0)
		return rc;
	if (!e.eligible) {
		hane_error_set("%s", e.why);
		return HANE_EPERM;
	}
	if ((rc = hane_store_tx(db, apply_tx, a)) != 0) {
		a->id = 0;
		return rc;
	}
	return 0;
}

/* ---- Decisions -------------------------------------------------------------------- */

struct decide_arg {
	struct hane_centre_application a;
	const char *status, *date, *reason, *term;
	int64_t version, member_id;
};

static int decide_tx(hane_db *db, void *arg)
{
	struct decide_arg *d = arg;
	const struct hane_actor *who = hane_store_actor(db);
	bool admit = strcmp(d->status, "direct") == 0 ||
		     strcmp(d->status, "assessed") == 0;
	struct hane_field f[] = {
		HANE_FTEXT("status", d->status),
		HANE_FTEXT("decided_on", d->date),
		HANE_FTEXT("decided_by", who ? who->username : NULL),
		HANE_FTEXT("reason",
			   d->reason && *d->reason ? d->reason : NULL),
	};
	int rc;

	if (admit) {
		struct hane_centre_member m;

		memset(&m, 0, sizeof m);
		m.site_id = d->a.site_id;
		m.person_id = d->a.person_id;
		m.programme_id = d->a.programme_id;
		m.application_id = d->a.id;
		HANE_COPY(m.start, d->date);
		HANE_COPY(m.term, d->term ? d->term : "");
		if ((rc = cen_member_open(db, &m, d->a.id)) != 0)
			return rc;
		d->member_id = m.id;
	}
	return hane_store_update(db, "centre_application", d->a.id,
				 d->version ? d->version : d->a.version, f,
				 HANE_COUNTOF(f), NULL);
}

int hane_centre_decide(hane_db *db, int64_t id, int64_t version,
		       const char *status, const char *date, const char *reason,
		       const char *term, int64_t *member_id)
{
	struct decide_arg d;
	char day[HANE_DATE_LEN + 1], why[256], shown[HANE_DATE_LEN + 1];
	const char *st;
	int rc;

	if (member_id)
		*member_id = 0;
	memset(&d, 0, sizeof d);
	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0 ||
	    (rc = hane_centre_application_get(db, id, &d.a)) != 0)
		return rc;
	if (!(st = hane_centre_parse(HANE_CENTRE_STATUS, status)) ||
	    strcmp(st, "pending") == 0) {
		hane_error_set(hane_msg(HANE_M_CEN_BAD_DECISION),
			       status ? status : "");
		return HANE_EINVAL;
	}
	if ((strcmp(d.a.status, "pending") != 0 &&
	     strcmp(d.a.status, "waiting") != 0) ||
	    strcmp(d.a.status, st) == 0) {
		hane_error_set(
			hane_msg(HANE_M_CEN_DECIDED), (long long)d.a.id,
			hane_centre_label(HANE_CENTRE_STATUS, d.a.status));
		return HANE_EINVAL;
	}
	HANE_COPY(day, date ? date : "");
	HANE_COPY(why, reason ? reason : "");
	hane_text_trim(why);
	if ((rc = hane_field_day(HANE_M_CEN_F_DECIDED, day, false)) != 0 ||
	    (rc = text_ok(HANE_M_CEN_F_REASON, why, sizeof why,
			  HANE_TEXT_MULTILINE)) != 0)
		return rc;
	if (strcmp(day, d.a.date) < 0) {
		hane_error_set(hane_msg(HANE_M_CEN_BEFORE_APPLIED),
			       hane_date_format(shown, d.a.date));
		return HANE_EINVAL;
	}
	if ((strcmp(st, "rejected") == 0 || strcmp(st, "withdrawn") == 0) &&
	    !why[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_CEN_F_REASON));
		return HANE_EINVAL;
	}
	if (term &&
	    (rc = text_ok(HANE_M_CEN_F_TERM, term, 16, HANE_TEXT_LINE)) != 0)
		return rc;
	d.status = st;
	d.date = day;
	d.reason = why;
	d.term = term;
	d.version = version;
	if ((rc = hane_store_tx(db, decide_tx, &d)) != 0)
		return rc;
	if (member_id)
		*member_id = d.member_id;
	return 0;
}

/* ---- Lists ---------------------------------------------------------------------------- */

HANE_RECORD_EACH_FN(application, struct hane_centre_application)

int hane_centre_application_each(
	hane_db *db, const struct hane_centre_app_filter *f,
	int (*fn)(const struct hane_centre_application *a, void *arg),
	void *arg)
{
	struct application_each e = {fn, arg};
	const char *status = f && f->status ? f->status : "";
	const char *code =
		strcmp(status, "open") == 0 || !status[0]
			? status
			: hane_centre_parse(HANE_CENTRE_STATUS, status);
	struct hane_field p[7];
	int rc;

	if ((rc = cen_site_allowed(db, f ? f->site_id : 0)) != 0 ||
	    (rc = cen_can(db, HANE_ACT_CENTRES_READ,
			  f ? f->programme_id : 0)) != 0)
		return rc;
	if (!code) {
		hane_error_set(hane_msg(HANE_M_CEN_BAD_STATUS), status);
		return HANE_EINVAL;
	}
	cen_visible_params(db, p);
	p[2] = (struct hane_field)HANE_FINT(":g", f ? f->programme_id : 0);
	p[3] = (struct hane_field)HANE_FINT(":s", f ? f->site_id : 0);
	p[4] = (struct hane_field)HANE_FINT(":p", f ? f->person_id : 0);
	p[5] = (struct hane_field)HANE_FTEXT(":st", code);
	p[6] = (struct hane_field)HANE_FINT(":n",
					    f && f->limit > 0 ? f->limit : -1);
	if ((rc = hane_gate_list(db, "centres.applications")) != 0)
		return rc;
	return hane_record_list(
		db, &hane_centre_application_rdef,
		" WHERE (:g = 0 OR t.programme_id = :g)"
		" AND (:s = 0 OR t.site_id = :s)"
		" AND (:p = 0 OR t.person_id = :p)"
		" AND (:st = '' OR t.status = :st OR (:st = 'open'"
		" AND t.status IN ('pending', 'waiting')))"
		" AND " CEN_VISIBLE(
			"t.programme_id") " ORDER BY t.site_id, t.status = "
					  "'waiting' DESC,"
					  " CASE WHEN t.status = 'waiting' "
					  "THEN t.date END,"
					  " CASE WHEN t.status = 'waiting' "
					  "THEN t.id END,"
					  " t.date DESC, t.id DESC LIMIT :n",
		p, 7, application_call, &e);
}

int hane_centre_waiting_each(hane_db *db, int64_t site_id,
			     int (*fn)(const struct hane_centre_application *a,
				       void *arg),
			     void *arg)
{
	struct hane_centre_app_filter f = {0, site_id, 0, "waiting", 0};
	struct hane_centre_site s;
	int rc;

	if ((rc = hane_centre_site_get(db, site_id, &s)) != 0)
		return rc;
	f.programme_id = s.programme_id;
	return hane_centre_application_each(db, &f, fn, arg);
}

int hane_centre_next_waiting(hane_db *db, int64_t site_id,
			     struct hane_centre_application *out)
{
	struct hane_field p = HANE_FINT(":s", site_id);
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (rc)
		return rc;
	rc = hane_record_first(db, &hane_centre_application_rdef,
			       " WHERE t.site_id = :s AND t.status = 'waiting'"
			       " ORDER BY t.date, t.id LIMIT 1",
			       &p, 1, out);
	if (rc == HANE_ENOTFOUND)
		hane_error_set("%s", hane_msg(HANE_M_CEN_NOBODY_WAITS));
	return rc;
}
