/* A form run once (hane/ui.h "A form run once"): made over its view,
 * filled, marked clean, run and freed — what every screen with a form
 * wrote out around its own filling. */
#include <stdio.h>
#include <string.h>

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

struct line {
	char *out;
	size_t outsz;
};

static int line_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct line *l = arg;

	(void)ui;
	snprintf(l->out, l->outsz, "%s", hane_ui_form_get(f, 0));
	return 0;
}

void hane_ui_ask_line(struct hane_ui *ui, const char *title,
		      enum hane_msg label, int max, char *out, size_t outsz)
{
	struct hane_ui_field field = {.kind = HANE_UI_F_TEXT,
				      .label = label,
				      .required = true,
				      .width = 50,
				      .max = max};
	struct line l = {out, outsz};
	struct hane_ui_form_view v = {
		.title = title,
		.fields = &field,
		.nfields = 1,
		.save = line_save,
		.arg = &l,
	};

	out[0] = '\0';
	(void)hane_ui_form_show(ui, &v, NULL);
}

bool hane_ui_override_reason(struct hane_ui *ui,
			     const struct hane_ui_override *o, char *out,
			     size_t outsz)
{
	const char *labels[2] = {hane_msg(o->cancel), hane_msg(o->override)};
	char why[1024];
	bool may;

	out[0] = '\0';
	snprintf(why, sizeof why, "%s", hane_error_last());
	may = hane_can(hane_ui_db(ui), o->action) == 0;
	if (!may)
		snprintf(why + strlen(why), sizeof why - strlen(why), "\n\n%s",
			 hane_msg(o->ask_supervisor));
	if (hane_ui_buttons(ui, hane_msg(o->title), why, labels, may ? 2 : 1) !=
	    1)
		return false;
	hane_ui_ask_line(ui, hane_msg(o->reason_title), o->reason_label, 250,
			 out, outsz);
	return out[0] != '\0';
}
