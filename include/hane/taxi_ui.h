/* hane/taxi_ui.h — Engelsiz Taksi's screens, for the console shell.
 *
 * Declared apart from hane/taxi.h because these live in hane_ui (they
 * need the console) while the model lives in hane_core. The shell names
 * them in its table of units (src/console/units.def).
 */
#ifndef HANE_TAXI_UI_H
#define HANE_TAXI_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hane_ui;
struct hane_ui_detail;

/* The unit's entry screen: the day board (vehicles as columns, trips as
 * rows by time; ←→ change the day), from which F5 books (rider search →
 * booking form; a clash shows the clashing trip and offers the free
 * slots to pick), F6 gives a trip another vehicle, F7 records the
 * outcome (after an outbound no-show it asks about the return), F8
 * cancels, F2 writes the selected vehicle's manifest as CSV, Enter opens
 * the rider's history. Returns 0, or the permission error when the
 * person may not read the taxi unit. */
int hane_ui_taxi_main(struct hane_ui *ui);

/* Lines for a household's services panel: the members' coming trips
 * ("Taksi  17.06 09:00 Devlet Hastanesi ⇄ · Ayşe Kaya"). Adds nothing
 * when there are none or the person lacks taxi.read. */
void hane_ui_taxi_services(struct hane_ui *ui, int64_t household_id,
			   struct hane_ui_detail *d);

/* The person page's row (src/console/person.def): a rider's aid and
 * companion, or what making the person a rider would take; Enter opens
 * the rider's page (F4 edit, F5 book, the trips) or, for someone who may
 * (taxi.write), the form that makes the person a rider. */
bool hane_ui_taxi_person_line(struct hane_ui *ui, int64_t person_id, char *out,
			      size_t outsz);
void hane_ui_taxi_person_open(struct hane_ui *ui, int64_t person_id);

#endif
