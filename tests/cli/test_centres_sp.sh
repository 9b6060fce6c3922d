#!/usr/bin/env bash
# hane centre session|sessions|book|attend|noshow|placement|placements:
# Kısa Mola's sessions (only at a session programme's site; a week's list
# with booked/places), bookings (the cap said as "oturum dolu: 2/2", no
# double booking, a non-member refused, a late paper list), marks on or
# after the day and a member's no-shows, a cancelled session cancelling
# its bookings; Down Kafe's placements (one open a site, ended with a
# reason, the open and ended lists); roles, the gate, English, help.
# The clock: Monday 2026-06-15 10:00 (lib.sh).
. "$(dirname "$0")/lib.sh"

run init; expect_rc 0 "init"
# Four persons (TC Kimlik Nos valid by checksum).
P=(10000070132 10000070200 10000070378 10000070446)
run household add --tckn ${P[0]} --first Ali --last Molacı --mahalle Kozluk
run household add --tckn ${P[1]} --first Berk --last Molacı --mahalle Kozluk
run household add --tckn ${P[2]} --first Cem --last Molacı --mahalle Kozluk
run household add --tckn ${P[3]} --first Deniz --last Kafeci --mahalle Kozluk
expect_rc 0 "persons"
pid() { sqlite3 "$HANE_DB" "SELECT id FROM person WHERE tckn = '$1'"; }
A=$(pid ${P[0]}); B=$(pid ${P[1]}); C=$(pid ${P[2]}); D=$(pid ${P[3]})
# Their memberships (the centres model admits members; here only the rows).
member() {
	sqlite3 "$HANE_DB" "INSERT INTO centre_member (programme_id, site_id, person_id, start, created_at, updated_at)
		SELECT s.programme_id, s.id, $1, '2026-01-01', '2026-01-01 00:00:00', '2026-01-01 00:00:00'
		FROM centre_site s WHERE s.code = '$2'"
}
member $A kisa_mola_cumhuriyet; member $B kisa_mola_kurucesme; member $D down_kafe

run centre --help; expect_rc 0 "help"; expect_out "hane centre book" "help lists book"
run centre session --help; expect_out "--cap" "session's options"
run centre placement --help; expect_out "--hours" "placement's options"; expect_out "--coach" "job coach"
run --lang en centre book --help; expect_out "--late" "English help"

# Sessions.
run centre session add kisa_mola_cumhuriyet --date 20.06.2026 --start 10:00 --end 13:00 --cap 2
expect_rc 0 "a session"; expect_out "#1	20.06.2026 Cmt	10:00-13:00	Kısa Mola Cumhuriyet Yaşam Merkezi	0/2" "as listed"
run centre session add down_kafe --date 20.06.2026 --start 10:00 --end 13:00
expect_rc 1 "not at a placement site"; expect_err "oturumlu bir programın merkezi değil" "says why"
run centre session add kisa_mola_cumhuriyet --date 20.06.2026 --start 13:00 --end 10:00
expect_rc 1 "end before start"
run centre session add kisa_mola_cumhuriyet --date 31.02.2026 --start 10:00 --end 11:00
expect_rc 2 "a bad date before anything runs"
run centre session add yok --date 20.06.2026 --start 10:00 --end 11:00; expect_rc 1 "no such site"; expect_err "yok" "names it"
run centre session add kisa_mola_kurucesme --date 16.06.2026 --start 14:00 --end 16:00 --cap 6
run centre session add kisa_mola_cumhuriyet --date 10.06.2026 --start 10:00 --end 12:00 --cap 6
run centre sessions; expect_out "16.06.2026" "this week"; expect_out "20.06.2026" "both"; expect_no_out "10.06.2026" "not last week"
run centre sessions kisa_mola_kurucesme; expect_no_out "20.06.2026" "one site"
run centre sessions --day 08.06.2026; expect_out "10.06.2026" "another week"

# Bookings.
run centre book 1 ${P[0]}; expect_rc 0 "book by TC Kimlik No"; expect_out "Ali Molacı	kayıtlı" "booked"; expect_out "1/2" "count"
run centre book 1 $B; expect_rc 0 "a member at the other site"
run centre book 1 $C; expect_rc 1 "not a member"; expect_err "Kısa Mola üyesi değil" "says so"
member $C kisa_mola_cumhuriyet
run centre book 1 $C; expect_rc 1 "full"; expect_err "oturum dolu: 2/2" "the cap with numbers"
run centre book 1 $A; expect_rc 1 "twice"; expect_err "zaten kayıtlı" "says so"
run centre book 3 $A; expect_rc 1 "a session gone by"; expect_err "geçmişte kaldı" "says so"
run centre book 3 $A --late; expect_rc 0 "a paper list entered late"
run centre book 3 $C --late; expect_rc 0 "another"
run centre attend 1 $A; expect_rc 1 "not before the day"; expect_err "henüz yapılmadı" "says so"
run centre noshow 3 $A; expect_rc 0 "no-show"; expect_out "gelmedi" "marked"
run centre attend 3 $C; expect_rc 0 "attended"; expect_out "katıldı" "marked"
run centre session show 3; expect_out "Ali Molacı	gelmedi	gelmedi: 1 kez" "the member's no-shows"
run centre noshow 3 $A --undo; expect_out "kayıtlı" "undone"
run centre book 1 $B --cancel; expect_rc 0 "cancel a booking"; expect_out "iptal" "cancelled"
run centre book 1 $C; expect_rc 0 "the place freed"
run centre session cancel 1; expect_rc 0 "cancel the session"; expect_out "iptal" "says so"
run centre session show 1; expect_out "Cem Molacı	iptal" "its bookings cancelled"
run centre book 1 $B; expect_rc 1 "a cancelled session"

# Placements.
run centre placement add ${P[3]} --site down_kafe --role Servis --hours 20 --coach "Selin Koç" --start 01.03.2026 --notes "Sabah vardiyası"
expect_rc 0 "a placement"; expect_out "Deniz Kafeci	Down Kafe	Servis	20 sa/hf, ücretli, sigortalı	Selin Koç	01.03.2026" "as listed"
run centre placement add $D --site down_kafe --role Kasa --hours 10; expect_rc 1 "one open a site"; expect_err "açık bir istihdam kaydı var" "says so"
run centre placement add $D --site mobil_ikram --role İkram --hours 46; expect_rc 1 "hours"; expect_err "1 ile 45" "says the range"
run centre placement add $D --site mobil_ikram --role İkram --hours 8 --paid hayır --insured hayır --start 01.03.2026
expect_rc 0 "at the vehicle"; expect_out "ücretsiz, sigortasız" "unpaid"
run centre placement add $A --site down_kafe --role Servis --hours 8; expect_rc 1 "not a member"
run centre placement add $D --site kisa_mola_cumhuriyet --role X --hours 8; expect_rc 1 "not a placement site"
run centre placement edit 1 --hours 25; expect_rc 0 "changed"; expect_out "25 sa/hf" "hours"
run centre placement end 1 --day 01.06.2026; expect_rc 1 "a reason needed"; expect_err "Bitiş nedeni" "names it"
run centre placement end 1 --day 01.06.2026 --reason "Sözleşme bitti"; expect_rc 0 "ended"; expect_out "01.03.2026–01.06.2026	Sözleşme bitti" "end and reason"
run centre placements; expect_out "Mobil ikram aracı" "open"; expect_no_out "Down Kafe	Servis" "not the ended"
run centre placements --ended; expect_out "Sözleşme bitti" "ended"
run centre placements --person ${P[3]} --site mobil_ikram; expect_out "İkram" "by person and site"

# Roles and the gate.
run staff add cm.cw --name "Merkez" --role caseworker --unit centres
run staff add cinar.cw --name "Çınar" --role caseworker --unit centres
run centre staff add cm.cw down_kafe; run centre staff add cm.cw kisa_mola
run centre staff add cinar.cw cinar; expect_rc 0 "a caseworker's programmes"
run staff add fb.cw --name "Gıda" --role caseworker --unit foodbank
run staff add rp --name "Raporcu" --role reporter
run --user cm.cw centre placement show 1; expect_out "Sabah vardiyası" "the unit sees the notes"
run --user rp centre placement show 1; expect_rc 0 "the reporter reads"; expect_no_out "Sabah vardiyası" "masked"; expect_no_out "Sözleşme bitti" "the reason masked"
run --user rp centre book 2 $A; expect_rc 1 "the reporter books nothing"; expect_err "centres.write" "names it"
run --user fb.cw centre placements; expect_rc 1 "another unit reads nothing"
run --user cinar.cw centre placements; expect_rc 0 "another programme's caseworker"; expect_no_out "Deniz" "sees none of them"
run --user cinar.cw centre placement show 1; expect_rc 1 "nor one"; expect_err "Down Kafe" "names the programme"
run --user cinar.cw centre book 2 $A; expect_rc 1 "nor books"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE action = 'centres.placements'")
[ "$n" -ge 3 ] && ok || bad "lists of placements logged as reads ($n)"

# English.
run --lang en centre session show 3; expect_out "attended" "English status"
run --lang en centre book 1 $A; expect_err "session was cancelled" "English error"
finish
