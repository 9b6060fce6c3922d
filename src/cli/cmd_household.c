/* hane household add|search|show|edit|move|set-head */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "hane/households.h"
#include "hane/security.h"

/* Values typed on the command line, parsed into the model's forms. Each
 * option is remembered so edit changes only what was given. */
struct input {
	struct hane_person p;
	struct hane_household h;
	bool person_set, household_set;
	/* fields only a person has, and only a household has: `edit` with
	 * --person takes the first, without it the second */
	const char *person_only, *household_only;
	int64_t to, household, person, limit;
	bool has_to, has_household, has_person;
};

static int field_fail(enum hane_msg field, int rc)
{
	char why[512];

	snprintf(why, sizeof why, "%s", hane_error_last());
	hane_error_set("%s: %s", hane_msg(field), why);
	return hane_cli_fail(rc);
}

static const char *const person_fields[] = {"tckn",	  "first",   "last",
					    "birth",	  "sex",     "relation",
					    "disability", "chronic", NULL};
static const char *const household_fields[] = {"mahalle", "street", "building",
					       "door",	  "income", "status",
					       "notes",	  NULL};

static const char *listed(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return *list;
	return NULL;
}

/* apply_person, apply_household: the option is not theirs. */
enum { NOT_MINE = -1 };

/* A person's option; 0, an exit status, or NOT_MINE. */
static int apply_person(struct input *in, const char *name, const char *v)
{
	int64_t n;
	int rc;

	if (strcmp(name, "tckn") == 0) {
		/* The model's check on the whole value: 14 digits are not
		 * an 11-digit number cut short. */
		if (*v && (rc = hane_tckn_check(v)) != 0)
			return field_fail(HANE_M_F_TCKN, rc);
		HANE_CLI_COPY(in->p.tckn, name, v);
		in->person_set = true;
	} else if (strcmp(name, "first") == 0) {
		HANE_CLI_COPY(in->p.first_name, name, v);
		in->person_set = true;
	} else if (strcmp(name, "last") == 0) {
		HANE_CLI_COPY(in->p.last_name, name, v);
		in->person_set = true;
	} else if (strcmp(name, "birth") == 0) {
		in->person_set = true;
		if (!*v)
			in->p.birth_date[0] = '\0';
		else if ((rc = hane_date_parse(in->p.birth_date, v)) != 0)
			return field_fail(HANE_M_F_BIRTH, rc);
	} else if (strcmp(name, "sex") == 0) {
		in->person_set = true;
		if (strcmp(v, "k") == 0 || strcmp(v, "K") == 0)
			strcpy(in->p.sex, "K");
		else if (strcmp(v, "e") == 0 || strcmp(v, "E") == 0)
			strcpy(in->p.sex, "E");
		else if (!*v)
			in->p.sex[0] = '\0';
		else {
			hane_error_set("%s", hane_msg(HANE_M_V_SEX));
			return hane_cli_fail(HANE_EINVAL);
		}
	} else if (strcmp(name, "relation") == 0) {
		const char *r = hane_relation_parse(v);

		in->person_set = true;
		if (!r) {
			HANE_CLI_COPY(in->p.relation, name,
				      v); /* validation names the choices */
		} else {
			HANE_CLI_COPY(in->p.relation, name, r);
		}
	} else if (strcmp(name, "disability") == 0) {
		in->person_set = true;
		if (!*v)
			in->p.disability_pct = -1;
		else if (hane_cli_int("household", "--disability", v, &n))
			return HANE_EXIT_USAGE;
		else
			in->p.disability_pct = n < -1 || n > 100 ? -2 : (int)n;
	} else if (strcmp(name, "chronic") == 0) {
		HANE_CLI_COPY(in->p.chronic_illness, name, v);
		in->person_set = true;
	} else {
		return NOT_MINE;
	}
	return 0;
}

/* A household's option; 0, an exit status, or NOT_MINE. */
static int apply_household(struct hane_cli *cli, struct input *in,
			   const char *name, const char *v)
{
	int rc;

	if (strcmp(name, "phone") == 0) {
		char e164[HANE_PHONE_LEN + 1] = "";

		if (*v && (rc = hane_phone_normalize(e164, v)) != 0)
			return field_fail(HANE_M_F_PHONE, rc);
		HANE_CLI_COPY(in->p.phone, name, e164);
		HANE_CLI_COPY(in->h.phone, name, e164);
		in->person_set = in->household_set = true;
	} else if (strcmp(name, "mahalle") == 0) {
		in->household_set = true;
		in->h.mahalle[0] = '\0';
		if (*v && (rc = hane_mahalle_match(cli->db, in->h.mahalle, v)))
			return hane_cli_fail(HANE_EINVAL);
	} else if (strcmp(name, "street") == 0) {
		HANE_CLI_COPY(in->h.street, name, v);
		in->household_set = true;
	} else if (strcmp(name, "building") == 0) {
		HANE_CLI_COPY(in->h.building, name, v);
		in->household_set = true;
	} else if (strcmp(name, "door") == 0) {
		HANE_CLI_COPY(in->h.door, name, v);
		in->household_set = true;
	} else if (strcmp(name, "income") == 0) {
		in->household_set = true;
		if (!*v)
			in->h.income_kurus = -1;
		else if ((rc = hane_money_parse(&in->h.income_kurus, v)) != 0)
			return field_fail(HANE_M_F_INCOME, rc);
	} else if (strcmp(name, "status") == 0) {
		HANE_CLI_COPY(in->h.status, name,
			      strcmp(v, "pasif") == 0	? "passive"
			      : strcmp(v, "aktif") == 0 ? "active"
							: v);
		in->household_set = true;
	} else if (strcmp(name, "notes") == 0) {
		HANE_CLI_COPY(in->h.notes, name, v);
		in->household_set = true;
	} else {
		return NOT_MINE;
	}
	return 0;
}

/* Applies one option to in; returns 0, or an exit status. */
static int apply(struct hane_cli *cli, struct input *in, const char *name,
		 const char *v)
{
	int rc;

	if (!in->person_only)
		in->person_only = listed(person_fields, name);
	if (!in->household_only)
		in->household_only = listed(household_fields, name);
	if ((rc = apply_person(in, name, v)) != NOT_MINE ||
	    (rc = apply_household(cli, in, name, v)) != NOT_MINE)
		return rc;
	if (strcmp(name, "household") == 0) {
		if (hane_cli_int("household", "--household", v, &in->household))
			return HANE_EXIT_USAGE;
		in->has_household = true;
	} else if (strcmp(name, "to") == 0) {
		if (hane_cli_int("household", "--to", v, &in->to))
			return HANE_EXIT_USAGE;
		in->has_to = true;
	} else if (strcmp(name, "person") == 0) {
		if (hane_cli_int("household", "--person", v, &in->person))
			return HANE_EXIT_USAGE;
		in->has_person = true;
	} else if (strcmp(name, "limit") == 0) {
		if (hane_cli_int("household", "--limit", v, &in->limit))
			return HANE_EXIT_USAGE;
	} else {
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_UNKNOWN_OPT), name);
	}
	return 0;
}

static void warn_similar(const struct hane_dup *d)
{
	if (!d->similar_id)
		return;
	hane_error_set(hane_msg(HANE_M_DUP_SIMILAR), (long long)d->similar_id,
		       d->name, (long long)d->household_id);
	fprintf(stderr, hane_msg(HANE_M_CLI_WARNING), hane_error_last());
}

static int cmd_add(struct hane_cli *cli, struct input *in)
{
	struct hane_dup dup;
	int64_t hid = 0, pid = 0;
	int rc;

	if (in->has_household) {
		if (!strcmp(in->p.relation, "head"))
			strcpy(in->p.relation, "other");
		in->p.household_id = in->household;
		rc = hane_person_add(cli->db, &in->p, &pid, &dup);
		if (rc)
			return hane_cli_fail(rc);
		warn_similar(&dup);
		printf(hane_msg(HANE_M_CLI_PERSON_ADDED), (long long)pid,
		       (long long)in->household);
		return 0;
	}
	rc = hane_household_create(cli->db, &in->h, &in->p, &hid, &pid, &dup);
	if (rc)
		return hane_cli_fail(rc);
	warn_similar(&dup);
	printf(hane_msg(HANE_M_CLI_HH_CREATED), (long long)hid, (long long)pid);
	return 0;
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

static int cmd_search(struct hane_cli *cli, struct hane_opts *o,
		      struct input *in)
{
	char query[512] = "";
	int total = 0, rc;

	if (o->npos < 2)
		return hane_cli_usage(
			"household", hane_msg(HANE_M_CLI_MISSING_ARG), "QUERY");
	for (int i = 1; i < o->npos; i++) {
		strncat(query, o->pos[i], sizeof query - strlen(query) - 2);
		strcat(query, " ");
	}
	rc = hane_person_search(cli->db, query,
				in->limit > 0 ? (int)in->limit : 20, 0,
				print_hit, NULL, &total);
	if (rc)
		return hane_cli_fail(rc);
	if (total == 0)
		fputs(hane_msg(HANE_M_CLI_NO_RESULTS), stdout);
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

/* Re-applies the options given over the stored record, so edit changes
 * only what was typed. */
static int reparse(struct hane_cli *cli, int argc, char **argv,
		   struct input *in)
{
	struct hane_opts o;
	const char *name, *value;
	int rc;

	hane_opts_init(&o, argc, argv, NULL);
	while ((name = hane_opts_next(&o, &value)) != NULL)
		if ((rc = apply(cli, in, name, value ? value : "")) != 0)
			return rc;
	return 0;
}

static int cmd_edit(struct hane_cli *cli, int argc, char **argv,
		    struct input *in, int64_t id)
{
	struct input cur;
	int changed = 0, rc;

	/* Fields of the other record would be dropped while "Kaydedildi"
	 * is printed: refuse them. */
	if (in->has_person && in->household_only)
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_HH_FIELD_PERSON),
				      in->household_only);
	if (!in->has_person && in->person_only)
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_PERSON_FIELD_HH),
				      in->person_only);
	memset(&cur, 0, sizeof cur);
	if ((rc = hane_household_get(cli->db, id, &cur.h)) != 0)
		return hane_cli_fail(rc);
	if (in->has_person) {
		if ((rc = hane_person_get(cli->db, in->person, &cur.p)) != 0)
			return hane_cli_fail(rc);
		if (cur.p.household_id != id) {
			hane_error_set(hane_msg(HANE_M_NOT_MEMBER),
				       (long long)in->person, (long long)id);
			return hane_cli_fail(HANE_EINVAL);
		}
	}
	if ((rc = reparse(cli, argc, argv, &cur)) != 0)
		return rc;
	if (in->has_person) {
		int64_t before = cur.p.version;

		rc = hane_person_update(cli->db, &cur.p);
		changed = cur.p.version != before;
	} else {
		int64_t before = cur.h.version;

		rc = hane_household_update(cli->db, &cur.h);
		changed = cur.h.version != before;
	}
	if (rc)
		return hane_cli_fail(rc);
	fputs(changed ? hane_msg(HANE_M_CLI_SAVED)
		      : hane_msg(HANE_M_CLI_NOTHING_CHANGED),
	      stdout);
	return 0;
}

static int cmd_set_head(struct hane_cli *cli, const struct hane_opts *o,
			int64_t id)
{
	int64_t id2 = 0;
	int rc;

	if (o->npos < 3)
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_MISSING_ARG),
				      "PERSON_ID");
	if (hane_cli_int("household", "PERSON_ID", o->pos[2], &id2))
		return HANE_EXIT_USAGE;
	if ((rc = hane_household_set_head(cli->db, id, id2)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CLI_HEAD_SET), (long long)id2, (long long)id);
	return 0;
}

/* move PERSON_ID --to HOUSEHOLD_ID [--relation R] */
static int cmd_move(struct hane_cli *cli, int argc, char **argv,
		    const struct input *in, int64_t id)
{
	struct hane_person p;
	bool rel_given = false;
	int rc;

	if (!in->has_to)
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_MISSING_ARG), "--to");
	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], "--relation", 10) == 0)
			rel_given = true;
	if ((rc = hane_person_get(cli->db, id, &p)) != 0)
		return hane_cli_fail(rc);
	rc = hane_person_move(cli->db, id, p.version, in->to,
			      rel_given ? in->p.relation : NULL);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CLI_MOVED), (long long)id, (long long)in->to);
	return 0;
}

int hane_cmd_household(struct hane_cli *cli, int argc, char **argv)
{
	struct hane_opts o;
	struct input in;
	const char *name, *value, *sub;
	int64_t id = 0;
	int rc;

	memset(&in, 0, sizeof in);
	hane_person_init(&in.p);
	hane_household_init(&in.h);
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0) {
			fputs(hane_msg(HANE_M_CLI_HH_HELP), stdout);
			return 0;
		}
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	hane_opts_init(&o, argc, argv, NULL);
	while ((name = hane_opts_next(&o, &value)) != NULL)
		if ((rc = apply(cli, &in, name, value ? value : "")) != 0)
			return rc;
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos == 0)
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_MISSING_ARG),
				      "add|search|show|edit|move|set-head");
	sub = o.pos[0];
	if (strcmp(sub, "add") == 0) {
		if (o.npos > 1)
			return hane_cli_usage("household",
					      hane_msg(HANE_M_CLI_TOO_MANY),
					      o.pos[1]);
		return cmd_add(cli, &in);
	}
	if (strcmp(sub, "search") == 0)
		return cmd_search(cli, &o, &in);
	if (strcmp(sub, "show") != 0 && strcmp(sub, "edit") != 0 &&
	    strcmp(sub, "move") != 0 && strcmp(sub, "set-head") != 0)
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_UNKNOWN_CMD), sub);
	if (o.npos < 2)
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_MISSING_ARG), "ID");
	if (hane_cli_int("household", "ID", o.pos[1], &id))
		return HANE_EXIT_USAGE;
	if (strcmp(sub, "set-head") == 0)
		return cmd_set_head(cli, &o, id);
	if (o.npos > 2)
		return hane_cli_usage("household",
				      hane_msg(HANE_M_CLI_TOO_MANY), o.pos[2]);
	if (strcmp(sub, "show") == 0)
		return cmd_show(cli, id);
	if (strcmp(sub, "edit") == 0)
		return cmd_edit(cli, argc, argv, &in, id);
	return cmd_move(cli, argc, argv, &in, id);
}
