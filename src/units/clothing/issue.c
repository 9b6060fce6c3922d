/* What goes out and comes in: referrals, eligibility (read from the food
 * bank's referrals and the inspection's decisions where they are kept),
 * the limit per category and period with its supervised override, issues,
 * donations and stock.
 *
 * The rules are one function, check_rules(), that both the preview
 * (hane_clothing_check, for the screen) and the write
 * (hane_clothing_issue, inside its transaction so that two counters
 * cannot both hand out the last pieces a period allows) run.
 */
#include <stdlib.h>
#include <string.h>

#include "clothing_int.h"

/* ---- Referrals ---------------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_cl_referral, __VA_ARGS__)
static const struct hane_fdef referral_fields[] = {HANE_CL_REFERRAL_FIELDS(F)};
#undef F
const struct hane_rdef hane_cl_referral_rdef =
	HANE_RDEF(struct hane_cl_referral, "clothing_referral", "clothing",
		  referral_fields);

static int active_row(hane_stmt *st, void *arg)
{
	*(int64_t *)arg = hane_stmt_int(st, 0);
	return 1;
}

static int household_active(hane_db *db, int64_t id)
{
	struct hane_field p = HANE_FINT(":id", id);
	int64_t active = 0;
	int rc = hane_store_first(db,
				  "SELECT status = 'active' FROM household"
				  " WHERE id = :id",
				  &p, 1, active_row, &active);

	if ((rc = hane_store_missing(rc, HANE_M_HOUSEHOLD_NOT_FOUND, id)) != 0)
		return rc;
	if (!active) {
		hane_error_set(hane_msg(HANE_M_CL_PASSIVE), (long long)id);
		return HANE_EINVAL;
	}
	return 0;
}

static int refer_tx(hane_db *db, void *arg)
{
	return hane_record_save(db, &hane_cl_referral_rdef, arg, NULL);
}

int hane_clothing_refer(hane_db *db, struct hane_cl_referral *r)
{
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CLOTHING_WRITE)) != 0)
		return rc;
	r->id = 0;
	r->version = 0;
	if ((rc = household_active(db, r->household_id)) != 0)
		return rc;
	hane_text_trim(r->reason);
	if (hane_text_blank(r->reason)) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_CL_F_REASON));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_text(HANE_M_CL_F_REASON, r->reason,
				  sizeof r->reason - 1, HANE_TEXT_MULTILINE)) !=
		    0 ||
	    (rc = hane_field_day(HANE_M_CL_F_FROM, r->valid_from, true)) != 0)
		return rc;
	if (r->valid_until[0]) {
		if ((rc = hane_field_day(HANE_M_CL_F_UNTIL, r->valid_until,
					 true)) != 0)
			return rc;
		if (strcmp(r->valid_until, r->valid_from) < 0)
			return hane_field_error(
				HANE_M_CL_F_UNTIL,
				hane_msg(HANE_M_CL_UNTIL_BEFORE));
	}
	return hane_store_tx(db, refer_tx, r);
}

/* ---- Eligibility ---------------------------------------------------------------- */

static int elig_row(hane_stmt *st, void *arg)
{
	struct hane_cl_eligibility *e = arg;

	e->eligible = true;
	HANE_COPY(e->source, hane_stmt_text(st, 0));
	e->referral_id = hane_stmt_int(st, 1);
	HANE_COPY(e->until, hane_stmt_text(st, 2));
	return 1;
}

static int person_row(hane_stmt *st, void *arg)
{
	struct hane_cl_issue *is = arg;

	is->household_id = hane_stmt_int(st, 0);
	snprintf(is->person, sizeof is->person, "%s %s", hane_stmt_text(st, 1),
		 hane_stmt_text(st, 2));
	return 1;
}

/* The person's household and name into is. */
static int person_of(hane_db *db, struct hane_cl_issue *is)
{
	struct hane_field p = HANE_FINT(":p", is->person_id);
	int rc = hane_store_first(db,
				  "SELECT household_id, first_name, last_name"
				  " FROM person WHERE id = :p",
				  &p, 1, person_row, is);

	return hane_store_missing(rc, HANE_M_PERSON_NOT_FOUND, is->person_id);
}

/* One query over the three sources, in the order the office trusts
 * them: the food bank's referral (itself made from an inspection
 * decision or by hand), the inspection's aid decision, the store's own
 * referral. */
static int eligibility(hane_db *db, int64_t household_id, const char *date,
		       struct hane_cl_eligibility *e)
{
	struct hane_field p[] = {HANE_FINT(":h", household_id),
				 CL_TEXT(":d", date)};

	memset(e, 0, sizeof *e);
	e->household_id = household_id;
	return hane_store_each(
		db,
		"SELECT source, id, until FROM ("
		" SELECT 1 AS k, 'foodbank' AS source, id,"
		"  coalesce(valid_until, '') AS until"
		"  FROM fb_referral WHERE household_id = :h"
		"  AND valid_from <= :d"
		"  AND (valid_until IS NULL OR valid_until >= :d)"
		" UNION ALL"
		" SELECT 2, 'inspection', d.id,"
		"  coalesce(d.end_on, date(d.decided_on, '+1 year'))"
		"  FROM inspection_decision d"
		"  JOIN inspection_request r ON r.id = d.request_id"
		"  WHERE r.household_id = :h AND d.outcome = 'aid'"
		"  AND d.decided_on <= :d"
		"  AND coalesce(d.end_on, date(d.decided_on, '+1 year')) >= :d"
		" UNION ALL"
		" SELECT 3, 'clothing', id, coalesce(valid_until, '')"
		"  FROM clothing_referral WHERE household_id = :h"
		"  AND valid_from <= :d"
		"  AND (valid_until IS NULL OR valid_until >= :d)"
		") ORDER BY k, until = '' DESC, until DESC, id DESC LIMIT 1",
		p, 2, elig_row, e);
}

int hane_clothing_eligibility(hane_db *db, int64_t person_id, const char *date,
			      struct hane_cl_eligibility *e)
{
	struct hane_cl_issue is = {0};
	int rc;

	memset(e, 0, sizeof *e);
	if ((rc = hane_can(db, HANE_ACT_CLOTHING_READ)) != 0)
		return rc;
	HANE_COPY(is.date, date ? date : "");
	is.person_id = person_id;
	if ((rc = hane_field_day(HANE_M_CL_F_DATE, is.date, true)) != 0 ||
	    (rc = person_of(db, &is)) != 0)
		return rc;
	return eligibility(db, is.household_id, is.date, e);
}

/* ---- The rules -------------------------------------------------------------------- */

static int int_row(hane_stmt *st, void *arg)
{
	*(int64_t *)arg = hane_stmt_int(st, 0);
	return 1;
}

/* Pieces of category given to person in [from, next). */
static int given_in(hane_db *db, int64_t person, int64_t category,
		    const char *from, const char *next, int64_t *given)
{
	struct hane_field p[] = {HANE_FINT(":p", person),
				 HANE_FINT(":c", category), CL_TEXT(":f", from),
				 CL_TEXT(":n", next)};

	*given = 0;
	return hane_store_each(
		db,
		"SELECT coalesce(sum(l.qty), 0)"
		" FROM clothing_issue i"
		" JOIN clothing_issue_line l ON l.issue_id = i.id"
		" WHERE i.person_id = :p AND l.category_id = :c"
		" AND i.date >= :f AND i.date < :n",
		p, 4, int_row, given);
}

static int stock_of(hane_db *db, int64_t category, int64_t *have)
{
	struct hane_field p = HANE_FINT(":c", category);

	*have = 0;
	return hane_store_each(
		db,
		"SELECT (SELECT coalesce(sum(qty), 0) FROM "
		"clothing_donation_line"
		"  WHERE category_id = :c)"
		" - (SELECT coalesce(sum(qty), 0) FROM clothing_issue_line"
		"  WHERE category_id = :c)",
		&p, 1, int_row, have);
}

/* Per category of the issue (the same category twice adds up): its
 * limit against what the person was given this period, and the stock. */
static int limits(hane_db *db, const struct hane_cl_issue *is,
		  struct hane_cl_check *c)
{
	int rc;

	for (size_t i = 0; i < is->nlines; i++) {
		const struct hane_cl_line *l = &is->lines[i];
		struct hane_cl_category cat;
		int64_t given = 0, have = 0;
		int asked = 0;
		bool seen = false;

		for (size_t j = 0; j < i; j++)
			seen |= is->lines[j].category_id == l->category_id;
		if (seen)
			continue;
		for (size_t j = i; j < is->nlines; j++)
			if (is->lines[j].category_id == l->category_id)
				asked += is->lines[j].qty;
		if ((rc = hane_record_get(db, &hane_cl_category_rdef,
					  l->category_id, &cat)) != 0)
			return rc;
		if ((rc = stock_of(db, l->category_id, &have)) != 0)
			return rc;
		if (have - asked < 0) {
			c->short_category[c->nshort] = l->category_id;
			c->short_have[c->nshort++] = have;
		}
		if (cat.limit_qty <= 0)
			continue;
		if ((rc = given_in(db, is->person_id, l->category_id,
				   c->period_from, c->period_next, &given)) !=
		    0)
			return rc;
		if (given + asked > cat.limit_qty) {
			struct hane_cl_limit *m = &c->limited[c->nlimited++];

			m->category_id = cat.id;
			if ((rc = cl_category_name(db, cat.id, m->category,
						   sizeof m->category)) != 0)
				return rc;
			m->limit = cat.limit_qty;
			m->given = (int)given;
			m->asked = asked;
		}
	}
	return 0;
}

/* Every rule, in the order a caseworker would ask: who (person,
 * household, eligibility), what (lines), how much (the limits), is it
 * there (stock: a warning). Fills c and is's defaults. */
static int check_rules(hane_db *db, struct hane_cl_issue *is,
		       struct hane_cl_check *c)
{
	char reason[256], day[2][HANE_DATE_LEN + 1];
	int months = 6, rc;

	memset(c, 0, sizeof *c);
	if ((rc = person_of(db, is)) != 0 ||
	    (rc = household_active(db, is->household_id)) != 0 ||
	    (rc = hane_field_day(HANE_M_CL_F_DATE, is->date, false)) != 0 ||
	    (rc = cl_lines_check(db, is->lines, is->nlines, false)) != 0)
		return rc;
	if ((rc = hane_field_text(HANE_M_CL_F_NOTES, is->notes,
				  sizeof is->notes - 1, HANE_TEXT_MULTILINE)) !=
		    0 ||
	    (rc = hane_field_text(HANE_M_CL_F_OVERRIDE, is->override_reason,
				  sizeof is->override_reason - 1,
				  HANE_TEXT_MULTILINE)) != 0)
		return rc;
	{
		int64_t m = 6;

		if ((rc = hane_store_each(db,
					  "SELECT period_months"
					  " FROM clothing_setting",
					  NULL, 0, int_row, &m)) != 0)
			return rc;
		months = (int)m;
	}
	if ((rc = hane_clothing_period_of(is->date, months, c->period_from,
					  c->period_next)) != 0 ||
	    (rc = eligibility(db, is->household_id, is->date, &c->elig)) != 0 ||
	    (rc = limits(db, is, c)) != 0)
		return rc;
	if (!c->elig.eligible) {
		hane_error_set(hane_msg(HANE_M_CL_NOT_ELIGIBLE), is->person,
			       hane_date_format(day[0], is->date),
			       (long long)is->household_id);
		return HANE_EPERM;
	}
	HANE_COPY(is->source, c->elig.source);
	is->referral_id = c->elig.referral_id;
	if (!c->nlimited)
		return 0;
	snprintf(reason, sizeof reason, "%s", is->override_reason);
	hane_text_trim(reason);
	if (reason[0]) {
		/* Only a supervisor may let an issue through a limit. */
		if ((rc = hane_can(db, HANE_ACT_CLOTHING_OVERRIDE)) != 0)
			return rc;
		c->overridden = true;
		return 0;
	}
	hane_error_set(hane_msg(HANE_M_CL_LIMIT), c->limited[0].category,
		       c->limited[0].given, c->limited[0].limit,
		       c->limited[0].asked,
		       hane_date_format(day[1], c->period_next));
	return HANE_EPERM;
}

int hane_clothing_check(hane_db *db, struct hane_cl_issue *is,
			struct hane_cl_check *c)
{
	int rc;

	memset(c, 0, sizeof *c);
	if ((rc = hane_can(db, HANE_ACT_CLOTHING_READ)) != 0)
		return rc;
	return check_rules(db, is, c);
}

struct issue_args {
	struct hane_cl_issue *is;
	struct hane_cl_check *c;
};

#define F(...) HANE_FDEF(struct hane_cl_issue, __VA_ARGS__)
static const struct hane_fdef issue_fields[] = {HANE_CL_ISSUE_FIELDS(F)};
#undef F
const struct hane_rdef hane_cl_issue_rdef = HANE_RDEF(
	struct hane_cl_issue, "clothing_issue", "clothing", issue_fields);

/* JSON text of s into the end of out (quotes and backslashes escaped,
 * control characters as spaces). */
static void json_append(char *out, size_t outsz, const char *s)
{
	for (const char *p = s; *p; p++) {
		size_t len = strlen(out);

		if (len + 4 >= outsz)
			break;
		if (*p == '"' || *p == '\\')
			out[len++] = '\\';
		out[len++] = (unsigned char)*p < 0x20 ? ' ' : *p;
		out[len] = '\0';
	}
}

static int issue_tx(hane_db *db, void *arg)
{
	struct issue_args *a = arg;
	struct hane_cl_issue *is = a->is, row;
	struct hane_cl_check *c = a->c;
	char detail[768];
	int rc;

	if ((rc = check_rules(db, is, c)) != 0)
		return rc;
	row = *is;
	hane_text_trim(row.override_reason);
	hane_text_trim(row.notes);
	if (!c->overridden)
		row.override_reason[0] = '\0';
	if ((rc = hane_record_save(db, &hane_cl_issue_rdef, &row, NULL)) != 0)
		return rc;
	is->id = row.id;
	is->version = row.version;
	for (size_t i = 0; i < is->nlines; i++) {
		const struct hane_cl_line *l = &is->lines[i];
		struct hane_field f[] = {
			HANE_FINT(":i", is->id),
			HANE_FINT(":c", l->category_id),
			CL_TEXT(":s", l->size),
			HANE_FINT(":q", l->qty),
		};

		/* Lines are the issue's: the issue's audit row covers
		 * them, as a distribution's covers its items. */
		if ((rc = hane_store_run(
			     db,
			     "INSERT INTO clothing_issue_line"
			     " (issue_id, category_id, size, qty,"
			     " created_at)"
			     " VALUES (:i, :c, nullif(:s, ''), :q,"
			     " (SELECT created_at FROM clothing_issue"
			     "  WHERE id = :i))",
			     f, 4)) != 0)
			return rc;
	}
	if (!c->overridden)
		return 0;
	/* The row already says who and why; the event names the limit it
	 * passed, which the row alone does not. */
	snprintf(detail, sizeof detail,
		 "{\"category\":\"%s\",\"limit\":%d,\"given\":%d,\"asked\":%d,"
		 "\"period\":\"%s\",\"person_id\":%lld,\"reason\":\"",
		 c->limited[0].category, c->limited[0].limit,
		 c->limited[0].given, c->limited[0].asked, c->period_from,
		 (long long)is->person_id);
	json_append(detail, sizeof detail, row.override_reason);
	strncat(detail, "\"}", sizeof detail - strlen(detail) - 1);
	return hane_store_audit_event(db, "clothing.override", "clothing_issue",
				      is->id, detail);
}

int hane_clothing_issue(hane_db *db, struct hane_cl_issue *is,
			struct hane_cl_check *c)
{
	struct hane_cl_check local;
	struct issue_args a = {is, c ? c : &local};
	int rc;

	is->id = 0;
	is->version = 0;
	memset(a.c, 0, sizeof *a.c);
	if ((rc = hane_can(db, HANE_ACT_CLOTHING_WRITE)) != 0)
		return rc;
	if ((rc = hane_store_tx(db, issue_tx, &a)) != 0) {
		is->id = 0;
		return rc;
	}
	if (a.c->nshort) {
		char name[96] = "";

		if (cl_category_name(db, a.c->short_category[0], name,
				     sizeof name) != 0)
			name[0] = '\0';
		hane_error_set(hane_msg(HANE_M_CL_SHORT), name,
			       (long long)a.c->short_have[0]);
	} else {
		hane_error_clear();
	}
	return 0;
}

/* ---- Lists ------------------------------------------------------------------------ */

/* Lines of a parent (an issue or a donation) by the constant sql that
 * selects category_id, code, size, qty with :id. */
struct lines_read {
	struct hane_cl_line *v;
	size_t *n;
};

static int line_row(hane_stmt *st, void *arg)
{
	struct lines_read *r = arg;
	struct hane_cl_line *l;

	if (*r->n >= HANE_CL_LINES_MAX)
		return 1;
	l = &r->v[(*r->n)++];
	memset(l, 0, sizeof *l);
	l->category_id = hane_stmt_int(st, 0);
	HANE_COPY(l->category, hane_stmt_text(st, 1));
	HANE_COPY(l->size, hane_stmt_text(st, 2));
	l->qty = (int)hane_stmt_int(st, 3);
	return 0;
}

static int lines_of(hane_db *db, const char *sql, int64_t id,
		    struct hane_cl_line *v, size_t *n)
{
	struct lines_read r = {v, n};
	struct hane_field p = HANE_FINT(":id", id);

	*n = 0;
	return hane_store_each(db, sql, &p, 1, line_row, &r);
}

struct walk {
	hane_db *db;
	int (*issue_fn)(const struct hane_cl_issue *is, void *arg);
	int (*donation_fn)(const struct hane_cl_donation *d, void *arg);
	void *arg;
};

static int issue_row(const void *rec, void *arg)
{
	const struct walk *w = arg;
	struct hane_cl_issue is = *(const struct hane_cl_issue *)rec;
	int rc;

	if ((rc = person_of(w->db, &is)) != 0 && rc != HANE_ENOTFOUND)
		return rc;
	if ((rc = lines_of(w->db,
			   "SELECT l.category_id, c.code, coalesce(l.size, ''),"
			   " l.qty FROM clothing_issue_line l"
			   " JOIN clothing_category c ON c.id = l.category_id"
			   " WHERE l.issue_id = :id ORDER BY l.id",
			   is.id, is.lines, &is.nlines)) != 0)
		return rc;
	return w->issue_fn(&is, w->arg);
}

int hane_clothing_issues(hane_db *db, int64_t person_id, int limit,
			 int (*fn)(const struct hane_cl_issue *is, void *arg),
			 void *arg)
{
	struct walk w = {db, fn, NULL, arg};
	struct hane_field p[] = {HANE_FINT(":p", person_id),
				 HANE_FINT(":lim", limit > 0 ? limit : -1)};
	int rc = hane_can(db, HANE_ACT_CLOTHING_READ);

	if (rc)
		return rc;
	rc = hane_record_list(db, &hane_cl_issue_rdef,
			      " WHERE :p = 0 OR t.person_id = :p"
			      " ORDER BY t.date DESC, t.id DESC LIMIT :lim",
			      p, 2, issue_row, &w);
	return rc < 0 ? rc : 0;
}

/* ---- Donations and stock -------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_cl_donation, __VA_ARGS__)
static const struct hane_fdef donation_fields[] = {HANE_CL_DONATION_FIELDS(F)};
#undef F
const struct hane_rdef hane_cl_donation_rdef =
	HANE_RDEF(struct hane_cl_donation, "clothing_donation", "clothing",
		  donation_fields);

static int donate_tx(hane_db *db, void *arg)
{
	struct hane_cl_donation *d = arg;
	int rc;

	if ((rc = cl_lines_check(db, d->lines, d->nlines, true)) != 0 ||
	    (rc = hane_record_save(db, &hane_cl_donation_rdef, d, NULL)) != 0)
		return rc;
	for (size_t i = 0; i < d->nlines; i++) {
		struct hane_field f[] = {
			HANE_FINT(":d", d->id),
			HANE_FINT(":c", d->lines[i].category_id),
			HANE_FINT(":q", d->lines[i].qty),
		};

		if ((rc = hane_store_run(
			     db,
			     "INSERT INTO clothing_donation_line"
			     " (donation_id, category_id, qty,"
			     " created_at)"
			     " VALUES (:d, :c, :q,"
			     " (SELECT created_at FROM clothing_donation"
			     "  WHERE id = :d))",
			     f, 3)) != 0)
			return rc;
	}
	return 0;
}

int hane_clothing_donate(hane_db *db, struct hane_cl_donation *d)
{
	int rc;

	d->id = 0;
	d->version = 0;
	if ((rc = hane_can(db, HANE_ACT_CLOTHING_WRITE)) != 0)
		return rc;
	hane_text_trim(d->donor);
	hane_text_trim(d->notes);
	if ((rc = hane_field_day(HANE_M_CL_F_DATE, d->date, false)) != 0 ||
	    (rc = hane_field_text(HANE_M_CL_F_DONOR, d->donor,
				  sizeof d->donor - 1, HANE_TEXT_LINE)) != 0 ||
	    (rc = hane_field_text(HANE_M_CL_F_NOTES, d->notes,
				  sizeof d->notes - 1, HANE_TEXT_MULTILINE)) !=
		    0)
		return rc;
	if ((rc = hane_store_tx(db, donate_tx, d)) != 0)
		d->id = 0;
	return rc;
}

static int donation_row(const void *rec, void *arg)
{
	const struct walk *w = arg;
	struct hane_cl_donation d = *(const struct hane_cl_donation *)rec;
	int rc;

	if ((rc = lines_of(w->db,
			   "SELECT l.category_id, c.code, '', l.qty"
			   " FROM clothing_donation_line l"
			   " JOIN clothing_category c ON c.id = l.category_id"
			   " WHERE l.donation_id = :id ORDER BY l.id",
			   d.id, d.lines, &d.nlines)) != 0)
		return rc;
	return w->donation_fn(&d, w->arg);
}

int hane_clothing_donations(
	hane_db *db, const char *from, const char *to, int limit,
	int (*fn)(const struct hane_cl_donation *d, void *arg), void *arg)
{
	struct walk w = {db, NULL, fn, arg};
	struct hane_field p[] = {CL_TEXT(":from", from ? from : ""),
				 CL_TEXT(":to", to ? to : ""),
				 HANE_FINT(":lim", limit > 0 ? limit : -1)};
	int rc = hane_can(db, HANE_ACT_CLOTHING_READ);

	if (rc)
		return rc;
	rc = hane_record_list(db, &hane_cl_donation_rdef,
			      " WHERE (:from = '' OR t.date >= :from)"
			      " AND (:to = '' OR t.date <= :to)"
			      " ORDER BY t.date DESC, t.id DESC LIMIT :lim",
			      p, 3, donation_row, &w);
	return rc < 0 ? rc : 0;
}

static void read_stock(hane_stmt *st, struct hane_cl_stock_row *r)
{
	bool en = hane_lang_get() == HANE_LANG_EN;

	r->category_id = hane_stmt_int(st, 0);
	HANE_COPY(r->code, hane_stmt_text(st, 1));
	HANE_COPY(r->category, hane_stmt_text(st, en ? 3 : 2));
	r->in = hane_stmt_int(st, 4);
	r->out = hane_stmt_int(st, 5);
}

HANE_STORE_EACH_ROW(stock, struct hane_cl_stock_row, read_stock)

int hane_clothing_stock(hane_db *db,
			int (*fn)(const struct hane_cl_stock_row *r, void *arg),
			void *arg)
{
	struct stock_each e = {fn, arg};
	int rc = hane_can(db, HANE_ACT_CLOTHING_READ);

	return rc ? rc
		  : hane_store_each(db,
				    "SELECT c.id, c.code, c.name_tr, c.name_en,"
				    " (SELECT coalesce(sum(qty), 0)"
				    "  FROM clothing_donation_line"
				    "  WHERE category_id = c.id),"
				    " (SELECT coalesce(sum(qty), 0)"
				    "  FROM clothing_issue_line"
				    "  WHERE category_id = c.id)"
				    " FROM clothing_category c ORDER BY c.id",
				    NULL, 0, stock_row, &e);
}
