/* A WAL database in a read-only place: a read-only mount (a backup disk,
 * an archive share) or a folder without write permission, where SQLite
 * can make neither the -wal nor the -shm it needs even to read.
 *
 * Closed cleanly (nothing beside it), such a database opens to read
 * (HANE_OPEN_READONLY) with every record there, and writing is refused
 * with the read-only message. With a -wal holding commits not yet in the
 * main file and no -shm to read it through, the open is refused with a
 * message saying to copy both files somewhere writable, and the copy then
 * holds every record. The files are never changed.
 *
 * Three ways to make the place: the fault VFS's read-only file system
 * (works as root, where permissions do not apply); a folder chmod 0555
 * with the file 0444 (not as root); a real tmpfs remounted read-only (as
 * root with mount(8); skipped with a message otherwise). */
#include "testutil.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/testing.h"

#define CLEAN_HH 12 /* households in the main file */
#define LATE_HH 5   /* more, committed to the -wal only */

static char dir[512];
static char mnt[600];
static bool mounted;

static bool contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* The message's fixed part (after a leading %s, up to the next %) is in
 * the detail. */
static void assert_message(enum hane_msg id)
{
	const char *m = hane_msg(id);
	char fixed[256];

	if (strncmp(m, "%s", 2) == 0)
		m += 2;
	snprintf(fixed, sizeof fixed, "%.*s", (int)strcspn(m, "%"), m);
	if (!contains(hane_error_last(), fixed))
		fail_msg("message \"%s\" lacks \"%s\"", hane_error_last(),
			 fixed);
}

static void add_households(hane_db *db, uint64_t first, int n)
{
	for (int k = 0; k < n; k++) {
		struct hane_household h;
		struct hane_person p;

		hane_household_init(&h);
		hane_person_init(&p);
		snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(first + k));
		snprintf(p.first_name, sizeof p.first_name, "Arşiv");
		snprintf(p.last_name, sizeof p.last_name, "Kayıt%d", k);
		tu_ok(hane_household_create(db, &h, &p, NULL, NULL, NULL));
	}
}

static int64_t persons(hane_db *db)
{
	int64_t n = -1;

	tu_ok(hane_person_count(db, &n));
	return n;
}

static void side(char *out, size_t size, const char *path, const char *ext)
{
	if (snprintf(out, size, "%s-%s", path, ext) >= (int)size)
		fail_msg("path too long: %s", path);
}

static bool file_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

static char *slurp(const char *path, long *len)
{
	FILE *fp = fopen(path, "rb");
	char *b;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	*len = ftell(fp);
	rewind(fp);
	b = malloc((size_t)*len + 1);
	assert_non_null(b);
	assert_int_equal(fread(b, 1, (size_t)*len, fp), (size_t)*len);
	fclose(fp);
	return b;
}

static void copy_file(const char *from, const char *to)
{
	long n;
	char *b = slurp(from, &n);
	FILE *fp = fopen(to, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(b, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	free(b);
}

/* A database closed cleanly: CLEAN_HH households, no -wal or -shm. */
static void make_clean(const char *path)
{
	hane_db *db = tu_open(path);
	char s[700];

	add_households(db, 3100000, CLEAN_HH);
	hane_store_close(db);
	side(s, sizeof s, path, "wal");
	assert_false(file_exists(s));
}

/* A database whose program died (power cut, kill -9) after committing
 * LATE_HH more households: they are only in its -wal, beside a -shm. */
static void make_dirty(const char *path)
{
	hane_db *db = tu_open(path);
	char s[700];
	pid_t pid;
	int st;

	add_households(db, 3100000, CLEAN_HH);
	tu_ok(hane_store_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)"));
	hane_store_close(db);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		hane_db *c = NULL;

		if (hane_store_open(&c, path, 0) != 0 ||
		    hane_store_set_actor(c, "tester") != 0)
			_exit(1);
		for (int k = 0; k < LATE_HH; k++) {
			struct hane_household h;
			struct hane_person p;

			hane_household_init(&h);
			hane_person_init(&p);
			snprintf(p.tckn, sizeof p.tckn, "%s",
				 tu_tckn(3200000 + (uint64_t)k));
			snprintf(p.first_name, sizeof p.first_name, "Son");
			snprintf(p.last_name, sizeof p.last_name, "Kayıt%d", k);
			if (hane_household_create(c, &h, &p, NULL, NULL, NULL))
				_exit(2);
		}
		raise(SIGKILL); /* no close, no checkpoint */
		_exit(3);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	side(s, sizeof s, path, "wal");
	assert_true(file_exists(s));
}

/* Opens path to read and checks what it holds; the connection is
 * returned for more checks. */
static hane_db *open_to_read(const char *path, int64_t want_persons)
{
	hane_db *db = NULL;
	struct hane_person p;

	if (hane_store_open(&db, path, HANE_OPEN_READONLY) != 0)
		fail_msg("%s does not open to read: %s", path,
			 hane_error_last());
	tu_ok(hane_store_set_actor(db, "tester"));
	tu_ok(hane_store_integrity_check(db));
	assert_int_equal(persons(db), want_persons);
	tu_ok(hane_person_by_tckn(db, tu_tckn(3100000), &p));
	assert_string_equal(p.first_name, "Arşiv");
	return db;
}

/* Reads work; every way of writing is refused with the read-only
 * message. */
static void check_read_only_place(const char *path)
{
	hane_db *db = NULL;
	struct hane_household h;
	struct hane_person p;
	char s[700];
	long n0, n1;
	char *b0 = slurp(path, &n0), *b1;

	/* Opening to write: refused at once, the file named. */
	assert_int_equal(hane_store_open(&db, path, 0), HANE_EREADONLY);
	assert_null(db);
	assert_message(HANE_M_DB_READONLY);
	assert_true(contains(hane_error_last(), path));

	db = open_to_read(path, CLEAN_HH);
	assert_int_equal(hane_store_exec(db, "UPDATE person SET phone = ''"),
			 HANE_EREADONLY);
	hane_household_init(&h);
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(3300000));
	snprintf(p.first_name, sizeof p.first_name, "Yazılamaz");
	snprintf(p.last_name, sizeof p.last_name, "Kişi");
	assert_int_equal(hane_household_create(db, &h, &p, NULL, NULL, NULL),
			 HANE_EREADONLY);
	assert_int_equal(persons(db), CLEAN_HH);
	hane_store_close(db);

	/* Nothing was made or changed. */
	side(s, sizeof s, path, "wal");
	assert_false(file_exists(s));
	side(s, sizeof s, path, "shm");
	assert_false(file_exists(s));
	b1 = slurp(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(b0, b1, (size_t)n0);
	free(b0);
	free(b1);
}

/* A -wal with content and no -shm: refused with the advice to copy. */
static void check_refused_with_wal(const char *path)
{
	hane_db *db = NULL;
	char s[700];
	long n0, n1;
	char *b0 = slurp(path, &n0), *b1;

	assert_int_equal(hane_store_open(&db, path, HANE_OPEN_READONLY),
			 HANE_EREADONLY);
	assert_null(db);
	assert_message(HANE_M_DB_WAL_READONLY);
	assert_true(contains(hane_error_last(), path));
	assert_true(contains(hane_error_last(), "-wal"));
	print_message("%s\n", hane_error_last());
	assert_int_equal(hane_store_open(&db, path, 0), HANE_EREADONLY);
	assert_null(db);
	b1 = slurp(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(b0, b1, (size_t)n0);
	free(b0);
	free(b1);
	side(s, sizeof s, path, "shm");
	assert_false(file_exists(s));
}

/* Does what the message says: both files to a writable folder; the copy
 * has every record, the late ones too. */
static void follow_the_advice(const char *path, const char *stem)
{
	char copy[700], from[700], to[700];
	hane_db *db;

	snprintf(copy, sizeof copy, "%s/%s-kopya.db", dir, stem);
	copy_file(path, copy);
	side(from, sizeof from, path, "wal");
	side(to, sizeof to, copy, "wal");
	copy_file(from, to);
	db = open_to_read(copy, CLEAN_HH + LATE_HH);
	hane_store_close(db);
}

/* ---- Fault VFS: a read-only file system, even as root -------------------- */

static void test_fault_vfs_clean(void **state)
{
	const char *path = tu_tmp_path("rofs");

	make_clean(path);
	tu_ok(hane_testing_fault_install());
	hane_testing_fault_readonly_fs(true);
	check_read_only_place(path);
	hane_testing_fault_readonly_fs(false);
}

static void test_fault_vfs_unclean(void **state)
{
	const char *path = tu_tmp_path("rofswal");
	char s[700];
	hane_db *db;

	make_dirty(path);
	side(s, sizeof s, path, "shm");
	assert_int_equal(unlink(s), 0); /* only the db and its -wal */
	tu_ok(hane_testing_fault_install());
	hane_testing_fault_readonly_fs(true);
	check_refused_with_wal(path);
	hane_testing_fault_readonly_fs(false);
	follow_the_advice(path, "rofswal");
	/* Writable again: the original opens, the late records there. */
	db = tu_open(path);
	assert_int_equal(persons(db), CLEAN_HH + LATE_HH);
	hane_store_close(db);
}

/* ---- Permissions (not as root) ------------------------------------------- */

static void test_permissions(void **state)
{
	char sub[600], path[700];

	if (geteuid() == 0) {
		print_message("SKIP: running as root, permissions do not"
			      " apply (the fault VFS case covers it)\n");
		return;
	}
	snprintf(sub, sizeof sub, "%s/salt-okunur", dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	snprintf(path, sizeof path, "%s/hane.db", sub);
	make_clean(path);
	assert_int_equal(chmod(path, 0444), 0);
	assert_int_equal(chmod(sub, 0555), 0);
	check_read_only_place(path);
	chmod(sub, 0755);
	chmod(path, 0644);
	unlink(path);
	rmdir(sub);
}

/* ---- A real read-only mount (root) --------------------------------------- */

static int run(const char *fmt, const char *arg)
{
	char cmd[1024];

	snprintf(cmd, sizeof cmd, fmt, arg);
	return system(cmd);
}

static void test_read_only_mount(void **state)
{
	char clean[700], dirty[700], walonly[700], from[700], to[700];
	hane_db *db;

	snprintf(mnt, sizeof mnt, "%s/mnt", dir);
	mkdir(mnt, 0755);
	if (geteuid() != 0 ||
	    run("mount -t tmpfs -o size=16m tmpfs '%s' 2>/dev/null", mnt)) {
		print_message("SKIP: a read-only mount needs root and"
			      " mount(8)\n");
		return;
	}
	mounted = true;
	snprintf(clean, sizeof clean, "%s/temiz.db", mnt);
	snprintf(dirty, sizeof dirty, "%s/yarim.db", mnt);
	snprintf(walonly, sizeof walonly, "%s/walsiz-shm.db", mnt);
	make_clean(clean);
	make_dirty(dirty);
	copy_file(dirty, walonly);
	side(from, sizeof from, dirty, "wal");
	side(to, sizeof to, walonly, "wal");
	copy_file(from, to);
	assert_int_equal(run("mount -o remount,ro '%s'", mnt), 0);

	check_read_only_place(clean);
	/* -wal and -shm both there: SQLite reads the -wal through a
	 * private copy of the index, the late records with it. */
	db = open_to_read(dirty, CLEAN_HH + LATE_HH);
	hane_store_close(db);
	assert_int_equal(hane_store_open(&db, dirty, 0), HANE_EREADONLY);
	assert_message(HANE_M_DB_READONLY);
	/* The -wal without its -shm: refused, and the advice works. */
	check_refused_with_wal(walonly);
	follow_the_advice(walonly, "walsiz-shm");

	assert_int_equal(run("umount '%s'", mnt), 0);
	mounted = false;
}

static int unmount(void **state)
{
	if (mounted && run("umount '%s' 2>/dev/null", mnt) == 0)
		mounted = false;
	return 0;
}

int main(void)
{
	const char *base = getenv("HANE_TEST_TMP");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fault_vfs_clean),
		cmocka_unit_test(test_fault_vfs_unclean),
		cmocka_unit_test(test_permissions),
		cmocka_unit_test_teardown(test_read_only_mount, unmount),
	};

	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	mkdir(base ? base : "/tmp", 0700);
	snprintf(dir, sizeof dir, "%s/readonly.XXXXXX", base ? base : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
