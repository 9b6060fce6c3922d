/* The data-access layer: connection, migrations, statements, transactions.
 *
 * Modelled on fossil's db.c: a thin statement wrapper, every statement on
 * the connection's list so nothing leaks, nested transactions by a depth
 * counter. Statements are cached by their SQL text: a model function that
 * prepares the same constant SQL in a loop pays for the parse once.
 */
#include "store_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/embed.h"
#include "hane/i18n.h"

/* 'HANE' — marks a file as ours, so another program's database is refused
 * rather than migrated into. */
#define HANE_APPLICATION_ID 0x48414E45
#define BUSY_TIMEOUT_MS 10000
#define TX_ATTEMPTS 6

/* ---- Errors ------------------------------------------------------------- */

/* SQLite's primary result codes and what they are here; the message's
 * one argument is the database's path ('p') or SQLite's own words
 * ('m'). */
static const struct {
	int sqlite, rc;
	enum hane_msg msg;
	char arg;
} store_errors[] = {
	{SQLITE_BUSY, HANE_EBUSY, HANE_M_DB_BUSY, 0},
	{SQLITE_LOCKED, HANE_EBUSY, HANE_M_DB_BUSY, 0},
	{SQLITE_FULL, HANE_EFULL, HANE_M_DB_FULL, 0},
	{SQLITE_READONLY, HANE_EREADONLY, HANE_M_DB_READONLY, 'p'},
	{SQLITE_NOTADB, HANE_ENOTDB, HANE_M_DB_NOT_SQLITE, 'p'},
	{SQLITE_CORRUPT, HANE_EDB, HANE_M_DB_CORRUPT, 'p'},
	{SQLITE_CONSTRAINT, HANE_EINVAL, HANE_M_DB_ERROR, 'm'},
	{SQLITE_IOERR, HANE_EIO, HANE_M_DB_ERROR, 'm'},
	{SQLITE_CANTOPEN, HANE_EIO, HANE_M_DB_ERROR, 'm'},
};

int hane_store_error(hane_db *db, int sqlite_rc)
{
	const char *msg = db && db->sql ? sqlite3_errmsg(db->sql)
					: sqlite3_errstr(sqlite_rc);
	int primary = sqlite_rc & 0xff;

	if (primary == SQLITE_OK || primary == SQLITE_ROW ||
	    primary == SQLITE_DONE)
		return HANE_OK;
	if (primary == SQLITE_NOMEM) {
		hane_error_set("%s", hane_strerror(HANE_ENOMEM));
		return HANE_ENOMEM;
	}
	if (sqlite_rc == SQLITE_CONSTRAINT_UNIQUE ||
	    sqlite_rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		hane_error_set(hane_msg(HANE_M_DB_UNIQUE), msg);
		return HANE_EEXIST;
	}
	for (size_t i = 0; i < HANE_COUNTOF(store_errors); i++) {
		if (store_errors[i].sqlite != primary)
			continue;
		hane_error_set(hane_msg(store_errors[i].msg),
			       store_errors[i].arg == 'p'
				       ? (db ? db->path : "?")
			       : store_errors[i].arg == 'm' ? msg
							    : "");
		return store_errors[i].rc;
	}
	hane_error_set(hane_msg(HANE_M_DB_ERROR), msg);
	return HANE_EDB;
}

/* ---- Statements ----------------------------------------------------------- */

static unsigned long sql_hash(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 ^ (unsigned char)*s++;
	return h;
}

static void stmt_unlink(hane_stmt *st)
{
	hane_db *db = st->db;

	if (st->prev)
		st->prev->next = st->next;
	else
		db->stmts = st->next;
	if (st->next)
		st->next->prev = st->prev;
}

int hane_stmt_prepare(hane_db *db, hane_stmt **out, const char *sql)
{
	unsigned long h = sql_hash(sql);
	hane_stmt *st;
	int rc;

	*out = NULL;
	for (st = db->stmts; st; st = st->next) {
		if (st->cached && !st->in_use && st->hash == h &&
		    strcmp(st->text, sql) == 0) {
			st->in_use = true;
			*out = st;
			return 0;
		}
	}
	st = calloc(1, sizeof *st);
	if (!st)
		return HANE_ENOMEM;
	rc = sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT,
				&st->stmt, NULL);
	if (rc != SQLITE_OK) {
		int err = hane_store_error(db, rc);

		hane_error_set("%s [%.60s]", hane_error_last(), sql);
		free(st);
		return err == HANE_EDB ? HANE_EINTERNAL : err;
	}
	st->db = db;
	st->hash = h;
	st->text = sqlite3_sql(st->stmt);
	st->cached = db->ncached < HANE_STMT_CACHE_MAX;
	if (st->cached)
		db->ncached++;
	st->in_use = true;
	st->next = db->stmts;
	if (db->stmts)
		db->stmts->prev = st;
	db->stmts = st;
	*out = st;
	return 0;
}

static void stmt_destroy(hane_stmt *st)
{
	stmt_unlink(st);
	if (st->cached)
		st->db->ncached--;
	sqlite3_finalize(st->stmt);
	free(st);
}

void hane_stmt_finalize(hane_stmt *st)
{
	if (!st)
		return;
	if (st->cached) {
		sqlite3_reset(st->stmt);
		sqlite3_clear_bindings(st->stmt);
		st->in_use = false;
		return;
	}
	stmt_destroy(st);
}

static int bind_index(hane_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st->stmt, name);

	if (i == 0)
		hane_error_set("no parameter %s in [%.60s]", name, st->text);
	return i;
}

bool hane_stmt_has_param(hane_stmt *st, const char *name)
{
	return sqlite3_bind_parameter_index(st->stmt, name) != 0;
}

int hane_stmt_bind_text(hane_stmt *st, const char *name, const char *v)
{
	int i = bind_index(st, name);

	if (i == 0)
		return HANE_EINTERNAL;
	if (!v)
		return hane_store_error(st->db, sqlite3_bind_null(st->stmt, i));
	return hane_store_error(st->db, sqlite3_bind_text(st->stmt, i, v, -1,
							  SQLITE_TRANSIENT));
}

int hane_stmt_bind_int(hane_stmt *st, const char *name, int64_t v)
{
	int i = bind_index(st, name);

	if (i == 0)
		return HANE_EINTERNAL;
	return hane_store_error(st->db, sqlite3_bind_int64(st->stmt, i, v));
}

int hane_stmt_bind_null(hane_stmt *st, const char *name)
{
	int i = bind_index(st, name);

	if (i == 0)
		return HANE_EINTERNAL;
	return hane_store_error(st->db, sqlite3_bind_null(st->stmt, i));
}

/* hane_store_error only on failure: it reads the connection's message
 * (under its mutex) even for SQLITE_OK, and these run per value. */
static int bound(hane_stmt *st, int rc)
{
	return rc == SQLITE_OK ? 0 : hane_store_error(st->db, rc);
}

int hane_stmt_bind_text_at(hane_stmt *st, int i, const char *v)
{
	return bound(st,
		     v ? sqlite3_bind_text(st->stmt, i, v, -1, SQLITE_STATIC)
		       : sqlite3_bind_null(st->stmt, i));
}

int hane_stmt_bind_int_at(hane_stmt *st, int i, int64_t v)
{
	return bound(st, sqlite3_bind_int64(st->stmt, i, v));
}

int hane_stmt_bind_null_at(hane_stmt *st, int i)
{
	return bound(st, sqlite3_bind_null(st->stmt, i));
}

int hane_stmt_step(hane_stmt *st)
{
	int rc;

	if (!st->db->in_event && !sqlite3_stmt_readonly(st->stmt))
		st->db->tx_data = true;
	rc = sqlite3_step(st->stmt);

	if (rc == SQLITE_ROW)
		return HANE_ROW;
	if (rc == SQLITE_DONE)
		return HANE_DONE;
	rc = hane_store_error(st->db, rc);
	sqlite3_reset(st->stmt);
	/* A failed statement inside a transaction dooms it: its partial
	 * work must not be committed by an outer level. */
	if (st->db->depth > 0 && !st->db->doomed) {
		st->db->doomed = true;
		st->db->doom_rc = rc;
	}
	return rc;
}

void hane_stmt_reset(hane_stmt *st)
{
	sqlite3_reset(st->stmt);
	sqlite3_clear_bindings(st->stmt);
}

int64_t hane_stmt_int(hane_stmt *st, int col)
{
	return sqlite3_column_int64(st->stmt, col);
}

const char *hane_stmt_text(hane_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st->stmt, col);

	return t ? (const char *)t : "";
}

bool hane_stmt_is_null(hane_stmt *st, int col)
{
	return sqlite3_column_type(st->stmt, col) == SQLITE_NULL;
}

int hane_stmt_columns(hane_stmt *st)
{
	return sqlite3_column_count(st->stmt);
}

const char *hane_stmt_column_name(hane_stmt *st, int col)
{
	const char *n = sqlite3_column_name(st->stmt, col);

	return n ? n : "";
}

bool hane_sql_ident_ok(const char *s)
{
	if (!s || !*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '_'))
			return false;
	return true;
}

int hane_store_exec(hane_db *db, const char *sql)
{
	char *err = NULL;
	int rc;

	db->tx_data = true;
	rc = sqlite3_exec(db->sql, sql, NULL, NULL, &err);

	if (rc != SQLITE_OK) {
		int e = hane_store_error(db, rc);

		if (err)
			hane_error_set("%s", err);
		sqlite3_free(err);
		return e;
	}
	return 0;
}

int hane_store_query_int(hane_db *db, int64_t *out, const char *sql,
			 const char *name, int64_t arg)
{
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(db, &st, sql);

	if (rc)
		return rc;
	if (name && (rc = hane_stmt_bind_int(st, name, arg)) != 0)
		goto done;
	rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		*out = hane_stmt_int(st, 0);
		rc = 0;
	} else if (rc == HANE_DONE) {
		rc = HANE_ENOTFOUND;
	}
done:
	hane_stmt_finalize(st);
	return rc;
}

/* each and run: sql prepared, p[0..n) bound (those it names alone when
 * named_only), stepped to its end with row on each row (NULL: passed). */
static int each_row(hane_db *db, const char *sql, const struct hane_field *p,
		    size_t n, bool named_only,
		    int (*row)(hane_stmt *st, void *arg), void *arg)
{
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(db, &st, sql);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (named_only && !hane_stmt_has_param(st, p[i].name))
			continue;
		rc = p[i].type == HANE_V_INT
			     ? hane_stmt_bind_int(st, p[i].name, p[i].i)
		     : p[i].type == HANE_V_TEXT
			     ? hane_stmt_bind_text(st, p[i].name, p[i].text)
			     : hane_stmt_bind_null(st, p[i].name);
	}
	while (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW)
		rc = row ? row(st, arg) : 0;
	hane_stmt_finalize(st);
	return rc < 0 ? rc : 0;
}

int hane_store_each(hane_db *db, const char *sql, const struct hane_field *p,
		    size_t n, int (*row)(hane_stmt *st, void *arg), void *arg)
{
	return each_row(db, sql, p, n, false, row, arg);
}

int hane_store_run(hane_db *db, const char *sql, const struct hane_field *p,
		   size_t n)
{
	return each_row(db, sql, p, n, true, NULL, NULL);
}

struct first {
	int (*row)(hane_stmt *st, void *arg);
	void *arg;
	bool hit;
};

static int first_row(hane_stmt *st, void *arg)
{
	struct first *f = arg;
	int rc = f->row ? f->row(st, f->arg) : 0;

	f->hit = true;
	return rc < 0 ? rc : 1;
}

int hane_store_first(hane_db *db, const char *sql, const struct hane_field *p,
		     size_t n, int (*row)(hane_stmt *st, void *arg), void *arg)
{
	struct first f = {row, arg, false};
	int rc = hane_store_each(db, sql, p, n, first_row, &f);

	return rc ? rc : f.hit ? 0 : HANE_ENOTFOUND;
}

static int yes_row(hane_stmt *st, void *arg)
{
	(void)st;
	*(bool *)arg = true;
	return 1;
}

bool hane_store_has_table(hane_db *db, const char *name)
{
	struct hane_field p = HANE_FTEXT(":t", name);
	bool yes = false;

	return hane_store_each(db,
			       "SELECT 1 FROM sqlite_schema"
			       " WHERE type = 'table' AND name = :t",
			       &p, 1, yes_row, &yes) == 0 &&
	       yes;
}

int64_t hane_store_last_id(hane_db *db)
{
	return sqlite3_last_insert_rowid(db->sql);
}

int hane_store_changes(hane_db *db)
{
	return sqlite3_changes(db->sql);
}

unsigned hane_store_data_version(hane_db *db)
{
	unsigned v = 0;

	if (sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_DATA_VERSION,
				 &v) != SQLITE_OK)
		return 0;
	return v;
}

/* ---- Transactions --------------------------------------------------------- */

static int pragma_int(hane_db *db, const char *sql, int64_t *out);

double hane_store_ms_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void count_ms(double *sum, double *max, double ms)
{
	*sum += ms;
	if (ms > *max)
		*max = ms;
}

void hane_store_stats(const hane_db *db, struct hane_store_stats *out)
{
	*out = db->stats;
}

void hane_store_busy_timeout(hane_db *db, int ms)
{
	db->busy_timeout_ms = ms;
}

/* The writers' queue first (writer.c), then SQLite's lock, both within
 * one busy timeout; the queue let go again when SQLite refuses. */
static int begin_immediate(hane_db *db)
{
	int rc;

	db->wait_start = hane_store_ms_now();
	rc = hane_store_queue_take(db);
	if (rc == 0 && (rc = sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL,
					  NULL, NULL)) != SQLITE_OK) {
		hane_store_queue_give(db);
		rc = hane_store_error(db, rc);
	}
	db->wait_start = 0;
	return rc;
}

int hane_store_begin(hane_db *db)
{
	double t0;
	int rc;

	if (db->depth > 0) {
		db->depth++;
		return 0;
	}
	t0 = hane_store_ms_now();
	rc = begin_immediate(db);
	db->stats.tx++;
	count_ms(&db->stats.begin_ms, &db->stats.begin_max_ms,
		 hane_store_ms_now() - t0);
	if (rc != 0)
		return rc;
	db->depth = 1;
	db->tx_data = false;
	db->doomed = false;
	db->doom_rc = 0;
	return 0;
}

int hane_store_commit(hane_db *db)
{
	int64_t sync = -1;
	double t0;
	int rc;

	if (db->depth <= 0)
		hane_die("commit without a transaction");
	if (--db->depth > 0)
		return db->doomed ? db->doom_rc : 0;
	if (db->doomed) {
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		hane_store_queue_give(db);
		return db->doom_rc;
	}
	/* The read log waiting in memory rides along (its rows keep their
	 * own times); forgotten only once COMMIT has succeeded. */
	if (db->nlater && (rc = hane_store_later_write(db)) != 0) {
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		hane_store_queue_give(db);
		return rc;
	}
	t0 = hane_store_ms_now();
	/* The read log alone: see hane_store_begin() in hane/store.h. A
	 * connection set to less than FULL (a test's contrast) stays so. */
	if (!db->tx_data &&
	    pragma_int(db, "PRAGMA synchronous", &sync) == SQLITE_OK &&
	    sync >= 2) {
		sqlite3_exec(db->sql, "PRAGMA synchronous=NORMAL", NULL, NULL,
			     NULL);
		db->stats.log_commits++;
	} else {
		sync = -1;
	}
	rc = sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
	if (sync >= 2)
		sqlite3_exec(db->sql,
			     sync == 2 ? "PRAGMA synchronous=FULL"
				       : "PRAGMA synchronous=EXTRA",
			     NULL, NULL, NULL);
	count_ms(&db->stats.commit_ms, &db->stats.commit_max_ms,
		 hane_store_ms_now() - t0);
	if (rc != SQLITE_OK) {
		int e = hane_store_error(db, rc);

		/* COMMIT can fail and leave the transaction open (BUSY);
		 * roll it back so the connection is clean for a retry. */
		if (!sqlite3_get_autocommit(db->sql))
			sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		hane_store_queue_give(db);
		return e;
	}
	hane_store_queue_give(db); /* wal_written() may have already */
	db->nlater = 0;
	return 0;
}

void hane_store_rollback(hane_db *db)
{
	if (db->depth <= 0)
		return;
	if (!db->doomed) {
		db->doomed = true;
		db->doom_rc = HANE_EINVAL;
	}
	if (--db->depth == 0) {
		/* A failed statement may already have rolled back. */
		if (!sqlite3_get_autocommit(db->sql))
			sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		hane_store_queue_give(db);
	}
}

int hane_store_end(hane_db *db, int rc)
{
	if (rc == 0)
		return hane_store_commit(db);
	if (db->depth > 0 && !db->doomed) {
		db->doomed = true;
		db->doom_rc = rc;
	}
	hane_store_rollback(db);
	return rc;
}

int hane_store_depth(const hane_db *db)
{
	return db->depth;
}

static void backoff(int attempt)
{
	/* 20–80 ms, growing: spreads the retries of processes that collided. */
	struct timespec ts;
	long ms = 20L * attempt +
		  (long)((unsigned)getpid() * 7u + attempt * 13u) % 40;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	nanosleep(&ts, NULL);
}

int hane_store_tx(hane_db *db, int (*fn)(hane_db *db, void *arg), void *arg)
{
	int attempt, rc = 0;

	if (db->depth > 0) {
		rc = hane_store_begin(db);
		return rc ? rc : hane_store_end(db, fn(db, arg));
	}
	for (attempt = 1; attempt <= TX_ATTEMPTS; attempt++) {
		rc = hane_store_begin(db);
		if (rc == 0)
			rc = hane_store_end(db, fn(db, arg));
		if (rc != HANE_EBUSY)
			return rc;
		backoff(attempt);
	}
	return rc;
}

/* ---- Waiting for the lock, checkpoints ------------------------------------ */

/* Waiting for the write lock. SQLite's own handler (sqlite3_busy_timeout)
 * sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, then 100 ms at a time:
 * after a few calls a waiter sleeps through the moments the lock is free
 * while newcomers, still polling every few ms, take it. Polling every ms
 * instead was worse: at 300 sessions hundreds of waiters, each runnable
 * a thousand times a second, left the lock's holder a sliver of the CPU
 * and every wait grew to the timeout (bench_day). Here a waiter sleeps
 * about a tenth of what it has waited so far (0.25 ms at first, at most
 * 100 ms, jittered so waiters do not move in step): a short wait costs a
 * short overshoot, and the more waiters there are, the longer they wait
 * and the less they poll. */
static int busy_wait(void *arg, int count)
{
	hane_db *db = arg;
	double now = hane_store_ms_now(), waited;
	struct timespec ts;
	long us;

	if (db->no_wait)
		return 0;
	/* In a BEGIN, the time in the writers' queue counts too. */
	if (count == 0)
		db->busy_since = db->wait_start > 0 ? db->wait_start : now;
	waited = now - db->busy_since;
	if (waited >= db->busy_timeout_ms)
		return 0;
	db->stats.busy_calls++;
	db->jitter =
		db->jitter * 6364136223846793005ull + 1442695040888963407ull;
	us = (long)(waited * 100); /* a tenth of the wait, in µs */
	if (us < 250)
		us = 250;
	if (us > 100000)
		us = 100000;
	us = us / 2 + (long)((db->jitter >> 33) % (uint64_t)us); /* ×0.5–1.5 */
	ts.tv_sec = us / 1000000;
	ts.tv_nsec = (us % 1000000) * 1000L;
	nanosleep(&ts, NULL);
	return 1;
}

/* SQLite's automatic checkpoint (every 1000 WAL pages, passive: it copies
 * what no reader still needs and never waits), timed. Installing a WAL
 * hook replaces SQLite's own, which does the same. */
static int wal_written(void *arg, sqlite3 *sql, const char *name, int pages)
{
	hane_db *db = arg;
	double t0;

	/* The write lock is free (SQLite calls this after the commit): the
	 * next writer need not wait for the checkpoint. */
	hane_store_queue_give(db);
	if (pages < 1000)
		return SQLITE_OK;
	t0 = hane_store_ms_now();
	sqlite3_wal_checkpoint_v2(sql, name, SQLITE_CHECKPOINT_PASSIVE, NULL,
				  NULL);
	db->stats.checkpoints++;
	count_ms(&db->stats.checkpoint_ms, &db->stats.checkpoint_max_ms,
		 hane_store_ms_now() - t0);
	return SQLITE_OK;
}

static void set_waits(hane_db *db)
{
	db->jitter = (uint64_t)getpid() * 2654435761u + (uint64_t)(uintptr_t)db;
	sqlite3_busy_handler(db->sql, busy_wait, db);
	sqlite3_wal_hook(db->sql, wal_written, db);
}

/* ---- A load alone ---------------------------------------------------------- */

int hane_store_solo_begin(hane_db *db, bool *on)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*on = false;
	if (db->depth > 0 || db->readonly || strcmp(db->path, ":memory:") == 0)
		return 0;
	/* Once, without waiting: anyone else connected keeps it WAL. */
	sqlite3_busy_handler(db->sql, NULL, NULL);
	/* TRUNCATE, not DELETE: its commit is the journal cut to nothing
	 * and synced, where DELETE's is an unlink that a power cut can undo
	 * until the directory is written (a committed import rolled back). */
	rc = sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode=TRUNCATE", -1,
				&st, NULL);
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) &&
	    strcmp((const char *)sqlite3_column_text(st, 0), "truncate") == 0)
		*on = true;
	sqlite3_finalize(st);
	set_waits(db);
	return 0;
}

void hane_store_solo_end(hane_db *db)
{
	sqlite3_exec(db->sql, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
}

int hane_store_foreign_keys(hane_db *db, bool on)
{
	if (db->depth > 0) {
		hane_error_set("foreign keys switched inside a transaction");
		return HANE_EINTERNAL;
	}
	return hane_store_exec(db, on ? "PRAGMA foreign_keys=ON"
				      : "PRAGMA foreign_keys=OFF");
}

/* ---- Opening and migrations ---------------------------------------------- */

static int schema_number(const char *name)
{
	return atoi(name); /* "001_households.sql" → 1 */
}

int hane_store_schema_latest(void)
{
	int latest = 0;

	for (const struct hane_embedded *e = hane_embedded_schema; e->name; e++)
		if (schema_number(e->name) > latest)
			latest = schema_number(e->name);
	return latest;
}

static int pragma_int(hane_db *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*out = 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int hane_store_schema_version(hane_db *db)
{
	int64_t v = 0;

	pragma_int(db, "PRAGMA user_version", &v);
	return (int)v;
}

static int apply_migration(hane_db *db, const struct hane_embedded *e)
{
	int n = schema_number(e->name);
	int64_t now_version = 0;
	char sql[96];
	char *err = NULL;
	int rc;

	if ((rc = begin_immediate(db)) != 0)
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	rc = pragma_int(db, "PRAGMA user_version", &now_version);
	if (rc != SQLITE_OK || now_version >= n)
		goto done;
	rc = sqlite3_exec(db->sql, e->text, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		goto done;
	/* PRAGMA takes no parameters; n is a number from our own file name. */
	snprintf(sql, sizeof sql,
		 "PRAGMA user_version = %d; PRAGMA application_id = %d", n,
		 HANE_APPLICATION_ID);
	rc = sqlite3_exec(db->sql, sql, NULL, NULL, &err);
done:
	if (rc != SQLITE_OK) {
		int e2 = hane_store_error(db, rc);

		hane_error_set(hane_msg(HANE_M_DB_MIGRATE), db->path, e->name,
			       err ? err : sqlite3_errmsg(db->sql));
		sqlite3_free(err);
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		hane_store_queue_give(db);
		return e2 ? e2 : HANE_EDB;
	}
	rc = sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		int e2 = hane_store_error(db, rc);

		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		hane_store_queue_give(db);
		return e2;
	}
	hane_store_queue_give(db);
	return 0;
}

/* hane_reference(NAME): the text of the embedded data/reference/NAME, so
 * a migration can seed a table from the reference files. It exists only
 * while hane migrates: no view, trigger or report may depend on it (the
 * database opens the same in the sqlite3 tool). */
static void reference_fn(sqlite3_context *c, int argc, sqlite3_value **v)
{
	const char *name = (const char *)sqlite3_value_text(v[0]);
	const struct hane_embedded *e =
		name ? hane_embedded_find(hane_embedded_reference, name) : NULL;

	(void)argc;
	if (!e) {
		sqlite3_result_error(c, "hane_reference: no such file", -1);
		return;
	}
	sqlite3_result_text(c, e->text, -1, SQLITE_STATIC);
}

static int migrate(hane_db *db)
{
	int current = hane_store_schema_version(db);
	int latest = hane_store_schema_latest();
	int rc = 0;

	if (current > latest) {
		hane_error_set(hane_msg(HANE_M_DB_NEWER), db->path, current,
			       latest);
		return HANE_EVERSION;
	}
	if (current == latest)
		return 0;
	if (db->readonly) {
		hane_error_set(hane_msg(HANE_M_DB_READONLY), db->path);
		return HANE_EREADONLY;
	}
	sqlite3_create_function(db->sql, "hane_reference", 1,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				reference_fn, NULL, NULL);
	for (const struct hane_embedded *e = hane_embedded_schema; e->name;
	     e++) {
		if (schema_number(e->name) <= current)
			continue;
		if ((rc = apply_migration(db, e)) != 0)
			break;
	}
	sqlite3_create_function(db->sql, "hane_reference", 1, SQLITE_UTF8, NULL,
				NULL, NULL, NULL);
	return rc;
}

/* Refuses anything that is not an empty file or a hane database. The first
 * read is also where SQLite notices a file that is not a database. */
static int check_identity(hane_db *db)
{
	int64_t app_id = 0, objects = 0;
	int rc = pragma_int(db, "PRAGMA application_id", &app_id);

	if (rc == SQLITE_OK)
		rc = pragma_int(db, "SELECT count(*) FROM sqlite_schema",
				&objects);
	if ((rc & 0xff) == SQLITE_NOTADB) {
		hane_error_set(hane_msg(HANE_M_DB_NOT_SQLITE), db->path);
		return HANE_ENOTDB;
	}
	if ((rc & 0xff) == SQLITE_CORRUPT)
		return hane_store_error(db, rc);
	if (rc != SQLITE_OK) {
		int e = hane_store_error(db, rc);

		hane_error_set(hane_msg(HANE_M_DB_OPEN), db->path,
			       sqlite3_errmsg(db->sql));
		return e;
	}
	if (app_id != HANE_APPLICATION_ID && (app_id != 0 || objects > 0)) {
		hane_error_set(hane_msg(HANE_M_DB_FOREIGN), db->path);
		return HANE_ENOTDB;
	}
	return 0;
}

/* "file:" and path with every byte but [A-Za-z0-9/._~-] %-escaped, so a
 * '?', '#' or '%' in a name stays part of it. Caller frees. */
static char *file_uri(const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *uri = malloc(5 + 3 * n + strlen(query) + 1), *o = uri;

	if (!uri)
		return NULL;
	o += sprintf(o, "file:");
	for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
		if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		    (*c >= '0' && *c <= '9') || strchr("/._~-", *c)) {
			*o++ = (char)*c;
		} else {
			*o++ = '%';
			*o++ = hex[*c >> 4];
			*o++ = hex[*c & 15];
		}
	}
	strcpy(o, query);
	return uri;
}

static int turkish_collate(void *arg, int an, const void *a, int bn,
			   const void *b)
{
	(void)arg;
	return hane_text_collate(a, (size_t)an, b, (size_t)bn);
}

/* "ORDER BY name COLLATE TURKISH": Turkish alphabetical order (Canan,
 * Cavit, Çağla). Used only in queries, never in the schema, so the
 * sqlite3 shell still reads and writes every table. */
static void add_collations(sqlite3 *sql)
{
	(void)sqlite3_create_collation_v2(sql, "TURKISH", SQLITE_UTF8, NULL,
					  turkish_collate, NULL);
}

/* Opens db->sql on name (a path or a file: URI) with SQLite's flags and
 * sets up what every connection has: extended codes, the waits, the
 * Turkish collations. On failure the message names db->path. */
static int db_connect(hane_db *db, const char *name, int oflags)
{
	int rc = sqlite3_open_v2(name, &db->sql, oflags, NULL);

	if (rc != SQLITE_OK) {
		int e = hane_store_error(db, rc);

		hane_error_set(hane_msg(HANE_M_DB_OPEN), db->path,
			       db->sql ? sqlite3_errmsg(db->sql)
				       : sqlite3_errstr(rc));
		return e;
	}
	sqlite3_extended_result_codes(db->sql, 1);
	set_waits(db);
	add_collations(db->sql);
	return 0;
}

/* The first read failed with SQLITE_CANTOPEN or SQLITE_READONLY_DIRECTORY:
 * SQLite could neither make nor open the -wal or -shm beside a WAL
 * database, as on a read-only mount (EROFS) or in a folder without write
 * permission (EACCES). Writing is refused. Reading is
 * possible when the database was closed cleanly (no -wal with content
 * beside it: everything is in the main file): it is opened again as
 * immutable, which needs neither file and takes no locks, so is only for a
 * place nobody writes to. A -wal with content holds the last commits,
 * which immutable would silently skip: refused, saying what to do. */
static int open_in_read_only_place(hane_db *db, unsigned flags, int rc0)
{
	char *wal, *uri;
	struct stat sb;
	bool wal_data;
	int rc;

	if (!(flags & HANE_OPEN_READONLY)) {
		if (!db->readonly)
			return rc0; /* its message stands */
		hane_error_set(hane_msg(HANE_M_DB_READONLY), db->path);
		return HANE_EREADONLY;
	}
	wal = malloc(strlen(db->path) + 5);
	if (!wal)
		return HANE_ENOMEM;
	sprintf(wal, "%s-wal", db->path);
	wal_data = stat(wal, &sb) == 0 && sb.st_size > 0;
	free(wal);
	if (wal_data) {
		hane_error_set(hane_msg(HANE_M_DB_WAL_READONLY), db->path,
			       db->path, db->path);
		return HANE_EREADONLY;
	}
	uri = file_uri(db->path, "?immutable=1");
	if (!uri)
		return HANE_ENOMEM;
	sqlite3_close(db->sql);
	rc = db_connect(db, uri,
			SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
				SQLITE_OPEN_NOMUTEX);
	free(uri);
	if (rc)
		return rc;
	db->readonly = true;
	return check_identity(db);
}

int hane_store_temp_dir(const char *dir)
{
	char *copy = sqlite3_mprintf("%s", dir);

	if (!copy)
		return HANE_ENOMEM;
	sqlite3_free(sqlite3_temp_directory);
	sqlite3_temp_directory = copy;
	return 0;
}

/* A file to open must exist unless it may be created, and be no folder. */
static int check_path(const char *path, unsigned flags)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		if (!(flags & HANE_OPEN_CREATE) || errno != ENOENT) {
			hane_error_set(hane_msg(HANE_M_DB_MISSING), path);
			return HANE_EIO;
		}
	} else if (S_ISDIR(sb.st_mode)) {
		hane_error_set(hane_msg(HANE_M_DB_NOT_SQLITE), path);
		return HANE_ENOTDB;
	}
	return 0;
}

static int set_pragmas(hane_db *db, bool memory)
{
	int rc;

	if (!memory && !db->readonly) {
		/* WAL with synchronous=FULL: the WAL is synced at every commit,
		 * so a save staff were told of survives a power cut. NORMAL
		 * syncs only at checkpoints and lost up to ~70 acknowledged
		 * saves in the power-cut test (never corruption); FULL costs
		 * about 0.3 ms a save on the test machine's disk. */
		rc = hane_store_exec(db, "PRAGMA journal_mode=WAL");
		if (rc)
			return rc;
	}
	/* temp_store stays at its default (files): the sort of a whole-
	 * registry export then needs a few MB, not 190 MB of RAM. */
	return hane_store_exec(db, "PRAGMA synchronous=FULL;"
				   "PRAGMA foreign_keys=ON;"
				   "PRAGMA cache_size=-32000");
}

int hane_store_open(hane_db **out, const char *path, unsigned flags)
{
	hane_db *db;
	bool memory = strcmp(path, ":memory:") == 0;
	int oflags = SQLITE_OPEN_NOMUTEX;
	int rc;

	*out = NULL;
	if (!memory && (rc = check_path(path, flags)) != 0)
		return rc;
	db = calloc(1, sizeof *db);
	if (!db)
		return HANE_ENOMEM;
	db->path = strdup(path);
	if (!db->path) {
		free(db);
		return HANE_ENOMEM;
	}
	db->busy_timeout_ms = BUSY_TIMEOUT_MS;
	if (flags & HANE_OPEN_READONLY)
		oflags |= SQLITE_OPEN_READONLY;
	else
		oflags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if ((rc = db_connect(db, path, oflags)) != 0)
		goto fail;
	db->readonly = (flags & HANE_OPEN_READONLY) ||
		       sqlite3_db_readonly(db->sql, "main") == 1;
	rc = check_identity(db);
	if (rc && !memory &&
	    (sqlite3_errcode(db->sql) == SQLITE_CANTOPEN ||
	     sqlite3_extended_errcode(db->sql) == SQLITE_READONLY_DIRECTORY))
		rc = open_in_read_only_place(db, flags, rc);
	if (rc)
		goto fail;
	if (db->readonly && !(flags & HANE_OPEN_READONLY)) {
		hane_error_set(hane_msg(HANE_M_DB_READONLY), path);
		rc = HANE_EREADONLY;
		goto fail;
	}
	rc = set_pragmas(db, memory);
	if (rc == 0)
		rc = migrate(db);
	if (rc)
		goto fail;
	*out = db;
	return 0;
fail:
	hane_store_close(db);
	return rc;
}

void hane_store_close(hane_db *db)
{
	if (!db)
		return;
	/* The read log still waiting: best effort (a program that ends
	 * writes it here; a database that stays locked loses at most the
	 * last second's search rows — see hane_store_audit_event_later). */
	if (db->nlater && db->depth == 0)
		(void)hane_store_events_flush(db);
	free(db->later);
	while (db->stmts)
		stmt_destroy(db->stmts);
	if (db->sql)
		sqlite3_close(db->sql);
	hane_store_queue_close(db); /* after: an open transaction is gone */
	free(db->path);
	free(db);
}

const char *hane_store_path(const hane_db *db)
{
	return db->path;
}

int hane_store_integrity_check(hane_db *db)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, "PRAGMA integrity_check", -1, &st,
				    NULL);

	if (rc != SQLITE_OK)
		return hane_store_error(db, rc);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);

		if (r && strcmp(r, "ok") == 0) {
			rc = 0;
		} else {
			hane_error_set(hane_msg(HANE_M_INTEGRITY), r ? r : "?");
			rc = HANE_EDB;
		}
	} else {
		rc = hane_store_error(db, rc);
	}
	sqlite3_finalize(st);
	return rc;
}
