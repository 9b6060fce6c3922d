/* Drivers, vehicles and the list of frequent destinations: the unit's own
 * reference rows, edited by a taxi administrator. */
#include <stdlib.h>
#include <string.h>

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

#define DRIVER_SELECT                                                          \
	"SELECT id, version, full_name, coalesce(phone,''), active,"           \
	" coalesce(notes,'') FROM taxi_driver"

static void read_driver(hane_stmt *st, struct hane_taxi_driver *d)
{
	memset(d, 0, sizeof *d);
	d->id = hane_stmt_int(st, 0);
	d->version = hane_stmt_int(st, 1);
	TX_COPY(d->full_name, st, 2);
	TX_COPY(d->phone, st, 3);
	d->active = hane_stmt_int(st, 4) != 0;
	TX_COPY(d->notes, st, 5);
}

int hane_taxi_driver_save(hane_db *db, struct hane_taxi_driver *d, int64_t *id)
{
	char e164[HANE_PHONE_LEN + 1] = "";
	int64_t newid = d->id;
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
	TX_SET(d->phone, e164);
	{
		struct hane_field f[] = {
			HANE_FTEXT("full_name", d->full_name),
			HANE_FTEXT("phone", d->phone[0] ? d->phone : NULL),
			HANE_FINT("active", d->active ? 1 : 0),
			HANE_FTEXT("notes", d->notes[0] ? d->notes : NULL),
		};

		if (d->id)
			rc = hane_store_update(db, "taxi_driver", d->id,
					       d->version, f, 4, NULL);
		else
			rc = hane_store_insert(db, "taxi_driver", f, 4, &newid);
	}
	if (rc)
		return rc;
	if (id)
		*id = newid;
	return hane_taxi_driver_get(db, newid, d);
}

int hane_taxi_driver_get(hane_db *db, int64_t id, struct hane_taxi_driver *out)
{
	hane_stmt *st = NULL;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	rc = hane_stmt_prepare(db, &st, DRIVER_SELECT " WHERE id = :id");
	if (rc == 0)
		rc = hane_stmt_bind_int(st, ":id", id);
	if (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		read_driver(st, out);
		rc = 0;
	} else if (rc == HANE_DONE) {
		hane_error_set(hane_msg(HANE_M_TAXI_NO_DRIVER), (long long)id);
		rc = HANE_ENOTFOUND;
	}
	hane_stmt_finalize(st);
	return rc;
}

int hane_taxi_driver_each(hane_db *db,
			  int (*fn)(const struct hane_taxi_driver *d,
				    void *arg),
			  void *arg)
{
	struct hane_taxi_driver d;
	hane_stmt *st = NULL;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	rc = hane_stmt_prepare(db, &st,
			       DRIVER_SELECT
			       " ORDER BY full_name COLLATE TURKISH, id");
	while (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		read_driver(st, &d);
		rc = fn(&d, arg);
	}
	hane_stmt_finalize(st);
	return rc == HANE_DONE ? 0 : rc;
}

/* ---- Vehicles --------------------------------------------------------------- */

#define VEHICLE_SELECT                                                         \
	"SELECT v.id, v.version, v.plate, v.wheelchair_places, v.seats,"       \
	" v.in_service, coalesce(v.driver_id, 0), coalesce(d.full_name,''),"   \
	" coalesce(v.notes,'')"                                                \
	" FROM taxi_vehicle v LEFT JOIN taxi_driver d ON d.id = v.driver_id"

static void read_vehicle(hane_stmt *st, struct hane_taxi_vehicle *v)
{
	memset(v, 0, sizeof *v);
	v->id = hane_stmt_int(st, 0);
	v->version = hane_stmt_int(st, 1);
	TX_COPY(v->plate, st, 2);
	v->wheelchair_places = (int)hane_stmt_int(st, 3);
	v->seats = (int)hane_stmt_int(st, 4);
	v->in_service = hane_stmt_int(st, 5) != 0;
	v->driver_id = hane_stmt_int(st, 6);
	TX_COPY(v->driver_name, st, 7);
	TX_COPY(v->notes, st, 8);
}

int hane_taxi_vehicle_save(hane_db *db, struct hane_taxi_vehicle *v,
			   int64_t *id)
{
	char plate[HANE_TAXI_PLATE];
	int64_t newid = v->id;
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
	TX_SET(v->plate, plate);
	{
		struct hane_field f[] = {
			HANE_FTEXT("plate", v->plate),
			HANE_FINT("wheelchair_places", v->wheelchair_places),
			HANE_FINT("seats", v->seats),
			HANE_FINT("in_service", v->in_service ? 1 : 0),
			v->driver_id
				? (struct hane_field)HANE_FINT("driver_id",
							       v->driver_id)
				: (struct hane_field)HANE_FNULL("driver_id"),
			HANE_FTEXT("notes", v->notes[0] ? v->notes : NULL),
		};

		if (v->id)
			rc = hane_store_update(db, "taxi_vehicle", v->id,
					       v->version, f, 6, NULL);
		else
			rc = hane_store_insert(db, "taxi_vehicle", f, 6,
					       &newid);
	}
	if (rc == HANE_EEXIST)
		hane_error_set(hane_msg(HANE_M_TAXI_PLATE_EXISTS), v->plate);
	if (rc)
		return rc;
	if (id)
		*id = newid;
	{
		char key[32];

		snprintf(key, sizeof key, "%lld", (long long)newid);
		return hane_taxi_vehicle_find(db, key, v);
	}
}

int hane_taxi_vehicle_find(hane_db *db, const char *key,
			   struct hane_taxi_vehicle *out)
{
	char plate[HANE_TAXI_PLATE];
	hane_stmt *st = NULL;
	char *end;
	long long id;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	id = key && *key ? strtoll(key, &end, 10) : 0;
	if (key && *key && !*end && id > 0) {
		rc = hane_stmt_prepare(db, &st,
				       VEHICLE_SELECT " WHERE v.id = :id");
		if (rc == 0)
			rc = hane_stmt_bind_int(st, ":id", id);
	} else {
		if (hane_taxi_plate_normalize(plate, key) != 0)
			return HANE_EINVAL;
		rc = hane_stmt_prepare(db, &st,
				       VEHICLE_SELECT " WHERE v.plate = :p");
		if (rc == 0)
			rc = hane_stmt_bind_text(st, ":p", plate);
	}
	if (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		read_vehicle(st, out);
		rc = 0;
	} else if (rc == HANE_DONE) {
		hane_error_set(hane_msg(HANE_M_TAXI_NO_VEHICLE),
			       key ? key : "");
		rc = HANE_ENOTFOUND;
	}
	hane_stmt_finalize(st);
	return rc;
}

int hane_taxi_vehicle_each(hane_db *db,
			   int (*fn)(const struct hane_taxi_vehicle *v,
				     void *arg),
			   void *arg)
{
	struct hane_taxi_vehicle v;
	hane_stmt *st = NULL;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	rc = hane_stmt_prepare(db, &st, VEHICLE_SELECT " ORDER BY v.plate");
	while (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
		read_vehicle(st, &v);
		rc = fn(&v, arg);
	}
	hane_stmt_finalize(st);
	return rc == HANE_DONE ? 0 : rc;
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
	TX_COPY(d->name, st, 2);
	TX_COPY(d->kind, st, 3);
	TX_COPY(d->address, st, 4);
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
		TX_SET(d->kind, "other");
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
