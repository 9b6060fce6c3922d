/* Bulk writes of households and persons: the import's and demo's path.
 *
 * Why not the single-row functions in a loop: each of those re-validates
 * the household, looks up duplicates twice, builds its SQL and audit JSON,
 * writes an audit row per insert and then updates the household's head —
 * ten statements a person. Here a person is one insert plus its search
 * words, a head's household one insert more, and the batch leaves one
 * audit event naming what it created.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "households_int.h"

struct hane_hh_bulk {
	hane_db *db;
	hane_stmt *household, *person, *word, *tckn;
	char now[20];
	char event[32];
	int64_t next_person;          /* ids are ours inside the transaction */
	int64_t first_household, last_household, households;
	int64_t first_person, last_person, persons;
};

int hane_hh_bulk_begin(hane_db *db, hane_hh_bulk **out, const char *event)
{
	hane_hh_bulk *b;
	int rc;

	*out = NULL;
	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	b = calloc(1, sizeof *b);
	if (!b)
		return HANE_ENOMEM;
	b->db = db;
	hane_now(b->now);
	snprintf(b->event, sizeof b->event, "%s", event ? event : "import");
	if ((rc = hane_store_begin(db)) != 0) {
		free(b);
		return rc;
	}
	/* Inside BEGIN IMMEDIATE nobody else writes: max(id)+1 is ours. */
	rc = hane_store_query_int(db, &b->next_person,
				  "SELECT coalesce(max(id), 0) + 1 FROM person",
				  NULL, 0);
	if (rc == 0)
		rc = hane_stmt_prepare(
			db, &b->household,
			"INSERT INTO household(head_id, mahalle, street, building,"
			" door, phone, phone_key, income_kurus, status, notes,"
			" version, created_at, created_by, updated_at, updated_by)"
			" VALUES(:head, :mahalle, :street, :building, :door,"
			" :phone, :phone_key, :income, :status, :notes, 1, :now,"
			" :by, :now, :by)");
	if (rc == 0)
		rc = hane_stmt_prepare(
			db, &b->person,
			"INSERT INTO person(id, household_id, tckn, first_name,"
			" last_name, name_key, birth_date, sex, relation,"
			" disability_pct, chronic_illness, phone, phone_key,"
			" version, created_at, created_by, updated_at, updated_by)"
			" VALUES(:id, :hh, :tckn, :first, :last, :key, :birth,"
			" :sex, :relation, :dis, :chronic, :phone, :phone_key, 1,"
			" :now, :by, :now, :by)");
	if (rc == 0)
		rc = hane_stmt_prepare(db, &b->tckn,
				       "SELECT id, household_id, first_name || ' '"
				       " || last_name FROM person WHERE tckn = :t");
	if (rc == 0)
		rc = hane_stmt_prepare(db, &b->word,
				       "INSERT OR IGNORE INTO person_word(word,"
				       " person_id) VALUES(:w, :id)");
	if (rc) {
		hane_stmt_finalize(b->household);
		hane_stmt_finalize(b->person);
		hane_stmt_finalize(b->word);
		hane_stmt_finalize(b->tckn);
		free(b);
		return hane_store_end(db, rc);
	}
	*out = b;
	return 0;
}

/* A TC Kimlik No already registered (also earlier in this batch: our own
 * inserts are visible to us) is refused before anything is written, so a
 * failed row never dooms the batch's transaction. */
static int check_tckn(hane_hh_bulk *b, const char *tckn)
{
	hane_stmt *st = b->tckn;
	int rc;

	if (!tckn[0])
		return 0;
	if ((rc = hane_stmt_bind_text(st, ":t", tckn)) != 0)
		return rc;
	rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		hane_error_set(hane_msg(HANE_M_DUP_TCKN), tckn,
			       (long long)hane_stmt_int(st, 0),
			       hane_stmt_text(st, 2),
			       (long long)hane_stmt_int(st, 1));
		rc = HANE_EEXIST;
	}
	hane_stmt_reset(st);
	return rc < 0 ? rc : (rc == HANE_EEXIST ? rc : 0);
}

static int text_or_null(hane_stmt *st, const char *name, const char *v)
{
	return hane_stmt_bind_text(st, name, v && *v ? v : NULL);
}

static int int_or_null(hane_stmt *st, const char *name, int64_t v)
{
	return v >= 0 ? hane_stmt_bind_int(st, name, v)
		      : hane_stmt_bind_null(st, name);
}

static int step_once(hane_stmt *st)
{
	int rc = hane_stmt_step(st);

	hane_stmt_reset(st);
	return rc == HANE_DONE ? 0 : rc;
}

/* Inserts p as person id b->next_person, and its words. A unique
 * violation is a row error, not a batch error: the statement failed alone
 * and the transaction is still good, so the batch is not doomed. */
static int put_person(hane_hh_bulk *b, const struct hane_person *p,
		      int64_t household_id, int64_t *person_id)
{
	char key[2 * HANE_NAME_MAX], pkey[16], words[2 * HANE_NAME_MAX];
	hane_stmt *st = b->person;
	int64_t id = b->next_person;
	int rc;

	hh_name_key(key, p->first_name, p->last_name);
	if ((rc = hane_stmt_bind_int(st, ":id", id)) ||
	    (rc = hane_stmt_bind_int(st, ":hh", household_id)) ||
	    (rc = text_or_null(st, ":tckn", p->tckn)) ||
	    (rc = hane_stmt_bind_text(st, ":first", p->first_name)) ||
	    (rc = hane_stmt_bind_text(st, ":last", p->last_name)) ||
	    (rc = hane_stmt_bind_text(st, ":key", key)) ||
	    (rc = text_or_null(st, ":birth", p->birth_date)) ||
	    (rc = text_or_null(st, ":sex", p->sex)) ||
	    (rc = hane_stmt_bind_text(st, ":relation", p->relation)) ||
	    (rc = int_or_null(st, ":dis", p->disability_pct)) ||
	    (rc = text_or_null(st, ":chronic", p->chronic_illness)) ||
	    (rc = text_or_null(st, ":phone", p->phone)) ||
	    (rc = hane_stmt_bind_text(st, ":phone_key",
				      hh_phone_key(pkey, p->phone))) ||
	    (rc = hane_stmt_bind_text(st, ":now", b->now)) ||
	    (rc = hane_stmt_bind_text(st, ":by",
				      hane_store_actor(b->db)->username)))
		return rc;
	if ((rc = step_once(st)) != 0)
		return rc;
	snprintf(words, sizeof words, "%s", key);
	for (char *save = NULL, *w = strtok_r(words, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		if ((rc = hane_stmt_bind_text(b->word, ":w", w)) ||
		    (rc = hane_stmt_bind_int(b->word, ":id", id)) ||
		    (rc = step_once(b->word)))
			return rc;
	}
	b->next_person++;
	if (!b->first_person)
		b->first_person = id;
	b->last_person = id;
	b->persons++;
	if (person_id)
		*person_id = id;
	return 0;
}


int hane_hh_bulk_household(hane_hh_bulk *b, const struct hane_household *h,
			   const struct hane_person *head,
			   int64_t *household_id, int64_t *person_id)
{
	struct hane_person p = *head;
	hane_stmt *st = b->household;
	char pkey[16];
	int64_t hid;
	int rc;

	strcpy(p.relation, "head");
	if ((rc = hane_household_validate(b->db, h)) != 0 ||
	    (rc = hane_person_validate(&p)) != 0)
		return rc;
	if ((rc = check_tckn(b, p.tckn)) != 0)
		return rc;
	if ((rc = hane_stmt_bind_int(st, ":head", b->next_person)) ||
	    (rc = text_or_null(st, ":mahalle", h->mahalle)) ||
	    (rc = text_or_null(st, ":street", h->street)) ||
	    (rc = text_or_null(st, ":building", h->building)) ||
	    (rc = text_or_null(st, ":door", h->door)) ||
	    (rc = text_or_null(st, ":phone", h->phone)) ||
	    (rc = hane_stmt_bind_text(st, ":phone_key",
				      hh_phone_key(pkey, h->phone))) ||
	    (rc = int_or_null(st, ":income", h->income_kurus)) ||
	    (rc = hane_stmt_bind_text(st, ":status", h->status)) ||
	    (rc = text_or_null(st, ":notes", h->notes)) ||
	    (rc = hane_stmt_bind_text(st, ":now", b->now)) ||
	    (rc = hane_stmt_bind_text(st, ":by",
				      hane_store_actor(b->db)->username)) ||
	    (rc = step_once(st)))
		return rc;
	hid = hane_store_last_id(b->db);
	rc = put_person(b, &p, hid, person_id);
	if (rc)
		return rc; /* the duplicate was checked: anything else is fatal */
	if (!b->first_household)
		b->first_household = hid;
	b->last_household = hid;
	b->households++;
	if (household_id)
		*household_id = hid;
	return 0;
}

int hane_hh_bulk_person(hane_hh_bulk *b, const struct hane_person *p,
			int64_t *person_id)
{
	int rc;

	if (strcmp(p->relation, "head") == 0) {
		hane_error_set("%s", hane_msg(HANE_M_HEAD_ONLY_VIA_SET));
		return HANE_EINVAL;
	}
	if ((rc = hane_person_validate(p)) != 0)
		return rc;
	if ((rc = check_tckn(b, p->tckn)) != 0)
		return rc;
	return put_person(b, p, p->household_id, person_id);
}


int hane_hh_bulk_end(hane_hh_bulk *b, bool commit, const char *detail)
{
	hane_db *db;
	char *json = NULL;
	int rc = 0;

	if (!b)
		return 0;
	db = b->db;
	hane_stmt_finalize(b->household);
	hane_stmt_finalize(b->person);
	hane_stmt_finalize(b->word);
	hane_stmt_finalize(b->tckn);
	if (commit && (b->households || b->persons)) {
		size_t n = 256 + (detail ? strlen(detail) : 0);

		json = malloc(n);
		if (!json) {
			rc = HANE_ENOMEM;
		} else {
			snprintf(json, n,
				 "{\"households\":%lld,\"household_ids\":"
				 "[%lld,%lld],\"persons\":%lld,\"person_ids\":"
				 "[%lld,%lld]%s%s}",
				 (long long)b->households,
				 (long long)b->first_household,
				 (long long)b->last_household,
				 (long long)b->persons,
				 (long long)b->first_person,
				 (long long)b->last_person,
				 detail ? ",\"detail\":" : "",
				 detail ? detail : "");
			rc = hane_store_audit_event(db, b->event, "person", 0,
						    json);
		}
	}
	/* Not committing is a rollback even when nothing failed. */
	rc = hane_store_end(db, !commit && rc == 0 ? HANE_EINVAL : rc);
	if (!commit)
		rc = 0;
	free(json);
	free(b);
	return rc;
}
