/* Home care screens shared between ui_homecare.c (agenda, schedule,
 * clients) and ui_homecare_edit.c (client, plan, worker and settings
 * forms). Console code only. */
#ifndef HANE_UI_HOMECARE_INT_H
#define HANE_UI_HOMECARE_INT_H

#include <stdint.h>

struct hane_ui;

/* One client's page: who, needs, plans, visits (F4 edits the client, F5
 * adds a plan, F6 changes one). */
void hc_ui_client_page(struct hane_ui *ui, int64_t client_id);
/* The client form (services, start, needs, notes) for client_id. */
void hc_ui_client_edit(struct hane_ui *ui, int64_t client_id);
/* A new care plan for client_id. */
void hc_ui_plan_new(struct hane_ui *ui, int64_t client_id);
/* Chooses one of the client's plans and opens it in the plan form. */
void hc_ui_plan_pick(struct hane_ui *ui, int64_t client_id);
/* The unit's caregivers and cleaning teams: list, add, edit,
 * deactivate (homecare.admin for changes). */
void hc_ui_workers(struct hane_ui *ui);
/* The unit's settings: travel time between mahalleler. */
void hc_ui_settings(struct hane_ui *ui);

#endif
