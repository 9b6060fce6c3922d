/* Home care: visits, the overlap rule with travel time, and recording.
 *
 * A caregiver cannot be in two visits at once, and getting from one
 * mahalle to another takes time: two visits of one worker on one day
 * clash when the gap between them is shorter than the travel time
 * between their mahalleler. Visits are never deleted: a move makes a new
 * row and marks the old one "rescheduled", a cancel keeps the row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/perm.h"
#include "homecare_int.h"

/* ---- Travel time ---------------------------------------------------------------- */

static int setting_get(hane_db *db, const char *name, int64_t *out)
{
	struct hane_field n = HANE_FTEXT(":n", name);
	int rc = hane_store_first(db,
				  "SELECT value FROM homecare_setting"
				  " WHERE name = :n",
				  &n, 1, hc_int_row, out);

	if (rc == HANE_ENOTFOUND)
		*out = 0;
	return rc == HANE_ENOTFOUND ? 0 : rc;
}

#define TRAVEL_WHERE                                                           \
	" FROM homecare_travel WHERE mahalle_a = :a AND mahalle_b = :b"

/* Travel minutes without the permission check. */
static int travel(hane_db *db, const char *a, const char *b, int *minutes)
{
	bool ab = strcmp(a, b) < 0;
	struct hane_field p[] = {HANE_FTEXT(":a", ab ? a : b),
				 HANE_FTEXT(":b", ab ? b : a)};
	int64_t v = 0;
	int rc;

	if (a[0] && strcmp(a, b) == 0)
		rc = setting_get(db, "travel_same_min", &v);
	else if (!a[0] || !b[0] ||
		 (rc = hane_store_first(db, "SELECT minutes" TRAVEL_WHERE, p, 2,
					hc_int_row, &v)) == HANE_ENOTFOUND)
		/* An unknown mahalle counts as another one: safer to leave
		 * time. */
		rc = setting_get(db, "travel_default_min", &v);
	*minutes = (int)v;
	return rc;
}

int hane_homecare_travel_get(hane_db *db, const char *a, const char *b,
			     int *minutes)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	return rc ? rc : travel(db, a ? a : "", b ? b : "", minutes);
}

int hane_homecare_travel_set(hane_db *db, const char *a, const char *b,
			     int minutes)
{
	char ma[HANE_NAME_MAX], mb[HANE_NAME_MAX];
	int rc = hane_can(db, HANE_ACT_HOMECARE_ADMIN);

	if (rc)
		return rc;
	if (minutes < 0 || minutes > 240) {
		hane_error_set(hane_msg(HANE_M_HC_V_RANGE),
			       hane_msg(HANE_M_HC_F_MINUTES), 0, 240);
		return HANE_EINVAL;
	}
	if ((rc = hane_mahalle_match(db, ma, a ? a : "")) ||
	    (rc = hane_mahalle_match(db, mb, b ? b : "")))
		return HANE_EINVAL;
	if (strcmp(ma, mb) == 0) {
		hane_error_set("%s", hane_msg(HANE_M_HC_TRAVEL_SAME));
		return HANE_EINVAL;
	}
	if (strcmp(ma, mb) > 0) {
		char t[HANE_NAME_MAX];

		memcpy(t, ma, sizeof t);
		memcpy(ma, mb, sizeof t);
		memcpy(mb, t, sizeof t);
	}
	struct hane_field p[] = {HC_FARR(":a", ma), HC_FARR(":b", mb)};
	struct hane_field f[] = {
		HANE_FINT("minutes", minutes),
		HC_FARR("mahalle_a", ma),
		HC_FARR("mahalle_b", mb),
	};
	return hc_upsert(db, "homecare_travel",
			 "SELECT id, version" TRAVEL_WHERE, p, 2, f, 1, 3);
}

static int setting_set(hane_db *db, const char *name, int value)
{
	struct hane_field p = HANE_FTEXT(":n", name);
	struct hane_field f[] = {HANE_FINT("value", value),
				 HANE_FTEXT("name", name)};

	return hc_upsert(db, "homecare_setting",
			 "SELECT id, version FROM homecare_setting"
			 " WHERE name = :n",
			 &p, 1, f, 1, 2);
}

int hane_homecare_travel_defaults(hane_db *db, int same, int other)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_ADMIN);

	if (rc)
		return rc;
	if (same > 240 || other > 240) {
		hane_error_set(hane_msg(HANE_M_HC_V_RANGE),
			       hane_msg(HANE_M_HC_F_MINUTES), 0, 240);
		return HANE_EINVAL;
	}
	if ((rc = hane_store_begin(db)))
		return rc;
	if (same >= 0)
		rc = setting_set(db, "travel_same_min", same);
	if (rc == 0 && other >= 0)
		rc = setting_set(db, "travel_default_min", other);
	if (rc) {
		hane_store_rollback(db);
		return rc;
	}
	return hane_store_commit(db);
}

/* ---- The overlap rule --------------------------------------------------------------- */

/* The worker's other visit on the day, against the one being placed. */
struct busy {
	hane_db *db;
	int s, e;
	const char *mahalle, *worker_name;
};

static int busy_row(hane_stmt *st, void *arg)
{
	struct busy *b = arg;
	int os = hc_minutes(hane_stmt_text(st, 1));
	int oe = hc_minutes(hane_stmt_text(st, 2));
	char om[HANE_NAME_MAX], who[2 * HANE_NAME_MAX];
	char ostart[8], oend[8];
	int64_t oid = hane_stmt_int(st, 0);
	int t = 0, rc;

	HANE_COPY(om, hane_stmt_text(st, 3));
	HANE_COPY(who, hane_stmt_text(st, 4));
	HANE_COPY(ostart, hane_stmt_text(st, 1));
	HANE_COPY(oend, hane_stmt_text(st, 2));
	if ((rc = travel(b->db, om, b->mahalle, &t)))
		return rc;
	if (b->s < oe + t && os < b->e + t) {
		hane_error_set(hane_msg(HANE_M_HC_WORKER_BUSY), b->worker_name,
			       (long long)oid, who, ostart, oend,
			       om[0] ? om : "-", t);
		return HANE_EEXIST;
	}
	return 0;
}

static int check_free(hane_db *db, int64_t worker_id, const char *date,
		      const char *start, const char *end, const char *mahalle,
		      int64_t exclude_id, const char *worker_name)
{
	struct busy b = {db, hc_minutes(start), hc_minutes(end), mahalle,
			 worker_name};
	struct hane_field p[] = {HANE_FINT(":w", worker_id),
				 HANE_FTEXT(":d", date),
				 HANE_FINT(":x", exclude_id)};

	if (b.s < 0 || b.e < 0) {
		hane_error_set("%s", hane_msg(HANE_M_HC_V_TIME));
		return HANE_EINVAL;
	}
	/* A missed visit the worker went to (client away or refusing) took
	 * the time; one the worker missed did not. */
	return hane_store_each(
		db,
		"SELECT v.id, coalesce(v.actual_start, v.start_time),"
		" coalesce(v.actual_end, v.end_time), coalesce(h.mahalle,''),"
		" p.first_name || ' ' || p.last_name"
		" FROM homecare_visit v"
		" JOIN homecare_client c ON c.id = v.client_id"
		" JOIN person p ON p.id = c.person_id"
		" JOIN household h ON h.id = p.household_id"
		" WHERE v.worker_id = :w AND v.date = :d AND v.id <> :x"
		" AND (v.status IN ('planned', 'done') OR (v.status = 'missed'"
		"  AND v.missed_reason <> 'staff_absent'))"
		" ORDER BY 2",
		p, 3, busy_row, &b);
}

int hane_homecare_check_free(hane_db *db, int64_t worker_id, const char *date,
			     const char *start, const char *end,
			     const char *mahalle, int64_t exclude_id)
{
	struct hane_homecare_worker w;
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	if (rc || (rc = hane_homecare_worker_get(db, worker_id, &w)))
		return rc;
	return check_free(db, worker_id, date, start, end,
			  mahalle ? mahalle : "", exclude_id, w.name);
}

int hc_worker_fits(hane_db *db, int64_t worker_id, const char *service,
		   const char *date, const char *start, const char *end,
		   const char *mahalle, int64_t exclude_id)
{
	struct hane_homecare_worker w;
	int64_t day;
	int rc;

	if ((rc = hane_homecare_worker_get(db, worker_id, &w)))
		return rc;
	if (!w.active) {
		hane_error_set(hane_msg(HANE_M_HC_WORKER_INACTIVE), w.name);
		return HANE_EINVAL;
	}
	if (!hc_gives(w.services, service)) {
		hane_error_set(hane_msg(HANE_M_HC_WORKER_NO_SERVICE), w.name,
			       hane_homecare_label(service));
		return HANE_EINVAL;
	}
	if ((rc = hc_day(&day, date)))
		return rc;
	if (!strchr(w.work_days, '0' + hane_date_weekday_of(day))) {
		char d[8] = {(char)('0' + hane_date_weekday_of(day)), 0},
		     name[32];

		hane_error_set(hane_msg(HANE_M_HC_WORKER_DAY_OFF), w.name,
			       hane_homecare_days_format(name, sizeof name, d));
		return HANE_EINVAL;
	}
	return check_free(db, worker_id, date, start, end, mahalle, exclude_id,
			  w.name);
}

/* ---- Reading visits ------------------------------------------------------------------- */

/* The visit's client's person and household, for a read-only field. */
#define VISIT_HOME(what)                                                       \
	"(SELECT " what " FROM homecare_client c JOIN person p"                \
	" ON p.id = c.person_id JOIN household h ON h.id = p.household_id"     \
	" WHERE c.id = t.client_id)"

#define F(...) HANE_FDEF(struct hane_homecare_visit, __VA_ARGS__)
#define S(col, expr, tr, en)                                                   \
	HANE_FDEF_SQL(struct hane_homecare_visit, col, HANE_FT_TEXT, expr, tr, \
		      en)
static const struct hane_fdef visit_fields[] = {
	HANE_HC_VISIT_FIELDS(F) S(
		client_name, VISIT_HOME("p.first_name || ' ' || p.last_name"),
		"Danışan", "Client") S(mahalle, VISIT_HOME("h.mahalle"),
				       "Mahalle", "Neighbourhood")
		S(address,
		  VISIT_HOME("trim(coalesce(h.street,'') ||"
			     " CASE WHEN coalesce(h.building,'') <> ''"
			     " THEN ' No:' || h.building ELSE '' END ||"
			     " CASE WHEN coalesce(h.door,'') <> ''"
			     " THEN ' D:' || h.door ELSE '' END)"),
		  "Adres", "Address")
			S(phone,
			  VISIT_HOME("coalesce(nullif(p.phone,''), h.phone)"),
			  "Telefon", "Phone") S(worker_name,
						"(SELECT w.name FROM"
						" homecare_worker w"
						" WHERE w.id = t.worker_id)",
						"Çalışan", "Worker")};
#undef S
#undef F
const struct hane_rdef hane_hc_visit_rdef = HANE_RDEF_STAMPED(
	struct hane_homecare_visit, "homecare_visit", "homecare", visit_fields);

static int visit_read(hane_db *db, int64_t id, struct hane_homecare_visit *out)
{
	return hane_record_get_or(db, &hane_hc_visit_rdef, id,
				  hane_msg(HANE_M_HC_VISIT_NOT_FOUND), out);
}

int hane_homecare_visit_get(hane_db *db, int64_t id,
			    struct hane_homecare_visit *out)
{
	return hc_get(db, &hane_hc_visit_rdef, id, HANE_M_HC_VISIT_NOT_FOUND,
		      out);
}

HANE_RECORD_EACH_FN(visit, struct hane_homecare_visit)

int hane_homecare_visit_each(
	hane_db *db, const struct hane_homecare_visit_filter *f,
	int (*fn)(const struct hane_homecare_visit *v, void *arg), void *arg)
{
	struct visit_each e = {fn, arg};
	struct hane_homecare_visit_filter none = {0};

	if (!f)
		f = &none;
	struct hane_field p[] = {
		HANE_FTEXT(":from", f->from && *f->from ? f->from : NULL),
		HANE_FTEXT(":to", f->to && *f->to ? f->to : NULL),
		HANE_FINT(":w", f->worker_id),
		HANE_FINT(":c", f->client_id),
		HANE_FTEXT(":status", f->status),
		HANE_FINT(":history", f->history),
		HANE_FINT(":fu", f->followup_open),
	};
	return hc_list(
		db, &hane_hc_visit_rdef,
		" LEFT JOIN homecare_worker w ON w.id = t.worker_id"
		" WHERE (:from IS NULL OR t.date >= :from)"
		" AND (:to IS NULL OR t.date <= :to)"
		" AND (:w = 0 OR (:w = -1 AND t.worker_id IS NULL)"
		"  OR t.worker_id = :w)"
		" AND (:c = 0 OR t.client_id = :c)"
		" AND (:status IS NULL OR t.status = :status)"
		" AND (:status IS NOT NULL OR :history"
		"  OR t.status NOT IN ('cancelled', 'rescheduled'))"
		" AND (NOT :fu OR t.followup = 'open')"
		" ORDER BY t.date, w.name IS NULL, w.name COLLATE TURKISH,"
		" t.start_time, t.id",
		p, 7, visit_call, &e);
}

/* ---- Writing visits --------------------------------------------------------------------- */

/* The client exists and receives service on date. */
static int client_get_open(hane_db *db, int64_t id, const char *date,
			   struct hane_homecare_client *c)
{
	char d[HANE_DATE_LEN + 1];
	int rc = hc_client_read(db, id, c);

	if (rc)
		return rc;
	if (strcmp(date, c->start_date) < 0 ||
	    (c->end_date[0] && strcmp(date, c->end_date) > 0)) {
		hane_error_set(hane_msg(HANE_M_HC_CLIENT_NOT_OPEN_ON),
			       (long long)id, hane_date_format(d, date));
		return HANE_EINVAL;
	}
	return 0;
}

/* The rules every new or moved planned visit follows. */
static int visit_check(hane_db *db, const struct hane_homecare_visit *v,
		       int64_t exclude_id)
{
	struct hane_homecare_client c;
	enum hane_homecare_holiday hk;
	char hname[128], mahalle[HANE_NAME_MAX];
	int s, e, rc;

	if ((rc = hc_check_code("service", HANE_M_HC_F_SERVICE, v->service)) ||
	    (rc = hc_check_date(HANE_M_HC_F_DATE, v->date, true)))
		return rc;
	if ((rc = hc_span(v->start_time, v->end_time, HANE_M_HC_F_START,
			  HANE_M_HC_F_END, &s, &e)))
		return rc;
	if (e <= s)
		return hc_field_error(HANE_M_HC_F_END,
				      hane_msg(HANE_M_HC_V_END_BEFORE));
	if ((rc = client_get_open(db, v->client_id, v->date, &c)) ||
	    (rc = hc_client_gives(&c, v->service)))
		return rc;
	if ((rc = hane_homecare_holiday(db, v->date, &hk, hname, sizeof hname)))
		return rc;
	{
		char d[HANE_DATE_LEN + 1];

		if (hk == HANE_HC_FULL) {
			hane_error_set(hane_msg(HANE_M_HC_HOLIDAY),
				       hane_date_format(d, v->date), hname);
			return HANE_EINVAL;
		}
		if (hk == HANE_HC_HALF && e > 13 * 60) {
			hane_error_set(hane_msg(HANE_M_HC_HALF_HOLIDAY),
				       hane_date_format(d, v->date), hname);
			return HANE_EINVAL;
		}
	}
	hane_error_clear();
	if (!v->worker_id)
		return 0;
	if ((rc = hc_client_mahalle(db, v->client_id, mahalle)))
		return rc;
	return hc_worker_fits(db, v->worker_id, v->service, v->date,
			      v->start_time, v->end_time, mahalle, exclude_id);
}

int hc_visit_insert(hane_db *db, const struct hane_homecare_visit *v,
		    int64_t *id)
{
	struct hane_homecare_visit *n = calloc(1, sizeof *n);
	int rc;

	if (!n)
		return HANE_ENOMEM;
	/* A new planned visit: what it is, where it came from; no record. */
	n->client_id = v->client_id;
	n->plan_id = v->plan_id;
	HANE_COPY(n->slot_date, v->slot_date);
	HANE_COPY(n->service, v->service);
	HANE_COPY(n->date, v->date);
	HANE_COPY(n->start_time, v->start_time);
	HANE_COPY(n->end_time, v->end_time);
	n->worker_id = v->worker_id;
	HANE_COPY(n->status, "planned");
	HANE_COPY(n->notes, v->notes);
	n->moved_from = v->moved_from;
	rc = hc_save(db, &hane_hc_visit_rdef, n, id);
	free(n);
	return rc;
}

int hane_homecare_visit_add(hane_db *db, const struct hane_homecare_visit *v,
			    int64_t *id)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc || (rc = visit_check(db, v, 0)))
		return rc;
	if (strlen(v->notes) >= sizeof v->notes)
		return HANE_EINVAL;
	return hc_visit_insert(db, v, id);
}

/* Reads a visit for a change and checks it is still planned. */
static int planned_visit(hane_db *db, int64_t id, int64_t version,
			 struct hane_homecare_visit *v)
{
	int rc = visit_read(db, id, v);

	if (rc)
		return rc;
	if (v->version != version) {
		/* Let the store say who changed it and when. */
		struct hane_field f[] = {HANE_FTEXT("status", v->status)};

		rc = hane_store_update(db, "homecare_visit", id, version, f, 1,
				       NULL);
		return rc ? rc : HANE_ECONFLICT;
	}
	if (strcmp(v->status, "planned") != 0) {
		hane_error_set(hane_msg(HANE_M_HC_VISIT_NOT_PLANNED),
			       (long long)id, hane_homecare_label(v->status));
		return HANE_EINVAL;
	}
	return 0;
}

int hane_homecare_visit_assign(hane_db *db, int64_t id, int64_t version,
			       int64_t worker_id)
{
	struct hane_homecare_visit v;
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc || (rc = planned_visit(db, id, version, &v)))
		return rc;
	v.worker_id = worker_id;
	if ((rc = visit_check(db, &v, id)))
		return rc;
	{
		struct hane_field f[] = {
			worker_id ? (struct hane_field)HANE_FINT("worker_id",
								 worker_id)
				  : (struct hane_field)HANE_FNULL("worker_id"),
		};
		return hane_store_update(db, "homecare_visit", id, version, f,
					 1, NULL);
	}
}

int hane_homecare_visit_move(hane_db *db, int64_t id, int64_t version,
			     const char *date, const char *start,
			     int64_t worker_id, int64_t *new_id)
{
	struct hane_homecare_visit v;
	int64_t nid = 0;
	int dur, s, rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc || (rc = planned_visit(db, id, version, &v)))
		return rc;
	dur = hc_minutes(v.end_time) - hc_minutes(v.start_time);
	if (date && *date)
		HANE_COPY(v.date, date);
	if (start && *start) {
		if ((s = hc_minutes(start)) < 0)
			return hc_field_error(HANE_M_HC_F_START,
					      hane_msg(HANE_M_HC_V_TIME));
		if (s + dur >= 24 * 60)
			return hc_field_error(HANE_M_HC_F_END,
					      hane_msg(HANE_M_HC_V_TIME));
		HANE_COPY(v.start_time, start);
		hc_hhmm(v.end_time, s + dur);
	}
	if (worker_id >= 0)
		v.worker_id = worker_id;
	v.moved_from = id;
	if ((rc = hane_store_begin(db)))
		return rc;
	{
		struct hane_field f[] = {HANE_FTEXT("status", "rescheduled")};

		rc = hane_store_update(db, "homecare_visit", id, version, f, 1,
				       NULL);
	}
	if (rc == 0)
		rc = visit_check(db, &v, id);
	if (rc == 0)
		rc = hc_visit_insert(db, &v, &nid);
	if (rc == 0) {
		struct hane_field f[] = {HANE_FINT("moved_to", nid)};

		rc = hane_store_update(db, "homecare_visit", id, version + 1, f,
				       1, NULL);
	}
	if (rc) {
		char why[1024];

		/* The rollback must not lose the reason. */
		snprintf(why, sizeof why, "%s", hane_error_last());
		hane_store_rollback(db);
		hane_error_set("%s", why);
		return rc;
	}
	if ((rc = hane_store_commit(db)) == 0 && new_id)
		*new_id = nid;
	return rc;
}

static int text_ok(enum hane_msg field, const char *s, size_t max)
{
	return s ? hane_field_text(field, s, max, HANE_TEXT_MULTILINE) : 0;
}

/* homecare.write, and text for a field that must be written (a reason, a
 * note): not blank, and free text as hane_field_text takes it. */
static int write_required(hane_db *db, enum hane_msg field, const char *text)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc)
		return rc;
	if (!text || strspn(text, " \t") == strlen(text)) {
		hane_error_set(hane_msg(HANE_M_HC_V_REQUIRED), hane_msg(field));
		return HANE_EINVAL;
	}
	return text_ok(field, text, HANE_TEXT_MAX);
}

/* Visit id (at version) with column a set to va and b to vb. */
static int visit_set(hane_db *db, int64_t id, int64_t version, const char *a,
		     const char *va, const char *b, const char *vb)
{
	struct hane_field f[] = {HANE_FTEXT(a, va), HANE_FTEXT(b, vb)};

	return hane_store_update(db, "homecare_visit", id, version, f, 2, NULL);
}

int hane_homecare_visit_cancel(hane_db *db, int64_t id, int64_t version,
			       const char *reason)
{
	struct hane_homecare_visit v;
	int rc;

	if ((rc = write_required(db, HANE_M_HC_F_REASON, reason)) ||
	    (rc = planned_visit(db, id, version, &v)))
		return rc;
	return visit_set(db, id, version, "status", "cancelled",
			 "cancel_reason", reason);
}

/* A record may be made for a planned visit, or corrected on one already
 * recorded; never for one in the future. */
static int recordable(hane_db *db, int64_t id, int64_t version,
		      struct hane_homecare_visit *v)
{
	char today[HANE_DATE_LEN + 1], d[HANE_DATE_LEN + 1];
	int rc = visit_read(db, id, v);

	if (rc)
		return rc;
	if (strcmp(v->status, "planned") != 0 &&
	    strcmp(v->status, "done") != 0 &&
	    strcmp(v->status, "missed") != 0) {
		hane_error_set(hane_msg(HANE_M_HC_VISIT_NOT_PLANNED),
			       (long long)id, hane_homecare_label(v->status));
		return HANE_EINVAL;
	}
	if (strcmp(v->date, hane_today(today)) > 0) {
		hane_error_set(hane_msg(HANE_M_HC_VISIT_FUTURE), (long long)id,
			       hane_date_format(d, v->date));
		return HANE_EINVAL;
	}
	(void)version;
	return 0;
}

int hane_homecare_visit_done(hane_db *db, int64_t id, int64_t version,
			     const char *actual_start, const char *actual_end,
			     const char *tasks, const char *notes)
{
	struct hane_homecare_visit v;
	char as[8], ae[8];
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc || (rc = recordable(db, id, version, &v)))
		return rc;
	if (!v.worker_id) {
		hane_error_set(hane_msg(HANE_M_HC_VISIT_NO_WORKER),
			       (long long)id);
		return HANE_EINVAL;
	}
	HANE_COPY(as,
		  actual_start && *actual_start ? actual_start : v.start_time);
	HANE_COPY(ae, actual_end && *actual_end ? actual_end : v.end_time);
	if (hc_minutes(as) < 0)
		return hc_field_error(HANE_M_HC_F_START,
				      hane_msg(HANE_M_HC_V_TIME));
	if (hc_minutes(ae) < 0)
		return hc_field_error(HANE_M_HC_F_END,
				      hane_msg(HANE_M_HC_V_TIME));
	if (hc_minutes(ae) <= hc_minutes(as))
		return hc_field_error(HANE_M_HC_F_END,
				      hane_msg(HANE_M_HC_V_END_BEFORE));
	if ((rc = text_ok(HANE_M_HC_F_TASKS, tasks, HANE_TEXT_MAX)) ||
	    (rc = text_ok(HANE_M_HC_F_NOTES, notes, HANE_NOTES_MAX)))
		return rc;
	{
		struct hane_field f[] = {
			HANE_FTEXT("status", "done"),
			HANE_FNULL("missed_reason"),
			HC_FARR("actual_start", as),
			HC_FARR("actual_end", ae),
			HANE_FTEXT("tasks", tasks && *tasks ? tasks : NULL),
			HANE_FTEXT("notes", notes && *notes ? notes : NULL),
			HANE_FNULL("followup"),
		};
		return hane_store_update(db, "homecare_visit", id, version, f,
					 sizeof f / sizeof f[0], NULL);
	}
}

int hane_homecare_visit_missed(hane_db *db, int64_t id, int64_t version,
			       const char *reason, const char *notes)
{
	struct hane_homecare_visit v;
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc ||
	    (rc = hc_check_code("missed", HANE_M_HC_F_MISSED_REASON,
				reason ? reason : "")) ||
	    (rc = text_ok(HANE_M_HC_F_NOTES, notes, HANE_NOTES_MAX)) ||
	    (rc = recordable(db, id, version, &v)))
		return rc;
	{
		struct hane_field f[] = {
			HANE_FTEXT("status", "missed"),
			HANE_FTEXT("missed_reason", reason),
			HANE_FNULL("actual_start"),
			HANE_FNULL("actual_end"),
			HANE_FTEXT("notes", notes && *notes ? notes : NULL),
			/* A correction keeps a follow-up already closed. */
			HANE_FTEXT("followup", strcmp(v.followup, "closed") == 0
						       ? "closed"
						       : "open"),
		};
		return hane_store_update(db, "homecare_visit", id, version, f,
					 sizeof f / sizeof f[0], NULL);
	}
}

int hane_homecare_followup_close(hane_db *db, int64_t id, int64_t version,
				 const char *note)
{
	struct hane_homecare_visit v;
	int rc;

	if ((rc = write_required(db, HANE_M_HC_F_FOLLOWUP_NOTE, note)) ||
	    (rc = visit_read(db, id, &v)))
		return rc;
	if (strcmp(v.followup, "open") != 0) {
		hane_error_set(hane_msg(HANE_M_HC_NO_FOLLOWUP), (long long)id);
		return HANE_EINVAL;
	}
	return visit_set(db, id, version, "followup", "closed", "followup_note",
			 note);
}
