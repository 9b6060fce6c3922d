/* The audit trail in words: the stored action codes ("person.view") and
 * table names ("household") as the audit screen shows them, in the
 * language of the session. The codes stay in the database and in
 * `hane audit` (scripts read them); people read words. */
#include <string.h>

#include "hane/core.h"
#include "hane/i18n.h"
#include "hane/security.h"

static const struct hane_code actions[] = {
	{"insert", HANE_M_AUD_INSERT},
	{"update", HANE_M_AUD_UPDATE},
	{"delete", HANE_M_AUD_DELETE},
	{"login", HANE_M_AUD_LOGIN},
	{"login.failed", HANE_M_AUD_LOGIN_FAILED},
	{"login.locked", HANE_M_AUD_LOGIN_LOCKED},
	{"staff.passwd", HANE_M_AUD_STAFF_PASSWD},
	{"staff.lock", HANE_M_AUD_STAFF_LOCK},
	{"staff.unlock", HANE_M_AUD_STAFF_UNLOCK},
	{"setting", HANE_M_AUD_SETTING},
	{"person.view", HANE_M_AUD_PERSON_VIEW},
	{"person.search", HANE_M_AUD_PERSON_SEARCH},
	{"person.reveal", HANE_M_AUD_PERSON_REVEAL},
	{"person.access", HANE_M_AUD_PERSON_ACCESS},
	{"person.merge", HANE_M_AUD_PERSON_MERGE},
	{"person.unmerge", HANE_M_AUD_PERSON_UNMERGE},
	{"household.view", HANE_M_AUD_HOUSEHOLD_VIEW},
	{"household.360", HANE_M_AUD_HOUSEHOLD_360},
	{"audit.view", HANE_M_AUD_AUDIT_VIEW},
	{"export", HANE_M_AUD_EXPORT},
	{"import", HANE_M_AUD_IMPORT},
	{"report", HANE_M_AUD_REPORT},
	{"backup", HANE_M_AUD_BACKUP},
	{"maintenance", HANE_M_AUD_MAINTENANCE},
	{"retention.anonymise", HANE_M_AUD_RETENTION_ANON},
	{"retention.run", HANE_M_AUD_RETENTION_RUN},
	{"retention.dry_run", HANE_M_AUD_RETENTION_DRY},
	{"duplicates.list", HANE_M_AUD_DUP_LIST},
	{"duplicates.log", HANE_M_AUD_DUP_LOG},
	{"inspection.view", HANE_M_AUD_INSP_VIEW},
	{"inspection.list", HANE_M_AUD_INSP_LIST},
	{"inspection.aid", HANE_M_AUD_INSP_AID},
	{"inspection.note", HANE_M_AUD_INSP_NOTE},
	{"homecare.client.list", HANE_M_AUD_HC_CLIENT_LIST},
	{"homecare.client.view", HANE_M_AUD_HC_CLIENT_VIEW},
	{"homecare.visit.list", HANE_M_AUD_HC_VISIT_LIST},
	{"homecare.visit.view", HANE_M_AUD_HC_VISIT_VIEW},
	{"homecare.agenda", HANE_M_AUD_HC_AGENDA},
	{"foodbank.unserved", HANE_M_AUD_FB_UNSERVED},
	{"foodbank.override", HANE_M_AUD_FB_OVERRIDE},
	{"clothing.override", HANE_M_AUD_CL_OVERRIDE},
	{"clothing.issue.list", HANE_M_AUD_CL_ISSUE_LIST},
	{"clothing.donation.list", HANE_M_AUD_CL_DONATION_LIST},
	{"taxi.board", HANE_M_AUD_TAXI_BOARD},
	{"taxi.manifest", HANE_M_AUD_TAXI_MANIFEST},
	{"taxi.rider.list", HANE_M_AUD_TAXI_RIDER_LIST},
	{"taxi.trip.list", HANE_M_AUD_TAXI_TRIP_LIST},
	{"taxi.override", HANE_M_AUD_TAXI_OVERRIDE},
	{"taxi.unflag", HANE_M_AUD_TAXI_UNFLAG},
};

static const struct hane_code tables[] = {
	{"person", HANE_M_AUD_T_PERSON},
	{"household", HANE_M_AUD_T_HOUSEHOLD},
	{"staff", HANE_M_AUD_T_STAFF},
	{"security_setting", HANE_M_AUD_T_SETTING},
	{"mahalle", HANE_M_AUD_T_MAHALLE},
	{"mahalle_alias", HANE_M_AUD_T_MAHALLE},
	{"district", HANE_M_AUD_T_DISTRICT},
	{"holiday", HANE_M_AUD_T_HOLIDAY},
	{"inspection_request", HANE_M_AUD_T_INSPECTION},
	{"inspection_visit", HANE_M_AUD_T_INSPECTION},
	{"inspection_decision", HANE_M_AUD_T_INSPECTION},
	{"homecare_client", HANE_M_AUD_T_HC_CLIENT},
	{"homecare_visit", HANE_M_AUD_T_HC_VISIT},
	{"taxi_trip", HANE_M_AUD_T_TAXI_TRIP},
	{"taxi_rider", HANE_M_AUD_T_TAXI_RIDER},
	{"fb_distribution", HANE_M_AUD_T_FB_DIST},
	{"clothing_issue", HANE_M_AUD_T_CL_ISSUE},
	{"clothing_donation", HANE_M_AUD_T_CL_DONATION},
};

const char *hane_audit_action_text(const char *action)
{
	return hane_code_text(actions, HANE_COUNTOF(actions), action);
}

const char *hane_audit_table_text(const char *table)
{
	return hane_code_text(tables, HANE_COUNTOF(tables), table);
}

int hane_audit_action_count(void)
{
	return (int)HANE_COUNTOF(actions);
}

const char *hane_audit_action_code(int i)
{
	return i >= 0 && i < (int)HANE_COUNTOF(actions) ? actions[i].code
							: NULL;
}
