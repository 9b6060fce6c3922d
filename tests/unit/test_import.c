/* Household import and export: header mapping, validation and rejects,
 * duplicates, all-or-none, dry run, Windows-1254, round trip. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/households_csv.h"
#include "hane/i18n.h"
#include "hane/reports.h"
#include "hane/staff.h"

static char dir[512];
static char T[16][HANE_TCKN_LEN + 1]; /* T[i]: a valid number */

static const char *file(const char *name, const char *fmt, ...)
	HANE_PRINTF(2, 3);
static const char *file(const char *name, const char *fmt, ...)
{
	static char path[8][700];
	static int k;
	char *p = path[k++ % 8];
	va_list ap;
	FILE *fp;

	snprintf(p, sizeof path[0], "%s/%s", dir, name);
	fp = fopen(p, "wb");
	assert_non_null(fp);
	va_start(ap, fmt);
	vfprintf(fp, fmt, ap);
	va_end(ap);
	fclose(fp);
	return p;
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *b = calloc(1, 1 << 20);

	if (!fp) {
		free(b);
		return NULL;
	}
	b[fread(b, 1, (1 << 20) - 1, fp)] = '\0';
	fclose(fp);
	return b;
}

struct seen {
	int rejects;
	long lines[32];
	char reasons[32][256];
	int notices;
	char notice[8][256];
};

static void on_reject(long line, const char *why, void *arg)
{
	struct seen *s = arg;

	if (s->rejects < 32) {
		s->lines[s->rejects] = line;
		snprintf(s->reasons[s->rejects], 256, "%s", why);
	}
	s->rejects++;
}

static void on_notice(const char *msg, void *arg)
{
	struct seen *s = arg;

	if (s->notices < 8)
		snprintf(s->notice[s->notices], 256, "%s", msg);
	s->notices++;
}

static struct hane_import_opts opts(struct seen *s)
{
	struct hane_import_opts o = {0};

	memset(s, 0, sizeof *s);
	o.reject = on_reject;
	o.notice = on_notice;
	o.arg = s;
	return o;
}

static int64_t persons(hane_db *db)
{
	int64_t n = -1;

	tu_ok(hane_person_count(db, &n));
	return n;
}

static void test_basic_aliases_and_groups(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	struct hane_person p;
	struct hane_household h;
	struct hane_person m[8];
	size_t n;
	const char *path =
		file("basic.csv",
		     "Hane No;T.C. KİMLİK NO;ADI;Soyadı;Doğum Tarihi;Cep Tel;"
		     "MAHALLE;Aylık Gelir (TL);Yakınlık;Renk\r\n"
		     "1;%s;Şükrü;Yılmaz;04.01.1950;0532 123 45 67;gundogdu;"
		     "8.250,50;reis;mavi\r\n"
		     "1;%s;Ayşe;Yılmaz;1955-03-02;;;;eşi;\r\n"
		     "2;%s;Ali;Kaya;;;Serdar;;;\r\n",
		     T[0], T[1], T[2]);

	tu_ok(hane_households_import(db, path, &o, &c));
	assert_int_equal(c.rows, 3);
	assert_int_equal(c.created, 3);
	assert_int_equal(c.households, 2);
	assert_int_equal(c.rejected, 0);
	assert_int_equal(c.delimiter, ';');
	assert_int_equal(c.encoding, HANE_CSV_ENC_UTF8);
	/* the unknown column is reported, not fatal */
	assert_int_equal(s.notices, 1);
	assert_non_null(strstr(s.notice[0], "Renk"));

	tu_ok(hane_person_by_tckn(db, T[0], &p));
	assert_string_equal(p.first_name, "Şükrü");
	assert_string_equal(p.birth_date, "1950-01-04");
	assert_string_equal(p.phone, "+905321234567");
	assert_string_equal(p.relation, "head");
	tu_ok(hane_household_get(db, p.household_id, &h));
	assert_string_equal(h.mahalle, "Gündoğdu");
	assert_int_equal(h.income_kurus, 825050);
	assert_int_equal(h.head_id, p.id);
	tu_ok(hane_household_members(db, h.id, m, 8, &n));
	assert_int_equal(n, 2);
	assert_string_equal(m[1].first_name, "Ayşe");
	assert_string_equal(m[1].relation, "spouse");
	tu_ok(hane_person_by_tckn(db, T[2], &p));
	assert_int_not_equal(p.household_id, h.id);
	hane_store_close(db);
}

static void test_full_name_and_no_groups(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	struct hane_person p;
	const char *path = file("full.csv",
				"tckn,Ad Soyad,Telefon\n"
				"%s,Ayşe Nur Yılmaz,5321234567\n"
				"%s,  Mehmet   Öz ,\n"
				"%s,Tekad,\n",
				T[0], T[1], T[2]);

	tu_ok(hane_households_import(db, path, &o, &c));
	assert_int_equal(c.created, 2);
	assert_int_equal(c.households, 2);
	assert_int_equal(c.rejected, 1);
	assert_int_equal(s.lines[0], 4);
	tu_ok(hane_person_by_tckn(db, T[0], &p));
	assert_string_equal(p.first_name, "Ayşe Nur");
	assert_string_equal(p.last_name, "Yılmaz");
	tu_ok(hane_person_by_tckn(db, T[1], &p));
	assert_string_equal(p.first_name, "Mehmet");
	assert_string_equal(p.last_name, "Öz");
	hane_store_close(db);
}

static void test_missing_required_column(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	char rej[700];
	const char *path = file("nocol.csv", "Ad;Soyad\nAli;Kaya\n");

	snprintf(rej, sizeof rej, "%s/nocol-rej.csv", dir);
	o.rejects = rej;
	hane_lang_set(HANE_LANG_EN);
	assert_int_equal(hane_households_import(db, path, &o, &c), HANE_EINVAL);
	assert_non_null(strstr(hane_error_last(),
			       "Required column missing: TC Kimlik No"));
	hane_lang_set(HANE_LANG_TR);
	assert_int_equal(persons(db), 0);
	assert_int_equal(access(rej, F_OK), -1);
	hane_store_close(db);
}

static void test_map_override(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	const char *map[] = {"Kimlik Bilgisi=tckn", "Ad=ignore",
			     "Tam Ad=Ad Soyad"};
	const char *path = file(
		"map.csv", "Kimlik Bilgisi;Ad;Tam Ad\n%s;x;Ali Kaya\n", T[3]);
	struct hane_person p;

	o.map = map;
	o.nmap = 3;
	tu_ok(hane_households_import(db, path, &o, &c));
	assert_int_equal(c.created, 1);
	tu_ok(hane_person_by_tckn(db, T[3], &p));
	assert_string_equal(p.first_name, "Ali");

	map[0] = "Yok=tckn";
	assert_int_equal(hane_households_import(db, path, &o, &c), HANE_EUSAGE);
	map[0] = "Kimlik Bilgisi=uydurma";
	assert_int_equal(hane_households_import(db, path, &o, &c), HANE_EUSAGE);
	hane_store_close(db);
}

static void test_rejects_keep_rows(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	char rej[700], bad_ck[HANE_TCKN_LEN + 1], *b, want[4096];
	const char *path;

	snprintf(bad_ck, sizeof bad_ck, "%s", T[4]);
	bad_ck[10] = bad_ck[10] == '0' ? '1' : '0';
	path = file("rej.csv",
		    "TC Kimlik No,Ad,Soyad,Doğum Tarihi,Mahalle\n"
		    "%s,Ali,Kaya,01.02.1960,Serdar\n"
		    "%s,Bad,Check,,\n"
		    "\"1,23457E+10\",Ex,Cel,,\n"
		    "%s,Veli,\"Uzun\nSatır\",31.02.1970,\n"
		    "%s,Can,Ak,,Atlantis\n"
		    "%s,Kısa\n"
		    "%s,Ali,Kaya,,\n",
		    T[0], bad_ck, T[1], T[2], T[3], T[0]);
	snprintf(rej, sizeof rej, "%s/rej-out.csv", dir);
	o.rejects = rej;
	tu_ok(hane_households_import(db, path, &o, &c));
	assert_int_equal(c.rows, 7);
	assert_int_equal(c.created, 1);
	assert_int_equal(c.rejected, 6);
	assert_int_equal(persons(db), 1);
	assert_int_equal(s.lines[0], 3);
	assert_non_null(strstr(s.reasons[0], "Kontrol hanesi"));
	assert_int_equal(s.lines[1], 4);
	assert_non_null(strstr(s.reasons[1], "Excel"));
	assert_int_equal(s.lines[2], 5); /* the record starts on line 5 */
	assert_non_null(strstr(s.reasons[2], "Doğum Tarihi"));
	assert_int_equal(s.lines[3], 7);
	assert_non_null(strstr(s.reasons[3], "Atlantis"));
	assert_int_equal(s.lines[4], 8);
	assert_non_null(strstr(s.reasons[4], "2"));
	assert_int_equal(s.lines[5], 9);
	assert_non_null(strstr(s.reasons[5], "2. satır"));

	b = slurp(rej);
	assert_non_null(b);
	snprintf(want, sizeof want,
		 "TC Kimlik No,Ad,Soyad,Doğum Tarihi,Mahalle,\"Hata\"\n"
		 "%s,Bad,Check,,,\"%s\"\n",
		 bad_ck, s.reasons[0]);
	assert_memory_equal(b, want, strlen(want));
	/* the multi-line record is written back as it was */
	snprintf(want, sizeof want, "%s,Veli,\"Uzun\nSatır\",31.02.1970,,\"",
		 T[1]);
	assert_non_null(strstr(b, want));
	free(b);
	hane_store_close(db);
}

static void test_group_head_rejected(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	const char *path = file("grp.csv",
				"Hane No;TCKN;Ad;Soyad;Yakınlık\n"
				"7;%s;Ali;Kaya;reis\n"
				"7;%s;Ayşe;Kaya;\n"
				"8;12345678901;Bozuk;Numara;reis\n"
				"8;%s;Üye;Kalır;çocuğu\n"
				"9;%s;İlk;Üye;eşi\n"
				"7;%s;İkinci;Reis;reis\n",
				T[0], T[1], T[2], T[3], T[4]);
	struct hane_person p, q;

	tu_ok(hane_households_import(db, path, &o, &c));
	assert_int_equal(c.created, 2);
	assert_int_equal(c.households, 1);
	assert_int_equal(c.rejected, 4);
	assert_non_null(strstr(s.reasons[1], "(4)"));
	assert_non_null(strstr(s.reasons[2], "reisi olmalı"));
	assert_non_null(strstr(s.reasons[3], "reisi zaten var"));
	tu_ok(hane_person_by_tckn(db, T[0], &p));
	tu_ok(hane_person_by_tckn(db, T[1], &q));
	assert_int_equal(p.household_id, q.household_id);
	assert_string_equal(q.relation, "other");
	hane_store_close(db);
}

static const char *dup_file(const char *name, const char *phone)
{
	return file(name,
		    "Hane No,TC Kimlik No,Ad,Soyad,Telefon,Mahalle\n"
		    "1,%s,Ali,Kaya,%s,Serdar\n"
		    "1,%s,Ayşe,Kaya,,\n",
		    T[0], phone, T[1]);
}

static void test_duplicates(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	struct hane_person p;
	struct hane_household h;
	int64_t audits = 0, audits2 = 0;

	tu_ok(hane_households_import(db, dup_file("d1.csv", "05321234567"), &o,
				     &c));
	assert_int_equal(c.created, 2);

	/* re-importing the same file changes nothing, in every mode */
	tu_ok(hane_store_query_int(db, &audits,
				   "SELECT count(*) FROM audit"
				   " WHERE action <> 'import'",
				   NULL, 0));
	tu_ok(hane_households_import(db, dup_file("d1.csv", "05321234567"), &o,
				     &c));
	assert_int_equal(c.created, 0);
	assert_int_equal(c.unchanged, 2);
	o.on_duplicate = HANE_DUP_UPDATE;
	tu_ok(hane_households_import(db, dup_file("d1.csv", "05321234567"), &o,
				     &c));
	assert_int_equal(c.updated, 0);
	assert_int_equal(c.unchanged, 2);
	tu_ok(hane_store_query_int(db, &audits2,
				   "SELECT count(*) FROM audit"
				   " WHERE action <> 'import'",
				   NULL, 0));
	assert_int_equal(audits, audits2);

	/* skip leaves a changed phone alone, update writes it (audited) */
	o.on_duplicate = HANE_DUP_SKIP;
	tu_ok(hane_households_import(db, dup_file("d2.csv", "05329998877"), &o,
				     &c));
	tu_ok(hane_person_by_tckn(db, T[0], &p));
	assert_string_equal(p.phone, "+905321234567");
	o.on_duplicate = HANE_DUP_UPDATE;
	tu_ok(hane_households_import(db, dup_file("d2.csv", "05329998877"), &o,
				     &c));
	assert_int_equal(c.updated, 1);
	assert_int_equal(c.unchanged, 1);
	tu_ok(hane_person_by_tckn(db, T[0], &p));
	assert_string_equal(p.phone, "+905329998877");
	assert_int_equal(p.version, 2);
	tu_ok(hane_store_query_int(db, &audits2,
				   "SELECT count(*) FROM audit"
				   " WHERE action <> 'import'",
				   NULL, 0));
	assert_true(audits2 > audits);

	/* update writes a changed disability (the person's) and income (the
	 * household's, from its head's row); an empty cell erases neither */
	tu_ok(hane_households_import(
		db,
		file("d4.csv",
		     "Hane No,TC Kimlik No,Ad,Soyad,Engel Oranı,Aylık Gelir\n"
		     "1,%s,Ali,Kaya,%%40,12500\n"
		     "1,%s,Ayşe,Kaya,,\n",
		     T[0], T[1]),
		&o, &c));
	assert_int_equal(c.updated, 1);
	assert_int_equal(c.unchanged, 1);
	tu_ok(hane_person_by_tckn(db, T[0], &p));
	assert_int_equal(p.disability_pct, 40);
	tu_ok(hane_household_get(db, p.household_id, &h));
	assert_int_equal(h.income_kurus, 1250000);
	tu_ok(hane_households_import(
		db,
		file("d5.csv",
		     "Hane No,TC Kimlik No,Ad,Soyad,Engel Oranı,Aylık Gelir\n"
		     "1,%s,Ali,Kaya,,\n",
		     T[0]),
		&o, &c));
	assert_int_equal(c.unchanged, 1);
	tu_ok(hane_person_by_tckn(db, T[0], &p));
	assert_int_equal(p.disability_pct, 40);
	tu_ok(hane_household_get(db, p.household_id, &h));
	assert_int_equal(h.income_kurus, 1250000);

	/* fail: a known number stops everything, new rows included */
	o.on_duplicate = HANE_DUP_FAIL;
	assert_int_equal(
		hane_households_import(
			db,
			file("d3.csv",
			     "TC Kimlik "
			     "No,Ad,Soyad\n%s,Yeni,Kişi\n%s,Ali,Kaya\n",
			     T[5], T[0]),
			&o, &c),
		HANE_EEXIST);
	assert_int_equal(persons(db), 2);
	assert_int_equal(hane_person_by_tckn(db, T[5], &p), HANE_ENOTFOUND);
	hane_store_close(db);
}

static void test_same_tckn_in_file(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;

	tu_ok(hane_households_import(
		db,
		file("same.csv", "TCKN;Ad;Soyad\n%s;A;B\n%s;C;D\n%s;A;B\n",
		     T[0], T[1], T[0]),
		&o, &c));
	assert_int_equal(c.created, 2);
	assert_int_equal(c.rejected, 1);
	assert_int_equal(s.lines[0], 4);
	assert_non_null(strstr(s.reasons[0], "2. satır"));
	hane_store_close(db);
}

static void test_dry_run(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	char rej[700];

	snprintf(rej, sizeof rej, "%s/dry-rej.csv", dir);
	o.rejects = rej;
	o.dry_run = true;
	tu_ok(hane_households_import(
		db,
		file("dry.csv", "TCKN;Ad;Soyad\n%s;A;B\n12345678901;C;D\n",
		     T[0]),
		&o, &c));
	assert_int_equal(c.created, 1);
	assert_int_equal(c.rejected, 1);
	assert_int_equal(s.lines[0], 3);
	assert_int_equal(persons(db), 0);
	assert_int_equal(access(rej, F_OK), -1);
	hane_store_close(db);
}

static void test_all_or_none(void **state)
{
	const char *dbp = tu_tmp_path("allornone");
	hane_db *db = tu_open(dbp);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	char rej[700];

	snprintf(rej, sizeof rej, "%s/aon-rej.csv", dir);
	o.rejects = rej;
	/* good rows, a bad row, then a broken quote at the end of the file */
	assert_int_equal(
		hane_households_import(
			db,
			file("aon.csv",
			     "TCKN;Ad;Soyad\n%s;A;B\n%s;C;D\n1;x;y\n%s;\"E;F\n",
			     T[0], T[1], T[2]),
			&o, &c),
		HANE_ECSV);
	assert_int_equal(persons(db), 0);
	/* the rejects of an import that wrote nothing are not left behind */
	assert_int_equal(access(rej, F_OK), -1);
	hane_store_close(db);
	db = tu_open(dbp);
	assert_int_equal(persons(db), 0);
	hane_store_close(db);
}

static void test_cp1254_file(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	struct hane_person p;
	struct hane_household h;
	char rej[700], *b, want[512];
	/* "Adı;Soyadı;Mahalle" and the rows in Windows-1254 */
	const char *path = file("w1254.csv",
				"TC Kimlik No;Ad\xFD;Soyad\xFD;Mahalle\r\n"
				"%s;\xDE\xFCkr\xFC;I\xFE\xFDk;"
				"G\xFCndo\xF0\x64u\r\n"
				"%s;\xC7i\xE7\x65k;\xD6z;Yeni\xFE"
				"ehir\r\n"
				"%s;\xDD\x6Cker;Ya\xF0\xFDz;Yok Mahalle\r\n",
				T[0], T[1], T[2]);

	snprintf(rej, sizeof rej, "%s/w1254-rej.csv", dir);
	o.rejects = rej;
	tu_ok(hane_households_import(db, path, &o, &c));
	assert_int_equal(c.encoding, HANE_CSV_ENC_CP1254);
	assert_int_equal(c.created, 2);
	assert_int_equal(c.rejected, 1);
	tu_ok(hane_person_by_tckn(db, T[0], &p));
	assert_string_equal(p.first_name, "Şükrü");
	assert_string_equal(p.last_name, "Işık");
	tu_ok(hane_household_get(db, p.household_id, &h));
	assert_string_equal(h.mahalle, "Gündoğdu");
	tu_ok(hane_person_by_tckn(db, T[1], &p));
	assert_string_equal(p.first_name, "Çiçek");

	/* the rejects file reopens as 1254 with the same delimiter */
	b = slurp(rej);
	snprintf(want, sizeof want,
		 "TC Kimlik No;Ad\xFD;Soyad\xFD;Mahalle;\"Hata\"\r\n"
		 "%s;\xDD\x6Cker;Ya\xF0\xFDz;Yok Mahalle;\"",
		 T[2]);
	assert_memory_equal(b, want, strlen(want));
	assert_false(hane_utf8_valid(b, strlen(b)));
	free(b);
	hane_store_close(db);
}

static void export_to(hane_db *db, const char *path, unsigned flags)
{
	FILE *fp = fopen(path, "wb");
	int64_t rows = 0;

	tu_ok(hane_households_export(db, fp, flags, &rows));
	fclose(fp);
}

static void test_round_trip(void **state)
{
	hane_db *a = tu_open(NULL), *b;
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	char e1[700], e2[700], e3[700];
	char *x, *y;
	unsigned flags;

	tu_ok(hane_households_import(
		a,
		file("rt.csv",
		     "Hane No;TC Kimlik No;Ad;Soyad;Doğum Tarihi;Cinsiyet;"
		     "Yakınlık;Engel Oranı;Kronik Hastalık;Telefon;Mahalle;"
		     "Adres;Bina No;Daire No;Aylık Gelir (TL);Notlar\n"
		     "5;%s;Şükrü;Yılmaz;04.01.1950;E;reis;%%60;Diyabet;"
		     "0532 123 45 67;Gündoğdu;\"Atatürk Cd.; köşe\";12;3;"
		     "8.250,50;\"=SUM(A1) \"\"not\"\"\"\n"
		     "5;%s;Ayşe;Yılmaz;;K;eşi;;;;;;;;;\n"
		     "6;%s;-Eksi;@Kişi;;;;;;;Serdar;;;;0;+1\n",
		     T[0], T[1], T[2]),
		&o, &c));
	assert_int_equal(c.created, 3);
	for (flags = 0; flags <= HANE_CSV_EXCEL; flags += HANE_CSV_EXCEL) {
		snprintf(e1, sizeof e1, "%s/rt-e1-%u.csv", dir, flags);
		snprintf(e2, sizeof e2, "%s/rt-e2-%u.csv", dir, flags);
		snprintf(e3, sizeof e3, "%s/rt-e3-%u.csv", dir, flags);
		/* Only an unmasked export imports back (KVKK). */
		export_to(a, e1, flags | HANE_OUT_UNMASKED);
		b = tu_open(NULL);
		tu_ok(hane_households_import(b, e1, &o, &c));
		assert_int_equal(c.created, 3);
		assert_int_equal(c.households, 2);
		assert_int_equal(c.rejected, 0);
		export_to(b, e2, flags | HANE_OUT_UNMASKED);
		x = slurp(e1);
		y = slurp(e2);
		assert_string_equal(x, y);
		/* and importing the export into its own database changes
		 * nothing, even with --on-duplicate update */
		o.on_duplicate = HANE_DUP_UPDATE;
		tu_ok(hane_households_import(a, e1, &o, &c));
		assert_int_equal(c.unchanged, 3);
		assert_int_equal(c.updated + c.created, 0);
		o.on_duplicate = HANE_DUP_SKIP;
		export_to(a, e3, flags | HANE_OUT_UNMASKED);
		free(y);
		y = slurp(e3);
		assert_string_equal(x, y);
		free(x);
		free(y);
		hane_store_close(b);
	}
	hane_store_close(a);
}

static void test_excel_export_form(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	char e[700], *x, want[512];

	tu_ok(hane_households_import(
		db,
		file("xl.csv",
		     "TC Kimlik No;Ad;Soyad;Doğum Tarihi;Telefon;Aylık Gelir;"
		     "Notlar\n%s;Ali;Kaya;04.01.1950;05321234567;8.250,50;"
		     "=1+1\n",
		     T[0]),
		&o, &c));
	snprintf(e, sizeof e, "%s/xl-out.csv", dir);
	export_to(db, e, HANE_CSV_EXCEL | HANE_OUT_UNMASKED);
	x = slurp(e);
	assert_memory_equal(x, "\xEF\xBB\xBFHane No;TC Kimlik No;Ad;", 24);
	snprintf(want, sizeof want,
		 ";\"=\"\"%s\"\"\";Ali;Kaya;04.01.1950;;reis;;;"
		 "\"=\"\"0532 123 45 67\"\"\";\"=\"\"0532 123 45 67\"\"\";"
		 ";;;;8250,50;'=1+1\r\n",
		 T[0]);
	assert_non_null(strstr(x, want));
	assert_non_null(strstr(x, "Notlar\r\n"));
	free(x);
	hane_store_close(db);
}

/* KVKK: an export masks personal data unless asked otherwise, and only
 * staff with export.unmasked may ask. */
static void test_export_masked_by_default(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	char e[700], *x, want[512];
	FILE *fp;
	int64_t rows = 0;

	tu_ok(hane_households_import(
		db,
		file("mk.csv",
		     "TC Kimlik No;Ad;Soyad;Telefon;Mahalle;Adres;Bina No;"
		     "Kronik Hastalık;Notlar\n"
		     "%s;Ali;Kaya;05321234567;Gündoğdu;Atatürk Cd.;12;"
		     "Astım;gizli not\n",
		     T[3]),
		&o, &c));
	snprintf(e, sizeof e, "%s/mk-out.csv", dir);
	export_to(db, e, 0);
	x = slurp(e);
	snprintf(want, sizeof want,
		 ",%.3s******%s,Ali,Kaya,,,reis,,***,0532 *** ** 67,"
		 "0532 *** ** 67,Gündoğdu,***,***,,,***\n",
		 T[3], T[3] + 9);
	assert_non_null(strstr(x, want));
	assert_null(strstr(x, T[3]));
	assert_null(strstr(x, "Atatürk"));
	assert_null(strstr(x, "Astım"));
	free(x);

	/* A masked export does not import back as data: its numbers are
	 * not numbers. */
	{
		hane_db *b = tu_open(NULL);

		tu_ok(hane_households_import(b, e, &o, &c));
		assert_int_equal(c.created, 0);
		assert_int_equal(c.rejected, 1);
		hane_store_close(b);
	}

	/* A reporter exports masked, and is refused in full. */
	tu_staff(db, "rapor", "Rapor", "reporter", NULL);
	tu_ok(hane_store_set_actor(db, "rapor"));
	fp = fopen(e, "wb");
	assert_int_equal(
		hane_households_export(db, fp, HANE_OUT_UNMASKED, &rows),
		HANE_EPERM);
	assert_non_null(strstr(hane_error_last(), "export.unmasked"));
	fclose(fp);
	export_to(db, e, 0);
	x = slurp(e);
	assert_null(strstr(x, T[3]));
	free(x);
	hane_store_close(db);
}

static void test_header_only_and_empty(void **state)
{
	hane_db *db = tu_open(NULL);
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;

	tu_ok(hane_households_import(
		db, file("ho.csv", "TC Kimlik No;Ad;Soyad\r\n"), &o, &c));
	assert_int_equal(c.rows, 0);
	assert_int_equal(
		hane_households_import(db, file("em.csv", "%s", ""), &o, &c),
		HANE_ECSV);
	assert_int_equal(
		hane_households_import(db, file("bl.csv", "\n\n"), &o, &c),
		HANE_ECSV);
	hane_store_close(db);
}

/* ---- A file bigger than the writer's groups ------------------------------- */

static bool stop_at(const struct hane_import_counts *c, void *arg)
{
	return c->rows < *(int64_t *)arg;
}

/* Says stop the second time it is asked with the whole file read: the
 * first is the end of the reading, the second the end's first step. */
static bool stop_in_end(const struct hane_import_counts *c, void *arg)
{
	int *calls = arg;

	return c->offset != c->size || ++*calls < 2;
}

#define BIG_HH 4000 /* ~10,000 persons: more than one group of held rows */

/* BIG_HH households of 1–4 persons (numbers from 500000 on); extra, when
 * given, heads one more group of two new members at the end. */
static const char *big_file(const char *name, const char *extra)
{
	static const char *const first[] = {
		"Şükrü", "Ayşe", "Ali", "Çiğdem", "İsmail", "Ali Rıza", "Işık"};
	static const char *const last[] = {"Yılmaz", "Öztürk", "Kılıç", "Ali"};
	char *p = (char *)file(name, "%s", ""), head[HANE_TCKN_LEN + 1];
	FILE *f = fopen(p, "w");
	uint64_t t = 500000;

	/* tu_tckn's buffers go round: keep the caller's number */
	snprintf(head, sizeof head, "%s", extra ? extra : "");

	assert_non_null(f);
	fputs("Hane No;TC Kimlik No;Ad;Soyad;Doğum Tarihi;Yakınlık;Telefon;"
	      "Mahalle;Adres\n",
	      f);
	for (int h = 0; h < BIG_HH; h++)
		for (int m = 0; m < 1 + h % 4; m++, t++)
			fprintf(f, "H%d;%s;%s;%s;%02d.%02d.%d;%s;%s;%s;%s\n", h,
				tu_tckn(t), first[(h + m) % 7], last[h % 4],
				1 + h % 28, 1 + m * 3, 1940 + h % 80,
				m ? (m == 1 ? "eşi" : "çocuğu") : "",
				m ? "" : "0532 111 22 33",
				m ? "" : (h % 2 ? "Serdar" : "gundogdu"),
				m ? "" : "Atatürk Cd.");
	if (extra)
		fprintf(f,
			"X;%s;Eski;Kişi;;;;;\nX;%s;Yeni;Üye;;eşi;;;\n"
			"X;%s;Yeni;Çocuk;;çocuğu;;;\n",
			head, tu_tckn(900001), tu_tckn(900002));
	fclose(f);
	return p;
}

/* Every person with its household, head and search words, by number,
 * without ids (two registries that got the same rows agree). */
static char *registry_text(hane_db *db, const char *skip_household_of)
{
	hane_stmt *st = NULL;
	size_t cap = 1 << 22, len = 0;
	char *out = malloc(cap);

	assert_non_null(out);
	tu_ok(hane_stmt_prepare(
		db, &st,
		"SELECT p.tckn, p.first_name, p.last_name, p.name_key,"
		" coalesce(p.birth_date, '-'), p.relation,"
		" coalesce(p.phone, '-'), coalesce(p.phone_key, '-'), hp.tckn,"
		" coalesce(h.mahalle, '-'), coalesce(h.street, '-'),"
		" coalesce(h.phone_key, '-'), p.created_by, p.version,"
		" h.status || '/' || coalesce(h.building, '-') || '/' ||"
		" coalesce(h.door, '-') || '/' || coalesce(h.income_kurus, '-')"
		" || '/' || coalesce(h.notes, '-') || '/' || h.version || '/'"
		" || h.created_by,"
		" (SELECT group_concat(word, ' ') FROM (SELECT word"
		"  FROM person_word w WHERE w.person_id = p.id ORDER BY word))"
		" FROM person p JOIN household h ON h.id = p.household_id"
		" JOIN person hp ON hp.id = h.head_id"
		" WHERE hp.tckn IS NOT :skip ORDER BY p.tckn"));
	tu_ok(hane_stmt_bind_text(st, ":skip", skip_household_of));
	while (hane_stmt_step(st) == HANE_ROW) {
		for (int i = 0; i < 16; i++) {
			const char *v = hane_stmt_text(st, i);

			assert_true(len + strlen(v) + 2 < cap);
			len += (size_t)sprintf(out + len, "%s%c", v,
					       i < 15 ? '|' : '\n');
		}
	}
	hane_stmt_finalize(st);
	return out;
}

static char *schema_text(hane_db *db)
{
	hane_stmt *st = NULL;
	size_t len = 0;
	char *out = calloc(1, 1 << 20);

	assert_non_null(out);
	tu_ok(hane_stmt_prepare(db, &st,
				"SELECT type, name, coalesce(sql, '')"
				" FROM sqlite_schema ORDER BY type, name"));
	while (hane_stmt_step(st) == HANE_ROW)
		len += (size_t)snprintf(out + len, (1 << 20) - len,
					"%s %s %s\n", hane_stmt_text(st, 0),
					hane_stmt_text(st, 1),
					hane_stmt_text(st, 2));
	hane_stmt_finalize(st);
	return out;
}

static int64_t count_of(hane_db *db, const char *sql)
{
	int64_t n = -1;

	tu_ok(hane_store_query_int(db, &n, sql, NULL, 0));
	return n;
}

/* The registry is whole: every household's head is its own member with
 * relation head, no foreign key dangles, the indexes agree with the
 * tables. */
static void assert_whole(hane_db *db)
{
	assert_int_equal(
		count_of(db, "SELECT count(*) FROM household h WHERE NOT EXISTS"
			     " (SELECT 1 FROM person p WHERE p.id = h.head_id"
			     " AND p.household_id = h.id"
			     " AND p.relation = 'head')"),
		0);
	assert_int_equal(count_of(db, "SELECT count(*) FROM"
				      " pragma_foreign_key_check"),
			 0);
	tu_ok(hane_store_integrity_check(db));
}

static void test_big_file_fresh_and_not(void **state)
{
	const char *path1 = tu_tmp_path("big1"), *path2 = tu_tmp_path("big2");
	const char *csv = big_file("big.csv", NULL);
	hane_db *db = tu_open(path1), *db2;
	struct seen s;
	struct hane_import_opts o = opts(&s);
	struct hane_import_counts c;
	struct hane_person p, old;
	struct hane_household h;
	char *schema = schema_text(db), *after, *reg1, *reg2;
	int64_t stop = 9000, hid = 0, pid = 0, persons_in_file;
	int calls = 0;

	(void)state;
	/* Cancelled after the first group of rows was written: nothing
	 * stays, and the indexes dropped for the load are back. */
	o.progress = stop_at;
	o.arg = &stop;
	assert_int_equal(hane_households_import(db, csv, &o, &c),
			 HANE_ECANCELED);
	assert_int_equal(persons(db), 0);
	after = schema_text(db);
	assert_string_equal(after, schema);
	free(after);
	/* Cancelled while the indexes are built again: the same. */
	o.progress = stop_in_end;
	o.arg = &calls;
	assert_int_equal(hane_households_import(db, csv, &o, &c),
			 HANE_ECANCELED);
	assert_int_equal(calls, 2);
	assert_int_equal(persons(db), 0);
	after = schema_text(db);
	assert_string_equal(after, schema);
	free(after);
	/* The foreign keys the load ran without are on again. */
	assert_int_equal(count_of(db, "PRAGMA foreign_keys"), 1);

	/* Into the empty registry: every row, the schema as it was. */
	o = opts(&s);
	tu_ok(hane_households_import(db, csv, &o, &c));
	persons_in_file = c.created;
	assert_true(persons_in_file > 9000);
	assert_int_equal(c.households, BIG_HH);
	assert_int_equal(c.rejected, 0);
	assert_true(c.solo);
	assert_int_equal(persons(db), persons_in_file);
	after = schema_text(db);
	assert_string_equal(after, schema);
	free(after);
	/* Loaded without SQLite's foreign keys: none dangles (assert_whole
	 * checks them all), and they are on again for what follows. */
	assert_whole(db);
	assert_int_equal(count_of(db, "PRAGMA foreign_keys"), 1);
	/* The search words are the distinct words of each name ("Ali Ali"
	 * one row, "Ali Rıza Kılıç" three), as the single writes make them. */
	assert_int_equal(count_of(db, "SELECT count(*) FROM person_word"),
			 count_of(db,
				  "WITH RECURSIVE s(id, w, rest) AS ("
				  " SELECT id, '', name_key || ' ' FROM person"
				  " UNION ALL SELECT id,"
				  " substr(rest, 1, instr(rest, ' ') - 1),"
				  " substr(rest, instr(rest, ' ') + 1)"
				  " FROM s WHERE rest <> '')"
				  " SELECT count(*) FROM (SELECT DISTINCT"
				  " id, w FROM s WHERE w <> '')"));
	assert_int_equal(count_of(db,
				  "SELECT count(*) FROM person_word w"
				  " WHERE NOT EXISTS (SELECT 1 FROM person p"
				  " WHERE p.id = w.person_id AND ' ' ||"
				  " p.name_key || ' ' LIKE"
				  " '% ' || w.word || ' %')"),
			 0);
	assert_int_equal(count_of(db, "SELECT count(*) FROM audit"
				      " WHERE action = 'import'"),
			 1);

	/* Into a registry that has someone already, who heads the file's
	 * last group: the numbers are looked up, the group's new members
	 * join the household already registered, the rest is the same. */
	db2 = tu_open(path2);
	hane_household_init(&h);
	hane_person_init(&p);
	snprintf(p.tckn, sizeof p.tckn, "%s", tu_tckn(900000));
	strcpy(p.first_name, "Eski");
	strcpy(p.last_name, "Kişi");
	tu_ok(hane_household_create(db2, &h, &p, &hid, &pid, NULL));
	o = opts(&s);
	tu_ok(hane_households_import(db2, big_file("big2.csv", tu_tckn(900000)),
				     &o, &c));
	assert_int_equal(c.created, persons_in_file + 2);
	assert_int_equal(c.unchanged, 1);
	assert_int_equal(persons(db2), persons_in_file + 3);
	tu_ok(hane_person_by_tckn(db2, tu_tckn(900002), &old));
	assert_int_equal(old.household_id, hid);
	assert_string_equal(old.relation, "child");
	assert_whole(db2);
	reg1 = registry_text(db, NULL);
	reg2 = registry_text(db2, tu_tckn(900000));
	assert_string_equal(reg1, reg2);
	free(reg1);
	free(reg2);
	free(schema);
	hane_store_close(db);
	hane_store_close(db2);
}

/* ---- A large file: every refusal at its line, rows in file order --------- */

#define Q_HH                                                                   \
	3000 /* ~7,500 rows: many of the importer's batches, refusals          \
		across them */

struct all_rejects {
	long *lines;
	char (*why)[256];
	size_t n, cap;
};

static void all_reject(long line, const char *why, void *arg)
{
	struct all_rejects *a = arg;

	if (a->n == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 256;
		a->lines = realloc(a->lines, a->cap * sizeof *a->lines);
		a->why = realloc(a->why, a->cap * sizeof *a->why);
		assert_true(a->lines && a->why);
	}
	a->lines[a->n] = line;
	snprintf(a->why[a->n++], 256, "%s", why);
}

/* What the file's bad rows are refused for. */
enum bad { OK, BAD_TCKN, BAD_MAHALLE, HEAD_GONE, SAME_TCKN };

struct want {
	enum bad bad[4 * Q_HH + 2];
	long arg[4 * Q_HH + 2]; /* the line a message names */
	char tckn[4 * Q_HH + 2][HANE_TCKN_LEN + 1];
	int group[4 * Q_HH + 2];
	char *text; /* the file */
	long lines; /* its last line */
};

/* Q_HH households of 1–4 persons; some heads with a bad number or
 * mahalle (their members refused with them), some members with the
 * number of a head of an earlier row, in batches before and after; the
 * refusals cross the importer's batches. */
static void queue_file(struct want *w, const char *tail)
{
	size_t cap = 1 << 21, len = 0;
	long line = 1, head_line = 0, prev_head = 0;
	char prev_tckn[HANE_TCKN_LEN + 1] = "";
	uint64_t t = 700000;

	w->text = malloc(cap);
	assert_non_null(w->text);
	len += (size_t)sprintf(w->text,
			       "Hane No;TC Kimlik No;Ad;Soyad;Mahalle\n");
	for (int h = 0; h < Q_HH; h++) {
		bool bad_tckn = h % 97 == 5, bad_mah = h % 101 == 3;

		for (int m = 0; m < 1 + h % 4; m++, t++) {
			enum bad b = OK;
			const char *num = tu_tckn(t);

			line++;
			if (m == 0 && bad_tckn) {
				num = "12345678901";
				b = BAD_TCKN;
			} else if (m == 0 && bad_mah) {
				b = BAD_MAHALLE;
			} else if (m && (bad_tckn || bad_mah)) {
				b = HEAD_GONE;
				w->arg[line] = head_line;
			} else if (m == 1 && h % 89 == 7 && prev_tckn[0]) {
				num = prev_tckn;
				b = SAME_TCKN;
				w->arg[line] = prev_head;
			}
			w->bad[line] = b;
			w->group[line] = h;
			snprintf(w->tckn[line], sizeof w->tckn[line], "%s",
				 num);
			assert_true(len + 256 < cap);
			len += (size_t)sprintf(w->text + len,
					       "Q%d;%s;Ad%d;Soyad;%s\n", h, num,
					       m,
					       m	 ? ""
					       : bad_mah ? "Atlantis"
							 : "Serdar");
			if (m == 0)
				head_line = line;
		}
		if (!bad_tckn && !bad_mah) {
			prev_head = head_line;
			snprintf(prev_tckn, sizeof prev_tckn, "%s",
				 w->tckn[head_line]);
		}
	}
	if (tail)
		len += (size_t)sprintf(w->text + len, "%s", tail);
	w->lines = line;
}

static void test_large_file_rows_and_rejects(void **state)
{
	static struct want w;
	hane_db *db = tu_open(NULL);
	struct all_rejects a = {0};
	struct hane_import_opts o = {0};
	struct hane_import_counts c;
	const char *csv, *rej = tu_tmp_path("queue_rejects.csv");
	char *got, *want_file, first[2][256] = {"", ""}, msg[256], group[16];
	size_t wlen = 0, k = 0, accepted = 0, n;
	hane_stmt *st = NULL;

	(void)state;
	memset(&w, 0, sizeof w);
	queue_file(&w, NULL);
	csv = file("queue.csv", "%s", w.text);
	o.reject = all_reject;
	o.arg = &a;
	o.rejects = rej;

	/* A dry run and the import: the same counts, every refusal at its
	 * line in the file's order, with its reason. */
	o.dry_run = true;
	tu_ok(hane_households_import(db, csv, &o, &c));
	n = a.n;
	assert_int_equal(persons(db), 0);
	a.n = 0;
	o.dry_run = false;
	tu_ok(hane_households_import(db, csv, &o, &c));
	assert_int_equal(a.n, n);
	assert_int_equal(c.rows, w.lines - 1);
	assert_int_equal(c.rejected, (int64_t)n);
	want_file = malloc(1 << 20);
	assert_non_null(want_file);
	wlen += (size_t)sprintf(want_file,
				"Hane No;TC Kimlik No;Ad;Soyad;"
				"Mahalle;\"%s\"\n",
				hane_msg(HANE_M_IMP_REJECTS_COLUMN));
	for (long line = 2; line <= w.lines; line++) {
		const char *row = w.text;

		if (w.bad[line] == OK) {
			accepted++;
			continue;
		}
		assert_true(k < a.n);
		assert_int_equal(a.lines[k], line);
		switch (w.bad[line]) {
		case BAD_TCKN:
		case BAD_MAHALLE:
			/* One reason for every row of the kind. */
			if (!first[w.bad[line] - 1][0])
				snprintf(first[w.bad[line] - 1], 256, "%s",
					 a.why[k]);
			assert_string_equal(a.why[k], first[w.bad[line] - 1]);
			break;
		case HEAD_GONE:
			snprintf(group, sizeof group, "Q%d", w.group[line]);
			snprintf(msg, sizeof msg,
				 hane_msg(HANE_M_IMP_HEAD_REJECTED), group,
				 w.arg[line]);
			assert_string_equal(a.why[k], msg);
			break;
		case SAME_TCKN:
			snprintf(msg, sizeof msg,
				 hane_msg(HANE_M_IMP_SAME_TCKN), w.arg[line]);
			assert_string_equal(a.why[k], msg);
			break;
		case OK:
			break;
		}
		/* The rejects file: the row as it was, then the reason. */
		for (long l = 1; l < line; l++)
			row = strchr(row, '\n') + 1;
		wlen += (size_t)sprintf(want_file + wlen, "%.*s;\"%s\"\n",
					(int)(strchr(row, '\n') - row), row,
					a.why[k]);
		k++;
	}
	assert_int_equal(k, a.n);
	assert_non_null(strstr(first[0], "TC Kimlik No"));
	assert_non_null(strstr(first[1], "Atlantis"));
	got = slurp(rej);
	assert_non_null(got);
	assert_string_equal(got, want_file);
	free(got);
	free(want_file);

	/* The rows in the file's order: ids follow the lines. */
	assert_int_equal(persons(db), (int64_t)accepted);
	tu_ok(hane_stmt_prepare(db, &st,
				"SELECT tckn FROM person ORDER BY id"));
	for (long line = 2; line <= w.lines; line++) {
		if (w.bad[line] != OK)
			continue;
		assert_int_equal(hane_stmt_step(st), HANE_ROW);
		assert_string_equal(hane_stmt_text(st, 0), w.tckn[line]);
	}
	assert_int_equal(hane_stmt_step(st), HANE_DONE);
	hane_stmt_finalize(st);
	assert_whole(db);
	hane_store_close(db);

	/* A file broken at its end: every row before it was read and
	 * refused or taken as before, then the import fails naming the
	 * line; nothing is written and no rejects file stays. */
	db = tu_open(NULL);
	a.n = 0;
	free(w.text);
	queue_file(&w, "Q9999;\"unclosed;Ad;Soyad;\n");
	csv = file("queue_broken.csv", "%s", w.text);
	assert_int_equal(hane_households_import(db, csv, &o, &c), HANE_ECSV);
	snprintf(msg, sizeof msg, hane_msg(HANE_M_CSV_UNTERMINATED),
		 w.lines + 1);
	assert_string_equal(hane_error_last(), msg);
	assert_int_equal(c.rows, w.lines - 1);
	assert_int_equal(a.n, n);
	assert_int_equal(persons(db), 0);
	assert_int_equal(access(rej, F_OK), -1);
	hane_store_close(db);
	free(w.text);
	free(a.lines);
	free(a.why);
}

int main(void)
{
	const char *base = getenv("HANE_TEST_TMP");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic_aliases_and_groups),
		cmocka_unit_test(test_full_name_and_no_groups),
		cmocka_unit_test(test_missing_required_column),
		cmocka_unit_test(test_map_override),
		cmocka_unit_test(test_rejects_keep_rows),
		cmocka_unit_test(test_group_head_rejected),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_same_tckn_in_file),
		cmocka_unit_test(test_dry_run),
		cmocka_unit_test(test_all_or_none),
		cmocka_unit_test(test_cp1254_file),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_excel_export_form),
		cmocka_unit_test(test_export_masked_by_default),
		cmocka_unit_test(test_header_only_and_empty),
		cmocka_unit_test(test_big_file_fresh_and_not),
		cmocka_unit_test(test_large_file_rows_and_rejects),
	};

	setenv("HANE_NOW", "2026-06-15 10:00:00", 1);
	mkdir(base ? base : "/tmp", 0700);
	snprintf(dir, sizeof dir, "%s/import.XXXXXX", base ? base : "/tmp");
	if (!mkdtemp(dir))
		return 1;
	for (int i = 0; i < 16; i++)
		snprintf(T[i], sizeof T[i], "%s", tu_tckn(1000 + (uint64_t)i));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
