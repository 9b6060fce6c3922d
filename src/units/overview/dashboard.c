/* The dashboard: each unit's measure this month, this year and over the
 * last twelve months, and the work that is waiting. Read-only queries
 * over the units' tables, guarded by report.run like every report. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "hane/core.h"
#include "hane/i18n.h"
#include "hane/reference.h"
#include "hane/perm.h"
#include "units/overview/overview_int.h"

/* Per unit: its monthly measure (rows of "YYYY-MM", count between :from
 * and :to) and its unduplicated households between the same dates, read
 * from the units' rows; and the same two in the running totals of
 * migration 011 (tally: one or two ov_tally measures; served: the
 * ov_served measure). */
static const struct {
	const char *series;
	const char *households;
	const char *tally[2];
	const char *served;
} measures[HANE_OV__UNITS] = {
	[HANE_OV_INSPECTION] =
		{"SELECT substr(visited_on, 1, 7), count(*)"
		 " FROM inspection_visit"
		 " WHERE visited_on BETWEEN :from AND :to GROUP BY 1",
		 "SELECT count(DISTINCT r.household_id)"
		 " FROM inspection_visit v"
		 " JOIN inspection_request r ON r.id = v.request_id"
		 " WHERE v.visited_on BETWEEN :from AND :to",
		 {"inspection.visits", "inspection.visits"},
		 "inspection.households"},
	[HANE_OV_FOODBANK] =
		{"SELECT substr(date, 1, 7), count(*) FROM fb_distribution"
		 " WHERE date BETWEEN :from AND :to GROUP BY 1",
		 "SELECT count(DISTINCT household_id) FROM fb_distribution"
		 " WHERE date BETWEEN :from AND :to",
		 {"foodbank.packages", "foodbank.packages"},
		 "foodbank.households"},
	[HANE_OV_HOMECARE] =
		{"SELECT substr(date, 1, 7), count(*) FROM homecare_visit"
		 " WHERE status = 'done' AND date BETWEEN :from AND :to"
		 " GROUP BY 1",
		 "SELECT count(DISTINCT p.household_id) FROM homecare_visit v"
		 " JOIN homecare_client c ON c.id = v.client_id"
		 " JOIN person p ON p.id = c.person_id"
		 " WHERE v.status = 'done' AND v.date BETWEEN :from AND :to",
		 {"homecare.care_visits", "homecare.cleanings"},
		 "homecare.households"},
	[HANE_OV_TAXI] =
		{"SELECT substr(day, 1, 7), count(*) FROM taxi_trip"
		 " WHERE status = 'done' AND day BETWEEN :from AND :to"
		 " GROUP BY 1",
		 "SELECT count(DISTINCT p.household_id) FROM taxi_trip t"
		 " JOIN taxi_appointment a ON a.id = t.appointment_id"
		 " JOIN taxi_rider r ON r.id = a.rider_id"
		 " JOIN person p ON p.id = r.person_id"
		 " WHERE t.status = 'done' AND t.day BETWEEN :from AND :to",
		 {"taxi.trips", "taxi.trips"},
		 "taxi.households"},
	/* Dost Eller's measure: its issues; its households, those of the
	 * persons it gave to. */
	[HANE_OV_CLOTHING] =
		{"SELECT substr(date, 1, 7), count(*) FROM clothing_issue"
		 " WHERE date BETWEEN :from AND :to GROUP BY 1",
		 "SELECT count(DISTINCT household_id) FROM clothing_issue"
		 " WHERE date BETWEEN :from AND :to",
		 {"clothing.issues", "clothing.issues"},
		 "clothing.households"},
	[HANE_OV_VETERANS] =
		{"SELECT substr(date, 1, 7), count(*) FROM veteran_visit"
		 " WHERE date BETWEEN :from AND :to GROUP BY 1",
		 "SELECT count(DISTINCT v.household_id) FROM veteran_visit w"
		 " JOIN veteran v ON v.id = w.veteran_id"
		 " WHERE w.date BETWEEN :from AND :to",
		 {"veterans.visits", "veterans.visits"},
		 "veterans.households"},
	/* The kitchen's measure: the morning's soup and the hot meals,
	 * its two daily services; its households are the home-meal
	 * roster's. */
	[HANE_OV_KITCHEN] =
		{"SELECT substr(t.date, 1, 7), sum(t.count)"
		 " FROM kitchen_tally t"
		 " JOIN kitchen_channel c ON c.id = t.channel_id"
		 " JOIN kitchen_item i ON i.id = t.item_id"
		 " WHERE ((c.code = 'morning' AND i.code = 'soup')"
		 " OR (c.code = 'hot' AND i.code = 'meal'))"
		 " AND t.date BETWEEN :from AND :to GROUP BY 1",
		 "SELECT count(DISTINCT household_id) FROM kitchen_home"
		 " WHERE start_date <= :to"
		 " AND (end_date IS NULL OR end_date >= :from)",
		 {"kitchen.morning.soup", "kitchen.hot.meal"},
		 "kitchen.households"},
	/* The centres' measure: check-ins at every site; their households,
	 * those of the persons with a membership or placement running in
	 * the year (migration 020). */
	[HANE_OV_CENTRES] =
		{"SELECT substr(date, 1, 7), count(*) FROM centre_visit"
		 " WHERE date BETWEEN :from AND :to GROUP BY 1",
		 "SELECT count(DISTINCT p.household_id) FROM person p"
		 " WHERE p.id IN (SELECT person_id FROM centre_member"
		 " WHERE start <= :to AND (end_date IS NULL OR end_date >= "
		 ":from)"
		 " UNION SELECT person_id FROM centre_placement"
		 " WHERE start <= :to AND (end_date IS NULL OR end_date >= "
		 ":from))",
		 {"centres.visits", "centres.visits"},
		 "centres.households"},
};

/* Whether the running totals answer for today: they count whole months
 * and whole years, so they do when no counted row lies after today (the
 * dashboard of today; a dashboard of a past day falls back to the rows). */
static int totals_answer(hane_db *db, const char *today, bool *yes)
{
	const char *names[] = {":today"};
	const char *vals[] = {today};
	int64_t later = 1;
	int rc;

	rc = ov_query_int(
		db,
		"SELECT EXISTS (SELECT 1 FROM inspection_visit"
		"  WHERE visited_on > :today)"
		" OR EXISTS (SELECT 1 FROM fb_distribution WHERE date > :today)"
		" OR EXISTS (SELECT 1 FROM homecare_visit"
		"  WHERE date > :today AND status = 'done')"
		" OR EXISTS (SELECT 1 FROM taxi_trip"
		"  WHERE day > :today AND status = 'done')",
		names, vals, 1, &later);
	*yes = rc == 0 && later == 0;
	return rc;
}

struct series {
	const struct hane_ov_dashboard *d;
	struct hane_ov_unit_stats *s;
};

static int series_row(hane_stmt *st, void *arg)
{
	struct series *k = arg;
	const char *m = hane_stmt_text(st, 0);

	for (int i = 0; i < HANE_OV_MONTHS; i++)
		if (strcmp(k->d->months[i], m) == 0)
			k->s->series[i] = hane_stmt_int(st, 1);
	return 0;
}

/* The unit's twelve months: from the running totals (whole months) or
 * from the units' rows (from the first month's first day to today). */
static int series(hane_db *db, int u, struct hane_ov_dashboard *d,
		  const char *from)
{
	struct series k = {d, &d->unit[u]};
	/* The totals' two measures after the dates, bound for them alone. */
	const struct hane_field p[] = {
		HANE_FTEXT(":from", d->from_totals ? d->months[0] : from),
		HANE_FTEXT(":to", d->from_totals ? d->months[HANE_OV_MONTHS - 1]
						 : d->today),
		HANE_FTEXT(":m1", measures[u].tally[0]),
		HANE_FTEXT(":m2", measures[u].tally[1])};
	int rc = hane_store_each(db,
				 d->from_totals
					 ? "SELECT month, sum(n) FROM ov_tally"
					   " WHERE measure IN (:m1, :m2)"
					   " AND month BETWEEN :from AND :to"
					   " GROUP BY month"
					 : measures[u].series,
				 p, d->from_totals ? 4 : 2, series_row, &k);

	if (rc)
		return rc;
	k.s->month = k.s->series[HANE_OV_MONTHS - 1];
	return 0;
}

/* The sum of the months of this year (the series covers them all). */
static void year_sum(struct hane_ov_dashboard *d, int u)
{
	d->unit[u].year = 0;
	for (int i = 0; i < HANE_OV_MONTHS; i++)
		if (strncmp(d->months[i], d->today, 4) == 0)
			d->unit[u].year += d->unit[u].series[i];
}

/* The waiting work: one count each, the field it fills. */
static const struct {
	const char *sql;
	size_t field;
} waiting[] = {
	{"SELECT count(*) FROM inspection_request WHERE status IN"
	 " ('requested', 'assigned', 'visited')",
	 offsetof(struct hane_ov_dashboard, insp_open)},
	{"SELECT count(*) FROM inspection_request"
	 " WHERE status IN ('requested', 'assigned') AND due_on < :today",
	 offsetof(struct hane_ov_dashboard, insp_overdue)},
	{"SELECT count(DISTINCT r.household_id) FROM fb_referral r"
	 " WHERE r.valid_from <= :today"
	 " AND (r.valid_until IS NULL OR r.valid_until >= :today)"
	 " AND NOT EXISTS (SELECT 1 FROM fb_distribution x"
	 " WHERE x.household_id = r.household_id AND x.date > :since)",
	 offsetof(struct hane_ov_dashboard, food_unserved)},
	{"SELECT count(*) FROM homecare_visit"
	 " WHERE date = :today AND status = 'planned'",
	 offsetof(struct hane_ov_dashboard, care_today)},
	{"SELECT count(*) FROM homecare_visit WHERE followup = 'open'",
	 offsetof(struct hane_ov_dashboard, care_missed)},
	{"SELECT count(*) FROM taxi_trip"
	 " WHERE day = :tomorrow AND status = 'planned'",
	 offsetof(struct hane_ov_dashboard, taxi_tomorrow)},
	{"SELECT count(*) FROM taxi_trip WHERE day = :tomorrow"
	 " AND status = 'planned' AND vehicle_id IS NULL",
	 offsetof(struct hane_ov_dashboard, taxi_no_vehicle)},
};

/* The twelve months ending with today's, oldest first. */
static void last_months(struct hane_ov_dashboard *d, int y, int m)
{
	for (int i = HANE_OV_MONTHS - 1; i >= 0; i--) {
		snprintf(d->months[i], sizeof d->months[i], "%04d-%02d", y, m);
		if (--m == 0) {
			m = 12;
			y--;
		}
	}
}

/* Each unit's monthly series and the households it served this year. */
static int unit_rows(hane_db *db, struct hane_ov_dashboard *d, int y,
		     const char *from, const char *const *names,
		     const char *const *vals)
{
	char year[8];
	int rc;

	snprintf(year, sizeof year, "%d", y);
	for (int u = 0; u < HANE_OV__UNITS; u++) {
		const char *sn[] = {":m", ":year"};
		const char *sv[] = {measures[u].served, year};

		if ((rc = series(db, u, d, from)) != 0)
			return rc;
		year_sum(d, u);
		if (d->from_totals)
			rc = ov_query_int(
				db,
				"SELECT count(*) FROM ov_served"
				" WHERE measure = :m AND year = :year",
				sn, sv, 2, &d->unit[u].year_households);
		else
			rc = ov_query_int(db, measures[u].households, names,
					  vals, 5, &d->unit[u].year_households);
		if (rc)
			return rc;
	}
	return 0;
}

int hane_overview_dashboard(hane_db *db, const char *today, int food_days,
			    struct hane_ov_dashboard *d)
{
	char from[HANE_DATE_LEN + 1], yfrom[HANE_DATE_LEN + 1];
	char since[HANE_DATE_LEN + 1], tomorrow[HANE_DATE_LEN + 1];
	const char *names[] = {":from", ":to", ":today", ":since", ":tomorrow"};
	const char *vals[5];
	int y, m, rc;

	memset(d, 0, sizeof *d);
	if ((rc = hane_can(db, HANE_ACT_REPORT_RUN)) != 0)
		return rc;
	if (today && *today)
		HANE_COPY(d->today, today);
	else
		hane_today(d->today);
	if (hane_date_day(d->today) == HANE_DAY_NONE) {
		hane_error_set("%s: %s", hane_msg(HANE_M_OV_BAD_DATE),
			       d->today);
		return HANE_EINVAL;
	}
	d->food_days = food_days > 0 ? food_days : 30;
	if ((rc = hane_holiday_unentered(db, NULL, NULL, d->holidays_missing,
					 sizeof d->holidays_missing)) != 0)
		return rc;
	sscanf(d->today, "%d-%d", &y, &m);
	last_months(d, y, m);
	snprintf(from, sizeof from, "%s-01", d->months[0]);
	snprintf(yfrom, sizeof yfrom, "%04d-01-01", y);
	ov_date_add(since, d->today, -d->food_days);
	ov_date_add(tomorrow, d->today, 1);
	vals[0] = yfrom;
	vals[1] = d->today;
	vals[2] = d->today;
	vals[3] = since;
	vals[4] = tomorrow;
	if ((rc = totals_answer(db, d->today, &d->from_totals)) != 0 ||
	    (rc = unit_rows(db, d, y, from, names, vals)) != 0)
		return rc;
	for (size_t i = 0; i < sizeof waiting / sizeof waiting[0]; i++)
		if ((rc = ov_query_int(
			     db, waiting[i].sql, names, vals, 5,
			     (int64_t *)((char *)d + waiting[i].field))) != 0)
			return rc;
	return 0;
}

/* label padded with spaces to w columns (Turkish letters are one column
 * but two bytes, so printf's %-20s would not do). */
static void pad(char *out, size_t outsz, const char *label, int w)
{
	int n = hane_text_width(label);
	size_t len;

	snprintf(out, outsz, "%s", label);
	len = strlen(out);
	while (n++ < w && len + 1 < outsz)
		out[len++] = ' ';
	out[len] = '\0';
}

static const enum hane_msg spark_label[HANE_OV__UNITS] = {
	HANE_M_OV_SPARK_INSPECTION, HANE_M_OV_SPARK_FOODBANK,
	HANE_M_OV_SPARK_HOMECARE,   HANE_M_OV_SPARK_TAXI,
	HANE_M_OV_SPARK_CLOTHING,   HANE_M_OV_SPARK_VETERANS,
	HANE_M_OV_SPARK_KITCHEN,    HANE_M_OV_SPARK_CENTRES};

/* The widest of n labels: the panel's lines line their numbers up after
 * it, in either language, without a column to spare (the main menu's
 * panel is 54 columns wide at 80). */
static int label_width(const enum hane_msg *labels, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n; i++)
		if (hane_text_width(hane_msg(labels[i])) > w)
			w = hane_text_width(hane_msg(labels[i]));
	return w;
}

static const enum hane_msg count_label[] = {HANE_M_OV_T_INSPECTION,
					    HANE_M_OV_T_FOOD, HANE_M_OV_T_CARE,
					    HANE_M_OV_T_TAXI};

void hane_overview_today_row(char *out, size_t outsz, const char *label,
			     int64_t value)
{
	char l[128], a[32];

	pad(l, sizeof l, label,
	    label_width(count_label, HANE_COUNTOF(count_label)));
	hane_num_format(a, sizeof a, value);
	snprintf(out, outsz, "%s %5s", l, a);
}

int hane_overview_today_lines(hane_db *db, char (*lines)[256], int max,
			      int cols, bool unicode)
{
	struct hane_ov_dashboard d;
	char a[32], b[32], l[128], sp[64];
	int n = 0, lw = label_width(count_label, HANE_COUNTOF(count_label)),
	    sw = label_width(spark_label, HANE_OV__UNITS);

	if (!db || max <= 0 || hane_overview_dashboard(db, NULL, 0, &d) != 0)
		return 0;
#define LINE(...)                                                              \
	do {                                                                   \
		if (n < max) {                                                 \
			char t_[512];                                          \
			snprintf(t_, sizeof t_, __VA_ARGS__);                  \
			hane_text_truncate(lines[n], 256, t_, cols);           \
			n++;                                                   \
		}                                                              \
	} while (0)
	/* First: the panel has room for only so many lines. */
	if (d.holidays_missing[0])
		LINE(hane_msg(HANE_M_REF_HOLIDAY_WARN_SHORT),
		     d.holidays_missing);
	pad(l, sizeof l, hane_msg(HANE_M_OV_T_INSPECTION), lw);
	hane_num_format(a, sizeof a, d.insp_open);
	hane_num_format(b, sizeof b, d.insp_overdue);
	LINE("%s %5s  (%s %s)", l, a, b, hane_msg(HANE_M_OV_T_OVERDUE));
	pad(l, sizeof l, hane_msg(HANE_M_OV_T_FOOD), lw);
	hane_num_format(a, sizeof a, d.unit[HANE_OV_FOODBANK].month);
	hane_num_format(b, sizeof b, d.food_unserved);
	LINE("%s %5s  (%s %s)", l, a, b, hane_msg(HANE_M_OV_T_UNSERVED));
	pad(l, sizeof l, hane_msg(HANE_M_OV_T_CARE), lw);
	hane_num_format(a, sizeof a, d.care_today);
	hane_num_format(b, sizeof b, d.care_missed);
	LINE("%s %5s %s \u00b7 %s %s", l, a, hane_msg(HANE_M_OV_T_TODAY), b,
	     hane_msg(HANE_M_OV_T_MISSED));
	pad(l, sizeof l, hane_msg(HANE_M_OV_T_TAXI), lw);
	hane_num_format(a, sizeof a, d.taxi_tomorrow);
	hane_num_format(b, sizeof b, d.taxi_no_vehicle);
	LINE("%s %5s %s \u00b7 %s %s", l, a, hane_msg(HANE_M_OV_T_TOMORROW), b,
	     hane_msg(HANE_M_OV_T_NO_VEHICLE));
	for (int u = 0; u < HANE_OV__UNITS; u++) {
		pad(l, sizeof l, hane_msg(spark_label[u]), sw);
		hane_chart_sparkline(sp, sizeof sp, d.unit[u].series,
				     HANE_OV_MONTHS, unicode);
		LINE("%s %s", l, sp);
	}
#undef LINE
	return n;
}
