/* The clock: local time of Europe/Istanbul, which has been UTC+3 all year
 * since September 2016. Computed from UTC rather than through TZ and
 * localtime() so that a server left on UTC (as containers are) still
 * stamps records with the time the staff see on the wall.
 */
#include "hane/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ISTANBUL_OFFSET (3 * 3600)

/* HANE_NOW in the form "YYYY-MM-DD HH:MM:SS" (or just a date, taken as
 * midnight). Anything else is ignored, so a typo runs on the real clock
 * rather than on a half-read frozen one. */
static bool frozen(char out[20])
{
	static const char form[] = "dddd-dd-dd dd:dd:dd";
	const char *s = getenv("HANE_NOW");
	size_t n;

	if (!s)
		return false;
	n = strlen(s);
	if (n != 19 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (form[i] == 'd' ? !hane_is_digit(s[i]) : s[i] != form[i])
			return false;
	}
	snprintf(out, 20, "%.10s %s", s, n == 10 ? "00:00:00" : s + 11);
	return true;
}

char *hane_now(char out[20])
{
	time_t t;
	struct tm tm;

	if (frozen(out))
		return out;
	t = time(NULL) + ISTANBUL_OFFSET;
	if (!gmtime_r(&t, &tm)) {
		snprintf(out, 20, "1970-01-01 00:00:00");
		return out;
	}
	snprintf(out, 20, "%04u-%02u-%02u %02u:%02u:%02u",
		 (unsigned)(tm.tm_year + 1900) % 10000u,
		 (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u,
		 (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u,
		 (unsigned)tm.tm_sec % 100u);
	return out;
}

char *hane_today(char out[HANE_DATE_LEN + 1])
{
	char now[20];

	hane_now(now);
	memcpy(out, now, HANE_DATE_LEN);
	out[HANE_DATE_LEN] = '\0';
	return out;
}
