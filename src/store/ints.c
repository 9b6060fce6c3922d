/* One row of whole numbers: a count, an id and its version — the query a
 * model asks most often, read without a row function of its own. */
#include "hane/store.h"

struct ints {
	int64_t *out;
	size_t n;
};

static int ints_row(hane_stmt *st, void *arg)
{
	const struct ints *x = arg;

	for (size_t i = 0; i < x->n; i++)
		x->out[i] = hane_stmt_int(st, (int)i);
	return 0;
}

int hane_store_ints(hane_db *db, const char *sql, const struct hane_field *p,
		    size_t np, int64_t *out, size_t n)
{
	struct ints x = {out, n};

	return hane_store_first(db, sql, p, np, ints_row, &x);
}
