/* Private to the household unit. */
#ifndef HANE_HOUSEHOLDS_INT_H
#define HANE_HOUSEHOLDS_INT_H

#include <stdint.h>

#include "hane/households.h"

/* hane_person_validate with today's date given ("YYYY-MM-DD"): the bulk
 * writer and the import check a million rows against one date. */
int hh_person_validate(const struct hane_person *p, const char *today);

/* Folded "first last" (the duplicate and search key). */
void hh_name_key(char out[2 * HANE_NAME_MAX], const char *first,
		 const char *last);

/* National digits of an E.164 number into out; NULL for "". */
const char *hh_phone_key(char out[16], const char *e164);

/* Rewrites person_word rows of a person from its name key. */
int hh_index_words(hane_db *db, int64_t person_id, const char *name_key);

#endif
