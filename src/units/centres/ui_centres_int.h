/* Merkezler screens shared between ui_centres.c (the menu, Bugün, Üyeler,
 * Bekleme listesi, the person's row) and ui_apply.c (applications and
 * their decisions). Console code only. */
#ifndef HANE_UI_CENTRES_INT_H
#define HANE_UI_CENTRES_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "hane/perm.h"

struct hane_ui;

/* True when the actor holds a (the refusal is cleared, not shown). */
bool cu_ui_may(struct hane_ui *ui, enum hane_action a);

/* Başvurular: the applications, F5 a new one, F7 a decision. */
void cu_ui_applications(struct hane_ui *ui);

/* A new application for person_id (0: chosen first in the person
 * search): programme, site, date, diagnosis note and notes, the
 * eligibility said under the programme as soon as it is chosen. The new
 * application's id, or 0 when none was saved. */
int64_t cu_ui_apply(struct hane_ui *ui, int64_t person_id);

/* The decision on application id: Doğrudan kabul, Değerlendirme sonrası
 * kabul, Bekleme listesi, Ret, Geri çekildi (a reason asked for the last
 * two); an admission the site has no place for offers the waiting list.
 * True when something was decided. */
bool cu_ui_decide(struct hane_ui *ui, int64_t id);

#endif
