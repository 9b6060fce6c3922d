#!/usr/bin/env bash
# hane centre (#19): the seeded programmes and sites, a fifth Asırlık
# Çınar branch added as data, eligibility explained, an application
# admitted, a full site and the waiting list, who is next when a
# membership ends, check-in by typed words and its refusals (another
# site, twice, an ended membership), check-out, today per site, a
# person's centres, the staff of a programme, roles and the gate, help
# and English.
# The clock: Monday 2026-06-15 10:00 (lib.sh).
. "$(dirname "$0")/lib.sh"

T1=10000090178; T2=10000090246; T3=10000090314; T4=10000090482

run init; expect_rc 0 "init"
run household add --tckn $T1 --first Ayşe --last Demir --birth 01.03.1969 --mahalle Serdar --street "Çınar Sk." --building 3
run household add --tckn $T2 --first Şükrü --last Öztürk --birth 01.01.1950 --mahalle Serdar --street "Çınar Sk." --building 5
run household add --tckn $T3 --first Hatice --last Yıldız --birth 01.01.1951 --mahalle Gebze --street "Kıbrıs Sk." --building 7
run household add --tckn $T4 --first Emine --last Bal --birth 01.01.1952 --mahalle Serdar --street "Çınar Sk." --building 9
expect_rc 0 "households"

run centre --help; expect_rc 0 "help"; expect_out "hane centre checkin" "help lists checkin"; expect_out "KİM" "notes name WHO"
run --lang en centre --help; expect_out "Usage:" "English help"
run --help; expect_out "centre" "main help names the unit"
run centre; expect_rc 2 "subcommand needed"
run centre apply --help; expect_out "--diagnosis" "apply's options"; expect_out "--check" "--check"
run centre apply $T1; expect_rc 2 "apply needs a site"

# Programmes and sites: seeded; a fifth branch is one command.
run centre programme; expect_rc 0 "programmes"; expect_out "cinar	üyelik	Asırlık Çınar Evleri	60" "Çınar, 60+"
expect_out "alzheimer" "Alzheimer"; expect_out "down_kafe	istihdam" "Down Kafe, placement"
run centre site list cinar; expect_out "Asırlık Çınar Serdar" "Serdar"; expect_out "0/150" "capacity"
run centre programme edit yasam_destek --max-age 40; expect_rc 0 "a rule changed"; expect_out "yasam_destek	kayıt (dönem)	Yaşama Destek Evi	15	40" "shown"
run centre programme edit yasam_destek --max-age 10; expect_rc 1 "min above max"
run centre programme edit yasam_destek --code yasam; expect_rc 1 "the code is fixed"
run centre site add --programme cinar --code cinar_gultepe --name "Asırlık Çınar Gültepe-Fatih" --address "Gültepe Mah., İzmit" --days "pzt,sal,çar,per,cum" --hours 09:00-17:00 --capacity 2 --min-age 50
expect_rc 0 "the fifth branch"; expect_out "50+" "its own minimum age"
run centre site list cinar; expect_out "Gültepe-Fatih" "listed"
run centre site add --programme cinar --code cinar_gultepe --name X; expect_rc 1 "code taken"; expect_err "cinar_gultepe" "names it"
run centre site edit gultepe --hours 17:00-09:00; expect_rc 1 "bad hours"

# Eligibility explained.
run centre apply $T1 serdar --check; expect_rc 1 "too young"
expect_out "Asırlık Çınar Evleri 60 yaş ve üstü içindir; Ayşe Demir 57 yaşında" "the rule and the value"
run centre apply $T1 serdar; expect_rc 1 "refused"; expect_err "57 yaşında" "with the sentence"
run centre apply $T1 gultepe --check; expect_rc 0 "50+ at Gültepe"; expect_out "Uygun" "eligible"
run centre apply $T3 serdar --check; expect_rc 1 "Gebze"; expect_out "İzmit'te oturanlar" "residence"
run centre apply $T2 alzheimer --check; expect_rc 1 "Alzheimer"; expect_out "tanı notu" "needs the diagnosis note"

# Applications, admission, capacity, the waiting list.
run centre apply $T2 gultepe --date 01.06.2026; expect_rc 0 "apply"; expect_out "Başvuru #1" "id"
run centre apply $T2 serdar; expect_rc 1 "one open per programme"; expect_err "zaten açık" "says so"
run centre decide 1 doğrudan --date 02.06.2026; expect_rc 0 "admit"; expect_out "üyelik #1" "membership"
run centre apply $T4 gultepe --date 03.06.2026; expect_out "Başvuru #2" "second"
run centre apply $T1 gultepe --date 04.06.2026 --notes "Kızı getirecek"; expect_out "Başvuru #3" "third"
run centre decide 2 direct; expect_rc 0 "second place"
run centre decide 3 direct; expect_rc 1 "full"; expect_err "dolu: 2/2" "says full"; expect_err "bekleme listesine" "offers the list"
run centre decide 3 bekleme --reason "yer yok"; expect_rc 0 "waiting"; expect_out "1. sırada" "position"
run centre waiting gultepe; expect_out "Ayşe Demir" "on the list"; expect_out "bekleme listesinde 1." "position shown"
run centre decide 3 rejected; expect_rc 1 "a rejection needs a reason"

# Check-in by words of the name or the TC tail; its refusals.
run centre checkin gultepe sukru; expect_rc 0 "check-in"; expect_out "Giriş: Şükrü Öztürk" "who"; expect_out "10:00" "now"
run centre checkin gultepe sukru --time 10:30; expect_rc 1 "twice"; expect_err "10:00'den beri içeride" "still in"
run centre checkin serdar sukru; expect_rc 1 "not a member there"; expect_err "Şükrü Öztürk burada üye değil; üyesi olduğu yer: Asırlık Çınar Gültepe-Fatih" "says where (found by name among other sites)"
run centre checkin gultepe --member 1 --time 10:05 && true
run centre checkin gultepe ${T4:7}; expect_rc 0 "by the TC tail"; expect_out "Emine Bal" "found"
run centre today; expect_out "Asırlık Çınar Gültepe-Fatih" "per site"
printf '%s\n' "$OUT" | python3 -c 'import sys; sys.exit(len({len(l) for l in sys.stdin.read().splitlines()}) != 1)' \
	&& ok || bad "today's columns line up (padded by characters, not bytes)"
run centre today gultepe; expect_out "Şükrü Öztürk" "who is in"
run centre checkout gultepe sukru --time 12:00; expect_rc 0 "out"; expect_out "12:00" "at"
run centre members gultepe; expect_out "Emine Bal" "members"; expect_out "içeride" "who is in"

# Ending a membership says who is next.
run centre end 2 taşındı --notes "Ankara'ya"; expect_rc 0 "end"; expect_out "taşındı" "reason"
expect_out "sırada: Ayşe Demir (başvuru #3)" "who is next"
run centre checkin gultepe --member 2; expect_rc 1 "ended"; expect_err "üyelik 15.06.2026 tarihinde bitti: taşındı" "why"
run centre checkin gultepe emine; expect_rc 1 "an ended member typed by name"; expect_err "Emine Bal: üyelik 15.06.2026 tarihinde bitti: taşındı" "the reason, not 'nobody matches'"
run centre checkin gultepe nobody; expect_rc 1 "nobody"; expect_err "devam eden bir üyeye uymuyor" "nobody matches"
run centre end 2 moved; expect_rc 1 "already ended"
run centre end 1 uzaya; expect_rc 1 "unknown reason"
run centre members gultepe --all; expect_out "15.06.2026 (taşındı)" "ended shown"
run centre show $T4; expect_out "Üyelikler" "a person's centres"; expect_out "Asırlık Çınar Gültepe-Fatih" "the membership"
run centre applications --status open; expect_out "Ayşe Demir" "open applications"

# Import: a member list and an attendance sheet from Turkish Excel.
printf 'TC Kimlik No;Yer;Başlangıç;Dönem;Not\n%s;Serdar;01.06.2026;;Listeden\n12345678901;Serdar;01.06.2026;;\n%s;Uzay;01.06.2026;;\n%s;gultepe;01.06.2026;;\n' \
	$T3 $T1 $T2 > "$T/uyeler.csv"
run centre import members "$T/uyeler.csv" --dry-run; expect_rc 3 "dry run, some rejected"; expect_out "1 yazıldı, 3 reddedildi" "counts"
run centre members serdar; expect_no_out "Hatice" "the dry run wrote nothing"
run centre import --help; expect_out "TC Kimlik No;Yer;Başlangıç;Dönem;Not" "the member list's columns"
expect_out "TC Kimlik No;Yer;Tarih;Giriş;Çıkış" "the attendance sheet's columns"; expect_out "DOSYA-hatalar.csv" "the default rejects file"
run centre import members "$T/uyeler.csv" --dry-run
[ ! -e "$T/uyeler-hatalar.csv" ] && ok || bad "a dry run writes no rejects file"
run centre import members "$T/uyeler.csv" --rejects "$T/red.csv"; expect_rc 3 "partial"
expect_out "uyeler.csv: " "names the file"; expect_out "Satır 3" "and the line"; expect_out "TC Kimlik No: geçerli bir TC" "and the field"
expect_out "Yer: Yer bulunamadı: Uzay" "an unknown site"; expect_out "zaten Asırlık Çınar" "already a member"
grep -q "Listeden" "$T/red.csv" && bad "a good row in the rejects file" || ok
grep -q "Hata" "$T/red.csv" && ok || bad "the rejects file has the reason column"
run centre members serdar; expect_out "Hatice Yıldız" "imported member"
printf 'TC Kimlik No;Yer;Tarih;Giriş;Çıkış\n%s;Serdar;12.06.2026;09:00;11:30\n%s;Serdar;12.06.2026;13:00;\n%s;Serdar;12.06.2026;14:00;\n%s;gundogdu;12.06.2026;09:00;\n%s;Serdar;20.06.2026;09:00;\n%s;Serdar;31.02.2026;09:00;\n' \
	$T3 $T3 $T3 $T3 $T3 $T3 > "$T/yoklama.csv"
run centre import attendance "$T/yoklama.csv"; expect_rc 3 "attendance, some rejected"
[ -s "$T/yoklama-hatalar.csv" ] && ok || bad "rejects go to FILE-hatalar.csv by default"
expect_out "yoklama-hatalar.csv" "and it says so"
expect_out "6 satır: 2 yazıldı, 4 reddedildi" "counts"; expect_out "13:00'den beri içeride" "still in"
expect_out "üyesi olduğu yer: Asırlık Çınar Serdar" "another site"; expect_out "ileri bir tarih olamaz" "future"
run centre today serdar --date 12.06.2026; expect_out "09:00	11:30	Hatice Yıldız" "in and out"; expect_out "13:00	-	Hatice" "still in"
run centre import visits "$T/yoklama.csv"; expect_rc 1 "members or attendance"

# Staff of a programme; roles and the gate.
run staff add cinar.cw --name "Çınar" --role caseworker --unit centres; expect_rc 0 "centres caseworker"
run staff add rp --name "Raporcu" --role reporter
run --user cinar.cw centre members gultepe; expect_rc 1 "no programme given yet"; expect_err "görevli değilsiniz" "says why"
run centre staff add cinar.cw cinar; expect_rc 0 "given Çınar"
run centre staff; expect_out "cinar	cinar.cw" "listed"
run --user cinar.cw centre members gultepe; expect_rc 0 "sees Çınar"
run --user cinar.cw centre applications gultepe; expect_out "Kızı getirecek" "the unit sees the notes"
run --user cinar.cw centre waiting alzheimer; expect_rc 1 "not Alzheimer"
run --user cinar.cw centre site edit gultepe --capacity 3; expect_rc 1 "sites are the supervisor's"
run --user rp centre applications gultepe; expect_rc 0 "the reporter reads"; expect_no_out "Kızı getirecek" "notes masked"
expect_no_out "$T1" "TC masked"
run --user rp centre checkin gultepe sukru; expect_rc 1 "the reporter changes nothing"; expect_err "centres.write" "names it"

run --lang en centre apply $T1 serdar --check; expect_out "is for ages 60 and over; Ayşe Demir is 57" "English"
finish
