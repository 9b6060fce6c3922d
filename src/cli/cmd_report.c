/* hane report list | NAME [--PARAM VALUE …] [-o FILE] [--excel] [--csv]
 * [--unmasked]: personal columns masked unless --unmasked
 * (export.unmasked); every run is in the read log (see hane/reports.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
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

int hane_cmd_report(struct hane_cli *cli, int argc, char **argv)
{
	static const char *const flags[] = {"help",	"excel", "csv",
					    "unmasked", "xlsx",	 NULL};
	struct hane_report_arg args[HANE_REPORT_PARAMS_MAX];
	char names[HANE_REPORT_PARAMS_MAX][64];
	struct hane_report r;
	struct hane_report_table *t = NULL;
	struct hane_opts o;
	const char *name, *value, *out = NULL;
	unsigned wflags = 0, rflags = 0;
	bool csv = false;
	size_t nargs = 0;
	int rc;

	/* The annual activity report is the overview's own command
	 * (src/cli/cmd_overview.c): its figures carry their queries. */
	if (argc > 1 && !strcmp(argv[1], "annual"))
		return hane_cmd_annual(cli, argc - 1, argv + 1);
	hane_cli_short_output(argc, argv);
	hane_opts_init(&o, argc, argv, flags);
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (!strcmp(name, "help")) {
			fputs(hane_msg(HANE_M_CLI_REPORT_HELP), stdout);
			fputs(hane_msg(HANE_M_KVKK_REPORT_HELP), stdout);
			return HANE_EXIT_OK;
		} else if (!strcmp(name, "unmasked")) {
			rflags |= HANE_OUT_UNMASKED;
		} else if (!strcmp(name, "excel")) {
			wflags |= HANE_CSV_EXCEL;
			csv = true;
		} else if (!strcmp(name, "xlsx")) {
			wflags |= HANE_CSV_XLSX;
			csv = true;
		} else if (!strcmp(name, "csv")) {
			csv = true;
		} else if (!strcmp(name, "output")) {
			out = value;
			csv = true;
		} else if (nargs < HANE_REPORT_PARAMS_MAX) {
			/* The report says which parameters it takes. */
			snprintf(names[nargs], sizeof names[0], "%s", name);
			args[nargs].name = names[nargs];
			args[nargs].value = value ? value : "";
			nargs++;
		} else {
			return hane_cli_usage("report",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos < 1)
		return hane_cli_usage("report", "%s",
				      hane_msg(HANE_M_CLI_REPORT_NEED));
	if (o.npos > 1)
		return hane_cli_usage("report", hane_msg(HANE_M_CLI_TOO_MANY),
				      o.pos[1]);
	if (!strcmp(o.pos[0], "list"))
		return list();
	if ((wflags & HANE_CSV_XLSX) && (!out || !strcmp(out, "-")))
		return hane_cli_usage("report", "%s",
				      hane_msg(HANE_M_XLSX_NEEDS_FILE));
	if ((rc = hane_report_find(o.pos[0], &r)))
		return hane_cli_usage("report", "%s", hane_error_last());
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	rc = hane_report_run_flags(cli->db, &r, args, nargs, rflags, &t);
	if (rc)
		return rc == HANE_EUSAGE ? hane_cli_usage("report", "%s",
							  hane_error_last())
					 : hane_cli_fail(rc);
	if (csv)
		rc = report_write(&r, t, out, wflags);
	else
		show(&r, t);
	hane_report_table_free(t);
	return rc;
}
