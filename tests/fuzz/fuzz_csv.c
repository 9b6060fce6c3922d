/* libFuzzer target: the CSV reader (encoding and delimiter sniffing,
 * libcsv, record assembly, raw bytes kept for rejects) and the rejects
 * writer, which must reproduce whatever the reader accepted.
 *
 * The first input byte picks the options (forced encoding, forced
 * delimiter), the rest is the file. Invariants checked besides "no crash,
 * no leak, no UB": every field is valid UTF-8 without NUL inside, line
 * numbers never go back, raw bytes are non-empty and lie within the file,
 * the offset never passes the size. */
#include <stdbool.h>
#include <string.h>

#include "hane/core.h"
#include "hane/csvio.h"

#include "fuzz.h"

#ifndef HANE_FUZZ_ENTRY
#define HANE_FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int HANE_FUZZ_ENTRY(const uint8_t *data, size_t size);

/* Checks UTF-8 well-formedness by hand (no dependency on core's rules, so
 * a bug there cannot hide one here). */
static bool fuzz_utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int n = *p < 0x80	      ? 0
			: (*p & 0xe0) == 0xc0 ? 1
			: (*p & 0xf0) == 0xe0 ? 2
			: (*p & 0xf8) == 0xf0 ? 3
					      : -1;

		if (n < 0)
			return false;
		p++;
		while (n--) {
			if ((*p & 0xc0) != 0x80)
				return false;
			p++;
		}
	}
	return true;
}

int HANE_FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	static const char delims[] = {0, ',', ';', '\t'};
	struct hane_csv_opts o = {0};
	hane_csv_reader *r = NULL;
	hane_csv_rejects *j = NULL;
	const struct hane_csv_record *rec;
	const char *path;
	char rejects[600];
	long last_line = 0;
	int rc, n = 0;

	if (size < 1)
		return 0;
	o.encoding = (enum hane_csv_encoding)(data[0] % 3);
	o.delimiter = delims[(data[0] >> 2) % 4];
	path = hane_fuzz_file("csv", data + 1, size - 1);
	if (!path)
		return 0;
	snprintf(rejects, sizeof rejects, "%s.rej", path);
	if (hane_csv_open(&r, path, &o) != 0)
		goto done;
	while ((rc = hane_csv_read(r, &rec)) == HANE_ROW) {
		if (rec->line < last_line || rec->raw_len == 0 ||
		    rec->raw_len > size || rec->nfields == 0 ||
		    rec->nfields > HANE_CSV_FIELDS_MAX)
			abort();
		last_line = rec->line;
		for (size_t i = 0; i < rec->nfields; i++)
			if (!fuzz_utf8_ok(rec->fields[i]) ||
			    strlen(rec->fields[i]) > HANE_CSV_FIELD_MAX)
				abort();
		if (hane_csv_offset(r) > (int64_t)size)
			abort();
		/* The header opens the rejects file; every other row is
		 * rejected, so the writer sees every shape the reader
		 * accepts. */
		if (n++ == 0) {
			if (hane_csv_rejects_open(&j, rejects, r, rec,
						  "Neden") != 0)
				j = NULL;
		} else if (j && (n & 1)) {
			if (hane_csv_rejects_add(j, rec, "sınama ğüşıöç") != 0)
				break;
		}
		if (n > 100000)
			break;
	}
	(void)hane_csv_encoding(r);
	(void)hane_csv_delimiter(r);
	(void)hane_csv_had_bom(r);
done:
	hane_csv_rejects_close(j);
	hane_csv_close(r);
	unlink(rejects);
	unlink(path);
	return 0;
}
