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
static const struct hane_csv_import_field fields[F__COUNT] = {
	[F_DATE] = {.titles = "Tarih|Teslim Tarihi|Bağış Tarihi|Date"},
	[F_MARKET] = {.titles = "Market|Tedarikçi|Firma|Market Adı|Supplier"},
	[F_BRANCH] = {.titles = "Şube|Teslim Şubesi|Şube Adı|Branch"},
	[F_DONOR] = {.titles = "Bağışçı|Bağışçı Adı|Bağış Yapan|Donör|Donor"},
	[F_CATEGORY] = {.titles = "Kategori|Ürün Grubu|Ürün|Tür|Category"},
	[F_QTY] = {.titles = "Miktar|Ağırlık|Ağırlık (kg)|Adet|Quantity|"
			     "Weight"},
	[F_UNIT] = {.titles = "Birim|Unit"},
	[F_VALUE] = {.titles = "Tutar|Tutar (TL)|Değer|Değer (TL)|"
			       "Tahmini Değer|Value|Amount"},
	[F_NOTES] = {.titles = "Not|Notlar|Açıklama|Notes"},
};

/* By kind: the audit event names the sheet. */
static const struct hane_csv_import_spec specs[] = {
	[HANE_FB_IMPORT_SUPPLY] = {.fields = fields,
				   .nfields = F__COUNT,
				   .rejects_column = HANE_M_IMP_REJECTS_COLUMN,
				   .audit = {"fb_supply", "foodbank supply",
					     "new"}},
	[HANE_FB_IMPORT_DONATIONS] = {.fields = fields,
				      .nfields = F__COUNT,
				      .rejects_column =
					      HANE_M_IMP_REJECTS_COLUMN,
				      .audit = {"fb_donation",
						"foodbank donations", "new"}},
};

struct imp {
	hane_db *db;
	enum hane_fb_import_kind kind;
	struct hane_import_counts *c;
	struct hane_csv_import ci;
	struct hane_fb_branch fallback;
	bool has_fallback;
};

/* A donation list has no market: its column is passed over in silence. */
static int lookup(const char *title, size_t column, void *arg)
{
	const struct imp *im = arg;
	int f = hane_csv_title_find(title, im->ci.titles, F__COUNT);

	(void)column;
	return im->kind == HANE_FB_IMPORT_DONATIONS && f == F_MARKET ? -2 : f;
}

static int map_header(void *arg)
{
	struct imp *im = arg;
	static const enum field need_supply[] = {F_DATE, F_MARKET, F_CATEGORY,
						 F_QTY};
	static const enum field need_donation[] = {F_DATE, F_CATEGORY, F_QTY};
	const enum field *need;
	size_t nneed;

	hane_csv_import_map(&im->ci, lookup, im);
	if (im->kind == HANE_FB_IMPORT_SUPPLY) {
		need = need_supply;
		nneed = sizeof need_supply / sizeof need_supply[0];
	} else {
		need = need_donation;
		nneed = sizeof need_donation / sizeof need_donation[0];
	}
	for (size_t i = 0; i < nneed; i++) {
		if (im->ci.col[need[i]] < 0) {
			char first[64];

			hane_error_set(hane_msg(HANE_M_FB_IMP_MISSING),
				       hane_csv_import_title(&im->ci, need[i],
							     first,
							     sizeof first));
			return HANE_EINVAL;
		}
	}
	if (im->ci.col[F_BRANCH] < 0 && !im->has_fallback) {
		hane_error_set(hane_msg(HANE_M_FB_IMP_MISSING), "Şube");
		return HANE_EINVAL;
	}
	return 0;
}

static const char *cell(const struct imp *im, const struct hane_csv_record *rec,
			enum field f)
{
	return hane_csv_import_cell(&im->ci, rec, f);
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

static int import_row(const struct hane_csv_record *rec, void *arg)
{
	struct imp *im = arg;
	char why[512];
	struct row w;
	int rc;

	if ((rc = parse_row(im, rec, &w, why, sizeof why)) != 0) {
		if (rc != HANE_EINVAL)
			return rc;
		return hane_csv_import_reject(&im->ci, rec, why);
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

int hane_foodbank_import(hane_db *db, enum hane_fb_import_kind kind,
			 const char *path, const char *default_branch,
			 const struct hane_import_opts *opts,
			 struct hane_import_counts *counts)
{
	static const struct hane_csv_import_steps steps = {map_header,
							   import_row};
	struct imp im;
	int rc;

	memset(&im, 0, sizeof im);
	opts = hane_import_start(&im.ci, &specs[kind], opts, counts);
	im.db = db;
	im.kind = kind;
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
	return hane_csv_import_file(&im.ci, db, path, &opts->csv, &steps, &im);
}
