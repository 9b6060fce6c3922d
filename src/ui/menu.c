/* A unit's menu and a screen of tasks (hane/ui.h): one table of items,
 * the loop once. */
#include "hane/ui.h"

int hane_ui_menu(struct hane_ui *ui, enum hane_msg title, enum hane_action need,
		 const struct hane_ui_menu_item *items, int n)
{
	const char *labels[16];
	int cur = 0, rc;

	rc = hane_can(hane_ui_db(ui), need);
	if (hane_ui_error_if(ui, rc))
		return rc;
	if (n > 16)
		n = 16;
	for (int i = 0; i < n; i++)
		labels[i] = hane_msg(items[i].label);
	while (!hane_ui_quitting(ui)) {
		int i = hane_ui_choose(ui, hane_msg(title), labels, n, cur);

		if (i < 0 || i >= n)
			break;
		cur = i;
		if (items[i].open)
			items[i].open(ui);
		else
			items[i].open_with(ui, items[i].arg);
	}
	return 0;
}

struct tasks {
	const struct hane_ui_menu_item *items;
	int n;
};

static int tasks_act(struct hane_ui *ui, struct hane_ui_list *l,
		     enum hane_ui_action a, void *arg)
{
	const struct tasks *t = arg;
	int64_t id = hane_ui_list_selected_id(l);

	if (a != HANE_UI_A_OPEN || id < 1 || id > t->n)
		return HANE_UI_STAY;
	if (t->items[id - 1].open)
		t->items[id - 1].open(ui);
	else
		t->items[id - 1].open_with(ui, t->items[id - 1].arg);
	return HANE_UI_STAY;
}

int hane_ui_tasks(struct hane_ui *ui, enum hane_msg title, enum hane_msg column,
		  const struct hane_ui_menu_item *items, int n)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_OPEN, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	const struct hane_ui_column col[] = {
		HANE_UI_COL_FLEX(column, 20, 60, 0)};
	struct tasks t = {items, n};
	struct hane_ui_list_view v = {
		.title = hane_msg(title),
		HANE_UI_COLUMNS(col),
		HANE_UI_BAR(acts),
		.act = tasks_act,
		.arg = &t,
	};
	struct hane_ui_list *l = hane_ui_list_new(1);
	int rc = 0;

	if (!l)
		return HANE_ENOMEM;
	for (int i = 0; i < n && rc == 0; i++) {
		char text[128];
		const char *cells[1] = {text};

		snprintf(text, sizeof text, "%d %s", i + 1,
			 hane_msg(items[i].label));
		rc = hane_ui_list_add(l, i + 1, cells);
	}
	if (rc == 0)
		hane_ui_list_run(ui, &v, l);
	hane_ui_list_free(l);
	return rc;
}
