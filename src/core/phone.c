/* Turkish phone numbers, kept as E.164 "+90XXXXXXXXXX".
 *
 * Accepted national numbers (10 digits after the trunk 0):
 *   5xx        mobile;
 *   2xx-4xx    landlines with their area code (262 is İzmit);
 *   850        the nationwide non-geographic numbers associations and
 *              companies give out, which people do call back.
 * Refused: 800 (toll-free, cannot be called from every line) and 900
 * (premium), the 7-digit "444 x xxx" call-centre numbers, local numbers
 * written without an area code (guessing 262 would store a wrong number
 * for anyone outside İzmit), foreign numbers and anything with letters.
 * The usual writings are read: spaces, dashes, dots, slashes and
 * parentheses are ignored; the number may start with +90, 0090, 90 or 0.
 */
#include "hane/core.h"

#include <stdio.h>
#include <string.h>

#include "hane/i18n.h"

static int invalid(void)
{
	hane_error_set("%s", hane_msg(HANE_M_PHONE_INVALID));
	return HANE_EINVAL;
}

static bool national_ok(const char *n)
{
	switch (n[0]) {
	case '2':
	case '3':
	case '4':
	case '5':
		return true;
	case '8':
		return n[1] == '5' && n[2] == '0';
	default:
		return false;
	}
}

int hane_phone_normalize(char out[HANE_PHONE_LEN + 1], const char *s)
{
	char d[32];
	size_t n = 0;
	bool plus = false;
	const char *national;

	if (!s)
		return invalid();
	for (const char *p = s; *p; p++) {
		char c = *p;

		if (c >= '0' && c <= '9') {
			if (n + 1 >= sizeof d)
				return invalid();
			d[n++] = c;
		} else if (c == '+') {
			if (plus || n > 0)
				return invalid();
			plus = true;
		} else if (!(c == ' ' || c == '-' || c == '.' || c == '(' ||
			     c == ')' || c == '/' || c == '\t')) {
			return invalid();
		}
	}
	d[n] = '\0';
	if (plus) {
		if (n != 12 || strncmp(d, "90", 2) != 0)
			return invalid();
		national = d + 2;
	} else if (n == 14 && strncmp(d, "0090", 4) == 0) {
		national = d + 4;
	} else if (n == 12 && strncmp(d, "90", 2) == 0) {
		national = d + 2;
	} else if (n == 11 && d[0] == '0') {
		national = d + 1;
	} else if (n == 10) {
		national = d;
	} else {
		return invalid();
	}
	if (!national_ok(national))
		return invalid();
	memcpy(out, "+90", 3);
	memcpy(out + 3, national, 10);
	out[HANE_PHONE_LEN] = '\0';
	return 0;
}

char *hane_phone_format(char *out, size_t outsz, const char *e164, bool masked)
{
	const char *n;
	bool ok;

	if (!out || outsz == 0)
		return out;
	if (!e164)
		e164 = "";
	ok = strlen(e164) == HANE_PHONE_LEN && strncmp(e164, "+90", 3) == 0;
	for (int i = 3; ok && i < HANE_PHONE_LEN; i++)
		ok = e164[i] >= '0' && e164[i] <= '9';
	if (!ok) {
		/* not ours to lay out; still never show it when masking */
		snprintf(out, outsz, "%s", masked && *e164 ? "***" : e164);
		return out;
	}
	n = e164 + 3;
	if (masked)
		snprintf(out, outsz, "0%.3s *** ** %.2s", n, n + 8);
	else
		snprintf(out, outsz, "0%.3s %.3s %.2s %.2s", n, n + 3, n + 6,
			 n + 8);
	return out;
}
