/* hane/taxi.h — Engelsiz Taksi: riders, vehicles, drivers, appointments
 * and their trips, the booking rules, outcomes.
 *
 * The rules live here so the console, the CLI and the importer agree:
 *  - a rider is a registry person whose engel oranı is at least the
 *    min_disability setting, plus a mobility aid, companion and notes;
 *  - booking an appointment creates its trips (outbound, and return when
 *    asked) and gives each a vehicle and driver; a vehicle or driver never
 *    holds two trips that overlap (trip duration plus buffer), a wheelchair
 *    rider needs a vehicle with a wheelchair place, rider and companion
 *    need seats; a refused booking names the clashing trip and offers the
 *    next free slots;
 *  - the booking window: no later than the previous working day at the
 *    cutoff (16:30), no further than days_ahead (14) days; a supervisor
 *    (taxi.override) may override it with a reason, which is audited;
 *  - outcomes: done, cancelled (by whom, why, how many minutes before the
 *    pickup), no-show; a rider with noshow_limit no-shows within
 *    noshow_days days is flagged, and a flagged rider is booked only with
 *    an override until a supervisor clears the flag.
 *
 * Structs hold fixed-size UTF-8 text, so they can be copied and kept
 * without a free. Every function checks its permission first (taxi.read,
 * taxi.write, taxi.override, taxi.admin). Errors: 0 or a negative HANE_E…
 * with hane_error_last() saying what was wrong in the current language.
 */
#ifndef HANE_TAXI_H
#define HANE_TAXI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hane/core.h"
#include "hane/record.h"
#include "hane/store.h"

#define HANE_TAXI_TEXT 256
#define HANE_TAXI_NAME 192
#define HANE_TAXI_PLATE 16
#define HANE_TAXI_TIME 6 /* "HH:MM" */

/* ---- Settings ------------------------------------------------------------ */

/* X(field, "key"): the tunable rules, stored in taxi_setting. Minutes
 * unless said otherwise; cutoff, day_start and day_end are minutes after
 * midnight. */
#define HANE_TAXI_SETTINGS(X)                                                  \
	X(cutoff, "cutoff")                                                    \
	X(days_ahead, "days_ahead")                                            \
	X(series_days, "series_days")                                          \
	X(trip_minutes, "trip_minutes")                                        \
	X(buffer_minutes, "buffer_minutes")                                    \
	X(day_start, "day_start")                                              \
	X(day_end, "day_end")                                                  \
	X(slot_step, "slot_step")                                              \
	X(noshow_limit, "noshow_limit")                                        \
	X(noshow_days, "noshow_days")                                          \
	X(min_disability, "min_disability")

struct hane_taxi_settings {
#define HANE_X_(f, key) int f;
	HANE_TAXI_SETTINGS(HANE_X_)
#undef HANE_X_
};

/* Reads every setting (taxi.read). Missing rows keep the defaults. */
int hane_taxi_settings_get(hane_db *db,
			   struct hane_taxi_settings *out) HANE_WARN_UNUSED;
/* Sets one setting by key (taxi.admin, audited). value is a number, or
 * "HH:MM" for cutoff, day_start and day_end. HANE_EINVAL for an unknown
 * key or a value out of range. */
int hane_taxi_setting_set(hane_db *db, const char *key,
			  const char *value) HANE_WARN_UNUSED;
/* Names of the settings, NULL-terminated (static). */
const char *const *hane_taxi_setting_keys(void);

/* Adds a day off to the one holiday list (hane_holiday_add:
 * reference.admin, administrators). */
int hane_taxi_holiday_add(hane_db *db, const char *day,
			  const char *name) HANE_WARN_UNUSED;
/* True when day is Saturday, Sunday or a stored holiday. */
int hane_taxi_is_holiday(hane_db *db, const char *day,
			 bool *out) HANE_WARN_UNUSED;

/* ---- Small helpers (pure) ------------------------------------------------ */

/* "9:05", "09.05", "0905" → 545 minutes; -1 when not a time of day. */
int hane_taxi_time_parse(const char *s);
/* 545 → "09:05" into out; returns out. */
char *hane_taxi_time_format(char out[HANE_TAXI_TIME], int minutes);
/* ISO day plus n days into out (n may be negative); HANE_EINVAL if day is
 * not an ISO date. */
int hane_taxi_day_add(char out[HANE_DATE_LEN + 1], const char *day,
		      int n) HANE_WARN_UNUSED;
/* ISO weekday 1 (Monday) … 7 (Sunday); 0 if day is not an ISO date. */
int hane_taxi_weekday(const char *day);
/* "41abc123", "41 abc 123" → "41 ABC 123". HANE_EINVAL when it is not a
 * Turkish plate (2 digits, 1–3 letters, 2–4 digits). */
int hane_taxi_plate_normalize(char out[HANE_TAXI_PLATE],
			      const char *s) HANE_WARN_UNUSED;

/* ---- Drivers and vehicles ------------------------------------------------ */

struct hane_taxi_driver {
	int64_t id;
	int64_t version;
	char full_name[HANE_TAXI_NAME];
	char phone[HANE_PHONE_LEN + 1]; /* E.164 or "" */
	bool active;
	char notes[HANE_TAXI_TEXT];
};

struct hane_taxi_vehicle {
	int64_t id;
	int64_t version;
	char plate[HANE_TAXI_PLATE];
	int wheelchair_places;
	int seats; /* seated passengers besides the driver */
	bool in_service;
	int64_t driver_id;		  /* usual driver, 0 none */
	char driver_name[HANE_TAXI_NAME]; /* filled on read */
	char notes[HANE_TAXI_TEXT];
};

/* The stored fields (hane/record.h): F(member = column, type, option,
 * label tr, label en, more CSV titles, flags). */
#define HANE_TAXI_DRIVER_FIELDS(F)                                             \
	F(full_name, HANE_FT_TEXT, "name", "Ad Soyad", "Full name",            \
	  "sürücü|driver", HANE_FF_REQUIRED)                                   \
	F(phone, HANE_FT_PHONE, "phone", "Telefon", "Phone", NULL,             \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(active, HANE_FT_BOOL, "active", "Görevde", "Active", NULL, 0)        \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL)
#define HANE_TAXI_VEHICLE_FIELDS(F)                                            \
	F(plate, HANE_FT_TEXT, NULL, "Plaka", "Plate", NULL, HANE_FF_REQUIRED) \
	F(wheelchair_places, HANE_FT_INT, "wheelchair", "Tekerlekli sandalye", \
	  "Wheelchair places", NULL, 0)                                        \
	F(seats, HANE_FT_INT, "seats", "Koltuk", "Seats", NULL, 0)             \
	F(in_service, HANE_FT_BOOL, "service", "Hizmette", "In service", NULL, \
	  0)                                                                   \
	F(driver_id, HANE_FT_REF, "driver", "Sürücü", "Driver", NULL, 0)       \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL)

/* Adds (id 0) or saves (id set, version checked) a driver or vehicle
 * (taxi.admin). *id (may be NULL) gets the id. A plate already used is
 * HANE_EEXIST. */
int hane_taxi_driver_save(hane_db *db, struct hane_taxi_driver *d,
			  int64_t *id) HANE_WARN_UNUSED;
int hane_taxi_vehicle_save(hane_db *db, struct hane_taxi_vehicle *v,
			   int64_t *id) HANE_WARN_UNUSED;
int hane_taxi_driver_get(hane_db *db, int64_t id,
			 struct hane_taxi_driver *out) HANE_WARN_UNUSED;
/* By id ("3") or plate in any writing ("41abc123"). */
int hane_taxi_vehicle_find(hane_db *db, const char *key,
			   struct hane_taxi_vehicle *out) HANE_WARN_UNUSED;
/* Every vehicle by plate / every driver by name; fn returning non-zero
 * stops early (and is returned). */
int hane_taxi_vehicle_each(hane_db *db,
			   int (*fn)(const struct hane_taxi_vehicle *v,
				     void *arg),
			   void *arg) HANE_WARN_UNUSED;
int hane_taxi_driver_each(hane_db *db,
			  int (*fn)(const struct hane_taxi_driver *d,
				    void *arg),
			  void *arg) HANE_WARN_UNUSED;

/* ---- Destinations --------------------------------------------------------- */

#define HANE_TAXI_DESTINATION_FIELDS(F)                                        \
	F(name, HANE_FT_TEXT, "name", "Yer", "Place", NULL, HANE_FF_REQUIRED)  \
	F(kind, HANE_FT_TEXT, "kind", "Tür", "Kind", NULL, 0)                  \
	F(address, HANE_FT_TEXT, "address", "Adres", "Address", NULL,          \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)

struct hane_taxi_destination {
	int64_t id;
	int64_t version;
	char name[HANE_TAXI_NAME];
	char kind[16]; /* hospital, physio, dialysis, clinic, other */
	char address[HANE_TAXI_TEXT];
	bool active;
};

/* The descriptors (hane/record.h) of the unit's reference rows, for the
 * console's forms bound to them. */
extern const struct hane_rdef hane_taxi_driver_rdef, hane_taxi_vehicle_rdef,
	hane_taxi_destination_rdef;

/* The word on screen for a destination's kind (the kind itself when it is
 * none of them). */
const char *hane_taxi_kind_label(const char *kind);

/* Adds (id 0) or saves a frequent destination (taxi.admin). */
int hane_taxi_destination_save(hane_db *db, struct hane_taxi_destination *d,
			       int64_t *id) HANE_WARN_UNUSED;
/* The active destinations by name. */
int hane_taxi_destination_each(hane_db *db,
			       int (*fn)(const struct hane_taxi_destination *d,
					 void *arg),
			       void *arg) HANE_WARN_UNUSED;
/* Every destination, the active ones first, each part by name (the
 * unit's list, where a removed one can be brought back). */
int hane_taxi_destination_each_all(
	hane_db *db,
	int (*fn)(const struct hane_taxi_destination *d, void *arg),
	void *arg) HANE_WARN_UNUSED;
/* By id, or by name matched Turkish- and case-insensitively on its words
 * ("devlet" finds "Devlet Hastanesi"); HANE_ENOTFOUND otherwise, and
 * HANE_EINVAL naming the candidates when several match. */
int hane_taxi_destination_find(hane_db *db, const char *key,
			       struct hane_taxi_destination *out)
	HANE_WARN_UNUSED;

/* ---- Riders --------------------------------------------------------------- */

struct hane_taxi_rider {
	int64_t id;
	int64_t version;
	int64_t person_id;
	char mobility_aid[16]; /* none, walker, wheelchair */
	bool companion;
	char driver_notes[HANE_TAXI_TEXT];
	bool active;
	bool flagged;
	char flagged_at[20];
	/* From the registry, filled on read. */
	int64_t household_id;
	char name[HANE_TAXI_NAME];
	char tckn[HANE_TCKN_LEN + 1];
	int disability_pct;		/* -1 unknown */
	char phone[HANE_PHONE_LEN + 1]; /* person's, else household's */
	char address[HANE_TAXI_TEXT];	/* household address */
};

/* The stored fields (hane/record.h); the registry's part above is read
 * (model: hane_taxi_rider_rdef), never written. The no-show flag is set
 * and cleared by the rules, not by a save. The mobility aid tells a
 * disability and the driver's notes can hold health details: both are
 * masked health data for the gate (hane_gate_field); the aid is a code,
 * not erased by retention as the notes are. */
#define HANE_TAXI_RIDER_FIELDS(F)                                              \
	F(person_id, HANE_FT_REF, NULL, "Kişi", "Person", NULL,                \
	  HANE_FF_PERSON_REF)                                                  \
	F(mobility_aid, HANE_FT_TEXT, "aid", "Yardımcı araç", "Mobility aid",  \
	  NULL, HANE_FF_MASKED)                                                \
	F(companion, HANE_FT_BOOL, "companion", "Refakatçi", "Companion",      \
	  NULL, 0)                                                             \
	F(driver_notes, HANE_FT_TEXT, "notes", "Sürücüye not",                 \
	  "Notes for the driver", NULL,                                        \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)              \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)          \
	F(flagged, HANE_FT_BOOL, NULL, "İşaretli", "Flagged", NULL,            \
	  HANE_FF_READONLY)                                                    \
	F(flagged_at, HANE_FT_TEXT, NULL, "İşaretlendi", "Flagged at", NULL,   \
	  HANE_FF_READONLY)

/* The rider's descriptor, for the console's form bound to it. */
extern const struct hane_rdef hane_taxi_rider_rdef;

/* True for "none", "walker", "wheelchair"; the word on screen for one, and
 * a Turkish or English word back to the stored name (NULL if none). */
bool hane_taxi_aid_valid(const char *aid);
const char *hane_taxi_aid_label(const char *aid);
const char *hane_taxi_aid_parse(const char *word);
/* The aid's word as the actor may see it in an output of the unit: it
 * tells a disability, so it is health data (its field marked so: clear for
 * the unit's staff, masked for anyone else) — the console and the command
 * line read it here alike. Returns out or the word. */
const char *hane_taxi_aid_shown(hane_db *db, const char *aid, char *out,
				size_t n);

/* Registers a person as a rider (id 0) or saves a rider (version checked)
 * (taxi.write). The person must exist and have an engel oranı of at least
 * min_disability: otherwise HANE_EINVAL saying so. A person already a
 * rider is HANE_EEXIST naming the rider. */
int hane_taxi_rider_save(hane_db *db, struct hane_taxi_rider *r,
			 int64_t *id) HANE_WARN_UNUSED;
int hane_taxi_rider_get(hane_db *db, int64_t id,
			struct hane_taxi_rider *out) HANE_WARN_UNUSED;
int hane_taxi_rider_by_person(hane_db *db, int64_t person_id,
			      struct hane_taxi_rider *out) HANE_WARN_UNUSED;
/* Clears the no-show flag (taxi.override, audited with the reason). */
int hane_taxi_rider_unflag(hane_db *db, int64_t rider_id,
			   const char *reason) HANE_WARN_UNUSED;
/* Riders whose name matches every word of query (folded, word prefixes),
 * or all riders for "" — by name, at most limit. */
int hane_taxi_rider_search(hane_db *db, const char *query, int limit,
			   int (*fn)(const struct hane_taxi_rider *r,
				     void *arg),
			   void *arg) HANE_WARN_UNUSED;

/* ---- Booking -------------------------------------------------------------- */

/* Purposes: X(NAME, "stored") with the words HANE_M_TAXI_P_<NAME>. */
#define HANE_TAXI_PURPOSES(X)                                                  \
	X(EXAM, "exam")                                                        \
	X(TREATMENT, "treatment")                                              \
	X(DIALYSIS, "dialysis")                                                \
	X(PHYSIO, "physio")                                                    \
	X(OTHER, "other")

const char *hane_taxi_purpose_label(const char *purpose);
/* A Turkish or English word ("diyaliz", "dialysis") → stored name; NULL. */
const char *hane_taxi_purpose_parse(const char *word);

/* A booking request. Zero it (hane_taxi_booking_init) and fill in. */
struct hane_taxi_booking {
	int64_t rider_id;
	char day[HANE_DATE_LEN + 1];
	char appt_time[HANE_TAXI_TIME];	     /* at the destination */
	char pickup_address[HANE_TAXI_TEXT]; /* "": household address */
	int64_t destination_id;		     /* 0: destination text only */
	char destination[HANE_TAXI_NAME];    /* "": the list entry's name */
	char purpose[16];		     /* default "exam" */
	bool return_needed;
	char return_time[HANE_TAXI_TIME]; /* pickup at the destination */
	int64_t vehicle_id;	   /* 0: the first suitable free vehicle */
	int64_t return_vehicle_id; /* 0: as vehicle_id, else any */
	int64_t driver_id;	   /* 0: the vehicle's usual driver */
	char notes[HANE_TAXI_TEXT];
	/* Booking window or flagged rider overridden (taxi.override). */
	bool override;
	char override_reason[HANE_TAXI_TEXT];
};

void hane_taxi_booking_init(struct hane_taxi_booking *b);

/* Why a booking was refused, for the form and the importer. */
enum hane_taxi_refusal {
	HANE_TAXI_OK = 0,
	HANE_TAXI_R_INVALID,   /* a field (hane_error_last names it) */
	HANE_TAXI_R_TOO_LATE,  /* past the previous working day's cutoff */
	HANE_TAXI_R_TOO_EARLY, /* beyond days_ahead */
	HANE_TAXI_R_FLAGGED,   /* rider flagged for no-shows */
	HANE_TAXI_R_CAPACITY,  /* no vehicle with a wheelchair place/seats */
	HANE_TAXI_R_VEHICLE,   /* the vehicle holds an overlapping trip */
	HANE_TAXI_R_DRIVER,    /* the driver drives an overlapping trip */
	HANE_TAXI_R_RIDER,     /* the rider already travels then */
};

#define HANE_TAXI_SLOTS 4

struct hane_taxi_slot {
	char time[HANE_TAXI_TIME]; /* what to book: appointment or return time
				    */
	int64_t vehicle_id;
	char plate[HANE_TAXI_PLATE];
};

/* The refusal, the trip it clashed with (0 when not a clash), and the
 * next free slots of the refused leg on the same day. */
struct hane_taxi_clash {
	enum hane_taxi_refusal why;
	char leg[8]; /* the refused leg: "out" or "return" */
	int64_t trip_id;
	int64_t appointment_id;
	char day[HANE_DATE_LEN + 1];
	char start[HANE_TAXI_TIME], end[HANE_TAXI_TIME];
	char plate[HANE_TAXI_PLATE];
	char rider[HANE_TAXI_NAME];
	char destination[HANE_TAXI_NAME];
	int nslots;
	struct hane_taxi_slot slots[HANE_TAXI_SLOTS];
};

/* Checks b against every rule without writing (taxi.read). 0 when it can
 * be booked; otherwise HANE_EINVAL (or HANE_EPERM for an override without
 * taxi.override) with the reason in hane_error_last() and in *clash (may
 * be NULL). */
int hane_taxi_book_check(hane_db *db, const struct hane_taxi_booking *b,
			 struct hane_taxi_clash *clash) HANE_WARN_UNUSED;

/* Books b (taxi.write; taxi.override when b->override): the appointment
 * and its trips in one transaction, or nothing. *appointment_id (may be
 * NULL) gets the id. Refusals as hane_taxi_book_check. An override is
 * written to the audit trail as "taxi.override" with its reason. */
int hane_taxi_book(hane_db *db, const struct hane_taxi_booking *b,
		   int64_t *appointment_id,
		   struct hane_taxi_clash *clash) HANE_WARN_UNUSED;

/* A recurring request: b (its day ignored) on the ISO weekdays of
 * `weekdays` (bit 1 Monday … bit 7 Sunday) from `from` to `to`, skipping
 * the days in skip. Every day that passes the rules is booked; the others
 * are reported to on_skip (may be NULL) with the refusal, and counted.
 * All in one transaction. A range past series_days is HANE_EINVAL. */
struct hane_taxi_series {
	struct hane_taxi_booking b;
	char from[HANE_DATE_LEN + 1];
	char to[HANE_DATE_LEN + 1];
	unsigned weekdays;
	const char (*skip)[HANE_DATE_LEN + 1];
	size_t nskip;
};
/* "pzt,çar,cum", "mon,wed,fri", "135" → weekday bits; 0 when invalid. */
unsigned hane_taxi_weekdays_parse(const char *s);
int hane_taxi_book_series(hane_db *db, const struct hane_taxi_series *s,
			  int64_t *series_id, int *booked, int *skipped,
			  void (*on_skip)(const char *day,
					  const struct hane_taxi_clash *c,
					  const char *reason, void *arg),
			  void *arg) HANE_WARN_UNUSED;

/* ---- Trips ---------------------------------------------------------------- */

struct hane_taxi_trip {
	int64_t id;
	int64_t version;
	int64_t appointment_id;
	int64_t series_id;
	char leg[8]; /* out, return */
	char day[HANE_DATE_LEN + 1];
	char start_time[HANE_TAXI_TIME], end_time[HANE_TAXI_TIME];
	char appt_time[HANE_TAXI_TIME];
	char from_address[HANE_TAXI_TEXT];
	char to_address[HANE_TAXI_TEXT];
	char destination[HANE_TAXI_NAME];
	char purpose[16];
	int64_t vehicle_id;
	char plate[HANE_TAXI_PLATE];
	int64_t driver_id;
	char driver_name[HANE_TAXI_NAME];
	bool wheelchair, companion;
	int64_t rider_id;
	int64_t person_id;
	char rider_name[HANE_TAXI_NAME];
	char mobility_aid[16];
	char phone[HANE_PHONE_LEN + 1];
	char driver_notes[HANE_TAXI_TEXT];
	char status[12]; /* planned, done, cancelled, noshow */
	char cancelled_by[8];
	char cancel_reason[HANE_TAXI_TEXT];
	int notice_minutes; /* cancelled: minutes before pickup; else -1 */
};

/* A trip's stored fields (hane/record.h; model: hane_taxi_trip_rdef). A
 * booking writes them, and cancelling, outcomes and re-assigning save the
 * trip whole through them (only what changed is written and audited).
 * The notice is written by the cancellation beside them (it may be
 * negative, which the struct's -1 "none" cannot tell apart), as are the
 * times of the cancellation and the outcome. The appointment's, the
 * rider's, the vehicle's and the driver's part of struct hane_taxi_trip
 * are read with them. */
#define HANE_TAXI_TRIP_FIELDS(F)                                               \
	F(appointment_id, HANE_FT_REF, NULL, "Randevu", "Appointment", NULL,   \
	  HANE_FF_REQUIRED)                                                    \
	F(leg, HANE_FT_TEXT, NULL, "Yön", "Leg", NULL, HANE_FF_REQUIRED)       \
	F(day, HANE_FT_DATE, NULL, "Tarih", "Day", NULL, HANE_FF_REQUIRED)     \
	F(start_time, HANE_FT_TEXT, NULL, "Alış", "Pickup", NULL,              \
	  HANE_FF_REQUIRED)                                                    \
	F(end_time, HANE_FT_TEXT, NULL, "Varış", "Drop-off", NULL,             \
	  HANE_FF_REQUIRED)                                                    \
	F(from_address, HANE_FT_TEXT, NULL, "Nereden", "From", NULL,           \
	  HANE_FF_PERSONAL)                                                    \
	F(to_address, HANE_FT_TEXT, NULL, "Nereye", "To", NULL,                \
	  HANE_FF_PERSONAL)                                                    \
	F(vehicle_id, HANE_FT_REF, "vehicle", "Araç", "Vehicle", NULL, 0)      \
	F(driver_id, HANE_FT_REF, "driver", "Sürücü", "Driver", NULL, 0)       \
	F(wheelchair, HANE_FT_BOOL, NULL, "Tekerlekli sandalye", "Wheelchair", \
	  NULL, 0)                                                             \
	F(companion, HANE_FT_BOOL, NULL, "Refakatçi", "Companion", NULL, 0)    \
	F(status, HANE_FT_TEXT, NULL, "Durum", "Status", NULL, 0)              \
	F(cancelled_by, HANE_FT_TEXT, "by", "İptal eden", "Cancelled by",      \
	  NULL, HANE_FF_EMPTY_NULL)                                            \
	F(cancel_reason, HANE_FT_TEXT, "reason", "İptal nedeni",               \
	  "Cancel reason", NULL, HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)        \
	F(notice_minutes, HANE_FT_INT, NULL, "Bildirim (dk)", "Notice (min)",  \
	  NULL, HANE_FF_EMPTY_NULL | HANE_FF_READONLY)

/* An appointment as booked (hane_taxi_book writes it with its trips). */
struct hane_taxi_appointment {
	int64_t id;
	int64_t version;
	int64_t rider_id;
	int64_t series_id; /* 0 none */
	char day[HANE_DATE_LEN + 1];
	char pickup_address[HANE_TAXI_TEXT];
	int64_t destination_id; /* 0: typed, not from the list */
	char destination[HANE_TAXI_NAME];
	char appt_time[HANE_TAXI_TIME];
	char purpose[16];
	bool return_needed;
	char return_time[HANE_TAXI_TIME];
	char status[12]; /* booked, cancelled */
	char override_reason[HANE_TAXI_TEXT];
	char notes[HANE_TAXI_TEXT];
};

#define HANE_TAXI_APPOINTMENT_FIELDS(F)                                        \
	F(rider_id, HANE_FT_REF, "rider", "Yolcu", "Rider", NULL,              \
	  HANE_FF_REQUIRED)                                                    \
	F(series_id, HANE_FT_REF, NULL, "Seri", "Series", NULL, 0)             \
	F(day, HANE_FT_DATE, "date", "Tarih", "Date", NULL, HANE_FF_REQUIRED)  \
	F(pickup_address, HANE_FT_TEXT, "pickup", "Alış adresi",               \
	  "Pickup address", NULL, HANE_FF_REQUIRED | HANE_FF_PERSONAL)         \
	F(destination_id, HANE_FT_REF, NULL, "Hedef", "Destination", NULL, 0)  \
	F(destination, HANE_FT_TEXT, "to", "Hedef", "Destination", NULL,       \
	  HANE_FF_REQUIRED)                                                    \
	F(appt_time, HANE_FT_TEXT, "time", "Randevu saati",                    \
	  "Appointment time", NULL, HANE_FF_REQUIRED)                          \
	F(purpose, HANE_FT_TEXT, "purpose", "Amaç", "Purpose", NULL, 0)        \
	F(return_needed, HANE_FT_BOOL, NULL, "Dönüş", "Return", NULL, 0)       \
	F(return_time, HANE_FT_TEXT, "return", "Dönüş saati", "Return time",   \
	  NULL, HANE_FF_EMPTY_NULL)                                            \
	F(status, HANE_FT_TEXT, NULL, "Durum", "Status", NULL, 0)              \
	F(override_reason, HANE_FT_TEXT, "override", "Kural dışı nedeni",      \
	  "Override reason", NULL, HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)      \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)

const char *hane_taxi_status_label(const char *status);
const char *hane_taxi_leg_label(const char *leg);

int hane_taxi_trip_get(hane_db *db, int64_t id,
		       struct hane_taxi_trip *out) HANE_WARN_UNUSED;

/* The trips of a day by start time then plate, optionally only one
 * vehicle's or driver's (0: all), cancelled ones included unless
 * active_only (taxi.read). fn returning non-zero stops early. */
int hane_taxi_trips_day(hane_db *db, const char *day, int64_t vehicle_id,
			int64_t driver_id, bool active_only,
			int (*fn)(const struct hane_taxi_trip *t, void *arg),
			void *arg) HANE_WARN_UNUSED;
/* A rider's trips, newest first (taxi.read). */
int hane_taxi_trips_rider(hane_db *db, int64_t rider_id, int limit,
			  int (*fn)(const struct hane_taxi_trip *t, void *arg),
			  void *arg) HANE_WARN_UNUSED;
/* A household's trips from `since` on (every member who is a rider),
 * soonest first — the services panel. */
int hane_taxi_trips_household(hane_db *db, int64_t household_id,
			      const char *since, int limit,
			      int (*fn)(const struct hane_taxi_trip *t,
					void *arg),
			      void *arg) HANE_WARN_UNUSED;

/* Gives a planned trip another vehicle and/or driver (0 keeps what it
 * has) under the same rules as booking (taxi.write); version checked. */
int hane_taxi_trip_assign(hane_db *db, int64_t trip_id, int64_t version,
			  int64_t vehicle_id, int64_t driver_id,
			  struct hane_taxi_clash *clash) HANE_WARN_UNUSED;

/* Who cancelled: "rider", "unit", "driver"; words parsed like aids. */
const char *hane_taxi_canceller_parse(const char *word);

/* Cancels a planned trip (taxi.write): by whom, why (required), and the
 * notice in minutes before its pickup is stored. When the outbound trip
 * is cancelled the return is not touched: use the appointment cancel for
 * both. *notice (may be NULL) gets the minutes. */
int hane_taxi_trip_cancel(hane_db *db, int64_t trip_id, const char *by,
			  const char *reason, int *notice) HANE_WARN_UNUSED;
/* Cancels an appointment and every trip of it still planned. */
int hane_taxi_appointment_cancel(hane_db *db, int64_t appointment_id,
				 const char *by,
				 const char *reason) HANE_WARN_UNUSED;

/* What recording an outcome led to. */
struct hane_taxi_outcome_result {
	/* After an outbound no-show: the return trip still planned (0 none),
	 * which the console offers to cancel. */
	int64_t return_trip_id;
	/* The rider's no-shows in the last noshow_days days, and whether
	 * this one flagged the rider. */
	int noshows;
	bool flagged;
};

/* Records "done" or "noshow" for a planned trip (taxi.write). A trip of a
 * day still to come cannot be done or missed. A no-show counts the
 * rider's no-show appointments in the window and flags the rider at the
 * limit. A recorded outcome can be corrected (done ↔ noshow) by
 * taxi.override only. res may be NULL. */
int hane_taxi_trip_outcome(hane_db *db, int64_t trip_id, const char *outcome,
			   struct hane_taxi_outcome_result *res)
	HANE_WARN_UNUSED;
/* Cancels the return trip an outbound no-show left planned
 * (res.return_trip_id), by the unit, the no-show its reason (taxi.write):
 * what the console asks and `hane taxi outcome --cancel-return` does. */
int hane_taxi_return_cancel(hane_db *db,
			    int64_t return_trip_id) HANE_WARN_UNUSED;

/* Writes the day's manifest for one driver or vehicle (0: every trip of
 * the day) as CSV to fp (borrowed): pickup and drop-off times, direction,
 * rider, phone, addresses, appointment time, mobility aid, companion,
 * notes for the driver, plate and trip number; cancelled trips left out.
 * flags are hane_csv_writer_flags. Needs taxi.read and export; logs an
 * "export" audit event. *rows (may be NULL) gets the trips written. */
int hane_taxi_manifest_write(hane_db *db, FILE *fp, unsigned flags,
			     const char *day, int64_t vehicle_id,
			     int64_t driver_id, int64_t *rows) HANE_WARN_UNUSED;

/* A trip's rider as the driver's sheet shows them (KVKK), the exported
 * manifest and the console's alike: the view is logged first
 * (taxi.manifest), then the phone, the home address (the outbound's
 * from, the return's to) and the notes for the driver pass the gate —
 * clear for the taxi unit's staff, masked for anyone else. */
struct hane_taxi_sheet {
	char phone[32];
	char from[HANE_TAXI_TEXT], to[HANE_TAXI_TEXT];
	char notes[HANE_TAXI_TEXT];
	char aid[64]; /* as hane_taxi_aid_shown */
};
int hane_taxi_sheet_row(hane_db *db, const struct hane_taxi_trip *t,
			struct hane_taxi_sheet *out) HANE_WARN_UNUSED;

/* "done", "noshow" (also "yapıldı", "tamam", "gelmedi") → stored; NULL. */
const char *hane_taxi_outcome_parse(const char *word);

/* ---- Import --------------------------------------------------------------- */

struct hane_taxi_import_counts {
	int64_t rows;
	int64_t booked;
	int64_t rejected;
};

/* Imports appointment requests from CSV (taxi.write): one row
 * per appointment with columns TC Kimlik No (or Yolcu No), Tarih, Randevu
 * Saati, Hedef, and optionally Amaç, Dönüş Saati, Alış Adresi, Araç, Not.
 * Each row goes through the booking rules against the database AND the
 * rows before it; a row that breaks one is rejected with the reason (to
 * the rejects file, in the file's own bytes, and to reject()), the rest
 * are booked, all in one transaction (dry_run rolls it back). Returns 0
 * when the file was processed, HANE_EINVAL for a missing column,
 * HANE_ECSV for an unreadable file. */
int hane_taxi_import(hane_db *db, const char *path, const char *rejects,
		     bool dry_run,
		     void (*reject)(long line, const char *reason, void *arg),
		     void *arg,
		     struct hane_taxi_import_counts *counts) HANE_WARN_UNUSED;

#endif
