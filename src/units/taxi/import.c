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
#include <unistd.h>

#include "hane/csvio.h"
#include "hane/files.h"
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
static const char *const titles[C__COUNT] = {
	[C_TCKN] = "TC Kimlik No|TC Kimlik|TCKN|TC No|TC|Kimlik No|National Id",
	[C_RIDER] = "Yolcu No|Yolcu|Rider|Rider Id",
	[C_DAY] = "Tarih|Gün|Randevu Tarihi|Date|Day",
	[C_TIME] = "Randevu Saati|Saat|Appointment Time|Time",
	[C_DEST] = "Hedef|Hastane|Gidilecek Yer|Kurum|Destination",
	[C_PURPOSE] = "Amaç|Amacı|Purpose",
	[C_RETURN] = "Dönüş Saati|Dönüş|Return Time|Return",
	[C_PICKUP] = "Alış Adresi|Adres|Pickup Address|Pickup",
	[C_VEHICLE] = "Araç|Plaka|Vehicle|Plate",
	[C_NOTES] = "Not|Notlar|Açıklama|Notes",
};

struct imp {
	hane_db *db;
	int col[C__COUNT];
	hane_csv_rejects *rej;
	struct hane_taxi_import_counts *c;
	void (*reject)(long line, const char *reason, void *arg);
	void *arg;
};

static const char *cell(const struct imp *im, const struct hane_csv_record *rec,
			enum col c)
{
	int i = im->col[c];

	return i >= 0 && (size_t)i < rec->nfields ? rec->fields[i] : "";
}

static int reject(struct imp *im, const struct hane_csv_record *rec,
		  const char *why)
{
	im->c->rejected++;
	if (im->reject)
		im->reject(rec->line, why, im->arg);
	return im->rej ? hane_csv_rejects_add(im->rej, rec, why) : 0;
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
		struct hane_stmt *st = NULL;
		int64_t pid = 0;

		if ((rc = hane_tckn_check(text)) != 0)
			return rc;
		rc = hane_stmt_prepare(im->db, &st,
				       "SELECT id FROM person WHERE tckn = :t");
		if (rc == 0)
			rc = hane_stmt_bind_text(st, ":t", text);
		if (rc == 0 && (rc = hane_stmt_step(st)) == HANE_ROW) {
			pid = hane_stmt_int(st, 0);
			rc = 0;
		}
		hane_stmt_finalize(st);
		if (rc < 0)
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

static int map_header(struct imp *im, const struct hane_csv_record *h)
{
	for (int c = 0; c < C__COUNT; c++)
		im->col[c] = -1;
	for (size_t i = 0; i < h->nfields; i++) {
		int c = hane_csv_title_find(h->fields[i], titles, C__COUNT);

		if (c >= 0 && im->col[c] < 0)
			im->col[c] = (int)i;
	}
	if (im->col[C_TCKN] < 0 && im->col[C_RIDER] < 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_IMP_MISSING),
			       "TC Kimlik No");
		return HANE_EINVAL;
	}
	if (im->col[C_DAY] < 0 || im->col[C_TIME] < 0 || im->col[C_DEST] < 0) {
		hane_error_set(hane_msg(HANE_M_TAXI_IMP_MISSING),
			       im->col[C_DAY] < 0    ? "Tarih"
			       : im->col[C_TIME] < 0 ? "Randevu Saati"
						     : "Hedef");
		return HANE_EINVAL;
	}
	return 0;
}

int hane_taxi_import(hane_db *db, const char *path, const char *rejects,
		     bool dry_run,
		     void (*on_reject)(long line, const char *reason,
				       void *arg),
		     void *arg, struct hane_taxi_import_counts *counts)
{
	const struct hane_csv_record *rec;
	struct hane_taxi_import_counts dummy;
	struct hane_taxi_booking b;
	hane_csv_reader *r = NULL;
	struct imp im = {0};
	int rc, rc2;

	if (!counts)
		counts = &dummy;
	memset(counts, 0, sizeof *counts);
	im.db = db;
	im.c = counts;
	im.reject = on_reject;
	im.arg = arg;
	/* Booking requests, not registry data: the unit's own write right
	 * (import is the household registry's). */
	if ((rc = hane_can(db, HANE_ACT_TAXI_WRITE)) != 0)
		return rc;
	if ((rc = hane_csv_open(&r, path, NULL)) != 0)
		return rc;
	rc = hane_csv_read(r, &rec);
	if (rc == HANE_DONE) {
		hane_error_set(hane_msg(HANE_M_TAXI_IMP_MISSING),
			       "TC Kimlik No");
		rc = HANE_EINVAL;
	}
	if (rc != HANE_ROW)
		goto out;
	if ((rc = map_header(&im, rec)) != 0)
		goto out;
	if (rejects && !dry_run &&
	    (rc = hane_csv_rejects_open(&im.rej, rejects, r, rec,
					hane_msg(HANE_M_TAXI_IMP_REASON))) != 0)
		goto out;
	if ((rc = hane_store_begin(db)) != 0)
		goto out;
	while ((rc = hane_csv_read(r, &rec)) == HANE_ROW) {
		struct hane_taxi_clash clash;

		counts->rows++;
		rc = map_row(&im, rec, &b);
		if (rc == 0)
			rc = hane_taxi_book(db, &b, NULL, &clash);
		if (rc == HANE_EINVAL) {
			if ((rc = reject(&im, rec, hane_error_last())) != 0)
				break;
			continue;
		}
		if (rc)
			break;
		counts->booked++;
	}
	if (rc == HANE_DONE)
		rc = 0;
	if (rc == 0 && dry_run) {
		hane_store_rollback(db);
	} else {
		if (rc == 0) {
			char detail[96];

			snprintf(detail, sizeof detail,
				 "taxi import: %lld booked, %lld rejected",
				 (long long)counts->booked,
				 (long long)counts->rejected);
			rc = hane_store_audit_event(
				db, "import", "taxi_appointment", 0, detail);
		}
		rc = tx_finish(db, rc);
	}
out:
	rc2 = hane_csv_rejects_close(im.rej);
	if (rc == 0)
		rc = rc2;
	if (im.rej && counts->rejected == 0)
		hane_file_remove(rejects, 0);
	hane_csv_close(r);
	return rc;
}
