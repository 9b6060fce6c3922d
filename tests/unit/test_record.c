/* Records as field tables (hane/record.h): get, each, find and save of a
 * fake unit's record through its descriptor (NULLs, sizes, version check,
 * audit), the registry, and retention and merge seeing a table they were
 * never told about except by its field table. */
#include "testutil.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/foodbank.h"
#include "hane/homecare.h"
#include "hane/households.h"
#include "hane/overview.h"
#include "hane/record.h"
#include "hane/security.h"
#include "hane/store.h"

/* ---- A fake unit: a club whose members are persons ----------------------- */

struct club_member {
	int64_t id;
	int64_t version;
	int64_t person_id;
	char remark[64];   /* free text about the person */
	char nickname[16]; /* "" is NULL */
	int64_t fee_kurus; /* -1 unknown */
	char joined[11];
	bool active;
	int level; /* -1 unknown */
	char updated_at[20];
	char updated_by[64];
};

#define CLUB_FIELDS(F)                                                         \
	F(person_id, HANE_FT_REF, "person", "Kişi", "Person", NULL,            \
	  HANE_FF_PERSON_REF)                                                  \
	F(remark, HANE_FT_TEXT, "remark", "Not", "Remark", NULL,               \
	  HANE_FF_PERSONAL)                                                    \
	F(nickname, HANE_FT_TEXT, "nick", "Lakap", "Nickname", NULL,           \
	  HANE_FF_EMPTY_NULL)                                                  \
	F(fee_kurus, HANE_FT_MONEY, "fee", "Aidat", "Fee", NULL, 0)            \
	F(joined, HANE_FT_DATE, "joined", "Giriş", "Joined", NULL, 0)          \
	F(active, HANE_FT_BOOL, "active", "Etkin", "Active", NULL, 0)          \
	F(level, HANE_FT_INT, "level", "Düzey", "Level", NULL,                 \
	  HANE_FF_EMPTY_NULL)

#define F(...) HANE_FDEF(struct club_member, __VA_ARGS__)
static const struct hane_fdef club_fields[] = {CLUB_FIELDS(F)};
#undef F
static const struct hane_rdef club =
	HANE_RDEF_STAMPED(struct club_member, "test_club", "test", club_fields);

/* A gift whose giver is a person by another column name. */
struct gift {
	int64_t id;
	int64_t version;
	int64_t giver_person_id;
	char what[32];
};
#define F(...) HANE_FDEF(struct gift, __VA_ARGS__)
static const struct hane_fdef gift_fields[] = {
	F(giver_person_id, HANE_FT_REF, NULL, "Bağışçı", "Giver", NULL,
	  HANE_FF_PERSON_REF) F(what, HANE_FT_TEXT, NULL, "Ne", "What", NULL,
				HANE_FF_PERSONAL)};
#undef F
static const struct hane_rdef gift =
	HANE_RDEF(struct gift, "test_gift", "test", gift_fields);

static void create_tables(hane_db *db)
{
	tu_ok(hane_store_exec(
		db, "CREATE TABLE test_club (id INTEGER PRIMARY KEY,"
		    " person_id INTEGER REFERENCES person (id), remark TEXT,"
		    " nickname TEXT, fee_kurus INTEGER, joined TEXT,"
		    " active INTEGER NOT NULL DEFAULT 0, level INTEGER,"
		    " version INTEGER NOT NULL, created_at TEXT, created_by"
		    " TEXT, updated_at TEXT, updated_by TEXT);"
		    "CREATE TABLE test_gift (id INTEGER PRIMARY KEY,"
		    " giver_person_id INTEGER REFERENCES person (id),"
		    " what TEXT, version INTEGER NOT NULL, created_at TEXT,"
		    " created_by TEXT, updated_at TEXT, updated_by TEXT)"));
	tu_ok(hane_record_register(&club));
	tu_ok(hane_record_register(&gift));
}

static int64_t count(hane_db *db, const char *sql, int64_t arg)
{
	int64_t n = -1;

	tu_ok(hane_store_query_int(db, &n, sql, strstr(sql, ":a") ? ":a" : NULL,
				   arg));
	return n;
}

static int64_t add_person(hane_db *db, const char *tckn, const char *first)
{
	struct hane_household h;
	struct hane_person p;
	int64_t pid = 0;

	hane_household_init(&h);
	hane_person_init(&p);
	snprintf(h.street, sizeof h.street, "Gizli Sk.");
	snprintf(p.tckn, sizeof p.tckn, "%s", tckn ? tckn : "");
	snprintf(p.first_name, sizeof p.first_name, "%s", first);
	snprintf(p.last_name, sizeof p.last_name, "Kaya");
	snprintf(p.birth_date, sizeof p.birth_date, "1960-05-17");
	tu_ok(hane_household_create(db, &h, &p, NULL, &pid, NULL));
	return pid;
}

static int64_t add_member(hane_db *db, int64_t pid, const char *remark)
{
	struct club_member m = {0};

	m.person_id = pid;
	snprintf(m.remark, sizeof m.remark, "%s", remark);
	m.fee_kurus = -1;
	m.level = -1;
	tu_ok(hane_record_save(db, &club, &m, NULL));
	return m.id;
}

/* ---- Moving records ---------------------------------------------------- */

/* One argument serves bind and fn. */
struct walk {
	int active;
	char seen[256];
};

static int collect(const void *rec, void *arg)
{
	const struct club_member *m = rec;
	struct walk *w = arg;

	strcat(w->seen, m->remark);
	strcat(w->seen, ";");
	return 0;
}

static int bind_active(hane_stmt *st, void *arg)
{
	return hane_stmt_bind_int(st, ":a", ((struct walk *)arg)->active);
}

static void test_save_get_each(void **s)
{
	hane_db *db = tu_open(NULL);
	struct club_member m = {0}, back, stale;
	struct walk w = {1, ""};
	int changed = -1;
	int64_t pid;

	(void)s;
	create_tables(db);
	pid = add_person(db, tu_tckn(1), "Ayşe");
	/* Insert: id 0. Empty text, unknown money and level, ref 0 → NULL. */
	snprintf(m.remark, sizeof m.remark, "ilk");
	m.fee_kurus = -1;
	m.level = -1;
	tu_ok(hane_record_save(db, &club, &m, &changed));
	assert_true(m.id > 0);
	assert_int_equal(m.version, 1);
	assert_int_equal(changed, 1);
	assert_int_equal(count(db,
			       "SELECT count(*) FROM test_club WHERE"
			       " person_id IS NULL AND nickname IS NULL AND"
			       " fee_kurus IS NULL AND level IS NULL AND"
			       " remark = 'ilk' AND active = 0 AND version = 1"
			       " AND created_by = 'tester'",
			       0),
			 1);
	assert_int_equal(count(db,
			       "SELECT count(*) FROM audit WHERE tbl ="
			       " 'test_club' AND action = 'insert' AND row_id"
			       " = :a",
			       m.id),
			 1);
	tu_ok(hane_record_get(db, &club, m.id, &back));
	assert_int_equal(back.fee_kurus, -1);
	assert_int_equal(back.level, -1);
	assert_int_equal(back.person_id, 0);
	assert_string_equal(back.nickname, "");
	assert_string_equal(back.updated_by, "tester");
	assert_string_equal(back.updated_at, "2026-06-15 10:00:00");
	/* Update: every type written, read back the same. */
	stale = back;
	back.person_id = pid;
	snprintf(back.nickname, sizeof back.nickname, "Ayşo");
	back.fee_kurus = 123450;
	snprintf(back.joined, sizeof back.joined, "2026-01-31");
	back.active = true;
	back.level = 3;
	tu_ok(hane_record_save(db, &club, &back, &changed));
	assert_int_equal(changed, 6);
	tu_ok(hane_record_get(db, &club, m.id, &m));
	assert_int_equal(m.version, 2);
	assert_int_equal(m.person_id, pid);
	assert_string_equal(m.nickname, "Ayşo");
	assert_int_equal(m.fee_kurus, 123450);
	assert_string_equal(m.joined, "2026-01-31");
	assert_true(m.active);
	assert_int_equal(m.level, 3);
	assert_int_equal(count(db,
			       "SELECT count(*) FROM audit WHERE tbl ="
			       " 'test_club' AND action = 'update' AND changes"
			       " LIKE '%\"fee_kurus\":[null,123450]%'",
			       0),
			 1);
	/* The old version is refused; nothing differing is a no-op. */
	snprintf(stale.remark, sizeof stale.remark, "eski");
	assert_int_equal(hane_record_save(db, &club, &stale, NULL),
			 HANE_ECONFLICT);
	tu_ok(hane_record_save(db, &club, &m, &changed));
	assert_int_equal(changed, 0);
	/* A text longer than the member is cut, never overflows. */
	tu_ok(hane_store_exec(db, "UPDATE test_club SET nickname ="
				  " 'abcdefghijklmnopqrstuvwxyz'"));
	tu_ok(hane_record_get(db, &club, m.id, &m));
	assert_string_equal(m.nickname, "abcdefghijklmno");
	/* each with a tail and bound parameters; find; not found. */
	add_member(db, 0, "ikinci");
	tu_ok(hane_record_each(db, &club, " ORDER BY t.remark DESC", NULL,
			       collect, &w));
	assert_string_equal(w.seen, "ilk;ikinci;");
	w.seen[0] = 0;
	tu_ok(hane_record_each(db, &club, " WHERE t.active = :a", bind_active,
			       collect, &w));
	assert_string_equal(w.seen, "ilk;");
	tu_ok(hane_record_find(db, &club, " WHERE t.active = :a", bind_active,
			       &w, &back));
	assert_int_equal(back.id, m.id);
	w.active = 7;
	assert_int_equal(hane_record_find(db, &club, " WHERE t.active = :a",
					  bind_active, &w, &back),
			 HANE_ENOTFOUND);
	assert_int_equal(hane_record_get(db, &club, 999, &back),
			 HANE_ENOTFOUND);
	/* list and first bind the tail's parameters from fields. */
	struct hane_field one = HANE_FINT(":a", 1);
	struct hane_field p[] = {HANE_FINT(":a", 0), HANE_FTEXT(":r", "ik%")};
	w.seen[0] = 0;
	tu_ok(hane_record_list(db, &club, " WHERE t.active = :a", &one, 1,
			       collect, &w));
	assert_string_equal(w.seen, "ilk;");
	tu_ok(hane_record_first(db, &club,
				" WHERE t.active = :a AND t.remark LIKE :r", p,
				2, &back));
	assert_string_equal(back.remark, "ikinci");
	p[1].text = "yok";
	assert_int_equal(hane_record_first(db, &club,
					   " WHERE t.active = :a AND"
					   " t.remark LIKE :r",
					   p, 2, &back),
			 HANE_ENOTFOUND);
	hane_store_close(db);
}

/* Every field of every unit's table is a column of that table in the
 * schema (a computed one aside), so get, each and save can run. */
static void test_fields_are_columns(void **s)
{
	hane_db *db = tu_open(NULL);
	const struct hane_rdef *d;

	(void)s;
	for (size_t i = 0; (d = hane_record_def(i)); i++) {
		if (strncmp(d->table, "test_", 5) == 0)
			continue;
		for (size_t k = 0; k < d->nfields; k++) {
			int64_t n = -1;
			char sql[256];

			if (d->fields[k].expr)
				continue;
			snprintf(sql, sizeof sql,
				 "SELECT count(*) FROM pragma_table_info('%s')"
				 " WHERE name = '%s'",
				 d->table, d->fields[k].column);
			tu_ok(hane_store_query_int(db, &n, sql, NULL, 0));
			if (n != 1)
				fail_msg("%s.%s is no column", d->table,
					 d->fields[k].column);
		}
	}
	hane_store_close(db);
}

/* A field by its column, and the gate's kind of it from its flags: the
 * home care client's needs and notes, a visit's notes and a referral's
 * reason are health text; a date is no personal data. */
static void test_field_by_column(void **s)
{
	const struct hane_fdef *f;

	(void)s;
	f = hane_record_field(&hane_hc_client_rdef, "needs");
	assert_string_equal(f->column, "needs");
	assert_int_equal(hane_pd_of(f), HANE_PD_HEALTH);
	assert_int_equal(
		hane_pd_of(hane_record_field(&hane_hc_client_rdef, "notes")),
		HANE_PD_HEALTH);
	assert_int_equal(hane_pd_of(hane_record_field(&hane_hc_client_rdef,
						      "start_date")),
			 -1);
	assert_int_equal(hane_pd_of(hane_record_field(&hane_hc_visit_rdef,
						      "followup_note")),
			 HANE_PD_HEALTH);
	assert_int_equal(
		hane_pd_of(hane_record_field(&hane_fb_referral_rdef, "reason")),
		HANE_PD_HEALTH);
}

static void test_registry(void **s)
{
	const struct hane_rdef *d;
	bool vehicle = false, fake = false;
	size_t n = 0;

	(void)s;
	tu_ok(hane_record_register(&club));
	tu_ok(hane_record_register(&club)); /* once is kept once */
	for (size_t i = 0; (d = hane_record_def(i)); i++) {
		n++;
		vehicle |= strcmp(d->table, "taxi_vehicle") == 0;
		fake += d == &club;
	}
	assert_true(vehicle);
	assert_true(fake);
	assert_true(n > 3);
	assert_ptr_equal(hane_record_by_table("test_club"), &club);
	assert_null(hane_record_by_table("no_such_table"));
	/* Every field a duplicates merge decides is a person's field (the
	 * merge copies and restores it through the table). */
	for (int f = 0; f < HANE_OV_MF__COUNT; f++) {
		bool found = false;

		for (size_t k = 0; k < hane_person_rdef.nfields; k++)
			found |= strcmp(hane_person_rdef.fields[k].column,
					hane_overview_merge_field_name(f)) == 0;
		assert_true(found);
	}
	/* Every registered field is a plain column of its table's kind. */
	for (size_t i = 0; (d = hane_record_def(i)); i++)
		for (size_t k = 0; k < d->nfields; k++) {
			assert_non_null(d->fields[k].column);
			if (d->size)
				assert_true(d->fields[k].offset +
						    d->fields[k].size <=
					    d->size);
		}
}

/* ---- Retention and merge see the fake unit --------------------------------- */

static void test_retention_sees_fake_unit(void **s)
{
	hane_db *db = tu_open(NULL);
	int64_t gone, kept, giver, m_gone, m_kept;
	int n = 0;

	(void)s;
	create_tables(db);
	setenv("HANE_NOW", "2019-01-10 09:00:00", 1);
	gone = add_person(db, tu_tckn(11), "Ali");
	kept = add_person(db, tu_tckn(12), "Veli");
	giver = add_person(db, tu_tckn(13), "Can");
	m_gone = add_member(db, gone, "Komşusu Ali, Atatürk Cd. 5");
	m_kept = add_member(db, kept, "Kızı bakıyor");
	tu_clock_default();
	/* A club row changed two years ago is service: Veli is kept. So is
	 * Can, by a gift found only through its field table's flag. */
	setenv("HANE_NOW", "2024-06-01 10:00:00", 1);
	{
		struct club_member m;
		struct gift g = {0};

		tu_ok(hane_record_get(db, &club, m_kept, &m));
		m.active = true;
		tu_ok(hane_record_save(db, &club, &m, NULL));
		g.giver_person_id = giver;
		snprintf(g.what, sizeof g.what, "Annesinden kalan halı");
		tu_ok(hane_record_save(db, &gift, &g, NULL));
	}
	tu_clock_default();
	tu_ok(hane_retention_run(db, false, NULL, NULL, &n));
	assert_int_equal(n, 1);
	assert_int_equal(count(db,
			       "SELECT count(*) FROM retention_log WHERE"
			       " person_id = :a",
			       gone),
			 1);
	/* The personal free text about Ali is gone, the rest stays; his
	 * club row's audit no longer holds it. */
	assert_int_equal(count(db,
			       "SELECT count(*) FROM test_club WHERE id = :a"
			       " AND remark = '***'",
			       m_gone),
			 1);
	assert_int_equal(count(db,
			       "SELECT count(*) FROM audit WHERE changes LIKE"
			       " '%Atatürk%'",
			       0),
			 0);
	assert_int_equal(count(db,
			       "SELECT count(*) FROM test_club WHERE id = :a"
			       " AND remark = 'Kızı bakıyor'",
			       m_kept),
			 1);
	assert_int_equal(count(db,
			       "SELECT count(*) FROM test_gift WHERE what ="
			       " 'Annesinden kalan halı'",
			       0),
			 1);
	hane_store_close(db);
}

static void test_merge_moves_fake_unit(void **s)
{
	hane_db *db = tu_open(NULL);
	int64_t a, b, mb, mid;
	struct club_member m;
	struct gift g = {0};

	(void)s;
	create_tables(db);
	a = add_person(db, tu_tckn(21), "Ayşe");
	b = add_person(db, NULL, "ayse");
	mb = add_member(db, b, "kulüp kaydı");
	g.giver_person_id = b;
	snprintf(g.what, sizeof g.what, "kitap");
	tu_ok(hane_record_save(db, &gift, &g, NULL));
	tu_ok(hane_overview_merge(db, a, b, NULL, &mid));
	tu_ok(hane_record_get(db, &club, mb, &m));
	assert_int_equal(m.person_id, a);
	assert_int_equal(count(db,
			       "SELECT giver_person_id FROM test_gift WHERE"
			       " id = :a",
			       g.id),
			 a);
	assert_int_equal(count(db,
			       "SELECT count(*) FROM overview_merge_ref WHERE"
			       " merge_id = :a AND tbl LIKE 'test_%'",
			       mid),
			 2);
	/* Undo gives them back to b. */
	tu_ok(hane_overview_merge_undo(db, mid));
	tu_ok(hane_record_get(db, &club, mb, &m));
	assert_int_equal(m.person_id, b);
	assert_int_equal(count(db,
			       "SELECT giver_person_id FROM test_gift WHERE"
			       " id = :a",
			       g.id),
			 b);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_save_get_each),
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_field_by_column),
		cmocka_unit_test(test_fields_are_columns),
		cmocka_unit_test(test_retention_sees_fake_unit),
		cmocka_unit_test(test_merge_moves_fake_unit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
