/* hane audit: the audit trail — reads and writes — for administrators. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
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

struct audit_opts {
	const char *user, *action;
	char person[HANE_TCKN_LEN + 1];
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	int limit;
};

#define S struct audit_opts
static const struct hane_opt audit_opts[] = {
	HANE_OPT(S, "user", user, HANE_FT_TEXT, HANE_OPT_ARGV,
		 HANE_M_OPT_AUDIT_USER),
	HANE_OPT(S, "person", person, HANE_FT_TCKN, 0, HANE_M_OPT_AUDIT_PERSON),
	HANE_OPT(S, "from", from, HANE_FT_DATE, 0, HANE_M_OPT_FROM),
	HANE_OPT(S, "to", to, HANE_FT_DATE, 0, HANE_M_OPT_TO),
	HANE_OPT(S, "action", action, HANE_FT_TEXT, HANE_OPT_ARGV,
		 HANE_M_OPT_AUDIT_ACTION),
	HANE_OPT(S, "limit", limit, HANE_FT_INT, 0, HANE_M_OPT_LIMIT),
	{0}};
#undef S

int hane_cmd_audit(struct hane_cli *cli, int argc, char **argv)
{
	static const struct hane_cmd cmd = {"audit", HANE_M_CMD_AUDIT,
					    audit_opts, NULL};
	struct audit_opts o = {0};
	struct hane_audit_filter f = {0};
	struct hane_args a;
	int rc;

	if ((rc = hane_opt_parse(NULL, &cmd, argc, argv, &o, &a)) >= 0 ||
	    (rc = hane_opt_npos(&a, "audit", 0, 0, "")) != 0 ||
	    (rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	f.username = o.user;
	f.action = o.action;
	f.from = o.from[0] ? o.from : NULL;
	f.to = o.to[0] ? o.to : NULL;
	f.limit = o.limit;
	if (o.person[0]) {
		struct hane_person p;

		if ((rc = hane_person_by_tckn(cli->db, o.person, &p)) != 0)
			return hane_cli_fail(rc);
		f.person_id = p.id;
	}
	rc = hane_audit_each(cli->db, &f, print_row, NULL);
	return rc ? hane_cli_fail(rc) : 0;
}
