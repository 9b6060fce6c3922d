/* Engelsiz Taksi's screens: the day board, the booking form, outcomes,
 * re-assignment, cancellation, the rider's history, the manifest export
 * and the household services panel.
 *
 * Every change goes through the taxi model, so the board cannot hold a
 * conflict the model would refuse: a refused booking comes back with the
 * clashing trip and the free slots, which the form offers to pick.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/files.h"
#include "hane/households.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/taxi.h"
#include "hane/taxi_ui.h"
#include "hane/ui.h"

#include "ui_taxi_int.h"

#define MAXV 8	  /* vehicle columns on the board */
#define MAXT 400  /* trips of one day */
#define MAXR 1000 /* riders offered in the booking search */
#define MAXD 64	  /* destinations in the form */

/* ---- The day board ----------------------------------------------------------- */

struct board {
	char day[HANE_DATE_LEN + 1];
	char crumb[64];
	int nveh;
	int64_t veh[MAXV];
	char plate[MAXV][HANE_TAXI_PLATE];
	char titles[MAXV + 1][48];
	const char *tp[MAXV + 1];
	struct hane_ui_column cols[MAXV + 1];
	int ntrips;
	struct hane_taxi_trip *trips; /* MAXT */
};

static int add_vehicle(const struct hane_taxi_vehicle *v, void *arg)
{
	struct board *b = arg;

	if (b->nveh >= MAXV)
		return 0;
	b->veh[b->nveh] = v->id;
	HANE_COPY(b->plate[b->nveh], v->plate);
	if (v->wheelchair_places > 0)
		snprintf(b->titles[b->nveh + 1], sizeof b->titles[0],
			 "%s \u267f%d%s", v->plate, v->wheelchair_places,
			 v->in_service ? "" : " \u2715");
	else
		snprintf(b->titles[b->nveh + 1], sizeof b->titles[0], "%s%s",
			 v->plate, v->in_service ? "" : " \u2715");
	b->nveh++;
	return 0;
}

static int load_vehicles(hane_db *db, struct board *b)
{
	int rc;

	b->nveh = 0;
	rc = hane_taxi_vehicle_each(db, add_vehicle, b);
	HANE_COPY(b->titles[0], hane_msg(HANE_M_TAXI_C_TIME));
	for (int i = 0; i <= b->nveh; i++) {
		b->tp[i] = b->titles[i];
		/* The time, then a vehicle a column (titled by tp[]). */
		b->cols[i] = (struct hane_ui_column)HANE_UI_COL_TEXT(
			HANE_M_TAXI_C_TIME, i ? 10 : 5, i ? 24 : 5, i);
	}
	return rc;
}

static int add_trip(const struct hane_taxi_trip *t, void *arg)
{
	struct board *b = arg;

	if (b->ntrips < MAXT)
		b->trips[b->ntrips++] = *t;
	return 0;
}

static const struct hane_taxi_trip *trip_of(const struct board *b, int64_t id)
{
	for (int i = 0; i < b->ntrips; i++)
		if (b->trips[i].id == id)
			return &b->trips[i];
	return NULL;
}

/* The last word of a name: the board cell is narrow. */
static const char *surname(const char *name)
{
	const char *sp = strrchr(name, ' ');

	return sp ? sp + 1 : name;
}

static void cell_text(char *out, size_t outsz, const struct hane_taxi_trip *t)
{
	const char *mark = "";

	if (!strcmp(t->status, "done"))
		mark = " \u2713";
	else if (!strcmp(t->status, "noshow"))
		mark = " \u2717";
	else if (!strcmp(t->status, "cancelled"))
		mark = " \u2298";
	snprintf(out, outsz, "%.40s %s %.80s%s%s", surname(t->rider_name),
		 strcmp(t->leg, "out") ? "\u2190" : "\u2192", t->destination,
		 t->wheelchair ? " \u267f" : "", mark);
}

static int board_fill(struct hane_ui *ui, struct hane_ui_list *l,
		      const char *query, int rows, void *arg)
{
	struct board *b = arg;
	char qf[128], nf[256];
	int rc;

	(void)rows;
	hane_ui_list_clear(l);
	b->ntrips = 0;
	rc = hane_gate_list(hane_ui_db(ui), "taxi.board"); /* KVKK */
	if (rc == 0)
		rc = hane_taxi_trips_day(hane_ui_db(ui), b->day, 0, 0, false,
					 add_trip, b);
	if (hane_ui_error_if(ui, rc))
		return rc;
	hane_text_fold(qf, sizeof qf, query ? query : "");
	for (int i = 0; i < b->ntrips; i++) {
		const struct hane_taxi_trip *t = &b->trips[i];
		char cells[MAXV + 1][160];
		const char *cp[MAXV + 1];

		hane_text_fold(nf, sizeof nf, t->rider_name);
		if (qf[0] && !strstr(nf, qf))
			continue;
		for (int c = 0; c <= b->nveh; c++) {
			cells[c][0] = '\0';
			cp[c] = cells[c];
		}
		HANE_COPY(cells[0], t->start_time);
		for (int c = 0; c < b->nveh; c++)
			if (b->veh[c] == t->vehicle_id)
				cell_text(cells[c + 1], sizeof cells[0], t);
		if ((rc = hane_ui_list_add(l, t->id, cp)) != 0)
			return rc;
	}
	return 0;
}

static void board_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct board *b = arg;
	char shown[HANE_DATE_LEN + 1];

	(void)ui;
	snprintf(out, outsz, hane_msg(HANE_M_TAXI_UI_INFO),
		 hane_date_format(shown, b->day),
		 hane_weekday_name(hane_taxi_weekday(b->day), true), b->nveh,
		 b->ntrips);
}

/* The mobility aid is health data: in clear for the taxi unit's staff
 * (through the gate), masked for anyone else. */
const char *tx_ui_aid_shown(hane_db *db, const char *aid, char *out, size_t n)
{
	return hane_taxi_aid_shown(db, aid, out, n);
}

/* True when the actor may do a; clears the refusal (a bar is not an
 * error). */
bool tx_ui_may(struct hane_ui *ui, enum hane_action a)
{
	if (hane_can(hane_ui_db(ui), a) == 0)
		return true;
	hane_error_clear();
	return false;
}

/* ---- Booking -------------------------------------------------------------------- */

enum {
	B_DAY,
	B_TIME,
	B_DEST,
	B_DEST_TEXT,
	B_PURPOSE,
	B_RETURN,
	B_RETURN_TIME,
	B_PICKUP,
	B_VEHICLE,
	B_NOTES,
	B_OVERRIDE,
	B__COUNT
};

struct book_ctx {
	struct hane_taxi_rider rider;
	int ndest;
	int64_t dest_id[MAXD];
	char dest_name[MAXD][HANE_TAXI_NAME];
	const char *dest_items[MAXD + 1];
	const char *purpose_items[5];
	const char *vehicle_items[MAXV + 1];
	struct board *b;
	int64_t appointment_id;
};

static const char *const purposes[5] = {"exam", "treatment", "dialysis",
					"physio", "other"};

static int add_dest(const struct hane_taxi_destination *d, void *arg)
{
	struct book_ctx *x = arg;

	if (x->ndest < MAXD) {
		x->dest_id[x->ndest] = d->id;
		HANE_COPY(x->dest_name[x->ndest], d->name);
		x->dest_items[x->ndest] = x->dest_name[x->ndest];
		x->ndest++;
	}
	return 0;
}

static int check_time(const char *text, void *arg)
{
	(void)arg;
	if (!text[0] || hane_taxi_time_parse(text) >= 0)
		return 0;
	hane_error_set(hane_msg(HANE_M_TAXI_BAD_TIME),
		       hane_msg(HANE_M_TAXI_C_TIME), text);
	return HANE_EINVAL;
}

static int book_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct book_ctx *x = arg;
	struct hane_taxi_booking bk;
	struct hane_taxi_clash c;
	int d = hane_ui_form_choice(f, B_DEST), v, rc;

	hane_taxi_booking_init(&bk);
	bk.rider_id = x->rider.id;
	HANE_COPY(bk.day, hane_ui_form_get(f, B_DAY));
	HANE_COPY(bk.appt_time, hane_ui_form_get(f, B_TIME));
	if (hane_ui_form_get(f, B_DEST_TEXT)[0] || d >= x->ndest)
		HANE_COPY(bk.destination, hane_ui_form_get(f, B_DEST_TEXT));
	else
		bk.destination_id = x->dest_id[d];
	HANE_COPY(bk.purpose, purposes[hane_ui_form_choice(f, B_PURPOSE)]);
	bk.return_needed = hane_ui_form_choice(f, B_RETURN) == 1;
	HANE_COPY(bk.return_time, hane_ui_form_get(f, B_RETURN_TIME));
	HANE_COPY(bk.pickup_address, hane_ui_form_get(f, B_PICKUP));
	v = hane_ui_form_choice(f, B_VEHICLE);
	if (v > 0 && v <= x->b->nveh)
		bk.vehicle_id = x->b->veh[v - 1];
	HANE_COPY(bk.notes, hane_ui_form_get(f, B_NOTES));
	if (hane_ui_form_get(f, B_OVERRIDE)[0]) {
		bk.override = true;
		HANE_COPY(bk.override_reason, hane_ui_form_get(f, B_OVERRIDE));
	}
	rc = hane_taxi_book(hane_ui_db(ui), &bk, &x->appointment_id, &c);
	if (rc == 0) {
		hane_ui_status(ui, false, hane_msg(HANE_M_TAXI_UI_BOOKED),
			       (long long)x->appointment_id);
		return 0;
	}
	if (rc == HANE_EINVAL && c.nslots > 0) {
		/* Offer the free slots as buttons; the chosen one goes into
		 * the form, to be saved with F2. */
		char why[1024], labels[HANE_TAXI_SLOTS][48];
		const char *lp[HANE_TAXI_SLOTS + 1];
		bool ret = strcmp(c.leg, "return") == 0;
		int pick;

		snprintf(why, sizeof why, "%s", hane_error_last());
		/* The message lists every slot; two buttons fit on 80
		 * columns next to "Vazgeç". */
		if (c.nslots > 2)
			c.nslots = 2;
		for (int i = 0; i < c.nslots; i++) {
			snprintf(labels[i], sizeof labels[0], "%s %s",
				 c.slots[i].time, c.slots[i].plate);
			lp[i] = labels[i];
		}
		lp[c.nslots] = hane_msg(HANE_M_TAXI_UI_CANCEL);
		pick = hane_ui_buttons(ui, hane_msg(HANE_M_TAXI_UI_CLASH_TITLE),
				       why, lp, c.nslots + 1);
		if (pick >= 0 && pick < c.nslots) {
			int field = ret ? B_RETURN_TIME : B_TIME;
			char note[128];

			hane_ui_form_set(f, field, c.slots[pick].time);
			for (int i = 0; i < x->b->nveh; i++)
				if (x->b->veh[i] == c.slots[pick].vehicle_id &&
				    (!ret || bk.vehicle_id))
					hane_ui_form_set_choice(f, B_VEHICLE,
								i + 1);
			snprintf(note, sizeof note,
				 hane_msg(HANE_M_TAXI_UI_SLOT_NOTE),
				 c.slots[pick].time, c.slots[pick].plate);
			hane_ui_form_hint(f, field, note);
		}
		return rc;
	}
	hane_ui_error_rc(ui, rc);
	return rc;
}

static int add_rider_item(const struct hane_taxi_rider *r, void *arg)
{
	void **a = arg;
	struct hane_taxi_rider *rs = a[0];
	int *n = a[1];

	if (*n < MAXR && r->active)
		rs[(*n)++] = *r;
	return 0;
}

static void book_form(struct hane_ui *ui, struct board *b,
		      const struct hane_taxi_rider *r);

/* Rider search (typing filters), then the form. */
static void book_screen(struct hane_ui *ui, struct board *b)
{
	struct hane_taxi_rider *rs = calloc(MAXR, sizeof *rs);
	char(*names)[HANE_TAXI_NAME + 48] = calloc(MAXR, sizeof *names);
	const char **items = calloc(MAXR, sizeof *items);
	char aid[8];
	int n = 0, pick, rc;
	void *a[2] = {rs, &n};

	if (!rs || !names || !items)
		goto done;
	rc = hane_taxi_rider_search(hane_ui_db(ui), "", MAXR, add_rider_item,
				    a);
	if (rc) {
		hane_ui_error_rc(ui, rc);
		goto done;
	}
	if (n == 0) {
		hane_ui_error(ui, hane_msg(HANE_M_TAXI_UI_NO_RIDERS));
		goto done;
	}
	if ((rc = hane_gate_list(hane_ui_db(ui), "taxi.rider.list")) != 0) {
		hane_ui_error_rc(ui, rc);
		goto done;
	}
	for (int i = 0; i < n; i++) {
		snprintf(names[i], sizeof names[0], "%s · %s%s%s", rs[i].name,
			 tx_ui_aid_shown(hane_ui_db(ui), rs[i].mobility_aid,
					 aid, sizeof aid),
			 rs[i].companion ? " · +1" : "",
			 rs[i].flagged ? " · !" : "");
		items[i] = names[i];
	}
	pick = hane_ui_choose(ui, hane_msg(HANE_M_TAXI_UI_PICK_RIDER), items, n,
			      0);
	if (pick >= 0)
		book_form(ui, b, &rs[pick]);
done:
	free(rs);
	free(names);
	free(items);
}

/* The booking form for rider r on b's day and vehicles. */
/* The booking form's fields; the choices are the booking's own. */
static const struct hane_ui_field book_fields[B__COUNT] = {
	[B_DAY] = {.kind = HANE_UI_F_DATE,
		   .label = HANE_M_TAXI_F_DAY,
		   .required = true,
		   .width = 10},
	[B_TIME] = {.kind = HANE_UI_F_TEXT,
		    .label = HANE_M_TAXI_F_APPT_TIME,
		    .required = true,
		    .width = 5,
		    .max = 5,
		    .check = check_time},
	[B_DEST] = {.kind = HANE_UI_F_CHOICE,
		    .label = HANE_M_TAXI_F_DESTINATION,
		    .width = 36},
	[B_DEST_TEXT] = {.kind = HANE_UI_F_TEXT,
			 .label = HANE_M_TAXI_F_DEST_TEXT,
			 .width = 36,
			 .max = 150},
	[B_PURPOSE] = {.kind = HANE_UI_F_CHOICE,
		       .label = HANE_M_TAXI_F_PURPOSE,
		       .width = 16,
		       .nchoices = 5},
	[B_RETURN] = {.kind = HANE_UI_F_YESNO, .label = HANE_M_TAXI_F_RETURN},
	[B_RETURN_TIME] = {.kind = HANE_UI_F_TEXT,
			   .label = HANE_M_TAXI_F_RETURN_TIME,
			   .width = 5,
			   .max = 5,
			   .check = check_time},
	[B_PICKUP] = {.kind = HANE_UI_F_TEXT,
		      .label = HANE_M_TAXI_F_PICKUP,
		      .required = true,
		      .width = 40,
		      .max = 200},
	[B_VEHICLE] = {.kind = HANE_UI_F_CHOICE,
		       .label = HANE_M_TAXI_F_VEHICLE,
		       .width = 16},
	[B_NOTES] = {.kind = HANE_UI_F_TEXT,
		     .label = HANE_M_F_NOTES,
		     .width = 40,
		     .max = 200},
	[B_OVERRIDE] = {.kind = HANE_UI_F_TEXT,
			.label = HANE_M_TAXI_F_OVERRIDE,
			.width = 40,
			.max = 200},
};

/* The form starts on the board's day and the rider's home. */
static void book_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	const struct book_ctx *x = arg;
	char shown[HANE_DATE_LEN + 1];

	(void)ui;
	hane_ui_form_set(f, B_DAY, hane_date_format(shown, x->b->day));
	hane_ui_form_set(f, B_PICKUP, x->rider.address);
}

static void book_form(struct hane_ui *ui, struct board *b,
		      const struct hane_taxi_rider *r)
{
	struct book_ctx *x = calloc(1, sizeof *x);
	struct hane_ui_field fields[B__COUNT];
	int rc;

	if (!x)
		return;
	x->rider = *r;
	x->b = b;
	if ((rc = hane_taxi_destination_each(hane_ui_db(ui), add_dest, x))) {
		hane_ui_error_rc(ui, rc);
		goto done;
	}
	x->dest_items[x->ndest] = hane_msg(HANE_M_TAXI_UI_DEST_OTHER);
	for (int i = 0; i < 5; i++)
		x->purpose_items[i] = hane_taxi_purpose_label(purposes[i]);
	x->vehicle_items[0] = hane_msg(HANE_M_TAXI_UI_AUTO);
	for (int i = 0; i < b->nveh; i++)
		x->vehicle_items[i + 1] = b->plate[i];
	memcpy(fields, book_fields, sizeof fields);
	fields[B_DEST].choices = x->dest_items;
	fields[B_DEST].nchoices = x->ndest + 1;
	fields[B_PURPOSE].choices = x->purpose_items;
	fields[B_VEHICLE].choices = x->vehicle_items;
	fields[B_VEHICLE].nchoices = b->nveh + 1;
	{
		char title[256];
		struct hane_ui_form_view v = {.title = title,
					      .fields = fields,
					      .nfields = B__COUNT,
					      .save = book_save,
					      .arg = x};

		snprintf(title, sizeof title, "%s · %s",
			 hane_msg(HANE_M_TAXI_UI_BOOK_TITLE), x->rider.name);
		hane_ui_form_show(ui, &v, book_fill);
	}
done:
	free(x);
}

/* ---- Outcome, assign, cancel -------------------------------------------------------- */

static int reason_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	(void)ui;
	(void)f;
	(void)arg;
	return 0;
}

static void outcome_screen(struct hane_ui *ui, const struct hane_taxi_trip *t)
{
	const char *labels[3] = {hane_msg(HANE_M_TAXI_UI_DONE),
				 hane_msg(HANE_M_TAXI_UI_NOSHOW),
				 hane_msg(HANE_M_TAXI_UI_CANCEL)};
	struct hane_taxi_outcome_result res;
	char text[512];
	int pick, rc;

	snprintf(text, sizeof text, "#%lld %s %s–%s %s → %s", (long long)t->id,
		 hane_taxi_leg_label(t->leg), t->start_time, t->end_time,
		 t->rider_name, t->destination);
	pick = hane_ui_buttons(ui, hane_msg(HANE_M_TAXI_UI_OUTCOME_TITLE), text,
			       labels, 3);
	if (pick < 0 || pick > 1)
		return;
	rc = hane_taxi_trip_outcome(hane_ui_db(ui), t->id,
				    pick ? "noshow" : "done", &res);
	if (rc) {
		hane_ui_error_rc(ui, rc);
		return;
	}
	if (res.flagged) {
		snprintf(text, sizeof text, hane_msg(HANE_M_TAXI_UI_FLAGGED),
			 t->rider_name, res.noshows);
		hane_ui_error(ui, text);
	}
	if (res.return_trip_id) {
		snprintf(text, sizeof text, hane_msg(HANE_M_TAXI_UI_ASK_RETURN),
			 (long long)res.return_trip_id, t->rider_name);
		if (hane_ui_confirm(ui, text)) {
			rc = hane_taxi_return_cancel(hane_ui_db(ui),
						     res.return_trip_id);
			if (rc)
				hane_ui_error_rc(ui, rc);
		}
	}
	hane_ui_status(ui, false, hane_msg(HANE_M_TAXI_CLI_OUTCOME),
		       (long long)t->id,
		       hane_taxi_status_label(pick ? "noshow" : "done"));
}

static void assign_screen(struct hane_ui *ui, struct board *b,
			  const struct hane_taxi_trip *t)
{
	const char *items[MAXV];
	struct hane_taxi_clash c;
	int cur = 0, pick, rc;

	for (int i = 0; i < b->nveh; i++) {
		items[i] = b->plate[i];
		if (b->veh[i] == t->vehicle_id)
			cur = i;
	}
	pick = hane_ui_choose(ui, hane_msg(HANE_M_TAXI_UI_PICK_VEHICLE), items,
			      b->nveh, cur);
	if (pick < 0 || b->veh[pick] == t->vehicle_id)
		return;
	rc = hane_taxi_trip_assign(hane_ui_db(ui), t->id, t->version,
				   b->veh[pick], 0, &c);
	if (rc)
		hane_ui_error_rc(ui, rc);
	else
		hane_ui_status(ui, false, hane_msg(HANE_M_TAXI_UI_ASSIGNED),
			       (long long)t->id, b->plate[pick]);
}

static void cancel_screen(struct hane_ui *ui, const struct hane_taxi_trip *t)
{
	static const char *const who[3] = {"rider", "unit", "driver"};
	const char *labels[3] = {hane_msg(HANE_M_TAXI_BY_RIDER),
				 hane_msg(HANE_M_TAXI_BY_UNIT),
				 hane_msg(HANE_M_TAXI_BY_DRIVER)};
	struct hane_ui_field fields[2] = {
		{.kind = HANE_UI_F_CHOICE,
		 .label = HANE_M_TAXI_F_CANCELLER,
		 .width = 12,
		 .choices = labels,
		 .nchoices = 3},
		{.kind = HANE_UI_F_TEXT,
		 .label = HANE_M_TAXI_F_REASON,
		 .required = true,
		 .width = 40,
		 .max = 200},
	};
	struct hane_ui_form_view v = {
		.title = hane_msg(HANE_M_TAXI_UI_CANCEL_TITLE),
		.fields = fields,
		.nfields = 2,
		.save = reason_save,
	};
	struct hane_ui_form *f;
	char by[8], reason[256];
	int rc;

	if (strcmp(t->status, "planned") != 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_NOT_PLANNED),
			       (long long)t->id,
			       hane_taxi_status_label(t->status));
		hane_ui_error_rc(ui, HANE_EINVAL);
		return;
	}
	if (!(f = hane_ui_form_new(&v)))
		return;
	if (!hane_ui_form_run(ui, f)) {
		hane_ui_form_free(f);
		return;
	}
	HANE_COPY(by, who[hane_ui_form_choice(f, 0)]);
	HANE_COPY(reason, hane_ui_form_get(f, 1));
	hane_ui_form_free(f);
	if (!strcmp(t->leg, "out") &&
	    hane_ui_confirm(ui, hane_msg(HANE_M_TAXI_UI_ASK_BOTH)))
		rc = hane_taxi_appointment_cancel(
			hane_ui_db(ui), t->appointment_id, by, reason);
	else
		rc = hane_taxi_trip_cancel(hane_ui_db(ui), t->id, by, reason,
					   NULL);
	if (rc)
		hane_ui_error_rc(ui, rc);
	else
		hane_ui_status(ui, false, hane_msg(HANE_M_TAXI_UI_CANCELLED),
			       (long long)t->id);
}

/* ---- Manifest -------------------------------------------------------------------------- */

/* The file name's extension follows the format chosen (#21). */
/* The driver's list of the selected trip's vehicle that day. */
struct manifest_job {
	const struct board *b;
	const struct hane_taxi_trip *t;
};

static int manifest_write(struct hane_ui *ui, FILE *fp, unsigned flags,
			  int64_t *rows, void *arg)
{
	const struct manifest_job *m = arg;

	return hane_taxi_manifest_write(hane_ui_db(ui), fp, flags, m->b->day,
					m->t->vehicle_id, 0, rows);
}

/* Its file by every export dialog's rule (hane_ui_export_file). */
static void manifest_screen(struct hane_ui *ui, struct board *b,
			    const struct hane_taxi_trip *t)
{
	struct manifest_job m = {.b = b, .t = t};
	char name[128], plate[HANE_TAXI_PLATE];
	struct hane_ui_export e = {
		.title = hane_msg(HANE_M_TAXI_UI_MANIFEST_TITLE),
		.name = name,
		.write = manifest_write,
		.arg = &m};
	struct hane_ui_export_result r;

	HANE_COPY(plate, t->plate);
	for (char *p = plate; *p; p++)
		if (*p == ' ')
			*p = '-';
	snprintf(name, sizeof name, "sefer-%s-%s.xlsx", plate, b->day);
	if (hane_ui_export_file(ui, &e, &r))
		hane_ui_status(ui, false, hane_msg(HANE_M_TAXI_CLI_MANIFEST),
			       (long long)r.rows, r.path);
}

/* The manifest on screen: what the driver's sheet will say. */
struct manifest_ctx {
	struct board *b;
	struct hane_taxi_trip t; /* the selected trip: its vehicle */
};

static const struct hane_ui_column manifest_cols[] = {
	HANE_UI_COL_TEXT(HANE_M_TAXI_C_PICKUP, 5, 5, 0),
	HANE_UI_COL_TEXT(HANE_M_TAXI_C_LEG, 2, 6, 4),
	HANE_UI_COL_TEXT(HANE_M_TAXI_C_RIDER, 10, 16, 0),
	HANE_UI_COL_TEXT(HANE_M_F_PHONE, 14, 14, 2),
	HANE_UI_COL_FLEX(HANE_M_TAXI_C_FROM, 10, 24, 0),
	HANE_UI_COL_TEXT(HANE_M_TAXI_F_AID, 6, 12, 3),
	HANE_UI_COL_TEXT(HANE_M_TAXI_F_NOTES, 6, 16, 1),
};

struct manifest_fill {
	hane_db *db;
	struct hane_ui_list *l;
	int trips, wheelchair, companions;
};

static int manifest_row(const struct hane_taxi_trip *t, void *arg)
{
	struct manifest_fill *mf = arg;
	struct hane_ui_list *l = mf->l;
	struct hane_taxi_sheet s;
	char from[HANE_TAXI_TEXT * 2 + 8], aid[sizeof s.aid + 4];
	const char *cells[7];
	int rc;

	/* Through the gate, as the exported sheet (hane_taxi_manifest_write),
	 * each rider shown logged first. */
	if ((rc = hane_taxi_sheet_row(mf->db, t, &s)))
		return rc;
	snprintf(from, sizeof from, "%s \u2192 %s", s.from, s.to);
	snprintf(aid, sizeof aid, "%s%s", s.aid, t->companion ? " +1" : "");
	cells[0] = t->start_time;
	cells[1] = hane_taxi_leg_label(t->leg);
	cells[2] = t->rider_name;
	cells[3] = s.phone;
	cells[4] = from;
	cells[5] = aid;
	cells[6] = s.notes;
	mf->trips++;
	mf->wheelchair += t->wheelchair;
	mf->companions += t->companion;
	return hane_ui_list_add(l, t->id, cells);
}

static int manifest_load(struct hane_ui *ui, struct hane_ui_detail *d,
			 void *arg)
{
	struct manifest_ctx *m = arg;
	char day[HANE_DATE_LEN + 1];

	hane_ui_detail_clear(d);
	hane_ui_detail_line(d, "%s · %s · %s", m->t.plate,
			    m->t.driver_name[0] ? m->t.driver_name : "-",
			    hane_date_format(day, m->b->day));
	struct manifest_fill mf = {hane_ui_db(ui), hane_ui_detail_list(d), 0, 0,
				   0};
	int rc;

	rc = hane_taxi_trips_day(hane_ui_db(ui), m->b->day, m->t.vehicle_id, 0,
				 true, manifest_row, &mf);
	if (rc)
		return rc;
	hane_ui_detail_panel(d, hane_msg(HANE_M_TAXI_UI_MANIFEST_SUM), mf.trips,
			     mf.wheelchair, mf.companions);
	return 0;
}

static int manifest_act(struct hane_ui *ui, struct hane_ui_detail *d,
			enum hane_ui_action a, void *arg)
{
	struct manifest_ctx *m = arg;

	(void)d;
	if (a == HANE_UI_A_EXPORT)
		manifest_screen(ui, m->b, &m->t);
	return HANE_UI_STAY;
}

static void manifest_view(struct hane_ui *ui, struct board *b,
			  const struct hane_taxi_trip *t)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_EXPORT, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct manifest_ctx m = {b, *t};
	struct hane_ui_detail_view v = {
		.title = hane_msg(HANE_M_TAXI_UI_MANIFEST_TITLE),
		HANE_UI_COLUMNS(manifest_cols),
		.list_title = HANE_M_TAXI_UI_MANIFEST_TITLE,
		.panel_title = HANE_M_TAXI_UI_MANIFEST_TITLE,
		HANE_UI_BAR(acts),
		.load = manifest_load,
		.act = manifest_act,
		.arg = &m,
	};

	hane_ui_detail_show(ui, &v);
}

/* ---- Rider history ------------------------------------------------------------------------ */

static const struct hane_ui_column history_cols[] = {
	HANE_UI_COL_DATE(HANE_M_TAXI_C_DAY, 0),
	HANE_UI_COL_TEXT(HANE_M_TAXI_C_TIME, 11, 11, 0),
	HANE_UI_COL_TEXT(HANE_M_TAXI_C_LEG, 5, 6, 2),
	HANE_UI_COL_FLEX(HANE_M_TAXI_F_DESTINATION, 8, 28, 1),
	HANE_UI_COL_TEXT(HANE_M_TAXI_F_VEHICLE, 10, 10, 3),
	HANE_UI_COL_TEXT(HANE_M_TAXI_C_STATUS, 7, 9, 0),
};

static int history_row(const struct hane_taxi_trip *t, void *arg)
{
	struct hane_ui_list *l = arg;
	char day[HANE_DATE_LEN + 1], time[16];
	const char *cells[6];

	snprintf(time, sizeof time, "%s–%s", t->start_time, t->end_time);
	cells[0] = hane_date_format(day, t->day);
	cells[1] = time;
	cells[2] = hane_taxi_leg_label(t->leg);
	cells[3] = t->destination;
	cells[4] = t->plate;
	cells[5] = hane_taxi_status_label(t->status);
	return hane_ui_list_add(l, t->id, cells);
}

static int history_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	const int64_t *rider_id = arg;
	struct hane_taxi_rider r;
	char phone[32], m[8];
	int rc;

	hane_ui_detail_clear(d);
	if ((rc = hane_taxi_rider_get(hane_ui_db(ui), *rider_id, &r)) != 0 ||
	    (rc = hane_log_read(hane_ui_db(ui), "person.view", r.person_id)))
		return rc;
	hane_ui_detail_line(d, hane_msg(HANE_M_TAXI_UI_RIDER_LINE), r.name,
			    (long long)r.id, (long long)r.person_id,
			    (long long)r.household_id,
			    hane_msg(r.active ? HANE_M_TAXI_UI_ACTIVE
					      : HANE_M_TAXI_UI_PASSIVE));
	hane_ui_detail_line(d, "%s",
			    hane_gate_show(hane_ui_db(ui), HANE_ACT_TAXI_WRITE,
					   HANE_PD_ADDRESS, r.address, m,
					   sizeof m));
	hane_ui_detail_panel(d, "%s %%%d", hane_msg(HANE_M_F_DISABILITY),
			     r.disability_pct);
	hane_ui_detail_panel(
		d, "%s: %s", hane_msg(HANE_M_TAXI_F_AID),
		tx_ui_aid_shown(hane_ui_db(ui), r.mobility_aid, m, sizeof m));
	hane_ui_detail_panel(
		d, "%s: %s", hane_msg(HANE_M_TAXI_F_COMPANION),
		hane_msg(r.companion ? HANE_M_TAXI_YES : HANE_M_TAXI_NO));
	hane_ui_detail_panel(d, "%s: %s", hane_msg(HANE_M_F_PHONE),
			     r.phone[0] ? hane_gate_show(hane_ui_db(ui),
							 HANE_ACT_TAXI_WRITE,
							 HANE_PD_PHONE, r.phone,
							 phone, sizeof phone)
					: "-");
	if (r.driver_notes[0])
		hane_ui_detail_panel(
			d, "%s: %s", hane_msg(HANE_M_TAXI_F_NOTES),
			hane_gate_field(hane_ui_db(ui), HANE_ACT_TAXI_WRITE,
					hane_record_field(&hane_taxi_rider_rdef,
							  "driver_notes"),
					r.driver_notes, m, sizeof m));
	if (r.flagged)
		hane_ui_detail_line(d, hane_msg(HANE_M_TAXI_UI_FLAGGED_LINE),
				    r.flagged_at);
	return hane_taxi_trips_rider(hane_ui_db(ui), r.id, 200, history_row,
				     hane_ui_detail_list(d));
}

/* ---- The rider: form and page --------------------------------------------------------------- */

enum { R_AID, R_COMPANION, R_NOTES, R_ACTIVE, R__COUNT };

static const char *const aid_names[3] = {"none", "walker", "wheelchair"};

struct rider_edit {
	struct hane_taxi_rider r; /* id 0: a new rider for r.person_id */
	const struct hane_ui_record *rec; /* the form's fields */
	int64_t saved_id;
};

static int rider_form_save(struct hane_ui *ui, struct hane_ui_form *f,
			   void *arg)
{
	struct rider_edit *e = arg;
	struct hane_taxi_rider r = e->r;
	int rc;

	/* A new rider has no "active" field: it starts active. */
	hane_ui_record_store(f, 0, e->rec, &r);
	rc = hane_taxi_rider_save(hane_ui_db(ui), &r, &e->saved_id);
	if (rc == 0) {
		hane_ui_status(ui, false, hane_msg(HANE_M_TAXI_CLI_RIDER_ADDED),
			       (long long)e->saved_id, r.name);
		return 0;
	}
	hane_ui_error_rc(ui, rc);
	return rc;
}

static void rider_form_fill(struct hane_ui *ui, struct hane_ui_form *f,
			    void *arg)
{
	const struct rider_edit *e = arg;

	(void)ui;
	hane_ui_record_fill(f, 0, e->rec, &e->r);
}

/* Makes person_id a rider (rider NULL) or edits rider. Returns the
 * rider's id when saved, 0 when left. */
int64_t tx_ui_rider_form(struct hane_ui *ui, int64_t person_id,
			 const struct hane_taxi_rider *rider)
{
	const char *aids[3];
	/* The rider's field table with the screen's labels; the aid offered
	 * as its words, active only when editing. */
	const struct hane_ui_bind bind[R__COUNT] = {
		[R_AID] = {"mobility_aid", HANE_UI_LABEL(HANE_M_TAXI_F_AID),
			   .width = 22, .choices = aids, .values = aid_names,
			   .nchoices = 3},
		[R_COMPANION] = {"companion",
				 HANE_UI_LABEL(HANE_M_TAXI_F_COMPANION)},
		/* 256 bytes stored: 120 letters fit even if all Turkish. */
		[R_NOTES] = {"driver_notes", HANE_UI_LABEL(HANE_M_TAXI_F_NOTES),
			     .width = 44, .max = 120},
		[R_ACTIVE] = {"active", HANE_UI_LABEL(HANE_M_TAXI_F_ACTIVE)},
	};
	const struct hane_ui_record rec = {&hane_taxi_rider_rdef, bind,
					   rider ? R__COUNT : R__COUNT - 1,
					   NULL, hane_ui_db(ui)};
	struct hane_ui_field fields[R__COUNT];
	struct rider_edit *e = calloc(1, sizeof *e);
	char title[HANE_TAXI_NAME + 64];
	int64_t id = 0;

	if (!e)
		return 0;
	for (int i = 0; i < 3; i++)
		aids[i] = hane_taxi_aid_label(aid_names[i]);
	hane_ui_record_fields(fields, &rec);
	e->rec = &rec;
	if (rider) {
		/* The notes may hold health details: the read is logged
		 * before the form shows them. */
		int rc = hane_gate_view(hane_ui_db(ui), "taxi.rider.edit",
					"person", rider->person_id);

		if (rc) {
			hane_ui_error_rc(ui, rc);
			goto done;
		}
		e->r = *rider;
	} else {
		struct hane_person p;

		e->r.person_id = person_id;
		e->r.active = true;
		if (hane_person_get(hane_ui_db(ui), person_id, &p) == 0)
			snprintf(e->r.name, sizeof e->r.name, "%s %s",
				 p.first_name, p.last_name);
		else
			hane_error_clear();
	}
	snprintf(title, sizeof title, "%s · %s",
		 hane_msg(rider ? HANE_M_TAXI_UI_RIDER_EDIT
				: HANE_M_TAXI_UI_RIDER_NEW),
		 e->r.name);
	{
		struct hane_ui_form_view v = {
			.title = title,
			.fields = fields,
			.nfields = rec.n,
			.save = rider_form_save,
			.arg = e,
		};

		if (hane_ui_form_show(ui, &v, rider_form_fill))
			id = e->saved_id ? e->saved_id : e->r.id;
	}
done:
	free(e);
	return id;
}

/* Books for one rider: the form on the next day, with every vehicle. */
static void rider_book(struct hane_ui *ui, const struct hane_taxi_rider *r)
{
	struct board *b = calloc(1, sizeof *b);
	char today[HANE_DATE_LEN + 1];
	int rc;

	if (!b)
		return;
	if ((rc = load_vehicles(hane_ui_db(ui), b)) != 0 ||
	    (rc = hane_taxi_day_add(b->day, hane_today(today), 1)) != 0) {
		hane_ui_error_rc(ui, rc);
		free(b);
		return;
	}
	book_form(ui, b, r);
	free(b);
}

static int rider_act(struct hane_ui *ui, struct hane_ui_detail *d,
		     enum hane_ui_action a, void *arg)
{
	const int64_t *rider_id = arg;
	struct hane_taxi_rider r;
	int rc;

	(void)d;
	if ((rc = hane_taxi_rider_get(hane_ui_db(ui), *rider_id, &r)) != 0) {
		hane_ui_error_rc(ui, rc);
		return HANE_UI_STAY;
	}
	if (a == HANE_UI_A_EDIT)
		tx_ui_rider_form(ui, r.person_id, &r);
	else if (a == HANE_UI_A_TAXI_BOOK)
		rider_book(ui, &r);
	return HANE_UI_STAY;
}

/* The rider's page: who, what the driver must know, the trips; F4 edits
 * and F5 books for those who may (taxi.write). */
void tx_ui_history(struct hane_ui *ui, int64_t rider_id)
{
	enum hane_ui_action acts[6];
	int n = 0;
	int64_t id = rider_id;

	acts[n++] = HANE_UI_A_HELP;
	if (tx_ui_may(ui, HANE_ACT_TAXI_WRITE)) {
		acts[n++] = HANE_UI_A_EDIT;
		acts[n++] = HANE_UI_A_TAXI_BOOK;
	}
	acts[n++] = HANE_UI_A_BACK;
	acts[n++] = HANE_UI_A_QUIT;
	struct hane_ui_detail_view v = {
		.title = hane_msg(HANE_M_TAXI_UI_RIDER_PAGE),
		.cols = history_cols,
		.ncols = 6,
		.list_title = HANE_M_TAXI_CLI_HISTORY,
		.panel_title = HANE_M_TAXI_F_RIDER,
		.actions = acts,
		.nactions = n,
		.load = history_load,
		.act = rider_act,
		.arg = &id,
	};

	hane_ui_detail_show(ui, &v);
}

/* ---- The person page's row ------------------------------------------------------------------ */

bool hane_ui_taxi_person_line(struct hane_ui *ui, int64_t person_id, char *out,
			      size_t outsz)
{
	hane_db *db = hane_ui_db(ui);
	struct hane_taxi_rider r;
	struct hane_taxi_settings st;
	struct hane_person p;
	char aid[8];

	if (!tx_ui_may(ui, HANE_ACT_TAXI_READ))
		return false;
	if (hane_taxi_rider_by_person(db, person_id, &r) == 0) {
		snprintf(out, outsz, "%s · %s%s%s%s",
			 hane_msg(HANE_M_TAXI_UI_IS_RIDER),
			 tx_ui_aid_shown(db, r.mobility_aid, aid, sizeof aid),
			 r.companion ? " · " : "",
			 r.companion ? hane_msg(HANE_M_TAXI_F_COMPANION) : "",
			 r.active ? ""
				  : hane_msg(HANE_M_TAXI_UI_PASSIVE_SUFFIX));
		return true;
	}
	hane_error_clear();
	if (!tx_ui_may(ui, HANE_ACT_TAXI_WRITE)) {
		snprintf(out, outsz, "%s", hane_msg(HANE_M_TAXI_UI_NOT_RIDER));
		return true;
	}
	if (hane_taxi_settings_get(db, &st) == 0 &&
	    hane_person_get(db, person_id, &p) == 0 && p.disability_pct < 0)
		snprintf(out, outsz, "%s", hane_msg(HANE_M_TAXI_UI_NO_DISAB));
	else if (hane_taxi_settings_get(db, &st) == 0 &&
		 hane_person_get(db, person_id, &p) == 0 &&
		 p.disability_pct < st.min_disability)
		snprintf(out, outsz, hane_msg(HANE_M_TAXI_UI_CANNOT_RIDE),
			 p.disability_pct);
	else
		snprintf(out, outsz, "%s", hane_msg(HANE_M_TAXI_UI_MAKE_RIDER));
	hane_error_clear();
	return true;
}

void hane_ui_taxi_person_open(struct hane_ui *ui, int64_t person_id)
{
	struct hane_taxi_settings st;
	struct hane_person p;
	struct hane_taxi_rider r;
	int64_t id;
	int rc;

	rc = hane_taxi_rider_by_person(hane_ui_db(ui), person_id, &r);
	if (rc == 0)
		tx_ui_history(ui, r.id);
	if (!hane_ui_may_add(ui, rc, HANE_ACT_TAXI_WRITE, 0))
		return;
	/* The registry's engel oranı decides: say so before any typing. */
	if (hane_taxi_settings_get(hane_ui_db(ui), &st) == 0 &&
	    hane_person_get(hane_ui_db(ui), person_id, &p) == 0 &&
	    p.disability_pct < st.min_disability) {
		char why[512], name[HANE_TAXI_NAME];

		snprintf(name, sizeof name, "%s %s", p.first_name, p.last_name);
		if (p.disability_pct < 0)
			snprintf(why, sizeof why,
				 hane_msg(HANE_M_TAXI_NO_DISABILITY), name,
				 (long long)person_id);
		else
			snprintf(why, sizeof why,
				 hane_msg(HANE_M_TAXI_LOW_DISABILITY), name,
				 p.disability_pct, st.min_disability);
		hane_ui_error(ui, why);
		return;
	}
	hane_error_clear();
	if ((id = tx_ui_rider_form(ui, person_id, NULL)) != 0)
		tx_ui_history(ui, id);
}

/* ---- The board's actions ------------------------------------------------------------------ */

static int board_act(struct hane_ui *ui, struct hane_ui_list *l,
		     enum hane_ui_action a, void *arg)
{
	struct board *b = arg;
	const struct hane_taxi_trip *t =
		trip_of(b, hane_ui_list_selected_id(l));
	struct hane_taxi_trip copy;

	switch (a) {
	case HANE_UI_A_DAY_PREV:
	case HANE_UI_A_DAY_NEXT:
		if (hane_taxi_day_add(b->day, b->day,
				      a == HANE_UI_A_DAY_NEXT ? 1 : -1) != 0)
			hane_ui_error_rc(ui, HANE_EINVAL);
		return HANE_UI_STAY;
	case HANE_UI_A_TAXI_BOOK:
		book_screen(ui, b);
		return HANE_UI_STAY;
	default:
		break;
	}
	if (!t) {
		hane_ui_status(ui, true, "%s",
			       hane_msg(HANE_M_TAXI_UI_NO_TRIP));
		return HANE_UI_STAY;
	}
	copy = *t; /* the board is refilled while dialogs are open */
	switch (a) {
	case HANE_UI_A_TAXI_OUTCOME:
		outcome_screen(ui, &copy);
		break;
	case HANE_UI_A_TAXI_ASSIGN:
		assign_screen(ui, b, &copy);
		break;
	case HANE_UI_A_TAXI_CANCEL:
		cancel_screen(ui, &copy);
		break;
	case HANE_UI_A_TAXI_MANIFEST:
		manifest_view(ui, b, &copy);
		break;
	case HANE_UI_A_TAXI_HISTORY:
		tx_ui_history(ui, copy.rider_id);
		break;
	default:
		break;
	}
	return HANE_UI_STAY;
}

/* The day board; a failure is shown in it (a message), not returned. */
void tx_ui_board(struct hane_ui *ui)
{
	/* The bar keeps F1, Esc and F10 and as many of the rest as fit,
	 * in this order; F1 lists them all. */
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP,		HANE_UI_A_TAXI_MANIFEST,
		HANE_UI_A_TAXI_BOOK,	HANE_UI_A_TAXI_ASSIGN,
		HANE_UI_A_TAXI_OUTCOME, HANE_UI_A_TAXI_CANCEL,
		HANE_UI_A_DAY_PREV,	HANE_UI_A_DAY_NEXT,
		HANE_UI_A_TAXI_HISTORY, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	struct board *b = calloc(1, sizeof *b);
	struct hane_ui_list *l = NULL;
	int rc;

	if (!b || !(b->trips = calloc(MAXT, sizeof *b->trips))) {
		rc = HANE_ENOMEM;
		goto done;
	}
	if ((rc = hane_can(hane_ui_db(ui), HANE_ACT_TAXI_READ)) != 0 ||
	    (rc = load_vehicles(hane_ui_db(ui), b)) != 0) {
		hane_ui_error_rc(ui, rc);
		goto done;
	}
	hane_today(b->day);
	HANE_COPY(b->crumb, hane_msg(HANE_M_TAXI_UI_BOARD));
	l = hane_ui_list_new(b->nveh + 1);
	if (!l || hane_ui_list_titles(l, b->tp) != 0) {
		rc = HANE_ENOMEM;
		goto done;
	}
	{
		struct hane_ui_list_view v = {
			.title = b->crumb,
			.cols = b->cols,
			.ncols = b->nveh + 1,
			HANE_UI_BAR(acts),
			.fill = board_fill,
			.act = board_act,
			.info = board_info,
			.arg = b,
		};

		hane_ui_list_run(ui, &v, l);
	}
done:
	hane_ui_list_free(l);
	if (b)
		free(b->trips);
	free(b);
}

/* ---- Services panel ---------------------------------------------------------------------- */

struct panel {
	struct hane_ui_detail *d;
	int n;
};

static int panel_line(const struct hane_taxi_trip *t, void *arg)
{
	struct panel *p = arg;
	char day[HANE_DATE_LEN + 1];

	if (strcmp(t->leg, "out") != 0 || strcmp(t->status, "planned") != 0)
		return 0;
	hane_date_format(day, t->day);
	hane_ui_detail_panel(p->d, "%-9s %.5s %s %s · %s",
			     hane_msg(HANE_M_TAXI_UI_PANEL), day, t->appt_time,
			     t->destination, t->rider_name);
	return ++p->n >= 3;
}

void hane_ui_taxi_services(struct hane_ui *ui, int64_t household_id,
			   struct hane_ui_detail *d)
{
	struct panel p = {d, 0};
	char today[HANE_DATE_LEN + 1];

	/* Someone without taxi rights sees nothing of it here. */
	if (hane_can(hane_ui_db(ui), HANE_ACT_TAXI_READ) != 0) {
		hane_error_clear();
		return;
	}
	if (hane_taxi_trips_household(hane_ui_db(ui), household_id,
				      hane_today(today), 20, panel_line, &p))
		hane_error_clear(); /* the panel is a glance: no dialog */
}
