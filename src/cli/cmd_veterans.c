/* hane veterans list|add|edit|show|history|visit|plan|plans|cancel|gift|
 * year: Şehit Yakınları ve Gazi Birimi from the command line.
 *
 * Only parsing and printing: every rule is in the veterans model, so a
 * visit refused here (no gift stock) is refused the same way at the
 * console. Personal values go through the gate (KVKK): the notes are
 * masked for those who do not serve the household, and every output that
 * shows a household's roster row or visits is logged first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/veterans.h"

#define CMD "veterans"

struct vet_opts {
	const char *category, *followup, *gift, *notes;
	char day[HANE_DATE_LEN + 1], until[HANE_DATE_LEN + 1];
	int64_t limit, plan, quantity;
	struct hane_veteran vet; /* add, edit: the roster row's fields */
	struct hane_veteran_visit visit; /* visit: the visit's fields */
	struct hane_veteran_plan pl;	 /* plan: the plan's fields */
};

typedef const struct hane_args args;

static int pos_id(args *a, int i, const char *what, int64_t *out)
{
	return hane_cli_int(CMD, what, a->pos[i], out) ? HANE_EXIT_USAGE : 0;
}

/* The notes through the gate: clear for the unit's staff, masked for
 * anyone else. */
static const char *notes_shown(hane_db *db, const struct hane_rdef *def,
			       const char *v, char *out, size_t n)
{
	return hane_gate_field(db, HANE_ACT_VETERANS_WRITE,
			       hane_record_field(def, "notes"), v, out, n);
}

static const char *where(const struct hane_veteran *v, char *out, size_t n)
{
	snprintf(out, n, "%s%s", v->mahalle[0] ? v->mahalle : "-",
		 v->outside ? hane_msg(HANE_M_VET_CLI_DISTRICT) : "");
	return out;
}

static int print_row(const struct hane_veteran *v, void *arg)
{
	char w[128], d[HANE_DATE_LEN + 1];

	(void)arg;
	printf("#%lld\t%s\t%s\t%s\t%s\t%lld\t%s%s\n", (long long)v->id,
	       hane_veterans_label(HANE_VET_CATEGORY, v->category),
	       v->subject_name, v->head_name[0] ? v->head_name : "-",
	       where(v, w, sizeof w), (long long)v->visits,
	       v->last_visit[0] ? hane_date_format(d, v->last_visit) : "-",
	       v->active ? "" : hane_msg(HANE_M_VET_CLI_PASSIVE));
	return 0;
}

static int cmd_list(struct hane_cli *cli, void *opts, args *a)
{
	struct vet_opts *o = opts;
	const char *cat = NULL;
	int rc;

	if (o->category &&
	    !(cat = hane_veterans_parse(HANE_VET_CATEGORY, o->category))) {
		hane_error_set(hane_msg(HANE_M_VET_BAD_CATEGORY), o->category,
			       "martyr, anti_terror, cyprus, korea, other");
		return hane_cli_fail(HANE_EINVAL);
	}
	if ((rc = hane_gate_list(cli->db, "veterans.roster")) != 0 ||
	    (rc = hane_veteran_each(cli->db, a->npos ? a->pos[0] : NULL, cat,
				    (int)o->limit, print_row, NULL)) != 0)
		return hane_cli_fail(rc);
	return HANE_EXIT_OK;
}

static int saved(int rc, const struct hane_veteran *v)
{
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_VET_CLI_SAVED), (long long)v->id,
	       v->subject_name,
	       hane_veterans_label(HANE_VET_CATEGORY, v->category));
	return HANE_EXIT_OK;
}

static int cmd_add(struct hane_cli *cli, void *opts, args *a)
{
	struct vet_opts *o = opts;
	struct hane_veteran v;

	hane_veteran_init(&v);
	hane_opt_fields_given(a, o, offsetof(struct vet_opts, vet), sizeof v,
			      &v);
	return saved(hane_veteran_save(cli->db, &v, NULL), &v);
}

static int cmd_edit(struct hane_cli *cli, void *opts, args *a)
{
	struct vet_opts *o = opts;
	struct hane_veteran v;
	int64_t id;
	int rc;

	if ((rc = pos_id(a, 0, "ID", &id)) != 0)
		return rc;
	if ((rc = hane_veteran_get(cli->db, id, &v)) != 0)
		return hane_cli_fail(rc);
	hane_opt_fields_given(a, o, offsetof(struct vet_opts, vet), sizeof v,
			      &v);
	return saved(hane_veteran_save(cli->db, &v, NULL), &v);
}

static int print_visit(const struct hane_veteran_visit *v, void *arg)
{
	hane_db *db = arg;
	char d[HANE_DATE_LEN + 1], notes[HANE_VET_TEXT];

	printf("  %s\t#%lld\t%s\t%s\t%s\t", hane_date_format(d, v->date),
	       (long long)v->id, v->subject_name, v->staff,
	       v->present[0] ? v->present : "-");
	if (v->gifts)
		printf("%d × %s", v->gifts, v->gift_name);
	else
		fputs("-", stdout);
	printf("\t%s", v->notes[0] ? notes_shown(db, &hane_veteran_visit_rdef,
						 v->notes, notes, sizeof notes)
				   : "-");
	if (v->request_id)
		printf(hane_msg(HANE_M_VET_CLI_REQUEST),
		       (long long)v->request_id);
	putchar('\n');
	return 0;
}

static int cmd_show(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_veteran v;
	char w[128], since[HANE_DATE_LEN + 1], rem[HANE_DATE_LEN + 1];
	char notes[HANE_VET_TEXT], addr[HANE_VET_TEXT];
	int64_t id;
	int rc;

	(void)opts;
	if ((rc = pos_id(a, 0, "ID", &id)) != 0)
		return rc;
	if ((rc = hane_veteran_get(cli->db, id, &v)) != 0 ||
	    (rc = hane_gate_view(cli->db, "veterans.view", "veteran", id)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_VET_CLI_HEAD), (long long)v.id, v.subject_name,
	       hane_veterans_label(HANE_VET_CATEGORY, v.category));
	printf(hane_msg(HANE_M_VET_CLI_HOUSEHOLD), (long long)v.household_id,
	       v.head_name[0] ? v.head_name : "-", where(&v, w, sizeof w),
	       v.street[0] ? hane_gate_show(cli->db, HANE_ACT_VETERANS_WRITE,
					    HANE_PD_ADDRESS, v.street, addr,
					    sizeof addr)
			   : "-");
	printf(hane_msg(HANE_M_VET_CLI_SINCE), hane_date_format(since, v.since),
	       v.remembered_on[0] ? hane_date_format(rem, v.remembered_on)
				  : "-",
	       v.active ? hane_msg(HANE_M_VET_CLI_ACTIVE)
			: hane_msg(HANE_M_VET_CLI_PASSIVE));
	if (v.notes[0])
		printf("%s: %s\n", hane_msg(HANE_M_VET_CLI_NOTES_LABEL),
		       notes_shown(cli->db, &hane_veteran_rdef, v.notes, notes,
				   sizeof notes));
	printf(hane_msg(HANE_M_VET_CLI_HISTORY), (long long)v.visits);
	if ((rc = hane_veteran_history(cli->db, v.household_id, print_visit,
				       cli->db)) != 0)
		return hane_cli_fail(rc);
	return HANE_EXIT_OK;
}

static int cmd_history(struct hane_cli *cli, void *opts, args *a)
{
	int64_t hid;
	int rc;

	(void)opts;
	if ((rc = pos_id(a, 0, "HOUSEHOLD", &hid)) != 0)
		return rc;
	if ((rc = hane_gate_view(cli->db, "veterans.history", "household",
				 hid)) != 0 ||
	    (rc = hane_veteran_history(cli->db, hid, print_visit, cli->db)))
		return hane_cli_fail(rc);
	return HANE_EXIT_OK;
}

static int cmd_visit(struct hane_cli *cli, void *opts, args *a)
{
	struct vet_opts *o = opts;
	struct hane_veteran_visit v;
	struct hane_veteran_gift g;
	char d[HANE_DATE_LEN + 1];
	int64_t id;
	int rc;

	if ((rc = pos_id(a, 0, "ID", &id)) != 0)
		return rc;
	hane_veteran_visit_init(&v);
	hane_opt_fields_given(a, o, offsetof(struct vet_opts, visit), sizeof v,
			      &v);
	v.veteran_id = id;
	v.plan_id = o->plan;
	if (o->gift) {
		if ((rc = hane_veteran_gift_find(cli->db, o->gift, &g)) != 0)
			return hane_cli_fail(rc);
		v.gift_id = g.id;
		if (!hane_opt_given(a, "gifts"))
			v.gifts = 1;
	}
	if ((rc = hane_veteran_visit_add(cli->db, &v, o->followup, NULL)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_VET_CLI_VISITED), (long long)v.id,
	       v.subject_name, hane_date_format(d, v.date));
	if (v.gifts && hane_veteran_gift_find(cli->db, v.gift_name, &g) == 0)
		printf(hane_msg(HANE_M_VET_CLI_GIVEN), v.gifts, v.gift_name,
		       (long long)g.stock);
	if (v.request_id)
		printf(hane_msg(HANE_M_VET_CLI_OPENED),
		       (long long)v.request_id);
	return HANE_EXIT_OK;
}

static int cmd_plan(struct hane_cli *cli, void *opts, args *a)
{
	struct vet_opts *o = opts;
	struct hane_veteran_plan p;
	char d[HANE_DATE_LEN + 1];
	int64_t id;
	int rc;

	if ((rc = pos_id(a, 0, "ID", &id)) != 0)
		return rc;
	memset(&p, 0, sizeof p);
	hane_opt_fields_given(a, o, offsetof(struct vet_opts, pl), sizeof p,
			      &p);
	p.veteran_id = id;
	if ((rc = hane_veteran_plan_add(cli->db, &p, NULL)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_VET_CLI_PLANNED), (long long)p.id,
	       hane_date_format(d, p.date),
	       hane_veterans_label(HANE_VET_OCCASION, p.occasion));
	return HANE_EXIT_OK;
}

static int print_plan(const struct hane_veteran_plan *p, void *arg)
{
	char d[HANE_DATE_LEN + 1];

	(void)arg;
	printf("#%lld\t%s\t%s\t%s\t%s\t%s\n", (long long)p->id,
	       hane_date_format(d, p->date),
	       hane_veterans_label(HANE_VET_OCCASION, p->occasion),
	       p->subject_name, p->mahalle[0] ? p->mahalle : "-",
	       p->assigned[0] ? p->assigned : "-");
	return 0;
}

static int cmd_plans(struct hane_cli *cli, void *opts, args *a)
{
	struct vet_opts *o = opts;
	int rc;

	(void)a;
	if ((rc = hane_gate_list(cli->db, "veterans.plans")) != 0 ||
	    (rc = hane_veteran_plan_each(cli->db, o->day, o->until, print_plan,
					 NULL)) != 0)
		return hane_cli_fail(rc);
	return HANE_EXIT_OK;
}

static int cmd_cancel(struct hane_cli *cli, void *opts, args *a)
{
	int64_t id;
	int rc;

	(void)opts;
	if ((rc = pos_id(a, 0, "PLAN", &id)) != 0)
		return rc;
	if ((rc = hane_veteran_plan_cancel(cli->db, id)) != 0)
		return hane_cli_fail(rc);
	fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
	return HANE_EXIT_OK;
}

static int print_gift(const struct hane_veteran_gift *g, void *arg)
{
	(void)arg;
	printf("#%lld\t%s\t%lld%s\n", (long long)g->id, g->name,
	       (long long)g->stock,
	       g->active ? "" : hane_msg(HANE_M_VET_CLI_PASSIVE));
	return 0;
}

static int cmd_gift(struct hane_cli *cli, void *opts, args *a)
{
	struct vet_opts *o = opts;
	struct hane_veteran_gift g;
	const char *sub = a->pos[0];
	int rc;

	if (!strcmp(sub, "list")) {
		rc = hane_veteran_gift_each(cli->db, print_gift, NULL);
		return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
	}
	if (strcmp(sub, "add") && strcmp(sub, "in"))
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	if (a->npos < 2)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      !strcmp(sub, "add") ? "NAME" : "GIFT");
	if (!strcmp(sub, "add")) {
		memset(&g, 0, sizeof g);
		if ((rc = hane_cli_copy(g.name, sizeof g.name, "NAME",
					a->pos[1])) != 0)
			return rc;
		g.active = true;
		if ((rc = hane_veteran_gift_save(cli->db, &g, NULL)) != 0)
			return hane_cli_fail(rc);
		print_gift(&g, NULL);
		return HANE_EXIT_OK;
	}
	if (!hane_opt_given(a, "quantity"))
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--quantity");
	if ((rc = hane_veteran_gift_find(cli->db, a->pos[1], &g)) != 0 ||
	    (rc = hane_veteran_gift_in(cli->db, g.id, (int)o->quantity, o->day,
				       o->notes)) != 0 ||
	    (rc = hane_veteran_gift_find(cli->db, a->pos[1], &g)) != 0)
		return hane_cli_fail(rc);
	print_gift(&g, NULL);
	return HANE_EXIT_OK;
}

static int cmd_year(struct hane_cli *cli, void *opts, args *a)
{
	struct hane_veterans_year y;
	char today[HANE_DATE_LEN + 1];
	int64_t year;
	int rc, n = 0;
	const char *const *cats = hane_veterans_codes(HANE_VET_CATEGORY, &n);

	(void)opts;
	year = atoi(hane_today(today));
	if (a->npos && (rc = pos_id(a, 0, "YEAR", &year)) != 0)
		return rc;
	if ((rc = hane_veterans_year(cli->db, (int)year, &y)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_VET_CLI_YEAR), (int)year);
	for (int i = 0; i < n && i < 5; i++)
		printf("  %-28s %lld\n",
		       hane_veterans_label(HANE_VET_CATEGORY, cats[i]),
		       (long long)y.households[i]);
	printf(hane_msg(HANE_M_VET_CLI_YEAR_TOTALS),
	       (long long)y.households_all, (long long)y.visits,
	       (long long)y.gifts, (long long)y.visits_since_2022, (int)year);
	return HANE_EXIT_OK;
}

#define S struct vet_opts
#define TEXT(name, m, help)                                                    \
	HANE_OPT(S, name, m, HANE_FT_TEXT, HANE_OPT_ARGV, help)
#define VET(...) HANE_OPT_FIELD(S, vet, struct hane_veteran, __VA_ARGS__)
#define VISIT(...)                                                             \
	HANE_OPT_FIELD(S, visit, struct hane_veteran_visit, __VA_ARGS__)
#define PLAN(...) HANE_OPT_FIELD(S, pl, struct hane_veteran_plan, __VA_ARGS__)
static const struct hane_opt list_opts[] = {
	TEXT("category", category, HANE_M_OPT_VET_CATEGORY),
	HANE_OPT(S, "limit", limit, HANE_FT_INT, 0, HANE_M_OPT_LIMIT),
	{0}};
static const struct hane_opt vet_opts[] = {HANE_VETERAN_FIELDS(VET){0}};
static const struct hane_opt visit_opts[] = {
	HANE_VETERAN_VISIT_FIELDS(VISIT)
		TEXT("gift", gift, HANE_M_OPT_VET_GIFT),
	TEXT("followup", followup, HANE_M_OPT_VET_FOLLOWUP),
	HANE_OPT(S, "plan", plan, HANE_FT_REF, 0, HANE_M_OPT_VET_PLAN),
	{0}};
static const struct hane_opt plan_opts[] = {HANE_VETERAN_PLAN_FIELDS(PLAN){0}};
static const struct hane_opt plans_opts[] = {
	HANE_OPT(S, "day", day, HANE_FT_DATE, 0, HANE_M_OPT_VET_FROM),
	HANE_OPT(S, "until", until, HANE_FT_DATE, 0, HANE_M_OPT_VET_UNTIL),
	{0}};
static const struct hane_opt gift_opts[] = {
	HANE_OPT(S, "quantity", quantity, HANE_FT_INT, 0,
		 HANE_M_OPT_VET_QUANTITY),
	HANE_OPT(S, "day", day, HANE_FT_DATE, 0, HANE_M_OPT_VET_DAY),
	TEXT("notes", notes, HANE_M_OPT_NOTES),
	{0}};
#undef VET
#undef VISIT
#undef PLAN
#undef TEXT
#undef S

const struct hane_cmd hane_cli_veterans_cmds[] = {
	{"list", HANE_M_CMD_VET_LIST, list_opts, cmd_list, 0, 1},
	{"add", HANE_M_CMD_VET_ADD, vet_opts, cmd_add, 0, 0},
	{"edit", HANE_M_CMD_VET_EDIT, vet_opts, cmd_edit, 1, 1},
	{"show", HANE_M_CMD_VET_SHOW, NULL, cmd_show, 1, 1},
	{"history", HANE_M_CMD_VET_HISTORY, NULL, cmd_history, 1, 1},
	{"visit", HANE_M_CMD_VET_VISIT, visit_opts, cmd_visit, 1, 1},
	{"plan", HANE_M_CMD_VET_PLAN, plan_opts, cmd_plan, 1, 1},
	{"plans", HANE_M_CMD_VET_PLANS, plans_opts, cmd_plans, 0, 0},
	{"cancel", HANE_M_CMD_VET_CANCEL, NULL, cmd_cancel, 1, 1},
	{"gift", HANE_M_CMD_VET_GIFT, gift_opts, cmd_gift, 1, 2},
	{"year", HANE_M_CMD_VET_YEAR, NULL, cmd_year, 0, 1},
};
const size_t hane_cli_veterans_ncmds = HANE_NCMDS(hane_cli_veterans_cmds);

HANE_OPT_UNIT_COMMAND(veterans, hane_cli_veterans_cmds, HANE_M_VET_CLI_NOTES,
		      HANE_OPT_NOSUB_OPEN | HANE_OPT_POS, struct vet_opts)
