/* hane/homecare.h — home care and home cleaning (Evde Bakım, Evde
 * Temizlik): care clients, caregivers and cleaning teams, care plans, the
 * visit schedule and visit records.
 *
 * Coded values are stored in English and shown through the *_label()
 * functions in the current language:
 *   services  "care", "cleaning", "both"          (client, worker)
 *   service   "care", "cleaning"                  (plan, visit)
 *   period    "week", "month"
 *   days      weekday digits, 1 Monday … 7 Sunday ("135"; "" = Mon–Fri)
 *   status    "planned", "done", "missed", "cancelled", "rescheduled"
 *   missed    "client_absent", "refused", "staff_absent"
 *   end       "death", "moved", "institution", "withdrew"
 *   needs     comma list of "bedridden", "dementia", "alone", "wheelchair",
 *             "incontinence", "visual", "hearing"
 * Dates are ISO "YYYY-MM-DD", times "HH:MM" (Istanbul local).
 *
 * Every function checks permissions first: homecare.read for reading,
 * homecare.write for clients, plans and visits, homecare.admin for
 * workers and travel times. Structs hold fixed-size text, so they can be
 * copied and kept without a free. Validation errors are HANE_EINVAL with
 * hane_error_last() naming the field. A walk (…_each) stops when its fn
 * returns non-zero: a positive stop is no error (0), a negative one is
 * returned.
 */
#ifndef HANE_HOMECARE_H
#define HANE_HOMECARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/record.h"
#include "hane/store.h"

#define HANE_HC_TIME_LEN 5 /* "HH:MM" */

/* ---- Caregivers and cleaning teams --------------------------------------- */

/* The stored fields (hane/record.h): F(member = column, type, option,
 * label tr, label en, more CSV titles, flags). */
#define HANE_HC_WORKER_FIELDS(F)                                               \
	F(name, HANE_FT_TEXT, "name", "Ad", "Name", NULL, HANE_FF_REQUIRED)    \
	F(kind, HANE_FT_TEXT, "kind", "Tür", "Kind", NULL, HANE_FF_REQUIRED)   \
	F(services, HANE_FT_TEXT, "services", "Hizmetler", "Services", NULL,   \
	  HANE_FF_REQUIRED)                                                    \
	F(work_days, HANE_FT_TEXT, "days", "Çalışma günleri", "Work days",     \
	  NULL, 0)                                                             \
	F(phone, HANE_FT_PHONE, "phone", "Telefon", "Phone", NULL,             \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(staff_id, HANE_FT_REF, NULL, "Kullanıcı", "User", NULL, 0)           \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)

extern const struct hane_rdef hane_hc_worker_rdef, hane_hc_client_rdef,
	hane_hc_plan_rdef, hane_hc_visit_rdef;

struct hane_homecare_worker {
	int64_t id;
	int64_t version;
	char name[128];
	char kind[16];	   /* "caregiver" or "team" */
	char services[16]; /* "care", "cleaning" or "both" */
	char work_days[8]; /* weekday digits, "12345" */
	char phone[HANE_PHONE_LEN + 1];
	int64_t staff_id; /* 0: not a hane user */
	bool active;
};

/* Empty worker: a caregiver giving care, Monday to Friday, active. */
void hane_homecare_worker_init(struct hane_homecare_worker *w);

/* Adds a worker (homecare.admin). *id (may be NULL) gets the new id. */
int hane_homecare_worker_add(hane_db *db, const struct hane_homecare_worker *w,
			     int64_t *id) HANE_WARN_UNUSED;
int hane_homecare_worker_get(hane_db *db, int64_t id,
			     struct hane_homecare_worker *out) HANE_WARN_UNUSED;
/* Saves w over the stored row if w->version is still current (then bumps
 * w->version); HANE_ECONFLICT otherwise. */
int hane_homecare_worker_update(hane_db *db, struct hane_homecare_worker *w)
	HANE_WARN_UNUSED;
/* Calls fn for every worker (active ones only unless all), by name. */
int hane_homecare_worker_each(hane_db *db, bool all,
			      int (*fn)(const struct hane_homecare_worker *w,
					void *arg),
			      void *arg) HANE_WARN_UNUSED;

/* ---- Clients ---------------------------------------------------------------- */

/* end_date and end_reason are written by hane_homecare_client_end alone;
 * needs (health: bedridden, dementia…) and notes are personal data. */
#define HANE_HC_CLIENT_FIELDS(F)                                               \
	F(person_id, HANE_FT_REF, NULL, "Kişi", "Person", NULL,                \
	  HANE_FF_REQUIRED | HANE_FF_PERSON_REF)                               \
	F(services, HANE_FT_TEXT, "services", "Hizmetler", "Services", NULL,   \
	  HANE_FF_REQUIRED)                                                    \
	F(start_date, HANE_FT_DATE, "start", "Başlangıç", "Start", NULL,       \
	  HANE_FF_REQUIRED)                                                    \
	F(end_date, HANE_FT_DATE, NULL, "Bitiş", "End", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_READONLY)                               \
	F(end_reason, HANE_FT_TEXT, NULL, "Bitiş nedeni", "End reason", NULL,  \
	  HANE_FF_EMPTY_NULL | HANE_FF_READONLY)                               \
	F(needs, HANE_FT_TEXT, "needs", "İhtiyaçlar", "Needs", NULL,           \
	  HANE_FF_PERSONAL | HANE_FF_MASKED)                                   \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)

struct hane_homecare_client {
	int64_t id;
	int64_t version;
	int64_t person_id;
	char services[16];
	char start_date[HANE_DATE_LEN + 1];
	char end_date[HANE_DATE_LEN + 1]; /* "" while a client */
	char end_reason[16];		  /* "" while a client */
	char needs[128];
	char notes[HANE_NOTES_MAX];
	/* Filled when read: */
	int64_t household_id;
	char name[2 * HANE_NAME_MAX];
	char mahalle[HANE_NAME_MAX];
	char last_visit[HANE_DATE_LEN + 1]; /* last done visit, or "" */
	char next_visit[HANE_DATE_LEN + 1]; /* next planned from today, "" */
	int open_followups;		    /* missed visits to follow up */
};

void hane_homecare_client_init(struct hane_homecare_client *c);

/* Takes a registry person on as a client (homecare.write). The person
 * must exist and must not be an open client already (HANE_EEXIST naming
 * the client number); start_date defaults to today. *id may be NULL. */
int hane_homecare_client_add(hane_db *db, const struct hane_homecare_client *c,
			     int64_t *id) HANE_WARN_UNUSED;
int hane_homecare_client_get(hane_db *db, int64_t id,
			     struct hane_homecare_client *out) HANE_WARN_UNUSED;
/* The open client record of a person (HANE_ENOTFOUND when there is none;
 * then an ended record, newest first, if ended is true). */
int hane_homecare_client_by_person(hane_db *db, int64_t person_id, bool ended,
				   struct hane_homecare_client *out)
	HANE_WARN_UNUSED;
/* Saves services, start date, needs and notes if c->version is current. */
int hane_homecare_client_update(hane_db *db, struct hane_homecare_client *c)
	HANE_WARN_UNUSED;
/* Ends the service on date (the last day served) for reason. Planned
 * visits after date are cancelled with the reason, and open plans end on
 * date, in one transaction; *cancelled (may be NULL) counts the visits. */
int hane_homecare_client_end(hane_db *db, int64_t id, int64_t version,
			     const char *date, const char *reason,
			     int *cancelled) HANE_WARN_UNUSED;

struct hane_homecare_client_filter {
	const char *service; /* "care"/"cleaning": clients given it; NULL all */
	bool ended;	     /* include ended clients */
	int64_t household_id; /* 0: every household */
};

/* Calls fn for matching clients ordered by name, with last and next visit
 * and open follow-ups filled. filter may be NULL. */
int hane_homecare_client_each(hane_db *db,
			      const struct hane_homecare_client_filter *filter,
			      int (*fn)(const struct hane_homecare_client *c,
					void *arg),
			      void *arg) HANE_WARN_UNUSED;

/* ---- Care plans ------------------------------------------------------------- */

#define HANE_HC_PLAN_FIELDS(F)                                                 \
	F(client_id, HANE_FT_REF, NULL, "Danışan", "Client", NULL,             \
	  HANE_FF_REQUIRED)                                                    \
	F(service, HANE_FT_TEXT, "service", "Hizmet", "Service", NULL,         \
	  HANE_FF_REQUIRED)                                                    \
	F(period, HANE_FT_TEXT, "period", "Dönem", "Period", NULL,             \
	  HANE_FF_REQUIRED)                                                    \
	F(visits, HANE_FT_INT, "visits", "Ziyaret", "Visits", NULL,            \
	  HANE_FF_REQUIRED)                                                    \
	F(days, HANE_FT_TEXT, "days", "Günler", "Days", NULL, 0)               \
	F(window_start, HANE_FT_TEXT, NULL, "Saatten", "From", NULL, 0)        \
	F(window_end, HANE_FT_TEXT, NULL, "Saate", "To", NULL, 0)              \
	F(duration_min, HANE_FT_INT, "duration", "Süre (dk)", "Minutes", NULL, \
	  HANE_FF_REQUIRED)                                                    \
	F(worker_id, HANE_FT_REF, "worker", "Çalışan", "Worker", NULL, 0)      \
	F(valid_from, HANE_FT_DATE, "from", "Geçerlilik başı", "Valid from",   \
	  NULL, 0)                                                             \
	F(valid_to, HANE_FT_DATE, "to", "Geçerlilik sonu", "Valid to", NULL,   \
	  HANE_FF_EMPTY_NULL)

struct hane_homecare_plan {
	int64_t id;
	int64_t version;
	int64_t client_id;
	char service[16]; /* "care" or "cleaning" */
	char period[8];	  /* "week" or "month" */
	int visits;	  /* per period, 1..31 */
	char days[8];	  /* preferred weekdays; "" Mon–Fri */
	char window_start[HANE_HC_TIME_LEN + 1];
	char window_end[HANE_HC_TIME_LEN + 1];
	int duration_min;  /* 15..600 */
	int64_t worker_id; /* preferred worker; 0 none */
	char valid_from[HANE_DATE_LEN + 1];
	char valid_to[HANE_DATE_LEN + 1]; /* "" open */
};

/* Empty plan: care, 1 a week, 09:00–12:00, 60 minutes. */
void hane_homecare_plan_init(struct hane_homecare_plan *p);

/* Adds a plan to an open client (homecare.write). The service must be
 * one the client receives, the window must hold the duration, the worker
 * (if any) must be active and give the service. valid_from defaults to
 * the client's start or today, whichever is later. */
int hane_homecare_plan_add(hane_db *db, const struct hane_homecare_plan *p,
			   int64_t *id) HANE_WARN_UNUSED;
int hane_homecare_plan_get(hane_db *db, int64_t id,
			   struct hane_homecare_plan *out) HANE_WARN_UNUSED;
/* Saves p if p->version is current (same checks as add). Visits already
 * generated are kept; the next generation follows the new plan. */
int hane_homecare_plan_update(hane_db *db,
			      struct hane_homecare_plan *p) HANE_WARN_UNUSED;
/* Plans of a client (0: all clients), newest first. */
int hane_homecare_plan_each(hane_db *db, int64_t client_id,
			    int (*fn)(const struct hane_homecare_plan *p,
				      void *arg),
			    void *arg) HANE_WARN_UNUSED;
/* "Bakım · haftada 2 · Pzt Per · 09:00–12:00 · 60 dk" in the current
 * language. Returns out. */
char *hane_homecare_plan_describe(char *out, size_t outsz,
				  const struct hane_homecare_plan *p);

/* ---- Visits ----------------------------------------------------------------- */

#define HANE_HC_VISIT_FIELDS(F)                                                \
	F(client_id, HANE_FT_REF, "client", "Danışan", "Client", NULL,         \
	  HANE_FF_REQUIRED)                                                    \
	F(plan_id, HANE_FT_REF, NULL, "Plan", "Plan", NULL, 0)                 \
	F(slot_date, HANE_FT_DATE, NULL, "Plan günü", "Slot date", NULL,       \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(service, HANE_FT_TEXT, "service", "Hizmet", "Service", NULL, 0)      \
	F(date, HANE_FT_DATE, "date", "Tarih", "Date", NULL, HANE_FF_REQUIRED) \
	F(start_time, HANE_FT_TEXT, "start", "Başlangıç", "Start", NULL, 0)    \
	F(end_time, HANE_FT_TEXT, "end", "Bitiş", "End", NULL, 0)              \
	F(worker_id, HANE_FT_REF, "worker", "Çalışan", "Worker", NULL, 0)      \
	F(status, HANE_FT_TEXT, NULL, "Durum", "Status", NULL, 0)              \
	F(missed_reason, HANE_FT_TEXT, NULL, "Yapılmama nedeni",               \
	  "Missed reason", NULL, HANE_FF_EMPTY_NULL)                           \
	F(actual_start, HANE_FT_TEXT, NULL, "Gerçek başlangıç",                \
	  "Actual start", NULL, HANE_FF_EMPTY_NULL)                            \
	F(actual_end, HANE_FT_TEXT, NULL, "Gerçek bitiş", "Actual end", NULL,  \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(tasks, HANE_FT_TEXT, "tasks", "Yapılanlar", "Tasks", NULL,           \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)                               \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)              \
	F(cancel_reason, HANE_FT_TEXT, NULL, "İptal nedeni", "Cancel reason",  \
	  NULL, HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)        \
	F(moved_from, HANE_FT_REF, NULL, "Önceki", "Moved from", NULL, 0)      \
	F(moved_to, HANE_FT_REF, NULL, "Sonraki", "Moved to", NULL, 0)         \
	F(followup, HANE_FT_TEXT, NULL, "Takip", "Follow-up", NULL,            \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(followup_note, HANE_FT_TEXT, NULL, "Takip notu", "Follow-up note",   \
	  NULL, HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)

struct hane_homecare_visit {
	int64_t id;
	int64_t version;
	int64_t client_id;
	int64_t plan_id; /* 0: added by hand */
	char slot_date[HANE_DATE_LEN + 1];
	char service[16];
	char date[HANE_DATE_LEN + 1];
	char start_time[HANE_HC_TIME_LEN + 1];
	char end_time[HANE_HC_TIME_LEN + 1];
	int64_t worker_id; /* 0: not assigned */
	char status[16];
	char missed_reason[16];
	char actual_start[HANE_HC_TIME_LEN + 1];
	char actual_end[HANE_HC_TIME_LEN + 1];
	char tasks[HANE_TEXT_MAX];
	char notes[HANE_NOTES_MAX];
	char cancel_reason[HANE_TEXT_MAX];
	int64_t moved_from, moved_to;
	char followup[8]; /* "", "open", "closed" */
	char followup_note[HANE_TEXT_MAX];
	/* Filled when read: */
	char client_name[2 * HANE_NAME_MAX];
	char mahalle[HANE_NAME_MAX];
	char address[HANE_TEXT_MAX];
	char phone[HANE_PHONE_LEN + 1];
	char worker_name[128];
	char updated_by[64];
	char updated_at[20];
};

/* Adds one planned visit by hand (homecare.write): client open on date,
 * service given to the client, date not a full public holiday, worker
 * (0 allowed) active, giving the service, working that weekday and free
 * (see hane_homecare_check_free). */
int hane_homecare_visit_add(hane_db *db, const struct hane_homecare_visit *v,
			    int64_t *id) HANE_WARN_UNUSED;
int hane_homecare_visit_get(hane_db *db, int64_t id,
			    struct hane_homecare_visit *out) HANE_WARN_UNUSED;

/* Assigns a planned visit to worker_id (0 unassigns), with the same
 * checks as add. */
int hane_homecare_visit_assign(hane_db *db, int64_t id, int64_t version,
			       int64_t worker_id) HANE_WARN_UNUSED;

/* Moves a planned visit: the old row becomes "rescheduled" (kept, linked to
 * the new one), a new planned row takes date, start (and the same duration)
 * and worker_id (-1: the same worker). All checks of add apply to the new
 * row. *new_id (may be NULL) gets its id. */
int hane_homecare_visit_move(hane_db *db, int64_t id, int64_t version,
			     const char *date, const char *start,
			     int64_t worker_id,
			     int64_t *new_id) HANE_WARN_UNUSED;

/* Cancels a planned visit with a reason (required); the row is kept. */
int hane_homecare_visit_cancel(hane_db *db, int64_t id, int64_t version,
			       const char *reason) HANE_WARN_UNUSED;

/* Records a planned visit as done: not in the future; actual times
 * ("" = the planned ones), end after start; tasks and notes may be "".
 * The visit must have a worker. */
int hane_homecare_visit_done(hane_db *db, int64_t id, int64_t version,
			     const char *actual_start, const char *actual_end,
			     const char *tasks,
			     const char *notes) HANE_WARN_UNUSED;

/* Records a planned visit as missed for reason (not in the future); it is
 * flagged for follow-up ("open"). */
int hane_homecare_visit_missed(hane_db *db, int64_t id, int64_t version,
			       const char *reason,
			       const char *notes) HANE_WARN_UNUSED;

/* Closes the follow-up of a missed visit with what was done (required). */
int hane_homecare_followup_close(hane_db *db, int64_t id, int64_t version,
				 const char *note) HANE_WARN_UNUSED;

struct hane_homecare_visit_filter {
	const char *from, *to; /* dates, inclusive; NULL: open */
	int64_t worker_id;     /* 0 all; -1 unassigned only */
	int64_t client_id;     /* 0 all */
	const char *status;    /* NULL: all but rescheduled and cancelled */
	bool followup_open;    /* only missed visits still to follow up */
	bool history;	       /* with rescheduled and cancelled rows too */
};

/* Calls fn for matching visits ordered by date, worker, start time. */
int hane_homecare_visit_each(hane_db *db,
			     const struct hane_homecare_visit_filter *f,
			     int (*fn)(const struct hane_homecare_visit *v,
				       void *arg),
			     void *arg) HANE_WARN_UNUSED;

/* Is worker_id free for [start, end) on date at a client in mahalle,
 * counting travel time between mahalleler to and from its other visits
 * (planned, done, and missed ones the worker went to)? exclude_id (0
 * none) is a visit to leave out. 0 when free; HANE_EEXIST naming the
 * visit in the way otherwise. */
int hane_homecare_check_free(hane_db *db, int64_t worker_id, const char *date,
			     const char *start, const char *end,
			     const char *mahalle,
			     int64_t exclude_id) HANE_WARN_UNUSED;

/* ---- Travel time between mahalleler ------------------------------------------ */

/* Minutes needed between two mahalleler ("" = unknown: the default). */
int hane_homecare_travel_get(hane_db *db, const char *a, const char *b,
			     int *minutes) HANE_WARN_UNUSED;
/* Sets the time for one pair (homecare.admin); order does not matter. */
int hane_homecare_travel_set(hane_db *db, const char *a, const char *b,
			     int minutes) HANE_WARN_UNUSED;
/* The defaults: within one mahalle, and between two not listed. A
 * negative value leaves that one unchanged (homecare.admin). */
int hane_homecare_travel_defaults(hane_db *db, int same,
				  int other) HANE_WARN_UNUSED;

/* ---- Schedule generation ------------------------------------------------------- */

struct hane_homecare_schedule_opts {
	const char *from, *to; /* inclusive, ISO; at most 366 days */
	int64_t client_id;     /* 0: every open client */
	bool preview;	       /* compute only; nothing is written */
	bool auto_assign;      /* another free worker when the plan's is not */
};

/* One visit the generator made (or would make). */
struct hane_homecare_slot {
	int64_t plan_id, client_id, visit_id; /* visit_id 0 in a preview */
	char client_name[2 * HANE_NAME_MAX];
	char service[16];
	char date[HANE_DATE_LEN + 1];
	char start[HANE_HC_TIME_LEN + 1], end[HANE_HC_TIME_LEN + 1];
	int64_t worker_id; /* 0: left unassigned */
	char worker_name[128];
	char note[HANE_TEXT_MAX]; /* why unassigned, moved off a holiday… */
};

struct hane_homecare_schedule_result {
	int created;	/* visits made (or previewed) */
	int unassigned; /* of which without a worker */
	int existing;	/* slots already in the schedule, left alone */
	/* Set when from..to or the next 120 days reach a year whose
	 * religious holidays are not entered (the schedule is still made,
	 * around the fixed public holidays): say it to the person. */
	char warning[512];
};

/* Generates visits from the open plans for the days from..to. For each
 * week (Monday–Sunday) or calendar month of a plan, its visits are placed
 * on the preferred weekdays, spread over the period; full public holidays
 * are skipped and half days (arife) are used only when the visit ends by
 * 13:00, the missing ones going to the nearest other working days of the
 * same period. A period only partly inside the client's or plan's dates
 * gets a share of its visits. The placement of a period does not depend
 * on from..to, so generating month by month gives the same visits as one
 * run over both months, and running it again adds nothing (slots already
 * scheduled, moved or cancelled are left alone). The time is the start of
 * the window, or later within it when the worker is busy; a visit no
 * worker is free for is made unassigned, with a note. fn (may be NULL) is
 * called for every slot made. preview rolls everything back (needs only
 * homecare.read, and must not run inside a caller's transaction). Any
 * year can be scheduled: a year whose religious holidays are not entered
 * is planned around the fixed public holidays, with result->warning
 * saying so. */
int hane_homecare_schedule(
	hane_db *db, const struct hane_homecare_schedule_opts *o,
	int (*fn)(const struct hane_homecare_slot *s, void *arg), void *arg,
	struct hane_homecare_schedule_result *result) HANE_WARN_UNUSED;

/* ---- Agenda export ----------------------------------------------------------- */

/* Writes the agenda for from..to (one worker, or 0 for all, -1 the
 * unassigned) as CSV to fp (borrowed) for printing: date, time, worker,
 * client, address, phone, service, needs, notes. Needs homecare.read and
 * export (logged). flags are hane_csv_writer_flags. *rows may be NULL. */
int hane_homecare_agenda_csv(hane_db *db, const char *from, const char *to,
			     int64_t worker_id, FILE *fp, unsigned flags,
			     int64_t *rows) HANE_WARN_UNUSED;

/* ---- Public holidays and coded values --------------------------------------- */

enum hane_homecare_holiday {
	HANE_HC_WORKDAY = 0,
	HANE_HC_HALF = 1,
	HANE_HC_FULL = 2
};

/* Whether date (ISO) is a public holiday, from the one holiday list
 * (hane/reference.h: the fixed national days of any year and the
 * entered religious ones); name (may be NULL) gets its name. */
int hane_homecare_holiday(hane_db *db, const char *date,
			  enum hane_homecare_holiday *kind, char *name,
			  size_t namesz) HANE_WARN_UNUSED;

/* Labels in the current language (the code itself when unknown). */
const char *hane_homecare_label(const char *code);
/* "Pzt Çar Cum" for "135". Returns out. */
char *hane_homecare_days_format(char *out, size_t outsz, const char *days);
/* The needs "bedridden,alone" as the words typed for them ("yatalak,
 * yalnız yaşıyor"), cut at outsz. Returns out. */
char *hane_homecare_needs_words(char *out, size_t outsz, const char *needs);
/* Parses "pzt,çar,cum", "1,3,5", "135", "mon wed fri", "hafta içi" into
 * sorted digits; HANE_EINVAL on anything else. out has 8 bytes. */
int hane_homecare_days_parse(char out[8], const char *text) HANE_WARN_UNUSED;
/* Parses a coded value typed in either language ("bakım", "care",
 * "evde temizlik", "gelmedi"…) of a kind: "services", "service",
 * "period", "missed", "end", "kind", "need". NULL when none matches. */
const char *hane_homecare_parse(const char *kind, const char *text);
/* "9:05"/"09:05"/"0905" → "09:05"; HANE_EINVAL otherwise. */
int hane_homecare_time_parse(char out[HANE_HC_TIME_LEN + 1],
			     const char *s) HANE_WARN_UNUSED;

#endif
