/* hane export households [-o FILE] [--excel] [--unmasked]: the registry
 * as CSV, personal data masked unless --unmasked (export.unmasked), and
 * every export in the read log with the SHA-256 of the file written. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/files.h"
#include "hane/households_csv.h"
#include "hane/perm.h"
#include "hane/reports.h"
#include "hane/security.h"

/* Writes the registry to out (NULL or "-": stdout) and logs the export
 * (KVKK). 0, or the exit status. */
static int export_to(struct hane_cli *cli, const char *out, unsigned wflags)
{
	int64_t rows = 0;
	FILE *fp;
	int rc;

	if ((rc = hane_cli_output(out, &fp)) != 0)
		return rc;
	if (fp == stdout)
		out = NULL;
	rc = hane_households_export(cli->db, fp, wflags, &rows);
	if (out) {
		if (fclose(fp) && !rc) {
			hane_error_set(hane_msg(HANE_M_CSV_WRITE), out,
				       strerror(errno));
			rc = HANE_EIO;
		}
		/* KVKK: logged with the hash of the file as it now is; a
		 * file nobody can answer for does not stay. */
		if (!rc)
			rc = hane_log_export(cli->db, "households", out,
					     (long)rows,
					     wflags & HANE_OUT_UNMASKED);
		if (rc)
			hane_file_remove(out, 0);
	} else if (!rc) {
		char detail[128];

		snprintf(detail, sizeof detail,
			 "{\"what\":\"households\",\"file\":\"-\","
			 "\"rows\":%lld,\"unmasked\":%s}",
			 (long long)rows,
			 wflags & HANE_OUT_UNMASKED ? "true" : "false");
		rc = hane_log_event(cli->db, "export", "", 0, detail);
	}
	if (rc)
		return hane_cli_fail(rc);
	if (out)
		printf(hane_msg(HANE_M_CLI_EXPORT_DONE), (long long)rows, out);
	return HANE_EXIT_OK;
}

struct export_opts {
	const char *out;
	int excel, xlsx, unmasked;
};

#define S struct export_opts
static const struct hane_opt export_opts[] = {
	HANE_OPT(S, "output", out, HANE_FT_TEXT, HANE_OPT_ARGV,
		 HANE_M_OPT_EXPORT_OUTPUT),
	HANE_OPT(S, "excel", excel, HANE_FT_BOOL, HANE_OPT_SWITCH,
		 HANE_M_OPT_EXCEL),
	HANE_OPT(S, "xlsx", xlsx, HANE_FT_BOOL, HANE_OPT_SWITCH,
		 HANE_M_OPT_XLSX),
	HANE_OPT(S, "unmasked", unmasked, HANE_FT_BOOL, HANE_OPT_SWITCH,
		 HANE_M_OPT_EXPORT_UNMASKED),
	{0}};
#undef S

int hane_cmd_export(struct hane_cli *cli, int argc, char **argv)
{
	static const struct hane_cmd cmd = {"export", HANE_M_CMD_EXPORT,
					    export_opts, NULL};
	struct export_opts o = {0};
	struct hane_args a;
	const char *out;
	unsigned wflags;
	int rc;

	/* "-o FILE" is the one short option: make it --output. */
	hane_cli_short_output(argc, argv);
	if ((rc = hane_opt_parse(NULL, &cmd, argc, argv, &o, &a)) >= 0)
		return rc;
	if (a.npos < 1 || strcmp(a.pos[0], "households"))
		return hane_cli_usage("export", "%s",
				      hane_msg(HANE_M_CLI_EXPORT_WHAT));
	if (a.npos > 1)
		return hane_cli_usage("export", hane_msg(HANE_M_CLI_TOO_MANY),
				      a.pos[1]);
	out = o.out;
	wflags = (o.excel ? HANE_CSV_EXCEL : 0) | (o.xlsx ? HANE_CSV_XLSX : 0) |
		 (o.unmasked ? HANE_OUT_UNMASKED : 0);
	if ((wflags & HANE_CSV_XLSX) && (!out || !strcmp(out, "-")))
		return hane_cli_usage("export", "%s",
				      hane_msg(HANE_M_XLSX_NEEDS_FILE));
	if (wflags & HANE_CSV_XLSX)
		wflags &= ~(unsigned)HANE_CSV_EXCEL;
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	/* Refused before a file is created. */
	if ((wflags & HANE_OUT_UNMASKED) &&
	    (rc = hane_can(cli->db, HANE_ACT_EXPORT_UNMASKED)) != 0)
		return hane_cli_fail(rc);
	return export_to(cli, out, wflags);
}
