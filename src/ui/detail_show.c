/* hane_ui_detail_show (hane/ui.h): a detail view run, and what stopped
 * it said, where a screen has nothing else to do with the error. */
#include "hane/ui.h"

void hane_ui_detail_show(struct hane_ui *ui,
			 const struct hane_ui_detail_view *v)
{
	int rc = hane_ui_detail_run(ui, v);

	if (rc)
		hane_ui_error_rc(ui, rc);
}
