/* Shared by the centres' sessions and placements (session.c,
 * placement.c): small checks on the centres' tables. Private to the
 * unit's models. */
#ifndef HANE_CSP_INT_H
#define HANE_CSP_INT_H

#include <stdint.h>

#include "hane/centres_sp.h"

/* The kind ("session", "placement"…) and programme of site; HANE_ENOTFOUND
 * with its message when there is no such site. kind may be NULL. */
int hane_csp_site_kind(hane_db *db, int64_t site_id, char kind[16],
		       int64_t *programme_id);

/* The person's running membership of programme on day (one at site
 * first), or HANE_EINVAL naming the person, programme and day (and
 * HANE_ENOTFOUND for a person who does not exist). */
int hane_csp_member(hane_db *db, int64_t person_id, int64_t programme_id,
		    int64_t site_id, const char *day, int64_t *member_id);

#endif
