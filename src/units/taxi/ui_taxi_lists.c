/* Engelsiz Taksi's lists and the unit's menu: the riders and the
 * settings (lists of their own), the vehicles, drivers and destinations
 * (the toolkit's screen of a unit's own records, hane/ui.h); the board,
 * the booking form and the rider's page are ui_taxi.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/perm.h"
#include "hane/security.h"
#include "hane/taxi.h"
#include "hane/taxi_ui.h"
#include "hane/ui.h"

#include "ui_taxi_int.h"

/* ---- Riders and settings ------------------------------------------------- */

enum ulist { U_RIDERS, U_SETTINGS };

/* The settings in the model's order, with their words on screen. */
static const enum hane_msg setting_msg[] = {
#define HANE_X_(f, key) HANE_M_TAXI_SET_##f,
	HANE_TAXI_SETTINGS(HANE_X_)
#undef HANE_X_
};
#define NSETTINGS ((int)(sizeof setting_msg / sizeof setting_msg[0]))

static bool setting_is_time(const char *key)
{
	return !strcmp(key, "cutoff") || !strcmp(key, "day_start") ||
	       !strcmp(key, "day_end");
}

static int setting_value(const struct hane_taxi_settings *st, int i)
{
	int n = 0;

#define HANE_X_(f, key)                                                        \
	if (n++ == i)                                                          \
		return st->f;
	HANE_TAXI_SETTINGS(HANE_X_)
#undef HANE_X_
	return 0;
}

static void setting_text(char *out, size_t outsz, const char *key, int v)
{
	char t[HANE_TAXI_TIME];

	if (setting_is_time(key))
		snprintf(out, outsz, "%s", hane_taxi_time_format(t, v));
	else
		snprintf(out, outsz, "%d", v);
}

struct ulist_ctx {
	enum ulist kind;
	hane_db *db;
	struct hane_ui_list *l;
	char qf[128];
	int rc;
};

/* Typing filters every list: a row stays when its first cell (folded)
 * holds the query. */
static int ulist_add(struct ulist_ctx *x, int64_t id, const char *const *cells)
{
	char nf[512];

	hane_text_fold(nf, sizeof nf, cells[0]);
	if (x->qf[0] && !strstr(nf, x->qf))
		return 0;
	return hane_ui_list_add(x->l, id, cells);
}

static int urider_row(const struct hane_taxi_rider *r, void *arg)
{
	struct ulist_ctx *x = arg;
	char aid[8], state[64];
	const char *cells[4];

	snprintf(state, sizeof state, "%s%s",
		 hane_msg(r->active ? HANE_M_TAXI_UI_ACTIVE
				    : HANE_M_TAXI_UI_PASSIVE),
		 r->flagged ? hane_msg(HANE_M_TAXI_UI_FLAGGED_SUFFIX) : "");
	cells[0] = r->name;
	cells[1] = tx_ui_aid_shown(x->db, r->mobility_aid, aid, sizeof aid);
	cells[2] = hane_msg(r->companion ? HANE_M_TAXI_YES : HANE_M_TAXI_NO);
	cells[3] = state;
	return hane_ui_list_add(x->l, r->id, cells);
}

static int ulist_fill(struct hane_ui *ui, struct hane_ui_list *l,
		      const char *query, int rows, void *arg)
{
	struct ulist_ctx *x = arg;
	hane_db *db = hane_ui_db(ui);
	struct hane_taxi_settings st;
	int rc = 0;

	hane_ui_list_clear(l);
	x->l = l;
	x->db = db;
	hane_text_fold(x->qf, sizeof x->qf, query ? query : "");
	if (x->kind == U_RIDERS) {
		/* KVKK: the list of persons is logged before it is shown. */
		rc = hane_gate_list(db, "taxi.rider.list");
		if (rc == 0)
			rc = hane_taxi_rider_search(db, query ? query : "",
						    rows > 0 ? rows : 100,
						    urider_row, x);
	} else if ((rc = hane_taxi_settings_get(db, &st)) == 0) {
		for (int i = 0; i < NSETTINGS && rc == 0; i++) {
			char v[16];
			const char *cells[2] = {hane_msg(setting_msg[i]), v};

			setting_text(v, sizeof v, hane_taxi_setting_keys()[i],
				     setting_value(&st, i));
			rc = ulist_add(x, i + 1, cells);
		}
	}
	if (rc)
		hane_ui_error_rc(ui, rc);
	return rc;
}

static const struct hane_ui_field setting_fields[] = {
	{.kind = HANE_UI_F_TEXT,
	 .label = HANE_M_TAXI_F_VALUE,
	 .required = true,
	 .width = 6,
	 .max = 5},
};

static int setting_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const int *setting = arg;
	int rc = hane_taxi_setting_set(hane_ui_db(ui),
				       hane_taxi_setting_keys()[*setting],
				       hane_ui_form_get(f, 0));

	if (rc) {
		hane_ui_form_error(f, 0, hane_error_last());
		return rc;
	}
	hane_ui_status(ui, false, "%s", hane_msg(HANE_M_CLI_SAVED));
	return 0;
}

/* The setting's value as it is now, in its form. */
static void setting_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const int *setting = arg;
	struct hane_taxi_settings st;
	char buf[64];

	if (hane_taxi_settings_get(hane_ui_db(ui), &st) == 0) {
		setting_text(buf, sizeof buf,
			     hane_taxi_setting_keys()[*setting],
			     setting_value(&st, *setting));
		hane_ui_form_set(f, 0, buf);
	}
}

/* Setting number id (1…) in a form of its value; a number out of range
 * is no setting: nothing opens. */
static void setting_form(struct hane_ui *ui, int64_t id)
{
	char title[256];
	int setting = (int)id - 1;
	struct hane_ui_form_view v = {.title = title,
				      HANE_UI_FORM_FIELDS(setting_fields),
				      .save = setting_save,
				      .arg = &setting};

	if (setting < 0 || setting >= NSETTINGS)
		return;
	snprintf(title, sizeof title, "%s · %s",
		 hane_msg(HANE_M_TAXI_UI_SETTING),
		 hane_msg(setting_msg[setting]));
	hane_ui_form_show(ui, &v, setting_fill);
}

static int ulist_act(struct hane_ui *ui, struct hane_ui_list *l,
		     enum hane_ui_action a, void *arg)
{
	struct ulist_ctx *x = arg;
	int64_t id = hane_ui_list_selected_id(l);
	struct hane_taxi_rider r;
	int rc;

	if (!id) {
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_PICK_ROW));
		return HANE_UI_STAY;
	}
	if (x->kind == U_SETTINGS) {
		setting_form(ui, id);
		return HANE_UI_STAY;
	}
	if (a == HANE_UI_A_OPEN) {
		tx_ui_history(ui, id);
	} else if ((rc = hane_taxi_rider_get(hane_ui_db(ui), id, &r)) != 0) {
		hane_ui_error_rc(ui, rc);
	} else {
		tx_ui_rider_form(ui, r.person_id, &r);
	}
	return HANE_UI_STAY;
}

static const struct hane_ui_column rider_cols[] = {
	HANE_UI_COL_FLEX(HANE_M_TAXI_F_NAME, 14, 30, 0),
	HANE_UI_COL_TEXT(HANE_M_TAXI_F_AID, 8, 20, 2),
	HANE_UI_COL_TEXT(HANE_M_TAXI_F_COMPANION, 5, 9, 1),
	HANE_UI_COL_TEXT(HANE_M_TAXI_C_STATUS, 6, 16, 0),
};
static const struct hane_ui_column setting_cols[] = {
	HANE_UI_COL_FLEX(HANE_M_TAXI_UI_SETTING, 20, 50, 0),
	HANE_UI_COL_NUM(HANE_M_TAXI_F_VALUE, 5, 6, 0),
};

/* The riders or the settings. Editing (F4; Enter on a rider opens the
 * page) only for those the model lets write: taxi.write for riders,
 * taxi.admin for the settings. */
static void ulist_screen(struct hane_ui *ui, enum ulist kind)
{
	bool write = tx_ui_may(ui, kind == U_RIDERS ? HANE_ACT_TAXI_WRITE
						    : HANE_ACT_TAXI_ADMIN);
	enum hane_ui_action acts[8];
	struct ulist_ctx x = {.kind = kind};
	int n = 0;

	acts[n++] = HANE_UI_A_HELP;
	if (write)
		acts[n++] = HANE_UI_A_EDIT;
	if (kind == U_RIDERS)
		acts[n++] = HANE_UI_A_OPEN;
	acts[n++] = HANE_UI_A_BACK;
	acts[n++] = HANE_UI_A_QUIT;
	{
		struct hane_ui_list_view v = {
			.title = hane_msg(
				kind == U_RIDERS
					? HANE_M_TAXI_UI_MENU_RIDERS
					: HANE_M_TAXI_UI_MENU_SETTINGS),
			.cols = kind == U_RIDERS ? rider_cols : setting_cols,
			.ncols = kind == U_RIDERS
					 ? (int)HANE_COUNTOF(rider_cols)
					 : (int)HANE_COUNTOF(setting_cols),
			.actions = acts,
			.nactions = n,
			.fill = ulist_fill,
			.act = ulist_act,
			.arg = &x,
		};

		hane_ui_list_show(ui, &v);
	}
}

static void riders_view(struct hane_ui *ui)
{
	ulist_screen(ui, U_RIDERS);
}

static void settings_view(struct hane_ui *ui)
{
	ulist_screen(ui, U_SETTINGS);
}

/* ---- Field checks ---- */

static int check_plate(const char *text, void *arg)
{
	char plate[HANE_TAXI_PLATE];

	(void)arg;
	return hane_taxi_plate_normalize(plate, text);
}

static int check_phone(const char *text, void *arg)
{
	char e164[HANE_PHONE_LEN + 1];
	char why[256];

	(void)arg;
	if (!text[0] || hane_phone_normalize(e164, text) == 0)
		return 0;
	snprintf(why, sizeof why, "%s", hane_error_last());
	hane_error_set("%s: %s", hane_msg(HANE_M_F_PHONE), why);
	return HANE_EINVAL;
}

/* ---- Vehicles, drivers, destinations: the unit's own records ------------ */

static const char *state_word(bool active)
{
	return hane_msg(active ? HANE_M_TAXI_UI_ACTIVE
			       : HANE_M_TAXI_UI_PASSIVE);
}

/* Every list of the three is taxi.admin's to change, and says a save the
 * same way; its form's title is "Araç · Yeni" and "Araç · Düzenle". */
#define TX_WORDS .write = HANE_ACT_TAXI_ADMIN, .saved = HANE_M_CLI_SAVED

#define MAXDRV 64

/* A vehicle's form: its record's fields with the screen's own labels
 * and sizes, and the usual driver, a choice of the active drivers by id
 * (the form's own field), after the counts. */
struct vehicle_drivers {
	int64_t current; /* the vehicle's usual driver: offered though passive
			  */
	int n;
	int64_t id[MAXDRV];
	char name[MAXDRV][HANE_TAXI_NAME];
	const char *items[MAXDRV + 1];
};

static int vehicle_row(const struct hane_taxi_vehicle *v, void *arg)
{
	char wc[8], seats[8];
	const char *cells[5] = {
		v->plate, wc, seats, v->driver_name[0] ? v->driver_name : "-",
		hane_msg(v->in_service ? HANE_M_TAXI_UI_IN_SERVICE
				       : HANE_M_TAXI_UI_OUT_OF_SERVICE)};

	snprintf(wc, sizeof wc, "%d", v->wheelchair_places);
	snprintf(seats, sizeof seats, "%d", v->seats);
	return hane_ui_records_row(arg, v, cells);
}

static int vehicle_each(hane_db *db, struct hane_ui_records *rs)
{
	return hane_taxi_vehicle_each(db, vehicle_row, rs);
}

enum { VF_PLATE, VF_WHEELCHAIR, VF_SEATS, VF_DRIVER, VF_IN_SERVICE, VF_NOTES };

static const struct hane_ui_records_field vehicle_fields[] = {
	[VF_PLATE] = {.bind = {.column = "plate",
			       HANE_UI_LABEL(HANE_M_TAXI_F_PLATE),
			       .width = 12,
			       .max = 12},
		      .check = check_plate},
	[VF_WHEELCHAIR] = {.bind = {.column = "wheelchair_places",
				    HANE_UI_LABEL(
					    HANE_M_TAXI_F_WHEELCHAIR_PLACES),
				    .width = 3,
				    .max = 2,
				    .lo = 0,
				    .hi = 9}},
	[VF_SEATS] = {.bind = {.column = "seats",
			       HANE_UI_LABEL(HANE_M_TAXI_F_SEATS),
			       .width = 3,
			       .max = 2,
			       .lo = 0,
			       .hi = 20}},
	[VF_DRIVER] = {.own = {.kind = HANE_UI_F_CHOICE,
			       .label = HANE_M_TAXI_F_DRIVER,
			       .width = 30}},
	[VF_IN_SERVICE] = {.bind = {.column = "in_service",
				    HANE_UI_LABEL(HANE_M_TAXI_F_IN_SERVICE),
				    .width = 30}},
	[VF_NOTES] = {.bind = {.column = "notes",
			       HANE_UI_LABEL(HANE_M_F_NOTES),
			       .width = 44,
			       .max = 120}},
};

static int vehicle_driver(const struct hane_taxi_driver *d, void *arg)
{
	struct vehicle_drivers *ds = arg;

	if (ds->n < MAXDRV && (d->active || d->id == ds->current)) {
		ds->id[ds->n] = d->id;
		HANE_COPY(ds->name[ds->n], d->full_name);
		ds->items[ds->n + 1] = ds->name[ds->n];
		ds->n++;
	}
	return 0;
}

static int vehicle_open(struct hane_ui_records_edit *e)
{
	struct vehicle_drivers *ds = e->arg;
	int rc;

	ds->current = ((const struct hane_taxi_vehicle *)e->rec)->driver_id;
	ds->n = 0;
	ds->items[0] = hane_msg(HANE_M_TAXI_UI_NO_DRIVER);
	rc = hane_taxi_driver_each(e->db, vehicle_driver, ds);
	e->own[VF_DRIVER].choices = ds->items;
	e->own[VF_DRIVER].nchoices = ds->n + 1;
	return rc;
}

static void vehicle_fill(struct hane_ui_records_edit *e)
{
	const struct vehicle_drivers *ds = e->arg;

	for (int i = 0; i < ds->n; i++)
		if (ds->id[i] == ds->current)
			hane_ui_form_set_choice(e->f, e->at[VF_DRIVER], i + 1);
}

static int vehicle_store(struct hane_ui_records_edit *e)
{
	const struct vehicle_drivers *ds = e->arg;
	struct hane_taxi_vehicle *v = e->rec;
	int c = hane_ui_form_choice(e->f, e->at[VF_DRIVER]);

	v->driver_id = c > 0 && c <= ds->n ? ds->id[c - 1] : 0;
	/* A count left empty is none. */
	if (v->wheelchair_places < 0)
		v->wheelchair_places = 0;
	if (v->seats < 0)
		v->seats = 0;
	return 0;
}

static int vehicle_save(hane_db *db, void *rec, int64_t *id)
{
	return hane_taxi_vehicle_save(db, rec, id);
}

static const struct hane_ui_column vehicle_cols[] = {
	HANE_UI_COL_TEXT(HANE_M_TAXI_F_PLATE, 10, 11, 0),
	HANE_UI_COL_NUM(HANE_M_TAXI_C_WHEELCHAIR, 3, 5, 0),
	HANE_UI_COL_NUM(HANE_M_TAXI_F_SEATS, 3, 6, 0),
	HANE_UI_COL_FLEX(HANE_M_TAXI_F_DRIVER, 10, 30, 1),
	HANE_UI_COL_TEXT(HANE_M_TAXI_C_STATUS, 8, 13, 0),
};

static void vehicles_view(struct hane_ui *ui)
{
	static const struct hane_taxi_vehicle blank = {.in_service = true,
						       .seats = 3};
	struct vehicle_drivers ds;
	const struct hane_ui_records_view v = {
		.title = hane_msg(HANE_M_TAXI_UI_MENU_VEHICLES),
		HANE_UI_COLUMNS(vehicle_cols),
		.def = &hane_taxi_vehicle_rdef,
		.each = vehicle_each,
		HANE_UI_FORM_FIELDS(vehicle_fields),
		.blank = &blank,
		.open = vehicle_open,
		.fill = vehicle_fill,
		.store = vehicle_store,
		.save = vehicle_save,
		.what = HANE_M_TAXI_UI_VEHICLE,
		TX_WORDS,
		.arg = &ds,
	};

	hane_ui_records_show(ui, &v);
}

/* A driver: name, phone (checked as typed), active, notes. */
static int driver_row(const struct hane_taxi_driver *d, void *arg)
{
	char phone[32];
	const char *cells[3] = {d->full_name,
				d->phone[0]
					? hane_phone_format(phone, sizeof phone,
							    d->phone, false)
					: "-",
				state_word(d->active)};

	return hane_ui_records_row(arg, d, cells);
}

static int driver_each(hane_db *db, struct hane_ui_records *rs)
{
	return hane_taxi_driver_each(db, driver_row, rs);
}

static const struct hane_ui_records_field driver_fields[] = {
	{.bind = {.column = "full_name",
		  HANE_UI_LABEL(HANE_M_TAXI_F_NAME),
		  .width = 40,
		  .max = 80}},
	{.bind = {.column = "phone",
		  HANE_UI_LABEL(HANE_M_F_PHONE),
		  .width = 16,
		  .max = 20},
	 .check = check_phone},
	{.bind = {.column = "active",
		  HANE_UI_LABEL(HANE_M_TAXI_F_ACTIVE),
		  .width = 30}},
	{.bind = {.column = "notes",
		  HANE_UI_LABEL(HANE_M_F_NOTES),
		  .width = 44,
		  .max = 120}},
};

static int driver_save(hane_db *db, void *rec, int64_t *id)
{
	return hane_taxi_driver_save(db, rec, id);
}

static const struct hane_ui_column driver_cols[] = {
	HANE_UI_COL_FLEX(HANE_M_TAXI_F_NAME, 14, 30, 0),
	HANE_UI_COL_TEXT(HANE_M_F_PHONE, 14, 14, 1),
	HANE_UI_COL_TEXT(HANE_M_TAXI_C_STATUS, 5, 6, 0),
};

static void drivers_view(struct hane_ui *ui)
{
	static const struct hane_taxi_driver blank = {.active = true};
	const struct hane_ui_records_view v = {
		.title = hane_msg(HANE_M_TAXI_UI_MENU_DRIVERS),
		HANE_UI_COLUMNS(driver_cols),
		.def = &hane_taxi_driver_rdef,
		.each = driver_each,
		HANE_UI_FORM_FIELDS(driver_fields),
		.blank = &blank,
		.save = driver_save,
		.what = HANE_M_TAXI_F_DRIVER,
		TX_WORDS,
	};

	hane_ui_records_show(ui, &v);
}

/* A destination: name, kind (a choice whose words are given on open),
 * address; a new one is active: no question about it. */
static const char *const dest_kinds[5] = {"hospital", "physio", "dialysis",
					  "clinic", "other"};

static int dest_row(const struct hane_taxi_destination *d, void *arg)
{
	const char *cells[4] = {d->name, hane_taxi_kind_label(d->kind),
				d->address[0] ? d->address : "-",
				state_word(d->active)};

	return hane_ui_records_row(arg, d, cells);
}

static int dest_each(hane_db *db, struct hane_ui_records *rs)
{
	return hane_taxi_destination_each_all(db, dest_row, rs);
}

enum { DF_NAME, DF_KIND, DF_ADDRESS, DF_ACTIVE };

static const struct hane_ui_records_field dest_fields[] = {
	[DF_NAME] = {.bind = {.column = "name",
			      HANE_UI_LABEL(HANE_M_TAXI_F_NAME),
			      .width = 40,
			      .max = 80}},
	[DF_KIND] = {.bind = {.column = "kind",
			      HANE_UI_LABEL(HANE_M_TAXI_F_KIND),
			      .width = 16,
			      .values = dest_kinds,
			      .nchoices = 5}},
	[DF_ADDRESS] = {.bind = {.column = "address",
				 HANE_UI_LABEL(HANE_M_TAXI_F_ADDRESS),
				 .width = 44,
				 .max = 120}},
	[DF_ACTIVE] = {.bind = {.column = "active",
				HANE_UI_LABEL(HANE_M_TAXI_F_ACTIVE),
				.width = 30},
		       .on = HANE_UI_RF_EDIT},
};

static int dest_open(struct hane_ui_records_edit *e)
{
	const char **kinds = e->arg;

	for (int i = 0; i < 5; i++)
		kinds[i] = hane_taxi_kind_label(dest_kinds[i]);
	e->bind[DF_KIND].choices = kinds;
	return 0;
}

static int dest_save(hane_db *db, void *rec, int64_t *id)
{
	return hane_taxi_destination_save(db, rec, id);
}

static const struct hane_ui_column dest_cols[] = {
	HANE_UI_COL_TEXT(HANE_M_TAXI_F_NAME, 14, 30, 0),
	HANE_UI_COL_TEXT(HANE_M_TAXI_F_KIND, 6, 13, 2),
	HANE_UI_COL_FLEX(HANE_M_TAXI_F_ADDRESS, 10, 30, 1),
	HANE_UI_COL_TEXT(HANE_M_TAXI_C_STATUS, 5, 6, 0),
};

static void dests_view(struct hane_ui *ui)
{
	static const struct hane_taxi_destination blank = {.active = true};
	const char *kinds[5];
	const struct hane_ui_records_view v = {
		.title = hane_msg(HANE_M_TAXI_UI_MENU_DESTS),
		HANE_UI_COLUMNS(dest_cols),
		.def = &hane_taxi_destination_rdef,
		.each = dest_each,
		HANE_UI_FORM_FIELDS(dest_fields),
		.blank = &blank,
		.open = dest_open,
		.save = dest_save,
		.what = HANE_M_TAXI_F_DESTINATION,
		TX_WORDS,
		.arg = kinds,
	};

	hane_ui_records_show(ui, &v);
}

/* The unit's menu: the day board first (Enter), then its lists. */
int hane_ui_taxi_main(struct hane_ui *ui)
{
	static const struct hane_ui_menu_item items[] = {
		{HANE_M_TAXI_UI_BOARD, tx_ui_board},
		{HANE_M_TAXI_UI_MENU_RIDERS, riders_view},
		{HANE_M_TAXI_UI_MENU_VEHICLES, vehicles_view},
		{HANE_M_TAXI_UI_MENU_DRIVERS, drivers_view},
		{HANE_M_TAXI_UI_MENU_DESTS, dests_view},
		{HANE_M_TAXI_UI_MENU_SETTINGS, settings_view},
	};

	return hane_ui_menu(ui, HANE_M_UI_UNIT_TAXI, HANE_ACT_TAXI_READ, items,
			    HANE_UI_NITEMS(items));
}
