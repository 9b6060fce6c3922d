/* Disk and file faults: a full disk in the middle of an import or a save,
 * a read-only database, a missing file, a database locked by another
 * user, files that are not a hane database (another program's SQLite
 * file, a CSV given by mistake, a truncated or scribbled-on database).
 * Each gets its clear message, and nothing is ever half-written: the
 * database afterwards passes the integrity check and holds exactly what
 * it held before.
 *
 * The full disk and the read-only file come from the fault VFS of
 * hane/testing.h (the CLI test test_reliability_disk.sh does the same on
 * a real full tmpfs when it may mount one). */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/households.h"
#include "hane/households_csv.h"
#include "hane/i18n.h"
#include "hane/testing.h"

static char dir[512];

static int64_t persons(hane_db *db)
{
	int64_t n = -1;

	tu_ok(hane_person_count(db, &n));
	return n;
}

static int64_t audit_rows(hane_db *db)
{
	int64_t n = -1;

	tu_ok(hane_store_query_int(db, &n, "SELECT count(*) FROM audit", NULL,
				   0));
	return n;
}

static void add_household(hane_db *db, uint64_t k)
{
	struct hane_household h;
	struct hane_person p;

	hane_household_init(&h);
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(k));
	snprintf(p.first_name, sizeof p.first_name, "Önceki");
	snprintf(p.last_name, sizeof p.last_name, "Kayıt%llu",
		 (unsigned long long)k);
	tu_ok(hane_household_create(db, &h, &p, NULL, NULL, NULL));
}

static const char *csv_file(int rows, uint64_t first)
{
	static char path[700];
	FILE *fp;

	snprintf(path, sizeof path, "%s/import-%llu.csv", dir,
		 (unsigned long long)first);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs("TC Kimlik No;Ad;Soyad;Doğum Tarihi;Notlar\r\n", fp);
	for (int i = 0; i < rows; i++)
		fprintf(fp, "%s;Yeni%d;Dolu Disk;01.02.1980;%0200d\r\n",
			tu_tckn(first + (uint64_t)i), i, i);
	fclose(fp);
	return path;
}

static bool contains(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* The message's fixed part (up to its first %s) is in the detail. */
static void assert_message(enum hane_msg id)
{
	char fixed[256];
	const char *m = hane_msg(id), *pct = strstr(m, "%s");
	const char *start = pct && pct == m ? m + 2 : m;
	size_t n = pct && pct != m ? (size_t)(pct - m) : strlen(start);

	pct = strstr(start, "%");
	if (pct && (size_t)(pct - start) < n)
		n = (size_t)(pct - start);
	snprintf(fixed, sizeof fixed, "%.*s", (int)n, start);
	if (!contains(hane_error_last(), fixed))
		fail_msg("message \"%s\" lacks \"%s\"", hane_error_last(),
			 fixed);
}

/* ---- Full disk -------------------------------------------------------------- */

static void test_disk_full_import(void **state)
{
	const char *path = tu_tmp_path("full");
	const char *csv = csv_file(1500, 3000000);
	int64_t before, audits, budgets[] = {0, 1, 4096, 40000, 300000};
	hane_db *db;

	tu_ok(hane_testing_fault_install());
	db = tu_open(path);
	for (int k = 0; k < 20; k++)
		add_household(db, 2000000 + (uint64_t)k);
	before = persons(db);
	audits = audit_rows(db);
	for (size_t b = 0; b < sizeof budgets / sizeof budgets[0]; b++) {
		struct hane_import_opts o = {0};
		struct hane_import_counts c;
		int rc;

		hane_testing_fault_disk_full_after(budgets[b]);
		rc = hane_households_import(db, csv, &o, &c);
		hane_testing_fault_disk_full_after(-1);
		if (rc != HANE_EFULL)
			fail_msg("budget %lld: import gave %d (%s), not"
				 " HANE_EFULL",
				 (long long)budgets[b], rc, hane_error_last());
		assert_message(HANE_M_DB_FULL);
		assert_int_equal(hane_store_depth(db), 0);
		/* Same connection, then a fresh one: nothing of it. */
		assert_int_equal(persons(db), before);
		hane_store_close(db);
		db = tu_open(path);
		tu_ok(hane_store_integrity_check(db));
		assert_int_equal(persons(db), before);
		assert_int_equal(audit_rows(db), audits);
	}
	{
		/* Space again: the same import goes through. */
		struct hane_import_opts o = {0};
		struct hane_import_counts c;

		tu_ok(hane_households_import(db, csv, &o, &c));
		assert_int_equal(c.created, 1500);
		assert_int_equal(persons(db), before + 1500);
	}
	hane_store_close(db);
}

static void test_disk_full_save(void **state)
{
	const char *path = tu_tmp_path("fullsave");
	struct hane_household h;
	struct hane_person p;
	hane_db *db;
	int64_t before;
	int rc;

	tu_ok(hane_testing_fault_install());
	db = tu_open(path);
	add_household(db, 2100000);
	before = persons(db);
	hane_household_init(&h);
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(2100001));
	snprintf(p.first_name, sizeof p.first_name, "Yazılamayan");
	snprintf(p.last_name, sizeof p.last_name, "Kişi");
	hane_testing_fault_disk_full_after(0);
	rc = hane_household_create(db, &h, &p, NULL, NULL, NULL);
	hane_testing_fault_disk_full_after(-1);
	assert_int_equal(rc, HANE_EFULL);
	assert_message(HANE_M_DB_FULL);
	assert_int_equal(persons(db), before);
	hane_store_close(db);
	db = tu_open(path);
	tu_ok(hane_store_integrity_check(db));
	assert_int_equal(persons(db), before);
	tu_ok(hane_household_create(db, &h, &p, NULL, NULL, NULL));
	hane_store_close(db);
}

/* ---- Read-only, missing, locked ---------------------------------------------- */

static void test_read_only(void **state)
{
	const char *path = tu_tmp_path("ro");
	hane_db *db = tu_open(path);
	struct hane_person p;

	add_household(db, 2200000);
	hane_store_close(db);

	tu_ok(hane_testing_fault_install());
	hane_testing_fault_readonly(true);
	/* Opening to write: refused at once, with the file named. */
	assert_int_equal(hane_store_open(&db, path, 0), HANE_EREADONLY);
	assert_null(db);
	assert_message(HANE_M_DB_READONLY);
	assert_true(contains(hane_error_last(), path));
	/* Opening to read (reports on a copy): reads work, writes refused. */
	tu_ok(hane_store_open(&db, path, HANE_OPEN_READONLY));
	tu_ok(hane_store_set_actor(db, "tester"));
	tu_ok(hane_person_by_tckn(db, tu_tckn(2200000), &p));
	assert_int_equal(hane_store_exec(db, "UPDATE person SET phone = ''"),
			 HANE_EREADONLY);
	hane_store_close(db);
	hane_testing_fault_readonly(false);

	/* The real thing, where permissions apply (not as root). */
	if (geteuid() != 0) {
		char side[600];

		snprintf(side, sizeof side, "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", path);
		unlink(side);
		assert_int_equal(chmod(path, 0444), 0);
		assert_int_equal(hane_store_open(&db, path, 0), HANE_EREADONLY);
		assert_message(HANE_M_DB_READONLY);
		chmod(path, 0600);
	}
	db = tu_open(path);
	tu_ok(hane_store_integrity_check(db));
	assert_int_equal(persons(db), 1);
	hane_store_close(db);
}

static void test_missing_file(void **state)
{
	const char *path = tu_tmp_path("missing");
	char nodir[700];
	hane_db *db = NULL;
	struct stat sb;

	assert_int_equal(hane_store_open(&db, path, 0), HANE_EIO);
	assert_null(db);
	assert_message(HANE_M_DB_MISSING);
	assert_true(contains(hane_error_last(), path));
	assert_int_not_equal(stat(path, &sb), 0); /* not created */

	snprintf(nodir, sizeof nodir, "%s/no/such/dir/hane.db", dir);
	assert_true(hane_store_open(&db, nodir, HANE_OPEN_CREATE) < 0);
	assert_null(db);
	assert_true(contains(hane_error_last(), nodir));
}

static int locked_write(hane_db *db, void *arg)
{
	add_household(db, *(uint64_t *)arg);
	return 0;
}

static void test_locked(void **state)
{
	const char *path = tu_tmp_path("locked");
	hane_db *holder = tu_open(path), *db = tu_open(path);
	uint64_t k = 2300000;
	int rc;

	/* Another user is in the middle of a long save. */
	tu_ok(hane_store_begin(holder));
	add_household(holder, 2300100);
	hane_testing_busy_timeout(db, 20);
	rc = hane_store_tx(db, locked_write, &k);
	assert_int_equal(rc, HANE_EBUSY);
	assert_message(HANE_M_DB_BUSY);
	assert_int_equal(hane_store_depth(db), 0);
	/* Readers are not blocked meanwhile (WAL). */
	assert_int_equal(persons(db), 0);
	tu_ok(hane_store_commit(holder));
	/* Released: the same save now goes through. */
	tu_ok(hane_store_tx(db, locked_write, &k));
	assert_int_equal(persons(db), 2);
	tu_ok(hane_store_integrity_check(db));
	hane_store_close(holder);
	hane_store_close(db);
}

/* ---- Not a hane database ---------------------------------------------------- */

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

/* Opening path must fail with want and leave the file as it was. */
static void refused_untouched(const char *path, int want, enum hane_msg msg)
{
	long n0, n1;
	char *b0 = slurp(path, &n0), *b1;
	hane_db *db = NULL;
	int rc = hane_store_open(&db, path, HANE_OPEN_CREATE);

	if (rc != want)
		fail_msg("%s: open gave %d (%s), want %d", path, rc,
			 hane_error_last(), want);
	assert_null(db);
	assert_message(msg);
	assert_true(contains(hane_error_last(), path));
	b1 = slurp(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(b0, b1, (size_t)n0);
	free(b0);
	free(b1);
}

static void test_not_a_database(void **state)
{
	char path[700];
	FILE *fp;

	/* A CSV given where the database goes. */
	snprintf(path, sizeof path, "%s/liste.csv", dir);
	fp = fopen(path, "wb");
	fputs("Ad;Soyad\r\nAli;Kaya\r\n", fp);
	for (int i = 0; i < 500; i++)
		fputs("Ayşe;Yılmaz;0532 123 45 67;Gündoğdu\r\n", fp);
	fclose(fp);
	refused_untouched(path, HANE_ENOTDB, HANE_M_DB_NOT_SQLITE);

	/* Random bytes the size of a few pages. */
	snprintf(path, sizeof path, "%s/random.db", dir);
	fp = fopen(path, "wb");
	for (int i = 0; i < 16384; i++)
		fputc((i * 7919 + 13) & 0xff, fp);
	fclose(fp);
	refused_untouched(path, HANE_ENOTDB, HANE_M_DB_NOT_SQLITE);

	/* Another program's SQLite database. */
	snprintf(path, sizeof path, "%s/other.sqlite", dir);
	{
		const char *mk = "sqlite3 '%s' 'CREATE TABLE t(x);"
				 " INSERT INTO t VALUES (1)' 2>/dev/null";
		char cmd[900];

		snprintf(cmd, sizeof cmd, mk, path);
		if (system(cmd) == 0)
			refused_untouched(path, HANE_ENOTDB, HANE_M_DB_FOREIGN);
		else
			print_message("sqlite3 tool missing: foreign"
				      " database case skipped\n");
	}

	/* A directory. */
	assert_int_equal(hane_store_open(&(hane_db *){NULL}, dir, 0),
			 HANE_ENOTDB);
}

/* A hane database cut short or scribbled on (a bad disk, a copy that
 * stopped): opening or the integrity check says so; no crash. */
static void test_damaged_database(void **state)
{
	const char *path = tu_tmp_path("damaged");
	hane_db *db = tu_open(path);
	struct stat sb;
	int fd, rc;

	for (int k = 0; k < 300; k++)
		add_household(db, 2400000 + (uint64_t)k);
	tu_ok(hane_store_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)"));
	hane_store_close(db);
	assert_int_equal(stat(path, &sb), 0);
	assert_true(sb.st_size > 8 * 4096);

	/* Scribble over the middle pages. */
	fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	for (off_t off = 2 * 4096; off < sb.st_size - 4096; off += 4096) {
		char junk[512];

		memset(junk, 0x5a, sizeof junk);
		assert_int_equal(pwrite(fd, junk, sizeof junk, off + 100),
				 (ssize_t)sizeof junk);
	}
	close(fd);
	rc = hane_store_open(&db, path, 0);
	if (rc == 0) {
		rc = hane_store_integrity_check(db);
		hane_store_close(db);
	}
	assert_true(rc < 0);
	assert_true(strlen(hane_error_last()) > 10);
	print_message("scribbled: %s\n", hane_error_last());
	/* In Turkish, with what to do, not SQLite's English. */
	assert_non_null(strstr(hane_error_last(), "bozuk"));

	/* Cut to its first two pages. */
	assert_int_equal(truncate(path, 2 * 4096), 0);
	rc = hane_store_open(&db, path, 0);
	if (rc == 0) {
		rc = hane_store_integrity_check(db);
		hane_store_close(db);
	}
	assert_true(rc < 0);
	print_message("truncated: %s\n", hane_error_last());
	assert_non_null(strstr(hane_error_last(), "bozuk"));
}

/* Every test starts with no fault set, whatever the last one left. */
static int no_faults(void **state)
{
	return hane_testing_fault_install();
}

int main(void)
{
	const char *base = getenv("HANE_TEST_TMP");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_disk_full_import, no_faults),
		cmocka_unit_test_setup(test_disk_full_save, no_faults),
		cmocka_unit_test_setup(test_read_only, no_faults),
		cmocka_unit_test_setup(test_missing_file, no_faults),
		cmocka_unit_test_setup(test_locked, no_faults),
		cmocka_unit_test_setup(test_not_a_database, no_faults),
		cmocka_unit_test_setup(test_damaged_database, no_faults),
	};

	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	mkdir(base ? base : "/tmp", 0700);
	snprintf(dir, sizeof dir, "%s/faults.XXXXXX", base ? base : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
