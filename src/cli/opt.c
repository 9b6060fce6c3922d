/* The one option parser and usage printer of the commands (cli/opt.h). */
#include "cli/opt.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/csvio.h"

/* "taxi book" for the hints and errors of a subcommand. */
static const char *label(char *buf, size_t n, const char *unit, const char *cmd)
{
	if (unit && *unit)
		snprintf(buf, n, "%s %s", unit, cmd);
	else
		snprintf(buf, n, "%s", cmd);
	return buf;
}

/* The two halves of a "VALUE\tsummary" message. */
static void split(enum hane_msg m, char *value, size_t n, const char **text)
{
	const char *s = hane_msg(m), *tab = strchr(s, '\t');
	size_t len = tab ? (size_t)(tab - s) : 0;

	if (len >= n)
		len = n - 1;
	memcpy(value, s, len);
	value[len] = '\0';
	*text = tab ? tab + 1 : s;
}

/* Whether o is a row of its table (not its end). */
static bool more(const struct hane_opt *o)
{
	return o && (o->name || o->label_tr);
}

/* An option's value name and help: its message's two halves, or a
 * field's label and its type's value name. */
static void describe(const struct hane_opt *o, char *value, size_t n,
		     const char **text)
{
	static const enum hane_msg by_type[] = {
		[HANE_FT_TEXT] = HANE_M_CLI_VAL_TEXT,
		[HANE_FT_INT] = HANE_M_CLI_VAL_INT,
		[HANE_FT_MONEY] = HANE_M_CLI_VAL_MONEY,
		[HANE_FT_DATE] = HANE_M_CLI_VAL_DATE,
		[HANE_FT_PHONE] = HANE_M_CLI_VAL_PHONE,
		[HANE_FT_BOOL] = HANE_M_CLI_VAL_BOOL,
		[HANE_FT_TCKN] = HANE_M_CLI_VAL_TCKN,
		[HANE_FT_REF] = HANE_M_CLI_VAL_REF,
	};

	if (!o->label_tr) {
		split(o->help, value, n, text);
		return;
	}
	snprintf(value, n, "%s",
		 o->flags & HANE_OPT_SWITCH ? "" : hane_msg(by_type[o->type]));
	*text = hane_lang_get() == HANE_LANG_EN && o->label_en ? o->label_en
							       : o->label_tr;
}

/* text, its later lines indented to column indent. */
static void indented(FILE *fp, const char *text, int indent)
{
	for (const char *nl; (nl = strchr(text, '\n')) != NULL; text = nl + 1)
		fprintf(fp, "%.*s\n%*s", (int)(nl - text), text, indent, "");
	fputs(text, fp);
}

static int bad(const char *cmd, enum hane_msg m, const char *opt, const char *v)
{
	return hane_cli_usage(cmd, hane_msg(m), opt, v);
}

static int parse_int(const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (!*s || *end || errno)
		return -1;
	*out = v;
	return 0;
}

static int parse_bool(const char *s, int *out)
{
	static const char *const yes[] = {"evet", "e",	 "yes", "y",
					  "1",	  "var", "true"};
	static const char *const no[] = {"hayir", "h",	 "no",	 "n",
					 "0",	  "yok", "false"};
	char f[32];

	hane_text_fold(f, sizeof f, s);
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (!strcmp(f, yes[i]))
			return *out = 1, 0;
		if (!strcmp(f, no[i]))
			return *out = 0, 0;
	}
	return -1;
}

/* Puts value v of option o (written as opt, "--day") into out by type. */
/* An int, int64_t or bool member, by its size. */
static void set_int(char *dst, size_t size, int64_t n)
{
	if (size == sizeof(int64_t))
		*(int64_t *)dst = n;
	else if (size == sizeof(int))
		*(int *)dst = (int)n;
	else
		*(bool *)dst = n != 0;
}

static int set_value(const char *cmd, const struct hane_opt *o, void *out,
		     const char *opt, const char *v)
{
	char *dst = (char *)out + o->offset;
	int64_t n = 0;
	int yes = 0;

	if (o->apply) {
		int rc = o->apply(dst, v);

		return rc < 0 ? bad(cmd, HANE_M_CLI_BAD_VALUE, opt,
				    hane_error_last())
			      : rc;
	}
	if (o->flags & HANE_OPT_SWITCH)
		return set_int(dst, o->size, 1), 0;
	if (o->flags & HANE_OPT_ARGV) {
		*(const char **)dst = v;
		return 0;
	}
	switch (o->type) {
	case HANE_FT_TEXT:
		return hane_cli_copy(dst, o->size, o->name, v);
	case HANE_FT_INT:
	case HANE_FT_REF:
		if (parse_int(v, &n) || (o->type == HANE_FT_REF && n < 0))
			return bad(cmd,
				   o->type == HANE_FT_REF
					   ? HANE_M_CLI_NOT_ID
					   : HANE_M_CLI_NOT_NUMBER,
				   opt, v);
		set_int(dst, o->size, n);
		return 0;
	case HANE_FT_MONEY:
		if (hane_money_parse(&n, v) != 0)
			return bad(cmd, HANE_M_CLI_NOT_MONEY, opt, v);
		*(int64_t *)dst = n;
		return 0;
	case HANE_FT_DATE:
		if (hane_date_parse(dst, v) != 0)
			return bad(cmd, HANE_M_CLI_NOT_DATE, opt, v);
		return 0;
	case HANE_FT_BOOL:
		if (parse_bool(v, &yes) != 0)
			return bad(cmd, HANE_M_CLI_NOT_BOOL, opt, v);
		set_int(dst, o->size, yes);
		return 0;
	case HANE_FT_PHONE:
		if (!*v) {
			dst[0] = '\0';
			return 0;
		}
		if (hane_phone_normalize(dst, v) != 0)
			return bad(cmd, HANE_M_CLI_BAD_VALUE, opt,
				   hane_error_last());
		return 0;
	case HANE_FT_TCKN:
		if (hane_tckn_check(v) != 0)
			return bad(cmd, HANE_M_CLI_BAD_VALUE, opt,
				   hane_error_last());
		return hane_cli_copy(dst, o->size, o->name, v);
	}
	return 0;
}

static const struct hane_opt *find(const struct hane_opt *opts,
				   const char *name, size_t len)
{
	for (const struct hane_opt *o = opts; more(o); o++)
		if (o->name && strlen(o->name) == len &&
		    !strncmp(o->name, name, len))
			return o;
	return NULL;
}

/* A row whose name an earlier row of opts has: the parser takes the
 * first, so the usage lists only that one (a person's and a household's
 * --phone, one number for both). */
static bool shadowed(const struct hane_opt *opts, const struct hane_opt *o)
{
	return o->name && find(opts, o->name, strlen(o->name)) != o;
}

bool hane_opt_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--help"))
			return true;
	return false;
}

/* One "--name[=value]" at argv[*i]; may take the next argument. */
static int one_option(const char *cmd, struct hane_args *a, void *out, int argc,
		      char **argv, int *i)
{
	const char *arg = argv[*i], *name = arg + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct hane_opt *o = find(a->opts, name, len);
	const char *v = eq ? eq + 1 : NULL;
	char opt[72];
	int rc;

	if (!o && !eq && !strcmp(name, "force")) {
		/* Every command that writes a file takes it: the one place
		 * that opens files (hane/files.h) reads it. */
		hane_cli_force = true;
		return -1;
	}
	snprintf(opt, sizeof opt, "--%.*s", (int)(len < 64 ? len : 64), name);
	if (!o)
		return hane_cli_usage(cmd, hane_msg(HANE_M_CLI_UNKNOWN_OPT),
				      opt);
	if ((o->flags & HANE_OPT_SWITCH) && v)
		return hane_cli_usage(cmd, hane_msg(HANE_M_CLI_NO_VALUE), opt);
	if (!(o->flags & HANE_OPT_SWITCH) && !v) {
		if (*i + 1 >= argc)
			return hane_cli_usage(
				cmd, hane_msg(HANE_M_CLI_MISSING_VALUE), opt);
		v = argv[++*i];
	}
	a->seen |= UINT64_C(1) << (o - a->opts);
	rc = set_value(cmd, o, out, opt, v ? v : "");
	return rc ? rc : -1;
}

int hane_opt_parse(const char *unit, const struct hane_cmd *cmd, int argc,
		   char **argv, void *out, struct hane_args *a)
{
	char cmdl[96];
	int i, rc;

	memset(a, 0, sizeof *a);
	a->opts = cmd->opts;
	label(cmdl, sizeof cmdl, unit, cmd->name);
	if (hane_opt_wants_help(argc, argv)) {
		hane_opt_usage(stdout, unit, cmd);
		return HANE_EXIT_OK;
	}
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];
		bool literal = !strcmp(arg, "--");

		if (literal || strncmp(arg, "--", 2) != 0 || !arg[2]) {
			for (i += literal; i < argc; i++) {
				if (a->npos >= 16)
					return hane_cli_usage(
						cmdl,
						hane_msg(HANE_M_CLI_TOO_MANY),
						argv[i]);
				a->pos[a->npos++] = argv[i];
				if (!literal)
					break;
			}
			continue;
		}
		if ((rc = one_option(cmdl, a, out, argc, argv, &i)) >= 0)
			return rc;
	}
	for (const struct hane_opt *o = a->opts; more(o); o++)
		if (o->name && (o->flags & HANE_OPT_REQUIRED) &&
		    !(a->seen & (UINT64_C(1) << (o - a->opts)))) {
			char opt[72];

			snprintf(opt, sizeof opt, "--%s", o->name);
			return hane_cli_usage(
				cmdl, hane_msg(HANE_M_CLI_MISSING_ARG), opt);
		}
	return -1;
}

bool hane_opt_given(const struct hane_args *a, const char *name)
{
	const struct hane_opt *o = find(a->opts, name, strlen(name));

	return o && (a->seen & (UINT64_C(1) << (o - a->opts)));
}

void hane_opt_fields_given(const struct hane_args *a, const void *opts,
			   size_t base, size_t size, void *rec)
{
	for (const struct hane_opt *o = a->opts; more(o); o++)
		if (o->size && o->offset >= base &&
		    o->offset + o->size <= base + size &&
		    (a->seen & (UINT64_C(1) << (o - a->opts))))
			memcpy((char *)rec + (o->offset - base),
			       (const char *)opts + o->offset, o->size);
}

/* "book YOLCU --day GÜN --time SS:DD [seçenekler]": the arguments and
 * the required options, then "[options]" when there are others. */
static void synopsis(FILE *fp, const struct hane_cmd *cmd)
{
	char value[64];
	const char *text;
	bool others = false;

	split(cmd->about, value, sizeof value, &text);
	fprintf(fp, "%s%s%s", cmd->name, value[0] ? " " : "", value);
	for (const struct hane_opt *o = cmd->opts; more(o); o++) {
		if (!o->name || shadowed(cmd->opts, o))
			continue;
		if (!(o->flags & HANE_OPT_REQUIRED)) {
			others = true;
			continue;
		}
		describe(o, value, sizeof value, &text);
		fprintf(fp, " --%s%s%s", o->name, value[0] ? " " : "", value);
	}
	if (others)
		fprintf(fp, " %s", hane_msg(HANE_M_CLI_OPT_OPTIONS_TAG));
}

void hane_opt_usage(FILE *fp, const char *unit, const struct hane_cmd *cmd)
{
	char value[64], left[96];
	const char *text;

	fprintf(fp, "%s hane %s%s", hane_msg(HANE_M_CLI_OPT_USAGE),
		unit ? unit : "", unit ? " " : "");
	synopsis(fp, cmd);
	split(cmd->about, value, sizeof value, &text);
	fprintf(fp, "\n\n%s\n", text);
	if (!more(cmd->opts))
		return;
	fprintf(fp, "\n%s\n", hane_msg(HANE_M_CLI_OPT_OPTIONS));
	for (const struct hane_opt *o = cmd->opts; more(o); o++) {
		int w;

		if (!o->name || shadowed(cmd->opts, o))
			continue;
		describe(o, value, sizeof value, &text);
		snprintf(left, sizeof left, "--%s%s%s", o->name,
			 value[0] ? " " : "", value);
		w = hane_text_width(left);
		fprintf(fp, "  %s%*s ", left, w < 24 ? 24 - w : 0, "");
		indented(fp, text, 27);
		fprintf(fp, "%s%s\n", o->flags & HANE_OPT_REQUIRED ? " " : "",
			o->flags & HANE_OPT_REQUIRED
				? hane_msg(HANE_M_CLI_OPT_REQUIRED)
				: "");
	}
}

void hane_opt_unit_usage(FILE *fp, const char *unit,
			 const struct hane_cmd *cmds, size_t n,
			 enum hane_msg notes)
{
	char value[64];
	const char *text;

	fprintf(fp, "%s\n", hane_msg(HANE_M_CLI_OPT_USAGE));
	for (size_t i = 0; i < n; i++) {
		fprintf(fp, "  hane %s ", unit);
		synopsis(fp, &cmds[i]);
		split(cmds[i].about, value, sizeof value, &text);
		fputs("\n      ", fp);
		indented(fp, text, 6);
		fputc('\n', fp);
	}
	if (notes != HANE_M__COUNT)
		fprintf(fp, "%s", hane_msg(notes));
	fputc('\n', fp);
	fprintf(fp, hane_msg(HANE_M_CLI_OPT_SUB_HINT), unit);
}

int hane_opt_npos(const struct hane_args *a, const char *cmd, int min, int max,
		  const char *what)
{
	if (a->npos < min)
		return hane_cli_usage(cmd, hane_msg(HANE_M_CLI_MISSING_ARG),
				      what);
	if (a->npos > max)
		return hane_cli_usage(cmd, hane_msg(HANE_M_CLI_TOO_MANY),
				      a->pos[max]);
	return 0;
}

/* Which of cmds argv[1] names: its index, or -1 with *status set. */
static int find_sub(const char *unit, const struct hane_cmd *cmds, size_t n,
		    int dflt, int argc, char **argv, int *status)
{
	char list[256] = "";

	for (size_t i = 0; argc > 1 && i < n; i++)
		if (!strcmp(argv[1], cmds[i].name))
			return (int)i;
	if (argc > 1 && strncmp(argv[1], "--", 2) != 0) {
		*status = hane_cli_usage(unit, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
					 argv[1]);
		return -1;
	}
	if (dflt >= 0)
		return dflt;
	for (size_t i = 0; i < n; i++)
		snprintf(list + strlen(list), sizeof list - strlen(list),
			 "%s%s", i ? "|" : "", cmds[i].name);
	*status = hane_cli_usage(unit, hane_msg(HANE_M_CLI_MISSING_ARG), list);
	return -1;
}

/* The subcommand's positional arguments counted by its table: 0 or the
 * exit status, the missing ones named by its usage's ARGS. */
static int count_pos(const char *unit, const struct hane_cmd *cmd,
		     const struct hane_args *a)
{
	char what[128], name[64];
	const char *text;

	split(cmd->about, what, sizeof what, &text);
	snprintf(name, sizeof name, "%s %s", unit, cmd->name);
	return hane_opt_npos(a, name, cmd->pos_min, cmd->pos_max, what);
}

int hane_opt_unit(struct hane_cli *cli, const char *unit,
		  const struct hane_cmd *cmds, size_t n, enum hane_msg notes,
		  int how, int argc, char **argv, void *opts)
{
	struct hane_args a;
	int k, skip, rc = HANE_EXIT_USAGE;

	if (argc > 1 && !strcmp(argv[1], "--help")) {
		hane_opt_unit_usage(stdout, unit, cmds, n, notes);
		return HANE_EXIT_OK;
	}
	if ((k = find_sub(unit, cmds, n, (how & HANE_OPT_NEED_SUB) ? -1 : 0,
			  argc, argv, &rc)) < 0)
		return rc;
	skip = argc > 1 && !strcmp(argv[1], cmds[k].name);
	if ((rc = hane_opt_parse(unit, &cmds[k], argc - skip, argv + skip, opts,
				 &a)) >= 0)
		return rc;
	if ((how & HANE_OPT_POS) && (rc = count_pos(unit, &cmds[k], &a)) != 0)
		return rc;
	if ((how & HANE_OPT_OPEN) && (rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	return cmds[k].run(cli, opts, &a);
}

/* ---- Where a table goes ---------------------------------------------------- */

int hane_opt_output_file(void *out, const char *v)
{
	struct hane_cli_output *o = out;

	o->out = v;
	o->csv = 1;
	return 0;
}

/* --excel, --xlsx: the table goes as a file of that writer's kind. */
static int output_as(void *out, unsigned wflag)
{
	struct hane_cli_output *o = out;

	o->csv = 1;
	o->wflags |= wflag;
	return 0;
}

int hane_opt_output_excel(void *out, const char *v)
{
	(void)v;
	return output_as(out, HANE_CSV_EXCEL);
}

int hane_opt_output_xlsx(void *out, const char *v)
{
	(void)v;
	return output_as(out, HANE_CSV_XLSX);
}

int hane_opt_output_check(const char *cmd, const struct hane_cli_output *o)
{
	if ((o->wflags & HANE_CSV_XLSX) && (!o->out || !strcmp(o->out, "-")))
		return hane_cli_usage(cmd, "%s",
				      hane_msg(HANE_M_XLSX_NEEDS_FILE));
	return 0;
}

int hane_opt_csv_encoding(void *csv, const char *v)
{
	struct hane_csv_opts *o = csv;
	int e = hane_csv_encoding_parse(v);

	if (e < 0) {
		hane_error_set(hane_msg(HANE_M_CSV_ENC_UNKNOWN), v);
		return HANE_EINVAL;
	}
	o->encoding = (enum hane_csv_encoding)e;
	return 0;
}

int hane_opt_csv_delimiter(void *csv, const char *v)
{
	struct hane_csv_opts *o = csv;

	if (!strcmp(v, ";") || !strcmp(v, ","))
		o->delimiter = v[0];
	else if (!strcmp(v, "tab") || !strcmp(v, "\t") || !strcmp(v, "\\t"))
		o->delimiter = '\t';
	else {
		hane_error_set(hane_msg(HANE_M_CSV_DELIM_BAD), v);
		return HANE_EINVAL;
	}
	return 0;
}
