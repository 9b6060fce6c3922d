/* Dates: ISO-8601 text "YYYY-MM-DD" inside, "GG.AA.YYYY" on screen.
 *
 * Input comes from forms and from spreadsheets, so both the Turkish
 * day-first forms (04.01.1950, 4/1/1950, 04-01-1950) and ISO are read.
 * Two-digit years are refused rather than guessed: for a birth date "50"
 * could be 1950 or 2050 only by a rule nobody on the screen can see.
 * Excel often appends a midnight time when it exports a date cell, so a
 * trailing " 00:00" or " 00:00:00" (or ISO "T00:00:00") is accepted and
 * ignored; any other trailing text is an error.
 */
#include "hane/core.h"

#include <stdio.h>
#include <string.h>

#include "hane/i18n.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2100

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool hane_date_valid(int y, int m, int d)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31};

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	if (m == 2 && leap(y))
		return d <= 29;
	return d <= days[m - 1];
}

/* Reads a run of digits (at most 9) at *p; returns how many, value in *v. */
static int number(const char **p, int *v)
{
	int n = 0;

	*v = 0;
	while (is_digit(**p) && n < 9) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

/* A midnight time after the date, as Excel writes it, or nothing. */
static bool only_midnight(const char *p)
{
	const char *q = p;

	if (*q == 'T') {
		q++;
	} else {
		while (is_space(*q))
			q++;
		if (*q == '\0')
			return true;
		if (q == p)
			return false; /* "04.01.1950x" */
	}
	if (strncmp(q, "00:00:00", 8) == 0)
		q += 8;
	else if (strncmp(q, "00:00", 5) == 0)
		q += 5;
	else
		return false;
	while (is_space(*q))
		q++;
	return *q == '\0';
}

static int fail(enum hane_msg id)
{
	hane_error_set("%s", hane_msg(id));
	return HANE_EINVAL;
}

int hane_date_parse(char out[HANE_DATE_LEN + 1], const char *s)
{
	const char *p = s;
	int a, b, c, na, nb, nc, y, m, d;
	char sep;

	if (!s)
		return fail(HANE_M_DATE_INVALID);
	while (is_space(*p))
		p++;
	na = number(&p, &a);
	sep = *p;
	if (na == 0 || (sep != '.' && sep != '/' && sep != '-'))
		return fail(HANE_M_DATE_INVALID);
	p++;
	nb = number(&p, &b);
	if (nb == 0 || nb > 2 || *p != sep)
		return fail(HANE_M_DATE_INVALID);
	p++;
	nc = number(&p, &c);
	if (nc == 0 || (is_digit(*p)))
		return fail(HANE_M_DATE_INVALID);
	if (!only_midnight(p))
		return fail(HANE_M_DATE_INVALID);
	if (na == 4 && sep == '-') { /* ISO */
		if (nc > 2)
			return fail(HANE_M_DATE_INVALID);
		y = a;
		m = b;
		d = c;
	} else {
		if (na > 2)
			return fail(HANE_M_DATE_INVALID);
		if (nc == 2)
			return fail(HANE_M_DATE_YEAR2);
		if (nc != 4)
			return fail(HANE_M_DATE_INVALID);
		d = a;
		m = b;
		y = c;
	}
	if (y < YEAR_MIN || y > YEAR_MAX)
		return fail(HANE_M_DATE_RANGE);
	if (!hane_date_valid(y, m, d))
		return fail(HANE_M_DATE_IMPOSSIBLE);
	/* The ranges are checked. By hand, not snprintf: an import parses
	 * every row's date twice. */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 0;
}

/* Strict "YYYY-MM-DD" of a real date. */
static bool parse_iso(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != HANE_DATE_LEN || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < HANE_DATE_LEN; i++)
		if (i != 4 && i != 7 && !is_digit(s[i]))
			return false;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	     (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return hane_date_valid(*y, *m, *d);
}

char *hane_date_format(char out[HANE_DATE_LEN + 1], const char *iso)
{
	int y, m, d;

	if (parse_iso(iso, &y, &m, &d))
		snprintf(out, HANE_DATE_LEN + 1, "%02u.%02u.%04u",
			 (unsigned)d % 100u, (unsigned)m % 100u,
			 (unsigned)y % 10000u);
	else
		snprintf(out, HANE_DATE_LEN + 1, "%s", iso ? iso : "");
	return out;
}

/* Completed years. Someone born on 29 February has the birthday on
 * 1 March in common years (28 February still counts as before it). A date
 * "on" before the birth is as invalid as a malformed one. */
int hane_date_age(const char *birth, const char *on)
{
	int by, bm, bd, y, m, d, age;

	if (!parse_iso(birth, &by, &bm, &bd) || !parse_iso(on, &y, &m, &d))
		return -1;
	age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age < 0 ? -1 : age;
}
