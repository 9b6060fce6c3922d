/* hane/perm.h — who may do what.
 *
 * Every model function asks hane_can() before it reads or writes, so the
 * console and the CLI can never disagree. The actions are one X-macro
 * table; the security issue fills in the role matrix (until then every
 * known staff member may do everything, and an unknown user nothing).
 */
#ifndef HANE_PERM_H
#define HANE_PERM_H

#include "hane/store.h"

/* X(NAME, "permission.name") */
#define HANE_ACTIONS(X)                                                        \
	X(HOUSEHOLD_READ, "household.read")                                    \
	X(HOUSEHOLD_WRITE, "household.write")                                  \
	X(PERSON_REVEAL, "person.reveal")                                      \
	X(STAFF_READ, "staff.read")                                            \
	X(STAFF_ADMIN, "staff.admin")                                          \
	X(IMPORT, "import")                                                    \
	X(EXPORT, "export")                                                    \
	X(EXPORT_UNMASKED, "export.unmasked")                                  \
	X(REPORT_RUN, "report.run")                                            \
	X(AUDIT_READ, "audit.read")                                            \
	X(INSPECTION_READ, "inspection.read")                                  \
	X(INSPECTION_WRITE, "inspection.write")                                \
	X(INSPECTION_DECIDE, "inspection.decide")                              \
	X(FOODBANK_READ, "foodbank.read")                                      \
	X(FOODBANK_WRITE, "foodbank.write")                                    \
	X(FOODBANK_OVERRIDE, "foodbank.override")                              \
	X(FOODBANK_ADMIN, "foodbank.admin")                                    \
	X(HOMECARE_READ, "homecare.read")                                      \
	X(HOMECARE_WRITE, "homecare.write")                                    \
	X(HOMECARE_ADMIN, "homecare.admin")                                    \
	X(TAXI_READ, "taxi.read")                                              \
	X(TAXI_WRITE, "taxi.write")                                            \
	X(TAXI_OVERRIDE, "taxi.override")                                      \
	X(TAXI_ADMIN, "taxi.admin")

enum hane_action {
#define HANE_X_(name, str) HANE_ACT_##name,
	HANE_ACTIONS(HANE_X_)
#undef HANE_X_
	HANE_ACT__COUNT
};

/* The permission's name ("household.write"). */
const char *hane_action_name(enum hane_action a);

/* 0 if the acting staff member may do a; HANE_EPERM (unknown user: with
 * the hint to ask an administrator for `hane staff add`) naming the
 * missing permission otherwise. */
int hane_can(hane_db *db, enum hane_action a) HANE_WARN_UNUSED;

#endif
