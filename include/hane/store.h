/* hane/store.h — the data-access layer over SQLite.
 *
 * The only module that sees <sqlite3.h>. It opens and migrates the
 * database, runs statements with named bound parameters, nests
 * transactions, retries whole transactions on SQLITE_BUSY, keeps the
 * acting staff member, and writes the audit trail for every insert,
 * update and delete made through hane_store_insert/update/delete.
 *
 * Threading: one hane_db per thread. Errors: 0 or a negative HANE_E… code
 * with hane_error_last() set; data errors never exit the process.
 */
#ifndef HANE_STORE_H
#define HANE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/error.h"

typedef struct hane_db hane_db;
typedef struct hane_stmt hane_stmt;

/* ---- Opening ---------------------------------------------------------- */

enum hane_open_flags {
	HANE_OPEN_CREATE = 1 << 0,   /* create the file if it does not exist */
	HANE_OPEN_READONLY = 1 << 1, /* never write (reports on a copy) */
};

/* Opens path (":memory:" works), sets WAL with synchronous=FULL,
 * foreign_keys=ON and a busy timeout, refuses a file that is not a hane
 * database (HANE_ENOTDB) or one of a newer schema (HANE_EVERSION), and
 * applies pending migrations, each in its own transaction. *out is the
 * caller's, closed with hane_store_close(); NULL on failure.
 * In a place where SQLite can make no -wal or -shm (a read-only mount, a
 * folder without write permission) opening to write is HANE_EREADONLY;
 * with HANE_OPEN_READONLY a cleanly closed database is read as immutable
 * (no locks: for places nobody writes to), and one with a -wal holding
 * commits is HANE_EREADONLY with advice to copy both files. */
int hane_store_open(hane_db **out, const char *path,
		    unsigned flags) HANE_WARN_UNUSED;

/* Finalizes every statement still open and closes. Accepts NULL. */
void hane_store_close(hane_db *db);

/* Where SQLite puts its temporary files (large sorts, temporary
 * tables) from now on, for every connection; call before opening any.
 * A shared install uses its data folder: in /tmp the files would belong
 * to the user running hane, holding pieces of rows they may not see. */
int hane_store_temp_dir(const char *dir) HANE_WARN_UNUSED;

/* The path given to hane_store_open (borrowed). */
const char *hane_store_path(const hane_db *db);

/* Schema version (user_version) and the newest one this binary knows. */
int hane_store_schema_version(hane_db *db);
int hane_store_schema_latest(void);

/* ---- Statements ------------------------------------------------------- */

enum { HANE_DONE = 0, HANE_ROW = 1 };

/* Prepares constant SQL (never SQL built from input: values are bound).
 * Every statement is on the connection's list, so none outlives it. */
int hane_stmt_prepare(hane_db *db, hane_stmt **out,
		      const char *sql) HANE_WARN_UNUSED;
void hane_stmt_finalize(hane_stmt *st); /* accepts NULL */

/* Bind by name (":tckn"); NULL text binds SQL NULL. A name the statement
 * does not have is an internal error (HANE_EINTERNAL). */
int hane_stmt_bind_text(hane_stmt *st, const char *name, const char *v);
int hane_stmt_bind_int(hane_stmt *st, const char *name, int64_t v);
int hane_stmt_bind_null(hane_stmt *st, const char *name);
/* Whether the statement has the named parameter (e.g. the report engine
 * binds :today, hane's clock, only where a report asks for it). */
bool hane_stmt_has_param(hane_stmt *st, const char *name);

/* Binding by number (?1, ?2 …), for statements of many rows that the
 * bulk writer builds and runs in a loop: no name is looked up, and text
 * is NOT copied — v must stay unchanged until the statement has been
 * stepped and reset. NULL text binds SQL NULL. */
int hane_stmt_bind_text_at(hane_stmt *st, int i, const char *v);
int hane_stmt_bind_int_at(hane_stmt *st, int i, int64_t v);
int hane_stmt_bind_null_at(hane_stmt *st, int i);

/* HANE_ROW, HANE_DONE, or a negative error:
 *   while ((rc = hane_stmt_step(st)) == HANE_ROW) { … } */
int hane_stmt_step(hane_stmt *st);

/* Resets for another run and clears the bindings. */
void hane_stmt_reset(hane_stmt *st);

/* Column values of the current row. Text is borrowed until the next step,
 * reset or finalize ("" for NULL): copy it. */
int64_t hane_stmt_int(hane_stmt *st, int col);
const char *hane_stmt_text(hane_stmt *st, int col);
bool hane_stmt_is_null(hane_stmt *st, int col);
int hane_stmt_columns(hane_stmt *st);
const char *hane_stmt_column_name(hane_stmt *st, int col);

/* Runs constant SQL that returns no rows (several statements allowed). */
int hane_store_exec(hane_db *db, const char *sql) HANE_WARN_UNUSED;

/* Whether s may stand in SQL text as a table or column name: 1 to 64
 * lower-case letters, digits and '_'. Names come from code constants;
 * anything else is refused so that a mistake never becomes SQL. */
bool hane_sql_ident_ok(const char *s);

/* Convenience: runs a one-row query and returns its first column as an
 * integer in *out (HANE_ENOTFOUND when there is no row). */
int hane_store_query_int(hane_db *db, int64_t *out, const char *sql,
			 const char *name, int64_t arg) HANE_WARN_UNUSED;

int64_t hane_store_last_id(hane_db *db);
int hane_store_changes(hane_db *db);
/* A number that changes whenever the database file has changed (a commit
 * of this connection, or of another one seen at the next read): lets a
 * model cache a small table and know when to read it again. 0 where the
 * file cannot tell (an in-memory database). */
unsigned hane_store_data_version(hane_db *db);

/* ---- Transactions ----------------------------------------------------- */

/* A transaction that wrote nothing but audit events (the read log of
 * household.view, person.view, report, export…) commits without a sync
 * (synchronous=NORMAL for that commit): it is in the WAL, seen by every
 * reader and kept through a kill -9 or a crash of hane, and a power cut
 * can lose it only until the next synced commit of anyone, which syncs
 * the WAL up to its own end. Every other commit is synced (FULL): no
 * acknowledged save is lost. Two thirds of a directorate's commits are
 * read logs (bench_day); their syncs held the write lock for everyone.
 *
 * Nested by a depth counter: the outermost begin is BEGIN IMMEDIATE (every
 * transaction here may write, and a deferred one that reads then writes
 * fails at once with BUSY when another process committed meanwhile);
 * inner ones are no-ops. A rollback at any depth dooms the whole
 * transaction: the outermost commit then rolls back and returns the error
 * that caused it. Before BEGIN IMMEDIATE the outermost begin waits in the
 * writers' queue (DB-writer beside the database, src/store/writer.c:
 * asleep, in turn) and holds it to the end of the transaction; the queue
 * and SQLite's busy handler share one timeout (10 s), then HANE_EBUSY. */
int hane_store_begin(hane_db *db) HANE_WARN_UNUSED;
int hane_store_commit(hane_db *db) HANE_WARN_UNUSED;
/* Never replaces hane_error_last(): the error that made the caller roll
 * back stays readable. */
void hane_store_rollback(hane_db *db);

/* Ends a transaction begun with hane_store_begin(): commits when rc is 0,
 * rolls back otherwise. Returns rc, or the commit's error. The usual end
 * of a model function:  return hane_store_end(db, rc);  */
int hane_store_end(hane_db *db, int rc) HANE_WARN_UNUSED;
int hane_store_depth(const hane_db *db);

/* For a load into an empty database that nobody else has open (the first
 * import of a registry): switches the file to SQLite's rollback journal
 * (journal_mode=TRUNCATE) until hane_store_solo_end(), so every new page is
 * written once, into the database file, instead of into the WAL and again at
 * the checkpoint. Pages past the end of the file need no journal, so on an
 * empty database the journal stays tiny; a commit is still synced (FULL), and a
 * crash or power cut leaves the file as it was before the transaction (the hot
 * journal is rolled back at the next open). Only outside a transaction;
 * *on says whether it switched: not when another connection has the file
 * open (it is tried once, without waiting) or for :memory:. While it is
 * on, others wait to open the file. */
int hane_store_solo_begin(hane_db *db, bool *on) HANE_WARN_UNUSED;
/* Back to WAL (every hane open also sets it, should this fail). */
void hane_store_solo_end(hane_db *db);
/* Turns SQLite's foreign-key checks off (on false) or on again. For a
 * load alone whose every reference is to a row it wrote itself and
 * checked by its writer (the first import: hane_hh_bulk_hold's fresh
 * mode), where each check is one more b-tree seek a row. Only outside a
 * transaction, where SQLite ignores it: HANE_EINTERNAL there. Every hane
 * open turns them on. */
int hane_store_foreign_keys(hane_db *db, bool on);

/* Runs fn(db, arg) inside a transaction; commits when it returns 0, rolls
 * back otherwise. When the database stays busy past the busy timeout, or
 * the commit fails with BUSY, the whole transaction is run again (a few
 * times, with backoff) before HANE_EBUSY is returned. fn must therefore
 * have no effects outside the database. Nested calls join the outer
 * transaction and do not retry. */
int hane_store_tx(hane_db *db, int (*fn)(hane_db *db, void *arg),
		  void *arg) HANE_WARN_UNUSED;

/* Where this connection's time went, for the load benchmark
 * (tests/bench/bench_day.c): counted since the open. Waits for the write
 * lock are the busy handler's; a commit is the WAL write and its sync; a
 * checkpoint (every 1000 WAL pages, run by the committer after its
 * commit, the write lock already released) copies the WAL into the main
 * file and syncs it. */
struct hane_store_stats {
	int64_t tx;			 /* outermost transactions begun */
	int64_t busy_calls;		 /* busy handler calls */
	double begin_ms, begin_max_ms;	 /* BEGIN IMMEDIATE (lock waits) */
	double commit_ms, commit_max_ms; /* COMMIT */
	int64_t checkpoints;
	double checkpoint_ms, checkpoint_max_ms;
	int64_t log_commits; /* of audit events alone: not synced */
	/* The writers' queue before BEGIN (DB-writer; its wait is in
	 * begin_ms too): times taken or tried, time waiting in it, times
	 * its holder had died, times SQLite's wait stood alone (no file,
	 * or another connection of this thread holding it); and the time
	 * it was held (BEGIN to COMMIT: what each waiter waits for). */
	int64_t queue_takes, queue_owner_dead, queue_fallbacks;
	double queue_ms, queue_max_ms, queue_held_ms;
};
void hane_store_stats(const hane_db *db, struct hane_store_stats *out);

/* How long a write waits for the lock (the writers' queue and SQLite's
 * busy handler together) before HANE_EBUSY: 10 s from the open. For
 * tests, which need not wait 10 s to see a timeout. */
void hane_store_busy_timeout(hane_db *db, int ms);

/* ---- The acting staff member ------------------------------------------ */

struct hane_actor {
	int64_t staff_id; /* 0: nobody (unknown user) */
	char username[64];
	char full_name[128];
	char role[16]; /* admin, supervisor, caseworker, reporter */
	char unit[32];
};

/* Sets the actor from a staff username; when username is NULL, from the
 * OS login (getpwuid(geteuid())) mapped through staff.os_user only (a
 * staff row without os_user is never entered by a same-named login). An unknown
 * name leaves an actor with staff_id 0 and the name kept, so messages can say
 * who was refused; returns HANE_ENOUSER then. */
int hane_store_set_actor(hane_db *db, const char *username);
const struct hane_actor *hane_store_actor(const hane_db *db);

/* The OS login name of this process (static storage). Every audit row
 * records it beside the acting staff member (audit.os_user). */
const char *hane_os_user(void);

/* True when the database was made by `hane init --demo` (hane_meta kind
 * 'demo'): only there may generated people and activity be written. */
bool hane_store_is_demo(hane_db *db);

/* Marks a database as a demo. Only a new one: HANE_EEXIST when it holds
 * households or persons already. */
int hane_store_mark_demo(hane_db *db) HANE_WARN_UNUSED;

/* ---- Audited writes ---------------------------------------------------- */

enum hane_value_type { HANE_V_NULL, HANE_V_TEXT, HANE_V_INT };

/* One column and its new value. Table and column names are constants in
 * the code (checked to be [a-z_0-9]); values are always bound. */
struct hane_field {
	const char *name;
	enum hane_value_type type;
	const char *text;
	int64_t i;
};

/* NULL text is SQL NULL. A function, not a ?: in the macro, so an array
 * argument does not trip -Waddress ("always true"). */
static inline enum hane_value_type hane_vtype_text(const char *v)
{
	return v ? HANE_V_TEXT : HANE_V_NULL;
}
#define HANE_FTEXT(n, v)                                                       \
	{                                                                      \
		(n), hane_vtype_text(v), (v), 0                                \
	}
#define HANE_FINT(n, v)                                                        \
	{                                                                      \
		(n), HANE_V_INT, NULL, (v)                                     \
	}
#define HANE_FNULL(n)                                                          \
	{                                                                      \
		(n), HANE_V_NULL, NULL, 0                                      \
	}

/* Inserts a row; the table must have version, created_at, created_by,
 * updated_at, updated_by columns, which store fills. The audit row lists
 * every field given. *id (may be NULL) gets the new rowid. */
int hane_store_insert(hane_db *db, const char *table,
		      const struct hane_field *f, size_t n,
		      int64_t *id) HANE_WARN_UNUSED;

/* Updates row id if its version is still `version`, then bumps version.
 * Only fields whose value differs are written and audited (old → new);
 * nothing differing is a successful no-op (*changed = 0). A stale version
 * is HANE_ECONFLICT, with hane_store_last_conflict() saying who changed
 * the row and when; a missing row is HANE_ENOTFOUND. changed may be NULL. */
int hane_store_update(hane_db *db, const char *table, int64_t id,
		      int64_t version, const struct hane_field *f, size_t n,
		      int *changed) HANE_WARN_UNUSED;

/* Deletes row id if its version matches (HANE_ECONFLICT otherwise); the
 * audit row keeps the old values. */
int hane_store_delete(hane_db *db, const char *table, int64_t id,
		      int64_t version) HANE_WARN_UNUSED;

/* The one "prepare, bind, step while a row, finalize" loop: runs sql with
 * the parameters p[0..n) bound by name (HANE_FINT(":id", 7), HANE_FTEXT;
 * p may be NULL when n is 0) and calls row(st, arg) on each result row in
 * order; st is borrowed and its column text dies at the next row. row
 * returns 0 to go on, a negative error to stop with it, or a positive
 * value to stop early, which is a success (0). row NULL: the statement
 * only runs (an UPDATE, a DELETE with bound values; rows are passed). */
int hane_store_each(hane_db *db, const char *sql, const struct hane_field *p,
		    size_t n, int (*row)(hane_stmt *st, void *arg),
		    void *arg) HANE_WARN_UNUSED;

/* Runs sql (an UPDATE, a DELETE…) to its end with those of p[0..n) it
 * names bound; a parameter it does not name is passed over, so that one
 * list serves a family of statements (":id", ":now", ":by"). */
int hane_store_run(hane_db *db, const char *sql, const struct hane_field *p,
		   size_t n) HANE_WARN_UNUSED;

/* hane_store_each for one row: row is called on the first alone (a
 * negative return is the result); HANE_ENOTFOUND, with no message, when
 * there is none: the caller says what was not found. row NULL: whether
 * there is a row. */
int hane_store_first(hane_db *db, const char *sql, const struct hane_field *p,
		     size_t n, int (*row)(hane_stmt *st, void *arg),
		     void *arg) HANE_WARN_UNUSED;

/* Whether this database has a table named name (a unit's tables exist
 * only once it has been installed). */
bool hane_store_has_table(hane_db *db, const char *name);

/* For a model's typed "each" (int (*fn)(const T *rec, void *arg)): defines
 * struct NAME_each {fn, arg} and NAME_row, the hane_store_each row callback
 * that reads the row into a zeroed T with read(st, &rec) and calls fn,
 * whose result is the row's: 0 goes on, a positive value stops early (a
 * success), a negative error stops the walk with that error. Use:
 *	HANE_STORE_EACH_ROW(branch, struct hane_fb_branch, read_branch)
 *	struct branch_each e = {fn, arg};
 *	return hane_store_each(db, sql, NULL, 0, branch_row, &e); */
#define HANE_STORE_EACH_ROW(NAME, T, read)                                     \
	struct NAME##_each {                                                   \
		int (*fn)(const T *rec, void *arg);                            \
		void *arg;                                                     \
	};                                                                     \
	static int NAME##_row(hane_stmt *st, void *arg)                        \
	{                                                                      \
		struct NAME##_each *e = arg;                                   \
		T rec = {0};                                                   \
                                                                               \
		read(st, &rec);                                                \
		return e->fn(&rec, e->arg);                                    \
	}

/* For a model that reads every row before it uses any (to sort them, or
 * to write while it walks them): defines struct NAME_rows {T *v; size_t n,
 * cap;} and NAME_row, the hane_store_each row callback that appends a
 * zeroed T to v (HANE_PUSH of hane/core.h, room for first at the start)
 * and fills it with read(st, rec); out of memory stops with HANE_ENOMEM.
 * v is the caller's to free, also after an error. Use:
 *	HANE_STORE_ROWS(plan, struct plan_row, read_plan, 32)
 *	struct plan_rows l = {NULL, 0, 0};
 *	rc = hane_store_each(db, sql, p, 3, plan_row, &l);
 *	…
 *	free(l.v); */
#define HANE_STORE_ROWS(NAME, T, read, first)                                  \
	struct NAME##_rows {                                                   \
		T *v;                                                          \
		size_t n, cap;                                                 \
	};                                                                     \
	static int NAME##_row(hane_stmt *st, void *arg)                        \
	{                                                                      \
		struct NAME##_rows *l = arg;                                   \
		T *rec = HANE_PUSH(l->v, l->cap, l->n, NULL, (first));         \
                                                                               \
		if (!rec)                                                      \
			return HANE_ENOMEM;                                    \
		read(st, rec);                                                 \
		return 0;                                                      \
	}

struct hane_conflict {
	char table[32];
	int64_t id;
	int64_t version;     /* the row's version now */
	char updated_by[64]; /* staff username */
	char updated_at[20]; /* "YYYY-MM-DD HH:MM:SS" local */
};

/* The last conflict on this connection (borrowed). */
const struct hane_conflict *hane_store_last_conflict(const hane_db *db);

/* Writes an audit row for a read or another event with no row change
 * (KVKK read log: "person.view", "export"…). detail may be NULL. */
int hane_store_audit_event(hane_db *db, const char *event, const char *table,
			   int64_t id, const char *detail);

/* The same row, written later: with this connection's next commit, or
 * once it has waited a second if the write lock is free then (never
 * waiting for it: hane_store_events_due(); a caller that idles — the
 * console waiting for a key — calls hane_store_events_try() then), or
 * when the connection closes. The row keeps the time of the
 * event. For the search log (#22): a person typing a name writes one
 * small transaction a second at most, not one per keystroke, so readers
 * do not queue on the write lock. Inside a transaction it is written at
 * once. At most 128 rows wait; the next one writes them all first and
 * fails (as the search does) if that fails. A process killed outright
 * loses at most the last second's rows. */
int hane_store_audit_event_later(hane_db *db, const char *event,
				 const char *table, int64_t id,
				 const char *detail);

/* Writes the waiting rows in a transaction of their own (0 when there
 * are none or a transaction is open: that one's commit writes them). On
 * an error they stay waiting. */
int hane_store_events_flush(hane_db *db);

/* The same, only if the write lock is free this instant (no busy wait);
 * HANE_EBUSY otherwise, and they are due again in a quarter second. */
int hane_store_events_try(hane_db *db);

/* Milliseconds until the waiting rows are due (0: now), or -1 when none
 * wait. */
int hane_store_events_due(const hane_db *db);

/* Runs PRAGMA integrity_check; 0 when "ok", HANE_EDB with the first
 * problem otherwise. */
int hane_store_integrity_check(hane_db *db) HANE_WARN_UNUSED;

/* ---- Backup (security) ------------------------------------------------- */

/* Copies the whole database to a new file at path (created with mode,
 * e.g. 0600; an existing file is HANE_EEXIST and left alone) with the
 * SQLite backup API: a consistent copy as of one commit, taken while other
 * processes keep writing. Needs the maintenance permission. On failure no
 * partial file is left. */
int hane_store_backup(hane_db *db, const char *path,
		      unsigned mode) HANE_WARN_UNUSED;

/* ---- One row of whole numbers (src/store/ints.c) ---------------------- */

/* hane_store_first reading the first row's columns 0..n-1 as whole
 * numbers into out[0..n) (NULL reads 0): a count, or an id and its
 * version. HANE_ENOTFOUND, with no message, when there is no row (out
 * untouched). */
int hane_store_ints(hane_db *db, const char *sql, const struct hane_field *p,
		    size_t np, int64_t *out, size_t n) HANE_WARN_UNUSED;

/* ---- What was not found (src/store/missing.c) ------------------------ */

/* Returns rc; when it is HANE_ENOTFOUND (a look-up's "no row", which the
 * store says without a message) first sets the message msg (an enum
 * hane_msg taking the id as %lld: "talep #%lld bulunamadı"). */
int hane_store_missing(int rc, int msg, int64_t id);

#endif
