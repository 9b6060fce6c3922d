/* Appointment requests from CSV (collected by phone or at another desk).
 *
 * Every row is a booking request that goes through the same rules as one
 * typed at the desk, against the database and the rows booked before it
 * in the same file; a row that breaks a rule is rejected with the reason
 * (the clash and the free slots included) and the rest are booked. The
 * whole file is one transaction: a crash leaves nothing half-imported.
 */
#include <stdlib.h>
#include <string.h>

#include "hane/csvio.h"
#include "hane/households.h"
#include "taxi_int.h"

enum col {
	C_TCKN,
	C_RIDER,
	C_DAY,
	C_TIME,
	C_DEST,
	C_PURPOSE,
	C_RETURN,
	C_PICKUP,
	C_VEHICLE,
	C_NOTES,
	C__COUNT
};

/* Column titles each field is known by, compared folded without spaces. */
static const struct hane_csv_import_field fields[C__COUNT] = {
	[C_TCKN] = {.titles = "TC Kimlik No|TC Kimlik|TCKN|TC No|TC|Kimlik No|"
			      "National Id"},
	[C_RIDER] = {.titles = "Yolcu No|Yolcu|Rider|Rider Id"},
	[C_DAY] = {.titles = "Tarih|Gün|Randevu Tarihi|Date|Day"},
	[C_TIME] = {.titles = "Randevu Saati|Saat|Appointment Time|Time"},
	[C_DEST] = {.titles = "Hedef|Hastane|Gidilecek Yer|Kurum|Destination"},
	[C_PURPOSE] = {.titles = "Amaç|Amacı|Purpose"},
	[C_RETURN] = {.titles = "Dönüş Saati|Dönüş|Return Time|Return"},
	[C_PICKUP] = {.titles = "Alış Adresi|Adres|Pickup Address|Pickup"},
	[C_VEHICLE] = {.titles = "Araç|Plaka|Vehicle|Plate"},
	[C_NOTES] = {.titles = "Not|Notlar|Açıklama|Notes"},
};

/* An empty file lacks the first required column like any other. */
static const struct hane_csv_import_spec spec = {
	.fields = fields,
	.nfields = C__COUNT,
	.empty_is_header = true,
	.rejects_column = HANE_M_TAXI_IMP_REASON,
	.audit = {"taxi_appointment", "taxi", "booked"},
};

struct imp {
	hane_db *db;
	struct hane_csv_import ci;
	struct hane_taxi_import_counts *c;
};

static const char *cell(const struct imp *im, const struct hane_csv_record *rec,
			enum col c)
{
	return hane_csv_import_cell(&im->ci, rec, c);
}

/* Row → booking. 0, or HANE_EINVAL with the reason (the row is rejected). */
static int map_row(struct imp *im, const struct hane_csv_record *rec,
		   struct hane_taxi_booking *b)
{
	struct hane_taxi_destination d;
	struct hane_taxi_vehicle v;
	struct hane_taxi_rider r;
	char text[HANE_TAXI_TEXT];
	int rc;

	hane_taxi_booking_init(b);
	HANE_COPY(text, cell(im, rec, C_TCKN));
	hane_text_trim(text);
	if (text[0]) {
		const struct hane_field p[] = {HANE_FTEXT(":t", text)};
		int64_t pid = 0;

		if ((rc = hane_tckn_check(text)) != 0)
			return rc;
		rc = hane_store_ints(im->db,
				     "SELECT id FROM person WHERE tckn = :t", p,
				     1, &pid, 1);
		if (rc < 0 && rc != HANE_ENOTFOUND)
			return rc;
		if (!pid) {
			hane_error_set(hane_msg(HANE_M_TAXI_IMP_NO_PERSON),
				       text);
			return HANE_EINVAL;
		}
		if ((rc = hane_taxi_rider_by_person(im->db, pid, &r)) != 0)
			return rc == HANE_ENOTFOUND ? HANE_EINVAL : rc;
		b->rider_id = r.id;
	} else {
		char *end;
		long long id = strtoll(cell(im, rec, C_RIDER), &end, 10);

		if (id <= 0 || *end) {
			hane_error_set(hane_msg(HANE_M_V_REQUIRED),
				       hane_msg(HANE_M_TAXI_F_RIDER));
			return HANE_EINVAL;
		}
		b->rider_id = id;
	}
	HANE_COPY(b->day, cell(im, rec, C_DAY));
	HANE_COPY(b->appt_time, cell(im, rec, C_TIME));
	HANE_COPY(b->destination, cell(im, rec, C_DEST));
	hane_text_trim(b->destination);
	if (b->destination[0] &&
	    hane_taxi_destination_find(im->db, b->destination, &d) == 0) {
		b->destination_id = d.id;
		b->destination[0] = '\0'; /* the list's own name */
	}
	HANE_COPY(b->purpose, cell(im, rec, C_PURPOSE));
	hane_text_trim(b->purpose);
	HANE_COPY(b->return_time, cell(im, rec, C_RETURN));
	hane_text_trim(b->return_time);
	b->return_needed = b->return_time[0] != '\0';
	HANE_COPY(b->pickup_address, cell(im, rec, C_PICKUP));
	HANE_COPY(b->notes, cell(im, rec, C_NOTES));
	HANE_COPY(text, cell(im, rec, C_VEHICLE));
	hane_text_trim(text);
	if (text[0]) {
		if ((rc = hane_taxi_vehicle_find(im->db, text, &v)) != 0)
			return rc == HANE_ENOTFOUND ? HANE_EINVAL : rc;
		b->vehicle_id = v.id;
	}
	return 0;
}

static int map_header(void *arg)
{
	struct imp *im = arg;
	const int *col = im->ci.col;

	hane_csv_import_map(&im->ci, NULL, NULL);
	if (col[C_TCKN] < 0 && col[C_RIDER] < 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_IMP_MISSING),
			       "TC Kimlik No");
		return HANE_EINVAL;
	}
	if (col[C_DAY] < 0 || col[C_TIME] < 0 || col[C_DEST] < 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_IMP_MISSING),
			       col[C_DAY] < 0	 ? "Tarih"
			       : col[C_TIME] < 0 ? "Randevu Saati"
						 : "Hedef");
		return HANE_EINVAL;
	}
	return 0;
}

/* A row: booked by the desk's rules, or rejected with their reason. */
static int import_row(const struct hane_csv_record *rec, void *arg)
{
	struct imp *im = arg;
	struct hane_taxi_booking b;
	struct hane_taxi_clash clash;
	int rc;

	rc = map_row(im, rec, &b);
	if (rc == 0)
		rc = hane_taxi_book(im->db, &b, NULL, &clash);
	if (rc == HANE_EINVAL)
		return hane_csv_import_reject(&im->ci, rec, hane_error_last());
	if (rc == 0)
		im->c->booked++;
	return rc;
}

int hane_taxi_import(hane_db *db, const char *path, const char *rejects,
		     bool dry_run,
		     void (*on_reject)(long line, const char *reason,
				       void *arg),
		     void *arg, struct hane_taxi_import_counts *counts)
{
	static const struct hane_csv_import_steps steps = {map_header,
							   import_row};
	struct hane_taxi_import_counts dummy;
	struct imp im = {0};
	int rc;

	if (!counts)
		counts = &dummy;
	memset(counts, 0, sizeof *counts);
	im.db = db;
	im.c = counts;
	hane_csv_import_init(
		&im.ci, &spec,
		&(struct hane_csv_import_hooks){dry_run, rejects, NULL,
						on_reject, arg},
		(struct hane_csv_import_counts){&counts->rows, &counts->booked,
						&counts->rejected});
	/* Booking requests, not registry data: the unit's own write right
	 * (import is the household registry's). */
	if ((rc = hane_can(db, HANE_ACT_TAXI_WRITE)) != 0)
		return rc;
	return hane_csv_import_file(&im.ci, db, path, NULL, &steps, &im);
}
