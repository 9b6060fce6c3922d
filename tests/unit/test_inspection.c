/* The social inspection unit: codes, due dates, the status flow,
 * duplicates, overdue, visits and the case note, decisions, renewal,
 * settings, the CSV import of requests and the two reports. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/foodbank.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/inspection.h"
#include "hane/reports.h"
#include "hane/staff.h"

static void set_now(const char *now)
{
	setenv("HANE_NOW", now, 1);
}

static int64_t add_staff(hane_db *db, const char *user, const char *name,
			 const char *unit, bool active)
{
	int64_t id = tu_staff(db, user, name, "caseworker", unit);

	if (!active) {
		hane_stmt *st = NULL;

		tu_ok(hane_stmt_prepare(db, &st,
					"UPDATE staff SET active = 0"
					" WHERE id = :id"));
		tu_ok(hane_stmt_bind_int(st, ":id", id));
		assert_int_equal(hane_stmt_step(st), HANE_DONE);
		hane_stmt_finalize(st);
	}
	return id;
}

static int64_t household(hane_db *db, int n, const char *mahalle,
			 const char *first, const char *last)
{
	struct hane_household h;
	struct hane_person p;
	int64_t hid = 0;

	hane_household_init(&h);
	hane_person_init(&p);
	snprintf(h.mahalle, sizeof h.mahalle, "%s", mahalle);
	strcpy(h.street, "Atatürk Cd.");
	strcpy(h.building, "12");
	strcpy(h.door, "3");
	snprintf(p.first_name, sizeof p.first_name, "%s", first);
	snprintf(p.last_name, sizeof p.last_name, "%s", last);
	strcpy(p.tckn, tu_tckn((uint64_t)n));
	tu_ok(hane_household_create(db, &h, &p, &hid, NULL, NULL));
	return hid;
}

static int64_t request(hane_db *db, int64_t hid, const char *reason,
		       const char *urgency, const char *date)
{
	struct hane_inspection r;
	int64_t id = 0;

	hane_inspection_init(&r);
	r.household_id = hid;
	snprintf(r.reason, sizeof r.reason, "%s", reason);
	snprintf(r.urgency, sizeof r.urgency, "%s", urgency);
	snprintf(r.requested_on, sizeof r.requested_on, "%s", date ? date : "");
	tu_ok(hane_inspection_request(db, &r, &id));
	return id;
}

static struct hane_inspection get(hane_db *db, int64_t id)
{
	struct hane_inspection r;

	tu_ok(hane_inspection_get(db, id, &r));
	return r;
}

static void assign(hane_db *db, int64_t id, int64_t staff)
{
	tu_ok(hane_inspection_assign(db, id, get(db, id).version, staff, NULL));
}

static void visit(hane_db *db, int64_t id, const char *date, const char *rec)
{
	struct hane_inspection_visit v;

	hane_inspection_visit_init(&v);
	snprintf(v.visited_on, sizeof v.visited_on, "%s", date ? date : "");
	snprintf(v.recommendation, sizeof v.recommendation, "%s", rec);
	tu_ok(hane_inspection_visit(db, id, get(db, id).version, &v, NULL));
}

static struct hane_inspection_decision aid(const char *type, const char *kind,
					   int64_t kurus, const char *start,
					   const char *end, const char *freq)
{
	struct hane_inspection_decision d;

	hane_inspection_decision_init(&d);
	strcpy(d.outcome, "aid");
	snprintf(d.aid_type, sizeof d.aid_type, "%s", type);
	snprintf(d.kind, sizeof d.kind, "%s", kind);
	d.amount_kurus = kurus;
	snprintf(d.start_on, sizeof d.start_on, "%s", start ? start : "");
	snprintf(d.end_on, sizeof d.end_on, "%s", end ? end : "");
	snprintf(d.frequency, sizeof d.frequency, "%s", freq ? freq : "");
	strcpy(d.reason, "Gelir asgari ücretin altında");
	return d;
}

static void decide(hane_db *db, int64_t id,
		   const struct hane_inspection_decision *d, const char *date)
{
	struct hane_inspection_decision c = *d;

	snprintf(c.decided_on, sizeof c.decided_on, "%s", date ? date : "");
	tu_ok(hane_inspection_decide(db, id, get(db, id).version, &c, NULL));
}

/* ---- Codes and dates ------------------------------------------------------ */

static void test_codes(void **state)
{
	int n = 0;

	(void)state;
	assert_non_null(hane_inspection_codes(HANE_INSP_STATUS, &n));
	assert_int_equal(n, 6);
	assert_true(hane_inspection_valid(HANE_INSP_KIND, "fuel"));
	assert_false(hane_inspection_valid(HANE_INSP_KIND, "gold"));
	assert_string_equal(hane_inspection_label(HANE_INSP_TENURE, "tenant"),
			    "kiracı");
	assert_string_equal(hane_inspection_parse(HANE_INSP_TENURE, "KİRACI"),
			    "tenant");
	assert_string_equal(hane_inspection_parse(HANE_INSP_TENURE, "kiraci"),
			    "tenant");
	assert_string_equal(hane_inspection_parse(HANE_INSP_URGENCY, "acil"),
			    "urgent");
	assert_string_equal(
		hane_inspection_parse(HANE_INSP_AID_TYPE, "one-time"),
		"one_time");
	assert_string_equal(
		hane_inspection_parse(HANE_INSP_AID_TYPE, "Düzenli"),
		"regular");
	assert_string_equal(
		hane_inspection_parse(HANE_INSP_CHANNEL, "Çınar Çocuk Evleri"),
		"cinar");
	assert_string_equal(hane_inspection_parse(HANE_INSP_OUTCOME, "ret"),
			    "rejected");
	assert_null(hane_inspection_parse(HANE_INSP_KIND, "altın"));
	hane_lang_set(HANE_LANG_EN);
	assert_string_equal(hane_inspection_label(HANE_INSP_TENURE, "tenant"),
			    "tenant");
	hane_lang_set(HANE_LANG_TR);
}

static void test_dates(void **state)
{
	char out[HANE_DATE_LEN + 1];

	(void)state;
	tu_ok(hane_inspection_date_add(out, "2026-06-30", 1));
	assert_string_equal(out, "2026-07-01");
	tu_ok(hane_inspection_date_add(out, "2024-02-20", 15));
	assert_string_equal(out, "2024-03-06"); /* leap year */
	tu_ok(hane_inspection_date_add(out, "2026-12-31", 1));
	assert_string_equal(out, "2027-01-01");
	tu_ok(hane_inspection_date_add(out, "2026-03-01", -1));
	assert_string_equal(out, "2026-02-28");
	assert_int_equal(hane_inspection_date_add(out, "2026-02-30", 1),
			 HANE_EINVAL);
	assert_int_equal(
		hane_inspection_days_between("2026-06-01", "2026-06-16"), 15);
	assert_int_equal(
		hane_inspection_days_between("2026-01-01", "2025-12-31"), -1);
}

/* ---- Requests ---------------------------------------------------------------- */

static void test_request_due_dates(void **state)
{
	hane_db *db;
	int64_t hid, a, b;

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	hid = household(db, 1, "Gündoğdu", "Şükrü", "Yılmaz");
	a = request(db, hid, "food", "urgent", NULL);
	b = request(db, hid, "fuel", "normal", "2026-06-10");
	assert_string_equal(get(db, a).requested_on, "2026-06-15");
	assert_string_equal(get(db, a).due_on, "2026-06-16");
	assert_string_equal(get(db, b).due_on, "2026-06-25");
	assert_string_equal(get(db, a).status, "requested");
	assert_string_equal(get(db, a).head_name, "Şükrü Yılmaz");
	assert_string_equal(get(db, a).mahalle, "Gündoğdu");
	hane_store_close(db);
}

static void test_request_validation(void **state)
{
	struct hane_inspection r;
	hane_db *db;
	int64_t hid;

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	hid = household(db, 2, "Serdar", "Ayşe", "Kaya");
	hane_inspection_init(&r);
	r.household_id = hid;
	strcpy(r.requested_on, "2026-06-16");
	assert_int_equal(hane_inspection_request(db, &r, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "gelecekte"));
	strcpy(r.requested_on, "2026-06-15");
	strcpy(r.channel, "referral");
	assert_int_equal(hane_inspection_request(db, &r, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Yönlendiren"));
	strcpy(r.referrer, "İzmit Devlet Hastanesi");
	strcpy(r.reason, "gold");
	assert_int_equal(hane_inspection_request(db, &r, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "kira/barınma"));
	strcpy(r.reason, "rent");
	strcpy(r.channel, "renewal"); /* only through renew */
	assert_int_equal(hane_inspection_request(db, &r, NULL), HANE_EINVAL);
	strcpy(r.channel, "referral");
	r.household_id = 999;
	assert_int_equal(hane_inspection_request(db, &r, NULL), HANE_ENOTFOUND);
	r.household_id = hid;
	tu_ok(hane_inspection_request(db, &r, NULL));
	{
		struct hane_household h;

		tu_ok(hane_household_get(db, hid, &h));
		tu_ok(hane_household_set_status(db, hid, h.version, "passive"));
		strcpy(r.reason, "food");
		assert_int_equal(hane_inspection_request(db, &r, NULL),
				 HANE_EINVAL);
		assert_non_null(strstr(hane_error_last(), "pasif"));
	}
	hane_store_close(db);
}

static void test_duplicate_open_request(void **state)
{
	hane_db *db;
	int64_t hid, other, a, b, insp;
	struct hane_inspection r;

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	hid = household(db, 3, "Gündoğdu", "Ali", "Veli");
	other = household(db, 4, "Gündoğdu", "Veli", "Ali");
	a = request(db, hid, "food", "normal", NULL);
	hane_inspection_init(&r);
	r.household_id = hid;
	strcpy(r.reason, "food");
	assert_int_equal(hane_inspection_request(db, &r, NULL), HANE_EEXIST);
	assert_non_null(strstr(hane_error_last(), "#1"));
	/* Another reason, or another household, is fine. */
	b = request(db, hid, "fuel", "normal", NULL);
	request(db, other, "food", "normal", NULL);
	/* Still open while assigned and visited. */
	assign(db, a, insp);
	assert_int_equal(hane_inspection_request(db, &r, NULL), HANE_EEXIST);
	visit(db, a, NULL, "one_time");
	assert_int_equal(hane_inspection_request(db, &r, NULL), HANE_EEXIST);
	/* The fuel request does not block food, and vice versa. */
	assert_string_equal(get(db, b).status, "requested");
	hane_store_close(db);
}

/* Decided or cancelled requests are no longer open. */
static void test_duplicate_after_decision_and_cancel(void **state)
{
	hane_db *db;
	int64_t hid, a, b, insp;
	struct hane_inspection_decision d =
		aid("one_time", "food", 0, NULL, NULL, NULL);

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	hid = household(db, 5, "Gündoğdu", "Ali", "Veli");
	a = request(db, hid, "food", "normal", NULL);
	assign(db, a, insp);
	visit(db, a, NULL, "in_kind");
	decide(db, a, &d, NULL);
	b = request(db, hid, "food", "normal", NULL);
	tu_ok(hane_inspection_cancel(db, b, get(db, b).version,
				     "Hane başvurusunu geri çekti"));
	assert_string_equal(get(db, b).status, "cancelled");
	assert_string_equal(get(db, b).ended_on, "2026-06-15");
	request(db, hid, "food", "urgent", NULL);
	hane_store_close(db);
}

static void test_status_flow(void **state)
{
	hane_db *db;
	int64_t hid, id, insp;
	struct hane_inspection_decision d =
		aid("one_time", "cash", 150000, NULL, NULL, NULL);
	struct hane_inspection_visit v;
	struct hane_inspection r;

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	hid = household(db, 6, "Gündoğdu", "Ali", "Veli");
	id = request(db, hid, "general", "normal", "2026-06-10");
	r = get(db, id);
	/* Not yet assigned: no visit; not visited: no decision; not
	 * decided: no close. */
	hane_inspection_visit_init(&v);
	strcpy(v.recommendation, "one_time");
	assert_int_equal(hane_inspection_visit(db, id, r.version, &v, NULL),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "atandı"));
	assert_int_equal(hane_inspection_decide(db, id, r.version, &d, NULL),
			 HANE_EINVAL);
	assert_int_equal(hane_inspection_close(db, id, r.version), HANE_EINVAL);
	assign(db, id, insp);
	r = get(db, id);
	assert_string_equal(r.status, "assigned");
	assert_int_equal(r.inspector_id, insp);
	assert_string_equal(r.inspector, "Mehmet Demir");
	assert_string_equal(r.assigned_on, "2026-06-15");
	/* A stale version is a conflict and changes nothing. */
	assert_int_equal(hane_inspection_visit(db, id, r.version - 1, &v, NULL),
			 HANE_ECONFLICT);
	assert_string_equal(get(db, id).status, "assigned");
	visit(db, id, "2026-06-12", "one_time");
	r = get(db, id);
	assert_string_equal(r.status, "visited");
	assert_string_equal(r.visited_on, "2026-06-12");
	/* Already visited: cannot visit again or be re-assigned. */
	assert_int_equal(hane_inspection_visit(db, id, r.version, &v, NULL),
			 HANE_EINVAL);
	assert_int_equal(hane_inspection_assign(db, id, r.version, insp, NULL),
			 HANE_EINVAL);
	decide(db, id, &d, NULL);
	r = get(db, id);
	assert_string_equal(r.status, "decided");
	assert_int_equal(hane_inspection_cancel(db, id, r.version, "vazgeçti"),
			 HANE_EINVAL);
	tu_ok(hane_inspection_close(db, id, r.version));
	assert_string_equal(get(db, id).status, "closed");
	{
		struct hane_inspection_decision got;

		tu_ok(hane_inspection_decision_get(db, id, &got));
		assert_string_equal(got.outcome, "aid");
		assert_int_equal(got.amount_kurus, 150000);
		assert_string_equal(got.decided_on, "2026-06-15");
		assert_string_equal(got.decided_by_name, "Test Kullanıcı");
	}
	hane_store_close(db);
}

static void test_assign_rules(void **state)
{
	hane_db *db;
	int64_t hid, id, insp, clerk, gone, found = 0;
	struct hane_inspection r;

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	clerk = add_staff(db, "zeynep", "Zeynep Ak", "foodbank", true);
	gone = add_staff(db, "emekli", "Emekli Müfettiş", "inspection", false);
	hid = household(db, 7, "Gündoğdu", "Ali", "Veli");
	id = request(db, hid, "general", "normal", "2026-06-10");
	r = get(db, id);
	assert_int_equal(hane_inspection_assign(db, id, r.version, clerk, NULL),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "zeynep"));
	assert_int_equal(hane_inspection_assign(db, id, r.version, gone, NULL),
			 HANE_EINVAL);
	assert_int_equal(hane_inspection_assign(db, id, r.version, 999, NULL),
			 HANE_ENOTFOUND);
	assert_int_equal(
		hane_inspection_assign(db, id, r.version, insp, "01.06.2026"),
		HANE_EINVAL);
	tu_ok(hane_inspection_assign(db, id, r.version, insp, "20.06.2026"));
	assert_string_equal(get(db, id).due_on, "2026-06-20");
	/* Re-assignment keeps the due date unless a new one is given. */
	tu_ok(hane_inspection_assign(db, id, get(db, id).version, insp, NULL));
	assert_string_equal(get(db, id).due_on, "2026-06-20");
	tu_ok(hane_inspection_inspector_find(db, "mehmet", &found));
	assert_int_equal(found, insp);
	assert_int_equal(hane_inspection_inspector_find(db, "zeynep", &found),
			 HANE_EINVAL);
	assert_int_equal(hane_inspection_inspector_find(db, "yok", &found),
			 HANE_ENOTFOUND);
	hane_store_close(db);
}

struct ids {
	int n;
	int64_t id[32];
};

static int collect(const struct hane_inspection *r, void *arg)
{
	struct ids *s = arg;

	if (s->n < 32)
		s->id[s->n++] = r->id;
	return 0;
}

static struct ids each(hane_db *db, const struct hane_inspection_filter *f)
{
	struct ids s = {0};
	int total = -1;

	tu_ok(hane_inspection_each(db, f, collect, &s, &total));
	assert_int_equal(total, s.n);
	return s;
}

static void test_overdue_and_queues(void **state)
{
	hane_db *db;
	int64_t h1, h2, h3, a, b, c, insp, open = 0, late = 0;
	struct hane_inspection_filter f = {0};
	struct ids s;

	(void)state;
	set_now("2026-06-01 09:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	h1 = household(db, 8, "Serdar", "Ali", "Veli");
	h2 = household(db, 9, "Cedit", "Can", "Ak");
	h3 = household(db, 10, "Çayırköy", "Cem", "Er");
	a = request(db, h1, "food", "urgent", NULL); /* due 06-02 */
	b = request(db, h2, "food", "normal", NULL); /* due 06-16 */
	c = request(db, h3, "food", "urgent", NULL); /* due 06-02 */
	assign(db, a, insp);
	assert_false(get(db, a).overdue);
	set_now("2026-06-03 09:00:00");
	assert_true(get(db, a).overdue);
	assert_true(get(db, c).overdue); /* unassigned ones too */
	assert_false(get(db, b).overdue);
	f.overdue = true;
	s = each(db, &f);
	assert_int_equal(s.n, 2);
	tu_ok(hane_inspection_counts(db, 0, &open, &late));
	assert_int_equal(open, 3);
	assert_int_equal(late, 2);
	/* A visit ends the waiting. */
	visit(db, a, NULL, "reject");
	assert_false(get(db, a).overdue);
	tu_ok(hane_inspection_counts(db, h1, &open, &late));
	assert_int_equal(open, 1);
	assert_int_equal(late, 0);
	/* Queues: mine, unassigned, by due date and by mahalle. */
	memset(&f, 0, sizeof f);
	f.inspector_id = insp;
	assert_int_equal(each(db, &f).n, 1);
	memset(&f, 0, sizeof f);
	f.unassigned = true;
	s = each(db, &f);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.id[0], c); /* due 06-02 before 06-16 */
	assert_int_equal(s.id[1], b);
	memset(&f, 0, sizeof f);
	f.sort = HANE_INSP_SORT_MAHALLE;
	s = each(db, &f);
	assert_int_equal(s.n, 3);
	/* Folded like the reference list: Çayırköy, Cedit, Serdar. */
	assert_int_equal(s.id[0], c);
	assert_int_equal(s.id[1], b);
	assert_int_equal(s.id[2], a);
	f.limit = 1;
	assert_int_equal(each(db, &f).n, 1);
	memset(&f, 0, sizeof f);
	f.household_id = h2;
	assert_int_equal(each(db, &f).n, 1);
	f.household_id = 0;
	f.mahalle = "Serdar";
	assert_int_equal(each(db, &f).n, 1);
	hane_store_close(db);
}

static void test_settings(void **state)
{
	struct hane_inspection_settings s;
	hane_db *db;
	int64_t hid, id;

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	tu_ok(hane_inspection_settings_get(db, &s));
	assert_int_equal(s.due_days_urgent, 1);
	assert_int_equal(s.due_days_normal, 15);
	assert_int_equal(s.renewal_days, 30);
	s.due_days_urgent = 2;
	s.due_days_normal = 10;
	tu_ok(hane_inspection_settings_set(db, &s));
	hid = household(db, 11, "Serdar", "Ali", "Veli");
	id = request(db, hid, "food", "urgent", NULL);
	assert_string_equal(get(db, id).due_on, "2026-06-17");
	id = request(db, hid, "rent", "normal", NULL);
	assert_string_equal(get(db, id).due_on, "2026-06-25");
	s.renewal_days = 400;
	assert_int_equal(hane_inspection_settings_set(db, &s), HANE_EINVAL);
	tu_ok(hane_inspection_settings_get(db, &s));
	assert_int_equal(s.renewal_days, 30);
	hane_store_close(db);
}

/* ---- Visits and the note ---------------------------------------------------- */

static void test_visit_rules_and_note(void **state)
{
	hane_db *db;
	int64_t hid, id, insp, other;
	struct hane_inspection_visit v, got;
	char note[HANE_INSP_NOTE_MAX];

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	other = add_staff(db, "zeynep", "Zeynep Ak", "foodbank", true);
	hid = household(db, 12, "Gündoğdu", "Şükrü", "Yılmaz");
	id = request(db, hid, "general", "normal", "2026-06-10");
	assign(db, id, insp);
	hane_inspection_visit_init(&v);
	assert_int_equal(
		hane_inspection_visit(db, id, get(db, id).version, &v, NULL),
		HANE_EINVAL); /* recommendation required */
	strcpy(v.recommendation, "regular");
	strcpy(v.tenure, "owner");
	v.rent_kurus = 500000;
	assert_int_equal(
		hane_inspection_visit(db, id, get(db, id).version, &v, NULL),
		HANE_EINVAL); /* rent for an owner */
	strcpy(v.tenure, "tenant");
	strcpy(v.visited_on, "2026-06-09");
	assert_int_equal(
		hane_inspection_visit(db, id, get(db, id).version, &v, NULL),
		HANE_EINVAL); /* before the request */
	strcpy(v.visited_on, "2026-06-16");
	assert_int_equal(
		hane_inspection_visit(db, id, get(db, id).version, &v, NULL),
		HANE_EINVAL); /* future */
	strcpy(v.visited_on, "2026-06-12");
	v.inspector_id = other;
	assert_int_equal(
		hane_inspection_visit(db, id, get(db, id).version, &v, NULL),
		HANE_EINVAL); /* not an inspector */
	assert_non_null(strstr(hane_error_last(), "'zeynep' inceleme birimi"));
	v.inspector_id =
		add_staff(db, "ayse", "Ayşe Kara", "inspection", false);
	assert_int_equal(
		hane_inspection_visit(db, id, get(db, id).version, &v, NULL),
		HANE_EINVAL); /* an inspector no longer active */
	assert_non_null(strstr(hane_error_last(), "'ayse' aktif personel"));
	v.inspector_id = 9999;
	assert_int_equal(
		hane_inspection_visit(db, id, get(db, id).version, &v, NULL),
		HANE_ENOTFOUND);
	assert_non_null(strstr(hane_error_last(), "personel #9999"));
	v.inspector_id = 0;
	v.rooms = 3;
	strcpy(v.heating, "stove");
	v.income_kurus = 825050;
	v.expenses_kurus = 1200000;
	strcpy(v.present, "hane reisi ve eşi");
	strcpy(v.health, "Hane reisinde KOAH var.");
	strcpy(v.findings, "Ev bakımsız, kışlık yakacak yok");
	tu_ok(hane_inspection_note_fill(
		db, &(struct hane_inspection_visit){.request_id = id}, note,
		sizeof note));
	tu_ok(hane_inspection_visit(db, id, get(db, id).version, &v, NULL));
	tu_ok(hane_inspection_visit_get(db, id, &got));
	assert_int_equal(got.inspector_id, insp); /* from the assignment */
	assert_string_equal(got.inspector, "Mehmet Demir");
	assert_int_equal(got.rent_kurus, 500000);
	assert_int_equal(got.rooms, 3);
	/* The template wrote the narrative from the fields, in Turkish. */
	assert_non_null(strstr(got.note, "12.06.2026 tarihinde Gündoğdu "
					 "Mahallesi, Atatürk Cd. No:12 D:3 "
					 "adresinde"));
	assert_non_null(strstr(got.note, "Hane reisi Şükrü Yılmaz olup "
					 "hanede 1 kişi yaşamaktadır."));
	assert_non_null(strstr(got.note, "Ziyarette hane reisi ve eşi hazır "
					 "bulunmuştur."));
	assert_non_null(strstr(got.note, "aylık kira bedeli 5.000,00 TL"));
	assert_non_null(strstr(got.note, "Konut 3 odalıdır; ısınma soba ile"));
	assert_non_null(strstr(got.note, "aylık geliri 8.250,50 TL, aylık "
					 "gideri 12.000,00 TL"));
	assert_non_null(strstr(got.note, "Sağlık durumu: Hane reisinde KOAH "
					 "var."));
	assert_null(strstr(got.note, "var.."));
	assert_non_null(strstr(got.note, "kışlık yakacak yok."));
	assert_non_null(strstr(got.note, "haneye düzenli yardım yapılması "
					 "uygun görülmüştür."));
	/* Each tenure has its sentence (a tenant without rent too). */
	for (size_t i = 0; i < 4; i++) {
		static const char *const tenure[][2] = {
			{"tenant", "Aile oturduğu konutta kiracıdır."},
			{"owner", "Aile oturduğu konutun sahibidir."},
			{"rent_free", "kira ödemeden oturmaktadır."},
			{"other", "Konutun mülkiyet durumu: diğer."},
		};
		struct hane_inspection_visit t = {.request_id = id};

		strcpy(t.tenure, tenure[i][0]);
		tu_ok(hane_inspection_note_fill(db, &t, note, sizeof note));
		assert_non_null(strstr(note, tenure[i][1]));
	}
	hane_store_close(db);
}

static void test_note_kept_and_truncated(void **state)
{
	hane_db *db;
	int64_t hid, id, insp;
	struct hane_inspection_visit v, got;
	char small[40];

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	hid = household(db, 13, "Gündoğdu", "Şükrü", "Yılmaz");
	id = request(db, hid, "general", "normal", NULL);
	assign(db, id, insp);
	hane_inspection_visit_init(&v);
	v.request_id = id;
	strcpy(v.recommendation, "reject");
	v.income_kurus = 0;
	strcpy(v.heating, "none");
	tu_ok(hane_inspection_note_fill(db, &v, small, sizeof small));
	assert_true(strlen(small) < sizeof small);
	assert_true(hane_utf8_valid(small, strlen(small)));
	/* The inspector's own text is kept as typed. */
	strcpy(v.note, "Elle yazılmış not.");
	tu_ok(hane_inspection_visit(db, id, get(db, id).version, &v, NULL));
	tu_ok(hane_inspection_visit_get(db, id, &got));
	assert_string_equal(got.note, "Elle yazılmış not.");
	hane_store_close(db);
}

/* ---- Decisions ------------------------------------------------------------------ */

static void test_decision_rules(void **state)
{
	hane_db *db;
	int64_t hid, id, insp, v;
	struct hane_inspection_decision d;

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	hid = household(db, 14, "Gündoğdu", "Ali", "Veli");
	id = request(db, hid, "general", "normal", "2026-06-01");
	assign(db, id, insp);
	visit(db, id, "2026-06-05", "regular");
	v = get(db, id).version;
#define REFUSED(dd, text)                                                      \
	do {                                                                   \
		assert_int_equal(                                              \
			hane_inspection_decide(db, id, v, &(dd), NULL),        \
			HANE_EINVAL);                                          \
		assert_non_null(strstr(hane_error_last(), (text)));            \
	} while (0)
	d = aid("one_time", "cash", 0, NULL, NULL, NULL);
	REFUSED(d, "Nakdi");
	d = aid("one_time", "cash", 1000, "2026-06-01", "2026-12-31", NULL);
	REFUSED(d, "Tek seferlik");
	d = aid("regular", "cash", 100000, "2026-07-01", NULL, "monthly");
	REFUSED(d, "Bitiş");
	d = aid("regular", "cash", 100000, "2026-07-01", "2026-06-30",
		"monthly");
	REFUSED(d, "önce");
	d = aid("regular", "cash", 100000, "2026-07-01", "2026-12-31", "");
	REFUSED(d, "Sıklık");
	d = aid("", "cash", 100000, NULL, NULL, NULL);
	REFUSED(d, "Yardım türü");
	d = aid("one_time", "gold", 100000, NULL, NULL, NULL);
	REFUSED(d, "Yardım cinsi");
	hane_inspection_decision_init(&d);
	strcpy(d.outcome, "rejected");
	REFUSED(d, "Gerekçe");
	strcpy(d.reason, "Geliri yeterli");
	strcpy(d.kind, "food");
	REFUSED(d, "Ret");
	d.kind[0] = '\0';
	strcpy(d.decided_on, "2026-06-04");
	REFUSED(d, "ziyaret");
	d.decided_on[0] = '\0';
	tu_ok(hane_inspection_decide(db, id, v, &d, NULL));
	/* Once decided, no second decision. */
	assert_int_equal(
		hane_inspection_decide(db, id, get(db, id).version, &d, NULL),
		HANE_EINVAL);
#undef REFUSED
	hane_store_close(db);
}

struct refs {
	int n;
	struct hane_fb_referral r[4];
};

static int collect_ref(const struct hane_fb_referral *r, void *arg)
{
	struct refs *s = arg;

	if (s->n < 4)
		s->r[s->n++] = *r;
	return 0;
}

/* A food decision refers the household to the food bank; other kinds
 * do not. */
static void test_food_decision_refers_to_foodbank(void **state)
{
	hane_db *db;
	int64_t hid, a, b, c, insp, did = 0;
	struct hane_inspection_decision d;
	struct refs s = {0};

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	hid = household(db, 51, "Gündoğdu", "Ali", "Veli");
	a = request(db, hid, "food", "normal", NULL);
	b = request(db, hid, "general", "normal", NULL);
	c = request(db, hid, "fuel", "normal", NULL);
	assign(db, a, insp);
	assign(db, b, insp);
	assign(db, c, insp);
	visit(db, a, NULL, "in_kind");
	visit(db, b, NULL, "regular");
	visit(db, c, NULL, "in_kind");
	d = aid("one_time", "food", 0, NULL, NULL, NULL);
	decide(db, a, &d, NULL);
	d = aid("regular", "food", 0, "2026-07-01", "2026-12-31", "monthly");
	decide(db, b, &d, NULL);
	d = aid("one_time", "fuel", 0, NULL, NULL, NULL);
	decide(db, c, &d, NULL);
	tu_ok(hane_foodbank_referrals(db, hid, collect_ref, &s));
	assert_int_equal(s.n, 2);
	for (int i = 0; i < s.n; i++) {
		struct hane_inspection_decision got;

		assert_string_equal(s.r[i].source, "inspection");
		if (!strcmp(s.r[i].valid_from, "2026-06-15")) {
			tu_ok(hane_inspection_decision_get(db, a, &got));
			assert_int_equal(s.r[i].decision_id, got.id);
			assert_string_equal(s.r[i].valid_until, "2026-07-15");
		} else {
			tu_ok(hane_inspection_decision_get(db, b, &got));
			did = got.id;
			assert_int_equal(s.r[i].decision_id, did);
			assert_string_equal(s.r[i].valid_from, "2026-07-01");
			assert_string_equal(s.r[i].valid_until, "2026-12-31");
		}
	}
	assert_true(did > 0);
	hane_store_close(db);
}

/* ---- Renewal and running aid -------------------------------------------------- */

struct aids {
	int n;
	struct hane_inspection_aid a[8];
};

static int collect_aid(const struct hane_inspection_aid *a, void *arg)
{
	struct aids *s = arg;

	if (s->n < 8)
		s->a[s->n++] = *a;
	return 0;
}

static void test_regular_aid_and_renewal(void **state)
{
	hane_db *db;
	int64_t hid, id, one, insp, renewal = 0;
	struct hane_inspection_decision d;
	struct aids s = {0};
	struct hane_inspection r;

	(void)state;
	set_now("2026-01-10 10:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	hid = household(db, 15, "Gündoğdu", "Ali", "Veli");
	id = request(db, hid, "general", "normal", NULL);
	one = request(db, hid, "fuel", "normal", NULL);
	assign(db, id, insp);
	assign(db, one, insp);
	visit(db, id, NULL, "regular");
	visit(db, one, NULL, "one_time");
	d = aid("regular", "cash", 300000, "2026-02-01", "2026-07-31",
		"monthly");
	decide(db, id, &d, NULL);
	d = aid("one_time", "fuel", 0, NULL, NULL, NULL);
	decide(db, one, &d, NULL);
	/* Not yet running. */
	tu_ok(hane_inspection_aid_each(db, 0, collect_aid, &s));
	assert_int_equal(s.n, 0);
	set_now("2026-06-15 10:00:00");
	tu_ok(hane_inspection_aid_each(db, 0, collect_aid, &s));
	assert_int_equal(s.n, 1);
	assert_int_equal(s.a[0].request_id, id);
	assert_string_equal(s.a[0].end_on, "2026-07-31");
	assert_int_equal(s.a[0].days_left, 46);
	assert_false(s.a[0].renewal_due); /* 46 > 30 */
	set_now("2026-07-10 10:00:00");
	s.n = 0;
	tu_ok(hane_inspection_aid_each(db, hid, collect_aid, &s));
	assert_int_equal(s.n, 1);
	assert_true(s.a[0].renewal_due);
	/* One-time aid cannot be renewed. */
	assert_int_equal(hane_inspection_renew(db, one, NULL), HANE_EINVAL);
	/* The regular one can, once; the re-inspection is due before the
	 * aid ends. */
	tu_ok(hane_inspection_renew(db, id, &renewal));
	r = get(db, renewal);
	assert_string_equal(r.channel, "renewal");
	assert_string_equal(r.reason, "general");
	assert_int_equal(r.renewal_of, id);
	assert_string_equal(r.requested_on, "2026-07-10");
	assert_string_equal(r.due_on, "2026-07-25");
	assert_int_equal(hane_inspection_renew(db, id, NULL), HANE_EEXIST);
	s.n = 0;
	tu_ok(hane_inspection_aid_each(db, hid, collect_aid, &s));
	assert_int_equal(s.a[0].renewed_by, renewal);
	assert_false(s.a[0].renewal_due);
	/* Cancelling the renewal allows another one. */
	tu_ok(hane_inspection_cancel(db, renewal, r.version, "yanlış açıldı"));
	set_now("2026-07-28 10:00:00");
	tu_ok(hane_inspection_renew(db, id, &renewal));
	assert_string_equal(get(db, renewal).due_on, "2026-07-31");
	hane_store_close(db);
}

/* ---- CSV import -------------------------------------------------------------------- */

static const char *write_file(const char *stem, const char *text)
{
	const char *path = tu_tmp_path(stem);
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

struct rejects {
	int n;
	long lines[16];
	char why[16][256];
};

static void on_reject(long line, const char *reason, void *arg)
{
	struct rejects *r = arg;

	if (r->n < 16) {
		r->lines[r->n] = line;
		snprintf(r->why[r->n], sizeof r->why[0], "%s", reason);
		r->n++;
	}
}

static void test_import(void **state)
{
	hane_db *db;
	int64_t h1, h2, h3;
	char csv[2048];
	const char *path, *rej_path;
	struct hane_inspection_import_opts o = {0};
	struct hane_inspection_import_counts c;
	struct rejects rj = {0};
	struct hane_inspection_filter f = {0};
	struct hane_household hh;
	FILE *fp;
	char line[512];
	int nrej = 0;

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	h1 = household(db, 21, "Gündoğdu", "Ali", "Veli");
	h2 = household(db, 22, "Serdar", "Can", "Ak");
	h3 = household(db, 23, "Cedit", "Cem", "Er");
	tu_ok(hane_household_get(db, h3, &hh));
	tu_ok(hane_household_set_status(db, h3, hh.version, "passive"));
	snprintf(csv, sizeof csv,
		 "TC Kimlik No;Hane No;Başvuru Tarihi;Başvuru Nedeni;"
		 "Yönlendiren;Aciliyet;Açıklama\r\n"
		 "%s;;10.06.2026;Gıda;Kızılay;acil;Çocuklu aile\r\n"
		 ";%lld;11.06.2026;yakacak;Kızılay;;\r\n"
		 "%s;;12.06.2026;gıda;Kızılay;;aynı hane ikinci kez\r\n"
		 "%s;;12.06.2026;kira;Kızılay;;kayıtsız kişi\r\n"
		 "%s;;12.06.2026;altın;Kızılay;;\r\n"
		 "%s;;12.06.2026;gıda;Kızılay;;pasif hane\r\n"
		 "%s;;12.06.2026;kira;;;kurum yok\r\n"
		 "%s;;31.02.2026;kira;Kızılay;;\r\n",
		 tu_tckn(21), (long long)h2, tu_tckn(21), tu_tckn(99),
		 tu_tckn(22), tu_tckn(23), tu_tckn(22), tu_tckn(22));
	path = write_file("insp-import", csv);
	rej_path = tu_tmp_path("insp-rejects");
	o.reject = on_reject;
	o.arg = &rj;
	o.rejects = rej_path;
	/* A dry run writes nothing. */
	o.dry_run = true;
	tu_ok(hane_inspection_import(db, path, &o, &c));
	assert_int_equal(c.rows, 8);
	assert_int_equal(c.created, 2);
	assert_int_equal(c.rejected, 6);
	assert_int_equal(each(db, &f).n, 0);
	o.dry_run = false;
	rj.n = 0;
	tu_ok(hane_inspection_import(db, path, &o, &c));
	assert_int_equal(c.created, 2);
	assert_int_equal(c.rejected, 6);
	assert_int_equal(rj.lines[0], 4);
	assert_non_null(strstr(rj.why[0], "açık başvuru"));
	assert_non_null(strstr(rj.why[1], tu_tckn(99)));
	assert_non_null(strstr(rj.why[2], "Başvuru Nedeni"));
	assert_non_null(strstr(rj.why[3], "pasif"));
	assert_non_null(strstr(rj.why[4], "Yönlendiren"));
	assert_non_null(strstr(rj.why[5], "Başvuru Tarihi"));
	{
		struct ids s = each(db, &f);
		struct hane_inspection r;

		assert_int_equal(s.n, 2);
		r = get(db, s.id[0]);
		assert_int_equal(r.household_id, h1);
		assert_string_equal(r.channel, "referral");
		assert_string_equal(r.referrer, "Kızılay");
		assert_string_equal(r.urgency, "urgent");
		assert_string_equal(r.due_on, "2026-06-11");
		assert_string_equal(r.reason_text, "Çocuklu aile");
		r = get(db, s.id[1]);
		assert_int_equal(r.household_id, h2);
		assert_string_equal(r.reason, "fuel");
	}
	/* The rejects file: the header plus the six rows, with a reason. */
	fp = fopen(rej_path, "rb");
	assert_non_null(fp);
	while (fgets(line, sizeof line, fp))
		nrej++;
	fclose(fp);
	assert_int_equal(nrej, 7);
	/* A file without a household column is refused whole. */
	path = write_file("insp-import-bad", "Ad;Başvuru Nedeni\nAli;gıda\n");
	assert_int_equal(hane_inspection_import(db, path, &o, &c), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "TC Kimlik No"));
	hane_store_close(db);
}

/* ---- Permissions ------------------------------------------------------------------ */

static void test_permissions(void **state)
{
	hane_db *db;
	int64_t hid, id, insp;
	struct hane_inspection r;
	struct hane_inspection_settings st;
	struct hane_inspection_decision d =
		aid("one_time", "food", 0, NULL, NULL, NULL);

	(void)state;
	set_now("2026-06-15 10:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	add_staff(db, "zeynep", "Zeynep Ak", "foodbank", true);
	tu_staff(db, "rapor", "Rapor Okur", "reporter", NULL);
	hid = household(db, 41, "Gündoğdu", "Ali", "Veli");
	hane_inspection_init(&r);
	r.household_id = hid;
	/* Food-bank staff: no inspection work at all. */
	tu_ok(hane_store_set_actor(db, "zeynep"));
	assert_int_equal(hane_inspection_request(db, &r, NULL), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "inspection.write"));
	/* The unit's caseworker registers, assigns and visits, but does not
	 * decide nor change the settings. */
	tu_ok(hane_store_set_actor(db, "mehmet"));
	tu_ok(hane_inspection_request(db, &r, &id));
	assign(db, id, insp);
	visit(db, id, NULL, "in_kind");
	assert_int_equal(
		hane_inspection_decide(db, id, get(db, id).version, &d, NULL),
		HANE_EPERM);
	tu_ok(hane_inspection_settings_get(db, &st));
	assert_int_equal(hane_inspection_settings_set(db, &st), HANE_EPERM);
	/* A reporter reads, never writes. */
	tu_ok(hane_store_set_actor(db, "rapor"));
	tu_ok(hane_inspection_get(db, id, &r));
	assert_int_equal(hane_inspection_cancel(db, id, r.version, "x"),
			 HANE_EPERM);
	hane_store_close(db);
}

/* ---- Reports ------------------------------------------------------------------------ */

static struct hane_report_table *run_report(hane_db *db, const char *name,
					    const char *param,
					    const char *value)
{
	struct hane_report r;
	struct hane_report_table *t = NULL;
	struct hane_report_arg arg = {param, value};

	tu_ok(hane_report_find(name, &r));
	tu_ok(hane_report_run(db, &r, &arg, 1, &t));
	return t;
}

static void assert_row(const struct hane_report_table *t, size_t row,
		       const char *const *want)
{
	for (int c = 0; c < t->ncols; c++)
		if (want[c] && strcmp(hane_report_cell(t, row, c), want[c]))
			fail_msg("row %zu col %d: '%s', want '%s'", row, c,
				 hane_report_cell(t, row, c), want[c]);
}

/* The fixture (May 2026; "today" of SQLite is after it):
 *  Gündoğdu: #1 food urgent 05-04 (due 05-05), visited 05-08 (late),
 *            decided 05-10 aid one-time food 0 TL.
 *            #2 general normal 05-10 (due 05-25), visited 05-12,
 *            decided 05-20 aid regular cash 3.000 TL monthly 06-01..11-30.
 *  Serdar:   #3 rent normal 05-02 (due 05-17), not visited (late).
 *            #4 fuel normal 04-25 (due 05-10), visited 05-09, decided
 *            05-15 rejected.
 *            #5 health urgent 05-20 (due 05-21), cancelled (not late).
 *  Cedit:    #6 food normal 06-01: another month, not counted.
 * May: requests Gündoğdu 2, Serdar 2 (#3, #5); visits Gündoğdu 2, Serdar 1;
 * decisions Gündoğdu 2 (one-time food, regular cash), Serdar 1 rejected;
 * avg days Gündoğdu (4 + 2) / 2 = 3.0, Serdar 14 (04-25 → 05-09);
 * overdue Gündoğdu 1 (#1), Serdar 1 (#3). */
static hane_db *report_fixture(int64_t *regular_hid)
{
	hane_db *db;
	int64_t g, s, c, insp, id;
	struct hane_inspection_decision d;

	set_now("2026-05-01 09:00:00");
	db = tu_open(NULL);
	insp = add_staff(db, "mehmet", "Mehmet Demir", "inspection", true);
	g = household(db, 31, "Gündoğdu", "Ali", "Veli");
	s = household(db, 32, "Serdar", "Can", "Ak");
	c = household(db, 33, "Cedit", "Cem", "Er");
	*regular_hid = g;
	set_now("2026-05-04 09:00:00");
	id = request(db, s, "fuel", "normal", "2026-04-25"); /* #1 */
	assign(db, id, insp);
	id = request(db, g, "food", "urgent", NULL); /* #2 */
	assign(db, id, insp);
	set_now("2026-05-09 09:00:00");
	visit(db, 1, NULL, "reject");
	visit(db, 2, "2026-05-08", "in_kind");
	set_now("2026-05-10 09:00:00");
	d = aid("one_time", "food", 0, NULL, NULL, NULL);
	decide(db, 2, &d, NULL);
	id = request(db, s, "rent", "normal", "2026-05-02"); /* #3 */
	id = request(db, g, "general", "normal", NULL);	     /* #4 */
	assign(db, id, insp);
	set_now("2026-05-12 09:00:00");
	visit(db, id, NULL, "regular");
	set_now("2026-05-15 09:00:00");
	hane_inspection_decision_init(&d);
	strcpy(d.outcome, "rejected");
	strcpy(d.reason, "Geliri yeterli");
	decide(db, 1, &d, NULL);
	set_now("2026-05-20 09:00:00");
	d = aid("regular", "cash", 300000, "2026-06-01", "2026-11-30",
		"monthly");
	decide(db, id, &d, NULL);
	id = request(db, s, "health", "urgent", NULL); /* #5 */
	tu_ok(hane_inspection_cancel(db, id, get(db, id).version,
				     "Başka ile taşındı"));
	set_now("2026-06-01 09:00:00");
	request(db, c, "food", "normal", NULL); /* #6 */
	return db;
}

static void test_report_monthly(void **state)
{
	hane_db *db;
	int64_t g;
	struct hane_report_table *t;

	(void)state;
	db = report_fixture(&g);
	t = run_report(db, "inspection-monthly", "month", "2026-05");
	assert_int_equal(t->ncols, 16);
	assert_int_equal(t->nrows, 3); /* Gündoğdu, Serdar, total */
	assert_true(t->has_total);
	/* mahalle req vis dec one reg rej cash kind food cloth fuel edu oth
	 * avg late */
	assert_row(t, 0,
		   (const char *const[]){"Gündoğdu", "2", "2", "2", "1", "1",
					 "0", "1", "1", "1", "0", "0", "0", "0",
					 "3.0", "1"});
	assert_row(t, 1,
		   (const char *const[]){"Serdar", "2", "1", "1", "0", "0", "1",
					 "0", "0", "0", "0", "0", "0", "0",
					 "14.0", "1"});
	assert_row(t, 2,
		   (const char *const[]){NULL, "4", "3", "3", "1", "1", "1",
					 "1", "1", "1", "0", "0", "0", "0", "",
					 "2"});
	hane_report_table_free(t);
	/* "Overdue" is judged by hane's clock, not SQLite's real one: on
	 * 01.05.2026 no due date of May has passed yet. */
	set_now("2026-05-01 09:00:00");
	t = run_report(db, "inspection-monthly", "month", "2026-05");
	assert_string_equal(hane_report_cell(t, 2, 15), "0");
	hane_report_table_free(t);
	set_now("2026-06-01 09:00:00");
	t = run_report(db, "inspection-monthly", "month", "2026-06");
	assert_int_equal(t->nrows, 2); /* Cedit, total */
	assert_string_equal(hane_report_cell(t, 0, 0), "Cedit");
	assert_string_equal(hane_report_cell(t, 0, 1), "1");
	hane_report_table_free(t);
	hane_store_close(db);
}

static void test_report_aid_active(void **state)
{
	hane_db *db;
	int64_t g;
	struct hane_report_table *t;
	char hid[32];

	(void)state;
	db = report_fixture(&g);
	snprintf(hid, sizeof hid, "%lld", (long long)g);
	t = run_report(db, "aid-active", "on", "15.05.2026");
	assert_int_equal(t->nrows, 1); /* only the totals row */
	hane_report_table_free(t);
	t = run_report(db, "aid-active", "on", "2026-11-01");
	assert_int_equal(t->nrows, 2);
	assert_row(t, 0,
		   (const char *const[]){hid, "Ali Veli", "Gündoğdu", "nakdi",
					 "3000.00", "aylık", "3000.00",
					 "2026-06-01", "2026-11-30", "29", ""});
	assert_string_equal(hane_report_cell(t, 1, 6), "3000.00");
	hane_report_table_free(t);
	t = run_report(db, "aid-active", "on", "2026-12-01");
	assert_int_equal(t->nrows, 1);
	hane_report_table_free(t);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_request_due_dates),
		cmocka_unit_test(test_request_validation),
		cmocka_unit_test(test_duplicate_open_request),
		cmocka_unit_test(test_duplicate_after_decision_and_cancel),
		cmocka_unit_test(test_status_flow),
		cmocka_unit_test(test_assign_rules),
		cmocka_unit_test(test_overdue_and_queues),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_visit_rules_and_note),
		cmocka_unit_test(test_note_kept_and_truncated),
		cmocka_unit_test(test_decision_rules),
		cmocka_unit_test(test_food_decision_refers_to_foodbank),
		cmocka_unit_test(test_regular_aid_and_renewal),
		cmocka_unit_test(test_import),
		cmocka_unit_test(test_permissions),
		cmocka_unit_test(test_report_monthly),
		cmocka_unit_test(test_report_aid_active),
	};

	hane_lang_set(HANE_LANG_TR);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
