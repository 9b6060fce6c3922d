/* Booking: the rules that turn a request into an appointment and its
 * trips, or refuse it saying why and what would fit instead.
 *
 * Checking is kept apart from writing (plan() reads, write_plan()
 * writes) because a refused row must not roll back the caller's
 * transaction: the series generator and the importer check each day or
 * row, skip the refused ones and book the rest in one transaction. A
 * rollback inside the store dooms the whole transaction, so only real
 * errors may reach one.
 */
#include <stdlib.h>
#include <string.h>

#include "taxi_int.h"

struct leg {
	char name[8]; /* out, return */
	int start, end;
	char from[HANE_TAXI_TEXT], to[HANE_TAXI_TEXT];
	int64_t vehicle_id, driver_id;
	char plate[HANE_TAXI_PLATE];
};

struct plan {
	struct hane_taxi_settings s;
	struct hane_taxi_rider rider;
	struct hane_taxi_booking b; /* normalised */
	int appt, ret;
	bool wheelchair;
	int seats_needed;
	int nlegs;
	struct leg legs[2];
};

void hane_taxi_booking_init(struct hane_taxi_booking *b)
{
	memset(b, 0, sizeof *b);
	HANE_COPY(b->purpose, "exam");
}

static const struct tx_code purposes[] = {
	{"exam", HANE_M_TAXI_P_EXAM, "exam|muayene|kontrol|randevu|hastane"},
	{"treatment", HANE_M_TAXI_P_TREATMENT, "treatment|tedavi"},
	{"dialysis", HANE_M_TAXI_P_DIALYSIS, "dialysis|diyaliz"},
	{"physio", HANE_M_TAXI_P_PHYSIO,
	 "physio|physiotherapy|fizik tedavi|fizyoterapi|ftr"},
	{"other", HANE_M_TAXI_P_OTHER, "other|diger"},
};

const char *hane_taxi_purpose_label(const char *purpose)
{
	return tx_code_label(purposes, TX_NCODES(purposes), purpose);
}

const char *hane_taxi_purpose_parse(const char *word)
{
	return tx_code_parse(purposes, TX_NCODES(purposes), word);
}

unsigned hane_taxi_weekdays_parse(const char *s)
{
	char days[8], bad[64];
	unsigned bits = 0;

	if (hane_weekdays_parse(days, bad, s) != 0)
		return 0;
	for (const char *c = days; *c; c++)
		bits |= 1u << (*c - '0');
	return bits;
}

/* ---- Refusals ---------------------------------------------------------------- */

static void clash_reset(struct hane_taxi_clash *c)
{
	memset(c, 0, sizeof *c);
}

static int refuse(struct hane_taxi_clash *c, enum hane_taxi_refusal why,
		  const char *leg)
{
	c->why = why;
	if (leg)
		HANE_COPY(c->leg, leg);
	return HANE_EINVAL;
}

const char *hane_taxi_leg_label(const char *leg)
{
	return strcmp(leg, "return") == 0 ? hane_msg(HANE_M_TAXI_LEG_RETURN)
					  : hane_msg(HANE_M_TAXI_LEG_OUT);
}

/* The trip a new interval clashes with: fills c's trip fields. */
static void clash_fill(struct hane_taxi_clash *c,
		       const struct hane_taxi_trip *t)
{
	c->trip_id = t->id;
	c->appointment_id = t->appointment_id;
	HANE_COPY(c->day, t->day);
	HANE_COPY(c->start, t->start_time);
	HANE_COPY(c->end, t->end_time);
	HANE_COPY(c->plate, t->plate);
	HANE_COPY(c->rider, t->rider_name);
	HANE_COPY(c->destination, t->destination);
}

/* hane_error_last() = what clashed + the free slots. */
static void clash_message(const struct hane_taxi_clash *c, const char *what)
{
	char msg[1024], slots[256] = "";

	snprintf(msg, sizeof msg, hane_msg(HANE_M_TAXI_CLASH), what, c->start,
		 c->end, (long long)c->trip_id, c->rider, c->destination,
		 c->plate[0] ? c->plate : "-");
	for (int i = 0; i < c->nslots; i++) {
		char one[48];

		snprintf(one, sizeof one, "%s%s (%s)", i ? ", " : "",
			 c->slots[i].time, c->slots[i].plate);
		strncat(slots, one, sizeof slots - strlen(slots) - 1);
	}
	if (c->nslots)
		hane_error_set("%s: %s %s %s", hane_taxi_leg_label(c->leg), msg,
			       hane_msg(HANE_M_TAXI_FREE_SLOTS), slots);
	else
		hane_error_set("%s: %s %s", hane_taxi_leg_label(c->leg), msg,
			       hane_msg(HANE_M_TAXI_NO_FREE_SLOTS));
}

/* ---- Overlaps ------------------------------------------------------------------ */

enum who { W_VEHICLE, W_DRIVER, W_RIDER };

struct overlap {
	int start, end, buffer;
	struct hane_taxi_trip *t;
};

static int overlap_row(const struct hane_taxi_trip *t, void *arg)
{
	struct overlap *o = arg;
	int s = hane_taxi_time_parse(t->start_time);
	int e = hane_taxi_time_parse(t->end_time);

	if (!(o->start < e + o->buffer && s < o->end + o->buffer))
		return 0;
	*o->t = *t;
	return 1;
}

/* 1 when key (a vehicle, driver or rider) has a trip on day that overlaps
 * [start, end) with buffer minutes between (t gets it), 0 when free. */
static int overlap(hane_db *db, enum who who, int64_t key, const char *day,
		   int start, int end, int buffer, int64_t exclude,
		   struct hane_taxi_trip *t)
{
	static const char *const tail[] = {
		[W_VEHICLE] = " WHERE t.vehicle_id = :k AND t.day = :d"
			      " AND t.status <> 'cancelled' AND t.id <> :x"
			      " ORDER BY t.start_time",
		[W_DRIVER] = " WHERE t.driver_id = :k AND t.day = :d"
			     " AND t.status <> 'cancelled' AND t.id <> :x"
			     " ORDER BY t.start_time",
		[W_RIDER] = " JOIN taxi_appointment a ON a.id ="
			    " t.appointment_id"
			    " WHERE a.rider_id = :k AND t.day = :d"
			    " AND t.status <> 'cancelled' AND t.id <> :x"
			    " ORDER BY t.start_time",
	};
	struct hane_field p[] = {HANE_FINT(":k", key), HANE_FTEXT(":d", day),
				 HANE_FINT(":x", exclude)};
	struct overlap o = {start, end, buffer, t};

	if (!key)
		return 0;
	return tx_trips_each(db, tail[who], p, 3, overlap_row, &o);
}

/* The legs of this same plan already given a vehicle count too. */
static bool overlaps_plan(const struct plan *p, int upto, int64_t vehicle,
			  int64_t driver, int start, int end)
{
	for (int i = 0; i < upto; i++) {
		const struct leg *l = &p->legs[i];
		int buf = p->s.buffer_minutes;

		if (!(start < l->end + buf && l->start < end + buf))
			continue;
		if ((vehicle && l->vehicle_id == vehicle) ||
		    (driver && l->driver_id == driver))
			return true;
	}
	return false;
}

/* ---- Vehicles for a leg ------------------------------------------------------- */

#define MAX_VEHICLES 64

struct fleet {
	int n;
	struct hane_taxi_vehicle v[MAX_VEHICLES];
};

static int fleet_add(const struct hane_taxi_vehicle *v, void *arg)
{
	struct fleet *f = arg;

	if (f->n < MAX_VEHICLES)
		f->v[f->n++] = *v;
	return 0;
}

static bool fits(const struct plan *p, const struct hane_taxi_vehicle *v)
{
	if (!v->in_service)
		return false;
	if (p->wheelchair && v->wheelchair_places < 1)
		return false;
	return v->seats >= p->seats_needed;
}

/* Fewest wheelchair places first, then by plate (the fleet's order). */
static int fewest_places(const void *a, const void *b)
{
	const struct hane_taxi_vehicle *x = a, *y = b;

	if (x->wheelchair_places != y->wheelchair_places)
		return x->wheelchair_places - y->wheelchair_places;
	return strcmp(x->plate, y->plate);
}

/* Whether vehicle v (with driver, or its usual one) is free for [s, e):
 * 0 free, 1 busy (c filled, why set), <0 error. */
static int vehicle_free(hane_db *db, const struct plan *p, int li,
			const struct hane_taxi_vehicle *v, int64_t driver,
			int s, int e, int64_t exclude,
			struct hane_taxi_clash *c, int64_t *driver_out)
{
	struct hane_taxi_trip t;
	int rc;

	if (!driver)
		driver = v->driver_id;
	*driver_out = driver;
	if (overlaps_plan(p, li, v->id, 0, s, e)) {
		c->why = HANE_TAXI_R_VEHICLE;
		return 1;
	}
	rc = overlap(db, W_VEHICLE, v->id, p->b.day, s, e, p->s.buffer_minutes,
		     exclude, &t);
	if (rc == 1) {
		c->why = HANE_TAXI_R_VEHICLE;
		clash_fill(c, &t);
		return 1;
	}
	if (rc < 0)
		return rc;
	if (overlaps_plan(p, li, 0, driver, s, e)) {
		c->why = HANE_TAXI_R_DRIVER;
		return 1;
	}
	rc = overlap(db, W_DRIVER, driver, p->b.day, s, e, p->s.buffer_minutes,
		     exclude, &t);
	if (rc == 1) {
		c->why = HANE_TAXI_R_DRIVER;
		clash_fill(c, &t);
		return 1;
	}
	return rc;
}

/* Free slots for leg li after its asked time: the first free vehicle per
 * time, up to HANE_TAXI_SLOTS times. */
static int find_slots(hane_db *db, const struct plan *p, int li,
		      const struct fleet *f, int64_t only_vehicle,
		      struct hane_taxi_clash *c)
{
	const struct leg *l = &p->legs[li];
	int dur = l->end - l->start, step = p->s.slot_step;
	/* The time the person books: appointment time for the outbound leg
	 * (its end), pickup time for the return. */
	bool out = strcmp(l->name, "out") == 0;
	struct hane_taxi_trip t;
	struct hane_taxi_clash scratch;

	c->nslots = 0;
	for (int s = l->start;
	     s + dur <= p->s.day_end && c->nslots < HANE_TAXI_SLOTS;
	     s += step) {
		int rc = overlap(db, W_RIDER, p->rider.id, p->b.day, s, s + dur,
				 0, 0, &t);

		if (rc < 0)
			return rc;
		if (rc == 1 || overlaps_plan(p, li, 0, 0, s, s + dur))
			continue;
		for (int i = 0; i < f->n; i++) {
			int64_t drv;

			if (!fits(p, &f->v[i]) ||
			    (only_vehicle && f->v[i].id != only_vehicle))
				continue;
			clash_reset(&scratch);
			rc = vehicle_free(db, p, li, &f->v[i], p->b.driver_id,
					  s, s + dur, 0, &scratch, &drv);
			if (rc < 0)
				return rc;
			if (rc == 0) {
				struct hane_taxi_slot *sl =
					&c->slots[c->nslots++];

				hane_taxi_time_format(sl->time,
						      out ? s + dur : s);
				sl->vehicle_id = f->v[i].id;
				HANE_COPY(sl->plate, f->v[i].plate);
				break;
			}
		}
	}
	return 0;
}

/* Whether pass (0, 1) of assign_leg tries vehicle vid for leg li: the
 * wanted one only; else the return tries the outbound vehicle first. */
static bool leg_tries(const struct plan *p, int li, int64_t want, int pass,
		      int64_t vid)
{
	if (want)
		return vid == want;
	if (li == 1)
		return pass == 0 ? vid == p->legs[0].vehicle_id
				 : vid != p->legs[0].vehicle_id;
	return pass == 0;
}

/* The wanted vehicle v cannot carry the rider: refused, saying why. */
static int refuse_unfit(const struct plan *p, const struct leg *l,
			const struct hane_taxi_vehicle *v,
			struct hane_taxi_clash *c)
{
	int rc = refuse(c, HANE_TAXI_R_CAPACITY, l->name);

	if (!v->in_service)
		hane_error_set(hane_msg(HANE_M_TAXI_NOT_IN_SERVICE), v->plate);
	else if (p->wheelchair && v->wheelchair_places < 1)
		hane_error_set(hane_msg(HANE_M_TAXI_NO_WHEELCHAIR_PLACE),
			       v->plate);
	else
		hane_error_set(hane_msg(HANE_M_TAXI_NO_SEATS), v->plate,
			       p->seats_needed);
	return rc;
}

/* Every suitable vehicle is busy: the first clash, with the free slots. */
static int refuse_busy(hane_db *db, const struct plan *p, int li,
		       const struct fleet *f, int64_t want,
		       const struct hane_taxi_clash *first,
		       struct hane_taxi_clash *c)
{
	const struct leg *l = &p->legs[li];
	enum hane_taxi_refusal why = first->why;
	char what[128];
	int rc;

	*c = *first;
	c->why = why;
	HANE_COPY(c->leg, l->name);
	HANE_COPY(c->day, p->b.day);
	if ((rc = find_slots(db, p, li, f, 0, c)) != 0)
		return rc;
	if (why == HANE_TAXI_R_DRIVER)
		snprintf(what, sizeof what, hane_msg(HANE_M_TAXI_WHAT_DRIVER),
			 c->plate);
	else if (want)
		snprintf(what, sizeof what, hane_msg(HANE_M_TAXI_WHAT_VEHICLE),
			 c->plate);
	else
		snprintf(what, sizeof what, "%s",
			 hane_msg(HANE_M_TAXI_WHAT_ALL));
	if (!c->trip_id) /* clashed with the other leg of itself */
		hane_error_set("%s: %s", hane_taxi_leg_label(l->name),
			       hane_msg(HANE_M_TAXI_OWN_LEGS));
	else
		clash_message(c, what);
	return HANE_EINVAL;
}

/* Gives leg li a vehicle and driver, or refuses with the clash. */
static int assign_leg(hane_db *db, struct plan *p, int li, int64_t want,
		      int64_t exclude, struct hane_taxi_clash *c)
{
	struct leg *l = &p->legs[li];
	struct fleet *f = calloc(1, sizeof *f);
	struct hane_taxi_clash first;
	int rc, suitable = 0;
	bool have_first = false;

	if (!f)
		return HANE_ENOMEM;
	clash_reset(&first);
	rc = hane_taxi_vehicle_each(db, fleet_add, f);
	if (rc)
		goto done;
	if (!p->wheelchair)
		qsort(f->v, (size_t)f->n, sizeof f->v[0], fewest_places);
	/* Keep wheelchair places free for those who need them: a rider
	 * without a wheelchair gets the vehicle with the fewest places; the
	 * return prefers the vehicle of the outbound trip. */
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < f->n; i++) {
			struct hane_taxi_vehicle *v = &f->v[i];
			struct hane_taxi_clash tmp;
			int64_t drv;

			if (!leg_tries(p, li, want, pass, v->id))
				continue;
			if (!fits(p, v)) {
				if (want) {
					rc = refuse_unfit(p, l, v, c);
					goto done;
				}
				continue;
			}
			suitable++;
			clash_reset(&tmp);
			rc = vehicle_free(db, p, li, v, p->b.driver_id,
					  l->start, l->end, exclude, &tmp,
					  &drv);
			if (rc < 0)
				goto done;
			if (rc == 0) {
				l->vehicle_id = v->id;
				l->driver_id = drv;
				HANE_COPY(l->plate, v->plate);
				goto done;
			}
			if (!have_first) {
				first = tmp;
				have_first = true;
			}
		}
	}
	if (want && suitable == 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_NO_VEHICLE), "?");
		rc = refuse(c, HANE_TAXI_R_CAPACITY, l->name);
	} else if (suitable == 0) {
		rc = refuse(c, HANE_TAXI_R_CAPACITY, l->name);
		hane_error_set(
			hane_msg(p->wheelchair
					 ? HANE_M_TAXI_NO_WHEELCHAIR_VEHICLE
					 : HANE_M_TAXI_NO_SEATED_VEHICLE),
			p->seats_needed);
	} else {
		rc = refuse_busy(db, p, li, f, want, &first, c);
	}
done:
	free(f);
	return rc;
}

/* ---- The plan ---------------------------------------------------------------- */

static int bad_time(enum hane_msg field, const char *v)
{
	hane_error_set(hane_msg(HANE_M_TAXI_BAD_TIME), hane_msg(field),
		       v ? v : "");
	return HANE_EINVAL;
}

/* The previous working day of day, and whether now is past its cutoff. */
static int window_check(hane_db *db, struct plan *p, int horizon,
			struct hane_taxi_clash *c)
{
	char now[20], today[HANE_DATE_LEN + 1], prev[HANE_DATE_LEN + 1];
	char cut[HANE_TAXI_TIME], last[HANE_DATE_LEN + 1], shown[2][11];
	long dn, tn;
	bool off = true;
	int rc, guard = 0;

	hane_now(now);
	hane_today(today);
	tx_day_number(p->b.day, &dn);
	tx_day_number(today, &tn);
	HANE_COPY(prev, p->b.day);
	while (off && guard++ < 40) {
		if ((rc = hane_taxi_day_add(prev, prev, -1)) != 0)
			return rc;
		if ((rc = tx_is_holiday(db, prev, &off)) != 0)
			return rc;
	}
	hane_taxi_time_format(cut, p->s.cutoff);
	{
		char deadline[20];

		snprintf(deadline, sizeof deadline, "%s %s:00", prev, cut);
		if (strcmp(now, deadline) >= 0) {
			hane_date_format(shown[0], p->b.day);
			hane_date_format(shown[1], prev);
			hane_error_set(hane_msg(HANE_M_TAXI_TOO_LATE), shown[0],
				       shown[1], cut);
			return refuse(c, HANE_TAXI_R_TOO_LATE, "out");
		}
	}
	if (dn - tn > horizon) {
		hane_date_iso(last, tn + horizon);
		hane_date_format(shown[0], p->b.day);
		hane_date_format(shown[1], last);
		hane_error_set(hane_msg(HANE_M_TAXI_TOO_EARLY), shown[0],
			       horizon, shown[1]);
		return refuse(c, HANE_TAXI_R_TOO_EARLY, "out");
	}
	return 0;
}

/* plan, part 1: the override's right and reason, the rider, the day and
 * the appointment time. */
static int plan_who_when(hane_db *db, const struct hane_taxi_booking *in,
			 struct plan *p, struct hane_taxi_clash *c)
{
	int rc;

	if (in->override) {
		if ((rc = hane_can(db, HANE_ACT_TAXI_OVERRIDE)) != 0)
			return rc;
		if (!in->override_reason[0]) {
			hane_error_set("%s",
				       hane_msg(HANE_M_TAXI_OVERRIDE_REASON));
			return refuse(c, HANE_TAXI_R_INVALID, NULL);
		}
	}
	if ((rc = hane_taxi_rider_get(db, in->rider_id, &p->rider)) != 0)
		return rc == HANE_ENOTFOUND
			       ? refuse(c, HANE_TAXI_R_INVALID, NULL)
			       : rc;
	if (!p->rider.active) {
		hane_error_set(hane_msg(HANE_M_TAXI_RIDER_PASSIVE),
			       p->rider.name, (long long)p->rider.id);
		return refuse(c, HANE_TAXI_R_INVALID, NULL);
	}
	if (hane_date_parse(p->b.day, in->day) != 0) {
		char why[256];

		snprintf(why, sizeof why, "%s", hane_error_last());
		hane_error_set("%s: %s", hane_msg(HANE_M_TAXI_F_DAY), why);
		return refuse(c, HANE_TAXI_R_INVALID, NULL);
	}
	p->appt = hane_taxi_time_parse(in->appt_time);
	if (p->appt < 0) {
		bad_time(HANE_M_TAXI_F_APPT_TIME, in->appt_time);
		return refuse(c, HANE_TAXI_R_INVALID, NULL);
	}
	hane_taxi_time_format(p->b.appt_time, p->appt);
	return 0;
}

/* plan, part 2: where to (dest_addr gets the destination's address), the
 * purpose and where from. */
static int plan_where(hane_db *db, const struct hane_taxi_booking *in,
		      struct plan *p, struct hane_taxi_clash *c,
		      char dest_addr[HANE_TAXI_TEXT])
{
	struct hane_taxi_destination dest;
	const char *pp;
	int rc;

	dest_addr[0] = '\0';
	if (in->destination_id) {
		char key[24];

		snprintf(key, sizeof key, "%lld",
			 (long long)in->destination_id);
		if ((rc = hane_taxi_destination_find(db, key, &dest)) != 0)
			return rc == HANE_ENOTFOUND || rc == HANE_EINVAL
				       ? refuse(c, HANE_TAXI_R_INVALID, NULL)
				       : rc;
		if (!in->destination[0])
			HANE_COPY(p->b.destination, dest.name);
		snprintf(dest_addr, HANE_TAXI_TEXT, "%s", dest.address);
	}
	hane_text_trim(p->b.destination);
	if (!p->b.destination[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_TAXI_F_DESTINATION));
		return refuse(c, HANE_TAXI_R_INVALID, NULL);
	}
	if (!p->b.purpose[0])
		HANE_COPY(p->b.purpose, "exam");
	if (!(pp = hane_taxi_purpose_parse(p->b.purpose))) {
		hane_error_set(hane_msg(HANE_M_TAXI_BAD_PURPOSE), p->b.purpose);
		return refuse(c, HANE_TAXI_R_INVALID, NULL);
	}
	HANE_COPY(p->b.purpose, pp);
	hane_text_trim(p->b.pickup_address);
	if (!p->b.pickup_address[0])
		HANE_COPY(p->b.pickup_address, p->rider.address);
	if (!p->b.pickup_address[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_TAXI_F_PICKUP));
		return refuse(c, HANE_TAXI_R_INVALID, NULL);
	}
	return 0;
}

/* plan, part 3: the return time, then the legs — arrive at the
 * appointment time; the return picks up at the return time — each inside
 * the service hours. */
static int plan_legs(const struct hane_taxi_booking *in, struct plan *p,
		     struct hane_taxi_clash *c, const char *dest_addr)
{
	struct leg *l;

	p->ret = -1;
	p->b.return_time[0] = '\0';
	if (in->return_needed) {
		p->ret = hane_taxi_time_parse(in->return_time);
		if (p->ret < 0) {
			bad_time(HANE_M_TAXI_F_RETURN_TIME, in->return_time);
			return refuse(c, HANE_TAXI_R_INVALID, NULL);
		}
		if (p->ret <= p->appt) {
			char a[HANE_TAXI_TIME], r[HANE_TAXI_TIME];

			hane_error_set(hane_msg(HANE_M_TAXI_RETURN_BEFORE),
				       hane_taxi_time_format(r, p->ret),
				       hane_taxi_time_format(a, p->appt));
			return refuse(c, HANE_TAXI_R_INVALID, NULL);
		}
		hane_taxi_time_format(p->b.return_time, p->ret);
	}
	p->nlegs = 0;
	l = &p->legs[p->nlegs++];
	HANE_COPY(l->name, "out");
	l->start = p->appt - p->s.trip_minutes;
	l->end = p->appt;
	HANE_COPY(l->from, p->b.pickup_address);
	if (dest_addr[0])
		snprintf(l->to, sizeof l->to, "%.100s, %.150s",
			 p->b.destination, dest_addr);
	else
		HANE_COPY(l->to, p->b.destination);
	if (p->ret >= 0) {
		l = &p->legs[p->nlegs++];
		HANE_COPY(l->name, "return");
		l->start = p->ret;
		l->end = p->ret + p->s.trip_minutes;
		HANE_COPY(l->from, p->legs[0].to);
		HANE_COPY(l->to, p->b.pickup_address);
	}
	for (int i = 0; i < p->nlegs; i++) {
		l = &p->legs[i];
		if (l->start < p->s.day_start || l->end > p->s.day_end) {
			char a[4][HANE_TAXI_TIME];

			hane_error_set(
				hane_msg(HANE_M_TAXI_OUT_OF_HOURS),
				hane_taxi_leg_label(l->name),
				hane_taxi_time_format(a[0], l->start),
				hane_taxi_time_format(a[1], l->end),
				hane_taxi_time_format(a[2], p->s.day_start),
				hane_taxi_time_format(a[3], p->s.day_end));
			return refuse(c, HANE_TAXI_R_INVALID, l->name);
		}
	}
	return 0;
}

/* A leg the rider already rides at that time: refused, with the free
 * slots of the day in c. */
static int rider_busy(hane_db *db, struct plan *p, int i,
		      const struct hane_taxi_trip *t, struct hane_taxi_clash *c)
{
	struct fleet *f = calloc(1, sizeof *f);
	int rc;

	if (!f)
		return HANE_ENOMEM;
	clash_fill(c, t);
	HANE_COPY(c->leg, p->legs[i].name);
	c->why = HANE_TAXI_R_RIDER;
	rc = hane_taxi_vehicle_each(db, fleet_add, f);
	if (rc == 0)
		rc = find_slots(db, p, i, f, 0, c);
	free(f);
	if (rc)
		return rc;
	clash_message(c, hane_msg(HANE_M_TAXI_WHAT_RIDER));
	return HANE_EINVAL;
}

/* Reads and checks everything; fills p. Writes nothing. */
static int plan(hane_db *db, const struct hane_taxi_booking *in, int horizon,
		struct plan *p, struct hane_taxi_clash *c)
{
	struct hane_taxi_trip t;
	char dest_addr[HANE_TAXI_TEXT];
	int rc;

	memset(p, 0, sizeof *p);
	clash_reset(c);
	p->b = *in;
	if ((rc = tx_settings(db, &p->s)) != 0 ||
	    (rc = plan_who_when(db, in, p, c)) != 0 ||
	    (rc = plan_where(db, in, p, c, dest_addr)) != 0 ||
	    (rc = plan_legs(in, p, c, dest_addr)) != 0)
		return rc;
	/* The window and the flag are what a supervisor may override. */
	if (!in->override) {
		if ((rc = window_check(db, p, horizon, c)) != 0)
			return rc;
		if (p->rider.flagged) {
			hane_error_set(hane_msg(HANE_M_TAXI_FLAGGED),
				       p->rider.name, p->rider.flagged_at);
			return refuse(c, HANE_TAXI_R_FLAGGED, NULL);
		}
	}
	p->wheelchair = strcmp(p->rider.mobility_aid, "wheelchair") == 0;
	p->seats_needed =
		(p->wheelchair ? 0 : 1) + (p->rider.companion ? 1 : 0);
	for (int i = 0; i < p->nlegs; i++) {
		const struct leg *l = &p->legs[i];
		int64_t want = i == 1 && in->return_vehicle_id
				       ? in->return_vehicle_id
				       : in->vehicle_id;

		rc = overlap(db, W_RIDER, p->rider.id, p->b.day, l->start,
			     l->end, 0, 0, &t);
		if (rc < 0)
			return rc;
		if (rc == 1)
			return rider_busy(db, p, i, &t, c);
		if ((rc = assign_leg(db, p, i, want, 0, c)) != 0)
			return rc;
	}
	return 0;
}

#define F(...) HANE_FDEF(struct hane_taxi_appointment, __VA_ARGS__)
static const struct hane_fdef appointment_fields[] = {
	HANE_TAXI_APPOINTMENT_FIELDS(F)};
#undef F
const struct hane_rdef hane_taxi_appointment_rdef =
	HANE_RDEF(struct hane_taxi_appointment, "taxi_appointment", "taxi",
		  appointment_fields);

/* The appointment of plan p as stored. */
static void plan_appointment(const struct plan *p, int64_t series_id,
			     struct hane_taxi_appointment *a)
{
	const struct hane_taxi_booking *b = &p->b;

	memset(a, 0, sizeof *a);
	a->rider_id = b->rider_id;
	a->series_id = series_id;
	HANE_COPY(a->day, b->day);
	HANE_COPY(a->pickup_address, b->pickup_address);
	a->destination_id = b->destination_id;
	HANE_COPY(a->destination, b->destination);
	HANE_COPY(a->appt_time, b->appt_time);
	HANE_COPY(a->purpose, b->purpose);
	a->return_needed = p->ret >= 0;
	if (p->ret >= 0)
		HANE_COPY(a->return_time, b->return_time);
	HANE_COPY(a->status, "booked");
	if (b->override)
		HANE_COPY(a->override_reason, b->override_reason);
	HANE_COPY(a->notes, b->notes);
}

/* Leg i of plan p as a trip of appointment aid, still planned. */
static void plan_trip(const struct plan *p, int i, int64_t aid,
		      struct hane_taxi_trip *t)
{
	const struct leg *l = &p->legs[i];

	memset(t, 0, sizeof *t);
	t->appointment_id = aid;
	HANE_COPY(t->leg, l->name);
	HANE_COPY(t->day, p->b.day);
	hane_taxi_time_format(t->start_time, l->start);
	hane_taxi_time_format(t->end_time, l->end);
	HANE_COPY(t->from_address, l->from);
	HANE_COPY(t->to_address, l->to);
	t->vehicle_id = l->vehicle_id;
	t->driver_id = l->driver_id;
	t->wheelchair = p->wheelchair;
	t->companion = p->rider.companion;
	HANE_COPY(t->status, "planned");
	t->notice_minutes = -1;
}

static int write_plan(hane_db *db, const struct plan *p, int64_t series_id,
		      int64_t *appointment_id)
{
	struct hane_taxi_appointment a;
	struct hane_taxi_trip t;
	int rc;

	plan_appointment(p, series_id, &a);
	rc = hane_record_save(db, &hane_taxi_appointment_rdef, &a, NULL);
	for (int i = 0; rc == 0 && i < p->nlegs; i++) {
		plan_trip(p, i, a.id, &t);
		rc = hane_record_save(db, &hane_taxi_trip_rdef, &t, NULL);
	}
	if (rc == 0 && p->b.override)
		rc = hane_store_audit_event(db, "taxi.override",
					    "taxi_appointment", a.id,
					    p->b.override_reason);
	if (rc == 0 && appointment_id)
		*appointment_id = a.id;
	return rc;
}

int hane_taxi_book_check(hane_db *db, const struct hane_taxi_booking *b,
			 struct hane_taxi_clash *clash)
{
	struct hane_taxi_clash scratch;
	struct plan *p;
	struct hane_taxi_settings s;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_TAXI_READ)) != 0)
		return rc;
	if ((rc = tx_settings(db, &s)) != 0)
		return rc;
	p = malloc(sizeof *p);
	if (!p)
		return HANE_ENOMEM;
	rc = plan(db, b, s.days_ahead, p, clash ? clash : &scratch);
	free(p);
	return rc;
}

/* The room for a plan and the write lock, taken together by the three
 * writers (a booking, a series, a re-assignment): NULL with *rc set when
 * either fails, leaving nothing to free and no transaction open. */
static struct plan *plan_begin(hane_db *db, int *rc)
{
	struct plan *p = calloc(1, sizeof *p);

	if (!p) {
		*rc = HANE_ENOMEM;
		return NULL;
	}
	if ((*rc = hane_store_begin(db)) != 0) {
		free(p);
		return NULL;
	}
	return p;
}

int hane_taxi_book(hane_db *db, const struct hane_taxi_booking *b,
		   int64_t *appointment_id, struct hane_taxi_clash *clash)
{
	struct hane_taxi_clash scratch;
	struct plan *p;
	bool wrote = false;
	int rc;

	/* The lock first: two desks booking the last free slot at once must
	 * not both see it free. */
	if ((rc = hane_can(db, HANE_ACT_TAXI_WRITE)) != 0 ||
	    !(p = plan_begin(db, &rc)))
		return rc;
	rc = tx_settings(db, &p->s);
	if (rc == 0)
		rc = plan(db, b, p->s.days_ahead, p, clash ? clash : &scratch);
	if (rc == 0) {
		wrote = true;
		rc = write_plan(db, p, 0, appointment_id);
	}
	if (rc == 0) {
		rc = hane_store_commit(db);
	} else if (!wrote && hane_store_depth(db) > 1) {
		/* Inside a caller's transaction a refusal wrote nothing:
		 * leave the caller's work alone (a rollback would doom it). */
		char keep[1024];

		snprintf(keep, sizeof keep, "%s", hane_error_last());
		if (hane_store_commit(db) == 0)
			hane_error_set("%s", keep);
	} else {
		rc = tx_finish(db, rc);
	}
	free(p);
	return rc;
}

/* The series' days, checked: from..to as day numbers a..z, the weekdays
 * as digits (wd), the skipped days as "iso,iso" (skips). */
struct series_days {
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	long a, z;
	char wd[8];
	char skips[1024];
};

static int series_check(const struct hane_taxi_series *sr,
			const struct hane_taxi_settings *s,
			struct series_days *sd)
{
	char today[HANE_DATE_LEN + 1];
	long tn;

	memset(sd, 0, sizeof *sd);
	if (hane_date_parse(sd->from, sr->from) != 0 ||
	    hane_date_parse(sd->to, sr->to) != 0 ||
	    !tx_day_number(sd->from, &sd->a) ||
	    !tx_day_number(sd->to, &sd->z) || sd->z < sd->a) {
		hane_error_set(hane_msg(HANE_M_TAXI_BAD_RANGE), sr->from,
			       sr->to);
		return HANE_EINVAL;
	}
	if ((sr->weekdays & 0xfe) == 0) {
		hane_error_set("%s", hane_msg(HANE_M_TAXI_BAD_WEEKDAYS));
		return HANE_EINVAL;
	}
	tx_day_number(hane_today(today), &tn);
	if (sd->z - tn > s->series_days && !sr->b.override) {
		char last[HANE_DATE_LEN + 1], shown[11];

		hane_date_iso(last, tn + s->series_days);
		hane_error_set(hane_msg(HANE_M_TAXI_SERIES_TOO_LONG),
			       s->series_days, hane_date_format(shown, last));
		return HANE_EINVAL;
	}
	for (int d = 1; d <= 7; d++)
		if (sr->weekdays & (1u << d))
			sd->wd[strlen(sd->wd)] = (char)('0' + d);
	for (size_t i = 0; i < sr->nskip; i++) {
		char iso[HANE_DATE_LEN + 1];

		if (hane_date_parse(iso, sr->skip[i]) != 0)
			return HANE_EINVAL;
		if (strlen(sd->skips) + 12 < sizeof sd->skips) {
			if (sd->skips[0])
				strcat(sd->skips, ",");
			strcat(sd->skips, iso);
		}
	}
	return 0;
}

/* The series row, with the destination as the first day will book it. */
static int series_insert(hane_db *db, const struct hane_taxi_series *sr,
			 const struct series_days *sd, int64_t *sid)
{
	struct hane_taxi_destination dest;
	char key[24], name[HANE_TAXI_NAME];
	const char *pp = hane_taxi_purpose_parse(
		sr->b.purpose[0] ? sr->b.purpose : "exam");

	HANE_COPY(name, sr->b.destination);
	if (!name[0] && sr->b.destination_id) {
		snprintf(key, sizeof key, "%lld",
			 (long long)sr->b.destination_id);
		if (hane_taxi_destination_find(db, key, &dest) == 0)
			HANE_COPY(name, dest.name);
	}
	struct hane_field f[] = {
		HANE_FINT("rider_id", sr->b.rider_id),
		HANE_FTEXT("from_day", sd->from),
		HANE_FTEXT("to_day", sd->to),
		HANE_FTEXT("weekdays", sd->wd),
		HANE_FTEXT("skip_days", sd->skips[0] ? sd->skips : NULL),
		HANE_FTEXT("appt_time", sr->b.appt_time),
		HANE_FTEXT("return_time",
			   sr->b.return_needed ? sr->b.return_time : NULL),
		HANE_FTEXT("destination", name),
		HANE_FTEXT("purpose", pp ? pp : "other"),
	};
	return hane_store_insert(db, "taxi_series", f, sizeof f / sizeof f[0],
				 sid);
}

/* Whether day is one of the series' skipped days. */
static bool series_skips(const struct hane_taxi_series *sr, const char *day)
{
	for (size_t i = 0; i < sr->nskip; i++) {
		char iso[HANE_DATE_LEN + 1];

		if (hane_date_parse(iso, sr->skip[i]) == 0 &&
		    strcmp(iso, day) == 0)
			return true;
	}
	return false;
}

int hane_taxi_book_series(hane_db *db, const struct hane_taxi_series *sr,
			  int64_t *series_id, int *booked, int *skipped,
			  void (*on_skip)(const char *day,
					  const struct hane_taxi_clash *c,
					  const char *reason, void *arg),
			  void *arg)
{
	struct hane_taxi_settings s;
	struct hane_taxi_clash c;
	struct series_days sd;
	struct plan *p = NULL;
	int64_t sid = 0;
	int rc, nb = 0, ns = 0;

	if (booked)
		*booked = 0;
	if (skipped)
		*skipped = 0;
	if ((rc = hane_can(db, HANE_ACT_TAXI_WRITE)) != 0 ||
	    (rc = tx_settings(db, &s)) != 0 ||
	    (rc = series_check(sr, &s, &sd)) != 0 || !(p = plan_begin(db, &rc)))
		return rc;
	rc = series_insert(db, sr, &sd, &sid);
	for (long d = sd.a; rc == 0 && d <= sd.z; d++) {
		struct hane_taxi_booking b = sr->b;
		char day[HANE_DATE_LEN + 1];

		hane_date_iso(day, d);
		if (!(sr->weekdays & (1u << hane_taxi_weekday(day))) ||
		    series_skips(sr, day))
			continue;
		HANE_COPY(b.day, day);
		rc = plan(db, &b, s.series_days, p, &c);
		if (rc == HANE_EINVAL) {
			ns++;
			if (on_skip)
				on_skip(day, &c, hane_error_last(), arg);
			rc = 0;
			continue;
		}
		if (rc == 0)
			rc = write_plan(db, p, sid, NULL);
		if (rc == 0)
			nb++;
	}
	if (rc == 0 && nb == 0) {
		hane_error_set("%s", hane_msg(HANE_M_TAXI_SERIES_EMPTY));
		rc = HANE_EINVAL;
	}
	rc = tx_finish(db, rc);
	free(p);
	if (rc == 0) {
		if (series_id)
			*series_id = sid;
		if (booked)
			*booked = nb;
		if (skipped)
			*skipped = ns;
	}
	return rc;
}

/* ---- Re-assigning a trip -------------------------------------------------------- */

int hane_taxi_trip_assign(hane_db *db, int64_t trip_id, int64_t version,
			  int64_t vehicle_id, int64_t driver_id,
			  struct hane_taxi_clash *clash)
{
	struct hane_taxi_clash scratch;
	struct hane_taxi_trip t;
	struct plan *p;
	int rc;

	if (!clash)
		clash = &scratch;
	clash_reset(clash);
	if ((rc = hane_can(db, HANE_ACT_TAXI_WRITE)) != 0 ||
	    !(p = plan_begin(db, &rc)))
		return rc;
	rc = tx_trip_planned(db, trip_id, &t);
	if (rc == 0)
		rc = tx_settings(db, &p->s);
	if (rc == 0)
		rc = hane_taxi_rider_get(db, t.rider_id, &p->rider);
	if (rc == 0) {
		struct leg *l = &p->legs[0];

		p->nlegs = 1;
		HANE_COPY(p->b.day, t.day);
		p->b.driver_id = driver_id ? driver_id
				 : vehicle_id && vehicle_id != t.vehicle_id
					 ? 0
					 : t.driver_id;
		p->wheelchair = t.wheelchair;
		p->seats_needed =
			(t.wheelchair ? 0 : 1) + (t.companion ? 1 : 0);
		HANE_COPY(l->name, t.leg);
		l->start = hane_taxi_time_parse(t.start_time);
		l->end = hane_taxi_time_parse(t.end_time);
		rc = assign_leg(db, p, 0,
				vehicle_id ? vehicle_id : t.vehicle_id, trip_id,
				clash);
	}
	if (rc == 0) {
		/* Saved whole at the version the caller saw. */
		t.vehicle_id = p->legs[0].vehicle_id;
		t.driver_id = p->legs[0].driver_id;
		t.version = version;
		rc = hane_record_save(db, &hane_taxi_trip_rdef, &t, NULL);
	}
	rc = tx_finish(db, rc);
	free(p);
	return rc;
}
