/* Aşevi: channels and items, the daily tally, the period totals and the
 * home-meal roster. The rules are in hane/kitchen.h. */
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/security.h"
#include "kitchen_int.h"

/* ---- Descriptors ------------------------------------------------------------ */

#define F(...) HANE_FDEF(struct hane_kitchen_channel, __VA_ARGS__)
static const struct hane_fdef channel_fields[] = {
	HANE_KITCHEN_CHANNEL_FIELDS(F)};
#undef F
const struct hane_rdef hane_kitchen_channel_rdef =
	HANE_RDEF(struct hane_kitchen_channel, "kitchen_channel", "kitchen",
		  channel_fields);

#define F(...) HANE_FDEF(struct hane_kitchen_item, __VA_ARGS__)
static const struct hane_fdef item_fields[] = {HANE_KITCHEN_ITEM_FIELDS(F)};
#undef F
const struct hane_rdef hane_kitchen_item_rdef = HANE_RDEF(
	struct hane_kitchen_item, "kitchen_item", "kitchen", item_fields);

#define F(...) HANE_FDEF(struct hane_kitchen_tally, __VA_ARGS__)
static const struct hane_fdef tally_fields[] = {HANE_KITCHEN_TALLY_FIELDS(F)};
#undef F
const struct hane_rdef hane_kitchen_tally_rdef = HANE_RDEF(
	struct hane_kitchen_tally, "kitchen_tally", "kitchen", tally_fields);

#define F(...) HANE_FDEF(struct hane_kitchen_home, __VA_ARGS__)
static const struct hane_fdef home_fields[] = {
	HANE_KITCHEN_HOME_FIELDS(F) HANE_FDEF_SQL(
		struct hane_kitchen_home, head, HANE_FT_TEXT,
		"(SELECT p.first_name || ' ' || p.last_name"
		" FROM household h JOIN person p ON p.id = h.head_id"
		" WHERE h.id = t.household_id)",
		"Hane reisi", "Head of household")
		HANE_FDEF_SQL(struct hane_kitchen_home, mahalle, HANE_FT_TEXT,
			      "(SELECT h.mahalle FROM household h"
			      " WHERE h.id = t.household_id)",
			      "Mahalle", "Neighbourhood")};
#undef F
const struct hane_rdef hane_kitchen_home_rdef = HANE_RDEF(
	struct hane_kitchen_home, "kitchen_home", "kitchen", home_fields);

/* ---- Channels and items -------------------------------------------------------- */

static const char *const units[] = {"bardak", "öğün", "dilim", "kase",
				    "tabak",  "adet", NULL};

const char *const *hane_kitchen_units(void)
{
	return units;
}

const char *hane_kitchen_unit_word(const char *unit)
{
	static const struct hane_code words[] = {
		{"bardak", HANE_M_KT_UNIT_BARDAK},
		{"öğün", HANE_M_KT_UNIT_OGUN},
		{"dilim", HANE_M_KT_UNIT_DILIM},
		{"kase", HANE_M_KT_UNIT_KASE},
		{"tabak", HANE_M_KT_UNIT_TABAK},
		{"adet", HANE_M_KT_UNIT_ADET},
	};

	return hane_code_text(words, HANE_COUNTOF(words), unit);
}

/* A unit typed any way ("ogun", "Öğün", "cup") → the stored word. */
static const char *unit_parse(const char *s)
{
	static const char *const en[] = {"cup",	  "meal",  "slice", "bowl",
					 "plate", "piece", NULL};
	char f[64], g[64];

	hane_text_fold(f, sizeof f, s ? s : "");
	for (int i = 0; units[i]; i++) {
		hane_text_fold(g, sizeof g, units[i]);
		if (!strcmp(f, g) || !strcmp(f, en[i]))
			return units[i];
	}
	return NULL;
}

static int required(enum hane_msg field, const char *v)
{
	if (v && *v)
		return 0;
	hane_error_set(hane_msg(HANE_M_V_REQUIRED), hane_msg(field));
	return HANE_EINVAL;
}

static bool code_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '_'))
			return false;
	return true;
}

/* What a list row's save checks: kitchen.admin, the code and name given,
 * the code well-formed and (on a change) the one it was. */
static int check_ref(hane_db *db, const struct hane_rdef *def, int64_t id,
		     char *code, char *name)
{
	int rc;

	if ((rc = hane_can(db, HANE_ACT_KITCHEN_ADMIN)) != 0)
		return rc;
	hane_text_trim(code);
	hane_text_trim(name);
	if ((rc = required(HANE_M_KT_F_CODE, code)) != 0 ||
	    (rc = required(HANE_M_KT_F_NAME, name)) != 0)
		return rc;
	if (!code_ok(code)) {
		hane_error_set(hane_msg(HANE_M_KT_BAD_CODE), code);
		return HANE_EINVAL;
	}
	if (id) {
		int64_t v[1];
		char sql[96];
		const struct hane_field p[] = {HANE_FINT(":id", id),
					       HANE_FTEXT(":c", code)};

		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM %s WHERE id = :id AND code = :c",
			 def->table);
		if ((rc = hane_store_ints(db, sql, p, 2, v, 1)) != 0)
			return rc;
		if (!v[0]) {
			hane_error_set(hane_msg(HANE_M_KT_CODE_FIXED), code);
			return HANE_EINVAL;
		}
	}
	return 0;
}

int hane_kitchen_channel_save(hane_db *db, struct hane_kitchen_channel *c,
			      int64_t *id)
{
	int rc;

	if ((rc = check_ref(db, &hane_kitchen_channel_rdef, c->id, c->code,
			    c->name)) != 0)
		return rc;
	rc = hane_record_save(db, &hane_kitchen_channel_rdef, c, NULL);
	if (rc == HANE_EEXIST)
		hane_error_set(hane_msg(HANE_M_KT_CODE_EXISTS), c->code);
	if (rc)
		return rc;
	if (id)
		*id = c->id;
	return hane_record_get(db, &hane_kitchen_channel_rdef, c->id, c);
}

int hane_kitchen_item_save(hane_db *db, struct hane_kitchen_item *it,
			   int64_t *id)
{
	const char *u;
	int rc;

	if ((rc = check_ref(db, &hane_kitchen_item_rdef, it->id, it->code,
			    it->name)) != 0)
		return rc;
	if (!(u = unit_parse(it->unit))) {
		hane_error_set(hane_msg(HANE_M_KT_BAD_UNIT), it->unit,
			       "bardak, öğün, dilim, kase, tabak, adet");
		return HANE_EINVAL;
	}
	HANE_COPY(it->unit, u);
	rc = hane_record_save(db, &hane_kitchen_item_rdef, it, NULL);
	if (rc == HANE_EEXIST)
		hane_error_set(hane_msg(HANE_M_KT_CODE_EXISTS), it->code);
	if (rc)
		return rc;
	if (id)
		*id = it->id;
	return hane_record_get(db, &hane_kitchen_item_rdef, it->id, it);
}

/* The row of def whose id (digits), code or folded name is key. */
struct find_ctx {
	const char *key;
	char folded[128];
	size_t name_at, code_at, size;
	void *out;
	bool found;
};

static int find_row(const void *rec, void *arg)
{
	struct find_ctx *f = arg;
	const char *code = (const char *)rec + f->code_at;
	const char *name = (const char *)rec + f->name_at;
	char n[128];

	hane_text_fold(n, sizeof n, name);
	if (strcmp(code, f->key) == 0 || strcmp(n, f->folded) == 0) {
		memcpy(f->out, rec, f->size);
		f->found = true;
		return 1;
	}
	return 0;
}

static int find_ref(hane_db *db, const struct hane_rdef *def, const char *key,
		    size_t code_at, size_t name_at, enum hane_msg missing,
		    void *out)
{
	struct find_ctx f = {0};
	char *end;
	long long id;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_KITCHEN_READ)) != 0)
		return rc;
	key = key ? key : "";
	id = *key ? strtoll(key, &end, 10) : 0;
	if (*key && !*end && id > 0) {
		rc = hane_record_get(db, def, id, out);
	} else {
		f.key = key;
		hane_text_fold(f.folded, sizeof f.folded, key);
		f.code_at = code_at;
		f.name_at = name_at;
		f.size = def->size;
		f.out = out;
		rc = hane_record_list(db, def, " ORDER BY t.sort, t.id", NULL,
				      0, find_row, &f);
		if (rc >= 0)
			rc = f.found ? 0 : HANE_ENOTFOUND;
	}
	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(missing), key);
	return rc;
}

int hane_kitchen_channel_find(hane_db *db, const char *key,
			      struct hane_kitchen_channel *out)
{
	return find_ref(db, &hane_kitchen_channel_rdef, key,
			offsetof(struct hane_kitchen_channel, code),
			offsetof(struct hane_kitchen_channel, name),
			HANE_M_KT_NO_CHANNEL, out);
}

int hane_kitchen_item_find(hane_db *db, const char *key,
			   struct hane_kitchen_item *out)
{
	return find_ref(db, &hane_kitchen_item_rdef, key,
			offsetof(struct hane_kitchen_item, code),
			offsetof(struct hane_kitchen_item, name),
			HANE_M_KT_NO_ITEM, out);
}

HANE_RECORD_EACH_FN(channel, struct hane_kitchen_channel)
HANE_RECORD_EACH_FN(item, struct hane_kitchen_item)

int hane_kitchen_channels(hane_db *db, bool active_only,
			  int (*fn)(const struct hane_kitchen_channel *c,
				    void *arg),
			  void *arg)
{
	struct channel_each e = {fn, arg};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_KITCHEN_READ)) != 0)
		return rc;
	return hane_record_list(db, &hane_kitchen_channel_rdef,
				active_only ? " WHERE t.active = 1"
					      " ORDER BY t.sort, t.id"
					    : " ORDER BY t.sort, t.id",
				NULL, 0, channel_call, &e);
}

int hane_kitchen_items(hane_db *db, bool active_only,
		       int (*fn)(const struct hane_kitchen_item *it, void *arg),
		       void *arg)
{
	struct item_each e = {fn, arg};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_KITCHEN_READ)) != 0)
		return rc;
	return hane_record_list(db, &hane_kitchen_item_rdef,
				active_only ? " WHERE t.active = 1"
					      " ORDER BY t.sort, t.id"
					    : " ORDER BY t.sort, t.id",
				NULL, 0, item_call, &e);
}

/* ---- The tally ------------------------------------------------------------------- */

int kt_date(char out[HANE_DATE_LEN + 1], const char *s)
{
	char today[HANE_DATE_LEN + 1];

	if (!s || !*s) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_KT_F_DATE));
		return HANE_EINVAL;
	}
	if (hane_date_parse(out, s) != 0) {
		char why[256];

		HANE_COPY(why, hane_error_last());
		hane_error_set("%s: %s", hane_msg(HANE_M_KT_F_DATE), why);
		return HANE_EINVAL;
	}
	if (strcmp(out, hane_today(today)) > 0) {
		char shown[HANE_DATE_LEN + 1];

		hane_error_set(hane_msg(HANE_M_KT_FUTURE),
			       hane_date_format(shown, out));
		return HANE_EINVAL;
	}
	return 0;
}

int kt_cell_set(hane_db *db, const char *date, int64_t channel_id,
		int64_t item_id, int64_t count, int64_t expect_version,
		int64_t *replaced, int *written)
{
	const struct hane_field p[] = {HANE_FTEXT(":d", date),
				       HANE_FINT(":c", channel_id),
				       HANE_FINT(":i", item_id)};
	struct hane_kitchen_tally t;
	int rc;

	if (replaced)
		*replaced = -1;
	if (written)
		*written = 0;
	if (count < 0) {
		hane_error_set(hane_msg(HANE_M_KT_NEGATIVE), (long long)count);
		return HANE_EINVAL;
	}
	memset(&t, 0, sizeof t);
	rc = hane_record_first(db, &hane_kitchen_tally_rdef,
			       " WHERE t.date = :d AND t.channel_id = :c"
			       " AND t.item_id = :i",
			       p, 3, &t);
	if (rc == HANE_ENOTFOUND) {
		if (expect_version > 0) {
			hane_error_set(hane_msg(HANE_M_KT_CELL_GONE));
			return HANE_ECONFLICT;
		}
		if (count == 0)
			return 0;
		memset(&t, 0, sizeof t);
		HANE_COPY(t.date, date);
		t.channel_id = channel_id;
		t.item_id = item_id;
		t.count = count;
		if ((rc = hane_record_save(db, &hane_kitchen_tally_rdef, &t,
					   NULL)) == 0 &&
		    written)
			*written = 1;
		return rc;
	}
	if (rc)
		return rc;
	if (replaced)
		*replaced = t.count;
	if (expect_version >= 0 && t.version != expect_version) {
		/* Someone saved this cell since the grid was read: who and
		 * when, as the store says it for a stale update. */
		rc = hane_store_update(db, "kitchen_tally", t.id,
				       expect_version ? expect_version : -1,
				       NULL, 0, NULL);
		return rc ? rc : HANE_ECONFLICT;
	}
	if (t.count == count)
		return 0;
	t.count = count;
	if ((rc = hane_record_save(db, &hane_kitchen_tally_rdef, &t, NULL)) ==
		    0 &&
	    written)
		*written = 1;
	return rc;
}

struct grid_ctx {
	struct hane_kitchen_day *day;
	bool active_only;
};

static int grid_channel(const struct hane_kitchen_channel *c, void *arg)
{
	struct hane_kitchen_day *d = arg;

	if (d->nch < HANE_KITCHEN_MAX_CHANNELS)
		d->ch[d->nch++] = *c;
	return 0;
}

static int grid_item(const struct hane_kitchen_item *it, void *arg)
{
	struct hane_kitchen_day *d = arg;

	if (d->nit < HANE_KITCHEN_MAX_ITEMS)
		d->it[d->nit++] = *it;
	return 0;
}

static int grid_cell(const void *rec, void *arg)
{
	const struct hane_kitchen_tally *t = rec;
	struct hane_kitchen_day *d = arg;

	for (size_t r = 0; r < d->nch; r++) {
		if (d->ch[r].id != t->channel_id)
			continue;
		for (size_t c = 0; c < d->nit; c++) {
			if (d->it[c].id != t->item_id)
				continue;
			d->count[r][c] = t->count;
			d->id[r][c] = t->id;
			d->version[r][c] = t->version;
		}
	}
	return 0;
}

int hane_kitchen_day_load(hane_db *db, const char *date,
			  struct hane_kitchen_day *day)
{
	const struct hane_field p[] = {HANE_FTEXT(":d", day->date)};
	char iso[HANE_DATE_LEN + 1];
	int rc;

	memset(day, 0, sizeof *day);
	if ((rc = hane_can(db, HANE_ACT_KITCHEN_READ)) != 0)
		return rc;
	if (hane_date_parse(iso, date ? date : "") != 0) {
		char why[256];

		HANE_COPY(why, hane_error_last());
		hane_error_set("%s: %s", hane_msg(HANE_M_KT_F_DATE), why);
		return HANE_EINVAL;
	}
	HANE_COPY(day->date, iso);
	/* The active rows and columns, and the inactive ones that have a
	 * count that day (an old sheet stays whole). */
	{
		struct channel_each ce = {grid_channel, day};
		struct item_each ie = {grid_item, day};

		rc = hane_record_list(
			db, &hane_kitchen_channel_rdef,
			" WHERE t.active = 1 OR EXISTS (SELECT 1 FROM"
			" kitchen_tally k WHERE k.channel_id = t.id AND"
			" k.date = :d AND k.count > 0) ORDER BY t.sort, t.id",
			p, 1, channel_call, &ce);
		if (rc >= 0)
			rc = hane_record_list(
				db, &hane_kitchen_item_rdef,
				" WHERE t.active = 1 OR EXISTS (SELECT 1 FROM"
				" kitchen_tally k WHERE k.item_id = t.id AND"
				" k.date = :d AND k.count > 0)"
				" ORDER BY t.sort, t.id",
				p, 1, item_call, &ie);
	}
	if (rc >= 0)
		rc = hane_record_list(db, &hane_kitchen_tally_rdef,
				      " WHERE t.date = :d", p, 1, grid_cell,
				      day);
	return rc < 0 ? rc : 0;
}

int64_t hane_kitchen_day_row(const struct hane_kitchen_day *day, size_t r)
{
	int64_t s = 0;

	for (size_t c = 0; r < day->nch && c < day->nit; c++)
		s += day->count[r][c];
	return s;
}

int64_t hane_kitchen_day_col(const struct hane_kitchen_day *day, size_t c)
{
	int64_t s = 0;

	for (size_t r = 0; c < day->nit && r < day->nch; r++)
		s += day->count[r][c];
	return s;
}

int64_t hane_kitchen_day_total(const struct hane_kitchen_day *day)
{
	int64_t s = 0;

	for (size_t r = 0; r < day->nch; r++)
		s += hane_kitchen_day_row(day, r);
	return s;
}

int hane_kitchen_day_save(hane_db *db, struct hane_kitchen_day *day,
			  int *changed)
{
	char iso[HANE_DATE_LEN + 1];
	int rc, n = 0;

	if (changed)
		*changed = 0;
	if ((rc = hane_can(db, HANE_ACT_KITCHEN_WRITE)) != 0)
		return rc;
	if ((rc = kt_date(iso, day->date)) != 0)
		return rc;
	for (size_t r = 0; r < day->nch; r++)
		for (size_t c = 0; c < day->nit; c++)
			if (day->count[r][c] < 0) {
				hane_error_set(hane_msg(HANE_M_KT_NEGATIVE),
					       (long long)day->count[r][c]);
				return HANE_EINVAL;
			}
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	for (size_t r = 0; r < day->nch && !rc; r++)
		for (size_t c = 0; c < day->nit && !rc; c++) {
			int w = 0;

			rc = kt_cell_set(db, iso, day->ch[r].id, day->it[c].id,
					 day->count[r][c], day->version[r][c],
					 NULL, &w);
			n += w;
		}
	if ((rc = hane_store_end(db, rc)) != 0)
		return rc;
	if (changed)
		*changed = n;
	return hane_kitchen_day_load(db, iso, day);
}

int hane_kitchen_tally_set(hane_db *db, const char *date, const char *channel,
			   const char *item, int64_t count, int64_t *replaced)
{
	struct hane_kitchen_channel ch;
	struct hane_kitchen_item it;
	char iso[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_KITCHEN_WRITE)) != 0 ||
	    (rc = kt_date(iso, date)) != 0 ||
	    (rc = hane_kitchen_channel_find(db, channel, &ch)) != 0 ||
	    (rc = hane_kitchen_item_find(db, item, &it)) != 0)
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = kt_cell_set(db, iso, ch.id, it.id, count, -1, replaced, NULL);
	return hane_store_end(db, rc);
}

/* ---- Totals ------------------------------------------------------------------------ */

static void read_total(hane_stmt *st, struct hane_kitchen_total *t)
{
	HANE_COPY(t->channel_code, hane_stmt_text(st, 0));
	HANE_COPY(t->channel, hane_stmt_text(st, 1));
	HANE_COPY(t->item_code, hane_stmt_text(st, 2));
	HANE_COPY(t->item, hane_stmt_text(st, 3));
	HANE_COPY(t->unit, hane_stmt_text(st, 4));
	t->count = hane_stmt_int(st, 5);
	t->days = (int)hane_stmt_int(st, 6);
}

HANE_STORE_EACH_ROW(total, struct hane_kitchen_total, read_total)

int hane_kitchen_totals(hane_db *db, const char *from, const char *to,
			int (*fn)(const struct hane_kitchen_total *t,
				  void *arg),
			void *arg)
{
	const struct hane_field p[] = {HANE_FTEXT(":from", from),
				       HANE_FTEXT(":to", to)};
	struct total_each e = {fn, arg};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_KITCHEN_READ)) != 0)
		return rc;
	rc = hane_store_each(
		db,
		"SELECT c.code, c.name, i.code, i.name, i.unit, sum(t.count),"
		" sum(t.count > 0) FROM kitchen_tally t"
		" JOIN kitchen_channel c ON c.id = t.channel_id"
		" JOIN kitchen_item i ON i.id = t.item_id"
		" WHERE t.date BETWEEN :from AND :to"
		" GROUP BY c.id, i.id HAVING sum(t.count) > 0"
		" ORDER BY c.sort, c.id, i.sort, i.id",
		p, 2, total_row, &e);
	return rc < 0 ? rc : 0;
}

int hane_kitchen_period(const char *s, char from[HANE_DATE_LEN + 1],
			char to[HANE_DATE_LEN + 1])
{
	int y = 0, m = 0;
	char tail;

	s = s ? s : "";
	if (sscanf(s, "%4d-%2d%c", &y, &m, &tail) == 2 ||
	    sscanf(s, "%2d.%4d%c", &m, &y, &tail) == 2) {
		if (y >= 2000 && y <= 2999 && m >= 1 && m <= 12) {
			snprintf(from, HANE_DATE_LEN + 1, "%04d-%02d-01", y, m);
			snprintf(to, HANE_DATE_LEN + 1, "%04d-%02d-31", y, m);
			return 0;
		}
	} else if (sscanf(s, "%4d%c", &y, &tail) == 1 && strlen(s) == 4 &&
		   y >= 2000 && y <= 2999) {
		snprintf(from, HANE_DATE_LEN + 1, "%04d-01-01", y);
		snprintf(to, HANE_DATE_LEN + 1, "%04d-12-31", y);
		return 0;
	}
	hane_error_set(hane_msg(HANE_M_KT_BAD_PERIOD), s);
	return HANE_EINVAL;
}

/* ---- Home-meal roster ----------------------------------------------------------------- */

int hane_kitchen_home_save(hane_db *db, struct hane_kitchen_home *h,
			   int64_t *id)
{
	struct hane_household hh;
	char iso[HANE_DATE_LEN + 1];
	int64_t other[1];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_KITCHEN_WRITE)) != 0)
		return rc;
	if (!h->household_id) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_KT_F_HOUSEHOLD));
		return HANE_EINVAL;
	}
	if ((rc = hane_household_get(db, h->household_id, &hh)) != 0)
		return rc;
	if (!h->start_date[0])
		hane_today(h->start_date);
	if (hane_date_parse(iso, h->start_date) != 0) {
		char why[256];

		HANE_COPY(why, hane_error_last());
		hane_error_set("%s: %s", hane_msg(HANE_M_KT_F_START), why);
		return HANE_EINVAL;
	}
	HANE_COPY(h->start_date, iso);
	if (h->end_date[0]) {
		if (hane_date_parse(iso, h->end_date) != 0) {
			char why[256];

			HANE_COPY(why, hane_error_last());
			hane_error_set("%s: %s", hane_msg(HANE_M_KT_F_END),
				       why);
			return HANE_EINVAL;
		}
		HANE_COPY(h->end_date, iso);
		if (strcmp(h->end_date, h->start_date) < 0) {
			hane_error_set("%s", hane_msg(HANE_M_KT_END_BEFORE));
			return HANE_EINVAL;
		}
	}
	hane_text_trim(h->note);
	{
		/* One open entry per household (an open one overlaps any
		 * other entry that runs on or past its start). */
		const struct hane_field p[] = {
			HANE_FINT(":hh", h->household_id),
			HANE_FINT(":id", h->id),
			HANE_FTEXT(":s", h->start_date),
			HANE_FTEXT(":e", h->end_date[0] ? h->end_date
							: "9999-12-31")};

		rc = hane_store_ints(
			db,
			"SELECT id FROM kitchen_home WHERE household_id = :hh"
			" AND id <> :id AND start_date <= :e"
			" AND coalesce(end_date, '9999-12-31') >= :s"
			" ORDER BY id LIMIT 1",
			p, 4, other, 1);
		if (rc == 0) {
			hane_error_set(hane_msg(HANE_M_KT_HOME_OVERLAP),
				       (long long)h->household_id,
				       (long long)other[0]);
			return HANE_EEXIST;
		}
		if (rc != HANE_ENOTFOUND)
			return rc;
	}
	if ((rc = hane_record_save(db, &hane_kitchen_home_rdef, h, NULL)) != 0)
		return rc;
	if (id)
		*id = h->id;
	return hane_record_get(db, &hane_kitchen_home_rdef, h->id, h);
}

int hane_kitchen_home_end(hane_db *db, int64_t id, const char *end)
{
	struct hane_kitchen_home h;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_KITCHEN_WRITE)) != 0)
		return rc;
	if ((rc = hane_store_missing(
		     hane_record_get(db, &hane_kitchen_home_rdef, id, &h),
		     HANE_M_KT_NO_HOME, id)) != 0)
		return rc;
	if (end && *end)
		HANE_COPY(h.end_date, end);
	else
		hane_today(h.end_date);
	return hane_kitchen_home_save(db, &h, NULL);
}

int hane_kitchen_home_get(hane_db *db, int64_t id,
			  struct hane_kitchen_home *out)
{
	int rc;

	if ((rc = hane_can(db, HANE_ACT_KITCHEN_READ)) != 0)
		return rc;
	if ((rc = hane_store_missing(
		     hane_record_get(db, &hane_kitchen_home_rdef, id, out),
		     HANE_M_KT_NO_HOME, id)) != 0)
		return rc;
	return hane_gate_view(db, "kitchen.home.view", "kitchen_home", id);
}

HANE_RECORD_EACH_FN(home, struct hane_kitchen_home)

int hane_kitchen_homes(hane_db *db, const char *day, int64_t household_id,
		       int (*fn)(const struct hane_kitchen_home *h, void *arg),
		       void *arg)
{
	const struct hane_field p[] = {HANE_FTEXT(":d", day ? day : ""),
				       HANE_FINT(":hh", household_id)};
	struct home_each e = {fn, arg};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_KITCHEN_READ)) != 0 ||
	    (rc = hane_gate_list(db, "kitchen.home.list")) != 0)
		return rc;
	rc = hane_record_list(db, &hane_kitchen_home_rdef,
			      " WHERE (:d = '' OR (t.start_date <= :d AND"
			      " coalesce(t.end_date, '9999-12-31') >= :d))"
			      " AND (:hh = 0 OR t.household_id = :hh)"
			      " ORDER BY t.start_date DESC, t.id DESC",
			      p, 2, home_call, &e);
	return rc < 0 ? rc : 0;
}
