/* hane/testing.h — fault injection for the reliability tests. Never
 * called by the program itself.
 *
 * Disk and file faults are hard to make for real in a test (a full disk
 * needs a mount, root makes every file writable), so store offers a shim
 * SQLite VFS that forwards to the default one and can fail on purpose.
 * Installing it changes only connections opened afterwards, in this
 * process. Not thread-safe: tests set faults between operations.
 */
#ifndef HANE_TESTING_H
#define HANE_TESTING_H

#include <stdbool.h>
#include <stdint.h>

#include "hane/store.h"

/* Registers the fault VFS as the default for new connections (once; later
 * calls do nothing) and clears every fault. HANE_EINTERNAL if SQLite
 * refuses. */
int hane_testing_fault_install(void) HANE_WARN_UNUSED;

/* Disk full: after `bytes` more bytes have been written through the VFS
 * (database, WAL and journal files alike), every write fails as a full
 * disk does (SQLITE_FULL), until the budget is reset. -1 turns it off. */
void hane_testing_fault_disk_full_after(int64_t bytes);

/* Bytes written through the VFS since it was installed (to size a budget
 * that lands in the middle of an operation). */
int64_t hane_testing_fault_written(void);

/* Read-only files: while on, database files open read-only, as the unix
 * VFS does for a file without write permission — the way to test that
 * when running as root, for whom permissions do not apply. */
void hane_testing_fault_readonly(bool on);

/* The busy timeout of db in milliseconds (the store sets 10 s), so a test
 * of a locked database does not wait that long. */
void hane_testing_busy_timeout(hane_db *db, int ms);

#endif
