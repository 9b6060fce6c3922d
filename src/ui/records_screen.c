/* One screen of a unit's own records (hane/ui.h "One screen of a unit's
 * own records"): the list with its search, count and bar, the form bound
 * to the record's field table, the save through the unit's model and F7's
 * (de)activation — what the food bank's branches, markets and package
 * types and the taxi's vehicles, drivers and destinations each wrote by
 * hand. The unit gives the record, its cells, its fields and its model
 * call; the screen knows no unit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/ui.h"
#include "internal.h"

struct hane_ui_records {
	const struct hane_ui_records_view *v;
	struct hane_ui_list *l;
	char *recs; /* every record walked, def->size bytes each */
	size_t n, cap;
	char query[128]; /* folded */
	char raw[128];	 /* as typed */
	int shown;
};

static int64_t rec_id(const struct hane_rdef *def, const void *rec)
{
	return *(const int64_t *)((const char *)rec + def->id);
}

static bool searched(const struct hane_ui_records *rs, const char *const *cells)
{
	unsigned bits = rs->v->search ? rs->v->search : 1u;
	char f[512];

	if (!rs->query[0])
		return true;
	for (int i = 0; i < rs->v->ncols; i++) {
		if (!(bits & (1u << i)))
			continue;
		hane_text_fold(f, sizeof f, cells[i] ? cells[i] : "");
		if (strstr(f, rs->query))
			return true;
	}
	return false;
}

int hane_ui_records_row(struct hane_ui_records *rs, const void *rec,
			const char *const *cells)
{
	size_t size = rs->v->def->size;
	char *recs = hane_grow(rs->recs, &rs->cap, rs->n, size, 32);

	if (!recs)
		return HANE_ENOMEM;
	rs->recs = recs;
	memcpy(rs->recs + rs->n++ * size, rec, size);
	if (!searched(rs, cells))
		return 0;
	rs->shown++;
	return hane_ui_list_add(rs->l, rec_id(rs->v->def, rec), cells);
}

static int records_fill(struct hane_ui *ui, struct hane_ui_list *l,
			const char *query, int rows, void *arg)
{
	struct hane_ui_records *rs = arg;

	(void)rows;
	rs->l = l;
	rs->n = 0;
	rs->shown = 0;
	HANE_COPY(rs->raw, query ? query : "");
	hane_text_fold(rs->query, sizeof rs->query, rs->raw);
	return rs->v->each(hane_ui_db(ui), rs);
}

static void records_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	const struct hane_ui_records *rs = arg;

	(void)ui;
	snprintf(out, outsz, hane_msg(rs->v->count), rs->shown);
}

/* The kept record with id, NULL if none. */
static const void *kept(const struct hane_ui_records *rs, int64_t id)
{
	size_t size = rs->v->def->size;

	for (size_t i = 0; id && i < rs->n; i++)
		if (rec_id(rs->v->def, rs->recs + i * size) == id)
			return rs->recs + i * size;
	return NULL;
}

/* rec's name in questions and on the status line: name(), else the text
 * of the title column, else none. */
static const char *name_of(const struct hane_ui_records_view *v,
			   const void *rec)
{
	if (v->name)
		return v->name(rec);
	if (v->title_column)
		return (const char *)rec +
		       hane_record_field(v->def, v->title_column)->offset;
	return "";
}

/* ---- The form ----------------------------------------------------------- */

struct edit {
	struct hane_ui_records_edit e; /* the hooks' */
	const struct hane_ui_records_view *v;
	struct hane_ui_field fields[HANE_UI_RECORDS_MAX];
	enum hane_msg labels[HANE_UI_RECORDS_MAX];
	int n;
	int64_t saved_id;
};

/* The view's bound field i as a record of one field. */
static struct hane_ui_record one(const struct edit *ed, int i)
{
	return (struct hane_ui_record){
		.def = ed->v->def, .bind = &ed->e.bind[i], .n = 1};
}

static bool bound(const struct edit *ed, int i)
{
	return ed->e.bind[i].column != NULL;
}

/* The form's fields: the view's that are on it (adding or editing). */
static void edit_fields(struct edit *ed)
{
	const struct hane_ui_records_view *v = ed->v;

	ed->n = 0;
	for (int i = 0; i < v->nfields; i++) {
		const struct hane_ui_records_field *rf = &v->fields[i];
		struct hane_ui_field *o = &ed->fields[ed->n];

		ed->e.at[i] = -1;
		if ((rf->on == HANE_UI_RF_NEW && !ed->e.adding) ||
		    (rf->on == HANE_UI_RF_EDIT && ed->e.adding))
			continue;
		if (bound(ed, i)) {
			struct hane_ui_record r = one(ed, i);

			hane_ui_record_fields(o, &r);
			if (rf->check)
				o->check = rf->check;
			o->required |= rf->required;
			ed->labels[ed->n] = ed->e.bind[i].own_label
						    ? ed->e.bind[i].label
						    : 0;
		} else {
			*o = ed->e.own[i];
			ed->labels[ed->n] = o->label;
		}
		ed->e.at[i] = ed->n++;
	}
}

static void edit_fill(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct edit *ed = arg;
	const struct hane_ui_records_view *v = ed->v;

	(void)ui;
	ed->e.f = f;
	for (int i = 0; i < v->nfields; i++) {
		struct hane_ui_record r = one(ed, i);

		if (ed->e.at[i] < 0)
			continue;
		if (bound(ed, i))
			hane_ui_record_fill(ed->e.f, ed->e.at[i], &r,
					    ed->e.rec);
		if (v->fields[i].note)
			hane_ui_form_hint(ed->e.f, ed->e.at[i],
					  hane_msg(v->fields[i].note));
	}
	if (v->fill)
		v->fill(&ed->e);
}

static int edit_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct edit *ed = arg;
	const struct hane_ui_records_view *v = ed->v;
	int64_t id = 0;
	int rc;

	for (int i = 0; i < v->nfields; i++) {
		struct hane_ui_record r = one(ed, i);

		if (ed->e.at[i] >= 0 && bound(ed, i))
			hane_ui_record_store(f, ed->e.at[i], &r, ed->e.rec);
	}
	if (v->store && v->store(&ed->e))
		return HANE_EINVAL; /* its message is under its field */
	if ((rc = v->save(ed->e.db, ed->e.rec, &id)) != 0) {
		hane_ui_form_model_error(ui, f, ed->labels, ed->n, rc);
		return rc;
	}
	/* A new record is the one stored now: its id, for the words. */
	if (ed->e.adding)
		*(int64_t *)((char *)ed->e.rec + v->def->id) = id;
	ed->saved_id = rec_id(v->def, ed->e.rec);
	return 0;
}

static void edit_title(char *out, size_t outsz, const struct edit *ed)
{
	const struct hane_ui_records_view *v = ed->v;

	if (ed->e.adding && v->title_new) {
		snprintf(out, outsz, hane_msg(v->title_new), hane_msg(v->what));
	} else if (!ed->e.adding && v->title_edit && v->say) {
		v->say(out, outsz, v->title_edit, ed->e.rec);
	} else if (!ed->e.adding && v->title_edit) {
		/* The title column, else name() (a view with neither read
		 * column NULL here). */
		snprintf(out, outsz, hane_msg(v->title_edit), hane_msg(v->what),
			 v->title_column
				 ? (const char *)ed->e.rec +
					   hane_record_field(v->def,
							     v->title_column)
						   ->offset
				 : name_of(v, ed->e.rec));
	} else {
		snprintf(out, outsz, "%s · %s", hane_msg(v->what),
			 hane_msg(ed->e.adding ? HANE_M_UI_ACT_NEW
					       : HANE_M_UI_ACT_EDIT));
	}
}

/* Adds (rec NULL) or edits rec in the view's form; the id saved, or 0
 * when the form was left. */
static int64_t edit_form(struct hane_ui *ui, const struct hane_ui_records *rs,
			 const void *rec)
{
	const struct hane_ui_records_view *v = rs->v;
	struct edit *ed = calloc(1, sizeof *ed);
	void *copy = malloc(v->def->size);
	struct hane_ui_form_view fv;
	char title[256];
	int64_t saved = 0;
	int rc;

	if (!ed || !copy || v->nfields > HANE_UI_RECORDS_MAX) {
		hane_ui_error_rc(ui, HANE_ENOMEM);
		goto done;
	}
	if (rec)
		memcpy(copy, rec, v->def->size);
	else if (v->blank)
		memcpy(copy, v->blank, v->def->size);
	else
		memset(copy, 0, v->def->size);
	ed->v = v;
	ed->e = (struct hane_ui_records_edit){.db = hane_ui_db(ui),
					      .rec = copy,
					      .adding = rec == NULL,
					      .arg = v->arg};
	for (int i = 0; i < v->nfields; i++) {
		ed->e.bind[i] = v->fields[i].bind;
		ed->e.own[i] = v->fields[i].own;
	}
	if (v->open && (rc = v->open(&ed->e)) != 0) {
		hane_ui_error_rc(ui, rc);
		goto done;
	}
	edit_fields(ed);
	edit_title(title, sizeof title, ed);
	fv = (struct hane_ui_form_view){.title = title,
					.fields = ed->fields,
					.nfields = ed->n,
					.save = edit_save,
					.arg = ed};
	if (hane_ui_form_show(ui, &fv, edit_fill)) {
		char said[256];

		saved = ed->saved_id;
		if (v->say)
			v->say(said, sizeof said, v->saved, ed->e.rec);
		else
			snprintf(said, sizeof said, hane_msg(v->saved),
				 name_of(v, ed->e.rec));
		hane_ui_status(ui, false, "%s", said);
	}
done:
	free(copy);
	free(ed);
	return saved;
}

/* ---- F7 ------------------------------------------------------------------- */

static void toggle(struct hane_ui *ui, const struct hane_ui_records *rs,
		   const void *rec)
{
	const struct hane_ui_records_view *v = rs->v;
	const struct hane_fdef *d = hane_record_field(v->def, v->active);
	void *copy = malloc(v->def->size);
	char q[256], *m;
	bool active;
	int64_t id;
	int rc;

	if (!copy) {
		hane_ui_error_rc(ui, HANE_ENOMEM);
		return;
	}
	memcpy(copy, rec, v->def->size);
	m = (char *)copy + d->offset;
	/* A yes/no member is a bool or an int (hane/record.h). */
	active = d->size == sizeof(bool) ? *(bool *)m : *(int *)m != 0;
	snprintf(q, sizeof q, hane_msg(active ? v->ask_off : v->ask_on),
		 name_of(v, copy));
	if (!hane_ui_confirm(ui, q))
		goto done;
	if (d->size == sizeof(bool))
		*(bool *)m = !active;
	else
		*(int *)m = !active;
	if ((rc = v->save(hane_ui_db(ui), copy, &id)) != 0) {
		hane_ui_error_rc(ui, rc);
		goto done;
	}
	hane_ui_status(ui, false, hane_msg(active ? v->done_off : v->done_on),
		       name_of(v, copy));
done:
	free(copy);
}

/* ---- The list ------------------------------------------------------------- */

static int records_act(struct hane_ui *ui, struct hane_ui_list *l,
		       enum hane_ui_action a, void *arg)
{
	struct hane_ui_records *rs = arg;
	const void *rec = kept(rs, hane_ui_list_selected_id(l));
	int64_t saved;

	switch (a) {
	case HANE_UI_A_ITEM_NEW:
		/* The row saved is the one selected: filled again here, as
		 * the list keeps the selection by id and a new row has none
		 * yet. */
		if ((saved = edit_form(ui, rs, NULL))) {
			char q[128];

			HANE_COPY(q, rs->raw);
			hane_ui_list_clear(l);
			if (records_fill(ui, l, q, 0, rs) == 0)
				hane_ui_list_select_id(l, saved);
		}
		break;
	case HANE_UI_A_ITEM_EDIT:
		if (rec)
			edit_form(ui, rs, rec);
		break;
	case HANE_UI_A_ITEM_ACTIVE:
		if (rec && rs->v->active)
			toggle(ui, rs, rec);
		break;
	default:
		break;
	}
	return HANE_UI_STAY;
}

void hane_ui_records_show(struct hane_ui *ui,
			  const struct hane_ui_records_view *v)
{
	struct hane_ui_records rs = {.v = v};
	bool rw = hane_can(hane_ui_db(ui), v->write) == 0;
	struct hane_ui_list_view lv = {
		.title = v->title,
		.cols = v->cols,
		.ncols = v->ncols,
		.fill = records_fill,
		.act = records_act,
		.info = v->count ? records_info : NULL,
		.arg = &rs,
	};

	if (!rw)
		hane_error_clear(); /* a bar without changes is no error */
	ui_records_bar(&lv, rw, v->active != NULL);
	hane_ui_list_show(ui, &lv);
	free(rs.recs);
}
