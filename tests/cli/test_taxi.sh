#!/usr/bin/env bash
# hane taxi: riders, vehicles and drivers, booking a round trip, the
# clash with the next free slots, the booking window and its override,
# recurring appointments, outcomes and no-shows, the day board, the
# driver's manifest as CSV, the import with reasons, roles, English.
# The clock: Monday 2026-06-15 10:00 (lib.sh).
. "$(dirname "$0")/lib.sh"
D="$HANE_SOURCE_DIR/tests/data/taxi"

T1=10000090178; T2=10000090246; T3=10000090314; T4=10000090482

run init; expect_rc 0 "init"
run household add --tckn $T1 --first Ayşe --last Kaya --disability 80 --street "Atatürk Cd." --building 12 --phone "0532 111 22 33"
expect_out "kişi #1" "person 1"
run household add --tckn $T2 --first Mehmet --last Demir --disability 90 --street "İnönü Cd." --building 4
run household add --tckn $T3 --first Fatma --last Şahin --disability 60 --street "Cumhuriyet Cd." --building 7
run household add --tckn $T4 --first Ali --last Yıldız --disability 20

run taxi --help; expect_rc 0 "help"; expect_out "hane taxi book" "help lists book"
run --lang en taxi --help; expect_out "Usage:" "English help"
run --help; expect_out "taxi" "main help lists taxi"
run taxi; expect_rc 2 "subcommand needed"
run taxi frobnicate; expect_rc 2 "unknown subcommand"

# Fleet.
run taxi driver add "Kemal Sürücü" --phone "0532 987 65 43"; expect_rc 0 "driver"; expect_out "Şoför #1" "driver id"
run taxi driver add "Hasan Şoför"; expect_out "Şoför #2" "second driver"
run taxi vehicle add 41abc123 --wheelchair 1 --seats 3 --driver 1; expect_rc 0 "vehicle"; expect_out "41 ABC 123" "plate normalised"
run taxi vehicle add "41 DEF 456" --wheelchair 0 --seats 4 --driver 2; expect_rc 0 "second vehicle"
run taxi vehicle add 41abc123 --seats 2; expect_rc 1 "plate taken"; expect_err "zaten kayıtlı" "says so"
run taxi vehicle add XYZ --seats 2; expect_rc 1 "bad plate"; expect_err "Plaka" "names the field"
run taxi vehicle list; expect_out "Kemal Sürücü" "vehicle list shows the driver"
run taxi destination list; expect_out "Diyaliz Merkezi" "seeded destinations"; expect_out "Fizik Tedavi Merkezi" "physio"
# A destination is added and edited as a vehicle or a driver is: the
# options are its fields, an edit changes only what was given.
run taxi destination add "Sahil Kliniği" --kind clinic --address "Sahil Yolu 3"
expect_rc 0 "destination added"; expect_out "Hedef #" "destination id"; expect_out "Sahil Kliniği" "and its name"
run taxi destination add "Yanlış Yer" --kind hamam; expect_rc 1 "bad kind"; expect_err "hamam" "names the kind"
run taxi destination add; expect_rc 2 "the name is needed"; expect_err "NAME" "names it"
run taxi destination edit sahil --name "Sahil Kliniği İzmit" --address "Sahil Yolu 5"
expect_rc 0 "destination edited by the start of its name"; expect_out "Sahil Kliniği İzmit" "renamed"
run taxi destination list; expect_out "Sahil Yolu 5" "new address"; expect_out "clinic" "kind kept"
run taxi destination edit "Kaplıca" --active hayır; expect_rc 1 "unknown destination"; expect_err "Kaplıca" "names it"
run taxi destination edit "Sahil Kliniği İzmit" --active hayır; expect_rc 0 "deactivated"
run taxi destination list; expect_no_out "Sahil" "a passive destination is not offered"

# Riders need a disability record.
run taxi rider add 1 --aid yürüteç --companion evet --notes "Üçüncü kat, asansör yok"
expect_rc 0 "rider"; expect_out "Yolcu #1" "rider id"
run taxi rider add --tckn $T2 --aid "tekerlekli sandalye"; expect_out "Yolcu #2" "rider by TC Kimlik No"
run taxi rider add 3; expect_out "Yolcu #3" "third rider"
run taxi rider add 4; expect_rc 1 "20% is not enough"; expect_err "%40" "says the minimum"
run taxi rider add 1; expect_rc 1 "already a rider"
run taxi rider add 2 --aid uçan; expect_rc 1 "unknown aid"
run taxi rider list; expect_out "Ayşe Kaya" "rider list"
run taxi rider show $T1; expect_out "yürüteç" "aid"; expect_out "TC $T1" "the administrator sees the TC Kimlik No (person.unmasked)"

# A round trip: home → hospital → home, the walker rider with a companion
# in the vehicle with fewest wheelchair places.
run taxi book 1 --day 17.06.2026 --time 09:00 --to devlet --return 11:30
expect_rc 0 "book round trip"; expect_out "Randevu #1" "appointment id"
expect_out "Gidiş	08:15–09:00	41 DEF 456" "outbound"; expect_out "Dönüş	11:30–12:15	41 DEF 456" "return"
# A second booking on the same vehicle clashes: the trip and free slots.
run taxi book 3 --day 17.06.2026 --time 09:15 --to "Diyaliz Merkezi" --vehicle "41 DEF 456"
expect_rc 1 "clash refused"; expect_err "sefer #1" "names the clashing trip"; expect_err "Ayşe Kaya" "and its rider"
expect_err "Boş saatler: 09:15 (41 ABC 123)" "offers the other vehicle first"
expect_err "boş: 10:00	41 DEF 456" "and the same vehicle later"
run taxi book 3 --day 17.06.2026 --time 10:15 --to "Diyaliz Merkezi" --vehicle "41 DEF 456" --purpose diyaliz
expect_rc 0 "the offered slot books"
# The wheelchair rider cannot ride in a vehicle without a place.
run taxi book 2 --day 17.06.2026 --time 09:00 --to devlet --vehicle "41 DEF 456"
expect_rc 1 "capacity"; expect_err "tekerlekli sandalye yeri yok" "says why"
run taxi book $T2 --day 17.06.2026 --time 09:00 --to devlet --return 10:30
expect_rc 0 "wheelchair rider gets the wheelchair vehicle"; expect_out "41 ABC 123" "vehicle"

# The booking window: today is too late, 15 days too early.
run taxi book 3 --day 15.06.2026 --time 15:00 --to devlet; expect_rc 1 "too late"; expect_err "süresi doldu" "says why"
run taxi book 3 --day 30.06.2026 --time 15:00 --to devlet; expect_rc 1 "too early"; expect_err "14 gün" "says the limit"
run taxi book 3 --day 15.06.2026 --time 15:00 --to devlet --override ""; expect_rc 1 "override needs a reason"
run staff add tx.cw --name "Taksi Personeli" --role caseworker --unit taxi; expect_rc 0 "caseworker"
run staff add tx.sup --name "Taksi Amiri" --role supervisor --unit taxi; expect_rc 0 "supervisor"
run staff add hc.cw --name "Bakım Personeli" --role caseworker --unit homecare
run --user tx.cw taxi book 3 --day 15.06.2026 --time 15:00 --to devlet --override "Acil"
expect_rc 1 "caseworker cannot override"; expect_err "taxi.override" "names the permission"
run --user tx.sup taxi book 3 --day 15.06.2026 --time 15:00 --to devlet --override "Hastane aradı, acil kontrol"
expect_rc 0 "supervisor overrides"
run --user hc.cw taxi board 17.06.2026; expect_rc 1 "another unit cannot read"
# The gate (#16): the taxi unit's caseworker calls the rider and sends
# the driver to the door: phone and pickup address in clear, the TC
# Kimlik No masked (person.unmasked only).
run --user tx.cw taxi rider show 1; expect_out "0532 " "caseworker sees the phone"; expect_no_out "0532 *** **" "not masked"
expect_out "100******78" "caseworker sees the TC Kimlik No masked"; expect_no_out "$T1" "not in full"
run taxi rider show 1; expect_out "0532 111 22 33" "administrator sees it"
# The mobility aid tells a disability: health data, shown to the taxi
# unit's staff and masked for a role that only reads, as on the console.
run --user tx.cw taxi rider show 1; expect_out "yürüteç" "the unit's caseworker sees the aid"
expect_out "asansör yok" "and the driver's notes"
run staff add tx.rp --name "Raporcu" --role reporter; expect_rc 0 "reporter"
run --user tx.rp taxi rider show 1; expect_rc 0 "the reporter reads the rider"
expect_no_out "yürüteç" "the aid is masked for the reporter"; expect_out "***" "shown as ***"
expect_no_out "asansör yok" "the driver's notes masked for the reporter"
run --user tx.rp taxi rider list; expect_rc 0 "the reporter lists the riders"
expect_out "Ayşe Kaya" "by name"; expect_no_out "yürüteç" "the aid masked in the list"
run --user tx.cw taxi vehicle add "41 XY 99" --seats 2; expect_rc 1 "caseworker cannot add vehicles"

# Another vehicle or driver for a trip, under the same rules.
run taxi assign 1 --vehicle "41 ABC 123"; expect_rc 1 "re-assign onto a busy vehicle"; expect_err "dolu" "says so"
run taxi assign 1 --driver 1; expect_rc 1 "driver busy on the other vehicle"; expect_err "şoförü dolu" "says so"
run taxi assign 3; expect_rc 2 "vehicle or driver needed"
run taxi assign 3 --driver 1; expect_rc 0 "a free driver"; expect_out "Sefer #3: 41 DEF 456 · Kemal Sürücü" "says who"
run taxi assign 3 --driver 2; expect_rc 0 "and back"

# The day board.
run taxi board 17.06.2026
expect_rc 0 "board"; expect_out "17.06.2026 Çarşamba" "day"; expect_out "41 ABC 123 ♿1" "vehicle column"
expect_out "08:15–09:00 → Ayşe Kaya · Devlet Hastanesi" "outbound on the board"
expect_out "11:30–12:15 ← Ayşe Kaya" "return on the board"; expect_out "Toplam 5 sefer" "count"

# The driver's manifest as CSV.
run taxi manifest 17.06.2026 --vehicle "41 DEF 456"
expect_rc 0 "manifest"; expect_out "Alış,Varış,Yön,Yolcu,Telefon" "header"
expect_out "08:15,09:00,Gidiş,Ayşe Kaya,0532 111 22 33,Atatürk Cd. No:12,Devlet Hastanesi" "first pickup"
expect_out "yürüteç,evet,\"Üçüncü kat, asansör yok\"" "needs and notes"
expect_no_out "Mehmet" "other vehicle's riders left out"
run --user tx.rp taxi manifest 17.06.2026 --vehicle "41 DEF 456"
expect_rc 0 "the reporter's manifest"; expect_out "Ayşe Kaya" "names the rider"
expect_no_out "yürüteç" "the aid masked"; expect_no_out "0532 111 22 33" "the phone masked"
run taxi manifest 17.06.2026 --driver 1 --output "$T/m.csv" --excel
expect_rc 0 "manifest file"; expect_err "dosyasına yazıldı" "says where"
head -c 3 "$T/m.csv" | od -An -tx1 | grep -q "ef bb bf" && ok || bad "Excel manifest has a BOM"
grep -q "Mehmet Demir" "$T/m.csv" && ok || bad "driver 1 manifest has the wheelchair rider"

# Outcomes: on the day; an outbound no-show leaves the return to decide.
run taxi outcome 1 noshow; expect_rc 1 "not before the day"; expect_err "o gün girilir" "says when"
HANE_NOW="2026-06-17 09:20:00" run taxi outcome 1 gelmedi
expect_rc 0 "no-show"; expect_out "gelmedi" "recorded"; expect_out "Dönüş seferi #2 hâlâ planlı" "asks about the return"
HANE_NOW="2026-06-17 09:20:00" run taxi outcome 1 noshow --cancel-return
expect_rc 0 "again, cancelling the return"; expect_out "#2 de iptal edildi" "return cancelled"
HANE_NOW="2026-06-17 10:00:00" run taxi outcome 3 done; expect_rc 0 "done"; expect_out "yapıldı" "recorded"
HANE_NOW="2026-06-17 10:00:00" run taxi outcome 3 noshow; expect_rc 0 "admin may correct"
run taxi list --rider 1; expect_out "gelmedi" "history shows the no-show"; expect_out "iptal" "and the cancelled return"

# Cancel: one leg, then the appointment.
run taxi cancel 3 --leg dönüş --by yolcu --reason "Oğlu getirecek"; expect_rc 0 "cancel return"; expect_out "dakika önce" "notice"
run taxi cancel 9999 --leg gidiş --by yolcu --reason x; expect_rc 1 "no such appointment"; expect_err "Randevu #9999 bulunamadı" "names it"
run taxi cancel 3 --by yolcu; expect_rc 2 "reason required"
run taxi cancel 3 --by kimse --reason x; expect_rc 1 "bad canceller"
run taxi cancel 99 --by birim --reason x; expect_rc 1 "unknown appointment"

# Recurring dialysis: Mon/Wed/Fri until 3 July, skipping the 26th.
run taxi book 3 --day 22.06.2026 --time 13:00 --to diyaliz --purpose diyaliz --return 17:00 --weekdays pzt,çar,cum --until 03.07.2026 --skip 26.06.2026
expect_rc 0 "series"; expect_out "5 gün kaydedildi, 0 gün" "five days"
run taxi list --day 29.06.2026; expect_out "Fatma Şahin" "a generated day"; expect_out "Dönüş" "with its return"

# Repeated no-shows flag the rider.
HANE_NOW="2026-06-22 13:30:00" run taxi list --day 22.06.2026
OUTID=$(printf '%s\n' "$OUT" | awk -F'\t' '/Gidiş/ {print $1; exit}' | tr -d ' #')
HANE_NOW="2026-06-22 13:30:00" run taxi outcome "$OUTID" noshow
expect_out "işaretlendi" "second no-show in 14 days flags"
run taxi book 3 --day 26.06.2026 --time 09:00 --to devlet; expect_rc 1 "flagged rider refused"; expect_err "işaretli" "says why"
run taxi rider unflag 3; expect_rc 1 "unflag needs a reason"
run taxi rider unflag 3 --reason "Aile ile görüşüldü"; expect_rc 0 "unflag"
run taxi book 3 --day 26.06.2026 --time 09:00 --to devlet; expect_rc 0 "booked again"

# Import: conflicts rejected with reasons, the rest booked.
run taxi import "$D/appointments.csv" --dry-run
expect_rc 3 "dry run"; expect_out "Deneme" "says so"; expect_out "hiçbir şey yazılmadı" "nothing written"
run taxi import "$D/appointments.csv" --rejects "$T/rejects.csv"
expect_rc 3 "some rejected"; expect_out "6 satır: 2 randevu kaydedildi, 4 satır reddedildi" "counts"
expect_err "satır 3: Gidiş: 41 ABC 123 aracı dolu" "clash with the row before"
expect_err "satır 5: Kişi #4 Engelsiz Taksi yolcusu değil" "not a rider"
expect_err "satır 6: Randevu saati" "bad time"; expect_err "satır 7: 02.07.2026 için henüz erken" "too early"
grep -q "Red nedeni" "$T/rejects.csv" && ok || bad "rejects file has the reason column"
[ "$(wc -l < "$T/rejects.csv")" -eq 5 ] && ok || bad "rejects file: header + 4 rows"

# Settings.
run taxi setting; expect_out "cutoff	16:30" "cutoff shown"; expect_out "days_ahead	14" "days ahead"
run taxi setting buffer_minutes 30; expect_rc 0 "change buffer"
run --user tx.cw taxi setting buffer_minutes 10; expect_rc 1 "caseworker cannot change settings"
run taxi holiday add 24.06.2026 "Deneme"; expect_rc 0 "holiday"

# Reports through the engine.
run report taxi-monthly --month 2026-06; expect_rc 0 "monthly report"; expect_out "diyaliz" "by purpose"
run report taxi-riders --from 01.06.2026 --to 30.06.2026; expect_rc 0 "riders report"; expect_out "Fatma Şahin" "rider row"

# English.
run --lang en taxi book 3 --day 15.06.2026 --time 15:00 --to devlet
expect_rc 1 "English refusal"; expect_err "Too late" "in English"
finish
