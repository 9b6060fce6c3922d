/* Şehit Yakınları ve Gazi Birimi: the roster (codes, an address outside
 * İzmit, the kept household and category), the gift stock (a visit with
 * a gift takes one, refused at 0), visits (not in the future, a plan
 * marked done, a follow-up through the inspection unit), the history
 * newest first, the year's figures and their running totals, the roles.
 * The clock is HANE_NOW: Monday 2026-06-15 10:00. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "hane/core.h"
#include "hane/households.h"
#include "hane/inspection.h"
#include "hane/overview.h"
#include "hane/record.h"
#include "hane/security.h"
#include "hane/veterans.h"

static int64_t household(hane_db *db, int n, const char *first,
			 const char *mahalle)
{
	struct hane_household h;
	struct hane_person p;
	int64_t hid = 0;

	hane_household_init(&h);
	HANE_COPY(h.mahalle, mahalle);
	HANE_COPY(h.street, "Cumhuriyet Cd.");
	snprintf(h.building, sizeof h.building, "%d", n);
	hane_person_init(&p);
	HANE_COPY(p.tckn, tu_tckn((uint64_t)n + 500));
	HANE_COPY(p.first_name, first);
	HANE_COPY(p.last_name, "Gazioğlu");
	tu_ok(hane_household_create(db, &h, &p, &hid, NULL, NULL));
	return hid;
}

static int64_t roster(hane_db *db, int64_t hid, const char *category,
		      const char *name, const char *since)
{
	struct hane_veteran v;
	int64_t id = 0;

	hane_veteran_init(&v);
	v.household_id = hid;
	HANE_COPY(v.category, category);
	HANE_COPY(v.subject_name, name);
	HANE_COPY(v.since, since);
	tu_ok(hane_veteran_save(db, &v, &id));
	return id;
}

static int visit(hane_db *db, int64_t vid, const char *date, int gifts,
		 int64_t *id)
{
	struct hane_veteran_visit v;

	hane_veteran_visit_init(&v);
	v.veteran_id = vid;
	HANE_COPY(v.date, date);
	HANE_COPY(v.staff, "Ayşe Kaya, Mehmet Demir");
	HANE_COPY(v.present, "eşi ve oğlu");
	v.gifts = gifts;
	return hane_veteran_visit_add(db, &v, NULL, id);
}

static int64_t stock(hane_db *db)
{
	struct hane_veteran_gift g;

	tu_ok(hane_veteran_gift_find(db, "hediye", &g));
	return g.stock;
}

static void test_codes(void **state)
{
	(void)state;
	assert_string_equal(hane_veterans_parse(HANE_VET_CATEGORY, "kibris"),
			    "cyprus");
	assert_string_equal(
		hane_veterans_parse(HANE_VET_CATEGORY, "Kıbrıs gazisi"),
		"cyprus");
	assert_string_equal(hane_veterans_parse(HANE_VET_CATEGORY, "şehit"),
			    "martyr");
	assert_string_equal(
		hane_veterans_parse(HANE_VET_CATEGORY, "anti_terror"),
		"anti_terror");
	assert_null(hane_veterans_parse(HANE_VET_CATEGORY, "asker"));
	assert_string_equal(hane_veterans_parse(HANE_VET_OCCASION, "bayram"),
			    "bayram");
	assert_string_equal(hane_veterans_label(HANE_VET_CATEGORY, "korea"),
			    "Kore gazisi");
}

static void test_roster(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t izmit = household(db, 1, "Hasan", "Kozluk");
	int64_t gebze = household(db, 2, "Hüseyin", "Gebze");
	int64_t a, b;
	struct hane_veteran v;

	(void)state;
	a = roster(db, izmit, "şehit", "Er Ali Gazioğlu", "2020-03-01");
	b = roster(db, gebze, "kibris", "Hüseyin Gazioğlu", "2020-03-01");
	tu_ok(hane_veteran_get(db, a, &v));
	assert_string_equal(v.category, "martyr");
	assert_string_equal(v.mahalle, "Kozluk");
	assert_false(v.outside);
	assert_string_equal(v.head_name, "Hasan Gazioğlu");
	/* An address outside İzmit: the registry's district, read here. */
	tu_ok(hane_veteran_get(db, b, &v));
	assert_string_equal(v.mahalle, "Gebze");
	assert_true(v.outside);

	/* A category not in the list, a missing name, a missing household. */
	hane_veteran_init(&v);
	v.household_id = izmit;
	HANE_COPY(v.category, "asker");
	HANE_COPY(v.subject_name, "X");
	assert_int_equal(hane_veteran_save(db, &v, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Kıbrıs gazisi"));
	HANE_COPY(v.category, "korea");
	v.subject_name[0] = '\0';
	assert_int_equal(hane_veteran_save(db, &v, NULL), HANE_EINVAL);
	HANE_COPY(v.subject_name, "X");
	v.household_id = 999;
	assert_int_equal(hane_veteran_save(db, &v, NULL), HANE_ENOTFOUND);

	/* Once visited, the household and category are kept. */
	tu_ok(hane_veteran_get(db, a, &v));
	HANE_COPY(v.category, "other");
	tu_ok(hane_veteran_save(db, &v, NULL)); /* no visits yet */
	HANE_COPY(v.category, "martyr");
	tu_ok(hane_veteran_save(db, &v, NULL));
	tu_ok(visit(db, a, "2026-06-01", 0, NULL));
	tu_ok(hane_veteran_get(db, a, &v));
	HANE_COPY(v.category, "other");
	assert_int_equal(hane_veteran_save(db, &v, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "kategorisi"));
	/* … also against the sqlite3 tool (the trigger). */
	assert_int_not_equal(
		hane_store_exec(db, "UPDATE veteran SET category = 'other'"
				    " WHERE id = 1"),
		0);
	hane_store_close(db);
}

static int count_roster(const struct hane_veteran *v, void *arg)
{
	(void)v;
	++*(int *)arg;
	return 0;
}

static void test_search(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h1 = household(db, 1, "Hasan", "Kozluk");
	int64_t h2 = household(db, 2, "Veli", "Gebze");
	int n = 0;

	(void)state;
	roster(db, h1, "martyr", "Er Şükrü Yılmaz", "2020-01-01");
	roster(db, h2, "cyprus", "Veli Kaya", "2020-01-01");
	tu_ok(hane_veteran_each(db, "sukru", NULL, 0, count_roster, &n));
	assert_int_equal(n, 1);
	n = 0;
	tu_ok(hane_veteran_each(db, "gebze", NULL, 0, count_roster, &n));
	assert_int_equal(n, 1);
	n = 0;
	tu_ok(hane_veteran_each(db, NULL, "cyprus", 0, count_roster, &n));
	assert_int_equal(n, 1);
	n = 0;
	tu_ok(hane_veteran_each(db, "", NULL, 1, count_roster, &n));
	assert_int_equal(n, 1);
	hane_store_close(db);
}

static void test_gift_stock(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h = household(db, 1, "Hasan", "Kozluk");
	int64_t a = roster(db, h, "cyprus", "Hasan Gazioğlu", "2020-01-01");
	int64_t id = 0;
	struct hane_veteran_visit v;

	(void)state;
	assert_int_equal(stock(db), 0);
	/* Stock 0: refused, naming the gift and the stock, nothing kept. */
	assert_int_equal(visit(db, a, "2026-06-10", 1, &id), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Hediye seti"));
	assert_non_null(strstr(hane_error_last(), "stok 0"));
	assert_int_equal(id, 0);
	tu_ok(hane_veteran_gift_in(db, 1, 2, "2026-06-01", "ilk parti"));
	assert_int_equal(stock(db), 2);
	tu_ok(visit(db, a, "2026-06-10", 1, &id));
	assert_int_equal(stock(db), 1);
	tu_ok(hane_veteran_visit_get(db, id, &v));
	assert_int_equal(v.gifts, 1);
	assert_string_equal(v.gift_name, "Hediye seti");
	/* Two asked, one held. */
	assert_int_equal(visit(db, a, "2026-06-11", 2, NULL), HANE_EINVAL);
	assert_int_equal(stock(db), 1);
	/* Stock in: 1..100000, never in the future. */
	assert_int_equal(hane_veteran_gift_in(db, 1, 0, "", NULL), HANE_EINVAL);
	assert_int_equal(hane_veteran_gift_in(db, 1, 5, "2026-07-01", NULL),
			 HANE_EINVAL);
	hane_store_close(db);
}

static int keep_date(const struct hane_veteran_visit *v, void *arg)
{
	char *out = arg;

	strcat(out, v->date);
	strcat(out, " ");
	return 0;
}

static void test_visits_history(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h = household(db, 1, "Hasan", "Kozluk");
	int64_t a = roster(db, h, "martyr", "Er Ali", "2020-01-01");
	int64_t b = roster(db, h, "anti_terror", "Hasan", "2020-01-01");
	char dates[256] = "";
	struct hane_veteran_visit v;

	(void)state;
	tu_ok(visit(db, a, "2022-03-18", 0, NULL));
	tu_ok(visit(db, b, "2025-07-15", 0, NULL));
	tu_ok(visit(db, a, "2024-03-18", 0, NULL));
	tu_ok(hane_veteran_history(db, h, keep_date, dates));
	assert_string_equal(dates, "2025-07-15 2024-03-18 2022-03-18 ");
	/* Not in the future, not before the roster row, who went needed. */
	assert_int_equal(visit(db, a, "2026-06-16", 0, NULL), HANE_EINVAL);
	assert_int_equal(visit(db, a, "2019-12-31", 0, NULL), HANE_EINVAL);
	hane_veteran_visit_init(&v);
	v.veteran_id = a;
	assert_int_equal(hane_veteran_visit_add(db, &v, NULL, NULL),
			 HANE_EINVAL);
	hane_store_close(db);
}

static void test_plan(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h = household(db, 1, "Hasan", "Kozluk");
	int64_t a = roster(db, h, "martyr", "Er Ali", "2020-01-01");
	int64_t b = roster(db, h, "cyprus", "Hasan", "2020-01-01");
	struct hane_veteran_plan p;
	struct hane_veteran_visit v;
	int64_t pid = 0, vid = 0;

	(void)state;
	memset(&p, 0, sizeof p);
	p.veteran_id = a;
	HANE_COPY(p.date, "2026-06-10");
	assert_int_equal(hane_veteran_plan_add(db, &p, &pid), HANE_EINVAL);
	HANE_COPY(p.date, "2026-06-15");
	HANE_COPY(p.occasion, "anma");
	HANE_COPY(p.assigned, "Ayşe Kaya");
	tu_ok(hane_veteran_plan_add(db, &p, &pid));
	assert_string_equal(p.occasion, "anniversary");
	/* A visit of another roster row may not close it. */
	hane_veteran_visit_init(&v);
	v.veteran_id = b;
	HANE_COPY(v.staff, "Ayşe Kaya");
	v.plan_id = pid;
	assert_int_equal(hane_veteran_visit_add(db, &v, NULL, NULL),
			 HANE_EINVAL);
	v.veteran_id = a;
	tu_ok(hane_veteran_visit_add(db, &v, NULL, &vid));
	tu_ok(hane_record_get(db, &hane_veteran_plan_rdef, pid, &p));
	assert_string_equal(p.status, "done");
	assert_int_equal(p.visit_id, vid);
	assert_int_equal(hane_veteran_plan_cancel(db, pid), HANE_EINVAL);
	hane_store_close(db);
}

static void test_followup(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h = household(db, 1, "Hasan", "Kozluk");
	int64_t a = roster(db, h, "martyr", "Er Ali", "2020-01-01");
	struct hane_veteran_visit v;
	struct hane_inspection r;
	int64_t vid = 0, n = 0;

	(void)state;
	hane_veteran_visit_init(&v);
	v.veteran_id = a;
	HANE_COPY(v.staff, "Ayşe Kaya");
	tu_ok(hane_veteran_visit_add(db, &v, "Kira borcu var, inceleme", &vid));
	assert_true(v.request_id > 0);
	tu_ok(hane_inspection_get(db, v.request_id, &r));
	assert_int_equal(r.household_id, h);
	assert_string_equal(r.channel, "referral");
	assert_string_equal(r.reason_text, "Kira borcu var, inceleme");
	assert_non_null(strstr(r.referrer, "Gazi"));
	/* A caseworker of the unit may not open an inspection request: the
	 * whole visit is refused (one transaction), nothing kept. */
	tu_staff(db, "vet.cw", NULL, "caseworker", "veterans");
	tu_ok(hane_store_set_actor(db, "vet.cw"));
	hane_veteran_visit_init(&v);
	v.veteran_id = a;
	HANE_COPY(v.staff, "Vet Cw");
	assert_int_equal(hane_veteran_visit_add(db, &v, "x", &vid), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "inspection.write"));
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM veteran_visit"
				   " WHERE :x = :x",
				   ":x", 0));
	assert_int_equal(n, 1);
	/* Without a follow-up the caseworker records it. */
	tu_ok(hane_veteran_visit_add(db, &v, NULL, &vid));
	hane_store_close(db);
}

static void test_roles(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h = household(db, 1, "Hasan", "Kozluk");
	int64_t a = roster(db, h, "martyr", "Er Ali", "2020-01-01");
	struct hane_veteran v;
	struct hane_veteran_gift g;

	(void)state;
	tu_staff(db, "vet.cw", NULL, "caseworker", "veterans");
	tu_staff(db, "vet.sup", NULL, "supervisor", "veterans");
	tu_staff(db, "fb.cw", NULL, "caseworker", "foodbank");
	tu_staff(db, "rep", NULL, "reporter", "");
	tu_ok(hane_store_set_actor(db, "rep"));
	tu_ok(hane_veteran_get(db, a, &v));
	assert_int_equal(visit(db, a, "2026-06-01", 0, NULL), HANE_EPERM);
	tu_ok(hane_store_set_actor(db, "fb.cw"));
	assert_int_equal(hane_veteran_get(db, a, &v), HANE_EPERM);
	tu_ok(hane_store_set_actor(db, "vet.cw"));
	tu_ok(visit(db, a, "2026-06-01", 0, NULL));
	memset(&g, 0, sizeof g);
	HANE_COPY(g.name, "Bayram paketi");
	g.active = true;
	assert_int_equal(hane_veteran_gift_save(db, &g, NULL), HANE_EPERM);
	tu_ok(hane_store_set_actor(db, "vet.sup"));
	tu_ok(hane_veteran_gift_save(db, &g, NULL));
	memset(&g, 0, sizeof g);
	HANE_COPY(g.name, "bayram paketi");
	assert_int_equal(hane_veteran_gift_save(db, &g, NULL), HANE_EEXIST);
	hane_store_close(db);
}

/* The figures the annual report shows, from the running totals, agree
 * with the rows, and the households count in the directorate's. */
static void test_year_totals(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h1 = household(db, 1, "Hasan", "Kozluk");
	int64_t h2 = household(db, 2, "Veli", "Gebze");
	int64_t a = roster(db, h1, "martyr", "Er Ali", "2020-01-01");
	int64_t b = roster(db, h2, "cyprus", "Veli", "2020-01-01");
	struct hane_veterans_year y;
	int64_t n = 0;

	(void)state;
	tu_ok(hane_veteran_gift_in(db, 1, 10, "2022-01-01", NULL));
	tu_ok(visit(db, a, "2022-03-18", 1, NULL));
	tu_ok(visit(db, a, "2025-03-18", 1, NULL));
	tu_ok(visit(db, a, "2025-07-18", 1, NULL));
	tu_ok(visit(db, b, "2025-10-29", 1, NULL));
	tu_ok(hane_veterans_year(db, 2025, &y));
	assert_int_equal(y.households[0], 1); /* martyr */
	assert_int_equal(y.households[2], 1); /* cyprus */
	assert_int_equal(y.households_all, 2);
	assert_int_equal(y.visits, 3);
	assert_int_equal(y.gifts, 3);
	assert_int_equal(y.visits_since_2022, 4);
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM ov_served WHERE"
				   " measure = 'all.households' AND year = :y",
				   ":y", 2025));
	assert_int_equal(n, 2);
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM ov_served WHERE"
				   " measure = 'veterans.martyr' AND year = :y",
				   ":y", 2025));
	assert_int_equal(n, 1);
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT sum(n) FROM ov_tally WHERE"
				   " measure = 'veterans.visits' AND month"
				   " BETWEEN '2022-01' AND :y || '-12'",
				   ":y", 2025));
	assert_int_equal(n, 4);
	/* The rebuild counts the unit's rows again (016's part after 011's):
	 * the same totals. */
	tu_ok(hane_overview_rebuild(db));
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM ov_served WHERE"
				   " measure = 'all.households' AND year = :y",
				   ":y", 2025));
	assert_int_equal(n, 2);
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT sum(n) FROM ov_tally WHERE"
				   " measure = 'veterans.gifts' AND month"
				   " BETWEEN '2022-01' AND :y || '-12'",
				   ":y", 2025));
	assert_int_equal(n, 4);
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM ov_served WHERE"
				   " measure = 'veterans.cyprus' AND year = :y",
				   ":y", 2025));
	assert_int_equal(n, 1);
	/* A visit moved to another year moves its household with it. */
	tu_ok(hane_store_exec(db, "UPDATE veteran_visit SET date ="
				  " '2024-10-29' WHERE veteran_id = 2"));
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM ov_served WHERE"
				   " measure = 'veterans.cyprus' AND year = :y",
				   ":y", 2025));
	assert_int_equal(n, 0);
	tu_ok(hane_store_exec(db, "DELETE FROM veteran_gift_move;"
				  " DELETE FROM veteran_visit"));
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM ov_served WHERE"
				   " measure LIKE 'veterans.%' AND :x = :x",
				   ":x", 0));
	assert_int_equal(n, 0);
	hane_store_close(db);
}

/* Retention and merge walk the registry: they see the unit's personal
 * text and person references. */
static void test_registered(void **state)
{
	const struct hane_rdef *d = hane_record_by_table("veteran");
	const struct hane_fdef *f;

	(void)state;
	assert_non_null(d);
	f = hane_record_field(d, "subject_name");
	assert_non_null(f);
	assert_true(f->flags & HANE_FF_PERSONAL);
	d = hane_record_by_table("veteran_visit");
	assert_non_null(d);
	assert_true(hane_record_field(d, "present")->flags & HANE_FF_PERSONAL);
	assert_true(hane_record_field(d, "notes")->flags & HANE_FF_PERSONAL);
	assert_non_null(hane_record_by_table("veteran_plan"));
	assert_non_null(hane_record_by_table("veteran_gift"));
}

/* The demo year makes the unit's year through its own model: at a small
 * scale the figures are the generator's counts and --verify agrees; the
 * three years before are history, so the visits since 2022 are more
 * than the year's. */
static void test_demo_year(void **state)
{
	hane_db *db = tu_open_demo(NULL);
	struct hane_ov_demo_counts c;
	struct hane_veterans_year y;
	int64_t v = -1;
	int differ = -1;

	(void)state;
	tu_ok(hane_overview_demo_year_units(
		db, 2025, 0.05, 7, 1u << HANE_OV_VETERANS, &c, NULL, NULL));
	if (c.missing[0])
		fail_msg("generator could not fill: %s", c.missing);
	/* İzmit 2025 at 5%: 13, 2, 130 households; 93 visits before. */
	assert_int_equal(c.vet_martyr, 1);
	assert_int_equal(c.vet_anti_terror, 1);
	assert_int_equal(c.vet_cyprus, 7);
	assert_int_equal(c.vet_households, 9);
	assert_int_equal(c.vet_visits, 9);
	assert_int_equal(c.vet_gifts, 9);
	assert_int_equal(c.vet_since_2022, 9 + 5);
	tu_ok(hane_overview_figure(db, 2025, "veterans.martyr", &v));
	assert_int_equal(v, c.vet_martyr);
	tu_ok(hane_overview_figure(db, 2025, "veterans.cyprus", &v));
	assert_int_equal(v, c.vet_cyprus);
	tu_ok(hane_overview_figure(db, 2025, "veterans.households", &v));
	assert_int_equal(v, c.vet_households);
	tu_ok(hane_overview_figure(db, 2025, "veterans.visits_since_2022", &v));
	assert_int_equal(v, c.vet_since_2022);
	tu_ok(hane_overview_figure(db, 2025, "veterans.gifts", &v));
	assert_int_equal(v, c.vet_gifts);
	tu_ok(hane_overview_figure(db, 2025, "all.households", &v));
	assert_int_equal(v, c.vet_households);
	tu_ok(hane_overview_verify(db, 2025, NULL, NULL, &differ));
	assert_int_equal(differ, 0);
	tu_ok(hane_veterans_year(db, 2025, &y));
	assert_int_equal(y.visits_since_2022, c.vet_since_2022);
	/* One roster row in six lives outside İzmit (a Kocaeli district). */
	tu_ok(hane_store_query_int(db, &v,
				   "SELECT count(*) FROM veteran t JOIN"
				   " household h ON h.id = t.household_id"
				   " JOIN district d ON d.name = h.mahalle"
				   " WHERE :x = :x",
				   ":x", 0));
	assert_int_equal(v, 1);
	hane_store_close(db);
}

/* Retention: an active roster row is a running service (a martyr's
 * family is visited every year, however long ago the last visit was); off
 * the roster, the household's identity goes after the period, and with
 * it the unit's personal text (the name remembered, who was present). */
static void test_retention(void **state)
{
	hane_db *db;
	int64_t h, a, n64 = 0;
	int n = -1;

	(void)state;
	setenv("HANE_NOW", "2020-06-01 10:00:00", 1);
	db = tu_open(NULL);
	h = household(db, 1, "Hasan", "Kozluk");
	a = roster(db, h, "martyr", "Er Ali Gazioğlu", "2020-01-01");
	tu_ok(visit(db, a, "2020-05-01", 0, NULL));
	setenv("HANE_NOW", "2032-06-01 10:00:00", 1);
	tu_ok(hane_retention_run(db, true, NULL, NULL, &n));
	assert_int_equal(n, 0);
	tu_ok(hane_store_exec(db, "UPDATE veteran SET active = 0"));
	tu_ok(hane_retention_run(db, true, NULL, NULL, &n));
	assert_int_equal(n, 1);
	tu_ok(hane_retention_run(db, false, NULL, NULL, &n));
	tu_ok(hane_store_query_int(db, &n64,
				   "SELECT count(*) FROM veteran v JOIN"
				   " veteran_visit w ON w.veteran_id = v.id"
				   " WHERE v.subject_name = '***' AND"
				   " w.present = '***' AND :x = :x",
				   ":x", 0));
	assert_int_equal(n64, 1);
	hane_store_close(db);
	tu_clock_default();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_roster),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_gift_stock),
		cmocka_unit_test(test_visits_history),
		cmocka_unit_test(test_plan),
		cmocka_unit_test(test_followup),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_year_totals),
		cmocka_unit_test(test_registered),
		cmocka_unit_test(test_demo_year),
		cmocka_unit_test(test_retention),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
