/* A year of activity for demonstrations and tests: inspection requests
 * with visits and decisions, food packages, care and cleaning visits,
 * taxi appointments with their trips — all through the units' public
 * model functions, so every rule and every audit row applies. What it
 * made is returned and kept in overview_demo_run; the annual report on
 * that year must show the same figures (tests/unit/test_overview.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/foodbank.h"
#include "hane/homecare.h"
#include "hane/i18n.h"
#include "hane/inspection.h"
#include "hane/perm.h"
#include "hane/staff.h"
#include "hane/taxi.h"
#include "units/overview/overview_int.h"

/* İzmit 2025, the published figures, at scale 1.0. */
#define IZ_INSPECTIONS 9606
#define IZ_FOOD_HH 3046
#define IZ_CARE_VISITS 2530
#define IZ_CARE_PERSONS 211
#define IZ_CLEANINGS 1667
#define IZ_CLEANING_PERSONS 191
#define IZ_TAXI_APPTS 441

struct gen {
	hane_db *db;
	uint64_t rng;
	int year;
	char first[HANE_DATE_LEN + 1], last[HANE_DATE_LEN + 1];
	int64_t d0, d1; /* day numbers of first and last */
	int64_t *hh;	/* active households, by id */
	size_t nhh;
	int64_t *persons;
	size_t npersons;
	struct hane_ov_demo_counts *c;
	void (*progress)(const char *stage, int64_t done, int64_t total,
			 void *arg);
	void *arg;
};

static uint64_t rnd(struct gen *g)
{
	/* splitmix64: small, fast, and the same everywhere for a seed. */
	uint64_t z = (g->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int64_t rnd_in(struct gen *g, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int64_t)(rnd(g) % (uint64_t)(hi - lo + 1));
}

static int64_t scaled(double scale, int64_t n)
{
	int64_t v = (int64_t)llround((double)n * scale);

	return v < 1 ? 1 : v;
}

static void progress(struct gen *g, const char *stage, int64_t done,
		     int64_t total)
{
	if (g->progress && (done % 256 == 0 || done == total))
		g->progress(stage, done, total, g->arg);
}

static void missing(struct gen *g, const char *unit, int rc)
{
	size_t len = strlen(g->c->missing);

	snprintf(g->c->missing + len, sizeof g->c->missing - len, "%s%s: %s",
		 len ? "; " : "", unit,
		 hane_error_last()[0] ? hane_error_last() : hane_strerror(rc));
}

static void read_id(hane_stmt *st, int64_t *id)
{
	*id = hane_stmt_int(st, 0);
}

HANE_STORE_ROWS(ids, int64_t, read_id, 1024)

/* The first column of every row of sql; *out is the caller's to free
 * (also on failure). */
static int load_ids(hane_db *db, const char *sql, int64_t **out, size_t *n)
{
	struct ids_rows ids = {NULL, 0, 0};
	int rc = hane_store_each(db, sql, NULL, 0, ids_row, &ids);

	*out = ids.v;
	*n = ids.n;
	return rc;
}

/* A working day (Monday–Friday) of the range, spread evenly by k of n. */
static void spread_day(struct gen *g, int64_t k, int64_t n, int64_t lo_off,
		       int64_t hi_cut, char out[HANE_DATE_LEN + 1])
{
	int64_t span = (g->d1 - hi_cut) - (g->d0 + lo_off);
	int64_t d = g->d0 + lo_off + (n > 0 ? span * k / n : 0);

	while (hane_date_weekday_of(d) >= 6)
		d--;
	if (d < g->d0)
		d = g->d0 + 2;
	hane_date_iso(out, d);
}

/* A unit's generated work: setup (may be NULL), then n items, each by
 * one, in one transaction; the progress is said as it goes. An item the
 * unit's rules refuse is skipped by one (0), not a failure. */
struct stage {
	const char *name;
	int (*setup)(struct gen *g, void *arg);
	int (*one)(struct gen *g, int64_t k, int64_t n, void *arg);
};

static int run_stage(struct gen *g, const struct stage *st, int64_t n,
		     void *arg)
{
	int rc = hane_store_begin(g->db);

	if (rc)
		return rc;
	if (st->setup)
		rc = st->setup(g, arg);
	for (int64_t k = 0; k < n && !rc; k++)
		if ((rc = st->one(g, k, n, arg)) == 0)
			progress(g, st->name, k + 1, n);
	return hane_store_end(g->db, rc);
}

/* ---- Registry ------------------------------------------------------------- */

static int ensure_households(struct gen *g, int64_t need, uint64_t seed)
{
	int64_t have = 0;
	int rc;

	if ((rc = hane_store_query_int(g->db, &have,
				       "SELECT count(*) FROM household"
				       " WHERE status = 'active' AND :x = :x",
				       ":x", 0)))
		return rc;
	if (have < need) {
		if ((rc = hane_demo_generate(g->db, need - have, seed, NULL,
					     NULL)) != 0)
			return rc;
		g->c->households_added = need - have;
	}
	if ((rc = load_ids(g->db,
			   "SELECT id FROM household WHERE status = 'active'"
			   " AND head_id IS NOT NULL ORDER BY id",
			   &g->hh, &g->nhh)))
		return rc;
	return load_ids(g->db,
			"SELECT p.id FROM person p JOIN household h"
			" ON h.id = p.household_id WHERE h.status = 'active'"
			" ORDER BY p.id",
			&g->persons, &g->npersons);
}

/* A staff member for the generated work, added once. */
static int demo_staff(hane_db *db, const char *user, const char *name,
		      const char *role, const char *unit, int64_t *id)
{
	const struct hane_field p[] = {HANE_FTEXT(":u", user)};
	struct hane_staff s;
	int rc;

	*id = 0;
	rc = hane_store_ints(db, "SELECT id FROM staff WHERE username = :u", p,
			     1, id, 1);
	if (rc != HANE_ENOTFOUND)
		return rc;
	memset(&s, 0, sizeof s);
	HANE_COPY(s.username, user);
	HANE_COPY(s.full_name, name);
	HANE_COPY(s.role, role);
	HANE_COPY(s.unit, unit);
	s.active = true;
	return hane_staff_add(db, &s, id);
}

/* ---- Inspection --------------------------------------------------------------- */

/* Visit k, a few days after the request: kind 0 recommends rejecting, 3
 * regular aid, else one-time. Returns the visit's day number. */
static int64_t demo_visit(struct gen *g, int64_t k, int kind,
			  const char *requested_on,
			  struct hane_inspection_visit *v)
{
	int64_t dv = hane_date_day(requested_on) + rnd_in(g, 0, 5);

	hane_inspection_visit_init(v);
	hane_date_iso(v->visited_on, dv);
	HANE_COPY(v->tenure, k % 3 ? "tenant" : "owner");
	v->rent_kurus = k % 3 ? 500000 : -1;
	v->rooms = 2 + (int)(k % 3);
	HANE_COPY(v->recommendation, kind == 0	 ? "reject"
				     : kind == 3 ? "regular"
						 : "one_time");
	HANE_COPY(v->findings, "Örnek veri: yıllık faaliyet üreticisi.");
	return dv;
}

/* The decision a few days after the visit (day number dv), as kind says:
 * 0 rejected, 2 food, 3 regular cash for 180 days, else one-time cash. */
static void demo_decision(struct gen *g, int kind, int64_t dv,
			  struct hane_inspection_decision *d)
{
	int64_t dd = dv + rnd_in(g, 0, 3);

	hane_inspection_decision_init(d);
	hane_date_iso(d->decided_on, dd);
	HANE_COPY(d->reason, "Örnek veri: inceleme raporuna göre.");
	if (kind == 0) {
		snprintf(d->outcome, sizeof d->outcome, "rejected");
		return;
	}
	snprintf(d->outcome, sizeof d->outcome, "aid");
	HANE_COPY(d->aid_type, kind == 3 ? "regular" : "one_time");
	HANE_COPY(d->kind, kind == 2 ? "food" : "cash");
	d->amount_kurus = kind == 2 ? -1 : rnd_in(g, 10, 50) * 10000;
	if (kind == 3) {
		strcpy(d->start_on, d->decided_on);
		hane_date_iso(d->end_on, dd + 180);
		strcpy(d->frequency, "monthly");
	}
}

struct insp_gen {
	int64_t insp[3];
	unsigned char *seen; /* households with a request */
};

static int insp_one(struct gen *g, int64_t k, int64_t n, void *arg)
{
	struct insp_gen *x = arg;
	size_t hi = (size_t)(k % (int64_t)g->nhh);
	struct hane_inspection r;
	struct hane_inspection_visit v;
	struct hane_inspection_decision d;
	int64_t id, ver, dv;
	int kind = (int)(rnd(g) % 4);
	int rc;

	hane_inspection_init(&r);
	r.household_id = g->hh[hi];
	spread_day(g, k, n, 0, 10, r.requested_on);
	HANE_COPY(r.channel, k % 5 == 0 ? "phone" : "walk_in");
	HANE_COPY(r.reason, kind == 2 ? "food" : "general");
	if ((rc = hane_inspection_request(g->db, &r, &id)) != 0)
		/* An open request of the same reason from before: the unit's
		 * rule, not a failure of the generator. */
		return rc == HANE_EEXIST ? 0 : rc;
	g->c->insp_requests++;
	if ((rc = hane_inspection_assign(g->db, id, 1, x->insp[k % 3], NULL)))
		return rc;
	ver = 2;
	dv = demo_visit(g, k, kind, r.requested_on, &v);
	if ((rc = hane_inspection_visit(g->db, id, ver, &v, NULL)) != 0)
		return rc;
	ver++;
	g->c->insp_visits++;
	if (!x->seen[hi]) {
		x->seen[hi] = 1;
		g->c->insp_households++;
	}
	demo_decision(g, kind, dv, &d);
	if ((rc = hane_inspection_decide(g->db, id, ver, &d, NULL)))
		return rc;
	g->c->insp_decisions++;
	if (kind != 0)
		g->c->insp_aid++;
	return 0;
}

static int gen_inspection(struct gen *g, int64_t n)
{
	static const struct stage st = {"inspection", NULL, insp_one};
	struct insp_gen x = {{0}, calloc(g->nhh ? g->nhh : 1, 1)};
	int rc = 0;

	if (!x.seen)
		return HANE_ENOMEM;
	for (int i = 0; i < 3 && !rc; i++) {
		char u[32], name[64];

		snprintf(u, sizeof u, "demo-insp%d", i + 1);
		snprintf(name, sizeof name, "Örnek Müfettiş %d", i + 1);
		rc = demo_staff(g->db, u, name, "caseworker", "inspection",
				&x.insp[i]);
	}
	if (!rc)
		rc = run_stage(g, &st, n, &x);
	free(x.seen);
	return rc;
}

/* ---- Food bank ------------------------------------------------------------------ */

struct branches {
	int64_t id[16];
	int n;
};

static int add_branch(const struct hane_fb_branch *b, void *arg)
{
	struct branches *br = arg;

	if (b->active && br->n < 16)
		br->id[br->n++] = b->id;
	return 0;
}

static int food_one(struct gen *g, int64_t k, int64_t n, void *arg)
{
	const struct branches *br = arg;
	int64_t start = (int64_t)g->nhh / 2, span = g->d1 - g->d0;
	int64_t hh = g->hh[(size_t)((start + k) % (int64_t)g->nhh)];
	int packs = 1 + (int)(rnd(g) % 4), made = 0;
	int64_t gap = span / (packs + 1), d;
	int rc;

	(void)n;
	/* Packages at least 31 days apart: the standard package's frequency
	 * limit is 30. */
	if (gap < 31) {
		packs = 1;
		gap = 31;
	}
	if ((rc = hane_foodbank_refer(g->db, hh, "manual", 0, "Örnek veri",
				      g->first, NULL, NULL)) != 0)
		return rc;
	d = g->d0 + rnd_in(g, 0, gap > 40 ? gap - 32 : 0);
	for (int p = 0; p < packs && d <= g->d1; p++, d += gap) {
		struct hane_fb_distribution x;

		memset(&x, 0, sizeof x);
		x.household_id = hh;
		hane_date_iso(x.date, d);
		x.branch_id = br->id[k % br->n];
		snprintf(x.package, sizeof x.package, "standard");
		x.value_kurus = 85000;
		if ((rc = hane_foodbank_distribute(g->db, &x, NULL)))
			return rc;
		g->c->food_packages++;
		made++;
	}
	if (made)
		g->c->food_households++;
	return 0;
}

static int gen_foodbank(struct gen *g, int64_t nhh)
{
	static const struct stage st = {"foodbank", NULL, food_one};
	struct branches br = {{0}, 0};
	int rc;

	/* Every branch gives packages (a household keeps to one): the
	 * unit's stock check per package reads its branch's history. */
	if ((rc = hane_foodbank_branch_each(g->db, add_branch, &br)) != 0)
		return rc;
	if (br.n == 0) {
		hane_error_set("%s", "no food bank branch");
		return HANE_EINVAL;
	}
	return run_stage(g, &st, nhh, &br);
}

/* ---- Home care ---------------------------------------------------------------- */

#define SLOTS_PER_DAY 5
static const char *const slot_start[SLOTS_PER_DAY] = {"09:00", "10:30", "12:00",
						      "13:30", "15:00"};
static const char *const slot_end[SLOTS_PER_DAY] = {"10:00", "11:30", "13:00",
						    "14:30", "16:00"};

/* Working days of the range that are not public holidays. */
static int workdays(struct gen *g, char (**out)[HANE_DATE_LEN + 1], size_t *n)
{
	size_t cap = (size_t)(g->d1 - g->d0 + 1);

	*n = 0;
	if (!(*out = calloc(cap, sizeof **out)))
		return HANE_ENOMEM;
	for (int64_t d = g->d0; d <= g->d1; d++) {
		enum hane_homecare_holiday kind;
		char iso[HANE_DATE_LEN + 1];
		int rc;

		if ((d + 3) % 7 >= 5)
			continue;
		hane_date_iso(iso, d);
		if ((rc = hane_homecare_holiday(g->db, iso, &kind, NULL, 0)) !=
		    0)
			return rc;
		if (kind == HANE_HC_WORKDAY)
			strcpy((*out)[(*n)++], iso);
	}
	return 0;
}

/* The demo's care workers and clients: clients are persons taken from
 * the far end of the registry, so the generator rarely meets a person who
 * is a client already; the first care_persons give care, the rest
 * cleaning. */
static int care_people(struct gen *g, int64_t *workers, int64_t nworkers,
		       int64_t *clients, int64_t nclients, int64_t care_persons)
{
	int rc = 0;

	for (int64_t w = 0; w < nworkers && !rc; w++) {
		struct hane_homecare_worker hw;

		hane_homecare_worker_init(&hw);
		snprintf(hw.name, sizeof hw.name, "Örnek Bakım Personeli %lld",
			 (long long)w + 1);
		snprintf(hw.services, sizeof hw.services, "both");
		rc = hane_homecare_worker_add(g->db, &hw, &workers[w]);
	}
	for (int64_t k = 0, p = (int64_t)g->npersons - 1;
	     k < nclients && p >= 0 && !rc; p--) {
		struct hane_homecare_client c;
		int e;

		hane_homecare_client_init(&c);
		c.person_id = g->persons[p];
		HANE_COPY(c.services, k < care_persons ? "care" : "cleaning");
		strcpy(c.start_date, g->first);
		e = hane_homecare_client_add(g->db, &c, &clients[k]);
		if (e == HANE_EEXIST)
			continue;
		rc = e;
		k++;
	}
	return rc;
}

struct care_gen {
	char (*days)[HANE_DATE_LEN + 1];
	size_t ndays;
	int64_t care_visits, care_persons, cleaning_persons;
	int64_t nworkers, cells, total, nclients;
	int64_t *workers, *clients;
	int64_t *done_per_client;
};

static int care_setup(struct gen *g, void *arg)
{
	struct care_gen *x = arg;

	return care_people(g, x->workers, x->nworkers, x->clients, x->nclients,
			   x->care_persons);
}

static int care_one(struct gen *g, int64_t k, int64_t n, void *arg)
{
	struct care_gen *x = arg;
	bool care = k < x->care_visits;
	int64_t ci = care ? k % x->care_persons
			  : x->care_persons +
				     (k - x->care_visits) % x->cleaning_persons;
	int64_t cell = k * x->cells / n;
	int64_t day = cell / (SLOTS_PER_DAY * x->nworkers);
	int64_t w = (cell / SLOTS_PER_DAY) % x->nworkers;
	int slot = (int)(cell % SLOTS_PER_DAY);
	struct hane_homecare_visit v;
	int64_t vid;
	int rc;

	memset(&v, 0, sizeof v);
	v.client_id = x->clients[ci];
	HANE_COPY(v.service, care ? "care" : "cleaning");
	strcpy(v.date, x->days[day]);
	strcpy(v.start_time, slot_start[slot]);
	strcpy(v.end_time, slot_end[slot]);
	v.worker_id = x->workers[w];
	if ((rc = hane_homecare_visit_add(g->db, &v, &vid)) != 0)
		return rc;
	if ((rc = hane_homecare_visit_done(g->db, vid, 1, "", "", "Örnek veri",
					   "")) != 0)
		return rc;
	if (x->done_per_client[ci]++ == 0) {
		if (care)
			g->c->care_persons++;
		else
			g->c->cleaning_persons++;
	}
	if (care)
		g->c->care_visits++;
	else
		g->c->cleaning_visits++;
	return 0;
}

static int gen_homecare(struct gen *g, int64_t care_visits,
			int64_t care_persons, int64_t cleanings,
			int64_t cleaning_persons)
{
	static const struct stage st = {"homecare", care_setup, care_one};
	struct care_gen x = {.care_visits = care_visits,
			     .care_persons = care_persons,
			     .cleaning_persons = cleaning_persons,
			     .total = care_visits + cleanings,
			     .nclients = care_persons + cleaning_persons};
	int rc;

	if ((size_t)x.nclients > g->npersons) {
		hane_error_set("%lld > %zu", (long long)x.nclients,
			       g->npersons);
		return HANE_EINVAL;
	}
	if ((rc = workdays(g, &x.days, &x.ndays)) != 0)
		goto out;
	if (x.ndays == 0) {
		rc = HANE_EINVAL;
		goto out;
	}
	/* Enough workers that four of five slots a day hold all visits. */
	x.nworkers = x.total / ((int64_t)x.ndays * 4) + 1;
	x.cells = (int64_t)x.ndays * SLOTS_PER_DAY * x.nworkers;
	x.workers = calloc((size_t)x.nworkers, sizeof *x.workers);
	x.clients = calloc((size_t)x.nclients, sizeof *x.clients);
	x.done_per_client =
		calloc((size_t)x.nclients, sizeof *x.done_per_client);
	if (!x.workers || !x.clients || !x.done_per_client) {
		rc = HANE_ENOMEM;
		goto out;
	}
	rc = run_stage(g, &st, x.total, &x);
out:
	free(x.days);
	free(x.workers);
	free(x.clients);
	free(x.done_per_client);
	return rc;
}

/* ---- Taxi --------------------------------------------------------------------- */

/* The demo fleet: nveh vehicles "41 DMO 001"… with a driver each (those
 * already there kept). */
static int taxi_fleet(struct gen *g, int64_t nveh)
{
	int rc = 0;

	for (int64_t v = 0; v < nveh && !rc; v++) {
		struct hane_taxi_driver d;
		struct hane_taxi_vehicle veh;
		char plate[32];
		int64_t did;

		snprintf(plate, sizeof plate, "41 DMO %03lld",
			 (long long)v + 1);
		if (hane_taxi_vehicle_find(g->db, plate, &veh) == 0)
			continue;
		memset(&d, 0, sizeof d);
		snprintf(d.full_name, sizeof d.full_name, "Örnek Şoför %lld",
			 (long long)v + 1);
		d.active = true;
		if ((rc = hane_taxi_driver_save(g->db, &d, &did)) != 0)
			break;
		memset(&veh, 0, sizeof veh);
		snprintf(veh.plate, sizeof veh.plate, "%.15s", plate);
		veh.wheelchair_places = 2;
		veh.seats = 3;
		veh.in_service = true;
		veh.driver_id = did;
		rc = hane_taxi_vehicle_save(g->db, &veh, NULL);
	}
	return rc;
}

/* A rider for each of the first nriders candidates (ids in riders). */
static int taxi_riders(struct gen *g, const int64_t *cand, int64_t *riders,
		       int64_t nriders)
{
	int rc = 0;

	for (int64_t k = 0; k < nriders && !rc; k++) {
		struct hane_taxi_rider r;
		int e;

		if (hane_taxi_rider_by_person(g->db, cand[k], &r) == 0) {
			riders[k] = r.id;
			continue;
		}
		memset(&r, 0, sizeof r);
		r.person_id = cand[k];
		HANE_COPY(r.mobility_aid, k % 3 == 0 ? "wheelchair" : "none");
		r.active = true;
		e = hane_taxi_rider_save(g->db, &r, &riders[k]);
		rc = e;
	}
	return rc;
}

/* Appointment k of n for rider: a working day, two hours apart, with the
 * return; a day gone by needs the supervisor's override. */
static void taxi_booking(struct gen *g, int64_t k, int64_t n, int64_t rider,
			 struct hane_taxi_booking *b)
{
	int slot = (int)(k % 5);

	hane_taxi_booking_init(b);
	b->rider_id = rider;
	spread_day(g, k, n, 0, 1, b->day);
	snprintf(b->appt_time, sizeof b->appt_time, "%02d:00", 9 + 2 * slot);
	snprintf(b->destination, sizeof b->destination, "Devlet Hastanesi");
	b->return_needed = true;
	snprintf(b->return_time, sizeof b->return_time, "%02d:00",
		 10 + 2 * slot);
	/* Booking a day gone by is outside the booking window: an
	 * audited supervisor override, as for a late paper form. */
	b->override = true;
	HANE_COPY(b->override_reason, "örnek veri (demo-year)");
}

/* The appointment's trips, each done. */
static int taxi_trips_done(struct gen *g, int64_t aid)
{
	int64_t *trips = NULL;
	size_t ntrips;
	char q[96];
	int rc;

	snprintf(q, sizeof q,
		 "SELECT id FROM taxi_trip WHERE appointment_id = %lld"
		 " ORDER BY id",
		 (long long)aid);
	if ((rc = load_ids(g->db, q, &trips, &ntrips)) != 0) {
		free(trips);
		return rc;
	}
	for (size_t t = 0; t < ntrips && !rc; t++) {
		rc = hane_taxi_trip_outcome(g->db, trips[t], "done", NULL);
		if (!rc)
			g->c->taxi_trips++;
	}
	free(trips);
	return rc;
}

struct taxi_gen {
	int64_t *cand, *riders, nriders, nveh;
	unsigned char *used; /* riders with an appointment */
};

static int taxi_setup(struct gen *g, void *arg)
{
	struct taxi_gen *x = arg;
	int rc = taxi_fleet(g, x->nveh);

	hane_error_clear();
	return rc ? rc : taxi_riders(g, x->cand, x->riders, x->nriders);
}

static int taxi_one(struct gen *g, int64_t k, int64_t n, void *arg)
{
	struct taxi_gen *x = arg;
	struct hane_taxi_booking b;
	struct hane_taxi_clash cl;
	int64_t aid;
	int rc;

	taxi_booking(g, k, n, x->riders[k % x->nriders], &b);
	rc = hane_taxi_book(g->db, &b, &aid, &cl);
	if (rc == HANE_EINVAL && cl.why != HANE_TAXI_R_INVALID)
		return 0; /* a clash the rules refused: skip it */
	if (rc)
		return rc;
	g->c->taxi_appointments++;
	if (!x->used[k % x->nriders]) {
		x->used[k % x->nriders] = 1;
		g->c->taxi_riders++;
	}
	return taxi_trips_done(g, aid);
}

static int gen_taxi(struct gen *g, int64_t appts)
{
	static const struct stage st = {"taxi", taxi_setup, taxi_one};
	struct hane_taxi_settings s;
	struct taxi_gen x = {0};
	size_t ncand;
	int rc;

	if ((rc = hane_taxi_settings_get(g->db, &s)) != 0)
		return rc;
	{
		char sql[200];

		snprintf(sql, sizeof sql,
			 "SELECT p.id FROM person p JOIN household h"
			 " ON h.id = p.household_id WHERE h.status = 'active'"
			 " AND p.disability_pct >= %d ORDER BY p.id",
			 s.min_disability);
		if ((rc = load_ids(g->db, sql, &x.cand, &ncand)) != 0)
			return rc;
	}
	/* About seven appointments a rider a year, as in İzmit. */
	x.nriders = appts / 7 + 1;
	if ((size_t)x.nriders > ncand)
		x.nriders = (int64_t)ncand;
	if (x.nriders == 0) {
		free(x.cand);
		hane_error_set("%s", "no person with the disability the taxi"
				     " needs");
		return HANE_EINVAL;
	}
	x.nveh = appts / 600 + 3;
	x.riders = calloc((size_t)x.nriders, sizeof *x.riders);
	x.used = calloc((size_t)x.nriders, 1);
	rc = x.riders && x.used ? run_stage(g, &st, appts, &x) : HANE_ENOMEM;
	free(x.cand);
	free(x.riders);
	free(x.used);
	return rc;
}

/* ---- The record ----------------------------------------------------------------- */

/* The counts by name, in the order they are written. */
static const struct {
	const char *name;
	size_t at;
} count_names[] = {
#define C(name, m)                                                             \
	{                                                                      \
		name, offsetof(struct hane_ov_demo_counts, m)                  \
	}
	C("inspection.requests", insp_requests),
	C("inspection.visits", insp_visits),
	C("inspection.decisions", insp_decisions),
	C("inspection.aid", insp_aid),
	C("inspection.households", insp_households),
	C("foodbank.packages", food_packages),
	C("foodbank.households", food_households),
	C("homecare.care_visits", care_visits),
	C("homecare.care_persons", care_persons),
	C("homecare.cleanings", cleaning_visits),
	C("homecare.cleaning_persons", cleaning_persons),
	C("taxi.appointments", taxi_appointments),
	C("taxi.trips", taxi_trips),
	C("taxi.riders", taxi_riders),
#undef C
};

char *hane_overview_demo_counts_text(char *out, size_t outsz,
				     const struct hane_ov_demo_counts *c)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < HANE_COUNTOF(count_names) && len < outsz; i++) {
		int64_t v;
		int k;

		memcpy(&v, (const char *)c + count_names[i].at, sizeof v);
		k = snprintf(out + len, outsz - len, "%s=%lld\n",
			     count_names[i].name, (long long)v);
		len += k > 0 ? (size_t)k : 0;
	}
	return out;
}

static int record(struct gen *g)
{
	const struct hane_ov_demo_counts *c = g->c;
	char counts[1024], scale[32];
	struct hane_field f[4];

	hane_overview_demo_counts_text(counts, sizeof counts, c);
	snprintf(scale, sizeof scale, "%g", c->scale);
	f[0] = (struct hane_field)HANE_FINT("year", c->year);
	f[1] = (struct hane_field)HANE_FTEXT("scale", scale);
	f[2] = (struct hane_field)HANE_FINT("seed", (int64_t)c->seed);
	f[3] = (struct hane_field)HANE_FTEXT("counts", counts);
	return hane_store_insert(g->db, "overview_demo_run", f, 4, NULL);
}

/* The year's first and last day (before today: the units refuse records
 * of visits and trips still to come) as dates and day numbers. */
static int year_range(struct gen *g, int year)
{
	char today[HANE_DATE_LEN + 1];

	snprintf(g->first, sizeof g->first, "%04d-01-01", year);
	snprintf(g->last, sizeof g->last, "%04d-12-31", year);
	hane_today(today);
	/* Everything lies before today: the units refuse records of
	 * visits and trips still to come. */
	if (strcmp(g->last, today) >= 0)
		ov_date_add(g->last, today, -1);
	g->d0 = hane_date_day(g->first);
	g->d1 = hane_date_day(g->last);
	if (g->d1 - g->d0 < 60) {
		hane_error_set("%s", hane_msg(HANE_M_OV_DEMO_FUTURE));
		return HANE_EINVAL;
	}
	return 0;
}

/* How much of each the demo year makes: İzmit's figures, scaled. */
struct sizes {
	int64_t insp, food, care, care_p, clean, clean_p, taxi;
};

static void demo_sizes(double scale, struct sizes *n)
{
	n->insp = scaled(scale, IZ_INSPECTIONS);
	n->food = scaled(scale, IZ_FOOD_HH);
	n->care = scaled(scale, IZ_CARE_VISITS);
	n->care_p = scaled(scale, IZ_CARE_PERSONS);
	n->clean = scaled(scale, IZ_CLEANINGS);
	n->clean_p = scaled(scale, IZ_CLEANING_PERSONS);
	n->taxi = scaled(scale, IZ_TAXI_APPTS);
	if (n->care_p > n->care)
		n->care_p = n->care;
	if (n->clean_p > n->clean)
		n->clean_p = n->clean;
}

/* Each unit asked for (units: bits of HANE_OV_*, 0 all) in turn. */
static void run_units(struct gen *g, unsigned units, const struct sizes *n)
{
	struct hane_ov_demo_counts *out = g->c;
	int rc;

	/* A unit whose model refuses leaves its figures at zero (its
	 * transaction rolled back) and says why in out->missing. */
	if (!units)
		units = (1u << HANE_OV__UNITS) - 1;
#define STAGE(name, call)                                                      \
	do {                                                                   \
		struct hane_ov_demo_counts before_ = *out;                     \
		if ((units & (1u << u_)) && (rc = (call)) != 0) {              \
			memcpy(before_.missing, out->missing,                  \
			       sizeof out->missing);                           \
			*out = before_;                                        \
			missing(g, name, rc);                                  \
		}                                                              \
	} while (0)
	{
		int u_ = HANE_OV_INSPECTION;

		STAGE("inspection", gen_inspection(g, n->insp));
		u_ = HANE_OV_FOODBANK;
		STAGE("foodbank", gen_foodbank(g, n->food));
		u_ = HANE_OV_HOMECARE;
		STAGE("homecare", gen_homecare(g, n->care, n->care_p, n->clean,
					       n->clean_p));
		u_ = HANE_OV_TAXI;
		STAGE("taxi", gen_taxi(g, n->taxi));
	}
#undef STAGE
}

int hane_overview_demo_year(hane_db *db, int year, double scale, uint64_t seed,
			    struct hane_ov_demo_counts *out,
			    void (*prog)(const char *stage, int64_t done,
					 int64_t total, void *arg),
			    void *arg)
{
	return hane_overview_demo_year_units(db, year, scale, seed, 0, out,
					     prog, arg);
}

int hane_overview_demo_year_units(hane_db *db, int year, double scale,
				  uint64_t seed, unsigned units,
				  struct hane_ov_demo_counts *out,
				  void (*prog)(const char *stage, int64_t done,
					       int64_t total, void *arg),
				  void *arg)
{
	struct gen g;
	struct sizes n;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&g, 0, sizeof g);
	out->year = year;
	out->scale = scale;
	out->seed = seed;
	if ((rc = hane_can(db, HANE_ACT_STAFF_ADMIN)) != 0)
		return rc;
	/* Generated activity goes only into a database made for it. */
	if (!hane_store_is_demo(db)) {
		hane_error_set(hane_msg(HANE_M_DEMO_ONLY), hane_store_path(db));
		return HANE_EPERM;
	}
	if (!(scale > 0 && scale <= 100) || year < 2000 || year > 2999) {
		hane_error_set("%s", hane_msg(HANE_M_OV_DEMO_ARGS));
		return HANE_EUSAGE;
	}
	g.db = db;
	g.rng = seed ^ ((uint64_t)year << 32);
	g.year = year;
	g.c = out;
	g.progress = prog;
	g.arg = arg;
	if ((rc = year_range(&g, year)))
		return rc;
	demo_sizes(scale, &n);
	if ((rc = ensure_households(&g, n.insp + n.food / 2 + 64, seed)))
		goto done;
	if (prog)
		prog("households", (int64_t)g.nhh, (int64_t)g.nhh, arg);
	run_units(&g, units, &n);
	rc = record(&g);
done:
	free(g.hh);
	free(g.persons);
	return rc;
}
