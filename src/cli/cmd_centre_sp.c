/* hane centre session|sessions|book|attend|noshow|placement|placements:
 * the centres' sessions (Kısa Mola), bookings and placements (Down Kafe)
 * from the command line.
 *
 * Only parsing and printing: every rule is in the model
 * (hane/centres_sp.h), so a booking refused here ("oturum dolu: 8/8") is
 * refused the same way at the console. The lists that name persons are
 * logged as reads first, and a placement's free text (why it ended, the
 * notes) goes through the gate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_centre_sp.h"
#include "cli/opt.h"
#include "hane/centres_sp.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/security.h"

#define CMD "centre"

typedef const struct hane_args args;

static int pos_id(args *a, int i, const char *what, int64_t *out)
{
	return hane_cli_int(CMD, what, a->pos[i], out) ? HANE_EXIT_USAGE : 0;
}

/* PERSON as typed: a person number, or an 11-digit TC Kimlik No. */
static int person_arg(struct hane_cli *cli, const char *s, int64_t *id)
{
	struct hane_person p;
	int rc;

	if (s && strlen(s) == HANE_TCKN_LEN && strspn(s, "0123456789") == 11) {
		if ((rc = hane_person_by_tckn(cli->db, s, &p)) != 0)
			return hane_cli_fail(rc);
		*id = p.id;
		return 0;
	}
	return hane_cli_int(CMD, hane_msg(HANE_M_CSP_CLI_PERSON), s, id)
		       ? HANE_EXIT_USAGE
		       : 0;
}

static int site_arg(struct hane_cli *cli, const char *key, const char *kind,
		    int64_t *id)
{
	int rc = hane_centre_sp_site(cli->db, key, kind, id);

	return rc ? hane_cli_fail(rc) : 0;
}

static const char *status_word(const char *code)
{
	static const struct hane_code words[] = {
		{"open", HANE_M_CSP_ST_OPEN},
		{"booked", HANE_M_CSP_ST_BOOKED},
		{"attended", HANE_M_CSP_ST_ATTENDED},
		{"no_show", HANE_M_CSP_ST_NO_SHOW},
		{"cancelled", HANE_M_CSP_ST_CANCELLED},
	};

	return hane_code_text(words, HANE_COUNTOF(words), code);
}

/* "20.06.2026 Cmt" */
static const char *day_shown(char out[24], const char *iso)
{
	char d[HANE_DATE_LEN + 1];
	int wd = hane_date_weekday(iso);

	snprintf(out, 24, "%s %s", hane_date_format(d, iso),
		 hane_weekday_name(wd, true));
	return out;
}

/* ---- Sessions ------------------------------------------------------------------ */

static int print_session(const struct hane_centre_session *s, void *arg)
{
	char d[24];

	(void)arg;
	printf("#%lld\t%s\t%s-%s\t%s\t%d/%d%s%s\n", (long long)s->id,
	       day_shown(d, s->date), s->start_time, s->end_time, s->site_name,
	       s->booked, s->cap, strcmp(s->status, "open") ? "\t" : "",
	       strcmp(s->status, "open") ? status_word(s->status) : "");
	return 0;
}

static int print_booking(const struct hane_centre_booking *b, void *arg)
{
	(void)arg;
	printf("  #%lld\t%s\t%s", (long long)b->id, b->person_name,
	       status_word(b->status));
	if (b->no_shows)
		printf(hane_msg(HANE_M_CSP_CLI_NO_SHOWS), b->no_shows);
	putchar('\n');
	return 0;
}

static int session_show(struct hane_cli *cli, int64_t id)
{
	struct hane_centre_session s;
	int rc;

	if ((rc = hane_centre_session_get(cli->db, id, &s)) != 0 ||
	    (rc = hane_gate_list(cli->db, "centres.session.bookings")) != 0)
		return hane_cli_fail(rc);
	print_session(&s, NULL);
	if (s.notes[0])
		printf("  %s: %s\n", hane_msg(HANE_M_CSP_F_NOTES), s.notes);
	if ((rc = hane_centre_booking_each(cli->db, id, print_booking, NULL)))
		return hane_cli_fail(rc);
	return HANE_EXIT_OK;
}

int hane_csp_cmd_session(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_csp_opts *o = opts;
	struct hane_centre_session s;
	const char *what = a->pos[0];
	int64_t id = 0;
	int rc;

	if (a->npos < 2)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      !strcmp(what, "add") ? "SITE" : "ID");
	if (!strcmp(what, "add")) {
		hane_centre_session_init(&s);
		if ((rc = site_arg(cli, a->pos[1], "session", &s.site_id)))
			return rc;
	} else if (!strcmp(what, "edit") || !strcmp(what, "show") ||
		   !strcmp(what, "cancel")) {
		if ((rc = pos_id(a, 1, "ID", &id)) != 0)
			return rc;
		if (!strcmp(what, "show"))
			return session_show(cli, id);
		if (!strcmp(what, "cancel")) {
			if ((rc = hane_centre_session_cancel(cli->db, id)) ||
			    (rc = hane_centre_session_get(cli->db, id, &s)))
				return hane_cli_fail(rc);
			print_session(&s, NULL);
			return HANE_EXIT_OK;
		}
		if ((rc = hane_centre_session_get(cli->db, id, &s)) != 0)
			return hane_cli_fail(rc);
	} else {
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      what);
	}
	hane_opt_fields_given(a, o, offsetof(struct hane_csp_opts, s), sizeof s,
			      &s);
	if ((rc = hane_centre_session_save(cli->db, &s, NULL)) != 0)
		return hane_cli_fail(rc);
	print_session(&s, NULL);
	return HANE_EXIT_OK;
}

int hane_csp_cmd_sessions(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_csp_opts *o = opts;
	int64_t site = 0;
	int rc;

	if (a->npos && (rc = site_arg(cli, a->pos[0], "session", &site)))
		return rc;
	if ((rc = hane_centre_session_each(cli->db, site, o->day,
					   o->days ? (int)o->days : 7,
					   print_session, NULL)) != 0)
		return hane_cli_fail(rc);
	return HANE_EXIT_OK;
}

/* ---- Bookings ------------------------------------------------------------------ */

/* The booking named by BOOKING, or by SESSION PERSON. */
static int booking_of(struct hane_cli *cli, args *a, int64_t *id)
{
	struct hane_centre_booking b;
	int64_t session, person;
	int rc;

	if (a->npos == 1)
		return pos_id(a, 0, "BOOKING", id);
	if ((rc = pos_id(a, 0, "SESSION", &session)) != 0 ||
	    (rc = person_arg(cli, a->pos[1], &person)) != 0)
		return rc;
	if ((rc = hane_centre_booking_find(cli->db, session, person, &b)))
		return hane_cli_fail(rc);
	*id = b.id;
	return 0;
}

int hane_csp_cmd_book(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_csp_opts *o = opts;
	struct hane_centre_booking b;
	struct hane_centre_session s;
	int64_t session, person, id = 0;
	char d[24];
	int rc;

	if ((rc = pos_id(a, 0, "SESSION", &session)) != 0 ||
	    (rc = person_arg(cli, a->pos[1], &person)) != 0)
		return rc;
	if (o->cancel) {
		if ((rc = booking_of(cli, a, &id)) != 0)
			return rc;
		rc = hane_centre_booking_mark(cli->db, id, "cancelled");
	} else {
		rc = hane_centre_book(cli->db, session, person,
				      o->late ? HANE_CSP_LATE : 0, &id);
	}
	if (rc || (rc = hane_centre_booking_get(cli->db, id, &b)) != 0 ||
	    (rc = hane_centre_session_get(cli->db, session, &s)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CSP_CLI_BOOKED), (long long)b.id, b.person_name,
	       status_word(b.status), day_shown(d, s.date), s.start_time,
	       s.site_name, s.booked, s.cap);
	return HANE_EXIT_OK;
}

static int mark(struct hane_cli *cli, struct hane_csp_opts *o, args *a,
		const char *status)
{
	struct hane_centre_booking b;
	int64_t id = 0;
	int rc;

	if ((rc = booking_of(cli, a, &id)) != 0)
		return rc;
	if ((rc = hane_centre_booking_mark(cli->db, id,
					   o->undo ? "booked" : status)) ||
	    (rc = hane_centre_booking_get(cli->db, id, &b)) != 0)
		return hane_cli_fail(rc);
	print_booking(&b, NULL);
	return HANE_EXIT_OK;
}

int hane_csp_cmd_attend(struct hane_cli *cli, void *opts, args *a)
{
	return mark(cli, opts, a, "attended");
}

int hane_csp_cmd_noshow(struct hane_cli *cli, void *opts, args *a)
{
	return mark(cli, opts, a, "no_show");
}

/* ---- Placements ------------------------------------------------------------------ */

static const char *free_text(hane_db *db, const char *column, const char *v,
			     char *out, size_t n)
{
	return hane_gate_field(
		db, HANE_ACT_CENTRES_WRITE,
		hane_record_field(&hane_centre_placement_rdef, column), v, out,
		n);
}

static int print_placement(const struct hane_centre_placement *p, void *arg)
{
	hane_db *db = arg;
	char s[HANE_DATE_LEN + 1], e[HANE_DATE_LEN + 1], r[HANE_CSP_TEXT];

	printf("#%lld\t%s\t%s\t%s\t", (long long)p->id, p->person_name,
	       p->site_name, p->role);
	printf(hane_msg(HANE_M_CSP_CLI_TERMS), p->hours_week,
	       hane_msg(p->paid ? HANE_M_CSP_CLI_PAID : HANE_M_CSP_CLI_UNPAID),
	       hane_msg(p->insured ? HANE_M_CSP_CLI_INSURED
				   : HANE_M_CSP_CLI_UNINSURED));
	printf("\t%s\t%s", p->coach[0] ? p->coach : "-",
	       hane_date_format(s, p->start));
	if (p->end_date[0])
		printf("–%s\t%s", hane_date_format(e, p->end_date),
		       free_text(db, "end_reason", p->end_reason, r, sizeof r));
	putchar('\n');
	return 0;
}

static int placement_show(struct hane_cli *cli, int64_t id)
{
	struct hane_centre_placement p;
	char notes[HANE_CSP_TEXT];
	int rc;

	if ((rc = hane_centre_placement_get(cli->db, id, &p)) != 0 ||
	    (rc = hane_gate_view(cli->db, "centres.placement.view",
				 "centre_placement", id)) != 0)
		return hane_cli_fail(rc);
	print_placement(&p, cli->db);
	if (p.notes[0])
		printf("  %s: %s\n", hane_msg(HANE_M_CSP_F_NOTES),
		       free_text(cli->db, "notes", p.notes, notes,
				 sizeof notes));
	return HANE_EXIT_OK;
}

int hane_csp_cmd_placement(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_csp_opts *o = opts;
	struct hane_centre_placement p;
	const char *what = a->pos[0];
	int64_t id = 0;
	int rc;

	if (a->npos < 2)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      !strcmp(what, "add") ? "PERSON" : "ID");
	if (!strcmp(what, "add")) {
		hane_centre_placement_init(&p);
		if ((rc = person_arg(cli, a->pos[1], &p.person_id)) != 0)
			return rc;
		if (!o->site)
			return hane_cli_usage(CMD,
					      hane_msg(HANE_M_CLI_MISSING_ARG),
					      "--site");
		if ((rc = site_arg(cli, o->site, "placement", &p.site_id)))
			return rc;
	} else if (!strcmp(what, "edit") || !strcmp(what, "show") ||
		   !strcmp(what, "end")) {
		if ((rc = pos_id(a, 1, "ID", &id)) != 0)
			return rc;
		if (!strcmp(what, "show"))
			return placement_show(cli, id);
		if (!strcmp(what, "end")) {
			if ((rc = hane_centre_placement_end(cli->db, id, o->day,
							    o->reason)))
				return hane_cli_fail(rc);
			return placement_show(cli, id);
		}
		if ((rc = hane_centre_placement_get(cli->db, id, &p)) != 0)
			return hane_cli_fail(rc);
		if (o->site &&
		    (rc = site_arg(cli, o->site, "placement", &p.site_id)))
			return rc;
	} else {
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      what);
	}
	hane_opt_fields_given(a, o, offsetof(struct hane_csp_opts, p), sizeof p,
			      &p);
	if ((rc = hane_centre_placement_save(cli->db, &p, NULL)) != 0)
		return hane_cli_fail(rc);
	return placement_show(cli, p.id);
}

int hane_csp_cmd_placements(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_csp_opts *o = opts;
	int64_t site = 0, person = 0;
	int rc;

	(void)a;
	if (o->site && (rc = site_arg(cli, o->site, "placement", &site)))
		return rc;
	if (o->person && (rc = person_arg(cli, o->person, &person)) != 0)
		return rc;
	if ((rc = hane_gate_list(cli->db, "centres.placements")) != 0 ||
	    (rc = hane_centre_placement_each(cli->db, !o->ended, site, person,
					     print_placement, cli->db)) != 0)
		return hane_cli_fail(rc);
	return HANE_EXIT_OK;
}

/* ---- Option tables ------------------------------------------------------------------ */

#define S struct hane_csp_opts
#define TEXT(name, m, help)                                                    \
	HANE_OPT(S, name, m, HANE_FT_TEXT, HANE_OPT_ARGV, help)
#define SWITCH(name, m, help)                                                  \
	HANE_OPT(S, name, m, HANE_FT_BOOL, HANE_OPT_SWITCH, help)
#define SESSION(...)                                                           \
	HANE_OPT_FIELD(S, s, struct hane_centre_session, __VA_ARGS__)
#define PLACEMENT(...)                                                         \
	HANE_OPT_FIELD(S, p, struct hane_centre_placement, __VA_ARGS__)
const struct hane_opt hane_csp_session_opts[] = {
	HANE_CENTRE_SESSION_FIELDS(SESSION){0}};
const struct hane_opt hane_csp_sessions_opts[] = {
	HANE_OPT(S, "day", day, HANE_FT_DATE, 0, HANE_M_OPT_CSP_FROM),
	HANE_OPT(S, "days", days, HANE_FT_INT, 0, HANE_M_OPT_CSP_DAYS),
	{0}};
const struct hane_opt hane_csp_book_opts[] = {
	SWITCH("late", late, HANE_M_OPT_CSP_LATE),
	SWITCH("cancel", cancel, HANE_M_OPT_CSP_CANCEL),
	{0}};
const struct hane_opt hane_csp_mark_opts[] = {
	SWITCH("undo", undo, HANE_M_OPT_CSP_UNDO), {0}};
const struct hane_opt hane_csp_placement_opts[] = {
	HANE_CENTRE_PLACEMENT_FIELDS(PLACEMENT)
		TEXT("site", site, HANE_M_OPT_CSP_SITE),
	HANE_OPT(S, "day", day, HANE_FT_DATE, 0, HANE_M_OPT_CSP_END_DAY),
	TEXT("reason", reason, HANE_M_OPT_CSP_REASON),
	{0}};
const struct hane_opt hane_csp_placements_opts[] = {
	SWITCH("ended", ended, HANE_M_OPT_CSP_ENDED),
	TEXT("site", site, HANE_M_OPT_CSP_SITE),
	TEXT("person", person, HANE_M_OPT_CSP_PERSON),
	{0}};
#undef PLACEMENT
#undef SESSION
#undef SWITCH
#undef TEXT
#undef S
