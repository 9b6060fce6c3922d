#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/core.h"

const char *tu_tmp_path(const char *stem)
{
	static char paths[8][512];
	static unsigned next;
	static unsigned serial;
	char *p = paths[next++ % 8];
	const char *dir = getenv("HANE_TEST_TMP");
	char side[600];

	if (!dir || !*dir)
		dir = "/tmp";
	mkdir(dir, 0777);
	snprintf(p, sizeof paths[0], "%s/%s-%ld-%u.db", dir, stem,
		 (long)getpid(), serial++);
	unlink(p);
	snprintf(side, sizeof side, "%s-wal", p);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", p);
	unlink(side);
	snprintf(side, sizeof side, "%s-writer", p);
	unlink(side);
	return p;
}

void tu_clock_default(void)
{
	setenv("HANE_NOW", TU_NOW, 1);
}

hane_db *tu_open(const char *path)
{
	hane_db *db = NULL;
	hane_stmt *st = NULL;
	int rc;

	setenv("HANE_NOW", TU_NOW, 0); /* a test's own pin stands */
	rc = hane_store_open(&db, path ? path : ":memory:", HANE_OPEN_CREATE);

	if (rc != 0)
		fail_msg("open %s: %s",
			 path ? path : ":memory:", hane_error_last());
	rc = hane_stmt_prepare(
		db, &st,
		"INSERT OR IGNORE INTO staff(username, full_name,"
		" role, created_at, updated_at)"
		" VALUES('tester', 'Test Kullanıcı', 'admin',"
		" '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
	if (rc == 0)
		rc = hane_stmt_step(st) < 0 ? -1 : 0;
	hane_stmt_finalize(st);
	if (rc != 0)
		fail_msg("add tester: %s", hane_error_last());
	if (hane_store_set_actor(db, "tester") != 0)
		fail_msg("actor: %s", hane_error_last());
	return db;
}

int64_t tu_staff(hane_db *db, const char *user, const char *full_name,
		 const char *role, const char *unit)
{
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(
		db, &st,
		"INSERT INTO staff(username, full_name, role, unit, created_at,"
		" updated_at) VALUES(:u, :f, :r, :unit, '2026-01-01 00:00:00',"
		" '2026-01-01 00:00:00')");

	if (rc == 0)
		rc = hane_stmt_bind_text(st, ":u", user);
	if (rc == 0)
		rc = hane_stmt_bind_text(st, ":f",
					 full_name ? full_name : user);
	if (rc == 0)
		rc = hane_stmt_bind_text(st, ":r", role);
	if (rc == 0)
		rc = hane_stmt_bind_text(st, ":unit",
					 unit && *unit ? unit : NULL);
	if (rc == 0)
		rc = hane_stmt_step(st) == HANE_DONE ? 0 : -1;
	hane_stmt_finalize(st);
	if (rc != 0)
		fail_msg("add staff %s: %s", user, hane_error_last());
	return hane_store_last_id(db);
}

hane_db *tu_open_demo(const char *path)
{
	hane_db *db = tu_open(path);

	if (hane_store_mark_demo(db) != 0)
		fail_msg("mark demo: %s", hane_error_last());
	return db;
}

const char *tu_tckn(uint64_t n)
{
	static char out[8][HANE_TCKN_LEN + 1];
	static unsigned next;
	char *t = out[next++ % 8];

	snprintf(t, sizeof out[0], "9%08llu",
		 (unsigned long long)(n % 100000000ULL));
	hane_tckn_complete(t);
	return t;
}
