/* Permissions: the one place that says who may do what.
 *
 * Until the security issue lands every active staff member may do
 * everything; an unknown user (no staff row) may do nothing, not even
 * read, because the registry holds special-category personal data.
 */
#include <stdio.h>

#include "hane/i18n.h"
#include "hane/perm.h"

static const char *const action_names[HANE_ACT__COUNT] = {
#define HANE_X_(name, str) [HANE_ACT_##name] = str,
	HANE_ACTIONS(HANE_X_)
#undef HANE_X_
};

const char *hane_action_name(enum hane_action a)
{
	return (unsigned)a < HANE_ACT__COUNT ? action_names[a] : "?";
}

int hane_can(hane_db *db, enum hane_action a)
{
	const struct hane_actor *who = hane_store_actor(db);

	if (who->staff_id == 0) {
		hane_error_set(hane_msg(HANE_M_UNKNOWN_USER), who->username,
			       who->username);
		return HANE_EPERM;
	}
	(void)a;
	return 0;
}
