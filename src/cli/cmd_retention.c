/* hane retention dry-run|run|access: the KVKK duties — destroy what is
 * no longer needed, and hand a person what hane holds about them. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/core.h"
#include "hane/security.h"

static int print_item(const struct hane_retention_item *it, void *arg)
{
	(void)arg;
	printf("#%lld\t%s\t%s\t#%lld\n", (long long)it->person_id, it->name,
	       it->last_service[0] ? it->last_service : "-",
	       (long long)it->household_id);
	return 0;
}

struct retention_opts {
	const char *output;
};

static const struct hane_opt access_opts[] = {
	HANE_OPT(struct retention_opts, "output", output, HANE_FT_TEXT,
		 HANE_OPT_ARGV | HANE_OPT_REQUIRED,
		 HANE_M_OPT_RETENTION_OUTPUT),
	{0}};

static int retention_access(struct hane_cli *cli, void *opts,
			    const struct hane_args *a)
{
	const struct retention_opts *o = opts;
	char hex[65];
	int rc;

	if ((rc = hane_person_access_export(cli->db, a->pos[0], o->output)) !=
		    0 ||
	    (rc = hane_sha256_file(hex, o->output)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_SEC_ACCESS_DONE), o->output, hex);
	return 0;
}

static int retention(struct hane_cli *cli, const struct hane_args *a, bool dry)
{
	char cutoff[11];
	int rc, n = 0;

	printf(hane_msg(HANE_M_SEC_RET_CUTOFF),
	       hane_date_format(cutoff,
				hane_retention_cutoff(cli->db, cutoff)));
	rc = hane_retention_run(cli->db, dry, print_item, NULL, &n);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(dry ? HANE_M_SEC_RET_DRY : HANE_M_SEC_RET_DONE), n);
	return 0;
}

static int retention_dry(struct hane_cli *cli, void *opts,
			 const struct hane_args *a)
{
	(void)opts;
	return retention(cli, a, true);
}

static int retention_run(struct hane_cli *cli, void *opts,
			 const struct hane_args *a)
{
	(void)opts;
	return retention(cli, a, false);
}

const struct hane_cmd hane_cli_retention_cmds[] = {
	{"dry-run", HANE_M_CMD_RETENTION_DRY, NULL, retention_dry, 0, 0},
	{"run", HANE_M_CMD_RETENTION_RUN, NULL, retention_run, 0, 0},
	{"access", HANE_M_CMD_RETENTION_ACCESS, access_opts, retention_access,
	 1, 1},
};
const size_t hane_cli_retention_ncmds = HANE_NCMDS(hane_cli_retention_cmds);

HANE_OPT_UNIT_COMMAND(retention, hane_cli_retention_cmds,
		      HANE_M_RETENTION_NOTES,
		      HANE_OPT_NOSUB_OPEN | HANE_OPT_POS, struct retention_opts)
