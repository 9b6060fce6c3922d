/* Records as field tables: get, list and save a record from its
 * descriptor (hane/record.h). The SQL is built from the descriptor's
 * constant table and column names, checked to be plain identifiers;
 * values are always bound. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/record.h"

#define SQL_MAX 4096
#define FIELDS_MAX 64

static int bad_def(const struct hane_rdef *def)
{
	hane_error_set("record: bad descriptor of %s",
		       def && def->table ? def->table : "?");
	return HANE_EINTERNAL;
}

static void *member(void *rec, size_t off)
{
	return (char *)rec + off;
}

static int64_t int_of(const void *p, size_t size)
{
	switch (size) {
	case 1:
		return *(const unsigned char *)p;
	case 2:
		return *(const int16_t *)p;
	case 4:
		return *(const int32_t *)p;
	default:
		return *(const int64_t *)p;
	}
}

static void int_set(void *p, size_t size, int64_t v)
{
	switch (size) {
	case 1:
		*(unsigned char *)p = (unsigned char)(v != 0);
		break;
	case 2:
		*(int16_t *)p = (int16_t)v;
		break;
	case 4:
		*(int32_t *)p = (int32_t)v;
		break;
	default:
		*(int64_t *)p = v;
		break;
	}
}

static bool is_text(enum hane_ftype t)
{
	return t == HANE_FT_TEXT || t == HANE_FT_DATE || t == HANE_FT_PHONE ||
	       t == HANE_FT_TCKN;
}

/* "SELECT t.id, t.version[, t.updated_at, t.updated_by], <fields> FROM
 * table t" into sql. */
static int select_sql(const struct hane_rdef *def, const char *tail, char *sql,
		      size_t sz)
{
	size_t len;

	if (!def->size || !hane_sql_ident_ok(def->table))
		return bad_def(def);
	len = (size_t)snprintf(sql, sz, "SELECT t.id, t.version");
	if (def->updated_at != HANE_RNONE)
		len += (size_t)snprintf(sql + len, sz - len,
					", coalesce(t.updated_at, ''),"
					" coalesce(t.updated_by, '')");
	for (size_t i = 0; i < def->nfields && len < sz; i++) {
		const struct hane_fdef *f = &def->fields[i];

		if (f->expr)
			len += (size_t)snprintf(sql + len, sz - len, ", %s",
						f->expr);
		else if (!hane_sql_ident_ok(f->column))
			return bad_def(def);
		else
			len += (size_t)snprintf(sql + len, sz - len, ", t.%s",
						f->column);
	}
	if (len < sz)
		len += (size_t)snprintf(sql + len, sz - len, " FROM %s t%s",
					def->table, tail ? tail : "");
	if (len >= sz)
		return bad_def(def);
	return 0;
}

/* The current row of a select_sql statement into out. */
static void read_row(const struct hane_rdef *def, hane_stmt *st, void *out)
{
	int col = 0;

	memset(out, 0, def->size);
	*(int64_t *)member(out, def->id) = hane_stmt_int(st, col++);
	*(int64_t *)member(out, def->version) = hane_stmt_int(st, col++);
	if (def->updated_at != HANE_RNONE) {
		snprintf(member(out, def->updated_at), 20, "%s",
			 hane_stmt_text(st, col++));
		snprintf(member(out, def->updated_by), 64, "%s",
			 hane_stmt_text(st, col++));
	}
	for (size_t i = 0; i < def->nfields; i++, col++)
		hane_record_column(&def->fields[i], out, st, col);
}

void hane_record_column(const struct hane_fdef *f, void *rec, hane_stmt *st,
			int col)
{
	void *p = member(rec, f->offset);

	if (is_text(f->type))
		snprintf(p, f->size, "%s", hane_stmt_text(st, col));
	else if (hane_stmt_is_null(st, col) &&
		 (f->type == HANE_FT_MONEY ||
		  (f->type == HANE_FT_INT && (f->flags & HANE_FF_EMPTY_NULL))))
		int_set(p, f->size, -1);
	else
		int_set(p, f->size, hane_stmt_int(st, col));
}

int hane_record_each(hane_db *db, const struct hane_rdef *def, const char *tail,
		     int (*bind)(hane_stmt *st, void *arg),
		     int (*fn)(const void *rec, void *arg), void *arg)
{
	char sql[SQL_MAX];
	hane_stmt *st = NULL;
	void *rec;
	int rc;

	if ((rc = select_sql(def, tail, sql, sizeof sql)) != 0)
		return rc;
	if (!(rec = malloc(def->size)))
		return HANE_ENOMEM;
	rc = hane_stmt_prepare(db, &st, sql);
	if (rc == 0 && bind)
		rc = bind(st, arg);
	while (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		read_row(def, st, rec);
		rc = fn(rec, arg);
	}
	hane_stmt_finalize(st);
	free(rec);
	return rc == HANE_DONE ? 0 : rc;
}

struct find {
	const struct hane_rdef *def;
	int (*bind)(hane_stmt *st, void *arg);
	void *arg, *out;
	bool hit;
};

static int find_bind(hane_stmt *st, void *arg)
{
	struct find *f = arg;

	return f->bind ? f->bind(st, f->arg) : 0;
}

static int find_row(const void *rec, void *arg)
{
	struct find *f = arg;

	memcpy(f->out, rec, f->def->size);
	f->hit = true;
	return 1; /* the first row is enough */
}

int hane_record_find(hane_db *db, const struct hane_rdef *def, const char *tail,
		     int (*bind)(hane_stmt *st, void *arg), void *arg,
		     void *out)
{
	struct find f = {def, bind, arg, out, false};
	int rc = hane_record_each(db, def, tail, find_bind, find_row, &f);

	if (rc < 0)
		return rc;
	if (!f.hit) {
		hane_error_set("%s: not found", def->table);
		return HANE_ENOTFOUND;
	}
	return 0;
}

/* Binds the parameters of hane_record_list and hane_record_first. */
struct params {
	const struct hane_field *p;
	size_t n;
	int (*fn)(const void *rec, void *arg);
	void *arg;
};

static int bind_params(hane_stmt *st, void *arg)
{
	const struct params *w = arg;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < w->n; i++)
		rc = w->p[i].type == HANE_V_INT
			     ? hane_stmt_bind_int(st, w->p[i].name, w->p[i].i)
		     : w->p[i].type == HANE_V_TEXT
			     ? hane_stmt_bind_text(st, w->p[i].name,
						   w->p[i].text)
			     : hane_stmt_bind_null(st, w->p[i].name);
	return rc;
}

static int params_row(const void *rec, void *arg)
{
	const struct params *w = arg;

	return w->fn(rec, w->arg);
}

int hane_record_list(hane_db *db, const struct hane_rdef *def, const char *tail,
		     const struct hane_field *p, size_t n,
		     int (*fn)(const void *rec, void *arg), void *arg)
{
	struct params w = {p, n, fn, arg};

	return hane_record_each(db, def, tail, bind_params, params_row, &w);
}

int hane_record_first(hane_db *db, const struct hane_rdef *def,
		      const char *tail, const struct hane_field *p, size_t n,
		      void *out)
{
	struct params w = {p, n, NULL, NULL};

	return hane_record_find(db, def, tail, bind_params, &w, out);
}

static int bind_id(hane_stmt *st, void *arg)
{
	return hane_stmt_bind_int(st, ":id", *(const int64_t *)arg);
}

int hane_record_get(hane_db *db, const struct hane_rdef *def, int64_t id,
		    void *out)
{
	int rc = hane_record_find(db, def, " WHERE t.id = :id", bind_id, &id,
				  out);

	if (rc == HANE_ENOTFOUND)
		hane_error_set("%s %lld: not found", def->table, (long long)id);
	return rc;
}

int hane_record_get_or(hane_db *db, const struct hane_rdef *def, int64_t id,
		       const char *missing, void *out)
{
	int rc = hane_record_get(db, def, id, out);

	if (rc == HANE_ENOTFOUND && missing)
		hane_error_set(missing, (long long)id);
	return rc;
}

/* The value of field f of rec, as store writes it. */
struct hane_field hane_record_value(const struct hane_fdef *f, const void *rec)
{
	const char *p = (const char *)rec + f->offset;
	struct hane_field v = {f->column, HANE_V_NULL, NULL, 0};

	if (is_text(f->type)) {
		if (*p || !(f->flags & HANE_FF_EMPTY_NULL)) {
			v.type = HANE_V_TEXT;
			v.text = p;
		}
		return v;
	}
	v.i = int_of(p, f->size);
	if (f->type == HANE_FT_BOOL)
		v.i = v.i != 0;
	if ((f->type == HANE_FT_REF && v.i == 0) ||
	    (f->type == HANE_FT_MONEY && v.i < 0) ||
	    (f->type == HANE_FT_INT && (f->flags & HANE_FF_EMPTY_NULL) &&
	     v.i < 0))
		return v;
	v.type = HANE_V_INT;
	return v;
}

int hane_record_save(hane_db *db, const struct hane_rdef *def, void *rec,
		     int *changed)
{
	return hane_record_save_with(db, def, rec, NULL, 0, changed);
}

int hane_record_save_with(hane_db *db, const struct hane_rdef *def, void *rec,
			  const struct hane_field *more, size_t nmore,
			  int *changed)
{
	struct hane_field f[FIELDS_MAX];
	int64_t *id, version;
	size_t n = 0;
	int rc;

	if (!def->size || def->nfields + nmore > FIELDS_MAX)
		return bad_def(def);
	for (size_t i = 0; i < def->nfields; i++)
		if (!(def->fields[i].flags & HANE_FF_READONLY) &&
		    !def->fields[i].expr)
			f[n++] = hane_record_value(&def->fields[i], rec);
	for (size_t i = 0; i < nmore; i++)
		f[n++] = more[i];
	id = member(rec, def->id);
	version = *(int64_t *)member(rec, def->version);
	if (*id) {
		rc = hane_store_update(db, def->table, *id, version, f, n,
				       changed);
	} else {
		int64_t newid = 0;

		rc = hane_store_insert(db, def->table, f, n, &newid);
		if (rc == 0) {
			*id = newid;
			*(int64_t *)member(rec, def->version) = 1;
		}
		if (changed)
			*changed = rc == 0;
	}
	return rc;
}
