/* The annual activity report: one table of figures, each a one-number
 * query with :year, so every figure printed can be checked by running
 * the query shown beside it (in the sqlite3 tool as well). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/embed.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "units/overview/overview_int.h"

#define Y_FROM ":year || '-01-01'"
#define Y_TO ":year || '-12-31'"
#define IN_YEAR(col) " " col " BETWEEN " Y_FROM " AND " Y_TO

/* What the report runs: the running totals of migration 011, kept by
 * triggers on the units' rows (ov_tally per month, ov_served per year). */
#define TALLY(m)                                                               \
	"SELECT coalesce(total(n), 0) FROM ov_tally WHERE measure = '" m "'"   \
	" AND month BETWEEN :year || '-01' AND :year || '-12'"
#define SERVED(m)                                                              \
	"SELECT count(*) FROM ov_served WHERE measure = '" m "'"               \
	" AND year = :year"
#define PERSONS(m)                                                             \
	"SELECT coalesce(total(persons), 0) FROM ov_served"                    \
	" WHERE measure = '" m "' AND year = :year"

/* What it checks against (hane annual --verify): the same figure counted
 * from the units' rows. The households each unit served in the year: */
#define HH_INSPECTION                                                          \
	"SELECT r.household_id FROM inspection_visit v"                        \
	" JOIN inspection_request r ON r.id = v.request_id"                    \
	" WHERE" IN_YEAR("v.visited_on")
#define HH_FOODBANK                                                            \
	"SELECT household_id FROM fb_distribution WHERE" IN_YEAR("date")
#define HH_HOMECARE                                                            \
	"SELECT p.household_id FROM homecare_visit v"                          \
	" JOIN homecare_client c ON c.id = v.client_id"                        \
	" JOIN person p ON p.id = c.person_id"                                 \
	" WHERE v.status = 'done' AND" IN_YEAR("v.date")
#define HH_TAXI                                                                \
	"SELECT p.household_id FROM taxi_trip t"                               \
	" JOIN taxi_appointment a ON a.id = t.appointment_id"                  \
	" JOIN taxi_rider r ON r.id = a.rider_id"                              \
	" JOIN person p ON p.id = r.person_id"                                 \
	" WHERE t.status = 'done' AND" IN_YEAR("t.day")
#define HH_CLOTHING                                                            \
	"SELECT household_id FROM clothing_issue WHERE" IN_YEAR("date")
/* Dost Eller's pieces given in the year (cond: a category, or ""). */
#define CL_ITEMS(cond)                                                         \
	"SELECT coalesce(total(l.qty), 0) FROM clothing_issue_line l"          \
	" JOIN clothing_issue i ON i.id = l.issue_id"                          \
	" JOIN clothing_category c ON c.id = l.category_id"                    \
	" WHERE" IN_YEAR("i.date") cond
/* The kitchen's: the households on the home-meal roster in the year. */
#define HH_KITCHEN                                                             \
	"SELECT household_id FROM kitchen_home WHERE start_date <= " Y_TO      \
	" AND (end_date IS NULL OR end_date >= " Y_FROM ")"
/* The centres' (migration 020): a membership or placement is active in
 * the year when it started by its last day and had not ended before its
 * first (one with no end is running); its persons, and their households. */
#define CE_ACTIVE(a)                                                           \
	" " a ".start <= " Y_TO " AND (" a ".end_date IS NULL OR " a           \
	".end_date >= " Y_FROM ")"
#define CE_PERSONS                                                             \
	"SELECT m.person_id FROM centre_member m WHERE" CE_ACTIVE(             \
		"m") " UNION SELECT c.person_id FROM centre_placement c "      \
		     "WHERE" CE_ACTIVE("c")
#define HH_CENTRES                                                             \
	"SELECT household_id FROM person WHERE id IN (" CE_PERSONS ")"
#define HH_ALL                                                                 \
	HH_INSPECTION " UNION " HH_FOODBANK " UNION " HH_HOMECARE              \
		      " UNION " HH_TAXI " UNION " HH_CLOTHING                  \
		      " UNION " HH_VETERANS " UNION " HH_KITCHEN               \
		      " UNION " HH_CENTRES
#define HH_VETERANS                                                            \
	"SELECT v.household_id FROM veteran_visit w"                           \
	" JOIN veteran v ON v.id = w.veteran_id WHERE" IN_YEAR("w.date")
/* The veterans unit's households of a category visited in the year. */
#define VET_CATEGORY(c)                                                        \
	"SELECT count(DISTINCT v.household_id) FROM veteran_visit w"           \
	" JOIN veteran v ON v.id = w.veteran_id"                               \
	" WHERE v.category = '" c "' AND" IN_YEAR("w.date")

/* The kitchen's portions: ov_tally keeps them per month under
 * 'kitchen.<channel>.<item>' (migration 014); a figure takes a channel's
 * item, an item over every channel ('kitchen.*.cake') or a whole channel
 * ('kitchen.neighbourhood.*'), and its check sums the same rows. */
#define KT_TALLY(glob)                                                         \
	"SELECT coalesce(total(n), 0) FROM ov_tally WHERE measure GLOB '" glob \
	"' AND month BETWEEN :year || '-01' AND :year || '-12'"
#define KT_ROWS(cond)                                                          \
	"SELECT coalesce(total(t.count), 0) FROM kitchen_tally t"              \
	" JOIN kitchen_channel c ON c.id = t.channel_id"                       \
	" JOIN kitchen_item i ON i.id = t.item_id WHERE " cond                 \
	" AND" IN_YEAR("t.date")

/* The centres' figures of a programme (p: its code) or a site (s: its
 * code), as migration 020 keeps them: 'centres.p.members' and
 * 'centres.site.s.members' (persons active in the year), '….new'
 * (memberships started), '….visits' (check-ins), 'centres.p.app.STATUS'
 * (applications decided), 'centres.p.sessions' (held), '….attended',
 * '….no_shows' (bookings), '….employed' (persons placed in the year). */
#define CE_MEMBER_ROWS(what, join, cond)                                       \
	"SELECT " what " FROM centre_member m JOIN " join " WHERE " cond
#define CE_MEMBERS_P(p)                                                        \
	CE_MEMBER_ROWS("count(DISTINCT m.person_id)",                          \
		       "centre_programme p ON p.id = m.programme_id",          \
		       "p.code = '" p "' AND" CE_ACTIVE("m"))
#define CE_MEMBERS_S(s)                                                        \
	CE_MEMBER_ROWS("count(DISTINCT m.person_id)",                          \
		       "centre_site s ON s.id = m.site_id",                    \
		       "s.code = '" s "' AND" CE_ACTIVE("m"))
#define CE_NEW_P(p)                                                            \
	CE_MEMBER_ROWS("count(*)",                                             \
		       "centre_programme p ON p.id = m.programme_id",          \
		       "p.code = '" p "' AND" IN_YEAR("m.start"))
#define CE_NEW_S(s)                                                            \
	CE_MEMBER_ROWS("count(*)", "centre_site s ON s.id = m.site_id",        \
		       "s.code = '" s "' AND" IN_YEAR("m.start"))
#define CE_VISITS_P(p)                                                         \
	"SELECT count(*) FROM centre_visit v"                                  \
	" JOIN centre_site s ON s.id = v.site_id"                              \
	" JOIN centre_programme p ON p.id = s.programme_id"                    \
	" WHERE p.code = '" p "' AND" IN_YEAR("v.date")
#define CE_VISITS_S(s)                                                         \
	"SELECT count(*) FROM centre_visit v"                                  \
	" JOIN centre_site s ON s.id = v.site_id"                              \
	" WHERE s.code = '" s "' AND" IN_YEAR("v.date")
#define CE_DECIDED(p, st)                                                      \
	"SELECT count(*) FROM centre_application a"                            \
	" JOIN centre_programme p ON p.id = a.programme_id"                    \
	" WHERE p.code = '" p "' AND a.status = '" st                          \
	"' AND" IN_YEAR("a.decided_on")
#define CE_SESSIONS(p)                                                         \
	"SELECT count(*) FROM centre_session x"                                \
	" JOIN centre_site s ON s.id = x.site_id"                              \
	" JOIN centre_programme p ON p.id = s.programme_id"                    \
	" WHERE p.code = '" p "' AND x.status = 'open' AND" IN_YEAR("x.date")
#define CE_BOOKINGS(p, st)                                                     \
	"SELECT count(*) FROM centre_booking b"                                \
	" JOIN centre_session x ON x.id = b.session_id"                        \
	" JOIN centre_site s ON s.id = x.site_id"                              \
	" JOIN centre_programme p ON p.id = s.programme_id"                    \
	" WHERE p.code = '" p "' AND b.status = '" st                          \
	"' AND" IN_YEAR("b.date")
#define CE_EMPLOYED(cond)                                                      \
	"SELECT count(DISTINCT c.person_id) FROM centre_placement c"           \
	" JOIN centre_site s ON s.id = c.site_id"                              \
	" JOIN centre_programme p ON p.id = s.programme_id"                    \
	" WHERE " cond " AND" CE_ACTIVE("c")
/* A site's three figures (the Asırlık Çınar branches). */
/* clang-format off */
#define CE_SITE(s, members, new, visits)                                       \
	{"centres.site." s ".members", HANE_OV_CENTRES, members, false,        \
	 SERVED("centres.site." s ".members"), CE_MEMBERS_S(s)},               \
	{"centres.site." s ".new", HANE_OV_CENTRES, new, false,                \
	 TALLY("centres.site." s ".new"), CE_NEW_S(s)},                        \
	{"centres.site." s ".visits", HANE_OV_CENTRES, visits, false,          \
	 TALLY("centres.site." s ".visits"), CE_VISITS_S(s)}
/* clang-format on */

/* sql: what the report runs. check: the same figure from the units' rows;
 * NULL for the persons in the households served, which are counted as
 * each household was when first served that year (the registry does not
 * keep who lived where on a past day). */
static const struct {
	const char *id;
	int unit;
	enum hane_msg title;
	bool money;
	const char *sql;
	const char *check;
} figures[] = {
	{"inspection.requests", HANE_OV_INSPECTION, HANE_M_OV_F_INSP_REQUESTS,
	 false, TALLY("inspection.requests"),
	 "SELECT count(*) FROM inspection_request WHERE" IN_YEAR(
		 "requested_on")},
	{"inspection.visits", HANE_OV_INSPECTION, HANE_M_OV_F_INSP_VISITS,
	 false, TALLY("inspection.visits"),
	 "SELECT count(*) FROM inspection_visit WHERE" IN_YEAR("visited_on")},
	{"inspection.households", HANE_OV_INSPECTION, HANE_M_OV_F_INSP_HH,
	 false, SERVED("inspection.households"),
	 "SELECT count(DISTINCT household_id) FROM (" HH_INSPECTION ")"},
	{"inspection.persons", HANE_OV_INSPECTION, HANE_M_OV_F_INSP_PERSONS,
	 false, PERSONS("inspection.households"), NULL},
	{"inspection.decisions", HANE_OV_INSPECTION, HANE_M_OV_F_INSP_DECISIONS,
	 false, TALLY("inspection.decisions"),
	 "SELECT count(*) FROM inspection_decision WHERE" IN_YEAR(
		 "decided_on")},
	{"inspection.aid", HANE_OV_INSPECTION, HANE_M_OV_F_INSP_AID, false,
	 TALLY("inspection.aid"),
	 "SELECT count(*) FROM inspection_decision WHERE outcome = 'aid' "
	 "AND" IN_YEAR("decided_on")},
	{"inspection.regular", HANE_OV_INSPECTION, HANE_M_OV_F_INSP_REGULAR,
	 false, TALLY("inspection.regular"),
	 "SELECT count(*) FROM inspection_decision"
	 " WHERE aid_type = 'regular' AND" IN_YEAR("decided_on")},
	{"inspection.rejected", HANE_OV_INSPECTION, HANE_M_OV_F_INSP_REJECTED,
	 false, TALLY("inspection.rejected"),
	 "SELECT count(*) FROM inspection_decision"
	 " WHERE outcome = 'rejected' AND" IN_YEAR("decided_on")},
	{"inspection.cash", HANE_OV_INSPECTION, HANE_M_OV_F_INSP_CASH, true,
	 TALLY("inspection.cash"),
	 "SELECT coalesce(total(amount_kurus), 0) FROM inspection_decision"
	 " WHERE outcome = 'aid' AND kind = 'cash' AND" IN_YEAR("decided_on")},
	{"foodbank.packages", HANE_OV_FOODBANK, HANE_M_OV_F_FOOD_PACKAGES,
	 false, TALLY("foodbank.packages"),
	 "SELECT count(*) FROM fb_distribution WHERE" IN_YEAR("date")},
	{"foodbank.households", HANE_OV_FOODBANK, HANE_M_OV_F_FOOD_HH, false,
	 SERVED("foodbank.households"),
	 "SELECT count(DISTINCT household_id) FROM (" HH_FOODBANK ")"},
	{"foodbank.persons", HANE_OV_FOODBANK, HANE_M_OV_F_FOOD_PERSONS, false,
	 PERSONS("foodbank.households"), NULL},
	{"foodbank.value", HANE_OV_FOODBANK, HANE_M_OV_F_FOOD_VALUE, true,
	 TALLY("foodbank.value"),
	 "SELECT coalesce(total(value_kurus), 0) FROM fb_distribution "
	 "WHERE" IN_YEAR("date")},
	{"foodbank.donations", HANE_OV_FOODBANK, HANE_M_OV_F_FOOD_DONATIONS,
	 false, TALLY("foodbank.donations"),
	 "SELECT count(*) FROM fb_donation WHERE" IN_YEAR("date")},
	{"foodbank.donation_value", HANE_OV_FOODBANK,
	 HANE_M_OV_F_FOOD_DONATION_VALUE, true,
	 TALLY("foodbank.donation_value"),
	 "SELECT coalesce(total(value_kurus), 0) FROM fb_donation "
	 "WHERE" IN_YEAR("date")},
	{"foodbank.supply_value", HANE_OV_FOODBANK,
	 HANE_M_OV_F_FOOD_SUPPLY_VALUE, true, TALLY("foodbank.supply_value"),
	 "SELECT coalesce(total(value_kurus), 0) FROM fb_supply WHERE" IN_YEAR(
		 "date")},
	{"homecare.care_visits", HANE_OV_HOMECARE, HANE_M_OV_F_CARE_VISITS,
	 false, TALLY("homecare.care_visits"),
	 "SELECT count(*) FROM homecare_visit WHERE service = 'care'"
	 " AND status = 'done' AND" IN_YEAR("date")},
	{"homecare.care_persons", HANE_OV_HOMECARE, HANE_M_OV_F_CARE_PERSONS,
	 false, SERVED("homecare.care_persons"),
	 "SELECT count(DISTINCT c.person_id) FROM homecare_visit v"
	 " JOIN homecare_client c ON c.id = v.client_id"
	 " WHERE v.service = 'care' AND v.status = 'done' AND" IN_YEAR(
		 "v.date")},
	{"homecare.cleanings", HANE_OV_HOMECARE, HANE_M_OV_F_CLEANINGS, false,
	 TALLY("homecare.cleanings"),
	 "SELECT count(*) FROM homecare_visit WHERE service = 'cleaning'"
	 " AND status = 'done' AND" IN_YEAR("date")},
	{"homecare.cleaning_persons", HANE_OV_HOMECARE,
	 HANE_M_OV_F_CLEANING_PERSONS, false,
	 SERVED("homecare.cleaning_persons"),
	 "SELECT count(DISTINCT c.person_id) FROM homecare_visit v"
	 " JOIN homecare_client c ON c.id = v.client_id"
	 " WHERE v.service = 'cleaning' AND v.status = 'done' AND" IN_YEAR(
		 "v.date")},
	{"homecare.missed", HANE_OV_HOMECARE, HANE_M_OV_F_CARE_MISSED, false,
	 TALLY("homecare.missed"),
	 "SELECT count(*) FROM homecare_visit WHERE status = 'missed' "
	 "AND" IN_YEAR("date")},
	{"homecare.new_clients", HANE_OV_HOMECARE, HANE_M_OV_F_CARE_NEW, false,
	 TALLY("homecare.new_clients"),
	 "SELECT count(*) FROM homecare_client WHERE" IN_YEAR("start_date")},
	{"taxi.appointments", HANE_OV_TAXI, HANE_M_OV_F_TAXI_APPTS, false,
	 TALLY("taxi.appointments"),
	 "SELECT count(*) FROM taxi_appointment WHERE status = 'booked' "
	 "AND" IN_YEAR("day")},
	{"taxi.trips", HANE_OV_TAXI, HANE_M_OV_F_TAXI_TRIPS, false,
	 TALLY("taxi.trips"),
	 "SELECT count(*) FROM taxi_trip WHERE status = 'done' AND" IN_YEAR(
		 "day")},
	{"taxi.riders", HANE_OV_TAXI, HANE_M_OV_F_TAXI_RIDERS, false,
	 SERVED("taxi.riders"),
	 "SELECT count(DISTINCT a.rider_id) FROM taxi_trip t"
	 " JOIN taxi_appointment a ON a.id = t.appointment_id"
	 " WHERE t.status = 'done' AND" IN_YEAR("t.day")},
	{"taxi.wheelchair", HANE_OV_TAXI, HANE_M_OV_F_TAXI_WHEELCHAIR, false,
	 TALLY("taxi.wheelchair"),
	 "SELECT count(*) FROM taxi_trip WHERE status = 'done'"
	 " AND wheelchair = 1 AND" IN_YEAR("day")},
	{"taxi.noshows", HANE_OV_TAXI, HANE_M_OV_F_TAXI_NOSHOWS, false,
	 TALLY("taxi.noshows"),
	 "SELECT count(*) FROM taxi_trip WHERE status = 'noshow' AND" IN_YEAR(
		 "day")},
	{"taxi.cancelled", HANE_OV_TAXI, HANE_M_OV_F_TAXI_CANCELLED, false,
	 TALLY("taxi.cancelled"),
	 "SELECT count(*) FROM taxi_trip WHERE status = 'cancelled' "
	 "AND" IN_YEAR("day")},
	{"clothing.persons", HANE_OV_CLOTHING, HANE_M_OV_F_CL_PERSONS, false,
	 SERVED("clothing.persons"),
	 "SELECT count(DISTINCT person_id) FROM clothing_issue WHERE" IN_YEAR(
		 "date")},
	{"clothing.households", HANE_OV_CLOTHING, HANE_M_OV_F_CL_HH, false,
	 SERVED("clothing.households"),
	 "SELECT count(DISTINCT household_id) FROM (" HH_CLOTHING ")"},
	{"clothing.issues", HANE_OV_CLOTHING, HANE_M_OV_F_CL_ISSUES, false,
	 TALLY("clothing.issues"),
	 "SELECT count(*) FROM clothing_issue WHERE" IN_YEAR("date")},
	{"clothing.items", HANE_OV_CLOTHING, HANE_M_OV_F_CL_ITEMS, false,
	 TALLY("clothing.items"), CL_ITEMS("")},
	{"clothing.items.adult", HANE_OV_CLOTHING, HANE_M_OV_F_CL_ADULT, false,
	 TALLY("clothing.items.adult"), CL_ITEMS(" AND c.code = 'adult'")},
	{"clothing.items.child", HANE_OV_CLOTHING, HANE_M_OV_F_CL_CHILD, false,
	 TALLY("clothing.items.child"), CL_ITEMS(" AND c.code = 'child'")},
	{"clothing.items.baby", HANE_OV_CLOTHING, HANE_M_OV_F_CL_BABY, false,
	 TALLY("clothing.items.baby"), CL_ITEMS(" AND c.code = 'baby'")},
	{"clothing.items.shoes", HANE_OV_CLOTHING, HANE_M_OV_F_CL_SHOES, false,
	 TALLY("clothing.items.shoes"), CL_ITEMS(" AND c.code = 'shoes'")},
	{"clothing.donations", HANE_OV_CLOTHING, HANE_M_OV_F_CL_DONATIONS,
	 false, TALLY("clothing.donations"),
	 "SELECT count(*) FROM clothing_donation WHERE" IN_YEAR("date")},
	{"clothing.donated_items", HANE_OV_CLOTHING, HANE_M_OV_F_CL_DONATED,
	 false, TALLY("clothing.donated_items"),
	 "SELECT coalesce(total(l.qty), 0) FROM clothing_donation_line l"
	 " JOIN clothing_donation d ON d.id = l.donation_id"
	 " WHERE" IN_YEAR("d.date")},
	{"veterans.martyr", HANE_OV_VETERANS, HANE_M_OV_F_VET_MARTYR, false,
	 SERVED("veterans.martyr"), VET_CATEGORY("martyr")},
	{"veterans.anti_terror", HANE_OV_VETERANS, HANE_M_OV_F_VET_ANTI_TERROR,
	 false, SERVED("veterans.anti_terror"), VET_CATEGORY("anti_terror")},
	{"veterans.cyprus", HANE_OV_VETERANS, HANE_M_OV_F_VET_CYPRUS, false,
	 SERVED("veterans.cyprus"), VET_CATEGORY("cyprus")},
	{"veterans.korea", HANE_OV_VETERANS, HANE_M_OV_F_VET_KOREA, false,
	 SERVED("veterans.korea"), VET_CATEGORY("korea")},
	{"veterans.other", HANE_OV_VETERANS, HANE_M_OV_F_VET_OTHER, false,
	 SERVED("veterans.other"), VET_CATEGORY("other")},
	{"veterans.households", HANE_OV_VETERANS, HANE_M_OV_F_VET_HH, false,
	 SERVED("veterans.households"),
	 "SELECT count(DISTINCT household_id) FROM (" HH_VETERANS ")"},
	{"veterans.visits", HANE_OV_VETERANS, HANE_M_OV_F_VET_VISITS, false,
	 TALLY("veterans.visits"),
	 "SELECT count(*) FROM veteran_visit WHERE" IN_YEAR("date")},
	{"veterans.visits_since_2022", HANE_OV_VETERANS, HANE_M_OV_F_VET_SINCE,
	 false,
	 "SELECT coalesce(total(n), 0) FROM ov_tally"
	 " WHERE measure = 'veterans.visits'"
	 " AND month BETWEEN '2022-01' AND :year || '-12'",
	 "SELECT count(*) FROM veteran_visit"
	 " WHERE date BETWEEN '2022-01-01' AND " Y_TO},
	{"veterans.gifts", HANE_OV_VETERANS, HANE_M_OV_F_VET_GIFTS, false,
	 TALLY("veterans.gifts"),
	 "SELECT coalesce(sum(gifts), 0) FROM veteran_visit WHERE" IN_YEAR(
		 "date")},
	{"kitchen.morning_soup", HANE_OV_KITCHEN, HANE_M_OV_F_KT_MORNING_SOUP,
	 false, KT_TALLY("kitchen.morning.soup"),
	 KT_ROWS("c.code = 'morning' AND i.code = 'soup'")},
	{"kitchen.hot_meals", HANE_OV_KITCHEN, HANE_M_OV_F_KT_HOT_MEALS, false,
	 KT_TALLY("kitchen.hot.meal"),
	 KT_ROWS("c.code = 'hot' AND i.code = 'meal'")},
	{"kitchen.cake", HANE_OV_KITCHEN, HANE_M_OV_F_KT_CAKE, false,
	 KT_TALLY("kitchen.*.cake"), KT_ROWS("i.code = 'cake'")},
	{"kitchen.mobile_soup", HANE_OV_KITCHEN, HANE_M_OV_F_KT_MOBILE_SOUP,
	 false, KT_TALLY("kitchen.mobile.soup"),
	 KT_ROWS("c.code = 'mobile' AND i.code = 'soup'")},
	{"kitchen.mobile_lemonade", HANE_OV_KITCHEN,
	 HANE_M_OV_F_KT_MOBILE_LEMONADE, false,
	 KT_TALLY("kitchen.mobile.lemonade"),
	 KT_ROWS("c.code = 'mobile' AND i.code = 'lemonade'")},
	{"kitchen.mobile_irmik", HANE_OV_KITCHEN, HANE_M_OV_F_KT_MOBILE_IRMIK,
	 false, KT_TALLY("kitchen.mobile.irmik"),
	 KT_ROWS("c.code = 'mobile' AND i.code = 'irmik'")},
	{"kitchen.plates", HANE_OV_KITCHEN, HANE_M_OV_F_KT_PLATES, false,
	 KT_TALLY("kitchen.*.plate"), KT_ROWS("i.code = 'plate'")},
	{"kitchen.pastries", HANE_OV_KITCHEN, HANE_M_OV_F_KT_PASTRIES, false,
	 KT_TALLY("kitchen.*.pastry"), KT_ROWS("i.code = 'pastry'")},
	{"kitchen.asure", HANE_OV_KITCHEN, HANE_M_OV_F_KT_ASURE, false,
	 KT_TALLY("kitchen.*.asure"), KT_ROWS("i.code = 'asure'")},
	{"kitchen.neighbourhood_meals", HANE_OV_KITCHEN,
	 HANE_M_OV_F_KT_NEIGHBOURHOOD, false,
	 KT_TALLY("kitchen.neighbourhood.*"),
	 KT_ROWS("c.code = 'neighbourhood'")},
	{"kitchen.households", HANE_OV_KITCHEN, HANE_M_OV_F_KT_HH, false,
	 SERVED("kitchen.households"),
	 "SELECT count(DISTINCT household_id) FROM (" HH_KITCHEN ")"},
	{"kitchen.persons", HANE_OV_KITCHEN, HANE_M_OV_F_KT_PERSONS, false,
	 PERSONS("kitchen.households"), NULL},
	{"centres.cinar.members", HANE_OV_CENTRES, HANE_M_OV_F_CE_CINAR_MEMBERS,
	 false, SERVED("centres.cinar.members"), CE_MEMBERS_P("cinar")},
	{"centres.cinar.new", HANE_OV_CENTRES, HANE_M_OV_F_CE_CINAR_NEW, false,
	 TALLY("centres.cinar.new"), CE_NEW_P("cinar")},
	{"centres.cinar.visits", HANE_OV_CENTRES, HANE_M_OV_F_CE_CINAR_VISITS,
	 false, TALLY("centres.cinar.visits"), CE_VISITS_P("cinar")},
	CE_SITE("cinar_gundogdu", HANE_M_OV_F_CE_GUNDOGDU_MEMBERS,
		HANE_M_OV_F_CE_GUNDOGDU_NEW, HANE_M_OV_F_CE_GUNDOGDU_VISITS),
	CE_SITE("cinar_serdar", HANE_M_OV_F_CE_SERDAR_MEMBERS,
		HANE_M_OV_F_CE_SERDAR_NEW, HANE_M_OV_F_CE_SERDAR_VISITS),
	CE_SITE("cinar_kurucesme", HANE_M_OV_F_CE_KURUCESME_MEMBERS,
		HANE_M_OV_F_CE_KURUCESME_NEW, HANE_M_OV_F_CE_KURUCESME_VISITS),
	CE_SITE("cinar_akarca", HANE_M_OV_F_CE_AKARCA_MEMBERS,
		HANE_M_OV_F_CE_AKARCA_NEW, HANE_M_OV_F_CE_AKARCA_VISITS),
	{"centres.alzheimer.new", HANE_OV_CENTRES, HANE_M_OV_F_CE_ALZ_NEW,
	 false, TALLY("centres.alzheimer.new"), CE_NEW_P("alzheimer")},
	{"centres.alzheimer.members", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_ALZ_MEMBERS, false, SERVED("centres.alzheimer.members"),
	 CE_MEMBERS_P("alzheimer")},
	{"centres.otizm.members", HANE_OV_CENTRES, HANE_M_OV_F_CE_OTIZM_MEMBERS,
	 false, SERVED("centres.otizm.members"), CE_MEMBERS_P("otizm")},
	{"centres.otizm.direct", HANE_OV_CENTRES, HANE_M_OV_F_CE_OTIZM_DIRECT,
	 false, TALLY("centres.otizm.app.direct"),
	 CE_DECIDED("otizm", "direct")},
	{"centres.yasam_destek.members", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_YDE_MEMBERS, false,
	 SERVED("centres.yasam_destek.members"), CE_MEMBERS_P("yasam_destek")},
	{"centres.kisa_mola.members", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_KM_MEMBERS, false, SERVED("centres.kisa_mola.members"),
	 CE_MEMBERS_P("kisa_mola")},
	{"centres.site.kisa_mola_cumhuriyet.members", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_KM_CUMHURIYET, false,
	 SERVED("centres.site.kisa_mola_cumhuriyet.members"),
	 CE_MEMBERS_S("kisa_mola_cumhuriyet")},
	{"centres.site.kisa_mola_kurucesme.members", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_KM_KURUCESME, false,
	 SERVED("centres.site.kisa_mola_kurucesme.members"),
	 CE_MEMBERS_S("kisa_mola_kurucesme")},
	{"centres.kisa_mola.sessions", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_KM_SESSIONS, false, TALLY("centres.kisa_mola.sessions"),
	 CE_SESSIONS("kisa_mola")},
	{"centres.kisa_mola.attended", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_KM_ATTENDED, false, TALLY("centres.kisa_mola.attended"),
	 CE_BOOKINGS("kisa_mola", "attended")},
	{"centres.kisa_mola.no_shows", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_KM_NO_SHOWS, false, TALLY("centres.kisa_mola.no_shows"),
	 CE_BOOKINGS("kisa_mola", "no_show")},
	{"centres.down_kafe.employed", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_DK_EMPLOYED, false,
	 SERVED("centres.down_kafe.employed"),
	 CE_EMPLOYED("p.code = 'down_kafe'")},
	{"centres.site.down_kafe.employed", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_DK_CAFE, false,
	 SERVED("centres.site.down_kafe.employed"),
	 CE_EMPLOYED("s.code = 'down_kafe'")},
	{"centres.site.mobil_ikram.employed", HANE_OV_CENTRES,
	 HANE_M_OV_F_CE_DK_MOBILE, false,
	 SERVED("centres.site.mobil_ikram.employed"),
	 CE_EMPLOYED("s.code = 'mobil_ikram'")},
	{"centres.persons", HANE_OV_CENTRES, HANE_M_OV_F_CE_PERSONS, false,
	 SERVED("centres.persons"), "SELECT count(*) FROM (" CE_PERSONS ")"},
	{"centres.households", HANE_OV_CENTRES, HANE_M_OV_F_CE_HH, false,
	 SERVED("centres.households"),
	 "SELECT count(DISTINCT household_id) FROM (" HH_CENTRES ")"},
	{"centres.hh_persons", HANE_OV_CENTRES, HANE_M_OV_F_CE_HH_PERSONS,
	 false, PERSONS("centres.households"), NULL},
	{"all.households", HANE_OV_ALL, HANE_M_OV_F_ALL_HH, false,
	 SERVED("all.households"), "SELECT count(*) FROM (" HH_ALL ")"},
	{"all.persons", HANE_OV_ALL, HANE_M_OV_F_ALL_PERSONS, false,
	 PERSONS("all.households"), NULL},
};

#define NFIGURES (sizeof figures / sizeof figures[0])

static int check_year(int year)
{
	if (year < 2000 || year > 2999) {
		hane_error_set("%s: %d", hane_msg(HANE_M_OV_BAD_YEAR), year);
		return HANE_EUSAGE;
	}
	return 0;
}

/* Figure i as the callers see it, its value still 0. */
static struct hane_ov_figure figure_at(size_t i)
{
	struct hane_ov_figure f = {figures[i].id,
				   figures[i].unit,
				   hane_msg(figures[i].title),
				   figures[i].money,
				   0,
				   figures[i].sql,
				   figures[i].check};

	return f;
}

/* A figure's error names the figure ("Nakdi yardım …: toplam …"). */
static int figure_error(size_t i, int rc)
{
	char keep[512];

	if (rc) {
		HANE_COPY(keep, hane_error_last());
		hane_error_set("%s: %s", hane_msg(figures[i].title), keep);
	}
	return rc;
}

static int run_one(hane_db *db, size_t i, const char *ys, int64_t *v)
{
	const char *names[] = {":year"};
	const char *vals[] = {ys};

	return figure_error(
		i, ov_query_int(db, figures[i].sql, names, vals, 1, v));
}

int hane_overview_annual(hane_db *db, int year,
			 int (*fn)(const struct hane_ov_figure *f, void *arg),
			 void *arg)
{
	char ys[8], detail[64];
	int rc;

	if ((rc = check_year(year)) || (rc = hane_can(db, HANE_ACT_REPORT_RUN)))
		return rc;
	snprintf(ys, sizeof ys, "%d", year);
	snprintf(detail, sizeof detail, "{\"report\":\"annual\",\"year\":%d}",
		 year);
	if ((rc = hane_store_audit_event(db, "report", "", 0, detail)) != 0)
		return rc;
	for (size_t i = 0; i < NFIGURES; i++) {
		struct hane_ov_figure f = figure_at(i);

		if ((rc = run_one(db, i, ys, &f.value)) != 0)
			return rc;
		if ((rc = fn(&f, arg)) != 0)
			return rc;
	}
	return 0;
}

int hane_overview_figure(hane_db *db, int year, const char *id, int64_t *value)
{
	char ys[8];
	int rc;

	*value = 0;
	if ((rc = check_year(year)) || (rc = hane_can(db, HANE_ACT_REPORT_RUN)))
		return rc;
	snprintf(ys, sizeof ys, "%d", year);
	for (size_t i = 0; i < NFIGURES; i++)
		if (strcmp(figures[i].id, id) == 0)
			return run_one(db, i, ys, value);
	hane_error_set("%s: %s", hane_msg(HANE_M_OV_NO_FIGURE), id);
	return HANE_ENOTFOUND;
}

int hane_overview_verify(hane_db *db, int year,
			 int (*fn)(const struct hane_ov_figure *f, int64_t rows,
				   void *arg),
			 void *arg, int *differ)
{
	char ys[8];
	const char *names[] = {":year"};
	const char *vals[] = {ys};
	int rc;

	*differ = 0;
	if ((rc = check_year(year)) || (rc = hane_can(db, HANE_ACT_REPORT_RUN)))
		return rc;
	snprintf(ys, sizeof ys, "%d", year);
	/* One read transaction (deferred: writers go on) so that the totals
	 * and the rows are of one moment. */
	if ((rc = hane_store_exec(db, "BEGIN DEFERRED")) != 0)
		return rc;
	for (size_t i = 0; i < NFIGURES && rc == 0; i++) {
		struct hane_ov_figure f = figure_at(i);
		int64_t rows;

		if (!f.check)
			continue;
		if ((rc = run_one(db, i, ys, &f.value)) != 0 ||
		    (rc = figure_error(i, ov_query_int(db, f.check, names, vals,
						       1, &rows))) != 0)
			break;
		if (rows != f.value)
			(*differ)++;
		if (fn)
			rc = fn(&f, rows, arg);
	}
	if (hane_store_exec(db, "COMMIT") != 0 && rc == 0)
		rc = HANE_EIO;
	return rc;
}

/* The part of a migration that counts what is already recorded: 011's for
 * the first units, then that of every later unit's migration (015_clothing
 * …), which adds to 011's sums. The rebuild runs the same statements, so
 * there is one text of them. */
#define TOTALS_SCHEMA "011_overview_tally.sql"
#define TOTALS_FROM "-- ---- What is already recorded"
#define TOTALS_TO "-- ---- Kept right by triggers"

/* Runs the counting part of migration e, if it has one. */
static int rebuild_part(hane_db *db, const struct hane_embedded *e)
{
	const char *a = strstr(e->text, TOTALS_FROM);
	const char *b = a ? strstr(a, TOTALS_TO) : NULL;
	char *sql;
	int rc;

	if (!b)
		return 0;
	if (!(sql = strndup(a, (size_t)(b - a))))
		return HANE_ENOMEM;
	rc = hane_store_exec(db, sql);
	free(sql);
	return rc;
}

int hane_overview_rebuild(hane_db *db)
{
	const struct hane_embedded *e =
		hane_embedded_find(hane_embedded_schema, TOTALS_SCHEMA);
	int rc;

	if ((rc = hane_can(db, HANE_ACT_MAINTENANCE)) != 0)
		return rc;
	if (!e || !strstr(e->text, TOTALS_FROM)) {
		hane_error_set("%s", TOTALS_SCHEMA);
		return HANE_EINTERNAL;
	}
	if ((rc = hane_store_begin(db)) != 0)
		return rc;
	rc = hane_store_exec(db, "DELETE FROM ov_tally;"
				 " DELETE FROM ov_served;");
	/* In file-name order: 011 first, whose rows the later ones add to. */
	for (e = hane_embedded_schema; !rc && e->name; e++)
		rc = rebuild_part(db, e);
	if (!rc)
		rc = hane_store_audit_event(db, "maintenance", "", 0,
					    "{\"rebuild\":\"ov_totals\"}");
	return hane_store_end(db, rc);
}

/* ---- CSV ------------------------------------------------------------------ */

struct csv_ctx {
	hane_csv_writer *w;
	int rc;
};

static int csv_row(const struct hane_ov_figure *f, void *arg)
{
	struct csv_ctx *c = arg;
	char v[32];

	if (f->money)
		snprintf(v, sizeof v, "%lld.%02lld",
			 (long long)(f->value / 100),
			 (long long)(f->value % 100));
	else
		snprintf(v, sizeof v, "%lld", (long long)f->value);
	hane_csv_put(c->w, hane_overview_unit_label(f->unit), HANE_CSV_TEXT);
	hane_csv_put(c->w, f->id, HANE_CSV_TEXT);
	hane_csv_put(c->w, f->title, HANE_CSV_TEXT);
	hane_csv_put(c->w, v, HANE_CSV_NUMBER);
	hane_csv_put(c->w, f->sql, HANE_CSV_TEXT);
	hane_csv_put(c->w, f->check ? f->check : "", HANE_CSV_TEXT);
	return hane_csv_endrow(c->w);
}

int hane_overview_annual_csv(hane_db *db, int year, FILE *fp, unsigned flags)
{
	static const enum hane_msg titles[] = {
		HANE_M_OV_COL_UNIT,  HANE_M_OV_COL_ID,	  HANE_M_OV_COL_FIGURE,
		HANE_M_OV_COL_VALUE, HANE_M_OV_COL_QUERY, HANE_M_OV_COL_CHECK};
	struct csv_ctx c = {NULL, 0};
	char detail[64];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_EXPORT)) != 0)
		return rc;
	snprintf(detail, sizeof detail, "{\"export\":\"annual\",\"year\":%d}",
		 year);
	if ((rc = hane_store_audit_event(db, "export", "", 0, detail)) != 0)
		return rc;
	if ((rc = hane_csv_writer_open(&c.w, fp, flags)) != 0)
		return rc;
	hane_csv_writer_sheet(c.w, hane_msg(HANE_M_OV_ANNUAL_TITLE));
	hane_csv_titles(c.w, titles, HANE_COUNTOF(titles));
	rc = hane_overview_annual(db, year, csv_row, &c);
	{
		int rc2 = hane_csv_writer_close(c.w);

		if (!rc)
			rc = rc2;
	}
	return rc;
}

/* ---- The published summary -------------------------------------------------- */

/* A unit's paragraph is its sentence: a message naming the figures in
 * braces ("{foodbank.households}") and the year as "{year}", so the
 * words can put the figures in any order. A unit without a sentence
 * here is written by the generic one (each figure's title and value, in
 * report order), so a unit whose figures are added to the table above
 * appears in the summary without more code; a figure its sentence does
 * not name follows as "Ayrıca: …", so none is left out. */
static const struct {
	int unit;
	enum hane_msg msg;
} sentences[] = {
	{HANE_OV_INSPECTION, HANE_M_OV_TXT_INSPECTION},
	{HANE_OV_FOODBANK, HANE_M_OV_TXT_FOODBANK},
	{HANE_OV_HOMECARE, HANE_M_OV_TXT_HOMECARE},
	{HANE_OV_TAXI, HANE_M_OV_TXT_TAXI},
	{HANE_OV_KITCHEN, HANE_M_OV_TXT_KITCHEN},
	{HANE_OV_CLOTHING, HANE_M_OV_TXT_CLOTHING},
	{HANE_OV_VETERANS, HANE_M_OV_TXT_VETERANS},
	{HANE_OV_CENTRES, HANE_M_OV_TXT_CENTRES},
	{HANE_OV_ALL, HANE_M_OV_TXT_ALL},
};

struct text_ctx {
	int64_t v[NFIGURES];
};

static int collect(const struct hane_ov_figure *f, void *arg)
{
	struct text_ctx *t = arg;

	for (size_t i = 0; i < NFIGURES; i++)
		if (figures[i].id == f->id)
			t->v[i] = f->value;
	return 0;
}

/* Figure i's value as the summary's language writes numbers: "1.546" and
 * "8.250,50 TL" in Turkish, "1,546" and "8,250.50 TL" in English (where
 * "1.546 persons" would read as a fraction). */
static const char *num(const int64_t *v, size_t i, char *buf, size_t sz)
{
	if (figures[i].money)
		hane_money_format(buf, sz, v[i], true);
	else
		hane_num_format(buf, sz, v[i]);
	if (hane_lang_get() == HANE_LANG_EN)
		for (char *p = buf; *p; p++)
			*p = *p == '.' ? ',' : *p == ',' ? '.' : *p;
	return buf;
}

/* Wraps text at 76 columns (on spaces) for the printed page. */
static void wrap(FILE *fp, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t fit = hane_text_fit(p, 76), cut = fit;

		if (p[fit])
			while (cut > 0 && p[cut] != ' ')
				cut--;
		if (cut == 0)
			cut = fit;
		fwrite(p, 1, cut, fp);
		fputc('\n', fp);
		p += cut;
		while (*p == ' ')
			p++;
	}
}

static void queries(FILE *fp, int unit)
{
	for (size_t i = 0; i < NFIGURES; i++)
		if (figures[i].unit == unit) {
			fprintf(fp, "  -- %s\n  %s;\n", figures[i].id,
				figures[i].sql);
			if (figures[i].check)
				fprintf(fp, "  -- %s: %s;\n",
					hane_msg(HANE_M_OV_SQL_CHECK),
					figures[i].check);
		}
}

/* A paragraph's text as it is built (cut short, never overrun). */
struct sbuf {
	char s[4096];
	size_t n;
};

static void sb_add(struct sbuf *b, const char *s, size_t len)
{
	if (len > sizeof b->s - 1 - b->n)
		len = sizeof b->s - 1 - b->n;
	memcpy(b->s + b->n, s, len);
	b->n += len;
	b->s[b->n] = '\0';
}

static size_t figure_named(const char *name, size_t len)
{
	for (size_t i = 0; i < NFIGURES; i++)
		if (strlen(figures[i].id) == len &&
		    !strncmp(figures[i].id, name, len))
			return i;
	return NFIGURES;
}

/* Template t with {year}, {list} and the figures it names filled in;
 * the figures named are marked in used (may be NULL). A name in braces
 * that is none of these stays as written (unit/test_overview checks
 * that none is left in either language). */
static void fill(struct sbuf *b, const char *t, int year, const int64_t *v,
		 const char *list, bool *used)
{
	for (const char *p = t; *p;) {
		const char *e = *p == '{' ? strchr(p, '}') : NULL;
		char buf[48];
		size_t len = e ? (size_t)(e - p - 1) : 0, i;

		if (e && len == 4 && !strncmp(p + 1, "year", 4)) {
			snprintf(buf, sizeof buf, "%d", year);
			sb_add(b, buf, strlen(buf));
		} else if (e && len == 4 && !strncmp(p + 1, "list", 4)) {
			sb_add(b, list, strlen(list));
		} else if (e && (i = figure_named(p + 1, len)) < NFIGURES) {
			num(v, i, buf, sizeof buf);
			sb_add(b, buf, strlen(buf));
			if (used)
				used[i] = true;
		} else {
			sb_add(b, p, 1);
			p++;
			continue;
		}
		p = e + 1;
	}
}

static void paragraph(FILE *fp, int unit, int year, const int64_t *v, bool sql,
		      bool own)
{
	struct sbuf b = {.n = 0}, rest = {.n = 0};
	bool used[NFIGURES] = {false};
	const char *sentence = NULL;
	size_t nfig = 0;

	for (size_t i = 0; i < NFIGURES; i++)
		nfig += figures[i].unit == unit;
	if (nfig == 0)
		return;
	for (size_t s = 0; own && s < HANE_COUNTOF(sentences); s++)
		if (sentences[s].unit == unit)
			sentence = hane_msg(sentences[s].msg);
	if (sentence)
		fill(&b, sentence, year, v, "", used);
	for (size_t i = 0; i < NFIGURES; i++) {
		const char *title = hane_msg(figures[i].title);
		char buf[48];

		if (figures[i].unit != unit || used[i])
			continue;
		/* After the unit's sentence, "Ayrıca" lists what there was:
		 * a published summary does not say "Kore gazileri 0". */
		if (sentence && v[i] == 0)
			continue;
		if (rest.n)
			sb_add(&rest, "; ", 2);
		sb_add(&rest, title, strlen(title));
		sb_add(&rest, " ", 1);
		num(v, i, buf, sizeof buf);
		sb_add(&rest, buf, strlen(buf));
	}
	if (rest.n)
		fill(&b,
		     hane_msg(sentence ? HANE_M_OV_TXT_ALSO
				       : HANE_M_OV_TXT_GENERIC),
		     year, v, rest.s, NULL);
	if (unit != HANE_OV_ALL)
		fprintf(fp, "%s\n", hane_overview_unit_label(unit));
	wrap(fp, b.s);
	if (sql)
		queries(fp, unit);
	if (unit != HANE_OV_ALL)
		fputc('\n', fp);
}

size_t ov_annual_nfigures(void)
{
	return NFIGURES;
}

struct hane_ov_figure ov_annual_figure(size_t i)
{
	return figure_at(i);
}

void ov_annual_text_write(FILE *fp, int year, const int64_t *v, bool sql,
			  bool own)
{
	fprintf(fp, hane_msg(HANE_M_OV_TXT_TITLE), year);
	fputs("\n\n", fp);
	for (int u = 0; u < HANE_OV__UNITS; u++)
		paragraph(fp, u, year, v, sql, own);
	paragraph(fp, HANE_OV_ALL, year, v, sql, own);
}

int hane_overview_annual_text(hane_db *db, int year, FILE *fp, bool sql)
{
	struct text_ctx t;
	int rc;

	memset(&t, 0, sizeof t);
	if ((rc = hane_overview_annual(db, year, collect, &t)) != 0)
		return rc;
	/* In the language chosen (Turkish unless --lang en): the
	 * directorate publishes the Turkish one. */
	ov_annual_text_write(fp, year, t.v, sql, true);
	return ferror(fp) ? HANE_EIO : 0;
}
