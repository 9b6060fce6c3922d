/* hane/foodbank_ui.h — the food bank's screens, for the console shell.
 *
 * Declared apart from hane/foodbank.h because these live in hane_ui (they
 * need the console) while the model lives in hane_core. The shell names
 * them in its table of units (src/console/units.def).
 */
#ifndef HANE_FOODBANK_UI_H
#define HANE_FOODBANK_UI_H

#include <stdint.h>

struct hane_ui;
struct hane_ui_detail;

/* The unit's entry screen: distribution (household search → form with
 * eligibility and last visit; the frequency limit offers a supervisor's
 * override with a reason), donation intake, the markets' weekly ledger,
 * stock per branch, households not served for 30 days. Returns 0, or the
 * permission error when the person may not read the food bank. */
int hane_ui_foodbank_main(struct hane_ui *ui);

/* One line for a household's services panel: eligibility and the last
 * package ("Gıda  uygun · son 01.06.2026 Standart paket"). Adds nothing
 * for a household the food bank never saw, or for someone without
 * foodbank.read. */
void hane_ui_foodbank_services(struct hane_ui *ui, int64_t household_id,
			       struct hane_ui_detail *d);

#endif
