/* hane demo: fill a database with generated households. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/households.h"
#include "hane/staff.h"

static void progress(int64_t done, int64_t total, void *arg)
{
	(void)arg;
	fprintf(hane_cli_term(), "\r%lld / %lld", (long long)done,
		(long long)total);
	if (done == total)
		fputc('\n', hane_cli_term());
}

struct demo_opts {
	int64_t households, seed;
};

static const struct hane_opt demo_opts[] = {
	HANE_OPT(struct demo_opts, "households", households, HANE_FT_INT, 0,
		 HANE_M_OPT_DEMO_HOUSEHOLDS),
	HANE_OPT(struct demo_opts, "seed", seed, HANE_FT_INT, 0,
		 HANE_M_OPT_DEMO_SEED),
	{0}};

int hane_cmd_demo(struct hane_cli *cli, int argc, char **argv)
{
	static const struct hane_cmd cmd = {"demo", HANE_M_CMD_DEMO, demo_opts,
					    NULL};
	struct demo_opts o = {200, 1};
	struct hane_args a;
	char n[24];
	int rc;

	if ((rc = hane_opt_parse(NULL, &cmd, argc, argv, &o, &a)) >= 0 ||
	    (rc = hane_opt_npos(&a, "demo", 0, 0, "")) != 0)
		return rc;
	if (o.households < 0) {
		snprintf(n, sizeof n, "%lld", (long long)o.households);
		return hane_cli_usage("demo", hane_msg(HANE_M_CLI_NOT_NUMBER),
				      "--households", n);
	}
	/* The database is made by `hane init --demo`; demo writes as whoever
	 * logged in and never changes who that is. */
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	rc = hane_demo_generate(cli->db, o.households, (uint64_t)o.seed,
				isatty(2) ? progress : NULL, NULL);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CLI_DEMO_DONE), (long long)o.households,
	       (unsigned long long)o.seed);
	return 0;
}
