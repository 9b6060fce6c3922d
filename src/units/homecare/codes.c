/* Home care: coded values and their words, weekdays, dates and times,
 * and the public holiday list.
 *
 * Everything here is pure (no database) so both the model and the screens
 * can use it, and the unit tests can check it without a database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/embed.h"
#include "homecare_int.h"
#include "hane/reference.h"

/* ---- Coded values ----------------------------------------------------------- */

/* One table of every coded value: its kind, the stored code, its word. A
 * code may belong to several kinds ("care" is a client's service and a
 * visit's) with the same word. */
static const struct {
	const char *kind;
	const char *code;
	enum hane_msg label;
} codes[] = {
	{"services", "care", HANE_M_HC_L_CARE},
	{"services", "cleaning", HANE_M_HC_L_CLEANING},
	{"services", "both", HANE_M_HC_L_BOTH},
	{"service", "care", HANE_M_HC_L_CARE},
	{"service", "cleaning", HANE_M_HC_L_CLEANING},
	{"period", "week", HANE_M_HC_L_WEEK},
	{"period", "month", HANE_M_HC_L_MONTH},
	{"missed", "client_absent", HANE_M_HC_L_CLIENT_ABSENT},
	{"missed", "refused", HANE_M_HC_L_REFUSED},
	{"missed", "staff_absent", HANE_M_HC_L_STAFF_ABSENT},
	{"end", "death", HANE_M_HC_L_DEATH},
	{"end", "moved", HANE_M_HC_L_MOVED},
	{"end", "institution", HANE_M_HC_L_INSTITUTION},
	{"end", "withdrew", HANE_M_HC_L_WITHDREW},
	{"kind", "caregiver", HANE_M_HC_L_CAREGIVER},
	{"kind", "team", HANE_M_HC_L_TEAM},
	{"need", "bedridden", HANE_M_HC_L_BEDRIDDEN},
	{"need", "dementia", HANE_M_HC_L_DEMENTIA},
	{"need", "alone", HANE_M_HC_L_ALONE},
	{"need", "wheelchair", HANE_M_HC_L_WHEELCHAIR},
	{"need", "incontinence", HANE_M_HC_L_INCONTINENCE},
	{"need", "visual", HANE_M_HC_L_VISUAL},
	{"need", "hearing", HANE_M_HC_L_HEARING},
	{"status", "planned", HANE_M_HC_L_PLANNED},
	{"status", "done", HANE_M_HC_L_DONE},
	{"status", "missed", HANE_M_HC_L_MISSED},
	{"status", "cancelled", HANE_M_HC_L_CANCELLED},
	{"status", "rescheduled", HANE_M_HC_L_RESCHEDULED},
	{"followup", "open", HANE_M_HC_L_FOLLOWUP_OPEN},
	{"followup", "closed", HANE_M_HC_L_FOLLOWUP_CLOSED},
};
#define NCODES (sizeof codes / sizeof codes[0])

/* Everyday words staff type that are not the labels themselves. */
static const struct {
	const char *kind, *word, *code;
} extra[] = {
	{"services", "evde bakim", "care"},
	{"services", "evde temizlik", "cleaning"},
	{"services", "ikisi", "both"},
	{"services", "bakim temizlik", "both"},
	{"service", "evde bakim", "care"},
	{"service", "evde temizlik", "cleaning"},
	{"period", "haftalik", "week"},
	{"period", "weekly", "week"},
	{"period", "aylik", "month"},
	{"period", "monthly", "month"},
	{"missed", "evde yok", "client_absent"},
	{"missed", "yok", "client_absent"},
	{"missed", "absent", "client_absent"},
	{"missed", "kabul etmedi", "refused"},
	{"missed", "reddetti", "refused"},
	{"missed", "personel yok", "staff_absent"},
	{"end", "oldu", "death"},
	{"end", "vefat etti", "death"},
	{"end", "tasinma", "moved"},
	{"end", "kurum", "institution"},
	{"end", "huzurevi", "institution"},
	{"end", "vazgecme", "withdrew"},
	{"kind", "bakici", "caregiver"},
	{"kind", "ekip", "team"},
	{"need", "yatalak", "bedridden"},
	{"need", "alzheimer", "dementia"},
	{"need", "yalniz", "alone"},
	{"need", "gorme", "visual"},
	{"need", "isitme", "hearing"},
};

const char *hane_homecare_label(const char *code)
{
	if (!code)
		return "";
	for (size_t i = 0; i < NCODES; i++)
		if (strcmp(codes[i].code, code) == 0)
			return hane_msg(codes[i].label);
	return code;
}

const char *hane_homecare_parse(const char *kind, const char *text)
{
	char key[128], cand[128];

	if (!text)
		return NULL;
	hane_text_fold(key, sizeof key, text);
	if (!key[0])
		return NULL;
	for (size_t i = 0; i < NCODES; i++) {
		if (strcmp(codes[i].kind, kind) != 0)
			continue;
		if (strcmp(codes[i].code, text) == 0)
			return codes[i].code;
		hane_text_fold(cand, sizeof cand, codes[i].code);
		if (strcmp(cand, key) == 0)
			return codes[i].code;
		for (int l = 0; l < 2; l++) {
			hane_text_fold(
				cand, sizeof cand,
				hane_msg_in(codes[i].label, (enum hane_lang)l));
			if (strcmp(cand, key) == 0)
				return codes[i].code;
		}
	}
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (strcmp(extra[i].kind, kind) == 0 &&
		    strcmp(extra[i].word, key) == 0)
			return extra[i].code;
	return NULL;
}

int hc_check_code(const char *kind, enum hane_msg field, const char *code)
{
	char list[512] = "";

	for (size_t i = 0; i < NCODES; i++) {
		if (strcmp(codes[i].kind, kind) != 0)
			continue;
		if (strcmp(codes[i].code, code) == 0)
			return 0;
		if (list[0])
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, hane_msg(codes[i].label),
			sizeof list - strlen(list) - 1);
	}
	hane_error_set(hane_msg(HANE_M_HC_V_CHOICES), hane_msg(field), list);
	return HANE_EINVAL;
}

int hc_field_error(enum hane_msg field, const char *why)
{
	hane_error_set("%s: %s", hane_msg(field), why);
	return HANE_EINVAL;
}

int hc_before(enum hane_msg field, const char *iso)
{
	char d[HANE_DATE_LEN + 1], why[128];

	snprintf(why, sizeof why, hane_msg(HANE_M_HC_V_BEFORE),
		 hane_date_format(d, iso));
	return hc_field_error(field, why);
}

bool hc_gives(const char *have, const char *service)
{
	return strcmp(have, "both") == 0 || strcmp(have, service) == 0;
}

/* ---- Dates and times ---------------------------------------------------------- */

int hc_day(int64_t *out, const char *iso)
{
	int64_t z = hane_date_day(iso);

	if (z == HANE_DAY_NONE) {
		hane_error_set("%s", hane_msg(HANE_M_HC_V_DATE));
		return HANE_EINVAL;
	}
	*out = z;
	return 0;
}

int hc_minutes(const char *s)
{
	int h, m, n = 0;

	if (!s || strlen(s) != HANE_HC_TIME_LEN ||
	    sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || n != 5 || h < 0 ||
	    h > 23 || m < 0 || m > 59)
		return -1;
	return h * 60 + m;
}

int hc_span(const char *start, const char *end, enum hane_msg fstart,
	    enum hane_msg fend, int *s, int *e)
{
	if ((*s = hc_minutes(start)) < 0)
		return hc_field_error(fstart, hane_msg(HANE_M_HC_V_TIME));
	if ((*e = hc_minutes(end)) < 0)
		return hc_field_error(fend, hane_msg(HANE_M_HC_V_TIME));
	return 0;
}

void hc_hhmm(char out[HANE_HC_TIME_LEN + 1], int minutes)
{
	char buf[32];

	/* Minutes past midnight wrap: a time is never wider than "HH:MM". */
	minutes = ((minutes % 1440) + 1440) % 1440;
	snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
	memcpy(out, buf, HANE_HC_TIME_LEN + 1);
}

int hane_homecare_time_parse(char out[HANE_HC_TIME_LEN + 1], const char *s)
{
	char digits[5];
	size_t n = 0, len = s ? strlen(s) : 0;
	int h, m;

	/* H:MM, HH:MM, HH.MM or HHMM */
	for (size_t i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (n == 4)
				goto bad;
			digits[n++] = s[i];
		} else if ((s[i] != ':' && s[i] != '.') || len - i - 1 != 2 ||
			   i == 0) {
			goto bad;
		}
	}
	if (n < 3)
		goto bad;
	m = (digits[n - 2] - '0') * 10 + digits[n - 1] - '0';
	h = n == 4 ? (digits[0] - '0') * 10 + digits[1] - '0' : digits[0] - '0';
	if (h > 23 || m > 59)
		goto bad;
	hc_hhmm(out, h * 60 + m);
	return 0;
bad:
	hane_error_set("%s", hane_msg(HANE_M_HC_V_TIME));
	return HANE_EINVAL;
}

int hc_check_date(enum hane_msg field, const char *iso, bool required)
{
	int64_t d;

	if (!iso || !iso[0]) {
		if (!required)
			return 0;
		hane_error_set(hane_msg(HANE_M_HC_V_REQUIRED), hane_msg(field));
		return HANE_EINVAL;
	}
	if (hc_day(&d, iso) != 0)
		return hc_field_error(field, hane_msg(HANE_M_HC_V_DATE));
	return 0;
}

/* ---- Weekdays ------------------------------------------------------------------ */

char *hane_homecare_needs_words(char *out, size_t outsz, const char *needs)
{
	char buf[128], *save = NULL;
	size_t len = 0;

	out[0] = '\0';
	snprintf(buf, sizeof buf, "%s", needs);
	for (char *t = strtok_r(buf, ", ", &save); t;
	     t = strtok_r(NULL, ", ", &save)) {
		int m = snprintf(out + len, outsz - len, "%s%s",
				 len ? ", " : "", hane_homecare_label(t));

		if (m < 0 || (size_t)m >= outsz - len)
			break;
		len += (size_t)m;
	}
	return out;
}

char *hane_homecare_days_format(char *out, size_t outsz, const char *days)
{
	size_t len = 0;

	if (outsz)
		out[0] = '\0';
	for (const char *p = days ? days : ""; *p && len < outsz; p++) {
		if (*p < '1' || *p > '7')
			continue;
		len += (size_t)snprintf(out + len, outsz - len, "%s%s",
					len ? " " : "",
					hane_weekday_name(*p - '0', true));
	}
	return out;
}

int hane_homecare_days_parse(char out[8], const char *text)
{
	char key[256], bad[64];

	hane_text_fold(key, sizeof key, text ? text : "");
	if (strcmp(key, "hafta ici") == 0 || strcmp(key, "weekdays") == 0) {
		strcpy(out, "12345");
		return 0;
	}
	if (hane_weekdays_parse(out, bad, text) != 0) {
		hane_error_set(hane_msg(HANE_M_HC_V_DAYS), bad);
		return HANE_EINVAL;
	}
	if (!out[0]) {
		hane_error_set(hane_msg(HANE_M_HC_V_DAYS), text ? text : "");
		return HANE_EINVAL;
	}
	return 0;
}

/* ---- Public holidays -------------------------------------------------------------- */

int hane_homecare_holiday(hane_db *db, const char *date,
			  enum hane_homecare_holiday *kind, char *name,
			  size_t namesz)
{
	struct hane_holiday h;
	int rc;

	*kind = HANE_HC_WORKDAY;
	if ((rc = hane_holiday_get(db, date, &h)))
		return rc;
	*kind = h.kind == HANE_HOLIDAY_FULL   ? HANE_HC_FULL
		: h.kind == HANE_HOLIDAY_HALF ? HANE_HC_HALF
					      : HANE_HC_WORKDAY;
	if (name && namesz)
		snprintf(name, namesz, "%s", h.name);
	return 0;
}

int hc_holidays_fill(hane_db *db, int64_t lo, int64_t hi, unsigned char *kinds)
{
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	size_t n = (size_t)(hi - lo + 1);
	int rc;

	hane_date_iso(from, lo);
	hane_date_iso(to, hi);
	if ((rc = hane_holiday_fill(db, from, to, kinds, n)))
		return rc;
	for (size_t i = 0; i < n; i++)
		kinds[i] = kinds[i] == HANE_HOLIDAY_FULL   ? HANE_HC_FULL
			   : kinds[i] == HANE_HOLIDAY_HALF ? HANE_HC_HALF
							   : HANE_HC_WORKDAY;
	return 0;
}

/* ---- Store helpers ------------------------------------------------------- */

int hc_int_row(hane_stmt *st, void *arg)
{
	*(int64_t *)arg = hane_stmt_int(st, 0);
	return 0;
}

static int id_version_row(hane_stmt *st, void *arg)
{
	int64_t *iv = arg;

	iv[0] = hane_stmt_int(st, 0);
	iv[1] = hane_stmt_int(st, 1);
	return 0;
}

int hc_upsert(hane_db *db, const char *table, const char *sql,
	      const struct hane_field *p, size_t np, const struct hane_field *f,
	      size_t nupd, size_t nins)
{
	int64_t iv[2];
	int rc = hane_store_first(db, sql, p, np, id_version_row, iv);

	if (rc == HANE_ENOTFOUND)
		return hane_store_insert(db, table, f, nins, NULL);
	return rc ? rc
		  : hane_store_update(db, table, iv[0], iv[1], f, nupd, NULL);
}
