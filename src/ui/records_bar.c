/* The bar of a list of a unit's own records (caregivers, branches,
 * markets, package types): a role that may change them is offered
 * editing, adding and (de)activating; anyone else reads and sorts. */
#include "hane/ui.h"

void hane_ui_records_bar(struct hane_ui_list_view *v, bool rw)
{
	static const enum hane_ui_action ro[] = {
		HANE_UI_A_HELP, HANE_UI_A_SORT, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_ITEM_EDIT,   HANE_UI_A_ITEM_NEW,
		HANE_UI_A_SORT, HANE_UI_A_ITEM_ACTIVE, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};

	v->actions = rw ? acts : ro;
	v->nactions = rw ? (int)HANE_COUNTOF(acts) : (int)HANE_COUNTOF(ro);
}
