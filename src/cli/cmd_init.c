/* hane init [--admin LOGIN] [--demo]: create the database and its first
 * administrator.
 *
 * In a shared install (set-group-ID, hane/files.h) the database is the
 * configured one, only root creates it (scripts/install-shared runs
 * `hane init --admin LOGIN` as root), and on a database that is set up
 * only root or an administrator may run init at all. --demo marks a new
 * database as a demo: only there do `hane demo` and `hane overview
 * demo-year` write generated data. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/files.h"
#include "hane/perm.h"
#include "hane/staff.h"

struct init_opts {
	const char *admin;
	int demo;
};

#define S struct init_opts
static const struct hane_opt init_opts[] = {
	HANE_OPT(S, "admin", admin, HANE_FT_TEXT, HANE_OPT_ARGV,
		 HANE_M_OPT_INIT_ADMIN),
	HANE_OPT(S, "demo", demo, HANE_FT_BOOL, HANE_OPT_SWITCH,
		 HANE_M_OPT_INIT_DEMO),
	{0}};
#undef S

int hane_cmd_init(struct hane_cli *cli, int argc, char **argv)
{
	static const struct hane_cmd cmd = {"init", HANE_M_CMD_INIT, init_opts,
					    NULL};
	struct init_opts o = {0};
	struct hane_args a;
	const char *admin;
	bool created = false, demo, fresh;
	struct stat sb;
	int64_t n = 0;
	int rc;

	if ((rc = hane_opt_parse(NULL, &cmd, argc, argv, &o, &a)) >= 0 ||
	    (rc = hane_opt_npos(&a, "init", 0, 0, "")) != 0)
		return rc;
	/* "--admin ''" names nobody: refused as before, naming the option. */
	if (o.admin && !*o.admin)
		return hane_cli_usage(
			"init", hane_msg(HANE_M_CLI_MISSING_VALUE), "--admin");
	admin = o.admin;
	demo = o.demo != 0;
	if (cli->shared && admin && getuid() != 0) {
		hane_error_set("%s", hane_msg(HANE_M_FILE_ADMIN_ROOT));
		return hane_cli_fail(HANE_EPERM);
	}
	fresh = stat(cli->db_path, &sb) != 0 || sb.st_size == 0;
	if (demo && !fresh) {
		hane_error_set(hane_msg(HANE_M_DEMO_NOT_NEW), cli->db_path);
		return hane_cli_fail(HANE_EEXIST);
	}
	if ((rc = hane_cli_open(cli, HANE_OPEN_CREATE)) != 0)
		return rc;
	if ((rc = hane_staff_count(cli->db, &n)) != 0)
		return hane_cli_fail(rc);
	/* A shared database that is set up: init changes nothing, and is
	 * not for just anyone to probe. */
	if (cli->shared && n > 0 && getuid() != 0 &&
	    hane_can(cli->db, HANE_ACT_STAFF_ADMIN) != 0) {
		hane_error_set("%s", hane_msg(HANE_M_FILE_INIT_WHO));
		return hane_cli_fail(HANE_EPERM);
	}
	if (demo && (rc = hane_store_mark_demo(cli->db)) != 0)
		return hane_cli_fail(rc);
	if ((rc = hane_staff_bootstrap(cli->db, admin, &created)) != 0)
		return hane_cli_fail(rc);
	hane_cli_gate(cli);
	if (!created) {
		printf(hane_msg(HANE_M_CLI_INIT_EXISTS), cli->db_path,
		       (long long)n);
		return 0;
	}
	printf(hane_msg(HANE_M_CLI_INIT_DONE), cli->db_path,
	       admin ? admin : hane_os_user());
	return 0;
}
