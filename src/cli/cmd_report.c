/* hane report list | NAME [--PARAM VALUE …] [-o FILE] [--excel] [--csv]
 * [--unmasked]: personal columns masked unless --unmasked
 * (export.unmasked); every run is in the read log (see hane/reports.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/files.h"
#include "hane/reports.h"

static int list(void)
{
	struct hane_report r;
	size_t i, n = hane_report_count();

	for (i = 0; i < n; i++) {
		if (hane_report_at(i, &r)) {
			fprintf(stderr, "hane: %s\n", hane_error_last());
			continue;
		}
		printf("%-24s %s\n", r.name, hane_report_title(&r));
		for (int p = 0; p < r.nparams; p++)
			printf("%-24s   --%s  %s\n", "", r.params[p].name,
			       hane_report_param_title(&r, p));
	}
	return HANE_EXIT_OK;
}

/* Pads s to cols columns (right-aligned for numbers). */
static void cell(const char *s, int cols, bool right)
{
	int pad = cols - hane_text_width(s);

	if (right)
		printf("%*s%s", pad > 0 ? pad : 0, "", s);
	else
		printf("%s%*s", s, pad > 0 ? pad : 0, "");
}

/* The table for a person at a terminal: title, aligned columns, totals
 * under a rule. */
static void show(const struct hane_report *r, const struct hane_report_table *t)
{
	int w[HANE_REPORT_COLS_MAX], c;
	size_t row;

	for (c = 0; c < r->ncols; c++) {
		w[c] = hane_text_width(hane_report_column_title(r, c));
		for (row = 0; row < t->nrows; row++) {
			int x = hane_text_width(hane_report_cell(t, row, c));

			if (x > w[c])
				w[c] = x;
		}
	}
	printf("%s\n\n", hane_report_title(r));
	for (c = 0; c < r->ncols; c++) {
		fputs(c ? "  " : "", stdout);
		cell(hane_report_column_title(r, c), w[c],
		     hane_report_kind_number(r->cols[c].kind));
	}
	putchar('\n');
	for (row = 0; row < t->nrows; row++) {
		if (t->has_total && row + 1 == t->nrows) {
			for (c = 0; c < r->ncols; c++) {
				fputs(c ? "  " : "", stdout);
				for (int k = 0; k < w[c]; k++)
					fputs("─", stdout);
			}
			putchar('\n');
		}
		for (c = 0; c < r->ncols; c++) {
			fputs(c ? "  " : "", stdout);
			cell(hane_report_cell(t, row, c), w[c],
			     hane_report_kind_number(r->cols[c].kind));
		}
		putchar('\n');
	}
}

/* Writes table t of report r as CSV (or a workbook) to out; takes no
 * ownership. 0, or the exit status. */
static int report_write(const struct hane_report *r,
			const struct hane_report_table *t, const char *out,
			unsigned wflags)
{
	FILE *fp = stdout;
	int rc;

	if ((rc = hane_cli_output(out, &fp)) != 0)
		return rc;
	rc = hane_report_write_csv(r, t, fp, wflags);
	if (fp != stdout && fclose(fp) && !rc) {
		hane_error_set(hane_msg(HANE_M_CSV_WRITE), out,
			       strerror(errno));
		rc = HANE_EIO;
	}
	if (rc) {
		if (fp != stdout)
			hane_file_remove(out, 0);
		return hane_cli_fail(rc);
	}
	return HANE_EXIT_OK;
}

/* The options of hane report: the fixed ones, then each parameter a
 * report takes (given as --NAME VALUE, each into its own slot). */
#define PARAMS_MAX 32
struct report_opts {
	struct hane_cli_output o;
	int unmasked;
	const char *value[PARAMS_MAX]; /* into argv, NULL when not given */
};

#define S struct report_opts
static const struct hane_opt fixed_opts[] = {
	HANE_OPT_OUTPUT_ROWS(S, o),
	HANE_OPT(S, "unmasked", unmasked, HANE_FT_BOOL, HANE_OPT_SWITCH,
		 HANE_M_OPT_REPORT_UNMASKED),
};
#undef S
#define NFIXED HANE_COUNTOF(fixed_opts)

/* The table at run time: the fixed rows, then one for each parameter of
 * report r, or of every report when r is NULL (the report is then named
 * after the options); params keeps the parameters the rows point into. */
struct report_table {
	struct hane_opt rows[NFIXED + PARAMS_MAX + 1];
	struct hane_report_param params[PARAMS_MAX];
	size_t n;
};

static void table_add(struct report_table *t, const struct hane_report *r)
{
	for (int i = 0; i < r->nparams && t->n < PARAMS_MAX; i++) {
		struct hane_report_param *p = &t->params[t->n];
		size_t k = 0;

		while (k < t->n && strcmp(t->params[k].name, r->params[i].name))
			k++;
		if (k < t->n)
			continue; /* the same parameter of another report */
		*p = r->params[i];
		t->rows[NFIXED + t->n] = (struct hane_opt){
			.name = p->name,
			.type = HANE_FT_TEXT,
			.flags = HANE_OPT_ARGV,
			.offset = offsetof(struct report_opts, value) +
				  t->n * sizeof(const char *),
			.size = sizeof(const char *),
			.help = HANE_M__COUNT,
			.label_tr = p->title[0],
			.label_en = p->title[1],
		};
		t->n++;
	}
}

static void table_build(struct report_table *t, const struct hane_report *r)
{
	memset(t, 0, sizeof *t);
	memcpy(t->rows, fixed_opts, sizeof fixed_opts);
	if (r) {
		table_add(t, r);
		return;
	}
	for (size_t i = 0, n = hane_report_count(); i < n; i++) {
		struct hane_report any;

		if (hane_report_at(i, &any) == 0)
			table_add(t, &any);
	}
}

/* The parameters given (slots of the run-time table) as the report's
 * arguments; a parameter of another report is refused. 0 or the exit
 * status. */
static int report_args(const struct report_table *t,
		       const struct report_opts *o, const struct hane_report *r,
		       struct hane_report_arg *args, size_t *nargs)
{
	*nargs = 0;
	for (size_t i = 0; i < t->n; i++) {
		bool mine = false;

		if (!o->value[i])
			continue;
		for (int k = 0; k < r->nparams && !mine; k++)
			mine = !strcmp(r->params[k].name, t->params[i].name);
		if (!mine || *nargs == HANE_REPORT_PARAMS_MAX) {
			char opt[40];

			snprintf(opt, sizeof opt, "--%s", t->params[i].name);
			return hane_cli_usage("report",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      opt);
		}
		args[*nargs].name = t->params[i].name;
		args[(*nargs)++].value = o->value[i];
	}
	return 0;
}

int hane_cmd_report(struct hane_cli *cli, int argc, char **argv)
{
	struct report_table tab;
	struct hane_cmd cmd = {"report", HANE_M_CMD_REPORT, tab.rows, NULL};
	struct hane_report_arg args[HANE_REPORT_PARAMS_MAX];
	struct hane_report r;
	struct hane_report_table *t = NULL;
	struct report_opts o = {0};
	struct hane_args a;
	bool named = false;
	size_t nargs = 0;
	int rc;

	/* The annual activity report is the overview's own command
	 * (src/cli/cmd_overview.c): its figures carry their queries. */
	if (argc > 1 && !strcmp(argv[1], "annual"))
		return hane_cmd_annual(cli, argc - 1, argv + 1);
	/* "hane report NAME …": that report's parameters only. */
	if (argc > 1 && argv[1][0] != '-' && strcmp(argv[1], "list")) {
		if (hane_report_find(argv[1], &r))
			return hane_cli_usage("report", "%s",
					      hane_error_last());
		named = true;
	}
	table_build(&tab, named ? &r : NULL);
	if (hane_opt_wants_help(argc, argv)) {
		hane_opt_usage(stdout, NULL, &cmd);
		if (!named) {
			printf("\n%s\n", hane_msg(HANE_M_CLI_REPORT_LIST));
			list();
		}
		fputs(hane_msg(HANE_M_KVKK_REPORT_HELP), stdout);
		return HANE_EXIT_OK;
	}
	hane_cli_short_output(argc, argv);
	if ((rc = hane_opt_parse(NULL, &cmd, argc, argv, &o, &a)) >= 0)
		return rc;
	if (a.npos < 1)
		return hane_cli_usage("report", "%s",
				      hane_msg(HANE_M_CLI_REPORT_NEED));
	if ((rc = hane_opt_npos(&a, "report", 1, 1, "")) != 0)
		return rc;
	if (!strcmp(a.pos[0], "list"))
		return list();
	if ((rc = hane_opt_output_check("report", &o.o)) != 0)
		return rc;
	if (!named && hane_report_find(a.pos[0], &r))
		return hane_cli_usage("report", "%s", hane_error_last());
	if ((rc = report_args(&tab, &o, &r, args, &nargs)) != 0)
		return rc;
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	rc = hane_report_run_flags(cli->db, &r, args, nargs,
				   o.unmasked ? HANE_OUT_UNMASKED : 0, &t);
	if (rc)
		return rc == HANE_EUSAGE ? hane_cli_usage("report", "%s",
							  hane_error_last())
					 : hane_cli_fail(rc);
	if (o.o.csv || o.o.out || o.o.wflags)
		rc = report_write(&r, t, o.o.out, o.o.wflags);
	else
		show(&r, t);
	hane_report_table_free(t);
	return rc;
}
