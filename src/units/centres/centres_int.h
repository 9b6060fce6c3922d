/* The centres unit's private helpers, shared by its model files
 * (programme.c, apply.c, member.c, import.c). */
#ifndef HANE_CENTRES_INT_H
#define HANE_CENTRES_INT_H

#include "hane/centres.h"
#include "hane/i18n.h"
#include "hane/perm.h"

/* SQL true when programme column col is one the actor may see: bind
 * :all and :me with cen_visible_params. */
#define CEN_VISIBLE(col)                                                       \
	"(:all = 1 OR " col " IN (SELECT cs.programme_id FROM centre_staff"    \
	" cs WHERE cs.staff_id = :me))"

/* p[0..2) := :all (the actor sees every programme) and :me (its staff
 * id). */
void cen_visible_params(hane_db *db, struct hane_field p[2]);

/* hane_can(action) and, for programme_id (0: none), that the actor may
 * see it (hane_centre_programme_allowed). */
int cen_can(hane_db *db, enum hane_action action, int64_t programme_id);

/* 0 when site_id is 0 or its programme is one the actor may see. */
int cen_site_allowed(hane_db *db, int64_t site_id);

/* A time "H:MM" or "HH:MM" into "HH:MM"; "" is now (hane_now). */
int cen_time(char t[HANE_CENTRE_TIME], enum hane_msg field);

/* The programme's name in the current language. */
const char *cen_programme_name(const struct hane_centre_programme *p);

/* Refuses (HANE_EEXIST, naming it) a second open application or running
 * membership of programme_id for person_id; application except is not
 * counted (the one being decided). */
int cen_one_open(hane_db *db, int64_t person_id, int64_t programme_id,
		 int64_t except);

/* Opens membership m (site_id, person_id, start, term, notes,
 * application_id set; programme_id from the site) inside the caller's
 * transaction: one open per programme (application except not counted),
 * the site's capacity (HANE_EPERM saying it is full). m->id is set. */
int cen_member_open(hane_db *db, struct hane_centre_member *m, int64_t except);

/* Every rule hane_centre_member_add applies, without writing: m is
 * normalised (dates, programme) and a refusal says why. The import runs
 * it first, so that a refused row never dooms the file's transaction. */
int cen_member_check(hane_db *db, struct hane_centre_member *m);

/* What a refused check-in was about: the member or site, the day, the
 * time in. */
enum cen_part { CEN_PART_WHO, CEN_PART_DAY, CEN_PART_TIME };

/* Every rule hane_centre_checkin applies to a check-in of member_id at
 * site_id (0: the member's) on v->date at v->time_in, without writing:
 * v is normalised and gets the member's ids, m the membership; a refusal
 * sets *part (may be NULL). */
int cen_checkin_check(hane_db *db, int64_t member_id, int64_t site_id,
		      struct hane_centre_visit *v, struct hane_centre_member *m,
		      enum cen_part *part);

#endif
