/* hane/households.h — the registry of households and persons, shared by
 * every unit.
 *
 * Structs hold fixed-size text (UTF-8, NUL-terminated), so they can be
 * copied and kept without a free. Empty text means "not known". Every
 * function checks permissions with hane_can() and validates with core; a
 * validation error is HANE_EINVAL with hane_error_last() naming the field
 * (";"-free text such as "TC Kimlik No: Kontrol hanesi tutmuyor…").
 */
#ifndef HANE_HOUSEHOLDS_H
#define HANE_HOUSEHOLDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/core.h"
#include "hane/record.h"
#include "hane/store.h"

#define HANE_NAME_MAX 96
#define HANE_TEXT_MAX 256
#define HANE_NOTES_MAX 2048

/* Relation to the head of household: X(NAME, "stored name"); the words
 * on screen are the messages HANE_M_REL_<NAME> (hane_relation_label). */
#define HANE_RELATIONS(X)                                                      \
	X(HEAD, "head")                                                        \
	X(SPOUSE, "spouse")                                                    \
	X(CHILD, "child")                                                      \
	X(PARENT, "parent")                                                    \
	X(SIBLING, "sibling")                                                  \
	X(GRANDCHILD, "grandchild")                                            \
	X(OTHER, "other")

/* The stored fields (hane/record.h): F(member = column, type, option,
 * label tr, label en, more CSV titles ('|'), flags). A person's search
 * keys (name_key, phone_key, person_word) are derived by the model. */
#define HANE_PERSON_FIELDS(F)                                                   \
	F(household_id, HANE_FT_REF, "household", "Hane No", "Household",       \
	  "Hane|Hane Numarası|Hane Kodu|Household|Household No|Household Id",   \
	  HANE_FF_READONLY)                                                     \
	F(tckn, HANE_FT_TCKN, "tckn", "TC Kimlik No", "TC ID No",               \
	  "TC Kimlik|TC Kimlik Numarası|TC No|TCKN|TCKNO|TC|Kimlik No|"        \
	  "Kimlik Numarası|National Id|Identity No",                            \
	  HANE_FF_PERSONAL | HANE_FF_EMPTY_NULL | HANE_FF_MASKED)               \
	F(first_name, HANE_FT_TEXT, "first", "Ad", "First name",                \
	  "Adı|İsim|Adi|First Name|Given Name",                                 \
	  HANE_FF_REQUIRED | HANE_FF_PERSONAL)                                  \
	F(last_name, HANE_FT_TEXT, "last", "Soyad", "Last name",                \
	  "Soyadı|Soyisim|Last Name|Surname|Family Name",                       \
	  HANE_FF_REQUIRED | HANE_FF_PERSONAL)                                  \
	F(birth_date, HANE_FT_DATE, "birth", "Doğum Tarihi", "Birth date",      \
	  "Doğum T|D Tarihi|Birth Date|Date of Birth|DOB",                      \
	  HANE_FF_PERSONAL | HANE_FF_EMPTY_NULL)                                \
	F(sex, HANE_FT_TEXT, "sex", "Cinsiyet", "Sex", "Cinsiyeti|Sex|Gender",  \
	  HANE_FF_EMPTY_NULL)                                                   \
	F(relation, HANE_FT_TEXT, "relation", "Yakınlık", "Relation",           \
	  "Yakınlık Derecesi|Yakınlığı|Hane Reisine Yakınlık|Relation|" \
	  "Relationship",                                                       \
	  0)                                                                    \
	F(disability_pct, HANE_FT_INT, "disability", "Engel Oranı",             \
	  "Disability %",                                                       \
	  "Engel Oranı (%)|Engellilik Oranı|Engel|Disability|Disability %",     \
	  HANE_FF_EMPTY_NULL)                                                   \
	F(chronic_illness, HANE_FT_TEXT, "chronic", "Kronik Hastalık",          \
	  "Chronic illness", "Kronik Hastalığı|Hastalık|Chronic Illness",       \
	  HANE_FF_PERSONAL | HANE_FF_EMPTY_NULL | HANE_FF_MASKED)               \
	F(phone, HANE_FT_PHONE, "phone", "Telefon", "Phone",                    \
	  "Cep Tel|Cep Telefonu|Cep|GSM|Tel|Telefon No|Phone|Mobile",           \
	  HANE_FF_PERSONAL | HANE_FF_EMPTY_NULL | HANE_FF_MASKED)

/* A household's: its address and phone are personal (they place its
 * members). head_id is set by the model (hane_household_set_head). */
#define HANE_HOUSEHOLD_FIELDS(F)                                               \
	F(head_id, HANE_FT_REF, NULL, "Hane Reisi", "Head", NULL,              \
	  HANE_FF_READONLY | HANE_FF_NOCSV)                                    \
	F(phone, HANE_FT_PHONE, "phone", "Hane Telefonu", "Household phone",   \
	  "Ev Telefonu|Household Phone|Home Phone",                            \
	  HANE_FF_PERSONAL | HANE_FF_EMPTY_NULL | HANE_FF_MASKED)              \
	F(mahalle, HANE_FT_TEXT, "mahalle", "Mahalle", "Neighbourhood",        \
	  "Mah|Mahallesi|Neighbourhood|Neighborhood", HANE_FF_EMPTY_NULL)      \
	F(street, HANE_FT_TEXT, "street", "Adres", "Address",                  \
	  "Açık Adres|Cadde Sokak|Sokak|Address|Street",                       \
	  HANE_FF_PERSONAL | HANE_FF_EMPTY_NULL | HANE_FF_MASKED)              \
	F(building, HANE_FT_TEXT, "building", "Bina No", "Building",           \
	  "Dış Kapı No|Kapı No|Bina|Building",                                 \
	  HANE_FF_PERSONAL | HANE_FF_EMPTY_NULL | HANE_FF_MASKED)              \
	F(door, HANE_FT_TEXT, "door", "Daire No", "Door",                      \
	  "İç Kapı No|Daire|Door|Flat",                                        \
	  HANE_FF_PERSONAL | HANE_FF_EMPTY_NULL | HANE_FF_MASKED)              \
	F(income_kurus, HANE_FT_MONEY, "income", "Aylık Gelir (TL)",           \
	  "Monthly income",                                                    \
	  "Aylık Gelir|Gelir|Hane Geliri|Monthly Income|Income", 0)            \
	F(status, HANE_FT_TEXT, "status", "Durum", "Status", NULL,             \
	  HANE_FF_NOCSV)                                                       \
	F(notes, HANE_FT_TEXT, "notes", "Notlar", "Notes",                     \
	  "Not|Açıklama|Notes|Note|Remarks",                                   \
	  HANE_FF_PERSONAL | HANE_FF_EMPTY_NULL | HANE_FF_MASKED)

/* The descriptors (hane/record.h) of the two records. */
extern const struct hane_rdef hane_person_rdef;
extern const struct hane_rdef hane_household_rdef;

struct hane_person {
	int64_t id;
	int64_t household_id;
	int64_t version;
	char tckn[HANE_TCKN_LEN + 1]; /* "" only for a newborn / no number */
	char first_name[HANE_NAME_MAX];
	char last_name[HANE_NAME_MAX];
	char birth_date[HANE_DATE_LEN + 1]; /* ISO or "" */
	char sex[2];			    /* "K", "E" or "" */
	char relation[16];		    /* a HANE_RELATIONS name */
	int disability_pct;		    /* 0..100; -1 unknown */
	char chronic_illness[HANE_TEXT_MAX];
	char phone[HANE_PHONE_LEN + 1]; /* E.164 or "" */
	char updated_at[20];
	char updated_by[64];
};

struct hane_household {
	int64_t id;
	int64_t version;
	int64_t head_id;
	char mahalle[HANE_NAME_MAX]; /* as in the reference list, or "" */
	char street[HANE_TEXT_MAX];
	char building[32];
	char door[32];
	char phone[HANE_PHONE_LEN + 1];
	int64_t income_kurus; /* monthly; -1 unknown */
	char status[8];	      /* "active" or "passive" */
	char notes[HANE_NOTES_MAX];
	int members; /* filled by hane_household_get */
	char updated_at[20];
	char updated_by[64];
};

/* Empty values: ids 0, -1 for unknown numbers, relation "head",
 * status "active". Always start from these. */
void hane_person_init(struct hane_person *p);
void hane_household_init(struct hane_household *h);

/* Validates every field of p (TC Kimlik checksum, date, sex, relation,
 * disability 0..100, phone form). The first bad field is the error. */
int hane_person_validate(const struct hane_person *p) HANE_WARN_UNUSED;
int hane_household_validate(hane_db *db,
			    const struct hane_household *h) HANE_WARN_UNUSED;

/* Finds the reference mahalle matching text Turkish- and case-
 * insensitively ("gundogdu" → "Gündoğdu"); copies the proper name into out.
 * HANE_ENOTFOUND (with the closest names in the message) otherwise. */
int hane_mahalle_match(hane_db *db, char out[HANE_NAME_MAX],
		       const char *text) HANE_WARN_UNUSED;

/* Calls fn for every reference mahalle, in Turkish alphabetical order. */
int hane_mahalle_each(hane_db *db, int (*fn)(const char *name, void *arg),
		      void *arg);

/* Duplicate check before a create, for the form while typing and for
 * create itself. Returns HANE_EEXIST when the TC Kimlik No belongs to
 * another person (the message and *existing name them). Returns 0 and sets
 * *similar_id when a person with the same folded name and birth date
 * exists (a warning), 0 with *similar_id 0 when there is none. */
struct hane_dup {
	int64_t existing_id;  /* same TC Kimlik No */
	int64_t similar_id;   /* same folded name + birth date */
	int64_t household_id; /* of whichever was found */
	char name[2 * HANE_NAME_MAX];
};
int hane_person_check_duplicate(hane_db *db, const struct hane_person *p,
				struct hane_dup *dup) HANE_WARN_UNUSED;

/* Creates a household with head as its head, in one transaction. The
 * person's relation is forced to "head". *household_id and *person_id get
 * the new ids (either may be NULL). dup (may be NULL) reports a
 * same-name-and-birth warning. */
int hane_household_create(hane_db *db, const struct hane_household *h,
			  const struct hane_person *head, int64_t *household_id,
			  int64_t *person_id,
			  struct hane_dup *dup) HANE_WARN_UNUSED;

/* Adds p to household p->household_id (relation must not be "head"). */
int hane_person_add(hane_db *db, const struct hane_person *p,
		    int64_t *person_id, struct hane_dup *dup) HANE_WARN_UNUSED;

int hane_person_get(hane_db *db, int64_t id,
		    struct hane_person *out) HANE_WARN_UNUSED;
int hane_household_get(hane_db *db, int64_t id,
		       struct hane_household *out) HANE_WARN_UNUSED;
/* The person with this TC Kimlik No (HANE_ENOTFOUND if none). */
int hane_person_by_tckn(hane_db *db, const char *tckn,
			struct hane_person *out) HANE_WARN_UNUSED;

/* Saves p over the stored row if p->version is still current
 * (HANE_ECONFLICT otherwise; see hane_store_last_conflict()). Household
 * and head cannot change here: use move and set_head. */
int hane_person_update(hane_db *db, struct hane_person *p) HANE_WARN_UNUSED;
int hane_household_update(hane_db *db,
			  struct hane_household *h) HANE_WARN_UNUSED;

/* Members of a household, head first then by birth date. Fills up to max
 * entries of out; *n gets the count stored. */
int hane_household_members(hane_db *db, int64_t household_id,
			   struct hane_person *out, size_t max,
			   size_t *n) HANE_WARN_UNUSED;

/* Moves a person to another (active) household as relation "other" unless
 * relation is given. A head can move only when alone in the household
 * (which then becomes passive) — otherwise set another head first. */
int hane_person_move(hane_db *db, int64_t person_id, int64_t version,
		     int64_t to_household,
		     const char *relation) HANE_WARN_UNUSED;

/* Makes person_id (a member) the head; the old head becomes "other". */
int hane_household_set_head(hane_db *db, int64_t household_id,
			    int64_t person_id) HANE_WARN_UNUSED;

/* Marks a household active or passive (version checked). */
int hane_household_set_status(hane_db *db, int64_t household_id,
			      int64_t version,
			      const char *status) HANE_WARN_UNUSED;

/* ---- Search ------------------------------------------------------------ */

struct hane_person_hit {
	int64_t person_id;
	int64_t household_id;
	char tckn[HANE_TCKN_LEN + 1];
	char first_name[HANE_NAME_MAX];
	char last_name[HANE_NAME_MAX];
	char birth_date[HANE_DATE_LEN + 1];
	char mahalle[HANE_NAME_MAX];
	char status[8];
	char relation[16];
};

/* Finds persons by every word of query: a word of letters matches the
 * start of any word of the name (Turkish-insensitive, ASCII-tolerant: all
 * words must match); a run of digits matches the start of the TC Kimlik No
 * or of the phone number (0532…, 532…, +90532…). Calls fn for up to limit
 * hits after skipping offset; fn returning non-zero stops early.
 * *total (may be NULL) gets the number of hits delivered. */
int hane_person_search(hane_db *db, const char *query, int limit, int offset,
		       int (*fn)(const struct hane_person_hit *hit, void *arg),
		       void *arg, int *total) HANE_WARN_UNUSED;

/* Number of persons in the registry (for the title line). */
int hane_person_count(hane_db *db, int64_t *count) HANE_WARN_UNUSED;

/* ---- Relations ---------------------------------------------------------- */

/* True if name is a HANE_RELATIONS name. */
bool hane_relation_valid(const char *name);
/* The relation's word in the current language ("eşi"); the name itself
 * when unknown. Also parses a Turkish or English word ("eşi", "spouse",
 * "es") back to the stored name: NULL when none matches. */
const char *hane_relation_label(const char *name);
const char *hane_relation_parse(const char *word);

/* "aktif"/"pasif" for "active"/"passive" in the current language. */
const char *hane_status_label(const char *status);

/* ---- Bulk writes (imports, demo data) ------------------------------------
 *
 * For many rows at once: statements are prepared once, ids are assigned in
 * order inside the one transaction the batch holds (so a head is written
 * with its household, without a second update), and instead of one audit
 * row per insert the batch writes ONE audit event at the end naming the
 * source, the counts and the id ranges it created. Every row still carries
 * created_at/created_by. Rules are the same as for single writes
 * (validation, permission household.write, the unique TC Kimlik No), but
 * the same-name-and-birth warning is not computed. */
typedef struct hane_hh_bulk hane_hh_bulk;

/* Begins a batch (and a transaction, nested in the caller's if any).
 * event names the audit event written at the end ("import", "demo"). */
int hane_hh_bulk_begin(hane_db *db, hane_hh_bulk **out,
		       const char *event) HANE_WARN_UNUSED;

/* A new household with head as its head; ids into *household_id and
 * *person_id (either may be NULL). A TC Kimlik No already registered is
 * HANE_EEXIST and nothing of the row is written; the batch goes on. */
int hane_hh_bulk_household(hane_hh_bulk *b, const struct hane_household *h,
			   const struct hane_person *head,
			   int64_t *household_id,
			   int64_t *person_id) HANE_WARN_UNUSED;

/* A member of p->household_id (relation not "head"; the household must
 * exist — it is not re-read, so pass one created in this batch or checked
 * before). */
int hane_hh_bulk_person(hane_hh_bulk *b, const struct hane_person *p,
			int64_t *person_id) HANE_WARN_UNUSED;

/* The import's mode, called right after hane_hh_bulk_begin: the caller
 * has already refused every TC Kimlik No that is registered or repeated
 * in the batch, so none is looked up again, and rows are held in memory
 * and written in groups, table by table (ids are still given at once).
 * Rows held are not in the database until hane_hh_bulk_flush (or the
 * end): flush before reading or changing them. *fresh tells whether the
 * registry had no household and no person: then the tables' secondary
 * indexes are dropped for the load and built again at the commit, inside
 * the same transaction (a rollback restores them), and nothing can be
 * registered already. */
int hane_hh_bulk_hold(hane_hh_bulk *b, bool *fresh) HANE_WARN_UNUSED;
int hane_hh_bulk_flush(hane_hh_bulk *b) HANE_WARN_UNUSED;

/* fn (may be NULL) is called between the steps of a committing end (each
 * deferred index built again); when it returns false the end stops, rolls
 * everything back and returns HANE_ECANCELED. */
void hane_hh_bulk_on_step(hane_hh_bulk *b, bool (*fn)(void *arg), void *arg);

/* Ends the batch: with commit, writes the audit event — counts and id
 * ranges, plus detail (JSON text such as {"file":"x.csv"}, may be NULL) —
 * and commits (the outermost level); otherwise rolls everything back.
 * Frees b; returns the commit's result. */
int hane_hh_bulk_end(hane_hh_bulk *b, bool commit, const char *detail);

/* ---- Demo data --------------------------------------------------------- */

/* Generates n households of realistic synthetic people (Turkish names,
 * checksum-valid TC Kimlik numbers that start with 9 and are not real
 * person numbers' range, İzmit mahalleler, sizes, incomes, disabilities),
 * deterministic for seed. Written in batches of transactions; progress
 * (may be NULL) is called now and then with households done so far. */
int hane_demo_generate(hane_db *db, int64_t n, uint64_t seed,
		       void (*progress)(int64_t done, int64_t total, void *arg),
		       void *arg) HANE_WARN_UNUSED;

#endif
