/* Person search: word prefixes of names, TC Kimlik No and phone prefixes.
 *
 * KVKK (#16): search is no oracle. For a staff member who sees TC Kimlik
 * numbers and phones masked (no person.unmasked), digits find a person
 * only by a whole TC Kimlik No (11 digits) or a whole phone number (10
 * national digits): typing a number digit by digit and watching which
 * prefixes still find someone would otherwise read the masked number
 * back. Every search is logged (hane_gate_search): who, when, the kind of
 * query and how many results — never the query itself. The row is written
 * with the session's next commit or within a second (#22): a keystroke's
 * search takes no write lock.
 *
 * Debian's SQLite has no ICU, so folding happens here in core and the
 * folded words sit in person_word (word, person_id), a WITHOUT ROWID
 * table whose primary key serves every prefix as a range scan. With
 * several words the rarest one drives the scan and the others are checked
 * per person through the (person_id) index — each check touches two or
 * three index entries, so a keystroke costs the size of one small range.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/perm.h"
#include "hane/security.h"
#include "households_int.h"

#define MAX_WORDS 5
#define WORD_MAX 64
/* Range scans count at most this many rows to pick the driving word. */
#define ESTIMATE_CAP 5000

#define HIT_COLUMNS                                                            \
	"p.id, p.household_id, coalesce(p.tckn,''), p.first_name,"             \
	" p.last_name, coalesce(p.birth_date,''), coalesce(h.mahalle,''),"     \
	" h.status, p.relation"

struct search {
	int (*fn)(const struct hane_person_hit *hit, void *arg);
	void *arg;
	int limit, offset;
	int seen, delivered;
	bool stop;
	bool whole; /* digits match whole numbers only (masked roles) */
	/* Ids already delivered, for queries whose branches may overlap. */
	int64_t *ids;
	int nids;
};

static void read_hit(hane_stmt *st, struct hane_person_hit *h)
{
	memset(h, 0, sizeof *h);
	h->person_id = hane_stmt_int(st, 0);
	h->household_id = hane_stmt_int(st, 1);
	snprintf(h->tckn, sizeof h->tckn, "%s", hane_stmt_text(st, 2));
	snprintf(h->first_name, sizeof h->first_name, "%s",
		 hane_stmt_text(st, 3));
	snprintf(h->last_name, sizeof h->last_name, "%s",
		 hane_stmt_text(st, 4));
	snprintf(h->birth_date, sizeof h->birth_date, "%s",
		 hane_stmt_text(st, 5));
	snprintf(h->mahalle, sizeof h->mahalle, "%s", hane_stmt_text(st, 6));
	snprintf(h->status, sizeof h->status, "%s", hane_stmt_text(st, 7));
	snprintf(h->relation, sizeof h->relation, "%s", hane_stmt_text(st, 8));
}

/* Delivers the rows of st past offset, up to limit, skipping ids already
 * delivered by an earlier branch. */
static int deliver(struct search *s, hane_stmt *st)
{
	int rc = 0;

	while (!s->stop && s->delivered < s->limit &&
	       (rc = hane_stmt_step(st)) == HANE_ROW) {
		struct hane_person_hit hit;
		bool dup = false;
		int64_t id = hane_stmt_int(st, 0);

		for (int i = 0; i < s->nids; i++)
			if (s->ids[i] == id)
				dup = true;
		if (dup)
			continue;
		s->ids[s->nids++] = id;
		if (s->seen++ < s->offset)
			continue;
		read_hit(st, &hit);
		s->delivered++;
		if (s->fn(&hit, s->arg))
			s->stop = true;
	}
	if (s->stop || s->delivered >= s->limit)
		return 0;
	return rc < 0 ? rc : 0;
}

/* Delivers the hits of sql (a page's rows at most, :n) whose key is in
 * [lo, hi). */
static int deliver_range(hane_db *db, struct search *s, const char *sql,
			 const char *lo, const char *hi)
{
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(db, &st, sql);

	if (rc)
		return rc;
	if (!(rc = hane_stmt_bind_text(st, ":lo", lo)) &&
	    !(rc = hane_stmt_bind_text(st, ":hi", hi)) &&
	    !(rc = hane_stmt_bind_int(st, ":n", s->offset + s->limit)))
		rc = deliver(s, st);
	hane_stmt_finalize(st);
	return rc;
}

/* Upper bound of a prefix range: every UTF-8 string starting with p sorts
 * below p followed by 0xFF, a byte that never occurs in UTF-8. */
static void range_hi(char *hi, size_t n, const char *p)
{
	size_t len = strlen(p);

	if (len + 2 > n)
		len = n - 2;
	memcpy(hi, p, len);
	hi[len] = '\xff';
	hi[len + 1] = '\0';
}

/* The range of digits: a prefix range, or (whole) the number alone:
 * every other string that starts with it sorts at or after it + 0x01. */
static void digits_hi(char *hi, size_t n, const char *p, bool whole)
{
	if (!whole) {
		range_hi(hi, n, p);
		return;
	}
	snprintf(hi, n, "%s\x01", p);
}

static int estimate(hane_db *db, const char *word, int64_t *n)
{
	char hi[WORD_MAX + 2];
	hane_stmt *st = NULL;
	int rc = hane_stmt_prepare(
		db, &st,
		"SELECT count(*) FROM (SELECT 1 FROM person_word"
		" WHERE word >= :lo AND word < :hi LIMIT :cap)");

	if (rc)
		return rc;
	range_hi(hi, sizeof hi, word);
	if (!(rc = hane_stmt_bind_text(st, ":lo", word)) &&
	    !(rc = hane_stmt_bind_text(st, ":hi", hi)) &&
	    !(rc = hane_stmt_bind_int(st, ":cap", ESTIMATE_CAP)))
		rc = hane_stmt_step(st);
	if (rc == HANE_ROW) {
		*n = hane_stmt_int(st, 0);
		rc = 0;
	}
	hane_stmt_finalize(st);
	return rc;
}

/* Phone digits as staff type them → the national number prefix. */
static const char *phone_prefix(const char *digits)
{
	if (strncmp(digits, "0090", 4) == 0)
		return digits + 4;
	if (strncmp(digits, "90", 2) == 0 && strlen(digits) >= 12)
		return digits + 2;
	if (digits[0] == '0')
		return digits + 1;
	return digits;
}

/* Names typed in order ("sukru yil") are a prefix of the folded full name:
 * one range of the person(name_key) index gives them first, in name
 * order, before the any-order word search fills the rest of the page. */
static int search_phrase(hane_db *db, struct search *s, char words[][WORD_MAX],
			 int nwords)
{
	char phrase[MAX_WORDS * WORD_MAX], hi[MAX_WORDS * WORD_MAX + 2];

	phrase[0] = '\0';
	for (int i = 0; i < nwords; i++) {
		if (i)
			strcat(phrase, " ");
		strcat(phrase, words[i]);
	}
	range_hi(hi, sizeof hi, phrase);
	return deliver_range(db, s,
			     "SELECT " HIT_COLUMNS " FROM person p"
			     " JOIN household h ON h.id = p.household_id"
			     " WHERE p.name_key >= :lo AND p.name_key < :hi"
			     " ORDER BY p.name_key LIMIT :n",
			     phrase, hi);
}

static int search_words(hane_db *db, struct search *s, char words[][WORD_MAX],
			int nwords, const char *digits)
{
	static const char *const other[MAX_WORDS - 1] = {":w1", ":w2", ":w3",
							 ":w4"};
	static const char *const other_hi[MAX_WORDS - 1] = {":h1", ":h2", ":h3",
							    ":h4"};
	char hi[WORD_MAX + 2], ohi[MAX_WORDS][WORD_MAX + 2], dhi[32];
	int64_t best = -1;
	int driver = 0, k = 0, rc;
	hane_stmt *st = NULL;

	for (int i = 0; i < nwords && nwords > 1; i++) {
		int64_t n = 0;

		if ((rc = estimate(db, words[i], &n)) != 0)
			return rc;
		if (best < 0 || n < best) {
			best = n;
			driver = i;
		}
	}
	/* The inner query walks only the two person_word indexes: persons
	 * are fetched for the page that is shown, not for every candidate. */
	rc = hane_stmt_prepare(
		db, &st,
		"SELECT " HIT_COLUMNS " FROM (SELECT DISTINCT w.person_id AS id"
		"  FROM person_word w WHERE w.word >= :lo AND w.word < :hi"
		"  AND (:w1 IS NULL OR EXISTS (SELECT 1 FROM person_word x"
		"   WHERE x.person_id = w.person_id AND x.word >= :w1"
		"   AND x.word < :h1))"
		"  AND (:w2 IS NULL OR EXISTS (SELECT 1 FROM person_word x"
		"   WHERE x.person_id = w.person_id AND x.word >= :w2"
		"   AND x.word < :h2))"
		"  AND (:w3 IS NULL OR EXISTS (SELECT 1 FROM person_word x"
		"   WHERE x.person_id = w.person_id AND x.word >= :w3"
		"   AND x.word < :h3))"
		"  AND (:w4 IS NULL OR EXISTS (SELECT 1 FROM person_word x"
		"   WHERE x.person_id = w.person_id AND x.word >= :w4"
		"   AND x.word < :h4))"
		"  AND (:d IS NULL OR EXISTS (SELECT 1 FROM person y"
		"   WHERE y.id = w.person_id AND ((y.tckn >= :d AND y.tckn < "
		":dhi)"
		"   OR (y.phone_key >= :d AND y.phone_key < :dhi))))"
		"  LIMIT :n) m"
		" JOIN person p ON p.id = m.id"
		" JOIN household h ON h.id = p.household_id");
	if (rc)
		return rc;
	range_hi(hi, sizeof hi, words[driver]);
	rc = hane_stmt_bind_text(st, ":lo", words[driver]);
	if (!rc)
		rc = hane_stmt_bind_text(st, ":hi", hi);
	for (int i = 0; i < nwords && !rc; i++) {
		if (i == driver)
			continue;
		range_hi(ohi[k], sizeof ohi[k], words[i]);
		rc = hane_stmt_bind_text(st, other[k], words[i]);
		if (!rc)
			rc = hane_stmt_bind_text(st, other_hi[k], ohi[k]);
		k++;
	}
	for (; k < MAX_WORDS - 1 && !rc; k++) {
		rc = hane_stmt_bind_null(st, other[k]);
		if (!rc)
			rc = hane_stmt_bind_null(st, other_hi[k]);
	}
	/* With a name, digits narrow by TC Kimlik or phone prefix. */
	if (digits && digits[0] == '0')
		digits = phone_prefix(digits);
	digits_hi(dhi, sizeof dhi, digits ? digits : "", s->whole);
	if (!rc)
		rc = hane_stmt_bind_text(st, ":d", digits);
	if (!rc)
		rc = hane_stmt_bind_text(st, ":dhi", dhi);
	if (!rc)
		rc = hane_stmt_bind_int(st, ":n", s->offset + s->limit);
	if (!rc)
		rc = deliver(s, st);
	hane_stmt_finalize(st);
	return rc;
}

static int search_digits(hane_db *db, struct search *s, const char *digits)
{
	static const char *const sql[] = {
		"SELECT " HIT_COLUMNS " FROM person p"
		" JOIN household h ON h.id = p.household_id"
		" WHERE p.tckn >= :lo AND p.tckn < :hi ORDER BY p.tckn LIMIT "
		":n",
		"SELECT " HIT_COLUMNS " FROM person p"
		" JOIN household h ON h.id = p.household_id"
		" WHERE p.phone_key >= :lo AND p.phone_key < :hi"
		" ORDER BY p.phone_key LIMIT :n",
		"SELECT " HIT_COLUMNS " FROM household h"
		" JOIN person p ON p.household_id = h.id"
		" WHERE h.phone_key >= :lo AND h.phone_key < :hi"
		" ORDER BY h.phone_key, p.relation <> 'head' LIMIT :n",
	};
	char hi[40];
	int rc = 0;

	for (size_t q = 0; q < 3 && !rc && !s->stop && s->delivered < s->limit;
	     q++) {
		const char *lo = q == 0 ? digits : phone_prefix(digits);

		if (!*lo)
			continue;
		/* A phone prefix of one or two digits matches half the city:
		 * only the TC Kimlik branch runs until the number is longer. */
		if (q > 0 && strlen(lo) < 3)
			continue;
		/* Masked roles: only a whole number matches. */
		if (s->whole && strlen(lo) != (q == 0 ? 11u : 10u))
			continue;
		digits_hi(hi, sizeof hi, lo, s->whole);
		rc = deliver_range(db, s, sql[q], lo, hi);
	}
	return rc;
}

/* A page of hits found by name reads in Turkish alphabetical order of
 * the name shown ("Ad Soyad": Canan, Cem, Çağla, Çağrı, Çetin): the
 * indexes hold folded keys, which put Ç with C. */
static int hit_cmp(const void *a, const void *b)
{
	const struct hane_person_hit *x = a, *y = b;
	char p[2 * sizeof x->first_name + 2], q[2 * sizeof y->first_name + 2];
	int r;

	snprintf(p, sizeof p, "%s %s", x->first_name, x->last_name);
	snprintf(q, sizeof q, "%s %s", y->first_name, y->last_name);
	if ((r = hane_text_cmp(p, q)) != 0)
		return r;
	return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

/* Hits are held until the search's log row is queued (written later,
 * hane_store_audit_event_later): a search that cannot be answered for
 * (refused, or 128 rows waiting that cannot be written) shows nobody. */
struct held {
	struct hane_person_hit *hits;
	int n;
};

static int hold(const struct hane_person_hit *hit, void *arg)
{
	struct held *h = arg;

	h->hits[h->n++] = *hit;
	return 0;
}

int hane_person_search(hane_db *db, const char *query, int limit, int offset,
		       int (*fn)(const struct hane_person_hit *hit, void *arg),
		       void *arg, int *total)
{
	char folded[256], words[MAX_WORDS][WORD_MAX], digits[32] = "";
	struct search s = {0};
	struct held held = {0};
	int nwords = 0, rc;

	if (total)
		*total = 0;
	if ((rc = hane_can(db, HANE_ACT_HOUSEHOLD_READ)) != 0)
		return rc;
	if (limit <= 0)
		return 0;
	if (offset < 0)
		offset = 0;
	hane_text_fold(folded, sizeof folded, query);
	for (char *save = NULL, *w = strtok_r(folded, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		if (strspn(w, "0123456789") == strlen(w)) {
			/* "0532 123 45 67": digit groups join into one. */
			if (strlen(digits) + strlen(w) < sizeof digits)
				strcat(digits, w);
		} else if (nwords < MAX_WORDS) {
			snprintf(words[nwords++], WORD_MAX, "%s", w);
		}
	}
	if (nwords == 0 && !digits[0])
		return 0;
	s.fn = hold;
	s.arg = &held;
	s.limit = limit;
	s.offset = offset;
	s.whole = !hane_gate_clear(db, HANE_GATE_REGISTRY, HANE_PD_TCKN);
	s.ids = malloc(sizeof *s.ids * ((size_t)limit + (size_t)offset));
	held.hits = malloc(sizeof *held.hits * (size_t)limit);
	if (!s.ids || !held.hits) {
		free(s.ids);
		free(held.hits);
		return HANE_ENOMEM;
	}
	if (nwords > 1 && !digits[0])
		rc = search_phrase(db, &s, words, nwords);
	if (nwords && rc == 0 && !s.stop && s.delivered < s.limit)
		rc = search_words(db, &s, words, nwords,
				  digits[0] ? digits : NULL);
	else if (!nwords)
		rc = search_digits(db, &s, digits);
	free(s.ids);
	if (rc == 0)
		rc = hane_gate_search(db,
				      !digits[0] ? "name"
				      : nwords	 ? "name+digits"
						 : "digits",
				      strlen(query), held.n);
	if (rc == 0 && nwords > 0 && held.n > 1)
		qsort(held.hits, (size_t)held.n, sizeof *held.hits, hit_cmp);
	for (int i = 0; rc == 0 && i < held.n; i++)
		if (fn(&held.hits[i], arg))
			break;
	free(held.hits);
	if (total && rc == 0)
		*total = s.delivered;
	return rc;
}
