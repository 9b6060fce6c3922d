/* Merkezler from CSV: the centres' member lists and attendance sheets as
 * their staff keep them in Excel.
 *
 * file → csvio's import scaffold (decode, sniff, header → fields, the
 * rejects file, one transaction) → this mapping → the model's own rules
 * (cen_member_check / cen_checkin_check) → its writes. Every rule that
 * can refuse a row runs before the row is written (a refusal inside a
 * write would doom the file's transaction), so a row is rejected naming
 * its line and field and the rest go in.
 */
#include <stdlib.h>
#include <string.h>

#include "centres_int.h"
#include "hane/csvio.h"
#include "hane/households.h"
#include "hane/households_csv.h"

/* Fields: the titles of the record fields are the field tables'. */
enum { M_TCKN, M_SITE, M_START, M_TERM, M_NOTES, M__COUNT };
enum { A_TCKN, A_SITE, A_DATE, A_IN, A_OUT, A__COUNT };

#define TCKN_TITLES "TC Kimlik No|TC|TCKN|T.C. Kimlik No|Kimlik No"
#define SITE_TITLES "Yer|Merkez|Şube|Site|Centre"

static const struct hane_csv_import_field member_fields[M__COUNT] = {
	[M_TCKN] = {.titles = TCKN_TITLES},
	[M_SITE] = {.titles = SITE_TITLES},
	[M_START] = {&hane_centre_member_rdef, "start", NULL},
	[M_TERM] = {&hane_centre_member_rdef, "term", NULL},
	[M_NOTES] = {&hane_centre_member_rdef, "notes", NULL},
};
static const struct hane_csv_import_field visit_fields[A__COUNT] = {
	[A_TCKN] = {.titles = TCKN_TITLES},
	[A_SITE] = {.titles = SITE_TITLES},
	[A_DATE] = {&hane_centre_visit_rdef, "date", NULL},
	[A_IN] = {&hane_centre_visit_rdef, "in", NULL},
	[A_OUT] = {&hane_centre_visit_rdef, "out", NULL},
};

static const struct hane_csv_import_spec member_spec = {
	.fields = member_fields,
	.nfields = M__COUNT,
	.rejects_column = HANE_M_IMP_REJECTS_COLUMN,
	.audit = {"centre_member", "centre members", "memberships"},
};
static const struct hane_csv_import_spec visit_spec = {
	.fields = visit_fields,
	.nfields = A__COUNT,
	.rejects_column = HANE_M_IMP_REJECTS_COLUMN,
	.audit = {"centre_visit", "centre attendance", "check-ins"},
};

struct imp {
	hane_db *db;
	struct hane_import_counts *c;
	bool members; /* else attendance */
	struct hane_csv_import ci;
	int nrequired;
	const int *required;
};

static const int member_required[] = {M_TCKN, M_SITE};
static const int visit_required[] = {A_TCKN, A_SITE, A_DATE, A_IN};

static int map_header(void *arg)
{
	struct imp *im = arg;

	hane_csv_import_map(&im->ci, NULL, NULL);
	for (int i = 0; i < im->nrequired; i++)
		if (im->ci.col[im->required[i]] < 0) {
			char first[64];

			return hane_csv_import_missing(
				&im->ci, HANE_M_CEN_IMP_MISSING,
				hane_csv_import_title(&im->ci, im->required[i],
						      first, sizeof first));
		}
	return 0;
}

/* A refusal of the row naming field f by its title in the file. */
static int refuse(struct imp *im, int f, char *why, size_t whysz)
{
	char keep[400], title[128];

	HANE_COPY(keep, hane_error_last());
	snprintf(why, whysz, "%s: %s",
		 hane_csv_import_title(&im->ci, f, title, sizeof title), keep);
	return HANE_EINVAL;
}

/* Is rc a refusal of the row (said in hane_error_last), not a failure
 * of the import? */
static bool refusal(int rc)
{
	return rc == HANE_EINVAL || rc == HANE_ENOTFOUND || rc == HANE_EEXIST ||
	       rc == HANE_EPERM;
}

/* A cell into a member: non-zero when it does not fit (never cut). */
static int cell(char *dst, size_t size, const char *v)
{
	if (strlen(v) >= size)
		return 1;
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

/* The person and the site of a row. */
static int who_where(struct imp *im, const char *tckn, const char *site,
		     int ftckn, int fsite, int64_t *person,
		     struct hane_centre_site *s, char *why, size_t whysz)
{
	struct hane_person p;
	int rc;

	if (!hane_tckn_valid(tckn)) {
		hane_error_set(hane_msg(HANE_M_CEN_IMP_BAD_TCKN), tckn);
		return refuse(im, ftckn, why, whysz);
	}
	if ((rc = hane_person_by_tckn(im->db, tckn, &p)) != 0)
		return refusal(rc) ? refuse(im, ftckn, why, whysz) : rc;
	*person = p.id;
	if ((rc = hane_centre_site_find(im->db, site, s)) != 0)
		return refusal(rc) ? refuse(im, fsite, why, whysz) : rc;
	return 0;
}

static int member_row(struct imp *im, const char **v, char *why, size_t whysz)
{
	struct hane_centre_member m;
	struct hane_centre_site s;
	int rc;

	memset(&m, 0, sizeof m);
	if ((rc = who_where(im, v[M_TCKN], v[M_SITE], M_TCKN, M_SITE,
			    &m.person_id, &s, why, whysz)) != 0)
		return rc;
	m.site_id = s.id;
	if (cell(m.start, sizeof m.start, v[M_START]) ||
	    cell(m.term, sizeof m.term, v[M_TERM]) ||
	    cell(m.notes, sizeof m.notes, v[M_NOTES])) {
		hane_error_set("%s", hane_msg(HANE_M_CEN_IMP_TOO_LONG));
		return refuse(im,
			      !cell(m.notes, sizeof m.notes, v[M_NOTES])
				      ? M_TERM
				      : M_NOTES,
			      why, whysz);
	}
	if ((rc = cen_member_check(im->db, &m)) != 0) {
		if (!refusal(rc))
			return rc;
		/* A date names its column; the rest is the row's person. */
		return refuse(
			im,
			strstr(hane_error_last(), hane_msg(HANE_M_CEN_F_START))
				? M_START
				: M_TCKN,
			why, whysz);
	}
	if ((rc = hane_centre_member_add(im->db, &m)) == 0)
		im->c->created++;
	return rc;
}

/* The person's membership that a check-in at s on day belongs to: the
 * one running at s that day, else the newest of s's programme (whose
 * check-in the model refuses with its reason). */
static int membership_of(struct imp *im, int64_t person,
			 const struct hane_centre_site *s, const char *day,
			 int64_t *id)
{
	struct hane_field p[] = {
		HANE_FINT(":p", person), HANE_FINT(":s", s->id),
		HANE_FINT(":g", s->programme_id), HANE_FTEXT(":d", day)};
	int rc = hane_store_ints(
		im->db,
		"SELECT id FROM centre_member WHERE person_id = :p"
		" AND programme_id = :g ORDER BY site_id = :s AND start <= :d"
		" AND (end_date IS NULL OR end_date > :d) DESC, start DESC,"
		" id DESC LIMIT 1",
		p, 4, id, 1);

	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_CEN_IMP_NOT_MEMBER), s->name);
	return rc;
}

static int visit_row(struct imp *im, const char **v, char *why, size_t whysz)
{
	struct hane_centre_visit vis;
	struct hane_centre_member m;
	struct hane_centre_site s;
	char out[HANE_CENTRE_TIME] = "", iso[HANE_DATE_LEN + 1];
	int64_t person = 0, mid = 0;
	enum cen_part part;
	int rc;

	memset(&vis, 0, sizeof vis);
	if ((rc = who_where(im, v[A_TCKN], v[A_SITE], A_TCKN, A_SITE, &person,
			    &s, why, whysz)) != 0)
		return rc;
	if (hane_date_parse(iso, v[A_DATE]) != 0)
		return refuse(im, A_DATE, why, whysz);
	HANE_COPY(vis.date, iso);
	if (strlen(v[A_IN]) >= sizeof vis.time_in || !v[A_IN][0]) {
		hane_error_set(hane_msg(HANE_M_CEN_BAD_TIME),
			       hane_msg(HANE_M_CEN_F_IN), v[A_IN]);
		return refuse(im, A_IN, why, whysz);
	}
	HANE_COPY(vis.time_in, v[A_IN]);
	if (v[A_OUT][0]) {
		if (strlen(v[A_OUT]) >= sizeof out) {
			hane_error_set(hane_msg(HANE_M_CEN_BAD_TIME),
				       hane_msg(HANE_M_CEN_F_OUT), v[A_OUT]);
			return refuse(im, A_OUT, why, whysz);
		}
		HANE_COPY(out, v[A_OUT]);
		if (cen_time(out, HANE_M_CEN_F_OUT) != 0)
			return refuse(im, A_OUT, why, whysz);
	}
	if ((rc = membership_of(im, person, &s, vis.date, &mid)) != 0)
		return refusal(rc) ? refuse(im, A_SITE, why, whysz) : rc;
	if ((rc = cen_checkin_check(im->db, mid, s.id, &vis, &m, &part)) != 0) {
		if (!refusal(rc))
			return rc;
		return refuse(im,
			      part == CEN_PART_DAY    ? A_DATE
			      : part == CEN_PART_TIME ? A_IN
						      : A_SITE,
			      why, whysz);
	}
	if (out[0] && strcmp(out, vis.time_in) < 0) {
		hane_error_set(hane_msg(HANE_M_CEN_OUT_BEFORE_IN), out,
			       vis.time_in);
		return refuse(im, A_OUT, why, whysz);
	}
	if ((rc = hane_centre_checkin(im->db, mid, s.id, vis.date, vis.time_in,
				      NULL)) != 0)
		return rc;
	if (out[0] &&
	    (rc = hane_centre_checkout(im->db, mid, vis.date, out)) != 0)
		return rc;
	im->c->created++;
	return 0;
}

static int import_row(const struct hane_csv_record *rec, void *arg)
{
	struct imp *im = arg;
	const char *v[HANE_CSV_IMPORT_FIELDS];
	char why[512] = "";
	int rc;

	if ((rc = hane_csv_import_cells(&im->ci, rec, v, why, sizeof why)) == 0)
		rc = im->members ? member_row(im, v, why, sizeof why)
				 : visit_row(im, v, why, sizeof why);
	if (rc == HANE_EINVAL && why[0])
		return hane_csv_import_reject(&im->ci, rec, why);
	return rc;
}

int hane_centre_import(hane_db *db, const char *what, const char *path,
		       const struct hane_import_opts *opts,
		       struct hane_import_counts *counts)
{
	static const struct hane_csv_import_steps steps = {map_header,
							   import_row};
	bool members = what && strcmp(what, "members") == 0;
	struct imp im;
	int rc;

	memset(&im, 0, sizeof im);
	opts = hane_import_start(&im.ci, members ? &member_spec : &visit_spec,
				 opts, counts);
	im.db = db;
	im.c = counts;
	im.members = members;
	if (members) {
		im.required = member_required;
		im.nrequired = (int)HANE_COUNTOF(member_required);
	} else if (what && strcmp(what, "attendance") == 0) {
		im.required = visit_required;
		im.nrequired = (int)HANE_COUNTOF(visit_required);
	} else {
		hane_error_set(hane_msg(HANE_M_CEN_IMP_WHAT), what ? what : "");
		return HANE_EINVAL;
	}
	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0)
		return rc;
	return hane_csv_import_file(&im.ci, db, path, &opts->csv, &steps, &im);
}
