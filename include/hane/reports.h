/* hane/reports.h — the report engine: named SQL reports → rows → screen
 * or CSV.
 *
 * A report is one file data/reports/NAME.sql, embedded at build time,
 * whose header comment describes it:
 *
 *   -- name: households-monthly
 *   -- title: Aylık yeni kayıtlar | New registrations in the month
 *   -- needs: household.read
 *   -- param: month month | Ay (YYYY-AA) | Month (YYYY-MM)
 *   -- column: mahalle text | Mahalle | Neighbourhood
 *   -- column: households number sum | Yeni hane | New households
 *   -- total: Toplam | Total
 *   SELECT … WHERE created_at >= :month || '-01' …
 *
 * needs: the permission (hane/perm.h) a staff member must hold to run the
 * report, beside report.run: the read permission of the unit whose rows
 * it shows (household.read for the registry). Required: a report without
 * it does not parse, so nobody adds one without deciding.
 * param: NAME TYPE, TYPE one of month (YYYY-MM), year (YYYY), date (a
 * date in any form core reads, bound as ISO), text; bound as :NAME.
 * Besides them the SQL may name :today (hane's clock) and :actor (the
 * acting staff member's id: rows that depend on who asks).
 * column: NAME KIND [sum], KIND one of text, number, money (TL as
 * "1234.50": a number, shown 1.234,56 in a workbook), date (ISO: a date
 * cell in a workbook), id (kept as text in Excel), or one of the personal
 * kinds: tckn (TC Kimlik No), phone (E.164 as stored; shown "0532 123 45 67"),
 * address, personal (any other special-category text). "sum" columns get a
 * totals row labelled by "total:". Titles are Turkish | English. Adding a
 * report is adding a file.
 *
 * KVKK: personal columns are masked in every run ("123******50",
 * "0532 *** ** 67", "***") unless the run asks for them unmasked, which
 * needs export.unmasked (the table leaves hane as a screen or a file).
 * Every run is logged in the read log with its parameters.
 */
#ifndef HANE_REPORTS_H
#define HANE_REPORTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "hane/store.h"

#define HANE_REPORT_COLS_MAX 32
#define HANE_REPORT_PARAMS_MAX 8

enum hane_report_kind {
	HANE_REPORT_TEXT,
	HANE_REPORT_NUMBER,
	HANE_REPORT_ID,
	/* Personal data, masked unless the run is unmasked. */
	HANE_REPORT_TCKN,
	HANE_REPORT_PHONE,
	HANE_REPORT_ADDRESS,
	HANE_REPORT_PERSONAL,
	HANE_REPORT_MONEY, /* a number everywhere, money in a workbook */
	HANE_REPORT_DATE,  /* text everywhere, a date in a workbook */
};

/* True for the kinds shown right-aligned and summed: number, money. */
bool hane_report_kind_number(enum hane_report_kind k);

/* True for the kinds that hold personal data (masked by default). */
bool hane_report_kind_personal(enum hane_report_kind k);

/* Output flags of report runs and of hane_households_export (beside the
 * writer's hane_csv_writer_flags, far above them): personal data in full.
 * Needs export.unmasked; the run or export is logged as unmasked. */
#define HANE_OUT_UNMASKED (1u << 16)

struct hane_report_column {
	char name[64];
	enum hane_report_kind kind;
	bool sum;
	char title[2][128]; /* [HANE_LANG_TR], [HANE_LANG_EN] */
};

struct hane_report_param {
	char name[32];
	char type[16]; /* month, year, date, text */
	char title[2][128];
};

struct hane_report {
	char name[64];
	int needs; /* enum hane_action the run needs (the "needs:" line) */
	char title[2][256];
	char total[2][64]; /* label of the totals row; "" for none */
	int nparams;
	struct hane_report_param params[HANE_REPORT_PARAMS_MAX];
	int ncols;
	struct hane_report_column cols[HANE_REPORT_COLS_MAX];
	const char *sql; /* borrowed from the parsed text */
};

/* Parses a report definition from text (borrowed: out->sql points into
 * it). HANE_EINVAL with the line and the problem on a bad header. */
int hane_report_parse(struct hane_report *out,
		      const char *text) HANE_WARN_UNUSED;

/* The embedded reports, sorted by name: count, and the i-th parsed. */
size_t hane_report_count(void);
int hane_report_at(size_t i, struct hane_report *out) HANE_WARN_UNUSED;
/* The report called name; HANE_ENOTFOUND (listing the names) if none. */
int hane_report_find(const char *name,
		     struct hane_report *out) HANE_WARN_UNUSED;

/* Title of the report or of column i, in the current language. */
const char *hane_report_title(const struct hane_report *r);
const char *hane_report_column_title(const struct hane_report *r, int i);
const char *hane_report_param_title(const struct hane_report *r, int i);

struct hane_report_arg {
	const char *name;  /* a param name, without ':' */
	const char *value; /* as the user typed it */
};

/* The result: nrows × ncols cells of UTF-8 text, row by row; numbers as
 * plain digits ("-12.5"). When the report has sum columns, the last row
 * is the totals row (has_total). */
struct hane_report_table {
	int ncols;
	size_t nrows;
	bool has_total;
	char **cells;
};

/* Runs r with args (each param must be given; values are checked and
 * normalised by type). HANE_EUSAGE for a missing, unknown or malformed
 * argument; HANE_EPERM without report.run or the report's "needs"
 * permission (the message names it). Personal columns come back
 * masked. The run is logged ("report", with the parameters); when the
 * log cannot be written nothing is returned. *out is the caller's, freed
 * with hane_report_table_free(). */
int hane_report_run(hane_db *db, const struct hane_report *r,
		    const struct hane_report_arg *args, size_t nargs,
		    struct hane_report_table **out) HANE_WARN_UNUSED;

/* hane_report_run with flags: HANE_OUT_UNMASKED returns personal columns
 * in full, and is HANE_EPERM (naming export.unmasked) for a staff member
 * without that permission. */
int hane_report_run_flags(hane_db *db, const struct hane_report *r,
			  const struct hane_report_arg *args, size_t nargs,
			  unsigned flags,
			  struct hane_report_table **out) HANE_WARN_UNUSED;
void hane_report_table_free(struct hane_report_table *t);

/* The cell at row, col (borrowed). */
const char *hane_report_cell(const struct hane_report_table *t, size_t row,
			     int col);

/* Writes the table as CSV to fp (borrowed) with a title row of column
 * titles in the current language; flags are hane_csv_writer_flags (the
 * table is already masked or not: see hane_report_run_flags). */
int hane_report_write_csv(const struct hane_report *r,
			  const struct hane_report_table *t, FILE *fp,
			  unsigned flags) HANE_WARN_UNUSED;

#endif
