/* Security: masking by permission, reveal and read log, passwords never
 * in clear, lock-out, retention dry run and run, backup while another
 * process writes, file modes. */
#include "testutil.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hane/households.h"
#include "hane/perm.h"
#include "hane/security.h"

static int64_t count(hane_db *db, const char *sql)
{
	int64_t n = -1;

	tu_ok(hane_store_query_int(db, &n, sql, NULL, 0));
	return n;
}

static int64_t add_person(hane_db *db, int n, int64_t *hid)
{
	struct hane_household h;
	struct hane_person p;
	int64_t pid = 0;

	hane_household_init(&h);
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn((uint64_t)n));
	snprintf(p.first_name, sizeof p.first_name, "Kişi%d", n);
	snprintf(p.last_name, sizeof p.last_name, "Soyad");
	snprintf(p.birth_date, sizeof p.birth_date, "1960-05-17");
	snprintf(p.phone, sizeof p.phone, "+905321234567");
	snprintf(h.mahalle, sizeof h.mahalle, "Gündoğdu");
	snprintf(h.street, sizeof h.street, "Gizli Sk.");
	snprintf(h.building, sizeof h.building, "7");
	tu_ok(hane_household_create(db, &h, &p, hid, &pid, NULL));
	return pid;
}

static void masking_by_role(void **state)
{
	hane_db *db = tu_open(NULL);
	const char *t = tu_tckn(42);
	char out[128];

	(void)state;
	tu_staff(db, "rep", NULL, "reporter", NULL);
	tu_staff(db, "fb", NULL, "caseworker", "foodbank");
	tu_staff(db, "hh", NULL, "caseworker", "households");
	assert_string_equal(hane_mask_tckn(db, out, sizeof out, t), t);
	assert_string_equal(
		hane_mask_phone(db, out, sizeof out, "+905321234567"),
		"0532 123 45 67");
	tu_ok(hane_store_set_actor(db, "hh"));
	assert_string_equal(hane_mask_tckn(db, out, sizeof out, t), t);
	assert_string_equal(hane_mask_address(db, out, sizeof out, "Gündoğdu",
					      "Atatürk Cd.", "12", "3"),
			    "Gündoğdu Atatürk Cd. No:12 D:3");
	for (int i = 0; i < 2; i++) {
		tu_ok(hane_store_set_actor(db, i ? "fb" : "rep"));
		hane_mask_tckn(db, out, sizeof out, t);
		assert_null(strstr(out, t));
		assert_int_equal(strncmp(out, t, 3), 0);
		assert_non_null(strstr(out, "******"));
		assert_string_equal(
			hane_mask_phone(db, out, sizeof out, "+905321234567"),
			"0532 *** ** 67");
		assert_string_equal(hane_mask_address(db, out, sizeof out,
						      "Gündoğdu", "Atatürk Cd.",
						      "12", "3"),
				    "Gündoğdu ***");
		assert_string_equal(
			hane_mask_text(db, out, sizeof out, "diyabet"), "***");
	}
	assert_string_equal(hane_mask_tckn(db, out, sizeof out, ""), "");
	hane_store_close(db);
}

static void reveal_and_read_log(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t hid, pid = add_person(db, 1, &hid);

	(void)state;
	tu_staff(db, "rep", NULL, "reporter", NULL);
	tu_staff(db, "fb", NULL, "caseworker", "foodbank");
	tu_ok(hane_store_set_actor(db, "rep"));
	assert_int_equal(hane_reveal(db, pid, "tckn"), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "person.reveal"));
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action"
				   " = 'person.reveal'"),
			 0);
	tu_ok(hane_log_read(db, "person.view", pid));
	tu_ok(hane_store_set_actor(db, "fb"));
	tu_ok(hane_reveal(db, pid, "tckn"));
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'person.reveal' AND username = 'fb' AND"
				   " tbl = 'person' AND changes LIKE"
				   " '%\"tckn\"%'"),
			 1);
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'person.view' AND username = 'rep'"),
			 1);
	tu_ok(hane_log_report(db, "households-monthly", "--month 2026-05",
			      false));
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'report' AND changes LIKE"
				   " '%households-monthly%'"),
			 1);
	/* Nobody cannot read, so nobody's read is refused, not logged. */
	(void)hane_store_set_actor(db, "stranger");
	assert_int_equal(hane_log_read(db, "person.view", pid), HANE_EPERM);
	hane_store_close(db);
}

static void export_log_has_sha256(void **state)
{
	hane_db *db = tu_open(NULL);
	const char *path = tu_tmp_path("export");
	FILE *f = fopen(path, "w");

	(void)state;
	assert_non_null(f);
	fputs("abc", f);
	fclose(f);
	tu_ok(hane_log_export(db, "households", path, 1, true));
	/* sha256("abc") */
	assert_int_equal(
		count(db, "SELECT count(*) FROM audit WHERE action = 'export'"
			  " AND changes LIKE '%ba7816bf8f01cfea414140de5dae2223"
			  "b00361a396177a9cb410ff61f20015ad%' AND changes LIKE"
			  " '%\"unmasked\":true%'"),
		1);
	unlink(path);
	hane_store_close(db);
}

static void password_never_in_clear(void **state)
{
	hane_db *db = tu_open(NULL);
	const char *pw = "çok-gizli-parola-42";
	hane_stmt *st = NULL;

	(void)state;
	tu_staff(db, "ayse", NULL, "caseworker", "foodbank");
	assert_int_equal(hane_staff_set_password(db, "ayse", "kısa"),
			 HANE_EINVAL);
	/* Characters, not bytes: ten Turkish letters (16 bytes) are ten
	 * long, nine are short. */
	tu_ok(hane_staff_set_password(db, "ayse", "şifreşüğçö"));
	assert_int_equal(hane_staff_set_password(db, "ayse", "şifreşüğç"),
			 HANE_EINVAL);
	tu_ok(hane_staff_set_password(db, "ayse", pw));
	/* Nowhere in any text column of staff or audit. */
	tu_ok(hane_stmt_prepare(db, &st,
				"SELECT count(*) FROM staff s, audit a WHERE"
				" instr(coalesce(s.password_hash,'') ||"
				" coalesce(a.changes,''), :pw) > 0"));
	tu_ok(hane_stmt_bind_text(st, ":pw", pw));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	assert_int_equal(hane_stmt_int(st, 0), 0);
	hane_stmt_finalize(st);
	assert_int_equal(count(db, "SELECT count(*) FROM staff WHERE username"
				   " = 'ayse' AND password_hash LIKE"
				   " '$argon2id$%'"),
			 1);
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE changes"
				   " LIKE '%argon2%'"),
			 0);
	tu_ok(hane_login_password(db, "ayse", pw));
	assert_string_equal(hane_store_actor(db)->username, "ayse");
	/* A caseworker may change only their own password. */
	assert_int_equal(
		hane_staff_set_password(db, "tester", "başka-parola-1"),
		HANE_EPERM);
	hane_store_close(db);
}

static void lock_out(void **state)
{
	hane_db *db = tu_open(NULL);

	(void)state;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	tu_staff(db, "ali", NULL, "caseworker", "taxi");
	tu_ok(hane_setting_set(db, "lockout_threshold", 3));
	assert_int_equal(hane_setting_set(db, "lockout_threshold", 0),
			 HANE_EINVAL);
	tu_ok(hane_staff_set_password(db, "ali", "doğru-parola-1"));
	for (int i = 0; i < 3; i++) {
		assert_int_equal(hane_login_password(db, "ali", "yanlış"),
				 HANE_EPERM);
		assert_int_equal(hane_store_actor(db)->staff_id, 0);
	}
	assert_non_null(strstr(hane_error_last(), "10:15:00"));
	/* Locked: even the right password is refused. */
	assert_int_equal(hane_login_password(db, "ali", "doğru-parola-1"),
			 HANE_EPERM);
	assert_int_equal(hane_store_actor(db)->staff_id, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'login.failed' AND username = 'ali'"),
			 4);
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'login.locked' AND username = 'ali'"),
			 1);
	/* Unknown names are refused with the same words. */
	assert_int_equal(hane_login_password(db, "yok", "x"), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "parola yanlış"));
	/* The lock ends. */
	setenv("HANE_NOW", "2026-06-15 10:16:00", 1);
	tu_ok(hane_login_password(db, "ali", "doğru-parola-1"));
	assert_string_equal(hane_store_actor(db)->username, "ali");
	/* An administrator's lock lasts until unlocked. */
	tu_ok(hane_store_set_actor(db, "tester"));
	tu_ok(hane_staff_lock(db, "ali", true));
	setenv("HANE_NOW", "2027-01-01 10:00:00", 1);
	assert_int_equal(hane_login_password(db, "ali", "doğru-parola-1"),
			 HANE_EPERM);
	tu_clock_default();
	hane_store_close(db);
}

static void account_expiry(void **state)
{
	hane_db *db = tu_open(NULL);
	int n = 0;

	(void)state;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	tu_staff(db, "old", NULL, "caseworker",
		 "taxi"); /* created 2026-01-01 */
	tu_ok(hane_setting_set(db, "inactivity_days", 10));
	tu_ok(hane_staff_expire(db, true, NULL, NULL, &n));
	assert_int_equal(n, 1);
	assert_int_equal(count(db, "SELECT active FROM staff WHERE username"
				   " = 'old'"),
			 1);
	assert_int_equal(hane_login_trusted(db, "old", true), HANE_EPERM);
	tu_ok(hane_store_set_actor(db, "tester"));
	tu_ok(hane_staff_expire(db, false, NULL, NULL, &n));
	assert_int_equal(n, 1);
	assert_int_equal(count(db, "SELECT active FROM staff WHERE username"
				   " = 'old'"),
			 0);
	tu_clock_default();
	hane_store_close(db);
}

static int seen(const struct hane_retention_item *it, void *arg)
{
	(*(int *)arg)++;
	assert_true(it->person_id > 0);
	return 0;
}

static void retention(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h1, h2, h3, h5, h6, h7, old1, old2, served, fresh, chained;
	int64_t by_appt, by_client;
	int n = 0, calls = 0;

	(void)state;
	setenv("HANE_NOW", "2019-01-10 09:00:00", 1);
	old1 = add_person(db, 1, &h1);
	served = add_person(db, 2, &h2);
	old2 = add_person(db, 3, &h3);
	tu_ok(hane_store_exec(db, "CREATE TABLE test_service (id INTEGER"
				  " PRIMARY KEY, person_id INTEGER,"
				  " created_at TEXT, updated_at TEXT)"));
	/* A client taken on in 2019 whose trips go on: the trip reaches the
	 * person only through two foreign keys (trip → appointment →
	 * client → person), and it keeps the person. */
	chained = add_person(db, 5, &h5);
	tu_ok(hane_store_exec(
		db, "CREATE TABLE test_client (id INTEGER PRIMARY KEY,"
		    " person_id INTEGER, created_at TEXT);"
		    "CREATE TABLE test_appt (id INTEGER PRIMARY KEY,"
		    " client_id INTEGER REFERENCES test_client (id),"
		    " created_at TEXT);"
		    "CREATE TABLE test_trip (id INTEGER PRIMARY KEY,"
		    " appt_id INTEGER REFERENCES test_appt (id),"
		    " created_at TEXT, updated_at TEXT)"));
	{
		hane_stmt *st = NULL;

		tu_ok(hane_stmt_prepare(db, &st,
					"INSERT INTO test_client VALUES (1, :p,"
					" '2019-01-10')"));
		tu_ok(hane_stmt_bind_int(st, ":p", chained));
		assert_int_equal(hane_stmt_step(st), HANE_DONE);
		hane_stmt_finalize(st);
	}
	tu_ok(hane_store_exec(
		db, "INSERT INTO test_appt VALUES (1, 1, '2019-01-10');"
		    "INSERT INTO test_trip VALUES (1, 1, '2019-01-10',"
		    " '2025-05-01 08:00:00')"));
	/* A table with two ways to a person (a trip of an appointment, or
	 * one booked for a client directly): a row is found by whichever
	 * link it has. Both persons are served in 2025 and stay. */
	by_appt = add_person(db, 6, &h6);
	by_client = add_person(db, 7, &h7);
	tu_ok(hane_store_exec(db,
			      "CREATE TABLE test_trip2 (id INTEGER PRIMARY KEY,"
			      " appt_id INTEGER REFERENCES test_appt (id),"
			      " client_id INTEGER REFERENCES test_client (id),"
			      " created_at TEXT, updated_at TEXT)"));
	{
		hane_stmt *st = NULL;

		tu_ok(hane_stmt_prepare(
			db, &st,
			"INSERT INTO test_client VALUES (2, :a,"
			" '2019-01-10'), (3, :c, '2019-01-10')"));
		tu_ok(hane_stmt_bind_int(st, ":a", by_appt));
		tu_ok(hane_stmt_bind_int(st, ":c", by_client));
		assert_int_equal(hane_stmt_step(st), HANE_DONE);
		hane_stmt_finalize(st);
	}
	tu_ok(hane_store_exec(
		db, "INSERT INTO test_appt VALUES (2, 2, '2019-01-10');"
		    "INSERT INTO test_trip2 VALUES (1, 2, NULL, '2019-01-10',"
		    " '2025-05-01 08:00:00'), (2, NULL, 3, '2019-01-10',"
		    " '2025-05-01 08:00:00')"));
	/* An inspection of old1's household in 2019, with a case note that
	 * names and places people: it must go with the identity. */
	{
		hane_stmt *st = NULL;

		tu_ok(hane_stmt_prepare(
			db, &st,
			"INSERT INTO inspection_request(id, household_id,"
			" requested_on, channel, referrer, reason, reason_text,"
			" due_on, created_at, updated_at) VALUES(77, :h,"
			" '2019-01-10', 'referral', 'Komşusu Veli Bey', 'food',"
			" 'Eşi hasta', '2019-01-25', '2019-01-10', "
			"'2019-01-10')"));
		tu_ok(hane_stmt_bind_int(st, ":h", h1));
		assert_int_equal(hane_stmt_step(st), HANE_DONE);
		hane_stmt_finalize(st);
	}
	tu_ok(hane_store_exec(db,
			      "INSERT INTO inspection_visit(request_id,"
			      " visited_on, inspector_id, present, findings,"
			      " recommendation, created_at, updated_at)"
			      " VALUES(77, '2019-01-12', 1, 'Ayşe Hanım',"
			      " 'Atatürk Cd. 12, üç çocuk', 'in_kind',"
			      " '2019-01-12', '2019-01-12')"));
	/* Home care of old1 in 2019, ended that year, with needs (health)
	 * and a note; a donation old1 made. */
	{
		hane_stmt *st = NULL;

		tu_ok(hane_stmt_prepare(
			db, &st,
			"INSERT INTO homecare_client(id, person_id, services,"
			" start_date, end_date, end_reason, needs, notes,"
			" created_at, updated_at) VALUES(66, :p, 'care',"
			" '2019-01-01', '2019-02-01', 'withdrew',"
			" 'dementia,alone', 'Kızı Ayten bakıyor', '2019-01-01',"
			" '2019-02-01');"));
		tu_ok(hane_stmt_bind_int(st, ":p", old1));
		assert_int_equal(hane_stmt_step(st), HANE_DONE);
		hane_stmt_finalize(st);
		tu_ok(hane_stmt_prepare(
			db, &st,
			"INSERT INTO fb_donation(id, branch_id, date,"
			" donor_person_id, donor_name, notes, created_at,"
			" updated_at) VALUES(55, 1, '2019-01-05', :p,"
			" 'Ali Veli', 'Evden getirdi', '2019-01-05',"
			" '2019-01-05')"));
		tu_ok(hane_stmt_bind_int(st, ":p", old1));
		assert_int_equal(hane_stmt_step(st), HANE_DONE);
		hane_stmt_finalize(st);
	}
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	fresh = add_person(db, 4, &h3); /* a new household, recent */
	(void)fresh;
	/* A unit row two years ago keeps `served` (5-year period). */
	{
		hane_stmt *st = NULL;

		tu_ok(hane_stmt_prepare(db, &st,
					"INSERT INTO test_service(person_id,"
					" created_at, updated_at) VALUES(:p,"
					" '2024-06-01 10:00:00', NULL)"));
		tu_ok(hane_stmt_bind_int(st, ":p", served));
		assert_int_equal(hane_stmt_step(st), HANE_DONE);
		hane_stmt_finalize(st);
	}
	tu_staff(db, "sup", NULL, "supervisor", "taxi");
	tu_ok(hane_store_set_actor(db, "sup"));
	assert_int_equal(hane_retention_run(db, true, NULL, NULL, &n),
			 HANE_EPERM);
	tu_ok(hane_store_set_actor(db, "tester"));
	tu_ok(hane_retention_run(db, true, seen, &calls, &n));
	assert_int_equal(n, 2);
	assert_int_equal(calls, 2);
	assert_int_equal(count(db, "SELECT count(*) FROM person WHERE tckn"
				   " IS NULL"),
			 0);
	tu_ok(hane_retention_run(db, false, NULL, NULL, &n));
	assert_int_equal(n, 2);
	assert_int_equal(count(db, "SELECT count(*) FROM person WHERE tckn"
				   " IS NULL AND first_name = 'Anonim' AND"
				   " phone IS NULL"),
			 2);
	/* Statistics stay: birth year, mahalle. */
	assert_int_equal(count(db, "SELECT count(*) FROM person WHERE"
				   " birth_date LIKE '1960-%'"),
			 7);
	assert_int_equal(count(db, "SELECT count(*) FROM household WHERE"
				   " street IS NULL AND mahalle = 'Gündoğdu'"),
			 2);
	assert_int_equal(count(db, "SELECT count(*) FROM retention_log"), 2);
	/* No copy of the identity left in the audit trail or search words. */
	{
		char sql[200];
		int64_t k;

		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM audit WHERE changes LIKE "
			 "'%%%s%%'",
			 tu_tckn(1));
		tu_ok(hane_store_query_int(db, &k, sql, NULL, 0));
		assert_int_equal(k, 0);
	}
	assert_int_equal(count(db, "SELECT count(*) FROM person_word w JOIN"
				   " retention_log r ON r.person_id ="
				   " w.person_id"),
			 0);
	assert_int_equal(count(db, "SELECT count(*) FROM person WHERE id IN"
				   " (SELECT person_id FROM retention_log) AND"
				   " id NOT IN (1, 3)"),
			 0);
	(void)old1;
	(void)old2;
	assert_int_equal(count(db, "SELECT count(*) FROM person WHERE"
				   " first_name = 'Anonim'"),
			 2);
	/* The units' free text about them is gone too; codes and dates
	 * (statistics) stay. */
	assert_int_equal(count(db, "SELECT count(*) FROM inspection_request"
				   " WHERE id = 77 AND referrer = '***' AND"
				   " reason_text = '***' AND reason = 'food'"
				   " AND cancel_reason IS NULL"),
			 1);
	assert_int_equal(count(db, "SELECT count(*) FROM inspection_visit"
				   " WHERE request_id = 77 AND present = '***'"
				   " AND findings = '***' AND health IS NULL"
				   " AND visited_on = '2019-01-12'"),
			 1);
	assert_int_equal(count(db,
			       "SELECT count(*) FROM homecare_client"
			       " WHERE id = 66 AND needs = '***' AND"
			       " notes = '***' AND end_reason = 'withdrew'"),
			 1);
	assert_int_equal(count(db, "SELECT count(*) FROM fb_donation"
				   " WHERE id = 55 AND donor_name = '***' AND"
				   " notes = '***' AND date = '2019-01-05'"),
			 1);
	(void)h5;
	(void)h6;
	(void)h7;
	assert_int_equal(count(db, "SELECT count(*) FROM person WHERE"
				   " first_name = 'Anonim' AND id IN"
				   " (SELECT person_id FROM test_client)"),
			 0);
	/* Done once: a second run finds nobody. */
	tu_ok(hane_retention_run(db, false, NULL, NULL, &n));
	assert_int_equal(n, 0);
	tu_clock_default();
	hane_store_close(db);
}

/* #16: a service that runs to a date keeps the person until then, and
 * the period counts from its end; an open centre membership is running; a merge
 * snapshot goes with the person. */
static int64_t dry_count(hane_db *db)
{
	int n = -1;

	tu_ok(hane_retention_run(db, true, NULL, NULL, &n));
	return n;
}

static void retention_running(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t h1, h2, h3, aid, member, merged;
	int n = 0;
	hane_stmt *st = NULL;

	(void)state;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	aid = add_person(db, 11, &h1);
	(void)aid;
	member = add_person(db, 12, &h2);
	merged = add_person(db, 13, &h3);
	tu_ok(hane_stmt_prepare(
		db, &st,
		"INSERT INTO inspection_request(id, household_id, requested_on,"
		" channel, reason, status, due_on, created_at, updated_at)"
		" VALUES(5, :h, '2026-06-01', 'walk_in', 'general', 'decided',"
		" '2026-06-16', '2026-06-01', '2026-06-01')"));
	tu_ok(hane_stmt_bind_int(st, ":h", h1));
	assert_int_equal(hane_stmt_step(st), HANE_DONE);
	hane_stmt_finalize(st);
	tu_ok(hane_store_exec(
		db, "INSERT INTO inspection_decision(request_id, decided_on,"
		    " decided_by, outcome, aid_type, kind, amount_kurus,"
		    " start_on, end_on, frequency, reason, created_at,"
		    " updated_at) VALUES(5, '2026-06-15', 1, 'aid', 'regular',"
		    " 'cash', 300000, '2026-07-01', '2031-12-31', 'monthly',"
		    " 'x', '2026-06-15', '2026-06-15');"));
	/* an open membership of the centres unit (Asırlık Çınar Gündoğdu) */
	tu_ok(hane_stmt_prepare(db, &st,
				"INSERT INTO centre_member(programme_id,"
				" site_id, person_id, start, end_date,"
				" created_at, updated_at) VALUES(1, 1, :p,"
				" '2026-06-15', NULL, '2026-06-15',"
				" '2026-06-15')"));
	tu_ok(hane_stmt_bind_int(st, ":p", member));
	assert_int_equal(hane_stmt_step(st), HANE_DONE);
	hane_stmt_finalize(st);
	/* merged: a duplicates merge kept an absorbed record's identity */
	tu_ok(hane_stmt_prepare(
		db, &st,
		"INSERT INTO overview_merge(kept_id, merged_id, kept_version,"
		" a_tckn, a_first_name, a_last_name, a_phone,"
		" b_household_id, b_tckn, b_first_name, b_last_name,"
		" b_name_key, b_birth_date, b_relation, b_chronic_illness,"
		" b_phone, b_created_at, created_at, updated_at) VALUES(:p,"
		" 999, 1, '10000000146', 'Gizemli', 'Ad', '+905551112233',"
		" 1, '10000000382', 'Gizemli', 'Ad', 'gizemli ad',"
		" '1960-05-17', 'head', 'Astım', '+905554445566',"
		" '2026-06-15', '2026-06-15', '2026-06-15')"));
	tu_ok(hane_stmt_bind_int(st, ":p", merged));
	assert_int_equal(hane_stmt_step(st), HANE_DONE);
	hane_stmt_finalize(st);

	/* 2031-07: five years after the rows, but the aid runs to 2031-12
	 * and the membership is open: only `merged` is due. */
	setenv("HANE_NOW", "2031-07-01 10:00:00", 1);
	assert_int_equal(dry_count(db), 1);
	tu_ok(hane_retention_run(db, false, NULL, NULL, &n));
	assert_int_equal(n, 1);
	assert_int_equal(count(db, "SELECT count(*) FROM person WHERE tckn"
				   " IS NULL"),
			 1);
	assert_int_equal(count(db,
			       "SELECT count(*) FROM overview_merge WHERE"
			       " a_tckn IS NULL AND a_first_name = 'Anonim'"
			       " AND a_phone IS NULL AND b_tckn IS NULL AND"
			       " b_first_name = 'Anonim' AND b_phone IS NULL"
			       " AND b_chronic_illness IS NULL AND"
			       " b_birth_date = '1960-07-01'"),
			 1);
	/* five years after the aid's end, not after the decision */
	setenv("HANE_NOW", "2036-12-31 10:00:00", 1);
	assert_int_equal(dry_count(db), 0);
	setenv("HANE_NOW", "2037-01-01 10:00:00", 1);
	assert_int_equal(dry_count(db), 1);
	/* the membership ends: five years on, the member goes too */
	tu_ok(hane_store_exec(db, "UPDATE centre_member SET end_date ="
				  " '2030-03-31', end_reason = 'moved'"));
	setenv("HANE_NOW", "2035-04-01 10:00:00", 1);
	assert_int_equal(dry_count(db), 1);
	setenv("HANE_NOW", "2037-01-01 10:00:00", 1);
	assert_int_equal(dry_count(db), 2);
	/* a hook table shaped otherwise fails the run, never passes it by */
	tu_ok(hane_store_exec(db, "DROP TABLE centre_member;"
				  " CREATE TABLE centre_member (id INTEGER"
				  " PRIMARY KEY, person_id INTEGER)"));
	assert_int_not_equal(hane_retention_run(db, true, NULL, NULL, &n), 0);
	tu_clock_default();
	hane_store_close(db);
}

/* The child writes audit events until the parent closes the pipe. */
static void writer(const char *path, int stop_fd)
{
	hane_db *db = NULL;

	if (hane_store_open(&db, path, 0) != 0 ||
	    hane_store_set_actor(db, "tester") != 0)
		_exit(2);
	fcntl(stop_fd, F_SETFL, O_NONBLOCK);
	for (;;) {
		char c;

		if (read(stop_fd, &c, 1) == 0)
			break;
		if (hane_store_audit_event(db, "test.write", "", 0, NULL) !=
			    0 &&
		    hane_store_depth(db) != 0)
			_exit(3);
	}
	hane_store_close(db);
	_exit(0);
}

static void backup_while_writing(void **state)
{
	const char *path = tu_tmp_path("live"), *copy = tu_tmp_path("copy");
	hane_db *db = tu_open(path), *b = NULL;
	struct stat sb;
	struct timespec t0, t;
	int pipefd[2], status;
	int64_t before = 0, after = 0, in_copy = 0;
	pid_t pid;

	(void)state;
	assert_int_equal(pipe(pipefd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(pipefd[1]);
		writer(path, pipefd[0]);
	}
	close(pipefd[0]);
	/* Wait (poll, with a deadline) until the writer is writing. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		tu_ok(hane_store_query_int(db, &before,
					   "SELECT count(*) FROM"
					   " audit WHERE action = 'test.write'",
					   NULL, 0));
		clock_gettime(CLOCK_MONOTONIC, &t);
		assert_true(t.tv_sec - t0.tv_sec < 30);
	} while (before < 50);
	tu_ok(hane_store_backup(db, copy, 0600));
	tu_ok(hane_store_query_int(db, &after,
				   "SELECT count(*) FROM audit"
				   " WHERE action = 'test.write'",
				   NULL, 0));
	close(pipefd[1]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(stat(copy, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	tu_ok(hane_store_open(&b, copy, HANE_OPEN_READONLY));
	tu_ok(hane_store_integrity_check(b));
	tu_ok(hane_store_query_int(b, &in_copy,
				   "SELECT count(*) FROM audit"
				   " WHERE action = 'test.write'",
				   NULL, 0));
	assert_true(in_copy >= before);
	assert_true(in_copy <= after);
	hane_store_close(b);
	/* Never over an existing file. */
	assert_int_equal(hane_store_backup(db, copy, 0600), HANE_EEXIST);
	/* Only with the maintenance permission. */
	tu_staff(db, "rep", NULL, "reporter", NULL);
	tu_ok(hane_store_set_actor(db, "rep"));
	unlink(copy);
	assert_int_equal(hane_store_backup(db, copy, 0600), HANE_EPERM);
	assert_int_equal(access(copy, F_OK), -1);
	hane_store_close(db);
}

static void file_modes(void **state)
{
	const char *base = tu_tmp_path("modes");
	char dir[600], file[700];

	(void)state;
	snprintf(dir, sizeof dir, "%s.d", base);
	mkdir(dir, 0700);
	snprintf(file, sizeof file, "%s/x.db", dir);
	assert_int_equal(hane_file_mode_for(file), 0600);
	assert_int_equal(chmod(dir, 02770), 0);
	assert_int_equal(hane_file_mode_for(file), 0660);
	rmdir(dir);
}

/* #16: an OS login reaches a staff row only through its os_user; a row
 * that merely has the same username is not entered without a password.
 * Every audit row names the OS login that ran hane beside the staff
 * member (root acting as --user X: X and root). */
static void peer_login_only_by_os_user(void **state)
{
	hane_db *db = tu_open(NULL);
	const char *me = hane_os_user();
	hane_stmt *st = NULL;
	char sql[256];

	(void)state;
	tu_staff(db, me, NULL, "admin", NULL); /* same name, no os_user */
	assert_int_equal(hane_login_peer(db), HANE_ENOUSER);
	assert_int_equal(hane_store_actor(db)->staff_id, 0);
	assert_false(hane_login_os_mapped(db, me));
	assert_int_equal(hane_store_set_actor(db, NULL), HANE_ENOUSER);
	/* mapped: it enters */
	tu_ok(hane_stmt_prepare(db, &st,
				"UPDATE staff SET os_user = :u"
				" WHERE username = :u"));
	tu_ok(hane_stmt_bind_text(st, ":u", me));
	assert_int_equal(hane_stmt_step(st), HANE_DONE);
	hane_stmt_finalize(st);
	tu_ok(hane_login_peer(db));
	assert_string_equal(hane_store_actor(db)->username, me);
	assert_true(hane_login_os_mapped(db, me));
	/* acting as someone else: both names on the row */
	tu_ok(hane_store_set_actor(db, "tester"));
	tu_ok(hane_log_event(db, "test.read", "", 0, NULL));
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM audit WHERE action = 'test.read' AND"
		 " username = 'tester' AND os_user = '%s'",
		 me);
	assert_int_equal(count(db, sql), 1);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(masking_by_role),
		cmocka_unit_test(peer_login_only_by_os_user),
		cmocka_unit_test(reveal_and_read_log),
		cmocka_unit_test(export_log_has_sha256),
		cmocka_unit_test(password_never_in_clear),
		cmocka_unit_test(lock_out),
		cmocka_unit_test(account_expiry),
		cmocka_unit_test(retention),
		cmocka_unit_test(retention_running),
		cmocka_unit_test(backup_while_writing),
		cmocka_unit_test(file_modes),
	};

	setenv("HANE_PWHASH_FAST", "1", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
