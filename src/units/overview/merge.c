/* Cross-unit duplicates: persons registered twice (an import of one unit
 * and a form of another) found by folded name and birth date, merged
 * field by field, and the merge undone from what overview_merge kept. */
#include <stdio.h>
#include <string.h>

#include "hane/core.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/record.h"
#include "units/households/households_int.h"
#include "units/overview/overview_int.h"

static const char *const field_names[HANE_OV_MF__COUNT] = {
#define HANE_X_(n, s) s,
	HANE_OV_MERGE_FIELDS(HANE_X_)
#undef HANE_X_
};

const char *hane_overview_merge_field_name(int f)
{
	return f >= 0 && f < HANE_OV_MF__COUNT ? field_names[f] : "";
}

int hane_overview_merge_field_parse(const char *name)
{
	for (int f = 0; f < HANE_OV_MF__COUNT; f++)
		if (name && strcmp(name, field_names[f]) == 0)
			return f;
	if (name && strcmp(name, "disability") == 0)
		return HANE_OV_MF_DISABILITY;
	return -1;
}

/* The person's field a merge decides as f: the column of the same name
 * in the person's field table (hane/households.h). */
static const struct hane_fdef *field_def(int f)
{
	const struct hane_rdef *d = &hane_person_rdef;

	for (size_t i = 0; f >= 0 && f < HANE_OV_MF__COUNT && i < d->nfields;
	     i++)
		if (strcmp(d->fields[i].column, field_names[f]) == 0)
			return &d->fields[i];
	return NULL;
}

/* The text of field f of p ("" when unknown), for comparing and logs. */
static const char *field_text(const struct hane_person *p, int f, char *buf,
			      size_t sz)
{
	const struct hane_fdef *d = field_def(f);
	const char *m = d ? (const char *)p + d->offset : "";

	if (d && d->type == HANE_FT_INT) {
		int v = *(const int *)m;

		if (v < 0)
			return "";
		snprintf(buf, sz, "%d", v);
		return buf;
	}
	return m;
}

static void field_take(struct hane_person *a, const struct hane_person *b,
		       int f)
{
	const struct hane_fdef *d = field_def(f);

	if (d)
		memcpy((char *)a + d->offset, (const char *)b + d->offset,
		       d->size);
}

void hane_overview_merge_defaults(const struct hane_person *a,
				  const struct hane_person *b,
				  struct hane_ov_merge_plan *plan)
{
	char x[16], y[16];

	for (int f = 0; f < HANE_OV_MF__COUNT; f++)
		plan->from_b[f] = !field_text(a, f, x, sizeof x)[0] &&
				  field_text(b, f, y, sizeof y)[0];
}

/* ---- Finding them ---------------------------------------------------------- */

/* The walks of this file: fn's first non-zero return ends one and is the
 * walk's result (a positive one too, as the callers may stop with their
 * own), which hane_store_each would make 0: the row keeps it in *stop. */
static int walk_on(int rc, int *stop)
{
	if (rc > 0)
		*stop = rc;
	return rc;
}

/* sql's rows to row(st, w), for a reader of the households; the walk's
 * result as above. */
static int walk(hane_db *db, const char *sql,
		int (*row)(hane_stmt *st, void *arg), void *w, const int *stop)
{
	int rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ);

	if (rc == 0)
		rc = hane_store_each(db, sql, NULL, 0, row, w);
	return rc ? rc : *stop;
}

struct dup_walk {
	hane_db *db;
	int (*fn)(const struct hane_person *a, const struct hane_person *b,
		  void *arg);
	void *arg;
	int n, stop;
};

static int dup_row(hane_stmt *st, void *arg)
{
	struct dup_walk *w = arg;
	struct hane_person a, b;
	int rc;

	if ((rc = hane_person_get(w->db, hane_stmt_int(st, 0), &a)) != 0 ||
	    (rc = hane_person_get(w->db, hane_stmt_int(st, 1), &b)) != 0)
		return rc;
	w->n++;
	return walk_on(w->fn(&a, &b, w->arg), &w->stop);
}

int hane_overview_duplicates(hane_db *db,
			     int (*fn)(const struct hane_person *a,
				       const struct hane_person *b, void *arg),
			     void *arg, int *total)
{
	struct dup_walk w = {db, fn, arg, 0, 0};
	int rc;

	/* One walk of the (name_key, birth_date) index for the groups, then
	 * the pairs inside each: a, the one with a TC Kimlik No (else the
	 * older record), before b. */
	rc = walk(
		db,
		"WITH g AS (SELECT name_key, birth_date FROM person"
		" WHERE birth_date IS NOT NULL AND birth_date <> ''"
		" GROUP BY name_key, birth_date HAVING count(*) > 1)"
		" SELECT a.id, b.id FROM g"
		" JOIN person a ON a.name_key = g.name_key"
		" AND a.birth_date = g.birth_date"
		" JOIN person b ON b.name_key = g.name_key"
		" AND b.birth_date = g.birth_date AND b.id <> a.id"
		" AND (a.tckn IS NOT NULL AND b.tckn IS NULL"
		" OR (a.tckn IS NULL) = (b.tckn IS NULL) AND a.id < b.id)"
		" ORDER BY a.first_name || ' ' || a.last_name COLLATE TURKISH,"
		" a.id, b.id",
		dup_row, &w, &w.stop);
	if (total)
		*total = w.n;
	return rc;
}

/* ---- Merging --------------------------------------------------------------- */

/* The rows of other units that point at a person: every column the
 * registry of records flags HANE_FF_PERSON_REF (hane/record.h), in the
 * tables this database has. The unit rules a merge may not break
 * (check_units) stay written here.
 * The i-th person reference of the registry: its table and column. */
static bool person_ref(size_t i, const char **tbl, const char **col)
{
	const struct hane_rdef *d;

	for (size_t k = 0; (d = hane_record_def(k)); k++)
		for (size_t f = 0; f < d->nfields; f++)
			if ((d->fields[f].flags & HANE_FF_PERSON_REF) &&
			    i-- == 0) {
				*tbl = d->table;
				*col = d->fields[f].column;
				return true;
			}
	return false;
}

static bool is_person_ref(const char *tbl, const char *col)
{
	const char *t, *c;

	for (size_t i = 0; person_ref(i, &t, &c); i++)
		if (strcmp(t, tbl) == 0 && strcmp(c, col) == 0)
			return true;
	return false;
}

static int count_sql(hane_db *db, const char *sql, int64_t a, int64_t b,
		     int64_t *out)
{
	const struct hane_field p[] = {HANE_FINT(":a", a), HANE_FINT(":b", b)};

	return hane_store_ints(db, sql, p, 2, out, 1);
}

/* The merge may not break a rule the units hold: one rider per person,
 * one open care client per person. Each rule counts the distinct persons
 * of :a and :b holding such a row; both is refused with its message. */
static int check_units(hane_db *db, int64_t a, int64_t b)
{
	static const struct {
		const char *sql;
		enum hane_msg refused;
	} rules[] = {
		{"SELECT count(DISTINCT person_id) FROM taxi_rider"
		 " WHERE person_id IN (:a, :b)",
		 HANE_M_OV_MERGE_TWO_RIDERS},
		{"SELECT count(DISTINCT person_id)"
		 " FROM homecare_client WHERE end_date IS NULL"
		 " AND person_id IN (:a, :b)",
		 HANE_M_OV_MERGE_TWO_CLIENTS},
	};
	int64_t n;
	int rc;

	for (size_t i = 0; i < HANE_COUNTOF(rules); i++) {
		if ((rc = count_sql(db, rules[i].sql, a, b, &n)))
			return rc;
		if (n == 2) {
			hane_error_set("%s", hane_msg(rules[i].refused));
			return HANE_EINVAL;
		}
	}
	return 0;
}

/* Moves every unit row of one person to another, logging each move under
 * merge_id (undo: the same moves the other way, from the log). */
static int move_refs(hane_db *db, int64_t merge_id, int64_t from, int64_t to,
		     int *moved)
{
	char sql[256];
	const char *tbl, *col;
	int rc = 0;

	for (size_t i = 0; !rc && person_ref(i, &tbl, &col); i++) {
		hane_stmt *st = NULL;
		int64_t ids[512], vers[512];
		int n = 0;

		if (!hane_store_has_table(db, tbl))
			continue;
		snprintf(sql, sizeof sql,
			 "SELECT id, version FROM %s WHERE %s = :p LIMIT 512",
			 tbl, col);
		if ((rc = hane_stmt_prepare(db, &st, sql)) != 0)
			return rc;
		if ((rc = hane_stmt_bind_int(st, ":p", from)) == 0)
			while ((rc = hane_stmt_step(st)) == HANE_ROW &&
			       n < 512) {
				ids[n] = hane_stmt_int(st, 0);
				vers[n++] = hane_stmt_int(st, 1);
			}
		hane_stmt_finalize(st);
		if (rc < 0)
			return rc;
		rc = 0;
		for (int k = 0; k < n && !rc; k++) {
			struct hane_field f[] = {HANE_FINT(col, to)};
			struct hane_field l[] = {
				HANE_FINT("merge_id", merge_id),
				HANE_FTEXT("tbl", tbl), HANE_FTEXT("col", col),
				HANE_FINT("row_id", ids[k])};

			rc = hane_store_update(db, tbl, ids[k], vers[k], f, 1,
					       NULL);
			if (!rc && merge_id)
				rc = hane_store_insert(db, "overview_merge_ref",
						       l, 4, NULL);
			if (!rc)
				(*moved)++;
		}
	}
	return rc;
}

static int set_household(hane_db *db, int64_t hh, const char *status,
			 int64_t head)
{
	struct hane_household h;
	struct hane_field f[2] = {HANE_FTEXT("status", status),
				  HANE_FNULL("head_id")};
	int rc;

	if ((rc = hane_household_get(db, hh, &h)) != 0)
		return rc;
	if (head)
		f[1] = (struct hane_field)HANE_FINT("head_id", head);
	return hane_store_update(db, "household", hh, h.version, f, 2, NULL);
}

static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

/* The copies a merge keeps (overview_merge): of a, the fields a merge
 * decides (a_<column>); of b, every field of the person's table
 * (b_<column>). Names land in the caller's buffer. */
#define COPIES_MAX 32
struct copies {
	struct hane_field f[COPIES_MAX];
	char name[COPIES_MAX][48];
	size_t n;
};

static void copy_add(struct copies *c, const char *prefix,
		     const struct hane_fdef *d, const struct hane_person *p)
{
	if (c->n == COPIES_MAX)
		return;
	snprintf(c->name[c->n], sizeof c->name[c->n], "%s%s", prefix,
		 d->column);
	c->f[c->n] = hane_record_value(d, p);
	c->f[c->n].name = c->name[c->n];
	c->n++;
}

static void copies_of(struct copies *c, const struct hane_person *a,
		      const struct hane_person *b)
{
	const struct hane_rdef *d = &hane_person_rdef;

	for (int f = 0; f < HANE_OV_MF__COUNT; f++)
		if (field_def(f))
			copy_add(c, "a_", field_def(f), a);
	for (size_t i = 0; i < d->nfields; i++)
		copy_add(c, "b_", &d->fields[i], b);
}

/* Appends ", a_<column>… , b_<column>…" in copies_of's order. */
static void copies_select(char *sql, size_t sz)
{
	const struct hane_rdef *d = &hane_person_rdef;
	size_t len = strlen(sql);

	for (int f = 0; f < HANE_OV_MF__COUNT && len < sz; f++)
		if (field_def(f))
			len += (size_t)snprintf(sql + len, sz - len, ", a_%s",
						field_def(f)->column);
	for (size_t i = 0; i < d->nfields && len < sz; i++)
		len += (size_t)snprintf(sql + len, sz - len, ", b_%s",
					d->fields[i].column);
}

/* Reads copies_select's columns from col on into a and b. */
static void copies_read(hane_stmt *st, int col, struct hane_person *a,
			struct hane_person *b)
{
	const struct hane_rdef *d = &hane_person_rdef;

	for (int f = 0; f < HANE_OV_MF__COUNT; f++)
		if (field_def(f))
			hane_record_column(field_def(f), a, st, col++);
	for (size_t i = 0; i < d->nfields; i++)
		hane_record_column(&d->fields[i], b, st, col++);
}

/* b's household when b heads it: *alone_head set when b is its only
 * member; HANE_EINVAL (message set) when others live there. */
static int check_b_head(hane_db *db, const struct hane_person *b,
			struct hane_household *hb, bool *alone_head)
{
	int rc;

	*alone_head = false;
	if ((rc = hane_household_get(db, b->household_id, hb)) != 0)
		return rc;
	if (hb->head_id == b->id) {
		if (hb->members > 1) {
			hane_error_set(hane_msg(HANE_M_OV_MERGE_HEAD),
				       (long long)hb->id);
			return HANE_EINVAL;
		}
		*alone_head = true;
	}
	return 0;
}

/* na = a with the plan's fields taken from b; their names, comma
 * separated, land in fields (160 bytes). */
static void plan_apply(const struct hane_ov_merge_plan *plan,
		       const struct hane_person *a, const struct hane_person *b,
		       struct hane_person *na, char *fields)
{
	*na = *a;
	fields[0] = '\0';
	for (int f = 0; f < HANE_OV_MF__COUNT; f++) {
		if (!plan->from_b[f])
			continue;
		field_take(na, b, f);
		if (fields[0])
			strcat(fields, ",");
		strcat(fields, field_names[f]);
	}
}

/* Runs an UPDATE of the log row bound to :m = mid and :x = x; 0 or the
 * error (bookkeeping of the log row itself, not an edit). */
static int log_update(hane_db *db, const char *sql, int64_t mid, int64_t x)
{
	const struct hane_field p[] = {HANE_FINT(":x", x),
				       HANE_FINT(":m", mid)};

	return hane_store_run(db, sql, p, 2);
}

/* Writes the overview_merge row of merging b into a (the copies, the
 * fields taken, b's keys and creation stamp, b's household when b headed
 * it alone) and returns its id in *mid. */
static int log_insert(hane_db *db, const struct hane_person *a,
		      const struct hane_person *b, const char *fields,
		      const struct hane_household *hb, bool alone_head,
		      int64_t *mid)
{
	struct copies c = {.n = 0};
	char bkey[2 * HANE_NAME_MAX], pk[16];
	int rc;

	hh_name_key(bkey, b->first_name, b->last_name);
	struct hane_field more[] = {
		HANE_FINT("kept_id", a->id),
		HANE_FINT("merged_id", b->id),
		HANE_FINT("kept_version", 0),
		HANE_FTEXT("fields", fields),
		HANE_FTEXT("b_name_key", bkey),
		HANE_FTEXT("b_phone_key", hh_phone_key(pk, b->phone)),
		HANE_FTEXT("b_created_at", ""),
		alone_head ? (struct hane_field)HANE_FINT("hh_id", hb->id)
			   : (struct hane_field)HANE_FNULL("hh_id"),
		HANE_FTEXT("hh_status", alone_head ? hb->status : NULL),
	};

	copies_of(&c, a, b);
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		c.f[c.n++] = more[i];
	if ((rc = hane_store_insert(db, "overview_merge", c.f, c.n, mid)))
		return rc;
	/* b's own creation stamp, which the struct does not carry. */
	return log_update(db,
			  "UPDATE overview_merge SET (b_created_at,"
			  " b_created_by) = (SELECT created_at, created_by"
			  " FROM person WHERE id = :x) WHERE id = :m",
			  *mid, b->id);
}

/* Records on log row mid the version a has now (undo checks it). */
static int log_kept_version(hane_db *db, int64_t ia, int64_t mid)
{
	struct hane_person now;
	int rc;

	if ((rc = hane_person_get(db, ia, &now)) != 0)
		return rc;
	return log_update(db,
			  "UPDATE overview_merge SET"
			  " kept_version = :x WHERE id = :m",
			  mid, now.version);
}

int hane_overview_merge(hane_db *db, int64_t ia, int64_t ib,
			const struct hane_ov_merge_plan *plan,
			int64_t *merge_id)
{
	struct hane_person a, b, na;
	struct hane_household hb;
	struct hane_ov_merge_plan def;
	char fields[160] = "", detail[256];
	int64_t mid = 0;
	int rc, moved = 0;
	bool alone_head = false;

	if (merge_id)
		*merge_id = 0;
	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	if (ia == ib) {
		hane_error_set("%s", hane_msg(HANE_M_OV_MERGE_SAME));
		return HANE_EINVAL;
	}
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	if ((rc = hane_person_get(db, ia, &a)) ||
	    (rc = hane_person_get(db, ib, &b)))
		goto done;
	if ((rc = check_units(db, ia, ib)) != 0)
		goto done;
	if ((rc = check_b_head(db, &b, &hb, &alone_head)) != 0)
		goto done;
	if (!plan) {
		hane_overview_merge_defaults(&a, &b, &def);
		plan = &def;
	}
	plan_apply(plan, &a, &b, &na, fields);
	/* The log first: the moves below point at it. */
	if ((rc = log_insert(db, &a, &b, fields, &hb, alone_head, &mid)))
		goto done;
	if ((rc = move_refs(db, mid, ib, ia, &moved)) != 0)
		goto done;
	if (alone_head && (rc = set_household(db, hb.id, "passive", 0)))
		goto done;
	/* b goes before a takes its values: the TC Kimlik No is unique. */
	if ((rc = hane_store_delete(db, "person", ib, b.version)) != 0)
		goto done;
	if (fields[0] && (rc = hane_person_update(db, &na)) != 0)
		goto done;
	if ((rc = log_kept_version(db, ia, mid)) != 0)
		goto done;
	snprintf(detail, sizeof detail,
		 "{\"kept\":%lld,\"merged\":%lld,\"fields\":\"%s\","
		 "\"moved\":%d}",
		 (long long)ia, (long long)ib, fields, moved);
	rc = hane_store_audit_event(db, "person.merge", "overview_merge", mid,
				    detail);
done:
	rc = hane_store_end(db, rc);
	if (!rc && merge_id)
		*merge_id = mid;
	return rc;
}

/* ---- Undo ------------------------------------------------------------------ */

/* What overview_merge kept of one merge: a as it was before, b whole. */
struct undo_log {
	int64_t ia, ib, kept_version, version, hh;
	char undone[20], hh_status[8];
	char b_key[2 * HANE_NAME_MAX], b_pkey[16], b_cat[20], b_cby[64];
	struct hane_person a, b;
};

/* Reads log row merge_id into u; HANE_ENOTFOUND when there is none,
 * HANE_EINVAL when already undone (messages set). */
static int undo_read(hane_db *db, int64_t merge_id, struct undo_log *u)
{
	hane_stmt *st = NULL;
	char q[1024] =
		"SELECT kept_id, merged_id, kept_version, version,"
		" coalesce(undone_at, ''), b_name_key, coalesce(b_phone_key,"
		" ''), b_created_at, coalesce(b_created_by, ''),"
		" coalesce(hh_id, 0), coalesce(hh_status, '')";
	int rc;

	copies_select(q, sizeof q - 40);
	strcat(q, " FROM overview_merge WHERE id = :m");
	if ((rc = hane_stmt_prepare(db, &st, q)) != 0)
		goto done;
	if ((rc = hane_stmt_bind_int(st, ":m", merge_id)) != 0)
		goto done;
	if ((rc = hane_stmt_step(st)) != HANE_ROW) {
		rc = hane_store_missing(rc == HANE_DONE ? HANE_ENOTFOUND : rc,
					HANE_M_OV_MERGE_NONE, merge_id);
		goto done;
	}
	u->ia = hane_stmt_int(st, 0);
	u->ib = hane_stmt_int(st, 1);
	u->kept_version = hane_stmt_int(st, 2);
	u->version = hane_stmt_int(st, 3);
	HANE_COPY(u->undone, hane_stmt_text(st, 4));
	HANE_COPY(u->b_key, hane_stmt_text(st, 5));
	HANE_COPY(u->b_pkey, hane_stmt_text(st, 6));
	HANE_COPY(u->b_cat, hane_stmt_text(st, 7));
	HANE_COPY(u->b_cby, hane_stmt_text(st, 8));
	u->hh = hane_stmt_int(st, 9);
	HANE_COPY(u->hh_status, hane_stmt_text(st, 10));
	if ((rc = hane_person_get(db, u->ia, &u->a)) != 0)
		goto done;
	hane_person_init(&u->b);
	copies_read(st, 11, &u->a, &u->b);
	if (u->undone[0]) {
		hane_error_set(hane_msg(HANE_M_OV_MERGE_UNDONE),
			       (long long)merge_id, u->undone);
		rc = HANE_EINVAL;
		goto done;
	}
	rc = 0;
done:
	hane_stmt_finalize(st);
	return rc;
}

/* HANE_ECONFLICT (message set) when a was edited since the merge. */
static int check_unchanged(hane_db *db, const struct undo_log *u)
{
	struct hane_person cur;
	int rc;

	if ((rc = hane_person_get(db, u->ia, &cur)) != 0)
		return rc;
	if (cur.version != u->kept_version) {
		hane_error_set(hane_msg(HANE_M_OV_MERGE_CHANGED),
			       cur.updated_by, cur.updated_at);
		return HANE_ECONFLICT;
	}
	return 0;
}

/* Inserts b as it was, with its own id, search keys, search words and
 * original creation stamp. */
static int restore_b(hane_db *db, const struct undo_log *u)
{
	const struct hane_rdef *d = &hane_person_rdef;
	struct hane_field f[COPIES_MAX + 3];
	const struct hane_field p[] = {HANE_FTEXT(":at", u->b_cat),
				       HANE_FTEXT(":by", nz(u->b_cby)),
				       HANE_FINT(":b", u->ib)};
	size_t n = 0;
	int rc;

	f[n++] = (struct hane_field)HANE_FINT("id", u->ib);
	for (size_t i = 0; i < d->nfields && n < COPIES_MAX; i++)
		f[n++] = hane_record_value(&d->fields[i], &u->b);
	f[n++] = (struct hane_field)HANE_FTEXT("name_key", u->b_key);
	f[n++] = (struct hane_field)HANE_FTEXT("phone_key", nz(u->b_pkey));
	if ((rc = hane_store_insert(db, "person", f, n, NULL)))
		return rc;
	if ((rc = hh_index_words(db, u->ib, u->b_key)) != 0)
		return rc;
	/* Keep b's original creation stamp (the insert stamped it now). */
	return hane_store_run(db,
			      "UPDATE person SET created_at = :at,"
			      " created_by = :by WHERE id = :b",
			      p, HANE_COUNTOF(p));
}

/* Moves the unit rows merge_id moved to a back to ib, from the log. */
static int refs_back(hane_db *db, int64_t merge_id, int64_t ib)
{
	hane_stmt *st = NULL;
	int rc;

	if ((rc = hane_stmt_prepare(db, &st,
				    "SELECT tbl, col, row_id FROM"
				    " overview_merge_ref"
				    " WHERE merge_id = :m ORDER BY id")) ||
	    (rc = hane_stmt_bind_int(st, ":m", merge_id)))
		goto done;
	while ((rc = hane_stmt_step(st)) == HANE_ROW) {
		char tbl[64], col[64], sql[160];
		int64_t row = hane_stmt_int(st, 2), ver;
		struct hane_field f[] = {HANE_FINT(col, ib)};

		HANE_COPY(tbl, hane_stmt_text(st, 0));
		HANE_COPY(col, hane_stmt_text(st, 1));
		if (!is_person_ref(tbl, col))
			continue;
		snprintf(sql, sizeof sql,
			 "SELECT version FROM %s WHERE id = :id", tbl);
		if ((rc = hane_store_query_int(db, &ver, sql, ":id", row)) ||
		    (rc = hane_store_update(db, tbl, row, ver, f, 1, NULL)))
			goto done;
	}
	if (rc > 0)
		rc = 0;
done:
	hane_stmt_finalize(st);
	return rc;
}

int hane_overview_merge_undo(hane_db *db, int64_t merge_id)
{
	struct undo_log u;
	char now[20], detail[96];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	if ((rc = undo_read(db, merge_id, &u)) != 0)
		goto done;
	if ((rc = check_unchanged(db, &u)) != 0)
		goto done;
	/* a gives back what it took (and so frees the TC Kimlik No), then b
	 * returns with its own id. */
	if ((rc = hane_person_update(db, &u.a)) != 0)
		goto done;
	if ((rc = restore_b(db, &u)) != 0)
		goto done;
	/* The unit rows moved by the merge go back to b. */
	if ((rc = refs_back(db, merge_id, u.ib)) != 0)
		goto done;
	if (u.hh &&
	    (rc = set_household(db, u.hh,
				u.hh_status[0] ? u.hh_status : "active", u.ib)))
		goto done;
	{
		struct hane_field f[] = {
			HANE_FTEXT("undone_at", hane_now(now)),
			HANE_FTEXT("undone_by",
				   hane_store_actor(db)->username)};

		if ((rc = hane_store_update(db, "overview_merge", merge_id,
					    u.version, f, 2, NULL)))
			goto done;
	}
	snprintf(detail, sizeof detail, "{\"kept\":%lld,\"restored\":%lld}",
		 (long long)u.ia, (long long)u.ib);
	rc = hane_store_audit_event(db, "person.unmerge", "overview_merge",
				    merge_id, detail);
done:
	return hane_store_end(db, rc);
}

struct merge_walk {
	int (*fn)(const struct hane_ov_merge_entry *m, void *arg);
	void *arg;
	int stop;
};

static int merge_row(hane_stmt *st, void *arg)
{
	struct merge_walk *w = arg;
	struct hane_ov_merge_entry e;

	memset(&e, 0, sizeof e);
	e.id = hane_stmt_int(st, 0);
	e.kept_id = hane_stmt_int(st, 1);
	e.merged_id = hane_stmt_int(st, 2);
	HANE_COPY(e.kept_name, hane_stmt_text(st, 3));
	HANE_COPY(e.merged_name, hane_stmt_text(st, 4));
	HANE_COPY(e.fields, hane_stmt_text(st, 5));
	e.moved = (int)hane_stmt_int(st, 6);
	HANE_COPY(e.at, hane_stmt_text(st, 7));
	HANE_COPY(e.by, hane_stmt_text(st, 8));
	HANE_COPY(e.undone_at, hane_stmt_text(st, 9));
	return walk_on(w->fn(&e, w->arg), &w->stop);
}

int hane_overview_merges(hane_db *db,
			 int (*fn)(const struct hane_ov_merge_entry *m,
				   void *arg),
			 void *arg)
{
	struct merge_walk w = {fn, arg, 0};

	return walk(
		db,
		"SELECT m.id, m.kept_id, m.merged_id,"
		" coalesce(p.first_name || ' ' || p.last_name, ''),"
		" m.b_first_name || ' ' || m.b_last_name, m.fields,"
		" (SELECT count(*) FROM overview_merge_ref r"
		" WHERE r.merge_id = m.id), m.created_at,"
		" coalesce(m.created_by, ''), coalesce(m.undone_at, '')"
		" FROM overview_merge m LEFT JOIN person p ON p.id = m.kept_id"
		" ORDER BY m.id DESC",
		merge_row, &w, &w.stop);
}
