/* The writers' queue (src/store/writer.c, #22): hane's writers wait for
 * the write lock in a robust process-shared mutex in DB-writer, asleep in
 * the kernel and in the order they came, instead of polling SQLite.
 *
 * Processes are forked and synchronised with pipes; a test that needs a
 * process to be asleep in the queue polls /proc for it with a deadline.
 * Nothing sleeps. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hane/files.h"

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int64_t count(hane_db *db, const char *sql)
{
	int64_t n = -1;

	tu_ok(hane_store_query_int(db, &n, sql, NULL, 0));
	return n;
}

/* A connection of a child process: no cmocka there, exits on failure. */
static hane_db *child_open(const char *path)
{
	hane_db *db = NULL;

	if (hane_store_open(&db, path, 0) != 0 ||
	    hane_store_set_actor(db, "tester") != 0)
		_exit(90);
	return db;
}

static int insert(hane_db *db, int64_t w, int64_t i)
{
	struct hane_field p[] = {HANE_FINT(":w", w), HANE_FINT(":i", i)};

	return hane_store_run(db, "INSERT INTO q(w, i) VALUES(:w, :i)", p, 2);
}

static hane_db *open_with_table(const char *path)
{
	hane_db *db = tu_open(path);

	tu_ok(hane_store_exec(db, "CREATE TABLE IF NOT EXISTS q(w INTEGER,"
				  " i INTEGER, UNIQUE(w, i))"));
	return db;
}

/* One byte from fd within ms (-1: none came: EOF or the deadline). */
static int read_byte(int fd, int ms)
{
	double until = now_ms() + ms;
	unsigned char c;

	for (;;) {
		struct pollfd p = {fd, POLLIN, 0};
		double left = until - now_ms();

		if (left <= 0)
			return -1;
		if (poll(&p, 1, (int)left + 1) > 0)
			return read(fd, &c, 1) == 1 ? c : -1;
	}
}

/* A child that opens path, begins a write transaction, inserts (99, 1),
 * says 'H' on *ready and then holds until its end of *hold is closed
 * (EOF), when it commits (commit true) or exits without a word. */
static pid_t start_holder(const char *path, int *ready, int *hold, bool commit)
{
	int r[2], h[2];
	pid_t pid;

	assert_int_equal(pipe(r), 0);
	assert_int_equal(pipe(h), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		hane_db *db;
		char c;

		close(r[0]);
		close(h[1]);
		db = child_open(path);
		if (hane_store_begin(db) != 0 || insert(db, 99, 1) != 0)
			_exit(91);
		if (write(r[1], "H", 1) != 1)
			_exit(92);
		while (read(h[0], &c, 1) > 0)
			;
		if (commit && hane_store_commit(db) != 0)
			_exit(93);
		_exit(0);
	}
	close(r[1]);
	close(h[0]);
	*ready = r[0];
	*hold = h[1];
	assert_int_equal(read_byte(*ready, 30000), 'H');
	return pid;
}

static int exit_code(pid_t pid)
{
	int st = 0;

	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Whether pid sleeps in a futex (the queue) — /proc's wchan, or the
 * system call it is blocked in. */
static bool in_futex(pid_t pid)
{
	char p[64], buf[128] = "";
	FILE *f;
	bool yes = false;

	snprintf(p, sizeof p, "/proc/%d/wchan", (int)pid);
	if ((f = fopen(p, "r")) != NULL) {
		yes = fgets(buf, sizeof buf, f) && strstr(buf, "futex");
		fclose(f);
	}
#ifdef __x86_64__
	snprintf(p, sizeof p, "/proc/%d/syscall", (int)pid);
	if (!yes && (f = fopen(p, "r")) != NULL) {
		yes = fgets(buf, sizeof buf, f) && strncmp(buf, "202 ", 4) == 0;
		fclose(f);
	}
#endif
	return yes;
}

static void wait_in_futex(pid_t pid)
{
	double until = now_ms() + 30000;

	while (!in_futex(pid)) {
		struct pollfd none = {-1, 0, 0};

		if (now_ms() > until)
			fail_msg("process %d never waited in the queue",
				 (int)pid);
		poll(&none, 0, 1); /* a poll with a deadline, not a sleep */
	}
}

/* A holder in another process past the (short) timeout: the waiter gets
 * HANE_EBUSY at the timeout, having slept in the queue — not polling
 * SQLite (no busy-handler call) — and a try gives up at once. */
static void test_queue_times_out(void **state)
{
	const char *path = tu_tmp_path("wq-timeout");
	hane_db *db = open_with_table(path);
	struct hane_store_stats st;
	int ready, hold;
	pid_t holder;
	double t0, ms;

	(void)state;
	holder = start_holder(path, &ready, &hold, true);
	hane_store_busy_timeout(db, 300);
	t0 = now_ms();
	assert_int_equal(hane_store_begin(db), HANE_EBUSY);
	ms = now_ms() - t0;
	assert_true(ms >= 290 && ms < 5000);
	hane_store_stats(db, &st);
	assert_int_equal(st.busy_calls, 0);
	assert_int_equal(st.queue_fallbacks, 0);
	assert_true(st.queue_max_ms >= 290);
	/* A try (the search log's) does not wait at all. */
	hane_store_busy_timeout(db, 10000);
	tu_ok(hane_store_audit_event_later(db, "person.search", "", 0, NULL));
	t0 = now_ms();
	assert_int_equal(hane_store_events_try(db), HANE_EBUSY);
	assert_true(now_ms() - t0 < 2000);
	close(hold);
	assert_int_equal(exit_code(holder), 0);
	close(ready);
	/* Free again: the holder's row is there, the queue takes at once. */
	tu_ok(hane_store_begin(db));
	tu_ok(insert(db, 1, 1));
	tu_ok(hane_store_commit(db));
	assert_int_equal(count(db, "SELECT count(*) FROM q"), 2);
	hane_store_close(db);
}

/* The holder is killed (kill -9) while a waiter sleeps in the queue: the
 * waiter gets the lock at once (the mutex is robust), long before the
 * timeout, and the database is whole, without the dead transaction. */
static void test_queue_holder_killed(void **state)
{
	const char *path = tu_tmp_path("wq-killed");
	hane_db *db = open_with_table(path);
	int ready, hold, res[2];
	pid_t holder, waiter;
	int got;

	(void)state;
	holder = start_holder(path, &ready, &hold, true);
	assert_int_equal(pipe(res), 0);
	waiter = fork();
	assert_true(waiter >= 0);
	if (waiter == 0) {
		hane_db *w;
		struct hane_store_stats st;
		double t0;
		char c;

		close(res[0]);
		w = child_open(path);
		t0 = now_ms();
		if (hane_store_begin(w) != 0 || insert(w, 2, 1) != 0 ||
		    hane_store_commit(w) != 0)
			_exit(94);
		hane_store_stats(w, &st);
		/* 'K' when the lock came well before the 10 s timeout,
		 * from a holder that had died. */
		c = now_ms() - t0 < 5000 && st.queue_owner_dead == 1 ? 'K'
								     : 'x';
		if (write(res[1], &c, 1) != 1)
			_exit(95);
		hane_store_close(w);
		_exit(0);
	}
	close(res[1]);
	wait_in_futex(waiter);
	assert_int_equal(kill(holder, SIGKILL), 0);
	assert_int_equal(exit_code(holder), 128 + SIGKILL);
	got = read_byte(res[0], 8000);
	assert_int_equal(got, 'K');
	assert_int_equal(exit_code(waiter), 0);
	close(res[0]);
	close(ready);
	close(hold);
	tu_ok(hane_store_integrity_check(db));
	assert_int_equal(count(db, "SELECT count(*) FROM q WHERE w = 99"), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM q WHERE w = 2"), 1);
	/* And the queue goes on serving this process. */
	tu_ok(hane_store_begin(db));
	tu_ok(insert(db, 3, 1));
	tu_ok(hane_store_commit(db));
	hane_store_close(db);
}

#define WRITERS 16
#define TXS 50

/* 16 processes × 50 write transactions at once, each a plain begin and
 * commit (no retry): none refused, every row there, none of them falling
 * back to SQLite's wait. */
static void test_queue_many_writers(void **state)
{
	const char *path = tu_tmp_path("wq-many");
	hane_db *db = open_with_table(path);
	int go[2];
	pid_t pid[WRITERS];

	(void)state;
	assert_int_equal(pipe(go), 0);
	for (int w = 0; w < WRITERS; w++) {
		pid[w] = fork();
		assert_true(pid[w] >= 0);
		if (pid[w] == 0) {
			hane_db *c;
			struct hane_store_stats st;
			char b;

			close(go[1]);
			c = child_open(path);
			if (read(go[0], &b, 1) != 0) /* all start at EOF */
				_exit(96);
			for (int i = 0; i < TXS; i++) {
				if (hane_store_begin(c) != 0)
					_exit(97);
				if (insert(c, w, i) != 0 ||
				    hane_store_commit(c) != 0)
					_exit(98);
			}
			hane_store_stats(c, &st);
			hane_store_close(c);
			_exit(st.queue_fallbacks == 0 ? 0 : 99);
		}
	}
	close(go[0]);
	close(go[1]);
	for (int w = 0; w < WRITERS; w++)
		assert_int_equal(exit_code(pid[w]), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM q"), WRITERS * TXS);
	assert_int_equal(count(db, "SELECT count(DISTINCT w * 1000 + i) FROM q"
				   " WHERE w < 16 AND i < 50"),
			 WRITERS * TXS);
	tu_ok(hane_store_integrity_check(db));
	hane_store_close(db);
}

/* Two connections of one thread: the second does not deadlock on the
 * mutex its own thread holds; it waits as SQLite always made it wait. */
static void test_queue_two_connections_one_thread(void **state)
{
	const char *path = tu_tmp_path("wq-two");
	hane_db *a = open_with_table(path), *b = tu_open(path);
	struct hane_store_stats st;

	(void)state;
	tu_ok(hane_store_begin(a));
	hane_store_busy_timeout(b, 200);
	assert_int_equal(hane_store_begin(b), HANE_EBUSY);
	hane_store_stats(b, &st);
	assert_true(st.queue_fallbacks >= 1);
	assert_true(st.busy_calls > 0);
	tu_ok(hane_store_commit(a));
	tu_ok(hane_store_begin(b));
	tu_ok(insert(b, 4, 1));
	tu_ok(hane_store_commit(b));
	hane_store_close(b);
	hane_store_close(a);
}

static char *side_path(const char *path, const char *suffix)
{
	static char p[4][600];
	static int next;
	char *s = p[next++ % 4];

	snprintf(s, sizeof p[0], "%s%s", path, suffix);
	return s;
}

/* Writes once through a fresh database whose DB-writer was planted
 * before: it must work (SQLite's wait alone) and leave the plant as it
 * was. */
static void write_falls_back(const char *path)
{
	hane_db *db = open_with_table(path);
	struct hane_store_stats st;

	tu_ok(hane_store_begin(db));
	tu_ok(insert(db, 5, 1));
	tu_ok(hane_store_commit(db));
	hane_store_stats(db, &st);
	assert_true(st.queue_fallbacks >= 1);
	assert_int_equal(st.queue_takes, 0);
	assert_int_equal(count(db, "SELECT count(*) FROM q"), 1);
	hane_store_close(db);
}

static void plant_file(const char *p, const char *text, mode_t mode)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, mode);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(fchmod(fd, mode), 0);
	close(fd);
}

static void assert_file_is(const char *p, const char *text)
{
	char buf[64] = "";
	FILE *f = fopen(p, "r");

	assert_non_null(f);
	assert_int_equal(fread(buf, 1, sizeof buf - 1, f), strlen(text));
	fclose(f);
	assert_string_equal(buf, text);
}

/* A DB-writer that is not ours to use: hane still writes, falls back to
 * SQLite's wait, and neither follows a link nor writes into the file. */
static void test_queue_odd_lock_files(void **state)
{
	const char *path, *elsewhere = side_path(tu_tmp_path("wq-target"), "");
	struct stat sb;

	(void)state;
	plant_file(elsewhere, "untouched", 0600);
	/* A symbolic link to elsewhere. */
	path = tu_tmp_path("wq-link");
	assert_int_equal(symlink(elsewhere, side_path(path, "-writer")), 0);
	write_falls_back(path);
	assert_int_equal(lstat(side_path(path, "-writer"), &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	assert_file_is(elsewhere, "untouched");
	/* A hard link to elsewhere (a second name of another file). */
	path = tu_tmp_path("wq-hard");
	assert_int_equal(link(elsewhere, side_path(path, "-writer")), 0);
	write_falls_back(path);
	assert_file_is(elsewhere, "untouched");
	/* Too short. */
	path = tu_tmp_path("wq-short");
	plant_file(side_path(path, "-writer"), "short", 0600);
	write_falls_back(path);
	assert_file_is(side_path(path, "-writer"), "short");
	/* A folder. */
	path = tu_tmp_path("wq-dir");
	assert_int_equal(mkdir(side_path(path, "-writer"), 0700), 0);
	write_falls_back(path);
	assert_int_equal(rmdir(side_path(path, "-writer")), 0);
	/* Open wider than the database (0666 beside a 0600 file). */
	path = tu_tmp_path("wq-wide");
	plant_file(path, "", 0600);
	plant_file(side_path(path, "-writer"), "", 0666);
	write_falls_back(path);
	assert_int_equal(stat(side_path(path, "-writer"), &sb), 0);
	assert_int_equal(sb.st_size, 0);
	unlink(elsewhere);
}

/* DB-writer gets the database's mode and group (not the umask's); a
 * read-only connection never makes it, nor anything before login (the
 * files gate closed); a leftover of another boot or a copy is made anew. */
static void test_queue_file_mode_and_when(void **state)
{
	const char *path = tu_tmp_path("wq-mode"), *lock;
	hane_db *db, *ro = NULL;
	struct stat dbs, sb;
	mode_t old;
	int fd;

	(void)state;
	lock = side_path(path, "-writer");
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0640);
	assert_true(fd >= 0);
	assert_int_equal(fchmod(fd, 0640), 0);
	close(fd);
	/* Before login nothing is made, even by a write. */
	hane_files_gate_close(NULL);
	db = open_with_table(path);
	assert_int_equal(access(lock, F_OK), -1);
	hane_store_close(db);
	/* Nor by a read-only connection. */
	hane_files_gate_open();
	tu_ok(hane_store_open(&ro, path, HANE_OPEN_READONLY));
	assert_int_equal(count(ro, "SELECT count(*) FROM q"), 0);
	hane_store_close(ro);
	assert_int_equal(access(lock, F_OK), -1);
	/* The first write after login makes it, 0640 like the database
	 * whatever the umask. */
	old = umask(077);
	db = open_with_table(path);
	tu_ok(hane_store_begin(db));
	tu_ok(insert(db, 6, 1));
	tu_ok(hane_store_commit(db));
	umask(old);
	assert_int_equal(stat(path, &dbs), 0);
	assert_int_equal(stat(lock, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0640);
	assert_int_equal(sb.st_mode & 0777, dbs.st_mode & 0777);
	assert_int_equal(sb.st_gid, dbs.st_gid);
	hane_store_close(db);
	/* A stale file: a copy taken while a writer held the lock, put in
	 * its place after that writer ended. Its mutex names a thread that
	 * is gone and nobody will ever unlock it: a copy (another inode) is
	 * made anew, not waited for. The same for a file of another boot. */
	{
		char copy[600], buf[4096];
		int ready, hold;
		pid_t holder = start_holder(path, &ready, &hold, true);
		FILE *in = fopen(lock, "rb"), *out;

		snprintf(copy, sizeof copy, "%s.copy", lock);
		out = fopen(copy, "wb");
		assert_non_null(in);
		assert_non_null(out);
		assert_int_equal(fread(buf, 1, sizeof buf, in), sizeof buf);
		assert_int_equal(fwrite(buf, 1, sizeof buf, out), sizeof buf);
		fclose(in);
		fclose(out);
		close(hold);
		assert_int_equal(exit_code(holder), 0);
		close(ready);
		assert_int_equal(chmod(copy, 0640), 0);
		assert_int_equal(rename(copy, lock), 0);
	}
	db = open_with_table(path);
	hane_store_busy_timeout(db, 10000);
	{
		double t0 = now_ms();
		struct hane_store_stats st;

		tu_ok(hane_store_begin(db));
		tu_ok(insert(db, 7, 1));
		tu_ok(hane_store_commit(db));
		assert_true(now_ms() - t0 < 5000);
		hane_store_stats(db, &st);
		assert_int_equal(st.queue_fallbacks, 0);
	}
	hane_store_close(db);
}

/* A holder that dies in a way the kernel cannot see (its robust list
 * dropped first, as a stale or forged file would look): the mutex names
 * a thread that is gone, unmarked. The next writer does not wait for it
 * (nor trip over it): SQLite's wait alone. */
static void test_queue_unmarked_dead_owner(void **state)
{
	const char *path = tu_tmp_path("wq-unmarked");
	hane_db *db = open_with_table(path);
	struct hane_store_stats st;
	pid_t pid;
	double t0;

	(void)state;
	hane_store_close(db);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		static struct robust_list_head none;
		hane_db *c = child_open(path);

		none.list.next = &none.list;
		if (hane_store_begin(c) != 0 || insert(c, 98, 1) != 0)
			_exit(91);
		if (syscall(SYS_set_robust_list, &none, sizeof none) != 0)
			_exit(92);
		_exit(0);
	}
	assert_int_equal(exit_code(pid), 0);
	db = open_with_table(path);
	t0 = now_ms();
	tu_ok(hane_store_begin(db));
	tu_ok(insert(db, 8, 1));
	tu_ok(hane_store_commit(db));
	assert_true(now_ms() - t0 < 5000);
	hane_store_stats(db, &st);
	assert_true(st.queue_fallbacks >= 1);
	assert_int_equal(count(db, "SELECT count(*) FROM q WHERE w = 98"), 0);
	tu_ok(hane_store_integrity_check(db));
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_queue_times_out),
		cmocka_unit_test(test_queue_holder_killed),
		cmocka_unit_test(test_queue_many_writers),
		cmocka_unit_test(test_queue_two_connections_one_thread),
		cmocka_unit_test(test_queue_odd_lock_files),
		cmocka_unit_test(test_queue_file_mode_and_when),
		cmocka_unit_test(test_queue_unmarked_dead_owner),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
