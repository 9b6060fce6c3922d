/* The command line's option tables (#18): one table per command, from which
 * the one parser takes the command's options and the command's --help is
 * printed, so that the two cannot drift. libgit2's cli_opt_spec is the
 * model; the value types are the record fields' (hane/record.h).
 *
 * A command describes its options as rows:
 *
 *	struct book_opts { char day[HANE_DATE_LEN + 1]; const char *to; };
 *	static const struct hane_opt book_opts[] = {
 *		HANE_OPT(struct book_opts, "day", day, HANE_FT_DATE,
 *			 HANE_OPT_REQUIRED, HANE_M_OPT_DAY),
 *		HANE_OPT(struct book_opts, "to", to, HANE_FT_TEXT,
 *			 HANE_OPT_REQUIRED, HANE_M_OPT_TO),
 *		{0}};
 *
 * and a command (or one of a unit's subcommands) as a struct hane_cmd that
 * names it, its arguments and its table.
 */
#ifndef HANE_CLI_OPT_H
#define HANE_CLI_OPT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/cli.h"
#include "hane/record.h"

enum hane_opt_flag {
	HANE_OPT_REQUIRED = 1u << 0, /* refused when missing, naming it */
	HANE_OPT_SWITCH = 1u << 1,   /* takes no value: the int member is 1 */
	HANE_OPT_ARGV = 1u << 2,     /* TEXT: the member is a const char *
					into argv, NULL when not given */
};

/* One option. The value goes, parsed by type, into the member at offset of
 * the command's options struct — or to apply() when set, which gets that
 * member (the whole struct at offset 0) and the value as typed and
 * returns 0, an exit status (after printing), or a negative error
 * (hane/error.h) whose hane_error_last() says why: the parser prints it
 * after the option's name ("--encoding: ...").
 *
 * By type: TEXT copies into char[size] (too long is refused, never cut);
 * INT into int or int64_t (by size); MONEY into int64_t kuruş; DATE into
 * char[11] ISO; PHONE into char[] E.164 ("" clears); BOOL into int 0/1
 * (evet/hayır, yes/no, e/h, 1/0); TCKN into char[12], checksum-checked;
 * REF into int64_t > 0. help is a message "VALUE\tone line", whose VALUE
 * names the value in the usage ("GÜN", "DAY"); empty for a switch. */
struct hane_opt {
	const char *name; /* without "--"; NULL ends a table (but see
			     label_tr) */
	enum hane_ftype type;
	unsigned flags; /* enum hane_opt_flag */
	size_t offset;
	size_t size;
	int (*apply)(void *opts, const char *value);
	enum hane_msg help;
	/* A row made from a record's field (HANE_OPT_FIELD): its label is
	 * the help, the value is named by type; a field without an option
	 * (name NULL) is skipped, not the end. */
	const char *label_tr, *label_en;
};

#define HANE_OPT(S, name, member, type, flags, help)                           \
	{                                                                      \
		(name), (type), (flags), offsetof(S, member),                  \
			sizeof(((S *)0)->member), NULL, (help), NULL, NULL     \
	}
#define HANE_OPT_CB(name, type, flags, fn, help)                               \
	{                                                                      \
		(name), (type), (flags), 0, 0, (fn), (help), NULL, NULL        \
	}

/* An apply() row for member m of options struct S. */
#define HANE_OPT_CB_AT(S, m, name, type, flags, fn, help)                      \
	{                                                                      \
		(name), (type), (flags), offsetof(S, m), 0, (fn), (help),      \
			NULL, NULL                                             \
	}

/* Where a command writes a table: -o/--output FILE, --csv, --excel (CSV
 * for Turkish Excel), --xlsx (a workbook; needs a file). Any of them
 * means CSV rather than the screen's table. */
struct hane_cli_output {
	const char *out; /* NULL or "-": stdout */
	int csv;
	unsigned wflags; /* HANE_CSV_EXCEL, HANE_CSV_XLSX */
};
int hane_opt_output_file(void *out, const char *v);
int hane_opt_output_excel(void *out, const char *v);
int hane_opt_output_xlsx(void *out, const char *v);
/* The four rows for a struct hane_cli_output at member m of S. */
#define HANE_OPT_OUTPUT_ROWS(S, m)                                             \
	HANE_OPT_CB_AT(S, m, "output", HANE_FT_TEXT, 0, hane_opt_output_file,  \
		       HANE_M_OPT_OUTPUT),                                     \
		HANE_OPT(S, "csv", m.csv, HANE_FT_BOOL, HANE_OPT_SWITCH,       \
			 HANE_M_OPT_OV_CSV),                                   \
		HANE_OPT_CB_AT(S, m, "excel", HANE_FT_BOOL, HANE_OPT_SWITCH,   \
			       hane_opt_output_excel, HANE_M_OPT_EXCEL),       \
		HANE_OPT_CB_AT(S, m, "xlsx", HANE_FT_BOOL, HANE_OPT_SWITCH,    \
			       hane_opt_output_xlsx, HANE_M_OPT_XLSX)
/* How a CSV file is read: --encoding and --delimiter, each refused with
 * the values it takes, into a struct hane_csv_opts at member m of S. */
int hane_opt_csv_encoding(void *csv, const char *v);
int hane_opt_csv_delimiter(void *csv, const char *v);
#define HANE_OPT_CSV_ROWS(S, m)                                                \
	HANE_OPT_CB_AT(S, m, "encoding", HANE_FT_TEXT, 0,                      \
		       hane_opt_csv_encoding, HANE_M_OPT_IMPORT_ENCODING),     \
		HANE_OPT_CB_AT(S, m, "delimiter", HANE_FT_TEXT, 0,             \
			       hane_opt_csv_delimiter,                         \
			       HANE_M_OPT_IMPORT_DELIMITER)

/* --xlsx without a file is refused (a workbook is not for a terminal):
 * 0 or the exit status, after printing the usage of cmd. */
int hane_opt_output_check(const char *cmd, const struct hane_cli_output *o);

/* One row from a field of a unit's X-macro (hane/record.h) for record
 * struct R kept at member m of options struct S: expand the unit's
 * HANE_..._FIELDS(F) with F defined as HANE_OPT_FIELD(S, m, R, ...). */
#define HANE_OPT_FIELD(S, m, R, col, type, opt, tr, en, titles, flags)         \
	{(opt),                                                                \
	 (type),                                                               \
	 0,                                                                    \
	 offsetof(S, m) + offsetof(R, col),                                    \
	 sizeof(((R *)0)->col),                                                \
	 NULL,                                                                 \
	 HANE_M__COUNT,                                                        \
	 (tr),                                                                 \
	 (en)},

/* A command, or one subcommand of a unit: name, its arguments and one
 * line ("ARGS\tsummary" message; ARGS may be empty), its options. */
struct hane_args;
struct hane_cmd {
	const char *name;
	enum hane_msg about;
	const struct hane_opt *opts;
	/* A unit's subcommand (hane_opt_unit): runs with the options parsed
	 * into opts; returns the exit status. */
	int (*run)(struct hane_cli *cli, void *opts, const struct hane_args *a);
	/* With HANE_OPT_POS (hane_opt_unit's how): how many positional
	 * arguments it takes, refused before the database is opened and
	 * named in the message by the about message's ARGS, so that the
	 * usage and the check cannot drift. */
	signed char pos_min, pos_max;
};

/* What a command was given besides its options. */
struct hane_args {
	const char *pos[16]; /* positional arguments after the command */
	int npos;
	uint64_t seen; /* bit i: opts[i] was given */
	const struct hane_opt *opts;
};

/* Parses argv[1..argc) (argv[0] is the command's name, unit is the unit's
 * for a subcommand or NULL) by cmd's table into out, and positional
 * arguments into a. "--help" prints the command's usage. An unknown
 * option, a missing value, a bad value ("--day: 31.02.2026 bir tarih
 * değil") or a missing required option is printed naming the option.
 * Returns -1 to go on, or the exit status to end with. */
int hane_opt_parse(const char *unit, const struct hane_cmd *cmd, int argc,
		   char **argv, void *out, struct hane_args *a);

/* Whether argv[1..argc) asks for --help (before a "--"). */
bool hane_opt_wants_help(int argc, char **argv);

/* Whether option name was given. */
bool hane_opt_given(const struct hane_args *a, const char *name);

/* Copies into rec the fields given as options of the record parsed into
 * opts at offset base, size bytes long (HANE_OPT_FIELD rows, and any
 * other row over a member of the record: an apply() row with its size,
 * e.g. a coded value typed as words): an edit changes only what was
 * given. */
void hane_opt_fields_given(const struct hane_args *a, const void *opts,
			   size_t base, size_t size, void *rec);

/* Prints cmd's usage and options to fp. */
void hane_opt_usage(FILE *fp, const char *unit, const struct hane_cmd *cmd);

/* Prints a unit's usage: each subcommand with its arguments and summary,
 * then notes (a message, or HANE_M__COUNT for none). */
void hane_opt_unit_usage(FILE *fp, const char *unit,
			 const struct hane_cmd *cmds, size_t n,
			 enum hane_msg notes);

/* Refuses fewer than min or more than max positional arguments (what
 * names the missing ones); 0 or the exit status. */
int hane_opt_npos(const struct hane_args *a, const char *cmd, int min, int max,
		  const char *what);

/* hane_opt_unit's how: a subcommand must be named (else the first runs
 * when none is); the database is opened (hane_cli_open) before it runs;
 * the positional arguments are counted by the table's pos_min and
 * pos_max (before the opening). */
enum {
	HANE_OPT_NEED_SUB = 1,
	HANE_OPT_OPEN = 2,
	HANE_OPT_NOSUB_OPEN = HANE_OPT_NEED_SUB | HANE_OPT_OPEN,
	HANE_OPT_POS = 4
};

/* A unit of subcommands (argv[0] the unit): runs the one argv[1] names
 * with its options parsed into opts (the unit's one options struct), or
 * cmds[0] when argv[1] is missing or an option; how is 0 or the flags
 * above. "hane U --help" prints the unit's usage with notes
 * (HANE_M__COUNT: none). Returns the exit status. */
int hane_opt_unit(struct hane_cli *cli, const char *unit,
		  const struct hane_cmd *cmds, size_t n, enum hane_msg notes,
		  int how, int argc, char **argv, void *opts);

#define HANE_NCMDS(a) (sizeof(a) / sizeof((a)[0]))

/* A unit of subcommands (HANE_UNIT in commands.def) gives its table, from
 * which its --help and the line of "hane --help" that names its
 * subcommands are printed. */
#define HANE_CMD(name, summary)
#define HANE_UNIT(name, summary)                                               \
	extern const struct hane_cmd hane_cli_##name##_cmds[];                 \
	extern const size_t hane_cli_##name##_ncmds;
#include "cli/commands.def"
#undef HANE_UNIT
#undef HANE_CMD

/* A command that is only a unit of subcommands: defines hane_cmd_NAME,
 * which runs hane_opt_unit over cmds with a zeroed options struct T. */
#define HANE_OPT_UNIT_COMMAND(NAME, cmds, notes, how, T)                       \
	int hane_cmd_##NAME(struct hane_cli *cli, int argc, char **argv)       \
	{                                                                      \
		T o = {0};                                                     \
                                                                               \
		return hane_opt_unit(cli, #NAME, cmds, HANE_NCMDS(cmds),       \
				     notes, how, argc, argv, &o);              \
	}

/* ---- A subcommand's answer (src/cli/said.c) -------------------------- */

/* rc, the model's answer to a subcommand, said: a failure as
 * hane_cli_fail says it (its exit status returned), or else the message
 * msg (an enum hane_msg, a format of up to two %s) naming a's positional
 * arguments, and HANE_EXIT_OK. */
int hane_cli_said(int rc, int msg, const struct hane_args *a);

#endif
