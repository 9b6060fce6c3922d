/* Private to the toolkit (src/ui/): the session, drawing helpers, the
 * frame stack. The only header besides the sources that may know curses
 * exists; this one does not need it, so widgets share it freely. */
#ifndef HANE_UI_INTERNAL_H
#define HANE_UI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/ui.h"

#define UI_MIN_COLS 80
#define UI_MIN_LINES 24
#define UI_MAX_FRAMES 32
#define UI_MAX_CRUMBS 16 /* F3 from deep screens stacks more */

/* Colour roles: each meaning is also carried by a marker or a word, so
 * monochrome loses nothing (see role_table in term.c). */
enum ui_role {
	UI_R_NORMAL,
	UI_R_TITLE,
	UI_R_BAR,
	UI_R_BAR_KEY,
	UI_R_SELECT,
	UI_R_WARN,
	UI_R_ERROR,
	UI_R_MUTED,
	UI_R_FIELD,
	UI_R_FIELD_FOCUS,
	UI_R_HEADING,
	UI_R_CHART,
	UI_R__COUNT
};

/* A screen or dialog on the stack: draw() paints it from scratch at the
 * current size, so a resize is "draw every frame again, bottom up". */
struct ui_frame {
	void (*draw)(struct hane_ui *ui, void *arg);
	void *arg;
	const enum hane_ui_action *actions; /* for F1 help */
	int nactions;
	bool full; /* covers the whole screen: frames below need no drawing */
};

struct hane_ui {
	hane_db *db;
	char db_label[128];
	char user[64];
	char crumbs[UI_MAX_CRUMBS][128];
	int ncrumbs;
	char status[512];
	bool status_error;
	bool status_cut; /* drawn cut: F1 shows it whole */
	/* A key read together with an Esc before it (Esc Esc, Esc F10):
	 * given as the next key; HANE_UI_K_NONE when there is none. */
	enum hane_ui_key pending;
	uint32_t pending_ch;
	struct ui_frame frames[UI_MAX_FRAMES];
	int nframes;
	bool quit;
	bool color;
	int cur_y, cur_x; /* cursor wanted by the top frame; -1 hidden */
	/* What the global F3 opens (the console registers the person
	 * search): the toolkit calls back, it knows no unit. */
	int (*search)(struct hane_ui *ui, const char *query);
};

/* term.c */
int ui_lines(void);
int ui_cols(void);
void ui_put(int y, int x, const char *s, int cols, enum ui_role r);
void ui_putf(int y, int x, int cols, enum ui_role r, const char *fmt, ...)
	HANE_PRINTF(5, 6);
void ui_fill(int y, int x, int cols, enum ui_role r);
void ui_box(int y, int x, int h, int w, const char *title, enum ui_role r);
void ui_vline(int y, int x, int h);
/* A full screen (title, work area, bar) or, with ui_push_dialog, a box
 * drawn over the screens below. */
void ui_push(struct hane_ui *ui, void (*draw)(struct hane_ui *, void *),
	     void *arg, const enum hane_ui_action *acts, int nacts);
void ui_push_dialog(struct hane_ui *ui, void (*draw)(struct hane_ui *, void *),
		    void *arg, const enum hane_ui_action *acts, int nacts);
void ui_pop(struct hane_ui *ui);
void ui_redraw(struct hane_ui *ui);
/* Draws title, status and bar (full screens call it first). */
void ui_chrome(struct hane_ui *ui, const char *info,
	       const enum hane_ui_action *acts, int nacts);
/* Reads one key, handling resize (redraws and returns RESIZE), the
 * too-small screen, Esc+digit, and the status line. *ch gets the
 * character for HANE_UI_K_CHAR. */
enum hane_ui_key ui_key(struct hane_ui *ui, uint32_t *ch);
/* The global keys every screen has: F1 help, F10 quit. True if handled. */
bool ui_global_key(struct hane_ui *ui, enum hane_ui_key k);
void ui_help(struct hane_ui *ui, const enum hane_ui_action *acts, int n);
/* An F-key the top screen does not use: a note in the status line. */
void ui_unbound_key(struct hane_ui *ui, enum hane_ui_key k);
/* Work area: rows [ui_top(), ui_bottom()] inclusive. */
int ui_top(void);
int ui_bottom(void);

/* Text editing on a UTF-8 buffer: insert cp at *pos, delete before. */
bool ui_text_insert(char *buf, size_t bufsz, size_t *pos, uint32_t cp,
		    int max_chars);
bool ui_text_backspace(char *buf, size_t *pos);
/* Deletes what stands before *pos (word: only the word before it, with
 * the spaces after that word), leaving *pos where the cut began. */
bool ui_text_kill(char *buf, size_t *pos, bool word);
bool ui_text_delete(char *buf, size_t pos);
void ui_text_left(const char *buf, size_t *pos);
void ui_text_right(const char *buf, size_t *pos);
int ui_text_chars(const char *s);
/* A line-editing key on buf (a character, Backspace, Delete, Left,
 * Right); true if it changed the text. Other keys: false, nothing done. */
bool ui_text_key(char *buf, size_t bufsz, size_t *pos, enum hane_ui_key k,
		 uint32_t ch, int max_chars);
/* Draws an input line: the part of buf around pos that fits in w; sets
 * the cursor column in *cx when cx is not NULL. */
void ui_input(int y, int x, int w, const char *buf, size_t pos, enum ui_role r,
	      int *cx);
/* Folded substring test for incremental search. */
bool ui_fold_contains(const char *hay, const char *needle);

/* list.c: draws l with cols in the box (y, x, h, w): header row, rows,
 * the selection marked "▶" (and coloured when focus). */
void ui_list_draw(struct hane_ui_list *l, const struct hane_ui_column *cols,
		  int ncols, int y, int x, int h, int w, bool focus);
/* acts (n) into out (at most max), with WHOLE (Enter "Tamamı") before
 * BACK — or last — when no action has Enter; returns the count. Lists and
 * detail pages show their selected row whole on Enter this way. */
int ui_actions_whole(enum hane_ui_action *out, int max,
		     const enum hane_ui_action *acts, int n);
/* Movement keys (↑↓ PgUp PgDn Home End) on a list showing page rows;
 * true if k was one. */
bool ui_list_move(struct hane_ui_list *l, enum hane_ui_key k, int page);

/* typeahead.c: milliseconds on the monotonic clock (pauses, not dates). */
int64_t ui_now_ms(void);

/* records_bar.c: v's bar for a list of a unit's own records (rw: the
 * role may change them; toggle: F7 (de)activates). */
void ui_records_bar(struct hane_ui_list_view *v, bool rw, bool toggle);

#endif
