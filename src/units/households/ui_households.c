/* The household screens: person search (search-as-you-type), household
 * detail with members and the services panel, household and person
 * forms (validation at the field, duplicate warning while typing, the
 * conflict dialog), moving a person, marking a household passive.
 *
 * KVKK: lists show TC Kimlik numbers masked for everyone; detail screens
 * show what the actor's role may see (hane_mask_*), log the read before
 * anything is drawn, and reveal one masked value on F9 (logged). An edit
 * form shows masked values masked and keeps the stored value unless the
 * field was retyped, so a masked value is never saved back.
 *
 * Only hane/ui.h widgets and the households model: no curses, no SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/households.h"
#include "hane/overview.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "hane/ui.h"

/* ---- Small helpers ------------------------------------------------------ */

static const char *status_label(const char *status)
{
	return strcmp(status, "passive") == 0 ? hane_msg(HANE_M_UI_HH_PASSIVE)
					      : hane_msg(HANE_M_UI_HH_ACTIVE);
}

/* KVKK: lists show the number masked for everyone ("123******50"):
 * enough to tell people apart, never the number itself. */
static void list_tckn(char *out, size_t outsz, const char *tckn)
{
	if (!tckn[0])
		snprintf(out, outsz, "-");
	else
		hane_tckn_mask(out, outsz, tckn);
}

/* Relations offered for a member (the head is set apart). */
static const char *const relation_names[] = {
#define HANE_X_(n, name) name,
	HANE_RELATIONS(HANE_X_)
#undef HANE_X_
};
#define NRELATIONS ((int)(sizeof relation_names / sizeof relation_names[0]))

/* Turkish locative suffix after a number as read aloud: 12:04'te,
 * 12:30'da, 09:20'de. */
static const char *tr_locative(int n)
{
	static const char *const ones[10] = {"da", "de", "de", "te", "te",
					     "te", "da", "de", "de", "da"};
	static const char *const tens[10] = {"da", "da", "de", "da", "ta",
					     "de", "da", "de", "de", "da"};

	if (n % 10)
		return ones[n % 10];
	if (n == 0)
		return "da";
	return tens[(n / 10) % 10];
}

/* "Bu kayıt 12:04'te ayse.k tarafından değiştirildi": 0 reload,
 * 1 overwrite, -1 cancel. */
static int conflict_dialog(struct hane_ui *ui)
{
	const struct hane_conflict *c =
		hane_store_last_conflict(hane_ui_db(ui));
	const char *labels[] = {hane_msg(HANE_M_UI_CONFLICT_RELOAD),
				hane_msg(HANE_M_UI_CONFLICT_OVERWRITE),
				hane_msg(HANE_M_UI_CANCEL)};
	char when[32] = "?", text[512], today[HANE_DATE_LEN + 1];
	int h = 0, m = 0;
	const char *suffix = "de";

	if (c && strlen(c->updated_at) >= 16) {
		sscanf(c->updated_at + 11, "%d:%d", &h, &m);
		hane_today(today);
		if (strncmp(c->updated_at, today, 10) == 0) {
			snprintf(when, sizeof when, "%.5s", c->updated_at + 11);
		} else {
			char d[HANE_DATE_LEN + 1], iso[HANE_DATE_LEN + 1];

			snprintf(iso, sizeof iso, "%.10s", c->updated_at);
			hane_date_format(d, iso);
			snprintf(when, sizeof when, "%s %.5s", d,
				 c->updated_at + 11);
		}
		suffix = tr_locative(m ? m : h);
	}
	snprintf(text, sizeof text, hane_msg(HANE_M_UI_CONFLICT), when, suffix,
		 c && c->updated_by[0] ? c->updated_by : "?");
	return hane_ui_buttons(ui, hane_msg(HANE_M_UI_CONFLICT_TITLE), text,
			       labels, 3);
}

/* ---- Person and household forms: bound to the field tables ------------- */

/* The fields of the person form, in order (the indices below). */
enum {
	P_TCKN,
	P_FIRST,
	P_LAST,
	P_BIRTH,
	P_SEX,
	P_DISAB,
	P_ILLNESS,
	P_PHONE,
	P_RELATION,
	P__COUNT
};
enum { H__COUNT = 7 };

static const char *sex_choices[3];
static const char *const sex_values[] = {"", "K", "E"};
static const char *relation_choices[NRELATIONS];

/* The screen keeps its labels where they differ from the CSV titles of
 * the table ("Doğum tarihi", "Cadde/Sokak"). Members only get the
 * relation (the last field): the head's is set by the model. */
static const struct hane_ui_bind person_bind[P__COUNT] = {
	[P_TCKN] = {.column = "tckn", HANE_UI_LABEL(HANE_M_UI_F_TCKN)},
	[P_FIRST] = {.column = "first_name", .width = 30, .max = 60},
	[P_LAST] = {.column = "last_name", .width = 30, .max = 60},
	[P_BIRTH] = {.column = "birth_date", HANE_UI_LABEL(HANE_M_UI_F_BIRTH)},
	[P_SEX] = {.column = "sex",
		   .width = 12,
		   .choices = sex_choices,
		   .values = sex_values,
		   .nchoices = 3},
	[P_DISAB] = {.column = "disability_pct",
		     HANE_UI_LABEL(HANE_M_UI_F_DISAB),
		     .width = 5,
		     .max = 3,
		     .lo = 0,
		     .hi = 100},
	[P_ILLNESS] = {.column = "chronic_illness",
		       HANE_UI_LABEL(HANE_M_UI_F_ILLNESS),
		       .width = 40},
	[P_PHONE] = {.column = "phone"},
	[P_RELATION] = {.column = "relation",
			.width = 18,
			.choices = relation_choices + 1,
			.values = relation_names + 1,
			.nchoices = NRELATIONS - 1},
};

static void person_choices(void)
{
	sex_choices[0] = "-";
	sex_choices[1] = hane_msg(HANE_M_UI_SEX_F);
	sex_choices[2] = hane_msg(HANE_M_UI_SEX_M);
	for (int i = 0; i < NRELATIONS; i++)
		relation_choices[i] = hane_relation_label(relation_names[i]);
}

/* The mahalle choices: names[0] is "-", stored as "" (values[0]). */
struct mahalle_list {
	const char **names, **values;
	int n;
	size_t cap;
};

static int mahalle_add(const char *name, void *arg)
{
	struct mahalle_list *m = arg;

	const char **nn =
		hane_grow(m->names, &m->cap, (size_t)m->n, sizeof *nn, 64);

	if (!nn)
		return HANE_ENOMEM;
	m->names = nn;
	m->names[m->n] = strdup(name);
	if (!m->names[m->n])
		return HANE_ENOMEM;
	m->n++;
	return 0;
}

static void mahalle_free(struct mahalle_list *m)
{
	for (int i = 1; i < m->n; i++)
		free((char *)m->names[i]);
	free(m->names);
	free(m->values);
	m->names = m->values = NULL;
	m->n = 0;
	m->cap = 0;
}

static void mahalle_load(hane_db *db, struct mahalle_list *m)
{
	if (mahalle_add("-", m) != 0)
		return;
	free((char *)m->names[0]);
	m->names[0] = "-";
	(void)hane_mahalle_each(db, mahalle_add, m);
	m->values = malloc((size_t)m->n * sizeof *m->values);
	if (!m->values) {
		m->n = 1; /* "-" only: the household is saved without one */
		return;
	}
	m->values[0] = "";
	for (int i = 1; i < m->n; i++)
		m->values[i] = m->names[i];
}

/* A form editing a household (ho >= 0) and/or a person (po >= 0): the
 * field offsets let one form hold both for "new household". */
struct edit {
	struct hane_ui_field fields[H__COUNT + P__COUNT + 2];
	int nfields;
	int ho, po;
	struct hane_ui_bind hbind[H__COUNT];
	struct hane_ui_record hrec, prec;
	struct mahalle_list mahalle;
	struct hane_household h;
	struct hane_person p;
	int64_t new_household, new_person;
	hane_db *db;
};

/* The household form's fields; the mahalle's choices are e's. */
static void household_bind(struct edit *e)
{
	static const struct hane_ui_bind rest[H__COUNT - 1] = {
		{.column = "street",
		 HANE_UI_LABEL(HANE_M_UI_F_STREET),
		 .width = 40},
		{.column = "building", .width = 8, .max = 20},
		{.column = "door",
		 HANE_UI_LABEL(HANE_M_UI_F_DOOR),
		 .width = 8,
		 .max = 20},
		{.column = "phone", HANE_UI_LABEL(HANE_M_UI_F_PHONE)},
		{.column = "income_kurus", HANE_UI_LABEL(HANE_M_UI_F_INCOME)},
		{.column = "notes", .width = 44, .max = 500},
	};

	e->hbind[0] = (struct hane_ui_bind){.column = "mahalle",
					    .width = 24,
					    .choices = e->mahalle.names,
					    .values = e->mahalle.values,
					    .nchoices = e->mahalle.n};
	memcpy(e->hbind + 1, rest, sizeof rest);
	e->hrec = (struct hane_ui_record){&hane_household_rdef, e->hbind,
					  H__COUNT, hane_mask_field, e->db};
}

/* Lays out the form: optional household part, optional person part. */
static void edit_build(hane_db *db, struct edit *e, bool household, bool person,
		       bool relation)
{
	int n = 0;

	e->db = db;
	e->ho = e->po = -1;
	if (household) {
		mahalle_load(db, &e->mahalle);
		household_bind(e);
		if (person)
			e->fields[n++] = (struct hane_ui_field){
				.kind = HANE_UI_F_HEADING,
				.label = HANE_M_UI_HEAD_HOUSEHOLD};
		e->ho = n;
		hane_ui_record_fields(e->fields + n, &e->hrec);
		n += H__COUNT;
	}
	if (person) {
		if (household)
			e->fields[n++] = (struct hane_ui_field){
				.kind = HANE_UI_F_HEADING,
				.label = HANE_M_UI_HEAD_HEAD};
		person_choices();
		e->prec = (struct hane_ui_record){
			&hane_person_rdef, person_bind,
			relation ? P__COUNT : P__COUNT - 1, hane_mask_field,
			db};
		e->po = n;
		hane_ui_record_fields(e->fields + n, &e->prec);
		n += e->prec.n;
	}
	e->nfields = n;
}

/* Duplicate warning while typing: as soon as the TC Kimlik No is valid,
 * or name and birth date are there, ask the model. */
static void person_changed(struct hane_ui *ui, struct hane_ui_form *f, int i,
			   void *arg)
{
	struct edit *e = arg;
	struct hane_person p;
	struct hane_dup dup;
	char note[512];
	int rel = i - e->po, rc;

	if (e->po < 0 || (rel != P_TCKN && rel != P_FIRST && rel != P_LAST &&
			  rel != P_BIRTH))
		return;
	p = e->p;
	hane_ui_record_store(f, e->po, &e->prec, &p);
	if (p.tckn[0] && !hane_tckn_valid(p.tckn))
		p.tckn[0] = '\0';
	hane_ui_form_note(f, e->po + P_TCKN, NULL);
	hane_ui_form_note(f, e->po + P_FIRST, NULL);
	if (!p.tckn[0] &&
	    !(p.first_name[0] && p.last_name[0] && p.birth_date[0]))
		return;
	memset(&dup, 0, sizeof dup);
	rc = hane_person_check_duplicate(hane_ui_db(ui), &p, &dup);
	if (rc == HANE_EEXIST && dup.existing_id != e->p.id) {
		snprintf(note, sizeof note, hane_msg(HANE_M_UI_DUP_TCKN),
			 dup.name, (long long)dup.household_id);
		hane_ui_form_note(f, e->po + P_TCKN, note);
	} else if (rc == 0 && dup.similar_id && dup.similar_id != e->p.id) {
		snprintf(note, sizeof note, hane_msg(HANE_M_UI_DUP_SIMILAR),
			 dup.name, (long long)dup.household_id);
		hane_ui_form_note(f, e->po + P_FIRST, note);
	}
}

/* After a write: "Kaydedildi" in the status line, or the error shown. */
static int saved_or_error(struct hane_ui *ui, int rc)
{
	if (rc != 0)
		hane_ui_error_rc(ui, rc);
	else
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_SAVED));
	return rc;
}

/* Writes rec (a record of r, in the form from field at) with update; a
 * conflict asks whose version stays: reload puts theirs into stored and
 * the form, overwrite writes ours over theirs, cancel leaves the form as
 * typed. 0 when saved. */
static int update_resolving(struct hane_ui *ui, struct hane_ui_form *f,
			    const struct hane_ui_record *r, int at, void *rec,
			    void *stored, int (*update)(hane_db *, void *),
			    int (*get)(hane_db *, int64_t, void *))
{
	hane_db *db = hane_ui_db(ui);
	char *base = rec;
	int rc;

	while ((rc = update(db, rec)) == HANE_ECONFLICT) {
		switch (conflict_dialog(ui)) {
		case 0: /* reload: their version replaces what was typed */
			if (get(db, *(int64_t *)(base + r->def->id), stored) ==
			    0) {
				hane_ui_record_fill(f, at, r, stored);
				hane_ui_form_set_clean(f);
			}
			hane_ui_status(ui, false, "%s",
				       hane_msg(HANE_M_UI_RELOADED));
			return rc;
		case 1: /* overwrite: ours on top of their version */
			*(int64_t *)(base + r->def->version) =
				hane_store_last_conflict(db)->version;
			continue;
		default:
			return rc;
		}
	}
	return saved_or_error(ui, rc);
}

static int person_update(hane_db *db, void *p)
{
	return hane_person_update(db, p);
}

static int person_get(hane_db *db, int64_t id, void *p)
{
	return hane_person_get(db, id, p);
}

static int household_update(hane_db *db, void *h)
{
	return hane_household_update(db, h);
}

static int household_get(hane_db *db, int64_t id, void *h)
{
	return hane_household_get(db, id, h);
}

static int person_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct edit *e = arg;
	struct hane_person p = e->p;
	struct hane_dup dup;
	int rc;

	hane_ui_record_store(f, e->po, &e->prec, &p);
	if (p.id)
		rc = update_resolving(ui, f, &e->prec, e->po, &p, &e->p,
				      person_update, person_get);
	else
		rc = saved_or_error(ui, hane_person_add(hane_ui_db(ui), &p,
							&e->new_person, &dup));
	if (rc == 0)
		e->p = p;
	return rc;
}

static int household_save(struct hane_ui *ui, struct hane_ui_form *f, void *arg)
{
	struct edit *e = arg;
	struct hane_household h = e->h;
	struct hane_person p = e->p;
	struct hane_dup dup;

	hane_ui_record_store(f, e->ho, &e->hrec, &h);
	if (e->po < 0)
		return update_resolving(ui, f, &e->hrec, e->ho, &h, &e->h,
					household_update, household_get);
	/* a new household with its head */
	hane_ui_record_store(f, e->po, &e->prec, &p);
	return saved_or_error(ui, hane_household_create(hane_ui_db(ui), &h, &p,
							&e->new_household,
							&e->new_person, &dup));
}

/* Runs an edit form; returns 1 when saved. */
static int edit_run(struct hane_ui *ui, struct edit *e, const char *title,
		    bool is_household)
{
	struct hane_ui_form_view v = {
		.title = title,
		.fields = e->fields,
		.nfields = e->nfields,
		.changed = person_changed,
		.save = is_household ? household_save : person_save,
		.arg = e,
	};
	struct hane_ui_form *f = hane_ui_form_new(&v);
	int saved;

	if (!f)
		return 0;
	if (e->ho >= 0)
		hane_ui_record_fill(f, e->ho, &e->hrec, &e->h);
	if (e->po >= 0)
		hane_ui_record_fill(f, e->po, &e->prec, &e->p);
	hane_ui_form_set_clean(f);
	saved = hane_ui_form_run(ui, f);
	hane_ui_form_free(f);
	mahalle_free(&e->mahalle);
	return saved;
}

/* Edits the stored household or person id in a form; 1 when saved. */
static int stored_edit(struct hane_ui *ui, int64_t id, bool household)
{
	struct edit *e = calloc(1, sizeof *e);
	hane_db *db = hane_ui_db(ui);
	int rc, saved = 0;

	if (!e)
		return HANE_ENOMEM;
	rc = household ? hane_household_get(db, id, &e->h)
		       : hane_person_get(db, id, &e->p);
	if (rc != 0) {
		hane_ui_error_rc(ui, rc);
	} else {
		edit_build(db, e, household, !household,
			   !household && strcmp(e->p.relation, "head") != 0);
		saved = edit_run(
			ui, e,
			hane_msg(household ? HANE_M_UI_TITLE_HH_EDIT
					   : HANE_M_UI_TITLE_PERSON_EDIT),
			household);
	}
	free(e);
	return saved;
}

static int person_edit(struct hane_ui *ui, int64_t person_id)
{
	return stored_edit(ui, person_id, false);
}

static int person_new(struct hane_ui *ui, int64_t household_id)
{
	struct edit *e = calloc(1, sizeof *e);
	int saved;

	if (!e)
		return HANE_ENOMEM;
	hane_person_init(&e->p);
	e->p.household_id = household_id;
	snprintf(e->p.relation, sizeof e->p.relation, "spouse");
	edit_build(hane_ui_db(ui), e, false, true, true);
	saved = edit_run(ui, e, hane_msg(HANE_M_UI_TITLE_PERSON_NEW), false);
	free(e);
	return saved;
}

static int household_edit(struct hane_ui *ui, int64_t household_id)
{
	return stored_edit(ui, household_id, true);
}

/* New household with its head; returns the new household's id or 0. */
static int64_t household_new(struct hane_ui *ui)
{
	struct edit *e = calloc(1, sizeof *e);
	int64_t id = 0;

	if (!e)
		return 0;
	hane_household_init(&e->h);
	hane_person_init(&e->p);
	edit_build(hane_ui_db(ui), e, true, true, false);
	if (edit_run(ui, e, hane_msg(HANE_M_UI_TITLE_HH_NEW), true))
		id = e->new_household;
	free(e);
	return id;
}

/* ---- Person search ------------------------------------------------------ */

enum { C_TCKN, C_NAME, C_BIRTH, C_MAHALLE, C_HH, C_STATUS, C__COUNT };

/* Narrow screens lose Durum first and Ad Soyad never (UI.md). */
static const struct hane_ui_column search_cols[C__COUNT] = {
	[C_TCKN] = HANE_UI_COL_TEXT(HANE_M_UI_COL_TCKN, 11, 12, 3),
	[C_NAME] = HANE_UI_COL_FLEX(HANE_M_UI_COL_NAME, 14, 24, 0),
	[C_BIRTH] = HANE_UI_COL_DATE(HANE_M_UI_COL_BIRTH, 4),
	[C_MAHALLE] = HANE_UI_COL_TEXT(HANE_M_UI_COL_MAHALLE, 8, 16, 5),
	[C_HH] = HANE_UI_COL_NUM(HANE_M_UI_COL_HH, 5, 7, 2),
	[C_STATUS] = HANE_UI_COL_TEXT(HANE_M_UI_COL_STATUS, 5, 6, 6),
};

struct search_fill {
	hane_db *db;
	struct hane_ui_list *l;
	int rc;
};

static int search_hit(const struct hane_person_hit *hit, void *arg)
{
	struct search_fill *s = arg;
	char tckn[32], name[2 * HANE_NAME_MAX + 2], birth[HANE_DATE_LEN + 1];
	char hh[32];
	const char *cells[C__COUNT];

	list_tckn(tckn, sizeof tckn, hit->tckn);
	snprintf(name, sizeof name, "%s %s", hit->first_name, hit->last_name);
	hane_date_format(birth, hit->birth_date);
	snprintf(hh, sizeof hh, "#%lld", (long long)hit->household_id);
	cells[C_TCKN] = tckn;
	cells[C_NAME] = name;
	cells[C_BIRTH] = birth;
	cells[C_MAHALLE] = hit->mahalle;
	cells[C_HH] = hh;
	cells[C_STATUS] = status_label(hit->status);
	s->rc = hane_ui_list_add(s->l, hit->person_id, cells);
	return s->rc;
}

static int search_fill(struct hane_ui *ui, struct hane_ui_list *l,
		       const char *query, int rows, void *arg)
{
	struct search_fill s = {hane_ui_db(ui), l, 0};
	int rc;

	(void)arg;
	rc = hane_person_search(s.db, query, rows, 0, search_hit, &s, NULL);
	if (rc < 0 && !query[0])
		return 0; /* nothing typed yet: an empty list is right */
	return rc < 0 ? rc : s.rc;
}

/* The registry's size for the title line. Counting a million rows on
 * every keystroke would cost more than the search itself, so it is counted
 * when the list opens and again after a change made from it. */
struct search_ctx {
	int64_t count;
	bool stale;
};

static void search_info(struct hane_ui *ui, char *out, size_t outsz, void *arg)
{
	struct search_ctx *c = arg;
	char num[32];

	if (c->stale) {
		if (hane_person_count(hane_ui_db(ui), &c->count) != 0)
			c->count = -1;
		c->stale = false;
	}
	if (c->count < 0) {
		out[0] = '\0';
		return;
	}
	snprintf(out, outsz, hane_msg(HANE_M_UI_N_PERSONS),
		 hane_num_format(num, sizeof num, c->count));
}

static int household_detail(struct hane_ui *ui, int64_t household_id,
			    int64_t focus);

static int search_act(struct hane_ui *ui, struct hane_ui_list *l,
		      enum hane_ui_action a, void *arg)
{
	int64_t id = hane_ui_list_selected_id(l);
	struct search_ctx *c = arg;
	struct hane_person p;

	c->stale = true;
	if (!id && (a == HANE_UI_A_OPEN || a == HANE_UI_A_EDIT)) {
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_PICK_ROW));
		return HANE_UI_STAY;
	}
	switch (a) {
	case HANE_UI_A_OPEN:
		if (!id)
			break;
		if (hane_person_get(hane_ui_db(ui), id, &p) != 0) {
			hane_ui_error_rc(ui, HANE_ENOTFOUND);
			break;
		}
		household_detail(ui, p.household_id, p.id);
		break;
	case HANE_UI_A_EDIT:
		if (id)
			person_edit(ui, id);
		break;
	case HANE_UI_A_NEW: {
		int64_t hh = household_new(ui);

		if (hh)
			household_detail(ui, hh, 0);
		break;
	}
	default:
		break;
	}
	return HANE_UI_STAY;
}

static const enum hane_ui_action search_acts[] = {
	HANE_UI_A_HELP, HANE_UI_A_SEARCH, HANE_UI_A_EDIT, HANE_UI_A_NEW,
	HANE_UI_A_SORT, HANE_UI_A_OPEN,	  HANE_UI_A_BACK, HANE_UI_A_QUIT};

int hane_ui_households_search(struct hane_ui *ui, const char *query)
{
	struct hane_ui_list_view v = {
		.title = hane_msg(HANE_M_UI_TITLE_SEARCH),
		HANE_UI_COLUMNS(search_cols),
		HANE_UI_BAR(search_acts),
		.fill = search_fill,
		.act = search_act,
		.info = search_info,
		.query = query,
		.prompt = HANE_M_UI_TYPE_TO_SEARCH,
	};
	struct search_ctx ctx = {0, true};

	v.arg = &ctx;
	hane_ui_list_show(ui, &v);
	return 0;
}

int hane_ui_households_main(struct hane_ui *ui)
{
	return hane_ui_households_search(ui, NULL);
}

/* ---- Move a person ------------------------------------------------------ */

static int pick_act(struct hane_ui *ui, struct hane_ui_list *l,
		    enum hane_ui_action a, void *arg)
{
	int64_t *chosen = arg;

	(void)ui;
	if (a != HANE_UI_A_CHOOSE || !hane_ui_list_selected_id(l))
		return HANE_UI_STAY;
	*chosen = hane_ui_list_selected_id(l);
	return HANE_UI_CLOSE;
}

int64_t hane_ui_person_pick(struct hane_ui *ui, const char *title,
			    enum hane_msg hint)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_CHOOSE, HANE_UI_A_BACK,
		HANE_UI_A_QUIT};
	int64_t chosen = 0;
	struct hane_ui_list_view v = {
		.title = title,
		HANE_UI_COLUMNS(search_cols),
		HANE_UI_BAR(acts),
		.fill = search_fill,
		.act = pick_act,
		.arg = &chosen,
		.prompt = HANE_M_UI_TYPE_TO_SEARCH,
	};

	if (hint)
		hane_ui_status(ui, false, "%s", hane_msg(hint));
	hane_ui_list_show(ui, &v);
	return hane_ui_quitting(ui) ? 0 : chosen;
}

static void person_move(struct hane_ui *ui, int64_t person_id)
{
	hane_db *db = hane_ui_db(ui);
	struct hane_person p, t;
	int64_t target, chosen;
	char q[512];
	int rc;

	if (hane_person_get(db, person_id, &p) != 0)
		return;
	chosen = hane_ui_person_pick(ui, hane_msg(HANE_M_UI_TITLE_MOVE),
				     HANE_M_UI_MOVE_HINT);
	if (!chosen || hane_person_get(db, chosen, &t) != 0)
		return;
	target = t.household_id;
	if (target == p.household_id) {
		hane_ui_status(ui, true, "%s", hane_msg(HANE_M_UI_MOVE_SAME));
		return;
	}
	snprintf(q, sizeof q, hane_msg(HANE_M_UI_MOVE_CONFIRM), p.first_name,
		 p.last_name, (long long)target);
	if (!hane_ui_confirm(ui, q))
		return;
	rc = hane_person_move(db, p.id, p.version, target, NULL);
	if (rc == HANE_ECONFLICT) {
		const struct hane_conflict *c = hane_store_last_conflict(db);

		snprintf(q, sizeof q, hane_msg(HANE_M_UI_CONFLICT_SHORT),
			 c->updated_by, c->updated_at);
		hane_ui_error(ui, q);
	} else if (rc != 0) {
		hane_ui_error_rc(ui, rc);
	} else {
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_MOVED));
	}
}

/* ---- Household detail --------------------------------------------------- */

enum { M_NAME, M_RELATION, M_AGE, M_DISAB, M_TCKN, M__COUNT };

static const struct hane_ui_column member_cols[M__COUNT] = {
	[M_NAME] = HANE_UI_COL_FLEX(HANE_M_UI_COL_NAME, 12, 20, 0),
	[M_RELATION] = HANE_UI_COL_TEXT(HANE_M_UI_COL_RELATION, 6, 9, 2),
	[M_AGE] = HANE_UI_COL_NUM(HANE_M_UI_COL_AGE, 3, 3, 3),
	[M_DISAB] = HANE_UI_COL_NUM(HANE_M_UI_COL_DISAB, 4, 6, 4),
	[M_TCKN] = HANE_UI_COL_TEXT(HANE_M_UI_COL_TCKN, 11, 11, 5),
};

struct detail {
	int64_t id;
	int64_t focus; /* the member to select on opening (0: the first) */
	struct hane_household h;
	struct hane_person members[64];
	size_t n;
	/* Values revealed with F9 (each logged when revealed). */
	bool show_phone, show_address, show_notes;
	int64_t show_tckn[64];
	size_t nshow_tckn;
};

static bool tckn_revealed(const struct detail *s, int64_t person_id)
{
	for (size_t i = 0; i < s->nshow_tckn; i++)
		if (s->show_tckn[i] == person_id)
			return true;
	return false;
}

/* KVKK: the read is logged before anything is drawn, in one transaction
 * (the household and each member shown); an access that cannot be
 * answered for does not happen. */
static int log_household_view(hane_db *db, const struct detail *s)
{
	int rc = hane_store_begin(db);

	if (rc)
		return rc;
	rc = hane_log_event(db, "household.view", "household", s->id, NULL);
	for (size_t i = 0; i < s->n && rc == 0; i++)
		rc = hane_log_read(db, "person.view", s->members[i].id);
	if (rc) {
		hane_store_rollback(db);
		return rc;
	}
	return hane_store_commit(db);
}

/* The household's lines above its members: address, phone, income,
 * members and status, notes — each as the gate and F9 allow. */
static void household_lines(hane_db *db, struct hane_ui_detail *d,
			    const struct detail *s)
{
	char phone[32], money[48], addr[600], notes[HANE_TEXT_MAX];

	if (hane_sees_unmasked(db) || s->show_address)
		snprintf(addr, sizeof addr, "%s%s%s%s%s%s%s%s", s->h.street,
			 s->h.building[0] ? " No:" : "", s->h.building,
			 s->h.door[0] ? " D:" : "", s->h.door,
			 s->h.street[0] || s->h.building[0] ? ", " : "",
			 s->h.mahalle[0] ? s->h.mahalle : "-", "");
	else
		hane_mask_address(db, addr, sizeof addr, s->h.mahalle,
				  s->h.street, s->h.building, s->h.door);
	hane_ui_detail_line(d, "%s", addr[0] ? addr : "-");
	if (!s->h.phone[0])
		snprintf(phone, sizeof phone, "-");
	else if (s->show_phone)
		hane_phone_format(phone, sizeof phone, s->h.phone, false);
	else
		hane_mask_phone(db, phone, sizeof phone, s->h.phone);
	if (s->h.income_kurus >= 0)
		hane_money_format(money, sizeof money, s->h.income_kurus, true);
	else
		snprintf(money, sizeof money, "-");
	hane_ui_detail_line(d, hane_msg(HANE_M_UI_HH_LINE), phone, money,
			    s->h.members, status_label(s->h.status));
	if (s->h.notes[0])
		hane_ui_detail_line(d, "%s",
				    s->show_notes ? s->h.notes
						  : hane_mask_text(db, notes,
								   sizeof notes,
								   s->h.notes));
}

/* One member's row: name, relation, age, disability, TC Kimlik No
 * (masked unless revealed or the role sees it). */
static int member_row(hane_db *db, struct hane_ui_list *l,
		      const struct detail *s, const struct hane_person *p,
		      const char *today)
{
	char name[2 * HANE_NAME_MAX + 2], age[16], dis[16], tckn[32];
	const char *cells[M__COUNT];
	int a = p->birth_date[0] ? hane_date_age(p->birth_date, today) : -1;

	snprintf(name, sizeof name, "%s %s", p->first_name, p->last_name);
	if (a >= 0)
		snprintf(age, sizeof age, "%d", a);
	else
		snprintf(age, sizeof age, "-");
	if (p->disability_pct > 0)
		snprintf(dis, sizeof dis, "%%%d", p->disability_pct);
	else
		dis[0] = '\0';
	if (!p->tckn[0])
		snprintf(tckn, sizeof tckn, "-");
	else if (tckn_revealed(s, p->id))
		snprintf(tckn, sizeof tckn, "%s", p->tckn);
	else
		hane_mask_tckn(db, tckn, sizeof tckn, p->tckn);
	cells[M_NAME] = name;
	cells[M_RELATION] = hane_relation_label(p->relation);
	cells[M_AGE] = age;
	cells[M_DISAB] = dis;
	cells[M_TCKN] = tckn;
	return hane_ui_list_add(l, p->id, cells);
}

static int detail_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	struct detail *s = arg;
	hane_db *db = hane_ui_db(ui);
	struct hane_ui_list *l = hane_ui_detail_list(d);
	char title[256], today[HANE_DATE_LEN + 1];
	const char *head = "";
	int rc;

	rc = hane_household_get(db, s->id, &s->h);
	if (rc == 0)
		rc = hane_household_members(db, s->id, s->members, 64, &s->n);
	if (rc == 0)
		rc = log_household_view(db, s);
	if (rc != 0) {
		hane_ui_detail_clear(d);
		hane_ui_error_rc(ui, rc);
		return rc;
	}
	for (size_t i = 0; i < s->n; i++)
		if (s->members[i].id == s->h.head_id)
			head = s->members[i].last_name;
	snprintf(title, sizeof title, hane_msg(HANE_M_UI_HH_TITLE),
		 (long long)s->id, head);
	hane_ui_detail_title(d, title);
	household_lines(db, d, s);
	hane_today(today);
	for (size_t i = 0; i < s->n; i++)
		if (member_row(db, l, s, &s->members[i], today) != 0)
			break;
	if (s->focus) {
		hane_ui_list_select_id(l, s->focus);
		s->focus = 0;
	}
	hane_ui_services_fill(ui, s->id, d);
	return 0;
}

/* A masked value a page may reveal: the gate's name of the field, its
 * label, and the page's flag that shows it (NULL: the caller's to set). */
struct reveal {
	const char *field;
	enum hane_msg label;
	bool *shown;
};

/* F9: asks which of r[0..n) to show, its first the TC Kimlik No of first
 * (a name), and reveals it for person_id (checks person.reveal and logs).
 * Returns the index chosen, its flag set, or -1 (cancelled or refused:
 * the reason in the status line). */
static int reveal_pick(struct hane_ui *ui, int64_t person_id, const char *first,
		       const struct reveal *r, int n)
{
	const char *labels[4];
	char who[300];
	int c, rc;

	if (hane_sees_unmasked(hane_ui_db(ui))) {
		hane_ui_status(ui, false, "%s",
			       hane_msg(HANE_M_KVKK_ALL_SHOWN));
		return -1;
	}
	snprintf(who, sizeof who, hane_msg(HANE_M_KVKK_FIELD_TCKN), first);
	labels[0] = who;
	for (int i = 1; i < n; i++)
		labels[i] = hane_msg(r[i].label);
	c = hane_ui_choose(ui, hane_msg(HANE_M_KVKK_REVEAL_TITLE), labels, n,
			   0);
	if (c < 0 || !person_id)
		return -1;
	rc = hane_reveal(hane_ui_db(ui), person_id, r[c].field);
	if (rc) {
		hane_ui_status(ui, true, "%s", hane_error_last());
		return -1;
	}
	hane_ui_status(ui, false, "%s", hane_msg(HANE_M_KVKK_REVEALED));
	if (r[c].shown)
		*r[c].shown = true;
	return c;
}

static void household_reveal(struct hane_ui *ui, struct detail *s,
			     int64_t member)
{
	const struct reveal r[] = {
		{"tckn", HANE_M_KVKK_FIELD_TCKN, NULL},
		{"phone", HANE_M_KVKK_FIELD_PHONE, &s->show_phone},
		{"address", HANE_M_KVKK_FIELD_ADDRESS, &s->show_address},
		{"notes", HANE_M_KVKK_FIELD_NOTES, &s->show_notes},
	};
	const char *first = "";
	int64_t pid = member ? member : s->h.head_id;

	for (size_t i = 0; i < s->n; i++)
		if (s->members[i].id == pid)
			first = s->members[i].first_name;
	/* The numbers shown are the members chosen, one by one. */
	if (reveal_pick(ui, pid, first, r, 4) == 0 &&
	    s->nshow_tckn < sizeof s->show_tckn / sizeof s->show_tckn[0])
		s->show_tckn[s->nshow_tckn++] = pid;
}

static int person_detail(struct hane_ui *ui, int64_t person_id);

static int detail_act(struct hane_ui *ui, struct hane_ui_detail *d,
		      enum hane_ui_action a, void *arg)
{
	struct detail *s = arg;
	int64_t member = hane_ui_list_selected_id(hane_ui_detail_list(d));
	hane_db *db = hane_ui_db(ui);
	int rc;

	if (!member && (a == HANE_UI_A_OPEN || a == HANE_UI_A_MOVE)) {
		hane_ui_status(ui, false, "%s", hane_msg(HANE_M_UI_PICK_ROW));
		return HANE_UI_STAY;
	}
	switch (a) {
	case HANE_UI_A_HH_360:
		/* Household 360: every unit's history, exportable
		 * (src/units/overview). */
		hane_ui_overview_household(ui, s->id);
		break;
	case HANE_UI_A_EDIT_HOUSEHOLD:
		household_edit(ui, s->id);
		break;
	case HANE_UI_A_OPEN:
		if (member)
			person_detail(ui, member);
		break;
	case HANE_UI_A_REVEAL:
		household_reveal(ui, s, member);
		break;
	case HANE_UI_A_ADD_MEMBER:
		person_new(ui, s->id);
		break;
	case HANE_UI_A_MOVE:
		if (member)
			person_move(ui, member);
		break;
	case HANE_UI_A_STATUS: {
		bool passive = strcmp(s->h.status, "passive") == 0;

		if (!hane_ui_confirm(ui,
				     hane_msg(passive ? HANE_M_UI_ASK_ACTIVE
						      : HANE_M_UI_ASK_PASSIVE)))
			break;
		rc = hane_household_set_status(db, s->id, s->h.version,
					       passive ? "active" : "passive");
		if (rc == HANE_ECONFLICT) {
			const struct hane_conflict *c =
				hane_store_last_conflict(db);
			char q[512];

			snprintf(q, sizeof q,
				 hane_msg(HANE_M_UI_CONFLICT_SHORT),
				 c->updated_by, c->updated_at);
			hane_ui_error(ui, q);
		} else if (rc != 0) {
			hane_ui_error_rc(ui, rc);
		}
		break;
	}
	default:
		break;
	}
	return HANE_UI_STAY;
}

/* The household page of household_id, its member focus (a person id, 0:
 * the first) selected: the person searched for, not the head. */
static int household_detail(struct hane_ui *ui, int64_t household_id,
			    int64_t focus)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP,		  HANE_UI_A_HH_360,
		HANE_UI_A_EDIT_HOUSEHOLD, HANE_UI_A_ADD_MEMBER,
		HANE_UI_A_MOVE,		  HANE_UI_A_STATUS,
		HANE_UI_A_REVEAL,	  HANE_UI_A_OPEN,
		HANE_UI_A_BACK,		  HANE_UI_A_QUIT};
	struct detail *s = calloc(1, sizeof *s);
	struct hane_ui_detail_view v = {
		.title = "",
		HANE_UI_COLUMNS(member_cols),
		.list_title = HANE_M_UI_MEMBERS,
		.panel_title = HANE_M_UI_SERVICES,
		.panel_empty = HANE_M_UI_PANEL_EMPTY,
		HANE_UI_BAR(acts),
		.load = detail_load,
		.act = detail_act,
	};
	int rc;

	if (!s)
		return HANE_ENOMEM;
	s->id = household_id;
	s->focus = focus;
	v.arg = s;
	rc = hane_ui_detail_run(ui, &v);
	free(s);
	return rc;
}

/* ---- Person detail ------------------------------------------------------ */

struct pdetail {
	int64_t id;
	struct hane_person p;
	bool show_tckn, show_phone, show_illness; /* revealed with F9 */
};

static int pdetail_load(struct hane_ui *ui, struct hane_ui_detail *d, void *arg)
{
	struct pdetail *s = arg;
	hane_db *db = hane_ui_db(ui);
	char title[300], buf[HANE_TEXT_MAX], today[HANE_DATE_LEN + 1];
	const char *sex;
	int rc;

	rc = hane_person_get(db, s->id, &s->p);
	/* KVKK: logged before anything is drawn; no log, no data. */
	if (rc == 0)
		rc = hane_log_read(db, "person.view", s->id);
	if (rc != 0) {
		hane_ui_detail_clear(d);
		hane_ui_error_rc(ui, rc);
		return rc;
	}
	snprintf(title, sizeof title, hane_msg(HANE_M_KVKK_PERSON_TITLE),
		 s->p.first_name, s->p.last_name);
	hane_ui_detail_title(d, title);
	/* The name first (the crumb may be shortened at 80 columns), with
	 * the numbers staff refer to (the CLI takes KİŞİ_NO and HANE_NO). */
	hane_ui_detail_line(d, hane_msg(HANE_M_UI_PERSON_LINE), s->p.first_name,
			    s->p.last_name, (long long)s->id,
			    (long long)s->p.household_id);
	if (!s->p.tckn[0])
		snprintf(buf, sizeof buf, "-");
	else if (s->show_tckn)
		snprintf(buf, sizeof buf, "%s", s->p.tckn);
	else
		hane_mask_tckn(db, buf, sizeof buf, s->p.tckn);
	hane_ui_detail_line(d, "%s: %s", hane_msg(HANE_M_UI_F_TCKN), buf);
	hane_ui_detail_line(d, "%s: %s", hane_msg(HANE_M_UI_F_BIRTH),
			    s->p.birth_date[0]
				    ? hane_date_format(buf, s->p.birth_date)
				    : "-");
	hane_today(today);
	sex = strcmp(s->p.sex, "K") == 0   ? hane_msg(HANE_M_UI_SEX_F)
	      : strcmp(s->p.sex, "E") == 0 ? hane_msg(HANE_M_UI_SEX_M)
					   : "-";
	hane_ui_detail_line(d, "%s: %s", hane_msg(HANE_M_UI_F_SEX), sex);
	if (s->p.disability_pct >= 0)
		hane_ui_detail_line(d, "%s: %d", hane_msg(HANE_M_UI_F_DISAB),
				    s->p.disability_pct);
	if (s->p.chronic_illness[0])
		hane_ui_detail_line(
			d, "%s: %s", hane_msg(HANE_M_UI_F_ILLNESS),
			s->show_illness ? s->p.chronic_illness
					: hane_mask_text(db, buf, sizeof buf,
							 s->p.chronic_illness));
	if (!s->p.phone[0])
		snprintf(buf, sizeof buf, "-");
	else if (s->show_phone)
		hane_phone_format(buf, sizeof buf, s->p.phone, false);
	else
		hane_mask_phone(db, buf, sizeof buf, s->p.phone);
	hane_ui_detail_line(d, "%s: %s", hane_msg(HANE_M_UI_F_PHONE), buf);
	hane_ui_detail_line(d, "%s: #%lld · %s",
			    hane_msg(HANE_M_KVKK_HOUSEHOLD_OF),
			    (long long)s->p.household_id,
			    hane_relation_label(s->p.relation));
	hane_ui_services_fill(ui, s->p.household_id, d);
	/* What this person receives or can receive, a row a unit. */
	return hane_ui_person_units_fill(ui, s->id, hane_ui_detail_list(d));
}

static int pdetail_act(struct hane_ui *ui, struct hane_ui_detail *d,
		       enum hane_ui_action a, void *arg)
{
	struct pdetail *s = arg;
	const struct reveal r[] = {
		{"tckn", HANE_M_KVKK_FIELD_TCKN, &s->show_tckn},
		{"phone", HANE_M_KVKK_FIELD_PHONE, &s->show_phone},
		{"chronic_illness", HANE_M_KVKK_FIELD_ILLNESS,
		 &s->show_illness},
	};
	int64_t unit = hane_ui_list_selected_id(hane_ui_detail_list(d));

	switch (a) {
	case HANE_UI_A_EDIT:
		person_edit(ui, s->id);
		break;
	case HANE_UI_A_OPEN:
		if (unit)
			hane_ui_person_unit_open(ui, unit, s->id);
		else
			hane_ui_status(ui, false, "%s",
				       hane_msg(HANE_M_UI_PICK_ROW));
		break;
	case HANE_UI_A_REVEAL:
		reveal_pick(ui, s->id, s->p.first_name, r, 3);
		break;
	default:
		break;
	}
	return HANE_UI_STAY;
}

static const struct hane_ui_column person_unit_cols[] = {
	HANE_UI_COL_TEXT(HANE_M_UI_COL_UNIT, 8, 14, 1),
	HANE_UI_COL_FLEX(HANE_M_UI_COL_STATE, 16, 28, 0),
};

/* A person's page: what the role may see, F9 reveals one value, F4
 * edits, Enter opens a unit's row (what the person receives or can
 * receive there). */
static int person_detail(struct hane_ui *ui, int64_t person_id)
{
	static const enum hane_ui_action acts[] = {
		HANE_UI_A_HELP, HANE_UI_A_EDIT, HANE_UI_A_REVEAL,
		HANE_UI_A_OPEN, HANE_UI_A_BACK, HANE_UI_A_QUIT};
	struct pdetail s = {.id = person_id};
	struct hane_ui_detail_view v = {
		.title = "",
		HANE_UI_COLUMNS(person_unit_cols),
		.list_title = HANE_M_UI_PERSON_UNITS,
		.panel_title = HANE_M_UI_SERVICES,
		.panel_empty = HANE_M_UI_PANEL_EMPTY,
		HANE_UI_BAR(acts),
		.load = pdetail_load,
		.act = pdetail_act,
		.arg = &s,
	};

	return hane_ui_detail_run(ui, &v);
}

int hane_ui_person_page(struct hane_ui *ui, int64_t person_id)
{
	return person_detail(ui, person_id);
}
