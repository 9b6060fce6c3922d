#!/usr/bin/env bash
# Retention (#16): a person is kept while a service still runs (regular
# aid to its end date, a care client, a recurring taxi series), and when
# anonymised every copy of the identity goes: the duplicates merge's
# snapshot, the audit trail's old values, typed taxi destinations and the
# old bytes in the database file and its WAL.
. "$(dirname "$0")/lib.sh"
T1=90000000100 # checksum-valid, synthetic
T2=90000000278
T3=90000000346
T4=10000000146
# Markers that must not survive anonymisation anywhere in the file.
NAME=Zümrütoğlu
STREET="Kestaneci Sokağı"
HOME_DEST="Kızının evi Menekşe Cd 7"

"$HANE" init >/dev/null 2>&1 || { echo "init failed"; exit 1; }
"$HANE" staff add selin --name "Selin Kurt" --role supervisor --unit inspection >/dev/null
"$HANE" staff add mehmet --name "Mehmet Demir" --role caseworker --unit inspection >/dev/null

# 1: regular aid decided in 2026, running to the end of 2031.
run household add --tckn $T1 --first Aylin --last Uzunyardım --mahalle gundogdu
expect_rc 0 "aid household"
run inspection request --household 1 --reason genel; expect_rc 0 "request"
run inspection assign 1 --inspector mehmet; expect_rc 0 "assign"
run inspection visit 1 --recommend düzenli; expect_rc 0 "visit"
run --user selin inspection decide 1 --outcome yardım --type düzenli --kind nakdi \
	--amount 3000 --start 01.07.2026 --end 31.12.2031 --frequency aylık --reason "Gelir yok"
expect_rc 0 "regular aid to 2031"
# 2: nothing but a registration: the control case that does go.
run household add --tckn $T2 --first $NAME --last Kaya --mahalle serdar \
	--street "$STREET" --building 4 --phone "0532 765 43 21" --notes "Kızı Menekşe Cd'de"
expect_rc 0 "plain household"
# Her duplicate record, merged into her: the merge keeps both identities.
run household add --first $NAME --last KAYA --phone "0533 111 22 33" --chronic "Şeker hastalığı"
expect_rc 0 "duplicate"
run duplicates merge 2 3 --field phone; expect_rc 0 "merge"
# A taxi rider of her own, with a trip to a typed address.
run household edit 2 --person 2 --disability 60; expect_rc 0 "disability"
run taxi vehicle add 41abc123 --seats 3; expect_rc 0 "vehicle"
run taxi rider add 2; expect_rc 0 "rider"
run taxi book 1 --day 17.06.2026 --time 09:00 --to "$HOME_DEST"; expect_rc 0 "booked to a typed address"
# 3: a recurring taxi series running to September (92 days ahead at most).
pid() { printf '%s\n' "$OUT" | sed -n 's/.*kişi #\([0-9]*\).*/\1/p'; }
run household add --tckn $T3 --first Seri --last Yolcu --mahalle cedit --disability 80
expect_rc 0 "series household"
run taxi rider add "$(pid)"; expect_rc 0 "series rider"
run taxi book 2 --day 17.06.2026 --time 10:00 --to "Diyaliz Merkezi" --weekdays 135 --until 14.09.2026
expect_rc 0 "series"
# 4: an open home-care client taken on in 2026.
run household add --tckn $T4 --first Bakım --last Alan --mahalle cedit
expect_rc 0 "care household"
run homecare client add "$(pid)" --services bakım --start 01.06.2026; expect_rc 0 "care client"

# Five years and a half on (2031-12): regular aid still runs; the series
# ended in 2026-09, five years ago only from 2031-09.
HANE_NOW="2031-07-01 10:00:00" run retention dry-run
expect_rc 0 "dry run in 2031-07"
expect_no_out "Aylin" "regular aid to 2031-12 keeps the household in 2031-07"
expect_no_out "Seri Yolcu" "the series ended 2026-09: not five years yet"
expect_no_out "Bakım Alan" "an open care client is served"
expect_out "Zümrütoğlu" "the registration alone is past retention"

# The series' last day counts, not the day it was booked.
HANE_NOW="2031-09-20 10:00:00" run retention dry-run
expect_out "Seri Yolcu" "five years after the series' last day"
expect_no_out "Aylin" "aid still running"

# Aid ends 2031-12-31: five years from then, not from the decision.
HANE_NOW="2036-12-30 10:00:00" run retention dry-run
expect_no_out "Aylin" "less than five years after the aid ended"
HANE_NOW="2037-01-02 10:00:00" run retention dry-run
expect_out "Aylin" "five years after the aid ended"
expect_out "2031-12-31" "the last service shown is the aid's end"
expect_no_out "Bakım Alan" "the care client is still open"

# Anonymise in 2031-07: only the registration-only household goes.
HANE_NOW="2031-07-01 10:00:00" run retention run
expect_rc 0 "run"
sqlite3 "$HANE_DB" "SELECT tckn FROM person WHERE id = 1" | grep -qx $T1 && ok || bad "aid household kept"
sqlite3 "$HANE_DB" "SELECT first_name FROM person WHERE id = 2" | grep -qx Anonim && ok || bad "plain person anonymised"
# The merge snapshot held both of her records.
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM overview_merge WHERE a_tckn IS NOT NULL OR b_phone IS NOT NULL
	OR a_first_name LIKE '%$NAME%' OR b_first_name LIKE '%$NAME%' OR b_chronic_illness IS NOT NULL OR a_phone IS NOT NULL")
[ "$n" = 0 ] && ok || bad "identity gone from overview_merge ($n rows keep it)"
sqlite3 "$HANE_DB" "SELECT count(*) FROM overview_merge" | grep -qx 1 && ok || bad "the merge itself is still recorded"
run duplicates undo 1; expect_rc 1 "the merge of an anonymised person cannot be undone"
# Audit old values: of the person, the merge, the duplicate record and the
# unit rows (rider, appointment, trips).
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE changes LIKE '%$NAME%' OR changes LIKE '%$STREET%'
	OR changes LIKE '%Menekşe%' OR changes LIKE '%$T2%' OR changes LIKE '%5327654321%' OR changes LIKE '%Şeker%'")
[ "$n" = 0 ] && ok || bad "identity gone from the audit trail ($n rows keep it)"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE tbl = 'overview_merge' AND changes NOT LIKE '%redacted%'")
[ "$n" = 0 ] && ok || bad "the merge's audit rows redacted ($n left)"
# Typed destinations go; a place from the list stays.
sqlite3 "$HANE_DB" "SELECT destination FROM taxi_appointment WHERE id = 1" | grep -qx '\*\*\*' && ok || bad "typed destination blanked"
sqlite3 "$HANE_DB" "SELECT destination FROM taxi_appointment WHERE id = 2" | grep -qx "Diyaliz Merkezi" && ok || bad "listed destination kept"
# Nothing of her is left in the bytes of the database or its WAL.
for f in "$HANE_DB" "$HANE_DB-wal"; do
	[ -e "$f" ] || continue
	for m in "$NAME" "$STREET" "$T2" "Menekşe" "5327654321" "Şeker"; do
		if grep -qaF -- "$m" "$f"; then OUT="$m in $f"; bad "old bytes overwritten"; else ok; fi
	done
done
# The aid household still goes once the aid has been over five years.
HANE_NOW="2037-01-02 10:00:00" run retention run; expect_rc 0 "run in 2037"
sqlite3 "$HANE_DB" "SELECT tckn IS NULL FROM person WHERE id = 1" | grep -qx 1 && ok || bad "aid household anonymised after its end"

finish
