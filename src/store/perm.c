/* Permissions: the one place that says who may do what.
 *
 * One table, role × action. A cell is NO, YES, or UNIT: allowed only when
 * the staff member's unit (staff.unit) is the unit the action belongs to,
 * which is how a food-bank caseworker may record distributions but never
 * an inspection decision. A row missing from the table is all NO, so an
 * action added to the X-macro without a decision here is refused to
 * everyone but nobody is locked out of what worked before.
 *
 * Administrators may do everything. Supervisors lead one unit: everything
 * a caseworker of it may do, plus its decisions, overrides and settings,
 * the staff list, and unmasked exports. Caseworkers work in one unit and
 * on the shared household registry; only those of the registry itself
 * (unit "households") see personal data unmasked, the others reveal it
 * one value at a time (logged). Reporters read everything masked and run
 * reports; they change nothing.
 *
 * An unknown user (no active staff row) may do nothing, not even read:
 * the registry holds special-category personal data.
 */
#include <stdio.h>
#include <string.h>

#include "hane/i18n.h"
#include "hane/perm.h"

enum role { R_ADMIN, R_SUPERVISOR, R_CASEWORKER, R_REPORTER, R__COUNT };
enum cell { NO = 0, YES, UNIT };

static const char *const role_names[R__COUNT] = {
	[R_ADMIN] = "admin",
	[R_SUPERVISOR] = "supervisor",
	[R_CASEWORKER] = "caseworker",
	[R_REPORTER] = "reporter",
};

struct rule {
	const char *unit; /* the unit UNIT cells compare with */
	unsigned char cell[R__COUNT];
};

/* clang-format off */
#define RULE(act, unit, adm, sup, cw, rep) \
	[HANE_ACT_##act] = {unit, {adm, sup, cw, rep}},
static const struct rule matrix[HANE_ACT__COUNT] = {
	/*     action              unit          admin sup   case  report */
	RULE(HOUSEHOLD_READ,    NULL,         YES,  YES,  YES,  YES)
	RULE(HOUSEHOLD_WRITE,   NULL,         YES,  YES,  YES,  NO)
	RULE(PERSON_REVEAL,     NULL,         YES,  YES,  YES,  NO)
	RULE(PERSON_UNMASKED,   "households", YES,  YES,  UNIT, NO)
	RULE(PERSON_ACCESS,     NULL,         YES,  NO,   NO,   NO)
	RULE(STAFF_READ,        NULL,         YES,  YES,  NO,   NO)
	RULE(STAFF_ADMIN,       NULL,         YES,  NO,   NO,   NO)
	RULE(IMPORT,            "households", YES,  UNIT, UNIT, NO)
	RULE(EXPORT,            NULL,         YES,  YES,  YES,  YES)
	RULE(EXPORT_UNMASKED,   NULL,         YES,  YES,  NO,   NO)
	RULE(REPORT_RUN,        NULL,         YES,  YES,  YES,  YES)
	RULE(AUDIT_READ,        NULL,         YES,  NO,   NO,   NO)
	RULE(RETENTION,         NULL,         YES,  NO,   NO,   NO)
	RULE(MAINTENANCE,       NULL,         YES,  NO,   NO,   NO)
	RULE(REFERENCE_ADMIN,   NULL,         YES,  NO,   NO,   NO)
	RULE(INSPECTION_READ,   "inspection", YES,  UNIT, UNIT, YES)
	RULE(INSPECTION_WRITE,  "inspection", YES,  UNIT, UNIT, NO)
	RULE(INSPECTION_DECIDE, "inspection", YES,  UNIT, NO,   NO)
	RULE(FOODBANK_READ,     "foodbank",   YES,  UNIT, UNIT, YES)
	RULE(FOODBANK_WRITE,    "foodbank",   YES,  UNIT, UNIT, NO)
	RULE(FOODBANK_OVERRIDE, "foodbank",   YES,  UNIT, NO,   NO)
	RULE(FOODBANK_ADMIN,    "foodbank",   YES,  UNIT, NO,   NO)
	RULE(HOMECARE_READ,     "homecare",   YES,  UNIT, UNIT, YES)
	RULE(HOMECARE_WRITE,    "homecare",   YES,  UNIT, UNIT, NO)
	RULE(HOMECARE_ADMIN,    "homecare",   YES,  UNIT, NO,   NO)
	RULE(TAXI_READ,         "taxi",       YES,  UNIT, UNIT, YES)
	RULE(TAXI_WRITE,        "taxi",       YES,  UNIT, UNIT, NO)
	RULE(TAXI_OVERRIDE,     "taxi",       YES,  UNIT, NO,   NO)
	RULE(TAXI_ADMIN,        "taxi",       YES,  UNIT, NO,   NO)
	RULE(CLOTHING_READ,     "clothing",   YES,  UNIT, UNIT, YES)
	RULE(CLOTHING_WRITE,    "clothing",   YES,  UNIT, UNIT, NO)
	RULE(CLOTHING_OVERRIDE, "clothing",   YES,  UNIT, NO,   NO)
	RULE(CLOTHING_ADMIN,    "clothing",   YES,  UNIT, NO,   NO)
	RULE(VETERANS_READ,     "veterans",   YES,  UNIT, UNIT, YES)
	RULE(VETERANS_WRITE,    "veterans",   YES,  UNIT, UNIT, NO)
	RULE(VETERANS_ADMIN,    "veterans",   YES,  UNIT, NO,   NO)
	RULE(KITCHEN_READ,      "kitchen",    YES,  UNIT, UNIT, YES)
	RULE(KITCHEN_WRITE,     "kitchen",    YES,  UNIT, UNIT, NO)
	RULE(KITCHEN_ADMIN,     "kitchen",    YES,  UNIT, NO,   NO)
	RULE(CENTRES_READ,      "centres",    YES,  UNIT, UNIT, YES)
	RULE(CENTRES_WRITE,     "centres",    YES,  UNIT, UNIT, NO)
	RULE(CENTRES_ADMIN,     "centres",    YES,  UNIT, NO,   NO)
};
#undef RULE
/* clang-format on */

static const char *const action_names[HANE_ACT__COUNT] = {
#define HANE_X_(name, str) [HANE_ACT_##name] = str,
	HANE_ACTIONS(HANE_X_)
#undef HANE_X_
};

const char *hane_action_name(enum hane_action a)
{
	return (unsigned)a < HANE_ACT__COUNT ? action_names[a] : "?";
}

int hane_action_find(const char *name)
{
	for (int a = 0; name && a < HANE_ACT__COUNT; a++)
		if (strcmp(name, action_names[a]) == 0)
			return a;
	return -1;
}

const char *hane_action_unit(enum hane_action a)
{
	return (unsigned)a < HANE_ACT__COUNT ? matrix[a].unit : NULL;
}

static int role_index(const char *role)
{
	for (int r = 0; r < R__COUNT; r++)
		if (role && strcmp(role, role_names[r]) == 0)
			return r;
	return -1;
}

bool hane_role_can(const char *role, const char *unit, enum hane_action a)
{
	int r = role_index(role);

	if (r < 0 || (unsigned)a >= HANE_ACT__COUNT)
		return false;
	switch (matrix[a].cell[r]) {
	case YES:
		return true;
	case UNIT:
		return matrix[a].unit && unit &&
		       strcmp(unit, matrix[a].unit) == 0;
	default:
		return false;
	}
}

int hane_can(hane_db *db, enum hane_action a)
{
	const struct hane_actor *who = hane_store_actor(db);

	if (who->staff_id == 0) {
		hane_error_set(hane_msg(HANE_M_UNKNOWN_USER), who->username,
			       who->username);
		return HANE_EPERM;
	}
	if (hane_role_can(who->role, who->unit, a))
		return 0;
	/* Say which permission is missing and why the role lacks it, so the
	 * person knows whom to ask. */
	hane_error_set(hane_msg(HANE_M_SEC_PERM_DENIED), who->username,
		       hane_action_name(a), who->role, who->unit[0] ? ", " : "",
		       who->unit);
	return HANE_EPERM;
}
