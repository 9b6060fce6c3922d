/* hane household add|search|show|edit|move|set-head
 *
 * A person's and a household's options are their field tables'
 * (HANE_PERSON_FIELDS, HANE_HOUSEHOLD_FIELDS in hane/households.h): each
 * subcommand's --help lists them from the tables, and a value goes into
 * the record by its field's type. The rules stay in the model: a date or
 * a phone number that does not parse goes to it as typed, and the model's
 * refusal names the field as the forms and imports do. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "hane/core.h"
#include "hane/households.h"
#include "hane/security.h"

/* One typed value per field of each table (NULL: not given). */
enum {
#define F(col, ...) PA_##col,
	HANE_PERSON_FIELDS(F)
#undef F
		PA__COUNT
};
enum {
#define F(col, ...) HA_##col,
	HANE_HOUSEHOLD_FIELDS(F)
#undef F
		HA__COUNT
};

struct hh_opts {
	const char *pa[PA__COUNT], *ha[HA__COUNT];
	int64_t person, to, limit;
	const char *relation; /* move */
};

/* A field's option: its value kept as typed (applied by type later). */
#define ARG_ROW(arr, idx, type, opt, tr, en)                                   \
	{(opt),                                                                \
	 (type),                                                               \
	 HANE_OPT_ARGV,                                                        \
	 offsetof(struct hh_opts, arr[idx]),                                   \
	 sizeof(const char *),                                                 \
	 NULL,                                                                 \
	 HANE_M__COUNT,                                                        \
	 (tr),                                                                 \
	 (en)},
#define P_OPT(col, type, opt, tr, en, titles, flags)                           \
	ARG_ROW(pa, PA_##col, type, opt, tr, en)
#define H_OPT(col, type, opt, tr, en, titles, flags)                           \
	ARG_ROW(ha, HA_##col, type, opt, tr, en)

#define S struct hh_opts
static const struct hane_opt add_opts[] = {
	HANE_PERSON_FIELDS(P_OPT) HANE_HOUSEHOLD_FIELDS(H_OPT){0}};
static const struct hane_opt edit_opts[] = {
	HANE_OPT(S, "person", person, HANE_FT_REF, 0, HANE_M_OPT_HH_PERSON),
	HANE_HOUSEHOLD_FIELDS(H_OPT) HANE_PERSON_FIELDS(P_OPT){0}};
static const struct hane_opt search_opts[] = {
	HANE_OPT(S, "limit", limit, HANE_FT_INT, 0, HANE_M_OPT_HH_LIMIT), {0}};
static const struct hane_opt move_opts[] = {
	HANE_OPT(S, "to", to, HANE_FT_REF, HANE_OPT_REQUIRED, HANE_M_OPT_HH_TO),
	HANE_OPT(S, "relation", relation, HANE_FT_TEXT, HANE_OPT_ARGV,
		 HANE_M_OPT_HH_RELATION),
	{0}};
#undef S
#undef P_OPT
#undef H_OPT
#undef ARG_ROW

static int field_fail(const char *label, int rc)
{
	char why[512];

	HANE_COPY(why, hane_error_last());
	hane_error_set("%s: %s", label, why);
	return hane_cli_fail(rc);
}

/* A code typed in another case or language: the stored word. */
static const char *code_of(const char *col, const char *v)
{
	const char *r;

	if (!strcmp(col, "sex"))
		return !strcmp(v, "k") ? "K" : !strcmp(v, "e") ? "E" : v;
	if (!strcmp(col, "relation"))
		return (r = hane_relation_parse(v)) ? r : v;
	if (!strcmp(col, "status"))
		return !strcmp(v, "pasif")   ? "passive"
		       : !strcmp(v, "aktif") ? "active"
					     : v;
	return v;
}

/* Puts v, typed for field f, into rec by f's type; 0 or an exit status. */
static int field_apply(struct hane_cli *cli, const struct hane_fdef *f,
		       const char *v, void *rec)
{
	char *m = (char *)rec + f->offset, opt[40];
	const char *label =
		hane_lang_get() == HANE_LANG_EN ? f->label_en : f->label_tr;
	int64_t n;
	int rc;

	snprintf(opt, sizeof opt, "--%s", f->option);
	switch (f->type) {
	case HANE_FT_TCKN:
		/* On the whole value: 14 digits are not 11 cut short. */
		if (*v && (rc = hane_tckn_check(v)) != 0)
			return field_fail(label, rc);
		return hane_cli_copy(m, f->size, f->option, v);
	case HANE_FT_DATE:
		if (*v && hane_date_parse(m, v) == 0)
			return 0;
		snprintf(m, f->size, "%s", strlen(v) < f->size ? v : "?");
		return 0;
	case HANE_FT_PHONE:
		if (*v && hane_phone_normalize(m, v) == 0)
			return 0;
		snprintf(m, f->size, "%s", strlen(v) < f->size ? v : "?");
		return 0;
	case HANE_FT_MONEY:
		if (!*v)
			n = -1;
		else if ((rc = hane_money_parse(&n, v)) != 0)
			return field_fail(label, rc);
		*(int64_t *)m = n;
		return 0;
	case HANE_FT_INT:
	case HANE_FT_REF:
		if (!*v)
			n = f->type == HANE_FT_INT ? -1 : 0;
		else if (hane_cli_int("household", opt, v, &n))
			return HANE_EXIT_USAGE;
		else if (f->type == HANE_FT_INT && (n < -1 || n > 100))
			n = -2; /* the model names the range */
		if (f->size == sizeof(int64_t))
			*(int64_t *)m = n;
		else
			*(int *)m = (int)n;
		return 0;
	default:
		break;
	}
	if (!strcmp(f->column, "mahalle")) {
		m[0] = '\0';
		if (*v && hane_mahalle_match(cli->db, m, v) != 0)
			return hane_cli_fail(HANE_EINVAL);
		return 0;
	}
	return hane_cli_copy(m, f->size, f->option, code_of(f->column, v));
}

/* Applies the values given in args (one per field of def) to rec. */
static int fields_apply(struct hane_cli *cli, const struct hane_rdef *def,
			const char *const *args, size_t n, void *rec)
{
	int rc;

	for (size_t i = 0; i < n && i < def->nfields; i++)
		if (args[i] &&
		    (rc = field_apply(cli, &def->fields[i], args[i], rec)))
			return rc;
	return 0;
}

static bool has_column(const struct hane_rdef *def, const char *col)
{
	for (size_t i = 0; i < def->nfields; i++)
		if (!strcmp(def->fields[i].column, col))
			return true;
	return false;
}

/* The first option given of a field that only def2 has, not def (a
 * person's field when editing a household: "--first"), or NULL. */
static const char *only_theirs(const struct hane_rdef *def2,
			       const char *const *args, size_t n,
			       const struct hane_rdef *def)
{
	for (size_t i = 0; i < n && i < def2->nfields; i++)
		if (args[i] && def2->fields[i].option &&
		    !has_column(def, def2->fields[i].column))
			return def2->fields[i].option;
	return NULL;
}

static void warn_similar(const struct hane_dup *d)
{
	if (!d->similar_id)
		return;
	hane_error_set(hane_msg(HANE_M_DUP_SIMILAR), (long long)d->similar_id,
		       d->name, (long long)d->household_id);
	fprintf(stderr, hane_msg(HANE_M_CLI_WARNING), hane_error_last());
}

static int print_hit(const struct hane_person_hit *h, void *arg)
{
	char masked[16], date[HANE_DATE_LEN + 1];

	(void)arg;
	hane_tckn_mask(masked, sizeof masked, h->tckn);
	printf("%lld\t%s %s\t%s\t%s\t%s\t#%lld\n", (long long)h->person_id,
	       h->first_name, h->last_name,
	       hane_date_format(date, h->birth_date), h->mahalle,
	       h->tckn[0] ? masked : "-", (long long)h->household_id);
	return 0;
}

/* Shows a household with its members. Personal data is masked for
 * staff without person.unmasked; every member shown is logged as a read
 * (KVKK), and nothing is printed when the log cannot be written. */
static int cmd_show(struct hane_cli *cli, int64_t id)
{
	struct hane_household h;
	struct hane_person m[64];
	char money[32], phone[32], date[HANE_DATE_LEN + 1], addr[512], tckn[16];
	size_t n = 0;
	int rc;

	if ((rc = hane_household_get(cli->db, id, &h)) != 0 ||
	    (rc = hane_household_members(cli->db, id, m, 64, &n)) != 0)
		return hane_cli_fail(rc);
	if ((rc = hane_store_begin(cli->db)) != 0)
		return hane_cli_fail(rc);
	rc = hane_log_event(cli->db, "household.view", "household", id, NULL);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = hane_log_read(cli->db, "person.view", m[i].id);
	if (rc) {
		hane_store_rollback(cli->db);
		return hane_cli_fail(rc);
	}
	if ((rc = hane_store_commit(cli->db)) != 0)
		return hane_cli_fail(rc);
	printf("%s #%lld  %s\n", hane_msg(HANE_M_CLI_HOUSEHOLD),
	       (long long)h.id, hane_status_label(h.status));
	printf("%s: %s\n", hane_msg(HANE_M_CLI_ADDRESS),
	       hane_mask_address(cli->db, addr, sizeof addr, h.mahalle,
				 h.street, h.building, h.door));
	printf("%s: %s\n", hane_msg(HANE_M_F_PHONE),
	       h.phone[0]
		       ? hane_mask_phone(cli->db, phone, sizeof phone, h.phone)
		       : "-");
	printf("%s: %s\n", hane_msg(HANE_M_F_INCOME),
	       h.income_kurus >= 0 ? hane_money_format(money, sizeof money,
						       h.income_kurus, true)
				   : "-");
	if (h.notes[0])
		printf("%s: %s\n", hane_msg(HANE_M_F_NOTES),
		       hane_mask_text(cli->db, addr, sizeof addr, h.notes));
	printf("%s: %s %s\n", hane_msg(HANE_M_CLI_CHANGED_BY), h.updated_at,
	       h.updated_by);
	printf("%s (%zu):\n", hane_msg(HANE_M_CLI_MEMBERS), n);
	for (size_t i = 0; i < n; i++) {
		printf("  #%lld\t%s\t%s %s\t%s\t%s", (long long)m[i].id,
		       m[i].tckn[0] ? hane_mask_tckn(cli->db, tckn, sizeof tckn,
						     m[i].tckn)
				    : "-",
		       m[i].first_name, m[i].last_name,
		       hane_date_format(date, m[i].birth_date),
		       hane_relation_label(m[i].relation));
		if (m[i].disability_pct >= 0)
			printf("\t%%%d %s", m[i].disability_pct,
			       hane_msg(HANE_M_F_DISABILITY));
		putchar('\n');
	}
	return 0;
}

/* A person and a household from the options given: the household's
 * phone is the person's --phone (one number for both). */
static int inputs(struct hane_cli *cli, const struct hh_opts *o,
		  struct hane_person *p, struct hane_household *h)
{
	int rc;

	if ((rc = fields_apply(cli, &hane_person_rdef, o->pa, PA__COUNT, p)) ||
	    (rc = fields_apply(cli, &hane_household_rdef, o->ha, HA__COUNT, h)))
		return rc;
	if (o->pa[PA_phone])
		HANE_COPY(h->phone, p->phone);
	return 0;
}

static int hh_add(struct hane_cli *cli, void *opts, const struct hane_args *a)
{
	const struct hh_opts *o = opts;
	struct hane_person p;
	struct hane_household h;
	struct hane_dup dup;
	int64_t hid = 0, pid = 0;
	int rc;

	if ((rc = hane_opt_npos(a, "household add", 0, 0, "")) != 0)
		return rc;
	hane_person_init(&p);
	hane_household_init(&h);
	if ((rc = inputs(cli, o, &p, &h)) != 0)
		return rc;
	if (o->pa[PA_household_id]) {
		if (!strcmp(p.relation, "head"))
			strcpy(p.relation, "other");
		rc = hane_person_add(cli->db, &p, &pid, &dup);
		if (rc)
			return hane_cli_fail(rc);
		warn_similar(&dup);
		printf(hane_msg(HANE_M_CLI_PERSON_ADDED), (long long)pid,
		       (long long)p.household_id);
		return 0;
	}
	rc = hane_household_create(cli->db, &h, &p, &hid, &pid, &dup);
	if (rc)
		return hane_cli_fail(rc);
	warn_similar(&dup);
	printf(hane_msg(HANE_M_CLI_HH_CREATED), (long long)hid, (long long)pid);
	return 0;
}

static int hh_search(struct hane_cli *cli, void *opts,
		     const struct hane_args *a)
{
	const struct hh_opts *o = opts;
	char query[512] = "";
	int total = 0, rc;

	if (a->npos < 1)
		return hane_cli_usage(
			"household", hane_msg(HANE_M_CLI_MISSING_ARG), "QUERY");
	for (int i = 0; i < a->npos; i++) {
		strncat(query, a->pos[i], sizeof query - strlen(query) - 2);
		strcat(query, " ");
	}
	rc = hane_person_search(cli->db, query,
				o->limit > 0 ? (int)o->limit : 20, 0, print_hit,
				NULL, &total);
	if (rc)
		return hane_cli_fail(rc);
	if (total == 0)
		fputs(hane_msg(HANE_M_CLI_NO_RESULTS), stdout);
	return 0;
}

/* The record id in a->pos[0] (exactly n positional arguments, what
 * naming them); 0 or the exit status. */
static int id_arg(const struct hane_args *a, const char *cmd, int n,
		  const char *what, int64_t *id)
{
	int rc;

	if ((rc = hane_opt_npos(a, cmd, n, n, what)) != 0)
		return rc;
	return hane_cli_int("household", what, a->pos[0], id) ? HANE_EXIT_USAGE
							      : 0;
}

static int hh_show(struct hane_cli *cli, void *opts, const struct hane_args *a)
{
	int64_t id = 0;
	int rc;

	(void)opts;
	if ((rc = id_arg(a, "household show", 1, "ID", &id)) != 0)
		return rc;
	return cmd_show(cli, id);
}

/* edit ID [household options] | edit ID --person P [person options]:
 * changes only what was given. */
static int hh_edit(struct hane_cli *cli, void *opts, const struct hane_args *a)
{
	const struct hh_opts *o = opts;
	bool person = hane_opt_given(a, "person");
	struct hane_person p;
	struct hane_household h;
	const char *other;
	int64_t id = 0, before;
	int rc;

	if ((rc = id_arg(a, "household edit", 1, "ID", &id)) != 0)
		return rc;
	/* Fields of the other record would be dropped while "Kaydedildi"
	 * is printed: refuse them. */
	if (person && (other = only_theirs(&hane_household_rdef, o->ha,
					   HA__COUNT, &hane_person_rdef)))
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_HH_FIELD_PERSON),
				      other);
	if (!person && (other = only_theirs(&hane_person_rdef, o->pa, PA__COUNT,
					    &hane_household_rdef)))
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_PERSON_FIELD_HH),
				      other);
	if ((rc = hane_household_get(cli->db, id, &h)) != 0)
		return hane_cli_fail(rc);
	hane_person_init(&p);
	if (person) {
		if ((rc = hane_person_get(cli->db, o->person, &p)) != 0)
			return hane_cli_fail(rc);
		if (p.household_id != id) {
			hane_error_set(hane_msg(HANE_M_NOT_MEMBER),
				       (long long)o->person, (long long)id);
			return hane_cli_fail(HANE_EINVAL);
		}
	}
	if ((rc = inputs(cli, o, &p, &h)) != 0)
		return rc;
	before = person ? p.version : h.version;
	rc = person ? hane_person_update(cli->db, &p)
		    : hane_household_update(cli->db, &h);
	if (rc)
		return hane_cli_fail(rc);
	fputs((person ? p.version : h.version) != before
		      ? hane_msg(HANE_M_CLI_SAVED)
		      : hane_msg(HANE_M_CLI_NOTHING_CHANGED),
	      stdout);
	return 0;
}

/* move PERSON_ID --to HOUSEHOLD_ID [--relation R] */
static int hh_move(struct hane_cli *cli, void *opts, const struct hane_args *a)
{
	const struct hh_opts *o = opts;
	struct hane_person p;
	int64_t id = 0;
	int rc;

	if ((rc = id_arg(a, "household move", 1, "PERSON_ID", &id)) != 0)
		return rc;
	if ((rc = hane_person_get(cli->db, id, &p)) != 0)
		return hane_cli_fail(rc);
	rc = hane_person_move(cli->db, id, p.version, o->to,
			      o->relation ? code_of("relation", o->relation)
					  : NULL);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CLI_MOVED), (long long)id, (long long)o->to);
	return 0;
}

static int hh_set_head(struct hane_cli *cli, void *opts,
		       const struct hane_args *a)
{
	int64_t id = 0, id2 = 0;
	int rc;

	(void)opts;
	if ((rc = id_arg(a, "household set-head", 2, "ID PERSON_ID", &id)) != 0)
		return rc;
	if (hane_cli_int("household", "PERSON_ID", a->pos[1], &id2))
		return HANE_EXIT_USAGE;
	if ((rc = hane_household_set_head(cli->db, id, id2)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CLI_HEAD_SET), (long long)id2, (long long)id);
	return 0;
}

const struct hane_cmd hane_cli_household_cmds[] = {
	{"add", HANE_M_CMD_HH_ADD, add_opts, hh_add, 0, 0},
	{"search", HANE_M_CMD_HH_SEARCH, search_opts, hh_search, 1, 16},
	{"show", HANE_M_CMD_HH_SHOW, NULL, hh_show, 1, 1},
	{"edit", HANE_M_CMD_HH_EDIT, edit_opts, hh_edit, 1, 1},
	{"move", HANE_M_CMD_HH_MOVE, move_opts, hh_move, 1, 1},
	{"set-head", HANE_M_CMD_HH_SET_HEAD, NULL, hh_set_head, 2, 2},
};
const size_t hane_cli_household_ncmds = HANE_NCMDS(hane_cli_household_cmds);

int hane_cmd_household(struct hane_cli *cli, int argc, char **argv)
{
	struct hh_opts o;

	int rc;

	memset(&o, 0, sizeof o);
	/* The database first (help needs none): a command on a missing file
	 * or on one that is not a database says so, whatever follows. */
	if (!hane_opt_wants_help(argc, argv) &&
	    (rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	return hane_opt_unit(cli, "household", hane_cli_household_cmds,
			     HANE_NCMDS(hane_cli_household_cmds), HANE_M__COUNT,
			     HANE_OPT_NEED_SUB | HANE_OPT_POS, argc, argv, &o);
}
