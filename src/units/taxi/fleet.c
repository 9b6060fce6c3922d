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

static int required(enum hane_msg field, const char *v)
{
	if (v && *v)
		return 0;
	hane_error_set(hane_msg(HANE_M_V_REQUIRED), hane_msg(field));
	return HANE_EINVAL;
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

	if ((rc = hane_can(db, HANE_ACT_TAXI_ADMIN)) != 0)
		return rc;
	hane_text_trim(d->full_name);
	if ((rc = required(HANE_M_TAXI_F_DRIVER, d->full_name)) != 0)
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
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	rc = hane_record_get(db, &hane_taxi_driver_rdef, id, out);
	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_TAXI_NO_DRIVER), (long long)id);
	return rc;
}

int hane_taxi_driver_each(hane_db *db,
			  int (*fn)(const struct hane_taxi_driver *d,
				    void *arg),
			  void *arg)
{
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	return hane_record_each(db, &hane_taxi_driver_rdef,
				" ORDER BY t.full_name COLLATE TURKISH, t.id",
				NULL, (int (*)(const void *, void *))fn, arg);
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

int hane_taxi_vehicle_each(hane_db *db,
			   int (*fn)(const struct hane_taxi_vehicle *v,
				     void *arg),
			   void *arg)
{
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	return hane_record_each(db, &hane_taxi_vehicle_rdef,
				" ORDER BY t.plate", NULL,
				(int (*)(const void *, void *))fn, arg);
}

/* ---- Destinations ------------------------------------------------------------ */

#define DEST_SELECT                                                            \
	"SELECT id, version, name, kind, coalesce(address,''), active"         \
	" FROM taxi_destination"

static void read_dest(hane_stmt *st, struct hane_taxi_destination *d)
{
	memset(d, 0, sizeof *d);
	d->id = hane_stmt_int(st, 0);
	d->version = hane_stmt_int(st, 1);
	HANE_COPY(d->name, hane_stmt_text(st, 2));
	HANE_COPY(d->kind, hane_stmt_text(st, 3));
	HANE_COPY(d->address, hane_stmt_text(st, 4));
	d->active = hane_stmt_int(st, 5) != 0;
}

static bool kind_valid(const char *k)
{
	static const char *const kinds[] = {"hospital", "physio", "dialysis",
					    "clinic", "other"};

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(k, kinds[i]) == 0)
			return true;
	return false;
}

int hane_taxi_destination_save(hane_db *db, struct hane_taxi_destination *d,
			       int64_t *id)
{
	int64_t newid = d->id;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_ADMIN)) != 0)
		return rc;
	hane_text_trim(d->name);
	if ((rc = required(HANE_M_TAXI_F_DESTINATION, d->name)) != 0)
		return rc;
	if (!d->kind[0])
		HANE_COPY(d->kind, "other");
	if (!kind_valid(d->kind)) {
		hane_error_set(hane_msg(HANE_M_TAXI_BAD_KIND), d->kind);
		return HANE_EINVAL;
	}
	{
		struct hane_field f[] = {
			HANE_FTEXT("name", d->name),
			HANE_FTEXT("kind", d->kind),
			HANE_FTEXT("address",
				   d->address[0] ? d->address : NULL),
			HANE_FINT("active", d->active ? 1 : 0),
		};

		if (d->id)
			rc = hane_store_update(db, "taxi_destination", d->id,
					       d->version, f, 4, NULL);
		else
			rc = hane_store_insert(db, "taxi_destination", f, 4,
					       &newid);
	}
	if (rc == 0 && id)
		*id = newid;
	return rc;
}

static int dest_each(hane_db *db, bool all,
		     int (*fn)(const struct hane_taxi_destination *d,
			       void *arg),
		     void *arg)
{
	struct hane_taxi_destination d;
	hane_stmt *st = NULL;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	rc = hane_stmt_prepare(
		db, &st,
		all ? DEST_SELECT " ORDER BY active DESC, name COLLATE TURKISH"
		    : DEST_SELECT " WHERE active = 1"
				  " ORDER BY name COLLATE TURKISH");
	while (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		read_dest(st, &d);
		rc = fn(&d, arg);
	}
	hane_stmt_finalize(st);
	return rc == HANE_DONE ? 0 : rc;
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

int hane_taxi_destination_find(hane_db *db, const char *key,
			       struct hane_taxi_destination *out)
{
	struct hane_taxi_destination d;
	hane_stmt *st = NULL;
	char names[512] = "";
	char *end;
	long long id;
	int rc, hits = 0;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	if (!key || !*key)
		return required(HANE_M_TAXI_F_DESTINATION, key);
	id = strtoll(key, &end, 10);
	rc = hane_stmt_prepare(db, &st,
			       DEST_SELECT " ORDER BY active DESC,"
					   " name COLLATE TURKISH");
	while (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		char a[HANE_TAXI_NAME * 2], b[HANE_TAXI_NAME * 2];

		rc = 0;
		read_dest(st, &d);
		if (!*end && d.id == id) {
			*out = d;
			hits = 1;
			break;
		}
		hane_text_fold(a, sizeof a, d.name);
		hane_text_fold(b, sizeof b, key);
		if (strcmp(a, b) == 0) { /* exact name wins over prefixes */
			*out = d;
			hits = 1;
			break;
		}
		if (d.active && tx_words_match(d.name, key)) {
			if (hits++ == 0)
				*out = d;
			if (strlen(names) + strlen(d.name) + 3 < sizeof names) {
				if (names[0])
					strcat(names, ", ");
				strcat(names, d.name);
			}
		}
	}
	hane_stmt_finalize(st);
	if (rc < 0)
		return rc;
	if (hits == 1)
		return 0;
	if (hits == 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_NO_DESTINATION), key);
		return HANE_ENOTFOUND;
	}
	hane_error_set(hane_msg(HANE_M_TAXI_AMBIGUOUS_DESTINATION), key, names);
	return HANE_EINVAL;
}
