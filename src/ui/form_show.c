/* A form run once (hane/ui.h "A form run once"): made over its view,
 * filled, marked clean, run and freed — what every screen with a form
 * wrote out around its own filling. */
#include "hane/ui.h"

int hane_ui_form_show(struct hane_ui *ui, const struct hane_ui_form_view *v,
		      void (*fill)(struct hane_ui *ui, struct hane_ui_form *f,
				   void *arg))
{
	struct hane_ui_form *f = hane_ui_form_new(v);
	int saved;

	if (!f) {
		hane_ui_error_rc(ui, HANE_ENOMEM);
		return 0;
	}
	if (fill)
		fill(ui, f, v->arg);
	hane_ui_form_set_clean(f);
	saved = hane_ui_form_run(ui, f);
	hane_ui_form_free(f);
	return saved;
}
