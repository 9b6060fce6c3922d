#!/usr/bin/env bash
# hane annual / duplicates / overview: a generated year read back by the
# annual report, the Turkish summary, CSV with queries, the dashboard,
# household 360, duplicates merge and undo.
. "$(dirname "$0")/lib.sh"

run init; expect_rc 0 "init"
# A generated year goes only into a demo database (#16).
run overview demo-year --year 2025 --scale 0.02 --seed 5
expect_rc 1 "demo-year on a real database"; expect_err "init --demo" "says where it runs"
[ "$(sqlite3 "$HANE_DB" "SELECT count(*) FROM person")" = 0 ] && ok || bad "demo-year added nobody"
rm -f "$HANE_DB" "$HANE_DB-wal" "$HANE_DB-shm"
run init --demo; expect_rc 0 "init --demo"
run overview demo-year --year 2025 --scale 0.02 --seed 5
expect_rc 0 "demo-year"
GEN=$OUT
val() { printf '%s\n' "$GEN" | sed -n "s/^$1=//p"; }
expect_out "inspection.requests=192" "generator made 2% of İzmit's inspections"

# The annual report shows what the generator recorded, figure by figure.
run annual --year 2025 --csv
expect_rc 0 "annual csv"
CSV=$OUT
for id in inspection.requests inspection.visits inspection.decisions \
	inspection.households foodbank.packages foodbank.households \
	foodbank.donations \
	homecare.care_visits homecare.care_persons homecare.cleanings \
	homecare.cleaning_persons taxi.appointments taxi.trips taxi.riders; do
	want=$(val "$id")
	got=$(printf '%s\n' "$CSV" | awk -F, -v id="$id" '$2 == id {print $4}')
	if [ -n "$want" ] && [ "$want" = "$got" ]; then ok; else
		OUT="$id: want '$want' got '$got'"; bad "annual figure $id"; fi
done
expect_out "SELECT count(*) FROM inspection_visit" "each figure carries the query counting the rows"
expect_out "FROM ov_tally WHERE measure = 'inspection.visits'" "and the query of the running total it is read from"

# --verify counts every figure again from the units' rows (on a copy: the
# writes below would change the figures the rest of this file reads).
cp "$HANE_DB" "$T/v.db"
HANE_DB="$T/v.db" run annual --year 2025 --verify
expect_rc 0 "verify: totals agree with the rows"
expect_out "88 göstergenin hepsi kayıtlarla aynı" "verify names how many it checked"
# Writes from the sqlite3 tool keep the totals right (triggers) ...
sqlite3 "$T/v.db" "PRAGMA foreign_keys = ON;
DELETE FROM fb_distribution_item WHERE distribution_id =
	(SELECT min(id) FROM fb_distribution);
DELETE FROM fb_distribution WHERE id = (SELECT min(id) FROM fb_distribution);
UPDATE taxi_trip SET status = 'cancelled' WHERE id =
	(SELECT min(id) FROM taxi_trip WHERE status = 'done');
UPDATE inspection_visit SET visited_on = '2024-12-31' WHERE id =
	(SELECT min(id) FROM inspection_visit);"
HANE_DB="$T/v.db" run annual --year 2025 --verify
expect_rc 0 "verify: totals follow deletes and updates made with sqlite3"
HANE_DB="$T/v.db" run annual --year 2024 --verify
expect_rc 0 "verify: a visit moved into 2024 counts there"
expect_out "inspection.visits            toplam 1, kayıtlar 1" "2024 holds the moved visit"
# ... and a total that went wrong is found and named.
sqlite3 "$T/v.db" "UPDATE ov_tally SET n = n + 1 WHERE measure = 'taxi.trips'
	AND month = (SELECT max(month) FROM ov_tally WHERE measure = 'taxi.trips')"
HANE_DB="$T/v.db" run annual --year 2025 --verify
expect_rc 1 "verify: a wrong total fails"
expect_out "taxi.trips" "the figure is named"
expect_out "FARKLI" "and marked"
# The administrator counts the totals again from the rows; nobody else may.
HANE_DB="$T/v.db" run staff add veri --role reporter --name "Veri Okur"
expect_rc 0 "a reporter"
HANE_DB="$T/v.db" run --user veri annual --rebuild
expect_rc 1 "rebuild needs an administrator"
expect_err "maintenance" "names the permission"
HANE_DB="$T/v.db" run annual --rebuild --verify --year 2025
expect_rc 0 "rebuild, then every figure agrees again"
expect_out "yeniden sayıldı" "rebuild says what it did"
expect_out "88 göstergenin hepsi kayıtlarla aynı" "verified after the rebuild"
n=$(sqlite3 "$T/v.db" "SELECT count(*) FROM audit WHERE action = 'maintenance'")
[ "$n" = 1 ] && ok || bad "rebuild audited ($n)"

run annual --year 2025
expect_rc 0 "annual table"
expect_out "İncelenen hane (tekil)" "Turkish titles"
expect_out "Engelsiz Taksi" "units as headings"
run annual --year 2025 --sql
expect_out ":year || '-01-01'" "--sql prints the queries"
run annual --year 2025 --text
expect_out "2025 Yılı Faaliyet Özeti" "summary title"
expect_out "192 başvuru alındı" "summary reads the figures"
TEXT_TR=$OUT
# In English with --lang en (until 3 December 2026 always Turkish).
HANE_LANG=en run annual --year 2025 --text
expect_rc 0 "summary in English"
expect_out "Activity summary 2025" "English title"
expect_out "192 requests were received" "English sentences"
expect_no_out "Faaliyet" "no Turkish left"
TEXT_EN=$OUT
# Every figure of the report is in both texts, as each language writes
# numbers (1.234,50 TL / 1,234.50 TL).
fmt() { # VALUE tr|en: the CSV's 1234 or 1234.50 as the summary writes it
	awk -v v="$1" -v l="$2" 'BEGIN { n = split(v, a, "."); i = a[1]; s = "";
		while (length(i) > 3) { s = "." substr(i, length(i) - 2) s;
			i = substr(i, 1, length(i) - 3) }
		s = i s; if (n > 1) s = s "," a[2] " TL";
		if (l == "en") { gsub(/\./, "#", s); gsub(/,/, ".", s); gsub(/#/, ",", s) }
		print s }'
}
while IFS=, read -r _ id _ value _; do
	case $id in *.*) ;; *) continue ;; esac
	for l in tr en; do
		want=$(fmt "$value" $l)
		if [ $l = tr ]; then text=$TEXT_TR; else text=$TEXT_EN; fi
		if printf '%s\n' "$text" | tr '\n' ' ' | grep -qF -- "$want"; then ok; else
			OUT="$id=$value: '$want' not in the $l text"; bad "summary names $id ($l)"; fi
	done
done <<<"$CSV"
run annual --year 2025 -o "$T/annual.csv" --excel
expect_rc 0 "annual -o --excel"
if [ -f "$T/annual.csv" ] && head -c3 "$T/annual.csv" | grep -q $'\xef\xbb\xbf'; then ok; else bad "excel BOM"; fi
run annual --year 1999
expect_rc 2 "year out of range"

# The report command reaches the same report.
run report annual --year 2025
expect_rc 0 "hane report annual"
expect_out "İnceleme ziyareti" "hane report annual shows the figures"
run report annual --year 2025 -o "$T/r.csv" --excel
expect_rc 0 "hane report annual -o --excel"
if grep -q "inspection.visits" "$T/r.csv"; then ok; else bad "report annual CSV"; fi

run overview dashboard --date 2025-12-31
expect_rc 0 "dashboard"
expect_out "Sosyal İnceleme: bu ay" "dashboard units"
expect_out "Oca" "month labels"
expect_out "█" "block characters"
HANE_ASCII=1 run overview dashboard --date 2025-12-31
expect_no_out "█" "ASCII fallback has no blocks"
expect_out "#####" "ASCII bars"

HH=$(sqlite3 "$HANE_DB" "SELECT min(household_id) FROM inspection_request" 2>/dev/null || echo 1)
run overview household "$HH"
expect_rc 0 "household 360"
expect_out "Başvuru:" "requests in the timeline"
expect_out "Karar:" "decisions in the timeline"
run overview household "$HH" --unit gıda
expect_rc 0 "filtered by unit"
expect_no_out "Başvuru:" "unit filter leaves inspection out"
run overview household "$HH" -o "$T/hh.csv"
expect_rc 0 "household CSV"
if grep -q "Sosyal İnceleme" "$T/hh.csv"; then ok; else bad "CSV content"; fi
run overview household "$HH" --unit nothing
expect_rc 2 "unknown unit"

# Duplicates: the same person twice, merged and undone.
run household add --tckn 10000000146 --first Fatma --last Demir --birth 02.02.1960 --street "Test Sk." --disability 50
A_RC=$RC
run household add --first fatma --last DEMİR --birth 1960-02-02 --phone "0532 111 22 33" --street "Başka Sk." --disability 50
if [ "$A_RC" -eq 0 ] && [ "$RC" -eq 0 ]; then
	run duplicates
	expect_rc 0 "duplicates list"
	expect_out "1 olası mükerrer çift" "one pair found"
	A=$(printf '%s\n' "$OUT" | sed -n 's/^Olası aynı kişi: \([0-9]*\) \([0-9]*\)$/\1/p')
	B=$(printf '%s\n' "$OUT" | sed -n 's/^Olası aynı kişi: \([0-9]*\) \([0-9]*\)$/\2/p')
	run duplicates merge "$A" "$B" --field first_name
	expect_rc 0 "merge"
	expect_out "birleştirildi" "merge message"
	MID=$(printf '%s\n' "$OUT" | sed -n 's/.*(birleştirme \([0-9]*\);.*/\1/p')
	run duplicates
	expect_out "0 olası mükerrer çift" "no pair after merge"
	run duplicates log
	expect_out "first_name,phone" "log names the fields taken"
	run duplicates undo "$MID"
	expect_rc 0 "undo"
	run duplicates
	expect_out "1 olası mükerrer çift" "pair back after undo"
	run duplicates undo "$MID"
	expect_rc 1 "undo twice refused"
	run duplicates undo 9999
	expect_rc 1 "undo of no merge refused"
	expect_err "9999 numaralı birleştirme yok" "undo names the merge it lacks"
	# A unit's rule holds: two taxi riders are not merged into one.
	run taxi rider add "$A"
	R1=$RC
	run taxi rider add "$B"
	if [ "$R1" -eq 0 ] && [ "$RC" -eq 0 ]; then
		run duplicates merge "$A" "$B"
		expect_rc 1 "two riders not merged"
		expect_err "İki kişi de Engelsiz Taksi yolcusu" "the rule named"
	else
		bad "taxi rider add for the merge rule"
	fi
	run audit
	expect_out "person.merge" "merge audited"
else
	bad "household add for duplicates"
fi
run duplicates merge 1
expect_rc 2 "merge needs two ids"
expect_err "eksik argüman: A B" "merge names what it lacks"
run duplicates log 7
expect_rc 2 "log takes no argument"
expect_err "fazla argüman: '7'" "log names the extra argument"
run duplicates undo
expect_rc 2 "undo needs its number"
finish
