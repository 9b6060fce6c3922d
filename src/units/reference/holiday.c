/* One holiday list for every unit: the fixed national holidays, known for
 * every year, and the rows of table holiday (religious holidays and other
 * declared days, entered by administrators; seeded for 2025–2027).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/reference.h"

/* Law 2429. 28 October: offices close at 13:00 (the eve of 29 Ekim). */
static const struct {
	const char *md;
	enum hane_holiday_kind kind;
	const char *name;
} fixed[] = {
	{"01-01", HANE_HOLIDAY_FULL, "Yılbaşı"},
	{"04-23", HANE_HOLIDAY_FULL, "Ulusal Egemenlik ve Çocuk Bayramı"},
	{"05-01", HANE_HOLIDAY_FULL, "Emek ve Dayanışma Günü"},
	{"05-19", HANE_HOLIDAY_FULL, "Atatürk'ü Anma, Gençlik ve Spor Bayramı"},
	{"07-15", HANE_HOLIDAY_FULL, "Demokrasi ve Millî Birlik Günü"},
	{"08-30", HANE_HOLIDAY_FULL, "Zafer Bayramı"},
	{"10-28", HANE_HOLIDAY_HALF, "Cumhuriyet Bayramı arifesi"},
	{"10-29", HANE_HOLIDAY_FULL, "Cumhuriyet Bayramı"},
};
#define NFIXED (sizeof fixed / sizeof fixed[0])

static int fixed_index(const char *iso)
{
	for (size_t i = 0; i < NFIXED; i++)
		if (strcmp(iso + 5, fixed[i].md) == 0)
			return (int)i;
	return -1;
}

static int check_iso(const char *day)
{
	int y, m, d;

	if (!day || strlen(day) != HANE_DATE_LEN ||
	    sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    !hane_date_valid(y, m, d)) {
		hane_error_set("%s: %s", hane_msg(HANE_M_DATE_INVALID),
			       day ? day : "");
		return HANE_EINVAL;
	}
	return 0;
}

/* A row of the table (day, name, half, id, version) over the day h: its
 * name, the longer kind, its id and version. */
static void row_over(hane_stmt *st, struct hane_holiday *h)
{
	enum hane_holiday_kind k =
		hane_stmt_int(st, 2) ? HANE_HOLIDAY_HALF : HANE_HOLIDAY_FULL;

	snprintf(h->name, sizeof h->name, "%s", hane_stmt_text(st, 1));
	if (k > h->kind)
		h->kind = k;
	h->fixed = false;
	h->id = hane_stmt_int(st, 3);
	h->version = hane_stmt_int(st, 4);
}

static int get_row(hane_stmt *st, void *arg)
{
	row_over(st, arg);
	return 0;
}

#define ROW_COLUMNS "SELECT day, name, half, id, version FROM holiday"

int hane_holiday_get(hane_db *db, const char *day, struct hane_holiday *out)
{
	struct hane_field d = HANE_FTEXT(":d", day);
	int rc, fx;

	memset(out, 0, sizeof *out);
	if ((rc = check_iso(day)))
		return rc;
	snprintf(out->day, sizeof out->day, "%s", day);
	if ((fx = fixed_index(day)) >= 0) {
		out->kind = fixed[fx].kind;
		out->fixed = true;
		snprintf(out->name, sizeof out->name, "%s", fixed[fx].name);
	}
	rc = hane_store_first(db, ROW_COLUMNS " WHERE day = :d", &d, 1, get_row,
			      out);
	return rc == HANE_ENOTFOUND ? 0 : rc;
}

/* hane_holiday_fill's row: the day's kind, the longer one. */
struct fill {
	unsigned char *kinds;
	int64_t lo, hi;
};

static int fill_row(hane_stmt *st, void *arg)
{
	const struct fill *f = arg;
	int64_t d = hane_date_day(hane_stmt_text(st, 0));
	unsigned char k =
		hane_stmt_int(st, 1) ? HANE_HOLIDAY_HALF : HANE_HOLIDAY_FULL;

	if (d >= f->lo && d <= f->hi && k > f->kinds[d - f->lo])
		f->kinds[d - f->lo] = k;
	return 0;
}

int hane_holiday_fill(hane_db *db, const char *from, const char *to,
		      unsigned char *kinds, size_t n)
{
	struct hane_field p[] = {HANE_FTEXT(":f", from), HANE_FTEXT(":t", to)};
	int64_t lo, hi;
	int rc;

	if ((rc = check_iso(from)) || (rc = check_iso(to)))
		return rc;
	lo = hane_date_day(from);
	hi = hane_date_day(to);
	if (hi < lo || (size_t)(hi - lo + 1) > n)
		return HANE_EINVAL;
	memset(kinds, HANE_HOLIDAY_NONE, (size_t)(hi - lo + 1));
	for (int64_t d = lo; d <= hi; d++) {
		char iso[HANE_DATE_LEN + 1];
		int fx;

		hane_date_iso(iso, d);
		if ((fx = fixed_index(iso)) >= 0)
			kinds[d - lo] = (unsigned char)fixed[fx].kind;
	}
	return hane_store_each(db,
			       "SELECT day, half FROM holiday"
			       " WHERE day BETWEEN :f AND :t",
			       p, 2, fill_row, &(struct fill){kinds, lo, hi});
}

/* A year's days: the fixed ones first, then the table's rows. */
struct year_days {
	struct hane_holiday *all;
	size_t n, cap;
};

/* One row of the table: over a fixed day it takes its place (name, the
 * longer kind); otherwise a day of its own. */
static int year_row(hane_stmt *st, void *arg)
{
	struct year_days *y = arg;
	const char *day = hane_stmt_text(st, 0);
	struct hane_holiday *h = NULL;

	for (size_t i = 0; i < NFIXED; i++)
		if (!strcmp(y->all[i].day, day))
			h = &y->all[i];
	if (!h) {
		if (!(h = HANE_PUSH(y->all, y->cap, y->n, NULL, NFIXED)))
			return HANE_ENOMEM;
		snprintf(h->day, sizeof h->day, "%s", day);
	}
	row_over(st, h);
	return 0;
}

int hane_holiday_list(hane_db *db, int year,
		      int (*fn)(const struct hane_holiday *h, void *arg),
		      void *arg)
{
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	struct year_days y = {NULL, 0, NFIXED + 32};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ)))
		return rc;
	if (year < 1900 || year > 9999) {
		hane_error_set(hane_msg(HANE_M_REF_BAD_YEAR), year);
		return HANE_EINVAL;
	}
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	if (!(y.all = calloc(y.cap, sizeof *y.all)))
		return HANE_ENOMEM;
	for (size_t i = 0; i < NFIXED; i++) {
		struct hane_holiday *h = &y.all[y.n++];

		snprintf(h->day, sizeof h->day, "%04d-%s", year, fixed[i].md);
		snprintf(h->name, sizeof h->name, "%s", fixed[i].name);
		h->kind = fixed[i].kind;
		h->fixed = true;
	}
	{
		struct hane_field p[] = {HANE_FTEXT(":f", from),
					 HANE_FTEXT(":t", to)};

		rc = hane_store_each(db,
				     ROW_COLUMNS " WHERE day BETWEEN :f AND :t"
						 " ORDER BY day",
				     p, 2, year_row, &y);
	}
	/* insertion sort by day: a few dozen days */
	for (size_t i = 1; rc == 0 && i < y.n; i++)
		for (size_t j = i;
		     j > 0 && strcmp(y.all[j - 1].day, y.all[j].day) > 0; j--) {
			struct hane_holiday t = y.all[j];

			y.all[j] = y.all[j - 1];
			y.all[j - 1] = t;
		}
	for (size_t i = 0; i < y.n && rc == 0; i++)
		rc = fn(&y.all[i], arg);
	free(y.all);
	return rc;
}

int hane_holiday_add(hane_db *db, const char *day, const char *name, bool half)
{
	char iso[HANE_DATE_LEN + 1], clean[160];
	struct hane_field f[3];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_REFERENCE_ADMIN)))
		return rc;
	if ((rc = hane_date_parse(iso, day ? day : "")))
		return rc;
	snprintf(clean, sizeof clean, "%s", name ? name : "");
	hane_text_trim(clean);
	if (!clean[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_REF_F_HOLIDAY));
		return HANE_EINVAL;
	}
	f[0] = (struct hane_field)HANE_FTEXT("day", iso);
	f[1] = (struct hane_field)HANE_FTEXT("name", clean);
	f[2] = (struct hane_field)HANE_FINT("half", half ? 1 : 0);
	rc = hane_store_insert(db, "holiday", f, 3, NULL);
	if (rc == HANE_EEXIST) {
		char shown[HANE_DATE_LEN + 1];

		hane_error_set(hane_msg(HANE_M_REF_HOLIDAY_EXISTS),
			       hane_date_format(shown, iso));
	}
	return rc;
}

int hane_holiday_remove(hane_db *db, const char *day)
{
	char iso[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];
	struct hane_holiday h;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_REFERENCE_ADMIN)))
		return rc;
	if ((rc = hane_date_parse(iso, day ? day : "")) ||
	    (rc = hane_holiday_get(db, iso, &h)))
		return rc;
	hane_date_format(shown, iso);
	if (!h.id) {
		if (h.fixed) {
			hane_error_set(hane_msg(HANE_M_REF_HOLIDAY_FIXED),
				       shown, h.name);
			return HANE_EINVAL;
		}
		hane_error_set(hane_msg(HANE_M_REF_HOLIDAY_NONE), shown);
		return HANE_ENOTFOUND;
	}
	return hane_store_delete(db, "holiday", h.id, h.version);
}

int hane_holiday_year_entered(hane_db *db, int year, bool *out)
{
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	int rc;

	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	struct hane_field p[] = {HANE_FTEXT(":f", from), HANE_FTEXT(":t", to)};

	rc = hane_store_first(db,
			      "SELECT 1 FROM holiday"
			      " WHERE day BETWEEN :f AND :t LIMIT 1",
			      p, 2, NULL, NULL);
	*out = rc == 0;
	return rc == HANE_ENOTFOUND ? 0 : rc;
}

int hane_holiday_unentered(hane_db *db, const char *from, const char *to,
			   char *years, size_t yearssz)
{
	char today[HANE_DATE_LEN + 1], ahead[HANE_DATE_LEN + 1];
	int lo, hi, rc, y, count = 0;
	size_t len = 0;

	years[0] = '\0';
	hane_today(today);
	hane_date_iso(ahead, hane_date_day(today) + 120);
	lo = atoi(today);
	hi = atoi(ahead);
	/* The years of from..to join the next 120 days' (at most 10). */
	if (from && !check_iso(from) && atoi(from) < lo)
		lo = atoi(from);
	if (to && !check_iso(to) && atoi(to) > hi)
		hi = atoi(to);
	if (hi - lo > 10)
		hi = lo + 10;
	for (y = lo; y <= hi; y++) {
		bool entered;

		/* Years before this one are history, not a plan. */
		if (y < atoi(today))
			continue;
		if ((rc = hane_holiday_year_entered(db, y, &entered)))
			return rc;
		if (!entered && len + 8 < yearssz) {
			len += (size_t)snprintf(years + len, yearssz - len,
						"%s%d", count ? ", " : "", y);
			count++;
		}
	}
	return 0;
}

int hane_holiday_warning(hane_db *db, const char *from, const char *to,
			 char *out, size_t outsz)
{
	char years[64];
	int rc;

	out[0] = '\0';
	if ((rc = hane_holiday_unentered(db, from, to, years, sizeof years)))
		return rc;
	if (years[0])
		snprintf(out, outsz, hane_msg(HANE_M_REF_HOLIDAY_WARN), years);
	return 0;
}

const char *hane_holiday_kind_text(const struct hane_holiday *h)
{
	return hane_msg(h->kind == HANE_HOLIDAY_HALF
				? HANE_M_REF_HOLIDAY_HALF_TAG
				: HANE_M_REF_HOLIDAY_FULL_TAG);
}

const char *hane_holiday_source_text(const struct hane_holiday *h)
{
	return hane_msg(h->fixed ? HANE_M_REF_HOLIDAY_FIXED_TAG
				 : HANE_M_REF_HOLIDAY_ENTERED_TAG);
}
