/* The registry of stored records (hane/record.h): the units' descriptors
 * (records.def), the tables whose unit has not moved onto the descriptor
 * yet, described here by the columns retention and merge need, and those
 * a test registers at run time. */
#include <string.h>

#include "hane/record.h"

#define X(sym) extern const struct hane_rdef sym;
#include "units/records.def"
#undef X

/* Free text that can name or place a person (retention blanks it to
 * "***" when the person goes) and references to a person (merge moves
 * them; retention counts their rows as service). Move each to its unit's
 * header when the unit moves onto the descriptor. */
#define P HANE_FF_PERSONAL
#define T HANE_FT_TEXT
static const struct hane_fdef inspection_request[] = {
	HANE_FDEF_COL(referrer, T, P) HANE_FDEF_COL(reason_text, T, P)
		HANE_FDEF_COL(cancel_reason, T, P)};
static const struct hane_fdef inspection_visit[] = {
	HANE_FDEF_COL(present, T, P) HANE_FDEF_COL(health, T, P)
		HANE_FDEF_COL(disability, T, P) HANE_FDEF_COL(findings, T, P)
			HANE_FDEF_COL(note, T, P)};
static const struct hane_fdef inspection_decision[] = {
	HANE_FDEF_COL(reason, T, P)};
#undef P
#undef T

static const struct hane_rdef columns_only[] = {
	HANE_RDEF_COLS("inspection_request", "inspection", inspection_request),
	HANE_RDEF_COLS("inspection_visit", "inspection", inspection_visit),
	HANE_RDEF_COLS("inspection_decision", "inspection",
		       inspection_decision),
};

static const struct hane_rdef *const units[] = {
#define X(sym) &sym,
#include "units/records.def"
#undef X
};

#define NUNITS (sizeof units / sizeof units[0])
#define NCOLS (sizeof columns_only / sizeof columns_only[0])
#define EXTRA_MAX 16

static const struct hane_rdef *extra[EXTRA_MAX];
static size_t nextra;

const struct hane_rdef *hane_record_def(size_t i)
{
	if (i < NUNITS)
		return units[i];
	i -= NUNITS;
	if (i < NCOLS)
		return &columns_only[i];
	i -= NCOLS;
	return i < nextra ? extra[i] : NULL;
}

int hane_record_register(const struct hane_rdef *def)
{
	for (size_t i = 0; i < nextra; i++)
		if (extra[i] == def)
			return 0;
	if (nextra == EXTRA_MAX)
		return HANE_ENOMEM;
	extra[nextra++] = def;
	return 0;
}

const struct hane_rdef *hane_record_by_table(const char *table)
{
	const struct hane_rdef *d;

	for (size_t i = 0; (d = hane_record_def(i)); i++)
		if (strcmp(d->table, table) == 0)
			return d;
	return NULL;
}
