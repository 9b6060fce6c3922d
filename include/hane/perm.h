/* hane/perm.h — who may do what.
 *
 * Every model function asks hane_can() before it reads or writes, so the
 * console and the CLI can never disagree. The actions are one X-macro
 * table; the role matrix (role × action, with the unit scoping of
 * supervisors and caseworkers) is one table in src/store/perm.c.
 *
 * The actions added by the security issue:
 *   person.unmasked  see TC Kimlik No, phone and address unmasked without
 *                    a reveal (others see them masked; see hane/security.h)
 *   person.reveal    reveal one masked value with an explicit, logged action
 *   person.access    export everything about one person (KVKK access
 *                    request)
 *   retention        run the retention anonymisation
 *   maintenance      backups and integrity checks
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
	X(TAXI_ADMIN, "taxi.admin")                                            \
	X(PERSON_UNMASKED, "person.unmasked")                                  \
	X(PERSON_ACCESS, "person.access")                                      \
	X(RETENTION, "retention")                                              \
	X(MAINTENANCE, "maintenance")                                          \
	X(REFERENCE_ADMIN, "reference.admin")                                  \
	X(CLOTHING_READ, "clothing.read")                                      \
	X(CLOTHING_WRITE, "clothing.write")                                    \
	X(CLOTHING_OVERRIDE, "clothing.override")                              \
	X(CLOTHING_ADMIN, "clothing.admin")                                    \
	X(VETERANS_READ, "veterans.read")                                      \
	X(VETERANS_WRITE, "veterans.write")                                    \
	X(VETERANS_ADMIN, "veterans.admin")                                    \
	X(KITCHEN_READ, "kitchen.read")                                        \
	X(KITCHEN_WRITE, "kitchen.write")                                      \
	X(KITCHEN_ADMIN, "kitchen.admin")                                      \
	X(CENTRES_READ, "centres.read")                                        \
	X(CENTRES_WRITE, "centres.write")                                      \
	X(CENTRES_ADMIN, "centres.admin")

enum hane_action {
#define HANE_X_(name, str) HANE_ACT_##name,
	HANE_ACTIONS(HANE_X_)
#undef HANE_X_
		HANE_ACT__COUNT
};

/* The permission's name ("household.write"). */
const char *hane_action_name(enum hane_action a);

/* The action called name ("homecare.read"), or -1 when there is none. */
int hane_action_find(const char *name);

/* 0 if the acting staff member may do a; HANE_EPERM (unknown user: with
 * the hint to ask an administrator for `hane staff add`) naming the
 * missing permission otherwise. */
int hane_can(hane_db *db, enum hane_action a) HANE_WARN_UNUSED;

/* The same decision for a role and unit, without an actor or a database:
 * true if role (admin, supervisor, caseworker, reporter) working in unit
 * ("" or NULL: none) may do a. Unknown roles may do nothing. */
bool hane_role_can(const char *role, const char *unit, enum hane_action a);

/* The unit an action belongs to ("foodbank" for foodbank.write), or NULL
 * for actions of the whole directorate. Static storage. */
const char *hane_action_unit(enum hane_action a);

#endif
