/* hane foodbank donate|supply|distribute|check|refer|stock|list|days|limit|
 * import
 *
 * Parses, calls the food bank model, prints. The rules (eligibility, the
 * frequency limit and its override, stock warnings) are the model's, so
 * this says exactly what the console says.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/foodbank.h"
#include "hane/perm.h"
#include "hane/security.h"

#define CMD "foodbank"

/* --item, as many as there may be. */
struct items {
	size_t n;
	const char *v[HANE_FB_ITEMS_MAX];
};

/* Every subcommand's options: each takes those its table names. The
 * records' own fields (date, value, notes…) come from their field tables
 * (HANE_FB_*_FIELDS), typed. */
struct input {
	const char *branch, *market, *package, *qty, *rejects;
	struct hane_csv_opts csv;
	char date[HANE_DATE_LEN + 1], from[HANE_DATE_LEN + 1];
	char to[HANE_DATE_LEN + 1];
	int64_t household, days, limit;
	int dry_run;
	struct items items;
	struct hane_fb_donation don;
	struct hane_fb_supply sup;
	struct hane_fb_distribution dis;
	struct hane_fb_referral ref;
};

typedef const struct hane_args args;

static int too_many(const char *what)
{
	return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_TOO_MANY), what);
}

static int add_item(void *member, const char *v)
{
	struct items *it = member;

	if (it->n >= HANE_FB_ITEMS_MAX)
		return too_many(v);
	it->v[it->n++] = v;
	return 0;
}

static void warn(const char *msg)
{
	if (msg && *msg)
		fprintf(stderr, hane_msg(HANE_M_CLI_WARNING), msg);
}

/* Field error with the field's name in front. */
static int field_fail(enum hane_msg field, int rc)
{
	char why[512];

	snprintf(why, sizeof why, "%s", hane_error_last());
	hane_error_set("%s: %s", hane_msg(field), why);
	return hane_cli_fail(rc);
}

static int need(const char *v, const char *opt)
{
	if (v && *v)
		return 0;
	return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG), opt);
}

static int find_branch(struct hane_cli *cli, const char *text,
		       struct hane_fb_branch *b)
{
	int rc = hane_foodbank_branch_find(cli->db, text, b);

	return rc ? hane_cli_fail(rc) : 0;
}

static int parse_items(const struct input *in, struct hane_fb_item *items,
		       size_t *n)
{
	for (*n = 0; *n < in->items.n; (*n)++)
		if (hane_fb_item_parse(&items[*n], in->items.v[*n]) != 0)
			return hane_cli_fail(HANE_EINVAL);
	return 0;
}

static void print_items(const struct hane_fb_item *items, size_t n)
{
	char q[32];

	for (size_t i = 0; i < n; i++)
		printf("%s%s %s %s", i ? ", " : "",
		       hane_fb_category_label(items[i].category),
		       hane_fb_qty_format(q, sizeof q, items[i].qty_milli),
		       items[i].unit);
}

/* ---- donate / supply ---------------------------------------------------- */

static int cmd_donate(struct hane_cli *cli, void *opts, args *a)
{
	const struct input *in = opts;
	struct hane_fb_donation d = in->don;
	struct hane_fb_branch b;
	char money[32], date[HANE_DATE_LEN + 1];
	int rc;

	(void)a;
	if ((rc = find_branch(cli, in->branch, &b)) ||
	    (rc = parse_items(in, d.items, &d.nitems)))
		return rc;
	d.branch_id = b.id;
	if ((rc = hane_foodbank_donate(cli->db, &d)) != 0)
		return hane_cli_fail(rc);
	if (d.off_day)
		warn(hane_error_last());
	printf(hane_msg(HANE_M_FB_CLI_DONATED), (long long)d.id, b.name,
	       hane_date_format(date, d.date),
	       hane_money_format(money, sizeof money, d.value_kurus, true));
	return 0;
}

static int cmd_supply(struct hane_cli *cli, void *opts, args *a)
{
	const struct input *in = opts;
	struct hane_fb_supply s = in->sup;
	struct hane_fb_branch b;
	struct hane_fb_market m;
	char money[32], date[HANE_DATE_LEN + 1], q[32];
	int rc;

	(void)a;
	if ((rc = need(s.category, "--category")))
		return rc;
	if ((rc = hane_foodbank_market_find(cli->db, in->market, &m)) != 0)
		return hane_cli_fail(rc);
	if ((rc = find_branch(cli, in->branch, &b)))
		return rc;
	if (hane_fb_qty_parse(&s.qty_milli, in->qty, false) != 0)
		return field_fail(HANE_M_FB_F_QTY, HANE_EINVAL);
	s.market_id = m.id;
	s.branch_id = b.id;
	if ((rc = hane_foodbank_supply(cli->db, &s)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_FB_CLI_SUPPLIED), (long long)s.id, m.name,
	       hane_date_format(date, s.date),
	       hane_fb_category_label(s.category),
	       hane_fb_qty_format(q, sizeof q, s.qty_milli), s.unit,
	       hane_money_format(money, sizeof money, s.value_kurus, true));
	return 0;
}

/* ---- distribute / check / refer ------------------------------------------- */

static void print_eligibility(const struct hane_fb_check *c)
{
	char date[HANE_DATE_LEN + 1];

	if (c->eligible) {
		char until[64] = "";

		if (c->referral_until[0])
			snprintf(until, sizeof until, " (→%s)",
				 hane_date_format(date, c->referral_until));
		printf(hane_msg(HANE_M_FB_CLI_ELIGIBLE),
		       strcmp(c->referral_source, "inspection") == 0
			       ? hane_msg(HANE_M_FB_SOURCE_INSPECTION)
			       : hane_msg(HANE_M_FB_SOURCE_MANUAL),
		       (long long)c->referral_id, until);
	} else {
		fputs(hane_msg(HANE_M_FB_CLI_NOT_ELIGIBLE), stdout);
	}
	if (c->last_visit[0])
		printf(hane_msg(HANE_M_FB_CLI_LAST_VISIT),
		       hane_date_format(date, c->last_visit),
		       c->last_visit_package);
	else
		fputs(hane_msg(HANE_M_FB_CLI_NO_VISIT), stdout);
}

static void warn_shortages(const struct hane_fb_distribution *d,
			   const struct hane_fb_check *c)
{
	char have[32], need_[32], msg[512];

	for (int i = 0; i < c->nshort; i++) {
		const struct hane_fb_shortage *s = &c->shortage[i];

		snprintf(msg, sizeof msg, hane_msg(HANE_M_FB_SHORT), d->branch,
			 hane_fb_category_label(s->category),
			 hane_fb_qty_format(have, sizeof have, s->have_milli),
			 s->unit,
			 hane_fb_qty_format(need_, sizeof need_, s->need_milli),
			 s->unit);
		warn(msg);
	}
}

/* The household number, the one positional argument. */
static int household_arg(args *a, int64_t *id)
{
	return hane_cli_int(CMD, "HANE_NO", a->pos[0], id) ? HANE_EXIT_USAGE
							   : 0;
}

static int fill_distribution(struct hane_cli *cli, const struct input *in,
			     args *a, struct hane_fb_distribution *d)
{
	struct hane_fb_branch b;
	int rc;

	*d = in->dis;
	if ((rc = need(in->branch, "--branch")) ||
	    (rc = household_arg(a, &d->household_id)))
		return rc;
	if ((rc = find_branch(cli, in->branch, &b)) ||
	    (rc = parse_items(in, d->items, &d->nitems)))
		return rc;
	d->branch_id = b.id;
	HANE_CLI_COPY(d->package, "package",
		      in->package ? in->package : "standard");
	if (hane_opt_given(a, "override") && !d->override_reason[0])
		return need(NULL, "--override GEREKÇE");
	return 0;
}

static int cmd_distribute(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_fb_distribution d;
	struct hane_fb_check c;
	char date[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = fill_distribution(cli, opts, a, &d)) != 0)
		return rc;
	rc = hane_foodbank_distribute(cli->db, &d, &c);
	if (rc) {
		int status = hane_cli_fail(rc);

		if (c.limited && !c.overridden)
			fputs(hane_msg(HANE_M_FB_CLI_OVERRIDE_HINT), stderr);
		else if (rc == HANE_EPERM && !c.eligible &&
			 hane_can(cli->db, HANE_ACT_FOODBANK_WRITE) == 0)
			fputs(hane_msg(HANE_M_FB_CLI_REFER_HINT), stderr);
		return status;
	}
	warn_shortages(&d, &c);
	printf(hane_msg(HANE_M_FB_CLI_DISTRIBUTED), (long long)d.id,
	       (long long)d.household_id, d.package_name, d.members, d.branch,
	       hane_date_format(date, d.date));
	fputs("  ", stdout);
	print_items(d.items, d.nitems);
	putchar('\n');
	if (c.overridden)
		printf(hane_msg(HANE_M_FB_CLI_OVERRIDDEN),
		       hane_date_format(date, c.last_date),
		       (long long)c.last_id);
	return 0;
}

static int cmd_check(struct hane_cli *cli, void *opts, args *a)
{
	const struct input *in = opts;
	struct hane_fb_distribution d;
	struct hane_fb_check c;
	int64_t household;
	int rc;

	if (!in->branch) {
		/* Only who and when: eligibility and the last visit. */
		if ((rc = household_arg(a, &household)) != 0)
			return rc;
		rc = hane_foodbank_eligibility(cli->db, household, in->dis.date,
					       &c);
		if (rc)
			return hane_cli_fail(rc);
		print_eligibility(&c);
		return 0;
	}
	if ((rc = fill_distribution(cli, in, a, &d)) != 0)
		return rc;
	rc = hane_foodbank_check(cli->db, &d, &c);
	if (rc == HANE_EPERM && (c.limited || !c.eligible)) {
		char why[512];

		snprintf(why, sizeof why, "%s", hane_error_last());
		print_eligibility(&c);
		fprintf(stderr, "hane: %s\n", why);
		return HANE_EXIT_ERROR;
	}
	if (rc)
		return hane_cli_fail(rc);
	print_eligibility(&c);
	warn_shortages(&d, &c);
	fputs(hane_msg(HANE_M_FB_CLI_ALLOWED), stdout);
	return 0;
}

static int cmd_refer(struct hane_cli *cli, void *opts, args *a)
{
	const struct hane_fb_referral *r = &((const struct input *)opts)->ref;
	int64_t household, id = 0;
	int rc;

	if ((rc = household_arg(a, &household)))
		return rc;
	if (!r->decision_id && (rc = need(r->reason, "--reason")))
		return rc;
	rc = hane_foodbank_refer(
		cli->db, household, r->decision_id ? "inspection" : "manual",
		r->decision_id, r->reason, r->valid_from, r->valid_until, &id);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_FB_CLI_REFERRED), (long long)id,
	       (long long)household);
	return 0;
}

/* ---- stock / list ----------------------------------------------------------- */

static int print_stock(const struct hane_fb_stock_row *r, void *arg)
{
	char in[32], out[32], left[32];

	(void)arg;
	printf("%s\t%s\t%s\t%s\t%s\t%s%s\n", r->branch,
	       hane_fb_category_label(r->category), r->unit,
	       hane_fb_qty_format(in, sizeof in, r->in_milli),
	       hane_fb_qty_format(out, sizeof out, r->out_milli),
	       hane_fb_qty_format(left, sizeof left,
				  r->in_milli - r->out_milli),
	       r->in_milli < r->out_milli ? hane_msg(HANE_M_FB_CLI_NEGATIVE)
					  : "");
	return 0;
}

static int cmd_stock(struct hane_cli *cli, void *opts, args *a)
{
	const struct input *in = opts;
	struct hane_fb_branch b = {0};
	int rc;

	(void)a;
	if (in->branch && (rc = find_branch(cli, in->branch, &b)))
		return rc;
	fputs(hane_msg(HANE_M_FB_CLI_STOCK_HEAD), stdout);
	rc = hane_foodbank_stock(cli->db, b.id, print_stock, NULL);
	return rc ? hane_cli_fail(rc) : 0;
}

static int print_distribution(const struct hane_fb_distribution *d, void *arg)
{
	char date[HANE_DATE_LEN + 1], money[32];

	(void)arg;
	printf("#%lld\t%s\t#%lld\t%s\t%s\t%s\t", (long long)d->id,
	       hane_date_format(date, d->date), (long long)d->household_id,
	       d->package_name, d->branch,
	       hane_money_format(money, sizeof money, d->value_kurus, true));
	print_items(d->items, d->nitems);
	if (d->override_reason[0])
		printf("\t%s: %s", hane_msg(HANE_M_FB_CLI_OVERRIDE_WORD),
		       d->override_reason);
	putchar('\n');
	return 0;
}

static int print_donation(const struct hane_fb_donation *d, void *arg)
{
	struct hane_cli *cli = arg;
	struct hane_fb_branch b;
	char date[HANE_DATE_LEN + 1], money[32];

	if (hane_foodbank_branch_get(cli->db, d->branch_id, &b) != 0)
		snprintf(b.name, sizeof b.name, "#%lld",
			 (long long)d->branch_id);
	printf("#%lld\t%s\t%s\t%s\t%s\t", (long long)d->id,
	       hane_date_format(date, d->date), b.name,
	       d->donor_name[0] ? d->donor_name : "-",
	       hane_money_format(money, sizeof money, d->value_kurus, true));
	print_items(d->items, d->nitems);
	if (d->off_day)
		printf("\t%s", hane_msg(HANE_M_FB_CLI_OFF_DAY_WORD));
	putchar('\n');
	return 0;
}

static int print_supply(const struct hane_fb_supply *s, void *arg)
{
	char date[HANE_DATE_LEN + 1], money[32], q[32];

	(void)arg;
	printf("#%lld\t%s\t%s\t%s\t%s %s %s\t%s\n", (long long)s->id,
	       hane_date_format(date, s->date), s->market, s->branch,
	       hane_fb_category_label(s->category),
	       hane_fb_qty_format(q, sizeof q, s->qty_milli), s->unit,
	       hane_money_format(money, sizeof money, s->value_kurus, true));
	return 0;
}

/* The reason is free text (a decision's reason can name an illness):
 * through the gate, clear for the food bank's staff. */
static int print_referral(const struct hane_fb_referral *r, void *arg)
{
	char from[HANE_DATE_LEN + 1], until[HANE_DATE_LEN + 1], m[8];
	hane_db *db = arg;

	printf("#%lld\t#%lld\t%s", (long long)r->id, (long long)r->household_id,
	       strcmp(r->source, "inspection") == 0
		       ? hane_msg(HANE_M_FB_SOURCE_INSPECTION)
		       : hane_msg(HANE_M_FB_SOURCE_MANUAL));
	if (r->decision_id)
		printf(" #%lld", (long long)r->decision_id);
	printf("\t%s → %s\t%s\t%s\n", hane_date_format(from, r->valid_from),
	       r->valid_until[0] ? hane_date_format(until, r->valid_until)
				 : hane_msg(HANE_M_FB_CLI_OPEN_ENDED),
	       r->reason[0] ? hane_gate_field(
				      db, HANE_ACT_FOODBANK_WRITE,
				      hane_record_field(&hane_fb_referral_rdef,
							"reason"),
				      r->reason, m, sizeof m)
			    : "-",
	       r->created_by);
	return 0;
}

static int print_branch(const struct hane_fb_branch *b, void *arg)
{
	char days[64];

	(void)arg;
	printf("%lld\t%s\t%s\n", (long long)b->id, b->name,
	       hane_foodbank_days_format(days, sizeof days, b->days));
	return 0;
}

static int print_market(const struct hane_fb_market *m, void *arg)
{
	(void)arg;
	printf("%lld\t%s%s\n", (long long)m->id, m->name,
	       m->active ? "" : hane_msg(HANE_M_FB_CLI_INACTIVE));
	return 0;
}

static int print_package(const struct hane_fb_package *p, void *arg)
{
	(void)arg;
	printf("%s\t%s\t", p->code, p->name);
	if (p->limit_days > 0)
		printf(hane_msg(HANE_M_FB_CLI_LIMIT_DAYS), p->limit_days);
	else
		fputs(hane_msg(HANE_M_FB_CLI_NO_LIMIT), stdout);
	putchar('\n');
	return 0;
}

static int print_unserved(const struct hane_fb_unserved *u, void *arg)
{
	char date[HANE_DATE_LEN + 1];

	(void)arg;
	printf("#%lld\t%s\t%s\t", (long long)u->household_id, u->head,
	       u->mahalle[0] ? u->mahalle : "-");
	if (u->last_date[0])
		printf(hane_msg(HANE_M_FB_CLI_DAYS_AGO),
		       hane_date_format(date, u->last_date), u->days_since);
	else
		fputs(hane_msg(HANE_M_FB_CLI_NEVER), stdout);
	putchar('\n');
	return 0;
}

static int print_ledger(const struct hane_fb_ledger_row *r, void *arg)
{
	char date[HANE_DATE_LEN + 1], money[32], q[3][32], pcs[32];

	(void)arg;
	printf("%s\t%s\t", r->market, hane_date_format(date, r->week_start));
	for (int i = 0; i < 3; i++)
		hane_fb_qty_format(q[i], sizeof q[i], r->kg_milli[i]);
	hane_fb_qty_format(pcs, sizeof pcs,
			   r->pieces_milli[0] + r->pieces_milli[1] +
				   r->pieces_milli[2]);
	printf(hane_msg(HANE_M_FB_CLI_LEDGER_ROW), q[0], q[1], q[2], pcs,
	       hane_money_format(money, sizeof money, r->value_kurus, true),
	       r->deliveries);
	return 0;
}

static int cmd_list(struct hane_cli *cli, void *opts, args *a)
{
	const struct input *in = opts;
	const char *what = a->npos ? a->pos[0] : "distributions";
	const char *from = in->from, *to = in->to, *date = in->date;
	int limit = in->limit > 0 ? (int)in->limit : 50;
	int rc;

	if (!strcmp(what, "distributions")) {
		rc = hane_foodbank_distributions(cli->db, in->household, limit,
						 print_distribution, NULL);
	} else if (!strcmp(what, "donations")) {
		struct hane_fb_branch b = {0};

		if (in->branch && (rc = find_branch(cli, in->branch, &b)))
			return rc;
		rc = hane_foodbank_donations(cli->db, b.id, from, to, limit,
					     print_donation, cli);
	} else if (!strcmp(what, "supplies")) {
		struct hane_fb_market m = {0};

		if (in->market &&
		    (rc = hane_foodbank_market_find(cli->db, in->market, &m)))
			return hane_cli_fail(rc);
		rc = hane_foodbank_supplies(cli->db, m.id, from, to, limit,
					    print_supply, NULL);
	} else if (!strcmp(what, "referrals")) {
		rc = hane_foodbank_referrals(cli->db, in->household,
					     print_referral, cli->db);
	} else if (!strcmp(what, "branches")) {
		rc = hane_foodbank_branch_each(cli->db, print_branch, NULL);
	} else if (!strcmp(what, "markets")) {
		rc = hane_foodbank_market_each(cli->db, print_market, NULL);
	} else if (!strcmp(what, "packages")) {
		rc = hane_foodbank_package_each(cli->db, print_package, NULL);
	} else if (!strcmp(what, "unserved")) {
		if ((rc = hane_gate_list(cli->db, "foodbank.unserved")))
			return hane_cli_fail(rc);
		rc = hane_foodbank_unserved(
			cli->db, hane_opt_given(a, "days") ? (int)in->days : 30,
			date, limit, print_unserved, NULL);
	} else if (!strcmp(what, "ledger")) {
		rc = hane_foodbank_market_week(cli->db, date, print_ledger,
					       NULL);
	} else {
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      what);
	}
	return rc ? hane_cli_fail(rc) : 0;
}

/* ---- days / limit (administrator) ------------------------------------------- */

static int cmd_days(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_fb_branch b;
	char text[64];
	int rc;

	(void)opts;
	if ((rc = find_branch(cli, a->pos[0], &b)) != 0)
		return rc;
	if ((rc = hane_foodbank_branch_set_days(cli->db, b.id, b.version,
						a->pos[1])) != 0)
		return hane_cli_fail(rc);
	if ((rc = hane_foodbank_branch_get(cli->db, b.id, &b)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_FB_CLI_DAYS_SET), b.name,
	       hane_foodbank_days_format(text, sizeof text, b.days));
	return 0;
}

static int cmd_limit(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_fb_package p;
	int64_t n;
	int rc;

	(void)opts;
	if (hane_cli_int(CMD, "GÜN", a->pos[1], &n))
		return HANE_EXIT_USAGE;
	if ((rc = hane_foodbank_package_find(cli->db, a->pos[0], &p)) != 0)
		return hane_cli_fail(rc);
	if (n < 0 || n > 3660) {
		hane_error_set(hane_msg(HANE_M_FB_LIMIT_BAD), (int)n);
		return hane_cli_fail(HANE_EINVAL);
	}
	if ((rc = hane_foodbank_package_set_limit(cli->db, p.id, p.version,
						  (int)n)) != 0)
		return hane_cli_fail(rc);
	printf("%s\t", p.name);
	if (n > 0)
		printf(hane_msg(HANE_M_FB_CLI_LIMIT_DAYS), (int)n);
	else
		fputs(hane_msg(HANE_M_FB_CLI_NO_LIMIT), stdout);
	putchar('\n');
	return 0;
}

/* ---- import ------------------------------------------------------------------ */

static void on_notice(const char *msg, void *arg)
{
	(void)arg;
	warn(msg);
}

static void on_reject(long line, const char *reason, void *arg)
{
	(void)arg;
	printf(hane_msg(HANE_M_CLI_IMPORT_REJECT_LINE), line, reason);
}

static int cmd_import(struct hane_cli *cli, void *opts, args *a)
{
	const struct input *in = opts;
	const char *what = a->pos[0], *path = a->pos[1];
	struct hane_import_opts io = {0};
	struct hane_import_counts c;
	enum hane_fb_import_kind kind;
	int rc;

	if (!strcmp(what, "supply") || !strcmp(what, "supplies"))
		kind = HANE_FB_IMPORT_SUPPLY;
	else if (!strcmp(what, "donations"))
		kind = HANE_FB_IMPORT_DONATIONS;
	else
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      what);
	io.csv = in->csv;
	io.dry_run = in->dry_run;
	io.rejects = in->rejects;
	io.notice = on_notice;
	io.reject = on_reject;
	rc = hane_foodbank_import(cli->db, kind, path, in->branch, &io, &c);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_FB_CLI_IMPORTED), (long long)c.rows,
	       (long long)c.created, (long long)c.rejected);
	if (in->dry_run)
		fputs(hane_msg(HANE_M_FB_CLI_DRY_RUN), stdout);
	else if (c.rejected && in->rejects)
		printf(hane_msg(HANE_M_CLI_IMPORT_REJECTS), in->rejects);
	if (!c.rejected)
		return HANE_EXIT_OK;
	return c.created ? HANE_EXIT_PARTIAL : HANE_EXIT_ERROR;
}

/* ---- dispatch ----------------------------------------------------------------- */

#define S struct input
#define TEXT(name, m, flags, help)                                             \
	HANE_OPT(S, name, m, HANE_FT_TEXT, HANE_OPT_ARGV | (flags), help)
#define OPT_BRANCH(flags, help) TEXT("branch", branch, flags, help)
#define OPT_ITEMS(flags)                                                       \
	HANE_OPT_CB_AT(S, items, "item", HANE_FT_TEXT, flags, add_item,        \
		       HANE_M_OPT_FB_ITEM)
#define DONATION(...)                                                          \
	HANE_OPT_FIELD(S, don, struct hane_fb_donation, __VA_ARGS__)
#define SUPPLY(...) HANE_OPT_FIELD(S, sup, struct hane_fb_supply, __VA_ARGS__)
#define DISTRIBUTION(...)                                                      \
	HANE_OPT_FIELD(S, dis, struct hane_fb_distribution, __VA_ARGS__)
#define REFERRAL(...)                                                          \
	HANE_OPT_FIELD(S, ref, struct hane_fb_referral, __VA_ARGS__)

static const struct hane_opt donate_opts[] = {
	OPT_BRANCH(HANE_OPT_REQUIRED, HANE_M_OPT_FB_BRANCH),
	OPT_ITEMS(HANE_OPT_REQUIRED), HANE_FB_DONATION_FIELDS(DONATION){0}};
static const struct hane_opt supply_opts[] = {
	TEXT("market", market, HANE_OPT_REQUIRED, HANE_M_OPT_FB_MARKET),
	OPT_BRANCH(HANE_OPT_REQUIRED, HANE_M_OPT_FB_BRANCH),
	TEXT("qty", qty, HANE_OPT_REQUIRED, HANE_M_OPT_FB_QTY),
	HANE_FB_SUPPLY_FIELDS(SUPPLY){0}};
/* distribute and check: check without --branch asks who and when only. */
static const struct hane_opt distribute_opts[] = {
	OPT_BRANCH(0, HANE_M_OPT_FB_BRANCH),
	TEXT("package", package, 0, HANE_M_OPT_FB_PACKAGE), OPT_ITEMS(0),
	HANE_FB_DISTRIBUTION_FIELDS(DISTRIBUTION){0}};
static const struct hane_opt refer_opts[] = {
	HANE_FB_REFERRAL_FIELDS(REFERRAL){0}};
static const struct hane_opt stock_opts[] = {
	OPT_BRANCH(0, HANE_M_OPT_FB_BRANCH_ONLY), {0}};
static const struct hane_opt list_opts[] = {
	HANE_OPT(S, "household", household, HANE_FT_REF, 0,
		 HANE_M_OPT_FB_HOUSEHOLD),
	OPT_BRANCH(0, HANE_M_OPT_FB_BRANCH_ONLY),
	TEXT("market", market, 0, HANE_M_OPT_FB_MARKET),
	HANE_OPT(S, "from", from, HANE_FT_DATE, 0, HANE_M_OPT_FROM),
	HANE_OPT(S, "to", to, HANE_FT_DATE, 0, HANE_M_OPT_TO),
	HANE_OPT(S, "limit", limit, HANE_FT_INT, 0, HANE_M_OPT_LIMIT),
	HANE_OPT(S, "days", days, HANE_FT_INT, 0, HANE_M_OPT_FB_DAYS),
	HANE_OPT(S, "date", date, HANE_FT_DATE, 0, HANE_M_OPT_FB_DATE),
	{0}};
static const struct hane_opt import_opts[] = {
	OPT_BRANCH(0, HANE_M_OPT_FB_IMPORT_BRANCH),
	HANE_OPT(S, "dry-run", dry_run, HANE_FT_BOOL, HANE_OPT_SWITCH,
		 HANE_M_OPT_DRY_RUN),
	TEXT("rejects", rejects, 0, HANE_M_OPT_REJECTS),
	HANE_OPT_CSV_ROWS(S, csv),
	{0}};
#undef S
#undef TEXT
#undef OPT_BRANCH
#undef OPT_ITEMS
#undef DONATION
#undef SUPPLY
#undef DISTRIBUTION
#undef REFERRAL

const struct hane_cmd hane_cli_foodbank_cmds[] = {
	{"donate", HANE_M_CMD_FB_DONATE, donate_opts, cmd_donate, 0, 0},
	{"supply", HANE_M_CMD_FB_SUPPLY, supply_opts, cmd_supply, 0, 0},
	{"distribute", HANE_M_CMD_FB_DISTRIBUTE, distribute_opts,
	 cmd_distribute, 1, 1},
	{"check", HANE_M_CMD_FB_CHECK, distribute_opts, cmd_check, 1, 1},
	{"refer", HANE_M_CMD_FB_REFER, refer_opts, cmd_refer, 1, 1},
	{"stock", HANE_M_CMD_FB_STOCK, stock_opts, cmd_stock, 0, 0},
	{"list", HANE_M_CMD_FB_LIST, list_opts, cmd_list, 0, 1},
	{"days", HANE_M_CMD_FB_DAYS, NULL, cmd_days, 2, 2},
	{"limit", HANE_M_CMD_FB_LIMIT, NULL, cmd_limit, 2, 2},
	{"import", HANE_M_CMD_FB_IMPORT, import_opts, cmd_import, 2, 2},
};
const size_t hane_cli_foodbank_ncmds = HANE_NCMDS(hane_cli_foodbank_cmds);

int hane_cmd_foodbank(struct hane_cli *cli, int argc, char **argv)
{
	struct input *in = calloc(1, sizeof *in);
	int rc;

	if (!in)
		return hane_cli_fail(HANE_ENOMEM);
	rc = hane_opt_unit(cli, CMD, hane_cli_foodbank_cmds,
			   HANE_NCMDS(hane_cli_foodbank_cmds),
			   HANE_M_FB_CLI_NOTES,
			   HANE_OPT_NOSUB_OPEN | HANE_OPT_POS, argc, argv, in);
	free(in);
	return rc;
}
