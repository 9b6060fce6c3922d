/* Engelsiz Taksi's lists (riders, vehicles, drivers, destinations,
 * settings) and the unit's menu, moved out of ui_taxi.c; the board, the
 * booking form and the rider's page stay there.
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

/* ---- The unit's lists: riders, vehicles, drivers, destinations, settings ---- */

enum ulist { U_RIDERS, U_VEHICLES, U_DRIVERS, U_DESTS, U_SETTINGS };

static const char *const dest_kinds[5] = {"hospital", "physio", "dialysis",
					  "clinic", "other"};
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

static int uvehicle_row(const struct hane_taxi_vehicle *v, void *arg)
{
	char wc[8], seats[8];
	const char *cells[5] = {
		v->plate, wc, seats, v->driver_name[0] ? v->driver_name : "-",
		hane_msg(v->in_service ? HANE_M_TAXI_UI_IN_SERVICE
				       : HANE_M_TAXI_UI_OUT_OF_SERVICE)};

	snprintf(wc, sizeof wc, "%d", v->wheelchair_places);
	snprintf(seats, sizeof seats, "%d", v->seats);
	return ulist_add(arg, v->id, cells);
}

static int udriver_row(const struct hane_taxi_driver *d, void *arg)
{
	char phone[32];
	const char *cells[3] = {d->full_name,
				d->phone[0]
					? hane_phone_format(phone, sizeof phone,
							    d->phone, false)
					: "-",
				hane_msg(d->active ? HANE_M_TAXI_UI_ACTIVE
						   : HANE_M_TAXI_UI_PASSIVE)};

	return ulist_add(arg, d->id, cells);
}

static int udest_row(const struct hane_taxi_destination *d, void *arg)
{
	const char *cells[4] = {d->name, hane_taxi_kind_label(d->kind),
				d->address[0] ? d->address : "-",
				hane_msg(d->active ? HANE_M_TAXI_UI_ACTIVE
						   : HANE_M_TAXI_UI_PASSIVE)};

	return ulist_add(arg, d->id, cells);
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
	switch (x->kind) {
	case U_RIDERS:
		/* KVKK: the list of persons is logged before it is shown. */
		rc = hane_gate_list(db, "taxi.rider.list");
		if (rc == 0)
			rc = hane_taxi_rider_search(db, query ? query : "",
						    rows > 0 ? rows : 100,
						    urider_row, x);
		break;
	case U_VEHICLES:
		rc = hane_taxi_vehicle_each(db, uvehicle_row, x);
		break;
	case U_DRIVERS:
		rc = hane_taxi_driver_each(db, udriver_row, x);
		break;
	case U_DESTS:
		rc = hane_taxi_destination_each_all(db, udest_row, x);
		break;
	case U_SETTINGS:
		if ((rc = hane_taxi_settings_get(db, &st)) != 0)
			break;
		for (int i = 0; i < NSETTINGS && rc == 0; i++) {
			char v[16];
			const char *cells[2] = {hane_msg(setting_msg[i]), v};

			setting_text(v, sizeof v, hane_taxi_setting_keys()[i],
				     setting_value(&st, i));
			rc = ulist_add(x, i + 1, cells);
		}
		break;
	}
	if (rc)
		hane_ui_error_rc(ui, rc);
	return rc;
}

/* ---- Vehicle, driver, destination and setting forms ---- */

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

#define MAXDRV 64

/* The forms of a vehicle, a driver and a destination are bound to their
 * records' field tables (hane/ui.h "A form bound to a record"), with the
 * screen's own labels and sizes. A vehicle's usual driver, a choice of
 * the active drivers by id, is the form's own field between the vehicle's
 * two bound parts. */
static const struct hane_ui_bind vehicle_head[] = {
	{.column = "plate",
	 HANE_UI_LABEL(HANE_M_TAXI_F_PLATE),
	 .width = 12,
	 .max = 12},
	{.column = "wheelchair_places",
	 HANE_UI_LABEL(HANE_M_TAXI_F_WHEELCHAIR_PLACES),
	 .width = 3,
	 .max = 2,
	 .lo = 0,
	 .hi = 9},
	{.column = "seats",
	 HANE_UI_LABEL(HANE_M_TAXI_F_SEATS),
	 .width = 3,
	 .max = 2,
	 .lo = 0,
	 .hi = 20},
};
static const struct hane_ui_bind vehicle_tail[] = {
	{.column = "in_service",
	 HANE_UI_LABEL(HANE_M_TAXI_F_IN_SERVICE),
	 .width = 30},
	{.column = "notes",
	 HANE_UI_LABEL(HANE_M_F_NOTES),
	 .width = 44,
	 .max = 120},
};
static const struct hane_ui_bind driver_bind[] = {
	{.column = "full_name",
	 HANE_UI_LABEL(HANE_M_TAXI_F_NAME),
	 .width = 40,
	 .max = 80},
	{.column = "phone",
	 HANE_UI_LABEL(HANE_M_F_PHONE),
	 .width = 16,
	 .max = 20},
	{.column = "active", HANE_UI_LABEL(HANE_M_TAXI_F_ACTIVE), .width = 30},
	{.column = "notes",
	 HANE_UI_LABEL(HANE_M_F_NOTES),
	 .width = 44,
	 .max = 120},
};
/* The kind's choices (words on screen) are given on load. A new
 * destination is active: no question about it (the last field). */
static const struct hane_ui_bind dest_bind[] = {
	{.column = "name",
	 HANE_UI_LABEL(HANE_M_TAXI_F_NAME),
	 .width = 40,
	 .max = 80},
	{.column = "kind",
	 HANE_UI_LABEL(HANE_M_TAXI_F_KIND),
	 .width = 16,
	 .values = dest_kinds,
	 .nchoices = 5},
	{.column = "address",
	 HANE_UI_LABEL(HANE_M_TAXI_F_ADDRESS),
	 .width = 44,
	 .max = 120},
	{.column = "active", HANE_UI_LABEL(HANE_M_TAXI_F_ACTIVE), .width = 30},
};

static const struct hane_ui_field setting_fields[] = {
	{.kind = HANE_UI_F_TEXT,
	 .label = HANE_M_TAXI_F_VALUE,
	 .required = true,
	 .width = 6,
	 .max = 5},
};

struct fleet_edit {
	enum ulist kind;
	int64_t id; /* 0: new */
	struct hane_taxi_vehicle v;
	struct hane_taxi_driver d;
	struct hane_taxi_destination dst;
	int setting;
	int ndrv;
	int64_t drv_id[MAXDRV];
	char drv_name[MAXDRV][HANE_TAXI_NAME];
	const char *drv_items[MAXDRV + 1];
	const char *kinds[5];
	struct hane_ui_bind dbind[4];
	/* The record's bound parts: head from field 0, then gap fields of
	 * the form's own, then tail (n 0: none). */
	struct hane_ui_record head, tail;
	int gap;
	void *rec;
	const struct hane_ui_field *fields;
	int nfields;
};

static int fleet_driver_item(const struct hane_taxi_driver *d, void *arg)
{
	struct fleet_edit *e = arg;

	if (e->ndrv < MAXDRV && (d->active || d->id == e->v.driver_id)) {
		e->drv_id[e->ndrv] = d->id;
		HANE_COPY(e->drv_name[e->ndrv], d->full_name);
		e->drv_items[e->ndrv + 1] = e->drv_name[e->ndrv];
		e->ndrv++;
	}
	return 0;
}

/* The field a model error names, so the message goes under it; -1 when
 * none matches (a dialog then). */
static int field_of_error(const struct hane_ui_field *fields, int n)
{
	const char *why = hane_error_last();

	for (int i = 0; i < n; i++)
		if (strstr(why, hane_msg(fields[i].label)))
			return i;
	return -1;
}

static int fleet_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct fleet_edit *e = arg;
	hane_db *db = hane_ui_db(ui);
	int64_t id = 0;
	int rc = 0, c;

	if (e->rec) {
		hane_ui_record_store(f, 0, &e->head, e->rec);
		hane_ui_record_store(f, e->head.n + e->gap, &e->tail, e->rec);
	}
	switch (e->kind) {
	case U_VEHICLES:
		c = hane_ui_form_choice(f, 3);
		e->v.driver_id = c > 0 && c <= e->ndrv ? e->drv_id[c - 1] : 0;
		/* A count left empty is none. */
		if (e->v.wheelchair_places < 0)
			e->v.wheelchair_places = 0;
		if (e->v.seats < 0)
			e->v.seats = 0;
		rc = hane_taxi_vehicle_save(db, &e->v, &id);
		break;
	case U_DRIVERS:
		rc = hane_taxi_driver_save(db, &e->d, &id);
		break;
	case U_DESTS:
		rc = hane_taxi_destination_save(db, &e->dst, &id);
		break;
	case U_SETTINGS:
	case U_RIDERS:
		rc = hane_taxi_setting_set(db,
					   hane_taxi_setting_keys()[e->setting],
					   hane_ui_form_get(f, 0));
		if (rc) {
			hane_ui_form_error(f, 0, hane_error_last());
			return rc;
		}
		break;
	}
	if (rc == 0) {
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_CLI_SAVED));
		return 0;
	}
	/* The model's message under the field it names, else a dialog. */
	if (rc == HANE_EINVAL &&
	    (c = field_of_error(e->fields, e->nfields)) >= 0)
		hane_ui_form_error(f, c, hane_error_last());
	else
		hane_ui_error_rc(ui, rc);
	return rc;
}

#define NFIELDS(a) ((int)(sizeof(a) / sizeof(a)[0]))

/* Binds e's form to record rec of def: head's fields, gap of the form's
 * own, tail's (may be NULL); the count of fields. */
static int fleet_bind(struct fleet_edit *e, struct hane_ui_field *fields,
		      const struct hane_rdef *def, void *rec,
		      const struct hane_ui_bind *head, int nhead, int gap,
		      const struct hane_ui_bind *tail, int ntail)
{
	e->rec = rec;
	e->head = (struct hane_ui_record){.def = def, .bind = head, .n = nhead};
	e->tail = (struct hane_ui_record){.def = def, .bind = tail, .n = ntail};
	e->gap = gap;
	hane_ui_record_fields(fields, &e->head);
	hane_ui_record_fields(fields + nhead + gap, &e->tail);
	return nhead + gap + ntail;
}

/* Loads the record of e (id 0: a new one's defaults) and its fields into
 * fields (at most 6); returns the count, or a negative error. */
static int fleet_load(hane_db *db, struct fleet_edit *e,
		      struct hane_ui_field *fields)
{
	char buf[64];
	int rc = 0, n;

	snprintf(buf, sizeof buf, "%lld", (long long)e->id);
	switch (e->kind) {
	case U_VEHICLES:
		if (e->id) {
			rc = hane_taxi_vehicle_find(db, buf, &e->v);
		} else {
			e->v.in_service = true;
			e->v.seats = 3;
		}
		if (rc == 0)
			rc = hane_taxi_driver_each(db, fleet_driver_item, e);
		e->drv_items[0] = hane_msg(HANE_M_TAXI_UI_NO_DRIVER);
		n = fleet_bind(e, fields, &hane_taxi_vehicle_rdef, &e->v,
			       vehicle_head, NFIELDS(vehicle_head), 1,
			       vehicle_tail, NFIELDS(vehicle_tail));
		fields[0].check = check_plate;
		fields[3] =
			(struct hane_ui_field){.kind = HANE_UI_F_CHOICE,
					       .label = HANE_M_TAXI_F_DRIVER,
					       .width = 30,
					       .choices = e->drv_items,
					       .nchoices = e->ndrv + 1};
		return rc ? rc : n;
	case U_DRIVERS:
		if (e->id)
			rc = hane_taxi_driver_get(db, e->id, &e->d);
		else
			e->d.active = true;
		n = fleet_bind(e, fields, &hane_taxi_driver_rdef, &e->d,
			       driver_bind, NFIELDS(driver_bind), 0, NULL, 0);
		fields[1].check = check_phone;
		return rc ? rc : n;
	case U_DESTS:
		if (e->id)
			rc = hane_taxi_destination_find(db, buf, &e->dst);
		else
			e->dst.active = true;
		for (int i = 0; i < 5; i++)
			e->kinds[i] = hane_taxi_kind_label(dest_kinds[i]);
		memcpy(e->dbind, dest_bind, sizeof dest_bind);
		e->dbind[1].choices = e->kinds;
		n = fleet_bind(e, fields, &hane_taxi_destination_rdef, &e->dst,
			       e->dbind, NFIELDS(dest_bind) - (e->id ? 0 : 1),
			       0, NULL, 0);
		return rc ? rc : n;
	default:
		e->setting = (int)e->id - 1;
		if (e->setting < 0 || e->setting >= NSETTINGS)
			return HANE_EINVAL;
		memcpy(fields, setting_fields, sizeof setting_fields);
		return NFIELDS(setting_fields);
	}
}

/* Puts the loaded record into the form. */
static void fleet_fill(hane_db *db, struct hane_ui_form *f,
		       const struct fleet_edit *e)
{
	struct hane_taxi_settings st;
	char buf[64];

	if (e->rec) {
		hane_ui_record_fill(f, 0, &e->head, e->rec);
		hane_ui_record_fill(f, e->head.n + e->gap, &e->tail, e->rec);
	}
	if (e->kind == U_VEHICLES) {
		for (int i = 0; i < e->ndrv; i++)
			if (e->drv_id[i] == e->v.driver_id)
				hane_ui_form_set_choice(f, 3, i + 1);
	} else if (!e->rec && hane_taxi_settings_get(db, &st) == 0) {
		setting_text(buf, sizeof buf,
			     hane_taxi_setting_keys()[e->setting],
			     setting_value(&st, e->setting));
		hane_ui_form_set(f, 0, buf);
	}
}

static void fleet_form(struct hane_ui *ui, enum ulist kind, int64_t id)
{
	static const enum hane_msg what[] = {
		[U_VEHICLES] = HANE_M_TAXI_UI_VEHICLE,
		[U_DRIVERS] = HANE_M_TAXI_F_DRIVER,
		[U_DESTS] = HANE_M_TAXI_F_DESTINATION,
		[U_SETTINGS] = HANE_M_TAXI_UI_SETTING,
		[U_RIDERS] = HANE_M_TAXI_UI_SETTING,
	};
	hane_db *db = hane_ui_db(ui);
	struct fleet_edit *e = calloc(1, sizeof *e);
	struct hane_ui_field fields[6] = {0};
	struct hane_ui_form *f = NULL;
	char title[256];
	int n;

	if (!e)
		return;
	e->kind = kind;
	e->id = id;
	if ((n = fleet_load(db, e, fields)) < 0) {
		/* A setting number out of range is no record: nothing opens. */
		if (kind == U_VEHICLES || kind == U_DRIVERS || kind == U_DESTS)
			hane_ui_error_rc(ui, n);
		goto done;
	}
	e->fields = fields;
	e->nfields = n;
	snprintf(title, sizeof title, "%s · %s", hane_msg(what[kind]),
		 kind == U_SETTINGS ? hane_msg(setting_msg[e->setting])
				    : hane_msg(id ? HANE_M_UI_ACT_EDIT
						  : HANE_M_UI_ACT_NEW));
	{
		struct hane_ui_form_view v = {.title = title,
					      .fields = fields,
					      .nfields = n,
					      .save = fleet_save,
					      .arg = e};

		if (!(f = hane_ui_form_new(&v)))
			goto done;
		fleet_fill(db, f, e);
		hane_ui_form_set_clean(f);
		hane_ui_form_run(ui, f);
	}
done:
	hane_ui_form_free(f);
	free(e);
}

static int ulist_act(struct hane_ui *ui, struct hane_ui_list *l,
		     enum hane_ui_action a, void *arg)
{
	struct ulist_ctx *x = arg;
	int64_t id = hane_ui_list_selected_id(l);
	struct hane_taxi_rider r;
	int rc;

	if (a == HANE_UI_A_NEW) {
		fleet_form(ui, x->kind, 0);
		return HANE_UI_STAY;
	}
	if (!id) {
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_PICK_ROW));
		return HANE_UI_STAY;
	}
	if (x->kind != U_RIDERS) {
		fleet_form(ui, x->kind, id);
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
	{.title = HANE_M_TAXI_F_NAME, .min = 14, .want = 30, .flex = true},
	{.title = HANE_M_TAXI_F_AID, .min = 8, .want = 20, .drop = 2},
	{.title = HANE_M_TAXI_F_COMPANION, .min = 5, .want = 9, .drop = 1},
	{.title = HANE_M_TAXI_C_STATUS, .min = 6, .want = 16},
};
static const struct hane_ui_column vehicle_cols[] = {
	{.title = HANE_M_TAXI_F_PLATE, .min = 10, .want = 11},
	{.title = HANE_M_TAXI_C_WHEELCHAIR, .min = 3, .want = 5, .right = true},
	{.title = HANE_M_TAXI_F_SEATS, .min = 3, .want = 6, .right = true},
	{.title = HANE_M_TAXI_F_DRIVER,
	 .min = 10,
	 .want = 30,
	 .flex = true,
	 .drop = 1},
	{.title = HANE_M_TAXI_C_STATUS, .min = 8, .want = 13},
};
static const struct hane_ui_column driver_cols[] = {
	{.title = HANE_M_TAXI_F_NAME, .min = 14, .want = 30, .flex = true},
	{.title = HANE_M_F_PHONE, .min = 14, .want = 14, .drop = 1},
	{.title = HANE_M_TAXI_C_STATUS, .min = 5, .want = 6},
};
static const struct hane_ui_column dest_cols[] = {
	{.title = HANE_M_TAXI_F_NAME, .min = 14, .want = 30},
	{.title = HANE_M_TAXI_F_KIND, .min = 6, .want = 13, .drop = 2},
	{.title = HANE_M_TAXI_F_ADDRESS,
	 .min = 10,
	 .want = 30,
	 .flex = true,
	 .drop = 1},
	{.title = HANE_M_TAXI_C_STATUS, .min = 5, .want = 6},
};
static const struct hane_ui_column setting_cols[] = {
	{.title = HANE_M_TAXI_UI_SETTING, .min = 20, .want = 50, .flex = true},
	{.title = HANE_M_TAXI_F_VALUE, .min = 5, .want = 6, .right = true},
};

/* One of the unit's lists. Add and edit (F5, F4; Enter on a rider opens
 * the page) only for those the model lets write: taxi.admin for the
 * fleet, destinations and settings, taxi.write for riders. */
static void ulist_screen(struct hane_ui *ui, enum ulist kind)
{
	static const struct {
		const struct hane_ui_column *cols;
		int ncols;
		enum hane_msg title;
	} lists[] = {
		{rider_cols, 4, HANE_M_TAXI_UI_MENU_RIDERS},
		{vehicle_cols, 5, HANE_M_TAXI_UI_MENU_VEHICLES},
		{driver_cols, 3, HANE_M_TAXI_UI_MENU_DRIVERS},
		{dest_cols, 4, HANE_M_TAXI_UI_MENU_DESTS},
		{setting_cols, 2, HANE_M_TAXI_UI_MENU_SETTINGS},
	};
	bool write = tx_ui_may(ui, kind == U_RIDERS ? HANE_ACT_TAXI_WRITE
						    : HANE_ACT_TAXI_ADMIN);
	enum hane_ui_action acts[8];
	struct ulist_ctx x = {.kind = kind};
	int n = 0;

	acts[n++] = HANE_UI_A_HELP;
	if (write)
		acts[n++] = HANE_UI_A_EDIT;
	if (write && kind != U_RIDERS && kind != U_SETTINGS)
		acts[n++] = HANE_UI_A_NEW;
	if (kind == U_RIDERS)
		acts[n++] = HANE_UI_A_OPEN;
	acts[n++] = HANE_UI_A_BACK;
	acts[n++] = HANE_UI_A_QUIT;
	{
		struct hane_ui_list_view v = {
			.title = hane_msg(lists[kind].title),
			.cols = lists[kind].cols,
			.ncols = lists[kind].ncols,
			.actions = acts,
			.nactions = n,
			.fill = ulist_fill,
			.act = ulist_act,
			.arg = &x,
		};

		hane_ui_list_show(ui, &v);
	}
}

/* One of the unit's lists (arg: enum ulist). */
static void ulist_view(struct hane_ui *ui, int arg)
{
	ulist_screen(ui, (enum ulist)arg);
}

/* The unit's menu: the day board first (Enter), then its lists. */
int hane_ui_taxi_main(struct hane_ui *ui)
{
	static const struct hane_ui_menu_item items[] = {
		{HANE_M_TAXI_UI_BOARD, tx_ui_board},
		{HANE_M_TAXI_UI_MENU_RIDERS, NULL, ulist_view, U_RIDERS},
		{HANE_M_TAXI_UI_MENU_VEHICLES, NULL, ulist_view, U_VEHICLES},
		{HANE_M_TAXI_UI_MENU_DRIVERS, NULL, ulist_view, U_DRIVERS},
		{HANE_M_TAXI_UI_MENU_DESTS, NULL, ulist_view, U_DESTS},
		{HANE_M_TAXI_UI_MENU_SETTINGS, NULL, ulist_view, U_SETTINGS},
	};

	return hane_ui_menu(ui, HANE_M_UI_UNIT_TAXI, HANE_ACT_TAXI_READ, items,
			    HANE_UI_NITEMS(items));
}
