/* Engelsiz Taksi screens shared between ui_taxi.c (the day board, the
 * booking form, the rider's page) and ui_taxi_lists.c (the unit's lists
 * and menu). Console code only. */
#ifndef HANE_UI_TAXI_INT_H
#define HANE_UI_TAXI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hane/perm.h"
#include "hane/taxi.h"

struct hane_ui;

/* The mobility aid is health data: in clear for the taxi unit's staff
 * (through the gate), masked for anyone else. */
const char *tx_ui_aid_shown(hane_db *db, const char *aid, char *out, size_t n);

/* True when the actor may do a; clears the refusal (a bar is not an
 * error). */
bool tx_ui_may(struct hane_ui *ui, enum hane_action a);

/* Makes person_id a rider (rider NULL) or edits rider. Returns the
 * rider's id when saved, 0 when left. */
int64_t tx_ui_rider_form(struct hane_ui *ui, int64_t person_id,
			 const struct hane_taxi_rider *rider);

/* The rider's page: who, what the driver must know, the trips; F4 edits
 * and F5 books for those who may (taxi.write). */
void tx_ui_history(struct hane_ui *ui, int64_t rider_id);

/* The day board. */
void tx_ui_board(struct hane_ui *ui);

#endif
