/* Mahalleler: the list in the database (table mahalle, seeded from
 * data/reference/izmit-mahalleler.txt by migration 013), its aliases and
 * Kocaeli's other districts.
 *
 * Matching what staff type ("gundogdu", "GÜNDOĞDU", "Gündoğdu Mah.") is
 * asked a million times by an import, so the names and aliases are kept
 * in memory, folded once and sorted, and read again only when the
 * database file has changed (hane_store_data_version) or this process
 * changed the list: a mahalle an administrator adds is accepted by the
 * next import without a new build.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "hane/reference.h"

enum kind { K_NAME, K_ALIAS, K_DISTRICT };

struct entry {
	char key[HANE_NAME_MAX];  /* folded name or alias */
	char name[HANE_NAME_MAX]; /* the mahalle's (or district's) name */
	enum kind kind;
};

static struct {
	hane_db *db;
	unsigned data_version;
	unsigned generation;
	struct entry *e; /* sorted by key */
	size_t n;
} cache;
static unsigned generation = 1; /* bumped by every change made here */

static int by_key(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (int)x->kind - (int)y->kind;
}

static void invalidate(void)
{
	generation++;
}

/* load's row: a name, an alias ("alias<TAB>name") or a district. */
static void read_entry(hane_stmt *st, struct entry *g)
{
	const char *t = hane_stmt_text(st, 0);
	enum kind kind = (enum kind)hane_stmt_int(st, 1);
	const char *tab = kind == K_ALIAS ? strchr(t, '\t') : NULL;

	if (tab) {
		char a[HANE_NAME_MAX];

		snprintf(a, sizeof a, "%.*s", (int)(tab - t), t);
		hane_text_fold(g->key, sizeof g->key, a);
		snprintf(g->name, sizeof g->name, "%s", tab + 1);
	} else {
		hane_text_fold(g->key, sizeof g->key, t);
		snprintf(g->name, sizeof g->name, "%s", t);
	}
	g->kind = tab ? K_ALIAS : kind == K_ALIAS ? K_NAME : kind;
}

HANE_STORE_ROWS(entry, struct entry, read_entry, 256)

static int load(hane_db *db)
{
	static const char sql[] =
		"SELECT name, 0 FROM mahalle"
		" UNION ALL SELECT a.alias || char(9) || m.name, 1"
		" FROM mahalle_alias a JOIN mahalle m ON m.id = a.mahalle_id"
		" UNION ALL SELECT name, 2 FROM district";
	unsigned dv = hane_store_data_version(db);
	struct entry_rows l = {NULL, 0, 0};
	int rc;

	if (cache.e && cache.db == db && cache.generation == generation &&
	    dv != 0 && cache.data_version == dv)
		return 0;
	if ((rc = hane_store_each(db, sql, NULL, 0, entry_row, &l))) {
		free(l.v);
		return rc;
	}
	qsort(l.v, l.n, sizeof *l.v, by_key);
	free(cache.e);
	cache.e = l.v;
	cache.n = l.n;
	cache.db = db;
	cache.generation = generation;
	cache.data_version = dv;
	return 0;
}

/* The first entry whose key is key, or -1: a binary search. */
static long find_key(const char *key)
{
	size_t lo = 0, hi = cache.n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(cache.e[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < cache.n && strcmp(cache.e[lo].key, key) == 0 ? (long)lo
								 : -1;
}

/* Drops a trailing "mah", "mahallesi", "mh" that staff often write. */
static void strip_suffix(char *key)
{
	static const char *const suffixes[] = {" mahallesi", " mahalle",
					       " mah.", " mah", " mh"};
	size_t n = strlen(key);

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t s = strlen(suffixes[i]);

		if (n > s && strcmp(key + n - s, suffixes[i]) == 0) {
			key[n - s] = '\0';
			return;
		}
	}
}

int hane_mahalle_match(hane_db *db, char out[HANE_NAME_MAX], const char *text)
{
	char key[HANE_NAME_MAX], hint[3 * HANE_NAME_MAX] = "";
	long exact;
	size_t prefix_hit = 0, prefix_count = 0, klen;
	int hints = 0, rc;

	out[0] = '\0';
	if ((rc = load(db)))
		return rc;
	hane_text_fold(key, sizeof key, text);
	hane_text_trim(key);
	strip_suffix(key);
	if ((exact = find_key(key)) >= 0) {
		strcpy(out, cache.e[exact].name);
		return 0;
	}
	/* A unique prefix of a name (not of an alias) is taken. */
	klen = strlen(key);
	for (size_t i = 0; klen && i < cache.n; i++) {
		if (cache.e[i].kind != K_ALIAS &&
		    strncmp(cache.e[i].key, key, klen) == 0) {
			if (!prefix_count ||
			    strcmp(cache.e[prefix_hit].name, cache.e[i].name))
				prefix_count++;
			prefix_hit = i;
		}
	}
	if (prefix_count == 1) {
		strcpy(out, cache.e[prefix_hit].name);
		return 0;
	}
	/* Suggest names sharing the first three letters. */
	for (size_t i = 0; i < cache.n && hints < 3 && klen >= 3; i++) {
		if (cache.e[i].kind != K_ALIAS &&
		    strncmp(cache.e[i].key, key, 3) == 0) {
			if (hints++)
				strcat(hint, ", ");
			strcat(hint, cache.e[i].name);
		}
	}
	if (hints)
		hane_error_set(hane_msg(HANE_M_MAHALLE_SUGGEST), text, hint);
	else
		hane_error_set(hane_msg(HANE_M_MAHALLE_UNKNOWN), text);
	return HANE_ENOTFOUND;
}

static int by_turkish(const void *a, const void *b)
{
	return hane_text_cmp(*(const char *const *)a, *(const char *const *)b);
}

int hane_mahalle_each(hane_db *db, int (*fn)(const char *name, void *arg),
		      void *arg)
{
	const char **names;
	size_t n = 0;
	int rc;

	/* In Turkish alphabetical order (Cumhuriyet before Çayırköy), as
	 * an alphabetical list is read; the cache is in folded-key order
	 * for lookups. The names are copied: fn may reload the cache. */
	if ((rc = load(db)))
		return rc;
	if (!(names = malloc((cache.n ? cache.n : 1) * sizeof *names)))
		return HANE_ENOMEM;
	for (size_t i = 0; i < cache.n; i++)
		if (cache.e[i].kind == K_NAME)
			if (!(names[n++] = strdup(cache.e[i].name))) {
				n--;
				rc = HANE_ENOMEM;
				break;
			}
	if (rc == 0)
		qsort(names, n, sizeof *names, by_turkish);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = fn(names[i], arg);
	for (size_t i = 0; i < n; i++)
		free((void *)names[i]);
	free(names);
	return rc;
}

/* ---- Administration ------------------------------------------------------- */

struct id_row {
	int64_t id, version;
};

/* The mahalle (not a district) whose name or alias matches text exactly
 * (folded), or HANE_ENOTFOUND with the usual message. */
static int find_mahalle(hane_db *db, const char *text, struct id_row *out,
			char name[HANE_NAME_MAX])
{
	struct hane_field n = HANE_FTEXT(":n", name);
	int64_t iv[2] = {0, 0};
	int rc;

	if ((rc = hane_mahalle_match(db, name, text)))
		return rc;
	rc = hane_store_ints(db,
			     "SELECT id, version FROM mahalle WHERE name = :n",
			     &n, 1, iv, 2);
	if (rc == HANE_ENOTFOUND)
		hane_error_set(hane_msg(HANE_M_REF_NOT_MAHALLE), name);
	*out = (struct id_row){iv[0], iv[1]};
	return rc;
}

/* A new name must be non-empty, fit, and not match any name, alias or
 * district already there (folded). */
static int check_new_name(hane_db *db, char clean[HANE_NAME_MAX],
			  const char *text)
{
	char key[HANE_NAME_MAX];
	long hit;
	int rc;

	snprintf(clean, HANE_NAME_MAX, "%s", text ? text : "");
	hane_text_trim(clean);
	if (!clean[0] || strlen(text) >= HANE_NAME_MAX - 1) {
		hane_error_set(hane_msg(HANE_M_REF_BAD_NAME), text ? text : "");
		return HANE_EINVAL;
	}
	if ((rc = load(db)))
		return rc;
	hane_text_fold(key, sizeof key, clean);
	if ((hit = find_key(key)) >= 0) {
		hane_error_set(hane_msg(HANE_M_REF_EXISTS), clean,
			       cache.e[hit].name);
		return HANE_EEXIST;
	}
	return 0;
}

/* A new name in table (mahalle or district), taken by neither list. */
static int name_add(hane_db *db, const char *table, const char *name,
		    int64_t *id)
{
	char clean[HANE_NAME_MAX];
	struct hane_field f[1];
	int rc;

	if ((rc = hane_can(db, HANE_ACT_REFERENCE_ADMIN)) ||
	    (rc = check_new_name(db, clean, name)))
		return rc;
	f[0] = (struct hane_field)HANE_FTEXT("name", clean);
	rc = hane_store_insert(db, table, f, 1, id);
	invalidate();
	return rc;
}

int hane_mahalle_add(hane_db *db, const char *name, int64_t *id)
{
	return name_add(db, "mahalle", name, id);
}

int hane_mahalle_alias(hane_db *db, const char *alias, const char *name)
{
	char clean[HANE_NAME_MAX], proper[HANE_NAME_MAX];
	struct hane_field f[2];
	struct id_row m;
	int rc;

	if ((rc = hane_can(db, HANE_ACT_REFERENCE_ADMIN)) ||
	    (rc = find_mahalle(db, name, &m, proper)) ||
	    (rc = check_new_name(db, clean, alias)))
		return rc;
	f[0] = (struct hane_field)HANE_FTEXT("alias", clean);
	f[1] = (struct hane_field)HANE_FINT("mahalle_id", m.id);
	rc = hane_store_insert(db, "mahalle_alias", f, 2, NULL);
	invalidate();
	return rc;
}

struct rename {
	const char *table; /* "mahalle" or "district" */
	const char *old, *new_name;
	int64_t mahalle_id, version;
	int64_t households;
	bool keep_alias; /* the old name stays an alias */
};

static void read_id_row(hane_stmt *st, struct id_row *r)
{
	r->id = hane_stmt_int(st, 0);
	r->version = hane_stmt_int(st, 1);
}

/* The households (id, version) to update one by one, each audited. */
HANE_STORE_ROWS(hh, struct id_row, read_id_row, 64)

static int rename_tx(hane_db *db, void *arg)
{
	struct rename *r = arg;
	struct hane_field f[2];
	struct hane_field p[] = {HANE_FTEXT(":o", r->old),
				 HANE_FTEXT(":n", r->new_name)};
	struct hh_rows rows = {NULL, 0, 0};
	char detail[3 * HANE_NAME_MAX];
	int rc;

	f[0] = (struct hane_field)HANE_FTEXT("name", r->new_name);
	if ((rc = hane_store_update(db, r->table, r->mahalle_id, r->version, f,
				    1, NULL)))
		return rc;
	f[0] = (struct hane_field)HANE_FTEXT("alias", r->old);
	f[1] = (struct hane_field)HANE_FINT("mahalle_id", r->mahalle_id);
	if (r->keep_alias &&
	    (rc = hane_store_insert(db, "mahalle_alias", f, 2, NULL)))
		return rc;
	/* Every household follows, each one audited with its version. */
	rc = hane_store_each(db,
			     "SELECT id, version FROM household"
			     " WHERE mahalle = :o",
			     p, 1, hh_row, &rows);
	f[0] = (struct hane_field)HANE_FTEXT("mahalle", r->new_name);
	for (size_t i = 0; rc == 0 && i < rows.n; i++)
		rc = hane_store_update(db, "household", rows.v[i].id,
				       rows.v[i].version, f, 1, NULL);
	free(rows.v);
	if (rc)
		return rc;
	r->households = (int64_t)rows.n;
	/* Home care's travel times between mahalleler keep their pair
	 * (stored with mahalle_a < mahalle_b). */
	if ((rc = hane_store_run(
		     db,
		     "UPDATE homecare_travel SET"
		     " mahalle_a = CASE WHEN mahalle_a = :o THEN"
		     "  min(:n, mahalle_b) ELSE min(mahalle_a, :n) END,"
		     " mahalle_b = CASE WHEN mahalle_a = :o THEN"
		     "  max(:n, mahalle_b) ELSE max(mahalle_a, :n) END,"
		     " version = version + 1"
		     " WHERE mahalle_a = :o OR mahalle_b = :o",
		     p, 2)))
		return rc;
	snprintf(detail, sizeof detail, "%s rename %s -> %s: %lld households",
		 r->table, r->old, r->new_name, (long long)rows.n);
	return hane_store_audit_event(db, "update", r->table, r->mahalle_id,
				      detail);
}

/* new_name trimmed into to; false when it is from as it stands (nothing to
 * rename). */
static bool renamed(char to[HANE_NAME_MAX], const char *new_name,
		    const char *from)
{
	snprintf(to, HANE_NAME_MAX, "%s", new_name ? new_name : "");
	hane_text_trim(to);
	return strcmp(to, from) != 0;
}

/* Runs rename r in a transaction; *households (may be NULL) gets the
 * households that followed. */
static int rename_run(hane_db *db, struct rename *r, int64_t *households)
{
	int rc = hane_store_tx(db, rename_tx, r);

	invalidate();
	if (rc == 0 && households)
		*households = r->households;
	return rc;
}

int hane_mahalle_rename(hane_db *db, const char *old, const char *new_name,
			int64_t *households)
{
	char from[HANE_NAME_MAX], to[HANE_NAME_MAX];
	char a[HANE_NAME_MAX], b[HANE_NAME_MAX];
	struct id_row m;
	struct rename r;
	int rc;

	if (households)
		*households = 0;
	if ((rc = hane_can(db, HANE_ACT_REFERENCE_ADMIN)) ||
	    (rc = find_mahalle(db, old, &m, from)))
		return rc;
	if (!renamed(to, new_name, from))
		return 0;
	hane_text_fold(a, sizeof a, from);
	hane_text_fold(b, sizeof b, to);
	/* A new name must be new; only the spelling of the same name (case,
	 * Turkish letters) may be fixed in place, keeping no alias. */
	if (strcmp(a, b) && (rc = check_new_name(db, to, new_name)))
		return rc;
	if (!to[0])
		return check_new_name(db, to, new_name);
	r = (struct rename){"mahalle",	      from, to, m.id, m.version, 0,
			    strcmp(a, b) != 0};
	return rename_run(db, &r, households);
}

static void read_mahalle(hane_stmt *st, struct hane_mahalle *m)
{
	m->id = hane_stmt_int(st, 0);
	m->version = hane_stmt_int(st, 1);
	snprintf(m->name, sizeof m->name, "%s", hane_stmt_text(st, 2));
	snprintf(m->aliases, sizeof m->aliases, "%s", hane_stmt_text(st, 3));
	m->households = hane_stmt_int(st, 4);
}

/* hane_mahalle_list's rows, all read before fn sees the first. */
HANE_STORE_ROWS(mahalle, struct hane_mahalle, read_mahalle, 128)

static int by_name(const void *a, const void *b)
{
	return hane_text_cmp(((const struct hane_mahalle *)a)->name,
			     ((const struct hane_mahalle *)b)->name);
}

int hane_mahalle_list(hane_db *db,
		      int (*fn)(const struct hane_mahalle *m, void *arg),
		      void *arg)
{
	static const char sql[] =
		"SELECT m.id, m.version, m.name,"
		" (SELECT group_concat(alias, ', ') FROM"
		"  (SELECT alias FROM mahalle_alias a WHERE a.mahalle_id = m.id"
		"   ORDER BY alias COLLATE TURKISH)),"
		" (SELECT count(*) FROM household h WHERE h.mahalle = m.name)"
		" FROM mahalle m";
	struct mahalle_rows l = {NULL, 0, 0};
	int rc;

	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ)) ||
	    (rc = hane_store_each(db, sql, NULL, 0, mahalle_row, &l)) == 0) {
		/* In the order hane_mahalle_each gives: Turkish
		 * alphabetical (the names are unique). */
		if (l.n)
			qsort(l.v, l.n, sizeof *l.v, by_name);
		for (size_t i = 0; i < l.n && rc == 0; i++)
			rc = fn(&l.v[i], arg);
	}
	free(l.v);
	return rc;
}

static void read_district(hane_stmt *st, struct hane_district *d)
{
	d->id = hane_stmt_int(st, 0);
	d->version = hane_stmt_int(st, 1);
	snprintf(d->name, sizeof d->name, "%s", hane_stmt_text(st, 2));
	d->households = hane_stmt_int(st, 3);
}

/* A walk of the districts: fn (and its arg) for each. */
HANE_STORE_EACH_ROW(district, struct hane_district, read_district)

/* ---- Districts (Yönetim → İlçeler) ---------------------------------------- */

int hane_district_each(hane_db *db,
		       int (*fn)(const struct hane_district *d, void *arg),
		       void *arg)
{
	int rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ);

	return rc ? rc
		  : hane_store_each(db,
				    "SELECT d.id, d.version, d.name,"
				    " (SELECT count(*) FROM household h"
				    "  WHERE h.mahalle = d.name)"
				    " FROM district d"
				    " ORDER BY d.name COLLATE TURKISH",
				    NULL, 0, district_row,
				    &(struct district_each){fn, arg});
}

/* hane_district_list's fn, given a district's name. */
struct name_walk {
	int (*fn)(const char *name, void *arg);
	void *arg;
};

static int district_name(const struct hane_district *d, void *arg)
{
	const struct name_walk *w = arg;

	return w->fn(d->name, w->arg);
}

int hane_district_list(hane_db *db, int (*fn)(const char *name, void *arg),
		       void *arg)
{
	return hane_district_each(db, district_name,
				  &(struct name_walk){fn, arg});
}

int hane_district_add(hane_db *db, const char *name, int64_t *id)
{
	return name_add(db, "district", name, id);
}

/* The district whose folded name is key: its id, version and name. */
struct district_find {
	const char *key;
	struct id_row *d;
	char *name;
};

static int district_match(hane_stmt *st, void *arg)
{
	const struct district_find *f = arg;
	char b[HANE_NAME_MAX];

	hane_text_fold(b, sizeof b, hane_stmt_text(st, 2));
	if (f->key[0] && strcmp(f->key, b) == 0) {
		*f->d = (struct id_row){hane_stmt_int(st, 0),
					hane_stmt_int(st, 1)};
		snprintf(f->name, HANE_NAME_MAX, "%s", hane_stmt_text(st, 2));
	}
	return 0;
}

int hane_district_rename(hane_db *db, const char *old, const char *new_name,
			 int64_t *households)
{
	char to[HANE_NAME_MAX], a[HANE_NAME_MAX], b[HANE_NAME_MAX];
	char from[HANE_NAME_MAX] = "";
	struct id_row d = {0};
	struct rename r;
	int rc;

	if (households)
		*households = 0;
	if ((rc = hane_can(db, HANE_ACT_REFERENCE_ADMIN)))
		return rc;
	/* The district old names, folded: "kartepe" is Kartepe. */
	hane_text_fold(a, sizeof a, old ? old : "");
	if ((rc = hane_store_each(db, "SELECT id, version, name FROM district",
				  NULL, 0, district_match,
				  &(struct district_find){a, &d, from})))
		return rc;
	if (!d.id) {
		hane_error_set(hane_msg(HANE_M_REF_NOT_DISTRICT),
			       old ? old : "");
		return HANE_ENOTFOUND;
	}
	if (!renamed(to, new_name, from))
		return 0;
	hane_text_fold(b, sizeof b, to);
	/* Only the spelling of the same name may be fixed in place. */
	if ((strcmp(a, b) || !to[0]) && (rc = check_new_name(db, to, new_name)))
		return rc;
	r = (struct rename){"district", from, to, d.id, d.version, 0, false};
	return rename_run(db, &r, households);
}
