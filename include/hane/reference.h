/* hane/reference.h — the reference lists the office keeps in the
 * database: mahalleler with their aliases, Kocaeli's other districts,
 * and one holiday list for every unit.
 *
 * Seeded from data/reference by migration 013; from then on changed only
 * by administrators (reference.admin), every change audited. Reading a
 * list needs household.read. Matching what staff type to a mahalle is
 * hane_mahalle_match() (hane/households.h), which reads the same table.
 *
 * Holidays: the fixed national ones (1 Ocak, 23 Nisan, 1 Mayıs, 19 Mayıs,
 * 15 Temmuz, 30 Ağustos, 29 Ekim; the 28 Ekim afternoon) are known for
 * every year without a row. The religious ones (Ramazan and Kurban
 * Bayramı with their arife afternoons), which move every year, and any
 * other declared day are rows an administrator enters. A year counts as
 * entered once any of its days is in the table.
 */
#ifndef HANE_REFERENCE_H
#define HANE_REFERENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/households.h" /* HANE_NAME_MAX */
#include "hane/store.h"

/* ---- Mahalleler ------------------------------------------------------- */

struct hane_mahalle {
	int64_t id;
	int64_t version;
	char name[HANE_NAME_MAX];
	char aliases[512];  /* "Kulmahmut, Eski Ad" */
	int64_t households; /* households recorded in it */
};

/* Calls fn for every mahalle (households, aliases filled), in Turkish
 * alphabetical order; stops at fn's first non-zero, which it returns. */
int hane_mahalle_list(hane_db *db,
		      int (*fn)(const struct hane_mahalle *m, void *arg),
		      void *arg) HANE_WARN_UNUSED;
/* Adds a mahalle (trimmed; refused when it or an alias already matches
 * the same folded name). *id may be NULL. */
int hane_mahalle_add(hane_db *db, const char *name,
		     int64_t *id) HANE_WARN_UNUSED;
/* Makes alias another name for the mahalle name matches. */
int hane_mahalle_alias(hane_db *db, const char *alias,
		       const char *name) HANE_WARN_UNUSED;
/* Renames the mahalle old matches to new_name; every household recorded
 * in it (and home care's travel times) follows, each change audited, and
 * the old name stays as an alias so old files still import. *households
 * (may be NULL) gets how many households moved. One transaction. */
int hane_mahalle_rename(hane_db *db, const char *old, const char *new_name,
			int64_t *households) HANE_WARN_UNUSED;

/* ---- Districts ---------------------------------------------------------- */

/* Calls fn for every district outside İzmit, in name order. */
int hane_district_list(hane_db *db, int (*fn)(const char *name, void *arg),
		       void *arg) HANE_WARN_UNUSED;

struct hane_district {
	int64_t id, version;
	char name[HANE_NAME_MAX];
	int64_t households; /* households recorded in it */
};

/* Calls fn for every district with its households, in Turkish
 * alphabetical order (d is borrowed for the call). */
int hane_district_each(hane_db *db,
		       int (*fn)(const struct hane_district *d, void *arg),
		       void *arg) HANE_WARN_UNUSED;
/* Adds a district (trimmed; refused when it matches a mahalle, an alias
 * or a district already there, folded). Needs reference.admin; audited.
 * *id may be NULL. */
int hane_district_add(hane_db *db, const char *name,
		      int64_t *id) HANE_WARN_UNUSED;
/* Renames the district old names (folded) to new_name; every household
 * recorded in it follows, each change audited. *households (may be NULL)
 * gets how many moved. One transaction. */
int hane_district_rename(hane_db *db, const char *old, const char *new_name,
			 int64_t *households) HANE_WARN_UNUSED;

/* ---- Holidays ------------------------------------------------------------ */

enum hane_holiday_kind {
	HANE_HOLIDAY_NONE = 0,
	HANE_HOLIDAY_HALF = 1, /* the afternoon off: offices close at 13:00 */
	HANE_HOLIDAY_FULL = 2,
};

struct hane_holiday {
	char day[HANE_DATE_LEN + 1]; /* ISO */
	char name[160];
	enum hane_holiday_kind kind;
	bool fixed; /* a fixed national holiday (no row; cannot be removed) */
	int64_t id; /* the row, 0 for a fixed one */
	int64_t version;
};

/* What day (ISO) is: *out filled (kind NONE and an empty name on a
 * working day; weekends are not holidays here). A row and a fixed holiday
 * on one day: the row's name, the longer kind. No permission check: the
 * units' rules read it. */
int hane_holiday_get(hane_db *db, const char *day,
		     struct hane_holiday *out) HANE_WARN_UNUSED;
/* The kind of every day from..to (ISO, at most 3660 days) into
 * kinds[0..n) (enum hane_holiday_kind values). */
int hane_holiday_fill(hane_db *db, const char *from, const char *to,
		      unsigned char *kinds, size_t n) HANE_WARN_UNUSED;
/* Calls fn for each holiday of year (fixed and entered, in date order).
 * Needs household.read. */
int hane_holiday_list(hane_db *db, int year,
		      int (*fn)(const struct hane_holiday *h, void *arg),
		      void *arg) HANE_WARN_UNUSED;
/* Enters a day off (date in any form core reads; half: the afternoon).
 * HANE_EEXIST when the day already has a row. reference.admin. */
int hane_holiday_add(hane_db *db, const char *day, const char *name,
		     bool half) HANE_WARN_UNUSED;
/* Removes an entered day; a fixed national holiday cannot be removed
 * (HANE_EINVAL), a day without a row is HANE_ENOTFOUND. reference.admin. */
int hane_holiday_remove(hane_db *db, const char *day) HANE_WARN_UNUSED;
/* Whether any day of year is entered (its religious holidays are in). */
int hane_holiday_year_entered(hane_db *db, int year,
			      bool *out) HANE_WARN_UNUSED;
/* The years (", "-separated, e.g. "2028") from..to (ISO; either may be
 * NULL) or the next 120 days from today reach whose religious holidays
 * are not entered; "" when none. */
int hane_holiday_unentered(hane_db *db, const char *from, const char *to,
			   char *years, size_t yearssz) HANE_WARN_UNUSED;
/* The warning to show when a year whose religious holidays are not
 * entered falls in from..to (ISO; either may be NULL) or in the next 120
 * days from today: "2028 yılının dinî bayramları girilmedi…", in the
 * current language, into out (empty when there is nothing to say). */
int hane_holiday_warning(hane_db *db, const char *from, const char *to,
			 char *out, size_t outsz) HANE_WARN_UNUSED;
/* A holiday's kind and source in words, as every list shows them (the
 * console's Tatiller and `hane holiday list`): "tam gün"/"yarım gün",
 * "sabit"/"girilen". */
const char *hane_holiday_kind_text(const struct hane_holiday *h);
const char *hane_holiday_source_text(const struct hane_holiday *h);

#endif
