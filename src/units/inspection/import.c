/* Import of requests from CSV (a referral list from another institution):
 * file → csvio reader → this mapping → the request rules → one
 * transaction.
 *
 * As in the household import, every check that can reject a row runs
 * BEFORE the insert, because a failure inside the transaction would doom
 * the whole import. The duplicate rule reads the same connection, so a
 * request registered earlier in the file counts as open.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/files.h"
#include "hane/i18n.h"
#include "hane/inspection.h"
#include "hane/perm.h"
#include "hane/record.h"
#include "inspection_int.h"

enum field {
	F_TCKN,
	F_HOUSEHOLD,
	F_DATE,
	F_CHANNEL,
	F_REFERRER,
	F_REASON,
	F_TEXT,
	F_URGENCY,
	F__COUNT,
};

/* The fields' titles, compared folded and without spaces; the first is
 * the one named in messages. A request's field takes them from the field
 * table (hane/inspection.h: its label, then its other titles), found by
 * its CLI option; the TC Kimlik No, which finds the household through the
 * registry, lists its own. */
#define REQ(opt)                                                               \
	{                                                                      \
		&hane_inspection_rdef, opt, NULL                               \
	}
static const struct hane_csv_import_field fields[F__COUNT] = {
	[F_TCKN] = {NULL, NULL,
		    "TC Kimlik No|TC Kimlik|TC No|TCKN|Kimlik No|National Id"},
	[F_HOUSEHOLD] = REQ("household"),
	[F_DATE] = REQ("date"),
	[F_CHANNEL] = REQ("channel"),
	[F_REFERRER] = REQ("referrer"),
	[F_REASON] = REQ("reason"),
	[F_TEXT] = REQ("text"),
	[F_URGENCY] = REQ("urgency"),
};
#undef REQ

static const struct hane_csv_import_spec spec = {
	.fields = fields,
	.nfields = F__COUNT,
	.rejects_column = HANE_M_INSP_IMP_REJECTS_COLUMN,
	.audit = {"inspection_request", "inspection", "new"},
};

struct imp {
	hane_db *db;
	struct hane_inspection_import_counts *c;
	struct hane_csv_import ci;
};

static int map_header(void *arg)
{
	struct imp *im = arg;
	char missing[256] = "", t[128];
	const struct hane_csv_import *ci = &im->ci;

	hane_csv_import_map(&im->ci, NULL, NULL);
	if (ci->col[F_TCKN] < 0 && ci->col[F_HOUSEHOLD] < 0) {
		strcat(missing, hane_csv_import_title(ci, F_TCKN, t, sizeof t));
		strcat(missing, " / ");
		strcat(missing,
		       hane_csv_import_title(ci, F_HOUSEHOLD, t, sizeof t));
	}
	if (ci->col[F_REASON] < 0) {
		if (missing[0])
			strcat(missing, ", ");
		strcat(missing,
		       hane_csv_import_title(ci, F_REASON, t, sizeof t));
	}
	return missing[0] ? hane_csv_import_missing(ci, HANE_M_INSP_IMP_MISSING,
						    missing)
			  : 0;
}

static int why_field(char *why, size_t whysz, const char *title,
		     const char *msg)
{
	snprintf(why, whysz, hane_msg(HANE_M_INSP_IMP_FIELD), title, msg);
	return HANE_EINVAL;
}

/* A coded column: the value read as a code or word of list l. */
static int coded(struct imp *im, enum field f, enum hane_inspection_list l,
		 const char *v, char *out, size_t outsz, char *why,
		 size_t whysz)
{
	const char *code = hane_inspection_parse(l, v);

	if (code) {
		snprintf(out, outsz, "%s", code);
		return 0;
	}
	hane_inspection_not_one_of(l, im->ci.title[f]);
	snprintf(why, whysz, "%s", hane_error_last());
	return HANE_EINVAL;
}

/* The household of the person with this number, 0 when none. */
static int person_household(hane_db *db, const char *tckn, int64_t *hid)
{
	const struct hane_field p[] = {HANE_FTEXT(":t", tckn)};
	int rc;

	*hid = 0;
	rc = hane_store_ints(db,
			     "SELECT household_id FROM person WHERE tckn = :t",
			     p, 1, hid, 1);
	return rc == HANE_ENOTFOUND ? 0 : rc;
}

/* The household: by a member's TC Kimlik No, by its number, or both
 * (which must agree). */
static int map_household(struct imp *im, const char *const *v,
			 struct hane_inspection *r, char *why, size_t whysz)
{
	int rc;

	if (v[F_TCKN][0]) {
		int64_t hid;

		if (hane_tckn_check(v[F_TCKN]))
			return why_field(why, whysz, im->ci.title[F_TCKN],
					 hane_error_last());
		if ((rc = person_household(im->db, v[F_TCKN], &hid)))
			return rc;
		if (!hid) {
			snprintf(why, whysz, hane_msg(HANE_M_TCKN_NOT_FOUND),
				 v[F_TCKN]);
			return HANE_ENOTFOUND;
		}
		r->household_id = hid;
	}
	if (v[F_HOUSEHOLD][0]) {
		char *end;
		long long n = strtoll(v[F_HOUSEHOLD], &end, 10);

		if (*end || n <= 0)
			return why_field(why, whysz, im->ci.title[F_HOUSEHOLD],
					 hane_strerror(HANE_EINVAL));
		if (r->household_id && r->household_id != n) {
			snprintf(why, whysz,
				 hane_msg(HANE_M_INSP_IMP_HH_MISMATCH),
				 v[F_TCKN], (long long)r->household_id, n);
			return HANE_EINVAL;
		}
		r->household_id = n;
	}
	if (!r->household_id) {
		snprintf(why, whysz, "%s",
			 hane_msg(HANE_M_INSP_IMP_NO_HOUSEHOLD));
		return HANE_EINVAL;
	}
	return 0;
}

/* Reason (required), channel (a renewal is never imported) and urgency,
 * by their codes or words. */
static int map_codes(struct imp *im, const char *const *v,
		     struct hane_inspection *r, char *why, size_t whysz)
{
	int rc;

	if (!v[F_REASON][0]) {
		snprintf(why, whysz, hane_msg(HANE_M_INSP_IMP_REQUIRED),
			 im->ci.title[F_REASON]);
		return HANE_EINVAL;
	}
	if ((rc = coded(im, F_REASON, HANE_INSP_REASON, v[F_REASON], r->reason,
			sizeof r->reason, why, whysz)))
		return rc;
	if (v[F_CHANNEL][0] &&
	    ((rc = coded(im, F_CHANNEL, HANE_INSP_CHANNEL, v[F_CHANNEL],
			 r->channel, sizeof r->channel, why, whysz)) ||
	     !strcmp(r->channel, "renewal"))) {
		if (!rc)
			coded(im, F_CHANNEL, HANE_INSP_CHANNEL, "?", r->channel,
			      sizeof r->channel, why, whysz);
		return HANE_EINVAL;
	}
	if (v[F_URGENCY][0] &&
	    (rc = coded(im, F_URGENCY, HANE_INSP_URGENCY, v[F_URGENCY],
			r->urgency, sizeof r->urgency, why, whysz)))
		return rc;
	return 0;
}

/* The referrer and the free text, refused whole when too long. */
static int map_text(struct imp *im, const char *const *v,
		    struct hane_inspection *r, char *why, size_t whysz)
{
	if (strlen(v[F_REFERRER]) >= sizeof r->referrer ||
	    strlen(v[F_TEXT]) >= sizeof r->reason_text) {
		enum field f = strlen(v[F_TEXT]) >= sizeof r->reason_text
				       ? F_TEXT
				       : F_REFERRER;

		snprintf(why, whysz, hane_msg(HANE_M_V_TOO_LONG),
			 im->ci.title[f],
			 (int)(f == F_TEXT ? sizeof r->reason_text
					   : sizeof r->referrer) -
				 1);
		return HANE_EINVAL;
	}
	snprintf(r->referrer, sizeof r->referrer, "%s", v[F_REFERRER]);
	snprintf(r->reason_text, sizeof r->reason_text, "%s", v[F_TEXT]);
	return 0;
}

/* Maps a record to a request and applies every rule; HANE_EINVAL (or
 * HANE_EEXIST, HANE_ENOTFOUND) with why set rejects the row, another
 * negative code ends the import. */
static int map_row(struct imp *im, const struct hane_csv_record *rec,
		   struct hane_inspection *r, char *why, size_t whysz)
{
	const char *v[F__COUNT];
	int rc;

	hane_inspection_init(r);
	if (im->ci.col[F_CHANNEL] < 0)
		strcpy(r->channel, "referral");
	if ((rc = hane_csv_import_cells(&im->ci, rec, v, why, whysz)))
		return rc;
	if ((rc = map_household(im, v, r, why, whysz)))
		return rc;
	if (v[F_DATE][0] && hane_date_parse(r->requested_on, v[F_DATE]))
		return why_field(why, whysz, im->ci.title[F_DATE],
				 hane_error_last());
	if ((rc = map_codes(im, v, r, why, whysz)) ||
	    (rc = map_text(im, v, r, why, whysz)))
		return rc;
	/* The model's own rules, with its messages: household active, no
	 * duplicate open request, referral names its referrer, dates. */
	if ((rc = insp_validate_request(im->db, r))) {
		snprintf(why, whysz, "%s", hane_error_last());
		return rc;
	}
	return 0;
}

static int import_row(const struct hane_csv_record *rec, void *arg)
{
	struct imp *im = arg;
	struct hane_inspection r;
	char why[1024] = "";
	int rc;

	rc = map_row(im, rec, &r, why, sizeof why);
	if (rc == HANE_EINVAL || rc == HANE_EEXIST || rc == HANE_ENOTFOUND) {
		if (!why[0])
			snprintf(why, sizeof why, "%s", hane_error_last());
		return hane_csv_import_reject(&im->ci, rec, why);
	}
	if (rc)
		return rc;
	if ((rc = insp_insert_request(im->db, &r, NULL)))
		return rc;
	im->c->created++;
	return 0;
}

int hane_inspection_import(hane_db *db, const char *path,
			   const struct hane_inspection_import_opts *opts,
			   struct hane_inspection_import_counts *counts)
{
	static const struct hane_csv_import_steps steps = {map_header,
							   import_row};
	struct imp im = {0};
	int rc;

	memset(counts, 0, sizeof *counts);
	im.db = db;
	im.c = counts;
	hane_csv_import_init(
		&im.ci, &spec,
		&(struct hane_csv_import_hooks){opts->dry_run, opts->rejects,
						opts->notice, opts->reject,
						opts->arg},
		(struct hane_csv_import_counts){&counts->rows, &counts->created,
						&counts->rejected});
	/* Registering requests is inspection work: the "import" permission
	 * guards the household registry (unit households), so it is not
	 * asked here. */
	if ((rc = hane_can(db, HANE_ACT_INSPECTION_WRITE)))
		return rc;
	return hane_csv_import_file(&im.ci, db, path, &opts->csv, &steps, &im);
}
