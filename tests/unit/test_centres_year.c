/* The centres' year (#19, migration 020): the running totals the triggers
 * keep on memberships, placements, check-ins, applications, sessions and
 * bookings; the annual report's figures with their --verify queries; a
 * membership with no end in the years after its start; the rebuild; a
 * merge moving a membership; codes that never change. Rows are written as
 * the sqlite3 tool would (the triggers must keep the totals right for any
 * writer). The clock is frozen with HANE_NOW. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "hane/core.h"
#include "hane/households.h"
#include "hane/centres.h"
#include "hane/overview.h"
#include "hane/reports.h"

struct fx {
	hane_db *db;
	int64_t hh1, hh2;
	int64_t p1, p2, p3; /* p1, p2 in hh1; p3 alone in hh2 */
};

static int64_t household(hane_db *db, int n, const char *first, int64_t *person)
{
	struct hane_household h;
	struct hane_person p;
	int64_t hid = 0;

	hane_household_init(&h);
	snprintf(h.street, sizeof h.street, "Cumhuriyet Cd.");
	snprintf(h.building, sizeof h.building, "%d", n);
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn((uint64_t)n + 700));
	snprintf(p.first_name, sizeof p.first_name, "%s", first);
	snprintf(p.last_name, sizeof p.last_name, "Çınar");
	tu_ok(hane_household_create(db, &h, &p, &hid, person, NULL));
	return hid;
}

static int64_t q(hane_db *db, const char *sql)
{
	int64_t v = -1;

	tu_ok(hane_store_query_int(db, &v, sql, NULL, 0));
	return v;
}

static int64_t fig(hane_db *db, int year, const char *id)
{
	int64_t v = -1;

	tu_ok(hane_overview_figure(db, year, id, &v));
	return v;
}

static void agree(hane_db *db, int year)
{
	int differ = -1;

	tu_ok(hane_overview_verify(db, year, NULL, NULL, &differ));
	assert_int_equal(differ, 0);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct hane_person p;

	tu_clock_default();
	f->db = tu_open(NULL);
	f->hh1 = household(f->db, 1, "Hatice", &f->p1);
	hane_person_init(&p);
	p.household_id = f->hh1;
	snprintf(p.first_name, sizeof p.first_name, "Rıza");
	snprintf(p.last_name, sizeof p.last_name, "Çınar");
	snprintf(p.relation, sizeof p.relation, "spouse");
	tu_ok(hane_person_add(f->db, &p, &f->p2, NULL));
	f->hh2 = household(f->db, 2, "Deniz", &f->p3);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	hane_store_close(f->db);
	free(f);
	tu_clock_default();
	return 0;
}

/* Runs sql with $1, $2, $3 replaced by the fixture's persons p1, p2, p3. */
static void exec(struct fx *f, const char *tmpl)
{
	char sql[4096];
	size_t n = 0;

	for (const char *t = tmpl; *t && n + 24 < sizeof sql; t++) {
		if (t[0] == '$' && t[1] >= '1' && t[1] <= '3') {
			int64_t id = t[1] == '1'   ? f->p1
				     : t[1] == '2' ? f->p2
						   : f->p3;

			n += (size_t)snprintf(sql + n, sizeof sql - n, "%lld",
					      (long long)id);
			t++;
		} else {
			sql[n++] = *t;
		}
	}
	sql[n] = '\0';
	tu_ok(hane_store_exec(f->db, sql));
}

#define SITE(code) "(SELECT id FROM centre_site WHERE code = '" code "')"
#define PROG(code) "(SELECT id FROM centre_programme WHERE code = '" code "')"
#define STAMP "'2025-01-01 09:00:00', '2025-01-01 09:00:00'"

/* p1 at Gündoğdu from 2024 with no end;
 * p2 at Serdar from 2025-03 to 2025-09 (died); p3 at the autism house
 * (admitted directly), placed at Down Kafe, booked two Kısa Mola
 * sessions. Check-ins on both Çınar sites. */
static void year_2025(struct fx *f)
{
	exec(f,
	     "INSERT INTO centre_member (programme_id, site_id, person_id,"
	     " start, end_date, end_reason, created_at, updated_at) VALUES"
	     " (" PROG("cinar") ", " SITE(
		     "cinar_gundogdu") ", $1,"
				       "  '2024-03-01', NULL, NULL, " STAMP "),"
				       " (" PROG("cinar") ", " SITE(
					       "cinar_serdar") ", $2,"
							       "  "
							       "'2025-03-01', "
							       "'2025-09-30', "
							       "'death', " STAMP
							       "),"
							       " (" PROG(
								       "otiz"
								       "m") ","
									    " " SITE(
										    "otizm_"
										    "evi") ", $3,"
											   "  '2025-01-05', NULL, NULL, " STAMP
											   "),"
											   " (" PROG("kisa_mola") ", " SITE(
												   "kisa_mola_cumhuriyet") ","
															   "  $3, '2025-02-01', NULL, NULL, " STAMP
															   "),"
															   " (" PROG("down_kafe") ", " SITE(
																   "down_kafe") ", $3,"
																		"  '2025-04-01', NULL, NULL, " STAMP
																		")");
	exec(f, "INSERT INTO centre_visit (member_id, person_id, site_id, date,"
		" time_in, created_at, updated_at)"
		" SELECT m.id, m.person_id, m.site_id, d.day, '09:30', " STAMP
		" FROM centre_member m,"
		" (SELECT '2025-04-01' AS day UNION ALL SELECT '2025-04-02'"
		"  UNION ALL SELECT '2025-05-05') d"
		" WHERE m.programme_id = " PROG("cinar"));
	exec(
		f, "INSERT INTO centre_application (programme_id, site_id,"
		   " person_id, date, status, decided_on, created_at, "
		   "updated_at)"
		   " VALUES (" PROG("otizm") ", " SITE(
			   "otizm_evi") ", $3,"
					"  '2025-01-02', 'direct', "
					"'2025-01-05', " STAMP "),"
					" (" PROG("otizm") ", " SITE(
						"otizm_evi") ", $1,"
							     "  '2025-01-02', "
							     "'rejected', "
							     "'2025-01-06',"
							     " " STAMP "),"
							     " (" PROG("otizm") ", " SITE(
								     "otizm_"
								     "evi") ", "
									    "$2"
									    ","
									    "  "
									    "'2"
									    "02"
									    "5-"
									    "12"
									    "-2"
									    "0'"
									    ", "
									    "'p"
									    "en"
									    "di"
									    "ng"
									    "',"
									    " N"
									    "UL"
									    "L,"
									    " " STAMP
									    ")");
	exec(f, "INSERT INTO centre_placement (member_id, person_id, site_id,"
		" role, hours_week, start, created_at, updated_at)"
		" SELECT id, person_id, site_id, 'garson', 20, "
		"'2025-04-07', " STAMP
		" FROM centre_member WHERE site_id = " SITE("down_kafe"));
	exec(f,
	     "INSERT INTO centre_session (site_id, date, start_time,"
	     " end_time, cap, status, created_at, updated_at) VALUES"
	     " (" SITE(
		     "kisa_mola_cumhuriyet") ", '2025-03-08', '10:00',"
					     "  '14:00', 10, 'open', " STAMP
					     "),"
					     " (" SITE(
						     "kisa_mola_"
						     "cumhuriyet") ", "
								   "'2025-"
								   "03-15'"
								   ", "
								   "'10:"
								   "00',"
								   "  "
								   "'14:"
								   "00', "
								   "10, "
								   "'open'"
								   ","
								   " " STAMP
								   "),"
								   " "
								   "(" SITE(
									   "kis"
									   "a_"
									   "mol"
									   "a_"
									   "cum"
									   "hur"
									   "iye"
									   "t") ", '2025-03-22', '10:00',"
										"  '14:00', 10, 'cancelled', " STAMP
										")");
	exec(f, "INSERT INTO centre_booking (session_id, member_id, person_id,"
		" date, status, created_at, updated_at)"
		" SELECT x.id, m.id, m.person_id, x.date,"
		"  CASE x.date WHEN '2025-03-08' THEN 'attended'"
		"  ELSE 'no_show' END, " STAMP
		" FROM centre_session x, centre_member m"
		" WHERE x.status = 'open' AND m.site_id = x.site_id");
}

static void test_figures(void **state)
{
	struct fx *f = *state;

	year_2025(f);
	assert_int_equal(fig(f->db, 2025, "centres.cinar.members"), 2);
	assert_int_equal(fig(f->db, 2025, "centres.cinar.new"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.cinar.visits"), 6);
	assert_int_equal(
		fig(f->db, 2025, "centres.site.cinar_gundogdu.members"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.site.cinar_gundogdu.new"),
			 0);
	assert_int_equal(fig(f->db, 2025, "centres.site.cinar_serdar.new"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.site.cinar_serdar.visits"),
			 3);
	assert_int_equal(fig(f->db, 2025, "centres.otizm.members"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.otizm.direct"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.kisa_mola.members"), 1);
	assert_int_equal(
		fig(f->db, 2025, "centres.site.kisa_mola_cumhuriyet.members"),
		1);
	assert_int_equal(fig(f->db, 2025, "centres.kisa_mola.sessions"), 2);
	assert_int_equal(fig(f->db, 2025, "centres.kisa_mola.attended"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.kisa_mola.no_shows"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.down_kafe.employed"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.site.down_kafe.employed"),
			 1);
	assert_int_equal(fig(f->db, 2025, "centres.site.mobil_ikram.employed"),
			 0);
	/* Three persons of two households; hh1 has two persons. */
	assert_int_equal(fig(f->db, 2025, "centres.persons"), 3);
	assert_int_equal(fig(f->db, 2025, "centres.households"), 2);
	assert_int_equal(fig(f->db, 2025, "centres.hh_persons"), 3);
	assert_int_equal(fig(f->db, 2025, "all.households"), 2);
	assert_int_equal(fig(f->db, 2025, "all.persons"), 3);
	/* 2024: p1 alone at Gündoğdu. */
	assert_int_equal(fig(f->db, 2024, "centres.cinar.members"), 1);
	assert_int_equal(fig(f->db, 2024, "centres.cinar.new"), 1);
	assert_int_equal(fig(f->db, 2024, "centres.persons"), 1);
	assert_int_equal(fig(f->db, 2024, "all.households"), 1);
	agree(f->db, 2024);
	agree(f->db, 2025);
}

/* A membership with no end is running: it counts in every later year
 * (the report of a year not yet over counts those running now); an
 * ended one stops at the year of its end. */
static void test_open_membership_years(void **state)
{
	struct fx *f = *state;

	year_2025(f);
	/* p1 (no end), p3 (three running memberships and a placement). */
	assert_int_equal(fig(f->db, 2027, "centres.cinar.members"), 1);
	assert_int_equal(fig(f->db, 2027, "centres.cinar.new"), 0);
	assert_int_equal(fig(f->db, 2027, "centres.persons"), 2);
	assert_int_equal(fig(f->db, 2027, "centres.households"), 2);
	agree(f->db, 2027);
	/* Ending p1's membership in 2026 takes it out of 2027 on. */
	exec(f, "UPDATE centre_member SET end_date = '2026-02-01',"
		" end_reason = 'moved' WHERE person_id = $1");
	assert_int_equal(fig(f->db, 2026, "centres.cinar.members"), 1);
	assert_int_equal(fig(f->db, 2027, "centres.cinar.members"), 0);
	assert_int_equal(fig(f->db, 2027, "centres.households"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.cinar.members"), 2);
	agree(f->db, 2026);
	agree(f->db, 2027);
	/* No row of ov_served is left at n 0. */
	assert_int_equal(q(f->db, "SELECT count(*) FROM ov_served"
				  " WHERE n <= 0"),
			 0);
}

/* Changes and deletions move the totals, and the rebuild counts the same
 * from the rows. */
static void test_changes_and_rebuild(void **state)
{
	struct fx *f = *state;

	year_2025(f);
	exec(f, "UPDATE centre_booking SET status = 'attended'"
		" WHERE status = 'no_show'");
	exec(f, "UPDATE centre_session SET status = 'cancelled'"
		" WHERE date = '2025-03-15'");
	exec(f, "UPDATE centre_application SET status = 'waiting',"
		" decided_on = '2025-01-05' WHERE status = 'direct'");
	exec(f, "DELETE FROM centre_visit WHERE date = '2025-05-05'");
	exec(f, "UPDATE centre_visit SET date = '2026-01-05'"
		" WHERE date = '2025-04-02' AND person_id = $2");
	exec(f, "DELETE FROM centre_placement");
	assert_int_equal(fig(f->db, 2025, "centres.kisa_mola.attended"), 2);
	assert_int_equal(fig(f->db, 2025, "centres.kisa_mola.no_shows"), 0);
	assert_int_equal(fig(f->db, 2025, "centres.kisa_mola.sessions"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.otizm.direct"), 0);
	assert_int_equal(fig(f->db, 2025, "centres.cinar.visits"), 3);
	assert_int_equal(fig(f->db, 2026, "centres.cinar.visits"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.down_kafe.employed"), 0);
	/* p3 is still a member of three programmes. */
	assert_int_equal(fig(f->db, 2025, "centres.persons"), 3);
	agree(f->db, 2025);
	agree(f->db, 2026);
	/* Spoiled totals come back from the rows. */
	tu_ok(hane_store_exec(f->db, "UPDATE ov_tally SET n = 99 WHERE"
				     " measure LIKE 'centres.%';"
				     " DELETE FROM ov_served WHERE"
				     " measure LIKE 'centres.%'"));
	tu_ok(hane_overview_rebuild(f->db));
	assert_int_equal(fig(f->db, 2025, "centres.cinar.visits"), 3);
	assert_int_equal(fig(f->db, 2025, "centres.cinar.members"), 2);
	assert_int_equal(fig(f->db, 2030, "centres.persons"), 2);
	agree(f->db, 2025);
	agree(f->db, 2030);
	/* Deleting everything leaves nothing counted. */
	tu_ok(hane_store_exec(f->db, "DELETE FROM centre_booking;"
				     " DELETE FROM centre_session;"
				     " DELETE FROM centre_visit;"
				     " DELETE FROM centre_application;"
				     " DELETE FROM centre_member"));
	assert_int_equal(q(f->db, "SELECT count(*) FROM ov_served"), 0);
	assert_int_equal(q(f->db, "SELECT coalesce(sum(n), 0) FROM ov_tally"
				  " WHERE measure LIKE 'centres.%'"),
			 0);
}

/* A merge moves a membership to the kept person (person_id changes): the
 * persons follow, and undoing it too. */
static void test_person_moves(void **state)
{
	struct fx *f = *state;

	year_2025(f);
	exec(f, "UPDATE centre_member SET person_id = $1"
		" WHERE person_id = $2");
	assert_int_equal(fig(f->db, 2025, "centres.cinar.members"), 1);
	assert_int_equal(fig(f->db, 2025, "centres.persons"), 2);
	agree(f->db, 2025);
	exec(f, "UPDATE centre_member SET person_id = $3"
		" WHERE site_id = " SITE("cinar_serdar"));
	assert_int_equal(fig(f->db, 2025, "centres.cinar.members"), 2);
	assert_int_equal(fig(f->db, 2025, "centres.persons"), 2);
	agree(f->db, 2025);
}

/* Codes name the measures: they never change, nor a site's programme, nor
 * a session's programme. */
static void test_codes_fixed(void **state)
{
	struct fx *f = *state;

	assert_int_not_equal(
		hane_store_exec(f->db, "UPDATE centre_programme SET code ="
				       " 'cinar2' WHERE code = 'cinar'"),
		0);
	assert_int_not_equal(
		hane_store_exec(f->db, "UPDATE centre_site SET code ="
				       " 'serdar' WHERE code = 'cinar_serdar'"),
		0);
	assert_int_not_equal(
		hane_store_exec(f->db,
				"UPDATE centre_site SET programme_id = " PROG(
					"alzheimer") " WHERE code = "
						     "'cinar_serdar'"),
		0);
	tu_ok(hane_store_exec(f->db, "UPDATE centre_site SET capacity = 160"
				     " WHERE code = 'cinar_serdar'"));
	year_2025(f);
	tu_ok(hane_store_exec(f->db,
			      "UPDATE centre_session SET site_id = " SITE(
				      "kisa_mola_kurucesme")));
	assert_int_not_equal(
		hane_store_exec(f->db,
				"UPDATE centre_session SET site_id = " SITE(
					"otizm_evi")),
		0);
	agree(f->db, 2025);
}

/* Runs report name with one argument (or none) into *t. */
static int report(hane_db *db, const char *name, const char *arg,
		  const char *value, struct hane_report_table **t)
{
	struct hane_report r;
	struct hane_report_arg a = {arg, value};

	*t = NULL;
	tu_ok(hane_report_find(name, &r));
	return hane_report_run(db, &r, &a, arg ? 1 : 0, t);
}

/* The row whose column col is text (or SIZE_MAX). */
static size_t row_of(const struct hane_report_table *t, int col,
		     const char *text)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (!strcmp(hane_report_cell(t, i, col), text))
			return i;
	return (size_t)-1;
}

/* The monthly report per site and programme counts what the year's
 * figures count, a month at a time. */
static void test_report_monthly(void **state)
{
	struct fx *f = *state;
	struct hane_report_table *t;
	size_t r;

	year_2025(f);
	tu_ok(report(f->db, "centres-monthly", "month", "2025-04", &t));
	/* Every active site, the totals row last. */
	assert_int_equal(t->nrows, 11 + 1);
	assert_true(t->has_total);
	r = row_of(t, 1, "Asırlık Çınar Serdar");
	assert_true(r < t->nrows);
	assert_string_equal(hane_report_cell(t, r, 2), "150");
	assert_string_equal(hane_report_cell(t, r, 3), "1"); /* members */
	assert_string_equal(hane_report_cell(t, r, 4), "0"); /* new */
	assert_string_equal(hane_report_cell(t, r, 6), "2"); /* check-ins */
	assert_string_equal(hane_report_cell(t, r, 7), "1"); /* persons */
	r = row_of(t, 1, "Down Kafe");
	assert_string_equal(hane_report_cell(t, r, 4), "1");
	assert_string_equal(hane_report_cell(t, r, 11), "1"); /* employed */
	/* Totals: four check-ins in April (two members, two days). */
	assert_string_equal(hane_report_cell(t, t->nrows - 1, 6), "4");
	hane_report_table_free(t);
	tu_ok(report(f->db, "centres-monthly", "month", "2025-03", &t));
	r = row_of(t, 1, "Kısa Mola Cumhuriyet Yaşam Merkezi");
	assert_string_equal(hane_report_cell(t, r, 8), "2");  /* sessions */
	assert_string_equal(hane_report_cell(t, r, 9), "1");  /* attended */
	assert_string_equal(hane_report_cell(t, r, 10), "1"); /* no-show */
	r = row_of(t, 1, "Asırlık Çınar Serdar");
	assert_string_equal(hane_report_cell(t, r, 4), "1");
	hane_report_table_free(t);
	tu_ok(report(f->db, "centres-monthly", "month", "2025-09", &t));
	r = row_of(t, 1, "Asırlık Çınar Serdar");
	assert_string_equal(hane_report_cell(t, r, 3), "1"); /* to the 30th */
	assert_string_equal(hane_report_cell(t, r, 5), "1");
	hane_report_table_free(t);
}

/* The members and the waiting lists show persons: TC Kimlik No masked,
 * the waiting reason (it may hold health details) masked, a centre's
 * caseworker sees only the programmes they work in. */
static void test_report_members_and_waiting(void **state)
{
	struct fx *f = *state;
	struct hane_report_table *t;
	int64_t sid;

	year_2025(f);
	exec(f,
	     "INSERT INTO centre_application (programme_id, site_id,"
	     " person_id, date, status, decided_on, reason, created_at,"
	     " updated_at) VALUES"
	     " (" PROG("alzheimer") ", " SITE(
		     "alzheimer_evi") ", $2,"
				      "  '2025-05-02', 'waiting', "
				      "'2025-05-03', 'Demans, evde "
				      "yalnız', " STAMP "),"
				      " (" PROG("alzheimer") ", " SITE(
					      "alzheimer_evi") ", $1,"
							       "  "
							       "'2025-05-01', "
							       "'waiting', "
							       "'2025-05-04', "
							       "NULL, " STAMP
							       ")");
	tu_ok(report(f->db, "centres-members", "on", "2025-04-01", &t));
	/* p1 and p2 (Çınar), p3 (three programmes), and the totals. */
	assert_int_equal(t->nrows, 5 + 1);
	assert_string_equal(hane_report_cell(t, 0, 4), "Hatice Çınar");
	assert_null(strstr(hane_report_cell(t, 0, 3), tu_tckn(701)));
	assert_string_equal(hane_report_cell(t, 0, 7), "1"); /* this year */
	assert_string_equal(hane_report_cell(t, 0, 8), "01.04.2025");
	hane_report_table_free(t);
	tu_ok(report(f->db, "centres-waiting", NULL, NULL, &t));
	assert_int_equal(t->nrows, 2 + 1);
	/* In order of the day applied: p1 first. */
	assert_string_equal(hane_report_cell(t, 0, 2), "1");
	assert_string_equal(hane_report_cell(t, 0, 5), "Hatice Çınar");
	assert_string_equal(hane_report_cell(t, 1, 2), "2");
	assert_null(strstr(hane_report_cell(t, 1, 8), "Demans"));
	hane_report_table_free(t);
	/* A caseworker of the unit given Asırlık Çınar only. */
	sid = tu_staff(f->db, "cinar1", NULL, "caseworker", "centres");
	{
		char sql[256];

		snprintf(sql, sizeof sql,
			 "INSERT INTO centre_staff (staff_id, programme_id,"
			 " created_at, updated_at) VALUES (%lld, " PROG(
				 "cinar") ", " STAMP ")",
			 (long long)sid);
		tu_ok(hane_store_exec(f->db, sql));
	}
	tu_ok(hane_store_set_actor(f->db, "cinar1"));
	tu_ok(report(f->db, "centres-members", "on", "2025-04-01", &t));
	assert_int_equal(t->nrows, 2 + 1);
	hane_report_table_free(t);
	tu_ok(report(f->db, "centres-waiting", NULL, NULL, &t));
	assert_int_equal(t->nrows, 0 + 1);
	hane_report_table_free(t);
	/* Staff of another unit may not run them. */
	tu_staff(f->db, "gida1", NULL, "caseworker", "foodbank");
	tu_ok(hane_store_set_actor(f->db, "gida1"));
	assert_int_equal(
		report(f->db, "centres-members", "on", "2025-04-01", &t),
		HANE_EPERM);
	assert_null(t);
}

struct kinds {
	int member, placement;
	char what[512];
};

static int count_kinds(const struct hane_ov_event *e, void *arg)
{
	struct kinds *k = arg;

	if (e->unit != HANE_OV_CENTRES)
		return 0;
	if (!strcmp(e->kind, "centre_member")) {
		k->member++;
		snprintf(k->what, sizeof k->what, "%s", e->what);
	}
	k->placement += !strcmp(e->kind, "centre_placement");
	return 0;
}

/* Hane 360 shows a household's memberships and placements; a centre's
 * caseworker only those of their programmes. */
static void test_household_360(void **state)
{
	struct fx *f = *state;
	struct kinds k = {0, 0, ""};
	int64_t sid;

	year_2025(f);
	tu_ok(hane_overview_timeline(f->db, f->hh2, HANE_OV_CENTRES,
				     count_kinds, &k, NULL));
	assert_int_equal(k.member, 3);
	assert_int_equal(k.placement, 1);
	memset(&k, 0, sizeof k);
	tu_ok(hane_overview_timeline(f->db, f->hh1, HANE_OV_ALL, count_kinds,
				     &k, NULL));
	assert_int_equal(k.member, 2);
	/* The ended one is the last by date: p2's at Serdar. */
	assert_non_null(strstr(k.what, "Asırlık Çınar Serdar"));
	assert_non_null(strstr(k.what, "2025-09-30"));
	sid = tu_staff(f->db, "km1", NULL, "caseworker", "centres");
	{
		char sql[256];

		snprintf(sql, sizeof sql,
			 "INSERT INTO centre_staff (staff_id, programme_id,"
			 " created_at, updated_at) VALUES (%lld, " PROG(
				 "kisa_mola") ", " STAMP ")",
			 (long long)sid);
		tu_ok(hane_store_exec(f->db, sql));
	}
	tu_ok(hane_store_set_actor(f->db, "km1"));
	memset(&k, 0, sizeof k);
	tu_ok(hane_overview_timeline(f->db, f->hh2, HANE_OV_CENTRES,
				     count_kinds, &k, NULL));
	assert_int_equal(k.member, 1);
	assert_int_equal(k.placement, 0);
}

/* The figures at a scale (the demo year's own rounding: at least
 * one of each). */
static int64_t at(double scale, int64_t n)
{
	int64_t v = (int64_t)(n * scale + 0.5);

	return v < 1 ? 1 : v;
}

/* demo-year makes the centres' year through the unit's own rules, and the
 * annual report shows every figure of #19 (scaled), --verify agreeing. */
static void demo_year_at(double scale)
{
	hane_db *db = tu_open_demo(NULL);
	struct hane_ov_demo_counts c;
	static const struct {
		const char *id;
		int64_t n;
	} want[] = {
		{"centres.cinar.members", 409},
		{"centres.cinar.visits", 5964},
		{"centres.alzheimer.new", 31},
		{"centres.alzheimer.members", 54},
		{"centres.otizm.members", 1178},
		{"centres.otizm.direct", 54},
		{"centres.yasam_destek.members", 32},
		{"centres.kisa_mola.members", 687},
		{"centres.down_kafe.employed", 15},
	};
	int64_t branches = 0, visits = 0, km = 0, dk = 0;
	static const char *const cinar[] = {"gundogdu", "serdar", "kurucesme",
					    "akarca"};

	tu_ok(hane_overview_demo_year_units(
		db, 2025, scale, 7, 1u << HANE_OV_CENTRES, &c, NULL, NULL));
	assert_string_equal(c.missing, "");
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		int64_t v = fig(db, 2025, want[i].id);

		if (v != at(scale, want[i].n))
			fail_msg("%s = %lld, want %lld", want[i].id,
				 (long long)v, (long long)at(scale, want[i].n));
	}
	assert_int_equal(c.ce_cinar_members, at(scale, 409));
	assert_int_equal(c.ce_cinar_visits, at(scale, 5964));
	assert_int_equal(c.ce_km_students, at(scale, 687));
	assert_int_equal(fig(db, 2025, "centres.kisa_mola.sessions"),
			 c.ce_km_sessions);
	assert_int_equal(fig(db, 2025, "centres.kisa_mola.attended"),
			 c.ce_km_attended);
	assert_int_equal(fig(db, 2025, "centres.kisa_mola.no_shows"),
			 c.ce_km_no_shows);
	assert_true(c.ce_km_attended > c.ce_km_no_shows);
	assert_true(c.ce_km_no_shows > 0);
	/* The branches share the members and the visits. */
	for (size_t i = 0; i < 4; i++) {
		char id[64];
		int64_t v;

		snprintf(id, sizeof id, "centres.site.cinar_%s.members",
			 cinar[i]);
		v = fig(db, 2025, id);
		assert_true(v > 0);
		branches += v;
		snprintf(id, sizeof id, "centres.site.cinar_%s.visits",
			 cinar[i]);
		visits += fig(db, 2025, id);
	}
	assert_int_equal(branches, at(scale, 409));
	assert_int_equal(visits, at(scale, 5964));
	km = fig(db, 2025, "centres.site.kisa_mola_cumhuriyet.members") +
	     fig(db, 2025, "centres.site.kisa_mola_kurucesme.members");
	assert_int_equal(km, at(scale, 687));
	dk = fig(db, 2025, "centres.site.down_kafe.employed") +
	     fig(db, 2025, "centres.site.mobil_ikram.employed");
	assert_int_equal(dk, at(scale, 15));
	/* Some members carried over from the year before, some ended. */
	assert_true(fig(db, 2025, "centres.cinar.new") < at(scale, 409));
	assert_true(fig(db, 2024, "centres.otizm.members") > 0);
	assert_true(q(db, "SELECT count(*) FROM centre_member"
			  " WHERE end_reason IS NOT NULL") > 0);
	assert_true(q(db, "SELECT count(*) FROM centre_application"
			  " WHERE status IN ('rejected', 'withdrawn',"
			  " 'waiting')") >= 3);
	/* Everyone fits the programme's rules on the day applied. */
	assert_int_equal(q(db,
			   "SELECT count(*) FROM centre_member m"
			   " JOIN person p ON p.id = m.person_id"
			   " JOIN centre_programme g ON g.id = m.programme_id"
			   " WHERE (g.min_disability IS NOT NULL"
			   "  AND coalesce(p.disability_pct, 0)"
			   "  < g.min_disability)"
			   " OR (g.min_age IS NOT NULL AND p.birth_date"
			   "  > date(m.start, '-' || g.min_age || ' years'))"),
			 0);
	agree(db, 2025);
	agree(db, 2024);
	hane_store_close(db);
}

static void test_demo_year_small(void **state)
{
	(void)state;
	demo_year_at(0.05);
}

/* İzmit's 2025 at scale 1.0: the numbers exactly. */
static void test_demo_year_izmit(void **state)
{
	(void)state;
	demo_year_at(1.0);
}

/* The year still running: everything lies before today (HANE_NOW
 * 15.06.2026), nothing refused as a day to come. */
static void test_demo_year_this_year(void **state)
{
	hane_db *db = tu_open_demo(NULL);
	struct hane_ov_demo_counts c;

	(void)state;
	tu_ok(hane_overview_demo_year_units(
		db, 2026, 0.05, 3, 1u << HANE_OV_CENTRES, &c, NULL, NULL));
	assert_string_equal(c.missing, "");
	assert_int_equal(fig(db, 2026, "centres.cinar.members"), at(0.05, 409));
	assert_int_equal(fig(db, 2026, "centres.cinar.visits"), at(0.05, 5964));
	assert_int_equal(q(db, "SELECT count(*) FROM centre_application"
			       " WHERE date > '2026-06-14'"
			       " OR decided_on > '2026-06-14'"),
			 0);
	agree(db, 2026);
	hane_store_close(db);
}

/* A site smaller than the year's plan grows to hold it (a year at 10×
 * filled Asırlık Çınar Gündoğdu's 150 places and the whole unit's year
 * was refused); the growth goes through the model, audited. */
static void test_demo_year_sites_grow(void **state)
{
	hane_db *db = tu_open_demo(NULL);
	struct hane_ov_demo_counts c;
	struct hane_centre_site site;

	(void)state;
	tu_ok(hane_centre_site_find(db, "cinar_gundogdu", &site));
	site.capacity = 1;
	tu_ok(hane_centre_site_save(db, &site, NULL));
	tu_ok(hane_overview_demo_year_units(
		db, 2025, 0.05, 7, 1u << HANE_OV_CENTRES, &c, NULL, NULL));
	assert_string_equal(c.missing, "");
	assert_int_equal(fig(db, 2025, "centres.cinar.members"), at(0.05, 409));
	tu_ok(hane_centre_site_find(db, "cinar_gundogdu", &site));
	assert_true(site.capacity > 1);
	assert_true(q(db, "SELECT count(*) FROM centre_member m"
			  " JOIN centre_site s ON s.id = m.site_id"
			  " WHERE s.code = 'cinar_gundogdu'") <= site.capacity);
	assert_true(q(db, "SELECT count(*) FROM audit WHERE tbl ="
			  " 'centre_site' AND action = 'update'") >= 1);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_figures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_membership_years,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_and_rebuild, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_person_moves, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_codes_fixed, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_report_monthly, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_report_members_and_waiting,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_household_360, setup,
						teardown),
		cmocka_unit_test(test_demo_year_small),
		cmocka_unit_test(test_demo_year_izmit),
		cmocka_unit_test(test_demo_year_this_year),
		cmocka_unit_test(test_demo_year_sites_grow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
