/* Dost Eller (clothing): the period, lines, eligibility from the three
 * sources, the limit per category with its explanation and its audited
 * supervisor override, donations and stock, the running totals, the
 * categories an administrator keeps, permissions, and the record
 * registry's person references. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/clothing.h"
#include "hane/foodbank.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/overview.h"
#include "hane/record.h"
#include "hane/security.h"

#define NOW "2026-06-30 10:00:00"

static int setup(void **state)
{
	(void)state;
	setenv("HANE_NOW", NOW, 1);
	hane_lang_set(HANE_LANG_TR);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_clock_default();
	hane_lang_set(HANE_LANG_TR);
	return 0;
}

/* A household of one (the head, whose id goes to *person). */
static int64_t make_household(hane_db *db, uint64_t n, int64_t *person)
{
	struct hane_household h;
	struct hane_person p;
	int64_t hid = 0;

	hane_household_init(&h);
	strcpy(h.mahalle, "Gündoğdu");
	hane_person_init(&p);
	snprintf(p.first_name, sizeof p.first_name, "Ayşe%llu",
		 (unsigned long long)n);
	strcpy(p.last_name, "Demir");
	strcpy(p.tckn, tu_tckn(n * 10 + 3));
	tu_ok(hane_household_create(db, &h, &p, &hid, person, NULL));
	return hid;
}

static struct hane_cl_issue issue(int64_t person, const char *date,
				  const char *line)
{
	struct hane_cl_issue is;

	memset(&is, 0, sizeof is);
	is.person_id = person;
	snprintf(is.date, sizeof is.date, "%s", date);
	tu_ok(hane_cl_line_parse(&is.lines[0], line));
	is.nlines = 1;
	return is;
}

static int64_t q(hane_db *db, const char *sql)
{
	int64_t n = -1;

	tu_ok(hane_store_query_int(db, &n, sql, NULL, 0));
	return n;
}

static void refer(hane_db *db, int64_t h)
{
	struct hane_cl_referral r = {0};

	r.household_id = h;
	strcpy(r.reason, "Muhtar yönlendirmesi");
	strcpy(r.valid_from, "2026-01-01");
	tu_ok(hane_clothing_refer(db, &r));
	assert_true(r.id > 0);
}

/* ---- Pure helpers ---------------------------------------------------------- */

static void test_period_and_lines(void **state)
{
	char from[HANE_DATE_LEN + 1], next[HANE_DATE_LEN + 1];
	struct hane_cl_line l;

	(void)state;
	tu_ok(hane_clothing_period_of("2026-06-15", 6, from, next));
	assert_string_equal(from, "2026-03-01");
	assert_string_equal(next, "2026-09-01");
	tu_ok(hane_clothing_period_of("2026-01-10", 6, from, next));
	assert_string_equal(from, "2025-09-01");
	assert_string_equal(next, "2026-03-01");
	tu_ok(hane_clothing_period_of("2026-12-05", 3, from, next));
	assert_string_equal(from, "2026-12-01");
	assert_string_equal(next, "2027-03-01");
	tu_ok(hane_clothing_period_of("2026-02-28", 12, from, next));
	assert_string_equal(from, "2025-03-01");
	assert_string_equal(next, "2026-03-01");
	tu_ok(hane_clothing_period_of("2026-04-30", 1, from, next));
	assert_string_equal(from, "2026-04-01");
	assert_string_equal(next, "2026-05-01");
	assert_int_equal(hane_clothing_period_of("2026-04-30", 5, from, next),
			 HANE_EINVAL);
	assert_int_equal(hane_clothing_period_of("2026-02-30", 6, from, next),
			 HANE_EINVAL);

	tu_ok(hane_cl_line_parse(&l, "çocuk:2:8 yaş"));
	assert_string_equal(l.category, "çocuk");
	assert_int_equal(l.qty, 2);
	assert_string_equal(l.size, "8 yaş");
	tu_ok(hane_cl_line_parse(&l, " adult = 3 "));
	assert_string_equal(l.category, "adult");
	assert_int_equal(l.qty, 3);
	assert_string_equal(l.size, "");
	assert_int_equal(hane_cl_line_parse(&l, "çocuk"), HANE_EINVAL);
	assert_int_equal(hane_cl_line_parse(&l, "çocuk:0"), HANE_EINVAL);
	assert_int_equal(hane_cl_line_parse(&l, "çocuk:iki"), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "iki"));
}

/* ---- Categories ------------------------------------------------------------ */

static void test_categories(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_cl_category c;
	int64_t id = 0;
	int months = 0;

	(void)state;
	tu_ok(hane_clothing_category_find(db, "çocuk", &c));
	assert_string_equal(c.code, "child");
	assert_string_equal(c.name, "Çocuk giyim");
	assert_int_equal(c.limit_qty, 4);
	tu_ok(hane_clothing_category_find(db, "AYAKKABI", &c));
	assert_string_equal(c.code, "shoes");
	tu_ok(hane_clothing_category_find(db, "baby goods", &c));
	assert_string_equal(c.code, "baby");
	assert_int_equal(hane_clothing_category_find(db, "şapka", &c),
			 HANE_ENOTFOUND);
	/* The message lists what there is. */
	assert_non_null(strstr(hane_error_last(), "Ayakkabı"));

	/* An administrator extends the list and changes a limit. */
	tu_ok(hane_clothing_category_add(db, "school_bag", "Okul çantası",
					 "School bag", 1, &id));
	assert_true(id > 0);
	assert_int_equal(hane_clothing_category_add(db, "bag2", "okul çantası",
						    "", 1, NULL),
			 HANE_EEXIST);
	assert_int_equal(
		hane_clothing_category_add(db, "Bad Code", "X", "", 1, NULL),
		HANE_EINVAL);
	tu_ok(hane_clothing_category_find(db, "okul", &c));
	c.limit_qty = 2;
	tu_ok(hane_clothing_category_update(db, &c));
	tu_ok(hane_clothing_category_find(db, "school_bag", &c));
	assert_int_equal(c.limit_qty, 2);
	c.limit_qty = 1000;
	assert_int_equal(hane_clothing_category_update(db, &c), HANE_EINVAL);

	tu_ok(hane_clothing_period_get(db, &months));
	assert_int_equal(months, 6);
	tu_ok(hane_clothing_period_set(db, 3));
	tu_ok(hane_clothing_period_get(db, &months));
	assert_int_equal(months, 3);
	assert_int_equal(hane_clothing_period_set(db, 5), HANE_EINVAL);

	/* A caseworker of the store may not. */
	tu_staff(db, "dost.cw", NULL, "caseworker", "clothing");
	tu_ok(hane_store_set_actor(db, "dost.cw"));
	assert_int_equal(hane_clothing_period_set(db, 6), HANE_EPERM);
	assert_int_equal(
		hane_clothing_category_add(db, "hat", "Şapka", "Hat", 1, NULL),
		HANE_EPERM);
	hane_store_close(db);
}

/* ---- Eligibility ------------------------------------------------------------ */

static void test_eligibility_three_sources(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t p1, p2, p3, p4;
	int64_t h1 = make_household(db, 1, &p1),
		h2 = make_household(db, 2, &p2);
	int64_t h3 = make_household(db, 3, &p3),
		h4 = make_household(db, 4, &p4);
	struct hane_cl_eligibility e;
	struct hane_cl_issue is;
	struct hane_cl_check c;
	char sql[512];

	(void)state;
	(void)h4;
	/* Nothing: refused as a rule, saying what would make it eligible. */
	is = issue(p4, "2026-06-10", "adult:1:L");
	assert_int_equal(hane_clothing_issue(db, &is, &c), HANE_EPERM);
	assert_false(c.elig.eligible);
	assert_non_null(strstr(hane_error_last(), "giyim alamaz"));
	assert_non_null(strstr(hane_error_last(), "10.06.2026"));
	assert_int_equal(q(db, "SELECT count(*) FROM clothing_issue"), 0);

	/* The food bank's referral, read where it is kept. */
	tu_ok(hane_foodbank_refer(db, h1, "manual", 0, "ASDEP", "2026-01-01",
				  NULL, NULL));
	tu_ok(hane_clothing_eligibility(db, p1, "2026-06-10", &e));
	assert_true(e.eligible);
	assert_string_equal(e.source, "foodbank");
	assert_int_equal(e.household_id, h1);

	/* An inspection aid decision of the household, for a year when it
	 * has no end. */
	snprintf(sql, sizeof sql,
		 "INSERT INTO inspection_request (household_id, requested_on,"
		 " channel, reason, status, due_on, version, created_at,"
		 " updated_at)"
		 " VALUES (%lld, '2026-02-01', 'walk_in', 'general', 'decided',"
		 " '2026-02-15', 1,"
		 " '2026-02-01', '2026-02-01');"
		 "INSERT INTO inspection_decision (request_id, decided_on,"
		 " decided_by, outcome, aid_type, kind, reason, created_at,"
		 " updated_at) VALUES (last_insert_rowid(), '2026-02-10',"
		 " (SELECT min(id) FROM staff), 'aid', 'one_time', 'clothing',"
		 " 'y', '2026-02-10', '2026-02-10')",
		 (long long)h2);
	tu_ok(hane_store_exec(db, sql));
	tu_ok(hane_clothing_eligibility(db, p2, "2026-06-10", &e));
	assert_true(e.eligible);
	assert_string_equal(e.source, "inspection");
	assert_string_equal(e.until, "2027-02-10");
	tu_ok(hane_clothing_eligibility(db, p2, "2026-02-09", &e));
	assert_false(e.eligible);

	/* The store's own referral. */
	refer(db, h3);
	tu_ok(hane_clothing_eligibility(db, p3, "2026-06-10", &e));
	assert_true(e.eligible);
	assert_string_equal(e.source, "clothing");
	tu_ok(hane_clothing_eligibility(db, p3, "2025-12-31", &e));
	assert_false(e.eligible);

	/* An issue records what made the person eligible. */
	is = issue(p2, "2026-06-10", "adult:1:L");
	tu_ok(hane_clothing_issue(db, &is, &c));
	assert_string_equal(is.source, "inspection");
	assert_int_equal(is.household_id, h2);
	hane_store_close(db);
}

/* ---- The limit and its override --------------------------------------------- */

static void test_limit_explains_and_override_is_audited(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t p, h = make_household(db, 5, &p), n = 0;
	struct hane_cl_issue is;
	struct hane_cl_check c;
	hane_stmt *st = NULL;

	(void)state;
	refer(db, h);
	tu_staff(db, "dost.cw", NULL, "caseworker", "clothing");
	tu_staff(db, "dost.sup", NULL, "supervisor", "clothing");
	tu_ok(hane_store_set_actor(db, "dost.cw"));
	is = issue(p, "2026-04-02", "çocuk:3:8 yaş");
	tu_ok(hane_clothing_issue(db, &is, &c));
	assert_int_equal(c.nlimited, 0);
	assert_string_equal(c.period_from, "2026-03-01");

	/* 3 + 2 > 4: refused with the numbers and the next period. */
	is = issue(p, "2026-06-10", "çocuk:2:9 yaş");
	assert_int_equal(hane_clothing_check(db, &is, &c), HANE_EPERM);
	assert_int_equal(c.nlimited, 1);
	assert_int_equal(c.limited[0].given, 3);
	assert_int_equal(c.limited[0].limit, 4);
	assert_int_equal(c.limited[0].asked, 2);
	assert_string_equal(hane_error_last(),
			    "Çocuk giyim: bu dönem 3/4 adet verildi, 2 daha "
			    "istendi; sonraki dönem 01.09.2026 (amir onayı "
			    "için gerekçe gerekir)");
	/* One more fits; other categories are their own. */
	is = issue(p, "2026-06-10", "çocuk:1");
	tu_ok(hane_clothing_check(db, &is, &c));
	is = issue(p, "2026-06-10", "ayakkabı:1:32");
	tu_ok(hane_clothing_issue(db, &is, &c));
	/* The next period starts again. */
	is = issue(p, "2026-06-10", "çocuk:2");
	assert_int_equal(hane_clothing_issue(db, &is, &c), HANE_EPERM);
	tu_ok(hane_store_set_actor(db, "tester"));
	setenv("HANE_NOW", "2026-09-02 10:00:00", 1);
	is = issue(p, "2026-09-01", "çocuk:4");
	tu_ok(hane_clothing_check(db, &is, &c));
	setenv("HANE_NOW", NOW, 1);

	/* A caseworker's reason is not enough: the override is a
	 * supervisor's. */
	tu_ok(hane_store_set_actor(db, "dost.cw"));
	is = issue(p, "2026-06-10", "çocuk:2:9 yaş");
	strcpy(is.override_reason, "Yangından çıkan aile");
	assert_int_equal(hane_clothing_issue(db, &is, &c), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "clothing.override"));
	tu_ok(hane_store_set_actor(db, "dost.sup"));
	strcpy(is.override_reason, "   ");
	assert_int_equal(hane_clothing_issue(db, &is, &c), HANE_EPERM);
	strcpy(is.override_reason, "Yangından çıkan aile");
	tu_ok(hane_clothing_issue(db, &is, &c));
	assert_true(c.overridden);
	tu_ok(hane_stmt_prepare(
		db, &st,
		"SELECT username, changes FROM audit"
		" WHERE action = 'clothing.override'"
		" AND tbl = 'clothing_issue' AND row_id = :id"));
	tu_ok(hane_stmt_bind_int(st, ":id", is.id));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	assert_string_equal(hane_stmt_text(st, 0), "dost.sup");
	assert_non_null(strstr(hane_stmt_text(st, 1), "Yangından"));
	assert_non_null(strstr(hane_stmt_text(st, 1), "\"limit\":4"));
	assert_non_null(strstr(hane_stmt_text(st, 1), "\"given\":3"));
	hane_stmt_finalize(st);
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM clothing_issue"
				   " WHERE override_reason IS NOT NULL"
				   " AND person_id = :p",
				   ":p", p));
	assert_int_equal(n, 1);

	/* A reason where no limit fired records no override. */
	is = issue(p, "2026-06-10", "yetişkin:1:XL");
	strcpy(is.override_reason, "gereksiz");
	tu_ok(hane_clothing_issue(db, &is, &c));
	assert_false(c.overridden);
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM clothing_issue"
				   " WHERE override_reason IS NOT NULL"
				   " AND person_id = :p",
				   ":p", p));
	assert_int_equal(n, 1);

	/* A reporter reads, never issues. */
	tu_staff(db, "rapor", NULL, "reporter", "");
	tu_ok(hane_store_set_actor(db, "rapor"));
	is = issue(p, "2026-06-10", "yetişkin:1");
	assert_int_equal(hane_clothing_issue(db, &is, &c), HANE_EPERM);
	tu_ok(hane_clothing_check(db, &is, &c));
	hane_store_close(db);
}

/* ---- Donations, stock, lists ----------------------------------------------------- */

static int count_issue(const struct hane_cl_issue *is, void *arg)
{
	(*(int *)arg)++;
	assert_true(is->nlines > 0);
	assert_non_null(strstr(is->person, "Demir"));
	return 0;
}

static int stock_row(const struct hane_cl_stock_row *r, void *arg)
{
	if (!strcmp(r->code, "child"))
		*(int64_t *)arg = r->in - r->out;
	return 0;
}

static void test_donations_stock_and_lists(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t p, h = make_household(db, 6, &p), left = -1;
	struct hane_cl_donation d;
	struct hane_cl_issue is;
	struct hane_cl_check c;
	int n = 0;

	(void)state;
	refer(db, h);
	memset(&d, 0, sizeof d);
	strcpy(d.date, "2026-06-01");
	strcpy(d.donor, "Kardeşler Tekstil");
	tu_ok(hane_cl_line_parse(&d.lines[0], "çocuk:10"));
	tu_ok(hane_cl_line_parse(&d.lines[1], "bebek:5"));
	d.nlines = 2;
	tu_ok(hane_clothing_donate(db, &d));
	assert_true(d.id > 0);
	/* No lines, a future date: refused. */
	memset(&d, 0, sizeof d);
	assert_int_equal(hane_clothing_donate(db, &d), HANE_EINVAL);
	strcpy(d.date, "2026-07-05");
	tu_ok(hane_cl_line_parse(&d.lines[0], "çocuk:1"));
	d.nlines = 1;
	assert_int_equal(hane_clothing_donate(db, &d), HANE_EINVAL);

	is = issue(p, "2026-06-10", "çocuk:3:8 yaş");
	tu_ok(hane_clothing_issue(db, &is, &c));
	assert_int_equal(c.nshort, 0);
	tu_ok(hane_clothing_stock(db, stock_row, &left));
	assert_int_equal(left, 7);
	/* Short in stock: saved, with a warning. */
	is = issue(p, "2026-06-11", "ayakkabı:1:30");
	tu_ok(hane_clothing_issue(db, &is, &c));
	assert_int_equal(c.nshort, 1);
	assert_non_null(strstr(hane_error_last(), "Ayakkabı"));

	tu_ok(hane_clothing_issues(db, p, 0, count_issue, &n));
	assert_int_equal(n, 2);
	n = 0;
	tu_ok(hane_clothing_issues(db, 0, 1, count_issue, &n));
	assert_int_equal(n, 1);
	hane_store_close(db);
}

/* ---- Running totals and the registry ----------------------------------------------- */

static void test_running_totals(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t p1, p2, h1 = make_household(db, 7, &p1);
	int64_t h2 = make_household(db, 8, &p2);
	struct hane_cl_issue is;
	struct hane_cl_check c;
	struct hane_cl_donation d;
	const struct hane_rdef *def;

	(void)state;
	refer(db, h1);
	refer(db, h2);
	is = issue(p1, "2026-05-10", "çocuk:2");
	tu_ok(hane_cl_line_parse(&is.lines[1], "ayakkabı:1:30"));
	is.nlines = 2;
	tu_ok(hane_clothing_issue(db, &is, &c));
	is = issue(p1, "2026-06-10", "yetişkin:1");
	tu_ok(hane_clothing_issue(db, &is, &c));
	is = issue(p2, "2026-06-12", "yetişkin:2");
	tu_ok(hane_clothing_issue(db, &is, &c));
	memset(&d, 0, sizeof d);
	strcpy(d.date, "2026-06-01");
	tu_ok(hane_cl_line_parse(&d.lines[0], "çocuk:10"));
	d.nlines = 1;
	tu_ok(hane_clothing_donate(db, &d));

	assert_int_equal(q(db, "SELECT sum(n) FROM ov_tally"
			       " WHERE measure = 'clothing.issues'"),
			 3);
	assert_int_equal(q(db, "SELECT sum(n) FROM ov_tally"
			       " WHERE measure = 'clothing.items'"),
			 6);
	assert_int_equal(q(db, "SELECT n FROM ov_tally"
			       " WHERE measure = 'clothing.items.adult'"
			       " AND month = '2026-06'"),
			 3);
	assert_int_equal(q(db, "SELECT count(*) FROM ov_served"
			       " WHERE measure = 'clothing.persons'"
			       " AND year = 2026"),
			 2);
	assert_int_equal(q(db, "SELECT count(*) FROM ov_served"
			       " WHERE measure = 'all.households'"
			       " AND year = 2026"),
			 2);
	assert_int_equal(q(db, "SELECT sum(n) FROM ov_tally"
			       " WHERE measure = 'clothing.donated_items'"),
			 10);
	/* The annual report's figures agree with the rows, and so do they
	 * after the totals are counted again from the rows. */
	{
		int differ = -1;
		int64_t v = 0;

		tu_ok(hane_overview_verify(db, 2026, NULL, NULL, &differ));
		assert_int_equal(differ, 0);
		tu_ok(hane_overview_figure(db, 2026, "clothing.persons", &v));
		assert_int_equal(v, 2);
		tu_ok(hane_overview_figure(db, 2026, "clothing.items.shoes",
					   &v));
		assert_int_equal(v, 1);
		tu_ok(hane_overview_rebuild(db));
		tu_ok(hane_overview_verify(db, 2026, NULL, NULL, &differ));
		assert_int_equal(differ, 0);
		tu_ok(hane_overview_figure(db, 2026, "all.households", &v));
		assert_int_equal(v, 2);
		tu_ok(hane_overview_figure(db, 2026, "clothing.items", &v));
		assert_int_equal(v, 6);
		tu_ok(hane_overview_figure(db, 2026, "clothing.donated_items",
					   &v));
		assert_int_equal(v, 10);
	}
	/* Rows changed with the sqlite3 tool keep them right: a date
	 * moved, an issue and a donation deleted. */
	tu_ok(hane_store_exec(db, "UPDATE clothing_issue SET date = "
				  "'2026-07-01' WHERE person_id = (SELECT "
				  "max(person_id) FROM clothing_issue)"));
	assert_int_equal(q(db, "SELECT n FROM ov_tally"
			       " WHERE measure = 'clothing.items.adult'"
			       " AND month = '2026-06'"),
			 1);
	tu_ok(hane_store_exec(db, "DELETE FROM clothing_issue"
				  " WHERE date = '2026-05-10'"));
	tu_ok(hane_store_exec(db, "DELETE FROM clothing_donation"));
	assert_int_equal(q(db, "SELECT sum(n) FROM ov_tally"
			       " WHERE measure = 'clothing.items'"),
			 3);
	assert_int_equal(q(db, "SELECT sum(n) FROM ov_tally"
			       " WHERE measure = 'clothing.items.child'"),
			 0);
	assert_int_equal(q(db, "SELECT sum(n) FROM ov_tally"
			       " WHERE measure = 'clothing.donated_items'"),
			 0);
	assert_int_equal(q(db, "SELECT count(*) FROM ov_served"
			       " WHERE measure = 'clothing.persons'"),
			 2);
	tu_ok(hane_store_exec(db, "DELETE FROM clothing_issue"));
	assert_int_equal(q(db, "SELECT count(*) FROM ov_served"
			       " WHERE measure LIKE 'clothing.%'"
			       " OR measure = 'all.households'"),
			 0);

	/* Retention and merge walk the registry: they see the person. */
	def = hane_record_by_table("clothing_issue");
	assert_non_null(def);
	assert_true(hane_record_field(def, "person_id")->flags &
		    HANE_FF_PERSON_REF);
	assert_true(hane_record_field(def, "override_reason")->flags &
		    HANE_FF_PERSONAL);
	def = hane_record_by_table("clothing_donation");
	assert_non_null(def);
	assert_true(hane_record_field(def, "donor")->flags & HANE_FF_PERSONAL);
	assert_non_null(hane_record_by_table("clothing_referral"));
	hane_store_close(db);
}

/* ---- Retention and merge see the unit's person references ---------------- */

static int due_item(const struct hane_retention_item *it, void *arg)
{
	*(int64_t *)arg = it->person_id;
	return 0;
}

static void test_retention_and_merge(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t pa, pb, pc, pq, ha = make_household(db, 21, &pa);
	int64_t hb = make_household(db, 22, &pb),
		hq = make_household(db, 24, &pq);
	struct hane_ov_merge_plan plan;
	struct hane_person a, b;
	struct hane_cl_referral r = {0};
	struct hane_cl_issue is;
	struct hane_cl_check c;
	int64_t merge_id = 0, due = 0;
	int n = -1, differ = -1;
	char sql[160];

	(void)state;
	(void)make_household(db, 23, &pc);
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	refer(db, hq);
	/* a's household: referred to the end of January 2028. */
	r.household_id = ha;
	strcpy(r.reason, "Kış dönemi");
	strcpy(r.valid_from, "2026-01-01");
	strcpy(r.valid_until, "2028-01-31");
	tu_ok(hane_clothing_refer(db, &r));
	memset(&r, 0, sizeof r);
	/* b's household: a clothing referral open-ended, nothing else. */
	r.household_id = hb;
	strcpy(r.reason, "Süresiz");
	tu_ok(hane_clothing_refer(db, &r));
	/* a: clothes in 2028. */
	setenv("HANE_NOW", "2028-01-10 10:00:00", 1);
	is = issue(pa, "2028-01-10", "yetişkin:1");
	tu_ok(hane_clothing_issue(db, &is, &c));
	/* 2031-07, five years after the 2026 rows: a was served in 2028,
	 * b's and q's households have open-ended clothing referrals (still
	 * running); c, with nothing at all, is the only one due. */
	setenv("HANE_NOW", "2031-07-01 10:00:00", 1);
	tu_ok(hane_retention_run(db, true, due_item, &due, &n));
	assert_int_equal(n, 1);
	assert_int_equal(due, pc);
	/* 2033-02: five years after a's issue and her referral's end too
	 * (the issue's lines are dated, so an issue is not service for
	 * ever): a is due as well. */
	setenv("HANE_NOW", "2033-02-01 10:00:00", 1);
	tu_ok(hane_retention_run(db, true, NULL, NULL, &n));
	assert_int_equal(n, 2);

	/* A merge moves the person's issues, and the totals follow. */
	setenv("HANE_NOW", NOW, 1);
	is = issue(pq, "2026-06-20", "çocuk:2");
	tu_ok(hane_clothing_issue(db, &is, &c));
	tu_ok(hane_person_get(db, pa, &a));
	tu_ok(hane_person_get(db, pq, &b));
	hane_overview_merge_defaults(&a, &b, &plan);
	tu_ok(hane_overview_merge(db, pa, pq, &plan, &merge_id));
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM clothing_issue WHERE person_id = %lld",
		 (long long)pa);
	assert_int_equal(q(db, sql), 2);
	tu_ok(hane_overview_verify(db, 2026, NULL, NULL, &differ));
	assert_int_equal(differ, 0);
	tu_ok(hane_overview_merge_undo(db, merge_id));
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM clothing_issue WHERE person_id = %lld",
		 (long long)pq);
	assert_int_equal(q(db, sql), 1);
	tu_ok(hane_overview_verify(db, 2026, NULL, NULL, &differ));
	assert_int_equal(differ, 0);
	hane_store_close(db);
}

/* ---- The demo year -------------------------------------------------------------- */

static int stock_never_negative(const struct hane_cl_stock_row *r, void *arg)
{
	if (r->in < r->out)
		(*(int *)arg)++;
	return 0;
}

static void test_demo_year(void **state)
{
	hane_db *db = tu_open_demo(NULL);
	struct hane_ov_demo_counts c;
	int differ = -1, negative = 0;
	int64_t v = 0;

	(void)state;
	/* Through the unit's own rules: 1,973 persons at 1.0, so 99 at
	 * 0.05 (rounded), every one of them eligible on the day. */
	tu_ok(hane_overview_demo_year_units(
		db, 2025, 0.05, 7, 1u << HANE_OV_CLOTHING, &c, NULL, NULL));
	assert_string_equal(c.missing, "");
	assert_int_equal(c.clothing_persons, 99);
	assert_true(c.clothing_issues > c.clothing_persons);
	assert_true(c.clothing_donations >= 52);
	tu_ok(hane_overview_figure(db, 2025, "clothing.persons", &v));
	assert_int_equal(v, 99);
	tu_ok(hane_overview_figure(db, 2025, "clothing.issues", &v));
	assert_int_equal(v, c.clothing_issues);
	tu_ok(hane_overview_verify(db, 2025, NULL, NULL, &differ));
	assert_int_equal(differ, 0);
	/* What came in covers what went out, category by category. */
	tu_ok(hane_clothing_stock(db, stock_never_negative, &negative));
	assert_int_equal(negative, 0);
	/* Every issue names what made the person eligible. */
	assert_int_equal(q(db, "SELECT count(*) FROM clothing_issue"
			       " WHERE source NOT IN ('foodbank',"
			       " 'inspection', 'clothing')"),
			 0);
	hane_store_close(db);
}

/* A rule's refusal inside the year's transaction skips that issue and
 * never dooms the year: with a 12-month period the persons who come back
 * in the other season meet their own first issue's limits (shoes 1/1),
 * as a second season inside the same 6-month period did at 10×. */
static void test_demo_year_refusals_skip(void **state)
{
	hane_db *db = tu_open_demo(NULL);
	struct hane_ov_demo_counts c;
	int64_t limited = 0;

	(void)state;
	tu_ok(hane_clothing_period_set(db, 12));
	tu_ok(hane_overview_demo_year_units(
		db, 2025, 0.05, 7, 1u << HANE_OV_CLOTHING, &c, NULL, NULL));
	assert_string_equal(c.missing, "");
	assert_int_equal(c.clothing_persons, 99);
	/* No one got more shoes in the period than the limit allows. */
	limited = q(db, "SELECT count(*) FROM (SELECT i.person_id"
			" FROM clothing_issue i"
			" JOIN clothing_issue_line l ON l.issue_id = i.id"
			" JOIN clothing_category k ON k.id = l.category_id"
			" WHERE k.code = 'shoes'"
			" GROUP BY i.person_id HAVING sum(l.qty) > 1)");
	assert_int_equal(limited, 0);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_and_lines),
		cmocka_unit_test(test_categories),
		cmocka_unit_test(test_eligibility_three_sources),
		cmocka_unit_test(test_limit_explains_and_override_is_audited),
		cmocka_unit_test(test_donations_stock_and_lists),
		cmocka_unit_test(test_running_totals),
		cmocka_unit_test(test_retention_and_merge),
		cmocka_unit_test(test_demo_year_refusals_skip),
		cmocka_unit_test(test_demo_year),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
