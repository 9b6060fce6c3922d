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
	while (hane_is_digit(**p) && n < 9) {
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
		while (hane_is_blank(*q))
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
	while (hane_is_blank(*q))
		q++;
	return *q == '\0';
}

static int fail(enum hane_msg id)
{
	hane_error_set("%s", hane_msg(id));
	return HANE_EINVAL;
}

/* "YYYY-MM-DD" of y (0..9999), m, d. By hand, not snprintf: an import
 * parses every row's date twice, the schedule makes many. */
static void put_iso(char out[HANE_DATE_LEN + 1], int y, int m, int d)
{
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
}

int hane_date_parse(char out[HANE_DATE_LEN + 1], const char *s)
{
	const char *p = s;
	int a, b, c, na, nb, nc, y, m, d;
	char sep;

	if (!s)
		return fail(HANE_M_DATE_INVALID);
	while (hane_is_blank(*p))
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
	if (nc == 0 || (hane_is_digit(*p)))
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
	put_iso(out, y, m, d); /* the ranges are checked */
	return 0;
}

/* Strict "YYYY-MM-DD" of a real date. */
static bool parse_iso(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != HANE_DATE_LEN || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < HANE_DATE_LEN; i++)
		if (i != 4 && i != 7 && !hane_is_digit(s[i]))
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

const char *hane_date_short(char out[6], const char *iso, const char *none)
{
	int y, m, d;

	if (!parse_iso(iso, &y, &m, &d))
		return none;
	snprintf(out, 6, "%02u.%02u", (unsigned)d % 100u, (unsigned)m % 100u);
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

/* ---- Day numbers ---------------------------------------------------------- */

/* Howard Hinnant's days_from_civil and civil_from_days: exact for the
 * proleptic Gregorian calendar, with no time zone (dates are calendar
 * days). The one copy in hane: every unit counts days through these. */
int64_t hane_date_days(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int64_t hane_date_day(const char *iso)
{
	int y, m, d;

	return parse_iso(iso, &y, &m, &d) ? hane_date_days(y, m, d)
					  : HANE_DAY_NONE;
}

void hane_date_civil(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

char *hane_date_iso(char out[HANE_DATE_LEN + 1], int64_t z)
{
	int y, m, d;

	hane_date_civil(z, &y, &m, &d);
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	put_iso(out, y, m, d);
	return out;
}

int hane_date_weekday_of(int64_t z)
{
	/* 1970-01-01 was a Thursday (ISO 4). */
	int64_t w = (z + 3) % 7;

	return (int)(w < 0 ? w + 7 : w) + 1;
}

int hane_date_weekday(const char *iso)
{
	int64_t z = hane_date_day(iso);

	return z == HANE_DAY_NONE ? 0 : hane_date_weekday_of(z);
}

/* ---- Weekday names ------------------------------------------------------- */

const char *hane_weekday_name(int wd, bool abbreviated)
{
	static const enum hane_msg abbr[7] = {
		HANE_M_DAY_1, HANE_M_DAY_2, HANE_M_DAY_3, HANE_M_DAY_4,
		HANE_M_DAY_5, HANE_M_DAY_6, HANE_M_DAY_7,
	};
	static const enum hane_msg full[7] = {
		HANE_M_WEEKDAY_1, HANE_M_WEEKDAY_2, HANE_M_WEEKDAY_3,
		HANE_M_WEEKDAY_4, HANE_M_WEEKDAY_5, HANE_M_WEEKDAY_6,
		HANE_M_WEEKDAY_7,
	};

	if (wd < 1 || wd > 7)
		return "";
	return hane_msg(abbreviated ? abbr[wd - 1] : full[wd - 1]);
}

int hane_weekday_from_word(const char *folded)
{
	/* Folded (lower case, no Turkish letters): what staff type in either
	 * language, short or long, Monday first. */
	static const char *const words[7][4] = {
		{"pzt", "pazartesi", "mon", "monday"},
		{"sal", "sali", "tue", "tuesday"},
		{"car", "carsamba", "wed", "wednesday"},
		{"per", "persembe", "thu", "thursday"},
		{"cum", "cuma", "fri", "friday"},
		{"cmt", "cumartesi", "sat", "saturday"},
		{"paz", "pazar", "sun", "sunday"},
	};

	for (int d = 0; d < 7 && folded; d++)
		for (int k = 0; k < 4; k++)
			if (strcmp(folded, words[d][k]) == 0)
				return d + 1;
	return 0;
}

int hane_weekdays_parse(char out[8], char bad[64], const char *text)
{
	char key[256];
	bool on[8] = {false};
	int n = 0;

	bad[0] = '\0';
	hane_text_fold(key, sizeof key, text ? text : "");
	for (char *save = NULL, *w = strtok_r(key, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		int d;

		if (strspn(w, "1234567") == strlen(w)) {
			for (const char *c = w; *c; c++)
				on[*c - '0'] = true;
		} else if ((d = hane_weekday_from_word(w)) != 0) {
			on[d] = true;
		} else {
			snprintf(bad, 64, "%s", w);
			out[0] = '\0';
			return HANE_EINVAL;
		}
	}
	for (int d = 1; d <= 7; d++)
		if (on[d])
			out[n++] = (char)('0' + d);
	out[n] = '\0';
	return 0;
}
