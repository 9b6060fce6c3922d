/* The overview's commands:
 *   hane annual [--year YYYY] [--text] [--sql] [-o FILE] [--csv] [--excel]
 *     (also reached as `hane report annual …`)
 *   hane duplicates [list] | merge A B [--field NAME…] | undo ID | log
 *   hane overview dashboard [--date D] | household ID [--unit U]
 *                 [-o FILE] [--excel] | demo-year --year Y [--scale S]
 *                 [--seed N]
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/overview.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/staff.h"

static int last_year(void)
{
	char today[HANE_DATE_LEN + 1];

	return atoi(hane_today(today)) - 1;
}

/* ---- annual ------------------------------------------------------------- */

struct table {
	bool sql;
};

static int print_figure(const struct hane_ov_figure *f, void *arg)
{
	struct table *t = arg;
	static int last_unit = -99;
	char v[48], title[256];
	int pad;

	if (f->unit != last_unit) {
		printf("\n%s\n", hane_overview_unit_label(f->unit));
		last_unit = f->unit;
	}
	if (f->money)
		hane_money_format(v, sizeof v, f->value, true);
	else
		hane_num_format(v, sizeof v, f->value);
	hane_text_truncate(title, sizeof title, f->title, 50);
	pad = 52 - hane_text_width(title);
	printf("  %s%*s%18s\n", title, pad > 0 ? pad : 0, "", v);
	if (t->sql) {
		printf("    -- %s\n    %s;\n", f->id, f->sql);
		if (f->check)
			printf("    -- %s: %s;\n",
			       hane_msg(HANE_M_OV_SQL_CHECK), f->check);
	}
	return 0;
}

struct verify_ctx {
	int n;
};

static int print_verify(const struct hane_ov_figure *f, int64_t rows, void *arg)
{
	struct verify_ctx *v = arg;

	v->n++;
	printf(hane_msg(HANE_M_OV_VERIFY_LINE), f->id, (long long)f->value,
	       (long long)rows,
	       rows == f->value ? "" : hane_msg(HANE_M_OV_VERIFY_DIFF));
	return 0;
}

static int annual_verify(struct hane_cli *cli, int year)
{
	struct verify_ctx v = {0};
	int rc, differ = 0;

	if ((rc = hane_overview_verify(cli->db, year, print_verify, &v,
				       &differ)) != 0)
		return hane_cli_fail(rc);
	if (differ) {
		printf(hane_msg(HANE_M_OV_VERIFY_BAD), year, differ);
		return HANE_EXIT_ERROR;
	}
	printf(hane_msg(HANE_M_OV_VERIFY_OK), year, v.n);
	return HANE_EXIT_OK;
}

struct annual_opts {
	struct hane_cli_output o;
	int64_t year;
	int text, sql, verify, rebuild;
};

#define S struct annual_opts
#define SWITCH(name, m, help)                                                  \
	HANE_OPT(S, name, m, HANE_FT_BOOL, HANE_OPT_SWITCH, help)
static const struct hane_opt annual_opts[] = {
	HANE_OPT(S, "year", year, HANE_FT_INT, 0, HANE_M_OPT_ANNUAL_YEAR),
	SWITCH("text", text, HANE_M_OPT_ANNUAL_TEXT),
	SWITCH("sql", sql, HANE_M_OPT_ANNUAL_SQL),
	HANE_OPT_OUTPUT_ROWS(S, o),
	SWITCH("verify", verify, HANE_M_OPT_ANNUAL_VERIFY),
	SWITCH("rebuild", rebuild, HANE_M_OPT_ANNUAL_REBUILD),
	{0}};
#undef SWITCH
#undef S

/* The year's figures as a table, CSV or the published text. */
static int annual_write(struct hane_cli *cli, const struct annual_opts *o)
{
	int year = (int)o->year;
	FILE *fp;
	int rc;

	if ((!o->text && (rc = hane_opt_output_check("annual", &o->o)) != 0) ||
	    (rc = hane_cli_output(o->o.out, &fp)) != 0)
		return rc;
	if (o->text) {
		rc = hane_overview_annual_text(cli->db, year, fp, o->sql);
	} else if (o->o.csv) {
		rc = hane_overview_annual_csv(cli->db, year, fp, o->o.wflags);
	} else {
		struct table t = {o->sql};

		printf("%s — %d\n", hane_msg(HANE_M_OV_ANNUAL_TITLE), year);
		rc = hane_overview_annual(cli->db, year, print_figure, &t);
	}
	if (fp != stdout && fclose(fp) != 0 && !rc)
		rc = HANE_EIO;
	return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
}

int hane_cmd_annual(struct hane_cli *cli, int argc, char **argv)
{
	static const struct hane_cmd cmd = {"annual", HANE_M_CMD_ANNUAL,
					    annual_opts, NULL};
	struct annual_opts o = {0};
	struct hane_args a;
	int rc;

	o.year = last_year();
	hane_cli_short_output(argc, argv);
	if ((rc = hane_opt_parse(NULL, &cmd, argc, argv, &o, &a)) >= 0)
		return rc;
	/* --text with -o writes the text to the file. */
	if (o.text)
		o.o.csv = 0;
	/* `hane report annual` arrives with "annual" as a positional. */
	for (int i = 0; i < a.npos; i++)
		if (strcmp(a.pos[i], "annual") != 0)
			return hane_cli_usage("annual",
					      hane_msg(HANE_M_CLI_TOO_MANY),
					      a.pos[i]);
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (o.rebuild) {
		if ((rc = hane_overview_rebuild(cli->db)) != 0)
			return hane_cli_fail(rc);
		fputs(hane_msg(HANE_M_OV_REBUILT), stdout);
		if (!o.verify)
			return HANE_EXIT_OK;
	}
	if (o.verify)
		return annual_verify(cli, (int)o.year);
	return annual_write(cli, &o);
}

/* ---- duplicates ------------------------------------------------------------- */

static void person_line(hane_db *db, const struct hane_person *p)
{
	char t[16], bd[HANE_DATE_LEN + 1];

	printf("  #%-8lld %-11s %s %s  %s  %s #%lld\n", (long long)p->id,
	       p->tckn[0] ? hane_gate_show(db, HANE_GATE_REGISTRY, HANE_PD_TCKN,
					   p->tckn, t, sizeof t)
			  : "-",
	       p->first_name, p->last_name, hane_date_format(bd, p->birth_date),
	       hane_msg(HANE_M_OV_E_HOUSEHOLD), (long long)p->household_id);
}

static int print_pair(const struct hane_person *a, const struct hane_person *b,
		      void *arg)
{
	hane_db *db = arg;

	printf("%s %lld %lld\n", hane_msg(HANE_M_OV_DUP_PAIR), (long long)a->id,
	       (long long)b->id);
	person_line(db, a);
	person_line(db, b);
	return 0;
}

static int print_merge(const struct hane_ov_merge_entry *m, void *arg)
{
	(void)arg;
	printf("%-5lld %s  %s  #%lld %s \u2190 #%lld %s  [%s] %d%s%s\n",
	       (long long)m->id, m->at, m->by, (long long)m->kept_id,
	       m->kept_name, (long long)m->merged_id, m->merged_name, m->fields,
	       m->moved, m->undone_at[0] ? "  " : "",
	       m->undone_at[0] ? hane_msg(HANE_M_OV_DUP_UNDONE) : "");
	return 0;
}

struct dup_opts {
	struct hane_ov_merge_plan plan;
	bool plan_set;
};

static int opt_field(void *opts, const char *v)
{
	struct dup_opts *o = opts;
	int f = hane_overview_merge_field_parse(v);

	if (f < 0)
		return hane_cli_usage("duplicates",
				      hane_msg(HANE_M_OV_CLI_BAD_FIELD), v);
	o->plan.from_b[f] = true;
	o->plan_set = true;
	return 0;
}

static const struct hane_opt merge_opts[] = {
	HANE_OPT_CB("field", HANE_FT_TEXT, 0, opt_field, HANE_M_OPT_DUP_FIELD),
	{0}};

static int dup_list(struct hane_cli *cli, void *opts, const struct hane_args *a)
{
	int rc, total = 0;

	(void)opts;
	(void)a;
	rc = hane_gate_list(cli->db, "duplicates.list");
	if (!rc)
		rc = hane_overview_duplicates(cli->db, print_pair, cli->db,
					      &total);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_OV_DUP_TOTAL), total);
	return HANE_EXIT_OK;
}

static int dup_log(struct hane_cli *cli, void *opts, const struct hane_args *a)
{
	int rc;

	(void)opts;
	(void)a;
	rc = hane_gate_list(cli->db, "duplicates.log");
	if (!rc)
		rc = hane_overview_merges(cli->db, print_merge, NULL);
	return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
}

static int dup_merge(struct hane_cli *cli, void *opts,
		     const struct hane_args *a)
{
	const struct dup_opts *o = opts;
	struct hane_person pa, pb;
	struct hane_ov_merge_plan def;
	int64_t ida = 0, idb = 0, id = 0;
	int rc;

	if (hane_cli_int("duplicates", "A", a->pos[0], &ida) ||
	    hane_cli_int("duplicates", "B", a->pos[1], &idb))
		return hane_cli_usage("duplicates", "%s",
				      hane_msg(HANE_M_OV_CLI_DUP_NEED));
	/* Without --field: what a lacks, from b. With --field: those
	 * fields from b, on top of that. */
	if ((rc = hane_person_get(cli->db, ida, &pa)) == 0 &&
	    (rc = hane_person_get(cli->db, idb, &pb)) == 0) {
		hane_overview_merge_defaults(&pa, &pb, &def);
		for (int f = 0; o->plan_set && f < HANE_OV_MF__COUNT; f++)
			def.from_b[f] = def.from_b[f] || o->plan.from_b[f];
		rc = hane_overview_merge(cli->db, ida, idb, &def, &id);
	}
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_OV_DUP_MERGED), (long long)idb, (long long)ida,
	       (long long)id);
	return HANE_EXIT_OK;
}

static int dup_undo(struct hane_cli *cli, void *opts, const struct hane_args *a)
{
	int64_t id = 0;
	int rc;

	(void)opts;
	if (hane_cli_int("duplicates", "ID", a->pos[0], &id))
		return hane_cli_usage("duplicates", "%s",
				      hane_msg(HANE_M_OV_CLI_DUP_NEED));
	if ((rc = hane_overview_merge_undo(cli->db, id)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_OV_DUP_UNMERGED), (long long)id);
	return HANE_EXIT_OK;
}

/* Their positional arguments are counted by the table (HANE_OPT_POS). */
const struct hane_cmd hane_cli_duplicates_cmds[] = {
	{"list", HANE_M_CMD_DUP_LIST, NULL, dup_list, 0, 0},
	{"merge", HANE_M_CMD_DUP_MERGE, merge_opts, dup_merge, 2, 2},
	{"undo", HANE_M_CMD_DUP_UNDO, NULL, dup_undo, 1, 1},
	{"log", HANE_M_CMD_DUP_LOG, NULL, dup_log, 0, 0},
};
const size_t hane_cli_duplicates_ncmds = HANE_NCMDS(hane_cli_duplicates_cmds);

int hane_cmd_duplicates(struct hane_cli *cli, int argc, char **argv)
{
	struct dup_opts o;

	memset(&o, 0, sizeof o);
	if (argc > 1 && strncmp(argv[1], "--", 2) != 0 &&
	    strcmp(argv[1], "list") && strcmp(argv[1], "log") &&
	    strcmp(argv[1], "merge") && strcmp(argv[1], "undo"))
		return hane_cli_usage("duplicates", "%s",
				      hane_msg(HANE_M_OV_CLI_DUP_NEED));
	return hane_opt_unit(cli, "duplicates", hane_cli_duplicates_cmds,
			     HANE_NCMDS(hane_cli_duplicates_cmds),
			     HANE_M_DUP_NOTES, HANE_OPT_OPEN | HANE_OPT_POS,
			     argc, argv, &o);
}

/* ---- overview ------------------------------------------------------------------ */

static void progress(const char *stage, int64_t done, int64_t total, void *arg)
{
	(void)arg;
	fprintf(hane_cli_term(), "\r%-12s %lld / %lld", stage, (long long)done,
		(long long)total);
	if (done == total)
		fputc('\n', stderr);
}

static int demo_year(struct hane_cli *cli, int64_t year, double scale,
		     int64_t seed, unsigned units)
{
	struct hane_ov_demo_counts c;
	char counts[2048];
	int rc;

	/* Only on a database made by `hane init --demo` (the model checks),
	 * as whoever logged in. */
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	rc = hane_overview_demo_year_units(cli->db, (int)year, scale,
					   (uint64_t)seed, units, &c,
					   isatty(2) ? progress : NULL, NULL);
	if (rc)
		return hane_cli_fail(rc);
	printf("year=%d\nscale=%g\nseed=%llu\nhouseholds_added=%lld\n%s",
	       c.year, c.scale, (unsigned long long)c.seed,
	       (long long)c.households_added,
	       hane_overview_demo_counts_text(counts, sizeof counts, &c));
	if (c.missing[0]) {
		fprintf(stderr, "hane: %s: %s\n",
			hane_msg(HANE_M_OV_DEMO_MISSING), c.missing);
		return HANE_EXIT_PARTIAL;
	}
	return HANE_EXIT_OK;
}

static int dashboard(struct hane_cli *cli, const char *date)
{
	struct hane_ov_dashboard d;
	char chart[8192], a[32], b[32];
	const char *labels[HANE_OV_MONTHS];
	bool uni = hane_chart_unicode_ok();
	int rc;

	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if ((rc = hane_overview_dashboard(cli->db, date, 0, &d)) != 0)
		return hane_cli_fail(rc);
	for (int i = 0; i < HANE_OV_MONTHS; i++)
		labels[i] = hane_msg((enum hane_msg)(
			HANE_M_OV_MON_1 + atoi(d.months[i] + 5) - 1));
	printf("%s \u00b7 %s\n", hane_msg(HANE_M_OV_DASH_TITLE), d.today);
	for (int u = 0; u < HANE_OV__UNITS; u++) {
		hane_num_format(a, sizeof a, d.unit[u].month);
		hane_num_format(b, sizeof b, d.unit[u].year);
		printf("\n%s: %s %s \u00b7 %s %s\n",
		       hane_overview_unit_label(u),
		       hane_msg(HANE_M_OV_DASH_MONTH), a,
		       hane_msg(HANE_M_OV_DASH_YEAR), b);
		if (hane_chart_bars(chart, sizeof chart, d.unit[u].series,
				    labels, HANE_OV_MONTHS, 80, 5, uni) > 0)
			fputs(chart, stdout);
	}
	{
		char lines[8][256];
		int n = hane_overview_today_lines(cli->db, lines, 4, 76, uni);

		printf("\n%s\n", hane_msg(HANE_M_OV_DASH_WAITING));
		for (int i = 0; i < n; i++)
			printf("  %s\n", lines[i]);
	}
	if (d.holidays_missing[0]) {
		putchar('\n');
		printf(hane_msg(HANE_M_REF_HOLIDAY_WARN), d.holidays_missing);
		putchar('\n');
	}
	return HANE_EXIT_OK;
}

static int print_event(const struct hane_ov_event *e, void *arg)
{
	char dd[HANE_DATE_LEN + 1];

	(void)arg;
	printf("%s %-5s  %-16s %-22s %s\n", hane_date_format(dd, e->date),
	       e->time, hane_overview_unit_label(e->unit),
	       e->who[0] ? e->who : hane_msg(HANE_M_OV_E_HOUSEHOLD), e->what);
	return 0;
}

static int household(struct hane_cli *cli, int64_t id, int unit,
		     const struct hane_cli_output *out)
{
	int rc, hidden = 0;

	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (out->csv) {
		FILE *fp;
		int64_t rows;

		if ((rc = hane_cli_output(out->out, &fp)) != 0)
			return rc;
		rc = hane_overview_timeline_csv(cli->db, id, unit, fp,
						out->wflags, &rows);
		if (fp != stdout && fclose(fp) != 0 && !rc)
			rc = HANE_EIO;
	} else {
		rc = hane_overview_timeline(cli->db, id, unit, print_event,
					    NULL, &hidden);
		if (!rc && hidden)
			fprintf(stderr, hane_msg(HANE_M_OV_HIDDEN), hidden);
	}
	return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
}

struct overview_opts {
	struct hane_cli_output o;
	const char *date;
	int64_t year, seed;
	double scale;
	int unit;
	unsigned units;
};

static int opt_scale(void *opts, const char *v)
{
	struct overview_opts *o = opts;
	char *end;

	o->scale = strtod(v, &end);
	if (!*v || *end)
		return hane_cli_usage("overview",
				      hane_msg(HANE_M_CLI_NOT_NUMBER),
				      "--scale", v);
	return 0;
}

/* "inspection,taxi": generate only these. */
static int opt_units(void *opts, const char *v)
{
	struct overview_opts *o = opts;
	char list[128], *save = NULL;

	HANE_COPY(list, v);
	for (char *w = strtok_r(list, ",", &save); w;
	     w = strtok_r(NULL, ",", &save)) {
		int u = hane_overview_unit_parse(w);

		if (u < 0)
			return hane_cli_usage("overview",
					      hane_msg(HANE_M_OV_CLI_BAD_UNIT),
					      w);
		o->units |= 1u << u;
	}
	return 0;
}

static int opt_unit(void *opts, const char *v)
{
	struct overview_opts *o = opts;

	o->unit = hane_overview_unit_parse(v);
	if (o->unit == -2)
		return hane_cli_usage("overview",
				      hane_msg(HANE_M_OV_CLI_BAD_UNIT), v);
	return 0;
}

#define S struct overview_opts
static const struct hane_opt dashboard_opts[] = {
	HANE_OPT(S, "date", date, HANE_FT_TEXT, HANE_OPT_ARGV,
		 HANE_M_OPT_OV_DATE),
	{0}};
static const struct hane_opt household_opts[] = {
	HANE_OPT_CB("unit", HANE_FT_TEXT, 0, opt_unit, HANE_M_OPT_OV_UNIT),
	HANE_OPT_OUTPUT_ROWS(S, o),
	{0}};
static const struct hane_opt demo_opts[] = {
	HANE_OPT(S, "year", year, HANE_FT_INT, 0, HANE_M_OPT_OV_YEAR),
	HANE_OPT_CB("scale", HANE_FT_TEXT, 0, opt_scale, HANE_M_OPT_OV_SCALE),
	HANE_OPT(S, "seed", seed, HANE_FT_INT, 0, HANE_M_OPT_OV_SEED),
	HANE_OPT_CB("units", HANE_FT_TEXT, 0, opt_units, HANE_M_OPT_OV_UNITS),
	{0}};
#undef S

static int run_dashboard(struct hane_cli *cli, void *opts,
			 const struct hane_args *a)
{
	const struct overview_opts *o = opts;

	return dashboard(cli, o->date);
}

static int run_household(struct hane_cli *cli, void *opts,
			 const struct hane_args *a)
{
	const struct overview_opts *o = opts;
	int64_t id = 0;
	int rc;

	if (a->npos != 1 || hane_cli_int("overview", "ID", a->pos[0], &id))
		return hane_cli_usage("overview", "%s",
				      hane_msg(HANE_M_OV_CLI_HH_NEED));
	if ((rc = hane_opt_output_check("overview", &o->o)) != 0)
		return rc;
	return household(cli, id, o->unit, &o->o);
}

static int run_demo_year(struct hane_cli *cli, void *opts,
			 const struct hane_args *a)
{
	const struct overview_opts *o = opts;

	return demo_year(cli, o->year ? o->year : last_year(), o->scale,
			 o->seed, o->units);
}

const struct hane_cmd hane_cli_overview_cmds[] = {
	{"dashboard", HANE_M_CMD_OV_DASHBOARD, dashboard_opts, run_dashboard, 0,
	 0},
	/* Its one ID is checked by its own message. */
	{"household", HANE_M_CMD_OV_HOUSEHOLD, household_opts, run_household, 0,
	 1},
	{"demo-year", HANE_M_CMD_OV_DEMO_YEAR, demo_opts, run_demo_year, 0, 0},
};
const size_t hane_cli_overview_ncmds = HANE_NCMDS(hane_cli_overview_cmds);

int hane_cmd_overview(struct hane_cli *cli, int argc, char **argv)
{
	struct overview_opts o = {0};

	o.seed = 1;
	o.scale = 1.0;
	o.unit = HANE_OV_ALL;
	hane_cli_short_output(argc, argv);
	return hane_opt_unit(cli, "overview", hane_cli_overview_cmds,
			     HANE_NCMDS(hane_cli_overview_cmds), HANE_M__COUNT,
			     HANE_OPT_POS, argc, argv, &o);
}
