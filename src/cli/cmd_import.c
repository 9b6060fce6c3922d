/* hane import households FILE: a household list from CSV into the
 * registry (all good rows or none), with a rejects file, a dry run, a
 * progress bar on a terminal and a summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/households_csv.h"

/* Rejected rows printed on a real run; the rest are in the file. */
#define SHOW_REJECTS 10

struct ui {
	bool dry_run;
	bool tty;
	int64_t shown;
	struct timespec start, last;
};

static double since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	       (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void on_notice(const char *msg, void *arg)
{
	(void)arg;
	fprintf(stderr, hane_msg(HANE_M_CLI_WARNING), msg);
}

static void on_reject(long line, const char *reason, void *arg)
{
	struct ui *u = arg;

	if (!u->dry_run && u->shown >= SHOW_REJECTS) {
		u->shown++;
		return;
	}
	u->shown++;
	if (u->tty)
		fputs("\r\033[K", hane_cli_term());
	printf(hane_msg(HANE_M_CLI_IMPORT_REJECT_LINE), line, reason);
	fflush(stdout);
}

/* Rows done, rows per second and time left from the share of bytes read;
 * at most five redraws a second. */
static bool on_progress(const struct hane_import_counts *c, void *arg)
{
	struct ui *u = arg;
	struct timespec now;
	double t, rate, left = 0;

	if (!u->tty)
		return true;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (since(&u->last, &now) < 0.2 && c->offset != c->size)
		return true;
	u->last = now;
	t = since(&u->start, &now);
	rate = t > 0 ? (double)c->rows / t : 0;
	if (c->size > 0 && c->offset > 0)
		left = t * (double)(c->size - c->offset) / (double)c->offset;
	fprintf(hane_cli_term(), hane_msg(HANE_M_IMP_PROGRESS),
		(long long)c->rows, (long long)rate, (int)(left / 60),
		(int)left % 60);
	fflush(hane_cli_term());
	return true;
}

char *hane_cli_default_rejects(const char *path)
{
	size_t n = strlen(path);
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	char *out = malloc(n + 16);

	if (!out)
		return NULL;
	if (!dot || (slash && dot < slash))
		dot = path + n;
	snprintf(out, n + 16, "%.*s-hatalar%s", (int)(dot - path), path,
		 *dot ? dot : ".csv");
	return out;
}

static const char *delim_name(char d)
{
	return d == '\t' ? "tab" : d == ';' ? "';'" : "','";
}

/* hane import's options: the import's own, and up to 16 --map values. */
struct import_opts {
	struct hane_import_opts io;
	const char *maps[16];
	int nmap;
};

static int opt_on_duplicate(void *opts, const char *value)
{
	struct import_opts *o = opts;
	int d = hane_on_duplicate_parse(value);

	if (d < 0)
		return hane_cli_usage(
			"import", hane_msg(HANE_M_CLI_IMPORT_BAD_DUP), value);
	o->io.on_duplicate = (enum hane_on_duplicate)d;
	return 0;
}

static int opt_map(void *opts, const char *value)
{
	struct import_opts *o = opts;

	if (o->nmap == 16)
		return hane_cli_usage("import", hane_msg(HANE_M_IMP_MAP_BAD),
				      value);
	o->maps[o->nmap++] = value;
	return 0;
}

#define S struct import_opts
static const struct hane_opt import_opts[] = {
	HANE_OPT(S, "rejects", io.rejects, HANE_FT_TEXT, HANE_OPT_ARGV,
		 HANE_M_OPT_IMPORT_REJECTS),
	HANE_OPT_CB("on-duplicate", HANE_FT_TEXT, 0, opt_on_duplicate,
		    HANE_M_OPT_IMPORT_ON_DUPLICATE),
	HANE_OPT(S, "dry-run", io.dry_run, HANE_FT_BOOL, HANE_OPT_SWITCH,
		 HANE_M_OPT_IMPORT_DRY_RUN),
	HANE_OPT_CSV_ROWS(S, io.csv),
	HANE_OPT_CB("map", HANE_FT_TEXT, 0, opt_map, HANE_M_OPT_IMPORT_MAP),
	{0}};
#undef S

static const struct hane_cmd import_cmd = {"import", HANE_M_CMD_IMPORT,
					   import_opts, NULL};

/* --help: the usage from the table, then the fields --map binds to. */
static void usage(void)
{
	const char *const *f = hane_households_csv_fields();
	char list[512] = "";

	hane_opt_usage(stdout, NULL, &import_cmd);
	for (; *f; f++) {
		size_t l = strlen(list);

		snprintf(list + l, sizeof list - l, "%s%s", l ? ", " : "", *f);
	}
	printf(hane_msg(HANE_M_CLI_IMPORT_FIELDS), list);
}

/* What the import did, and the exit status for it. */
static int import_result(const struct hane_import_counts *c,
			 const struct hane_import_opts *io, const struct ui *u,
			 const char *path)
{
	int status;

	printf(hane_msg(HANE_M_CLI_IMPORT_FILE), path,
	       hane_csv_encoding_name(c->encoding), delim_name(c->delimiter));
	if (u->shown > SHOW_REJECTS && !io->dry_run)
		printf(hane_msg(HANE_M_CLI_IMPORT_MORE),
		       (long long)(u->shown - SHOW_REJECTS));
	printf(hane_msg(HANE_M_CLI_IMPORT_SUMMARY), (long long)c->rows,
	       (long long)c->created, (long long)c->households,
	       (long long)c->updated, (long long)c->unchanged,
	       (long long)c->rejected);
	if (io->dry_run)
		fputs(hane_msg(HANE_M_CLI_IMPORT_DRY), stdout);
	else if (c->rejected && io->rejects)
		printf(hane_msg(HANE_M_CLI_IMPORT_REJECTS), io->rejects);
	if (!c->rejected)
		status = HANE_EXIT_OK;
	else if (c->created + c->updated + c->unchanged > 0)
		status = HANE_EXIT_PARTIAL;
	else {
		if (!io->dry_run)
			fputs(hane_msg(HANE_M_CLI_IMPORT_NOTHING), stderr);
		status = HANE_EXIT_ERROR;
	}
	return status;
}

int hane_cmd_import(struct hane_cli *cli, int argc, char **argv)
{
	struct import_opts o = {0};
	struct hane_import_opts *io = &o.io;
	struct hane_import_counts c;
	struct hane_args a;
	struct ui u = {0};
	char *rejects = NULL;
	int rc, status;

	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--help")) {
			usage();
			return HANE_EXIT_OK;
		}
	if ((rc = hane_opt_parse(NULL, &import_cmd, argc, argv, &o, &a)) >= 0)
		return rc;
	if (a.npos < 1 || strcmp(a.pos[0], "households"))
		return hane_cli_usage("import", "%s",
				      hane_msg(HANE_M_CLI_IMPORT_WHAT));
	if (a.npos < 2)
		return hane_cli_usage("import", "%s",
				      hane_msg(HANE_M_CLI_IMPORT_NEED_FILE));
	if (a.npos > 2)
		return hane_cli_usage("import", hane_msg(HANE_M_CLI_TOO_MANY),
				      a.pos[2]);
	if (!io->rejects && strcmp(a.pos[1], "-")) {
		rejects = hane_cli_default_rejects(a.pos[1]);
		io->rejects = rejects;
	}
	io->map = o.maps;
	io->nmap = o.nmap;
	u.dry_run = io->dry_run;
	u.tty = isatty(2);
	clock_gettime(CLOCK_MONOTONIC, &u.start);
	io->notice = on_notice;
	io->reject = on_reject;
	io->progress = on_progress;
	io->arg = &u;

	if ((rc = hane_cli_open(cli, 0)) != 0) {
		free(rejects);
		return rc;
	}
	rc = hane_households_import(cli->db, a.pos[1], io, &c);
	if (u.tty)
		fputs("\r\033[K", hane_cli_term());
	if (rc) {
		free(rejects);
		return hane_cli_fail(rc);
	}
	status = import_result(&c, io, &u, a.pos[1]);
	free(rejects);
	return status;
}
