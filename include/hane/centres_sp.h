/* hane/centres_sp.h — Merkezler (#19): the session kind (Kısa Mola:
 * bookable slots with a cap) and the placement kind (Down Kafe and the
 * mobile catering vehicles: employment).
 *
 * The rules live here so the console, the CLI and the demo year agree:
 *  - a session is held at a site of a session-kind programme, on a date
 *    from a start to an end time (HH:MM), with a cap of 1..1000 places;
 *    cancelling it cancels its bookings;
 *  - a booking is a running member of the session's programme (at any of
 *    its sites) on the session's day; the cap is honoured ("oturum dolu:
 *    8/8"); a member books a session once, and not two sessions whose
 *    hours overlap; a cancelled session or one that has ended is not
 *    booked (but a paper list entered late is, with HANE_CSP_LATE);
 *  - a booking is marked attended or a no-show on or after the session's
 *    day, never before; a booking is cancelled while the session is to
 *    come; a member's no-shows are counted for the caseworker;
 *  - a placement is a running member of a placement-kind programme at one
 *    of that programme's sites: a role, 1..45 hours a week, paid, insured,
 *    a job coach (a staff name), a start; one open placement a member a
 *    site; it ends on a date (not before its start, not in the future)
 *    with a reason.
 *
 * Structs hold fixed-size UTF-8 text, so they can be copied and kept
 * without a free. Every function checks its permission first
 * (centres.read, centres.write), and a centre's caseworker reads and
 * records only the programmes they work in (centre_staff, as
 * hane_centre_programme_allowed says): lists leave the others out. Errors: 0 or
 * a negative HANE_E… with hane_error_last() saying what was wrong in the
 * current language. Dates are ISO ("" is today where a function says so), times
 * "HH:MM".
 */
#ifndef HANE_CENTRES_SP_H
#define HANE_CENTRES_SP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/core.h"
#include "hane/record.h"
#include "hane/store.h"

#define HANE_CSP_NAME 192
#define HANE_CSP_TEXT 512
#define HANE_CSP_TIME 6 /* "HH:MM" */

/* ---- Sites of a kind --------------------------------------------------------- */

/* The site named by key (its number "3" or its code "kisa_mola_cumhuriyet")
 * that belongs to a programme of kind ("session", "placement"; NULL: any)
 * into *id (centres.read). A site of another kind is HANE_EINVAL naming
 * the site and the kind it is not. */
int hane_centre_sp_site(hane_db *db, const char *key, const char *kind,
			int64_t *id) HANE_WARN_UNUSED;

/* The active sites of kind's programmes by name, as fn(id, name, arg)
 * (centres.read): the choices of a form. */
int hane_centre_sp_sites(hane_db *db, const char *kind,
			 int (*fn)(int64_t id, const char *name, void *arg),
			 void *arg) HANE_WARN_UNUSED;

/* ---- Sessions ------------------------------------------------------------------ */

struct hane_centre_session {
	int64_t id;
	int64_t version;
	int64_t site_id;
	char date[HANE_DATE_LEN + 1];
	char start_time[HANE_CSP_TIME];
	char end_time[HANE_CSP_TIME];
	int cap;
	char status[12]; /* open, cancelled */
	char notes[HANE_CSP_TEXT];
	/* Filled on read. */
	char site_code[64];
	char site_name[HANE_CSP_NAME];
	int64_t programme_id;
	int booked; /* bookings that hold a place: booked, attended, no-show */
	int attended;
	int no_shows;
};

/* The stored fields (hane/record.h; model: hane_centre_session_rdef). A
 * session is about a slot, not a person: nothing here is personal. */
#define HANE_CENTRE_SESSION_FIELDS(F)                                          \
	F(site_id, HANE_FT_REF, NULL, "Merkez", "Site", NULL,                  \
	  HANE_FF_REQUIRED)                                                    \
	F(date, HANE_FT_DATE, "date", "Tarih", "Date", "tarih|date",           \
	  HANE_FF_REQUIRED)                                                    \
	F(start_time, HANE_FT_TEXT, "start", "Başlangıç", "Start",             \
	  "başlangıç|start", HANE_FF_REQUIRED)                                 \
	F(end_time, HANE_FT_TEXT, "end", "Bitiş", "End", "bitiş|end",          \
	  HANE_FF_REQUIRED)                                                    \
	F(cap, HANE_FT_INT, "cap", "Kontenjan", "Places", "kontenjan|places",  \
	  HANE_FF_REQUIRED)                                                    \
	F(status, HANE_FT_TEXT, NULL, "Durum", "Status", NULL,                 \
	  HANE_FF_READONLY)                                                    \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL)

/* Empty values: cap 8, ids 0. */
void hane_centre_session_init(struct hane_centre_session *s);

/* Adds (id 0) or changes (version checked) a session (centres.write) as
 * the rules say. A changed session keeps its site and day once booked,
 * and its cap stays at least its bookings. *id (may be NULL) gets the
 * id; s is read back. */
int hane_centre_session_save(hane_db *db, struct hane_centre_session *s,
			     int64_t *id) HANE_WARN_UNUSED;
/* A session with its read part (centres.read). */
int hane_centre_session_get(hane_db *db, int64_t id,
			    struct hane_centre_session *out) HANE_WARN_UNUSED;
/* Cancels a session that has not ended (centres.write) and every booking
 * of it, in one transaction. */
int hane_centre_session_cancel(hane_db *db, int64_t id) HANE_WARN_UNUSED;
/* The sessions of site (0: every session site) from day for days days
 * (day "" today; days 7 a week), by date and start (centres.read). */
int hane_centre_session_each(hane_db *db, int64_t site_id, const char *day,
			     int days,
			     int (*fn)(const struct hane_centre_session *s,
				       void *arg),
			     void *arg) HANE_WARN_UNUSED;

/* ---- Bookings ------------------------------------------------------------------ */

struct hane_centre_booking {
	int64_t id;
	int64_t version;
	int64_t session_id;
	int64_t member_id;
	int64_t person_id;
	char date[HANE_DATE_LEN + 1]; /* the session's day */
	char status[12];	      /* booked, attended, no_show, cancelled */
	/* Filled on read. */
	char person_name[HANE_CSP_NAME];
	int64_t site_id;
	int64_t programme_id;
	char site_name[HANE_CSP_NAME];
	char start_time[HANE_CSP_TIME];
	char end_time[HANE_CSP_TIME];
	int no_shows; /* the member's no-shows over every session */
};

/* The stored fields (model: hane_centre_booking_rdef). The person is a
 * reference (merge moves it, retention counts it as service); the rest is
 * codes and dates. */
#define HANE_CENTRE_BOOKING_FIELDS(F)                                          \
	F(session_id, HANE_FT_REF, "session", "Oturum", "Session", NULL,       \
	  HANE_FF_REQUIRED)                                                    \
	F(member_id, HANE_FT_REF, NULL, "Üyelik", "Membership", NULL,          \
	  HANE_FF_REQUIRED)                                                    \
	F(person_id, HANE_FT_REF, "person", "Kişi", "Person", NULL,            \
	  HANE_FF_REQUIRED | HANE_FF_PERSON_REF)                               \
	F(date, HANE_FT_DATE, NULL, "Tarih", "Date", NULL, HANE_FF_REQUIRED)   \
	F(status, HANE_FT_TEXT, NULL, "Durum", "Status", NULL, 0)

/* Flags of hane_centre_book. */
#define HANE_CSP_LATE                                                          \
	1u /* a session that has ended: a paper list entered                   \
	      late (then marked attended or a no-show) */

/* Books person onto session (centres.write) as the rules say; a booking
 * of the member cancelled before is booked again. *id (may be NULL) gets
 * the booking's id. */
int hane_centre_book(hane_db *db, int64_t session_id, int64_t person_id,
		     unsigned flags, int64_t *id) HANE_WARN_UNUSED;
/* Marks a booking (centres.write): status "attended" or "no_show" on or
 * after the session's day, "cancelled" while the session is to come, or
 * "booked" again (undoing a mark made in error). */
int hane_centre_booking_mark(hane_db *db, int64_t booking_id,
			     const char *status) HANE_WARN_UNUSED;
/* A booking with its read part (centres.read). */
int hane_centre_booking_get(hane_db *db, int64_t id,
			    struct hane_centre_booking *out) HANE_WARN_UNUSED;
/* The booking of person on session (centres.read); HANE_ENOTFOUND
 * naming neither when there is none. */
int hane_centre_booking_find(hane_db *db, int64_t session_id, int64_t person_id,
			     struct hane_centre_booking *out) HANE_WARN_UNUSED;
/* The bookings of a session, by name (centres.read); cancelled ones
 * last. An output that shows them logs it (hane_gate_list). */
int hane_centre_booking_each(hane_db *db, int64_t session_id,
			     int (*fn)(const struct hane_centre_booking *b,
				       void *arg),
			     void *arg) HANE_WARN_UNUSED;
/* A person's bookings, newest first (centres.read). */
int hane_centre_booking_of_person(hane_db *db, int64_t person_id,
				  int (*fn)(const struct hane_centre_booking *b,
					    void *arg),
				  void *arg) HANE_WARN_UNUSED;
/* A running member of a session's programme on its day, as offered for a
 * booking: the person, the member's site, whether already booked on the
 * session, and the no-shows so far. */
struct hane_centre_sp_member {
	int64_t person_id;
	int64_t member_id;
	char name[HANE_CSP_NAME];
	char site_name[HANE_CSP_NAME];
	bool booked;
	int no_shows;
};
/* The running members of session's programme on its day whose name has
 * every folded word of query ("" or NULL: all), by name, at most limit
 * (0: all) (centres.read). An output that shows them logs it. */
int hane_centre_session_members(hane_db *db, int64_t session_id,
				const char *query, int limit,
				int (*fn)(const struct hane_centre_sp_member *m,
					  void *arg),
				void *arg) HANE_WARN_UNUSED;
/* A person's no-shows over every session (centres.read). */
int hane_centre_no_shows(hane_db *db, int64_t person_id,
			 int *out) HANE_WARN_UNUSED;

/* ---- Placements ----------------------------------------------------------------- */

struct hane_centre_placement {
	int64_t id;
	int64_t version;
	int64_t member_id; /* 0: the person's running membership, found */
	int64_t person_id;
	int64_t site_id;
	char role[96];
	int hours_week;
	bool paid;
	bool insured;
	char coach[HANE_CSP_NAME];
	char start[HANE_DATE_LEN + 1];	  /* "" today */
	char end_date[HANE_DATE_LEN + 1]; /* "" open */
	char end_reason[HANE_CSP_TEXT];
	char notes[HANE_CSP_TEXT];
	/* Filled on read. */
	char person_name[HANE_CSP_NAME];
	char site_code[64];
	char site_name[HANE_CSP_NAME];
	int64_t programme_id;
};

/* The stored fields (model: hane_centre_placement_rdef). The end reason
 * and the notes are free text about a person (personal and masked). */
#define HANE_CENTRE_PLACEMENT_FIELDS(F)                                        \
	F(member_id, HANE_FT_REF, NULL, "Üyelik", "Membership", NULL,          \
	  HANE_FF_REQUIRED)                                                    \
	F(person_id, HANE_FT_REF, "person", "Kişi", "Person", NULL,            \
	  HANE_FF_REQUIRED | HANE_FF_PERSON_REF)                               \
	F(site_id, HANE_FT_REF, NULL, "Merkez", "Site", NULL,                  \
	  HANE_FF_REQUIRED)                                                    \
	F(role, HANE_FT_TEXT, "role", "Görev", "Role", "görev|role",           \
	  HANE_FF_REQUIRED)                                                    \
	F(hours_week, HANE_FT_INT, "hours", "Haftalık saat", "Hours a week",   \
	  "saat|hours", HANE_FF_REQUIRED)                                      \
	F(paid, HANE_FT_BOOL, "paid", "Ücretli", "Paid", NULL, 0)              \
	F(insured, HANE_FT_BOOL, "insured", "Sigortalı", "Insured", NULL, 0)   \
	F(coach, HANE_FT_TEXT, "coach", "İş koçu", "Job coach", NULL,          \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(start, HANE_FT_DATE, "start", "Başlangıç", "Start", NULL,            \
	  HANE_FF_REQUIRED)                                                    \
	F(end_date, HANE_FT_DATE, NULL, "Bitiş", "End", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_READONLY)                               \
	F(end_reason, HANE_FT_TEXT, NULL, "Bitiş nedeni", "Why it ended",      \
	  NULL,                                                                \
	  HANE_FF_EMPTY_NULL | HANE_FF_READONLY | HANE_FF_PERSONAL |           \
		  HANE_FF_MASKED)                                              \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)

/* Empty values: paid, insured, 20 hours a week, starting today. */
void hane_centre_placement_init(struct hane_centre_placement *p);

/* Records (id 0) or changes (version checked) a placement
 * (centres.write) as the rules say; a change keeps the person and the
 * site, and an ended placement is not changed. *id (may be NULL) gets
 * the id; p is read back. */
int hane_centre_placement_save(hane_db *db, struct hane_centre_placement *p,
			       int64_t *id) HANE_WARN_UNUSED;
/* Ends an open placement on day ("" today; not before its start, not in
 * the future) with reason (required) (centres.write). */
int hane_centre_placement_end(hane_db *db, int64_t id, const char *day,
			      const char *reason) HANE_WARN_UNUSED;
/* A placement with its read part (centres.read). */
int hane_centre_placement_get(hane_db *db, int64_t id,
			      struct hane_centre_placement *out)
	HANE_WARN_UNUSED;
/* The placements (centres.read): open ones (open true) by start, or the
 * ended ones newest end first; site 0 every site, person 0 everyone. An
 * output that shows them logs it (hane_gate_list). */
int hane_centre_placement_each(hane_db *db, bool open, int64_t site_id,
			       int64_t person_id,
			       int (*fn)(const struct hane_centre_placement *p,
					 void *arg),
			       void *arg) HANE_WARN_UNUSED;

/* The descriptors (hane/record.h), registered in src/units/records.def. */
extern const struct hane_rdef hane_centre_session_rdef,
	hane_centre_booking_rdef, hane_centre_placement_rdef;

#endif
