/* hane mahalle list|add|alias|rename: the mahalle list in the database
 * (administrators change it; every change audited). A mahalle added here
 * is accepted by the next import and form at once. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/reference.h"

static int print_mahalle(const struct hane_mahalle *m, void *arg)
{
	(void)arg;
	printf("%s\t%lld", m->name, (long long)m->households);
	if (m->aliases[0])
		printf("\t%s %s", hane_msg(HANE_M_REF_ALIASES), m->aliases);
	putchar('\n');
	return 0;
}

static int print_district(const char *name, void *arg)
{
	(void)arg;
	printf("%s\t%s\n", name, hane_msg(HANE_M_REF_DISTRICT_TAG));
	return 0;
}

struct mahalle_opts {
	int districts;
};

static const struct hane_opt list_opts[] = {
	HANE_OPT(struct mahalle_opts, "districts", districts, HANE_FT_BOOL,
		 HANE_OPT_SWITCH, HANE_M_OPT_MAHALLE_DISTRICTS),
	{0}};

static int mahalle_list(struct hane_cli *cli, void *opts,
			const struct hane_args *a)
{
	const struct mahalle_opts *o = opts;
	int rc;

	rc = hane_mahalle_list(cli->db, print_mahalle, NULL);
	if (!rc && o->districts)
		rc = hane_district_list(cli->db, print_district, NULL);
	return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
}

static int mahalle_add(struct hane_cli *cli, void *opts,
		       const struct hane_args *a)
{
	(void)opts;
	return hane_cli_said(hane_mahalle_add(cli->db, a->pos[0], NULL),
			     HANE_M_REF_MAHALLE_ADDED, a);
}

static int mahalle_alias(struct hane_cli *cli, void *opts,
			 const struct hane_args *a)
{
	(void)opts;
	return hane_cli_said(hane_mahalle_alias(cli->db, a->pos[0], a->pos[1]),
			     HANE_M_REF_ALIAS_ADDED, a);
}

static int mahalle_rename(struct hane_cli *cli, void *opts,
			  const struct hane_args *a)
{
	int64_t n = 0;
	int rc;

	(void)opts;
	if ((rc = hane_mahalle_rename(cli->db, a->pos[0], a->pos[1], &n)))
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_REF_RENAMED), a->pos[0], a->pos[1],
	       (long long)n);
	return HANE_EXIT_OK;
}

const struct hane_cmd hane_cli_mahalle_cmds[] = {
	{"list", HANE_M_CMD_MAHALLE_LIST, list_opts, mahalle_list, 0, 0},
	{"add", HANE_M_CMD_MAHALLE_ADD, NULL, mahalle_add, 1, 1},
	{"alias", HANE_M_CMD_MAHALLE_ALIAS, NULL, mahalle_alias, 2, 2},
	{"rename", HANE_M_CMD_MAHALLE_RENAME, NULL, mahalle_rename, 2, 2},
};
const size_t hane_cli_mahalle_ncmds = HANE_NCMDS(hane_cli_mahalle_cmds);

HANE_OPT_UNIT_COMMAND(mahalle, hane_cli_mahalle_cmds, HANE_M_REF_MAHALLE_NOTES,
		      HANE_OPT_OPEN | HANE_OPT_POS, struct mahalle_opts)
