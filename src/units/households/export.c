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

/* The columns, in the order written, are the person's fields then the
 * household's (hane/households.h) but those marked HANE_FF_NOCSV; each
 * titled by its label, which the importer knows. A field marked
 * HANE_FF_MASKED is masked unless the export is unmasked. */

/* v as this export may write it: in full, or "***" when it holds
 * anything. */
static const char *masked_text(const char *v, bool unmasked)
{
	return unmasked || !*v ? v : "***";
}

static void put_titles(hane_csv_writer *w, const struct hane_rdef *d)
{
	for (size_t i = 0; i < d->nfields; i++)
		if (!(d->fields[i].flags & HANE_FF_NOCSV))
			hane_csv_put(w, d->fields[i].label_tr, HANE_CSV_TEXT);
}

/* Field f of rec, as written: numbers plain ("" when unknown), dates as
 * Excel in Turkey reads them (04.01.1950) or ISO for programs (the
 * importer takes both), phones in the national form "0532 123 45 67" (a
 * leading zero and spaces keep it text for every spreadsheet), money as
 * 1234.50, a relation by its label. */
static void put_field(hane_csv_writer *w, const struct hane_fdef *f,
		      const void *rec, bool excel, bool unmasked)
{
	const char *p = (const char *)rec + f->offset;
	bool mask = !unmasked && (f->flags & HANE_FF_MASKED);
	char buf[64] = "";
	int64_t k;

	switch (f->type) {
	case HANE_FT_INT:
	case HANE_FT_REF:
		k = f->size == sizeof(int) ? *(const int *)p
					   : *(const int64_t *)p;
		if (k >= 0)
			snprintf(buf, sizeof buf, "%lld", (long long)k);
		hane_csv_put(w, buf, HANE_CSV_NUMBER);
		return;
	case HANE_FT_MONEY:
		k = *(const int64_t *)p;
		if (k >= 0)
			snprintf(buf, sizeof buf, "%lld.%02lld",
				 (long long)k / 100, (long long)k % 100);
		hane_csv_put(w, buf, HANE_CSV_MONEY);
		return;
	case HANE_FT_TCKN:
		if (mask)
			hane_tckn_mask(buf, sizeof buf, p);
		else
			snprintf(buf, sizeof buf, "%s", p);
		hane_csv_put(w, buf, HANE_CSV_ID);
		return;
	case HANE_FT_DATE:
		if (excel)
			hane_date_format(buf, p);
		else
			snprintf(buf, sizeof buf, "%s", p);
		hane_csv_put(w, buf, HANE_CSV_DATE);
		return;
	case HANE_FT_PHONE:
		hane_phone_format(buf, sizeof buf, p, mask);
		hane_csv_put(w, buf, HANE_CSV_ID);
		return;
	default:
		if (strcmp(f->column, "relation") == 0)
			p = hane_relation_label(p);
		hane_csv_put(w, masked_text(p, !mask), HANE_CSV_TEXT);
		return;
	}
}

static void put_fields(hane_csv_writer *w, const struct hane_rdef *d,
		       const void *rec, bool excel, bool unmasked)
{
	for (size_t i = 0; i < d->nfields; i++)
		if (!(d->fields[i].flags & HANE_FF_NOCSV))
			put_field(w, &d->fields[i], rec, excel, unmasked);
}

struct walk {
	hane_db *db;
	hane_csv_writer *w;
	bool excel, unmasked;
	struct hane_household h; /* of the rows being written */
	int64_t n;
};

static int put_row(const void *rec, void *arg)
{
	const struct hane_person *p = rec;
	struct walk *k = arg;
	int rc;

	if (k->h.id != p->household_id &&
	    (rc = hane_record_get(k->db, &hane_household_rdef, p->household_id,
				  &k->h)))
		return rc;
	put_fields(k->w, &hane_person_rdef, p, k->excel, k->unmasked);
	put_fields(k->w, &hane_household_rdef, &k->h, k->excel, k->unmasked);
	if ((rc = hane_csv_endrow(k->w)))
		return rc;
	k->n++;
	return 0;
}

int hane_households_export(hane_db *db, FILE *fp, unsigned flags, int64_t *rows)
{
	struct walk k = {.db = db,
			 .excel = flags & HANE_CSV_EXCEL,
			 .unmasked = flags & HANE_OUT_UNMASKED};
	int64_t n = 0;
	int rc;

	if (rows)
		*rows = 0;
	if ((rc = hane_can(db, HANE_ACT_EXPORT)) ||
	    (rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ)) ||
	    (k.unmasked && (rc = hane_can(db, HANE_ACT_EXPORT_UNMASKED))))
		return rc;
	flags &= ~HANE_OUT_UNMASKED; /* the writer's flags only */
	if ((rc = hane_csv_writer_open(&k.w, fp, flags)))
		return rc;
	hane_csv_writer_sheet(k.w, "Haneler");
	put_titles(k.w, &hane_person_rdef);
	put_titles(k.w, &hane_household_rdef);
	if ((rc = hane_csv_endrow(k.w)))
		goto done;
	/* Household by household, the head first. */
	rc = hane_record_each(db, &hane_person_rdef,
			      " JOIN household h ON h.id = t.household_id"
			      " ORDER BY h.id, t.id <> h.head_id, t.id",
			      NULL, put_row, &k);
	n = k.n;
done : {
	int rc2 = hane_csv_writer_close(k.w);

	if (!rc && rc2) {
		hane_error_set(hane_msg(HANE_M_CSV_WRITE), "CSV",
			       hane_error_last());
		rc = rc2;
	}
}
	if (rows && !rc)
		*rows = n;
	return rc;
}
