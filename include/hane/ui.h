/* hane/ui.h — the console (ncursesw toolkit and the units' screens).
 *
 * The only public door to curses code. The CLI calls hane_ui_main(), which
 * the console (src/console/shell.c, above the units) defines on the
 * toolkit's hane_ui_start()/hane_ui_stop(); a unit's screens
 * (src/units/<unit>/ui_*.c) use the widget API declared here and never curses
 * itself.
 *
 * Model: every widget runs its own modal loop (hane_ui_list_run(),
 * hane_ui_form_run(), the dialogs) and returns when the person leaves it.
 * The toolkit keeps the stack of open screens so that a terminal resize
 * redraws all of them; the title line, the status line and the function-key
 * bar are drawn by the toolkit from what the screen describes. Screens
 * describe columns, fields and actions as data; the toolkit draws them.
 *
 * Ownership: strings passed in are copied unless said otherwise; strings
 * returned are borrowed until the next call on the same object.
 */
#ifndef HANE_UI_H
#define HANE_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hane/core.h"
#include "hane/error.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/record.h"
#include "hane/store.h"

struct hane_ui_options {
	const char *db_label; /* shown in the title line (file name) */
};

/* Runs the console on an open database with the actor already set, until
 * the user quits. Restores the terminal on every exit path. Returns the
 * process exit status (0 normally). Defined by the console
 * (src/console/shell.c), not by the toolkit. */
int hane_ui_main(hane_db *db, const struct hane_ui_options *opt);

struct hane_ui;

/* Starts curses on the session of db (title from opt): NULL when out of
 * memory (said on stderr). hane_ui_stop restores the terminal and frees
 * the session. */
struct hane_ui *hane_ui_start(hane_db *db, const struct hane_ui_options *opt);
void hane_ui_stop(struct hane_ui *ui);

/* The global F3 (person search from any full screen that gives F3 no
 * meaning of its own): the toolkit knows no unit, so the console
 * registers what F3 opens. NULL: F3 is not global. */
void hane_ui_set_search(struct hane_ui *ui,
			int (*search)(struct hane_ui *ui, const char *query));

/* ---- Keys --------------------------------------------------------------- */

/* Keys as the toolkit reports them, free of curses. The F-keys arrive
 * whichever known sequence the terminal sends for them (xterm, PuTTY's
 * default and Linux modes, VT100/VT220, rxvt, the Linux console, screen and
 * tmux), whatever TERM claims. Esc is reported as soon as the terminal's
 * escape delay (50 ms) shows nothing follows it. For a terminal without
 * F-keys, Esc and a digit sent together (Alt+digit, or tmux's "Escape 2")
 * arrive as the F-key (0 = F10); an Esc typed on its own never waits for
 * one. A sequence no table knows is swallowed whole (the status line names
 * it), so its bytes never reach a field or a question. */
enum hane_ui_key {
	HANE_UI_K_NONE = 0,
	HANE_UI_K_CHAR, /* a printable character */
	HANE_UI_K_F1,
	HANE_UI_K_F2,
	HANE_UI_K_F3,
	HANE_UI_K_F4,
	HANE_UI_K_F5,
	HANE_UI_K_F6,
	HANE_UI_K_F7,
	HANE_UI_K_F8,
	HANE_UI_K_F9,
	HANE_UI_K_F10,
	HANE_UI_K_F11,
	HANE_UI_K_F12,
	HANE_UI_K_ENTER,
	HANE_UI_K_ESC,
	HANE_UI_K_TAB,
	HANE_UI_K_BTAB,
	HANE_UI_K_UP,
	HANE_UI_K_DOWN,
	HANE_UI_K_LEFT,
	HANE_UI_K_RIGHT,
	HANE_UI_K_PGUP,
	HANE_UI_K_PGDN,
	HANE_UI_K_HOME,
	HANE_UI_K_END,
	HANE_UI_K_BACKSPACE,
	HANE_UI_K_DELETE,
	HANE_UI_K_SPACE,
	HANE_UI_K_RESIZE,
	/* Line editing as in a shell (readline): Ctrl-U deletes what stands
	 * before the cursor, Ctrl-W the word before it. */
	HANE_UI_K_KILL_LINE,
	HANE_UI_K_KILL_WORD,
};

/* The key's name for the bar and the help screen ("F2", "Esc"). */
const char *hane_ui_key_name(enum hane_ui_key k);

/* ---- Actions: one X-macro drives the bar, the keys and F1 help ---------- */

/* X(NAME, key, bar label message, help message). Several actions may
 * share a key (F5 "Yeni" on a list, "Üye ekle" on a household); a screen
 * lists the actions it offers and the key picks the one it lists. */
#define HANE_UI_ACTIONS(X)                                                     \
	X(HELP, HANE_UI_K_F1, UI_ACT_HELP, UI_HLP_HELP)                        \
	X(SAVE, HANE_UI_K_F2, UI_ACT_SAVE, UI_HLP_SAVE)                        \
	X(SEARCH, HANE_UI_K_F3, UI_ACT_SEARCH, UI_HLP_SEARCH)                  \
	X(EDIT, HANE_UI_K_F4, UI_ACT_EDIT, UI_HLP_EDIT)                        \
	X(EDIT_HOUSEHOLD, HANE_UI_K_F4, UI_ACT_EDIT_HH, UI_HLP_EDIT_HH)        \
	X(NEW, HANE_UI_K_F5, UI_ACT_NEW, UI_HLP_NEW)                           \
	X(ADD_MEMBER, HANE_UI_K_F5, UI_ACT_ADD_MEMBER, UI_HLP_ADD_MEMBER)      \
	X(SORT, HANE_UI_K_F6, UI_ACT_SORT, UI_HLP_SORT)                        \
	X(MOVE, HANE_UI_K_F6, UI_ACT_MOVE, UI_HLP_MOVE)                        \
	X(STATUS, HANE_UI_K_F7, UI_ACT_STATUS, UI_HLP_STATUS)                  \
	X(DAY_PREV, HANE_UI_K_LEFT, HC_ACT_DAY_PREV, HC_HLP_DAY_PREV)          \
	X(DAY_NEXT, HANE_UI_K_RIGHT, HC_ACT_DAY_NEXT, HC_HLP_DAY_NEXT)         \
	X(HC_WORKER, HANE_UI_K_F6, HC_ACT_WORKER, HC_HLP_WORKER)               \
	X(HC_VIEW, HANE_UI_K_F7, HC_ACT_VIEW, HC_HLP_VIEW)                     \
	X(HC_WRITE, HANE_UI_K_F2, HC_ACT_WRITE, HC_HLP_WRITE)                  \
	X(HC_CLIENT_EDIT, HANE_UI_K_F4, UI_ACT_EDIT, HC_HLP_CLIENT_EDIT)       \
	X(HC_PLAN_NEW, HANE_UI_K_F5, HC_ACT_PLAN_NEW, HC_HLP_PLAN_NEW)         \
	X(HC_PLANS, HANE_UI_K_F6, HC_ACT_PLANS, HC_HLP_PLANS)                  \
	X(HC_CLIENT_END, HANE_UI_K_F8, HC_ACT_END, HC_HLP_END)                 \
	X(ITEM_EDIT, HANE_UI_K_F4, UI_ACT_EDIT, UI_HLP_ITEM_EDIT)              \
	X(ITEM_NEW, HANE_UI_K_F5, UI_ACT_NEW, UI_HLP_ITEM_NEW)                 \
	X(ITEM_ACTIVE, HANE_UI_K_F7, UI_ACT_ACTIVATE, UI_HLP_ITEM_ACTIVE)      \
	X(DELETE, HANE_UI_K_F8, UI_ACT_DELETE, UI_HLP_DELETE)                  \
	X(INSP_NEW, HANE_UI_K_F5, INSP_ACT_NEW, INSP_HLP_NEW)                  \
	X(INSP_QUEUE, HANE_UI_K_F7, INSP_ACT_QUEUE, INSP_HLP_QUEUE)            \
	X(INSP_ASSIGN, HANE_UI_K_F4, INSP_ACT_ASSIGN, INSP_HLP_ASSIGN)         \
	X(INSP_STEP, HANE_UI_K_F7, INSP_ACT_STEP, INSP_HLP_STEP)               \
	X(INSP_CANCEL, HANE_UI_K_F8, INSP_ACT_CANCEL, INSP_HLP_CANCEL)         \
	X(REVEAL, HANE_UI_K_F9, UI_ACT_REVEAL, UI_HLP_REVEAL)                  \
	X(LOCK, HANE_UI_K_F6, UI_ACT_LOCK, UI_HLP_LOCK)                        \
	X(ACTIVATE, HANE_UI_K_F7, UI_ACT_ACTIVATE, UI_HLP_ACTIVATE)            \
	X(PASSWORD, HANE_UI_K_F9, UI_ACT_PASSWORD, UI_HLP_PASSWORD)            \
	X(FILTER, HANE_UI_K_F7, UI_ACT_FILTER, UI_HLP_FILTER)                  \
	X(QUIT, HANE_UI_K_F10, UI_ACT_QUIT, UI_HLP_QUIT)                       \
	X(OPEN, HANE_UI_K_ENTER, UI_ACT_OPEN, UI_HLP_OPEN)                     \
	X(WHOLE, HANE_UI_K_ENTER, UI_ACT_WHOLE, UI_HLP_WHOLE)                  \
	X(CHOOSE, HANE_UI_K_ENTER, UI_ACT_CHOOSE, UI_HLP_CHOOSE)               \
	X(NEXT, HANE_UI_K_TAB, UI_ACT_NEXT, UI_HLP_NEXT)                       \
	X(BACK, HANE_UI_K_ESC, UI_ACT_BACK, UI_HLP_BACK)                       \
	X(EXPORT, HANE_UI_K_F2, UI_ACT_EXPORT, UI_HLP_EXPORT)                  \
	X(RUN_IMPORT, HANE_UI_K_F2, UI_ACT_IMPORT, UI_HLP_IMPORT)              \
	X(PATH, HANE_UI_K_F4, UI_ACT_PATH, UI_HLP_PATH)                        \
	X(UP, HANE_UI_K_BACKSPACE, UI_ACT_UP, UI_HLP_UP)                       \
	X(HH_360, HANE_UI_K_F2, UI_ACT_HH360, UI_HLP_HH360)                    \
	X(RUN, HANE_UI_K_F2, UI_ACT_RUN, UI_HLP_RUN)                           \
	X(STAFF_NEW, HANE_UI_K_F5, UI_ACT_NEW, UI_HLP_STAFF_NEW)               \
	X(TAXI_MANIFEST, HANE_UI_K_F2, TAXI_ACT_MANIFEST, TAXI_HLP_MANIFEST)   \
	X(TAXI_BOOK, HANE_UI_K_F5, TAXI_ACT_BOOK, TAXI_HLP_BOOK)               \
	X(TAXI_ASSIGN, HANE_UI_K_F6, TAXI_ACT_ASSIGN, TAXI_HLP_ASSIGN)         \
	X(TAXI_OUTCOME, HANE_UI_K_F7, TAXI_ACT_OUTCOME, TAXI_HLP_OUTCOME)      \
	X(TAXI_CANCEL, HANE_UI_K_F8, TAXI_ACT_CANCEL, TAXI_HLP_CANCEL)         \
	X(TAXI_HISTORY, HANE_UI_K_ENTER, TAXI_ACT_HISTORY, TAXI_HLP_HISTORY)   \
	X(REF_ALIAS, HANE_UI_K_F6, REF_ACT_ALIAS, REF_HLP_ALIAS)               \
	X(REF_NEW, HANE_UI_K_F5, UI_ACT_NEW, REF_HLP_NEW)                      \
	X(REF_RENAME, HANE_UI_K_F4, UI_ACT_EDIT, REF_HLP_RENAME)               \
	X(REF_HOLIDAY_NEW, HANE_UI_K_F5, UI_ACT_NEW, REF_HLP_HOLIDAY_NEW)      \
	X(REF_YEAR_PREV, HANE_UI_K_LEFT, REF_ACT_YEAR_PREV, REF_HLP_YEAR_PREV) \
	X(REF_YEAR_NEXT, HANE_UI_K_RIGHT, REF_ACT_YEAR_NEXT,                   \
	  REF_HLP_YEAR_NEXT)                                                   \
	X(KT_DAY_PREV, HANE_UI_K_PGUP, KT_ACT_DAY_PREV, KT_HLP_DAY_PREV)       \
	X(KT_DAY_NEXT, HANE_UI_K_PGDN, KT_ACT_DAY_NEXT, KT_HLP_DAY_NEXT)       \
	X(KT_MONTH_PREV, HANE_UI_K_LEFT, KT_ACT_MONTH_PREV, KT_HLP_MONTH_PREV) \
	X(KT_MONTH_NEXT, HANE_UI_K_RIGHT, KT_ACT_MONTH_NEXT,                   \
	  KT_HLP_MONTH_NEXT)                                                   \
	X(CEN_SITE, HANE_UI_K_F6, CU_ACT_SITE, CU_HLP_SITE)                    \
	X(CEN_CHECKIN, HANE_UI_K_ENTER, CU_ACT_CHECKIN, CU_HLP_CHECKIN)        \
	X(CEN_CHECKOUT, HANE_UI_K_F7, CU_ACT_CHECKOUT, CU_HLP_CHECKOUT)        \
	X(CEN_END, HANE_UI_K_F8, CU_ACT_END, CU_HLP_END)                       \
	X(CEN_APPLY, HANE_UI_K_F5, CU_ACT_APPLY, CU_HLP_APPLY)                 \
	X(CEN_DECIDE, HANE_UI_K_F7, CU_ACT_DECIDE, CU_HLP_DECIDE)              \
	X(CSP_WEEK_PREV, HANE_UI_K_LEFT, CSP_ACT_WEEK_PREV, CSP_HLP_WEEK_PREV) \
	X(CSP_WEEK_NEXT, HANE_UI_K_RIGHT, CSP_ACT_WEEK_NEXT,                   \
	  CSP_HLP_WEEK_NEXT)                                                   \
	X(CSP_SESSION_NEW, HANE_UI_K_F5, UI_ACT_NEW, CSP_HLP_SESSION_NEW)      \
	X(CSP_SESSION_CANCEL, HANE_UI_K_F8, CSP_ACT_CANCEL,                    \
	  CSP_HLP_SESSION_CANCEL)                                              \
	X(CSP_BOOK, HANE_UI_K_F5, CSP_ACT_BOOK, CSP_HLP_BOOK)                  \
	X(CSP_ATTENDED, HANE_UI_K_F6, CSP_ACT_ATTENDED, CSP_HLP_ATTENDED)      \
	X(CSP_NO_SHOW, HANE_UI_K_F7, CSP_ACT_NO_SHOW, CSP_HLP_NO_SHOW)         \
	X(CSP_BOOKING_CANCEL, HANE_UI_K_F8, CSP_ACT_CANCEL,                    \
	  CSP_HLP_BOOKING_CANCEL)                                              \
	X(CSP_PLACEMENT_NEW, HANE_UI_K_F5, UI_ACT_NEW, CSP_HLP_PLACEMENT_NEW)  \
	X(CSP_PLACEMENT_EDIT, HANE_UI_K_F4, CSP_ACT_PLACEMENT_EDIT,            \
	  CSP_HLP_PLACEMENT_EDIT)

enum hane_ui_action {
#define HANE_X_(name, key, label, help) HANE_UI_A_##name,
	HANE_UI_ACTIONS(HANE_X_)
#undef HANE_X_
		HANE_UI_A__COUNT
};

/* The key, bar label and help text of an action (static storage). */
enum hane_ui_key hane_ui_action_key(enum hane_ui_action a);
const char *hane_ui_action_label(enum hane_ui_action a);
const char *hane_ui_action_help(enum hane_ui_action a);

/* The action among acts[0..n) bound to key k, or -1. */
int hane_ui_action_for_key(const enum hane_ui_action *acts, int n,
			   enum hane_ui_key k);

/* Writes the function-key bar for acts into out ("F1 Yardım  F3 Ara …"),
 * never wider than cols columns (items that do not fit are left off).
 * Returns out. Pure: the unit tests use it. */
char *hane_ui_bar_text(char *out, size_t outsz, const enum hane_ui_action *acts,
		       int n, int cols);

/* What an action callback tells the widget running it. A list's act
 * may also say HANE_UI_NEW_SEARCH: stay, with the search line emptied
 * and the list filled for it (a desk that takes one person after another
 * by typing: the next name is typed at once). */
enum { HANE_UI_STAY = 0, HANE_UI_CLOSE = 1, HANE_UI_NEW_SEARCH = 2 };

/* ---- The session -------------------------------------------------------- */

struct hane_ui; /* the console session: one per terminal */

hane_db *hane_ui_db(struct hane_ui *ui);

/* Title line breadcrumbs: "hane › Haneler › #12 Yılmaz". Each screen
 * pushes its crumb when it opens and pops it when it closes. */
void hane_ui_title_push(struct hane_ui *ui, const char *crumb);
void hane_ui_title_pop(struct hane_ui *ui);

/* The title's breadcrumbs in at most cols columns: "hane › a › b › c",
 * shortened in the middle when narrow ("hane › … › b › c"): the first
 * and the last crumbs stay, the ones after the first go first; the last
 * is cut at its end only when nothing else is left. Returns out. Pure:
 * the unit tests use it. */
char *hane_ui_crumbs_text(char *out, size_t outsz, const char *const *crumbs,
			  int n, int cols);

/* A message in the status line (above the bar) until the next key.
 * error marks it as an error (colour and a "✗" marker). */
void hane_ui_status(struct hane_ui *ui, bool error, const char *fmt, ...)
	HANE_PRINTF(3, 4);

/* Shows hane_strerror(rc) and hane_error_last() in an error dialog. */
void hane_ui_error_rc(struct hane_ui *ui, int rc);
/* As hane_ui_error_rc when rc is not 0; returns rc, for a save's tail:
 * return hane_ui_error_if(ui, rc); */
int hane_ui_error_if(struct hane_ui *ui, int rc);

/* A unit's row on the person page, opened: rc is the result of looking
 * the person's record in the unit up (a care client, a rider). True
 * when there is none (HANE_ENOTFOUND, then cleared) and the user may add
 * one (action a). False when there is one (rc 0: the caller opens it),
 * and after showing the lookup's error, or why the user may not add:
 * the message `refused` in the status line, or when it is 0 the
 * permission's own error. */
bool hane_ui_may_add(struct hane_ui *ui, int rc, enum hane_action a,
		     enum hane_msg refused);

/* True once the person asked to quit (F10): every loop returns. */
bool hane_ui_quitting(const struct hane_ui *ui);

/* ---- List --------------------------------------------------------------- */

enum hane_ui_sort { HANE_UI_SORT_TEXT, HANE_UI_SORT_NUMBER, HANE_UI_SORT_DATE };

struct hane_ui_column {
	enum hane_msg title;
	int min;    /* narrowest useful width */
	int want;   /* preferred width */
	int drop;   /* narrow screen: higher numbers shrink and go first; 0
		     * never goes */
	bool flex;  /* takes the width left over */
	bool right; /* right-aligned (numbers) */
	enum hane_ui_sort sort;
};

/* A column by what it holds, as a brace initializer (an array element,
 * or a compound literal with a cast): its alignment and sort follow from
 * its kind, so a number is never left-aligned or sorted as text and a
 * date never sorted as text. lo and w are min and want, d is drop. */
/* Text: left-aligned, in Turkish alphabetical order. */
#define HANE_UI_COL_TEXT(t, lo, w, d)                                          \
	{                                                                      \
		.title = (t), .min = (lo), .want = (w), .drop = (d),           \
		.sort = HANE_UI_SORT_TEXT                                      \
	}
/* The text column that takes the width left over (a name, an address). */
#define HANE_UI_COL_FLEX(t, lo, w, d)                                          \
	{                                                                      \
		.title = (t), .min = (lo), .want = (w), .drop = (d),           \
		.flex = true, .sort = HANE_UI_SORT_TEXT                        \
	}
/* A number, amount or record number ("#12"): right-aligned, by value. */
#define HANE_UI_COL_NUM(t, lo, w, d)                                           \
	{                                                                      \
		.title = (t), .min = (lo), .want = (w), .drop = (d),           \
		.right = true, .sort = HANE_UI_SORT_NUMBER                     \
	}
/* A date, DD.MM.YYYY: 10 wide, left-aligned, by date. */
#define HANE_UI_COL_DATE(t, d)                                                 \
	{                                                                      \
		.title = (t), .min = 10, .want = 10, .drop = (d),              \
		.sort = HANE_UI_SORT_DATE                                      \
	}
/* A date with more after it (a time, an overdue sign, "(3 gün önce)"):
 * left-aligned, by the date it starts with. */
#define HANE_UI_COL_WHEN(t, lo, w, d)                                          \
	{                                                                      \
		.title = (t), .min = (lo), .want = (w), .drop = (d),           \
		.sort = HANE_UI_SORT_DATE                                      \
	}

/* Sizes columns for a screen `width` columns wide (one space between
 * columns): shrinks columns toward min and then hides them, both in
 * falling `drop` order, and gives what is left to the flex column.
 * out[i] is the width of column i, 0 when hidden. Returns the number shown.
 * Pure: the unit tests use it. */
int hane_ui_columns_layout(const struct hane_ui_column *c, int n, int width,
			   int *out);

struct hane_ui_list; /* rows of text cells, each row with an id */

struct hane_ui_list *hane_ui_list_new(int ncols);
void hane_ui_list_free(struct hane_ui_list *l); /* accepts NULL */
void hane_ui_list_clear(struct hane_ui_list *l);
/* Appends a row; cells[0..ncols) are copied (NULL is ""). */
int hane_ui_list_add(struct hane_ui_list *l, int64_t id,
		     const char *const *cells) HANE_WARN_UNUSED;
int hane_ui_list_count(const struct hane_ui_list *l);
int64_t hane_ui_list_id(const struct hane_ui_list *l, int row);
const char *hane_ui_list_cell(const struct hane_ui_list *l, int row, int col);
/* The selected row (-1 when empty) and its id (0 when empty). */
int hane_ui_list_selected(const struct hane_ui_list *l);
int64_t hane_ui_list_selected_id(const struct hane_ui_list *l);
void hane_ui_list_select(struct hane_ui_list *l, int row);
void hane_ui_list_select_id(struct hane_ui_list *l, int64_t id);
/* Sorts rows by column col in the way kind says; keeps the selection. */
void hane_ui_list_sort(struct hane_ui_list *l, int col, enum hane_ui_sort kind,
		       bool descending);
/* Column titles not in the message table (a report's own titles):
 * titles[0..ncols) are copied and shown instead of the columns' title
 * messages; NULL goes back to the messages. */
int hane_ui_list_titles(struct hane_ui_list *l,
			const char *const *titles) HANE_WARN_UNUSED;
/* Shows only the rows with a cell whose folded text contains the folded
 * query ("" or NULL: every row), in the order they were added and then
 * the list's sort; the selected row stays selected if it is shown. A
 * list screen without fill does this as the search line is typed. */
int hane_ui_list_filter(struct hane_ui_list *l,
			const char *query) HANE_WARN_UNUSED;
/* Incremental search: selects the first row at or after `from` with a
 * cell whose folded text contains the folded query; -1 if none. */
int hane_ui_list_find(struct hane_ui_list *l, const char *query, int from);

/* In a view's initializer: the bar from an array of actions, the
 * columns from an array of columns, each with its count. */
#define HANE_UI_BAR(a) .actions = (a), .nactions = (int)HANE_COUNTOF(a)
#define HANE_UI_COLUMNS(c) .cols = (c), .ncols = (int)HANE_COUNTOF(c)

struct hane_ui_list_view {
	const char *title; /* breadcrumb */
	const struct hane_ui_column *cols;
	int ncols;
	const enum hane_ui_action *actions; /* the bar, in order */
	int nactions;
	/* With fill: a search line ("Ara:"); every keystroke calls fill with
	 * the query and the number of visible rows (the first page). Without
	 * fill, typing searches the rows already there (incremental). */
	int (*fill)(struct hane_ui *ui, struct hane_ui_list *l,
		    const char *query, int rows, void *arg);
	/* An action from the bar (other than HELP, QUIT, BACK, SORT, which
	 * the list handles). Returns HANE_UI_STAY (the list is filled again)
	 * or HANE_UI_CLOSE. */
	int (*act)(struct hane_ui *ui, struct hane_ui_list *l,
		   enum hane_ui_action a, void *arg);
	/* Right-hand side of the title line ("41.208 kişi"), may be NULL. */
	void (*info)(struct hane_ui *ui, char *out, size_t outsz, void *arg);
	void *arg;
	const char *query; /* initial query text (may be NULL) */
	/* With fill: what the empty list says while nothing is typed
	 * ("Ad, TC Kimlik No ya da telefon yazın") instead of "(kayıt
	 * yok)", which reads as if the registry were empty; 0: that. */
	enum hane_msg prompt;
};

/* Runs the list until BACK, QUIT or an action closes it. Returns 0, or
 * HANE_UI_CLOSE when an action closed it. */
int hane_ui_list_run(struct hane_ui *ui, const struct hane_ui_list_view *v,
		     struct hane_ui_list *l);
/* hane_ui_list_run on a list of its own (v->ncols columns, filled by
 * v->fill), freed when it closes; out of memory is said on the status
 * line (0). */
int hane_ui_list_show(struct hane_ui *ui, const struct hane_ui_list_view *v);

/* ---- Form --------------------------------------------------------------- */

enum hane_ui_field_kind {
	HANE_UI_F_HEADING, /* a section title, not editable */
	HANE_UI_F_TEXT,
	HANE_UI_F_NUMBER, /* whole number in [lo, hi] */
	HANE_UI_F_MONEY,  /* hane_money_parse */
	HANE_UI_F_DATE,	  /* hane_date_parse; shown DD.MM.YYYY */
	HANE_UI_F_CHOICE, /* one of choices[]; ←→ or Enter to pick */
	HANE_UI_F_YESNO,
	HANE_UI_F_PASSWORD, /* text drawn as one '*' per character typed */
	/* Several lines (notes, findings, case notes): word wrap, scrolling,
	 * Enter starts a new line, Tab leaves; the count of characters
	 * against max is shown under it. rows lines tall (0: 6), max
	 * characters (0: 8000). */
	HANE_UI_F_AREA,
};

struct hane_ui_field {
	enum hane_ui_field_kind kind;
	enum hane_msg label;
	bool required;		    /* marked "*"; empty refused on save */
	int width;		    /* input columns shown (0: 30) */
	int max;		    /* maximum characters (0: 200) */
	int lo, hi;		    /* NUMBER range (both 0: any) */
	const char *const *choices; /* CHOICE: labels (borrowed) */
	int nchoices;
	/* Extra validation (TC Kimlik No, phone…): 0, or HANE_EINVAL with the
	 * message in hane_error_last(). May be NULL. */
	int (*check)(const char *text, void *arg);
	int rows; /* AREA: lines shown (0: 6) */
	/* The label itself (borrowed), shown instead of label's message:
	 * a field table's label (hane_ui_record_fields). */
	const char *label_text;
};

struct hane_ui_form;

struct hane_ui_form_view {
	const char *title;		    /* breadcrumb */
	const struct hane_ui_field *fields; /* borrowed for the form's life */
	int nfields;
	/* After every edit of field i (duplicate warnings while typing). */
	void (*changed)(struct hane_ui *ui, struct hane_ui_form *f, int i,
			void *arg);
	/* F2 after every field passed: 0 closes the form as saved; a
	 * negative code keeps it open (the callback shows what went wrong,
	 * e.g. with hane_ui_form_error or a dialog). */
	int (*save)(struct hane_ui *ui, struct hane_ui_form *f, void *arg);
	void *arg;
	/* What F2 is called on the bar and in F1: 0 is HANE_UI_A_SAVE
	 * ("Kaydet"); a form whose F2 does something else names it
	 * (HANE_UI_A_RUN on a report's parameters). */
	enum hane_ui_action f2;
};

/* A form over v (borrowed). Values start empty (choices at 0). */
struct hane_ui_form *hane_ui_form_new(const struct hane_ui_form_view *v);
void hane_ui_form_free(struct hane_ui_form *f); /* accepts NULL */
/* The text of field i, as typed (trimmed on save). */
const char *hane_ui_form_get(const struct hane_ui_form *f, int i);
void hane_ui_form_set(struct hane_ui_form *f, int i, const char *text);
/* A label not in the message table for field i (a report parameter's
 * own title), copied; NULL or "" goes back to the field's message. */
void hane_ui_form_label(struct hane_ui_form *f, int i, const char *text);
/* The text hane_ui_form_set() puts in is cut to the field's max
 * characters at a character boundary, never inside a letter. */
/* KVKK: puts value in field i as the actor may see it: mask (the
 * value masked, may be NULL or "") when it differs from value. While the
 * field still shows the mask, its check is not run and
 * hane_ui_form_kept() is true: the caller keeps the stored value, so a
 * masked value is never saved back. */
void hane_ui_form_set_masked(struct hane_ui_form *f, int i, const char *value,
			     const char *mask);
bool hane_ui_form_kept(const struct hane_ui_form *f, int i);
/* CHOICE: the index; YESNO: 1 yes, 0 no. */
int hane_ui_form_choice(const struct hane_ui_form *f, int i);
void hane_ui_form_set_choice(struct hane_ui_form *f, int i, int choice);
/* A warning under field i, marked "⚠" (NULL or "" clears); does not
 * block saving. */
void hane_ui_form_note(struct hane_ui_form *f, int i, const char *text);
/* A hint under field i ("ör. pzt,per"), plain and muted: no warning mark
 * on what is only help or good news (NULL or "" clears). */
void hane_ui_form_hint(struct hane_ui_form *f, int i, const char *text);
/* An error under field i that moves the cursor there. */
void hane_ui_form_error(struct hane_ui_form *f, int i, const char *text);
/* err without its leading "label: " (the field already says it, and the
 * line under a field is narrow); err itself when it does not start so. */
const char *hane_ui_after_label(const char *err, const char *label);
/* After a model call failed with rc: a refusal (HANE_EINVAL, HANE_EEXIST)
 * whose message starts with one of labels[0..n) (field i's label; 0 for
 * none) goes under that field, without the label; anything else is a
 * dialog. The model names the field first: "İhtiyaçlar: …". */
void hane_ui_form_model_error(struct hane_ui *ui, struct hane_ui_form *f,
			      const enum hane_msg *labels, int n, int rc);
/* Checks field i as leaving it would (kind, required, check); 0 or
 * HANE_EINVAL with the message under the field. Pure of the screen. */
int hane_ui_form_validate(struct hane_ui_form *f, int i);
/* True when something was typed since the form was filled. */
bool hane_ui_form_dirty(const struct hane_ui_form *f);
void hane_ui_form_set_clean(struct hane_ui_form *f);

/* Runs the form: Tab/Shift-Tab/↑↓ move, F2 saves, Esc asks before
 * throwing away typed text. Returns 1 when saved, 0 when left. */
int hane_ui_form_run(struct hane_ui *ui, struct hane_ui_form *f);

/* ---- A form bound to a record (hane/record.h) ---------------------------
 *
 * A screen lists which fields of a record's table its form shows, in its
 * order; the widget, the label (in the session's language), "required"
 * and what is written back come from the field table:
 *   DATE   a date field (dd.mm.yyyy; "" stores "")
 *   MONEY  a money field ("1.234,50"; "" stores -1, unknown)
 *   INT    a whole number in [lo, hi] ("" stores -1 when EMPTY_NULL)
 *   BOOL   yes/no
 *   PHONE  text shown "0532 123 45 67", checked and stored E.164
 *   TCKN   text of 11 digits, checksum-checked
 *   TEXT   text (trimmed), or a choice when the screen gives choices
 *   REF    a whole number (the id)
 * HANE_FF_REQUIRED marks the field "*"; HANE_FF_READONLY fields are shown
 * and never written back; HANE_FF_MASKED fields are filled through the
 * record's mask (the gate) and kept as stored while they show the mask. */

/* In a hane_ui_bind: the screen's own label, message m. */
#define HANE_UI_LABEL(m) .own_label = true, .label = (m)

struct hane_ui_bind {
	const char *column; /* a field of the record's table */
	/* The screen's own label (a message) instead of the table's: a form
	 * whose wording differs from the CSV title ("Cadde/Sokak"). */
	bool own_label;
	enum hane_msg label;
	int width, max; /* 0: by the field's type */
	int lo, hi;	/* INT: the range (both 0: any) */
	/* A TEXT field offered as choices: the labels shown and the text
	 * stored for each (values NULL: the labels themselves). A value no
	 * choice stores shows as the first choice. */
	const char *const *choices;
	const char *const *values;
	int nchoices;
};

struct hane_ui_record {
	const struct hane_rdef *def;
	const struct hane_ui_bind *bind; /* the form's fields, in order */
	int n;
	/* KVKK: what a HANE_FF_MASKED field with stored value v may show the
	 * actor, written into out (hane_mask_field of hane/security.h); NULL:
	 * shown as stored. */
	char *(*mask)(hane_db *db, const struct hane_fdef *f, char *out,
		      size_t n, const char *v);
	hane_db *db;
};

/* Describes r's fields in out[0..r->n) for a form view (labels are
 * borrowed from the table, check functions by type). A column not in the
 * table is a broken invariant (hane_die). */
void hane_ui_record_fields(struct hane_ui_field *out,
			   const struct hane_ui_record *r);
/* Puts rec's values in the form's fields at, at+1, … (r's order), masked
 * as r->mask says. */
void hane_ui_record_fill(struct hane_ui_form *f, int at,
			 const struct hane_ui_record *r, const void *rec);
/* Writes the fields at, at+1, … back into rec: read-only fields and
 * fields still showing their mask are left as they are; a value that does
 * not parse (the form validated it before) stores the type's empty. */
void hane_ui_record_store(const struct hane_ui_form *f, int at,
			  const struct hane_ui_record *r, void *rec);

/* Column widths sized by what the columns hold: content[i] is the
 * widest text of column i, its title included (0: unknown, use want).
 * A column never gets more than its content; when the screen is too
 * narrow the columns shrink and go as hane_ui_columns_layout() says
 * (highest drop first); room left goes to cut columns, the most
 * important (lowest drop) first, and then to the flex column. out[i] is
 * column i's width, 0 when hidden; returns the number shown. Pure. */
int hane_ui_columns_fit(const struct hane_ui_column *c, const int *content,
			int n, int width, int *out);

/* hane_ui_columns_fit where title[i] is the width of column i's title
 * (NULL: not known): room left goes first to titles cut short of it,
 * so a header is cut only when the screen has no room for it. */
int hane_ui_columns_fit_titled(const struct hane_ui_column *c,
			       const int *content, const int *title, int n,
			       int width, int *out);

/* ---- Type-ahead --------------------------------------------------------- */

/* In a choice list (a form's choice field, hane_ui_choose), letters typed
 * jump to the first item that starts with them; Backspace shortens what
 * was typed; a pause of HANE_UI_TYPEAHEAD_MS or any other key (a move)
 * starts again. */
#define HANE_UI_TYPEAHEAD_MS 1000

struct hane_ui_typeahead {
	char typed[164]; /* what was typed so far (UTF-8) */
	int64_t at_ms;	 /* when the last letter came */
};

/* Feeds key k (ch for HANE_UI_K_CHAR) at now_ms (a monotonic clock):
 * true when k typed a letter (a space only after one) or shortened what
 * was typed (Backspace), with t->typed updated; any other key empties it
 * and returns false. A letter after a pause starts a new word. Pure: the
 * unit tests use it. */
bool hane_ui_typeahead_key(struct hane_ui_typeahead *t, enum hane_ui_key k,
			   uint32_t ch, int64_t now_ms);
void hane_ui_typeahead_reset(struct hane_ui_typeahead *t);

/* The first of items[0..n) whose text starts with typed, both folded the
 * Turkish way and to ASCII ("cag" finds "Çağla", "ı" and "i" find both
 * "Işık" and "İnci"); -1 when none does or typed folds to nothing. */
int hane_ui_typeahead_find(const char *typed, const char *const *items, int n);

/* ---- Export formats ----------------------------------------------------- */

/* What every export dialog offers, in this order (#21): an Excel
 * workbook first, then CSV for Turkish Excel, then plain CSV. */
enum hane_ui_export_format {
	HANE_UI_EXPORT_XLSX,
	HANE_UI_EXPORT_CSV_EXCEL,
	HANE_UI_EXPORT_CSV,
	HANE_UI_EXPORT__COUNT
};

/* The labels, in the order above, for a HANE_UI_F_CHOICE field with
 * .nchoices = HANE_UI_EXPORT__COUNT (static storage; call it when the
 * dialog opens, the language is the session's). */
const char *const *hane_ui_export_choices(void);
/* The writer flags of hane/csvio.h for a choice: HANE_CSV_XLSX,
 * HANE_CSV_EXCEL or 0. */
unsigned hane_ui_export_flags(int choice);
/* Gives a path ending in ".csv" or ".xlsx" the extension of the format
 * chosen; another name is left as typed. In place (pathsz bytes). */
void hane_ui_export_ext(char *path, size_t pathsz, int choice);
/* A typed path made absolute: "~/x" against $HOME, "x" against base. One
 * too long for out gives "" (never a cut path that names another file). */
void hane_ui_path_resolve(char *out, size_t outsz, const char *base,
			  const char *in);
/* An export dialog's file and what goes into it. */
struct hane_ui_export {
	const char *title; /* the dialog's */
	const char *name;  /* the file offered, as "x.xlsx" (relative to the
			      working folder, or absolute) */
	/* Writes the rows to fp (borrowed) in the writer flags of
	 * hane/csvio.h (HANE_OUT_UNMASKED too when asked for), their number
	 * in *rows (left -1: not said); 0 or an error (hane/error.h). */
	int (*write)(struct hane_ui *ui, FILE *fp, unsigned flags,
		     int64_t *rows, void *arg);
	void *arg;
	/* Offers "Maskesiz" (yes/no): refused at the field without
	 * export.unmasked, before a file is made. */
	bool offer_unmasked;
	/* After the file is closed, or NULL: e.g. the read log with the
	 * file's hash (KVKK). An error removes the file. */
	int (*written)(struct hane_ui *ui, const char *path, int64_t rows,
		       bool unmasked, void *arg);
};

/* What was written: the path made absolute, the rows, the format chosen
 * (enum hane_ui_export_format) and whether unmasked. */
struct hane_ui_export_result {
	char path[4096];
	int64_t rows;
	int format;
	bool unmasked;
};

/* The export dialog: the file (its extension following the format), the
 * format, Excel workbook first (#21), and "Maskesiz" when offered. F2
 * makes the path absolute (relative to the working folder, "~/" the
 * home folder; too long or a folder is refused at the field), asks
 * before replacing an existing file, creates it as the person
 * (hane_file_create_fp: their own, never through a link), writes it, and
 * a failed write leaves no file. Returns whether the file was written,
 * with what in *res; with res NULL, "<Yazıldı>: <path> (<rows>)" is said
 * on the status line. */
bool hane_ui_export_file(struct hane_ui *ui, const struct hane_ui_export *e,
			 struct hane_ui_export_result *res);

/* ---- Dialogs ------------------------------------------------------------ */

/* Yes/no question; true for yes. It opens on "Hayır" (no) and only Enter
 * answers, with the button chosen by ←→/Tab; Esc is no; other keys are
 * ignored. */
bool hane_ui_confirm(struct hane_ui *ui, const char *text);
/* A message with one OK button. */
void hane_ui_error(struct hane_ui *ui, const char *text);
/* A message with n buttons (←→ Tab, Enter, or the digit 1..n), opening on
 * the first; the chosen index or -1 (Esc). */
int hane_ui_buttons(struct hane_ui *ui, const char *title, const char *text,
		    const char *const *labels, int n);
/* Choose one of items (typing filters); the index or -1. */
int hane_ui_choose(struct hane_ui *ui, const char *title,
		   const char *const *items, int n, int current);

/* A unit's menu (hane_ui_choose titled title), for whoever may do need
 * (else the refusal is shown and returned): item i's open(ui), or
 * open_with(ui, arg), runs when it is chosen, then the menu is back with
 * the cursor on it; Esc leaves (F10 quits), returning 0. At most 16
 * items. */
struct hane_ui_menu_item {
	enum hane_msg label;
	void (*open)(struct hane_ui *ui);
	void (*open_with)(struct hane_ui *ui, int arg);
	int arg;
};
int hane_ui_menu(struct hane_ui *ui, enum hane_msg title, enum hane_action need,
		 const struct hane_ui_menu_item *items, int n);
#define HANE_UI_NITEMS(a) ((int)(sizeof(a) / sizeof((a)[0])))
/* A screen of tasks (Yönetim, İçe/Dışa Aktar): a list titled title of the
 * items, numbered, under one column titled column; Enter runs the
 * selected item as hane_ui_menu does, then the list is back. Each task
 * checks its own permission. 0, or HANE_ENOMEM. */
int hane_ui_tasks(struct hane_ui *ui, enum hane_msg title, enum hane_msg column,
		  const struct hane_ui_menu_item *items, int n);

/* A progress bar for long work (imports, exports). step() redraws and
 * returns false when the person pressed Esc to stop. */
struct hane_ui_progress;
struct hane_ui_progress *hane_ui_progress_begin(struct hane_ui *ui,
						const char *title);
bool hane_ui_progress_step(struct hane_ui_progress *p, int64_t done,
			   int64_t total);
/* A line under the bar instead of "done / total" (rows, rows/s, time
 * left); copied. NULL or "" goes back to the counts. */
void hane_ui_progress_note(struct hane_ui_progress *p, const char *text);
void hane_ui_progress_end(struct hane_ui_progress *p); /* accepts NULL */
/* "[█████░░░░░]  45%" in width columns into out (pure). */
char *hane_ui_progress_text(char *out, size_t outsz, int64_t done,
			    int64_t total, int width);

/* ---- Detail view -------------------------------------------------------- */

/* A read-only page: header lines, an optional list (members) on the left
 * and a side panel (services) on the right. load() fills it, and runs
 * again after every action. */
struct hane_ui_detail;

struct hane_ui_detail_view {
	const char *title;
	const struct hane_ui_column *cols; /* the list; NULL: none */
	int ncols;
	enum hane_msg list_title;
	enum hane_msg panel_title;
	/* What an empty panel says (0: "(kayıt yok)"; a household's
	 * services panel: "(henüz kayıtlı hizmet yok)"). */
	enum hane_msg panel_empty;
	const enum hane_ui_action *actions;
	int nactions;
	int (*load)(struct hane_ui *ui, struct hane_ui_detail *d, void *arg);
	int (*act)(struct hane_ui *ui, struct hane_ui_detail *d,
		   enum hane_ui_action a, void *arg);
	void *arg;
};

void hane_ui_detail_clear(struct hane_ui_detail *d);
void hane_ui_detail_line(struct hane_ui_detail *d, const char *fmt, ...)
	HANE_PRINTF(2, 3);
void hane_ui_detail_panel(struct hane_ui_detail *d, const char *fmt, ...)
	HANE_PRINTF(2, 3);
/* Changes the breadcrumb (after a load). */
void hane_ui_detail_title(struct hane_ui_detail *d, const char *title);
struct hane_ui_list *hane_ui_detail_list(struct hane_ui_detail *d);

/* Runs until BACK/QUIT or an action returns HANE_UI_CLOSE. Returns 0, or
 * the error load() returned the first time. */
int hane_ui_detail_run(struct hane_ui *ui, const struct hane_ui_detail_view *v);

/* ---- A screen its owner draws (the console's main menu) ----------------- */

/* Colour roles such a screen may use; each meaning is also carried by a
 * word or a marker, so monochrome loses nothing. */
enum hane_ui_role {
	HANE_UI_ROLE_NORMAL,
	HANE_UI_ROLE_SELECT,
	HANE_UI_ROLE_MUTED,
	HANE_UI_ROLE_CHART,
};

/* Pushes a full screen: draw(ui, arg) paints it from scratch at the
 * current size (a resize draws every frame again), calling hane_ui_chrome
 * first; acts are its keys for the bar and F1. Popped by
 * hane_ui_screen_pop. */
void hane_ui_screen_push(struct hane_ui *ui,
			 void (*draw)(struct hane_ui *ui, void *arg), void *arg,
			 const enum hane_ui_action *acts, int nacts);
void hane_ui_screen_pop(struct hane_ui *ui);
/* Title, status line and the bar of acts. */
void hane_ui_chrome(struct hane_ui *ui, const char *info,
		    const enum hane_ui_action *acts, int nacts);
/* Reads one key (resize redraws and returns HANE_UI_K_RESIZE); *ch gets
 * the character of HANE_UI_K_CHAR. */
enum hane_ui_key hane_ui_read_key(struct hane_ui *ui, uint32_t *ch);
/* The keys every screen has (F1 help, F10 quit, the global F3): true if
 * k was one and is handled. */
bool hane_ui_global_key(struct hane_ui *ui, enum hane_ui_key k);
/* A key the screen does not use: a note in the status line. */
void hane_ui_unbound_key(struct hane_ui *ui, enum hane_ui_key k);
/* The first row of the work area, and the screen's width in columns. */
int hane_ui_top(void);
int hane_ui_cols(void);
/* A box with title at row y, column x, h rows by w columns. */
void hane_ui_box(int y, int x, int h, int w, const char *title);
/* Text s at (y, x), cut (or padded) to cols columns. */
void hane_ui_put(int y, int x, const char *s, int cols, enum hane_ui_role r);

/* ---- Units -------------------------------------------------------------- */

/* Units plug in through the table in src/console/units.def: a row names the
 * unit's menu label, its entry screen (NULL: shown greyed, "yakında") and
 * its hook for the services panel of a household (NULL: none). */
typedef int (*hane_ui_unit_main_fn)(struct hane_ui *ui);
typedef void (*hane_ui_services_fn)(struct hane_ui *ui, int64_t household_id,
				    struct hane_ui_detail *d);

/* Fills d's panel with every unit's services for the household. */
void hane_ui_services_fill(struct hane_ui *ui, int64_t household_id,
			   struct hane_ui_detail *d);

/* A person's page lists, one row a unit, what the person receives or can
 * receive ("Engelsiz Taksi · yolcu · tekerlekli sandalye", "yolcu değil:
 * Enter ile yolcu yapın"); Enter on the row opens the unit's screen for
 * the person (make them a rider, edit, book). Units register in
 * src/console/person.def:
 *   HANE_UI_PERSON(name, label message id, line fn, open fn)
 * line() writes the row's text into out and returns true when the unit
 * has something to show or offer the actor (false: no row, e.g. no read
 * permission); it must not open dialogs. open() runs the unit's screen. */
typedef bool (*hane_ui_person_line_fn)(struct hane_ui *ui, int64_t person_id,
				       char *out, size_t outsz);
typedef void (*hane_ui_person_open_fn)(struct hane_ui *ui, int64_t person_id);

/* Adds every unit's row for the person to l (two columns: the unit and
 * its line; the row id says which unit). Returns 0 or HANE_ENOMEM. */
int hane_ui_person_units_fill(struct hane_ui *ui, int64_t person_id,
			      struct hane_ui_list *l) HANE_WARN_UNUSED;
/* Opens the unit of a row hane_ui_person_units_fill() added (its id). */
void hane_ui_person_unit_open(struct hane_ui *ui, int64_t row_id,
			      int64_t person_id);

/* Household screens (src/units/households/ui_households.c). */
int hane_ui_households_main(struct hane_ui *ui);
/* The person search from anywhere (F3); query may be NULL. */
int hane_ui_households_search(struct hane_ui *ui, const char *query);
/* A person chosen in the person search (typing searches as F3's list
 * does, Enter chooses): a unit's form that starts from a person (an
 * application, a move). title is the breadcrumb; hint (0: none) is said
 * on the status line as the list opens. The person's id, or 0 when left
 * with Esc (or F10). */
int64_t hane_ui_person_pick(struct hane_ui *ui, const char *title,
			    enum hane_msg hint);
/* A person's own page (what the search's Enter shows of the person:
 * their data as the role may see it, the units' rows), opened from a
 * unit's list of people. Returns 0, or the error its load said. */
int hane_ui_person_page(struct hane_ui *ui, int64_t person_id);

/* Yönetim (src/units/staff/ui_admin.c): staff list and accounts (add,
 * lock, activate, password), security settings and the audit trail;
 * administrators only (staff.admin), others get the permission message. */
int hane_ui_admin_main(struct hane_ui *ui);

/* İçe/Dışa Aktar (src/units/households/ui_transfer.c): a household list
 * from CSV (file picker, options, dry-run preview, import with progress
 * and summary) and the registry out to CSV. */
int hane_ui_transfer_main(struct hane_ui *ui);
/* Raporlar (src/ui/reports_screen.c): the embedded reports, a form of
 * each report's parameters, the result as a table, export to CSV. */
int hane_ui_reports_main(struct hane_ui *ui);

/* ---- A list of a unit's own records (src/ui/records_bar.c) ---- */

/* Sets v's bar for a list of records a unit keeps (its caregivers, its
 * branches…): Help, Sort, Back, Quit; with rw (the role may change them)
 * also Edit (F4), New (F5) and (De)activate. */
void hane_ui_records_bar(struct hane_ui_list_view *v, bool rw);

/* ---- One screen of a unit's own records (src/ui/records_screen.c) -------
 *
 * How to use. The records a unit keeps for itself (the food bank's
 * branches, the taxi's vehicles…) are listed, added (F5), edited (F4) and
 * made inactive or active again (F7) on one screen described by a struct
 * hane_ui_records_view; only a role the view's write action allows is
 * offered the changes, the rest read, search and sort:
 *
 *   def, each   the record (hane/record.h) and the model's walk over the
 *               records: its callback gives every record, with its row's
 *               cells, to hane_ui_records_row(). The screen keeps a copy
 *               of each (def->size bytes): the form and F7 start from it.
 *   search      the cells a typed query is looked for in (bit i: cell i;
 *               0: the first), folded.
 *   fields      the form, in order: each field bound to a column of def
 *               (bind: hane/ui.h "A form bound to a record", with the
 *               screen's own label for the model's messages) or the
 *               screen's own (bind.column NULL: own, moved by the fill
 *               and store hooks); `on` keeps one to adding or editing.
 *   blank       a new record's values (NULL: zeros).
 *   save        the model's call, which checks the permission and
 *               validates: a new record (id 0) is added and its id put in
 *               *id. A refusal whose message starts with a field's label
 *               goes under that field (hane_ui_form_model_error).
 *   active      the BOOL column F7 flips and saves (NULL: no F7), asking
 *               ask_off / ask_on and saying done_off / done_on ("%s": the
 *               record's name).
 *   words       what a record is (what), its name (name(); NULL: the
 *               text of title_column), the form's titles ("%s" what,
 *               then the title column's text when editing; 0: "what ·
 *               Yeni / Düzenle"), the status line after a save (saved,
 *               "%s" name) and the count right of the title (count, "%d"
 *               rows shown; 0: none). Words of the unit's that take other
 *               arguments (the record's number first: "Personel #%lld
 *               %s") are formatted by say(), for title_edit and saved.
 *
 * A form's hooks (each may be NULL) get a struct hane_ui_records_edit:
 * open before the form is made (load choices into bind[] or own[], of
 * the view's field i), fill after the bound fields are filled (own
 * fields' values), store after the bound fields are stored into rec (own
 * fields into rec; non-zero: refused, the hook put the message under the
 * field). */

#define HANE_UI_RECORDS_MAX 8 /* the most fields of a form */

/* In a view's initializer: the fields (and their count) from an array. */
#define HANE_UI_FORM_FIELDS(a) .fields = (a), .nfields = (int)HANE_COUNTOF(a)

enum hane_ui_records_on {
	HANE_UI_RF_BOTH,
	HANE_UI_RF_NEW,	 /* only when adding (a code fixed once made) */
	HANE_UI_RF_EDIT, /* only when editing (the active question) */
};

struct hane_ui_records_field {
	struct hane_ui_bind bind; /* column NULL: the screen's own field */
	struct hane_ui_field own;
	enum hane_ui_records_on on;
	bool required;	    /* required though the table's column is not */
	enum hane_msg note; /* a hint under the field (0: none) */
	/* The bound field's check instead of its type's (NULL: the type's). */
	int (*check)(const char *text, void *arg);
};

struct hane_ui_records_edit {
	hane_db *db;
	struct hane_ui_form *f; /* NULL in open */
	void *rec;		/* the record the form edits (a copy) */
	bool adding;
	/* The view's field i is the form's field at[i] (-1: not on it). */
	int at[HANE_UI_RECORDS_MAX];
	/* open may change the view's fields' copies: a choice's words. */
	struct hane_ui_bind bind[HANE_UI_RECORDS_MAX];
	struct hane_ui_field own[HANE_UI_RECORDS_MAX];
	void *arg; /* the view's */
};

struct hane_ui_records; /* a records screen running */

struct hane_ui_records_view {
	const char *title; /* breadcrumb */
	const struct hane_ui_column *cols;
	int ncols;
	enum hane_action write; /* who may add, edit and (de)activate */
	const struct hane_rdef *def;
	int (*each)(hane_db *db, struct hane_ui_records *rs);
	unsigned search;
	const struct hane_ui_records_field *fields;
	int nfields;
	const void *blank;
	int (*open)(struct hane_ui_records_edit *e);
	void (*fill)(struct hane_ui_records_edit *e);
	int (*store)(struct hane_ui_records_edit *e);
	int (*save)(hane_db *db, void *rec, int64_t *id);
	const char *active;
	enum hane_msg ask_off, ask_on, done_off, done_on;
	enum hane_msg what, title_new, title_edit, saved, count;
	const char *title_column;
	const char *(*name)(const void *rec);
	/* Message m (title_edit, saved) for rec into out; NULL: as above. */
	void (*say)(char *out, size_t outsz, enum hane_msg m, const void *rec);
	void *arg; /* the hooks' */
};

/* Runs the screen of v until Back or Quit. */
void hane_ui_records_show(struct hane_ui *ui,
			  const struct hane_ui_records_view *v);
/* In each's callback: rec (copied) is a row of the screen with cells
 * [0..ncols) (copied), shown when the query is in a searched cell. */
int hane_ui_records_row(struct hane_ui_records *rs, const void *rec,
			const char *const *cells);

/* ---- A detail view and its error (src/ui/detail_show.c) ---- */

/* hane_ui_detail_run, then the error its load returned said as a dialog
 * (hane_ui_error_rc): for a page that only shows and acts. */
void hane_ui_detail_show(struct hane_ui *ui,
			 const struct hane_ui_detail_view *v);

/* ---- A form run once (src/ui/form_show.c) ---- */

/* A form over v (borrowed) filled by fill (may be NULL; given v->arg),
 * then run as it stands: what was filled in is not "typed", so Esc leaves
 * it without a question. Returns hane_ui_form_run's 1 (saved) or 0
 * (left); out of memory is said in a dialog (0). */
int hane_ui_form_show(struct hane_ui *ui, const struct hane_ui_form_view *v,
		      void (*fill)(struct hane_ui *ui, struct hane_ui_form *f,
				   void *arg));

/* One required line asked in a form titled title (a supervisor's reason
 * for an override): label before it, at most max characters. What was
 * saved with F2 is in out; "" when left with Esc. */
void hane_ui_ask_line(struct hane_ui *ui, const char *title,
		      enum hane_msg label, int max, char *out, size_t outsz);

/* A limit a supervisor may override (the food bank's frequency, Dost
 * Eller's period): */
struct hane_ui_override {
	enum hane_action action; /* the permission that may override */
	enum hane_msg title;	 /* the dialog's ("Sıklık sınırı") */
	enum hane_msg cancel, override; /* its two buttons */
	enum hane_msg ask_supervisor;	/* said to a role that may not */
	enum hane_msg reason_title, reason_label; /* the reason's form */
};
/* After a save the limit refused: the limit's words (hane_error_last(),
 * read before the permission is asked, whose refusal sets the error too)
 * in a dialog. A role that holds o->action may choose the override and
 * is asked the reason; others are told whom to ask, with no override
 * button. True when a reason was typed into out: the caller saves again
 * with it. */
bool hane_ui_override_reason(struct hane_ui *ui,
			     const struct hane_ui_override *o, char *out,
			     size_t outsz);

#endif
