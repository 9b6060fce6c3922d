/* hane inspection request|assign|visit|note|decide|close|cancel|renew|show|
 * list|aid|settings|import: the social inspection unit from the command
 * line. Every rule is the model's (src/units/inspection); this file parses
 * arguments into the model's structs and prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "hane/households.h"
#include "hane/inspection.h"
#include "hane/perm.h"
#include "hane/security.h"

#define CMD "inspection"

/* The options, by name; values are kept as typed and parsed by the
 * subcommand that uses them. */
#define OPTIONS(X)                                                             \
	X(HOUSEHOLD, "household")                                              \
	X(TCKN, "tckn")                                                        \
	X(REASON, "reason")                                                    \
	X(TEXT, "text")                                                        \
	X(CHANNEL, "channel")                                                  \
	X(REFERRER, "referrer")                                                \
	X(URGENCY, "urgency")                                                  \
	X(DATE, "date")                                                        \
	X(INSPECTOR, "inspector")                                              \
	X(DUE, "due")                                                          \
	X(RECOMMEND, "recommend")                                              \
	X(PRESENT, "present")                                                  \
	X(TENURE, "tenure")                                                    \
	X(RENT, "rent")                                                        \
	X(ROOMS, "rooms")                                                      \
	X(HEATING, "heating")                                                  \
	X(INCOME, "income")                                                    \
	X(EXPENSES, "expenses")                                                \
	X(HEALTH, "health")                                                    \
	X(DISABILITY, "disability")                                            \
	X(FINDINGS, "findings")                                                \
	X(NOTE, "note")                                                        \
	X(OUTCOME, "outcome")                                                  \
	X(TYPE, "type")                                                        \
	X(KIND, "kind")                                                        \
	X(AMOUNT, "amount")                                                    \
	X(START, "start")                                                      \
	X(END, "end")                                                          \
	X(FREQUENCY, "frequency")                                              \
	X(MINE, "mine")                                                        \
	X(UNASSIGNED, "unassigned")                                            \
	X(OVERDUE, "overdue")                                                  \
	X(ALL, "all")                                                          \
	X(STATUS, "status")                                                    \
	X(MAHALLE, "mahalle")                                                  \
	X(SORT, "sort")                                                        \
	X(LIMIT, "limit")                                                      \
	X(URGENT_DAYS, "urgent-days")                                          \
	X(NORMAL_DAYS, "normal-days")                                          \
	X(RENEWAL_DAYS, "renewal-days")                                        \
	X(DRY_RUN, "dry-run")                                                  \
	X(REJECTS, "rejects")                                                  \
	X(ENCODING, "encoding")                                                \
	X(DELIMITER, "delimiter")

enum opt {
#define X_(id, name) O_##id,
	OPTIONS(X_)
#undef X_
		O__COUNT
};

static const char *const opt_names[O__COUNT] = {
#define X_(id, name) name,
	OPTIONS(X_)
#undef X_
};

static const char *const flags[] = {"mine", "unassigned", "overdue",
				    "all",  "dry-run",	  NULL};

struct args {
	const char *v[O__COUNT];
	int64_t id; /* the request NO of most subcommands */
};

static int fail_field(enum hane_msg field, int rc)
{
	char why[512];

	snprintf(why, sizeof why, "%s", hane_error_last());
	hane_error_set(hane_msg(HANE_M_V_FIELD), hane_msg(field), why);
	return hane_cli_fail(rc);
}

/* A coded option read into dst; an unknown word lists the choices. */
static int coded(char *dst, size_t dstsz, enum hane_inspection_list l,
		 enum hane_msg field, const char *v)
{
	const char *code = hane_inspection_parse(l, v);
	char words[512] = "";
	const char *const *codes;
	int n;

	if (code) {
		snprintf(dst, dstsz, "%s", code);
		return 0;
	}
	codes = hane_inspection_codes(l, &n);
	for (int i = 0; i < n; i++) {
		size_t len = strlen(words);

		snprintf(words + len, sizeof words - len, "%s%s", i ? ", " : "",
			 hane_inspection_label(l, codes[i]));
	}
	hane_error_set(hane_msg(HANE_M_INSP_V_ONE_OF), hane_msg(field), words);
	return hane_cli_fail(HANE_EINVAL);
}

#define CODED(dst, list, field, v)                                             \
	coded((dst), sizeof(dst), (list), (field), (v))

static int date_opt(char out[HANE_DATE_LEN + 1], enum hane_msg field,
		    const char *v)
{
	int rc;

	if (!v || !*v) {
		out[0] = '\0';
		return 0;
	}
	if ((rc = hane_date_parse(out, v)) != 0)
		return fail_field(field, rc);
	return 0;
}

static int money_opt(int64_t *out, enum hane_msg field, const char *v)
{
	int rc;

	if (!v || !*v) {
		*out = -1;
		return 0;
	}
	if ((rc = hane_money_parse(out, v)) != 0)
		return fail_field(field, rc);
	return 0;
}

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

/* ---- request ------------------------------------------------------------ */

static int cmd_request(struct hane_cli *cli, const struct args *a)
{
	struct hane_inspection r;
	char due[HANE_DATE_LEN + 1];
	int64_t id = 0;
	int rc;

	hane_inspection_init(&r);
	if (a->v[O_HOUSEHOLD]) {
		if (hane_cli_int(CMD, "--household", a->v[O_HOUSEHOLD],
				 &r.household_id))
			return HANE_EXIT_USAGE;
	} else if (a->v[O_TCKN]) {
		struct hane_person p;

		if ((rc = hane_person_by_tckn(cli->db, a->v[O_TCKN], &p)))
			return hane_cli_fail(rc);
		r.household_id = p.household_id;
	} else {
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--household | --tckn");
	}
	if (!a->v[O_REASON])
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--reason");
	if ((rc = CODED(r.reason, HANE_INSP_REASON, HANE_M_INSP_F_REASON,
			a->v[O_REASON])))
		return rc;
	if (a->v[O_CHANNEL] &&
	    (rc = CODED(r.channel, HANE_INSP_CHANNEL, HANE_M_INSP_F_CHANNEL,
			a->v[O_CHANNEL])))
		return rc;
	if (a->v[O_URGENCY] &&
	    (rc = CODED(r.urgency, HANE_INSP_URGENCY, HANE_M_INSP_F_URGENCY,
			a->v[O_URGENCY])))
		return rc;
	if ((rc = date_opt(r.requested_on, HANE_M_INSP_F_REQUESTED_ON,
			   a->v[O_DATE])))
		return rc;
	if (a->v[O_REFERRER])
		HANE_CLI_COPY(r.referrer, "referrer", a->v[O_REFERRER]);
	if (a->v[O_TEXT])
		HANE_CLI_COPY(r.reason_text, "text", a->v[O_TEXT]);
	if ((rc = hane_inspection_request(cli->db, &r, &id)))
		return hane_cli_fail(rc);
	if ((rc = hane_inspection_get(cli->db, id, &r)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_REQUESTED), (long long)id,
	       (long long)r.household_id, hane_date_format(due, r.due_on));
	return 0;
}

/* ---- assign, close, cancel, renew ------------------------------------------- */

static int cmd_assign(struct hane_cli *cli, const struct args *a)
{
	struct hane_inspection r;
	char due[HANE_DATE_LEN + 1];
	int64_t staff = 0, version = 0;
	int rc;

	if (!a->v[O_INSPECTOR])
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--inspector");
	if ((rc = need_version(cli, a->id, &version)))
		return rc;
	if ((rc = hane_inspection_inspector_find(cli->db, a->v[O_INSPECTOR],
						 &staff)) ||
	    (rc = hane_inspection_assign(cli->db, a->id, version, staff,
					 a->v[O_DUE])) ||
	    (rc = hane_inspection_get(cli->db, a->id, &r)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_ASSIGNED), (long long)a->id,
	       r.inspector, hane_date_format(due, r.due_on));
	return 0;
}

static int cmd_close(struct hane_cli *cli, const struct args *a)
{
	int64_t version = 0;
	int rc;

	if ((rc = need_version(cli, a->id, &version)))
		return rc;
	if ((rc = hane_inspection_close(cli->db, a->id, version)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_CLOSED), (long long)a->id);
	return 0;
}

static int cmd_cancel(struct hane_cli *cli, const struct args *a)
{
	int64_t version = 0;
	int rc;

	if (!a->v[O_REASON])
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--reason");
	if ((rc = need_version(cli, a->id, &version)))
		return rc;
	if ((rc = hane_inspection_cancel(cli->db, a->id, version,
					 a->v[O_REASON])))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_CANCELLED), (long long)a->id);
	return 0;
}

static int cmd_renew(struct hane_cli *cli, const struct args *a)
{
	struct hane_inspection r;
	char due[HANE_DATE_LEN + 1];
	int64_t id = 0;
	int rc;

	if ((rc = hane_inspection_renew(cli->db, a->id, &id)) ||
	    (rc = hane_inspection_get(cli->db, id, &r)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_RENEWED), (long long)id,
	       (long long)a->id, hane_date_format(due, r.due_on));
	return 0;
}

/* ---- visit and note ---------------------------------------------------------- */

static int cmd_visit(struct hane_cli *cli, const struct args *a)
{
	struct hane_inspection_visit *v;
	int64_t version = 0, n;
	int rc = 0, status = HANE_EXIT_ERROR;

	if (!a->v[O_RECOMMEND])
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--recommend");
	if ((rc = need_version(cli, a->id, &version)))
		return rc;
	v = calloc(1, sizeof *v);
	if (!v)
		return hane_cli_fail(HANE_ENOMEM);
	hane_inspection_visit_init(v);
	if ((rc = CODED(v->recommendation, HANE_INSP_RECOMMEND,
			HANE_M_INSP_F_RECOMMEND, a->v[O_RECOMMEND])) ||
	    (a->v[O_TENURE] &&
	     (rc = CODED(v->tenure, HANE_INSP_TENURE, HANE_M_INSP_F_TENURE,
			 a->v[O_TENURE]))) ||
	    (a->v[O_HEATING] &&
	     (rc = CODED(v->heating, HANE_INSP_HEATING, HANE_M_INSP_F_HEATING,
			 a->v[O_HEATING]))) ||
	    (rc = date_opt(v->visited_on, HANE_M_INSP_F_VISITED_ON,
			   a->v[O_DATE])) ||
	    (rc = money_opt(&v->rent_kurus, HANE_M_INSP_F_RENT,
			    a->v[O_RENT])) ||
	    (rc = money_opt(&v->income_kurus, HANE_M_INSP_F_INCOME,
			    a->v[O_INCOME])) ||
	    (rc = money_opt(&v->expenses_kurus, HANE_M_INSP_F_EXPENSES,
			    a->v[O_EXPENSES]))) {
		status = rc;
		goto done;
	}
	if (a->v[O_ROOMS]) {
		if (hane_cli_int(CMD, "--rooms", a->v[O_ROOMS], &n)) {
			status = HANE_EXIT_USAGE;
			goto done;
		}
		v->rooms = n < -1 || n > 99 ? -2 : (int)n;
	}
	if (a->v[O_INSPECTOR] &&
	    (rc = hane_inspection_inspector_find(cli->db, a->v[O_INSPECTOR],
						 &v->inspector_id))) {
		status = hane_cli_fail(rc);
		goto done;
	}
#define TXT(o, f, opt)                                                         \
	if (a->v[o] &&                                                         \
	    (rc = hane_cli_copy(v->f, sizeof v->f, opt, a->v[o])) != 0) {      \
		status = rc;                                                   \
		goto done;                                                     \
	}
	TXT(O_PRESENT, present, "present")
	TXT(O_HEALTH, health, "health")
	TXT(O_DISABILITY, disability, "disability")
	TXT(O_FINDINGS, findings, "findings")
	TXT(O_NOTE, note, "note")
#undef TXT
	if ((rc = hane_inspection_visit(cli->db, a->id, version, v, NULL)) ||
	    (rc = hane_inspection_visit_get(cli->db, a->id, v))) {
		status = hane_cli_fail(rc);
		goto done;
	}
	printf(hane_msg(HANE_M_INSP_CLI_VISITED), (long long)a->id);
	printf("%s:\n%s\n", hane_msg(HANE_M_INSP_F_NOTE), v->note);
	status = 0;
done:
	free(v);
	return status;
}

static int cmd_note(struct hane_cli *cli, const struct args *a)
{
	struct hane_inspection_visit *v = calloc(1, sizeof *v);
	char *note = malloc(HANE_INSP_NOTE_MAX), m[8];
	int rc, status = 0;

	if (!v || !note) {
		status = hane_cli_fail(HANE_ENOMEM);
		goto done;
	}
	if ((rc = hane_inspection_visit_get(cli->db, a->id, v)) ||
	    (rc = hane_inspection_note_fill(cli->db, v, note,
					    HANE_INSP_NOTE_MAX)) ||
	    (rc = hane_gate_view(cli->db, "inspection.note", "inspection",
				 a->id))) {
		status = hane_cli_fail(rc);
		goto done;
	}
	/* The template writes the address and the health fields into the
	 * note: through the gate like the case note itself. */
	printf("%s\n", hane_gate_show(cli->db, HANE_ACT_INSPECTION_WRITE,
				      HANE_PD_HEALTH, note, m, sizeof m));
done:
	free(v);
	free(note);
	return status;
}

/* ---- decide --------------------------------------------------------------------- */

static int cmd_decide(struct hane_cli *cli, const struct args *a)
{
	struct hane_inspection_decision d;
	int64_t version = 0;
	int rc;

	hane_inspection_decision_init(&d);
	if (!a->v[O_OUTCOME])
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--outcome");
	if ((rc = CODED(d.outcome, HANE_INSP_OUTCOME, HANE_M_INSP_F_OUTCOME,
			a->v[O_OUTCOME])) ||
	    (a->v[O_TYPE] &&
	     (rc = CODED(d.aid_type, HANE_INSP_AID_TYPE, HANE_M_INSP_F_AID_TYPE,
			 a->v[O_TYPE]))) ||
	    (a->v[O_KIND] && (rc = CODED(d.kind, HANE_INSP_KIND,
					 HANE_M_INSP_F_KIND, a->v[O_KIND]))) ||
	    (a->v[O_FREQUENCY] &&
	     (rc = CODED(d.frequency, HANE_INSP_FREQUENCY,
			 HANE_M_INSP_F_FREQUENCY, a->v[O_FREQUENCY]))) ||
	    (rc = money_opt(&d.amount_kurus, HANE_M_INSP_F_AMOUNT,
			    a->v[O_AMOUNT])) ||
	    (rc = date_opt(d.start_on, HANE_M_INSP_F_START, a->v[O_START])) ||
	    (rc = date_opt(d.end_on, HANE_M_INSP_F_END, a->v[O_END])) ||
	    (rc = date_opt(d.decided_on, HANE_M_INSP_F_DECIDED_ON,
			   a->v[O_DATE])))
		return rc;
	if (a->v[O_REASON])
		HANE_CLI_COPY(d.reason, "reason", a->v[O_REASON]);
	if ((rc = need_version(cli, a->id, &version)))
		return rc;
	if ((rc = hane_inspection_decide(cli->db, a->id, version, &d, NULL)))
		return hane_cli_fail(rc);
	{
		char what[256];

		if (!strcmp(d.outcome, "aid"))
			snprintf(what, sizeof what, "%s, %s, %s",
				 hane_inspection_label(HANE_INSP_OUTCOME,
						       d.outcome),
				 hane_inspection_label(HANE_INSP_AID_TYPE,
						       d.aid_type),
				 hane_inspection_label(HANE_INSP_KIND, d.kind));
		else
			snprintf(what, sizeof what, "%s",
				 hane_inspection_label(HANE_INSP_OUTCOME,
						       d.outcome));
		printf(hane_msg(HANE_M_INSP_CLI_DECIDED), (long long)a->id,
		       what);
	}
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

static int cmd_show(struct hane_cli *cli, const struct args *a)
{
	struct hane_inspection r;
	struct hane_inspection_visit *v = NULL;
	struct hane_inspection_decision d;
	int rc, status = 0;

	if ((rc = hane_inspection_get(cli->db, a->id, &r)))
		return hane_cli_fail(rc);
	/* The request, the visit and the case note are about the household:
	 * the view is logged first (KVKK), and the free text that can hold
	 * health details goes through the gate — clear for the inspection
	 * unit's staff, "***" for anyone else (a reporter). */
	if ((rc = hane_gate_view(cli->db, "inspection.view", "household",
				 r.household_id)))
		return hane_cli_fail(rc);
	show_request(cli->db, &r);
	v = calloc(1, sizeof *v);
	if (!v)
		return hane_cli_fail(HANE_ENOMEM);
	rc = hane_inspection_visit_get(cli->db, a->id, v);
	if (rc == 0)
		show_visit(cli->db, v);
	else if (rc != HANE_ENOTFOUND)
		status = hane_cli_fail(rc);
	free(v);
	if (status)
		return status;
	rc = hane_inspection_decision_get(cli->db, a->id, &d);
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

static int cmd_list(struct hane_cli *cli, const struct args *a)
{
	struct hane_inspection_filter f = {0};
	char status[16] = "", mahalle[HANE_NAME_MAX] = "";
	int64_t n;
	int total = 0, rc;

	f.unassigned = a->v[O_UNASSIGNED] != NULL;
	f.overdue = a->v[O_OVERDUE] != NULL;
	f.all = a->v[O_ALL] != NULL;
	if (a->v[O_MINE]) {
		f.inspector_id = hane_store_actor(cli->db)->staff_id;
		if (!f.inspector_id) {
			hane_error_set(
				"%s",
				hane_msg(HANE_M_INSP_CLI_ACTOR_NOT_STAFF));
			return hane_cli_fail(HANE_EPERM);
		}
	}
	if (a->v[O_INSPECTOR] &&
	    (rc = hane_inspection_inspector_find(cli->db, a->v[O_INSPECTOR],
						 &f.inspector_id)))
		return hane_cli_fail(rc);
	if (a->v[O_HOUSEHOLD]) {
		if (hane_cli_int(CMD, "--household", a->v[O_HOUSEHOLD],
				 &f.household_id))
			return HANE_EXIT_USAGE;
		f.all = true; /* a household's history: everything */
	}
	if (a->v[O_STATUS]) {
		if ((rc = CODED(status, HANE_INSP_STATUS, HANE_M_INSP_F_STATUS,
				a->v[O_STATUS])))
			return rc;
		f.status = status;
	}
	if (a->v[O_MAHALLE]) {
		if (hane_mahalle_match(cli->db, mahalle, a->v[O_MAHALLE]))
			return hane_cli_fail(HANE_EINVAL);
		f.mahalle = mahalle;
	}
	if (a->v[O_SORT]) {
		if (!strcmp(a->v[O_SORT], "due"))
			f.sort = HANE_INSP_SORT_DUE;
		else if (!strcmp(a->v[O_SORT], "mahalle"))
			f.sort = HANE_INSP_SORT_MAHALLE;
		else if (!strcmp(a->v[O_SORT], "newest"))
			f.sort = HANE_INSP_SORT_NEWEST;
		else
			return hane_cli_usage(CMD,
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      a->v[O_SORT]);
	}
	if (a->v[O_LIMIT]) {
		if (hane_cli_int(CMD, "--limit", a->v[O_LIMIT], &n))
			return HANE_EXIT_USAGE;
		f.limit = n > 0 && n < 1000000 ? (int)n : 0;
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

static int cmd_aid(struct hane_cli *cli, const struct args *a)
{
	int64_t hid = 0;
	int n = 0, rc;

	if (a->v[O_HOUSEHOLD] &&
	    hane_cli_int(CMD, "--household", a->v[O_HOUSEHOLD], &hid))
		return HANE_EXIT_USAGE;
	if ((rc = hane_gate_list(cli->db, "inspection.aid")) ||
	    (rc = hane_inspection_aid_each(cli->db, hid, print_aid, &n)))
		return hane_cli_fail(rc);
	if (!n)
		fputs(hane_msg(HANE_M_INSP_CLI_NO_ROWS), stdout);
	return 0;
}

/* ---- settings ----------------------------------------------------------------------- */

static int cmd_settings(struct hane_cli *cli, const struct args *a)
{
	struct hane_inspection_settings s;
	const struct {
		enum opt o;
		int *dst;
	} map[] = {
		{O_URGENT_DAYS, &s.due_days_urgent},
		{O_NORMAL_DAYS, &s.due_days_normal},
		{O_RENEWAL_DAYS, &s.renewal_days},
	};
	bool change = false;
	int64_t n;
	int rc;

	if ((rc = hane_inspection_settings_get(cli->db, &s)))
		return hane_cli_fail(rc);
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (!a->v[map[i].o])
			continue;
		if (hane_cli_int(CMD, opt_names[map[i].o], a->v[map[i].o], &n))
			return HANE_EXIT_USAGE;
		*map[i].dst = n < -1 || n > 100000 ? -1 : (int)n;
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

static int cmd_import(struct hane_cli *cli, const struct args *a,
		      const char *path)
{
	struct hane_inspection_import_opts o = {0};
	struct hane_inspection_import_counts c;
	int rc;

	o.dry_run = a->v[O_DRY_RUN] != NULL;
	o.rejects = a->v[O_REJECTS];
	o.notice = on_notice;
	o.reject = on_reject;
	if (a->v[O_ENCODING]) {
		int e = hane_csv_encoding_parse(a->v[O_ENCODING]);

		if (e < 0)
			return hane_cli_usage(CMD,
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      a->v[O_ENCODING]);
		o.csv.encoding = (enum hane_csv_encoding)e;
	}
	if (a->v[O_DELIMITER]) {
		const char *d = a->v[O_DELIMITER];

		o.csv.delimiter =
			!strcmp(d, "tab") || !strcmp(d, "\\t") ? '\t' : d[0];
	}
	if ((rc = hane_inspection_import(cli->db, path, &o, &c)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_INSP_CLI_IMPORTED), (long long)c.rows,
	       (long long)c.created, (long long)c.rejected);
	if (o.dry_run)
		fputs(hane_msg(HANE_M_INSP_CLI_DRY_RUN), stdout);
	return c.rejected ? HANE_EXIT_PARTIAL : 0;
}

/* ---- dispatch ------------------------------------------------------------------------ */

static void help(void)
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
	printf(hane_msg(HANE_M_INSP_CLI_HELP), lists[0], lists[1], lists[2]);
}

/* The options as typed into a->v (--help prints the usage); -1 to go
 * on, or the exit status. */
static int read_args(int argc, char **argv, struct hane_opts *o, struct args *a)
{
	const char *name, *value;

	memset(a, 0, sizeof *a);
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			help();
			return 0;
		}
	hane_opts_init(o, argc, argv, flags);
	while ((name = hane_opts_next(o, &value)) != NULL) {
		int k;

		for (k = 0; k < O__COUNT; k++)
			if (!strcmp(opt_names[k], name))
				break;
		if (k == O__COUNT)
			return hane_cli_usage(
				CMD, hane_msg(HANE_M_CLI_UNKNOWN_OPT), name);
		a->v[k] = value ? value : "";
	}
	return o->error ? HANE_EXIT_USAGE : -1;
}

int hane_cmd_inspection(struct hane_cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(struct hane_cli *cli, const struct args *a);
	} subs[] = {
		{"assign", cmd_assign}, {"visit", cmd_visit},
		{"note", cmd_note},	{"decide", cmd_decide},
		{"close", cmd_close},	{"cancel", cmd_cancel},
		{"renew", cmd_renew},	{"show", cmd_show},
	};
	struct hane_opts o;
	struct args a;
	const char *sub;
	int rc;

	if ((rc = read_args(argc, argv, &o, &a)) >= 0)
		return rc;
	if (o.npos == 0)
		return hane_cli_usage(
			CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
			"request|assign|visit|note|decide|close|cancel|renew|"
			"show|list|aid|settings|import");
	sub = o.pos[0];
	if (!strcmp(sub, "request") || !strcmp(sub, "list") ||
	    !strcmp(sub, "aid") || !strcmp(sub, "settings")) {
		if (o.npos > 1)
			return hane_cli_usage(
				CMD, hane_msg(HANE_M_CLI_TOO_MANY), o.pos[1]);
		if ((rc = hane_cli_open(cli, 0)) != 0)
			return rc;
		if (!strcmp(sub, "request"))
			return cmd_request(cli, &a);
		if (!strcmp(sub, "list"))
			return cmd_list(cli, &a);
		if (!strcmp(sub, "aid"))
			return cmd_aid(cli, &a);
		return cmd_settings(cli, &a);
	}
	if (!strcmp(sub, "import")) {
		if (o.npos < 2)
			return hane_cli_usage(
				CMD, hane_msg(HANE_M_CLI_MISSING_ARG), "FILE");
		if (o.npos > 2)
			return hane_cli_usage(
				CMD, hane_msg(HANE_M_CLI_TOO_MANY), o.pos[2]);
		if ((rc = hane_cli_open(cli, 0)) != 0)
			return rc;
		return cmd_import(cli, &a, o.pos[1]);
	}
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(sub, subs[i].name) != 0)
			continue;
		if (o.npos < 2)
			return hane_cli_usage(
				CMD, hane_msg(HANE_M_CLI_MISSING_ARG), "NO");
		if (o.npos > 2)
			return hane_cli_usage(
				CMD, hane_msg(HANE_M_CLI_TOO_MANY), o.pos[2]);
		if (hane_cli_int(CMD, "NO",
				 o.pos[1][0] == '#' ? o.pos[1] + 1 : o.pos[1],
				 &a.id))
			return HANE_EXIT_USAGE;
		if ((rc = hane_cli_open(cli, 0)) != 0)
			return rc;
		return subs[i].run(cli, &a);
	}
	return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD), sub);
}
