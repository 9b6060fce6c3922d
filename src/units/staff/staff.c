/* Staff members. The role matrix itself is in store/perm.c; login and
 * account state in login.c. */
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/staff.h"

bool hane_staff_role_valid(const char *role)
{
	static const char *const roles[] = {"admin", "supervisor", "caseworker",
					    "reporter"};

	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(role, roles[i]) == 0)
			return true;
	return false;
}

static int insert(hane_db *db, const struct hane_staff *s, int64_t *id)
{
	struct hane_field f[] = {
		HANE_FTEXT("username", s->username),
		HANE_FTEXT("full_name", s->full_name),
		HANE_FTEXT("role", s->role),
		HANE_FTEXT("unit", s->unit[0] ? s->unit : NULL),
		HANE_FTEXT("os_user", s->os_user[0] ? s->os_user : NULL),
	};

	if (!s->username[0] || !s->full_name[0]) {
		hane_error_set("%s", hane_strerror(HANE_EINVAL));
		return HANE_EINVAL;
	}
	if (!hane_staff_role_valid(s->role)) {
		hane_error_set("%s", hane_msg(HANE_M_CLI_BAD_ROLE));
		return HANE_EINVAL;
	}
	return hane_store_insert(db, "staff", f, sizeof f / sizeof f[0], id);
}

int hane_staff_add(hane_db *db, const struct hane_staff *s, int64_t *id)
{
	int rc = hane_can(db, HANE_ACT_STAFF_ADMIN);

	return rc ? rc : insert(db, s, id);
}

static void read_staff(hane_stmt *st, struct hane_staff *s)
{
	s->id = hane_stmt_int(st, 0);
	s->version = hane_stmt_int(st, 1);
	HANE_COPY(s->username, hane_stmt_text(st, 2));
	HANE_COPY(s->full_name, hane_stmt_text(st, 3));
	HANE_COPY(s->role, hane_stmt_text(st, 4));
	HANE_COPY(s->unit, hane_stmt_text(st, 5));
	HANE_COPY(s->os_user, hane_stmt_text(st, 6));
	s->active = hane_stmt_int(st, 7) != 0;
	s->has_password = hane_stmt_int(st, 8) != 0;
	HANE_COPY(s->last_login, hane_stmt_text(st, 9));
	HANE_COPY(s->locked_until, hane_stmt_text(st, 10));
	HANE_COPY(s->expires_at, hane_stmt_text(st, 11));
}

HANE_STORE_EACH_ROW(staff, struct hane_staff, read_staff)

int hane_staff_each(hane_db *db,
		    int (*fn)(const struct hane_staff *s, void *arg), void *arg)
{
	struct staff_each e = {fn, arg};
	int rc = hane_can(db, HANE_ACT_STAFF_READ);

	if (rc)
		return rc;
	return hane_store_each(
		db,
		"SELECT id, version, username, full_name, role,"
		" coalesce(unit,''), coalesce(os_user,''), active,"
		" password_hash IS NOT NULL,"
		" coalesce(last_login,''), coalesce(locked_until,''),"
		" coalesce(expires_at,'')"
		" FROM staff ORDER BY username",
		NULL, 0, staff_row, &e);
}

int hane_staff_count(hane_db *db, int64_t *n)
{
	return hane_store_query_int(db, n, "SELECT count(*) FROM staff", NULL,
				    0);
}

int hane_staff_bootstrap(hane_db *db, const char *os_login, bool *created)
{
	struct hane_staff s = {0};
	const char *login = os_login && *os_login ? os_login : hane_os_user();
	struct passwd *pw = getpwnam(login);
	int64_t n = 0;
	int rc;

	*created = false;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_staff_count(db, &n);
	if (rc == 0 && n == 0) {
		const char *gecos = pw && pw->pw_gecos ? pw->pw_gecos : "";
		size_t len = strcspn(gecos, ",");

		HANE_COPY(s.username, login);
		HANE_COPY(s.os_user, login);
		if (len > 0 && len < sizeof s.full_name)
			snprintf(s.full_name, sizeof s.full_name, "%.*s",
				 (int)len, gecos);
		else
			HANE_COPY(s.full_name, s.username);
		strcpy(s.role, "admin");
		rc = insert(db, &s, NULL);
		*created = rc == 0;
	}
	if (rc) {
		hane_store_rollback(db);
		return rc;
	}
	rc = hane_store_commit(db);
	/* The one who made the database and is its administrator goes on as
	 * that administrator; nobody else's actor changes (root making
	 * someone else the first administrator stays root). */
	if (rc == 0 && *created && strcmp(login, hane_os_user()) == 0)
		rc = hane_store_set_actor(db, s.username);
	return rc;
}
