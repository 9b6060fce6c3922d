/* The registry of stored records (hane/record.h): the units' descriptors
 * (records.def) — every unit's stored records are on field tables now —
 * and those a test registers at run time. */
#include <string.h>

#include "hane/record.h"

#define X(sym) extern const struct hane_rdef sym;
#include "units/records.def"
#undef X

static const struct hane_rdef *const units[] = {
#define X(sym) &sym,
#include "units/records.def"
#undef X
};

#define NUNITS (sizeof units / sizeof units[0])
#define EXTRA_MAX 16

static const struct hane_rdef *extra[EXTRA_MAX];
static size_t nextra;

const struct hane_rdef *hane_record_def(size_t i)
{
	if (i < NUNITS)
		return units[i];
	i -= NUNITS;
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
