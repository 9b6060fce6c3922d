/* libFuzzer target: the units' CSV imports — food bank supply sheets and
 * donation lists, inspection request lists, taxi appointment lists — into
 * an in-memory database that holds a few households to match.
 *
 * The first byte picks the importer (bits 0-1) and a dry run (bit 2); the
 * rest is the file. Checked besides "no crash, no leak, no UB": no
 * transaction is left open and the database passes the integrity check.
 * A unit that adds an importer adds a case here and seeds under
 * corpus/units/ with its option byte. */
#include <stdbool.h>
#include <string.h>

#include "hane/foodbank.h"
#include "hane/households.h"
#include "hane/inspection.h"
#include "hane/taxi.h"

#include "fuzz.h"

#ifndef HANE_FUZZ_ENTRY
#define HANE_FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int HANE_FUZZ_ENTRY(const uint8_t *data, size_t size);

static hane_db *units_db;
static int units_runs;

/* A registry of five households whose heads the seed files name: TC
 * Kimlik numbers 9000000010x (x = 1..5, completed by the checksum). */
static hane_db *units_open(void)
{
	hane_db *db = NULL;

	if (hane_store_open(&db, ":memory:", HANE_OPEN_CREATE) != 0 ||
	    hane_store_exec(db, "INSERT INTO staff(username, full_name, role,"
				" created_at, updated_at) VALUES('fuzz',"
				" 'Fuzz', 'admin', '2026-01-01 00:00:00',"
				" '2026-01-01 00:00:00')") != 0 ||
	    hane_store_set_actor(db, "fuzz") != 0)
		abort();
	for (int i = 1; i <= 5; i++) {
		struct hane_household h;
		struct hane_person p;

		hane_household_init(&h);
		hane_person_init(&p);
		snprintf(p.tckn, sizeof p.tckn, "9000000%02d", 10 + i);
		hane_tckn_complete(p.tckn);
		snprintf(p.first_name, sizeof p.first_name, "Kişi%d", i);
		snprintf(p.last_name, sizeof p.last_name, "Birim");
		snprintf(h.mahalle, sizeof h.mahalle, "Gündoğdu");
		snprintf(h.street, sizeof h.street, "Atatürk Cd. %d", i);
		p.disability_pct = 80;
		if (hane_household_create(db, &h, &p, NULL, NULL, NULL) != 0)
			abort();
	}
	return db;
}

int HANE_FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	const char *path;
	bool dry;
	int rc = 0;

	if (size < 1)
		return 0;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 0);
	if (!units_db || ++units_runs % 128 == 0) {
		hane_store_close(units_db);
		units_db = units_open();
	}
	dry = (data[0] & 0x04) != 0;
	path = hane_fuzz_file("units", data + 1, size - 1);
	if (!path)
		return 0;
	switch (data[0] & 0x03) {
	case 0:
	case 1: {
		struct hane_import_opts o = {0};
		struct hane_import_counts c;

		o.dry_run = dry;
		rc = hane_foodbank_import(units_db,
					  (data[0] & 1)
						  ? HANE_FB_IMPORT_DONATIONS
						  : HANE_FB_IMPORT_SUPPLY,
					  path, NULL, &o, &c);
		break;
	}
	case 2: {
		struct hane_inspection_import_opts o = {0};
		struct hane_inspection_import_counts c;

		o.dry_run = dry;
		rc = hane_inspection_import(units_db, path, &o, &c);
		break;
	}
	case 3: {
		struct hane_taxi_import_counts c;

		rc = hane_taxi_import(units_db, path, NULL, dry, NULL, NULL,
				      &c);
		break;
	}
	}
	(void)rc;
	if (hane_store_depth(units_db) != 0)
		abort(); /* a transaction left open */
	if (units_runs % 8 == 0 && hane_store_integrity_check(units_db) != 0)
		abort();
	unlink(path);
	return 0;
}
