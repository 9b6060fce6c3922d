/* Shared inside the taxi unit: helpers the model files use. Not public. */
#ifndef HANE_TAXI_INT_H
#define HANE_TAXI_INT_H

#include <stdio.h>

#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/taxi.h"

/* True when every folded word of query starts a word of name. */
bool tx_words_match(const char *name, const char *query);

/* Days since 1970-01-01 of an ISO day; false when it is not one. */
bool tx_day_number(const char *day, long *out);

/* The settings without a permission check (the caller made one). */
int tx_settings(hane_db *db, struct hane_taxi_settings *out);
/* Holiday check without a permission check. */
int tx_is_holiday(hane_db *db, const char *day, bool *out);

/* Ends a transaction the caller began: commit on 0, otherwise roll back
 * keeping the message of the failure. */
int tx_finish(hane_db *db, int rc);

/* The household address of a person ("Gündoğdu Atatürk Cd. No:12 D:3"). */
int tx_person_address(hane_db *db, int64_t person_id, char out[HANE_TAXI_TEXT]);

/* Reading trips: the select list (append a WHERE) and its reader. */
#define TX_TRIP_SELECT                                                         \
	"SELECT t.id, t.version, t.appointment_id, coalesce(a.series_id, 0),"  \
	" t.leg, t.day, t.start_time, t.end_time, a.appt_time,"                \
	" t.from_address, t.to_address, a.destination, a.purpose,"             \
	" coalesce(t.vehicle_id, 0), coalesce(v.plate, ''),"                   \
	" coalesce(t.driver_id, 0), coalesce(d.full_name, ''),"                \
	" t.wheelchair, t.companion, a.rider_id, r.person_id,"                 \
	" p.first_name || ' ' || p.last_name, r.mobility_aid,"                 \
	" coalesce(nullif(p.phone, ''), h.phone, ''),"                         \
	" coalesce(r.driver_notes, ''), t.status,"                             \
	" coalesce(t.cancelled_by, ''), coalesce(t.cancel_reason, ''),"        \
	" coalesce(t.notice_minutes, 0)"                                       \
	" FROM taxi_trip t"                                                    \
	" JOIN taxi_appointment a ON a.id = t.appointment_id"                  \
	" JOIN taxi_rider r ON r.id = a.rider_id"                              \
	" JOIN person p ON p.id = r.person_id"                                 \
	" JOIN household h ON h.id = p.household_id"                           \
	" LEFT JOIN taxi_vehicle v ON v.id = t.vehicle_id"                     \
	" LEFT JOIN taxi_driver d ON d.id = t.driver_id "
void tx_trip_read(hane_stmt *st, struct hane_taxi_trip *t);

/* The rider's no-show appointments within the window ending on day. */
int tx_noshow_count(hane_db *db, int64_t rider_id, const char *day,
		    const struct hane_taxi_settings *s, int *out);

#endif
