/* Matching the column titles of a CSV file, as every importer does. */
#include <stdio.h>
#include <string.h>

#include "hane/core.h"
#include "hane/csvio.h"

void hane_csv_title_key(char *out, size_t outsz, const char *title)
{
	char *w;

	hane_text_fold(out, outsz, title);
	for (w = out; *out; out++)
		if (*out != ' ')
			*w++ = *out;
	*w = '\0';
}

int hane_csv_title_find(const char *title, const char *const *titles, int n)
{
	char key[128], cand[128], one[128];

	hane_csv_title_key(key, sizeof key, title);
	if (!key[0])
		return -1;
	for (int f = 0; f < n; f++) {
		const char *t = titles[f];

		while (t && *t) {
			const char *bar = strchr(t, '|');
			size_t len = bar ? (size_t)(bar - t) : strlen(t);

			snprintf(one, sizeof one, "%.*s", (int)len, t);
			hane_csv_title_key(cand, sizeof cand, one);
			if (strcmp(cand, key) == 0)
				return f;
			t += len + (bar ? 1 : 0);
		}
	}
	return -1;
}
