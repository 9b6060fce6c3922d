/* The command line: shared state and helpers of the subcommands.
 *
 * Each subcommand lives in src/cli/cmd_<name>.c as
 *   int hane_cmd_<name>(struct hane_cli *cli, int argc, char **argv)
 * with argv[0] the subcommand's name, and is listed once in
 * src/cli/commands.def. It returns the process exit status:
 * 0 ok, 1 error, 2 usage, 3 done with some rows rejected.
 */
#ifndef HANE_CLI_H
#define HANE_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdio.h>

#include "hane/error.h"
#include "hane/i18n.h"
#include "hane/store.h"

enum {
	HANE_EXIT_OK = 0,
	HANE_EXIT_ERROR = 1,
	HANE_EXIT_USAGE = 2,
	HANE_EXIT_PARTIAL = 3
};

struct hane_cli {
	const char *db_path; /* --db, $HANE_DB, or the default path */
	bool db_is_default;  /* created on demand when missing */
	const char *user;    /* --user; NULL: the OS login */
	bool shared;	     /* set-group-ID: the database is the config's */
	hane_db *db;	     /* opened by hane_cli_open() */
};

/* --force was given (to any subcommand): hane_cli_output() may replace
 * an existing regular file of the user's own. */
extern bool hane_cli_force;

/* Opens an output file the user named (-o, --output, --csv) through
 * hane/files.h: with the user's own ids, created new and 0600, or
 * replaced with --force; NULL or "-" is stdout. Call only after
 * hane_cli_open(). 0, or the exit status after printing the error. */
int hane_cli_output(const char *path, FILE **fp);

/* Opens or closes the file gate (hane/files.h) by who is logged in on
 * cli->db: files open only for a known staff member. */
void hane_cli_gate(struct hane_cli *cli);

/* Opens cli->db_path (migrating it) and sets the actor. A missing file is
 * created only with HANE_OPEN_CREATE or when it is the default path.
 * Prints the error and returns non-zero on failure. */
int hane_cli_open(struct hane_cli *cli, unsigned flags);

/* Prints "hane: <kind>: <detail>" to stderr for rc; returns the exit status
 * for it (HANE_EXIT_USAGE for HANE_EUSAGE, else HANE_EXIT_ERROR). */
int hane_cli_fail(int rc);

/* Prints "hane: " + message + "\n" + "(hane CMD --help)" hint to stderr;
 * returns HANE_EXIT_USAGE. */
int hane_cli_usage(const char *cmd, const char *fmt, ...) HANE_PRINTF(2, 3);

/* Option parsing for subcommands: long options only, "--name value" or
 * "--name=value". hane_opt_next() returns the next option's name (without
 * "--") and sets *value (NULL for a flag without a value when wants_value
 * says it takes none), or NULL at the end of options; positional
 * arguments are collected into pos[] (up to max_pos; *npos counts them). */
struct hane_opts {
	int argc;
	char **argv;
	int i;
	const char *pos[16];
	int npos;
	const char *cmd;
	const char *const *flags; /* NULL-terminated names that take no value */
	int error;		  /* set when an option lacks its value */
};
void hane_opts_init(struct hane_opts *o, int argc, char **argv,
		    const char *const *flags);
const char *hane_opts_next(struct hane_opts *o, const char **value);

/* "-o FILE", the one short option of the commands that write a file, is
 * --output FILE: rewrites argv in place. */
void hane_cli_short_output(int argc, char **argv);

/* Parses a whole number option; prints a usage error and returns
 * HANE_EUSAGE when it is not one. */
int hane_cli_int(const char *cmd, const char *opt, const char *s, int64_t *out);

/* src/cli/guard.c. Refuses the first argument holding a control character
 * (hane_text_check, naming its option); prints the error and returns the
 * exit status, or 0. */
int hane_cli_check_args(int argc, char **argv);

/* Copies option --opt's value v into dst of dstsz bytes; a value that does
 * not fit is refused ("--first: en çok 95 karakter"), never cut. Prints
 * the error and returns the exit status, or 0. */
int hane_cli_copy(char *dst, size_t dstsz, const char *opt, const char *v);

/* An import's rejects file when none is named: FILE.csv → FILE-hatalar.csv
 * next to the input (the household import's rule, which every import of
 * the command line follows). Malloc'd (the caller frees), NULL when out of
 * memory. */
char *hane_cli_default_rejects(const char *path);

/* hane_cli_copy into an array, returning the exit status from the calling
 * function when the value does not fit. */
#define HANE_CLI_COPY(dst, opt, v)                                             \
	do {                                                                   \
		int copy_rc_ = hane_cli_copy((dst), sizeof(dst), (opt), (v));  \
		if (copy_rc_ != 0)                                             \
			return copy_rc_;                                       \
	} while (0)

/* Replaces stdout and stderr by streams that escape every control
 * character (hane_text_escape_one) on its way to the terminal or pipe;
 * closed at exit. For commands, not the console. */
void hane_cli_guard_output(void);

/* The unescaped stderr, for hane's own terminal control only (progress
 * lines redrawn with CR and ESC[K); never for stored text. */
FILE *hane_cli_term(void);

#define HANE_CMD(name, summary)                                                \
	int hane_cmd_##name(struct hane_cli *cli, int argc, char **argv);
#define HANE_UNIT HANE_CMD
#include "cli/commands.def"
#undef HANE_UNIT
#undef HANE_CMD

#endif
