/* hane clothing issue|check|refer|donate|stock|list|category|limit|period
 *
 * Parses, calls the clothing model (Dost Eller), prints. The rules
 * (eligibility, the limit per category and its override, stock warnings)
 * are the model's, so this says exactly what the console says.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/clothing.h"
#include "hane/households.h"
#include "hane/perm.h"
#include "hane/security.h"

#define CMD "clothing"

/* --line, as many as there may be. */
struct lines {
	size_t n;
	const char *v[HANE_CL_LINES_MAX];
};

/* Every subcommand's options: each takes those its table names. The
 * records' own fields come from their field tables (HANE_CL_*_FIELDS). */
struct input {
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	int64_t person, limit;
	struct lines lines;
	struct hane_cl_issue iss;
	struct hane_cl_donation don;
	struct hane_cl_referral ref;
	struct hane_cl_category cat;
};

typedef const struct hane_args args;

static int add_line(void *member, const char *v)
{
	struct lines *l = member;

	if (l->n >= HANE_CL_LINES_MAX)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_TOO_MANY), v);
	l->v[l->n++] = v;
	return 0;
}

static void warn(const char *msg)
{
	if (msg && *msg)
		fprintf(stderr, hane_msg(HANE_M_CLI_WARNING), msg);
}

static int parse_lines(const struct input *in, struct hane_cl_line *lines,
		       size_t *n)
{
	for (*n = 0; *n < in->lines.n; (*n)++)
		if (hane_cl_line_parse(&lines[*n], in->lines.v[*n]) != 0)
			return hane_cli_fail(HANE_EINVAL);
	return 0;
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
	return hane_cli_int(CMD, "KİŞİ", s, id) ? HANE_EXIT_USAGE : 0;
}

static const char *source_text(const char *source)
{
	if (!strcmp(source, "foodbank"))
		return hane_msg(HANE_M_CL_SOURCE_FOODBANK);
	if (!strcmp(source, "inspection"))
		return hane_msg(HANE_M_CL_SOURCE_INSPECTION);
	if (!strcmp(source, "clothing"))
		return hane_msg(HANE_M_CL_SOURCE_CLOTHING);
	return source;
}

/* "Çocuk giyim 2 (8 yaş), Ayakkabı 1 (32)" */
static void print_lines(hane_db *db, const struct hane_cl_line *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct hane_cl_category c;

		if (hane_clothing_category_find(db, l[i].category, &c) != 0)
			HANE_COPY(c.name, l[i].category);
		printf("%s%s %d", i ? ", " : "", c.name, l[i].qty);
		if (l[i].size[0])
			printf(" (%s)", l[i].size);
	}
}

/* ---- issue / check --------------------------------------------------------- */

static int fill_issue(struct hane_cli *cli, const struct input *in, args *a,
		      struct hane_cl_issue *is)
{
	int rc;

	*is = in->iss;
	if ((rc = person_arg(cli, a->pos[0], &is->person_id)) != 0 ||
	    (rc = parse_lines(in, is->lines, &is->nlines)) != 0)
		return rc;
	if (hane_opt_given(a, "override") && !is->override_reason[0])
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--override GEREKÇE");
	return 0;
}

static void print_eligibility(const struct hane_cl_eligibility *e)
{
	char date[HANE_DATE_LEN + 1];

	if (!e->eligible) {
		fputs(hane_msg(HANE_M_CL_CLI_NOT_ELIGIBLE), stdout);
		return;
	}
	printf(hane_msg(HANE_M_CL_CLI_ELIGIBLE), source_text(e->source),
	       (long long)e->referral_id,
	       e->until[0] ? hane_date_format(date, e->until) : "-");
}

static void print_limits(const struct hane_cl_check *c)
{
	char date[HANE_DATE_LEN + 1];

	for (int i = 0; i < c->nlimited; i++)
		printf(hane_msg(HANE_M_CL_CLI_LIMITED), c->limited[i].category,
		       c->limited[i].given, c->limited[i].limit,
		       c->limited[i].asked,
		       hane_date_format(date, c->period_next));
}

static int cmd_issue(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_cl_issue is;
	struct hane_cl_check c;
	char date[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = fill_issue(cli, opts, a, &is)) != 0)
		return rc;
	rc = hane_clothing_issue(cli->db, &is, &c);
	if (rc) {
		int status = hane_cli_fail(rc);

		if (c.elig.eligible && c.nlimited && !c.overridden)
			fputs(hane_msg(HANE_M_CL_CLI_OVERRIDE_HINT), stderr);
		else if (rc == HANE_EPERM && !c.elig.eligible &&
			 hane_can(cli->db, HANE_ACT_CLOTHING_WRITE) == 0)
			fputs(hane_msg(HANE_M_CL_CLI_REFER_HINT), stderr);
		return status;
	}
	if (c.nshort)
		warn(hane_error_last());
	printf(hane_msg(HANE_M_CL_CLI_ISSUED), (long long)is.id, is.person,
	       (long long)is.person_id, hane_date_format(date, is.date),
	       source_text(is.source));
	fputs("  ", stdout);
	print_lines(cli->db, is.lines, is.nlines);
	putchar('\n');
	if (c.overridden)
		print_limits(&c);
	return 0;
}

static int cmd_check(struct hane_cli *cli, void *opts, args *a)
{
	const struct input *in = opts;
	struct hane_cl_issue is;
	struct hane_cl_check c;
	int rc;

	if (in->lines.n == 0) {
		struct hane_cl_eligibility e;
		int64_t person;

		if ((rc = person_arg(cli, a->pos[0], &person)) != 0)
			return rc;
		rc = hane_clothing_eligibility(cli->db, person, in->iss.date,
					       &e);
		if (rc)
			return hane_cli_fail(rc);
		print_eligibility(&e);
		return 0;
	}
	if ((rc = fill_issue(cli, in, a, &is)) != 0)
		return rc;
	rc = hane_clothing_check(cli->db, &is, &c);
	if (rc == HANE_EPERM && (c.nlimited || !c.elig.eligible)) {
		char why[512];

		snprintf(why, sizeof why, "%s", hane_error_last());
		print_eligibility(&c.elig);
		print_limits(&c);
		fprintf(stderr, "hane: %s\n", why);
		return HANE_EXIT_ERROR;
	}
	if (rc)
		return hane_cli_fail(rc);
	print_eligibility(&c.elig);
	fputs(hane_msg(HANE_M_CL_CLI_ALLOWED), stdout);
	return 0;
}

/* ---- refer / donate ------------------------------------------------------------ */

static int cmd_refer(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_cl_referral r = ((const struct input *)opts)->ref;
	int rc;

	if (hane_cli_int(CMD, "HANE_NO", a->pos[0], &r.household_id))
		return HANE_EXIT_USAGE;
	if ((rc = hane_clothing_refer(cli->db, &r)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CL_CLI_REFERRED), (long long)r.id,
	       (long long)r.household_id);
	return 0;
}

static int cmd_donate(struct hane_cli *cli, void *opts, args *a)
{
	const struct input *in = opts;
	struct hane_cl_donation d = in->don;
	char date[HANE_DATE_LEN + 1];
	int rc;

	(void)a;
	if ((rc = parse_lines(in, d.lines, &d.nlines)) != 0)
		return rc;
	if ((rc = hane_clothing_donate(cli->db, &d)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CL_CLI_DONATED), (long long)d.id,
	       hane_date_format(date, d.date));
	fputs("  ", stdout);
	print_lines(cli->db, d.lines, d.nlines);
	putchar('\n');
	return 0;
}

/* ---- stock / list ------------------------------------------------------------------ */

static int print_stock(const struct hane_cl_stock_row *r, void *arg)
{
	(void)arg;
	printf("%s\t%lld\t%lld\t%lld%s\n", r->category, (long long)r->in,
	       (long long)r->out, (long long)(r->in - r->out),
	       r->in < r->out ? hane_msg(HANE_M_CL_CLI_NEGATIVE) : "");
	return 0;
}

static int cmd_stock(struct hane_cli *cli, void *opts, args *a)
{
	int rc;

	(void)opts;
	(void)a;
	fputs(hane_msg(HANE_M_CL_CLI_STOCK_HEAD), stdout);
	rc = hane_clothing_stock(cli->db, print_stock, NULL);
	return rc ? hane_cli_fail(rc) : 0;
}

/* The override reason and the notes are free text about a person: through
 * the gate, clear for the store's staff. */
static int print_issue(const struct hane_cl_issue *is, void *arg)
{
	hane_db *db = arg;
	char date[HANE_DATE_LEN + 1], m[2][8];
	const struct hane_fdef *fr =
		hane_record_field(&hane_cl_issue_rdef, "override_reason");
	const struct hane_fdef *fn =
		hane_record_field(&hane_cl_issue_rdef, "notes");

	printf("#%lld\t%s\t#%lld %s\t", (long long)is->id,
	       hane_date_format(date, is->date), (long long)is->person_id,
	       is->person);
	print_lines(db, is->lines, is->nlines);
	if (is->override_reason[0])
		printf("\t%s: %s", hane_msg(HANE_M_CL_CLI_OVERRIDE_WORD),
		       hane_gate_field(db, HANE_ACT_CLOTHING_WRITE, fr,
				       is->override_reason, m[0], sizeof m[0]));
	if (is->notes[0])
		printf("\t%s: %s", hane_msg(HANE_M_CL_F_NOTES),
		       hane_gate_field(db, HANE_ACT_CLOTHING_WRITE, fn,
				       is->notes, m[1], sizeof m[1]));
	putchar('\n');
	return 0;
}

static int print_donation(const struct hane_cl_donation *d, void *arg)
{
	hane_db *db = arg;
	char date[HANE_DATE_LEN + 1], m[8];

	printf("#%lld\t%s\t%s\t", (long long)d->id,
	       hane_date_format(date, d->date),
	       d->donor[0] ? hane_gate_field(
				     db, HANE_ACT_CLOTHING_WRITE,
				     hane_record_field(&hane_cl_donation_rdef,
						       "donor"),
				     d->donor, m, sizeof m)
			   : "-");
	print_lines(db, d->lines, d->nlines);
	putchar('\n');
	return 0;
}

static int print_category(const struct hane_cl_category *c, void *arg)
{
	(void)arg;
	printf("%s\t%s\t", c->code, c->name);
	if (c->limit_qty > 0)
		printf(hane_msg(HANE_M_CL_CLI_LIMIT), c->limit_qty);
	else
		fputs(hane_msg(HANE_M_CL_CLI_NO_LIMIT), stdout);
	printf("%s\n", c->active ? "" : hane_msg(HANE_M_CL_CLI_INACTIVE));
	return 0;
}

static int cmd_list(struct hane_cli *cli, void *opts, args *a)
{
	const struct input *in = opts;
	const char *what = a->npos ? a->pos[0] : "issues";
	int limit = in->limit > 0 ? (int)in->limit : 50;
	int rc;

	if (!strcmp(what, "issues")) {
		if ((rc = hane_gate_list(cli->db, "clothing.issue.list")))
			return hane_cli_fail(rc);
		rc = hane_clothing_issues(cli->db, in->person, limit,
					  print_issue, cli->db);
	} else if (!strcmp(what, "donations")) {
		/* A donor may be a person. */
		if ((rc = hane_gate_list(cli->db, "clothing.donation.list")))
			return hane_cli_fail(rc);
		rc = hane_clothing_donations(cli->db, in->from, in->to, limit,
					     print_donation, cli->db);
	} else if (!strcmp(what, "categories")) {
		int months = 6;

		if ((rc = hane_clothing_period_get(cli->db, &months)) != 0)
			return hane_cli_fail(rc);
		printf(hane_msg(HANE_M_CL_CLI_PERIOD), months);
		rc = hane_clothing_category_each(cli->db, print_category, NULL);
	} else {
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      what);
	}
	return rc ? hane_cli_fail(rc) : 0;
}

/* ---- category / limit / period (administrator) ---------------------------------- */

static int cmd_category(struct hane_cli *cli, void *opts, args *a)
{
	const struct hane_cl_category *c = &((const struct input *)opts)->cat;
	int64_t id = 0;
	int rc;

	rc = hane_clothing_category_add(cli->db, a->pos[0], c->name_tr,
					c->name_en, c->limit_qty, &id);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CL_CLI_CATEGORY_ADDED), (long long)id, a->pos[0],
	       c->name_tr);
	return 0;
}

static int cmd_limit(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_cl_category c;
	int64_t n;
	int rc;

	(void)opts;
	if (hane_cli_int(CMD, "ADET", a->pos[1], &n))
		return HANE_EXIT_USAGE;
	if ((rc = hane_clothing_category_find(cli->db, a->pos[0], &c)) != 0)
		return hane_cli_fail(rc);
	c.limit_qty = n < 0 || n > 999 ? -1 : (int)n;
	if ((rc = hane_clothing_category_update(cli->db, &c)) != 0)
		return hane_cli_fail(rc);
	return print_category(&c, NULL);
}

static int cmd_period(struct hane_cli *cli, void *opts, args *a)
{
	int64_t n;
	int rc;

	(void)opts;
	if (hane_cli_int(CMD, "AY", a->pos[0], &n))
		return HANE_EXIT_USAGE;
	if ((rc = hane_clothing_period_set(cli->db, n > 12 ? -1 : (int)n)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CL_CLI_PERIOD), (int)n);
	return 0;
}

/* ---- dispatch ------------------------------------------------------------------------ */

#define S struct input
#define OPT_LINES(flags)                                                       \
	HANE_OPT_CB_AT(S, lines, "line", HANE_FT_TEXT, flags, add_line,        \
		       HANE_M_OPT_CL_LINE)
#define ISSUE(...) HANE_OPT_FIELD(S, iss, struct hane_cl_issue, __VA_ARGS__)
#define DONATION(...)                                                          \
	HANE_OPT_FIELD(S, don, struct hane_cl_donation, __VA_ARGS__)
#define REFERRAL(...)                                                          \
	HANE_OPT_FIELD(S, ref, struct hane_cl_referral, __VA_ARGS__)
#define CATEGORY(...)                                                          \
	HANE_OPT_FIELD(S, cat, struct hane_cl_category, __VA_ARGS__)

static const struct hane_opt issue_opts[] = {OPT_LINES(HANE_OPT_REQUIRED),
					     HANE_CL_ISSUE_FIELDS(ISSUE){0}};
static const struct hane_opt check_opts[] = {OPT_LINES(0),
					     HANE_CL_ISSUE_FIELDS(ISSUE){0}};
static const struct hane_opt refer_opts[] = {
	HANE_CL_REFERRAL_FIELDS(REFERRAL){0}};
static const struct hane_opt donate_opts[] = {
	OPT_LINES(HANE_OPT_REQUIRED), HANE_CL_DONATION_FIELDS(DONATION){0}};
static const struct hane_opt list_opts[] = {
	HANE_OPT(S, "person", person, HANE_FT_REF, 0, HANE_M_OPT_CL_PERSON),
	HANE_OPT(S, "from", from, HANE_FT_DATE, 0, HANE_M_OPT_FROM),
	HANE_OPT(S, "to", to, HANE_FT_DATE, 0, HANE_M_OPT_TO),
	HANE_OPT(S, "limit", limit, HANE_FT_INT, 0, HANE_M_OPT_LIMIT),
	{0}};
/* A new category: its code is the argument, the rest its fields but
 * the code and the active flag (a new one is active). */
static const struct hane_opt category_opts[] = {
	CATEGORY(name_tr, HANE_FT_TEXT, "name", "Kategori", "Category", NULL,
		 HANE_FF_REQUIRED) CATEGORY(name_en, HANE_FT_TEXT, "name-en",
					    "Adı (İngilizce)", "Name (English)",
					    NULL, 0)
		CATEGORY(limit_qty, HANE_FT_INT, "limit", "Dönem sınırı (adet)",
			 "Limit per period (pieces)", NULL, 0){0}};
#undef S
#undef OPT_LINES
#undef ISSUE
#undef DONATION
#undef REFERRAL
#undef CATEGORY

const struct hane_cmd hane_cli_clothing_cmds[] = {
	{"issue", HANE_M_CMD_CL_ISSUE, issue_opts, cmd_issue, 1, 1},
	{"check", HANE_M_CMD_CL_CHECK, check_opts, cmd_check, 1, 1},
	{"refer", HANE_M_CMD_CL_REFER, refer_opts, cmd_refer, 1, 1},
	{"donate", HANE_M_CMD_CL_DONATE, donate_opts, cmd_donate, 0, 0},
	{"stock", HANE_M_CMD_CL_STOCK, NULL, cmd_stock, 0, 0},
	{"list", HANE_M_CMD_CL_LIST, list_opts, cmd_list, 0, 1},
	{"category", HANE_M_CMD_CL_CATEGORY, category_opts, cmd_category, 1, 1},
	{"limit", HANE_M_CMD_CL_LIMIT, NULL, cmd_limit, 2, 2},
	{"period", HANE_M_CMD_CL_PERIOD, NULL, cmd_period, 1, 1},
};
const size_t hane_cli_clothing_ncmds = HANE_NCMDS(hane_cli_clothing_cmds);

int hane_cmd_clothing(struct hane_cli *cli, int argc, char **argv)
{
	struct input *in = calloc(1, sizeof *in);
	int rc;

	if (!in)
		return hane_cli_fail(HANE_ENOMEM);
	rc = hane_opt_unit(cli, CMD, hane_cli_clothing_cmds,
			   HANE_NCMDS(hane_cli_clothing_cmds),
			   HANE_M_CL_CLI_NOTES,
			   HANE_OPT_NOSUB_OPEN | HANE_OPT_POS, argc, argv, in);
	free(in);
	return rc;
}
