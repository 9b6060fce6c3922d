/* hane/kitchen.h — Aşevi (the soup kitchen): the daily tally of what was
 * served, and the roster of households that receive meals at home.
 *
 * The kitchen counts portions, not persons: a day's tally is one number
 * per channel (sabah ikramı, sıcak yemek, mobil ikram aracı, mahalle
 * mutfağı …) and item (çorba in bardak, kek in dilim …). Channels and
 * items are reference lists an administrator of the unit extends
 * (kitchen.admin); their codes never change once made, because the
 * running totals of the annual report are kept by code (migration 014).
 *
 * The rules live here so the console, the CLI and the importer agree:
 *  - a tally row is one date × channel × item with a count (0 or more);
 *    a later save of the same cell replaces the count, versioned and
 *    audited; a day's grid is saved in one transaction, and a cell that
 *    someone else saved since the grid was read is a conflict
 *    (HANE_ECONFLICT naming who), never a silent overwrite;
 *  - no tally for a day still to come;
 *  - a home-meal roster entry links a registry household with a start
 *    and (optional) end date and a note; one household has at most one
 *    open entry; the household counts among the directorate's
 *    unduplicated households in every year it is on the roster.
 *
 * The roster is personal data (which household gets meals at home; the
 * note may hold health details: masked by the gate); the tally is not.
 * Every function checks its permission first (kitchen.read,
 * kitchen.write, kitchen.admin). Errors: 0 or a negative HANE_E… with
 * hane_error_last() saying what was wrong in the current language.
 */
#ifndef HANE_KITCHEN_H
#define HANE_KITCHEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/households_csv.h"
#include "hane/record.h"
#include "hane/store.h"

#define HANE_KITCHEN_CODE 32
#define HANE_KITCHEN_NAME 96
#define HANE_KITCHEN_UNIT 16
#define HANE_KITCHEN_NOTE 256
/* The most channels and items a day's grid holds. */
#define HANE_KITCHEN_MAX_CHANNELS 16
#define HANE_KITCHEN_MAX_ITEMS 24

/* ---- Channels and items (reference lists) -------------------------------- */

struct hane_kitchen_channel {
	int64_t id;
	int64_t version;
	char code[HANE_KITCHEN_CODE]; /* "morning": fixed once made */
	char name[HANE_KITCHEN_NAME]; /* "Sabah ikramı" */
	int sort;		      /* order on screen and in reports */
	bool active;
};

struct hane_kitchen_item {
	int64_t id;
	int64_t version;
	char code[HANE_KITCHEN_CODE];
	char name[HANE_KITCHEN_NAME];
	char unit[HANE_KITCHEN_UNIT]; /* bardak, öğün, dilim, kase, tabak,
					 adet */
	int sort;
	bool active;
};

/* The stored fields (hane/record.h): F(member = column, type, option,
 * label tr, label en, more CSV titles, flags). */
#define HANE_KITCHEN_CHANNEL_FIELDS(F)                                         \
	F(code, HANE_FT_TEXT, "code", "Kod", "Code", "kod|code",               \
	  HANE_FF_REQUIRED)                                                    \
	F(name, HANE_FT_TEXT, "name", "Ad", "Name", "kanal|channel",           \
	  HANE_FF_REQUIRED)                                                    \
	F(sort, HANE_FT_INT, "sort", "Sıra", "Order", NULL, 0)                 \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)
#define HANE_KITCHEN_ITEM_FIELDS(F)                                            \
	F(code, HANE_FT_TEXT, "code", "Kod", "Code", "kod|code",               \
	  HANE_FF_REQUIRED)                                                    \
	F(name, HANE_FT_TEXT, "name", "Ad", "Name", "kalem|item",              \
	  HANE_FF_REQUIRED)                                                    \
	F(unit, HANE_FT_TEXT, "unit", "Birim", "Unit", "birim|unit",           \
	  HANE_FF_REQUIRED)                                                    \
	F(sort, HANE_FT_INT, "sort", "Sıra", "Order", NULL, 0)                 \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)

/* The units an item may be counted in (NULL-terminated, static). */
const char *const *hane_kitchen_units(void);
/* A stored unit ("öğün") in the current language ("meal"); the unit
 * itself when it is none of them. */
const char *hane_kitchen_unit_word(const char *unit);

/* Adds (id 0) or changes a channel or an item (kitchen.admin, audited).
 * The code is lower-case letters, digits and '_' and cannot change once
 * made (the running totals are kept by it); the name is required; an
 * item's unit is one of hane_kitchen_units(). *id may be NULL. */
int hane_kitchen_channel_save(hane_db *db, struct hane_kitchen_channel *c,
			      int64_t *id) HANE_WARN_UNUSED;
int hane_kitchen_item_save(hane_db *db, struct hane_kitchen_item *it,
			   int64_t *id) HANE_WARN_UNUSED;

/* A channel or an item by its code, its name typed any way ("sabah
 * ikrami"), or its id as digits (kitchen.read). HANE_ENOTFOUND naming
 * what was looked for. */
int hane_kitchen_channel_find(hane_db *db, const char *key,
			      struct hane_kitchen_channel *out)
	HANE_WARN_UNUSED;
int hane_kitchen_item_find(hane_db *db, const char *key,
			   struct hane_kitchen_item *out) HANE_WARN_UNUSED;

/* Every channel or item (only the active ones when active_only) in their
 * order (kitchen.read). fn returning non-zero stops. */
int hane_kitchen_channels(hane_db *db, bool active_only,
			  int (*fn)(const struct hane_kitchen_channel *c,
				    void *arg),
			  void *arg) HANE_WARN_UNUSED;
int hane_kitchen_items(hane_db *db, bool active_only,
		       int (*fn)(const struct hane_kitchen_item *it, void *arg),
		       void *arg) HANE_WARN_UNUSED;

/* ---- The daily tally ------------------------------------------------------- */

struct hane_kitchen_tally {
	int64_t id;
	int64_t version;
	char date[HANE_DATE_LEN + 1];
	int64_t channel_id;
	int64_t item_id;
	int64_t count;
};

#define HANE_KITCHEN_TALLY_FIELDS(F)                                           \
	F(date, HANE_FT_DATE, "date", "Tarih", "Date", "tarih|date",           \
	  HANE_FF_REQUIRED)                                                    \
	F(channel_id, HANE_FT_REF, NULL, "Kanal", "Channel", NULL,             \
	  HANE_FF_REQUIRED)                                                    \
	F(item_id, HANE_FT_REF, NULL, "Kalem", "Item", NULL, HANE_FF_REQUIRED) \
	F(count, HANE_FT_INT, "count", "Adet", "Count", "adet|sayı|count", 0)

/* One day's grid: the channels (rows) and items (columns) in order, and
 * per cell the count with the row's id and version as read (0: no row
 * then). The active channels and items, and any inactive one that has a
 * count on that day. */
struct hane_kitchen_day {
	char date[HANE_DATE_LEN + 1];
	size_t nch, nit;
	struct hane_kitchen_channel ch[HANE_KITCHEN_MAX_CHANNELS];
	struct hane_kitchen_item it[HANE_KITCHEN_MAX_ITEMS];
	int64_t count[HANE_KITCHEN_MAX_CHANNELS][HANE_KITCHEN_MAX_ITEMS];
	int64_t id[HANE_KITCHEN_MAX_CHANNELS][HANE_KITCHEN_MAX_ITEMS];
	int64_t version[HANE_KITCHEN_MAX_CHANNELS][HANE_KITCHEN_MAX_ITEMS];
};

/* Reads the grid of date (ISO; kitchen.read) into *day. */
int hane_kitchen_day_load(hane_db *db, const char *date,
			  struct hane_kitchen_day *day) HANE_WARN_UNUSED;

/* The day's total of channel row r (r < nch) or item column c, and of the
 * whole day. Pure. */
int64_t hane_kitchen_day_row(const struct hane_kitchen_day *day, size_t r);
int64_t hane_kitchen_day_col(const struct hane_kitchen_day *day, size_t c);
int64_t hane_kitchen_day_total(const struct hane_kitchen_day *day);

/* Saves every cell of the grid that differs from what is stored, in one
 * transaction (kitchen.write, audited): a cell with no row and a count
 * of 0 stays without one. A cell changed by someone else since the grid
 * was read is HANE_ECONFLICT (nothing saved; hane_store_last_conflict()
 * says who); a negative count or a day to come is HANE_EINVAL. After a
 * save *day is read again. *changed (may be NULL) counts the cells
 * written. */
int hane_kitchen_day_save(hane_db *db, struct hane_kitchen_day *day,
			  int *changed) HANE_WARN_UNUSED;

/* Sets one cell: the count of item on date for channel (keys as
 * hane_kitchen_channel_find/item_find), replacing what was there
 * (kitchen.write, audited). *replaced (may be NULL) gets the count that
 * was there, -1 when none. */
int hane_kitchen_tally_set(hane_db *db, const char *date, const char *channel,
			   const char *item, int64_t count,
			   int64_t *replaced) HANE_WARN_UNUSED;

/* One line of a period's totals: a channel × item that has a count. */
struct hane_kitchen_total {
	char channel_code[HANE_KITCHEN_CODE];
	char channel[HANE_KITCHEN_NAME];
	char item_code[HANE_KITCHEN_CODE];
	char item[HANE_KITCHEN_NAME];
	char unit[HANE_KITCHEN_UNIT];
	int64_t count; /* the sum over the period */
	int days;      /* days with a count above 0 */
};

/* The totals of each channel × item between from and to (ISO, both
 * included), in the lists' order (kitchen.read). fn returning non-zero
 * stops. For a month: from "2025-06-01", to "2025-06-31" will do. */
int hane_kitchen_totals(hane_db *db, const char *from, const char *to,
			int (*fn)(const struct hane_kitchen_total *t,
				  void *arg),
			void *arg) HANE_WARN_UNUSED;

/* "2025-06", "06.2025", "6.2025" → from and to of that month; "2025" →
 * the year. HANE_EINVAL when it is neither. Pure. */
int hane_kitchen_period(const char *s, char from[HANE_DATE_LEN + 1],
			char to[HANE_DATE_LEN + 1]) HANE_WARN_UNUSED;

/* Imports the kitchen's daily sheets: one row per date × channel × item
 * (Tarih; Kanal; Kalem; Adet — the titles as the sheets write them), each
 * row setting its cell as hane_kitchen_tally_set does, in one
 * transaction (kitchen.write). Turkish Excel files (';', cp1254 or UTF-8
 * with BOM, dd.mm.yyyy) as the household import reads them; a bad row is
 * rejected naming its line and field, the dry run and rejects file as
 * there. counts->created counts cells written. */
int hane_kitchen_import(hane_db *db, const char *path,
			const struct hane_import_opts *opts,
			struct hane_import_counts *counts) HANE_WARN_UNUSED;

/* ---- Home-meal roster (personal) --------------------------------------------- */

struct hane_kitchen_home {
	int64_t id;
	int64_t version;
	int64_t household_id;
	char start_date[HANE_DATE_LEN + 1];
	char end_date[HANE_DATE_LEN + 1]; /* "" open */
	char note[HANE_KITCHEN_NOTE];
	char head[2 * HANE_NAME_MAX]; /* the head's name (read) */
	char mahalle[HANE_NAME_MAX];  /* (read) */
};

#define HANE_KITCHEN_HOME_FIELDS(F)                                            \
	F(household_id, HANE_FT_REF, "household", "Hane", "Household",         \
	  "hane|household", HANE_FF_REQUIRED)                                  \
	F(start_date, HANE_FT_DATE, "start", "Başlangıç", "Start",             \
	  "başlangıç|start", HANE_FF_REQUIRED)                                 \
	F(end_date, HANE_FT_DATE, "end", "Bitiş", "End", "bitiş|end",          \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(note, HANE_FT_TEXT, "note", "Not", "Note", "not|note",               \
	  HANE_FF_EMPTY_NULL | HANE_FF_PERSONAL | HANE_FF_MASKED)

/* The unit's records (registered in src/units/records.def; the roster's
 * for the console's roster screen). */
extern const struct hane_rdef hane_kitchen_channel_rdef, hane_kitchen_item_rdef,
	hane_kitchen_tally_rdef, hane_kitchen_home_rdef;

/* Adds (id 0) or changes a roster entry (kitchen.write, audited): the
 * household must exist, start is required (today when empty), end not
 * before start; a second open entry of one household is refused naming
 * the first. *id may be NULL. */
int hane_kitchen_home_save(hane_db *db, struct hane_kitchen_home *h,
			   int64_t *id) HANE_WARN_UNUSED;

/* Ends entry id on end (ISO; "" or NULL: today) (kitchen.write). */
int hane_kitchen_home_end(hane_db *db, int64_t id,
			  const char *end) HANE_WARN_UNUSED;

/* One entry (kitchen.read); logs the view ("kitchen.home.view"). */
int hane_kitchen_home_get(hane_db *db, int64_t id,
			  struct hane_kitchen_home *out) HANE_WARN_UNUSED;

/* The entries active on day (ISO; NULL or "": every entry), newest start
 * first, of one household when household_id is not 0 (kitchen.read; logs
 * the list, "kitchen.home.list"). fn returning non-zero stops. */
int hane_kitchen_homes(hane_db *db, const char *day, int64_t household_id,
		       int (*fn)(const struct hane_kitchen_home *h, void *arg),
		       void *arg) HANE_WARN_UNUSED;

/* ---- Screens (src/units/kitchen/ui_kitchen.c, in hane_ui) ----------------- */

struct hane_ui;
struct hane_ui_detail;
/* The unit's main screen (main menu row): the day's grid, the month. */
int hane_ui_kitchen_main(struct hane_ui *ui);
/* A household's services panel: its home-meal entry, if any (for whoever
 * may read the kitchen). */
void hane_ui_kitchen_services(struct hane_ui *ui, int64_t household_id,
			      struct hane_ui_detail *d);

#endif
