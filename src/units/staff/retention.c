/* Retention, access requests and reading the audit trail back.
 *
 * What counts as service. A person has been served when a row that
 * references them changed: their own person row, their household row, or
 * any row of a unit table with a person_id or household_id column (the
 * latest updated_at, else created_at). The unit tables are found in
 * sqlite_schema at run time rather than listed here or registered by the
 * units: units are being added (inspection, food bank, home care, taxi,
 * and whatever comes next) and a unit that forgot to register would have
 * its clients anonymised while still being served — the failure that
 * cannot be undone. Reading the catalogue errs the safe way: a new table
 * that references a person keeps that person. A referencing table
 * without a date column counts as service now, for the same reason.
 * Rows that reach a person only through foreign keys count too (a care
 * visit → its client → the person; a taxi trip → its appointment → the
 * rider → the person), up to MAX_CHAIN links: a client taken on years ago
 * and visited every week is being served.
 * A person reference named otherwise (fb_donation.donor_person_id) is
 * found in the registry of records (hane/record.h: HANE_FF_PERSON_REF).
 *
 * What goes. The free text of those rows that the registry flags
 * HANE_FF_PERSONAL. What no field table can say stays written here: the
 * person's and household's own anonymisation (names become "Anonim",
 * the birth date keeps its year), text that is personal only when typed
 * (typed_text), the end dates of running services (running), the copies
 * a duplicates merge keeps, the audit trail and the retention log.
 * Table and column names come from the catalogue or the registry, are
 * checked to be plain identifiers, and are the only text put into SQL;
 * values are bound.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/files.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/record.h"
#include "hane/security.h"
#include "staff_int.h"

/* ---- A growable string ---------------------------------------------------- */

/* Whether table t has column c (both plain identifiers). */
static bool column_exists(hane_db *db, const char *t, const char *c)
{
	const struct hane_field p[] = {HANE_FTEXT(":t", t),
				       HANE_FTEXT(":c", c)};

	return hane_store_first(db,
				"SELECT 1 FROM pragma_table_info(:t)"
				" WHERE name = :c",
				p, HANE_COUNTOF(p), NULL, NULL) == 0;
}

/* ---- Unit tables that reference persons ------------------------------------ */

#define MAX_CHAIN 4

/* A table whose rows are service, and the foreign-key chain from it to
 * the table with the person_id or household_id column: link[0] is that
 * root table, link[k] references link[k-1] by its column fk. */
struct ref_table {
	int depth; /* links after the root */
	struct {
		char table[64];
		char fk[64]; /* in link[k], pointing at link[k-1].id */
	} link[MAX_CHAIN + 1];
	char column[64]; /* of link[0]: person_id, household_id or another
			    person reference of the registry */
	bool person;	 /* column refers to person.id (else household) */
	char stamp[64];	 /* SQL for the row's date on alias x, or "'9999'" */
};

static int ref_add(struct ref_table **list, size_t *count, size_t *cap,
		   struct ref_table **out)
{
	*out = hane_push(list, cap, count, NULL, sizeof **list, 16);
	return *out ? 0 : HANE_ENOMEM;
}

/* The date of a row of table t (alias x): its latest change. */
static void stamp_of(hane_db *db, const char *t, char *out, size_t outsz)
{
	bool up = column_exists(db, t, "updated_at");
	bool cr = column_exists(db, t, "created_at");

	snprintf(out, outsz, "%s",
		 up && cr ? "coalesce(x.updated_at, x.created_at)"
		 : up	  ? "x.updated_at"
		 : cr	  ? "x.created_at"
			  : "'9999'");
}

/* Whether t is a root: a table with its own person or household column,
 * whose every row is found by it. */
static bool ref_is_root(const struct ref_table *list, size_t n, const char *t)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].depth == 0 && strcmp(list[i].link[0].table, t) == 0)
			return true;
	return false;
}

/* Whether the chain r already passes through table t (a cycle). */
static bool ref_through(const struct ref_table *r, const char *t)
{
	for (int k = 0; k <= r->depth; k++)
		if (strcmp(r->link[k].table, t) == 0)
			return true;
	return false;
}

static const char *const not_service =
	" AND m.name NOT IN ('person', 'household', 'person_word',"
	" 'retention_log', 'audit', 'staff') AND m.name NOT LIKE 'sqlite%'";

/* Adds the person references of the registered records (hane/record.h)
 * that the catalogue does not name person_id (fb_donation.donor_person_id):
 * a unit that calls its reference otherwise is found too. */
static int registry_refs(hane_db *db, struct ref_table **list, size_t *count,
			 size_t *cap)
{
	const struct hane_rdef *d;
	struct ref_table *r;
	int rc = 0;

	for (size_t i = 0; rc == 0 && (d = hane_record_def(i)); i++) {
		for (size_t k = 0; rc == 0 && k < d->nfields; k++) {
			const struct hane_fdef *f = &d->fields[k];

			if (!(f->flags & HANE_FF_PERSON_REF) ||
			    strcmp(f->column, "person_id") == 0 ||
			    !hane_sql_ident_ok(d->table) ||
			    !hane_sql_ident_ok(f->column) ||
			    !column_exists(db, d->table, f->column))
				continue;
			if ((rc = ref_add(list, count, cap, &r)) != 0)
				break;
			snprintf(r->link[0].table, sizeof r->link[0].table,
				 "%s", d->table);
			HANE_COPY(r->column, f->column);
			r->person = true;
		}
	}
	return rc;
}

/* The list being built by the catalogue walks below (hane_store_each):
 * a child pass extends the chains in v[from, upto) to depth. */
struct refs {
	struct ref_table **v;
	size_t *n, *cap;
	int depth;
	size_t from, upto;
};

/* A root entry for a (table, column) row of a table with a person_id or
 * household_id column. */
static int root_row(hane_stmt *st, void *arg)
{
	struct refs *rs = arg;
	const char *t = hane_stmt_text(st, 0);
	struct ref_table *r;
	int rc;

	if (!hane_sql_ident_ok(t))
		return 0;
	if ((rc = ref_add(rs->v, rs->n, rs->cap, &r)) != 0)
		return rc;
	HANE_COPY(r->link[0].table, t);
	HANE_COPY(r->column, hane_stmt_text(st, 1));
	r->person = strcmp(r->column, "person_id") == 0;
	return 0;
}

/* For a (child, fk, parent) row: every chain in v[from, upto) that ends
 * at parent, extended by child at depth. A table with two ways to a
 * person (a visit's roster row, and its follow-up's request) gets a chain
 * for each: a row whose first link is empty is still found by the other,
 * so neither its service date nor its personal text is missed. */
static int child_row(hane_stmt *st, void *arg)
{
	struct refs *rs = arg;
	char child[64], fk[64], parent[64];
	struct ref_table *r;
	int rc;

	HANE_COPY(child, hane_stmt_text(st, 0));
	HANE_COPY(fk, hane_stmt_text(st, 1));
	HANE_COPY(parent, hane_stmt_text(st, 2));
	if (!hane_sql_ident_ok(child) || !hane_sql_ident_ok(fk) ||
	    ref_is_root(*rs->v, *rs->n, child))
		return 0;
	for (size_t i = rs->from; i < rs->upto; i++) {
		struct ref_table base = (*rs->v)[i];

		if (strcmp(base.link[base.depth].table, parent) != 0 ||
		    ref_through(&base, child))
			continue;
		if ((rc = ref_add(rs->v, rs->n, rs->cap, &r)) != 0)
			return rc;
		*r = base;
		r->depth = rs->depth;
		HANE_COPY(r->link[rs->depth].table, child);
		HANE_COPY(r->link[rs->depth].fk, fk);
	}
	return 0;
}

/* Lists the tables with a person_id or household_id column, other than
 * the registry's own and the logs, then every table whose rows reach one
 * of them through foreign keys. *out is the caller's (free). */
static int ref_tables(hane_db *db, struct ref_table **out, size_t *n)
{
	struct ref_table *list = NULL;
	size_t count = 0, cap = 0, from = 0;
	struct refs rs = {&list, &count, &cap, 0, 0, 0};
	char sql[512];
	int rc;

	snprintf(sql, sizeof sql,
		 "SELECT m.name, c.name FROM sqlite_schema m,"
		 " pragma_table_info(m.name) c WHERE m.type = 'table'"
		 " AND c.name IN ('person_id', 'household_id')%s"
		 " ORDER BY m.name, c.name",
		 not_service);
	*out = NULL;
	*n = 0;
	if ((rc = hane_store_each(db, sql, NULL, 0, root_row, &rs)) >= 0)
		rc = registry_refs(db, &list, &count, &cap);
	/* Children by foreign key, one level per pass. */
	snprintf(sql, sizeof sql,
		 "SELECT m.name, f.\"from\", f.\"table\" FROM sqlite_schema m,"
		 " pragma_foreign_key_list(m.name) f WHERE m.type = 'table'%s"
		 " ORDER BY m.name",
		 not_service);
	for (int depth = 1; rc >= 0 && depth <= MAX_CHAIN; depth++) {
		size_t upto = count;

		rs.depth = depth;
		rs.from = from;
		rs.upto = upto;
		rc = hane_store_each(db, sql, NULL, 0, child_row, &rs);
		from = upto;
		if (rc >= 0)
			rc = 0;
		if (count == upto)
			break;
	}
	for (size_t i = 0; rc >= 0 && i < count; i++)
		stamp_of(db, list[i].link[list[i].depth].table, list[i].stamp,
			 sizeof list[i].stamp);
	if (rc < 0) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return 0;
}

/* " FROM child x JOIN parent a1 ON a1.id = x.fk … WHERE root.column = "
 * for one service table: the caller adds what it compares with. */
static void ref_from(struct hane_buf *b, const struct ref_table *r)
{
	char part[300], alias[16], prev[16];

	snprintf(part, sizeof part, " FROM %s x", r->link[r->depth].table);
	hane_buf_str(b, part);
	snprintf(prev, sizeof prev, "x");
	for (int k = r->depth; k > 0; k--) {
		snprintf(alias, sizeof alias, "a%d", k);
		snprintf(part, sizeof part, " JOIN %s %s ON %s.id = %s.%s",
			 r->link[k - 1].table, alias, alias, prev,
			 r->link[k].fk);
		hane_buf_str(b, part);
		HANE_COPY(prev, alias);
	}
	snprintf(part, sizeof part, " WHERE %s.%s = ", prev, r->column);
	hane_buf_str(b, part);
}

/* ", coalesce((SELECT max(stamp) FROM … = p.<id>), '')" */
static void ref_subquery(struct hane_buf *b, const struct ref_table *r)
{
	char part[100];

	snprintf(part, sizeof part, ", coalesce((SELECT max(%s)", r->stamp);
	hane_buf_str(b, part);
	ref_from(b, r);
	hane_buf_str(b, r->person ? "p.id), '')" : "p.household_id), '')");
}

/* ---- Services still running ------------------------------------------------ */

/* A service that runs to a date is service until that date, however long
 * ago its row was written: regular aid decided in 2026 to run to 2031 is
 * being given in 2031, and the retention period counts from its end. Each
 * entry gives, for person p (alias p, household p.household_id), the last
 * day of such services, '9999-12-31' while open-ended. An entry whose
 * tables are not in the database is skipped; one whose columns are wrong
 * fails the run (never a silent anonymisation). A new unit whose service
 * runs to a date adds its row here — retention cannot find end dates in
 * the catalogue as it finds references. */
static const struct {
	const char *name;
	const char *tables[2]; /* all must exist for the entry to apply */
	const char *sql;
} running[] = {
	{"regular aid (until its end)",
	 {"inspection_decision", "inspection_request"},
	 "SELECT max(d.end_on) FROM inspection_decision d"
	 " JOIN inspection_request r ON r.id = d.request_id"
	 " WHERE r.household_id = p.household_id AND d.outcome = 'aid'"
	 " AND d.aid_type = 'regular'"},
	{"food-bank referral (until valid_until; open: running)",
	 {"fb_referral", NULL},
	 "SELECT max(coalesce(f.valid_until, '9999-12-31')) FROM fb_referral f"
	 " WHERE f.household_id = p.household_id"},
	{"home-care client (open: running; else until the end)",
	 {"homecare_client", NULL},
	 "SELECT max(coalesce(c.end_date, '9999-12-31')) FROM homecare_client c"
	 " WHERE c.person_id = p.id"},
	{"care plan (until valid_to, within the client's time)",
	 {"homecare_plan", "homecare_client"},
	 "SELECT max(min(coalesce(pl.valid_to, '9999-12-31'),"
	 " coalesce(c.end_date, '9999-12-31'))) FROM homecare_plan pl"
	 " JOIN homecare_client c ON c.id = pl.client_id"
	 " WHERE c.person_id = p.id"},
	{"recurring taxi series (until its last day)",
	 {"taxi_series", "taxi_rider"},
	 "SELECT max(s.to_day) FROM taxi_series s"
	 " JOIN taxi_rider r ON r.id = s.rider_id WHERE r.person_id = p.id"},
	{"home meals from the kitchen (open: running; else until the end)",
	 {"kitchen_home", NULL},
	 "SELECT max(coalesce(k.end_date, '9999-12-31')) FROM kitchen_home k"
	 " WHERE k.household_id = p.household_id"},
	{"booked taxi appointment (until its day)",
	 {"taxi_appointment", "taxi_rider"},
	 "SELECT max(a.day) FROM taxi_appointment a"
	 " JOIN taxi_rider r ON r.id = a.rider_id"
	 " WHERE r.person_id = p.id AND a.status = 'booked'"},
	{"martyrs' families and veterans roster (active: running)",
	 {"veteran", NULL},
	 "SELECT CASE WHEN max(v.active) = 1 THEN '9999-12-31' END"
	 " FROM veteran v WHERE v.household_id = p.household_id"},
	{"clothing referral (until valid_until; open: running)",
	 {"clothing_referral", NULL},
	 "SELECT max(coalesce(r.valid_until, '9999-12-31'))"
	 " FROM clothing_referral r WHERE r.household_id = p.household_id"},
	/* HOOK centre membership: the centres unit (day centres, disability
	 * houses, short breaks) does not exist yet. When it comes, its
	 * membership table centre_member(person_id, end_date NULL = open)
	 * makes this entry apply; if it is shaped otherwise, change this
	 * query with it (a wrong column fails every run, loudly). */
	{"centre membership (open: running; else until the end)",
	 {"centre_member", NULL},
	 "SELECT max(coalesce(m.end_date, '9999-12-31')) FROM centre_member m"
	 " WHERE m.person_id = p.id"},
	{"centre placement (open: running; else until the end)",
	 {"centre_placement", NULL},
	 "SELECT max(coalesce(c.end_date, '9999-12-31'))"
	 " FROM centre_placement c WHERE c.person_id = p.id"},
	{"booked centre session (until its day)",
	 {"centre_booking", NULL},
	 "SELECT max(b.date) FROM centre_booking b"
	 " WHERE b.person_id = p.id AND b.status = 'booked'"},
};

/* ", coalesce((<end of running services>), '')" for each that applies. */
static void running_subqueries(hane_db *db, struct hane_buf *b)
{
	for (size_t i = 0; i < sizeof running / sizeof running[0]; i++) {
		if (!hane_store_has_table(db, running[i].tables[0]) ||
		    (running[i].tables[1] &&
		     !hane_store_has_table(db, running[i].tables[1])))
			continue;
		hane_buf_str(b, ", coalesce((");
		hane_buf_str(b, running[i].sql);
		hane_buf_str(b, "), '')");
	}
}

/* ---- Retention ------------------------------------------------------------- */

char *hane_retention_cutoff(hane_db *db, char out[11])
{
	char now[20], then[20];
	int64_t months = hane_setting_get(db, HANE_SET_RETENTION_MONTHS);

	hane_sec_time_shift(then, hane_now(now), 0, 0, -(int)months);
	snprintf(out, 11, "%.10s", then);
	return out;
}

static int exec_id(hane_db *db, const char *sql, int64_t id, const char *now,
		   const char *by)
{
	const struct hane_field p[] = {HANE_FINT(":id", id),
				       HANE_FTEXT(":now", now),
				       HANE_FTEXT(":by", by)};

	return hane_store_run(db, sql, p, HANE_COUNTOF(p));
}

/* A person's identity is what the person's field table flags
 * HANE_FF_PERSONAL. The names and the birth date are rewritten (the
 * record stays countable: "Anonim", the year of birth); every other
 * personal field becomes NULL. */
static bool kept_changed(const char *column)
{
	return !strcmp(column, "first_name") || !strcmp(column, "last_name") ||
	       !strcmp(column, "birth_date");
}

/* ", <prefix><column> = NULL" for every personal field of a person that
 * retention erases outright. */
static void erased_columns(struct hane_buf *b, const char *prefix)
{
	const struct hane_rdef *d = &hane_person_rdef;

	for (size_t i = 0; i < d->nfields; i++) {
		if (!(d->fields[i].flags & HANE_FF_PERSONAL) ||
		    kept_changed(d->fields[i].column))
			continue;
		hane_buf_str(b, ", ");
		hane_buf_str(b, prefix);
		hane_buf_str(b, d->fields[i].column);
		hane_buf_str(b, " = NULL");
	}
}

/* What the retention log says went: the personal fields, then copies. */
static void person_fields(struct hane_buf *b)
{
	const struct hane_rdef *d = &hane_person_rdef;

	for (size_t i = 0; i < d->nfields; i++) {
		if (!(d->fields[i].flags & HANE_FF_PERSONAL))
			continue;
		hane_buf_str(b, d->fields[i].column);
		hane_buf_str(b, strcmp(d->fields[i].column, "birth_date") == 0
					? "(day,month),"
					: ",");
	}
	hane_buf_str(b,
		     "search_words,audit_values,unit_free_text,merge_copies");
}

/* Runs prefix + erased_columns() + suffix for id. */
static int exec_erase(hane_db *db, const char *prefix, const char *col_prefix,
		      const char *suffix, int64_t id, const char *now,
		      const char *by)
{
	struct hane_buf q = {0};
	int rc;

	hane_buf_str(&q, prefix);
	erased_columns(&q, col_prefix);
	hane_buf_str(&q, suffix);
	rc = q.oom ? HANE_ENOMEM : exec_id(db, q.s, id, now, by);
	free(q.s);
	return rc;
}
#define HOUSEHOLD_FIELDS                                                       \
	"street,building,door,phone,notes,audit_values,unit_free_text"

/* The free text of the units' rows that can name or place a person (case
 * notes, addresses, reasons typed by staff) is what the registry of
 * records (hane/record.h) flags HANE_FF_PERSONAL. Codes, dates, amounts
 * and counts stay (statistics). A column missing from the schema is
 * skipped. A value becomes "***" (not NULL), so rules like "a cancelled
 * visit has a reason" or a CHECK on length still hold. */
static bool personal_text(const char *table, const char *column)
{
	const struct hane_rdef *d = hane_record_by_table(table);

	for (size_t k = 0; d && k < d->nfields; k++)
		if ((d->fields[k].flags & HANE_FF_PERSONAL) &&
		    strcmp(d->fields[k].column, column) == 0)
			return d->fields[k].type == HANE_FT_TEXT;
	return false;
}

/* Free text that is a person's only when typed rather than chosen: a taxi
 * destination typed into a booking (an address: "kızının evi, Yavuz Cd.
 * 5") goes, one picked from the list of places (a hospital) stays. */
static const struct {
	const char *table, *column, *typed;
} typed_text[] = {
	{"taxi_appointment", "destination", "destination_id IS NULL"},
	{"taxi_series", "destination",
	 "destination NOT IN (SELECT name FROM taxi_destination)"},
};

/* Blanks the free text of the rows of r's table that reach id, and the
 * old values of every row of the table that reaches id in the audit trail
 * (a unit row's audit holds what it held: addresses, notes, names). */
static int scrub(hane_db *db, const struct ref_table *r, int64_t id)
{
	const char *t = r->link[r->depth].table;
	struct hane_buf set = {0}, rows = {0}, q = {0};
	hane_stmt *st = NULL;
	int rc = 0;

	rc = hane_stmt_prepare(db, &st,
			       "SELECT name FROM pragma_table_info(:t)");
	if (rc == 0)
		rc = hane_stmt_bind_text(st, ":t", t);
	while (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		const char *col = hane_stmt_text(st, 0);

		if (personal_text(t, col)) {
			hane_buf_str(&set, set.len ? ", " : "");
			hane_buf_str(&set, col);
			hane_buf_str(&set, " = CASE WHEN ");
			hane_buf_str(&set, col);
			hane_buf_str(&set, " IS NULL THEN NULL ELSE '***' END");
		}
		for (size_t c = 0; c < sizeof typed_text / sizeof typed_text[0];
		     c++) {
			if (strcmp(t, typed_text[c].table) != 0 ||
			    strcmp(col, typed_text[c].column) != 0)
				continue;
			hane_buf_str(&set, set.len ? ", " : "");
			hane_buf_str(&set, col);
			hane_buf_str(&set, " = CASE WHEN ");
			hane_buf_str(&set, typed_text[c].typed);
			hane_buf_str(&set, " THEN '***' ELSE ");
			hane_buf_str(&set, col);
			hane_buf_str(&set, " END");
		}
		rc = 0;
	}
	hane_stmt_finalize(st);
	if (rc < 0)
		goto done;
	hane_buf_str(&rows, "SELECT x.id");
	ref_from(&rows, r);
	hane_buf_str(&rows, ":id");
	if (!set.len)
		goto audit;
	hane_buf_str(&q, "UPDATE ");
	hane_buf_str(&q, t);
	hane_buf_str(&q, " SET ");
	hane_buf_str(&q, set.s);
	hane_buf_str(&q, " WHERE id IN (");
	hane_buf_str(&q, rows.s);
	hane_buf_str(&q, ")");
	if (q.oom) {
		rc = HANE_ENOMEM;
		goto done;
	}
	rc = exec_id(db, q.s, id, NULL, NULL);
	if (rc)
		goto done;
audit:
	free(q.s);
	q = (struct hane_buf){0};
	hane_buf_str(&q,
		     "UPDATE audit SET changes = '{\"redacted\":\"retention\"}'"
		     " WHERE tbl = '");
	hane_buf_str(&q, t);
	hane_buf_str(&q, "' AND row_id IN (");
	hane_buf_str(&q, rows.s);
	hane_buf_str(&q, ")");
	rc = q.oom || rows.oom ? HANE_ENOMEM : exec_id(db, q.s, id, NULL, NULL);
done:
	free(set.s);
	free(rows.s);
	free(q.s);
	return rc;
}

/* A duplicates merge keeps the identity of both records it joined (to be
 * undone): of the kept person a (a_…) and of the absorbed record b (b_…),
 * which was the same person unless the merge was undone. Those copies go
 * with the person, and so do the merge's audit rows and b's own history.
 * Sex and disability stay (statistics). The undo stays refused, as the
 * person's version has moved past the merge's. */
static int scrub_merges(hane_db *db, int64_t id, const char *now,
			const char *by)
{
	static const char *const sql[] = {
		"UPDATE audit SET changes = '{\"redacted\":\"retention\"}'"
		" WHERE tbl = 'overview_merge' AND row_id IN (SELECT m.id FROM"
		" overview_merge m WHERE m.kept_id = :id OR m.merged_id = :id)",
		"UPDATE audit SET changes = '{\"redacted\":\"retention\"}'"
		" WHERE tbl = 'person' AND row_id IN (SELECT m.merged_id FROM"
		" overview_merge m WHERE m.kept_id = :id AND m.undone_at IS "
		"NULL)",
	};
	int rc = 0;

	if (!hane_store_has_table(db, "overview_merge"))
		return 0;
	for (size_t i = 0; rc == 0 && i < sizeof sql / sizeof sql[0]; i++)
		rc = exec_id(db, sql[i], id, now, by);
	if (rc == 0)
		rc = exec_erase(
			db,
			"UPDATE overview_merge SET"
			" a_first_name = CASE WHEN a_first_name IS NULL THEN"
			" NULL ELSE 'Anonim' END,"
			" a_last_name = CASE WHEN a_last_name IS NULL THEN NULL"
			" ELSE '' END, a_birth_date = CASE WHEN a_birth_date IS"
			" NULL THEN NULL"
			" ELSE substr(a_birth_date, 1, 4) || '-07-01' END",
			"a_",
			", updated_at = :now, updated_by = :by WHERE kept_id ="
			" :id",
			id, now, by);
	if (rc == 0)
		rc = exec_erase(
			db,
			"UPDATE overview_merge SET b_first_name = 'Anonim',"
			" b_last_name = '', b_name_key = 'anonim',"
			" b_birth_date = CASE WHEN b_birth_date IS NULL THEN"
			" NULL ELSE substr(b_birth_date, 1, 4) || '-07-01' END,"
			" b_phone_key = NULL",
			"b_",
			", updated_at = :now, updated_by = :by"
			" WHERE (kept_id = :id AND undone_at IS NULL) OR"
			" merged_id = :id",
			id, now, by);
	return rc;
}

/* Erases the person of it: their identifying fields, search words, the
 * personal text of their unit rows, the audit copies and merge copies. */
static int erase_person(hane_db *db, const struct hane_retention_item *it,
			const char *now, const char *by,
			const struct ref_table *refs, size_t nrefs)
{
	int rc;

	rc = exec_erase(db,
			"UPDATE person SET first_name = 'Anonim',"
			" last_name = '', name_key = 'anonim',"
			" birth_date = CASE WHEN birth_date IS NULL THEN NULL"
			" ELSE substr(birth_date, 1, 4) || '-07-01' END,"
			" phone_key = NULL",
			"",
			", version = version + 1, updated_at = :now,"
			" updated_by = :by WHERE id = :id",
			it->person_id, now, by);
	if (rc == 0)
		rc = exec_id(db,
			     "DELETE FROM person_word WHERE person_id = :id",
			     it->person_id, now, by);
	for (size_t i = 0; rc == 0 && i < nrefs; i++)
		if (refs[i].person)
			rc = scrub(db, &refs[i], it->person_id);
	/* The earlier audit rows hold the old values: destroying the
	 * identity means destroying those copies too. Who did what and when
	 * stays. */
	if (rc == 0)
		rc = exec_id(db,
			     "UPDATE audit SET changes = '{\"redacted\":"
			     "\"retention\"}' WHERE tbl = 'person' AND"
			     " row_id = :id AND action IN ('insert', 'update',"
			     " 'delete')",
			     it->person_id, now, by);
	if (rc == 0)
		rc = scrub_merges(db, it->person_id, now, by);
	return rc;
}

/* Writes the retention_log row of it (who, when, which fields). */
static int log_retention(hane_db *db, const struct hane_retention_item *it,
			 const char *now, const char *by)
{
	struct hane_buf fields = {0};
	int rc;

	person_fields(&fields);
	{
		const struct hane_field p[] = {
			HANE_FTEXT(":now", now),
			HANE_FTEXT(":by", by),
			HANE_FINT(":id", it->person_id),
			HANE_FINT(":hid", it->household_id),
			HANE_FTEXT(":last", it->last_service),
			HANE_FTEXT(":fields", fields.s)};

		rc = fields.oom ? HANE_ENOMEM
				: hane_store_run(db,
						 "INSERT INTO retention_log(at,"
						 " username, person_id,"
						 " household_id, last_service,"
						 " fields) VALUES(:now, :by,"
						 " :id, :hid, :last, :fields)",
						 p, HANE_COUNTOF(p));
	}
	free(fields.s);
	return rc;
}

/* Erases household hid (its address, its unit rows' personal text, its
 * audit copies) and logs that; for when its last member went. */
static int erase_household(hane_db *db, int64_t hid, const char *now,
			   const char *by, const struct ref_table *refs,
			   size_t nrefs)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < nrefs; i++)
		if (!refs[i].person)
			rc = scrub(db, &refs[i], hid);
	if (rc == 0)
		rc = exec_id(
			db,
			"UPDATE household SET street = NULL, building = NULL,"
			" door = NULL, phone = NULL, phone_key = NULL, notes = "
			"NULL,"
			" version = version + 1, updated_at = :now,"
			" updated_by = :by WHERE id = :id",
			hid, now, by);
	if (rc == 0)
		rc = exec_id(db,
			     "UPDATE audit SET changes = '{\"redacted\":"
			     "\"retention\"}' WHERE tbl = 'household' AND"
			     " row_id = :id AND action IN ('insert', 'update',"
			     " 'delete')",
			     hid, now, by);
	if (rc == 0) {
		char detail[200];

		snprintf(detail, sizeof detail, "{\"fields\":\"%s\"}",
			 HOUSEHOLD_FIELDS);
		rc = hane_store_audit_event(db, "retention.anonymise",
					    "household", hid, detail);
	}
	return rc;
}

/* Anonymises the person of it, and its household once no member is left. */
static int anonymise(hane_db *db, const struct hane_retention_item *it,
		     const char *now, const struct ref_table *refs,
		     size_t nrefs)
{
	const char *by = hane_store_actor(db)->username;
	int64_t left = 0;
	int rc;

	rc = erase_person(db, it, now, by, refs, nrefs);
	if (rc == 0)
		rc = log_retention(db, it, now, by);
	if (rc)
		return rc;
	/* The household's address identifies its members: it goes when the
	 * last of them is anonymised. */
	rc = hane_store_query_int(
		db, &left,
		"SELECT count(*) FROM person WHERE household_id = :id AND id"
		" NOT IN (SELECT person_id FROM retention_log)",
		":id", it->household_id);
	if (rc || left > 0)
		return rc;
	return erase_household(db, it->household_id, now, by, refs, nrefs);
}

/* The persons whose last service is before cutoff and who are not yet
 * anonymised, by id, into *items (*count of them; the caller's, free). */
static int due_items(hane_db *db, const struct ref_table *refs, size_t nrefs,
		     const char *cutoff, struct hane_retention_item **items,
		     size_t *count)
{
	struct hane_buf sql = {0};
	hane_stmt *st = NULL;
	size_t cap = 0;
	int rc;

	hane_buf_str(&sql,
		     "SELECT id, household_id, name, last FROM (SELECT p.id,"
		     " p.household_id, p.first_name || ' ' || p.last_name AS"
		     " name, max(coalesce(p.updated_at, ''),"
		     " coalesce(p.created_at, ''), coalesce(h.updated_at, '')");
	for (size_t i = 0; i < nrefs; i++)
		ref_subquery(&sql, &refs[i]);
	running_subqueries(db, &sql);
	hane_buf_str(&sql,
		     ") AS last FROM person p LEFT JOIN household h ON h.id ="
		     " p.household_id WHERE p.id NOT IN (SELECT person_id FROM"
		     " retention_log)) WHERE last < :cutoff ORDER BY id");
	if (sql.oom) {
		rc = HANE_ENOMEM;
		goto done;
	}
	if ((rc = hane_stmt_prepare(db, &st, sql.s)) != 0 ||
	    (rc = hane_stmt_bind_text(st, ":cutoff", cutoff)) != 0)
		goto done;
	while ((rc = hane_stmt_step(st)) == HANE_ROW) {
		struct hane_retention_item *it =
			hane_push(items, &cap, count, NULL, sizeof **items, 64);

		if (!it) {
			rc = HANE_ENOMEM;
			goto done;
		}
		it->person_id = hane_stmt_int(st, 0);
		it->household_id = hane_stmt_int(st, 1);
		HANE_COPY(it->name, hane_stmt_text(st, 2));
		HANE_COPY(it->last_service, hane_stmt_text(st, 3));
	}
	rc = rc < 0 ? rc : 0;
done:
	hane_stmt_finalize(st);
	free(sql.s);
	return rc;
}

int hane_retention_run(hane_db *db, bool dry_run,
		       int (*fn)(const struct hane_retention_item *it,
				 void *arg),
		       void *arg, int *n)
{
	struct ref_table *refs = NULL;
	struct hane_retention_item *items = NULL;
	char cutoff[11], now[20], detail[200];
	size_t nrefs = 0, count = 0;
	int rc = hane_can(db, HANE_ACT_RETENTION);

	*n = 0;
	if (rc)
		return rc;
	hane_retention_cutoff(db, cutoff);
	hane_now(now);
	/* Copies in the file itself: SQLite leaves a changed row's old bytes
	 * in free space and freed pages, where a hex editor reads them.
	 * secure_delete overwrites them with zeros; the checkpoint after the
	 * commit moves the pages out of the WAL and truncates it. */
	if (!dry_run && (rc = hane_store_exec(db, "PRAGMA secure_delete = ON")))
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	if ((rc = ref_tables(db, &refs, &nrefs)) != 0)
		goto done;
	if ((rc = due_items(db, refs, nrefs, cutoff, &items, &count)) != 0)
		goto done;
	for (size_t i = 0; i < count && rc == 0; i++) {
		if (fn)
			rc = fn(&items[i], arg);
		if (rc == 0 && !dry_run)
			rc = anonymise(db, &items[i], now, refs, nrefs);
	}
	if (rc == 0) {
		snprintf(detail, sizeof detail,
			 "{\"cutoff\":\"%s\",\"persons\":%zu,\"dry_run\":%s}",
			 cutoff, count, dry_run ? "true" : "false");
		rc = hane_store_audit_event(
			db, dry_run ? "retention.dry_run" : "retention.run", "",
			0, detail);
	}
done:
	free(refs);
	free(items);
	if (rc) {
		char keep[512];

		HANE_COPY(keep, hane_error_last());
		hane_store_rollback(db);
		hane_error_set("%s", keep);
		return rc;
	}
	rc = hane_store_commit(db);
	if (rc == 0)
		*n = (int)count;
	/* Best effort: a reader still open elsewhere keeps the WAL until it
	 * ends; the next checkpoint (SQLite's own, at 1000 pages, or the
	 * next run) finishes the job. */
	if (rc == 0 && !dry_run && count > 0) {
		int ck = hane_store_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");

		(void)ck;
	}
	return rc;
}

/* ---- Access requests --------------------------------------------------------- */

/* Appends the rows of sql (one :id parameter) as a JSON array. */
static int rows_json(hane_db *db, struct hane_buf *b, const char *sql,
		     int64_t id)
{
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(db, &st, sql), nrow = 0;

	if (rc)
		return rc;
	if ((rc = hane_stmt_bind_int(st, ":id", id)) != 0)
		goto done;
	hane_buf_str(b, "[");
	while ((rc = hane_stmt_step(st)) == HANE_ROW) {
		hane_buf_str(b, nrow++ ? ",\n    {" : "\n    {");
		for (int c = 0; c < hane_stmt_columns(st); c++) {
			if (c)
				hane_buf_str(b, ", ");
			hane_buf_json(b, hane_stmt_column_name(st, c));
			hane_buf_str(b, ": ");
			if (hane_stmt_is_null(st, c))
				hane_buf_str(b, "null");
			else
				hane_buf_json(b, hane_stmt_text(st, c));
		}
		hane_buf_str(b, "}");
	}
	hane_buf_str(b, nrow ? "\n  ]" : "]");
	rc = rc < 0 ? rc : 0;
done:
	hane_stmt_finalize(st);
	return rc;
}

/* The id and household of the person with TC Kimlik No tckn;
 * HANE_ENOTFOUND (message set) when there is none. */
static int person_row(hane_stmt *st, void *arg)
{
	int64_t *ids = arg;

	ids[0] = hane_stmt_int(st, 0);
	ids[1] = hane_stmt_int(st, 1);
	return 0;
}

static int person_by_tckn(hane_db *db, const char *tckn, int64_t *pid,
			  int64_t *hid)
{
	const struct hane_field p[] = {HANE_FTEXT(":t", tckn)};
	int64_t ids[2];
	int rc = hane_store_first(db,
				  "SELECT id, household_id FROM person"
				  " WHERE tckn = :t",
				  p, 1, person_row, ids);

	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_SEC_NO_PERSON), tckn);
	if (rc == 0) {
		*pid = ids[0];
		*hid = ids[1];
	}
	return rc;
}

/* Appends person pid as a JSON array: every field of the person's table,
 * and who wrote it. */
static int person_json(hane_db *db, struct hane_buf *out, int64_t pid)
{
	const struct hane_rdef *d = &hane_person_rdef;
	struct hane_buf q = {0};
	int rc;

	hane_buf_str(&q, "SELECT id");
	for (size_t i = 0; i < d->nfields; i++) {
		hane_buf_str(&q, ", ");
		hane_buf_str(&q, d->fields[i].column);
	}
	hane_buf_str(&q, ", created_at, created_by, updated_at, updated_by"
			 " FROM person WHERE id = :id");
	rc = q.oom ? HANE_ENOMEM : rows_json(db, out, q.s, pid);
	free(q.s);
	return rc;
}

/* Appends the "services" object: every row that reaches the person or
 * household, through its foreign keys as retention counts them. */
static int services_json(hane_db *db, struct hane_buf *out, int64_t pid,
			 int64_t hid)
{
	struct ref_table *refs = NULL;
	size_t nrefs = 0;
	char key[160];
	int rc;

	if ((rc = ref_tables(db, &refs, &nrefs)) != 0)
		return rc;
	hane_buf_str(out, ",\n  \"services\": {");
	for (size_t i = 0; i < nrefs && rc == 0; i++) {
		struct hane_buf q = {0};

		hane_buf_str(&q, "SELECT x.*");
		ref_from(&q, &refs[i]);
		hane_buf_str(&q, ":id");
		hane_buf_str(out, i ? ",\n  " : "\n  ");
		snprintf(key, sizeof key, "%s.%s",
			 refs[i].link[refs[i].depth].table, refs[i].column);
		hane_buf_json(out, key);
		hane_buf_str(out, ": ");
		rc = q.oom ? HANE_ENOMEM
			   : rows_json(db, out, q.s,
				       refs[i].person ? pid : hid);
		free(q.s);
	}
	hane_buf_str(out, "}");
	free(refs);
	return rc;
}

/* Appends the member "key": the rows of sql (its :id bound to id). */
static int section_json(hane_db *db, struct hane_buf *out, const char *key,
			const char *sql, int64_t id)
{
	hane_buf_str(out, ",\n  ");
	hane_buf_json(out, key);
	hane_buf_str(out, ": ");
	return rows_json(db, out, sql, id);
}

/* The whole access copy of person pid (household hid) as JSON in out;
 * out is the caller's (free) even on error. */
static int export_json(hane_db *db, struct hane_buf *out, int64_t pid,
		       int64_t hid)
{
	char now[20];
	int rc;

	hane_buf_str(out, "{\n  \"generated_at\": ");
	hane_buf_json(out, hane_now(now));
	hane_buf_str(out, ",\n  \"generated_by\": ");
	hane_buf_json(out, hane_store_actor(db)->username);
	hane_buf_str(out, ",\n  \"person\": ");
	if ((rc = person_json(db, out, pid)) != 0 ||
	    (rc = section_json(db, out, "household",
			       "SELECT id, mahalle, street, building, door,"
			       " phone, income_kurus, status, notes,"
			       " created_at, updated_at FROM household"
			       " WHERE id = :id",
			       hid)) != 0 ||
	    (rc = section_json(db, out, "household_members",
			       "SELECT id, first_name, last_name, relation"
			       " FROM person WHERE household_id = :id"
			       " ORDER BY id",
			       hid)) != 0 ||
	    (rc = services_json(db, out, pid, hid)) != 0)
		return rc;
	/* The rows of this person: KVKK art. 11 gives the right to know who
	 * processed the data. */
	if ((rc = section_json(db, out, "processing_log",
			       "SELECT at, username, action, tbl, row_id,"
			       " changes FROM audit WHERE tbl = 'person' AND"
			       " row_id = :id ORDER BY id",
			       pid)) != 0)
		return rc;
	hane_buf_str(out, "\n}\n");
	return out->oom ? HANE_ENOMEM : 0;
}

/* Writes out to the open *fd, syncs and closes it (*fd = -1 once
 * closed); HANE_EIO (message naming path) on failure. */
static int write_export(int *fd, const char *path, const struct hane_buf *out)
{
	for (size_t off = 0; off < out->len;) {
		ssize_t w = write(*fd, out->s + off, out->len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			hane_error_set(hane_msg(HANE_M_SEC_FILE), path,
				       strerror(errno));
			return HANE_EIO;
		}
		off += (size_t)w;
	}
	if (fsync(*fd) != 0 || close(*fd) != 0) {
		*fd = -1;
		hane_error_set(hane_msg(HANE_M_SEC_FILE), path,
			       strerror(errno));
		return HANE_EIO;
	}
	*fd = -1;
	return 0;
}

int hane_person_access_export(hane_db *db, const char *tckn, const char *path)
{
	struct hane_buf out = {0};
	int64_t pid = 0, hid = 0;
	char hex[65], detail[100];
	int fd = -1, rc = hane_can(db, HANE_ACT_PERSON_ACCESS);
	bool created = false;

	if (rc)
		return rc;
	if ((rc = person_by_tckn(db, tckn, &pid, &hid)) != 0)
		return rc;
	if ((rc = export_json(db, &out, pid, hid)) != 0)
		goto done;
	/* The user's file, with the user's ids (hane/files.h). */
	if ((rc = hane_file_create(&fd, path, 0)) != 0)
		goto done;
	created = true;
	if ((rc = write_export(&fd, path, &out)) != 0)
		goto done;
	if ((rc = hane_sha256_file(hex, path)) != 0)
		goto done;
	snprintf(detail, sizeof detail, "{\"sha256\":\"%s\"}", hex);
	rc = hane_log_event(db, "person.access", "person", pid, detail);
done:
	if (fd >= 0)
		close(fd);
	/* A half-written copy of someone's data must not stay behind. */
	if (rc && created)
		hane_file_remove(path, 0);
	free(out.s);
	return rc;
}

/* ---- Reading the audit trail -------------------------------------------------- */

static void read_audit(hane_stmt *st, struct hane_audit_row *r)
{
	r->id = hane_stmt_int(st, 0);
	HANE_COPY(r->at, hane_stmt_text(st, 1));
	HANE_COPY(r->username, hane_stmt_text(st, 2));
	HANE_COPY(r->action, hane_stmt_text(st, 3));
	HANE_COPY(r->table, hane_stmt_text(st, 4));
	r->row_id = hane_stmt_int(st, 5);
	r->changes = hane_stmt_text(st, 6);
	HANE_COPY(r->os_user, hane_stmt_text(st, 7));
}

HANE_STORE_EACH_ROW(audit, struct hane_audit_row, read_audit)

int hane_audit_each(hane_db *db, const struct hane_audit_filter *f,
		    int (*fn)(const struct hane_audit_row *r, void *arg),
		    void *arg)
{
	struct audit_each w = {fn, arg};
	int64_t hid = 0;
	char detail[400];
	int rc = hane_can(db, HANE_ACT_AUDIT_READ);

	if (rc)
		return rc;
	if (f->person_id &&
	    hane_store_query_int(
		    db, &hid, "SELECT household_id FROM person WHERE id = :id",
		    ":id", f->person_id) != 0)
		hid = 0;
	{
		struct hane_buf d = {0};
		char num[32];

		hane_buf_str(&d, "{\"user\":");
		hane_buf_json(&d, f->username ? f->username : "");
		snprintf(num, sizeof num,
			 ",\"person\":%lld,\"from\":", (long long)f->person_id);
		hane_buf_str(&d, num);
		hane_buf_json(&d, f->from ? f->from : "");
		hane_buf_str(&d, ",\"to\":");
		hane_buf_json(&d, f->to ? f->to : "");
		hane_buf_str(&d, "}");
		HANE_COPY(detail, d.oom ? "{}" : d.s);
		free(d.s);
	}
	if ((rc = hane_log_event(db, "audit.view", "", 0, detail)) != 0)
		return rc;
	{
		const struct hane_field p[] = {
			HANE_FTEXT(":user", f->username),
			HANE_FINT(":pid", f->person_id),
			HANE_FINT(":hid", hid),
			HANE_FTEXT(":from", f->from),
			HANE_FTEXT(":to", f->to),
			HANE_FTEXT(":act", f->action),
			HANE_FINT(":lim", f->limit > 0 ? f->limit : -1)};

		return hane_store_each(
			db,
			/* The newest :lim rows, shown oldest first like the
			 * rest. */
			"SELECT * FROM (SELECT id, at, username, action, tbl,"
			" coalesce(row_id, 0), coalesce(changes, ''),"
			" coalesce(os_user, '') FROM audit WHERE"
			" (:user IS NULL OR username = :user) AND"
			" (:pid = 0 OR (tbl = 'person' AND row_id = :pid) OR"
			"  (:hid <> 0 AND tbl = 'household' AND row_id = :hid))"
			" AND (:from IS NULL OR at >= :from) AND"
			" (:to IS NULL OR substr(at, 1, 10) <= :to) AND"
			" (:act IS NULL OR action = :act OR (substr(:act, -1) ="
			" '.' AND substr(action, 1, length(:act)) = :act))"
			" ORDER BY id DESC LIMIT :lim) ORDER BY id",
			p, HANE_COUNTOF(p), audit_row, &w);
	}
}
