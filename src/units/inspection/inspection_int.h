/* Private to the inspection unit. */
#ifndef HANE_INSPECTION_INT_H
#define HANE_INSPECTION_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "hane/inspection.h"
#include "hane/record.h"

/* The statuses in which a request counts as open (the duplicate rule). */
#define INSP_OPEN_SQL "('requested', 'assigned', 'visited')"

/* A request as stored, without a permission check (the caller checked). */
int insp_read(hane_db *db, int64_t id, struct hane_inspection *out);

/* Saves r (read with insp_read, then changed) if the request is still at
 * version (HANE_ECONFLICT otherwise): only what changed is written and
 * audited. */
int insp_save(hane_db *db, struct hane_inspection *r, int64_t version);

/* The id of an open request of household for reason other than except
 * (0 none), or a negative error. */
int insp_open_duplicate(hane_db *db, int64_t household_id, const char *reason,
			int64_t except, int64_t *found);

/* Checks a request's fields (codes, dates, lengths) as create needs them;
 * fills requested_on with today when empty (r is the caller's copy). */
int insp_validate_request(hane_db *db, struct hane_inspection *r);

/* Inserts a validated request; computes the due date unless r->due_on is
 * set. Runs inside the caller's transaction. */
int insp_insert_request(hane_db *db, struct hane_inspection *r, int64_t *id);

/* The unit's settings as stored (the defaults where a row is missing),
 * without a permission check. */
int insp_settings_read(hane_db *db, struct hane_inspection_settings *out);

/* Whether staff member id is an active inspector: HANE_ENOTFOUND or
 * HANE_EINVAL with a message naming what is wrong otherwise. */
int insp_check_inspector(hane_db *db, int64_t id);

/* Strict ISO date check ("" refused). */
bool insp_date_ok(const char *iso);

#endif
