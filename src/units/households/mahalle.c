/* The reference list of İzmit mahalleler (data/reference, embedded).
 *
 * Kept in memory, folded once: matching what staff type ("gundogdu",
 * "GÜNDOĞDU", "Gündoğdu Mah.") against ~100 names needs no SQL.
 */
#include <stdlib.h>
#include <string.h>

#include "hane/embed.h"
#include "hane/households.h"
#include "hane/i18n.h"

#define MAX_MAHALLE 256

static struct {
	char name[HANE_NAME_MAX];
	char key[HANE_NAME_MAX];
} list[MAX_MAHALLE];
static int count = -1;
static int by_key[MAX_MAHALLE]; /* list indexes in key order */

static int key_order(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int c = strcmp(list[x].key, list[y].key);

	return c ? c : x - y;
}

static void load(void)
{
	const struct hane_embedded *e;
	const char *p;

	if (count >= 0)
		return;
	count = 0;
	e = hane_embedded_find(hane_embedded_reference, "izmit-mahalleler.txt");
	if (!e)
		hane_die("the mahalle list is not built in");
	for (p = e->text; *p && count < MAX_MAHALLE;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len && p[len - 1] == '\r')
			len--;
		if (len > 0 && len < HANE_NAME_MAX) {
			memcpy(list[count].name, p, len);
			list[count].name[len] = '\0';
			hane_text_fold(list[count].key, HANE_NAME_MAX,
				       list[count].name);
			count++;
		}
		p = end ? end + 1 : p + len;
	}
	for (int i = 0; i < count; i++)
		by_key[i] = i;
	qsort(by_key, (size_t)count, sizeof *by_key, key_order);
}

/* The first name in list order whose key is key, or -1: a binary search,
 * since an import asks a million times. */
static int find_key(const char *key)
{
	int lo = 0, hi = count;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (strcmp(list[by_key[mid]].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < count && strcmp(list[by_key[lo]].key, key) == 0 ? by_key[lo]
								    : -1;
}

/* Drops a trailing "mah", "mahallesi", "mh" that staff often write. */
static void strip_suffix(char *key)
{
	static const char *const suffixes[] = {" mahallesi", " mahalle",
					       " mah", " mh"};
	size_t n = strlen(key);

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t s = strlen(suffixes[i]);

		if (n > s && strcmp(key + n - s, suffixes[i]) == 0) {
			key[n - s] = '\0';
			return;
		}
	}
}

int hane_mahalle_match(hane_db *db, char out[HANE_NAME_MAX], const char *text)
{
	char key[HANE_NAME_MAX], hint[3 * HANE_NAME_MAX] = "";
	int prefix_hit = -1, prefix_count = 0, hints = 0, exact;

	(void)db;
	load();
	hane_text_fold(key, sizeof key, text);
	strip_suffix(key);
	if ((exact = find_key(key)) >= 0) {
		strcpy(out, list[exact].name);
		return 0;
	}
	for (int i = 0; i < count; i++) {
		if (key[0] && strncmp(list[i].key, key, strlen(key)) == 0) {
			prefix_hit = i;
			prefix_count++;
		}
	}
	if (prefix_count == 1) {
		strcpy(out, list[prefix_hit].name);
		return 0;
	}
	/* Suggest names sharing the first three letters. */
	for (int i = 0; i < count && hints < 3 && strlen(key) >= 3; i++) {
		if (strncmp(list[i].key, key, 3) == 0) {
			if (hints++)
				strcat(hint, ", ");
			strcat(hint, list[i].name);
		}
	}
	if (hints)
		hane_error_set(hane_msg(HANE_M_MAHALLE_SUGGEST), text, hint);
	else
		hane_error_set(hane_msg(HANE_M_MAHALLE_UNKNOWN), text);
	out[0] = '\0';
	return HANE_ENOTFOUND;
}

int hane_mahalle_each(hane_db *db, int (*fn)(const char *name, void *arg),
		      void *arg)
{
	(void)db;
	load();
	for (int i = 0; i < count; i++) {
		int rc = fn(list[i].name, arg);

		if (rc)
			return rc;
	}
	return 0;
}
