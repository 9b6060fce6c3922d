/* hane staff add|list|passwd|lock|unlock|activate|deactivate|expiry|
 * expire|settings */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_security.h"
#include "cli/opt.h"
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

/* Options of every staff subcommand, in one struct (hane_opt_unit). */
struct staff_opts {
	struct hane_staff s;
	int dry_run;
};

#define S struct staff_opts
static const struct hane_opt add_opts[] = {
	HANE_OPT(S, "name", s.full_name, HANE_FT_TEXT, HANE_OPT_REQUIRED,
		 HANE_M_OPT_STAFF_NAME),
	HANE_OPT(S, "role", s.role, HANE_FT_TEXT, HANE_OPT_REQUIRED,
		 HANE_M_OPT_STAFF_ROLE),
	HANE_OPT(S, "unit", s.unit, HANE_FT_TEXT, 0, HANE_M_OPT_STAFF_UNIT),
	HANE_OPT(S, "os-user", s.os_user, HANE_FT_TEXT, 0,
		 HANE_M_OPT_STAFF_OS_USER),
	{0}};
static const struct hane_opt expire_opts[] = {
	HANE_OPT(S, "dry-run", dry_run, HANE_FT_BOOL, HANE_OPT_SWITCH,
		 HANE_M_OPT_STAFF_DRY_RUN),
	{0}};
#undef S

static int staff_add(struct hane_cli *cli, void *opts,
		     const struct hane_args *a)
{
	struct staff_opts *o = opts;
	int64_t id = 0;
	int rc;

	HANE_CLI_COPY(o->s.username, "USER", a->pos[0]);
	if (!hane_staff_role_valid(o->s.role))
		return hane_cli_usage("staff", "%s",
				      hane_msg(HANE_M_CLI_BAD_ROLE));
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if ((rc = hane_staff_add(cli->db, &o->s, &id)) != 0)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_CLI_STAFF_ADDED), (long long)id, o->s.username,
	       o->s.role);
	return 0;
}

static int staff_list(struct hane_cli *cli, void *opts,
		      const struct hane_args *a)
{
	int rc;

	(void)opts;
	(void)a;
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	rc = hane_staff_each(cli->db, print_staff, NULL);
	return rc ? hane_cli_fail(rc) : 0;
}

static int staff_passwd(struct hane_cli *cli, void *opts,
			const struct hane_args *a)
{
	const char *user;
	char pw[256];
	int rc;

	(void)opts;
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	user = a->npos ? a->pos[0] : hane_store_actor(cli->db)->username;
	if ((rc = hane_cli_new_password(pw, sizeof pw)) == 0)
		rc = hane_staff_set_password(cli->db, user, pw);
	explicit_bzero(pw, sizeof pw);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(HANE_M_SEC_PW_SET), user);
	return 0;
}

static int staff_expire(struct hane_cli *cli, void *opts,
			const struct hane_args *a)
{
	const struct staff_opts *o = opts;
	int rc, n = 0;

	(void)a;
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	rc = hane_staff_expire(cli->db, o->dry_run, print_expiring, NULL, &n);
	if (rc)
		return hane_cli_fail(rc);
	printf(hane_msg(o->dry_run ? HANE_M_SEC_EXPIRE_DRY
				   : HANE_M_SEC_EXPIRE_DONE),
	       n);
	return 0;
}

/* staff settings [NAME VALUE]: sets one, then shows them all. */
static int staff_settings(struct hane_cli *cli, void *opts,
			  const struct hane_args *a)
{
	int64_t v;
	int rc;

	(void)opts;
	if (a->npos == 1)
		return hane_cli_usage("staff", hane_msg(HANE_M_CLI_MISSING_ARG),
				      "NAME VALUE");
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (a->npos == 2) {
		if (hane_cli_int("staff", a->pos[0], a->pos[1], &v))
			return HANE_EXIT_USAGE;
		if ((rc = hane_setting_set(cli->db, a->pos[0], v)) != 0)
			return hane_cli_fail(rc);
	}
	for (int s = 0; s < HANE_SET__COUNT; s++)
		printf("%s\t%lld\n", hane_setting_name((enum hane_setting)s),
		       (long long)hane_setting_get(cli->db,
						   (enum hane_setting)s));
	return 0;
}

/* An account change of USER (lock, unlock, activate, deactivate, expiry
 * with a DATE or "none"): the subcommand's name says which. */
static int account_change(struct hane_cli *cli, const char *sub,
			  const struct hane_args *a)
{
	char date[HANE_DATE_LEN + 1] = "";
	const char *user = a->pos[0];
	int rc;

	if (!strcmp(sub, "expiry") && strcmp(a->pos[1], "none") != 0 &&
	    (rc = hane_date_parse(date, a->pos[1])) != 0)
		return hane_cli_fail(rc);
	if ((rc = hane_cli_open(cli, 0)) != 0)
		return rc;
	if (!strcmp(sub, "lock") || !strcmp(sub, "unlock"))
		rc = hane_staff_lock(cli->db, user, !strcmp(sub, "lock"));
	else if (!strcmp(sub, "expiry"))
		rc = hane_staff_set_expiry(cli->db, user, date);
	else
		rc = hane_staff_set_active(cli->db, user,
					   !strcmp(sub, "activate"));
	if (rc)
		return hane_cli_fail(rc);
	fputs(hane_msg(HANE_M_CLI_SAVED), stdout);
	return 0;
}

#define ACCOUNT_CMD(fn, sub)                                                   \
	static int fn(struct hane_cli *cli, void *opts,                        \
		      const struct hane_args *a)                               \
	{                                                                      \
		(void)opts;                                                    \
		return account_change(cli, sub, a);                            \
	}
ACCOUNT_CMD(staff_lock, "lock")
ACCOUNT_CMD(staff_unlock, "unlock")
ACCOUNT_CMD(staff_activate, "activate")
ACCOUNT_CMD(staff_deactivate, "deactivate")
ACCOUNT_CMD(staff_expiry, "expiry")
#undef ACCOUNT_CMD

const struct hane_cmd hane_cli_staff_cmds[] = {
	{"add", HANE_M_CMD_STAFF_ADD, add_opts, staff_add, 1, 1},
	{"list", HANE_M_CMD_STAFF_LIST, NULL, staff_list, 0, 0},
	{"passwd", HANE_M_CMD_STAFF_PASSWD, NULL, staff_passwd, 0, 1},
	{"lock", HANE_M_CMD_STAFF_LOCK, NULL, staff_lock, 1, 1},
	{"unlock", HANE_M_CMD_STAFF_UNLOCK, NULL, staff_unlock, 1, 1},
	{"activate", HANE_M_CMD_STAFF_ACTIVATE, NULL, staff_activate, 1, 1},
	{"deactivate", HANE_M_CMD_STAFF_DEACTIVATE, NULL, staff_deactivate, 1,
	 1},
	{"expiry", HANE_M_CMD_STAFF_EXPIRY, NULL, staff_expiry, 2, 2},
	{"expire", HANE_M_CMD_STAFF_EXPIRE, expire_opts, staff_expire, 0, 0},
	{"settings", HANE_M_CMD_STAFF_SETTINGS, NULL, staff_settings, 0, 2},
};
const size_t hane_cli_staff_ncmds = HANE_NCMDS(hane_cli_staff_cmds);

HANE_OPT_UNIT_COMMAND(staff, hane_cli_staff_cmds, HANE_M__COUNT,
		      HANE_OPT_NEED_SUB | HANE_OPT_POS, struct staff_opts)
