/* What every importer does with a file's header: match its column titles
 * and keep a copy of it for the rejects file. */
#include <stdio.h>
#include <stdlib.h>
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

void hane_csv_titles_list(char *out, size_t outsz,
			  const struct hane_csv_record *h)
{
	if (outsz)
		out[0] = '\0';
	for (size_t i = 0; i < h->nfields && outsz; i++) {
		size_t l = strlen(out);

		snprintf(out + l, outsz - l, "%s\"%s\"", i ? ", " : "",
			 h->fields[i]);
	}
}

void hane_csv_record_free(struct hane_csv_record *r)
{
	if (!r)
		return;
	for (size_t i = 0; r->fields && i < r->nfields; i++)
		free(r->fields[i]);
	free(r->fields);
	free((char *)r->raw);
	memset(r, 0, sizeof *r);
}

int hane_csv_record_copy(struct hane_csv_record *out,
			 const struct hane_csv_record *rec)
{
	char *raw;

	memset(out, 0, sizeof *out);
	out->fields = calloc(rec->nfields + 1, sizeof *out->fields);
	raw = malloc(rec->raw_len + 1);
	out->raw = raw;
	if (!out->fields || !raw)
		goto oom;
	for (; out->nfields < rec->nfields; out->nfields++)
		if (!(out->fields[out->nfields] =
			      strdup(rec->fields[out->nfields])))
			goto oom;
	memcpy(raw, rec->raw, rec->raw_len);
	raw[rec->raw_len] = '\0';
	out->raw_len = rec->raw_len;
	out->line = rec->line;
	return 0;
oom:
	hane_csv_record_free(out);
	return HANE_ENOMEM;
}
