#!/usr/bin/env bash
# hane kitchen: the seeded lists, a day's tally cell by cell (a cell
# replaced, not added), the day and the month, the daily sheets' import
# (cp1254, ';', a bad row naming file, line and field), the lists an
# administrator extends, the home-meal roster (personal: its note masked
# for others), the annual figures with --verify, roles, English.
# The clock: Monday 2026-06-15 10:00 (lib.sh).
. "$(dirname "$0")/lib.sh"
D="$HANE_SOURCE_DIR/tests/data/kitchen"

run init; expect_rc 0 "init"
run household add --tckn 10000090178 --first Hatice --last Aşçı --street "Atatürk Cd." --building 3
expect_rc 0 "a household"

run kitchen --help; expect_rc 0 "help"; expect_out "hane kitchen set" "help lists set"
expect_out "hane kitchen import" "help lists import"
run --help; expect_out "kitchen" "main help lists the kitchen"
run kitchen set --help; expect_out "--channel" "set's help"; expect_out "(gerekli)" "marks the required"
run kitchen frobnicate; expect_rc 2 "unknown subcommand"

run kitchen channel list; expect_out "Sabah ikramı" "seeded channel"; expect_out "Mahalle mutfağı" "neighbourhood kitchen"
run kitchen item list; expect_out "İrmik helvası" "seeded item"; expect_out "kase" "with its unit"

# One cell, then the same cell again: replaced, not added.
run kitchen set --day 12.06.2026 --channel "sabah ikrami" --item corba --count 950
expect_rc 0 "a cell"; expect_out "950 kaydedildi" "saved"
run kitchen set --day 12.06.2026 --channel morning --item soup --count 1000
expect_out "önceki 950" "replaced, says what it was"
run kitchen set --day 12.06.2026 --channel morning --item cake --count 480
run kitchen set --day 12.06.2026 --channel mobile --item lemonade --count 1.200
expect_rc 2 "a count is a whole number"
run kitchen set --day 16.06.2026 --channel morning --item soup --count 5
expect_rc 1 "no tally for a day to come"; expect_err "16.06.2026" "names the day"
run kitchen set --day 12.06.2026 --channel uzay --item soup --count 5
expect_rc 1 "unknown channel"; expect_err "uzay" "names it"
run kitchen set --channel morning --item soup
expect_rc 2 "the count is required"; expect_err "--count" "names it"
run kitchen day --day 12.06.2026; expect_rc 0 "the day"
expect_out "Sabah ikramı" "its channel"; expect_out "1.000" "the soup"; expect_out "Toplam: 1.480" "the day's total"

# The kitchen's daily sheet as Excel writes it: cp1254, ';', dd.mm.yyyy.
run kitchen import "$D/gunluk-1254.csv" --dry-run
expect_rc 3 "dry run with rejects"; expect_out "Deneme" "says it wrote nothing"
run kitchen day --day 01.06.2026; expect_out "Toplam: 0" "nothing written by the dry run"
run kitchen import "$D/gunluk-1254.csv" --rejects "$T/red.csv"
expect_rc 3 "some rows rejected"
expect_out "gunluk-1254.csv: Satır 4: Adet" "a bad count names file, line and field"
expect_out "Satır 5: Kalem" "an unknown item names its field"
expect_out "3 hücre yazıldı" "three cells"
[ -s "$T/red.csv" ] && ok || bad "rejects file written"
run kitchen report 06.2026; expect_rc 0 "the month"
expect_out "Çorba" "soup"; expect_out "2.050" "the month's soup: 1.050 + 1.000"
expect_out "Mahalle mutfağı" "the neighbourhood kitchen"
run report kitchen-monthly --month 2026-06; expect_rc 0 "the report engine's monthly"; expect_out "2050" "the same sum"
run kitchen report 2026; expect_out "yılı" "the year"
run kitchen report haziran; expect_rc 2 "a bad period"; expect_err "haziran" "names it"

# An administrator extends the lists; the code is fixed once made.
run kitchen item add pilav --name "Pilav" --unit tabak --sort 9; expect_rc 0 "an item"; expect_out "pilav" "its code"
run kitchen item add tatli --name "Tatlı" --unit litre; expect_rc 1 "bad unit"; expect_err "litre" "names it"
run kitchen channel add iftar --name "İftar çadırı" --sort 5; expect_rc 0 "a channel"
run kitchen channel edit iftar --active hayır; expect_rc 0 "deactivated"
run kitchen channel list; expect_out "(pasif)" "shown inactive"

# The home-meal roster: personal.
run kitchen home add 1 --day 01.03.2026 --note "Yatağa bağlı, diyabet"; expect_rc 0 "on the roster"
expect_out "kaydı #1" "the entry"
run kitchen home add 1; expect_rc 1 "one open entry"; expect_err "#1" "names the entry"
run kitchen home list; expect_out "Hatice Aşçı" "the head"; expect_out "diyabet" "the administrator sees the note"

# Roles.
run staff add kt.cw --name "Aşevi Personeli" --role caseworker --unit kitchen; expect_rc 0 "caseworker"
run staff add fb.cw --name "Gıda Personeli" --role caseworker --unit foodbank
run staff add rep --name "Raporcu" --role reporter
run --user kt.cw kitchen set --day 13.06.2026 --channel hot --item meal --count 240; expect_rc 0 "the unit's caseworker enters the tally"
run --user kt.cw kitchen home list; expect_out "diyabet" "the unit's caseworker sees the note"
run --user kt.cw kitchen item add asure2 --name "Aşure 2" --unit kase; expect_rc 1 "not the lists"; expect_err "kitchen.admin" "names the permission"
run --user fb.cw kitchen day --day 12.06.2026; expect_rc 1 "another unit cannot read"
run --user rep kitchen home list; expect_rc 0 "a reporter reads"; expect_no_out "diyabet" "the note masked"; expect_out "***" "shown masked"
run --user rep kitchen set --day 12.06.2026 --channel hot --item meal --count 1; expect_rc 1 "a reporter writes nothing"

# The annual report and its check.
run annual --year 2026 --verify; expect_rc 0 "verify agrees"
run annual --year 2026; expect_out "Sabah ikramı: çorba" "the morning soup figure"; expect_out "2.050" "its value"
run annual --year 2026 --text; expect_out "Aşevi" "the summary names the kitchen"

run --lang en kitchen report 06.2026; expect_out "Soup kitchen" "English"; expect_out "cups" "units in English"

finish
