/* Field checks shared by the units' models: one wording for "which field,
 * what is wrong" everywhere. */
#include <stdio.h>
#include <string.h>

#include "hane/core.h"
#include "hane/i18n.h"

int hane_field_error(int field, const char *why)
{
	char keep[512];

	HANE_COPY(keep, why ? why : "");
	hane_error_set(hane_msg(HANE_M_V_FIELD), hane_msg((enum hane_msg)field),
		       keep);
	return HANE_EINVAL;
}

int hane_field_day(int field, char day[HANE_DATE_LEN + 1], bool future_ok)
{
	char today[HANE_DATE_LEN + 1], iso[HANE_DATE_LEN + 1];

	hane_today(today);
	if (!day[0]) {
		memcpy(day, today, sizeof today);
		return 0;
	}
	if (hane_date_parse(iso, day) != 0)
		return hane_field_error(field, hane_error_last());
	memcpy(day, iso, sizeof iso);
	if (!future_ok && strcmp(day, today) > 0) {
		hane_error_set(hane_msg(HANE_M_V_DAY_FUTURE),
			       hane_msg((enum hane_msg)field),
			       hane_date_format(iso, day));
		return HANE_EINVAL;
	}
	return 0;
}

int hane_field_len(int field, const char *s, size_t max)
{
	return hane_field_text(field, s, max, HANE_TEXT_LINE);
}

int hane_field_chars(int field, const char *s, int max_chars)
{
	if (!hane_utf8_valid(s, strlen(s)))
		return hane_field_error(field, hane_strerror(HANE_EINVAL));
	if (hane_text_chars(s) > max_chars) {
		hane_error_set(hane_msg(HANE_M_V_TOO_LONG),
			       hane_msg((enum hane_msg)field), max_chars);
		return HANE_EINVAL;
	}
	return 0;
}

bool hane_text_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}
