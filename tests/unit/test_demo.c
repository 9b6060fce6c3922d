/* Unit tests of the demo data generator (src/units/households/demo.c). */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "hane/core.h"
#include "hane/households.h"

#define N_HOUSEHOLDS 1000

static hane_db *big; /* N_HOUSEHOLDS households, seed 1 */
static int64_t progress_done, progress_total;
static int progress_calls;

static void on_progress(int64_t done, int64_t total, void *arg)
{
	int *marker = arg;

	assert_int_equal(*marker, 4711);
	assert_true(done > progress_done);
	progress_done = done;
	progress_total = total;
	progress_calls++;
}

static int64_t query_int(hane_db *db, const char *sql)
{
	int64_t v = -1;

	tu_ok(hane_store_query_int(db, &v, sql, NULL, 0));
	return v;
}

static int setup(void **state)
{
	int marker = 4711;

	big = tu_open_demo(NULL);
	tu_ok(hane_demo_generate(big, N_HOUSEHOLDS, 1, on_progress, &marker));
	return 0;
}

static int teardown(void **state)
{
	hane_store_close(big);
	return 0;
}

static void test_demo_counts(void **state)
{
	int64_t persons = query_int(big, "SELECT count(*) FROM person");

	assert_int_equal(query_int(big, "SELECT count(*) FROM household"),
			 N_HOUSEHOLDS);
	/* mean household size about 3.2 */
	assert_true(persons > N_HOUSEHOLDS * 29 / 10);
	assert_true(persons < N_HOUSEHOLDS * 35 / 10);
	assert_int_equal(query_int(big, "SELECT min(n) FROM (SELECT count(*)"
					" n FROM person GROUP BY"
					" household_id)"),
			 1);
	assert_int_equal(query_int(big, "SELECT max(n) FROM (SELECT count(*)"
					" n FROM person GROUP BY"
					" household_id)"),
			 8);
	/* progress: once a batch, ending with everything done */
	assert_int_equal(progress_done, N_HOUSEHOLDS);
	assert_int_equal(progress_total, N_HOUSEHOLDS);
	assert_int_equal(progress_calls, 1);
}

static void test_demo_persons_valid(void **state)
{
	hane_stmt *st = NULL;
	int64_t ids[8192];
	size_t n = 0;
	int rc;

	tu_ok(hane_stmt_prepare(big, &st, "SELECT id FROM person ORDER BY id"));
	while ((rc = hane_stmt_step(st)) == HANE_ROW && n < 8192)
		ids[n++] = hane_stmt_int(st, 0);
	hane_stmt_finalize(st);
	assert_true(rc >= 0);
	assert_true(n > 0 && n < 8192);
	for (size_t i = 0; i < n; i++) {
		struct hane_person p;

		tu_ok(hane_person_get(big, ids[i], &p));
		tu_ok(hane_person_validate(&p));
		assert_true(hane_relation_valid(p.relation));
		assert_true(strcmp(p.sex, "K") == 0 || strcmp(p.sex, "E") == 0);
		assert_int_equal(strlen(p.birth_date), HANE_DATE_LEN);
		if (p.tckn[0]) {
			assert_true(hane_tckn_valid(p.tckn));
			/* synthetic range: 9, never the foreign 99 */
			assert_int_equal(p.tckn[0], '9');
			assert_true(p.tckn[1] != '9');
		} else {
			/* only newborns may lack a number */
			assert_int_equal(
				hane_date_age(p.birth_date, "2024-12-31"), 0);
		}
	}
	assert_int_equal(query_int(big, "SELECT count(tckn) -"
					" count(DISTINCT tckn) FROM person"),
			 0);
	assert_true(query_int(big, "SELECT count(tckn) FROM person") >
		    (int64_t)n * 95 / 100);
}

static void test_demo_families(void **state)
{
	/* exactly one head, and it is the household's head_id */
	assert_int_equal(query_int(big, "SELECT count(*) FROM household h"
					" WHERE (SELECT count(*) FROM person p"
					" WHERE p.household_id = h.id AND"
					" p.relation = 'head') <> 1"),
			 0);
	assert_int_equal(query_int(big, "SELECT count(*) FROM household h"
					" JOIN person p ON p.id = h.head_id"
					" WHERE p.relation <> 'head' OR"
					" p.household_id <> h.id"),
			 0);
	/* at most one spouse, of the other sex */
	assert_int_equal(query_int(big, "SELECT count(*) FROM (SELECT"
					" household_id FROM person WHERE"
					" relation = 'spouse' GROUP BY"
					" household_id HAVING count(*) > 1)"),
			 0);
	assert_int_equal(query_int(big, "SELECT count(*) FROM person s JOIN"
					" household h ON h.id = s.household_id"
					" JOIN person p ON p.id = h.head_id"
					" WHERE s.relation = 'spouse' AND"
					" s.sex = p.sex"),
			 0);
	/* children and grandchildren are younger than the head, parents
	 * older */
	assert_int_equal(query_int(big, "SELECT count(*) FROM person c JOIN"
					" household h ON h.id = c.household_id"
					" JOIN person p ON p.id = h.head_id"
					" WHERE (c.relation IN ('child',"
					" 'grandchild') AND c.birth_date <="
					" p.birth_date) OR (c.relation ="
					" 'parent' AND c.birth_date >="
					" p.birth_date)"),
			 0);
	assert_true(query_int(big, "SELECT count(*) FROM person WHERE"
				   " relation = 'child'") > N_HOUSEHOLDS / 2);
	assert_true(query_int(big, "SELECT count(*) FROM person WHERE"
				   " relation = 'spouse'") > N_HOUSEHOLDS / 3);
	assert_true(query_int(big, "SELECT count(*) FROM person WHERE"
				   " relation = 'parent'") > 0);
}

static void test_demo_fields(void **state)
{
	int64_t persons = query_int(big, "SELECT count(*) FROM person");
	int64_t disabled = query_int(big, "SELECT count(*) FROM person WHERE"
					  " disability_pct >= 40");

	/* about 8 in 100 with a disability of 40-100 % */
	assert_true(disabled * 100 > persons * 5);
	assert_true(disabled * 100 < persons * 12);
	assert_int_equal(query_int(big, "SELECT count(*) FROM person WHERE"
					" disability_pct BETWEEN 1 AND 39"),
			 0);
	assert_true(query_int(big, "SELECT count(*) FROM person WHERE"
				   " chronic_illness IS NOT NULL") > 0);
	assert_true(query_int(big, "SELECT count(*) FROM person WHERE"
				   " phone LIKE '+905%'") > persons / 4);
	assert_true(query_int(big, "SELECT count(*) FROM household WHERE"
				   " income_kurus IS NULL") > 0);
	assert_true(query_int(big, "SELECT count(*) FROM household WHERE"
				   " income_kurus > 0") > N_HOUSEHOLDS / 2);
	assert_int_equal(query_int(big, "SELECT count(*) FROM household WHERE"
					" mahalle IS NULL OR street IS NULL"),
			 0);
	/* spread over many mahalleler */
	assert_true(query_int(big, "SELECT count(DISTINCT mahalle) FROM"
				   " household") > 50);
	/* Turkish letters in names */
	assert_true(query_int(big, "SELECT count(*) FROM person WHERE"
				   " first_name LIKE '%ş%' OR last_name LIKE"
				   " '%ı%'") > 0);
}

/* Everything a person row holds, as one comparable line. */
static void person_line(hane_db *db, int64_t id, char *out, size_t outsz)
{
	struct hane_person p;

	tu_ok(hane_person_get(db, id, &p));
	snprintf(out, outsz, "%lld|%s|%s|%s|%s|%s|%s|%d|%s|%s",
		 (long long)p.household_id, p.tckn, p.first_name, p.last_name,
		 p.birth_date, p.sex, p.relation, p.disability_pct,
		 p.chronic_illness, p.phone);
}

static void household_line(hane_db *db, int64_t id, char *out, size_t outsz)
{
	struct hane_household h;

	tu_ok(hane_household_get(db, id, &h));
	snprintf(out, outsz, "%s|%s|%s|%s|%s|%lld|%s|%d", h.mahalle, h.street,
		 h.building, h.door, h.phone, (long long)h.income_kurus,
		 h.status, h.members);
}

static void test_demo_deterministic(void **state)
{
	hane_db *a = tu_open_demo(NULL), *b = tu_open_demo(NULL),
		*c = tu_open_demo(NULL);
	hane_db *d = tu_open_demo(NULL);
	char la[1024], lb[1024];
	int64_t n;

	tu_ok(hane_demo_generate(a, 60, 42, NULL, NULL));
	tu_ok(hane_demo_generate(b, 60, 42, NULL, NULL));
	tu_ok(hane_demo_generate(c, 60, 43, NULL, NULL));
	tu_ok(hane_demo_generate(d, 20, 42, NULL, NULL));
	n = query_int(a, "SELECT count(*) FROM person");
	assert_int_equal(query_int(b, "SELECT count(*) FROM person"), n);
	for (int64_t id = 1; id <= n; id++) {
		person_line(a, id, la, sizeof la);
		person_line(b, id, lb, sizeof lb);
		assert_string_equal(la, lb);
	}
	for (int64_t id = 1; id <= 60; id++) {
		household_line(a, id, la, sizeof la);
		household_line(b, id, lb, sizeof lb);
		assert_string_equal(la, lb);
	}
	/* fewer households: the same first ones */
	n = query_int(d, "SELECT count(*) FROM person");
	for (int64_t id = 1; id <= n; id++) {
		person_line(a, id, la, sizeof la);
		person_line(d, id, lb, sizeof lb);
		assert_string_equal(la, lb);
	}
	/* another seed: other people */
	person_line(a, 1, la, sizeof la);
	person_line(c, 1, lb, sizeof lb);
	assert_string_not_equal(la, lb);
	hane_store_close(a);
	hane_store_close(b);
	hane_store_close(c);
	hane_store_close(d);
}

static void test_demo_edges(void **state)
{
	hane_db *db = tu_open_demo(NULL);

	tu_ok(hane_demo_generate(db, 0, 5, NULL, NULL));
	assert_int_equal(query_int(db, "SELECT count(*) FROM household"), 0);
	assert_int_equal(hane_demo_generate(db, -1, 5, NULL, NULL),
			 HANE_EINVAL);
	/* the same seed again (a second hane demo, or demo-year after it)
	 * adds households: the numbers the first run gave are passed over
	 * (until 3 December 2026 it was refused at the first one) */
	tu_ok(hane_demo_generate(db, 3, 5, NULL, NULL));
	tu_ok(hane_demo_generate(db, 3, 5, NULL, NULL));
	assert_int_equal(query_int(db, "SELECT count(*) FROM household"), 6);
	assert_int_equal(query_int(db, "SELECT count(tckn) - count(DISTINCT"
				       " tckn) FROM person"),
			 0);
	assert_true(query_int(db, "SELECT count(tckn) FROM person") >= 6);
	assert_int_equal(hane_store_depth(db), 0);
	hane_store_close(db);
}

/* #16: generated people go only into a database made by `hane init
 * --demo`, by its administrator, and the actor never changes. */
static void test_demo_only_on_demo_db(void **state)
{
	hane_db *db = tu_open(NULL), *demo = tu_open_demo(NULL);

	(void)state;
	assert_int_equal(hane_demo_generate(db, 3, 5, NULL, NULL), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "init --demo"));
	assert_int_equal(query_int(db, "SELECT count(*) FROM household"), 0);
	assert_false(hane_store_is_demo(db));
	/* only a new database becomes a demo */
	tu_ok(hane_demo_generate(demo, 2, 5, NULL, NULL));
	assert_int_equal(hane_store_mark_demo(demo), HANE_EEXIST);
	assert_true(hane_store_is_demo(demo));
	/* a reporter may not fill even a demo */
	tu_staff(demo, "rep", "R", "reporter", NULL);
	tu_ok(hane_store_set_actor(demo, "rep"));
	assert_int_equal(hane_demo_generate(demo, 2, 6, NULL, NULL),
			 HANE_EPERM);
	assert_string_equal(hane_store_actor(demo)->username, "rep");
	assert_int_equal(query_int(demo, "SELECT count(*) FROM household"), 2);
	hane_store_close(db);
	hane_store_close(demo);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_counts),
		cmocka_unit_test(test_demo_only_on_demo_db),
		cmocka_unit_test(test_demo_persons_valid),
		cmocka_unit_test(test_demo_families),
		cmocka_unit_test(test_demo_fields),
		cmocka_unit_test(test_demo_deterministic),
		cmocka_unit_test(test_demo_edges),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
