/* Merkezler: the codes, programmes, sites and the staff of each programme
 * (hane/centres.h says the rules), and the helpers the unit's other files
 * share (centres_int.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centres_int.h"
#include "hane/record.h"

/* ---- Codes ------------------------------------------------------------------ */

struct code {
	const char *code;
	enum hane_msg label;
	const char *words; /* folded, '|'-separated: more words typed */
};

static const struct code kinds[] = {
	{"membership", HANE_M_CEN_KIND_MEMBERSHIP, "uyelik|uye"},
	{"enrolment", HANE_M_CEN_KIND_ENROLMENT,
	 "kayit|donem|ogrenci|enrollment"},
	{"session", HANE_M_CEN_KIND_SESSION, "seans|oturum"},
	{"placement", HANE_M_CEN_KIND_PLACEMENT, "istihdam|is|employment"},
};
static const struct code statuses[] = {
	{"pending", HANE_M_CEN_STATUS_PENDING, "bekliyor|karar bekliyor|yeni"},
	{"direct", HANE_M_CEN_STATUS_DIRECT,
	 "dogrudan|dogrudan kabul|kabul|admit|admitted"},
	{"assessed", HANE_M_CEN_STATUS_ASSESSED,
	 "degerlendirme|degerlendirmeyle|degerlendirmeyle kabul|assessment"},
	{"waiting", HANE_M_CEN_STATUS_WAITING,
	 "bekleme|bekleme listesi|sira|sirada|wait|waiting list"},
	{"rejected", HANE_M_CEN_STATUS_REJECTED, "ret|red|reddet|reject"},
	{"withdrawn", HANE_M_CEN_STATUS_WITHDRAWN,
	 "vazgecti|vazgec|geri cekti|withdraw"},
};
static const struct code end_reasons[] = {
	{"death", HANE_M_CEN_END_DEATH, "vefat|olum|oldu|died"},
	{"moved", HANE_M_CEN_END_MOVED, "tasindi|tasinma|nakil"},
	{"withdrew", HANE_M_CEN_END_WITHDREW, "ayrildi|ayrilma|birakti"},
	{"institution", HANE_M_CEN_END_INSTITUTION,
	 "kurum|kuruma|bakimevi|huzurevi"},
	{"completed", HANE_M_CEN_END_COMPLETED, "tamamladi|bitirdi|mezun"},
	{"other", HANE_M_CEN_END_OTHER, "diger"},
};

#define CODES_OF(name, X) static const char *const name[] = {X(HANE_X_) NULL};
#define HANE_X_(n, c) c,
CODES_OF(kind_codes, HANE_CENTRE_KINDS)
CODES_OF(status_codes, HANE_CENTRE_STATUSES)
CODES_OF(end_codes, HANE_CENTRE_END_REASONS)
#undef HANE_X_
#undef CODES_OF

static const struct code *list_of(enum hane_centre_list l, size_t *n,
				  const char *const **codes)
{
	switch (l) {
	case HANE_CENTRE_STATUS:
		*n = HANE_COUNTOF(statuses);
		*codes = status_codes;
		return statuses;
	case HANE_CENTRE_END_REASON:
		*n = HANE_COUNTOF(end_reasons);
		*codes = end_codes;
		return end_reasons;
	default:
		*n = HANE_COUNTOF(kinds);
		*codes = kind_codes;
		return kinds;
	}
}

const char *const *hane_centre_codes(enum hane_centre_list l, int *n)
{
	size_t k;
	const char *const *codes;

	list_of(l, &k, &codes);
	if (n)
		*n = (int)k;
	return codes;
}

const char *hane_centre_label(enum hane_centre_list l, const char *code)
{
	size_t n;
	const char *const *codes;
	const struct code *c = list_of(l, &n, &codes);

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

const char *hane_centre_parse(enum hane_centre_list l, const char *word)
{
	size_t n;
	const char *const *codes;
	const struct code *c = list_of(l, &n, &codes);
	char w[128];

	hane_text_fold(w, sizeof w, word ? word : "");
	hane_text_trim(w);
	if (!w[0])
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(w, c[i].code) == 0 ||
		    folded_is(w, hane_msg_in(c[i].label, HANE_LANG_TR)) ||
		    folded_is(w, hane_msg_in(c[i].label, HANE_LANG_EN)) ||
		    among(w, c[i].words))
			return c[i].code;
	return NULL;
}

/* ---- Descriptors ---------------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_centre_programme, __VA_ARGS__)
static const struct hane_fdef programme_fields[] = {
	HANE_CENTRE_PROGRAMME_FIELDS(F)};
#undef F
const struct hane_rdef hane_centre_programme_rdef =
	HANE_RDEF(struct hane_centre_programme, "centre_programme", "centres",
		  programme_fields);

#define FROM_PROGRAMME(what)                                                   \
	"(SELECT " what " FROM centre_programme p WHERE p.id = "               \
	"t.programme_id)"
#define SITE_READ(S)                                                           \
	S(programme_code, HANE_FT_TEXT, FROM_PROGRAMME("p.code"))              \
	S(programme_kind, HANE_FT_TEXT, FROM_PROGRAMME("p.kind"))              \
	S(members, HANE_FT_INT,                                                \
	  "(SELECT count(*) FROM centre_member m WHERE m.site_id = t.id"       \
	  " AND m.end_date IS NULL)")                                          \
	S(waiting, HANE_FT_INT,                                                \
	  "(SELECT count(*) FROM centre_application a"                         \
	  " WHERE a.site_id = t.id AND a.status = 'waiting')")
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_centre_site, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_centre_site, __VA_ARGS__)
static const struct hane_fdef site_fields[] = {HANE_CENTRE_SITE_FIELDS(F)
						       SITE_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_centre_site_rdef = HANE_RDEF(
	struct hane_centre_site, "centre_site", "centres", site_fields);

#define STAFF_READ(S)                                                          \
	S(username, HANE_FT_TEXT,                                              \
	  "(SELECT s.username FROM staff s WHERE s.id = t.staff_id)")          \
	S(full_name, HANE_FT_TEXT,                                             \
	  "(SELECT coalesce(s.full_name, '') FROM staff s"                     \
	  " WHERE s.id = t.staff_id)")                                         \
	S(programme_code, HANE_FT_TEXT, FROM_PROGRAMME("p.code"))
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_centre_staff, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_centre_staff, __VA_ARGS__)
static const struct hane_fdef staff_fields[] = {HANE_CENTRE_STAFF_FIELDS(F)
							STAFF_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_centre_staff_rdef = HANE_RDEF(
	struct hane_centre_staff, "centre_staff", "centres", staff_fields);

/* ---- Shared helpers (centres_int.h) ------------------------------------------------ */

static bool sees_all(hane_db *db)
{
	const struct hane_actor *a = hane_store_actor(db);

	return !a || strcmp(a->role, "caseworker") != 0;
}

void cen_visible_params(hane_db *db, struct hane_field p[2])
{
	const struct hane_actor *a = hane_store_actor(db);

	p[0] = (struct hane_field)HANE_FINT(":all", sees_all(db) ? 1 : 0);
	p[1] = (struct hane_field)HANE_FINT(":me", a ? a->staff_id : 0);
}

int cen_can(hane_db *db, enum hane_action action, int64_t programme_id)
{
	int rc = hane_can(db, action);

	if (rc == 0 && programme_id)
		rc = hane_centre_programme_allowed(db, programme_id);
	return rc;
}

int cen_site_allowed(hane_db *db, int64_t site_id)
{
	struct hane_centre_site s;
	int rc;

	if (!site_id)
		return 0;
	if ((rc = hane_centre_site_get(db, site_id, &s)) != 0)
		return rc;
	return hane_centre_programme_allowed(db, s.programme_id);
}

int cen_time(char t[HANE_CENTRE_TIME], enum hane_msg field)
{
	char now[20];
	int h = -1, m = -1, len = 0;

	hane_text_trim(t);
	if (!t[0]) {
		hane_now(now);
		snprintf(t, HANE_CENTRE_TIME, "%.5s", now + 11);
		return 0;
	}
	if (sscanf(t, "%2d:%2d%n", &h, &m, &len) != 2 || t[len] || h < 0 ||
	    h > 23 || m < 0 || m > 59) {
		hane_error_set(hane_msg(HANE_M_CEN_BAD_TIME), hane_msg(field),
			       t);
		return HANE_EINVAL;
	}
	snprintf(t, HANE_CENTRE_TIME, "%02d:%02d", h, m);
	return 0;
}

const char *cen_programme_name(const struct hane_centre_programme *p)
{
	return hane_lang_get() == HANE_LANG_EN && p->name_en[0] ? p->name_en
								: p->name_tr;
}

/* ---- Programmes ------------------------------------------------------------------- */

void hane_centre_programme_init(struct hane_centre_programme *p)
{
	memset(p, 0, sizeof *p);
	strcpy(p->kind, "membership");
	p->min_age = p->max_age = p->min_disability = -1;
	p->active = true;
}

static void programme_named(struct hane_centre_programme *p)
{
	HANE_COPY(p->name, cen_programme_name(p));
}

int hane_centre_programme_allowed(hane_db *db, int64_t programme_id)
{
	const struct hane_actor *a = hane_store_actor(db);
	struct hane_field p[] = {HANE_FINT(":s", a ? a->staff_id : 0),
				 HANE_FINT(":p", programme_id)};
	struct hane_centre_programme pr;
	int rc;

	if (sees_all(db))
		return 0;
	rc = hane_store_first(db,
			      "SELECT 1 FROM centre_staff WHERE staff_id = :s"
			      " AND programme_id = :p",
			      p, 2, NULL, NULL);
	if (rc != HANE_ENOTFOUND)
		return rc;
	if (hane_record_get(db, &hane_centre_programme_rdef, programme_id,
			    &pr) != 0)
		snprintf(pr.name_tr, sizeof pr.name_tr, "%lld",
			 (long long)programme_id);
	else
		programme_named(&pr);
	hane_error_set(hane_msg(HANE_M_CEN_NOT_YOURS),
		       pr.name_tr[0] ? cen_programme_name(&pr) : "?");
	return HANE_EPERM;
}

int hane_centre_programme_get(hane_db *db, int64_t id,
			      struct hane_centre_programme *out)
{
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (rc == 0)
		rc = hane_store_missing(
			hane_record_get(db, &hane_centre_programme_rdef, id,
					out),
			HANE_M_CEN_NO_PROGRAMME_ID, id);
	if (rc == 0)
		programme_named(out);
	return rc;
}

/* Checks an identifier code member: [a-z][a-z0-9_]*. */
static int code_ok(const char *code)
{
	if (!code[0])
		goto bad;
	if (code[0] < 'a' || code[0] > 'z')
		goto bad;
	for (const char *c = code; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		      *c == '_'))
			goto bad;
	return 0;
bad:
	hane_error_set(hane_msg(HANE_M_CEN_BAD_CODE), code);
	return HANE_EINVAL;
}

static int age_ok(int v, enum hane_msg field)
{
	if (v < -1 || v > 120) {
		hane_error_set(hane_msg(HANE_M_CEN_BAD_RANGE), hane_msg(field),
			       v, 0, 120);
		return HANE_EINVAL;
	}
	return 0;
}

static int code_taken(hane_db *db, const char *sql, const char *code,
		      int64_t id)
{
	struct hane_field p[] = {HANE_FTEXT(":c", code), HANE_FINT(":id", id)};
	int rc = hane_store_first(db, sql, p, 2, NULL, NULL);

	if (rc == HANE_ENOTFOUND)
		return 0;
	if (rc == 0) {
		hane_error_set(hane_msg(HANE_M_CEN_CODE_TAKEN), code);
		return HANE_EEXIST;
	}
	return rc;
}

int hane_centre_programme_save(hane_db *db, struct hane_centre_programme *p,
			       int64_t *id)
{
	struct hane_centre_programme old;
	const char *c;
	int rc;

	if (id)
		*id = 0;
	if ((rc = hane_can(db, HANE_ACT_CENTRES_ADMIN)) != 0)
		return rc;
	hane_text_trim(p->code);
	hane_text_trim(p->name_tr);
	hane_text_trim(p->name_en);
	if (p->id) {
		if ((rc = hane_centre_programme_get(db, p->id, &old)) != 0)
			return rc;
		if (strcmp(old.code, p->code) != 0) {
			hane_error_set(hane_msg(HANE_M_CEN_CODE_FIXED),
				       old.code);
			return HANE_EINVAL;
		}
	}
	if ((rc = code_ok(p->code)) != 0)
		return rc;
	if (!(c = hane_centre_parse(HANE_CENTRE_KIND, p->kind))) {
		hane_error_set(hane_msg(HANE_M_CEN_BAD_KIND), p->kind);
		return HANE_EINVAL;
	}
	HANE_COPY(p->kind, c);
	if (!p->name_tr[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_CEN_F_PROGRAMME));
		return HANE_EINVAL;
	}
	if (!p->name_en[0])
		HANE_COPY(p->name_en, p->name_tr);
	if ((rc = hane_field_len(HANE_M_CEN_F_PROGRAMME, p->name_tr,
				 sizeof p->name_tr)) ||
	    (rc = hane_field_len(HANE_M_CEN_F_PROGRAMME, p->name_en,
				 sizeof p->name_en)) ||
	    (rc = age_ok(p->min_age, HANE_M_CEN_F_MIN_AGE)) ||
	    (rc = age_ok(p->max_age, HANE_M_CEN_F_MAX_AGE)))
		return rc;
	if (p->min_age >= 0 && p->max_age >= 0 && p->min_age > p->max_age) {
		hane_error_set(hane_msg(HANE_M_CEN_AGES), p->min_age,
			       p->max_age);
		return HANE_EINVAL;
	}
	if (p->min_disability < -1 || p->min_disability > 100) {
		hane_error_set(hane_msg(HANE_M_CEN_BAD_RANGE),
			       hane_msg(HANE_M_CEN_F_MIN_DISABILITY),
			       p->min_disability, 0, 100);
		return HANE_EINVAL;
	}
	{
		char r[16];

		hane_text_fold(r, sizeof r, p->residence);
		hane_text_trim(r);
		if (strcmp(r, "izmit") != 0 && strcmp(r, "kocaeli") != 0 &&
		    r[0]) {
			hane_error_set(hane_msg(HANE_M_CEN_BAD_RESIDENCE),
				       p->residence);
			return HANE_EINVAL;
		}
		strcpy(p->residence, !r[0]		       ? ""
				     : strcmp(r, "izmit") == 0 ? "izmit"
							       : "kocaeli");
	}
	if ((rc = code_taken(db,
			     "SELECT 1 FROM centre_programme WHERE code = :c"
			     " AND id <> :id",
			     p->code, p->id)) != 0)
		return rc;
	if ((rc = hane_record_save(db, &hane_centre_programme_rdef, p, NULL)) !=
	    0)
		return rc;
	if (id)
		*id = p->id;
	return hane_centre_programme_get(db, p->id, p);
}

/* A walk over programmes (or sites) matching a typed key: an exact code
 * or folded name wins, otherwise the only one whose folded name has
 * every word of the key as a word's start. */
struct key_match {
	char key[128];
	int exact, partial;
	void *out;
	size_t size;
};

/* True when every word of key (folded) starts a word of text. */
static bool words_in(const char *key, const char *text)
{
	char hay[512] = " ", k[128], *save = NULL, *w;
	size_t len;

	hane_text_fold(hay + 1, sizeof hay - 1, text);
	len = strlen(hay);
	for (size_t i = 0; i < len; i++)
		if (hay[i] == '-' || hay[i] == ',' || hay[i] == '.' ||
		    hay[i] == '(' || hay[i] == ')')
			hay[i] = ' ';
	HANE_COPY(k, key);
	for (w = strtok_r(k, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char s[132];

		snprintf(s, sizeof s, " %s", w);
		if (!strstr(hay, s))
			return false;
	}
	return true;
}

static void key_consider(struct key_match *m, const void *rec, const char *code,
			 const char *const *names, int n)
{
	bool exact = strcmp(code, m->key) == 0;

	for (int i = 0; !exact && i < n; i++)
		exact = folded_is(m->key, names[i]);
	if (exact) {
		if (!m->exact++)
			memcpy(m->out, rec, m->size);
		return;
	}
	for (int i = 0; i < n; i++)
		if (words_in(m->key, names[i])) {
			if (!m->exact && !m->partial)
				memcpy(m->out, rec, m->size);
			m->partial++;
			return;
		}
}

static int programme_match_row(const void *rec, void *arg)
{
	const struct hane_centre_programme *p = rec;
	const char *names[] = {p->name_tr, p->name_en};

	key_consider(arg, rec, p->code, names, 2);
	return 0;
}

/* "3" → 3; anything else 0. */
static int64_t key_id(const char *key)
{
	char *end;
	long long v;

	if (!key || !*key)
		return 0;
	v = strtoll(key, &end, 10);
	return *end || v <= 0 ? 0 : (int64_t)v;
}

int hane_centre_programme_find(hane_db *db, const char *key,
			       struct hane_centre_programme *out)
{
	struct key_match m = {"", 0, 0, out, sizeof *out};
	int64_t id = key_id(key);
	int rc;

	if (id)
		return hane_centre_programme_get(db, id, out);
	if ((rc = hane_can(db, HANE_ACT_CENTRES_READ)) != 0)
		return rc;
	hane_text_fold(m.key, sizeof m.key, key ? key : "");
	hane_text_trim(m.key);
	if (m.key[0] && (rc = hane_record_each(db, &hane_centre_programme_rdef,
					       " ORDER BY t.id", NULL,
					       programme_match_row, &m)) != 0)
		return rc;
	if (m.exact == 1 || (!m.exact && m.partial == 1)) {
		programme_named(out);
		return 0;
	}
	hane_error_set(hane_msg(m.partial > 1 ? HANE_M_CEN_PROGRAMME_AMBIGUOUS
					      : HANE_M_CEN_NO_PROGRAMME),
		       key ? key : "");
	return HANE_ENOTFOUND;
}

struct programme_walk {
	int (*fn)(const struct hane_centre_programme *p, void *arg);
	void *arg;
};

static int programme_row(const void *rec, void *arg)
{
	struct programme_walk *w = arg;
	struct hane_centre_programme p =
		*(const struct hane_centre_programme *)rec;

	programme_named(&p);
	return w->fn(&p, w->arg);
}

int hane_centre_programme_each(hane_db *db, bool all,
			       int (*fn)(const struct hane_centre_programme *p,
					 void *arg),
			       void *arg)
{
	struct programme_walk w = {fn, arg};
	struct hane_field p[2];
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (rc)
		return rc;
	cen_visible_params(db, p);
	return hane_record_list(
		db, &hane_centre_programme_rdef,
		all ? " WHERE " CEN_VISIBLE("t.id") " ORDER BY t.id"
		    : " WHERE t.active = 1 AND " CEN_VISIBLE(
			      "t.id") " ORDER BY t.id",
		p, 2, programme_row, &w);
}

/* ---- Sites ------------------------------------------------------------------------ */

void hane_centre_site_init(struct hane_centre_site *s)
{
	memset(s, 0, sizeof *s);
	s->min_age = -1;
	s->active = true;
}

/* Fills the programme's name (current language) of a site read. */
static void site_named(hane_db *db, struct hane_centre_site *s)
{
	struct hane_centre_programme p;

	if (hane_record_get(db, &hane_centre_programme_rdef, s->programme_id,
			    &p) == 0)
		HANE_COPY(s->programme_name, cen_programme_name(&p));
}

int hane_centre_site_get(hane_db *db, int64_t id, struct hane_centre_site *out)
{
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (rc == 0)
		rc = hane_store_missing(
			hane_record_get(db, &hane_centre_site_rdef, id, out),
			HANE_M_CEN_NO_SITE_ID, id);
	if (rc == 0)
		site_named(db, out);
	return rc;
}

/* "09:00-17:00": two times, the first before the second; "" passes. */
static int hours_ok(char *hours, size_t size)
{
	char a[HANE_CENTRE_TIME] = "", b[HANE_CENTRE_TIME] = "";
	const char *dash;

	hane_text_trim(hours);
	if (!hours[0])
		return 0;
	dash = strchr(hours, '-');
	if (!dash || dash - hours >= (long)sizeof a ||
	    strlen(dash + 1) >= sizeof b)
		goto bad;
	memcpy(a, hours, (size_t)(dash - hours));
	HANE_COPY(b, dash + 1);
	if (cen_time(a, HANE_M_CEN_F_HOURS) || !a[0] ||
	    cen_time(b, HANE_M_CEN_F_HOURS) || !b[0] || strcmp(a, b) >= 0)
		goto bad;
	snprintf(hours, size, "%s-%s", a, b);
	return 0;
bad:
	hane_error_set(hane_msg(HANE_M_CEN_BAD_HOURS), hours);
	return HANE_EINVAL;
}

int hane_centre_site_save(hane_db *db, struct hane_centre_site *s, int64_t *id)
{
	struct hane_centre_site old;
	struct hane_centre_programme p;
	int rc;

	if (id)
		*id = 0;
	if ((rc = hane_can(db, HANE_ACT_CENTRES_ADMIN)) != 0)
		return rc;
	hane_text_trim(s->code);
	hane_text_trim(s->name);
	hane_text_trim(s->address);
	hane_text_trim(s->days);
	if (s->id) {
		if ((rc = hane_centre_site_get(db, s->id, &old)) != 0)
			return rc;
		if (strcmp(old.code, s->code) != 0) {
			hane_error_set(hane_msg(HANE_M_CEN_CODE_FIXED),
				       old.code);
			return HANE_EINVAL;
		}
		if (old.programme_id != s->programme_id) {
			hane_error_set(
				hane_msg(HANE_M_CEN_SITE_PROGRAMME_FIXED),
				old.name, old.programme_name);
			return HANE_EINVAL;
		}
	}
	if ((rc = hane_centre_programme_get(db, s->programme_id, &p)) != 0 ||
	    (rc = code_ok(s->code)) != 0)
		return rc;
	if (!s->name[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_CEN_F_SITE));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_len(HANE_M_CEN_F_SITE, s->name, sizeof s->name)) ||
	    (rc = hane_field_len(HANE_M_CEN_F_ADDRESS, s->address,
				 sizeof s->address)) ||
	    (rc = hane_field_len(HANE_M_CEN_F_DAYS, s->days, sizeof s->days)) ||
	    (rc = hours_ok(s->hours, sizeof s->hours)) ||
	    (rc = age_ok(s->min_age, HANE_M_CEN_F_MIN_AGE)))
		return rc;
	if (s->capacity < 0 || s->capacity > 100000) {
		hane_error_set(hane_msg(HANE_M_CEN_BAD_RANGE),
			       hane_msg(HANE_M_CEN_F_CAPACITY), s->capacity, 0,
			       100000);
		return HANE_EINVAL;
	}
	if (s->days[0]) {
		char digits[8], bad[64];

		if (hane_weekdays_parse(digits, bad, s->days) != 0) {
			hane_error_set(hane_msg(HANE_M_CEN_BAD_DAYS), bad);
			return HANE_EINVAL;
		}
	}
	if ((rc = code_taken(db,
			     "SELECT 1 FROM centre_site WHERE code = :c"
			     " AND id <> :id",
			     s->code, s->id)) != 0)
		return rc;
	if ((rc = hane_record_save(db, &hane_centre_site_rdef, s, NULL)) != 0)
		return rc;
	if (id)
		*id = s->id;
	return hane_centre_site_get(db, s->id, s);
}

static int site_match_row(const void *rec, void *arg)
{
	const struct hane_centre_site *s = rec;
	const char *names[] = {s->name};

	key_consider(arg, rec, s->code, names, 1);
	return 0;
}

int hane_centre_site_find(hane_db *db, const char *key,
			  struct hane_centre_site *out)
{
	struct key_match m = {"", 0, 0, out, sizeof *out};
	int64_t id = key_id(key);
	int rc;

	if (id)
		return hane_centre_site_get(db, id, out);
	if ((rc = hane_can(db, HANE_ACT_CENTRES_READ)) != 0)
		return rc;
	hane_text_fold(m.key, sizeof m.key, key ? key : "");
	hane_text_trim(m.key);
	if (m.key[0] && (rc = hane_record_each(db, &hane_centre_site_rdef,
					       " ORDER BY t.active DESC, t.id",
					       NULL, site_match_row, &m)) != 0)
		return rc;
	if (m.exact == 1 || (!m.exact && m.partial == 1)) {
		site_named(db, out);
		return 0;
	}
	hane_error_set(hane_msg(m.partial > 1 ? HANE_M_CEN_SITE_AMBIGUOUS
					      : HANE_M_CEN_NO_SITE),
		       key ? key : "");
	return HANE_ENOTFOUND;
}

struct site_walk {
	hane_db *db;
	int (*fn)(const struct hane_centre_site *s, void *arg);
	void *arg;
};

static int site_row(const void *rec, void *arg)
{
	struct site_walk *w = arg;
	struct hane_centre_site s = *(const struct hane_centre_site *)rec;

	site_named(w->db, &s);
	return w->fn(&s, w->arg);
}

int hane_centre_site_each(hane_db *db, int64_t programme_id, bool all,
			  int (*fn)(const struct hane_centre_site *s,
				    void *arg),
			  void *arg)
{
	struct site_walk w = {db, fn, arg};
	struct hane_field p[4];
	int rc = cen_can(db, HANE_ACT_CENTRES_READ, programme_id);

	if (rc)
		return rc;
	cen_visible_params(db, p);
	p[2] = (struct hane_field)HANE_FINT(":p", programme_id);
	p[3] = (struct hane_field)HANE_FINT(":any", all ? 1 : 0);
	return hane_record_list(
		db, &hane_centre_site_rdef,
		" WHERE (:p = 0 OR t.programme_id = :p)"
		" AND (:any = 1 OR t.active = 1)"
		" AND " CEN_VISIBLE(
			"t.programme_id") " ORDER BY t.programme_id, t.name "
					  "COLLATE TURKISH, t.id",
		p, 4, site_row, &w);
}

/* ---- Staff of a programme ------------------------------------------------------------ */

static int staff_id_of(hane_db *db, const char *username, int64_t *id)
{
	struct hane_field p = HANE_FTEXT(":u", username ? username : "");
	int rc = hane_store_ints(db, "SELECT id FROM staff WHERE username = :u",
				 &p, 1, id, 1);

	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_CEN_NO_STAFF),
			       username ? username : "");
	return rc;
}

int hane_centre_staff_add(hane_db *db, const char *username,
			  int64_t programme_id)
{
	struct hane_centre_programme p;
	struct hane_centre_staff s;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_ADMIN)) != 0 ||
	    (rc = hane_centre_programme_get(db, programme_id, &p)) != 0)
		return rc;
	memset(&s, 0, sizeof s);
	s.programme_id = programme_id;
	if ((rc = staff_id_of(db, username, &s.staff_id)) != 0)
		return rc;
	{
		struct hane_field q[] = {HANE_FINT(":s", s.staff_id),
					 HANE_FINT(":p", programme_id)};

		rc = hane_store_first(
			db,
			"SELECT 1 FROM centre_staff"
			" WHERE staff_id = :s AND programme_id = :p",
			q, 2, NULL, NULL);
		if (rc == 0) {
			hane_error_set(hane_msg(HANE_M_CEN_STAFF_EXISTS),
				       username, p.name);
			return HANE_EEXIST;
		}
		if (rc != HANE_ENOTFOUND)
			return rc;
	}
	return hane_record_save(db, &hane_centre_staff_rdef, &s, NULL);
}

int hane_centre_staff_remove(hane_db *db, const char *username,
			     int64_t programme_id)
{
	struct hane_centre_programme p;
	int64_t sid = 0, row[2] = {0, 0};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_ADMIN)) != 0 ||
	    (rc = hane_centre_programme_get(db, programme_id, &p)) != 0 ||
	    (rc = staff_id_of(db, username, &sid)) != 0)
		return rc;
	{
		struct hane_field q[] = {HANE_FINT(":s", sid),
					 HANE_FINT(":p", programme_id)};

		rc = hane_store_ints(
			db,
			"SELECT id, version FROM centre_staff"
			" WHERE staff_id = :s AND programme_id = :p",
			q, 2, row, 2);
	}
	if (rc == HANE_ENOTFOUND) {
		hane_error_set(hane_msg(HANE_M_CEN_STAFF_NOT_GIVEN), username,
			       p.name);
		return rc;
	}
	if (rc)
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_store_delete(db, "centre_staff", row[0], row[1]);
	return hane_store_end(db, rc);
}

HANE_RECORD_EACH_FN(staff, struct hane_centre_staff)

int hane_centre_staff_each(hane_db *db, int64_t programme_id,
			   int (*fn)(const struct hane_centre_staff *s,
				     void *arg),
			   void *arg)
{
	struct staff_each e = {fn, arg};
	struct hane_field p = HANE_FINT(":p", programme_id);
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	return rc ? rc
		  : hane_record_list(db, &hane_centre_staff_rdef,
				     " WHERE (:p = 0 OR t.programme_id = :p)"
				     " ORDER BY t.programme_id, (SELECT"
				     " s.username FROM staff s"
				     " WHERE s.id = t.staff_id)",
				     &p, 1, staff_call, &e);
}
