/* hane holiday list [--year Y] | add DATE NAME [--half] | remove DATE:
 * the one holiday list of every unit. Fixed national holidays are known
 * for any year; religious ones are entered by administrators (audited). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "hane/core.h"
#include "hane/reference.h"

static int print_holiday(const struct hane_holiday *h, void *arg)
{
	char d[HANE_DATE_LEN + 1];

	(void)arg;
	printf("%s\t%s\t%s\t%s\n", hane_date_format(d, h->day),
	       hane_msg(h->kind == HANE_HOLIDAY_HALF
				? HANE_M_REF_HOLIDAY_HALF_TAG
				: HANE_M_REF_HOLIDAY_FULL_TAG),
	       hane_msg(h->fixed ? HANE_M_REF_HOLIDAY_FIXED_TAG
				 : HANE_M_REF_HOLIDAY_ENTERED_TAG),
	       h->name);
	return 0;
}

int hane_cmd_holiday(struct hane_cli *cli, int argc, char **argv)
{
	static const char *const flags[] = {"help", "half", NULL};
	struct hane_opts o;
	const char *name, *value, *sub;
	char today[HANE_DATE_LEN + 1];
	int64_t year = 0;
	bool half = false;
	int rc, want;

	hane_opts_init(&o, argc, argv, flags);
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (!strcmp(name, "help")) {
			fputs(hane_msg(HANE_M_REF_HOLIDAY_HELP), stdout);
			return HANE_EXIT_OK;
		} else if (!strcmp(name, "half")) {
			half = true;
		} else if (!strcmp(name, "year")) {
			if (hane_cli_int("holiday", "--year", value, &year))
				return HANE_EXIT_USAGE;
		} else {
			return hane_cli_usage("holiday",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	sub = o.npos ? o.pos[0] : "list";
	want = !strcmp(sub, "list")	? 1
	       : !strcmp(sub, "add")	? 3
	       : !strcmp(sub, "remove") ? 2
					: -1;
	if (want < 0)
		return hane_cli_usage("holiday",
				      hane_msg(HANE_M_CLI_UNKNOWN_CMD), sub);
	if (o.npos < want)
		return hane_cli_usage("holiday",
				      hane_msg(HANE_M_CLI_MISSING_ARG),
				      want == 3 ? "GÜN \"AD\"" : "GÜN");
	if (o.npos > (o.npos ? want : 0))
		return hane_cli_usage("holiday", hane_msg(HANE_M_CLI_TOO_MANY),
				      o.pos[want]);
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (!strcmp(sub, "list")) {
		if (!year)
			year = atoi(hane_today(today));
		if ((rc = hane_holiday_list(cli->db, (int)year, print_holiday,
					    NULL)))
			return hane_cli_fail(rc);
		snprintf(today, sizeof today, "%d", (int)year);
		{
			bool entered;

			if ((rc = hane_holiday_year_entered(cli->db, (int)year,
							    &entered)))
				return hane_cli_fail(rc);
			if (!entered) {
				fprintf(stderr,
					hane_msg(HANE_M_REF_HOLIDAY_WARN),
					today);
				fputc('\n', stderr);
			}
		}
		return HANE_EXIT_OK;
	}
	if (!strcmp(sub, "add"))
		rc = hane_holiday_add(cli->db, o.pos[1], o.pos[2], half);
	else
		rc = hane_holiday_remove(cli->db, o.pos[1]);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(!strcmp(sub, "add") ? HANE_M_REF_HOLIDAY_ADDED
					    : HANE_M_REF_HOLIDAY_REMOVED),
	       o.pos[1]);
	return HANE_EXIT_OK;
}
