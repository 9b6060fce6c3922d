#!/usr/bin/env bash
# hane homecare: clients, workers, plans, schedule (preview, month end,
# holidays), visits (overlap, move, cancel, record, follow-up), agenda CSV,
# list, refusals and languages.
. "$(dirname "$0")/lib.sh"

T1=10000000146 # checksum-valid, synthetic
T2=12345678950

run init; expect_rc 0 "init"
run household add --tckn $T1 --first Şükrü --last Yılmaz --mahalle gundogdu --street "Atatürk Cd." --building 12 --phone "0532 123 45 67"
expect_rc 0 "household 1"
run household add --tckn $T2 --first Ayşe --last Kaya --mahalle serdar
expect_rc 0 "household 2"

run homecare --help; expect_rc 0 "--help"; expect_out "hane homecare schedule" "help lists schedule"
run --lang en homecare --help; expect_out "Usage" "English help"
run homecare; expect_rc 2 "no subcommand"
run homecare frob; expect_rc 2 "unknown subcommand"; expect_err "frob" "names it"
# Each command's --help is its own, from its option table (#18).
run homecare visit --help; expect_rc 0 "visit --help"
expect_out "Kullanım: hane homecare visit" "visit's usage"; expect_out "--follow-ups" "its options"
expect_no_out "hane homecare schedule" "not the whole unit"; expect_no_out "--auto-assign" "no schedule option"
run homecare schedule --help; expect_out "--auto-assign" "schedule's options"; expect_no_out "--tasks" "no visit option"
run homecare list --tasks x; expect_rc 2 "an option list does not take"; expect_err "--tasks" "named"
run homecare plan add 1 --visits iki; expect_rc 2 "visits is a number"; expect_err "--visits" "naming it"

run homecare client add 1 --services ikisi --start 01.06.2026 --needs "yatalak, yalnız"
expect_rc 0 "client add"; expect_out "Danışan #1" "client id"; expect_out "Şükrü Yılmaz" "client name"
run homecare client add 1 --services bakım; expect_rc 1 "second open record refused"; expect_err "zaten" "says already"
run homecare client add --tckn $T2 --services bakım --start 2026-06-01
expect_rc 0 "client by TC Kimlik No"; expect_out "Ayşe Kaya" "name"
run homecare client add 2 --services taksi; expect_rc 2 "bad service"; expect_err "taksi" "names the value"
run homecare client show 1; expect_rc 0 "show"; expect_out "yatağa bağımlı, yalnız yaşıyor" "needs as words"
expect_out "Bakım ve temizlik" "services label"

run homecare worker add "Zeynep Kara" --services bakım; expect_rc 0 "worker"; expect_out "Personel #1" "worker id"
run homecare worker add "Ekip 1" --kind ekip --services temizlik --days "pzt sal çar per cum cmt"; expect_rc 0 "team"
run homecare worker add "X" --days bayram; expect_rc 1 "bad days"; expect_err "bayram" "names the day"
run homecare worker list; expect_out "Pzt Sal Çar Per Cum Cmt" "team's days"

run homecare plan add 1 --service bakım --period haftalık --visits 2 --days pzt,per --window 09:00-12:00 --duration 60 --worker 1 --from 2026-06-01
expect_rc 0 "plan 1"; expect_out "haftada 2 · Pzt Per · 09:00–12:00 · 60 dk" "plan described"
run homecare plan add 2 --service bakım --period haftalık --visits 2 --days pzt,per --window 09:00-12:00 --duration 60 --worker 1 --from 2026-06-01
expect_rc 0 "plan 2"
run homecare plan add 1 --service temizlik --period aylık --visits 1 --window 10:00-15:00 --duration 120 --worker 1 --from 2026-06-01
expect_rc 1 "caregiver cannot clean"; expect_err "Zeynep Kara" "names the worker"
run homecare plan add 1 --service temizlik --period aylık --visits 1 --window 10:00-11:00 --duration 120 --worker 2
expect_rc 1 "window too short"
run homecare plan add 1 --service temizlik --period aylık --visits 1 --window 10:00-15:00 --duration 120 --worker 2 --from 2026-06-01
expect_rc 0 "cleaning plan"
# The options of a client, a plan and a worker are their field tables'
# (#18): the usage lists them, and edit changes only what was given.
run homecare plan --help; expect_out "--window" "the window typed as one"
expect_out "--visits" "a field's option"; expect_out "--duration" "named as before"
expect_no_out "--minutes" "not the table's old name"; expect_no_out "--client" "the client is an argument"
run homecare plan edit 1 --visits 3 --window 08:30-12:00 --to 31.12.2026; expect_rc 0 "plan edit"; expect_out "Kaydedildi" "saved"
run homecare plan list 1; expect_out "haftada 3 · Pzt Per · 08:30–12:00 · 60 dk" "only the given changed"
expect_out "31.12.2026" "an end"
run homecare plan edit 1 --to "" --visits 2 --window 09:00-12:00; expect_rc 0 "plan edit back"
run homecare plan list 1; expect_no_out "31.12.2026" "an empty --to clears the end"
run homecare plan edit 1 --period yıllık; expect_rc 2 "bad period"; expect_err "yıllık" "names the value"
run homecare plan edit 1 --visits 2; expect_out "Değişiklik yok" "nothing changed is said"
run homecare worker edit 1 --phone "0532 111 22 33" --active hayır; expect_rc 0 "worker edit"
run homecare worker list; expect_no_out "Zeynep Kara" "inactive not listed"
run homecare worker list --all; expect_out "Zeynep Kara	bakım personeli	Bakım" "kind and services kept"; expect_out "pasif" "inactive"
run homecare worker edit 1 --active evet --kind bakıcı; expect_rc 0 "worker active again"
run homecare client edit 2 --needs "demans" --services temizlik; expect_rc 1 "a client's plans hold its service"
run homecare client edit 2 --needs "demans"; expect_rc 0 "client edit"
run homecare client show 2; expect_out "demans" "needs saved"; expect_out "Bakım" "services kept"

run homecare schedule --from 2026-06-01; expect_rc 2 "schedule needs --to"
# Today (15.06, 10:00 by lib.sh's clock) no visit starts before now: the
# 09:00 visit of the day starts at 10:00 and the next slides after it.
run homecare schedule --from 2026-06-15 --to 2026-06-15 --preview
expect_rc 0 "preview today"; expect_no_out "09:00" "nothing booked in the past"
expect_out "10:00" "today's first visit from now"
HANE_NOW="2026-06-15 11:50:00" run homecare schedule --from 2026-06-15 --to 2026-06-15 --preview
expect_out "Önizleme: 0 ziyaret" "a window already gone gets no visit today"
HANE_NOW="2026-06-01 08:00:00" run homecare schedule --from 2026-06-01 --to 2026-06-30 --preview
expect_rc 0 "preview"; expect_out "Önizleme: 19 ziyaret" "preview count"; expect_out "10:30" "second visit slides"
run homecare agenda --date 2026-06-15; expect_no_out "Ayşe" "preview saved nothing"
# June's schedule is made on its first morning (never a time already
# past: see "today" below).
HANE_NOW="2026-06-01 08:00:00" run homecare schedule --from 2026-06-01 --to 2026-06-30
expect_rc 0 "schedule"; expect_out "19 ziyaret oluşturuldu (0 atanmamış); 0 zaten vardı" "created"
HANE_NOW="2026-06-01 08:00:00" run homecare schedule --from 2026-06-01 --to 2026-06-30; expect_out "0 ziyaret oluşturuldu" "idempotent"
run homecare schedule --from 2028-01-01 --to 2028-01-31 --preview; expect_rc 0 "any year is planned"; expect_err "2028 yılının dinî bayramları" "warns of 2028's religious holidays"

run homecare agenda --date 2026-06-15
expect_rc 0 "agenda"; expect_out "09:00–10:00	Zeynep Kara	Şükrü Yılmaz	Gündoğdu	Bakım	planlı" "first visit"
expect_out "10:30–11:30	Zeynep Kara	Ayşe Kaya	Serdar" "travel time respected"
run homecare agenda --date 2026-06-15 --worker 1 --csv "$T/agenda.csv" --excel
expect_rc 0 "agenda csv"; expect_err "2 ziyaret yazıldı" "count on stderr"
head -c 3 "$T/agenda.csv" | od -An -tx1 | grep -q "ef bb bf" && ok || bad "Excel CSV has a BOM"
grep -q "Şükrü Yılmaz;Gündoğdu;Atatürk Cd. No:12" "$T/agenda.csv" && ok || bad "CSV row with address"
grep -q "yatağa bağımlı, yalnız yaşıyor" "$T/agenda.csv" && ok || bad "CSV needs"
run homecare agenda --date 2026-06-15 --week --csv -
expect_out "Tarih,Başlangıç,Bitiş,Personel,Danışan" "CSV header"; expect_out "18.06.2026" "week includes Thursday"

# Visit id of Şükrü's Monday 15 June visit, and an overlapping manual one.
V=$(printf '%s\n' "$OUT" | grep "15.06.2026,09:00" | awk -F, '{print $NF}' | tr -d '\r')
run homecare visit add 2 --date 2026-06-15 --start 09:30 --worker 1
expect_rc 1 "overlap refused"; expect_err "Zeynep Kara" "names the caregiver"; expect_err "#$V" "names the visit"
run homecare travel set gündoğdu serdar 5; expect_rc 0 "travel set"; expect_out "5 dk" "travel shown"
run homecare travel defaults --other 25; expect_out "25 dk" "default changed"
run homecare visit add 2 --date 2026-07-15 --start 10:00; expect_rc 1 "holiday refused"; expect_err "Demokrasi" "names the holiday"

run homecare visit done "$V" --start 09:05 --end 10:10 --tasks "banyo, ilaç"; expect_rc 0 "done"
run homecare visit show "$V"; expect_out "yapıldı" "done shown"; expect_out "09:05–10:10" "actual times"
run homecare agenda --date 2026-06-18
V2=$(printf '%s\n' "$OUT" | grep "Şükrü" | cut -f1 | tr -d '#')
run homecare visit done "$V2"; expect_rc 1 "future visit refused"; expect_err "18.06.2026" "names the date"
run homecare visit move "$V2" --date 2026-06-19 --start 14:00; expect_rc 0 "move"; expect_out "yeni tarihe" "moved"
run homecare visit show "$V2"; expect_out "yeniden planlandı" "old row kept"
run homecare visit list --client 1 --from 2026-06-18 --to 2026-06-19 --history
expect_out "14:00–15:00" "new row"; expect_out "yeniden planlandı" "history row"

run homecare agenda --date 2026-06-11
V3=$(printf '%s\n' "$OUT" | grep "Ayşe" | cut -f1 | tr -d '#')
run homecare visit missed "$V3" --reason kabul-etmedi --notes "kapıyı açmadı"; expect_rc 0 "missed"
run homecare visit list --follow-ups; expect_out "takip bekliyor" "flagged"; expect_out "danışan kabul etmedi" "reason"
run homecare visit follow-up "$V3"; expect_rc 1 "follow-up needs a note"
run homecare visit follow-up "$V3" --note "telefonla arandı"; expect_rc 0 "follow-up closed"
run homecare visit list --follow-ups; expect_no_out "Ayşe" "no open follow-ups"

run homecare list; expect_rc 0 "list"; expect_out "Şükrü Yılmaz	Gündoğdu	Bakım ve temizlik	15.06.2026" "last visit shown"
run homecare client end 2 --date 2026-06-20 --reason vefat; expect_rc 0 "end"; expect_out "3 planlı ziyaret iptal" "future visits cancelled (22, 25, 29 June)"
run homecare list; expect_no_out "Ayşe" "ended client hidden"
run homecare list --ended; expect_out "vefat" "ended client with reason"

run --user nobody homecare list; expect_rc 1 "unknown user refused"
run --lang en homecare client show 1; expect_out "Care and cleaning" "English labels"
finish
