/* hane audit: the audit trail — reads and writes — for administrators. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "hane/core.h"
#include "hane/households.h"
#include "hane/security.h"

static int print_row(const struct hane_audit_row *r, void *arg)
{
	(void)arg;
	/* Whose authority and, when another OS login ran hane (root acting
	 * as --user X, a shared account), whose hands. */
	printf("%s\t%s", r->at, r->username);
	if (r->os_user[0] && strcmp(r->os_user, r->username) != 0)
		printf(" (%s)", r->os_user);
	printf("\t%s\t%s", r->action, r->table[0] ? r->table : "-");
	if (r->row_id)
		printf("#%lld", (long long)r->row_id);
	printf("\t%s\n", r->changes[0] ? r->changes : "-");
	return 0;
}

int hane_cmd_audit(struct hane_cli *cli, int argc, char **argv)
{
	struct hane_audit_filter f = {0};
	struct hane_opts o;
	const char *name, *value, *tckn = NULL;
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	int64_t limit;
	int rc;

	hane_opts_init(&o, argc, argv, (const char *const[]){"help", NULL});
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (strcmp(name, "help") == 0) {
			fputs(hane_msg(HANE_M_SEC_AUDIT_HELP), stdout);
			return 0;
		} else if (strcmp(name, "user") == 0) {
			f.username = value;
		} else if (strcmp(name, "person") == 0) {
			tckn = value;
		} else if (strcmp(name, "action") == 0) {
			f.action = value;
		} else if (strcmp(name, "from") == 0 ||
			   strcmp(name, "to") == 0) {
			char *d = name[0] == 'f' ? from : to;

			if ((rc = hane_date_parse(d, value)) != 0)
				return hane_cli_fail(rc);
			if (name[0] == 'f')
				f.from = from;
			else
				f.to = to;
		} else if (strcmp(name, "limit") == 0) {
			if (hane_cli_int("audit", "--limit", value, &limit))
				return HANE_EXIT_USAGE;
			f.limit = (int)limit;
		} else {
			return hane_cli_usage("audit",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos > 0)
		return hane_cli_usage("audit", hane_msg(HANE_M_CLI_TOO_MANY),
				      o.pos[0]);
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (tckn) {
		struct hane_person p;

		if ((rc = hane_person_by_tckn(cli->db, tckn, &p)) != 0)
			return hane_cli_fail(rc);
		f.person_id = p.id;
	}
	rc = hane_audit_each(cli->db, &f, print_row, NULL);
	return rc ? hane_cli_fail(rc) : 0;
}
