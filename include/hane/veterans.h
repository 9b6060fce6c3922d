/* hane/veterans.h — Şehit Yakınları ve Gazi Birimi (martyrs' families and
 * veterans): the roster of households, planned visits, visit records with
 * gifts from a gift stock, and a household's history over the years.
 *
 * The rules live here so the console, the CLI and the demo year agree:
 *  - a roster row is a registry household (active) with a category
 *    (martyr's family, anti-terror veteran, Cyprus veteran, Korea
 *    veteran, other) and the name of the martyr or the veteran; its
 *    address is the household's, which the registry may record outside
 *    İzmit with its Kocaeli district in place of a mahalle;
 *  - a visit names who went, may say who was present, and gives gifts
 *    from the stock: a gift the stock does not hold is refused, naming
 *    the gift and its stock; a visit cannot be in the future;
 *  - a visit's follow-up opens a social-inspection request for the
 *    household through hane_inspection_request (so it needs
 *    inspection.write, as every request does), in the visit's
 *    transaction: a refused request records no visit;
 *  - a planned visit recorded done points at its visit.
 *
 * Structs hold fixed-size UTF-8 text, so they can be copied and kept
 * without a free. Every function checks its permission first
 * (veterans.read, veterans.write, veterans.admin). Errors: 0 or a
 * negative HANE_E… with hane_error_last() saying what was wrong in the
 * current language.
 */
#ifndef HANE_VETERANS_H
#define HANE_VETERANS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/core.h"
#include "hane/record.h"
#include "hane/store.h"

#define HANE_VET_NAME 192
#define HANE_VET_TEXT 512

/* ---- Codes ---------------------------------------------------------------- */

/* X(NAME, "code"): a roster row's category and a plan's occasion. */
#define HANE_VET_CATEGORIES(X)                                                 \
	X(MARTYR, "martyr")                                                    \
	X(ANTI_TERROR, "anti_terror")                                          \
	X(CYPRUS, "cyprus")                                                    \
	X(KOREA, "korea")                                                      \
	X(OTHER, "other")
#define HANE_VET_OCCASIONS(X)                                                  \
	X(ANNIVERSARY, "anniversary")                                          \
	X(BAYRAM, "bayram")                                                    \
	X(OTHER, "other")

enum hane_vet_list { HANE_VET_CATEGORY, HANE_VET_OCCASION, HANE_VET__LISTS };

/* The codes of a list in order (static, NULL-terminated); *n (may be
 * NULL) gets the count. */
const char *const *hane_veterans_codes(enum hane_vet_list l, int *n);
/* The word on screen for code (the code itself when unknown). */
const char *hane_veterans_label(enum hane_vet_list l, const char *code);
/* A code, or its Turkish or English word typed any way ("kibris",
 * "Kıbrıs gazisi", "cyprus") → the code (static); NULL if none. */
const char *hane_veterans_parse(enum hane_vet_list l, const char *word);

/* ---- The roster ------------------------------------------------------------ */

struct hane_veteran {
	int64_t id;
	int64_t version;
	int64_t household_id;
	char category[16];		  /* HANE_VET_CATEGORIES code */
	char subject_name[HANE_VET_NAME]; /* the martyr or the veteran */
	char since[HANE_DATE_LEN + 1];	  /* on the roster since; "" today */
	char remembered_on[HANE_DATE_LEN + 1]; /* martyrdom day, or "" */
	bool active;
	char notes[HANE_VET_TEXT];
	/* From the registry and the visits, filled on read. */
	char head_name[HANE_VET_NAME];
	char mahalle[96]; /* an İzmit mahalle or a Kocaeli district */
	bool outside;	  /* mahalle is a district outside İzmit */
	char street[HANE_VET_TEXT];
	char phone[HANE_PHONE_LEN + 1];
	int64_t visits;
	char last_visit[HANE_DATE_LEN + 1];
};

/* The stored fields (hane/record.h; model: hane_veteran_rdef). The name
 * of the martyr or veteran is personal (erased by retention; a name stays
 * visible to every reader, as names do); the notes are personal and
 * masked for those who do not serve the household (hane_gate_field). */
#define HANE_VETERAN_FIELDS(F)                                                 \
	F(household_id, HANE_FT_REF, "household", "Hane No", "Household",      \
	  "Hane|Household", HANE_FF_REQUIRED)                                  \
	F(category, HANE_FT_TEXT, "category", "Kategori", "Category", NULL,    \
	  HANE_FF_REQUIRED)                                                    \
	F(subject_name, HANE_FT_TEXT, "name", "Şehit / gazi adı",              \
	  "Martyr / veteran", NULL, HANE_FF_REQUIRED | HANE_FF_PERSONAL)       \
	F(since, HANE_FT_DATE, "since", "Kayıt tarihi", "On the roster since", \
	  NULL, 0)                                                             \
	F(remembered_on, HANE_FT_DATE, "remembered", "Anma günü",              \
	  "Day remembered", NULL, HANE_FF_EMPTY_NULL)                          \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)          \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)

/* Empty values: category martyr, active, ids 0. */
void hane_veteran_init(struct hane_veteran *v);

/* Adds (id 0) or saves (version checked) a roster row (veterans.write).
 * The household must exist and be active; the category is one of the
 * list; the name is required; since may not be in the future ("" is
 * today). A row with visits keeps its household and category (its
 * years' figures count by them). *id (may be NULL) gets the id. */
int hane_veteran_save(hane_db *db, struct hane_veteran *v,
		      int64_t *id) HANE_WARN_UNUSED;
/* The roster row with its registry part (veterans.read). */
int hane_veteran_get(hane_db *db, int64_t id,
		     struct hane_veteran *out) HANE_WARN_UNUSED;
/* The roster (veterans.read): rows whose name, household head or mahalle
 * has every folded word of query ("" or NULL: all), category "" or a
 * code, the active ones first by name; at most limit (0: all). An
 * output that shows it logs it (hane_gate_list). */
int hane_veteran_each(hane_db *db, const char *query, const char *category,
		      int limit,
		      int (*fn)(const struct hane_veteran *v, void *arg),
		      void *arg) HANE_WARN_UNUSED;
/* The roster rows of a household (veterans.read). */
int hane_veteran_of_household(hane_db *db, int64_t household_id,
			      int (*fn)(const struct hane_veteran *v,
					void *arg),
			      void *arg) HANE_WARN_UNUSED;

/* ---- Gifts ------------------------------------------------------------------ */

struct hane_veteran_gift {
	int64_t id;
	int64_t version;
	char name[96];
	bool active;
	int64_t stock; /* filled on read: the sum of its moves */
};

#define HANE_VETERAN_GIFT_FIELDS(F)                                            \
	F(name, HANE_FT_TEXT, "name", "Hediye", "Gift", NULL,                  \
	  HANE_FF_REQUIRED)                                                    \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)

/* Adds (id 0) or saves a gift kind (veterans.admin); a name already used
 * is HANE_EEXIST. */
int hane_veteran_gift_save(hane_db *db, struct hane_veteran_gift *g,
			   int64_t *id) HANE_WARN_UNUSED;
/* By id ("1") or name matched Turkish-folded (veterans.read). */
int hane_veteran_gift_find(hane_db *db, const char *key,
			   struct hane_veteran_gift *out) HANE_WARN_UNUSED;
/* Every gift kind by name with its stock (veterans.read). */
int hane_veteran_gift_each(hane_db *db,
			   int (*fn)(const struct hane_veteran_gift *g,
				     void *arg),
			   void *arg) HANE_WARN_UNUSED;
/* Stock in (veterans.write): quantity 1..100000 of gift on day ("":
 * today, never in the future), audited. */
int hane_veteran_gift_in(hane_db *db, int64_t gift_id, int quantity,
			 const char *day, const char *notes) HANE_WARN_UNUSED;

/* ---- Visits ------------------------------------------------------------------ */

struct hane_veteran_visit {
	int64_t id;
	int64_t version;
	int64_t veteran_id;
	char date[HANE_DATE_LEN + 1]; /* "" today; never in the future */
	char staff[HANE_VET_NAME];    /* who went */
	char present[HANE_VET_NAME];  /* who was present */
	int64_t gift_id;	      /* 0: the first active gift kind */
	int gifts;		      /* gift sets given, 0..20 */
	char notes[HANE_VET_TEXT];
	int64_t request_id; /* the follow-up's inspection request, or 0 */
	int64_t plan_id;    /* the planned visit it was, or 0 */
	/* Filled on read. */
	char gift_name[96];
	char subject_name[HANE_VET_NAME];
	char category[16];
	int64_t household_id;
};

/* The stored fields (model: hane_veteran_visit_rdef). Who was present
 * (names) and the notes are personal; the notes are masked as well. */
#define HANE_VETERAN_VISIT_FIELDS(F)                                           \
	F(veteran_id, HANE_FT_REF, NULL, "Kayıt", "Roster row", NULL,          \
	  HANE_FF_REQUIRED)                                                    \
	F(date, HANE_FT_DATE, "date", "Ziyaret tarihi", "Visit date", NULL,    \
	  HANE_FF_REQUIRED)                                                    \
	F(staff, HANE_FT_TEXT, "staff", "Ziyaret eden", "Visited by", NULL,    \
	  HANE_FF_REQUIRED)                                                    \
	F(present, HANE_FT_TEXT, "present", "Evde bulunan", "Present", NULL,   \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)                               \
	F(gift_id, HANE_FT_REF, NULL, "Hediye", "Gift", NULL,                  \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(gifts, HANE_FT_INT, "gifts", "Hediye seti", "Gift sets", NULL, 0)    \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)              \
	F(request_id, HANE_FT_REF, NULL, "İnceleme başvurusu",                 \
	  "Inspection request", NULL, HANE_FF_EMPTY_NULL | HANE_FF_READONLY)   \
	F(plan_id, HANE_FT_REF, NULL, "Plan", "Plan", NULL, HANE_FF_EMPTY_NULL)

/* Empty values: today, ids 0, no gifts. */
void hane_veteran_visit_init(struct hane_veteran_visit *v);

/* Records a visit (veterans.write) as the unit's rules say (above).
 * gifts > 0 takes that many of gift_id (0: the first active kind) from
 * the stock; a stock too small is HANE_EINVAL naming the gift and its
 * stock. followup (NULL or "": none) opens a social-inspection request
 * for the household with followup as its text, referred by the unit; its
 * number is kept on the visit. plan_id (0: none) must be a planned visit
 * of the same roster row, which is marked done. *id (may be NULL) gets
 * the visit's id. */
int hane_veteran_visit_add(hane_db *db, struct hane_veteran_visit *v,
			   const char *followup, int64_t *id) HANE_WARN_UNUSED;
/* A visit with its joined part (veterans.read). */
int hane_veteran_visit_get(hane_db *db, int64_t id,
			   struct hane_veteran_visit *out) HANE_WARN_UNUSED;
/* A household's history: the visits to its roster rows, newest first
 * (veterans.read), over every year. */
int hane_veteran_history(hane_db *db, int64_t household_id,
			 int (*fn)(const struct hane_veteran_visit *v,
				   void *arg),
			 void *arg) HANE_WARN_UNUSED;

/* ---- Planned visits ----------------------------------------------------------- */

struct hane_veteran_plan {
	int64_t id;
	int64_t version;
	int64_t veteran_id;
	char date[HANE_DATE_LEN + 1];
	char occasion[16]; /* HANE_VET_OCCASIONS code */
	char assigned[HANE_VET_NAME];
	char status[12]; /* planned, done, cancelled */
	int64_t visit_id;
	/* Filled on read. */
	char subject_name[HANE_VET_NAME];
	char category[16];
	int64_t household_id;
	char mahalle[96];
};

#define HANE_VETERAN_PLAN_FIELDS(F)                                            \
	F(veteran_id, HANE_FT_REF, NULL, "Kayıt", "Roster row", NULL,          \
	  HANE_FF_REQUIRED)                                                    \
	F(date, HANE_FT_DATE, "date", "Tarih", "Date", NULL, HANE_FF_REQUIRED) \
	F(occasion, HANE_FT_TEXT, "occasion", "Vesile", "Occasion", NULL, 0)   \
	F(assigned, HANE_FT_TEXT, "assigned", "Gidecek", "To go", NULL,        \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(status, HANE_FT_TEXT, NULL, "Durum", "Status", NULL,                 \
	  HANE_FF_READONLY)                                                    \
	F(visit_id, HANE_FT_REF, NULL, "Ziyaret", "Visit", NULL,               \
	  HANE_FF_EMPTY_NULL | HANE_FF_READONLY)

/* Plans a visit (veterans.write) to an active roster row on a date not in
 * the past, for an occasion of the list ("" other). *id may be NULL. */
int hane_veteran_plan_add(hane_db *db, struct hane_veteran_plan *p,
			  int64_t *id) HANE_WARN_UNUSED;
/* Cancels a planned visit (veterans.write). */
int hane_veteran_plan_cancel(hane_db *db, int64_t id) HANE_WARN_UNUSED;
/* The planned visits from day (inclusive; "" today) to until ("" : any),
 * by date (veterans.read). */
int hane_veteran_plan_each(hane_db *db, const char *day, const char *until,
			   int (*fn)(const struct hane_veteran_plan *p,
				     void *arg),
			   void *arg) HANE_WARN_UNUSED;

/* The descriptors (hane/record.h), registered in src/units/records.def. */
extern const struct hane_rdef hane_veteran_rdef, hane_veteran_visit_rdef,
	hane_veteran_plan_rdef, hane_veteran_gift_rdef;

/* ---- The year ------------------------------------------------------------------ */

/* The year's figures as the unit counts them from its rows
 * (veterans.read): households visited per category (index by the order
 * of HANE_VET_CATEGORIES), all households visited, visits, gift sets,
 * and visits from 2022 through the year. */
struct hane_veterans_year {
	int64_t households[5];
	int64_t households_all, visits, gifts, visits_since_2022;
};
int hane_veterans_year(hane_db *db, int year,
		       struct hane_veterans_year *out) HANE_WARN_UNUSED;

#endif
