/* hane/centres_ui.h — Merkezler's screens (#19), for the console shell.
 *
 * Declared apart from hane/centres.h because these live in hane_ui (they
 * need the console) while the model lives in hane_core. The shell names
 * them in its tables (src/console/units.def, person.def). The core's
 * screens are src/units/centres/ui_centres.c and ui_apply.c; the sessions
 * and placements screens are ui_sessions.c and ui_placements.c.
 */
#ifndef HANE_CENTRES_UI_H
#define HANE_CENTRES_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hane_ui;
struct hane_ui_detail;

/* The unit's entry screen (main menu key 'm'): Bugün (a site's
 * check-ins today; typing finds a member, Enter checks them in), Üyeler,
 * Başvurular, Bekleme listesi, Oturumlar, İstihdam, Yerler ve programlar.
 * Returns 0, or the permission error when the person may not read the
 * unit (centres.read). */
int hane_ui_centres_main(struct hane_ui *ui);

/* Oturumlar: the session calendar and its bookings (ui_sessions.c). */
void hane_ui_centres_sessions(struct hane_ui *ui);
/* İstihdam: the placements (ui_placements.c). */
void hane_ui_centres_placements(struct hane_ui *ui);

/* The person page's row (src/console/person.def): the person's running
 * memberships ("üye 01.03.2025 · Asırlık Çınar Serdar"), else an open
 * application ("başvuru: bekleme listesinde 3. sırada"), else, for staff
 * who may record, how to apply; false (no row) without centres.read. */
bool hane_ui_centres_person_line(struct hane_ui *ui, int64_t person_id,
				 char *out, size_t outsz);

/* Enter on that row: the person's memberships and applications, F5 a new
 * application for them. */
void hane_ui_centres_person_open(struct hane_ui *ui, int64_t person_id);

/* Lines for a household's services panel: its members' running
 * memberships ("Merkez    Ayşe · Asırlık Çınar Serdar 01.03.2025").
 * Nothing without centres.read. */
void hane_ui_centres_services(struct hane_ui *ui, int64_t household_id,
			      struct hane_ui_detail *d);

#endif
