/* Dialogs: buttons (confirm, error, the conflict question), choose from a
 * list, and the progress bar. Each draws over the screens below it. */
#include <curses.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "ui/internal.h"

#define WRAP_MAX 16

/* Splits text into lines of at most w columns at spaces (a word longer
 * than w is cut between letters) and at its line breaks, which are never
 * printed. Returns the number of lines; the last one shown ends in "…"
 * when there were more than max. */
static int wrap(const char *text, int w, char out[][256], int max)
{
	size_t starts[WRAP_MAX + 1];
	int total = hane_text_wrap(text, w, starts, WRAP_MAX + 1);
	int n = total < max ? total : max;

	for (int i = 0; i < n; i++) {
		size_t end = i + 1 < total ? starts[i + 1] : strlen(text);
		size_t len;

		while (end > starts[i] &&
		       (text[end - 1] == '\n' || text[end - 1] == ' '))
			end--;
		len = end - starts[i];
		if (len >= sizeof out[0])
			len = sizeof out[0] - 1;
		memcpy(out[i], text + starts[i], len);
		out[i][len] = '\0';
		if (i == n - 1 && total > n) {
			char t[260];

			if (hane_text_width(out[i]) < w)
				snprintf(t, sizeof t, "%s\u2026", out[i]);
			else
				hane_text_truncate(t, sizeof t, out[i], w);
			hane_text_copy(out[i], sizeof out[0], t, 0);
		}
	}
	return n;
}

/* ---- Buttons ------------------------------------------------------------ */

struct buttons {
	const char *title;
	const char *text;
	const char *const *labels;
	int n;
	int sel;
	bool error;
};

static void draw_buttons(struct hane_ui *ui, void *arg)
{
	struct buttons *b = arg;
	char lines[WRAP_MAX][256];
	int w = ui_cols() - 8 > 64 ? 64 : ui_cols() - 8;
	int nl = wrap(b->text, w - 4, lines, WRAP_MAX);
	int h = nl + 4;
	int y = (ui_lines() - h) / 2, x = (ui_cols() - w) / 2;
	int bx;

	ui_box(y, x, h, w, b->title, UI_R_NORMAL);
	for (int i = 0; i < nl; i++)
		ui_put(y + 1 + i, x + 2, lines[i], w - 4,
		       b->error && i == 0 ? UI_R_ERROR : UI_R_NORMAL);
	bx = x + 2;
	for (int i = 0; i < b->n; i++) {
		char t[128];
		int tw;

		snprintf(t, sizeof t, "%s[ %s ]", i == b->sel ? "\u25b6" : " ",
			 b->labels[i]);
		tw = hane_text_width(t);
		ui_put(y + h - 2, bx, t, tw,
		       i == b->sel ? UI_R_SELECT : UI_R_NORMAL);
		bx += tw + 1;
	}
}

/* The buttons dialog, starting on button def; digits pick a button when
 * `digits` (choices), never in a yes/no question, whose answer must be a
 * deliberate Enter on the button chosen with ←→/Tab. */
static int buttons_run(struct hane_ui *ui, const char *title, const char *text,
		       const char *const *labels, int n, int def, bool digits)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_CHOOSE, HANE_UI_A_NEXT,
		HANE_UI_A_BACK, HANE_UI_A_QUIT};
	struct buttons b = {title, text, labels, n, def, false};
	int ret = -1;

	ui_push_dialog(ui, draw_buttons, &b, acts,
		       sizeof acts / sizeof acts[0]);
	while (!ui->quit) {
		uint32_t ch = 0;
		enum hane_ui_key k = ui_key(ui, &ch);

		if (k == HANE_UI_K_RESIZE)
			continue;
		if (ui_global_key(ui, k))
			continue;
		if (k == HANE_UI_K_ESC)
			break;
		if (k == HANE_UI_K_ENTER) {
			ret = b.sel;
			break;
		}
		if (k == HANE_UI_K_TAB || k == HANE_UI_K_RIGHT)
			b.sel = (b.sel + 1) % n;
		else if (k == HANE_UI_K_BTAB || k == HANE_UI_K_LEFT)
			b.sel = (b.sel + n - 1) % n;
		else if (digits && k == HANE_UI_K_CHAR && ch >= '1' &&
			 ch < '1' + (unsigned)n) {
			ret = (int)(ch - '1');
			break;
		} else
			ui_unbound_key(ui, k);
	}
	ui_pop(ui);
	return ret;
}

int hane_ui_buttons(struct hane_ui *ui, const char *title, const char *text,
		    const char *const *labels, int n)
{
	return buttons_run(ui, title, text, labels, n, 0, true);
}

/* "Hayır" is chosen when the question opens: a key that arrives unasked
 * (a habit, a key the terminal sent oddly) never says yes. */
bool hane_ui_confirm(struct hane_ui *ui, const char *text)
{
	const char *labels[] = {hane_msg(HANE_M_UI_YES),
				hane_msg(HANE_M_UI_NO)};

	return buttons_run(ui, hane_msg(HANE_M_UI_CONFIRM_TITLE), text, labels,
			   2, 1, false) == 0;
}

void hane_ui_error(struct hane_ui *ui, const char *text)
{
	const char *labels[] = {hane_msg(HANE_M_UI_OK)};
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_CHOOSE, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct buttons b = {
		hane_msg(HANE_M_UI_ERROR_TITLE), text, labels, 1, 0, true};

	ui_push_dialog(ui, draw_buttons, &b, acts,
		       sizeof acts / sizeof acts[0]);
	while (!ui->quit) {
		enum hane_ui_key k = ui_key(ui, NULL);

		if (k == HANE_UI_K_ENTER || k == HANE_UI_K_ESC)
			break;
		if (k == HANE_UI_K_F10)
			ui->quit = true;
		else if (k == HANE_UI_K_F1)
			ui_global_key(ui, k);
		else
			ui_unbound_key(ui, k);
	}
	ui_pop(ui);
}

/* ---- Choose from a list ------------------------------------------------- */

struct choose {
	const char *title;
	const char *const *items;
	int n;
	char query[128];
	size_t qpos;
	struct hane_ui_list *l; /* the items that match, id = index */
};

static const struct hane_ui_column choose_col[] = {
	HANE_UI_COL_FLEX(HANE_M_UI_CHOOSE_ITEM, 10, 40, 0)};

static void choose_fill(struct choose *c)
{
	int64_t keep = hane_ui_list_selected_id(c->l);

	hane_ui_list_clear(c->l);
	for (int i = 0; i < c->n; i++)
		if (ui_fold_contains(c->items[i], c->query) &&
		    hane_ui_list_add(c->l, i, &c->items[i]) != 0)
			break;
	hane_ui_list_select_id(c->l, keep);
}

/* The selection goes to the first item that starts with what was typed
 * (type-ahead, folded: "cag" → "Çağla"), else to the first that holds it
 * (the filter keeps only those). */
static void choose_jump(struct choose *c)
{
	int n = hane_ui_list_count(c->l);

	hane_ui_list_select(c->l, 0);
	for (int i = 0; i < n; i++) {
		const char *item = hane_ui_list_cell(c->l, i, 0);

		if (hane_ui_typeahead_find(c->query, &item, 1) == 0) {
			hane_ui_list_select(c->l, i);
			return;
		}
	}
}

static void draw_choose(struct hane_ui *ui, void *arg)
{
	struct choose *c = arg;
	int w = ui_cols() - 8 > 60 ? 60 : ui_cols() - 8;
	int h = ui_lines() - 6;
	int y = 3, x = (ui_cols() - w) / 2, lw, cx;

	ui_box(y, x, h, w, c->title, UI_R_NORMAL);
	lw = hane_text_width(hane_msg(HANE_M_UI_SEARCH_LABEL));
	ui_put(y + 1, x + 2, hane_msg(HANE_M_UI_SEARCH_LABEL), lw, UI_R_NORMAL);
	ui_input(y + 1, x + 3 + lw, w - lw - 5, c->query, c->qpos,
		 UI_R_FIELD_FOCUS, &cx);
	ui_list_draw(c->l, choose_col, 1, y + 2, x + 1, h - 3, w - 2, true);
	ui->cur_y = y + 1;
	ui->cur_x = cx;
}

int hane_ui_choose(struct hane_ui *ui, const char *title,
		   const char *const *items, int n, int current)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_CHOOSE, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct choose c = {.title = title, .items = items, .n = n};
	int ret = -1;

	c.l = hane_ui_list_new(1);
	if (!c.l)
		return -1;
	choose_fill(&c);
	hane_ui_list_select_id(c.l, current);
	ui_push_dialog(ui, draw_choose, &c, acts, sizeof acts / sizeof acts[0]);
	while (!ui->quit) {
		uint32_t ch = 0;
		enum hane_ui_key k = ui_key(ui, &ch);
		bool edited = false;

		if (k == HANE_UI_K_RESIZE || ui_global_key(ui, k))
			continue;
		if (k == HANE_UI_K_ESC)
			break;
		if (k == HANE_UI_K_ENTER) {
			if (hane_ui_list_count(c.l) > 0) {
				ret = (int)hane_ui_list_selected_id(c.l);
				break;
			}
			continue;
		}
		if (ui_list_move(c.l, k, ui_lines() - 10))
			continue;
		if (k == HANE_UI_K_CHAR)
			edited = ui_text_insert(c.query, sizeof c.query,
						&c.qpos, ch, 60);
		else if (k >= HANE_UI_K_F1 && k <= HANE_UI_K_F12)
			ui_unbound_key(ui, k);
		else if (k == HANE_UI_K_BACKSPACE)
			edited = ui_text_backspace(c.query, &c.qpos);
		if (edited) {
			choose_fill(&c);
			choose_jump(&c);
		}
	}
	ui_pop(ui);
	hane_ui_list_free(c.l);
	return ret;
}

/* ---- Progress ----------------------------------------------------------- */

struct hane_ui_progress {
	struct hane_ui *ui;
	char title[256];
	char note[256]; /* hane_ui_progress_note(); "" shows the counts */
	int64_t done, total;
};

char *hane_ui_progress_text(char *out, size_t outsz, int64_t done,
			    int64_t total, int width)
{
	int pct = total > 0 ? (int)(done * 100 / total) : 0;
	int bar = width - 7; /* "[" + "]" + " 100%" */
	int full;
	size_t len = 0;

	if (pct < 0)
		pct = 0;
	if (pct > 100)
		pct = 100;
	if (bar < 1)
		bar = 1;
	full = bar * pct / 100;
	if (outsz == 0)
		return out;
	out[0] = '\0';
	len += (size_t)snprintf(out + len, outsz - len, "[");
	for (int i = 0; i < bar && len + 4 < outsz; i++)
		len += (size_t)snprintf(out + len, outsz - len, "%s",
					i < full ? "\u2588" : "\u2591");
	if (len < outsz)
		snprintf(out + len, outsz - len, "] %3d%%", pct);
	return out;
}

static void draw_progress(struct hane_ui *ui, void *arg)
{
	struct hane_ui_progress *p = arg;
	int w = ui_cols() - 8 > 60 ? 60 : ui_cols() - 8;
	int y = ui_lines() / 2 - 3, x = (ui_cols() - w) / 2;
	char bar[1024], count[64];

	ui_box(y, x, 6, w, p->title, UI_R_NORMAL);
	hane_ui_progress_text(bar, sizeof bar, p->done, p->total, w - 4);
	ui_put(y + 2, x + 2, bar, w - 4, UI_R_CHART);
	snprintf(count, sizeof count, "%lld / %lld", (long long)p->done,
		 (long long)p->total);
	ui_put(y + 3, x + 2, p->note[0] ? p->note : count, w - 4, UI_R_MUTED);
	ui_put(y + 4, x + 2, hane_msg(HANE_M_UI_PROGRESS_STOP), w - 4,
	       UI_R_MUTED);
}

struct hane_ui_progress *hane_ui_progress_begin(struct hane_ui *ui,
						const char *title)
{
	struct hane_ui_progress *p = calloc(1, sizeof *p);

	if (!p)
		return NULL;
	p->ui = ui;
	snprintf(p->title, sizeof p->title, "%s", title ? title : "");
	ui_push_dialog(ui, draw_progress, p, NULL, 0);
	ui_redraw(ui);
	return p;
}

bool hane_ui_progress_step(struct hane_ui_progress *p, int64_t done,
			   int64_t total)
{
	wint_t wc;
	int rc;
	bool go_on = true;

	if (!p)
		return true;
	p->done = done;
	p->total = total;
	/* Look at the keyboard without waiting: Esc stops, resize redraws. */
	timeout(0);
	while ((rc = get_wch(&wc)) != ERR) {
		if (rc == OK && wc == 27)
			go_on = false;
	}
	timeout(-1);
	ui_redraw(p->ui);
	return go_on;
}

void hane_ui_progress_note(struct hane_ui_progress *p, const char *text)
{
	if (p)
		snprintf(p->note, sizeof p->note, "%s", text ? text : "");
}

void hane_ui_progress_end(struct hane_ui_progress *p)
{
	if (!p)
		return;
	ui_pop(p->ui);
	free(p);
}
