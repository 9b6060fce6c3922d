/* Login: peer login, Argon2id passwords, lock-out, account expiry.
 *
 * Login state (failed attempts, lock, last login) is written with plain
 * UPDATEs that leave `version` alone: it is bookkeeping, and bumping the
 * version would make an administrator's edit of the staff row conflict
 * with the person logging in. What matters for accountability — every
 * failure, every lock-out, every password change — is an audit event. The
 * password hash is never put in an audit row (an offline guess needs only
 * the hash), and the password itself is never stored or logged.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <time.h>

#include "hane/core.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/staff.h"
#include "staff_int.h"

#define LOCKED_FOREVER "9999-12-31 23:59:59"

/* ---- Time arithmetic on "YYYY-MM-DD HH:MM:SS" Istanbul local stamps ---- */

void hane_sec_time_shift(char out[20], const char *stamp, long days,
			 long minutes, int months)
{
	struct tm tm = {0};
	time_t t;

	if (sscanf(stamp, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon,
		   &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 3) {
		snprintf(out, 20, "%s", stamp);
		return;
	}
	/* The stamps carry no zone: do the arithmetic as if UTC, which is
	 * exact for a zone without daylight saving (Istanbul since 2016). */
	tm.tm_year -= 1900;
	tm.tm_mon -= 1 - months;
	t = timegm(&tm);
	t += days * 86400L + minutes * 60L;
	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* ---- Passwords ---------------------------------------------------------- */

static bool fast_hash(void)
{
	/* Tests only: a setuid/setgid hane must not let a user weaken the
	 * hashes it writes. */
	return getauxval(AT_SECURE) == 0 && getenv("HANE_PWHASH_FAST");
}

int hane_password_hash(char out[128], const char *password)
{
	unsigned long long ops = fast_hash()
					 ? crypto_pwhash_OPSLIMIT_MIN
					 : crypto_pwhash_OPSLIMIT_INTERACTIVE;
	size_t mem = fast_hash() ? crypto_pwhash_MEMLIMIT_MIN
				 : crypto_pwhash_MEMLIMIT_INTERACTIVE;

	if (sodium_init() < 0)
		hane_die("libsodium cannot start");
	if (crypto_pwhash_str_alg(out, password, strlen(password), ops, mem,
				  crypto_pwhash_ALG_ARGON2ID13) != 0) {
		hane_error_set("%s", hane_strerror(HANE_ENOMEM));
		return HANE_ENOMEM;
	}
	return 0;
}

bool hane_password_verify(const char *hash, const char *password)
{
	if (sodium_init() < 0)
		hane_die("libsodium cannot start");
	if (!hash || !*hash)
		return false;
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

/* ---- Staff rows -------------------------------------------------------- */

struct account {
	int64_t id;
	int64_t version;
	bool active;
	char hash[128];
	char locked_until[20];
	char expires_at[20];
	char last_seen[20]; /* last login, or creation when never */
	int64_t failed;
};

static int account_row(hane_stmt *st, void *arg)
{
	struct account *a = arg;

	a->id = hane_stmt_int(st, 0);
	a->version = hane_stmt_int(st, 1);
	a->active = hane_stmt_int(st, 2) != 0;
	HANE_COPY(a->hash, hane_stmt_text(st, 3));
	HANE_COPY(a->locked_until, hane_stmt_text(st, 4));
	HANE_COPY(a->expires_at, hane_stmt_text(st, 5));
	HANE_COPY(a->last_seen, hane_stmt_text(st, 6));
	a->failed = hane_stmt_int(st, 7);
	return 0;
}

static int account_get(hane_db *db, const char *username, struct account *a)
{
	const struct hane_field p[] = {HANE_FTEXT(":u", username)};
	int rc;

	memset(a, 0, sizeof *a);
	rc = hane_store_first(
		db,
		"SELECT id, version, active, coalesce(password_hash,''),"
		" coalesce(locked_until,''), coalesce(expires_at,''),"
		" coalesce(nullif(last_login,''), created_at, ''),"
		" failed_attempts FROM staff WHERE username = :u",
		p, 1, account_row, a);
	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_SEC_NO_STAFF), username);
	return rc;
}

/* Runs one bookkeeping UPDATE on staff row id with up to two bound
 * values (:a text, :b int); sql is a constant. */
static int account_write(hane_db *db, const char *sql, int64_t id,
			 const char *a, int64_t b)
{
	const struct hane_field p[] = {HANE_FINT(":id", id),
				       HANE_FTEXT(":a", a), HANE_FINT(":b", b)};

	return hane_store_run(db, sql, p, HANE_COUNTOF(p));
}

/* Why account a may not log in now, as an error (0 when it may). */
static int account_usable(hane_db *db, const char *username,
			  const struct account *a)
{
	char now[20], today[HANE_DATE_LEN + 1], cutoff[20], date[11];
	int64_t days = hane_setting_get(db, HANE_SET_INACTIVITY_DAYS);

	hane_now(now);
	hane_today(today);
	if (!a->active) {
		hane_error_set(hane_msg(HANE_M_SEC_INACTIVE), username);
		return HANE_EPERM;
	}
	if (a->locked_until[0] && strcmp(a->locked_until, now) > 0) {
		if (strcmp(a->locked_until, LOCKED_FOREVER) == 0)
			hane_error_set(hane_msg(HANE_M_SEC_LOCKED_ADMIN),
				       username);
		else
			hane_error_set(hane_msg(HANE_M_SEC_LOCKED), username,
				       a->locked_until);
		return HANE_EPERM;
	}
	if (a->expires_at[0] && strcmp(a->expires_at, today) < 0) {
		hane_error_set(hane_msg(HANE_M_SEC_EXPIRED), username,
			       hane_date_format(date, a->expires_at));
		return HANE_EPERM;
	}
	hane_sec_time_shift(cutoff, now, -days, 0, 0);
	if (a->last_seen[0] && strcmp(a->last_seen, cutoff) < 0) {
		hane_error_set(hane_msg(HANE_M_SEC_DORMANT), username,
			       (long long)days);
		return HANE_EPERM;
	}
	return 0;
}

static int note_login(hane_db *db, const struct account *a)
{
	char now[20];

	return account_write(db,
			     "UPDATE staff SET last_login = :a,"
			     " failed_attempts = 0 WHERE id = :id",
			     a->id, hane_now(now), 0);
}

/* The actor becomes nobody: after any refusal nothing may run as the
 * person whose login failed. */
static void clear_actor(hane_db *db)
{
	char keep[512];

	HANE_COPY(keep, hane_error_last());
	(void)hane_store_set_actor(db, "");
	hane_error_set("%s", keep);
}

/* Records a refused login (audited under the name tried) and, at the
 * threshold, locks the account. Keeps the refusal's message. */
static void note_failure(hane_db *db, const char *username, struct account *a,
			 const char *why)
{
	char keep[512], now[20], until[20], detail[160];
	int64_t limit = hane_setting_get(db, HANE_SET_LOCKOUT_THRESHOLD);
	int64_t minutes = hane_setting_get(db, HANE_SET_LOCKOUT_MINUTES);
	bool lock = false;

	HANE_COPY(keep, hane_error_last());
	(void)hane_store_set_actor(db, username);
	if (hane_store_begin(db) != 0)
		goto out;
	if (a && a->id && strcmp(why, "password") == 0) {
		a->failed++;
		lock = a->failed >= limit;
		hane_sec_time_shift(until, hane_now(now), 0, (long)minutes, 0);
		if (lock)
			(void)account_write(
				db,
				"UPDATE staff SET failed_attempts = 0,"
				" locked_until = :a WHERE id = :id",
				a->id, until, 0);
		else
			(void)account_write(
				db,
				"UPDATE staff SET failed_attempts = :b"
				" WHERE id = :id",
				a->id, NULL, a->failed);
	}
	snprintf(detail, sizeof detail, "{\"reason\":\"%s\",\"failed\":%lld}",
		 why, (long long)(a ? a->failed : 0));
	(void)hane_store_audit_event(db, "login.failed", "staff", a ? a->id : 0,
				     detail);
	if (lock) {
		snprintf(detail, sizeof detail,
			 "{\"until\":\"%s\",\"threshold\":%lld}", until,
			 (long long)limit);
		(void)hane_store_audit_event(db, "login.locked", "staff", a->id,
					     detail);
	}
	if (hane_store_commit(db) != 0)
		goto out;
	if (lock) {
		snprintf(keep, sizeof keep, hane_msg(HANE_M_SEC_NOW_LOCKED),
			 (long long)limit, until);
	}
out:
	(void)hane_store_set_actor(db, "");
	hane_error_set("%s", keep);
}

int hane_login_password(hane_db *db, const char *username, const char *password)
{
	struct account a;
	char dummy[128];
	int rc = account_get(db, username, &a);

	if (rc == HANE_ENOTFOUND || (rc == 0 && !a.hash[0])) {
		/* As slow as a real check, so the time taken does not tell
		 * whether the name exists. */
		if (hane_password_hash(dummy, password) == 0)
			sodium_memzero(dummy, sizeof dummy);
		hane_error_set("%s", hane_msg(HANE_M_SEC_BAD_LOGIN));
		note_failure(db, username, rc == 0 ? &a : NULL,
			     rc == 0 ? "no password" : "unknown user");
		return HANE_EPERM;
	}
	if (rc) {
		clear_actor(db);
		return rc;
	}
	/* A locked account is refused before the password is tried, so
	 * guessing cannot go on during the lock. */
	if (a.active && (rc = account_usable(db, username, &a)) != 0 &&
	    a.locked_until[0]) {
		note_failure(db, username, &a, "locked");
		return rc;
	}
	if (!hane_password_verify(a.hash, password)) {
		hane_error_set("%s", hane_msg(HANE_M_SEC_BAD_LOGIN));
		note_failure(db, username, &a, "password");
		return HANE_EPERM;
	}
	if ((rc = account_usable(db, username, &a)) != 0) {
		note_failure(db, username, &a, "account");
		return rc;
	}
	if ((rc = hane_store_set_actor(db, username)) != 0 ||
	    (rc = note_login(db, &a)) != 0 ||
	    (rc = hane_store_audit_event(db, "login", "staff", a.id,
					 "{\"method\":\"password\"}")) != 0) {
		clear_actor(db);
		return rc;
	}
	return 0;
}

bool hane_login_os_mapped(hane_db *db, const char *username)
{
	const struct hane_field p[] = {HANE_FTEXT(":u", username),
				       HANE_FTEXT(":os", hane_os_user())};

	return hane_store_first(db,
				"SELECT 1 FROM staff WHERE username = :u AND"
				" os_user = :os",
				p, HANE_COUNTOF(p), NULL, NULL) == 0;
}

int hane_login_trusted(hane_db *db, const char *username, bool check_state)
{
	struct account a;
	int rc = account_get(db, username, &a);

	if (rc == HANE_ENOTFOUND) {
		/* Keep store's message: it says how to get added. */
		return hane_store_set_actor(db, username);
	}
	if (rc == 0 && check_state && (rc = account_usable(db, username, &a)))
		note_failure(db, username, &a, "account");
	if (rc == 0)
		rc = hane_store_set_actor(db, username);
	if (rc == 0)
		rc = note_login(db, &a);
	if (rc && rc != HANE_ENOUSER)
		clear_actor(db);
	return rc;
}

int hane_login_peer(hane_db *db)
{
	const struct hane_actor *who;
	char name[64];
	int rc = hane_store_set_actor(db, NULL);

	if (rc)
		return rc;
	who = hane_store_actor(db);
	HANE_COPY(name, who->username);
	return hane_login_trusted(db, name, true);
}

/* ---- Account administration -------------------------------------------- */

/* The actor must be staff.admin, or username itself when self is allowed. */
static int may_manage(hane_db *db, const char *username, bool self_ok)
{
	const struct hane_actor *who = hane_store_actor(db);

	if (self_ok && who->staff_id && strcmp(who->username, username) == 0)
		return 0;
	return hane_can(db, HANE_ACT_STAFF_ADMIN);
}

static int not_self(hane_db *db, const char *username)
{
	if (strcmp(hane_store_actor(db)->username, username) == 0) {
		hane_error_set("%s", hane_msg(HANE_M_SEC_NOT_SELF));
		return HANE_EINVAL;
	}
	return 0;
}

int hane_staff_set_password(hane_db *db, const char *username,
			    const char *password)
{
	struct account a;
	char hash[128], now[20];
	int64_t min = hane_setting_get(db, HANE_SET_PASSWORD_MIN_LENGTH);
	int rc = may_manage(db, username, true);

	if (rc)
		return rc;
	/* Characters, not bytes: "şifreşifre" is ten long. */
	if (hane_text_chars(password) < min) {
		hane_error_set(hane_msg(HANE_M_SEC_PW_SHORT), (long long)min);
		return HANE_EINVAL;
	}
	if ((rc = hane_password_hash(hash, password)) != 0)
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		goto out;
	rc = account_get(db, username, &a);
	if (rc == 0)
		rc = account_write(db,
				   "UPDATE staff SET password_hash = :a,"
				   " failed_attempts = 0, locked_until = NULL"
				   " WHERE id = :id",
				   a.id, hash, 0);
	if (rc == 0)
		rc = account_write(db,
				   "UPDATE staff SET password_set_at = :a"
				   " WHERE id = :id",
				   a.id, hane_now(now), 0);
	if (rc == 0)
		rc = hane_store_audit_event(db, "staff.passwd", "staff", a.id,
					    NULL);
	if (rc) {
		hane_store_rollback(db);
		goto out;
	}
	rc = hane_store_commit(db);
out:
	sodium_memzero(hash, sizeof hash);
	return rc;
}

int hane_staff_lock(hane_db *db, const char *username, bool locked)
{
	struct account a;
	int rc = may_manage(db, username, false);

	if (rc || (locked && (rc = not_self(db, username)) != 0))
		return rc;
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = account_get(db, username, &a);
	if (rc == 0)
		rc = locked ? account_write(db,
					    "UPDATE staff SET locked_until = :a"
					    " WHERE id = :id",
					    a.id, LOCKED_FOREVER, 0)
			    : account_write(
				      db,
				      "UPDATE staff SET locked_until = NULL,"
				      " failed_attempts = 0 WHERE id = :id",
				      a.id, NULL, 0);
	if (rc == 0)
		rc = hane_store_audit_event(
			db, locked ? "staff.lock" : "staff.unlock", "staff",
			a.id, NULL);
	if (rc) {
		hane_store_rollback(db);
		return rc;
	}
	return hane_store_commit(db);
}

int hane_staff_set_active(hane_db *db, const char *username, bool active)
{
	struct account a;
	struct hane_field f[] = {HANE_FINT("active", active ? 1 : 0)};
	int rc = may_manage(db, username, false);

	if (rc || (!active && (rc = not_self(db, username)) != 0))
		return rc;
	if ((rc = account_get(db, username, &a)) != 0)
		return rc;
	rc = hane_store_update(db, "staff", a.id, a.version, f, 1, NULL);
	/* Reactivating a dormant account starts its inactivity clock anew,
	 * or it would expire again at once. */
	if (rc == 0 && active) {
		char now[20];

		rc = account_write(db,
				   "UPDATE staff SET last_login = :a"
				   " WHERE id = :id AND last_login IS NOT NULL",
				   a.id, hane_now(now), 0);
	}
	return rc;
}

int hane_staff_set_expiry(hane_db *db, const char *username, const char *date)
{
	struct account a;
	struct hane_field f[] = {
		HANE_FTEXT("expires_at", date && *date ? date : NULL)};
	int rc = may_manage(db, username, false);

	if (rc)
		return rc;
	if ((rc = account_get(db, username, &a)) != 0)
		return rc;
	return hane_store_update(db, "staff", a.id, a.version, f, 1, NULL);
}

struct expiring {
	char username[64];
	char since[20];
};

static void read_expiring(hane_stmt *st, struct expiring *p)
{
	HANE_COPY(p->username, hane_stmt_text(st, 0));
	HANE_COPY(p->since, hane_stmt_text(st, 1));
}

HANE_STORE_ROWS(expiring, struct expiring, read_expiring, 16)

int hane_staff_expire(hane_db *db, bool dry_run,
		      int (*fn)(const char *username, const char *since,
				void *arg),
		      void *arg, int *n)
{
	struct expiring_rows l = {0};
	char now[20], cutoff[20], today[HANE_DATE_LEN + 1];
	int64_t days = hane_setting_get(db, HANE_SET_INACTIVITY_DAYS);
	int rc = hane_can(db, HANE_ACT_STAFF_ADMIN);

	*n = 0;
	if (rc)
		return rc;
	hane_sec_time_shift(cutoff, hane_now(now), -days, 0, 0);
	hane_today(today);
	{
		const struct hane_field p[] = {
			HANE_FTEXT(":today", today),
			HANE_FTEXT(":cutoff", cutoff),
			HANE_FTEXT(":me", hane_store_actor(db)->username)};

		/* The list is read first so the deactivating writes do not
		 * run under an open SELECT on the same table. */
		rc = hane_store_each(
			db,
			"SELECT username, CASE WHEN expires_at < :today THEN"
			" expires_at ELSE coalesce(nullif(last_login,''),"
			" created_at) END FROM staff WHERE active AND"
			" username <> :me AND ((expires_at IS NOT NULL AND"
			" expires_at < :today) OR (coalesce(nullif(last_login,"
			"''), created_at) <> '' AND coalesce(nullif(last_login,"
			"''), created_at) < :cutoff)) ORDER BY username",
			p, HANE_COUNTOF(p), expiring_row, &l);
	}
	for (size_t i = 0; i < l.n && rc == 0; i++) {
		if (!dry_run)
			rc = hane_staff_set_active(db, l.v[i].username, false);
		if (rc == 0 && fn)
			rc = fn(l.v[i].username, l.v[i].since, arg);
		if (rc == 0)
			(*n)++;
	}
	free(l.v);
	return rc;
}
