/* Lookup in the tables of embedded data files. */
#include <string.h>

#include "hane/embed.h"

const struct hane_embedded *hane_embedded_find(
	const struct hane_embedded *table, const char *name)
{
	for (; table->name; table++)
		if (strcmp(table->name, name) == 0)
			return table;
	return NULL;
}
