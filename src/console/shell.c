/* The shell: the main menu built from the table of units (units.def),
 * and the services panel that every unit may add lines to. */
#include <stdio.h>
#include <string.h>

#include "hane/centres_ui.h"
#include "hane/clothing_ui.h"
#include "hane/core.h"
#include "hane/foodbank_ui.h"
#include "hane/households.h"
#include "hane/homecare_ui.h"
#include "hane/inspection.h"
#include "hane/kitchen.h"
#include "hane/overview.h"
#include "hane/taxi_ui.h"
#include "hane/ui.h"
#include "hane/veterans_ui.h"

struct unit {
	const char *name;
	char key; /* opens it from the menu */
	enum hane_msg label;
	hane_ui_unit_main_fn main;
	hane_ui_services_fn services;
};

static const struct unit units[] = {
#define HANE_UI_UNIT(name, key, label, main, services)                         \
	{#name, key, HANE_M_##label, main, services},
#include "console/units.def"
#undef HANE_UI_UNIT
};

#define NUNITS ((int)(sizeof units / sizeof units[0]))

void hane_ui_services_fill(struct hane_ui *ui, int64_t household_id,
			   struct hane_ui_detail *d)
{
	for (int i = 0; i < NUNITS; i++)
		if (units[i].services)
			units[i].services(ui, household_id, d);
}

struct person_unit {
	enum hane_msg label;
	hane_ui_person_line_fn line;
	hane_ui_person_open_fn open;
};

static const struct person_unit person_units[] = {
#define HANE_UI_PERSON(name, label, line, open) {HANE_M_##label, line, open},
#include "console/person.def"
#undef HANE_UI_PERSON
};

#define NPERSON ((int)(sizeof person_units / sizeof person_units[0]))

int hane_ui_person_units_fill(struct hane_ui *ui, int64_t person_id,
			      struct hane_ui_list *l)
{
	for (int i = 0; i < NPERSON; i++) {
		char line[512];
		const char *cells[2] = {hane_msg(person_units[i].label), line};
		int rc;

		line[0] = '\0';
		if (!person_units[i].line(ui, person_id, line, sizeof line))
			continue;
		if ((rc = hane_ui_list_add(l, i + 1, cells)) != 0)
			return rc;
	}
	return 0;
}

void hane_ui_person_unit_open(struct hane_ui *ui, int64_t row_id,
			      int64_t person_id)
{
	if (row_id >= 1 && row_id <= NPERSON)
		person_units[row_id - 1].open(ui, person_id);
}

struct menu {
	int sel;
	int64_t persons;     /* -1 unknown */
	char today[12][256]; /* the overview's lines for "Bugün" */
	int ntoday;
};

static const enum hane_ui_action menu_acts[] = {
	HANE_UI_A_HELP, HANE_UI_A_SEARCH, HANE_UI_A_OPEN, HANE_UI_A_QUIT};

/* The menu box is as wide as its longest row ("▶9 Gösterge Paneli" and
 * the border), so that "Bugün" beside it has the rest: at 80 columns its
 * lines keep their words ("(157 hane 30+ gün almadı)"), not an ellipsis. */
static int menu_width(void)
{
	int w = 20;

	for (int i = 0; i < NUNITS; i++) {
		int rw = hane_text_width(hane_msg(units[i].label)) + 2 + 1 + 3;

		if (!units[i].main)
			rw += hane_text_width(hane_msg(HANE_M_UI_SOON)) + 3;
		if (rw > w)
			w = rw;
	}
	return w < hane_ui_cols() / 2 ? w : hane_ui_cols() / 2;
}

static void draw_menu(struct hane_ui *ui, void *arg)
{
	struct menu *m = arg;
	int y = hane_ui_top(), h = NUNITS + 2;
	int mw = menu_width(), tw = hane_ui_cols() - mw - 1;

	hane_ui_chrome(ui, NULL, menu_acts,
		       sizeof menu_acts / sizeof menu_acts[0]);
	hane_ui_box(y, 0, h, mw, hane_msg(HANE_M_UI_MAIN_MENU));
	for (int i = 0; i < NUNITS; i++) {
		char t[256];
		bool sel = i == m->sel;
		enum hane_ui_role r = !units[i].main ? HANE_UI_ROLE_MUTED
						     : HANE_UI_ROLE_NORMAL;

		if (units[i].main)
			snprintf(t, sizeof t, "%s%c %s", sel ? "\u25b6" : " ",
				 units[i].key, hane_msg(units[i].label));
		else
			snprintf(t, sizeof t, "%s%c %s (%s)",
				 sel ? "\u25b6" : " ", units[i].key,
				 hane_msg(units[i].label),
				 hane_msg(HANE_M_UI_SOON));
		hane_ui_put(y + 1 + i, 1, t, mw - 2,
			    sel ? HANE_UI_ROLE_SELECT : r);
	}
	hane_ui_box(y, mw + 1, h, tw, hane_msg(HANE_M_UI_TODAY));
	if (m->persons >= 0) {
		char t[256];

		hane_overview_today_row(t, sizeof t,
					hane_msg(HANE_M_UI_TODAY_PERSONS),
					m->persons);
		hane_ui_put(y + 1, mw + 3, t, tw - 4, HANE_UI_ROLE_NORMAL);
	}
	for (int i = 0; i < m->ntoday && i < h - 3; i++)
		hane_ui_put(y + 2 + i, mw + 3, m->today[i], tw - 4,
			    i < 4 ? HANE_UI_ROLE_NORMAL : HANE_UI_ROLE_CHART);
	hane_ui_put(y + h + 1, 1, hane_msg(HANE_M_UI_MENU_HINT),
		    hane_ui_cols() - 2, HANE_UI_ROLE_MUTED);
}

static void open_unit(struct hane_ui *ui, struct menu *m, int i)
{
	m->sel = i;
	if (!units[i].main) {
		hane_ui_status(ui, false, "%s: %s", hane_msg(units[i].label),
			       hane_msg(HANE_M_UI_SOON_LONG));
		return;
	}
	hane_ui_title_push(ui, hane_msg(units[i].label));
	units[i].main(ui);
	hane_ui_title_pop(ui);
}

/* The unit whose key is ch (a letter in either case), or -1. */
static int unit_of_key(uint32_t ch)
{
	if (ch >= 'A' && ch <= 'Z')
		ch += 'a' - 'A';
	for (int i = 0; i < NUNITS; i++)
		if ((uint32_t)(unsigned char)units[i].key == ch)
			return i;
	return -1;
}

static void count_persons(struct hane_ui *ui, struct menu *m)
{
	if (!hane_ui_db(ui) ||
	    hane_person_count(hane_ui_db(ui), &m->persons) != 0)
		m->persons = -1;
	/* The waiting work and the 12-month sparklines (src/units/overview):
	 * computed here, not on every redraw. */
	m->ntoday = hane_ui_db(ui)
			    ? hane_overview_today_lines(
				      hane_ui_db(ui), m->today, 12,
				      hane_ui_cols(), hane_chart_unicode_ok())
			    : 0;
}

static void units_menu(struct hane_ui *ui)
{
	static struct menu m;

	m.sel = 0;
	m.persons = -1;

	count_persons(ui, &m);
	hane_ui_screen_push(ui, draw_menu, &m, menu_acts,
			    sizeof menu_acts / sizeof menu_acts[0]);
	while (!hane_ui_quitting(ui)) {
		uint32_t ch = 0;
		enum hane_ui_key k = hane_ui_read_key(ui, &ch);

		if (k == HANE_UI_K_RESIZE)
			continue;
		if (hane_ui_global_key(ui, k)) {
			count_persons(ui, &m);
			continue;
		}
		switch (k) {
		case HANE_UI_K_UP:
			m.sel = (m.sel + NUNITS - 1) % NUNITS;
			break;
		case HANE_UI_K_DOWN:
			m.sel = (m.sel + 1) % NUNITS;
			break;
		case HANE_UI_K_HOME:
			m.sel = 0;
			break;
		case HANE_UI_K_END:
			m.sel = NUNITS - 1;
			break;
		case HANE_UI_K_F3:
			hane_ui_households_search(ui, NULL);
			count_persons(ui, &m);
			break;
		case HANE_UI_K_ENTER:
			open_unit(ui, &m, m.sel);
			count_persons(ui, &m);
			break;
		case HANE_UI_K_CHAR:
			if (unit_of_key(ch) >= 0) {
				open_unit(ui, &m, unit_of_key(ch));
				count_persons(ui, &m);
			}
			break;
		default:
			hane_ui_unbound_key(ui, k);
			break;
		}
	}
	hane_ui_screen_pop(ui);
}

int hane_ui_main(hane_db *db, const struct hane_ui_options *opt)
{
	struct hane_ui *ui = hane_ui_start(db, opt);

	if (!ui)
		return 1;
	hane_ui_set_search(ui, hane_ui_households_search);
	units_menu(ui);
	hane_ui_stop(ui);
	return 0;
}
