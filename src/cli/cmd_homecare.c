/* hane homecare client|plan|worker|travel|schedule|visit|agenda|list
 *
 * Home care and home cleaning from the command line. Every rule is in the
 * model (src/units/homecare/); this file parses and prints.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/csvio.h"
#include "hane/homecare.h"
#include "hane/perm.h"
#include "hane/security.h"

#define CMD "homecare"

/* Everything an option may say; has_* tell what was given. A client's,
 * a plan's and a worker's own fields come from their field tables
 * (HANE_HC_*_FIELDS) into cl, pl and wk, typed: a subcommand takes into
 * its record only those given. */
struct input {
	const char *service, *from, *to, *date, *start, *end, *reason, *note;
	const char *notes, *tasks, *csv, *tckn;
	int64_t duration, worker, client, same, other;
	bool has_duration, has_worker, has_client, has_same, has_other;
	bool preview, auto_assign, week, excel, xlsx, all, ended, unassigned,
		history, followups;
	struct hane_homecare_client cl;
	struct hane_homecare_plan pl;
	struct hane_homecare_worker wk;
};

/* An option given a value it does not take, or a missing argument. */
static int bad_value(const char *opt, const char *text)
{
	return hane_cli_usage(CMD, hane_msg(HANE_M_HC_CLI_BAD_VALUE), opt,
			      text);
}

static int missing(const char *what)
{
	return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG), what);
}

static int code(const char *kind, const char *opt, const char *text,
		const char **out)
{
	*out = hane_homecare_parse(kind, text);
	return *out ? 0 : bad_value(opt, text);
}

static int date_opt(const char *opt, const char *text,
		    char out[HANE_DATE_LEN + 1])
{
	return hane_date_parse(out, text) != 0 ? bad_value(opt, text) : 0;
}

static int time_opt(const char *opt, const char *text,
		    char out[HANE_HC_TIME_LEN + 1])
{
	return hane_homecare_time_parse(out, text) != 0 ? bad_value(opt, text)
							: 0;
}

static int id_arg(const struct hane_opts *o, int i, const char *what,
		  int64_t *out)
{
	if (o->npos <= i)
		return missing(what);
	return hane_cli_int(CMD, what, o->pos[i], out) ? HANE_EXIT_USAGE : 0;
}

/* ---- A record's fields typed as words ------------------------------------- */

/* The options whose words the table's types do not read: a coded value
 * ("bakım" is stored "care"), weekdays ("pzt,per" → "14"), the plan's
 * window and its end ("" clears it). Each writes its member of the
 * record (apply's first argument). */
static int coded(const char *kind, const char *opt, char *m, size_t n,
		 const char *v)
{
	const char *c;
	int rc = code(kind, opt, v, &c);

	if (rc == 0)
		snprintf(m, n, "%s", c);
	return rc;
}

#define CODE_OPT(fn, kind, m)                                                  \
	static int fn(void *member, const char *v)                             \
	{                                                                      \
		return coded(kind, "--" kind, member, sizeof(m), v);           \
	}
CODE_OPT(services_opt, "services", ((struct input *)0)->cl.services)
CODE_OPT(service_opt, "service", ((struct input *)0)->pl.service)
CODE_OPT(period_opt, "period", ((struct input *)0)->pl.period)
CODE_OPT(kind_opt, "kind", ((struct input *)0)->wk.kind)
#undef CODE_OPT

/* A plan's preferred days ("" clears them: Monday to Friday); a worker's
 * work days. */
static int days_opt(void *member, const char *v)
{
	char *m = member;

	m[0] = '\0';
	if (*v && hane_homecare_days_parse(m, v) != 0)
		return hane_cli_fail(HANE_EINVAL);
	return 0;
}

static int work_days_opt(void *member, const char *v)
{
	return hane_homecare_days_parse(member, v) ? hane_cli_fail(HANE_EINVAL)
						   : 0;
}

/* --window 09:00-12:00: the plan's window_start and window_end, which
 * follow each other in the struct (one row over both). */
_Static_assert(offsetof(struct hane_homecare_plan, window_end) ==
		       offsetof(struct hane_homecare_plan, window_start) +
			       HANE_HC_TIME_LEN + 1,
	       "the window's ends are one member after the other");
static int window_opt(void *member, const char *v)
{
	char a[32] = "", *dash, *start = member;
	int rc;

	HANE_CLI_COPY(a, "window", v);
	dash = strchr(a, '-');
	if (!dash)
		return bad_value("--window", v);
	*dash = '\0';
	if ((rc = time_opt("--window", a, start)) ||
	    (rc = time_opt("--window", dash + 1, start + HANE_HC_TIME_LEN + 1)))
		return rc;
	return 0;
}

static int valid_to_opt(void *member, const char *v)
{
	char *m = member;

	m[0] = '\0';
	return *v ? date_opt("--to", v, m) : 0;
}

/* ---- One record's subcommands: add, edit and its own --------------------------------- */

union hc_rec {
	struct hane_homecare_client c;
	struct hane_homecare_plan p;
	struct hane_homecare_worker w;
};

/* The record def describes: read row get, or saved over its row when get
 * is 0. */
static int rec_io(hane_db *db, const struct hane_rdef *def, int64_t get,
		  union hc_rec *r)
{
	if (def == &hane_hc_client_rdef)
		return get ? hane_homecare_client_get(db, get, &r->c)
			   : hane_homecare_client_update(db, &r->c);
	if (def == &hane_hc_plan_rdef)
		return get ? hane_homecare_plan_get(db, get, &r->p)
			   : hane_homecare_plan_update(db, &r->p);
	return get ? hane_homecare_worker_get(db, get, &r->w)
		   : hane_homecare_worker_update(db, &r->w);
}

/* A record's subcommands: add (a new one with the fields given), edit ID
 * (the fields given over the stored ones), list when it has one, and its
 * own taking an ID (show, end). */
struct hc_cmd {
	const struct hane_rdef *def;
	size_t at;	     /* the record's member in struct input */
	const char *subs;    /* all of them, for a missing one */
	const char *id_what; /* the number the others take */
	const char *own;     /* its own subcommands taking it, " "-separated */
	/* add: the record, its fields given, is r; says what was added. */
	int (*add)(struct hane_cli *cli, struct hane_opts *o,
		   const struct hane_args *a, struct input *in,
		   union hc_rec *r);
	int (*list)(struct hane_cli *cli, struct hane_opts *o,
		    struct input *in); /* NULL: none */
	int (*run_own)(struct hane_cli *cli, struct input *in, const char *sub,
		       union hc_rec *r);
};

static bool is_own(const struct hc_cmd *k, const char *sub)
{
	size_t n = strlen(sub);

	for (const char *p = k->own; n && (p = strstr(p, sub)); p += n)
		if ((p == k->own || p[-1] == ' ') && (!p[n] || p[n] == ' '))
			return true;
	return false;
}

static int cmd_record(struct hane_cli *cli, const struct hc_cmd *k,
		      struct hane_opts *o, struct input *in,
		      const struct hane_args *a)
{
	const char *sub = o->npos > 1 ? o->pos[1] : "";
	union hc_rec r;
	int64_t id = 0, before;
	int rc;

	memset(&r, 0, sizeof r);
	if (!strcmp(sub, "add"))
		return k->add(cli, o, a, in, &r);
	if (!strcmp(sub, "list") && k->list)
		return k->list(cli, o, in);
	if (strcmp(sub, "edit") && !is_own(k, sub))
		return missing(k->subs);
	if ((rc = id_arg(o, 2, k->id_what, &id)))
		return rc;
	if ((rc = rec_io(cli->db, k->def, id, &r)))
		return hane_cli_fail(rc);
	if (strcmp(sub, "edit"))
		return k->run_own(cli, in, sub, &r);
	memcpy(&before, (char *)&r + k->def->version, sizeof before);
	hane_opt_fields_given(a, in, k->at, k->def->size, &r);
	if ((rc = rec_io(cli->db, k->def, 0, &r)))
		return hane_cli_fail(rc);
	fputs(hane_msg(memcmp(&before, (char *)&r + k->def->version,
			      sizeof before)
			       ? HANE_M_CLI_SAVED
			       : HANE_M_CLI_NOTHING_CHANGED),
	      stdout);
	return 0;
}

/* ---- client ------------------------------------------------------------------ */

/* v, member column of a def record, as the actor may see it: through the
 * gate by the kind its field table says (needs and notes can hold health
 * details: clear for the home care unit's staff, "***" for anyone
 * else). */
static const char *gated(hane_db *db, const struct hane_rdef *def,
			 const char *column, const char *v, char *m, size_t n)
{
	return hane_gate_field(db, HANE_ACT_HOMECARE_WRITE,
			       hane_record_field(def, column), v, m, n);
}

static void print_client(hane_db *db, const struct hane_homecare_client *c)
{
	const struct hane_rdef *def = &hane_hc_client_rdef;
	char d1[HANE_DATE_LEN + 1], d2[HANE_DATE_LEN + 1], m[8];

	printf("%s #%lld  %s (#%lld, %s #%lld)\n",
	       hane_msg(HANE_M_HC_CLI_CLIENT), (long long)c->id, c->name,
	       (long long)c->person_id, hane_msg(HANE_M_CLI_HOUSEHOLD),
	       (long long)c->household_id);
	printf("%s: %s\n", hane_msg(HANE_M_HC_F_SERVICES),
	       hane_homecare_label(c->services));
	printf("%s: %s\n", hane_msg(HANE_M_HC_F_START_DATE),
	       hane_date_format(d1, c->start_date));
	if (c->end_date[0])
		printf("%s: %s (%s)\n", hane_msg(HANE_M_HC_F_END_DATE),
		       hane_date_format(d2, c->end_date),
		       hane_homecare_label(c->end_reason));
	if (c->needs[0] &&
	    gated(db, def, "needs", c->needs, m, sizeof m) != c->needs) {
		printf("%s: %s\n", hane_msg(HANE_M_HC_F_NEEDS), m);
	} else if (c->needs[0]) {
		char buf[sizeof c->needs];

		const char *sep = " ";

		printf("%s:", hane_msg(HANE_M_HC_F_NEEDS));
		snprintf(buf, sizeof buf, "%s", c->needs);
		for (char *sv = NULL, *w = strtok_r(buf, ",", &sv); w;
		     w = strtok_r(NULL, ",", &sv), sep = ", ")
			printf("%s%s", sep, hane_homecare_label(w));
		putchar('\n');
	}
	if (c->notes[0])
		printf("%s: %s\n", hane_msg(HANE_M_HC_F_NOTES),
		       gated(db, def, "notes", c->notes, m, sizeof m));
	printf("%s: %s  %s: %s  %s: %d\n", hane_msg(HANE_M_HC_CLI_LAST),
	       c->last_visit[0] ? hane_date_format(d1, c->last_visit) : "-",
	       hane_msg(HANE_M_HC_CLI_NEXT),
	       c->next_visit[0] ? hane_date_format(d2, c->next_visit) : "-",
	       hane_msg(HANE_M_HC_CLI_FOLLOWUPS), c->open_followups);
}

static int print_plan(const struct hane_homecare_plan *p, void *arg)
{
	char d[256], from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];

	(void)arg;
	hane_homecare_plan_describe(d, sizeof d, p);
	printf("  %s #%lld\t%s\t%s–%s", hane_msg(HANE_M_HC_CLI_PLAN),
	       (long long)p->id, d, hane_date_format(from, p->valid_from),
	       p->valid_to[0] ? hane_date_format(to, p->valid_to) : "");
	if (p->worker_id)
		printf("\t%s #%lld", hane_msg(HANE_M_HC_F_WORKER),
		       (long long)p->worker_id);
	putchar('\n');
	return 0;
}

/* add PERSON_ID | --tckn N: the person taken on as a client. */
static int client_add(struct hane_cli *cli, struct hane_opts *o,
		      const struct hane_args *a, struct input *in,
		      union hc_rec *r)
{
	struct hane_homecare_client c;
	int64_t id = 0;
	int rc;

	hane_homecare_client_init(&c);
	hane_opt_fields_given(a, in, offsetof(struct input, cl), sizeof c, &c);
	if (in->tckn) {
		struct hane_person p;

		if ((rc = hane_person_by_tckn(cli->db, in->tckn, &p)))
			return hane_cli_fail(rc);
		c.person_id = p.id;
	} else if ((rc = id_arg(o, 2, "PERSON_ID", &c.person_id))) {
		return rc;
	}
	if ((rc = hane_homecare_client_add(cli->db, &c, &id)) ||
	    (rc = hane_homecare_client_get(cli->db, id, &r->c)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_HC_CLI_CLIENT_ADDED), (long long)id, r->c.name);
	return 0;
}

/* show and end ID. */
static int client_own(struct hane_cli *cli, struct input *in, const char *sub,
		      union hc_rec *r)
{
	char date[HANE_DATE_LEN + 1];
	const char *reason;
	int n = 0, rc;

	if (!strcmp(sub, "show")) {
		if ((rc = hane_gate_view(cli->db, "homecare.client.view",
					 "person", r->c.person_id)))
			return hane_cli_fail(rc);
		print_client(cli->db, &r->c);
		rc = hane_homecare_plan_each(cli->db, r->c.id, print_plan,
					     NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (!in->date || !in->reason)
		return missing("--date, --reason");
	if ((rc = date_opt("--date", in->date, date)) ||
	    (rc = code("end", "--reason", in->reason, &reason)))
		return rc;
	rc = hane_homecare_client_end(cli->db, r->c.id, r->c.version, date,
				      reason, &n);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_HC_CLI_CLIENT_ENDED), (long long)r->c.id, n);
	return 0;
}

static const struct hc_cmd client_cmd = {&hane_hc_client_rdef,
					 offsetof(struct input, cl),
					 "client add|show|edit|end",
					 "CLIENT_ID",
					 "show end",
					 client_add,
					 NULL,
					 client_own};

/* ---- plan ----------------------------------------------------------------------- */

/* add CLIENT_ID: a plan for the client. */
static int plan_add(struct hane_cli *cli, struct hane_opts *o,
		    const struct hane_args *a, struct input *in,
		    union hc_rec *r)
{
	struct hane_homecare_plan p;
	int64_t id = 0;
	int rc;

	hane_homecare_plan_init(&p);
	hane_opt_fields_given(a, in, offsetof(struct input, pl), sizeof p, &p);
	if ((rc = id_arg(o, 2, "CLIENT_ID", &p.client_id)))
		return rc;
	if ((rc = hane_homecare_plan_add(cli->db, &p, &id)) ||
	    (rc = hane_homecare_plan_get(cli->db, id, &r->p)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_HC_CLI_PLAN_ADDED), (long long)id);
	print_plan(&r->p, NULL);
	return 0;
}

/* list [CLIENT_ID]: every plan, or the client's. */
static int plan_list(struct hane_cli *cli, struct hane_opts *o,
		     struct input *in)
{
	int64_t client = 0;
	int rc;

	(void)in;
	if (o->npos > 2 && (rc = id_arg(o, 2, "CLIENT_ID", &client)))
		return rc;
	rc = hane_homecare_plan_each(cli->db, client, print_plan, NULL);
	return rc ? hane_cli_fail(rc) : 0;
}

/* end ID --date D: the plan's last day. */
static int plan_end(struct hane_cli *cli, struct input *in, const char *sub,
		    union hc_rec *r)
{
	int rc;

	(void)sub;
	if (!in->date)
		return missing("--date");
	if ((rc = date_opt("--date", in->date, r->p.valid_to)))
		return rc;
	if ((rc = hane_homecare_plan_update(cli->db, &r->p)))
		return hane_cli_fail(rc);
	fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
	return 0;
}

static const struct hc_cmd plan_cmd = {&hane_hc_plan_rdef,
				       offsetof(struct input, pl),
				       "plan add|list|edit|end",
				       "PLAN_ID",
				       "end",
				       plan_add,
				       plan_list,
				       plan_end};

/* ---- worker and travel --------------------------------------------------------------- */

static int print_worker(const struct hane_homecare_worker *w, void *arg)
{
	char days[64];

	(void)arg;
	printf("%lld\t%s\t%s\t%s\t%s\t%s\n", (long long)w->id, w->name,
	       hane_homecare_label(w->kind), hane_homecare_label(w->services),
	       hane_homecare_days_format(days, sizeof days, w->work_days),
	       w->active ? hane_msg(HANE_M_HC_CLI_ACTIVE)
			 : hane_msg(HANE_M_HC_CLI_INACTIVE));
	return 0;
}

/* add NAME: a caregiver or a team (--name, when given, is the name). */
static int worker_add(struct hane_cli *cli, struct hane_opts *o,
		      const struct hane_args *a, struct input *in,
		      union hc_rec *r)
{
	struct hane_homecare_worker *w = &r->w;
	int64_t id = 0;
	int rc;

	if (o->npos < 3)
		return missing("NAME");
	hane_homecare_worker_init(w);
	HANE_CLI_COPY(w->name, "NAME", o->pos[2]);
	hane_opt_fields_given(a, in, offsetof(struct input, wk), sizeof *w, w);
	if ((rc = hane_homecare_worker_add(cli->db, w, &id)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_HC_CLI_WORKER_ADDED), (long long)id, w->name);
	return 0;
}

static int worker_list(struct hane_cli *cli, struct hane_opts *o,
		       struct input *in)
{
	int rc;

	(void)o;
	rc = hane_homecare_worker_each(cli->db, in->all, print_worker, NULL);
	return rc ? hane_cli_fail(rc) : 0;
}

static const struct hc_cmd worker_cmd = {&hane_hc_worker_rdef,
					 offsetof(struct input, wk),
					 "worker add|list|edit",
					 "WORKER_ID",
					 "",
					 worker_add,
					 worker_list,
					 NULL};

static int cmd_travel(struct hane_cli *cli, struct hane_opts *o,
		      struct input *in)
{
	const char *sub = o->npos > 1 ? o->pos[1] : "";
	int64_t min = 0;
	int m = 0, rc;

	if (!strcmp(sub, "defaults")) {
		if (in->has_same || in->has_other) {
			rc = hane_homecare_travel_defaults(
				cli->db, in->has_same ? (int)in->same : -1,
				in->has_other ? (int)in->other : -1);
			if (rc)
				return hane_cli_fail(rc);
		}
		if ((rc = hane_homecare_travel_get(cli->db, "x", "x", &m)))
			return hane_cli_fail(rc);
		printf(hane_msg(HANE_M_HC_CLI_TRAVEL_SAME), m);
		if ((rc = hane_homecare_travel_get(cli->db, "", "", &m)))
			return hane_cli_fail(rc);
		printf(hane_msg(HANE_M_HC_CLI_TRAVEL_OTHER), m);
		return 0;
	}
	if (strcmp(sub, "set") && strcmp(sub, "show"))
		return missing("travel set|show|defaults");
	if (o->npos < 4)
		return missing("MAHALLE MAHALLE");
	if (!strcmp(sub, "set")) {
		if ((rc = id_arg(o, 4, "MINUTES", &min)))
			return rc;
		if ((rc = hane_homecare_travel_set(cli->db, o->pos[2],
						   o->pos[3], (int)min)))
			return hane_cli_fail(rc);
	}
	{
		char a[HANE_NAME_MAX], b[HANE_NAME_MAX];

		if (hane_mahalle_match(cli->db, a, o->pos[2]) ||
		    hane_mahalle_match(cli->db, b, o->pos[3]))
			return hane_cli_fail(HANE_EINVAL);
		if ((rc = hane_homecare_travel_get(cli->db, a, b, &m)))
			return hane_cli_fail(rc);
		printf("%s ⇄ %s: %d %s\n", a, b, m,
		       hane_msg(HANE_M_HC_MINUTES));
	}
	return 0;
}

/* ---- schedule ------------------------------------------------------------------------------ */

static int print_slot(const struct hane_homecare_slot *s, void *arg)
{
	char d[HANE_DATE_LEN + 1];

	(void)arg;
	printf("%s\t%s–%s\t%s\t%s\t%s", hane_date_format(d, s->date), s->start,
	       s->end, s->client_name, hane_homecare_label(s->service),
	       s->worker_id ? s->worker_name : hane_msg(HANE_M_HC_UNASSIGNED));
	if (s->note[0])
		printf("\t%s", s->note);
	putchar('\n');
	return 0;
}

static int cmd_schedule(struct hane_cli *cli, struct input *in)
{
	struct hane_homecare_schedule_opts so = {0};
	struct hane_homecare_schedule_result r;
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	int rc;

	if (!in->from || !in->to)
		return missing("--from, --to");
	if ((rc = date_opt("--from", in->from, from)) ||
	    (rc = date_opt("--to", in->to, to)))
		return rc;
	so.from = from;
	so.to = to;
	so.client_id = in->has_client ? in->client : 0;
	so.preview = in->preview;
	so.auto_assign = in->auto_assign;
	if ((rc = hane_homecare_schedule(cli->db, &so, print_slot, NULL, &r)))
		return hane_cli_fail(rc);
	printf(hane_msg(in->preview ? HANE_M_HC_CLI_PREVIEW
				    : HANE_M_HC_CLI_SCHEDULED),
	       r.created, r.unassigned, r.existing);
	if (r.warning[0])
		fprintf(stderr, "%s\n", r.warning);
	return 0;
}

/* ---- visit ----------------------------------------------------------------------------------- */

static int print_visit(const struct hane_homecare_visit *v, void *arg)
{
	char d[HANE_DATE_LEN + 1];

	(void)arg;
	printf("#%lld\t%s\t%s–%s\t%s\t%s\t%s\t%s\t%s", (long long)v->id,
	       hane_date_format(d, v->date), v->start_time, v->end_time,
	       v->worker_id ? v->worker_name : hane_msg(HANE_M_HC_UNASSIGNED),
	       v->client_name, v->mahalle[0] ? v->mahalle : "-",
	       hane_homecare_label(v->service), hane_homecare_label(v->status));
	if (v->missed_reason[0])
		printf(" (%s)", hane_homecare_label(v->missed_reason));
	if (v->followup[0])
		printf("\t%s", hane_homecare_label(v->followup));
	putchar('\n');
	return 0;
}

/* The visit's free text (notes, reasons) can hold health details: through
 * the gate like the client's needs. */
static void show_visit(hane_db *db, const struct hane_homecare_visit *v)
{
	const struct hane_rdef *def = &hane_hc_visit_rdef;
	char m[8];

	print_visit(v, NULL);
	if (v->actual_start[0])
		printf("  %s: %s–%s\n", hane_msg(HANE_M_HC_CLI_ACTUAL),
		       v->actual_start, v->actual_end);
	if (v->tasks[0])
		printf("  %s: %s\n", hane_msg(HANE_M_HC_F_TASKS), v->tasks);
	if (v->notes[0])
		printf("  %s: %s\n", hane_msg(HANE_M_HC_F_NOTES),
		       gated(db, def, "notes", v->notes, m, sizeof m));
	if (v->cancel_reason[0])
		printf("  %s: %s\n", hane_msg(HANE_M_HC_F_REASON),
		       gated(db, def, "cancel_reason", v->cancel_reason, m,
			     sizeof m));
	if (v->followup_note[0])
		printf("  %s: %s\n", hane_msg(HANE_M_HC_F_FOLLOWUP_NOTE),
		       gated(db, def, "followup_note", v->followup_note, m,
			     sizeof m));
	if (v->moved_from)
		printf("  %s: #%lld\n", hane_msg(HANE_M_HC_CLI_MOVED_FROM),
		       (long long)v->moved_from);
	if (v->moved_to)
		printf("  %s: #%lld\n", hane_msg(HANE_M_HC_CLI_MOVED_TO),
		       (long long)v->moved_to);
	printf("  %s: %s %s\n", hane_msg(HANE_M_CLI_CHANGED_BY), v->updated_at,
	       v->updated_by);
}

static int visit_add(struct hane_cli *cli, struct hane_opts *o,
		     struct input *in)
{
	struct hane_homecare_visit v;
	const char *s = "care";
	int dur = in->has_duration ? (int)in->duration : 60;
	int64_t id = 0;
	int rc;

	memset(&v, 0, sizeof v);
	if ((rc = id_arg(o, 2, "CLIENT_ID", &v.client_id)))
		return rc;
	if (!in->date || !in->start)
		return missing("--date, --start");
	if ((in->service &&
	     (rc = code("service", "--service", in->service, &s))) ||
	    (rc = date_opt("--date", in->date, v.date)) ||
	    (rc = time_opt("--start", in->start, v.start_time)))
		return rc;
	HANE_CLI_COPY(v.service, "service", s);
	if (in->end) {
		if ((rc = time_opt("--end", in->end, v.end_time)))
			return rc;
	} else {
		int m = atoi(v.start_time) * 60 + atoi(v.start_time + 3) + dur;
		char buf[32];

		/* Past midnight is refused by the model (end <
		 * start). */
		snprintf(buf, sizeof buf, "%02d:%02d", (m / 60) % 24, m % 60);
		memcpy(v.end_time, buf, sizeof v.end_time - 1);
		v.end_time[sizeof v.end_time - 1] = '\0';
	}
	v.worker_id = in->has_worker ? in->worker : 0;
	if (in->notes)
		HANE_CLI_COPY(v.notes, "notes", in->notes);
	if ((rc = hane_homecare_visit_add(cli->db, &v, &id)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_HC_CLI_VISIT_ADDED), (long long)id);
	return 0;
}

static int visit_list(struct hane_cli *cli, struct input *in)
{
	struct hane_homecare_visit_filter f = {0};
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	int rc;

	if (in->from && (rc = date_opt("--from", in->from, from)))
		return rc;
	if (in->to && (rc = date_opt("--to", in->to, to)))
		return rc;
	f.from = in->from ? from : NULL;
	f.to = in->to ? to : NULL;
	f.client_id = in->has_client ? in->client : 0;
	f.worker_id = in->unassigned ? -1 : in->has_worker ? in->worker : 0;
	f.history = in->history;
	f.followup_open = in->followups;
	if ((rc = hane_gate_list(cli->db, "homecare.visit.list")) == 0)
		rc = hane_homecare_visit_each(cli->db, &f, print_visit, NULL);
	return rc ? hane_cli_fail(rc) : 0;
}

/* visit move ID [--date D] [--start HH:MM] [--worker ID]: a new visit,
 * the old one kept as moved. */
static int visit_move(struct hane_cli *cli, struct input *in,
		      const struct hane_homecare_visit *v)
{
	char date[HANE_DATE_LEN + 1] = "", start[8] = "";
	int64_t nid = 0;
	int rc;

	if ((in->date && (rc = date_opt("--date", in->date, date))) ||
	    (in->start && (rc = time_opt("--start", in->start, start))))
		return rc;
	rc = hane_homecare_visit_move(cli->db, v->id, v->version, date, start,
				      in->has_worker ? in->worker : -1, &nid);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_HC_CLI_VISIT_MOVED), (long long)v->id,
	       (long long)nid);
	return 0;
}

static int cmd_visit(struct hane_cli *cli, struct hane_opts *o,
		     struct input *in)
{
	struct hane_homecare_visit v;
	const char *sub = o->npos > 1 ? o->pos[1] : "";
	int64_t id = 0;
	int rc;

	if (!strcmp(sub, "add"))
		return visit_add(cli, o, in);
	if (!strcmp(sub, "list"))
		return visit_list(cli, in);
	memset(&v, 0, sizeof v);
	if (strcmp(sub, "show") && strcmp(sub, "assign") &&
	    strcmp(sub, "move") && strcmp(sub, "cancel") &&
	    strcmp(sub, "done") && strcmp(sub, "missed") &&
	    strcmp(sub, "follow-up"))
		return missing(
			"visit add|list|show|assign|move|cancel|done|missed|"
			"follow-up");
	if ((rc = id_arg(o, 2, "VISIT_ID", &id)))
		return rc;
	if ((rc = hane_homecare_visit_get(cli->db, id, &v)))
		return hane_cli_fail(rc);
	if (!strcmp(sub, "show")) {
		if ((rc = hane_gate_view(cli->db, "homecare.visit.view",
					 "homecare_client", v.client_id)))
			return hane_cli_fail(rc);
		show_visit(cli->db, &v);
		return 0;
	}
	if (!strcmp(sub, "assign")) {
		if (!in->has_worker)
			return missing("--worker");
		rc = hane_homecare_visit_assign(cli->db, id, v.version,
						in->worker);
	} else if (!strcmp(sub, "move")) {
		return visit_move(cli, in, &v);
	} else if (!strcmp(sub, "cancel")) {
		rc = hane_homecare_visit_cancel(cli->db, id, v.version,
						in->reason ? in->reason : "");
	} else if (!strcmp(sub, "done")) {
		char as[8] = "", ae[8] = "";

		if ((in->start && (rc = time_opt("--start", in->start, as))) ||
		    (in->end && (rc = time_opt("--end", in->end, ae))))
			return rc;
		rc = hane_homecare_visit_done(cli->db, id, v.version, as, ae,
					      in->tasks ? in->tasks : "",
					      in->notes ? in->notes : "");
	} else if (!strcmp(sub, "missed")) {
		const char *reason;

		if (!in->reason)
			return missing("--reason");
		if ((rc = code("missed", "--reason", in->reason, &reason)))
			return rc;
		rc = hane_homecare_visit_missed(cli->db, id, v.version, reason,
						in->notes ? in->notes : "");
	} else {
		rc = hane_homecare_followup_close(cli->db, id, v.version,
						  in->note ? in->note : "");
	}
	if (rc)
		return hane_cli_fail(rc);
	fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
	return 0;
}

/* ---- agenda and list ----------------------------------------------------------------------- */

static int cmd_agenda(struct hane_cli *cli, struct input *in)
{
	struct hane_homecare_visit_filter f = {0};
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	int64_t day, worker;
	int rc;

	if (in->date) {
		if ((rc = date_opt("--date", in->date, from)))
			return rc;
	} else {
		hane_today(from);
	}
	memcpy(to, from, sizeof to);
	if (in->week) {
		/* Monday to Sunday of the week holding the date. */
		struct tm tm = {0};
		time_t t;

		tm.tm_year = atoi(from) - 1900;
		tm.tm_mon = atoi(from + 5) - 1;
		tm.tm_mday = atoi(from + 8);
		tm.tm_hour = 12;
		t = mktime(&tm);
		localtime_r(&t, &tm);
		day = (tm.tm_wday + 6) % 7; /* days since Monday */
		tm.tm_mday -= (int)day;
		t = mktime(&tm);
		localtime_r(&t, &tm);
		strftime(from, sizeof from, "%Y-%m-%d", &tm);
		tm.tm_mday += 6;
		t = mktime(&tm);
		localtime_r(&t, &tm);
		strftime(to, sizeof to, "%Y-%m-%d", &tm);
	}
	worker = in->unassigned ? -1 : in->has_worker ? in->worker : 0;
	if (in->xlsx && (!in->csv || !strcmp(in->csv, "-")))
		return hane_cli_usage(CMD, "%s",
				      hane_msg(HANE_M_XLSX_NEEDS_FILE));
	if (in->csv) {
		FILE *fp = stdout;
		int64_t rows = 0;

		if ((rc = hane_cli_output(in->csv, &fp)) != 0)
			return rc;
		rc = hane_homecare_agenda_csv(cli->db, from, to, worker, fp,
					      in->xlsx	  ? HANE_CSV_XLSX
					      : in->excel ? HANE_CSV_EXCEL
							  : 0,
					      &rows);
		if (fp != stdout && fclose(fp) != 0 && rc == 0)
			rc = HANE_EIO;
		if (rc)
			return hane_cli_fail(rc);
		fprintf(stderr, hane_msg(HANE_M_HC_CLI_EXPORTED),
			(long long)rows, in->csv);
		return 0;
	}
	f.from = from;
	f.to = to;
	f.worker_id = worker;
	if ((rc = hane_gate_list(cli->db, "homecare.agenda")) == 0)
		rc = hane_homecare_visit_each(cli->db, &f, print_visit, NULL);
	return rc ? hane_cli_fail(rc) : 0;
}

static int print_client_row(const struct hane_homecare_client *c, void *arg)
{
	char d1[HANE_DATE_LEN + 1], d2[HANE_DATE_LEN + 1];

	(void)arg;
	printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s", (long long)c->id, c->name,
	       c->mahalle[0] ? c->mahalle : "-",
	       hane_homecare_label(c->services),
	       c->last_visit[0] ? hane_date_format(d1, c->last_visit) : "-",
	       c->next_visit[0] ? hane_date_format(d2, c->next_visit) : "-",
	       c->end_date[0] ? hane_homecare_label(c->end_reason)
			      : hane_msg(HANE_M_HC_CLI_ACTIVE));
	if (c->open_followups)
		printf("\t%s: %d", hane_msg(HANE_M_HC_CLI_FOLLOWUPS),
		       c->open_followups);
	putchar('\n');
	return 0;
}

static int cmd_list(struct hane_cli *cli, struct input *in)
{
	struct hane_homecare_client_filter f = {0};
	int rc;

	if (in->service &&
	    (rc = code("service", "--service", in->service, &f.service)))
		return rc;
	f.ended = in->ended;
	if ((rc = hane_gate_list(cli->db, "homecare.client.list")) == 0)
		rc = hane_homecare_client_each(cli->db, &f, print_client_row,
					       NULL);
	return rc ? hane_cli_fail(rc) : 0;
}

/* ---- dispatch ----------------------------------------------------------------- */

/* Each subcommand's function reads the positional arguments as before:
 * pos[0] the subcommand, pos[1…] what follows it; has_* say which
 * numbers were given. */
static int run(struct hane_cli *cli, void *opts, const struct hane_args *a,
	       const char *sub)
{
	struct input *in = opts;
	struct hane_opts o = {0};

	o.pos[0] = sub;
	for (int i = 0; i < a->npos && i < 15; i++)
		o.pos[++o.npos] = a->pos[i];
	o.npos++;
	in->has_duration = hane_opt_given(a, "duration");
	in->has_worker = hane_opt_given(a, "worker");
	in->has_client = hane_opt_given(a, "client");
	in->has_same = hane_opt_given(a, "same");
	in->has_other = hane_opt_given(a, "other");
	if (!strcmp(sub, "client"))
		return cmd_record(cli, &client_cmd, &o, in, a);
	if (!strcmp(sub, "plan"))
		return cmd_record(cli, &plan_cmd, &o, in, a);
	if (!strcmp(sub, "worker"))
		return cmd_record(cli, &worker_cmd, &o, in, a);
	if (!strcmp(sub, "travel"))
		return cmd_travel(cli, &o, in);
	if (!strcmp(sub, "visit"))
		return cmd_visit(cli, &o, in);
	return HANE_EXIT_USAGE;
}

#define RUN(name)                                                              \
	static int run_##name(struct hane_cli *cli, void *opts,                \
			      const struct hane_args *a)                       \
	{                                                                      \
		return run(cli, opts, a, #name);                               \
	}
RUN(client)
RUN(plan)
RUN(worker)
RUN(travel)
RUN(visit)
#undef RUN

static int run_schedule(struct hane_cli *cli, void *opts,
			const struct hane_args *a)
{
	struct input *in = opts;

	in->has_client = hane_opt_given(a, "client");
	return cmd_schedule(cli, in);
}

static int run_agenda(struct hane_cli *cli, void *opts,
		      const struct hane_args *a)
{
	struct input *in = opts;

	in->has_worker = hane_opt_given(a, "worker");
	return cmd_agenda(cli, in);
}

static int run_list(struct hane_cli *cli, void *opts, const struct hane_args *a)
{
	(void)a;
	return cmd_list(cli, opts);
}

#define S struct input
#define TEXT(name, m, help)                                                    \
	HANE_OPT(S, name, m, HANE_FT_TEXT, HANE_OPT_ARGV, help)
#define NUM(name, m, help) HANE_OPT(S, name, m, HANE_FT_INT, 0, help)
#define REF(name, m, help) HANE_OPT(S, name, m, HANE_FT_REF, 0, help)
#define SWITCH(name, m, help)                                                  \
	HANE_OPT(S, name, m, HANE_FT_BOOL, HANE_OPT_SWITCH, help)
#define OPT_SERVICE TEXT("service", service, HANE_M_OPT_HC_SERVICE)
#define OPT_NOTES TEXT("notes", notes, HANE_M_OPT_NOTES)
#define OPT_WORKER REF("worker", worker, HANE_M_OPT_HC_WORKER)
#define OPT_DURATION NUM("duration", duration, HANE_M_OPT_HC_DURATION)
#define OPT_UNASSIGNED                                                         \
	SWITCH("unassigned", unassigned, HANE_M_OPT_HC_UNASSIGNED)
/* A field's option read as words by fn, over size bytes of member m
 * (hane_opt_fields_given takes it into the record). */
#define WORDS_N(name, m, size, fn, help)                                       \
	{                                                                      \
		(name), HANE_FT_TEXT, 0, offsetof(S, m), (size), (fn), (help), \
			NULL, NULL                                             \
	}
#define WORDS(name, m, fn, help) WORDS_N(name, m, sizeof(((S *)0)->m), fn, help)
#define CLIENT(...)                                                            \
	HANE_OPT_FIELD(S, cl, struct hane_homecare_client, __VA_ARGS__)
#define PLAN(...) HANE_OPT_FIELD(S, pl, struct hane_homecare_plan, __VA_ARGS__)
#define WORKER(...)                                                            \
	HANE_OPT_FIELD(S, wk, struct hane_homecare_worker, __VA_ARGS__)

/* A record's options: its fields' (HANE_HC_*_FIELDS), those typed as
 * words first (a later row of the same name is not read). */
static const struct hane_opt client_opts[] = {
	TEXT("tckn", tckn, HANE_M_OPT_HC_TCKN),
	WORDS("services", cl.services, services_opt, HANE_M_OPT_HC_SERVICES),
	HANE_HC_CLIENT_FIELDS(CLIENT)
		TEXT("date", date, HANE_M_OPT_HC_END_DATE),
	TEXT("reason", reason, HANE_M_OPT_HC_END_REASON),
	{0}};
static const struct hane_opt plan_opts[] = {
	WORDS("service", pl.service, service_opt, HANE_M_OPT_HC_SERVICE),
	WORDS("period", pl.period, period_opt, HANE_M_OPT_HC_PERIOD),
	WORDS("days", pl.days, days_opt, HANE_M_OPT_HC_DAYS),
	WORDS_N("window", pl.window_start,
		sizeof(((S *)0)->pl.window_start) +
			sizeof(((S *)0)->pl.window_end),
		window_opt, HANE_M_OPT_HC_WINDOW),
	WORDS("to", pl.valid_to, valid_to_opt, HANE_M_OPT_HC_VALID_TO),
	HANE_HC_PLAN_FIELDS(PLAN) TEXT("date", date, HANE_M_OPT_HC_PLAN_END),
	{0}};
static const struct hane_opt worker_opts[] = {
	WORDS("kind", wk.kind, kind_opt, HANE_M_OPT_HC_KIND),
	WORDS("services", wk.services, services_opt, HANE_M_OPT_HC_SERVICES),
	WORDS("days", wk.work_days, work_days_opt, HANE_M_OPT_HC_WORK_DAYS),
	HANE_HC_WORKER_FIELDS(WORKER) SWITCH("all", all, HANE_M_OPT_HC_ALL),
	{0}};
static const struct hane_opt travel_opts[] = {
	NUM("same", same, HANE_M_OPT_HC_SAME),
	NUM("other", other, HANE_M_OPT_HC_OTHER),
	{0}};
static const struct hane_opt schedule_opts[] = {
	TEXT("from", from, HANE_M_OPT_FROM),
	TEXT("to", to, HANE_M_OPT_TO),
	REF("client", client, HANE_M_OPT_HC_CLIENT),
	SWITCH("preview", preview, HANE_M_OPT_HC_PREVIEW),
	SWITCH("auto-assign", auto_assign, HANE_M_OPT_HC_AUTO),
	{0}};
static const struct hane_opt visit_opts[] = {
	TEXT("date", date, HANE_M_OPT_HC_VISIT_DATE),
	TEXT("start", start, HANE_M_OPT_HC_START),
	TEXT("end", end, HANE_M_OPT_HC_END),
	OPT_DURATION,
	OPT_SERVICE,
	OPT_WORKER,
	OPT_NOTES,
	TEXT("tasks", tasks, HANE_M_OPT_HC_TASKS),
	TEXT("reason", reason, HANE_M_OPT_HC_VISIT_REASON),
	TEXT("note", note, HANE_M_OPT_HC_NOTE),
	TEXT("from", from, HANE_M_OPT_FROM),
	TEXT("to", to, HANE_M_OPT_TO),
	REF("client", client, HANE_M_OPT_HC_CLIENT),
	OPT_UNASSIGNED,
	SWITCH("history", history, HANE_M_OPT_HC_HISTORY),
	SWITCH("follow-ups", followups, HANE_M_OPT_HC_FOLLOWUPS),
	{0}};
static const struct hane_opt agenda_opts[] = {
	TEXT("date", date, HANE_M_OPT_HC_AGENDA_DATE),
	SWITCH("week", week, HANE_M_OPT_HC_WEEK),
	OPT_WORKER,
	OPT_UNASSIGNED,
	TEXT("csv", csv, HANE_M_OPT_HC_CSV),
	SWITCH("excel", excel, HANE_M_OPT_EXCEL),
	SWITCH("xlsx", xlsx, HANE_M_OPT_XLSX),
	{0}};
static const struct hane_opt list_opts[] = {
	OPT_SERVICE, SWITCH("ended", ended, HANE_M_OPT_HC_ENDED), {0}};
#undef S
#undef TEXT
#undef NUM
#undef REF
#undef SWITCH
#undef OPT_SERVICE
#undef OPT_NOTES
#undef OPT_WORKER
#undef OPT_DURATION
#undef OPT_UNASSIGNED
#undef WORDS_N
#undef WORDS
#undef CLIENT
#undef PLAN
#undef WORKER

const struct hane_cmd hane_cli_homecare_cmds[] = {
	{"client", HANE_M_CMD_HC_CLIENT, client_opts, run_client, 0, 0},
	{"plan", HANE_M_CMD_HC_PLAN, plan_opts, run_plan, 0, 0},
	{"worker", HANE_M_CMD_HC_WORKER, worker_opts, run_worker, 0, 0},
	{"travel", HANE_M_CMD_HC_TRAVEL, travel_opts, run_travel, 0, 0},
	{"schedule", HANE_M_CMD_HC_SCHEDULE, schedule_opts, run_schedule, 0, 0},
	{"visit", HANE_M_CMD_HC_VISIT, visit_opts, run_visit, 0, 0},
	{"agenda", HANE_M_CMD_HC_AGENDA, agenda_opts, run_agenda, 0, 0},
	{"list", HANE_M_CMD_HC_LIST, list_opts, run_list, 0, 0},
};
const size_t hane_cli_homecare_ncmds = HANE_NCMDS(hane_cli_homecare_cmds);

HANE_OPT_UNIT_COMMAND(homecare, hane_cli_homecare_cmds, HANE_M_HC_CLI_NOTES,
		      HANE_OPT_NOSUB_OPEN, struct input)
