/* hane holiday list [--year Y] | add DATE NAME [--half] | remove DATE:
 * the one holiday list of every unit. Fixed national holidays are known
 * for any year; religious ones are entered by administrators (audited). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/core.h"
#include "hane/reference.h"

static int print_holiday(const struct hane_holiday *h, void *arg)
{
	char d[HANE_DATE_LEN + 1];

	(void)arg;
	printf("%s\t%s\t%s\t%s\n", hane_date_format(d, h->day),
	       hane_holiday_kind_text(h), hane_holiday_source_text(h), h->name);
	return 0;
}

struct holiday_opts {
	int64_t year;
	int half;
};

#define S struct holiday_opts
static const struct hane_opt list_opts[] = {
	HANE_OPT(S, "year", year, HANE_FT_INT, 0, HANE_M_OPT_HOLIDAY_YEAR),
	{0}};
static const struct hane_opt add_opts[] = {
	HANE_OPT(S, "half", half, HANE_FT_BOOL, HANE_OPT_SWITCH,
		 HANE_M_OPT_HOLIDAY_HALF),
	{0}};
#undef S

static int holiday_list(struct hane_cli *cli, void *opts,
			const struct hane_args *a)
{
	struct holiday_opts *o = opts;
	char today[HANE_DATE_LEN + 1];
	bool entered;
	int rc;

	if (!o->year)
		o->year = atoi(hane_today(today));
	if ((rc = hane_holiday_list(cli->db, (int)o->year, print_holiday,
				    NULL)) != 0 ||
	    (rc = hane_holiday_year_entered(cli->db, (int)o->year, &entered)) !=
		    0)
		return hane_cli_fail(rc);
	if (!entered) {
		snprintf(today, sizeof today, "%d", (int)o->year);
		fprintf(stderr, hane_msg(HANE_M_REF_HOLIDAY_WARN), today);
		fputc('\n', stderr);
	}
	return HANE_EXIT_OK;
}

static int holiday_add(struct hane_cli *cli, void *opts,
		       const struct hane_args *a)
{
	struct holiday_opts *o = opts;

	return hane_cli_said(
		hane_holiday_add(cli->db, a->pos[0], a->pos[1], o->half),
		HANE_M_REF_HOLIDAY_ADDED, a);
}

static int holiday_remove(struct hane_cli *cli, void *opts,
			  const struct hane_args *a)
{
	(void)opts;
	return hane_cli_said(hane_holiday_remove(cli->db, a->pos[0]),
			     HANE_M_REF_HOLIDAY_REMOVED, a);
}

const struct hane_cmd hane_cli_holiday_cmds[] = {
	{"list", HANE_M_CMD_HOLIDAY_LIST, list_opts, holiday_list, 0, 0},
	{"add", HANE_M_CMD_HOLIDAY_ADD, add_opts, holiday_add, 2, 2},
	{"remove", HANE_M_CMD_HOLIDAY_REMOVE, NULL, holiday_remove, 1, 1},
};
const size_t hane_cli_holiday_ncmds = HANE_NCMDS(hane_cli_holiday_cmds);

HANE_OPT_UNIT_COMMAND(holiday, hane_cli_holiday_cmds, HANE_M_REF_HOLIDAY_NOTES,
		      HANE_OPT_OPEN | HANE_OPT_POS, struct holiday_opts)
