/* Household export: the whole registry as CSV with the importer's columns.
 *
 * One row per person, household by household with the head first; the
 * household's fields are repeated on every member's row so the sheet can
 * be filtered in Excel, and the importer takes them from the head's row.
 *
 * KVKK: personal data is masked unless the caller asks for it in full
 * (HANE_OUT_UNMASKED, which needs export.unmasked): TC Kimlik No as
 * 123******50, phones as 0532 *** ** 67, street, building, door, chronic
 * illness and notes as "***"; names, birth dates, mahalle and income stay
 * (statistics need them). Only an unmasked export imports back. The
 * caller logs the export with hane_log_export() once the file is closed,
 * so the log holds the SHA-256 of the file as written.
 */
#include "hane/households_csv.h"

#include <string.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/reports.h"

/* The columns, in the order written; titles the importer knows. */
static const struct {
	const char *title;
	enum hane_csv_kind kind;
} columns[] = {
	{"Hane No", HANE_CSV_NUMBER},
	{"TC Kimlik No", HANE_CSV_ID},
	{"Ad", HANE_CSV_TEXT},
	{"Soyad", HANE_CSV_TEXT},
	{"Doğum Tarihi", HANE_CSV_DATE},
	{"Cinsiyet", HANE_CSV_TEXT},
	{"Yakınlık", HANE_CSV_TEXT},
	{"Engel Oranı", HANE_CSV_NUMBER},
	{"Kronik Hastalık", HANE_CSV_TEXT},
	{"Telefon", HANE_CSV_ID},
	{"Hane Telefonu", HANE_CSV_ID},
	{"Mahalle", HANE_CSV_TEXT},
	{"Adres", HANE_CSV_TEXT},
	{"Bina No", HANE_CSV_TEXT},
	{"Daire No", HANE_CSV_TEXT},
	{"Aylık Gelir (TL)", HANE_CSV_MONEY},
	{"Notlar", HANE_CSV_TEXT},
};
#define NCOLS (sizeof columns / sizeof columns[0])

/* v as this export may write it: in full, or "***" when it holds
 * anything. */
static const char *masked_text(const char *v, bool unmasked)
{
	return unmasked || !*v ? v : "***";
}

static const char export_sql[] =
	"SELECT h.id, p.tckn, p.first_name, p.last_name, p.birth_date,"
	" p.sex, p.relation, p.disability_pct, p.chronic_illness, p.phone,"
	" h.phone, h.mahalle, h.street, h.building, h.door, h.income_kurus,"
	" h.notes"
	" FROM person p JOIN household h ON h.id = p.household_id"
	" ORDER BY h.id, p.id <> h.head_id, p.id";

int hane_households_export(hane_db *db, FILE *fp, unsigned flags, int64_t *rows)
{
	bool excel = flags & HANE_CSV_EXCEL;
	bool unmasked = flags & HANE_OUT_UNMASKED;
	hane_csv_writer *w = NULL;
	hane_stmt *st = NULL;
	int64_t n = 0;
	size_t i;
	int rc;

	if (rows)
		*rows = 0;
	if ((rc = hane_can(db, HANE_ACT_EXPORT)) ||
	    (rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ)) ||
	    (unmasked && (rc = hane_can(db, HANE_ACT_EXPORT_UNMASKED))))
		return rc;
	flags &= ~HANE_OUT_UNMASKED; /* the writer's flags only */
	if ((rc = hane_stmt_prepare(db, &st, export_sql)))
		return rc;
	if ((rc = hane_csv_writer_open(&w, fp, flags)))
		goto done;
	hane_csv_writer_sheet(w, "Haneler");
	for (i = 0; i < NCOLS; i++)
		hane_csv_put(w, columns[i].title, HANE_CSV_TEXT);
	if ((rc = hane_csv_endrow(w)))
		goto done;
	while ((rc = hane_stmt_step(st)) == HANE_ROW) {
		char buf[8][64];

		snprintf(buf[0], sizeof buf[0], "%lld",
			 (long long)hane_stmt_int(st, 0));
		hane_csv_put(w, buf[0], HANE_CSV_NUMBER);
		if (unmasked)
			snprintf(buf[6], sizeof buf[6], "%s",
				 hane_stmt_text(st, 1));
		else
			hane_tckn_mask(buf[6], sizeof buf[6],
				       hane_stmt_text(st, 1));
		hane_csv_put(w, buf[6], HANE_CSV_ID);
		hane_csv_put(w, hane_stmt_text(st, 2), HANE_CSV_TEXT);
		hane_csv_put(w, hane_stmt_text(st, 3), HANE_CSV_TEXT);
		/* Excel in Turkey reads 04.01.1950 as a date; programs
		 * prefer ISO. The importer takes both. */
		if (excel)
			hane_date_format(buf[1], hane_stmt_text(st, 4));
		else
			snprintf(buf[1], sizeof buf[1], "%s",
				 hane_stmt_text(st, 4));
		hane_csv_put(w, buf[1], HANE_CSV_DATE);
		hane_csv_put(w, hane_stmt_text(st, 5), HANE_CSV_TEXT);
		hane_csv_put(w, hane_relation_label(hane_stmt_text(st, 6)),
			     HANE_CSV_TEXT);
		buf[2][0] = '\0';
		if (!hane_stmt_is_null(st, 7))
			snprintf(buf[2], sizeof buf[2], "%lld",
				 (long long)hane_stmt_int(st, 7));
		hane_csv_put(w, buf[2], HANE_CSV_NUMBER);
		hane_csv_put(w, masked_text(hane_stmt_text(st, 8), unmasked),
			     HANE_CSV_TEXT);
		/* National form "0532 123 45 67": a leading zero and spaces
		 * keep it text for every spreadsheet. */
		hane_phone_format(buf[3], sizeof buf[3], hane_stmt_text(st, 9),
				  !unmasked);
		hane_csv_put(w, buf[3], HANE_CSV_ID);
		hane_phone_format(buf[4], sizeof buf[4], hane_stmt_text(st, 10),
				  !unmasked);
		hane_csv_put(w, buf[4], HANE_CSV_ID);
		hane_csv_put(w, hane_stmt_text(st, 11), HANE_CSV_TEXT);
		hane_csv_put(w, masked_text(hane_stmt_text(st, 12), unmasked),
			     HANE_CSV_TEXT);
		hane_csv_put(w, masked_text(hane_stmt_text(st, 13), unmasked),
			     HANE_CSV_TEXT);
		hane_csv_put(w, masked_text(hane_stmt_text(st, 14), unmasked),
			     HANE_CSV_TEXT);
		buf[5][0] = '\0';
		if (!hane_stmt_is_null(st, 15)) {
			int64_t k = hane_stmt_int(st, 15);

			snprintf(buf[5], sizeof buf[5], "%s%lld.%02lld",
				 k < 0 ? "-" : "",
				 (long long)(k < 0 ? -k : k) / 100,
				 (long long)(k < 0 ? -k : k) % 100);
		}
		hane_csv_put(w, buf[5], HANE_CSV_MONEY);
		hane_csv_put(w, masked_text(hane_stmt_text(st, 16), unmasked),
			     HANE_CSV_TEXT);
		if ((rc = hane_csv_endrow(w)))
			goto done;
		n++;
	}
	if (rc < 0)
		goto done;
	rc = 0;
done : {
	int rc2 = hane_csv_writer_close(w);

	if (!rc && rc2) {
		hane_error_set(hane_msg(HANE_M_CSV_WRITE), "CSV",
			       hane_error_last());
		rc = rc2;
	}
}
	hane_stmt_finalize(st);
	if (rows && !rc)
		*rows = n;
	return rc;
}
