/* The list widget: rows of text cells, columns sized to the screen,
 * scrolling, sorting, incremental search, search-as-you-type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "ui/internal.h"

struct row {
	int64_t id;
	char **cells;
	long seq; /* the order rows were added in */
};

/* rows[0..n) are shown; rows[n..nall) are hidden by the filter
 * (hane_ui_list_filter): every function but that one sees only the
 * shown rows. */
struct hane_ui_list {
	int ncols;
	struct row *rows;
	int n, nall;
	long seq;
	size_t cap;
	int sel, top;
	int sort_col; /* -1: as filled */
	enum hane_ui_sort sort_kind;
	bool sort_desc;
	char **titles;	   /* hane_ui_list_titles(), or NULL */
	const char *empty; /* what an empty list says; NULL: "(kayıt yok)" */
};

/* ---- Column layout (pure) ---------------------------------------------- */

static int layout_total(const int *w, int n)
{
	int t = 0, shown = 0;

	for (int i = 0; i < n; i++)
		if (w[i] > 0) {
			t += w[i];
			shown++;
		}
	return shown ? t + shown - 1 : 0;
}

/* The shown column with the highest drop (the later one on a tie) that
 * can still give up width (shrink) or be hidden; -1 if none. */
static int next_victim(const struct hane_ui_column *c, int n, const int *w,
		       bool shrink)
{
	int best = -1;

	for (int i = 0; i < n; i++) {
		if (w[i] == 0 || c[i].drop <= 0)
			continue;
		if (shrink && w[i] <= c[i].min)
			continue;
		if (best < 0 || c[i].drop >= c[best].drop)
			best = i;
	}
	return best;
}

int hane_ui_columns_layout(const struct hane_ui_column *c, int n, int width,
			   int *out)
{
	int total, shown = 0, flex = -1;

	for (int i = 0; i < n; i++) {
		out[i] = c[i].want > 0 ? c[i].want : 1;
		if (c[i].flex && flex < 0)
			flex = i;
	}
	while ((total = layout_total(out, n)) > width) {
		int v = next_victim(c, n, out, true);

		if (v >= 0) {
			int give = out[v] - c[v].min;

			if (give > total - width)
				give = total - width;
			out[v] -= give;
			continue;
		}
		v = next_victim(c, n, out, false);
		if (v >= 0) {
			out[v] = 0;
			continue;
		}
		/* Only columns that never go are left: squeeze the widest. */
		v = -1;
		for (int i = 0; i < n; i++)
			if (out[i] > 1 && (v < 0 || out[i] > out[v]))
				v = i;
		if (v < 0)
			break;
		out[v]--;
	}
	total = layout_total(out, n);
	if (flex >= 0 && out[flex] > 0 && total < width)
		out[flex] += width - total;
	for (int i = 0; i < n; i++)
		if (out[i] > 0)
			shown++;
	return shown;
}

/* Gives the room left to the shown columns narrower than need[] (NULL:
 * none), the most important (lowest drop) first; returns what is left. */
static int give_room(const struct hane_ui_column *c, const int *need, int n,
		     int left, int *out)
{
	while (need && left > 0) {
		int best = -1, give;

		for (int i = 0; i < n; i++)
			if (out[i] > 0 && need[i] > out[i] &&
			    (best < 0 || c[i].drop < c[best].drop))
				best = i;
		if (best < 0)
			break;
		give = need[best] - out[best];
		if (give > left)
			give = left;
		out[best] += give;
		left -= give;
	}
	return left;
}

/* One pass of hane_ui_columns_fit over the columns not in hidden[]. */
static int fit_pass(const struct hane_ui_column *c, const int *content,
		    const int *title, int n, int width, const bool *hidden,
		    int *out)
{
	struct hane_ui_column eff[64] = {{0}};
	int map[64] = {0}, sub[64] = {0};
	int m = 0, total = 0, shown = 0, left, flex = -1;

	for (int i = 0; i < n; i++) {
		out[i] = 0;
		if (hidden[i])
			continue;
		eff[m] = c[i];
		eff[m].flex = false;
		if (c[i].flex && flex < 0)
			flex = i;
		if (content && content[i] > 0) {
			int want = c[i].want > 0 ? c[i].want : 1;

			eff[m].want = content[i] < want ? content[i] : want;
			if (eff[m].min > eff[m].want)
				eff[m].min = eff[m].want;
		}
		map[m++] = i;
	}
	hane_ui_columns_layout(eff, m, width, sub);
	for (int k = 0; k < m; k++) {
		out[map[k]] = sub[k];
		if (sub[k] > 0)
			total += sub[k] + (shown++ ? 1 : 0);
	}
	left = width - total;
	/* Room left: a cut title first ("Household", not "Househ…", while
	 * the screen has room), then cut values. */
	left = give_room(c, title, n, left, out);
	left = give_room(c, content, n, left, out);
	if (flex >= 0 && out[flex] > 0 && left > 0)
		out[flex] += left;
	return shown;
}

int hane_ui_columns_fit(const struct hane_ui_column *c, const int *content,
			int n, int width, int *out)
{
	return hane_ui_columns_fit_titled(c, content, NULL, n, width, out);
}

int hane_ui_columns_fit_titled(const struct hane_ui_column *c,
			       const int *content, const int *title, int n,
			       int width, int *out)
{
	bool hidden[64] = {false};
	int shown;

	if (n > 64)
		n = 64;
	shown = fit_pass(c, content, title, n, width, hidden, out);
	/* A column squeezed below its preferred width while a less
	 * important one (higher drop) is shown: the less important goes
	 * first, and the room goes to the squeezed one ("Devlet Hastanesi"
	 * whole rather than "Yön" kept). */
	for (int round = 0; content && round < n; round++) {
		int cut = -1, victim = -1;
		int save[64];

		/* cut below its preferred width, not merely short of a
		 * long value (a flex column takes what is left) */
		for (int i = 0; i < n; i++)
			if (out[i] > 0 && content[i] > out[i] &&
			    out[i] < c[i].want &&
			    (cut < 0 || c[i].drop < c[cut].drop))
				cut = i;
		if (cut < 0)
			break;
		for (int j = 0; j < n; j++)
			if (out[j] > 0 && c[j].drop > 0 &&
			    c[j].drop > c[cut].drop &&
			    (victim < 0 || c[j].drop >= c[victim].drop))
				victim = j;
		if (victim < 0)
			break;
		memcpy(save, out, sizeof(int) * (size_t)n);
		hidden[victim] = true;
		shown = fit_pass(c, content, title, n, width, hidden, out);
		if (out[cut] <= save[cut]) { /* no better: keep it shown */
			hidden[victim] = false;
			memcpy(out, save, sizeof(int) * (size_t)n);
			shown = 0;
			for (int i = 0; i < n; i++)
				shown += out[i] > 0;
			break;
		}
	}
	return shown;
}

/* ---- Rows --------------------------------------------------------------- */

struct hane_ui_list *hane_ui_list_new(int ncols)
{
	struct hane_ui_list *l = calloc(1, sizeof *l);

	if (!l)
		return NULL;
	l->ncols = ncols;
	l->sel = -1;
	l->sort_col = -1;
	return l;
}

void hane_ui_list_clear(struct hane_ui_list *l)
{
	for (int i = 0; i < l->nall; i++) {
		for (int c = 0; c < l->ncols; c++)
			free(l->rows[i].cells[c]);
		free(l->rows[i].cells);
	}
	l->n = l->nall = 0;
	l->sel = -1;
	l->top = 0;
}

static void titles_free(struct hane_ui_list *l)
{
	if (!l->titles)
		return;
	for (int c = 0; c < l->ncols; c++)
		free(l->titles[c]);
	free(l->titles);
	l->titles = NULL;
}

int hane_ui_list_titles(struct hane_ui_list *l, const char *const *titles)
{
	titles_free(l);
	if (!titles)
		return 0;
	l->titles = calloc((size_t)l->ncols, sizeof *l->titles);
	if (!l->titles)
		return HANE_ENOMEM;
	for (int c = 0; c < l->ncols; c++)
		if (!(l->titles[c] = strdup(titles[c] ? titles[c] : ""))) {
			titles_free(l);
			return HANE_ENOMEM;
		}
	return 0;
}

/* Column c's title: the list's own, or the column's message. */
static const char *col_title(const struct hane_ui_list *l,
			     const struct hane_ui_column *cols, int c)
{
	if (l->titles && c < l->ncols)
		return l->titles[c];
	return hane_msg(cols[c].title);
}

void hane_ui_list_free(struct hane_ui_list *l)
{
	if (!l)
		return;
	hane_ui_list_clear(l);
	titles_free(l);
	free(l->rows);
	free(l);
}

int hane_ui_list_add(struct hane_ui_list *l, int64_t id,
		     const char *const *cells)
{
	struct row r = {id, NULL, l->seq++};
	struct row *nr =
		hane_grow(l->rows, &l->cap, (size_t)l->nall, sizeof *nr, 32);

	if (!nr)
		return HANE_ENOMEM;
	l->rows = nr;
	r.cells = calloc((size_t)l->ncols, sizeof *r.cells);
	if (!r.cells)
		return HANE_ENOMEM;
	for (int c = 0; c < l->ncols; c++) {
		r.cells[c] = strdup(cells && cells[c] ? cells[c] : "");
		if (!r.cells[c]) {
			while (c-- > 0)
				free(r.cells[c]);
			free(r.cells);
			return HANE_ENOMEM;
		}
	}
	/* Shown, after the shown rows: the first hidden one moves to the
	 * end. */
	if (l->n < l->nall)
		l->rows[l->nall] = l->rows[l->n];
	l->rows[l->n++] = r;
	l->nall++;
	if (l->sel < 0)
		l->sel = 0;
	return 0;
}

int hane_ui_list_count(const struct hane_ui_list *l)
{
	return l->n;
}

int64_t hane_ui_list_id(const struct hane_ui_list *l, int row)
{
	return row >= 0 && row < l->n ? l->rows[row].id : 0;
}

const char *hane_ui_list_cell(const struct hane_ui_list *l, int row, int col)
{
	if (row < 0 || row >= l->n || col < 0 || col >= l->ncols)
		return "";
	return l->rows[row].cells[col];
}

int hane_ui_list_selected(const struct hane_ui_list *l)
{
	return l->n ? l->sel : -1;
}

int64_t hane_ui_list_selected_id(const struct hane_ui_list *l)
{
	return l->n ? l->rows[l->sel].id : 0;
}

void hane_ui_list_select(struct hane_ui_list *l, int row)
{
	if (l->n == 0) {
		l->sel = -1;
		return;
	}
	if (row < 0)
		row = 0;
	if (row >= l->n)
		row = l->n - 1;
	l->sel = row;
}

void hane_ui_list_select_id(struct hane_ui_list *l, int64_t id)
{
	for (int i = 0; i < l->n; i++)
		if (l->rows[i].id == id) {
			l->sel = i;
			return;
		}
}

/* Sort keys: numbers by value, DD.MM.YYYY dates as YYYYMMDD, text in
 * Turkish alphabetical order (hane_text_cmp: "Şükrü" after the S's). */
static int sort_col_g;
static enum hane_ui_sort sort_kind_g;
static bool sort_desc_g;

static long long num_key(const char *s)
{
	long long v = 0;
	bool any = false;

	for (; *s; s++)
		if (*s >= '0' && *s <= '9') {
			v = v * 10 + (*s - '0');
			any = true;
		}
	return any ? v : -1;
}

static long long date_key(const char *s)
{
	int d, m, y;

	if (sscanf(s, "%d.%d.%d", &d, &m, &y) == 3)
		return (long long)y * 10000 + m * 100 + d;
	return num_key(s);
}

static int row_cmp(const void *a, const void *b)
{
	const char *x = ((const struct row *)a)->cells[sort_col_g];
	const char *y = ((const struct row *)b)->cells[sort_col_g];
	int r;

	if (sort_kind_g == HANE_UI_SORT_NUMBER) {
		long long p = num_key(x), q = num_key(y);

		r = p < q ? -1 : p > q;
	} else if (sort_kind_g == HANE_UI_SORT_DATE) {
		long long p = date_key(x), q = date_key(y);

		r = p < q ? -1 : p > q;
	} else {
		/* Turkish alphabetical order: Canan, Cavit, Çağla */
		r = hane_text_cmp(x, y);
	}
	return sort_desc_g ? -r : r;
}

void hane_ui_list_sort(struct hane_ui_list *l, int col, enum hane_ui_sort kind,
		       bool descending)
{
	int64_t keep = hane_ui_list_selected_id(l);

	if (col < 0 || col >= l->ncols)
		return;
	l->sort_col = col;
	l->sort_kind = kind;
	l->sort_desc = descending;
	if (l->n < 2)
		return;
	sort_col_g = col;
	sort_kind_g = kind;
	sort_desc_g = descending;
	qsort(l->rows, (size_t)l->n, sizeof *l->rows, row_cmp);
	hane_ui_list_select_id(l, keep);
}

static int seq_cmp(const void *a, const void *b)
{
	long x = ((const struct row *)a)->seq, y = ((const struct row *)b)->seq;

	return x < y ? -1 : x > y;
}

static bool row_holds(const struct hane_ui_list *l, const struct row *r,
		      const char *query)
{
	for (int c = 0; c < l->ncols; c++)
		if (ui_fold_contains(r->cells[c], query))
			return true;
	return false;
}

int hane_ui_list_filter(struct hane_ui_list *l, const char *query)
{
	int64_t keep = hane_ui_list_selected_id(l);
	struct row *tmp;
	int k = 0;

	/* Every row again, in the order added and then the list's sort. */
	l->n = l->nall;
	if (l->nall > 0) /* rows is NULL in a list with none (UBSan) */
		qsort(l->rows, (size_t)l->nall, sizeof *l->rows, seq_cmp);
	if (l->sort_col >= 0)
		hane_ui_list_sort(l, l->sort_col, l->sort_kind, l->sort_desc);
	if (query && query[0] && l->nall > 0) {
		tmp = malloc((size_t)l->nall * sizeof *tmp);
		if (!tmp)
			return HANE_ENOMEM;
		for (int i = 0; i < l->nall; i++)
			if (row_holds(l, &l->rows[i], query))
				tmp[k++] = l->rows[i];
		l->n = k;
		for (int i = 0; i < l->nall; i++)
			if (!row_holds(l, &l->rows[i], query))
				tmp[k++] = l->rows[i];
		memcpy(l->rows, tmp, (size_t)l->nall * sizeof *tmp);
		free(tmp);
	}
	l->top = 0;
	l->sel = l->n ? 0 : -1;
	if (keep)
		hane_ui_list_select_id(l, keep);
	return 0;
}

int hane_ui_list_find(struct hane_ui_list *l, const char *query, int from)
{
	for (int k = 0; k < l->n; k++) {
		int i = (from + k) % l->n;

		for (int c = 0; c < l->ncols; c++)
			if (ui_fold_contains(l->rows[i].cells[c], query)) {
				l->sel = i;
				return i;
			}
	}
	return -1;
}

/* ---- Drawing ------------------------------------------------------------ */

void ui_list_draw(struct hane_ui_list *l, const struct hane_ui_column *cols,
		  int ncols, int y, int x, int h, int w, bool focus)
{
	int widths[32] = {0}, content[32] = {0}, title[32] = {0};
	int page = h - 1, cx;

	if (ncols > 32)
		ncols = 32;
	/* Sized by what the columns hold (the first rows are enough to
	 * know: a page of a search, a report's table). */
	for (int c = 0; c < ncols; c++) {
		title[c] = hane_text_width(col_title(l, cols, c)) +
			   (l->sort_col == c);
		content[c] = title[c];
		for (int r = 0; r < l->n && r < 2000; r++) {
			int cw = hane_text_width(l->rows[r].cells[c]);

			if (cw > content[c])
				content[c] = cw;
		}
	}
	hane_ui_columns_fit_titled(cols, content, title, ncols, w - 1, widths);
	/* Header: the sorted column carries ▲ or ▼. */
	ui_fill(y, x, w, UI_R_HEADING);
	cx = x + 1;
	for (int c = 0; c < ncols; c++) {
		char t[256];

		if (!widths[c])
			continue;
		snprintf(t, sizeof t, "%s%s", col_title(l, cols, c),
			 l->sort_col == c ? (l->sort_desc ? "\u25bc" : "\u25b2")
					  : "");
		ui_put(y, cx, t, widths[c], UI_R_HEADING);
		cx += widths[c] + 1;
	}
	if (page < 1)
		return;
	if (l->n == 0) {
		ui_put(y + 1, x + 1,
		       l->empty ? l->empty : hane_msg(HANE_M_UI_LIST_EMPTY),
		       w - 1, UI_R_MUTED);
		return;
	}
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + page)
		l->top = l->sel - page + 1;
	if (l->top > l->n - page)
		l->top = l->n - page > 0 ? l->n - page : 0;
	for (int i = 0; i < page && l->top + i < l->n; i++) {
		int r = l->top + i;
		bool sel = r == l->sel;
		enum ui_role role = sel && focus ? UI_R_SELECT : UI_R_NORMAL;

		ui_fill(y + 1 + i, x, w, role);
		ui_put(y + 1 + i, x, sel ? "\u25b6" : " ", 1, role);
		cx = x + 1;
		for (int c = 0; c < ncols; c++) {
			const char *s = l->rows[r].cells[c];

			if (!widths[c])
				continue;
			if (cols[c].right) {
				int sw = hane_text_width(s);

				ui_put(y + 1 + i, cx, "", widths[c], role);
				if (sw < widths[c])
					ui_put(y + 1 + i, cx + widths[c] - sw,
					       s, sw, role);
				else
					ui_put(y + 1 + i, cx, s, widths[c],
					       role);
			} else {
				ui_put(y + 1 + i, cx, s, widths[c], role);
			}
			cx += widths[c] + 1;
		}
	}
}

bool ui_list_move(struct hane_ui_list *l, enum hane_ui_key k, int page)
{
	int s = l->sel;

	if (page < 1)
		page = 1;
	switch (k) {
	case HANE_UI_K_UP:
		s--;
		break;
	case HANE_UI_K_DOWN:
		s++;
		break;
	case HANE_UI_K_PGUP:
		s -= page;
		break;
	case HANE_UI_K_PGDN:
		s += page;
		break;
	case HANE_UI_K_HOME:
		s = 0;
		break;
	case HANE_UI_K_END:
		s = l->n - 1;
		break;
	default:
		return false;
	}
	hane_ui_list_select(l, s);
	return true;
}

/* ---- The list screen ---------------------------------------------------- */

struct list_state {
	const struct hane_ui_list_view *v;
	struct hane_ui_list *l;
	char query[256];
	size_t qpos;
	bool full; /* the last fill filled the whole page */
	/* The bar: the view's actions, and Enter "Tamamı" (the selected row
	 * whole) when the view gives Enter no meaning of its own. */
	enum hane_ui_action acts[64];
	int nacts;
};

int ui_actions_whole(enum hane_ui_action *out, int max,
		     const enum hane_ui_action *acts, int n)
{
	bool enter = false;
	int k = 0;

	for (int i = 0; i < n; i++)
		if (hane_ui_action_key(acts[i]) == HANE_UI_K_ENTER)
			enter = true;
	for (int i = 0; i < n && k < max - 1; i++) {
		/* before Esc, so the bar reads "… Enter Tamamı Esc Geri" */
		if (acts[i] == HANE_UI_A_BACK && !enter) {
			out[k++] = HANE_UI_A_WHOLE;
			enter = true;
		}
		out[k++] = acts[i];
	}
	if (!enter && k < max)
		out[k++] = HANE_UI_A_WHOLE;
	return k;
}

/* The view's actions, plus WHOLE on Enter when no action has Enter. */
static void list_actions(struct list_state *st)
{
	st->nacts =
		ui_actions_whole(st->acts, 64, st->v->actions, st->v->nactions);
}

/* Enter "Tamamı": the selected row, every column as "Title: value",
 * uncut, in a dialog. */
static void list_whole(struct hane_ui *ui, struct list_state *st)
{
	struct hane_ui_list *l = st->l;
	const char *ok[] = {hane_msg(HANE_M_UI_OK)};
	char text[4096];
	size_t len = 0;
	int r = hane_ui_list_selected(l);

	if (r < 0)
		return;
	text[0] = '\0';
	for (int c = 0; c < st->v->ncols && len < sizeof text; c++) {
		const char *cell = hane_ui_list_cell(l, r, c);

		len += (size_t)snprintf(text + len, sizeof text - len,
					"%s%s: %s", c ? "\n" : "",
					col_title(l, st->v->cols, c),
					cell[0] ? cell : "-");
	}
	hane_ui_buttons(ui, st->v->title, text, ok, 1);
}

static int list_rows(void)
{
	/* Search line and header take the first two rows of the work area. */
	int n = ui_bottom() - ui_top() - 1;

	return n > 0 ? n : 1;
}

static void draw_list(struct hane_ui *ui, void *arg)
{
	struct list_state *st = arg;
	const struct hane_ui_list_view *v = st->v;
	char info[128] = "", count[64];
	int y = ui_top(), cx = -1;
	int lw;

	if (v->info)
		v->info(ui, info, sizeof info, v->arg);
	ui_chrome(ui, info, st->acts, st->nacts);
	if (st->full)
		snprintf(count, sizeof count, hane_msg(HANE_M_UI_RESULTS_FIRST),
			 hane_ui_list_count(st->l));
	else
		snprintf(count, sizeof count, hane_msg(HANE_M_UI_RESULTS),
			 hane_ui_list_count(st->l));
	lw = hane_text_width(hane_msg(HANE_M_UI_SEARCH_LABEL));
	ui_put(y, 1, hane_msg(HANE_M_UI_SEARCH_LABEL), lw, UI_R_NORMAL);
	ui_input(y, lw + 2, ui_cols() - lw - 4 - hane_text_width(count),
		 st->query, st->qpos, UI_R_FIELD_FOCUS, &cx);
	ui_put(y, ui_cols() - hane_text_width(count) - 1, count,
	       hane_text_width(count), UI_R_MUTED);
	st->l->empty = v->fill && v->prompt && !st->query[0]
			       ? hane_msg(v->prompt)
			       : NULL;
	ui_list_draw(st->l, v->cols, v->ncols, y + 1, 0, ui_bottom() - y,
		     ui_cols(), true);
	ui->cur_y = y;
	ui->cur_x = cx;
}

static void list_fill(struct hane_ui *ui, struct list_state *st)
{
	const struct hane_ui_list_view *v = st->v;
	int64_t keep = hane_ui_list_selected_id(st->l);
	int rows = list_rows();
	int rc;

	if (!v->fill)
		return;
	hane_ui_list_clear(st->l);
	rc = v->fill(ui, st->l, st->query, rows, v->arg);
	if (rc < 0)
		hane_ui_status(ui, true, "%s: %s", hane_strerror(rc),
			       hane_error_last());
	st->full = hane_ui_list_count(st->l) >= rows;
	if (st->l->sort_col >= 0)
		hane_ui_list_sort(st->l, st->l->sort_col,
				  v->cols[st->l->sort_col].sort,
				  st->l->sort_desc);
	if (keep)
		hane_ui_list_select_id(st->l, keep);
}

static void list_sort_next(struct hane_ui *ui, struct list_state *st)
{
	struct hane_ui_list *l = st->l;
	int col = l->sort_col;
	bool desc = false;

	if (col >= 0 && !l->sort_desc)
		desc = true;
	else
		col = (col + 1) % st->v->ncols;
	hane_ui_list_sort(l, col, st->v->cols[col].sort, desc);
	hane_ui_status(ui, false, "%s: %s %s", hane_msg(HANE_M_UI_SORTED_BY),
		       col_title(l, st->v->cols, col),
		       desc ? "\u25bc" : "\u25b2");
}

/* A key on the search text; true if it changed the text. */
static bool query_key(struct list_state *st, enum hane_ui_key k, uint32_t ch)
{
	return ui_text_key(st->query, sizeof st->query, &st->qpos, k, ch, 100);
}

/* The search text changed: the view fills again for it, or the list
 * shows only the rows that hold it (the count above says how many). */
static void query_changed(struct hane_ui *ui, struct list_state *st)
{
	if (st->v->fill) {
		hane_ui_list_clear(st->l);
		list_fill(ui, st);
		hane_ui_list_select(st->l, 0);
		return;
	}
	if (hane_ui_list_filter(st->l, st->query) != 0)
		hane_ui_error_rc(ui, HANE_ENOMEM);
	else if (st->query[0] && hane_ui_list_count(st->l) == 0)
		hane_ui_status(ui, true, "%s", hane_msg(HANE_M_UI_NOT_FOUND));
	else
		hane_ui_list_select(st->l, 0);
}

int hane_ui_list_run(struct hane_ui *ui, const struct hane_ui_list_view *v,
		     struct hane_ui_list *l)
{
	struct list_state st = {.v = v, .l = l};
	int ret = 0;

	if (v->query) {
		snprintf(st.query, sizeof st.query, "%s", v->query);
		st.qpos = strlen(st.query);
	}
	list_actions(&st);
	hane_ui_title_push(ui, v->title);
	ui_push(ui, draw_list, &st, st.acts, st.nacts);
	list_fill(ui, &st);
	while (!ui->quit) {
		uint32_t ch;
		enum hane_ui_key k = ui_key(ui, &ch);
		bool edited = false;
		int a;

		if (k == HANE_UI_K_RESIZE) {
			list_fill(ui, &st);
			continue;
		}
		if (ui_global_key(ui, k))
			continue;
		if (k == HANE_UI_K_ESC)
			break;
		if (ui_list_move(l, k, list_rows()))
			continue;
		/* Backspace edits the search text; an action bound to it
		 * (a folder up) fires only when there is none. */
		if (k == HANE_UI_K_BACKSPACE && st.qpos > 0)
			a = -1;
		else
			a = hane_ui_action_for_key(st.acts, st.nacts, k);
		if (a == HANE_UI_A_WHOLE) {
			list_whole(ui, &st);
			continue;
		}
		if (a == HANE_UI_A_SORT) {
			list_sort_next(ui, &st);
			continue;
		}
		if (a == HANE_UI_A_SEARCH) {
			/* F3 here: start a new search. */
			st.query[0] = '\0';
			st.qpos = 0;
			edited = true;
		} else if (a >= 0 && v->act) {
			int r = v->act(ui, l, (enum hane_ui_action)a, v->arg);

			if (r == HANE_UI_CLOSE) {
				ret = HANE_UI_CLOSE;
				break;
			}
			if (r == HANE_UI_NEW_SEARCH) {
				st.query[0] = '\0';
				st.qpos = 0;
				query_changed(ui, &st);
				continue;
			}
			list_fill(ui, &st);
			/* The act may have changed the rows: filter again. */
			if (!v->fill && st.query[0] &&
			    hane_ui_list_filter(l, st.query) != 0)
				hane_ui_error_rc(ui, HANE_ENOMEM);
			continue;
		}
		if (a < 0)
			ui_unbound_key(ui, k);
		if (query_key(&st, k, ch) || edited)
			query_changed(ui, &st);
	}
	ui_pop(ui);
	hane_ui_title_pop(ui);
	return ret;
}

int hane_ui_list_show(struct hane_ui *ui, const struct hane_ui_list_view *v)
{
	struct hane_ui_list *l = hane_ui_list_new(v->ncols);
	int rc;

	if (!l) {
		hane_ui_error_rc(ui, HANE_ENOMEM);
		return 0;
	}
	rc = hane_ui_list_run(ui, v, l);
	hane_ui_list_free(l);
	return rc;
}
