/* hane/record.h — records as field tables (ARCHITECTURE.md "Records as
 * field tables", #18).
 *
 * A stored record is described once, in its unit's public header, as an
 * X-macro of fields. Shared code reads the table: store gets, lists and
 * saves the record; the ui toolkit binds a form to it; the CLI applies
 * `--option value` by the field's type; importers take their column titles
 * from it; retention and merge walk the personal-data and person-reference
 * flags of every registered table. Rules and queries with joins stay in the
 * unit's model: the table only moves data.
 *
 * A unit writes, in its public header:
 *
 *	#define HANE_VEHICLE_FIELDS(F)                                   \
 *		F(plate, HANE_FT_TEXT, "plate", "Plaka", "Plate",         \
 *		  "plaka|plate", HANE_FF_REQUIRED)                         \
 *		F(seats, HANE_FT_INT, "seats", "Koltuk", "Seats",         \
 *		  "koltuk|seats", 0)
 *
 * and, once, in its model:
 *
 *	#define F(...) HANE_FDEF(struct hane_vehicle, __VA_ARGS__)
 *	static const struct hane_fdef vehicle_fields[] = {
 *		HANE_VEHICLE_FIELDS(F)};
 *	#undef F
 */
#ifndef HANE_RECORD_H
#define HANE_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "hane/store.h"

/* What a field holds; decides how it is stored, parsed from an option or
 * a CSV cell, shown and edited. */
enum hane_ftype {
	HANE_FT_TEXT,  /* char[]; "" is NULL when HANE_FF_EMPTY_NULL */
	HANE_FT_INT,   /* int or int64_t (by the member's size) */
	HANE_FT_MONEY, /* int64_t kuruş; -1 unknown; "1.234,50" on screen */
	HANE_FT_DATE,  /* char[11] ISO; dd.mm.yyyy on screen and in options */
	HANE_FT_PHONE, /* char[] E.164; any Turkish form in */
	HANE_FT_BOOL,  /* int 0/1; evet/hayır, yes/no, 1/0 */
	HANE_FT_TCKN,  /* char[12]; checksum-checked */
	HANE_FT_REF,   /* int64_t id of another record (0 = none → NULL) */
};

/* Flags of a field. */
enum hane_fflag {
	HANE_FF_REQUIRED = 1u << 0,   /* empty is refused, naming the field */
	HANE_FF_PERSONAL = 1u << 1,   /* personal data (KVKK): masked by the
					 gate, erased by retention */
	HANE_FF_PERSON_REF = 1u << 2, /* refers to person.id: merge moves it,
					 retention counts it as a service */
	HANE_FF_EMPTY_NULL = 1u << 3, /* "" / 0 / -1 is stored as NULL */
	HANE_FF_READONLY = 1u << 4,   /* shown, never written by save */
	HANE_FF_MASKED = 1u << 5,     /* masked in outputs for a role that
					 may not see it in full (exports):
					 TC Kimlik No and phones in part,
					 text as "***" */
	HANE_FF_NOCSV = 1u << 6,      /* not a column of exports/imports */
};

/* One field of a record: the column is also the struct member. */
struct hane_fdef {
	const char *column;
	enum hane_ftype type;
	size_t offset;	      /* of the member in the record's struct */
	size_t size;	      /* of the member */
	const char *option;   /* CLI long option without "--", or NULL */
	const char *label_tr; /* form label and CSV title, Turkish */
	const char *label_en;
	const char *titles; /* more CSV titles accepted, '|'-separated */
	unsigned flags;	    /* enum hane_fflag */
	const char *expr;   /* read-only SQL for the value (a lookup in
			       another table, on alias t), or NULL: column */
};

/* Expands one F(...) row of a unit's X-macro for struct type S. */
#define HANE_FDEF(S, col, type, opt, tr, en, titles, flags)                    \
	{#col,                                                                 \
	 (type),                                                               \
	 offsetof(S, col),                                                     \
	 sizeof(((S *)0)->col),                                                \
	 (opt),                                                                \
	 (tr),                                                                 \
	 (en),                                                                 \
	 (titles),                                                             \
	 (flags),                                                              \
	 NULL},

/* A read-only field computed by expr over the row (alias t), e.g. the
 * name of a referenced record: "(SELECT full_name FROM taxi_driver d
 * WHERE d.id = t.driver_id)". Never written. */
#define HANE_FDEF_SQL(S, col, type, expr, tr, en)                              \
	{#col,                                                                 \
	 (type),                                                               \
	 offsetof(S, col),                                                     \
	 sizeof(((S *)0)->col),                                                \
	 NULL,                                                                 \
	 (tr),                                                                 \
	 (en),                                                                 \
	 NULL,                                                                 \
	 HANE_FF_READONLY | HANE_FF_NOCSV,                                     \
	 (expr)},

/* A column known only to retention and merge: a table whose unit has not
 * moved onto the descriptor yet lists its personal-data and person-
 * reference columns this way (no struct: size 0, offset 0). */
#define HANE_FDEF_COL(col, type, flags)                                        \
	{#col, (type), 0, 0, NULL, NULL, NULL, NULL, (flags), NULL},

/* Where a record's struct keeps what every stored row has. */
#define HANE_RNONE ((size_t)-1) /* the struct has no such member */

/* One stored record: its table and the struct it is read into. */
struct hane_rdef {
	const char *table; /* constant [a-z_0-9]+; aliased t in SQL */
	const char *unit;  /* "taxi", "households"…: for messages and lists */
	size_t size;	   /* of the struct; 0: columns only (see above) */
	size_t id, version;		/* int64_t members */
	size_t updated_at, updated_by;	/* char[] members, or HANE_RNONE */
	const struct hane_fdef *fields; /* every column but the five above */
	size_t nfields;
};

/* A record whose struct S has int64_t id and version. */
#define HANE_RDEF(S, tbl, unitname, fieldarr)                                  \
	{                                                                      \
		(tbl), (unitname), sizeof(S), offsetof(S, id),                 \
			offsetof(S, version), HANE_RNONE, HANE_RNONE,          \
			(fieldarr), sizeof(fieldarr) / sizeof((fieldarr)[0])   \
	}
/* … which also keeps who changed it last and when (char[20], char[64]). */
#define HANE_RDEF_STAMPED(S, tbl, unitname, fieldarr)                          \
	{                                                                      \
		(tbl), (unitname), sizeof(S), offsetof(S, id),                 \
			offsetof(S, version), offsetof(S, updated_at),         \
			offsetof(S, updated_by), (fieldarr),                   \
			sizeof(fieldarr) / sizeof((fieldarr)[0])               \
	}
/* A table described for retention and merge only. */
#define HANE_RDEF_COLS(tbl, unitname, fieldarr)                                \
	{                                                                      \
		(tbl), (unitname), 0, HANE_RNONE, HANE_RNONE, HANE_RNONE,      \
			HANE_RNONE, (fieldarr),                                \
			sizeof(fieldarr) / sizeof((fieldarr)[0])               \
	}

/* ---- Store: moving records (src/store/record.c) ---------------------------
 * Permission checks and validation stay in the unit's model, which calls
 * these. Errors as in store.h; the messages name no record: the model
 * replaces them where it has a better one ("Araç bulunamadı: 3"). */

/* Reads row id of def's table into out (def->size bytes).
 * HANE_ENOTFOUND when there is no such row. */
int hane_record_get(hane_db *db, const struct hane_rdef *def, int64_t id,
		    void *out) HANE_WARN_UNUSED;

/* hane_record_get whose HANE_ENOTFOUND says missing, a format taking
 * the id as a long long ("Araç bulunamadı: %lld"). */
int hane_record_get_or(hane_db *db, const struct hane_rdef *def, int64_t id,
		       const char *missing, void *out) HANE_WARN_UNUSED;

/* Calls fn for every row of "SELECT … FROM table t" + tail, where tail is
 * constant SQL (" WHERE t.active = 1 ORDER BY t.name"); bind (may be NULL)
 * binds tail's named parameters. fn returning non-zero stops the walk
 * and is returned. The record passed to fn is valid during the call. */
int hane_record_each(hane_db *db, const struct hane_rdef *def, const char *tail,
		     int (*bind)(hane_stmt *st, void *arg),
		     int (*fn)(const void *rec, void *arg),
		     void *arg) HANE_WARN_UNUSED;

/* The first row of hane_record_each's query into out: HANE_ENOTFOUND
 * when there is none (e.g. tail " WHERE t.plate = :p"). */
int hane_record_find(hane_db *db, const struct hane_rdef *def, const char *tail,
		     int (*bind)(hane_stmt *st, void *arg), void *arg,
		     void *out) HANE_WARN_UNUSED;

/* hane_record_each and hane_record_find with tail's named parameters
 * p[0..n) bound as hane_store_each binds them (HANE_FINT(":b", 3)). */
int hane_record_list(hane_db *db, const struct hane_rdef *def, const char *tail,
		     const struct hane_field *p, size_t n,
		     int (*fn)(const void *rec, void *arg),
		     void *arg) HANE_WARN_UNUSED;
int hane_record_first(hane_db *db, const struct hane_rdef *def,
		      const char *tail, const struct hane_field *p, size_t n,
		      void *out) HANE_WARN_UNUSED;

/* For a model whose walk takes a typed fn(const T *, void *): defines
 * struct NAME_each {fn, arg} and NAME_call, the hane_record_each callback
 * that hands the record to e->fn as a const T * and returns fn's result
 * (so a stop is passed on as it is). Casting fn to int (*)(const void *,
 * void *) instead would call it through an incompatible type (C11
 * 6.5.2.2p9). Use:
 *	HANE_RECORD_EACH_FN(driver, struct hane_taxi_driver)
 *	struct driver_each e = {fn, arg};
 *	return hane_record_list(db, &rdef, tail, NULL, 0, driver_call, &e); */
#define HANE_RECORD_EACH_FN(NAME, T)                                           \
	struct NAME##_each {                                                   \
		int (*fn)(const T *rec, void *arg);                            \
		void *arg;                                                     \
	};                                                                     \
	static int NAME##_call(const void *rec, void *arg)                     \
	{                                                                      \
		const struct NAME##_each *e = arg;                             \
                                                                               \
		return e->fn(rec, e->arg);                                     \
	}

/* Inserts rec when its id is 0 (then sets its id), otherwise updates row
 * id if its version is still rec's (HANE_ECONFLICT otherwise), both with
 * the audit, through hane_store_insert/update. Every field but the
 * read-only ones is written: text as is, or NULL when empty and
 * HANE_FF_EMPTY_NULL; int by the member's size (negative → NULL with
 * HANE_FF_EMPTY_NULL); money -1 → NULL; bool 0/1; ref 0 → NULL. changed
 * (may be NULL) as hane_store_update's. The struct is not read back. */
int hane_record_save(hane_db *db, const struct hane_rdef *def, void *rec,
		     int *changed) HANE_WARN_UNUSED;

/* hane_record_save, with more columns the model derives (search keys) or
 * sets apart from the struct (a person's household on insert), written
 * and audited with the rest. */
int hane_record_save_with(hane_db *db, const struct hane_rdef *def, void *rec,
			  const struct hane_field *more, size_t nmore,
			  int *changed) HANE_WARN_UNUSED;

/* One field's value in rec as save writes it (named by its column), and
 * column col of a statement's row read into rec's member: for a model
 * that keeps copies of a record in columns of its own (a merge's a_…,
 * b_… copies of two persons). */
struct hane_field hane_record_value(const struct hane_fdef *f, const void *rec);
void hane_record_column(const struct hane_fdef *f, void *rec, hane_stmt *st,
			int col);

/* ---- The registry (src/units/records.c, fed by src/units/records.def) ---- */

/* Every stored record's descriptor: the units', then those added with
 * hane_record_register(); NULL past the end. Retention and merge walk
 * these. */
const struct hane_rdef *hane_record_def(size_t i);

/* Adds a descriptor (kept, not copied) for the rest of the process: a
 * test's fake unit. HANE_ENOMEM when the list (16) is full. */
int hane_record_register(const struct hane_rdef *def) HANE_WARN_UNUSED;

/* The descriptor of table, or NULL. */
const struct hane_rdef *hane_record_by_table(const char *table);

/* ---- One field by its column (src/store/record_field.c) ---- */

/* The field of def whose column is column; one not in the table is a
 * broken invariant (hane_die). */
const struct hane_fdef *hane_record_field(const struct hane_rdef *def,
					  const char *column);

#endif
