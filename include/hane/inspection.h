/* hane/inspection.h — the social inspection unit (sosyal inceleme):
 * requests, assignment to inspectors, household visits, aid decisions.
 *
 * A request (başvuru) moves requested → assigned → visited → decided →
 * closed, and may be cancelled with a reason before it is decided. Every
 * function checks permissions with hane_can() (inspection.read, .write,
 * .decide), validates, and writes through the store's audited writes in
 * one transaction, so the console, the CLI and the importer obey the same
 * rules. Coded values (channel, reason, status…) are stored as English
 * codes; hane_inspection_label() gives the words on screen and
 * hane_inspection_parse() reads a code or a Turkish/English word back.
 *
 * Structs hold fixed-size UTF-8 text, so they can be copied and kept
 * without a free. Empty text means "not known"; -1 means an unknown number.
 */
#ifndef HANE_INSPECTION_H
#define HANE_INSPECTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/store.h"

#define HANE_INSP_TEXT_MAX 512
/* Findings and the case note: at most HANE_INSP_NOTE_CHARS characters
 * (the text areas show the count against it); the buffers hold that many
 * four-byte characters. */
#define HANE_INSP_NOTE_CHARS 8000
#define HANE_INSP_NOTE_MAX (HANE_INSP_NOTE_CHARS * 4 + 1)

/* ---- Coded values ------------------------------------------------------- */

/* The lists of codes. Each is X(NAME, "code") in the macros below; the
 * words on screen are messages HANE_M_INSP_<LIST>_<NAME>. */
enum hane_inspection_list {
	HANE_INSP_CHANNEL, /* how the request came */
	HANE_INSP_REASON,  /* what is asked for (the duplicate key) */
	HANE_INSP_URGENCY,
	HANE_INSP_STATUS,
	HANE_INSP_TENURE, /* owner / tenant … */
	HANE_INSP_HEATING,
	HANE_INSP_RECOMMEND, /* the inspector's recommendation */
	HANE_INSP_OUTCOME,   /* aid / rejected */
	HANE_INSP_AID_TYPE,  /* one-time / regular */
	HANE_INSP_KIND,	     /* cash, food, clothing, fuel, education, other */
	HANE_INSP_FREQUENCY, /* of regular aid */
	HANE_INSP__LISTS
};

#define HANE_INSP_CHANNELS(X)                                                  \
	X(WALK_IN, "walk_in")                                                  \
	X(PHONE, "phone")                                                      \
	X(REFERRAL, "referral")                                                \
	X(CINAR, "cinar")                                                      \
	X(RENEWAL, "renewal")
#define HANE_INSP_REASONS(X)                                                   \
	X(GENERAL, "general")                                                  \
	X(FOOD, "food")                                                        \
	X(FUEL, "fuel")                                                        \
	X(RENT, "rent")                                                        \
	X(EDUCATION, "education")                                              \
	X(HEALTH, "health")                                                    \
	X(CHILD_HOME, "child_home")                                            \
	X(OTHER, "other")
#define HANE_INSP_URGENCIES(X)                                                 \
	X(NORMAL, "normal")                                                    \
	X(URGENT, "urgent")
#define HANE_INSP_STATUSES(X)                                                  \
	X(REQUESTED, "requested")                                              \
	X(ASSIGNED, "assigned")                                                \
	X(VISITED, "visited")                                                  \
	X(DECIDED, "decided")                                                  \
	X(CLOSED, "closed")                                                    \
	X(CANCELLED, "cancelled")
#define HANE_INSP_TENURES(X)                                                   \
	X(OWNER, "owner")                                                      \
	X(TENANT, "tenant")                                                    \
	X(RENT_FREE, "rent_free")                                              \
	X(OTHER, "other")
#define HANE_INSP_HEATINGS(X)                                                  \
	X(STOVE, "stove")                                                      \
	X(GAS, "gas")                                                          \
	X(CENTRAL, "central")                                                  \
	X(ELECTRIC, "electric")                                                \
	X(NONE, "none")                                                        \
	X(OTHER, "other")
#define HANE_INSP_RECOMMENDS(X)                                                \
	X(ONE_TIME, "one_time")                                                \
	X(REGULAR, "regular")                                                  \
	X(IN_KIND, "in_kind")                                                  \
	X(REJECT, "reject")
#define HANE_INSP_OUTCOMES(X)                                                  \
	X(AID, "aid")                                                          \
	X(REJECTED, "rejected")
#define HANE_INSP_AID_TYPES(X)                                                 \
	X(ONE_TIME, "one_time")                                                \
	X(REGULAR, "regular")
#define HANE_INSP_KINDS(X)                                                     \
	X(CASH, "cash")                                                        \
	X(FOOD, "food")                                                        \
	X(CLOTHING, "clothing")                                                \
	X(FUEL, "fuel")                                                        \
	X(EDUCATION, "education")                                              \
	X(OTHER, "other")
#define HANE_INSP_FREQUENCIES(X)                                               \
	X(MONTHLY, "monthly")                                                  \
	X(QUARTERLY, "quarterly")                                              \
	X(YEARLY, "yearly")

/* The codes of a list in order (static, NULL-terminated); *n (may be
 * NULL) gets the count. For choices on screen and in --help. */
const char *const *hane_inspection_codes(enum hane_inspection_list l, int *n);
/* True if code belongs to the list. */
bool hane_inspection_valid(enum hane_inspection_list l, const char *code);
/* The word for code in the current language (static); the code itself
 * when unknown. */
const char *hane_inspection_label(enum hane_inspection_list l,
				  const char *code);
/* Reads a code, or a Turkish or English word compared Turkish-folded
 * ("Kiracı", "kiraci", "tenant"), back to the code (static); NULL when
 * nothing matches. */
const char *hane_inspection_parse(enum hane_inspection_list l,
				  const char *word);

/* Says "<field> must be one of: a, b, c" (hane_error_last(), the labels
 * of list l in the current language) for a value not in the list;
 * returns HANE_EINVAL. */
int hane_inspection_not_one_of(enum hane_inspection_list l, const char *field);

/* ---- Settings ------------------------------------------------------------ */

/* Kept in the table inspection_setting (seeded by the migration, changed
 * with hane_inspection_settings_set, audited). */
struct hane_inspection_settings {
	int due_days_urgent; /* days from the request to the visit: 1 */
	int due_days_normal; /* 15 */
	int renewal_days;    /* regular aid ending within this many days is
				flagged for re-inspection: 30 */
};

/* Reads the settings (inspection.read). */
int hane_inspection_settings_get(
	hane_db *db, struct hane_inspection_settings *out) HANE_WARN_UNUSED;
/* Saves the settings (inspection.decide); each value 0..365. Due dates
 * already given are kept; new requests use the new values. */
int hane_inspection_settings_set(
	hane_db *db, const struct hane_inspection_settings *s) HANE_WARN_UNUSED;

/* ---- Requests ------------------------------------------------------------ */

struct hane_inspection {
	int64_t id;
	int64_t version;
	int64_t household_id;
	char requested_on[HANE_DATE_LEN + 1]; /* ISO; "" on create = today */
	char channel[16];		      /* HANE_INSP_CHANNELS code */
	char referrer[256]; /* institution or unit; required for referral */
	char reason[16];    /* HANE_INSP_REASONS code */
	char reason_text[HANE_INSP_TEXT_MAX];
	char urgency[8];      /* "normal" or "urgent" */
	char status[12];      /* HANE_INSP_STATUSES code */
	int64_t inspector_id; /* staff.id, 0 when unassigned */
	char assigned_on[HANE_DATE_LEN + 1];
	char due_on[HANE_DATE_LEN + 1];	  /* set on create from urgency */
	char ended_on[HANE_DATE_LEN + 1]; /* closed or cancelled on */
	char cancel_reason[HANE_INSP_TEXT_MAX];
	int64_t renewal_of; /* request whose regular aid this renews */
	char updated_at[20];
	char updated_by[64];
	/* Derived when read: */
	bool overdue;	     /* open, not visited, due date passed */
	char inspector[128]; /* the inspector's full name */
	char inspector_user[64];
	char mahalle[96];
	char head_name[192];
	char visited_on[HANE_DATE_LEN + 1];
};

/* The stored fields of a request (hane/record.h; model:
 * hane_inspection_rdef): F(member = column, type, option, label tr = the
 * CSV title an import names, label en, more CSV titles, flags). Its
 * derived part is read with them, never written. */
#define HANE_INSPECTION_FIELDS(F)                                              \
	F(household_id, HANE_FT_REF, "household", "Hane No", "Household",      \
	  "Hane|Household|Household No", HANE_FF_REQUIRED)                     \
	F(requested_on, HANE_FT_DATE, "date", "Başvuru Tarihi",                \
	  "Request date", "Tarih|Request Date|Date", 0)                        \
	F(channel, HANE_FT_TEXT, "channel", "Kanal", "Channel",                \
	  "Başvuru Kanalı|Channel", 0)                                         \
	F(referrer, HANE_FT_TEXT, "referrer", "Yönlendiren", "Referred by",    \
	  "Yönlendiren Kurum|Kurum|Referred By|Referrer|Institution",          \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)                               \
	F(reason, HANE_FT_TEXT, "reason", "Başvuru Nedeni", "Reason",          \
	  "Neden|Talep|Reason", HANE_FF_REQUIRED)                              \
	F(reason_text, HANE_FT_TEXT, "text", "Açıklama", "Details",            \
	  "Not|Notlar|Details|Notes", HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)   \
	F(urgency, HANE_FT_TEXT, "urgency", "Aciliyet", "Urgency",             \
	  "Öncelik|Urgency|Priority", 0)                                       \
	F(status, HANE_FT_TEXT, "status", "Durum", "Status", NULL,             \
	  HANE_FF_NOCSV)                                                       \
	F(inspector_id, HANE_FT_REF, NULL, "İnceleme personeli", "Inspector",  \
	  NULL, HANE_FF_NOCSV)                                                 \
	F(assigned_on, HANE_FT_DATE, NULL, "Atama tarihi", "Assigned on",      \
	  NULL, HANE_FF_EMPTY_NULL | HANE_FF_NOCSV)                            \
	F(due_on, HANE_FT_DATE, "due", "Son tarih", "Due date", NULL,          \
	  HANE_FF_NOCSV)                                                       \
	F(ended_on, HANE_FT_DATE, NULL, "Bitiş", "Ended on", NULL,             \
	  HANE_FF_EMPTY_NULL | HANE_FF_NOCSV)                                  \
	F(cancel_reason, HANE_FT_TEXT, NULL, "İptal nedeni",                   \
	  "Cancellation reason", NULL,                                         \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_NOCSV)               \
	F(renewal_of, HANE_FT_REF, NULL, "Yenilenen başvuru", "Renewal of",    \
	  NULL, HANE_FF_NOCSV)

/* The records' descriptors (hane/record.h): a request, a visit, a
 * decision, for the unit's importer and forms. */
extern const struct hane_rdef hane_inspection_rdef, hane_inspection_visit_rdef,
	hane_inspection_decision_rdef;

/* Empty values: channel walk_in, reason general, urgency normal, status
 * requested, ids 0. Always start from these. */
void hane_inspection_init(struct hane_inspection *r);

/* Registers a request (inspection.write). The household must exist and be
 * active; requested_on may not be in the future ("" is today); a referral
 * names its referrer. The due date is requested_on plus the urgent or
 * normal days of the settings. A household that already has an open
 * request (requested, assigned or visited) for the same reason is
 * HANE_EEXIST naming that request. *id (may be NULL) gets the new id. */
int hane_inspection_request(hane_db *db, const struct hane_inspection *r,
			    int64_t *id) HANE_WARN_UNUSED;

/* The request with its derived fields (inspection.read). */
int hane_inspection_get(hane_db *db, int64_t id,
			struct hane_inspection *out) HANE_WARN_UNUSED;

/* Assigns (or re-assigns) a requested or assigned request to an active
 * staff member of the inspection unit (staff.unit = 'inspection'),
 * inspection.write. due (may be NULL or "") overrides the due date; it may
 * not be before the request date. version is the request's version as
 * read (HANE_ECONFLICT when stale). */
int hane_inspection_assign(hane_db *db, int64_t id, int64_t version,
			   int64_t inspector_id,
			   const char *due) HANE_WARN_UNUSED;

/* The active staff member of the inspection unit with this username
 * (HANE_ENOTFOUND / HANE_EINVAL with a message otherwise). */
int hane_inspection_inspector_find(hane_db *db, const char *username,
				   int64_t *staff_id) HANE_WARN_UNUSED;

/* Calls fn for every active inspector (staff.unit = 'inspection'),
 * ordered by full name; fn returning non-zero stops. */
int hane_inspection_inspectors_each(hane_db *db,
				    int (*fn)(int64_t id, const char *username,
					      const char *full_name, void *arg),
				    void *arg) HANE_WARN_UNUSED;

/* Cancels an open request (requested, assigned or visited) with a reason
 * (required), inspection.write. */
int hane_inspection_cancel(hane_db *db, int64_t id, int64_t version,
			   const char *reason) HANE_WARN_UNUSED;

/* Closes a decided request (inspection.write): the aid was delivered or
 * the household informed. */
int hane_inspection_close(hane_db *db, int64_t id,
			  int64_t version) HANE_WARN_UNUSED;

/* ---- Visits -------------------------------------------------------------- */

struct hane_inspection_visit {
	int64_t id;
	int64_t version;
	int64_t request_id;
	char visited_on[HANE_DATE_LEN + 1]; /* "" on save = today */
	int64_t inspector_id;	/* 0 on save: the request's inspector */
	char present[256];	/* who was present */
	char tenure[16];	/* HANE_INSP_TENURES code, "" unknown */
	int64_t rent_kurus;	/* monthly, -1 unknown */
	int rooms;		/* -1 unknown */
	char heating[16];	/* HANE_INSP_HEATINGS code, "" unknown */
	int64_t income_kurus;	/* observed monthly income, -1 unknown */
	int64_t expenses_kurus; /* observed monthly expenses, -1 unknown */
	char health[HANE_INSP_TEXT_MAX];
	char disability[HANE_INSP_TEXT_MAX];
	char findings[HANE_INSP_NOTE_MAX];
	char recommendation[16]; /* HANE_INSP_RECOMMENDS code (required) */
	char note[HANE_INSP_NOTE_MAX]; /* the case note (narrative) */
	char inspector[128];	       /* derived: full name */
};

/* The stored fields of a visit (model: hane_inspection_visit_rdef). */
#define HANE_INSPECTION_VISIT_FIELDS(F)                                        \
	F(request_id, HANE_FT_REF, NULL, "Başvuru", "Request", NULL,           \
	  HANE_FF_REQUIRED)                                                    \
	F(visited_on, HANE_FT_DATE, "date", "Ziyaret tarihi", "Visit date",    \
	  NULL, 0)                                                             \
	F(inspector_id, HANE_FT_REF, NULL, "İnceleme personeli", "Inspector",  \
	  NULL, 0)                                                             \
	F(present, HANE_FT_TEXT, "present", "Ziyarette bulunanlar",            \
	  "Present at the visit", NULL, HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL) \
	F(tenure, HANE_FT_TEXT, "tenure", "Oturma durumu", "Tenure", NULL,     \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(rent_kurus, HANE_FT_MONEY, "rent", "Aylık kira", "Monthly rent",     \
	  NULL, 0)                                                             \
	F(rooms, HANE_FT_INT, "rooms", "Oda sayısı", "Rooms", NULL,            \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(heating, HANE_FT_TEXT, "heating", "Isınma", "Heating", NULL,         \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(income_kurus, HANE_FT_MONEY, "income", "Gözlenen aylık gelir",       \
	  "Observed monthly income", NULL, 0)                                  \
	F(expenses_kurus, HANE_FT_MONEY, "expenses", "Gözlenen aylık gider",   \
	  "Observed monthly expenses", NULL, 0)                                \
	F(health, HANE_FT_TEXT, "health", "Sağlık durumu", "Health", NULL,     \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)                               \
	F(disability, HANE_FT_TEXT, "disability", "Engellilik durumu",         \
	  "Disability", NULL, HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)           \
	F(findings, HANE_FT_TEXT, "findings", "Tespitler", "Findings", NULL,   \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)                               \
	F(recommendation, HANE_FT_TEXT, "recommend", "Öneri",                  \
	  "Recommendation", NULL, HANE_FF_REQUIRED)                            \
	F(note, HANE_FT_TEXT, "note", "Sosyal inceleme notu", "Case note",     \
	  NULL, HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)

void hane_inspection_visit_init(struct hane_inspection_visit *v);

/* Records the visit of an assigned request and marks it visited
 * (inspection.write). The date lies between the request date and today;
 * the inspector is an active inspector; a tenant's rent, the rooms, income
 * and expenses are not negative; the recommendation is required. An empty
 * note is filled from the template (hane_inspection_note_fill). version is
 * the request's. *id (may be NULL) gets the visit's id. */
int hane_inspection_visit(hane_db *db, int64_t request_id, int64_t version,
			  const struct hane_inspection_visit *v,
			  int64_t *id) HANE_WARN_UNUSED;

/* The visit of a request (HANE_ENOTFOUND when not visited). */
int hane_inspection_visit_get(hane_db *db, int64_t request_id,
			      struct hane_inspection_visit *out)
	HANE_WARN_UNUSED;

/* The case-note template: writes a Turkish narrative built from v's
 * structured fields and the household of v->request_id (address, head,
 * members) into out, which the inspector then edits. Always Turkish: case
 * notes are official records. Needs inspection.read and household.read.
 * Truncates (never mid-character) to outsz. */
int hane_inspection_note_fill(hane_db *db,
			      const struct hane_inspection_visit *v, char *out,
			      size_t outsz) HANE_WARN_UNUSED;

/* ---- Decisions ------------------------------------------------------------ */

struct hane_inspection_decision {
	int64_t id;
	int64_t version;
	int64_t request_id;
	char decided_on[HANE_DATE_LEN + 1]; /* "" on save = today */
	int64_t decided_by;   /* staff.id; set from the actor on save */
	char outcome[12];     /* "aid" or "rejected" */
	char aid_type[12];    /* aid: "one_time" or "regular" */
	char kind[12];	      /* aid: HANE_INSP_KINDS code */
	int64_t amount_kurus; /* aid: > 0 for cash, >= 0 in kind; -1 none */
	char start_on[HANE_DATE_LEN + 1]; /* regular aid: period */
	char end_on[HANE_DATE_LEN + 1];
	char frequency[12]; /* regular aid: HANE_INSP_FREQUENCIES code */
	char reason[HANE_INSP_TEXT_MAX]; /* required */
	char decided_by_name[128];	 /* derived */
	int64_t renewed_by; /* derived: the open or later renewal request */
};

/* The stored fields of a decision (model: hane_inspection_decision_rdef). */
#define HANE_INSPECTION_DECISION_FIELDS(F)                                     \
	F(request_id, HANE_FT_REF, NULL, "Başvuru", "Request", NULL,           \
	  HANE_FF_REQUIRED)                                                    \
	F(decided_on, HANE_FT_DATE, "date", "Karar tarihi", "Decision date",   \
	  NULL, 0)                                                             \
	F(decided_by, HANE_FT_REF, NULL, "Karar veren", "Decided by", NULL, 0) \
	F(outcome, HANE_FT_TEXT, "outcome", "Karar", "Outcome", NULL,          \
	  HANE_FF_REQUIRED)                                                    \
	F(aid_type, HANE_FT_TEXT, "type", "Yardım türü", "Aid type", NULL,     \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(kind, HANE_FT_TEXT, "kind", "Yardım cinsi", "Kind", NULL,            \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(amount_kurus, HANE_FT_MONEY, "amount", "Tutar", "Amount", NULL, 0)   \
	F(start_on, HANE_FT_DATE, "start", "Başlangıç", "Start", NULL,         \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(end_on, HANE_FT_DATE, "end", "Bitiş", "End", NULL,                   \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(frequency, HANE_FT_TEXT, "frequency", "Sıklık", "Frequency", NULL,   \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(reason, HANE_FT_TEXT, "reason", "Gerekçe", "Reason", NULL,           \
	  HANE_FF_REQUIRED | HANE_FF_PERSONAL)

void hane_inspection_decision_init(struct hane_inspection_decision *d);

/* Decides a visited request (inspection.decide) and marks it decided.
 * Aid needs a type and a kind; cash needs an amount above zero; regular
 * aid needs start, end (not before start) and frequency, one-time aid has
 * none of them; a rejection has no type, kind, amount or period. The
 * reason text is required. version is the request's. Food aid also
 * refers the household to the food bank (hane_foodbank_refer, source
 * "inspection", this decision's id) in the same transaction: for the
 * period of regular aid, for 30 days from the decision for one-time aid. */
int hane_inspection_decide(hane_db *db, int64_t request_id, int64_t version,
			   const struct hane_inspection_decision *d,
			   int64_t *id) HANE_WARN_UNUSED;

/* The decision of a request (HANE_ENOTFOUND when not decided). */
int hane_inspection_decision_get(hane_db *db, int64_t request_id,
				 struct hane_inspection_decision *out)
	HANE_WARN_UNUSED;

/* Starts the re-inspection of a regular aid decision: a new request of the
 * same household and reason, channel "renewal", urgency normal, linked by
 * renewal_of, due no later than the aid's end date (and not before
 * today). Refused (HANE_EINVAL) for a request without a regular aid
 * decision, HANE_EEXIST when a renewal that is not cancelled exists or
 * another request for that reason is open. *id gets the new request. */
int hane_inspection_renew(hane_db *db, int64_t request_id,
			  int64_t *id) HANE_WARN_UNUSED;

/* ---- Lists ----------------------------------------------------------------- */

enum hane_inspection_sort {
	HANE_INSP_SORT_DUE = 0, /* due date, then id */
	HANE_INSP_SORT_MAHALLE, /* mahalle (folded), then due date */
	HANE_INSP_SORT_NEWEST,	/* request date, newest first */
};

struct hane_inspection_filter {
	int64_t household_id; /* 0: any */
	int64_t inspector_id; /* 0: any */
	bool unassigned;      /* only requests without an inspector */
	bool overdue;	      /* only overdue ones */
	bool all;	      /* also decided, closed and cancelled */
	const char *status;   /* one status code; NULL any (overrides all) */
	const char *mahalle;  /* NULL any */
	enum hane_inspection_sort sort;
	int limit; /* 0: no limit */
};

/* Calls fn for each request the filter selects (open ones unless all or a
 * status is given), with derived fields; fn returning non-zero stops.
 * inspection.read. *total (may be NULL) counts those delivered. */
int hane_inspection_each(hane_db *db, const struct hane_inspection_filter *f,
			 int (*fn)(const struct hane_inspection *r, void *arg),
			 void *arg, int *total) HANE_WARN_UNUSED;

/* One regular aid decision that is running or ending. */
struct hane_inspection_aid {
	int64_t request_id;
	int64_t household_id;
	char head_name[192];
	char mahalle[96];
	char kind[12];
	int64_t amount_kurus;
	char frequency[12];
	char start_on[HANE_DATE_LEN + 1];
	char end_on[HANE_DATE_LEN + 1];
	int days_left;	    /* from today to end_on (negative: ended) */
	bool renewal_due;   /* ends within renewal_days, not renewed */
	int64_t renewed_by; /* renewal request, 0 none */
};

/* Calls fn for every regular aid running today (start <= today <= end),
 * ordered by end date; with household_id only that household's.
 * inspection.read. */
int hane_inspection_aid_each(hane_db *db, int64_t household_id,
			     int (*fn)(const struct hane_inspection_aid *a,
				       void *arg),
			     void *arg) HANE_WARN_UNUSED;

/* Counts for a household's services panel and the main screen: open
 * requests and how many of them are overdue (household_id 0: all). */
int hane_inspection_counts(hane_db *db, int64_t household_id, int64_t *open,
			   int64_t *overdue) HANE_WARN_UNUSED;

/* ---- CSV import of requests ------------------------------------------------- */

struct hane_inspection_import_counts {
	int64_t rows;	 /* data rows read */
	int64_t created; /* requests registered */
	int64_t rejected;
};

struct hane_inspection_import_opts {
	struct hane_csv_opts csv;
	bool dry_run;	     /* do everything, then roll back */
	const char *rejects; /* rejects file (original rows + reason); NULL */
	void (*notice)(const char *msg, void *arg); /* header remarks */
	void (*reject)(long line, const char *reason, void *arg);
	void *arg;
};

/* Imports a list of requests (a referral list from another institution)
 * through csvio in one transaction: every good row is registered or none.
 * Columns (Turkish or English titles, folded): the household by "TC
 * Kimlik No" (of any member) or "Hane No" (required: one of them),
 * "Başvuru Tarihi", "Kanal", "Yönlendiren", "Başvuru Nedeni" (required),
 * "Açıklama", "Aciliyet". A file without a channel column is a referral
 * list: channel "referral". Rows failing a rule (unknown person, passive
 * household, a duplicate open request, in the database or earlier in the
 * file) are rejected with the reason. Returns 0 when the file was
 * processed (see counts), or an error that wrote nothing (HANE_EINVAL for
 * a missing required column, HANE_ECSV, HANE_EPERM, store errors).
 * Needs inspection.write (not "import", which guards the household
 * registry). */
int hane_inspection_import(hane_db *db, const char *path,
			   const struct hane_inspection_import_opts *opts,
			   struct hane_inspection_import_counts *counts)
	HANE_WARN_UNUSED;

/* ---- Dates ----------------------------------------------------------------- */

/* out = iso plus days (may be negative); 0 or HANE_EINVAL for a bad date.
 * Pure: the due-date rule and the tests use it. */
int hane_inspection_date_add(char out[HANE_DATE_LEN + 1], const char *iso,
			     int days) HANE_WARN_UNUSED;
/* Days from a to b (b - a), both ISO; 0 for bad dates. */
int hane_inspection_days_between(const char *a, const char *b);

/* ---- Screens (src/units/inspection/ui_inspection.c, in hane_ui) ------------ */

struct hane_ui;
struct hane_ui_detail;
/* The unit's entry screen for the main menu (the work queue). */
int hane_ui_inspection_main(struct hane_ui *ui);
/* The household detail's services panel lines: open requests, active aid. */
void hane_ui_inspection_services(struct hane_ui *ui, int64_t household_id,
				 struct hane_ui_detail *d);

#endif
