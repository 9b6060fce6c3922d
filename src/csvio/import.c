/* What every importer does around its own mapping of a row: open the file
 * and read its header, match the titles to its fields (from the field
 * tables where the field is a record's), hand over a row's cells, write the
 * rejects file, and run the rows in one transaction (a dry run rolls it
 * back, a real one ends with the import's audit event). The importer keeps
 * what is its own: which columns are required, a row's values and rules,
 * and what it writes. */
#include <stdio.h>
#include <string.h>

#include "hane/core.h"
#include "hane/csvio.h"
#include "hane/files.h"

const struct hane_fdef *hane_csv_import_fdef(
	const struct hane_csv_import_field *k)
{
	const struct hane_rdef *d = k->def;

	for (size_t i = 0; d && i < d->nfields; i++)
		if (d->fields[i].option &&
		    !strcmp(d->fields[i].option, k->option))
			return &d->fields[i];
	return NULL;
}

/* The spec's titles: a record field's label and other titles, or the
 * importer's own. */
static void resolve_titles(struct hane_csv_import *ci)
{
	const struct hane_csv_import_spec *s = ci->spec;

	for (int f = 0; f < s->nfields; f++) {
		const struct hane_csv_import_field *k = &s->fields[f];

		ci->def[f] = hane_csv_import_fdef(k);
		if (ci->def[f])
			snprintf(ci->buf[f], sizeof ci->buf[f], "%s%s%s",
				 ci->def[f]->label_tr,
				 ci->def[f]->titles ? "|" : "",
				 ci->def[f]->titles ? ci->def[f]->titles : "");
		else
			snprintf(ci->buf[f], sizeof ci->buf[f], "%s",
				 k->titles ? k->titles : "");
		ci->titles[f] = ci->buf[f];
		ci->col[f] = -1;
	}
}

void hane_csv_import_init(struct hane_csv_import *ci,
			  const struct hane_csv_import_spec *spec,
			  const struct hane_csv_import_hooks *hooks,
			  struct hane_csv_import_counts n)
{
	memset(ci, 0, sizeof *ci);
	ci->spec = spec;
	ci->hooks = *hooks;
	if (hooks->dry_run)
		ci->hooks.rejects = NULL;
	ci->n = n;
}

int hane_csv_import_open(struct hane_csv_import *ci, const char *path,
			 const struct hane_csv_opts *csv)
{
	static const struct hane_csv_record empty = {.raw = ""};
	const struct hane_csv_record *rec;
	int rc;

	if (ci->spec->nfields > HANE_CSV_IMPORT_FIELDS)
		hane_die("import: %d fields", ci->spec->nfields);
	resolve_titles(ci);
	if ((rc = hane_csv_open(&ci->r, path, csv)))
		return rc;
	rc = hane_csv_read(ci->r, &rec);
	if (rc == HANE_DONE && ci->spec->empty_is_header) {
		rec = &empty;
	} else if (rc == HANE_DONE) {
		hane_error_set("%s", hane_msg(HANE_M_IMP_NO_HEADER));
		return HANE_ECSV;
	} else if (rc < 0) {
		return rc;
	}
	return hane_csv_record_copy(&ci->header, rec);
}

static void notice(const struct hane_csv_import *ci, enum hane_msg id,
		   const char *title, const char *first)
{
	char msg[1024];

	if (!ci->hooks.notice)
		return;
	snprintf(msg, sizeof msg, hane_msg(id), title, first);
	ci->hooks.notice(msg, ci->hooks.arg);
}

void hane_csv_import_map(struct hane_csv_import *ci,
			 hane_csv_import_lookup *lookup, void *arg)
{
	const struct hane_csv_record *h = &ci->header;

	ci->ncols = h->nfields;
	for (size_t i = 0; i < h->nfields && i < HANE_CSV_FIELDS_MAX; i++) {
		const char *name = hane_csv_unguard(h->fields[i]);
		int f = lookup ? lookup(name, i, arg)
			       : hane_csv_title_find(name, ci->titles,
						     ci->spec->nfields);

		if (f == -1 && *name)
			notice(ci, HANE_M_IMP_UNKNOWN_COL, name, NULL);
		if (f < 0)
			continue;
		if (ci->col[f] >= 0) {
			notice(ci, HANE_M_IMP_DUP_COL, name, ci->title[f]);
			continue;
		}
		ci->col[f] = (int)i;
		snprintf(ci->title[f], sizeof ci->title[f], "%s", name);
	}
}

const char *hane_csv_import_title(const struct hane_csv_import *ci, int f,
				  char *out, size_t outsz)
{
	const char *t = ci->titles[f], *bar = strchr(t, '|');

	snprintf(out, outsz, "%.*s", (int)(bar ? (size_t)(bar - t) : strlen(t)),
		 t);
	return out;
}

int hane_csv_import_missing(const struct hane_csv_import *ci, enum hane_msg msg,
			    const char *missing)
{
	char have[1024];

	hane_csv_titles_list(have, sizeof have, &ci->header);
	hane_error_set(hane_msg(msg), missing, have);
	return HANE_EINVAL;
}

const char *hane_csv_import_cell(const struct hane_csv_import *ci,
				 const struct hane_csv_record *rec, int f)
{
	int i = ci->col[f];

	return i >= 0 && (size_t)i < rec->nfields ? rec->fields[i] : "";
}

int hane_csv_import_cells(const struct hane_csv_import *ci,
			  const struct hane_csv_record *rec, const char **v,
			  char *why, size_t whysz)
{
	if (rec->nfields != ci->ncols) {
		snprintf(why, whysz, hane_msg(HANE_M_IMP_RAGGED), rec->nfields,
			 ci->ncols);
		return HANE_EINVAL;
	}
	for (int f = 0; f < ci->spec->nfields; f++) {
		char *s = ci->col[f] >= 0 ? rec->fields[ci->col[f]] : NULL;

		v[f] = s ? hane_text_trim(hane_csv_unguard(s)) : "";
	}
	return 0;
}

int hane_csv_import_reject(struct hane_csv_import *ci,
			   const struct hane_csv_record *rec, const char *why)
{
	int rc;

	(*ci->n.rejected)++;
	if (ci->hooks.reject)
		ci->hooks.reject(rec->line, why, ci->hooks.arg);
	if (!ci->hooks.rejects)
		return 0;
	if (!ci->rej &&
	    (rc = hane_csv_rejects_open(&ci->rej, ci->hooks.rejects, ci->r,
					&ci->header,
					hane_msg(ci->spec->rejects_column))))
		return rc;
	return hane_csv_rejects_add(ci->rej, rec, why);
}

int hane_csv_import_close(struct hane_csv_import *ci, int rc)
{
	int rc2 = hane_csv_rejects_close(ci->rej);

	if (!rc)
		rc = rc2;
	if (rc && ci->rej)
		hane_file_remove(ci->hooks.rejects, 0);
	if (rc)
		*ci->n.created = 0;
	ci->rej = NULL;
	hane_csv_close(ci->r);
	ci->r = NULL;
	hane_csv_record_free(&ci->header);
	return rc;
}

/* The import's one audit row: what came in and what was refused. */
static int audit(const struct hane_csv_import *ci, hane_db *db)
{
	const struct hane_csv_import_spec *s = ci->spec;
	char detail[128];

	snprintf(detail, sizeof detail, "%s import: %lld %s, %lld rejected",
		 s->audit.what, (long long)*ci->n.created, s->audit.verb,
		 (long long)*ci->n.rejected);
	return hane_store_audit_event(db, "import", s->audit.table, 0, detail);
}

/* Every data row in one transaction on db. */
static int rows(struct hane_csv_import *ci, hane_db *db,
		const struct hane_csv_import_steps *steps, void *arg)
{
	const struct hane_csv_record *rec;
	int rc;

	if ((rc = hane_store_begin(db)))
		return rc;
	while ((rc = hane_csv_read(ci->r, &rec)) == HANE_ROW) {
		(*ci->n.rows)++;
		if ((rc = steps->row(rec, arg)))
			break;
	}
	if (rc == HANE_DONE)
		rc = 0;
	if (rc == 0 && ci->hooks.dry_run) {
		hane_store_rollback(db);
		return 0;
	}
	if (rc == 0)
		rc = audit(ci, db);
	return hane_store_end(db, rc);
}

int hane_csv_import_file(struct hane_csv_import *ci, hane_db *db,
			 const char *path, const struct hane_csv_opts *csv,
			 const struct hane_csv_import_steps *steps, void *arg)
{
	int rc = hane_csv_import_open(ci, path, csv);

	if (rc == 0 && (rc = steps->header(arg)) == 0)
		rc = rows(ci, db, steps, arg);
	return hane_csv_import_close(ci, rc);
}
