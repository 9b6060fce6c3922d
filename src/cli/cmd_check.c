/* hane check: the integrity check, and whether others can read the file. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "hane/perm.h"

int hane_cmd_check(struct hane_cli *cli, int argc, char **argv)
{
	struct hane_opts o;
	const char *name, *value;
	struct stat sb;
	int rc;

	hane_opts_init(&o, argc, argv, (const char *const[]){"help", NULL});
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (strcmp(name, "help") == 0) {
			fputs(hane_msg(HANE_M_SEC_CHECK_HELP), stdout);
			return 0;
		}
		return hane_cli_usage("check", hane_msg(HANE_M_CLI_UNKNOWN_OPT),
				      name);
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos > 0)
		return hane_cli_usage("check", hane_msg(HANE_M_CLI_TOO_MANY),
				      o.pos[0]);
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
