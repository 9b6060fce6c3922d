/* Appending to a growing array: the grow, the out-of-memory answer and
 * the copy that every list a walk collects wrote around hane_grow. */
#include "hane/core.h"

#include <string.h>

void *hane_push(void *v, size_t *cap, size_t *n, const void *item, size_t elem,
		size_t first)
{
	void *a, *g;

	/* v is a T **: its pointer is read and written by memcpy, not
	 * through a void ** (another type). */
	memcpy(&a, v, sizeof a);
	if (!(g = hane_grow(a, cap, *n, elem, first)))
		return NULL;
	memcpy(v, &g, sizeof g);
	a = (char *)g + *n * elem;
	if (item)
		memcpy(a, item, elem);
	else
		memset(a, 0, elem);
	++*n;
	return a;
}
