/* hane centre programme|site|staff|apply|decide|applications|waiting|
 * members|end|checkin|checkout|today|show|import: Merkezler from the
 * command line.
 *
 * Only parsing and printing: every rule is in the centres model, so a
 * check-in refused here (an ended membership, another site) is refused
 * the same way at the console, with the same sentence. Personal values
 * go through the gate (KVKK): diagnosis notes and notes are clear for the
 * unit's staff and masked for anyone else, TC Kimlik No as the gate says;
 * the model logs every list of persons it gives.
 *
 * The sessions, bookings and placements (hane/centres_sp.h) add their
 * rows at the end of hane_cli_centre_cmds[] from src/cli/cmd_centre_sp.c,
 * with their own options struct beside ours in union centre_all_opts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cmd_centre_sp.h"
#include "cli/opt.h"
#include "hane/centres.h"
#include "hane/households.h"
#include "hane/households_csv.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/security.h"

#define CMD "centre"

struct centre_opts {
	const char *programme, *site, *status, *person, *query, *reason, *term,
		*notes, *diagnosis, *rejects, *time;
	char date[HANE_DATE_LEN + 1];
	int64_t limit, member;
	int ended, all, check, dry_run;
	struct hane_csv_opts csv;
	struct hane_centre_programme prog; /* programme add, edit */
	struct hane_centre_site st;	   /* site add, edit */
};

/* The unit's one options struct: every table's offsets are from 0. */
union centre_all_opts {
	struct centre_opts c;
	struct hane_csp_opts sp;
};

typedef const struct hane_args args;

static const char *dash(const char *s)
{
	return s && *s ? s : "-";
}

static int pos_id(args *a, int i, const char *what, int64_t *out)
{
	return hane_cli_int(CMD, what, a->pos[i], out) ? HANE_EXIT_USAGE : 0;
}

/* PERSON as typed: an 11-digit TC Kimlik No, or a person number. */
static int person_arg(struct hane_cli *cli, const char *s, int64_t *id)
{
	struct hane_person p;
	int rc;

	if (s && strlen(s) == HANE_TCKN_LEN && strspn(s, "0123456789") == 11)
		rc = hane_person_by_tckn(cli->db, s, &p);
	else if (hane_cli_int(CMD, "KİŞİ", s, id))
		return HANE_EXIT_USAGE;
	else
		rc = hane_person_get(cli->db, *id, &p);
	if (rc)
		return hane_cli_fail(rc);
	*id = p.id;
	return 0;
}

static int programme_arg(struct hane_cli *cli, const char *s,
			 struct hane_centre_programme *p)
{
	int rc = hane_centre_programme_find(cli->db, s, p);

	return rc ? hane_cli_fail(rc) : 0;
}

static int site_arg(struct hane_cli *cli, const char *s,
		    struct hane_centre_site *site)
{
	int rc = hane_centre_site_find(cli->db, s, site);

	return rc ? hane_cli_fail(rc) : 0;
}

/* A personal text field of def through the gate. */
static const char *gated(hane_db *db, const struct hane_rdef *def,
			 const char *col, const char *v, char *out, size_t n)
{
	if (!v || !*v)
		return "-";
	return hane_gate_field(db, HANE_ACT_CENTRES_WRITE,
			       hane_record_field(def, col), v, out, n);
}

static const char *tckn_shown(hane_db *db, const char *tckn, char *out,
			      size_t n)
{
	if (!tckn || !*tckn)
		return "-";
	return hane_gate_show(db, HANE_ACT_CENTRES_WRITE, HANE_PD_TCKN, tckn,
			      out, n);
}

static const char *rule_text(int v, char *out, size_t n, const char *fmt)
{
	if (v < 0)
		return "-";
	snprintf(out, n, fmt, v);
	return out;
}

/* ---- programme ------------------------------------------------------------------- */

static int print_programme(const struct hane_centre_programme *p, void *arg)
{
	char a[16], b[16], d[16];

	(void)arg;
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%s\n", p->code,
	       hane_centre_label(HANE_CENTRE_KIND, p->kind), p->name,
	       rule_text(p->min_age, a, sizeof a, "%d"),
	       rule_text(p->max_age, b, sizeof b, "%d"),
	       rule_text(p->min_disability, d, sizeof d, "%%%d"),
	       p->needs_diagnosis ? hane_msg(HANE_M_CEN_CLI_DIAGNOSIS) : "-",
	       dash(p->residence),
	       p->active ? "" : hane_msg(HANE_M_CEN_CLI_PASSIVE));
	return 0;
}

static int cmd_programme(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	const char *sub = a->npos ? a->pos[0] : "list";
	struct hane_centre_programme p;
	int rc;

	if (!strcmp(sub, "list")) {
		rc = hane_centre_programme_each(cli->db, o->all,
						print_programme, NULL);
		return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
	}
	if (strcmp(sub, "add") && strcmp(sub, "edit") && strcmp(sub, "show"))
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	if (strcmp(sub, "add") && a->npos < 2)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "PROGRAM");
	if (!strcmp(sub, "add"))
		hane_centre_programme_init(&p);
	else if ((rc = programme_arg(cli, a->pos[1], &p)) != 0)
		return rc;
	if (strcmp(sub, "show")) {
		hane_opt_fields_given(a, o, offsetof(struct centre_opts, prog),
				      sizeof p, &p);
		if ((rc = hane_centre_programme_save(cli->db, &p, NULL)) != 0)
			return hane_cli_fail(rc);
	}
	print_programme(&p, NULL);
	return HANE_EXIT_OK;
}

/* ---- site ---------------------------------------------------------------------------- */

static int print_site(const struct hane_centre_site *s, void *arg)
{
	char cap[24], age[16];

	(void)arg;
	if (s->capacity)
		snprintf(cap, sizeof cap, "%lld/%d", (long long)s->members,
			 s->capacity);
	else
		snprintf(cap, sizeof cap, "%lld", (long long)s->members);
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%lld\t%s%s\n", s->code,
	       s->programme_code, s->name, dash(s->address), dash(s->days),
	       dash(s->hours), cap, (long long)s->waiting,
	       rule_text(s->min_age, age, sizeof age, "%d+"),
	       s->active ? "" : hane_msg(HANE_M_CEN_CLI_PASSIVE));
	return 0;
}

static int cmd_site(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	const char *sub = a->npos ? a->pos[0] : "list";
	struct hane_centre_programme p;
	struct hane_centre_site s;
	int rc;

	if (!strcmp(sub, "list")) {
		int64_t pid = 0;

		if (a->npos > 1 || o->programme) {
			if ((rc = programme_arg(cli,
						a->npos > 1 ? a->pos[1]
							    : o->programme,
						&p)) != 0)
				return rc;
			pid = p.id;
		}
		rc = hane_centre_site_each(cli->db, pid, o->all, print_site,
					   NULL);
		return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
	}
	if (strcmp(sub, "add") && strcmp(sub, "edit") && strcmp(sub, "show"))
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	if (strcmp(sub, "add") && a->npos < 2)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "YER");
	if (!strcmp(sub, "add")) {
		if (!o->programme)
			return hane_cli_usage(CMD,
					      hane_msg(HANE_M_CLI_MISSING_ARG),
					      "--programme");
		hane_centre_site_init(&s);
	} else if ((rc = site_arg(cli, a->pos[1], &s)) != 0) {
		return rc;
	}
	if (strcmp(sub, "show")) {
		hane_opt_fields_given(a, o, offsetof(struct centre_opts, st),
				      sizeof s, &s);
		if (o->programme) {
			if ((rc = programme_arg(cli, o->programme, &p)) != 0)
				return rc;
			s.programme_id = p.id;
		}
		if ((rc = hane_centre_site_save(cli->db, &s, NULL)) != 0)
			return hane_cli_fail(rc);
	}
	print_site(&s, NULL);
	return HANE_EXIT_OK;
}

/* ---- staff ------------------------------------------------------------------------- */

static int print_staff(const struct hane_centre_staff *s, void *arg)
{
	(void)arg;
	printf("%s\t%s\t%s\n", s->programme_code, s->username,
	       dash(s->full_name));
	return 0;
}

static int cmd_staff(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	const char *sub = a->npos ? a->pos[0] : "list";
	struct hane_centre_programme p;
	int rc;

	if (!strcmp(sub, "list")) {
		memset(&p, 0, sizeof p);
		if (a->npos > 1 || o->programme)
			if ((rc = programme_arg(cli,
						a->npos > 1 ? a->pos[1]
							    : o->programme,
						&p)) != 0)
				return rc;
		rc = hane_centre_staff_each(cli->db, p.id, print_staff, NULL);
		return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
	}
	if (strcmp(sub, "add") && strcmp(sub, "remove"))
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	if (a->npos < 3)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      a->npos < 2 ? "KULLANICI" : "PROGRAM");
	if ((rc = programme_arg(cli, a->pos[2], &p)) != 0)
		return rc;
	rc = !strcmp(sub, "add")
		     ? hane_centre_staff_add(cli->db, a->pos[1], p.id)
		     : hane_centre_staff_remove(cli->db, a->pos[1], p.id);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(!strcmp(sub, "add") ? HANE_M_CEN_CLI_STAFF_ADDED
					    : HANE_M_CEN_CLI_STAFF_REMOVED),
	       a->pos[1], p.name);
	return HANE_EXIT_OK;
}

/* ---- Applications -------------------------------------------------------------------- */

static int print_application(const struct hane_centre_application *ap,
			     void *arg)
{
	hane_db *db = arg;
	char d[HANE_DATE_LEN + 1], t[32], dg[HANE_CENTRE_TEXT],
		nt[HANE_CENTRE_TEXT], pos[16] = "";

	if (ap->position)
		snprintf(pos, sizeof pos, " %d.", ap->position);
	printf("#%lld\t%s\t%s\t%s\t%s\t%s%s\t%s\t%s\t%s\n", (long long)ap->id,
	       hane_date_format(d, ap->date), ap->person_name,
	       tckn_shown(db, ap->tckn, t, sizeof t), ap->site_name,
	       hane_centre_label(HANE_CENTRE_STATUS, ap->status), pos,
	       dash(ap->reason),
	       gated(db, &hane_centre_application_rdef, "diagnosis",
		     ap->diagnosis, dg, sizeof dg),
	       gated(db, &hane_centre_application_rdef, "notes", ap->notes, nt,
		     sizeof nt));
	return 0;
}

static int cmd_apply(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	struct hane_centre_application ap;
	struct hane_centre_site s;
	struct hane_centre_elig e;
	int rc;

	hane_centre_application_init(&ap);
	if ((rc = person_arg(cli, a->pos[0], &ap.person_id)) != 0 ||
	    (rc = site_arg(cli, a->pos[1], &s)) != 0)
		return rc;
	ap.site_id = s.id;
	HANE_COPY(ap.date, o->date);
	if ((rc = hane_cli_copy(ap.diagnosis, sizeof ap.diagnosis,
				"--diagnosis",
				o->diagnosis ? o->diagnosis : "")) != 0 ||
	    (rc = hane_cli_copy(ap.notes, sizeof ap.notes, "--notes",
				o->notes ? o->notes : "")) != 0)
		return rc;
	if (o->check) {
		if ((rc = hane_centre_eligibility(cli->db, ap.person_id, s.id,
						  ap.date, ap.diagnosis, &e)))
			return hane_cli_fail(rc);
		if (e.eligible)
			printf(hane_msg(HANE_M_CEN_CLI_ELIGIBLE), s.name);
		else
			printf("%s\n", e.why);
		return e.eligible ? HANE_EXIT_OK : HANE_EXIT_ERROR;
	}
	if ((rc = hane_centre_apply(cli->db, &ap)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CEN_CLI_APPLIED), (long long)ap.id, s.name);
	return HANE_EXIT_OK;
}

static int cmd_decide(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	struct hane_centre_application ap;
	int64_t id, mid = 0;
	int rc;

	if ((rc = pos_id(a, 0, "BAŞVURU", &id)) != 0)
		return rc;
	if ((rc = hane_centre_decide(cli->db, id, 0, a->pos[1], o->date,
				     o->reason, o->term, &mid)) != 0 ||
	    (rc = hane_centre_application_get(cli->db, id, &ap)) != 0)
		return hane_cli_fail(rc);
	if (mid)
		printf(hane_msg(HANE_M_CEN_CLI_ADMITTED), (long long)ap.id,
		       ap.person_name, ap.site_name, (long long)mid);
	else if (ap.position)
		printf(hane_msg(HANE_M_CEN_CLI_WAITING), (long long)ap.id,
		       ap.person_name, ap.site_name, ap.position);
	else
		printf(hane_msg(HANE_M_CEN_CLI_DECIDED), (long long)ap.id,
		       ap.person_name,
		       hane_centre_label(HANE_CENTRE_STATUS, ap.status));
	return HANE_EXIT_OK;
}

static int cmd_applications(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	struct hane_centre_app_filter f = {0};
	struct hane_centre_programme p;
	struct hane_centre_site s;
	int rc;

	if (a->npos || o->site) {
		if ((rc = site_arg(cli, a->npos ? a->pos[0] : o->site, &s)))
			return rc;
		f.site_id = s.id;
	}
	if (o->programme) {
		if ((rc = programme_arg(cli, o->programme, &p)) != 0)
			return rc;
		f.programme_id = p.id;
	}
	if (o->person && (rc = person_arg(cli, o->person, &f.person_id)) != 0)
		return rc;
	f.status = o->status;
	f.limit = (int)o->limit;
	rc = hane_centre_application_each(cli->db, &f, print_application,
					  cli->db);
	return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
}

static int cmd_waiting(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_centre_site s;
	int rc;

	(void)opts;
	if ((rc = site_arg(cli, a->pos[0], &s)) != 0)
		return rc;
	printf(hane_msg(HANE_M_CEN_CLI_WAITING_HEAD), s.name,
	       (long long)s.members, s.capacity, (long long)s.waiting);
	rc = hane_centre_waiting_each(cli->db, s.id, print_application,
				      cli->db);
	return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
}

/* ---- Members ------------------------------------------------------------------------------ */

static int print_member(const struct hane_centre_member *m, void *arg)
{
	hane_db *db = arg;
	char d[HANE_DATE_LEN + 1], e[HANE_DATE_LEN + 1], t[32],
		nt[HANE_CENTRE_TEXT];

	printf("#%lld\t%s\t%s\t%s\t%s\t%s", (long long)m->id, m->person_name,
	       tckn_shown(db, m->tckn, t, sizeof t), m->site_name,
	       hane_date_format(d, m->start),
	       m->end_date[0] ? hane_date_format(e, m->end_date) : "-");
	if (m->end_date[0])
		printf(" (%s)", hane_centre_label(HANE_CENTRE_END_REASON,
						  m->end_reason));
	printf("\t%s\t%lld\t%s%s\n", dash(m->term), (long long)m->visits,
	       gated(db, &hane_centre_member_rdef, "notes", m->notes, nt,
		     sizeof nt),
	       m->in_since[0] ? hane_msg(HANE_M_CEN_CLI_IN) : "");
	return 0;
}

static int cmd_members(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	struct hane_centre_member_filter f = {0};
	struct hane_centre_programme p;
	struct hane_centre_site s;
	int rc;

	if (a->npos || o->site) {
		if ((rc = site_arg(cli, a->npos ? a->pos[0] : o->site, &s)))
			return rc;
		f.site_id = s.id;
	}
	if (o->programme) {
		if ((rc = programme_arg(cli, o->programme, &p)) != 0)
			return rc;
		f.programme_id = p.id;
	}
	f.state = o->all ? 2 : o->ended ? 1 : 0;
	f.query = o->query;
	f.date = o->date;
	f.limit = (int)o->limit;
	rc = hane_centre_member_each(cli->db, &f, print_member, cli->db);
	return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
}

static int cmd_end(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	struct hane_centre_application next;
	struct hane_centre_member m;
	char d[HANE_DATE_LEN + 1];
	int64_t id;
	int rc;

	if ((rc = pos_id(a, 0, "ÜYELİK", &id)) != 0)
		return rc;
	if ((rc = hane_centre_member_end(cli->db, id, 0, o->date, a->pos[1],
					 o->notes, &next)) != 0 ||
	    (rc = hane_centre_member_get(cli->db, id, &m)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CEN_CLI_ENDED), (long long)m.id, m.person_name,
	       hane_date_format(d, m.end_date),
	       hane_centre_label(HANE_CENTRE_END_REASON, m.end_reason));
	if (next.id)
		printf(hane_msg(HANE_M_CEN_CLI_NEXT), m.site_name,
		       next.person_name, (long long)next.id);
	return HANE_EXIT_OK;
}

/* ---- Check-in and out -------------------------------------------------------------------- */

struct pick {
	hane_db *db;
	int n;
	struct hane_centre_member first;
};

static int pick_row(const struct hane_centre_member *m, void *arg)
{
	struct pick *p = arg;

	if (!p->n++)
		p->first = *m;
	if (p->n == 2)
		print_member(&p->first, p->db);
	if (p->n >= 2)
		print_member(m, p->db);
	return 0;
}

/* The member WHO (words of the name, or the TC Kimlik No's last digits)
 * names among SITE's running members, or --member; several are listed
 * and refused, as the console's list would show them. */
static int member_pick(struct hane_cli *cli, struct centre_opts *o, args *a,
		       struct hane_centre_site *s, struct hane_centre_member *m)
{
	struct pick p = {cli->db, 0, {0}};
	char q[256] = "";
	size_t len = 0;
	int rc;

	if ((rc = site_arg(cli, a->pos[0], s)) != 0)
		return rc;
	if (o->member) {
		if ((rc = hane_centre_member_get(cli->db, o->member, m)) != 0)
			return hane_cli_fail(rc);
		return 0;
	}
	if (a->npos < 2)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "KİM");
	for (int i = 1; i < a->npos; i++) {
		int k = snprintf(q + len, sizeof q - len, "%s%s",
				 i > 1 ? " " : "", a->pos[i]);

		if (k < 0 || (size_t)k >= sizeof q - len)
			return hane_cli_usage(CMD, "%s", "KİM");
		len += (size_t)k;
	}
	if ((rc = hane_centre_member_search(cli->db, s->id, q, 20, pick_row,
					    &p)) != 0)
		return hane_cli_fail(rc);
	if (p.n == 1) {
		*m = p.first;
		return 0;
	}
	/* Nobody running here: an ended member of the site, or a member of
	 * another site, is refused with the model's reason. */
	if (!p.n && (rc = hane_centre_search_refusal(cli->db, s->id, q)) !=
			    HANE_ENOTFOUND)
		return hane_cli_fail(rc ? rc : HANE_EINTERNAL);
	hane_error_set(hane_msg(p.n ? HANE_M_CEN_CLI_SEVERAL
				    : HANE_M_CEN_CLI_NO_MEMBER),
		       q, s->name);
	return hane_cli_fail(p.n ? HANE_EINVAL : HANE_ENOTFOUND);
}

static int cmd_checkin(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	struct hane_centre_site s;
	struct hane_centre_member m;
	struct hane_centre_visit v;
	int64_t vid = 0;
	int rc;

	if ((rc = member_pick(cli, o, a, &s, &m)) != 0)
		return rc;
	if ((rc = hane_centre_checkin(cli->db, m.id, s.id, o->date, o->time,
				      &vid)) != 0 ||
	    (rc = hane_record_get(cli->db, &hane_centre_visit_rdef, vid, &v)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CEN_CLI_CHECKED_IN), m.person_name, s.name,
	       v.time_in);
	return HANE_EXIT_OK;
}

static int cmd_checkout(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	struct hane_centre_site s;
	struct hane_centre_member m;
	char t[HANE_CENTRE_TIME], now[20];
	int rc;

	if ((rc = member_pick(cli, o, a, &s, &m)) != 0)
		return rc;
	if ((rc = hane_centre_checkout(cli->db, m.id, o->date, o->time)) != 0)
		return hane_cli_fail(rc);
	if (o->time && *o->time)
		HANE_COPY(t, o->time);
	else
		snprintf(t, sizeof t, "%.5s", hane_now(now) + 11);
	printf(hane_msg(HANE_M_CEN_CLI_CHECKED_OUT), m.person_name, s.name, t);
	return HANE_EXIT_OK;
}

static int print_day(const struct hane_centre_day *d, void *arg)
{
	char cap[24];

	(void)arg;
	if (d->capacity)
		snprintf(cap, sizeof cap, "%lld/%d", (long long)d->members,
			 d->capacity);
	else
		snprintf(cap, sizeof cap, "%lld", (long long)d->members);
	/* Padded by columns, not bytes: "Gündoğdu" is 8 wide, 11 long. */
	printf("%s%*s %6lld %8lld %10s\n", d->site_name,
	       40 - hane_text_width(d->site_name) > 0
		       ? 40 - hane_text_width(d->site_name)
		       : 0,
	       "", (long long)d->checked_in, (long long)d->still_in, cap);
	return 0;
}

static int print_visit(const struct hane_centre_visit *v, void *arg)
{
	(void)arg;
	printf("%s\t%s\t%s\t#%lld\t%s\n", v->time_in, dash(v->time_out),
	       v->person_name, (long long)v->member_id, v->site_name);
	return 0;
}

static int cmd_today(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	struct hane_centre_site s;
	int rc;

	if (a->npos) {
		if ((rc = site_arg(cli, a->pos[0], &s)) != 0)
			return rc;
		rc = hane_centre_visit_each(cli->db, s.id, o->date, print_visit,
					    NULL);
		return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
	}
	printf("%s", hane_msg(HANE_M_CEN_CLI_TODAY_HEAD));
	rc = hane_centre_day_each(cli->db, o->date, print_day, NULL);
	return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
}

/* ---- show: a person's centres ------------------------------------------------------------- */

static int cmd_show(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_centre_app_filter f = {0};
	int64_t pid;
	int rc;

	(void)opts;
	if ((rc = person_arg(cli, a->pos[0], &pid)) != 0)
		return rc;
	printf("%s", hane_msg(HANE_M_CEN_CLI_SHOW_MEMBERS));
	if ((rc = hane_centre_of_person(cli->db, pid, print_member, cli->db)) !=
	    0)
		return hane_cli_fail(rc);
	printf("%s", hane_msg(HANE_M_CEN_CLI_SHOW_APPLICATIONS));
	f.person_id = pid;
	rc = hane_centre_application_each(cli->db, &f, print_application,
					  cli->db);
	return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
}

/* ---- import ---------------------------------------------------------------------------------- */

static void on_notice(const char *msg, void *arg)
{
	(void)arg;
	fprintf(stderr, "hane: %s\n", msg);
}

/* A bad row names the file, its line and the field. */
static void on_reject(long line, const char *reason, void *arg)
{
	printf("%s: ", (const char *)arg);
	printf(hane_msg(HANE_M_CLI_IMPORT_REJECT_LINE), line, reason);
}

static int cmd_import(struct hane_cli *cli, void *opts, args *a)
{
	struct centre_opts *o = opts;
	struct hane_import_opts io = {0};
	struct hane_import_counts c;
	int rc;

	char *rejects = NULL;

	io.csv = o->csv;
	io.dry_run = o->dry_run;
	io.rejects = o->rejects;
	/* As the household import: FILE-hatalar.csv unless named. */
	if (!io.rejects && strcmp(a->pos[1], "-")) {
		if (!(rejects = hane_cli_default_rejects(a->pos[1])))
			return hane_cli_fail(HANE_ENOMEM);
		io.rejects = rejects;
	}
	io.notice = on_notice;
	io.reject = on_reject;
	io.arg = (void *)a->pos[1];
	if ((rc = hane_centre_import(cli->db, a->pos[0], a->pos[1], &io, &c))) {
		free(rejects);
		return hane_cli_fail(rc);
	}
	printf(hane_msg(HANE_M_CEN_CLI_IMPORTED), (long long)c.rows,
	       (long long)c.created, (long long)c.rejected);
	if (o->dry_run)
		fputs(hane_msg(HANE_M_CLI_IMPORT_DRY), stdout);
	else if (c.rejected && io.rejects)
		printf(hane_msg(HANE_M_CLI_IMPORT_REJECTS), io.rejects);
	free(rejects);
	if (!c.rejected)
		return HANE_EXIT_OK;
	return c.created ? HANE_EXIT_PARTIAL : HANE_EXIT_ERROR;
}

/* ---- Tables ---------------------------------------------------------------------------------- */

#define S struct centre_opts
#define TEXT(name, m, help)                                                    \
	HANE_OPT(S, name, m, HANE_FT_TEXT, HANE_OPT_ARGV, help)
#define SWITCH(name, m, help)                                                  \
	HANE_OPT(S, name, m, HANE_FT_BOOL, HANE_OPT_SWITCH, help)
#define DATE(help) HANE_OPT(S, "date", date, HANE_FT_DATE, 0, help)
#define LIMIT HANE_OPT(S, "limit", limit, HANE_FT_INT, 0, HANE_M_OPT_LIMIT)
#define PROG(...)                                                              \
	HANE_OPT_FIELD(S, prog, struct hane_centre_programme, __VA_ARGS__)
#define SITE(...) HANE_OPT_FIELD(S, st, struct hane_centre_site, __VA_ARGS__)
static const struct hane_opt programme_opts[] = {
	HANE_CENTRE_PROGRAMME_FIELDS(PROG)
		SWITCH("all", all, HANE_M_OPT_CEN_ALL_PROGRAMMES),
	{0}};
static const struct hane_opt site_opts[] = {
	HANE_CENTRE_SITE_FIELDS(SITE)
		TEXT("programme", programme, HANE_M_OPT_CEN_PROGRAMME),
	SWITCH("all", all, HANE_M_OPT_CEN_ALL_SITES),
	{0}};
static const struct hane_opt staff_opts[] = {
	TEXT("programme", programme, HANE_M_OPT_CEN_PROGRAMME), {0}};
static const struct hane_opt apply_opts[] = {
	DATE(HANE_M_OPT_CEN_APPLIED),
	TEXT("diagnosis", diagnosis, HANE_M_OPT_CEN_DIAGNOSIS),
	TEXT("notes", notes, HANE_M_OPT_NOTES),
	SWITCH("check", check, HANE_M_OPT_CEN_CHECK),
	{0}};
static const struct hane_opt decide_opts[] = {
	DATE(HANE_M_OPT_CEN_DECIDED),
	TEXT("reason", reason, HANE_M_OPT_CEN_REASON),
	TEXT("term", term, HANE_M_OPT_CEN_TERM),
	{0}};
static const struct hane_opt applications_opts[] = {
	TEXT("site", site, HANE_M_OPT_CEN_SITE),
	TEXT("programme", programme, HANE_M_OPT_CEN_PROGRAMME),
	TEXT("status", status, HANE_M_OPT_CEN_STATUS),
	TEXT("person", person, HANE_M_OPT_CEN_PERSON),
	LIMIT,
	{0}};
static const struct hane_opt members_opts[] = {
	TEXT("site", site, HANE_M_OPT_CEN_SITE),
	TEXT("programme", programme, HANE_M_OPT_CEN_PROGRAMME),
	TEXT("query", query, HANE_M_OPT_CEN_QUERY),
	SWITCH("ended", ended, HANE_M_OPT_CEN_ENDED),
	SWITCH("all", all, HANE_M_OPT_CEN_ALL_MEMBERS),
	DATE(HANE_M_OPT_CEN_ON),
	LIMIT,
	{0}};
static const struct hane_opt end_opts[] = {
	DATE(HANE_M_OPT_CEN_END), TEXT("notes", notes, HANE_M_OPT_NOTES), {0}};
static const struct hane_opt checkin_opts[] = {
	HANE_OPT(S, "member", member, HANE_FT_REF, 0, HANE_M_OPT_CEN_MEMBER),
	DATE(HANE_M_OPT_CEN_DAY),
	TEXT("time", time, HANE_M_OPT_CEN_TIME),
	{0}};
static const struct hane_opt today_opts[] = {DATE(HANE_M_OPT_CEN_DAY), {0}};
static const struct hane_opt import_opts[] = {
	TEXT("rejects", rejects, HANE_M_OPT_IMPORT_REJECTS),
	SWITCH("dry-run", dry_run, HANE_M_OPT_DRY_RUN),
	HANE_OPT_CSV_ROWS(S, csv),
	{0}};
#undef PROG
#undef SITE
#undef LIMIT
#undef DATE
#undef SWITCH
#undef TEXT
#undef S

const struct hane_cmd hane_cli_centre_cmds[] = {
	{"today", HANE_M_CMD_CEN_TODAY, today_opts, cmd_today, 0, 1},
	{"programme", HANE_M_CMD_CEN_PROGRAMME, programme_opts, cmd_programme,
	 0, 2},
	{"site", HANE_M_CMD_CEN_SITE, site_opts, cmd_site, 0, 2},
	{"staff", HANE_M_CMD_CEN_STAFF, staff_opts, cmd_staff, 0, 3},
	{"apply", HANE_M_CMD_CEN_APPLY, apply_opts, cmd_apply, 2, 2},
	{"decide", HANE_M_CMD_CEN_DECIDE, decide_opts, cmd_decide, 2, 2},
	{"applications", HANE_M_CMD_CEN_APPLICATIONS, applications_opts,
	 cmd_applications, 0, 1},
	{"waiting", HANE_M_CMD_CEN_WAITING, NULL, cmd_waiting, 1, 1},
	{"members", HANE_M_CMD_CEN_MEMBERS, members_opts, cmd_members, 0, 1},
	{"end", HANE_M_CMD_CEN_END, end_opts, cmd_end, 2, 2},
	{"checkin", HANE_M_CMD_CEN_CHECKIN, checkin_opts, cmd_checkin, 1, 9},
	{"checkout", HANE_M_CMD_CEN_CHECKOUT, checkin_opts, cmd_checkout, 1, 9},
	{"show", HANE_M_CMD_CEN_SHOW, NULL, cmd_show, 1, 1},
	{"import", HANE_M_CMD_CEN_IMPORT, import_opts, cmd_import, 2, 2},
	HANE_CLI_CENTRE_SP_CMDS};
const size_t hane_cli_centre_ncmds = HANE_NCMDS(hane_cli_centre_cmds);

HANE_OPT_UNIT_COMMAND(centre, hane_cli_centre_cmds, HANE_M_CEN_CLI_NOTES,
		      HANE_OPT_NOSUB_OPEN | HANE_OPT_POS, union centre_all_opts)
