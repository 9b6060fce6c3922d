/* Household import: CSV rows (persons) → the registry, in one transaction.
 *
 * The flow is file → csvio reader → this mapping (header → fields, text →
 * values, checked with core and the model's validators) → the model's
 * create/add/update inside one transaction. Every check that can reject a
 * row runs BEFORE the model is called, because a failure inside a model
 * call would roll back (doom) the whole import; a model call that still
 * fails is therefore an error of the import, not of the row.
 *
 * Memory stays flat in the file size apart from two compact hash tables:
 * TC Kimlik numbers seen (to reject the same number twice in one file)
 * and household groups ("Hane No" → household id), freed before the
 * commit; the bulk writer holds a few thousand rows at a time.
 *
 * Each number is looked up in the registry once, here (the bulk writer is
 * told so and does not look again), and not at all when the registry was
 * empty at the start: then only the file itself can repeat a number.
 */
#include "hane/households_csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/files.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "households_int.h"

/* ---- The columns ----------------------------------------------------------- */

enum field {
	F_HOUSEHOLD,
	F_TCKN,
	F_FIRST,
	F_LAST,
	F_FULL,
	F_BIRTH,
	F_SEX,
	F_RELATION,
	F_DISABILITY,
	F_CHRONIC,
	F_PHONE,
	F_HH_PHONE,
	F_MAHALLE,
	F_STREET,
	F_BUILDING,
	F_DOOR,
	F_SIZE,
	F_INCOME,
	F_NOTES,
	F__COUNT,
	F_IGNORE = -2,
	F_UNKNOWN = -1,
};

/* The fields and the column titles each is known by (compared folded
 * and without spaces). A field of the person or the household (found by
 * its CLI option) takes its title (the label, which export writes) and
 * the other titles from the field table in hane/households.h; the
 * importer's own fields (a full name, the household's size) list theirs
 * here. */
#define P(opt)                                                                 \
	{                                                                      \
		&hane_person_rdef, opt, NULL                                   \
	}
#define H(opt)                                                                 \
	{                                                                      \
		&hane_household_rdef, opt, NULL                                \
	}
static const struct hane_csv_import_field fields[F__COUNT] = {
	[F_HOUSEHOLD] = P("household"),
	[F_TCKN] = P("tckn"),
	[F_FIRST] = P("first"),
	[F_LAST] = P("last"),
	[F_FULL] = {NULL, NULL,
		    "Ad Soyad|Adı Soyadı|İsim Soyisim|Ad ve Soyad|"
		    "Adı ve Soyadı|Full Name|Name"},
	[F_BIRTH] = P("birth"),
	[F_SEX] = P("sex"),
	[F_RELATION] = P("relation"),
	[F_DISABILITY] = P("disability"),
	[F_CHRONIC] = P("chronic"),
	[F_PHONE] = P("phone"),
	[F_HH_PHONE] = H("phone"),
	[F_MAHALLE] = H("mahalle"),
	[F_STREET] = H("street"),
	[F_BUILDING] = H("building"),
	[F_DOOR] = H("door"),
	[F_SIZE] = {NULL, NULL, "Hane Nüfusu|Kişi Sayısı|Nüfus|Household Size"},
	[F_INCOME] = H("income"),
	[F_NOTES] = H("notes"),
};
#undef P
#undef H

/* The name --map knows a field by, where it is not the field's column. */
static const char *const names[F__COUNT] = {
	[F_HOUSEHOLD] = "household",   [F_FULL] = "full_name",
	[F_DISABILITY] = "disability", [F_HH_PHONE] = "household_phone",
	[F_SIZE] = "household_size",   [F_INCOME] = "income",
};

/* A plain field is text copied as given. */
static const bool plain[F__COUNT] = {
	[F_CHRONIC] = true, [F_STREET] = true, [F_BUILDING] = true,
	[F_DOOR] = true,    [F_NOTES] = true,
};

/* A households import writes its audit event through the bulk writer. */
static const struct hane_csv_import_spec import_spec = {
	.fields = fields,
	.nfields = F__COUNT,
	.rejects_column = HANE_M_IMP_REJECTS_COLUMN,
};

/* The table's field behind f, or NULL for the importer's own (looked up
 * once: an import asks a million times). */
static const struct hane_fdef *field_def(int f)
{
	static const struct hane_fdef *defs[F__COUNT];
	static bool ready;

	if (!ready) {
		for (int k = 0; k < F__COUNT; k++)
			defs[k] = hane_csv_import_fdef(&fields[k]);
		ready = true;
	}
	return defs[f];
}

static const char *field_name(int f)
{
	return names[f] ? names[f] : field_def(f)->column;
}

/* The record of field f: the person's or the household's. */
static void *field_rec(int f, struct hane_person *p, struct hane_household *h)
{
	return fields[f].def == &hane_person_rdef ? (void *)p : (void *)h;
}

const char *const *hane_households_csv_fields(void)
{
	static const char *all[F__COUNT + 2];

	if (!all[0]) {
		for (int i = 0; i < F__COUNT; i++)
			all[i] = field_name(i);
		all[F__COUNT] = "ignore";
	}
	return all;
}

/* A column title or field name → field, F_IGNORE or F_UNKNOWN; titles are
 * the import's (hane_csv_import_open resolved them). */
static int field_lookup(const struct hane_csv_import *ci, const char *title)
{
	char key[128], cand[128];

	hane_csv_title_key(key, sizeof key, title);
	if (!key[0])
		return F_UNKNOWN;
	if (!strcmp(key, "ignore") || !strcmp(key, "yoksay"))
		return F_IGNORE;
	for (int f = 0; f < F__COUNT; f++) {
		hane_csv_title_key(cand, sizeof cand, field_name(f));
		if (!strcmp(key, cand) ||
		    hane_csv_title_find(title, &ci->titles[f], 1) == 0)
			return f;
	}
	return F_UNKNOWN;
}

/* ---- A small hash table: 64-bit key → 64-bit value ------------------------ */

struct slot {
	uint64_t key; /* 0: empty */
	int64_t val;
};

/* Key and value side by side: a look-up in a table of a million is one
 * cache miss, not two. */
struct table {
	struct slot *s;
	size_t cap, n;
};

static uint64_t key_fix(uint64_t k)
{
	return k ? k : 1;
}

/* Room for n keys at most three quarters full (linear probing stays at a
 * few probes); false when out of memory. */
static bool table_reserve(struct table *t, size_t n)
{
	struct table g = {0};

	if (n * 4 <= t->cap * 3)
		return true;
	g.cap = t->cap ? t->cap : 1024;
	while (g.cap * 3 < n * 4)
		g.cap *= 2;
	g.s = calloc(g.cap, sizeof(*g.s));
	if (!g.s)
		return false;
	for (size_t j = 0; j < t->cap; j++) {
		size_t i;

		if (!t->s[j].key)
			continue;
		i = (t->s[j].key * 0x9E3779B97F4A7C15ull) & (g.cap - 1);
		while (g.s[i].key)
			i = (i + 1) & (g.cap - 1);
		g.s[i] = t->s[j];
	}
	g.n = t->n;
	free(t->s);
	*t = g;
	return true;
}

static int64_t *table_slot(struct table *t, uint64_t k, bool insert)
{
	size_t i;

	k = key_fix(k);
	if (insert && !table_reserve(t, t->n + 1))
		return NULL;
	if (!t->cap)
		return NULL;
	i = (k * 0x9E3779B97F4A7C15ull) & (t->cap - 1);
	while (t->s[i].key) {
		if (t->s[i].key == k)
			return &t->s[i].val;
		i = (i + 1) & (t->cap - 1);
	}
	if (!insert)
		return NULL;
	t->s[i].key = k;
	t->s[i].val = 0;
	t->n++;
	return &t->s[i].val;
}

static void table_free(struct table *t)
{
	free(t->s);
	memset(t, 0, sizeof *t);
}

static uint64_t hash_text(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

/* ---- The import --------------------------------------------------------------- */

struct imp {
	hane_db *db;
	const struct hane_import_opts *o;
	struct hane_import_counts *c;
	struct hane_csv_import ci;	 /* the file, its columns and rejects */
	int forced[HANE_CSV_FIELDS_MAX]; /* --map: field by column index */
	struct table tckns;		 /* tckn → line */
	struct table groups; /* hash of Hane No → household id, or -line */
	hane_hh_bulk *bulk;  /* new rows go through the bulk writer */
	bool fresh;	     /* the registry was empty: nothing to look up */
	char today[HANE_DATE_LEN + 1];
};

/* One row mapped to model values. */
struct row {
	struct hane_person p;
	struct hane_household h;
	const char *group; /* "" without a Hane No column */
	bool relation_given;
	bool has[F__COUNT]; /* the file gives a non-empty value */
};

/* The --map overrides ("Column=field") into forced[i] by column index;
 * HANE_EUSAGE naming the bad spec, field or column. */
static int apply_map(struct imp *im)
{
	const struct hane_csv_record *h = &im->ci.header;
	char key[128], cand[128];

	for (int m = 0; m < im->o->nmap; m++) {
		const char *spec = im->o->map[m], *eq = strrchr(spec, '=');
		char colname[256];
		int f;
		bool found = false;

		if (!eq || eq == spec || !eq[1]) {
			hane_error_set(hane_msg(HANE_M_IMP_MAP_BAD), spec);
			return HANE_EUSAGE;
		}
		if ((f = field_lookup(&im->ci, eq + 1)) == F_UNKNOWN) {
			hane_error_set(hane_msg(HANE_M_IMP_MAP_FIELD), eq + 1);
			return HANE_EUSAGE;
		}
		snprintf(colname, sizeof colname, "%.*s", (int)(eq - spec),
			 spec);
		hane_csv_title_key(key, sizeof key, colname);
		for (size_t i = 0; i < h->nfields && i < HANE_CSV_FIELDS_MAX;
		     i++) {
			hane_csv_title_key(cand, sizeof cand,
					   hane_csv_unguard(h->fields[i]));
			if (!strcmp(key, cand)) {
				im->forced[i] = f;
				found = true;
			}
		}
		if (!found) {
			hane_error_set(hane_msg(HANE_M_IMP_MAP_COLUMN),
				       colname);
			return HANE_EUSAGE;
		}
	}
	return 0;
}

/* A column --map names, else the one its title finds. */
static int lookup(const char *title, size_t column, void *arg)
{
	const struct imp *im = arg;

	return im->forced[column] != F_UNKNOWN ? im->forced[column]
					       : field_lookup(&im->ci, title);
}

/* Maps the header row to fields (with --map overrides first). A missing
 * required column (the TC Kimlik No, a name: first and last, or full) is
 * HANE_EINVAL before anything is written. */
static int map_header(struct imp *im)
{
	const struct hane_csv_import *ci = &im->ci;
	char missing[256] = "", t[128];
	int rc;

	for (size_t i = 0; i < HANE_CSV_FIELDS_MAX; i++)
		im->forced[i] = F_UNKNOWN;
	if ((rc = apply_map(im)))
		return rc;
	hane_csv_import_map(&im->ci, lookup, im);
	if (ci->col[F_TCKN] < 0)
		strcat(missing, hane_csv_import_title(ci, F_TCKN, t, sizeof t));
	if (ci->col[F_FULL] < 0 &&
	    (ci->col[F_FIRST] < 0 || ci->col[F_LAST] < 0)) {
		if (missing[0])
			strcat(missing, ", ");
		strcat(missing,
		       hane_csv_import_title(
			       ci, ci->col[F_FIRST] < 0 ? F_FIRST : F_LAST, t,
			       sizeof t));
		strcat(missing, " / ");
		strcat(missing, hane_csv_import_title(ci, F_FULL, t, sizeof t));
	}
	return missing[0] ? hane_csv_import_missing(ci, HANE_M_IMP_MISSING,
						    missing)
			  : 0;
}

/* Copies a value, refusing rather than cutting one that does not fit. */
static int put(char *dst, size_t dstsz, const char *v, const char *title,
	       char *why, size_t whysz)
{
	if (strlen(v) >= dstsz) {
		snprintf(why, whysz, hane_msg(HANE_M_IMP_TOO_LONG), title);
		return HANE_EINVAL;
	}
	strcpy(dst, v);
	return 0;
}

static int bad(char *why, size_t whysz, const char *title, const char *msg)
{
	snprintf(why, whysz, hane_msg(HANE_M_IMP_FIELD), title, msg);
	return HANE_EINVAL;
}

static int parse_sex(char out[2], const char *v)
{
	char k[32];

	hane_text_fold(k, sizeof k, v);
	if (!strcmp(k, "k") || !strcmp(k, "kadin") || !strcmp(k, "f") ||
	    !strcmp(k, "female") || !strcmp(k, "woman"))
		strcpy(out, "K");
	else if (!strcmp(k, "e") || !strcmp(k, "erkek") || !strcmp(k, "m") ||
		 !strcmp(k, "male") || !strcmp(k, "man"))
		strcpy(out, "E");
	else
		return HANE_EINVAL;
	return 0;
}

/* "60", "%60", "60 %" → 60; -1 when not a whole number 0..100. */
static int parse_pct(const char *v)
{
	long n = 0;
	int digits = 0;

	while (*v == '%' || *v == ' ')
		v++;
	for (; *v >= '0' && *v <= '9'; v++, digits++)
		if ((n = n * 10 + (*v - '0')) > 100)
			return -1;
	while (*v == '%' || *v == ' ')
		v++;
	return digits && !*v ? (int)n : -1;
}

#define T(f) im->ci.title[f]

/* "Ayşe Nur Yılmaz" into first and last name (the last word is the last
 * name); HANE_EINVAL with the reason in why. */
static int map_full_name(struct imp *im, struct row *w, const char *full,
			 char *why, size_t whysz)
{
	const char *sp = strrchr(full, ' ');

	if (!w->has[F_FULL]) {
		snprintf(why, whysz, hane_msg(HANE_M_IMP_REQUIRED), T(F_FULL));
		return HANE_EINVAL;
	}
	if (!sp) {
		snprintf(why, whysz, hane_msg(HANE_M_IMP_NO_LASTNAME),
			 T(F_FULL));
		return HANE_EINVAL;
	}
	if ((size_t)(sp - full) >= sizeof w->p.first_name ||
	    put(w->p.last_name, sizeof w->p.last_name, sp + 1, T(F_FULL), why,
		whysz)) {
		snprintf(why, whysz, hane_msg(HANE_M_IMP_TOO_LONG), T(F_FULL));
		return HANE_EINVAL;
	}
	memcpy(w->p.first_name, full, (size_t)(sp - full));
	w->p.first_name[sp - full] = '\0';
	hane_text_trim(w->p.first_name);
	return 0;
}

/* The names: first and last name columns when the file has both and the
 * row uses them, else the full name; HANE_EINVAL with why. */
static int map_names(struct imp *im, struct row *w, const char *const *v,
		     char *why, size_t whysz)
{
	if (im->ci.col[F_FIRST] < 0 || im->ci.col[F_LAST] < 0 ||
	    (!w->has[F_FIRST] && !w->has[F_LAST] && w->has[F_FULL]))
		return map_full_name(im, w, v[F_FULL], why, whysz);
	if (!w->has[F_FIRST] || !w->has[F_LAST]) {
		enum field f = w->has[F_FIRST] ? F_LAST : F_FIRST;

		snprintf(why, whysz, hane_msg(HANE_M_IMP_REQUIRED), T(f));
		return HANE_EINVAL;
	}
	if (put(w->p.first_name, sizeof w->p.first_name, v[F_FIRST], T(F_FIRST),
		why, whysz) ||
	    put(w->p.last_name, sizeof w->p.last_name, v[F_LAST], T(F_LAST),
		why, whysz))
		return HANE_EINVAL;
	return 0;
}

/* The person's typed fields (birth date, sex, relation, disability,
 * phone), each checked in this order; HANE_EINVAL with why. */
static int map_person(struct imp *im, struct row *w, const char *const *v,
		      char *why, size_t whysz)
{
	if (w->has[F_BIRTH] && hane_date_parse(w->p.birth_date, v[F_BIRTH]))
		return bad(why, whysz, T(F_BIRTH), hane_error_last());
	if (w->has[F_SEX] && parse_sex(w->p.sex, v[F_SEX])) {
		snprintf(why, whysz, hane_msg(HANE_M_IMP_SEX), T(F_SEX));
		return HANE_EINVAL;
	}
	if (w->has[F_RELATION]) {
		const char *rel = hane_relation_parse(v[F_RELATION]);

		if (!rel) {
			snprintf(why, whysz, hane_msg(HANE_M_IMP_RELATION),
				 T(F_RELATION));
			return HANE_EINVAL;
		}
		strcpy(w->p.relation, rel);
		w->relation_given = true;
	}
	if (w->has[F_DISABILITY] &&
	    (w->p.disability_pct = parse_pct(v[F_DISABILITY])) < 0) {
		snprintf(why, whysz, hane_msg(HANE_M_IMP_DISABILITY),
			 T(F_DISABILITY));
		return HANE_EINVAL;
	}
	if (w->has[F_PHONE] && hane_phone_normalize(w->p.phone, v[F_PHONE]))
		return bad(why, whysz, T(F_PHONE), hane_error_last());
	return 0;
}

/* The household's phone (the person's when the file gives none) and
 * mahalle, then the plain text fields of both records; HANE_EINVAL with
 * why. */
static int map_household(struct imp *im, struct row *w, const char *const *v,
			 char *why, size_t whysz)
{
	if (w->has[F_HH_PHONE] &&
	    hane_phone_normalize(w->h.phone, v[F_HH_PHONE]))
		return bad(why, whysz, T(F_HH_PHONE), hane_error_last());
	if (!w->has[F_HH_PHONE])
		strcpy(w->h.phone, w->p.phone);
	if (w->has[F_MAHALLE] &&
	    hane_mahalle_match(im->db, w->h.mahalle, v[F_MAHALLE]))
		return bad(why, whysz, T(F_MAHALLE), hane_error_last());
	for (int f = 0; f < F__COUNT; f++) {
		const struct hane_fdef *d = field_def(f);
		char *to = field_rec(f, &w->p, &w->h);

		if (plain[f] &&
		    put(to + d->offset, d->size, v[f], T(f), why, whysz))
			return HANE_EINVAL;
	}
	return 0;
}

/* The numbers: the household's size (checked, not stored) and income;
 * HANE_EINVAL with why. */
static int map_numbers(struct imp *im, struct row *w, const char *const *v,
		       char *why, size_t whysz)
{
	if (w->has[F_SIZE]) {
		char *end;
		long n = strtol(v[F_SIZE], &end, 10);

		if (*end || n < 0 || n > 999) {
			snprintf(why, whysz, hane_msg(HANE_M_IMP_NUMBER),
				 T(F_SIZE));
			return HANE_EINVAL;
		}
	}
	if (w->has[F_INCOME]) {
		if (hane_money_parse(&w->h.income_kurus, v[F_INCOME]))
			return bad(why, whysz, T(F_INCOME), hane_error_last());
		if (w->h.income_kurus < 0) {
			snprintf(why, whysz, hane_msg(HANE_M_IMP_NUMBER),
				 T(F_INCOME));
			return HANE_EINVAL;
		}
	}
	return 0;
}

/* Maps one record to a row; on a bad value returns HANE_EINVAL with the
 * reason (column title: message) in why. */
static int map_row(struct imp *im, const struct hane_csv_record *rec,
		   struct row *w, char *why, size_t whysz)
{
	const char *v[F__COUNT];
	int rc;

	hane_person_init(&w->p);
	hane_household_init(&w->h);
	w->group = "";
	w->relation_given = false;
	if ((rc = hane_csv_import_cells(&im->ci, rec, v, why, whysz)))
		return rc;
	for (int f = 0; f < F__COUNT; f++)
		w->has[f] = v[f][0] != '\0';
	w->group = v[F_HOUSEHOLD];
	if (!w->has[F_TCKN]) {
		snprintf(why, whysz, hane_msg(HANE_M_IMP_REQUIRED), T(F_TCKN));
		return HANE_EINVAL;
	}
	if (hane_tckn_check(v[F_TCKN]))
		return bad(why, whysz, T(F_TCKN), hane_error_last());
	strcpy(w->p.tckn, v[F_TCKN]);
	if (map_names(im, w, v, why, whysz) ||
	    map_person(im, w, v, why, whysz) ||
	    map_household(im, w, v, why, whysz) ||
	    map_numbers(im, w, v, why, whysz))
		return HANE_EINVAL;
	/* The model's own checks, with its messages. */
	if ((rc = hh_person_validate(&w->p, im->today)) != 0) {
		snprintf(why, whysz, "%s", hane_error_last());
		return rc;
	}
	if ((rc = hane_household_validate(im->db, &w->h)) != 0) {
		snprintf(why, whysz, "%s", hane_error_last());
		return rc;
	}
	return 0;
}

#undef T

static int reject(struct imp *im, const struct hane_csv_record *rec,
		  const char *why)
{
	return hane_csv_import_reject(&im->ci, rec, why);
}

/* Rejects a row before its household is known: when it would have been
 * the first row (the head) of its group, the group is marked so that its
 * members are rejected too instead of one of them becoming the head. */
static int reject_first(struct imp *im, const struct hane_csv_record *rec,
			const struct row *w, const char *why)
{
	if (im->ci.col[F_HOUSEHOLD] >= 0 && w->group[0]) {
		int64_t *grp =
			table_slot(&im->groups, hash_text(w->group), true);

		if (!grp)
			return HANE_ENOMEM;
		if (*grp == 0)
			*grp = -rec->line;
	}
	return reject(im, rec, why);
}

/* The fields of record def (the person's or the household's) that the
 * file gives and that differ from old, copied into old: names, birth
 * date, sex, phone, disability, address, income, notes… (not the TC
 * Kimlik No, the key, nor the relation or the household's phone, which
 * have rules of their own). */
static bool merge_fields(void *old, const void *src,
			 const struct hane_rdef *def, const struct row *w)
{
	bool ch = false;

	for (int f = 0; f < F__COUNT; f++) {
		const struct hane_fdef *d = field_def(f);
		char *o;
		const char *n;
		bool number;

		if (fields[f].def != def || !w->has[f] || !d || f == F_TCKN ||
		    f == F_RELATION || f == F_HH_PHONE ||
		    d->type == HANE_FT_REF)
			continue;
		o = (char *)old + d->offset;
		n = (const char *)src + d->offset;
		number = d->type == HANE_FT_INT || d->type == HANE_FT_MONEY;
		if (number ? memcmp(o, n, d->size) == 0 : strcmp(o, n) == 0)
			continue;
		memcpy(o, n, number ? d->size : strlen(n) + 1);
		ch = true;
	}
	return ch;
}

/* Copies text n into o (a field of the same size) when they differ;
 * whether it did. */
static bool take_text(char *o, const char *n)
{
	if (!strcmp(o, n))
		return false;
	strcpy(o, n);
	return true;
}

/* Fields of p that the file gives and that differ from old; copies them
 * into old. Empty cells never erase what is stored. */
static bool merge_person(struct hane_person *old, const struct row *w)
{
	const struct hane_person *p = &w->p;
	bool ch = merge_fields(old, p, &hane_person_rdef, w);

	if (w->has[F_FULL] && !w->has[F_FIRST]) {
		ch |= take_text(old->first_name, p->first_name);
		ch |= take_text(old->last_name, p->last_name);
	}
	/* The head changes only through set_head; other relations may. */
	if (w->relation_given && strcmp(old->relation, "head") &&
	    strcmp(p->relation, "head"))
		ch |= take_text(old->relation, p->relation);
	return ch;
}

static bool merge_household(struct hane_household *old, const struct row *w)
{
	bool ch = merge_fields(old, &w->h, &hane_household_rdef, w);

	if (w->has[F_HH_PHONE] || w->has[F_PHONE])
		ch |= take_text(old->phone, w->h.phone);
	return ch;
}

/* Where a row goes: the head of a new household, or a member of its
 * group's household (hid; 0 while that household is not yet known). */
struct place {
	bool head;
	int64_t *grp; /* the group's slot in im->groups, NULL without one */
	int64_t hid;
};

/* Finds the row's place from its Hane No (a new group's first row is its
 * head) and sets its relation; HANE_EINVAL with why when the group's rules
 * reject the row, HANE_ENOMEM. */
static int place_row(struct imp *im, const struct hane_csv_record *rec,
		     struct row *w, struct place *pl, char *why, size_t whysz)
{
	pl->head = true;
	pl->grp = NULL;
	pl->hid = 0;
	if (im->ci.col[F_HOUSEHOLD] >= 0 && w->group[0]) {
		int64_t *grp =
			table_slot(&im->groups, hash_text(w->group), true);

		if (!grp)
			return HANE_ENOMEM;
		pl->grp = grp;
		pl->head = *grp == 0;
		if (pl->head && w->relation_given &&
		    strcmp(w->p.relation, "head")) {
			snprintf(why, whysz, hane_msg(HANE_M_IMP_NOT_HEAD),
				 w->group);
			*grp = -rec->line;
			return HANE_EINVAL;
		}
		if (!pl->head && *grp < 0) {
			snprintf(why, whysz, hane_msg(HANE_M_IMP_HEAD_REJECTED),
				 w->group, (long)-*grp);
			return HANE_EINVAL;
		}
		if (!pl->head && w->relation_given &&
		    !strcmp(w->p.relation, "head")) {
			snprintf(why, whysz, hane_msg(HANE_M_IMP_SECOND_HEAD),
				 w->group);
			return HANE_EINVAL;
		}
		if (!pl->head)
			pl->hid = *grp;
	}
	if (pl->head)
		strcpy(w->p.relation, "head");
	else if (!w->relation_given)
		strcpy(w->p.relation, "other");
	return 0;
}

/* A number not in the registry: the row goes to the bulk writer, a head
 * with its new household. A failure here ends the import (the row was
 * checked before). */
static int add_new(struct imp *im, struct row *w, struct place *pl)
{
	char why[1024];
	int rc;

	if (pl->head) {
		rc = hane_hh_bulk_household(im->bulk, &w->h, &w->p, &pl->hid,
					    NULL);
		if (rc == 0)
			im->c->households++;
	} else {
		w->p.household_id = pl->hid;
		rc = hane_hh_bulk_person(im->bulk, &w->p, NULL);
	}
	if (rc) {
		snprintf(why, sizeof why, "%s", hane_error_last());
		hane_error_set(hane_msg(HANE_M_IMP_FIELD), "", why);
		return rc;
	}
	im->c->created++;
	if (pl->grp)
		*pl->grp = pl->hid;
	return 0;
}

/* --on-duplicate update: writes what the file changes in the stored person
 * old (and, for a head, in its household); *changed says whether it did. */
static int update_old(struct imp *im, struct hane_person *old,
		      const struct row *w, bool head, bool *changed)
{
	struct hane_household h;
	int rc;

	*changed = false;
	if (merge_person(old, w)) {
		if ((rc = hane_person_update(im->db, old)))
			return rc;
		*changed = true;
	}
	if (!head)
		return 0;
	if ((rc = hane_household_get(im->db, old->household_id, &h)))
		return rc;
	if (merge_household(&h, w)) {
		if ((rc = hane_household_validate(im->db, &h)))
			return rc;
		if ((rc = hane_household_update(im->db, &h)))
			return rc;
		*changed = true;
	}
	return 0;
}

/* A number already registered (old): fail, skip or update as
 * --on-duplicate says. The model reads and writes the registry, so the
 * rows held so far are flushed first. */
static int import_old(struct imp *im, const struct hane_csv_record *rec,
		      const struct row *w, const struct place *pl,
		      struct hane_person *old)
{
	bool changed = false;
	int rc;

	if ((rc = hane_hh_bulk_flush(im->bulk)))
		return rc;
	if (im->o->on_duplicate == HANE_DUP_FAIL) {
		hane_error_set(hane_msg(HANE_M_IMP_DUP_FAIL), rec->line,
			       w->p.tckn);
		return HANE_EEXIST;
	}
	if (pl->grp && pl->head) {
		struct hane_household h;

		/* Later rows of this group join the stored household, which
		 * must be able to take them. */
		if ((rc = hane_household_get(im->db, old->household_id, &h)))
			return rc;
		*pl->grp = strcmp(h.status, "active") ? -rec->line
						      : old->household_id;
	}
	if (im->o->on_duplicate == HANE_DUP_UPDATE &&
	    (rc = update_old(im, old, w, pl->head, &changed)))
		return rc;
	if (changed)
		im->c->updated++;
	else
		im->c->unchanged++;
	return 0;
}

/* One data row inside the transaction. Returns 0 (row done, accepted or
 * rejected) or an error that ends the import. */
static int import_row(struct imp *im, const struct hane_csv_record *rec)
{
	struct row w;
	struct place pl;
	struct hane_person old;
	char why[1024];
	int64_t *seen;
	int rc;

	im->c->rows++;
	if (map_row(im, rec, &w, why, sizeof why))
		return reject_first(im, rec, &w, why);

	seen = table_slot(&im->tckns, strtoull(w.p.tckn, NULL, 10), true);
	if (!seen)
		return HANE_ENOMEM;
	if (*seen) {
		snprintf(why, sizeof why, hane_msg(HANE_M_IMP_SAME_TCKN),
			 (long)*seen);
		return reject_first(im, rec, &w, why);
	}
	*seen = rec->line;

	rc = place_row(im, rec, &w, &pl, why, sizeof why);
	if (rc == HANE_EINVAL)
		return reject(im, rec, why);
	if (rc)
		return rc;

	/* The one look-up of the number (the bulk writer trusts it). */
	rc = im->fresh ? HANE_ENOTFOUND
		       : hane_person_by_tckn(im->db, w.p.tckn, &old);
	if (rc == HANE_ENOTFOUND)
		return add_new(im, &w, &pl);
	if (rc)
		return rc;
	return import_old(im, rec, &w, &pl, &old);
}

int hane_on_duplicate_parse(const char *s)
{
	char k[32];

	hane_text_fold(k, sizeof k, s ? s : "");
	if (!strcmp(k, "skip") || !strcmp(k, "atla"))
		return HANE_DUP_SKIP;
	if (!strcmp(k, "update") || !strcmp(k, "guncelle"))
		return HANE_DUP_UPDATE;
	if (!strcmp(k, "fail") || !strcmp(k, "dur") || !strcmp(k, "hata"))
		return HANE_DUP_FAIL;
	return -1;
}

/* Sizes the tables for the whole file, guessed from the bytes the first
 * rows took: growing them by doubling would copy them again and again and
 * hold the old and the new copy at once (a third more peak memory). */
static void reserve_tables(struct imp *im)
{
	int64_t read = hane_csv_offset(im->ci.r), rows = im->c->rows;
	double guess = read > 0 ? (double)im->c->size / (double)read * rows : 0;

	/* A wrong guess only costs the doubling after all. */
	if (guess > rows && guess < 1e9) {
		table_reserve(&im->tckns, (size_t)(guess * 1.05));
		if (im->ci.col[F_HOUSEHOLD] >= 0)
			table_reserve(&im->groups,
				      (size_t)((double)im->groups.n / rows *
					       guess * 1.05));
	}
}

/* The bulk writer's end builds indexes for seconds: the progress callback
 * is asked between them, so Esc still cancels. */
static bool end_step(void *arg)
{
	struct imp *im = arg;

	return !im->o->progress || im->o->progress(im->c, im->o->arg);
}

/* The callback said stop: HANE_ECANCELED with its message. */
static int canceled(void)
{
	hane_error_set("%s", hane_strerror(HANE_ECANCELED));
	return HANE_ECANCELED;
}

/* The first import of a registry, with nobody else connected: the
 * rollback journal writes each page once (hane_store_solo_begin); *solo
 * says whether that mode began. Then every row refers only to rows the
 * import writes (the bulk writer checks a person's household), so
 * SQLite's foreign keys, a b-tree seek for every person and search word,
 * are off until the end: 8-10% of the import's CPU. */
static int solo_begin(hane_db *db, const struct hane_import_opts *opts,
		      bool *solo)
{
	int64_t any = 1;
	int rc = 0;

	if (!opts->dry_run && hane_store_depth(db) == 0 &&
	    (rc = hane_store_query_int(db, &any,
				       "SELECT EXISTS(SELECT 1 FROM person)"
				       " OR EXISTS(SELECT 1 FROM household)",
				       NULL, 0)) == 0 &&
	    !any)
		rc = hane_store_solo_begin(db, solo);
	if (rc == 0 && *solo)
		rc = hane_store_foreign_keys(db, false);
	return rc;
}

/* Imports every data row, sizing the tables after the first 4096 and
 * asking the progress callback every 1024 (false cancels). */
static int read_rows(struct imp *im)
{
	const struct hane_csv_record *rec;
	int rc;

	while ((rc = hane_csv_read(im->ci.r, &rec)) == HANE_ROW) {
		if ((rc = import_row(im, rec)))
			return rc;
		if (im->c->rows == 4096 && im->c->size > 0)
			reserve_tables(im);
		if (im->o->progress && (im->c->rows & 1023) == 0) {
			im->c->offset = hane_csv_offset(im->ci.r);
			if (!im->o->progress(im->c, im->o->arg))
				return canceled();
		}
	}
	return rc < 0 ? rc : 0;
}

/* Every row is read: the tables' memory goes back before the indexes are
 * built, which needs some of its own; the counts get the file's end, its
 * encoding and delimiter, and the progress callback a last say. */
static int rows_done(struct imp *im)
{
	table_free(&im->tckns);
	table_free(&im->groups);
	im->c->offset = hane_csv_offset(im->ci.r);
	im->c->encoding = hane_csv_encoding(im->ci.r);
	im->c->delimiter = hane_csv_delimiter(im->ci.r);
	if (im->o->progress && !im->o->progress(im->c, im->o->arg))
		return canceled();
	return 0;
}

/* The audit detail of a committed import into detail: the file's base
 * name and the counts, as JSON. */
static const char *audit_detail(char *detail, size_t detailsz, const char *path,
				const struct hane_import_counts *counts)
{
	char name[512];
	const char *base = strrchr(path, '/');
	size_t k = 0;

	/* The file's name as a JSON string: no escapes needed once quotes,
	 * backslashes and control bytes are replaced. */
	for (const char *c = base ? base + 1 : path; *c && k < sizeof name - 1;
	     c++)
		name[k++] =
			(*c == '"' || *c == '\\' || (unsigned char)*c < 0x20)
				? '_'
				: *c;
	name[k] = '\0';
	snprintf(detail, detailsz,
		 "{\"file\":\"%s\",\"new\":%lld,\"updated\":%lld,"
		 "\"rejected\":%lld}",
		 name, (long long)counts->created, (long long)counts->updated,
		 (long long)counts->rejected);
	return detail;
}

const struct hane_import_opts *hane_import_start(
	struct hane_csv_import *ci, const struct hane_csv_import_spec *spec,
	const struct hane_import_opts *opts, struct hane_import_counts *counts)
{
	static const struct hane_import_opts none;

	if (!opts)
		opts = &none;
	memset(counts, 0, sizeof *counts);
	hane_csv_import_init(
		ci, spec,
		&(struct hane_csv_import_hooks){opts->dry_run, opts->rejects,
						opts->notice, opts->reject,
						opts->arg},
		(struct hane_csv_import_counts){&counts->rows, &counts->created,
						&counts->rejected});
	return opts;
}

int hane_households_import(hane_db *db, const char *path,
			   const struct hane_import_opts *opts,
			   struct hane_import_counts *counts)
{
	struct imp im = {0};
	char detail[1024];
	bool in_tx = false, solo = false;
	int rc;

	opts = hane_import_start(&im.ci, &import_spec, opts, counts);
	counts->size = -1;
	im.db = db;
	im.o = opts;
	im.c = counts;
	hane_today(im.today);
	if ((rc = hane_can(db, HANE_ACT_IMPORT)) ||
	    (rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)))
		return rc;
	if ((rc = hane_csv_import_open(&im.ci, path, &opts->csv)))
		goto done;
	counts->size = hane_csv_size(im.ci.r);
	if ((rc = map_header(&im)) || (rc = solo_begin(db, opts, &solo)))
		goto done;
	counts->solo = solo;
	if ((rc = hane_hh_bulk_begin(db, &im.bulk, "import")))
		goto done;
	in_tx = true;
	if ((rc = hane_hh_bulk_hold(im.bulk, &im.fresh)))
		goto done;
	if (solo && !im.fresh) { /* others wait while solo: never seen */
		hane_error_set(
			"import: the registry was written to as it began");
		rc = HANE_EBUSY;
		goto done;
	}
	hane_hh_bulk_on_step(im.bulk, end_step, &im);
	if ((rc = read_rows(&im)) || (rc = rows_done(&im)))
		goto done;
	in_tx = false;
	if (opts->dry_run)
		rc = hane_hh_bulk_end(im.bulk, false, NULL);
	else
		rc = hane_hh_bulk_end(
			im.bulk, true,
			audit_detail(detail, sizeof detail, path, counts));
done:
	if (in_tx)
		hane_hh_bulk_end(im.bulk, false, NULL);
	/* Nothing was written: the counts describe no change. */
	if ((rc = hane_csv_import_close(&im.ci, rc)))
		counts->households = counts->updated = 0;
	if (solo) {
		/* Outside the transaction: it cannot fail. */
		(void)hane_store_foreign_keys(db, true);
		hane_store_solo_end(db);
	}
	table_free(&im.tckns);
	table_free(&im.groups);
	return rc;
}
