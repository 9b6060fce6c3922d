/* Model errors under the form field they name: the units' forms share
 * this instead of each keeping a copy (#18). */
#include <string.h>

#include "hane/ui.h"

const char *hane_ui_after_label(const char *err, const char *label)
{
	size_t n = strlen(label);

	if (strncmp(err, label, n) == 0 && err[n] == ':' && err[n + 1] == ' ')
		return err + n + 2;
	return err;
}

void hane_ui_form_model_error(struct hane_ui *ui, struct hane_ui_form *f,
			      const enum hane_msg *labels, int n, int rc)
{
	const char *err = hane_error_last();

	if (rc == HANE_EINVAL || rc == HANE_EEXIST)
		for (int i = 0; i < n; i++) {
			const char *l = hane_msg(labels[i]);

			if (labels[i] && hane_ui_after_label(err, l) != err) {
				hane_ui_form_error(f, i,
						   hane_ui_after_label(err, l));
				return;
			}
		}
	hane_ui_error_rc(ui, rc);
}
