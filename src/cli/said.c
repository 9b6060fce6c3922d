/* A subcommand's answer: the model's error, or its message naming the
 * arguments (hane holiday add, hane mahalle alias …). */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/opt.h"

int hane_cli_said(int rc, int msg, const struct hane_args *a)
{
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg((enum hane_msg)msg), a->pos[0], a->pos[1]);
	return HANE_EXIT_OK;
}
