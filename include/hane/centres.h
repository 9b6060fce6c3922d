/* hane/centres.h — Merkezler (#19): the directorate's centres in one shape
 * (Asırlık Çınar Evleri, Alzheimer Yaşam Evi, Otizm Spor ve Yaşam Evi,
 * Yaşama Destek Evi, Kısa Mola, Down Kafe): programmes and their sites,
 * the staff of each programme, eligibility explained, applications and
 * their decisions, the waiting list, memberships and their ends, check-in
 * and check-out. Sessions, bookings and placements are hane/centres_sp.h;
 * the year's figures are the overview's (cyear).
 *
 * The rules live here so the console, the CLI, the import and the demo
 * year agree:
 *  - programmes and sites are data (migration 019 seeds six and eleven);
 *    centres.admin adds and changes them: a fifth Asırlık Çınar branch is
 *    one hane_centre_site_save;
 *  - eligibility per programme, on the day: age in whole years (a site's
 *    min_age overrides the programme's), the person's disability %, a
 *    diagnosis note (Alzheimer), residence ('izmit': the household's
 *    mahalle is an İzmit mahalle; 'kocaeli': that or a Kocaeli
 *    district). The first rule that fails is explained in a sentence
 *    naming the rule and the person's value ("Asırlık Çınar Evleri 60 yaş
 *    ve üstü içindir; Ayşe Demir 57 yaşında");
 *  - one open application (pending, waiting) or running membership per
 *    person per programme;
 *  - an admission (direct, assessed) opens the membership in the same
 *    transaction, refused when the site is at capacity (running members
 *    >= capacity; 0 no limit), the message offering the waiting list;
 *  - the waiting list of a site is its waiting applications in order of
 *    date, id; the position is derived, never stored; when a place frees
 *    (a membership ends) the first of the list is "next";
 *  - rejected and withdrawn need a reason;
 *  - check-in: a running member at the member's own site, on a day not in
 *    the future, once while still in; check-out sets the time out.
 *
 * Who sees what: centres.read, centres.write, centres.admin (unit
 * "centres"). A caseworker of the unit sees and records only the
 * programmes centre_staff gives them (hane_centre_programme_allowed);
 * supervisors, administrators and reporters see every programme. Lists
 * that show persons log the read (hane_gate_list); diagnosis and notes
 * are personal and masked (hane_gate_field with HANE_ACT_CENTRES_WRITE).
 *
 * Structs hold fixed-size UTF-8 text, so they can be copied and kept
 * without a free. Dates are ISO "YYYY-MM-DD" ("" in an input means today,
 * hane_today(), which HANE_NOW pins); times "HH:MM". Errors: 0 or a
 * negative HANE_E… with hane_error_last() saying what was wrong in the
 * current language. Walks call fn for each row; fn returning non-zero
 * stops the walk and is returned.
 */
#ifndef HANE_CENTRES_H
#define HANE_CENTRES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/core.h"
#include "hane/record.h"
#include "hane/store.h"

#define HANE_CENTRE_CODE 32
#define HANE_CENTRE_NAME 128
#define HANE_CENTRE_TEXT 512
#define HANE_CENTRE_TIME 6 /* "HH:MM" */

/* ---- Codes ---------------------------------------------------------------- */

/* X(NAME, "code"): a programme's kind, an application's status, a
 * membership's end reason (the schema's CHECKs in 019). */
#define HANE_CENTRE_KINDS(X)                                                   \
	X(MEMBERSHIP, "membership")                                            \
	X(ENROLMENT, "enrolment")                                              \
	X(SESSION, "session")                                                  \
	X(PLACEMENT, "placement")
#define HANE_CENTRE_STATUSES(X)                                                \
	X(PENDING, "pending")                                                  \
	X(DIRECT, "direct")                                                    \
	X(ASSESSED, "assessed")                                                \
	X(WAITING, "waiting")                                                  \
	X(REJECTED, "rejected")                                                \
	X(WITHDRAWN, "withdrawn")
#define HANE_CENTRE_END_REASONS(X)                                             \
	X(DEATH, "death")                                                      \
	X(MOVED, "moved")                                                      \
	X(WITHDREW, "withdrew")                                                \
	X(INSTITUTION, "institution")                                          \
	X(COMPLETED, "completed")                                              \
	X(OTHER, "other")

enum hane_centre_list {
	HANE_CENTRE_KIND,
	HANE_CENTRE_STATUS,
	HANE_CENTRE_END_REASON,
	HANE_CENTRE__LISTS
};

/* The codes of a list in order (static, NULL-terminated); *n (may be
 * NULL) gets the count. */
const char *const *hane_centre_codes(enum hane_centre_list l, int *n);
/* The word on screen for code in the current language ("taşındı" for
 * moved, "sırada" for waiting); the code itself when unknown. */
const char *hane_centre_label(enum hane_centre_list l, const char *code);
/* A code, or its Turkish or English word typed any way ("tasindi",
 * "Taşındı", "moved", "bekleme", "doğrudan") → the code (static); NULL
 * if none. */
const char *hane_centre_parse(enum hane_centre_list l, const char *word);

/* ---- Programmes ------------------------------------------------------------- */

struct hane_centre_programme {
	int64_t id;
	int64_t version;
	char code[HANE_CENTRE_CODE]; /* [a-z][a-z0-9_]*, fixed once made */
	char kind[12];		     /* HANE_CENTRE_KINDS code */
	char name_tr[HANE_CENTRE_NAME];
	char name_en[HANE_CENTRE_NAME];
	int min_age;	    /* -1: no rule */
	int max_age;	    /* -1: no rule */
	int min_disability; /* %; -1: no rule */
	bool needs_diagnosis;
	char residence[8]; /* "izmit", "kocaeli", "" no rule */
	bool active;
	/* Filled on read. */
	char name[HANE_CENTRE_NAME]; /* name_tr or name_en, current language */
};

/* The stored fields (hane/record.h; model: hane_centre_programme_rdef). */
#define HANE_CENTRE_PROGRAMME_FIELDS(F)                                        \
	F(code, HANE_FT_TEXT, "code", "Kod", "Code", NULL, HANE_FF_REQUIRED)   \
	F(kind, HANE_FT_TEXT, "kind", "Tür", "Kind", NULL, HANE_FF_REQUIRED)   \
	F(name_tr, HANE_FT_TEXT, "name", "Program", "Programme", NULL,         \
	  HANE_FF_REQUIRED)                                                    \
	F(name_en, HANE_FT_TEXT, "name-en", "Adı (İngilizce)",                 \
	  "Name (English)", NULL, HANE_FF_REQUIRED)                            \
	F(min_age, HANE_FT_INT, "min-age", "En küçük yaş", "Minimum age",      \
	  NULL, HANE_FF_EMPTY_NULL)                                            \
	F(max_age, HANE_FT_INT, "max-age", "En büyük yaş", "Maximum age",      \
	  NULL, HANE_FF_EMPTY_NULL)                                            \
	F(min_disability, HANE_FT_INT, "min-disability", "En az engel oranı",  \
	  "Minimum disability %", NULL, HANE_FF_EMPTY_NULL)                    \
	F(needs_diagnosis, HANE_FT_BOOL, "diagnosis", "Tanı notu gerekir",     \
	  "Diagnosis note required", NULL, 0)                                  \
	F(residence, HANE_FT_TEXT, "residence", "İkamet", "Residence", NULL,   \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)

/* Empty values: kind membership, no rules, active, ids 0. */
void hane_centre_programme_init(struct hane_centre_programme *p);
/* Adds (id 0) or saves (version checked) a programme (centres.admin): the
 * code [a-z][a-z0-9_]* is fixed once made, the kind one of the list, both
 * names required (English "" takes the Turkish), ages 0..120 with min <=
 * max, disability 0..100, residence "izmit", "kocaeli" or "". A code
 * taken is HANE_EEXIST. *id (may be NULL) gets the id. */
int hane_centre_programme_save(hane_db *db, struct hane_centre_programme *p,
			       int64_t *id) HANE_WARN_UNUSED;
/* A programme by id ("3"), code ("cinar") or its name typed any way
 * ("asirlik", "Alzheimer"; a prefix that names one) (centres.read).
 * HANE_ENOTFOUND naming the programmes otherwise. */
int hane_centre_programme_find(hane_db *db, const char *key,
			       struct hane_centre_programme *out)
	HANE_WARN_UNUSED;
int hane_centre_programme_get(hane_db *db, int64_t id,
			      struct hane_centre_programme *out)
	HANE_WARN_UNUSED;
/* The programmes in id order (centres.read), inactive ones too when all;
 * for a caseworker only those hane_centre_programme_allowed lets through. */
int hane_centre_programme_each(hane_db *db, bool all,
			       int (*fn)(const struct hane_centre_programme *p,
					 void *arg),
			       void *arg) HANE_WARN_UNUSED;
/* 0 if the actor may see and record programme_id's people: a caseworker
 * only with a centre_staff row for it; anyone else holding centres.read.
 * HANE_EPERM naming the programme otherwise. */
int hane_centre_programme_allowed(hane_db *db,
				  int64_t programme_id) HANE_WARN_UNUSED;

/* ---- Sites ------------------------------------------------------------------ */

struct hane_centre_site {
	int64_t id;
	int64_t version;
	int64_t programme_id;
	char code[HANE_CENTRE_CODE];
	char name[HANE_CENTRE_NAME];
	char address[256];
	char days[64];	/* "pzt,sal,çar,per,cum" */
	char hours[32]; /* "09:00-17:00" */
	int capacity;	/* running members at most; 0: no limit */
	int min_age;	/* -1: the programme's */
	bool active;
	/* Filled on read. */
	char programme_code[HANE_CENTRE_CODE];
	char programme_kind[12];
	char programme_name[HANE_CENTRE_NAME]; /* current language */
	int64_t members;		       /* running today */
	int64_t waiting;		       /* on the waiting list */
};

#define HANE_CENTRE_SITE_FIELDS(F)                                             \
	F(programme_id, HANE_FT_REF, NULL, "Program", "Programme", NULL,       \
	  HANE_FF_REQUIRED)                                                    \
	F(code, HANE_FT_TEXT, "code", "Kod", "Code", NULL, HANE_FF_REQUIRED)   \
	F(name, HANE_FT_TEXT, "name", "Yer", "Site", NULL, HANE_FF_REQUIRED)   \
	F(address, HANE_FT_TEXT, "address", "Adres", "Address", NULL,          \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(days, HANE_FT_TEXT, "days", "Günler", "Days", NULL,                  \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(hours, HANE_FT_TEXT, "hours", "Saatler", "Hours", NULL,              \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(capacity, HANE_FT_INT, "capacity", "Kapasite", "Capacity", NULL, 0)  \
	F(min_age, HANE_FT_INT, "min-age", "En küçük yaş", "Minimum age",      \
	  NULL, HANE_FF_EMPTY_NULL)                                            \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)

/* Empty values: no limit, the programme's age, active, ids 0. */
void hane_centre_site_init(struct hane_centre_site *s);
/* Adds (id 0) or saves (version checked) a site (centres.admin): an
 * existing programme (fixed once made), the code as a programme's, a
 * name, capacity 0..100000, min_age -1 or 0..120, hours "HH:MM-HH:MM" or
 * "". A code taken is HANE_EEXIST. *id (may be NULL) gets the id. */
int hane_centre_site_save(hane_db *db, struct hane_centre_site *s,
			  int64_t *id) HANE_WARN_UNUSED;
/* A site by id, code or its name typed any way ("serdar", "Gündoğdu";
 * a word that names one site), with its counts (centres.read).
 * HANE_ENOTFOUND otherwise. */
int hane_centre_site_find(hane_db *db, const char *key,
			  struct hane_centre_site *out) HANE_WARN_UNUSED;
int hane_centre_site_get(hane_db *db, int64_t id,
			 struct hane_centre_site *out) HANE_WARN_UNUSED;
/* The sites of programme_id (0: of every programme the actor may see),
 * by programme then name, inactive ones too when all (centres.read). */
int hane_centre_site_each(hane_db *db, int64_t programme_id, bool all,
			  int (*fn)(const struct hane_centre_site *s,
				    void *arg),
			  void *arg) HANE_WARN_UNUSED;

/* ---- Staff of a programme ---------------------------------------------------- */

struct hane_centre_staff {
	int64_t id;
	int64_t version;
	int64_t staff_id;
	int64_t programme_id;
	/* Filled on read. */
	char username[64];
	char full_name[HANE_CENTRE_NAME];
	char programme_code[HANE_CENTRE_CODE];
};

#define HANE_CENTRE_STAFF_FIELDS(F)                                            \
	F(staff_id, HANE_FT_REF, NULL, "Personel", "Staff", NULL,              \
	  HANE_FF_REQUIRED)                                                    \
	F(programme_id, HANE_FT_REF, NULL, "Program", "Programme", NULL,       \
	  HANE_FF_REQUIRED)

/* Gives staff member username programme_id (centres.admin); already
 * given is HANE_EEXIST, an unknown user HANE_ENOTFOUND. */
int hane_centre_staff_add(hane_db *db, const char *username,
			  int64_t programme_id) HANE_WARN_UNUSED;
/* Takes it back (centres.admin); HANE_ENOTFOUND when not given. */
int hane_centre_staff_remove(hane_db *db, const char *username,
			     int64_t programme_id) HANE_WARN_UNUSED;
/* Who works in which programme, by programme then username
 * (programme_id 0: all) (centres.read). */
int hane_centre_staff_each(hane_db *db, int64_t programme_id,
			   int (*fn)(const struct hane_centre_staff *s,
				     void *arg),
			   void *arg) HANE_WARN_UNUSED;

/* ---- Eligibility ----------------------------------------------------------- */

/* What the rules found about a person for a programme at a site on a
 * day. rule names the first rule that fails: "age", "disability",
 * "diagnosis", "residence" ("" when eligible); why is its sentence in the
 * current language, naming the programme's rule and the person's value
 * ("Asırlık Çınar Evleri 60 yaş ve üstü içindir; Ayşe Demir 57
 * yaşında", "Otizm Spor ve Yaşam Evi en az %40 engel oranı ister; Ali
 * Kaya için kayıtlı engel oranı yok"). */
struct hane_centre_elig {
	bool eligible;
	char rule[16];
	char why[HANE_CENTRE_TEXT];
	int age;	/* on the day; -1 birth date unknown */
	int disability; /* %; -1 unknown */
	char mahalle[96];
	bool outside; /* the mahalle is a Kocaeli district outside İzmit */
};

/* Fills e for person_id and site_id on date ("" today) with diagnosis the
 * note an application would carry (NULL or "": none) (centres.read).
 * Returns 0 whether or not the person is eligible (e->eligible says);
 * HANE_ENOTFOUND for an unknown person or site. The screen calls it
 * before it offers to save. */
int hane_centre_eligibility(hane_db *db, int64_t person_id, int64_t site_id,
			    const char *date, const char *diagnosis,
			    struct hane_centre_elig *e) HANE_WARN_UNUSED;

/* ---- Applications ------------------------------------------------------------ */

struct hane_centre_application {
	int64_t id;
	int64_t version;
	int64_t programme_id; /* the site's, set by apply */
	int64_t site_id;
	int64_t person_id;
	char date[HANE_DATE_LEN + 1]; /* applied on; "" today */
	char status[12];	      /* HANE_CENTRE_STATUSES code */
	char decided_on[HANE_DATE_LEN + 1];
	char decided_by[64];
	char reason[256]; /* why rejected, withdrawn or waiting */
	char diagnosis[HANE_CENTRE_TEXT];
	char notes[HANE_CENTRE_TEXT];
	/* Filled on read. */
	char person_name[2 * 96]; /* first and last */
	char tckn[12];		  /* as stored: show through the gate */
	char site_name[HANE_CENTRE_NAME];
	char programme_code[HANE_CENTRE_CODE];
	int position;	   /* on the waiting list (1…), 0 when not waiting */
	int64_t member_id; /* the membership it opened, or 0 */
};

/* Diagnosis and notes are personal (health) and masked. */
#define HANE_CENTRE_APPLICATION_FIELDS(F)                                      \
	F(programme_id, HANE_FT_REF, NULL, "Program", "Programme", NULL,       \
	  HANE_FF_REQUIRED)                                                    \
	F(site_id, HANE_FT_REF, NULL, "Yer", "Site", NULL, HANE_FF_REQUIRED)   \
	F(person_id, HANE_FT_REF, NULL, "Kişi", "Person", NULL,                \
	  HANE_FF_REQUIRED | HANE_FF_PERSON_REF)                               \
	F(date, HANE_FT_DATE, "date", "Başvuru tarihi", "Applied on", NULL,    \
	  HANE_FF_REQUIRED)                                                    \
	F(status, HANE_FT_TEXT, NULL, "Durum", "Status", NULL,                 \
	  HANE_FF_REQUIRED)                                                    \
	F(decided_on, HANE_FT_DATE, NULL, "Karar tarihi", "Decided on", NULL,  \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(decided_by, HANE_FT_TEXT, NULL, "Karar veren", "Decided by", NULL,   \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(reason, HANE_FT_TEXT, "reason", "Gerekçe", "Reason", NULL,           \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(diagnosis, HANE_FT_TEXT, "diagnosis", "Tanı notu", "Diagnosis note", \
	  NULL, HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)        \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)

/* Empty values: today, pending, ids 0. */
void hane_centre_application_init(struct hane_centre_application *a);

/* Records an application (centres.write, the site's programme allowed):
 * a->person_id, a->site_id, a->date ("" today; never in the future),
 * diagnosis and notes; a->programme_id is set from the site. Refused:
 * HANE_EPERM when not eligible on the date (the message is e->why);
 * HANE_EEXIST when the person has an open application or a running
 * membership of the programme (naming it); HANE_EINVAL for an inactive
 * site. a->id and a->status (pending) are set. */
int hane_centre_apply(hane_db *db,
		      struct hane_centre_application *a) HANE_WARN_UNUSED;

/* Decides application id (centres.write; version checked, 0: any) on
 * date ("" today; not before the application) with status:
 *  - "direct" or "assessed": admits, opening the membership from date
 *    (term for an enrolment, may be NULL) in the same transaction;
 *    HANE_EPERM when the site is at capacity ("Asırlık Çınar Serdar
 *    dolu: 150/150 üye; başvuru bekleme listesine alınabilir"), nothing
 *    written (a screen tells it apart by hane_centre_site_get: members
 *    >= capacity, and offers "waiting");
 *  - "waiting": onto the site's waiting list (reason may say why);
 *  - "rejected", "withdrawn": reason required.
 * Only a pending or waiting application is decided (a waiting one may be
 * admitted, rejected or withdrawn); HANE_EINVAL otherwise. *member_id
 * (may be NULL) gets the new membership's id, or 0. */
int hane_centre_decide(hane_db *db, int64_t id, int64_t version,
		       const char *status, const char *date, const char *reason,
		       const char *term, int64_t *member_id) HANE_WARN_UNUSED;

/* An application with its joined part and position (centres.read). */
int hane_centre_application_get(hane_db *db, int64_t id,
				struct hane_centre_application *out)
	HANE_WARN_UNUSED;

/* Which applications a walk gives: every field 0 or "" is no filter. */
struct hane_centre_app_filter {
	int64_t programme_id;
	int64_t site_id;
	int64_t person_id;
	const char *status; /* a code, or "open" for pending and waiting */
	int limit;	    /* at most; 0 all */
};

/* Applications matching f, the waiting ones of a site in list order,
 * the rest newest first (centres.read; only programmes the actor may
 * see). Logs the list (hane_gate_list "centres.applications"). */
int hane_centre_application_each(
	hane_db *db, const struct hane_centre_app_filter *f,
	int (*fn)(const struct hane_centre_application *a, void *arg),
	void *arg) HANE_WARN_UNUSED;

/* The site's waiting list in order, position filled (centres.read). */
int hane_centre_waiting_each(hane_db *db, int64_t site_id,
			     int (*fn)(const struct hane_centre_application *a,
				       void *arg),
			     void *arg) HANE_WARN_UNUSED;
/* Who is next when a place frees at site_id: the first of its waiting
 * list into out (centres.read). HANE_ENOTFOUND when the list is empty. */
int hane_centre_next_waiting(hane_db *db, int64_t site_id,
			     struct hane_centre_application *out)
	HANE_WARN_UNUSED;

/* ---- Members ---------------------------------------------------------------- */

struct hane_centre_member {
	int64_t id;
	int64_t version;
	int64_t programme_id;
	int64_t site_id;
	int64_t person_id;
	int64_t application_id; /* 0: none (imported) */
	char start[HANE_DATE_LEN + 1];
	char end_date[HANE_DATE_LEN + 1]; /* "" running */
	char end_reason[16];		  /* HANE_CENTRE_END_REASONS code */
	char term[16];			  /* enrolment: "2025-2026" */
	char notes[HANE_CENTRE_TEXT];
	/* Filled on read. */
	char person_name[2 * 96];
	char tckn[12]; /* as stored: show through the gate */
	char birth_date[HANE_DATE_LEN + 1];
	char site_name[HANE_CENTRE_NAME];
	char programme_code[HANE_CENTRE_CODE];
	char programme_kind[12];
	char in_since[HANE_CENTRE_TIME]; /* today's open check-in, or "" */
	int64_t visits;			 /* check-ins ever */
};

/* Notes are personal and masked. */
#define HANE_CENTRE_MEMBER_FIELDS(F)                                           \
	F(programme_id, HANE_FT_REF, NULL, "Program", "Programme", NULL,       \
	  HANE_FF_REQUIRED)                                                    \
	F(site_id, HANE_FT_REF, NULL, "Yer", "Site", NULL, HANE_FF_REQUIRED)   \
	F(person_id, HANE_FT_REF, NULL, "Kişi", "Person", NULL,                \
	  HANE_FF_REQUIRED | HANE_FF_PERSON_REF)                               \
	F(application_id, HANE_FT_REF, NULL, "Başvuru", "Application", NULL,   \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(start, HANE_FT_DATE, "start", "Başlangıç", "Start", "başlangıç",     \
	  HANE_FF_REQUIRED)                                                    \
	F(end_date, HANE_FT_DATE, "end", "Bitiş", "End", "bitiş",              \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(end_reason, HANE_FT_TEXT, "end-reason", "Bitiş nedeni",              \
	  "End reason", NULL, HANE_FF_EMPTY_NULL)                              \
	F(term, HANE_FT_TEXT, "term", "Dönem", "Term", "dönem",                \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", "not|açıklama",        \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)

/* A membership with its joined part (centres.read; programme allowed). */
int hane_centre_member_get(hane_db *db, int64_t id,
			   struct hane_centre_member *out) HANE_WARN_UNUSED;

/* Which memberships a walk gives: every field 0 or "" is no filter. */
struct hane_centre_member_filter {
	int64_t programme_id;
	int64_t site_id;
	int64_t person_id;
	int state;	   /* 0 running, 1 ended, 2 both */
	const char *query; /* every folded word in the name, or digits the
			      end of the TC Kimlik No */
	const char *date;  /* running on this day ("" today) */
	int limit;	   /* at most; 0 all */
};

/* Memberships matching f by name (centres.read; only programmes the
 * actor may see). Logs the list (hane_gate_list "centres.members"). */
int hane_centre_member_each(hane_db *db,
			    const struct hane_centre_member_filter *f,
			    int (*fn)(const struct hane_centre_member *m,
				      void *arg),
			    void *arg) HANE_WARN_UNUSED;

/* Check-in "in as few keys as possible": the running members of site_id
 * whose name has every folded word of query or whose TC Kimlik No ends
 * with its digits ("ayse dem", "4650"), by name, at most limit (0: 50);
 * in_since says who is in now (centres.read; logs a search with
 * hane_gate_search). The console shows these as the person types and
 * checks in the one under the cursor on Enter. */
int hane_centre_member_search(hane_db *db, int64_t site_id, const char *query,
			      int limit,
			      int (*fn)(const struct hane_centre_member *m,
					void *arg),
			      void *arg) HANE_WARN_UNUSED;

/* Why a check-in search at site_id found nobody running there (the
 * issue's "refused for an ended membership or another site, with the
 * reason"): the first ended membership of the site whose person matches
 * query as hane_centre_member_search matches ("Ömer Kaya: üyelik
 * 03.12.2026 tarihinde bitti: taşındı"), else a running membership of
 * the person at another site ("Ömer Kaya burada üye değil; üyesi olduğu
 * yer: Asırlık Çınar Serdar"): HANE_EPERM with that sentence in
 * hane_error_last (the read logged). HANE_ENOTFOUND when neither
 * (centres.read; only programmes the actor may see). */
int hane_centre_search_refusal(hane_db *db, int64_t site_id,
			       const char *query) HANE_WARN_UNUSED;

/* A person's memberships, running first, then by start, newest first
 * (centres.read; only the programmes the actor may see). The person page
 * and Hane 360 list these. */
int hane_centre_of_person(hane_db *db, int64_t person_id,
			  int (*fn)(const struct hane_centre_member *m,
				    void *arg),
			  void *arg) HANE_WARN_UNUSED;

/* Opens a membership without an application (centres.write): the import
 * of member lists and an administrator's correction. m->site_id,
 * person_id, start ("" today), term, notes; the programme from the site.
 * The same rules as an admission but eligibility (a member list is what
 * the centre already decided): one running membership per programme
 * (HANE_EEXIST), capacity (HANE_EPERM). m->id is set. */
int hane_centre_member_add(hane_db *db,
			   struct hane_centre_member *m) HANE_WARN_UNUSED;

/* Ends membership id (centres.write; version checked, 0: any) on date
 * ("" today; not before its start, not in the future) for reason (a
 * HANE_CENTRE_END_REASONS code or word), notes appended (may be NULL).
 * An open check-in that day is checked out. Ending an ended membership is
 * HANE_EINVAL naming its end. next (may be NULL) gets who is next on the
 * site's waiting list (next->id 0 when nobody waits). */
int hane_centre_member_end(
	hane_db *db, int64_t id, int64_t version, const char *date,
	const char *reason, const char *notes,
	struct hane_centre_application *next) HANE_WARN_UNUSED;

/* ---- Check-in and check-out ----------------------------------------------------- */

struct hane_centre_visit {
	int64_t id;
	int64_t version;
	int64_t member_id;
	int64_t person_id;
	int64_t site_id;
	char date[HANE_DATE_LEN + 1];
	char time_in[HANE_CENTRE_TIME];
	char time_out[HANE_CENTRE_TIME]; /* "" still in */
	/* Filled on read. */
	char person_name[2 * 96];
	char site_name[HANE_CENTRE_NAME];
	char programme_code[HANE_CENTRE_CODE];
};

#define HANE_CENTRE_VISIT_FIELDS(F)                                            \
	F(member_id, HANE_FT_REF, NULL, "Üyelik", "Membership", NULL,          \
	  HANE_FF_REQUIRED)                                                    \
	F(person_id, HANE_FT_REF, NULL, "Kişi", "Person", NULL,                \
	  HANE_FF_REQUIRED | HANE_FF_PERSON_REF)                               \
	F(site_id, HANE_FT_REF, NULL, "Yer", "Site", NULL, HANE_FF_REQUIRED)   \
	F(date, HANE_FT_DATE, "date", "Tarih", "Date", "tarih",                \
	  HANE_FF_REQUIRED)                                                    \
	F(time_in, HANE_FT_TEXT, "in", "Giriş", "In", "giriş|giriş saati",     \
	  HANE_FF_REQUIRED)                                                    \
	F(time_out, HANE_FT_TEXT, "out", "Çıkış", "Out", "çıkış|çıkış saati",  \
	  HANE_FF_EMPTY_NULL)

/* Checks member_id in at site_id (0: the member's site) on date ("":
 * today; never in the future) at time ("" now by hane_now) (centres.write;
 * programme allowed). Refused with the reason (HANE_EPERM):
 *  - an ended membership: "üyelik 12.03.2025 tarihinde bitti: taşındı"
 *    (or one that starts after date);
 *  - another site: "üyesi olduğu yer: Serdar";
 *  - a second check-in that day while still in: "Ayşe Demir 09:12'den
 *    beri içeride".
 * A membership of a session or placement programme is not checked in
 * (HANE_EINVAL: they book sessions, they work shifts). *visit_id (may be
 * NULL) gets the id. */
int hane_centre_checkin(hane_db *db, int64_t member_id, int64_t site_id,
			const char *date, const char *time,
			int64_t *visit_id) HANE_WARN_UNUSED;
/* Checks out member_id's open check-in of date ("" today) at time (""
 * now; not before time in) (centres.write). HANE_ENOTFOUND when not in. */
int hane_centre_checkout(hane_db *db, int64_t member_id, const char *date,
			 const char *time) HANE_WARN_UNUSED;

/* The check-ins of date ("" today) at site_id (0: every site the actor
 * may see), by site then time in (centres.read; logs the list
 * "centres.today"). */
int hane_centre_visit_each(hane_db *db, int64_t site_id, const char *date,
			   int (*fn)(const struct hane_centre_visit *v,
				     void *arg),
			   void *arg) HANE_WARN_UNUSED;

/* One site's day: check-ins and those still in (the console's "today per
 * site" panel). */
struct hane_centre_day {
	int64_t site_id;
	char site_name[HANE_CENTRE_NAME];
	char programme_code[HANE_CENTRE_CODE];
	int64_t checked_in; /* check-ins that day */
	int64_t still_in;   /* of those, no time out yet */
	int64_t members;    /* running members that day */
	int capacity;
};
/* Every active site of a checking-in programme (membership, enrolment)
 * the actor may see, with its counts on date ("" today), by programme
 * then name (centres.read; no persons shown, nothing logged). */
int hane_centre_day_each(hane_db *db, const char *date,
			 int (*fn)(const struct hane_centre_day *d, void *arg),
			 void *arg) HANE_WARN_UNUSED;

/* ---- Import (src/units/centres/import.c) -------------------------------------- */

struct hane_import_opts;   /* hane/households_csv.h */
struct hane_import_counts; /* hane/households_csv.h */

/* Imports a member list (what "members": TC Kimlik No, site, start, term,
 * notes) or an attendance sheet (what "attendance": TC Kimlik No, site,
 * date, time in, time out) from a CSV of Turkish Excel (encoding and
 * delimiter sniffed) as the household import does, with its options
 * (dry_run, rejects, csv; map and on_duplicate unused): every row through
 * the model's rules (a member list opens memberships as
 * hane_centre_member_add, an attendance row checks in and out as
 * hane_centre_checkin and hane_centre_checkout), a row refused naming its
 * file, line and field goes to the rejects file, the good rows go in
 * together or, on a database error, none does (centres.write).
 * counts->created counts memberships or check-ins written. */
int hane_centre_import(hane_db *db, const char *what, const char *path,
		       const struct hane_import_opts *opts,
		       struct hane_import_counts *counts) HANE_WARN_UNUSED;

/* The descriptors (hane/record.h), registered in src/units/records.def. */
extern const struct hane_rdef hane_centre_programme_rdef, hane_centre_site_rdef,
	hane_centre_staff_rdef, hane_centre_application_rdef,
	hane_centre_member_rdef, hane_centre_visit_rdef;

#endif
