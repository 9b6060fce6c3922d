/* hane staff add|list|passwd|lock|unlock|activate|deactivate|expiry|
 * expire|settings */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_security.h"
#include "hane/core.h"
#include "hane/security.h"
#include "hane/staff.h"

static int print_staff(const struct hane_staff *s, void *arg)
{
	char now[20];
	const char *state = "";

	(void)arg;
	hane_now(now);
	if (s->locked_until[0] && strcmp(s->locked_until, now) > 0)
		state = hane_msg(HANE_M_SEC_STATE_LOCKED);
	printf("%lld\t%s\t%s\t%s\t%s\t%s%s\t%s\n", (long long)s->id,
	       s->username, s->full_name, s->role, s->unit,
	       s->active ? "aktif" : "pasif", state,
	       s->last_login[0] ? s->last_login : "-");
	return 0;
}

/* One line of fd 0 (a pipe), without its newline. */
static bool stdin_line(char *buf, size_t n)
{
	if (!fgets(buf, (int)n, stdin))
		return false;
	buf[strcspn(buf, "\r\n")] = '\0';
	return true;
}

int hane_cli_new_password(char *buf, size_t n)
{
	const char *env = getenv("HANE_NEW_PASSWORD");
	char again[256];
	int rc;

	if (env) {
		snprintf(buf, n, "%s", env);
		return 0;
	}
	if (!isatty(0))
		return stdin_line(buf, n) ? 0 : HANE_EINVAL;
	unsetenv("HANE_PASSWORD"); /* ask, do not reuse the login's */
	if ((rc = hane_cli_password(hane_msg(HANE_M_SEC_PROMPT_NEW), buf, n)) ||
	    (rc = hane_cli_password(hane_msg(HANE_M_SEC_PROMPT_AGAIN), again,
				    sizeof again)))
		return rc;
	rc = strcmp(buf, again) == 0 ? 0 : HANE_EINVAL;
	if (rc)
		hane_error_set("%s", hane_msg(HANE_M_SEC_PW_MISMATCH));
	explicit_bzero(again, sizeof again);
	return rc;
}

static int print_expiring(const char *username, const char *since, void *arg)
{
	printf("%s\t%s\n", username, since);
	(void)arg;
	return 0;
}

/* The account subcommands of the security issue; -1 when sub is none of
 * them. */
/* staff settings [NAME VALUE]: sets one, then shows them all. */
static int settings_cmd(struct hane_cli *cli, struct hane_opts *o)
{
	int rc;
	int64_t v;

	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (o->npos == 3) {
		if (hane_cli_int("staff", o->pos[1], o->pos[2], &v))
			return HANE_EXIT_USAGE;
		if ((rc = hane_setting_set(cli->db, o->pos[1], v)) != 0)
			return hane_cli_fail(rc);
	} else if (o->npos != 1) {
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "NAME VALUE");
	}
	for (int s = 0; s < HANE_SET__COUNT; s++)
		printf("%s\t%lld\n", hane_setting_name((enum hane_setting)s),
		       (long long)hane_setting_get(cli->db,
						   (enum hane_setting)s));
	return 0;
}

static int account_cmd(struct hane_cli *cli, struct hane_opts *o, bool dry_run)
{
	const char *sub = o->pos[0], *user = o->npos > 1 ? o->pos[1] : NULL;
	char pw[256];
	int rc, n = 0;

	if (strcmp(sub, "passwd") == 0) {
		if ((rc = hane_cli_open(cli, 0)) != 0)
			return rc;
		if (!user)
			user = hane_store_actor(cli->db)->username;
		if ((rc = hane_cli_new_password(pw, sizeof pw)) == 0)
			rc = hane_staff_set_password(cli->db, user, pw);
		explicit_bzero(pw, sizeof pw);
		if (rc)
			return hane_cli_fail(rc);
		printf(hane_msg(HANE_M_SEC_PW_SET), user);
		return 0;
	}
	if (strcmp(sub, "expire") == 0) {
		if ((rc = hane_cli_open(cli, 0)) != 0)
			return rc;
		rc = hane_staff_expire(cli->db, dry_run, print_expiring, NULL,
				       &n);
		if (rc)
			return hane_cli_fail(rc);
		printf(hane_msg(dry_run ? HANE_M_SEC_EXPIRE_DRY
					: HANE_M_SEC_EXPIRE_DONE),
		       n);
		return 0;
	}
	if (strcmp(sub, "settings") == 0)
		return settings_cmd(cli, o);
	if (strcmp(sub, "lock") && strcmp(sub, "unlock") &&
	    strcmp(sub, "activate") && strcmp(sub, "deactivate") &&
	    strcmp(sub, "expiry"))
		return -1;
	if (!user)
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "USER");
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (strcmp(sub, "lock") == 0 || strcmp(sub, "unlock") == 0) {
		rc = hane_staff_lock(cli->db, user, strcmp(sub, "lock") == 0);
	} else if (strcmp(sub, "expiry") == 0) {
		char date[HANE_DATE_LEN + 1] = "";

		if (o->npos < 3)
			return hane_cli_usage("staff",
					      hane_msg(HANE_M_CLI_MISSING_ARG),
					      "DATE|none");
		if (strcmp(o->pos[2], "none") != 0 &&
		    (rc = hane_date_parse(date, o->pos[2])) != 0)
			return hane_cli_fail(rc);
		rc = hane_staff_set_expiry(cli->db, user, date);
	} else {
		rc = hane_staff_set_active(cli->db, user,
					   strcmp(sub, "activate") == 0);
	}
	if (rc)
		return hane_cli_fail(rc);
	fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
	return 0;
}

int hane_cmd_staff(struct hane_cli *cli, int argc, char **argv)
{
	struct hane_opts o;
	struct hane_staff s = {0};
	const char *name, *value;
	int64_t id = 0;
	bool dry_run = false;
	int rc;

	hane_opts_init(&o, argc, argv,
		       (const char *const[]){"help", "dry-run", NULL});
	while ((name = hane_opts_next(&o, &value)) != NULL) {
		if (strcmp(name, "help") == 0) {
			fputs(hane_msg(HANE_M_CLI_STAFF_HELP), stdout);
			fputs(hane_msg(HANE_M_SEC_STAFF_HELP), stdout);
			return 0;
		} else if (strcmp(name, "dry-run") == 0) {
			dry_run = true;
		} else if (strcmp(name, "name") == 0) {
			HANE_CLI_COPY(s.full_name, "name", value);
		} else if (strcmp(name, "role") == 0) {
			HANE_CLI_COPY(s.role, "role", value);
		} else if (strcmp(name, "unit") == 0) {
			HANE_CLI_COPY(s.unit, "unit", value);
		} else if (strcmp(name, "os-user") == 0) {
			HANE_CLI_COPY(s.os_user, "os-user", value);
		} else {
			return hane_cli_usage("staff",
					      hane_msg(HANE_M_CLI_UNKNOWN_OPT),
					      name);
		}
	}
	if (o.error)
		return HANE_EXIT_USAGE;
	if (o.npos == 0)
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "add|list");
	if (strcmp(o.pos[0], "list") == 0) {
		if ((rc = hane_cli_open(cli, 0)) != 0)
			return rc;
		rc = hane_staff_each(cli->db, print_staff, NULL);
		return rc ? hane_cli_fail(rc) : 0;
	}
	if ((rc = account_cmd(cli, &o, dry_run)) >= 0)
		return rc;
	if (strcmp(o.pos[0], "add") != 0)
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_UNKNOWN_CMD),
				      o.pos[0]);
	if (o.npos < 2)
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "USER");
	if (o.npos > 2)
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_TOO_MANY),
				      o.pos[2]);
	HANE_CLI_COPY(s.username, "USER", o.pos[1]);
	if (!s.full_name[0])
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--name");
	if (!s.role[0])
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "--role");
	if (!hane_staff_role_valid(s.role))
		return hane_cli_usage("staff", "%s",
				      hane_msg(HANE_M_CLI_BAD_ROLE));
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	rc = hane_staff_add(cli->db, &s, &id);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CLI_STAFF_ADDED), (long long)id, s.username,
	       s.role);
	return 0;
}
