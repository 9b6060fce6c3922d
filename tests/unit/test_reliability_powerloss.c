/* Power loss: a day's writes (households with their members, a CSV
 * import, food-bank distributions, in two sessions that open and close the
 * database, the second checkpointing often) are cut by a simulated power
 * failure at random points: the Nth write, truncate or sync, N drawn from
 * a seeded PRNG over the whole workload. The power VFS of hane/testing.h
 * then leaves the disk as a machine that lost power may: only what had
 * been synced ("drop"), or that plus a random subset of the unsynced
 * writes, some torn at 512-byte sectors ("torn"). The dead connections
 * are closed (no I/O reaches the disk any more) and the database is opened
 * again through SQLite's own VFS.
 *
 * After every cut: the database opens, passes the integrity check and the
 * foreign key check; the transactions that are there are a prefix of the
 * workload's, each whole (the household with all its members, the import's
 * every row, the distribution with its items), and every table holds
 * exactly the rows it held after that many transactions in an uncut run
 * (audit trail and search words included).
 *
 * Durability, as hane runs it (WAL, synchronous=FULL): the WAL is synced
 * at every commit, so every acknowledged commit survives, asserted after
 * every cut — but for the read log (opening a household), which commits
 * unsynced and may be lost only when no synced commit came after it; in the
 * drop variant none begun after the last WAL sync does, in the torn variant
 * later ones may, but only as a prefix. A contrast run with synchronous=NORMAL
 * (which syncs only at checkpoints: every 1000 pages, and when the last
 * connection closes) must lose acknowledged commits, or the simulation would
 * show nothing: that is why hane does not run NORMAL.
 *
 * HANE_POWER_CUTS (default 40) is the number of cuts per variant;
 * HANE_POWER_SEED (hex, printed by every run) replays a run's cuts. */
#include "testutil.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hane/foodbank.h"
#include "hane/households.h"
#include "hane/households_csv.h"
#include "hane/security.h"
#include "hane/testing.h"

#define IMPORT_HH 30 /* households per import file, 1-3 persons each */
#define MEMBERS 2    /* persons added to each household transaction */
#define NDIST 16     /* households referred to the food bank */
#define MAX_STEPS 64
#define MAX_TABLES 128

/* The workload: a list of steps, each opening, closing or one
 * transaction. */
enum step_kind {
	S_OPEN,
	S_CLOSE,
	T_HOUSEHOLD,
	T_IMPORT,
	T_DISTRIBUTE,
	T_VIEW /* the read log of opening a household: not synced */
};

struct step {
	enum step_kind kind;
	int tx;	 /* transaction number (T_*), in commit order */
	int arg; /* T_IMPORT: file; T_DISTRIBUTE: household; S_OPEN:
		    wal_autocheckpoint (0: hane's default) */
};

static struct step steps[MAX_STEPS];
static int nsteps, ntx;
static enum step_kind tx_kind[MAX_STEPS];

static char dir[512];
static char base_path[600], work_path[600], csv_path[2][600];
static int import_persons[2];
static int64_t fb_hh[NDIST], fb_branch;
static char fb_package[HANE_FB_CODE_MAX];
static bool sync_normal; /* the contrast: run with synchronous=NORMAL */
static uint64_t rng;

/* What each table holds after k transactions of an uncut run. */
static char tables[MAX_TABLES][64];
static int ntables;
static int64_t expect[MAX_STEPS + 1][MAX_TABLES];

static uint64_t rand64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void add_step(enum step_kind kind, int arg)
{
	assert_true(nsteps < MAX_STEPS);
	steps[nsteps].kind = kind;
	steps[nsteps].arg = arg;
	steps[nsteps].tx = -1;
	if (kind != S_OPEN && kind != S_CLOSE) {
		steps[nsteps].tx = ntx;
		tx_kind[ntx++] = kind;
	}
	nsteps++;
}

/* Session 1 at hane's own settings (no checkpoint until the close);
 * session 2 checkpoints every 16 pages, so cuts land before, in and
 * after checkpoints and WAL restarts too. */
static void plan(void)
{
	int d = 0;

	add_step(S_OPEN, 0);
	for (int i = 0; i < 5; i++) {
		add_step(T_HOUSEHOLD, 0);
		if (i == 2)
			add_step(T_VIEW, 0);
	}
	add_step(T_IMPORT, 0);
	add_step(T_DISTRIBUTE, d++);
	add_step(T_HOUSEHOLD, 0);
	add_step(T_DISTRIBUTE, d++);
	add_step(S_CLOSE, 0);
	add_step(S_OPEN, 16);
	for (int i = 0; i < 14; i++) {
		add_step(T_HOUSEHOLD, 0);
		if (i % 2 == 0)
			add_step(T_DISTRIBUTE, d++);
		if (i == 7)
			add_step(T_IMPORT, 1);
		if (i % 3 == 1)
			add_step(T_VIEW, 0);
	}
	add_step(T_VIEW, 0); /* the last: nothing synced after it */
	add_step(S_CLOSE, 0);
	assert_true(d <= NDIST);
}

/* ---- Setup --------------------------------------------------------------- */

static void write_csv(int f)
{
	static const char *rel[] = {"eşi", "çocuğu"};
	FILE *fp;
	int n = 0;

	snprintf(csv_path[f], sizeof csv_path[f], "%s/import-%d.csv", dir, f);
	fp = fopen(csv_path[f], "wb");
	assert_non_null(fp);
	fputs("Hane No;TC Kimlik No;Ad;Soyad;Doğum Tarihi;Yakınlık\r\n", fp);
	for (int h = 0; h < IMPORT_HH; h++)
		for (int m = 0; m <= h % 3; m++, n++)
			fprintf(fp,
				"%d;%s;Kişi%d;Aktarım%d;%02d.0%d.19%02d;%s\r\n",
				h,
				tu_tckn(6000000 + (uint64_t)f * 1000 +
					(uint64_t)n),
				n, f, 1 + h % 28, 1 + m, 40 + h % 50,
				m ? rel[m - 1] : "reis");
	fclose(fp);
	import_persons[f] = n;
}

static int pick_branch(const struct hane_fb_branch *b, void *arg)
{
	if (!fb_branch && b->active)
		fb_branch = b->id;
	return 0;
}

static int pick_package(const struct hane_fb_package *p, void *arg)
{
	if (!fb_package[0] && p->active)
		snprintf(fb_package, sizeof fb_package, "%s", p->code);
	return 0;
}

static void fingerprint(hane_db *db, int64_t *out)
{
	for (int t = 0; t < ntables; t++) {
		char sql[128];
		hane_stmt *st = NULL;

		snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\"",
			 tables[t]);
		tu_ok(hane_stmt_prepare(db, &st, sql));
		assert_int_equal(hane_stmt_step(st), HANE_ROW);
		out[t] = hane_stmt_int(st, 0);
		hane_stmt_finalize(st);
	}
}

/* The database every cut starts from: staff, households referred to the
 * food bank, checkpointed and closed (no -wal). */
static void make_base(void)
{
	hane_db *db;
	hane_hh_bulk *b;
	hane_stmt *st = NULL;
	int rc;

	snprintf(base_path, sizeof base_path, "%s/base.db", dir);
	snprintf(work_path, sizeof work_path, "%s/work.db", dir);
	db = tu_open(base_path);
	tu_ok(hane_foodbank_branch_each(db, pick_branch, NULL));
	tu_ok(hane_foodbank_package_each(db, pick_package, NULL));
	assert_true(fb_branch > 0 && fb_package[0]);
	tu_ok(hane_store_begin(db));
	tu_ok(hane_hh_bulk_begin(db, &b, "test"));
	for (int k = 0; k < NDIST; k++) {
		struct hane_household h;
		struct hane_person p;

		hane_household_init(&h);
		hane_person_init(&p);
		snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(5000000 + k));
		snprintf(p.first_name, sizeof p.first_name, "Alıcı");
		snprintf(p.last_name, sizeof p.last_name, "No%d", k);
		tu_ok(hane_hh_bulk_household(b, &h, &p, &fb_hh[k], NULL));
		tu_ok(hane_foodbank_refer(db, fb_hh[k], "manual", 0, "sınama",
					  "2026-01-01", NULL, NULL));
	}
	tu_ok(hane_hh_bulk_end(b, true, NULL));
	tu_ok(hane_store_commit(db));

	tu_ok(hane_stmt_prepare(db, &st,
				"SELECT name FROM sqlite_schema WHERE type ="
				" 'table' AND name NOT LIKE 'sqlite%'"
				" ORDER BY name"));
	while ((rc = hane_stmt_step(st)) == HANE_ROW) {
		assert_true(ntables < MAX_TABLES);
		snprintf(tables[ntables++], sizeof tables[0], "%s",
			 hane_stmt_text(st, 0));
	}
	assert_int_equal(rc, HANE_DONE);
	hane_stmt_finalize(st);
	fingerprint(db, expect[0]);
	hane_store_close(db);
	write_csv(0);
	write_csv(1);
}

static void copy_file(const char *from, const char *to)
{
	static char buf[1 << 16];
	int in = open(from, O_RDONLY), out;
	ssize_t n;

	assert_true(in >= 0);
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(out >= 0);
	while ((n = read(in, buf, sizeof buf)) > 0)
		assert_int_equal(write(out, buf, (size_t)n), n);
	assert_int_equal(n, 0);
	close(in);
	close(out);
}

/* A fresh copy of the base as the work database, no -wal or -shm. */
static void fresh_work(void)
{
	char side[700];

	snprintf(side, sizeof side, "%s-wal", work_path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", work_path);
	unlink(side);
	copy_file(base_path, work_path);
}

/* ---- The workload -------------------------------------------------------- */

static int tx_household(hane_db *db, void *arg)
{
	int k = *(int *)arg;
	struct hane_household h;
	struct hane_person p;
	int64_t hh;
	int rc;

	hane_household_init(&h);
	hane_person_init(&p);
	snprintf(h.notes, sizeof h.notes, "t%d", k);
	snprintf(p.first_name, sizeof p.first_name, "Reis");
	snprintf(p.last_name, sizeof p.last_name, "Elektrik%d", k);
	snprintf(p.tckn, sizeof p.tckn, "%s",
		 tu_tckn(7000000 + (uint64_t)k * 10));
	rc = hane_household_create(db, &h, &p, &hh, NULL, NULL);
	for (int m = 1; rc == 0 && m <= MEMBERS; m++) {
		hane_person_init(&p);
		p.household_id = hh;
		snprintf(p.relation, sizeof p.relation, "child");
		snprintf(p.first_name, sizeof p.first_name, "Üye%d", m);
		snprintf(p.last_name, sizeof p.last_name, "Elektrik%d", k);
		snprintf(p.tckn, sizeof p.tckn, "%s",
			 tu_tckn(7000000 + (uint64_t)k * 10 + (uint64_t)m));
		rc = hane_person_add(db, &p, NULL, NULL);
	}
	return rc;
}

/* As the console logs an opened household and its members. */
static int tx_view(hane_db *db, int k)
{
	int rc = hane_store_begin(db);

	if (rc)
		return rc;
	rc = hane_log_event(db, "household.view", "household", 100000 + k,
			    NULL);
	for (int m = 0; rc == 0 && m <= MEMBERS; m++)
		rc = hane_log_read(db, "person.view", 200000 + k * 10 + m);
	return hane_store_end(db, rc);
}

static int run_tx(hane_db *db, const struct step *s)
{
	int k = s->tx;

	switch (s->kind) {
	case T_VIEW:
		return tx_view(db, k);
	case T_HOUSEHOLD:
		return hane_store_tx(db, tx_household, &k);
	case T_IMPORT: {
		struct hane_import_opts o = {0};
		struct hane_import_counts c;
		int rc = hane_households_import(db, csv_path[s->arg], &o, &c);

		if (rc == 0 && c.created != import_persons[s->arg])
			fail_msg("import %d: %lld of %d persons", s->arg,
				 (long long)c.created, import_persons[s->arg]);
		return rc;
	}
	case T_DISTRIBUTE: {
		struct hane_fb_distribution d;

		memset(&d, 0, sizeof d);
		d.household_id = fb_hh[s->arg];
		snprintf(d.date, sizeof d.date, "2026-06-15");
		d.branch_id = fb_branch;
		snprintf(d.package, sizeof d.package, "%s", fb_package);
		snprintf(d.notes, sizeof d.notes, "t%d", k);
		return hane_foodbank_distribute(db, &d, NULL);
	}
	default:
		fail_msg("step %d is not a transaction", s->kind);
		return HANE_EINTERNAL;
	}
}

/* What a run did, as the program saw it. */
struct run {
	int began;     /* transactions begun */
	int committed; /* of them, acknowledged (the call returned 0) */
	int64_t before[MAX_STEPS], after[MAX_STEPS]; /* WAL syncs then */
};

static int64_t wal_syncs(void)
{
	struct hane_power_stats ps;

	hane_testing_power_stats(&ps);
	return ps.wal_syncs;
}

/* Runs the workload through the power VFS until it ends or fails; an
 * uncut run (calibrate) also records each table's rows after each
 * transaction. Returns 0 or the first error. */
static int run_workload(struct run *r, bool calibrate)
{
	hane_db *db = NULL;
	int rc = 0;

	memset(r, 0, sizeof *r);
	for (int i = 0; i < nsteps && rc == 0; i++) {
		const struct step *s = &steps[i];

		switch (s->kind) {
		case S_OPEN:
			rc = hane_store_open(&db, work_path, 0);
			if (rc == 0)
				rc = hane_store_set_actor(db, "tester");
			if (rc == 0 && sync_normal)
				rc = hane_store_exec(
					db, "PRAGMA synchronous=NORMAL");
			if (rc == 0 && s->arg > 0) {
				char sql[64];

				snprintf(sql, sizeof sql,
					 "PRAGMA wal_autocheckpoint=%d",
					 s->arg);
				rc = hane_store_exec(db, sql);
			}
			break;
		case S_CLOSE:
			/* Checkpoints and removes the WAL; cannot fail. */
			hane_store_close(db);
			db = NULL;
			break;
		default:
			r->before[s->tx] = wal_syncs();
			r->began = s->tx + 1;
			rc = run_tx(db, s);
			if (rc)
				break;
			r->after[s->tx] = wal_syncs();
			r->committed = s->tx + 1;
			if (calibrate)
				fingerprint(db, expect[s->tx + 1]);
		}
	}
	/* After a cut this is all the dead connection can do. */
	hane_store_close(db);
	return rc;
}

/* ---- Checks after a cut -------------------------------------------------- */

/* 1: transaction k is there whole; 0: not at all; fails the test when it
 * is there in part. */
static int tx_present(hane_db *db, int k)
{
	char notes[32], name[32];
	int64_t n = -1, m = -1;

	snprintf(notes, sizeof notes, "t%d", k);
	switch (tx_kind[k]) {
	case T_HOUSEHOLD: {
		hane_stmt *st = NULL;

		snprintf(name, sizeof name, "Elektrik%d", k);
		tu_ok(hane_stmt_prepare(db, &st,
					"SELECT (SELECT count(*) FROM household"
					"  WHERE notes = :n),"
					" (SELECT count(*) FROM person"
					"  WHERE last_name = :l)"));
		tu_ok(hane_stmt_bind_text(st, ":n", notes));
		tu_ok(hane_stmt_bind_text(st, ":l", name));
		assert_int_equal(hane_stmt_step(st), HANE_ROW);
		n = hane_stmt_int(st, 0);
		m = hane_stmt_int(st, 1);
		hane_stmt_finalize(st);
		if (n == 0 && m == 0)
			return 0;
		if (n == 1 && m == 1 + MEMBERS)
			return 1;
		fail_msg("household tx %d in part: %lld households, %lld"
			 " persons",
			 k, (long long)n, (long long)m);
		return -1;
	}
	case T_IMPORT: {
		hane_stmt *st = NULL;
		int f = 0;

		for (int i = 0; i < nsteps; i++)
			if (steps[i].tx == k)
				f = steps[i].arg;
		snprintf(name, sizeof name, "Aktarım%d", f);
		tu_ok(hane_stmt_prepare(db, &st,
					"SELECT count(*) FROM person"
					" WHERE last_name = :l"));
		tu_ok(hane_stmt_bind_text(st, ":l", name));
		assert_int_equal(hane_stmt_step(st), HANE_ROW);
		n = hane_stmt_int(st, 0);
		hane_stmt_finalize(st);
		if (n == 0 || n == import_persons[f])
			return n > 0;
		fail_msg("import tx %d in part: %lld of %d persons", k,
			 (long long)n, import_persons[f]);
		return -1;
	}
	case T_VIEW: {
		hane_stmt *st = NULL;

		tu_ok(hane_stmt_prepare(db, &st,
					"SELECT count(*) FROM audit WHERE"
					" (action = 'household.view' AND"
					"  row_id = :h) OR (action ="
					" 'person.view' AND row_id BETWEEN"
					" :p AND :p + 9)"));
		tu_ok(hane_stmt_bind_int(st, ":h", 100000 + k));
		tu_ok(hane_stmt_bind_int(st, ":p", 200000 + k * 10));
		assert_int_equal(hane_stmt_step(st), HANE_ROW);
		n = hane_stmt_int(st, 0);
		hane_stmt_finalize(st);
		if (n == 0 || n == 2 + MEMBERS)
			return n > 0;
		fail_msg("read log tx %d in part: %lld rows", k, (long long)n);
		return -1;
	}
	default: {
		hane_stmt *st = NULL;

		tu_ok(hane_stmt_prepare(db, &st,
					"SELECT count(*), (SELECT count(*)"
					"  FROM fb_distribution_item i"
					"  JOIN fb_distribution d"
					"   ON d.id = i.distribution_id"
					"  WHERE d.notes = :n)"
					" FROM fb_distribution"
					" WHERE notes = :n"));
		tu_ok(hane_stmt_bind_text(st, ":n", notes));
		assert_int_equal(hane_stmt_step(st), HANE_ROW);
		n = hane_stmt_int(st, 0);
		m = hane_stmt_int(st, 1);
		hane_stmt_finalize(st);
		if (n == 0 && m == 0)
			return 0;
		if (n == 1 && m > 0)
			return 1;
		fail_msg("distribution tx %d in part: %lld rows, %lld items", k,
			 (long long)n, (long long)m);
		return -1;
	}
	}
}

struct totals {
	int cuts, dead_runs;
	int lost;	   /* acknowledged commits not there after a cut */
	int lost_max;	   /* the most in one cut */
	int logs_lost;	   /* unsynced read logs at the tail, allowed */
	int unacked_kept;  /* in-flight transactions that survived */
	int unsynced_kept; /* transactions kept past those surely synced
			      (drop: the one whose own commit synced) */
	int64_t unsynced, landed, torn;
};

/* Opens the database after cut `c` through SQLite's own VFS and checks
 * it; returns how many transactions survived. */
static int check_cut(const char *what, int c, int64_t at, const struct run *r,
		     const struct hane_power_stats *ps,
		     enum hane_power_cut mode, struct totals *t)
{
	hane_db *db = NULL;
	int64_t fp[MAX_TABLES], fk = -1;
	int present = 0, must = 0, may = 0;

	if (hane_store_open(&db, work_path, 0) != 0)
		fail_msg("%s cut %d (op %lld): database does not open: %s",
			 what, c, (long long)at, hane_error_last());
	tu_ok(hane_store_set_actor(db, "tester"));
	if (hane_store_integrity_check(db) != 0)
		fail_msg("%s cut %d (op %lld): %s", what, c, (long long)at,
			 hane_error_last());
	tu_ok(hane_store_query_int(db, &fk,
				   "SELECT count(*)"
				   " FROM pragma_foreign_key_check",
				   NULL, 0));
	if (fk != 0)
		fail_msg("%s cut %d (op %lld): %lld foreign key violations",
			 what, c, (long long)at, (long long)fk);
	for (int k = 0; k < ntx; k++) {
		if (!tx_present(db, k))
			continue;
		if (present != k)
			fail_msg("%s cut %d (op %lld): tx %d there, tx %d"
				 " missing",
				 what, c, (long long)at, k, present);
		present++;
	}
	fingerprint(db, fp);
	for (int i = 0; i < ntables; i++)
		if (fp[i] != expect[present][i])
			fail_msg("%s cut %d (op %lld): %s has %lld rows, an"
				 " uncut run had %lld after %d transactions",
				 what, c, (long long)at, tables[i],
				 (long long)fp[i],
				 (long long)expect[present][i], present);
	hane_store_close(db);

	/* Durable: every acknowledged commit (NORMAL: only those committed
	 * before the last WAL sync; a read log, committed unsynced, also
	 * only then: the next synced commit syncs it). Possible: drop keeps
	 * nothing unsynced, so only what began before that sync; torn may
	 * keep more. */
	for (int k = 0; k < r->committed; k++)
		if ((!sync_normal && tx_kind[k] != T_VIEW) ||
		    r->after[k] < ps->wal_syncs)
			must = k + 1;
	may = r->began;
	if (mode == HANE_POWER_DROP) {
		may = 0;
		for (int k = 0; k < r->began; k++)
			if (r->before[k] < ps->wal_syncs)
				may = k + 1;
	}
	if (present < must)
		fail_msg("%s cut %d (op %lld): %d transactions there, %d had"
			 " been made durable (%d acknowledged)",
			 what, c, (long long)at, present, must, r->committed);
	if (present > may)
		fail_msg("%s cut %d (op %lld): %d transactions there, at most"
			 " %d could be (%d begun, %d acknowledged)",
			 what, c, (long long)at, present, may, r->began,
			 r->committed);
	if (present < r->committed) {
		int lost = 0;

		/* A read log committed after the last sync may go: it was
		 * never synced (see hane_store_begin()). */
		for (int k = present; k < r->committed; k++)
			if (sync_normal || tx_kind[k] != T_VIEW)
				lost++;
			else
				t->logs_lost++;
		t->lost += lost;
		if (lost > t->lost_max)
			t->lost_max = lost;
	}
	t->unacked_kept += present > r->committed;
	t->unsynced_kept += present - must;
	return present;
}

/* ---- The test ------------------------------------------------------------ */

/* An uncut run: how many counted operations the workload makes. */
static int64_t calibrate(void)
{
	struct hane_power_stats ps;
	struct run r;

	fresh_work();
	tu_ok(hane_testing_power_install());
	tu_ok(run_workload(&r, true));
	hane_testing_power_stats(&ps);
	hane_testing_power_uninstall();
	assert_false(ps.cut);
	assert_int_equal(r.committed, ntx);
	return ps.ops;
}

static void cuts(const char *what, enum hane_power_cut mode, int reps,
		 int64_t total, struct totals *t)
{
	for (int c = 0; c < reps; c++) {
		int64_t at = 1 + (int64_t)(rand64() % (uint64_t)total);
		struct hane_power_stats ps;
		struct run r;
		int rc;

		fresh_work();
		tu_ok(hane_testing_power_install());
		hane_testing_power_cut_at(at, mode, rand64());
		rc = run_workload(&r, false);
		hane_testing_power_stats(&ps);
		hane_testing_power_uninstall();
		if (!ps.cut)
			fail_msg("%s cut %d: no cut at op %lld of %lld", what,
				 c, (long long)at, (long long)total);
		/* The cut is the only failure allowed: it may come in the
		 * final close, after every transaction succeeded. */
		(void)rc;
		t->cuts++;
		t->dead_runs += rc != 0;
		t->unsynced += ps.unsynced;
		t->landed += ps.landed;
		t->torn += ps.torn;
		check_cut(what, c, at, &r, &ps, mode, t);
	}
}

static int env_int(const char *name, int dflt)
{
	const char *v = getenv(name);

	return v && atoi(v) > 0 ? atoi(v) : dflt;
}

static void report(const char *what, const struct totals *t, double ms)
{
	print_message("%s: %d cuts (%d mid-workload), %lld unsynced writes"
		      " at the cuts (%lld landed whole, %lld torn);"
		      " acknowledged commits lost: %d (at most %d in one"
		      " cut); unsynced read logs lost: %d; kept beyond those"
		      " surely synced: %d (%d not yet acknowledged); %.0f"
		      " ms\n",
		      what, t->cuts, t->dead_runs, (long long)t->unsynced,
		      (long long)t->landed, (long long)t->torn, t->lost,
		      t->lost_max, t->logs_lost, t->unsynced_kept,
		      t->unacked_kept, ms);
}

static void test_power_cuts(void **state)
{
	int reps = env_int("HANE_POWER_CUTS", 40);
	struct totals drop = {0}, torn = {0}, normal = {0};
	int64_t total, total_normal;
	double t0;

	if (getenv("HANE_POWER_SEED"))
		rng = strtoull(getenv("HANE_POWER_SEED"), NULL, 16) | 1;
	else
		rng = 0x9e3779b97f4a7c15ULL ^ (uint64_t)getpid() << 20 ^
		      (uint64_t)time(NULL);
	print_message("HANE_POWER_SEED=%llx\n", (unsigned long long)rng);
	plan();
	make_base();

	t0 = now_ms();
	total = calibrate();
	print_message("workload: %d transactions, %lld writes, truncates"
		      " and syncs, %.0f ms uncut\n",
		      ntx, (long long)total, now_ms() - t0);

	t0 = now_ms();
	cuts("drop", HANE_POWER_DROP, reps, total, &drop);
	report("drop (FULL)", &drop, now_ms() - t0);
	t0 = now_ms();
	cuts("torn", HANE_POWER_TORN, reps, total, &torn);
	report("torn (FULL)", &torn, now_ms() - t0);
	/* No save staff were told of is lost. */
	assert_int_equal(drop.lost, 0);
	assert_int_equal(torn.lost, 0);

	/* The contrast: NORMAL syncs the WAL only at checkpoints. */
	sync_normal = true;
	total_normal = calibrate();
	t0 = now_ms();
	cuts("normal", HANE_POWER_DROP, reps / 2 + 1, total_normal, &normal);
	report("drop (NORMAL)", &normal, now_ms() - t0);
	sync_normal = false;

	/* The cuts must hit the work, torn writes must happen, and NORMAL
	 * must be seen to lose acknowledged commits, or the test shows
	 * nothing. */
	assert_true(drop.dead_runs >= reps / 2);
	assert_true(torn.torn > 0);
	assert_true(normal.lost > 0);
}

/* The first import of an empty registry goes alone, through the rollback
 * journal (hane_store_solo_begin, journal_mode=TRUNCATE), not the WAL: cut
 * anywhere (dropped or torn unsynced writes), the database opens, passes
 * the integrity and foreign key checks and holds no person of the file or
 * every one — every one when the import had returned. */
static void test_power_cuts_first_import(void **state)
{
	int reps = env_int("HANE_POWER_CUTS", 40) / 2, dead = 0, whole = 0;
	char empty[600], side[700];
	int64_t total = 0;

	snprintf(empty, sizeof empty, "%s/empty.db", dir);
	hane_store_close(tu_open(empty));
	for (int c = -1; c < reps; c++) {
		struct hane_power_stats ps;
		struct hane_import_opts o = {0};
		struct hane_import_counts ic = {0};
		hane_db *db = NULL;
		int64_t n = -1, fk = -1, at = 0;
		bool acked;
		int rc;

		snprintf(side, sizeof side, "%s-journal", work_path);
		unlink(side);
		fresh_work();
		copy_file(empty, work_path);
		tu_ok(hane_testing_power_install());
		if (c >= 0) {
			at = 1 + (int64_t)(rand64() % (uint64_t)total);
			hane_testing_power_cut_at(
				at, c % 2 ? HANE_POWER_TORN : HANE_POWER_DROP,
				rand64());
		}
		rc = hane_store_open(&db, work_path, 0);
		if (rc == 0)
			rc = hane_store_set_actor(db, "tester");
		if (rc == 0)
			rc = hane_households_import(db, csv_path[0], &o, &ic);
		acked = rc == 0;
		hane_store_close(db);
		hane_testing_power_stats(&ps);
		hane_testing_power_uninstall();
		if (c < 0) { /* the uncut run: how many operations */
			assert_false(ps.cut);
			assert_true(acked && ic.solo);
			total = ps.ops;
			continue;
		}
		dead += ps.cut && !acked;
		db = NULL;
		if (hane_store_open(&db, work_path, 0) != 0)
			fail_msg("first import cut %d (op %lld): database does"
				 " not open: %s",
				 c, (long long)at, hane_error_last());
		if (hane_store_integrity_check(db) != 0)
			fail_msg("first import cut %d (op %lld): %s", c,
				 (long long)at, hane_error_last());
		tu_ok(hane_store_query_int(db, &fk,
					   "SELECT count(*)"
					   " FROM pragma_foreign_key_check",
					   NULL, 0));
		assert_int_equal(fk, 0);
		tu_ok(hane_store_query_int(
			db, &n, "SELECT count(*) FROM person", NULL, 0));
		if (n != 0 && n != import_persons[0])
			fail_msg("first import cut %d (op %lld): %lld of %d"
				 " persons",
				 c, (long long)at, (long long)n,
				 import_persons[0]);
		if (acked && n != import_persons[0])
			fail_msg("first import cut %d (op %lld): returned,"
				 " but %lld persons there",
				 c, (long long)at, (long long)n);
		whole += n > 0;
		hane_store_close(db);
	}
	print_message("first import: %d cuts (%d before it returned), the"
		      " file whole after %d\n",
		      reps, dead, whole);
	assert_true(dead >= reps / 2);
}

/* A passing run leaves nothing behind; a failing one keeps its files. */
static void remove_dir(void)
{
	static const char *const names[] = {
		"base.db",	   "work.db",  "work.db-wal",  "work.db-shm",
		"work.db-journal", "empty.db", "import-0.csv", "import-1.csv",
	};
	char p[700];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
}

int main(void)
{
	const char *base = getenv("HANE_TEST_TMP");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_power_cuts),
		cmocka_unit_test(test_power_cuts_first_import),
	};
	int rc;

	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	mkdir(base ? base : "/tmp", 0700);
	snprintf(dir, sizeof dir, "%s/power.XXXXXX", base ? base : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	if (rc == 0)
		remove_dir();
	return rc;
}
