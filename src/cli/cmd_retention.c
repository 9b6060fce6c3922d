/* hane retention dry-run|run|access: the KVKK duties — destroy what is
 * no longer needed, and hand a person what hane holds about them. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
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

int hane_cmd_retention(struct hane_cli *cli, int argc, char **argv)
{
	struct hane_opts o;
	const char *name, *value, *output = NULL, *sub;
	char cutoff[11], hex[65];
	int rc, n = 0;

	hane_opts_init(&o, argc, argv, (const char *const[]){"help", NULL});
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (strcmp(name, "help") == 0) {
			fputs(hane_msg(HANE_M_SEC_RET_HELP), stdout);
			return 0;
		} else if (strcmp(name, "output") == 0) {
			output = value;
		} else {
			return hane_cli_usage("retention",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos == 0)
		return hane_cli_usage("retention",
				      hane_msg(HANE_M_CLI_MISSING_ARG),
				      "dry-run|run|access");
	sub = o.pos[0];
	if (strcmp(sub, "access") == 0) {
		if (o.npos < 2)
			return hane_cli_usage("retention",
					      hane_msg(HANE_M_CLI_MISSING_ARG),
					      "TCKN");
		if (!output)
			return hane_cli_usage("retention",
					      hane_msg(HANE_M_CLI_MISSING_ARG),
					      "--output");
		if ((rc = hane_cli_open(cli, 0)) != 0)
			return rc;
		if ((rc = hane_person_access_export(cli->db, o.pos[1],
						    output)) != 0 ||
		    (rc = hane_sha256_file(hex, output)) != 0)
			return hane_cli_fail(rc);
		printf(hane_msg(HANE_M_SEC_ACCESS_DONE), output, hex);
		return 0;
	}
	if (strcmp(sub, "run") != 0 && strcmp(sub, "dry-run") != 0)
		return hane_cli_usage("retention",
				      hane_msg(HANE_M_CLI_UNKNOWN_CMD), sub);
	if (o.npos > 1)
		return hane_cli_usage("retention",
				      hane_msg(HANE_M_CLI_TOO_MANY), o.pos[1]);
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	printf(hane_msg(HANE_M_SEC_RET_CUTOFF),
	       hane_date_format(cutoff,
				hane_retention_cutoff(cli->db, cutoff)));
	rc = hane_retention_run(cli->db, strcmp(sub, "dry-run") == 0,
				print_item, NULL, &n);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(strcmp(sub, "dry-run") == 0 ? HANE_M_SEC_RET_DRY
						    : HANE_M_SEC_RET_DONE),
	       n);
	return 0;
}
