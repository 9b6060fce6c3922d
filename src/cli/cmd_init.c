/* hane init: create the database and its first administrator. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "hane/staff.h"

int hane_cmd_init(struct hane_cli *cli, int argc, char **argv)
{
	struct hane_opts o;
	const char *name, *value;
	bool created = false;
	int64_t n = 0;
	int rc;

	hane_opts_init(&o, argc, argv, (const char *const[]){"help", NULL});
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (strcmp(name, "help") == 0) {
			printf(hane_msg(HANE_M_CLI_INIT_HELP), hane_os_user());
			return 0;
		}
		return hane_cli_usage("init", hane_msg(HANE_M_CLI_UNKNOWN_OPT),
				      name);
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos > 0)
		return hane_cli_usage("init", hane_msg(HANE_M_CLI_TOO_MANY),
				      o.pos[0]);
	if ((rc = hane_cli_open(cli, HANE_OPEN_CREATE)) != 0)
		return rc;
	if ((rc = hane_staff_bootstrap(cli->db, &created)) != 0)
		return hane_cli_fail(rc);
	if (!created) {
		if ((rc = hane_staff_count(cli->db, &n)) != 0)
			return hane_cli_fail(rc);
		printf(hane_msg(HANE_M_CLI_INIT_EXISTS), cli->db_path,
		       (long long)n);
		return 0;
	}
	printf(hane_msg(HANE_M_CLI_INIT_DONE), cli->db_path, hane_os_user());
	return 0;
}
