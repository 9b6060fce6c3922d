/* hane/clothing.h — Dost Eller Giyim Mağazası, the clothing store (#20):
 * issues (teslim) of clothes and baby goods to a person, line by line
 * (category, size, quantity); who may receive them (the food bank's
 * referral, an inspection aid decision, or a clothing referral of the
 * store's own); a limit per category and period that explains itself
 * and a supervisor may pass with an audited reason; donations in, and the
 * stock per category (in − out).
 *
 * Structs hold fixed-size text so they can be copied and kept without a
 * free. Dates are ISO "YYYY-MM-DD" ("" in an input means today by
 * hane_today()). Every function checks its permission with hane_can()
 * first (clothing.read for reads, clothing.write for issues, donations
 * and referrals, clothing.override to let an issue through a limit,
 * clothing.admin for the categories, their limits and the period) and
 * writes through the store's audited writes in one transaction.
 */
#ifndef HANE_CLOTHING_H
#define HANE_CLOTHING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/core.h"
#include "hane/record.h"
#include "hane/store.h"

#define HANE_CL_CODE_MAX 16
#define HANE_CL_LINES_MAX 16

/* ---- Categories and the period ---------------------------------------------- */

/* The stored fields (hane/record.h): F(member = column, type, option,
 * label tr, label en, more CSV titles, flags). */
#define HANE_CL_CATEGORY_FIELDS(F)                                             \
	F(code, HANE_FT_TEXT, "code", "Kod", "Code", NULL, HANE_FF_REQUIRED)   \
	F(name_tr, HANE_FT_TEXT, "name", "Kategori", "Category", NULL,         \
	  HANE_FF_REQUIRED)                                                    \
	F(name_en, HANE_FT_TEXT, "name-en", "Adı (İngilizce)",                 \
	  "Name (English)", NULL, 0)                                           \
	F(limit_qty, HANE_FT_INT, "limit", "Dönem sınırı (adet)",              \
	  "Limit per period (pieces)", NULL, 0)                                \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)

struct hane_cl_category {
	int64_t id;
	int64_t version;
	char code[HANE_CL_CODE_MAX];
	char name[96]; /* in the current language (one of the two) */
	char name_tr[96];
	char name_en[96];
	int limit_qty; /* pieces per person per period; 0: no limit */
	bool active;
};

/* A category by code, or by its name typed any way ("çocuk", "cocuk
 * giyim", "shoes", "ayakkabi"; a name's first word will do when it names
 * one category). HANE_ENOTFOUND naming the categories otherwise. */
int hane_clothing_category_find(hane_db *db, const char *text,
				struct hane_cl_category *out) HANE_WARN_UNUSED;
/* Every category, in list order; fn returning non-zero stops. */
int hane_clothing_category_each(hane_db *db,
				int (*fn)(const struct hane_cl_category *c,
					  void *arg),
				void *arg) HANE_WARN_UNUSED;
/* Adds a category (clothing.admin): code lower-case letters, digits, '_'
 * (fixed once made), names in both languages (English "" is the Turkish),
 * limit 0–999. A code or name taken is HANE_EEXIST. */
int hane_clothing_category_add(hane_db *db, const char *code,
			       const char *name_tr, const char *name_en,
			       int limit_qty, int64_t *id) HANE_WARN_UNUSED;
/* Saves c's name (in the current language), limit and active flag
 * (clothing.admin; version checked). */
int hane_clothing_category_update(hane_db *db, const struct hane_cl_category *c)
	HANE_WARN_UNUSED;

/* The period the limits count in, in months (1, 2, 3, 4, 6 or 12), the
 * first of the year's starting on 1 March: 6 is the store's summer
 * (March–August) and winter (September–February). */
int hane_clothing_period_get(hane_db *db, int *months) HANE_WARN_UNUSED;
/* Sets it (clothing.admin, audited). */
int hane_clothing_period_set(hane_db *db, int months) HANE_WARN_UNUSED;
/* The period of months holding date (ISO): its first day and the first
 * day of the next, into from and next. Pure. HANE_EINVAL for a bad date
 * or months. */
int hane_clothing_period_of(const char *date, int months,
			    char from[HANE_DATE_LEN + 1],
			    char next[HANE_DATE_LEN + 1]) HANE_WARN_UNUSED;

/* ---- Referrals -------------------------------------------------------------- */

#define HANE_CL_REFERRAL_FIELDS(F)                                             \
	F(household_id, HANE_FT_REF, NULL, "Hane", "Household", NULL,          \
	  HANE_FF_REQUIRED)                                                    \
	F(reason, HANE_FT_TEXT, "reason", "Gerekçe", "Reason", NULL,           \
	  HANE_FF_REQUIRED | HANE_FF_PERSONAL | HANE_FF_MASKED)                \
	F(valid_from, HANE_FT_DATE, "from", "Geçerlilik başı (bugün)",         \
	  "Valid from (today)", NULL, 0)                                       \
	F(valid_until, HANE_FT_DATE, "until", "Geçerlilik sonu",               \
	  "Valid until", NULL, HANE_FF_EMPTY_NULL)                             \
	F(created_by, HANE_FT_TEXT, NULL, "Giren", "Entered by", NULL,         \
	  HANE_FF_READONLY | HANE_FF_NOCSV)

struct hane_cl_referral {
	int64_t id;
	int64_t version;
	int64_t household_id;
	char reason[256];
	char valid_from[HANE_DATE_LEN + 1];
	char valid_until[HANE_DATE_LEN + 1]; /* "" open-ended */
	char created_by[64];
};

/* Refers a household to the store (clothing.write): r->reason required,
 * valid_from "" today, valid_until "" open-ended. r->id gets the id. */
int hane_clothing_refer(hane_db *db,
			struct hane_cl_referral *r) HANE_WARN_UNUSED;

/* ---- Eligibility ------------------------------------------------------------ */

/* Why a person may receive clothes on a day: the first that holds of a
 * food bank referral of the household valid that day ("foodbank"), an
 * inspection aid decision for the household in force ("inspection": from
 * the day decided to its end, or a year when it has none), a clothing
 * referral valid that day ("clothing"). The food bank's and the
 * inspection's records are read, never copied. */
struct hane_cl_eligibility {
	bool eligible;
	char source[16];     /* foodbank, inspection, clothing; "" none */
	int64_t referral_id; /* fb_referral, inspection_decision or
				clothing_referral id */
	char until[HANE_DATE_LEN + 1]; /* "" open-ended */
	int64_t household_id;	       /* the person's */
};

/* Fills e for person_id on date ("" today). clothing.read. */
int hane_clothing_eligibility(hane_db *db, int64_t person_id, const char *date,
			      struct hane_cl_eligibility *e) HANE_WARN_UNUSED;

/* ---- Issues ----------------------------------------------------------------- */

struct hane_cl_line {
	int64_t category_id;		 /* in (0: by category) */
	char category[HANE_CL_CODE_MAX]; /* code; in when category_id is 0 */
	char size[16];			 /* "M", "42", "6-9 ay"; may be "" */
	int qty;			 /* pieces, > 0 */
};

/* "çocuk:2:8 yaş", "adult:3", "ayakkabı:1:38" → a line (category typed
 * any way, quantity, size optional). HANE_EINVAL saying what was
 * wrong; the category is checked when the issue is. */
int hane_cl_line_parse(struct hane_cl_line *out,
		       const char *text) HANE_WARN_UNUSED;

#define HANE_CL_ISSUE_FIELDS(F)                                                \
	F(person_id, HANE_FT_REF, NULL, "Kişi", "Person", NULL,                \
	  HANE_FF_REQUIRED | HANE_FF_PERSON_REF)                               \
	F(household_id, HANE_FT_REF, NULL, "Hane", "Household", NULL, 0)       \
	F(date, HANE_FT_DATE, "date", "Tarih", "Date", NULL, 0)                \
	F(source, HANE_FT_TEXT, NULL, "Uygunluk", "Eligibility", NULL, 0)      \
	F(referral_id, HANE_FT_INT, NULL, "Yönlendirme", "Referral", NULL, 0)  \
	F(override_reason, HANE_FT_TEXT, "override",                           \
	  "Sınırı amir onayıyla aşma gerekçesi",                               \
	  "Reason to pass the limit (supervisor)", NULL,                       \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)              \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)              \
	F(created_by, HANE_FT_TEXT, NULL, "Giren", "Entered by", NULL,         \
	  HANE_FF_READONLY | HANE_FF_NOCSV)

struct hane_cl_issue {
	int64_t id; /* out */
	int64_t version;
	int64_t person_id;
	int64_t household_id; /* out: the person's on the day */
	char date[HANE_DATE_LEN + 1];
	char source[16];     /* out: what made the person eligible */
	int64_t referral_id; /* out */
	/* Supervisor override of a limit: "" none. */
	char override_reason[256];
	char notes[256];
	size_t nlines;
	struct hane_cl_line lines[HANE_CL_LINES_MAX];
	char person[2 * 96]; /* out (lists): first and last name */
	char created_by[64]; /* out (lists) */
};

/* One category's limit as the rules found it for an issue. */
struct hane_cl_limit {
	int64_t category_id;
	char category[96]; /* its name, current language */
	int limit;	   /* pieces per period */
	int given;	   /* already given to the person this period */
	int asked;	   /* in this issue */
};

/* What the rules found about an issue (before or after saving). */
struct hane_cl_check {
	struct hane_cl_eligibility elig;
	char period_from[HANE_DATE_LEN + 1]; /* the period of the date */
	char period_next[HANE_DATE_LEN + 1]; /* the next one's first day */
	/* Categories whose limit this issue would pass (given + asked >
	 * limit); the first is the one the message names. */
	int nlimited;
	struct hane_cl_limit limited[HANE_CL_LINES_MAX];
	bool overridden; /* saved through a limit by a supervisor */
	/* Categories this would take below zero in stock (a warning). */
	int nshort;
	int64_t short_category[HANE_CL_LINES_MAX];
	int64_t short_have[HANE_CL_LINES_MAX];
};

/* Runs every rule on is without writing (the screen calls it before it
 * offers to save), fills c and is's defaults (date, the lines' category
 * ids and codes). Returns what hane_clothing_issue() would: 0 allowed;
 * HANE_EPERM when the person is not eligible or a limit blocks (the
 * message explains with the numbers: "Çocuk giyim: bu dönem 4/4 adet
 * verildi, 2 daha istendi; sonraki dönem 01.09.2026"; with an override
 * reason and clothing.override a limit does not block); HANE_EINVAL for
 * bad input; HANE_ENOTFOUND for an unknown person or category. */
int hane_clothing_check(hane_db *db, struct hane_cl_issue *is,
			struct hane_cl_check *c) HANE_WARN_UNUSED;

/* Checks as above and, when allowed, records the issue and its lines in
 * one transaction; is->id gets the new id. An override is kept in the
 * row and logged as the audit event "clothing.override" naming the
 * category, its limit, what was given and the reason. A shortage in
 * stock does not block (c->nshort). c may be NULL. */
int hane_clothing_issue(hane_db *db, struct hane_cl_issue *is,
			struct hane_cl_check *c) HANE_WARN_UNUSED;

/* Issues of a person (0: all), newest first, up to limit (0: all), with
 * their lines. clothing.read. */
int hane_clothing_issues(hane_db *db, int64_t person_id, int limit,
			 int (*fn)(const struct hane_cl_issue *is, void *arg),
			 void *arg) HANE_WARN_UNUSED;

/* ---- Donations and stock ---------------------------------------------------- */

#define HANE_CL_DONATION_FIELDS(F)                                             \
	F(date, HANE_FT_DATE, "date", "Tarih", "Date", NULL, 0)                \
	F(donor, HANE_FT_TEXT, "donor", "Bağışçı", "Donor", NULL,              \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)              \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)              \
	F(created_by, HANE_FT_TEXT, NULL, "Giren", "Entered by", NULL,         \
	  HANE_FF_READONLY | HANE_FF_NOCSV)

struct hane_cl_donation {
	int64_t id; /* out */
	int64_t version;
	char date[HANE_DATE_LEN + 1];
	char donor[96]; /* a company or a person; may be "" */
	char notes[256];
	size_t nlines;
	struct hane_cl_line lines[HANE_CL_LINES_MAX]; /* size unused */
	char created_by[64];			      /* out (lists) */
};

/* Records a donation with its lines (at least one; the date not in the
 * future). d->id gets the new id. clothing.write. */
int hane_clothing_donate(hane_db *db,
			 struct hane_cl_donation *d) HANE_WARN_UNUSED;

/* Donations between from and to (ISO, inclusive; "" open), newest
 * first, up to limit (0: all), with their lines. clothing.read. */
int hane_clothing_donations(hane_db *db, const char *from, const char *to,
			    int limit,
			    int (*fn)(const struct hane_cl_donation *d,
				      void *arg),
			    void *arg) HANE_WARN_UNUSED;

struct hane_cl_stock_row {
	int64_t category_id;
	char code[HANE_CL_CODE_MAX];
	char category[96]; /* current language */
	int64_t in;	   /* pieces donated */
	int64_t out;	   /* pieces issued */
};

/* Stock per category (every category, in list order): what came in
 * minus what went out. clothing.read. */
int hane_clothing_stock(hane_db *db,
			int (*fn)(const struct hane_cl_stock_row *r, void *arg),
			void *arg) HANE_WARN_UNUSED;

extern const struct hane_rdef hane_cl_category_rdef, hane_cl_referral_rdef,
	hane_cl_issue_rdef, hane_cl_donation_rdef;

#endif
