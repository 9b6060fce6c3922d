/* Drivers, vehicles and the list of frequent destinations: the unit's own
 * reference rows, edited by a taxi administrator. */
#include <stdlib.h>
#include <string.h>

#include "hane/record.h"
#include "taxi_int.h"

bool tx_words_match(const char *name, const char *query)
{
	char n[512], q[512], *save = NULL, *w;

	hane_text_fold(n, sizeof n, name);
	hane_text_fold(q, sizeof q, query);
	for (w = strtok_r(q, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		size_t len = strlen(w);
		const char *p = n;
		bool hit = false;

		while (*p && !hit) {
			if (strncmp(p, w, len) == 0)
				hit = true;
			p = strchr(p, ' ');
			p = p ? p + 1 : "";
		}
		if (!hit)
			return false;
	}
	return true;
}

int tx_get(hane_db *db, const struct hane_rdef *def, int64_t id, void *out,
	   enum hane_msg not_found)
{
	int rc = hane_can(db, HANE_ACT_TAXI_READ);

	return rc ? rc
		  : hane_store_missing(hane_record_get(db, def, id, out),
				       not_found, id);
}

int tx_list(hane_db *db, const struct hane_rdef *def, const char *tail,
	    const struct hane_field *p, size_t n,
	    int (*fn)(const void *rec, void *arg), void *arg)
{
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	return hane_record_list(db, def, tail, p, n, fn, arg);
}

static int required(enum hane_msg field, const char *v)
{
	if (v && *v)
		return 0;
	hane_error_set(hane_msg(HANE_M_V_REQUIRED), hane_msg(field));
	return HANE_EINVAL;
}

/* A reference row's save starts so: taxi.admin, and its name trimmed and
 * given (field names it when not). */
static int admin_named(hane_db *db, char *name, enum hane_msg field)
{
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_ADMIN)) != 0)
		return rc;
	hane_text_trim(name);
	return required(field, name);
}

/* ---- Drivers ---------------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_taxi_driver, __VA_ARGS__)
static const struct hane_fdef driver_fields[] = {HANE_TAXI_DRIVER_FIELDS(F)};
#undef F
const struct hane_rdef hane_taxi_driver_rdef = HANE_RDEF(
	struct hane_taxi_driver, "taxi_driver", "taxi", driver_fields);

int hane_taxi_driver_save(hane_db *db, struct hane_taxi_driver *d, int64_t *id)
{
	char e164[HANE_PHONE_LEN + 1] = "";
	int rc;

	if ((rc = admin_named(db, d->full_name, HANE_M_TAXI_F_DRIVER)) != 0)
		return rc;
	if (d->phone[0] && (rc = hane_phone_normalize(e164, d->phone)) != 0) {
		char why[512];

		snprintf(why, sizeof why, "%s", hane_error_last());
		hane_error_set("%s: %s", hane_msg(HANE_M_F_PHONE), why);
		return rc;
	}
	HANE_COPY(d->phone, e164);
	if ((rc = hane_record_save(db, &hane_taxi_driver_rdef, d, NULL)) != 0)
		return rc;
	if (id)
		*id = d->id;
	return hane_taxi_driver_get(db, d->id, d);
}

int hane_taxi_driver_get(hane_db *db, int64_t id, struct hane_taxi_driver *out)
{
	return tx_get(db, &hane_taxi_driver_rdef, id, out,
		      HANE_M_TAXI_NO_DRIVER);
}

HANE_RECORD_EACH_FN(driver, struct hane_taxi_driver)

int hane_taxi_driver_each(hane_db *db,
			  int (*fn)(const struct hane_taxi_driver *d,
				    void *arg),
			  void *arg)
{
	struct driver_each e = {fn, arg};

	return tx_list(db, &hane_taxi_driver_rdef,
		       " ORDER BY t.full_name COLLATE TURKISH, t.id", NULL, 0,
		       driver_call, &e);
}

/* ---- Vehicles --------------------------------------------------------------- */

#define F(...) HANE_FDEF(struct hane_taxi_vehicle, __VA_ARGS__)
static const struct hane_fdef vehicle_fields[] = {HANE_TAXI_VEHICLE_FIELDS(
	F) HANE_FDEF_SQL(struct hane_taxi_vehicle, driver_name, HANE_FT_TEXT,
			 "(SELECT d.full_name FROM taxi_driver d WHERE d.id = "
			 "t.driver_id)",
			 "Sürücü", "Driver")};
#undef F
const struct hane_rdef hane_taxi_vehicle_rdef = HANE_RDEF(
	struct hane_taxi_vehicle, "taxi_vehicle", "taxi", vehicle_fields);

int hane_taxi_vehicle_save(hane_db *db, struct hane_taxi_vehicle *v,
			   int64_t *id)
{
	char plate[HANE_TAXI_PLATE];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_ADMIN)) != 0)
		return rc;
	if ((rc = hane_taxi_plate_normalize(plate, v->plate)) != 0)
		return rc;
	if (v->wheelchair_places < 0 || v->wheelchair_places > 9 ||
	    v->seats < 0 || v->seats > 20 ||
	    v->wheelchair_places + v->seats == 0) {
		hane_error_set("%s", hane_msg(HANE_M_TAXI_BAD_CAPACITY));
		return HANE_EINVAL;
	}
	if (v->driver_id) {
		struct hane_taxi_driver d;

		if ((rc = hane_taxi_driver_get(db, v->driver_id, &d)) != 0)
			return rc;
	}
	HANE_COPY(v->plate, plate);
	rc = hane_record_save(db, &hane_taxi_vehicle_rdef, v, NULL);
	if (rc == HANE_EEXIST)
		hane_error_set(hane_msg(HANE_M_TAXI_PLATE_EXISTS), v->plate);
	if (rc)
		return rc;
	if (id)
		*id = v->id;
	{
		char key[32];

		snprintf(key, sizeof key, "%lld", (long long)v->id);
		return hane_taxi_vehicle_find(db, key, v);
	}
}

static int bind_plate(hane_stmt *st, void *arg)
{
	return hane_stmt_bind_text(st, ":p", arg);
}

int hane_taxi_vehicle_find(hane_db *db, const char *key,
			   struct hane_taxi_vehicle *out)
{
	char plate[HANE_TAXI_PLATE];
	char *end;
	long long id;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	id = key && *key ? strtoll(key, &end, 10) : 0;
	if (key && *key && !*end && id > 0)
		rc = hane_record_get(db, &hane_taxi_vehicle_rdef, id, out);
	else if (hane_taxi_plate_normalize(plate, key) != 0)
		return HANE_EINVAL;
	else
		rc = hane_record_find(db, &hane_taxi_vehicle_rdef,
				      " WHERE t.plate = :p", bind_plate, plate,
				      out);
	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_TAXI_NO_VEHICLE),
			       key ? key : "");
	return rc;
}

HANE_RECORD_EACH_FN(vehicle, struct hane_taxi_vehicle)

int hane_taxi_vehicle_each(hane_db *db,
			   int (*fn)(const struct hane_taxi_vehicle *v,
				     void *arg),
			   void *arg)
{
	struct vehicle_each e = {fn, arg};

	return tx_list(db, &hane_taxi_vehicle_rdef, " ORDER BY t.plate", NULL,
		       0, vehicle_call, &e);
}

/* ---- Destinations ------------------------------------------------------------ */

#define F(...) HANE_FDEF(struct hane_taxi_destination, __VA_ARGS__)
static const struct hane_fdef dest_fields[] = {HANE_TAXI_DESTINATION_FIELDS(F)};
#undef F
const struct hane_rdef hane_taxi_destination_rdef = HANE_RDEF(
	struct hane_taxi_destination, "taxi_destination", "taxi", dest_fields);

static const struct tx_code kinds[] = {
	{"hospital", HANE_M_TAXI_K_HOSPITAL, NULL},
	{"physio", HANE_M_TAXI_K_PHYSIO, NULL},
	{"dialysis", HANE_M_TAXI_K_DIALYSIS, NULL},
	{"clinic", HANE_M_TAXI_K_CLINIC, NULL},
	{"other", HANE_M_TAXI_K_OTHER, NULL},
};

const char *hane_taxi_kind_label(const char *kind)
{
	return tx_code_label(kinds, TX_NCODES(kinds), kind);
}

int hane_taxi_destination_save(hane_db *db, struct hane_taxi_destination *d,
			       int64_t *id)
{
	int rc;

	if ((rc = admin_named(db, d->name, HANE_M_TAXI_F_DESTINATION)) != 0)
		return rc;
	if ((rc = tx_code_check(d->kind, sizeof d->kind, kinds,
				TX_NCODES(kinds), "other",
				HANE_M_TAXI_BAD_KIND)) != 0)
		return rc;
	rc = hane_record_save(db, &hane_taxi_destination_rdef, d, NULL);
	if (rc == 0 && id)
		*id = d->id;
	return rc;
}

HANE_RECORD_EACH_FN(destination, struct hane_taxi_destination)

static int dest_each(hane_db *db, bool all,
		     int (*fn)(const struct hane_taxi_destination *d,
			       void *arg),
		     void *arg)
{
	struct destination_each e = {fn, arg};

	return tx_list(
		db, &hane_taxi_destination_rdef,
		all ? " ORDER BY t.active DESC, t.name COLLATE TURKISH"
		    : " WHERE t.active = 1 ORDER BY t.name COLLATE TURKISH",
		NULL, 0, destination_call, &e);
}

int hane_taxi_destination_each(hane_db *db,
			       int (*fn)(const struct hane_taxi_destination *d,
					 void *arg),
			       void *arg)
{
	return dest_each(db, false, fn, arg);
}

int hane_taxi_destination_each_all(
	hane_db *db,
	int (*fn)(const struct hane_taxi_destination *d, void *arg), void *arg)
{
	return dest_each(db, true, fn, arg);
}

/* Destination by id, by its whole name, or by the start of its words
 * among the active ones (more than one: ambiguous, naming them). */
struct dest_find {
	const char *key, *end;
	long long id;
	char folded[HANE_TAXI_NAME * 2];
	struct hane_taxi_destination *out;
	char names[512];
	int hits;
};

static int dest_match(const void *rec, void *arg)
{
	const struct hane_taxi_destination *d = rec;
	struct dest_find *q = arg;
	char a[HANE_TAXI_NAME * 2];

	hane_text_fold(a, sizeof a, d->name);
	if ((!*q->end && d->id == q->id) || strcmp(a, q->folded) == 0) {
		*q->out = *d; /* an id or the exact name wins over prefixes */
		q->hits = 1;
		return 1;
	}
	if (d->active && tx_words_match(d->name, q->key)) {
		if (q->hits++ == 0)
			*q->out = *d;
		if (strlen(q->names) + strlen(d->name) + 3 < sizeof q->names) {
			if (q->names[0])
				strcat(q->names, ", ");
			strcat(q->names, d->name);
		}
	}
	return 0;
}

int hane_taxi_destination_find(hane_db *db, const char *key,
			       struct hane_taxi_destination *out)
{
	struct dest_find q = {.key = key, .out = out};
	char *end;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	if (!key || !*key)
		return required(HANE_M_TAXI_F_DESTINATION, key);
	q.id = strtoll(key, &end, 10);
	q.end = end;
	hane_text_fold(q.folded, sizeof q.folded, key);
	rc = hane_record_each(db, &hane_taxi_destination_rdef,
			      " ORDER BY t.active DESC, t.name COLLATE TURKISH",
			      NULL, dest_match, &q);
	if (rc < 0)
		return rc;
	if (q.hits == 1)
		return 0;
	if (q.hits == 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_NO_DESTINATION), key);
		return HANE_ENOTFOUND;
	}
	hane_error_set(hane_msg(HANE_M_TAXI_AMBIGUOUS_DESTINATION), key,
		       q.names);
	return HANE_EINVAL;
}
