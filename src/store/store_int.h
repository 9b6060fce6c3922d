/* Private to src/store: the connection and statement structs. */
#ifndef HANE_STORE_INT_H
#define HANE_STORE_INT_H

#include <sqlite3.h>
#include <stdbool.h>

#include "hane/store.h"

#define HANE_STMT_CACHE_MAX 256

struct hane_stmt {
	sqlite3_stmt *stmt;
	hane_db *db;
	const char *text; /* sqlite3_sql(): lives as long as stmt */
	unsigned long hash;
	bool cached; /* kept for reuse; finalize only resets */
	bool in_use;
	hane_stmt *prev, *next;
};

struct hane_db {
	sqlite3 *sql;
	char *path;
	bool readonly;
	int depth;   /* transaction nesting */
	bool doomed; /* an inner level failed: the outermost rolls back */
	int doom_rc;
	hane_stmt *stmts; /* every statement, so none outlives the connection */
	int ncached;
	struct hane_actor actor;
	struct hane_conflict conflict;
	struct hane_store_stats stats;
	bool tx_data;	   /* this transaction wrote more than audit events */
	bool in_event;	   /* an audit event is being written */
	double busy_since; /* ms, monotonic: this wait's start */
	/* Read-log rows not yet written (hane_store_audit_event_later):
	 * written by this connection's next commit, or when due. */
	struct hane_later *later;
	size_t nlater, later_cap;
	double later_since; /* ms, monotonic: the oldest one's time */
	bool no_wait;	    /* the busy handler gives up at once */
	uint64_t jitter;    /* the busy handler's random state */
	int busy_timeout_ms;
	double wait_start; /* ms, monotonic: this BEGIN's start (0: none) */
	/* The writers' queue (writer.c): DB-writer mapped, or why not. */
	void *wq;
	enum { HANE_WQ_NEW, HANE_WQ_LATER, HANE_WQ_ON, HANE_WQ_OFF } wq_state;
	bool wq_held;
	double wq_since; /* ms, monotonic: taken then */
};

/* One read-log row waiting to be written, with its own time. */
struct hane_later {
	struct hane_actor who; /* as it was then */
	char at[20];
	char event[32];
	char table[32];
	int64_t id;
	char detail[192];
};

/* Milliseconds on the monotonic clock. */
double hane_store_ms_now(void);

/* Writes the waiting read-log rows inside the open transaction (commit
 * calls it just before COMMIT; the rows are forgotten only when COMMIT
 * succeeds). */
int hane_store_later_write(hane_db *db);

/* The writers' queue in front of BEGIN IMMEDIATE (writer.c). take waits
 * for it (up to the busy timeout, which SQLite's wait after it shares;
 * not at all with no_wait): 0 when this connection holds it or goes on without
 * it (SQLite's busy handler alone), HANE_EBUSY when the time ran out. give lets
 * it go (nothing when not held), right after COMMIT or ROLLBACK; close also
 * unmaps the file. */
int hane_store_queue_take(hane_db *db);
void hane_store_queue_give(hane_db *db);
void hane_store_queue_close(hane_db *db);

/* Maps an SQLite result code to a HANE_E… code and sets the detail. */
int hane_store_error(hane_db *db, int sqlite_rc);

#endif
