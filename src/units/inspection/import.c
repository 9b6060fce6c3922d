/* Import of requests from CSV (a referral list from another institution):
 * file → csvio reader → this mapping → the request rules → one
 * transaction.
 *
 * As in the household import, every check that can reject a row runs
 * BEFORE the insert, because a failure inside the transaction would doom
 * the whole import. The duplicate rule reads the same connection, so a
 * request registered earlier in the file counts as open.
 */
#include <stdarg.h>
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

/* Titles each field is known by, compared folded and without spaces; the
 * first is the one named in messages. A request's field takes them from
 * the field table (hane/inspection.h: its label, then its other titles),
 * found by its CLI option; the TC Kimlik No, which finds the household
 * through the registry, lists its own. */
static const char *const options[F__COUNT] = {
	[F_HOUSEHOLD] = "household", [F_DATE] = "date",
	[F_CHANNEL] = "channel",     [F_REFERRER] = "referrer",
	[F_REASON] = "reason",	     [F_TEXT] = "text",
	[F_URGENCY] = "urgency",
};
#define TCKN_TITLES "TC Kimlik No|TC Kimlik|TC No|TCKN|Kimlik No|National Id"

static const char *const *field_titles(void)
{
	static char buf[F__COUNT][256];
	static const char *titles[F__COUNT];
	const struct hane_rdef *d = &hane_inspection_rdef;

	if (titles[0])
		return titles;
	for (int f = 0; f < F__COUNT; f++) {
		snprintf(buf[f], sizeof buf[f], "%s", TCKN_TITLES);
		for (size_t i = 0; options[f] && i < d->nfields; i++) {
			const struct hane_fdef *fd = &d->fields[i];

			if (fd->option && !strcmp(fd->option, options[f]))
				snprintf(buf[f], sizeof buf[f], "%s%s%s",
					 fd->label_tr, fd->titles ? "|" : "",
					 fd->titles ? fd->titles : "");
		}
	}
	for (int f = F__COUNT - 1; f >= 0; f--)
		titles[f] = buf[f];
	return titles;
}

static void first_title(char *out, size_t outsz, enum field f)
{
	const char *t = field_titles()[f], *bar = strchr(t, '|');

	snprintf(out, outsz, "%.*s", (int)(bar ? (size_t)(bar - t) : strlen(t)),
		 t);
}

struct imp {
	hane_db *db;
	const struct hane_inspection_import_opts *o;
	struct hane_inspection_import_counts *c;
	hane_csv_reader *r;
	hane_csv_rejects *rej;
	const char *rejects_path;
	struct hane_csv_record header;
	int col[F__COUNT];
	char title[F__COUNT][128];
	size_t ncols;
};

static void notice(struct imp *im, const char *fmt, ...) HANE_PRINTF(2, 3);
static void notice(struct imp *im, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (!im->o->notice)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	im->o->notice(msg, im->o->arg);
}

static int map_header(struct imp *im, const struct hane_csv_record *h)
{
	char missing[256] = "", have[1024], t[128];

	for (int f = 0; f < F__COUNT; f++)
		im->col[f] = -1;
	im->ncols = h->nfields;
	for (size_t i = 0; i < h->nfields; i++) {
		const char *name = hane_csv_unguard(h->fields[i]);
		int f = hane_csv_title_find(name, field_titles(), F__COUNT);

		if (f < 0) {
			if (*name)
				notice(im,
				       hane_msg(HANE_M_INSP_IMP_UNKNOWN_COL),
				       name);
			continue;
		}
		if (im->col[f] >= 0) {
			notice(im, hane_msg(HANE_M_INSP_IMP_DUP_COL), name,
			       im->title[f]);
			continue;
		}
		im->col[f] = (int)i;
		snprintf(im->title[f], sizeof im->title[f], "%s", name);
	}
	if (im->col[F_TCKN] < 0 && im->col[F_HOUSEHOLD] < 0) {
		first_title(t, sizeof t, F_TCKN);
		strcat(missing, t);
		strcat(missing, " / ");
		first_title(t, sizeof t, F_HOUSEHOLD);
		strcat(missing, t);
	}
	if (im->col[F_REASON] < 0) {
		if (missing[0])
			strcat(missing, ", ");
		first_title(t, sizeof t, F_REASON);
		strcat(missing, t);
	}
	if (!missing[0])
		return 0;
	hane_csv_titles_list(have, sizeof have, h);
	hane_error_set(hane_msg(HANE_M_INSP_IMP_MISSING), missing, have);
	return HANE_EINVAL;
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
	hane_inspection_not_one_of(l, im->title[f]);
	snprintf(why, whysz, "%s", hane_error_last());
	return HANE_EINVAL;
}

static int person_household(hane_db *db, const char *tckn, int64_t *hid)
{
	hane_stmt *st = NULL;
	int rc;

	*hid = 0;
	rc = hane_stmt_prepare(
		db, &st, "SELECT household_id FROM person WHERE tckn = :t");
	if (rc)
		return rc;
	if ((rc = hane_stmt_bind_text(st, ":t", tckn)) == 0)
		rc = hane_stmt_step(st);
	if (rc == HANE_ROW)
		*hid = hane_stmt_int(st, 0);
	hane_stmt_finalize(st);
	return rc < 0 ? rc : 0;
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
			return why_field(why, whysz, im->title[F_TCKN],
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
			return why_field(why, whysz, im->title[F_HOUSEHOLD],
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
			 im->title[F_REASON]);
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

		snprintf(why, whysz, hane_msg(HANE_M_V_TOO_LONG), im->title[f],
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
	if (im->col[F_CHANNEL] < 0)
		strcpy(r->channel, "referral");
	if (rec->nfields != im->ncols) {
		snprintf(why, whysz, hane_msg(HANE_M_INSP_IMP_RAGGED),
			 rec->nfields, im->ncols);
		return HANE_EINVAL;
	}
	for (int f = 0; f < F__COUNT; f++) {
		char *s = im->col[f] >= 0 ? rec->fields[im->col[f]] : NULL;

		if (s)
			s = hane_text_trim(hane_csv_unguard(s));
		v[f] = s ? s : "";
	}
	if ((rc = map_household(im, v, r, why, whysz)))
		return rc;
	if (v[F_DATE][0] && hane_date_parse(r->requested_on, v[F_DATE]))
		return why_field(why, whysz, im->title[F_DATE],
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

static int reject(struct imp *im, const struct hane_csv_record *rec,
		  const char *why)
{
	int rc;

	im->c->rejected++;
	if (im->o->reject)
		im->o->reject(rec->line, why, im->o->arg);
	if (!im->rejects_path)
		return 0;
	if (!im->rej && (rc = hane_csv_rejects_open(
				 &im->rej, im->rejects_path, im->r, &im->header,
				 hane_msg(HANE_M_INSP_IMP_REJECTS_COLUMN))))
		return rc;
	return hane_csv_rejects_add(im->rej, rec, why);
}

static int import_row(struct imp *im, const struct hane_csv_record *rec)
{
	struct hane_inspection r;
	char why[1024] = "";
	int rc;

	im->c->rows++;
	rc = map_row(im, rec, &r, why, sizeof why);
	if (rc == HANE_EINVAL || rc == HANE_EEXIST || rc == HANE_ENOTFOUND) {
		if (!why[0])
			snprintf(why, sizeof why, "%s", hane_error_last());
		return reject(im, rec, why);
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
	struct imp im = {0};
	const struct hane_csv_record *rec;
	bool in_tx = false;
	int rc;

	memset(counts, 0, sizeof *counts);
	im.db = db;
	im.o = opts;
	im.c = counts;
	im.rejects_path = opts->dry_run ? NULL : opts->rejects;
	/* Registering requests is inspection work: the "import" permission
	 * guards the household registry (unit households), so it is not
	 * asked here. */
	if ((rc = hane_can(db, HANE_ACT_INSPECTION_WRITE)))
		return rc;
	if ((rc = hane_csv_open(&im.r, path, &opts->csv)))
		goto done;
	rc = hane_csv_read(im.r, &rec);
	if (rc == HANE_DONE) {
		hane_error_set("%s", hane_msg(HANE_M_INSP_IMP_NO_HEADER));
		rc = HANE_ECSV;
	}
	if (rc < 0)
		goto done;
	if ((rc = map_header(&im, rec)))
		goto done;
	if ((rc = hane_csv_record_copy(&im.header, rec)))
		goto done;

	if ((rc = hane_store_begin(db)))
		goto done;
	in_tx = true;
	while ((rc = hane_csv_read(im.r, &rec)) == HANE_ROW)
		if ((rc = import_row(&im, rec)))
			goto done;
	if (rc < 0)
		goto done;
	if (opts->dry_run) {
		hane_store_rollback(db);
		in_tx = false;
		rc = 0;
		goto done;
	}
	{
		char detail[128];

		snprintf(detail, sizeof detail,
			 "inspection import: %lld new, %lld rejected",
			 (long long)counts->created,
			 (long long)counts->rejected);
		if ((rc = hane_store_audit_event(
			     db, "import", "inspection_request", 0, detail)))
			goto done;
	}
	in_tx = false;
	rc = hane_store_commit(db);
done:
	if (in_tx) {
		char keep[1024];

		snprintf(keep, sizeof keep, "%s", hane_error_last());
		hane_store_rollback(db);
		hane_error_set("%s", keep);
	}
	{
		int rc2 = hane_csv_rejects_close(im.rej);

		if (!rc)
			rc = rc2;
		if (rc && im.rej)
			hane_file_remove(im.rejects_path, 0);
	}
	if (rc)
		counts->created = 0;
	hane_csv_close(im.r);
	hane_csv_record_free(&im.header);
	return rc;
}
