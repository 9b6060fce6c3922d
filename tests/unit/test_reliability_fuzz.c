/* Replays the fuzz targets' seed corpus and every input that once crashed
 * them (tests/fuzz/regress/) in the ordinary gcc build, so the suite and
 * its ASan/UBSan run keep guarding against those bugs even where clang is
 * missing. The targets are included with their entry points renamed. */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HANE_FUZZ_ENTRY fuzz_csv_one
#include "../fuzz/fuzz_csv.c"
#undef HANE_FUZZ_ENTRY
#define HANE_FUZZ_ENTRY fuzz_import_one
#include "../fuzz/fuzz_import.c"
#undef HANE_FUZZ_ENTRY
#define HANE_FUZZ_ENTRY fuzz_fields_one
#include "../fuzz/fuzz_fields.c"
#undef HANE_FUZZ_ENTRY
#define HANE_FUZZ_ENTRY fuzz_units_one
#include "../fuzz/fuzz_units.c"
#undef HANE_FUZZ_ENTRY

/* Runs fn over every file in $HANE_SOURCE_DIR/tests/fuzz/<kind>/<name>;
 * returns how many. A crash or abort fails the whole test program, which
 * CTest reports with the file last printed. */
static int replay(const char *kind, const char *name,
		  int (*fn)(const uint8_t *, size_t))
{
	const char *src = getenv("HANE_SOURCE_DIR");
	char dir[1024], path[2048];
	struct dirent *e;
	DIR *d;
	int n = 0;

	snprintf(dir, sizeof dir, "%s/tests/fuzz/%s/%s", src ? src : ".", kind,
		 name);
	d = opendir(dir);
	if (!d)
		fail_msg("cannot read %s", dir);
	while ((e = readdir(d))) {
		FILE *fp;
		uint8_t *buf;
		long len;

		if (e->d_name[0] == '.' && strcmp(e->d_name, ".gitkeep"))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		fp = fopen(path, "rb");
		if (!fp)
			continue;
		fseek(fp, 0, SEEK_END);
		len = ftell(fp);
		rewind(fp);
		buf = malloc(len > 0 ? (size_t)len : 1);
		assert_non_null(buf);
		if (len > 0 && fread(buf, 1, (size_t)len, fp) != (size_t)len)
			fail_msg("short read %s", path);
		fclose(fp);
		print_message("replay %s\n", path);
		fn(buf, (size_t)len);
		free(buf);
		n++;
	}
	closedir(d);
	return n;
}

static void test_csv_corpus(void **state)
{
	assert_true(replay("corpus", "csv", fuzz_csv_one) >= 10);
	replay("regress", "csv", fuzz_csv_one);
}

static void test_import_corpus(void **state)
{
	assert_true(replay("corpus", "import", fuzz_import_one) >= 10);
	replay("regress", "import", fuzz_import_one);
	hane_store_close(fuzz_db);
	fuzz_db = NULL;
}

static void test_fields_corpus(void **state)
{
	assert_true(replay("corpus", "fields", fuzz_fields_one) >= 10);
	replay("regress", "fields", fuzz_fields_one);
}

static void test_units_corpus(void **state)
{
	assert_true(replay("corpus", "units", fuzz_units_one) >= 8);
	replay("regress", "units", fuzz_units_one);
	hane_store_close(units_db);
	units_db = NULL;
}

/* The seeds are not only shapes: the good ones must import. An importer
 * that rejected everything would pass the fuzz invariants trivially. */
static void test_seeds_import(void **state)
{
	const char *src = getenv("HANE_SOURCE_DIR");
	const char *names[] = {"excel-1254-semicolon.csv", "excel-utf8-bom.csv",
			       "plain-utf8-comma.csv",	   "tabs.tsv",
			       "quoted-all.csv",	   "mac-cr.csv"};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		hane_db *db = tu_open(NULL);
		struct hane_import_opts o = {0};
		struct hane_import_counts c = {0};
		char path[1024], copy[1024];
		FILE *in, *out;
		int ch;

		snprintf(path, sizeof path, "%s/tests/fuzz/corpus/import/%s",
			 src ? src : ".", names[i]);
		snprintf(copy, sizeof copy, "%s.csv", tu_tmp_path("seed"));
		in = fopen(path, "rb");
		out = fopen(copy, "wb");
		assert_non_null(in);
		assert_non_null(out);
		fgetc(in); /* the option byte */
		while ((ch = fgetc(in)) != EOF)
			fputc(ch, out);
		fclose(in);
		fclose(out);
		tu_ok(hane_households_import(db, copy, &o, &c));
		if (c.created < 5)
			fail_msg("%s: only %lld created, %lld rejected",
				 names[i], (long long)c.created,
				 (long long)c.rejected);
		unlink(copy);
		hane_store_close(db);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_corpus),
		cmocka_unit_test(test_import_corpus),
		cmocka_unit_test(test_fields_corpus),
		cmocka_unit_test(test_units_corpus),
		cmocka_unit_test(test_seeds_import),
	};

	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
