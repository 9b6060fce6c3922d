/* hane inspection request|assign|visit|note|decide|close|cancel|renew|show|
 * list|aid|settings|import: the social inspection unit from the command
 * line. Every rule is the model's (src/units/inspection); this file parses
 * arguments into the model's structs and prints.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/households.h"
#include "hane/inspection.h"
#include "hane/perm.h"
#include "hane/security.h"

#define CMD "inspection"

/* Every option of the unit's subcommands; each subcommand's table below
 * says which it takes. The options that are a record's field (hane/
 * inspection.h: the request's, visit's and decision's tables) are read
 * into the records here by the field's type; a coded value (reason,
 * channel, …) is kept as typed and read back to its code by the
 * subcommand, which names the choices when nothing matches. */
struct insp_opts {
	struct hane_inspection r;
	struct hane_inspection_visit v;
	struct hane_inspection_decision d;
	char tckn[HANE_TCKN_LEN + 1];
	const char *reason, *channel, *urgency, *inspector, *tenure, *heating;
	const char *recommend, *outcome, *type, *kind, *frequency, *status;
	const char *mahalle, *sort, *rejects;
	struct hane_csv_opts csv;
	int64_t household, limit, urgent_days, normal_days, renewal_days;
	int mine, unassigned, overdue, all, dry_run;
	int64_t id; /* the request NO of most subcommands */
};

typedef const struct hane_args args;
#define has(a, name) hane_opt_given((a), (name))

/* A coded option read into dst; an unknown word lists the choices. */
static int coded(char *dst, size_t dstsz, enum hane_inspection_list l,
		 enum hane_msg field, const char *v)
{
	const char *code = hane_inspection_parse(l, v);

	if (code) {
		snprintf(dst, dstsz, "%s", code);
		return 0;
	}
	return hane_cli_fail(hane_inspection_not_one_of(l, hane_msg(field)));
}

#define CODED(dst, list, field, v)                                             \
	coded((dst), sizeof(dst), (list), (field), (v))

static const char *show_date(char out[HANE_DATE_LEN + 1], const char *iso)
{
	if (!iso[0])
		return "-";
	return hane_date_format(out, iso);
}

static int need_version(struct hane_cli *cli, int64_t id, int64_t *version)
{
	struct hane_inspection r;
	int rc = hane_inspection_get(cli->db, id, &r);

	if (rc)
		return hane_cli_fail(rc);
	*version = r.version;
	return 0;
}

/* The request NO ("5" or "#5") a subcommand takes when want_no, none
 * otherwise; then the database is opened. 0 or the exit status. */
static int start(struct hane_cli *cli, args *a, struct insp_opts *op,
		 const char *sub, bool want_no)
{
	char cmd[32];
	int rc;

	snprintf(cmd, sizeof cmd, CMD " %s", sub);
	if ((rc = hane_opt_npos(a, cmd, want_no, want_no, "NO")) != 0)
		return rc;
	if (want_no &&
	    hane_cli_int(cmd, "NO",
			 a->pos[0][0] == '#' ? a->pos[0] + 1 : a->pos[0],
			 &op->id))
		return HANE_EXIT_USAGE;
	return hane_cli_open(cli, 0);
}

/* ---- request ------------------------------------------------------------ */

static int cmd_request(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	struct hane_inspection *r = &op->r;
	char due[HANE_DATE_LEN + 1];
	int64_t id = 0;
	int rc;

	if ((rc = start(cli, a, op, "request", false)) != 0)
		return rc;
	if (!has(a, "household") && has(a, "tckn")) {
		struct hane_person p;

		if ((rc = hane_person_by_tckn(cli->db, op->tckn, &p)))
			return hane_cli_fail(rc);
		r->household_id = p.household_id;
	} else if (!has(a, "household")) {
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--household | --tckn");
	}
	if ((rc = CODED(r->reason, HANE_INSP_REASON, HANE_M_INSP_F_REASON,
			op->reason)) ||
	    (op->channel && (rc = CODED(r->channel, HANE_INSP_CHANNEL,
					HANE_M_INSP_F_CHANNEL, op->channel))) ||
	    (op->urgency && (rc = CODED(r->urgency, HANE_INSP_URGENCY,
					HANE_M_INSP_F_URGENCY, op->urgency))))
		return rc;
	if ((rc = hane_inspection_request(cli->db, r, &id)))
		return hane_cli_fail(rc);
	if ((rc = hane_inspection_get(cli->db, id, r)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_REQUESTED), (long long)id,
	       (long long)r->household_id, hane_date_format(due, r->due_on));
	return 0;
}

/* ---- assign, close, cancel, renew ------------------------------------------- */

static int cmd_assign(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	struct hane_inspection r;
	char due[HANE_DATE_LEN + 1];
	int64_t staff = 0, version = 0;
	int rc;

	if ((rc = start(cli, a, op, "assign", true)) ||
	    (rc = need_version(cli, op->id, &version)))
		return rc;
	if ((rc = hane_inspection_inspector_find(cli->db, op->inspector,
						 &staff)) ||
	    (rc = hane_inspection_assign(cli->db, op->id, version, staff,
					 op->r.due_on)) ||
	    (rc = hane_inspection_get(cli->db, op->id, &r)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_ASSIGNED), (long long)op->id,
	       r.inspector, hane_date_format(due, r.due_on));
	return 0;
}

/* A step that takes the request at its version and says so: close,
 * cancel (with its reason). */
static int version_step(struct hane_cli *cli, void *opts, args *a,
			const char *sub,
			int (*fn)(hane_db *db, const struct insp_opts *op,
				  int64_t version),
			enum hane_msg done)
{
	struct insp_opts *op = opts;
	int64_t version = 0;
	int rc;

	if ((rc = start(cli, a, op, sub, true)) ||
	    (rc = need_version(cli, op->id, &version)))
		return rc;
	if ((rc = fn(cli->db, op, version)))
		return hane_cli_fail(rc);
	printf(hane_msg(done), (long long)op->id);
	return 0;
}

static int do_close(hane_db *db, const struct insp_opts *op, int64_t version)
{
	return hane_inspection_close(db, op->id, version);
}

static int cmd_close(struct hane_cli *cli, void *opts, args *a)
{
	return version_step(cli, opts, a, "close", do_close,
			    HANE_M_INSP_CLI_CLOSED);
}

static int do_cancel(hane_db *db, const struct insp_opts *op, int64_t version)
{
	return hane_inspection_cancel(db, op->id, version, op->reason);
}

static int cmd_cancel(struct hane_cli *cli, void *opts, args *a)
{
	return version_step(cli, opts, a, "cancel", do_cancel,
			    HANE_M_INSP_CLI_CANCELLED);
}

static int cmd_renew(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	struct hane_inspection r;
	char due[HANE_DATE_LEN + 1];
	int64_t id = 0;
	int rc;

	if ((rc = start(cli, a, op, "renew", true)) != 0)
		return rc;
	if ((rc = hane_inspection_renew(cli->db, op->id, &id)) ||
	    (rc = hane_inspection_get(cli->db, id, &r)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_RENEWED), (long long)id,
	       (long long)op->id, hane_date_format(due, r.due_on));
	return 0;
}

/* ---- visit and note ---------------------------------------------------------- */

/* The visit's coded options read back to their codes, and its inspector. */
static int visit_codes(struct hane_cli *cli, struct insp_opts *op)
{
	struct hane_inspection_visit *v = &op->v;
	int rc;

	if ((rc = CODED(v->recommendation, HANE_INSP_RECOMMEND,
			HANE_M_INSP_F_RECOMMEND, op->recommend)) ||
	    (op->tenure && (rc = CODED(v->tenure, HANE_INSP_TENURE,
				       HANE_M_INSP_F_TENURE, op->tenure))) ||
	    (op->heating && (rc = CODED(v->heating, HANE_INSP_HEATING,
					HANE_M_INSP_F_HEATING, op->heating))))
		return rc;
	if (op->inspector &&
	    (rc = hane_inspection_inspector_find(cli->db, op->inspector,
						 &v->inspector_id)))
		return hane_cli_fail(rc);
	return 0;
}

static int cmd_visit(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	struct hane_inspection_visit *v = &op->v;
	int64_t version = 0;
	int rc;

	if ((rc = start(cli, a, op, "visit", true)) ||
	    (rc = need_version(cli, op->id, &version)) ||
	    (rc = visit_codes(cli, op)))
		return rc;
	if (v->rooms < -1 || v->rooms > 99)
		v->rooms = -2; /* refused by the model, naming the field */
	if ((rc = hane_inspection_visit(cli->db, op->id, version, v, NULL)) ||
	    (rc = hane_inspection_visit_get(cli->db, op->id, v)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_VISITED), (long long)op->id);
	printf("%s:\n%s\n", hane_msg(HANE_M_INSP_F_NOTE), v->note);
	return 0;
}

static int cmd_note(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	char *note = malloc(HANE_INSP_NOTE_MAX), m[8];
	int rc, status = 0;

	if ((status = start(cli, a, op, "note", true)) != 0)
		goto done;
	if (!note) {
		status = hane_cli_fail(HANE_ENOMEM);
		goto done;
	}
	if ((rc = hane_inspection_visit_get(cli->db, op->id, &op->v)) ||
	    (rc = hane_inspection_note_fill(cli->db, &op->v, note,
					    HANE_INSP_NOTE_MAX)) ||
	    (rc = hane_gate_view(cli->db, "inspection.note", "inspection",
				 op->id))) {
		status = hane_cli_fail(rc);
		goto done;
	}
	/* The template writes the address and the health fields into the
	 * note: through the gate like the case note itself. */
	printf("%s\n", hane_gate_show(cli->db, HANE_ACT_INSPECTION_WRITE,
				      HANE_PD_HEALTH, note, m, sizeof m));
done:
	free(note);
	return status;
}

/* ---- decide --------------------------------------------------------------------- */

static void print_decided(int64_t id, const struct hane_inspection_decision *d)
{
	char what[256];

	if (!strcmp(d->outcome, "aid"))
		snprintf(what, sizeof what, "%s, %s, %s",
			 hane_inspection_label(HANE_INSP_OUTCOME, d->outcome),
			 hane_inspection_label(HANE_INSP_AID_TYPE, d->aid_type),
			 hane_inspection_label(HANE_INSP_KIND, d->kind));
	else
		snprintf(what, sizeof what, "%s",
			 hane_inspection_label(HANE_INSP_OUTCOME, d->outcome));
	printf(hane_msg(HANE_M_INSP_CLI_DECIDED), (long long)id, what);
}

static int cmd_decide(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	struct hane_inspection_decision *d = &op->d;
	int64_t version = 0;
	int rc;

	if ((rc = start(cli, a, op, "decide", true)) != 0)
		return rc;
	if ((rc = CODED(d->outcome, HANE_INSP_OUTCOME, HANE_M_INSP_F_OUTCOME,
			op->outcome)) ||
	    (op->type && (rc = CODED(d->aid_type, HANE_INSP_AID_TYPE,
				     HANE_M_INSP_F_AID_TYPE, op->type))) ||
	    (op->kind && (rc = CODED(d->kind, HANE_INSP_KIND,
				     HANE_M_INSP_F_KIND, op->kind))) ||
	    (op->frequency &&
	     (rc = CODED(d->frequency, HANE_INSP_FREQUENCY,
			 HANE_M_INSP_F_FREQUENCY, op->frequency))))
		return rc;
	if ((rc = need_version(cli, op->id, &version)))
		return rc;
	if ((rc = hane_inspection_decide(cli->db, op->id, version, d, NULL)))
		return hane_cli_fail(rc);
	print_decided(op->id, d);
	return 0;
}

/* ---- show ------------------------------------------------------------------------- */

/* "  Label      value", the labels padded by display width (Turkish
 * letters are two bytes but one column). */
static void line(enum hane_msg label, const char *value)
{
	const char *l = hane_msg(label);
	int pad = 28 - hane_text_width(l);

	if (value && value[0])
		printf("  %s%*s %s\n", l, pad > 0 ? pad : 0, "", value);
}

/* Free text that may hold health details, through the gate (KVKK). */
static void health_line(hane_db *db, enum hane_msg label, const char *text)
{
	char buf[512];

	line(label, hane_gate_show(db, HANE_ACT_INSPECTION_WRITE,
				   HANE_PD_HEALTH, text, buf, sizeof buf));
}

static void money_line(enum hane_msg label, int64_t kurus)
{
	char money[32];

	if (kurus >= 0)
		line(label,
		     hane_money_format(money, sizeof money, kurus, true));
}

static void show_request(hane_db *db, const struct hane_inspection *r)
{
	char d1[HANE_DATE_LEN + 1], buf[512];

	printf("%s #%lld  %s%s%s\n", hane_msg(HANE_M_INSP_CLI_REQUEST),
	       (long long)r->id,
	       hane_inspection_label(HANE_INSP_STATUS, r->status),
	       r->overdue ? " · " : "",
	       r->overdue ? hane_msg(HANE_M_INSP_OVERDUE) : "");
	snprintf(buf, sizeof buf, "#%lld %s%s%s", (long long)r->household_id,
		 r->head_name, r->mahalle[0] ? ", " : "", r->mahalle);
	line(HANE_M_INSP_F_HOUSEHOLD, buf);
	line(HANE_M_INSP_F_REQUESTED_ON, show_date(d1, r->requested_on));
	line(HANE_M_INSP_F_CHANNEL,
	     hane_inspection_label(HANE_INSP_CHANNEL, r->channel));
	line(HANE_M_INSP_F_REFERRER, r->referrer);
	line(HANE_M_INSP_F_REASON,
	     hane_inspection_label(HANE_INSP_REASON, r->reason));
	health_line(db, HANE_M_INSP_F_REASON_TEXT, r->reason_text);
	line(HANE_M_INSP_F_URGENCY,
	     hane_inspection_label(HANE_INSP_URGENCY, r->urgency));
	line(HANE_M_INSP_F_DUE, show_date(d1, r->due_on));
	snprintf(buf, sizeof buf, "%s",
		 r->inspector_id ? r->inspector
				 : hane_msg(HANE_M_INSP_CLI_UNASSIGNED));
	line(HANE_M_INSP_F_INSPECTOR, buf);
	if (r->assigned_on[0])
		line(HANE_M_INSP_F_ASSIGNED_ON, show_date(d1, r->assigned_on));
	health_line(db, HANE_M_INSP_F_CANCEL_REASON, r->cancel_reason);
	if (r->renewal_of) {
		snprintf(buf, sizeof buf, "#%lld", (long long)r->renewal_of);
		line(HANE_M_INSP_CLI_RENEWAL_OF, buf);
	}
	snprintf(buf, sizeof buf, "%s %s", r->updated_at, r->updated_by);
	line(HANE_M_CLI_CHANGED_BY, buf);
}

static void show_visit(hane_db *db, const struct hane_inspection_visit *v)
{
	char d1[HANE_DATE_LEN + 1], buf[512];

	printf("%s\n", hane_msg(HANE_M_INSP_CLI_VISIT));
	line(HANE_M_INSP_F_VISITED_ON, show_date(d1, v->visited_on));
	line(HANE_M_INSP_F_INSPECTOR, v->inspector);
	health_line(db, HANE_M_INSP_F_PRESENT, v->present);
	line(HANE_M_INSP_F_TENURE,
	     hane_inspection_label(HANE_INSP_TENURE, v->tenure));
	money_line(HANE_M_INSP_F_RENT, v->rent_kurus);
	if (v->rooms >= 0) {
		snprintf(buf, sizeof buf, "%d", v->rooms);
		line(HANE_M_INSP_F_ROOMS, buf);
	}
	line(HANE_M_INSP_F_HEATING,
	     hane_inspection_label(HANE_INSP_HEATING, v->heating));
	money_line(HANE_M_INSP_F_INCOME, v->income_kurus);
	money_line(HANE_M_INSP_F_EXPENSES, v->expenses_kurus);
	health_line(db, HANE_M_INSP_F_HEALTH, v->health);
	health_line(db, HANE_M_INSP_F_DISABILITY, v->disability);
	health_line(db, HANE_M_INSP_F_FINDINGS, v->findings);
	line(HANE_M_INSP_F_RECOMMEND,
	     hane_inspection_label(HANE_INSP_RECOMMEND, v->recommendation));
	if (v->note[0])
		printf("  %s:\n    %s\n", hane_msg(HANE_M_INSP_F_NOTE),
		       hane_gate_show(db, HANE_ACT_INSPECTION_WRITE,
				      HANE_PD_HEALTH, v->note, buf,
				      sizeof buf));
}

static void show_decision(hane_db *db, const struct hane_inspection_decision *d)
{
	char d1[HANE_DATE_LEN + 1], d2[HANE_DATE_LEN + 1], buf[512];

	printf("%s\n", hane_msg(HANE_M_INSP_CLI_DECISION));
	line(HANE_M_INSP_F_DECIDED_ON, show_date(d1, d->decided_on));
	line(HANE_M_INSP_F_DECIDED_BY, d->decided_by_name);
	line(HANE_M_INSP_F_OUTCOME,
	     hane_inspection_label(HANE_INSP_OUTCOME, d->outcome));
	line(HANE_M_INSP_F_AID_TYPE,
	     hane_inspection_label(HANE_INSP_AID_TYPE, d->aid_type));
	line(HANE_M_INSP_F_KIND,
	     hane_inspection_label(HANE_INSP_KIND, d->kind));
	money_line(HANE_M_INSP_F_AMOUNT, d->amount_kurus);
	if (d->start_on[0]) {
		snprintf(buf, sizeof buf, "%s – %s", show_date(d1, d->start_on),
			 show_date(d2, d->end_on));
		line(HANE_M_INSP_F_PERIOD, buf);
	}
	line(HANE_M_INSP_F_FREQUENCY,
	     hane_inspection_label(HANE_INSP_FREQUENCY, d->frequency));
	health_line(db, HANE_M_INSP_F_DECISION_REASON, d->reason);
	if (d->renewed_by) {
		snprintf(buf, sizeof buf, "#%lld", (long long)d->renewed_by);
		line(HANE_M_INSP_CLI_RENEWED_BY, buf);
	}
}

static int cmd_show(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	struct hane_inspection r;
	struct hane_inspection_decision d;
	int rc, status = 0;

	if ((rc = start(cli, a, op, "show", true)) != 0)
		return rc;
	if ((rc = hane_inspection_get(cli->db, op->id, &r)))
		return hane_cli_fail(rc);
	/* The request, the visit and the case note are about the household:
	 * the view is logged first (KVKK), and the free text that can hold
	 * health details goes through the gate — clear for the inspection
	 * unit's staff, "***" for anyone else (a reporter). */
	if ((rc = hane_gate_view(cli->db, "inspection.view", "household",
				 r.household_id)))
		return hane_cli_fail(rc);
	show_request(cli->db, &r);
	rc = hane_inspection_visit_get(cli->db, op->id, &op->v);
	if (rc == 0)
		show_visit(cli->db, &op->v);
	else if (rc != HANE_ENOTFOUND)
		status = hane_cli_fail(rc);
	if (status)
		return status;
	rc = hane_inspection_decision_get(cli->db, op->id, &d);
	if (rc == 0)
		show_decision(cli->db, &d);
	else if (rc != HANE_ENOTFOUND)
		status = hane_cli_fail(rc);
	return status;
}

/* ---- list and aid --------------------------------------------------------------------- */

static int print_request(const struct hane_inspection *r, void *arg)
{
	char due[HANE_DATE_LEN + 1];

	(void)arg;
	printf("#%lld\t%s\t%s%s%s\t#%lld %s\t%s\t%s\t%s\t%s\n",
	       (long long)r->id,
	       hane_inspection_label(HANE_INSP_STATUS, r->status),
	       hane_date_format(due, r->due_on), r->overdue ? " " : "",
	       r->overdue ? hane_msg(HANE_M_INSP_OVERDUE) : "",
	       (long long)r->household_id, r->head_name,
	       r->mahalle[0] ? r->mahalle : "-",
	       hane_inspection_label(HANE_INSP_REASON, r->reason),
	       hane_inspection_label(HANE_INSP_URGENCY, r->urgency),
	       r->inspector_id ? r->inspector_user
			       : hane_msg(HANE_M_INSP_CLI_UNASSIGNED));
	return 0;
}

/* The list's filter from its options; 0 or the exit status. */
static int list_filter(struct hane_cli *cli, struct insp_opts *op, args *a,
		       struct hane_inspection_filter *f)
{
	static const char *const sorts[] = {[HANE_INSP_SORT_DUE] = "due",
					    [HANE_INSP_SORT_MAHALLE] =
						    "mahalle",
					    [HANE_INSP_SORT_NEWEST] = "newest"};
	int rc;

	f->unassigned = op->unassigned;
	f->overdue = op->overdue;
	f->all = op->all;
	if (op->mine &&
	    !(f->inspector_id = hane_store_actor(cli->db)->staff_id)) {
		hane_error_set("%s", hane_msg(HANE_M_INSP_CLI_ACTOR_NOT_STAFF));
		return hane_cli_fail(HANE_EPERM);
	}
	if (op->inspector &&
	    (rc = hane_inspection_inspector_find(cli->db, op->inspector,
						 &f->inspector_id)))
		return hane_cli_fail(rc);
	f->household_id = op->household;
	if (has(a, "household"))
		f->all = true; /* a household's history: everything */
	if (op->status) {
		if ((rc = CODED(op->r.status, HANE_INSP_STATUS,
				HANE_M_INSP_F_STATUS, op->status)))
			return rc;
		f->status = op->r.status;
	}
	for (size_t i = 0; op->sort && i < sizeof sorts / sizeof sorts[0]; i++)
		if (!strcmp(op->sort, sorts[i]))
			f->sort = (enum hane_inspection_sort)i, op->sort = NULL;
	if (op->sort)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_BAD_VALUE),
				      "--sort", op->sort);
	f->limit = op->limit > 0 && op->limit < 1000000 ? (int)op->limit : 0;
	return 0;
}

static int cmd_list(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	struct hane_inspection_filter f = {0};
	char mahalle[HANE_NAME_MAX] = "";
	int total = 0, rc;

	if ((rc = start(cli, a, op, "list", false)) ||
	    (rc = list_filter(cli, op, a, &f)))
		return rc;
	if (op->mahalle) {
		if (hane_mahalle_match(cli->db, mahalle, op->mahalle))
			return hane_cli_fail(HANE_EINVAL);
		f.mahalle = mahalle;
	}
	if ((rc = hane_gate_list(cli->db, "inspection.list")) ||
	    (rc = hane_inspection_each(cli->db, &f, print_request, NULL,
				       &total)))
		return hane_cli_fail(rc);
	if (!total)
		fputs(hane_msg(HANE_M_INSP_CLI_NO_ROWS), stdout);
	return 0;
}

static int print_aid(const struct hane_inspection_aid *x, void *arg)
{
	char money[32], s[HANE_DATE_LEN + 1], e[HANE_DATE_LEN + 1], ends[128];
	int *n = arg;

	(*n)++;
	snprintf(ends, sizeof ends, hane_msg(HANE_M_INSP_CLI_ENDS),
		 hane_date_format(e, x->end_on), x->days_left);
	printf("#%lld\t#%lld %s\t%s\t%s %s %s\t%s\t%s",
	       (long long)x->request_id, (long long)x->household_id,
	       x->head_name, x->mahalle[0] ? x->mahalle : "-",
	       hane_inspection_label(HANE_INSP_KIND, x->kind),
	       x->amount_kurus >= 0 ? hane_money_format(money, sizeof money,
							x->amount_kurus, true)
				    : "-",
	       hane_inspection_label(HANE_INSP_FREQUENCY, x->frequency),
	       hane_date_format(s, x->start_on), ends);
	if (x->renewed_by)
		printf("\t%s #%lld", hane_msg(HANE_M_INSP_CLI_RENEWED_BY),
		       (long long)x->renewed_by);
	else if (x->renewal_due)
		printf("\t%s", hane_msg(HANE_M_INSP_RENEWAL_DUE));
	putchar('\n');
	return 0;
}

static int cmd_aid(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	int n = 0, rc;

	if ((rc = start(cli, a, op, "aid", false)) != 0)
		return rc;
	if ((rc = hane_gate_list(cli->db, "inspection.aid")) ||
	    (rc = hane_inspection_aid_each(cli->db, op->household, print_aid,
					   &n)))
		return hane_cli_fail(rc);
	if (!n)
		fputs(hane_msg(HANE_M_INSP_CLI_NO_ROWS), stdout);
	return 0;
}

/* ---- settings ----------------------------------------------------------------------- */

static int cmd_settings(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	struct hane_inspection_settings s;
	const struct {
		const char *opt;
		int64_t n;
		int *dst;
	} map[] = {
		{"urgent-days", op->urgent_days, &s.due_days_urgent},
		{"normal-days", op->normal_days, &s.due_days_normal},
		{"renewal-days", op->renewal_days, &s.renewal_days},
	};
	bool change = false;
	int rc;

	if ((rc = start(cli, a, op, "settings", false)) != 0)
		return rc;
	if ((rc = hane_inspection_settings_get(cli->db, &s)))
		return hane_cli_fail(rc);
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (!has(a, map[i].opt))
			continue;
		*map[i].dst =
			map[i].n < -1 || map[i].n > 100000 ? -1 : (int)map[i].n;
		change = true;
	}
	if (change) {
		if ((rc = hane_inspection_settings_set(cli->db, &s)))
			return hane_cli_fail(rc);
		fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
	}
	printf(hane_msg(HANE_M_INSP_CLI_SETTINGS), s.due_days_urgent,
	       s.due_days_normal, s.renewal_days);
	return 0;
}

/* ---- import ------------------------------------------------------------------------ */

static void on_notice(const char *msg, void *arg)
{
	(void)arg;
	fprintf(stderr, hane_msg(HANE_M_CLI_WARNING), msg);
}

static void on_reject(long lineno, const char *reason, void *arg)
{
	(void)arg;
	printf(hane_msg(HANE_M_INSP_CLI_REJECT_LINE), lineno, reason);
}

static int cmd_import(struct hane_cli *cli, void *opts, args *a)
{
	struct insp_opts *op = opts;
	struct hane_inspection_import_opts o = {0};
	struct hane_inspection_import_counts c;
	int rc;

	if ((rc = hane_opt_npos(a, CMD " import", 1, 1, "FILE")) != 0)
		return rc;
	o.dry_run = op->dry_run;
	o.rejects = op->rejects;
	o.notice = on_notice;
	o.reject = on_reject;
	o.csv = op->csv;
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if ((rc = hane_inspection_import(cli->db, a->pos[0], &o, &c)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_IMPORTED), (long long)c.rows,
	       (long long)c.created, (long long)c.rejected);
	if (o.dry_run)
		fputs(hane_msg(HANE_M_INSP_CLI_DRY_RUN), stdout);
	return c.rejected ? HANE_EXIT_PARTIAL : 0;
}

/* ---- dispatch ------------------------------------------------------------------------ */

/* The code lists the unit's help ends with: reasons, channels (but the
 * renewal's, which only renew opens), kinds. */
static void print_lists(void)
{
	char lists[3][512];
	const enum hane_inspection_list which[3] = {
		HANE_INSP_REASON, HANE_INSP_CHANNEL, HANE_INSP_KIND};

	for (int k = 0; k < 3; k++) {
		int n;
		const char *const *codes = hane_inspection_codes(which[k], &n);

		lists[k][0] = '\0';
		for (int i = 0; i < n; i++) {
			size_t len = strlen(lists[k]);

			if (which[k] == HANE_INSP_CHANNEL &&
			    !strcmp(codes[i], "renewal"))
				continue;
			snprintf(lists[k] + len, sizeof lists[k] - len,
				 "%s%s (%s)", len ? ", " : "", codes[i],
				 hane_inspection_label(which[k], codes[i]));
		}
	}
	printf(hane_msg(HANE_M_INSP_CLI_LISTS), lists[0], lists[1], lists[2]);
}

/* A subcommand's options: the fields of record d (kept at base in struct
 * insp_opts) whose options fields lists ("date|rent"), typed and labelled
 * by the record's table, then its own rows (extra, ended by {0}). */
#define OPTS_MAX 24
static const struct hane_opt *with_fields(struct hane_opt out[OPTS_MAX],
					  const struct hane_rdef *d,
					  size_t base, const char *fields,
					  const struct hane_opt *extra)
{
	size_t n = 0;

	for (const char *p = fields; p && *p && n < OPTS_MAX - 1;) {
		size_t len = strcspn(p, "|");

		for (size_t i = 0; i < d->nfields; i++) {
			const struct hane_fdef *f = &d->fields[i];

			if (f->option && strlen(f->option) == len &&
			    !strncmp(f->option, p, len))
				out[n++] = (struct hane_opt){f->option,
							     f->type,
							     0,
							     base + f->offset,
							     f->size,
							     NULL,
							     HANE_M__COUNT,
							     f->label_tr,
							     f->label_en};
		}
		p += len + (p[len] == '|');
	}
	for (; extra && (extra->name || extra->label_tr) && n < OPTS_MAX - 1;
	     extra++)
		out[n++] = *extra;
	memset(&out[n], 0, sizeof out[n]);
	return out;
}

#define S struct insp_opts
#define ARGV(name, m, flags, help)                                             \
	HANE_OPT(S, name, m, HANE_FT_TEXT, HANE_OPT_ARGV | (flags), help)
#define SWITCH(name, m, help)                                                  \
	HANE_OPT(S, name, m, HANE_FT_BOOL, HANE_OPT_SWITCH, help)
#define HOUSEHOLD                                                              \
	HANE_OPT(S, "household", household, HANE_FT_REF, 0,                    \
		 HANE_M_OPT_INSP_HOUSEHOLD)
#define INSPECTOR(flags)                                                       \
	ARGV("inspector", inspector, flags, HANE_M_OPT_INSP_INSPECTOR)

static const struct hane_opt request_own[] = {
	HANE_OPT(S, "tckn", tckn, HANE_FT_TCKN, 0, HANE_M_OPT_INSP_TCKN),
	ARGV("reason", reason, HANE_OPT_REQUIRED, HANE_M_OPT_INSP_REASON),
	ARGV("channel", channel, 0, HANE_M_OPT_INSP_CHANNEL),
	ARGV("urgency", urgency, 0, HANE_M_OPT_INSP_URGENCY),
	{0}};
static const struct hane_opt assign_own[] = {INSPECTOR(HANE_OPT_REQUIRED), {0}};
static const struct hane_opt visit_own[] = {
	ARGV("recommend", recommend, HANE_OPT_REQUIRED,
	     HANE_M_OPT_INSP_RECOMMEND),
	ARGV("tenure", tenure, 0, HANE_M_OPT_INSP_TENURE),
	ARGV("heating", heating, 0, HANE_M_OPT_INSP_HEATING),
	INSPECTOR(0),
	{0}};
static const struct hane_opt decide_own[] = {
	ARGV("outcome", outcome, HANE_OPT_REQUIRED, HANE_M_OPT_INSP_OUTCOME),
	ARGV("type", type, 0, HANE_M_OPT_INSP_TYPE),
	ARGV("kind", kind, 0, HANE_M_OPT_INSP_KIND),
	ARGV("frequency", frequency, 0, HANE_M_OPT_INSP_FREQUENCY),
	{0}};
static const struct hane_opt cancel_opts[] = {
	ARGV("reason", reason, HANE_OPT_REQUIRED,
	     HANE_M_OPT_INSP_CANCEL_REASON),
	{0}};
static const struct hane_opt list_opts[] = {
	SWITCH("mine", mine, HANE_M_OPT_INSP_MINE),
	INSPECTOR(0),
	SWITCH("unassigned", unassigned, HANE_M_OPT_INSP_UNASSIGNED),
	SWITCH("overdue", overdue, HANE_M_OPT_INSP_OVERDUE),
	HOUSEHOLD,
	ARGV("mahalle", mahalle, 0, HANE_M_OPT_INSP_MAHALLE),
	ARGV("status", status, 0, HANE_M_OPT_INSP_STATUS),
	SWITCH("all", all, HANE_M_OPT_INSP_ALL),
	ARGV("sort", sort, 0, HANE_M_OPT_INSP_SORT),
	HANE_OPT(S, "limit", limit, HANE_FT_INT, 0, HANE_M_OPT_LIMIT),
	{0}};
static const struct hane_opt aid_opts[] = {HOUSEHOLD, {0}};
static const struct hane_opt settings_opts[] = {
	HANE_OPT(S, "urgent-days", urgent_days, HANE_FT_INT, 0,
		 HANE_M_OPT_INSP_URGENT_DAYS),
	HANE_OPT(S, "normal-days", normal_days, HANE_FT_INT, 0,
		 HANE_M_OPT_INSP_NORMAL_DAYS),
	HANE_OPT(S, "renewal-days", renewal_days, HANE_FT_INT, 0,
		 HANE_M_OPT_INSP_RENEWAL_DAYS),
	{0}};
static const struct hane_opt import_opts[] = {
	SWITCH("dry-run", dry_run, HANE_M_OPT_DRY_RUN),
	ARGV("rejects", rejects, 0, HANE_M_OPT_REJECTS),
	HANE_OPT_CSV_ROWS(S, csv),
	{0}};
#undef S
#undef ARGV
#undef SWITCH
#undef HOUSEHOLD
#undef INSPECTOR

/* The options of request, assign, visit and decide: the record's fields
 * (with_fields, filled once before the first parse) and their own. */
static struct hane_opt request_opts[OPTS_MAX], assign_opts[OPTS_MAX],
	visit_opts[OPTS_MAX], decide_opts[OPTS_MAX];

const struct hane_cmd hane_cli_inspection_cmds[] = {
	{"request", HANE_M_CMD_INSP_REQUEST, request_opts, cmd_request},
	{"assign", HANE_M_CMD_INSP_ASSIGN, assign_opts, cmd_assign},
	{"visit", HANE_M_CMD_INSP_VISIT, visit_opts, cmd_visit},
	{"note", HANE_M_CMD_INSP_NOTE, NULL, cmd_note},
	{"decide", HANE_M_CMD_INSP_DECIDE, decide_opts, cmd_decide},
	{"close", HANE_M_CMD_INSP_CLOSE, NULL, cmd_close},
	{"cancel", HANE_M_CMD_INSP_CANCEL, cancel_opts, cmd_cancel},
	{"renew", HANE_M_CMD_INSP_RENEW, NULL, cmd_renew},
	{"show", HANE_M_CMD_INSP_SHOW, NULL, cmd_show},
	{"list", HANE_M_CMD_INSP_LIST, list_opts, cmd_list},
	{"aid", HANE_M_CMD_INSP_AID, aid_opts, cmd_aid},
	{"settings", HANE_M_CMD_INSP_SETTINGS, settings_opts, cmd_settings},
	{"import", HANE_M_CMD_INSP_IMPORT, import_opts, cmd_import},
};
const size_t hane_cli_inspection_ncmds = HANE_NCMDS(hane_cli_inspection_cmds);

static void fill_opts(void)
{
	static bool done;

	if (done)
		return;
	with_fields(request_opts, &hane_inspection_rdef,
		    offsetof(struct insp_opts, r),
		    "household|date|referrer|text", request_own);
	with_fields(assign_opts, &hane_inspection_rdef,
		    offsetof(struct insp_opts, r), "due", assign_own);
	with_fields(visit_opts, &hane_inspection_visit_rdef,
		    offsetof(struct insp_opts, v),
		    "date|present|rent|rooms|income|expenses|health|"
		    "disability|findings|note",
		    visit_own);
	with_fields(decide_opts, &hane_inspection_decision_rdef,
		    offsetof(struct insp_opts, d),
		    "reason|amount|start|end|date", decide_own);
	done = true;
}

int hane_cmd_inspection(struct hane_cli *cli, int argc, char **argv)
{
	const struct hane_cmd *cmds = hane_cli_inspection_cmds;
	const size_t ncmds = hane_cli_inspection_ncmds;
	struct insp_opts *o;
	int rc;

	fill_opts();
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		hane_opt_unit_usage(stdout, CMD, cmds, ncmds,
				    HANE_M_INSP_CLI_NOTES);
		print_lists();
		return HANE_EXIT_OK;
	}
	/* The visit's case note is long: the options live on the heap. */
	if (!(o = calloc(1, sizeof *o)))
		return hane_cli_fail(HANE_ENOMEM);
	hane_inspection_init(&o->r);
	hane_inspection_visit_init(&o->v);
	hane_inspection_decision_init(&o->d);
	rc = hane_opt_unit(cli, CMD, cmds, ncmds, HANE_M__COUNT,
			   HANE_OPT_NEED_SUB, argc, argv, o);
	free(o);
	return rc;
}
