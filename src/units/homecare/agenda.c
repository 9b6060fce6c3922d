/* Home care: the agenda as CSV, to print for the caregivers' day.
 *
 * A printed agenda goes out of the office with the caregiver, who needs
 * the address, the phone number and the needs of each client: through the
 * gate (hane/security.h) the home care unit's staff write them in full,
 * anyone else masked. The export needs the export permission; each
 * client shown is logged before its row is written, the file as an
 * export.
 */
#include <stdio.h>
#include <string.h>

#include "hane/csvio.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "homecare_int.h"

static const enum hane_msg titles[] = {
	HANE_M_HC_COL_DATE,    HANE_M_HC_COL_START,  HANE_M_HC_COL_END,
	HANE_M_HC_COL_WORKER,  HANE_M_HC_COL_CLIENT, HANE_M_HC_COL_MAHALLE,
	HANE_M_HC_COL_ADDRESS, HANE_M_HC_COL_PHONE,  HANE_M_HC_COL_SERVICE,
	HANE_M_HC_COL_NEEDS,   HANE_M_HC_COL_STATUS, HANE_M_HC_COL_NOTES,
	HANE_M_HC_COL_VISIT,
};
#define NCOLS (sizeof titles / sizeof titles[0])

struct agenda {
	hane_db *db;
	hane_csv_writer *w;
	int64_t rows;
	int rc;
};

/* Needs of the client as words ("yatağa bağımlı, demans"). */
static void needs_words(hane_db *db, int64_t client_id, char *out, size_t sz)
{
	struct hane_homecare_client c;
	char buf[sizeof c.needs];
	size_t len = 0;

	out[0] = '\0';
	if (hc_client_read(db, client_id, &c) != 0)
		return;
	snprintf(buf, sizeof buf, "%s", c.needs);
	for (char *save = NULL, *w = strtok_r(buf, ",", &save); w;
	     w = strtok_r(NULL, ",", &save))
		if (len < sz)
			len += (size_t)snprintf(out + len, sz - len, "%s%s",
						len ? ", " : "",
						hane_homecare_label(w));
}

static int put_row(const struct hane_homecare_visit *v, void *arg)
{
	struct agenda *a = arg;
	char date[HANE_DATE_LEN + 1], phone[32], needs[512], id[24];
	char addr[HANE_TEXT_MAX], mneeds[8], notes[HANE_NOTES_MAX];
	const int u = HANE_ACT_HOMECARE_WRITE;
	const char *cells[NCOLS];
	static const enum hane_csv_kind kinds[NCOLS] = {
		HANE_CSV_DATE,	 HANE_CSV_TEXT, HANE_CSV_TEXT, HANE_CSV_TEXT,
		HANE_CSV_TEXT,	 HANE_CSV_TEXT, HANE_CSV_TEXT, HANE_CSV_ID,
		HANE_CSV_TEXT,	 HANE_CSV_TEXT, HANE_CSV_TEXT, HANE_CSV_TEXT,
		HANE_CSV_NUMBER,
	};

	if ((a->rc = hane_gate_view(a->db, "homecare.agenda", "homecare_client",
				    v->client_id)))
		return 1;
	needs_words(a->db, v->client_id, needs, sizeof needs);
	snprintf(id, sizeof id, "%lld", (long long)v->id);
	cells[0] = hane_date_format(date, v->date);
	cells[1] = v->start_time;
	cells[2] = v->end_time;
	cells[3] =
		v->worker_id ? v->worker_name : hane_msg(HANE_M_HC_UNASSIGNED);
	cells[4] = v->client_name;
	cells[5] = v->mahalle;
	cells[6] = hane_gate_show(a->db, u, HANE_PD_ADDRESS, v->address, addr,
				  sizeof addr);
	cells[7] = hane_gate_show(a->db, u, HANE_PD_PHONE, v->phone, phone,
				  sizeof phone);
	cells[8] = hane_homecare_label(v->service);
	cells[9] = hane_gate_show(a->db, u, HANE_PD_HEALTH, needs, mneeds,
				  sizeof mneeds);
	cells[10] = hane_homecare_label(v->status);
	cells[11] = hane_gate_show(a->db, u, HANE_PD_HEALTH, v->notes, notes,
				   sizeof notes);
	cells[12] = id;
	for (size_t i = 0; i < NCOLS && a->rc == 0; i++)
		a->rc = hane_csv_put(a->w, cells[i], kinds[i]);
	if (a->rc == 0)
		a->rc = hane_csv_endrow(a->w);
	a->rows++;
	return a->rc != 0;
}

int hane_homecare_agenda_csv(hane_db *db, const char *from, const char *to,
			     int64_t worker_id, FILE *fp, unsigned flags,
			     int64_t *rows)
{
	struct hane_homecare_visit_filter f = {0};
	struct agenda a = {db, NULL, 0, 0};
	char detail[128];
	int rc, rc2;

	if (rows)
		*rows = 0;
	if ((rc = hane_can(db, HANE_ACT_HOMECARE_READ)) ||
	    (rc = hane_can(db, HANE_ACT_EXPORT)) ||
	    (rc = hc_check_date(HANE_M_HC_F_FROM, from, true)) ||
	    (rc = hc_check_date(HANE_M_HC_F_TO, to, true)))
		return rc;
	f.from = from;
	f.to = to;
	f.worker_id = worker_id;
	if ((rc = hane_csv_writer_open(&a.w, fp, flags)))
		return rc;
	hane_csv_writer_sheet(a.w, hane_msg(HANE_M_HC_SHEET_AGENDA));
	for (size_t i = 0; i < NCOLS && rc == 0; i++)
		rc = hane_csv_put(a.w, hane_msg(titles[i]), HANE_CSV_TEXT);
	if (rc == 0)
		rc = hane_csv_endrow(a.w);
	if (rc == 0)
		rc = hane_homecare_visit_each(db, &f, put_row, &a);
	if (rc == 0)
		rc = a.rc;
	rc2 = hane_csv_writer_close(a.w);
	if (rc == 0)
		rc = rc2;
	if (rc)
		return rc;
	snprintf(detail, sizeof detail,
		 "homecare agenda %s..%s worker %lld: %lld", from, to,
		 (long long)worker_id, (long long)a.rows);
	if ((rc = hane_store_audit_event(db, "export", "homecare_visit", 0,
					 detail)))
		return rc;
	if (rows)
		*rows = a.rows;
	return 0;
}
