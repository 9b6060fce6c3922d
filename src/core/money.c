/* Money as integer kuruş (1 TL = 100 kuruş).
 *
 * Staff write amounts the Turkish way ("8.250,50"), spreadsheets export
 * them either way ("8250.50"), and a dot with three digits after it is a
 * thousands separator in Turkish ("1.250" is one thousand two hundred and
 * fifty lira). The rules, so that no amount is read two ways:
 *   - ',' is only ever the decimal mark, at most once, 1 or 2 digits
 *     after it;
 *   - '.' groups thousands (groups of exactly 3 digits, the first 1 to 3)
 *     when there is a ',' after it, when there are several dots, or when
 *     the one dot has exactly 3 digits after it;
 *   - otherwise one '.' followed by 1 or 2 digits is the decimal mark.
 * "1,234,567" (English grouping) is therefore rejected, not misread.
 */
#include "hane/core.h"

#include <stdio.h>
#include <string.h>

#include "hane/i18n.h"

/* Skips a currency sign or unit at p ("₺", "TL", "TRY", any case) and the
 * spaces after it; returns p unchanged when there is none. */
static const char *skip_unit(const char *p)
{
	if (strncmp(p, "\xE2\x82\xBA", 3) == 0) /* ₺ */
		p += 3;
	else if ((p[0] == 'T' || p[0] == 't') && (p[1] == 'R' || p[1] == 'r') &&
		 (p[2] == 'Y' || p[2] == 'y'))
		p += 3;
	else if ((p[0] == 'T' || p[0] == 't') && (p[1] == 'L' || p[1] == 'l'))
		p += 2;
	else
		return p;
	while (hane_is_blank(*p))
		p++;
	return p;
}

static const char *skip_sign(const char *p, bool *neg, bool *seen)
{
	if (*seen)
		return p;
	if (*p == '-' || *p == '+') {
		*neg = *p == '-';
		*seen = true;
		p++;
	} else if (strncmp(p, "\xE2\x88\x92", 3) == 0) { /* − minus sign */
		*neg = true;
		*seen = true;
		p += 3;
	} else {
		return p;
	}
	while (hane_is_blank(*p))
		p++;
	return p;
}

static int invalid(void)
{
	hane_error_set("%s", hane_msg(HANE_M_MONEY_INVALID));
	return HANE_EINVAL;
}

static int too_large(void)
{
	hane_error_set("%s", hane_msg(HANE_M_MONEY_RANGE));
	return HANE_EINVAL;
}

/* The lira part, num up to end: plain digits, or (grouped) 1-3 digits
 * then groups of ".ddd". */
static int parse_lira(const char *num, const char *end, bool grouped,
		      int64_t *lira)
{
	int group = 0;

	*lira = 0;
	for (const char *q = num; q < end; q++) {
		if (*q == '.') {
			if ((q == num) || (group > 3) ||
			    (q != num + group && group != 3))
				return invalid();
			group = 0;
			continue;
		}
		if (*lira > (INT64_MAX / 100 - (*q - '0')) / 10)
			return too_large();
		*lira = *lira * 10 + (*q - '0');
		group++;
	}
	if (grouped && group != 3)
		return invalid();
	if (end == num)
		return invalid();
	return 0;
}

int hane_money_parse(int64_t *kurus, const char *s)
{
	const char *p, *num, *end, *comma = NULL, *last_dot = NULL;
	bool neg = false, signed_ = false;
	int dots = 0, decimals = 0;
	const char *int_end, *frac = NULL;
	int64_t lira = 0, sub = 0;
	int rc;

	if (!s)
		return invalid();
	p = s;
	while (hane_is_blank(*p))
		p++;
	p = skip_sign(p, &neg, &signed_);
	p = skip_unit(p);
	p = skip_sign(p, &neg, &signed_);
	num = p;
	while (hane_is_digit(*p) || *p == '.' || *p == ',') {
		if (*p == ',') {
			if (comma)
				return invalid();
			comma = p;
		} else if (*p == '.') {
			if (comma)
				return invalid(); /* "1,5.0" */
			dots++;
			last_dot = p;
		}
		p++;
	}
	end = p;
	while (hane_is_blank(*p))
		p++;
	p = skip_unit(p);
	if (*p != '\0' || end == num || !hane_is_digit(num[0]))
		return invalid();

	/* Which mark, if any, starts the kuruş part? */
	if (comma) {
		frac = comma + 1;
		int_end = comma;
	} else if (dots == 1 && end - (last_dot + 1) != 3) {
		frac = last_dot + 1;
		int_end = last_dot;
		dots = 0;
	} else {
		int_end = end;
	}
	if (frac) {
		decimals = (int)(end - frac);
		if (decimals == 0)
			return invalid();
		if (decimals > 2) {
			hane_error_set("%s", hane_msg(HANE_M_MONEY_DECIMALS));
			return HANE_EINVAL;
		}
	}

	if ((rc = parse_lira(num, int_end, dots > 0, &lira)) != 0)
		return rc;
	if (frac) {
		sub = (frac[0] - '0') * 10;
		if (decimals == 2)
			sub += frac[1] - '0';
		if (!hane_is_digit(frac[0]) ||
		    (decimals == 2 && !hane_is_digit(frac[1])))
			return invalid();
	}
	if (lira * 100 > INT64_MAX - sub)
		return too_large();
	if (lira * 100 + sub > HANE_MONEY_MAX) {
		hane_error_set("%s", hane_msg(HANE_M_MONEY_MAX));
		return HANE_EINVAL;
	}
	*kurus = neg ? -(lira * 100 + sub) : lira * 100 + sub;
	return 0;
}

static char *group(char *out, size_t outsz, bool neg, uint64_t mag)
{
	char digits[32];
	int n = snprintf(digits, sizeof digits, "%llu",
			 (unsigned long long)mag);
	size_t o = 0;

	if (!out || outsz == 0)
		return out;
	if (neg && o + 1 < outsz)
		out[o++] = '-';
	for (int i = 0; i < n && o + 1 < outsz; i++) {
		if (i > 0 && (n - i) % 3 == 0) {
			out[o++] = '.';
			if (o + 1 >= outsz)
				break;
		}
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return out;
}

char *hane_num_format(char *out, size_t outsz, int64_t v)
{
	return group(out, outsz, v < 0,
		     v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
}

char *hane_money_format(char *out, size_t outsz, int64_t kurus, bool with_unit)
{
	char grouped[48];
	uint64_t mag =
		kurus < 0 ? (uint64_t)0 - (uint64_t)kurus : (uint64_t)kurus;

	if (!out || outsz == 0)
		return out;
	group(grouped, sizeof grouped, kurus < 0, mag / 100);
	snprintf(out, outsz, "%s,%02u%s", grouped, (unsigned)(mag % 100),
		 with_unit ? " TL" : "");
	return out;
}
