#!/usr/bin/env bash
# hane init / household / staff / demo from the command line: output, exit
# status, languages, environment variables.
. "$(dirname "$0")/lib.sh"

T1=10000000146 # checksum-valid, synthetic
T2=12345678950

run --version; expect_rc 0 "--version"; expect_out "hane " "--version names the program"
run --help; expect_rc 0 "--help"; expect_out "household" "--help lists commands"; expect_out "Komutlar" "--help is Turkish by default"
run --lang en --help; expect_out "Commands" "--lang en"
HANE_LANG=en run --help; expect_out "Commands" "HANE_LANG=en"
run frobnicate; expect_rc 2 "unknown command is a usage error"; expect_err "frobnicate" "names the command"
run --lang xx init; expect_rc 2 "bad language"

# Before init: a database that does not exist is not created by accident.
run household search ali; expect_rc 1 "missing database"; expect_err "hane init" "hint to init"
[ ! -e "$HANE_DB" ] && ok || bad "no file created by a failed command"

run init; expect_rc 0 "init"; expect_out "$(id -un)" "init names the first administrator"
run init; expect_rc 0 "init again"; expect_out "zaten" "init is idempotent"
run staff list; expect_rc 0 "staff list"; expect_out "admin" "first admin listed"

run household add --tckn $T1 --first Şükrü --last Yılmaz --birth 04.01.1950 \
	--sex E --mahalle gundogdu --street "Atatürk Cd." --building 12 --door 3 \
	--phone "0532 123 45 67" --income "8.250,50"
expect_rc 0 "add head"; expect_out "Hane #1" "new household id"; expect_out "kişi #1" "new person id"
run household add --household 1 --tckn $T2 --first Ayşe --last Yılmaz --relation eşi --birth 1955-03-04
expect_rc 0 "add member"; expect_out "#2" "member id"

run household add --tckn $T1 --first Başka --last Biri
expect_rc 1 "duplicate TC Kimlik No refused"; expect_err "Şükrü Yılmaz" "names the existing person"
run household add --tckn 12345678901 --first A --last B
expect_rc 1 "bad checksum"; expect_err "Kontrol hanesi" "checksum message"
run household add --tckn 1,23457E+10 --first A --last B
expect_rc 1 "Excel number"; expect_err "Excel" "Excel hint"
run household add --first A --last B --birth 31.02.1999
expect_rc 1 "impossible date"; expect_err "Doğum tarihi" "names the field"
run household add --first A --last B --mahalle Atlantis
expect_rc 1 "unknown mahalle"; expect_err "Atlantis" "names the mahalle"
run household add --first A --last B --phone 123
expect_rc 1 "bad phone"; expect_err "Telefon" "names the field"
run household add --first Ali --last Veli --sex X
expect_rc 1 "bad sex"
run household add --first Ali
expect_rc 1 "last name required"; expect_err "Soyad" "names the field"

# Same name and birth date: created, with a warning.
run household add --first ŞÜKRÜ --last YILMAZ --birth 1950-01-04
expect_rc 0 "similar person still created"; expect_err "uyarı" "warning shown"

run household search sukru
expect_rc 0 "search"; expect_out "Şükrü Yılmaz" "sukru finds Şükrü"; expect_out "100******46" "TC Kimlik masked"
expect_no_out "$T1" "full number not shown in search"
expect_out "04.01.1950" "Turkish date"; expect_out "Gündoğdu" "mahalle"
run household search "sukru yil" --limit 1
expect_rc 0 "search limit"; [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 1 ] && ok || bad "--limit 1 gives one line"
run household search 0532 123; expect_out "Şükrü Yılmaz" "phone digits"
run household search 1234567; expect_out "Ayşe Yılmaz" "TC Kimlik prefix"
run household search qqq; expect_rc 0 "no hits"; expect_out "Sonuç yok" "says so"
run household search; expect_rc 2 "search needs a query"

run household show 1
expect_rc 0 "show"; expect_out "Gündoğdu Atatürk Cd. No:12 D:3" "address"; expect_out "8.250,50 TL" "income"
expect_out "0532 123 45 67" "phone"; expect_out "reis" "head"; expect_out "eşi" "spouse"
run household show 99; expect_rc 1 "show unknown"; expect_err "#99" "names it"
run household show abc; expect_rc 2 "show non-number"

run household edit 1 --income 9000 --notes "Kira öder"
expect_rc 0 "edit household"; expect_out "Kaydedildi" "saved"
run household show 1; expect_out "9.000,00 TL" "income changed"; expect_out "Atatürk Cd." "street kept"; expect_out "Kira öder" "notes"
run household edit 1 --income 9000; expect_out "Değişiklik yok" "no change"
run household edit 1 --person 2 --last Kaya
expect_rc 0 "edit person"
run household search kaya; expect_out "Ayşe Kaya" "search follows the new name"
run household edit 1 --person 2 --birth 99.99.1999; expect_rc 1 "edit refuses a bad date"
run household search kaya; expect_out "Ayşe Kaya" "failed edit kept the record"

run household add --first Fatma --last Kurt; expect_out "Hane #3" "third household"
run household move 2 --to 3 --relation kardeşi
expect_rc 0 "move"; expect_out "hane #3" "moved"
run household show 3; expect_out "Ayşe Kaya" "member of the new household"; expect_out "kardeşi" "new relation"
run household move 1 --to 3; expect_rc 0 "head alone moves"
run household show 1; expect_out "pasif" "emptied household is passive"
run household move 2; expect_rc 2 "move needs --to"
run household set-head 3 2; expect_rc 0 "set-head"; expect_out "reisi" "head set"

# Staff and unknown users.
run staff add ayse.k --name "Ayşe Kaya" --role caseworker --unit households
expect_rc 0 "staff add"; expect_out "ayse.k" "added"
run staff add ayse.k --name "X" --role caseworker; expect_rc 1 "username unique"
run staff add mehmet --name "M" --role boss; expect_rc 2 "bad role"
run --user ayse.k household search sukru; expect_rc 0 "--user known"
run --user stranger household search sukru; expect_rc 1 "unknown user refused"
expect_err "hane staff add stranger" "says how to get added"

# English.
run --lang en household show 1; expect_out "Household #1" "English labels"; expect_out "passive" "English status"
run --lang en household add --tckn 12345678901 --first A --last B; expect_err "Check digits" "English error"

# Audit trail of what happened above.
sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE tbl='person' AND action='update'" >"$T/n"
[ "$(cat "$T/n")" -ge 3 ] && ok || bad "person updates audited"

# Generated people never go into a real database (#16): demo runs only on
# a database made by `init --demo`, which only makes new ones.
before=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM person")
run demo --households 5; expect_rc 1 "demo on a real database"; expect_err "init --demo" "says where demo runs"
run init --demo; expect_rc 1 "init --demo on a database in use"; expect_err "zaten var" "says it exists"
[ "$(sqlite3 "$HANE_DB" "SELECT count(*) FROM person")" = "$before" ] && ok || bad "demo added nobody"

# Demo data is deterministic for a seed.
D1="$T/d1.db"; D2="$T/d2.db"
HANE_DB=$D1 run init --demo; expect_rc 0 "init --demo"
HANE_DB=$D2 run init --demo; expect_rc 0 "init --demo again"
HANE_DB=$D1 run demo --households 30 --seed 7; expect_rc 0 "demo"; expect_out "30" "demo count"
HANE_DB=$D2 run demo --households 30 --seed 7; expect_rc 0 "demo again"
a=$(sqlite3 "$D1" "SELECT group_concat(tckn||first_name||last_name) FROM person")
b=$(sqlite3 "$D2" "SELECT group_concat(tckn||first_name||last_name) FROM person")
[ -n "$a" ] && [ "$a" = "$b" ] && ok || bad "same seed, same people"
n=$(sqlite3 "$D1" "SELECT count(*) FROM household"); [ "$n" -eq 30 ] && ok || bad "30 households ($n)"
run --db "$D1" demo --households abc; expect_rc 2 "demo bad number"
# A second run, or a generated year after hane demo, adds households: it
# passes over the numbers the first run gave (it stopped at the first one
# with "TC Kimlik No … zaten kayıtlı" before 3 December 2026).
HANE_DB=$D1 run demo --households 20 --seed 7; expect_rc 0 "demo again, same seed"
[ "$(sqlite3 "$D1" "SELECT count(*) FROM household")" -eq 50 ] && ok || bad "50 households after the second run"
[ "$(sqlite3 "$D1" "SELECT count(tckn) - count(DISTINCT tckn) FROM person")" -eq 0 ] && ok || bad "no number twice"
# …and goes on as if the first had been longer: new families, not twins
# of the first ones (same names and birth dates under other numbers).
D3="$T/d3.db"; HANE_DB=$D3 run init --demo
HANE_DB=$D3 run demo --households 50 --seed 7; expect_rc 0 "one run of 50"
c=$(sqlite3 "$D1" "SELECT group_concat(first_name || last_name || birth_date) FROM (SELECT * FROM person ORDER BY id)")
d=$(sqlite3 "$D3" "SELECT group_concat(first_name || last_name || birth_date) FROM (SELECT * FROM person ORDER BY id)")
[ -n "$c" ] && [ "$c" = "$d" ] && ok || bad "30 then 20 households are the 50 of one run"
HANE_DB=$D2 run overview demo-year --year 2025 --scale 0.02 --seed 7
expect_rc 0 "demo-year after hane demo"; expect_no_err "zaten kayıtlı" "no number clash"

# The sqlite3 tool reads a hane database (no hane-only functions needed).
sqlite3 "$HANE_DB" "SELECT count(*) FROM person_word WHERE word >= 'sukru' AND word < 'sukruz'" >"$T/n" && ok || bad "sqlite3 reads it"

# A file that is not a hane database is refused and left alone.
printf 'Ad;Soyad\nAli;Veli\n' >"$T/list.csv"; cp "$T/list.csv" "$T/orig.csv"
run --db "$T/list.csv" household search ali; expect_rc 1 "not a database"; expect_err "SQLite" "says so"
cmp -s "$T/list.csv" "$T/orig.csv" && ok || bad "file untouched"

finish
