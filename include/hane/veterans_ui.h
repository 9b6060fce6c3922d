/* hane/veterans_ui.h — Şehit Yakınları ve Gazi Birimi's screens, for the
 * console shell.
 *
 * Declared apart from hane/veterans.h because these live in hane_ui (they
 * need the console) while the model lives in hane_core. The shell names
 * them in its table of units (src/console/units.def).
 */
#ifndef HANE_VETERANS_UI_H
#define HANE_VETERANS_UI_H

#include <stdint.h>

struct hane_ui;
struct hane_ui_detail;

/* The unit's entry screen: the roster (typing searches names, the head of
 * household and the mahalle), the gift stock on the title line; F5 adds a
 * roster row, Enter opens one: who, the household's address, and the
 * household's visits over the years, newest first, with the stock; there
 * F5 records a visit (who went, who was present, gift sets from the
 * stock, notes, a follow-up that opens a social-inspection request).
 * Returns 0, or the permission error when the person may not read the
 * unit. */
int hane_ui_veterans_main(struct hane_ui *ui);

/* Lines for a household's services panel: its roster rows and their last
 * visit ("Gazi      10.06.2026 Şehit yakını"). Adds nothing
 * when there are none or the person lacks veterans.read. */
void hane_ui_veterans_services(struct hane_ui *ui, int64_t household_id,
			       struct hane_ui_detail *d);

#endif
