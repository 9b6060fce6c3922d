/* Aşevi: the seeded lists, a day's grid (save, replace, conflict, totals),
 * one cell, the lists an administrator extends, the home-meal roster and
 * its years, the running totals (and their rebuild), the import of the
 * daily sheets, and the roles. The clock is frozen with HANE_NOW: Monday
 * 2026-06-15 10:00. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "hane/core.h"
#include "hane/households.h"
#include "hane/kitchen.h"
#include "hane/overview.h"
#include "hane/record.h"
#include "hane/security.h"

struct fx {
	hane_db *db;
	int64_t hh1, hh2;
};

static int64_t household(hane_db *db, int n, const char *first)
{
	struct hane_household h;
	struct hane_person p;
	int64_t hid = 0;

	hane_household_init(&h);
	snprintf(h.street, sizeof h.street, "Atatürk Cd.");
	snprintf(h.building, sizeof h.building, "%d", n);
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn((uint64_t)n + 500));
	snprintf(p.first_name, sizeof p.first_name, "%s", first);
	snprintf(p.last_name, sizeof p.last_name, "Aşçı");
	tu_ok(hane_household_create(db, &h, &p, &hid, NULL, NULL));
	return hid;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	tu_clock_default();
	f->db = tu_open(NULL);
	f->hh1 = household(f->db, 1, "Hatice");
	f->hh2 = household(f->db, 2, "Rıza");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	hane_store_close(f->db);
	free(f);
	tu_clock_default();
	return 0;
}

static int64_t q(hane_db *db, const char *sql)
{
	int64_t v = -1;

	tu_ok(hane_store_query_int(db, &v, sql, NULL, 0));
	return v;
}

/* The row and column of a channel and an item code in the grid. */
static size_t row_of(const struct hane_kitchen_day *d, const char *code)
{
	for (size_t r = 0; r < d->nch; r++)
		if (!strcmp(d->ch[r].code, code))
			return r;
	fail_msg("no channel %s", code);
	return 0;
}

static size_t col_of(const struct hane_kitchen_day *d, const char *code)
{
	for (size_t c = 0; c < d->nit; c++)
		if (!strcmp(d->it[c].code, code))
			return c;
	fail_msg("no item %s", code);
	return 0;
}

static int64_t tally(hane_db *db, const char *measure, const char *month)
{
	char sql[256];

	snprintf(sql, sizeof sql,
		 "SELECT coalesce(sum(n), 0) FROM ov_tally WHERE measure = '%s'"
		 " AND month = '%s'",
		 measure, month);
	return q(db, sql);
}

static void test_seeded_lists(void **state)
{
	struct fx *f = *state;
	struct hane_kitchen_day d;
	struct hane_kitchen_item it;

	tu_ok(hane_kitchen_day_load(f->db, "12.06.2026", &d));
	assert_string_equal(d.date, "2026-06-12");
	assert_int_equal(d.nch, 4);
	assert_int_equal(d.nit, 8);
	assert_string_equal(d.ch[0].name, "Sabah ikramı");
	assert_string_equal(d.ch[3].name, "Mahalle mutfağı");
	assert_string_equal(d.it[0].name, "Çorba");
	assert_string_equal(d.it[0].unit, "bardak");
	tu_ok(hane_kitchen_item_find(f->db, "irmik helvasi", &it));
	assert_string_equal(it.code, "irmik");
	assert_string_equal(it.unit, "kase");
	tu_ok(hane_kitchen_item_find(f->db, "asure", &it));
	assert_string_equal(it.name, "Aşure");
	assert_int_equal(hane_kitchen_item_find(f->db, "pilav", &it),
			 HANE_ENOTFOUND);
	assert_non_null(strstr(hane_error_last(), "pilav"));
}

static void test_day_grid(void **state)
{
	struct fx *f = *state;
	struct hane_kitchen_day d;
	size_t morning, soup, cake, mobile, lemon;
	int changed = -1;

	tu_ok(hane_kitchen_day_load(f->db, "2026-06-12", &d));
	morning = row_of(&d, "morning");
	mobile = row_of(&d, "mobile");
	soup = col_of(&d, "soup");
	cake = col_of(&d, "cake");
	lemon = col_of(&d, "lemonade");
	d.count[morning][soup] = 950;
	d.count[morning][cake] = 480;
	d.count[mobile][lemon] = 180;
	tu_ok(hane_kitchen_day_save(f->db, &d, &changed));
	assert_int_equal(changed, 3);
	/* Read back: the counts, their rows, the totals. */
	assert_int_equal(d.count[morning][soup], 950);
	assert_true(d.id[morning][soup] > 0);
	assert_int_equal(d.version[morning][soup], 1);
	assert_int_equal(hane_kitchen_day_row(&d, morning), 1430);
	assert_int_equal(hane_kitchen_day_col(&d, soup), 950);
	assert_int_equal(hane_kitchen_day_total(&d), 1610);
	/* Empty cells have no rows. */
	assert_int_equal(q(f->db, "SELECT count(*) FROM kitchen_tally"), 3);
	assert_int_equal(tally(f->db, "kitchen.morning.soup", "2026-06"), 950);
	/* A later save of the same cell replaces it, versioned and audited;
	 * an unchanged cell is not written. */
	d.count[morning][soup] = 1000;
	tu_ok(hane_kitchen_day_save(f->db, &d, &changed));
	assert_int_equal(changed, 1);
	assert_int_equal(d.version[morning][soup], 2);
	assert_int_equal(q(f->db, "SELECT count(*) FROM kitchen_tally"), 3);
	assert_int_equal(tally(f->db, "kitchen.morning.soup", "2026-06"), 1000);
	assert_int_equal(q(f->db,
			   "SELECT count(*) FROM audit WHERE"
			   " tbl = 'kitchen_tally' AND action = 'update'"),
			 1);
	/* A day to come and a negative count are refused. */
	tu_ok(hane_kitchen_day_load(f->db, "2026-06-16", &d));
	d.count[0][0] = 5;
	assert_int_equal(hane_kitchen_day_save(f->db, &d, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "16.06.2026"));
	tu_ok(hane_kitchen_day_load(f->db, "2026-06-12", &d));
	d.count[0][1] = -1;
	assert_int_equal(hane_kitchen_day_save(f->db, &d, NULL), HANE_EINVAL);
	assert_int_equal(tally(f->db, "kitchen.morning.soup", "2026-06"), 1000);
}

static void test_day_conflict(void **state)
{
	struct fx *f = *state;
	struct hane_kitchen_day a, b;
	size_t r, c;

	tu_ok(hane_kitchen_day_load(f->db, "2026-06-11", &a));
	tu_ok(hane_kitchen_day_load(f->db, "2026-06-11", &b));
	r = row_of(&a, "hot");
	c = col_of(&a, "meal");
	a.count[r][c] = 240;
	tu_ok(hane_kitchen_day_save(f->db, &a, NULL));
	/* b read the day before a saved it: its save of the cell is a
	 * conflict naming who, and nothing of b is written. */
	b.count[r][c] = 250;
	b.count[row_of(&b, "morning")][col_of(&b, "soup")] = 900;
	assert_int_equal(hane_kitchen_day_save(f->db, &b, NULL),
			 HANE_ECONFLICT);
	assert_non_null(strstr(hane_error_last(), "tester"));
	assert_int_equal(tally(f->db, "kitchen.hot.meal", "2026-06"), 240);
	assert_int_equal(tally(f->db, "kitchen.morning.soup", "2026-06"), 0);
	/* Read again, the same change goes in. */
	tu_ok(hane_kitchen_day_load(f->db, "2026-06-11", &b));
	b.count[r][c] = 250;
	tu_ok(hane_kitchen_day_save(f->db, &b, NULL));
	assert_int_equal(tally(f->db, "kitchen.hot.meal", "2026-06"), 250);
}

static void test_cell_and_totals(void **state)
{
	struct fx *f = *state;
	int64_t was = 0;
	char from[11], to[11];

	tu_ok(hane_kitchen_tally_set(f->db, "01.06.2026", "mobil ikram araci",
				     "limonata", 120, &was));
	assert_int_equal(was, -1);
	tu_ok(hane_kitchen_tally_set(f->db, "2026-06-01", "mobile", "lemonade",
				     150, &was));
	assert_int_equal(was, 120);
	tu_ok(hane_kitchen_tally_set(f->db, "2026-06-02", "mobile", "lemonade",
				     50, NULL));
	tu_ok(hane_kitchen_tally_set(f->db, "2026-05-29", "mobile", "lemonade",
				     7, NULL));
	tu_ok(hane_kitchen_tally_set(f->db, "2026-06-03", "neighbourhood",
				     "meal", 30, NULL));
	assert_int_equal(hane_kitchen_tally_set(f->db, "2026-06-03", "uzay",
						"meal", 30, NULL),
			 HANE_ENOTFOUND);
	assert_int_equal(tally(f->db, "kitchen.mobile.lemonade", "2026-06"),
			 200);
	assert_int_equal(tally(f->db, "kitchen.mobile.lemonade", "2026-05"), 7);

	tu_ok(hane_kitchen_period("06.2026", from, to));
	assert_string_equal(from, "2026-06-01");
	assert_string_equal(to, "2026-06-31");
	tu_ok(hane_kitchen_period("2026-05", from, to));
	assert_string_equal(from, "2026-05-01");
	tu_ok(hane_kitchen_period("2025", from, to));
	assert_string_equal(to, "2025-12-31");
	assert_int_equal(hane_kitchen_period("13.2026", from, to), HANE_EINVAL);
	assert_int_equal(hane_kitchen_period("haziran", from, to), HANE_EINVAL);
}

struct totals {
	int n;
	struct hane_kitchen_total t[8];
};

static int collect_total(const struct hane_kitchen_total *t, void *arg)
{
	struct totals *r = arg;

	if (r->n < 8)
		r->t[r->n++] = *t;
	return 0;
}

static void test_month_totals(void **state)
{
	struct fx *f = *state;
	struct totals r = {0};

	tu_ok(hane_kitchen_tally_set(f->db, "2026-06-01", "mobile", "lemonade",
				     150, NULL));
	tu_ok(hane_kitchen_tally_set(f->db, "2026-06-02", "mobile", "lemonade",
				     50, NULL));
	tu_ok(hane_kitchen_tally_set(f->db, "2026-06-02", "morning", "soup",
				     900, NULL));
	tu_ok(hane_kitchen_tally_set(f->db, "2026-06-03", "morning", "soup", 0,
				     NULL));
	tu_ok(hane_kitchen_tally_set(f->db, "2026-05-29", "mobile", "lemonade",
				     7, NULL));
	tu_ok(hane_kitchen_totals(f->db, "2026-06-01", "2026-06-31",
				  collect_total, &r));
	/* In the lists' order: the morning's soup, then the mobile
	 * vehicle's lemonade; May's row stays out. */
	assert_int_equal(r.n, 2);
	assert_string_equal(r.t[0].channel, "Sabah ikramı");
	assert_string_equal(r.t[0].item, "Çorba");
	assert_int_equal(r.t[0].count, 900);
	assert_int_equal(r.t[0].days, 1);
	assert_string_equal(r.t[1].item_code, "lemonade");
	assert_string_equal(r.t[1].unit, "bardak");
	assert_int_equal(r.t[1].count, 200);
	assert_int_equal(r.t[1].days, 2);
}

static void test_lists_admin(void **state)
{
	struct fx *f = *state;
	struct hane_kitchen_item it;
	struct hane_kitchen_channel ch;
	struct hane_kitchen_day d;
	int64_t id = 0;

	memset(&it, 0, sizeof it);
	snprintf(it.code, sizeof it.code, "pilav");
	snprintf(it.name, sizeof it.name, "Pilav");
	snprintf(it.unit, sizeof it.unit, "Tabak");
	it.sort = 9;
	it.active = true;
	tu_ok(hane_kitchen_item_save(f->db, &it, &id));
	assert_string_equal(it.unit, "tabak");
	/* The code is fixed once made; the name may change. */
	snprintf(it.code, sizeof it.code, "rice");
	assert_int_equal(hane_kitchen_item_save(f->db, &it, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "rice"));
	tu_ok(hane_kitchen_item_find(f->db, "pilav", &it));
	snprintf(it.name, sizeof it.name, "Pirinç pilavı");
	tu_ok(hane_kitchen_item_save(f->db, &it, NULL));
	/* A bad unit, a bad code, a code taken. */
	memset(&it, 0, sizeof it);
	snprintf(it.code, sizeof it.code, "tatli");
	snprintf(it.name, sizeof it.name, "Tatlı");
	snprintf(it.unit, sizeof it.unit, "litre");
	assert_int_equal(hane_kitchen_item_save(f->db, &it, NULL), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "litre"));
	snprintf(it.unit, sizeof it.unit, "kase");
	snprintf(it.code, sizeof it.code, "Tatlı");
	assert_int_equal(hane_kitchen_item_save(f->db, &it, NULL), HANE_EINVAL);
	snprintf(it.code, sizeof it.code, "soup");
	assert_int_equal(hane_kitchen_item_save(f->db, &it, NULL), HANE_EEXIST);
	/* A new channel; an inactive channel leaves the grid, but stays in
	 * a day that has a count in it. */
	memset(&ch, 0, sizeof ch);
	snprintf(ch.code, sizeof ch.code, "ramadan");
	snprintf(ch.name, sizeof ch.name, "İftar çadırı");
	ch.sort = 5;
	ch.active = true;
	tu_ok(hane_kitchen_channel_save(f->db, &ch, NULL));
	tu_ok(hane_kitchen_tally_set(f->db, "2026-03-02", "ramadan", "soup",
				     400, NULL));
	ch.active = false;
	tu_ok(hane_kitchen_channel_save(f->db, &ch, NULL));
	tu_ok(hane_kitchen_day_load(f->db, "2026-06-12", &d));
	assert_int_equal(d.nch, 4);
	assert_int_equal(d.nit, 9);
	tu_ok(hane_kitchen_day_load(f->db, "2026-03-02", &d));
	assert_int_equal(d.nch, 5);
	assert_int_equal(d.count[row_of(&d, "ramadan")][col_of(&d, "soup")],
			 400);
	assert_int_equal(tally(f->db, "kitchen.ramadan.soup", "2026-03"), 400);
}

static void test_roster(void **state)
{
	struct fx *f = *state;
	struct hane_kitchen_home h;
	int64_t id = 0, id2 = 0;

	memset(&h, 0, sizeof h);
	h.household_id = f->hh1;
	snprintf(h.start_date, sizeof h.start_date, "15.11.2024");
	snprintf(h.note, sizeof h.note, "Yatağa bağlı, diyabet");
	tu_ok(hane_kitchen_home_save(f->db, &h, &id));
	assert_string_equal(h.start_date, "2024-11-15");
	assert_string_equal(h.head, "Hatice Aşçı");
	/* One open entry per household. */
	memset(&h, 0, sizeof h);
	h.household_id = f->hh1;
	snprintf(h.start_date, sizeof h.start_date, "2026-01-01");
	assert_int_equal(hane_kitchen_home_save(f->db, &h, NULL), HANE_EEXIST);
	/* The household counts in every year it is on the roster: 2024 to
	 * 2026 once it ends, in the unit's and the directorate's sets. */
	assert_int_equal(q(f->db, "SELECT count(*) FROM ov_served WHERE"
				  " measure = 'kitchen.households' AND"
				  " year = 2025"),
			 1);
	tu_ok(hane_kitchen_home_end(f->db, id, "2026-03-31"));
	assert_int_equal(q(f->db, "SELECT count(*) FROM ov_served WHERE"
				  " measure = 'kitchen.households'"),
			 3);
	assert_int_equal(q(f->db, "SELECT count(*) FROM ov_served WHERE"
				  " measure = 'all.households' AND year"
				  " BETWEEN 2024 AND 2026"),
			 3);
	assert_int_equal(q(f->db,
			   "SELECT count(*) FROM ov_served WHERE"
			   " measure = 'all.households' AND year = 2027"),
			 0);
	/* After its end, a new entry of the household may start. */
	memset(&h, 0, sizeof h);
	h.household_id = f->hh1;
	snprintf(h.start_date, sizeof h.start_date, "2026-05-01");
	tu_ok(hane_kitchen_home_save(f->db, &h, &id2));
	assert_int_equal(q(f->db, "SELECT n FROM ov_served WHERE"
				  " measure = 'kitchen.households' AND"
				  " year = 2026"),
			 2);
	/* End before start is refused. */
	snprintf(h.end_date, sizeof h.end_date, "2026-04-01");
	assert_int_equal(hane_kitchen_home_save(f->db, &h, NULL), HANE_EINVAL);
	{
		int64_t v = 0;

		tu_ok(hane_overview_figure(f->db, 2025, "kitchen.households",
					   &v));
		assert_int_equal(v, 1);
	}
}

static void test_rebuild_and_verify(void **state)
{
	struct fx *f = *state;
	struct hane_kitchen_home h;
	int differ = -1;
	int64_t v = 0;

	setenv("HANE_NOW", "2026-01-10 10:00:00", 1);
	tu_ok(hane_kitchen_tally_set(f->db, "2025-03-03", "morning", "soup",
				     950, NULL));
	tu_ok(hane_kitchen_tally_set(f->db, "2025-03-03", "morning", "cake",
				     480, NULL));
	tu_ok(hane_kitchen_tally_set(f->db, "2025-03-04", "mobile", "plate", 40,
				     NULL));
	tu_ok(hane_kitchen_tally_set(f->db, "2025-03-04", "neighbourhood",
				     "meal", 22, NULL));
	memset(&h, 0, sizeof h);
	h.household_id = f->hh2;
	snprintf(h.start_date, sizeof h.start_date, "2025-02-01");
	tu_ok(hane_kitchen_home_save(f->db, &h, NULL));
	tu_ok(hane_overview_verify(f->db, 2025, NULL, NULL, &differ));
	assert_int_equal(differ, 0);
	tu_ok(hane_overview_figure(f->db, 2025, "kitchen.morning_soup", &v));
	assert_int_equal(v, 950);
	tu_ok(hane_overview_figure(f->db, 2025, "kitchen.plates", &v));
	assert_int_equal(v, 40);
	tu_ok(hane_overview_figure(f->db, 2025, "all.households", &v));
	assert_int_equal(v, 1);
	/* The rebuild counts the kitchen again from its rows. */
	tu_ok(hane_store_exec(f->db, "UPDATE ov_tally SET n = 1 WHERE"
				     " measure LIKE 'kitchen.%'"));
	tu_ok(hane_overview_rebuild(f->db));
	tu_ok(hane_overview_figure(f->db, 2025, "kitchen.morning_soup", &v));
	assert_int_equal(v, 950);
	tu_ok(hane_overview_figure(f->db, 2025, "kitchen.households", &v));
	assert_int_equal(v, 1);
	tu_ok(hane_overview_verify(f->db, 2025, NULL, NULL, &differ));
	assert_int_equal(differ, 0);
}

static void test_import(void **state)
{
	struct fx *f = *state;
	const char *path = tu_tmp_path("kitchen-import");
	struct hane_import_counts c;
	struct hane_import_opts o;
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	/* Turkish Excel: cp1254 (Ç = 0xC7, ı = 0xFD, ğ = 0xF0), ';',
	 * dd.mm.yyyy, thousands with a dot. */
	fputs("Tarih;Kanal;Kalem;Adet\r\n", fp);
	fputs("01.06.2026;Sabah ikram\xfd;\xc7"
	      "orba;1.050\r\n",
	      fp);
	fputs("01.06.2026;Sabah ikram\xfd;Kek;500\r\n", fp);
	fputs("02.06.2026;mobile;Limonata;abc\r\n", fp);
	fputs("31.06.2026;mobile;Limonata;10\r\n", fp);
	fputs("02.06.2026;Mahalle mutfa\xf0\xfd;S\xfd"
	      "cak yemek;25\r\n",
	      fp);
	fclose(fp);
	memset(&o, 0, sizeof o);
	o.dry_run = true;
	tu_ok(hane_kitchen_import(f->db, path, &o, &c));
	assert_int_equal(c.rows, 5);
	assert_int_equal(c.rejected, 2);
	assert_int_equal(q(f->db, "SELECT count(*) FROM kitchen_tally"), 0);
	o.dry_run = false;
	tu_ok(hane_kitchen_import(f->db, path, &o, &c));
	assert_int_equal(c.created, 3);
	assert_int_equal(c.rejected, 2);
	assert_int_equal(tally(f->db, "kitchen.morning.soup", "2026-06"), 1050);
	assert_int_equal(tally(f->db, "kitchen.neighbourhood.meal", "2026-06"),
			 25);
	/* The same sheet again replaces, it does not add. */
	tu_ok(hane_kitchen_import(f->db, path, &o, &c));
	assert_int_equal(c.created, 0);
	assert_int_equal(tally(f->db, "kitchen.morning.soup", "2026-06"), 1050);
}

struct rejects {
	int n;
	long line[4];
	char why[4][256];
};

static void on_reject(long line, const char *why, void *arg)
{
	struct rejects *r = arg;

	if (r->n < 4) {
		r->line[r->n] = line;
		snprintf(r->why[r->n], sizeof r->why[0], "%s", why);
		r->n++;
	}
}

static void test_import_rejects_name_line_field(void **state)
{
	struct fx *f = *state;
	const char *path = tu_tmp_path("kitchen-rejects");
	struct hane_import_counts c;
	struct hane_import_opts o;
	struct rejects r = {0};
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	fputs("\xef\xbb\xbfTarih;Kanal;Kalem;Adet\n", fp);
	fputs("03.06.2026;Sabah ikramı;Çorba;-4\n", fp);
	fputs("03.06.2026;Sabah ikramı;Pilav;4\n", fp);
	fputs("20.06.2026;Sabah ikramı;Çorba;4\n", fp);
	fclose(fp);
	memset(&o, 0, sizeof o);
	o.reject = on_reject;
	o.arg = &r;
	tu_ok(hane_kitchen_import(f->db, path, &o, &c));
	assert_int_equal(r.n, 3);
	assert_int_equal(r.line[0], 2);
	assert_non_null(strstr(r.why[0], "Adet"));
	assert_int_equal(r.line[1], 3);
	assert_non_null(strstr(r.why[1], "Kalem"));
	assert_non_null(strstr(r.why[1], "Pilav"));
	assert_non_null(strstr(r.why[2], "20.06.2026"));
	/* A sheet without a count column is refused whole, naming it. */
	fp = fopen(path, "wb");
	fputs("Tarih;Kanal;Kalem\n01.06.2026;mobile;soup\n", fp);
	fclose(fp);
	assert_int_equal(hane_kitchen_import(f->db, path, NULL, &c),
			 HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(), "Adet"));
}

static void test_roles(void **state)
{
	struct fx *f = *state;
	struct hane_kitchen_day d;
	struct hane_kitchen_item it;
	struct hane_kitchen_home h;

	tu_staff(f->db, "kt.cw", NULL, "caseworker", "kitchen");
	tu_staff(f->db, "kt.sup", NULL, "supervisor", "kitchen");
	tu_staff(f->db, "fb.cw", NULL, "caseworker", "foodbank");
	tu_staff(f->db, "rep", NULL, "reporter", "");
	/* A kitchen caseworker enters the tally and the roster, but does
	 * not extend the lists. */
	tu_ok(hane_store_set_actor(f->db, "kt.cw"));
	tu_ok(hane_kitchen_tally_set(f->db, "2026-06-01", "morning", "soup",
				     900, NULL));
	memset(&h, 0, sizeof h);
	h.household_id = f->hh2;
	tu_ok(hane_kitchen_home_save(f->db, &h, NULL));
	assert_string_equal(h.start_date, "2026-06-15");
	memset(&it, 0, sizeof it);
	snprintf(it.code, sizeof it.code, "pilav");
	snprintf(it.name, sizeof it.name, "Pilav");
	snprintf(it.unit, sizeof it.unit, "tabak");
	assert_int_equal(hane_kitchen_item_save(f->db, &it, NULL), HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "kitchen.admin"));
	/* The unit's supervisor does. */
	tu_ok(hane_store_set_actor(f->db, "kt.sup"));
	tu_ok(hane_kitchen_item_save(f->db, &it, NULL));
	/* Another unit's caseworker neither reads nor writes. */
	tu_ok(hane_store_set_actor(f->db, "fb.cw"));
	assert_int_equal(hane_kitchen_day_load(f->db, "2026-06-01", &d),
			 HANE_EPERM);
	/* A reporter reads, and changes nothing. */
	tu_ok(hane_store_set_actor(f->db, "rep"));
	tu_ok(hane_kitchen_day_load(f->db, "2026-06-01", &d));
	assert_int_equal(hane_kitchen_day_total(&d), 900);
	assert_int_equal(hane_kitchen_tally_set(f->db, "2026-06-01", "morning",
						"soup", 1, NULL),
			 HANE_EPERM);
}

/* Retention and merge walk the registry: they see the roster's note as
 * personal data and the tally as none. */
static void test_registry(void **state)
{
	const struct hane_rdef *home = hane_record_by_table("kitchen_home");
	const struct hane_rdef *t = hane_record_by_table("kitchen_tally");
	bool note = false;

	(void)state;
	assert_non_null(home);
	assert_non_null(t);
	for (size_t i = 0; i < home->nfields; i++)
		if (!strcmp(home->fields[i].column, "note"))
			note = home->fields[i].flags & HANE_FF_PERSONAL;
	assert_true(note);
	for (size_t i = 0; i < t->nfields; i++)
		assert_false(t->fields[i].flags &
			     (HANE_FF_PERSONAL | HANE_FF_PERSON_REF));
}

/* Retention keeps a household while it is on the roster (an open entry
 * is a running service), counts the period from the entry's end, and
 * erases the roster's note with the household. */
static void test_retention(void **state)
{
	struct fx *f = *state;
	struct hane_kitchen_home h;
	int64_t id = 0, v = 0;
	int n = -1;

	memset(&h, 0, sizeof h);
	h.household_id = f->hh1;
	snprintf(h.start_date, sizeof h.start_date, "2026-06-01");
	snprintf(h.note, sizeof h.note, "Diyaliz hastası");
	tu_ok(hane_kitchen_home_save(f->db, &h, &id));
	setenv("HANE_NOW", "2036-01-01 10:00:00", 1);
	tu_ok(hane_retention_run(f->db, true, NULL, NULL, &n));
	assert_int_equal(n, 1); /* hh2 alone */
	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	tu_ok(hane_kitchen_home_end(f->db, id, "2026-06-30"));
	setenv("HANE_NOW", "2036-01-01 10:00:00", 1);
	tu_ok(hane_retention_run(f->db, false, NULL, NULL, &n));
	assert_int_equal(n, 2);
	tu_ok(hane_store_query_int(f->db, &v,
				   "SELECT count(*) FROM kitchen_home WHERE"
				   " note LIKE '%Diyaliz%'",
				   NULL, 0));
	assert_int_equal(v, 0);
}

/* demo-year makes İzmit's 2025 through the kitchen's model: at scale 1.0
 * every figure of the Aşevi line exactly, --verify agreeing. */
static void test_demo_year_figures(void **state)
{
	static const struct {
		const char *id;
		int64_t want;
	} figs[] = {
		{"kitchen.morning_soup", 239000},
		{"kitchen.hot_meals", 60000},
		{"kitchen.cake", 121000},
		{"kitchen.mobile_soup", 46500},
		{"kitchen.mobile_lemonade", 45000},
		{"kitchen.mobile_irmik", 36000},
		{"kitchen.plates", 11000},
		{"kitchen.pastries", 18000},
		{"kitchen.asure", 12000},
		{"kitchen.neighbourhood_meals", 5650},
	};
	hane_db *db = tu_open_demo(NULL);
	struct hane_ov_demo_counts c;
	int differ = -1;
	int64_t v = 0;

	(void)state;
	tu_ok(hane_overview_demo_year_units(
		db, 2025, 1.0, 7, 1u << HANE_OV_KITCHEN, &c, NULL, NULL));
	assert_string_equal(c.missing, "");
	for (size_t i = 0; i < sizeof figs / sizeof figs[0]; i++) {
		tu_ok(hane_overview_figure(db, 2025, figs[i].id, &v));
		if (v != figs[i].want)
			fail_msg("%s: %lld, want %lld", figs[i].id,
				 (long long)v, (long long)figs[i].want);
	}
	assert_int_equal(c.kitchen_portions, 594150);
	tu_ok(hane_overview_figure(db, 2025, "kitchen.households", &v));
	assert_int_equal(v, c.kitchen_households);
	assert_int_equal(v, 150);
	/* Spread over working days: nothing on a Sunday. */
	assert_int_equal(q(db, "SELECT count(*) FROM kitchen_tally"
			       " WHERE strftime('%w', date) = '0'"),
			 0);
	tu_ok(hane_overview_verify(db, 2025, NULL, NULL, &differ));
	assert_int_equal(differ, 0);
	hane_store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_seeded_lists, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_day_grid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_day_conflict, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_cell_and_totals, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_month_totals, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_lists_admin, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_roster, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rebuild_and_verify, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_import_rejects_name_line_field, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roles, setup, teardown),
		cmocka_unit_test(test_registry),
		cmocka_unit_test_setup_teardown(test_retention, setup,
						teardown),
		cmocka_unit_test(test_demo_year_figures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
