/* hane demo: fill a database with generated households. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
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

int hane_cmd_demo(struct hane_cli *cli, int argc, char **argv)
{
	struct hane_opts o;
	const char *name, *value;
	int64_t households = 200, seed = 1;
	int rc;

	hane_opts_init(&o, argc, argv, (const char *const[]){"help", NULL});
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (strcmp(name, "help") == 0) {
			fputs(hane_msg(HANE_M_CLI_DEMO_HELP), stdout);
			return 0;
		} else if (strcmp(name, "households") == 0) {
			if (hane_cli_int("demo", "--households", value,
					 &households))
				return HANE_EXIT_USAGE;
		} else if (strcmp(name, "seed") == 0) {
			if (hane_cli_int("demo", "--seed", value, &seed))
				return HANE_EXIT_USAGE;
		} else {
			return hane_cli_usage(
				"demo", hane_msg(HANE_M_CLI_UNKNOWN_OPT), name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos > 0)
		return hane_cli_usage("demo", hane_msg(HANE_M_CLI_TOO_MANY),
				      o.pos[0]);
	if (households < 0)
		return hane_cli_usage("demo", hane_msg(HANE_M_CLI_NOT_NUMBER),
				      "--households", value ? value : "");
	/* The database is made by `hane init --demo`; demo writes as whoever
	 * logged in and never changes who that is. */
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	rc = hane_demo_generate(cli->db, households, (uint64_t)seed,
				isatty(2) ? progress : NULL, NULL);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CLI_DEMO_DONE), (long long)households,
	       (unsigned long long)seed);
	return 0;
}
