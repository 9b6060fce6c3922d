/* hane: the entry point. Global options, then a subcommand or the console.
 *
 * The CLI follows the same model functions as the console, so the rules
 * are the same; it only parses arguments and prints.
 *
 * Login happens in hane_cli_open(): the staff member mapped to the OS
 * account enters directly (peer login); `--user NAME` asks for NAME's
 * password unless hane runs as the OS superuser (who can read the file
 * anyway) or as the OS account mapped to NAME. Scripts give the password
 * with --password-file FILE (its first line) or $HANE_PASSWORD;
 * HANE_LOGIN=password turns the superuser and peer exceptions off (the
 * tests use it to act as an ordinary user).
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_security.h"
#include "cli/opt.h"
#include "hane/core.h"
#include "hane/files.h"
#include "hane/security.h"
#include "hane/staff.h"
#include "hane/ui.h"

static const char *password_file; /* --password-file */
bool hane_cli_force;		  /* --force, given to any subcommand */

static const struct {
	const char *name;
	int (*run)(struct hane_cli *cli, int argc, char **argv);
	enum hane_msg summary;
	const struct hane_cmd *subs; /* a unit's subcommands, or NULL */
	const size_t *nsubs;
} commands[] = {
#define HANE_CMD(name, summary) {#name, hane_cmd_##name, summary, NULL, NULL},
#define HANE_UNIT(name, summary)                                               \
	{#name, hane_cmd_##name, summary, hane_cli_##name##_cmds,              \
	 &hane_cli_##name##_ncmds},
#include "cli/commands.def"
#undef HANE_UNIT
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
	if (cmd && *cmd)
		fprintf(stderr, hane_msg(HANE_M_CLI_HINT), cmd);
	else
		fputs(hane_msg(HANE_M_CLI_HINT_TOP), stderr);
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

void hane_cli_short_output(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-o"))
			argv[i] = "--output";
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
		if (!eq && !strcmp(name, "force")) {
			/* Every command that writes a file takes it: the one
			 * place that opens files (hane/files.h) reads it. */
			hane_cli_force = true;
			continue;
		}
		if (eq) {
			*value = eq + 1;
		} else if (!is_flag(o, a, len)) {
			if (o->i >= o->argc) {
				hane_cli_usage(
					o->cmd,
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

	HANE_COPY(dir, path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(dir, 0700);
		*p = '/';
	}
}

/* Creates a new database file with the mode hane wants (0600, or 0660 in
 * a set-group-ID folder) before SQLite sees it: SQLite would create it
 * 0644 less the umask, and gives the -wal and -shm files the mode of the
 * database file. */
static int create_db_file(const char *path)
{
	unsigned mode = hane_file_mode_for(path);
	int fd = open(path, /* files.h: the database */
		      O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		      mode);

	if (fd < 0)
		return errno == EEXIST ? 0 : -1;
	if (fchmod(fd, mode) != 0) {
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* Reads one line from fd into buf without its newline; false at EOF. */
static bool read_line(int fd, char *buf, size_t n)
{
	size_t k = 0;
	char c;
	ssize_t got;

	while ((got = read(fd, &c, 1)) == 1 || (got < 0 && errno == EINTR)) {
		if (got < 0)
			continue;
		if (c == '\n')
			break;
		if (k + 1 < n)
			buf[k++] = c;
	}
	buf[k] = '\0';
	if (k && buf[k - 1] == '\r')
		buf[--k] = '\0';
	return got == 1 || k > 0;
}

/* Asks on the terminal (not stdin: it may carry a CSV) with prompt; no
 * echo when secret. False when there is no terminal. */
static bool ask_tty(const char *prompt, char *buf, size_t n, bool secret)
{
	struct termios old, quiet;
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC); /* files.h: terminal */
	bool ok, restore = false;

	if (fd < 0)
		return false;
	if (write(fd, prompt, strlen(prompt)) < 0) {
		close(fd);
		return false;
	}
	if (secret && tcgetattr(fd, &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		quiet.c_lflag |= ICANON;
		restore = tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
	}
	ok = read_line(fd, buf, n);
	if (restore) {
		tcsetattr(fd, TCSAFLUSH, &old);
		/* The Enter typed was not echoed. */
		if (write(fd, "\n", 1) < 0)
			restore = false;
	}
	close(fd);
	return ok;
}

int hane_cli_password(const char *prompt, char *buf, size_t n)
{
	const char *env = getenv("HANE_PASSWORD");

	if (password_file) {
		int fd, rc = hane_file_open_read(&fd, password_file,
						 HANE_FILE_BEFORE_LOGIN);
		bool ok;

		if (rc)
			return rc;
		ok = read_line(fd, buf, n);
		close(fd);
		return ok ? 0 : HANE_EINVAL;
	}
	if (env) {
		snprintf(buf, n, "%s", env);
		return 0;
	}
	if (ask_tty(prompt, buf, n, true))
		return 0;
	hane_error_set("%s", hane_msg(HANE_M_SEC_NEED_PASSWORD));
	return HANE_EPERM;
}

static int login_with_password(struct hane_cli *cli, const char *user)
{
	char prompt[160], pw[256];
	int rc;

	snprintf(prompt, sizeof prompt, hane_msg(HANE_M_SEC_PROMPT_PASSWORD),
		 user);
	rc = hane_cli_password(prompt, pw, sizeof pw);
	if (rc == 0)
		rc = hane_login_password(cli->db, user, pw);
	explicit_bzero(pw, sizeof pw);
	return rc;
}

/* Who is this? See the comment at the top of the file. */
static int login(struct hane_cli *cli)
{
	const char *mode = getenv("HANE_LOGIN");
	bool strict = mode && strcmp(mode, "password") == 0;
	bool root = geteuid() == 0 && !strict;
	char name[64];
	int rc;

	if (cli->user) {
		if (root ||
		    (!strict && hane_login_os_mapped(cli->db, cli->user))) {
			rc = hane_login_trusted(cli->db, cli->user, !root);
			/* Root acting as someone: a login row under their
			 * name; every row also names root (audit.os_user). */
			if (rc == 0 && root &&
			    hane_store_actor(cli->db)->staff_id)
				rc = hane_store_audit_event(
					cli->db, "login", "staff",
					hane_store_actor(cli->db)->staff_id,
					"{\"method\":\"root\"}");
			/* An unknown name opens the database; every model
			 * function then refuses it and says how to get added.
			 */
			return rc == HANE_ENOUSER ? 0 : rc;
		}
		return login_with_password(cli, cli->user);
	}
	if (root) {
		/* The superuser can edit the file anyway: refusing a dormant
		 * or locked root account would only push them to the sqlite3
		 * tool, past the audit trail. */
		rc = hane_store_set_actor(cli->db, NULL);
		if (rc == 0) {
			HANE_COPY(name, hane_store_actor(cli->db)->username);
			rc = hane_login_trusted(cli->db, name, false);
		}
	} else {
		rc = strict ? HANE_ENOUSER : hane_login_peer(cli->db);
	}
	if (rc != HANE_ENOUSER)
		return rc;
	/* Not mapped: username and password, when someone is at a
	 * terminal; otherwise an unknown user, refused with the hint. */
	if (root ||
	    !ask_tty(hane_msg(HANE_M_SEC_PROMPT_USER), name, sizeof name,
		     false) ||
	    !name[0])
		return 0;
	return login_with_password(cli, name);
}

int hane_cli_open(struct hane_cli *cli, unsigned flags)
{
	struct stat sb;
	bool fresh = stat(cli->db_path, &sb) != 0;
	int rc;

	if (cli->db)
		return 0;
	/* In a shared install the database is made by root alone
	 * (scripts/install-shared): nobody else becomes its first
	 * administrator by being first. */
	if (fresh && cli->shared && getuid() != 0) {
		hane_error_set(hane_msg(HANE_M_FILE_NOT_SET_UP), cli->db_path);
		return hane_cli_fail(HANE_EPERM);
	}
	if (cli->db_is_default) {
		flags |= HANE_OPEN_CREATE;
		make_parent(cli->db_path);
	}
	if (fresh && (flags & HANE_OPEN_CREATE) &&
	    strcmp(cli->db_path, ":memory:") != 0 &&
	    create_db_file(cli->db_path) != 0) {
		hane_error_set(hane_msg(HANE_M_DB_OPEN), cli->db_path,
			       strerror(errno));
		return hane_cli_fail(HANE_EIO);
	}
	rc = hane_store_open(&cli->db, cli->db_path, flags);
	if (rc) {
		/* Do not leave the empty file made above behind. */
		if (fresh && (flags & HANE_OPEN_CREATE) &&
		    stat(cli->db_path, &sb) == 0 && sb.st_size == 0)
			unlink(cli->db_path); /* files.h: the database */
		return hane_cli_fail(rc);
	}
	/* A default database made just now gets its first administrator, as
	 * `hane init` would: scripts/run opens the console straight away. */
	if (fresh && cli->db_is_default) {
		bool created;

		rc = hane_staff_bootstrap(cli->db, NULL, &created);
		if (rc)
			return hane_cli_fail(rc);
	}
	rc = login(cli);
	if (rc) {
		hane_cli_fail(rc);
		hane_store_close(cli->db);
		cli->db = NULL;
		return HANE_EXIT_ERROR;
	}
	hane_cli_gate(cli);
	return 0;
}

void hane_cli_gate(struct hane_cli *cli)
{
	const struct hane_actor *who =
		cli->db ? hane_store_actor(cli->db) : NULL;
	char why[512];

	/* An unknown user opens the database (the model then refuses each
	 * thing with the hint to get added) but no file. */
	if (who && who->staff_id) {
		hane_files_gate_open();
		return;
	}
	snprintf(why, sizeof why, hane_msg(HANE_M_UNKNOWN_USER),
		 who ? who->username : "", who ? who->username : "");
	hane_files_gate_close(why);
}

int hane_cli_output(const char *path, FILE **fp)
{
	int rc;

	if (!path || !strcmp(path, "-")) {
		*fp = stdout;
		return 0;
	}
	rc = hane_file_create_fp(fp, path,
				 hane_cli_force ? HANE_FILE_FORCE : 0);
	return rc ? hane_cli_fail(rc) : 0;
}

#if defined(__SANITIZE_ADDRESS__)
/* The sanitizer build only: LeakSanitizer cannot inspect a set-group-ID
 * process (the kernel makes it non-dumpable, and its environment, with
 * ASAN_OPTIONS, unreadable), so there it would fail every run. The same
 * code is leak-checked when not installed set-group-ID. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return getauxval(AT_SECURE) ? "detect_leaks=0" : "";
}
#endif

/* ---- main --------------------------------------------------------------- */

/* "  name       summary: sub, sub, …" — a unit's subcommands from its
 * table, so that the list cannot drift from what runs; folded at a
 * word before the 80th column, the rest under the summary. */
static void usage_line(FILE *out, size_t i)
{
	enum { INDENT = 13, WIDTH = 79 };
	const char *summary = hane_msg(commands[i].summary);
	size_t n = commands[i].subs ? *commands[i].nsubs : 0;
	int col = INDENT + hane_text_width(summary);

	fprintf(out, "  %-10s %s", commands[i].name, summary);
	for (size_t k = 0; k < n; k++) {
		const char *sub = commands[i].subs[k].name;
		int w = (int)strlen(sub) + (k + 1 < n); /* and its comma */

		fputc(k ? ',' : ':', out);
		col++;
		if (col + 1 + w > WIDTH) {
			fprintf(out, "\n%*s", INDENT, "");
			col = INDENT;
		} else {
			fputc(' ', out);
			col++;
		}
		fputs(sub, out);
		col += (int)strlen(sub);
	}
	fputc('\n', out);
}

static void usage(FILE *out)
{
	fputs(hane_msg(HANE_M_CLI_USAGE), out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		usage_line(out, i);
	fprintf(out, hane_msg(HANE_M_CLI_USAGE_TAIL), default_db_path());
	fputs(hane_msg(HANE_M_SEC_USAGE_LOGIN), out);
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

/* The options before the command, matched exactly: "--dbx=F" is refused,
 * not taken for --db (#18). Sets *next to the first argument after them;
 * returns -1 to go on, or the exit status (--help, --version, an error). */
static int global_options(struct hane_cli *cli, int argc, char **argv,
			  int *next)
{
	static const char *const takes_value[] = {"db", "lang", "user",
						  "password-file"};
	int i;

	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		const char *a = argv[i] + 2, *eq = strchr(a, '='), *v = NULL;
		size_t len = eq ? (size_t)(eq - a) : strlen(a);
		int k = -1;

		for (int j = 0; j < 4; j++)
			if (strlen(takes_value[j]) == len &&
			    strncmp(a, takes_value[j], len) == 0)
				k = j;
		if (k < 0 && !eq && !strcmp(a, "help")) {
			usage(stdout);
			return 0;
		}
		if (k < 0 && !eq && !strcmp(a, "version")) {
			printf("hane %s (schema %d)\n", HANE_VERSION,
			       hane_store_schema_latest());
			return 0;
		}
		if (k < 0) {
			hane_cli_usage(NULL,
				       hane_msg(HANE_M_CLI_UNKNOWN_GLOBAL),
				       argv[i]);
			return HANE_EXIT_USAGE;
		}
		if (eq)
			v = eq + 1;
		else if (i + 1 < argc)
			v = argv[++i];
		else
			return hane_cli_usage(
				NULL, hane_msg(HANE_M_CLI_MISSING_VALUE),
				argv[i]);
		if (k == 0)
			cli->db_path = v;
		else if (k == 1 && set_lang(v))
			return HANE_EXIT_USAGE;
		else if (k == 2)
			cli->user = v;
		else if (k == 3)
			password_file = v;
	}
	*next = i;
	return -1;
}

/* Set-group-ID: the database comes from root's configuration and nowhere
 * else (hane/files.h). 0, or the exit status. */
static int shared_database(struct hane_cli *cli)
{
	const struct hane_shared_config *cf;

	if (hane_shared_config(&cf) != 0) {
		fprintf(stderr, "hane: %s\n", hane_error_last());
		return HANE_EXIT_ERROR;
	}
	if (cli->db_path && strcmp(cli->db_path, cf->database) != 0) {
		fputs("hane: ", stderr);
		fprintf(stderr, hane_msg(HANE_M_FILE_DB_FIXED), cf->path,
			cli->db_path);
		fputc('\n', stderr);
		return HANE_EXIT_USAGE;
	}
	cli->db_path = cf->database;
	cli->shared = true;
	/* SQLite's temporary files (sorts) stay in the data folder,
	 * not in a /tmp the user could watch. */
	if (hane_store_temp_dir(cf->data) != 0)
		return HANE_EXIT_ERROR;
	return 0;
}

int main(int argc, char **argv)
{
	struct hane_cli cli = {0};
	const char *env;
	int i = 1, rc;

	/* Before anything else: the ids hane started with, and no file
	 * opened until someone has logged in (hane/files.h). */
	hane_files_init();
	hane_files_gate_close(NULL);

	/* Text is UTF-8 whatever the locale; the console sets its own. */
	setlocale(LC_CTYPE, "");
	/* Everything hane writes holds personal data: no file for others,
	 * whatever the caller's umask (the database's group mode is set
	 * explicitly in a shared install). */
	umask(077);
	/* Installed setgid for a shared database, the caller must not move
	 * the clock (lock-outs, audit times) or weaken password hashes. */
	if (getauxval(AT_SECURE)) {
		unsetenv("HANE_NOW");
		unsetenv("HANE_PWHASH_FAST");
	}
	env = getenv("HANE_LANG");
	if (env && *env && hane_lang_parse(env) >= 0)
		hane_lang_set((enum hane_lang)hane_lang_parse(env));
	env = getenv("HANE_DB");
	if (env && *env)
		cli.db_path = env;
	if ((rc = global_options(&cli, argc, argv, &i)) >= 0)
		return rc;
	if (hane_files_privileged() && (rc = shared_database(&cli)) != 0)
		return rc;
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
			hane_cli_guard_output();
			if ((rc = hane_cli_check_args(argc - i, argv + i)) != 0)
				return rc;
			rc = commands[c].run(&cli, argc - i, argv + i);
			hane_store_close(cli.db);
			return rc;
		}
	}
	return hane_cli_usage("", hane_msg(HANE_M_CLI_UNKNOWN_CMD), argv[i]);
}
