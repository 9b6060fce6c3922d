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
		hane_overview_num(v, sizeof v, f->value);
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

int hane_cmd_annual(struct hane_cli *cli, int argc, char **argv)
{
	static const char *const flags[] = {"help",   "text",	 "sql",
					    "csv",    "excel",	 "xlsx",
					    "verify", "rebuild", NULL};
	struct hane_opts o;
	const char *name, *value, *out = NULL;
	int64_t year = last_year();
	bool text = false, sql = false, csv = false, verify = false,
	     rebuild = false;
	unsigned wflags = 0;
	FILE *fp;
	int rc, i;

	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-o"))
			argv[i] = "--output";
	hane_opts_init(&o, argc, argv, flags);
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (!strcmp(name, "help")) {
			fputs(hane_msg(HANE_M_OV_CLI_ANNUAL_HELP), stdout);
			return HANE_EXIT_OK;
		} else if (!strcmp(name, "year")) {
			if (hane_cli_int("annual", "--year", value, &year))
				return HANE_EXIT_USAGE;
		} else if (!strcmp(name, "text")) {
			text = true;
		} else if (!strcmp(name, "sql")) {
			sql = true;
		} else if (!strcmp(name, "verify")) {
			verify = true;
		} else if (!strcmp(name, "rebuild")) {
			rebuild = true;
		} else if (!strcmp(name, "csv")) {
			csv = true;
		} else if (!strcmp(name, "excel")) {
			csv = true;
			wflags |= HANE_CSV_EXCEL;
		} else if (!strcmp(name, "xlsx")) {
			csv = true;
			wflags |= HANE_CSV_XLSX;
		} else if (!strcmp(name, "output")) {
			out = value;
			csv = !text;
		} else {
			return hane_cli_usage("annual",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	/* `hane report annual` arrives with "annual" as a positional. */
	for (i = 0; i < o.npos; i++)
		if (strcmp(o.pos[i], "annual") != 0)
			return hane_cli_usage("annual",
					      hane_msg(HANE_M_CLI_TOO_MANY),
					      o.pos[i]);
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (rebuild) {
		if ((rc = hane_overview_rebuild(cli->db)) != 0)
			return hane_cli_fail(rc);
		fputs(hane_msg(HANE_M_OV_REBUILT), stdout);
		if (!verify)
			return HANE_EXIT_OK;
	}
	if (verify)
		return annual_verify(cli, (int)year);
	if ((wflags & HANE_CSV_XLSX) && !text && (!out || !strcmp(out, "-")))
		return hane_cli_usage("annual", "%s",
				      hane_msg(HANE_M_XLSX_NEEDS_FILE));
	if ((rc = hane_cli_output(out, &fp)) != 0)
		return rc;
	if (text) {
		rc = hane_overview_annual_text(cli->db, (int)year, fp, sql);
	} else if (csv) {
		rc = hane_overview_annual_csv(cli->db, (int)year, fp, wflags);
	} else {
		struct table t = {sql};

		printf("%s — %lld\n", hane_msg(HANE_M_OV_ANNUAL_TITLE),
		       (long long)year);
		rc = hane_overview_annual(cli->db, (int)year, print_figure, &t);
	}
	if (fp != stdout && fclose(fp) != 0 && !rc)
		rc = HANE_EIO;
	if (rc)
		return hane_cli_fail(rc);
	return HANE_EXIT_OK;
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

int hane_cmd_duplicates(struct hane_cli *cli, int argc, char **argv)
{
	static const char *const flags[] = {"help", NULL};
	struct hane_ov_merge_plan plan;
	bool plan_set = false;
	struct hane_opts o;
	const char *name, *value, *what;
	int64_t a = 0, b = 0, id = 0;
	int rc, total = 0;

	memset(&plan, 0, sizeof plan);
	hane_opts_init(&o, argc, argv, flags);
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (!strcmp(name, "help")) {
			fputs(hane_msg(HANE_M_OV_CLI_DUP_HELP), stdout);
			return HANE_EXIT_OK;
		} else if (!strcmp(name, "field")) {
			int f = hane_overview_merge_field_parse(value);

			if (f < 0)
				return hane_cli_usage(
					"duplicates",
					hane_msg(HANE_M_OV_CLI_BAD_FIELD),
					value ? value : "");
			plan.from_b[f] = true;
			plan_set = true;
		} else {
			return hane_cli_usage("duplicates",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	what = o.npos ? o.pos[0] : "list";
	if (!strcmp(what, "merge")) {
		if (o.npos != 3 ||
		    hane_cli_int("duplicates", "A", o.pos[1], &a) ||
		    hane_cli_int("duplicates", "B", o.pos[2], &b))
			return hane_cli_usage("duplicates", "%s",
					      hane_msg(HANE_M_OV_CLI_DUP_NEED));
	} else if (!strcmp(what, "undo")) {
		if (o.npos != 2 ||
		    hane_cli_int("duplicates", "ID", o.pos[1], &id))
			return hane_cli_usage("duplicates", "%s",
					      hane_msg(HANE_M_OV_CLI_DUP_NEED));
	} else if (strcmp(what, "list") && strcmp(what, "log")) {
		return hane_cli_usage("duplicates", "%s",
				      hane_msg(HANE_M_OV_CLI_DUP_NEED));
	}
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (!strcmp(what, "list")) {
		rc = hane_gate_list(cli->db, "duplicates.list");
		if (!rc)
			rc = hane_overview_duplicates(cli->db, print_pair,
						      cli->db, &total);
		if (!rc)
			printf(hane_msg(HANE_M_OV_DUP_TOTAL), total);
	} else if (!strcmp(what, "log")) {
		rc = hane_gate_list(cli->db, "duplicates.log");
		if (!rc)
			rc = hane_overview_merges(cli->db, print_merge, NULL);
	} else if (!strcmp(what, "merge")) {
		struct hane_person pa, pb;
		struct hane_ov_merge_plan def;

		/* Without --field: what a lacks, from b. With --field: those
		 * fields from b, on top of that. */
		if ((rc = hane_person_get(cli->db, a, &pa)) == 0 &&
		    (rc = hane_person_get(cli->db, b, &pb)) == 0) {
			hane_overview_merge_defaults(&pa, &pb, &def);
			for (int f = 0; plan_set && f < HANE_OV_MF__COUNT; f++)
				def.from_b[f] = def.from_b[f] || plan.from_b[f];
			rc = hane_overview_merge(cli->db, a, b, &def, &id);
		}
		if (!rc)
			printf(hane_msg(HANE_M_OV_DUP_MERGED), (long long)b,
			       (long long)a, (long long)id);
	} else {
		rc = hane_overview_merge_undo(cli->db, id);
		if (!rc)
			printf(hane_msg(HANE_M_OV_DUP_UNMERGED), (long long)id);
	}
	if (rc)
		return hane_cli_fail(rc);
	return HANE_EXIT_OK;
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
	printf("year=%d\nscale=%g\nseed=%llu\nhouseholds_added=%lld\n"
	       "inspection.requests=%lld\ninspection.visits=%lld\n"
	       "inspection.decisions=%lld\ninspection.aid=%lld\n"
	       "inspection.households=%lld\nfoodbank.packages=%lld\n"
	       "foodbank.households=%lld\nhomecare.care_visits=%lld\n"
	       "homecare.care_persons=%lld\nhomecare.cleanings=%lld\n"
	       "homecare.cleaning_persons=%lld\ntaxi.appointments=%lld\n"
	       "taxi.trips=%lld\ntaxi.riders=%lld\n",
	       c.year, c.scale, (unsigned long long)c.seed,
	       (long long)c.households_added, (long long)c.insp_requests,
	       (long long)c.insp_visits, (long long)c.insp_decisions,
	       (long long)c.insp_aid, (long long)c.insp_households,
	       (long long)c.food_packages, (long long)c.food_households,
	       (long long)c.care_visits, (long long)c.care_persons,
	       (long long)c.cleaning_visits, (long long)c.cleaning_persons,
	       (long long)c.taxi_appointments, (long long)c.taxi_trips,
	       (long long)c.taxi_riders);
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
		hane_overview_num(a, sizeof a, d.unit[u].month);
		hane_overview_num(b, sizeof b, d.unit[u].year);
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
		     const char *out, bool csv, unsigned wflags)
{
	int rc, hidden = 0;

	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (csv) {
		FILE *fp;
		int64_t rows;

		if ((rc = hane_cli_output(out, &fp)) != 0)
			return rc;
		rc = hane_overview_timeline_csv(cli->db, id, unit, fp, wflags,
						&rows);
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

int hane_cmd_overview(struct hane_cli *cli, int argc, char **argv)
{
	static const char *const flags[] = {"help", "excel", "xlsx", "csv",
					    NULL};
	struct hane_opts o;
	const char *name, *value, *date = NULL, *out = NULL;
	int64_t year = 0, seed = 1, id = 0;
	double scale = 1.0;
	int unit = HANE_OV_ALL, i;
	unsigned units = 0;
	bool csv = false;
	unsigned wflags = 0;

	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-o"))
			argv[i] = "--output";
	hane_opts_init(&o, argc, argv, flags);
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (!strcmp(name, "help")) {
			fputs(hane_msg(HANE_M_OV_CLI_HELP), stdout);
			return HANE_EXIT_OK;
		} else if (!strcmp(name, "year")) {
			if (hane_cli_int("overview", "--year", value, &year))
				return HANE_EXIT_USAGE;
		} else if (!strcmp(name, "seed")) {
			if (hane_cli_int("overview", "--seed", value, &seed))
				return HANE_EXIT_USAGE;
		} else if (!strcmp(name, "scale")) {
			char *end;

			scale = strtod(value ? value : "", &end);
			if (!value || !*value || *end)
				return hane_cli_usage(
					"overview",
					hane_msg(HANE_M_CLI_NOT_NUMBER),
					"--scale", value ? value : "");
		} else if (!strcmp(name, "units")) {
			/* "inspection,taxi": generate only these. */
			char list[128], *save = NULL;

			snprintf(list, sizeof list, "%s", value ? value : "");
			for (char *w = strtok_r(list, ",", &save); w;
			     w = strtok_r(NULL, ",", &save)) {
				int u = hane_overview_unit_parse(w);

				if (u < 0)
					return hane_cli_usage(
						"overview",
						hane_msg(
							HANE_M_OV_CLI_BAD_UNIT),
						w);
				units |= 1u << u;
			}
		} else if (!strcmp(name, "date")) {
			date = value;
		} else if (!strcmp(name, "unit")) {
			unit = hane_overview_unit_parse(value);
			if (unit == -2)
				return hane_cli_usage(
					"overview",
					hane_msg(HANE_M_OV_CLI_BAD_UNIT),
					value ? value : "");
		} else if (!strcmp(name, "output")) {
			out = value;
			csv = true;
		} else if (!strcmp(name, "csv")) {
			csv = true;
		} else if (!strcmp(name, "excel")) {
			csv = true;
			wflags |= HANE_CSV_EXCEL;
		} else if (!strcmp(name, "xlsx")) {
			csv = true;
			wflags |= HANE_CSV_XLSX;
		} else {
			return hane_cli_usage("overview",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos == 0 || !strcmp(o.pos[0], "dashboard"))
		return dashboard(cli, date);
	if (!strcmp(o.pos[0], "demo-year")) {
		if (!year)
			year = last_year();
		return demo_year(cli, year, scale, seed, units);
	}
	if (!strcmp(o.pos[0], "household")) {
		if (o.npos != 2 ||
		    hane_cli_int("overview", "ID", o.pos[1], &id))
			return hane_cli_usage("overview", "%s",
					      hane_msg(HANE_M_OV_CLI_HH_NEED));
		if ((wflags & HANE_CSV_XLSX) && (!out || !strcmp(out, "-")))
			return hane_cli_usage("overview", "%s",
					      hane_msg(HANE_M_XLSX_NEEDS_FILE));
		return household(cli, id, unit, out, csv, wflags);
	}
	return hane_cli_usage("overview", hane_msg(HANE_M_CLI_TOO_MANY),
			      o.pos[0]);
}
