/* Engelsiz Taksi: riders, booking rules (round trip, overlap, capacity,
 * window, override), recurring appointments, cancellations, no-shows,
 * re-assignment, import and the reports. The clock is frozen with
 * HANE_NOW: Monday 2026-06-15 10:00 unless a test moves it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "hane/core.h"
#include "hane/households.h"
#include "hane/reports.h"
#include "hane/taxi.h"

#define NOW "2026-06-15 10:00:00"

struct fx {
	hane_db *db;
	int64_t d1, d2; /* drivers */
	int64_t v1,
		v2; /* 41 ABC 123 (1 wheelchair, 3 seats); 41 DEF 456 (0, 4) */
	int64_t walker; /* rider with a walker, companion */
	int64_t chair;	/* wheelchair rider */
	int64_t plain;	/* no aid */
	int64_t plain2;
};

static int64_t person(hane_db *db, int n, const char *first, int pct)
{
	struct hane_household h;
	struct hane_person p;
	int64_t pid = 0;

	hane_household_init(&h);
	snprintf(h.street, sizeof h.street, "Atatürk Cd.");
	snprintf(h.building, sizeof h.building, "%d", n);
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn((uint64_t)n));
	snprintf(p.first_name, sizeof p.first_name, "%s", first);
	snprintf(p.last_name, sizeof p.last_name, "Yolcu");
	p.disability_pct = pct;
	tu_ok(hane_household_create(db, &h, &p, NULL, &pid, NULL));
	return pid;
}

static int64_t rider(hane_db *db, int n, const char *first, const char *aid,
		     bool companion)
{
	struct hane_taxi_rider r;
	int64_t id = 0;

	memset(&r, 0, sizeof r);
	r.person_id = person(db, n, first, 80);
	snprintf(r.mobility_aid, sizeof r.mobility_aid, "%s", aid);
	r.companion = companion;
	r.active = true;
	tu_ok(hane_taxi_rider_save(db, &r, &id));
	return id;
}

static int64_t driver(hane_db *db, const char *name)
{
	struct hane_taxi_driver d;
	int64_t id = 0;

	memset(&d, 0, sizeof d);
	snprintf(d.full_name, sizeof d.full_name, "%s", name);
	snprintf(d.phone, sizeof d.phone, "05320000%03u",
		 (unsigned)strlen(name) % 100u);
	d.active = true;
	tu_ok(hane_taxi_driver_save(db, &d, &id));
	return id;
}

static int64_t vehicle(hane_db *db, const char *plate, int wc, int seats,
		       int64_t drv)
{
	struct hane_taxi_vehicle v;
	int64_t id = 0;

	memset(&v, 0, sizeof v);
	snprintf(v.plate, sizeof v.plate, "%s", plate);
	v.wheelchair_places = wc;
	v.seats = seats;
	v.in_service = true;
	v.driver_id = drv;
	tu_ok(hane_taxi_vehicle_save(db, &v, &id));
	return id;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	setenv("HANE_NOW", NOW, 1);
	f->db = tu_open(NULL);
	f->d1 = driver(f->db, "Kemal Sürücü");
	f->d2 = driver(f->db, "Hasan Şoför");
	f->v1 = vehicle(f->db, "41abc123", 1, 3, f->d1);
	f->v2 = vehicle(f->db, "41 def 456", 0, 4, f->d2);
	f->walker = rider(f->db, 1, "Ayşe", "walker", true);
	f->chair = rider(f->db, 2, "Mehmet", "wheelchair", false);
	f->plain = rider(f->db, 3, "Fatma", "none", false);
	f->plain2 = rider(f->db, 4, "Ali", "none", false);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	hane_store_close(f->db);
	free(f);
	setenv("HANE_NOW", NOW, 1);
	return 0;
}

static void booking(struct hane_taxi_booking *b, int64_t rider_id,
		    const char *day, const char *appt, const char *ret)
{
	hane_taxi_booking_init(b);
	b->rider_id = rider_id;
	snprintf(b->day, sizeof b->day, "%s", day);
	snprintf(b->appt_time, sizeof b->appt_time, "%s", appt);
	snprintf(b->destination, sizeof b->destination, "Devlet Hastanesi");
	if (ret) {
		b->return_needed = true;
		snprintf(b->return_time, sizeof b->return_time, "%s", ret);
	}
}

struct trips {
	int n;
	struct hane_taxi_trip t[32];
};

static int collect(const struct hane_taxi_trip *t, void *arg)
{
	struct trips *l = arg;

	if (l->n < 32)
		l->t[l->n++] = *t;
	return 0;
}

static struct trips day_trips(hane_db *db, const char *day)
{
	struct trips l;

	memset(&l, 0, sizeof l);
	tu_ok(hane_taxi_trips_day(db, day, 0, 0, false, collect, &l));
	return l;
}

/* ---- Helpers -------------------------------------------------------------- */

static void test_helpers(void **state)
{
	char out[16];

	(void)state;
	assert_int_equal(hane_taxi_time_parse("9:05"), 545);
	assert_int_equal(hane_taxi_time_parse("09.30"), 570);
	assert_int_equal(hane_taxi_time_parse("09:30:00"), 570);
	assert_int_equal(hane_taxi_time_parse("0930"), 570);
	assert_int_equal(hane_taxi_time_parse("24:00"), -1);
	assert_int_equal(hane_taxi_time_parse("9"), -1);
	assert_int_equal(hane_taxi_time_parse("abc"), -1);
	assert_string_equal(hane_taxi_time_format(out, 545), "09:05");
	assert_int_equal(hane_taxi_weekday("2026-06-15"), 1);
	assert_int_equal(hane_taxi_weekday("2026-06-21"), 7);
	assert_int_equal(hane_taxi_weekday("2024-02-29"), 4);
	tu_ok(hane_taxi_day_add(out, "2026-02-28", 1));
	assert_string_equal(out, "2026-03-01");
	tu_ok(hane_taxi_day_add(out, "2026-01-01", -1));
	assert_string_equal(out, "2025-12-31");
	tu_ok(hane_taxi_plate_normalize(out, "41abc123"));
	assert_string_equal(out, "41 ABC 123");
	tu_ok(hane_taxi_plate_normalize(out, "34 a 1234"));
	assert_string_equal(out, "34 A 1234");
	assert_int_equal(hane_taxi_plate_normalize(out, "ABC 123"),
			 HANE_EINVAL);
	assert_int_equal(hane_taxi_plate_normalize(out, "41 ABCD 12"),
			 HANE_EINVAL);
	assert_int_equal(hane_taxi_weekdays_parse("pzt,çar,cum"),
			 (1u << 1) | (1u << 3) | (1u << 5));
	assert_int_equal(hane_taxi_weekdays_parse("Mon Wed"),
			 (1u << 1) | (1u << 3));
	assert_int_equal(hane_taxi_weekdays_parse("135"),
			 (1u << 1) | (1u << 3) | (1u << 5));
	assert_int_equal(hane_taxi_weekdays_parse("funday"), 0);
	assert_string_equal(hane_taxi_purpose_parse("Diyaliz"), "dialysis");
	assert_string_equal(hane_taxi_purpose_parse("fizik tedavi"), "physio");
	assert_null(hane_taxi_purpose_parse("gezinti"));
	assert_string_equal(hane_taxi_aid_parse("Tekerlekli Sandalye"),
			    "wheelchair");
	assert_string_equal(hane_taxi_aid_parse("yürüteç"), "walker");
	assert_string_equal(hane_taxi_canceller_parse("yolcu"), "rider");
	assert_string_equal(hane_taxi_outcome_parse("gelmedi"), "noshow");
}

/* ---- Riders ------------------------------------------------------------------ */

static void test_rider_rules(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_rider r, got;

	memset(&r, 0, sizeof r);
	r.active = true;
	r.person_id = person(f->db, 20, "Engelsiz", -1);
	assert_int_equal(hane_taxi_rider_save(f->db, &r, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "engel oranı"));
	r.person_id = person(f->db, 21, "Düşük", 30);
	assert_int_equal(hane_taxi_rider_save(f->db, &r, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "%40"));
	tu_ok(hane_taxi_setting_set(f->db, "min_disability", "20"));
	tu_ok(hane_taxi_rider_save(f->db, &r, NULL));
	assert_string_equal(r.mobility_aid, "none");
	r.id = 0;
	assert_int_equal(hane_taxi_rider_save(f->db, &r, NULL), HANE_EEXIST);
	snprintf(r.mobility_aid, sizeof r.mobility_aid, "roller");
	assert_int_equal(hane_taxi_rider_save(f->db, &r, NULL), HANE_EINVAL);

	tu_ok(hane_taxi_rider_get(f->db, f->walker, &got));
	assert_string_equal(got.name, "Ayşe Yolcu");
	assert_int_equal(got.disability_pct, 80);
	assert_string_equal(got.address, "Atatürk Cd. No:1");
	assert_true(got.companion);
	/* Saving checks the version. */
	got.companion = false;
	tu_ok(hane_taxi_rider_save(f->db, &got, NULL));
	got.version = 1;
	assert_int_equal(hane_taxi_rider_save(f->db, &got, NULL),
			 HANE_ECONFLICT);
}

/* ---- Round trip ---------------------------------------------------------------- */

static void test_round_trip(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_booking b;
	struct hane_taxi_clash c;
	struct trips l;
	int64_t aid = 0;

	booking(&b, f->plain, "17.06.2026", "09:00", "11:00");
	tu_ok(hane_taxi_book(f->db, &b, &aid, &c));
	assert_true(aid > 0);
	l = day_trips(f->db, "2026-06-17");
	assert_int_equal(l.n, 2);
	assert_string_equal(l.t[0].leg, "out");
	assert_string_equal(l.t[0].start_time, "08:15");
	assert_string_equal(l.t[0].end_time, "09:00");
	assert_string_equal(l.t[0].from_address, "Atatürk Cd. No:3");
	assert_string_equal(l.t[0].to_address, "Devlet Hastanesi");
	/* A rider without a wheelchair gets the vehicle with fewest places,
	 * and its usual driver; the return the same vehicle. */
	assert_int_equal(l.t[0].vehicle_id, f->v2);
	assert_int_equal(l.t[0].driver_id, f->d2);
	assert_string_equal(l.t[1].leg, "return");
	assert_string_equal(l.t[1].start_time, "11:00");
	assert_string_equal(l.t[1].end_time, "11:45");
	assert_string_equal(l.t[1].from_address, "Devlet Hastanesi");
	assert_string_equal(l.t[1].to_address, "Atatürk Cd. No:3");
	assert_int_equal(l.t[1].vehicle_id, f->v2);
	assert_string_equal(l.t[1].status, "planned");

	/* One way only. */
	booking(&b, f->walker, "2026-06-18", "10:00", NULL);
	tu_ok(hane_taxi_book(f->db, &b, &aid, NULL));
	assert_int_equal(day_trips(f->db, "2026-06-18").n, 1);

	/* A return before the appointment is refused. */
	booking(&b, f->walker, "2026-06-19", "10:00", "09:30");
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_INVALID);
	/* Outside service hours (07:00–20:00). */
	booking(&b, f->walker, "2026-06-19", "07:15", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "hizmet saatleri"));
	booking(&b, f->walker, "2026-06-19", "25:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(day_trips(f->db, "2026-06-19").n, 0);
}

/* ---- Overlap and capacity --------------------------------------------------------- */

static void test_overlap(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_booking b;
	struct hane_taxi_clash c;
	struct trips l;
	int64_t first = 0;

	booking(&b, f->plain, "2026-06-17", "09:00", NULL);
	b.vehicle_id = f->v2;
	tu_ok(hane_taxi_book(f->db, &b, &first, NULL));
	l = day_trips(f->db, "2026-06-17");
	assert_int_equal(l.n, 1);

	/* 09:30 on the same vehicle: 08:45 starts before 09:00 + 15 buffer. */
	booking(&b, f->plain2, "2026-06-17", "09:30", NULL);
	b.vehicle_id = f->v2;
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_VEHICLE);
	assert_int_equal(c.trip_id, l.t[0].id);
	assert_string_equal(c.start, "08:15");
	assert_string_equal(c.rider, "Fatma Yolcu");
	assert_non_null(strstr(hane_error_last(), "41 DEF 456"));
	assert_non_null(strstr(hane_error_last(), "Fatma Yolcu"));
	/* The next free slots: the other vehicle at once, then later ones. */
	assert_true(c.nslots >= 2);
	assert_string_equal(c.slots[0].time, "09:30");
	assert_int_equal(c.slots[0].vehicle_id, f->v1);
	if (!strstr(hane_error_last(), "Boş saatler: 09:30"))
		fail_msg("%s", hane_error_last());
	/* 10:00 on the same vehicle fits exactly after the buffer. */
	booking(&b, f->plain2, "2026-06-17", "10:00", NULL);
	b.vehicle_id = f->v2;
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));

	/* Without a vehicle asked: the free one. */
	booking(&b, f->walker, "2026-06-17", "09:00", NULL);
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
	l = day_trips(f->db, "2026-06-17");
	assert_int_equal(l.n, 3);
	/* Everything busy at 09:00 now: refused with a slot offered. */
	booking(&b, f->chair, "2026-06-17", "09:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_VEHICLE);
	assert_string_equal(c.plate, "41 ABC 123");
	assert_true(c.nslots >= 1);
	/* Only the wheelchair vehicle is offered for a wheelchair rider. */
	for (int i = 0; i < c.nslots; i++)
		assert_int_equal(c.slots[i].vehicle_id, f->v1);
	assert_string_equal(c.slots[0].time, "10:00");
	tu_ok(hane_taxi_book_check(f->db, &b, &c) == HANE_EINVAL ? 0 : -1);
	snprintf(b.appt_time, sizeof b.appt_time, "%s", c.slots[0].time);
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));

	/* The same rider cannot travel twice at once. */
	booking(&b, f->chair, "2026-06-17", "10:15", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_RIDER);
}

static void test_capacity(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_booking b;
	struct hane_taxi_clash c;
	struct hane_taxi_vehicle v;
	struct trips l;

	/* A wheelchair rider cannot go in the vehicle without a place. */
	booking(&b, f->chair, "2026-06-17", "09:00", NULL);
	b.vehicle_id = f->v2;
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_CAPACITY);
	assert_non_null(strstr(hane_error_last(), "tekerlekli sandalye"));
	b.vehicle_id = 0;
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
	l = day_trips(f->db, "2026-06-17");
	assert_int_equal(l.t[0].vehicle_id, f->v1);
	assert_true(l.t[0].wheelchair);

	/* The only wheelchair vehicle out of service: nothing fits. */
	tu_ok(hane_taxi_vehicle_find(f->db, "41 ABC 123", &v));
	v.in_service = false;
	tu_ok(hane_taxi_vehicle_save(f->db, &v, NULL));
	booking(&b, f->chair, "2026-06-18", "09:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_CAPACITY);
	/* Rider + companion need two seats: a one-seat vehicle will not do. */
	tu_ok(hane_taxi_vehicle_find(f->db, "41 DEF 456", &v));
	v.seats = 1;
	tu_ok(hane_taxi_vehicle_save(f->db, &v, NULL));
	booking(&b, f->walker, "2026-06-18", "09:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_CAPACITY);
	booking(&b, f->plain, "2026-06-18", "09:00", NULL);
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
}

/* ---- The booking window -------------------------------------------------------- */

static void test_window(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_booking b;
	struct hane_taxi_clash c;
	int64_t aid = 0, n = 0;

	/* Monday 10:00: Tuesday is fine (deadline Monday 16:30). */
	booking(&b, f->plain, "2026-06-16", "09:00", NULL);
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
	/* Today is too late. */
	booking(&b, f->plain, "2026-06-15", "15:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_TOO_LATE);
	/* Monday 16:30 sharp: Tuesday is closed. */
	setenv("HANE_NOW", "2026-06-15 16:30:00", 1);
	booking(&b, f->plain2, "2026-06-16", "12:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_TOO_LATE);
	assert_non_null(strstr(hane_error_last(), "15.06.2026"));
	/* Monday is closed from Friday 16:30 (the weekend is skipped). */
	setenv("HANE_NOW", "2026-06-19 17:00:00", 1);
	booking(&b, f->plain2, "2026-06-22", "12:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_TOO_LATE);
	setenv("HANE_NOW", "2026-06-19 16:00:00", 1);
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
	/* A holiday is not a working day: 15 July 2026 is a Wednesday. */
	setenv("HANE_NOW", "2026-07-14 17:00:00", 1);
	booking(&b, f->plain2, "2026-07-16", "12:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_TOO_LATE);
	setenv("HANE_NOW", "2026-07-14 16:29:00", 1);
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
	/* A holiday added by an administrator counts too. */
	tu_ok(hane_taxi_holiday_add(f->db, "2026-07-20", "Deneme tatili"));
	assert_int_equal(hane_taxi_holiday_add(f->db, "20.07.2026", "x"),
			 HANE_EEXIST);
	setenv("HANE_NOW", "2026-07-17 17:00:00", 1);
	booking(&b, f->plain2, "2026-07-21", "12:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_TOO_LATE);

	/* No further than 14 days. */
	setenv("HANE_NOW", NOW, 1);
	booking(&b, f->plain, "2026-06-30", "09:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_TOO_EARLY);
	assert_non_null(strstr(hane_error_last(), "29.06.2026"));
	booking(&b, f->plain, "2026-06-29", "09:00", NULL);
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
	/* Configurable. */
	tu_ok(hane_taxi_setting_set(f->db, "days_ahead", "30"));
	booking(&b, f->plain, "2026-07-10", "09:00", NULL);
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
	tu_ok(hane_taxi_setting_set(f->db, "cutoff", "09:30"));
	booking(&b, f->plain, "2026-06-16", "15:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(hane_taxi_setting_set(f->db, "cutoff", "31:00"),
			 HANE_EINVAL);
	assert_int_equal(hane_taxi_setting_set(f->db, "nope", "1"),
			 HANE_EINVAL);

	/* Override: needs a reason, books, and is audited. */
	b.override = true;
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	snprintf(b.override_reason, sizeof b.override_reason,
		 "Acil kontrol, hastane aradı");
	tu_ok(hane_taxi_book(f->db, &b, &aid, &c));
	tu_ok(hane_store_query_int(f->db, &n,
				   "SELECT count(*) FROM audit WHERE action ="
				   " 'taxi.override' AND row_id = :id",
				   ":id", aid));
	assert_int_equal(n, 1);
	/* An override never beats a physical clash. */
	booking(&b, f->plain2, "2026-06-16", "15:00", NULL);
	b.vehicle_id = f->v2;
	b.override = true;
	snprintf(b.override_reason, sizeof b.override_reason, "acil");
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_VEHICLE);
}

/* ---- Recurring --------------------------------------------------------------------- */

struct skips {
	int n;
	char days[8][11];
	enum hane_taxi_refusal why[8];
};

static void on_skip(const char *day, const struct hane_taxi_clash *c,
		    const char *reason, void *arg)
{
	struct skips *s = arg;

	(void)reason;
	if (s->n < 8) {
		snprintf(s->days[s->n], 11, "%s", day);
		s->why[s->n++] = c->why;
	}
}

static void test_series(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_series sr;
	struct hane_taxi_booking b;
	struct skips sk = {0};
	const char skip[][HANE_DATE_LEN + 1] = {"26.06.2026"};
	int booked = 0, skipped = 0;
	int64_t sid = 0, n = 0;

	/* The rider already travels on 24 June at that time. */
	booking(&b, f->chair, "2026-06-24", "12:00", NULL);
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));

	memset(&sr, 0, sizeof sr);
	booking(&sr.b, f->chair, "", "12:30", "16:00");
	snprintf(sr.b.destination, sizeof sr.b.destination, "Diyaliz Merkezi");
	snprintf(sr.b.purpose, sizeof sr.b.purpose, "diyaliz");
	snprintf(sr.from, sizeof sr.from, "2026-06-17");
	snprintf(sr.to, sizeof sr.to, "03.07.2026");
	sr.weekdays = hane_taxi_weekdays_parse("pzt,çar,cum");
	sr.skip = skip;
	sr.nskip = 1;
	tu_ok(hane_taxi_book_series(f->db, &sr, &sid, &booked, &skipped,
				    on_skip, &sk));
	/* 17 19 22 24 (26) 29 1 3: seven days, 26th skipped as asked, 24th
	 * refused (the rider's other trip) and reported. */
	assert_int_equal(booked, 6);
	assert_int_equal(skipped, 1);
	assert_int_equal(sk.n, 1);
	assert_string_equal(sk.days[0], "2026-06-24");
	assert_int_equal(sk.why[0], HANE_TAXI_R_RIDER);
	tu_ok(hane_store_query_int(
		f->db, &n,
		"SELECT count(*) FROM taxi_trip t JOIN"
		" taxi_appointment a ON a.id = t.appointment_id"
		" WHERE a.series_id = :s",
		":s", sid));
	assert_int_equal(n, 12);
	tu_ok(hane_store_query_int(f->db, &n,
				   "SELECT count(*) FROM taxi_appointment WHERE"
				   " series_id = :s AND day = '2026-07-03'"
				   " AND purpose = 'dialysis'",
				   ":s", sid));
	assert_int_equal(n, 1);
	/* Beyond 14 days but within the series horizon; past it refused. */
	snprintf(sr.to, sizeof sr.to, "2026-12-31");
	assert_int_equal(
		hane_taxi_book_series(f->db, &sr, NULL, NULL, NULL, NULL, NULL),
		HANE_EINVAL);
	/* A series where nothing fits writes nothing. */
	snprintf(sr.from, sizeof sr.from, "2026-06-17");
	snprintf(sr.to, sizeof sr.to, "2026-06-17");
	assert_int_equal(hane_taxi_book_series(f->db, &sr, NULL, &booked,
					       &skipped, NULL, NULL),
			 HANE_EINVAL);
	tu_ok(hane_store_query_int(
		f->db, &n, "SELECT count(*) FROM taxi_series", NULL, 0));
	assert_int_equal(n, 1);
}

/* ---- Cancel, outcomes, no-shows --------------------------------------------------- */

static void test_cancel(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_booking b;
	struct hane_taxi_trip t;
	struct trips l;
	int64_t aid = 0, n = 0;
	int notice = 0;

	booking(&b, f->plain, "2026-06-16", "09:00", "11:00");
	b.vehicle_id = f->v2;
	tu_ok(hane_taxi_book(f->db, &b, &aid, NULL));
	l = day_trips(f->db, "2026-06-16");
	/* The return only: Monday 10:00 → Tuesday 11:00 is 25 hours. */
	assert_int_equal(
		hane_taxi_trip_cancel(f->db, l.t[1].id, "kimse", "x", NULL),
		HANE_EINVAL);
	assert_int_equal(
		hane_taxi_trip_cancel(f->db, l.t[1].id, "yolcu", "", NULL),
		HANE_EINVAL);
	tu_ok(hane_taxi_trip_cancel(f->db, l.t[1].id, "yolcu", "Kızı getirecek",
				    &notice));
	assert_int_equal(notice, 25 * 60);
	tu_ok(hane_taxi_trip_get(f->db, l.t[1].id, &t));
	assert_string_equal(t.status, "cancelled");
	assert_string_equal(t.cancelled_by, "rider");
	assert_string_equal(t.cancel_reason, "Kızı getirecek");
	tu_ok(hane_store_query_int(f->db, &n,
				   "SELECT status = 'booked' FROM"
				   " taxi_appointment WHERE id = :a",
				   ":a", aid));
	assert_int_equal(n, 1);
	assert_int_equal(
		hane_taxi_trip_cancel(f->db, l.t[1].id, "yolcu", "x", NULL),
		HANE_EINVAL);
	/* The whole appointment: the rest goes, the appointment too. */
	tu_ok(hane_taxi_appointment_cancel(f->db, aid, "birim",
					   "Araç arızası"));
	tu_ok(hane_store_query_int(f->db, &n,
				   "SELECT status = 'cancelled' FROM"
				   " taxi_appointment WHERE id = :a",
				   ":a", aid));
	assert_int_equal(n, 1);
	assert_int_equal(hane_taxi_appointment_cancel(f->db, aid, "birim", "x"),
			 HANE_EINVAL);
	/* The vehicle is free again. */
	booking(&b, f->plain2, "2026-06-16", "09:00", NULL);
	b.vehicle_id = f->v2;
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	/* Late notice is negative once the pickup has passed. */
	setenv("HANE_NOW", "2026-06-16 08:30:00", 1);
	l = day_trips(f->db, "2026-06-16");
	for (int i = 0; i < l.n; i++)
		if (!strcmp(l.t[i].status, "planned"))
			tu_ok(hane_taxi_trip_cancel(f->db, l.t[i].id, "rider",
						    "Kapıda vazgeçti",
						    &notice));
	assert_int_equal(notice, -15);
	/* The trip is saved whole through its field table: the late notice
	 * is stored as it is (negative), a trip never cancelled keeps none
	 * (NULL, read as -1), and a reason too long is refused, not cut. */
	tu_ok(hane_store_query_int(f->db, &n,
				   "SELECT count(*) FROM taxi_trip"
				   " WHERE notice_minutes = -15",
				   NULL, 0));
	assert_int_equal(n, 1);
	tu_ok(hane_store_query_int(f->db, &n,
				   "SELECT count(*) FROM taxi_trip WHERE"
				   " status <> 'cancelled' AND notice_minutes"
				   " IS NOT NULL",
				   NULL, 0));
	assert_int_equal(n, 0);
	{
		char longer[HANE_TAXI_TEXT + 8];

		memset(longer, 'x', sizeof longer - 1);
		longer[sizeof longer - 1] = '\0';
		booking(&b, f->plain2, "2026-06-18", "09:00", NULL);
		tu_ok(hane_taxi_book(f->db, &b, &aid, NULL));
		assert_int_equal(hane_taxi_appointment_cancel(f->db, aid,
							      "birim", longer),
				 HANE_EINVAL);
		assert_non_null(strstr(hane_error_last(), "Gerekçe"));
	}
}

static void test_noshow(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_outcome_result res;
	struct hane_taxi_booking b;
	struct hane_taxi_clash c;
	struct hane_taxi_rider r;
	struct trips l16, l17;

	booking(&b, f->plain, "2026-06-16", "09:00", "11:00");
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	booking(&b, f->plain, "2026-06-17", "09:00", "11:00");
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	l16 = day_trips(f->db, "2026-06-16");
	l17 = day_trips(f->db, "2026-06-17");
	/* Not before the day. */
	assert_int_equal(
		hane_taxi_trip_outcome(f->db, l16.t[0].id, "noshow", &res),
		HANE_EINVAL);
	assert_int_equal(
		hane_taxi_trip_outcome(f->db, l16.t[0].id, "belki", &res),
		HANE_EINVAL);
	setenv("HANE_NOW", "2026-06-16 09:10:00", 1);
	tu_ok(hane_taxi_trip_outcome(f->db, l16.t[0].id, "gelmedi", &res));
	/* The console asks about the return, still planned. */
	assert_int_equal(res.return_trip_id, l16.t[1].id);
	assert_int_equal(res.noshows, 1);
	assert_false(res.flagged);
	/* Cancelled as the console and --cancel-return do: by the unit,
	 * the no-show its reason. */
	tu_ok(hane_taxi_return_cancel(f->db, res.return_trip_id));
	{
		struct hane_taxi_trip t;

		tu_ok(hane_taxi_trip_get(f->db, l16.t[1].id, &t));
		assert_string_equal(t.status, "cancelled");
		assert_string_equal(t.cancelled_by, "unit");
		assert_string_equal(t.cancel_reason, "Gidiş seferine gelmedi");
	}
	setenv("HANE_NOW", "2026-06-17 09:10:00", 1);
	tu_ok(hane_taxi_trip_outcome(f->db, l17.t[0].id, "done", &res));
	assert_int_equal(res.return_trip_id, 0);
	/* The return missed: the second no-show in 14 days flags. */
	tu_ok(hane_taxi_trip_outcome(f->db, l17.t[1].id, "noshow", &res));
	assert_int_equal(res.return_trip_id, 0);
	assert_int_equal(res.noshows, 2);
	assert_true(res.flagged);
	tu_ok(hane_taxi_rider_get(f->db, f->plain, &r));
	assert_true(r.flagged);
	/* Same outcome again: nothing changes. */
	tu_ok(hane_taxi_trip_outcome(f->db, l17.t[1].id, "noshow", &res));
	assert_false(res.flagged);
	/* The return question is asked again while the return is planned. */
	setenv("HANE_NOW", "2026-06-16 09:10:00", 1);
	{
		struct hane_taxi_booking b2;
		struct trips l;

		booking(&b2, f->plain2, "2026-06-16", "09:00", "11:00");
		b2.override = true;
		snprintf(b2.override_reason, sizeof b2.override_reason, "x");
		tu_ok(hane_taxi_book(f->db, &b2, NULL, NULL));
		l = day_trips(f->db, "2026-06-16");
		for (int i = 0; i < l.n; i++)
			if (l.t[i].rider_id == f->plain2 &&
			    !strcmp(l.t[i].leg, "out")) {
				tu_ok(hane_taxi_trip_outcome(f->db, l.t[i].id,
							     "noshow", &res));
				assert_true(res.return_trip_id > 0);
				tu_ok(hane_taxi_trip_outcome(f->db, l.t[i].id,
							     "noshow", &res));
				assert_true(res.return_trip_id > 0);
			}
	}
	setenv("HANE_NOW", "2026-06-17 09:10:00", 1);
	/* A flagged rider is booked only with an override… */
	booking(&b, f->plain, "2026-06-19", "09:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_FLAGGED);
	/* …until a supervisor clears the flag, with a reason. */
	assert_int_equal(hane_taxi_rider_unflag(f->db, f->plain, ""),
			 HANE_EINVAL);
	tu_ok(hane_taxi_rider_unflag(f->db, f->plain, "Aile ile görüşüldü"));
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
	/* Cancelled trips have no outcome. */
	assert_int_equal(
		hane_taxi_trip_outcome(f->db, l16.t[1].id, "done", &res),
		HANE_EINVAL);
	/* Old no-shows fall out of the window. */
	tu_ok(hane_taxi_setting_set(f->db, "noshow_days", "1"));
	setenv("HANE_NOW", "2026-06-19 12:00:00", 1);
	{
		struct trips l19 = day_trips(f->db, "2026-06-19");

		tu_ok(hane_taxi_trip_outcome(f->db, l19.t[0].id, "noshow",
					     &res));
		assert_int_equal(res.noshows, 1);
		assert_false(res.flagged);
	}
}

static void test_assign(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_booking b;
	struct hane_taxi_clash c;
	struct trips l;

	booking(&b, f->plain, "2026-06-17", "09:00", NULL);
	b.vehicle_id = f->v2;
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	booking(&b, f->plain2, "2026-06-17", "09:00", NULL);
	b.vehicle_id = f->v1;
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	l = day_trips(f->db, "2026-06-17");
	assert_int_equal(l.n, 2);
	/* Moving one onto the other's vehicle clashes. */
	assert_int_equal(hane_taxi_trip_assign(
				 f->db, l.t[0].id, l.t[0].version,
				 l.t[0].vehicle_id == f->v1 ? f->v2 : f->v1, 0,
				 &c),
			 HANE_EINVAL);
	assert_int_equal(c.why, HANE_TAXI_R_VEHICLE);
	assert_int_equal(c.trip_id, l.t[1].id);
	/* A new driver on its own vehicle is fine; a stale version not. */
	tu_ok(hane_taxi_trip_assign(f->db, l.t[0].id, l.t[0].version, 0,
				    l.t[0].driver_id == f->d1 ? f->d2 : f->d1,
				    &c) == HANE_EINVAL
		      ? 0
		      : -1);
	assert_int_equal(c.why, HANE_TAXI_R_DRIVER);
	{
		int64_t d3 = driver(f->db, "Yedek Şoför");

		tu_ok(hane_taxi_trip_assign(f->db, l.t[0].id, l.t[0].version, 0,
					    d3, &c));
		assert_int_equal(hane_taxi_trip_assign(f->db, l.t[0].id,
						       l.t[0].version, 0, f->d1,
						       &c),
				 HANE_ECONFLICT);
	}
}

/* ---- Manifest ------------------------------------------------------------------------ */

static void test_manifest(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_booking b;
	char buf[4096] = "";
	int64_t rows = 0;
	FILE *fp = tmpfile();
	size_t n;

	booking(&b, f->chair, "2026-06-17", "09:00", "11:00");
	snprintf(b.notes, sizeof b.notes, "x");
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	booking(&b, f->plain, "2026-06-17", "10:00", NULL);
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	tu_ok(hane_taxi_manifest_write(f->db, fp, 0, "2026-06-17", f->v1, 0,
				       &rows));
	assert_int_equal(rows, 2);
	rewind(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	assert_non_null(strstr(buf, "Alış,Varış,Yön,Yolcu,Telefon"));
	assert_non_null(strstr(buf, "08:15,09:00,Gidiş,Mehmet Yolcu"));
	assert_non_null(strstr(buf, "tekerlekli sandalye"));
	assert_non_null(strstr(buf, "Dönüş"));
	assert_null(strstr(buf, "Fatma"));
}

/* ---- Import ------------------------------------------------------------------------------ */

struct rejects {
	int n;
	long line[8];
	char why[8][512];
};

static void on_reject(long line, const char *reason, void *arg)
{
	struct rejects *r = arg;

	if (r->n < 8) {
		r->line[r->n] = line;
		snprintf(r->why[r->n++], 512, "%s", reason);
	}
}

static void test_import(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_import_counts c;
	struct rejects rj = {0};
	const char *path = tu_tmp_path("taxi-import");
	char rej_path[600], line[512];
	FILE *fp = fopen(path, "w");
	int64_t n = 0;

	snprintf(rej_path, sizeof rej_path, "%s.rejects.csv", path);
	assert_non_null(fp);
	fprintf(fp, "TC Kimlik No;Tarih;Randevu Saati;Hedef;Amaç;Dönüş Saati;"
		    "Araç\n");
	fprintf(fp, "%s;17.06.2026;09:00;devlet;muayene;11:00;41 DEF 456\n",
		tu_tckn(3));
	/* Clashes with the row before (same vehicle, same time). */
	fprintf(fp, "%s;17.06.2026;09:15;Diyaliz Merkezi;diyaliz;;41 DEF 456\n",
		tu_tckn(4));
	fprintf(fp, "%s;17.06.2026;09:00;Fizik Tedavi Merkezi;fizik tedavi;;\n",
		tu_tckn(1));
	fprintf(fp, "%s;17.06.2026;09:00;Devlet Hastanesi;;;\n", tu_tckn(99));
	fprintf(fp, "%s;17.06.2026;9 buçuk;Devlet Hastanesi;;;\n", tu_tckn(2));
	fprintf(fp, "%s;30.07.2026;09:00;Devlet Hastanesi;;;\n", tu_tckn(2));
	fclose(fp);

	tu_ok(hane_taxi_import(f->db, path, rej_path, true, on_reject, &rj,
			       &c));
	assert_int_equal(c.rows, 6);
	assert_int_equal(c.booked, 2);
	assert_int_equal(c.rejected, 4);
	tu_ok(hane_store_query_int(f->db, &n, "SELECT count(*) FROM taxi_trip",
				   NULL, 0));
	assert_int_equal(n, 0); /* dry run */

	memset(&rj, 0, sizeof rj);
	tu_ok(hane_taxi_import(f->db, path, rej_path, false, on_reject, &rj,
			       &c));
	assert_int_equal(c.booked, 2);
	assert_int_equal(c.rejected, 4);
	assert_int_equal(rj.line[0], 3);
	assert_non_null(strstr(rj.why[0], "41 DEF 456"));
	assert_non_null(strstr(rj.why[0], "Boş saatler"));
	assert_non_null(strstr(rj.why[1], "kayıtlı değil"));
	assert_non_null(strstr(rj.why[2], "SS:DD"));
	assert_non_null(strstr(rj.why[3], "erken"));
	tu_ok(hane_store_query_int(f->db, &n, "SELECT count(*) FROM taxi_trip",
				   NULL, 0));
	assert_int_equal(n, 3);
	fp = fopen(rej_path, "r");
	assert_non_null(fp);
	assert_non_null(fgets(line, sizeof line, fp));
	assert_non_null(strstr(line, "Red nedeni"));
	assert_non_null(fgets(line, sizeof line, fp));
	assert_non_null(strstr(line, "Diyaliz Merkezi"));
	fclose(fp);
	unlink(rej_path);

	/* A missing column writes nothing. */
	fp = fopen(path, "w");
	fprintf(fp, "TC Kimlik No;Tarih;Hedef\n%s;17.06.2026;Devlet\n",
		tu_tckn(2));
	fclose(fp);
	assert_int_equal(
		hane_taxi_import(f->db, path, NULL, false, NULL, NULL, &c),
		HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Randevu Saati"));
	unlink(path);
}

/* ---- Reports --------------------------------------------------------------------------- */

static const char *cell(const struct hane_report_table *t, size_t r, int c)
{
	return hane_report_cell(t, r, c);
}

static void test_reports(void **state)
{
	struct fx *f = *state;
	struct hane_report rep;
	struct hane_report_table *t = NULL;
	struct hane_taxi_booking b;
	struct hane_report_arg arg = {"month", "2026-06"};
	struct trips l;

	/* Fixture (June 2026): 4 appointments, 6 trips.
	 *  plain  16th exam, V2, round trip: out done, return no-show
	 *  chair  16th dialysis, V1, round trip: out done, return done
	 *  walker 17th exam, V2, one way: cancelled
	 *  plain2 17th physio, V1, one way: still planned
	 * Expected rows by purpose, vehicle:
	 *  dialysis 41 ABC 123: appt 1, trips 2, done 2, wheelchair 2
	 *  exam     41 DEF 456: appt 2, trips 3, done 1, cancelled 1, noshow 1
	 *  physio   41 ABC 123: appt 1, trips 1, planned 1 */
	booking(&b, f->plain, "2026-06-16", "09:00", "11:00");
	b.vehicle_id = f->v2;
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	booking(&b, f->chair, "2026-06-16", "09:00", "13:00");
	snprintf(b.purpose, sizeof b.purpose, "dialysis");
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	booking(&b, f->walker, "2026-06-17", "09:00", NULL);
	b.vehicle_id = f->v2;
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	booking(&b, f->plain2, "2026-06-17", "09:00", NULL);
	b.vehicle_id = f->v1;
	snprintf(b.purpose, sizeof b.purpose, "physio");
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	setenv("HANE_NOW", "2026-06-16 18:00:00", 1);
	l = day_trips(f->db, "2026-06-16");
	assert_int_equal(l.n, 4);
	for (int i = 0; i < l.n; i++) {
		bool miss = l.t[i].rider_id == f->plain &&
			    !strcmp(l.t[i].leg, "return");

		tu_ok(hane_taxi_trip_outcome(f->db, l.t[i].id,
					     miss ? "noshow" : "done", NULL));
	}
	l = day_trips(f->db, "2026-06-17");
	for (int i = 0; i < l.n; i++)
		if (l.t[i].rider_id == f->walker)
			tu_ok(hane_taxi_trip_cancel(f->db, l.t[i].id, "rider",
						    "Hasta", NULL));

	tu_ok(hane_report_find("taxi-monthly", &rep));
	tu_ok(hane_report_run(f->db, &rep, &arg, 1, &t));
	assert_int_equal(t->nrows, 4); /* 3 rows + totals */
	/* purpose, vehicle, appointments, trips, done, cancelled, noshow,
	 * planned, wheelchair */
	assert_string_equal(cell(t, 0, 0), "diyaliz");
	assert_string_equal(cell(t, 0, 1), "41 ABC 123");
	assert_string_equal(cell(t, 0, 2), "1");
	assert_string_equal(cell(t, 0, 3), "2");
	assert_string_equal(cell(t, 0, 4), "2");
	assert_string_equal(cell(t, 0, 8), "2");
	assert_string_equal(cell(t, 1, 0), "fizik tedavi");
	assert_string_equal(cell(t, 1, 7), "1");
	assert_string_equal(cell(t, 2, 0), "muayene");
	assert_string_equal(cell(t, 2, 1), "41 DEF 456");
	assert_string_equal(cell(t, 2, 2), "2");
	assert_string_equal(cell(t, 2, 3), "3");
	assert_string_equal(cell(t, 2, 4), "1");
	assert_string_equal(cell(t, 2, 5), "1");
	assert_string_equal(cell(t, 2, 6), "1");
	assert_string_equal(cell(t, 3, 2), "4");
	assert_string_equal(cell(t, 3, 3), "6");
	assert_string_equal(cell(t, 3, 4), "3");
	hane_report_table_free(t);
	t = NULL;

	/* Riders: name, aid, appointments, done, cancelled, no-show, flag. */
	{
		struct hane_report_arg a2[] = {{"from", "01.06.2026"},
					       {"to", "30.06.2026"}};

		tu_ok(hane_report_find("taxi-riders", &rep));
		tu_ok(hane_report_run(f->db, &rep, a2, 2, &t));
		assert_int_equal(t->nrows, 5); /* 4 riders + totals */
		/* Ordered by name: Ali, Ayşe, Fatma, Mehmet. */
		assert_string_equal(cell(t, 0, 1), "Ali Yolcu");
		assert_string_equal(cell(t, 1, 1), "Ayşe Yolcu");
		assert_string_equal(cell(t, 1, 5), "1");
		assert_string_equal(cell(t, 2, 1), "Fatma Yolcu");
		assert_string_equal(cell(t, 2, 3), "1");
		assert_string_equal(cell(t, 2, 4), "1");
		assert_string_equal(cell(t, 2, 6), "1");
		assert_string_equal(cell(t, 3, 2), "tekerlekli sandalye");
		assert_string_equal(cell(t, 3, 4), "2");
		assert_string_equal(cell(t, 4, 3), "4");
		hane_report_table_free(t);
	}
}

/* ---- Destinations and the household panel ------------------------------------------ */

struct names {
	int n;
	char s[32][HANE_TAXI_NAME];
};

static int dest_name(const struct hane_taxi_destination *d, void *arg)
{
	struct names *n = arg;

	if (n->n < 32)
		snprintf(n->s[n->n++], sizeof n->s[0], "%s", d->name);
	return 0;
}

static void test_destinations(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_destination d;
	struct hane_taxi_booking b;
	struct trips l = {0};
	int64_t hh = 0;

	tu_ok(hane_taxi_destination_find(f->db, "devlet", &d));
	assert_string_equal(d.name, "Devlet Hastanesi");
	tu_ok(hane_taxi_destination_find(f->db, "DİYALİZ", &d));
	assert_string_equal(d.kind, "dialysis");
	/* "hastanesi" is three hospitals: the message names them. */
	assert_int_equal(hane_taxi_destination_find(f->db, "hastanesi", &d),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Üniversite Hastanesi"));
	assert_int_equal(hane_taxi_destination_find(f->db, "Kaplıca", &d),
			 HANE_ENOTFOUND);
	/* An address in the list goes on the trip. */
	memset(&d, 0, sizeof d);
	snprintf(d.name, sizeof d.name, "Kaplıca Merkezi");
	snprintf(d.kind, sizeof d.kind, "physio");
	snprintf(d.address, sizeof d.address, "Örnek Sk. No:1");
	d.active = true;
	tu_ok(hane_taxi_destination_save(f->db, &d, &d.id));
	booking(&b, f->walker, "2026-06-17", "10:00", "12:00");
	b.destination[0] = '\0';
	b.destination_id = d.id;
	tu_ok(hane_taxi_book(f->db, &b, NULL, NULL));
	/* The household's services panel: coming trips of its riders. */
	tu_ok(hane_store_query_int(f->db, &hh,
				   "SELECT p.household_id FROM taxi_rider r"
				   " JOIN person p ON p.id = r.person_id"
				   " WHERE r.id = :r",
				   ":r", f->walker));
	tu_ok(hane_taxi_trips_household(f->db, hh, "2026-06-15", 10, collect,
					&l));
	assert_int_equal(l.n, 2);
	assert_string_equal(l.t[0].destination, "Kaplıca Merkezi");
	assert_string_equal(l.t[0].to_address,
			    "Kaplıca Merkezi, Örnek Sk. No:1");
	assert_string_equal(l.t[1].from_address,
			    "Kaplıca Merkezi, Örnek Sk. No:1");
	memset(&l, 0, sizeof l);
	tu_ok(hane_taxi_trips_household(f->db, hh, "2026-06-18", 10, collect,
					&l));
	assert_int_equal(l.n, 0);
	/* Removed (passive): gone from the booking list, still in the
	 * unit's list (last), from where it can come back. */
	{
		struct names a = {0}, all = {0};

		tu_ok(hane_taxi_destination_find(f->db, "Kaplıca Merkezi", &d));
		d.active = false;
		tu_ok(hane_taxi_destination_save(f->db, &d, NULL));
		tu_ok(hane_taxi_destination_each(f->db, dest_name, &a));
		tu_ok(hane_taxi_destination_each_all(f->db, dest_name, &all));
		assert_int_equal(all.n, a.n + 1);
		assert_string_equal(all.s[all.n - 1], "Kaplıca Merkezi");
		for (int i = 0; i < a.n; i++)
			assert_string_not_equal(a.s[i], "Kaplıca Merkezi");
	}
}

/* ---- Roles ------------------------------------------------------------------------- */

static void test_roles(void **state)
{
	struct fx *f = *state;
	struct hane_taxi_booking b;
	struct hane_taxi_clash c;
	struct hane_taxi_settings s;
	struct hane_taxi_vehicle v;
	struct trips l;

	tu_staff(f->db, "tx.cw", NULL, "caseworker", "taxi");
	tu_staff(f->db, "tx.sup", NULL, "supervisor", "taxi");
	tu_staff(f->db, "hc.cw", NULL, "caseworker", "homecare");
	tu_staff(f->db, "rep", NULL, "reporter", "");

	/* A taxi caseworker books, but neither overrides nor administers. */
	tu_ok(hane_store_set_actor(f->db, "tx.cw"));
	booking(&b, f->plain, "2026-06-17", "09:00", NULL);
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
	booking(&b, f->plain, "2026-06-15", "15:00", NULL);
	b.override = true;
	snprintf(b.override_reason, sizeof b.override_reason, "acil");
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "taxi.override"));
	assert_int_equal(hane_taxi_setting_set(f->db, "buffer_minutes", "5"),
			 HANE_EPERM);
	memset(&v, 0, sizeof v);
	snprintf(v.plate, sizeof v.plate, "41 XY 99");
	v.seats = 2;
	assert_int_equal(hane_taxi_vehicle_save(f->db, &v, NULL), HANE_EPERM);
	assert_int_equal(hane_taxi_rider_unflag(f->db, f->plain, "x"),
			 HANE_EPERM);

	/* The unit's supervisor may. */
	tu_ok(hane_store_set_actor(f->db, "tx.sup"));
	tu_ok(hane_taxi_book(f->db, &b, NULL, &c));
	tu_ok(hane_taxi_setting_set(f->db, "buffer_minutes", "5"));

	/* Another unit sees nothing; a reporter reads but books nothing. */
	tu_ok(hane_store_set_actor(f->db, "hc.cw"));
	assert_int_equal(hane_taxi_settings_get(f->db, &s), HANE_EPERM);
	tu_ok(hane_store_set_actor(f->db, "rep"));
	l = day_trips(f->db, "2026-06-17");
	assert_int_equal(l.n, 1);
	booking(&b, f->plain2, "2026-06-17", "12:00", NULL);
	assert_int_equal(hane_taxi_book(f->db, &b, NULL, &c), HANE_EPERM);
	assert_int_equal(hane_taxi_trip_outcome(f->db, l.t[0].id, "done", NULL),
			 HANE_EPERM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_helpers),
		cmocka_unit_test_setup_teardown(test_rider_rules, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_overlap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_capacity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_window, setup, teardown),
		cmocka_unit_test_setup_teardown(test_series, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel, setup, teardown),
		cmocka_unit_test_setup_teardown(test_noshow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_assign, setup, teardown),
		cmocka_unit_test_setup_teardown(test_manifest, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reports, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_destinations, setup,
						teardown),
	};

	setenv("HANE_NOW", NOW, 1);
	return cmocka_run_group_tests_name("taxi", tests, NULL, NULL);
}
