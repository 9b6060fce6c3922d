/* Şehit Yakınları ve Gazi Birimi: the roster, gifts, visits, plans and
 * the year's figures (hane/veterans.h says the rules).
 *
 * The roster reads its household's head, mahalle (or district) and
 * address from the registry on every read, never a copy: a correction
 * there is seen here at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/i18n.h"
#include "hane/inspection.h"
#include "hane/perm.h"
#include "hane/record.h"
#include "hane/veterans.h"

/* ---- Codes ------------------------------------------------------------------ */

struct code {
	const char *code;
	enum hane_msg label;
	const char *words; /* folded, '|'-separated: more words typed */
};

static const struct code categories[] = {
	{"martyr", HANE_M_VET_CATEGORY_MARTYR, "sehit|sehit ailesi|martyr"},
	{"anti_terror", HANE_M_VET_CATEGORY_ANTI_TERROR,
	 "teror|teror gazisi|terorle mucadele|anti-terror"},
	{"cyprus", HANE_M_VET_CATEGORY_CYPRUS, "kibris|cyprus"},
	{"korea", HANE_M_VET_CATEGORY_KOREA, "kore|korea"},
	{"other", HANE_M_VET_CATEGORY_OTHER, "diger|other"},
};
static const struct code occasions[] = {
	{"anniversary", HANE_M_VET_OCCASION_ANNIVERSARY,
	 "anma|anma gunu|yildonumu|anniversary"},
	{"bayram", HANE_M_VET_OCCASION_BAYRAM, "bayram|holiday"},
	{"other", HANE_M_VET_OCCASION_OTHER, "diger|other"},
};
static const char *const category_codes[] = {
#define HANE_X_(n, c) c,
	HANE_VET_CATEGORIES(HANE_X_)
#undef HANE_X_
		NULL};
static const char *const occasion_codes[] = {
#define HANE_X_(n, c) c,
	HANE_VET_OCCASIONS(HANE_X_)
#undef HANE_X_
		NULL};

static const struct code *list_of(enum hane_vet_list l, size_t *n)
{
	if (l == HANE_VET_OCCASION) {
		*n = HANE_COUNTOF(occasions);
		return occasions;
	}
	*n = HANE_COUNTOF(categories);
	return categories;
}

const char *const *hane_veterans_codes(enum hane_vet_list l, int *n)
{
	const char *const *c =
		l == HANE_VET_OCCASION ? occasion_codes : category_codes;

	if (n)
		*n = l == HANE_VET_OCCASION ? (int)HANE_COUNTOF(occasions)
					    : (int)HANE_COUNTOF(categories);
	return c;
}

const char *hane_veterans_label(enum hane_vet_list l, const char *code)
{
	size_t n;
	const struct code *c = list_of(l, &n);

	for (size_t i = 0; code && i < n; i++)
		if (strcmp(code, c[i].code) == 0)
			return hane_msg(c[i].label);
	return code ? code : "";
}

static bool folded_is(const char *w, const char *text)
{
	char f[128];

	hane_text_fold(f, sizeof f, text);
	return strcmp(w, f) == 0;
}

static bool among(const char *w, const char *alts)
{
	char a[256], *save = NULL, *t;

	HANE_COPY(a, alts);
	for (t = strtok_r(a, "|", &save); t; t = strtok_r(NULL, "|", &save))
		if (strcmp(w, t) == 0)
			return true;
	return false;
}

const char *hane_veterans_parse(enum hane_vet_list l, const char *word)
{
	size_t n;
	const struct code *c = list_of(l, &n);
	char w[128];

	hane_text_fold(w, sizeof w, word ? word : "");
	if (!w[0])
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(word, c[i].code) == 0 ||
		    folded_is(w, hane_msg_in(c[i].label, HANE_LANG_TR)) ||
		    folded_is(w, hane_msg_in(c[i].label, HANE_LANG_EN)) ||
		    among(w, c[i].words))
			return c[i].code;
	return NULL;
}

/* Refuses a code not in list l: "Kategori: x değil; şunlardan biri…". */
static int bad_code(enum hane_vet_list l, const char *v)
{
	size_t n, len = 0;
	const struct code *c = list_of(l, &n);
	char all[256] = "";

	for (size_t i = 0; i < n && len < sizeof all; i++) {
		int k = snprintf(all + len, sizeof all - len, "%s%s",
				 i ? ", " : "", hane_msg(c[i].label));
		len += k > 0 ? (size_t)k : 0;
	}
	hane_error_set(hane_msg(l == HANE_VET_OCCASION
					? HANE_M_VET_BAD_OCCASION
					: HANE_M_VET_BAD_CATEGORY),
		       v, all);
	return HANE_EINVAL;
}

/* A code member (char[size]) as typed: a word for a code becomes the
 * code, "" becomes dflt; anything else is refused. */
static int code_check(enum hane_vet_list l, char *v, size_t size,
		      const char *dflt)
{
	const char *c;

	if (!v[0]) {
		snprintf(v, size, "%s", dflt);
		return 0;
	}
	if (!(c = hane_veterans_parse(l, v)))
		return bad_code(l, v);
	snprintf(v, size, "%s", c);
	return 0;
}

/* ---- Descriptors ---------------------------------------------------------------- */

#define FROM_HOME(what)                                                        \
	"(SELECT " what " FROM household h WHERE h.id = t.household_id)"
#define VETERAN_READ(S)                                                        \
	S(head_name, HANE_FT_TEXT,                                             \
	  "coalesce((SELECT p.first_name || ' ' || p.last_name FROM"           \
	  " household h JOIN person p ON p.id = h.head_id"                     \
	  " WHERE h.id = t.household_id), '')")                                \
	S(mahalle, HANE_FT_TEXT, FROM_HOME("coalesce(h.mahalle, '')"))         \
	S(outside, HANE_FT_BOOL,                                               \
	  FROM_HOME("EXISTS (SELECT 1 FROM district d"                         \
		    " WHERE d.name = h.mahalle)"))                             \
	S(street, HANE_FT_TEXT,                                                \
	  FROM_HOME("trim(coalesce(h.street,'') ||"                            \
		    " CASE WHEN coalesce(h.building,'') <> ''"                 \
		    " THEN ' No:' || h.building ELSE '' END ||"                \
		    " CASE WHEN coalesce(h.door,'') <> ''"                     \
		    " THEN ' D:' || h.door ELSE '' END)"))                     \
	S(phone, HANE_FT_TEXT, FROM_HOME("coalesce(h.phone, '')"))             \
	S(visits, HANE_FT_INT,                                                 \
	  "(SELECT count(*) FROM veteran_visit w WHERE w.veteran_id = t.id)")  \
	S(last_visit, HANE_FT_TEXT,                                            \
	  "coalesce((SELECT max(w.date) FROM veteran_visit w"                  \
	  " WHERE w.veteran_id = t.id), '')")
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_veteran, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_veteran, __VA_ARGS__)
static const struct hane_fdef veteran_fields[] = {HANE_VETERAN_FIELDS(F)
							  VETERAN_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_veteran_rdef =
	HANE_RDEF(struct hane_veteran, "veteran", "veterans", veteran_fields);

#define FROM_VETERAN(what)                                                     \
	"(SELECT " what " FROM veteran v WHERE v.id = t.veteran_id)"
#define VISIT_READ(S)                                                          \
	S(gift_name, HANE_FT_TEXT,                                             \
	  "coalesce((SELECT g.name FROM veteran_gift g"                        \
	  " WHERE g.id = t.gift_id), '')")                                     \
	S(subject_name, HANE_FT_TEXT, FROM_VETERAN("v.subject_name"))          \
	S(category, HANE_FT_TEXT, FROM_VETERAN("v.category"))                  \
	S(household_id, HANE_FT_INT, FROM_VETERAN("v.household_id"))
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_veteran_visit, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_veteran_visit, __VA_ARGS__)
static const struct hane_fdef visit_fields[] = {HANE_VETERAN_VISIT_FIELDS(F)
							VISIT_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_veteran_visit_rdef = HANE_RDEF(
	struct hane_veteran_visit, "veteran_visit", "veterans", visit_fields);

#define PLAN_READ(S)                                                           \
	S(subject_name, HANE_FT_TEXT, FROM_VETERAN("v.subject_name"))          \
	S(category, HANE_FT_TEXT, FROM_VETERAN("v.category"))                  \
	S(household_id, HANE_FT_INT, FROM_VETERAN("v.household_id"))           \
	S(mahalle, HANE_FT_TEXT,                                               \
	  "coalesce((SELECT h.mahalle FROM veteran v JOIN household h"         \
	  " ON h.id = v.household_id WHERE v.id = t.veteran_id), '')")
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_veteran_plan, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_veteran_plan, __VA_ARGS__)
static const struct hane_fdef plan_fields[] = {HANE_VETERAN_PLAN_FIELDS(F)
						       PLAN_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_veteran_plan_rdef = HANE_RDEF(
	struct hane_veteran_plan, "veteran_plan", "veterans", plan_fields);

#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_veteran_gift, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_veteran_gift, __VA_ARGS__)
static const struct hane_fdef gift_fields[] = {
	HANE_VETERAN_GIFT_FIELDS(F) S(stock, HANE_FT_INT,
				      "(SELECT coalesce(sum(m.quantity), 0)"
				      " FROM veteran_gift_move m"
				      " WHERE m.gift_id = t.id)")};
#undef F
#undef S
const struct hane_rdef hane_veteran_gift_rdef = HANE_RDEF(
	struct hane_veteran_gift, "veteran_gift", "veterans", gift_fields);

/* ---- Small helpers ----------------------------------------------------------------- */

static int get(hane_db *db, const struct hane_rdef *def, int64_t id, void *out,
	       enum hane_msg missing)
{
	int rc = hane_can(db, HANE_ACT_VETERANS_READ);

	return rc ? rc
		  : hane_store_missing(hane_record_get(db, def, id, out),
				       missing, id);
}

/* The household's status: 0 active, HANE_EINVAL passive, HANE_ENOTFOUND
 * missing (both with their message). */
static int household_active(hane_db *db, int64_t hid)
{
	struct hane_field p = HANE_FINT(":h", hid);
	int64_t active = 0;
	int rc = hane_store_ints(db,
				 "SELECT status = 'active' FROM household"
				 " WHERE id = :h",
				 &p, 1, &active, 1);

	if ((rc = hane_store_missing(rc, HANE_M_VET_NO_HOUSEHOLD, hid)))
		return rc;
	if (!active) {
		hane_error_set(hane_msg(HANE_M_VET_PASSIVE_HOUSEHOLD),
			       (long long)hid);
		return HANE_EINVAL;
	}
	return 0;
}

/* ---- The roster -------------------------------------------------------------------- */

void hane_veteran_init(struct hane_veteran *v)
{
	memset(v, 0, sizeof *v);
	strcpy(v->category, "martyr");
	v->active = true;
}

int hane_veteran_get(hane_db *db, int64_t id, struct hane_veteran *out)
{
	return get(db, &hane_veteran_rdef, id, out, HANE_M_VET_NO_VETERAN);
}

static int veteran_save_tx(hane_db *db, void *arg)
{
	struct hane_veteran *v = arg, old;
	int rc;

	if (v->id) {
		if ((rc = hane_veteran_get(db, v->id, &old)) != 0)
			return rc;
		if ((old.household_id != v->household_id ||
		     strcmp(old.category, v->category) != 0) &&
		    old.visits > 0) {
			hane_error_set(hane_msg(HANE_M_VET_KEPT),
				       old.subject_name, (long long)old.id);
			return HANE_EINVAL;
		}
		if (old.household_id != v->household_id &&
		    (rc = household_active(db, v->household_id)) != 0)
			return rc;
	} else if ((rc = household_active(db, v->household_id)) != 0) {
		return rc;
	}
	return hane_record_save(db, &hane_veteran_rdef, v, NULL);
}

int hane_veteran_save(hane_db *db, struct hane_veteran *v, int64_t *id)
{
	int rc;

	if (id)
		*id = 0;
	if ((rc = hane_can(db, HANE_ACT_VETERANS_WRITE)) != 0)
		return rc;
	hane_text_trim(v->subject_name);
	if (!v->subject_name[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_VET_F_NAME));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_len(HANE_M_VET_F_NAME, v->subject_name,
				 sizeof v->subject_name)) ||
	    (rc = hane_field_chars(HANE_M_VET_F_NAME, v->notes, 500)) ||
	    (rc = code_check(HANE_VET_CATEGORY, v->category, sizeof v->category,
			     "")) ||
	    (rc = hane_field_day(HANE_M_VET_F_SINCE, v->since, false)))
		return rc;
	if (!v->category[0])
		return bad_code(HANE_VET_CATEGORY, "");
	if ((rc = hane_store_tx(db, veteran_save_tx, v)) != 0)
		return rc;
	if (id)
		*id = v->id;
	return hane_veteran_get(db, v->id, v);
}

/* True when every folded word of query starts a word of one of the
 * texts. */
static bool words_match(const char *query, const char *const *texts, int n)
{
	char q[256], hay[1024] = " ", *save = NULL, *w;
	size_t len = 1;

	for (int i = 0; i < n; i++) {
		char f[512];

		hane_text_fold(f, sizeof f, texts[i]);
		len += (size_t)snprintf(hay + len, sizeof hay - len, "%s ", f);
		if (len >= sizeof hay)
			break;
	}
	for (char *p = hay; *p; p++)
		if (*p == '-' || *p == ',' || *p == '.')
			*p = ' ';
	hane_text_fold(q, sizeof q, query);
	for (w = strtok_r(q, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char k[260];

		snprintf(k, sizeof k, " %s", w);
		if (!strstr(hay, k))
			return false;
	}
	return true;
}

struct roster_walk {
	const char *query, *category;
	int limit, n;
	int (*fn)(const struct hane_veteran *v, void *arg);
	void *arg;
};

static int roster_row(const void *rec, void *arg)
{
	const struct hane_veteran *v = rec;
	struct roster_walk *w = arg;
	const char *texts[] = {v->subject_name, v->head_name, v->mahalle};

	if (w->category && w->category[0] &&
	    strcmp(w->category, v->category) != 0)
		return 0;
	if (w->query && w->query[0] && !words_match(w->query, texts, 3))
		return 0;
	if (w->limit > 0 && w->n >= w->limit)
		return 1;
	w->n++;
	return w->fn(v, w->arg);
}

int hane_veteran_each(hane_db *db, const char *query, const char *category,
		      int limit,
		      int (*fn)(const struct hane_veteran *v, void *arg),
		      void *arg)
{
	struct roster_walk w = {query, category, limit, 0, fn, arg};
	int rc = hane_can(db, HANE_ACT_VETERANS_READ);

	/* The roster is hundreds of rows: folding in C keeps the Turkish
	 * rules in one place (core). */
	if (rc)
		return rc;
	rc = hane_record_each(db, &hane_veteran_rdef,
			      " ORDER BY t.active DESC,"
			      " t.subject_name COLLATE TURKISH, t.id",
			      NULL, roster_row, &w);
	return rc > 0 ? 0 : rc;
}

HANE_RECORD_EACH_FN(veteran, struct hane_veteran)

int hane_veteran_of_household(hane_db *db, int64_t household_id,
			      int (*fn)(const struct hane_veteran *v,
					void *arg),
			      void *arg)
{
	struct hane_field p = HANE_FINT(":h", household_id);
	struct veteran_each e = {fn, arg};
	int rc = hane_can(db, HANE_ACT_VETERANS_READ);

	return rc ? rc
		  : hane_record_list(db, &hane_veteran_rdef,
				     " WHERE t.household_id = :h ORDER BY t.id",
				     &p, 1, veteran_call, &e);
}

/* ---- Gifts -------------------------------------------------------------------------- */

/* The gift kind whose name folds as key does, into out (0 kept when
 * none). */
struct same_name {
	char key[128];
	struct hane_veteran_gift *out;
};

static int same_name_row(const void *rec, void *arg)
{
	const struct hane_veteran_gift *g = rec;
	struct same_name *m = arg;
	char f[128];

	hane_text_fold(f, sizeof f, g->name);
	if (strcmp(f, m->key) != 0)
		return 0;
	*m->out = *g;
	return 1;
}

int hane_veteran_gift_save(hane_db *db, struct hane_veteran_gift *g,
			   int64_t *id)
{
	struct hane_veteran_gift other;
	int rc;

	if (id)
		*id = 0;
	if ((rc = hane_can(db, HANE_ACT_VETERANS_ADMIN)) != 0)
		return rc;
	hane_text_trim(g->name);
	if (!g->name[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_VET_F_GIFTS));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_len(HANE_M_VET_F_GIFTS, g->name,
				 sizeof g->name)) != 0)
		return rc;
	{
		struct same_name m = {"", &other};

		memset(&other, 0, sizeof other);
		hane_text_fold(m.key, sizeof m.key, g->name);
		rc = hane_record_each(db, &hane_veteran_gift_rdef, "", NULL,
				      same_name_row, &m);
		if (rc < 0)
			return rc;
	}
	if (other.id && other.id != g->id) {
		hane_error_set(hane_msg(HANE_M_VET_GIFT_EXISTS), other.name,
			       (long long)other.id);
		return HANE_EEXIST;
	}
	if ((rc = hane_record_save(db, &hane_veteran_gift_rdef, g, NULL)) != 0)
		return rc;
	if (id)
		*id = g->id;
	return 0;
}

struct gift_match {
	const char *key;
	struct hane_veteran_gift *out;
	int found;
};

static int gift_match_row(const void *rec, void *arg)
{
	const struct hane_veteran_gift *g = rec;
	struct gift_match *m = arg;
	char a[128], b[128];

	hane_text_fold(a, sizeof a, g->name);
	hane_text_fold(b, sizeof b, m->key);
	if (strcmp(a, b) == 0 || (b[0] && strncmp(a, b, strlen(b)) == 0)) {
		if (!m->found++ || strcmp(a, b) == 0)
			*m->out = *g;
	}
	return 0;
}

int hane_veteran_gift_find(hane_db *db, const char *key,
			   struct hane_veteran_gift *out)
{
	struct gift_match m = {key ? key : "", out, 0};
	char *end;
	long long id = key ? strtoll(key, &end, 10) : 0;
	int rc;

	if (key && *key && !*end && id > 0) {
		if ((rc = get(db, &hane_veteran_gift_rdef, id, out,
			      HANE_M_VET_NO_VISIT)) == HANE_ENOTFOUND)
			hane_error_set(hane_msg(HANE_M_VET_NO_GIFT), key);
		return rc;
	}
	if ((rc = hane_can(db, HANE_ACT_VETERANS_READ)) != 0)
		return rc;
	if ((rc = hane_record_each(db, &hane_veteran_gift_rdef,
				   " ORDER BY t.id", NULL, gift_match_row,
				   &m)) != 0)
		return rc;
	if (!m.found) {
		hane_error_set(hane_msg(HANE_M_VET_NO_GIFT), key ? key : "");
		return HANE_ENOTFOUND;
	}
	return 0;
}

HANE_RECORD_EACH_FN(gift, struct hane_veteran_gift)

int hane_veteran_gift_each(hane_db *db,
			   int (*fn)(const struct hane_veteran_gift *g,
				     void *arg),
			   void *arg)
{
	struct gift_each e = {fn, arg};
	int rc = hane_can(db, HANE_ACT_VETERANS_READ);

	return rc ? rc
		  : hane_record_list(db, &hane_veteran_gift_rdef,
				     " ORDER BY t.active DESC,"
				     " t.name COLLATE TURKISH",
				     NULL, 0, gift_call, &e);
}

/* A stock move of gift (quantity > 0 in, < 0 out), for visit (0: none). */
static int gift_move(hane_db *db, int64_t gift_id, const char *day,
		     int quantity, int64_t visit_id, const char *notes)
{
	struct hane_field f[] = {
		HANE_FINT("gift_id", gift_id),
		HANE_FTEXT("date", day),
		HANE_FINT("quantity", quantity),
		visit_id ? (struct hane_field)HANE_FINT("visit_id", visit_id)
			 : (struct hane_field)HANE_FNULL("visit_id"),
		HANE_FTEXT("notes", notes && *notes ? notes : NULL),
	};

	return hane_store_insert(db, "veteran_gift_move", f, HANE_COUNTOF(f),
				 NULL);
}

int hane_veteran_gift_in(hane_db *db, int64_t gift_id, int quantity,
			 const char *day, const char *notes)
{
	struct hane_veteran_gift g;
	char d[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_VETERANS_WRITE)) != 0)
		return rc;
	if (quantity < 1 || quantity > 100000) {
		hane_error_set(hane_msg(HANE_M_VET_BAD_QUANTITY), quantity);
		return HANE_EINVAL;
	}
	HANE_COPY(d, day ? day : "");
	if ((rc = hane_field_day(HANE_M_VET_F_DATE, d, false)) != 0)
		return rc;
	if ((rc = hane_field_chars(HANE_M_VET_F_QUANTITY, notes ? notes : "",
				   500)) != 0)
		return rc;
	if ((rc = get(db, &hane_veteran_gift_rdef, gift_id, &g,
		      HANE_M_VET_NO_VISIT)) != 0) {
		if (rc == HANE_ENOTFOUND) {
			char k[32];

			snprintf(k, sizeof k, "%lld", (long long)gift_id);
			hane_error_set(hane_msg(HANE_M_VET_NO_GIFT), k);
		}
		return rc;
	}
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = gift_move(db, gift_id, d, quantity, 0, notes);
	return hane_store_end(db, rc);
}

/* ---- Visits --------------------------------------------------------------------------- */

void hane_veteran_visit_init(struct hane_veteran_visit *v)
{
	memset(v, 0, sizeof *v);
}

int hane_veteran_visit_get(hane_db *db, int64_t id,
			   struct hane_veteran_visit *out)
{
	return get(db, &hane_veteran_visit_rdef, id, out, HANE_M_VET_NO_VISIT);
}

struct visit_arg {
	struct hane_veteran_visit *v;
	const char *followup;
	struct hane_veteran vet;
};

/* The first active gift kind, for a visit that names none. */
static int first_gift(hane_db *db, int64_t *id)
{
	int rc = hane_store_ints(db,
				 "SELECT id FROM veteran_gift WHERE active = 1"
				 " ORDER BY id LIMIT 1",
				 NULL, 0, id, 1);

	if (rc == HANE_ENOTFOUND)
		hane_error_set("%s", hane_msg(HANE_M_VET_NO_GIFT_KIND));
	return rc;
}

static int visit_gifts(hane_db *db, struct hane_veteran_visit *v)
{
	struct hane_veteran_gift g;
	int rc;

	if (v->gifts < 0 || v->gifts > 20) {
		hane_error_set(hane_msg(HANE_M_VET_BAD_GIFTS), v->gifts);
		return HANE_EINVAL;
	}
	if (v->gifts == 0) {
		v->gift_id = 0;
		return 0;
	}
	if (!v->gift_id && (rc = first_gift(db, &v->gift_id)) != 0)
		return rc;
	if ((rc = hane_record_get(db, &hane_veteran_gift_rdef, v->gift_id,
				  &g)) != 0) {
		if (rc == HANE_ENOTFOUND) {
			char k[32];

			snprintf(k, sizeof k, "%lld", (long long)v->gift_id);
			hane_error_set(hane_msg(HANE_M_VET_NO_GIFT), k);
		}
		return rc;
	}
	if (!g.active) {
		hane_error_set(hane_msg(HANE_M_VET_GIFT_INACTIVE), g.name);
		return HANE_EINVAL;
	}
	if (g.stock < v->gifts) {
		hane_error_set(hane_msg(HANE_M_VET_NO_STOCK), g.name,
			       (long long)g.stock, v->gifts);
		return HANE_EINVAL;
	}
	return 0;
}

/* The plan the visit fulfils: open, of the same roster row. */
static int visit_plan(hane_db *db, const struct hane_veteran_visit *v,
		      struct hane_veteran_plan *p)
{
	int rc = hane_store_missing(
		hane_record_get(db, &hane_veteran_plan_rdef, v->plan_id, p),
		HANE_M_VET_NO_PLAN, v->plan_id);

	if (rc)
		return rc;
	if (p->veteran_id != v->veteran_id) {
		hane_error_set(hane_msg(HANE_M_VET_PLAN_OTHER),
			       (long long)p->id, (long long)p->veteran_id);
		return HANE_EINVAL;
	}
	if (strcmp(p->status, "planned") != 0) {
		hane_error_set(hane_msg(HANE_M_VET_PLAN_NOT_OPEN),
			       (long long)p->id,
			       hane_msg(strcmp(p->status, "done") == 0
						? HANE_M_VET_STATUS_DONE
						: HANE_M_VET_STATUS_CANCELLED));
		return HANE_EINVAL;
	}
	return 0;
}

/* The follow-up: a request for the household, through the inspection
 * unit's own model (its rules and its permission). */
static int visit_followup(hane_db *db, struct visit_arg *a)
{
	struct hane_inspection r;
	int64_t rid = 0;
	int rc;

	hane_inspection_init(&r);
	r.household_id = a->vet.household_id;
	HANE_COPY(r.requested_on, a->v->date);
	HANE_COPY(r.channel, "referral");
	snprintf(r.referrer, sizeof r.referrer,
		 hane_msg_in(HANE_M_VET_REFERRER, HANE_LANG_TR),
		 (long long)a->v->id);
	HANE_COPY(r.reason, "general");
	HANE_COPY(r.reason_text, a->followup);
	if ((rc = hane_inspection_request(db, &r, &rid)) != 0)
		return rc;
	{
		struct hane_field f = HANE_FINT("request_id", rid);

		a->v->request_id = rid;
		return hane_store_update(db, "veteran_visit", a->v->id, 1, &f,
					 1, NULL);
	}
}

static int visit_tx(hane_db *db, void *arg)
{
	struct visit_arg *a = arg;
	struct hane_veteran_visit *v = a->v;
	struct hane_veteran_plan plan;
	char shown[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = hane_veteran_get(db, v->veteran_id, &a->vet)) != 0)
		return rc;
	if (!a->vet.active) {
		hane_error_set(hane_msg(HANE_M_VET_INACTIVE),
			       a->vet.subject_name, (long long)a->vet.id);
		return HANE_EINVAL;
	}
	if (strcmp(v->date, a->vet.since) < 0) {
		hane_error_set(hane_msg(HANE_M_VET_BEFORE_SINCE),
			       a->vet.subject_name,
			       hane_date_format(shown, a->vet.since));
		return HANE_EINVAL;
	}
	if ((rc = visit_gifts(db, v)) != 0)
		return rc;
	if (v->plan_id && (rc = visit_plan(db, v, &plan)) != 0)
		return rc;
	v->id = 0;
	v->request_id = 0;
	if ((rc = hane_record_save(db, &hane_veteran_visit_rdef, v, NULL)))
		return rc;
	if (v->gifts > 0 && (rc = gift_move(db, v->gift_id, v->date, -v->gifts,
					    v->id, NULL)) != 0)
		return rc;
	if (v->plan_id) {
		struct hane_field f[] = {HANE_FTEXT("status", "done"),
					 HANE_FINT("visit_id", v->id)};

		if ((rc = hane_store_update(db, "veteran_plan", plan.id,
					    plan.version, f, 2, NULL)) != 0)
			return rc;
	}
	if (a->followup && a->followup[0])
		return visit_followup(db, a);
	return 0;
}

int hane_veteran_visit_add(hane_db *db, struct hane_veteran_visit *v,
			   const char *followup, int64_t *id)
{
	struct visit_arg a = {v, followup, {0}};
	int rc;

	if (id)
		*id = 0;
	if ((rc = hane_can(db, HANE_ACT_VETERANS_WRITE)) != 0)
		return rc;
	hane_text_trim(v->staff);
	if (!v->staff[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_VET_F_STAFF));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_day(HANE_M_VET_F_DATE, v->date, false)) ||
	    (rc = hane_field_len(HANE_M_VET_F_STAFF, v->staff,
				 sizeof v->staff)) ||
	    (rc = hane_field_chars(HANE_M_VET_F_DATE, v->notes, 500)))
		return rc;
	if ((rc = hane_store_tx(db, visit_tx, &a)) != 0)
		return rc;
	if (id)
		*id = v->id;
	return hane_veteran_visit_get(db, v->id, v);
}

HANE_RECORD_EACH_FN(visit, struct hane_veteran_visit)

int hane_veteran_history(hane_db *db, int64_t household_id,
			 int (*fn)(const struct hane_veteran_visit *v,
				   void *arg),
			 void *arg)
{
	struct hane_field p = HANE_FINT(":h", household_id);
	struct visit_each e = {fn, arg};
	int rc = hane_can(db, HANE_ACT_VETERANS_READ);

	return rc ? rc
		  : hane_record_list(
			    db, &hane_veteran_visit_rdef,
			    " WHERE t.veteran_id IN (SELECT id FROM veteran"
			    " WHERE household_id = :h)"
			    " ORDER BY t.date DESC, t.id DESC",
			    &p, 1, visit_call, &e);
}

/* ---- Plans -------------------------------------------------------------------------------- */

int hane_veteran_plan_add(hane_db *db, struct hane_veteran_plan *p, int64_t *id)
{
	struct hane_veteran vet;
	char today[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];
	int rc;

	if (id)
		*id = 0;
	if ((rc = hane_can(db, HANE_ACT_VETERANS_WRITE)) != 0)
		return rc;
	if ((rc = code_check(HANE_VET_OCCASION, p->occasion, sizeof p->occasion,
			     "other")) != 0)
		return rc;
	if (!p->date[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_VET_F_PLAN_DATE));
		return HANE_EINVAL;
	}
	if (strcmp(p->date, hane_today(today)) < 0) {
		hane_error_set(hane_msg(HANE_M_VET_PAST),
			       hane_msg(HANE_M_VET_F_PLAN_DATE),
			       hane_date_format(shown, p->date));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_len(HANE_M_VET_F_STAFF, p->assigned,
				 sizeof p->assigned)) != 0)
		return rc;
	if ((rc = hane_veteran_get(db, p->veteran_id, &vet)) != 0)
		return rc;
	if (!vet.active) {
		hane_error_set(hane_msg(HANE_M_VET_INACTIVE), vet.subject_name,
			       (long long)vet.id);
		return HANE_EINVAL;
	}
	p->id = 0;
	HANE_COPY(p->status, "planned");
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_record_save(db, &hane_veteran_plan_rdef, p, NULL);
	if ((rc = hane_store_end(db, rc)) != 0)
		return rc;
	if (id)
		*id = p->id;
	return 0;
}

int hane_veteran_plan_cancel(hane_db *db, int64_t id)
{
	struct hane_veteran_plan p;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_VETERANS_WRITE)) != 0)
		return rc;
	if ((rc = get(db, &hane_veteran_plan_rdef, id, &p,
		      HANE_M_VET_NO_PLAN)) != 0)
		return rc;
	if (strcmp(p.status, "planned") != 0) {
		hane_error_set(hane_msg(HANE_M_VET_PLAN_NOT_OPEN),
			       (long long)p.id,
			       hane_msg(strcmp(p.status, "done") == 0
						? HANE_M_VET_STATUS_DONE
						: HANE_M_VET_STATUS_CANCELLED));
		return HANE_EINVAL;
	}
	{
		struct hane_field f = HANE_FTEXT("status", "cancelled");

		if ((rc = hane_store_begin(db)) != 0)
			return rc;
		rc = hane_store_update(db, "veteran_plan", id, p.version, &f, 1,
				       NULL);
		return hane_store_end(db, rc);
	}
}

HANE_RECORD_EACH_FN(plan, struct hane_veteran_plan)

int hane_veteran_plan_each(hane_db *db, const char *day, const char *until,
			   int (*fn)(const struct hane_veteran_plan *p,
				     void *arg),
			   void *arg)
{
	char today[HANE_DATE_LEN + 1];
	struct hane_field p[] = {
		HANE_FTEXT(":d", day && *day ? day : hane_today(today)),
		HANE_FTEXT(":u", until && *until ? until : "9999-12-31")};
	struct plan_each e = {fn, arg};
	int rc = hane_can(db, HANE_ACT_VETERANS_READ);

	return rc ? rc
		  : hane_record_list(db, &hane_veteran_plan_rdef,
				     " WHERE t.status = 'planned' AND t.date"
				     " BETWEEN :d AND :u ORDER BY t.date, t.id",
				     p, 2, plan_call, &e);
}

/* ---- The year ------------------------------------------------------------------------------ */

static int year_row(hane_stmt *st, void *arg)
{
	struct hane_veterans_year *y = arg;
	const char *c = hane_stmt_text(st, 0);

	for (int i = 0; category_codes[i]; i++)
		if (strcmp(c, category_codes[i]) == 0)
			y->households[i] = hane_stmt_int(st, 1);
	return 0;
}

int hane_veterans_year(hane_db *db, int year, struct hane_veterans_year *out)
{
	char ys[12];
	struct hane_field p;
	int64_t v[4] = {0, 0, 0, 0};
	int rc;

	memset(out, 0, sizeof *out);
	snprintf(ys, sizeof ys, "%d", year);
	p = (struct hane_field)HANE_FTEXT(":year", ys);
	if ((rc = hane_can(db, HANE_ACT_VETERANS_READ)) != 0)
		return rc;
	if ((rc = hane_store_each(
		     db,
		     "SELECT v.category, count(DISTINCT v.household_id)"
		     " FROM veteran_visit w JOIN veteran v ON v.id ="
		     " w.veteran_id WHERE w.date BETWEEN :year || '-01-01'"
		     " AND :year || '-12-31' GROUP BY v.category",
		     &p, 1, year_row, out)) != 0)
		return rc;
	if ((rc = hane_store_ints(
		     db,
		     "SELECT count(DISTINCT v.household_id), count(*),"
		     " coalesce(sum(w.gifts), 0), (SELECT count(*) FROM"
		     " veteran_visit x WHERE x.date BETWEEN '2022-01-01' AND"
		     " :year || '-12-31') FROM veteran_visit w JOIN veteran v"
		     " ON v.id = w.veteran_id WHERE w.date BETWEEN"
		     " :year || '-01-01' AND :year || '-12-31'",
		     &p, 1, v, 4)) != 0)
		return rc;
	out->households_all = v[0];
	out->visits = v[1];
	out->gifts = v[2];
	out->visits_since_2022 = v[3];
	return 0;
}
