/* Food bank reference data: categories, units, quantities, branches and
 * their collection days, markets, package types.
 *
 * Branches, markets and package types are rows (seeded by the migration,
 * changed by an administrator); categories and units are codes in the
 * header because the stock arithmetic and the reports depend on them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "foodbank_int.h"

/* ---- Helpers shared by the unit ------------------------------------------ */

int fb_field_error(enum hane_msg field, const char *why)
{
	char w[512];

	snprintf(w, sizeof w, "%s", why);
	hane_error_set("%s: %s", hane_msg(field), w);
	return HANE_EINVAL;
}

bool fb_same_name(const char *a, const char *b)
{
	char fa[256], fb[256];

	hane_text_fold(fa, sizeof fa, a);
	hane_text_fold(fb, sizeof fb, b);
	return fa[0] && strcmp(fa, fb) == 0;
}

/* ---- Categories ---------------------------------------------------------- */

static const struct {
	const char *code;
	const char *unit;
	bool market;
	enum hane_msg label;
} categories[] = {
#define HANE_X_(id, code, unit, market)                                        \
	{code, unit, market, HANE_M_FB_CAT_##id},
	HANE_FB_CATEGORIES(HANE_X_)
#undef HANE_X_
};
#define NCATEGORIES (sizeof categories / sizeof categories[0])

static int category_index(const char *code)
{
	for (size_t i = 0; i < NCATEGORIES; i++)
		if (strcmp(categories[i].code, code) == 0)
			return (int)i;
	return -1;
}

bool hane_fb_category_valid(const char *code)
{
	return category_index(code) >= 0;
}

bool hane_fb_category_is_market(const char *code)
{
	int i = category_index(code);

	return i >= 0 && categories[i].market;
}

const char *hane_fb_category_label(const char *code)
{
	int i = category_index(code);

	return i >= 0 ? hane_msg(categories[i].label) : code;
}

const char *hane_fb_category_unit(const char *code)
{
	int i = category_index(code);

	return i >= 0 ? categories[i].unit : "adet";
}

const char *hane_fb_category_parse(const char *word)
{
	char key[64], cand[64];
	/* The words counters and market sheets use besides the labels. */
	static const struct {
		const char *word, *code;
	} extra[] = {
		{"kuru", "dry_food"},
		{"kurugida", "dry_food"},
		{"bakliyat", "dry_food"},
		{"makarna", "dry_food"},
		{"pirinc", "dry_food"},
		{"un", "dry_food"},
		{"seker", "dry_food"},
		{"konserve", "canned"},
		{"yag", "oil"},
		{"sivi yag", "oil"},
		{"temizlik", "cleaning"},
		{"deterjan", "cleaning"},
		{"bebek", "baby"},
		{"mama", "baby"},
		{"bez", "baby"},
		{"giyim", "clothing"},
		{"kiyafet", "clothing"},
		{"giysi", "clothing"},
		{"diger", "other"},
		{"sebze", "vegetable"},
		{"meyve", "fruit"},
		{"sarkuteri", "deli"},
		{"dry food", "dry_food"},
		{"dry", "dry_food"},
		{"vegetables", "vegetable"},
		{"fruits", "fruit"},
		{"delicatessen", "deli"},
	};
	char *p;

	hane_text_fold(key, sizeof key, word);
	for (p = key; *p; p++)
		if (*p == '_' || *p == '-')
			*p = ' ';
	for (size_t i = 0; i < NCATEGORIES; i++) {
		hane_text_fold(cand, sizeof cand, categories[i].code);
		for (p = cand; *p; p++)
			if (*p == '_')
				*p = ' ';
		if (strcmp(cand, key) == 0)
			return categories[i].code;
		for (int l = 0; l < 2; l++) {
			hane_text_fold(cand, sizeof cand,
				       hane_msg_in(categories[i].label,
						   (enum hane_lang)l));
			if (strcmp(cand, key) == 0)
				return categories[i].code;
		}
	}
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (strcmp(extra[i].word, key) == 0)
			return extra[i].code;
	return NULL;
}

const char *hane_fb_unit_parse(const char *word)
{
	char key[32];
	static const struct {
		const char *word, *unit;
	} units[] = {
		{"kg", "kg"},	    {"kilo", "kg"},   {"kilogram", "kg"},
		{"lt", "lt"},	    {"l", "lt"},      {"litre", "lt"},
		{"liter", "lt"},    {"adet", "adet"}, {"ad", "adet"},
		{"tane", "adet"},   {"pcs", "adet"},  {"piece", "adet"},
		{"pieces", "adet"}, {"koli", "koli"}, {"kutu", "koli"},
		{"box", "koli"},
	};

	hane_text_fold(key, sizeof key, word);
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strcmp(units[i].word, key) == 0)
			return units[i].unit;
	return NULL;
}

int hane_fb_qty_parse(int64_t *milli, const char *s, bool allow_zero)
{
	int64_t whole = 0, frac = 0;
	int digits = 0, fdigits = 0;
	const char *p = s;

	while (*p == ' ')
		p++;
	for (; isdigit((unsigned char)*p); p++, digits++) {
		if (whole > INT64_MAX / 10000)
			goto bad;
		whole = whole * 10 + (*p - '0');
	}
	if (*p == ',' || *p == '.') {
		for (p++; isdigit((unsigned char)*p); p++, fdigits++) {
			if (fdigits >= 3)
				goto bad;
			frac = frac * 10 + (*p - '0');
		}
		if (!fdigits)
			goto bad;
	}
	while (*p == ' ')
		p++;
	if (*p || !digits)
		goto bad;
	for (int i = fdigits; i < 3; i++)
		frac *= 10;
	*milli = whole * 1000 + frac;
	if (*milli == 0 && !allow_zero)
		goto bad;
	return 0;
bad:
	hane_error_set(hane_msg(HANE_M_FB_QTY_BAD), s);
	return HANE_EINVAL;
}

char *hane_fb_qty_format(char *out, size_t outsz, int64_t milli)
{
	int64_t a = milli < 0 ? -milli : milli;
	int64_t frac = a % 1000;

	if (!frac) {
		snprintf(out, outsz, "%s%lld", milli < 0 ? "-" : "",
			 (long long)(a / 1000));
	} else {
		char f[8];
		size_t n;

		snprintf(f, sizeof f, "%03lld", (long long)frac);
		for (n = strlen(f); n > 0 && f[n - 1] == '0'; n--)
			f[n - 1] = '\0';
		snprintf(out, outsz, "%s%lld,%s", milli < 0 ? "-" : "",
			 (long long)(a / 1000), f);
	}
	return out;
}

int fb_item_check(struct hane_fb_item *it)
{
	const char *code = hane_fb_category_parse(it->category);
	const char *unit;

	if (!code) {
		hane_error_set(hane_msg(HANE_M_FB_CATEGORY_BAD), it->category);
		return HANE_EINVAL;
	}
	snprintf(it->category, sizeof it->category, "%s", code);
	if (!it->unit[0])
		snprintf(it->unit, sizeof it->unit, "%s",
			 hane_fb_category_unit(code));
	unit = hane_fb_unit_parse(it->unit);
	if (!unit) {
		hane_error_set(hane_msg(HANE_M_FB_UNIT_BAD), it->unit);
		return HANE_EINVAL;
	}
	snprintf(it->unit, sizeof it->unit, "%s", unit);
	if (it->qty_milli <= 0) {
		char q[32];

		hane_error_set(hane_msg(HANE_M_FB_QTY_BAD),
			       hane_fb_qty_format(q, sizeof q, it->qty_milli));
		return HANE_EINVAL;
	}
	return 0;
}

int hane_fb_item_parse(struct hane_fb_item *out, const char *text)
{
	char buf[128], ubuf[32], *qty, *unit = NULL, *p;
	int rc;

	memset(out, 0, sizeof *out);
	snprintf(buf, sizeof buf, "%s", text);
	qty = strpbrk(buf, ":=");
	if (!qty) {
		hane_error_set(hane_msg(HANE_M_FB_ITEM_BAD), text);
		return HANE_EINVAL;
	}
	*qty++ = '\0';
	if ((p = strchr(qty, ':')) != NULL) {
		*p = '\0';
		unit = p + 1;
	} else {
		/* "12,5 kg" or "12,5kg": the unit starts at the first letter.
		 */
		for (p = qty; *p && !isalpha((unsigned char)*p); p++)
			;
		if (*p) {
			snprintf(ubuf, sizeof ubuf, "%s", p);
			*p = '\0';
			unit = ubuf;
		}
	}
	hane_text_trim(buf);
	if (!hane_fb_category_parse(buf)) {
		hane_error_set(hane_msg(HANE_M_FB_CATEGORY_BAD), buf);
		return HANE_EINVAL;
	}
	snprintf(out->category, sizeof out->category, "%s",
		 hane_fb_category_parse(buf));
	if ((rc = hane_fb_qty_parse(&out->qty_milli, qty, false)) != 0)
		return rc;
	if (unit)
		snprintf(out->unit, sizeof out->unit, "%s",
			 hane_text_trim(unit));
	return fb_item_check(out);
}

/* ---- Items of donations and distributions --------------------------------- */

int fb_items_insert(hane_db *db, const char *table, const char *key,
		    int64_t parent, const struct hane_fb_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct hane_field f[] = {
			HANE_FINT(key, parent),
			HANE_FTEXT("category", items[i].category),
			HANE_FTEXT("unit", items[i].unit),
			HANE_FINT("qty_milli", items[i].qty_milli),
		};
		int rc = hane_store_insert(db, table, f, 4, NULL);

		if (rc)
			return rc;
	}
	return 0;
}

struct items {
	struct hane_fb_item *v;
	size_t *n;
};

static int item_row(hane_stmt *st, void *arg)
{
	struct items *it = arg;
	struct hane_fb_item *item;

	if (*it->n >= HANE_FB_ITEMS_MAX || hane_stmt_int(st, 2) <= 0)
		return 0;
	item = &it->v[*it->n];
	HANE_COPY(item->category, hane_stmt_text(st, 0));
	HANE_COPY(item->unit, hane_stmt_text(st, 1));
	item->qty_milli = hane_stmt_int(st, 2);
	(*it->n)++;
	return 0;
}

int fb_items_read(hane_db *db, const char *sql, const struct hane_field *p,
		  size_t np, struct hane_fb_item *items, size_t *n)
{
	struct items it = {items, n};

	*n = 0;
	return hane_store_each(db, sql, p, np, item_row, &it);
}

int fb_items_of(hane_db *db, const char *sql, int64_t parent,
		struct hane_fb_item *items, size_t *n)
{
	struct hane_field id = HANE_FINT(":id", parent);

	return fb_items_read(db, sql, &id, 1, items, n);
}

/* fb_walk's walk: each row copied into rec, completed, passed on. */
struct walk {
	hane_db *db;
	void *rec;
	size_t size;
	int (*more)(hane_db *db, void *rec);
	int (*fn)(const void *rec, void *arg);
	void *arg;
};

static int walk_row(const void *rec, void *arg)
{
	struct walk *w = arg;
	int rc;

	memcpy(w->rec, rec, w->size);
	if (w->more && (rc = w->more(w->db, w->rec)) != 0)
		return rc;
	return w->fn(w->rec, w->arg);
}

int fb_walk(hane_db *db, const struct hane_rdef *def, const char *tail,
	    const struct hane_field *p, size_t np,
	    int (*more)(hane_db *db, void *rec),
	    int (*fn)(const void *rec, void *arg), void *arg)
{
	struct walk w = {db, NULL, def->size, more, fn, arg};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	if (!(w.rec = malloc(def->size)))
		return HANE_ENOMEM;
	rc = hane_record_list(db, def, tail, p, np, walk_row, &w);
	free(w.rec);
	return rc < 0 ? rc : 0;
}

/* ---- Collection days ------------------------------------------------------- */

int hane_foodbank_days_parse(char out[8], const char *text)
{
	char bad[64];

	if (hane_weekdays_parse(out, bad, text) != 0) {
		hane_error_set(hane_msg(HANE_M_FB_DAY_BAD), bad);
		return HANE_EINVAL;
	}
	return 0;
}

char *hane_foodbank_days_format(char *out, size_t outsz, const char *days)
{
	size_t len = 0;

	out[0] = '\0';
	for (const char *p = days; *p && len < outsz; p++) {
		if (*p < '1' || *p > '7')
			continue;
		len += (size_t)snprintf(out + len, outsz - len, "%s%s",
					len ? ", " : "",
					hane_weekday_name(*p - '0', true));
	}
	if (!out[0])
		snprintf(out, outsz, "-");
	return out;
}

bool hane_foodbank_collects(const struct hane_fb_branch *b, const char *date)
{
	int w = hane_date_weekday(date);

	return w && strchr(b->days, '0' + w) != NULL;
}

/* ---- Branches ------------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_fb_branch, __VA_ARGS__)
static const struct hane_fdef branch_fields[] = {HANE_FB_BRANCH_FIELDS(F)};
#undef F
const struct hane_rdef hane_fb_branch_rdef = HANE_RDEF(
	struct hane_fb_branch, "fb_branch", "foodbank", branch_fields);

/* After foodbank.read: every row of def's table by id to fn. */
static int fb_each(hane_db *db, const struct hane_rdef *def,
		   int (*fn)(const void *rec, void *arg), void *arg)
{
	int rc = hane_can(db, HANE_ACT_FOODBANK_READ);

	return rc ? rc
		  : hane_record_each(db, def, " ORDER BY t.id", NULL, fn, arg);
}

/* Saves rec, a new record of def, and puts its id in *id (may be NULL). */
static int fb_insert(hane_db *db, const struct hane_rdef *def, void *rec,
		     int64_t *id)
{
	int rc = hane_record_save(db, def, rec, NULL);

	if (rc == 0 && id)
		*id = *(const int64_t *)((const char *)rec + def->id);
	return rc;
}

HANE_RECORD_EACH_FN(branch, struct hane_fb_branch)

int hane_foodbank_branch_each(hane_db *db,
			      int (*fn)(const struct hane_fb_branch *b,
					void *arg),
			      void *arg)
{
	struct branch_each e = {fn, arg};

	return fb_each(db, &hane_fb_branch_rdef, branch_call, &e);
}

int hane_foodbank_branch_get(hane_db *db, int64_t id,
			     struct hane_fb_branch *out)
{
	int rc = hane_can(db, HANE_ACT_FOODBANK_READ);

	return rc ? rc
		  : hane_record_get_or(db, &hane_fb_branch_rdef, id,
				       hane_msg(HANE_M_FB_BRANCH_NOT_FOUND),
				       out);
}

/* Matches text against every name of a table: an id in digits, or a name
 * equal when folded, or else the only name that starts with it. names
 * collects the choices for the error message. */
struct name_match {
	const char *text;
	char key[128];
	int64_t id;	/* exact */
	int64_t prefix; /* the one prefix match; -1 several */
	char names[512];
};

static void match_name(struct name_match *m, int64_t id, const char *name)
{
	char f[128];
	size_t len = strlen(m->names);

	snprintf(m->names + len, sizeof m->names - len, "%s%s", len ? ", " : "",
		 name);
	hane_text_fold(f, sizeof f, name);
	if (!m->key[0])
		return;
	if (strcmp(f, m->key) == 0)
		m->id = id;
	else if (strncmp(f, m->key, strlen(m->key)) == 0)
		m->prefix = m->prefix ? -1 : id;
}

static int match_row(hane_stmt *st, void *arg)
{
	match_name(arg, hane_stmt_int(st, 0), hane_stmt_text(st, 1));
	return 0;
}

static int find_by_name(hane_db *db, const char *sql, const char *text,
			int64_t *id, char names[512])
{
	struct name_match m = {0};
	char *end;
	long long n = strtoll(text, &end, 10);
	int rc;

	if (*text && !*end && n > 0) {
		*id = n;
		return 0;
	}
	m.text = text;
	hane_text_fold(m.key, sizeof m.key, text);
	if ((rc = hane_store_each(db, sql, NULL, 0, match_row, &m)) != 0)
		return rc;
	snprintf(names, 512, "%s", m.names);
	*id = m.id ? m.id : m.prefix > 0 ? m.prefix : 0;
	return *id ? 0 : HANE_ENOTFOUND;
}

/* After foodbank.read: the row of def whose name is text (find_by_name
 * over sql's ids and names) into out; unknown (the text and the names)
 * when none is, missing when the row is gone. */
static int fb_find(hane_db *db, const struct hane_rdef *def, const char *sql,
		   const char *text, enum hane_msg unknown,
		   enum hane_msg missing, void *out)
{
	char names[512] = "";
	int64_t id = 0;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	rc = find_by_name(db, sql, text, &id, names);
	if (rc == HANE_ENOTFOUND) {
		hane_error_set(hane_msg(unknown), text, names);
		return rc;
	}
	if (rc)
		return rc;
	return hane_record_get_or(db, def, id, hane_msg(missing), out);
}

int hane_foodbank_branch_find(hane_db *db, const char *text,
			      struct hane_fb_branch *out)
{
	return fb_find(db, &hane_fb_branch_rdef,
		       "SELECT id, name FROM fb_branch ORDER BY id", text,
		       HANE_M_FB_BRANCH_UNKNOWN, HANE_M_FB_BRANCH_NOT_FOUND,
		       out);
}

int hane_foodbank_branch_set_days(hane_db *db, int64_t id, int64_t version,
				  const char *days)
{
	char norm[8];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_ADMIN)) != 0)
		return rc;
	if ((rc = hane_foodbank_days_parse(norm, days)) != 0)
		return rc;
	struct hane_field f[] = {FB_TEXT("days", norm)};
	return hane_store_update(db, "fb_branch", id, version, f, 1, NULL);
}

/* ---- Markets -------------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_fb_market, __VA_ARGS__)
static const struct hane_fdef market_fields[] = {HANE_FB_MARKET_FIELDS(F)};
#undef F
const struct hane_rdef hane_fb_market_rdef = HANE_RDEF(
	struct hane_fb_market, "fb_market", "foodbank", market_fields);

int hane_foodbank_market_find(hane_db *db, const char *text,
			      struct hane_fb_market *out)
{
	return fb_find(db, &hane_fb_market_rdef,
		       "SELECT id, name FROM fb_market ORDER BY id", text,
		       HANE_M_FB_MARKET_UNKNOWN, HANE_M_FB_MARKET_NOT_FOUND,
		       out);
}

HANE_RECORD_EACH_FN(market, struct hane_fb_market)

int hane_foodbank_market_each(hane_db *db,
			      int (*fn)(const struct hane_fb_market *m,
					void *arg),
			      void *arg)
{
	struct market_each e = {fn, arg};

	return fb_each(db, &hane_fb_market_rdef, market_call, &e);
}

/* ---- Package types ---------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_fb_package, __VA_ARGS__)
static const struct hane_fdef package_fields[] = {HANE_FB_PACKAGE_FIELDS(F)};
#undef F
const struct hane_rdef hane_fb_package_rdef = HANE_RDEF(
	struct hane_fb_package, "fb_package_type", "foodbank", package_fields);

/* A package type's name in the current language into p->name. */
static void package_name(struct hane_fb_package *p)
{
	HANE_COPY(p->name,
		  hane_lang_get() == HANE_LANG_EN ? p->name_en : p->name_tr);
}

/* Walks the package types by id, each with its name set. */
struct package_walk {
	int (*fn)(const struct hane_fb_package *p, void *arg);
	void *arg;
};

static int package_row(const void *rec, void *arg)
{
	struct package_walk *w = arg;
	struct hane_fb_package p = *(const struct hane_fb_package *)rec;

	package_name(&p);
	return w->fn(&p, w->arg);
}

static int package_walk(hane_db *db,
			int (*fn)(const struct hane_fb_package *p, void *arg),
			void *arg)
{
	struct package_walk w = {fn, arg};

	return hane_record_each(db, &hane_fb_package_rdef, " ORDER BY t.id",
				NULL, package_row, &w);
}

int hane_foodbank_package_each(hane_db *db,
			       int (*fn)(const struct hane_fb_package *p,
					 void *arg),
			       void *arg)
{
	int rc = hane_can(db, HANE_ACT_FOODBANK_READ);

	return rc ? rc : package_walk(db, fn, arg);
}

/* A package type whose code or a name is key (folded), or a name that
 * starts with key as a word ("standart" is "Standart paket" too). */
struct package_match {
	char key[128];
	char names[512];
	struct hane_fb_package *out;
};

static bool package_is(const struct hane_fb_package *p, const char *key)
{
	const char *names[] = {p->code, p->name_tr, p->name_en};
	size_t len = strlen(key);
	char f[128];

	for (size_t i = 0; key[0] && i < 3; i++) {
		hane_text_fold(f, sizeof f, names[i]);
		if (strcmp(f, key) == 0 ||
		    (i > 0 && strncmp(f, key, len) == 0 && f[len] == ' '))
			return true;
	}
	return false;
}

static int package_match_row(const struct hane_fb_package *p, void *arg)
{
	struct package_match *m = arg;
	size_t len = strlen(m->names);

	snprintf(m->names + len, sizeof m->names - len, "%s%s", len ? ", " : "",
		 p->code);
	if (!package_is(p, m->key))
		return 0;
	*m->out = *p;
	return 1;
}

int hane_foodbank_package_find(hane_db *db, const char *text,
			       struct hane_fb_package *out)
{
	struct package_match m = {.out = out};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	hane_text_fold(m.key, sizeof m.key, text);
	rc = package_walk(db, package_match_row, &m);
	if (rc < 0)
		return rc;
	if (!rc) {
		hane_error_set(hane_msg(HANE_M_FB_PACKAGE_UNKNOWN), text,
			       m.names);
		return HANE_ENOTFOUND;
	}
	return 0;
}

int hane_foodbank_package_set_limit(hane_db *db, int64_t id, int64_t version,
				    int limit_days)
{
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_ADMIN)) != 0)
		return rc;
	if (limit_days < 0 || limit_days > 3660) {
		hane_error_set(hane_msg(HANE_M_FB_LIMIT_BAD), limit_days);
		return HANE_EINVAL;
	}
	struct hane_field f[] = {HANE_FINT("limit_days", limit_days)};
	return hane_store_update(db, "fb_package_type", id, version, f, 1,
				 NULL);
}

/* ---- Reference data kept in the console ---------------------------------- */

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

/* HANE_EEXIST when another row of table (not except_id) has the name,
 * compared folded ("Gölcük" = "golcuk"). */
struct taken {
	char key[128];
	enum hane_msg field;
	int64_t except_id;
};

static int taken_row(hane_stmt *st, void *arg)
{
	struct taken *t = arg;
	char f[128];

	hane_text_fold(f, sizeof f, hane_stmt_text(st, 1));
	if (hane_stmt_int(st, 0) == t->except_id || strcmp(f, t->key) != 0)
		return 0;
	hane_error_set(hane_msg(HANE_M_FB_NAME_TAKEN), hane_msg(t->field),
		       hane_stmt_text(st, 1));
	return HANE_EEXIST;
}

static int name_taken(hane_db *db, const char *sql, enum hane_msg field,
		      const char *name, int64_t except_id)
{
	struct taken t = {"", field, except_id};

	hane_text_fold(t.key, sizeof t.key, name);
	return hane_store_each(db, sql, NULL, 0, taken_row, &t);
}

static int branch_days(char out[8], const char *days)
{
	out[0] = '\0';
	if (!days || hane_text_blank(days))
		return 0;
	if (hane_foodbank_days_parse(out, days) != 0) {
		char why[256];

		snprintf(why, sizeof why, "%s", hane_error_last());
		return fb_field_error(HANE_M_FB_F_DAYS, why);
	}
	return 0;
}

/* A branch's or a market's save starts so: foodbank.admin, its name
 * (field) trimmed and given into out, and no other's than except_id
 * (names: the table's ids and names). */
static int admin_name(hane_db *db, char *out, size_t outsz, enum hane_msg field,
		      const char *name, const char *names, int64_t except_id)
{
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_ADMIN)) ||
	    (rc = name_check(out, outsz, field, name)))
		return rc;
	return name_taken(db, names, field, out, except_id);
}

#define BRANCH_NAMES "SELECT id, name FROM fb_branch"
#define MARKET_NAMES "SELECT id, name FROM fb_market"

int hane_foodbank_branch_add(hane_db *db, const char *name, const char *days,
			     int64_t *id)
{
	struct hane_fb_branch b = {.active = true};
	int rc;

	if ((rc = admin_name(db, b.name, sizeof b.name, HANE_M_FB_F_BRANCH,
			     name, BRANCH_NAMES, 0)) ||
	    (rc = branch_days(b.days, days)))
		return rc;
	return fb_insert(db, &hane_fb_branch_rdef, &b, id);
}

int hane_foodbank_branch_update(hane_db *db, const struct hane_fb_branch *b)
{
	struct hane_fb_branch w = *b;
	int rc;

	if ((rc = admin_name(db, w.name, sizeof w.name, HANE_M_FB_F_BRANCH,
			     b->name, BRANCH_NAMES, b->id)) ||
	    (rc = branch_days(w.days, b->days)))
		return rc;
	return hane_record_save(db, &hane_fb_branch_rdef, &w, NULL);
}

int hane_foodbank_market_add(hane_db *db, const char *name, int64_t *id)
{
	struct hane_fb_market m = {.active = true};
	int rc = admin_name(db, m.name, sizeof m.name, HANE_M_FB_F_MARKET, name,
			    MARKET_NAMES, 0);

	return rc ? rc : fb_insert(db, &hane_fb_market_rdef, &m, id);
}

int hane_foodbank_market_update(hane_db *db, const struct hane_fb_market *m)
{
	struct hane_fb_market w = *m;
	int rc = admin_name(db, w.name, sizeof w.name, HANE_M_FB_F_MARKET,
			    m->name, MARKET_NAMES, m->id);

	return rc ? rc : hane_record_save(db, &hane_fb_market_rdef, &w, NULL);
}

static int limit_check(int limit_days)
{
	if (limit_days < 0 || limit_days > 3660) {
		hane_error_set(hane_msg(HANE_M_FB_LIMIT_BAD), limit_days);
		return fb_field_error(HANE_M_FB_F_LIMIT, hane_error_last());
	}
	return 0;
}

int hane_foodbank_package_add(hane_db *db, const char *code,
			      const char *name_tr, const char *name_en,
			      int limit_days, int64_t *id)
{
	char c[HANE_FB_CODE_MAX], tr[96], en[96];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_ADMIN)))
		return rc;
	snprintf(c, sizeof c, "%s", code ? code : "");
	hane_text_trim(c);
	if (!c[0] ||
	    strspn(c, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(c) ||
	    strlen(code ? code : "") >= sizeof c)
		return fb_field_error(HANE_M_FB_F_CODE,
				      hane_msg(HANE_M_FB_CODE_BAD));
	if ((rc = name_check(tr, sizeof tr, HANE_M_FB_F_PACKAGE, name_tr)))
		return rc;
	if (name_en && !hane_text_blank(name_en)) {
		if ((rc = name_check(en, sizeof en, HANE_M_FB_F_NAME_EN,
				     name_en)))
			return rc;
	} else {
		snprintf(en, sizeof en, "%s", tr);
	}
	if ((rc = limit_check(limit_days)) ||
	    (rc = name_taken(db, "SELECT id, code FROM fb_package_type",
			     HANE_M_FB_F_CODE, c, 0)) ||
	    (rc = name_taken(db, "SELECT id, name_tr FROM fb_package_type",
			     HANE_M_FB_F_PACKAGE, tr, 0)))
		return rc;
	struct hane_fb_package p = {.limit_days = limit_days, .active = true};
	HANE_COPY(p.code, c);
	HANE_COPY(p.name_tr, tr);
	HANE_COPY(p.name_en, en);
	return fb_insert(db, &hane_fb_package_rdef, &p, id);
}

int hane_foodbank_package_update(hane_db *db, const struct hane_fb_package *p)
{
	bool en = hane_lang_get() == HANE_LANG_EN;
	char n[96];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_ADMIN)) ||
	    (rc = name_check(n, sizeof n, HANE_M_FB_F_PACKAGE, p->name)) ||
	    (rc = limit_check(p->limit_days)) ||
	    (rc = name_taken(db,
			     en ? "SELECT id, name_en FROM fb_package_type"
				: "SELECT id, name_tr FROM fb_package_type",
			     HANE_M_FB_F_PACKAGE, n, p->id)))
		return rc;
	/* The name in the other language stays the stored one. */
	struct hane_fb_package w;
	if ((rc = hane_record_get(db, &hane_fb_package_rdef, p->id, &w)) != 0)
		return rc;
	if (en)
		HANE_COPY(w.name_en, n);
	else
		HANE_COPY(w.name_tr, n);
	w.version = p->version;
	w.limit_days = p->limit_days;
	w.active = p->active;
	return hane_record_save(db, &hane_fb_package_rdef, &w, NULL);
}
