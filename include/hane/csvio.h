/* hane/csvio.h — reading and writing CSV as Turkish offices produce it.
 *
 * The only module that sees <csv.h> (libcsv). The reader streams a file
 * record by record: it detects the encoding (UTF-8 with or without BOM, or
 * Windows-1254) and the delimiter (, ; or tab, sniffed from the header),
 * hands over every field as UTF-8, and keeps each record's ORIGINAL bytes
 * so that a rejected row can be written back exactly as it came (same
 * encoding, same delimiter) for Excel to reopen. The writer produces plain
 * UTF-8 CSV or what Turkish Excel opens right, and neutralises formula
 * injection.
 */
#ifndef HANE_CSVIO_H
#define HANE_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hane/error.h"
#include "hane/i18n.h"
#include "hane/store.h" /* HANE_ROW, HANE_DONE */

/* Longest field accepted (an unterminated quote would otherwise swallow
 * the rest of the file into one field) and most fields in one record. */
#define HANE_CSV_FIELD_MAX (1024 * 1024)
#define HANE_CSV_FIELDS_MAX 1024

enum hane_csv_encoding {
	HANE_CSV_ENC_AUTO = 0, /* valid UTF-8 → UTF-8, otherwise 1254 */
	HANE_CSV_ENC_UTF8,
	HANE_CSV_ENC_CP1254,
};

/* "utf-8"/"utf8", "windows-1254"/"cp1254"/"1254"; -1 if unknown. */
int hane_csv_encoding_parse(const char *s);
/* "UTF-8", "Windows-1254" (or "ASCII" for AUTO: nothing decided it). */
const char *hane_csv_encoding_name(enum hane_csv_encoding e);

struct hane_csv_opts {
	enum hane_csv_encoding encoding; /* AUTO: detect */
	char delimiter;			 /* 0: sniff from the header */
};

/* One record. Everything is borrowed from the reader and valid until the
 * next hane_csv_read() or hane_csv_close(). */
struct hane_csv_record {
	size_t nfields;
	char **fields;	 /* UTF-8, NUL-terminated, exactly as in the file */
	long line;	 /* physical line (1-based) where the record starts */
	const char *raw; /* the original bytes, line end included */
	size_t raw_len;
};

/* A copy of rec that outlives the reader's next record (the header, kept
 * for a rejects file opened at the first bad row). *out owns its memory:
 * release it with hane_csv_record_free(), which accepts a zeroed record. */
int hane_csv_record_copy(struct hane_csv_record *out,
			 const struct hane_csv_record *rec) HANE_WARN_UNUSED;
void hane_csv_record_free(struct hane_csv_record *r);

typedef struct hane_csv_reader hane_csv_reader;

/* Opens path for reading ("-" is standard input). opts may be NULL
 * (detect everything). Nothing is parsed yet except the sniffing of the
 * first block. *out is the caller's, closed with hane_csv_close(). An
 * empty file, a UTF-16 file or a file with NUL bytes is HANE_ECSV. */
int hane_csv_open(hane_csv_reader **out, const char *path,
		  const struct hane_csv_opts *opts) HANE_WARN_UNUSED;
void hane_csv_close(hane_csv_reader *r); /* accepts NULL */

/* Reads the next record: HANE_ROW with *rec set, HANE_DONE at the end, or
 * HANE_ECSV with hane_error_last() naming the line (invalid bytes for the
 * encoding, a malformed or unterminated quote, a field too long, binary
 * data). Records whose fields are all empty (blank lines, Excel's ";;;;")
 * are skipped. The first record is the header: the reader gives it like
 * any other. */
int hane_csv_read(hane_csv_reader *r,
		  const struct hane_csv_record **rec) HANE_WARN_UNUSED;

/* What the reader found or was told. The encoding may stay AUTO while the
 * file has been pure ASCII so far. */
enum hane_csv_encoding hane_csv_encoding(const hane_csv_reader *r);
char hane_csv_delimiter(const hane_csv_reader *r);
bool hane_csv_had_bom(const hane_csv_reader *r);
/* Bytes consumed so far and the file size (-1 when not a regular file),
 * for a progress bar. */
int64_t hane_csv_offset(const hane_csv_reader *r);
int64_t hane_csv_size(const hane_csv_reader *r);

/* ---- Rejects: the original rows plus a reason column ------------------- */

typedef struct hane_csv_rejects hane_csv_rejects;

/* Creates path for the rejected rows of reader r: the same encoding, BOM,
 * delimiter and line ends as the input, the header row first with one
 * more column named column_title (UTF-8; converted). *out is the
 * caller's; hane_csv_rejects_close() flushes and closes it. */
int hane_csv_rejects_open(hane_csv_rejects **out, const char *path,
			  const hane_csv_reader *r,
			  const struct hane_csv_record *header,
			  const char *column_title) HANE_WARN_UNUSED;
/* Appends rec's original bytes and the reason (UTF-8). */
int hane_csv_rejects_add(hane_csv_rejects *j, const struct hane_csv_record *rec,
			 const char *reason) HANE_WARN_UNUSED;
/* Closes; HANE_EIO if anything failed to reach the disk. NULL is 0. */
int hane_csv_rejects_close(hane_csv_rejects *j);

/* ---- Encoding helpers --------------------------------------------------- */

/* Windows-1254 bytes s[0..n) to a malloc'ed UTF-8 string (*out, caller
 * frees). HANE_EINVAL for the five bytes 1254 leaves undefined. */
int hane_csv_from_1254(char **out, const char *s, size_t n) HANE_WARN_UNUSED;
/* UTF-8 to a malloc'ed Windows-1254 string; characters 1254 lacks become
 * '?'. NULL on ENOMEM. */
char *hane_csv_to_1254(const char *utf8);

/* ---- Writer --------------------------------------------------------------- */

enum hane_csv_writer_flags {
	/* What Turkish Excel opens right: UTF-8 with BOM, ';', CRLF, decimal
	 * comma, identifiers wrapped so they stay text. */
	HANE_CSV_EXCEL = 1 << 0,
	/* An Excel workbook (.xlsx) instead of CSV, through hane/xlsxio.h:
	 * the same rows, each value a typed cell (see enum hane_csv_kind). */
	HANE_CSV_XLSX = 1 << 1,
};

/* How a value is written. */
enum hane_csv_kind {
	HANE_CSV_TEXT,	 /* guarded against formula injection */
	HANE_CSV_NUMBER, /* "-12.5": plain number (decimal comma in Excel);
			    anything not a number is written as TEXT */
	HANE_CSV_ID,	 /* digits that must stay text (TC Kimlik No, phone):
			    Excel gets ="…"; not digits → TEXT */
	HANE_CSV_DATE,	 /* a date (YYYY-MM-DD or dd.mm.yyyy, maybe with a
			    time): TEXT in CSV, a date cell in a workbook */
	HANE_CSV_MONEY,	 /* TL as "-1234.50": NUMBER in CSV, a number shown
			    1.234,56 in a workbook */
};

typedef struct hane_csv_writer hane_csv_writer;

/* Writes to fp (borrowed: never closed here). *out is the caller's. The
 * BOM of Excel mode is written at once; with HANE_CSV_XLSX the workbook
 * reaches fp at hane_csv_writer_close(). */
int hane_csv_writer_open(hane_csv_writer **out, FILE *fp,
			 unsigned flags) HANE_WARN_UNUSED;
/* Names what is written: the sheet of a workbook (before the first
 * row); nothing for CSV. */
void hane_csv_writer_sheet(hane_csv_writer *w, const char *name);
/* Appends one field (NULL is an empty field) to the current row. */
int hane_csv_put(hane_csv_writer *w, const char *value, enum hane_csv_kind k);
/* Ends the row. */
int hane_csv_endrow(hane_csv_writer *w);
/* A whole row of titles, in the language in use: the messages
 * titles[0..n). */
int hane_csv_titles(hane_csv_writer *w, const enum hane_msg *titles, size_t n);
/* Flushes and frees; HANE_EIO if any write failed. NULL is 0. */
int hane_csv_writer_close(hane_csv_writer *w);

/* Undoes what the writer did to a value, for reading back an export: a
 * leading "'" before = + - @ tab CR is dropped, and Excel's ="digits" is
 * unwrapped. Works in place on s; returns s. */
char *hane_csv_unguard(char *s);

/* ---- Column titles -------------------------------------------------------- */

/* The key a column title is matched by: folded (case, Turkish letters,
 * accents) with spaces and punctuation dropped, so "T.C. KİMLİK NO",
 * "tc kimlik no" and "TCKimlikNo" are one key ("tckimlikno"). */
void hane_csv_title_key(char *out, size_t outsz, const char *title);

/* The index in titles[0..n) of the entry naming this column, or -1. Each
 * entry lists its aliases separated by '|' ("TC Kimlik No|tckn"). This is
 * how every unit's importer finds its columns, Turkish or English. */
int hane_csv_title_find(const char *title, const char *const *titles, int n);

/* The header's titles as a message lists them: "\"Ad\", \"Soyad\"",
 * cut to fit out. For "missing column X; the file has …". */
void hane_csv_titles_list(char *out, size_t outsz,
			  const struct hane_csv_record *h);

/* ---- An import's scaffold (csvio/import.c) -------------------------------- */

#include "hane/i18n.h"
#include "hane/record.h"

/* Most fields one importer maps. */
#define HANE_CSV_IMPORT_FIELDS 32

/* One field an importer reads: a record's field, found by its CLI option in
 * def (its titles are the table's: its label, then its other titles), or
 * the importer's own (def NULL: titles, '|'-separated). The first title is
 * the one messages name. */
struct hane_csv_import_field {
	const struct hane_rdef *def;
	const char *option;
	const char *titles;
};

/* The record field behind k (by its option), or NULL for the importer's
 * own. */
const struct hane_fdef *hane_csv_import_fdef(
	const struct hane_csv_import_field *k);

/* What an importer tells the scaffold: its fields, the title of the
 * rejects file's reason column, and its audit event. The header's remarks
 * and faults are the same for every importer (csvio's messages). */
struct hane_csv_import_spec {
	const struct hane_csv_import_field *fields;
	int nfields; /* at most HANE_CSV_IMPORT_FIELDS */
	/* An empty file: HANE_ECSV "no header row", or (when
	 * empty_is_header) a header without columns, for the importer's
	 * missing-column check to name. */
	bool empty_is_header;
	enum hane_msg rejects_column;
	/* The audit event of a committed import (hane_csv_import_file): on
	 * table, "<what> import: <created> <verb>, <rejected> rejected". */
	struct {
		const char *table, *what, *verb;
	} audit;
};

/* Who hears of an import, and where its rejects go. */
struct hane_csv_import_hooks {
	bool dry_run;	     /* do everything, then roll back (no rejects) */
	const char *rejects; /* rejects file (original rows + reason); NULL */
	void (*notice)(const char *msg, void *arg); /* header remarks */
	void (*reject)(long line, const char *reason, void *arg);
	void *arg;
};

/* The caller's counts the scaffold keeps: rows read, rows written,
 * rows rejected. */
struct hane_csv_import_counts {
	int64_t *rows, *created, *rejected;
};

/* One import's file: its reader, header, columns and rejects. Set up with
 * hane_csv_import_init(); the rest is the scaffold's, read freely. */
struct hane_csv_import {
	const struct hane_csv_import_spec *spec;
	struct hane_csv_import_hooks hooks;
	struct hane_csv_import_counts n;
	hane_csv_reader *r;
	struct hane_csv_record header; /* a copy, for the rejects file */
	size_t ncols;
	int col[HANE_CSV_IMPORT_FIELDS];	    /* -1: no column */
	char title[HANE_CSV_IMPORT_FIELDS][128];    /* the file's title */
	const char *titles[HANE_CSV_IMPORT_FIELDS]; /* the spec's, resolved */
	const struct hane_fdef *def[HANE_CSV_IMPORT_FIELDS]; /* or NULL */
	hane_csv_rejects *rej;
	char buf[HANE_CSV_IMPORT_FIELDS][256];
};

/* Sets ci up for spec, the caller's hooks and counts (each copied). */
void hane_csv_import_init(struct hane_csv_import *ci,
			  const struct hane_csv_import_spec *spec,
			  const struct hane_csv_import_hooks *hooks,
			  struct hane_csv_import_counts n);

/* Opens path and reads its header (kept in ci->header). Close with
 * hane_csv_import_close(), also after a failure. */
int hane_csv_import_open(struct hane_csv_import *ci, const char *path,
			 const struct hane_csv_opts *csv) HANE_WARN_UNUSED;

/* A column title (unguarded) → field, -1 unknown (a notice), -2 ignored
 * in silence; column is its index in the header. */
typedef int hane_csv_import_lookup(const char *title, size_t column, void *arg);

/* Maps the header's columns to the spec's fields: each title by lookup
 * (NULL: the spec's titles); the first column of a field wins, an unknown
 * or a second one is a notice. */
void hane_csv_import_map(struct hane_csv_import *ci,
			 hane_csv_import_lookup *lookup, void *arg);

/* The first title of field f into out (what messages name). */
const char *hane_csv_import_title(const struct hane_csv_import *ci, int f,
				  char *out, size_t outsz);

/* A missing required column: HANE_EINVAL with msg naming missing and
 * listing the file's titles. */
int hane_csv_import_missing(const struct hane_csv_import *ci, enum hane_msg msg,
			    const char *missing);

/* Field f's cell of rec as the file has it, "" without a column. */
const char *hane_csv_import_cell(const struct hane_csv_import *ci,
				 const struct hane_csv_record *rec, int f);

/* Every field's cell of rec into v (unguarded and trimmed, "" without a
 * column); a row with another count of fields than the header is
 * HANE_EINVAL with the reason in why. */
int hane_csv_import_cells(const struct hane_csv_import *ci,
			  const struct hane_csv_record *rec, const char **v,
			  char *why, size_t whysz);

/* Rejects rec for why: counted, told to the reject hook, written to the
 * rejects file (opened at the first). 0, or the file's error. */
int hane_csv_import_reject(struct hane_csv_import *ci,
			   const struct hane_csv_record *rec, const char *why);

/* Closes the rejects file (removed when rc says the import failed) and
 * the file. Returns rc, or the rejects file's error; on an error the
 * count of rows written is 0 (nothing was). */
int hane_csv_import_close(struct hane_csv_import *ci, int rc);

/* An importer's steps: check the mapped header (map it with
 * hane_csv_import_map), then each data row (written, or rejected with
 * hane_csv_import_reject; another error ends the import). */
struct hane_csv_import_steps {
	int (*header)(void *arg);
	int (*row)(const struct hane_csv_record *rec, void *arg);
};

/* A whole import of path on db: open, the header step, then every row
 * (counted) in one transaction, rolled back by an error of a step or a
 * dry run, else ended by the spec's audit event and committed; closed. */
int hane_csv_import_file(struct hane_csv_import *ci, hane_db *db,
			 const char *path, const struct hane_csv_opts *csv,
			 const struct hane_csv_import_steps *steps,
			 void *arg) HANE_WARN_UNUSED;

#endif
