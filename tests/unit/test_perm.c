/* The role matrix: every role against every action, from a table written
 * here independently of src/store/perm.c, through hane_role_can and
 * through hane_can with real staff rows as the actor. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "hane/perm.h"

/* Columns: admin, supervisor of the action's unit, supervisor of another
 * unit, caseworker of the unit, caseworker of another unit, reporter. For
 * actions of the whole directorate "the unit" is households. */
static const struct {
	enum hane_action a;
	const char *unit;
	const char *expect;
} cases[] = {
	{HANE_ACT_HOUSEHOLD_READ, "households", "yyyyyy"},
	{HANE_ACT_HOUSEHOLD_WRITE, "households", "yyyyyn"},
	{HANE_ACT_PERSON_REVEAL, "households", "yyyyyn"},
	{HANE_ACT_PERSON_UNMASKED, "households", "yyyynn"},
	{HANE_ACT_PERSON_ACCESS, "households", "ynnnnn"},
	{HANE_ACT_STAFF_READ, "households", "yyynnn"},
	{HANE_ACT_STAFF_ADMIN, "households", "ynnnnn"},
	{HANE_ACT_IMPORT, "households", "yynynn"},
	{HANE_ACT_EXPORT, "households", "yyyyyy"},
	{HANE_ACT_EXPORT_UNMASKED, "households", "yyynnn"},
	{HANE_ACT_REPORT_RUN, "households", "yyyyyy"},
	{HANE_ACT_AUDIT_READ, "households", "ynnnnn"},
	{HANE_ACT_RETENTION, "households", "ynnnnn"},
	{HANE_ACT_MAINTENANCE, "households", "ynnnnn"},
	{HANE_ACT_REFERENCE_ADMIN, "households", "ynnnnn"},
	{HANE_ACT_INSPECTION_READ, "inspection", "yynyny"},
	{HANE_ACT_INSPECTION_WRITE, "inspection", "yynynn"},
	{HANE_ACT_INSPECTION_DECIDE, "inspection", "yynnnn"},
	{HANE_ACT_FOODBANK_READ, "foodbank", "yynyny"},
	{HANE_ACT_FOODBANK_WRITE, "foodbank", "yynynn"},
	{HANE_ACT_FOODBANK_OVERRIDE, "foodbank", "yynnnn"},
	{HANE_ACT_FOODBANK_ADMIN, "foodbank", "yynnnn"},
	{HANE_ACT_HOMECARE_READ, "homecare", "yynyny"},
	{HANE_ACT_HOMECARE_WRITE, "homecare", "yynynn"},
	{HANE_ACT_HOMECARE_ADMIN, "homecare", "yynnnn"},
	{HANE_ACT_TAXI_READ, "taxi", "yynyny"},
	{HANE_ACT_TAXI_WRITE, "taxi", "yynynn"},
	{HANE_ACT_TAXI_OVERRIDE, "taxi", "yynnnn"},
	{HANE_ACT_TAXI_ADMIN, "taxi", "yynnnn"},
	{HANE_ACT_CLOTHING_READ, "clothing", "yynyny"},
	{HANE_ACT_CLOTHING_WRITE, "clothing", "yynynn"},
	{HANE_ACT_CLOTHING_OVERRIDE, "clothing", "yynnnn"},
	{HANE_ACT_CLOTHING_ADMIN, "clothing", "yynnnn"},
	{HANE_ACT_VETERANS_READ, "veterans", "yynyny"},
	{HANE_ACT_VETERANS_WRITE, "veterans", "yynynn"},
	{HANE_ACT_VETERANS_ADMIN, "veterans", "yynnnn"},
	{HANE_ACT_KITCHEN_READ, "kitchen", "yynyny"},
	{HANE_ACT_KITCHEN_WRITE, "kitchen", "yynynn"},
	{HANE_ACT_KITCHEN_ADMIN, "kitchen", "yynnnn"},
	{HANE_ACT_CENTRES_READ, "centres", "yynyny"},
	{HANE_ACT_CENTRES_WRITE, "centres", "yynynn"},
	{HANE_ACT_CENTRES_ADMIN, "centres", "yynnnn"},
};

#define NCASES (sizeof cases / sizeof cases[0])

static const char *other_unit(const char *unit)
{
	return strcmp(unit, "taxi") == 0 ? "foodbank" : "taxi";
}

static void every_action_has_a_case(void **state)
{
	(void)state;
	for (int a = 0; a < HANE_ACT__COUNT; a++) {
		bool found = false;

		for (size_t i = 0; i < NCASES; i++)
			found |= cases[i].a == (enum hane_action)a;
		if (!found)
			fail_msg("no expectation for %s",
				 hane_action_name((enum hane_action)a));
	}
}

static void matrix_by_role(void **state)
{
	(void)state;
	for (size_t i = 0; i < NCASES; i++) {
		const char *u = cases[i].unit, *o = other_unit(u);
		bool got[6] = {
			hane_role_can("admin", "", cases[i].a),
			hane_role_can("supervisor", u, cases[i].a),
			hane_role_can("supervisor", o, cases[i].a),
			hane_role_can("caseworker", u, cases[i].a),
			hane_role_can("caseworker", o, cases[i].a),
			hane_role_can("reporter", "", cases[i].a),
		};

		for (int r = 0; r < 6; r++)
			if (got[r] != (cases[i].expect[r] == 'y'))
				fail_msg("%s column %d: got %d want %c",
					 hane_action_name(cases[i].a), r,
					 got[r], cases[i].expect[r]);
	}
	assert_false(hane_role_can("boss", "", HANE_ACT_HOUSEHOLD_READ));
	assert_false(hane_role_can(NULL, NULL, HANE_ACT_HOUSEHOLD_READ));
	/* A caseworker without a unit has no unit rights at all. */
	assert_false(hane_role_can("caseworker", NULL, HANE_ACT_TAXI_WRITE));
	assert_false(hane_role_can("caseworker", "", HANE_ACT_IMPORT));
}

/* The same matrix through hane_can, with the refusal naming the
 * permission that is missing. */
static void matrix_through_actors(void **state)
{
	hane_db *db = tu_open(NULL);
	static const char *const units[] = {
		"households", "inspection", "foodbank", "homecare", "taxi",
		"clothing",   "veterans",   "kitchen",	"centres"};
	char name[64];

	(void)state;
	tu_staff(db, "adm", NULL, "admin", "");
	tu_staff(db, "rep", NULL, "reporter", "");
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
		snprintf(name, sizeof name, "sup_%s", units[u]);
		tu_staff(db, name, NULL, "supervisor", units[u]);
		snprintf(name, sizeof name, "cw_%s", units[u]);
		tu_staff(db, name, NULL, "caseworker", units[u]);
	}
	for (size_t i = 0; i < NCASES; i++) {
		const char *u = cases[i].unit, *o = other_unit(u);
		char who[6][64];

		snprintf(who[0], 64, "adm");
		snprintf(who[1], 64, "sup_%s", u);
		snprintf(who[2], 64, "sup_%s", o);
		snprintf(who[3], 64, "cw_%s", u);
		snprintf(who[4], 64, "cw_%s", o);
		snprintf(who[5], 64, "rep");
		for (int r = 0; r < 6; r++) {
			int rc;

			tu_ok(hane_store_set_actor(db, who[r]));
			rc = hane_can(db, cases[i].a);
			if ((rc == 0) != (cases[i].expect[r] == 'y'))
				fail_msg("%s as %s: rc %d",
					 hane_action_name(cases[i].a), who[r],
					 rc);
			if (rc) {
				assert_int_equal(rc, HANE_EPERM);
				assert_non_null(
					strstr(hane_error_last(),
					       hane_action_name(cases[i].a)));
				assert_non_null(
					strstr(hane_error_last(), who[r]));
			}
		}
	}
	/* Nobody: refused everything, told how to get added. */
	assert_int_equal(hane_store_set_actor(db, "stranger"), HANE_ENOUSER);
	for (int a = 0; a < HANE_ACT__COUNT; a++)
		assert_int_equal(hane_can(db, (enum hane_action)a), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "hane staff add stranger"));
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_action_has_a_case),
		cmocka_unit_test(matrix_by_role),
		cmocka_unit_test(matrix_through_actors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
