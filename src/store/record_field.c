/* A record's field by its column (hane/record.h): what a caller needs to
 * ask the field table about one member (its personal-data kind, its
 * label) without walking the table itself. */
#include <string.h>

#include "hane/error.h"
#include "hane/record.h"

const struct hane_fdef *hane_record_field(const struct hane_rdef *def,
					  const char *column)
{
	for (size_t i = 0; i < def->nfields; i++)
		if (strcmp(def->fields[i].column, column) == 0)
			return &def->fields[i];
	hane_die("%s has no field %s", def->table, column);
}
