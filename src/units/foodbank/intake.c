/* What comes in: donations at the branch counters and market supplies,
 * and the weekly market ledger.
 */
#include <stdlib.h>
#include <string.h>

#include "foodbank_int.h"

/* ---- Donations ------------------------------------------------------------ */

/* 0 when sql (taking :id) has a row, else HANE_ENOTFOUND saying missing. */
static int row_exists(hane_db *db, const char *sql, int64_t id,
		      enum hane_msg missing)
{
	struct hane_field p = HANE_FINT(":id", id);

	return hane_store_missing(hane_store_first(db, sql, &p, 1, NULL, NULL),
				  missing, id);
}

#define F(...) HANE_FDEF(struct hane_fb_donation, __VA_ARGS__)
static const struct hane_fdef donation_fields[] = {HANE_FB_DONATION_FIELDS(F)};
#undef F
const struct hane_rdef hane_fb_donation_rdef = HANE_RDEF(
	struct hane_fb_donation, "fb_donation", "foodbank", donation_fields);

static int donate_tx(hane_db *db, void *arg)
{
	struct hane_fb_donation *d = arg;
	int rc = hane_record_save(db, &hane_fb_donation_rdef, d, NULL);

	if (rc)
		return rc;
	return fb_items_insert(db, "fb_donation_item", "donation_id", d->id,
			       d->items, d->nitems);
}

int hane_foodbank_donate(hane_db *db, struct hane_fb_donation *d)
{
	struct hane_fb_branch b;
	char days[64], date[HANE_DATE_LEN + 1];
	int rc;

	d->id = 0;
	d->version = 0;
	d->off_day = false;
	if ((rc = hane_can(db, HANE_ACT_FOODBANK_WRITE)) != 0)
		return rc;
	if ((rc = hane_foodbank_branch_get(db, d->branch_id, &b)) != 0)
		return rc;
	if ((rc = hane_field_day(HANE_M_FB_F_DATE, d->date, false)) != 0)
		return rc;
	if (d->donor_person_id &&
	    (rc = row_exists(db, "SELECT 1 FROM person WHERE id = :id",
			     d->donor_person_id, HANE_M_PERSON_NOT_FOUND)))
		return rc;
	if (d->value_kurus < 0)
		return fb_field_error(HANE_M_FB_F_VALUE,
				      hane_msg(HANE_M_FB_NEGATIVE));
	if (d->nitems == 0) {
		hane_error_set("%s", hane_msg(HANE_M_FB_NO_ITEMS));
		return HANE_EINVAL;
	}
	if (d->nitems > HANE_FB_ITEMS_MAX)
		d->nitems = HANE_FB_ITEMS_MAX;
	for (size_t i = 0; i < d->nitems; i++)
		if ((rc = fb_item_check(&d->items[i])) != 0)
			return rc;
	d->off_day = !hane_foodbank_collects(&b, d->date);
	if ((rc = hane_store_tx(db, donate_tx, d)) != 0)
		return rc;
	/* Accepted: the counter cannot turn a donor away, but the day is
	 * worth a word (it may be a typo in the date or the branch). */
	if (d->off_day)
		hane_error_set(
			hane_msg(HANE_M_FB_OFF_DAY), b.name,
			hane_date_format(date, d->date),
			hane_foodbank_days_format(days, sizeof days, b.days));
	else
		hane_error_clear();
	return 0;
}

static int donation_items(hane_db *db, struct hane_fb_donation *d)
{
	return fb_items_of(db,
			   "SELECT category, unit, qty_milli"
			   " FROM fb_donation_item WHERE donation_id = :id"
			   " ORDER BY id",
			   d->id, d->items, &d->nitems);
}

int hane_foodbank_last_donation(hane_db *db, struct hane_fb_donation *out)
{
	struct hane_field u = HANE_FTEXT(":u", hane_store_actor(db)->username);
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	rc = hane_record_first(db, &hane_fb_donation_rdef,
			       " WHERE t.created_by = :u"
			       " ORDER BY t.id DESC LIMIT 1",
			       &u, 1, out);
	if (rc == HANE_ENOTFOUND)
		hane_error_set("%s", hane_msg(HANE_M_FB_NO_DONATION));
	return rc ? rc : donation_items(db, out);
}

/* fb_walk's more: a donation's items. */
static int donation_more(hane_db *db, void *rec)
{
	return donation_items(db, rec);
}

HANE_RECORD_EACH_FN(donation, struct hane_fb_donation)

int hane_foodbank_donations(hane_db *db, int64_t branch_id, const char *from,
			    const char *to, int limit,
			    int (*fn)(const struct hane_fb_donation *d,
				      void *arg),
			    void *arg)
{
	struct donation_each e = {fn, arg};
	struct hane_field p[] = FB_SPAN(":b", branch_id, from, to, limit);

	return fb_walk(db, &hane_fb_donation_rdef,
		       " WHERE (:b = 0 OR t.branch_id = :b)" FB_SPAN_SQL
		       " ORDER BY t.date DESC, t.id DESC LIMIT :lim",
		       p, 4, donation_more, donation_call, &e);
}

/* ---- Market supplies --------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_fb_supply, __VA_ARGS__)
static const struct hane_fdef supply_fields[] = {
	HANE_FB_SUPPLY_FIELDS(F) HANE_FDEF_SQL(
		struct hane_fb_supply, market, HANE_FT_TEXT,
		"(SELECT m.name FROM fb_market m WHERE m.id = "
		"t.market_id)",
		"Market", "Market")
		HANE_FDEF_SQL(struct hane_fb_supply, branch, HANE_FT_TEXT,
			      "(SELECT b.name FROM fb_branch b WHERE b.id = "
			      "t.branch_id)",
			      "Şube", "Branch")};
#undef F
const struct hane_rdef hane_fb_supply_rdef = HANE_RDEF(
	struct hane_fb_supply, "fb_supply", "foodbank", supply_fields);

static int supply_tx(hane_db *db, void *arg)
{
	return hane_record_save(db, &hane_fb_supply_rdef, arg, NULL);
}

int hane_foodbank_supply(hane_db *db, struct hane_fb_supply *s)
{
	struct hane_fb_branch b;
	struct hane_fb_item it;
	char names[256] = "";
	int rc;

	s->id = 0;
	s->version = 0;
	if ((rc = hane_can(db, HANE_ACT_FOODBANK_WRITE)) != 0)
		return rc;
	if ((rc = row_exists(db, "SELECT 1 FROM fb_market WHERE id = :id",
			     s->market_id, HANE_M_FB_MARKET_NOT_FOUND)) != 0 ||
	    (rc = hane_foodbank_branch_get(db, s->branch_id, &b)) != 0)
		return rc;
	if ((rc = hane_field_day(HANE_M_FB_F_DATE, s->date, false)) != 0)
		return rc;
	memset(&it, 0, sizeof it);
	snprintf(it.category, sizeof it.category, "%s", s->category);
	snprintf(it.unit, sizeof it.unit, "%s", s->unit);
	it.qty_milli = s->qty_milli;
	if ((rc = fb_item_check(&it)) != 0)
		return rc;
	if (!hane_fb_category_is_market(it.category)) {
		snprintf(names, sizeof names, "%s, %s, %s",
			 hane_fb_category_label("vegetable"),
			 hane_fb_category_label("fruit"),
			 hane_fb_category_label("deli"));
		hane_error_set(hane_msg(HANE_M_FB_MARKET_CATEGORY),
			       hane_fb_category_label(it.category), names);
		return HANE_EINVAL;
	}
	if (strcmp(it.unit, "kg") != 0 && strcmp(it.unit, "adet") != 0) {
		hane_error_set(hane_msg(HANE_M_FB_MARKET_UNIT), it.unit);
		return HANE_EINVAL;
	}
	if (s->value_kurus < 0)
		return fb_field_error(HANE_M_FB_F_VALUE,
				      hane_msg(HANE_M_FB_NEGATIVE));
	memcpy(s->category, it.category, sizeof s->category);
	memcpy(s->unit, it.unit, sizeof s->unit);
	return hane_store_tx(db, supply_tx, s);
}

HANE_RECORD_EACH_FN(supply, struct hane_fb_supply)

int hane_foodbank_supplies(hane_db *db, int64_t market_id, const char *from,
			   const char *to, int limit,
			   int (*fn)(const struct hane_fb_supply *s, void *arg),
			   void *arg)
{
	struct supply_each e = {fn, arg};
	struct hane_field p[] = FB_SPAN(":m", market_id, from, to, limit);

	return fb_walk(db, &hane_fb_supply_rdef,
		       " WHERE (:m = 0 OR t.market_id = :m)" FB_SPAN_SQL
		       " ORDER BY t.date DESC, t.id DESC LIMIT :lim",
		       p, 4, NULL, supply_call, &e);
}

static void read_ledger(hane_stmt *st, struct hane_fb_ledger_row *r)
{
	memset(r, 0, sizeof *r);
	r->market_id = hane_stmt_int(st, 0);
	HANE_COPY(r->market, hane_stmt_text(st, 1));
	HANE_COPY(r->week_start, hane_stmt_text(st, 2));
	for (int i = 0; i < 3; i++) {
		r->kg_milli[i] = hane_stmt_int(st, 3 + i);
		r->pieces_milli[i] = hane_stmt_int(st, 6 + i);
	}
	r->value_kurus = hane_stmt_int(st, 9);
	r->deliveries = (int)hane_stmt_int(st, 10);
}

HANE_STORE_EACH_ROW(ledger, struct hane_fb_ledger_row, read_ledger)

/* The sum of a market category's quantity in a unit over the week. */
#define LEDGER_SUM(cat, unit)                                                  \
	" sum(CASE WHEN s.category = '" cat "' AND s.unit = '" unit "'"        \
	"  THEN s.qty_milli ELSE 0 END)"

int hane_foodbank_market_week(hane_db *db, const char *date,
			      int (*fn)(const struct hane_fb_ledger_row *r,
					void *arg),
			      void *arg)
{
	struct ledger_each e = {fn, arg};
	char day[HANE_DATE_LEN + 1] = "";
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	snprintf(day, sizeof day, "%s", date ? date : "");
	if ((rc = hane_field_day(HANE_M_FB_F_DATE, day, true)) != 0)
		return rc;
	struct hane_field d = FB_TEXT(":d", day);
	/* date(d, 'weekday 0', '-6 days') is the Monday of d's week: Sunday
	 * stays itself under 'weekday 0', every other day moves forward to
	 * the coming Sunday. */
	return hane_store_each(
		db,
		"WITH w AS (SELECT date(:d, 'weekday 0', '-6 days') AS since,"
		" date(:d, 'weekday 0', '+1 day') AS until)"
		" SELECT m.id, m.name, w.since," LEDGER_SUM("vegetable", "kg") "," LEDGER_SUM("fruit", "kg") "," LEDGER_SUM(
			"deli",
			"kg") "," LEDGER_SUM("vegetable",
					     "adet") "," LEDGER_SUM("fruit",
								    "adet") "," LEDGER_SUM("deli",
											   "adet") ", coalesce(sum(s.value_kurus), 0), count(s.id)"
												   " FROM w, fb_market m LEFT JOIN fb_supply s"
												   " ON s.market_id = m.id AND s.date >= w.since"
												   " AND s.date < w.until"
												   " WHERE m.active OR s.id IS NOT NULL"
												   " GROUP BY m.id ORDER BY m.id",
		&d, 1, ledger_row, &e);
}
