/* Benchmark: search-as-you-type on a large registry.
 *
 *   bench_search DB [SQLITE3]
 *
 * Types a few names, TC Kimlik numbers and phone numbers one keystroke at
 * a time, as the console does, and asks hane for the first screen of hits
 * (20 rows) after each keystroke. Prints p50, p99 and max per keystroke,
 * then runs the same SQL through the sqlite3 command-line tool (.timer on)
 * in the same run for comparison, and prints one CSV line per measure on
 * stdout after a line "csv:" for scripts/bench to collect.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/store.h"

#define PAGE 20
#define MAX_SAMPLES 4096

static const char *const typed[] = {
	"sukru yilmaz", "ayse kaya",	"mehmet ali",	"ibrahim celik",
	"fatma ozturk", "hatice sahin", "emine",	"a",
	"yil",		"ömer doğan",	"İSMAİL KILIÇ", "zeynep",
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double pct(double *v, int n, double p)
{
	int i = (int)(p * (n - 1) + 0.5);

	return n ? v[i] : 0;
}

static int ignore(const struct hane_person_hit *h, void *arg)
{
	(void)h;
	(*(int *)arg)++;
	return 0;
}

/* The SQL hane runs for a one-word query, with the word as a literal, for
 * the sqlite3 tool (benchmark only: the words are our own constants). */
static void sql_for(FILE *out, const char *folded)
{
	char first[64] = "";

	sscanf(folded, "%63s", first);
	fprintf(out,
		"SELECT DISTINCT p.id, p.household_id, p.tckn, p.first_name,"
		" p.last_name, p.birth_date, h.mahalle, h.status, p.relation"
		" FROM person_word w JOIN person p ON p.id = w.person_id"
		" JOIN household h ON h.id = p.household_id"
		" WHERE w.word >= '%s' AND w.word < '%s' || char(255)"
		" LIMIT %d;\n",
		first, first, PAGE);
}

int main(int argc, char **argv)
{
	static double lat[MAX_SAMPLES];
	static struct {
		double ms;
		char q[128];
	} slow[5];
	const char *sqlite = argc > 2 ? argv[2] : "sqlite3";
	char script[] = "/tmp/hane-bench-XXXXXX";
	hane_db *db = NULL;
	double t0, open_ms, sq[MAX_SAMPLES];
	int n = 0, nsq = 0, fd, rc;
	int64_t persons = 0;
	FILE *f;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_search DB [SQLITE3]\n");
		return 2;
	}
	t0 = now_ms();
	rc = hane_store_open(&db, argv[1], 0);
	if (rc == 0)
		rc = hane_store_set_actor(db, NULL);
	if (rc == 0)
		rc = hane_person_count(db, &persons);
	open_ms = now_ms() - t0;
	if (rc) {
		fprintf(stderr, "bench_search: %s\n", hane_error_last());
		return 1;
	}
	fd = mkstemp(script);
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f)
		return 1;
	fprintf(f, ".timer on\n.output /dev/null\n");
	for (size_t q = 0; q < sizeof typed / sizeof typed[0]; q++) {
		const char *s = typed[q];
		size_t len = strlen(s);

		for (size_t k = 1; k <= len && n < MAX_SAMPLES; k++) {
			char prefix[128], folded[128];
			int hits = 0;
			double t;

			/* Whole characters only, as the keyboard sends them. */
			if ((s[k - 1] & 0xC0) == 0x80 ||
			    (k < len && (s[k] & 0xC0) == 0x80))
				continue;
			snprintf(prefix, sizeof prefix, "%.*s", (int)k, s);
			t = now_ms();
			rc = hane_person_search(db, prefix, PAGE, 0, ignore,
						&hits, NULL);
			lat[n++] = now_ms() - t;
			/* Keep the five slowest keystrokes to name them. */
			for (int w = 0; w < 5; w++) {
				if (lat[n - 1] > slow[w].ms) {
					memmove(&slow[w + 1], &slow[w],
						sizeof slow[0] *
							(size_t)(4 - w));
					slow[w].ms = lat[n - 1];
					snprintf(slow[w].q, sizeof slow[w].q,
						 "%s", prefix);
					break;
				}
			}
			if (rc) {
				fprintf(stderr, "search %s: %s\n", prefix,
					hane_error_last());
				return 1;
			}
			hane_text_fold(folded, sizeof folded, prefix);
			if (folded[0])
				sql_for(f, folded);
		}
	}
	fclose(f);
	hane_store_close(db);

	/* The same first-word queries through the sqlite3 tool. */
	{
		char cmd[1024], line[512];
		FILE *p;

		snprintf(cmd, sizeof cmd, "%s -readonly '%s' < %s 2>&1", sqlite,
			 argv[1], script);
		p = popen(cmd, "r");
		while (p && fgets(line, sizeof line, p)) {
			double real;

			if (sscanf(line, "Run Time: real %lf", &real) == 1 &&
			    nsq < MAX_SAMPLES)
				sq[nsq++] = real * 1e3;
		}
		if (p)
			pclose(p);
		remove(script);
	}
	qsort(lat, (size_t)n, sizeof lat[0], cmp_double);
	qsort(sq, (size_t)nsq, sizeof sq[0], cmp_double);
	printf("persons: %lld\n", (long long)persons);
	printf("%-34s %10s %10s %10s\n", "measure (ms)", "p50", "p99", "max");
	printf("%-34s %10.3f %10.3f %10.3f\n", "hane search, per keystroke",
	       pct(lat, n, .5), pct(lat, n, .99), n ? lat[n - 1] : 0);
	printf("%-34s %10.3f %10.3f %10.3f\n", "sqlite3 tool, first word only",
	       pct(sq, nsq, .5), pct(sq, nsq, .99), nsq ? sq[nsq - 1] : 0);
	printf("%-34s %10.3f\n", "open + actor + count", open_ms);
	for (int w = 0; w < 5 && slow[w].q[0]; w++)
		printf("slow keystroke: %8.3f ms  \"%s\"\n", slow[w].ms,
		       slow[w].q);
	printf("csv:\n");
	printf("search_keystroke_p50_ms,%.3f,%.3f\n", pct(lat, n, .5),
	       pct(sq, nsq, .5));
	printf("search_keystroke_p99_ms,%.3f,%.3f\n", pct(lat, n, .99),
	       pct(sq, nsq, .99));
	printf("open_to_first_count_ms,%.3f,\n", open_ms);
	return 0;
}
