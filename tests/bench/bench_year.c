/* bench_year DB [sqlite3]: a year of activity at HANE_BENCH_SCALE times
 * İzmit's 2025 volume (default 10) on the benchmark registry, then the
 * annual report and the dashboard on it (target under 200 ms each).
 *
 * Run by scripts/bench before the report benchmarks, so those measure a
 * registry with activity. The year is generated once: a database that
 * already holds a demo run for the year is measured as it is. Prints a
 * table, then "csv:" and lines measure,hane,sqlite3 (no sqlite3 column
 * here: the annual report is many queries, each also in the reports
 * benchmark's territory). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "hane/overview.h"
#include "hane/store.h"

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void progress(const char *stage, int64_t done, int64_t total, void *arg)
{
	static char last[64];

	if (strcmp(last, stage)) {
		snprintf(last, sizeof last, "%s", stage);
		fprintf(stderr, "  %s…\n", stage);
	}
}

static int count_figure(const struct hane_ov_figure *f, void *arg)
{
	(*(int *)arg)++;
	return 0;
}

int main(int argc, char **argv)
{
	const char *env = getenv("HANE_BENCH_SCALE");
	double scale = env ? atof(env) : 10.0, gen_s = -1, annual = 1e9,
	       dash = 1e9;
	int year = 2025, figures = 0;
	struct hane_ov_demo_counts c;
	struct hane_ov_dashboard d;
	struct rusage ru;
	hane_db *db = NULL;
	int64_t runs = 0;
	int rc;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_year DB\n");
		return 2;
	}
	if (hane_store_open(&db, argv[1], 0) != 0 ||
	    hane_store_exec(db, "INSERT OR IGNORE INTO staff(username,"
				" full_name, role, created_at, updated_at)"
				" VALUES('bench', 'Benchmark', 'admin',"
				" '2026-01-01 00:00:00',"
				" '2026-01-01 00:00:00')") != 0 ||
	    hane_store_set_actor(db, "bench") != 0) {
		fprintf(stderr, "bench_year: %s\n", hane_error_last());
		return 1;
	}
	rc = hane_store_query_int(db, &runs,
				  "SELECT count(*) FROM overview_demo_run"
				  " WHERE year = :y",
				  ":y", year);
	if (rc == 0 && runs == 0) {
		double t0 = now_ms();

		fprintf(stderr, "generating %d at scale %.1f\n", year, scale);
		rc = hane_overview_demo_year(db, year, scale, 1, &c, progress,
					     NULL);
		if (rc) {
			fprintf(stderr, "bench_year: %s\n", hane_error_last());
			return 1;
		}
		gen_s = (now_ms() - t0) / 1000;
		printf("year %d at %.1f× İzmit 2025: %lld inspections, %lld"
		       " food packages, %lld care visits, %lld cleanings,"
		       " %lld taxi trips in %.0f s%s%s\n",
		       year, scale, (long long)c.insp_requests,
		       (long long)c.food_packages, (long long)c.care_visits,
		       (long long)c.cleaning_visits, (long long)c.taxi_trips,
		       gen_s, c.missing[0] ? "; missing: " : "", c.missing);
	} else if (rc) {
		fprintf(stderr, "bench_year: %s\n", hane_error_last());
		return 1;
	}
	for (int k = 0; k < 3; k++) {
		double t0 = now_ms();

		figures = 0;
		if (hane_overview_annual(db, year, count_figure, &figures)) {
			fprintf(stderr, "annual: %s\n", hane_error_last());
			return 1;
		}
		if (now_ms() - t0 < annual)
			annual = now_ms() - t0;
		t0 = now_ms();
		if (hane_overview_dashboard(db, "2025-12-31", 30, &d)) {
			fprintf(stderr, "dashboard: %s\n", hane_error_last());
			return 1;
		}
		if (now_ms() - t0 < dash)
			dash = now_ms() - t0;
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("annual report %d (%d figures): %.1f ms%s\n", year, figures,
	       annual, annual < 200 ? "" : "  OVER 200 ms");
	printf("dashboard: %.1f ms%s\n", dash,
	       dash < 200 ? "" : "  OVER 200 ms");
	printf("csv:\n");
	if (gen_s >= 0)
		printf("year_x%.0f_generate_s,%.0f,\n", scale, gen_s);
	printf("annual_report_ms,%.1f,\n", annual);
	printf("dashboard_ms,%.1f,\n", dash);
	printf("bench_year_peak_kb,%ld,\n", ru.ru_maxrss);
	hane_store_close(db);
	return 0;
}
