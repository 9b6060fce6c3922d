/* hane check: the integrity check, and whether others can read the file. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/perm.h"

int hane_cmd_check(struct hane_cli *cli, int argc, char **argv)
{
	static const struct hane_cmd cmd = {"check", HANE_M_CMD_CHECK, NULL,
					    NULL};
	struct hane_args a;
	struct stat sb;
	int rc;

	if ((rc = hane_opt_parse(NULL, &cmd, argc, argv, NULL, &a)) >= 0 ||
	    (rc = hane_opt_npos(&a, "check", 0, 0, "")) != 0)
		return rc;
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if ((rc = hane_can(cli->db, HANE_ACT_MAINTENANCE)) != 0 ||
	    (rc = hane_store_integrity_check(cli->db)) != 0)
		return hane_cli_fail(rc);
	fputs(hane_msg(HANE_M_SEC_CHECK_OK), stdout);
	if (stat(cli->db_path, &sb) == 0 && (sb.st_mode & 0007))
		fprintf(stderr, hane_msg(HANE_M_SEC_CHECK_MODE), cli->db_path,
			(unsigned)(sb.st_mode & 07777));
	return 0;
}
