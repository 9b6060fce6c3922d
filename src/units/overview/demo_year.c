/* A year of activity for demonstrations and tests: inspection requests
 * with visits and decisions, food packages with the donations and market
 * supplies they are given from, care and cleaning visits,
 * taxi appointments with their trips — all through the units' public
 * model functions, so every rule and every audit row applies. What it
 * made is returned and kept in overview_demo_run; the annual report on
 * that year must show the same figures (tests/unit/test_overview.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/centres.h"
#include "hane/centres_sp.h"
#include "hane/clothing.h"
#include "hane/core.h"
#include "hane/foodbank.h"
#include "hane/homecare.h"
#include "hane/i18n.h"
#include "hane/inspection.h"
#include "hane/kitchen.h"
#include "hane/perm.h"
#include "hane/reference.h"
#include "hane/staff.h"
#include "hane/taxi.h"
#include "hane/veterans.h"
#include "units/overview/overview_int.h"

/* İzmit 2025, the published figures, at scale 1.0. */
#define IZ_INSPECTIONS 9606
#define IZ_FOOD_HH 3046
#define IZ_CARE_VISITS 2530
#define IZ_CARE_PERSONS 211
#define IZ_CLEANINGS 1667
#define IZ_CLEANING_PERSONS 191
#define IZ_TAXI_APPTS 441
#define IZ_CLOTHING_PERSONS 1973 /* Dost Eller, clothes and baby goods */
/* Şehit Yakınları ve Gazi Birimi: households visited in 2025 by
 * category (one visit each, a gift set at each), and the visits of
 * 2022-2024 (238 since 2022 less 2025's 145). */
#define IZ_VET_MARTYR 13
#define IZ_VET_ANTI_TERROR 2
#define IZ_VET_CYPRUS 130
#define IZ_VET_HISTORY 93
/* Households on the kitchen's home-meal roster: not among the published
 * figures; a plausible roster for the 60,000 hot meals. */
#define IZ_KITCHEN_HOMES 150

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

/* What comes in, at scale 1.0: the seven markets' weekly supplies worth
 * 60,000–80,000 TL together (the directorate's figure), and about six
 * donations a collection day at each branch (ours: the published figures
 * give none). A market delivers once a week, on its own weekday, to one
 * branch, as vegetables, fruit and delicatessen (45/35/20 of the value);
 * what the donations bring is sized so that each branch's stock of what
 * its packages take stays above zero on every day of the year. */
#define FB_MARKETS 7
#define FB_WEEK_MIN_TL 60000
#define FB_WEEK_MAX_TL 80000
#define FB_DONATIONS_PER_DAY 6.0
#define FB_MARGIN_PCT 115 /* in: this much of what goes out */
#define FB_KEYS 8	  /* category-and-unit pairs of a package */
#define FB_MAX_BRANCHES 16

struct food_hh {
	int64_t hh;
	int branch; /* index into food_gen.br */
	int packs;
	int64_t day[4];
	int64_t qty[FB_KEYS]; /* one package for this household */
};

struct food_gen {
	struct hane_fb_branch br[FB_MAX_BRANCHES];
	int nb;
	struct hane_fb_item key[FB_KEYS]; /* category and unit; qty unused */
	int nkeys;
	struct food_hh *plan; /* one a household */
	int64_t nplan;
	int64_t *need; /* [branch][day - d0][key]: what the packages take */
	int64_t ndays;
	uint64_t rng; /* intake's own stream: the rest stays as it was */
};

static int add_branch(const struct hane_fb_branch *b, void *arg)
{
	struct food_gen *x = arg;

	if (b->active && x->nb < FB_MAX_BRANCHES)
		x->br[x->nb++] = *b;
	return 0;
}

struct markets {
	int64_t id[FB_MARKETS];
	int n;
};

static int add_market(const struct hane_fb_market *m, void *arg)
{
	struct markets *mk = arg;

	if (m->active && mk->n < FB_MARKETS)
		mk->id[mk->n++] = m->id;
	return 0;
}

/* The seven markets: those active, and demo ones for the rest. */
static int demo_markets(struct gen *g, struct markets *mk)
{
	int rc = hane_foodbank_market_each(g->db, add_market, mk);

	for (int i = 1; !rc && mk->n < FB_MARKETS && i < 100; i++) {
		char name[48];

		snprintf(name, sizeof name, "Örnek Market %d", i);
		rc = hane_foodbank_market_add(g->db, name, &mk->id[mk->n]);
		if (rc == HANE_EEXIST)
			rc = 0;
		else if (!rc)
			mk->n++;
	}
	hane_error_clear();
	return rc;
}

static int64_t *need_at(struct food_gen *x, int b, int64_t day0)
{
	return &x->need[((int64_t)b * x->ndays + day0) * FB_KEYS];
}

/* The key of (category, unit), added when new; -1 when full. */
static int food_key(struct food_gen *x, const struct hane_fb_item *it)
{
	for (int i = 0; i < x->nkeys; i++)
		if (!strcmp(x->key[i].category, it->category) &&
		    !strcmp(x->key[i].unit, it->unit))
			return i;
	if (x->nkeys == FB_KEYS)
		return -1;
	x->key[x->nkeys] = *it;
	return x->nkeys++;
}

/* Household k's packages: as many and on the days the generator always
 * drew (the same draws in the same order), and what one package holds
 * for it, as the food bank's rules say (hane_foodbank_check). */
static int food_plan_one(struct gen *g, struct food_gen *x, int64_t k)
{
	int64_t start = (int64_t)g->nhh / 2, span = g->d1 - g->d0;
	struct food_hh *p = &x->plan[k];
	int packs = 1 + (int)(rnd(g) % 4), rc;
	int64_t gap = span / (packs + 1), d;
	struct hane_fb_distribution dist;
	struct hane_fb_check chk;

	p->hh = g->hh[(size_t)((start + k) % (int64_t)g->nhh)];
	p->branch = (int)(k % x->nb);
	/* Packages at least 31 days apart: the standard package's frequency
	 * limit is 30. */
	if (gap < 31) {
		packs = 1;
		gap = 31;
	}
	if ((rc = hane_foodbank_refer(g->db, p->hh, "manual", 0, "Örnek veri",
				      g->first, NULL, NULL)) != 0)
		return rc;
	d = g->d0 + rnd_in(g, 0, gap > 40 ? gap - 32 : 0);
	for (int i = 0; i < packs && d <= g->d1; i++, d += gap)
		p->day[p->packs++] = d;
	if (p->packs == 0)
		return 0;
	memset(&dist, 0, sizeof dist);
	dist.household_id = p->hh;
	hane_date_iso(dist.date, p->day[0]);
	dist.branch_id = x->br[p->branch].id;
	snprintf(dist.package, sizeof dist.package, "standard");
	if ((rc = hane_foodbank_check(g->db, &dist, &chk)) != 0)
		return rc;
	for (size_t i = 0; i < dist.nitems; i++) {
		int key = food_key(x, &dist.items[i]);

		if (key >= 0)
			p->qty[key] += dist.items[i].qty_milli;
	}
	for (int i = 0; i < p->packs; i++) {
		int64_t *n = need_at(x, p->branch, p->day[i] - g->d0);

		for (int key = 0; key < FB_KEYS; key++)
			n[key] += p->qty[key];
	}
	return 0;
}

static uint64_t intake_rnd(struct food_gen *x)
{
	struct gen s = {.rng = x->rng};
	uint64_t v = rnd(&s);

	x->rng = s.rng;
	return v;
}

/* What one unit is worth, in kuruş (2025 prices, rounded). */
static int64_t unit_price(const char *category)
{
	static const struct {
		const char *category;
		int64_t kurus;
	} prices[] = {{"dry_food", 4000},  {"canned", 3500}, {"oil", 8000},
		      {"vegetable", 2500}, {"fruit", 3500},  {"deli", 25000}};

	for (size_t i = 0; i < HANE_COUNTOF(prices); i++)
		if (!strcmp(prices[i].category, category))
			return prices[i].kurus;
	return 3000;
}

/* The k donations of day d at branch b, together bringing at least
 * want[key] of each (whole units). */
static int food_donations_of_day(struct gen *g, struct food_gen *x, int b,
				 int64_t d, int k, const int64_t *want)
{
	int w[16], sum = 0, rc = 0;

	if (k > 16)
		k = 16;
	for (int i = 0; i < k; i++)
		sum += w[i] = 1 + (int)(intake_rnd(x) % 3);
	for (int i = 0; i < k && !rc; i++) {
		struct hane_fb_donation dn;

		memset(&dn, 0, sizeof dn);
		dn.branch_id = x->br[b].id;
		hane_date_iso(dn.date, d);
		HANE_COPY(dn.donor_name,
			  i % 4 == 3 ? "Örnek Firma A.Ş." : "Örnek Bağışçı");
		HANE_COPY(dn.notes, "Örnek veri");
		for (int key = 0; key < x->nkeys; key++) {
			int64_t q = (want[key] * w[i] + sum - 1) / sum;
			struct hane_fb_item *it = &dn.items[dn.nitems];

			q = (q + 999) / 1000 * 1000;
			if (q <= 0)
				continue;
			*it = x->key[key];
			it->qty_milli = q;
			dn.value_kurus += q * unit_price(it->category) / 1000;
			dn.nitems++;
		}
		if (dn.nitems == 0) {
			/* Nothing is needed till the next collection: a
			 * donor brings a little anyway. */
			dn.items[0] =
				x->key[intake_rnd(x) % (uint64_t)x->nkeys];
			dn.items[0].qty_milli =
				1000 * (1 + (int64_t)(intake_rnd(x) % 5));
			dn.value_kurus = dn.items[0].qty_milli *
					 unit_price(dn.items[0].category) /
					 1000;
			dn.nitems = 1;
		}
		if ((rc = hane_foodbank_donate(g->db, &dn)) == 0) {
			g->c->food_donations++;
			hane_error_clear();
		}
	}
	return rc;
}

/* Donations at branch b on its collection days: a Poisson-like count
 * per day (at least one on the first), each day's bringing what the
 * branch's packages take until the next day with a donation. */
static int food_donations(struct gen *g, struct food_gen *x, int b)
{
	double lambda = FB_DONATIONS_PER_DAY * g->c->scale;
	int64_t whole = (int64_t)lambda;
	int64_t frac = (int64_t)((lambda - (double)whole) * 1000);
	int64_t from = g->d0, day = -1;
	int k = 0, rc = 0;

	/* Packages given before the branch's first collection day (1
	 * January is a holiday): a donor who came on another day, which the
	 * counter takes with a warning. */
	for (int64_t d = g->d0; d <= g->d1 && day < 0; d++) {
		char iso[HANE_DATE_LEN + 1];
		const int64_t *n = need_at(x, b, d - g->d0);

		hane_date_iso(iso, d);
		if (hane_foodbank_collects(&x->br[b], iso))
			break;
		for (int key = 0; key < x->nkeys; key++)
			if (n[key] > 0) {
				day = g->d0;
				k = 1;
			}
	}
	for (int64_t d = g->d0; d <= g->d1 + 1 && !rc; d++) {
		int64_t want[FB_KEYS] = {0};
		int next = 0;
		char iso[HANE_DATE_LEN + 1];

		if (d <= g->d1) {
			hane_date_iso(iso, d);
			if (!hane_foodbank_collects(&x->br[b], iso))
				continue;
			next = (int)whole +
			       ((int64_t)(intake_rnd(x) % 1000) < frac);
			if (day < 0 && next == 0)
				next = 1;
			if (next == 0)
				continue;
		}
		/* d is the next day with a donation (or past the end): the
		 * previous one brings what goes out from `from` to d. */
		if (day >= 0) {
			for (int64_t e = from; e < d; e++) {
				const int64_t *n = need_at(x, b, e - g->d0);

				for (int key = 0; key < x->nkeys; key++)
					want[key] += n[key];
			}
			for (int key = 0; key < x->nkeys; key++)
				want[key] = want[key] * FB_MARGIN_PCT / 100;
			rc = food_donations_of_day(g, x, b, day, k, want);
			from = d;
		}
		day = d;
		k = next;
	}
	return rc;
}

/* The markets' deliveries, week by week (Monday to Sunday): the week's
 * value drawn between the two bounds (scaled), shared among the seven,
 * each delivering on its weekday to its branch. */
static int food_supplies(struct gen *g, struct food_gen *x)
{
	static const struct {
		const char *category;
		int pct;
	} split[] = {{"vegetable", 45}, {"fruit", 35}, {"deli", 20}};
	struct markets mk = {{0}, 0};
	int64_t monday = g->d0 - (hane_date_weekday_of(g->d0) - 1);
	int rc;

	if ((rc = demo_markets(g, &mk)) != 0 || mk.n == 0)
		return rc;
	for (int64_t w = monday; w <= g->d1 && !rc; w += 7) {
		int64_t lo = FB_WEEK_MIN_TL * 100, hi = FB_WEEK_MAX_TL * 100;
		int64_t week = (int64_t)llround(
			(double)(lo + (int64_t)(intake_rnd(x) %
						(uint64_t)(hi - lo + 1))) *
			g->c->scale);
		int64_t wt[FB_MARKETS], sum = 0, given = 0;

		for (int m = 0; m < mk.n; m++)
			sum += wt[m] = 8 + (int64_t)(intake_rnd(x) % 5);
		for (int m = 0; m < mk.n && !rc; m++) {
			int64_t v = m == mk.n - 1 ? week - given
						  : week * wt[m] / sum;
			int64_t d = w + m % 5, left = v;

			given += v;
			if (d < g->d0 || d > g->d1)
				continue;
			for (size_t c = 0; c < HANE_COUNTOF(split) && !rc;
			     c++) {
				struct hane_fb_supply s;
				int64_t cv = c == HANE_COUNTOF(split) - 1
						     ? left
						     : v * split[c].pct / 100;

				left -= cv;
				memset(&s, 0, sizeof s);
				hane_date_iso(s.date, d);
				s.market_id = mk.id[m];
				s.branch_id = x->br[m % x->nb].id;
				HANE_COPY(s.category, split[c].category);
				HANE_COPY(s.unit, "kg");
				s.qty_milli = cv * 1000 /
					      unit_price(split[c].category);
				s.value_kurus = cv;
				HANE_COPY(s.notes, "Örnek veri");
				if (s.qty_milli <= 0)
					continue;
				if ((rc = hane_foodbank_supply(g->db, &s)) == 0)
					g->c->food_supplies++;
			}
		}
	}
	return rc;
}

/* Every household's packages planned (and referred), then what comes in
 * over the year — market supplies and donations — then, item by item,
 * the packages: the stock never goes below zero. */
static int food_setup(struct gen *g, void *arg)
{
	struct food_gen *x = arg;
	int rc = 0;

	for (int64_t k = 0; k < x->nplan && !rc; k++)
		rc = food_plan_one(g, x, k);
	if (!rc)
		rc = food_supplies(g, x);
	for (int b = 0; b < x->nb && !rc; b++)
		rc = food_donations(g, x, b);
	return rc;
}

static int food_one(struct gen *g, int64_t k, int64_t n, void *arg)
{
	struct food_gen *x = arg;
	const struct food_hh *p = &x->plan[k];
	int rc;

	(void)n;
	for (int i = 0; i < p->packs; i++) {
		struct hane_fb_distribution d;
		struct hane_fb_check chk;

		memset(&d, 0, sizeof d);
		d.household_id = p->hh;
		hane_date_iso(d.date, p->day[i]);
		d.branch_id = x->br[p->branch].id;
		snprintf(d.package, sizeof d.package, "standard");
		d.value_kurus = 85000;
		if ((rc = hane_foodbank_distribute(g->db, &d, &chk)))
			return rc;
		g->c->food_packages++;
		if (chk.nshort)
			g->c->food_short++;
	}
	if (p->packs)
		g->c->food_households++;
	return 0;
}

static int gen_foodbank(struct gen *g, int64_t nhh)
{
	static const struct stage st = {"foodbank", food_setup, food_one};
	struct food_gen x;
	int rc;

	memset(&x, 0, sizeof x);
	/* Every branch gives packages (a household keeps to one): the
	 * unit's stock check per package reads its branch's history. */
	if ((rc = hane_foodbank_branch_each(g->db, add_branch, &x)) != 0)
		return rc;
	if (x.nb == 0) {
		hane_error_set("%s", "no food bank branch");
		return HANE_EINVAL;
	}
	x.ndays = g->d1 - g->d0 + 1;
	x.rng = g->rng ^ 0x5bd1e9955bd1e995ULL;
	x.plan = calloc((size_t)(nhh > 0 ? nhh : 1), sizeof *x.plan);
	x.need = calloc((size_t)(x.nb * x.ndays * FB_KEYS), sizeof *x.need);
	x.nplan = nhh;
	rc = x.plan && x.need ? run_stage(g, &st, nhh, &x) : HANE_ENOMEM;
	free(x.plan);
	free(x.need);
	return rc;
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

/* ---- Dost Eller (clothing) --------------------------------------------------- */

/* A fifth of the persons come back in the other season; every issue goes
 * through the unit's rules (eligibility, the limit per category). */
#define CL_SECOND_PCT 20

struct cloth_gen {
	int64_t *cand; /* the persons, shuffled */
	size_t ncand, next;
	int64_t want;	   /* distinct persons to serve */
	int64_t pieces[4]; /* planned per category (adult, child, baby, shoes)
			    */
};

static const char *const cl_codes[4] = {"adult", "child", "baby", "shoes"};
static const char *const cl_sizes[4][4] = {
	{"S", "M", "L", "XL"},
	{"4-5 yaş", "6-8 yaş", "9-11 yaş", "12-14 yaş"},
	{"0-6 ay", "6-12 ay", "1-2 yaş", "2-3 yaş"},
	{"28", "34", "38", "42"},
};

/* One person's lines: a category by chance (6 of 10 adult, 1 of 4 child
 * clothing, the rest baby goods), one to three pieces, shoes now and
 * then; always within the limits the migration seeds. */
static void cl_lines(struct gen *g, struct hane_cl_issue *is)
{
	int64_t r = rnd_in(g, 0, 99);
	int c = r < 60 ? 0 : r < 85 ? 1 : 2;

	is->nlines = 1;
	HANE_COPY(is->lines[0].category, cl_codes[c]);
	HANE_COPY(is->lines[0].size, cl_sizes[c][rnd_in(g, 0, 3)]);
	is->lines[0].qty = (int)rnd_in(g, 1, 3);
	if (c != 2 && rnd_in(g, 0, 99) < 30) {
		is->nlines = 2;
		HANE_COPY(is->lines[1].category, "shoes");
		HANE_COPY(is->lines[1].size, cl_sizes[3][rnd_in(g, 0, 3)]);
		is->lines[1].qty = 1;
	}
}

/* Eligible on date, or referred by the store for the year. */
static int cl_eligible(struct gen *g, int64_t person, const char *date)
{
	struct hane_cl_eligibility e;
	struct hane_cl_referral r = {0};
	int rc = hane_clothing_eligibility(g->db, person, date, &e);

	if (rc || e.eligible)
		return rc;
	r.household_id = e.household_id;
	HANE_COPY(r.reason, "Dost Eller başvurusu (örnek)");
	HANE_COPY(r.valid_from, g->first);
	HANE_COPY(r.valid_until, g->last);
	return hane_clothing_refer(g->db, &r);
}

/* An issue to person on day: 1 saved, 0 refused by a rule (skipped). */
static int cl_issue(struct gen *g, struct cloth_gen *x, int64_t person,
		    const char *day)
{
	struct hane_cl_issue is;
	struct hane_cl_check c;
	int rc;

	memset(&is, 0, sizeof is);
	is.person_id = person;
	HANE_COPY(is.date, day);
	cl_lines(g, &is);
	if ((rc = cl_eligible(g, person, day)) != 0)
		return rc;
	/* The rules first, without writing: a refusal inside the issue's
	 * own transaction would doom the year's, which encloses it (the
	 * second season inside the same period, at 10×). */
	rc = hane_clothing_check(g->db, &is, &c);
	if (rc == HANE_EPERM || rc == HANE_EINVAL) {
		hane_error_clear();
		return 0;
	}
	if (rc || (rc = hane_clothing_issue(g->db, &is, &c)) != 0)
		return rc;
	g->c->clothing_issues++;
	for (size_t i = 0; i < is.nlines; i++)
		for (int k = 0; k < 4; k++)
			if (!strcmp(is.lines[i].category, cl_codes[k]))
				x->pieces[k] += is.lines[i].qty;
	return 1;
}

/* Donations: an opening stock on the first working day, then one every
 * Monday, together a little more than what goes out. */
static int cl_donations(struct gen *g, struct cloth_gen *x)
{
	int64_t weeks = (g->d1 - g->d0) / 7 + 1, total[4];
	int rc = 0;

	for (int k = 0; k < 4; k++)
		total[k] = x->want *
				   (k == 0   ? 150
				    : k == 3 ? 35
					     : 60) /
				   100 +
			   4;
	for (int64_t d = g->d0; d <= g->d1 && !rc; d++) {
		struct hane_cl_donation dn;
		bool first = d == g->d0;

		if (!first && hane_date_weekday_of(d) != 1)
			continue;
		memset(&dn, 0, sizeof dn);
		hane_date_iso(dn.date, d);
		HANE_COPY(dn.donor, rnd_in(g, 0, 2) ? "Bağışçı (örnek)" : "");
		for (int k = 0; k < 4; k++) {
			int64_t q =
				first ? total[k] / 8 + 1 : total[k] / weeks + 1;

			if (q > 999)
				q = 999;
			HANE_COPY(dn.lines[dn.nlines].category, cl_codes[k]);
			dn.lines[dn.nlines++].qty = (int)q;
		}
		if ((rc = hane_clothing_donate(g->db, &dn)) == 0)
			g->c->clothing_donations++;
	}
	return rc;
}

static int cloth_setup(struct gen *g, void *arg)
{
	struct cloth_gen *x = arg;

	/* A partial shuffle: the first want persons are those served. */
	for (size_t i = 0; i < x->ncand; i++) {
		size_t j =
			i + (size_t)rnd_in(g, 0, (int64_t)(x->ncand - i - 1));
		int64_t t = x->cand[i];

		x->cand[i] = x->cand[j];
		x->cand[j] = t;
	}
	return cl_donations(g, x);
}

static int cloth_one(struct gen *g, int64_t k, int64_t n, void *arg)
{
	struct cloth_gen *x = arg;
	char day[HANE_DATE_LEN + 1];
	int rc = 0;

	/* The next candidate the rules let through; the count is of
	 * distinct persons served, as the annual figure is. */
	while (rc == 0 && x->next < x->ncand) {
		int64_t person = x->cand[x->next++];

		spread_day(g, k, n, 2, 0, day);
		if ((rc = cl_issue(g, x, person, day)) < 0)
			return rc;
		if (rc == 1) {
			g->c->clothing_persons++;
			/* Some come back in the next season (180 days). */
			if (rnd_in(g, 0, 99) < CL_SECOND_PCT &&
			    hane_date_day(day) + 180 <= g->d1) {
				hane_date_iso(day, hane_date_day(day) + 180);
				while (hane_date_weekday_of(
					       hane_date_day(day)) >= 6)
					hane_date_iso(day,
						      hane_date_day(day) - 1);
				if ((rc = cl_issue(g, x, person, day)) < 0)
					return rc;
			}
			return 0;
		}
	}
	return rc;
}

static int gen_clothing(struct gen *g, int64_t persons)
{
	static const struct stage st = {"clothing", cloth_setup, cloth_one};
	struct cloth_gen x = {0};
	int rc;

	x.ncand = g->npersons;
	x.want = persons;
	if (!(x.cand = malloc((x.ncand ? x.ncand : 1) * sizeof *x.cand)))
		return HANE_ENOMEM;
	memcpy(x.cand, g->persons, x.ncand * sizeof *x.cand);
	rc = run_stage(g, &st, persons, &x);
	free(x.cand);
	return rc;
}

/* ---- Şehit Yakınları ve Gazi ------------------------------------------------------ */

/* The roster: n rows of the three categories the year's figures name,
 * most in registry households taken from the far end of the registry;
 * one in six lives outside İzmit and is added as a household of a Kocaeli
 * district (the registry's way of an address outside İzmit). */
struct vet_gen {
	int64_t n[3]; /* martyr, anti_terror, cyprus */
	int64_t total, history;
	int64_t *roster;
	char districts[8][96];
	int ndistricts;
};

static int keep_district(const char *name, void *arg)
{
	struct vet_gen *x = arg;

	if (x->ndistricts < 8)
		HANE_COPY(x->districts[x->ndistricts++], name);
	return 0;
}

static const char *const vet_first[] = {"Mustafa", "Hüseyin", "İbrahim",
					"Hasan",   "Ahmet",   "Osman"};
static const char *const vet_last[] = {"Yıldırım", "Aslan", "Kurt",
				       "Özdemir",  "Çelik", "Doğan"};

static int vet_household(struct gen *g, struct vet_gen *x, int64_t k,
			 int64_t *hid)
{
	struct hane_household h;
	struct hane_person p;

	if (k % 6 != 5 || x->ndistricts == 0) {
		*hid = g->hh[(size_t)((int64_t)g->nhh - 1 -
				      k % (int64_t)g->nhh)];
		return 0;
	}
	hane_household_init(&h);
	HANE_COPY(h.mahalle, x->districts[k % x->ndistricts]);
	snprintf(h.street, sizeof h.street, "Gazi Sk. %lld",
		 (long long)(k % 40 + 1));
	hane_person_init(&p);
	HANE_COPY(p.first_name, vet_first[k % 6]);
	HANE_COPY(p.last_name, vet_last[(k / 6) % 6]);
	return hane_household_create(g->db, &h, &p, hid, NULL, NULL);
}

static const char *const vet_cats[3] = {"martyr", "anti_terror", "cyprus"};

static int vet_setup(struct gen *g, void *arg)
{
	struct vet_gen *x = arg;
	int64_t gift = 0, k = 0;
	char day[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = hane_district_list(g->db, keep_district, x)) != 0)
		return rc;
	for (int c = 0; c < 3; c++)
		for (int64_t i = 0; i < x->n[c]; i++, k++) {
			struct hane_veteran v;
			int64_t hid;

			if ((rc = vet_household(g, x, k, &hid)) != 0)
				return rc;
			hane_veteran_init(&v);
			v.household_id = hid;
			HANE_COPY(v.category, vet_cats[c]);
			snprintf(v.subject_name, sizeof v.subject_name,
				 "%s%s %s", c == 0 ? "Şehit Er " : "",
				 vet_first[(k + 1) % 6],
				 vet_last[(k / 6 + 1) % 6]);
			hane_date_iso(v.since,
				      hane_date_days(g->year - 4, 1, 1));
			if ((rc = hane_veteran_save(g->db, &v,
						    &x->roster[k])) != 0)
				return rc;
		}
	/* The gift sets, bought at the start of each year for its visits. */
	if ((rc = hane_store_ints(g->db,
				  "SELECT id FROM veteran_gift WHERE active = 1"
				  " ORDER BY id LIMIT 1",
				  NULL, 0, &gift, 1)) != 0)
		return rc;
	for (int y = g->year - 3; y <= g->year && !rc; y++) {
		hane_date_iso(day, hane_date_days(y, 1, 2));
		rc = hane_veteran_gift_in(
			g->db, gift,
			(int)(y == g->year ? x->total : x->history / 3 + 1),
			day, "Örnek veri: yıllık alım");
	}
	return rc;
}

/* Item k: the first x->history are the three years before (history),
 * the rest one visit to each roster row in the year. */
static int vet_one(struct gen *g, int64_t k, int64_t n, void *arg)
{
	struct vet_gen *x = arg;
	struct hane_veteran_visit v;
	int rc;

	(void)n;
	hane_veteran_visit_init(&v);
	if (k < x->history) {
		/* Spread over the three years' working days. */
		int64_t d0 = hane_date_days(g->year - 3, 1, 5);
		int64_t d =
			d0 + (3 * 365 - 10) * k / (x->history ? x->history : 1);

		while (hane_date_weekday_of(d) >= 6)
			d--;
		v.veteran_id = x->roster[k % x->total];
		hane_date_iso(v.date, d);
	} else {
		int64_t i = k - x->history;

		v.veteran_id = x->roster[i];
		spread_day(g, i, x->total, 1, 1, v.date);
	}
	snprintf(v.staff, sizeof v.staff,
		 "Örnek Personel %d, Örnek Personel %d", (int)(k % 3) + 1,
		 (int)(k % 3) + 4);
	v.gifts = 1;
	if ((rc = hane_veteran_visit_add(g->db, &v, NULL, NULL)) != 0)
		return rc;
	g->c->vet_since_2022++;
	g->c->vet_gifts += k < x->history ? 0 : 1;
	g->c->vet_visits += k < x->history ? 0 : 1;
	return 0;
}

static int gen_veterans(struct gen *g, const int64_t n[3], int64_t history)
{
	static const struct stage st = {"veterans", vet_setup, vet_one};
	struct vet_gen x;
	int rc;

	memset(&x, 0, sizeof x);
	memcpy(x.n, n, sizeof x.n);
	x.total = n[0] + n[1] + n[2];
	x.history = history;
	if (!(x.roster = calloc((size_t)x.total, sizeof *x.roster)))
		return HANE_ENOMEM;
	rc = run_stage(g, &st, x.history + x.total, &x);
	free(x.roster);
	if (rc == 0) {
		g->c->vet_martyr = n[0];
		g->c->vet_anti_terror = n[1];
		g->c->vet_cyprus = n[2];
		g->c->vet_households = x.total;
	}
	return rc;
}

/* ---- Kitchen ------------------------------------------------------------------ */

/* The Aşevi's year (#20): İzmit 2025's portions by channel and item,
 * each spread evenly over the working days so that the year sums to the
 * figure exactly (scaled), entered a day's grid at a time through the
 * model as the kitchen's clerk does. */
static const struct {
	const char *channel, *item;
	int64_t year;
} kitchen_cells[] = {
	{"morning", "soup", 239000},   {"hot", "meal", 60000},
	{"morning", "cake", 121000},   {"mobile", "soup", 46500},
	{"mobile", "lemonade", 45000}, {"mobile", "irmik", 36000},
	{"mobile", "plate", 11000},    {"mobile", "pastry", 18000},
	{"mobile", "asure", 12000},    {"neighbourhood", "meal", 5650},
};
#define KITCHEN_CELLS HANE_COUNTOF(kitchen_cells)

struct kitchen_gen {
	char (*days)[HANE_DATE_LEN + 1];
	size_t ndays;
	int64_t total[KITCHEN_CELLS];
	int row[KITCHEN_CELLS], col[KITCHEN_CELLS]; /* in the day's grid */
	struct hane_kitchen_day day;
	int64_t homes;
};

/* Day k's share of a year's n: the year's first k+1 days' share less the
 * first k days', so the days sum to n exactly. */
static int64_t share(int64_t n, int64_t k, int64_t days)
{
	return n * (k + 1) / days - n * k / days;
}

static int kitchen_one(struct gen *g, int64_t k, int64_t n, void *arg)
{
	struct kitchen_gen *x = arg;
	int rc;

	(void)n;
	if ((rc = hane_kitchen_day_load(g->db, x->days[k], &x->day)) != 0)
		return rc;
	for (size_t i = 0; i < KITCHEN_CELLS; i++) {
		int64_t v = share(x->total[i], k, (int64_t)x->ndays);

		if (x->row[i] < 0 || x->col[i] < 0 ||
		    (size_t)x->row[i] >= x->day.nch ||
		    (size_t)x->col[i] >= x->day.nit ||
		    strcmp(x->day.ch[x->row[i]].code,
			   kitchen_cells[i].channel) ||
		    strcmp(x->day.it[x->col[i]].code, kitchen_cells[i].item)) {
			hane_error_set("%s.%s", kitchen_cells[i].channel,
				       kitchen_cells[i].item);
			return HANE_ENOTFOUND;
		}
		x->day.count[x->row[i]][x->col[i]] += v;
		g->c->kitchen_portions += v;
	}
	return hane_kitchen_day_save(g->db, &x->day, NULL);
}

/* The roster: households from the far end of the registry, a third on it
 * since the year before, a fifth leaving within the year. */
static int kitchen_setup(struct gen *g, void *arg)
{
	struct kitchen_gen *x = arg;
	int rc = 0;

	for (int64_t k = 0; k < x->homes && !rc; k++) {
		struct hane_kitchen_home h;

		memset(&h, 0, sizeof h);
		h.household_id = g->hh[g->nhh - 1 - (size_t)k];
		if (k % 3 == 0) {
			char iso[HANE_DATE_LEN + 1];

			/* Since the year before (the same day of it). */
			spread_day(g, k, x->homes, 0, 30, iso);
			ov_date_add(h.start_date, iso, -365);
		} else
			spread_day(g, k, x->homes, 0, 30, h.start_date);
		if (k % 5 == 1)
			spread_day(g, k, x->homes, 31, 0, h.end_date);
		if (h.end_date[0] && strcmp(h.end_date, h.start_date) < 0)
			HANE_COPY(h.end_date, h.start_date);
		rc = hane_kitchen_home_save(g->db, &h, NULL);
		if (rc == HANE_EEXIST) { /* on it from an earlier run */
			rc = 0;
			continue;
		}
		if (!rc)
			g->c->kitchen_households++;
	}
	return rc;
}

static int gen_kitchen(struct gen *g, double scale)
{
	static const struct stage st = {"kitchen", kitchen_setup, kitchen_one};
	struct kitchen_gen *x = calloc(1, sizeof *x);
	int rc;

	if (!x)
		return HANE_ENOMEM;
	if ((rc = workdays(g, &x->days, &x->ndays)) != 0 ||
	    (rc = hane_kitchen_day_load(g->db, g->first, &x->day)) != 0)
		goto out;
	for (size_t i = 0; i < KITCHEN_CELLS; i++) {
		x->total[i] = scaled(scale, kitchen_cells[i].year);
		x->row[i] = x->col[i] = -1;
		for (size_t r = 0; r < x->day.nch; r++)
			if (!strcmp(x->day.ch[r].code,
				    kitchen_cells[i].channel))
				x->row[i] = (int)r;
		for (size_t c = 0; c < x->day.nit; c++)
			if (!strcmp(x->day.it[c].code, kitchen_cells[i].item))
				x->col[i] = (int)c;
	}
	x->homes = scaled(scale, IZ_KITCHEN_HOMES);
	if ((size_t)x->homes > g->nhh)
		x->homes = (int64_t)g->nhh;
	rc = x->ndays ? run_stage(g, &st, (int64_t)x->ndays, x) : HANE_EINVAL;
out:
	free(x->days);
	free(x);
	return rc;
}

/* ---- Centres -------------------------------------------------------------------- */

/* Merkezler's year (#19) through the centres' model (hane/centres.h,
 * hane/centres_sp.h): persons of the right age, disability and residence
 * apply and are admitted — most of them in the year before (members
 * carry over), the rest in the year; some memberships end (death, moved,
 * withdrew, institution, a term completed); the Asırlık Çınar members
 * check in on the working days; the Kısa Mola students book sessions and
 * come or not; the Down Kafe members are placed. The published figures
 * come out exactly at every scale (scaled): Asırlık Çınar's members and
 * visits, Alzheimer's new members and patients, Otizm's persons served
 * and those admitted directly, Yaşama Destek's students, Kısa Mola's
 * students, the persons employed. */
#define IZ_CE_CINAR 409
#define IZ_CE_CINAR_VISITS 5964
#define IZ_CE_ALZ 54
#define IZ_CE_ALZ_NEW 31
#define IZ_CE_OTIZM 1178
#define IZ_CE_OTIZM_DIRECT 54
#define IZ_CE_YDE 32
#define IZ_CE_KM 687
#define IZ_CE_EMPLOYED 15

enum {
	CE_GUNDOGDU,
	CE_SERDAR,
	CE_KURUCESME,
	CE_AKARCA,
	CE_ALZ,
	CE_OTIZM,
	CE_YDE,
	CE_KM_CUMHURIYET,
	CE_KM_KURUCESME,
	CE_DOWN_KAFE,
	CE_MOBIL,
	CE__SITES
};

static const char *const ce_site_codes[CE__SITES] = {
	"cinar_gundogdu",   "cinar_serdar",	    "cinar_kurucesme",
	"cinar_akarca",	    "alzheimer_evi",	    "otizm_evi",
	"yasam_destek_evi", "kisa_mola_cumhuriyet", "kisa_mola_kurucesme",
	"down_kafe",	    "mobil_ikram"};

/* A person who may be taken: needs_dis when the registry has no
 * disability % for them that the programme asks (the generator records
 * one, as the person's disability report would). */
struct ce_cand {
	int64_t id;
	bool needs_dis;
};

struct ce_pool {
	struct ce_cand *v;
	size_t n, cap, next;
	int min_dis;
};

/* A membership the generator made, for the check-ins and bookings. */
struct ce_member {
	int64_t id, person;
	int site;
	char start[HANE_DATE_LEN + 1];
	char end[HANE_DATE_LEN + 1]; /* "" running */
};

struct ce_gen {
	int64_t site[CE__SITES];
	unsigned char *used; /* persons taken, by id */
	size_t nused;
	struct ce_member *m; /* Asırlık Çınar, then Kısa Mola */
	size_t nm, cap;
	char prev[HANE_DATE_LEN + 1]; /* the same day a year before g->first */
	int64_t n, total;	      /* items made, and planned (progress) */
};

static void ce_progress(struct gen *g, struct ce_gen *x)
{
	x->n++;
	progress(g, "centres", x->n, x->total > x->n ? x->total : x->n);
}

/* The day iso with its year moved by dy ("2025-03-04", -1 → "2024-03-04";
 * 29 February becomes the 28th). */
static void ce_year_shift(char out[HANE_DATE_LEN + 1], const char *iso, int dy)
{
	int y = 2000, m = 1, d = 1;

	sscanf(iso, "%d-%d-%d", &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28;
	snprintf(out, HANE_DATE_LEN + 1, "%04u-%02u-%02u",
		 (unsigned)(y + dy) % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

static int ce_cand_row(hane_stmt *st, void *arg)
{
	struct ce_pool *p = arg;
	struct ce_cand *c = HANE_PUSH(p->v, p->cap, p->n, NULL, 256);

	if (!c)
		return HANE_ENOMEM;
	c->id = hane_stmt_int(st, 0);
	c->needs_dis = p->min_dis > 0 && hane_stmt_int(st, 1) < p->min_dis;
	return 0;
}

/* The persons of active households who are min_age (or older) on the
 * first day of the year before and at most max_age (-1: any) on the
 * year's last day; those with the disability % asked first, then the
 * others of that age, in an order spread over the registry. */
static int ce_pool_load(struct gen *g, struct ce_pool *p, int min_age,
			int max_age, int min_dis)
{
	char oldest[HANE_DATE_LEN + 1] = "0000-01-01";
	char youngest[HANE_DATE_LEN + 1] = "";

	memset(p, 0, sizeof *p);
	p->min_dis = min_dis;
	/* Born on or before this day: min_age on the year before's first. */
	snprintf(youngest, sizeof youngest, "%04u-01-01",
		 (unsigned)(g->year - 1 - min_age) % 10000u);
	/* Born after this day: at most max_age on the year's last. */
	if (max_age >= 0)
		snprintf(oldest, sizeof oldest, "%04u-12-31",
			 (unsigned)(g->year - max_age - 1) % 10000u);
	{
		const struct hane_field f[] = {HANE_FTEXT(":young", youngest),
					       HANE_FTEXT(":old", oldest),
					       HANE_FINT(":dis", min_dis)};

		return hane_store_each(
			g->db,
			"SELECT p.id, coalesce(p.disability_pct, 0)"
			" FROM person p JOIN household h ON h.id = "
			"p.household_id"
			" WHERE h.status = 'active' AND p.birth_date <= :young"
			" AND p.birth_date > :old"
			" ORDER BY coalesce(p.disability_pct, 0) < :dis,"
			" (p.id * 2654435761) % 1000003, p.id",
			f, HANE_COUNTOF(f), ce_cand_row, p);
	}
}

/* The next person of the pool nobody has taken, or NULL. */
static struct ce_cand *ce_take(struct ce_gen *x, struct ce_pool *p)
{
	while (p->next < p->n) {
		struct ce_cand *c = &p->v[p->next++];

		if ((size_t)c->id < x->nused && !x->used[c->id]) {
			x->used[c->id] = 1;
			return c;
		}
	}
	return NULL;
}

/* Records the disability % the programme asks for a person who has none
 * (through the registry's model, audited like any change). */
static int ce_disability(struct gen *g, int64_t person, int pct)
{
	struct hane_person p;
	int rc;

	if ((rc = hane_person_get(g->db, person, &p)) != 0)
		return rc;
	p.disability_pct = pct;
	return hane_person_update(g->db, &p);
}

/* One application of the next person of pool at site, applied on
 * applied and decided on decided as status (reason for a refusal or the
 * waiting list; term for an enrolment): *member gets the membership an
 * admission opens. A person the rules refuse (not eligible on the day,
 * already a member) is passed over for the next one; NULL pool end is
 * HANE_ENOTFOUND. */
static int ce_apply(struct gen *g, struct ce_gen *x, struct ce_pool *pool,
		    int site, const char *applied, const char *decided,
		    const char *status, const char *reason, const char *term,
		    int64_t *member, int64_t *person)
{
	for (;;) {
		struct ce_cand *c = ce_take(x, pool);
		struct hane_centre_application a;
		int rc;

		if (!c) {
			hane_error_set("%s: %s", ce_site_codes[site],
				       hane_strerror(HANE_ENOTFOUND));
			return HANE_ENOTFOUND;
		}
		if (c->needs_dis &&
		    (rc = ce_disability(g, c->id,
					pool->min_dis + 5 * (int)(c->id % 9))))
			return rc;
		hane_centre_application_init(&a);
		a.person_id = c->id;
		a.site_id = x->site[site];
		HANE_COPY(a.date, applied);
		if (site == CE_ALZ)
			HANE_COPY(a.diagnosis, "Örnek veri: Alzheimer tanısı, "
					       "nöroloji raporu");
		rc = hane_centre_apply(g->db, &a);
		if (rc == HANE_EPERM || rc == HANE_EEXIST) {
			hane_error_clear();
			continue;
		}
		if (rc)
			return rc;
		ce_progress(g, x);
		if (person)
			*person = c->id;
		return hane_centre_decide(g->db, a.id, 0, status, decided,
					  reason, term, member);
	}
}

/* A working day of the year spread by k of n (from lo days in, hi days
 * before the end), and the same a year before. */
static void ce_days(struct gen *g, int64_t k, int64_t n, int64_t lo, int64_t hi,
		    bool before, char out[HANE_DATE_LEN + 1])
{
	spread_day(g, k, n, lo, hi, out);
	if (before)
		ce_year_shift(out, out, -1);
}

/* Admits n persons of pool at the site site_of(k) gives: the first carry
 * of them in the year before, the rest in the year; members that end
 * (ends(k) gives the reason or NULL) end within the year; direct is how
 * many of those in the year are admitted directly (the others after an
 * assessment). Every membership is kept when keep. */
struct ce_plan {
	int64_t n, carry, direct;
	int (*site_of)(int64_t k);
	const char *(*ends)(int64_t k, int64_t carry);
	const char *term_before, *term; /* enrolment terms, or NULL */
	bool keep;
};

/* Each site of the plan holds all it admits: a year at 10× İzmit's has
 * ten times the members, and Asırlık Çınar Gündoğdu's 150 places would
 * fill. A site too small grows, through the model, as an administrator
 * would change it. */
static int ce_fit_sites(struct gen *g, struct ce_gen *x,
			const struct ce_plan *pl)
{
	int64_t want[CE__SITES] = {0};
	int rc = 0;

	for (int64_t k = 0; k < pl->n; k++)
		want[pl->site_of(k)]++;
	for (int s = 0; s < CE__SITES && !rc; s++) {
		struct hane_centre_site site;

		if (!want[s])
			continue;
		if ((rc = hane_centre_site_get(g->db, x->site[s], &site)) != 0)
			break;
		if (site.capacity > 0 && site.capacity < want[s]) {
			site.capacity =
				want[s] > 100000 ? 100000 : (int)want[s];
			rc = hane_centre_site_save(g->db, &site, NULL);
		}
	}
	return rc;
}

static int ce_admit_all(struct gen *g, struct ce_gen *x, struct ce_pool *pool,
			const struct ce_plan *pl, int64_t *admitted)
{
	int rc;

	*admitted = 0;
	if ((rc = ce_fit_sites(g, x, pl)) != 0)
		return rc;
	for (int64_t k = 0; k < pl->n && !rc; k++) {
		bool before = k < pl->carry;
		int64_t kk = before ? k : k - pl->carry,
			nn = before ? pl->carry : pl->n - pl->carry;
		char applied[HANE_DATE_LEN + 1], decided[HANE_DATE_LEN + 1];
		const char *end = pl->ends ? pl->ends(k, pl->carry) : NULL;
		int site = pl->site_of(k);
		struct ce_member m;

		memset(&m, 0, sizeof m);
		m.site = site;
		ce_days(g, kk, nn, 0, 40, before, applied);
		ov_date_add(decided, applied, 3 + (int)(k % 5));
		rc = ce_apply(g, x, pool, site, applied, decided,
			      !before && kk < pl->direct ? "direct"
							 : "assessed",
			      NULL, before ? pl->term_before : pl->term, &m.id,
			      &m.person);
		if (rc)
			break;
		(*admitted)++;
		HANE_COPY(m.start, decided);
		if (end) {
			/* Within the year, after its start. */
			spread_day(g, k % 50, 50, 30, 0, m.end);
			if (strcmp(m.end, decided) <= 0)
				ov_date_add(m.end, decided, 20);
			if (strcmp(m.end, g->last) > 0)
				m.end[0] = '\0';
			else
				rc = hane_centre_member_end(
					g->db, m.id, 0, m.end, end, NULL, NULL);
		}
		if (pl->keep) {
			struct ce_member *p =
				HANE_PUSH(x->m, x->cap, x->nm, NULL, 256);

			if (!p)
				return HANE_ENOMEM;
			*p = m;
		}
	}
	return rc;
}

static int ce_site_cinar(int64_t k)
{
	return CE_GUNDOGDU + (int)(k % 4);
}
static int ce_site_alz(int64_t k)
{
	(void)k;
	return CE_ALZ;
}
static int ce_site_otizm(int64_t k)
{
	(void)k;
	return CE_OTIZM;
}
static int ce_site_yde(int64_t k)
{
	(void)k;
	return CE_YDE;
}
static int ce_site_km(int64_t k)
{
	return k % 2 ? CE_KM_KURUCESME : CE_KM_CUMHURIYET;
}
static int ce_site_dk(int64_t k)
{
	return k % 3 == 2 ? CE_MOBIL : CE_DOWN_KAFE;
}

/* One Asırlık Çınar member in twelve leaves within the year. */
static const char *ce_end_cinar(int64_t k, int64_t carry)
{
	static const char *const why[] = {"death", "moved", "withdrew",
					  "institution"};

	(void)carry;
	return k % 12 == 5 ? why[(k / 12) % 4] : NULL;
}

/* Most of the Alzheimer house's earlier patients leave within the year
 * (its 40 places take the new ones). */
static const char *ce_end_alz(int64_t k, int64_t carry)
{
	return k < carry * 4 / 5 ? (k % 3 ? "death" : "institution") : NULL;
}

static const char *ce_end_otizm(int64_t k, int64_t carry)
{
	(void)carry;
	return k % 40 == 7 ? (k % 80 == 7 ? "moved" : "withdrew") : NULL;
}

/* Yaşama Destek Evi: the earlier term's students complete it within the
 * year. */
static const char *ce_end_yde(int64_t k, int64_t carry)
{
	return k < carry ? "completed" : NULL;
}

/* Asırlık Çınar's check-ins: the year's visits spread over its working
 * days, each day's taken in turn from the members running that day. */
static int ce_visits(struct gen *g, struct ce_gen *x, size_t nm, int64_t visits)
{
	char(*days)[HANE_DATE_LEN + 1] = NULL;
	size_t ndays = 0, cursor = 0;
	int rc;

	if ((rc = workdays(g, &days, &ndays)) != 0 || ndays == 0 || nm == 0)
		goto done;
	for (size_t d = 0; d < ndays && !rc; d++) {
		int64_t want = share(visits, (int64_t)d, (int64_t)ndays);

		for (size_t tried = 0; want > 0 && tried < nm && !rc; tried++) {
			struct ce_member *m = &x->m[cursor];
			char time[6];

			cursor = (cursor + 1) % nm;
			/* Running that day (not on the day it ends). */
			if (strcmp(m->start, days[d]) > 0 ||
			    (m->end[0] && strcmp(m->end, days[d]) <= 0))
				continue;
			snprintf(time, sizeof time, "%02d:%02d",
				 9 + (int)(tried % 3), (int)(tried * 7 % 60));
			rc = hane_centre_checkin(g->db, m->id, 0, days[d], time,
						 NULL);
			if (rc == HANE_EPERM) { /* the rules say no: next */
				hane_error_clear();
				rc = 0;
				continue;
			}
			if (!rc) {
				want--;
				g->c->ce_cinar_visits++;
				ce_progress(g, x);
			}
		}
	}
done:
	free(days);
	return rc;
}

/* Kısa Mola: each site's sessions spread over the working days (10:00 to
 * 14:00, 25 places), and each student's six bookings on the sessions
 * after their start, on six different days, entered from the paper lists
 * (HANE_CSP_LATE), one in ten a no-show. */
static int ce_sessions(struct gen *g, struct ce_gen *x, size_t from, size_t to,
		       int64_t per_site)
{
	enum { CAP = 25, PER_STUDENT = 6 };
	struct {
		int64_t id;
		int booked;
		char date[HANE_DATE_LEN + 1];
	} *s = calloc((size_t)per_site * 2, sizeof *s);
	int rc = 0;

	if (!s)
		return HANE_ENOMEM;
	for (int site = 0; site < 2 && !rc; site++)
		for (int64_t k = 0; k < per_site && !rc; k++) {
			struct hane_centre_session cs;

			hane_centre_session_init(&cs);
			cs.site_id = x->site[CE_KM_CUMHURIYET + site];
			spread_day(g, k, per_site, 7, 0, cs.date);
			HANE_COPY(cs.start_time, "10:00");
			HANE_COPY(cs.end_time, "14:00");
			cs.cap = CAP;
			rc = hane_centre_session_save(
				g->db, &cs, &s[site * per_site + k].id);
			HANE_COPY(s[site * per_site + k].date, cs.date);
			if (!rc)
				g->c->ce_km_sessions++;
		}
	for (size_t i = from; i < to && !rc; i++) {
		const struct ce_member *m = &x->m[i];
		int64_t base = (m->site - CE_KM_CUMHURIYET) * per_site,
			first = 0, e, picked[PER_STUDENT];
		int npicked = 0;

		while (first < per_site &&
		       strcmp(s[base + first].date, m->start) < 0)
			first++;
		e = per_site - first;
		/* Six sessions after the start, spread, none full. */
		for (int j = 0; j < PER_STUDENT && j < e && !rc; j++) {
			int64_t k = ((int64_t)i * PER_STUDENT + j) % e, tries,
				bid = 0;
			bool noshow = (i + (size_t)j) % 10 == 0;

			for (tries = 0; tries < e; tries++, k = (k + 1) % e) {
				bool again = false;

				/* One a day: at 10× a site holds several
				 * sessions a day, all at 10:00–14:00. */
				for (int q = 0; q < npicked; q++)
					again |= !strcmp(
						s[base + picked[q]].date,
						s[base + first + k].date);
				if (!again && s[base + first + k].booked < CAP)
					break;
			}
			if (tries == e)
				break;
			picked[npicked++] = first + k;
			rc = hane_centre_book(g->db, s[base + first + k].id,
					      m->person, HANE_CSP_LATE, &bid);
			if (!rc)
				rc = hane_centre_booking_mark(
					g->db, bid,
					noshow ? "no_show" : "attended");
			if (!rc) {
				s[base + first + k].booked++;
				if (noshow)
					g->c->ce_km_no_shows++;
				else
					g->c->ce_km_attended++;
				ce_progress(g, x);
			}
		}
	}
	free(s);
	return rc;
}

/* Down Kafe and the mobile vehicle: each member placed a week after
 * admission (a role, hours, paid and insured, a job coach); one in seven
 * placements ends within the year. */
static int ce_placements(struct gen *g, struct ce_gen *x, size_t from,
			 size_t to)
{
	static const char *const roles[] = {
		"garson", "barista", "mutfak yardımcısı", "ikram görevlisi"};
	int rc = 0;

	for (size_t i = from; i < to && !rc; i++) {
		const struct ce_member *m = &x->m[i];
		struct hane_centre_placement p;
		int64_t id = 0;

		hane_centre_placement_init(&p);
		p.member_id = m->id;
		p.person_id = m->person;
		p.site_id = x->site[m->site];
		HANE_COPY(p.role, roles[i % HANE_COUNTOF(roles)]);
		p.hours_week = 15 + (int)(i % 3) * 5;
		p.paid = p.insured = true;
		HANE_COPY(p.coach, "Örnek İş Koçu");
		ov_date_add(p.start, m->start, 7);
		if (strcmp(p.start, g->last) > 0)
			HANE_COPY(p.start, m->start);
		if ((rc = hane_centre_placement_save(g->db, &p, &id)) != 0)
			break;
		g->c->ce_employed++;
		ce_progress(g, x);
		if (i % 7 == 3) {
			char end[HANE_DATE_LEN + 1];

			spread_day(g, 6, 7, 0, 0, end);
			if (strcmp(end, p.start) > 0)
				rc = hane_centre_placement_end(
					g->db, id, end,
					"Örnek veri: sözleşme süresi doldu");
		}
	}
	return rc;
}

static int ce_setup(struct gen *g, struct ce_gen *x)
{
	int64_t max_id = 0;
	int rc;

	for (int s = 0; s < CE__SITES; s++) {
		struct hane_centre_site site;

		if ((rc = hane_centre_site_find(g->db, ce_site_codes[s],
						&site)) != 0)
			return rc;
		x->site[s] = site.id;
	}
	if ((rc = hane_store_query_int(g->db, &max_id,
				       "SELECT coalesce(max(id), 0) + :x"
				       " FROM person",
				       ":x", 1)) != 0)
		return rc;
	x->nused = (size_t)max_id + 1;
	if (!(x->used = calloc(x->nused, 1)))
		return HANE_ENOMEM;
	/* Everyone already in a centre stays where they are. */
	{
		int64_t *ids = NULL;
		size_t n = 0;

		rc = load_ids(g->db,
			      "SELECT person_id FROM centre_member"
			      " UNION SELECT person_id FROM centre_application",
			      &ids, &n);
		for (size_t i = 0; i < n; i++)
			if ((size_t)ids[i] < x->nused)
				x->used[ids[i]] = 1;
		free(ids);
	}
	return rc;
}

/* A plan's admissions from a pool of persons min_age..max_age (-1 any)
 * with min_dis %. */
static int ce_programme(struct gen *g, struct ce_gen *x, int min_age,
			int max_age, int min_dis, const struct ce_plan *pl,
			int64_t *admitted)
{
	struct ce_pool pool;
	int rc = ce_pool_load(g, &pool, min_age, max_age, min_dis);

	if (!rc)
		rc = ce_admit_all(g, x, &pool, pl, admitted);
	free(pool.v);
	return rc;
}

/* Applications that do not end in a place: refused and withdrawn with
 * their reasons, and a waiting list at the Alzheimer house. */
static int ce_others(struct gen *g, struct ce_gen *x, int64_t refused,
		     int64_t withdrawn, int64_t waiting)
{
	struct ce_pool otizm, alz;
	int rc;

	if ((rc = ce_pool_load(g, &otizm, 3, -1, 40)) != 0 ||
	    (rc = ce_pool_load(g, &alz, 65, -1, 0)) != 0)
		goto done;
	for (int64_t k = 0; k < refused + withdrawn && !rc; k++) {
		char applied[HANE_DATE_LEN + 1], decided[HANE_DATE_LEN + 1];
		bool ref = k < refused;

		spread_day(g, k, refused + withdrawn, 10, 40, applied);
		ov_date_add(decided, applied, 10);
		rc = ce_apply(g, x, &otizm, CE_OTIZM, applied, decided,
			      ref ? "rejected" : "withdrawn",
			      ref ? "Örnek veri: değerlendirmede programa "
				    "uygun bulunmadı"
				  : "Örnek veri: aile başvurudan vazgeçti",
			      NULL, NULL, NULL);
	}
	for (int64_t k = 0; k < waiting && !rc; k++) {
		char applied[HANE_DATE_LEN + 1], decided[HANE_DATE_LEN + 1];

		/* In the year's last third. */
		spread_day(g, k, waiting, (g->d1 - g->d0) * 2 / 3, 10, applied);
		ov_date_add(decided, applied, 2);
		if (strcmp(decided, g->last) > 0)
			HANE_COPY(decided, applied);
		rc = ce_apply(g, x, &alz, CE_ALZ, applied, decided, "waiting",
			      "Örnek veri: yer açılınca çağrılacak", NULL, NULL,
			      NULL);
	}
done:
	free(otizm.v);
	free(alz.v);
	return rc;
}

static int gen_centres(struct gen *g, double scale)
{
	struct ce_gen x;
	int64_t n_cinar = scaled(scale, IZ_CE_CINAR),
		n_alz = scaled(scale, IZ_CE_ALZ),
		alz_new = scaled(scale, IZ_CE_ALZ_NEW),
		n_otizm = scaled(scale, IZ_CE_OTIZM),
		otizm_direct = scaled(scale, IZ_CE_OTIZM_DIRECT),
		otizm_assessed = scaled(scale, 60),
		n_yde = scaled(scale, IZ_CE_YDE),
		n_km = scaled(scale, IZ_CE_KM),
		n_dk = scaled(scale, IZ_CE_EMPLOYED), got = 0;
	char term_before[16], term[16];
	size_t km_from, dk_from;
	int rc;

	memset(&x, 0, sizeof x);
	x.total = n_cinar + scaled(scale, IZ_CE_CINAR_VISITS) + n_alz +
		  n_otizm + n_yde + n_km * 7 + n_dk * 2;
	if (alz_new > n_alz)
		alz_new = n_alz;
	if (otizm_direct + otizm_assessed > n_otizm)
		otizm_assessed = n_otizm - otizm_direct;
	snprintf(term_before, sizeof term_before, "%d-%d", g->year - 1,
		 g->year);
	snprintf(term, sizeof term, "%d-%d", g->year, g->year + 1);
	if ((rc = hane_store_begin(g->db)) != 0)
		return rc;
	if ((rc = ce_setup(g, &x)) != 0)
		goto done;
	{
		/* Asırlık Çınar: a quarter new in the year; the members
		 * are kept for their check-ins. */
		struct ce_plan pl = {.n = n_cinar,
				     .carry = n_cinar - n_cinar / 4,
				     .site_of = ce_site_cinar,
				     .ends = ce_end_cinar,
				     .keep = true};

		if ((rc = ce_programme(g, &x, 60, -1, 0, &pl, &got)) != 0)
			goto done;
		g->c->ce_cinar_members = got;
		if ((rc = ce_visits(g, &x, x.nm,
				    scaled(scale, IZ_CE_CINAR_VISITS))) != 0)
			goto done;
	}
	{
		struct ce_plan pl = {.n = n_alz,
				     .carry = n_alz - alz_new,
				     .site_of = ce_site_alz,
				     .ends = ce_end_alz};

		if ((rc = ce_programme(g, &x, 65, -1, 0, &pl, &got)) != 0)
			goto done;
		g->c->ce_alz_members = got;
		g->c->ce_alz_new = alz_new;
	}
	{
		struct ce_plan pl = {.n = n_otizm,
				     .carry = n_otizm - otizm_direct -
					      otizm_assessed,
				     .direct = otizm_direct,
				     .site_of = ce_site_otizm,
				     .ends = ce_end_otizm};

		if ((rc = ce_programme(g, &x, 3, -1, 40, &pl, &got)) != 0)
			goto done;
		g->c->ce_otizm_served = got;
		g->c->ce_otizm_direct = otizm_direct;
	}
	{
		struct ce_plan pl = {.n = n_yde,
				     .carry = n_yde * 5 / 8,
				     .site_of = ce_site_yde,
				     .ends = ce_end_yde,
				     .term_before = term_before,
				     .term = term};

		if ((rc = ce_programme(g, &x, 15, -1, 40, &pl, &got)) != 0)
			goto done;
		g->c->ce_yde_students = got;
	}
	km_from = x.nm;
	{
		struct ce_plan pl = {.n = n_km,
				     .carry = n_km - n_km * 3 / 10,
				     .site_of = ce_site_km,
				     .keep = true};

		if ((rc = ce_programme(g, &x, 6, 22, 40, &pl, &got)) != 0)
			goto done;
		g->c->ce_km_students = got;
		if ((rc = ce_sessions(g, &x, km_from, x.nm,
				      scaled(scale, 104))) != 0)
			goto done;
	}
	dk_from = x.nm;
	{
		struct ce_plan pl = {.n = n_dk,
				     .carry = n_dk - n_dk / 3,
				     .site_of = ce_site_dk,
				     .keep = true};

		if ((rc = ce_programme(g, &x, 18, -1, 40, &pl, &got)) != 0 ||
		    (rc = ce_placements(g, &x, dk_from, x.nm)) != 0)
			goto done;
	}
	rc = ce_others(g, &x, scaled(scale, 8), scaled(scale, 4),
		       scaled(scale, 6));
done:
	free(x.used);
	free(x.m);
	return hane_store_end(g->db, rc);
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
	C("foodbank.donations", food_donations),
	C("foodbank.supplies", food_supplies),
	C("foodbank.short", food_short),
	C("homecare.care_visits", care_visits),
	C("homecare.care_persons", care_persons),
	C("homecare.cleanings", cleaning_visits),
	C("homecare.cleaning_persons", cleaning_persons),
	C("taxi.appointments", taxi_appointments),
	C("taxi.trips", taxi_trips),
	C("taxi.riders", taxi_riders),
	C("clothing.persons", clothing_persons),
	C("clothing.issues", clothing_issues),
	C("clothing.donations", clothing_donations),
	C("veterans.martyr", vet_martyr),
	C("veterans.anti_terror", vet_anti_terror),
	C("veterans.cyprus", vet_cyprus),
	C("veterans.households", vet_households),
	C("veterans.visits", vet_visits),
	C("veterans.visits_since_2022", vet_since_2022),
	C("veterans.gifts", vet_gifts),
	C("kitchen.portions", kitchen_portions),
	C("kitchen.households", kitchen_households),
	C("centres.cinar.members", ce_cinar_members),
	C("centres.cinar.visits", ce_cinar_visits),
	C("centres.alzheimer.new", ce_alz_new),
	C("centres.alzheimer.members", ce_alz_members),
	C("centres.otizm.members", ce_otizm_served),
	C("centres.otizm.direct", ce_otizm_direct),
	C("centres.yasam_destek.members", ce_yde_students),
	C("centres.kisa_mola.members", ce_km_students),
	C("centres.kisa_mola.sessions", ce_km_sessions),
	C("centres.kisa_mola.attended", ce_km_attended),
	C("centres.kisa_mola.no_shows", ce_km_no_shows),
	C("centres.down_kafe.employed", ce_employed),
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
	char counts[2048], scale[32];
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
	int64_t insp, food, care, care_p, clean, clean_p, taxi, cloth;
	double scale; /* the kitchen scales its figures one by one */
	int64_t vet[3], vet_history;
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
	n->cloth = scaled(scale, IZ_CLOTHING_PERSONS);
	n->scale = scale;
	n->vet[0] = scaled(scale, IZ_VET_MARTYR);
	n->vet[1] = scaled(scale, IZ_VET_ANTI_TERROR);
	n->vet[2] = scaled(scale, IZ_VET_CYPRUS);
	n->vet_history = scaled(scale, IZ_VET_HISTORY);
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
		u_ = HANE_OV_CLOTHING;
		STAGE("clothing", gen_clothing(g, n->cloth));
		u_ = HANE_OV_VETERANS;
		STAGE("veterans", gen_veterans(g, n->vet, n->vet_history));
		u_ = HANE_OV_KITCHEN;
		STAGE("kitchen", gen_kitchen(g, n->scale));
		u_ = HANE_OV_CENTRES;
		STAGE("centres", gen_centres(g, n->scale));
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
