/* Home care reports on a fixture whose numbers are checked by hand:
 * homecare-monthly (June 2026) and homecare-clients (20 June 2026). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/homecare.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/reports.h"

static uint64_t serial = 700;

static int64_t client(hane_db *db, const char *first, const char *last,
		      const char *services, const char *start)
{
	struct hane_household h;
	struct hane_person p;
	struct hane_homecare_client c;
	int64_t pid = 0, id = 0;

	hane_household_init(&h);
	hane_person_init(&p);
	strcpy(h.mahalle, "Kozluk");
	snprintf(p.first_name, sizeof p.first_name, "%s", first);
	snprintf(p.last_name, sizeof p.last_name, "%s", last);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(serial++));
	tu_ok(hane_household_create(db, &h, &p, NULL, &pid, NULL));
	hane_homecare_client_init(&c);
	c.person_id = pid;
	snprintf(c.services, sizeof c.services, "%s", services);
	snprintf(c.start_date, sizeof c.start_date, "%s", start);
	tu_ok(hane_homecare_client_add(db, &c, &id));
	return id;
}

static int64_t worker(hane_db *db, const char *name, const char *services)
{
	struct hane_homecare_worker w;
	int64_t id = 0;

	hane_homecare_worker_init(&w);
	snprintf(w.name, sizeof w.name, "%s", name);
	snprintf(w.services, sizeof w.services, "%s", services);
	tu_ok(hane_homecare_worker_add(db, &w, &id));
	return id;
}

static int64_t visit(hane_db *db, int64_t c, int64_t w, const char *service,
		     const char *date, const char *start, const char *end)
{
	struct hane_homecare_visit v;
	int64_t id = 0;

	memset(&v, 0, sizeof v);
	v.client_id = c;
	v.worker_id = w;
	snprintf(v.service, sizeof v.service, "%s", service);
	snprintf(v.date, sizeof v.date, "%s", date);
	snprintf(v.start_time, sizeof v.start_time, "%s", start);
	snprintf(v.end_time, sizeof v.end_time, "%s", end);
	tu_ok(hane_homecare_visit_add(db, &v, &id));
	return id;
}

static int64_t version(hane_db *db, int64_t id)
{
	struct hane_homecare_visit v;

	tu_ok(hane_homecare_visit_get(db, id, &v));
	return v.version;
}

static void done(hane_db *db, int64_t id, const char *s, const char *e)
{
	tu_ok(hane_homecare_visit_done(db, id, version(db, id), s, e, "", ""));
}

static void missed(hane_db *db, int64_t id, const char *reason)
{
	tu_ok(hane_homecare_visit_missed(db, id, version(db, id), reason, ""));
}

static hane_db *fixture(void)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_plan p;
	struct hane_homecare_client c;
	int64_t a, b, c1, c2, c3, c4, v, nv = 0;

	a = worker(db, "Zeynep Kara", "care");
	b = worker(db, "Ekip 1", "cleaning");
	c1 = client(db, "Ali", "Demir", "both", "2026-05-01");
	c2 = client(db, "Berna", "Ekin", "care", "2026-06-10");
	c3 = client(db, "Cemal", "Fidan", "care", "2026-04-01");
	c4 = client(db, "Derya", "Gül", "cleaning", "2026-06-01");

	/* Not in June: another month, and a client ended in May. */
	done(db, visit(db, c1, a, "care", "2026-05-22", "09:00", "10:00"), "",
	     "");
	done(db, visit(db, c3, a, "care", "2026-05-15", "09:00", "10:00"), "",
	     "");
	tu_ok(hane_homecare_client_get(db, c3, &c));
	tu_ok(hane_homecare_client_end(db, c3, c.version, "2026-05-20", "death",
				       NULL));

	/* Care by Zeynep: 4 done (90 + 60 + 45 + 60 min), 1 not at home,
	 * 1 refused; a cancelled and a rescheduled one do not count. */
	done(db, visit(db, c1, a, "care", "2026-06-01", "09:00", "10:00"),
	     "09:00", "10:30");
	done(db, visit(db, c1, a, "care", "2026-06-03", "09:00", "10:00"), "",
	     "");
	missed(db, visit(db, c1, a, "care", "2026-06-05", "09:00", "10:00"),
	       "client_absent");
	done(db, visit(db, c2, a, "care", "2026-06-11", "11:00", "11:45"), "",
	     "");
	v = visit(db, c2, a, "care", "2026-06-12", "11:00", "12:00");
	missed(db, v, "refused");
	tu_ok(hane_homecare_followup_close(db, v, version(db, v), "arandı"));
	visit(db, c2, 0, "care", "2026-06-15", "11:00", "12:00");
	v = visit(db, c1, a, "care", "2026-06-22", "09:00", "10:00");
	tu_ok(hane_homecare_visit_cancel(db, v, version(db, v), "hastane"));
	v = visit(db, c1, a, "care", "2026-06-24", "09:00", "10:00");
	tu_ok(hane_homecare_visit_move(db, v, version(db, v), "2026-06-25",
				       NULL, -1, &nv));
	done(db, nv, "", "");
	visit(db, c1, a, "care", "2026-06-29", "09:00", "10:00");

	/* Cleaning by Ekip 1: 1 done (120 min), 1 staff absent. */
	done(db, visit(db, c1, b, "cleaning", "2026-06-16", "10:00", "12:00"),
	     "", "");
	missed(db, visit(db, c4, b, "cleaning", "2026-06-17", "10:00", "12:00"),
	       "staff_absent");
	tu_ok(hane_homecare_client_get(db, c4, &c));
	tu_ok(hane_homecare_client_end(db, c4, c.version, "2026-06-20", "moved",
				       NULL));

	hane_homecare_plan_init(&p);
	p.client_id = c1;
	p.visits = 2;
	strcpy(p.days, "14");
	strcpy(p.valid_from, "2026-06-01");
	tu_ok(hane_homecare_plan_add(db, &p, NULL));
	return db;
}

static struct hane_report_table *run(hane_db *db, const char *name,
				     const char *param, const char *value)
{
	struct hane_report r;
	struct hane_report_arg arg = {param, value};
	struct hane_report_table *t = NULL;

	tu_ok(hane_report_find(name, &r));
	tu_ok(hane_report_run(db, &r, &arg, 1, &t));
	return t;
}

static void expect_row(const struct hane_report_table *t, size_t row,
		       const char *const *want)
{
	for (int c = 0; c < t->ncols; c++)
		if (strcmp(hane_report_cell(t, row, c), want[c]) != 0)
			fail_msg("row %zu col %d: '%s', want '%s'", row, c,
				 hane_report_cell(t, row, c), want[c]);
}

static void test_monthly(void **state)
{
	hane_db *db;
	struct hane_report_table *t;

	(void)state;
	setenv("HANE_NOW", "2026-07-01 09:00:00", 1);
	db = fixture();
	t = run(db, "homecare-monthly", "month", "2026-06");
	assert_int_equal(t->nrows, 3);
	assert_true(t->has_total);
	expect_row(t, 0,
		   (const char *const[]){"Bakım", "Zeynep Kara", "2", "2", "4",
					 "1", "1", "0", "4.25"});
	expect_row(t, 1,
		   (const char *const[]){"Temizlik", "Ekip 1", "2", "1", "1",
					 "0", "0", "1", "2.0"});
	expect_row(t, 2,
		   (const char *const[]){"Toplam", "", "", "", "5", "1", "1",
					 "1", "6.25"});
	hane_report_table_free(t);

	/* A month with active clients and no visits still shows them. */
	t = run(db, "homecare-monthly", "month", "2026-07");
	assert_int_equal(t->nrows, 3); /* Derya's cleaning ended in June */
	expect_row(t, 0,
		   (const char *const[]){"Bakım", "-", "2", "0", "0", "0", "0",
					 "0", "0"});
	expect_row(t, 1,
		   (const char *const[]){"Temizlik", "-", "1", "0", "0", "0",
					 "0", "0", "0"});
	hane_report_table_free(t);
	hane_store_close(db);
}

static void test_clients(void **state)
{
	hane_db *db;
	struct hane_report_table *t;

	(void)state;
	setenv("HANE_NOW", "2026-07-01 09:00:00", 1);
	db = fixture();
	t = run(db, "homecare-clients", "on", "20.06.2026");
	/* Ali, Berna, Derya (ends that day); not Cemal. */
	assert_int_equal(t->nrows, 4);
	expect_row(t, 0,
		   (const char *const[]){
			   "1", "Ali Demir", "Kozluk", "Bakım ve temizlik", "",
			   "Bakım 2/hafta Pzt,Per 09:00-12:00", "2026-05-01",
			   "2026-06-16", "2026-06-29", "1"});
	expect_row(t, 1,
		   (const char *const[]){"2", "Berna Ekin", "Kozluk", "Bakım",
					 "", "-", "2026-06-10", "2026-06-11",
					 "-", "0"});
	assert_string_equal(hane_report_cell(t, 2, 1), "Derya Gül");
	assert_string_equal(hane_report_cell(t, 2, 9), "1");
	assert_string_equal(hane_report_cell(t, 3, 9), "2"); /* total */
	hane_report_table_free(t);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_monthly),
		cmocka_unit_test(test_clients),
	};

	hane_lang_set(HANE_LANG_TR);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
