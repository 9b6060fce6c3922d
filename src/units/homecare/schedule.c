/* Home care: generating the visit schedule from the care plans.
 *
 * The placement of one plan's period (an ISO week or a calendar month) is
 * computed for the whole period whatever range was asked, and only the
 * days inside the range are written. That is what makes month ends safe:
 * the week of 29 June – 5 July gets the same visits whether June and July
 * are generated apart or together, and a second run adds nothing because
 * each visit remembers the plan slot (slot_date) it fills.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/perm.h"
#include "homecare_int.h"
#include "hane/reference.h"

#define HALF_DAY_END (13 * 60) /* offices close at 13:00 on arife */
#define STEP_MIN 15	       /* how far a visit slides in its window */

struct plan_row {
	struct hane_homecare_plan p;
	char client_start[HANE_DATE_LEN + 1];
	char client_end[HANE_DATE_LEN + 1];
	char name[2 * HANE_NAME_MAX];
	char mahalle[HANE_NAME_MAX];
};

struct gen {
	hane_db *db;
	const struct hane_homecare_schedule_opts *o;
	int (*fn)(const struct hane_homecare_slot *s, void *arg);
	void *arg;
	struct hane_homecare_schedule_result *res;
	int64_t from, to; /* the range asked */
	int64_t lo, hi;	  /* days with known holiday kinds */
	unsigned char *kinds;
};

static int slack(const struct hane_homecare_plan *p)
{
	return hc_minutes(p->window_end) - hc_minutes(p->window_start) -
	       p->duration_min;
}

/* Tight windows first: they have the fewest ways to fit a worker. */
static int plan_cmp(const void *a, const void *b)
{
	const struct plan_row *x = a, *y = b;
	int sx = slack(&x->p), sy = slack(&y->p);

	if (sx != sy)
		return sx < sy ? -1 : 1;
	return x->p.id < y->p.id ? -1 : x->p.id > y->p.id;
}

static void read_plan(hane_stmt *st, struct plan_row *r)
{
	hane_homecare_plan_init(&r->p);
	r->p.id = hane_stmt_int(st, 0);
	r->p.version = hane_stmt_int(st, 1);
	r->p.client_id = hane_stmt_int(st, 2);
	HANE_COPY(r->p.service, hane_stmt_text(st, 3));
	HANE_COPY(r->p.period, hane_stmt_text(st, 4));
	r->p.visits = (int)hane_stmt_int(st, 5);
	HANE_COPY(r->p.days, hane_stmt_text(st, 6));
	HANE_COPY(r->p.window_start, hane_stmt_text(st, 7));
	HANE_COPY(r->p.window_end, hane_stmt_text(st, 8));
	r->p.duration_min = (int)hane_stmt_int(st, 9);
	r->p.worker_id = hane_stmt_int(st, 10);
	HANE_COPY(r->p.valid_from, hane_stmt_text(st, 11));
	HANE_COPY(r->p.valid_to, hane_stmt_text(st, 12));
	HANE_COPY(r->client_start, hane_stmt_text(st, 13));
	HANE_COPY(r->client_end, hane_stmt_text(st, 14));
	HANE_COPY(r->name, hane_stmt_text(st, 15));
	HANE_COPY(r->mahalle, hane_stmt_text(st, 16));
}

/* The plans being scheduled, as read. */
HANE_STORE_ROWS(sched, struct plan_row, read_plan, 32)

static int load_plans(struct gen *g, struct plan_row **out, size_t *n)
{
	/* Initialised: the parameters below take their addresses now and
	 * GCC's -Wmaybe-uninitialized (Debug) cannot see they are filled
	 * before the query runs. */
	char from[HANE_DATE_LEN + 1] = "", to[HANE_DATE_LEN + 1] = "";
	struct sched_rows pr = {NULL, 0, 0};
	struct hane_field p[] = {HANE_FTEXT(":from", from),
				 HANE_FTEXT(":to", to),
				 HANE_FINT(":client", g->o->client_id)};
	int rc;

	*out = NULL;
	*n = 0;
	hane_date_iso(from, g->from);
	hane_date_iso(to, g->to);
	rc = hane_store_each(
		g->db,
		"SELECT p.id, p.version, p.client_id, p.service, p.period,"
		" p.visits, p.days, p.window_start, p.window_end,"
		" p.duration_min, coalesce(p.worker_id,0), p.valid_from,"
		" coalesce(p.valid_to,''), c.start_date,"
		" coalesce(c.end_date,''), pe.first_name || ' ' || "
		"pe.last_name,"
		" coalesce(h.mahalle,'')"
		" FROM homecare_plan p"
		" JOIN homecare_client c ON c.id = p.client_id"
		" JOIN person pe ON pe.id = c.person_id"
		" JOIN household h ON h.id = pe.household_id"
		" WHERE p.valid_from <= :to"
		" AND (p.valid_to IS NULL OR p.valid_to >= :from)"
		" AND c.start_date <= :to"
		" AND (c.end_date IS NULL OR c.end_date >= :from)"
		" AND (:client = 0 OR c.id = :client)",
		p, 3, sched_row, &pr);
	if (rc) {
		free(pr.v);
		return rc;
	}
	if (pr.n > 1)
		qsort(pr.v, pr.n, sizeof *pr.v, plan_cmp);
	*out = pr.v;
	*n = pr.n;
	return 0;
}

/* First and last day of the week (Monday–Sunday) or month holding day. */
static void period_bounds(int64_t day, const char *period, int64_t *ps,
			  int64_t *pe)
{
	char iso[HANE_DATE_LEN + 1], first[32];
	int y, m;

	if (strcmp(period, "week") == 0) {
		*ps = day - (hane_date_weekday_of(day) - 1);
		*pe = *ps + 6;
		return;
	}
	hane_date_iso(iso, day);
	y = atoi(iso);
	m = atoi(iso + 5);
	snprintf(first, sizeof first, "%04d-%02d-01", y, m);
	(void)hc_day(ps, first);
	snprintf(first, sizeof first, "%04d-%02d-01", m == 12 ? y + 1 : y,
		 m == 12 ? 1 : m + 1);
	(void)hc_day(pe, first);
	(*pe)--;
}

static int kind_of(const struct gen *g, int64_t d)
{
	return d >= g->lo && d <= g->hi ? g->kinds[d - g->lo] : HANE_HC_WORKDAY;
}

/* Days of ISO dates (column 0) into a list, those in ps..pe only. */
struct days {
	int64_t *out, ps, pe;
	int *n, max;
};

static int day_row(hane_stmt *st, void *arg)
{
	struct days *d = arg;
	int64_t day;

	if (*d->n < d->max && hc_day(&day, hane_stmt_text(st, 0)) == 0 &&
	    day >= d->ps && day <= d->pe)
		d->out[(*d->n)++] = day;
	return 0;
}

/* Dates of this plan's slots in ps..pe (any status): the slots filled. */
static int slots_taken(struct gen *g, const struct plan_row *r, int64_t ps,
		       int64_t pe, int64_t *out, int *n, int max)
{
	char a[HANE_DATE_LEN + 1], b[HANE_DATE_LEN + 1];
	struct hane_field p[] = {HANE_FINT(":p", r->p.id), HC_FARR(":a", a),
				 HC_FARR(":b", b)};
	struct days d = {out, ps, pe, n, max};

	*n = 0;
	hane_date_iso(a, ps);
	hane_date_iso(b, pe);
	return hane_store_each(
		g->db,
		"SELECT DISTINCT slot_date FROM homecare_visit"
		" WHERE plan_id = :p AND slot_date BETWEEN :a AND :b",
		p, 3, day_row, &d);
}

/* Days in ps..pe on which the client already has a visit of this service
 * that fills some other slot (a moved visit, one added by hand): the
 * generator puts no second visit there. */
static int days_busy(struct gen *g, const struct plan_row *r, int64_t ps,
		     int64_t pe, unsigned char *busy)
{
	char a[HANE_DATE_LEN + 1], b[HANE_DATE_LEN + 1];
	struct hane_field p[] = {HANE_FINT(":p", r->p.id),
				 HANE_FINT(":c", r->p.client_id),
				 HC_FARR(":s", r->p.service), HC_FARR(":a", a),
				 HC_FARR(":b", b)};
	int64_t *days = malloc((size_t)(pe - ps + 1) * sizeof *days);
	int n = 0, rc;
	struct days d = {days, ps, pe, &n, (int)(pe - ps + 1)};

	if (!days)
		return HANE_ENOMEM;
	hane_date_iso(a, ps);
	hane_date_iso(b, pe);
	rc = hane_store_each(
		g->db,
		"SELECT date FROM homecare_visit WHERE client_id = :c"
		" AND service = :s AND date BETWEEN :a AND :b"
		" AND status IN ('planned', 'done', 'missed')"
		" AND NOT (coalesce(plan_id,0) = :p"
		"  AND coalesce(slot_date,'') = date)",
		p, 5, day_row, &d);
	for (int i = 0; i < n; i++)
		busy[days[i] - ps] = 1;
	free(days);
	return rc;
}

static int64_t dist(int64_t a, int64_t b)
{
	return a > b ? a - b : b - a;
}

static int day_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Chooses the days of one period for a plan; returns how many (into
 * chosen, sorted). */
/* The days the plan is in force and the client served: from the later
 * start to the earlier end (INT64_MAX: open). */
static void active_span(const struct plan_row *r, int64_t *lo, int64_t *hi)
{
	int64_t vf, vt;

	(void)hc_day(lo, r->client_start);
	(void)hc_day(&vf, r->p.valid_from);
	if (vf > *lo)
		*lo = vf;
	*hi = INT64_MAX;
	if (r->client_end[0])
		(void)hc_day(hi, r->client_end);
	if (r->p.valid_to[0]) {
		(void)hc_day(&vt, r->p.valid_to);
		if (vt < *hi)
			*hi = vt;
	}
}

/* How good other working day `day` is for a missing visit (lower is
 * better): near a preferred day lost to a holiday; without such a loss,
 * far from the days already chosen; else the earliest. */
static int64_t fill_key(int64_t day, const int64_t *lost, int nl,
			const int64_t *chosen, int k)
{
	int64_t key = INT64_MAX, near = INT64_MAX;

	if (nl > 0) {
		for (int j = 0; j < nl; j++)
			if (dist(day, lost[j]) < key)
				key = dist(day, lost[j]);
		return key;
	}
	if (k == 0)
		return day;
	for (int j = 0; j < k; j++)
		if (dist(day, chosen[j]) < near)
			near = dist(day, chosen[j]);
	return -near;
}

/* Each missing visit (chosen holds k of quota) goes to the other working
 * day nearest to a preferred day lost to a holiday; without such a loss,
 * as far as possible from the days already chosen. Returns the new k. */
static int fill_others(int64_t *others, int no, const int64_t *lost, int nl,
		       int64_t *chosen, int k, int quota)
{
	while (k < quota && no > 0) {
		int best = -1;
		int64_t best_key = 0;

		for (int i = 0; i < no; i++) {
			int64_t key = fill_key(others[i], lost, nl, chosen, k);

			if (best < 0 || key < best_key) {
				best = i;
				best_key = key;
			}
		}
		chosen[k++] = others[best];
		others[best] = others[--no];
		/* keep the earliest-first tie rule stable */
		qsort(others, (size_t)no, sizeof others[0], day_cmp);
	}
	return k;
}

static int place(struct gen *g, const struct plan_row *r, int64_t ps,
		 int64_t pe, const unsigned char *busy, int64_t *chosen)
{
	const char *pref = r->p.days[0] ? r->p.days : "12345";
	char base[16];
	int64_t act_lo, act_hi, cand[31], others[31], lost[31];
	int full = 0, act = 0, n = 0, no = 0, nl = 0, quota, k = 0;
	int end_min = hc_minutes(r->p.window_start) + r->p.duration_min;

	snprintf(base, sizeof base, "12345%s", pref);
	active_span(r, &act_lo, &act_hi);
	for (int64_t d = ps; d <= pe; d++) {
		int kd = kind_of(g, d);
		char wd = (char)('0' + hane_date_weekday_of(d));
		bool active = d >= act_lo && d <= act_hi;
		bool ok = kd != HANE_HC_FULL &&
			  !(kd == HANE_HC_HALF && end_min > HALF_DAY_END);

		if (!strchr(base, wd))
			continue;
		if (ok)
			full++;
		if (!active)
			continue;
		if (ok && !busy[d - ps])
			act++;
		if (!strchr(pref, wd))
			continue;
		if (!ok)
			lost[nl++] = d;
		else if (!busy[d - ps])
			cand[n++] = d;
	}
	if (act == 0 || full == 0)
		return 0;
	/* A period only partly served gets its share, rounded up. */
	quota = r->p.visits;
	if (act < full)
		quota = (r->p.visits * act + full - 1) / full;
	if (quota > act)
		quota = act;
	if (n >= quota) {
		/* Spread over the preferred days: the middle of each of
		 * quota equal parts. */
		for (int i = 0; i < quota; i++)
			chosen[k++] = cand[(2 * i + 1) * n / (2 * quota)];
		return k;
	}
	for (int i = 0; i < n; i++)
		chosen[k++] = cand[i];
	for (int64_t d = ps; d <= pe; d++) {
		int kd = kind_of(g, d);
		char wd = (char)('0' + hane_date_weekday_of(d));

		if (d < act_lo || d > act_hi || busy[d - ps] ||
		    !strchr(base, wd) || strchr(pref, wd) ||
		    kd == HANE_HC_FULL ||
		    (kd == HANE_HC_HALF && end_min > HALF_DAY_END))
			continue;
		others[no++] = d;
	}
	k = fill_others(others, no, lost, nl, chosen, k, quota);
	qsort(chosen, (size_t)k, sizeof chosen[0], day_cmp);
	return k;
}

/* Tries worker w at every start in the window; 0 with start set when one
 * fits, the last error otherwise. */
static int try_worker(struct gen *g, const struct plan_row *r, int64_t w,
		      const char *date, bool half, int not_before,
		      char start[HANE_HC_TIME_LEN + 1],
		      char end[HANE_HC_TIME_LEN + 1])
{
	int ws = hc_minutes(r->p.window_start),
	    we = hc_minutes(r->p.window_end);
	int dur = r->p.duration_min, rc = HANE_EEXIST;

	if (half && we > HALF_DAY_END)
		we = HALF_DAY_END;
	if (ws < not_before)
		ws = not_before;
	for (int t = ws; t + dur <= we; t += STEP_MIN) {
		hc_hhmm(start, t);
		hc_hhmm(end, t + dur);
		rc = hc_worker_fits(g->db, w, r->p.service, date, start, end,
				    r->mahalle, 0);
		/* Only "busy" can change with the time of day. */
		if (rc != HANE_EEXIST)
			return rc;
	}
	return rc;
}

/* Ids (column 0) into a list of up to max. */
struct ids {
	int64_t *out;
	int *n, max;
};

static int id_row(hane_stmt *st, void *arg)
{
	struct ids *l = arg;

	if (*l->n < l->max)
		l->out[(*l->n)++] = hane_stmt_int(st, 0);
	return 0;
}

/* Other workers who could take it, least busy that day first. */
static int auto_candidates(struct gen *g, const struct plan_row *r,
			   const char *date, int64_t *ids, int max, int *n)
{
	struct ids l = {ids, n, max};
	int64_t day;
	char wd[2];

	*n = 0;
	(void)hc_day(&day, date);
	wd[0] = (char)('0' + hane_date_weekday_of(day));
	wd[1] = '\0';
	struct hane_field p[] = {
		HC_FARR(":s", r->p.service),
		HC_FARR(":wd", wd),
		HANE_FINT(":own", r->p.worker_id),
		HANE_FTEXT(":d", date),
	};
	return hane_store_each(
		g->db,
		"SELECT w.id FROM homecare_worker w WHERE w.active"
		" AND (w.services = 'both' OR w.services = :s)"
		" AND instr(w.work_days, :wd) > 0 AND w.id <> :own"
		" ORDER BY (SELECT count(*) FROM homecare_visit v"
		"  WHERE v.worker_id = w.id AND v.date = :d"
		"  AND v.status = 'planned'), w.id",
		p, 4, id_row, &l);
}

/* Today a visit starts no earlier than the next STEP_MIN after the
 * clock (never a time already past); other days from midnight. */
static int not_before(const char *date)
{
	char now[20];
	int m;

	hane_now(now);
	if (strncmp(now, date, HANE_DATE_LEN) != 0)
		return 0;
	m = atoi(now + 11) * 60 + atoi(now + 14) +
	    (now[17] != '0' || now[18] != '0');
	return (m + STEP_MIN - 1) / STEP_MIN * STEP_MIN;
}

/* The slot's worker: the plan's own when free at the slot's time (the
 * start maybe shifted within the window), else — with auto-assign — the
 * first free candidate; the slot's note says which or why none. */
static int slot_worker(struct gen *g, const struct plan_row *r,
		       struct hane_homecare_slot *s, bool half, int nb)
{
	char start[HANE_HC_TIME_LEN + 1], end[HANE_HC_TIME_LEN + 1];
	struct hane_homecare_worker w;
	int64_t ids[64];
	int n = 0, rc;

	if (r->p.worker_id) {
		rc = try_worker(g, r, r->p.worker_id, s->date, half, nb, start,
				end);
		if (rc == 0) {
			s->worker_id = r->p.worker_id;
			if (strcmp(start, s->start) != 0)
				snprintf(s->note, sizeof s->note,
					 hane_msg(HANE_M_HC_SLOT_SHIFTED),
					 r->p.window_start, start);
			HANE_COPY(s->start, start);
			HANE_COPY(s->end, end);
		} else if (rc == HANE_EEXIST || rc == HANE_EINVAL ||
			   rc == HANE_ENOTFOUND) {
			HANE_COPY(s->note, hane_error_last());
		} else {
			return rc;
		}
	} else {
		HANE_COPY(s->note, hane_msg(HANE_M_HC_SLOT_NO_WORKER));
	}
	if (s->worker_id || !g->o->auto_assign)
		return 0;
	if ((rc = auto_candidates(g, r, s->date, ids, 64, &n)))
		return rc;
	for (int i = 0; i < n && !s->worker_id; i++) {
		rc = try_worker(g, r, ids[i], s->date, half, nb, start, end);
		if (rc == 0) {
			s->worker_id = ids[i];
			HANE_COPY(s->start, start);
			HANE_COPY(s->end, end);
		} else if (rc != HANE_EEXIST && rc != HANE_EINVAL) {
			return rc;
		}
	}
	if (!s->worker_id)
		return 0;
	if ((rc = hane_homecare_worker_get(g->db, s->worker_id, &w)))
		return rc;
	snprintf(s->note, sizeof s->note, hane_msg(HANE_M_HC_SLOT_AUTO),
		 w.name);
	return 0;
}

static int make_visit(struct gen *g, const struct plan_row *r, int64_t day)
{
	struct hane_homecare_slot s;
	struct hane_homecare_visit v;
	bool half = kind_of(g, day) == HANE_HC_HALF;
	int nb, we, rc;

	memset(&s, 0, sizeof s);
	memset(&v, 0, sizeof v);
	s.plan_id = r->p.id;
	s.client_id = r->p.client_id;
	HANE_COPY(s.client_name, r->name);
	HANE_COPY(s.service, r->p.service);
	hane_date_iso(s.date, day);
	/* Today, after the window has passed: no visit is made for a time
	 * already gone (the plan's other days carry on). */
	nb = not_before(s.date);
	we = hc_minutes(r->p.window_end);
	if (half && we > HALF_DAY_END)
		we = HALF_DAY_END;
	if (nb > 0 && nb + r->p.duration_min > we)
		return 0;
	if (nb < hc_minutes(r->p.window_start))
		nb = hc_minutes(r->p.window_start);
	hc_hhmm(s.start, nb);
	hc_hhmm(s.end, nb + r->p.duration_min);
	if ((rc = slot_worker(g, r, &s, half, nb)))
		return rc;
	hane_error_clear();
	if (s.worker_id) {
		struct hane_homecare_worker w;

		if ((rc = hane_homecare_worker_get(g->db, s.worker_id, &w)))
			return rc;
		HANE_COPY(s.worker_name, w.name);
	}
	v.client_id = s.client_id;
	v.plan_id = s.plan_id;
	HANE_COPY(v.slot_date, s.date);
	HANE_COPY(v.service, s.service);
	HANE_COPY(v.date, s.date);
	HANE_COPY(v.start_time, s.start);
	HANE_COPY(v.end_time, s.end);
	v.worker_id = s.worker_id;
	if ((rc = hc_visit_insert(g->db, &v, &s.visit_id)))
		return rc;
	if (g->o->preview)
		s.visit_id = 0;
	g->res->created++;
	if (!s.worker_id)
		g->res->unassigned++;
	if (g->fn && g->fn(&s, g->arg))
		return 1; /* stop */
	return 0;
}

static int plan_run(struct gen *g, const struct plan_row *r)
{
	int64_t d = g->from;
	int rc;

	while (d <= g->to) {
		int64_t ps, pe, chosen[31], taken[64];
		unsigned char busy[31];
		int k, nt, extra = 0;

		period_bounds(d, r->p.period, &ps, &pe);
		d = pe + 1;
		memset(busy, 0, sizeof busy);
		if ((rc = days_busy(g, r, ps, pe, busy)) ||
		    (rc = slots_taken(g, r, ps, pe, taken, &nt, 64)))
			return rc;
		k = place(g, r, ps, pe, busy, chosen);
		/* Slots of an earlier placement (the plan changed since)
		 * still count against this period's visits. */
		for (int j = 0; j < nt; j++) {
			bool in = false;

			for (int i = 0; i < k; i++)
				in = in || chosen[i] == taken[j];
			extra += !in;
		}
		for (int i = 0; i < k; i++) {
			bool have = false;

			for (int j = 0; j < nt; j++)
				have = have || taken[j] == chosen[i];
			if (have || extra > 0) {
				if (!have)
					extra--;
				if (chosen[i] >= g->from && chosen[i] <= g->to)
					g->res->existing++;
				continue;
			}
			if (chosen[i] < g->from || chosen[i] > g->to)
				continue;
			if ((rc = make_visit(g, r, chosen[i])))
				return rc;
		}
	}
	return 0;
}

int hane_homecare_schedule(
	hane_db *db, const struct hane_homecare_schedule_opts *o,
	int (*fn)(const struct hane_homecare_slot *s, void *arg), void *arg,
	struct hane_homecare_schedule_result *result)
{
	struct hane_homecare_schedule_result dummy;
	struct gen g = {db, o, fn, arg, result ? result : &dummy,
			0,  0, 0,  0,	NULL};
	struct plan_row *plans = NULL;
	size_t n = 0;
	int64_t ps, pe, ms, me;
	int rc;

	memset(g.res, 0, sizeof *g.res);
	rc = hane_can(db, o->preview ? HANE_ACT_HOMECARE_READ
				     : HANE_ACT_HOMECARE_WRITE);
	if (rc)
		return rc;
	if ((rc = hc_check_date(HANE_M_HC_F_FROM, o->from, true)) ||
	    (rc = hc_check_date(HANE_M_HC_F_TO, o->to, true)))
		return rc;
	(void)hc_day(&g.from, o->from);
	(void)hc_day(&g.to, o->to);
	if (g.to < g.from) {
		hane_error_set("%s", hane_msg(HANE_M_HC_RANGE_ORDER));
		return HANE_EINVAL;
	}
	if (g.to - g.from > 366) {
		hane_error_set("%s", hane_msg(HANE_M_HC_RANGE_TOO_LONG));
		return HANE_EINVAL;
	}
	if ((rc = hane_holiday_warning(db, o->from, o->to, g.res->warning,
				       sizeof g.res->warning)))
		return rc;
	if (o->preview && hane_store_depth(db) > 0) {
		hane_error_set("%s", hane_msg(HANE_M_HC_PREVIEW_NESTED));
		return HANE_EINVAL;
	}
	period_bounds(g.from, "week", &ps, &pe);
	period_bounds(g.from, "month", &ms, &me);
	g.lo = ps < ms ? ps : ms;
	period_bounds(g.to, "week", &ps, &pe);
	period_bounds(g.to, "month", &ms, &me);
	g.hi = pe > me ? pe : me;
	if (!(g.kinds = malloc((size_t)(g.hi - g.lo + 1))))
		return HANE_ENOMEM;
	if ((rc = hc_holidays_fill(db, g.lo, g.hi, g.kinds)) ||
	    (rc = hane_store_begin(db)))
		goto done;
	rc = load_plans(&g, &plans, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = plan_run(&g, &plans[i]);
	if (rc == 1)
		rc = 0; /* fn asked to stop */
	if (rc || o->preview) {
		char why[1024];

		snprintf(why, sizeof why, "%s", hane_error_last());
		hane_store_rollback(db);
		hane_error_set("%s", why);
	} else {
		rc = hane_store_commit(db);
	}
done:
	free(plans);
	free(g.kinds);
	return rc;
}
