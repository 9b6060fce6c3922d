/* The kitchen's daily sheets from CSV: one row per date × channel × item
 * with its count, as the kitchen's clerks keep them in Excel.
 *
 * file → csvio reader → this mapping (header → fields, text → values) →
 * kt_cell_set inside the import's one transaction. Every check that can
 * reject a row runs here before the cell is written (a failure inside the
 * write would doom the transaction), so a row is rejected naming its line
 * and field and the rest go in.
 */
#include <stdlib.h>
#include <string.h>

#include "kitchen_int.h"

enum field { F_DATE, F_CHANNEL, F_ITEM, F_COUNT, F__COUNT };

/* Column titles each field is known by, compared folded without spaces. */
static const struct hane_csv_import_field fields[F__COUNT] = {
	[F_DATE] = {.titles = "Tarih|Gün|Date|Day"},
	[F_CHANNEL] = {.titles = "Kanal|İkram|Hizmet|Channel"},
	[F_ITEM] = {.titles = "Kalem|Ürün|Yemek|Item"},
	[F_COUNT] = {.titles = "Adet|Sayı|Miktar|Porsiyon|Count|Quantity"},
};

static const struct hane_csv_import_spec spec = {
	.fields = fields,
	.nfields = F__COUNT,
	.rejects_column = HANE_M_IMP_REJECTS_COLUMN,
	.audit = {"kitchen_tally", "kitchen tally", "cells"},
};

struct imp {
	hane_db *db;
	struct hane_import_counts *c;
	struct hane_csv_import ci;
};

static int map_header(void *arg)
{
	struct imp *im = arg;

	hane_csv_import_map(&im->ci, NULL, NULL);
	for (int f = 0; f < F__COUNT; f++)
		if (im->ci.col[f] < 0) {
			char first[64];

			return hane_csv_import_missing(
				&im->ci, HANE_M_KT_IMP_MISSING,
				hane_csv_import_title(&im->ci, f, first,
						      sizeof first));
		}
	return 0;
}

/* A refusal of the row: "Field: why" into why, and HANE_EINVAL. */
static int fail(char *why, size_t whysz, enum hane_msg field)
{
	char keep[400];

	HANE_COPY(keep, hane_error_last());
	snprintf(why, whysz, "%s: %s", hane_msg(field), keep);
	return HANE_EINVAL;
}

struct row {
	char date[HANE_DATE_LEN + 1];
	struct hane_kitchen_channel ch;
	struct hane_kitchen_item it;
	int64_t count;
};

static int parse_row(struct imp *im, const struct hane_csv_record *rec,
		     struct row *w, char *why, size_t whysz)
{
	const char *v[F__COUNT];
	char *end;
	int rc;

	if ((rc = hane_csv_import_cells(&im->ci, rec, v, why, whysz)) != 0)
		return rc;
	if (kt_date(w->date, v[F_DATE]) != 0) {
		snprintf(why, whysz, "%s", hane_error_last());
		return HANE_EINVAL;
	}
	if ((rc = hane_kitchen_channel_find(im->db, v[F_CHANNEL], &w->ch))) {
		if (rc != HANE_ENOTFOUND && rc != HANE_EINVAL)
			return rc;
		return fail(why, whysz, HANE_M_KT_F_CHANNEL);
	}
	if ((rc = hane_kitchen_item_find(im->db, v[F_ITEM], &w->it))) {
		if (rc != HANE_ENOTFOUND && rc != HANE_EINVAL)
			return rc;
		return fail(why, whysz, HANE_M_KT_F_ITEM);
	}
	{
		/* "1.250" as Excel writes thousands in Turkish. */
		char digits[32];
		size_t n = 0;

		for (const char *p = v[F_COUNT]; *p && n + 1 < sizeof digits;
		     p++)
			if (*p != '.' && *p != ' ')
				digits[n++] = *p;
		digits[n] = '\0';
		w->count = n ? strtoll(digits, &end, 10) : -1;
		if (!n || *end || w->count < 0) {
			hane_error_set(hane_msg(HANE_M_KT_BAD_COUNT),
				       v[F_COUNT]);
			return fail(why, whysz, HANE_M_KT_F_COUNT);
		}
	}
	return 0;
}

static int import_row(const struct hane_csv_record *rec, void *arg)
{
	struct imp *im = arg;
	char why[512];
	struct row w;
	int rc, written = 0;

	memset(&w, 0, sizeof w);
	if ((rc = parse_row(im, rec, &w, why, sizeof why)) != 0) {
		if (rc != HANE_EINVAL)
			return rc;
		return hane_csv_import_reject(&im->ci, rec, why);
	}
	rc = kt_cell_set(im->db, w.date, w.ch.id, w.it.id, w.count, -1, NULL,
			 &written);
	if (rc == 0 && written)
		im->c->created++;
	else if (rc == 0)
		im->c->unchanged++;
	return rc;
}

int hane_kitchen_import(hane_db *db, const char *path,
			const struct hane_import_opts *opts,
			struct hane_import_counts *counts)
{
	static const struct hane_csv_import_steps steps = {map_header,
							   import_row};
	struct imp im;
	int rc;

	memset(&im, 0, sizeof im);
	opts = hane_import_start(&im.ci, &spec, opts, counts);
	im.db = db;
	im.c = counts;
	if ((rc = hane_can(db, HANE_ACT_KITCHEN_WRITE)) != 0)
		return rc;
	return hane_csv_import_file(&im.ci, db, path, &opts->csv, &steps, &im);
}
