/* Bulk writes of households and persons: the import's and demo's path.
 *
 * Why not the single-row functions in a loop: each of those re-validates
 * the household, looks up duplicates twice, builds its SQL and audit JSON,
 * writes an audit row per insert and then updates the household's head —
 * ten statements a person. Here a person is one insert plus its search
 * words, a head's household one insert more, and the batch leaves one
 * audit event naming what it created.
 *
 * Held mode (the import) goes further. At a million rows the cost was no
 * longer the SQL but the statements: every run of one opened a cursor per
 * b-tree, sought each from its root and closed them again, for one row.
 * So rows are held in memory (their text in one arena) and written
 * HOLD_ROWS persons at a time, table by table, by inserts of MULTI_ROWS
 * rows each, the search words sorted so that they walk person_word's key
 * in order. Into an empty registry the three tables' secondary indexes
 * are dropped for the load and built again, sorted, before the commit: a
 * million random inserts into a b-tree cost several times one sort. All
 * of it happens inside the one transaction, so a rollback, a cancel or a
 * kill -9 leaves the schema and the rows as they were.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"
#include "households_int.h"

/* Held mode: statements of many rows (the person insert binds 13 values
 * a row: 64 rows stay far below SQLite's 32766 parameters), flushed every
 * HOLD_ROWS persons (~1.5 MB of text and ids). */
#define MULTI_ROWS 64
#define MULTI_WORDS 256
#define HOLD_ROWS 8192
#define NO_TEXT UINT32_MAX

/* A held value: SQL NULL, an integer, or text in the arena. */
struct held_val {
	int64_t i;
	uint32_t text;
	enum hane_value_type type;
};

/* A record's insert is made from its field table (hane_household_rdef,
 * hane_person_rdef): id (0: the table's next), its parent (a household's
 * head_id, a person's household_id), every field save writes, in the
 * table's order, then the search keys the model derives. A field added
 * to a table is imported without a line here. */
#define COLS_MAX 24

struct held_row {
	int64_t id, parent;
	struct held_val v[COLS_MAX];
};

struct held_word {
	int64_t person;
	uint32_t word; /* arena offset */
	uint32_t rank; /* see sort_words */
};

/* One insert for `rows` rows and its twin for one; with stamps, ?1 and ?2
 * are :now and :by and the rows' values are numbered from ?3. */
struct multi {
	hane_stmt *many, *one;
	int rows, cols;
	bool stamps;
};

struct hane_hh_bulk {
	hane_db *db;
	hane_stmt *word, *tckn;
	char now[20], today[HANE_DATE_LEN + 1];
	char event[32];
	int64_t next_person; /* ids are ours inside the transaction */
	int64_t first_household, last_household, households;
	int64_t first_person, last_person, persons;

	/* Held mode (hane_hh_bulk_hold); fresh: into an empty registry. */
	bool hold, fresh;
	int64_t next_household;
	struct held_row *hh, *pp;
	struct held_word *ww;
	size_t nhh, npp, nww, caphh, cappp, capww;
	char *arena;
	size_t arena_len, arena_cap;
	struct multi m_hh, m_person, m_word;
	char **index_sql; /* dropped for the load, built at end */
	size_t nindex;
	bool (*step)(void *arg); /* between the end's steps; false: stop */
	void *step_arg;
};

/* The stamps of an insert's row: version 1, created and updated now by
 * the actor (?1 and ?2). */
static const char stamps_tail[] = "1,?1,?2,?1,?2";

static int rec_prepare(hane_hh_bulk *b, struct multi *m,
		       const struct hane_rdef *d, const char *parent,
		       const char *keys, int nkeys);
static void multi_finalize(struct multi *m);

int hane_hh_bulk_begin(hane_db *db, hane_hh_bulk **out, const char *event)
{
	hane_hh_bulk *b;
	int rc;

	*out = NULL;
	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_WRITE)) != 0)
		return rc;
	b = calloc(1, sizeof *b);
	if (!b)
		return HANE_ENOMEM;
	b->db = db;
	hane_now(b->now);
	memcpy(b->today, b->now, HANE_DATE_LEN);
	b->today[HANE_DATE_LEN] = '\0';
	snprintf(b->event, sizeof b->event, "%s", event ? event : "import");
	if ((rc = hane_store_begin(db)) != 0) {
		free(b);
		return rc;
	}
	/* Inside BEGIN IMMEDIATE nobody else writes: max(id)+1 is ours. */
	rc = hane_store_query_int(db, &b->next_person,
				  "SELECT coalesce(max(id), 0) + 1 FROM person",
				  NULL, 0);
	if (rc == 0)
		rc = rec_prepare(b, &b->m_hh, &hane_household_rdef, "head_id",
				 "phone_key", 1);
	if (rc == 0)
		rc = rec_prepare(b, &b->m_person, &hane_person_rdef,
				 "household_id", "name_key, phone_key", 2);
	if (rc == 0)
		rc = hane_stmt_prepare(
			db, &b->tckn,
			"SELECT id, household_id, first_name || ' '"
			" || last_name FROM person WHERE tckn = :t");
	if (rc == 0)
		rc = hane_stmt_prepare(db, &b->word,
				       "INSERT OR IGNORE INTO person_word(word,"
				       " person_id) VALUES(:w, :id)");
	if (rc) {
		multi_finalize(&b->m_hh);
		multi_finalize(&b->m_person);
		hane_stmt_finalize(b->word);
		hane_stmt_finalize(b->tckn);
		free(b);
		return hane_store_end(db, rc);
	}
	*out = b;
	return 0;
}

/* A TC Kimlik No already registered (also earlier in this batch: our own
 * inserts are visible to us) is refused before anything is written, so a
 * failed row never dooms the batch's transaction. */
static int check_tckn(hane_hh_bulk *b, const char *tckn)
{
	hane_stmt *st = b->tckn;
	int rc;

	if (!tckn[0])
		return 0;
	if ((rc = hane_stmt_bind_text(st, ":t", tckn)) != 0)
		return rc;
	rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		hane_error_set(hane_msg(HANE_M_DUP_TCKN), tckn,
			       (long long)hane_stmt_int(st, 0),
			       hane_stmt_text(st, 2),
			       (long long)hane_stmt_int(st, 1));
		rc = HANE_EEXIST;
	}
	hane_stmt_reset(st);
	return rc < 0 ? rc : (rc == HANE_EEXIST ? rc : 0);
}

static int step_once(hane_stmt *st)
{
	int rc = hane_stmt_step(st);

	hane_stmt_reset(st);
	return rc == HANE_DONE ? 0 : rc;
}

static void count_person(hane_hh_bulk *b, int64_t id, int64_t *person_id)
{
	b->next_person++;
	if (!b->first_person)
		b->first_person = id;
	b->last_person = id;
	b->persons++;
	if (person_id)
		*person_id = id;
}

static void count_household(hane_hh_bulk *b, int64_t id, int64_t *household_id)
{
	if (!b->first_household)
		b->first_household = id;
	b->last_household = id;
	b->households++;
	if (household_id)
		*household_id = id;
}

/* ---- Held mode ----------------------------------------------------------- */

/* Copies text into the arena, "" as "" (for NOT NULL columns). */
static int keep_text(hane_hh_bulk *b, uint32_t *off, const char *v)
{
	size_t n = strlen(v) + 1;
	char *a;

	if (b->arena_len + n >= NO_TEXT ||
	    !(a = hane_grow(b->arena, &b->arena_cap, b->arena_len + n, 1,
			    (size_t)1 << 20)))
		return HANE_ENOMEM;
	b->arena = a;
	memcpy(b->arena + b->arena_len, v, n);
	*off = (uint32_t)b->arena_len;
	b->arena_len += n;
	return 0;
}

/* The same, but NULL or "" is NO_TEXT (SQL NULL). */
static int keep(hane_hh_bulk *b, uint32_t *off, const char *v)
{
	if (!v || !*v) {
		*off = NO_TEXT;
		return 0;
	}
	return keep_text(b, off, v);
}

static const char *text_at(const hane_hh_bulk *b, uint32_t off)
{
	return off == NO_TEXT ? NULL : b->arena + off;
}

/* Room for one more of an array of held rows (hane_grow, from 1024). */
static int grow(void **rows, size_t *cap, size_t n, size_t size)
{
	void *r = hane_grow(*rows, cap, n, size, 1024);

	if (!r)
		return HANE_ENOMEM;
	*rows = r;
	return 0;
}

/* Prepares m: "head(?3,…,tail),(…)…" for rows rows of cols values and
 * the same for one row. The text is built from our constants only. */
static int multi_prepare(hane_db *db, struct multi *m, const char *head,
			 int cols, const char *tail, int rows)
{
	size_t cap = strlen(head) +
		     (size_t)rows * ((size_t)cols * 8 + strlen(tail) + 8) + 1;
	char *sql = malloc(cap);
	int rc = 0;

	if (!sql)
		return HANE_ENOMEM;
	m->cols = cols;
	m->stamps = *tail != '\0';
	for (int pass = 0; pass < 2 && rc == 0; pass++) {
		int n = m->stamps ? 3 : 1, count = pass ? 1 : rows;
		char *p = sql + sprintf(sql, "%s", head);

		for (int r = 0; r < count; r++) {
			p += sprintf(p, "%s(", r ? "," : "");
			for (int c = 0; c < cols; c++)
				p += sprintf(p, "%s?%d", c ? "," : "", n++);
			p += sprintf(p, "%s%s)", *tail ? "," : "", tail);
		}
		rc = hane_stmt_prepare(db, pass ? &m->one : &m->many, sql);
	}
	m->rows = rows;
	free(sql);
	return rc;
}

static void multi_finalize(struct multi *m)
{
	hane_stmt_finalize(m->many);
	hane_stmt_finalize(m->one);
	m->many = m->one = NULL;
}

/* A field the person's insert writes (as hane_record_save would). */
static bool written(const struct hane_fdef *f)
{
	return !(f->flags & HANE_FF_READONLY) && !f->expr;
}

static int rec_prepare(hane_hh_bulk *b, struct multi *m,
		       const struct hane_rdef *d, const char *parent,
		       const char *keys, int nkeys)
{
	char head[1024];
	int cols = 2 + nkeys, len;

	len = snprintf(head, sizeof head, "INSERT INTO %s(id, %s", d->table,
		       parent);
	for (size_t i = 0; i < d->nfields; i++)
		if (written(&d->fields[i]) && len < (int)sizeof head) {
			len += snprintf(head + len, sizeof head - (size_t)len,
					", %s", d->fields[i].column);
			cols++;
		}
	if (cols - 2 > COLS_MAX || len >= (int)sizeof head - 128) {
		hane_error_set("bulk: the %s table has too many fields",
			       d->table);
		return HANE_EINTERNAL;
	}
	snprintf(head + len, sizeof head - (size_t)len,
		 ", %s, version, created_at, created_by, updated_at,"
		 " updated_by) VALUES",
		 keys);
	return multi_prepare(b->db, m, head, cols, stamps_tail, MULTI_ROWS);
}

/* One held value: text goes into the arena ("" stays ""). */
static int held(hane_hh_bulk *b, struct held_val *v, enum hane_value_type type,
		const char *text, int64_t i)
{
	v->type = type;
	v->i = i;
	v->text = NO_TEXT;
	return type == HANE_V_TEXT ? keep_text(b, &v->text, text) : 0;
}

/* rec's values in the insert's order (rec_prepare): the fields of d as
 * hane_record_value gives them, then the nkeys keys (NULL: none). */
static int rec_values(hane_hh_bulk *b, const struct hane_rdef *d,
		      const void *rec, struct held_val *v,
		      const char *const *keys, int nkeys)
{
	int n = 0, rc;

	for (size_t i = 0; i < d->nfields; i++) {
		struct hane_field x;

		if (!written(&d->fields[i]))
			continue;
		x = hane_record_value(&d->fields[i], rec);
		if ((rc = held(b, &v[n++], x.type, x.text, x.i)))
			return rc;
	}
	for (int k = 0; k < nkeys; k++)
		if ((rc = held(b, &v[n++], keys[k] ? HANE_V_TEXT : HANE_V_NULL,
			       keys[k], 0)))
			return rc;
	return 0;
}

typedef int bind_fn(hane_hh_bulk *b, hane_stmt *st, int param, size_t row);

/* A held row's values from parameter i on: its id (0: NULL, the table
 * gives one), its parent, then its cols - 2 values. */
static int bind_held(hane_hh_bulk *b, hane_stmt *st, int i,
		     const struct held_row *r, int cols)
{
	int rc = r->id ? hane_stmt_bind_int_at(st, i, r->id)
		       : hane_stmt_bind_null_at(st, i);

	if (rc || (rc = hane_stmt_bind_int_at(st, i + 1, r->parent)))
		return rc;
	i += 2;
	for (int c = 0; c < cols - 2; c++, i++) {
		const struct held_val *v = &r->v[c];

		rc = v->type == HANE_V_INT ? hane_stmt_bind_int_at(st, i, v->i)
		     : v->type == HANE_V_TEXT
			     ? hane_stmt_bind_text_at(st, i,
						      text_at(b, v->text))
			     : hane_stmt_bind_null_at(st, i);
		if (rc)
			return rc;
	}
	return 0;
}

static int bind_hh(hane_hh_bulk *b, hane_stmt *st, int i, size_t row)
{
	return bind_held(b, st, i, &b->hh[row], b->m_hh.cols);
}

static int bind_person(hane_hh_bulk *b, hane_stmt *st, int i, size_t row)
{
	return bind_held(b, st, i, &b->pp[row], b->m_person.cols);
}

static int bind_word(hane_hh_bulk *b, hane_stmt *st, int i, size_t row)
{
	const struct held_word *w = &b->ww[row];
	int rc = hane_stmt_bind_text_at(st, i, b->arena + w->word);

	return rc ? rc : hane_stmt_bind_int_at(st, i + 1, w->person);
}

/* Writes n held rows: whole statements of m->rows, the rest one by one. */
static int flush_rows(hane_hh_bulk *b, struct multi *m, size_t n, bind_fn *bind)
{
	const char *by = hane_store_actor(b->db)->username;
	size_t i = 0;
	int rc;

	while (i < n) {
		bool many = n - i >= (size_t)m->rows;
		hane_stmt *st = many ? m->many : m->one;
		int rows = many ? m->rows : 1, param = 1;

		if (m->stamps) {
			if ((rc = hane_stmt_bind_text_at(st, 1, b->now)) ||
			    (rc = hane_stmt_bind_text_at(st, 2, by)))
				return rc;
			param = 3;
		}
		for (int r = 0; r < rows; r++, i++)
			if ((rc = bind(b, st, param + r * m->cols, i)))
				return rc;
		if ((rc = step_once(st)))
			return rc;
	}
	return 0;
}

static const char *sort_arena; /* qsort has no context argument in C11 */
static const uint32_t *sort_words_at;

static int distinct_cmp(const void *a, const void *b)
{
	return strcmp(sort_arena + sort_words_at[*(const uint32_t *)a],
		      sort_arena + sort_words_at[*(const uint32_t *)b]);
}

static uint32_t word_hash(const char *w)
{
	uint32_t h = 2166136261u;

	for (; *w; w++)
		h = (h ^ (unsigned char)*w) * 16777619u;
	return h;
}

/* Puts the held words in (word, person) order without repeats; returns
 * how many are left. A batch has far fewer distinct words than words, so
 * only those are sorted (found through a hash table), and one stable
 * counting pass by their rank keeps each word's persons in the order they
 * were held, which is id order. */
static int sort_words(hane_hh_bulk *b, size_t *left)
{
	size_t n = b->nww, cap = 64, nd = 0, j = 0;
	uint32_t *slot, *first, *order, *rank, *start;
	struct held_word *out;
	char *mem;

	while (cap < 2 * n)
		cap *= 2;
	mem = calloc(1, cap * sizeof *slot + 4 * (n + 1) * sizeof *first +
				n * sizeof *out);
	if (!mem)
		return HANE_ENOMEM;
	out = (struct held_word *)mem;
	slot = (uint32_t *)(out + n);
	first = slot + cap;
	order = first + n + 1;
	rank = order + n + 1;
	start = rank + n + 1;
	for (size_t i = 0; i < n; i++) {
		const char *w = b->arena + b->ww[i].word;
		size_t h = word_hash(w) & (cap - 1);

		while (slot[h] && strcmp(b->arena + first[slot[h] - 1], w) != 0)
			h = (h + 1) & (cap - 1);
		if (!slot[h]) {
			first[nd] = b->ww[i].word;
			order[nd] = (uint32_t)nd;
			slot[h] = (uint32_t)++nd;
		}
		b->ww[i].rank = slot[h] - 1;
	}
	sort_arena = b->arena;
	sort_words_at = first;
	qsort(order, nd, sizeof *order, distinct_cmp);
	for (size_t r = 0; r < nd; r++)
		rank[order[r]] = (uint32_t)r;
	for (size_t i = 0; i < n; i++)
		start[(b->ww[i].rank = rank[b->ww[i].rank]) + 1]++;
	for (size_t r = 1; r < nd; r++)
		start[r] += start[r - 1];
	start[0] = 0;
	for (size_t i = 0; i < n; i++)
		out[start[b->ww[i].rank]++] = b->ww[i];
	/* "Ali Ali": the same word of the same person, now side by side. */
	for (size_t i = 0; i < n; i++)
		if (!j || b->ww[j - 1].rank != out[i].rank ||
		    b->ww[j - 1].person != out[i].person)
			b->ww[j++] = out[i];
	free(mem);
	*left = j;
	return 0;
}

int hane_hh_bulk_flush(hane_hh_bulk *b)
{
	size_t n = 0;
	int rc;

	if (!b->hold)
		return 0;
	/* Parents first: a person's household, a word's person. */
	if ((rc = flush_rows(b, &b->m_hh, b->nhh, bind_hh)) ||
	    (rc = flush_rows(b, &b->m_person, b->npp, bind_person)))
		return rc;
	/* In word order the inserts walk the primary key once; the same
	 * word twice in a name is written once. */
	if ((rc = sort_words(b, &n)) ||
	    (rc = flush_rows(b, &b->m_word, n, bind_word)))
		return rc;
	b->nhh = b->npp = b->nww = 0;
	b->arena_len = 0;
	return 0;
}

/* Row n of the held persons (person) or households, made room for: id,
 * parent and rec's values, its keys (two of a person's, one of a
 * household's) after its fields. */
static int hold_row(hane_hh_bulk *b, bool person, size_t n, int64_t id,
		    int64_t parent, const void *rec, const char *const *keys)
{
	struct held_row **rows = person ? &b->pp : &b->hh, *r;
	int rc = grow((void **)rows, person ? &b->cappp : &b->caphh, n,
		      sizeof **rows);

	if (rc)
		return rc;
	r = &(*rows)[n];
	r->id = id;
	r->parent = parent;
	return rec_values(b, person ? &hane_person_rdef : &hane_household_rdef,
			  rec, r->v, keys, person ? 2 : 1);
}

/* Holds p (with id and household set) and its search words. */
static int hold_person(hane_hh_bulk *b, const struct hane_person *p, int64_t id,
		       int64_t household_id)
{
	char key[2 * HANE_NAME_MAX] = "", pkey[16];
	const char *keys[2] = {key, hh_phone_key(pkey, p->phone)};
	uint32_t words;
	int rc;

	hh_name_key(key, p->first_name, p->last_name);
	if ((rc = hold_row(b, true, b->npp, id, household_id, p, keys)))
		return rc;
	/* The words: a second copy of the key, cut at the spaces. */
	if ((rc = keep(b, &words, key)))
		return rc;
	for (uint32_t o = words, w = o; o != NO_TEXT; o++) {
		char c = b->arena[o];

		if (c != ' ' && c != '\0')
			continue;
		b->arena[o] = '\0';
		if (o > w) {
			if ((rc = grow((void **)&b->ww, &b->capww, b->nww,
				       sizeof *b->ww)))
				return rc;
			b->ww[b->nww].word = w;
			b->ww[b->nww++].person = id;
		}
		if (c == '\0')
			break;
		w = o + 1;
	}
	b->npp++;
	return 0;
}

/* Inserts p as person id b->next_person, and its words: the person as a
 * held row of its own, written at once. A unique violation is a row
 * error, not a batch error: the statement failed alone and the
 * transaction is still good, so the batch is not doomed. */
static int put_person(hane_hh_bulk *b, const struct hane_person *p,
		      int64_t household_id, int64_t *person_id)
{
	char key[2 * HANE_NAME_MAX] = "", pkey[16], words[2 * HANE_NAME_MAX];
	const char *keys[2] = {key, hh_phone_key(pkey, p->phone)};
	size_t mark = b->arena_len;
	int64_t id = b->next_person;
	int rc;

	hh_name_key(key, p->first_name, p->last_name);
	rc = hold_row(b, true, 0, id, household_id, p, keys);
	if (rc == 0)
		rc = flush_rows(b, &b->m_person, 1, bind_person);
	b->arena_len = mark;
	if (rc)
		return rc;
	snprintf(words, sizeof words, "%s", key);
	for (char *save = NULL, *w = strtok_r(words, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		if ((rc = hane_stmt_bind_text(b->word, ":w", w)) ||
		    (rc = hane_stmt_bind_int(b->word, ":id", id)) ||
		    (rc = step_once(b->word)))
			return rc;
	}
	count_person(b, id, person_id);
	return 0;
}

/* Holds a new household (id and head ours) and its head. */
static int hold_household(hane_hh_bulk *b, const struct hane_household *h,
			  const struct hane_person *head, int64_t *household_id,
			  int64_t *person_id)
{
	int64_t hid = b->next_household, pid = b->next_person;
	char pkey[16];
	const char *keys[1] = {hh_phone_key(pkey, h->phone)};
	int rc;

	if ((rc = hold_row(b, false, b->nhh, hid, pid, h, keys)) ||
	    (rc = hold_person(b, head, pid, hid)))
		return rc;
	b->nhh++;
	b->next_household++;
	count_person(b, pid, person_id);
	count_household(b, hid, household_id);
	return b->npp >= HOLD_ROWS ? hane_hh_bulk_flush(b) : 0;
}

/* Drops the secondary indexes of the registry's tables, keeping their
 * SQL to build them again (sorted, pages packed) before the commit. Only
 * for an empty registry: then nothing inside this transaction needs them
 * but the caller, who holds its rows and looks up nothing it wrote. */
struct deferred {
	hane_hh_bulk *b;
	char **names;
	size_t n;
};

static int defer_row(hane_stmt *st, void *arg)
{
	struct deferred *d = arg;
	hane_hh_bulk *b = d->b;
	const char *name = hane_stmt_text(st, 0);
	size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_");
	char **l1, **l2;

	/* Only names of our own kind go into the DROP text, and a UNIQUE
	 * index stays: it is a rule, checked row by row. */
	if (len == 0 || len > 64 || name[len] ||
	    strncmp(hane_stmt_text(st, 1), "CREATE INDEX ", 13))
		return 0;
	l1 = realloc(d->names, (d->n + 1) * sizeof *l1);
	if (l1)
		d->names = l1;
	l2 = realloc(b->index_sql, (d->n + 1) * sizeof *l2);
	if (l2)
		b->index_sql = l2;
	if (!l1 || !l2 || !(d->names[d->n] = strdup(name)))
		return HANE_ENOMEM;
	if (!(b->index_sql[d->n] = strdup(hane_stmt_text(st, 1)))) {
		free(d->names[d->n]);
		return HANE_ENOMEM;
	}
	b->nindex = ++d->n;
	return 0;
}

static int defer_indexes(hane_hh_bulk *b)
{
	struct deferred d = {b, NULL, 0};
	int rc = hane_store_each(
		b->db,
		"SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
		" AND sql IS NOT NULL"
		" AND tbl_name IN ('household', 'person', 'person_word')",
		NULL, 0, defer_row, &d);

	for (size_t i = 0; i < d.n && rc == 0; i++) {
		char drop[96];

		snprintf(drop, sizeof drop, "DROP INDEX %s", d.names[i]);
		rc = hane_store_exec(b->db, drop);
	}
	for (size_t i = 0; i < d.n; i++)
		free(d.names[i]);
	free(d.names);
	return rc;
}

/* Builds the deferred indexes again, from the SQL they were made with,
 * asking the caller before each whether to go on (a million rows take
 * seconds here, and Esc must still work). */
static int build_indexes(hane_hh_bulk *b)
{
	int rc = 0;

	for (size_t i = 0; i < b->nindex && rc == 0; i++) {
		if (b->step && !b->step(b->step_arg)) {
			hane_error_set("%s", hane_strerror(HANE_ECANCELED));
			return HANE_ECANCELED;
		}
		rc = hane_store_exec(b->db, b->index_sql[i]);
	}
	return rc;
}

void hane_hh_bulk_on_step(hane_hh_bulk *b, bool (*fn)(void *arg), void *arg)
{
	b->step = fn;
	b->step_arg = arg;
}

int hane_hh_bulk_hold(hane_hh_bulk *b, bool *fresh)
{
	int rc;

	*fresh = false;
	if (b->hold || b->persons || b->households) {
		hane_error_set("hane_hh_bulk_hold after rows were written");
		return HANE_EINTERNAL;
	}
	rc = hane_store_query_int(b->db, &b->next_household,
				  "SELECT coalesce(max(id), 0) + 1"
				  " FROM household",
				  NULL, 0);
	if (rc == 0)
		rc = multi_prepare(b->db, &b->m_word,
				   "INSERT INTO person_word(word, person_id)"
				   " VALUES",
				   2, "", MULTI_WORDS);
	if (rc == 0 && b->next_person == 1 && b->next_household == 1) {
		*fresh = b->fresh = true;
		rc = defer_indexes(b);
	}
	if (rc)
		return rc;
	b->hold = true;
	return 0;
}

int hane_hh_bulk_household(hane_hh_bulk *b, const struct hane_household *h,
			   const struct hane_person *head,
			   int64_t *household_id, int64_t *person_id)
{
	struct hane_person p = *head;
	char pkey[16];
	const char *keys[1] = {hh_phone_key(pkey, h->phone)};
	size_t mark = b->arena_len;
	int64_t hid;
	int rc;

	strcpy(p.relation, "head");
	if ((rc = hane_household_validate(b->db, h)) != 0 ||
	    (rc = hh_person_validate(&p, b->today)) != 0)
		return rc;
	if (b->hold)
		return hold_household(b, h, &p, household_id, person_id);
	if ((rc = check_tckn(b, p.tckn)) != 0)
		return rc;
	/* The household as a held row of its own, written at once; its id
	 * the table's next. */
	rc = hold_row(b, false, 0, 0, b->next_person, h, keys);
	if (rc == 0)
		rc = flush_rows(b, &b->m_hh, 1, bind_hh);
	b->arena_len = mark;
	if (rc)
		return rc;
	hid = hane_store_last_id(b->db);
	rc = put_person(b, &p, hid, person_id);
	if (rc)
		return rc; /* the duplicate was checked: anything else is fatal
			    */
	count_household(b, hid, household_id);
	return 0;
}

int hane_hh_bulk_person(hane_hh_bulk *b, const struct hane_person *p,
			int64_t *person_id)
{
	int rc;

	if (strcmp(p->relation, "head") == 0) {
		hane_error_set("%s", hane_msg(HANE_M_HEAD_ONLY_VIA_SET));
		return HANE_EINVAL;
	}
	if ((rc = hh_person_validate(p, b->today)) != 0)
		return rc;
	if (b->hold) {
		int64_t id = b->next_person;

		/* Into an empty registry a person's household is one this
		 * batch made: checked here, as the first import runs without
		 * SQLite's foreign keys (a seek a row). */
		if (b->fresh && (p->household_id < 1 ||
				 p->household_id >= b->next_household)) {
			hane_error_set("bulk: person in household %lld, not"
				       " made by this batch",
				       (long long)p->household_id);
			return HANE_EINTERNAL;
		}
		if ((rc = hold_person(b, p, id, p->household_id)))
			return rc;
		count_person(b, id, person_id);
		return b->npp >= HOLD_ROWS ? hane_hh_bulk_flush(b) : 0;
	}
	if ((rc = check_tckn(b, p->tckn)) != 0)
		return rc;
	return put_person(b, p, p->household_id, person_id);
}

int hane_hh_bulk_end(hane_hh_bulk *b, bool commit, const char *detail)
{
	hane_db *db;
	char *json = NULL;
	int rc = 0;

	if (!b)
		return 0;
	db = b->db;
	if (commit && b->hold && (rc = hane_hh_bulk_flush(b)) == 0)
		rc = build_indexes(b);
	hane_stmt_finalize(b->word);
	hane_stmt_finalize(b->tckn);
	multi_finalize(&b->m_hh);
	multi_finalize(&b->m_person);
	multi_finalize(&b->m_word);
	if (commit && rc == 0 && (b->households || b->persons)) {
		size_t n = 256 + (detail ? strlen(detail) : 0);

		json = malloc(n);
		if (!json) {
			rc = HANE_ENOMEM;
		} else {
			snprintf(json, n,
				 "{\"households\":%lld,\"household_ids\":"
				 "[%lld,%lld],\"persons\":%lld,\"person_ids\":"
				 "[%lld,%lld]%s%s}",
				 (long long)b->households,
				 (long long)b->first_household,
				 (long long)b->last_household,
				 (long long)b->persons,
				 (long long)b->first_person,
				 (long long)b->last_person,
				 detail ? ",\"detail\":" : "",
				 detail ? detail : "");
			rc = hane_store_audit_event(db, b->event, "person", 0,
						    json);
		}
	}
	/* Not committing is a rollback even when nothing failed. */
	rc = hane_store_end(db, !commit && rc == 0 ? HANE_EINVAL : rc);
	if (!commit)
		rc = 0;
	free(json);
	for (size_t i = 0; i < b->nindex; i++)
		free(b->index_sql[i]);
	free(b->index_sql);
	free(b->hh);
	free(b->pp);
	free(b->ww);
	free(b->arena);
	free(b);
	return rc;
}
