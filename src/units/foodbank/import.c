/* Food bank import: market supply sheets and donation lists from CSV.
 *
 * file → csvio reader → this mapping (header → fields, text → values) →
 * the model's hane_foodbank_supply()/hane_foodbank_donate() inside one
 * transaction. As in the household import, every check that can reject
 * a row runs here BEFORE the model is called: a failure inside a model
 * call would doom the whole transaction, so one that still happens is an
 * error of the import, not of the row.
 */
#include <stdlib.h>
#include <string.h>

#include "foodbank_int.h"
#include "hane/files.h"

enum field {
	F_DATE,
	F_MARKET,
	F_BRANCH,
	F_DONOR,
	F_CATEGORY,
	F_QTY,
	F_UNIT,
	F_VALUE,
	F_NOTES,
	F__COUNT,
};

/* Column titles each field is known by, compared folded without spaces. */
static const char *const titles[F__COUNT] = {
	[F_DATE] = "Tarih|Teslim Tarihi|Bağış Tarihi|Date",
	[F_MARKET] = "Market|Tedarikçi|Firma|Market Adı|Supplier",
	[F_BRANCH] = "Şube|Teslim Şubesi|Şube Adı|Branch",
	[F_DONOR] = "Bağışçı|Bağışçı Adı|Bağış Yapan|Donör|Donor",
	[F_CATEGORY] = "Kategori|Ürün Grubu|Ürün|Tür|Category",
	[F_QTY] = "Miktar|Ağırlık|Ağırlık (kg)|Adet|Quantity|Weight",
	[F_UNIT] = "Birim|Unit",
	[F_VALUE] = "Tutar|Tutar (TL)|Değer|Değer (TL)|Tahmini Değer|"
		    "Value|Amount",
	[F_NOTES] = "Not|Notlar|Açıklama|Notes",
};

struct imp {
	hane_db *db;
	enum hane_fb_import_kind kind;
	const struct hane_import_opts *o;
	struct hane_import_counts *c;
	hane_csv_reader *r;
	hane_csv_rejects *rej;
	int col[F__COUNT];
	struct hane_fb_branch fallback;
	bool has_fallback;
	/* A copy of the header record, for a rejects file opened late. */
	struct hane_csv_record header;
};

static int map_header(struct imp *im, const struct hane_csv_record *rec)
{
	static const enum field need_supply[] = {F_DATE, F_MARKET, F_CATEGORY,
						 F_QTY};
	static const enum field need_donation[] = {F_DATE, F_CATEGORY, F_QTY};
	const enum field *need;
	size_t nneed;

	for (int f = 0; f < F__COUNT; f++)
		im->col[f] = -1;
	for (size_t i = 0; i < rec->nfields; i++) {
		int f = hane_csv_title_find(rec->fields[i], titles, F__COUNT);

		if (f < 0 || im->col[f] >= 0) {
			char msg[256];

			snprintf(msg, sizeof msg,
				 hane_msg(f < 0 ? HANE_M_FB_IMP_COLUMN_IGNORED
						: HANE_M_FB_IMP_COLUMN_TWICE),
				 rec->fields[i]);
			if (im->o && im->o->notice)
				im->o->notice(msg, im->o->arg);
			continue;
		}
		if (im->kind == HANE_FB_IMPORT_DONATIONS && f == F_MARKET)
			continue;
		im->col[f] = (int)i;
	}
	if (im->kind == HANE_FB_IMPORT_SUPPLY) {
		need = need_supply;
		nneed = sizeof need_supply / sizeof need_supply[0];
	} else {
		need = need_donation;
		nneed = sizeof need_donation / sizeof need_donation[0];
	}
	for (size_t i = 0; i < nneed; i++) {
		if (im->col[need[i]] < 0) {
			char first[64];
			const char *bar = strchr(titles[need[i]], '|');

			snprintf(first, sizeof first, "%.*s",
				 (int)(bar - titles[need[i]]), titles[need[i]]);
			hane_error_set(hane_msg(HANE_M_FB_IMP_MISSING), first);
			return HANE_EINVAL;
		}
	}
	if (im->col[F_BRANCH] < 0 && !im->has_fallback) {
		hane_error_set(hane_msg(HANE_M_FB_IMP_MISSING), "Şube");
		return HANE_EINVAL;
	}
	return 0;
}

static int reject(struct imp *im, const struct hane_csv_record *rec,
		  const char *why)
{
	int rc;

	im->c->rejected++;
	if (im->o->reject)
		im->o->reject(rec->line, why, im->o->arg);
	if (!im->o->rejects)
		return 0;
	if (!im->rej && (rc = hane_csv_rejects_open(
				 &im->rej, im->o->rejects, im->r, &im->header,
				 hane_msg(HANE_M_IMP_REJECTS_COLUMN))))
		return rc;
	return hane_csv_rejects_add(im->rej, rec, why);
}

static const char *cell(const struct imp *im, const struct hane_csv_record *rec,
			enum field f)
{
	int i = im->col[f];

	return i >= 0 && (size_t)i < rec->nfields ? rec->fields[i] : "";
}

/* The values of a row, checked as the model will check them; 0 or the
 * reason in why. */
struct row {
	char date[HANE_DATE_LEN + 1];
	struct hane_fb_branch branch;
	struct hane_fb_market market;
	struct hane_fb_item item;
	int64_t value;
	char donor[96];
	char notes[256];
};

/* A refusal of the row: "Field: why" into why (the caller's), and
 * HANE_EINVAL. */
#define FAIL(field)                                                            \
	do {                                                                   \
		snprintf(why, whysz, "%s: %s", hane_msg(field),                \
			 hane_error_last());                                   \
		return HANE_EINVAL;                                            \
	} while (0)

/* The row's date (not in the future), branch and (for a market supply)
 * market. */
static int parse_where(struct imp *im, const struct hane_csv_record *rec,
		       struct row *w, char *why, size_t whysz)
{
	char today[HANE_DATE_LEN + 1], buf[256];
	const char *v = cell(im, rec, F_DATE);
	int rc;

	if (!*v) {
		hane_error_set("%s", hane_msg(HANE_M_FB_IMP_EMPTY));
		FAIL(HANE_M_FB_F_DATE);
	}
	if (hane_date_parse(w->date, v) != 0)
		FAIL(HANE_M_FB_F_DATE);
	if (strcmp(w->date, hane_today(today)) > 0) {
		hane_error_set("%s", hane_msg(HANE_M_FB_FUTURE));
		FAIL(HANE_M_FB_F_DATE);
	}
	v = cell(im, rec, F_BRANCH);
	if (*v) {
		snprintf(buf, sizeof buf, "%s", v);
		if ((rc = hane_foodbank_branch_find(im->db, hane_text_trim(buf),
						    &w->branch)) != 0) {
			if (rc != HANE_ENOTFOUND)
				return rc;
			FAIL(HANE_M_FB_F_BRANCH);
		}
	} else if (im->has_fallback) {
		w->branch = im->fallback;
	} else {
		hane_error_set("%s", hane_msg(HANE_M_FB_IMP_EMPTY));
		FAIL(HANE_M_FB_F_BRANCH);
	}
	if (im->kind != HANE_FB_IMPORT_SUPPLY)
		return 0;
	snprintf(buf, sizeof buf, "%s", cell(im, rec, F_MARKET));
	if (!hane_text_trim(buf)[0]) {
		hane_error_set("%s", hane_msg(HANE_M_FB_IMP_EMPTY));
		FAIL(HANE_M_FB_F_MARKET);
	}
	if ((rc = hane_foodbank_market_find(im->db, buf, &w->market)) != 0) {
		if (rc != HANE_ENOTFOUND)
			return rc;
		FAIL(HANE_M_FB_F_MARKET);
	}
	return 0;
}

/* The row's item: category, quantity and unit (a market supply only
 * market categories, by kg or adet). */
static int parse_item(struct imp *im, const struct hane_csv_record *rec,
		      struct row *w, char *why, size_t whysz)
{
	char buf[256];
	const char *v;

	snprintf(buf, sizeof buf, "%s", cell(im, rec, F_CATEGORY));
	v = hane_fb_category_parse(hane_text_trim(buf));
	if (!v) {
		hane_error_set(hane_msg(HANE_M_FB_CATEGORY_BAD), buf);
		FAIL(HANE_M_FB_F_CATEGORY);
	}
	snprintf(w->item.category, sizeof w->item.category, "%s", v);
	if (im->kind == HANE_FB_IMPORT_SUPPLY &&
	    !hane_fb_category_is_market(v)) {
		hane_error_set(hane_msg(HANE_M_FB_MARKET_CATEGORY),
			       hane_fb_category_label(v),
			       "sebze, meyve, şarküteri");
		FAIL(HANE_M_FB_F_CATEGORY);
	}
	if (hane_fb_qty_parse(&w->item.qty_milli, cell(im, rec, F_QTY),
			      false) != 0)
		FAIL(HANE_M_FB_F_QTY);
	snprintf(buf, sizeof buf, "%s", cell(im, rec, F_UNIT));
	snprintf(w->item.unit, sizeof w->item.unit, "%s",
		 hane_text_trim(buf)[0] ? "" : hane_fb_category_unit(v));
	if (buf[0]) {
		const char *u = hane_fb_unit_parse(buf);

		if (!u) {
			hane_error_set(hane_msg(HANE_M_FB_UNIT_BAD), buf);
			FAIL(HANE_M_FB_F_UNIT);
		}
		snprintf(w->item.unit, sizeof w->item.unit, "%s", u);
	}
	if (im->kind == HANE_FB_IMPORT_SUPPLY &&
	    strcmp(w->item.unit, "kg") != 0 &&
	    strcmp(w->item.unit, "adet") != 0) {
		hane_error_set(hane_msg(HANE_M_FB_MARKET_UNIT), w->item.unit);
		FAIL(HANE_M_FB_F_UNIT);
	}
	return 0;
}

static int parse_row(struct imp *im, const struct hane_csv_record *rec,
		     struct row *w, char *why, size_t whysz)
{
	const char *v;
	int rc;

	memset(w, 0, sizeof *w);
	if ((rc = parse_where(im, rec, w, why, whysz)) != 0 ||
	    (rc = parse_item(im, rec, w, why, whysz)) != 0)
		return rc;
	v = cell(im, rec, F_VALUE);
	if (*v) {
		if (hane_money_parse(&w->value, v) != 0)
			FAIL(HANE_M_FB_F_VALUE);
		if (w->value < 0) {
			hane_error_set("%s", hane_msg(HANE_M_FB_NEGATIVE));
			FAIL(HANE_M_FB_F_VALUE);
		}
	}
	snprintf(w->donor, sizeof w->donor, "%s", cell(im, rec, F_DONOR));
	snprintf(w->notes, sizeof w->notes, "%s", cell(im, rec, F_NOTES));
	hane_text_trim(w->donor);
	hane_text_trim(w->notes);
	if (!hane_utf8_valid(w->donor, strlen(w->donor)) ||
	    !hane_utf8_valid(w->notes, strlen(w->notes))) {
		hane_error_set("%s", hane_strerror(HANE_EINVAL));
		FAIL(HANE_M_FB_F_NOTES);
	}
	return 0;
}
#undef FAIL

static int import_row(struct imp *im, const struct hane_csv_record *rec)
{
	char why[512];
	struct row w;
	int rc;

	im->c->rows++;
	if ((rc = parse_row(im, rec, &w, why, sizeof why)) != 0) {
		if (rc != HANE_EINVAL)
			return rc;
		return reject(im, rec, why);
	}
	if (im->kind == HANE_FB_IMPORT_SUPPLY) {
		struct hane_fb_supply s;

		memset(&s, 0, sizeof s);
		memcpy(s.date, w.date, sizeof s.date);
		s.market_id = w.market.id;
		s.branch_id = w.branch.id;
		memcpy(s.category, w.item.category, sizeof s.category);
		memcpy(s.unit, w.item.unit, sizeof s.unit);
		s.qty_milli = w.item.qty_milli;
		s.value_kurus = w.value;
		memcpy(s.notes, w.notes, sizeof s.notes);
		rc = hane_foodbank_supply(im->db, &s);
	} else {
		struct hane_fb_donation d;

		memset(&d, 0, sizeof d);
		memcpy(d.date, w.date, sizeof d.date);
		d.branch_id = w.branch.id;
		memcpy(d.donor_name, w.donor, sizeof d.donor_name);
		d.items[0] = w.item;
		d.nitems = 1;
		d.value_kurus = w.value;
		memcpy(d.notes, w.notes, sizeof d.notes);
		rc = hane_foodbank_donate(im->db, &d);
	}
	if (rc == 0)
		im->c->created++;
	return rc;
}

/* The first record: the header, mapped to the fields and kept for the
 * rejects file. */
static int read_header(struct imp *im)
{
	const struct hane_csv_record *rec;
	int rc = hane_csv_read(im->r, &rec);

	if (rc == HANE_DONE) {
		hane_error_set("%s", hane_msg(HANE_M_FB_IMP_NO_HEADER));
		return HANE_ECSV;
	}
	if (rc < 0)
		return rc;
	if ((rc = map_header(im, rec)))
		return rc;
	return hane_csv_record_copy(&im->header, rec);
}

/* The import's one audit row: what came in and what was refused. */
static int audit_import(hane_db *db, enum hane_fb_import_kind kind,
			const struct hane_import_counts *counts)
{
	char detail[128];
	bool supply = kind == HANE_FB_IMPORT_SUPPLY;

	snprintf(detail, sizeof detail,
		 "foodbank %s import: %lld new, %lld rejected",
		 supply ? "supply" : "donations", (long long)counts->created,
		 (long long)counts->rejected);
	return hane_store_audit_event(
		db, "import", supply ? "fb_supply" : "fb_donation", 0, detail);
}

int hane_foodbank_import(hane_db *db, enum hane_fb_import_kind kind,
			 const char *path, const char *default_branch,
			 const struct hane_import_opts *opts,
			 struct hane_import_counts *counts)
{
	static const struct hane_import_opts none;
	const struct hane_csv_record *rec;
	struct imp im;
	bool in_tx = false;
	int rc;

	memset(counts, 0, sizeof *counts);
	memset(&im, 0, sizeof im);
	im.db = db;
	im.kind = kind;
	im.o = opts ? opts : &none;
	im.c = counts;
	/* The household import's "import" permission belongs to the
	 * registry's unit; a food bank sheet is food bank work. */
	if ((rc = hane_can(db, HANE_ACT_FOODBANK_WRITE)) != 0)
		return rc;
	if (default_branch && *default_branch) {
		if ((rc = hane_foodbank_branch_find(db, default_branch,
						    &im.fallback)) != 0)
			return rc;
		im.has_fallback = true;
	}
	if ((rc = hane_csv_open(&im.r, path, &im.o->csv)) != 0)
		return rc;
	counts->size = hane_csv_size(im.r);
	if ((rc = read_header(&im)))
		goto done;
	if ((rc = hane_store_begin(db)))
		goto done;
	in_tx = true;
	while ((rc = hane_csv_read(im.r, &rec)) == HANE_ROW)
		if ((rc = import_row(&im, rec)))
			goto done;
	if (rc < 0)
		goto done;
	counts->offset = hane_csv_offset(im.r);
	counts->encoding = hane_csv_encoding(im.r);
	counts->delimiter = hane_csv_delimiter(im.r);
	if (im.o->dry_run) {
		hane_store_rollback(db);
		in_tx = false;
		rc = 0;
		goto done;
	}
	if ((rc = audit_import(db, kind, counts)))
		goto done;
	in_tx = false;
	rc = hane_store_commit(db);
done:
	if (in_tx) {
		char keep[1024];

		snprintf(keep, sizeof keep, "%s", hane_error_last());
		hane_store_rollback(db);
		hane_error_set("%s", keep);
	}
	{
		int rc2 = hane_csv_rejects_close(im.rej);

		if (!rc)
			rc = rc2;
		if (rc && im.rej)
			hane_file_remove(im.o->rejects, 0);
	}
	if (rc)
		counts->created = 0;
	hane_csv_close(im.r);
	hane_csv_record_free(&im.header);
	return rc;
}
