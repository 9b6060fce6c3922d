/* The bar of a list of a unit's own records (caregivers, branches,
 * markets, package types, vehicles…): a role that may change them is
 * offered editing, adding and (de)activating (when the records have an
 * active flag the list flips); anyone else reads and sorts. */
#include "hane/ui.h"
#include "internal.h"

void ui_records_bar(struct hane_ui_list_view *v, bool rw, bool toggle)
{
	static const enum hane_ui_action ro[] = {
		HANE_UI_A_HELP, HANE_UI_A_SORT, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_ITEM_EDIT,   HANE_UI_A_ITEM_NEW,
		HANE_UI_A_SORT, HANE_UI_A_ITEM_ACTIVE, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	static const enum hane_ui_action no_toggle[] = {
		HANE_UI_A_HELP, HANE_UI_A_ITEM_EDIT, HANE_UI_A_ITEM_NEW,
		HANE_UI_A_SORT, HANE_UI_A_BACK,	     HANE_UI_A_QUIT};

	if (!rw) {
		v->actions = ro;
		v->nactions = (int)HANE_COUNTOF(ro);
	} else if (toggle) {
		v->actions = acts;
		v->nactions = (int)HANE_COUNTOF(acts);
	} else {
		v->actions = no_toggle;
		v->nactions = (int)HANE_COUNTOF(no_toggle);
	}
}

void hane_ui_records_bar(struct hane_ui_list_view *v, bool rw)
{
	ui_records_bar(v, rw, true);
}
