/* The acting staff member and the audited writes.
 *
 * Every insert, update and delete made through here writes one audit row:
 * who (staff id and username), when (Istanbul local time), which table and
 * row, and the fields as JSON — {"field": new} for inserts,
 * {"field": [old, new]} for updates, {"field": old} for deletes.
 * Identifiers come from the code (checked below), values are bound.
 */
#include "store_int.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/i18n.h"

/* ---- JSON of the changed values ------------------------------------------ */

static void buf_json_value(struct hane_buf *b, enum hane_value_type type,
			   const char *text, int64_t i)
{
	char num[32];

	switch (type) {
	case HANE_V_NULL:
		hane_buf_str(b, "null");
		break;
	case HANE_V_TEXT:
		hane_buf_json(b, text ? text : "");
		break;
	case HANE_V_INT:
		snprintf(num, sizeof num, "%lld", (long long)i);
		hane_buf_str(b, num);
		break;
	}
}

static int check_idents(const char *table, const struct hane_field *f, size_t n)
{
	if (!hane_sql_ident_ok(table))
		hane_die("bad table name in store write");
	for (size_t k = 0; k < n; k++)
		if (!hane_sql_ident_ok(f[k].name))
			hane_die("bad column name in store write");
	return 0;
}

/* The last guard of "no control character is stored": the models check
 * their fields by name first (hane_field_text), this catches a field a
 * model forgot, for every unit and every path (command line, console,
 * imports). Tab and newline pass here; which fields are one line is the
 * model's rule. The column is named, since no label is known here. */
static int check_text(const struct hane_field *f)
{
	if (f->type != HANE_V_TEXT || !f->text)
		return 0;
	return hane_text_check(f->name, f->text, HANE_TEXT_MULTILINE);
}

/* ---- Actor ----------------------------------------------------------- */

const char *hane_os_user(void)
{
	static char name[64];
	struct passwd *pw;

	if (name[0])
		return name;
	pw = getpwuid(geteuid());
	if (pw && pw->pw_name)
		HANE_COPY(name, pw->pw_name);
	else
		snprintf(name, sizeof name, "uid%ld", (long)geteuid());
	return name;
}

static int actor_row(hane_stmt *st, void *arg)
{
	struct hane_actor *a = arg;

	a->staff_id = hane_stmt_int(st, 0);
	HANE_COPY(a->username, hane_stmt_text(st, 1));
	HANE_COPY(a->full_name, hane_stmt_text(st, 2));
	HANE_COPY(a->role, hane_stmt_text(st, 3));
	HANE_COPY(a->unit, hane_stmt_text(st, 4));
	return 0;
}

int hane_store_set_actor(hane_db *db, const char *username)
{
	const char *who = username ? username : hane_os_user();
	const struct hane_field p[] = {HANE_FTEXT(":u", who)};
	int rc;

	memset(&db->actor, 0, sizeof db->actor);
	HANE_COPY(db->actor.username, who);
	rc = hane_store_first(
		db,
		username ? "SELECT id, username, full_name, role, "
			   "coalesce(unit,'')"
			   " FROM staff WHERE active AND username = :u"
			 : "SELECT id, username, full_name, role, "
			   "coalesce(unit,'')"
			   " FROM staff WHERE active AND os_user = :u",
		p, 1, actor_row, &db->actor);
	if (rc == HANE_ENOTFOUND) {
		hane_error_set(hane_msg(HANE_M_UNKNOWN_USER), who, who);
		rc = HANE_ENOUSER;
	}
	return rc;
}

const struct hane_actor *hane_store_actor(const hane_db *db)
{
	return &db->actor;
}

const struct hane_conflict *hane_store_last_conflict(const hane_db *db)
{
	return &db->conflict;
}

/* ---- Audit rows -------------------------------------------------------- */

static int audit_write_as(hane_db *db, const struct hane_actor *who,
			  const char *action, const char *table, int64_t id,
			  const char *changes, const char *now)
{
	/* No staff member (the OS user unknown) and no row are NULL. */
	const struct hane_field p[] = {
		HANE_FTEXT(":at", now),
		{":sid", who->staff_id ? HANE_V_INT : HANE_V_NULL, NULL,
		 who->staff_id},
		HANE_FTEXT(":user", who->username),
		HANE_FTEXT(":action", action),
		HANE_FTEXT(":tbl", table),
		{":row", id ? HANE_V_INT : HANE_V_NULL, NULL, id},
		HANE_FTEXT(":changes", changes),
		HANE_FTEXT(":os", hane_os_user())};

	return hane_store_run(
		db,
		"INSERT INTO audit(at, staff_id, username, action, tbl, row_id,"
		" changes, os_user) VALUES(:at, :sid, :user, :action, :tbl,"
		" :row, :changes, :os)",
		p, HANE_COUNTOF(p));
}

static int audit_write(hane_db *db, const char *action, const char *table,
		       int64_t id, const char *changes, const char *now)
{
	return audit_write_as(db, &db->actor, action, table, id, changes, now);
}

/* An event alone is a transaction of its own, so that its commit is the
 * read log's (not synced: see hane_store_begin()). */
int hane_store_audit_event(hane_db *db, const char *event, const char *table,
			   int64_t id, const char *detail)
{
	char now[20];
	bool outer = db->depth == 0;
	int rc;

	if (outer && (rc = hane_store_begin(db)) != 0)
		return rc;
	db->in_event = true;
	rc = audit_write(db, event, table ? table : "", id, detail,
			 hane_now(now));
	db->in_event = false;
	return outer ? hane_store_end(db, rc) : rc;
}

/* ---- The read log, written later -------------------------------------- */

/* Past this many waiting rows a search tries to write them (never
 * waiting); while another connection holds the write lock (an import, a
 * retention run) they go on waiting, up to LATER_HARD, where a search
 * waits for the lock like any write. */
#define LATER_MAX 128
#define LATER_HARD 4096
/* Rows wait at most this long for a commit to ride along with. */
#define LATER_DUE_MS 1000

int hane_store_later_write(hane_db *db)
{
	int rc = 0;

	db->in_event = true;
	for (size_t k = 0; k < db->nlater && rc == 0; k++) {
		const struct hane_later *e = &db->later[k];

		rc = audit_write_as(db, &e->who, e->event, e->table, e->id,
				    e->detail[0] ? e->detail : NULL, e->at);
	}
	db->in_event = false;
	return rc;
}

int hane_store_events_flush(hane_db *db)
{
	int rc;

	if (db->nlater == 0 || db->depth > 0)
		return 0;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	return hane_store_commit(db); /* writes them: hane_store_commit() */
}

int hane_store_events_try(hane_db *db)
{
	int rc;

	if (db->nlater == 0 || db->depth > 0)
		return 0;
	db->no_wait = true;
	rc = hane_store_events_flush(db);
	db->no_wait = false;
	if (rc == HANE_EBUSY) /* someone is writing: again in a quarter */
		db->later_since = hane_store_ms_now() - LATER_DUE_MS + 250;
	return rc;
}

int hane_store_events_due(const hane_db *db)
{
	double left;

	if (db->nlater == 0)
		return -1;
	left = db->later_since + LATER_DUE_MS - hane_store_ms_now();
	return left <= 0 ? 0 : (int)left + 1;
}

int hane_store_audit_event_later(hane_db *db, const char *event,
				 const char *table, int64_t id,
				 const char *detail)
{
	struct hane_later *e;
	int rc;

	if (db->depth > 0) /* a transaction is open: ride along now */
		return hane_store_audit_event(db, event, table, id, detail);
	/* Many waiting: written if the lock is free this instant (once at
	 * LATER_MAX; after that when due, a quarter second after a busy
	 * try); far too many: the search waits for the lock, as any write
	 * does. */
	if (db->nlater == LATER_MAX)
		(void)hane_store_events_try(db);
	if (db->nlater >= LATER_HARD && (rc = hane_store_events_flush(db)) != 0)
		return rc;
	if (!(e = hane_grow(db->later, &db->later_cap, db->nlater, sizeof *e,
			    LATER_MAX)))
		return HANE_ENOMEM;
	db->later = e;
	e = &db->later[db->nlater];
	memset(e, 0, sizeof *e);
	hane_now(e->at);
	e->who = db->actor;
	HANE_COPY(e->event, event);
	HANE_COPY(e->table, table ? table : "");
	e->id = id;
	HANE_COPY(e->detail, detail ? detail : "");
	if (db->nlater++ == 0)
		db->later_since = hane_store_ms_now();
	/* Due: write them if the lock is free this instant; a search never
	 * waits for it (the rows stay, with their times, for the next try,
	 * commit or close). */
	if (hane_store_events_due(db) == 0)
		(void)hane_store_events_try(db);
	return 0;
}

static int bind_field(hane_stmt *st, const char *param,
		      const struct hane_field *f)
{
	switch (f->type) {
	case HANE_V_TEXT:
		return hane_stmt_bind_text(st, param, f->text);
	case HANE_V_INT:
		return hane_stmt_bind_int(st, param, f->i);
	default:
		return hane_stmt_bind_null(st, param);
	}
}

/* Runs sql, an INSERT or an UPDATE, with the fields bound (those marked
 * in differs; NULL: all), the time and the actor, and for an UPDATE the
 * id and the version it checks. */
static int write_row(hane_db *db, const char *sql, const struct hane_field *f,
		     size_t n, const bool *differs, const char *now, int64_t id,
		     int64_t version)
{
	hane_stmt *st = NULL;
	char param[48];
	int rc = hane_stmt_prepare(db, &st, sql);

	for (size_t k = 0; rc == 0 && k < n; k++) {
		if (differs && !differs[k])
			continue;
		snprintf(param, sizeof param, ":%s", f[k].name);
		rc = bind_field(st, param, &f[k]);
	}
	if (rc == 0 && !(rc = hane_stmt_bind_text(st, ":now_", now)) &&
	    !(rc = hane_stmt_bind_text(st, ":by_", db->actor.username)) &&
	    (!differs || (!(rc = hane_stmt_bind_int(st, ":id", id)) &&
			  !(rc = hane_stmt_bind_int(st, ":v_", version))))) {
		rc = hane_stmt_step(st);
		rc = rc == HANE_DONE ? 0 : rc;
	}
	hane_stmt_finalize(st);
	return rc;
}

/* The transaction of a write whose SQL the caller has just built: none,
 * and HANE_ENOMEM, when building it ran out of memory (oom). */
static int begin_built(hane_db *db, bool oom)
{
	return oom ? HANE_ENOMEM : hane_store_begin(db);
}

/* ---- Insert ------------------------------------------------------------ */

int hane_store_insert(hane_db *db, const char *table,
		      const struct hane_field *f, size_t n, int64_t *id)
{
	struct hane_buf sql = {0}, json = {0};
	char now[20], param[48];
	int64_t newid = 0;
	int rc;

	check_idents(table, f, n);
	for (size_t k = 0; k < n; k++)
		if ((rc = check_text(&f[k])) != 0)
			return rc;
	hane_now(now);
	hane_buf_str(&sql, "INSERT INTO ");
	hane_buf_str(&sql, table);
	hane_buf_str(&sql, "(");
	for (size_t k = 0; k < n; k++) {
		hane_buf_str(&sql, f[k].name);
		hane_buf_str(&sql, ", ");
	}
	hane_buf_str(&sql, "version, created_at, created_by, updated_at,"
			   " updated_by) VALUES(");
	for (size_t k = 0; k < n; k++) {
		snprintf(param, sizeof param, ":%s, ", f[k].name);
		hane_buf_str(&sql, param);
	}
	hane_buf_str(&sql, "1, :now_, :by_, :now_, :by_)");
	hane_buf_str(&json, "{");
	for (size_t k = 0; k < n; k++) {
		if (k)
			hane_buf_str(&json, ",");
		hane_buf_json(&json, f[k].name);
		hane_buf_str(&json, ":");
		buf_json_value(&json, f[k].type, f[k].text, f[k].i);
	}
	hane_buf_str(&json, "}");
	if ((rc = begin_built(db, sql.oom || json.oom)) != 0)
		goto done;
	rc = write_row(db, sql.s, f, n, NULL, now, 0, 0);
	if (rc == 0) {
		newid = hane_store_last_id(db);
		rc = audit_write(db, "insert", table, newid, json.s, now);
	}
	rc = hane_store_end(db, rc);
	if (rc == 0 && id)
		*id = newid;
done:
	free(sql.s);
	free(json.s);
	return rc;
}

/* ---- Update ------------------------------------------------------------ */

/* Fills db->conflict from the row as it is now. */
static void note_conflict(hane_db *db, const char *table, int64_t id,
			  int64_t version, const char *by, const char *at)
{
	struct hane_conflict *c = &db->conflict;

	HANE_COPY(c->table, table);
	c->id = id;
	c->version = version;
	HANE_COPY(c->updated_by, by);
	HANE_COPY(c->updated_at, at);
	/* "12:04" when it was today, the full stamp otherwise. */
	hane_error_set(hane_msg(HANE_M_CONFLICT), at[0] ? at + 11 : "?",
		       by[0] ? by : "?");
}

static bool same_value(hane_stmt *old, int col, const struct hane_field *f)
{
	bool null = hane_stmt_is_null(old, col);

	switch (f->type) {
	case HANE_V_NULL:
		return null;
	case HANE_V_INT:
		return !null && hane_stmt_int(old, col) == f->i;
	case HANE_V_TEXT:
		return !null && strcmp(hane_stmt_text(old, col),
				       f->text ? f->text : "") == 0;
	}
	return false;
}

static void json_old_value(struct hane_buf *json, hane_stmt *old, int col)
{
	if (hane_stmt_is_null(old, col))
		hane_buf_str(json, "null");
	else
		hane_buf_json(json, hane_stmt_text(old, col));
}

/* Steps sel (a SELECT … WHERE id = :id; NULL: out of memory) to row id
 * of table in *st; a missing row is HANE_ENOTFOUND, said. */
static int row_by_id(hane_db *db, hane_stmt **st, const char *sel,
		     const char *table, int64_t id)
{
	int rc = sel ? hane_stmt_prepare(db, st, sel) : HANE_ENOMEM;

	if (rc == 0 && (rc = hane_stmt_bind_int(*st, ":id", id)) == 0)
		rc = hane_stmt_step(*st);
	if (rc == HANE_DONE) {
		hane_error_set(hane_msg(HANE_M_NOT_FOUND_ROW), table,
			       (long long)id);
		return HANE_ENOTFOUND;
	}
	return rc == HANE_ROW ? 0 : rc;
}

/* Reads row id's version and the fields' old values (columns 3…) into
 * *old; a missing row or another version is refused (the conflict
 * noted). */
static int read_old(hane_db *db, const char *table, int64_t id, int64_t version,
		    const struct hane_field *f, size_t n, hane_stmt **old)
{
	struct hane_buf sql = {0};
	int rc;

	hane_buf_str(&sql, "SELECT version, coalesce(updated_by,''),"
			   " coalesce(updated_at,'')");
	for (size_t k = 0; k < n; k++) {
		hane_buf_str(&sql, ", ");
		hane_buf_str(&sql, f[k].name);
	}
	hane_buf_str(&sql, " FROM ");
	hane_buf_str(&sql, table);
	hane_buf_str(&sql, " WHERE id = :id");
	rc = row_by_id(db, old, sql.oom ? NULL : sql.s, table, id);
	free(sql.s);
	if (rc)
		return rc;
	if (hane_stmt_int(*old, 0) != version) {
		note_conflict(db, table, id, hane_stmt_int(*old, 0),
			      hane_stmt_text(*old, 1), hane_stmt_text(*old, 2));
		return HANE_ECONFLICT;
	}
	return 0;
}

/* The fields whose value differs from old: marked in differs, set in the
 * UPDATE (upd) and listed old → new in the audit's JSON; *ndiff counts
 * them. */
static int diff_fields(hane_stmt *old, const struct hane_field *f, size_t n,
		       bool *differs, struct hane_buf *upd,
		       struct hane_buf *json, int *ndiff)
{
	char param[48];
	int rc;

	hane_buf_str(json, "{");
	for (size_t k = 0; k < n; k++) {
		if (same_value(old, 3 + (int)k, &f[k]))
			continue;
		if ((rc = check_text(&f[k])) != 0)
			return rc;
		differs[k] = true;
		snprintf(param, sizeof param, "%s = :%s, ", f[k].name,
			 f[k].name);
		hane_buf_str(upd, param);
		if ((*ndiff)++)
			hane_buf_str(json, ",");
		hane_buf_json(json, f[k].name);
		hane_buf_str(json, ":[");
		json_old_value(json, old, 3 + (int)k);
		hane_buf_str(json, ",");
		buf_json_value(json, f[k].type, f[k].text, f[k].i);
		hane_buf_str(json, "]");
	}
	hane_buf_str(json, "}");
	return upd->oom || json->oom ? HANE_ENOMEM : 0;
}

int hane_store_update(hane_db *db, const char *table, int64_t id,
		      int64_t version, const struct hane_field *f, size_t n,
		      int *changed)
{
	struct hane_buf upd = {0}, json = {0};
	hane_stmt *old = NULL;
	bool *differs = NULL;
	char now[20];
	int ndiff = 0, rc;

	if (changed)
		*changed = 0;
	check_idents(table, f, n);
	hane_now(now);
	differs = calloc(n ? n : 1, sizeof *differs);
	if (!differs)
		return HANE_ENOMEM;
	if ((rc = hane_store_begin(db)) != 0)
		goto out;
	if ((rc = read_old(db, table, id, version, f, n, &old)) != 0)
		goto done;
	hane_buf_str(&upd, "UPDATE ");
	hane_buf_str(&upd, table);
	hane_buf_str(&upd, " SET ");
	rc = diff_fields(old, f, n, differs, &upd, &json, &ndiff);
	hane_buf_str(&upd,
		     "version = version + 1, updated_at = :now_,"
		     " updated_by = :by_ WHERE id = :id AND version = :v_");
	hane_stmt_finalize(old);
	old = NULL;
	if (rc == 0 && upd.oom)
		rc = HANE_ENOMEM;
	if (rc || ndiff == 0)
		goto done;
	rc = write_row(db, upd.s, f, n, differs, now, id, version);
	if (rc == 0)
		rc = audit_write(db, "update", table, id, json.s, now);
done:
	hane_stmt_finalize(old);
	rc = hane_store_end(db, rc);
	if (rc == 0 && changed)
		*changed = ndiff;
out:
	free(differs);
	free(upd.s);
	free(json.s);
	return rc;
}

/* ---- Delete ------------------------------------------------------------ */

/* The row about to go, every column, as the audit's JSON; another
 * version than the caller's is a conflict (noted). */
static int old_row_json(hane_db *db, const char *table, int64_t id,
			int64_t version, hane_stmt *old, struct hane_buf *json)
{
	int ncol = hane_stmt_columns(old), vcol = -1, bycol = -1, atcol = -1;

	hane_buf_str(json, "{");
	for (int c = 0; c < ncol; c++) {
		const char *name = hane_stmt_column_name(old, c);

		if (strcmp(name, "version") == 0)
			vcol = c;
		else if (strcmp(name, "updated_by") == 0)
			bycol = c;
		else if (strcmp(name, "updated_at") == 0)
			atcol = c;
		if (c)
			hane_buf_str(json, ",");
		hane_buf_json(json, name);
		hane_buf_str(json, ":");
		json_old_value(json, old, c);
	}
	if (vcol >= 0 && hane_stmt_int(old, vcol) != version) {
		note_conflict(db, table, id, hane_stmt_int(old, vcol),
			      bycol >= 0 ? hane_stmt_text(old, bycol) : "",
			      atcol >= 0 ? hane_stmt_text(old, atcol) : "");
		return HANE_ECONFLICT;
	}
	return 0;
}

int hane_store_delete(hane_db *db, const char *table, int64_t id,
		      int64_t version)
{
	struct hane_buf sel = {0}, del = {0}, json = {0};
	const struct hane_field p[] = {HANE_FINT(":id", id),
				       HANE_FINT(":v_", version)};
	hane_stmt *old = NULL;
	char now[20];
	int rc;

	check_idents(table, NULL, 0);
	hane_now(now);
	hane_buf_str(&sel, "SELECT * FROM ");
	hane_buf_str(&sel, table);
	hane_buf_str(&sel, " WHERE id = :id");
	hane_buf_str(&del, "DELETE FROM ");
	hane_buf_str(&del, table);
	hane_buf_str(&del, " WHERE id = :id AND version = :v_");
	if ((rc = begin_built(db, sel.oom || del.oom)) != 0)
		goto out;
	rc = row_by_id(db, &old, sel.s, table, id);
	if (rc == 0)
		rc = old_row_json(db, table, id, version, old, &json);
	hane_buf_str(&json, "}");
	hane_stmt_finalize(old);
	if (rc == 0 && json.oom)
		rc = HANE_ENOMEM;
	if (rc == 0)
		rc = hane_store_run(db, del.s, p, 2);
	if (rc == 0)
		rc = audit_write(db, "delete", table, id, json.s, now);
	rc = hane_store_end(db, rc);
out:
	free(sel.s);
	free(del.s);
	free(json.s);
	return rc;
}

/* ---- Demo databases ----------------------------------------------------- */

bool hane_store_is_demo(hane_db *db)
{
	int64_t n = 0;

	return hane_store_query_int(db, &n,
				    "SELECT count(*) FROM hane_meta WHERE"
				    " name = 'kind' AND value = 'demo'",
				    NULL, 0) == 0 &&
	       n > 0;
}

int hane_store_mark_demo(hane_db *db)
{
	int64_t n = 0;
	int rc = hane_store_query_int(db, &n,
				      "SELECT (SELECT count(*) FROM person) +"
				      " (SELECT count(*) FROM household)",
				      NULL, 0);

	if (rc)
		return rc;
	if (n > 0) {
		hane_error_set(hane_msg(HANE_M_DEMO_NOT_NEW), db->path);
		return HANE_EEXIST;
	}
	return hane_store_exec(db,
			       "INSERT OR REPLACE INTO hane_meta(name, value)"
			       " VALUES('kind', 'demo')");
}
