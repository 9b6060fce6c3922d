/* hane/overview.h — the directorate at a glance: the dashboard (this month
 * and this year per unit, 12-month charts, the work that is waiting), the
 * annual activity report (every figure with the query that produced it),
 * one household across all units (the 360 timeline), cross-unit duplicate
 * persons with an audited, undoable field-by-field merge, and a generator
 * of a year of activity for demonstrations and tests.
 *
 * The overview only reads the units' tables (through the store) except for
 * the merge, which writes through audited writes and keeps every value it
 * replaced in overview_merge so that it can be undone. The chart renderer
 * is pure (no curses, no database): the console draws the text it makes.
 * Errors: 0 or a negative HANE_E… with hane_error_last() set.
 */
#ifndef HANE_OVERVIEW_H
#define HANE_OVERVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/store.h"

/* ---- Units ---------------------------------------------------------------- */

enum hane_ov_unit {
	HANE_OV_INSPECTION,
	HANE_OV_FOODBANK,
	HANE_OV_HOMECARE,
	HANE_OV_TAXI,
	HANE_OV_CLOTHING,
	HANE_OV_VETERANS,
	HANE_OV_KITCHEN,
	HANE_OV_CENTRES,
	HANE_OV__UNITS,
	HANE_OV_ALL = -1 /* a filter: every unit; a figure: the directorate */
};

/* "inspection", "foodbank", "homecare", "taxi", "clothing", "veterans",
 * "kitchen", "centres" (static; "all" for HANE_OV_ALL), and the unit's name
 * in the current language. */
const char *hane_overview_unit_code(int unit);
const char *hane_overview_unit_label(int unit);
/* A code or a Turkish/English word typed any way ("gida", "taksi",
 * "homecare") → the unit; HANE_OV_ALL for "all"/"hepsi"/""; -2 when
 * nothing matches. */
int hane_overview_unit_parse(const char *word);

/* ---- Charts (pure) ---------------------------------------------------------- */

/* Whether the terminal can show the block characters ▁▂▃▄▅▆▇█: not when
 * HANE_ASCII is set to anything but "0", nor on TERM linux, vt100, vt220,
 * dumb, whose fonts lack them. Reads only the environment. */
bool hane_chart_unicode_ok(void);

/* A sparkline of v[0..n) into out: one column per value, zero (or less)
 * as the lowest step, the largest value as the highest and any other
 * value above zero at least one step up, with ▁▂▃▄▅▆▇█ or, without
 * unicode, the ASCII steps "_.:-=+*#". n columns wide; returns out. */
char *hane_chart_sparkline(char *out, size_t outsz, const int64_t *v, int n,
			   bool unicode);

/* A vertical bar chart of v[0..n) with labels[i] under each bar, at most
 * width columns wide and height + 1 lines tall (height lines of bars, one
 * of labels), lines ending in '\n', into out. A left gutter shows the
 * largest value at the top and 0 at the bottom (numbers with Turkish
 * thousands dots). Bars are drawn with █ and an eighth block on top
 * (▁…▇) or, without unicode, '#' and a '.' for a partial top. Every
 * non-zero value shows at least one mark. Returns the number of lines, or
 * HANE_EINVAL when the width cannot hold n bars (3 columns each + gutter)
 * or outsz is too small. */
int hane_chart_bars(char *out, size_t outsz, const int64_t *v,
		    const char *const *labels, int n, int width, int height,
		    bool unicode) HANE_WARN_UNUSED;

/* 1234567 → "1.234.567" into out (Turkish grouping). Returns out. */
char *hane_overview_num(char *out, size_t outsz, int64_t v);

/* ---- Dashboard -------------------------------------------------------------- */

#define HANE_OV_MONTHS 12

struct hane_ov_unit_stats {
	int64_t month;		 /* the unit's measure this month */
	int64_t year;		 /* … this year up to today */
	int64_t year_households; /* unduplicated households served this year */
	int64_t series[HANE_OV_MONTHS]; /* the last 12 months, oldest first */
};

struct hane_ov_dashboard {
	char today[HANE_DATE_LEN + 1];
	char months[HANE_OV_MONTHS][8]; /* "YYYY-MM" of each series entry */
	/* Measures: inspection visits made, food packages given, care and
	 * cleaning visits done, taxi trips done. */
	struct hane_ov_unit_stats unit[HANE_OV__UNITS];
	/* The work that is waiting. */
	int64_t insp_open, insp_overdue; /* open requests; past due date */
	int64_t food_unserved; /* referred households without a package in
				  food_days days */
	int food_days;
	int64_t care_today, care_missed;	/* planned today; missed, open
						   follow-up */
	int64_t taxi_tomorrow, taxi_no_vehicle; /* planned trips tomorrow;
						   of them without vehicle */
	/* The measures came from the running totals (migration 011), as
	 * they do when nothing counted lies after today; false: counted
	 * from the units' rows (a dashboard of a past day). */
	bool from_totals;
	/* Years the next 120 days reach whose religious holidays are not
	 * entered ("2028"; "" when none): the dashboard says so. */
	char holidays_missing[64];
};

/* Fills d for the day today (ISO; NULL or "" is hane_today()), with
 * food_days (<= 0: 30) as the "not served" limit. Needs report.run. */
int hane_overview_dashboard(hane_db *db, const char *today, int food_days,
			    struct hane_ov_dashboard *d) HANE_WARN_UNUSED;

/* The main menu's "Bugün" panel: up to max lines of text, each at most
 * cols columns, into lines[i] (each 256 bytes): waiting work and one
 * sparkline per unit. Returns the number of lines (0 when the actor may
 * not run reports or the database cannot answer: the panel then stays
 * as it was). */
int hane_overview_today_lines(hane_db *db, char (*lines)[256], int max,
			      int cols, bool unicode);

/* One more line of the panel in its layout: label, then value right-
 * aligned where the waiting work's numbers stand (the main menu's
 * "Kayıtlı kişi"). */
void hane_overview_today_row(char *out, size_t outsz, const char *label,
			     int64_t value);

/* ---- Annual activity report ------------------------------------------------------ */

struct hane_ov_figure {
	const char *id;	   /* stable name: "inspection.households" */
	int unit;	   /* enum hane_ov_unit, or HANE_OV_ALL */
	const char *title; /* in the current language (static) */
	bool money;	   /* value is kuruş */
	int64_t value;
	const char *sql;   /* the query that produced it (static; :year) */
	const char *check; /* the same figure counted from the units' rows
			      (static; :year), or NULL (see verify) */
};

/* Runs every figure of the annual report for year and calls fn for each
 * in report order; fn returning non-zero stops (and is returned). Needs
 * report.run; logs one "report" audit event naming the year. */
int hane_overview_annual(hane_db *db, int year,
			 int (*fn)(const struct hane_ov_figure *f, void *arg),
			 void *arg) HANE_WARN_UNUSED;

/* The value of one figure by id for year (HANE_ENOTFOUND: no such id). */
int hane_overview_figure(hane_db *db, int year, const char *id,
			 int64_t *value) HANE_WARN_UNUSED;

/* Compares every figure that has a check query with that query (the
 * figures are read from running totals kept by triggers, migration 011)
 * in one read transaction: fn (may be NULL) is called for each with the
 * value counted from the units' rows; *differ is how many differ.
 * A care or taxi household differs only when a person moved household
 * after being served (the totals keep the household of that day). The
 * persons in households served have no check: they are counted as each
 * household was when first served that year. Needs report.run. */
int hane_overview_verify(hane_db *db, int year,
			 int (*fn)(const struct hane_ov_figure *f, int64_t rows,
				   void *arg),
			 void *arg, int *differ) HANE_WARN_UNUSED;

/* Counts the running totals again from the units' rows, in one
 * transaction (the statements of migration 011). Household sizes are
 * taken as they are now. Needs maintenance (admin); audited. */
int hane_overview_rebuild(hane_db *db) HANE_WARN_UNUSED;

/* Writes the annual report as CSV to fp (borrowed): unit, figure id,
 * title, value (money in TL), and the query. flags: hane_csv_writer_flags.
 * Needs report.run and export (logged). */
int hane_overview_annual_csv(hane_db *db, int year, FILE *fp,
			     unsigned flags) HANE_WARN_UNUSED;

/* Writes the plain-text summary as the directorate publishes it, in the
 * current language ("2025 yılında 9.606 hanede sosyal inceleme
 * yapıldı…"; "In 2025, …"), to fp: a paragraph a unit with every figure
 * of the report in it, the directorate's last. With sql, each paragraph
 * is followed by the queries behind it. */
int hane_overview_annual_text(hane_db *db, int year, FILE *fp,
			      bool sql) HANE_WARN_UNUSED;

/* ---- Household 360 ------------------------------------------------------------------ */

struct hane_ov_event {
	char date[HANE_DATE_LEN + 1];
	char time[6];	   /* "HH:MM" or "" */
	int unit;	   /* enum hane_ov_unit */
	char kind[24];	   /* request, visit, decision, referral, package,
			      client, care, cleaning, trip */
	int64_t ref_id;	   /* the row in the unit's table */
	int64_t person_id; /* the member concerned, 0: the household */
	char who[2 * HANE_NAME_MAX];
	char what[512]; /* one line in the current language */
};

/* Calls fn for every event of household_id and its members in time order
 * (date, time, unit), only unit's when unit is not HANE_OV_ALL. A unit the
 * actor may not read is left out (*hidden, may be NULL, counts such
 * units). Needs household.read; logs a "person.view" style read event
 * "household.360". fn returning non-zero stops. */
int hane_overview_timeline(hane_db *db, int64_t household_id, int unit,
			   int (*fn)(const struct hane_ov_event *e, void *arg),
			   void *arg, int *hidden) HANE_WARN_UNUSED;

/* Writes the timeline as CSV (date, time, unit, kind, person, what) to fp
 * for a case review; needs export too (logged). *rows may be NULL. */
int hane_overview_timeline_csv(hane_db *db, int64_t household_id, int unit,
			       FILE *fp, unsigned flags,
			       int64_t *rows) HANE_WARN_UNUSED;

/* ---- Cross-unit duplicates --------------------------------------------------------- */

/* Persons with the same folded name and birth date (their TC Kimlik No
 * differs or one is missing), in pairs, a before b (a: the one with a
 * TC Kimlik No, else the older record). household.read. fn returning
 * non-zero stops. *total (may be NULL) counts the pairs delivered. */
int hane_overview_duplicates(hane_db *db,
			     int (*fn)(const struct hane_person *a,
				       const struct hane_person *b, void *arg),
			     void *arg, int *total) HANE_WARN_UNUSED;

/* The fields a merge decides one by one. */
#define HANE_OV_MERGE_FIELDS(X)                                                \
	X(TCKN, "tckn")                                                        \
	X(FIRST_NAME, "first_name")                                            \
	X(LAST_NAME, "last_name")                                              \
	X(BIRTH_DATE, "birth_date")                                            \
	X(SEX, "sex")                                                          \
	X(DISABILITY, "disability_pct")                                        \
	X(CHRONIC, "chronic_illness")                                          \
	X(PHONE, "phone")

enum hane_ov_merge_field {
#define HANE_X_(n, s) HANE_OV_MF_##n,
	HANE_OV_MERGE_FIELDS(HANE_X_)
#undef HANE_X_
		HANE_OV_MF__COUNT
};

/* The field's stored name ("tckn"), and a name back to the field (-1). */
const char *hane_overview_merge_field_name(int f);
int hane_overview_merge_field_parse(const char *name);

/* Which person each field is taken from: false keeps a's value, true
 * takes b's. hane_overview_merge_defaults() sets true exactly where a's
 * value is empty and b's is not. */
struct hane_ov_merge_plan {
	bool from_b[HANE_OV_MF__COUNT];
};
void hane_overview_merge_defaults(const struct hane_person *a,
				  const struct hane_person *b,
				  struct hane_ov_merge_plan *plan);

/* Merges person b into person a (household.write), in one transaction:
 * a takes the fields plan says, every row of the units that points at b
 * (care clients, taxi rider, food bank donor) is moved to a, and b is
 * deleted. Refused (HANE_EINVAL, saying why) when a and b are the same,
 * when both are taxi riders or open care clients, or when b heads a
 * household with other members (choose another head first); a b that
 * heads a household alone leaves it passive without a head. Everything
 * replaced is kept in overview_merge; *merge_id (may be NULL) gets the
 * log's id. Audited as usual, plus the event "person.merge". */
int hane_overview_merge(hane_db *db, int64_t a, int64_t b,
			const struct hane_ov_merge_plan *plan,
			int64_t *merge_id) HANE_WARN_UNUSED;

/* Undoes merge merge_id (household.write): b comes back with its id and
 * values, the moved rows point at b again, a gets its old values back.
 * HANE_ECONFLICT when a was changed after the merge (the screen says by
 * whom), HANE_EINVAL when already undone. Audited ("person.unmerge"). */
int hane_overview_merge_undo(hane_db *db, int64_t merge_id) HANE_WARN_UNUSED;

struct hane_ov_merge_entry {
	int64_t id;
	int64_t kept_id, merged_id;
	char kept_name[2 * HANE_NAME_MAX];
	char merged_name[2 * HANE_NAME_MAX];
	char fields[128]; /* fields taken from b, comma separated */
	int moved;	  /* unit rows moved to a */
	char at[20], by[64];
	char undone_at[20]; /* "" while in force */
};

/* The merges, newest first (household.read). */
int hane_overview_merges(hane_db *db,
			 int (*fn)(const struct hane_ov_merge_entry *m,
				   void *arg),
			 void *arg) HANE_WARN_UNUSED;

/* ---- A year of activity (demo data) ------------------------------------------------- */

/* What the generator made; the annual report for that year must show the
 * same numbers. Kept in overview_demo_run as well. */
struct hane_ov_demo_counts {
	int year;
	double scale;
	uint64_t seed;
	int64_t households_added; /* registry households it had to add */
	int64_t insp_requests, insp_visits, insp_decisions, insp_aid;
	int64_t insp_households; /* distinct households inspected */
	int64_t food_packages, food_households;
	int64_t food_donations, food_supplies; /* rows the food bank took in */
	int64_t food_short; /* packages given from a short stock (0) */
	int64_t care_visits, care_persons;
	int64_t cleaning_visits, cleaning_persons;
	int64_t taxi_appointments, taxi_trips, taxi_riders;
	/* Dost Eller: distinct persons given clothes, issues, donations. */
	int64_t clothing_persons, clothing_issues, clothing_donations;
	/* The veterans unit's year, and its visits from 2022 through it
	 * (the run records the three years before as history). */
	int64_t vet_martyr, vet_anti_terror, vet_cyprus, vet_households;
	int64_t vet_visits, vet_since_2022, vet_gifts;
	int64_t kitchen_portions;   /* every count of the kitchen's tally */
	int64_t kitchen_households; /* put on the home-meal roster */
	/* Merkezler: the figures of #19 it made (the annual report's ids
	 * with "ce_" for "centres."), and the sessions and bookings. */
	int64_t ce_cinar_members, ce_cinar_visits, ce_alz_new, ce_alz_members;
	int64_t ce_otizm_served, ce_otizm_direct, ce_yde_students;
	int64_t ce_km_students, ce_km_sessions, ce_km_attended, ce_km_no_shows;
	int64_t ce_employed;
	char missing[256]; /* units it could not fill, and why */
};

/* The counts per unit as "inspection.visits=9606\n" lines (what the
 * command prints and overview_demo_run keeps); returns out. */
char *hane_overview_demo_counts_text(char *out, size_t outsz,
				     const struct hane_ov_demo_counts *c);

/* Generates a year of activity for year at scale (1.0 ≈ İzmit 2025:
 * 9,606 inspections, 3,046 households given food, 2,530 care visits to
 * 211 persons, 1,667 cleanings for 191, 441 taxi appointments with 882
 * trips; the food bank's donations on the branches' collection days and
 * the seven markets' weekly supplies, 60,000–80,000 TL a week, sized so
 * no branch's stock goes below zero; the Aşevi's portions: 239,000 cups
 * of morning soup, 60,000 hot meals … each figure of #20 exactly, spread
 * over the working days, and a home-meal roster), deterministic for seed,
 * through the units' model functions (every rule and audit applies),
 * adding demo households first when the registry is too small. Dates stay
 * before today. Staff, caregivers, vehicles it needs are added once
 * ("demo-…"). progress may be NULL. Needs an administrator. */
int hane_overview_demo_year(hane_db *db, int year, double scale, uint64_t seed,
			    struct hane_ov_demo_counts *out,
			    void (*progress)(const char *stage, int64_t done,
					     int64_t total, void *arg),
			    void *arg) HANE_WARN_UNUSED;

/* The same for some units only: units is a mask of 1 << HANE_OV_… (0:
 * all). The food bank's model checks the branch's whole stock history
 * for every package, so at large scales it is by far the slowest. */
int hane_overview_demo_year_units(hane_db *db, int year, double scale,
				  uint64_t seed, unsigned units,
				  struct hane_ov_demo_counts *out,
				  void (*progress)(const char *stage,
						   int64_t done, int64_t total,
						   void *arg),
				  void *arg) HANE_WARN_UNUSED;

/* ---- Screens (src/units/overview/ui_overview.c, in hane_ui) ------------------------ */

struct hane_ui;
struct hane_ui_detail;
/* The dashboard (main menu row and the first screen of the overview). */
int hane_ui_overview_main(struct hane_ui *ui);
/* The annual report screen for a year (0: last year). */
int hane_ui_overview_annual(struct hane_ui *ui, int year);
/* Household 360 for one household. */
int hane_ui_overview_household(struct hane_ui *ui, int64_t household_id);
/* The duplicates list with merge and undo. */
int hane_ui_overview_duplicates(struct hane_ui *ui);

#endif
