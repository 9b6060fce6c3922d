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
#include "hane/reference.h"
#include "hane/csvio.h"
#include "hane/households.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/taxi.h"

#define CMD "taxi"

static const char *const flags[] = {"dry-run",	     "excel", "xlsx",
				    "cancel-return", "help",  NULL};

/* Options as typed: name → value, looked up by the subcommands. */
struct args {
	struct hane_opts o;
	int n;
	const char *name[32];
	const char *value[32];
};

static const char *opt(const struct args *a, const char *name)
{
	for (int i = a->n - 1; i >= 0; i--)
		if (strcmp(a->name[i], name) == 0)
			return a->value[i] ? a->value[i] : "";
	return NULL;
}

static bool has(const struct args *a, const char *name)
{
	return opt(a, name) != NULL;
}

/* Checks that only known options were given. */
static int only(const struct args *a, const char *const *known)
{
	for (int i = 0; i < a->n; i++) {
		bool ok = false;

		for (const char *const *k = known; *k && !ok; k++)
			ok = strcmp(*k, a->name[i]) == 0;
		if (!ok)
			return hane_cli_usage(CMD,
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      a->name[i]);
	}
	return 0;
}

static int need_pos(const struct args *a, int i, const char *what)
{
	if (a->o.npos > i)
		return 0;
	return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG), what);
}

static int pos_int(const struct args *a, int i, const char *what, int64_t *out)
{
	int rc = need_pos(a, i, what);

	if (rc)
		return rc;
	return hane_cli_int(CMD, what, a->o.pos[i], out) ? HANE_EXIT_USAGE : 0;
}

static bool yes(const char *v)
{
	char f[32];

	hane_text_fold(f, sizeof f, v ? v : "");
	return !strcmp(f, "") || !strcmp(f, "evet") || !strcmp(f, "e") ||
	       !strcmp(f, "yes") || !strcmp(f, "y") || !strcmp(f, "1") ||
	       !strcmp(f, "var");
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

static int apply_rider(const struct args *a, struct hane_taxi_rider *r)
{
	const char *v;

	if ((v = opt(a, "aid")) != NULL) {
		const char *aid = hane_taxi_aid_parse(v);

		if (!aid) {
			hane_error_set(hane_msg(HANE_M_TAXI_BAD_AID), v);
			return hane_cli_fail(HANE_EINVAL);
		}
		snprintf(r->mobility_aid, sizeof r->mobility_aid, "%s", aid);
	}
	if ((v = opt(a, "companion")) != NULL)
		r->companion = yes(v);
	if ((v = opt(a, "notes")) != NULL)
		HANE_CLI_COPY(r->driver_notes, "notes", v);
	if ((v = opt(a, "active")) != NULL)
		r->active = yes(v);
	return 0;
}

static int print_trip(const struct hane_taxi_trip *t, void *arg)
{
	char day[HANE_DATE_LEN + 1];

	(void)arg;
	printf("  #%lld\t%s %s–%s\t%s\t%s → %s\t%s\t%s\n", (long long)t->id,
	       hane_date_format(day, t->day), t->start, t->end,
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
	const int u = HANE_ACT_TAXI_WRITE;

	printf(hane_msg(HANE_M_TAXI_CLI_RIDER_HEAD), (long long)r->id, r->name,
	       r->tckn[0] ? hane_gate_show(db, u, HANE_PD_TCKN, r->tckn, tckn,
					   sizeof tckn)
			  : "-",
	       (long long)r->person_id, (long long)r->household_id);
	printf("%s: %%%d\n", hane_msg(HANE_M_F_DISABILITY), r->disability_pct);
	printf("%s: %s\n", hane_msg(HANE_M_TAXI_F_AID),
	       hane_taxi_aid_label(r->mobility_aid));
	printf("%s: %s\n", hane_msg(HANE_M_TAXI_F_COMPANION),
	       hane_msg(r->companion ? HANE_M_TAXI_YES : HANE_M_TAXI_NO));
	if (r->driver_notes[0])
		printf("%s: %s\n", hane_msg(HANE_M_TAXI_F_NOTES),
		       hane_gate_show(db, u, HANE_PD_HEALTH, r->driver_notes,
				      notes, sizeof notes));
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
	(void)arg;
	printf("%lld\t%s\t%s%s%s%s\n", (long long)r->id, r->name,
	       hane_taxi_aid_label(r->mobility_aid), r->companion ? " +" : "",
	       r->companion ? hane_msg(HANE_M_TAXI_F_COMPANION) : "",
	       r->flagged ? " !" : "");
	return 0;
}

static int cmd_rider(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {"aid",    "companion", "notes",
					    "active", "reason",	   "limit",
					    "tckn",   NULL};
	struct hane_taxi_rider r;
	const char *sub;
	int64_t id = 0;
	int rc;

	if ((rc = only(a, known)) != 0 ||
	    (rc = need_pos(a, 1, "add|show|edit|list|unflag")))
		return rc;
	sub = a->o.pos[1];
	memset(&r, 0, sizeof r);
	if (!strcmp(sub, "add")) {
		const char *t = opt(a, "tckn");

		if (t) {
			struct hane_person p;

			if ((rc = hane_person_by_tckn(cli->db, t, &p)) != 0)
				return hane_cli_fail(rc);
			r.person_id = p.id;
		} else if ((rc = pos_int(a, 2, "PERSON_ID", &r.person_id))) {
			return rc;
		}
		r.active = true;
		if ((rc = apply_rider(a, &r)) != 0)
			return rc;
		if ((rc = hane_taxi_rider_save(cli->db, &r, &id)) != 0)
			return hane_cli_fail(rc);
		printf(hane_msg(HANE_M_TAXI_CLI_RIDER_ADDED), (long long)id,
		       r.name);
		return 0;
	}
	if (!strcmp(sub, "list")) {
		char q[256] = "";

		for (int i = 2; i < a->o.npos; i++) {
			strncat(q, a->o.pos[i], sizeof q - strlen(q) - 2);
			strcat(q, " ");
		}
		if ((rc = hane_gate_list(cli->db, "taxi.rider.list")))
			return hane_cli_fail(rc);
		rc = hane_taxi_rider_search(cli->db, q, 0, print_rider_line,
					    NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (strcmp(sub, "show") && strcmp(sub, "edit") && strcmp(sub, "unflag"))
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	if ((rc = need_pos(a, 2, "RIDER")) != 0)
		return rc;
	if ((rc = rider_arg(cli, a->o.pos[2], &r)) != 0)
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
		if ((rc = hane_taxi_rider_unflag(cli->db, r.id,
						 opt(a, "reason"))) != 0)
			return hane_cli_fail(rc);
		fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
		return 0;
	}
	if ((rc = apply_rider(a, &r)) != 0)
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
		       hane_taxi_leg_label(t->leg), t->start, t->end, t->plate,
		       t->driver_name[0] ? " · " : "", t->driver_name,
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

static int cmd_book(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {
		"day",	  "time",   "to",	"purpose",
		"return", "pickup", "vehicle",	"return-vehicle",
		"driver", "notes",  "override", "weekdays",
		"until",  "skip",   NULL};
	struct hane_taxi_booking b;
	struct hane_taxi_destination d;
	struct hane_taxi_clash c;
	struct hane_taxi_rider r;
	const char *v;
	int64_t aid = 0;
	int rc;

	if ((rc = only(a, known)) != 0 || (rc = need_pos(a, 1, "RIDER")) != 0)
		return rc;
	if ((rc = rider_arg(cli, a->o.pos[1], &r)) != 0)
		return rc == HANE_EUSAGE ? HANE_EXIT_USAGE : hane_cli_fail(rc);
	if (!has(a, "day") || !has(a, "time") || !has(a, "to"))
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      !has(a, "day")	? "--day"
				      : !has(a, "time") ? "--time"
							: "--to");
	hane_taxi_booking_init(&b);
	b.rider_id = r.id;
	HANE_CLI_COPY(b.day, "day", opt(a, "day"));
	HANE_CLI_COPY(b.appt_time, "time", opt(a, "time"));
	/* A destination from the list when it matches one, else as typed. */
	v = opt(a, "to");
	if (hane_taxi_destination_find(cli->db, v, &d) == 0)
		b.destination_id = d.id;
	else
		HANE_CLI_COPY(b.destination, "to", v);
	if ((v = opt(a, "purpose")) != NULL)
		HANE_CLI_COPY(b.purpose, "purpose", v);
	if ((v = opt(a, "return")) != NULL) {
		b.return_needed = true;
		HANE_CLI_COPY(b.return_time, "return", v);
	}
	if ((v = opt(a, "pickup")) != NULL)
		HANE_CLI_COPY(b.pickup_address, "pickup", v);
	if ((v = opt(a, "notes")) != NULL)
		HANE_CLI_COPY(b.notes, "notes", v);
	if ((rc = vehicle_opt(cli, opt(a, "vehicle"), &b.vehicle_id)) != 0 ||
	    (rc = vehicle_opt(cli, opt(a, "return-vehicle"),
			      &b.return_vehicle_id)) != 0)
		return hane_cli_fail(rc);
	if ((v = opt(a, "driver")) != NULL &&
	    hane_cli_int(CMD, "--driver", v, &b.driver_id))
		return HANE_EXIT_USAGE;
	if ((v = opt(a, "override")) != NULL) {
		b.override = true;
		HANE_CLI_COPY(b.override_reason, "override", v);
	}
	if (has(a, "weekdays") || has(a, "until")) {
		struct hane_taxi_series s;
		char skips[64][HANE_DATE_LEN + 1];
		int booked = 0, skipped = 0;
		int64_t sid = 0;

		memset(&s, 0, sizeof s);
		s.b = b;
		snprintf(s.from, sizeof s.from, "%s", b.day);
		snprintf(s.to, sizeof s.to, "%s",
			 opt(a, "until") ? opt(a, "until") : b.day);
		s.weekdays = hane_taxi_weekdays_parse(
			opt(a, "weekdays") ? opt(a, "weekdays") : "1234567");
		if (!s.weekdays) {
			hane_error_set("%s",
				       hane_msg(HANE_M_TAXI_BAD_WEEKDAYS));
			return hane_cli_fail(HANE_EUSAGE);
		}
		if (parse_skips(opt(a, "skip"), skips, &s.nskip) != 0)
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

static int cmd_cancel(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {"by", "reason", "leg", "trip",
					    NULL};
	const char *by, *reason;
	int64_t id = 0;
	int rc, notice = 0;

	if ((rc = only(a, known)) != 0 ||
	    (rc = pos_int(a, 1, "APPOINTMENT_ID", &id)) != 0)
		return rc;
	by = opt(a, "by") ? opt(a, "by") : "rider";
	reason = opt(a, "reason");
	if (!reason)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--reason");
	if (has(a, "trip") || has(a, "leg")) {
		/* --trip: the number is a trip; --leg: that leg of the
		 * appointment. */
		int64_t trip = id;

		if (has(a, "leg")) {
			const char *leg = opt(a, "leg");
			int64_t found = 0;
			char sql_leg[8];

			snprintf(sql_leg, sizeof sql_leg, "%s",
				 !strcmp(leg, "dönüş") ||
						 !strcmp(leg, "donus") ||
						 !strcmp(leg, "return")
					 ? "return"
					 : "out");
			rc = hane_store_query_int(
				cli->db, &found,
				!strcmp(sql_leg, "return")
					? "SELECT id FROM taxi_trip WHERE"
					  " appointment_id = :a AND leg = "
					  "'return'"
					: "SELECT id FROM taxi_trip WHERE"
					  " appointment_id = :a AND leg = "
					  "'out'",
				":a", id);
			if (rc == HANE_ENOTFOUND)
				hane_error_set(
					hane_msg(HANE_M_TAXI_NO_APPOINTMENT),
					(long long)id);
			if (rc)
				return hane_cli_fail(rc);
			trip = found;
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

static int cmd_outcome(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {"cancel-return", NULL};
	struct hane_taxi_outcome_result res;
	const char *o;
	int64_t id = 0;
	int rc;

	if ((rc = only(a, known)) != 0 ||
	    (rc = pos_int(a, 1, "TRIP_ID", &id)) != 0 ||
	    (rc = need_pos(a, 2, "done|noshow")) != 0)
		return rc;
	if ((rc = hane_taxi_trip_outcome(cli->db, id, a->o.pos[2], &res)) != 0)
		return hane_cli_fail(rc);
	o = hane_taxi_outcome_parse(a->o.pos[2]);
	printf(hane_msg(HANE_M_TAXI_CLI_OUTCOME), (long long)id,
	       hane_taxi_status_label(o));
	if (res.flagged)
		printf(hane_msg(HANE_M_TAXI_CLI_NOW_FLAGGED), res.noshows);
	if (res.return_trip_id) {
		if (has(a, "cancel-return")) {
			rc = hane_taxi_trip_cancel(
				cli->db, res.return_trip_id, "unit",
				hane_msg(HANE_M_TAXI_CLI_NOSHOW_REASON), NULL);
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

static int cmd_assign(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {"vehicle", "driver", NULL};
	struct hane_taxi_clash c;
	struct hane_taxi_trip t;
	int64_t id = 0, vid = 0, did = 0;
	int rc;

	if ((rc = only(a, known)) != 0 ||
	    (rc = pos_int(a, 1, "TRIP_ID", &id)) != 0)
		return rc;
	if (!has(a, "vehicle") && !has(a, "driver"))
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--vehicle|--driver");
	if ((rc = vehicle_opt(cli, opt(a, "vehicle"), &vid)) != 0)
		return hane_cli_fail(rc);
	if (has(a, "driver") &&
	    hane_cli_int(CMD, "--driver", opt(a, "driver"), &did))
		return HANE_EXIT_USAGE;
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
	printf("  %s–%s %s %s · %s%s%s · %s · #%lld\n", t->start, t->end,
	       strcmp(t->leg, "out") ? "←" : "→", t->rider_name, t->destination,
	       t->wheelchair ? " · ♿" : "", t->companion ? " +1" : "",
	       hane_taxi_status_label(t->status), (long long)t->id);
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

static int cmd_board(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {NULL};
	char iso[HANE_DATE_LEN + 1], shown[HANE_DATE_LEN + 1];
	struct board b = {cli, iso, 0};
	int rc;

	if ((rc = only(a, known)) != 0)
		return rc;
	if (!day_arg(a->o.npos > 1 ? a->o.pos[1] : NULL, iso))
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

static int cmd_list(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {"day", "rider", "limit", NULL};
	struct hane_taxi_rider r;
	char iso[HANE_DATE_LEN + 1];
	int64_t limit = 100;
	int rc;

	if ((rc = only(a, known)) != 0)
		return rc;
	if (has(a, "limit") &&
	    hane_cli_int(CMD, "--limit", opt(a, "limit"), &limit))
		return HANE_EXIT_USAGE;
	if (has(a, "rider")) {
		if ((rc = rider_arg(cli, opt(a, "rider"), &r)) != 0)
			return rc == HANE_EUSAGE ? HANE_EXIT_USAGE
						 : hane_cli_fail(rc);
		if ((rc = hane_gate_view(cli->db, "taxi.trip.list", "person",
					 r.person_id)))
			return hane_cli_fail(rc);
		rc = hane_taxi_trips_rider(cli->db, r.id, (int)limit,
					   print_trip, NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (!day_arg(opt(a, "day"), iso))
		return hane_cli_fail(HANE_EINVAL);
	if ((rc = hane_gate_list(cli->db, "taxi.trip.list")) == 0)
		rc = hane_taxi_trips_day(cli->db, iso, 0, 0, false, print_trip,
					 NULL);
	return rc ? hane_cli_fail(rc) : 0;
}

static int cmd_manifest(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {"driver", "vehicle", "output",
					    "excel",  "xlsx",	 NULL};
	char iso[HANE_DATE_LEN + 1];
	int64_t vid = 0, did = 0, rows = 0;
	const char *out = opt(a, "output");
	FILE *fp = stdout;
	int rc;

	if ((rc = only(a, known)) != 0)
		return rc;
	if (!day_arg(a->o.npos > 1 ? a->o.pos[1] : NULL, iso))
		return hane_cli_fail(HANE_EINVAL);
	if ((rc = vehicle_opt(cli, opt(a, "vehicle"), &vid)) != 0)
		return hane_cli_fail(rc);
	if (has(a, "driver") &&
	    hane_cli_int(CMD, "--driver", opt(a, "driver"), &did))
		return HANE_EXIT_USAGE;
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

static int cmd_import(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {"rejects", "dry-run", NULL};
	struct hane_taxi_import_counts c;
	int rc;

	if ((rc = only(a, known)) != 0 || (rc = need_pos(a, 1, "FILE")) != 0)
		return rc;
	rc = hane_taxi_import(cli->db, a->o.pos[1], opt(a, "rejects"),
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

static int num_opt(const struct args *a, const char *name, int *out)
{
	int64_t n;

	if (!has(a, name))
		return 0;
	if (hane_cli_int(CMD, name, opt(a, name), &n))
		return HANE_EXIT_USAGE;
	*out = (int)n;
	return 0;
}

static int cmd_vehicle(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {"wheelchair", "seats", "driver",
					    "service",	  "notes", NULL};
	struct hane_taxi_vehicle v;
	const char *sub;
	int64_t id = 0;
	int rc;

	if ((rc = only(a, known)) != 0 ||
	    (rc = need_pos(a, 1, "add|edit|list")))
		return rc;
	sub = a->o.pos[1];
	if (!strcmp(sub, "list")) {
		rc = hane_taxi_vehicle_each(cli->db, print_vehicle, NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if ((rc = need_pos(a, 2, "PLATE")) != 0)
		return rc;
	memset(&v, 0, sizeof v);
	if (!strcmp(sub, "edit")) {
		if ((rc = hane_taxi_vehicle_find(cli->db, a->o.pos[2], &v)))
			return hane_cli_fail(rc);
	} else if (!strcmp(sub, "add")) {
		HANE_CLI_COPY(v.plate, "PLATE", a->o.pos[2]);
		v.in_service = true;
	} else {
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	}
	if ((rc = num_opt(a, "wheelchair", &v.wheelchair_places)) != 0 ||
	    (rc = num_opt(a, "seats", &v.seats)) != 0)
		return rc;
	if (has(a, "driver") &&
	    hane_cli_int(CMD, "--driver", opt(a, "driver"), &v.driver_id))
		return HANE_EXIT_USAGE;
	if (has(a, "service"))
		v.in_service = yes(opt(a, "service"));
	if (has(a, "notes"))
		HANE_CLI_COPY(v.notes, "notes", opt(a, "notes"));
	if ((rc = hane_taxi_vehicle_save(cli->db, &v, &id)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_TAXI_CLI_VEHICLE_SAVED), (long long)id, v.plate);
	return 0;
}

static int cmd_driver(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {"phone", "active", "notes", "name",
					    NULL};
	struct hane_taxi_driver d;
	const char *sub;
	int64_t id = 0;
	int rc;

	if ((rc = only(a, known)) != 0 ||
	    (rc = need_pos(a, 1, "add|edit|list")))
		return rc;
	sub = a->o.pos[1];
	if (!strcmp(sub, "list")) {
		rc = hane_taxi_driver_each(cli->db, print_driver, NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	memset(&d, 0, sizeof d);
	if (!strcmp(sub, "add")) {
		if ((rc = need_pos(a, 2, "\"NAME\"")) != 0)
			return rc;
		HANE_CLI_COPY(d.full_name, "NAME", a->o.pos[2]);
		d.active = true;
	} else if (!strcmp(sub, "edit")) {
		if ((rc = pos_int(a, 2, "DRIVER_ID", &id)) != 0)
			return rc;
		if ((rc = hane_taxi_driver_get(cli->db, id, &d)) != 0)
			return hane_cli_fail(rc);
	} else {
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	}
	if (has(a, "name"))
		HANE_CLI_COPY(d.full_name, "name", opt(a, "name"));
	/* Normalised here: the struct holds E.164, shorter than what
	 * people type ("0532 123 45 67"). */
	if (has(a, "phone") && *opt(a, "phone") &&
	    hane_phone_normalize(d.phone, opt(a, "phone")) != 0) {
		char why[256];

		snprintf(why, sizeof why, "%s", hane_error_last());
		hane_error_set("%s: %s", hane_msg(HANE_M_F_PHONE), why);
		return hane_cli_fail(HANE_EINVAL);
	}
	if (has(a, "phone") && !*opt(a, "phone"))
		d.phone[0] = '\0';
	if (has(a, "active"))
		d.active = yes(opt(a, "active"));
	if (has(a, "notes"))
		HANE_CLI_COPY(d.notes, "notes", opt(a, "notes"));
	if ((rc = hane_taxi_driver_save(cli->db, &d, &id)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_TAXI_CLI_DRIVER_SAVED), (long long)id,
	       d.full_name);
	return 0;
}

static int cmd_destination(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {"kind", "address", NULL};
	struct hane_taxi_destination d;
	int64_t id = 0;
	int rc;

	if ((rc = only(a, known)) != 0 || (rc = need_pos(a, 1, "add|list")))
		return rc;
	if (!strcmp(a->o.pos[1], "list")) {
		rc = hane_taxi_destination_each(cli->db, print_dest, NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (strcmp(a->o.pos[1], "add") != 0)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      a->o.pos[1]);
	if ((rc = need_pos(a, 2, "\"NAME\"")) != 0)
		return rc;
	memset(&d, 0, sizeof d);
	HANE_CLI_COPY(d.name, "NAME", a->o.pos[2]);
	snprintf(d.kind, sizeof d.kind, "%s",
		 has(a, "kind") ? opt(a, "kind") : "other");
	if (has(a, "address"))
		HANE_CLI_COPY(d.address, "address", opt(a, "address"));
	d.active = true;
	if ((rc = hane_taxi_destination_save(cli->db, &d, &id)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_TAXI_CLI_DEST_SAVED), (long long)id, d.name);
	return 0;
}

static int cmd_setting(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {NULL};
	struct hane_taxi_settings s;
	int rc;

	if ((rc = only(a, known)) != 0)
		return rc;
	if (a->o.npos >= 3) {
		if ((rc = hane_taxi_setting_set(cli->db, a->o.pos[1],
						a->o.pos[2])) != 0)
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

static int cmd_holiday(struct hane_cli *cli, struct args *a)
{
	static const char *const known[] = {NULL};
	int rc;

	if ((rc = only(a, known)) != 0 || (rc = need_pos(a, 3, "add DAY NAME")))
		return rc;
	if (strcmp(a->o.pos[1], "add") != 0)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      a->o.pos[1]);
	if ((rc = hane_taxi_holiday_add(cli->db, a->o.pos[2], a->o.pos[3])))
		return hane_cli_fail(rc);
	fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
	return 0;
}

int hane_cmd_taxi(struct hane_cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(struct hane_cli *cli, struct args *a);
	} subs[] = {
		{"rider", cmd_rider},	    {"book", cmd_book},
		{"cancel", cmd_cancel},	    {"outcome", cmd_outcome},
		{"assign", cmd_assign},	    {"board", cmd_board},
		{"manifest", cmd_manifest}, {"list", cmd_list},
		{"import", cmd_import},	    {"vehicle", cmd_vehicle},
		{"driver", cmd_driver},	    {"destination", cmd_destination},
		{"setting", cmd_setting},   {"holiday", cmd_holiday},
	};
	struct args a;
	const char *name, *value;
	int rc;

	memset(&a, 0, sizeof a);
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0) {
			fputs(hane_msg(HANE_M_TAXI_CLI_HELP), stdout);
			return 0;
		}
	hane_opts_init(&a.o, argc, argv, flags);
	while ((name = hane_opts_next(&a.o, &value)) != NULL) {
		if (a.n >= 32)
			return hane_cli_usage(
				CMD, hane_msg(HANE_M_CLI_TOO_MANY), name);
		/* hane_opts_next reuses its name buffer: keep a copy. */
		a.name[a.n] = strdup(name);
		a.value[a.n++] = value;
	}
	if (a.o.error) {
		rc = HANE_EXIT_USAGE;
		goto out;
	}
	if (a.o.npos == 0) {
		rc = hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				    "rider|book|cancel|outcome|board|manifest|"
				    "list|import");
		goto out;
	}
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(a.o.pos[0], subs[i].name) != 0)
			continue;
		if ((rc = hane_cli_open(cli, 0)) != 0)
			goto out;
		rc = subs[i].run(cli, &a);
		goto out;
	}
	rc = hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD), a.o.pos[0]);
out:
	for (int i = 0; i < a.n; i++)
		free((char *)a.name[i]);
	return rc;
}
