/* hane/homecare_ui.h — the home care unit's screens, for the console shell.
 *
 * Declared apart from hane/homecare.h because these live in hane_ui (they
 * need the console) while the model lives in hane_core. The shell names
 * them in its table of units (src/console/units.def).
 */
#ifndef HANE_HOMECARE_UI_H
#define HANE_HOMECARE_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hane_ui;
struct hane_ui_detail;

/* The unit's entry screen: a menu of the day and week agenda (per
 * caregiver or for the whole unit, ←→ between days, Enter records a
 * visit as done or missed, or closes a missed visit's follow-up), the
 * schedule generator (date range → preview → confirm to write), the
 * client list with last and next visit, and the visits to follow up.
 * Returns 0, or the permission error when the person may not read home
 * care. */
int hane_ui_homecare_main(struct hane_ui *ui);

/* Lines for a household's services panel: each home care client of the
 * household with their plans and last/next visit. Adds nothing for a
 * household without clients or for someone without homecare.read. */
void hane_ui_homecare_services(struct hane_ui *ui, int64_t household_id,
			       struct hane_ui_detail *d);

/* The person page's row (src/console/person.def): a client's number, service,
 * plan and last/next visit; for a person who is not a client, an offer
 * to take them on (only to a role with homecare.write). False (no row)
 * for a role without homecare.read. */
bool hane_ui_homecare_person_line(struct hane_ui *ui, int64_t person_id,
				  char *out, size_t outsz);
/* Enter on that row: the client's page (F4 edit, F5 plan, F6 plans), or
 * for a person not yet a client the client form and then the first plan
 * form. */
void hane_ui_homecare_person_open(struct hane_ui *ui, int64_t person_id);

#endif
