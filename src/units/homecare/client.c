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

int hane_homecare_worker_add(hane_db *db, const struct hane_homecare_worker *w,
			     int64_t *id)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_ADMIN);

	if (rc || (rc = worker_validate(w)))
		return rc;
	{
		struct hane_field f[] = {
			HANE_FTEXT("name", w->name),
			HANE_FTEXT("kind", w->kind),
			HANE_FTEXT("services", w->services),
			HANE_FTEXT("work_days", w->work_days),
			HANE_FTEXT("phone", w->phone[0] ? w->phone : NULL),
			w->staff_id ? (struct hane_field)HANE_FINT("staff_id",
								   w->staff_id)
				    : (struct hane_field)HANE_FNULL("staff_id"),
			HANE_FINT("active", w->active ? 1 : 0),
		};
		return hane_store_insert(db, "homecare_worker", f,
					 sizeof f / sizeof f[0], id);
	}
}

#define WORKER_COLUMNS                                                         \
	"id, version, name, kind, services, work_days, coalesce(phone,''),"    \
	" coalesce(staff_id,0), active"

static void read_worker(hane_stmt *st, struct hane_homecare_worker *w)
{
	hane_homecare_worker_init(w);
	w->id = hane_stmt_int(st, 0);
	w->version = hane_stmt_int(st, 1);
	HANE_COPY(w->name, hane_stmt_text(st, 2));
	HANE_COPY(w->kind, hane_stmt_text(st, 3));
	HANE_COPY(w->services, hane_stmt_text(st, 4));
	HANE_COPY(w->work_days, hane_stmt_text(st, 5));
	HANE_COPY(w->phone, hane_stmt_text(st, 6));
	w->staff_id = hane_stmt_int(st, 7);
	w->active = hane_stmt_int(st, 8) != 0;
}

/* Reads a worker without the permission check (the model's own use). */
static int worker_read(hane_db *db, int64_t id,
		       struct hane_homecare_worker *out)
{
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(db, &st,
				   "SELECT " WORKER_COLUMNS
				   " FROM homecare_worker WHERE id = :id");

	if (rc)
		return rc;
	if ((rc = hane_stmt_bind_int(st, ":id", id)) == 0)
		rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		read_worker(st, out);
		rc = 0;
	} else if (rc == HANE_DONE) {
		hane_error_set(hane_msg(HANE_M_HC_WORKER_NOT_FOUND),
			       (long long)id);
		rc = HANE_ENOTFOUND;
	}
	hane_stmt_finalize(st);
	return rc;
}

int hane_homecare_worker_get(hane_db *db, int64_t id,
			     struct hane_homecare_worker *out)
{
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	return rc ? rc : worker_read(db, id, out);
}

int hane_homecare_worker_update(hane_db *db, struct hane_homecare_worker *w)
{
	int changed = 0;
	int rc = hane_can(db, HANE_ACT_HOMECARE_ADMIN);

	if (rc || (rc = worker_validate(w)))
		return rc;
	{
		struct hane_field f[] = {
			HANE_FTEXT("name", w->name),
			HANE_FTEXT("kind", w->kind),
			HANE_FTEXT("services", w->services),
			HANE_FTEXT("work_days", w->work_days),
			HANE_FTEXT("phone", w->phone[0] ? w->phone : NULL),
			w->staff_id ? (struct hane_field)HANE_FINT("staff_id",
								   w->staff_id)
				    : (struct hane_field)HANE_FNULL("staff_id"),
			HANE_FINT("active", w->active ? 1 : 0),
		};
		rc = hane_store_update(db, "homecare_worker", w->id, w->version,
				       f, sizeof f / sizeof f[0], &changed);
	}
	if (rc == 0 && changed)
		w->version++;
	return rc;
}

HANE_STORE_EACH_ROW(worker, struct hane_homecare_worker, read_worker)

int hane_homecare_worker_each(hane_db *db, bool all,
			      int (*fn)(const struct hane_homecare_worker *w,
					void *arg),
			      void *arg)
{
	struct worker_each e = {fn, arg};
	struct hane_field p = HANE_FINT(":all", all);
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	return rc ? rc
		  : hane_store_each(db,
				    "SELECT " WORKER_COLUMNS
				    " FROM homecare_worker"
				    " WHERE :all OR active"
				    " ORDER BY name COLLATE TURKISH, id",
				    &p, 1, worker_row, &e);
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

#define CLIENT_SELECT                                                          \
	"SELECT c.id, c.version, c.person_id, c.services, c.start_date,"       \
	" coalesce(c.end_date,''), coalesce(c.end_reason,''), c.needs,"        \
	" coalesce(c.notes,''), p.household_id,"                               \
	" p.first_name || ' ' || p.last_name, coalesce(h.mahalle,''),"         \
	" coalesce((SELECT max(v.date) FROM homecare_visit v"                  \
	"  WHERE v.client_id = c.id AND v.status = 'done'),''),"               \
	" coalesce((SELECT min(v.date) FROM homecare_visit v"                  \
	"  WHERE v.client_id = c.id AND v.status = 'planned'"                  \
	"  AND v.date >= :today),''),"                                         \
	" (SELECT count(*) FROM homecare_visit v"                              \
	"  WHERE v.client_id = c.id AND v.followup = 'open')"                  \
	" FROM homecare_client c JOIN person p ON p.id = c.person_id"          \
	" JOIN household h ON h.id = p.household_id"

static void read_client(hane_stmt *st, struct hane_homecare_client *c)
{
	hane_homecare_client_init(c);
	c->id = hane_stmt_int(st, 0);
	c->version = hane_stmt_int(st, 1);
	c->person_id = hane_stmt_int(st, 2);
	HANE_COPY(c->services, hane_stmt_text(st, 3));
	HANE_COPY(c->start_date, hane_stmt_text(st, 4));
	HANE_COPY(c->end_date, hane_stmt_text(st, 5));
	HANE_COPY(c->end_reason, hane_stmt_text(st, 6));
	HANE_COPY(c->needs, hane_stmt_text(st, 7));
	HANE_COPY(c->notes, hane_stmt_text(st, 8));
	c->household_id = hane_stmt_int(st, 9);
	HANE_COPY(c->name, hane_stmt_text(st, 10));
	HANE_COPY(c->mahalle, hane_stmt_text(st, 11));
	HANE_COPY(c->last_visit, hane_stmt_text(st, 12));
	HANE_COPY(c->next_visit, hane_stmt_text(st, 13));
	c->open_followups = (int)hane_stmt_int(st, 14);
}

/* One client by id or by person; no permission check. */
static int client_read(hane_db *db, int64_t id, int64_t person_id, bool ended,
		       struct hane_homecare_client *out)
{
	char today[HANE_DATE_LEN + 1];
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(
		db, &st,
		CLIENT_SELECT
		" WHERE (:id = 0 OR c.id = :id)"
		" AND (:person = 0 OR c.person_id = :person)"
		" AND (:id <> 0 OR :ended OR c.end_date IS NULL)"
		" ORDER BY c.end_date IS NOT NULL, c.end_date DESC, c.id DESC"
		" LIMIT 1");

	if (rc)
		return rc;
	if ((rc = hane_stmt_bind_int(st, ":id", id)) ||
	    (rc = hane_stmt_bind_int(st, ":person", person_id)) ||
	    (rc = hane_stmt_bind_int(st, ":ended", ended)) ||
	    (rc = hane_stmt_bind_text(st, ":today", hane_today(today))))
		goto done;
	rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		read_client(st, out);
		rc = 0;
	} else if (rc == HANE_DONE) {
		if (id)
			hane_error_set(hane_msg(HANE_M_HC_CLIENT_NOT_FOUND),
				       (long long)id);
		else
			hane_error_set(hane_msg(HANE_M_HC_PERSON_NOT_CLIENT),
				       (long long)person_id);
		rc = HANE_ENOTFOUND;
	}
done:
	hane_stmt_finalize(st);
	return rc;
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
	{
		struct hane_field f[] = {
			HANE_FINT("person_id", c.person_id),
			HANE_FTEXT("services", c.services),
			HANE_FTEXT("start_date", c.start_date),
			HANE_FTEXT("needs", c.needs),
			HANE_FTEXT("notes", c.notes[0] ? c.notes : NULL),
		};
		return hane_store_insert(db, "homecare_client", f,
					 sizeof f / sizeof f[0], id);
	}
}

/* Fails when an open plan gives a service the client no longer receives. */
static int plans_fit_services(hane_db *db, const struct hane_homecare_client *c)
{
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(
		db, &st,
		"SELECT service FROM homecare_plan WHERE client_id = :c"
		" AND (valid_to IS NULL OR valid_to >= :today)");
	char today[HANE_DATE_LEN + 1];

	if (rc)
		return rc;
	if ((rc = hane_stmt_bind_int(st, ":c", c->id)) ||
	    (rc = hane_stmt_bind_text(st, ":today", hane_today(today))))
		goto done;
	while ((rc = hane_stmt_step(st)) == HANE_ROW) {
		const char *s = hane_stmt_text(st, 0);

		if (!hc_gives(c->services, s)) {
			hane_error_set(hane_msg(HANE_M_HC_PLAN_SERVICE_IN_USE),
				       hane_homecare_label(s));
			rc = HANE_EINVAL;
			goto done;
		}
	}
	rc = rc < 0 ? rc : 0;
done:
	hane_stmt_finalize(st);
	return rc;
}

int hane_homecare_client_update(hane_db *db, struct hane_homecare_client *c)
{
	int changed = 0;
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc || (rc = client_validate(c)))
		return rc;
	if ((rc = hane_store_begin(db)))
		return rc;
	if ((rc = plans_fit_services(db, c)))
		goto done;
	{
		struct hane_field f[] = {
			HANE_FTEXT("services", c->services),
			HANE_FTEXT("start_date", c->start_date),
			HANE_FTEXT("needs", c->needs),
			HANE_FTEXT("notes", c->notes[0] ? c->notes : NULL),
		};
		rc = hane_store_update(db, "homecare_client", c->id, c->version,
				       f, sizeof f / sizeof f[0], &changed);
	}
done:
	if (rc) {
		hane_store_rollback(db);
		return rc;
	}
	if ((rc = hane_store_commit(db)) == 0 && changed)
		c->version++;
	return rc;
}

/* Cancels the planned visits of a client after date and ends the open
 * plans on date (inside the caller's transaction). */
static int end_schedule(hane_db *db, int64_t client_id, const char *date,
			const char *why, int *cancelled)
{
	hane_stmt *st = NULL;
	int64_t ids[256], versions[256];
	int n, rc;

	/* Plans first: the generator must not refill what is cancelled. */
	rc = hane_stmt_prepare(
		db, &st,
		"SELECT id, version FROM homecare_plan WHERE client_id = :c"
		" AND (valid_to IS NULL OR valid_to > :d) LIMIT 256");
	if (rc)
		return rc;
	for (;;) {
		n = 0;
		hane_stmt_reset(st);
		if ((rc = hane_stmt_bind_int(st, ":c", client_id)) ||
		    (rc = hane_stmt_bind_text(st, ":d", date)))
			goto done;
		while ((rc = hane_stmt_step(st)) == HANE_ROW) {
			ids[n] = hane_stmt_int(st, 0);
			versions[n++] = hane_stmt_int(st, 1);
		}
		if (rc < 0)
			goto done;
		hane_stmt_reset(st);
		if (n == 0)
			break;
		for (int i = 0; i < n; i++) {
			struct hane_field f[] = {HANE_FTEXT("valid_to", date)};

			if ((rc = hane_store_update(db, "homecare_plan", ids[i],
						    versions[i], f, 1, NULL)))
				goto done;
		}
	}
	hane_stmt_finalize(st);
	st = NULL;
	rc = hane_stmt_prepare(
		db, &st,
		"SELECT id, version FROM homecare_visit WHERE client_id = :c"
		" AND status = 'planned' AND date > :d LIMIT 256");
	if (rc)
		return rc;
	for (;;) {
		n = 0;
		hane_stmt_reset(st);
		if ((rc = hane_stmt_bind_int(st, ":c", client_id)) ||
		    (rc = hane_stmt_bind_text(st, ":d", date)))
			goto done;
		while ((rc = hane_stmt_step(st)) == HANE_ROW) {
			ids[n] = hane_stmt_int(st, 0);
			versions[n++] = hane_stmt_int(st, 1);
		}
		if (rc < 0)
			goto done;
		hane_stmt_reset(st);
		if (n == 0)
			break;
		for (int i = 0; i < n; i++) {
			struct hane_field f[] = {
				HANE_FTEXT("status", "cancelled"),
				HANE_FTEXT("cancel_reason", why),
			};

			if ((rc = hane_store_update(db, "homecare_visit",
						    ids[i], versions[i], f, 2,
						    NULL)))
				goto done;
			(*cancelled)++;
		}
	}
	rc = 0;
done:
	hane_stmt_finalize(st);
	return rc;
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
	if (c.end_date[0]) {
		hane_error_set(hane_msg(HANE_M_HC_CLIENT_ENDED), (long long)id,
			       c.end_date);
		return HANE_EINVAL;
	}
	if (strcmp(date, c.start_date) < 0) {
		hane_error_set(hane_msg(HANE_M_HC_V_BEFORE),
			       hane_msg(HANE_M_HC_F_END_DATE), c.start_date);
		return HANE_EINVAL;
	}
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

HANE_STORE_EACH_ROW(client, struct hane_homecare_client, read_client)

int hane_homecare_client_each(
	hane_db *db, const struct hane_homecare_client_filter *filter,
	int (*fn)(const struct hane_homecare_client *c, void *arg), void *arg)
{
	struct hane_homecare_client_filter none = {0};
	struct client_each e = {fn, arg};
	char today[HANE_DATE_LEN + 1];
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	if (rc)
		return rc;
	if (!filter)
		filter = &none;
	struct hane_field p[] = {
		HANE_FINT(":ended", filter->ended),
		HANE_FTEXT(":service", filter->service),
		HANE_FINT(":hh", filter->household_id),
		HANE_FTEXT(":today", hane_today(today)),
	};
	return hane_store_each(
		db,
		CLIENT_SELECT
		" WHERE (:ended OR c.end_date IS NULL)"
		" AND (:service IS NULL OR c.services = :service"
		"  OR c.services = 'both')"
		" AND (:hh = 0 OR p.household_id = :hh)"
		" ORDER BY p.first_name || ' ' || p.last_name COLLATE TURKISH,"
		" c.id",
		p, 4, client_row, &e);
}

int hc_client_mahalle(hane_db *db, int64_t client_id, char out[HANE_NAME_MAX])
{
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(
		db, &st,
		"SELECT coalesce(h.mahalle,'') FROM homecare_client c"
		" JOIN person p ON p.id = c.person_id"
		" JOIN household h ON h.id = p.household_id WHERE c.id = :c");

	out[0] = '\0';
	if (rc)
		return rc;
	if ((rc = hane_stmt_bind_int(st, ":c", client_id)) == 0)
		rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		snprintf(out, HANE_NAME_MAX, "%s", hane_stmt_text(st, 0));
		rc = 0;
	} else if (rc == HANE_DONE) {
		hane_error_set(hane_msg(HANE_M_HC_CLIENT_NOT_FOUND),
			       (long long)client_id);
		rc = HANE_ENOTFOUND;
	}
	hane_stmt_finalize(st);
	return rc;
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
	int ws, we;

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
	ws = hc_minutes(p->window_start);
	we = hc_minutes(p->window_end);
	if (ws < 0)
		return hc_field_error(HANE_M_HC_F_WINDOW_START,
				      hane_msg(HANE_M_HC_V_TIME));
	if (we < 0)
		return hc_field_error(HANE_M_HC_F_WINDOW_END,
				      hane_msg(HANE_M_HC_V_TIME));
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
	if ((rc = worker_read(db, p->worker_id, &w)))
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
	if (c.end_date[0]) {
		hane_error_set(hane_msg(HANE_M_HC_CLIENT_ENDED),
			       (long long)c.id, c.end_date);
		return HANE_EINVAL;
	}
	if (!hc_gives(c.services, p->service)) {
		hane_error_set(hane_msg(HANE_M_HC_SERVICE_NOT_GIVEN),
			       (long long)c.id,
			       hane_homecare_label(p->service));
		return HANE_EINVAL;
	}
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
		hane_error_set(hane_msg(HANE_M_HC_V_BEFORE),
			       hane_msg(HANE_M_HC_F_VALID_FROM), c.start_date);
		return HANE_EINVAL;
	}
	if (p->valid_to[0] && strcmp(p->valid_to, p->valid_from) < 0) {
		hane_error_set(hane_msg(HANE_M_HC_V_BEFORE),
			       hane_msg(HANE_M_HC_F_VALID_TO), p->valid_from);
		return HANE_EINVAL;
	}
	return plan_worker_ok(db, p);
}

#define PLAN_FIELDS(p)                                                         \
	HANE_FINT("client_id", (p)->client_id),                                \
		HANE_FTEXT("service", (p)->service),                           \
		HANE_FTEXT("period", (p)->period),                             \
		HANE_FINT("visits", (p)->visits),                              \
		HANE_FTEXT("days", (p)->days),                                 \
		HANE_FTEXT("window_start", (p)->window_start),                 \
		HANE_FTEXT("window_end", (p)->window_end),                     \
		HANE_FINT("duration_min", (p)->duration_min),                  \
		(p)->worker_id ? (struct hane_field)HANE_FINT("worker_id",     \
							      (p)->worker_id)  \
			       : (struct hane_field)HANE_FNULL("worker_id"),   \
		HANE_FTEXT("valid_from", (p)->valid_from),                     \
		HANE_FTEXT("valid_to",                                         \
			   (p)->valid_to[0] ? (p)->valid_to : NULL)

int hane_homecare_plan_add(hane_db *db, const struct hane_homecare_plan *in,
			   int64_t *id)
{
	struct hane_homecare_plan p = *in;
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc || (rc = plan_validate(db, &p)))
		return rc;
	{
		struct hane_field f[] = {PLAN_FIELDS(&p)};

		return hane_store_insert(db, "homecare_plan", f,
					 sizeof f / sizeof f[0], id);
	}
}

int hane_homecare_plan_update(hane_db *db, struct hane_homecare_plan *p)
{
	int changed = 0;
	int rc = hane_can(db, HANE_ACT_HOMECARE_WRITE);

	if (rc || (rc = plan_validate(db, p)))
		return rc;
	{
		struct hane_field f[] = {PLAN_FIELDS(p)};

		rc = hane_store_update(db, "homecare_plan", p->id, p->version,
				       f, sizeof f / sizeof f[0], &changed);
	}
	if (rc == 0 && changed)
		p->version++;
	return rc;
}

#define PLAN_COLUMNS                                                           \
	"id, version, client_id, service, period, visits, days, window_start," \
	" window_end, duration_min, coalesce(worker_id,0), valid_from,"        \
	" coalesce(valid_to,'')"

static void read_plan(hane_stmt *st, struct hane_homecare_plan *p)
{
	hane_homecare_plan_init(p);
	p->id = hane_stmt_int(st, 0);
	p->version = hane_stmt_int(st, 1);
	p->client_id = hane_stmt_int(st, 2);
	HANE_COPY(p->service, hane_stmt_text(st, 3));
	HANE_COPY(p->period, hane_stmt_text(st, 4));
	p->visits = (int)hane_stmt_int(st, 5);
	HANE_COPY(p->days, hane_stmt_text(st, 6));
	HANE_COPY(p->window_start, hane_stmt_text(st, 7));
	HANE_COPY(p->window_end, hane_stmt_text(st, 8));
	p->duration_min = (int)hane_stmt_int(st, 9);
	p->worker_id = hane_stmt_int(st, 10);
	HANE_COPY(p->valid_from, hane_stmt_text(st, 11));
	HANE_COPY(p->valid_to, hane_stmt_text(st, 12));
}

int hane_homecare_plan_get(hane_db *db, int64_t id,
			   struct hane_homecare_plan *out)
{
	hane_stmt *st = NULL;
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	if (rc)
		return rc;
	rc = hane_stmt_prepare(db, &st,
			       "SELECT " PLAN_COLUMNS
			       " FROM homecare_plan WHERE id = :id");
	if (rc)
		return rc;
	if ((rc = hane_stmt_bind_int(st, ":id", id)) == 0)
		rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		read_plan(st, out);
		rc = 0;
	} else if (rc == HANE_DONE) {
		hane_error_set(hane_msg(HANE_M_HC_PLAN_NOT_FOUND),
			       (long long)id);
		rc = HANE_ENOTFOUND;
	}
	hane_stmt_finalize(st);
	return rc;
}

HANE_STORE_EACH_ROW(plan, struct hane_homecare_plan, read_plan)

int hane_homecare_plan_each(hane_db *db, int64_t client_id,
			    int (*fn)(const struct hane_homecare_plan *p,
				      void *arg),
			    void *arg)
{
	struct plan_each e = {fn, arg};
	struct hane_field p = HANE_FINT(":c", client_id);
	int rc = hane_can(db, HANE_ACT_HOMECARE_READ);

	return rc ? rc
		  : hane_store_each(db,
				    "SELECT " PLAN_COLUMNS " FROM homecare_plan"
				    " WHERE :c = 0 OR client_id = :c"
				    " ORDER BY valid_from DESC, id DESC",
				    &p, 1, plan_row, &e);
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
