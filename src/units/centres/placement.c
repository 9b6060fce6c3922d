/* Merkezler: the placement kind — a member's employment at a site of a
 * placement programme (Down Kafe, the mobile catering vehicles);
 * hane/centres_sp.h says the rules.
 */
#include <stdio.h>
#include <string.h>

#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/record.h"

#include "centres_int.h"
#include "csp_int.h"

#define PLACEMENT_READ(S)                                                      \
	S(person_name, HANE_FT_TEXT,                                           \
	  "coalesce((SELECT p.first_name || ' ' || p.last_name FROM person p"  \
	  " WHERE p.id = t.person_id), '')")                                   \
	S(site_code, HANE_FT_TEXT,                                             \
	  "coalesce((SELECT s.code FROM centre_site s"                         \
	  " WHERE s.id = t.site_id), '')")                                     \
	S(site_name, HANE_FT_TEXT,                                             \
	  "coalesce((SELECT s.name FROM centre_site s"                         \
	  " WHERE s.id = t.site_id), '')")                                     \
	S(programme_id, HANE_FT_INT,                                           \
	  "(SELECT s.programme_id FROM centre_site s WHERE s.id = t.site_id)")
#define S(col, type, expr)                                                     \
	HANE_FDEF_SQL(struct hane_centre_placement, col, type, expr, NULL, NULL)
#define F(...) HANE_FDEF(struct hane_centre_placement, __VA_ARGS__)
static const struct hane_fdef placement_fields[] = {
	HANE_CENTRE_PLACEMENT_FIELDS(F) PLACEMENT_READ(S)};
#undef F
#undef S
const struct hane_rdef hane_centre_placement_rdef =
	HANE_RDEF(struct hane_centre_placement, "centre_placement", "centres",
		  placement_fields);

void hane_centre_placement_init(struct hane_centre_placement *p)
{
	memset(p, 0, sizeof *p);
	p->paid = true;
	p->insured = true;
	p->hours_week = 20;
}

int hane_centre_placement_get(hane_db *db, int64_t id,
			      struct hane_centre_placement *out)
{
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (!rc)
		rc = hane_store_missing(
			hane_record_get(db, &hane_centre_placement_rdef, id,
					out),
			HANE_M_CSP_NO_PLACEMENT, id);
	return rc ? rc : hane_centre_programme_allowed(db, out->programme_id);
}

static int placement_save_tx(hane_db *db, void *arg)
{
	struct hane_centre_placement *p = arg, old;
	char kind[16];
	int64_t programme = 0, open = 0;
	int rc;

	if (p->id) {
		if ((rc = hane_centre_placement_get(db, p->id, &old)) != 0)
			return rc;
		if (old.end_date[0]) {
			hane_error_set(hane_msg(HANE_M_CSP_PLACEMENT_ENDED),
				       (long long)p->id);
			return HANE_EINVAL;
		}
		if (old.person_id != p->person_id ||
		    old.site_id != p->site_id) {
			hane_error_set(hane_msg(HANE_M_CSP_PLACEMENT_KEPT),
				       (long long)p->id);
			return HANE_EINVAL;
		}
		p->member_id = old.member_id;
	}
	if ((rc = hane_csp_site_kind(db, p->site_id, kind, &programme)) != 0)
		return rc;
	if (strcmp(kind, "placement") != 0) {
		char key[24];

		snprintf(key, sizeof key, "%lld", (long long)p->site_id);
		return hane_centre_sp_site(db, key, "placement", &programme);
	}
	if ((rc = hane_centre_programme_allowed(db, programme)) != 0)
		return rc;
	if (!p->id &&
	    (rc = hane_csp_member(db, p->person_id, programme, p->site_id,
				  p->start, &p->member_id)) != 0)
		return rc;
	struct hane_field q[] = {HANE_FINT(":p", p->person_id),
				 HANE_FINT(":s", p->site_id),
				 HANE_FINT(":id", p->id)};
	rc = hane_store_ints(db,
			     "SELECT id FROM centre_placement WHERE person_id"
			     " = :p AND site_id = :s AND end_date IS NULL AND"
			     " id <> :id LIMIT 1",
			     q, HANE_COUNTOF(q), &open, 1);
	if (rc == 0) {
		struct hane_centre_placement o;

		if ((rc = hane_centre_placement_get(db, open, &o)) != 0)
			return rc;
		hane_error_set(hane_msg(HANE_M_CSP_OPEN_PLACEMENT),
			       o.person_name, o.site_name, (long long)open);
		return HANE_EEXIST;
	}
	if (rc != HANE_ENOTFOUND)
		return rc;
	return hane_record_save(db, &hane_centre_placement_rdef, p, NULL);
}

int hane_centre_placement_save(hane_db *db, struct hane_centre_placement *p,
			       int64_t *id)
{
	int rc;

	if (id)
		*id = 0;
	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0)
		return rc;
	hane_text_trim(p->role);
	hane_text_trim(p->coach);
	if (!p->role[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_CSP_F_ROLE));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_len(HANE_M_CSP_F_ROLE, p->role, sizeof p->role)) ||
	    (rc = hane_field_len(HANE_M_CSP_F_COACH, p->coach,
				 sizeof p->coach)) ||
	    (rc = hane_field_chars(HANE_M_CSP_F_NOTES, p->notes, 500)) ||
	    (rc = hane_field_day(HANE_M_CSP_F_START, p->start, true)))
		return rc;
	if (p->hours_week < 1 || p->hours_week > 45) {
		hane_error_set("%s", hane_msg(HANE_M_CSP_HOURS));
		return HANE_EINVAL;
	}
	if ((rc = hane_store_tx(db, placement_save_tx, p)) != 0)
		return rc;
	if (id)
		*id = p->id;
	return hane_centre_placement_get(db, p->id, p);
}

struct end {
	int64_t id;
	char day[HANE_DATE_LEN + 1];
	const char *reason;
};

static int end_tx(hane_db *db, void *arg)
{
	struct end *e = arg;
	struct hane_centre_placement p;
	char shown[HANE_DATE_LEN + 1];
	int rc;

	if ((rc = hane_centre_placement_get(db, e->id, &p)) != 0)
		return rc;
	if (p.end_date[0]) {
		hane_error_set(hane_msg(HANE_M_CSP_PLACEMENT_ENDED),
			       (long long)p.id);
		return HANE_EINVAL;
	}
	if (strcmp(e->day, p.start) < 0) {
		hane_error_set(hane_msg(HANE_M_CSP_END_BEFORE),
			       hane_date_format(shown, p.start));
		return HANE_EINVAL;
	}
	struct hane_field f[] = {HANE_FTEXT("end_date", e->day),
				 HANE_FTEXT("end_reason", e->reason)};
	return hane_store_update(db, "centre_placement", p.id, p.version, f,
				 HANE_COUNTOF(f), NULL);
}

int hane_centre_placement_end(hane_db *db, int64_t id, const char *day,
			      const char *reason)
{
	struct end e = {id, "", reason};
	char r[HANE_CSP_TEXT];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_CENTRES_WRITE)) != 0)
		return rc;
	HANE_COPY(e.day, day ? day : "");
	HANE_COPY(r, reason ? reason : "");
	hane_text_trim(r);
	e.reason = r;
	if (!r[0]) {
		hane_error_set(hane_msg(HANE_M_V_REQUIRED),
			       hane_msg(HANE_M_CSP_F_END_REASON));
		return HANE_EINVAL;
	}
	if ((rc = hane_field_chars(HANE_M_CSP_F_END_REASON, r, 500)) ||
	    (rc = hane_field_day(HANE_M_CSP_F_END_DATE, e.day, false)))
		return rc;
	return hane_store_tx(db, end_tx, &e);
}

HANE_RECORD_EACH_FN(placement, struct hane_centre_placement)

int hane_centre_placement_each(
	hane_db *db, bool open, int64_t site_id, int64_t person_id,
	int (*fn)(const struct hane_centre_placement *p, void *arg), void *arg)
{
	struct placement_each e = {fn, arg};
	struct hane_field p[] = {HANE_FINT(":s", site_id),
				 HANE_FINT(":p", person_id), HANE_FNULL(":all"),
				 HANE_FNULL(":me")};
	int rc = hane_can(db, HANE_ACT_CENTRES_READ);

	if (rc)
		return rc;
	cen_visible_params(db, p + 2);
#define VISIBLE                                                                \
	" AND " CEN_VISIBLE("(SELECT s.programme_id FROM centre_site s"        \
			    " WHERE s.id = t.site_id)")
	return hane_record_list(
		db, &hane_centre_placement_rdef,
		open ? " WHERE t.end_date IS NULL AND (:s = 0 OR t.site_id ="
		       " :s) AND (:p = 0 OR t.person_id = :p)" VISIBLE
		       " ORDER BY t.start, t.id"
		     : " WHERE t.end_date IS NOT NULL AND (:s = 0 OR"
		       " t.site_id = :s) AND (:p = 0 OR t.person_id = "
		       ":p)" VISIBLE " ORDER BY t.end_date DESC, t.id DESC",
		p, HANE_COUNTOF(p), placement_call, &e);
}
