/* What goes out: referrals (who may receive food), the distribution rules
 * (eligibility, frequency limit and its supervised override, stock
 * warnings), stock and the "not served for N days" follow-up list.
 *
 * The rules are one function, check_rules(), that both the preview
 * (hane_foodbank_check, for the screen) and the write
 * (hane_foodbank_distribute, inside its transaction so two counters
 * cannot both hand out the last allowed package) run.
 */
#include <stdlib.h>
#include <string.h>

#include "foodbank_int.h"

/* ---- Referrals -------------------------------------------------------------- */

struct household_status {
	int members;
	bool active;
};

static int household_row(hane_stmt *st, void *arg)
{
	struct household_status *h = arg;

	h->active = hane_stmt_int(st, 0) != 0;
	h->members = (int)hane_stmt_int(st, 1);
	return 0;
}

static int household_status(hane_db *db, int64_t id, int *members, bool *active)
{
	struct household_status h = {0, false};
	struct hane_field p = HANE_FINT(":id", id);
	int rc = hane_store_first(
		db,
		"SELECT h.status = 'active',"
		" (SELECT count(*) FROM person p WHERE p.household_id = h.id)"
		" FROM household h WHERE h.id = :id",
		&p, 1, household_row, &h);

	hane_store_missing(rc, HANE_M_HOUSEHOLD_NOT_FOUND, id);
	*members = h.members;
	*active = h.active;
	return rc;
}

struct refer_args {
	int64_t household_id;
	const char *source;
	int64_t decision_id;
	const char *reason;
	const char *from;
	const char *until;
	int64_t *id;
};

#define F(...) HANE_FDEF(struct hane_fb_referral, __VA_ARGS__)
static const struct hane_fdef referral_fields[] = {HANE_FB_REFERRAL_FIELDS(F)};
#undef F
const struct hane_rdef hane_fb_referral_rdef = HANE_RDEF(
	struct hane_fb_referral, "fb_referral", "foodbank", referral_fields);

static int refer_tx(hane_db *db, void *arg)
{
	struct refer_args *a = arg;
	struct hane_fb_referral r = {0};
	struct hane_field d = HANE_FINT(":d", a->decision_id);
	int rc = 0;

	/* The same decision again (edited or ended): one referral per
	 * decision, kept up to date. */
	if (a->decision_id)
		rc = hane_record_first(db, &hane_fb_referral_rdef,
				       " WHERE t.decision_id = :d"
				       " AND t.source = 'inspection'",
				       &d, 1, &r);
	if (rc && rc != HANE_ENOTFOUND)
		return rc;
	if (r.id && r.household_id != a->household_id) {
		hane_error_set(hane_msg(HANE_M_FB_DECISION_OTHER),
			       (long long)a->decision_id,
			       (long long)r.household_id);
		return HANE_EINVAL;
	}
	r.household_id = a->household_id;
	HANE_COPY(r.source, a->source);
	r.decision_id = a->decision_id;
	HANE_COPY(r.reason, a->reason ? a->reason : "");
	HANE_COPY(r.valid_from, a->from);
	HANE_COPY(r.valid_until, a->until ? a->until : "");
	if ((rc = hane_record_save(db, &hane_fb_referral_rdef, &r, NULL)) != 0)
		return rc;
	if (a->id)
		*a->id = r.id;
	return 0;
}

int hane_foodbank_refer(hane_db *db, int64_t household_id, const char *source,
			int64_t decision_id, const char *reason,
			const char *valid_from, const char *valid_until,
			int64_t *id)
{
	char from[HANE_DATE_LEN + 1] = "", until[HANE_DATE_LEN + 1] = "";
	char why[256] = "";
	struct refer_args a;
	bool active = false, inspection;
	int members = 0, rc;

	if (id)
		*id = 0;
	inspection = source && strcmp(source, "inspection") == 0;
	if (!inspection && (!source || strcmp(source, "manual") != 0)) {
		hane_error_set(hane_msg(HANE_M_FB_SOURCE_BAD),
			       source ? source : "");
		return HANE_EINVAL;
	}
	/* The inspection unit calls this when a food decision is approved;
	 * its decider need not hold foodbank.write. */
	rc = hane_can(db, HANE_ACT_FOODBANK_WRITE);
	if (rc && inspection && hane_can(db, HANE_ACT_INSPECTION_DECIDE) == 0)
		rc = 0;
	if (rc)
		return rc;
	if ((rc = household_status(db, household_id, &members, &active)) != 0)
		return rc;
	snprintf(why, sizeof why, "%s", reason ? reason : "");
	hane_text_trim(why);
	if (!hane_utf8_valid(why, strlen(why)))
		return fb_field_error(HANE_M_FB_F_REASON,
				      hane_strerror(HANE_EINVAL));
	if (inspection && decision_id <= 0) {
		hane_error_set("%s", hane_msg(HANE_M_FB_DECISION_REQUIRED));
		return HANE_EINVAL;
	}
	if (!inspection && !why[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_FB_F_REASON));
		return HANE_EINVAL;
	}
	snprintf(from, sizeof from, "%s", valid_from ? valid_from : "");
	if ((rc = hane_field_day(HANE_M_FB_F_FROM, from, true)) != 0)
		return rc;
	if (valid_until && *valid_until) {
		snprintf(until, sizeof until, "%s", valid_until);
		if ((rc = hane_field_day(HANE_M_FB_F_UNTIL, until, true)) != 0)
			return rc;
		if (strcmp(until, from) < 0)
			return fb_field_error(HANE_M_FB_F_UNTIL,
					      hane_msg(HANE_M_FB_UNTIL_BEFORE));
	}
	a.household_id = household_id;
	a.source = inspection ? "inspection" : "manual";
	a.decision_id = inspection ? decision_id : 0;
	a.reason = why[0] ? why : NULL;
	a.from = from;
	a.until = until[0] ? until : NULL;
	a.id = id;
	return hane_store_tx(db, refer_tx, &a);
}

HANE_RECORD_EACH_FN(referral, struct hane_fb_referral)

int hane_foodbank_referrals(hane_db *db, int64_t household_id,
			    int (*fn)(const struct hane_fb_referral *r,
				      void *arg),
			    void *arg)
{
	struct referral_each e = {fn, arg};
	struct hane_field h = HANE_FINT(":h", household_id);

	return fb_walk(db, &hane_fb_referral_rdef,
		       " WHERE (:h = 0 OR t.household_id = :h)"
		       " ORDER BY t.valid_from DESC, t.id DESC",
		       &h, 1, NULL, referral_call, &e);
}

/* ---- Eligibility ----------------------------------------------------------------- */

static int referral_row(hane_stmt *st, void *arg)
{
	struct hane_fb_check *c = arg;

	c->eligible = true;
	c->referral_id = hane_stmt_int(st, 0);
	HANE_COPY(c->referral_source, hane_stmt_text(st, 1));
	HANE_COPY(c->referral_until, hane_stmt_text(st, 2));
	return 1;
}

static int last_visit_row(hane_stmt *st, void *arg)
{
	struct hane_fb_check *c = arg;

	HANE_COPY(c->last_visit, hane_stmt_text(st, 0));
	HANE_COPY(c->last_visit_package,
		  hane_stmt_text(st, hane_lang_get() == HANE_LANG_EN ? 2 : 1));
	return 1;
}

/* Fills the eligibility and last-visit fields of c for date (ISO). */
static int eligibility(hane_db *db, int64_t household_id, const char *date,
		       struct hane_fb_check *c)
{
	struct hane_field p[] = {HANE_FINT(":h", household_id),
				 HANE_FTEXT(":d", date)};
	int rc = hane_store_each(
		db,
		"SELECT id, source, coalesce(valid_until, '')"
		" FROM fb_referral WHERE household_id = :h"
		" AND valid_from <= :d"
		" AND (valid_until IS NULL OR valid_until >= :d)"
		" ORDER BY valid_until IS NULL DESC, valid_until DESC, id DESC"
		" LIMIT 1",
		p, 2, referral_row, c);

	return rc ? rc
		  : hane_store_each(
			    db,
			    "SELECT d.date, p.name_tr, p.name_en"
			    " FROM fb_distribution d JOIN fb_package_type p"
			    " ON p.id = d.package_id"
			    " WHERE d.household_id = :h AND d.date <= :d"
			    " ORDER BY d.date DESC, d.id DESC LIMIT 1",
			    p, 2, last_visit_row, c);
}

int hane_foodbank_eligibility(hane_db *db, int64_t household_id,
			      const char *date, struct hane_fb_check *c)
{
	char day[HANE_DATE_LEN + 1] = "";
	bool active;
	int members, rc;

	memset(c, 0, sizeof *c);
	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	snprintf(day, sizeof day, "%s", date ? date : "");
	if ((rc = hane_field_day(HANE_M_FB_F_DATE, day, true)) != 0)
		return rc;
	if ((rc = household_status(db, household_id, &members, &active)) != 0)
		return rc;
	return eligibility(db, household_id, day, c);
}

/* ---- Stock ----------------------------------------------------------------------- */

static int int_row(hane_stmt *st, void *arg)
{
	*(int64_t *)arg = hane_stmt_int(st, 0);
	return 1;
}

static int stock_of(hane_db *db, int64_t branch_id, const char *category,
		    const char *unit, int64_t *have)
{
	struct hane_field p[] = {HANE_FINT(":b", branch_id),
				 HANE_FTEXT(":c", category),
				 HANE_FTEXT(":u", unit)};

	*have = 0;
	/* fb_stock is kept by triggers (008_foodbank_stock.sql). */
	return hane_store_each(db,
			       "SELECT in_milli - out_milli FROM fb_stock"
			       " WHERE branch_id = :b AND category = :c"
			       " AND unit = :u",
			       p, 3, int_row, have);
}

static void read_stock(hane_stmt *st, struct hane_fb_stock_row *r)
{
	memset(r, 0, sizeof *r);
	r->branch_id = hane_stmt_int(st, 0);
	HANE_COPY(r->branch, hane_stmt_text(st, 1));
	HANE_COPY(r->category, hane_stmt_text(st, 2));
	HANE_COPY(r->unit, hane_stmt_text(st, 3));
	r->in_milli = hane_stmt_int(st, 4);
	r->out_milli = hane_stmt_int(st, 5);
}

HANE_STORE_EACH_ROW(stock, struct hane_fb_stock_row, read_stock)

int hane_foodbank_stock(hane_db *db, int64_t branch_id,
			int (*fn)(const struct hane_fb_stock_row *r, void *arg),
			void *arg)
{
	struct stock_each e = {fn, arg};
	struct hane_field p = HANE_FINT(":b", branch_id);
	int rc = hane_can(db, HANE_ACT_FOODBANK_READ);

	return rc ? rc
		  : hane_store_each(db,
				    "SELECT b.id, b.name, s.category, s.unit,"
				    " s.in_milli, s.out_milli FROM fb_stock s"
				    " JOIN fb_branch b ON b.id = s.branch_id"
				    " WHERE (:b = 0 OR b.id = :b)"
				    " AND (s.in_milli <> 0 OR s.out_milli <> 0)"
				    " ORDER BY b.id, s.category, s.unit",
				    &p, 1, stock_row, &e);
}

/* ---- The rules -------------------------------------------------------------------- */

/* The package's contents for a household of members persons. */
static int package_items(hane_db *db, int64_t package_id, int members,
			 struct hane_fb_item *items, size_t *n)
{
	struct hane_field p[] = {HANE_FINT(":n", members),
				 HANE_FINT(":p", package_id)};

	return fb_items_read(db,
			     "SELECT category, unit,"
			     " base_milli + per_person_milli * :n"
			     " FROM fb_package_item WHERE package_id = :p"
			     " ORDER BY id",
			     p, 2, items, n);
}

/* The last package of the same type within limit_days of date (either
 * side: a back-dated entry must not make room for a second package). */
static int last_row(hane_stmt *st, void *arg)
{
	struct hane_fb_check *c = arg;

	c->limited = true;
	c->last_id = hane_stmt_int(st, 0);
	HANE_COPY(c->last_date, hane_stmt_text(st, 1));
	HANE_COPY(c->next_date, hane_stmt_text(st, 2));
	return 1;
}

static int last_within(hane_db *db, const struct hane_fb_distribution *d,
		       const struct hane_fb_package *p, struct hane_fb_check *c)
{
	struct hane_field f[] = {
		HANE_FINT(":n", p->limit_days),
		HANE_FINT(":h", d->household_id),
		HANE_FINT(":p", p->id),
		FB_TEXT(":d", d->date),
	};

	return hane_store_each(
		db,
		"SELECT id, date, date(date, '+' || :n || ' days')"
		" FROM fb_distribution WHERE household_id = :h"
		" AND package_id = :p"
		" AND date > date(:d, '-' || :n || ' days')"
		" AND date < date(:d, '+' || :n || ' days')"
		" ORDER BY date DESC, id DESC LIMIT 1",
		f, 4, last_row, c);
}

/* Every rule, in the order a caseworker would ask: who (household,
 * eligibility), what (package, items), how often (limit), is it there
 * (stock). Fills c and d's defaults; *pkg gets the package. */
/* The items handed out: the package's for the household's size when none
 * are given, else the given ones, checked. */
static int items_of(hane_db *db, struct hane_fb_distribution *d,
		    const struct hane_fb_package *pkg)
{
	int rc;

	if (d->members < 1)
		d->members = 1;
	if (d->nitems == 0) {
		if ((rc = package_items(db, pkg->id, d->members, d->items,
					&d->nitems)) != 0)
			return rc;
	} else {
		if (d->nitems > HANE_FB_ITEMS_MAX)
			d->nitems = HANE_FB_ITEMS_MAX;
		for (size_t i = 0; i < d->nitems; i++)
			if ((rc = fb_item_check(&d->items[i])) != 0)
				return rc;
	}
	return 0;
}

/* Stock: a warning only — the shelf may hold what was never entered, and
 * a family at the counter is not sent away for a bookkeeping gap. The
 * same category twice adds up. Shortages go into c. */
static int stock_check(hane_db *db, const struct hane_fb_distribution *d,
		       struct hane_fb_check *c)
{
	int rc;

	for (size_t i = 0; i < d->nitems && c->nshort < HANE_FB_SHORT_MAX;
	     i++) {
		int64_t have = 0, need = 0;
		bool seen = false;

		for (size_t j = 0; j < i; j++)
			if (!strcmp(d->items[j].category,
				    d->items[i].category) &&
			    !strcmp(d->items[j].unit, d->items[i].unit))
				seen = true;
		if (seen)
			continue;
		for (size_t j = i; j < d->nitems; j++)
			if (!strcmp(d->items[j].category,
				    d->items[i].category) &&
			    !strcmp(d->items[j].unit, d->items[i].unit))
				need += d->items[j].qty_milli;
		if ((rc = stock_of(db, d->branch_id, d->items[i].category,
				   d->items[i].unit, &have)) != 0)
			return rc;
		if (have - need < 0) {
			int k = c->nshort++;

			snprintf(c->shortage[k].category,
				 sizeof c->shortage[k].category, "%s",
				 d->items[i].category);
			snprintf(c->shortage[k].unit,
				 sizeof c->shortage[k].unit, "%s",
				 d->items[i].unit);
			c->shortage[k].have_milli = have;
			c->shortage[k].need_milli = need;
		}
	}
	return 0;
}

static int check_rules(hane_db *db, struct hane_fb_distribution *d,
		       struct hane_fb_check *c, struct hane_fb_package *pkg)
{
	struct hane_fb_branch b;
	char reason[256], date[2][HANE_DATE_LEN + 1];
	bool active = false;
	int rc;

	memset(c, 0, sizeof *c);
	if ((rc = household_status(db, d->household_id, &d->members,
				   &active)) != 0)
		return rc;
	if (!active) {
		hane_error_set(hane_msg(HANE_M_FB_PASSIVE),
			       (long long)d->household_id);
		return HANE_EINVAL;
	}
	if ((rc = hane_foodbank_branch_get(db, d->branch_id, &b)) != 0)
		return rc;
	snprintf(d->branch, sizeof d->branch, "%s", b.name);
	if ((rc = hane_foodbank_package_find(db, d->package, pkg)) != 0)
		return rc;
	if (!pkg->active) {
		hane_error_set(hane_msg(HANE_M_FB_PACKAGE_INACTIVE), pkg->name);
		return HANE_EINVAL;
	}
	snprintf(d->package, sizeof d->package, "%s", pkg->code);
	snprintf(d->package_name, sizeof d->package_name, "%s", pkg->name);
	if ((rc = hane_field_day(HANE_M_FB_F_DATE, d->date, false)) != 0)
		return rc;
	if (d->value_kurus < 0)
		return fb_field_error(HANE_M_FB_F_VALUE,
				      hane_msg(HANE_M_FB_NEGATIVE));
	if ((rc = items_of(db, d, pkg)) != 0)
		return rc;
	if ((rc = eligibility(db, d->household_id, d->date, c)) != 0)
		return rc;
	c->limit_days = pkg->limit_days;
	if (pkg->limit_days > 0 && (rc = last_within(db, d, pkg, c)) != 0)
		return rc;
	if ((rc = stock_check(db, d, c)) != 0)
		return rc;
	if (!c->eligible) {
		hane_error_set(hane_msg(HANE_M_FB_NOT_ELIGIBLE),
			       (long long)d->household_id,
			       hane_date_format(date[0], d->date));
		return HANE_EPERM;
	}
	if (!c->limited)
		return 0;
	snprintf(reason, sizeof reason, "%s", d->override_reason);
	hane_text_trim(reason);
	if (reason[0]) {
		/* Only a supervisor may let a package through the limit. */
		if ((rc = hane_can(db, HANE_ACT_FOODBANK_OVERRIDE)) != 0)
			return rc;
		c->overridden = true;
		return 0;
	}
	hane_error_set(hane_msg(HANE_M_FB_LIMIT), pkg->name, pkg->limit_days,
		       hane_date_format(date[0], c->last_date),
		       (long long)c->last_id,
		       hane_date_format(date[1], c->next_date));
	return HANE_EPERM;
}

int hane_foodbank_check(hane_db *db, struct hane_fb_distribution *d,
			struct hane_fb_check *c)
{
	struct hane_fb_package pkg;
	int rc;

	memset(c, 0, sizeof *c);
	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	return check_rules(db, d, c, &pkg);
}

struct distribute_args {
	struct hane_fb_distribution *d;
	struct hane_fb_check *c;
};

static int distribute_tx(hane_db *db, void *arg)
{
	struct distribute_args *a = arg;
	struct hane_fb_distribution *d = a->d;
	struct hane_fb_check *c = a->c;
	struct hane_fb_package pkg;
	struct hane_fb_distribution row;
	char detail[768], *reason = row.override_reason;
	int rc;

	if ((rc = check_rules(db, d, c, &pkg)) != 0)
		return rc;
	d->package_id = pkg.id;
	d->referral_id = c->referral_id;
	row = *d;
	hane_text_trim(reason);
	if (!c->overridden)
		reason[0] = '\0';
	if ((rc = hane_record_save(db, &hane_fb_distribution_rdef, &row,
				   NULL)) != 0)
		return rc;
	d->id = row.id;
	d->version = row.version;
	if ((rc = fb_items_insert(db, "fb_distribution_item", "distribution_id",
				  d->id, d->items, d->nitems)) != 0)
		return rc;
	if (!c->overridden)
		return 0;
	/* The row already says who and why; the event names the rule and
	 * the package it overrode, which the row alone does not. */
	snprintf(detail, sizeof detail,
		 "{\"package\":\"%s\",\"limit_days\":%d,\"last_id\":%lld,"
		 "\"last_date\":\"%s\",\"household_id\":%lld,\"reason\":\"",
		 pkg.code, pkg.limit_days, (long long)c->last_id, c->last_date,
		 (long long)d->household_id);
	for (const char *p = reason; *p; p++) {
		size_t len = strlen(detail);

		if (len + 4 >= sizeof detail)
			break;
		if (*p == '"' || *p == '\\')
			detail[len++] = '\\';
		detail[len++] = (unsigned char)*p < 0x20 ? ' ' : *p;
		detail[len] = '\0';
	}
	strncat(detail, "\"}", sizeof detail - strlen(detail) - 1);
	return hane_store_audit_event(db, "foodbank.override",
				      "fb_distribution", d->id, detail);
}

int hane_foodbank_distribute(hane_db *db, struct hane_fb_distribution *d,
			     struct hane_fb_check *c)
{
	struct hane_fb_check local;
	struct distribute_args a = {d, c ? c : &local};
	int rc;

	d->id = 0;
	d->version = 0;
	memset(a.c, 0, sizeof *a.c);
	if ((rc = hane_can(db, HANE_ACT_FOODBANK_WRITE)) != 0)
		return rc;
	if ((rc = hane_store_tx(db, distribute_tx, &a)) != 0) {
		d->id = 0;
		return rc;
	}
	if (a.c->nshort) {
		char have[32], need[32];
		const struct hane_fb_shortage *s = &a.c->shortage[0];

		hane_error_set(
			hane_msg(HANE_M_FB_SHORT), d->branch,
			hane_fb_category_label(s->category),
			hane_fb_qty_format(have, sizeof have, s->have_milli),
			s->unit,
			hane_fb_qty_format(need, sizeof need, s->need_milli),
			s->unit);
	} else {
		hane_error_clear();
	}
	return 0;
}

/* ---- Lists --------------------------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_fb_distribution, __VA_ARGS__)
static const struct hane_fdef distribution_fields[] = {
	HANE_FB_DISTRIBUTION_FIELDS(F) HANE_FDEF_SQL(
		struct hane_fb_distribution, branch, HANE_FT_TEXT,
		"(SELECT b.name FROM fb_branch b WHERE b.id = t.branch_id)",
		"Şube", "Branch")
		HANE_FDEF_SQL(struct hane_fb_distribution, package,
			      HANE_FT_TEXT,
			      "(SELECT p.code FROM fb_package_type p"
			      " WHERE p.id = t.package_id)",
			      "Paket", "Package")};
#undef F
const struct hane_rdef hane_fb_distribution_rdef =
	HANE_RDEF(struct hane_fb_distribution, "fb_distribution", "foodbank",
		  distribution_fields);

/* fb_walk's more: a distribution's items and its package's name. */
static int distribution_more(hane_db *db, void *rec)
{
	struct hane_fb_distribution *d = rec;
	struct hane_fb_package p;
	int rc;

	if ((rc = hane_record_get(db, &hane_fb_package_rdef, d->package_id,
				  &p)) != 0 ||
	    (rc = fb_items_of(db,
			      "SELECT category, unit, qty_milli"
			      " FROM fb_distribution_item"
			      " WHERE distribution_id = :id ORDER BY id",
			      d->id, d->items, &d->nitems)) != 0)
		return rc;
	HANE_COPY(d->package_name,
		  hane_lang_get() == HANE_LANG_EN ? p.name_en : p.name_tr);
	return 0;
}

HANE_RECORD_EACH_FN(distribution, struct hane_fb_distribution)

int hane_foodbank_distributions(hane_db *db, int64_t household_id, int limit,
				int (*fn)(const struct hane_fb_distribution *d,
					  void *arg),
				void *arg)
{
	struct distribution_each e = {fn, arg};
	struct hane_field p[] = {HANE_FINT(":h", household_id),
				 HANE_FINT(":lim", limit > 0 ? limit : -1)};

	return fb_walk(db, &hane_fb_distribution_rdef,
		       " WHERE :h = 0 OR t.household_id = :h"
		       " ORDER BY t.date DESC, t.id DESC LIMIT :lim",
		       p, 2, distribution_more, distribution_call, &e);
}

static void read_unserved(hane_stmt *st, struct hane_fb_unserved *u)
{
	memset(u, 0, sizeof *u);
	u->household_id = hane_stmt_int(st, 0);
	HANE_COPY(u->head, hane_stmt_text(st, 1));
	HANE_COPY(u->mahalle, hane_stmt_text(st, 2));
	HANE_COPY(u->last_date, hane_stmt_text(st, 3));
	u->days_since = (int)hane_stmt_int(st, 4);
}

HANE_STORE_EACH_ROW(unserved, struct hane_fb_unserved, read_unserved)

int hane_foodbank_unserved(hane_db *db, int days, const char *date, int limit,
			   int (*fn)(const struct hane_fb_unserved *u,
				     void *arg),
			   void *arg)
{
	struct unserved_each e = {fn, arg};
	char day[HANE_DATE_LEN + 1] = "";
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0 ||
	    (rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ)) != 0)
		return rc;
	if (days < 0) {
		hane_error_set(hane_msg(HANE_M_FB_LIMIT_BAD), days);
		return HANE_EINVAL;
	}
	snprintf(day, sizeof day, "%s", date ? date : "");
	if ((rc = hane_field_day(HANE_M_FB_F_DATE, day, true)) != 0)
		return rc;
	struct hane_field p[] = {FB_TEXT(":d", day), HANE_FINT(":n", days),
				 HANE_FINT(":lim", limit > 0 ? limit : -1)};
	return hane_store_each(
		db,
		"SELECT h.id, coalesce(p.first_name || ' ' || p.last_name, ''),"
		" coalesce(h.mahalle, ''), coalesce(max(d.date), '') AS last,"
		" coalesce(CAST(julianday(:d) - julianday(max(d.date))"
		"  AS INTEGER), -1)"
		" FROM household h"
		" JOIN fb_referral r ON r.household_id = h.id"
		"  AND r.valid_from <= :d"
		"  AND (r.valid_until IS NULL OR r.valid_until >= :d)"
		" LEFT JOIN person p ON p.id = h.head_id"
		" LEFT JOIN fb_distribution d ON d.household_id = h.id"
		"  AND d.date <= :d"
		" WHERE h.status = 'active'"
		" GROUP BY h.id"
		" HAVING max(d.date) IS NULL"
		"  OR max(d.date) <= date(:d, '-' || :n || ' days')"
		" ORDER BY max(d.date) IS NOT NULL, max(d.date), h.id"
		" LIMIT :lim",
		p, 3, unserved_row, &e);
}
