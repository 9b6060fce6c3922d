/* A unit's menu (hane/ui.h): one table of items, the loop once. */
#include "hane/ui.h"

int hane_ui_menu(struct hane_ui *ui, enum hane_msg title, enum hane_action need,
		 const struct hane_ui_menu_item *items, int n)
{
	const char *labels[16];
	int cur = 0, rc;

	if ((rc = hane_can(hane_ui_db(ui), need)) != 0) {
		hane_ui_error_rc(ui, rc);
		return rc;
	}
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
