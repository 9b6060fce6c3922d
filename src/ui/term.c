/* The terminal: setup and restore, colour roles, drawing helpers, the
 * frame stack, key reading (Esc+digit, resize, too small), title, status
 * line, function-key bar and the F1 help screen. */
#include <curses.h>

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "hane/core.h"
#include "ui/internal.h"

/* ---- Actions ----------------------------------------------------------- */

static const struct {
	enum hane_ui_key key;
	enum hane_msg label, help;
} action_table[HANE_UI_A__COUNT] = {
#define HANE_X_(name, k, l, h) [HANE_UI_A_##name] = {k, HANE_M_##l, HANE_M_##h},
	HANE_UI_ACTIONS(HANE_X_)
#undef HANE_X_
};

enum hane_ui_key hane_ui_action_key(enum hane_ui_action a)
{
	return (unsigned)a < HANE_UI_A__COUNT ? action_table[a].key
					      : HANE_UI_K_NONE;
}

const char *hane_ui_action_label(enum hane_ui_action a)
{
	return (unsigned)a < HANE_UI_A__COUNT ? hane_msg(action_table[a].label)
					      : "";
}

const char *hane_ui_action_help(enum hane_ui_action a)
{
	return (unsigned)a < HANE_UI_A__COUNT ? hane_msg(action_table[a].help)
					      : "";
}

int hane_ui_action_for_key(const enum hane_ui_action *acts, int n,
			   enum hane_ui_key k)
{
	for (int i = 0; i < n; i++)
		if (hane_ui_action_key(acts[i]) == k)
			return acts[i];
	return -1;
}

const char *hane_ui_key_name(enum hane_ui_key k)
{
	static const char *const fn[] = {"F1", "F2", "F3", "F4",  "F5",	 "F6",
					 "F7", "F8", "F9", "F10", "F11", "F12"};

	if (k >= HANE_UI_K_F1 && k <= HANE_UI_K_F12)
		return fn[k - HANE_UI_K_F1];
	switch (k) {
	case HANE_UI_K_ENTER:
		return "Enter";
	case HANE_UI_K_LEFT:
		return "\u2190";
	case HANE_UI_K_RIGHT:
		return "\u2192";
	case HANE_UI_K_ESC:
		return "Esc";
	case HANE_UI_K_TAB:
		return "Tab";
	case HANE_UI_K_BTAB:
		return "Shift-Tab";
	case HANE_UI_K_BACKSPACE:
		return "Backspace";
	case HANE_UI_K_PGUP:
		return "PgUp";
	case HANE_UI_K_PGDN:
		return "PgDn";
	default:
		return "";
	}
}

/* Always on the bar, whatever else has to give way: help, back, quit. */
static bool bar_keeps(enum hane_ui_action a)
{
	return a == HANE_UI_A_HELP || a == HANE_UI_A_BACK ||
	       a == HANE_UI_A_QUIT;
}

static int bar_item_width(enum hane_ui_action a)
{
	return hane_text_width(hane_ui_key_name(hane_ui_action_key(a))) + 1 +
	       hane_text_width(hane_ui_action_label(a));
}

/* Where each item of the bar starts (-1: left off). Items are " F2 Kaydet"
 * two spaces apart; when that does not fit, one space apart; when that
 * does not fit either, Help, Back and Quit stay and the others are taken
 * in the screen's order while they fit (F1 lists those left off). */
static void bar_layout(const enum hane_ui_action *acts, int n, int cols,
		       int *xs)
{
	int need = 1, keep = 0;
	bool in[64];

	for (int sep = 2; sep >= 1; sep--) {
		int x = 0;
		bool all = true;

		for (int i = 0; i < n; i++) {
			int start = x + (i ? sep : 1);

			if (start + bar_item_width(acts[i]) > cols) {
				all = false;
				break;
			}
			xs[i] = start;
			x = start + bar_item_width(acts[i]);
		}
		if (all)
			return;
	}
	for (int i = 0; i < n; i++)
		if ((in[i] = bar_keeps(acts[i])))
			keep += bar_item_width(acts[i]) + 1;
	need = keep;
	for (int i = 0; i < n; i++)
		if (!in[i] && need + bar_item_width(acts[i]) + 1 <= cols) {
			in[i] = true;
			need += bar_item_width(acts[i]) + 1;
		}
	for (int i = 0, x = 0; i < n; i++) {
		if (!in[i] || x + 1 + bar_item_width(acts[i]) > cols) {
			xs[i] = -1;
			continue;
		}
		xs[i] = x + 1;
		x = xs[i] + bar_item_width(acts[i]);
	}
}

/* A function key the screen on top does not use: say so, rather than do
 * nothing, so a person (and the test that walks every screen) can tell. */
void ui_unbound_key(struct hane_ui *ui, enum hane_ui_key k)
{
	if (k >= HANE_UI_K_F1 && k <= HANE_UI_K_F12)
		hane_ui_status(ui, false, hane_msg(HANE_M_UI_KEY_UNUSED),
			       hane_ui_key_name(k));
}

char *hane_ui_bar_text(char *out, size_t outsz, const enum hane_ui_action *acts,
		       int n, int cols)
{
	int xs[64];
	int len = 0, col = 0;

	if (outsz == 0)
		return out;
	out[0] = '\0';
	if (n > 64)
		n = 64;
	bar_layout(acts, n, cols, xs);
	for (int i = 0; i < n; i++) {
		char item[128];
		int m;

		if (xs[i] < 0)
			continue;
		m = snprintf(item, sizeof item, "%*s%s %s", xs[i] - col, "",
			     hane_ui_key_name(hane_ui_action_key(acts[i])),
			     hane_ui_action_label(acts[i]));
		if (m < 0 || (size_t)(len + m) + 1 > outsz)
			break;
		memcpy(out + len, item, (size_t)m + 1);
		len += m;
		col = xs[i] + hane_text_width(item) - (xs[i] - col);
	}
	return out;
}

/* ---- Terminal setup and restore ---------------------------------------- */

static volatile sig_atomic_t curses_on;
static struct sigaction old_actions[NSIG];

static void restore_terminal(void)
{
	if (curses_on) {
		curses_on = 0;
		endwin();
	}
}

/* Crash and termination signals: put the terminal back, then let the
 * signal do what it would have done (ASan's handler, a core dump, exit). */
static void on_signal(int sig)
{
	restore_terminal();
	sigaction(sig, &old_actions[sig], NULL);
	raise(sig);
}

static void install_signals(void)
{
	static const int sigs[] = {SIGTERM, SIGHUP,  SIGINT, SIGQUIT, SIGSEGV,
				   SIGBUS,  SIGABRT, SIGFPE, SIGILL};
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, &old_actions[sigs[i]]);
}

/* The console draws UTF-8 whatever the installed locales are: when the
 * environment's codeset is not UTF-8 (LANG=C, or tr_TR.UTF-8 missing),
 * fall back to C.UTF-8, which glibc always has. */
static void setup_locale(void)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (!cs || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0)) {
		if (!setlocale(LC_ALL, "C.UTF-8"))
			setlocale(LC_ALL, "C.utf8");
	}
	/* Numbers are formatted by core, never by printf's locale. */
	setlocale(LC_NUMERIC, "C");
}

/* ---- Colour roles ------------------------------------------------------- */

static const struct {
	short fg, bg;
	attr_t colour_attr; /* added when colours are on */
	attr_t mono;	    /* used instead when they are off */
} role_table[UI_R__COUNT] = {
	[UI_R_NORMAL] = {-1, -1, 0, 0},
	[UI_R_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
	[UI_R_BAR] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[UI_R_BAR_KEY] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD},
	[UI_R_SELECT] = {COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE},
	[UI_R_WARN] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[UI_R_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	[UI_R_MUTED] = {COLOR_BLUE, -1, A_DIM, A_DIM},
	[UI_R_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
	[UI_R_FIELD_FOCUS] = {COLOR_BLACK, COLOR_CYAN, 0, A_UNDERLINE | A_BOLD},
	[UI_R_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[UI_R_CHART] = {COLOR_GREEN, -1, 0, 0},
};

static bool use_color;

static void setup_colors(struct hane_ui *ui)
{
	const char *nc = getenv("NO_COLOR");

	use_color = has_colors() && !(nc && nc[0]);
	if (use_color && start_color() != OK)
		use_color = false;
	if (use_color) {
		use_default_colors();
		for (int r = 1; r < UI_R__COUNT; r++)
			init_pair((short)r, role_table[r].fg, role_table[r].bg);
	}
	ui->color = use_color;
}

static attr_t role_attr(enum ui_role r)
{
	if (!use_color)
		return role_table[r].mono;
	return COLOR_PAIR(r) | role_table[r].colour_attr;
}

/* ---- Drawing ------------------------------------------------------------ */

int ui_lines(void)
{
	return LINES;
}

int ui_cols(void)
{
	return COLS;
}

int ui_top(void)
{
	return 1;
}

int ui_bottom(void)
{
	return LINES - 3; /* then the status line, then the bar */
}

void ui_fill(int y, int x, int cols, enum ui_role r)
{
	if (y < 0 || y >= LINES || cols <= 0)
		return;
	attrset(role_attr(r));
	mvhline(y, x, ' ', cols);
	attrset(A_NORMAL);
}

/* Puts s at (y, x) in at most cols columns (cut with "…"), padding the
 * rest of the cols with the role's background. */
void ui_put(int y, int x, const char *s, int cols, enum ui_role r)
{
	char buf[1024];
	int w;

	if (y < 0 || y >= LINES || x >= COLS || cols <= 0)
		return;
	if (x + cols > COLS)
		cols = COLS - x;
	hane_text_truncate(buf, sizeof buf, s ? s : "", cols);
	w = hane_text_width(buf);
	attrset(role_attr(r));
	mvaddstr(y, x, buf);
	if (w < cols)
		hline(' ', cols - w);
	attrset(A_NORMAL);
}

void ui_putf(int y, int x, int cols, enum ui_role r, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	ui_put(y, x, buf, cols, r);
}

/* Box lines as Unicode text rather than the alternate character set:
 * every UTF-8 terminal (and terminal multiplexer) draws them the same. */
void ui_vline(int y, int x, int h)
{
	for (int i = 0; i < h; i++)
		ui_put(y + i, x, "\u2502", 1, UI_R_NORMAL);
}

static void hrule(int y, int x, int w, const char *l, const char *r,
		  enum ui_role role)
{
	char buf[1024];
	size_t len = 0;

	len += (size_t)snprintf(buf, sizeof buf, "%s", l);
	for (int i = 0; i < w - 2 && len + 4 < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "\u2500");
	snprintf(buf + len, sizeof buf - len, "%s", r);
	ui_put(y, x, buf, w, role);
}

void ui_box(int y, int x, int h, int w, const char *title, enum ui_role r)
{
	for (int i = 0; i < h; i++)
		ui_fill(y + i, x, w, r);
	hrule(y, x, w, "\u250c", "\u2510", r);
	for (int i = 1; i < h - 1; i++) {
		ui_put(y + i, x, "\u2502", 1, r);
		ui_put(y + i, x + w - 1, "\u2502", 1, r);
	}
	hrule(y + h - 1, x, w, "\u2514", "\u2518", r);
	if (title && title[0]) {
		char t[256];

		snprintf(t, sizeof t, " %s ", title);
		ui_put(y, x + 2, t,
		       hane_text_width(t) < w - 4 ? hane_text_width(t) : w - 4,
		       r == UI_R_NORMAL ? UI_R_HEADING : r);
	}
}

/* ---- Text editing ------------------------------------------------------- */

int ui_text_chars(const char *s)
{
	int n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

bool ui_text_insert(char *buf, size_t bufsz, size_t *pos, uint32_t cp,
		    int max_chars)
{
	char enc[4];
	int n;
	size_t len = strlen(buf);

	if (max_chars > 0 && ui_text_chars(buf) >= max_chars)
		return false;
	n = hane_utf8_encode(cp, enc);
	if (n <= 0 || len + (size_t)n + 1 > bufsz)
		return false;
	memmove(buf + *pos + n, buf + *pos, len - *pos + 1);
	memcpy(buf + *pos, enc, (size_t)n);
	*pos += (size_t)n;
	return true;
}

void ui_text_left(const char *buf, size_t *pos)
{
	while (*pos > 0) {
		(*pos)--;
		if (((unsigned char)buf[*pos] & 0xC0) != 0x80)
			break;
	}
}

void ui_text_right(const char *buf, size_t *pos)
{
	if (!buf[*pos])
		return;
	(*pos)++;
	while (buf[*pos] && ((unsigned char)buf[*pos] & 0xC0) == 0x80)
		(*pos)++;
}

bool ui_text_key(char *buf, size_t bufsz, size_t *pos, enum hane_ui_key k,
		 uint32_t ch, int max_chars)
{
	switch (k) {
	case HANE_UI_K_CHAR:
		return ui_text_insert(buf, bufsz, pos, ch, max_chars);
	case HANE_UI_K_BACKSPACE:
		return ui_text_backspace(buf, pos);
	case HANE_UI_K_DELETE:
		return ui_text_delete(buf, *pos);
	case HANE_UI_K_LEFT:
		ui_text_left(buf, pos);
		return false;
	case HANE_UI_K_RIGHT:
		ui_text_right(buf, pos);
		return false;
	case HANE_UI_K_KILL_LINE:
	case HANE_UI_K_KILL_WORD:
		return ui_text_kill(buf, pos, k == HANE_UI_K_KILL_WORD);
	default:
		return false;
	}
}

bool ui_text_kill(char *buf, size_t *pos, bool word)
{
	size_t end = *pos, start = 0;

	if (*pos == 0)
		return false;
	if (word) {
		start = end;
		while (start > 0 && buf[start - 1] == ' ')
			start--;
		while (start > 0 && buf[start - 1] != ' ')
			start--;
	}
	memmove(buf + start, buf + end, strlen(buf + end) + 1);
	*pos = start;
	return true;
}

bool ui_text_backspace(char *buf, size_t *pos)
{
	size_t end = *pos;

	if (*pos == 0)
		return false;
	ui_text_left(buf, pos);
	memmove(buf + *pos, buf + end, strlen(buf + end) + 1);
	return true;
}

bool ui_text_delete(char *buf, size_t pos)
{
	size_t end = pos;

	if (!buf[pos])
		return false;
	ui_text_right(buf, &end);
	memmove(buf + pos, buf + end, strlen(buf + end) + 1);
	return true;
}

void ui_input(int y, int x, int w, const char *buf, size_t pos, enum ui_role r,
	      int *cx)
{
	/* Scroll so the cursor stays visible: start at the first character
	 * from which the text up to the cursor fits in w-1 columns. */
	size_t start = 0;
	char head[1024];

	/* Text that fits is shown whole, the cursor after it on the
	 * field's edge: a full "10:00" in five columns is not "0:00". */
	if (hane_text_width(buf) <= w) {
		size_t n = pos < sizeof head ? pos : sizeof head - 1;

		memcpy(head, buf, n);
		head[n] = '\0';
		ui_put(y, x, buf, w, r);
		if (cx)
			*cx = x + hane_text_width(head);
		return;
	}
	for (;;) {
		size_t n = pos - start;

		if (n >= sizeof head)
			n = sizeof head - 1;
		memcpy(head, buf + start, n);
		head[n] = '\0';
		if (hane_text_width(head) <= w - 1 || start >= pos)
			break;
		ui_text_right(buf, &start);
	}
	ui_put(y, x, buf + start, w, r);
	if (cx)
		*cx = x + hane_text_width(head);
}

bool ui_fold_contains(const char *hay, const char *needle)
{
	char h[512], n[256];

	hane_text_fold(h, sizeof h, hay);
	hane_text_fold(n, sizeof n, needle);
	return n[0] == '\0' || strstr(h, n) != NULL;
}

/* ---- Session ------------------------------------------------------------ */

hane_db *hane_ui_db(struct hane_ui *ui)
{
	return ui->db;
}

bool hane_ui_quitting(const struct hane_ui *ui)
{
	return ui->quit;
}

void hane_ui_title_push(struct hane_ui *ui, const char *crumb)
{
	if (ui->ncrumbs < UI_MAX_CRUMBS)
		snprintf(ui->crumbs[ui->ncrumbs], sizeof ui->crumbs[0], "%s",
			 crumb ? crumb : "");
	ui->ncrumbs++;
}

void hane_ui_title_pop(struct hane_ui *ui)
{
	if (ui->ncrumbs > 0)
		ui->ncrumbs--;
}

void hane_ui_status(struct hane_ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof ui->status, fmt, ap);
	va_end(ap);
	/* Messages shared with the CLI end in a line break: not here. */
	for (size_t n = strlen(ui->status);
	     n > 0 && (ui->status[n - 1] == '\n' || ui->status[n - 1] == ' ');
	     n--)
		ui->status[n - 1] = '\0';
	ui->status_error = error;
}

void ui_push(struct hane_ui *ui, void (*draw)(struct hane_ui *, void *),
	     void *arg, const enum hane_ui_action *acts, int nacts)
{
	if (ui->nframes >= UI_MAX_FRAMES)
		hane_die("ui: too many nested screens");
	ui->frames[ui->nframes++] =
		(struct ui_frame){draw, arg, acts, nacts, true};
}

void ui_push_dialog(struct hane_ui *ui, void (*draw)(struct hane_ui *, void *),
		    void *arg, const enum hane_ui_action *acts, int nacts)
{
	ui_push(ui, draw, arg, acts, nacts);
	ui->frames[ui->nframes - 1].full = false;
}

void ui_pop(struct hane_ui *ui)
{
	if (ui->nframes > 0)
		ui->nframes--;
}

static bool too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

static void draw_too_small(void)
{
	char buf[256];
	int y = LINES / 2 - 1;

	erase();
	snprintf(buf, sizeof buf, hane_msg(HANE_M_UI_TOO_SMALL), UI_MIN_COLS,
		 UI_MIN_LINES);
	ui_put(y < 0 ? 0 : y, 0, buf, COLS, UI_R_ERROR);
	snprintf(buf, sizeof buf, hane_msg(HANE_M_UI_TOO_SMALL_NOW), COLS,
		 LINES);
	ui_put(y + 1, 0, buf, COLS, UI_R_NORMAL);
}

static void draw_bar(const enum hane_ui_action *acts, int nacts);

void ui_redraw(struct hane_ui *ui)
{
	int first;

	ui->cur_y = ui->cur_x = -1;
	if (too_small()) {
		draw_too_small();
		curs_set(0);
		refresh();
		return;
	}
	erase();
	first = ui->nframes - 1;
	while (first > 0 && !ui->frames[first].full)
		first--;
	for (int i = first < 0 ? 0 : first; i < ui->nframes; i++) {
		ui->cur_y = ui->cur_x = -1;
		ui->frames[i].draw(ui, ui->frames[i].arg);
	}
	/* The bar is the top frame's, from the same list of actions its keys
	 * are dispatched from and F1 shows: a dialog over a screen shows
	 * its own keys, never the screen's. */
	if (ui->nframes > 0)
		draw_bar(ui->frames[ui->nframes - 1].actions,
			 ui->frames[ui->nframes - 1].nactions);
	if (ui->cur_y >= 0) {
		curs_set(1);
		move(ui->cur_y, ui->cur_x);
	} else {
		curs_set(0);
		move(LINES - 1, COLS - 1);
	}
	refresh();
}

/* The function-key bar: keys in their own role, labels in the bar's ("F2"
 * then "Kaydet"). */
static void draw_bar(const enum hane_ui_action *acts, int nacts)
{
	int xs[64];

	ui_fill(LINES - 1, 0, COLS, UI_R_BAR);
	if (nacts > 64)
		nacts = 64;
	bar_layout(acts, nacts, COLS, xs);
	for (int i = 0; i < nacts; i++) {
		const char *k = hane_ui_key_name(hane_ui_action_key(acts[i]));
		const char *l = hane_ui_action_label(acts[i]);
		int kw = hane_text_width(k);

		if (xs[i] < 0)
			continue;
		ui_put(LINES - 1, xs[i], k, kw, UI_R_BAR_KEY);
		ui_put(LINES - 1, xs[i] + kw + 1, l, hane_text_width(l),
		       UI_R_BAR);
	}
}

char *hane_ui_crumbs_text(char *out, size_t outsz, const char *const *crumbs,
			  int n, int cols)
{
	static const char sep[] = " \u203a ";

	for (int skip = 0; skip < n; skip++) {
		size_t len = 0;

		/* skip = how many crumbs after the first give way to "…" */
		if (skip > 0 && skip >= n - 1)
			break;
		out[0] = '\0';
		for (int i = 0; i < n && len < outsz; i++) {
			if (i > 0 && i <= skip) {
				if (i == 1)
					len += (size_t)snprintf(
						out + len, outsz - len,
						"%s\u2026", sep);
				continue;
			}
			len += (size_t)snprintf(out + len, outsz - len, "%s%s",
						i ? sep : "", crumbs[i]);
		}
		if (len < outsz && hane_text_width(out) <= cols)
			return out;
	}
	/* Only the first and the last are left: cut the last at its end. */
	{
		char all[1024];

		if (n > 2)
			snprintf(all, sizeof all, "%s%s\u2026%s%s", crumbs[0],
				 sep, sep, crumbs[n - 1]);
		else if (n == 2)
			snprintf(all, sizeof all, "%s%s%s", crumbs[0], sep,
				 crumbs[1]);
		else
			snprintf(all, sizeof all, "%s", n ? crumbs[0] : "");
		return hane_text_truncate(out, outsz, all, cols);
	}
}

void ui_chrome(struct hane_ui *ui, const char *info,
	       const enum hane_ui_action *acts, int nacts)
{
	char left[1024], right[256];
	const char *crumbs[UI_MAX_CRUMBS + 1];
	int nc = 0;
	int rw;

	crumbs[nc++] = " hane";
	for (int i = 0; i < ui->ncrumbs && i < UI_MAX_CRUMBS; i++)
		crumbs[nc++] = ui->crumbs[i];
	snprintf(right, sizeof right, "%s%s%s \u00b7 %s ", info ? info : "",
		 info && info[0] ? " \u00b7 " : "", ui->db_label, ui->user);
	rw = hane_text_width(right);
	hane_ui_crumbs_text(left, sizeof left, crumbs, nc,
			    COLS - rw - 1 > 12 ? COLS - rw - 1 : 12);
	ui_fill(0, 0, COLS, UI_R_TITLE);
	ui_put(0, 0, left, COLS - rw - 1, UI_R_TITLE);
	if (rw < COLS)
		ui_put(0, COLS - rw, right, rw, UI_R_TITLE);

	ui->status_cut = false;
	if (ui->status[0]) {
		char s[600];
		const char *hint = hane_msg(HANE_M_UI_STATUS_WHOLE);
		int hw = hane_text_width(hint) + 2;

		snprintf(s, sizeof s, " %s %s",
			 ui->status_error ? "\u2717" : "\u2022", ui->status);
		/* A message too long for the line, or of several lines, is
		 * cut with "…" and says which key shows it whole. */
		if (hane_text_width(s) > COLS || strchr(s, '\n')) {
			char *nl = strchr(s, '\n');

			if (nl)
				*nl = '\0';
			ui->status_cut = true;
			ui_put(LINES - 2, 0, s, COLS - hw,
			       ui->status_error ? UI_R_ERROR : UI_R_NORMAL);
			if (nl && hane_text_width(s) < COLS - hw)
				ui_put(LINES - 2, hane_text_width(s), "\u2026",
				       1, UI_R_NORMAL);
			ui_put(LINES - 2, COLS - hw, "", 1, UI_R_NORMAL);
			ui_put(LINES - 2, COLS - hw + 1, hint, hw - 1,
			       UI_R_BAR_KEY);
		} else {
			ui_put(LINES - 2, 0, s, COLS,
			       ui->status_error ? UI_R_ERROR : UI_R_NORMAL);
		}
	}

	draw_bar(acts, nacts);
}

/* ---- Keys --------------------------------------------------------------- */

/* Sequences terminals send whatever TERM claims (as Midnight Commander
 * does): offices reach the server with PuTTY, whose F-keys are rxvt's
 * ESC[11~… unless set to "Linux" (ESC[[A…) or VT100+ (ESC O P…), while TERM
 * says xterm; VT100/VT220 and xterm send ESC O P… for F1-F4; the cursor
 * keys come in both normal (ESC[A) and application (ESC O A) mode. Each is
 * taught to ncurses with define_key() at start unless terminfo already
 * binds it to the same key. */
static const struct {
	const char *seq;
	int code;
} known_keys[] = {
	/* PuTTY default, rxvt, xterm R6: F1-F4; then the VT220 F5-F12. */
	{"\033[11~", KEY_F(1)},
	{"\033[12~", KEY_F(2)},
	{"\033[13~", KEY_F(3)},
	{"\033[14~", KEY_F(4)},
	{"\033[15~", KEY_F(5)},
	{"\033[17~", KEY_F(6)},
	{"\033[18~", KEY_F(7)},
	{"\033[19~", KEY_F(8)},
	{"\033[20~", KEY_F(9)},
	{"\033[21~", KEY_F(10)},
	{"\033[23~", KEY_F(11)},
	{"\033[24~", KEY_F(12)},
	/* Linux console, PuTTY's Linux mode: F1-F5. */
	{"\033[[A", KEY_F(1)},
	{"\033[[B", KEY_F(2)},
	{"\033[[C", KEY_F(3)},
	{"\033[[D", KEY_F(4)},
	{"\033[[E", KEY_F(5)},
	/* VT100, VT220, xterm, screen, tmux: F1-F4; PuTTY VT100+: F5-F12. */
	{"\033OP", KEY_F(1)},
	{"\033OQ", KEY_F(2)},
	{"\033OR", KEY_F(3)},
	{"\033OS", KEY_F(4)},
	{"\033OT", KEY_F(5)},
	{"\033OU", KEY_F(6)},
	{"\033OV", KEY_F(7)},
	{"\033OW", KEY_F(8)},
	{"\033OX", KEY_F(9)},
	{"\033OY", KEY_F(10)},
	{"\033OZ", KEY_F(11)},
	{"\033O[", KEY_F(12)},
	/* Cursor keys in normal and application mode. */
	{"\033[A", KEY_UP},
	{"\033OA", KEY_UP},
	{"\033[B", KEY_DOWN},
	{"\033OB", KEY_DOWN},
	{"\033[C", KEY_RIGHT},
	{"\033OC", KEY_RIGHT},
	{"\033[D", KEY_LEFT},
	{"\033OD", KEY_LEFT},
	/* Home and End: xterm, VT220/PuTTY, rxvt. */
	{"\033[H", KEY_HOME},
	{"\033OH", KEY_HOME},
	{"\033[1~", KEY_HOME},
	{"\033[7~", KEY_HOME},
	{"\033[F", KEY_END},
	{"\033OF", KEY_END},
	{"\033[4~", KEY_END},
	{"\033[8~", KEY_END},
	{"\033[2~", KEY_IC},
	{"\033[3~", KEY_DC},
	{"\033[5~", KEY_PPAGE},
	{"\033[6~", KEY_NPAGE},
	{"\033[Z", KEY_BTAB},
	{"\033OM", KEY_ENTER},
};

static void define_known_keys(void)
{
	for (size_t i = 0; i < sizeof known_keys / sizeof known_keys[0]; i++) {
		int have = key_defined(known_keys[i].seq);

		if (have == known_keys[i].code || have < 0)
			continue;
		/* Bound to something else (xterm's kfnd for ESC[1~, which
		 * PuTTY sends for Home): the terminal's habit wins. */
		if (have > 0)
			define_key(known_keys[i].seq, 0);
		define_key(known_keys[i].seq, known_keys[i].code);
	}
}

static enum hane_ui_key map_key(int rc, wint_t wc, uint32_t *ch)
{
	if (rc == KEY_CODE_YES) {
		if (wc >= (wint_t)KEY_F(1) && wc <= (wint_t)KEY_F(12))
			return (enum hane_ui_key)(HANE_UI_K_F1 +
						  (int)(wc - KEY_F(1)));
		switch (wc) {
		case KEY_ENTER:
			return HANE_UI_K_ENTER;
		case KEY_BTAB:
			return HANE_UI_K_BTAB;
		case KEY_UP:
			return HANE_UI_K_UP;
		case KEY_DOWN:
			return HANE_UI_K_DOWN;
		case KEY_LEFT:
			return HANE_UI_K_LEFT;
		case KEY_RIGHT:
			return HANE_UI_K_RIGHT;
		case KEY_PPAGE:
			return HANE_UI_K_PGUP;
		case KEY_NPAGE:
			return HANE_UI_K_PGDN;
		case KEY_HOME:
		case KEY_FIND:
		case KEY_A1:
			return HANE_UI_K_HOME;
		case KEY_END:
		case KEY_SELECT:
		case KEY_C1:
			return HANE_UI_K_END;
		case KEY_BACKSPACE:
			return HANE_UI_K_BACKSPACE;
		case KEY_DC:
			return HANE_UI_K_DELETE;
		case KEY_RESIZE:
			return HANE_UI_K_RESIZE;
		default:
			return HANE_UI_K_NONE;
		}
	}
	switch (wc) {
	case '\n':
	case '\r':
		return HANE_UI_K_ENTER;
	case 27:
		return HANE_UI_K_ESC;
	case '\t':
		return HANE_UI_K_TAB;
	case 127:
	case 8:
		return HANE_UI_K_BACKSPACE;
	case 21: /* Ctrl-U */
		return HANE_UI_K_KILL_LINE;
	case 23: /* Ctrl-W */
		return HANE_UI_K_KILL_WORD;
	default:
		if (wc < 32)
			return HANE_UI_K_NONE;
		*ch = (uint32_t)wc;
		return HANE_UI_K_CHAR;
	}
}

/* Ctrl-F then a digit: the F-key (0 = F10), for a terminal that sends
 * neither F-keys nor Esc with Alt. Waits for the digit, as a prefix key
 * does (tmux's Ctrl-B); anything else cancels it. */
#define FKEY_PREFIX 6

static enum hane_ui_key fkey_prefix(struct hane_ui *ui)
{
	wint_t wc;
	int rc;

	hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_FKEY_PREFIX));
	ui_redraw(ui);
	do
		rc = get_wch(&wc);
	while (rc == KEY_CODE_YES && wc == KEY_RESIZE);
	ui->status[0] = '\0';
	if (rc == OK && wc >= '0' && wc <= '9')
		return wc == '0' ? HANE_UI_K_F10
				 : (enum hane_ui_key)(HANE_UI_K_F1 +
						      (int)(wc - '1'));
	ui_redraw(ui);
	return HANE_UI_K_NONE;
}

/* Waits for a key. While the session's read log has rows waiting (a
 * search's, hane_store_audit_event_later), it waits at most until they are
 * due, writes them, and goes on waiting: a person who searches and then
 * sits still is logged within a second. */
static int read_wch(struct hane_ui *ui, wint_t *wc)
{
	int due, rc;

	while (ui->db && (due = hane_store_events_due(ui->db)) >= 0) {
		timeout(due);
		rc = get_wch(wc);
		timeout(-1);
		if (rc != ERR)
			return rc;
		/* Locked: due again in a quarter second, never blocking the
		 * keyboard. Broken: the next commit or the close tries. */
		rc = hane_store_events_try(ui->db);
		if (rc != 0 && rc != HANE_EBUSY)
			break;
	}
	return get_wch(wc);
}

static enum hane_ui_key read_raw(struct hane_ui *ui, uint32_t *ch)
{
	wint_t wc;
	int rc;

	if (ui->pending != HANE_UI_K_NONE) {
		enum hane_ui_key k = ui->pending;

		*ch = ui->pending_ch;
		ui->pending = HANE_UI_K_NONE;
		ui->pending_ch = 0;
		return k;
	}
	rc = read_wch(ui, &wc);
	if (rc == ERR)
		return HANE_UI_K_NONE;
	if (rc == OK && wc == FKEY_PREFIX)
		return fkey_prefix(ui);
	return map_key(rc, wc, ch);
}

/* The next byte only if it is already there (arrived with the Esc). */
static int pending(wint_t *wc)
{
	int rc;

	timeout(0);
	rc = get_wch(wc);
	timeout(-1);
	return rc;
}

/* An Esc curses did not make a key of. By the time it arrives, curses has
 * waited its escape delay, so a person's Esc is alone. What came with it:
 *  - nothing: Esc, at once (another Esc: this one, then that one);
 *  - a digit: the F-key (Alt+2 or "Esc 2" sent together; 0 = F10), the
 *    fallback for terminals without F-keys;
 *  - a whole key (Esc then F10 typed quickly, or joined on a slow
 *    link): Esc now, that key next — neither is lost;
 *  - '[' or 'O': a sequence no table knows (F13, Ctrl-F1…): swallowed to
 *    its final byte and named in the status line, so none of its bytes is
 *    typed into a field or answers a question;
 *  - anything else (Alt+letter): swallowed with a note, for the same
 *    reason. */
static enum hane_ui_key after_esc(struct hane_ui *ui)
{
	wint_t wc;
	int rc = pending(&wc);
	char seen[32];
	size_t n = 0;

	if (rc == ERR)
		return HANE_UI_K_ESC;
	if (rc == OK && wc == 27) {
		/* Esc Esc in one read (a quick double press, a slow link):
		 * two "back"s. The second is kept here, not given back to
		 * curses: read again it would take the key after it (Esc
		 * then F10) for an Alt chord and be lost. */
		ui->pending = HANE_UI_K_ESC;
		return HANE_UI_K_ESC;
	}
	if (rc == OK && wc >= '0' && wc <= '9')
		return wc == '0' ? HANE_UI_K_F10
				 : (enum hane_ui_key)(HANE_UI_K_F1 +
						      (int)(wc - '1'));
	if (rc == KEY_CODE_YES) {
		/* Esc then a whole key that came with it (Esc then F10
		 * typed quickly, or over a slow link): Esc, and the key
		 * next. Alt chords mean nothing here (PuTTY's Alt+F2 is Esc
		 * then F2). */
		ui->pending = map_key(rc, wc, &ui->pending_ch);
		return HANE_UI_K_ESC;
	}
	seen[n++] = '^';
	seen[n++] = '[';
	if (wc == '[' || wc == 'O') {
		bool csi = wc == '[';
		int count = 0;

		seen[n++] = (char)wc;
		/* Linux console's ESC [ [ A: one more introducer. */
		while ((rc = pending(&wc)) == OK && count++ < 24) {
			if (n + 2 < sizeof seen && wc >= 32 && wc < 127)
				seen[n++] = (char)wc;
			if (csi && wc == '[' && count == 1)
				continue;
			if (!csi || (wc >= 0x40 && wc <= 0x7E))
				break;
		}
	} else if (wc >= 32 && wc < 127) {
		seen[n++] = (char)wc;
	}
	seen[n] = '\0';
	hane_ui_status(ui, true, hane_msg(HANE_M_UI_KEY_UNKNOWN), seen);
	return HANE_UI_K_NONE;
}

enum hane_ui_key ui_key(struct hane_ui *ui, uint32_t *ch)
{
	enum hane_ui_key k;
	uint32_t dummy;

	if (!ch)
		ch = &dummy;
	*ch = 0;
	ui_redraw(ui);
	for (;;) {
		bool kept = ui->pending != HANE_UI_K_NONE; /* read already */

		k = read_raw(ui, ch);
		if (k == HANE_UI_K_ESC && !kept)
			k = after_esc(ui);
		if (k == HANE_UI_K_NONE && ui->status[0]) {
			ui_redraw(ui); /* names a key it did not know */
			continue;
		}
		if (k == HANE_UI_K_RESIZE) {
			ui_redraw(ui);
			if (!too_small())
				return k;
			continue;
		}
		if (k == HANE_UI_K_NONE)
			continue;
		if (too_small()) {
			/* Nothing is visible to act on; only F10 works. */
			if (k == HANE_UI_K_F10) {
				ui->quit = true;
				return k;
			}
			continue;
		}
		if (k == HANE_UI_K_F1 && ui->status_cut && ui->status[0]) {
			/* F1 while a message is cut: the message whole; F1
			 * again is the help. */
			const char *ok[] = {hane_msg(HANE_M_UI_OK)};
			char msg[sizeof ui->status];

			snprintf(msg, sizeof msg, "%s", ui->status);
			ui->status[0] = '\0';
			ui->status_cut = false;
			hane_ui_buttons(ui, hane_msg(HANE_M_UI_STATUS_TITLE),
					msg, ok, 1);
			ui_redraw(ui);
			continue;
		}
		ui->status[0] = '\0';
		return k;
	}
}

/* Text over as many lines as it needs from column x, the lines after
 * the first indented by two more, down to row ymax (exclusive); returns
 * the row after it. A help line is never cut to an ellipsis while the
 * screen has room for the rest. */
static int put_wrapped(int y, int ymax, int x, const char *text, enum ui_role r)
{
	size_t starts[8];
	int w = COLS - x - 1, n, i;

	if (w < 10)
		return y + 1;
	n = hane_text_wrap(text, w - 2, starts, 8);
	for (i = 0; i < n && i < 8 && y < ymax; i++, y++) {
		size_t end =
			i + 1 < n && i + 1 < 8 ? starts[i + 1] : strlen(text);
		char line[512];
		size_t len = end - starts[i];

		while (len > 0 && (text[starts[i] + len - 1] == ' ' ||
				   text[starts[i] + len - 1] == '\n'))
			len--;
		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, text + starts[i], len);
		line[len] = '\0';
		/* The last line shown takes what is left, cut only if the
		 * screen ends. */
		if (i + 1 == 8 || y + 1 == ymax)
			snprintf(line, sizeof line, "%s", text + starts[i]);
		ui_put(y, i ? x + 2 : x, line, i ? w - 2 : w, r);
	}
	return y;
}

static void draw_help(struct hane_ui *ui, void *arg)
{
	const struct ui_frame *f = arg;
	static const enum hane_ui_action close[] = {HANE_UI_A_BACK};
	static const enum hane_msg tail[] = {
		HANE_M_UI_HELP_MOVE, HANE_M_UI_HELP_SEARCH, HANE_M_UI_HELP_ESC,
		HANE_M_UI_HELP_QUIT};
	int y = ui_top() + 1, bottom = ui_bottom();

	ui_chrome(ui, NULL, close, 1);
	ui_put(ui_top(), 1, hane_msg(HANE_M_UI_HELP_TITLE), COLS - 2,
	       UI_R_HEADING);
	for (int i = 0; i < f->nactions && y < bottom; i++) {
		enum hane_ui_action a = f->actions[i];
		char t[1024];

		ui_putf(y, 2, 12, UI_R_BAR_KEY, "%s",
			hane_ui_key_name(hane_ui_action_key(a)));
		snprintf(t, sizeof t, "%s \u2014 %s", hane_ui_action_label(a),
			 hane_ui_action_help(a));
		y = put_wrapped(y, bottom, 14, t, UI_R_NORMAL);
	}
	y++;
	for (size_t i = 0; i < HANE_COUNTOF(tail) && y < bottom; i++)
		y = put_wrapped(y, bottom, 2, hane_msg(tail[i]), UI_R_NORMAL);
}

void ui_help(struct hane_ui *ui, const enum hane_ui_action *acts, int n)
{
	static const enum hane_ui_action close[] = {HANE_UI_A_BACK};
	struct ui_frame f = {NULL, NULL, acts, n, true};

	hane_ui_title_push(ui, hane_msg(HANE_M_UI_ACT_HELP));
	ui_push(ui, draw_help, &f, close, 1);
	for (;;) {
		enum hane_ui_key k = ui_key(ui, NULL);

		if (k == HANE_UI_K_RESIZE)
			continue;
		if (k == HANE_UI_K_F10)
			ui->quit = true;
		break;
	}
	ui_pop(ui);
	hane_ui_title_pop(ui);
}

bool ui_global_key(struct hane_ui *ui, enum hane_ui_key k)
{
	if (k == HANE_UI_K_F10) {
		ui->quit = true;
		return true;
	}
	/* F3 from anywhere: the person search, unless this screen gives F3
	 * a meaning of its own, or a dialog is open. */
	if (k == HANE_UI_K_F3 && ui->nframes > 0 &&
	    ui->nframes < UI_MAX_FRAMES - 8) {
		const struct ui_frame *top = &ui->frames[ui->nframes - 1];

		if (!top->full ||
		    hane_ui_action_for_key(top->actions, top->nactions, k) >= 0)
			return false;
		if (!ui->search)
			return false;
		ui->search(ui, NULL);
		return true;
	}
	if (k == HANE_UI_K_F1 && ui->nframes > 0) {
		const struct ui_frame *top = &ui->frames[ui->nframes - 1];

		ui_help(ui, top->actions, top->nactions);
		return true;
	}
	return false;
}

void hane_ui_error_rc(struct hane_ui *ui, int rc)
{
	char buf[1024];
	const char *d = hane_error_last();

	if (d && d[0])
		snprintf(buf, sizeof buf, "%s: %s", hane_strerror(rc), d);
	else
		snprintf(buf, sizeof buf, "%s", hane_strerror(rc));
	hane_ui_error(ui, buf);
}

int hane_ui_error_if(struct hane_ui *ui, int rc)
{
	if (rc != 0)
		hane_ui_error_rc(ui, rc);
	return rc;
}

bool hane_ui_may_add(struct hane_ui *ui, int rc, enum hane_action a,
		     enum hane_msg refused)
{
	if (rc != HANE_ENOTFOUND) {
		if (rc != 0)
			hane_ui_error_rc(ui, rc);
		return false;
	}
	hane_error_clear();
	if ((rc = hane_can(hane_ui_db(ui), a)) == 0)
		return true;
	if (refused)
		hane_ui_status(ui, false, "%s", hane_msg(refused));
	else
		hane_ui_error_rc(ui, rc);
	return false;
}

/* ---- Start and stop ----------------------------------------------------- */

static void start_curses(struct hane_ui *ui)
{
	setup_locale();
	/* How long curses waits after an Esc to tell it from the start of a
	 * key's sequence: short enough that Esc means "back" at once, long
	 * enough for a sequence split over a slow SSH link. ESCDELAY in the
	 * environment (ncurses' own variable) overrides it. */
	if (!getenv("ESCDELAY"))
		set_escdelay(50);
	/* Before initscr: ncurses then keeps its own SIGTERM/SIGINT handlers
	 * out, and ours can die by the signal after restoring the screen. */
	install_signals();
	if (!initscr())
		hane_die("ui: cannot start the terminal");
	curses_on = 1;
	hane_set_die_handler(restore_terminal);
	raw(); /* no flow control: Ctrl-S/Ctrl-Q mean nothing here */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_known_keys();
	setup_colors(ui);
	curs_set(0);
}

static void stop_curses(void)
{
	restore_terminal();
	hane_set_die_handler(NULL);
}

struct hane_ui *hane_ui_start(hane_db *db, const struct hane_ui_options *opt)
{
	struct hane_ui *ui = calloc(1, sizeof *ui);
	const struct hane_actor *actor;

	if (!ui) {
		fprintf(stderr, "hane: %s\n", hane_strerror(HANE_ENOMEM));
		return NULL;
	}
	ui->db = db;
	snprintf(ui->db_label, sizeof ui->db_label, "%s",
		 opt && opt->db_label ? opt->db_label : "");
	actor = db ? hane_store_actor(db) : NULL;
	snprintf(ui->user, sizeof ui->user, "%s",
		 actor && actor->username[0] ? actor->username : "?");
	start_curses(ui);
	return ui;
}

void hane_ui_stop(struct hane_ui *ui)
{
	stop_curses();
	free(ui);
}

void hane_ui_set_search(struct hane_ui *ui,
			int (*search)(struct hane_ui *ui, const char *query))
{
	ui->search = search;
}

/* ---- A screen its owner draws ---------------------------------------------- */

static enum ui_role role_of(enum hane_ui_role r)
{
	switch (r) {
	case HANE_UI_ROLE_SELECT:
		return UI_R_SELECT;
	case HANE_UI_ROLE_MUTED:
		return UI_R_MUTED;
	case HANE_UI_ROLE_CHART:
		return UI_R_CHART;
	default:
		return UI_R_NORMAL;
	}
}

void hane_ui_screen_push(struct hane_ui *ui,
			 void (*draw)(struct hane_ui *ui, void *arg), void *arg,
			 const enum hane_ui_action *acts, int nacts)
{
	ui_push(ui, draw, arg, acts, nacts);
}

void hane_ui_screen_pop(struct hane_ui *ui)
{
	ui_pop(ui);
}

void hane_ui_chrome(struct hane_ui *ui, const char *info,
		    const enum hane_ui_action *acts, int nacts)
{
	ui_chrome(ui, info, acts, nacts);
}

enum hane_ui_key hane_ui_read_key(struct hane_ui *ui, uint32_t *ch)
{
	return ui_key(ui, ch);
}

bool hane_ui_global_key(struct hane_ui *ui, enum hane_ui_key k)
{
	return ui_global_key(ui, k);
}

void hane_ui_unbound_key(struct hane_ui *ui, enum hane_ui_key k)
{
	ui_unbound_key(ui, k);
}

int hane_ui_top(void)
{
	return ui_top();
}

int hane_ui_cols(void)
{
	return ui_cols();
}

void hane_ui_box(int y, int x, int h, int w, const char *title)
{
	ui_box(y, x, h, w, title, UI_R_NORMAL);
}

void hane_ui_put(int y, int x, const char *s, int cols, enum hane_ui_role r)
{
	ui_put(y, x, s, cols, role_of(r));
}
