/* Merkezler (#19), the core model: the seeded programmes and sites, a
 * fifth branch added as data, eligibility explained (age on the day with
 * a site's own minimum, disability, the diagnosis note, residence),
 * applications and decisions (one open per programme, capacity, the
 * waiting list and who is next), memberships and their ends, check-in
 * and check-out with their refusals, the member search for check-in, a
 * caseworker limited to their programmes, the registered descriptors.
 * The clock is HANE_NOW: Monday 2026-06-15 10:00. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "hane/centres.h"
#include "hane/core.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/overview.h"
#include "hane/record.h"
#include "hane/security.h"

/* A household of one in mahalle with a person born on birth (ISO),
 * disability % (-1 unknown); returns the person's id. */
static int64_t person(hane_db *db, int n, const char *first, const char *last,
		      const char *birth, int disability, const char *mahalle)
{
	struct hane_household h;
	struct hane_person p;
	int64_t hid = 0, pid = 0;

	hane_household_init(&h);
	HANE_COPY(h.mahalle, mahalle);
	HANE_COPY(h.street, "Cumhuriyet Cd.");
	snprintf(h.building, sizeof h.building, "%d", n);
	hane_person_init(&p);
	HANE_COPY(p.tckn, tu_tckn((uint64_t)n + 7000));
	HANE_COPY(p.first_name, first);
	HANE_COPY(p.last_name, last);
	HANE_COPY(p.birth_date, birth);
	p.disability_pct = disability;
	tu_ok(hane_household_create(db, &h, &p, &hid, NULL, NULL));
	tu_ok(hane_store_query_int(db, &pid,
				   "SELECT id FROM person WHERE household_id"
				   " = :h",
				   ":h", hid));
	return pid;
}

static int64_t site(hane_db *db, const char *key)
{
	struct hane_centre_site s;

	tu_ok(hane_centre_site_find(db, key, &s));
	return s.id;
}

static int apply(hane_db *db, int64_t pid, int64_t sid, const char *date,
		 const char *diagnosis, int64_t *id)
{
	struct hane_centre_application a;
	int rc;

	hane_centre_application_init(&a);
	a.person_id = pid;
	a.site_id = sid;
	HANE_COPY(a.date, date);
	HANE_COPY(a.diagnosis, diagnosis ? diagnosis : "");
	rc = hane_centre_apply(db, &a);
	if (id)
		*id = a.id;
	return rc;
}

/* Applies and admits directly on date: the membership's id. */
static int64_t member(hane_db *db, int64_t pid, int64_t sid, const char *date)
{
	int64_t aid = 0, mid = 0;

	tu_ok(apply(db, pid, sid, date, "tanı", &aid));
	tu_ok(hane_centre_decide(db, aid, 0, "direct", date, NULL, NULL, &mid));
	assert_true(mid > 0);
	return mid;
}

static void test_codes(void **state)
{
	int n = 0;

	(void)state;
	assert_string_equal(hane_centre_codes(HANE_CENTRE_KIND, &n)[3],
			    "placement");
	assert_int_equal(n, 4);
	assert_string_equal(
		hane_centre_parse(HANE_CENTRE_END_REASON, "Taşındı"), "moved");
	assert_string_equal(hane_centre_parse(HANE_CENTRE_END_REASON, "vefat"),
			    "death");
	assert_string_equal(hane_centre_parse(HANE_CENTRE_STATUS, "bekleme"),
			    "waiting");
	assert_string_equal(hane_centre_parse(HANE_CENTRE_STATUS, "doğrudan"),
			    "direct");
	assert_null(hane_centre_parse(HANE_CENTRE_STATUS, "belki"));
	assert_string_equal(hane_centre_label(HANE_CENTRE_END_REASON, "moved"),
			    "taşındı");
}

static int count_site(const struct hane_centre_site *s, void *arg)
{
	(void)s;
	(*(int *)arg)++;
	return 0;
}

static int count_programme(const struct hane_centre_programme *p, void *arg)
{
	(void)p;
	(*(int *)arg)++;
	return 0;
}

/* The seeds, and a fifth Asırlık Çınar branch added with one save. */
static void test_programmes_sites(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_centre_programme p;
	struct hane_centre_site s;
	int n = 0;

	(void)state;
	tu_ok(hane_centre_programme_each(db, false, count_programme, &n));
	assert_int_equal(n, 6);
	tu_ok(hane_centre_programme_find(db, "alzheimer", &p));
	assert_true(p.needs_diagnosis);
	tu_ok(hane_centre_programme_find(db, "asirlik", &p));
	assert_string_equal(p.code, "cinar");
	assert_int_equal(p.min_age, 60);
	assert_string_equal(p.residence, "izmit");
	tu_ok(hane_centre_programme_find(db, "kisa_mola", &p));
	assert_string_equal(p.kind, "session");
	assert_int_equal(p.max_age, 22);
	assert_int_equal(hane_centre_programme_find(db, "yok", &p),
			 HANE_ENOTFOUND);
	n = 0;
	tu_ok(hane_centre_programme_find(db, "cinar", &p));
	tu_ok(hane_centre_site_each(db, p.id, false, count_site, &n));
	assert_int_equal(n, 4);
	tu_ok(hane_centre_site_find(db, "serdar", &s));
	assert_string_equal(s.code, "cinar_serdar");
	assert_int_equal(s.capacity, 150);
	assert_string_equal(s.programme_code, "cinar");
	/* "kurucesme" names two sites (Çınar and Kısa Mola). */
	assert_int_equal(hane_centre_site_find(db, "kurucesme", &s),
			 HANE_ENOTFOUND);
	/* The fifth branch: data, with its own minimum age. */
	hane_centre_site_init(&s);
	s.programme_id = p.id;
	HANE_COPY(s.code, "cinar_gultepe");
	HANE_COPY(s.name, "Asırlık Çınar Gültepe-Fatih");
	HANE_COPY(s.address, "Gültepe Mah., İzmit");
	HANE_COPY(s.days, "pzt,sal,çar,per,cum");
	HANE_COPY(s.hours, "9:00-17:00");
	s.capacity = 120;
	s.min_age = 50;
	tu_ok(hane_centre_site_save(db, &s, NULL));
	assert_string_equal(s.hours, "09:00-17:00");
	n = 0;
	tu_ok(hane_centre_site_each(db, p.id, false, count_site, &n));
	assert_int_equal(n, 5);
	tu_ok(hane_centre_site_find(db, "gultepe", &s));
	assert_int_equal(s.min_age, 50);
	/* A code taken, a bad code, bad hours. */
	s.id = 0;
	assert_int_equal(hane_centre_site_save(db, &s, NULL), HANE_EEXIST);
	HANE_COPY(s.code, "Gültepe");
	assert_int_equal(hane_centre_site_save(db, &s, NULL), HANE_EINVAL);
	HANE_COPY(s.code, "cinar_x");
	HANE_COPY(s.hours, "17:00-09:00");
	assert_int_equal(hane_centre_site_save(db, &s, NULL), HANE_EINVAL);
	/* A programme added by an administrator. */
	hane_centre_programme_init(&p);
	HANE_COPY(p.code, "gunduz_bakim");
	HANE_COPY(p.kind, "üyelik");
	HANE_COPY(p.name_tr, "Gündüz Bakımevi");
	p.min_age = 65;
	p.max_age = 60;
	assert_int_equal(hane_centre_programme_save(db, &p, NULL), HANE_EINVAL);
	p.max_age = -1;
	tu_ok(hane_centre_programme_save(db, &p, NULL));
	assert_string_equal(p.kind, "membership");
	assert_string_equal(p.name_en, "Gündüz Bakımevi");
	hane_store_close(db);
}

/* Eligibility explained: the rule and the person's value. */
static void test_eligibility(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t ayse =
		person(db, 1, "Ayşe", "Demir", "1969-03-01", -1, "Serdar");
	int64_t old =
		person(db, 2, "Hatice", "Yıldız", "1950-01-01", -1, "Gebze");
	int64_t child =
		person(db, 3, "Efe", "Kaya", "2016-05-05", 30, "Serdar");
	int64_t teen = person(db, 4, "Ali", "Kaya", "2012-05-05", -1, "Gebze");
	int64_t serdar = site(db, "serdar"), alz = site(db, "alzheimer_evi"),
		otizm = site(db, "otizm_evi");
	struct hane_centre_elig e;
	struct hane_centre_site s;

	(void)state;
	tu_ok(hane_centre_eligibility(db, ayse, serdar, "", NULL, &e));
	assert_false(e.eligible);
	assert_string_equal(e.rule, "age");
	assert_int_equal(e.age, 57);
	assert_string_equal(e.why, "Asırlık Çınar Evleri 60 yaş ve üstü "
				   "içindir; Ayşe Demir 57 yaşında");
	/* Age on the day: 60 on 01.03.2029. */
	tu_ok(hane_centre_eligibility(db, ayse, serdar, "2029-03-01", NULL,
				      &e));
	assert_true(e.eligible);
	/* A branch's own minimum (50+). */
	hane_centre_site_init(&s);
	tu_ok(hane_centre_site_get(db, serdar, &s));
	s.id = 0;
	HANE_COPY(s.code, "cinar_gultepe");
	HANE_COPY(s.name, "Asırlık Çınar Gültepe-Fatih");
	s.min_age = 50;
	tu_ok(hane_centre_site_save(db, &s, NULL));
	tu_ok(hane_centre_eligibility(db, ayse, s.id, "", NULL, &e));
	assert_true(e.eligible);
	/* Residence: Gebze is Kocaeli, not İzmit. */
	tu_ok(hane_centre_eligibility(db, old, serdar, "", NULL, &e));
	assert_string_equal(e.rule, "residence");
	assert_true(e.outside);
	assert_non_null(strstr(e.why, "İzmit'te oturanlar"));
	assert_non_null(strstr(e.why, "Gebze"));
	/* The diagnosis note (Alzheimer). */
	tu_ok(hane_centre_eligibility(db, ayse, alz, "", "  ", &e));
	assert_string_equal(e.rule, "diagnosis");
	assert_non_null(strstr(e.why, "tanı notu"));
	tu_ok(hane_centre_eligibility(db, ayse, alz, "", "Erken evre", &e));
	assert_true(e.eligible);
	/* Disability: unknown, then too low; Kocaeli residence passes. */
	tu_ok(hane_centre_eligibility(db, teen, otizm, "", NULL, &e));
	assert_string_equal(e.rule, "disability");
	assert_string_equal(e.why, "Otizm Spor ve Yaşam Evi en az %40 engel "
				   "oranı ister; Ali Kaya için kayıtlı engel "
				   "oranı yok");
	tu_ok(hane_centre_eligibility(db, child, otizm, "", NULL, &e));
	assert_string_equal(e.rule, "disability");
	assert_int_equal(e.disability, 30);
	/* 'kocaeli' takes a Kocaeli district; no address is refused. */
	{
		int64_t gebze =
			person(db, 5, "Can", "Er", "2012-01-01", 50, "Gebze");
		int64_t nowhere =
			person(db, 6, "Cem", "Er", "2012-01-01", 50, "");

		tu_ok(hane_centre_eligibility(db, gebze, otizm, "", NULL, &e));
		assert_true(e.eligible);
		assert_string_equal(e.why, "");
		tu_ok(hane_centre_eligibility(db, nowhere, otizm, "", NULL,
					      &e));
		assert_string_equal(e.rule, "residence");
		assert_non_null(strstr(e.why, "mahalle kayıtlı değil"));
		/* Kısa Mola is up to 22 and İzmit's. */
		tu_ok(hane_centre_eligibility(db, gebze,
					      site(db, "kisa_mola_cumhuriyet"),
					      "2035-01-01", NULL, &e));
		assert_string_equal(e.rule, "age");
		assert_non_null(strstr(e.why, "22 yaşına kadardır"));
	}
	/* In English. */
	hane_lang_set(HANE_LANG_EN);
	tu_ok(hane_centre_eligibility(db, ayse, serdar, "", NULL, &e));
	assert_string_equal(e.why, "Asırlık Çınar elderly centres is for "
				   "ages 60 and over; Ayşe Demir is 57");
	hane_lang_set(HANE_LANG_TR);
	/* Applying is refused with the same sentence. */
	assert_int_equal(apply(db, ayse, serdar, "", NULL, NULL), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "57 yaşında"));
	hane_store_close(db);
}

static int collect_app(const struct hane_centre_application *a, void *arg)
{
	int64_t *ids = arg;

	for (int i = 0; i < 8; i++)
		if (!ids[i]) {
			ids[i] = a->id;
			break;
		}
	return 0;
}

/* Applications and decisions; capacity; the waiting list in order; who
 * is next when a place frees. */
static void test_applications(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t p1 = person(db, 1, "Fatma", "Ak", "1950-01-01", -1, "Serdar");
	int64_t p2 = person(db, 2, "Emine", "Bal", "1951-01-01", -1, "Serdar");
	int64_t p3 = person(db, 3, "Hasan", "Can", "1952-01-01", -1, "Serdar");
	int64_t p4 = person(db, 4, "Zeynep", "Dal", "1953-01-01", -1, "Serdar");
	int64_t sid = site(db, "serdar"), a1, a2, a3, a4, mid = 0, m1, ids[8];
	struct hane_centre_site s;
	struct hane_centre_application a, next;
	struct hane_centre_app_filter f = {0};

	(void)state;
	tu_ok(hane_centre_site_get(db, sid, &s));
	s.capacity = 1;
	tu_ok(hane_centre_site_save(db, &s, NULL));
	tu_ok(apply(db, p1, sid, "2026-06-01", NULL, &a1));
	/* One open application per programme. */
	assert_int_equal(
		apply(db, p1, site(db, "gundogdu"), "2026-06-02", NULL, NULL),
		HANE_EEXIST);
	assert_non_null(strstr(hane_error_last(), "zaten açık"));
	tu_ok(hane_centre_decide(db, a1, 0, "assessed", "2026-06-03", NULL,
				 NULL, &mid));
	assert_true(mid > 0);
	tu_ok(hane_centre_application_get(db, a1, &a));
	assert_string_equal(a.status, "assessed");
	assert_string_equal(a.decided_by, "tester");
	assert_int_equal(a.member_id, mid);
	m1 = mid;
	/* A member cannot apply again to the programme. */
	assert_int_equal(apply(db, p1, sid, "", NULL, NULL), HANE_EEXIST);
	assert_non_null(strstr(hane_error_last(), "zaten Asırlık Çınar"));
	/* The site is full: admission refused, nothing written. */
	tu_ok(apply(db, p2, sid, "2026-06-04", NULL, &a2));
	assert_int_equal(
		hane_centre_decide(db, a2, 0, "direct", "", NULL, NULL, &mid),
		HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "dolu: 1/1"));
	assert_int_equal(mid, 0);
	tu_ok(hane_centre_application_get(db, a2, &a));
	assert_string_equal(a.status, "pending");
	/* Onto the waiting list, in order of date then id. */
	tu_ok(apply(db, p3, sid, "2026-06-02", NULL, &a3));
	tu_ok(apply(db, p4, sid, "2026-06-04", NULL, &a4));
	tu_ok(hane_centre_decide(db, a2, 0, "waiting", "", "yer yok", NULL,
				 NULL));
	tu_ok(hane_centre_decide(db, a4, 0, "bekleme", "", NULL, NULL, NULL));
	tu_ok(hane_centre_decide(db, a3, 0, "waiting", "", NULL, NULL, NULL));
	memset(ids, 0, sizeof ids);
	tu_ok(hane_centre_waiting_each(db, sid, collect_app, ids));
	assert_int_equal(ids[0], a3);
	assert_int_equal(ids[1], a2);
	assert_int_equal(ids[2], a4);
	assert_int_equal(ids[3], 0);
	tu_ok(hane_centre_application_get(db, a4, &a));
	assert_int_equal(a.position, 3);
	/* Waiting → waiting is no decision; rejection needs a reason. */
	assert_int_equal(
		hane_centre_decide(db, a3, 0, "waiting", "", NULL, NULL, NULL),
		HANE_EINVAL);
	assert_int_equal(
		hane_centre_decide(db, a4, 0, "rejected", "", "", NULL, NULL),
		HANE_EINVAL);
	tu_ok(hane_centre_decide(db, a4, 0, "withdrawn", "", "Kızının yanına",
				 NULL, NULL));
	/* A place frees: the list says who is next. */
	tu_ok(hane_centre_next_waiting(db, sid, &next));
	assert_int_equal(next.id, a3);
	tu_ok(hane_centre_member_end(db, m1, 0, "", "taşındı", NULL, &next));
	assert_int_equal(next.id, a3);
	assert_string_equal(next.person_name, "Hasan Can");
	assert_int_equal(next.position, 1);
	tu_ok(hane_centre_decide(db, a3, 0, "direct", "", NULL, NULL, &mid));
	tu_ok(hane_centre_next_waiting(db, sid, &next));
	assert_int_equal(next.id, a2);
	/* Filters: open applications of the site. */
	memset(ids, 0, sizeof ids);
	f.site_id = sid;
	f.status = "open";
	tu_ok(hane_centre_application_each(db, &f, collect_app, ids));
	assert_int_equal(ids[0], a2);
	assert_int_equal(ids[1], 0);
	/* A decision before the application, or of a decided one. */
	assert_int_equal(hane_centre_decide(db, a2, 0, "direct", "2026-05-01",
					    NULL, NULL, NULL),
			 HANE_EINVAL);
	assert_int_equal(
		hane_centre_decide(db, a1, 0, "rejected", "", "x", NULL, NULL),
		HANE_EINVAL);
	hane_store_close(db);
}

static int collect_member(const struct hane_centre_member *m, void *arg)
{
	int64_t *ids = arg;

	for (int i = 0; i < 8; i++)
		if (!ids[i]) {
			ids[i] = m->id;
			break;
		}
	return 0;
}

/* Check-in and out, with their refusals; the search for check-in. */
static void test_checkin(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t p1 =
		person(db, 1, "Şükrü", "Öztürk", "1950-01-01", -1, "Serdar");
	int64_t p2 = person(db, 2, "Emine", "Bal", "1951-01-01", -1, "Serdar");
	int64_t serdar = site(db, "serdar"), gun = site(db, "gundogdu");
	int64_t m1 = member(db, p1, serdar, "2026-01-05");
	int64_t m2 = member(db, p2, serdar, "2026-01-05");
	int64_t vid = 0, ids[8], n = 0;
	struct hane_centre_member m;
	struct hane_centre_member_filter f = {0};

	(void)state;
	tu_ok(hane_centre_checkin(db, m1, serdar, "", "", &vid));
	assert_true(vid > 0);
	tu_ok(hane_centre_member_get(db, m1, &m));
	assert_string_equal(m.in_since, "10:00");
	/* Twice while in. */
	assert_int_equal(hane_centre_checkin(db, m1, 0, "", "10:30", NULL),
			 HANE_EPERM);
	assert_string_equal(hane_error_last(),
			    "Şükrü Öztürk 10:00'den beri içeride");
	/* Another site. */
	assert_int_equal(hane_centre_checkin(db, m2, gun, "", "", NULL),
			 HANE_EPERM);
	assert_non_null(strstr(hane_error_last(),
			       "üyesi olduğu yer: Asırlık Çınar Serdar"));
	/* In the future; out before in. */
	assert_int_equal(hane_centre_checkin(db, m2, 0, "2026-06-16", "", NULL),
			 HANE_EINVAL);
	assert_int_equal(hane_centre_checkout(db, m1, "", "09:00"),
			 HANE_EINVAL);
	tu_ok(hane_centre_checkout(db, m1, "", "12:15"));
	assert_int_equal(hane_centre_checkout(db, m1, "", ""), HANE_ENOTFOUND);
	/* Out, then in again the same day. */
	tu_ok(hane_centre_checkin(db, m1, 0, "", "13:00", NULL));
	/* An earlier day. */
	tu_ok(hane_centre_checkin(db, m2, serdar, "2026-03-12", "09:05", NULL));
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM centre_visit"
				   " WHERE person_id = :p",
				   ":p", p1));
	assert_int_equal(n, 2);
	/* The search: words of the name folded, or the TC tail. */
	memset(ids, 0, sizeof ids);
	tu_ok(hane_centre_member_search(db, serdar, "sukru oz", 0,
					collect_member, ids));
	assert_int_equal(ids[0], m1);
	assert_int_equal(ids[1], 0);
	memset(ids, 0, sizeof ids);
	tu_ok(hane_centre_member_search(db, serdar, tu_tckn(7002) + 7, 0,
					collect_member, ids));
	assert_int_equal(ids[0], m2);
	assert_int_equal(ids[1], 0);
	memset(ids, 0, sizeof ids);
	tu_ok(hane_centre_member_search(db, gun, "", 0, collect_member, ids));
	assert_int_equal(ids[0], 0);
	/* Ended: ending checks out who is in, then check-in is refused. */
	tu_ok(hane_centre_member_end(db, m1, 0, "", "moved", "Ankara'ya",
				     NULL));
	tu_ok(hane_centre_member_get(db, m1, &m));
	assert_string_equal(m.in_since, "");
	assert_string_equal(m.end_reason, "moved");
	assert_string_equal(m.notes, "Ankara'ya");
	assert_int_equal(hane_centre_checkin(db, m1, 0, "", "", NULL),
			 HANE_EPERM);
	assert_string_equal(hane_error_last(),
			    "Şükrü Öztürk: üyelik 15.06.2026 tarihinde bitti:"
			    " taşındı");
	/* Typed at the desk: an ended member, another site's member. */
	assert_int_equal(hane_centre_search_refusal(db, serdar, "sukru"),
			 HANE_EPERM);
	assert_string_equal(hane_error_last(),
			    "Şükrü Öztürk: üyelik 15.06.2026 tarihinde bitti:"
			    " taşındı");
	assert_int_equal(hane_centre_search_refusal(db, gun, "emine bal"),
			 HANE_EPERM);
	assert_string_equal(hane_error_last(),
			    "Emine Bal burada üye değil; üyesi olduğu yer:"
			    " Asırlık Çınar Serdar");
	assert_int_equal(hane_centre_search_refusal(db, gun, "zeynep"),
			 HANE_ENOTFOUND);
	/* Still a member the day before it ended. */
	tu_ok(hane_centre_checkin(db, m1, 0, "2026-06-12", "10:00", NULL));
	assert_int_equal(
		hane_centre_member_end(db, m1, 0, "", "moved", NULL, NULL),
		HANE_EINVAL);
	/* Lists: running and ended. */
	memset(ids, 0, sizeof ids);
	f.site_id = serdar;
	tu_ok(hane_centre_member_each(db, &f, collect_member, ids));
	assert_int_equal(ids[0], m2);
	assert_int_equal(ids[1], 0);
	memset(ids, 0, sizeof ids);
	f.state = 2;
	tu_ok(hane_centre_member_each(db, &f, collect_member, ids));
	assert_int_equal(ids[0], m2);
	assert_int_equal(ids[1], m1);
	memset(ids, 0, sizeof ids);
	tu_ok(hane_centre_of_person(db, p1, collect_member, ids));
	assert_int_equal(ids[0], m1);
	hane_store_close(db);
}

static int count_day(const struct hane_centre_day *d, void *arg)
{
	int64_t *v = arg;

	if (strcmp(d->site_name, "Asırlık Çınar Serdar") == 0) {
		v[0] = d->checked_in;
		v[1] = d->still_in;
		v[2] = d->members;
	}
	v[3]++;
	return 0;
}

static int count_visit(const struct hane_centre_visit *v, void *arg)
{
	(void)v;
	(*(int *)arg)++;
	return 0;
}

/* The day per site, and sessions/placements that do not check in. */
static void test_day(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t p1 = person(db, 1, "Fatma", "Ak", "1950-01-01", -1, "Serdar");
	int64_t p2 = person(db, 2, "Deniz", "Ak", "2010-01-01", 50, "Serdar");
	int64_t serdar = site(db, "serdar");
	int64_t m1 = member(db, p1, serdar, "2026-02-01");
	int64_t m2 =
		member(db, p2, site(db, "kisa_mola_cumhuriyet"), "2026-02-01");
	int64_t v[4] = {0, 0, 0, 0};
	int n = 0;

	(void)state;
	tu_ok(hane_centre_checkin(db, m1, 0, "", "09:00", NULL));
	assert_int_equal(hane_centre_checkin(db, m2, 0, "", "", NULL),
			 HANE_EINVAL);
	tu_ok(hane_centre_day_each(db, "", count_day, v));
	assert_int_equal(v[0], 1);
	assert_int_equal(v[1], 1);
	assert_int_equal(v[2], 1);
	assert_int_equal(v[3], 7); /* 4 Çınar, Alzheimer, Otizm, Yaşam */
	tu_ok(hane_centre_visit_each(db, 0, "", count_visit, &n));
	assert_int_equal(n, 1);
	hane_store_close(db);
}

/* A caseworker of the unit sees and records only the programmes
 * centre_staff gives them; others of the unit see all. */
static void test_roles(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t p1 = person(db, 1, "Fatma", "Ak", "1950-01-01", -1, "Serdar");
	int64_t p2 = person(db, 2, "Emine", "Bal", "1950-01-01", -1, "Serdar");
	int64_t serdar = site(db, "serdar"), alz = site(db, "alzheimer_evi");
	int64_t m1 = member(db, p1, serdar, "2026-02-01");
	int64_t m2 = member(db, p2, alz, "2026-02-01");
	struct hane_centre_programme cinar;
	struct hane_centre_member m;
	int n = 0;

	(void)state;
	tu_ok(hane_centre_programme_find(db, "cinar", &cinar));
	tu_staff(db, "cinar.cw", NULL, "caseworker", "centres");
	tu_staff(db, "cen.sup", NULL, "supervisor", "centres");
	tu_staff(db, "fb.cw", NULL, "caseworker", "foodbank");
	tu_staff(db, "rep", NULL, "reporter", "");
	tu_ok(hane_centre_staff_add(db, "cinar.cw", cinar.id));
	assert_int_equal(hane_centre_staff_add(db, "cinar.cw", cinar.id),
			 HANE_EEXIST);
	tu_ok(hane_store_set_actor(db, "cinar.cw"));
	tu_ok(hane_centre_programme_each(db, false, count_programme, &n));
	assert_int_equal(n, 1);
	tu_ok(hane_centre_member_get(db, m1, &m));
	tu_ok(hane_centre_checkin(db, m1, 0, "", "", NULL));
	assert_int_equal(hane_centre_member_get(db, m2, &m), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "Alzheimer Yaşam Evi"));
	assert_int_equal(hane_centre_checkin(db, m2, 0, "", "", NULL),
			 HANE_EPERM);
	{
		struct hane_centre_site s;

		tu_ok(hane_centre_site_get(db, serdar, &s));
		s.capacity = 10;
		assert_int_equal(hane_centre_site_save(db, &s, NULL),
				 HANE_EPERM);
	}
	tu_ok(hane_store_set_actor(db, "cen.sup"));
	tu_ok(hane_centre_member_get(db, m2, &m));
	tu_ok(hane_centre_checkin(db, m2, 0, "", "", NULL));
	tu_ok(hane_store_set_actor(db, "rep"));
	tu_ok(hane_centre_member_get(db, m2, &m));
	assert_int_equal(hane_centre_checkout(db, m2, "", ""), HANE_EPERM);
	tu_ok(hane_store_set_actor(db, "fb.cw"));
	assert_int_equal(hane_centre_member_get(db, m2, &m), HANE_EPERM);
	tu_ok(hane_store_set_actor(db, "tester"));
	tu_ok(hane_centre_staff_remove(db, "cinar.cw", cinar.id));
	assert_int_equal(hane_centre_staff_remove(db, "cinar.cw", cinar.id),
			 HANE_ENOTFOUND);
	hane_store_close(db);
}

/* The descriptors are registered; diagnosis and notes are personal and
 * masked; person_id is a person reference in every table. */
static void test_registered(void **state)
{
	static const char *const tables[] = {"centre_application",
					     "centre_member", "centre_visit"};
	const struct hane_rdef *d;

	(void)state;
	for (size_t i = 0; i < HANE_COUNTOF(tables); i++) {
		assert_non_null(d = hane_record_by_table(tables[i]));
		assert_true(hane_record_field(d, "person_id")->flags &
			    HANE_FF_PERSON_REF);
	}
	d = hane_record_by_table("centre_application");
	assert_true(hane_record_field(d, "diagnosis")->flags &
		    HANE_FF_PERSONAL);
	assert_true(hane_record_field(d, "diagnosis")->flags & HANE_FF_MASKED);
	assert_true(hane_record_field(d, "notes")->flags & HANE_FF_PERSONAL);
	d = hane_record_by_table("centre_member");
	assert_true(hane_record_field(d, "notes")->flags & HANE_FF_MASKED);
	assert_non_null(hane_record_by_table("centre_programme"));
	assert_non_null(hane_record_by_table("centre_site"));
	assert_non_null(hane_record_by_table("centre_staff"));
}

/* ---- Retention and merge see the unit's person references ---------------- */

struct due {
	int64_t ids[8];
	int n;
};

static int due_item(const struct hane_retention_item *it, void *arg)
{
	struct due *d = arg;

	if (d->n < 8)
		d->ids[d->n++] = it->person_id;
	return 0;
}

static bool is_due(const struct due *d, int64_t id)
{
	for (int i = 0; i < d->n; i++)
		if (d->ids[i] == id)
			return true;
	return false;
}

static int64_t count_of(hane_db *db, const char *sql, int64_t id)
{
	int64_t n = -1;

	tu_ok(hane_store_query_int(db, &n, sql, ":p", id));
	return n;
}

/* A running membership is a running service: its member is kept however
 * old the rows; an ended one lets the person go five years on. A merge
 * moves applications, memberships and check-ins to the person kept, and
 * its undo moves them back. */
static void test_retention_and_merge(void **state)
{
	hane_db *db = tu_open(NULL);
	int64_t pa = person(db, 1, "Fatma", "Ak", "1950-01-01", -1, "Serdar");
	int64_t pb = person(db, 2, "Emine", "Bal", "1950-01-01", -1, "Serdar");
	int64_t pc = person(db, 3, "Hasan", "Can", "1950-01-01", -1, "Serdar");
	int64_t pq = person(db, 4, "Fatma", "Akk", "1950-01-01", -1, "Serdar");
	int64_t serdar = site(db, "serdar"), mb, mq, aid = 0, merge_id = 0;
	struct hane_ov_merge_plan plan;
	struct hane_person a, b;
	struct due d;
	int n = -1;

	(void)state;
	(void)member(db, pa, serdar, "2026-01-05");
	mb = member(db, pb, serdar, "2026-01-05");
	tu_ok(hane_centre_checkin(db, mb, 0, "2026-06-01", "09:00", NULL));
	tu_ok(hane_centre_member_end(db, mb, 0, "", "vefat", NULL, NULL));
	/* 2031-07: a's membership runs (kept); b's ended five years ago, and
	 * c and q never had one: all three due. */
	setenv("HANE_NOW", "2031-07-01 10:00:00", 1);
	memset(&d, 0, sizeof d);
	tu_ok(hane_retention_run(db, true, due_item, &d, &n));
	assert_false(is_due(&d, pa));
	assert_true(is_due(&d, pb));
	assert_true(is_due(&d, pc));
	assert_true(is_due(&d, pq));
	tu_clock_default();

	/* q, a duplicate of a: an Alzheimer application admitted, a
	 * check-in; merged into a, every row follows. */
	tu_ok(apply(db, pq, site(db, "alzheimer"), "2026-06-01", "Erken evre",
		    &aid));
	tu_ok(hane_centre_decide(db, aid, 0, "assessed", "2026-06-02", NULL,
				 NULL, &mq));
	tu_ok(hane_centre_checkin(db, mq, 0, "2026-06-03", "09:30", NULL));
	tu_ok(hane_person_get(db, pa, &a));
	tu_ok(hane_person_get(db, pq, &b));
	hane_overview_merge_defaults(&a, &b, &plan);
	tu_ok(hane_overview_merge(db, pa, pq, &plan, &merge_id));
	assert_int_equal(count_of(db,
				  "SELECT count(*) FROM centre_application"
				  " WHERE person_id = :p",
				  pa),
			 2);
	assert_int_equal(count_of(db,
				  "SELECT count(*) FROM centre_member"
				  " WHERE person_id = :p",
				  pa),
			 2);
	assert_int_equal(count_of(db,
				  "SELECT count(*) FROM centre_visit"
				  " WHERE person_id = :p",
				  pa),
			 1);
	tu_ok(hane_overview_merge_undo(db, merge_id));
	assert_int_equal(count_of(db,
				  "SELECT count(*) FROM centre_member"
				  " WHERE person_id = :p",
				  pq),
			 1);
	assert_int_equal(count_of(db,
				  "SELECT count(*) FROM centre_visit"
				  " WHERE person_id = :p",
				  pq),
			 1);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_programmes_sites),
		cmocka_unit_test(test_eligibility),
		cmocka_unit_test(test_applications),
		cmocka_unit_test(test_checkin),
		cmocka_unit_test(test_day),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_registered),
		cmocka_unit_test(test_retention_and_merge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
