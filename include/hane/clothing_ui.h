/* hane/clothing_ui.h — Dost Eller's screens, for the console shell.
 *
 * Declared apart from hane/clothing.h because these live in hane_ui (they
 * need the console) while the model lives in hane_core. The shell names
 * them in its tables (src/console/units.def, person.def).
 */
#ifndef HANE_CLOTHING_UI_H
#define HANE_CLOTHING_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hane_ui;

/* The unit's entry screen: an issue (the person search, then the person
 * page's Dost Eller row), donation intake, stock per category, the last
 * issues. Returns 0, or the permission error when the person may not
 * read the store. */
int hane_ui_clothing_main(struct hane_ui *ui);

/* The person page's row (src/console/person.def): eligibility and the
 * last issue ("uygun (gıda bankası yönlendirmesi) · son teslim 15.06");
 * false (no row) without clothing.read. */
bool hane_ui_clothing_person_line(struct hane_ui *ui, int64_t person_id,
				  char *out, size_t outsz);

/* Enter on that row: the issue form for the person (eligibility at a
 * glance, up to three lines, the limit explained with a supervisor's
 * override), or why not. */
void hane_ui_clothing_person_open(struct hane_ui *ui, int64_t person_id);

#endif
