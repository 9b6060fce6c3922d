/* Home care: caregivers and cleaning teams, clients, care plans.
 *
 * Every function asks hane_can() first and writes through the store's
 * audited writes, so the console and the CLI follow the same rules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/perm.h"
#include "homecare_int.h"

/* ---- Workers ------------------------------------------------------------------ */

void hane_homecare_worker_init(struct hane_homecare_worker *w)
{
	memset(w, 0, sizeof *w);
	strcpy(w->kind, "caregiver");
	strcpy(w->services, "care");
	strcpy(w->work_days, "12345");
	w->active = true;
}

static int worker_validate(const struct hane_homecare_worker *w)
{
	char days[8];
	int rc;

	if (hane_text_blank(w->name)) {
		hane_error_set(hane_msg(HANE_M_HC_V_REQUIRED),
			       hane_msg(HANE_M_HC_F_NAME));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_len(HANE_M_HC_F_NAME, w->name, sizeof w->name)) ||
	    (rc = hc_check_code("kind", HANE_M_HC_F_KIND, w->kind)) ||
	    (rc = hc_check_code("services", HANE_M_HC_F_SERVICES, w->services)))
		return rc;
	if (hane_homecare_days_parse(days, w->work_days) != 0 ||
	    strcmp(days, w->work_days) != 0) {
		char why[256];

		snprintf(why, sizeof why, "%s", hane_error_last());
		return hc_field_error(HANE_M_HC_F_WORK_DAYS, why);
	}
	if (w->phone[0]) {
		char norm[HANE_PHONE_LEN + 1];

		if (hane_phone_normalize(norm, w->phone) != 0 ||
		    strcmp(norm, w->phone) != 0)
			return hc_field_error(HANE_M_HC_F_PHONE,
					      hane_msg(HANE_M_HC_V_PHONE));
	}
	return 0;
}

#define F(...) HANE_FDEF(struct hane_homecare_worker, __VA_ARGS__)
static const struct hane_fdef worker_fields[] = {HANE_HC_WORKER_FIELDS(F)};
#undef F
const struct hane_rdef hane_hc_worker_rdef =
	HANE_RDEF(struct hane_homecare_worker, "homecare_worker", "homecare",
		  worker_fields);

int hc_save(hane_db *db, const struct hane_rdef *def, void *rec, int64_t *id)
{
	int changed = 0;
	int rc = hane_record_save(db, def, rec, &changed);

	if (rc == 0 && id)
		*id = *(int64_t *)((char *)rec + def->id);
	return rc;
}

int hc_update(hane_db *db, const struct hane_rdef *def, void *rec)
{
	int changed = 0;
	int rc = hane_record_save(db, def, rec, &changed);

	if (rc == 0 && changed)
		(*(int64_t *)((char *)rec + def->version))++;
	return rc;
}

int hc_get(hane_db *db, const struct hane_rdef *def, int64_t id,
	   enum hane_msg missing, void *out)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	return rc ? rc
		  : hane_record_get_or(db, def, id, hane_msg(missing), out);
}

int hc_list(hane_db *db, const struct hane_rdef *def, const char *tail,
	    const struct hane_field *p, size_t np,
	    int (*fn)(const void *rec, void *arg), void *arg)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	if (rc == 0)
		rc = hane_record_list(db, def, tail, p, np, fn, arg);
	return rc < 0 ? rc : 0; /* fn's stop is no error */
}

int hane_homecare_worker_add(hane_db *db, const struct hane_homecare_worker *w,
			     int64_t *id)
{
	struct hane_homecare_worker n = *w;
	int rc = hane_can(db, HANE_ACT_HOMECARE_ADMIN);

	if (rc || (rc = worker_validate(w)))
		return rc;
	n.id = 0;
	return hc_save(db, &hane_hc_worker_rdef, &n, id);
}

int hane_homecare_worker_get(hane_db *db, int64_t id,
			     struct hane_homecare_worker *out)
{
	return hc_get(db, &hane_hc_worker_rdef, id, HANE_M_HC_WORKER_NOT_FOUND,
		      out);
}

int hane_homecare_worker_update(hane_db *db, struct hane_homecare_worker *w)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_ADMIN);

	if (rc || (rc = worker_validate(w)))
		return rc;
	return hc_update(db, &hane_hc_worker_rdef, w);
}

HANE_RECORD_EACH_FN(worker, struct hane_homecare_worker)

int hane_homecare_worker_each(hane_db *db, bool all,
			      int (*fn)(const struct hane_homecare_worker *w,
					void *arg),
			      void *arg)
{
	struct worker_each e = {fn, arg};
	struct hane_field p = HANE_FINT(":all", all);

	return hc_list(db, &hane_hc_worker_rdef,
		       " WHERE :all OR t.active"
		       " ORDER BY t.name COLLATE TURKISH, t.id",
		       &p, 1, worker_call, &e);
}

/* ---- Clients -------------------------------------------------------------------- */

void hane_homecare_client_init(struct hane_homecare_client *c)
{
	memset(c, 0, sizeof *c);
	strcpy(c->services, "care");
}

/* Normalises a comma list of needs ("yatalak, demans") into codes; out
 * gets "bedridden,dementia". */
static int needs_normalize(char *out, size_t outsz, const char *in)
{
	char buf[512];
	size_t len = 0;

	snprintf(buf, sizeof buf, "%s", in);
	out[0] = '\0';
	for (char *save = NULL, *w = strtok_r(buf, ",;", &save); w;
	     w = strtok_r(NULL, ",;", &save)) {
		const char *code;

		hane_text_trim(w);
		if (!*w)
			continue;
		code = hane_homecare_parse("need", w);
		if (!code)
			return hc_check_code("need", HANE_M_HC_F_NEEDS, w);
		if (strstr(out, code))
			continue;
		len += (size_t)snprintf(out + len, outsz - len, "%s%s",
					len ? "," : "", code);
		if (len >= outsz)
			return hc_field_error(HANE_M_HC_F_NEEDS,
					      hane_strerror(HANE_EINVAL));
	}
	return 0;
}

static int client_validate(struct hane_homecare_client *c)
{
	char needs[sizeof c->needs];
	int rc;

	if ((rc = hc_check_code("services", HANE_M_HC_F_SERVICES,
				c->services)) ||
	    (rc = hc_check_date(HANE_M_HC_F_START_DATE, c->start_date, true)) ||
	    (rc = hane_field_text(HANE_M_HC_F_NOTES, c->notes, sizeof c->notes,
				  HANE_TEXT_MULTILINE)) ||
	    (rc = needs_normalize(needs, sizeof needs, c->needs)))
		return rc;
	HANE_COPY(c->needs, needs);
	return 0;
}

/* The client's person and household, for a read-only field. */
#define CLIENT_HOME(what)                                                      \
	"(SELECT " what " FROM person p JOIN household h"                      \
	" ON h.id = p.household_id WHERE p.id = t.person_id)"
/* Of the client's visits. */
#define CLIENT_VISITS(what, where)                                             \
	"(SELECT " what " FROM homecare_visit v WHERE v.client_id = t.id"      \
	" AND " where ")"

#define F(...) HANE_FDEF(struct hane_homecare_client, __VA_ARGS__)
#define S(col, type, expr, tr, en)                                             \
	HANE_FDEF_SQL(struct hane_homecare_client, col, type, expr, tr, en)
/* next_visit is counted from :today, which every read binds (client_read,
 * hane_homecare_client_each). */
static const struct hane_fdef client_fields[] = {
	HANE_HC_CLIENT_FIELDS(F) S(household_id, HANE_FT_INT,
				   CLIENT_HOME("h.id"), "Hane", "Household")
		S(name, HANE_FT_TEXT,
		  CLIENT_HOME("p.first_name || ' ' || p.last_name"), "Ad Soyad",
		  "Name") S(mahalle, HANE_FT_TEXT, CLIENT_HOME("h.mahalle"),
			    "Mahalle", "Neighbourhood")
			S(last_visit, HANE_FT_DATE,
			  CLIENT_VISITS("max(v.date)", "v.status = 'done'"),
			  "Son ziyaret", "Last visit")
				S(next_visit, HANE_FT_DATE,
				  CLIENT_VISITS("min(v.date)",
						"v.status = 'planned'"
						" AND v.date >= :today"),
				  "Sonraki ziyaret", "Next visit")
					S(open_followups, HANE_FT_INT,
					  CLIENT_VISITS("count(*)",
							"v.followup = 'open'"),
					  "Açık takip", "Open follow-ups")};
#undef S
#undef F
const struct hane_rdef hane_hc_client_rdef =
	HANE_RDEF(struct hane_homecare_client, "homecare_client", "homecare",
		  client_fields);

/* One client by id or by person; no permission check. */
static int client_read(hane_db *db, int64_t id, int64_t person_id, bool ended,
		       struct hane_homecare_client *out)
{
	char today[HANE_DATE_LEN + 1];
	struct hane_field p[] = {
		HANE_FINT(":id", id),
		HANE_FINT(":person", person_id),
		HANE_FINT(":ended", ended),
		HC_FARR(":today", hane_today(today)),
	};
	int rc = hane_record_first(
		db, &hane_hc_client_rdef,
		" WHERE (:id = 0 OR t.id = :id)"
		" AND (:person = 0 OR t.person_id = :person)"
		" AND (:id <> 0 OR :ended OR t.end_date IS NULL)"
		" ORDER BY t.end_date IS NOT NULL, t.end_date DESC, t.id DESC"
		" LIMIT 1",
		p, 4, out);

	if (id)
		return hane_store_missing(rc, HANE_M_HC_CLIENT_NOT_FOUND, id);
	return hane_store_missing(rc, HANE_M_HC_PERSON_NOT_CLIENT, person_id);
}

int hc_client_read(hane_db *db, int64_t id, struct hane_homecare_client *out)
{
	return client_read(db, id, 0, true, out);
}

int hane_homecare_client_get(hane_db *db, int64_t id,
			     struct hane_homecare_client *out)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	if (rc)
		return rc;
	if (id <= 0) {
		hane_error_set(hane_msg(HANE_M_HC_CLIENT_NOT_FOUND),
			       (long long)id);
		return HANE_ENOTFOUND;
	}
	return client_read(db, id, 0, true, out);
}

int hane_homecare_client_by_person(hane_db *db, int64_t person_id, bool ended,
				   struct hane_homecare_client *out)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	return rc ? rc : client_read(db, 0, person_id, ended, out);
}

int hane_homecare_client_add(hane_db *db, const struct hane_homecare_client *in,
			     int64_t *id)
{
	struct hane_homecare_client c = *in, old;
	struct hane_person p;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_HOMECARE_WRITE)))
		return rc;
	if (!c.start_date[0])
		hane_today(c.start_date);
	if ((rc = client_validate(&c)))
		return rc;
	if ((rc = hane_person_get(db, c.person_id, &p)))
		return rc;
	rc = client_read(db, 0, c.person_id, false, &old);
	if (rc == 0) {
		hane_error_set(hane_msg(HANE_M_HC_CLIENT_EXISTS), old.name,
			       (long long)old.id);
		return HANE_EEXIST;
	}
	if (rc != HANE_ENOTFOUND)
		return rc;
	hane_error_clear();
	c.id = 0;
	return hc_save(db, &hane_hc_client_rdef, &c, id);
}

static int plan_service_row(hane_stmt *st, void *arg)
{
	const struct hane_homecare_client *c = arg;
	const char *s = hane_stmt_text(st, 0);

	if (hc_gives(c->services, s))
		return 0;
	hane_error_set(hane_msg(HANE_M_HC_PLAN_SERVICE_IN_USE),
		       hane_homecare_label(s));
	return HANE_EINVAL;
}

/* Fails when an open plan gives a service the client no longer receives. */
static int plans_fit_services(hane_db *db, const struct hane_homecare_client *c)
{
	char today[HANE_DATE_LEN + 1];
	struct hane_field p[] = {HANE_FINT(":c", c->id),
				 HC_FARR(":today", hane_today(today))};

	return hane_store_each(db,
			       "SELECT service FROM homecare_plan"
			       " WHERE client_id = :c"
			       " AND (valid_to IS NULL OR valid_to >= :today)",
			       p, 2, plan_service_row, (void *)c);
}

int hane_homecare_client_update(hane_db *db, struct hane_homecare_client *c)
{
	struct hane_homecare_client w;
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc || (rc = client_validate(c)))
		return rc;
	if ((rc = hane_store_begin(db)))
		return rc;
	/* The person stays the stored one: only what the header says. */
	w = *c;
	if ((rc = plans_fit_services(db, c)) == 0 &&
	    (rc = hc_client_read(db, c->id, &w)) == 0) {
		HANE_COPY(w.services, c->services);
		HANE_COPY(w.start_date, c->start_date);
		HANE_COPY(w.needs, c->needs);
		HANE_COPY(w.notes, c->notes);
		w.version = c->version;
		rc = hc_update(db, &hane_hc_client_rdef, &w);
	}
	if (rc) {
		hane_store_rollback(db);
		return rc;
	}
	if ((rc = hane_store_commit(db)) == 0)
		c->version = w.version;
	return rc;
}

/* Rows of a client (id, version by sql) that are updated to f, 256 at a
 * time until none is left; *n counts them. */
struct id_versions {
	int64_t id[256], version[256];
	int n;
};

static int id_version_row(hane_stmt *st, void *arg)
{
	struct id_versions *r = arg;

	r->id[r->n] = hane_stmt_int(st, 0);
	r->version[r->n++] = hane_stmt_int(st, 1);
	return 0;
}

static int update_rows(hane_db *db, const char *table, const char *sql,
		       int64_t client_id, const char *date,
		       const struct hane_field *f, size_t nf, int *n)
{
	struct hane_field p[] = {HANE_FINT(":c", client_id),
				 HANE_FTEXT(":d", date)};
	struct id_versions *r = malloc(sizeof *r);
	int rc;

	if (!r)
		return HANE_ENOMEM;
	do {
		r->n = 0;
		rc = hane_store_each(db, sql, p, 2, id_version_row, r);
		for (int i = 0; rc == 0 && i < r->n; i++, (*n)++)
			rc = hane_store_update(db, table, r->id[i],
					       r->version[i], f, nf, NULL);
	} while (rc == 0 && r->n > 0);
	free(r);
	return rc;
}

/* Cancels the planned visits of a client after date and ends the open
 * plans on date (inside the caller's transaction). */
static int end_schedule(hane_db *db, int64_t client_id, const char *date,
			const char *why, int *cancelled)
{
	struct hane_field plan[] = {HANE_FTEXT("valid_to", date)};
	struct hane_field visit[] = {HANE_FTEXT("status", "cancelled"),
				     HANE_FTEXT("cancel_reason", why)};
	int plans = 0;

	/* Plans first: the generator must not refill what is cancelled. */
	int rc = update_rows(db, "homecare_plan",
			     "SELECT id, version FROM homecare_plan"
			     " WHERE client_id = :c"
			     " AND (valid_to IS NULL OR valid_to > :d)"
			     " LIMIT 256",
			     client_id, date, plan, 1, &plans);

	return rc ? rc
		  : update_rows(db, "homecare_visit",
				"SELECT id, version FROM homecare_visit"
				" WHERE client_id = :c AND status = 'planned'"
				" AND date > :d LIMIT 256",
				client_id, date, visit, 2, cancelled);
}

/* HANE_EINVAL once the client's service has ended ("... sona erdi" with
 * the day), 0 while it runs. */
static int client_running(const struct hane_homecare_client *c)
{
	char d[HANE_DATE_LEN + 1];

	if (!c->end_date[0])
		return 0;
	hane_error_set(hane_msg(HANE_M_HC_CLIENT_ENDED), (long long)c->id,
		       hane_date_format(d, c->end_date));
	return HANE_EINVAL;
}

int hane_homecare_client_end(hane_db *db, int64_t id, int64_t version,
			     const char *date, const char *reason,
			     int *cancelled)
{
	struct hane_homecare_client c;
	char why[HANE_TEXT_MAX];
	int n = 0, rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (cancelled)
		*cancelled = 0;
	if (rc || (rc = hc_check_date(HANE_M_HC_F_END_DATE, date, true)) ||
	    (rc = hc_check_code("end", HANE_M_HC_F_END_REASON,
				reason ? reason : "")))
		return rc;
	if ((rc = client_read(db, id, 0, true, &c)))
		return rc;
	if ((rc = client_running(&c)))
		return rc;
	if (strcmp(date, c.start_date) < 0)
		return hc_before(HANE_M_HC_F_END_DATE, c.start_date);
	snprintf(why, sizeof why, hane_msg(HANE_M_HC_CANCEL_ENDED),
		 hane_homecare_label(reason));
	if ((rc = hane_store_begin(db)))
		return rc;
	{
		struct hane_field f[] = {
			HANE_FTEXT("end_date", date),
			HANE_FTEXT("end_reason", reason),
		};
		rc = hane_store_update(db, "homecare_client", id, version, f, 2,
				       NULL);
	}
	if (rc == 0)
		rc = end_schedule(db, id, date, why, &n);
	if (rc) {
		hane_store_rollback(db);
		return rc;
	}
	if ((rc = hane_store_commit(db)) == 0 && cancelled)
		*cancelled = n;
	return rc;
}

int hc_client_gives(const struct hane_homecare_client *c, const char *service)
{
	if (hc_gives(c->services, service))
		return 0;
	hane_error_set(hane_msg(HANE_M_HC_SERVICE_NOT_GIVEN), (long long)c->id,
		       hane_homecare_label(service));
	return HANE_EINVAL;
}

HANE_RECORD_EACH_FN(client, struct hane_homecare_client)

int hane_homecare_client_each(
	hane_db *db, const struct hane_homecare_client_filter *filter,
	int (*fn)(const struct hane_homecare_client *c, void *arg), void *arg)
{
	struct client_each e = {fn, arg};
	struct hane_homecare_client_filter none = {0};
	char today[HANE_DATE_LEN + 1];

	if (!filter)
		filter = &none;
	struct hane_field p[] = {
		HANE_FINT(":ended", filter->ended),
		HANE_FTEXT(":service", filter->service),
		HANE_FINT(":hh", filter->household_id),
		HC_FARR(":today", hane_today(today)),
	};
	return hc_list(
		db, &hane_hc_client_rdef,
		" JOIN person p ON p.id = t.person_id"
		" WHERE (:ended OR t.end_date IS NULL)"
		" AND (:service IS NULL OR t.services = :service"
		"  OR t.services = 'both')"
		" AND (:hh = 0 OR p.household_id = :hh)"
		" ORDER BY p.first_name || ' ' || p.last_name COLLATE TURKISH,"
		" t.id",
		p, 4, client_call, &e);
}

static int text_row(hane_stmt *st, void *arg)
{
	snprintf(arg, HANE_NAME_MAX, "%s", hane_stmt_text(st, 0));
	return 0;
}

int hc_client_mahalle(hane_db *db, int64_t client_id, char out[HANE_NAME_MAX])
{
	struct hane_field c = HANE_FINT(":c", client_id);

	out[0] = '\0';
	return hane_store_missing(
		hane_store_first(
			db,
			"SELECT coalesce(h.mahalle,'') FROM homecare_client c"
			" JOIN person p ON p.id = c.person_id"
			" JOIN household h ON h.id = p.household_id"
			" WHERE c.id = :c",
			&c, 1, text_row, out),
		HANE_M_HC_CLIENT_NOT_FOUND, client_id);
}

/* ---- Care plans ------------------------------------------------------------------ */

void hane_homecare_plan_init(struct hane_homecare_plan *p)
{
	memset(p, 0, sizeof *p);
	strcpy(p->service, "care");
	strcpy(p->period, "week");
	p->visits = 1;
	strcpy(p->window_start, "09:00");
	strcpy(p->window_end, "12:00");
	p->duration_min = 60;
}

/* The plan's own shape: visits in the period, days, the window and the
 * duration that fits in it. */
static int plan_shape(const struct hane_homecare_plan *p)
{
	int ws, we, rc;

	if (p->visits < 1 || p->visits > (strcmp(p->period, "week") ? 31 : 7)) {
		hane_error_set(hane_msg(HANE_M_HC_V_RANGE),
			       hane_msg(HANE_M_HC_F_VISITS), 1,
			       strcmp(p->period, "week") ? 31 : 7);
		return HANE_EINVAL;
	}
	if (p->days[0]) {
		char days[8];

		if (hane_homecare_days_parse(days, p->days) != 0 ||
		    strcmp(days, p->days) != 0) {
			char why[256];

			snprintf(why, sizeof why, "%s", hane_error_last());
			return hc_field_error(HANE_M_HC_F_DAYS, why);
		}
	}
	if ((rc = hc_span(p->window_start, p->window_end,
			  HANE_M_HC_F_WINDOW_START, HANE_M_HC_F_WINDOW_END, &ws,
			  &we)))
		return rc;
	if (p->duration_min < 15 || p->duration_min > 600) {
		hane_error_set(hane_msg(HANE_M_HC_V_RANGE),
			       hane_msg(HANE_M_HC_F_DURATION), 15, 600);
		return HANE_EINVAL;
	}
	if (we - ws < p->duration_min)
		return hc_field_error(HANE_M_HC_F_WINDOW_END,
				      hane_msg(HANE_M_HC_V_WINDOW));
	return 0;
}

/* The plan's worker (if any) is active and gives the plan's service. */
static int plan_worker_ok(hane_db *db, const struct hane_homecare_plan *p)
{
	struct hane_homecare_worker w;
	int rc;

	if (!p->worker_id)
		return 0;
	if ((rc = hane_record_get_or(db, &hane_hc_worker_rdef, p->worker_id,
				     hane_msg(HANE_M_HC_WORKER_NOT_FOUND), &w)))
		return rc;
	if (!w.active) {
		hane_error_set(hane_msg(HANE_M_HC_WORKER_INACTIVE), w.name);
		return HANE_EINVAL;
	}
	if (!hc_gives(w.services, p->service)) {
		hane_error_set(hane_msg(HANE_M_HC_WORKER_NO_SERVICE), w.name,
			       hane_homecare_label(p->service));
		return HANE_EINVAL;
	}
	return 0;
}

static int plan_validate(hane_db *db, struct hane_homecare_plan *p)
{
	struct hane_homecare_client c;
	int rc;

	if ((rc = hc_check_code("service", HANE_M_HC_F_SERVICE, p->service)) ||
	    (rc = hc_check_code("period", HANE_M_HC_F_PERIOD, p->period)))
		return rc;
	if ((rc = plan_shape(p)))
		return rc;
	if ((rc = client_read(db, p->client_id, 0, true, &c)))
		return rc;
	if ((rc = client_running(&c)) || (rc = hc_client_gives(&c, p->service)))
		return rc;
	if (!p->valid_from[0]) {
		char today[HANE_DATE_LEN + 1];

		hane_today(today);
		HANE_COPY(p->valid_from, strcmp(today, c.start_date) > 0
						 ? today
						 : c.start_date);
	}
	if ((rc = hc_check_date(HANE_M_HC_F_VALID_FROM, p->valid_from, true)) ||
	    (rc = hc_check_date(HANE_M_HC_F_VALID_TO, p->valid_to, false)))
		return rc;
	if (strcmp(p->valid_from, c.start_date) < 0) {
		return hc_before(HANE_M_HC_F_VALID_FROM, c.start_date);
	}
	if (p->valid_to[0] && strcmp(p->valid_to, p->valid_from) < 0) {
		return hc_before(HANE_M_HC_F_VALID_TO, p->valid_from);
	}
	return plan_worker_ok(db, p);
}

#define F(...) HANE_FDEF(struct hane_homecare_plan, __VA_ARGS__)
static const struct hane_fdef plan_fields[] = {HANE_HC_PLAN_FIELDS(F)};
#undef F
const struct hane_rdef hane_hc_plan_rdef = HANE_RDEF(
	struct hane_homecare_plan, "homecare_plan", "homecare", plan_fields);

int hane_homecare_plan_add(hane_db *db, const struct hane_homecare_plan *in,
			   int64_t *id)
{
	struct hane_homecare_plan p = *in;
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc || (rc = plan_validate(db, &p)))
		return rc;
	p.id = 0;
	return hc_save(db, &hane_hc_plan_rdef, &p, id);
}

int hane_homecare_plan_update(hane_db *db, struct hane_homecare_plan *p)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc || (rc = plan_validate(db, p)))
		return rc;
	return hc_update(db, &hane_hc_plan_rdef, p);
}

int hane_homecare_plan_get(hane_db *db, int64_t id,
			   struct hane_homecare_plan *out)
{
	return hc_get(db, &hane_hc_plan_rdef, id, HANE_M_HC_PLAN_NOT_FOUND,
		      out);
}

HANE_RECORD_EACH_FN(plan, struct hane_homecare_plan)

int hane_homecare_plan_each(hane_db *db, int64_t client_id,
			    int (*fn)(const struct hane_homecare_plan *p,
				      void *arg),
			    void *arg)
{
	struct plan_each e = {fn, arg};
	struct hane_field p = HANE_FINT(":c", client_id);

	return hc_list(db, &hane_hc_plan_rdef,
		       " WHERE :c = 0 OR t.client_id = :c"
		       " ORDER BY t.valid_from DESC, t.id DESC",
		       &p, 1, plan_call, &e);
}

char *hane_homecare_plan_describe(char *out, size_t outsz,
				  const struct hane_homecare_plan *p)
{
	char freq[64], days[64];

	snprintf(freq, sizeof freq,
		 hane_msg(strcmp(p->period, "month") == 0 ? HANE_M_HC_PER_MONTH
							  : HANE_M_HC_PER_WEEK),
		 p->visits);
	hane_homecare_days_format(days, sizeof days,
				  p->days[0] ? p->days : "12345");
	snprintf(out, outsz, "%s · %s · %s · %s–%s · %d %s",
		 hane_homecare_label(p->service), freq, days, p->window_start,
		 p->window_end, p->duration_min, hane_msg(HANE_M_HC_MINUTES));
	return out;
}
