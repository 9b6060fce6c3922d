/* hane: the entry point. Global options, then a subcommand or the console.
 *
 * The CLI follows the same model functions as the console, so the rules
 * are the same; it only parses arguments and prints.
 */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "hane/staff.h"
#include "hane/ui.h"

static const struct {
	const char *name;
	int (*run)(struct hane_cli *cli, int argc, char **argv);
	enum hane_msg summary;
} commands[] = {
#define HANE_CMD(name, summary) {#name, hane_cmd_##name, summary},
#include "cli/commands.def"
#undef HANE_CMD
};

/* ---- Helpers shared by the subcommands ----------------------------------- */

int hane_cli_fail(int rc)
{
	const char *detail = hane_error_last();

	if (detail[0])
		fprintf(stderr, "hane: %s\n", detail);
	else
		fprintf(stderr, "hane: %s\n", hane_strerror(rc));
	if (rc == HANE_ECONFLICT)
		fprintf(stderr, "%s\n", hane_msg(HANE_M_CLI_CONFLICT_HINT));
	return rc == HANE_EUSAGE ? HANE_EXIT_USAGE : HANE_EXIT_ERROR;
}

int hane_cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("hane: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, hane_msg(HANE_M_CLI_HINT), cmd ? cmd : "");
	fputc('\n', stderr);
	return HANE_EXIT_USAGE;
}

int hane_cli_int(const char *cmd, const char *opt, const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = s ? strtoll(s, &end, 10) : 0;
	if (!s || !*s || *end || errno) {
		hane_cli_usage(cmd, hane_msg(HANE_M_CLI_NOT_NUMBER), opt,
			       s ? s : "");
		return HANE_EUSAGE;
	}
	*out = v;
	return 0;
}

void hane_opts_init(struct hane_opts *o, int argc, char **argv,
		    const char *const *flags)
{
	memset(o, 0, sizeof *o);
	o->argc = argc;
	o->argv = argv;
	o->i = 1;
	o->cmd = argv[0];
	o->flags = flags;
}

static bool is_flag(const struct hane_opts *o, const char *name, size_t len)
{
	for (const char *const *f = o->flags; f && *f; f++)
		if (strlen(*f) == len && strncmp(*f, name, len) == 0)
			return true;
	return false;
}

const char *hane_opts_next(struct hane_opts *o, const char **value)
{
	static char name[64];

	*value = NULL;
	while (o->i < o->argc) {
		char *a = o->argv[o->i++];
		const char *eq;
		size_t len;

		if (strcmp(a, "--") == 0) {
			while (o->i < o->argc && o->npos < 16)
				o->pos[o->npos++] = o->argv[o->i++];
			return NULL;
		}
		if (strncmp(a, "--", 2) != 0 || a[2] == '\0') {
			if (o->npos < 16)
				o->pos[o->npos++] = a;
			else
				o->error = 1;
			continue;
		}
		a += 2;
		eq = strchr(a, '=');
		len = eq ? (size_t)(eq - a) : strlen(a);
		if (len >= sizeof name)
			len = sizeof name - 1;
		memcpy(name, a, len);
		name[len] = '\0';
		if (eq) {
			*value = eq + 1;
		} else if (!is_flag(o, a, len)) {
			if (o->i >= o->argc) {
				hane_cli_usage(o->cmd,
					       hane_msg(HANE_M_CLI_MISSING_VALUE),
					       o->argv[o->i - 1]);
				o->error = 1;
				return NULL;
			}
			*value = o->argv[o->i++];
		}
		return name;
	}
	return NULL;
}

static char *default_db_path(void)
{
	static char path[4096];
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/hane/hane.db", xdg);
	else
		snprintf(path, sizeof path, "%s/.local/share/hane/hane.db",
			 home && *home ? home : ".");
	return path;
}

/* mkdir -p of the folder that holds path. */
static void make_parent(const char *path)
{
	char dir[4096];

	snprintf(dir, sizeof dir, "%s", path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(dir, 0700);
		*p = '/';
	}
}

int hane_cli_open(struct hane_cli *cli, unsigned flags)
{
	struct stat sb;
	bool fresh = stat(cli->db_path, &sb) != 0;
	int rc;

	if (cli->db)
		return 0;
	if (cli->db_is_default) {
		flags |= HANE_OPEN_CREATE;
		make_parent(cli->db_path);
	}
	rc = hane_store_open(&cli->db, cli->db_path, flags);
	if (rc)
		return hane_cli_fail(rc);
	/* A default database made just now gets its first administrator, as
	 * `hane init` would: scripts/run opens the console straight away. */
	if (fresh && cli->db_is_default) {
		bool created;

		rc = hane_staff_bootstrap(cli->db, &created);
		if (rc)
			return hane_cli_fail(rc);
	}
	rc = hane_store_set_actor(cli->db, cli->user);
	/* An unknown user may still open the database: every model function
	 * refuses it with the message that says how to get added. */
	if (rc && rc != HANE_ENOUSER)
		return hane_cli_fail(rc);
	return 0;
}

/* ---- main --------------------------------------------------------------- */

static void usage(FILE *out)
{
	fputs(hane_msg(HANE_M_CLI_USAGE), out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name,
			hane_msg(commands[i].summary));
	fprintf(out, hane_msg(HANE_M_CLI_USAGE_TAIL), default_db_path());
}

static int set_lang(const char *s)
{
	int l = hane_lang_parse(s);

	if (l < 0) {
		hane_cli_usage("", hane_msg(HANE_M_CLI_BAD_LANG), s);
		return -1;
	}
	hane_lang_set((enum hane_lang)l);
	return 0;
}

int main(int argc, char **argv)
{
	struct hane_cli cli = {0};
	const char *env;
	int i, rc;

	/* Text is UTF-8 whatever the locale; the console sets its own. */
	setlocale(LC_CTYPE, "");
	env = getenv("HANE_LANG");
	if (env && *env && hane_lang_parse(env) >= 0)
		hane_lang_set((enum hane_lang)hane_lang_parse(env));
	env = getenv("HANE_DB");
	if (env && *env)
		cli.db_path = env;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = NULL;

		if (strncmp(a, "--", 2) != 0)
			break;
		if (strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(a, "--version") == 0) {
			printf("hane %s (schema %d)\n", HANE_VERSION,
			       hane_store_schema_latest());
			return 0;
		}
		if (strchr(a, '=')) {
			v = strchr(a, '=') + 1;
		} else if (strcmp(a, "--db") == 0 || strcmp(a, "--lang") == 0 ||
			   strcmp(a, "--user") == 0) {
			if (i + 1 >= argc)
				return hane_cli_usage(
					"", hane_msg(HANE_M_CLI_MISSING_VALUE), a);
			v = argv[++i];
		}
		if (strncmp(a, "--db", 4) == 0 && v) {
			cli.db_path = v;
		} else if (strncmp(a, "--lang", 6) == 0 && v) {
			if (set_lang(v))
				return HANE_EXIT_USAGE;
		} else if (strncmp(a, "--user", 6) == 0 && v) {
			cli.user = v;
		} else {
			return hane_cli_usage("", hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      a);
		}
	}
	if (!cli.db_path) {
		cli.db_path = default_db_path();
		cli.db_is_default = true;
	}
	if (i < argc && strcmp(argv[i], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (i >= argc) {
		struct hane_ui_options opt = {0};
		const char *base = strrchr(cli.db_path, '/');

		if ((rc = hane_cli_open(&cli, 0)) != 0)
			return rc;
		opt.db_label = base ? base + 1 : cli.db_path;
		rc = hane_ui_main(cli.db, &opt);
		hane_store_close(cli.db);
		return rc;
	}
	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
		if (strcmp(argv[i], commands[c].name) == 0) {
			rc = commands[c].run(&cli, argc - i, argv + i);
			hane_store_close(cli.db);
			return rc;
		}
	}
	return hane_cli_usage("", hane_msg(HANE_M_CLI_UNKNOWN_CMD), argv[i]);
}
