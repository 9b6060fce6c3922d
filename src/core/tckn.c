/* TC Kimlik No: the Turkish national identity number.
 *
 * Eleven digits d1..d11, d1 not 0, with two check digits:
 *   d10 = ((d1+d3+d5+d7+d9)*7 - (d2+d4+d6+d8)) mod 10
 *   d11 = (d1+…+d10) mod 10
 * The first difference can be negative, and C's % keeps the sign of the
 * dividend, hence the ((x % 10) + 10) % 10 below. Foreign residents'
 * numbers (starting 99) follow the same rule.
 */
#include "hane/core.h"

#include <stdio.h>
#include <string.h>

#include "hane/i18n.h"

static int check_digit10(const char *s)
{
	int odd = (s[0] - '0') + (s[2] - '0') + (s[4] - '0') + (s[6] - '0') +
		  (s[8] - '0');
	int even = (s[1] - '0') + (s[3] - '0') + (s[5] - '0') + (s[7] - '0');
	int x = odd * 7 - even;

	return ((x % 10) + 10) % 10;
}

static int check_digit11(const char *s)
{
	int sum = 0;

	for (int i = 0; i < 10; i++)
		sum += s[i] - '0';
	return sum % 10;
}

/* Excel shows an 11-digit number in a General cell as "1,23457E+10" (or
 * with a dot, by locale), and that is what a CSV saved from it holds. The
 * digits are lost, so the only useful answer is how to avoid it. */
static bool looks_scientific(const char *s)
{
	const char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!hane_is_digit(*p))
		return false;
	while (hane_is_digit(*p))
		p++;
	if (*p == ',' || *p == '.') {
		p++;
		if (!hane_is_digit(*p))
			return false;
		while (hane_is_digit(*p))
			p++;
	}
	if (*p != 'E' && *p != 'e')
		return false;
	p++;
	if (*p == '+')
		p++;
	if (!hane_is_digit(*p))
		return false;
	while (hane_is_digit(*p))
		p++;
	while (*p == ' ' || *p == '\t')
		p++;
	return *p == '\0';
}

int hane_tckn_check(const char *s)
{
	size_t len;

	if (!s)
		s = "";
	if (looks_scientific(s)) {
		hane_error_set("%s", hane_msg(HANE_M_TCKN_EXCEL));
		return HANE_EINVAL;
	}
	len = strlen(s);
	for (size_t i = 0; i < len; i++) {
		if (!hane_is_digit(s[i])) {
			hane_error_set("%s", hane_msg(HANE_M_TCKN_DIGITS));
			return HANE_EINVAL;
		}
	}
	if (len != HANE_TCKN_LEN) {
		hane_error_set("%s", hane_msg(HANE_M_TCKN_LENGTH));
		return HANE_EINVAL;
	}
	if (s[0] == '0') {
		hane_error_set("%s", hane_msg(HANE_M_TCKN_ZERO));
		return HANE_EINVAL;
	}
	if (s[9] - '0' != check_digit10(s) || s[10] - '0' != check_digit11(s)) {
		hane_error_set("%s", hane_msg(HANE_M_TCKN_CHECKSUM));
		return HANE_EINVAL;
	}
	return 0;
}

bool hane_tckn_valid(const char *s)
{
	if (!s || strlen(s) != HANE_TCKN_LEN || s[0] == '0')
		return false;
	for (int i = 0; i < HANE_TCKN_LEN; i++)
		if (!hane_is_digit(s[i]))
			return false;
	return s[9] - '0' == check_digit10(s) &&
	       s[10] - '0' == check_digit11(s);
}

void hane_tckn_complete(char out[HANE_TCKN_LEN + 1])
{
	out[9] = (char)('0' + check_digit10(out));
	out[10] = (char)('0' + check_digit11(out));
	out[11] = '\0';
}

void hane_tckn_mask(char *out, size_t outsz, const char *tckn)
{
	if (!out || outsz == 0)
		return;
	if (!tckn || strlen(tckn) != HANE_TCKN_LEN) {
		snprintf(out, outsz, "***");
		return;
	}
	snprintf(out, outsz, "%.3s******%.2s", tckn, tckn + 9);
}
