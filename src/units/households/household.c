/* The household registry: households, persons, moves, heads.
 *
 * Rules live here so the console and the CLI can never disagree: every
 * function checks the permission, validates with core, and writes through
 * the store's audited writes inside one transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "households_int.h"

/* ---- Init and labels ------------------------------------------------------ */

void hane_person_init(struct hane_person *p)
{
	memset(p, 0, sizeof *p);
	p->disability_pct = -1;
	strcpy(p->relation, "head");
}

void hane_household_init(struct hane_household *h)
{
	memset(h, 0, sizeof *h);
	h->income_kurus = -1;
	strcpy(h->status, "active");
}

static const struct {
	const char *name;
	enum hane_msg label;
} relations[] = {
#define HANE_X_(id, name) {name, HANE_M_REL_##id},
	HANE_RELATIONS(HANE_X_)
#undef HANE_X_
};
#define NRELATIONS (sizeof relations / sizeof relations[0])

bool hane_relation_valid(const char *name)
{
	for (size_t i = 0; i < NRELATIONS; i++)
		if (strcmp(relations[i].name, name) == 0)
			return true;
	return false;
}

const char *hane_relation_label(const char *name)
{
	for (size_t i = 0; i < NRELATIONS; i++)
		if (strcmp(relations[i].name, name) == 0)
			return hane_msg(relations[i].label);
	return name;
}

const char *hane_relation_parse(const char *word)
{
	/* The labels folded once: an import parses a million relations. */
	static char folded[NRELATIONS][2][64];
	static bool ready;
	char key[64];

	if (!ready) {
		for (size_t i = 0; i < NRELATIONS; i++)
			for (int l = 0; l < 2; l++)
				hane_text_fold(folded[i][l],
					       sizeof folded[i][l],
					       hane_msg_in(relations[i].label,
							   (enum hane_lang)l));
		ready = true;
	}
	hane_text_fold(key, sizeof key, word);
	for (size_t i = 0; i < NRELATIONS; i++) {
		if (strcmp(relations[i].name, key) == 0)
			return relations[i].name;
		for (int l = 0; l < 2; l++)
			if (strcmp(folded[i][l], key) == 0)
				return relations[i].name;
	}
	/* Everyday Turkish words an import may carry. */
	static const struct {
		const char *word, *name;
	} extra[] = {
		{"hane reisi", "head"},	 {"es", "spouse"},
		{"cocuk", "child"},	 {"ogul", "child"},
		{"oglu", "child"},	 {"kizi", "child"},
		{"kiz", "child"},	 {"anne", "parent"},
		{"baba", "parent"},	 {"annesi", "parent"},
		{"babasi", "parent"},	 {"kardes", "sibling"},
		{"torun", "grandchild"}, {"diger", "other"},
	};
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (strcmp(extra[i].word, key) == 0)
			return extra[i].name;
	return NULL;
}

const char *hane_status_label(const char *status)
{
	if (strcmp(status, "passive") == 0)
		return hane_msg(HANE_M_STATUS_PASSIVE);
	return hane_msg(HANE_M_STATUS_ACTIVE);
}

/* ---- Validation ------------------------------------------------------------ */

int hane_person_validate(const struct hane_person *p)
{
	char today[HANE_DATE_LEN + 1];

	return hh_person_validate(p, hane_today(today));
}

/* The free text of a record (its personal text fields: names, an
 * illness) by the field table: valid UTF-8 of one line without a control
 * character, shorter than its member, named by the field's label — a text
 * field added to the table is checked without a line here. Codes with a
 * rule of their own (sex, relation) are checked by that rule. */
static int free_texts_check(const struct hane_rdef *def, const void *rec)
{
	bool en = hane_lang_get() == HANE_LANG_EN;

	for (size_t i = 0; i < def->nfields; i++) {
		const struct hane_fdef *f = &def->fields[i];
		const char *s = (const char *)rec + f->offset,
			   *label = en ? f->label_en : f->label_tr;
		size_t n;
		int rc;

		if (f->type != HANE_FT_TEXT || !(f->flags & HANE_FF_PERSONAL))
			continue;
		n = strnlen(s, f->size);
		if (n >= f->size) {
			hane_error_set(hane_msg(HANE_M_V_TOO_LONG), label,
				       (int)f->size - 1);
			return HANE_EINVAL;
		}
		if (!hane_utf8_valid(s, n)) {
			hane_error_set(hane_msg(HANE_M_V_FIELD), label,
				       hane_strerror(HANE_EINVAL));
			return HANE_EINVAL;
		}
		if ((rc = hane_text_check(label, s, HANE_TEXT_LINE)) != 0)
			return rc;
	}
	return 0;
}

/* A phone as stored: "" or the E.164 form hane_phone_normalize gives. */
static int phone_check(const char *phone)
{
	char norm[HANE_PHONE_LEN + 1];

	if (phone[0] && (hane_phone_normalize(norm, phone) != 0 ||
			 strcmp(norm, phone) != 0))
		return hane_field_error(HANE_M_F_PHONE,
					hane_msg(HANE_M_PHONE_INVALID));
	return 0;
}

int hh_person_validate(const struct hane_person *p, const char *today)
{
	char iso[HANE_DATE_LEN + 1];
	int rc;

	if (p->tckn[0] && hane_tckn_check(p->tckn) != 0) {
		char why[512];

		snprintf(why, sizeof why, "%s", hane_error_last());
		return hane_field_error(HANE_M_F_TCKN, why);
	}
	if (hane_text_blank(p->first_name)) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_F_FIRST));
		return HANE_EINVAL;
	}
	if (hane_text_blank(p->last_name)) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_F_LAST));
		return HANE_EINVAL;
	}
	if ((rc = free_texts_check(&hane_person_rdef, p)) != 0)
		return rc;
	if (p->birth_date[0]) {
		if (hane_date_parse(iso, p->birth_date) != 0 ||
		    strcmp(iso, p->birth_date) != 0)
			return hane_field_error(HANE_M_F_BIRTH,
						hane_msg(HANE_M_DATE_INVALID));
		if (strcmp(iso, today) > 0)
			return hane_field_error(HANE_M_F_BIRTH,
						hane_msg(HANE_M_V_FUTURE));
	}
	if (p->sex[0] && strcmp(p->sex, "K") != 0 && strcmp(p->sex, "E") != 0) {
		hane_error_set("%s", hane_msg(HANE_M_V_SEX));
		return HANE_EINVAL;
	}
	if (!hane_relation_valid(p->relation)) {
		char list[256] = "";

		for (size_t i = 0; i < NRELATIONS; i++) {
			strcat(list, i ? ", " : "");
			strcat(list, hane_msg(relations[i].label));
		}
		hane_error_set(hane_msg(HANE_M_V_RELATION), list);
		return HANE_EINVAL;
	}
	if (p->disability_pct < -1 || p->disability_pct > 100) {
		hane_error_set("%s", hane_msg(HANE_M_V_DISABILITY));
		return HANE_EINVAL;
	}
	if ((rc = phone_check(p->phone)))
		return rc;
	return 0;
}

int hane_household_validate(hane_db *db, const struct hane_household *h)
{
	int rc;

	if (h->mahalle[0]) {
		char proper[HANE_NAME_MAX];

		if (hane_mahalle_match(db, proper, h->mahalle) != 0)
			return HANE_EINVAL;
		if (strcmp(proper, h->mahalle) != 0) {
			hane_error_set(hane_msg(HANE_M_MAHALLE_UNKNOWN),
				       h->mahalle);
			return HANE_EINVAL;
		}
	}
	/* An address may come over two lines (Excel's Alt+Enter); names,
	 * building and door numbers are one line. */
	if ((rc = hane_field_text(HANE_M_F_STREET, h->street, sizeof h->street,
				  HANE_TEXT_MULTILINE)) ||
	    (rc = hane_field_len(HANE_M_F_BUILDING, h->building,
				 sizeof h->building)) ||
	    (rc = hane_field_len(HANE_M_F_DOOR, h->door, sizeof h->door)) ||
	    (rc = hane_field_text(HANE_M_F_NOTES, h->notes, sizeof h->notes,
				  HANE_TEXT_MULTILINE)))
		return rc;
	if ((rc = phone_check(h->phone)))
		return rc;
	if (h->income_kurus < -1) {
		hane_error_set("%s", hane_msg(HANE_M_V_INCOME));
		return HANE_EINVAL;
	}
	if (strcmp(h->status, "active") != 0 &&
	    strcmp(h->status, "passive") != 0) {
		hane_error_set("%s", hane_msg(HANE_M_V_STATUS));
		return HANE_EINVAL;
	}
	return 0;
}

/* ---- Derived keys ----------------------------------------------------------- */

void hh_name_key(char out[2 * HANE_NAME_MAX], const char *first,
		 const char *last)
{
	char both[2 * HANE_NAME_MAX + 2];
	size_t f = strnlen(first, HANE_NAME_MAX - 1),
	       l = strnlen(last, HANE_NAME_MAX - 1);

	memcpy(both, first, f);
	both[f] = ' ';
	memcpy(both + f + 1, last, l);
	both[f + 1 + l] = '\0';
	hane_text_fold(out, 2 * HANE_NAME_MAX, both);
}

/* "+905321234567" → "5321234567": what staff type, without 0 or +90. */
const char *hh_phone_key(char out[16], const char *e164)
{
	const char *digits = strncmp(e164, "+90", 3) == 0 ? e164 + 3 : e164;
	size_t n = strnlen(digits, 15);

	if (!e164[0])
		return NULL;
	memcpy(out, digits, n);
	out[n] = '\0';
	return out;
}

/* Rewrites the person's search words from the name key. Derived data, so
 * not audited itself: the audit row of the person has the names. */
int hh_index_words(hane_db *db, int64_t person_id, const char *name_key)
{
	const struct hane_field p[] = {HANE_FINT(":id", person_id)};
	hane_stmt *ins = NULL;
	char words[2 * HANE_NAME_MAX];
	int rc;

	rc = hane_store_run(db, "DELETE FROM person_word WHERE person_id = :id",
			    p, 1);
	if (rc)
		return rc;
	rc = hane_stmt_prepare(
		db, &ins,
		"INSERT OR IGNORE INTO person_word(word, person_id)"
		" VALUES(:w, :id)");
	if (rc)
		return rc;
	snprintf(words, sizeof words, "%s", name_key);
	for (char *save = NULL, *w = strtok_r(words, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		hane_stmt_reset(ins);
		if ((rc = hane_stmt_bind_text(ins, ":w", w)) != 0 ||
		    (rc = hane_stmt_bind_int(ins, ":id", person_id)) != 0)
			break;
		rc = hane_stmt_step(ins);
		if (rc < 0)
			break;
		rc = 0;
	}
	hane_stmt_finalize(ins);
	return rc;
}

/* ---- Reading ----------------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_person, __VA_ARGS__)
static const struct hane_fdef person_fields[] = {HANE_PERSON_FIELDS(F)};
#undef F
const struct hane_rdef hane_person_rdef = HANE_RDEF_STAMPED(
	struct hane_person, "person", "households", person_fields);

#define F(...) HANE_FDEF(struct hane_household, __VA_ARGS__)
static const struct hane_fdef household_fields[] = {
	HANE_HOUSEHOLD_FIELDS(F) HANE_FDEF_SQL(
		struct hane_household, members, HANE_FT_INT,
		"(SELECT count(*) FROM person p WHERE p.household_id = t.id)",
		"Kişi", "Members")};
#undef F
const struct hane_rdef hane_household_rdef = HANE_RDEF_STAMPED(
	struct hane_household, "household", "households", household_fields);

/* Row id of def's table into out, for a reader of the registry; missing
 * says "… bulunamadı: #id". */
static int registry_get(hane_db *db, const struct hane_rdef *def, int64_t id,
			void *out, enum hane_msg missing)
{
	int rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ);

	if (rc)
		return rc;
	return hane_store_missing(hane_record_get(db, def, id, out), missing,
				  id);
}

int hane_person_get(hane_db *db, int64_t id, struct hane_person *out)
{
	return registry_get(db, &hane_person_rdef, id, out,
			    HANE_M_PERSON_NOT_FOUND);
}

static int bind_tckn(hane_stmt *st, void *arg)
{
	return hane_stmt_bind_text(st, ":t", arg);
}

int hane_person_by_tckn(hane_db *db, const char *tckn, struct hane_person *out)
{
	int rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ);

	if (rc)
		return rc;
	rc = hane_record_find(db, &hane_person_rdef, " WHERE t.tckn = :t",
			      bind_tckn, (void *)tckn, out);
	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_TCKN_NOT_FOUND), tckn);
	return rc;
}

int hane_household_get(hane_db *db, int64_t id, struct hane_household *out)
{
	return registry_get(db, &hane_household_rdef, id, out,
			    HANE_M_HOUSEHOLD_NOT_FOUND);
}

struct members {
	int64_t household_id;
	struct hane_person *out;
	size_t max, *n;
};

static int bind_household(hane_stmt *st, void *arg)
{
	return hane_stmt_bind_int(st, ":h",
				  ((struct members *)arg)->household_id);
}

static int member_add(const void *rec, void *arg)
{
	struct members *m = arg;

	if (*m->n >= m->max)
		return 1;
	m->out[(*m->n)++] = *(const struct hane_person *)rec;
	return 0;
}

int hane_household_members(hane_db *db, int64_t household_id,
			   struct hane_person *out, size_t max, size_t *n)
{
	struct members m = {household_id, out, max, n};
	int rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ);

	*n = 0;
	if (rc)
		return rc;
	rc = hane_record_each(db, &hane_person_rdef,
			      " WHERE t.household_id = :h"
			      " ORDER BY t.relation <> 'head',"
			      " coalesce(t.birth_date, '9'), t.id",
			      bind_household, member_add, &m);
	return rc < 0 ? rc : 0;
}

int hane_person_count(hane_db *db, int64_t *count)
{
	int rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ);

	if (rc)
		return rc;
	return hane_store_query_int(db, count, "SELECT count(*) FROM person",
				    NULL, 0);
}

/* ---- Duplicates --------------------------------------------------------------- */

/* A person found like p: id, household and name into dup (id into
 * dup->similar_id, the caller moves it when it is the same person). */
static int dup_row(hane_stmt *st, void *arg)
{
	struct hane_dup *dup = arg;

	dup->similar_id = hane_stmt_int(st, 0);
	dup->household_id = hane_stmt_int(st, 1);
	HANE_COPY(dup->name, hane_stmt_text(st, 2));
	return 0;
}

int hane_person_check_duplicate(hane_db *db, const struct hane_person *p,
				struct hane_dup *dup)
{
	char key[2 * HANE_NAME_MAX] = "";
	const struct hane_field same[] = {HANE_FTEXT(":t", p->tckn),
					  HANE_FINT(":id", p->id)};
	const struct hane_field like[] = {HANE_FTEXT(":k", key),
					  HANE_FTEXT(":b", p->birth_date),
					  HANE_FINT(":id", p->id)};
	int rc;

	memset(dup, 0, sizeof *dup);
	if (p->tckn[0]) {
		rc = hane_store_first(db,
				      "SELECT id, household_id, first_name ||"
				      " ' ' || last_name FROM person"
				      " WHERE tckn = :t AND id <> :id",
				      same, 2, dup_row, dup);
		if (rc == 0) {
			dup->existing_id = dup->similar_id;
			dup->similar_id = 0;
			hane_error_set(hane_msg(HANE_M_DUP_TCKN), p->tckn,
				       (long long)dup->existing_id, dup->name,
				       (long long)dup->household_id);
			return HANE_EEXIST;
		}
		if (rc != HANE_ENOTFOUND)
			return rc;
	}
	if (!p->birth_date[0])
		return 0;
	hh_name_key(key, p->first_name, p->last_name);
	rc = hane_store_first(db,
			      "SELECT id, household_id, first_name || ' ' ||"
			      " last_name FROM person WHERE name_key = :k AND"
			      " birth_date = :b AND id <> :id LIMIT 1",
			      like, 3, dup_row, dup);
	return rc == HANE_ENOTFOUND ? 0 : rc;
}

/* ---- Writing ------------------------------------------------------------------ */

/* The columns a person's row derives from it: search keys, which land
 * in the caller's buffers. */
static size_t person_keys(const struct hane_person *p, struct hane_field f[3],
			  char *name_key, char phone_key[16])
{
	hh_name_key(name_key, p->first_name, p->last_name);
	f[0] = (struct hane_field)HANE_FTEXT("name_key", name_key);
	f[1] = (struct hane_field)HANE_FTEXT("phone_key",
					     hh_phone_key(phone_key, p->phone));
	return 2;
}

/* Inserts p (already validated and checked) and its search words. */
static int insert_person(hane_db *db, const struct hane_person *p,
			 int64_t household_id, int64_t *id)
{
	struct hane_person q = *p;
	struct hane_field f[3];
	char key[2 * HANE_NAME_MAX], pkey[16];
	size_t n = person_keys(p, f, key, pkey);
	int rc;

	q.id = 0;
	f[n++] = (struct hane_field)HANE_FINT("household_id", household_id);
	rc = hane_record_save_with(db, &hane_person_rdef, &q, f, n, NULL);
	if (rc)
		return rc;
	*id = q.id;
	return hh_index_words(db, *id, key);
}

/* Saves h (insert when its id is 0) with its phone's search key. */
static int save_household(hane_db *db, struct hane_household *h, int *changed)
{
	char pkey[16];
	struct hane_field f[1] = {
		HANE_FTEXT("phone_key", hh_phone_key(pkey, h->phone))};

	return hane_record_save_with(db, &hane_household_rdef, h, f, 1,
				     changed);
}

static int set_head_raw(hane_db *db, int64_t household_id, int64_t person_id)
{
	const struct hane_field p[] = {HANE_FINT(":p", person_id),
				       HANE_FINT(":h", household_id)};

	return hane_store_run(
		db, "UPDATE household SET head_id = :p WHERE id = :h", p, 2);
}

int hane_household_create(hane_db *db, const struct hane_household *h,
			  const struct hane_person *head, int64_t *household_id,
			  int64_t *person_id, struct hane_dup *dup)
{
	struct hane_person p = *head;
	struct hane_household hh = *h;
	struct hane_dup d;
	int64_t hid = 0, pid = 0;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	strcpy(p.relation, "head");
	p.id = 0;
	if ((rc = hane_household_validate(db, h)) != 0 ||
	    (rc = hane_person_validate(&p)) != 0)
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_person_check_duplicate(db, &p, &d);
	hh.id = 0;
	if (rc == 0 && (rc = save_household(db, &hh, NULL)) == 0)
		hid = hh.id;
	if (rc == 0)
		rc = insert_person(db, &p, hid, &pid);
	if (rc == 0)
		rc = set_head_raw(db, hid, pid);
	if ((rc = hane_store_end(db, rc)) != 0)
		return rc;
	if (household_id)
		*household_id = hid;
	if (person_id)
		*person_id = pid;
	if (dup)
		*dup = d;
	return 0;
}

static int require_active(hane_db *db, int64_t household_id,
			  struct hane_household *h)
{
	int rc = hane_household_get(db, household_id, h);

	if (rc)
		return rc;
	if (strcmp(h->status, "active") != 0) {
		hane_error_set(hane_msg(HANE_M_HOUSEHOLD_PASSIVE),
			       (long long)household_id);
		return HANE_EINVAL;
	}
	return 0;
}

int hane_person_add(hane_db *db, const struct hane_person *p,
		    int64_t *person_id, struct hane_dup *dup)
{
	struct hane_household h;
	struct hane_person q = *p;
	struct hane_dup d;
	int64_t pid = 0;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	q.id = 0;
	if (strcmp(q.relation, "head") == 0) {
		hane_error_set("%s", hane_msg(HANE_M_HEAD_ONLY_VIA_SET));
		return HANE_EINVAL;
	}
	if ((rc = hane_person_validate(&q)) != 0)
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = require_active(db, q.household_id, &h);
	if (rc == 0)
		rc = hane_person_check_duplicate(db, &q, &d);
	if (rc == 0)
		rc = insert_person(db, &q, q.household_id, &pid);
	if ((rc = hane_store_end(db, rc)) != 0)
		return rc;
	if (person_id)
		*person_id = pid;
	if (dup)
		*dup = d;
	return 0;
}

int hane_person_update(hane_db *db, struct hane_person *p)
{
	struct hane_person old;
	struct hane_field f[3];
	struct hane_dup d;
	char key[2 * HANE_NAME_MAX], pkey[16];
	size_t n;
	int changed = 0, rc;

	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	if ((rc = hane_person_validate(p)) != 0)
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_person_get(db, p->id, &old);
	if (rc == 0 && ((strcmp(old.relation, "head") == 0) !=
			(strcmp(p->relation, "head") == 0))) {
		hane_error_set("%s", hane_msg(HANE_M_HEAD_ONLY_VIA_SET));
		rc = HANE_EINVAL;
	}
	if (rc == 0 && p->tckn[0])
		rc = hane_person_check_duplicate(db, p, &d);
	if (rc == 0) {
		n = person_keys(p, f, key, pkey);
		rc = hane_record_save_with(db, &hane_person_rdef, p, f, n,
					   &changed);
	}
	if (rc == 0 && changed &&
	    (strcmp(old.first_name, p->first_name) != 0 ||
	     strcmp(old.last_name, p->last_name) != 0))
		rc = hh_index_words(db, p->id, key);
	if (rc == 0 && changed)
		rc = hane_person_get(db, p->id, p);
	return hane_store_end(db, rc);
}

int hane_household_update(hane_db *db, struct hane_household *h)
{
	int changed = 0, rc;

	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	if (!h->id)
		return hane_household_get(db, 0, h); /* not found */
	if ((rc = hane_household_validate(db, h)) != 0)
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = save_household(db, h, &changed);
	if (rc == 0 && changed)
		rc = hane_household_get(db, h->id, h);
	return hane_store_end(db, rc);
}

int hane_household_set_status(hane_db *db, int64_t household_id,
			      int64_t version, const char *status)
{
	struct hane_field f[1] = {HANE_FTEXT("status", status)};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	if (strcmp(status, "active") != 0 && strcmp(status, "passive") != 0) {
		hane_error_set("%s", hane_msg(HANE_M_V_STATUS));
		return HANE_EINVAL;
	}
	return hane_store_update(db, "household", household_id, version, f, 1,
				 NULL);
}

int hane_person_move(hane_db *db, int64_t person_id, int64_t version,
		     int64_t to_household, const char *relation)
{
	struct hane_person p;
	struct hane_household from, to;
	const char *rel = relation && *relation ? relation : "other";
	int rc;

	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	if (!hane_relation_valid(rel) || strcmp(rel, "head") == 0) {
		hane_error_set("%s", hane_msg(HANE_M_HEAD_ONLY_VIA_SET));
		return HANE_EINVAL;
	}
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_person_get(db, person_id, &p);
	if (rc == 0 && p.household_id == to_household) {
		hane_error_set(hane_msg(HANE_M_MOVE_SAME),
			       (long long)to_household);
		rc = HANE_EINVAL;
	}
	if (rc == 0)
		rc = require_active(db, to_household, &to);
	if (rc == 0)
		rc = hane_household_get(db, p.household_id, &from);
	if (rc == 0 && strcmp(p.relation, "head") == 0 && from.members > 1) {
		hane_error_set("%s", hane_msg(HANE_M_HEAD_CANNOT_MOVE));
		rc = HANE_EINVAL;
	}
	if (rc == 0) {
		struct hane_field f[2] = {
			HANE_FINT("household_id", to_household),
			HANE_FTEXT("relation", rel)};

		rc = hane_store_update(db, "person", person_id, version, f, 2,
				       NULL);
	}
	if (rc == 0 && strcmp(p.relation, "head") == 0) {
		/* The head was alone: the household is left empty. */
		struct hane_field f[2] = {HANE_FNULL("head_id"),
					  HANE_FTEXT("status", "passive")};

		rc = hane_store_update(db, "household", from.id, from.version,
				       f, 2, NULL);
	}
	return hane_store_end(db, rc);
}

int hane_household_set_head(hane_db *db, int64_t household_id,
			    int64_t person_id)
{
	struct hane_household h;
	struct hane_person p, old;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_household_get(db, household_id, &h);
	if (rc == 0)
		rc = hane_person_get(db, person_id, &p);
	if (rc == 0 && p.household_id != household_id) {
		hane_error_set(hane_msg(HANE_M_NOT_MEMBER),
			       (long long)person_id, (long long)household_id);
		rc = HANE_EINVAL;
	}
	if (rc == 0 && h.head_id == person_id)
		return hane_store_end(db, 0);
	if (rc == 0 && h.head_id) {
		rc = hane_person_get(db, h.head_id, &old);
		if (rc == 0) {
			struct hane_field f[1] = {
				HANE_FTEXT("relation", "other")};

			rc = hane_store_update(db, "person", old.id,
					       old.version, f, 1, NULL);
		}
	}
	if (rc == 0) {
		struct hane_field f[1] = {HANE_FTEXT("relation", "head")};

		rc = hane_store_update(db, "person", p.id, p.version, f, 1,
				       NULL);
	}
	if (rc == 0) {
		struct hane_field f[1] = {HANE_FINT("head_id", person_id)};

		rc = hane_store_update(db, "household", h.id, h.version, f, 1,
				       NULL);
	}
	return hane_store_end(db, rc);
}
