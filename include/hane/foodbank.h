/* hane/foodbank.h — the food bank (Gıda Bankası): branches and their
 * collection days, markets, donations, market supplies, referrals
 * (eligibility), package types with frequency limits, distributions and
 * stock.
 *
 * Structs hold fixed-size text so they can be copied and kept without a
 * free. Dates are ISO "YYYY-MM-DD" ("" in an input means today by
 * hane_today()). Quantities are integer thousandths of their unit
 * (qty_milli: "2,5" kg is 2500); money is integer kuruş. Every function
 * checks its permission with hane_can() first (foodbank.read for reads,
 * foodbank.write for intake and distribution, foodbank.override to let a
 * package through the frequency limit, foodbank.admin for reference data)
 * and writes through the store's audited writes in one transaction.
 */
#ifndef HANE_FOODBANK_H
#define HANE_FOODBANK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/households_csv.h"
#include "hane/record.h"
#include "hane/store.h"

/* ---- Categories and units ------------------------------------------------ */

/* X(NAME, "code", "default unit", market) — item categories. The last
 * three are what markets give (sebze, meyve, şarküteri). The words on
 * screen are HANE_M_FB_CAT_<NAME>. */
#define HANE_FB_CATEGORIES(X)                                                  \
	X(DRY_FOOD, "dry_food", "kg", 0)                                       \
	X(CANNED, "canned", "adet", 0)                                         \
	X(OIL, "oil", "lt", 0)                                                 \
	X(CLEANING, "cleaning", "adet", 0)                                     \
	X(BABY, "baby", "adet", 0)                                             \
	X(CLOTHING, "clothing", "adet", 0)                                     \
	X(OTHER, "other", "adet", 0)                                           \
	X(VEGETABLE, "vegetable", "kg", 1)                                     \
	X(FRUIT, "fruit", "kg", 1)                                             \
	X(DELI, "deli", "kg", 1)

#define HANE_FB_CODE_MAX 16

/* True if code is a category code; market: one of vegetable/fruit/deli. */
bool hane_fb_category_valid(const char *code);
bool hane_fb_category_is_market(const char *code);
/* The category's word in the current language ("Kuru gıda"); the code
 * itself when unknown. Static storage. */
const char *hane_fb_category_label(const char *code);
/* The category's usual unit ("kg"), "adet" when unknown. */
const char *hane_fb_category_unit(const char *code);
/* A code, or a Turkish or English word for it typed any way ("kuru gıda",
 * "kuru", "sebze", "sarkuteri", "canned") → the code; NULL if none. */
const char *hane_fb_category_parse(const char *word);

/* Units: "kg", "lt", "adet" (pieces), "koli" (boxes). Parses the usual
 * spellings ("KG", "litre", "ad", "tane") into *out (static); NULL if
 * none. */
const char *hane_fb_unit_parse(const char *word);

/* "2,5", "2.5", "10" → thousandths (2500, 2500, 10000). Rejects negative,
 * zero when !allow_zero, more than three decimals, text. */
int hane_fb_qty_parse(int64_t *milli, const char *s,
		      bool allow_zero) HANE_WARN_UNUSED;
/* 2500 → "2,5"; 10000 → "10". Returns out. */
char *hane_fb_qty_format(char *out, size_t outsz, int64_t milli);

/* ---- Branches, markets, package types ------------------------------------- */

/* The stored fields (hane/record.h): F(member = column, type, option,
 * label tr, label en, more CSV titles, flags). */
#define HANE_FB_BRANCH_FIELDS(F)                                               \
	F(name, HANE_FT_TEXT, "name", "Şube", "Branch", NULL,                  \
	  HANE_FF_REQUIRED)                                                    \
	F(days, HANE_FT_TEXT, "days", "Toplama günleri", "Collection days",    \
	  NULL, 0)                                                             \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)
#define HANE_FB_MARKET_FIELDS(F)                                               \
	F(name, HANE_FT_TEXT, "name", "Market", "Market", NULL,                \
	  HANE_FF_REQUIRED)                                                    \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)
#define HANE_FB_PACKAGE_FIELDS(F)                                              \
	F(code, HANE_FT_TEXT, "code", "Kod", "Code", NULL, HANE_FF_REQUIRED)   \
	F(name_tr, HANE_FT_TEXT, "name", "Paket", "Package", NULL,             \
	  HANE_FF_REQUIRED)                                                    \
	F(name_en, HANE_FT_TEXT, "name-en", "Adı (İngilizce)",                 \
	  "Name (English)", NULL, 0)                                           \
	F(limit_days, HANE_FT_INT, "limit", "Sıklık sınırı (gün)",             \
	  "Frequency limit (days)", NULL, 0)                                   \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)

extern const struct hane_rdef hane_fb_branch_rdef, hane_fb_market_rdef,
	hane_fb_package_rdef, hane_fb_donation_rdef, hane_fb_supply_rdef,
	hane_fb_referral_rdef, hane_fb_distribution_rdef;

struct hane_fb_branch {
	int64_t id;
	int64_t version;
	char name[64];
	char days[8]; /* ISO weekdays as digits, "135" = Mon, Wed, Fri */
	bool active;
};

struct hane_fb_market {
	int64_t id;
	int64_t version;
	char name[96];
	bool active;
};

struct hane_fb_package {
	int64_t id;
	int64_t version;
	char code[HANE_FB_CODE_MAX];
	char name[96]; /* in the current language (one of the two) */
	char name_tr[96];
	char name_en[96];
	int limit_days; /* 0: no frequency limit */
	bool active;
};

/* A branch by id (digits) or by name typed any way ("golcuk" → Gölcük).
 * HANE_ENOTFOUND naming the branches otherwise. */
int hane_foodbank_branch_find(hane_db *db, const char *text,
			      struct hane_fb_branch *out) HANE_WARN_UNUSED;
int hane_foodbank_branch_get(hane_db *db, int64_t id,
			     struct hane_fb_branch *out) HANE_WARN_UNUSED;
/* Calls fn for every branch by name; fn returning non-zero stops. */
int hane_foodbank_branch_each(hane_db *db,
			      int (*fn)(const struct hane_fb_branch *b,
					void *arg),
			      void *arg) HANE_WARN_UNUSED;

/* "pzt,çar,cum", "Pazartesi Çarşamba Cuma", "mon wed fri", "135" → "135"
 * (sorted, no repeats). HANE_EINVAL naming the word it did not know. */
int hane_foodbank_days_parse(char out[8], const char *text) HANE_WARN_UNUSED;
/* "135" → "Pzt, Çar, Cum" (current language). Returns out. */
char *hane_foodbank_days_format(char *out, size_t outsz, const char *days);
/* True if the branch collects on the ISO date. */
bool hane_foodbank_collects(const struct hane_fb_branch *b, const char *date);

/* Sets a branch's collection days (foodbank.admin; version checked). */
int hane_foodbank_branch_set_days(hane_db *db, int64_t id, int64_t version,
				  const char *days) HANE_WARN_UNUSED;

int hane_foodbank_market_find(hane_db *db, const char *text,
			      struct hane_fb_market *out) HANE_WARN_UNUSED;
int hane_foodbank_market_each(hane_db *db,
			      int (*fn)(const struct hane_fb_market *m,
					void *arg),
			      void *arg) HANE_WARN_UNUSED;
/* Adds a market (foodbank.admin); a name taken is HANE_EEXIST. */
int hane_foodbank_market_add(hane_db *db, const char *name,
			     int64_t *id) HANE_WARN_UNUSED;

/* A package type by code or by its name typed any way ("standart"). */
int hane_foodbank_package_find(hane_db *db, const char *text,
			       struct hane_fb_package *out) HANE_WARN_UNUSED;
int hane_foodbank_package_each(hane_db *db,
			       int (*fn)(const struct hane_fb_package *p,
					 void *arg),
			       void *arg) HANE_WARN_UNUSED;
/* Sets a package type's frequency limit in days, 0 for none
 * (foodbank.admin; version checked). */
int hane_foodbank_package_set_limit(hane_db *db, int64_t id, int64_t version,
				    int limit_days) HANE_WARN_UNUSED;

/* Reference data kept in the console (foodbank.admin, audited, version
 * checked; a name another row holds, folded, is HANE_EEXIST naming it;
 * errors name the field). A branch: name, collection days as
 * hane_foodbank_days_parse takes them ("" none), active. */
int hane_foodbank_branch_add(hane_db *db, const char *name, const char *days,
			     int64_t *id) HANE_WARN_UNUSED;
int hane_foodbank_branch_update(hane_db *db, const struct hane_fb_branch *b)
	HANE_WARN_UNUSED;
/* A market's name and active flag. */
int hane_foodbank_market_update(hane_db *db, const struct hane_fb_market *m)
	HANE_WARN_UNUSED;
/* A package type: code (lower-case letters, digits, '_'; fixed once
 * made), its name in both languages, the frequency limit in days (0:
 * none). Its contents per household size stay those of the reference
 * data: a type added here has none until they are entered there. */
int hane_foodbank_package_add(hane_db *db, const char *code,
			      const char *name_tr, const char *name_en,
			      int limit_days, int64_t *id) HANE_WARN_UNUSED;
/* Saves p's name (in the current language), limit and active flag. */
int hane_foodbank_package_update(hane_db *db, const struct hane_fb_package *p)
	HANE_WARN_UNUSED;

/* ---- Items ---------------------------------------------------------------- */

#define HANE_FB_ITEMS_MAX 24

struct hane_fb_item {
	char category[HANE_FB_CODE_MAX];
	char unit[8];
	int64_t qty_milli;
};

/* "kuru:10:kg", "yağ:5", "sebze=12,5 kg" → item (unit defaults to the
 * category's). HANE_EINVAL saying what was wrong. */
int hane_fb_item_parse(struct hane_fb_item *out,
		       const char *text) HANE_WARN_UNUSED;

/* ---- Donations and market supplies ----------------------------------------- */

#define HANE_FB_DONATION_FIELDS(F)                                             \
	F(branch_id, HANE_FT_REF, NULL, "Şube", "Branch", NULL,                \
	  HANE_FF_REQUIRED)                                                    \
	F(date, HANE_FT_DATE, "date", "Tarih", "Date", NULL, 0)                \
	F(donor_person_id, HANE_FT_REF, "donor-person", "Bağışçı kişi no",     \
	  "Donor person ID", NULL, HANE_FF_PERSON_REF)                         \
	F(donor_name, HANE_FT_TEXT, "donor", "Bağışçı", "Donor", NULL,         \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)                               \
	F(value_kurus, HANE_FT_MONEY, "value", "Tutar", "Value", NULL, 0)      \
	F(off_day, HANE_FT_BOOL, NULL, "Toplama dışı gün", "Off day", NULL, 0) \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)                               \
	F(created_by, HANE_FT_TEXT, NULL, "Giren", "Entered by", NULL,         \
	  HANE_FF_READONLY | HANE_FF_NOCSV)

struct hane_fb_donation {
	int64_t id; /* out */
	int64_t version;
	int64_t branch_id;
	char date[HANE_DATE_LEN + 1];
	int64_t donor_person_id; /* 0: none */
	char donor_name[96];	 /* company or free text; may be "" */
	int64_t value_kurus;	 /* estimated */
	char notes[256];
	size_t nitems;
	struct hane_fb_item items[HANE_FB_ITEMS_MAX];
	bool off_day;	     /* out: branch does not collect that day */
	char created_by[64]; /* out (lists) */
};

/* Records a donation with its items (at least one) at a branch. A date on
 * which the branch does not collect is accepted: d->off_day is set and
 * hane_error_last() holds the warning to show. The date may not be in the
 * future. d->id gets the new id. */
int hane_foodbank_donate(hane_db *db,
			 struct hane_fb_donation *d) HANE_WARN_UNUSED;

/* The last donation entered by the acting staff member (defaults for the
 * counter form); HANE_ENOTFOUND when there is none. Items are filled. */
int hane_foodbank_last_donation(hane_db *db,
				struct hane_fb_donation *out) HANE_WARN_UNUSED;

/* Donations between from and to (ISO, inclusive; "" open), newest first,
 * at branch_id (0: all), up to limit. Items are filled. */
int hane_foodbank_donations(hane_db *db, int64_t branch_id, const char *from,
			    const char *to, int limit,
			    int (*fn)(const struct hane_fb_donation *d,
				      void *arg),
			    void *arg) HANE_WARN_UNUSED;

#define HANE_FB_SUPPLY_FIELDS(F)                                               \
	F(date, HANE_FT_DATE, "date", "Tarih", "Date", NULL, 0)                \
	F(market_id, HANE_FT_REF, NULL, "Market", "Market", NULL,              \
	  HANE_FF_REQUIRED)                                                    \
	F(branch_id, HANE_FT_REF, NULL, "Şube", "Branch", NULL,                \
	  HANE_FF_REQUIRED)                                                    \
	F(category, HANE_FT_TEXT, "category",                                  \
	  "Kategori (sebze|meyve|şarküteri)",                                  \
	  "Category (vegetable|fruit|deli)", NULL, HANE_FF_REQUIRED)           \
	F(unit, HANE_FT_TEXT, "unit", "Birim (kg|adet)", "Unit (kg|adet)",     \
	  NULL, 0)                                                             \
	F(qty_milli, HANE_FT_INT, NULL, "Miktar", "Quantity", NULL,            \
	  HANE_FF_REQUIRED)                                                    \
	F(value_kurus, HANE_FT_MONEY, "value", "Tutar", "Value", NULL, 0)      \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL)

struct hane_fb_supply {
	int64_t id; /* out */
	int64_t version;
	char date[HANE_DATE_LEN + 1];
	int64_t market_id;
	int64_t branch_id;
	char category[HANE_FB_CODE_MAX]; /* vegetable, fruit, deli */
	char unit[8];			 /* kg or adet */
	int64_t qty_milli;
	int64_t value_kurus;
	char notes[256];
	char market[96]; /* out (lists) */
	char branch[64]; /* out (lists) */
};

/* Records a market's delivery (date not in the future, category one of
 * the market ones, unit kg or adet). s->id gets the new id. */
int hane_foodbank_supply(hane_db *db,
			 struct hane_fb_supply *s) HANE_WARN_UNUSED;

int hane_foodbank_supplies(hane_db *db, int64_t market_id, const char *from,
			   const char *to, int limit,
			   int (*fn)(const struct hane_fb_supply *s, void *arg),
			   void *arg) HANE_WARN_UNUSED;

/* The weekly ledger: one row per market (all active ones, zero when
 * nothing came) and category for the Monday–Sunday week holding date. */
struct hane_fb_ledger_row {
	int64_t market_id;
	char market[96];
	char week_start[HANE_DATE_LEN + 1];
	int64_t kg_milli[3];	 /* vegetable, fruit, deli, in kg */
	int64_t pieces_milli[3]; /* the same, in pieces */
	int64_t value_kurus;
	int deliveries;
};
int hane_foodbank_market_week(hane_db *db, const char *date,
			      int (*fn)(const struct hane_fb_ledger_row *r,
					void *arg),
			      void *arg) HANE_WARN_UNUSED;

/* ---- Eligibility ------------------------------------------------------------ */

/* Records why household_id may receive food: source "inspection" with the
 * approved food decision's id (reason may be NULL), or "manual" with a
 * reason (required; decision_id 0). valid_from "" or NULL is today;
 * valid_until NULL or "" is open-ended. Calling again for the same
 * inspection decision updates that referral's dates and reason instead of
 * adding one (the inspection unit may call it whenever a decision is
 * saved; an end date in the past ends the referral). Permission:
 * foodbank.write, or inspection.decide for source "inspection" — this is
 * the hook the inspection unit calls when it approves a food decision.
 * *id (may be NULL) gets the referral's id. */
int hane_foodbank_refer(hane_db *db, int64_t household_id, const char *source,
			int64_t decision_id, const char *reason,
			const char *valid_from, const char *valid_until,
			int64_t *id) HANE_WARN_UNUSED;

#define HANE_FB_REFERRAL_FIELDS(F)                                             \
	F(household_id, HANE_FT_REF, NULL, "Hane", "Household", NULL,          \
	  HANE_FF_REQUIRED)                                                    \
	F(source, HANE_FT_TEXT, NULL, "Kaynak", "Source", NULL, 0)             \
	F(decision_id, HANE_FT_REF, "decision", "Onaylı inceleme kararı no",   \
	  "Approved inspection decision ID", NULL, 0)                          \
	F(reason, HANE_FT_TEXT, "reason", "Gerekçe (elle yönlendirmede)",      \
	  "Reason (a manual referral)", NULL,                                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)              \
	F(valid_from, HANE_FT_DATE, "from", "Geçerlilik başı (bugün)",         \
	  "Valid from (today)", NULL, 0)                                       \
	F(valid_until, HANE_FT_DATE, "until", "Geçerlilik sonu",               \
	  "Valid until", NULL, HANE_FF_EMPTY_NULL)                             \
	F(created_by, HANE_FT_TEXT, NULL, "Giren", "Entered by", NULL,         \
	  HANE_FF_READONLY | HANE_FF_NOCSV)

struct hane_fb_referral {
	int64_t id;
	int64_t version;
	int64_t household_id;
	char source[16];
	int64_t decision_id;
	char reason[256];
	char valid_from[HANE_DATE_LEN + 1];
	char valid_until[HANE_DATE_LEN + 1]; /* "" open-ended */
	char created_by[64];
};

/* Referrals of a household (0: all households), newest first. */
int hane_foodbank_referrals(hane_db *db, int64_t household_id,
			    int (*fn)(const struct hane_fb_referral *r,
				      void *arg),
			    void *arg) HANE_WARN_UNUSED;

/* ---- Distributions ----------------------------------------------------------- */

#define HANE_FB_DISTRIBUTION_FIELDS(F)                                         \
	F(household_id, HANE_FT_REF, NULL, "Hane", "Household", NULL,          \
	  HANE_FF_REQUIRED)                                                    \
	F(date, HANE_FT_DATE, "date", "Tarih", "Date", NULL, 0)                \
	F(branch_id, HANE_FT_REF, NULL, "Şube", "Branch", NULL,                \
	  HANE_FF_REQUIRED)                                                    \
	F(package_id, HANE_FT_REF, NULL, "Paket", "Package", NULL,             \
	  HANE_FF_REQUIRED)                                                    \
	F(members, HANE_FT_INT, NULL, "Kişi", "Members", NULL, 0)              \
	F(value_kurus, HANE_FT_MONEY, "value", "Tutar", "Value", NULL, 0)      \
	F(referral_id, HANE_FT_REF, NULL, "Yönlendirme", "Referral", NULL, 0)  \
	F(override_reason, HANE_FT_TEXT, "override",                           \
	  "Sıklık sınırını amir onayıyla aşma gerekçesi",                      \
	  "Reason to pass the frequency limit (supervisor)", NULL,             \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)                               \
	F(notes, HANE_FT_TEXT, "notes", "Not", "Notes", NULL,                  \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL)                               \
	F(created_by, HANE_FT_TEXT, NULL, "Giren", "Entered by", NULL,         \
	  HANE_FF_READONLY | HANE_FF_NOCSV)

struct hane_fb_distribution {
	int64_t id; /* out */
	int64_t version;
	int64_t household_id;
	char date[HANE_DATE_LEN + 1];
	int64_t branch_id;
	char package[HANE_FB_CODE_MAX]; /* package type code */
	int64_t package_id;		/* out */
	int64_t referral_id;		/* out */
	int64_t value_kurus;
	char notes[256];
	/* Supervisor override of the frequency limit: "" none. */
	char override_reason[256];
	/* Empty: the package type's contents scaled by household size. */
	size_t nitems;
	struct hane_fb_item items[HANE_FB_ITEMS_MAX];
	int members;	       /* out: household size used for scaling */
	char branch[64];       /* out (lists) */
	char package_name[96]; /* out (lists) */
	char created_by[64];   /* out (lists) */
};

#define HANE_FB_SHORT_MAX 8

struct hane_fb_shortage {
	char category[HANE_FB_CODE_MAX];
	char unit[8];
	int64_t have_milli; /* in stock before this distribution */
	int64_t need_milli; /* what it takes */
};

/* What the rules found about a distribution (before or after saving). */
struct hane_fb_check {
	/* Eligibility on the date. */
	bool eligible;
	int64_t referral_id;
	char referral_source[16];
	char referral_until[HANE_DATE_LEN + 1];
	/* The household's last distribution of any type (the screen's "last
	 * visit"); "" none. */
	char last_visit[HANE_DATE_LEN + 1];
	char last_visit_package[96];
	/* Frequency limit: limited when a package of the same type was given
	 * within limit_days; last_* name it and next_date is the first day
	 * another may be given. */
	bool limited;
	int limit_days;
	int64_t last_id;
	char last_date[HANE_DATE_LEN + 1];
	char next_date[HANE_DATE_LEN + 1];
	bool overridden; /* saved through the limit by a supervisor */
	/* Categories this would take below zero at the branch (a warning,
	 * never a block). */
	int nshort;
	struct hane_fb_shortage shortage[HANE_FB_SHORT_MAX];
};

/* Eligibility and last visit of a household on date ("" today), the
 * fields of c above "limited" (the rest zeroed). foodbank.read. */
int hane_foodbank_eligibility(hane_db *db, int64_t household_id,
			      const char *date,
			      struct hane_fb_check *c) HANE_WARN_UNUSED;

/* Runs every rule on d without writing (the screen calls it before it
 * offers to save): fills c, and d's defaults (date, items, members).
 * Returns what hane_foodbank_distribute() would: 0 allowed; HANE_EPERM
 * when not eligible or blocked by the frequency limit (the message says
 * which rule fired and when the last package was; with an override reason
 * and foodbank.override the limit does not block); HANE_EINVAL for bad
 * input; HANE_ENOTFOUND for an unknown household/branch/package. */
int hane_foodbank_check(hane_db *db, struct hane_fb_distribution *d,
			struct hane_fb_check *c) HANE_WARN_UNUSED;

/* Checks as above and, when allowed, records the distribution and its
 * items in one transaction; d->id gets the new id. An override is saved
 * in the row and logged as the audit event "foodbank.override" naming the
 * rule and the last package. Shortages do not block: c->nshort says what
 * to warn about. c may be NULL. */
int hane_foodbank_distribute(hane_db *db, struct hane_fb_distribution *d,
			     struct hane_fb_check *c) HANE_WARN_UNUSED;

/* Distributions of a household (0: all), newest first, up to limit.
 * Items are filled. */
int hane_foodbank_distributions(hane_db *db, int64_t household_id, int limit,
				int (*fn)(const struct hane_fb_distribution *d,
					  void *arg),
				void *arg) HANE_WARN_UNUSED;

/* ---- Stock and follow-up ------------------------------------------------------- */

struct hane_fb_stock_row {
	int64_t branch_id;
	char branch[64];
	char category[HANE_FB_CODE_MAX];
	char unit[8];
	int64_t in_milli;  /* donations + market supplies */
	int64_t out_milli; /* distributions */
};

/* Stock per branch (0: every branch), category and unit: what came in
 * minus what went out, by branch (list order), category code and unit. */
int hane_foodbank_stock(hane_db *db, int64_t branch_id,
			int (*fn)(const struct hane_fb_stock_row *r, void *arg),
			void *arg) HANE_WARN_UNUSED;

/* Households with a referral valid on date ("" today) that received no
 * package in the last days days (or never), longest waiting first. */
struct hane_fb_unserved {
	int64_t household_id;
	char head[2 * 96];
	char mahalle[96];
	char last_date[HANE_DATE_LEN + 1]; /* "" never */
	int days_since;			   /* -1 never */
};
int hane_foodbank_unserved(hane_db *db, int days, const char *date, int limit,
			   int (*fn)(const struct hane_fb_unserved *u,
				     void *arg),
			   void *arg) HANE_WARN_UNUSED;

/* ---- CSV import --------------------------------------------------------------- */

enum hane_fb_import_kind { HANE_FB_IMPORT_SUPPLY, HANE_FB_IMPORT_DONATIONS };

/* Imports a market supply sheet (columns Tarih, Market, Şube, Kategori,
 * Miktar, Birim, Tutar; one delivery a row) or a donation list (Tarih,
 * Şube, Bağışçı, Kategori, Miktar, Birim, Tutar, Not; one donation of one
 * item a row) in one transaction, like hane_households_import(): bad rows
 * go to opts->rejects and opts->reject, every good row is written or none
 * (dry run). default_branch (may be NULL) is the branch for rows without
 * one. opts->map, on_duplicate and progress are not used. Needs
 * foodbank.write and import. counts->created counts rows written. */
int hane_foodbank_import(hane_db *db, enum hane_fb_import_kind kind,
			 const char *path, const char *default_branch,
			 const struct hane_import_opts *opts,
			 struct hane_import_counts *counts) HANE_WARN_UNUSED;

#endif
