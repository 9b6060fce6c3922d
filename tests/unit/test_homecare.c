/* Home care: coded values, holidays, clients, plans, the schedule
 * generator across month ends and holidays, the overlap rule with travel
 * time, moves and cancels that keep history, missed-visit follow-ups,
 * conflicts, permissions and the agenda CSV. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/homecare.h"
#include "hane/households.h"
#include "hane/i18n.h"

/* ---- Fixtures ------------------------------------------------------------------ */

static uint64_t next_tckn = 500;

/* A one-person household in mahalle; returns the person id. */
static int64_t make_person(hane_db *db, const char *first, const char *mahalle)
{
	struct hane_household h;
	struct hane_person p;
	int64_t pid = 0;

	hane_household_init(&h);
	hane_person_init(&p);
	snprintf(h.mahalle, sizeof h.mahalle, "%s", mahalle);
	snprintf(h.street, sizeof h.street, "Atatürk Cd.");
	snprintf(p.first_name, sizeof p.first_name, "%s", first);
	snprintf(p.last_name, sizeof p.last_name, "Yılmaz");
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(next_tckn++));
	tu_ok(hane_household_create(db, &h, &p, NULL, &pid, NULL));
	return pid;
}

static int64_t make_client(hane_db *db, const char *first, const char *mahalle,
			   const char *services, const char *start)
{
	struct hane_homecare_client c;
	int64_t id = 0;

	hane_homecare_client_init(&c);
	c.person_id = make_person(db, first, mahalle);
	snprintf(c.services, sizeof c.services, "%s", services);
	snprintf(c.start_date, sizeof c.start_date, "%s", start);
	tu_ok(hane_homecare_client_add(db, &c, &id));
	return id;
}

static int64_t make_worker(hane_db *db, const char *name, const char *services,
			   const char *days)
{
	struct hane_homecare_worker w;
	int64_t id = 0;

	hane_homecare_worker_init(&w);
	snprintf(w.name, sizeof w.name, "%s", name);
	snprintf(w.services, sizeof w.services, "%s", services);
	snprintf(w.work_days, sizeof w.work_days, "%s", days);
	tu_ok(hane_homecare_worker_add(db, &w, &id));
	return id;
}

static int64_t make_plan(hane_db *db, int64_t client, const char *period,
			 int visits, const char *days, const char *ws,
			 const char *we, int dur, int64_t worker,
			 const char *from)
{
	struct hane_homecare_plan p;
	int64_t id = 0;

	hane_homecare_plan_init(&p);
	p.client_id = client;
	snprintf(p.period, sizeof p.period, "%s", period);
	p.visits = visits;
	snprintf(p.days, sizeof p.days, "%s", days);
	snprintf(p.window_start, sizeof p.window_start, "%s", ws);
	snprintf(p.window_end, sizeof p.window_end, "%s", we);
	p.duration_min = dur;
	p.worker_id = worker;
	snprintf(p.valid_from, sizeof p.valid_from, "%s", from);
	tu_ok(hane_homecare_plan_add(db, &p, &id));
	return id;
}

static int64_t make_visit(hane_db *db, int64_t client, int64_t worker,
			  const char *date, const char *start, const char *end)
{
	struct hane_homecare_visit v;
	int64_t id = 0;

	memset(&v, 0, sizeof v);
	v.client_id = client;
	v.worker_id = worker;
	strcpy(v.service, "care");
	snprintf(v.date, sizeof v.date, "%s", date);
	snprintf(v.start_time, sizeof v.start_time, "%s", start);
	snprintf(v.end_time, sizeof v.end_time, "%s", end);
	tu_ok(hane_homecare_visit_add(db, &v, &id));
	return id;
}

/* Visits as "date start worker status" lines, for comparing schedules. */
struct list {
	int n;
	char row[128][96];
	int64_t id[128];
};

static int collect(const struct hane_homecare_visit *v, void *arg)
{
	struct list *l = arg;

	if (l->n < 128) {
		snprintf(l->row[l->n], sizeof l->row[0], "%s %s %lld %s %lld",
			 v->date, v->start_time, (long long)v->worker_id,
			 v->status, (long long)v->client_id);
		l->id[l->n++] = v->id;
	}
	return 0;
}

static struct list visits(hane_db *db,
			  const struct hane_homecare_visit_filter *f)
{
	struct list l;

	memset(&l, 0, sizeof l);
	tu_ok(hane_homecare_visit_each(db, f, collect, &l));
	return l;
}

static struct hane_homecare_schedule_result generate(hane_db *db,
						     const char *from,
						     const char *to,
						     bool preview)
{
	struct hane_homecare_schedule_opts o = {from, to, 0, preview, false};
	struct hane_homecare_schedule_result r;

	tu_ok(hane_homecare_schedule(db, &o, NULL, NULL, &r));
	return r;
}

static int setup(void **state)
{
	(void)state;
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	hane_lang_set(HANE_LANG_TR);
	return 0;
}

/* ---- Pure helpers ------------------------------------------------------------------ */

static void test_days_times_labels(void **state)
{
	char out[64], days[8], t[6];

	(void)state;
	tu_ok(hane_homecare_days_parse(days, "pzt, Çarşamba cum"));
	assert_string_equal(days, "135");
	tu_ok(hane_homecare_days_parse(days, "5,1"));
	assert_string_equal(days, "15");
	tu_ok(hane_homecare_days_parse(days, "hafta içi"));
	assert_string_equal(days, "12345");
	tu_ok(hane_homecare_days_parse(days, "mon sat"));
	assert_string_equal(days, "16");
	assert_int_equal(hane_homecare_days_parse(days, "pzt,bayram"),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "bayram"));
	assert_int_equal(hane_homecare_days_parse(days, "8"), HANE_EINVAL);
	assert_string_equal(hane_homecare_days_format(out, sizeof out, "135"),
			    "Pzt Çar Cum");

	tu_ok(hane_homecare_time_parse(t, "9:05"));
	assert_string_equal(t, "09:05");
	tu_ok(hane_homecare_time_parse(t, "1430"));
	assert_string_equal(t, "14:30");
	assert_int_equal(hane_homecare_time_parse(t, "24:00"), HANE_EINVAL);
	assert_int_equal(hane_homecare_time_parse(t, "9:5"), HANE_EINVAL);
	assert_int_equal(hane_homecare_time_parse(t, "ab:cd"), HANE_EINVAL);

	assert_string_equal(hane_homecare_parse("services", "evde temizlik"),
			    "cleaning");
	assert_string_equal(hane_homecare_parse("services", "BAKIM"), "care");
	assert_string_equal(hane_homecare_parse("missed", "kabul etmedi"),
			    "refused");
	assert_string_equal(hane_homecare_parse("end", "Vefat"), "death");
	assert_string_equal(hane_homecare_parse("need", "yatalak"),
			    "bedridden");
	assert_null(hane_homecare_parse("services", "taksi"));
	assert_string_equal(hane_homecare_label("staff_absent"),
			    "personel gidemedi");
}

static void test_holiday_list(void **state)
{
	hane_db *db = tu_open(NULL);
	enum hane_homecare_holiday k;
	char name[128];

	(void)state;
	tu_ok(hane_homecare_holiday(db, "2026-05-27", &k, name, sizeof name));
	assert_int_equal(k, HANE_HC_FULL);
	assert_non_null(strstr(name, "Kurban"));
	tu_ok(hane_homecare_holiday(db, "2026-05-26", &k, name, sizeof name));
	assert_int_equal(k, HANE_HC_HALF);
	tu_ok(hane_homecare_holiday(db, "2026-06-01", &k, NULL, 0));
	assert_int_equal(k, HANE_HC_WORKDAY);
	tu_ok(hane_homecare_holiday(db, "2025-03-31", &k, NULL, 0));
	assert_int_equal(k, HANE_HC_FULL);
	tu_ok(hane_homecare_holiday(db, "2027-10-29", &k, NULL, 0));
	assert_int_equal(k, HANE_HC_FULL);
	tu_ok(hane_homecare_holiday(db, "2025-10-28", &k, NULL, 0));
	assert_int_equal(k, HANE_HC_HALF);
	/* Any year: the fixed public holidays without data. */
	tu_ok(hane_homecare_holiday(db, "2028-01-01", &k, NULL, 0));
	assert_int_equal(k, HANE_HC_FULL);
	tu_ok(hane_homecare_holiday(db, "2031-10-28", &k, NULL, 0));
	assert_int_equal(k, HANE_HC_HALF);
	tu_ok(hane_homecare_holiday(db, "2028-05-02", &k, NULL, 0));
	assert_int_equal(k, HANE_HC_WORKDAY);
	hane_store_close(db);
}

/* ---- Clients, workers, plans ------------------------------------------------------- */

static void test_client_rules(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_client c, got;
	int64_t id, pid;

	(void)state;
	pid = make_person(db, "Şükrü", "Gündoğdu");
	hane_homecare_client_init(&c);
	c.person_id = pid;
	strcpy(c.services, "both");
	strcpy(c.needs, "yatalak, Demans,yalnız yaşıyor");
	tu_ok(hane_homecare_client_add(db, &c, &id));
	tu_ok(hane_homecare_client_get(db, id, &got));
	assert_string_equal(got.needs, "bedridden,dementia,alone");
	assert_string_equal(got.start_date, "2026-06-15"); /* today */
	assert_string_equal(got.name, "Şükrü Yılmaz");
	assert_string_equal(got.mahalle, "Gündoğdu");

	/* One open record per person. */
	assert_int_equal(hane_homecare_client_add(db, &c, NULL), HANE_EEXIST);
	assert_non_null(strstr(hane_error_last(), "Şükrü Yılmaz"));

	c.person_id = 9999;
	assert_int_equal(hane_homecare_client_add(db, &c, NULL),
			 HANE_ENOTFOUND);
	c.person_id = pid;
	strcpy(c.needs, "uçmak");
	assert_int_equal(hane_homecare_client_add(db, &c, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "İhtiyaçlar"));
	strcpy(c.needs, "");
	strcpy(c.services, "taksi");
	assert_int_equal(hane_homecare_client_add(db, &c, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Hizmet"));

	/* Ending needs a known reason, and frees the person for a new
	 * record later. */
	assert_int_equal(hane_homecare_client_end(db, id, got.version,
						  "2026-07-01", "bored", NULL),
			 HANE_EINVAL);
	tu_ok(hane_homecare_client_end(db, id, got.version, "2026-07-01",
				       "institution", NULL));
	assert_int_equal(hane_homecare_client_end(db, id, got.version + 1,
						  "2026-07-02", "death", NULL),
			 HANE_EINVAL);
	strcpy(c.services, "care");
	tu_ok(hane_homecare_client_add(db, &c, NULL));
	hane_store_close(db);
}

static void test_plan_rules(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_plan p;
	int64_t client, cleaner, id;

	(void)state;
	client = make_client(db, "Ayşe", "Serdar", "care", "2026-06-01");
	cleaner = make_worker(db, "Temizlik Ekibi 1", "cleaning", "12345");
	hane_homecare_plan_init(&p);
	p.client_id = client;
	strcpy(p.window_start, "09:00");
	strcpy(p.window_end, "09:30");
	p.duration_min = 60;
	assert_int_equal(hane_homecare_plan_add(db, &p, &id), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "süresine"));
	strcpy(p.window_end, "12:00");
	p.worker_id = cleaner;
	assert_int_equal(hane_homecare_plan_add(db, &p, &id), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Temizlik Ekibi 1"));
	p.worker_id = 0;
	strcpy(p.service, "cleaning"); /* the client gets care only */
	assert_int_equal(hane_homecare_plan_add(db, &p, &id), HANE_EINVAL);
	strcpy(p.service, "care");
	p.visits = 8; /* more than a week has days */
	assert_int_equal(hane_homecare_plan_add(db, &p, &id), HANE_EINVAL);
	p.visits = 2;
	strcpy(p.days, "14");
	tu_ok(hane_homecare_plan_add(db, &p, &id));
	tu_ok(hane_homecare_plan_get(db, id, &p));
	assert_string_equal(p.valid_from, "2026-06-15"); /* today > start */
	{
		char d[256];

		hane_homecare_plan_describe(d, sizeof d, &p);
		assert_string_equal(d, "Bakım · haftada 2 · Pzt Per · "
				       "09:00–12:00 · 60 dk");
	}
	hane_store_close(db);
}

/* ---- Schedule generation ------------------------------------------------------------- */

/* A weekly plan that prefers Fridays with 2 visits: in the week of
 * 29 June – 5 July the second visit goes to Monday 29 June. Generating
 * June and then July must give exactly what one run over both gives. */
static void test_schedule_month_end(void **state)
{
	hane_db *a = tu_open(NULL), *b = tu_open(NULL);
	struct hane_homecare_visit_filter f = {0};
	struct hane_homecare_schedule_result r;
	struct list la, lb;

	(void)state;
	for (int i = 0; i < 2; i++) {
		hane_db *db = i ? b : a;
		int64_t c = make_client(db, "Fatma", "Kozluk", "care",
					"2026-06-01");

		make_plan(db, c, "week", 2, "5", "09:00", "12:00", 60, 0,
			  "2026-06-01");
	}
	r = generate(a, "2026-06-01", "2026-06-30", false);
	/* Weeks of June: 1–5, 8–12, 15–19, 22–26, and Monday 29. */
	assert_int_equal(r.created, 9);
	r = generate(a, "2026-07-01", "2026-07-31", false);
	r = generate(b, "2026-06-01", "2026-07-31", false);
	la = visits(a, &f);
	lb = visits(b, &f);
	assert_int_equal(la.n, lb.n);
	for (int i = 0; i < la.n; i++)
		assert_string_equal(la.row[i], lb.row[i]);
	f.from = "2026-06-29";
	f.to = "2026-07-05";
	la = visits(a, &f);
	assert_int_equal(la.n, 2);
	assert_true(strncmp(la.row[0], "2026-06-29 09:00", 16) == 0);
	assert_true(strncmp(la.row[1], "2026-07-03 09:00", 16) == 0);

	/* Running again adds nothing. */
	r = generate(a, "2026-06-01", "2026-07-31", false);
	assert_int_equal(r.created, 0);
	assert_int_equal(r.existing, lb.n);
	hane_store_close(a);
	hane_store_close(b);
}

/* Kurban Bayramı 2026: 26 May (Tuesday) is a half day, 27–30 May full.
 * A Mon/Wed/Fri plan keeps Monday and gets Tuesday morning instead. */
static void test_schedule_holidays(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_visit_filter f = {.from = "2026-05-25",
					       .to = "2026-05-31"};
	struct hane_homecare_schedule_result r;
	int64_t morning, afternoon;
	struct list l;

	(void)state;
	morning = make_client(db, "Hasan", "Kozluk", "care", "2026-05-01");
	afternoon = make_client(db, "Hüseyin", "Kozluk", "care", "2026-05-01");
	make_plan(db, morning, "week", 3, "135", "09:00", "12:00", 60, 0,
		  "2026-05-01");
	make_plan(db, afternoon, "week", 3, "135", "14:00", "17:00", 60, 0,
		  "2026-05-01");
	r = generate(db, "2026-05-25", "2026-05-31", false);
	assert_int_equal(r.created, 3);
	l = visits(db, &f);
	assert_int_equal(l.n, 3);
	/* ordered by date, then worker, then time */
	assert_true(strncmp(l.row[0], "2026-05-25 09:00", 16) == 0);
	assert_true(strncmp(l.row[1], "2026-05-25 14:00", 16) == 0);
	assert_true(strncmp(l.row[2], "2026-05-26 09:00", 16) == 0);
	/* Nothing on a full holiday, even by hand. */
	{
		struct hane_homecare_visit v;

		memset(&v, 0, sizeof v);
		v.client_id = morning;
		strcpy(v.service, "care");
		strcpy(v.date, "2026-05-27");
		strcpy(v.start_time, "10:00");
		strcpy(v.end_time, "11:00");
		assert_int_equal(hane_homecare_visit_add(db, &v, NULL),
				 HANE_EINVAL);
		assert_non_null(strstr(hane_error_last(), "Kurban"));
		strcpy(v.date, "2026-05-26");
		strcpy(v.start_time, "12:30");
		strcpy(v.end_time, "13:30");
		assert_int_equal(hane_homecare_visit_add(db, &v, NULL),
				 HANE_EINVAL);
		assert_non_null(strstr(hane_error_last(), "13:00"));
	}
	/* A year whose religious holidays are not entered is still
	 * planned, around the fixed public holidays, with a warning. */
	{
		struct hane_homecare_schedule_opts o = {.from = "2027-12-01",
							.to = "2028-01-31",
							.preview = true};

		tu_ok(hane_homecare_schedule(db, &o, NULL, NULL, &r));
		assert_true(r.created > 0);
		assert_non_null(strstr(r.warning, "2028"));
		assert_null(strstr(r.warning, "2027"));
	}
	hane_store_close(db);
}

/* The generator never books a time already past (#17): today's visit
 * starts at the next quarter hour after the clock, and a window already
 * gone gets no visit today; other days are as planned. */
static void test_schedule_never_in_the_past(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_visit_filter f = {.from = "2026-06-15",
					       .to = "2026-06-15"};
	struct list l;
	int64_t w, a, b;

	(void)state;
	w = make_worker(db, "Zeynep Kara", "care", "12345");
	a = make_client(db, "Ali", "Gündoğdu", "care", "2026-06-01");
	make_plan(db, a, "week", 1, "1", "09:00", "12:00", 60, w, "2026-06-01");
	setenv("HANE_NOW", "2026-06-15 10:07:00", 1); /* Monday */
	(void)generate(db, "2026-06-15", "2026-06-15", false);
	l = visits(db, &f);
	assert_int_equal(l.n, 1);
	assert_non_null(strstr(l.row[0], "2026-06-15 10:15 "));
	b = make_client(db, "Veli", "Gündoğdu", "care", "2026-06-01");
	make_plan(db, b, "week", 1, "1", "09:00", "11:30", 60, w, "2026-06-01");
	setenv("HANE_NOW", "2026-06-15 10:40:00", 1);
	(void)generate(db, "2026-06-15", "2026-06-15", false);
	assert_int_equal(visits(db, &f).n, 1); /* 10:45 + 60 > 11:30 */
	/* Next Monday both are at their usual times. */
	f.from = f.to = "2026-06-22";
	(void)generate(db, "2026-06-22", "2026-06-22", false);
	l = visits(db, &f);
	assert_int_equal(l.n, 2);
	assert_non_null(strstr(l.row[0], "2026-06-22 09:00 "));
	tu_clock_default();
	hane_store_close(db);
}

/* A monthly plan spreads its visits; a client who starts mid-week gets a
 * share of the week's visits. */
static void test_schedule_month_and_partial(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_visit_filter f = {0};
	struct hane_homecare_schedule_result r;
	int64_t monthly, late;
	struct list l;

	(void)state;
	monthly = make_client(db, "Emine", "Serdar", "both", "2026-06-01");
	make_plan(db, monthly, "month", 2, "", "10:00", "15:00", 120, 0,
		  "2026-06-01");
	late = make_client(db, "Osman", "Serdar", "care", "2026-06-11");
	make_plan(db, late, "week", 3, "135", "09:00", "12:00", 60, 0,
		  "2026-06-11");
	r = generate(db, "2026-06-01", "2026-06-14", false);
	(void)r;
	f.client_id = monthly;
	f.from = "2026-06-01";
	f.to = "2026-06-30";
	l = visits(db, &f);
	/* 22 weekdays in June 2026: the 6th (8 June) is in range; the 17th
	 * (23 June) will come with the next run. */
	assert_int_equal(l.n, 1);
	assert_true(strncmp(l.row[0], "2026-06-08 10:00", 16) == 0);
	generate(db, "2026-06-15", "2026-06-30", false);
	l = visits(db, &f);
	assert_int_equal(l.n, 2);
	assert_true(strncmp(l.row[1], "2026-06-23 10:00", 16) == 0);

	/* Thursday 11 June start: 2 of the week's 5 weekdays → 2 of 3
	 * visits: Friday (preferred) and Thursday. */
	f.client_id = late;
	f.from = "2026-06-08";
	f.to = "2026-06-14";
	l = visits(db, &f);
	assert_int_equal(l.n, 2);
	assert_true(strncmp(l.row[0], "2026-06-11", 10) == 0);
	assert_true(strncmp(l.row[1], "2026-06-12", 10) == 0);
	hane_store_close(db);
}

struct slots {
	int n, unassigned, shifted;
};

static int count_slot(const struct hane_homecare_slot *s, void *arg)
{
	struct slots *c = arg;

	c->n++;
	c->unassigned += s->worker_id == 0;
	c->shifted += strstr(s->note, "yerine") != NULL;
	return 0;
}

/* Two plans of one caregiver in the same window: the second visit slides
 * to after the first plus the travel time; a preview writes nothing. */
static void test_schedule_assigns_without_overlap(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_visit_filter f = {.from = "2026-06-22",
					       .to = "2026-06-22"};
	struct hane_homecare_schedule_opts o = {"2026-06-22", "2026-06-22", 0,
						true, false};
	struct hane_homecare_schedule_result r;
	struct slots s = {0};
	int64_t w, w2, c1, c2, c3;
	struct list l;

	(void)state;
	w = make_worker(db, "Zeynep Kara", "care", "12345");
	c1 = make_client(db, "Ali", "Gündoğdu", "care", "2026-06-01");
	c2 = make_client(db, "Veli", "Serdar", "care", "2026-06-01");
	c3 = make_client(db, "Deli", "Yenişehir", "care", "2026-06-01");
	make_plan(db, c1, "week", 1, "1", "09:00", "10:00", 60, w,
		  "2026-06-01");
	make_plan(db, c2, "week", 1, "1", "09:00", "11:30", 60, w,
		  "2026-06-01");
	make_plan(db, c3, "week", 1, "1", "09:00", "11:00", 60, w,
		  "2026-06-01");
	tu_ok(hane_homecare_schedule(db, &o, count_slot, &s, &r));
	assert_int_equal(s.n, 3);
	assert_int_equal(r.created, 3);
	assert_int_equal(visits(db, &f).n, 0); /* preview wrote nothing */

	o.preview = false;
	memset(&s, 0, sizeof s);
	tu_ok(hane_homecare_schedule(db, &o, count_slot, &s, &r));
	l = visits(db, &f);
	assert_int_equal(l.n, 3);
	/* c1 09:00–10:00 (tightest window first); c3 cannot start before
	 * 10:20 (20 min travel) and must end by 11:00: unassigned; c2 slides
	 * to 10:30 (10:15 is too close, 15-minute steps). */
	assert_int_equal(s.unassigned, 1);
	assert_int_equal(s.shifted, 1);
	assert_int_equal(r.unassigned, 1);
	{
		char want1[96], want2[96];

		snprintf(want1, sizeof want1,
			 "2026-06-22 09:00 %lld planned %lld", (long long)w,
			 (long long)c1);
		snprintf(want2, sizeof want2,
			 "2026-06-22 10:30 %lld planned %lld", (long long)w,
			 (long long)c2);
		assert_string_equal(l.row[0], want1);
		assert_string_equal(l.row[1], want2);
		assert_true(strstr(l.row[2], " 0 planned ") != NULL);
	}

	/* With auto-assign another free caregiver takes the one left over;
	 * a cleaning team is never asked. */
	make_worker(db, "Ekip 1", "cleaning", "12345");
	w2 = make_worker(db, "Elif Su", "care", "12345");
	o.from = o.to = "2026-06-29";
	o.auto_assign = true;
	tu_ok(hane_homecare_schedule(db, &o, NULL, NULL, &r));
	assert_int_equal(r.created, 3);
	assert_int_equal(r.unassigned, 0);
	f.worker_id = w2;
	f.from = f.to = "2026-06-29";
	l = visits(db, &f);
	assert_int_equal(l.n, 1);
	assert_non_null(strstr(l.row[0], "09:00"));
	hane_store_close(db);
}

/* ---- The overlap rule ---------------------------------------------------------------------- */

static void test_overlap_and_travel_time(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_visit v;
	int64_t w, a, b, a2;
	int minutes = -1;

	(void)state;
	w = make_worker(db, "Zeynep Kara", "care", "12345");
	a = make_client(db, "Ali", "Gündoğdu", "care", "2026-06-01");
	a2 = make_client(db, "Ayla", "Gündoğdu", "care", "2026-06-01");
	b = make_client(db, "Veli", "Serdar", "care", "2026-06-01");
	make_visit(db, a, w, "2026-06-22", "09:00", "10:00");

	memset(&v, 0, sizeof v);
	v.client_id = b;
	v.worker_id = w;
	strcpy(v.service, "care");
	strcpy(v.date, "2026-06-22");
	/* Plain overlap. */
	strcpy(v.start_time, "09:30");
	strcpy(v.end_time, "10:30");
	assert_int_equal(hane_homecare_visit_add(db, &v, NULL), HANE_EEXIST);
	assert_non_null(strstr(hane_error_last(), "Zeynep Kara"));
	/* No overlap, but 10 minutes is less than the 20 of travel. */
	strcpy(v.start_time, "10:10");
	strcpy(v.end_time, "11:00");
	assert_int_equal(hane_homecare_visit_add(db, &v, NULL), HANE_EEXIST);
	assert_non_null(strstr(hane_error_last(), "20 dk"));
	/* Also before the other visit. */
	strcpy(v.start_time, "08:00");
	strcpy(v.end_time, "08:50");
	assert_int_equal(hane_homecare_visit_add(db, &v, NULL), HANE_EEXIST);

	/* Configured: 5 minutes between these two mahalleler. */
	tu_ok(hane_homecare_travel_set(db, "serdar", "GÜNDOĞDU", 5));
	tu_ok(hane_homecare_travel_get(db, "Gündoğdu", "Serdar", &minutes));
	assert_int_equal(minutes, 5);
	strcpy(v.start_time, "10:10");
	strcpy(v.end_time, "11:00");
	tu_ok(hane_homecare_visit_add(db, &v, NULL));

	/* Same mahalle: back to back is fine (0 by default) ... */
	make_visit(db, a2, w, "2026-06-22", "11:05", "12:00");
	/* ... until the same-mahalle time is raised. */
	tu_ok(hane_homecare_travel_defaults(db, 30, -1));
	v.client_id = a;
	strcpy(v.start_time, "12:10");
	strcpy(v.end_time, "13:00");
	assert_int_equal(hane_homecare_visit_add(db, &v, NULL), HANE_EEXIST);
	strcpy(v.start_time, "12:30");
	strcpy(v.end_time, "13:00");
	tu_ok(hane_homecare_visit_add(db, &v, NULL));

	/* Another day, another worker: free. Not on a day off. */
	strcpy(v.date, "2026-06-27"); /* Saturday */
	assert_int_equal(hane_homecare_visit_add(db, &v, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Cmt"));
	/* A cleaning team cannot take a care visit. */
	v.worker_id = make_worker(db, "Ekip 2", "cleaning", "123456");
	assert_int_equal(hane_homecare_visit_add(db, &v, NULL), HANE_EINVAL);
	hane_store_close(db);
}

/* ---- Moving, cancelling, recording --------------------------------------------------------- */

static void test_move_and_cancel_keep_history(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_visit_filter f = {0}, h = {0};
	struct hane_homecare_visit old, moved;
	int64_t w, c, id, nid = 0;
	struct list l;

	(void)state;
	w = make_worker(db, "Zeynep Kara", "care", "12345");
	c = make_client(db, "Ali", "Gündoğdu", "care", "2026-06-01");
	id = make_visit(db, c, w, "2026-06-22", "09:00", "10:00");
	tu_ok(hane_homecare_visit_get(db, id, &old));
	/* Moving onto a holiday is refused, and leaves the visit alone. */
	assert_int_equal(hane_homecare_visit_move(db, id, old.version,
						  "2026-07-15", "10:00", -1,
						  &nid),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Demokrasi"));
	tu_ok(hane_homecare_visit_get(db, id, &old));
	assert_string_equal(old.status, "planned");

	tu_ok(hane_homecare_visit_move(db, id, old.version, "2026-06-23",
				       "14:00", -1, &nid));
	tu_ok(hane_homecare_visit_get(db, id, &old));
	tu_ok(hane_homecare_visit_get(db, nid, &moved));
	assert_string_equal(old.status, "rescheduled");
	assert_int_equal(old.moved_to, nid);
	assert_int_equal(moved.moved_from, id);
	assert_string_equal(moved.start_time, "14:00");
	assert_string_equal(moved.end_time, "15:00"); /* same duration */
	assert_int_equal(moved.worker_id, w);
	/* A stale version is a conflict. */
	assert_int_equal(hane_homecare_visit_move(db, id, 1, "2026-06-24", NULL,
						  -1, NULL),
			 HANE_ECONFLICT);
	l = visits(db, &f);
	assert_int_equal(l.n, 1); /* the agenda shows the new one only */
	h.history = true;
	l = visits(db, &h);
	assert_int_equal(l.n, 2); /* history keeps both */

	assert_int_equal(
		hane_homecare_visit_cancel(db, nid, moved.version, " "),
		HANE_EINVAL);
	tu_ok(hane_homecare_visit_cancel(db, nid, moved.version,
					 "danışan hastanede"));
	tu_ok(hane_homecare_visit_get(db, nid, &moved));
	assert_string_equal(moved.status, "cancelled");
	assert_string_equal(moved.cancel_reason, "danışan hastanede");
	assert_int_equal(visits(db, &f).n, 0);
	assert_int_equal(visits(db, &h).n, 2);
	/* A cancelled visit cannot be moved or cancelled again. */
	assert_int_equal(
		hane_homecare_visit_cancel(db, nid, moved.version, "x"),
		HANE_EINVAL);
	hane_store_close(db);
}

static void test_record_and_followups(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_visit_filter fu = {0};
	struct hane_homecare_visit v;
	struct hane_homecare_client c;
	int64_t w, cl, done, missed, future;

	(void)state;
	w = make_worker(db, "Zeynep Kara", "care", "12345");
	cl = make_client(db, "Ali", "Gündoğdu", "care", "2026-06-01");
	done = make_visit(db, cl, w, "2026-06-10", "09:00", "10:00");
	missed = make_visit(db, cl, w, "2026-06-12", "09:00", "10:00");
	future = make_visit(db, cl, w, "2026-06-17", "09:00", "10:00");

	tu_ok(hane_homecare_visit_get(db, done, &v));
	assert_int_equal(hane_homecare_visit_done(db, done, v.version, "10:00",
						  "09:30", "", ""),
			 HANE_EINVAL);
	tu_ok(hane_homecare_visit_done(db, done, v.version, "09:10", "10:25",
				       "banyo, ilaç", "iyi"));
	tu_ok(hane_homecare_visit_get(db, done, &v));
	assert_string_equal(v.status, "done");
	assert_string_equal(v.actual_end, "10:25");
	assert_string_equal(v.tasks, "banyo, ilaç");

	tu_ok(hane_homecare_visit_get(db, future, &v));
	assert_int_equal(
		hane_homecare_visit_done(db, future, v.version, "", "", "", ""),
		HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "17.06.2026"));

	tu_ok(hane_homecare_visit_get(db, missed, &v));
	assert_int_equal(
		hane_homecare_visit_missed(db, missed, v.version, "sleepy", ""),
		HANE_EINVAL);
	tu_ok(hane_homecare_visit_missed(db, missed, v.version, "refused",
					 "kapıyı açmadı"));
	tu_ok(hane_homecare_visit_get(db, missed, &v));
	assert_string_equal(v.followup, "open");
	fu.followup_open = true;
	assert_int_equal(visits(db, &fu).n, 1);
	tu_ok(hane_homecare_client_get(db, cl, &c));
	assert_int_equal(c.open_followups, 1);
	assert_string_equal(c.last_visit, "2026-06-10");
	assert_string_equal(c.next_visit, "2026-06-17");

	assert_int_equal(
		hane_homecare_followup_close(db, missed, v.version, ""),
		HANE_EINVAL);
	tu_ok(hane_homecare_followup_close(db, missed, v.version,
					   "telefonla görüşüldü"));
	assert_int_equal(visits(db, &fu).n, 0);
	tu_ok(hane_homecare_visit_get(db, missed, &v));
	assert_int_equal(
		hane_homecare_followup_close(db, missed, v.version, "again"),
		HANE_EINVAL);
	/* A stale record is a conflict, with who changed it. */
	assert_int_equal(
		hane_homecare_visit_missed(db, missed, 1, "client_absent", ""),
		HANE_ECONFLICT);
	assert_string_equal(hane_store_last_conflict(db)->updated_by, "tester");
	hane_store_close(db);
}

static void test_client_end_cancels_future(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_visit_filter h = {0};
	struct hane_homecare_client c;
	struct hane_homecare_schedule_result r;
	struct list l;
	int n = -1;
	int64_t cl;

	(void)state;
	h.history = true;
	cl = make_client(db, "Ali", "Gündoğdu", "care", "2026-06-01");
	make_plan(db, cl, "week", 1, "3", "09:00", "12:00", 60, 0,
		  "2026-06-01");
	r = generate(db, "2026-06-01", "2026-06-30", false);
	assert_int_equal(r.created, 4); /* Wednesdays 3, 10, 17, 24 June */
	tu_ok(hane_homecare_client_get(db, cl, &c));
	tu_ok(hane_homecare_client_end(db, cl, c.version, "2026-06-16", "death",
				       &n));
	assert_int_equal(n, 2); /* 17 and 24 June */
	l = visits(db, &h);
	assert_int_equal(l.n, 4);
	assert_non_null(strstr(l.row[1], "planned"));
	assert_non_null(strstr(l.row[2], "cancelled"));
	assert_non_null(strstr(l.row[3], "cancelled"));
	/* The plan ended too: nothing more is generated. */
	r = generate(db, "2026-06-01", "2026-07-31", false);
	assert_int_equal(r.created, 0);
	hane_store_close(db);
}

/* A walk whose fn stops it (returns 1) ends without an error, whichever
 * record it walks; an error (< 0) from fn is returned. */
static int stop_worker(const struct hane_homecare_worker *w, void *arg)
{
	(void)w;
	return ++*(int *)arg == 1 ? 1 : 0;
}

static int stop_plan(const struct hane_homecare_plan *p, void *arg)
{
	(void)p;
	return ++*(int *)arg == 1 ? 1 : 0;
}

static int fail_worker(const struct hane_homecare_worker *w, void *arg)
{
	(void)w;
	(void)arg;
	return HANE_EIO;
}

static void test_walk_stops(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t client;
	int n = 0;

	(void)state;
	client = make_client(db, "Ayşe", "Serdar", "care", "2026-06-01");
	make_worker(db, "Zeynep Kara", "care", "12345");
	make_worker(db, "Ekip 1", "cleaning", "12345");
	make_plan(db, client, "week", 1, "1", "09:00", "12:00", 60, 0,
		  "2026-06-01");
	make_plan(db, client, "week", 1, "4", "09:00", "12:00", 60, 0,
		  "2026-06-01");
	assert_int_equal(hane_homecare_worker_each(db, true, stop_worker, &n),
			 0);
	assert_int_equal(n, 1);
	n = 0;
	assert_int_equal(hane_homecare_plan_each(db, client, stop_plan, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(hane_homecare_worker_each(db, true, fail_worker, NULL),
			 HANE_EIO);
	hane_store_close(db);
}

static void test_permissions(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_homecare_client c;

	(void)state;
	assert_int_equal(hane_store_set_actor(db, "stranger"), HANE_ENOUSER);
	assert_int_equal(hane_homecare_client_get(db, 1, &c), HANE_EPERM);
	{
		struct hane_homecare_worker w;

		hane_homecare_worker_init(&w);
		strcpy(w.name, "X");
		assert_int_equal(hane_homecare_worker_add(db, &w, NULL),
				 HANE_EPERM);
	}
	hane_store_close(db);
}

static void test_agenda_csv(void **state)
{
	hane_db *db = tu_open(NULL);
	char *buf = NULL;
	size_t len = 0;
	int64_t rows = 0, w, c;
	FILE *fp;

	(void)state;
	w = make_worker(db, "Zeynep Kara", "care", "12345");
	c = make_client(db, "Ali", "Gündoğdu", "care", "2026-06-01");
	make_visit(db, c, w, "2026-06-22", "09:00", "10:00");
	make_visit(db, c, 0, "2026-06-23", "09:00", "10:00");
	fp = open_memstream(&buf, &len);
	tu_ok(hane_homecare_agenda_csv(db, "2026-06-22", "2026-06-22", w, fp, 0,
				       &rows));
	fclose(fp);
	assert_int_equal(rows, 1);
	assert_non_null(strstr(buf, "Tarih,Başlangıç,Bitiş,Personel,Danışan"));
	assert_non_null(strstr(buf, "22.06.2026,09:00,10:00,Zeynep Kara,"
				    "Ali Yılmaz,Gündoğdu,Atatürk Cd."));
	free(buf);
	buf = NULL;
	fp = open_memstream(&buf, &len);
	tu_ok(hane_homecare_agenda_csv(db, "2026-06-22", "2026-06-28", -1, fp,
				       0, &rows));
	fclose(fp);
	assert_int_equal(rows, 1);
	assert_non_null(strstr(buf, "(atanmamış)"));
	free(buf);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_times_labels),
		cmocka_unit_test(test_holiday_list),
		cmocka_unit_test(test_client_rules),
		cmocka_unit_test(test_plan_rules),
		cmocka_unit_test(test_schedule_month_end),
		cmocka_unit_test(test_schedule_holidays),
		cmocka_unit_test(test_schedule_month_and_partial),
		cmocka_unit_test(test_schedule_never_in_the_past),
		cmocka_unit_test(test_schedule_assigns_without_overlap),
		cmocka_unit_test(test_overlap_and_travel_time),
		cmocka_unit_test(test_move_and_cancel_keep_history),
		cmocka_unit_test(test_record_and_followups),
		cmocka_unit_test(test_client_end_cancels_future),
		cmocka_unit_test(test_walk_stops),
		cmocka_unit_test(test_permissions),
		cmocka_unit_test(test_agenda_csv),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
