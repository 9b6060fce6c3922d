/* Private to the overview. */
#ifndef HANE_OVERVIEW_INT_H
#define HANE_OVERVIEW_INT_H

#include <stdint.h>

#include "hane/overview.h"

/* iso plus n days into out ("" when iso is not a date). */
void ov_date_add(char out[HANE_DATE_LEN + 1], const char *iso, int n);

/* Runs sql, binding the text parameters names[i] = values[i] (those the
 * statement has: a name it lacks is skipped), and returns the first
 * column of the first row in *out (0 when NULL or no row). */
int ov_query_int(hane_db *db, const char *sql, const char *const *names,
		 const char *const *values, int n, int64_t *out);

#endif
