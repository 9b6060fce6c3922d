/* Private to the overview. */
#ifndef HANE_OVERVIEW_INT_H
#define HANE_OVERVIEW_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "hane/overview.h"

/* iso plus n days into out ("" when iso is not a date). */
void ov_date_add(char out[HANE_DATE_LEN + 1], const char *iso, int n);

/* Runs sql, binding the text parameters names[i] = values[i] (those the
 * statement has: a name it lacks is skipped), and returns the first
 * column of the first row in *out (0 when NULL or no row). */
int ov_query_int(hane_db *db, const char *sql, const char *const *names,
		 const char *const *values, int n, int64_t *out);

/* The annual report's figures: how many, and figure i as
 * hane_overview_annual gives it (value 0). */
size_t ov_annual_nfigures(void);
struct hane_ov_figure ov_annual_figure(size_t i);

/* The published summary of year with the figures' values v (in the
 * order of ov_annual_figure) in the current language: the title, then a
 * paragraph a unit, the directorate's last; with sql each is followed by
 * its queries. own false writes every unit by the generic sentence (as a
 * unit without its own is written). */
void ov_annual_text_write(FILE *fp, int year, const int64_t *v, bool sql,
			  bool own);

#endif
