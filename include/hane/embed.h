/* hane/embed.h — data files built into the binary (cmake/embed.cmake).
 *
 * Each table ends with {NULL, NULL}; entries are sorted by file name.
 * The texts are static and NUL-terminated.
 */
#ifndef HANE_EMBED_H
#define HANE_EMBED_H

struct hane_embedded {
	const char *name;
	const char *text;
};

/* data/schema/NNN_name.sql, applied in order by the store. */
extern const struct hane_embedded hane_embedded_schema[];
/* data/reports/NAME.sql, the report definitions. */
extern const struct hane_embedded hane_embedded_reports[];
/* data/reference/NAME.txt (mahalleler, branches, …). */
extern const struct hane_embedded hane_embedded_reference[];

/* The entry named name, or NULL. */
const struct hane_embedded *hane_embedded_find(
	const struct hane_embedded *table, const char *name);

#endif
