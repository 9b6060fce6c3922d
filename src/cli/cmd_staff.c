/* hane staff add|list */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "hane/staff.h"

static int print_staff(const struct hane_staff *s, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t%s\t%s\t%s\t%s\n", (long long)s->id, s->username,
	       s->full_name, s->role, s->unit, s->active ? "aktif" : "pasif");
	return 0;
}

int hane_cmd_staff(struct hane_cli *cli, int argc, char **argv)
{
	struct hane_opts o;
	struct hane_staff s = {0};
	const char *name, *value;
	int64_t id = 0;
	int rc;

	hane_opts_init(&o, argc, argv, (const char *const[]){"help", NULL});
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (strcmp(name, "help") == 0) {
			fputs(hane_msg(HANE_M_CLI_STAFF_HELP), stdout);
			return 0;
		} else if (strcmp(name, "name") == 0) {
			snprintf(s.full_name, sizeof s.full_name, "%s", value);
		} else if (strcmp(name, "role") == 0) {
			snprintf(s.role, sizeof s.role, "%s", value);
		} else if (strcmp(name, "unit") == 0) {
			snprintf(s.unit, sizeof s.unit, "%s", value);
		} else if (strcmp(name, "os-user") == 0) {
			snprintf(s.os_user, sizeof s.os_user, "%s", value);
		} else {
			return hane_cli_usage("staff",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos == 0)
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "add|list");
	if (strcmp(o.pos[0], "list") == 0) {
		if ((rc = hane_cli_open(cli, 0)) != 0)
			return rc;
		rc = hane_staff_each(cli->db, print_staff, NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (strcmp(o.pos[0], "add") != 0)
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      o.pos[0]);
	if (o.npos < 2)
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "USER");
	if (o.npos > 2)
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_TOO_MANY),
				      o.pos[2]);
	snprintf(s.username, sizeof s.username, "%s", o.pos[1]);
	if (!s.full_name[0])
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--name");
	if (!s.role[0])
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--role");
	if (!hane_staff_role_valid(s.role))
		return hane_cli_usage("staff", "%s",
				      hane_msg(HANE_M_CLI_BAD_ROLE));
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	rc = hane_staff_add(cli->db, &s, &id);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CLI_STAFF_ADDED), (long long)id, s.username,
	       s.role);
	return 0;
}
