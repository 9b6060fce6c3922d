/* The household registry: create, validate, duplicates, search, edit,
 * conflicts, moves and heads. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/households.h"
#include "hane/households_csv.h"
#include "hane/i18n.h"
#include "hane/staff.h"

static struct hane_person person(const char *first, const char *last,
				 const char *tckn, const char *birth)
{
	struct hane_person p;

	hane_person_init(&p);
	snprintf(p.first_name, sizeof p.first_name, "%s", first);
	snprintf(p.last_name, sizeof p.last_name, "%s", last);
	snprintf(p.tckn, sizeof p.tckn, "%s", tckn ? tckn : "");
	snprintf(p.birth_date, sizeof p.birth_date, "%s", birth ? birth : "");
	return p;
}

static int64_t make_household(hane_db *db, const char *first, const char *last,
			      const char *tckn, const char *birth, int64_t *pid)
{
	struct hane_household h;
	struct hane_person p = person(first, last, tckn, birth);
	int64_t hid = 0;

	hane_household_init(&h);
	strcpy(h.mahalle, "Gündoğdu");
	tu_ok(hane_household_create(db, &h, &p, &hid, pid, NULL));
	return hid;
}

struct hits {
	int n;
	char names[32][200];
	int64_t ids[32];
};

static int collect(const struct hane_person_hit *hit, void *arg)
{
	struct hits *h = arg;

	if (h->n < 32) {
		snprintf(h->names[h->n], sizeof h->names[0], "%s %s",
			 hit->first_name, hit->last_name);
		h->ids[h->n] = hit->person_id;
		h->n++;
	}
	return 0;
}

static struct hits search(hane_db *db, const char *q)
{
	struct hits h = {0};
	int total = -1;

	tu_ok(hane_person_search(db, q, 20, 0, collect, &h, &total));
	assert_int_equal(total, h.n);
	return h;
}

static bool has(const struct hits *h, const char *name)
{
	for (int i = 0; i < h->n; i++)
		if (strcmp(h->names[i], name) == 0)
			return true;
	return false;
}

static void test_create_household_with_head(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_household h;
	struct hane_person m[4];
	size_t n = 0;
	int64_t pid = 0, hid;

	(void)state;
	hid = make_household(db, "Şükrü", "Yılmaz", tu_tckn(1), "1950-01-04",
			     &pid);
	tu_ok(hane_household_get(db, hid, &h));
	assert_int_equal(h.head_id, pid);
	assert_string_equal(h.mahalle, "Gündoğdu");
	assert_string_equal(h.status, "active");
	assert_int_equal(h.members, 1);
	assert_int_equal(h.version, 1);
	tu_ok(hane_household_members(db, hid, m, 4, &n));
	assert_int_equal(n, 1);
	assert_string_equal(m[0].relation, "head");
	assert_string_equal(m[0].tckn, tu_tckn(1));
	assert_string_equal(m[0].updated_by, "tester");
	hane_store_close(db);
}

static void test_validation_names_the_field(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_household h;
	struct hane_person p = person("Ali", "Kaya", "12345678901", NULL);
	char tckn[12];

	(void)state;
	hane_household_init(&h);
	assert_int_equal(hane_household_create(db, &h, &p, NULL, NULL, NULL),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "TC Kimlik No"));
	assert_non_null(strstr(hane_error_last(), "Kontrol hanesi"));

	p = person("", "Kaya", NULL, NULL);
	assert_int_equal(hane_household_create(db, &h, &p, NULL, NULL, NULL),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Ad"));

	p = person("Ali", "Kaya", NULL, "2999-01-01");
	assert_int_equal(hane_household_create(db, &h, &p, NULL, NULL, NULL),
			 HANE_EINVAL);

	p = person("Ali", "Kaya", NULL, NULL);
	p.disability_pct = 140;
	assert_int_equal(hane_household_create(db, &h, &p, NULL, NULL, NULL),
			 HANE_EINVAL);

	p = person("Ali", "Kaya", NULL, NULL);
	strcpy(h.mahalle, "Atlantis");
	assert_int_equal(hane_household_create(db, &h, &p, NULL, NULL, NULL),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Atlantis"));

	/* A newborn without a number is allowed. */
	hane_household_init(&h);
	tu_ok(hane_household_create(db, &h, &p, NULL, NULL, NULL));

	/* English messages with --lang en. */
	hane_lang_set(HANE_LANG_EN);
	snprintf(tckn, sizeof tckn, "%s", tu_tckn(5));
	tckn[10] = tckn[10] == '9' ? '0' : (char)(tckn[10] + 1);
	p = person("Ali", "Kaya", tckn, NULL);
	assert_int_equal(hane_household_create(db, &h, &p, NULL, NULL, NULL),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Check digits"));
	hane_lang_set(HANE_LANG_TR);
	hane_store_close(db);
}

static void test_duplicate_tckn_refused_names_existing(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_household h;
	struct hane_person p = person("Başka", "Biri", tu_tckn(7), NULL);
	int64_t pid = 0, before = 0, after = 0;

	(void)state;
	make_household(db, "Ayşe", "Demir", tu_tckn(7), "1970-05-06", &pid);
	tu_ok(hane_store_query_int(db, &before,
				   "SELECT count(*) FROM household", NULL, 0));
	hane_household_init(&h);
	assert_int_equal(hane_household_create(db, &h, &p, NULL, NULL, NULL),
			 HANE_EEXIST);
	assert_non_null(strstr(hane_error_last(), "Ayşe Demir"));
	assert_non_null(strstr(hane_error_last(), tu_tckn(7)));
	/* Nothing half-written: no empty household left behind. */
	tu_ok(hane_store_query_int(db, &after, "SELECT count(*) FROM household",
				   NULL, 0));
	assert_int_equal(before, after);
	hane_store_close(db);
}

static void test_same_name_and_birth_warns(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_household h;
	struct hane_person p = person("ŞÜKRÜ", "yılmaz", NULL, "1950-01-04");
	struct hane_dup dup;
	int64_t pid = 0, hid = 0;

	(void)state;
	make_household(db, "Şükrü", "Yılmaz", tu_tckn(1), "1950-01-04", &pid);
	hane_household_init(&h);
	tu_ok(hane_household_create(db, &h, &p, &hid, NULL, &dup));
	assert_true(hid > 0);
	assert_int_equal(dup.similar_id, pid);
	assert_string_equal(dup.name, "Şükrü Yılmaz");
	/* The check alone, as the form calls it while typing. */
	p = person("Sukru", "Yilmaz", NULL, "1950-01-04");
	tu_ok(hane_person_check_duplicate(db, &p, &dup));
	assert_true(dup.similar_id != 0);
	p = person("Sukru", "Yilmaz", NULL, "1951-01-04");
	tu_ok(hane_person_check_duplicate(db, &p, &dup));
	assert_int_equal(dup.similar_id, 0);
	hane_store_close(db);
}

static void test_add_member_and_members_order(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_person c =
		person("Elif", "Yılmaz", tu_tckn(3), "2010-02-03");
	struct hane_person s =
		person("Ayşe", "Yılmaz", tu_tckn(2), "1955-03-04");
	struct hane_person m[8];
	size_t n = 0;
	int64_t pid = 0, hid, cid = 0, sid = 0;

	(void)state;
	hid = make_household(db, "Şükrü", "Yılmaz", tu_tckn(1), "1950-01-04",
			     &pid);
	c.household_id = s.household_id = hid;
	strcpy(c.relation, "child");
	strcpy(s.relation, "spouse");
	tu_ok(hane_person_add(db, &c, &cid, NULL));
	tu_ok(hane_person_add(db, &s, &sid, NULL));
	tu_ok(hane_household_members(db, hid, m, 8, &n));
	assert_int_equal(n, 3);
	assert_int_equal(m[0].id, pid);
	assert_int_equal(m[1].id, sid);
	assert_int_equal(m[2].id, cid);
	/* A second head cannot be added directly. */
	c = person("Veli", "Yılmaz", NULL, NULL);
	c.household_id = hid;
	assert_int_equal(hane_person_add(db, &c, NULL, NULL), HANE_EINVAL);
	/* Unknown household. */
	strcpy(c.relation, "other");
	c.household_id = 999;
	assert_int_equal(hane_person_add(db, &c, NULL, NULL), HANE_ENOTFOUND);
	hane_store_close(db);
}

static void test_search_turkish_and_ascii(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hits h;
	int64_t pid = 0;

	(void)state;
	make_household(db, "Şükrü", "Yılmaz", tu_tckn(1), "1950-01-04", &pid);
	make_household(db, "Şükrü", "Yıldız", tu_tckn(2), "1962-07-12", &pid);
	make_household(db, "Ayşe", "IŞIK", tu_tckn(3), NULL, &pid);
	make_household(db, "İbrahim", "Ilık", tu_tckn(4), NULL, &pid);
	make_household(db, "Ömer", "Çelik", tu_tckn(5), NULL, &pid);
	make_household(db, "Mehmet Ali", "Sukruoglu", tu_tckn(6), NULL, &pid);

	h = search(db, "sukru");
	assert_int_equal(h.n, 3);
	assert_true(has(&h, "Şükrü Yılmaz"));
	assert_true(has(&h, "Şükrü Yıldız"));
	assert_true(has(&h, "Mehmet Ali Sukruoglu")); /* word prefix */

	h = search(db, "sukru yıl");
	assert_int_equal(h.n, 2);
	h = search(db, "ŞÜKRÜ YILM");
	assert_int_equal(h.n, 1);
	assert_true(has(&h, "Şükrü Yılmaz"));
	h = search(db, "yilmaz sukru"); /* any order */
	assert_int_equal(h.n, 1);

	h = search(db, "ışık");
	assert_int_equal(h.n, 1);
	assert_true(has(&h, "Ayşe IŞIK"));
	h = search(db, "IŞIK");
	assert_int_equal(h.n, 1);
	h = search(db, "isik");
	assert_int_equal(h.n, 1);
	h = search(db, "ilik");
	assert_int_equal(h.n, 1);
	assert_true(has(&h, "İbrahim Ilık"));
	h = search(db, "ibra");
	assert_int_equal(h.n, 1);
	h = search(db, "İBRAHİM");
	assert_int_equal(h.n, 1);
	h = search(db, "celik omer");
	assert_int_equal(h.n, 1);
	h = search(db, "ali");
	assert_int_equal(h.n, 1);
	/* Inside a word is not a prefix. */
	h = search(db, "lmaz");
	assert_int_equal(h.n, 0);
	h = search(db, "zzz");
	assert_int_equal(h.n, 0);
	h = search(db, "   ");
	assert_int_equal(h.n, 0);
	hane_store_close(db);
}

static void test_search_tckn_and_phone(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_household hh;
	struct hane_person p = person("Fatma", "Kurt", tu_tckn(42), NULL);
	struct hits h;
	char prefix[16];
	int64_t pid = 0, hid = 0;

	(void)state;
	hane_household_init(&hh);
	strcpy(p.phone, "+905321234567");
	strcpy(hh.phone, "+902623180000");
	tu_ok(hane_household_create(db, &hh, &p, &hid, &pid, NULL));
	make_household(db, "Zeynep", "Koç", tu_tckn(43), NULL, &pid);

	snprintf(prefix, sizeof prefix, "%.6s", tu_tckn(42));
	h = search(db, prefix);
	assert_true(h.n >= 1);
	assert_true(has(&h, "Fatma Kurt"));
	h = search(db, tu_tckn(42));
	assert_int_equal(h.n, 1);

	h = search(db, "0532 123 45 67");
	assert_int_equal(h.n, 1);
	assert_true(has(&h, "Fatma Kurt"));
	h = search(db, "532123");
	assert_int_equal(h.n, 1);
	h = search(db, "+90 532 1234567");
	assert_int_equal(h.n, 1);
	/* The household's landline finds its members. */
	h = search(db, "0262 318");
	assert_int_equal(h.n, 1);
	h = search(db, "0555");
	assert_int_equal(h.n, 0);
	/* Name and digits together narrow. */
	h = search(db, "fatma 0532");
	assert_int_equal(h.n, 1);
	h = search(db, "zeynep 0532");
	assert_int_equal(h.n, 0);

	/* KVKK (#16): search is no oracle. For a reporter (numbers masked)
	 * digits find a person only by the whole TC Kimlik No or the whole
	 * phone number; a prefix finds nobody, so the masked digits cannot
	 * be read back one keystroke at a time. */
	{
		int64_t n = 0, leaked = -1;

		tu_staff(db, "rapor", "Rapor", "reporter", NULL);
		tu_ok(hane_store_set_actor(db, "rapor"));
		assert_int_equal(search(db, prefix).n, 0);
		snprintf(prefix, sizeof prefix, "%.10s", tu_tckn(42));
		assert_int_equal(search(db, prefix).n, 0);
		assert_int_equal(search(db, tu_tckn(42)).n, 1);
		assert_int_equal(search(db, "0532 123 45 6").n, 0);
		assert_int_equal(search(db, "532123").n, 0);
		assert_int_equal(search(db, "0532 123 45 67").n, 1);
		assert_int_equal(search(db, "+90 532 1234567").n, 1);
		assert_int_equal(search(db, "0262 318 00 00").n, 1);
		assert_int_equal(search(db, "0262 318").n, 0);
		assert_int_equal(search(db, "fatma 0532").n, 0);
		assert_int_equal(search(db, "fatma 05321234567").n, 1);
		assert_int_equal(search(db, "fatma").n, 1);
		/* Every search is logged with its count, never the query
		 * (written with the next commit or within a second). */
		tu_ok(hane_store_events_flush(db));
		tu_ok(hane_store_query_int(db, &n,
					   "SELECT count(*) FROM audit WHERE"
					   " action = 'person.search' AND"
					   " username = 'rapor'",
					   NULL, 0));
		assert_int_equal(n, 12);
		tu_ok(hane_store_query_int(db, &leaked,
					   "SELECT count(*) FROM audit WHERE"
					   " action = 'person.search' AND"
					   " (changes LIKE '%123%'"
					   " OR changes LIKE '%fatma%')",
					   NULL, 0));
		assert_int_equal(leaked, 0);
	}
	hane_store_close(db);
}

static void test_search_paging_and_limit(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hits a = {0}, b = {0};
	int64_t pid = 0;
	int total = 0;

	(void)state;
	for (int i = 0; i < 30; i++)
		make_household(db, "Ahmet", "Kaya", tu_tckn(100 + (uint64_t)i),
			       NULL, &pid);
	tu_ok(hane_person_search(db, "ahmet", 10, 0, collect, &a, &total));
	assert_int_equal(total, 10);
	tu_ok(hane_person_search(db, "ahmet", 10, 10, collect, &b, &total));
	assert_int_equal(total, 10);
	for (int i = 0; i < 10; i++)
		for (int j = 0; j < 10; j++)
			assert_true(a.ids[i] != b.ids[j]);
	/* Two words go through the name-order branch and then the any-order
	 * one: pages stay disjoint and complete across both. */
	make_household(db, "Kaya", "Ahmetoğlu", tu_tckn(200), NULL, &pid);
	{
		struct hits all = {0}, p1 = {0}, p2 = {0};

		tu_ok(hane_person_search(db, "ahmet kaya", 31, 0, collect, &all,
					 &total));
		assert_int_equal(total, 31);
		assert_string_equal(all.names[30], "Kaya Ahmetoğlu");
		tu_ok(hane_person_search(db, "ahmet kaya", 16, 0, collect, &p1,
					 &total));
		tu_ok(hane_person_search(db, "ahmet kaya", 16, 16, collect, &p2,
					 &total));
		assert_int_equal(total, 15);
		for (int i = 0; i < 16; i++)
			for (int j = 0; j < 15; j++)
				assert_true(p1.ids[i] != p2.ids[j]);
	}
	hane_store_close(db);
}

static void test_update_person_and_conflict(void **state)
{
	const char *path = tu_tmp_path("hh-conflict");
	hane_db *a = tu_open(path), *b = NULL;
	struct hane_person pa, pb;
	int64_t pid = 0;
	struct hits h;

	(void)state;
	make_household(a, "Şükrü", "Yılmaz", tu_tckn(1), "1950-01-04", &pid);
	tu_ok(hane_store_open(&b, path, 0));
	tu_ok(hane_store_set_actor(b, "tester"));
	tu_ok(hane_person_get(a, pid, &pa));
	tu_ok(hane_person_get(b, pid, &pb));

	strcpy(pb.last_name, "Yıldırım");
	tu_ok(hane_person_update(b, &pb));
	assert_int_equal(pb.version, 2);
	/* The search words follow the new name. */
	h = search(b, "yildirim");
	assert_int_equal(h.n, 1);
	h = search(b, "yilmaz");
	assert_int_equal(h.n, 0);

	strcpy(pa.first_name, "Şükran");
	assert_int_equal(hane_person_update(a, &pa), HANE_ECONFLICT);
	assert_string_equal(hane_store_last_conflict(a)->updated_by, "tester");
	tu_ok(hane_person_get(a, pid, &pa));
	assert_string_equal(pa.first_name, "Şükrü"); /* a's change not saved */
	assert_string_equal(pa.last_name, "Yıldırım");
	hane_store_close(b);
	hane_store_close(a);
}

static void test_update_household_fields(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_household h;
	int64_t pid = 0, hid, n = 0;

	(void)state;
	hid = make_household(db, "Ali", "Kaya", tu_tckn(1), NULL, &pid);
	tu_ok(hane_household_get(db, hid, &h));
	h.income_kurus = 825050;
	strcpy(h.street, "Atatürk Cd.");
	strcpy(h.door, "3");
	tu_ok(hane_household_update(db, &h));
	assert_int_equal(h.version, 2);
	tu_ok(hane_household_get(db, hid, &h));
	assert_int_equal(h.income_kurus, 825050);
	assert_string_equal(h.street, "Atatürk Cd.");
	tu_ok(hane_store_query_int(db, &n,
				   "SELECT count(*) FROM audit WHERE tbl ="
				   " 'household' AND action = 'update' AND"
				   " changes LIKE '%income_kurus%'",
				   NULL, 0));
	assert_int_equal(n, 1);
	tu_ok(hane_household_set_status(db, hid, h.version, "passive"));
	tu_ok(hane_household_get(db, hid, &h));
	assert_string_equal(h.status, "passive");
	assert_int_equal(hane_household_set_status(db, hid, h.version, "gone"),
			 HANE_EINVAL);
	hane_store_close(db);
}

static void test_move_and_set_head(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_person c = person("Elif", "Yılmaz", tu_tckn(3), NULL);
	struct hane_person p;
	struct hane_household h;
	int64_t head = 0, other_head = 0, cid = 0, hid, hid2;

	(void)state;
	hid = make_household(db, "Şükrü", "Yılmaz", tu_tckn(1), NULL, &head);
	hid2 = make_household(db, "Ayşe", "Kaya", tu_tckn(2), NULL,
			      &other_head);
	c.household_id = hid;
	strcpy(c.relation, "child");
	tu_ok(hane_person_add(db, &c, &cid, NULL));

	/* The head cannot leave members behind. */
	tu_ok(hane_person_get(db, head, &p));
	assert_int_equal(hane_person_move(db, head, p.version, hid2, NULL),
			 HANE_EINVAL);
	/* A member moves, as "spouse" here. */
	tu_ok(hane_person_get(db, cid, &p));
	tu_ok(hane_person_move(db, cid, p.version, hid2, "spouse"));
	tu_ok(hane_person_get(db, cid, &p));
	assert_int_equal(p.household_id, hid2);
	assert_string_equal(p.relation, "spouse");
	/* Moving to where it is already, or with a stale version. */
	assert_int_equal(hane_person_move(db, cid, p.version, hid2, NULL),
			 HANE_EINVAL);
	assert_int_equal(hane_person_move(db, cid, 1, hid, NULL),
			 HANE_ECONFLICT);

	/* Make the moved person head of the second household. */
	tu_ok(hane_household_set_head(db, hid2, cid));
	tu_ok(hane_household_get(db, hid2, &h));
	assert_int_equal(h.head_id, cid);
	tu_ok(hane_person_get(db, other_head, &p));
	assert_string_equal(p.relation, "other");
	assert_int_equal(hane_household_set_head(db, hid2, head), HANE_EINVAL);

	/* A head alone moves and leaves a passive household. */
	tu_ok(hane_person_get(db, head, &p));
	tu_ok(hane_person_move(db, head, p.version, hid2, "parent"));
	tu_ok(hane_household_get(db, hid, &h));
	assert_string_equal(h.status, "passive");
	assert_int_equal(h.head_id, 0);
	assert_int_equal(h.members, 0);
	/* Nobody joins a passive household. */
	tu_ok(hane_person_get(db, head, &p));
	assert_int_equal(hane_person_move(db, head, p.version, hid, NULL),
			 HANE_EINVAL);
	hane_store_close(db);
}

static void test_mahalle_matching(void **state)
{
	hane_db *db = tu_open(NULL);
	char out[HANE_NAME_MAX];

	(void)state;
	tu_ok(hane_mahalle_match(db, out, "gundogdu"));
	assert_string_equal(out, "Gündoğdu");
	tu_ok(hane_mahalle_match(db, out, "GÜNDOĞDU MAH."));
	assert_string_equal(out, "Gündoğdu");
	tu_ok(hane_mahalle_match(db, out, "28 haziran"));
	assert_string_equal(out, "28 Haziran");
	assert_int_equal(hane_mahalle_match(db, out, "Atlantis"),
			 HANE_ENOTFOUND);
	assert_non_null(strstr(hane_error_last(), "Atlantis"));
	hane_store_close(db);
}

static int count_names(const char *name, void *arg)
{
	(void)name;
	(*(int *)arg)++;
	return 0;
}

static void test_mahalle_list_complete(void **state)
{
	hane_db *db = tu_open(NULL);
	char path[1024], line[256];
	int n = 0, lines = 0;
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "%s/data/reference/izmit-mahalleler.txt",
		 getenv("HANE_SOURCE_DIR") ? getenv("HANE_SOURCE_DIR") : ".");
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f))
		if (line[0] != '\n')
			lines++;
	fclose(f);
	tu_ok(hane_mahalle_each(db, count_names, &n));
	assert_int_equal(n, lines);
	assert_true(n > 50);
	hane_store_close(db);
}

static void test_bulk_writes(void **state)
{
	hane_db *db = tu_open(NULL);
	struct hane_household h;
	struct hane_person p;
	struct hane_hh_bulk *b = NULL;
	struct hane_person m[4];
	size_t n = 0;
	int64_t hid = 0, pid = 0, cid = 0, audits = 0, count = 0;
	hane_stmt *st = NULL;

	(void)state;
	hane_household_init(&h);
	strcpy(h.mahalle, "Serdar");
	tu_ok(hane_hh_bulk_begin(db, &b, "import"));
	p = person("Şükrü", "Yılmaz", tu_tckn(1), "1950-01-04");
	tu_ok(hane_hh_bulk_household(b, &h, &p, &hid, &pid));
	p = person("Elif", "Yılmaz", tu_tckn(2), NULL);
	p.household_id = hid;
	strcpy(p.relation, "child");
	tu_ok(hane_hh_bulk_person(b, &p, &cid));
	/* The same number again in the batch is a row error; the batch goes
	 * on and keeps the rows before it. */
	assert_int_equal(hane_hh_bulk_person(b, &p, NULL), HANE_EEXIST);
	assert_non_null(strstr(hane_error_last(), "Elif Yılmaz"));
	p = person("", "Boş", NULL, NULL);
	p.household_id = hid;
	strcpy(p.relation, "other");
	assert_int_equal(hane_hh_bulk_person(b, &p, NULL), HANE_EINVAL);
	strcpy(p.relation, "head");
	assert_int_equal(hane_hh_bulk_person(b, &p, NULL), HANE_EINVAL);
	tu_ok(hane_hh_bulk_end(b, true, "{\"file\":\"x.csv\"}"));

	tu_ok(hane_household_get(db, hid, &h));
	assert_int_equal(h.head_id, pid);
	/* The household's row as the field table writes it: empty text and
	 * no income are NULL, stamped version 1 by the importer. */
	tu_ok(hane_store_query_int(
		db, &count,
		"SELECT count(*) FROM household WHERE mahalle = 'Serdar'"
		" AND street IS NULL AND phone IS NULL AND phone_key IS NULL"
		" AND income_kurus IS NULL AND status = 'active'"
		" AND version = 1 AND created_by = 'tester'",
		NULL, 0));
	assert_int_equal(count, 1);
	count = 0;
	tu_ok(hane_household_members(db, hid, m, 4, &n));
	assert_int_equal(n, 2);
	assert_string_equal(m[1].relation, "child");
	assert_string_equal(m[0].updated_by, "tester");
	/* Found by search like any other person. */
	assert_int_equal(search(db, "sukru yil").n, 1);
	/* One audit event for the batch, naming what it made. */
	tu_ok(hane_store_query_int(db, &audits,
				   "SELECT count(*) FROM audit"
				   " WHERE action <> 'person.search'",
				   NULL, 0));
	assert_int_equal(audits, 1);
	tu_ok(hane_stmt_prepare(db, &st,
				"SELECT action, changes FROM audit"
				" WHERE action <> 'person.search'"));
	assert_int_equal(hane_stmt_step(st), HANE_ROW);
	assert_string_equal(hane_stmt_text(st, 0), "import");
	assert_non_null(strstr(hane_stmt_text(st, 1), "\"persons\":2"));
	assert_non_null(strstr(hane_stmt_text(st, 1), "\"file\":\"x.csv\""));
	hane_stmt_finalize(st);

	/* A batch ended without commit leaves nothing. */
	tu_ok(hane_hh_bulk_begin(db, &b, "import"));
	p = person("Veli", "Kaya", tu_tckn(3), NULL);
	tu_ok(hane_hh_bulk_household(b, &h, &p, NULL, NULL));
	hane_hh_bulk_end(b, false, NULL);
	tu_ok(hane_store_query_int(db, &count, "SELECT count(*) FROM person",
				   NULL, 0));
	assert_int_equal(count, 2);
	assert_int_equal(hane_store_depth(db), 0);

	/* Held into an empty registry (the first import, which runs
	 * without SQLite's foreign keys), a person's household must be one
	 * the batch made: anything else is refused, nothing is written. */
	tu_ok(hane_store_exec(db,
			      "DELETE FROM person_word;"
			      " DELETE FROM person; DELETE FROM household"));
	tu_ok(hane_store_foreign_keys(db, false));
	tu_ok(hane_hh_bulk_begin(db, &b, "import"));
	{
		bool fresh = false;

		tu_ok(hane_hh_bulk_hold(b, &fresh));
		assert_true(fresh);
	}
	p = person("Veli", "Kaya", tu_tckn(4), NULL);
	tu_ok(hane_hh_bulk_household(b, &h, &p, &hid, NULL));
	p = person("Ayşe", "Kaya", tu_tckn(5), NULL);
	strcpy(p.relation, "child");
	p.household_id = hid;
	tu_ok(hane_hh_bulk_person(b, &p, NULL));
	p.household_id = hid + 1;
	assert_int_equal(hane_hh_bulk_person(b, &p, NULL), HANE_EINTERNAL);
	assert_non_null(strstr(hane_error_last(), "not made by this batch"));
	p.household_id = 0;
	assert_int_equal(hane_hh_bulk_person(b, &p, NULL), HANE_EINTERNAL);
	hane_hh_bulk_end(b, false, NULL);
	tu_ok(hane_store_foreign_keys(db, true));
	tu_ok(hane_store_query_int(db, &count, "SELECT count(*) FROM person",
				   NULL, 0));
	assert_int_equal(count, 0);
	/* Switched only outside a transaction, where SQLite heeds it. */
	tu_ok(hane_store_begin(db));
	assert_int_equal(hane_store_foreign_keys(db, false), HANE_EINTERNAL);
	tu_ok(hane_store_end(db, 0));
	tu_ok(hane_store_query_int(db, &count, "PRAGMA foreign_keys", NULL, 0));
	assert_int_equal(count, 1);

	/* An unknown user cannot start one. */
	assert_int_equal(hane_store_set_actor(db, "nobody"), HANE_ENOUSER);
	assert_int_equal(hane_hh_bulk_begin(db, &b, "import"), HANE_EPERM);
	hane_store_close(db);
}

static bool stop_at(const struct hane_import_counts *c, void *arg)
{
	return c->rows < *(int64_t *)arg;
}

static void test_import_cancelled_writes_nothing(void **state)
{
	const char *csv = tu_tmp_path("cancel");
	hane_db *db = tu_open(NULL);
	struct hane_import_opts o = {0};
	struct hane_import_counts c;
	int64_t stop = 2048, n = -1;
	FILE *f = fopen(csv, "w");

	(void)state;
	assert_non_null(f);
	fputs("TC Kimlik No;Ad;Soyad\n", f);
	for (int i = 0; i < 3000; i++)
		fprintf(f, "%s;Ali;Kaya\n", tu_tckn(1000 + (uint64_t)i));
	fclose(f);
	o.progress = stop_at;
	o.arg = &stop;
	/* The callback says stop after 2048 rows: nothing at all is kept. */
	assert_int_equal(hane_households_import(db, csv, &o, &c),
			 HANE_ECANCELED);
	tu_ok(hane_store_query_int(db, &n, "SELECT count(*) FROM person", NULL,
				   0));
	assert_int_equal(n, 0);
	assert_int_equal(hane_store_depth(db), 0);
	/* Going on to the end imports every row. */
	stop = 1 << 30;
	tu_ok(hane_households_import(db, csv, &o, &c));
	tu_ok(hane_store_query_int(db, &n, "SELECT count(*) FROM person", NULL,
				   0));
	assert_int_equal(n, 3000);
	hane_store_close(db);
}

static void test_relations(void **state)
{
	(void)state;
	assert_true(hane_relation_valid("spouse"));
	assert_false(hane_relation_valid("eşi"));
	assert_string_equal(hane_relation_label("spouse"), "eşi");
	assert_string_equal(hane_relation_parse("Eşi"), "spouse");
	assert_string_equal(hane_relation_parse("çocuğu"), "child");
	assert_string_equal(hane_relation_parse("HANE REİSİ"), "head");
	assert_string_equal(hane_relation_parse("grandchild"), "grandchild");
	assert_null(hane_relation_parse("komşu"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_household_with_head),
		cmocka_unit_test(test_validation_names_the_field),
		cmocka_unit_test(test_duplicate_tckn_refused_names_existing),
		cmocka_unit_test(test_same_name_and_birth_warns),
		cmocka_unit_test(test_add_member_and_members_order),
		cmocka_unit_test(test_search_turkish_and_ascii),
		cmocka_unit_test(test_search_tckn_and_phone),
		cmocka_unit_test(test_search_paging_and_limit),
		cmocka_unit_test(test_update_person_and_conflict),
		cmocka_unit_test(test_update_household_fields),
		cmocka_unit_test(test_move_and_set_head),
		cmocka_unit_test(test_mahalle_matching),
		cmocka_unit_test(test_mahalle_list_complete),
		cmocka_unit_test(test_bulk_writes),
		cmocka_unit_test(test_import_cancelled_writes_nothing),
		cmocka_unit_test(test_relations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
