/* hane/households_csv.h — the household registry as CSV: import and
 * export.
 *
 * Rows are persons. A "Hane No" column groups the rows of one household
 * (any text: a number within the file, or the database id an export
 * wrote); the first row of a group is the head. Without that column every
 * row is a household of its own, headed by that person. Export writes the
 * same columns the importer reads, so export → import round-trips.
 */
#ifndef HANE_HOUSEHOLDS_CSV_H
#define HANE_HOUSEHOLDS_CSV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "hane/csvio.h"
#include "hane/store.h"

enum hane_on_duplicate {
	HANE_DUP_SKIP = 0, /* a TC Kimlik No already stored: leave it */
	HANE_DUP_UPDATE,   /* fill in the fields the file changes (audited) */
	HANE_DUP_FAIL,	   /* stop: the whole import writes nothing */
};

/* "skip", "update", "fail" (also Turkish "atla", "guncelle", "dur");
 * -1 if unknown. */
int hane_on_duplicate_parse(const char *s);

struct hane_import_counts {
	int64_t rows;	    /* data rows read (blank ones not counted) */
	int64_t created;    /* new persons */
	int64_t households; /* of them, new households */
	int64_t updated;    /* existing persons or households changed */
	int64_t unchanged;  /* existing and left as they were */
	int64_t rejected;
	int64_t offset;			 /* bytes read so far */
	int64_t size;			 /* file size, -1 when unknown */
	enum hane_csv_encoding encoding; /* as detected or forced */
	char delimiter;
	bool solo; /* written alone into an empty registry, through the
		      rollback journal (hane_store_solo_begin) */
};

struct hane_import_opts {
	struct hane_csv_opts csv;
	/* "Column Name=field" overrides (field: a name from
	 * hane_households_csv_fields() or one of its column titles, or
	 * "ignore"). Borrowed. */
	const char *const *map;
	int nmap;
	enum hane_on_duplicate on_duplicate;
	bool dry_run;	     /* do everything, then roll back */
	const char *rejects; /* rejects file; NULL: none */
	/* Each may be NULL. A notice is a remark about the header (unknown
	 * column, duplicate column); reject is called for every rejected row
	 * with its line; progress now and then, and returning false stops
	 * the import: nothing is written and it returns HANE_ECANCELED. */
	void (*notice)(const char *msg, void *arg);
	void (*reject)(long line, const char *reason, void *arg);
	bool (*progress)(const struct hane_import_counts *c, void *arg);
	void *arg;
};

/* What every sheet import starts with: counts zeroed, ci set up for spec
 * with opts' hooks (dry run, rejects file, notice, reject) and counts'
 * rows, created and rejected. opts may be NULL (no hooks); returns the
 * options to use, never NULL. */
const struct hane_import_opts *hane_import_start(
	struct hane_csv_import *ci, const struct hane_csv_import_spec *spec,
	const struct hane_import_opts *opts, struct hane_import_counts *counts);

/* Imports path into the registry in one transaction: every good row is
 * written or none is (a crash or kill leaves the database as before; so
 * does a dry run). Bad rows go to opts->rejects, in the file's own bytes
 * plus a reason column, and to opts->reject. Returns 0 when the file was
 * processed (even if rows were rejected: see *counts), or an error that
 * wrote nothing: HANE_EINVAL for a missing required column, HANE_ECSV for
 * an unreadable file (hane_error_last() names the line), HANE_EEXIST for a
 * duplicate under HANE_DUP_FAIL, HANE_EPERM, a store error. counts is
 * filled in either case. */
int hane_households_import(hane_db *db, const char *path,
			   const struct hane_import_opts *opts,
			   struct hane_import_counts *counts) HANE_WARN_UNUSED;

/* The field names --map accepts, NULL-terminated (static). */
const char *const *hane_households_csv_fields(void);

/* Writes every person of the registry, household by household (head
 * first), with the importer's column titles, to fp (borrowed). flags are
 * hane_csv_writer_flags, plus HANE_OUT_UNMASKED (hane/reports.h) for
 * personal data in full, which needs export.unmasked; without it TC Kimlik
 * No, phones, address, chronic illness and notes are masked, and such a
 * file does not import back. The caller logs the finished file with
 * hane_log_export() (its SHA-256). *rows (may be NULL) gets the number of
 * persons written. */
int hane_households_export(hane_db *db, FILE *fp, unsigned flags,
			   int64_t *rows) HANE_WARN_UNUSED;

#endif
