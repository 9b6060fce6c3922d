/* hane/security.h — login, masking, the read log, retention and the
 * other duties of personal-data protection (KVKK).
 *
 * hane holds health, disability and income data of vulnerable people.
 * This module decides, by the acting staff member's permissions
 * (hane/perm.h), what they see unmasked; it writes the read log (who saw
 * whose data, when) beside the write audit kept by store; it logs staff
 * in (peer login or Argon2id passwords, lock-out after repeated failures);
 * and it anonymises persons nobody has served for the retention period.
 *
 * Errors: 0 or a negative HANE_E… with hane_error_last() set. Text
 * buffers are the caller's; functions that format return out.
 */
#ifndef HANE_SECURITY_H
#define HANE_SECURITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/record.h"
#include "hane/store.h"

/* ---- Settings ---------------------------------------------------------- */

/* The security policy, stored in the security_setting table. */
#define HANE_SETTINGS(X)                                                       \
	X(LOCKOUT_THRESHOLD, "lockout_threshold", 5, 1, 100)                   \
	X(LOCKOUT_MINUTES, "lockout_minutes", 15, 1, 100000)                   \
	X(INACTIVITY_DAYS, "inactivity_days", 180, 1, 10000)                   \
	X(RETENTION_MONTHS, "retention_months", 60, 1, 1200)                   \
	X(PASSWORD_MIN_LENGTH, "password_min_length", 10, 6, 200)

enum hane_setting {
#define HANE_X_(id, name, def, lo, hi) HANE_SET_##id,
	HANE_SETTINGS(HANE_X_)
#undef HANE_X_
		HANE_SET__COUNT
};

/* The setting's name ("lockout_threshold"); NULL when out of range. */
const char *hane_setting_name(enum hane_setting s);

/* The value of s (its default when the row is missing). Needs no
 * permission: login needs the policy before anyone is logged in. */
int64_t hane_setting_get(hane_db *db, enum hane_setting s);

/* Sets setting `name` to value (needs staff.admin; the change is audited
 * as "setting"). HANE_EINVAL for an unknown name or a value out of
 * range, with the allowed range in the message. */
int hane_setting_set(hane_db *db, const char *name,
		     int64_t value) HANE_WARN_UNUSED;

/* ---- Passwords and login ------------------------------------------------ */

/* Hashes with Argon2id (libsodium crypto_pwhash_str) at the interactive
 * limits. When the environment variable HANE_PWHASH_FAST is set (tests
 * only; ignored in a setuid/setgid process) the minimum limits are used,
 * which makes a hash take about a millisecond. out gets the encoded hash
 * (parameters and salt included), at most 128 bytes. */
int hane_password_hash(char out[128], const char *password) HANE_WARN_UNUSED;

/* True if password matches the encoded hash (constant-time). */
bool hane_password_verify(const char *hash, const char *password);

/* Sets username's password (hashing it; the text is never stored or
 * logged). Staff members may set their own; anyone else's needs
 * staff.admin. Too short a password (password_min_length) is
 * HANE_EINVAL. Clears failed attempts and any lock-out; audited as
 * "staff.passwd" without the hash. */
int hane_staff_set_password(hane_db *db, const char *username,
			    const char *password) HANE_WARN_UNUSED;

/* Logs username in with password and makes them the actor. Refuses, with
 * one message that does not tell which part was wrong, an unknown user, a
 * wrong password and an account without a password; refuses a locked,
 * expired or inactive account saying so. Each failure is counted and
 * audited ("login.failed"); reaching lockout_threshold locks the account
 * for lockout_minutes ("login.locked"). On any failure the actor is
 * nobody. Success resets the count and records last_login. */
int hane_login_password(hane_db *db, const char *username,
			const char *password) HANE_WARN_UNUSED;

/* Peer login: makes the staff member mapped to this OS account through
 * staff.os_user (never by the same username alone) the actor, when the
 * account is active, not locked and not expired, and records last_login.
 * HANE_ENOUSER when the OS account maps to nobody (the actor is then
 * nobody, named after the OS user). */
int hane_login_peer(hane_db *db) HANE_WARN_UNUSED;

/* Makes username the actor without a password, for the OS superuser (who
 * can read the file anyway) and the OS account mapped to username; the
 * caller decides that. Account state is still checked unless trusted
 * (root). */
int hane_login_trusted(hane_db *db, const char *username,
		       bool check_state) HANE_WARN_UNUSED;

/* True if the OS account running hane is mapped to staff username. */
bool hane_login_os_mapped(hane_db *db, const char *username);

/* Account administration (staff.admin), each audited: lock (until
 * unlocked), unlock (also clears failed attempts), deactivate, activate,
 * and an expiry date (ISO, "" for none). */
int hane_staff_lock(hane_db *db, const char *username,
		    bool locked) HANE_WARN_UNUSED;
int hane_staff_set_active(hane_db *db, const char *username,
			  bool active) HANE_WARN_UNUSED;
int hane_staff_set_expiry(hane_db *db, const char *username,
			  const char *date) HANE_WARN_UNUSED;

/* Deactivates every active account whose last login (or creation, if it
 * never logged in) is older than inactivity_days, or whose expiry date
 * has passed; with dry_run only lists them. fn (may be NULL) is called
 * for each with the username and the date that made it expire. *n gets
 * the count. Needs staff.admin. */
int hane_staff_expire(hane_db *db, bool dry_run,
		      int (*fn)(const char *username, const char *since,
				void *arg),
		      void *arg, int *n) HANE_WARN_UNUSED;

/* ---- Masking -------------------------------------------------------------
 *
 * Each helper writes the value unmasked when the actor has
 * person.unmasked and masked otherwise, and returns out. Empty values stay
 * empty. To show one masked value in full, call hane_reveal() first (it
 * checks person.reveal and logs) and then print the value itself.
 */

/* True if the actor sees personal data unmasked (person.unmasked). */
bool hane_sees_unmasked(hane_db *db);

/* "12345678950" → "123******50" (hane_tckn_mask of core). */
char *hane_mask_tckn(hane_db *db, char *out, size_t n, const char *tckn);

/* E.164 → "0532 123 45 67", masked "0532 *** ** 67". */
char *hane_mask_phone(hane_db *db, char *out, size_t n, const char *e164);

/* "Gündoğdu Atatürk Cd. No:12 D:3", masked "Gündoğdu ***": the
 * neighbourhood stays (statistics need it), the rest goes. */
char *hane_mask_address(hane_db *db, char *out, size_t n, const char *mahalle,
			const char *street, const char *building,
			const char *door);

/* Any other special-category text (chronic illness, notes): "***". */
char *hane_mask_text(hane_db *db, char *out, size_t n, const char *text);

/* Field f's stored value v as the registry's outputs show it to the
 * actor (hane_gate_field with HANE_GATE_REGISTRY): the signature of a
 * bound form's mask (hane/ui.h). Returns out. */
char *hane_mask_field(hane_db *db, const struct hane_fdef *f, char *out,
		      size_t n, const char *v);

/* Checks person.reveal and logs "person.reveal" for person_id with the
 * field revealed ("tckn", "phone", "address"…). 0: the caller may now
 * show that value in full; HANE_EPERM naming the permission otherwise.
 * When the log cannot be written the value must not be shown. */
int hane_reveal(hane_db *db, int64_t person_id,
		const char *field) HANE_WARN_UNUSED;

/* ---- The gate ------------------------------------------------------------
 *
 * Every output that shows a person — a screen, a command's output, a
 * report, a CSV — asks here what of each personal value it may show, and
 * logs the view before showing it. The rule, in one place:
 *
 *   TC Kimlik No            clear with person.unmasked; masked otherwise.
 *   phone, address, health  clear with person.unmasked, or in an output of
 *                           a unit for staff holding that unit's write
 *                           permission (they serve the person: the taxi
 *                           unit sends the driver to the rider's door and
 *                           the driver calls the rider, the caregiver
 *                           needs the client's needs and address, the
 *                           inspector wrote the case note); masked
 *                           otherwise (reporters, and registry outputs for
 *                           unit staff).
 *
 * "Health" is any free text that can hold health details: needs, notes,
 * findings, case notes, chronic illness, a rider's driver notes. Names,
 * the mahalle and codes stay visible to everyone who may read the output.
 */

enum hane_pd {
	HANE_PD_TCKN,	 /* "123******50" */
	HANE_PD_PHONE,	 /* E.164 in; "0532 123 45 67" / "0532 *** ** 67" */
	HANE_PD_ADDRESS, /* street, building, door, a pickup address: "***" */
	HANE_PD_HEALTH,	 /* free text that can hold health details: "***" */
};

/* HANE_GATE_REGISTRY as unit: an output of the registry itself (no unit's
 * write permission widens it). Otherwise the unit's write action
 * (HANE_ACT_TAXI_WRITE, …). */
#define HANE_GATE_REGISTRY (-1)

/* True if the actor sees values of kind in clear in an output of unit. */
bool hane_gate_clear(hane_db *db, int unit, enum hane_pd kind);

/* v as the actor may see it in an output of unit: v itself (a phone
 * formatted "0532 123 45 67") or its mask; "" stays "". Returns out
 * (or v, when shown as stored). */
const char *hane_gate_show(hane_db *db, int unit, enum hane_pd kind,
			   const char *v, char *out, size_t n);

/* The kind of personal data field f of a record holds, from its field
 * table: a HANE_FF_MASKED field is a TC Kimlik No or a phone by its type,
 * otherwise text that may hold health details (masked alike: an address
 * part is "***" too). -1 for a field every reader may see. */
int hane_pd_of(const struct hane_fdef *f);

/* hane_gate_show for the value v of field f (its kind by hane_pd_of); a
 * field every reader may see shows as stored (v returned). */
const char *hane_gate_field(hane_db *db, int unit, const struct hane_fdef *f,
			    const char *v, char *out, size_t n);

/* Logs that the actor was shown the person behind row id of table
 * ("person", "homecare_client", "taxi_rider", "inspection"…) in the
 * output event ("taxi.manifest", "homecare.client.view"…). Call it before
 * the row is shown: a caller that gets an error back must not show it. */
int hane_gate_view(hane_db *db, const char *event, const char *table,
		   int64_t id) HANE_WARN_UNUSED;

/* Logs that the actor was shown a list of persons (names, mahalle,
 * codes: what the gate leaves visible) in the output event ("taxi.board",
 * "homecare.visit.list"…). Call it before the list is shown. */
int hane_gate_list(hane_db *db, const char *event) HANE_WARN_UNUSED;

/* Logs a person search: how many results, and what kind of query
 * ("name", "digits", "name+digits") with its length — never the query
 * itself (a search for a TC Kimlik No must not put the number in the
 * log). The console logs each keystroke's search as the CLI does. The
 * row is written later (hane_store_audit_event_later): with the session's
 * next commit, within a second, or when it ends. */
int hane_gate_search(hane_db *db, const char *kind, size_t len,
		     int results) HANE_WARN_UNUSED;

/* ---- The read log ----------------------------------------------------------
 *
 * Rows in the audit table with a read event as action. A caller that gets
 * an error back must not show the data: an access that cannot be
 * answered for does not happen.
 */

/* Logs event ("person.view", "household.view") for one person row. */
int hane_log_read(hane_db *db, const char *event,
		  int64_t person_id) HANE_WARN_UNUSED;

/* Logs a read of any row: table and id as in the audit, detail (may be
 * NULL) free text or JSON. */
int hane_log_event(hane_db *db, const char *event, const char *table,
		   int64_t id, const char *detail) HANE_WARN_UNUSED;

/* Logs an export ("export") of what ("households") written to path with
 * rows rows, masked or not, with the SHA-256 of the file as written (so a
 * copy found later can be traced to this export). */
int hane_log_export(hane_db *db, const char *what, const char *path, long rows,
		    bool unmasked) HANE_WARN_UNUSED;

/* Logs a report run ("report") of report with its parameters as given
 * (may be NULL) and whether the output was unmasked. */
int hane_log_report(hane_db *db, const char *report, const char *params,
		    bool unmasked) HANE_WARN_UNUSED;

/* SHA-256 of a file as 64 lowercase hex digits, read with the user's own
 * ids (hane/files.h). */
int hane_sha256_file(char hex[65], const char *path) HANE_WARN_UNUSED;

/* SHA-256 of what is left to read on fd; name is for messages. */
int hane_sha256_fd(char hex[65], int fd, const char *name) HANE_WARN_UNUSED;

/* ---- The audit trail, read back ------------------------------------------ */

struct hane_audit_filter {
	const char *username; /* NULL: anyone */
	int64_t person_id;  /* 0: any; else rows of the person and household */
	const char *from;   /* ISO date, inclusive; NULL: no bound */
	const char *to;	    /* ISO date, inclusive; NULL: no bound */
	const char *action; /* exact action or prefix ending in '.'; NULL */
	int limit;	    /* the newest N rows (oldest first); 0: all */
};

struct hane_audit_row {
	int64_t id;
	char at[20];
	char username[64];
	char action[48];
	char table[32];
	int64_t row_id;
	char os_user[64];    /* the OS login that ran hane ("" before 012) */
	const char *changes; /* borrowed for the callback only */
};

/* Calls fn for each audit row matching f, oldest first. Needs audit.read;
 * the query itself is logged ("audit.view"). */
int hane_audit_each(hane_db *db, const struct hane_audit_filter *f,
		    int (*fn)(const struct hane_audit_row *r, void *arg),
		    void *arg) HANE_WARN_UNUSED;

/* An audit row's action code ("person.view") and table ("household") in
 * words of the current language ("kişi görüntülendi", "hane"); a code
 * without words comes back as it is. Static storage. */
const char *hane_audit_action_text(const char *action);
const char *hane_audit_table_text(const char *table);
/* The action codes that have words, i in [0, count): for a filter's
 * choice list. */
int hane_audit_action_count(void);
const char *hane_audit_action_code(int i);

/* ---- Retention and access requests --------------------------------------- */

struct hane_retention_item {
	int64_t person_id;
	int64_t household_id;
	char name[200];	       /* "Ad Soyad" (before anonymising) */
	char last_service[20]; /* latest activity found, local time */
};

/* Persons with no service in the last retention_months (see retention.c
 * for what counts as service): with dry_run, fn sees each and nothing
 * changes; otherwise each is anonymised (identity dropped: TC Kimlik No,
 * names, birth day and month, phone, chronic illness; statistics kept:
 * birth year, sex, disability %, mahalle, income) in one transaction,
 * their earlier audit values are redacted, and retention_log records what
 * was destroyed. A household whose members are all anonymised loses its
 * address, phone and notes. Needs retention. *n gets the count. */
int hane_retention_run(hane_db *db, bool dry_run,
		       int (*fn)(const struct hane_retention_item *it,
				 void *arg),
		       void *arg, int *n) HANE_WARN_UNUSED;

/* The cut-off date of the current retention period ("YYYY-MM-DD"). */
char *hane_retention_cutoff(hane_db *db, char out[11]);

/* Writes everything hane holds about the person with TC Kimlik No tckn
 * as JSON to path (created 0600; refuses an existing file): the person,
 * the household and its members' names, every row of a unit table that
 * references them, and the audit rows about them (who read or changed
 * what). Needs person.access; logged with the file's SHA-256. */
int hane_person_access_export(hane_db *db, const char *tckn,
			      const char *path) HANE_WARN_UNUSED;

/* ---- Files --------------------------------------------------------------- */

/* The mode hane gives a file it creates at path: 0660 when the folder is
 * set-group-ID (a shared install: the group is the hane group), 0600
 * otherwise. */
unsigned hane_file_mode_for(const char *path);

#endif
