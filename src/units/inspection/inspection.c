/* Social inspection: coded values, settings, requests and their flow.
 *
 * Rules live here so the console, the CLI and the importer can never
 * disagree. A write checks the permission first, then, inside one
 * transaction, reads the request as stored, checks the status flow, and
 * writes through the store's audited writes with the version the caller
 * read (a stale one is HANE_ECONFLICT).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/i18n.h"
#include "hane/inspection.h"
#include "hane/perm.h"
#include "hane/record.h"
#include "inspection_int.h"

/* ---- Coded values ---------------------------------------------------------- */

#define C_CHANNEL(n, c) {c, HANE_M_INSP_CHANNEL_##n},
#define C_REASON(n, c) {c, HANE_M_INSP_REASON_##n},
#define C_URGENCY(n, c) {c, HANE_M_INSP_URGENCY_##n},
#define C_STATUS(n, c) {c, HANE_M_INSP_STATUS_##n},
#define C_TENURE(n, c) {c, HANE_M_INSP_TENURE_##n},
#define C_HEATING(n, c) {c, HANE_M_INSP_HEATING_##n},
#define C_RECOMMEND(n, c) {c, HANE_M_INSP_RECOMMEND_##n},
#define C_OUTCOME(n, c) {c, HANE_M_INSP_OUTCOME_##n},
#define C_AID_TYPE(n, c) {c, HANE_M_INSP_AID_TYPE_##n},
#define C_KIND(n, c) {c, HANE_M_INSP_KIND_##n},
#define C_FREQUENCY(n, c) {c, HANE_M_INSP_FREQUENCY_##n},
#define C_STR(n, c) c,

static const struct hane_code channel_codes[] = {HANE_INSP_CHANNELS(C_CHANNEL)};
static const struct hane_code reason_codes[] = {HANE_INSP_REASONS(C_REASON)};
static const struct hane_code urgency_codes[] = {
	HANE_INSP_URGENCIES(C_URGENCY)};
static const struct hane_code status_codes[] = {HANE_INSP_STATUSES(C_STATUS)};
static const struct hane_code tenure_codes[] = {HANE_INSP_TENURES(C_TENURE)};
static const struct hane_code heating_codes[] = {HANE_INSP_HEATINGS(C_HEATING)};
static const struct hane_code recommend_codes[] = {
	HANE_INSP_RECOMMENDS(C_RECOMMEND)};
static const struct hane_code outcome_codes[] = {HANE_INSP_OUTCOMES(C_OUTCOME)};
static const struct hane_code aid_type_codes[] = {
	HANE_INSP_AID_TYPES(C_AID_TYPE)};
static const struct hane_code kind_codes[] = {HANE_INSP_KINDS(C_KIND)};
static const struct hane_code frequency_codes[] = {
	HANE_INSP_FREQUENCIES(C_FREQUENCY)};

static const char *const channel_strs[] = {HANE_INSP_CHANNELS(C_STR) NULL};
static const char *const reason_strs[] = {HANE_INSP_REASONS(C_STR) NULL};
static const char *const urgency_strs[] = {HANE_INSP_URGENCIES(C_STR) NULL};
static const char *const status_strs[] = {HANE_INSP_STATUSES(C_STR) NULL};
static const char *const tenure_strs[] = {HANE_INSP_TENURES(C_STR) NULL};
static const char *const heating_strs[] = {HANE_INSP_HEATINGS(C_STR) NULL};
static const char *const recommend_strs[] = {HANE_INSP_RECOMMENDS(C_STR) NULL};
static const char *const outcome_strs[] = {HANE_INSP_OUTCOMES(C_STR) NULL};
static const char *const aid_type_strs[] = {HANE_INSP_AID_TYPES(C_STR) NULL};
static const char *const kind_strs[] = {HANE_INSP_KINDS(C_STR) NULL};
static const char *const frequency_strs[] = {HANE_INSP_FREQUENCIES(C_STR) NULL};

#define LIST_(codes, strs)                                                     \
	{                                                                      \
		codes, strs, sizeof codes / sizeof codes[0]                    \
	}
static const struct {
	const struct hane_code *codes;
	const char *const *strs;
	size_t n;
} lists[HANE_INSP__LISTS] = {
	[HANE_INSP_CHANNEL] = LIST_(channel_codes, channel_strs),
	[HANE_INSP_REASON] = LIST_(reason_codes, reason_strs),
	[HANE_INSP_URGENCY] = LIST_(urgency_codes, urgency_strs),
	[HANE_INSP_STATUS] = LIST_(status_codes, status_strs),
	[HANE_INSP_TENURE] = LIST_(tenure_codes, tenure_strs),
	[HANE_INSP_HEATING] = LIST_(heating_codes, heating_strs),
	[HANE_INSP_RECOMMEND] = LIST_(recommend_codes, recommend_strs),
	[HANE_INSP_OUTCOME] = LIST_(outcome_codes, outcome_strs),
	[HANE_INSP_AID_TYPE] = LIST_(aid_type_codes, aid_type_strs),
	[HANE_INSP_KIND] = LIST_(kind_codes, kind_strs),
	[HANE_INSP_FREQUENCY] = LIST_(frequency_codes, frequency_strs),
};

const char *const *hane_inspection_codes(enum hane_inspection_list l, int *n)
{
	if ((unsigned)l >= HANE_INSP__LISTS)
		l = HANE_INSP_STATUS;
	if (n)
		*n = (int)lists[l].n;
	return lists[l].strs;
}

bool hane_inspection_valid(enum hane_inspection_list l, const char *code)
{
	return (unsigned)l < HANE_INSP__LISTS &&
	       hane_code_find(lists[l].codes, lists[l].n, code);
}

const char *hane_inspection_label(enum hane_inspection_list l, const char *code)
{
	if ((unsigned)l >= HANE_INSP__LISTS)
		return code ? code : "";
	return hane_code_text(lists[l].codes, lists[l].n, code);
}

const char *hane_inspection_parse(enum hane_inspection_list l, const char *word)
{
	/* Everyday words staff type or referral lists carry. */
	static const struct {
		enum hane_inspection_list l;
		const char *word, *code;
	} extra[] = {
		{HANE_INSP_CHANNEL, "gelen", "walk_in"},
		{HANE_INSP_CHANNEL, "basvuru", "walk_in"},
		{HANE_INSP_CHANNEL, "sahsen", "walk_in"},
		{HANE_INSP_CHANNEL, "walkin", "walk_in"},
		{HANE_INSP_CHANNEL, "tel", "phone"},
		{HANE_INSP_CHANNEL, "sevk", "referral"},
		{HANE_INSP_CHANNEL, "yonlendiren", "referral"},
		{HANE_INSP_CHANNEL, "cinar cocuk evi", "cinar"},
		{HANE_INSP_REASON, "genel", "general"},
		{HANE_INSP_REASON, "sosyal yardim", "general"},
		{HANE_INSP_REASON, "kira", "rent"},
		{HANE_INSP_REASON, "barinma", "rent"},
		{HANE_INSP_REASON, "saglik", "health"},
		{HANE_INSP_REASON, "engelli", "health"},
		{HANE_INSP_REASON, "yakacak", "fuel"},
		{HANE_INSP_REASON, "komur", "fuel"},
		{HANE_INSP_REASON, "cocuk evleri", "child_home"},
		{HANE_INSP_REASON, "cinar", "child_home"},
		{HANE_INSP_URGENCY, "acil degil", "normal"},
		{HANE_INSP_TENURE, "kira", "tenant"},
		{HANE_INSP_TENURE, "sahibi", "owner"},
		{HANE_INSP_TENURE, "mulk sahibi", "owner"},
		{HANE_INSP_TENURE, "kirasiz", "rent_free"},
		{HANE_INSP_HEATING, "dogalgaz", "gas"},
		{HANE_INSP_HEATING, "kombi", "gas"},
		{HANE_INSP_HEATING, "merkezi", "central"},
		{HANE_INSP_HEATING, "elektrik", "electric"},
		{HANE_INSP_HEATING, "yok", "none"},
		{HANE_INSP_RECOMMEND, "tek", "one_time"},
		{HANE_INSP_RECOMMEND, "duzenli", "regular"},
		{HANE_INSP_RECOMMEND, "ayni", "in_kind"},
		{HANE_INSP_RECOMMEND, "red", "reject"},
		{HANE_INSP_OUTCOME, "red", "rejected"},
		{HANE_INSP_OUTCOME, "reject", "rejected"},
		{HANE_INSP_OUTCOME, "kabul", "aid"},
		{HANE_INSP_AID_TYPE, "tek", "one_time"},
		{HANE_INSP_AID_TYPE, "once", "one_time"},
		{HANE_INSP_KIND, "nakit", "cash"},
		{HANE_INSP_KIND, "para", "cash"},
		{HANE_INSP_KIND, "kiyafet", "clothing"},
		{HANE_INSP_KIND, "komur", "fuel"},
		{HANE_INSP_FREQUENCY, "ayda bir", "monthly"},
		{HANE_INSP_FREQUENCY, "3 aylik", "quarterly"},
		{HANE_INSP_FREQUENCY, "yilda bir", "yearly"},
	};
	char key[128], cand[128];

	if ((unsigned)l >= HANE_INSP__LISTS || !word)
		return NULL;
	hane_text_fold(key, sizeof key, word);
	if (!key[0])
		return NULL;
	for (size_t i = 0; i < lists[l].n; i++) {
		const struct hane_code *c = &lists[l].codes[i];

		hane_text_fold(cand, sizeof cand, c->code);
		if (strcmp(cand, key) == 0)
			return c->code;
		for (int lang = 0; lang < 2; lang++) {
			hane_text_fold(
				cand, sizeof cand,
				hane_msg_in(c->msg, (enum hane_lang)lang));
			if (strcmp(cand, key) == 0)
				return c->code;
		}
	}
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (extra[i].l == l && strcmp(extra[i].word, key) == 0)
			return extra[i].code;
	return NULL;
}

int hane_inspection_not_one_of(enum hane_inspection_list l, const char *field)
{
	char words[512] = "";

	for (size_t i = 0; i < lists[l].n; i++) {
		size_t len = strlen(words);

		snprintf(words + len, sizeof words - len, "%s%s", i ? ", " : "",
			 hane_msg(lists[l].codes[i].msg));
	}
	hane_error_set(hane_msg(HANE_M_INSP_V_ONE_OF), field, words);
	return HANE_EINVAL;
}

static int not_one_of(enum hane_inspection_list l, enum hane_msg field)
{
	return hane_inspection_not_one_of(l, hane_msg(field));
}

/* ---- Dates ------------------------------------------------------------------ */

bool insp_date_ok(const char *iso)
{
	return hane_date_day(iso) != HANE_DAY_NONE;
}

int hane_inspection_date_add(char out[HANE_DATE_LEN + 1], const char *iso,
			     int days)
{
	int64_t z = hane_date_day(iso);
	int y, m, d;

	if (z == HANE_DAY_NONE) {
		hane_error_set("%s", hane_msg(HANE_M_DATE_INVALID));
		return HANE_EINVAL;
	}
	hane_date_civil(z + days, &y, &m, &d);
	if (y < 1 || y > 9999) {
		hane_error_set("%s", hane_msg(HANE_M_DATE_RANGE));
		return HANE_EINVAL;
	}
	hane_date_iso(out, z + days);
	return 0;
}

int hane_inspection_days_between(const char *a, const char *b)
{
	int64_t za = hane_date_day(a), zb = hane_date_day(b);

	return za == HANE_DAY_NONE || zb == HANE_DAY_NONE ? 0 : (int)(zb - za);
}

/* ---- Small helpers ------------------------------------------------------------ */

static int bad_status(const struct hane_inspection *r, const char *want)
{
	hane_error_set(hane_msg(HANE_M_INSP_BAD_STATUS), (long long)r->id,
		       hane_inspection_label(HANE_INSP_STATUS, r->status),
		       want);
	return HANE_EINVAL;
}

static bool is_open(const char *status)
{
	return !strcmp(status, "requested") || !strcmp(status, "assigned") ||
	       !strcmp(status, "visited");
}

/* ---- Settings -------------------------------------------------------------------- */

static const struct {
	const char *name;
	enum hane_msg label;
	size_t off;
} setting_names[] = {
	{"due_days_urgent", HANE_M_INSP_F_SETTING_URGENT,
	 offsetof(struct hane_inspection_settings, due_days_urgent)},
	{"due_days_normal", HANE_M_INSP_F_SETTING_NORMAL,
	 offsetof(struct hane_inspection_settings, due_days_normal)},
	{"renewal_days", HANE_M_INSP_F_SETTING_RENEWAL,
	 offsetof(struct hane_inspection_settings, renewal_days)},
};
#define NSETTINGS (sizeof setting_names / sizeof setting_names[0])

static int setting_row(hane_stmt *st, void *arg)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (!strcmp(hane_stmt_text(st, 0), setting_names[i].name))
			*(int *)((char *)arg + setting_names[i].off) =
				(int)hane_stmt_int(st, 1);
	return 0;
}

int insp_settings_read(hane_db *db, struct hane_inspection_settings *out)
{
	/* The defaults of the issue, should a row ever be missing. */
	out->due_days_urgent = 1;
	out->due_days_normal = 15;
	out->renewal_days = 30;
	return hane_store_each(db, "SELECT name, value FROM inspection_setting",
			       NULL, 0, setting_row, out);
}

int hane_inspection_settings_get(hane_db *db,
				 struct hane_inspection_settings *out)
{
	int rc = hane_can(db, HANE_ACT_INSPECTION_READ);

	if (rc)
		return rc;
	return insp_settings_read(db, out);
}

static int settings_tx(hane_db *db, void *arg)
{
	const struct hane_inspection_settings *s = arg;
	int rc = 0;

	for (size_t i = 0; i < NSETTINGS && rc == 0; i++) {
		int v = *(const int *)((const char *)s + setting_names[i].off);
		const struct hane_field p[] = {
			HANE_FTEXT(":n", setting_names[i].name)};
		int64_t row[2] = {0, 0}; /* id, version */
		struct hane_field f[2] = {
			HANE_FTEXT("name", setting_names[i].name),
			HANE_FINT("value", v)};

		rc = hane_store_ints(db,
				     "SELECT id, version FROM"
				     " inspection_setting WHERE name = :n",
				     p, 1, row, 2);
		if (rc == 0)
			rc = hane_store_update(db, "inspection_setting", row[0],
					       row[1], f + 1, 1, NULL);
		else if (rc == HANE_ENOTFOUND)
			rc = hane_store_insert(db, "inspection_setting", f, 2,
					       NULL);
	}
	return rc;
}

int hane_inspection_settings_set(hane_db *db,
				 const struct hane_inspection_settings *s)
{
	int rc = hane_can(db, HANE_ACT_INSPECTION_DECIDE);

	if (rc)
		return rc;
	for (size_t i = 0; i < NSETTINGS; i++) {
		int v = *(const int *)((const char *)s + setting_names[i].off);

		if (v < 0 || v > 365) {
			hane_error_set(hane_msg(HANE_M_INSP_V_SETTING),
				       hane_msg(setting_names[i].label));
			return HANE_EINVAL;
		}
	}
	return hane_store_tx(db, settings_tx, (void *)s);
}

/* ---- Reading requests ---------------------------------------------------------- */

void hane_inspection_init(struct hane_inspection *r)
{
	memset(r, 0, sizeof *r);
	strcpy(r->channel, "walk_in");
	strcpy(r->reason, "general");
	strcpy(r->urgency, "normal");
	strcpy(r->status, "requested");
}

/* A request is read with its inspector, its household's mahalle and head,
 * and the date of its visit. */
#define DERIVED(S)                                                             \
	S(inspector, "(SELECT s.full_name FROM staff s"                        \
		     " WHERE s.id = t.inspector_id)")                          \
	S(inspector_user, "(SELECT s.username FROM staff s"                    \
			  " WHERE s.id = t.inspector_id)")                     \
	S(mahalle, "(SELECT h.mahalle FROM household h"                        \
		   " WHERE h.id = t.household_id)")                            \
	S(head_name, "(SELECT p.first_name || ' ' || p.last_name"              \
		     " FROM household h JOIN person p ON p.id = h.head_id"     \
		     " WHERE h.id = t.household_id)")                          \
	S(visited_on, "(SELECT v.visited_on FROM inspection_visit v"           \
		      " WHERE v.request_id = t.id)")
#define S(col, expr)                                                           \
	HANE_FDEF_SQL(struct hane_inspection, col, HANE_FT_TEXT, expr, NULL,   \
		      NULL)
#define F(...) HANE_FDEF(struct hane_inspection, __VA_ARGS__)
static const struct hane_fdef request_fields[] = {HANE_INSPECTION_FIELDS(F)
							  DERIVED(S)};
#undef F
#undef S
const struct hane_rdef hane_inspection_rdef =
	HANE_RDEF_STAMPED(struct hane_inspection, "inspection_request",
			  "inspection", request_fields);

/* Open, not visited, and its due date passed. */
static void set_overdue(struct hane_inspection *r, const char *today)
{
	r->overdue = (!strcmp(r->status, "requested") ||
		      !strcmp(r->status, "assigned")) &&
		     strcmp(r->due_on, today) < 0;
}

int insp_read(hane_db *db, int64_t id, struct hane_inspection *out)
{
	char today[HANE_DATE_LEN + 1];
	int rc = hane_store_missing(
		hane_record_get(db, &hane_inspection_rdef, id, out),
		HANE_M_INSP_NOT_FOUND, id);

	if (rc == 0)
		set_overdue(out, hane_today(today));
	return rc;
}

int insp_save(hane_db *db, struct hane_inspection *r, int64_t version)
{
	r->version = version;
	return hane_record_save(db, &hane_inspection_rdef, r, NULL);
}

int hane_inspection_get(hane_db *db, int64_t id, struct hane_inspection *out)
{
	int rc = hane_can(db, HANE_ACT_INSPECTION_READ);

	if (rc)
		return rc;
	return insp_read(db, id, out);
}

/* Open requests are few (hundreds), so the mahalle order is done here
 * with the Turkish fold rather than SQLite's byte order. */
struct collect {
	struct hane_inspection *v;
	size_t n, cap;
};

static int cmp_mahalle(const void *a, const void *b)
{
	const struct hane_inspection *x = a, *y = b;
	char kx[128], ky[128];
	int c;

	hane_text_fold(kx, sizeof kx, x->mahalle);
	hane_text_fold(ky, sizeof ky, y->mahalle);
	if ((c = strcmp(kx, ky)) != 0)
		return c;
	if ((c = strcmp(x->due_on, y->due_on)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

struct each {
	const struct hane_inspection_filter *f;
	bool by_mahalle;
	char today[HANE_DATE_LEN + 1];
	struct collect c;
	int n;
	int (*fn)(const struct hane_inspection *r, void *arg);
	void *arg;
};

static int bind_filter(hane_stmt *st, void *arg)
{
	const struct each *e = arg;
	const struct hane_inspection_filter *f = e->f;
	int rc;

	if ((rc = hane_stmt_bind_int(st, ":hh", f->household_id)) ||
	    (rc = hane_stmt_bind_int(st, ":insp", f->inspector_id)) ||
	    (rc = hane_stmt_bind_int(st, ":unassigned", f->unassigned)) ||
	    (rc = hane_stmt_bind_int(st, ":overdue", f->overdue)) ||
	    (rc = hane_stmt_bind_text(st, ":today", e->today)) ||
	    (rc = hane_stmt_bind_text(st, ":status", f->status)) ||
	    (rc = hane_stmt_bind_int(st, ":all", f->all)) ||
	    (rc = hane_stmt_bind_text(st, ":mahalle", f->mahalle)) ||
	    (rc = hane_stmt_bind_int(st, ":sort", (int64_t)f->sort)))
		return rc;
	return hane_stmt_bind_int(
		st, ":limit", f->limit > 0 && !e->by_mahalle ? f->limit : -1);
}

static int collect_add(struct collect *c, const struct hane_inspection *r)
{
	return HANE_PUSH(c->v, c->cap, c->n, r, 64) ? 0 : HANE_ENOMEM;
}

/* By mahalle: collected, then sorted in Turkish order afterwards. */
static int each_row(const void *rec, void *arg)
{
	struct hane_inspection r = *(const struct hane_inspection *)rec;
	struct each *e = arg;

	set_overdue(&r, e->today);
	if (e->by_mahalle)
		return collect_add(&e->c, &r);
	e->n++;
	return e->fn(&r, e->arg) ? 1 : 0;
}

int hane_inspection_each(hane_db *db, const struct hane_inspection_filter *f,
			 int (*fn)(const struct hane_inspection *r, void *arg),
			 void *arg, int *total)
{
	static const struct hane_inspection_filter none = {0};
	struct each e = {.f = f ? f : &none, .fn = fn, .arg = arg};
	int rc;

	if (total)
		*total = 0;
	if ((rc = hane_can(db, HANE_ACT_INSPECTION_READ)))
		return rc;
	e.by_mahalle = e.f->sort == HANE_INSP_SORT_MAHALLE;
	hane_today(e.today);
	rc = hane_record_each(
		db, &hane_inspection_rdef,
		" JOIN household h ON h.id = t.household_id"
		" WHERE (:hh = 0 OR t.household_id = :hh)"
		" AND (:insp = 0 OR t.inspector_id = :insp)"
		" AND (:unassigned = 0 OR t.inspector_id IS NULL)"
		" AND (:overdue = 0 OR (t.status IN ('requested','assigned')"
		"  AND t.due_on < :today))"
		" AND CASE WHEN :status IS NOT NULL THEN t.status = :status"
		"  WHEN :all THEN 1"
		"  ELSE t.status IN " INSP_OPEN_SQL " END"
		" AND (:mahalle IS NULL OR h.mahalle = :mahalle)"
		" ORDER BY CASE WHEN :sort = 2 THEN t.requested_on END DESC,"
		" CASE WHEN :sort = 2 THEN t.id END DESC, t.due_on, t.id"
		" LIMIT :limit",
		bind_filter, each_row, &e);
	if (rc > 0)
		rc = 0;
	if (rc == 0 && e.c.n)
		qsort(e.c.v, e.c.n, sizeof *e.c.v, cmp_mahalle);
	for (size_t i = 0; rc == 0 && i < e.c.n; i++) {
		if (e.f->limit > 0 && e.n >= e.f->limit)
			break;
		e.n++;
		if (fn(&e.c.v[i], arg))
			break;
	}
	free(e.c.v);
	if (total)
		*total = e.n;
	return rc;
}

int hane_inspection_counts(hane_db *db, int64_t household_id, int64_t *open,
			   int64_t *overdue)
{
	char today[HANE_DATE_LEN + 1] = "";
	const struct hane_field p[] = {HANE_FTEXT(":today", today),
				       HANE_FINT(":hh", household_id)};
	int64_t n[2] = {0, 0};
	int rc = hane_can(db, HANE_ACT_INSPECTION_READ);

	*open = *overdue = 0;
	if (rc)
		return rc;
	hane_today(today);
	rc = hane_store_ints(db,
			     "SELECT count(*), coalesce(sum(status IN "
			     "('requested','assigned')"
			     " AND due_on < :today), 0) FROM inspection_request"
			     " WHERE status IN " INSP_OPEN_SQL
			     " AND (:hh = 0 OR household_id = :hh)",
			     p, 2, n, 2);
	*open = n[0];
	*overdue = n[1];
	return rc;
}

/* ---- Inspectors ------------------------------------------------------------------ */

static int inspector_row(hane_stmt *st, void *arg)
{
	(void)arg;
	if (strcmp(hane_stmt_text(st, 1), "inspection") != 0) {
		hane_error_set(hane_msg(HANE_M_INSP_NOT_INSPECTOR),
			       hane_stmt_text(st, 0));
		return HANE_EINVAL;
	}
	if (!hane_stmt_int(st, 2)) {
		hane_error_set(hane_msg(HANE_M_INSP_STAFF_INACTIVE),
			       hane_stmt_text(st, 0));
		return HANE_EINVAL;
	}
	return 0;
}

int insp_check_inspector(hane_db *db, int64_t id)
{
	const struct hane_field p[] = {HANE_FINT(":id", id)};
	int rc = hane_store_first(db,
				  "SELECT username, coalesce(unit,''), active"
				  " FROM staff WHERE id = :id",
				  p, 1, inspector_row, NULL);

	return hane_store_missing(rc, HANE_M_INSP_STAFF_ID_UNKNOWN, id);
}

int hane_inspection_inspector_find(hane_db *db, const char *username,
				   int64_t *staff_id)
{
	const struct hane_field p[] = {HANE_FTEXT(":u", username)};
	int64_t id = 0;
	int rc = hane_can(db, HANE_ACT_INSPECTION_READ);

	*staff_id = 0;
	if (rc)
		return rc;
	rc = hane_store_ints(db, "SELECT id FROM staff WHERE username = :u", p,
			     1, &id, 1);
	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_INSP_STAFF_UNKNOWN), username);
	if (rc)
		return rc;
	if ((rc = insp_check_inspector(db, id)))
		return rc;
	*staff_id = id;
	return 0;
}

struct inspector_each {
	int (*fn)(int64_t id, const char *username, const char *full_name,
		  void *arg);
	void *arg;
};

static int inspector_each_row(hane_stmt *st, void *arg)
{
	const struct inspector_each *e = arg;

	return e->fn(hane_stmt_int(st, 0), hane_stmt_text(st, 1),
		     hane_stmt_text(st, 2), e->arg)
		       ? 1
		       : 0;
}

int hane_inspection_inspectors_each(hane_db *db,
				    int (*fn)(int64_t id, const char *username,
					      const char *full_name, void *arg),
				    void *arg)
{
	struct inspector_each e = {fn, arg};
	int rc = hane_can(db, HANE_ACT_INSPECTION_READ);

	if (rc)
		return rc;
	return hane_store_each(db,
			       "SELECT id, username, full_name FROM staff"
			       " WHERE unit = 'inspection' AND active"
			       " ORDER BY full_name COLLATE TURKISH, username",
			       NULL, 0, inspector_each_row, &e);
}

/* ---- Creating requests -------------------------------------------------------------- */

int insp_open_duplicate(hane_db *db, int64_t household_id, const char *reason,
			int64_t except, int64_t *found)
{
	const struct hane_field p[] = {HANE_FINT(":h", household_id),
				       HANE_FTEXT(":r", reason),
				       HANE_FINT(":x", except)};
	int rc;

	*found = 0;
	rc = hane_store_ints(db,
			     "SELECT id FROM inspection_request"
			     " WHERE household_id = :h AND reason = :r"
			     " AND status IN " INSP_OPEN_SQL
			     " AND id <> :x ORDER BY id LIMIT 1",
			     p, 3, found, 1);
	return rc == HANE_ENOTFOUND ? 0 : rc;
}

static int status_row(hane_stmt *st, void *arg)
{
	snprintf(arg, 8, "%s", hane_stmt_text(st, 0));
	return 0;
}

static int household_status(hane_db *db, int64_t id, char status[8])
{
	const struct hane_field p[] = {HANE_FINT(":id", id)};
	int rc = hane_store_first(db,
				  "SELECT status FROM household WHERE id = :id",
				  p, 1, status_row, status);

	return hane_store_missing(rc, HANE_M_HOUSEHOLD_NOT_FOUND, id);
}

int insp_validate_request(hane_db *db, struct hane_inspection *r)
{
	char today[HANE_DATE_LEN + 1], status[8];
	int64_t dup = 0;
	int rc;

	hane_today(today);
	if (!r->requested_on[0])
		strcpy(r->requested_on, today);
	if (!insp_date_ok(r->requested_on))
		return hane_field_error(HANE_M_INSP_F_REQUESTED_ON,
					hane_msg(HANE_M_DATE_INVALID));
	if (strcmp(r->requested_on, today) > 0) {
		hane_error_set(hane_msg(HANE_M_INSP_V_FUTURE),
			       hane_msg(HANE_M_INSP_F_REQUESTED_ON));
		return HANE_EINVAL;
	}
	if (!hane_inspection_valid(HANE_INSP_CHANNEL, r->channel))
		return not_one_of(HANE_INSP_CHANNEL, HANE_M_INSP_F_CHANNEL);
	if (!hane_inspection_valid(HANE_INSP_REASON, r->reason))
		return not_one_of(HANE_INSP_REASON, HANE_M_INSP_F_REASON);
	if (!hane_inspection_valid(HANE_INSP_URGENCY, r->urgency))
		return not_one_of(HANE_INSP_URGENCY, HANE_M_INSP_F_URGENCY);
	if ((rc = hane_field_len(HANE_M_INSP_F_REFERRER, r->referrer,
				 sizeof r->referrer)) ||
	    (rc = hane_field_text(HANE_M_INSP_F_REASON_TEXT, r->reason_text,
				  sizeof r->reason_text, HANE_TEXT_MULTILINE)))
		return rc;
	/* A referral that does not say from whom cannot be followed up. */
	if (!strcmp(r->channel, "referral") && hane_text_blank(r->referrer)) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_INSP_F_REFERRER));
		return HANE_EINVAL;
	}
	if ((rc = household_status(db, r->household_id, status)))
		return rc;
	if (strcmp(status, "active") != 0) {
		hane_error_set(hane_msg(HANE_M_INSP_HH_PASSIVE),
			       (long long)r->household_id);
		return HANE_EINVAL;
	}
	if ((rc = insp_open_duplicate(db, r->household_id, r->reason, 0, &dup)))
		return rc;
	if (dup) {
		hane_error_set(
			hane_msg(HANE_M_INSP_DUPLICATE),
			(long long)r->household_id,
			hane_inspection_label(HANE_INSP_REASON, r->reason),
			(long long)dup);
		return HANE_EEXIST;
	}
	return 0;
}

int insp_insert_request(hane_db *db, struct hane_inspection *r, int64_t *id)
{
	struct hane_inspection_settings s;
	int rc;

	if (!r->due_on[0]) {
		if ((rc = insp_settings_read(db, &s)))
			return rc;
		rc = hane_inspection_date_add(r->due_on, r->requested_on,
					      strcmp(r->urgency, "urgent") == 0
						      ? s.due_days_urgent
						      : s.due_days_normal);
		if (rc)
			return rc;
	}
	strcpy(r->status, "requested");
	r->inspector_id = 0;
	r->assigned_on[0] = r->ended_on[0] = r->cancel_reason[0] = '\0';
	r->id = 0;
	rc = hane_record_save(db, &hane_inspection_rdef, r, NULL);
	if (rc == 0 && id)
		*id = r->id;
	return rc;
}

struct request_arg {
	struct hane_inspection r;
	int64_t id;
};

static int request_tx(hane_db *db, void *arg)
{
	struct request_arg *a = arg;
	int rc;

	if ((rc = insp_validate_request(db, &a->r)))
		return rc;
	return insp_insert_request(db, &a->r, &a->id);
}

int hane_inspection_request(hane_db *db, const struct hane_inspection *r,
			    int64_t *id)
{
	struct request_arg a;
	int rc = hane_can(db, HANE_ACT_INSPECTION_WRITE);

	if (id)
		*id = 0;
	if (rc)
		return rc;
	a.r = *r;
	a.r.due_on[0] = '\0';
	a.r.renewal_of = 0;
	/* The renewal channel belongs to hane_inspection_renew(). */
	if (!strcmp(a.r.channel, "renewal"))
		return not_one_of(HANE_INSP_CHANNEL, HANE_M_INSP_F_CHANNEL);
	a.id = 0;
	rc = hane_store_tx(db, request_tx, &a);
	if (rc == 0 && id)
		*id = a.id;
	return rc;
}

/* ---- The flow: assign, cancel, close ---------------------------------------------- */

struct flow_arg {
	int64_t id, version, staff;
	const char *text; /* due date or cancel reason */
};

/* A step of the flow: inspection.write, then tx in one transaction. */
static int flow(hane_db *db, int (*tx)(hane_db *db, void *arg),
		struct flow_arg *a)
{
	int rc = hane_can(db, HANE_ACT_INSPECTION_WRITE);

	return rc ? rc : hane_store_tx(db, tx, a);
}

static int assign_tx(hane_db *db, void *arg)
{
	struct flow_arg *a = arg;
	struct hane_inspection r;
	char due[HANE_DATE_LEN + 1] = "";
	int rc;

	if ((rc = insp_read(db, a->id, &r)))
		return rc;
	if (strcmp(r.status, "requested") && strcmp(r.status, "assigned"))
		return bad_status(&r, hane_inspection_label(HANE_INSP_STATUS,
							    "requested"));
	if ((rc = insp_check_inspector(db, a->staff)))
		return rc;
	if (a->text && a->text[0]) {
		if (hane_date_parse(due, a->text))
			return hane_field_error(HANE_M_INSP_F_DUE,
						hane_error_last());
		if (strcmp(due, r.requested_on) < 0) {
			char shown[HANE_DATE_LEN + 1];

			hane_error_set(hane_msg(HANE_M_INSP_V_BEFORE_REQUEST),
				       hane_msg(HANE_M_INSP_F_DUE),
				       hane_date_format(shown, r.requested_on));
			return HANE_EINVAL;
		}
	}
	r.inspector_id = a->staff;
	hane_today(r.assigned_on);
	strcpy(r.status, "assigned");
	if (due[0])
		HANE_COPY(r.due_on, due);
	return insp_save(db, &r, a->version);
}

int hane_inspection_assign(hane_db *db, int64_t id, int64_t version,
			   int64_t inspector_id, const char *due)
{
	struct flow_arg a = {id, version, inspector_id, due};

	return flow(db, assign_tx, &a);
}

/* A request's end: cancelled while open (text: the reason), or closed
 * once decided (text NULL). */
static int end_tx(hane_db *db, void *arg)
{
	struct flow_arg *a = arg;
	bool cancel = a->text != NULL;
	struct hane_inspection r;
	int rc;

	if ((rc = insp_read(db, a->id, &r)))
		return rc;
	if (cancel ? !is_open(r.status) : strcmp(r.status, "decided") != 0)
		return bad_status(&r,
				  hane_inspection_label(HANE_INSP_STATUS,
							cancel ? "requested"
							       : "decided"));
	strcpy(r.status, cancel ? "cancelled" : "closed");
	if (cancel)
		HANE_COPY(r.cancel_reason, a->text);
	hane_today(r.ended_on);
	return insp_save(db, &r, a->version);
}

int hane_inspection_cancel(hane_db *db, int64_t id, int64_t version,
			   const char *reason)
{
	struct flow_arg a = {id, version, 0, reason};
	int rc = hane_can(db, HANE_ACT_INSPECTION_WRITE);

	if (rc)
		return rc;
	if (!reason || hane_text_blank(reason)) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_INSP_F_CANCEL_REASON));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_text(HANE_M_INSP_F_CANCEL_REASON, reason,
				  HANE_INSP_TEXT_MAX, HANE_TEXT_MULTILINE)))
		return rc;
	return hane_store_tx(db, end_tx, &a);
}

int hane_inspection_close(hane_db *db, int64_t id, int64_t version)
{
	struct flow_arg a = {id, version, 0, NULL};

	return flow(db, end_tx, &a);
}
