/* Helpers shared by the cmocka tests. */
#ifndef HANE_TESTUTIL_H
#define HANE_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "hane/store.h"

/* A fresh file path under HANE_TEST_TMP (or /tmp), unique per call; any
 * old file and its -wal/-shm are removed. Static storage, rotates 8. */
const char *tu_tmp_path(const char *stem);

/* Opens an in-memory (path NULL) or file database, migrated, with a staff
 * member "tester" (admin) as the actor. Fails the test on error. */
hane_db *tu_open(const char *path);

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
