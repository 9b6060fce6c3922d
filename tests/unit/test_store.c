/* store: open and migrate, refusal of foreign files, statements,
 * transactions, audit rows, optimistic locking, permissions. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/perm.h"
#include "hane/store.h"

static int64_t count(hane_db *db, const char *sql)
{
	int64_t n = -1;

	tu_ok(hane_store_query_int(db, &n, sql, NULL, 0));
	return n;
}

static void write_file(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	fclose(f);
}

static void test_open_creates_and_migrates(void **state)
{
	const char *path = tu_tmp_path("store-new");
	hane_db *db = NULL;
	int64_t n = 0;

	(void)state;
	tu_ok(hane_store_open(&db, path, HANE_OPEN_CREATE));
	assert_int_equal(hane_store_schema_version(db),
			 hane_store_schema_latest());
	assert_true(hane_store_schema_latest() >= 1);
	tu_ok(hane_store_query_int(db, &n, "PRAGMA foreign_keys", NULL, 0));
	assert_int_equal(n, 1);
	/* FULL = 2, set explicitly (a build may default to NORMAL): every
	 * commit survives a power cut (test_reliability_powerloss). */
	tu_ok(hane_store_query_int(db, &n, "PRAGMA synchronous", NULL, 0));
	assert_int_equal(n, 2);
	tu_ok(hane_store_integrity_check(db));
	hane_store_close(db);

	/* Reopening applies nothing and keeps the version. */
	tu_ok(hane_store_open(&db, path, 0));
	assert_int_equal(hane_store_schema_version(db),
			 hane_store_schema_latest());
	hane_store_close(db);
}

static void test_open_wal_mode(void **state)
{
	const char *path = tu_tmp_path("store-wal");
	hane_db *db = NULL;
	hane_stmt *st = NULL;

	(void)state;
	tu_ok(hane_store_open(&db, path, HANE_OPEN_CREATE));
	tu_ok(hane_stmt_prepare(db, &st, "PRAGMA journal_mode"));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	assert_string_equal(hane_stmt_text(st, 0), "wal");
	hane_stmt_finalize(st);
	hane_store_close(db);
}

static void test_open_missing_without_create(void **state)
{
	const char *path = tu_tmp_path("store-missing");
	hane_db *db = NULL;

	(void)state;
	assert_int_equal(hane_store_open(&db, path, 0), HANE_EIO);
	assert_null(db);
	assert_non_null(strstr(hane_error_last(), path));
	assert_int_equal(access(path, F_OK), -1); /* nothing created */
}

static void test_open_refuses_text_file(void **state)
{
	const char *path = tu_tmp_path("store-text");
	hane_db *db = NULL;
	static const char text[] = "TC Kimlik No;Ad;Soyad\n12345678950;A;B\n";

	(void)state;
	write_file(path, text, sizeof text - 1);
	assert_int_equal(hane_store_open(&db, path, 0), HANE_ENOTDB);
	assert_null(db);
	assert_non_null(strstr(hane_error_last(), "SQLite"));
	/* The file is left exactly as it was. */
	{
		struct stat sb;

		assert_int_equal(stat(path, &sb), 0);
		assert_int_equal(sb.st_size, sizeof text - 1);
	}
}

static void test_open_refuses_foreign_sqlite(void **state)
{
	const char *path = tu_tmp_path("store-foreign");
	char cmd[1024];
	hane_db *db = NULL;

	(void)state;
	snprintf(cmd, sizeof cmd,
		 "sqlite3 '%s' 'CREATE TABLE t(x); INSERT INTO t VALUES(1);'",
		 path);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(hane_store_open(&db, path, 0), HANE_ENOTDB);
	assert_non_null(strstr(hane_error_last(), "hane"));
}

static void test_open_refuses_newer_schema(void **state)
{
	const char *path = tu_tmp_path("store-newer");
	char cmd[1024];
	hane_db *db = NULL;

	(void)state;
	tu_ok(hane_store_open(&db, path, HANE_OPEN_CREATE));
	hane_store_close(db);
	snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'PRAGMA user_version = 999'",
		 path);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(hane_store_open(&db, path, 0), HANE_EVERSION);
	assert_non_null(strstr(hane_error_last(), "999"));
}

static void test_open_refuses_directory(void **state)
{
	hane_db *db = NULL;

	(void)state;
	assert_int_equal(hane_store_open(&db, "/tmp", 0), HANE_ENOTDB);
}

/* ORDER BY … COLLATE TURKISH: Turkish alphabetical order in SQL (#17). */
static void test_turkish_collation(void **state)
{
	static const char *const want[] = {"Canan", "Cavit", "Çağla", "Çağrı",
					   "Çetin", "Irmak", "İlker", "Oya",
					   "Öykü",  "Sude",  "Şükrü"};
	hane_db *db = tu_open(NULL);
	hane_stmt *st = NULL;
	int i = 0;

	(void)state;
	tu_ok(hane_stmt_prepare(
		db, &st,
		"SELECT column1 FROM (VALUES ('Şükrü'), ('Çetin'), ('Canan'),"
		" ('Öykü'), ('İlker'), ('Çağrı'), ('Sude'), ('Cavit'),"
		" ('Irmak'), ('Çağla'), ('Oya'))"
		" ORDER BY column1 COLLATE TURKISH"));
	while (hane_stmt_step(st) == HANE_ROW)
		assert_string_equal(hane_stmt_text(st, 0), want[i++]);
	assert_int_equal(i, 11);
	hane_stmt_finalize(st);
	hane_store_close(db);
}

static void test_statement_binds_and_columns(void **state)
{
	hane_db *db = tu_open(NULL);
	hane_stmt *st = NULL;

	(void)state;
	tu_ok(hane_stmt_prepare(db, &st, "SELECT :a || '-' || :b, :n + 1, :z"));
	tu_ok(hane_stmt_bind_text(st, ":a", "Şükrü"));
	tu_ok(hane_stmt_bind_text(st, ":b", "O'Brien; DROP TABLE person"));
	tu_ok(hane_stmt_bind_int(st, ":n", 41));
	tu_ok(hane_stmt_bind_null(st, ":z"));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	assert_string_equal(hane_stmt_text(st, 0),
			    "Şükrü-O'Brien; DROP TABLE person");
	assert_int_equal(hane_stmt_int(st, 1), 42);
	assert_true(hane_stmt_is_null(st, 2));
	assert_string_equal(hane_stmt_text(st, 2), "");
	assert_int_equal(hane_stmt_step(st), HANE_DONE);
	/* Unknown parameter names are a programming error, not a crash. */
	hane_stmt_reset(st);
	assert_int_equal(hane_stmt_bind_text(st, ":nope", "x"), HANE_EINTERNAL);
	hane_stmt_finalize(st);
	/* Bad SQL is an error with the text, not an abort. */
	assert_true(hane_stmt_prepare(db, &st, "SELEC nonsense") < 0);
	assert_null(st);
	hane_store_close(db);
}

static void test_statement_cache_reuse_and_nesting(void **state)
{
	hane_db *db = tu_open(NULL);
	hane_stmt *a = NULL, *b = NULL, *c = NULL;
	const char *sql = "SELECT value FROM json_each('[1,2,3]')";

	(void)state;
	tu_ok(hane_stmt_prepare(db, &a, sql));
	assert_int_equal(hane_stmt_step(a), HANE_ROW);
	/* The same SQL while a is in use gets a different statement. */
	tu_ok(hane_stmt_prepare(db, &b, sql));
	assert_ptr_not_equal(a, b);
	assert_int_equal(hane_stmt_step(b), HANE_ROW);
	assert_int_equal(hane_stmt_int(b, 0), 1);
	assert_int_equal(hane_stmt_step(a), HANE_ROW);
	assert_int_equal(hane_stmt_int(a, 0), 2);
	hane_stmt_finalize(a);
	/* After a is released it is handed out again, reset. */
	tu_ok(hane_stmt_prepare(db, &c, sql));
	assert_ptr_equal(c, a);
	assert_int_equal(hane_stmt_step(c), HANE_ROW);
	assert_int_equal(hane_stmt_int(c, 0), 1);
	hane_stmt_finalize(c);
	hane_stmt_finalize(b);
	hane_store_close(db); /* ASan checks that nothing leaked */
}

static int insert_two(hane_db *db, void *arg)
{
	int *calls = arg;

	(*calls)++;
	return hane_store_exec(db,
			       "INSERT INTO staff(username, full_name, role)"
			       " VALUES('x1', 'X', 'reporter');"
			       "INSERT INTO staff(username, full_name, role)"
			       " VALUES('x2', 'X', 'reporter')");
}

static int insert_then_fail(hane_db *db, void *arg)
{
	(void)arg;
	if (hane_store_exec(db, "INSERT INTO staff(username, full_name, role)"
				" VALUES('y1', 'Y', 'reporter')"))
		return HANE_EDB;
	hane_error_set("deliberate");
	return HANE_EINVAL;
}

struct each_seen {
	char names[256];
	int rows, stop_at;
};

static int each_row(hane_stmt *st, void *arg)
{
	struct each_seen *e = arg;
	size_t len = strlen(e->names);

	snprintf(e->names + len, sizeof e->names - len, "%s%s", len ? "," : "",
		 hane_stmt_text(st, 0));
	if (++e->rows == e->stop_at)
		return e->stop_at > 2 ? HANE_EINVAL : 1;
	return 0;
}

/* The one prepare-and-loop helper: parameters bound by name, rows in
 * order, a positive return stops early as success, a negative one is the
 * result, a bad statement is an error before any row. */
static void test_store_each(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_field p[] = {HANE_FTEXT(":r", "reporter"),
				 HANE_FINT(":n", 1)};
	const char *sql = "SELECT username FROM staff WHERE role = :r"
			  " AND length(username) > :n ORDER BY username";
	struct each_seen e = {"", 0, 0};

	(void)state;
	tu_staff(db, "rb", NULL, "reporter", NULL);
	tu_staff(db, "ra", NULL, "reporter", NULL);
	tu_staff(db, "rc", NULL, "reporter", NULL);
	tu_staff(db, "w", NULL, "reporter", NULL);
	tu_ok(hane_store_each(db, sql, p, 2, each_row, &e));
	assert_string_equal(e.names, "ra,rb,rc");
	e = (struct each_seen){"", 0, 2};
	tu_ok(hane_store_each(db, sql, p, 2, each_row, &e));
	assert_string_equal(e.names, "ra,rb");
	e = (struct each_seen){"", 0, 3};
	assert_int_equal(hane_store_each(db, sql, p, 2, each_row, &e),
			 HANE_EINVAL);
	assert_int_equal(e.rows, 3);
	e = (struct each_seen){"", 0, 0};
	tu_ok(hane_store_each(db, "SELECT 'x' WHERE 0", NULL, 0, each_row, &e));
	assert_int_equal(e.rows, 0);
	assert_true(hane_store_each(db, "SELECT nope FROM nothing", NULL, 0,
				    each_row, &e) < 0);
	/* first: the first row alone; none is HANE_ENOTFOUND. */
	e = (struct each_seen){"", 0, 0};
	tu_ok(hane_store_first(db, sql, p, 2, each_row, &e));
	assert_string_equal(e.names, "ra");
	assert_int_equal(hane_store_first(db, "SELECT 'x' WHERE 0", NULL, 0,
					  each_row, &e),
			 HANE_ENOTFOUND);
	assert_int_equal(e.rows, 1);
	/* No row callback: first says whether there is a row. */
	tu_ok(hane_store_first(db, sql, p, 2, NULL, NULL));
	assert_int_equal(
		hane_store_first(db, "SELECT 'x' WHERE 0", NULL, 0, NULL, NULL),
		HANE_ENOTFOUND);
	hane_store_close(db);
}

/* The typed helpers over hane_store_each: HANE_STORE_ROWS gathers every
 * row into a growing array (room for 2 at first: the third row grows it);
 * HANE_STORE_EACH_ROW hands each row to fn, whose negative result is the
 * walk's error and whose positive one stops it as a success. */
struct seen_staff {
	char username[16];
	int64_t len;
};

static void read_seen(hane_stmt *st, struct seen_staff *s)
{
	snprintf(s->username, sizeof s->username, "%s", hane_stmt_text(st, 0));
	s->len = hane_stmt_int(st, 1);
}

HANE_STORE_ROWS(seen, struct seen_staff, read_seen, 2)
HANE_STORE_EACH_ROW(seen_walk, struct seen_staff, read_seen)

struct seen_fn {
	int calls, result_at, result;
};

static int seen_call(const struct seen_staff *s, void *arg)
{
	struct seen_fn *f = arg;

	assert_int_equal(s->len, 2);
	return ++f->calls == f->result_at ? f->result : 0;
}

static void test_store_rows_and_walk(void **state)
{
	hane_db *db = tu_open(NULL);
	const char *sql = "SELECT username, length(username) FROM staff"
			  " WHERE role = 'reporter' ORDER BY username";
	struct seen_rows l = {NULL, 0, 0};
	struct seen_fn f = {0, 0, 0};

	(void)state;
	tu_staff(db, "rb", NULL, "reporter", NULL);
	tu_staff(db, "ra", NULL, "reporter", NULL);
	tu_staff(db, "rc", NULL, "reporter", NULL);
	tu_ok(hane_store_each(db, sql, NULL, 0, seen_row, &l));
	assert_int_equal(l.n, 3);
	assert_true(l.cap >= 3);
	assert_string_equal(l.v[0].username, "ra");
	assert_string_equal(l.v[1].username, "rb");
	assert_string_equal(l.v[2].username, "rc");
	assert_int_equal(l.v[2].len, 2);
	free(l.v);
	tu_ok(hane_store_each(db, sql, NULL, 0, seen_walk_row,
			      &(struct seen_walk_each){seen_call, &f}));
	assert_int_equal(f.calls, 3);
	f = (struct seen_fn){0, 2, 1};
	tu_ok(hane_store_each(db, sql, NULL, 0, seen_walk_row,
			      &(struct seen_walk_each){seen_call, &f}));
	assert_int_equal(f.calls, 2);
	f = (struct seen_fn){0, 2, HANE_ENOMEM};
	assert_int_equal(
		hane_store_each(db, sql, NULL, 0, seen_walk_row,
				&(struct seen_walk_each){seen_call, &f}),
		HANE_ENOMEM);
	assert_int_equal(f.calls, 2);
	hane_store_close(db);
}

/* run: a statement to its end with those parameters it names bound (one
 * list serves a family of statements); an unknown column is an error. */
static void test_store_run(void **state)
{
	hane_db *db = tu_open(NULL);
	const struct hane_field p[] = {HANE_FTEXT(":name", "Run Test"),
				       HANE_FTEXT(":u", "rx"),
				       HANE_FINT(":unused", 7)};
	int64_t n = 0;

	(void)state;
	tu_staff(db, "rx", NULL, "reporter", NULL);
	tu_ok(hane_store_run(db,
			     "UPDATE staff SET full_name = :name"
			     " WHERE username = :u",
			     p, HANE_COUNTOF(p)));
	tu_ok(hane_store_query_int(
		db, &n,
		"SELECT count(*) FROM staff WHERE"
		" full_name = 'Run Test' AND username = 'rx'",
		NULL, 0));
	assert_int_equal(n, 1);
	tu_ok(hane_store_run(db, "SELECT username FROM staff", p, 0));
	assert_true(hane_store_run(db, "UPDATE staff SET nope = :u", p,
				   HANE_COUNTOF(p)) < 0);
	hane_store_close(db);
}

static void test_transactions_all_or_nothing(void **state)
{
	hane_db *db = tu_open(NULL);
	int calls = 0;

	(void)state;
	tu_ok(hane_store_tx(db, insert_two, &calls));
	assert_int_equal(calls, 1);
	assert_int_equal(count(db, "SELECT count(*) FROM staff WHERE username"
				   " IN ('x1','x2')"),
			 2);
	assert_int_equal(hane_store_tx(db, insert_then_fail, NULL),
			 HANE_EINVAL);
	assert_string_equal(hane_error_last(), "deliberate");
	assert_int_equal(count(db, "SELECT count(*) FROM staff WHERE username"
				   " = 'y1'"),
			 0);
	assert_int_equal(hane_store_depth(db), 0);
	hane_store_close(db);
}

static void test_nested_rollback_dooms_outer(void **state)
{
	hane_db *db = tu_open(NULL);

	(void)state;
	tu_ok(hane_store_begin(db));
	tu_ok(hane_store_exec(db, "INSERT INTO staff(username, full_name, role)"
				  " VALUES('n1', 'N', 'reporter')"));
	tu_ok(hane_store_begin(db));
	assert_int_equal(hane_store_depth(db), 2);
	hane_store_rollback(db);
	/* The outer commit must not keep the inner work's sibling writes. */
	assert_true(hane_store_commit(db) != 0);
	assert_int_equal(hane_store_depth(db), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM staff WHERE username"
				   " = 'n1'"),
			 0);
	hane_store_close(db);
}

static void test_insert_update_audit(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_field f[] = {HANE_FTEXT("username", "ayse.k"),
				 HANE_FTEXT("full_name", "Ayşe Kaya"),
				 HANE_FTEXT("role", "caseworker")};
	struct hane_field g[] = {HANE_FTEXT("full_name", "Ayşe Kaya Demir"),
				 HANE_FTEXT("role", "caseworker")};
	hane_stmt *st = NULL;
	int64_t id = 0;
	int changed = -1;

	(void)state;
	setenv("HANE_NOW", "2026-03-04 12:04:00", 1);
	tu_ok(hane_store_insert(db, "staff", f, 3, &id));
	assert_true(id > 0);
	tu_ok(hane_stmt_prepare(
		db, &st,
		"SELECT username, action, tbl, row_id, changes, at"
		" FROM audit ORDER BY id DESC LIMIT 1"));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	assert_string_equal(hane_stmt_text(st, 0), "tester");
	assert_string_equal(hane_stmt_text(st, 1), "insert");
	assert_string_equal(hane_stmt_text(st, 2), "staff");
	assert_int_equal(hane_stmt_int(st, 3), id);
	assert_non_null(
		strstr(hane_stmt_text(st, 4), "\"full_name\":\"Ayşe Kaya\""));
	assert_string_equal(hane_stmt_text(st, 5), "2026-03-04 12:04:00");
	hane_stmt_finalize(st);

	/* Only the field that differs is written and audited. */
	tu_ok(hane_store_update(db, "staff", id, 1, g, 2, &changed));
	assert_int_equal(changed, 1);
	tu_ok(hane_stmt_prepare(db, &st,
				"SELECT action, changes FROM audit"
				" ORDER BY id DESC LIMIT 1"));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	assert_string_equal(hane_stmt_text(st, 0), "update");
	assert_string_equal(
		hane_stmt_text(st, 1),
		"{\"full_name\":[\"Ayşe Kaya\",\"Ayşe Kaya Demir\"]}");
	hane_stmt_finalize(st);
	assert_int_equal(count(db, "SELECT version FROM staff WHERE username"
				   " = 'ayse.k'"),
			 2);

	/* The same values again change nothing and write no audit row. */
	{
		int64_t before = count(db, "SELECT count(*) FROM audit");

		tu_ok(hane_store_update(db, "staff", id, 2, g, 2, &changed));
		assert_int_equal(changed, 0);
		assert_int_equal(count(db, "SELECT count(*) FROM audit"),
				 before);
	}
	tu_clock_default();
	hane_store_close(db);
}

static void test_stale_version_conflict(void **state)
{
	const char *path = tu_tmp_path("store-conflict");
	hane_db *a = tu_open(path), *b = NULL;
	struct hane_field f[] = {HANE_FTEXT("username", "mehmet.y"),
				 HANE_FTEXT("full_name", "Mehmet Yıldız"),
				 HANE_FTEXT("role", "caseworker")};
	struct hane_field ga[] = {HANE_FTEXT("full_name", "Mehmet A")};
	struct hane_field gb[] = {HANE_FTEXT("full_name", "Mehmet B")};
	const struct hane_conflict *c;
	int64_t id = 0;

	(void)state;
	tu_ok(hane_store_insert(a, "staff", f, 3, &id));
	tu_staff(a, "ayse.k", "Ayşe", "caseworker", NULL);
	tu_ok(hane_store_open(&b, path, 0));
	tu_ok(hane_store_set_actor(b, "ayse.k"));
	setenv("HANE_NOW", "2026-03-04 12:04:00", 1);
	/* Both loaded version 1; b saves first. */
	tu_ok(hane_store_update(b, "staff", id, 1, gb, 1, NULL));
	tu_clock_default();
	assert_int_equal(hane_store_update(a, "staff", id, 1, ga, 1, NULL),
			 HANE_ECONFLICT);
	c = hane_store_last_conflict(a);
	assert_string_equal(c->updated_by, "ayse.k");
	assert_string_equal(c->updated_at, "2026-03-04 12:04:00");
	assert_int_equal(c->version, 2);
	assert_non_null(strstr(hane_error_last(), "12:04"));
	assert_non_null(strstr(hane_error_last(), "ayse.k"));
	assert_int_equal(hane_store_depth(a), 0);
	/* Nothing of a's was written. */
	assert_int_equal(count(a, "SELECT count(*) FROM staff WHERE full_name"
				  " = 'Mehmet A'"),
			 0);
	/* Delete with a stale version is refused the same way. */
	assert_int_equal(hane_store_delete(a, "staff", id, 1), HANE_ECONFLICT);
	tu_ok(hane_store_delete(a, "staff", id, 2));
	assert_int_equal(count(a, "SELECT count(*) FROM audit WHERE action ="
				  " 'delete' AND changes LIKE '%Mehmet B%'"),
			 1);
	assert_int_equal(hane_store_update(a, "staff", id, 3, ga, 1, NULL),
			 HANE_ENOTFOUND);
	/* A row deleted already is not found, said naming it. */
	assert_int_equal(hane_store_delete(a, "staff", id, 3), HANE_ENOTFOUND);
	assert_non_null(strstr(hane_error_last(), "staff"));
	hane_store_close(b);
	hane_store_close(a);
}

/* #16: the store refuses a control character a model did not check,
 * naming the column; an unchanged old value does not block an update. */
static void test_store_refuses_control_chars(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_field f[] = {HANE_FTEXT("username", "ctl"),
				 HANE_FTEXT("full_name", "A\033]52;c;eA==\007"),
				 HANE_FTEXT("role", "caseworker")};
	struct hane_field ok[] = {HANE_FTEXT("username", "ctl"),
				  HANE_FTEXT("full_name", "Çok\nsatır\tolur"),
				  HANE_FTEXT("role", "caseworker")};
	struct hane_field bidi[] = {HANE_FTEXT("full_name", "x\xe2\x80\xaey")};
	struct hane_field same[] = {HANE_FTEXT("full_name", "Old\033"),
				    HANE_FTEXT("role", "supervisor")};
	int64_t id = 0;
	int changed = 0;

	(void)state;
	assert_int_equal(hane_store_insert(db, "staff", f, 3, &id),
			 HANE_EINVAL);
	assert_string_equal(
		hane_error_last(),
		"full_name: denetim karakteri kullanılamaz (U+001B)");
	assert_int_equal(count(db, "SELECT count(*) FROM staff WHERE"
				   " username = 'ctl'"),
			 0);
	tu_ok(hane_store_insert(db, "staff", ok, 3, &id));
	assert_int_equal(hane_store_update(db, "staff", id, 1, bidi, 1, NULL),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "U+202E"));
	/* a value stored before the rule, given back unchanged, passes */
	tu_ok(hane_store_exec(db, "UPDATE staff SET full_name = 'Old' ||"
				  " char(27) WHERE username = 'ctl'"));
	tu_ok(hane_store_update(db, "staff", id, 1, same, 2, &changed));
	assert_int_equal(changed, 1);
	hane_store_close(db);
}

static void test_unknown_user_can_do_nothing(void **state)
{
	hane_db *db = tu_open(NULL);

	(void)state;
	tu_ok(hane_can(db, HANE_ACT_HOUSEHOLD_READ));
	assert_int_equal(hane_store_set_actor(db, "nobody"), HANE_ENOUSER);
	assert_int_equal(hane_store_actor(db)->staff_id, 0);
	assert_string_equal(hane_store_actor(db)->username, "nobody");
	for (int a = 0; a < HANE_ACT__COUNT; a++)
		assert_int_equal(hane_can(db, (enum hane_action)a), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "hane staff add nobody"));
	assert_string_equal(hane_action_name(HANE_ACT_HOUSEHOLD_WRITE),
			    "household.write");
	hane_store_close(db);
}

static void test_audit_event(void **state)
{
	hane_db *db = tu_open(NULL);

	(void)state;
	tu_ok(hane_store_audit_event(db, "export", "person", 0,
				     "{\"file\":\"x.csv\"}"));
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'export' AND username = 'tester'"),
			 1);
	hane_store_close(db);
}

/* The search log's rows (#22) wait in memory: written by the next commit
 * (not by a rolled-back one), when due, or at close — each with the time
 * and the staff member of its event. */
static void test_audit_event_later(void **state)
{
	const char *path = tu_tmp_path("later");
	hane_db *db = tu_open(path), *other;
	int due;

	(void)state;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	assert_int_equal(hane_store_events_due(db), -1);
	tu_ok(hane_store_audit_event_later(db, "person.search", "", 0,
					   "{\"kind\":\"name\"}"));
	due = hane_store_events_due(db);
	assert_true(due > 0 && due <= 1001);
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'person.search'"),
			 0);
	/* A rolled-back transaction does not take them with it. */
	tu_ok(hane_store_begin(db));
	assert_int_equal(hane_store_end(db, HANE_EINVAL), HANE_EINVAL);
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'person.search'"),
			 0);
	/* The next commit does, with the event's own time and actor. */
	setenv("HANE_NOW", "2026-06-15 10:05:00", 1);
	assert_int_equal(hane_store_set_actor(db, "nobody"), HANE_ENOUSER);
	tu_ok(hane_store_begin(db));
	tu_ok(hane_store_commit(db));
	assert_int_equal(hane_store_events_due(db), -1);
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'person.search' AND at = '2026-06-15"
				   " 10:00:00' AND username = 'tester'"
				   " AND changes = '{\"kind\":\"name\"}'"),
			 1);
	/* Inside a transaction a row is written at once. */
	tu_ok(hane_store_set_actor(db, "tester"));
	tu_ok(hane_store_begin(db));
	tu_ok(hane_store_audit_event_later(db, "person.search", "", 0, NULL));
	assert_int_equal(hane_store_events_due(db), -1);
	tu_ok(hane_store_commit(db));
	/* A program that ends writes what waits. */
	tu_ok(hane_store_audit_event_later(db, "person.search", "", 0, NULL));
	hane_store_close(db);
	db = tu_open(path);
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'person.search'"),
			 3);
	/* More than 128 waiting: the 129th writes them first. */
	for (int k = 0; k < 129; k++)
		tu_ok(hane_store_audit_event_later(db, "person.search", "", 0,
						   NULL));
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'person.search'"),
			 3 + 128);
	tu_ok(hane_store_events_flush(db));
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'person.search'"),
			 3 + 129);
	/* Another connection writing: a try does not wait for it (no busy
	 * timeout), keeps the row and is due again in a quarter second. */
	other = tu_open(path);
	tu_ok(hane_store_begin(other));
	tu_ok(hane_store_audit_event_later(db, "person.search", "", 0, NULL));
	assert_int_equal(hane_store_events_try(db), HANE_EBUSY);
	due = hane_store_events_due(db);
	assert_true(due > 0 && due <= 251);
	tu_ok(hane_store_commit(other));
	tu_ok(hane_store_events_try(db));
	assert_int_equal(hane_store_events_due(db), -1);
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'person.search'"),
			 3 + 130);
	/* Another connection holding the write lock for long (an import):
	 * the searches go on, their rows waiting past 128 (up to 4,096),
	 * none of them waiting for the lock — before, the 129th waited the
	 * whole busy timeout and was refused ("database is locked"). */
	tu_ok(hane_store_begin(other));
	for (int k = 0; k < 300; k++)
		tu_ok(hane_store_audit_event_later(db, "person.search", "", 0,
						   NULL));
	tu_ok(hane_store_commit(other));
	tu_ok(hane_store_events_flush(db));
	assert_int_equal(count(db, "SELECT count(*) FROM audit WHERE action ="
				   " 'person.search'"),
			 3 + 130 + 300);
	hane_store_close(other);
	hane_store_close(db);
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_creates_and_migrates),
		cmocka_unit_test(test_open_wal_mode),
		cmocka_unit_test(test_open_missing_without_create),
		cmocka_unit_test(test_open_refuses_text_file),
		cmocka_unit_test(test_open_refuses_foreign_sqlite),
		cmocka_unit_test(test_open_refuses_newer_schema),
		cmocka_unit_test(test_open_refuses_directory),
		cmocka_unit_test(test_statement_binds_and_columns),
		cmocka_unit_test(test_turkish_collation),
		cmocka_unit_test(test_statement_cache_reuse_and_nesting),
		cmocka_unit_test(test_store_each),
		cmocka_unit_test(test_store_rows_and_walk),
		cmocka_unit_test(test_store_run),
		cmocka_unit_test(test_transactions_all_or_nothing),
		cmocka_unit_test(test_nested_rollback_dooms_outer),
		cmocka_unit_test(test_insert_update_audit),
		cmocka_unit_test(test_stale_version_conflict),
		cmocka_unit_test(test_store_refuses_control_chars),
		cmocka_unit_test(test_unknown_user_can_do_nothing),
		cmocka_unit_test(test_audit_event),
		cmocka_unit_test(test_audit_event_later),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
