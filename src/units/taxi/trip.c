/* Trips after booking: reading them (board, history, services panel),
 * cancelling, recording outcomes and no-shows, the driver's manifest. */
#include <stdlib.h>
#include <string.h>

#include "hane/csvio.h"
#include "hane/record.h"
#include "hane/security.h"
#include "taxi_int.h"

/* What a trip is read with: its appointment's, rider's, vehicle's and
 * driver's part, each a look-up by the trip's own references. */
#define FROM_APPT(w)                                                           \
	"(SELECT " w " FROM taxi_appointment a WHERE a.id = t.appointment_id)"
#define FROM_RIDER(w)                                                          \
	"(SELECT " w " FROM taxi_appointment a JOIN taxi_rider r"              \
	" ON r.id = a.rider_id WHERE a.id = t.appointment_id)"
#define FROM_PERSON(w)                                                         \
	"(SELECT " w " FROM taxi_appointment a"                                \
	" JOIN taxi_rider r ON r.id = a.rider_id"                              \
	" JOIN person p ON p.id = r.person_id"                                 \
	" JOIN household h ON h.id = p.household_id"                           \
	" WHERE a.id = t.appointment_id)"
#define TRIP_JOINED(S)                                                         \
	S(series_id, HANE_FT_INT, FROM_APPT("coalesce(a.series_id, 0)"))       \
	S(appt_time, HANE_FT_TEXT, FROM_APPT("a.appt_time"))                   \
	S(destination, HANE_FT_TEXT, FROM_APPT("a.destination"))               \
	S(purpose, HANE_FT_TEXT, FROM_APPT("a.purpose"))                       \
	S(plate, HANE_FT_TEXT,                                                 \
	  "(SELECT v.plate FROM taxi_vehicle v WHERE v.id = t.vehicle_id)")    \
	S(driver_name, HANE_FT_TEXT,                                           \
	  "(SELECT d.full_name FROM taxi_driver d WHERE d.id = t.driver_id)")  \
	S(rider_id, HANE_FT_INT, FROM_APPT("a.rider_id"))                      \
	S(person_id, HANE_FT_INT, FROM_RIDER("r.person_id"))                   \
	S(rider_name, HANE_FT_TEXT,                                            \
	  FROM_PERSON("p.first_name || ' ' || p.last_name"))                   \
	S(mobility_aid, HANE_FT_TEXT, FROM_RIDER("r.mobility_aid"))            \
	S(phone, HANE_FT_TEXT,                                                 \
	  FROM_PERSON("coalesce(nullif(p.phone, ''), h.phone, '')"))           \
	S(driver_notes, HANE_FT_TEXT, FROM_RIDER("r.driver_notes"))
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_taxi_trip, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_taxi_trip, __VA_ARGS__)
static const struct hane_fdef trip_fields[] = {HANE_TAXI_TRIP_FIELDS(F)
						       TRIP_JOINED(S)};
#undef F
#undef S
const struct hane_rdef hane_taxi_trip_rdef =
	HANE_RDEF(struct hane_taxi_trip, "taxi_trip", "taxi", trip_fields);

HANE_RECORD_EACH_FN(trip, struct hane_taxi_trip)

int tx_trips_each(hane_db *db, const char *tail, const struct hane_field *p,
		  size_t n,
		  int (*fn)(const struct hane_taxi_trip *t, void *arg),
		  void *arg)
{
	struct trip_each e = {fn, arg};

	return hane_record_list(db, &hane_taxi_trip_rdef, tail, p, n, trip_call,
				&e);
}

static const struct tx_code statuses[] = {
	{"planned", HANE_M_TAXI_S_PLANNED, NULL},
	{"done", HANE_M_TAXI_S_DONE, NULL},
	{"cancelled", HANE_M_TAXI_S_CANCELLED, NULL},
	{"noshow", HANE_M_TAXI_S_NOSHOW, NULL},
};

const char *hane_taxi_status_label(const char *status)
{
	return tx_code_label(statuses, TX_NCODES(statuses), status);
}

/* The words typed for an outcome and for who cancelled. */
static const struct tx_code outcomes[] = {
	{"done", HANE_M__COUNT, "done|yapildi|tamam|tamamlandi|gitti"},
	{"noshow", HANE_M__COUNT, "noshow|no show|gelmedi|yok"},
};
static const struct tx_code cancellers[] = {
	{"rider", HANE_M__COUNT, "rider|yolcu|hasta|aile|yakini"},
	{"unit", HANE_M__COUNT, "unit|birim|kurum|belediye|ofis"},
	{"driver", HANE_M__COUNT, "driver|sofor|arac"},
};

const char *hane_taxi_outcome_parse(const char *word)
{
	return tx_code_parse(outcomes, TX_NCODES(outcomes), word);
}

const char *hane_taxi_canceller_parse(const char *word)
{
	return tx_code_parse(cancellers, TX_NCODES(cancellers), word);
}

int hane_taxi_trip_get(hane_db *db, int64_t id, struct hane_taxi_trip *out)
{
	return tx_get(db, &hane_taxi_trip_rdef, id, out, HANE_M_TAXI_NO_TRIP);
}

/* tx_trips_each after the taxi.read check. */
static int tx_trips_read(hane_db *db, const char *tail,
			 const struct hane_field *p, size_t n,
			 int (*fn)(const struct hane_taxi_trip *t, void *arg),
			 void *arg)
{
	struct trip_each e = {fn, arg};

	return tx_list(db, &hane_taxi_trip_rdef, tail, p, n, trip_call, &e);
}

int tx_trip_planned(hane_db *db, int64_t id, struct hane_taxi_trip *out)
{
	int rc = hane_taxi_trip_get(db, id, out);

	if (rc == 0 && strcmp(out->status, "planned") != 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_NOT_PLANNED), (long long)id,
			       hane_taxi_status_label(out->status));
		rc = HANE_EINVAL;
	}
	return rc;
}

int hane_taxi_trips_day(hane_db *db, const char *day, int64_t vehicle_id,
			int64_t driver_id, bool active_only,
			int (*fn)(const struct hane_taxi_trip *t, void *arg),
			void *arg)
{
	char iso[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	if ((rc = hane_date_parse(iso, day ? day : "")) != 0)
		return rc;
	{
		struct hane_field p[] = {HANE_FTEXT(":d", iso),
					 HANE_FINT(":v", vehicle_id),
					 HANE_FINT(":dr", driver_id),
					 HANE_FINT(":a", active_only ? 1 : 0)};

		return tx_trips_each(
			db,
			" LEFT JOIN taxi_vehicle v ON v.id = t.vehicle_id"
			" WHERE t.day = :d AND (:v = 0 OR t.vehicle_id = :v)"
			" AND (:dr = 0 OR t.driver_id = :dr)"
			" AND (:a = 0 OR t.status <> 'cancelled')"
			" ORDER BY t.start_time, v.plate, t.id",
			p, 4, fn, arg);
	}
}

int hane_taxi_trips_rider(hane_db *db, int64_t rider_id, int limit,
			  int (*fn)(const struct hane_taxi_trip *t, void *arg),
			  void *arg)
{
	struct hane_field p[] = {HANE_FINT(":r", rider_id),
				 HANE_FINT(":n", limit > 0 ? limit : -1)};

	return tx_trips_read(db,
			     " JOIN taxi_appointment a ON a.id ="
			     " t.appointment_id WHERE a.rider_id = :r"
			     " ORDER BY t.day DESC, t.start_time DESC"
			     " LIMIT :n",
			     p, 2, fn, arg);
}

int hane_taxi_trips_household(
	hane_db *db, int64_t household_id, const char *since, int limit,
	int (*fn)(const struct hane_taxi_trip *t, void *arg), void *arg)
{
	struct hane_field p[] = {HANE_FINT(":h", household_id),
				 HANE_FTEXT(":s", since ? since : ""),
				 HANE_FINT(":n", limit > 0 ? limit : -1)};

	return tx_trips_read(db,
			     " JOIN taxi_appointment a ON a.id ="
			     " t.appointment_id"
			     " JOIN taxi_rider r ON r.id = a.rider_id"
			     " JOIN person p ON p.id = r.person_id"
			     " WHERE p.household_id = :h AND t.day >= :s"
			     " ORDER BY t.day, t.start_time LIMIT :n",
			     p, 3, fn, arg);
}

/* ---- Cancelling ---------------------------------------------------------------- */

/* Minutes from now to the trip's pickup (negative once it has passed). */
static int notice_minutes(const struct hane_taxi_trip *t)
{
	char now[20], today[HANE_DATE_LEN + 1];
	long dn = 0, tn = 0;
	int nowmin;
	char hm[HANE_TAXI_TIME];

	hane_now(now);
	snprintf(today, sizeof today, "%.10s", now);
	snprintf(hm, sizeof hm, "%.5s", now + 11);
	nowmin = hane_taxi_time_parse(hm);
	tx_day_number(t->day, &dn);
	tx_day_number(today, &tn);
	return (int)((dn - tn) * 24 * 60) +
	       hane_taxi_time_parse(t->start_time) - nowmin;
}

/* Marks the appointment cancelled once none of its trips is left. */
static int settle_appointment(hane_db *db, int64_t aid)
{
	/* live trips, version */
	int64_t v[2] = {0, 0};
	struct hane_field a = HANE_FINT(":a", aid);
	int rc = hane_store_ints(db,
				 "SELECT (SELECT count(*) FROM taxi_trip "
				 "WHERE appointment_id = :a"
				 "  AND status <> 'cancelled'), version"
				 " FROM taxi_appointment WHERE id = :a",
				 &a, 1, v, 2);

	if (rc == HANE_ENOTFOUND)
		return 0;
	if (rc == 0 && v[0] == 0 && v[1]) {
		struct hane_field f[] = {HANE_FTEXT("status", "cancelled")};

		rc = hane_store_update(db, "taxi_appointment", aid, v[1], f, 1,
				       NULL);
	}
	return rc < 0 ? rc : 0;
}

static int cancel_one(hane_db *db, const struct hane_taxi_trip *t,
		      const char *by, const char *reason, int *notice)
{
	struct hane_taxi_trip c = *t;
	char now[20];
	int n = notice_minutes(t);
	/* Beside the fields: when, and the notice as it is — negative once
	 * the pickup has passed, where the struct's -1 would be "none". */
	struct hane_field more[] = {
		HANE_FTEXT("cancelled_at", hane_now(now)),
		HANE_FINT("notice_minutes", n),
	};

	HANE_COPY(c.status, "cancelled");
	HANE_COPY(c.cancelled_by, by);
	HANE_COPY(c.cancel_reason, reason);
	c.notice_minutes = n;
	if (notice)
		*notice = n;
	return hane_record_save_with(db, &hane_taxi_trip_rdef, &c, more, 2,
				     NULL);
}

/* A cancellation's start: taxi.write, who (a word for them, made the
 * stored code) and the reason, then the transaction. */
static int cancel_begin(hane_db *db, const char **by, const char *reason)
{
	const char *b = hane_taxi_canceller_parse(*by);
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_WRITE)) != 0)
		return rc;
	if (!b) {
		hane_error_set(hane_msg(HANE_M_TAXI_BAD_CANCELLER),
			       *by ? *by : "");
		return HANE_EINVAL;
	}
	*by = b;
	if (!reason || !*reason) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_TAXI_F_REASON));
		return HANE_EINVAL;
	}
	/* Kept whole or refused, never cut (bytes: UTF-8). */
	if (strlen(reason) >= HANE_TAXI_TEXT) {
		hane_error_set(hane_msg(HANE_M_V_TOO_LONG),
			       hane_msg(HANE_M_TAXI_F_REASON),
			       HANE_TAXI_TEXT - 1);
		return HANE_EINVAL;
	}
	return hane_store_begin(db);
}

int hane_taxi_trip_cancel(hane_db *db, int64_t trip_id, const char *by,
			  const char *reason, int *notice)
{
	struct hane_taxi_trip t;
	int rc;

	if ((rc = cancel_begin(db, &by, reason)) != 0)
		return rc;
	rc = tx_trip_planned(db, trip_id, &t);
	if (rc == 0)
		rc = cancel_one(db, &t, by, reason, notice);
	if (rc == 0)
		rc = settle_appointment(db, t.appointment_id);
	return tx_finish(db, rc);
}

struct trip_list {
	int n;
	struct hane_taxi_trip t[4];
};

static int collect(const struct hane_taxi_trip *t, void *arg)
{
	struct trip_list *l = arg;

	if (l->n < 4)
		l->t[l->n++] = *t;
	return 0;
}

int hane_taxi_appointment_cancel(hane_db *db, int64_t appointment_id,
				 const char *by, const char *reason)
{
	struct trip_list l = {0};
	int rc, planned = 0;

	if ((rc = cancel_begin(db, &by, reason)) != 0)
		return rc;
	{
		struct hane_field a = HANE_FINT(":a", appointment_id);

		rc = tx_trips_each(db,
				   " WHERE t.appointment_id = :a"
				   " ORDER BY t.leg DESC",
				   &a, 1, collect, &l);
	}
	if (rc == 0 && l.n == 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_NO_APPOINTMENT),
			       (long long)appointment_id);
		rc = HANE_ENOTFOUND;
	}
	for (int i = 0; rc == 0 && i < l.n; i++) {
		if (strcmp(l.t[i].status, "planned") != 0)
			continue;
		planned++;
		rc = cancel_one(db, &l.t[i], by, reason, NULL);
	}
	if (rc == 0 && planned == 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_NOTHING_TO_CANCEL),
			       (long long)appointment_id);
		rc = HANE_EINVAL;
	}
	if (rc == 0)
		rc = settle_appointment(db, appointment_id);
	return tx_finish(db, rc);
}

/* ---- Outcomes ------------------------------------------------------------------ */

int tx_noshow_count(hane_db *db, int64_t rider_id, const char *day,
		    const struct hane_taxi_settings *s, int *out)
{
	char since[HANE_DATE_LEN + 1] = "";
	struct hane_field p[] = {HANE_FINT(":r", rider_id),
				 HANE_FTEXT(":s", since),
				 HANE_FTEXT(":d", day)};
	int64_t n = 0;
	int rc;

	*out = 0;
	if ((rc = hane_taxi_day_add(since, day, -(s->noshow_days - 1))) != 0)
		return rc;
	/* Appointments, not trips: a missed outbound trip and its return
	 * are one no-show. */
	rc = hane_store_ints(db,
			     "SELECT count(DISTINCT t.appointment_id)"
			     " FROM taxi_trip t JOIN taxi_appointment a"
			     " ON a.id = t.appointment_id"
			     " WHERE a.rider_id = :r AND t.status = 'noshow'"
			     " AND t.day >= :s AND t.day <= :d",
			     p, 3, &n, 1);
	*out = (int)n;
	return rc;
}

static int return_leg(hane_stmt *st, void *arg)
{
	int64_t *id = arg;

	*id = hane_stmt_int(st, 0);
	return 0;
}

/* May trip t be given outcome o now? Not a cancelled trip, not one
 * already settled otherwise (without the override), not a future day. */
static int outcome_allowed(hane_db *db, const struct hane_taxi_trip *t,
			   const char *o)
{
	char today[HANE_DATE_LEN + 1], shown[11];
	int rc;

	if (strcmp(t->status, "cancelled") == 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_NOT_PLANNED),
			       (long long)t->id,
			       hane_taxi_status_label(t->status));
		return HANE_EINVAL;
	}
	/* Already so: nothing to write, but the return question stands
	 * (the console may ask it again). */
	if (strcmp(t->status, o) != 0 && strcmp(t->status, "planned") != 0 &&
	    (rc = hane_can(db, HANE_ACT_TAXI_OVERRIDE)) != 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_OUTCOME_SET),
			       (long long)t->id,
			       hane_taxi_status_label(t->status));
		return rc;
	}
	if (strcmp(t->day, hane_today(today)) > 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_OUTCOME_FUTURE),
			       (long long)t->id,
			       hane_date_format(shown, t->day));
		return HANE_EINVAL;
	}
	return 0;
}

/* After a no-show: the planned return leg to ask about, the rider's
 * no-shows in the window, and the flag at the limit. */
static int after_noshow(hane_db *db, const struct hane_taxi_trip *t,
			const struct hane_taxi_settings *s, const char *now,
			struct hane_taxi_outcome_result *r)
{
	struct hane_taxi_rider rider;
	int rc = 0;

	if (strcmp(t->leg, "out") == 0) {
		struct hane_field a = HANE_FINT(":a", t->appointment_id);

		rc = hane_store_each(
			db,
			"SELECT id FROM taxi_trip WHERE appointment_id"
			" = :a AND leg = 'return' AND status = 'planned'",
			&a, 1, return_leg, &r->return_trip_id);
	}
	if (rc == 0)
		rc = tx_noshow_count(db, t->rider_id, t->day, s, &r->noshows);
	if (rc == 0)
		rc = hane_taxi_rider_get(db, t->rider_id, &rider);
	if (rc == 0 && r->noshows >= s->noshow_limit && !rider.flagged) {
		struct hane_field f[] = {HANE_FINT("flagged", 1),
					 HANE_FTEXT("flagged_at", now)};

		rc = hane_store_update(db, "taxi_rider", rider.id,
				       rider.version, f, 2, NULL);
		r->flagged = rc == 0;
	}
	return rc;
}

int hane_taxi_trip_outcome(hane_db *db, int64_t trip_id, const char *outcome,
			   struct hane_taxi_outcome_result *res)
{
	struct hane_taxi_outcome_result r = {0};
	struct hane_taxi_settings s;
	struct hane_taxi_trip t;
	char now[20];
	const char *o = hane_taxi_outcome_parse(outcome);
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_WRITE)) != 0)
		return rc;
	if (!o) {
		hane_error_set(hane_msg(HANE_M_TAXI_BAD_OUTCOME),
			       outcome ? outcome : "");
		return HANE_EINVAL;
	}
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_taxi_trip_get(db, trip_id, &t);
	if (rc == 0)
		rc = tx_settings(db, &s);
	if (rc == 0)
		rc = outcome_allowed(db, &t, o);
	if (rc)
		goto done;
	hane_now(now);
	if (strcmp(t.status, o) != 0) {
		struct hane_taxi_trip c = t;
		struct hane_field at = HANE_FTEXT("outcome_at", now);

		HANE_COPY(c.status, o);
		rc = hane_record_save_with(db, &hane_taxi_trip_rdef, &c, &at, 1,
					   NULL);
	}
	if (rc == 0 && strcmp(o, "noshow") == 0)
		rc = after_noshow(db, &t, &s, now, &r);
done:
	rc = tx_finish(db, rc);
	if (rc == 0 && res)
		*res = r;
	return rc;
}

int hane_taxi_return_cancel(hane_db *db, int64_t return_trip_id)
{
	return hane_taxi_trip_cancel(db, return_trip_id, "unit",
				     hane_msg(HANE_M_TAXI_CLI_NOSHOW_REASON),
				     NULL);
}

/* ---- The manifest ---------------------------------------------------------------- */

struct manifest {
	hane_db *db;
	hane_csv_writer *w;
	int64_t rows;
	int rc;
};

static void put(struct manifest *m, const char *v, enum hane_csv_kind k)
{
	if (m->rc == 0)
		m->rc = hane_csv_put(m->w, v, k);
}

/* v through the gate for the driver's sheet, into out. */
static void sheet_show(hane_db *db, enum hane_pd kind, const char *v, char *out,
		       size_t n)
{
	char buf[HANE_TAXI_TEXT];

	snprintf(out, n, "%s",
		 hane_gate_show(db, HANE_ACT_TAXI_WRITE, kind, v, buf,
				sizeof buf));
}

/* The driver calls the rider and drives to the door: the unit's staff
 * write the sheet in full. */
int hane_taxi_sheet_row(hane_db *db, const struct hane_taxi_trip *t,
			struct hane_taxi_sheet *out)
{
	bool outbound = strcmp(t->leg, "return") != 0;
	int rc = hane_gate_view(db, "taxi.manifest", "person", t->person_id);

	if (rc)
		return rc;
	sheet_show(db, HANE_PD_PHONE, t->phone, out->phone, sizeof out->phone);
	if (outbound)
		sheet_show(db, HANE_PD_ADDRESS, t->from_address, out->from,
			   sizeof out->from);
	else
		HANE_COPY(out->from, t->from_address);
	if (outbound)
		HANE_COPY(out->to, t->to_address);
	else
		sheet_show(db, HANE_PD_ADDRESS, t->to_address, out->to,
			   sizeof out->to);
	sheet_show(db, HANE_PD_HEALTH, t->driver_notes, out->notes,
		   sizeof out->notes);
	sheet_show(db, HANE_PD_HEALTH, hane_taxi_aid_label(t->mobility_aid),
		   out->aid, sizeof out->aid);
	return 0;
}

static int manifest_row(const struct hane_taxi_trip *t, void *arg)
{
	struct manifest *m = arg;
	struct hane_taxi_sheet s;
	char id[24];

	/* The view is logged before the row is written. */
	if (m->rc == 0)
		m->rc = hane_taxi_sheet_row(m->db, t, &s);
	if (m->rc)
		return m->rc;
	snprintf(id, sizeof id, "%lld", (long long)t->id);
	put(m, t->start_time, HANE_CSV_TEXT);
	put(m, t->end_time, HANE_CSV_TEXT);
	put(m, hane_taxi_leg_label(t->leg), HANE_CSV_TEXT);
	put(m, t->rider_name, HANE_CSV_TEXT);
	put(m, s.phone, HANE_CSV_TEXT);
	put(m, s.from, HANE_CSV_TEXT);
	put(m, s.to, HANE_CSV_TEXT);
	put(m, t->appt_time, HANE_CSV_TEXT);
	put(m, s.aid, HANE_CSV_TEXT);
	put(m,
	    t->companion ? hane_msg(HANE_M_TAXI_YES) : hane_msg(HANE_M_TAXI_NO),
	    HANE_CSV_TEXT);
	put(m, s.notes, HANE_CSV_TEXT);
	put(m, t->plate, HANE_CSV_TEXT);
	put(m, t->driver_name, HANE_CSV_TEXT);
	put(m, id, HANE_CSV_NUMBER);
	if (m->rc == 0)
		m->rc = hane_csv_endrow(m->w);
	m->rows++;
	return m->rc;
}

int hane_taxi_manifest_write(hane_db *db, FILE *fp, unsigned flags,
			     const char *day, int64_t vehicle_id,
			     int64_t driver_id, int64_t *rows)
{
	static const enum hane_msg titles[] = {
		HANE_M_TAXI_C_PICKUP, HANE_M_TAXI_C_DROPOFF,
		HANE_M_TAXI_C_LEG,    HANE_M_TAXI_C_RIDER,
		HANE_M_F_PHONE,	      HANE_M_TAXI_C_FROM,
		HANE_M_TAXI_C_TO,     HANE_M_TAXI_F_APPT_TIME,
		HANE_M_TAXI_F_AID,    HANE_M_TAXI_F_COMPANION,
		HANE_M_TAXI_F_NOTES,  HANE_M_TAXI_F_VEHICLE,
		HANE_M_TAXI_F_DRIVER, HANE_M_TAXI_C_TRIP,
	};
	struct manifest m = {db, NULL, 0, 0};
	char detail[96];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0 ||
	    (rc = hane_can(db, HANE_ACT_EXPORT)) != 0)
		return rc;
	if ((rc = hane_csv_writer_open(&m.w, fp, flags)) != 0)
		return rc;
	hane_csv_writer_sheet(m.w, hane_msg(HANE_M_TAXI_SHEET_MANIFEST));
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		put(&m, hane_msg(titles[i]), HANE_CSV_TEXT);
	if (m.rc == 0)
		m.rc = hane_csv_endrow(m.w);
	rc = m.rc;
	if (rc == 0)
		rc = hane_taxi_trips_day(db, day, vehicle_id, driver_id, true,
					 manifest_row, &m);
	if (rc == 0)
		rc = m.rc;
	{
		int rc2 = hane_csv_writer_close(m.w);

		if (rc == 0)
			rc = rc2;
	}
	if (rc)
		return rc;
	snprintf(detail, sizeof detail,
		 "taxi manifest %s vehicle=%lld driver=%lld rows=%lld",
		 day ? day : "", (long long)vehicle_id, (long long)driver_id,
		 (long long)m.rows);
	rc = hane_store_audit_event(db, "export", "taxi_trip", 0, detail);
	if (rc == 0 && rows)
		*rows = m.rows;
	return rc;
}
