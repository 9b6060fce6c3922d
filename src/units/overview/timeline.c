/* Household 360: every unit's history of one household and its members,
 * in time order, as one list (and as CSV for a case review). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/homecare.h"
#include "hane/i18n.h"
#include "hane/inspection.h"
#include "hane/perm.h"
#include "hane/taxi.h"
#include "hane/veterans.h"
#include "units/overview/overview_int.h"

struct events {
	struct hane_ov_event *v;
	size_t n, cap;
};

static struct hane_ov_event *push(struct events *e)
{
	return HANE_PUSH(e->v, e->cap, e->n, NULL, 64);
}

#define T(col) hane_stmt_text(st, col)
#define I(col) hane_stmt_int(st, col)

/* One query's rows to events: the row's columns are
 * id, date, time, person_id, who, then the unit's own (from column 5),
 * which fmt turns into the line. */
typedef void (*fmt_fn)(hane_stmt *st, struct hane_ov_event *ev);

struct gather {
	struct events *e;
	int unit;
	const char *kind;
	fmt_fn fmt;
};

static int gather_row(hane_stmt *st, void *arg)
{
	struct gather *g = arg;
	struct hane_ov_event *ev = push(g->e);

	if (!ev)
		return HANE_ENOMEM;
	ev->ref_id = I(0);
	HANE_COPY(ev->date, T(1));
	HANE_COPY(ev->time, T(2));
	ev->person_id = I(3);
	HANE_COPY(ev->who, T(4));
	ev->unit = g->unit;
	HANE_COPY(ev->kind, g->kind);
	g->fmt(st, ev);
	return 0;
}

static int gather(hane_db *db, struct events *e, int64_t hh, int unit,
		  const char *kind, const char *sql, fmt_fn fmt)
{
	struct gather g = {e, unit, kind, fmt};
	/* :actor where the rows depend on who asks (the centres'). */
	struct hane_field p[] = {
		HANE_FINT(":hh", hh),
		HANE_FINT(":actor", hane_store_actor(db)->staff_id)};

	return hane_store_each(db, sql, p, strstr(sql, ":actor") ? 2 : 1,
			       gather_row, &g);
}

static void fmt_request(hane_stmt *st, struct hane_ov_event *ev)
{
	snprintf(ev->what, sizeof ev->what, "%s: %s \u00b7 %s \u00b7 %s",
		 hane_msg(HANE_M_OV_E_REQUEST),
		 hane_inspection_label(HANE_INSP_REASON, T(5)),
		 hane_inspection_label(HANE_INSP_CHANNEL, T(6)),
		 hane_inspection_label(HANE_INSP_STATUS, T(7)));
}

static void fmt_visit(hane_stmt *st, struct hane_ov_event *ev)
{
	snprintf(ev->what, sizeof ev->what, "%s: %s %s%s%s%s",
		 hane_msg(HANE_M_OV_E_VISIT), hane_msg(HANE_M_OV_E_RECOMMEND),
		 hane_inspection_label(HANE_INSP_RECOMMEND, T(5)),
		 T(6)[0] ? " (" : "", T(6), T(6)[0] ? ")" : "");
}

static void fmt_decision(hane_stmt *st, struct hane_ov_event *ev)
{
	char money[48] = "", until[16] = "";

	if (strcmp(T(5), "aid") != 0) {
		snprintf(ev->what, sizeof ev->what, "%s: %s",
			 hane_msg(HANE_M_OV_E_DECISION),
			 hane_inspection_label(HANE_INSP_OUTCOME, T(5)));
		return;
	}
	if (!hane_stmt_is_null(st, 8)) {
		money[0] = ' ';
		hane_money_format(money + 1, sizeof money - 1, I(8), true);
	}
	if (T(9)[0])
		snprintf(until, sizeof until, " \u2192%s", T(9));
	snprintf(ev->what, sizeof ev->what, "%s: %s \u00b7 %s \u00b7 %s%s%s",
		 hane_msg(HANE_M_OV_E_DECISION),
		 hane_inspection_label(HANE_INSP_OUTCOME, T(5)),
		 hane_inspection_label(HANE_INSP_AID_TYPE, T(6)),
		 hane_inspection_label(HANE_INSP_KIND, T(7)), money, until);
}

static void fmt_referral(hane_stmt *st, struct hane_ov_event *ev)
{
	snprintf(ev->what, sizeof ev->what, "%s (%s)%s%s",
		 hane_msg(HANE_M_OV_E_REFERRAL),
		 strcmp(T(5), "inspection") == 0
			 ? hane_msg(HANE_M_OV_U_INSPECTION)
			 : hane_msg(HANE_M_OV_E_MANUAL),
		 T(6)[0] ? " \u2192" : "", T(6));
}

static void fmt_package(hane_stmt *st, struct hane_ov_event *ev)
{
	char money[48];

	snprintf(ev->what, sizeof ev->what, "%s: %s \u00b7 %s \u00b7 %s",
		 hane_msg(HANE_M_OV_E_PACKAGE),
		 hane_lang_get() == HANE_LANG_EN ? T(6) : T(5), T(7),
		 hane_money_format(money, sizeof money, I(8), true));
}

static void fmt_client(hane_stmt *st, struct hane_ov_event *ev)
{
	snprintf(ev->what, sizeof ev->what, "%s: %s%s%s",
		 hane_msg(HANE_M_OV_E_CLIENT), hane_homecare_label(T(5)),
		 T(6)[0] ? " \u2192" : "", T(6));
}

static void fmt_care(hane_stmt *st, struct hane_ov_event *ev)
{
	HANE_COPY(ev->kind, T(5));
	snprintf(ev->what, sizeof ev->what, "%s: %s%s%s%s",
		 hane_homecare_label(T(5)), hane_homecare_label(T(6)),
		 T(7)[0] ? " (" : "", T(7), T(7)[0] ? ")" : "");
}

static void fmt_trip(hane_stmt *st, struct hane_ov_event *ev)
{
	snprintf(ev->what, sizeof ev->what, "%s %s: %s \u00b7 %s",
		 hane_msg(HANE_M_OV_E_TRIP), hane_taxi_leg_label(T(5)), T(6),
		 hane_taxi_status_label(T(7)));
}

/* "Giyim: Çocuk giyim 3, Ayakkabı 1" */
static void fmt_clothing(hane_stmt *st, struct hane_ov_event *ev)
{
	snprintf(ev->what, sizeof ev->what, "%s: %s",
		 hane_msg(HANE_M_OV_E_CLOTHING),
		 hane_lang_get() == HANE_LANG_EN ? T(6) : T(5));
}

static void fmt_veteran_visit(hane_stmt *st, struct hane_ov_event *ev)
{
	char gifts[128] = "";

	if (I(6) > 0)
		snprintf(gifts, sizeof gifts, " \u00b7 %lld \u00d7 %s",
			 (long long)I(6), T(7));
	snprintf(ev->what, sizeof ev->what, "%s (%s)%s \u00b7 %s",
		 hane_msg(HANE_M_OV_E_VETERAN_VISIT),
		 hane_veterans_label(HANE_VET_CATEGORY, T(5)), gifts, T(8));
}

/* "Merkez üyeliği: Asırlık Çınar Evleri · Asırlık Çınar Serdar →30.09.2025" */
static void fmt_centre_member(hane_stmt *st, struct hane_ov_event *ev)
{
	snprintf(ev->what, sizeof ev->what, "%s: %s \u00b7 %s%s%s",
		 hane_msg(HANE_M_OV_E_CENTRE_MEMBER),
		 hane_lang_get() == HANE_LANG_EN ? T(6) : T(5), T(7),
		 T(8)[0] ? " \u2192" : "", T(8));
}

/* "İstihdam: Down Kafe · garson, 20 saat/hafta →31.12.2025" */
static void fmt_centre_placement(hane_stmt *st, struct hane_ov_event *ev)
{
	snprintf(ev->what, sizeof ev->what, "%s: %s \u00b7 %s, %lld %s%s%s",
		 hane_msg(HANE_M_OV_E_CENTRE_PLACEMENT), T(5), T(6),
		 (long long)I(7), hane_msg(HANE_M_OV_E_HOURS_WEEK),
		 T(8)[0] ? " \u2192" : "", T(8));
}

#define WHO "p.first_name || ' ' || p.last_name"
/* A centre's caseworker sees only the programmes centre_staff gives
 * them (hane/centres.h); anyone else holding centres.read sees all. */
#define CENTRE_SEEN(prog)                                                      \
	" ((SELECT role FROM staff WHERE id = :actor) IS NOT 'caseworker'"     \
	" OR " prog " IN (SELECT programme_id FROM centre_staff"               \
	" WHERE staff_id = :actor))"

static int cmp_event(const void *pa, const void *pb)
{
	const struct hane_ov_event *a = pa, *b = pb;
	int c = strcmp(a->date, b->date);

	if (!c)
		c = strcmp(a->time, b->time);
	if (!c)
		c = a->unit - b->unit;
	if (!c)
		c = a->ref_id < b->ref_id ? -1 : a->ref_id > b->ref_id;
	return c;
}

/* Every kind of event on the timeline: its unit, kind, query (columns:
 * id, date, time, person id, person, then what fmt reads) and format. */
static const struct source {
	int unit;
	const char *kind;
	const char *sql;
	fmt_fn fmt;
} sources[] = {
	{HANE_OV_INSPECTION, "request",
	 "SELECT id, requested_on, '', 0, '', reason,"
	 " channel, status FROM inspection_request"
	 " WHERE household_id = :hh",
	 fmt_request},
	{HANE_OV_INSPECTION, "visit",
	 "SELECT v.id, v.visited_on, '', 0, '',"
	 " v.recommendation, coalesce(s.full_name, '')"
	 " FROM inspection_visit v"
	 " JOIN inspection_request r ON r.id = v.request_id"
	 " LEFT JOIN staff s ON s.id = v.inspector_id"
	 " WHERE r.household_id = :hh",
	 fmt_visit},
	{HANE_OV_INSPECTION, "decision",
	 "SELECT d.id, d.decided_on, '', 0, '', d.outcome,"
	 " coalesce(d.aid_type, ''), coalesce(d.kind, ''),"
	 " d.amount_kurus, coalesce(d.end_on, '')"
	 " FROM inspection_decision d"
	 " JOIN inspection_request r ON r.id = d.request_id"
	 " WHERE r.household_id = :hh",
	 fmt_decision},
	{HANE_OV_FOODBANK, "referral",
	 "SELECT id, valid_from, '', 0, '', source,"
	 " coalesce(valid_until, '') FROM fb_referral"
	 " WHERE household_id = :hh",
	 fmt_referral},
	{HANE_OV_FOODBANK, "package",
	 "SELECT d.id, d.date, '', 0, '', t.name_tr,"
	 " t.name_en, b.name, d.value_kurus"
	 " FROM fb_distribution d"
	 " JOIN fb_package_type t ON t.id = d.package_id"
	 " JOIN fb_branch b ON b.id = d.branch_id"
	 " WHERE d.household_id = :hh",
	 fmt_package},
	{HANE_OV_HOMECARE, "client",
	 "SELECT c.id, c.start_date, '', p.id, " WHO ","
	 " c.services, coalesce(c.end_date, '')"
	 " FROM homecare_client c"
	 " JOIN person p ON p.id = c.person_id"
	 " WHERE p.household_id = :hh",
	 fmt_client},
	{HANE_OV_HOMECARE, "care",
	 "SELECT v.id, v.date, v.start_time, p.id, " WHO ","
	 " v.service, v.status, coalesce(w.name, '')"
	 " FROM homecare_visit v"
	 " JOIN homecare_client c ON c.id = v.client_id"
	 " JOIN person p ON p.id = c.person_id"
	 " LEFT JOIN homecare_worker w ON w.id = v.worker_id"
	 " WHERE p.household_id = :hh",
	 fmt_care},
	{HANE_OV_TAXI, "trip",
	 "SELECT t.id, t.day, t.start_time, p.id, " WHO ","
	 " t.leg, a.destination, t.status FROM taxi_trip t"
	 " JOIN taxi_appointment a ON a.id = t.appointment_id"
	 " JOIN taxi_rider r ON r.id = a.rider_id"
	 " JOIN person p ON p.id = r.person_id"
	 " WHERE p.household_id = :hh",
	 fmt_trip},
	{HANE_OV_CLOTHING, "clothing",
	 "SELECT i.id, i.date, '', p.id, " WHO ","
	 " (SELECT group_concat(c.name_tr || ' ' || l.qty, ', ')"
	 "  FROM clothing_issue_line l"
	 "  JOIN clothing_category c ON c.id = l.category_id"
	 "  WHERE l.issue_id = i.id),"
	 " (SELECT group_concat(c.name_en || ' ' || l.qty, ', ')"
	 "  FROM clothing_issue_line l"
	 "  JOIN clothing_category c ON c.id = l.category_id"
	 "  WHERE l.issue_id = i.id)"
	 " FROM clothing_issue i JOIN person p ON p.id = i.person_id"
	 " WHERE i.household_id = :hh",
	 fmt_clothing},
	{HANE_OV_VETERANS, "veteran_visit",
	 "SELECT w.id, w.date, '', 0, '', v.category, w.gifts,"
	 " coalesce(g.name, ''), w.staff FROM veteran_visit w"
	 " JOIN veteran v ON v.id = w.veteran_id"
	 " LEFT JOIN veteran_gift g ON g.id = w.gift_id"
	 " WHERE v.household_id = :hh",
	 fmt_veteran_visit},
	/* The centres: a membership from its start (its end after the
	 * arrow), a placement likewise; check-ins and bookings are many a
	 * month, so the centres' screens show them, not the timeline. */
	{HANE_OV_CENTRES, "centre_member",
	 "SELECT m.id, m.start, '', p.id, " WHO ","
	 " g.name_tr, g.name_en, s.name, coalesce(m.end_date, '')"
	 " FROM centre_member m JOIN person p ON p.id = m.person_id"
	 " JOIN centre_programme g ON g.id = m.programme_id"
	 " JOIN centre_site s ON s.id = m.site_id"
	 " WHERE p.household_id = :hh AND" CENTRE_SEEN("m.programme_id"),
	 fmt_centre_member},
	{HANE_OV_CENTRES, "centre_placement",
	 "SELECT c.id, c.start, '', p.id, " WHO ","
	 " s.name, c.role, c.hours_week, coalesce(c.end_date, '')"
	 " FROM centre_placement c JOIN person p ON p.id = c.person_id"
	 " JOIN centre_site s ON s.id = c.site_id"
	 " WHERE p.household_id = :hh AND" CENTRE_SEEN("s.programme_id"),
	 fmt_centre_placement},
};

static int load(hane_db *db, struct events *e, int64_t hh, int unit,
		int *hidden)
{
	static const enum hane_action need[HANE_OV__UNITS] = {
		HANE_ACT_INSPECTION_READ, HANE_ACT_FOODBANK_READ,
		HANE_ACT_HOMECARE_READ,	  HANE_ACT_TAXI_READ,
		HANE_ACT_CLOTHING_READ,	  HANE_ACT_VETERANS_READ,
		HANE_ACT_KITCHEN_READ,	  HANE_ACT_CENTRES_READ};
	bool can[HANE_OV__UNITS];
	int rc = 0;

	for (int u = 0; u < HANE_OV__UNITS; u++) {
		can[u] = (unit == HANE_OV_ALL || unit == u) &&
			 hane_can(db, need[u]) == 0;
		if ((unit == HANE_OV_ALL || unit == u) && !can[u] && hidden)
			(*hidden)++;
	}
	hane_error_clear();
	for (size_t k = 0; k < sizeof sources / sizeof sources[0]; k++) {
		const struct source *src = &sources[k];

		if (can[src->unit] &&
		    (rc = gather(db, e, hh, src->unit, src->kind, src->sql,
				 src->fmt)) != 0)
			return rc;
	}
	if (e->n)
		qsort(e->v, e->n, sizeof e->v[0], cmp_event);
	return 0;
}

int hane_overview_timeline(hane_db *db, int64_t household_id, int unit,
			   int (*fn)(const struct hane_ov_event *e, void *arg),
			   void *arg, int *hidden)
{
	struct hane_household h;
	struct events e = {NULL, 0, 0};
	int rc;

	if (hidden)
		*hidden = 0;
	if ((rc = hane_household_get(db, household_id, &h)) != 0)
		return rc;
	if ((rc = hane_store_audit_event(db, "household.360", "household",
					 household_id, NULL)) != 0)
		return rc;
	if ((rc = load(db, &e, household_id, unit, hidden)) != 0)
		goto done;
	for (size_t i = 0; i < e.n; i++)
		if ((rc = fn(&e.v[i], arg)) != 0)
			break;
done:
	free(e.v);
	return rc;
}

struct csv_ctx {
	hane_csv_writer *w;
	int64_t rows;
};

static int csv_event(const struct hane_ov_event *e, void *arg)
{
	struct csv_ctx *c = arg;

	hane_csv_put(c->w, e->date, HANE_CSV_DATE);
	hane_csv_put(c->w, e->time, HANE_CSV_TEXT);
	hane_csv_put(c->w, hane_overview_unit_label(e->unit), HANE_CSV_TEXT);
	hane_csv_put(c->w, e->kind, HANE_CSV_TEXT);
	hane_csv_put(c->w, e->who[0] ? e->who : hane_msg(HANE_M_OV_E_HOUSEHOLD),
		     HANE_CSV_TEXT);
	hane_csv_put(c->w, e->what, HANE_CSV_TEXT);
	c->rows++;
	return hane_csv_endrow(c->w);
}

int hane_overview_timeline_csv(hane_db *db, int64_t household_id, int unit,
			       FILE *fp, unsigned flags, int64_t *rows)
{
	static const enum hane_msg titles[] = {
		HANE_M_OV_COL_DATE, HANE_M_OV_COL_TIME,	  HANE_M_OV_COL_UNIT,
		HANE_M_OV_COL_KIND, HANE_M_OV_COL_PERSON, HANE_M_OV_COL_WHAT};
	struct csv_ctx c = {NULL, 0};
	char detail[96];
	int rc, rc2;

	if (rows)
		*rows = 0;
	if ((rc = hane_can(db, HANE_ACT_EXPORT)) != 0)
		return rc;
	snprintf(detail, sizeof detail,
		 "{\"export\":\"household.360\",\"unit\":\"%s\"}",
		 hane_overview_unit_code(unit));
	if ((rc = hane_store_audit_event(db, "export", "household",
					 household_id, detail)) != 0)
		return rc;
	if ((rc = hane_csv_writer_open(&c.w, fp, flags)) != 0)
		return rc;
	hane_csv_writer_sheet(c.w, "Hane 360");
	hane_csv_titles(c.w, titles, HANE_COUNTOF(titles));
	rc = hane_overview_timeline(db, household_id, unit, csv_event, &c,
				    NULL);
	rc2 = hane_csv_writer_close(c.w);
	if (!rc)
		rc = rc2;
	if (rows)
		*rows = c.rows;
	return rc;
}
