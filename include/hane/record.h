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
};

/* Expands one F(...) row of a unit's X-macro for struct type S. */
#define HANE_FDEF(S, col, type, opt, tr, en, titles, flags)                    \
	{#col, (type),	 offsetof(S, col), sizeof(((S *)0)->col), (opt), (tr), \
	 (en), (titles), (flags)},

#endif
