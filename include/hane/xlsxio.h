/* Excel workbooks (.xlsx) through libxlsxwriter: the ONLY module that
 * includes <xlsxwriter.h>.
 *
 * Nothing outside csvio calls this directly: an export asks the CSV
 * writer for HANE_CSV_XLSX and writes its rows exactly as for CSV (the
 * same hane_csv_put calls with the same masked values), and the writer
 * hands them here. So masking and the export log cannot differ between
 * the two formats.
 */
#ifndef HANE_XLSXIO_H
#define HANE_XLSXIO_H

#include <stdio.h>

#include "hane/csvio.h"

typedef struct hane_xlsx hane_xlsx;

/* Starts a one-sheet workbook that hane_xlsx_close() writes to fp
 * (borrowed: never closed here). The workbook is built in a private
 * temporary folder (mkdtemp, 0700) and copied into fp at close, so the
 * file the user named is opened only by the caller, however it opens
 * files. sheet is the sheet's name (cut to Excel's 31 characters,
 * []:*?/\ replaced); NULL is "Sayfa1". The first row written is the
 * header: bold, frozen, with an autofilter over every row. *out is the
 * caller's, freed by hane_xlsx_close(). */
int hane_xlsx_open(hane_xlsx **out, FILE *fp,
		   const char *sheet) HANE_WARN_UNUSED;
/* Renames the sheet before the first row. */
void hane_xlsx_sheet(hane_xlsx *x, const char *sheet);
/* Appends a cell to the current row. TEXT and ID are text cells (a TC
 * Kimlik No or phone stays text, a leading "=" is never a formula);
 * NUMBER a number; MONEY a number shown as 1.234,56 in Turkish Excel;
 * DATE a date shown as dd.mm.yyyy (given as YYYY-MM-DD or dd.mm.yyyy,
 * with an optional time; anything else is written as text). NULL or ""
 * leaves the cell empty. */
int hane_xlsx_put(hane_xlsx *x, const char *value, enum hane_csv_kind k);
/* Ends the row. HANE_EINVAL past Excel's 1,048,576 rows. */
int hane_xlsx_endrow(hane_xlsx *x);
/* Sets the column widths to fit, writes the workbook into fp and frees
 * everything (the temporary folder too). HANE_EIO if the workbook or the
 * copy failed. NULL is 0. */
int hane_xlsx_close(hane_xlsx *x);
/* Frees without writing anything to fp. NULL is a no-op. */
void hane_xlsx_discard(hane_xlsx *x);

#endif
