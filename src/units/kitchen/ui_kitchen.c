/* The Aşevi in the console: a day's tally as one grid (items down,
 * channels across, totals at the right and the bottom), the month's
 * totals, and the kitchen's line on a household's services panel.
 *
 * The grid is typed as the kitchen's paper sheet is read: arrows (or Tab
 * and Enter) move between cells, digits type a count, Backspace takes a
 * digit back, Delete empties the cell; F2 saves the whole day in one
 * transaction; PgUp and PgDn go to the day before and after. A cell
 * someone else saved meanwhile is a conflict: the dialog says who, and
 * what this person typed stays on the grid to be saved again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/i18n.h"
#include "hane/kitchen.h"
#include "hane/perm.h"
#include "hane/ui.h"

/* The work area's rows a 24-row terminal has under the title and above
 * the status line and the bar. */
#define WORK_ROWS 20
#define NAME_W 15
#define UNIT_W 7
#define TOTAL_W 8

struct grid {
	struct hane_kitchen_day day;
	/* Cells this person changed since the day was read. */
	bool touched[HANE_KITCHEN_MAX_CHANNELS][HANE_KITCHEN_MAX_ITEMS];
	int row, col; /* the cursor: item row, channel column */
	int first;    /* the first item row shown */
	char edit[16];
	bool editing;
	int saved; /* cells written by the last save, -1 none */
};

static const enum hane_ui_action grid_acts[] = {
	HANE_UI_A_HELP,	       HANE_UI_A_SAVE, HANE_UI_A_KT_DAY_PREV,
	HANE_UI_A_KT_DAY_NEXT, HANE_UI_A_BACK, HANE_UI_A_QUIT};

static bool dirty(const struct grid *g)
{
	if (g->editing)
		return true;
	for (size_t c = 0; c < g->day.nch; c++)
		for (size_t r = 0; r < g->day.nit; r++)
			if (g->touched[c][r])
				return true;
	return false;
}

/* s right-aligned in w columns (numbers are ASCII). */
static void put_right(int y, int x, const char *s, int w, enum hane_ui_role r)
{
	char b[64];
	int n = (int)strlen(s);

	snprintf(b, sizeof b, "%*s", w, n > w ? s + (n - w) : s);
	hane_ui_put(y, x, b, w, r);
}

/* A channel's name over two header lines of w columns: the words that
 * fit on the first, the rest on the second. */
static void channel_head(int y, int x, const char *name, int w)
{
	char first[128], rest[128];
	size_t cut = hane_text_fit(name, w);

	if (name[cut]) {
		size_t sp = cut;

		while (sp > 0 && name[sp] != ' ')
			sp--;
		if (sp > 0)
			cut = sp;
	}
	snprintf(first, sizeof first, "%.*s", (int)cut, name);
	snprintf(rest, sizeof rest, "%s",
		 name[cut] == ' ' ? name + cut + 1 : name + cut);
	hane_ui_put(y, x, first, w, HANE_UI_ROLE_MUTED);
	hane_ui_put(y + 1, x, rest, w, HANE_UI_ROLE_MUTED);
}

static int channel_w(const struct grid *g)
{
	int avail = hane_ui_cols() - 1 - NAME_W - UNIT_W - TOTAL_W;
	int w = g->day.nch ? avail / (int)g->day.nch : avail;

	return w > 12 ? 12 : w < 6 ? 6 : w;
}

static void draw_grid(struct hane_ui *ui, void *arg)
{
	struct grid *g = arg;
	const struct hane_kitchen_day *d = &g->day;
	int y = hane_ui_top(), cw = channel_w(g);
	int x0 = 1 + NAME_W + UNIT_W, xt = x0 + cw * (int)d->nch;
	int rows = WORK_ROWS - 5;
	char t[256], n[32], shown[HANE_DATE_LEN + 1];

	hane_ui_chrome(ui, NULL, grid_acts, HANE_COUNTOF(grid_acts));
	snprintf(t, sizeof t, "%s %s%s", hane_date_format(shown, d->date),
		 hane_weekday_name(hane_date_weekday(d->date), false),
		 dirty(g) ? hane_msg(HANE_M_KT_UI_UNSAVED) : "");
	hane_ui_put(y, 1, t, hane_ui_cols() - 2, HANE_UI_ROLE_NORMAL);
	hane_ui_put(y + 2, 1, hane_msg(HANE_M_KT_F_ITEM), NAME_W,
		    HANE_UI_ROLE_MUTED);
	hane_ui_put(y + 2, 1 + NAME_W, hane_msg(HANE_M_KT_F_UNIT), UNIT_W,
		    HANE_UI_ROLE_MUTED);
	for (size_t c = 0; c < d->nch; c++)
		channel_head(y + 1, x0 + cw * (int)c + 1, d->ch[c].name,
			     cw - 1);
	put_right(y + 2, xt, hane_msg(HANE_M_KT_TOTAL), TOTAL_W,
		  HANE_UI_ROLE_MUTED);
	if (g->row < g->first)
		g->first = g->row;
	if (g->row >= g->first + rows)
		g->first = g->row - rows + 1;
	for (int i = 0; i < rows && g->first + i < (int)d->nit; i++) {
		int r = g->first + i, yy = y + 3 + i;

		hane_ui_put(yy, 1, d->it[r].name, NAME_W - 1,
			    HANE_UI_ROLE_NORMAL);
		hane_ui_put(yy, 1 + NAME_W,
			    hane_kitchen_unit_word(d->it[r].unit), UNIT_W - 1,
			    HANE_UI_ROLE_MUTED);
		for (size_t c = 0; c < d->nch; c++) {
			bool sel = r == g->row && (int)c == g->col;
			int64_t v = d->count[c][r];

			/* The cursor is marked by brackets too (monochrome). */
			if (sel && g->editing)
				snprintf(n, sizeof n, "[%s_]", g->edit);
			else if (sel)
				snprintf(n, sizeof n, "[%s]",
					 v ? hane_num_format(t, sizeof t, v)
					   : "");
			else if (v)
				snprintf(n, sizeof n, "%s%s",
					 hane_num_format(t, sizeof t, v),
					 g->touched[c][r] ? "*" : " ");
			else
				snprintf(n, sizeof n, "%s",
					 g->touched[c][r] ? "0*" : "· ");
			put_right(yy, x0 + cw * (int)c, n, cw,
				  sel ? HANE_UI_ROLE_SELECT
				      : HANE_UI_ROLE_NORMAL);
		}
		{
			int64_t s = 0;

			for (size_t c = 0; c < d->nch; c++)
				s += d->count[c][r];
			put_right(yy, xt, hane_num_format(n, sizeof n, s),
				  TOTAL_W, HANE_UI_ROLE_NORMAL);
		}
	}
	{
		int yy = y + 3 + (rows < (int)d->nit ? rows : (int)d->nit);

		hane_ui_put(yy, 1, hane_msg(HANE_M_KT_TOTAL), NAME_W,
			    HANE_UI_ROLE_CHART);
		for (size_t c = 0; c < d->nch; c++)
			put_right(yy, x0 + cw * (int)c,
				  hane_num_format(n, sizeof n,
						  hane_kitchen_day_row(d, c)),
				  cw - 1, HANE_UI_ROLE_CHART);
		put_right(
			yy, xt,
			hane_num_format(n, sizeof n, hane_kitchen_day_total(d)),
			TOTAL_W, HANE_UI_ROLE_CHART);
		hane_ui_put(yy + 2, 1, hane_msg(HANE_M_KT_UI_HINT),
			    hane_ui_cols() - 2, HANE_UI_ROLE_MUTED);
	}
}

/* The typed digits into the cell. */
static void commit(struct grid *g)
{
	int64_t v;

	if (!g->editing)
		return;
	v = g->edit[0] ? strtoll(g->edit, NULL, 10) : 0;
	if (g->day.count[g->col][g->row] != v || !g->day.id[g->col][g->row])
		g->touched[g->col][g->row] = g->touched[g->col][g->row] ||
					     g->day.count[g->col][g->row] != v;
	g->day.count[g->col][g->row] = v;
	g->editing = false;
	g->edit[0] = '\0';
}

static void move(struct grid *g, int dr, int dc)
{
	int nr = (int)g->day.nit, nc = (int)g->day.nch;

	commit(g);
	if (!nr || !nc)
		return;
	g->row = (g->row + dr + nr) % nr;
	g->col = (g->col + dc + nc) % nc;
}

static void type_digit(struct grid *g, uint32_t ch)
{
	size_t len;

	if (!g->editing) {
		g->editing = true;
		g->edit[0] = '\0';
	}
	len = strlen(g->edit);
	if (len + 1 < 10 && !(len == 0 && ch == '0'))
		g->edit[len] = (char)ch, g->edit[len + 1] = '\0';
}

static void backspace(struct grid *g)
{
	if (!g->editing) {
		int64_t v = g->day.count[g->col][g->row];

		g->editing = true;
		snprintf(g->edit, sizeof g->edit, "%lld", (long long)v);
		if (v == 0)
			g->edit[0] = '\0';
	}
	if (g->edit[0])
		g->edit[strlen(g->edit) - 1] = '\0';
}

/* Reads date's grid; what this person typed (touched) is kept over what
 * is stored when keep is set (after a conflict). */
static int load(struct hane_ui *ui, struct grid *g, const char *date, bool keep)
{
	struct hane_kitchen_day *now = malloc(sizeof *now);
	int rc;

	if (!now)
		return HANE_ENOMEM;
	rc = hane_kitchen_day_load(hane_ui_db(ui), date, now);
	if (rc) {
		free(now);
		return rc;
	}
	if (keep) {
		for (size_t c = 0; c < now->nch; c++)
			for (size_t r = 0; r < now->nit; r++)
				for (size_t oc = 0; oc < g->day.nch; oc++)
					for (size_t orr = 0; orr < g->day.nit;
					     orr++)
						if (g->touched[oc][orr] &&
						    g->day.ch[oc].id ==
							    now->ch[c].id &&
						    g->day.it[orr].id ==
							    now->it[r].id)
							now->count[c][r] =
								g->day.count
									[oc]
									[orr];
	}
	if (!keep)
		memset(g->touched, 0, sizeof g->touched);
	g->day = *now;
	free(now);
	if (g->row >= (int)g->day.nit)
		g->row = 0;
	if (g->col >= (int)g->day.nch)
		g->col = 0;
	return 0;
}

static void save(struct hane_ui *ui, struct grid *g)
{
	char n[32];
	int changed = 0, rc;

	commit(g);
	rc = hane_kitchen_day_save(hane_ui_db(ui), &g->day, &changed);
	if (rc == HANE_ECONFLICT) {
		hane_ui_error_rc(ui, rc);
		/* Theirs read again; what this person typed stays on it. */
		if (load(ui, g, g->day.date, true) == 0)
			hane_ui_status(ui, true, "%s",
				       hane_msg(HANE_M_KT_UI_CONFLICT));
		return;
	}
	if (rc) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	memset(g->touched, 0, sizeof g->touched);
	hane_ui_status(
		ui, false, hane_msg(HANE_M_KT_UI_SAVED), changed,
		hane_num_format(n, sizeof n, hane_kitchen_day_total(&g->day)));
}

/* The day before or after (not past today); asks first when something
 * typed is not saved. */
static void step_day(struct hane_ui *ui, struct grid *g, int by)
{
	char next[HANE_DATE_LEN + 1], today[HANE_DATE_LEN + 1];
	int64_t d = hane_date_day(g->day.date);

	hane_date_iso(next, d + by);
	if (strcmp(next, hane_today(today)) > 0) {
		hane_ui_status(ui, false, "%s",
			       hane_msg(HANE_M_KT_UI_NO_LATER));
		return;
	}
	if (dirty(g) && !hane_ui_confirm(ui, hane_msg(HANE_M_KT_UI_DISCARD)))
		return;
	g->editing = false;
	if (load(ui, g, next, false) != 0)
		hane_ui_error_rc(ui, HANE_EINVAL);
}

static void day_screen(struct hane_ui *ui)
{
	struct grid *g = calloc(1, sizeof *g);
	char today[HANE_DATE_LEN + 1];
	int rc;

	if (!g) {
		hane_ui_error_rc(ui, HANE_ENOMEM);
		return;
	}
	if ((rc = load(ui, g, hane_today(today), false)) != 0) {
		hane_ui_error_rc(ui, rc);
		free(g);
		return;
	}
	hane_ui_title_push(ui, hane_msg(HANE_M_KT_UI_DAY));
	hane_ui_screen_push(ui, draw_grid, g, grid_acts,
			    HANE_COUNTOF(grid_acts));
	while (!hane_ui_quitting(ui)) {
		uint32_t ch = 0;
		enum hane_ui_key k = hane_ui_read_key(ui, &ch);

		if (k == HANE_UI_K_RESIZE || hane_ui_global_key(ui, k))
			continue;
		if (k == HANE_UI_K_ESC) {
			if (dirty(g) &&
			    !hane_ui_confirm(ui,
					     hane_msg(HANE_M_KT_UI_DISCARD)))
				continue;
			break;
		}
		switch (k) {
		case HANE_UI_K_UP:
			move(g, -1, 0);
			break;
		case HANE_UI_K_DOWN:
		case HANE_UI_K_ENTER:
			move(g, 1, 0);
			break;
		case HANE_UI_K_LEFT:
		case HANE_UI_K_BTAB:
			move(g, 0, -1);
			break;
		case HANE_UI_K_RIGHT:
		case HANE_UI_K_TAB:
			move(g, 0, 1);
			break;
		case HANE_UI_K_BACKSPACE:
			backspace(g);
			break;
		case HANE_UI_K_DELETE:
			g->editing = true;
			g->edit[0] = '\0';
			commit(g);
			break;
		case HANE_UI_K_F2:
			save(ui, g);
			break;
		case HANE_UI_K_PGUP:
			step_day(ui, g, -1);
			break;
		case HANE_UI_K_PGDN:
			step_day(ui, g, 1);
			break;
		case HANE_UI_K_CHAR:
			if (ch >= '0' && ch <= '9') {
				type_digit(g, ch);
				break;
			}
			/* fall through */
		default:
			hane_ui_unbound_key(ui, k);
			break;
		}
	}
	hane_ui_screen_pop(ui);
	hane_ui_title_pop(ui);
	free(g);
}

/* ---- The month's totals ------------------------------------------------------ */

struct month {
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	int64_t total;
	int n;
};

static const struct hane_ui_column month_cols[] = {
	HANE_UI_COL_FLEX(HANE_M_KT_F_CHANNEL, 10, 18, 2),
	HANE_UI_COL_TEXT(HANE_M_KT_F_ITEM, 10, 16, 2),
	HANE_UI_COL_TEXT(HANE_M_KT_F_UNIT, 6, 7, 3),
	HANE_UI_COL_NUM(HANE_M_KT_F_COUNT, 8, 10, 0),
	HANE_UI_COL_NUM(HANE_M_KT_F_DAYS, 3, 4, 1),
};

struct month_fill {
	struct hane_ui_detail *d;
	struct month *m;
	int rc;
};

static int month_row(const struct hane_kitchen_total *t, void *arg)
{
	struct month_fill *f = arg;
	char n[32], days[16];
	const char *cells[5];

	cells[0] = t->channel;
	cells[1] = t->item;
	cells[2] = hane_kitchen_unit_word(t->unit);
	cells[3] = hane_num_format(n, sizeof n, t->count);
	snprintf(days, sizeof days, "%d", t->days);
	cells[4] = days;
	f->m->total += t->count;
	f->m->n++;
	return hane_ui_list_add(hane_ui_detail_list(f->d), f->m->n, cells);
}

static int month_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	struct month *m = arg;
	struct month_fill f = {d, m, 0};
	char title[64], n[32];
	int rc;

	m->total = 0;
	m->n = 0;
	snprintf(title, sizeof title, "%s %.2s.%.4s",
		 hane_msg(HANE_M_KT_UI_MONTH), m->from + 5, m->from);
	hane_ui_detail_title(d, title);
	if ((rc = hane_kitchen_totals(hane_ui_db(ui), m->from, m->to, month_row,
				      &f)) != 0)
		return rc;
	hane_ui_detail_line(d, "%s: %s", hane_msg(HANE_M_KT_TOTAL),
			    hane_num_format(n, sizeof n, m->total));
	return 0;
}

static void month_step(struct month *m, int by)
{
	int y = atoi(m->from), mo = atoi(m->from + 5) + by;
	char s[16];

	if (mo < 1)
		mo = 12, y--;
	if (mo > 12)
		mo = 1, y++;
	snprintf(s, sizeof s, "%04d-%02d", y % 10000, mo % 100);
	if (hane_kitchen_period(s, m->from, m->to) != 0)
		return;
}

static int month_act(struct hane_ui *ui, struct hane_ui_detail *d,
		     enum hane_ui_action a, void *arg)
{
	(void)ui;
	(void)d;
	if (a == HANE_UI_A_KT_MONTH_PREV)
		month_step(arg, -1);
	else if (a == HANE_UI_A_KT_MONTH_NEXT)
		month_step(arg, 1);
	return HANE_UI_STAY;
}

static void month_screen(struct hane_ui *ui)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_KT_MONTH_PREV,
		HANE_UI_A_KT_MONTH_NEXT, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	struct month m;
	char today[HANE_DATE_LEN + 1], ym[8];
	struct hane_ui_detail_view v = {
		.title = hane_msg(HANE_M_KT_UI_MONTH),
		HANE_UI_COLUMNS(month_cols),
		HANE_UI_BAR(acts),
		.load = month_load,
		.act = month_act,
		.arg = &m,
	};
	int rc;

	memset(&m, 0, sizeof m);
	snprintf(ym, sizeof ym, "%.7s", hane_today(today));
	if (hane_kitchen_period(ym, m.from, m.to) != 0)
		return;
	v.list_title = HANE_M_KT_UI_MONTH_LIST;
	if ((rc = hane_ui_detail_run(ui, &v)) != 0)
		hane_ui_error_rc(ui, rc);
}

/* ---- The home-meal roster -------------------------------------------------- */

/* Households fed at home: the registry's household by its number, the
 * start and the end (an entry ends by its end date); the note is personal
 * and seen only on the form (the list never shows it). */
static const struct hane_ui_column home_cols[] = {
	HANE_UI_COL_NUM(HANE_M_KT_UI_C_HH, 4, 7, 0),
	HANE_UI_COL_FLEX(HANE_M_KT_UI_C_HEAD, 12, 30, 0),
	HANE_UI_COL_TEXT(HANE_M_KT_UI_C_MAHALLE, 8, 18, 1),
	HANE_UI_COL_DATE(HANE_M_KT_UI_C_START, 0),
	HANE_UI_COL_DATE(HANE_M_KT_UI_C_END, 2),
};

static int home_row(const struct hane_kitchen_home *h, void *arg)
{
	char no[24], from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];
	const char *cells[] = {
		no, h->head, h->mahalle, hane_date_format(from, h->start_date),
		h->end_date[0] ? hane_date_format(to, h->end_date) : ""};

	snprintf(no, sizeof no, "#%lld", (long long)h->household_id);
	return hane_ui_records_row(arg, h, cells);
}

static int home_each(hane_db *db, struct hane_ui_records *rs)
{
	return hane_kitchen_homes(db, NULL, 0, home_row, rs);
}

static const struct hane_ui_records_field home_fields[] = {
	{.bind = {.column = "household_id"}},
	{.bind = {.column = "start_date"}},
	{.bind = {.column = "end_date"}},
	{.bind = {.column = "note", .width = 40, .max = 250}},
};

/* An entry by its household in the title and on the status line
 * ("Evde yemek kaydı kaydedildi: hane #12"). */
static const char *home_name(const void *rec)
{
	static char name[64];
	const struct hane_kitchen_home *h = rec;

	size_t n;

	snprintf(name, sizeof name, hane_msg(HANE_M_KT_UI_HOME_NAME),
		 (long long)h->household_id, h->head);
	n = strlen(name);
	while (n > 0 && name[n - 1] == ' ') /* a new entry has no head yet */
		name[--n] = '\0';
	return name;
}

/* A new entry starts today unless another day is typed. */
static void home_fill(struct hane_ui_records_edit *e)
{
	char today[HANE_DATE_LEN + 1];

	if (e->adding)
		hane_ui_form_set(e->f, e->at[1],
				 hane_date_format(today, hane_today(today)));
}

static int home_save(hane_db *db, void *rec, int64_t *id)
{
	return hane_kitchen_home_save(db, rec, id);
}

static void homes_screen(struct hane_ui *ui)
{
	static const struct hane_kitchen_home blank = {0};
	const struct hane_ui_records_view v = {
		.title = hane_msg(HANE_M_KT_UI_HOMES),
		HANE_UI_COLUMNS(home_cols),
		.write = HANE_ACT_KITCHEN_WRITE,
		.def = &hane_kitchen_home_rdef,
		.each = home_each,
		.search = 1u << 0 | 1u << 1 | 1u << 2, /* no, head, mahalle */
		HANE_UI_FORM_FIELDS(home_fields),
		.blank = &blank,
		.fill = home_fill,
		.name = home_name,
		.save = home_save,
		.what = HANE_M_KT_UI_HOME,
		.title_new = HANE_M_KT_UI_HOME_NEW,
		.title_edit = HANE_M_KT_UI_HOME_EDIT,
		.saved = HANE_M_KT_UI_HOME_SAVED,
		.count = HANE_M_KT_UI_N_HOMES,
	};

	hane_ui_records_show(ui, &v);
}

/* ---- Entry ----------------------------------------------------------------- */

int hane_ui_kitchen_main(struct hane_ui *ui)
{
	static const struct hane_ui_menu_item items[] = {
		{HANE_M_KT_UI_DAY, day_screen},
		{HANE_M_KT_UI_MONTH, month_screen},
		{HANE_M_KT_UI_HOMES, homes_screen},
	};

	return hane_ui_menu(ui, HANE_M_UI_UNIT_KITCHEN, HANE_ACT_KITCHEN_READ,
			    items, HANE_UI_NITEMS(items));
}

struct services {
	struct hane_ui_detail *d;
};

static int services_row(const struct hane_kitchen_home *h, void *arg)
{
	struct services *s = arg;
	char from[HANE_DATE_LEN + 1], to[HANE_DATE_LEN + 1];

	if (h->end_date[0])
		hane_ui_detail_panel(s->d, "%s  %s – %s",
				     hane_msg(HANE_M_KT_UI_PANEL),
				     hane_date_format(from, h->start_date),
				     hane_date_format(to, h->end_date));
	else
		hane_ui_detail_panel(s->d, hane_msg(HANE_M_KT_UI_PANEL_OPEN),
				     hane_msg(HANE_M_KT_UI_PANEL),
				     hane_date_format(from, h->start_date));
	return 1; /* the latest entry only */
}

void hane_ui_kitchen_services(struct hane_ui *ui, int64_t household_id,
			      struct hane_ui_detail *d)
{
	struct services s = {d};

	/* Someone without the kitchen's rights sees nothing of it here. */
	if (hane_can(hane_ui_db(ui), HANE_ACT_KITCHEN_READ) != 0) {
		hane_error_clear();
		return;
	}
	if (hane_kitchen_homes(hane_ui_db(ui), NULL, household_id, services_row,
			       &s) != 0)
		hane_error_clear();
}
