/* Helpers shared by the cmocka tests. */
#ifndef HANE_TESTUTIL_H
#define HANE_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "hane/store.h"

/* The clock every test runs on unless it pins another (HANE_NOW): Monday
 * 15.06.2026 10:00, Istanbul time. CTest sets it for every test, tu_open
 * sets it when nothing has, and a test that moved the clock puts it back
 * with tu_clock_default() — never unsetenv, which would leave the rest of
 * the run on the real clock (a test that passed in 2026 failed in 2027). */
#define TU_NOW "2026-06-15 10:00:00"
void tu_clock_default(void);

/* A fresh file path under HANE_TEST_TMP (or /tmp), unique per call; any
 * old file and its -wal/-shm/-writer are removed. Static storage, rotates 8. */
const char *tu_tmp_path(const char *stem);

/* Opens an in-memory (path NULL) or file database, migrated, with a staff
 * member "tester" (admin) as the actor. Fails the test on error. */
hane_db *tu_open(const char *path);
/* tu_open, marked as made by `hane init --demo` (hane_demo_generate and
 * the demo year run only there). */
hane_db *tu_open_demo(const char *path);

/* Adds a staff member with the role ("caseworker", "reporter", …) and
 * unit (NULL or "" for none), full name = user when full_name is NULL,
 * created 2026-01-01, active; returns the id. Straight into the table,
 * without the staff module's audit row. Fails the test on error. Every
 * unit test makes its staff through this one helper. */
int64_t tu_staff(hane_db *db, const char *user, const char *full_name,
		 const char *role, const char *unit);

/* A checksum-valid TC Kimlik No made from n (deterministic). */
const char *tu_tckn(uint64_t n);

/* Assert that rc is 0, printing hane_error_last() when it is not. */
#define tu_ok(expr)                                                            \
	do {                                                                   \
		int tu_rc_ = (expr);                                           \
		if (tu_rc_ != 0)                                               \
			fail_msg("%s = %d: %s", #expr, tu_rc_,                 \
				 hane_error_last());                           \
	} while (0)

#endif
