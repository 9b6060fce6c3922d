# hane report: list, table, CSV, Excel, parameters.
. "$(dirname "$0")/lib.sh"
D="$HANE_SOURCE_DIR/tests/data/csv"
"$HANE" init >/dev/null 2>&1 || { echo "init failed"; exit 1; }
"$HANE" import households "$D/good.csv" >/dev/null 2>&1

run report list
expect_rc 0 "list"
expect_out "households-monthly" "monthly listed"
expect_out "--month" "its parameter listed"

run report households-monthly --month 2026-06
expect_rc 0 "table"
expect_out "Aylık yeni hane ve kişi kayıtları" "title"
expect_out "Gündoğdu" "mahalle row"
expect_out "Toplam" "totals row"

run report households-monthly --month 2026-06 --csv
expect_rc 0 "csv"
[ "$OUT" = "$(printf 'Mahalle,Yeni hane,Yeni kişi\nGündoğdu,1,2\nSerdar,1,1\nToplam,2,3')" ] && ok || bad "csv content"

run report households-monthly --month 2026-05 --csv
[ "$OUT" = "$(printf 'Mahalle,Yeni hane,Yeni kişi\nToplam,0,0')" ] && ok || bad "other month is empty"

run report households-monthly --month 2026-06 --excel -o "$T/r.csv"
expect_rc 0 "excel file"
[ "$(od -An -c "$T/r.csv" | tr -s ' ' | head -1 | cut -c1-20)" != "" ] && ok
head -c 3 "$T/r.csv" | od -An -tx1 | grep -q "ef bb bf" && ok || bad "BOM"
grep -q $'^Toplam;2;3\r$' "$T/r.csv" && ok || bad "excel totals row"

run --lang en report households-monthly --month 2026-06 --csv
expect_out "Neighbourhood,New households,New persons" "English titles"
expect_out "Total,2,3" "English total"

# The registry by mahalle: households, persons, disabled, average income
# (empty where no household's income is known).
"$HANE" household add --household 2 --first Veli --last Kaya --disability 60 >/dev/null
run report households-by-mahalle --csv
expect_rc 0 "by mahalle"
[ "$OUT" = "$(printf 'Mahalle,Aktif hane,Kişi,Engelli kişi,Ortalama aylık gelir (TL)\nGündoğdu,1,2,0,8250.50\nSerdar,1,2,1,\nToplam,2,4,1,')" ] && ok || bad "by-mahalle figures"

run report households-monthly
expect_rc 2 "missing month"
expect_err "--month" "missing month named"
run report households-monthly --month 2026-13
expect_rc 2 "bad month"
run report households-monthly --month 2026-06 --year 2026
expect_rc 2 "unknown parameter"
# The options come from one table (#18): the fixed ones and the
# parameters the reports declare. A report's --help lists its own.
run report --help
expect_rc 0 "help"
expect_out "--unmasked" "help: the KVKK option"
expect_out "--xlsx" "help: the output options"
expect_out "households-heads" "help: the reports listed"
expect_out "--mahalle" "help: a report's parameter"
run report households-monthly --help
expect_rc 0 "a report's help"
expect_out "--month" "its parameter"
expect_no_out "--mahalle" "not another report's parameter"
expect_no_out "households-heads" "not the list of reports"
run report --csv households-monthly --month 2026-06
expect_rc 0 "options before the report's name"
expect_out "Mahalle,Yeni hane,Yeni kişi" "same table"
run report --mahalle Gündoğdu households-monthly --month 2026-06
expect_rc 2 "another report's parameter"
expect_err "'--mahalle'" "named as an option"
run report households-monthly --month 2026-06 --xlsx
expect_rc 2 "workbook needs a file"
run report
expect_rc 2 "no report named"
expect_err "hane report list" "says how to list them"
run report nope
expect_rc 2 "unknown report"
expect_err "households-monthly" "unknown report lists the names"

# KVKK: every run logged with its parameters; personal columns masked
# unless --unmasked, which needs export.unmasked.
n0=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE action='report'")
run report households-heads --mahalle Gündoğdu --csv
expect_rc 0 "heads report"
expect_out "1,987******50,Şükrü Yılmaz,0532 *** ** 67,,2" "masked for everyone by default"
expect_no_out "98765432150" "number hidden"
n1=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE action='report'")
[ "$n1" -eq $((n0 + 1)) ] && ok || bad "report run logged ($n0 -> $n1)"
sqlite3 "$HANE_DB" "SELECT changes FROM audit WHERE action='report' ORDER BY id DESC LIMIT 1" |
	grep -q '"report":"households-heads","params":"mahalle=Gündoğdu","unmasked":false' && ok || bad "logged with its parameters"
run report households-heads --mahalle Gündoğdu --csv --unmasked
expect_rc 0 "unmasked for the administrator"
expect_out "1,98765432150,Şükrü Yılmaz,0532 123 45 67,,2" "in full"
sqlite3 "$HANE_DB" "SELECT changes FROM audit WHERE action='report' ORDER BY id DESC LIMIT 1" |
	grep -q '"unmasked":true' && ok || bad "unmasked run logged as such"
run staff add rapor --name "Rapor Kişi" --role reporter; expect_rc 0 "reporter"
run --user rapor report households-heads --mahalle Gündoğdu
expect_rc 0 "reporter runs it"; expect_out "987******50" "masked for the reporter"
run --user rapor report households-heads --mahalle Gündoğdu --unmasked
expect_rc 1 "reporter refused --unmasked"; expect_err "export.unmasked" "names the permission"
expect_no_out "98765432150" "nothing shown"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE action='report' AND username='rapor'")
[ "$n" -eq 1 ] && ok || bad "reporter's run logged ($n)"
finish
