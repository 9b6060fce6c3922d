/* hane/staff.h — staff members (personel): who may use hane, in which role.
 */
#ifndef HANE_STAFF_H
#define HANE_STAFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/store.h"

struct hane_staff {
	int64_t id;
	int64_t version;
	char username[64];
	char full_name[128];
	char role[16]; /* admin, supervisor, caseworker, reporter */
	char unit[32]; /* households, inspection, foodbank, homecare, taxi */
	char os_user[64];
	bool active;
	/* Login state (filled by hane_staff_each; ignored by add). */
	bool has_password;
	char last_login[20];   /* "" never */
	char locked_until[20]; /* "" not locked; "9999-…" locked by an admin */
	char expires_at[11];   /* ISO date or "" */
};

/* True if role is one of the four roles. */
bool hane_staff_role_valid(const char *role);

/* Adds a staff member (needs staff.admin). *id (may be NULL) gets the id.
 * A username already taken is HANE_EEXIST. */
int hane_staff_add(hane_db *db, const struct hane_staff *s,
		   int64_t *id) HANE_WARN_UNUSED;

/* Calls fn for every staff member ordered by username. */
int hane_staff_each(hane_db *db,
		    int (*fn)(const struct hane_staff *s, void *arg),
		    void *arg) HANE_WARN_UNUSED;

/* Number of staff rows (0 on a new database). Needs no permission: it
 * is how `hane init` knows whether there is a first administrator. */
int hane_staff_count(hane_db *db, int64_t *n) HANE_WARN_UNUSED;

/* On a database without staff, makes os_login (NULL: the OS user running
 * hane) its first administrator: username and os_user both os_login, so
 * that OS account enters by peer login. When the administrator made is
 * the OS user running hane, they become the actor; otherwise the actor
 * does not change. *created tells whether one was added. */
int hane_staff_bootstrap(hane_db *db, const char *os_login,
			 bool *created) HANE_WARN_UNUSED;

#endif
