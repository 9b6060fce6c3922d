/* bench_day DB [sqlite3]: a directorate's day under load (issue #22).
 *
 * N staff sessions, each a process of its own with its own connection (as
 * a console is), work on the registry DB at once for HANE_BENCH_SECONDS
 * (default 40) per N in HANE_BENCH_SESSIONS (default "100 300"). A
 * session repeats a task: think (exponential, mean HANE_BENCH_THINK_MS,
 * default 10000), type a name one keystroke at a time (120–250 ms apart),
 * searching after each keystroke for the first screen (20 rows), open a
 * household from the hits (read it and its members, write the read log:
 * one household.view and one person.view per member, one transaction),
 * and then, by chance, one save: register a new household (15%), give a
 * food package (15%), book a taxi (10%), record an inspection visit (10%)
 * or run a monthly report, which is logged (5%).
 *
 * Households to serve, riders and assigned requests are made before the
 * sessions start (new households, one pool per session), so that no rule
 * refuses a save: every failure is an error, and errors must be 0.
 *
 * Prints per action the count, errors, p50/p99/max (ms), the throughput,
 * where the writers' time went (hane_store_stats summed over sessions:
 * lock waits in BEGIN IMMEDIATE, busy-handler calls, COMMIT, checkpoints)
 * and the load average beside it; then "csv:" and measure,hane,sqlite3
 * lines for tests/bench/results.csv. Works on a copy of DB (DB.day,
 * removed at the end). Never run by CTest. */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/foodbank.h"
#include "hane/households.h"
#include "hane/inspection.h"
#include "hane/reports.h"
#include "hane/security.h"
#include "hane/store.h"
#include "hane/taxi.h"

enum act { A_KEY, A_OPEN, A_REGISTER, A_FOOD, A_TAXI, A_VISIT, A_REPORT, A__N };
static const char *act_name[A__N] = {"search keystroke",   "open household",
				     "register household", "food package",
				     "taxi booking",	   "inspection visit",
				     "monthly report"};
static const char *act_key[A__N] = {"keystroke", "open",  "register", "food",
				    "taxi",	 "visit", "report"};

#define POOL 4	/* of each kind per session and run */
#define NB 1400 /* latency buckets: 2% apart from 10 µs */

struct shared {
	unsigned long long hist[A__N][NB];
	unsigned long long count[A__N], errors[A__N], skipped;
	double max_ms[A__N];
	char lasterr[A__N][200];
	/* hane_store_stats summed */
	long long tx, busy_calls, checkpoints, log_commits;
	long long queue_takes, queue_fallbacks, queue_owner_dead;
	double queue_ms, queue_max, queue_held;
	double begin_ms, commit_ms, checkpoint_ms;
	double begin_max, commit_max, checkpoint_max;
	long long rss_kb_sum;
	int sessions_done;
};

static struct shared *sh;
static const char *db_path;
static int run_no;
static int64_t first_food_hh, first_visit_req, first_rider;
static int64_t branch_id;
static char package[HANE_FB_CODE_MAX];

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void sleep_ms(double ms)
{
	struct timespec ts;

	if (ms <= 0)
		return;
	ts.tv_sec = (time_t)(ms / 1000);
	ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1000) * 1e6);
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static int bucket(double ms)
{
	double us = ms * 1000;
	int b;

	if (us < 10)
		return 0;
	b = (int)(log(us / 10) / log(1.02)) + 1;
	return b >= NB ? NB - 1 : b;
}

static double bucket_ms(int b)
{
	return b == 0 ? 0.01 : 10 * pow(1.02, b) / 1000;
}

static void record(enum act a, double ms, int rc)
{
	__atomic_add_fetch(&sh->hist[a][bucket(ms)], 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&sh->count[a], 1, __ATOMIC_RELAXED);
	if (rc) {
		__atomic_add_fetch(&sh->errors[a], 1, __ATOMIC_RELAXED);
		snprintf(sh->lasterr[a], sizeof sh->lasterr[a], "%d %s", rc,
			 hane_error_last());
	}
	/* A racy max is good enough for a report. */
	if (ms > sh->max_ms[a])
		sh->max_ms[a] = ms;
}

/* TC Kimlik No "P RR SSSS KK" + check digits: prefix P per kind, run RR,
 * session SSSS, number KK. The demo's numbers start with 9. */
static void tckn(char out[HANE_TCKN_LEN + 1], int prefix, int session, int k)
{
	snprintf(out, HANE_TCKN_LEN + 1, "%u%02u%04u%02u",
		 (unsigned)prefix % 10u, (unsigned)run_no % 100u,
		 (unsigned)session % 10000u, (unsigned)k % 100u);
	hane_tckn_complete(out);
}

static double rnd(unsigned *seed)
{
	return (double)rand_r(seed) / ((double)RAND_MAX + 1);
}

/* ---- Setup --------------------------------------------------------------- */

static int pick_branch(const struct hane_fb_branch *b, void *arg)
{
	if (!branch_id && b->active)
		branch_id = b->id;
	return 0;
}

static int pick_package(const struct hane_fb_package *p, void *arg)
{
	if (!package[0] && p->active && !strcmp(p->code, "standard"))
		snprintf(package, sizeof package, "%s", p->code);
	return 0;
}

static void die(const char *what)
{
	fprintf(stderr, "bench_day: %s: %s\n", what, hane_error_last());
	exit(1);
}

/* New households for the sessions' saves: per session POOL referred to
 * the food bank, POOL with an assigned inspection request, POOL riders of
 * the taxi. One transaction. */
static void setup(hane_db *db, int n)
{
	int64_t inspector = 0, rider_id, req, vehicles = 0;
	hane_hh_bulk *b;

	if (hane_foodbank_branch_each(db, pick_branch, NULL) ||
	    hane_foodbank_package_each(db, pick_package, NULL) || !branch_id ||
	    !package[0])
		die("food bank branch/package");
	if (hane_inspection_inspector_find(db, "bench", &inspector))
		die("inspector");
	if (hane_store_begin(db))
		die("begin");
	if (hane_store_query_int(db, &vehicles,
				 "SELECT count(*) FROM"
				 " taxi_vehicle WHERE plate LIKE '41 YUK %'",
				 NULL, 0))
		die("vehicles");
	/* A fleet of our own: the sessions' bookings are hours apart. */
	for (int v = (int)vehicles; v < 10; v++) {
		struct hane_taxi_driver d;
		struct hane_taxi_vehicle veh;
		int64_t did;

		memset(&d, 0, sizeof d);
		snprintf(d.full_name, sizeof d.full_name, "Yük Şoförü %d", v);
		d.active = true;
		memset(&veh, 0, sizeof veh);
		snprintf(veh.plate, sizeof veh.plate, "41 YUK %03d",
			 (v + 1) % 1000);
		veh.wheelchair_places = 1;
		veh.seats = 3;
		veh.in_service = true;
		if (hane_taxi_driver_save(db, &d, &did))
			die("driver");
		veh.driver_id = did;
		if (hane_taxi_vehicle_save(db, &veh, NULL))
			die("vehicle");
	}
	if (hane_hh_bulk_begin(db, &b, "bench"))
		die("bulk");
	for (int kind = 0; kind < 3; kind++) {
		for (int s = 0; s < n; s++) {
			for (int k = 0; k < POOL; k++) {
				struct hane_household h;
				struct hane_person p;
				int64_t hid, pid;

				hane_household_init(&h);
				hane_person_init(&p);
				tckn(p.tckn, 6, s, kind * 10 + k);
				snprintf(p.first_name, sizeof p.first_name,
					 "Yük%d", kind);
				snprintf(p.last_name, sizeof p.last_name,
					 "Sınaması");
				snprintf(h.mahalle, sizeof h.mahalle, "Cedit");
				snprintf(h.street, sizeof h.street,
					 "Kocaeli Cd. %d", s);
				if (kind == 2)
					p.disability_pct = 90;
				if (hane_hh_bulk_household(b, &h, &p, &hid,
							   &pid))
					die("household");
				if (kind == 0) {
					if (s == 0 && k == 0)
						first_food_hh = hid;
					if (hane_foodbank_refer(
						    db, hid, "manual", 0,
						    "yük sınaması",
						    "2026-01-01", NULL, NULL))
						die("refer");
				} else if (kind == 1) {
					struct hane_inspection r;
					struct hane_inspection g;

					hane_inspection_init(&r);
					r.household_id = hid;
					if (hane_inspection_request(db, &r,
								    &req) ||
					    hane_inspection_get(db, req, &g) ||
					    hane_inspection_assign(
						    db, req, g.version,
						    inspector, NULL))
						die("request");
					if (s == 0 && k == 0)
						first_visit_req = req;
				} else {
					struct hane_taxi_rider r;

					memset(&r, 0, sizeof r);
					r.person_id = pid;
					snprintf(r.mobility_aid,
						 sizeof r.mobility_aid, "none");
					r.active = true;
					if (hane_taxi_rider_save(db, &r,
								 &rider_id))
						die("rider");
					if (s == 0 && k == 0)
						first_rider = rider_id;
				}
			}
		}
	}
	if (hane_hh_bulk_end(b, true, NULL) || hane_store_commit(db))
		die("commit");
}

/* ---- A session ------------------------------------------------------------ */

static const char *names[] = {
	"mehmet", "ayse",   "fatma", "yilmaz", "kaya",	  "demir",  "sahin",
	"celik",  "ozturk", "ali",   "zeynep", "huseyin", "emine",  "ibrahim",
	"aydin",  "arslan", "dogan", "kilic",  "hatice",  "mustafa"};

struct hits {
	int64_t hh[20];
	int n;
};

static int keep_hit(const struct hane_person_hit *h, void *arg)
{
	struct hits *x = arg;

	if (x->n < 20)
		x->hh[x->n++] = h->household_id;
	return 0;
}

static int open_household(hane_db *db, int64_t id)
{
	struct hane_household h;
	static struct hane_person m[64];
	size_t n = 0;
	int rc;

	if ((rc = hane_household_get(db, id, &h)) ||
	    (rc = hane_household_members(db, id, m, 64, &n)))
		return rc;
	/* As the console and `hane household show` log it. */
	if ((rc = hane_store_begin(db)))
		return rc;
	rc = hane_log_event(db, "household.view", "household", id, NULL);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = hane_log_read(db, "person.view", m[i].id);
	if (rc) {
		hane_store_rollback(db);
		return rc;
	}
	return hane_store_commit(db);
}

static int do_register(hane_db *db, int s, int k)
{
	struct hane_household h;
	struct hane_person p;

	hane_household_init(&h);
	hane_person_init(&p);
	tckn(p.tckn, 7, s, k);
	snprintf(p.first_name, sizeof p.first_name, "Yeni");
	snprintf(p.last_name, sizeof p.last_name, "Başvuran%d", k);
	snprintf(p.birth_date, sizeof p.birth_date, "1970-01-%02u",
		 (unsigned)k % 28u + 1u);
	snprintf(p.phone, sizeof p.phone, "+90532%07u",
		 (unsigned)(s * 100 + k) % 10000000u);
	snprintf(h.mahalle, sizeof h.mahalle, "Yenişehir");
	snprintf(h.street, sizeof h.street, "Atatürk Cd.");
	snprintf(h.building, sizeof h.building, "%d", k + 1);
	h.income_kurus = 850000;
	return hane_household_create(db, &h, &p, NULL, NULL, NULL);
}

static int do_food(hane_db *db, int s, int k)
{
	struct hane_fb_distribution d;

	memset(&d, 0, sizeof d);
	d.household_id = first_food_hh + (int64_t)s * POOL + k;
	d.branch_id = branch_id;
	snprintf(d.package, sizeof d.package, "%s", package);
	return hane_foodbank_distribute(db, &d, NULL);
}

static int do_taxi(hane_db *db, int s, int k, int n)
{
	struct hane_taxi_booking b;
	struct hane_taxi_clash cl;
	int slot = (run_no % 100) * n * POOL + s * POOL + k;

	hane_taxi_booking_init(&b);
	b.rider_id = first_rider + (int64_t)s * POOL + k;
	/* An hour nobody else books: ten a day. */
	if (hane_taxi_day_add(b.day, "2026-07-01", slot / 10))
		return HANE_EINVAL;
	snprintf(b.appt_time, sizeof b.appt_time, "%02d:00", 8 + slot % 10);
	snprintf(b.destination, sizeof b.destination, "Devlet Hastanesi");
	b.override = true;
	snprintf(b.override_reason, sizeof b.override_reason, "yük sınaması");
	return hane_taxi_book(db, &b, NULL, &cl);
}

static int do_visit(hane_db *db, int s, int k)
{
	struct hane_inspection r;
	struct hane_inspection_visit v;
	int64_t id = first_visit_req + (int64_t)s * POOL + k;
	int rc;

	if ((rc = hane_inspection_get(db, id, &r)))
		return rc;
	hane_inspection_visit_init(&v);
	snprintf(v.present, sizeof v.present, "hane reisi");
	snprintf(v.tenure, sizeof v.tenure, "tenant");
	v.rent_kurus = 750000;
	v.rooms = 3;
	snprintf(v.findings, sizeof v.findings, "Ev bakımlı, gelir düşük.");
	snprintf(v.recommendation, sizeof v.recommendation, "one_time");
	return hane_inspection_visit(db, id, r.version, &v, NULL);
}

static int do_report(hane_db *db, unsigned *seed)
{
	static const char *reports[] = {"households-monthly",
					"foodbank-monthly", "taxi-monthly",
					"inspection-monthly"};
	struct hane_report r;
	struct hane_report_table *t = NULL;
	struct hane_report_arg arg = {"month", "2026-06"};
	int rc = hane_report_find(reports[rand_r(seed) % 4], &r);

	if (rc == 0)
		rc = hane_report_run(db, &r, &arg, 1, &t);
	hane_report_table_free(t);
	return rc;
}

static void session(int s, int n, double until, double think)
{
	unsigned seed = (unsigned)(s * 7919 + run_no);
	int used[A__N] = {0};
	struct hane_store_stats st;
	struct rusage ru;
	hane_db *db = NULL;
	double t0;
	int rc;

	if (hane_store_open(&db, db_path, 0) ||
	    hane_store_set_actor(db, "bench")) {
		record(A_OPEN, 0, HANE_EIO);
		_exit(1);
	}
	/* Sessions start spread over the first think time, as a day does. */
	sleep_ms(fmin(rnd(&seed) * think, until - now_ms()));
	while (now_ms() < until) {
		const char *name = names[rand_r(&seed) % 20];
		int len = 3 + rand_r(&seed) % 4, hits_n = 0;
		struct hits hits = {{0}, 0};
		char q[16];
		double u = rnd(&seed);
		enum act a;

		for (int i = 1; i <= len && name[i - 1]; i++) {
			snprintf(q, sizeof q, "%.*s", i, name);
			hits.n = 0;
			t0 = now_ms();
			rc = hane_person_search(db, q, 20, 0, keep_hit, &hits,
						NULL);
			record(A_KEY, now_ms() - t0, rc);
			hits_n = hits.n;
			sleep_ms(120 + rnd(&seed) * 130);
		}
		if (hits_n > 0) {
			t0 = now_ms();
			rc = open_household(db,
					    hits.hh[rand_r(&seed) % hits_n]);
			record(A_OPEN, now_ms() - t0, rc);
		}
		a = u < 0.15   ? A_REGISTER
		    : u < 0.30 ? A_FOOD
		    : u < 0.40 ? A_TAXI
		    : u < 0.50 ? A_VISIT
		    : u < 0.55 ? A_REPORT
			       : A__N;
		if (a != A__N && a != A_REPORT && a != A_REGISTER &&
		    used[a] >= POOL) {
			__atomic_add_fetch(&sh->skipped, 1, __ATOMIC_RELAXED);
			a = A__N;
		}
		if (a != A__N) {
			/* Filling the form. */
			sleep_ms(1000 + rnd(&seed) * 2000);
			t0 = now_ms();
			switch (a) {
			case A_REGISTER:
				rc = do_register(db, s, used[a]);
				break;
			case A_FOOD:
				rc = do_food(db, s, used[a]);
				break;
			case A_TAXI:
				rc = do_taxi(db, s, used[a], n);
				break;
			case A_VISIT:
				rc = do_visit(db, s, used[a]);
				break;
			default:
				rc = do_report(db, &seed);
				break;
			}
			record(a, now_ms() - t0, rc);
			used[a]++;
		}
		sleep_ms(fmin(-log(1 - rnd(&seed)) * think, until - now_ms()));
	}
	hane_store_stats(db, &st);
	getrusage(RUSAGE_SELF, &ru);
	__atomic_add_fetch(&sh->tx, st.tx, __ATOMIC_RELAXED);
	__atomic_add_fetch(&sh->busy_calls, st.busy_calls, __ATOMIC_RELAXED);
	__atomic_add_fetch(&sh->checkpoints, st.checkpoints, __ATOMIC_RELAXED);
	__atomic_add_fetch(&sh->log_commits, st.log_commits, __ATOMIC_RELAXED);
	__atomic_add_fetch(&sh->queue_takes, st.queue_takes, __ATOMIC_RELAXED);
	__atomic_add_fetch(&sh->queue_fallbacks, st.queue_fallbacks,
			   __ATOMIC_RELAXED);
	__atomic_add_fetch(&sh->queue_owner_dead, st.queue_owner_dead,
			   __ATOMIC_RELAXED);
	__atomic_add_fetch(&sh->rss_kb_sum, ru.ru_maxrss, __ATOMIC_RELAXED);
	/* Doubles: one session at a time through a lock-free spin. */
	while (__atomic_exchange_n(&sh->sessions_done, -1, __ATOMIC_ACQUIRE) ==
	       -1)
		;
	sh->begin_ms += st.begin_ms;
	sh->commit_ms += st.commit_ms;
	sh->checkpoint_ms += st.checkpoint_ms;
	sh->begin_max = fmax(sh->begin_max, st.begin_max_ms);
	sh->queue_ms += st.queue_ms;
	sh->queue_held += st.queue_held_ms;
	sh->queue_max = fmax(sh->queue_max, st.queue_max_ms);
	sh->commit_max = fmax(sh->commit_max, st.commit_max_ms);
	sh->checkpoint_max = fmax(sh->checkpoint_max, st.checkpoint_max_ms);
	__atomic_store_n(&sh->sessions_done, 0, __ATOMIC_RELEASE);
	hane_store_close(db);
	_exit(0);
}

/* The copy and the files SQLite and hane keep beside it. */
static void remove_copy(const char *copy)
{
	static const char *const side[] = {"", "-wal", "-shm", "-writer"};

	for (size_t i = 0; i < sizeof side / sizeof side[0]; i++) {
		char p[1100];

		snprintf(p, sizeof p, "%s%s", copy, side[i]);
		unlink(p);
	}
}

static double pct(enum act a, double p)
{
	unsigned long long want = (unsigned long long)ceil(
				   (double)sh->count[a] * p),
			   seen = 0;

	for (int b = 0; b < NB; b++) {
		seen += sh->hist[a][b];
		if (seen >= want && want > 0)
			return bucket_ms(b);
	}
	return 0;
}

static void loadavg(char *out, size_t n)
{
	FILE *f = fopen("/proc/loadavg", "r");

	out[0] = '\0';
	if (f) {
		if (!fgets(out, (int)n, f))
			out[0] = '\0';
		fclose(f);
	}
	out[strcspn(out, "\n")] = '\0';
}

int main(int argc, char **argv)
{
	const char *env = getenv("HANE_BENCH_SESSIONS");
	char sessions[256], la0[64], la1[64], *save = NULL;
	double secs = getenv("HANE_BENCH_SECONDS")
			      ? atof(getenv("HANE_BENCH_SECONDS"))
			      : 40;
	double think = getenv("HANE_BENCH_THINK_MS")
			       ? atof(getenv("HANE_BENCH_THINK_MS"))
			       : 10000;
	char csv[8192] = "", copy[1024];
	size_t csvn = 0;
	hane_db *db = NULL;
	int64_t runs = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_day DB\n");
		return 2;
	}
	/* On a copy: the other benchmarks measure the registry as made. */
	snprintf(copy, sizeof copy, "%s.day", argv[1]);
	remove_copy(copy);
	if (hane_store_open(&db, argv[1], 0) ||
	    hane_store_exec(db, "INSERT OR IGNORE INTO staff(username,"
				" full_name, role, unit, created_at,"
				" updated_at) VALUES('bench', 'Benchmark',"
				" 'admin', 'inspection', '2026-01-01 00:00:00',"
				" '2026-01-01 00:00:00')") ||
	    hane_store_set_actor(db, "bench") ||
	    hane_store_backup(db, copy, 0600))
		die("copy");
	hane_store_close(db);
	db = NULL;
	db_path = copy;
	if (!getenv("HANE_NOW"))
		setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	snprintf(sessions, sizeof sessions, "%s", env ? env : "100 300");
	sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		return 1;
	for (char *tok = strtok_r(sessions, " ,", &save); tok;
	     tok = strtok_r(NULL, " ,", &save)) {
		int n = atoi(tok), failed = 0;
		double t0, until, wall;
		unsigned long long all = 0, errs = 0;
		pid_t *pids;

		if (n <= 0)
			continue;
		if (hane_store_open(&db, db_path, 0) ||
		    hane_store_exec(db, "INSERT OR IGNORE INTO staff(username,"
					" full_name, role, unit, created_at,"
					" updated_at) VALUES('bench',"
					" 'Benchmark', 'admin', 'inspection',"
					" '2026-01-01 00:00:00',"
					" '2026-01-01 00:00:00')") ||
		    hane_store_exec(db, "UPDATE staff SET unit = 'inspection',"
					" role = 'admin', active = 1"
					" WHERE username = 'bench'") ||
		    hane_store_set_actor(db, "bench") ||
		    hane_store_query_int(db, &runs,
					 "SELECT count(*) FROM audit WHERE"
					 " action = 'bench.day'",
					 NULL, 0) ||
		    hane_store_audit_event(db, "bench.day", "", 0, NULL))
			die("open");
		run_no = (int)runs + 1;
		t0 = now_ms();
		setup(db, n);
		fprintf(stderr, "run %d: %d sessions, setup %.1f s\n", run_no,
			n, (now_ms() - t0) / 1000);
		hane_store_close(db);
		db = NULL;
		memset(sh, 0, sizeof *sh);
		pids = calloc((size_t)n, sizeof *pids);
		loadavg(la0, sizeof la0);
		fflush(NULL);
		t0 = now_ms();
		until = t0 + secs * 1000;
		for (int s = 0; s < n; s++) {
			pids[s] = fork();
			if (pids[s] < 0) {
				fprintf(stderr, "fork %d: %s\n", s,
					strerror(errno));
				n = s;
				break;
			}
			if (pids[s] == 0)
				session(s, n, until, think);
		}
		for (int s = 0; s < n; s++) {
			int st;

			if (waitpid(pids[s], &st, 0) != pids[s] ||
			    !WIFEXITED(st) || WEXITSTATUS(st) != 0)
				failed++;
		}
		wall = (now_ms() - t0) / 1000;
		if (wall < secs)
			wall = secs;
		loadavg(la1, sizeof la1);
		free(pids);
		printf("\n%d sessions, %.0f s, think %.0f ms; load average"
		       " before %s, after %s\n",
		       n, wall, think, la0, la1);
		printf("%-20s %8s %6s %9s %9s %9s\n", "action", "count",
		       "errors", "p50 ms", "p99 ms", "max ms");
		for (int a = 0; a < A__N; a++) {
			printf("%-20s %8llu %6llu %9.2f %9.2f %9.1f\n",
			       act_name[a], sh->count[a], sh->errors[a],
			       pct(a, 0.5), pct(a, 0.99), sh->max_ms[a]);
			if (sh->errors[a])
				printf("  last error: %s\n", sh->lasterr[a]);
			all += sh->count[a];
			errs += sh->errors[a];
			csvn += (size_t)snprintf(csv + csvn, sizeof csv - csvn,
						 "day%d_%s_p50_ms,%.2f,\nday%d_"
						 "%s_p99_ms,%.2f,\n",
						 n, act_key[a], pct(a, 0.5), n,
						 act_key[a], pct(a, 0.99));
		}
		printf("throughput: %.1f actions/s (%.1f saves/s); errors %llu;"
		       " sessions failed %d; pool exhausted %llu\n",
		       (double)all / wall,
		       (double)(all - sh->count[A_KEY] - sh->count[A_OPEN]) /
			       wall,
		       errs, failed, sh->skipped);
		printf("writers: %lld transactions (%lld read log only); BEGIN "
		       "(lock waits) %.1f ms"
		       " avg, %.0f max; busy handler calls %lld; COMMIT %.2f ms"
		       " avg, %.0f max; %lld checkpoints %.1f ms avg, %.0f"
		       " max; session peak RSS %.1f MB avg\n",
		       sh->tx, sh->log_commits,
		       sh->tx ? sh->begin_ms / (double)sh->tx : 0,
		       sh->begin_max, sh->busy_calls,
		       sh->tx ? sh->commit_ms / (double)sh->tx : 0,
		       sh->commit_max, sh->checkpoints,
		       sh->checkpoints
			       ? sh->checkpoint_ms / (double)sh->checkpoints
			       : 0,
		       sh->checkpoint_max,
		       n ? (double)sh->rss_kb_sum / n / 1024 : 0);
		printf("writers' queue (DB-writer, in BEGIN's wait): %lld "
		       "taken,"
		       " %.1f ms avg, %.0f max, held %.2f ms avg; holder died"
		       " %lld; SQLite's wait alone %lld\n",
		       sh->queue_takes,
		       sh->queue_takes ? sh->queue_ms / (double)sh->queue_takes
				       : 0,
		       sh->queue_max,
		       sh->queue_takes
			       ? sh->queue_held / (double)sh->queue_takes
			       : 0,
		       sh->queue_owner_dead, sh->queue_fallbacks);
		csvn += (size_t)snprintf(
			csv + csvn, sizeof csv - csvn,
			"day%d_actions_per_s,%.1f,\nday%d_errors,%llu,\n", n,
			(double)all / wall, n,
			errs + (unsigned long long)failed);
		fflush(stdout);
	}
	printf("csv:\n%s", csv);
	remove_copy(copy);
	return 0;
}
