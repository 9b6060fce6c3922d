/* Small helpers of the overview: civil dates and one-number queries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/i18n.h"
#include "units/overview/overview_int.h"

void ov_date_add(char out[HANE_DATE_LEN + 1], const char *iso, int n)
{
	int64_t d = hane_date_day(iso);

	if (d == HANE_DAY_NONE) {
		out[0] = '\0';
		return;
	}
	hane_date_iso(out, d + n);
}

/* The figures sum with total() (a double, which cannot fail the way
 * sum() stops at "integer overflow") and the result is taken back only
 * while a double holds it exactly (2^53 kuruş, some 90 trillion lira):
 * amounts are bounded (HANE_MONEY_MAX), so only a row written before that
 * rule or with the sqlite3 tool gets there, and then the figure is an
 * error naming it, never a wrapped or clamped number. */
#define EXACT "9007199254740992.0"

int ov_query_int(hane_db *db, const char *sql, const char *const *names,
		 const char *const *values, int n, int64_t *out)
{
	static const char head[] =
		"SELECT typeof(v) = 'real' AND NOT abs(v) < " EXACT ","
		" CASE WHEN typeof(v) = 'real' THEN CAST(v AS INTEGER) ELSE v "
		"END"
		" FROM (SELECT (";
	static const char tail[] = ") AS v)";
	hane_stmt *st = NULL;
	char *full;
	size_t len = strlen(sql);
	int rc;

	*out = 0;
	if (!(full = malloc(sizeof head + len + sizeof tail)))
		return HANE_ENOMEM;
	memcpy(full, head, sizeof head - 1);
	memcpy(full + sizeof head - 1, sql, len);
	memcpy(full + sizeof head - 1 + len, tail, sizeof tail);
	rc = hane_stmt_prepare(db, &st, full);
	free(full);
	if (rc)
		return rc;
	for (int i = 0; i < n; i++) {
		if (!hane_stmt_has_param(st, names[i]))
			continue;
		if ((rc = hane_stmt_bind_text(st, names[i], values[i])) != 0)
			goto done;
	}
	rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		if (hane_stmt_int(st, 0)) {
			hane_error_set("%s", hane_msg(HANE_M_OV_SUM_RANGE));
			rc = HANE_EINVAL;
			goto done;
		}
		*out = hane_stmt_int(st, 1);
		rc = 0;
	}
done:
	hane_stmt_finalize(st);
	return rc < 0 ? rc : 0;
}
