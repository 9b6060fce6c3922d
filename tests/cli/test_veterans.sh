#!/usr/bin/env bash
# hane veterans: the roster (a household outside İzmit by its district),
# gift stock in, a visit with a gift set taking one from the stock and a
# visit refused at stock 0, the history newest first, a planned visit
# done by its visit, a follow-up opening a social-inspection request,
# the year's figures, roles and the gate, English.
# The clock: Monday 2026-06-15 10:00 (lib.sh).
. "$(dirname "$0")/lib.sh"

T1=10000090178; T2=10000090246

run init; expect_rc 0 "init"
run household add --tckn $T1 --first Hasan --last Gazioğlu --mahalle Kozluk --street "Şehit Er Cd." --building 3
run household add --tckn $T2 --first Veli --last Kaya --mahalle Gebze --street "Kıbrıs Sk." --building 7
expect_rc 0 "a household outside İzmit (its district)"

run veterans --help; expect_rc 0 "help"; expect_out "hane veterans visit" "help lists visit"
run --lang en veterans --help; expect_out "Usage:" "English help"
run --help; expect_out "veterans" "main help names the unit"
run veterans; expect_rc 2 "subcommand needed"
run veterans visit --help; expect_out "--gifts" "visit's options"; expect_out "--followup" "follow-up"

# The roster.
run veterans add --household 1 --category şehit --name "Er Ali Gazioğlu" --since 01.01.2020 --remembered 18.03.2016
expect_rc 0 "martyr's family"; expect_out "Kayıt #1" "id"; expect_out "Şehit yakını" "category in Turkish"
run veterans add --household 2 --category kibris --name "Veli Kaya" --since 01.01.2020
expect_out "Kıbrıs gazisi" "Cyprus veteran"
run veterans add --household 2 --category asker --name "X"; expect_rc 1 "unknown category"; expect_err "Kıbrıs gazisi" "lists the categories"
run veterans add --household 99 --category kore --name "X"; expect_rc 1 "no household"; expect_err "99" "names it"
run veterans list; expect_out "Er Ali Gazioğlu" "roster"; expect_out "Gebze (ilçe)" "district shown as such"
run veterans list kibris; expect_rc 0 "search"
run veterans list --category cyprus; expect_out "Veli Kaya" "by category"; expect_no_out "Er Ali" "only that category"
run veterans list gazioglu; expect_out "Er Ali" "folded search"; expect_no_out "Veli Kaya" "only the match"

# Gifts: none in stock, the visit with a gift set is refused and nothing kept.
run veterans gift list; expect_out "Hediye seti	0" "seeded gift kind, stock 0"
run veterans visit 1 --date 10.06.2026 --staff "Ayşe Kaya" --gifts 1
expect_rc 1 "no stock"; expect_err "stok 0" "says the stock"; expect_err "hane veterans gift in" "says what to do"
run veterans show 1; expect_out "Ziyaretler (0" "nothing kept"
run veterans gift in hediye --quantity 2 --day 01.06.2026; expect_rc 0 "stock in"; expect_out "Hediye seti	2" "stock 2"
run veterans visit 1 --date 10.06.2026 --staff "Ayşe Kaya, Mehmet Demir" --present "annesi ve babası" --gifts 1 --notes "Anma töreni konuşuldu"
expect_rc 0 "visit"; expect_out "Ziyaret #1" "visit id"; expect_out "kalan stok 1" "stock went down"
run veterans visit 1 --date 16.06.2026 --staff "Ayşe Kaya"; expect_rc 1 "not in the future"
run veterans visit 1 --date 18.03.2024 --staff "Ayşe Kaya"; expect_rc 0 "an older visit"
run veterans history 1; expect_rc 0 "history"
case "$OUT" in *"10.06.2026"*"18.03.2024"*) ok;; *) bad "history newest first";; esac
run veterans show 1; expect_out "annesi ve babası" "who was present"; expect_out "1 × Hediye seti" "the gift"; expect_out "Anma töreni" "notes for the administrator"

# Planned visits.
run veterans plan 2 --date 20.06.2026 --occasion bayram --assigned "Ayşe Kaya"; expect_rc 0 "plan"; expect_out "Planlı ziyaret #1" "plan id"
run veterans plan 2 --date 01.06.2026; expect_rc 1 "a plan not in the past"
run veterans plans; expect_out "Veli Kaya" "planned visits"; expect_out "Bayram" "occasion"
run veterans visit 2 --date 15.06.2026 --staff "Ayşe Kaya" --plan 1 --gift hediye; expect_rc 0 "the planned visit"
expect_out "kalan stok 0" "--gift gives one"
run veterans plans; expect_no_out "Veli Kaya" "the plan is done"
run veterans cancel 1; expect_rc 1 "a done plan is not cancelled"

# A follow-up opens a social-inspection request (through the inspection unit).
run veterans visit 2 --date 15.06.2026 --staff "Ayşe Kaya" --followup "Kira borcu, inceleme istendi"
expect_rc 0 "follow-up"; expect_out "Sosyal inceleme başvurusu açıldı: #1" "request opened"
run inspection show 1; expect_out "Gazi" "the request names the unit as referrer"

# Year.
run veterans year 2026; expect_out "Şehit yakını" "by category"; expect_out "Ziyaret                        3" "visits in the year"
run veterans year 2024; expect_out "Ziyaret                        1" "2024"

# Roles and the gate.
run staff add vet.cw --name "Gazi Birimi" --role caseworker --unit veterans; expect_rc 0 "unit caseworker"
run staff add fb.cw --name "Gıda" --role caseworker --unit foodbank
run staff add rp --name "Raporcu" --role reporter
run --user vet.cw veterans show 1; expect_out "Anma töreni" "the unit sees the notes"
run --user rp veterans show 1; expect_rc 0 "the reporter reads"; expect_no_out "Anma töreni" "but the notes masked"
run --user rp veterans visit 1 --staff X; expect_rc 1 "the reporter changes nothing"; expect_err "veterans.write" "names the permission"
run --user fb.cw veterans list; expect_rc 1 "another unit cannot read"
run --user vet.cw veterans visit 1 --staff X --followup "y"; expect_rc 1 "a follow-up needs inspection.write"; expect_err "inspection.write" "names it"
run --user vet.cw veterans gift add "Bayram paketi"; expect_rc 1 "gift kinds are the supervisor's"

run --lang en veterans show 1; expect_out "Martyr's family" "English"
finish
