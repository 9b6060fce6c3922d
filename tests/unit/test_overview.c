/* The overview: charts at 80 and 120 columns with and without Unicode,
 * the annual report on a generated year whose figures are known, the
 * dashboard, household 360, duplicates merge and undo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "hane/core.h"
#include "hane/foodbank.h"
#include "hane/homecare.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/overview.h"
#include "units/overview/overview_int.h"

/* ---- Charts ------------------------------------------------------------------ */

static const int64_t year_v[12] = {120, 80, 0, 45, 300, 299,
				   150, 10, 1, 75, 200, 260};
static const char *const mon[12] = {"Oca", "Şub", "Mar", "Nis", "May", "Haz",
				    "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"};

static bool ascii_only(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* Every line at most width columns; returns the number of lines. */
static int check_lines(const char *text, int width)
{
	char line[2048];
	int n = 0;

	for (const char *p = text; *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		assert_true(len < sizeof line);
		memcpy(line, p, len);
		line[len] = '\0';
		if (hane_text_width(line) > width)
			fail_msg("line wider than %d: '%s'", width, line);
		n++;
		p += len + (e ? 1 : 0);
	}
	return n;
}

/* The column of bar i (in characters of the first line after gutter). */
static void bars_at(int width, bool unicode)
{
	char out[16384], first[1024];
	int lines = hane_chart_bars(out, sizeof out, year_v, mon, 12, width, 8,
				    unicode);
	const char *full = unicode ? "\u2588" : "#";

	assert_int_equal(lines, 9);
	assert_int_equal(check_lines(out, width), 9);
	/* The largest value reaches the top line; its label is there. */
	memcpy(first, out, (size_t)(strchr(out, '\n') - out));
	first[strchr(out, '\n') - out] = '\0';
	assert_non_null(strstr(first, "300"));
	assert_non_null(strstr(first, full));
	assert_non_null(strstr(out, "Haz"));
	assert_non_null(strstr(out, "Ağu"));
	if (!unicode) {
		/* Month labels are Turkish; the bars themselves are ASCII. */
		char bars[16384];
		const char *lab = strrchr(out, '\n');

		(void)lab;
		snprintf(bars, sizeof bars, "%s", out);
		*strstr(bars, "Oca") = '\0';
		assert_true(ascii_only(bars));
		assert_null(strstr(out, "\u2581"));
	} else {
		assert_null(strstr(out, "#"));
	}
	/* A wider screen gives wider bars: the full block repeats. */
	if (width >= 120)
		assert_non_null(strstr(out, unicode ? "\u2588\u2588\u2588\u2588"
						      "\u2588\u2588"
						    : "######"));
}

static void test_chart_bars_80_unicode(void **s)
{
	(void)s;
	bars_at(80, true);
}

static void test_chart_bars_80_ascii(void **s)
{
	(void)s;
	bars_at(80, false);
}

static void test_chart_bars_120_unicode(void **s)
{
	(void)s;
	bars_at(120, true);
}

static void test_chart_bars_120_ascii(void **s)
{
	(void)s;
	bars_at(120, false);
}

static void test_chart_small_values_show(void **s)
{
	char out[8192];
	int64_t v[12] = {1000000, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

	(void)s;
	assert_int_equal(
		hane_chart_bars(out, sizeof out, v, mon, 12, 80, 4, false), 5);
	/* The bottom bar line: 1,000,000 fills it, 1 still shows a mark. */
	{
		const char *l = out;

		for (int i = 0; i < 3; i++)
			l = strchr(l, '\n') + 1;
		assert_non_null(strstr(l, "0 "));
		assert_non_null(strchr(l, '.'));
	}
	assert_non_null(strstr(out, "1.000.000"));
	/* Too narrow for twelve bars. */
	assert_int_equal(
		hane_chart_bars(out, sizeof out, v, mon, 12, 30, 4, true),
		HANE_EINVAL);
}

static void test_sparkline(void **s)
{
	char out[128];
	int64_t v[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 100, 50, 100};

	(void)s;
	hane_chart_sparkline(out, sizeof out, v, 12, true);
	assert_int_equal(hane_text_width(out), 12);
	assert_memory_equal(out, "\u2581\u2582", strlen("\u2581\u2582"));
	assert_non_null(strstr(out, "\u2588"));
	hane_chart_sparkline(out, sizeof out, v, 12, false);
	assert_string_equal(out, "_........#=#");
	setenv("HANE_ASCII", "1", 1);
	assert_false(hane_chart_unicode_ok());
	unsetenv("HANE_ASCII");
	setenv("TERM", "linux", 1);
	assert_false(hane_chart_unicode_ok());
	setenv("TERM", "xterm-256color", 1);
	assert_true(hane_chart_unicode_ok());
}

static void test_num(void **s)
{
	char b[32];

	(void)s;
	assert_string_equal(hane_num_format(b, sizeof b, 0), "0");
	assert_string_equal(hane_num_format(b, sizeof b, 999), "999");
	assert_string_equal(hane_num_format(b, sizeof b, 9606), "9.606");
	assert_string_equal(hane_num_format(b, sizeof b, 1234567), "1.234.567");
	assert_string_equal(hane_num_format(b, sizeof b, -12000), "-12.000");
}

/* ---- A generated year ---------------------------------------------------------- */

struct fig {
	const char *id;
	int64_t v;
};

static int collect(const struct hane_ov_figure *f, void *arg)
{
	struct fig *figs = arg;

	for (int i = 0; figs[i].id; i++)
		if (strcmp(figs[i].id, f->id) == 0)
			figs[i].v = f->value;
	assert_non_null(strstr(f->sql, ":year"));
	return 0;
}

static void test_annual_on_generated_year(void **s)
{
	hane_db *db;
	struct hane_ov_demo_counts c;
	struct fig figs[] = {{"inspection.requests", -1},
			     {"inspection.visits", -1},
			     {"inspection.decisions", -1},
			     {"inspection.aid", -1},
			     {"inspection.households", -1},
			     {"foodbank.packages", -1},
			     {"foodbank.households", -1},
			     {"homecare.care_visits", -1},
			     {"homecare.care_persons", -1},
			     {"homecare.cleanings", -1},
			     {"homecare.cleaning_persons", -1},
			     {"taxi.appointments", -1},
			     {"taxi.trips", -1},
			     {"taxi.riders", -1},
			     {NULL, 0}};
	int64_t other;

	(void)s;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	db = tu_open_demo(NULL);
	tu_ok(hane_overview_demo_year(db, 2025, 0.02, 7, &c, NULL, NULL));
	if (c.missing[0])
		fail_msg("generator could not fill: %s", c.missing);
	/* İzmit 2025 at 2%. */
	assert_int_equal(c.insp_requests, 192);
	assert_int_equal(c.insp_visits, 192);
	assert_int_equal(c.insp_decisions, 192);
	assert_int_equal(c.insp_households, 192);
	assert_int_equal(c.food_households, 61);
	assert_int_equal(c.care_visits, 51);
	assert_int_equal(c.care_persons, 4);
	assert_int_equal(c.cleaning_visits, 33);
	assert_int_equal(c.cleaning_persons, 4);
	assert_int_equal(c.taxi_appointments, 9);
	assert_int_equal(c.taxi_trips, 18);
	tu_ok(hane_overview_annual(db, 2025, collect, figs));
	assert_int_equal(figs[0].v, c.insp_requests);
	assert_int_equal(figs[1].v, c.insp_visits);
	assert_int_equal(figs[2].v, c.insp_decisions);
	assert_int_equal(figs[3].v, c.insp_aid);
	assert_int_equal(figs[4].v, c.insp_households);
	assert_int_equal(figs[5].v, c.food_packages);
	assert_int_equal(figs[6].v, c.food_households);
	assert_int_equal(figs[7].v, c.care_visits);
	assert_int_equal(figs[8].v, c.care_persons);
	assert_int_equal(figs[9].v, c.cleaning_visits);
	assert_int_equal(figs[10].v, c.cleaning_persons);
	assert_int_equal(figs[11].v, c.taxi_appointments);
	assert_int_equal(figs[12].v, c.taxi_trips);
	assert_int_equal(figs[13].v, c.taxi_riders);
	/* Another year is empty. */
	tu_ok(hane_overview_figure(db, 2024, "inspection.requests", &other));
	assert_int_equal(other, 0);
	assert_int_equal(hane_overview_figure(db, 2025, "nope", &other),
			 HANE_ENOTFOUND);
	/* The published summary reads the same numbers, in the language
	 * chosen: Turkish ... */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);
		char expect[128];

		hane_lang_set(HANE_LANG_TR);
		tu_ok(hane_overview_annual_text(db, 2025, fp, true));
		fclose(fp);
		assert_non_null(strstr(buf, "2025 Yılı Faaliyet Özeti"));
		snprintf(expect, sizeof expect, "%lld hanede",
			 (long long)c.insp_households);
		assert_non_null(strstr(buf, expect));
		snprintf(expect, sizeof expect, "%lld randevu için %lld sefer",
			 (long long)c.taxi_appointments,
			 (long long)c.taxi_trips);
		assert_non_null(strstr(buf, expect));
		assert_non_null(strstr(buf, "SELECT count(*) FROM"));
		free(buf);
	}
	/* ... and English (until 3 December 2026 always Turkish). */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);
		char expect[128];

		hane_lang_set(HANE_LANG_EN);
		tu_ok(hane_overview_annual_text(db, 2025, fp, false));
		fclose(fp);
		assert_int_equal(hane_lang_get(), HANE_LANG_EN);
		hane_lang_set(HANE_LANG_TR);
		assert_non_null(strstr(buf, "Activity summary 2025"));
		assert_null(strstr(buf, "Faaliyet"));
		snprintf(expect, sizeof expect,
			 "served %lld appointments with %lld trips",
			 (long long)c.taxi_appointments,
			 (long long)c.taxi_trips);
		assert_non_null(strstr(buf, expect));
		assert_null(strstr(buf, "SELECT"));
		free(buf);
	}
	/* The dashboard on a day of that year sees the same months. */
	{
		struct hane_ov_dashboard d;
		int64_t sum = 0;

		tu_ok(hane_overview_dashboard(db, "2025-12-31", 30, &d));
		for (int i = 0; i < HANE_OV_MONTHS; i++)
			sum += d.unit[HANE_OV_TAXI].series[i];
		assert_int_equal(sum, c.taxi_trips);
		assert_int_equal(d.unit[HANE_OV_INSPECTION].year,
				 c.insp_visits);
		assert_string_equal(d.months[0], "2025-01");
		assert_string_equal(d.months[11], "2025-12");
	}
	hane_store_close(db);
}

/* ---- The food bank's year: what comes in ---------------------------------------- */

static int stock_row(const struct hane_fb_stock_row *r, void *arg)
{
	(*(int *)arg)++;
	if (r->in_milli < r->out_milli)
		fail_msg("%s %s %s: in %lld < out %lld", r->branch, r->category,
			 r->unit, (long long)r->in_milli,
			 (long long)r->out_milli);
	return 0;
}

struct week {
	int64_t value;
	int markets, deliveries;
};

static int week_row(const struct hane_fb_ledger_row *r, void *arg)
{
	struct week *w = arg;

	w->value += r->value_kurus;
	w->markets += r->deliveries > 0;
	w->deliveries += r->deliveries;
	return 0;
}

/* Day by day, per branch, category and unit: how many days the stock
 * stood below zero after that day's movements. */
#define NEGATIVE_DAYS                                                          \
	"WITH mv AS (SELECT d.branch_id b, d.date dt, i.category c,"           \
	" i.unit u, i.qty_milli q FROM fb_donation_item i"                     \
	" JOIN fb_donation d ON d.id = i.donation_id UNION ALL"                \
	" SELECT branch_id, date, category, unit, qty_milli FROM fb_supply"    \
	" UNION ALL SELECT d.branch_id, d.date, i.category, i.unit,"           \
	" -i.qty_milli FROM fb_distribution_item i"                            \
	" JOIN fb_distribution d ON d.id = i.distribution_id),"                \
	" day AS (SELECT b, dt, c, u, sum(q) q FROM mv GROUP BY b, dt, c, u)," \
	" cum AS (SELECT sum(q) OVER (PARTITION BY b, c, u ORDER BY dt) s"     \
	" FROM day) SELECT count(*) FROM cum WHERE s < 0 AND :x = :x"

static void test_demo_year_food_bank_intake(void **s)
{
	hane_db *db;
	struct hane_ov_demo_counts c;
	struct week w = {0, 0, 0};
	int64_t v, neg = -1;
	int rows = 0;

	(void)s;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	db = tu_open_demo(NULL);
	tu_ok(hane_overview_demo_year_units(
		db, 2025, 0.02, 7, 1u << HANE_OV_FOODBANK, &c, NULL, NULL));
	if (c.missing[0])
		fail_msg("generator could not fill: %s", c.missing);
	/* Donations and the markets' supplies, read back by the report. */
	assert_true(c.food_donations > 0);
	assert_true(c.food_supplies > 0);
	tu_ok(hane_overview_figure(db, 2025, "foodbank.donations", &v));
	assert_int_equal(v, c.food_donations);
	tu_ok(hane_overview_figure(db, 2025, "foodbank.donation_value", &v));
	assert_true(v > 0);
	tu_ok(hane_overview_figure(db, 2025, "foodbank.supply_value", &v));
	assert_true(v > 0);
	/* No package was given from a short stock, no stock ends below
	 * zero, and none stood below zero on any day of the year. */
	assert_int_equal(c.food_short, 0);
	tu_ok(hane_foodbank_stock(db, 0, stock_row, &rows));
	assert_true(rows > 0);
	tu_ok(hane_store_query_int(db, &neg, NEGATIVE_DAYS, ":x", 0));
	assert_int_equal(neg, 0);
	/* A week in June: the seven markets gave 60,000–80,000 TL together
	 * (at 2%: 1,200–1,600 TL), each once. */
	tu_ok(hane_foodbank_market_week(db, "2025-06-11", week_row, &w));
	assert_int_equal(w.markets, 7);
	assert_int_equal(w.deliveries, 7 * 3);
	assert_true(w.value >= 120000 && w.value <= 160000);
	/* Donations come on the branches' collection days: at most one a
	 * branch on another day (the year's first, a holiday). */
	tu_ok(hane_store_query_int(db, &v,
				   "SELECT count(*) FROM fb_donation"
				   " WHERE off_day = 1 AND :x = :x",
				   ":x", 0));
	assert_true(v <= 6);
	hane_store_close(db);
}

/* ---- The published summary ------------------------------------------------------ */

/* v as the summary in lang writes it (see annual.c's num). */
static void summary_num(char *out, size_t sz, int64_t v, bool money,
			enum hane_lang lang)
{
	if (money)
		hane_money_format(out, sz, v, true);
	else
		hane_num_format(out, sz, v);
	if (lang == HANE_LANG_EN)
		for (char *p = out; *p; p++)
			*p = *p == '.' ? ',' : *p == ',' ? '.' : *p;
}

/* Every figure of the table, each with a value no other has, written in
 * Turkish and in English, by the units' own sentences and by the generic
 * one (what a unit without a sentence gets): each figure's number is in
 * the text, every unit has its paragraph under its name, no "{name}" is
 * left unfilled. A figure added to the table is in the summary without
 * more code. */
static void test_annual_text_every_figure(void **s)
{
	static const enum hane_lang langs[] = {HANE_LANG_TR, HANE_LANG_EN};
	size_t n = ov_annual_nfigures();
	int64_t *v = calloc(n, sizeof *v);

	(void)s;
	assert_non_null(v);
	for (size_t i = 0; i < n; i++)
		v[i] = ov_annual_figure(i).money
			       ? (3000000 + (int64_t)i * 10001) * 100 + 17
			       : 2000000 + (int64_t)i * 10001;
	for (size_t l = 0; l < HANE_COUNTOF(langs); l++)
		for (int own = 0; own < 2; own++) {
			char *buf = NULL, *flat, *buf2 = NULL;
			size_t len = 0, len2 = 0;
			FILE *fp = open_memstream(&buf, &len);

			hane_lang_set(langs[l]);
			ov_annual_text_write(fp, 2031, v, false, own);
			fclose(fp);
			/* Lines are wrapped on spaces ("…,17\nTL"). */
			flat = strdup(buf);
			assert_non_null(flat);
			for (char *p = flat; *p; p++)
				if (*p == '\n')
					*p = ' ';
			for (size_t i = 0; i < n; i++) {
				struct hane_ov_figure f = ov_annual_figure(i);
				char want[48];

				summary_num(want, sizeof want, v[i], f.money,
					    langs[l]);
				if (!strstr(flat, want))
					fail_msg("%s (%s) missing in:\n%s",
						 f.id, want, buf);
			}
			for (int u = 0; u < HANE_OV__UNITS; u++)
				assert_non_null(strstr(
					buf, hane_overview_unit_label(u)));
			assert_null(strchr(buf, '{'));
			assert_non_null(strstr(buf, "2031"));
			/* A figure the unit's sentence leaves to "Ayrıca" is
			 * named only when it is not 0. */
			if (own) {
				size_t k = 0;

				while (k < n && strcmp(ov_annual_figure(k).id,
						       "veterans.korea"))
					k++;
				assert_true(k < n);
				assert_non_null(strstr(
					flat, ov_annual_figure(k).title));
				v[k] = 0;
				fp = open_memstream(&buf2, &len2);
				ov_annual_text_write(fp, 2031, v, false, own);
				fclose(fp);
				for (char *p = buf2; *p; p++)
					if (*p == '\n')
						*p = ' ';
				assert_null(strstr(buf2,
						   ov_annual_figure(k).title));
				free(buf2);
				buf2 = NULL;
				v[k] = 2000000 + (int64_t)k * 10001;
			}
			assert_int_equal(check_lines(buf, 76) > 10, 1);
			free(flat);
			free(buf);
		}
	hane_lang_set(HANE_LANG_TR);
	free(v);
}

/* Every figure's title fits the report's 50 columns whole, in Turkish
 * and in English (hane annual cuts a longer one with "…": "Şehit yakını
 * ve gazi ziyaretleri (2022'den bu yan…"). */
static void test_annual_titles_fit(void **s)
{
	(void)s;
	for (int l = 0; l < 2; l++) {
		hane_lang_set(l ? HANE_LANG_EN : HANE_LANG_TR);
		for (size_t i = 0; i < ov_annual_nfigures(); i++)
			if (hane_text_width(ov_annual_figure(i).title) > 50)
				fail_msg("%s: \"%s\" is over 50 columns",
					 ov_annual_figure(i).id,
					 ov_annual_figure(i).title);
	}
	hane_lang_set(HANE_LANG_TR);
}

/* ---- Running totals (migration 011) ------------------------------------------- */

static int no_diff(const struct hane_ov_figure *f, int64_t rows, void *arg)
{
	(*(int *)arg)++;
	if (rows != f->value)
		fail_msg("%s: total %lld, rows %lld", f->id,
			 (long long)f->value, (long long)rows);
	return 0;
}

static void verify_year(hane_db *db, int year)
{
	int n = 0, differ = -1;

	tu_ok(hane_overview_verify(db, year, no_diff, &n, &differ));
	assert_int_equal(differ, 0);
	assert_int_equal(n, 88); /* every figure but the five persons */
}

struct all_figs {
	int n;
	int64_t v[128];
};

static int keep_all(const struct hane_ov_figure *f, void *arg)
{
	struct all_figs *a = arg;

	if (a->n < 128)
		a->v[a->n++] = f->value;
	return 0;
}

static int64_t q(hane_db *db, const char *sql)
{
	int64_t v = -1;

	tu_ok(hane_store_query_int(db, &v, sql, NULL, 0));
	return v;
}

#define HH_RANGE(y) " BETWEEN '" y "-01-01' AND '" y "-12-31'"

/* The figures are read from totals kept by triggers: after a generated
 * year and after every kind of change to the rows they count (deletes,
 * status changes, dates moved across a year, values changed), each still
 * equals the same figure counted from the rows. */
static void test_totals_follow_the_rows(void **s)
{
	hane_db *db;
	struct hane_ov_demo_counts c;
	int64_t persons;

	(void)s;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	db = tu_open_demo(NULL);
	tu_ok(hane_overview_demo_year(db, 2025, 0.02, 7, &c, NULL, NULL));
	verify_year(db, 2025);
	/* Persons in the households served: as the households were when
	 * first served; nobody has moved, so the same as counted now. */
	tu_ok(hane_overview_figure(db, 2025, "inspection.persons", &persons));
	assert_int_equal(persons,
			 q(db,
			   "SELECT count(*) FROM person WHERE household_id"
			   " IN (SELECT r.household_id FROM inspection_visit v"
			   " JOIN inspection_request r ON r.id = v.request_id"
			   " WHERE v.visited_on" HH_RANGE("2025") ")"));
	tu_ok(hane_overview_figure(db, 2025, "foodbank.persons", &persons));
	assert_int_equal(persons,
			 q(db, "SELECT count(*) FROM person WHERE household_id"
			       " IN (SELECT household_id FROM fb_distribution"
			       " WHERE date" HH_RANGE("2025") ")"));
	assert_true(persons > 0);
	/* Counted again from the rows (the migration's own statements), the
	 * totals come out the same, figure by figure. */
	{
		struct all_figs before = {0}, after = {0};

		tu_ok(hane_overview_annual(db, 2025, keep_all, &before));
		tu_ok(hane_overview_rebuild(db));
		tu_ok(hane_overview_annual(db, 2025, keep_all, &after));
		assert_int_equal(before.n, 93);
		assert_int_equal(after.n, before.n);
		for (int i = 0; i < before.n; i++)
			assert_int_equal(after.v[i], before.v[i]);
	}

	tu_ok(hane_store_exec(
		db,
		"DELETE FROM fb_distribution_item WHERE distribution_id IN"
		" (SELECT id FROM fb_distribution ORDER BY id LIMIT 5);"
		"DELETE FROM fb_distribution WHERE id IN"
		" (SELECT id FROM fb_distribution ORDER BY id LIMIT 5);"
		"UPDATE fb_distribution SET value_kurus = value_kurus + 7"
		" WHERE id % 3 = 0;"
		"UPDATE fb_distribution SET date = '2024-12-30'"
		" WHERE id % 11 = 0;"
		"UPDATE homecare_visit SET status = 'cancelled'"
		" WHERE status = 'done' AND id % 4 = 0;"
		"UPDATE homecare_visit SET status = 'missed'"
		" WHERE status = 'done' AND id % 5 = 0;"
		"UPDATE taxi_trip SET status = 'noshow'"
		" WHERE status = 'done' AND id % 3 = 0;"
		"UPDATE taxi_trip SET wheelchair = 1 - wheelchair"
		" WHERE id % 2 = 0;"
		"UPDATE taxi_appointment SET status = 'cancelled'"
		" WHERE id % 4 = 0;"
		"UPDATE inspection_decision SET outcome = 'rejected',"
		" aid_type = NULL, kind = NULL WHERE outcome = 'aid'"
		" AND id % 3 = 0;"
		"UPDATE inspection_decision SET amount_kurus = 1"
		" WHERE kind = 'cash' AND id % 2 = 0;"
		"UPDATE inspection_visit SET visited_on = '2024-12-31'"
		" WHERE id % 7 = 0;"
		"UPDATE inspection_request SET requested_on = '2024-12-31'"
		" WHERE id % 9 = 0;"
		"UPDATE homecare_client SET start_date = '2024-06-01'"
		" WHERE id % 2 = 0;"
		/* As a duplicates merge does: a client with done visits
		 * (ended, so that the person has one open client) moves to
		 * another person who was cared for too. */
		"CREATE TEMP TABLE two AS SELECT DISTINCT client_id AS id"
		" FROM homecare_visit WHERE status = 'done'"
		" AND service = 'care' ORDER BY 1 LIMIT 2;"
		"UPDATE homecare_client SET end_date = '2025-12-31',"
		" end_reason = 'moved' WHERE id = (SELECT min(id) FROM two);"
		"UPDATE homecare_client SET person_id = (SELECT person_id"
		" FROM homecare_client WHERE id = (SELECT max(id) FROM two))"
		" WHERE id = (SELECT min(id) FROM two);"));
	verify_year(db, 2025);
	verify_year(db, 2024);
	/* Served households whose every counted row went leave the set. */
	assert_int_equal(q(db, "SELECT count(*) FROM ov_served WHERE n <= 0"),
			 0);

	/* A person born into a household after it was served does not
	 * change that year's persons (the household as it was served). */
	{
		struct hane_person p;
		int64_t before, after, id, hh;

		tu_ok(hane_overview_figure(db, 2025, "foodbank.persons",
					   &before));
		hh = q(db, "SELECT household_id FROM fb_distribution"
			   " WHERE date" HH_RANGE("2025") " LIMIT 1");
		hane_person_init(&p);
		p.household_id = hh;
		snprintf(p.first_name, sizeof p.first_name, "Bebek");
		snprintf(p.last_name, sizeof p.last_name, "Yenidoğan");
		snprintf(p.relation, sizeof p.relation, "child");
		snprintf(p.birth_date, sizeof p.birth_date, "2026-06-01");
		tu_ok(hane_person_add(db, &p, &id, NULL));
		tu_ok(hane_overview_figure(db, 2025, "foodbank.persons",
					   &after));
		assert_int_equal(after, before);
	}
	hane_store_close(db);
}

static void same_dashboard(const struct hane_ov_dashboard *a,
			   const struct hane_ov_dashboard *b)
{
	for (int u = 0; u < HANE_OV__UNITS; u++) {
		for (int i = 0; i < HANE_OV_MONTHS; i++)
			assert_int_equal(a->unit[u].series[i],
					 b->unit[u].series[i]);
		assert_int_equal(a->unit[u].month, b->unit[u].month);
		assert_int_equal(a->unit[u].year, b->unit[u].year);
		assert_int_equal(a->unit[u].year_households,
				 b->unit[u].year_households);
	}
}

/* The dashboard reads the totals when nothing counted lies after its day
 * and the rows otherwise; both give the same numbers. */
static void test_dashboard_totals_and_rows_agree(void **s)
{
	hane_db *db;
	struct hane_ov_demo_counts c;
	struct hane_ov_dashboard fast, slow;

	(void)s;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	db = tu_open_demo(NULL);
	tu_ok(hane_overview_demo_year(db, 2025, 0.02, 7, &c, NULL, NULL));
	tu_ok(hane_overview_dashboard(db, "2025-12-31", 30, &fast));
	assert_true(fast.from_totals);
	assert_int_equal(fast.unit[HANE_OV_INSPECTION].year_households,
			 c.insp_households);
	assert_int_equal(fast.unit[HANE_OV_FOODBANK].year_households,
			 c.food_households);
	/* A package handed out after that day: the dashboard of that day
	 * must not count it, so it counts from the rows. */
	tu_ok(hane_store_exec(db,
			      "INSERT INTO fb_distribution (household_id, date,"
			      " branch_id, package_id, value_kurus, created_at,"
			      " updated_at) SELECT min(id), '2026-01-10',"
			      " (SELECT min(id) FROM fb_branch),"
			      " (SELECT min(id) FROM fb_package_type), 100,"
			      " '2026-01-10 10:00:00', '2026-01-10 10:00:00'"
			      " FROM household"));
	tu_ok(hane_overview_dashboard(db, "2025-12-31", 30, &slow));
	assert_false(slow.from_totals);
	same_dashboard(&fast, &slow);
	/* A past day in the middle of the year counts only up to that day. */
	tu_ok(hane_overview_dashboard(db, "2025-06-30", 30, &slow));
	assert_false(slow.from_totals);
	assert_true(slow.unit[HANE_OV_INSPECTION].year <
		    fast.unit[HANE_OV_INSPECTION].year);
	/* The day of the new package: totals again, and it is counted. */
	tu_ok(hane_overview_dashboard(db, "2026-01-10", 30, &slow));
	assert_true(slow.from_totals);
	assert_int_equal(slow.unit[HANE_OV_FOODBANK].month, 1);
	assert_int_equal(slow.unit[HANE_OV_FOODBANK].year_households, 1);
	hane_store_close(db);
}

/* ---- Household 360 ----------------------------------------------------------- */

static int count_ev(const struct hane_ov_event *e, void *arg)
{
	static char last[16];
	int *n = arg;

	if (*n > 0)
		assert_true(strcmp(last, e->date) <= 0);
	snprintf(last, sizeof last, "%s", e->date);
	assert_true(e->what[0] != '\0');
	(*n)++;
	return 0;
}

static void test_timeline(void **s)
{
	hane_db *db;
	struct hane_ov_demo_counts c;
	int64_t hh;
	int all = 0, insp = 0, hidden = 0;

	(void)s;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	db = tu_open_demo(NULL);
	tu_ok(hane_overview_demo_year(db, 2025, 0.01, 3, &c, NULL, NULL));
	/* The first household had an inspection (request, visit,
	 * decision). */
	tu_ok(hane_store_query_int(db, &hh,
				   "SELECT min(household_id) FROM"
				   " inspection_request WHERE :x = :x",
				   ":x", 0));
	tu_ok(hane_overview_timeline(db, hh, HANE_OV_ALL, count_ev, &all,
				     &hidden));
	tu_ok(hane_overview_timeline(db, hh, HANE_OV_INSPECTION, count_ev,
				     &insp, &hidden));
	assert_true(insp >= 3);
	assert_true(all >= insp);
	assert_int_equal(hidden, 0);
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);
		int64_t rows;

		tu_ok(hane_overview_timeline_csv(db, hh, HANE_OV_ALL, fp, 0,
						 &rows));
		fclose(fp);
		assert_int_equal(rows, all);
		assert_non_null(strstr(buf, "Başvuru"));
		free(buf);
	}
	hane_store_close(db);
}

/* ---- Duplicates ----------------------------------------------------------------- */

struct pairs {
	int n;
	int64_t a, b;
};

static int on_pair(const struct hane_person *a, const struct hane_person *b,
		   void *arg)
{
	struct pairs *p = arg;

	p->n++;
	p->a = a->id;
	p->b = b->id;
	return 0;
}

static void add_household(hane_db *db, const char *tckn, const char *first,
			  const char *last, const char *birth,
			  const char *phone, int64_t *hh, int64_t *pid)
{
	struct hane_household h;
	struct hane_person p;

	hane_household_init(&h);
	snprintf(h.street, sizeof h.street, "Test Sk.");
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tckn ? tckn : "");
	snprintf(p.first_name, sizeof p.first_name, "%s", first);
	snprintf(p.last_name, sizeof p.last_name, "%s", last);
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth);
	snprintf(p.phone, sizeof p.phone, "%s", phone ? phone : "");
	tu_ok(hane_household_create(db, &h, &p, hh, pid, NULL));
}

static int on_hit(const struct hane_person_hit *h, void *arg)
{
	(void)h;
	(void)arg;
	return 0;
}

/* The walks end at fn's first non-zero return, a positive one too, and
 * give it back. */
static int stop_pair(const struct hane_person *a, const struct hane_person *b,
		     void *arg)
{
	(void)a;
	(void)b;
	(void)arg;
	return 5;
}

static int stop_merge(const struct hane_ov_merge_entry *m, void *arg)
{
	(void)arg;
	return m->id > 0 ? 7 : 0;
}

static void test_merge_and_undo(void **s)
{
	hane_db *db;
	struct pairs p = {0, 0, 0};
	struct hane_ov_merge_plan plan;
	struct hane_person a, b, after;
	struct hane_household hb;
	int64_t hha, hhb, ia, ib, mid, n;
	char tckn_a[12];

	(void)s;
	db = tu_open(NULL);
	snprintf(tckn_a, sizeof tckn_a, "%s", tu_tckn(501));
	/* The same woman: registered by inspection with her number, by the
	 * food bank list without it but with a phone. */
	add_household(db, tckn_a, "Ayşe", "KAYA", "1950-03-04", NULL, &hha,
		      &ia);
	add_household(db, NULL, "ayse", "Kaya", "1950-03-04", "+905321234567",
		      &hhb, &ib);
	add_household(db, tu_tckn(502), "Mehmet", "Kaya", "1950-03-04", NULL,
		      NULL, NULL);
	tu_ok(hane_overview_duplicates(db, on_pair, &p, NULL));
	assert_int_equal(p.n, 1);
	assert_int_equal(p.a, ia); /* the one with a TC Kimlik No first */
	assert_int_equal(p.b, ib);
	tu_ok(hane_person_get(db, ia, &a));
	tu_ok(hane_person_get(db, ib, &b));
	hane_overview_merge_defaults(&a, &b, &plan);
	assert_false(plan.from_b[HANE_OV_MF_TCKN]);
	assert_true(plan.from_b[HANE_OV_MF_PHONE]);
	assert_false(plan.from_b[HANE_OV_MF_FIRST_NAME]);
	/* Take her first name as written by the food bank too. */
	plan.from_b[HANE_OV_MF_FIRST_NAME] = true;
	tu_ok(hane_overview_merge(db, ia, ib, &plan, &mid));
	assert_true(mid > 0);
	tu_ok(hane_person_get(db, ia, &after));
	assert_string_equal(after.phone, "+905321234567");
	assert_string_equal(after.first_name, "ayse");
	assert_string_equal(after.tckn, tckn_a);
	assert_int_equal(hane_person_get(db, ib, &b), HANE_ENOTFOUND);
	tu_ok(hane_household_get(db, hhb, &hb));
	assert_string_equal(hb.status, "passive");
	p.n = 0;
	tu_ok(hane_overview_duplicates(db, on_pair, &p, NULL));
	assert_int_equal(p.n, 0);
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM audit WHERE action ="
				   " 'person.merge' AND row_id = :m",
				   ":m", mid));
	assert_int_equal(n, 1);
	assert_int_equal(hane_overview_merges(db, stop_merge, NULL), 7);

	/* Undo: b back with its id, a as before, the household headed. */
	tu_ok(hane_overview_merge_undo(db, mid));
	tu_ok(hane_person_get(db, ia, &after));
	assert_string_equal(after.first_name, "Ayşe");
	assert_string_equal(after.phone, "");
	tu_ok(hane_person_get(db, ib, &b));
	assert_string_equal(b.first_name, "ayse");
	assert_string_equal(b.phone, "+905321234567");
	assert_int_equal(b.household_id, hhb);
	tu_ok(hane_household_get(db, hhb, &hb));
	assert_string_equal(hb.status, "active");
	assert_int_equal(hb.head_id, ib);
	/* Found by search again (the word index came back). */
	{
		int total = 0;

		tu_ok(hane_person_search(db, "ayse kaya", 10, 0, on_hit, NULL,
					 &total));
		assert_int_equal(total, 2);
	}
	p.n = 0;
	tu_ok(hane_overview_duplicates(db, on_pair, &p, NULL));
	assert_int_equal(p.n, 1);
	{
		int total = -1;

		assert_int_equal(
			hane_overview_duplicates(db, stop_pair, NULL, &total),
			5);
		assert_int_equal(total, 1);
	}
	/* Twice is refused; so is undoing after the kept person changed,
	 * and a merge there was not, named. */
	assert_int_equal(hane_overview_merge_undo(db, mid), HANE_EINVAL);
	assert_int_equal(hane_overview_merge_undo(db, 9999), HANE_ENOTFOUND);
	assert_non_null(strstr(hane_error_last(), "9999"));
	tu_ok(hane_overview_merge(db, ia, ib, NULL, &mid));
	tu_ok(hane_person_get(db, ia, &after));
	snprintf(after.chronic_illness, sizeof after.chronic_illness,
		 "diyabet");
	tu_ok(hane_person_update(db, &after));
	assert_int_equal(hane_overview_merge_undo(db, mid), HANE_ECONFLICT);
	assert_int_equal(hane_overview_merge(db, ia, ia, NULL, NULL),
			 HANE_EINVAL);
	hane_store_close(db);
}

/* Each of the units' rules holds: two open care clients (the second
 * rule; the first, two taxi riders, is in cli/test_overview) are not
 * merged into one, and the message says why. */
static void test_merge_unit_rules(void **s)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_client c;
	int64_t ia, ib;

	(void)s;
	add_household(db, tu_tckn(601), "Fatma", "Demir", "1948-02-01", NULL,
		      NULL, &ia);
	add_household(db, NULL, "fatma", "Demir", "1948-02-01", NULL, NULL,
		      &ib);
	hane_homecare_client_init(&c);
	c.person_id = ia;
	tu_ok(hane_homecare_client_add(db, &c, NULL));
	c.person_id = ib;
	tu_ok(hane_homecare_client_add(db, &c, NULL));
	assert_int_equal(hane_overview_merge(db, ia, ib, NULL, NULL),
			 HANE_EINVAL);
	assert_string_equal(hane_error_last(),
			    hane_msg(HANE_M_OV_MERGE_TWO_CLIENTS));
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chart_bars_80_unicode),
		cmocka_unit_test(test_chart_bars_80_ascii),
		cmocka_unit_test(test_chart_bars_120_unicode),
		cmocka_unit_test(test_chart_bars_120_ascii),
		cmocka_unit_test(test_chart_small_values_show),
		cmocka_unit_test(test_sparkline),
		cmocka_unit_test(test_num),
		cmocka_unit_test(test_annual_on_generated_year),
		cmocka_unit_test(test_demo_year_food_bank_intake),
		cmocka_unit_test(test_annual_text_every_figure),
		cmocka_unit_test(test_annual_titles_fit),
		cmocka_unit_test(test_totals_follow_the_rows),
		cmocka_unit_test(test_dashboard_totals_and_rows_agree),
		cmocka_unit_test(test_timeline),
		cmocka_unit_test(test_merge_and_undo),
		cmocka_unit_test(test_merge_unit_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
