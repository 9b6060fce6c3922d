/* hane mahalle list|add|alias|rename: the mahalle list in the database
 * (administrators change it; every change audited). A mahalle added here
 * is accepted by the next import and form at once. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
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

int hane_cmd_mahalle(struct hane_cli *cli, int argc, char **argv)
{
	static const char *const flags[] = {"help", "districts", NULL};
	struct hane_opts o;
	const char *name, *value, *sub;
	bool districts = false;
	int64_t n = 0;
	int rc, want;

	hane_opts_init(&o, argc, argv, flags);
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (!strcmp(name, "help")) {
			fputs(hane_msg(HANE_M_REF_MAHALLE_HELP), stdout);
			return HANE_EXIT_OK;
		} else if (!strcmp(name, "districts")) {
			districts = true;
		} else {
			return hane_cli_usage("mahalle",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	sub = o.npos ? o.pos[0] : "list";
	want = !strcmp(sub, "list")	? 1
	       : !strcmp(sub, "add")	? 2
	       : !strcmp(sub, "alias")	? 3
	       : !strcmp(sub, "rename") ? 3
					: -1;
	if (want < 0)
		return hane_cli_usage("mahalle",
				      hane_msg(HANE_M_CLI_UNKNOWN_CMD), sub);
	if (o.npos < want)
		return hane_cli_usage("mahalle",
				      hane_msg(HANE_M_CLI_MISSING_ARG),
				      want == 2 ? "AD" : "AD AD");
	if (o.npos > (o.npos ? want : 0))
		return hane_cli_usage("mahalle", hane_msg(HANE_M_CLI_TOO_MANY),
				      o.pos[want]);
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (!strcmp(sub, "list")) {
		rc = hane_mahalle_list(cli->db, print_mahalle, NULL);
		if (!rc && districts)
			rc = hane_district_list(cli->db, print_district, NULL);
	} else if (!strcmp(sub, "add")) {
		if ((rc = hane_mahalle_add(cli->db, o.pos[1], NULL)) == 0)
			printf(hane_msg(HANE_M_REF_MAHALLE_ADDED), o.pos[1]);
	} else if (!strcmp(sub, "alias")) {
		if ((rc = hane_mahalle_alias(cli->db, o.pos[1], o.pos[2])) == 0)
			printf(hane_msg(HANE_M_REF_ALIAS_ADDED), o.pos[1],
			       o.pos[2]);
	} else {
		if ((rc = hane_mahalle_rename(cli->db, o.pos[1], o.pos[2],
					      &n)) == 0)
			printf(hane_msg(HANE_M_REF_RENAMED), o.pos[1], o.pos[2],
			       (long long)n);
	}
	return rc ? hane_cli_fail(rc) : HANE_EXIT_OK;
}
