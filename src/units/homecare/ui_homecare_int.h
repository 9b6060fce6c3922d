/* Home care screens shared between ui_homecare.c (agenda, schedule,
 * clients) and ui_homecare_edit.c (client, plan, worker and settings
 * forms). Console code only. */
#ifndef HANE_UI_HOMECARE_INT_H
#define HANE_UI_HOMECARE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/homecare.h"

struct hane_ui;
struct hane_ui_list;

/* v, member column of a def record, as the actor may see it in the home
 * care unit's screens: through the gate by the kind its field table
 * says ("***" for health text the role may not read); returns m or v. */
const char *hc_ui_gated(hane_db *db, const struct hane_rdef *def,
			const char *column, const char *v, char *m, size_t n);

/* A list filled by a walk: the rows added for the query (folded, and as
 * typed). */
struct hc_ui_rows {
	struct hane_ui_list *l;
	char query[256];
	char raw[256];
	int count;
};
/* Starts filling l for query (NULL: none). */
void hc_ui_rows_start(struct hc_ui_rows *r, struct hane_ui_list *l,
		      const char *query);
/* Adds a row of cells when text a or b (b may be NULL) holds the query;
 * 0 or the list's error. */
int hc_ui_rows_add(struct hc_ui_rows *r, int64_t id, const char *const *cells,
		   const char *a, const char *b);

/* Workers to choose from: ids and their labels, in order. */
#define HC_UI_WORKERS_MAX 64
struct hc_ui_workers {
	int n;
	bool numbered; /* a worker's label says its number: "Ad (#3)" */
	int64_t id[HC_UI_WORKERS_MAX];
	char name[HC_UI_WORKERS_MAX][160];
	const char *label[HC_UI_WORKERS_MAX];
};
/* One more choice (the label copied); none past the maximum. */
void hc_ui_workers_add(struct hc_ui_workers *ws, int64_t id, const char *label);
/* Adds every active worker; returns the index of the choice whose id is
 * id (0 when none is), or a negative error. */
int hc_ui_workers_load(hane_db *db, struct hc_ui_workers *ws, int64_t id);

/* "haftada 2 Pzt Per": how often and on which days plan p is, for a
 * narrow place; false (out "") when it ended before today. */
bool hc_ui_plan_short(char *out, size_t n, const struct hane_homecare_plan *p,
		      const char *today);

/* One client's page: who, needs, plans, visits (F4 edits the client, F5
 * adds a plan, F6 changes one). */
void hc_ui_client_page(struct hane_ui *ui, int64_t client_id);
/* The client form (services, start, needs, notes) for client_id. */
void hc_ui_client_edit(struct hane_ui *ui, int64_t client_id);
/* F8 on the client page: the service ends (last day, reason), after a
 * question; later planned visits are cancelled by the model. */
void hc_ui_client_end(struct hane_ui *ui, int64_t client_id);
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
