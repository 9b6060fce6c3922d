/* Shared inside the kitchen unit. Not public. */
#ifndef HANE_KITCHEN_INT_H
#define HANE_KITCHEN_INT_H

#include "hane/i18n.h"
#include "hane/kitchen.h"
#include "hane/perm.h"
#include "hane/record.h"

/* Sets the cell (date, channel, item) to count without a permission
 * check, inside the caller's transaction: inserted, updated when the
 * count differs (version checked against expect_version unless it is
 * -1), left alone otherwise. *replaced (may be NULL): the count that was
 * there, -1 when none. *written (may be NULL): 1 when a row changed. */
int kt_cell_set(hane_db *db, const char *date, int64_t channel_id,
		int64_t item_id, int64_t count, int64_t expect_version,
		int64_t *replaced, int *written);

/* A tally date: ISO from any form staff type, not after today, into
 * out; HANE_EINVAL naming the field otherwise. */
int kt_date(char out[HANE_DATE_LEN + 1], const char *s);

#endif
