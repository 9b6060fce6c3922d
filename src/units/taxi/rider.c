/* Riders: registry persons with a disability record, plus what the driver
 * must know (mobility aid, companion, notes) and the no-show flag.
 *
 * The engel oranı stays in the registry (person.disability_pct), never
 * copied here, so a correction there is seen at the next booking.
 */
#include <stdlib.h>
#include <string.h>

#include "hane/security.h"
#include "taxi_int.h"

static const struct {
	const char *name;
	enum hane_msg label;
	const char *words; /* other words typed for it, folded */
} aids[] = {
	{"none", HANE_M_TAXI_AID_NONE, "none|yok|hicbiri|-"},
	{"walker", HANE_M_TAXI_AID_WALKER, "walker|yurutec|baston|koltuk"},
	{"wheelchair", HANE_M_TAXI_AID_WHEELCHAIR,
	 "wheelchair|tekerlekli sandalye|sandalye|tekerlekli"},
};
#define NAIDS (sizeof aids / sizeof aids[0])

bool hane_taxi_aid_valid(const char *aid)
{
	for (size_t i = 0; aid && i < NAIDS; i++)
		if (strcmp(aid, aids[i].name) == 0)
			return true;
	return false;
}

const char *hane_taxi_aid_label(const char *aid)
{
	for (size_t i = 0; aid && i < NAIDS; i++)
		if (strcmp(aid, aids[i].name) == 0)
			return hane_msg(aids[i].label);
	return aid ? aid : "";
}

/* Finds word among "a|b|c" alternatives (folded) or a label. */
static bool word_in(const char *word, const char *alts, const char *label)
{
	char w[128], l[128], a[256], *save = NULL, *t;

	hane_text_fold(w, sizeof w, word);
	hane_text_fold(l, sizeof l, label);
	if (!w[0])
		return false;
	if (strcmp(w, l) == 0)
		return true;
	snprintf(a, sizeof a, "%s", alts);
	for (t = strtok_r(a, "|", &save); t; t = strtok_r(NULL, "|", &save))
		if (strcmp(w, t) == 0)
			return true;
	return false;
}

const char *hane_taxi_aid_parse(const char *word)
{
	for (size_t i = 0; word && i < NAIDS; i++)
		if (word_in(word, aids[i].words,
			    hane_msg_in(aids[i].label, HANE_LANG_TR)) ||
		    word_in(word, "", hane_msg_in(aids[i].label, HANE_LANG_EN)))
			return aids[i].name;
	return NULL;
}

#define RIDER_SELECT                                                           \
	"SELECT r.id, r.version, r.person_id, r.mobility_aid, r.companion,"    \
	" coalesce(r.driver_notes,''), r.active, r.flagged,"                   \
	" coalesce(r.flagged_at,''), p.household_id,"                          \
	" p.first_name || ' ' || p.last_name, coalesce(p.tckn,''),"            \
	" coalesce(p.disability_pct, -1),"                                     \
	" coalesce(nullif(p.phone,''), h.phone, ''),"                          \
	" trim(coalesce(h.mahalle,'') || ' ' || coalesce(h.street,'') ||"      \
	"  CASE WHEN coalesce(h.building,'') <> ''"                            \
	"   THEN ' No:' || h.building ELSE '' END ||"                          \
	"  CASE WHEN coalesce(h.door,'') <> ''"                                \
	"   THEN ' D:' || h.door ELSE '' END)"                                 \
	" FROM taxi_rider r JOIN person p ON p.id = r.person_id"               \
	" JOIN household h ON h.id = p.household_id"

static void read_rider(hane_stmt *st, struct hane_taxi_rider *r)
{
	memset(r, 0, sizeof *r);
	r->id = hane_stmt_int(st, 0);
	r->version = hane_stmt_int(st, 1);
	r->person_id = hane_stmt_int(st, 2);
	HANE_COPY(r->mobility_aid, hane_stmt_text(st, 3));
	r->companion = hane_stmt_int(st, 4) != 0;
	HANE_COPY(r->driver_notes, hane_stmt_text(st, 5));
	r->active = hane_stmt_int(st, 6) != 0;
	r->flagged = hane_stmt_int(st, 7) != 0;
	HANE_COPY(r->flagged_at, hane_stmt_text(st, 8));
	r->household_id = hane_stmt_int(st, 9);
	HANE_COPY(r->name, hane_stmt_text(st, 10));
	HANE_COPY(r->tckn, hane_stmt_text(st, 11));
	r->disability_pct = (int)hane_stmt_int(st, 12);
	HANE_COPY(r->phone, hane_stmt_text(st, 13));
	HANE_COPY(r->address, hane_stmt_text(st, 14));
}

static int rider_query(hane_db *db, const char *where, int64_t v,
		       struct hane_taxi_rider *out)
{
	char sql[2048];
	hane_stmt *st = NULL;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	snprintf(sql, sizeof sql, "%s %s", RIDER_SELECT, where);
	rc = hane_stmt_prepare(db, &st, sql);
	if (rc == 0)
		rc = hane_stmt_bind_int(st, ":v", v);
	if (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		read_rider(st, out);
		rc = 0;
	} else if (rc == HANE_DONE) {
		rc = HANE_ENOTFOUND;
	}
	hane_stmt_finalize(st);
	return rc;
}

int hane_taxi_rider_get(hane_db *db, int64_t id, struct hane_taxi_rider *out)
{
	int rc = rider_query(db, "WHERE r.id = :v", id, out);

	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_TAXI_NO_RIDER), (long long)id);
	return rc;
}

int hane_taxi_rider_by_person(hane_db *db, int64_t person_id,
			      struct hane_taxi_rider *out)
{
	int rc = rider_query(db, "WHERE r.person_id = :v", person_id, out);

	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_TAXI_NOT_RIDER),
			       (long long)person_id);
	return rc;
}

/* The person's engel oranı and name, straight from the registry: the
 * taxi unit reads it without household.read, as its own rule needs it. */
static int person_disability(hane_db *db, int64_t person_id, int *pct,
			     char name[HANE_TAXI_NAME])
{
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(
		db, &st,
		"SELECT coalesce(disability_pct, -1),"
		" first_name || ' ' || last_name FROM person WHERE id = :id");

	if (rc == 0)
		rc = hane_stmt_bind_int(st, ":id", person_id);
	if (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		*pct = (int)hane_stmt_int(st, 0);
		snprintf(name, HANE_TAXI_NAME, "%s", hane_stmt_text(st, 1));
		rc = 0;
	} else if (rc == HANE_DONE) {
		hane_error_set(hane_msg(HANE_M_TAXI_NO_PERSON),
			       (long long)person_id);
		rc = HANE_ENOTFOUND;
	}
	hane_stmt_finalize(st);
	return rc;
}

int hane_taxi_rider_save(hane_db *db, struct hane_taxi_rider *r, int64_t *id)
{
	struct hane_taxi_settings s;
	struct hane_taxi_rider old;
	char name[HANE_TAXI_NAME];
	int64_t newid = r->id;
	int pct = -1, rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_WRITE)) != 0)
		return rc;
	if (!r->mobility_aid[0])
		HANE_COPY(r->mobility_aid, "none");
	if (!hane_taxi_aid_valid(r->mobility_aid)) {
		hane_error_set(hane_msg(HANE_M_TAXI_BAD_AID), r->mobility_aid);
		return HANE_EINVAL;
	}
	if ((rc = tx_settings(db, &s)) != 0)
		return rc;
	if (r->id) {
		if ((rc = hane_taxi_rider_get(db, r->id, &old)) != 0)
			return rc;
		r->person_id = old.person_id;
	}
	if ((rc = person_disability(db, r->person_id, &pct, name)) != 0)
		return rc;
	/* Only a new registration needs the record: a rider whose
	 * percentage was lowered later keeps their history editable. */
	if (!r->id && pct < 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_NO_DISABILITY), name,
			       (long long)r->person_id);
		return HANE_EINVAL;
	}
	if (!r->id && pct < s.min_disability) {
		hane_error_set(hane_msg(HANE_M_TAXI_LOW_DISABILITY), name, pct,
			       s.min_disability);
		return HANE_EINVAL;
	}
	if (!r->id && rider_query(db, "WHERE r.person_id = :v", r->person_id,
				  &old) == 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_RIDER_EXISTS), name,
			       (long long)old.id);
		return HANE_EEXIST;
	}
	{
		struct hane_field f[] = {
			HANE_FINT("person_id", r->person_id),
			HANE_FTEXT("mobility_aid", r->mobility_aid),
			HANE_FINT("companion", r->companion ? 1 : 0),
			HANE_FTEXT("driver_notes",
				   r->driver_notes[0] ? r->driver_notes : NULL),
			HANE_FINT("active", r->active ? 1 : 0),
		};

		if (r->id)
			rc = hane_store_update(db, "taxi_rider", r->id,
					       r->version, f + 1, 4, NULL);
		else
			rc = hane_store_insert(db, "taxi_rider", f, 5, &newid);
	}
	if (rc)
		return rc;
	if (id)
		*id = newid;
	return hane_taxi_rider_get(db, newid, r);
}

int hane_taxi_rider_unflag(hane_db *db, int64_t rider_id, const char *reason)
{
	struct hane_taxi_rider r;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_OVERRIDE)) != 0)
		return rc;
	if (!reason || !*reason) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_TAXI_F_REASON));
		return HANE_EINVAL;
	}
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_taxi_rider_get(db, rider_id, &r);
	if (rc == 0 && r.flagged) {
		struct hane_field f[] = {HANE_FINT("flagged", 0),
					 HANE_FNULL("flagged_at")};

		rc = hane_store_update(db, "taxi_rider", rider_id, r.version, f,
				       2, NULL);
		if (rc == 0)
			rc = hane_store_audit_event(db, "taxi.unflag",
						    "taxi_rider", rider_id,
						    reason);
	}
	return tx_finish(db, rc);
}

int hane_taxi_rider_search(hane_db *db, const char *query, int limit,
			   int (*fn)(const struct hane_taxi_rider *r,
				     void *arg),
			   void *arg)
{
	struct hane_taxi_rider r;
	hane_stmt *st = NULL;
	int rc, n = 0;
	/* KVKK (#16): without person.unmasked a TC Kimlik No finds a rider
	 * only whole, as in the registry's search (no prefix oracle). */
	bool whole = !hane_gate_clear(db, HANE_GATE_REGISTRY, HANE_PD_TCKN);

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	/* Riders are hundreds, not tens of thousands: folding each name in
	 * C keeps the Turkish rules in one place (core). */
	rc = hane_stmt_prepare(db, &st,
			       RIDER_SELECT
			       " ORDER BY p.first_name || ' ' ||"
			       " p.last_name COLLATE TURKISH, r.id");
	while (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		rc = 0;
		read_rider(st, &r);
		if (query && *query && !tx_words_match(r.name, query) &&
		    (whole ? strcmp(r.tckn, query)
			   : strncmp(r.tckn, query, strlen(query))) != 0)
			continue;
		if (limit > 0 && n >= limit)
			break;
		n++;
		rc = fn(&r, arg);
	}
	hane_stmt_finalize(st);
	if (rc == HANE_DONE)
		rc = 0;
	/* Every search is logged: its length and count, not the query. */
	if (rc == 0 && query && *query)
		rc = hane_gate_search(db, "rider", strlen(query), n);
	return rc;
}
