/* The read-only detail view: header lines, a list (members) and a side
 * panel (services that the units fill). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "ui/internal.h"

#define DETAIL_LINES 8
#define PANEL_LINES 32

struct hane_ui_detail {
	const struct hane_ui_detail_view *v;
	char title[128];
	char lines[DETAIL_LINES][512];
	int nlines;
	char panel[PANEL_LINES][256];
	int npanel;
	struct hane_ui_list *l;
	/* The bar: the view's actions, and Enter "Tamamı" when the view
	 * gives Enter no meaning of its own. */
	enum hane_ui_action acts[64];
	int nacts;
};

/* The view's actions, plus WHOLE on Enter (before Esc) when none has
 * Enter. */
static void detail_actions(struct hane_ui_detail *d)
{
	d->nacts = ui_actions_whole(d->acts, 64, d->v->actions, d->v->nactions);
}

/* Panel and list widths on this screen (see draw_detail). */
static int panel_width(const struct hane_ui_detail *d)
{
	return d->v->cols ? ui_cols() * 2 / 5 : ui_cols() - 2;
}

/* Enter "Tamamı": what the page cuts, whole — the header and panel
 * lines that do not fit, and the selected row, every column. */
static void detail_whole(struct hane_ui *ui, struct hane_ui_detail *d)
{
	const struct hane_ui_detail_view *v = d->v;
	const char *ok[] = {hane_msg(HANE_M_UI_OK)};
	char text[4096];
	size_t len = 0;
	int r = hane_ui_list_selected(d->l), pw = panel_width(d);

#define ADD(...)                                                               \
	do {                                                                   \
		if (len < sizeof text)                                         \
			len += (size_t)snprintf(text + len, sizeof text - len, \
						__VA_ARGS__);                  \
	} while (0)
	text[0] = '\0';
	for (int i = 0; i < d->nlines; i++)
		if (hane_text_width(d->lines[i]) > ui_cols() - 2)
			ADD("%s%s", len ? "\n" : "", d->lines[i]);
	for (int c = 0; v->cols && r >= 0 && c < v->ncols; c++) {
		const char *cell = hane_ui_list_cell(d->l, r, c);

		ADD("%s%s: %s", len ? "\n" : "", hane_msg(v->cols[c].title),
		    cell[0] ? cell : "-");
	}
	for (int i = 0; i < d->npanel; i++)
		if (hane_text_width(d->panel[i]) > pw - 2)
			ADD("%s%s", len ? "\n" : "", d->panel[i]);
#undef ADD
	if (!text[0]) {
		hane_ui_status(ui, false, "%s",
			       hane_msg(HANE_M_UI_NOTHING_CUT));
		return;
	}
	hane_ui_buttons(ui, d->title, text, ok, 1);
}

void hane_ui_detail_clear(struct hane_ui_detail *d)
{
	d->nlines = 0;
	d->npanel = 0;
	hane_ui_list_clear(d->l);
}

/* One more formatted line into a block of n lines of size bytes each
 * (the head's or the panel's), unless the block is full. */
static void add_line(char *block, size_t size, int *n, int max, const char *fmt,
		     va_list ap)
{
	if (*n >= max)
		return;
	vsnprintf(block + (size_t)(*n)++ * size, size, fmt, ap);
}

void hane_ui_detail_line(struct hane_ui_detail *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_line(d->lines[0], sizeof d->lines[0], &d->nlines, DETAIL_LINES, fmt,
		 ap);
	va_end(ap);
}

void hane_ui_detail_panel(struct hane_ui_detail *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_line(d->panel[0], sizeof d->panel[0], &d->npanel, PANEL_LINES, fmt,
		 ap);
	va_end(ap);
}

void hane_ui_detail_title(struct hane_ui_detail *d, const char *title)
{
	snprintf(d->title, sizeof d->title, "%s", title ? title : "");
}

struct hane_ui_list *hane_ui_detail_list(struct hane_ui_detail *d)
{
	return d->l;
}

static int list_page(const struct hane_ui_detail *d)
{
	return ui_bottom() - (ui_top() + d->nlines + 1);
}

static void draw_detail(struct hane_ui *ui, void *arg)
{
	struct hane_ui_detail *d = arg;
	const struct hane_ui_detail_view *v = d->v;
	int y = ui_top(), cols = ui_cols();
	int pw = panel_width(d);
	int lw = cols - pw - 1;

	/* The crumb is this screen's: replace it with the loaded title. */
	if (ui->ncrumbs > 0 && ui->ncrumbs <= UI_MAX_CRUMBS)
		snprintf(ui->crumbs[ui->ncrumbs - 1], sizeof ui->crumbs[0],
			 "%s", d->title);
	ui_chrome(ui, NULL, d->acts, d->nacts);
	for (int i = 0; i < d->nlines; i++)
		ui_put(y++, 1, d->lines[i], cols - 2, UI_R_NORMAL);
	if (v->cols) {
		ui_put(y, 1, hane_msg(v->list_title), lw - 1, UI_R_HEADING);
		ui_list_draw(d->l, v->cols, v->ncols, y + 1, 0, ui_bottom() - y,
			     lw, true);
		ui_vline(y, lw, ui_bottom() - y + 1);
	}
	ui_put(y, lw + 2, hane_msg(v->panel_title), pw - 2, UI_R_HEADING);
	if (d->npanel == 0)
		ui_put(y + 1, lw + 2,
		       hane_msg(v->panel_empty ? v->panel_empty
					       : HANE_M_UI_LIST_EMPTY),
		       pw - 2, UI_R_MUTED);
	for (int i = 0; i < d->npanel && y + 1 + i <= ui_bottom(); i++)
		ui_put(y + 1 + i, lw + 2, d->panel[i], pw - 2, UI_R_NORMAL);
}

static int reload(struct hane_ui *ui, struct hane_ui_detail *d)
{
	int64_t keep = hane_ui_list_selected_id(d->l);
	int rc;

	hane_ui_detail_clear(d);
	rc = d->v->load(ui, d, d->v->arg);
	if (keep)
		hane_ui_list_select_id(d->l, keep);
	return rc;
}

int hane_ui_detail_run(struct hane_ui *ui, const struct hane_ui_detail_view *v)
{
	struct hane_ui_detail *d = calloc(1, sizeof *d);
	int rc;

	if (!d)
		return HANE_ENOMEM;
	d->v = v;
	d->l = hane_ui_list_new(v->cols ? v->ncols : 1);
	if (!d->l) {
		free(d);
		return HANE_ENOMEM;
	}
	hane_ui_detail_title(d, v->title);
	rc = reload(ui, d);
	if (rc < 0)
		goto done;
	detail_actions(d);
	hane_ui_title_push(ui, d->title);
	ui_push(ui, draw_detail, d, d->acts, d->nacts);
	while (!ui->quit) {
		enum hane_ui_key k = ui_key(ui, NULL);
		int a;

		if (k == HANE_UI_K_RESIZE || ui_global_key(ui, k))
			continue;
		if (k == HANE_UI_K_ESC)
			break;
		if (ui_list_move(d->l, k, list_page(d)))
			continue;
		a = hane_ui_action_for_key(d->acts, d->nacts, k);
		if (a == HANE_UI_A_WHOLE) {
			detail_whole(ui, d);
			continue;
		}
		if (a < 0)
			ui_unbound_key(ui, k);
		if (a < 0 || !v->act)
			continue;
		if (v->act(ui, d, (enum hane_ui_action)a, v->arg) ==
		    HANE_UI_CLOSE)
			break;
		if (reload(ui, d) < 0) {
			/* Gone (deleted, moved away): nothing left to show. */
			break;
		}
	}
	ui_pop(ui);
	hane_ui_title_pop(ui);
	rc = 0;
done:
	hane_ui_list_free(d->l);
	free(d);
	return rc;
}
