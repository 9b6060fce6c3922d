/* Riders: registry persons with a disability record, plus what the driver
 * must know (mobility aid, companion, notes) and the no-show flag.
 *
 * The engel oranı stays in the registry (person.disability_pct), never
 * copied here, so a correction there is seen at the next booking.
 */
#include <stdlib.h>
#include <string.h>

#include "hane/record.h"
#include "hane/security.h"
#include "taxi_int.h"

static const struct tx_code aids[] = {
	{"none", HANE_M_TAXI_AID_NONE, "none|yok|hicbiri|-"},
	{"walker", HANE_M_TAXI_AID_WALKER, "walker|yurutec|baston|koltuk"},
	{"wheelchair", HANE_M_TAXI_AID_WHEELCHAIR,
	 "wheelchair|tekerlekli sandalye|sandalye|tekerlekli"},
};

bool hane_taxi_aid_valid(const char *aid)
{
	return tx_code_valid(aids, TX_NCODES(aids), aid);
}

const char *hane_taxi_aid_label(const char *aid)
{
	return tx_code_label(aids, TX_NCODES(aids), aid);
}

const char *hane_taxi_aid_parse(const char *word)
{
	return tx_code_parse(aids, TX_NCODES(aids), word);
}

const char *hane_taxi_aid_shown(hane_db *db, const char *aid, char *out,
				size_t n)
{
	return hane_gate_field(
		db, HANE_ACT_TAXI_WRITE,
		hane_record_field(&hane_taxi_rider_rdef, "mobility_aid"),
		hane_taxi_aid_label(aid), out, n);
}

/* What a rider is read with from the registry: the person's name, TC
 * Kimlik No, engel oranı, phone (else the household's) and the household
 * address. */
#define FROM_PERSON(what)                                                      \
	"(SELECT " what " FROM person p WHERE p.id = t.person_id)"
#define FROM_HOME(what)                                                        \
	"(SELECT " what " FROM person p JOIN household h"                      \
	" ON h.id = p.household_id WHERE p.id = t.person_id)"
#define HOME_ADDRESS                                                           \
	"trim(coalesce(h.mahalle,'') || ' ' || coalesce(h.street,'') ||"       \
	" CASE WHEN coalesce(h.building,'') <> ''"                             \
	" THEN ' No:' || h.building ELSE '' END ||"                            \
	" CASE WHEN coalesce(h.door,'') <> ''"                                 \
	" THEN ' D:' || h.door ELSE '' END)"
#define RIDER_REGISTRY(S)                                                      \
	S(household_id, HANE_FT_INT, FROM_PERSON("p.household_id"))            \
	S(name, HANE_FT_TEXT,                                                  \
	  FROM_PERSON("p.first_name || ' ' || p.last_name"))                   \
	S(tckn, HANE_FT_TEXT, FROM_PERSON("p.tckn"))                           \
	S(disability_pct, HANE_FT_INT,                                         \
	  FROM_PERSON("coalesce(p.disability_pct, -1)"))                       \
	S(phone, HANE_FT_TEXT,                                                 \
	  FROM_HOME("coalesce(nullif(p.phone,''), h.phone, '')"))              \
	S(address, HANE_FT_TEXT, FROM_HOME(HOME_ADDRESS))
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_taxi_rider, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_taxi_rider, __VA_ARGS__)
static const struct hane_fdef rider_fields[] = {HANE_TAXI_RIDER_FIELDS(F)
							RIDER_REGISTRY(S)};
#undef F
#undef S
const struct hane_rdef hane_taxi_rider_rdef =
	HANE_RDEF(struct hane_taxi_rider, "taxi_rider", "taxi", rider_fields);

static int bind_person(hane_stmt *st, void *arg)
{
	return hane_stmt_bind_int(st, ":p", *(const int64_t *)arg);
}

/* The rider of a person, without a permission check. */
static int rider_of(hane_db *db, int64_t person_id, struct hane_taxi_rider *out)
{
	return hane_record_find(db, &hane_taxi_rider_rdef,
				" WHERE t.person_id = :p", bind_person,
				&person_id, out);
}

int hane_taxi_rider_get(hane_db *db, int64_t id, struct hane_taxi_rider *out)
{
	return tx_get(db, &hane_taxi_rider_rdef, id, out, HANE_M_TAXI_NO_RIDER);
}

int hane_taxi_rider_by_person(hane_db *db, int64_t person_id,
			      struct hane_taxi_rider *out)
{
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	return hane_store_missing(rider_of(db, person_id, out),
				  HANE_M_TAXI_NOT_RIDER, person_id);
}

/* The person's engel oranı and name, straight from the registry: the
 * taxi unit reads it without household.read, as its own rule needs it. */
struct disability {
	int *pct;
	char *name;
};

static int disability_row(hane_stmt *st, void *arg)
{
	const struct disability *d = arg;

	*d->pct = (int)hane_stmt_int(st, 0);
	snprintf(d->name, HANE_TAXI_NAME, "%s", hane_stmt_text(st, 1));
	return 0;
}

static int person_disability(hane_db *db, int64_t person_id, int *pct,
			     char name[HANE_TAXI_NAME])
{
	struct hane_field p = HANE_FINT(":id", person_id);
	struct disability d = {pct, name};
	int rc = hane_store_first(db,
				  "SELECT coalesce(disability_pct, -1),"
				  " first_name || ' ' || last_name"
				  " FROM person WHERE id = :id",
				  &p, 1, disability_row, &d);

	return hane_store_missing(rc, HANE_M_TAXI_NO_PERSON, person_id);
}

int hane_taxi_rider_save(hane_db *db, struct hane_taxi_rider *r, int64_t *id)
{
	struct hane_taxi_settings s;
	struct hane_taxi_rider old;
	char name[HANE_TAXI_NAME];
	int pct = -1, rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_WRITE)) != 0)
		return rc;
	if ((rc = tx_code_check(r->mobility_aid, sizeof r->mobility_aid, aids,
				TX_NCODES(aids), "none",
				HANE_M_TAXI_BAD_AID)) != 0 ||
	    (rc = tx_settings(db, &s)) != 0)
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
	if (!r->id && rider_of(db, r->person_id, &old) == 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_RIDER_EXISTS), name,
			       (long long)old.id);
		return HANE_EEXIST;
	}
	if ((rc = hane_record_save(db, &hane_taxi_rider_rdef, r, NULL)) != 0)
		return rc;
	if (id)
		*id = r->id;
	return hane_taxi_rider_get(db, r->id, r);
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

struct rider_search {
	const char *query;
	bool whole, full;
	int limit, n;
	int (*fn)(const struct hane_taxi_rider *r, void *arg);
	void *arg;
};

static int search_row(const void *rec, void *arg)
{
	const struct hane_taxi_rider *r = rec;
	struct rider_search *q = arg;
	const char *s = q->query;

	if (s && *s && !tx_words_match(r->name, s) &&
	    (q->whole ? strcmp(r->tckn, s) : strncmp(r->tckn, s, strlen(s))) !=
		    0)
		return 0;
	if (q->limit > 0 && q->n >= q->limit) {
		q->full = true;
		return 1;
	}
	q->n++;
	return q->fn(r, q->arg);
}

int hane_taxi_rider_search(hane_db *db, const char *query, int limit,
			   int (*fn)(const struct hane_taxi_rider *r,
				     void *arg),
			   void *arg)
{
	/* KVKK (#16): without person.unmasked a TC Kimlik No finds a rider
	 * only whole, as in the registry's search (no prefix oracle). */
	struct rider_search q = {
		query, !hane_gate_clear(db, HANE_GATE_REGISTRY, HANE_PD_TCKN),
		false, limit,
		0,     fn,
		arg};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	/* Riders are hundreds, not tens of thousands: folding each name in
	 * C keeps the Turkish rules in one place (core). */
	rc = hane_record_each(db, &hane_taxi_rider_rdef,
			      " JOIN person p ON p.id = t.person_id ORDER BY"
			      " p.first_name || ' ' || p.last_name"
			      " COLLATE TURKISH, t.id",
			      NULL, search_row, &q);
	if (q.full)
		rc = 0;
	/* Every search is logged: its length and count, not the query. */
	if (rc == 0 && query && *query)
		rc = hane_gate_search(db, "rider", strlen(query), q.n);
	return rc;
}
