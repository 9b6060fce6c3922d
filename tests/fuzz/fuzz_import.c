/* libFuzzer target: the whole household import (reader, header mapping,
 * validation, grouping, duplicates, bulk writer, rejects file) into an
 * in-memory database.
 *
 * The first byte picks the options (duplicate rule, dry run, forced
 * encoding); the rest is the file. After every import the database must
 * still pass the integrity check, and the import must be all or none: the
 * number of persons grows by exactly what it reports as created, or not
 * at all when it fails. The database is remade every few hundred inputs
 * so it stays small and runs stay fast. */
#include <stdbool.h>
#include <string.h>

#include "hane/households.h"
#include "hane/households_csv.h"

#include "fuzz.h"

#ifndef HANE_FUZZ_ENTRY
#define HANE_FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int HANE_FUZZ_ENTRY(const uint8_t *data, size_t size);

static hane_db *fuzz_db;
static int fuzz_runs;

/* A fresh in-memory registry with an admin acting. */
static hane_db *fuzz_open(void)
{
	hane_db *db = NULL;
	hane_stmt *st = NULL;

	if (hane_store_open(&db, ":memory:", HANE_OPEN_CREATE) != 0)
		abort();
	if (hane_stmt_prepare(
		    db, &st,
		    "INSERT INTO staff(username, full_name, role,"
		    " created_at, updated_at) VALUES('fuzz',"
		    " 'Fuzz Kullanıcı', 'admin',"
		    " '2026-01-01 00:00:00', '2026-01-01 00:00:00')") != 0 ||
	    hane_stmt_step(st) != HANE_DONE)
		abort();
	hane_stmt_finalize(st);
	if (hane_store_set_actor(db, "fuzz") != 0)
		abort();
	return db;
}

static int64_t fuzz_persons(hane_db *db)
{
	int64_t n = -1;

	if (hane_person_count(db, &n) != 0)
		abort();
	return n;
}

int HANE_FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	struct hane_import_opts o = {0};
	struct hane_import_counts c;
	const char *path;
	char rejects[600];
	int64_t before, after;
	int rc;

	if (size < 1)
		return 0;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 0);
	if (!fuzz_db || ++fuzz_runs % 256 == 0) {
		hane_store_close(fuzz_db);
		fuzz_db = fuzz_open();
	}
	o.on_duplicate = (enum hane_on_duplicate)(data[0] % 3);
	o.dry_run = (data[0] & 0x04) != 0;
	o.csv.encoding = (enum hane_csv_encoding)((data[0] >> 3) % 3);
	path = hane_fuzz_file("import", data + 1, size - 1);
	if (!path)
		return 0;
	snprintf(rejects, sizeof rejects, "%s.rej", path);
	o.rejects = (data[0] & 0x20) ? rejects : NULL;
	before = fuzz_persons(fuzz_db);
	memset(&c, 0, sizeof c);
	rc = hane_households_import(fuzz_db, path, &o, &c);
	after = fuzz_persons(fuzz_db);
	if (hane_store_depth(fuzz_db) != 0)
		abort(); /* a transaction left open */
	if (rc != 0 || o.dry_run) {
		if (after != before)
			abort(); /* failed or dry run, yet something stayed */
	} else if (after != before + c.created) {
		abort();
	}
	if (c.rejected < 0 || c.created < 0 || c.rows < 0)
		abort();
	/* The integrity check costs more than most imports: run it when
	 * something was written, and every 16th input anyway. */
	if ((c.created > 0 || c.updated > 0 || fuzz_runs % 16 == 0) &&
	    hane_store_integrity_check(fuzz_db) != 0)
		abort();
	unlink(rejects);
	unlink(path);
	return 0;
}
