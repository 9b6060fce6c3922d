/* Crash safety: an import and a batch of writes are killed with SIGKILL
 * at random moments, 50 times each, against one database file that keeps
 * growing. After every kill the database must open (WAL recovery), pass
 * the integrity check, and hold all or none of each transaction: the
 * import's rows all or none, each batch transaction's household with all
 * its members or nothing, the committed ones a prefix of the batch, and
 * every commit the child had acknowledged still there (durable against a
 * process crash; power cuts: test_reliability_powerloss.c).
 *
 * The moment is random between "child is running" and the end of a run as
 * long as a full one (measured first): the parent polls the child's pipe
 * with that deadline, never sleeps. HANE_CRASH_REPS overrides the 50;
 * HANE_CRASH_SEED (hex, printed by every run) replays a run's moments. */
#include "testutil.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hane/households.h"
#include "hane/households_csv.h"

#define IMPORT_HH 60	/* households per import file, 1-3 persons each */
#define BATCH_TX 25	/* transactions per batch */
#define BATCH_MEMBERS 3 /* persons added to each batch household */

static const char *db_path;
static char dir[512];
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

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

/* ---- The two workloads (run in the child) -------------------------------- */

/* Import file of rep r: persons with last name "Aktarım<r>", how many in
 * *persons. */
static const char *import_file(int r, int *persons)
{
	static char path[700];
	static const char *rel[] = {"eşi", "çocuğu"};
	FILE *fp;
	int n = 0;

	snprintf(path, sizeof path, "%s/import-%d.csv", dir, r);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs("Hane No;TC Kimlik No;Ad;Soyad;Doğum Tarihi;Yakınlık\r\n", fp);
	for (int h = 0; h < IMPORT_HH; h++)
		for (int m = 0; m <= h % 3; m++, n++)
			fprintf(fp,
				"%d;%s;Kişi%d;Aktarım%d;%02d.0%d.19%02d;%s\r\n",
				h,
				tu_tckn(2000000 + (uint64_t)r * 1000 +
					(uint64_t)n),
				n, r, 1 + h % 28, 1 + m, 40 + h % 50,
				m ? rel[m - 1] : "reis");
	fclose(fp);
	*persons = n;
	return path;
}

struct batch {
	int r, k;
};

static int batch_tx(hane_db *db, void *arg)
{
	const struct batch *b = arg;
	struct hane_household h;
	struct hane_person p;
	int64_t hh;
	int rc;

	hane_household_init(&h);
	hane_person_init(&p);
	snprintf(h.notes, sizeof h.notes, "b%d-%d", b->r, b->k);
	snprintf(p.first_name, sizeof p.first_name, "Reis");
	snprintf(p.last_name, sizeof p.last_name, "Toplu%d", b->r);
	snprintf(
		p.tckn, sizeof p.tckn, "%s",
		tu_tckn(4000000 + (uint64_t)b->r * 1000 + (uint64_t)b->k * 10));
	rc = hane_household_create(db, &h, &p, &hh, NULL, NULL);
	for (int m = 1; rc == 0 && m <= BATCH_MEMBERS; m++) {
		hane_person_init(&p);
		p.household_id = hh;
		snprintf(p.relation, sizeof p.relation, "child");
		snprintf(p.first_name, sizeof p.first_name, "Üye%d", m);
		snprintf(p.last_name, sizeof p.last_name, "Toplu%d", b->r);
		snprintf(p.tckn, sizeof p.tckn, "%s",
			 tu_tckn(4000000 + (uint64_t)b->r * 1000 +
				 (uint64_t)b->k * 10 + (uint64_t)m));
		rc = hane_person_add(db, &p, NULL, NULL);
	}
	return rc;
}

enum work { IMPORT, BATCH };

/* The child: opens, says "running" with one byte, works, acknowledging
 * every batch commit with one more byte, and exits 0 when done. */
static void child(enum work what, int r, int out)
{
	hane_db *db = NULL;
	int rc = hane_store_open(&db, db_path, 0);

	if (rc == 0)
		rc = hane_store_set_actor(db, "tester");
	if (rc || write(out, "s", 1) != 1)
		_exit(1);
	if (what == IMPORT) {
		struct hane_import_opts o = {0};
		struct hane_import_counts c;
		int persons;

		rc = hane_households_import(db, import_file(r, &persons), &o,
					    &c);
		if (rc || c.created != persons)
			_exit(2);
		/* The first import of an empty registry goes alone (rep
		 * numbers below zero: test_kill_first_import); into a
		 * registry with rows, never. */
		if (r < 0 ? !c.solo : c.solo)
			_exit(4);
	} else {
		for (int k = 0; k < BATCH_TX; k++) {
			struct batch b = {r, k};

			if (hane_store_tx(db, batch_tx, &b) != 0 ||
			    write(out, "c", 1) != 1)
				_exit(3);
		}
	}
	hane_store_close(db);
	_exit(0);
}

/* Runs the child and kills it kill_ms after it said "running" (never when
 * kill_ms < 0). Returns the bytes it acknowledged ("s" + commits); *killed
 * says whether the kill came first. Polls the pipe with the deadline. */
static int run_child(enum work what, int r, double kill_ms, bool *killed,
		     double *took_ms)
{
	int fd[2], acks = 0, st;
	double start = 0, deadline = 0;
	pid_t pid;

	assert_int_equal(pipe(fd), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		child(what, r, fd[1]);
	}
	close(fd[1]);
	*killed = false;
	for (;;) {
		struct pollfd p = {fd[0], POLLIN, 0};
		int wait = -1;
		char buf[64];
		ssize_t n;

		if (acks > 0 && kill_ms >= 0) {
			double left = deadline - now_ms();

			if (left <= 0) {
				kill(pid, SIGKILL);
				*killed = true;
				break;
			}
			wait = (int)left + 1;
			if (left < 1.0)
				wait = 0;
		}
		if (poll(&p, 1, wait) == 0)
			continue; /* deadline passes: the loop kills */
		n = read(fd[0], buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break; /* child exited first */
		if (acks == 0) {
			start = now_ms();
			deadline = start + kill_ms;
		}
		acks += (int)n;
	}
	/* Bytes written before the kill are still in the pipe. */
	for (;;) {
		char buf[64];
		ssize_t n = read(fd[0], buf, sizeof buf);

		if (n <= 0)
			break;
		acks += (int)n;
	}
	close(fd[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	if (took_ms)
		*took_ms = now_ms() - start;
	if (!*killed || !WIFSIGNALED(st)) {
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			fail_msg("child (%s, rep %d) failed: status %d",
				 what == IMPORT ? "import" : "batch", r, st);
		*killed = false;
	}
	return acks;
}

/* ---- Checks after each kill ---------------------------------------------- */

static int64_t count_last_name(hane_db *db, const char *fmt, int r)
{
	hane_stmt *st = NULL;
	char name[64];
	int64_t n = -1;

	snprintf(name, sizeof name, fmt, r);
	tu_ok(hane_stmt_prepare(db, &st,
				"SELECT count(*) FROM person"
				" WHERE last_name = :n"));
	tu_ok(hane_stmt_bind_text(st, ":n", name));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	n = hane_stmt_int(st, 0);
	hane_stmt_finalize(st);
	return n;
}

static hane_db *reopen_checked(void)
{
	hane_db *db = NULL;

	if (hane_store_open(&db, db_path, 0) != 0)
		fail_msg("database does not open after kill -9: %s",
			 hane_error_last());
	tu_ok(hane_store_integrity_check(db));
	return db;
}

static void check_import(int r, int persons, bool killed)
{
	hane_db *db = reopen_checked();
	int64_t n = count_last_name(db, "Aktarım%d", r);

	if (n != 0 && n != persons)
		fail_msg("import %d: %lld of %d persons after kill -9", r,
			 (long long)n, persons);
	if (!killed)
		assert_int_equal(n, persons);
	hane_store_close(db);
}

/* Returns how many of the batch's transactions are there. */
static int check_batch(int r, int acked_commits, bool killed)
{
	hane_db *db = reopen_checked();
	hane_stmt *st = NULL;
	int present = 0;

	tu_ok(hane_stmt_prepare(db, &st,
				"SELECT (SELECT count(*) FROM person p"
				" WHERE p.household_id = h.id),"
				" h.head_id IS NOT NULL"
				" FROM household h WHERE h.notes = :n"));
	for (int k = 0; k < BATCH_TX; k++) {
		char notes[32];
		int rc;

		snprintf(notes, sizeof notes, "b%d-%d", r, k);
		tu_ok(hane_stmt_bind_text(st, ":n", notes));
		rc = hane_stmt_step(st);
		if (rc == HANE_ROW) {
			if (hane_stmt_int(st, 0) != 1 + BATCH_MEMBERS ||
			    !hane_stmt_int(st, 1))
				fail_msg("batch %d tx %d half there: %lld"
					 " persons",
					 r, k, (long long)hane_stmt_int(st, 0));
			if (present != k)
				fail_msg("batch %d: tx %d there, %d missing", r,
					 k, present);
			present++;
			assert_int_equal(hane_stmt_step(st), HANE_DONE);
		} else {
			assert_int_equal(rc, HANE_DONE);
		}
		hane_stmt_reset(st);
	}
	hane_stmt_finalize(st);
	if (present < acked_commits)
		fail_msg("batch %d: %d commits acknowledged, %d there", r,
			 acked_commits, present);
	if (present > acked_commits + 1)
		fail_msg("batch %d: %d there, only %d acknowledged", r, present,
			 acked_commits);
	if (!killed)
		assert_int_equal(present, BATCH_TX);
	assert_int_equal(count_last_name(db, "Toplu%d", r),
			 present * (1 + BATCH_MEMBERS));
	hane_store_close(db);
	return present;
}

static void test_kill_import_and_batches(void **state)
{
	const char *env = getenv("HANE_CRASH_REPS");
	int reps = env && atoi(env) > 0 ? atoi(env) : 50;
	double import_ms, batch_ms;
	int killed_imports = 0, killed_batches = 0, persons, acks;
	int partial_batches = 0, r;
	bool killed;

	db_path = tu_tmp_path("crash");
	{
		/* One household first: every import here goes through the
		 * WAL, rep 0 (which times a whole run) too; the first import
		 * of an empty registry has a test of its own below. */
		hane_db *db = tu_open(db_path);
		struct hane_household h;
		struct hane_person p;

		hane_household_init(&h);
		hane_person_init(&p);
		snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(1999999));
		snprintf(p.first_name, sizeof p.first_name, "İlk");
		snprintf(p.last_name, sizeof p.last_name, "Hane");
		tu_ok(hane_household_create(db, &h, &p, NULL, NULL, NULL));
		hane_store_close(db);
	}
	if (getenv("HANE_CRASH_SEED"))
		rng = strtoull(getenv("HANE_CRASH_SEED"), NULL, 16) | 1;
	else
		rng ^= (uint64_t)getpid() << 20 ^ (uint64_t)time(NULL);
	print_message("HANE_CRASH_SEED=%llx\n", (unsigned long long)rng);

	/* Rep 0 runs to the end: how long a whole run takes. */
	import_file(0, &persons);
	run_child(IMPORT, 0, -1, &killed, &import_ms);
	check_import(0, persons, false);
	acks = run_child(BATCH, 0, -1, &killed, &batch_ms);
	assert_int_equal(check_batch(0, acks - 1, false), BATCH_TX);

	/* Kills land at a random point of a whole run's time, which the
	 * runs that end before their kill measure anew (a machine busy
	 * during rep 0 would otherwise put most kills after the end). More
	 * reps run, up to three times as many, until enough kills landed
	 * inside the work. */
	for (r = 1; r <= 3 * reps && (r <= reps || killed_imports < reps / 3 ||
				      partial_batches < reps / 6);
	     r++) {
		double t = (double)(rand64() % 1000) / 1000.0, took;
		int present;

		import_file(r, &persons);
		run_child(IMPORT, r, t * import_ms * 1.2, &killed, &took);
		killed_imports += killed;
		if (!killed)
			import_ms = took;
		check_import(r, persons, killed);

		t = (double)(rand64() % 1000) / 1000.0;
		acks = run_child(BATCH, r, t * batch_ms * 1.2, &killed, &took);
		killed_batches += killed;
		if (!killed)
			batch_ms = took;
		present = check_batch(r, acks > 0 ? acks - 1 : 0, killed);
		partial_batches += present > 0 && present < BATCH_TX;
	}
	print_message("%d reps: %d imports and %d batches killed (%d"
		      " batches cut between commits); a full import took"
		      " %.1f ms, a batch %.1f ms\n",
		      r - 1, killed_imports, killed_batches, partial_batches,
		      import_ms, batch_ms);
	/* Most kills must land inside the work, or the test proves
	 * nothing. */
	assert_true(killed_imports >= reps / 3);
	assert_true(partial_batches >= reps / 6);
}

/* The first import of an empty registry, with nobody else connected,
 * goes through the rollback journal instead of the WAL
 * (hane_store_solo_begin): killed anywhere, the database opens whole,
 * empty or with every row, and is back in WAL mode. Import numbers below
 * zero are such first imports (the child checks counts.solo). */
static void test_kill_first_import(void **state)
{
	const char *env = getenv("HANE_CRASH_REPS");
	int reps = env && atoi(env) > 0 ? atoi(env) / 4 : 12;
	int killed_imports = 0, persons;
	double import_ms;
	bool killed;

	for (int r = 0; r <= reps; r++) {
		char name[32];
		double t = (double)(rand64() % 1000) / 1000.0;
		hane_db *db;
		int64_t wal = 0;

		snprintf(name, sizeof name, "first-%d", r);
		db_path = tu_tmp_path(name);
		hane_store_close(tu_open(db_path));
		import_file(-1 - r, &persons);
		/* Rep 0 runs to the end: how long a whole run takes. */
		/* Inside the run, mostly: a loaded machine's runs vary. */
		run_child(IMPORT, -1 - r, r ? t * import_ms * 0.9 : -1, &killed,
			  r ? NULL : &import_ms);
		killed_imports += killed;
		check_import(-1 - r, persons, killed);
		db = reopen_checked();
		tu_ok(hane_store_query_int(db, &wal,
					   "SELECT journal_mode = 'wal'"
					   " FROM pragma_journal_mode",
					   NULL, 0));
		assert_int_equal(wal, 1);
		hane_store_close(db);
	}
	print_message("%d first imports, %d killed; a whole one took %.1f ms\n",
		      reps, killed_imports, import_ms);
	assert_true(killed_imports >= reps / 4);
}

int main(void)
{
	const char *base = getenv("HANE_TEST_TMP");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kill_import_and_batches),
		cmocka_unit_test(test_kill_first_import),
	};

	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	signal(SIGPIPE, SIG_IGN);
	mkdir(base ? base : "/tmp", 0700);
	snprintf(dir, sizeof dir, "%s/crash.XXXXXX", base ? base : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
