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

/* Read-only file system: while on, the database, -wal and journal files
 * that exist open read-only, those that do not cannot be made (nor the
 * -shm), nothing can be deleted: a read-only mount, or a folder without
 * write permission, for a test running as root. An -shm that exists is
 * still mapped writable, unlike on a real read-only mount. */
void hane_testing_fault_readonly_fs(bool on);

/* The busy timeout of db in milliseconds (the store sets 10 s), so a test
 * of a locked database does not wait that long. */
void hane_testing_busy_timeout(hane_db *db, int ms);

/* ---- Power loss ---------------------------------------------------------
 *
 * A second shim VFS (src/store/powervfs.c) keeps, per file, every write
 * and truncate made since the file's last sync, with the bytes it
 * replaced. A power cut undoes them, so the disk holds what a machine that
 * lost power would: only what was synced (HANE_POWER_DROP), or that plus a
 * random subset of the unsynced writes, some torn at 512-byte sectors
 * (HANE_POWER_TORN). After the cut every I/O through the VFS fails: the
 * connections can only be closed, and nothing more reaches the disk. */

enum hane_power_cut { HANE_POWER_DROP, HANE_POWER_TORN };

struct hane_power_stats {
	int64_t ops;	   /* writes, truncates and syncs counted so far */
	int64_t syncs;	   /* syncs completed (all files) */
	int64_t wal_syncs; /* of them, syncs of a -wal file */
	bool cut;	   /* the power has failed */
	int64_t unsynced;  /* at the cut: writes and truncates not synced */
	int64_t landed;	   /* torn variant: of them, reached the disk whole */
	int64_t torn;	   /* torn variant: reached it in part */
};

/* Registers the power VFS as the default for new connections, disarmed,
 * with its log and counters cleared. Call it with no connection open
 * through it. Only the main database, WAL and journal files are counted
 * and logged: temporary files never outlive a power cut. */
int hane_testing_power_install(void) HANE_WARN_UNUSED;

/* Makes SQLite's own VFS the default again and frees the log. Close every
 * connection opened through the power VFS first. */
void hane_testing_power_uninstall(void);

/* Arms a cut: the power fails at the ops-th write, truncate or sync from
 * now (1: the next one; -1 disarms). A write at the cut counts as
 * unsynced; a sync at the cut does not complete. seed drives the torn
 * variant's choices (the same seed and workload, the same disk). */
void hane_testing_power_cut_at(int64_t ops, enum hane_power_cut mode,
			       uint64_t seed);

/* Counters since install (a copy). */
void hane_testing_power_stats(struct hane_power_stats *out);

#endif
