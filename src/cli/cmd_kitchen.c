/* hane kitchen day|set|report|import|channel|item|home
 *
 * Only parsing and printing: every rule is in the kitchen model, so a
 * tally refused here is refused the same way at the console.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/kitchen.h"
#include "hane/perm.h"
#include "hane/security.h"

#define CMD "kitchen"

/* Every option of the unit's subcommands; each subcommand's table below
 * says which it takes. */
struct kitchen_opts {
	char day[HANE_DATE_LEN + 1], end[HANE_DATE_LEN + 1];
	const char *channel, *item, *rejects, *note;
	int64_t count, household;
	int dry_run, all;
	struct hane_csv_opts csv;
	/* channel, item: their record's fields (hane/kitchen.h) */
	struct hane_kitchen_channel ch;
	struct hane_kitchen_item it;
	struct hane_kitchen_home home;
};

typedef const struct hane_args args;
#define has(a, name) hane_opt_given((a), (name))

static int need_pos(args *a, int i, const char *what)
{
	if (a->npos > i)
		return 0;
	return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_MISSING_ARG), what);
}

/* name padded with spaces to cols columns (UTF-8: columns, not bytes). */
static const char *padded(char *out, size_t outsz, const char *name, int cols)
{
	int w = hane_text_width(name);

	snprintf(out, outsz, "%s%*s", name, w < cols ? cols - w : 0, "");
	return out;
}

/* ---- day, set ------------------------------------------------------------------- */

/* The day's grid as a list: one line per channel × item with a count,
 * the channel's total after its items, the day's at the end. */
static int cmd_day(struct hane_cli *cli, void *opts, args *a)
{
	struct kitchen_opts *op = opts;
	struct hane_kitchen_day *d = malloc(sizeof *d);
	char shown[HANE_DATE_LEN + 1], n[32];
	int rc;

	if (!d)
		return hane_cli_fail(HANE_ENOMEM);
	if (!op->day[0])
		hane_today(op->day);
	if ((rc = hane_kitchen_day_load(cli->db, op->day, d)) != 0) {
		free(d);
		return hane_cli_fail(rc);
	}
	printf(hane_msg(HANE_M_KT_CLI_DAY_HEAD),
	       hane_date_format(shown, d->date),
	       hane_weekday_name(hane_date_weekday(d->date), false));
	for (size_t r = 0; r < d->nch; r++) {
		int64_t row = hane_kitchen_day_row(d, r);

		if (!row && !op->all)
			continue;
		printf("%s\n", d->ch[r].name);
		for (size_t c = 0; c < d->nit; c++) {
			char name[128];

			if (d->count[r][c] || op->all)
				printf("  %s %10s %s\n",
				       padded(name, sizeof name, d->it[c].name,
					      24),
				       hane_num_format(n, sizeof n,
						       d->count[r][c]),
				       hane_kitchen_unit_word(d->it[c].unit));
		}
	}
	printf("%s: %s\n", hane_msg(HANE_M_KT_TOTAL),
	       hane_num_format(n, sizeof n, hane_kitchen_day_total(d)));
	free(d);
	return 0;
}

static int cmd_set(struct hane_cli *cli, void *opts, args *a)
{
	struct kitchen_opts *op = opts;
	char shown[HANE_DATE_LEN + 1], n[32], was[32];
	struct hane_kitchen_channel ch;
	struct hane_kitchen_item it;
	int64_t replaced = -1;
	int rc;

	(void)a;
	if (!op->day[0])
		hane_today(op->day);
	if ((rc = hane_kitchen_channel_find(cli->db, op->channel, &ch)) != 0 ||
	    (rc = hane_kitchen_item_find(cli->db, op->item, &it)) != 0 ||
	    (rc = hane_kitchen_tally_set(cli->db, op->day, op->channel,
					 op->item, op->count, &replaced)) != 0)
		return hane_cli_fail(rc);
	hane_num_format(n, sizeof n, op->count);
	if (replaced >= 0)
		printf(hane_msg(HANE_M_KT_CLI_REPLACED),
		       hane_date_format(shown, op->day), ch.name, it.name, n,
		       hane_num_format(was, sizeof was, replaced));
	else
		printf(hane_msg(HANE_M_KT_CLI_SET),
		       hane_date_format(shown, op->day), ch.name, it.name, n);
	return 0;
}

/* ---- report ------------------------------------------------------------------------ */

struct report_ctx {
	char channel[HANE_KITCHEN_CODE];
	int64_t channel_sum, total;
};

static void channel_end(struct report_ctx *k)
{
	char n[32], name[128];

	if (k->channel[0])
		printf("  %s %10s\n",
		       padded(name, sizeof name, hane_msg(HANE_M_KT_TOTAL), 24),
		       hane_num_format(n, sizeof n, k->channel_sum));
}

static int report_row(const struct hane_kitchen_total *t, void *arg)
{
	struct report_ctx *k = arg;
	char n[32], name[128], unit[64];

	if (strcmp(k->channel, t->channel_code) != 0) {
		channel_end(k);
		HANE_COPY(k->channel, t->channel_code);
		k->channel_sum = 0;
		printf("%s\n", t->channel);
	}
	printf("  %s %10s %s %3d %s\n", padded(name, sizeof name, t->item, 24),
	       hane_num_format(n, sizeof n, t->count),
	       padded(unit, sizeof unit, hane_kitchen_unit_word(t->unit), 7),
	       t->days, hane_msg(HANE_M_KT_CLI_DAYS));
	k->channel_sum += t->count;
	k->total += t->count;
	return 0;
}

static int cmd_report(struct hane_cli *cli, void *opts, args *a)
{
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1], n[32];
	struct report_ctx k = {{0}, 0, 0};
	int rc;

	(void)opts;
	if ((rc = hane_kitchen_period(a->pos[0], from, to)) != 0)
		return hane_cli_usage(CMD, "%s", hane_error_last());
	if (strcmp(from + 5, "01-01") == 0 && strcmp(to + 5, "12-31") == 0)
		printf(hane_msg(HANE_M_KT_CLI_YEAR_HEAD), 4, from);
	else
		printf(hane_msg(HANE_M_KT_CLI_MONTH_HEAD), 2, from + 5, 4,
		       from);
	if ((rc = hane_kitchen_totals(cli->db, from, to, report_row, &k)) != 0)
		return hane_cli_fail(rc);
	channel_end(&k);
	printf("%s: %s\n", hane_msg(HANE_M_KT_TOTAL),
	       hane_num_format(n, sizeof n, k.total));
	return 0;
}

/* ---- import ------------------------------------------------------------------------ */

struct import_ctx {
	const char *path;
};

static void on_notice(const char *msg, void *arg)
{
	(void)arg;
	fprintf(stderr, "hane: %s\n", msg);
}

/* A bad row names the file, its line and the field. */
static void on_reject(long line, const char *reason, void *arg)
{
	const struct import_ctx *im = arg;

	printf("%s: ", im->path);
	printf(hane_msg(HANE_M_CLI_IMPORT_REJECT_LINE), line, reason);
}

static int cmd_import(struct hane_cli *cli, void *opts, args *a)
{
	struct kitchen_opts *op = opts;
	struct import_ctx im = {a->pos[0]};
	struct hane_import_opts io = {0};
	struct hane_import_counts c;
	int rc;

	io.csv = op->csv;
	io.dry_run = op->dry_run;
	io.rejects = op->rejects;
	io.notice = on_notice;
	io.reject = on_reject;
	io.arg = &im;
	if ((rc = hane_kitchen_import(cli->db, im.path, &io, &c)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_KT_CLI_IMPORTED), (long long)c.rows,
	       (long long)c.created, (long long)c.unchanged,
	       (long long)c.rejected);
	if (op->dry_run)
		fputs(hane_msg(HANE_M_CLI_IMPORT_DRY), stdout);
	else if (c.rejected && op->rejects)
		printf(hane_msg(HANE_M_CLI_IMPORT_REJECTS), op->rejects);
	if (!c.rejected)
		return HANE_EXIT_OK;
	return c.created || c.unchanged ? HANE_EXIT_PARTIAL : HANE_EXIT_ERROR;
}

/* ---- channel, item -------------------------------------------------------------------- */

static int print_channel(const struct hane_kitchen_channel *c, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t%s\t%d%s\n", (long long)c->id, c->code, c->name,
	       c->sort, c->active ? "" : hane_msg(HANE_M_KT_CLI_PASSIVE));
	return 0;
}

static int print_item(const struct hane_kitchen_item *it, void *arg)
{
	(void)arg;
	printf("%lld\t%s\t%s\t%s\t%d%s\n", (long long)it->id, it->code,
	       it->name, hane_kitchen_unit_word(it->unit), it->sort,
	       it->active ? "" : hane_msg(HANE_M_KT_CLI_PASSIVE));
	return 0;
}

/* "list", "add CODE" and "edit KEY": the options are the record's fields
 * (an edit changes only what was given). */
static int cmd_channel(struct hane_cli *cli, void *opts, args *a)
{
	struct kitchen_opts *op = opts;
	struct hane_kitchen_channel c;
	const char *sub = a->pos[0];
	int64_t id = 0;
	int rc;

	if (!strcmp(sub, "list")) {
		rc = hane_kitchen_channels(cli->db, false, print_channel, NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (strcmp(sub, "add") != 0 && strcmp(sub, "edit") != 0)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	if ((rc = need_pos(a, 1, "KOD")) != 0)
		return rc;
	memset(&c, 0, sizeof c);
	if (!strcmp(sub, "add")) {
		HANE_CLI_COPY(c.code, "code", a->pos[1]);
		c.active = true;
	} else if ((rc = hane_kitchen_channel_find(cli->db, a->pos[1], &c))) {
		return hane_cli_fail(rc);
	}
	hane_opt_fields_given(a, op, offsetof(struct kitchen_opts, ch),
			      sizeof c, &c);
	if ((rc = hane_kitchen_channel_save(cli->db, &c, &id)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_KT_CLI_CHANNEL_SAVED), (long long)id, c.code);
	return 0;
}

static int cmd_item(struct hane_cli *cli, void *opts, args *a)
{
	struct kitchen_opts *op = opts;
	struct hane_kitchen_item it;
	const char *sub = a->pos[0];
	int64_t id = 0;
	int rc;

	if (!strcmp(sub, "list")) {
		rc = hane_kitchen_items(cli->db, false, print_item, NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (strcmp(sub, "add") != 0 && strcmp(sub, "edit") != 0)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	if ((rc = need_pos(a, 1, "KOD")) != 0)
		return rc;
	memset(&it, 0, sizeof it);
	if (!strcmp(sub, "add")) {
		HANE_CLI_COPY(it.code, "code", a->pos[1]);
		it.active = true;
	} else if ((rc = hane_kitchen_item_find(cli->db, a->pos[1], &it))) {
		return hane_cli_fail(rc);
	}
	hane_opt_fields_given(a, op, offsetof(struct kitchen_opts, it),
			      sizeof it, &it);
	if ((rc = hane_kitchen_item_save(cli->db, &it, &id)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_KT_CLI_ITEM_SAVED), (long long)id, it.code);
	return 0;
}

/* ---- home ------------------------------------------------------------------------------ */

/* Through the gate (KVKK): the note may hold health details, clear for
 * the kitchen's own staff, masked for anyone else. */
static int print_home(const struct hane_kitchen_home *h, void *arg)
{
	hane_db *db = arg;
	char s[HANE_DATE_LEN + 1], e[HANE_DATE_LEN + 1];
	char note[HANE_KITCHEN_NOTE];

	printf("%lld\t#%lld\t%s\t%s\t%s–%s\t%s\n", (long long)h->id,
	       (long long)h->household_id, h->head[0] ? h->head : "-",
	       h->mahalle[0] ? h->mahalle : "-",
	       hane_date_format(s, h->start_date),
	       h->end_date[0] ? hane_date_format(e, h->end_date) : "",
	       h->note[0] ? hane_gate_show(db, HANE_ACT_KITCHEN_WRITE,
					   HANE_PD_HEALTH, h->note, note,
					   sizeof note)
			  : "");
	return 0;
}

static int cmd_home(struct hane_cli *cli, void *opts, args *a)
{
	struct kitchen_opts *op = opts;
	struct hane_kitchen_home h;
	const char *sub = a->pos[0];
	int64_t id = 0;
	int rc;

	if (!strcmp(sub, "list")) {
		rc = hane_kitchen_homes(cli->db, has(a, "day") ? op->day : NULL,
					op->household, print_home, cli->db);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if (strcmp(sub, "add") != 0 && strcmp(sub, "end") != 0)
		return hane_cli_usage(CMD, hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      sub);
	if ((rc = need_pos(a, 1, !strcmp(sub, "add") ? "HANE" : "KAYIT")))
		return rc;
	if (hane_cli_int(CMD, !strcmp(sub, "add") ? "HANE" : "KAYIT", a->pos[1],
			 &id) != 0)
		return HANE_EXIT_USAGE;
	if (!strcmp(sub, "end")) {
		rc = hane_kitchen_home_end(cli->db, id,
					   has(a, "end") ? op->end : NULL);
		if (rc)
			return hane_cli_fail(rc);
		printf(hane_msg(HANE_M_KT_CLI_HOME_ENDED), (long long)id);
		return 0;
	}
	memset(&h, 0, sizeof h);
	h.household_id = id;
	if (has(a, "day"))
		HANE_COPY(h.start_date, op->day);
	if (has(a, "end"))
		HANE_COPY(h.end_date, op->end);
	if (op->note)
		HANE_CLI_COPY(h.note, "note", op->note);
	if ((rc = hane_kitchen_home_save(cli->db, &h, &id)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_KT_CLI_HOME_SAVED), (long long)id,
	       (long long)h.household_id);
	return 0;
}

/* ---- dispatch --------------------------------------------------------------------------- */

#define S struct kitchen_opts
#define TEXT(name, m, flags, help)                                             \
	HANE_OPT(S, name, m, HANE_FT_TEXT, HANE_OPT_ARGV | (flags), help)
#define SWITCH(name, m, help)                                                  \
	HANE_OPT(S, name, m, HANE_FT_BOOL, HANE_OPT_SWITCH, help)

static const struct hane_opt day_opts[] = {
	HANE_OPT(S, "day", day, HANE_FT_DATE, 0, HANE_M_OPT_KT_DAY),
	SWITCH("all", all, HANE_M_OPT_KT_ALL),
	{0}};
static const struct hane_opt set_opts[] = {
	HANE_OPT(S, "day", day, HANE_FT_DATE, 0, HANE_M_OPT_KT_DAY),
	TEXT("channel", channel, HANE_OPT_REQUIRED, HANE_M_OPT_KT_CHANNEL),
	TEXT("item", item, HANE_OPT_REQUIRED, HANE_M_OPT_KT_ITEM),
	HANE_OPT(S, "count", count, HANE_FT_INT, HANE_OPT_REQUIRED,
		 HANE_M_OPT_KT_COUNT),
	{0}};
static const struct hane_opt import_opts[] = {
	TEXT("rejects", rejects, 0, HANE_M_OPT_REJECTS),
	SWITCH("dry-run", dry_run, HANE_M_OPT_DRY_RUN),
	HANE_OPT_CSV_ROWS(S, csv),
	{0}};
#define CHANNEL(...)                                                           \
	HANE_OPT_FIELD(S, ch, struct hane_kitchen_channel, __VA_ARGS__)
#define ITEM(...) HANE_OPT_FIELD(S, it, struct hane_kitchen_item, __VA_ARGS__)
/* The code is the command's argument, not an option. */
static const struct hane_opt channel_opts[] = {
	CHANNEL(name, HANE_FT_TEXT, "name", "Ad", "Name", NULL, 0)
		CHANNEL(sort, HANE_FT_INT, "sort", "Sıra", "Order", NULL, 0)
			CHANNEL(active, HANE_FT_BOOL, "active", "Etkin",
				"Active", NULL, 0){0}};
static const struct hane_opt item_opts[] = {
	ITEM(name, HANE_FT_TEXT, "name", "Ad", "Name", NULL,
	     0) ITEM(unit, HANE_FT_TEXT, "unit",
		     "Birim (bardak, öğün, dilim, kase, tabak, adet)",
		     "Unit (bardak, öğün, dilim, kase, tabak, adet)", NULL, 0)
		ITEM(sort, HANE_FT_INT, "sort", "Sıra", "Order", NULL, 0)
			ITEM(active, HANE_FT_BOOL, "active", "Etkin", "Active",
			     NULL, 0){0}};
static const struct hane_opt home_opts[] = {
	HANE_OPT(S, "day", day, HANE_FT_DATE, 0, HANE_M_OPT_KT_HOME_DAY),
	HANE_OPT(S, "end", end, HANE_FT_DATE, 0, HANE_M_OPT_KT_HOME_END),
	TEXT("note", note, 0, HANE_M_OPT_KT_HOME_NOTE),
	HANE_OPT(S, "household", household, HANE_FT_REF, 0,
		 HANE_M_OPT_KT_HOME_HOUSEHOLD),
	{0}};
#undef CHANNEL
#undef ITEM
#undef TEXT
#undef SWITCH
#undef S

const struct hane_cmd hane_cli_kitchen_cmds[] = {
	{"day", HANE_M_CMD_KT_DAY, day_opts, cmd_day, 0, 0},
	{"set", HANE_M_CMD_KT_SET, set_opts, cmd_set, 0, 0},
	{"report", HANE_M_CMD_KT_REPORT, NULL, cmd_report, 1, 1},
	{"import", HANE_M_CMD_KT_IMPORT, import_opts, cmd_import, 1, 1},
	{"channel", HANE_M_CMD_KT_CHANNEL, channel_opts, cmd_channel, 1, 2},
	{"item", HANE_M_CMD_KT_ITEM, item_opts, cmd_item, 1, 2},
	{"home", HANE_M_CMD_KT_HOME, home_opts, cmd_home, 1, 2},
};
const size_t hane_cli_kitchen_ncmds = HANE_NCMDS(hane_cli_kitchen_cmds);

int hane_cmd_kitchen(struct hane_cli *cli, int argc, char **argv)
{
	struct kitchen_opts o = {0};

	return hane_opt_unit(
		cli, CMD, hane_cli_kitchen_cmds,
		HANE_NCMDS(hane_cli_kitchen_cmds), HANE_M_KT_CLI_NOTES,
		HANE_OPT_NOSUB_OPEN | HANE_OPT_POS, argc, argv, &o);
}
