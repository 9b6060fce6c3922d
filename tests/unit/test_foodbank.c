/* The food bank: reference data, intake, eligibility, the frequency limit
 * and its override, stock, the market ledger, follow-up, permissions and
 * the two reports on a hand-checked fixture. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/foodbank.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/reports.h"

/* 2026-06-01 is a Monday; the clock stands at the end of June. */
#define NOW "2026-06-30 10:00:00"

static int setup(void **state)
{
	(void)state;
	setenv("HANE_NOW", NOW, 1);
	hane_lang_set(HANE_LANG_TR);
	return 0;
}

static int64_t make_household(hane_db *db, uint64_t n, int members)
{
	struct hane_household h;
	struct hane_person p;
	int64_t hid = 0;

	hane_household_init(&h);
	strcpy(h.mahalle, "Gündoğdu");
	hane_person_init(&p);
	snprintf(p.first_name, sizeof p.first_name, "Ad%llu",
		 (unsigned long long)n);
	strcpy(p.last_name, "Yılmaz");
	strcpy(p.tckn, tu_tckn(n * 10));
	tu_ok(hane_household_create(db, &h, &p, &hid, NULL, NULL));
	for (int i = 1; i < members; i++) {
		hane_person_init(&p);
		p.household_id = hid;
		snprintf(p.first_name, sizeof p.first_name, "Çocuk%d", i);
		strcpy(p.last_name, "Yılmaz");
		strcpy(p.relation, "child");
		tu_ok(hane_person_add(db, &p, NULL, NULL));
	}
	return hid;
}

static int64_t branch_id(hane_db *db, const char *name)
{
	struct hane_fb_branch b;

	tu_ok(hane_foodbank_branch_find(db, name, &b));
	return b.id;
}

static struct hane_fb_distribution dist(int64_t household, const char *date,
					int64_t branch, const char *package)
{
	struct hane_fb_distribution d;

	memset(&d, 0, sizeof d);
	d.household_id = household;
	snprintf(d.date, sizeof d.date, "%s", date);
	d.branch_id = branch;
	snprintf(d.package, sizeof d.package, "%s", package);
	return d;
}

static void donate(hane_db *db, int64_t branch, const char *date,
		   const char *item, int64_t value)
{
	struct hane_fb_donation d;

	memset(&d, 0, sizeof d);
	d.branch_id = branch;
	snprintf(d.date, sizeof d.date, "%s", date);
	tu_ok(hane_fb_item_parse(&d.items[0], item));
	d.nitems = 1;
	d.value_kurus = value;
	tu_ok(hane_foodbank_donate(db, &d));
}

static void supply(hane_db *db, const char *market, int64_t branch,
		   const char *date, const char *category, const char *qty,
		   const char *unit, int64_t value)
{
	struct hane_fb_supply s;
	struct hane_fb_market m;

	memset(&s, 0, sizeof s);
	tu_ok(hane_foodbank_market_find(db, market, &m));
	s.market_id = m.id;
	s.branch_id = branch;
	snprintf(s.date, sizeof s.date, "%s", date);
	snprintf(s.category, sizeof s.category, "%s", category);
	snprintf(s.unit, sizeof s.unit, "%s", unit);
	tu_ok(hane_fb_qty_parse(&s.qty_milli, qty, false));
	s.value_kurus = value;
	tu_ok(hane_foodbank_supply(db, &s));
}

/* ---- Reference data ---------------------------------------------------------- */

static int count_branch(const struct hane_fb_branch *b, void *arg)
{
	int *n = arg;

	assert_int_equal(strlen(b->days), 3); /* three days a week each */
	(*n)++;
	return 0;
}

static int count_market(const struct hane_fb_market *m, void *arg)
{
	int *n = arg;

	assert_non_null(strstr(m->name, "(örnek)"));
	(*n)++;
	return 0;
}

static void test_seeded_reference(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_fb_branch b;
	struct hane_fb_package p;
	int nb = 0, nm = 0;

	tu_ok(hane_foodbank_branch_each(db, count_branch, &nb));
	assert_int_equal(nb, 6);
	tu_ok(hane_foodbank_market_each(db, count_market, &nm));
	assert_int_equal(nm, 7);
	tu_ok(hane_foodbank_branch_find(db, "golcuk", &b));
	assert_string_equal(b.name, "Gölcük");
	tu_ok(hane_foodbank_branch_find(db, "KARAMÜRSEL", &b));
	assert_string_equal(b.name, "Karamürsel");
	tu_ok(hane_foodbank_branch_find(db, "basis", &b)); /* prefix */
	assert_string_equal(b.name, "Başiskele");
	assert_int_equal(hane_foodbank_branch_find(db, "Atlantis", &b),
			 HANE_ENOTFOUND);
	assert_non_null(strstr(hane_error_last(), "İzmit"));
	tu_ok(hane_foodbank_package_find(db, "standart", &p));
	assert_string_equal(p.code, "standard");
	assert_int_equal(p.limit_days, 30);
	tu_ok(hane_foodbank_package_find(db, "Bebek paketi", &p));
	assert_string_equal(p.code, "baby");
	hane_store_close(db);
}

static void test_days_and_quantities(void **state)
{
	struct hane_fb_branch b = {0};
	struct hane_fb_item it;
	char days[8], text[64];
	int64_t q;

	tu_ok(hane_foodbank_days_parse(days, "Cuma, pzt çarşamba"));
	assert_string_equal(days, "135");
	tu_ok(hane_foodbank_days_parse(days, "246"));
	assert_string_equal(days, "246");
	tu_ok(hane_foodbank_days_parse(days, "tue thu sat"));
	assert_string_equal(days, "246");
	assert_int_equal(hane_foodbank_days_parse(days, "pzt bayram"),
			 HANE_EINVAL);
	assert_string_equal(hane_foodbank_days_format(text, sizeof text, "135"),
			    "Pzt, Çar, Cum");
	strcpy(b.days, "135");
	assert_true(hane_foodbank_collects(&b, "2026-06-01"));	/* Monday */
	assert_false(hane_foodbank_collects(&b, "2026-06-02")); /* Tuesday */
	assert_true(hane_foodbank_collects(&b, "2026-06-05"));	/* Friday */
	assert_false(hane_foodbank_collects(&b, "2026-06-07")); /* Sunday */

	tu_ok(hane_fb_qty_parse(&q, "2,5", false));
	assert_int_equal(q, 2500);
	tu_ok(hane_fb_qty_parse(&q, "10", false));
	assert_int_equal(q, 10000);
	assert_int_equal(hane_fb_qty_parse(&q, "0", false), HANE_EINVAL);
	assert_int_equal(hane_fb_qty_parse(&q, "-3", false), HANE_EINVAL);
	assert_int_equal(hane_fb_qty_parse(&q, "1,2345", false), HANE_EINVAL);
	assert_int_equal(hane_fb_qty_parse(&q, "abc", false), HANE_EINVAL);
	assert_string_equal(hane_fb_qty_format(text, sizeof text, 2500), "2,5");
	assert_string_equal(hane_fb_qty_format(text, sizeof text, 12000), "12");

	tu_ok(hane_fb_item_parse(&it, "kuru gıda:10:kg"));
	assert_string_equal(it.category, "dry_food");
	assert_int_equal(it.qty_milli, 10000);
	tu_ok(hane_fb_item_parse(&it, "yağ=5"));
	assert_string_equal(it.category, "oil");
	assert_string_equal(it.unit, "lt"); /* the category's unit */
	tu_ok(hane_fb_item_parse(&it, "ŞARKÜTERİ:12,5 KG"));
	assert_string_equal(it.category, "deli");
	assert_string_equal(it.unit, "kg");
	assert_int_equal(it.qty_milli, 12500);
	assert_int_equal(hane_fb_item_parse(&it, "altın:3"), HANE_EINVAL);
	assert_int_equal(hane_fb_item_parse(&it, "kuru:3:ton"), HANE_EINVAL);
	assert_int_equal(hane_fb_item_parse(&it, "kuru"), HANE_EINVAL);
	assert_string_equal(hane_fb_category_parse("sarkuteri"), "deli");
	assert_null(hane_fb_category_parse("uçak"));
}

static void test_branch_days_admin_and_conflict(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_fb_branch b;

	tu_ok(hane_foodbank_branch_find(db, "Outlet", &b));
	tu_ok(hane_foodbank_branch_set_days(db, b.id, b.version, "pzt sal"));
	assert_int_equal(
		hane_foodbank_branch_set_days(db, b.id, b.version, "cum"),
		HANE_ECONFLICT);
	tu_ok(hane_foodbank_branch_get(db, b.id, &b));
	assert_string_equal(b.days, "12");
	hane_store_close(db);
}

/* ---- Intake ------------------------------------------------------------------- */

static void test_donation_and_off_day_warning(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_fb_donation d, last;
	int64_t izmit = branch_id(db, "İzmit");

	memset(&d, 0, sizeof d);
	d.branch_id = izmit;
	strcpy(d.date, "01.06.2026"); /* Monday: İzmit collects */
	strcpy(d.donor_name, "Bağışçı Firma (örnek)");
	tu_ok(hane_fb_item_parse(&d.items[0], "kuru:20:kg"));
	tu_ok(hane_fb_item_parse(&d.items[1], "konserve:12"));
	d.nitems = 2;
	d.value_kurus = 150000;
	tu_ok(hane_foodbank_donate(db, &d));
	assert_true(d.id > 0);
	assert_false(d.off_day);
	assert_string_equal(d.date, "2026-06-01");

	strcpy(d.date, "2026-06-02"); /* Tuesday: accepted with a warning */
	tu_ok(hane_foodbank_donate(db, &d));
	assert_true(d.off_day);
	assert_non_null(strstr(hane_error_last(), "İzmit"));
	assert_non_null(strstr(hane_error_last(), "Pzt, Çar, Cum"));

	tu_ok(hane_foodbank_last_donation(db, &last));
	assert_int_equal(last.id, d.id);
	assert_int_equal(last.nitems, 2);
	assert_string_equal(last.items[1].category, "canned");
	assert_string_equal(last.donor_name, "Bağışçı Firma (örnek)");
	assert_true(last.off_day);

	strcpy(d.date, "2026-07-01"); /* after "today" */
	assert_int_equal(hane_foodbank_donate(db, &d), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Tarih"));
	strcpy(d.date, "2026-06-01");
	d.nitems = 0;
	assert_int_equal(hane_foodbank_donate(db, &d), HANE_EINVAL);
	d.nitems = 1;
	d.branch_id = 99;
	assert_int_equal(hane_foodbank_donate(db, &d), HANE_ENOTFOUND);
	d.branch_id = izmit;
	d.donor_person_id = 4242;
	assert_int_equal(hane_foodbank_donate(db, &d), HANE_ENOTFOUND);
	hane_store_close(db);
}

static int collect_ledger(const struct hane_fb_ledger_row *r, void *arg)
{
	struct hane_fb_ledger_row *rows = arg;

	if (r->market_id >= 1 && r->market_id <= 7)
		rows[r->market_id - 1] = *r;
	return 0;
}

static void test_market_supply_and_weekly_ledger(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_fb_ledger_row rows[7];
	struct hane_fb_supply s;
	int64_t izmit = branch_id(db, "İzmit");

	supply(db, "Market 1", izmit, "2026-06-01", "sebze", "120", "kg",
	       450000);
	supply(db, "Market 1", izmit, "2026-06-07", "meyve", "80,5", "kg",
	       320000);
	supply(db, "Market 1", izmit, "2026-06-08", "sebze", "10", "kg",
	       1000); /* next week */
	supply(db, "Market 2", izmit, "2026-06-03", "şarküteri", "40", "adet",
	       600000);
	memset(rows, 0, sizeof rows);
	tu_ok(hane_foodbank_market_week(db, "2026-06-04", collect_ledger,
					rows));
	assert_string_equal(rows[0].week_start, "2026-06-01");
	assert_int_equal(rows[0].kg_milli[0], 120000);
	assert_int_equal(rows[0].kg_milli[1], 80500);
	assert_int_equal(rows[0].value_kurus, 770000);
	assert_int_equal(rows[0].deliveries, 2);
	assert_int_equal(rows[1].pieces_milli[2], 40000);
	assert_int_equal(rows[6].deliveries, 0); /* listed though empty */
	assert_string_equal(rows[6].market, "Market 7 (örnek)");

	/* Sunday belongs to the week that began on Monday. */
	memset(rows, 0, sizeof rows);
	tu_ok(hane_foodbank_market_week(db, "2026-06-07", collect_ledger,
					rows));
	assert_string_equal(rows[0].week_start, "2026-06-01");

	memset(&s, 0, sizeof s);
	s.market_id = 1;
	s.branch_id = izmit;
	strcpy(s.category, "kuru");
	strcpy(s.unit, "kg");
	s.qty_milli = 1000;
	assert_int_equal(hane_foodbank_supply(db, &s), HANE_EINVAL);
	strcpy(s.category, "sebze");
	strcpy(s.unit, "lt");
	assert_int_equal(hane_foodbank_supply(db, &s), HANE_EINVAL);
	strcpy(s.unit, "kg");
	s.market_id = 99;
	assert_int_equal(hane_foodbank_supply(db, &s), HANE_ENOTFOUND);
	hane_store_close(db);
}

/* ---- Eligibility ------------------------------------------------------------- */

static void test_eligibility_needs_decision_or_referral(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h = make_household(db, 1, 2), h2 = make_household(db, 2, 1);
	int64_t izmit = branch_id(db, "İzmit"), rid = 0, rid2 = 0, n = 0;
	struct hane_fb_distribution d =
		dist(h, "2026-06-10", izmit, "standard");
	struct hane_fb_check c;

	assert_int_equal(hane_foodbank_distribute(db, &d, &c), HANE_EPERM);
	assert_false(c.eligible);
	assert_non_null(strstr(hane_error_last(), "yönlendirme yok"));
	assert_int_equal(d.id, 0);

	/* A manual referral needs its reason. */
	assert_int_equal(
		hane_foodbank_refer(db, h, "manual", 0, "  ", NULL, NULL, &rid),
		HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Gerekçe"));
	assert_int_equal(hane_foodbank_refer(db, h, "elsewhere", 0, "x", NULL,
					     NULL, &rid),
			 HANE_EINVAL);
	assert_int_equal(hane_foodbank_refer(db, 999, "manual", 0, "x", NULL,
					     NULL, &rid),
			 HANE_ENOTFOUND);
	tu_ok(hane_foodbank_refer(db, h, "manual", 0, "Muhtar yönlendirmesi",
				  "2026-06-05", "2026-06-20", &rid));
	assert_true(rid > 0);
	tu_ok(hane_foodbank_eligibility(db, h, "2026-06-10", &c));
	assert_true(c.eligible);
	assert_int_equal(c.referral_id, rid);
	assert_string_equal(c.referral_until, "2026-06-20");
	tu_ok(hane_foodbank_eligibility(db, h, "2026-06-04", &c));
	assert_false(c.eligible); /* before it started */
	tu_ok(hane_foodbank_eligibility(db, h, "2026-06-21", &c));
	assert_false(c.eligible); /* after it ended */
	assert_int_equal(hane_foodbank_refer(db, h, "manual", 0, "x",
					     "2026-06-10", "2026-06-01", NULL),
			 HANE_EINVAL);

	tu_ok(hane_foodbank_distribute(db, &d, &c));
	assert_true(d.id > 0);
	assert_int_equal(c.referral_id, rid);

	/* The hook the inspection unit calls: one referral per decision,
	 * updated when called again. */
	assert_int_equal(hane_foodbank_refer(db, h2, "inspection", 0, NULL,
					     NULL, NULL, NULL),
			 HANE_EINVAL);
	tu_ok(hane_foodbank_refer(db, h2, "inspection", 77, NULL, "2026-06-01",
				  "2026-12-31", &rid));
	tu_ok(hane_foodbank_refer(db, h2, "inspection", 77, "süre kısaldı",
				  "2026-06-01", "2026-06-15", &rid2));
	assert_int_equal(rid, rid2);
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM fb_referral"
				   " WHERE decision_id = :d",
				   ":d", 77));
	assert_int_equal(n, 1);
	tu_ok(hane_foodbank_eligibility(db, h2, "2026-06-20", &c));
	assert_false(c.eligible);
	tu_ok(hane_foodbank_eligibility(db, h2, "2026-06-10", &c));
	assert_true(c.eligible);
	assert_string_equal(c.referral_source, "inspection");
	/* The same decision cannot move to another household. */
	assert_int_equal(hane_foodbank_refer(db, h, "inspection", 77, NULL,
					     NULL, NULL, NULL),
			 HANE_EINVAL);
	hane_store_close(db);
}

/* ---- Frequency limit and override ---------------------------------------------- */

static void test_frequency_limit_blocks_and_names_the_rule(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h = make_household(db, 3, 3), izmit = branch_id(db, "İzmit");
	struct hane_fb_distribution d =
		dist(h, "2026-06-01", izmit, "standard");
	struct hane_fb_check c;
	int64_t first;

	tu_ok(hane_foodbank_refer(db, h, "manual", 0, "ASDEP", "2026-01-01",
				  NULL, NULL));
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	first = d.id;
	assert_int_equal(d.members, 3);
	/* Scaled by household size: 5 kg + 2 kg × 3 persons. */
	assert_string_equal(d.items[0].category, "dry_food");
	assert_int_equal(d.items[0].qty_milli, 11000);
	assert_int_equal(d.nitems, 3);

	d = dist(h, "2026-06-15", izmit, "standard");
	assert_int_equal(hane_foodbank_check(db, &d, &c), HANE_EPERM);
	assert_true(c.eligible);
	assert_true(c.limited);
	assert_int_equal(c.limit_days, 30);
	assert_int_equal(c.last_id, first);
	assert_string_equal(c.last_date, "2026-06-01");
	assert_string_equal(c.next_date, "2026-07-01");
	assert_string_equal(c.last_visit, "2026-06-01");
	assert_non_null(strstr(hane_error_last(), "30 günde bir"));
	assert_non_null(strstr(hane_error_last(), "01.06.2026"));
	assert_int_equal(hane_foodbank_distribute(db, &d, &c), HANE_EPERM);
	assert_int_equal(d.id, 0);

	/* Another package type has its own limit. */
	d = dist(h, "2026-06-15", izmit, "fresh");
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	d = dist(h, "2026-06-20", izmit, "fresh"); /* 5 < 7 days */
	assert_int_equal(hane_foodbank_distribute(db, &d, &c), HANE_EPERM);
	d = dist(h, "2026-06-22", izmit, "fresh"); /* exactly 7 days */
	tu_ok(hane_foodbank_distribute(db, &d, &c));

	/* A back-dated entry cannot squeeze in before the last one. */
	d = dist(h, "2026-05-20", izmit, "standard");
	assert_int_equal(hane_foodbank_distribute(db, &d, &c), HANE_EPERM);
	assert_string_equal(c.last_date, "2026-06-01");

	/* The limit is configurable per package type. */
	{
		struct hane_fb_package p;

		tu_ok(hane_foodbank_package_find(db, "standard", &p));
		tu_ok(hane_foodbank_package_set_limit(db, p.id, p.version, 10));
		d = dist(h, "2026-06-15", izmit, "standard");
		tu_ok(hane_foodbank_distribute(db, &d, &c));
		assert_int_equal(
			hane_foodbank_package_set_limit(db, p.id, p.version, 5),
			HANE_ECONFLICT);
	}
	hane_store_close(db);
}

static void test_override_needs_reason_and_is_audited(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h = make_household(db, 4, 1), izmit = branch_id(db, "İzmit");
	struct hane_fb_distribution d =
		dist(h, "2026-06-01", izmit, "standard");
	struct hane_fb_check c;
	hane_stmt *st = NULL;
	int64_t n = 0;

	tu_ok(hane_foodbank_refer(db, h, "manual", 0, "ASDEP", "2026-01-01",
				  NULL, NULL));
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	assert_false(c.overridden);

	d = dist(h, "2026-06-10", izmit, "standard");
	strcpy(d.override_reason, "   "); /* blank is no reason */
	assert_int_equal(hane_foodbank_distribute(db, &d, &c), HANE_EPERM);
	strcpy(d.override_reason, "Yangın sonrası acil ihtiyaç");
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	assert_true(c.overridden);
	assert_true(d.id > 0);

	tu_ok(hane_stmt_prepare(db, &st,
				"SELECT override_reason FROM fb_distribution"
				" WHERE id = :id"));
	tu_ok(hane_stmt_bind_int(st, ":id", d.id));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	assert_string_equal(hane_stmt_text(st, 0),
			    "Yangın sonrası acil ihtiyaç");
	hane_stmt_finalize(st);
	tu_ok(hane_stmt_prepare(
		db, &st,
		"SELECT username, changes FROM audit"
		" WHERE action = 'foodbank.override'"
		" AND tbl = 'fb_distribution' AND row_id = :id"));
	tu_ok(hane_stmt_bind_int(st, ":id", d.id));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	assert_string_equal(hane_stmt_text(st, 0), "tester");
	assert_non_null(strstr(hane_stmt_text(st, 1), "Yangın sonrası"));
	assert_non_null(strstr(hane_stmt_text(st, 1), "2026-06-01"));
	assert_non_null(strstr(hane_stmt_text(st, 1), "\"limit_days\":30"));
	hane_stmt_finalize(st);

	/* An override reason where no limit fired records no override. */
	d = dist(h, "2026-06-10", izmit, "baby");
	strcpy(d.override_reason, "gereksiz");
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	assert_false(c.overridden);
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM fb_distribution"
				   " WHERE override_reason IS NOT NULL"
				   " AND household_id = :h",
				   ":h", h));
	assert_int_equal(n, 1);
	/* The override does not replace eligibility. */
	{
		int64_t h2 = make_household(db, 5, 1);

		d = dist(h2, "2026-06-10", izmit, "standard");
		strcpy(d.override_reason, "amir onayı");
		assert_int_equal(hane_foodbank_distribute(db, &d, &c),
				 HANE_EPERM);
		assert_false(c.eligible);
	}
	hane_store_close(db);
}

/* ---- Stock ------------------------------------------------------------------------ */

struct stock_find {
	const char *branch, *category, *unit;
	int64_t in, out;
	int rows;
};

static int find_stock(const struct hane_fb_stock_row *r, void *arg)
{
	struct stock_find *f = arg;

	f->rows++;
	if (!strcmp(r->branch, f->branch) &&
	    !strcmp(r->category, f->category) && !strcmp(r->unit, f->unit)) {
		f->in = r->in_milli;
		f->out = r->out_milli;
	}
	return 0;
}

static void test_stock_and_shortage_warning(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h1 = make_household(db, 6, 1), h2 = make_household(db, 7, 4);
	int64_t izmit = branch_id(db, "İzmit"),
		golcuk = branch_id(db, "Gölcük");
	struct hane_fb_distribution d;
	struct hane_fb_check c;
	struct stock_find f = {"İzmit", "dry_food", "kg", 0, 0, 0};

	tu_ok(hane_foodbank_refer(db, h1, "manual", 0, "r", "2026-01-01", NULL,
				  NULL));
	tu_ok(hane_foodbank_refer(db, h2, "manual", 0, "r", "2026-01-01", NULL,
				  NULL));
	donate(db, izmit, "2026-06-01", "kuru:20:kg", 100000);
	donate(db, golcuk, "2026-06-02", "kuru:50:kg", 100000);
	supply(db, "Market 3", izmit, "2026-06-01", "sebze", "30", "kg", 0);

	/* 7 kg dry food for one person: 20 → 13, no shortage of it. */
	d = dist(h1, "2026-06-03", izmit, "standard");
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	for (int i = 0; i < c.nshort; i++)
		assert_string_not_equal(c.shortage[i].category, "dry_food");
	tu_ok(hane_foodbank_stock(db, izmit, find_stock, &f));
	assert_int_equal(f.in, 20000);
	assert_int_equal(f.out, 7000);

	/* 13 kg for four persons with 13 kg left: exactly zero is not
	 * short (canned food and oil are: none came in). */
	d = dist(h2, "2026-06-03", izmit, "standard");
	assert_int_equal(hane_foodbank_check(db, &d, &c), 0);
	assert_int_equal(d.items[0].qty_milli, 13000);
	assert_int_equal(c.nshort, 2);
	assert_string_equal(c.shortage[0].category, "canned");
	assert_string_equal(c.shortage[1].category, "oil");
	/* 14 kg would go below zero: a warning, and still given. */
	d.items[0].qty_milli = 14000;
	d.nitems = 1;
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	assert_true(d.id > 0);
	assert_int_equal(c.nshort, 1);
	assert_string_equal(c.shortage[0].category, "dry_food");
	assert_int_equal(c.shortage[0].have_milli, 13000);
	assert_int_equal(c.shortage[0].need_milli, 14000);
	assert_non_null(strstr(hane_error_last(), "İzmit"));
	assert_non_null(strstr(hane_error_last(), "Kuru gıda"));
	f.in = f.out = 0;
	tu_ok(hane_foodbank_stock(db, izmit, find_stock, &f));
	assert_int_equal(f.in - f.out, -1000);

	/* Each branch keeps its own stock. */
	f = (struct stock_find){"Gölcük", "dry_food", "kg", 0, 0, 0};
	tu_ok(hane_foodbank_stock(db, 0, find_stock, &f));
	assert_int_equal(f.in, 50000);
	assert_int_equal(f.out, 0);
	f = (struct stock_find){"İzmit", "vegetable", "kg", 0, 0, 0};
	tu_ok(hane_foodbank_stock(db, izmit, find_stock, &f));
	assert_int_equal(f.in, 30000);

	/* The running stock (fb_stock, kept by triggers) always equals the
	 * sum of the history, also after a write that bypasses the model:
	 * here a distribution moved to another branch and an item changed. */
	{
		static const char *const differ =
			"SELECT count(*) FROM (SELECT branch_id, category, "
			"unit,"
			" sum(qin) AS i, sum(qout) AS o FROM ("
			" SELECT d.branch_id, x.category, x.unit, x.qty_milli "
			"AS qin,"
			"  0 AS qout FROM fb_donation_item x JOIN fb_donation d"
			"  ON d.id = x.donation_id"
			" UNION ALL SELECT branch_id, category, unit, "
			"qty_milli, 0"
			"  FROM fb_supply"
			" UNION ALL SELECT d.branch_id, x.category, x.unit, 0,"
			"  x.qty_milli FROM fb_distribution_item x"
			"  JOIN fb_distribution d ON d.id = x.distribution_id)"
			" GROUP BY 1, 2, 3) h FULL JOIN fb_stock s"
			" USING (branch_id, category, unit)"
			" WHERE coalesce(h.i, 0) <> coalesce(s.in_milli, 0)"
			" OR coalesce(h.o, 0) <> coalesce(s.out_milli, 0)";
		int64_t bad = -1;

		tu_ok(hane_store_query_int(db, &bad, differ, NULL, 0));
		assert_int_equal(bad, 0);
		tu_ok(hane_store_exec(db,
				      "UPDATE fb_distribution SET"
				      " branch_id = (SELECT id FROM fb_branch"
				      " WHERE name = 'Gölcük')"
				      " WHERE id = (SELECT max(id) FROM"
				      " fb_distribution)"));
		tu_ok(hane_store_exec(db, "UPDATE fb_donation_item SET"
					  " qty_milli = qty_milli + 500"
					  " WHERE id = 1"));
		tu_ok(hane_store_exec(db, "DELETE FROM fb_supply"));
		tu_ok(hane_store_query_int(db, &bad, differ, NULL, 0));
		assert_int_equal(bad, 0);
		f = (struct stock_find){"Gölcük", "dry_food", "kg", 0, 0, 0};
		tu_ok(hane_foodbank_stock(db, 0, find_stock, &f));
		assert_int_equal(f.out, 14000);
	}
	hane_store_close(db);
}

/* ---- Follow-up ----------------------------------------------------------------------- */

struct unserved_list {
	int n;
	int64_t ids[8];
	int days[8];
};

static int collect_unserved(const struct hane_fb_unserved *u, void *arg)
{
	struct unserved_list *l = arg;

	if (l->n < 8) {
		l->ids[l->n] = u->household_id;
		l->days[l->n] = u->days_since;
		l->n++;
	}
	return 0;
}

static void test_households_not_served(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t a = make_household(db, 8, 1), b = make_household(db, 9, 1);
	int64_t never = make_household(db, 10, 1);
	int64_t unreferred = make_household(db, 11, 1);
	int64_t izmit = branch_id(db, "İzmit");
	struct hane_fb_distribution d;
	struct hane_fb_check c;
	struct unserved_list l = {0};

	(void)unreferred;
	tu_ok(hane_foodbank_refer(db, a, "manual", 0, "r", "2026-01-01", NULL,
				  NULL));
	tu_ok(hane_foodbank_refer(db, b, "manual", 0, "r", "2026-01-01", NULL,
				  NULL));
	tu_ok(hane_foodbank_refer(db, never, "inspection", 5, NULL,
				  "2026-01-01", NULL, NULL));
	d = dist(a, "2026-04-01", izmit, "standard");
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	d = dist(b, "2026-06-20", izmit, "standard");
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	tu_ok(hane_foodbank_unserved(db, 30, "2026-06-30", 0, collect_unserved,
				     &l));
	assert_int_equal(l.n, 2);
	assert_int_equal(l.ids[0], never); /* never served first */
	assert_int_equal(l.days[0], -1);
	assert_int_equal(l.ids[1], a);
	assert_int_equal(l.days[1], 90);
	hane_store_close(db);
}

/* ---- Permissions -------------------------------------------------------------------- */

static int no_branch(const struct hane_fb_branch *b, void *arg)
{
	(void)b;
	(void)arg;
	return 0;
}

static void test_unknown_user_is_refused(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h = make_household(db, 12, 1);
	struct hane_fb_distribution d = dist(h, "2026-06-01", 1, "standard");
	struct hane_fb_check c;
	struct hane_fb_donation dn;

	assert_int_equal(hane_store_set_actor(db, "yabanci"), HANE_ENOUSER);
	assert_int_equal(hane_foodbank_branch_each(db, no_branch, NULL),
			 HANE_EPERM);
	assert_int_equal(
		hane_foodbank_refer(db, h, "manual", 0, "x", NULL, NULL, NULL),
		HANE_EPERM);
	assert_int_equal(hane_foodbank_refer(db, h, "inspection", 3, NULL, NULL,
					     NULL, NULL),
			 HANE_EPERM);
	assert_int_equal(hane_foodbank_distribute(db, &d, &c), HANE_EPERM);
	memset(&dn, 0, sizeof dn);
	dn.branch_id = 1;
	assert_int_equal(hane_foodbank_donate(db, &dn), HANE_EPERM);
	assert_int_equal(hane_foodbank_branch_set_days(db, 1, 1, "135"),
			 HANE_EPERM);
	hane_store_close(db);
}

static void test_roles(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h = make_household(db, 13, 1), izmit = branch_id(db, "İzmit");
	struct hane_fb_distribution d =
		dist(h, "2026-06-01", izmit, "standard");
	struct hane_fb_check c;
	struct hane_fb_branch b;

	tu_staff(db, "fb.cw", NULL, "caseworker", "foodbank");
	tu_staff(db, "fb.sup", NULL, "supervisor", "foodbank");
	tu_staff(db, "insp.sup", NULL, "supervisor", "inspection");
	tu_staff(db, "hc.cw", NULL, "caseworker", "homecare");
	tu_staff(db, "rep", NULL, "reporter", "");

	/* The inspection unit's decider may refer from a decision, but not
	 * write a manual referral or hand out food. */
	tu_ok(hane_store_set_actor(db, "insp.sup"));
	tu_ok(hane_foodbank_refer(db, h, "inspection", 9, NULL, "2026-01-01",
				  NULL, NULL));
	assert_int_equal(
		hane_foodbank_refer(db, h, "manual", 0, "x", NULL, NULL, NULL),
		HANE_EPERM);
	assert_int_equal(hane_foodbank_distribute(db, &d, &c), HANE_EPERM);

	tu_ok(hane_store_set_actor(db, "fb.cw"));
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	d = dist(h, "2026-06-10", izmit, "standard");
	strcpy(d.override_reason, "acil");
	assert_int_equal(hane_foodbank_distribute(db, &d, &c), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "foodbank.override"));
	tu_ok(hane_foodbank_branch_find(db, "Outlet", &b));
	assert_int_equal(
		hane_foodbank_branch_set_days(db, b.id, b.version, "1"),
		HANE_EPERM);

	tu_ok(hane_store_set_actor(db, "fb.sup"));
	tu_ok(hane_foodbank_distribute(db, &d, &c));
	assert_true(c.overridden);
	tu_ok(hane_foodbank_branch_set_days(db, b.id, b.version, "1"));

	/* Another unit's caseworker cannot touch the food bank; a reporter
	 * reads but does not write. */
	tu_ok(hane_store_set_actor(db, "hc.cw"));
	assert_int_equal(hane_foodbank_branch_each(db, no_branch, NULL),
			 HANE_EPERM);
	tu_ok(hane_store_set_actor(db, "rep"));
	tu_ok(hane_foodbank_branch_each(db, no_branch, NULL));
	d = dist(h, "2026-06-29", izmit, "fresh");
	assert_int_equal(hane_foodbank_distribute(db, &d, &c), HANE_EPERM);
	hane_store_close(db);
}

/* ---- Reports on a fixture ------------------------------------------------------------ */

static struct hane_report_table *run_report(hane_db *db, const char *name,
					    const char *param,
					    const char *value)
{
	struct hane_report r;
	struct hane_report_arg arg = {param, value};
	struct hane_report_table *t = NULL;

	tu_ok(hane_report_find(name, &r));
	tu_ok(hane_report_run(db, &r, &arg, 1, &t));
	return t;
}

/* The row whose first two cells are a and b, or -1. */
static int find_row(const struct hane_report_table *t, const char *a,
		    const char *b)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (!strcmp(hane_report_cell(t, i, 0), a) &&
		    (!b || !strcmp(hane_report_cell(t, i, 1), b)))
			return (int)i;
	return -1;
}

/* June 2026, checked by hand:
 *   households A (served in May and June), B (June twice: standard and
 *   fresh), C (first ever in June), D (served only in May);
 *   unduplicated households served in June: A, B, C = 3; new ones (first
 *   package ever in June): B, C = 2; packages: standard 3 (A, B, C),
 *   fresh 1 (B) with values 500,00 + 0 + 250,00 and 100,00;
 *   donations: İzmit 2 worth 1.500,00 + 250,50 = 1.750,50; Gölcük 1
 *   worth 99,99; the May one not counted; market supply: Market 1 2
 *   worth 4.500,00 + 3.200,00; Market 2 1 worth 6.000,00. */
static void fixture(hane_db *db, int64_t hh[4])
{
	int64_t izmit = branch_id(db, "İzmit"),
		golcuk = branch_id(db, "Gölcük");
	struct hane_fb_distribution d;
	struct hane_fb_check c;
	const struct {
		int h;
		const char *date, *package;
		int64_t value;
	} given[] = {
		{0, "2026-05-05", "standard", 500000},
		{3, "2026-05-06", "standard", 40000},
		{0, "2026-06-05", "standard", 50000},
		{1, "2026-06-10", "standard", 0},
		{1, "2026-06-10", "fresh", 10000},
		{2, "2026-06-29", "standard", 25000},
	};

	for (int i = 0; i < 4; i++) {
		hh[i] = make_household(db, 20 + (uint64_t)i, 2);
		tu_ok(hane_foodbank_refer(db, hh[i], "manual", 0, "ASDEP",
					  "2026-01-01", NULL, NULL));
	}
	for (size_t i = 0; i < sizeof given / sizeof given[0]; i++) {
		d = dist(hh[given[i].h], given[i].date, izmit,
			 given[i].package);
		d.value_kurus = given[i].value;
		tu_ok(hane_foodbank_distribute(db, &d, &c));
	}
	donate(db, izmit, "2026-06-01", "kuru:20:kg", 150000);
	donate(db, izmit, "2026-06-03", "yağ:10:lt", 25050);
	donate(db, golcuk, "2026-06-02", "giyim:3", 9999);
	donate(db, izmit, "2026-05-29", "kuru:5:kg", 777700);
	supply(db, "Market 1", izmit, "2026-06-01", "sebze", "120", "kg",
	       450000);
	supply(db, "Market 1", izmit, "2026-06-12", "meyve", "80", "kg",
	       320000);
	supply(db, "Market 2", golcuk, "2026-06-03", "şarküteri", "40", "kg",
	       600000);
	supply(db, "Market 2", golcuk, "2026-05-31", "sebze", "1", "kg", 100);
}

/* The reference data kept in the console (#21): names unique as search
 * folds them, errors naming the field, versions checked, audited, and
 * only foodbank.admin may change them. */
static void test_reference_add_and_update(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_fb_branch b;
	struct hane_fb_market m;
	struct hane_fb_package p;
	int64_t id = 0;

	(void)state;
	assert_int_equal(hane_foodbank_branch_add(db, "golcuk", "", NULL),
			 HANE_EEXIST);
	assert_non_null(strstr(hane_error_last(), "Gölcük"));
	assert_int_equal(
		hane_foodbank_branch_add(db, "Kartepe", "pzt xyz", NULL),
		HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Bağış günleri"));
	assert_int_equal(hane_foodbank_branch_add(db, " ", "", NULL),
			 HANE_EINVAL);
	tu_ok(hane_foodbank_branch_add(db, "Kartepe", "pzt per", &id));
	tu_ok(hane_foodbank_branch_get(db, id, &b));
	assert_string_equal(b.days, "14");
	assert_true(b.active);
	snprintf(b.name, sizeof b.name, "Kartepe Merkez");
	b.active = false;
	b.days[0] = '\0';
	tu_ok(hane_foodbank_branch_update(db, &b));
	assert_int_equal(hane_foodbank_branch_update(db, &b), HANE_ECONFLICT);
	tu_ok(hane_foodbank_branch_get(db, id, &b));
	assert_string_equal(b.name, "Kartepe Merkez");
	assert_string_equal(b.days, "");
	assert_false(b.active);
	snprintf(b.name, sizeof b.name, "İzmit");
	assert_int_equal(hane_foodbank_branch_update(db, &b), HANE_EEXIST);

	tu_ok(hane_foodbank_market_add(db, "Mahalle Pazarı", &id));
	assert_int_equal(hane_foodbank_market_add(db, "mahalle pazari", NULL),
			 HANE_EEXIST);
	tu_ok(hane_foodbank_market_find(db, "Mahalle Pazarı", &m));
	m.active = false;
	tu_ok(hane_foodbank_market_update(db, &m));
	tu_ok(hane_foodbank_market_find(db, "Mahalle Pazarı", &m));
	assert_false(m.active);

	assert_int_equal(hane_foodbank_package_add(db, "Ramazan", "Ramazan", "",
						   0, NULL),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Kod"));
	assert_int_equal(hane_foodbank_package_add(db, "ramazan", "Ramazan", "",
						   -1, NULL),
			 HANE_EINVAL);
	assert_int_equal(
		hane_foodbank_package_add(db, "standard", "Yeni", "", 0, NULL),
		HANE_EEXIST);
	tu_ok(hane_foodbank_package_add(db, "ramazan", "Ramazan kolisi", "",
					365, NULL));
	tu_ok(hane_foodbank_package_find(db, "ramazan", &p));
	assert_string_equal(p.name, "Ramazan kolisi");
	assert_int_equal(p.limit_days, 365);
	p.limit_days = 300;
	tu_ok(hane_foodbank_package_update(db, &p));
	tu_ok(hane_foodbank_package_find(db, "ramazan", &p));
	assert_int_equal(p.limit_days, 300);
	tu_ok(hane_store_query_int(db, &id,
				   "SELECT count(*) FROM audit WHERE tbl IN"
				   " ('fb_branch', 'fb_market',"
				   " 'fb_package_type') AND :x = :x",
				   ":x", 1));
	assert_int_equal(id, 6);

	tu_staff(db, "fb.cw", NULL, "caseworker", "foodbank");
	tu_ok(hane_store_set_actor(db, "fb.cw"));
	assert_int_equal(hane_foodbank_branch_add(db, "Derince", "", NULL),
			 HANE_EPERM);
	assert_int_equal(hane_foodbank_market_update(db, &m), HANE_EPERM);
	assert_int_equal(hane_foodbank_package_update(db, &p), HANE_EPERM);
	hane_store_close(db);
}

static void test_report_monthly(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_report_table *t;
	int64_t hh[4];
	int r;

	fixture(db, hh);
	t = run_report(db, "foodbank-monthly", "month", "2026-06");
	r = find_row(t, "Hizmet verilen hane (tekil)", NULL);
	assert_true(r >= 0);
	assert_string_equal(hane_report_cell(t, r, 2), "3");
	r = find_row(t, "Yeni hane", NULL);
	assert_true(r >= 0);
	assert_string_equal(hane_report_cell(t, r, 2), "2");
	r = find_row(t, "Paket", "Standart paket");
	assert_true(r >= 0);
	assert_string_equal(hane_report_cell(t, r, 2), "3");
	assert_string_equal(hane_report_cell(t, r, 3), "750.00");
	r = find_row(t, "Paket", "Taze ürün");
	assert_true(r >= 0);
	assert_string_equal(hane_report_cell(t, r, 2), "1");
	assert_string_equal(hane_report_cell(t, r, 3), "100.00");
	r = find_row(t, "Bağış", "İzmit");
	assert_true(r >= 0);
	assert_string_equal(hane_report_cell(t, r, 2), "2");
	assert_string_equal(hane_report_cell(t, r, 3), "1750.50");
	r = find_row(t, "Bağış", "Gölcük");
	assert_true(r >= 0);
	assert_string_equal(hane_report_cell(t, r, 3), "99.99");
	assert_int_equal(find_row(t, "Bağış", "Outlet"), -1);
	r = find_row(t, "Market", "Market 1 (örnek)");
	assert_true(r >= 0);
	assert_string_equal(hane_report_cell(t, r, 2), "2");
	assert_string_equal(hane_report_cell(t, r, 3), "7700.00");
	r = find_row(t, "Market", "Market 2 (örnek)");
	assert_true(r >= 0);
	assert_string_equal(hane_report_cell(t, r, 2), "1");
	assert_string_equal(hane_report_cell(t, r, 3), "6000.00");
	hane_report_table_free(t);

	/* May: A and D, both new then. */
	t = run_report(db, "foodbank-monthly", "month", "2026-05");
	r = find_row(t, "Hizmet verilen hane (tekil)", NULL);
	assert_string_equal(hane_report_cell(t, r, 2), "2");
	r = find_row(t, "Yeni hane", NULL);
	assert_string_equal(hane_report_cell(t, r, 2), "2");
	hane_report_table_free(t);
	hane_store_close(db);
}

static void test_report_weekly_markets(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_report_table *t;
	int64_t hh[4];
	int r;

	fixture(db, hh);
	/* The week of Monday 2026-06-01 (asked by its Wednesday). */
	t = run_report(db, "foodbank-weekly-markets", "week", "03.06.2026");
	assert_int_equal(t->nrows, 8); /* seven markets and the total */
	assert_true(t->has_total);
	r = find_row(t, "Market 1 (örnek)", NULL);
	assert_string_equal(hane_report_cell(t, r, 1), "2026-06-01");
	assert_string_equal(hane_report_cell(t, r, 2), "120"); /* sebze kg */
	assert_string_equal(hane_report_cell(t, r, 3), "0");   /* meyve: 12th */
	assert_string_equal(hane_report_cell(t, r, 6), "4500.00");
	r = find_row(t, "Market 2 (örnek)", NULL);
	assert_string_equal(hane_report_cell(t, r, 4), "40");
	assert_string_equal(hane_report_cell(t, r, 2),
			    "0"); /* 31 May: before */
	r = find_row(t, "Market 7 (örnek)", NULL);
	assert_string_equal(hane_report_cell(t, r, 6), "0.00");
	assert_string_equal(hane_report_cell(t, 7, 6), "10500.00");
	assert_string_equal(hane_report_cell(t, 7, 2), "120");
	hane_report_table_free(t);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeded_reference),
		cmocka_unit_test(test_days_and_quantities),
		cmocka_unit_test(test_branch_days_admin_and_conflict),
		cmocka_unit_test(test_reference_add_and_update),
		cmocka_unit_test(test_donation_and_off_day_warning),
		cmocka_unit_test(test_market_supply_and_weekly_ledger),
		cmocka_unit_test(test_eligibility_needs_decision_or_referral),
		cmocka_unit_test(
			test_frequency_limit_blocks_and_names_the_rule),
		cmocka_unit_test(test_override_needs_reason_and_is_audited),
		cmocka_unit_test(test_stock_and_shortage_warning),
		cmocka_unit_test(test_households_not_served),
		cmocka_unit_test(test_unknown_user_is_refused),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_report_monthly),
		cmocka_unit_test(test_report_weekly_markets),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
