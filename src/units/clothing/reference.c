/* Dost Eller reference data: the categories (a list an administrator
 * extends, each with its limit per period), the period's length, dates
 * and lines.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "clothing_int.h"

/* ---- Categories ------------------------------------------------------------ */

#define F(...) HANE_FDEF(struct hane_cl_category, __VA_ARGS__)
static const struct hane_fdef category_fields[] = {HANE_CL_CATEGORY_FIELDS(F)};
#undef F
const struct hane_rdef hane_cl_category_rdef =
	HANE_RDEF(struct hane_cl_category, "clothing_category", "clothing",
		  category_fields);

static void category_name(struct hane_cl_category *c)
{
	HANE_COPY(c->name, hane_lang_get() == HANE_LANG_EN && c->name_en[0]
				   ? c->name_en
				   : c->name_tr);
}

struct category_walk {
	int (*fn)(const struct hane_cl_category *c, void *arg);
	void *arg;
};

static int category_row(const void *rec, void *arg)
{
	const struct category_walk *w = arg;
	struct hane_cl_category c = *(const struct hane_cl_category *)rec;

	category_name(&c);
	return w->fn(&c, w->arg);
}

static int category_walk(hane_db *db,
			 int (*fn)(const struct hane_cl_category *c, void *arg),
			 void *arg)
{
	struct category_walk w = {fn, arg};
	int rc = hane_record_each(db, &hane_cl_category_rdef, " ORDER BY t.id",
				  NULL, category_row, &w);

	return rc < 0 ? rc : 0;
}

int hane_clothing_category_each(hane_db *db,
				int (*fn)(const struct hane_cl_category *c,
					  void *arg),
				void *arg)
{
	int rc = hane_can(db, HANE_ACT_CLOTHING_READ);

	return rc ? rc : category_walk(db, fn, arg);
}

int cl_category_name(hane_db *db, int64_t id, char *out, size_t outsz)
{
	struct hane_cl_category c;
	int rc = hane_record_get(db, &hane_cl_category_rdef, id, &c);

	if (rc)
		return hane_store_missing(rc, HANE_M_CL_CATEGORY_NOT_FOUND, id);
	category_name(&c);
	snprintf(out, outsz, "%s", c.name);
	return 0;
}

/* The search: the code or a name folded equal wins; else the one
 * category whose folded name starts with the word ("çocuk" → "Çocuk
 * giyim"). */
struct category_find {
	char key[96];
	struct hane_cl_category exact, prefix;
	int nprefix;
	char names[512]; /* for the message */
};

static int category_match(const struct hane_cl_category *c, void *arg)
{
	struct category_find *f = arg;
	char tr[96], en[96];
	size_t n = strlen(f->key), len = strlen(f->names);

	snprintf(f->names + len, sizeof f->names - len, "%s%s", len ? ", " : "",
		 c->name);
	hane_text_fold(tr, sizeof tr, c->name_tr);
	hane_text_fold(en, sizeof en, c->name_en);
	if (!strcmp(f->key, c->code) || !strcmp(f->key, tr) ||
	    !strcmp(f->key, en)) {
		if (!f->exact.id)
			f->exact = *c;
	} else if (n && (!strncmp(f->key, tr, n) || !strncmp(f->key, en, n))) {
		f->prefix = *c;
		f->nprefix++;
	}
	return 0;
}

static int category_find(hane_db *db, const char *text,
			 struct hane_cl_category *out)
{
	struct category_find *f = calloc(1, sizeof *f);
	char *end;
	long long id;
	int rc;

	if (!f)
		return HANE_ENOMEM;
	hane_text_fold(f->key, sizeof f->key, text ? text : "");
	hane_text_trim(f->key);
	id = strtoll(f->key, &end, 10);
	if (f->key[0] && !*end && id > 0) {
		rc = hane_record_get(db, &hane_cl_category_rdef, id, out);
		if (rc == 0)
			category_name(out);
		free(f);
		return hane_store_missing(rc, HANE_M_CL_CATEGORY_NOT_FOUND, id);
	}
	if ((rc = category_walk(db, category_match, f)) == 0) {
		if (f->exact.id)
			*out = f->exact;
		else if (f->nprefix == 1)
			*out = f->prefix;
		else {
			hane_error_set(hane_msg(HANE_M_CL_CATEGORY_UNKNOWN),
				       text ? text : "", f->names);
			rc = HANE_ENOTFOUND;
		}
	}
	free(f);
	return rc;
}

int hane_clothing_category_find(hane_db *db, const char *text,
				struct hane_cl_category *out)
{
	int rc = hane_can(db, HANE_ACT_CLOTHING_READ);

	return rc ? rc : category_find(db, text, out);
}

/* A name: trimmed, not blank, one line, shorter than max bytes. */
static int name_check(char *out, size_t outsz, enum hane_msg field,
		      const char *name)
{
	snprintf(out, outsz, "%s", name ? name : "");
	hane_text_trim(out);
	if (hane_text_blank(out)) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED), hane_msg(field));
		return HANE_EINVAL;
	}
	return hane_field_text((int)field, out, outsz - 1, HANE_TEXT_LINE);
}

static int limit_check(int limit)
{
	if (limit < 0 || limit > 999) {
		hane_error_set(hane_msg(HANE_M_CL_LIMIT_BAD), limit);
		return HANE_EINVAL;
	}
	return 0;
}

/* Another category (not except_id) already called name (folded) or
 * coded code. */
struct taken {
	char key[96];
	int64_t except;
	bool found;
};

static int taken_row(const struct hane_cl_category *c, void *arg)
{
	struct taken *t = arg;
	char tr[96], en[96];

	if (c->id == t->except)
		return 0;
	hane_text_fold(tr, sizeof tr, c->name_tr);
	hane_text_fold(en, sizeof en, c->name_en);
	if (!strcmp(t->key, tr) || !strcmp(t->key, en) ||
	    !strcmp(t->key, c->code)) {
		t->found = true;
		return 1;
	}
	return 0;
}

static int name_taken(hane_db *db, const char *name, int64_t except)
{
	struct taken t = {"", except, false};
	int rc;

	hane_text_fold(t.key, sizeof t.key, name);
	if ((rc = category_walk(db, taken_row, &t)) != 0)
		return rc;
	if (t.found) {
		hane_error_set(hane_msg(HANE_M_CL_CATEGORY_TAKEN), name);
		return HANE_EEXIST;
	}
	return 0;
}

static bool code_ok(const char *code)
{
	size_t n = strlen(code);

	if (n == 0 || n >= HANE_CL_CODE_MAX || !islower((unsigned char)code[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)code[i]) &&
		    !isdigit((unsigned char)code[i]) && code[i] != '_')
			return false;
	return true;
}

int hane_clothing_category_add(hane_db *db, const char *code,
			       const char *name_tr, const char *name_en,
			       int limit_qty, int64_t *id)
{
	struct hane_cl_category c = {0};
	int rc;

	if (id)
		*id = 0;
	if ((rc = hane_can(db, HANE_ACT_CLOTHING_ADMIN)) != 0)
		return rc;
	HANE_COPY(c.code, code ? code : "");
	if (!code_ok(c.code))
		return hane_field_error(HANE_M_CL_F_CODE,
					hane_msg(HANE_M_CL_CODE_BAD));
	if ((rc = name_check(c.name_tr, sizeof c.name_tr, HANE_M_CL_F_CATEGORY,
			     name_tr)) != 0)
		return rc;
	if (name_en && !hane_text_blank(name_en)) {
		if ((rc = name_check(c.name_en, sizeof c.name_en,
				     HANE_M_CL_F_NAME_EN, name_en)) != 0)
			return rc;
	} else {
		HANE_COPY(c.name_en, c.name_tr);
	}
	if ((rc = limit_check(limit_qty)) != 0 ||
	    (rc = name_taken(db, c.code, 0)) != 0 ||
	    (rc = name_taken(db, c.name_tr, 0)) != 0 ||
	    (rc = name_taken(db, c.name_en, 0)) != 0)
		return rc;
	c.limit_qty = limit_qty;
	c.active = true;
	if ((rc = hane_record_save(db, &hane_cl_category_rdef, &c, NULL)) != 0)
		return rc;
	if (id)
		*id = c.id;
	return 0;
}

int hane_clothing_category_update(hane_db *db, const struct hane_cl_category *c)
{
	bool en = hane_lang_get() == HANE_LANG_EN;
	struct hane_cl_category w;
	char n[96];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CLOTHING_ADMIN)) ||
	    (rc = name_check(n, sizeof n, HANE_M_CL_F_CATEGORY, c->name)) ||
	    (rc = limit_check(c->limit_qty)) || (rc = name_taken(db, n, c->id)))
		return rc;
	if ((rc = hane_record_get(db, &hane_cl_category_rdef, c->id, &w)) != 0)
		return hane_store_missing(rc, HANE_M_CL_CATEGORY_NOT_FOUND,
					  c->id);
	/* The name in the other language stays the stored one. */
	if (en)
		HANE_COPY(w.name_en, n);
	else
		HANE_COPY(w.name_tr, n);
	w.version = c->version;
	w.limit_qty = c->limit_qty;
	w.active = c->active;
	return hane_record_save(db, &hane_cl_category_rdef, &w, NULL);
}

/* ---- The period ---------------------------------------------------------------- */

static int int_row(hane_stmt *st, void *arg)
{
	*(int64_t *)arg = hane_stmt_int(st, 0);
	return 1;
}

int hane_clothing_period_get(hane_db *db, int *months)
{
	int64_t m = 6;
	int rc = hane_can(db, HANE_ACT_CLOTHING_READ);

	if (rc == 0)
		rc = hane_store_each(
			db, "SELECT period_months FROM clothing_setting", NULL,
			0, int_row, &m);
	*months = (int)m;
	return rc;
}

static bool months_ok(int months)
{
	return months > 0 && months <= 12 && 12 % months == 0;
}

int hane_clothing_period_set(hane_db *db, int months)
{
	int64_t version = 1;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CLOTHING_ADMIN)) != 0)
		return rc;
	if (!months_ok(months)) {
		hane_error_set(hane_msg(HANE_M_CL_PERIOD_BAD), months);
		return HANE_EINVAL;
	}
	if ((rc = hane_store_each(db,
				  "SELECT version FROM clothing_setting"
				  " WHERE id = 1",
				  NULL, 0, int_row, &version)) != 0)
		return rc;
	struct hane_field f[] = {HANE_FINT("period_months", months)};
	return hane_store_update(db, "clothing_setting", 1, version, f, 1,
				 NULL);
}

/* Months since March of year 0 and back: periods start on 1 March and
 * divide the year evenly, so every year's periods line up. */
static void month_iso(char out[HANE_DATE_LEN + 1], long t)
{
	hane_date_iso(out, hane_date_days((int)((t + 2) / 12),
					  (int)((t + 2) % 12) + 1, 1));
}

int hane_clothing_period_of(const char *date, int months,
			    char from[HANE_DATE_LEN + 1],
			    char next[HANE_DATE_LEN + 1])
{
	int y, m, d;
	long t;

	if (!months_ok(months) || !date ||
	    sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    !hane_date_valid(y, m, d)) {
		hane_error_set(hane_msg(HANE_M_CL_PERIOD_BAD), months);
		return HANE_EINVAL;
	}
	t = (long)y * 12 + (m - 1) - 2;
	t -= t % months;
	month_iso(from, t);
	month_iso(next, t + months);
	return 0;
}

/* ---- Lines ----------------------------------------------------------------------- */

int hane_cl_line_parse(struct hane_cl_line *out, const char *text)
{
	char buf[128], *parts[3] = {NULL, NULL, NULL}, *p, *end;
	int n = 0;
	long q;

	memset(out, 0, sizeof *out);
	snprintf(buf, sizeof buf, "%s", text ? text : "");
	for (p = buf, parts[n++] = p; *p && n < 3; p++)
		if (*p == ':' || *p == '=') {
			*p = '\0';
			parts[n++] = p + 1;
		}
	for (int i = 0; i < n; i++)
		hane_text_trim(parts[i]);
	if (n < 2 || !parts[0][0] || !parts[1][0]) {
		hane_error_set(hane_msg(HANE_M_CL_LINE_BAD), text ? text : "");
		return HANE_EINVAL;
	}
	q = strtol(parts[1], &end, 10);
	if (*end || q <= 0 || q > 999) {
		hane_error_set(hane_msg(HANE_M_CL_QTY_BAD), parts[1]);
		return HANE_EINVAL;
	}
	if (strlen(parts[0]) >= sizeof out->category ||
	    (n == 3 && strlen(parts[2]) >= sizeof out->size)) {
		hane_error_set(hane_msg(HANE_M_CL_LINE_BAD), text);
		return HANE_EINVAL;
	}
	memcpy(out->category, parts[0], strlen(parts[0]) + 1);
	out->qty = (int)q;
	if (n == 3)
		memcpy(out->size, parts[2], strlen(parts[2]) + 1);
	return 0;
}

int cl_lines_check(hane_db *db, struct hane_cl_line *lines, size_t n,
		   bool inactive_ok)
{
	int rc;

	if (n == 0) {
		hane_error_set("%s", hane_msg(HANE_M_CL_NO_LINES));
		return HANE_EINVAL;
	}
	if (n > HANE_CL_LINES_MAX) {
		hane_error_set(hane_msg(HANE_M_CL_TOO_MANY_LINES),
			       HANE_CL_LINES_MAX);
		return HANE_EINVAL;
	}
	for (size_t i = 0; i < n; i++) {
		struct hane_cl_line *l = &lines[i];
		struct hane_cl_category c;
		char id[24];

		if (l->category_id > 0)
			snprintf(id, sizeof id, "%lld",
				 (long long)l->category_id);
		if ((rc = category_find(db,
					l->category_id > 0 ? id : l->category,
					&c)) != 0)
			return rc;
		if (!c.active && !inactive_ok) {
			hane_error_set(hane_msg(HANE_M_CL_CATEGORY_INACTIVE),
				       c.name);
			return HANE_EINVAL;
		}
		l->category_id = c.id;
		HANE_COPY(l->category, c.code);
		if (l->qty <= 0 || l->qty > 999) {
			char q[16];

			snprintf(q, sizeof q, "%d", l->qty);
			hane_error_set(hane_msg(HANE_M_CL_QTY_BAD), q);
			return HANE_EINVAL;
		}
		hane_text_trim(l->size);
		if ((rc = hane_field_text(HANE_M_CL_F_SIZE, l->size,
					  sizeof l->size - 1,
					  HANE_TEXT_LINE)) != 0)
			return rc;
	}
	return 0;
}
