/* The report engine: header parsing, parameters, totals, the embedded
 * reports, and households-monthly against known data. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/csvio.h"
#include "hane/embed.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/reports.h"
#include "hane/staff.h"

static void test_parse(void **state)
{
	struct hane_report r;

	tu_ok(hane_report_parse(&r, "-- name: demo\n"
				    "-- title: Deneme | Demo\n"
				    "-- needs: household.read\n"
				    "-- a line of prose: ignored\n"
				    "-- param: month month | Ay | Month\n"
				    "-- column: a text | A | A en\n"
				    "-- column: n number sum | Sayı\n"
				    "\n"
				    "SELECT 'x', 1;\n"));
	assert_string_equal(r.name, "demo");
	assert_string_equal(r.title[1], "Demo");
	assert_int_equal(r.nparams, 1);
	assert_string_equal(r.params[0].type, "month");
	assert_int_equal(r.ncols, 2);
	assert_true(r.cols[1].sum);
	assert_int_equal(r.cols[1].kind, HANE_REPORT_NUMBER);
	assert_string_equal(r.cols[1].title[1], "Sayı");
	assert_string_equal(r.total[0], "Toplam");
	assert_string_equal(r.sql, "SELECT 'x', 1;\n");
	assert_int_equal(r.needs, HANE_ACT_HOUSEHOLD_READ);
	/* The permission a report needs is required and must exist. */
	assert_int_equal(hane_report_parse(&r, "-- name: x\n-- title: x\n"
					       "-- column: a text|A\nSELECT 1"),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "needs"));
	assert_int_equal(hane_report_parse(&r, "-- name: x\n-- title: x\n"
					       "-- needs: everything\n"
					       "-- column: a text|A\nSELECT 1"),
			 HANE_EINVAL);

	assert_int_equal(hane_report_parse(&r, "-- title: x\n-- column: a "
					       "text|A\nSELECT 1"),
			 HANE_EINVAL);
	assert_int_equal(hane_report_parse(&r, "-- name: x\n-- title: x\n"
					       "-- column: a blob|A\nSELECT 1"),
			 HANE_EINVAL);
	assert_int_equal(hane_report_parse(&r, "-- name: x\n-- title: x\n"
					       "-- column: a text sum|A\n"
					       "SELECT 1"),
			 HANE_EINVAL);
	assert_int_equal(hane_report_parse(&r, "-- name: x\n-- title: x\n"
					       "-- column: a text|A\n"),
			 HANE_EINVAL);
}

/* Every report shipped parses, names itself as its file does, and runs
 * on an empty database. */
static void test_embedded_reports_run(void **state)
{
	hane_db *db = tu_open(NULL);
	size_t i, n = hane_report_count();

	assert_true(n >= 1);
	for (i = 0; i < n; i++) {
		struct hane_report r;
		struct hane_report_arg args[HANE_REPORT_PARAMS_MAX];
		struct hane_report_table *t = NULL;
		char file[80];

		tu_ok(hane_report_at(i, &r));
		snprintf(file, sizeof file, "%s.sql", r.name);
		assert_string_equal(file, hane_embedded_reports[i].name);
		for (int p = 0; p < r.nparams; p++) {
			args[p].name = r.params[p].name;
			args[p].value =
				!strcmp(r.params[p].type, "month")  ? "2026-06"
				: !strcmp(r.params[p].type, "year") ? "2026"
				: !strcmp(r.params[p].type, "date")
					? "01.06.2026"
					: "x";
		}
		tu_ok(hane_report_run(db, &r, args, (size_t)r.nparams, &t));
		assert_int_equal(t->ncols, r.ncols);
		hane_report_table_free(t);
	}
	hane_store_close(db);
}

static void add_household(hane_db *db, const char *now, const char *mahalle,
			  uint64_t k, int members, int64_t *hid)
{
	struct hane_household h;
	struct hane_person p;

	setenv("HANE_NOW", now, 1);
	hane_household_init(&h);
	snprintf(h.mahalle, sizeof h.mahalle, "%s", mahalle);
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(k));
	strcpy(p.first_name, "Ad");
	strcpy(p.last_name, "Soyad");
	tu_ok(hane_household_create(db, &h, &p, hid, NULL, NULL));
	for (int i = 1; i < members; i++) {
		hane_person_init(&p);
		snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(k + (uint64_t)i));
		strcpy(p.first_name, "Üye");
		strcpy(p.last_name, "Soyad");
		strcpy(p.relation, "child");
		p.household_id = *hid;
		tu_ok(hane_person_add(db, &p, NULL, NULL));
	}
}

static void test_households_monthly(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_report r;
	struct hane_report_table *t = NULL;
	struct hane_report_arg a = {"month", "2026-06"};
	struct hane_person p;
	int64_t may, x;
	char *csv = NULL;
	size_t len = 0;
	FILE *fp;

	add_household(db, "2026-05-31 23:59:59", "Serdar", 100, 1, &may);
	add_household(db, "2026-06-01 00:00:00", "Gündoğdu", 200, 2, &x);
	add_household(db, "2026-06-30 23:59:59", "Gündoğdu", 300, 1, &x);
	add_household(db, "2026-06-10 12:00:00", "Serdar", 400, 1, &x);
	add_household(db, "2026-07-01 00:00:00", "Serdar", 500, 1, &x);
	/* a June member of the May household counts as a June person */
	setenv("HANE_NOW", "2026-06-05 09:00:00", 1);
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(600));
	strcpy(p.first_name, "Yeni");
	strcpy(p.last_name, "Üye");
	strcpy(p.relation, "spouse");
	p.household_id = may;
	tu_ok(hane_person_add(db, &p, NULL, NULL));

	tu_ok(hane_report_find("households-monthly", &r));
	tu_ok(hane_report_run(db, &r, &a, 1, &t));
	assert_int_equal(t->nrows, 3);
	assert_true(t->has_total);
	assert_string_equal(hane_report_cell(t, 0, 0), "Gündoğdu");
	assert_string_equal(hane_report_cell(t, 0, 1), "2");
	assert_string_equal(hane_report_cell(t, 0, 2), "3");
	assert_string_equal(hane_report_cell(t, 1, 0), "Serdar");
	assert_string_equal(hane_report_cell(t, 1, 1), "1");
	assert_string_equal(hane_report_cell(t, 1, 2), "2");
	assert_string_equal(hane_report_cell(t, 2, 0), "Toplam");
	assert_string_equal(hane_report_cell(t, 2, 1), "3");
	assert_string_equal(hane_report_cell(t, 2, 2), "5");

	fp = open_memstream(&csv, &len);
	tu_ok(hane_report_write_csv(&r, t, fp, HANE_CSV_EXCEL));
	fclose(fp);
	assert_string_equal(csv, "\xEF\xBB\xBFMahalle;Yeni hane;Yeni kişi\r\n"
				 "Gündoğdu;2;3\r\nSerdar;1;2\r\n"
				 "Toplam;3;5\r\n");
	free(csv);
	hane_report_table_free(t);

	/* "06.2026" is the same month */
	a.value = "06.2026";
	tu_ok(hane_report_run(db, &r, &a, 1, &t));
	assert_int_equal(t->nrows, 3);
	hane_report_table_free(t);
	hane_store_close(db);
}

static void test_params(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_report r;
	struct hane_report_table *t = NULL;
	struct hane_report_arg a = {"month", "2026-13"};

	tu_ok(hane_report_find("households-monthly", &r));
	assert_int_equal(hane_report_run(db, &r, NULL, 0, &t), HANE_EUSAGE);
	assert_non_null(strstr(hane_error_last(), "--month"));
	assert_int_equal(hane_report_run(db, &r, &a, 1, &t), HANE_EUSAGE);
	a.value = "2026-06'; DROP TABLE person; --";
	assert_int_equal(hane_report_run(db, &r, &a, 1, &t), HANE_EUSAGE);
	a.name = "year";
	a.value = "2026";
	assert_int_equal(hane_report_run(db, &r, &a, 1, &t), HANE_EUSAGE);
	assert_null(t);
	assert_int_equal(hane_report_find("nope", &r), HANE_ENOTFOUND);
	assert_non_null(strstr(hane_error_last(), "households-monthly"));
	hane_store_close(db);
}

/* Rows of the audit with this action, and the changes of the last. */
static int audit_count(hane_db *db, const char *action, char *last,
		       size_t lastsz)
{
	hane_stmt *st = NULL;
	int n = 0;

	tu_ok(hane_stmt_prepare(db, &st,
				"SELECT count(*), (SELECT changes FROM audit"
				" WHERE action = :a ORDER BY id DESC LIMIT 1)"
				" FROM audit WHERE action = :a"));
	tu_ok(hane_stmt_bind_text(st, ":a", action));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	n = (int)hane_stmt_int(st, 0);
	if (last)
		snprintf(last, lastsz, "%s", hane_stmt_text(st, 1));
	hane_stmt_finalize(st);
	return n;
}

/* KVKK: personal columns are masked unless the run is unmasked, which
 * needs export.unmasked; every run is logged with its parameters. */
static void test_personal_columns(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_report r;
	struct hane_report_table *t = NULL;
	struct hane_report_arg a = {"who", "Şükrü"};
	char last[512];
	char text[600];

	snprintf(text, sizeof text,
		 "-- name: kisiler\n"
		 "-- title: Kişiler | Persons\n"
		 "-- needs: household.read\n"
		 "-- param: who text | Kim | Who\n"
		 "-- column: tckn tckn | TC Kimlik No\n"
		 "-- column: phone phone | Telefon\n"
		 "-- column: address address | Adres\n"
		 "-- column: illness personal | Kronik hastalık\n"
		 "-- column: name text | Ad\n"
		 "-- column: n number sum | Sayı\n"
		 "SELECT '%s', '+905321234567', 'Atatürk Cd. 12', 'Diyabet',"
		 " :who, 1 UNION ALL SELECT '', '', '', '', 'Boş', 1;\n",
		 tu_tckn(7));
	tu_ok(hane_report_parse(&r, text));
	assert_int_equal(r.cols[0].kind, HANE_REPORT_TCKN);
	assert_int_equal(r.cols[1].kind, HANE_REPORT_PHONE);
	assert_int_equal(r.cols[2].kind, HANE_REPORT_ADDRESS);
	assert_int_equal(r.cols[3].kind, HANE_REPORT_PERSONAL);
	assert_true(hane_report_kind_personal(HANE_REPORT_PHONE));
	assert_false(hane_report_kind_personal(HANE_REPORT_ID));

	/* Masked by default, even for an administrator. */
	tu_ok(hane_report_run(db, &r, &a, 1, &t));
	assert_int_equal(t->nrows, 3);
	assert_int_equal(strlen(hane_report_cell(t, 0, 0)), 11);
	assert_int_equal(strncmp(hane_report_cell(t, 0, 0) + 3, "******", 6),
			 0);
	hane_report_table_free(t);
	t = NULL;
	tu_ok(hane_report_run(db, &r, &a, 1, &t));
	{
		char want[16];

		snprintf(want, sizeof want, "%.3s******%s", tu_tckn(7),
			 tu_tckn(7) + 9);
		assert_string_equal(hane_report_cell(t, 0, 0), want);
	}
	assert_string_equal(hane_report_cell(t, 0, 1), "0532 *** ** 67");
	assert_string_equal(hane_report_cell(t, 0, 2), "***");
	assert_string_equal(hane_report_cell(t, 0, 3), "***");
	assert_string_equal(hane_report_cell(t, 0, 4), "Şükrü");
	assert_string_equal(hane_report_cell(t, 1, 0), ""); /* empty stays */
	assert_string_equal(hane_report_cell(t, 2, 0), "Toplam");
	assert_string_equal(hane_report_cell(t, 2, 5), "2");
	hane_report_table_free(t);

	/* In full on request, for a role with export.unmasked. */
	tu_ok(hane_report_run_flags(db, &r, &a, 1, HANE_OUT_UNMASKED, &t));
	assert_string_equal(hane_report_cell(t, 0, 0), tu_tckn(7));
	assert_string_equal(hane_report_cell(t, 0, 1), "0532 123 45 67");
	assert_string_equal(hane_report_cell(t, 0, 2), "Atatürk Cd. 12");
	assert_string_equal(hane_report_cell(t, 0, 3), "Diyabet");
	hane_report_table_free(t);
	t = NULL;

	/* Each run logged, with the parameters and whether unmasked. */
	assert_int_equal(audit_count(db, "report", last, sizeof last), 3);
	assert_non_null(strstr(last, "\"report\":\"kisiler\""));
	assert_non_null(strstr(last, "who=Şükrü"));
	assert_non_null(strstr(last, "\"unmasked\":true"));

	/* A reporter runs it masked and is refused the unmasked run. */
	tu_staff(db, "rapor", NULL, "reporter", "");
	tu_ok(hane_store_set_actor(db, "rapor"));
	assert_int_equal(
		hane_report_run_flags(db, &r, &a, 1, HANE_OUT_UNMASKED, &t),
		HANE_EPERM);
	assert_null(t);
	assert_non_null(strstr(hane_error_last(), "export.unmasked"));
	tu_ok(hane_report_run(db, &r, &a, 1, &t));
	assert_string_equal(hane_report_cell(t, 0, 1), "0532 *** ** 67");
	hane_report_table_free(t);
	assert_int_equal(audit_count(db, "report", last, sizeof last), 4);
	assert_non_null(strstr(last, "\"unmasked\":false"));
	hane_store_close(db);
}

/* A report names the permission it needs, and the engine refuses a
 * staff member without it (#16: a food-bank caseworker ran the home care
 * client list and the taxi riders). */
static void test_needs(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_report r;
	struct hane_report_table *t = NULL;
	struct hane_report_arg on = {"on", "2026-06-15"};
	struct hane_report_arg span[] = {{"from", "2026-06-01"},
					 {"to", "2026-06-30"}};

	tu_staff(db, "gida", NULL, "caseworker", "foodbank");
	tu_staff(db, "bakim", NULL, "caseworker", "homecare");
	tu_staff(db, "rapor", NULL, "reporter", "");
	tu_ok(hane_report_find("homecare-clients", &r));
	assert_int_equal(r.needs, HANE_ACT_HOMECARE_READ);
	/* needs can hold health details: personal, masked by default. */
	for (int c = 0; c < r.ncols; c++)
		if (!strcmp(r.cols[c].name, "needs"))
			assert_int_equal(r.cols[c].kind, HANE_REPORT_PERSONAL);
	tu_ok(hane_store_set_actor(db, "gida"));
	assert_int_equal(hane_report_run(db, &r, &on, 1, &t), HANE_EPERM);
	assert_null(t);
	assert_non_null(strstr(hane_error_last(), "homecare.read"));
	tu_ok(hane_report_find("taxi-riders", &r));
	assert_int_equal(hane_report_run(db, &r, span, 2, &t), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "taxi.read"));
	tu_ok(hane_report_find("foodbank-monthly", &r));
	{
		struct hane_report_arg m = {"month", "2026-06"};

		tu_ok(hane_report_run(db, &r, &m, 1, &t));
		hane_report_table_free(t);
		t = NULL;
	}
	tu_ok(hane_store_set_actor(db, "bakim"));
	tu_ok(hane_report_find("homecare-clients", &r));
	tu_ok(hane_report_run(db, &r, &on, 1, &t));
	hane_report_table_free(t);
	t = NULL;
	tu_ok(hane_store_set_actor(db, "rapor"));
	tu_ok(hane_report_run(db, &r, &on, 1, &t));
	hane_report_table_free(t);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_embedded_reports_run),
		cmocka_unit_test(test_households_monthly),
		cmocka_unit_test(test_params),
		cmocka_unit_test(test_personal_columns),
		cmocka_unit_test(test_needs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
