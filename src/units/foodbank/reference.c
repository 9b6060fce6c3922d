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

int fb_date_check(char date[HANE_DATE_LEN + 1], enum hane_msg field,
		  bool future_ok)
{
	char iso[HANE_DATE_LEN + 1], today[HANE_DATE_LEN + 1];

	hane_today(today);
	if (!date[0]) {
		memcpy(date, today, sizeof today);
		return 0;
	}
	if (hane_date_parse(iso, date) != 0)
		return fb_field_error(field, hane_error_last());
	memcpy(date, iso, sizeof iso);
	if (!future_ok && strcmp(date, today) > 0)
		return fb_field_error(field, hane_msg(HANE_M_FB_FUTURE));
	return 0;
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

	if (*it->n >= HANE_FB_ITEMS_MAX)
		return 0;
	item = &it->v[*it->n];
	HANE_COPY(item->category, hane_stmt_text(st, 0));
	HANE_COPY(item->unit, hane_stmt_text(st, 1));
	item->qty_milli = hane_stmt_int(st, 2);
	(*it->n)++;
	return 0;
}

int fb_items_read(hane_db *db, const char *sql, int64_t parent,
		  struct hane_fb_item *items, size_t *n)
{
	struct hane_field id = HANE_FINT(":id", parent);
	struct items it = {items, n};

	*n = 0;
	return hane_store_each(db, sql, &id, 1, item_row, &it);
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

#define BRANCH_COLUMNS "id, version, name, days, active"

static void read_branch(hane_stmt *st, struct hane_fb_branch *b)
{
	memset(b, 0, sizeof *b);
	b->id = hane_stmt_int(st, 0);
	b->version = hane_stmt_int(st, 1);
	HANE_COPY(b->name, hane_stmt_text(st, 2));
	HANE_COPY(b->days, hane_stmt_text(st, 3));
	b->active = hane_stmt_int(st, 4) != 0;
}

HANE_STORE_EACH_ROW(branch, struct hane_fb_branch, read_branch)

int hane_foodbank_branch_each(hane_db *db,
			      int (*fn)(const struct hane_fb_branch *b,
					void *arg),
			      void *arg)
{
	struct branch_each e = {fn, arg};
	int rc = hane_can(db, HANE_ACT_FOODBANK_READ);

	return rc ? rc
		  : hane_store_each(db,
				    "SELECT " BRANCH_COLUMNS
				    " FROM fb_branch ORDER BY id",
				    NULL, 0, branch_row, &e);
}

int hane_foodbank_branch_get(hane_db *db, int64_t id,
			     struct hane_fb_branch *out)
{
	hane_stmt *st = NULL;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	if ((rc = hane_stmt_prepare(db, &st,
				    "SELECT " BRANCH_COLUMNS
				    " FROM fb_branch WHERE id = :id")) != 0)
		return rc;
	if ((rc = hane_stmt_bind_int(st, ":id", id)) == 0)
		rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		read_branch(st, out);
		rc = 0;
	} else if (rc == HANE_DONE) {
		hane_error_set(hane_msg(HANE_M_FB_BRANCH_NOT_FOUND),
			       (long long)id);
		rc = HANE_ENOTFOUND;
	}
	hane_stmt_finalize(st);
	return rc;
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

int hane_foodbank_branch_find(hane_db *db, const char *text,
			      struct hane_fb_branch *out)
{
	char names[512] = "";
	int64_t id = 0;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	rc = find_by_name(db, "SELECT id, name FROM fb_branch ORDER BY id",
			  text, &id, names);
	if (rc == HANE_ENOTFOUND) {
		hane_error_set(hane_msg(HANE_M_FB_BRANCH_UNKNOWN), text, names);
		return rc;
	}
	if (rc)
		return rc;
	return hane_foodbank_branch_get(db, id, out);
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

static void read_market(hane_stmt *st, struct hane_fb_market *m)
{
	memset(m, 0, sizeof *m);
	m->id = hane_stmt_int(st, 0);
	m->version = hane_stmt_int(st, 1);
	HANE_COPY(m->name, hane_stmt_text(st, 2));
	m->active = hane_stmt_int(st, 3) != 0;
}

static int market_get(hane_db *db, int64_t id, struct hane_fb_market *out)
{
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(db, &st,
				   "SELECT id, version, name, active"
				   " FROM fb_market WHERE id = :id");

	if (rc)
		return rc;
	if ((rc = hane_stmt_bind_int(st, ":id", id)) == 0)
		rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		read_market(st, out);
		rc = 0;
	} else if (rc == HANE_DONE) {
		hane_error_set(hane_msg(HANE_M_FB_MARKET_NOT_FOUND),
			       (long long)id);
		rc = HANE_ENOTFOUND;
	}
	hane_stmt_finalize(st);
	return rc;
}

int hane_foodbank_market_find(hane_db *db, const char *text,
			      struct hane_fb_market *out)
{
	char names[512] = "";
	int64_t id = 0;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	rc = find_by_name(db, "SELECT id, name FROM fb_market ORDER BY id",
			  text, &id, names);
	if (rc == HANE_ENOTFOUND) {
		hane_error_set(hane_msg(HANE_M_FB_MARKET_UNKNOWN), text, names);
		return rc;
	}
	if (rc)
		return rc;
	return market_get(db, id, out);
}

HANE_STORE_EACH_ROW(market, struct hane_fb_market, read_market)

int hane_foodbank_market_each(hane_db *db,
			      int (*fn)(const struct hane_fb_market *m,
					void *arg),
			      void *arg)
{
	struct market_each e = {fn, arg};
	int rc = hane_can(db, HANE_ACT_FOODBANK_READ);

	return rc ? rc
		  : hane_store_each(db,
				    "SELECT id, version, name, active"
				    " FROM fb_market ORDER BY id",
				    NULL, 0, market_row, &e);
}

static int name_taken(hane_db *db, const char *sql, enum hane_msg field,
		      const char *name, int64_t except_id);

int hane_foodbank_market_add(hane_db *db, const char *name, int64_t *id)
{
	char buf[96];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_ADMIN)) != 0)
		return rc;
	snprintf(buf, sizeof buf, "%s", name ? name : "");
	hane_text_trim(buf);
	if (!buf[0] || !hane_utf8_valid(buf, strlen(buf))) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_FB_F_MARKET));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_text(HANE_M_FB_F_MARKET, buf, sizeof buf - 1,
				  HANE_TEXT_LINE)) ||
	    (rc = name_taken(db, "SELECT id, name FROM fb_market",
			     HANE_M_FB_F_MARKET, buf, 0)))
		return rc;
	struct hane_field f[] = {FB_TEXT("name", buf)};
	return hane_store_insert(db, "fb_market", f, 1, id);
}

/* ---- Package types ---------------------------------------------------------- */

#define PACKAGE_COLUMNS                                                        \
	"id, version, code, name_tr, name_en, limit_days, active"

static void read_package(hane_stmt *st, struct hane_fb_package *p)
{
	memset(p, 0, sizeof *p);
	p->id = hane_stmt_int(st, 0);
	p->version = hane_stmt_int(st, 1);
	HANE_COPY(p->code, hane_stmt_text(st, 2));
	HANE_COPY(p->name,
		  hane_stmt_text(st, hane_lang_get() == HANE_LANG_EN ? 4 : 3));
	p->limit_days = (int)hane_stmt_int(st, 5);
	p->active = hane_stmt_int(st, 6) != 0;
}

HANE_STORE_EACH_ROW(package, struct hane_fb_package, read_package)

int hane_foodbank_package_each(hane_db *db,
			       int (*fn)(const struct hane_fb_package *p,
					 void *arg),
			       void *arg)
{
	struct package_each e = {fn, arg};
	int rc = hane_can(db, HANE_ACT_FOODBANK_READ);

	return rc ? rc
		  : hane_store_each(db,
				    "SELECT " PACKAGE_COLUMNS
				    " FROM fb_package_type ORDER BY id",
				    NULL, 0, package_row, &e);
}

int hane_foodbank_package_find(hane_db *db, const char *text,
			       struct hane_fb_package *out)
{
	hane_stmt *st = NULL;
	char key[128], f[128], names[512] = "";
	bool found = false;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_READ)) != 0)
		return rc;
	hane_text_fold(key, sizeof key, text);
	if ((rc = hane_stmt_prepare(db, &st,
				    "SELECT " PACKAGE_COLUMNS
				    " FROM fb_package_type ORDER BY id")) != 0)
		return rc;
	while (!found && (rc = hane_stmt_step(st)) == HANE_ROW) {
		size_t len = strlen(names);

		snprintf(names + len, sizeof names - len, "%s%s",
			 len ? ", " : "", hane_stmt_text(st, 2));
		for (int col = 2; col <= 4 && !found; col++) {
			hane_text_fold(f, sizeof f, hane_stmt_text(st, col));
			/* "standart" matches "Standart paket" too. */
			if (key[0] &&
			    (strcmp(f, key) == 0 ||
			     (col > 2 && strncmp(f, key, strlen(key)) == 0 &&
			      f[strlen(key)] == ' '))) {
				read_package(st, out);
				found = true;
			}
		}
	}
	hane_stmt_finalize(st);
	if (rc < 0)
		return rc;
	if (!found) {
		hane_error_set(hane_msg(HANE_M_FB_PACKAGE_UNKNOWN), text,
			       names);
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

#define BRANCH_NAMES "SELECT id, name FROM fb_branch"

int hane_foodbank_branch_add(hane_db *db, const char *name, const char *days,
			     int64_t *id)
{
	char n[64], d[8];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_ADMIN)) ||
	    (rc = name_check(n, sizeof n, HANE_M_FB_F_BRANCH, name)) ||
	    (rc = branch_days(d, days)) ||
	    (rc = name_taken(db, BRANCH_NAMES, HANE_M_FB_F_BRANCH, n, 0)))
		return rc;
	struct hane_field f[] = {FB_TEXT("name", n), FB_TEXT("days", d),
				 HANE_FINT("active", 1)};
	return hane_store_insert(db, "fb_branch", f, 3, id);
}

int hane_foodbank_branch_update(hane_db *db, const struct hane_fb_branch *b)
{
	char n[64], d[8];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_ADMIN)) ||
	    (rc = name_check(n, sizeof n, HANE_M_FB_F_BRANCH, b->name)) ||
	    (rc = branch_days(d, b->days)) ||
	    (rc = name_taken(db, BRANCH_NAMES, HANE_M_FB_F_BRANCH, n, b->id)))
		return rc;
	struct hane_field f[] = {FB_TEXT("name", n), FB_TEXT("days", d),
				 HANE_FINT("active", b->active ? 1 : 0)};
	return hane_store_update(db, "fb_branch", b->id, b->version, f, 3,
				 NULL);
}

int hane_foodbank_market_update(hane_db *db, const struct hane_fb_market *m)
{
	char n[96];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_FOODBANK_ADMIN)) ||
	    (rc = name_check(n, sizeof n, HANE_M_FB_F_MARKET, m->name)) ||
	    (rc = name_taken(db, "SELECT id, name FROM fb_market",
			     HANE_M_FB_F_MARKET, n, m->id)))
		return rc;
	struct hane_field f[] = {FB_TEXT("name", n),
				 HANE_FINT("active", m->active ? 1 : 0)};
	return hane_store_update(db, "fb_market", m->id, m->version, f, 2,
				 NULL);
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
	struct hane_field f[] = {FB_TEXT("code", c), FB_TEXT("name_tr", tr),
				 FB_TEXT("name_en", en),
				 HANE_FINT("limit_days", limit_days),
				 HANE_FINT("active", 1)};
	return hane_store_insert(db, "fb_package_type", f, 5, id);
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
	struct hane_field f[] = {FB_TEXT(en ? "name_en" : "name_tr", n),
				 HANE_FINT("limit_days", p->limit_days),
				 HANE_FINT("active", p->active ? 1 : 0)};
	return hane_store_update(db, "fb_package_type", p->id, p->version, f, 3,
				 NULL);
}
