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

run report households-monthly
expect_rc 2 "missing month"
expect_err "--month" "missing month named"
run report households-monthly --month 2026-13
expect_rc 2 "bad month"
run report households-monthly --month 2026-06 --year 2026
expect_rc 2 "unknown parameter"
run report nope
expect_rc 2 "unknown report"
expect_err "households-monthly" "unknown report lists the names"
finish
