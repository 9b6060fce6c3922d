/* Demo data: realistic synthetic İzmit households for trying the console,
 * training staff and the benchmark, without a single real person in it.
 *
 * Everything goes through the household model's bulk writer, so the demo
 * data passes the same validation and TC Kimlik uniqueness as typed data
 * and a model change cannot leave the demo behind; each batch leaves one
 * audit event ("demo") naming the ids it made. Writes are
 * batched in transactions of BATCH households: one commit per person
 * would cost a disk sync each.
 *
 * Determinism: household i is drawn from its own generator, seeded from
 * (seed, i), so the same seed gives the same registry, and the first
 * households do not change when n does. TC Kimlik numbers are "9" then a
 * digit 0-8 (never 99, the foreign residents' prefix), then seven digits
 * from a counter stepped through the 9·10^7 possible values, so a run
 * never repeats a number; the two check digits are right.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hane/core.h"
#include "hane/households.h"
#include "hane/i18n.h"
#include "hane/perm.h"

#define BATCH 1000
#define MAX_MAHALLE 256

/* All birth dates are drawn before this day, so they are valid whatever
 * the clock says, and the data do not depend on the day it is made. */
#define REF_YEAR 2025

/* Number space after the leading 9: second digit 0-8, seven more. The
 * step is prime to 2, 3 and 5, so counter*STEP visits every value once. */
#define TCKN_SPACE 90000000ULL
#define TCKN_STEP 7919ULL

/* ---- Randomness ---------------------------------------------------------- */

/* splitmix64: small, fast, good enough for synthetic names, and the same
 * on every platform (rand() is not). */
static uint64_t next_u64(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0 (the modulo bias is far below what matters). */
static int below(uint64_t *s, int n)
{
	return (int)(next_u64(s) % (uint64_t)n);
}

static int between(uint64_t *s, int lo, int hi)
{
	return lo + below(s, hi - lo + 1);
}

/* True with probability pct/100. */
static bool chance(uint64_t *s, int pct)
{
	return below(s, 100) < pct;
}

#define PICK(s, a) ((a)[below((s), (int)(sizeof(a) / sizeof((a)[0])))])

/* ---- Word lists ---------------------------------------------------------- */

static const char *const male_names[] = {
	"Ahmet",     "Mehmet",	"Mustafa",  "Ali",	"Hüseyin", "Hasan",
	"İbrahim",   "İsmail",	"Osman",    "Yusuf",	"Murat",   "Ömer",
	"Ramazan",   "Halil",	"Süleyman", "Abdullah", "Mahmut",  "Recep",
	"Salih",     "Fatih",	"Kadir",    "Emre",	"Hakan",   "Adem",
	"Kemal",     "Yaşar",	"Bayram",   "Serkan",	"Burak",   "Orhan",
	"Şükrü",     "Cemal",	"Erkan",    "Metin",	"Uğur",	   "Gökhan",
	"Tolga",     "Sinan",	"Volkan",   "Cengiz",	"Şahin",   "Yılmaz",
	"Doğan",     "Çetin",	"Ercan",    "Ferhat",	"Selçuk",  "Tuncay",
	"Özkan",     "Oğuz",	"Necati",   "Nihat",	"İlhan",   "İsa",
	"Musa",	     "Nuri",	"Rıza",	    "Sabri",	"Şevket",  "Tayfun",
	"Ümit",	     "Veli",	"Zeki",	    "Yiğit",	"Eren",	   "Efe",
	"Kerem",     "Arda",	"Berk",	    "Çağrı",	"Onur",	   "Barış",
	"Güven",     "Levent",	"Erdoğan",  "Hilmi",	"Nazım",   "Tarık",
	"Alparslan", "Emirhan",
};

static const char *const female_names[] = {
	"Ayşe",	   "Fatma",    "Emine",	 "Hatice", "Zeynep",  "Elif",
	"Meryem",  "Şerife",   "Zehra",	 "Sultan", "Hanife",  "Merve",
	"Havva",   "Zeliha",   "Esra",	 "Fadime", "Özlem",   "Hacer",
	"Yasemin", "Hülya",    "Cemile", "Songül", "Kübra",   "Leyla",
	"Gülşen",  "Çağla",    "Gül",	 "Gülsüm", "Döndü",   "Dilek",
	"Sevgi",   "Sevim",    "Nurcan", "Nuray",  "Filiz",   "Melek",
	"Aynur",   "Ayten",    "Büşra",	 "Derya",  "Ebru",    "Feride",
	"Gönül",   "Hale",     "İpek",	 "İlknur", "Kader",   "Kezban",
	"Lale",	   "Müzeyyen", "Nermin", "Nazlı",  "Öznur",   "Pınar",
	"Rukiye",  "Saadet",   "Şenay",	 "Şükran", "Tuğba",   "Tülay",
	"Ümran",   "Ülkü",     "Vildan", "Yıldız", "Zübeyde", "Zühal",
	"Asiye",   "Bahar",    "Canan",	 "Dudu",   "Esma",    "Gizem",
	"Irmak",   "Aslı",     "Ecrin",	 "Defne",  "Nisa",    "Azra",
	"Hayriye", "Şeyma",
};

static const char *const last_names[] = {
	"Yılmaz",   "Kaya",	"Demir",    "Şahin",	 "Çelik",   "Yıldız",
	"Yıldırım", "Öztürk",	"Aydın",    "Özdemir",	 "Arslan",  "Doğan",
	"Kılıç",    "Aslan",	"Çetin",    "Kara",	 "Koç",	    "Kurt",
	"Özkan",    "Şimşek",	"Polat",    "Işık",	 "Erdoğan", "Yavuz",
	"Can",	    "Acar",	"Aksoy",    "Güneş",	 "Tekin",   "Bulut",
	"Keskin",   "Ünal",	"Turan",    "Gül",	 "Özer",    "Bozkurt",
	"Ateş",	    "Kaplan",	"Güler",    "Tuncer",	 "Çakır",   "Sarı",
	"Uçar",	    "Aktaş",	"Karakaya", "Korkmaz",	 "Altun",   "Avcı",
	"Şen",	    "Duman",	"Yücel",    "Güven",	 "Özgür",   "Tunç",
	"Coşkun",   "Erdem",	"Akın",	    "Başaran",	 "Karaca",  "Akbulut",
	"Uysal",    "Kocabaş",	"Demirci",  "Bayram",	 "Ekinci",  "Sönmez",
	"Toprak",   "Uzun",	"Temiz",    "Taş",	 "Yazıcı",  "Çiftçi",
	"Akgül",    "Oral",	"Kahraman", "Bilgin",	 "Sezer",   "Kurtuluş",
	"Özbek",    "Gündoğdu", "Türkmen",  "Kocaman",	 "Durmaz",  "Eren",
	"Ağaoğlu",  "Karataş",	"Dinç",	    "Öztürkmen", "Şeker",   "Gökçe",
	"İnce",	    "Ilgaz",	"Ölmez",    "Çınar",	 "Sağlam",  "Bağcı",
	"Kalkan",   "Işıklı",	"Ertürk",   "Üstün",
};

static const char *const street_names[] = {
	"Atatürk",
	"İnönü",
	"Cumhuriyet",
	"Gazi Osman Paşa",
	"Fevzi Çakmak",
	"Kazım Karabekir",
	"Mimar Sinan",
	"Fatih Sultan",
	"Yavuz Sultan Selim",
	"Hürriyet",
	"İstiklal",
	"Zafer",
	"Lale",
	"Menekşe",
	"Gül",
	"Papatya",
	"Çınar",
	"Ihlamur",
	"Akasya",
	"Söğüt",
	"Karadeniz",
	"Ege",
	"Yeşil",
	"Bahar",
	"Şehit Ömer Halisdemir",
	"Alemdar",
	"Ömer Türkçakal",
	"Ankara",
	"Kocaeli",
	"Sakarya",
	"Körfez",
	"Sahil",
	"Okul",
	"Cami",
	"Değirmen",
	"Bağlar",
	"Pınarbaşı",
	"Yıldız",
	"Uğur Mumcu",
	"Necip Fazıl",
};

static const char *const street_kinds[] = {
	"Cd.", "Sk.", "Sk.", "Sk.", "Bulvarı",
};

static const char *const illnesses[] = {
	"Diyabet",
	"Hipertansiyon",
	"KOAH",
	"Astım",
	"Kalp yetmezliği",
	"Böbrek yetmezliği",
	"Alzheimer",
	"Parkinson",
	"Romatoid artrit",
	"Epilepsi",
	"MS",
	"Kanser tedavisi",
	"Tiroid",
	"Koroner arter hastalığı",
	"Diyabet, hipertansiyon",
};

static const int mobile_prefixes[] = {
	530, 531, 532, 533, 534, 535, 536, 537, 538, 539, 541, 542, 543, 544,
	545, 546, 547, 548, 549, 505, 506, 507, 551, 552, 553, 554, 555, 501,
};

/* ---- One person ---------------------------------------------------------- */

struct demo {
	hane_db *db;
	uint64_t seed;
	uint64_t tckn_base;
	uint64_t tckn_counter;
	bool tckn_check; /* the registry had persons: skip numbers taken */
	char mahalle[MAX_MAHALLE][HANE_NAME_MAX];
	int nmahalle;
	hane_hh_bulk *bulk;
};

static int collect_mahalle(const char *name, void *arg)
{
	struct demo *d = arg;

	if (d->nmahalle < MAX_MAHALLE)
		snprintf(d->mahalle[d->nmahalle++], HANE_NAME_MAX, "%s", name);
	return 0;
}

/* The next number of the run; where the registry already had persons (an
 * earlier run with the same seed, or demo-year after hane demo), the
 * numbers they hold are passed over, so a second run adds households
 * instead of stopping at the first number the first run used. */
static int next_tckn(struct demo *d, char out[HANE_TCKN_LEN + 1])
{
	for (;;) {
		uint64_t v = (d->tckn_base + d->tckn_counter++ * TCKN_STEP) %
			     TCKN_SPACE;
		const struct hane_field p[] = {HANE_FTEXT(":t", out)};
		int rc;

		/* "9", then v as eight digits: its first is 0-8, never a
		 * second 9 */
		snprintf(out, HANE_TCKN_LEN + 1, "9%08llu",
			 (unsigned long long)v);
		hane_tckn_complete(out);
		if (!d->tckn_check)
			return 0;
		rc = hane_store_ints(d->db,
				     "SELECT 1 FROM person WHERE tckn = :t", p,
				     HANE_COUNTOF(p), NULL, 0);
		if (rc != 0)
			return rc == HANE_ENOTFOUND ? 0 : rc;
	}
}

static void random_mobile(uint64_t *s, char out[HANE_PHONE_LEN + 1])
{
	unsigned prefix = (unsigned)PICK(s, mobile_prefixes) % 1000u;
	unsigned line = (unsigned)below(s, 10000000) % 10000000u;

	snprintf(out, HANE_PHONE_LEN + 1, "+90%03u%07u", prefix, line);
}

/* A birth date for someone `age` years old on 31 December REF_YEAR - 1. */
static void birth_for_age(uint64_t *s, int age, char out[HANE_DATE_LEN + 1])
{
	int y = REF_YEAR - 1 - age, m = between(s, 1, 12), day;

	day = between(s, 1, 28);
	if (m != 2 && chance(s, 10))
		day = between(s, 29, 30);
	snprintf(out, HANE_DATE_LEN + 1, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)m % 100u, (unsigned)day % 100u);
}

static void fill_person(uint64_t *s, struct hane_person *p, const char *sex,
			const char *last, int age, const char *relation)
{
	hane_person_init(p);
	snprintf(p->sex, sizeof p->sex, "%s", sex);
	snprintf(p->first_name, sizeof p->first_name, "%s",
		 sex[0] == 'K' ? PICK(s, female_names) : PICK(s, male_names));
	snprintf(p->last_name, sizeof p->last_name, "%s", last);
	snprintf(p->relation, sizeof p->relation, "%s", relation);
	birth_for_age(s, age, p->birth_date);
	/* disability: about 8 in 100, more among the old */
	if (chance(s, age >= 65 ? 14 : 7))
		p->disability_pct = between(s, 8, 20) * 5;
	else
		p->disability_pct = chance(s, 30) ? -1 : 0;
	if (age >= 35 && chance(s, age >= 60 ? 35 : 10))
		snprintf(p->chronic_illness, sizeof p->chronic_illness, "%s",
			 PICK(s, illnesses));
	if (age >= 18 && chance(s, 60))
		random_mobile(s, p->phone);
}

/* ---- One household ------------------------------------------------------- */

/* Household sizes 1..8, weights per mille: mean about 3.2 as in İzmit. */
static int household_size(uint64_t *s)
{
	static const int weight[8] = {140, 240, 220, 200, 110, 50, 25, 15};
	int r = below(s, 1000);

	for (int i = 0; i < 8; i++) {
		if (r < weight[i])
			return i + 1;
		r -= weight[i];
	}
	return 1;
}

static void fill_household(struct demo *d, uint64_t *s,
			   struct hane_household *h, int size)
{
	hane_household_init(h);
	if (d->nmahalle > 0)
		snprintf(h->mahalle, sizeof h->mahalle, "%s",
			 d->mahalle[below(s, d->nmahalle)]);
	snprintf(h->street, sizeof h->street, "%s %s", PICK(s, street_names),
		 PICK(s, street_kinds));
	snprintf(h->building, sizeof h->building, "%d", between(s, 1, 180));
	if (chance(s, 70))
		snprintf(h->door, sizeof h->door, "%d", between(s, 1, 24));
	if (chance(s, 80))
		random_mobile(s, h->phone);
	/* monthly income: unknown for some, none for some, mostly around
	 * one or two minimum wages */
	if (chance(s, 12)) {
		h->income_kurus = -1;
	} else if (chance(s, 10)) {
		h->income_kurus = 0;
	} else {
		int r = below(s, 1000);
		int64_t tl = 4000 + (int64_t)r * r * 41 / 1000; /* 4k..45k */

		h->income_kurus = tl / 50 * 50 * 100;
		if (chance(s, 15))
			h->income_kurus += below(s, 100);
	}
	if (size == 1 && chance(s, 5))
		snprintf(h->status, sizeof h->status, "passive");
}

/* Creates household number i: a head, then the family around the head.
 * Ages keep the generations apart (children 18-40 years younger than the
 * head, parents 18-35 older). */
/* Adds p to household hid, with the next number when tckn. */
static int add_member(struct demo *d, struct hane_person *p, int64_t hid,
		      bool tckn)
{
	int rc;

	p->household_id = hid;
	if (tckn && (rc = next_tckn(d, p->tckn)) != 0)
		return rc;
	return hane_hh_bulk_person(d->bulk, p, NULL);
}

/* A child of the head (now and then a grandchild, a sibling or another
 * relative), into p; returns the age. */
static int fill_child(uint64_t *s, struct hane_person *p, int head_age,
		      const char *last)
{
	const char *rel = "child";
	int age, oldest = head_age - 18, youngest = head_age - 45;

	if (youngest < 0)
		youngest = 0;
	if (oldest < 0)
		oldest = 0;
	age = between(s, youngest, oldest);
	if (head_age >= 55 && chance(s, 25)) {
		rel = "grandchild";
		age = between(s, 0, head_age - 40 < 17 ? head_age - 40 : 17);
	} else if (chance(s, 3)) {
		int lo = head_age - 10 < 18 ? 18 : head_age - 10;

		rel = chance(s, 50) ? "sibling" : "other";
		age = between(s, lo, head_age + 10);
	}
	fill_person(s, p, chance(s, 50) ? "K" : "E", last, age, rel);
	return age;
}

static int make_household(struct demo *d, int64_t i)
{
	uint64_t s = d->seed ^ ((uint64_t)i * 0xD1B54A32D192ED03ULL);
	struct hane_household h;
	struct hane_person p;
	const char *last, *head_sex;
	int size, head_age, added, rc;
	bool spouse, parent;
	int64_t hid = 0;

	next_u64(&s);
	size = household_size(&s);
	head_age = size == 1 ? between(&s, 20, 90) : between(&s, 24, 78);
	spouse = size >= 2 && chance(&s, size == 2 ? 70 : 85);
	head_sex = spouse ? (chance(&s, 92) ? "E" : "K")
			  : (chance(&s, 55) ? "K" : "E");
	last = PICK(&s, last_names);
	fill_household(d, &s, &h, size);

	fill_person(&s, &p, head_sex, last, head_age, "head");
	if ((rc = next_tckn(d, p.tckn)) != 0)
		return rc;
	if ((rc = hane_hh_bulk_household(d->bulk, &h, &p, &hid, NULL)) != 0)
		return rc;
	added = 1;
	if (strcmp(h.status, "active") != 0)
		return 0;

	if (spouse) {
		int age = head_age +
			  between(&s, -8, 4) * (head_sex[0] == 'E' ? 1 : -1);

		if (age < 18)
			age = 18;
		fill_person(&s, &p, head_sex[0] == 'E' ? "K" : "E",
			    chance(&s, 90) ? last : PICK(&s, last_names), age,
			    "spouse");
		if ((rc = add_member(d, &p, hid, true)) != 0)
			return rc;
		added++;
	}
	parent = added < size && head_age <= 62 && chance(&s, 15);
	if (parent) {
		int age = head_age + between(&s, 18, 35);
		bool mother = chance(&s, 70);

		fill_person(&s, &p, mother ? "K" : "E",
			    mother && chance(&s, 30) ? PICK(&s, last_names)
						     : last,
			    age > 99 ? 99 : age, "parent");
		if ((rc = add_member(d, &p, hid, true)) != 0)
			return rc;
		added++;
	}
	while (added < size) {
		int age = fill_child(&s, &p, head_age, last);

		/* a newborn often has no number in the registry yet */
		if ((rc = add_member(d, &p, hid, age > 0 || chance(&s, 50))))
			return rc;
		added++;
	}
	return 0;
}

/* ---- The run ------------------------------------------------------------- */

int hane_demo_generate(hane_db *db, int64_t n, uint64_t seed,
		       void (*progress)(int64_t done, int64_t total, void *arg),
		       void *arg)
{
	struct demo *d = NULL; /* 24 KB of mahalle names: not on the stack */
	uint64_t s = seed;
	int64_t done = 0, first = 0;
	int rc = 0;

	if (n < 0) {
		hane_error_set("%s", hane_strerror(HANE_EINVAL));
		return HANE_EINVAL;
	}
	/* Generated people go only into a database made for them, by its
	 * administrator. */
	if ((rc = hane_can(db, HANE_ACT_STAFF_ADMIN)) != 0)
		return rc;
	if (!hane_store_is_demo(db)) {
		hane_error_set(hane_msg(HANE_M_DEMO_ONLY), hane_store_path(db));
		return HANE_EPERM;
	}
	d = calloc(1, sizeof *d);
	if (!d) {
		hane_error_set("%s", hane_strerror(HANE_ENOMEM));
		return HANE_ENOMEM;
	}
	d->db = db;
	d->seed = next_u64(&s);
	d->tckn_base = next_u64(&s) % TCKN_SPACE;
	if ((rc = hane_mahalle_each(db, collect_mahalle, d)) != 0)
		goto done;
	/* A registry that has households already (an earlier run, or
	 * demo-year after hane demo): the run goes on from household number
	 * `first` as if the earlier one had been longer — new families, not
	 * twins of the first ones — and passes over taken numbers. */
	{
		int64_t c[2] = {0, 0};

		if ((rc = hane_store_ints(
			     db,
			     "SELECT (SELECT count(*) FROM household),"
			     " (SELECT count(tckn) FROM person)",
			     NULL, 0, c, 2)) != 0)
			goto done;
		first = c[0];
		/* the same seed's earlier run gave the first c[1] numbers */
		d->tckn_counter = (uint64_t)c[1];
		d->tckn_check = first > 0;
	}
	while (done < n) {
		int64_t end = done + BATCH < n ? done + BATCH : n;

		if ((rc = hane_hh_bulk_begin(db, &d->bulk, "demo")) != 0)
			goto done;
		for (; done < end && rc == 0; done++)
			rc = make_household(d, first + done);
		if (rc != 0) {
			hane_hh_bulk_end(d->bulk, false, NULL);
			goto done;
		}
		if ((rc = hane_hh_bulk_end(d->bulk, true, NULL)) != 0)
			goto done;
		if (progress)
			progress(done, n, arg);
	}
done:
	free(d);
	return rc;
}
