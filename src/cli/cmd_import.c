/* hane import households FILE: a household list from CSV into the
 * registry (all good rows or none), with a rejects file, a dry run, a
 * progress bar on a terminal and a summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
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

/* FILE.csv → FILE-hatalar.csv, next to the input. */
static char *default_rejects(const char *path)
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

/* One option of hane import into io (maps: up to 16 --map values);
 * 0, or the exit status after printing the error. */
static int import_option(struct hane_import_opts *io, const char **maps,
			 int *nmap, const char *name, const char *value)
{
	if (!strcmp(name, "dry-run")) {
		io->dry_run = true;
	} else if (!strcmp(name, "rejects")) {
		io->rejects = value;
	} else if (!strcmp(name, "on-duplicate")) {
		int d = hane_on_duplicate_parse(value);

		if (d < 0)
			return hane_cli_usage(
				"import", hane_msg(HANE_M_CLI_IMPORT_BAD_DUP),
				value);
		io->on_duplicate = (enum hane_on_duplicate)d;
	} else if (!strcmp(name, "encoding")) {
		int e = hane_csv_encoding_parse(value);

		if (e < 0)
			return hane_cli_usage("import",
					      hane_msg(HANE_M_CSV_ENC_UNKNOWN),
					      value);
		io->csv.encoding = (enum hane_csv_encoding)e;
	} else if (!strcmp(name, "delimiter")) {
		if (!strcmp(value, ";") || !strcmp(value, ","))
			io->csv.delimiter = value[0];
		else if (!strcmp(value, "tab") || !strcmp(value, "\t"))
			io->csv.delimiter = '\t';
		else
			return hane_cli_usage(
				"import", hane_msg(HANE_M_CLI_IMPORT_BAD_DELIM),
				value);
	} else if (!strcmp(name, "map")) {
		if (*nmap == 16)
			return hane_cli_usage(
				"import", hane_msg(HANE_M_IMP_MAP_BAD), value);
		maps[(*nmap)++] = value;
	} else {
		return hane_cli_usage("import",
				      hane_msg(HANE_M_CLI_UNKNOWN_OPT), name);
	}
	return 0;
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
	static const char *const flags[] = {"help", "dry-run", NULL};
	struct hane_import_opts io = {0};
	struct hane_import_counts c;
	struct ui u = {0};
	struct hane_opts o;
	const char *name, *value, *maps[16];
	char *rejects = NULL;
	int nmap = 0, rc, status;

	hane_opts_init(&o, argc, argv, flags);
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (!strcmp(name, "help")) {
			const char *const *f = hane_households_csv_fields();
			char list[512] = "";

			for (; *f; f++) {
				size_t l = strlen(list);

				snprintf(list + l, sizeof list - l, "%s%s",
					 l ? ", " : "", *f);
			}
			printf(hane_msg(HANE_M_CLI_IMPORT_HELP), list);
			return HANE_EXIT_OK;
		} else if ((rc = import_option(&io, maps, &nmap, name,
					       value)) != 0) {
			return rc;
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos < 1 || strcmp(o.pos[0], "households"))
		return hane_cli_usage("import", "%s",
				      hane_msg(HANE_M_CLI_IMPORT_WHAT));
	if (o.npos < 2)
		return hane_cli_usage("import", "%s",
				      hane_msg(HANE_M_CLI_IMPORT_NEED_FILE));
	if (o.npos > 2)
		return hane_cli_usage("import", hane_msg(HANE_M_CLI_TOO_MANY),
				      o.pos[2]);
	if (!io.rejects && strcmp(o.pos[1], "-")) {
		rejects = default_rejects(o.pos[1]);
		io.rejects = rejects;
	}
	io.map = maps;
	io.nmap = nmap;
	u.dry_run = io.dry_run;
	u.tty = isatty(2);
	clock_gettime(CLOCK_MONOTONIC, &u.start);
	io.notice = on_notice;
	io.reject = on_reject;
	io.progress = on_progress;
	io.arg = &u;

	if ((rc = hane_cli_open(cli, 0)) != 0) {
		free(rejects);
		return rc;
	}
	rc = hane_households_import(cli->db, o.pos[1], &io, &c);
	if (u.tty)
		fputs("\r\033[K", hane_cli_term());
	if (rc) {
		free(rejects);
		return hane_cli_fail(rc);
	}
	status = import_result(&c, &io, &u, o.pos[1]);
	free(rejects);
	return status;
}
