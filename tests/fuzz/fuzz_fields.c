/* libFuzzer target: the field parsers every import row goes through —
 * dates, money, phone numbers, TC Kimlik No, Turkish case folding and
 * column widths, Windows-1254 conversion and the CSV guard.
 *
 * Invariants besides "no crash, no UB": what a parser accepts it writes
 * in canonical form that it accepts again unchanged (idempotence); the
 * 1254 round trip returns the same bytes; folding never overruns. */
#include <stdbool.h>
#include <string.h>

#include "hane/core.h"
#include "hane/csvio.h"

#include "fuzz.h"

#ifndef HANE_FUZZ_ENTRY
#define HANE_FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int HANE_FUZZ_ENTRY(const uint8_t *data, size_t size);

int HANE_FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	char date[HANE_DATE_LEN + 1], date2[HANE_DATE_LEN + 1];
	char phone[HANE_PHONE_LEN + 1], phone2[HANE_PHONE_LEN + 1];
	char fold[64], out[256];
	int64_t k, k2;
	char *u = NULL;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	if (hane_date_parse(date, s) == 0) {
		if (hane_date_parse(date2, date) != 0 || strcmp(date, date2))
			abort();
		hane_date_format(out, date);
	}
	if (hane_money_parse(&k, s) == 0) {
		hane_money_format(out, sizeof out, k, false);
		if (hane_money_parse(&k2, out) != 0 || k2 != k)
			abort();
	}
	if (hane_phone_normalize(phone, s) == 0) {
		if (hane_phone_normalize(phone2, phone) != 0 ||
		    strcmp(phone, phone2))
			abort();
		hane_phone_format(out, sizeof out, phone, true);
	}
	(void)hane_tckn_valid(s);
	if (hane_text_fold(fold, sizeof fold, s) >= sizeof fold)
		if (strlen(fold) >= sizeof fold)
			abort();
	(void)hane_text_width(s);
	if (hane_text_fit(s, 20) > size)
		abort();
	hane_text_truncate(out, sizeof out, s, 12);
	free(hane_text_lower(s));
	free(hane_text_upper(s));

	/* Bytes 1254 defines convert both ways without loss. */
	if (!memchr(data, 0, size) && hane_csv_from_1254(&u, s, size) == 0) {
		char *back = hane_csv_to_1254(u);

		if (back && strcmp(back, s) != 0)
			abort();
		free(back);
		free(u);
	}
	hane_csv_unguard(s);
	free(s);
	return 0;
}
