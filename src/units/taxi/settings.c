/* Taxi settings, holidays, and the small pure helpers: times of day, day
 * arithmetic, plates.
 *
 * Settings are rows (key, integer) rather than constants so a supervisor
 * can change the booking window or the buffer without a new release; the
 * change is an audited update like any other.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "taxi_int.h"
#include "hane/reference.h"

/* ---- Times and days -------------------------------------------------------- */

int hane_taxi_time_parse(const char *s)
{
	int h = 0, m = 0, nh = 0, nm = 0;

	if (!s)
		return -1;
	while (*s == ' ')
		s++;
	while (isdigit((unsigned char)*s) && nh < 2) {
		h = h * 10 + (*s++ - '0');
		nh++;
	}
	if (*s == ':' || *s == '.')
		s++;
	else if (nh == 2 && !isdigit((unsigned char)*s))
		return -1;
	while (isdigit((unsigned char)*s) && nm < 2) {
		m = m * 10 + (*s++ - '0');
		nm++;
	}
	while (*s == ' ')
		s++;
	/* Excel writes a time cell as "09:30:00". */
	if (*s == ':' && s[1] == '0' && s[2] == '0' && s[3] == '\0')
		s += 3;
	if (nh == 0 || nm != 2 || *s || h > 23 || m > 59)
		return -1;
	return h * 60 + m;
}

char *hane_taxi_time_format(char out[HANE_TAXI_TIME], int minutes)
{
	if (minutes < 0 || minutes >= 24 * 60)
		snprintf(out, HANE_TAXI_TIME, "--:--");
	else
		snprintf(out, HANE_TAXI_TIME, "%02d:%02d", minutes / 60,
			 minutes % 60);
	return out;
}

bool tx_day_number(const char *day, long *out)
{
	int64_t z = hane_date_day(day);

	if (z == HANE_DAY_NONE)
		return false;
	*out = (long)z;
	return true;
}

int hane_taxi_day_add(char out[HANE_DATE_LEN + 1], const char *day, int n)
{
	long z;

	if (!tx_day_number(day, &z)) {
		hane_error_set(hane_msg(HANE_M_TAXI_BAD_DAY), day ? day : "");
		return HANE_EINVAL;
	}
	hane_date_iso(out, z + n);
	return 0;
}

int hane_taxi_weekday(const char *day)
{
	return hane_date_weekday(day);
}

int hane_taxi_plate_normalize(char out[HANE_TAXI_PLATE], const char *s)
{
	char digits1[3] = "", letters[4] = "", digits2[5] = "";
	int n1 = 0, nl = 0, n2 = 0;
	const char *p = s ? s : "";

	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == ' ' || c == '-')
			continue;
		if (isdigit(c) && nl == 0 && n1 < 2)
			digits1[n1++] = (char)c;
		else if (isalpha(c) && n1 == 2 && n2 == 0 && nl < 3)
			letters[nl++] = (char)toupper(c);
		else if (isdigit(c) && nl > 0 && n2 < 4)
			digits2[n2++] = (char)c;
		else
			goto bad;
	}
	if (n1 != 2 || nl < 1 || n2 < 2)
		goto bad;
	digits1[n1] = letters[nl] = digits2[n2] = '\0';
	snprintf(out, HANE_TAXI_PLATE, "%s %s %s", digits1, letters, digits2);
	return 0;
bad:
	hane_error_set(hane_msg(HANE_M_TAXI_BAD_PLATE), s ? s : "");
	return HANE_EINVAL;
}

/* ---- Settings -------------------------------------------------------------- */

static const char *const setting_keys[] = {
#define HANE_X_(f, key) key,
	HANE_TAXI_SETTINGS(HANE_X_)
#undef HANE_X_
		NULL};

const char *const *hane_taxi_setting_keys(void)
{
	return setting_keys;
}

static void settings_defaults(struct hane_taxi_settings *s)
{
	s->cutoff = 16 * 60 + 30;
	s->days_ahead = 14;
	s->series_days = 92;
	s->trip_minutes = 45;
	s->buffer_minutes = 15;
	s->day_start = 7 * 60;
	s->day_end = 20 * 60;
	s->slot_step = 15;
	s->noshow_limit = 2;
	s->noshow_days = 14;
	s->min_disability = 40;
}

static int *setting_field(struct hane_taxi_settings *s, const char *key)
{
#define HANE_X_(f, k)                                                          \
	if (strcmp(key, k) == 0)                                               \
		return &s->f;
	HANE_TAXI_SETTINGS(HANE_X_)
#undef HANE_X_
	return NULL;
}

static int setting_row(hane_stmt *st, void *arg)
{
	int *f = setting_field(arg, hane_stmt_text(st, 0));

	if (f)
		*f = (int)hane_stmt_int(st, 1);
	return 0;
}

int tx_settings(hane_db *db, struct hane_taxi_settings *out)
{
	settings_defaults(out);
	return hane_store_each(db, "SELECT key, value FROM taxi_setting", NULL,
			       0, setting_row, out);
}

int hane_taxi_settings_get(hane_db *db, struct hane_taxi_settings *out)
{
	int rc = hane_can(db, HANE_ACT_TAXI_READ);

	if (rc)
		return rc;
	return tx_settings(db, out);
}

static bool is_clock_key(const char *key)
{
	return !strcmp(key, "cutoff") || !strcmp(key, "day_start") ||
	       !strcmp(key, "day_end");
}

int hane_taxi_setting_set(hane_db *db, const char *key, const char *value)
{
	struct hane_taxi_settings s;
	struct hane_field k = HANE_FTEXT(":key", key);
	int64_t iv[2] = {0, 0}; /* the row's id and version, if any */
	long v;
	char *end;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_ADMIN)) != 0)
		return rc;
	if (!key || !setting_field(&s, key)) {
		hane_error_set(hane_msg(HANE_M_TAXI_BAD_SETTING),
			       key ? key : "");
		return HANE_EINVAL;
	}
	if (is_clock_key(key)) {
		v = hane_taxi_time_parse(value);
		end = v < 0 ? (char *)"x" : (char *)"";
	} else {
		v = value ? strtol(value, &end, 10) : -1;
	}
	if (!value || !*value || *end || v < 0 || v > 24 * 60 ||
	    (!strcmp(key, "noshow_limit") && v < 1) ||
	    (!strcmp(key, "trip_minutes") && v < 5) ||
	    (!strcmp(key, "slot_step") && v < 5) ||
	    (!strcmp(key, "min_disability") && v > 100)) {
		hane_error_set(hane_msg(HANE_M_TAXI_BAD_SETTING_VALUE), key,
			       value ? value : "");
		return HANE_EINVAL;
	}
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_store_ints(db,
			     "SELECT id, version FROM taxi_setting"
			     " WHERE key = :key",
			     &k, 1, iv, 2);
	if (rc == HANE_ENOTFOUND)
		rc = 0;
	if (rc == 0) {
		struct hane_field f[] = {HANE_FTEXT("key", key),
					 HANE_FINT("value", v)};

		if (iv[0])
			rc = hane_store_update(db, "taxi_setting", iv[0], iv[1],
					       f + 1, 1, NULL);
		else
			rc = hane_store_insert(db, "taxi_setting", f, 2, NULL);
	}
	return tx_finish(db, rc);
}

/* ---- Holidays -------------------------------------------------------------- */

int tx_is_holiday(hane_db *db, const char *day, bool *out)
{
	int wd = hane_taxi_weekday(day);
	struct hane_holiday h;
	int rc;

	*out = false;
	if (wd == 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_BAD_DAY), day ? day : "");
		return HANE_EINVAL;
	}
	if (wd >= 6) {
		*out = true;
		return 0;
	}
	/* The one holiday list; an arife afternoon is still a working day
	 * for the booking deadline (its morning is worked). */
	if ((rc = hane_holiday_get(db, day, &h)))
		return rc;
	*out = h.kind == HANE_HOLIDAY_FULL;
	return 0;
}

int hane_taxi_is_holiday(hane_db *db, const char *day, bool *out)
{
	int rc = hane_can(db, HANE_ACT_TAXI_READ);

	if (rc)
		return rc;
	return tx_is_holiday(db, day, out);
}

int hane_taxi_holiday_add(hane_db *db, const char *day, const char *name)
{
	/* The one holiday list, kept by administrators. */
	return hane_holiday_add(db, day, name, false);
}

/* ---- Shared ---------------------------------------------------------------- */

int tx_finish(hane_db *db, int rc)
{
	char keep[1024];

	if (rc == 0)
		return hane_store_commit(db);
	snprintf(keep, sizeof keep, "%s", hane_error_last());
	hane_store_rollback(db);
	hane_error_set("%s", keep);
	return rc;
}
