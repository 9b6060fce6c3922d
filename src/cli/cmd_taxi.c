/* hane taxi rider|book|cancel|outcome|board|manifest|list|import|vehicle|
 * driver|destination|setting|holiday
 *
 * Only parsing and printing: every rule is in the taxi model, so a
 * booking refused here is refused the same way at the console.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/reference.h"
#include "hane/csvio.h"
#include "hane/households.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/taxi.h"

#define CMD "taxi"

/* Every option of the unit's subcommands; each subcommand's table below
 * says which it takes. */
struct taxi_opts {
	const char *aid, *notes, *reason, *to, *time, *purpose, *ret;
	const char *pickup, *vehicle, *return_vehicle, *override, *weekdays;
	const char *skip, *by, *leg, *output, *rejects;
	const char *rider;
	char day[HANE_DATE_LEN + 1], until[HANE_DATE_LEN + 1];
	char tckn[HANE_TCKN_LEN + 1];
	int64_t driver, limit;
	int companion, active;
	int dry_run, excel, xlsx, cancel_return, trip;
	/* vehicle, driver, destination: their record's fields (hane/taxi.h) */
	struct hane_taxi_vehicle veh;
	struct hane_taxi_driver drv;
	struct hane_taxi_destination dst;
};

typedef const struct hane_args args;
#define has(a, name) hane_opt_given((a), (name))

static int need_pos(args *a, int i, const char *what)
{
	if (a->npos > i)
		return 0;
	return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG), what);
}

static int pos_int(args *a, int i, const char *what, int64_t *out)
{
	int rc = need_pos(a, i, what);

	if (rc)
		return rc;
	return hane_cli_int(CMD, what, a->pos[i], out) ? HANE_EXIT_USAGE : 0;
}

static const char *day_arg(const char *v, char out[HANE_DATE_LEN + 1])
{
	if (!v || !*v)
		return hane_today(out);
	if (hane_date_parse(out, v) != 0)
		return NULL;
	return out;
}

/* ---- Riders -------------------------------------------------------------------- */

/* RIDER as typed: a rider number, or an 11-digit TC Kimlik No. */
static int rider_arg(struct hane_cli *cli, const char *s,
		     struct hane_taxi_rider *out)
{
	struct hane_person p;
	char *end;
	long long id;
	int rc;

	if (s && strlen(s) == HANE_TCKN_LEN && strspn(s, "0123456789") == 11) {
		if ((rc = hane_person_by_tckn(cli->db, s, &p)) != 0)
			return rc;
		return hane_taxi_rider_by_person(cli->db, p.id, out);
	}
	id = s ? strtoll(s, &end, 10) : 0;
	if (!s || !*s || *end || id <= 0) {
		hane_cli_usage(CMD, hane_msg(HANE_M_CLI_NOT_NUMBER), "RIDER",
			       s ? s : "");
		return HANE_EUSAGE;
	}
	return hane_taxi_rider_get(cli->db, id, out);
}

static int apply_rider(const struct taxi_opts *op, args *a,
		       struct hane_taxi_rider *r)
{
	const char *v;

	if ((v = op->aid) != NULL) {
		const char *aid = hane_taxi_aid_parse(v);

		if (!aid) {
			hane_error_set(hane_msg(HANE_M_TAXI_BAD_AID), v);
			return hane_cli_fail(HANE_EINVAL);
		}
		snprintf(r->mobility_aid, sizeof r->mobility_aid, "%s", aid);
	}
	if (has(a, "companion"))
		r->companion = op->companion;
	if ((v = op->notes) != NULL)
		HANE_CLI_COPY(r->driver_notes, "notes", v);
	if (has(a, "active"))
		r->active = op->active;
	return 0;
}

static int print_trip(const struct hane_taxi_trip *t, void *arg)
{
	char day[HANE_DATE_LEN + 1];

	(void)arg;
	printf("  #%lld\t%s %s–%s\t%s\t%s → %s\t%s\t%s\n", (long long)t->id,
	       hane_date_format(day, t->day), t->start_time, t->end_time,
	       hane_taxi_leg_label(t->leg), t->rider_name, t->destination,
	       t->plate[0] ? t->plate : "-", hane_taxi_status_label(t->status));
	return 0;
}

/* Through the gate (KVKK): the TC Kimlik No clear only with
 * person.unmasked; phone, pickup address and notes clear for the taxi
 * unit's staff, masked for anyone else. */
static void show_rider(hane_db *db, const struct hane_taxi_rider *r)
{
	char tckn[16], phone[32], addr[HANE_TAXI_TEXT], notes[HANE_TAXI_TEXT];
	char aid[64];
	const int u = HANE_ACT_TAXI_WRITE;

	printf(hane_msg(HANE_M_TAXI_CLI_RIDER_HEAD), (long long)r->id, r->name,
	       r->tckn[0] ? hane_gate_show(db, u, HANE_PD_TCKN, r->tckn, tckn,
					   sizeof tckn)
			  : "-",
	       (long long)r->person_id, (long long)r->household_id);
	printf("%s: %%%d\n", hane_msg(HANE_M_F_DISABILITY), r->disability_pct);
	printf("%s: %s\n", hane_msg(HANE_M_TAXI_F_AID),
	       hane_taxi_aid_shown(db, r->mobility_aid, aid, sizeof aid));
	printf("%s: %s\n", hane_msg(HANE_M_TAXI_F_COMPANION),
	       hane_msg(r->companion ? HANE_M_TAXI_YES : HANE_M_TAXI_NO));
	if (r->driver_notes[0])
		printf("%s: %s\n", hane_msg(HANE_M_TAXI_F_NOTES),
		       hane_gate_field(db, u,
				       hane_record_field(&hane_taxi_rider_rdef,
							 "driver_notes"),
				       r->driver_notes, notes, sizeof notes));
	printf("%s: %s\n", hane_msg(HANE_M_F_PHONE),
	       r->phone[0] ? hane_gate_show(db, u, HANE_PD_PHONE, r->phone,
					    phone, sizeof phone)
			   : "-");
	printf("%s: %s\n", hane_msg(HANE_M_TAXI_F_PICKUP),
	       r->address[0] ? hane_gate_show(db, u, HANE_PD_ADDRESS,
					      r->address, addr, sizeof addr)
			     : "-");
	if (!r->active)
		printf("%s\n", hane_msg(HANE_M_TAXI_CLI_PASSIVE));
	if (r->flagged)
		printf(hane_msg(HANE_M_TAXI_CLI_FLAGGED), r->flagged_at);
}

static int print_rider_line(const struct hane_taxi_rider *r, void *arg)
{
	char aid[64];

	printf("%lld\t%s\t%s%s%s%s\n", (long long)r->id, r->name,
	       hane_taxi_aid_shown(arg, r->mobility_aid, aid, sizeof aid),
	       r->companion ? " +" : "",
	       r->companion ? hane_msg(HANE_M_TAXI_F_COMPANION) : "",
	       r->flagged ? " !" : "");
	return 0;
}

static int cmd_rider(struct hane_cli *cli, void *opts, args *a)
{
	struct taxi_opts *op = opts;
	struct hane_taxi_rider r;
	const char *sub;
	int64_t id = 0;
	int rc;

	if ((rc = need_pos(a, 0, "add|show|edit|list|unflag")))
		return rc;
	sub = a->pos[0];
	memset(&r, 0, sizeof r);
	if (!strcmp(sub, "add")) {
		const char *t = op->tckn;

		if (has(a, "tckn")) {
			struct hane_person p;

			if ((rc = hane_person_by_tckn(cli->db, t, &p)) != 0)
				return hane_cli_fail(rc);
			r.person_id = p.id;
		} else if ((rc = pos_int(a, 1, "PERSON_ID", &r.person_id))) {
			return rc;
		}
		r.active = true;
		if ((rc = apply_rider(op, a, &r)) != 0)
			return rc;
		if ((rc = hane_taxi_rider_save(cli->db, &r, &id)) != 0)
			return hane_cli_fail(rc);
		printf(hane_msg(HANE_M_TAXI_CLI_RIDER_ADDED), (long long)id,
		       r.name);
		return 0;
	}
	if (!strcmp(sub, "list")) {
		char q[256] = "";

		for (int i = 1; i < a->npos; i++) {
			strncat(q, a->pos[i], sizeof q - strlen(q) - 2);
			strcat(q, " ");
		}
		if ((rc = hane_gate_list(cli->db, "taxi.rider.list")))
			return hane_cli_fail(rc);
		rc = hane_taxi_rider_search(cli->db, q, 0, print_rider_line,
					    cli->db);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (strcmp(sub, "show") && strcmp(sub, "edit") && strcmp(sub, "unflag"))
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	if ((rc = need_pos(a, 1, "RIDER")) != 0)
		return rc;
	if ((rc = rider_arg(cli, a->pos[1], &r)) != 0)
		return rc == HANE_EUSAGE ? HANE_EXIT_USAGE : hane_cli_fail(rc);
	if (!strcmp(sub, "show")) {
		/* Disability and health data: the read is logged first, and
		 * nothing is shown when it cannot be. */
		if ((rc = hane_log_read(cli->db, "person.view", r.person_id)))
			return hane_cli_fail(rc);
		show_rider(cli->db, &r);
		printf("%s:\n", hane_msg(HANE_M_TAXI_CLI_HISTORY));
		rc = hane_taxi_trips_rider(cli->db, r.id, 50, print_trip, NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (!strcmp(sub, "unflag")) {
		if ((rc = hane_taxi_rider_unflag(cli->db, r.id, op->reason)) !=
		    0)
			return hane_cli_fail(rc);
		fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
		return 0;
	}
	if ((rc = apply_rider(op, a, &r)) != 0)
		return rc;
	if ((rc = hane_taxi_rider_save(cli->db, &r, NULL)) != 0)
		return hane_cli_fail(rc);
	fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
	return 0;
}

/* ---- Booking --------------------------------------------------------------------- */

static void print_clash(const struct hane_taxi_clash *c)
{
	/* The message already names the clash and the slots; the slots go
	 * again one per line so a script (or a person) can pick one. */
	for (int i = 0; i < c->nslots; i++)
		fprintf(stderr, "  %s %s\t%s\n", hane_msg(HANE_M_TAXI_CLI_SLOT),
			c->slots[i].time, c->slots[i].plate);
}

static int vehicle_opt(struct hane_cli *cli, const char *v, int64_t *id)
{
	struct hane_taxi_vehicle veh;
	int rc;

	*id = 0;
	if (!v || !*v)
		return 0;
	if ((rc = hane_taxi_vehicle_find(cli->db, v, &veh)) != 0)
		return rc;
	*id = veh.id;
	return 0;
}

struct appt_trips {
	int64_t aid;
};

static int print_if_appt(const struct hane_taxi_trip *t, void *arg)
{
	const struct appt_trips *x = arg;

	if (t->appointment_id == x->aid)
		printf("  %s\t%s–%s\t%s%s%s\t%s #%lld\n",
		       hane_taxi_leg_label(t->leg), t->start_time, t->end_time,
		       t->plate, t->driver_name[0] ? " · " : "", t->driver_name,
		       hane_msg(HANE_M_TAXI_CLI_TRIP), (long long)t->id);
	return 0;
}

static void on_skip(const char *day, const struct hane_taxi_clash *c,
		    const char *reason, void *arg)
{
	char shown[HANE_DATE_LEN + 1];

	(void)c;
	(void)arg;
	fprintf(stderr, "  %s: %s\n", hane_date_format(shown, day), reason);
}

/* "d1,d2,…" → up to 64 days. */
static int parse_skips(const char *s, char (*out)[HANE_DATE_LEN + 1], size_t *n)
{
	char buf[1024], *save = NULL, *t;

	*n = 0;
	snprintf(buf, sizeof buf, "%s", s ? s : "");
	for (t = strtok_r(buf, ", ", &save); t && *n < 64;
	     t = strtok_r(NULL, ", ", &save))
		if (hane_date_parse(out[(*n)++], t) != 0)
			return HANE_EINVAL;
	return 0;
}

/* The booking deadline counts working days from the one holiday list:
 * when the next 120 days (or the booked days) reach a year whose
 * religious holidays are not entered, say so. The booking stands. */
static void warn_holidays(struct hane_cli *cli, const char *from,
			  const char *to)
{
	char f[HANE_DATE_LEN + 1], t[HANE_DATE_LEN + 1], w[512];

	if (hane_date_parse(f, from) != 0 || hane_date_parse(t, to) != 0)
		return;
	if (hane_holiday_warning(cli->db, f, t, w, sizeof w) == 0 && w[0])
		fprintf(stderr, "%s\n", w);
}

/* --weekdays/--until: the same booking on every such day. */
static int book_series(struct hane_cli *cli, const struct taxi_opts *op,
		       const struct hane_taxi_booking *b)
{
	struct hane_taxi_series s;
	char skips[64][HANE_DATE_LEN + 1];
	int booked = 0, skipped = 0, rc;
	int64_t sid = 0;

	memset(&s, 0, sizeof s);
	s.b = *b;
	snprintf(s.from, sizeof s.from, "%s", b->day);
	snprintf(s.to, sizeof s.to, "%s", op->until[0] ? op->until : b->day);
	s.weekdays = hane_taxi_weekdays_parse(op->weekdays ? op->weekdays
							   : "1234567");
	if (!s.weekdays) {
		hane_error_set("%s", hane_msg(HANE_M_TAXI_BAD_WEEKDAYS));
		return hane_cli_fail(HANE_EUSAGE);
	}
	if (parse_skips(op->skip, skips, &s.nskip) != 0)
		return hane_cli_fail(HANE_EINVAL);
	s.skip = (const char(*)[HANE_DATE_LEN + 1]) skips;
	rc = hane_taxi_book_series(cli->db, &s, &sid, &booked, &skipped,
				   on_skip, NULL);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_TAXI_CLI_SERIES), (long long)sid, booked,
	       skipped);
	warn_holidays(cli, s.from, s.to);
	return skipped ? HANE_EXIT_PARTIAL : 0;
}

static int cmd_book(struct hane_cli *cli, void *opts, args *a)
{
	struct taxi_opts *op = opts;
	struct hane_taxi_booking b;
	struct hane_taxi_destination d;
	struct hane_taxi_clash c;
	struct hane_taxi_rider r;
	const char *v;
	int64_t aid = 0;
	int rc;

	if ((rc = need_pos(a, 0, "RIDER")) != 0)
		return rc;
	if ((rc = rider_arg(cli, a->pos[0], &r)) != 0)
		return rc == HANE_EUSAGE ? HANE_EXIT_USAGE : hane_cli_fail(rc);
	hane_taxi_booking_init(&b);
	b.rider_id = r.id;
	HANE_CLI_COPY(b.day, "day", op->day);
	HANE_CLI_COPY(b.appt_time, "time", op->time);
	/* A destination from the list when it matches one, else as typed. */
	v = op->to;
	if (hane_taxi_destination_find(cli->db, v, &d) == 0)
		b.destination_id = d.id;
	else
		HANE_CLI_COPY(b.destination, "to", v);
	if ((v = op->purpose) != NULL)
		HANE_CLI_COPY(b.purpose, "purpose", v);
	if ((v = op->ret) != NULL) {
		b.return_needed = true;
		HANE_CLI_COPY(b.return_time, "return", v);
	}
	if ((v = op->pickup) != NULL)
		HANE_CLI_COPY(b.pickup_address, "pickup", v);
	if ((v = op->notes) != NULL)
		HANE_CLI_COPY(b.notes, "notes", v);
	if ((rc = vehicle_opt(cli, op->vehicle, &b.vehicle_id)) != 0 ||
	    (rc = vehicle_opt(cli, op->return_vehicle, &b.return_vehicle_id)) !=
		    0)
		return hane_cli_fail(rc);
	b.driver_id = op->driver;
	if ((v = op->override) != NULL) {
		b.override = true;
		HANE_CLI_COPY(b.override_reason, "override", v);
	}
	if (has(a, "weekdays") || has(a, "until"))
		return book_series(cli, op, &b);
	rc = hane_taxi_book(cli->db, &b, &aid, &c);
	if (rc) {
		int ex = hane_cli_fail(rc);

		print_clash(&c);
		return ex;
	}
	printf(hane_msg(HANE_M_TAXI_CLI_BOOKED), (long long)aid);
	warn_holidays(cli, b.day, b.day);
	{
		struct appt_trips x = {aid};
		char iso[HANE_DATE_LEN + 1];

		if (hane_date_parse(iso, b.day) == 0)
			rc = hane_taxi_trips_day(cli->db, iso, 0, 0, false,
						 print_if_appt, &x);
	}
	return rc ? hane_cli_fail(rc) : 0;
}

static int cmd_cancel(struct hane_cli *cli, void *opts, args *a)
{
	struct taxi_opts *op = opts;
	const char *by, *reason;
	int64_t id = 0;
	int rc, notice = 0;

	if ((rc = pos_int(a, 0, "APPOINTMENT_ID", &id)) != 0)
		return rc;
	by = op->by ? op->by : "rider";
	reason = op->reason;
	if (!reason)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--reason");
	if (has(a, "trip") || has(a, "leg")) {
		/* --trip: the number is a trip; --leg: that leg of the
		 * appointment. */
		int64_t trip = id;

		if (has(a, "leg")) {
			const char *leg = op->leg;
			bool back = !strcmp(leg, "dönüş") ||
				    !strcmp(leg, "donus") ||
				    !strcmp(leg, "return");
			struct hane_field p[] = {
				HANE_FINT(":a", id),
				HANE_FTEXT(":l", back ? "return" : "out")};

			rc = hane_store_ints(cli->db,
					     "SELECT id FROM taxi_trip"
					     " WHERE appointment_id = :a"
					     " AND leg = :l",
					     p, 2, &trip, 1);
			if ((rc = hane_store_missing(
				     rc, HANE_M_TAXI_NO_APPOINTMENT, id)))
				return hane_cli_fail(rc);
		}
		if ((rc = hane_taxi_trip_cancel(cli->db, trip, by, reason,
						&notice)) != 0)
			return hane_cli_fail(rc);
		printf(hane_msg(HANE_M_TAXI_CLI_TRIP_CANCELLED),
		       (long long)trip, notice);
		return 0;
	}
	if ((rc = hane_taxi_appointment_cancel(cli->db, id, by, reason)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_TAXI_CLI_APPT_CANCELLED), (long long)id);
	return 0;
}

static int cmd_outcome(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_taxi_outcome_result res;
	const char *o;
	int64_t id = 0;
	int rc;

	(void)opts;
	if ((rc = pos_int(a, 0, "TRIP_ID", &id)) != 0 ||
	    (rc = need_pos(a, 1, "done|noshow")) != 0)
		return rc;
	if ((rc = hane_taxi_trip_outcome(cli->db, id, a->pos[1], &res)) != 0)
		return hane_cli_fail(rc);
	o = hane_taxi_outcome_parse(a->pos[1]);
	printf(hane_msg(HANE_M_TAXI_CLI_OUTCOME), (long long)id,
	       hane_taxi_status_label(o));
	if (res.flagged)
		printf(hane_msg(HANE_M_TAXI_CLI_NOW_FLAGGED), res.noshows);
	if (res.return_trip_id) {
		if (has(a, "cancel-return")) {
			rc = hane_taxi_return_cancel(cli->db,
						     res.return_trip_id);
			if (rc)
				return hane_cli_fail(rc);
			printf(hane_msg(HANE_M_TAXI_CLI_RETURN_CANCELLED),
			       (long long)res.return_trip_id);
		} else {
			printf(hane_msg(HANE_M_TAXI_CLI_RETURN_OPEN),
			       (long long)res.return_trip_id, (long long)id);
		}
	}
	return 0;
}

static int cmd_assign(struct hane_cli *cli, void *opts, args *a)
{
	struct taxi_opts *op = opts;
	struct hane_taxi_clash c;
	struct hane_taxi_trip t;
	int64_t id = 0, vid = 0, did = 0;
	int rc;

	if ((rc = pos_int(a, 0, "TRIP_ID", &id)) != 0)
		return rc;
	if (!has(a, "vehicle") && !has(a, "driver"))
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--vehicle|--driver");
	if ((rc = vehicle_opt(cli, op->vehicle, &vid)) != 0)
		return hane_cli_fail(rc);
	did = op->driver;
	if ((rc = hane_taxi_trip_get(cli->db, id, &t)) != 0)
		return hane_cli_fail(rc);
	rc = hane_taxi_trip_assign(cli->db, id, t.version, vid, did, &c);
	if (rc) {
		int ex = hane_cli_fail(rc);

		print_clash(&c);
		return ex;
	}
	if ((rc = hane_taxi_trip_get(cli->db, id, &t)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_TAXI_CLI_ASSIGNED), (long long)id, t.plate,
	       t.driver_name[0] ? t.driver_name : "-");
	return 0;
}

/* ---- Board, list, manifest ----------------------------------------------------------- */

struct board {
	struct hane_cli *cli;
	const char *day;
	int trips;
};

static int board_trip(const struct hane_taxi_trip *t, void *arg)
{
	struct board *b = arg;

	b->trips++;
	printf("  %s–%s %s %s · %s%s%s · %s · #%lld\n", t->start_time,
	       t->end_time, strcmp(t->leg, "out") ? "←" : "→", t->rider_name,
	       t->destination, t->wheelchair ? " · ♿" : "",
	       t->companion ? " +1" : "", hane_taxi_status_label(t->status),
	       (long long)t->id);
	return 0;
}

static int board_vehicle(const struct hane_taxi_vehicle *v, void *arg)
{
	struct board *b = arg;

	printf("%s ♿%d %s%d%s%s%s\n", v->plate, v->wheelchair_places,
	       hane_msg(HANE_M_TAXI_CLI_SEATS), v->seats,
	       v->driver_name[0] ? " · " : "", v->driver_name,
	       v->in_service ? "" : hane_msg(HANE_M_TAXI_CLI_OUT_OF_SERVICE));
	return hane_taxi_trips_day(b->cli->db, b->day, v->id, 0, false,
				   board_trip, b);
}

static int cmd_board(struct hane_cli *cli, void *opts, args *a)
{
	char iso[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];
	struct board b = {cli, iso, 0};
	int rc;

	(void)opts;
	if (!day_arg(a->npos > 0 ? a->pos[0] : NULL, iso))
		return hane_cli_fail(HANE_EINVAL);
	printf("%s %s\n", hane_date_format(shown, iso),
	       hane_weekday_name(hane_taxi_weekday(iso), false));
	if ((rc = hane_gate_list(cli->db, "taxi.board")) == 0)
		rc = hane_taxi_vehicle_each(cli->db, board_vehicle, &b);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_TAXI_CLI_BOARD_TOTAL), b.trips);
	return 0;
}

static int cmd_list(struct hane_cli *cli, void *opts, args *a)
{
	struct taxi_opts *op = opts;
	struct hane_taxi_rider r;
	char iso[HANE_DATE_LEN + 1];
	int64_t limit = 100;
	int rc;

	if (has(a, "limit"))
		limit = op->limit;
	if (has(a, "rider")) {
		if ((rc = rider_arg(cli, op->rider, &r)) != 0)
			return rc == HANE_EUSAGE ? HANE_EXIT_USAGE
						 : hane_cli_fail(rc);
		if ((rc = hane_gate_view(cli->db, "taxi.trip.list", "person",
					 r.person_id)))
			return hane_cli_fail(rc);
		rc = hane_taxi_trips_rider(cli->db, r.id, (int)limit,
					   print_trip, NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (!day_arg(op->day, iso))
		return hane_cli_fail(HANE_EINVAL);
	if ((rc = hane_gate_list(cli->db, "taxi.trip.list")) == 0)
		rc = hane_taxi_trips_day(cli->db, iso, 0, 0, false, print_trip,
					 NULL);
	return rc ? hane_cli_fail(rc) : 0;
}

static int cmd_manifest(struct hane_cli *cli, void *opts, args *a)
{
	struct taxi_opts *op = opts;
	char iso[HANE_DATE_LEN + 1];
	int64_t vid = 0, did = 0, rows = 0;
	const char *out = op->output;
	FILE *fp = stdout;
	int rc;

	if (!day_arg(a->npos > 0 ? a->pos[0] : NULL, iso))
		return hane_cli_fail(HANE_EINVAL);
	if ((rc = vehicle_opt(cli, op->vehicle, &vid)) != 0)
		return hane_cli_fail(rc);
	did = op->driver;
	if (has(a, "xlsx") && (!out || !strcmp(out, "-")))
		return hane_cli_usage(CMD, "%s",
				      hane_msg(HANE_M_XLSX_NEEDS_FILE));
	if ((rc = hane_cli_output(out, &fp)) != 0)
		return rc;
	rc = hane_taxi_manifest_write(cli->db, fp,
				      has(a, "xlsx")	? HANE_CSV_XLSX
				      : has(a, "excel") ? HANE_CSV_EXCEL
							: 0,
				      iso, vid, did, &rows);
	if (fp != stdout && fclose(fp) != 0 && rc == 0)
		rc = HANE_EIO;
	if (rc)
		return hane_cli_fail(rc);
	if (fp != stdout)
		fprintf(stderr, hane_msg(HANE_M_TAXI_CLI_MANIFEST),
			(long long)rows, out);
	return 0;
}

/* ---- Import ------------------------------------------------------------------------------ */

static void print_reject(long line, const char *reason, void *arg)
{
	(void)arg;
	fprintf(stderr, hane_msg(HANE_M_TAXI_CLI_REJECT), line, reason);
}

static int cmd_import(struct hane_cli *cli, void *opts, args *a)
{
	struct taxi_opts *op = opts;
	struct hane_taxi_import_counts c;
	int rc;

	if ((rc = need_pos(a, 0, "FILE")) != 0)
		return rc;
	rc = hane_taxi_import(cli->db, a->pos[0], op->rejects,
			      has(a, "dry-run"), print_reject, NULL, &c);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(has(a, "dry-run") ? HANE_M_TAXI_CLI_IMPORT_DRY
					  : HANE_M_TAXI_CLI_IMPORT),
	       (long long)c.rows, (long long)c.booked, (long long)c.rejected);
	return c.rejected ? HANE_EXIT_PARTIAL : 0;
}

/* ---- Fleet and settings ------------------------------------------------------------------ */

static int print_vehicle(const struct hane_taxi_vehicle *v, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t♿%d\t%s%d\t%s\t%s\n", (long long)v->id, v->plate,
	       v->wheelchair_places, hane_msg(HANE_M_TAXI_CLI_SEATS), v->seats,
	       v->driver_name[0] ? v->driver_name : "-",
	       v->in_service ? hane_msg(HANE_M_TAXI_CLI_IN_SERVICE)
			     : hane_msg(HANE_M_TAXI_CLI_OUT_OF_SERVICE));
	return 0;
}

static int print_driver(const struct hane_taxi_driver *d, void *arg)
{
	char phone[32];

	(void)arg;
	printf("%lld\t%s\t%s%s\n", (long long)d->id, d->full_name,
	       d->phone[0]
		       ? hane_phone_format(phone, sizeof phone, d->phone, false)
		       : "-",
	       d->active ? "" : hane_msg(HANE_M_TAXI_CLI_PASSIVE_SHORT));
	return 0;
}

static int print_dest(const struct hane_taxi_destination *d, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t%s\t%s\n", (long long)d->id, d->name, d->kind,
	       d->address[0] ? d->address : "-");
	return 0;
}

/* vehicle, driver and destination: "list", "add KEY" and "edit KEY" are
 * one shape over each record's own model calls; the options are the
 * record's fields (an edit changes only what was given). */
union fleet_rec {
	struct hane_taxi_vehicle v;
	struct hane_taxi_driver d;
	struct hane_taxi_destination t;
};

struct fleet_cmd {
	const char *add_arg, *edit_arg; /* KEY's name in a usage message */
	const char *key_opt;		/* … and when it is too long */
	size_t base, size;		/* the record's options in taxi_opts */
	/* Members of the record: the text KEY names on add, its size, and
	 * the yes/no a new one starts with on (in service, active). */
	size_t key, key_size, on;
	enum hane_msg saved; /* "… #%lld: %s": the id and KEY's member */
	int (*list)(hane_db *db);
	/* The record KEY names: 0 or the exit status, after printing. */
	int (*find)(hane_db *db, const char *key, union fleet_rec *r);
	int (*save)(hane_db *db, union fleet_rec *r, int64_t *id);
};

static int vehicle_list(hane_db *db)
{
	return hane_taxi_vehicle_each(db, print_vehicle, NULL);
}

static int vehicle_find(hane_db *db, const char *key, union fleet_rec *r)
{
	int rc = hane_taxi_vehicle_find(db, key, &r->v);

	return rc ? hane_cli_fail(rc) : 0;
}

static int vehicle_save(hane_db *db, union fleet_rec *r, int64_t *id)
{
	return hane_taxi_vehicle_save(db, &r->v, id);
}

static int driver_list(hane_db *db)
{
	return hane_taxi_driver_each(db, print_driver, NULL);
}

static int driver_find(hane_db *db, const char *key, union fleet_rec *r)
{
	int64_t id;
	int rc;

	if (hane_cli_int(CMD, "DRIVER_ID", key, &id) != 0)
		return HANE_EXIT_USAGE;
	rc = hane_taxi_driver_get(db, id, &r->d);
	return rc ? hane_cli_fail(rc) : 0;
}

/* The phone is normalised by its type: the struct holds E.164, shorter
 * than what people type ("0532 123 45 67"). */
static int driver_save(hane_db *db, union fleet_rec *r, int64_t *id)
{
	return hane_taxi_driver_save(db, &r->d, id);
}

static int dest_list(hane_db *db)
{
	return hane_taxi_destination_each(db, print_dest, NULL);
}

/* By its number, its whole name or the start of its words. */
static int dest_find(hane_db *db, const char *key, union fleet_rec *r)
{
	int rc = hane_taxi_destination_find(db, key, &r->t);

	return rc ? hane_cli_fail(rc) : 0;
}

/* An empty kind is saved as "other". */
static int dest_save(hane_db *db, union fleet_rec *r, int64_t *id)
{
	return hane_taxi_destination_save(db, &r->t, id);
}

/* The record at member m of taxi_opts, struct R: its options, the member
 * KEY names, the yes/no a new one starts with on. */
#define FLEET(m, R, key, on)                                                   \
	offsetof(struct taxi_opts, m), sizeof(R), offsetof(R, key),            \
		sizeof(((R *)0)->key), offsetof(R, on)
static const struct fleet_cmd fleet_vehicle = {
	"PLATE",
	"PLATE",
	"PLATE",
	FLEET(veh, struct hane_taxi_vehicle, plate, in_service),
	HANE_M_TAXI_CLI_VEHICLE_SAVED,
	vehicle_list,
	vehicle_find,
	vehicle_save};
static const struct fleet_cmd fleet_driver = {
	"\"NAME\"",
	"DRIVER_ID",
	"NAME",
	FLEET(drv, struct hane_taxi_driver, full_name, active),
	HANE_M_TAXI_CLI_DRIVER_SAVED,
	driver_list,
	driver_find,
	driver_save};
static const struct fleet_cmd fleet_destination = {
	"\"NAME\"",
	"DESTINATION",
	"NAME",
	FLEET(dst, struct hane_taxi_destination, name, active),
	HANE_M_TAXI_CLI_DEST_SAVED,
	dest_list,
	dest_find,
	dest_save};
#undef FLEET

static int fleet_run(struct hane_cli *cli, const struct fleet_cmd *k,
		     const struct taxi_opts *op, args *a)
{
	union fleet_rec r;
	char *key = (char *)&r + k->key;
	const char *sub;
	int64_t id = 0;
	bool add;
	int rc;

	if ((rc = need_pos(a, 0, "add|edit|list")))
		return rc;
	sub = a->pos[0];
	if (!strcmp(sub, "list")) {
		rc = k->list(cli->db);
		return rc ? hane_cli_fail(rc) : 0;
	}
	add = !strcmp(sub, "add");
	if (!add && strcmp(sub, "edit") != 0)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	if ((rc = need_pos(a, 1, add ? k->add_arg : k->edit_arg)) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	if (add) {
		if ((rc = hane_cli_copy(key, k->key_size, k->key_opt,
					a->pos[1])) != 0)
			return rc;
		*(bool *)((char *)&r + k->on) = true;
	} else if ((rc = k->find(cli->db, a->pos[1], &r)) != 0) {
		return rc;
	}
	hane_opt_fields_given(a, op, k->base, k->size, &r);
	if ((rc = k->save(cli->db, &r, &id)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(k->saved), (long long)id, key);
	return 0;
}

static int cmd_vehicle(struct hane_cli *cli, void *opts, args *a)
{
	return fleet_run(cli, &fleet_vehicle, opts, a);
}

static int cmd_driver(struct hane_cli *cli, void *opts, args *a)
{
	return fleet_run(cli, &fleet_driver, opts, a);
}

static int cmd_destination(struct hane_cli *cli, void *opts, args *a)
{
	return fleet_run(cli, &fleet_destination, opts, a);
}

static int cmd_setting(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_taxi_settings s;
	int rc;

	(void)opts;
	if (a->npos >= 2) {
		if ((rc = hane_taxi_setting_set(cli->db, a->pos[0],
						a->pos[1])) != 0)
			return hane_cli_fail(rc);
		fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
		return 0;
	}
	if ((rc = hane_taxi_settings_get(cli->db, &s)) != 0)
		return hane_cli_fail(rc);
#define HANE_X_(f, key)                                                        \
	if (!strcmp(key, "cutoff") || !strcmp(key, "day_start") ||             \
	    !strcmp(key, "day_end"))                                           \
		printf("%s\t%02d:%02d\n", key, s.f / 60, s.f % 60);            \
	else                                                                   \
		printf("%s\t%d\n", key, s.f);
	HANE_TAXI_SETTINGS(HANE_X_)
#undef HANE_X_
	return 0;
}

static int cmd_holiday(struct hane_cli *cli, void *opts, args *a)
{
	int rc;

	(void)opts;
	if ((rc = need_pos(a, 2, "add DAY NAME")))
		return rc;
	if (strcmp(a->pos[0], "add") != 0)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      a->pos[0]);
	if ((rc = hane_taxi_holiday_add(cli->db, a->pos[1], a->pos[2])))
		return hane_cli_fail(rc);
	fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
	return 0;
}

#define S struct taxi_opts
#define TEXT(name, m, flags, help)                                             \
	HANE_OPT(S, name, m, HANE_FT_TEXT, HANE_OPT_ARGV | (flags), help)
#define SWITCH(name, m, help)                                                  \
	HANE_OPT(S, name, m, HANE_FT_BOOL, HANE_OPT_SWITCH, help)
#define OPT_DRIVER                                                             \
	HANE_OPT(S, "driver", driver, HANE_FT_REF, 0, HANE_M_OPT_TAXI_DRIVER)
#define OPT_VEHICLE TEXT("vehicle", vehicle, 0, HANE_M_OPT_TAXI_VEHICLE)
#define OPT_NOTES TEXT("notes", notes, 0, HANE_M_OPT_NOTES)

static const struct hane_opt rider_opts[] = {
	HANE_OPT(S, "tckn", tckn, HANE_FT_TCKN, 0, HANE_M_OPT_TAXI_TCKN),
	TEXT("aid", aid, 0, HANE_M_OPT_TAXI_AID),
	HANE_OPT(S, "companion", companion, HANE_FT_BOOL, 0,
		 HANE_M_OPT_TAXI_COMPANION),
	OPT_NOTES,
	HANE_OPT(S, "active", active, HANE_FT_BOOL, 0, HANE_M_OPT_ACTIVE),
	TEXT("reason", reason, 0, HANE_M_OPT_TAXI_UNFLAG_REASON),
	HANE_OPT(S, "limit", limit, HANE_FT_INT, 0, HANE_M_OPT_LIMIT),
	{0}};
static const struct hane_opt book_opts[] = {
	HANE_OPT(S, "day", day, HANE_FT_DATE, HANE_OPT_REQUIRED,
		 HANE_M_OPT_TAXI_DAY),
	TEXT("time", time, HANE_OPT_REQUIRED, HANE_M_OPT_TAXI_TIME),
	TEXT("to", to, HANE_OPT_REQUIRED, HANE_M_OPT_TAXI_TO),
	TEXT("return", ret, 0, HANE_M_OPT_TAXI_RETURN),
	TEXT("purpose", purpose, 0, HANE_M_OPT_TAXI_PURPOSE),
	TEXT("pickup", pickup, 0, HANE_M_OPT_TAXI_PICKUP),
	OPT_VEHICLE,
	TEXT("return-vehicle", return_vehicle, 0,
	     HANE_M_OPT_TAXI_RETURN_VEHICLE),
	OPT_DRIVER,
	OPT_NOTES,
	TEXT("override", override, 0, HANE_M_OPT_TAXI_OVERRIDE),
	TEXT("weekdays", weekdays, 0, HANE_M_OPT_TAXI_WEEKDAYS),
	HANE_OPT(S, "until", until, HANE_FT_DATE, 0, HANE_M_OPT_TAXI_UNTIL),
	TEXT("skip", skip, 0, HANE_M_OPT_TAXI_SKIP),
	{0}};
static const struct hane_opt cancel_opts[] = {
	TEXT("by", by, 0, HANE_M_OPT_TAXI_BY),
	TEXT("reason", reason, HANE_OPT_REQUIRED, HANE_M_OPT_TAXI_REASON),
	TEXT("leg", leg, 0, HANE_M_OPT_TAXI_LEG),
	SWITCH("trip", trip, HANE_M_OPT_TAXI_TRIP),
	{0}};
static const struct hane_opt outcome_opts[] = {
	SWITCH("cancel-return", cancel_return, HANE_M_OPT_TAXI_CANCEL_RETURN),
	{0}};
static const struct hane_opt assign_opts[] = {OPT_VEHICLE, OPT_DRIVER, {0}};
static const struct hane_opt list_opts[] = {
	HANE_OPT(S, "day", day, HANE_FT_DATE, 0, HANE_M_OPT_TAXI_LIST_DAY),
	TEXT("rider", rider, 0, HANE_M_OPT_TAXI_RIDER),
	HANE_OPT(S, "limit", limit, HANE_FT_INT, 0, HANE_M_OPT_LIMIT),
	{0}};
static const struct hane_opt manifest_opts[] = {
	OPT_DRIVER,
	OPT_VEHICLE,
	TEXT("output", output, 0, HANE_M_OPT_OUTPUT),
	SWITCH("excel", excel, HANE_M_OPT_EXCEL),
	SWITCH("xlsx", xlsx, HANE_M_OPT_XLSX),
	{0}};
static const struct hane_opt import_opts[] = {
	TEXT("rejects", rejects, 0, HANE_M_OPT_REJECTS),
	SWITCH("dry-run", dry_run, HANE_M_OPT_DRY_RUN),
	{0}};
/* vehicle, driver, destination: the options are the records' fields. */
#define VEHICLE(...)                                                           \
	HANE_OPT_FIELD(S, veh, struct hane_taxi_vehicle, __VA_ARGS__)
#define DRIVER(...) HANE_OPT_FIELD(S, drv, struct hane_taxi_driver, __VA_ARGS__)
#define DEST(...)                                                              \
	HANE_OPT_FIELD(S, dst, struct hane_taxi_destination, __VA_ARGS__)
static const struct hane_opt vehicle_opts[] = {
	HANE_TAXI_VEHICLE_FIELDS(VEHICLE){0}};
static const struct hane_opt driver_opts[] = {
	HANE_TAXI_DRIVER_FIELDS(DRIVER){0}};
static const struct hane_opt destination_opts[] = {
	HANE_TAXI_DESTINATION_FIELDS(DEST){0}};
#undef VEHICLE
#undef DRIVER
#undef DEST
#undef S

const struct hane_cmd hane_cli_taxi_cmds[] = {
	{"rider", HANE_M_CMD_TAXI_RIDER, rider_opts, cmd_rider},
	{"book", HANE_M_CMD_TAXI_BOOK, book_opts, cmd_book},
	{"cancel", HANE_M_CMD_TAXI_CANCEL, cancel_opts, cmd_cancel},
	{"outcome", HANE_M_CMD_TAXI_OUTCOME, outcome_opts, cmd_outcome},
	{"assign", HANE_M_CMD_TAXI_ASSIGN, assign_opts, cmd_assign},
	{"board", HANE_M_CMD_TAXI_BOARD, NULL, cmd_board},
	{"list", HANE_M_CMD_TAXI_LIST, list_opts, cmd_list},
	{"manifest", HANE_M_CMD_TAXI_MANIFEST, manifest_opts, cmd_manifest},
	{"import", HANE_M_CMD_TAXI_IMPORT, import_opts, cmd_import},
	{"vehicle", HANE_M_CMD_TAXI_VEHICLE, vehicle_opts, cmd_vehicle},
	{"driver", HANE_M_CMD_TAXI_DRIVER, driver_opts, cmd_driver},
	{"destination", HANE_M_CMD_TAXI_DESTINATION, destination_opts,
	 cmd_destination},
	{"setting", HANE_M_CMD_TAXI_SETTING, NULL, cmd_setting},
	{"holiday", HANE_M_CMD_TAXI_HOLIDAY, NULL, cmd_holiday},
};
const size_t hane_cli_taxi_ncmds = HANE_NCMDS(hane_cli_taxi_cmds);

int hane_cmd_taxi(struct hane_cli *cli, int argc, char **argv)
{
	struct taxi_opts o = {0};

	return hane_opt_unit(
		cli, CMD, hane_cli_taxi_cmds, HANE_NCMDS(hane_cli_taxi_cmds),
		HANE_M_TAXI_CLI_NOTES, HANE_OPT_NOSUB_OPEN, argc, argv, &o);
}
