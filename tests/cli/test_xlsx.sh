# --xlsx: every export and report writes a real Excel workbook, read back
# here with python3-openpyxl (tests/cli/xlsx_check.py): TC Kimlik No and
# phones text cells, dates date cells shown dd.mm.yyyy, money #,##0.00,
# bold frozen header with an autofilter, the sheet named after the output;
# masked exactly as the CSV, and logged with the workbook's SHA-256.
. "$(dirname "$0")/lib.sh"
D="$HANE_SOURCE_DIR/tests/data/csv"
# xcheck LABEL FILE OPTIONS…: queued; one python3 checks them all at the end.
xcheck() { printf '%q ' "$@" >>"$T/checks"; echo >>"$T/checks"; }
export TMPDIR="$T/tmp"; mkdir -p "$TMPDIR"
"$HANE" init >/dev/null 2>&1 || { echo "init failed"; exit 1; }
cp "$D/good.csv" "$T/good.csv" # its rejects file goes beside it
"$HANE" import households "$T/good.csv" >/dev/null 2>&1
# A value Excel would run as a formula stays text in a workbook.
"$HANE" household edit 1 --notes "=HYPERLINK(\"x\")" >/dev/null 2>&1

# ---- households export --------------------------------------------------
run export households --xlsx
expect_rc 2 "--xlsx needs a file"; expect_err "-o" "says to give -o"
run export households --xlsx --unmasked -o "$T/h.xlsx"
expect_rc 0 "unmasked workbook"
xcheck "unmasked workbook" "$T/h.xlsx" --sheet Haneler --text "TC Kimlik No" --text Telefon \
	--date "Doğum Tarihi" --money "Aylık Gelir (TL)" --number "Hane No" \
	--has 98765432150 --has '=HYPERLINK("x")'
h=$(sha256sum "$T/h.xlsx" | cut -d' ' -f1)
sqlite3 "$HANE_DB" "SELECT changes FROM audit WHERE action='export' ORDER BY id DESC LIMIT 1" | grep -q "\"unmasked\":true,\"sha256\":\"$h\"" && ok || bad "workbook logged with its SHA-256"
# Same rows as the CSV, masked the same way.
run export households --xlsx -o "$T/m.xlsx"
expect_rc 0 "masked workbook"
xcheck "masked workbook" "$T/m.xlsx" --text "TC Kimlik No" --has '987******50' --has '0532 *** ** 67' \
	--lacks 98765432150 --has '***'
"$HANE" export households -o "$T/m.csv" >/dev/null 2>&1
n=$(($(wc -l <"$T/m.csv") - 1))
xcheck "workbook has the CSV's $n rows" "$T/m.xlsx" --rows "$n"
# An unwritable place: an error, and no temporary folder left behind.
run export households --xlsx -o /nonexistent/dir/x.xlsx
expect_rc 1 "unwritable output"
ls "$TMPDIR" | grep -q "^hane-xlsx" && bad "temporary folder left behind" || ok

# ---- reports ------------------------------------------------------------
run report households-heads --mahalle Gündoğdu --xlsx
expect_rc 2 "report --xlsx needs a file"
run report households-heads --mahalle Gündoğdu --unmasked --xlsx -o "$T/r.xlsx"
expect_rc 0 "report workbook"
xcheck "report workbook" "$T/r.xlsx" --sheet households-heads --text "TC Kimlik No" --text Telefon \
	--number "Kişi" --has 98765432150 --has Toplam
run report households-heads --mahalle Gündoğdu --xlsx -o "$T/rm.xlsx"
xcheck "report workbook masked" "$T/rm.xlsx" --text "TC Kimlik No" --has '987******50' --lacks 98765432150
run report households-by-mahalle --xlsx -o "$T/rb.xlsx"
expect_rc 0 "money report"
xcheck "money cells" "$T/rb.xlsx" --money "Ortalama aylık gelir (TL)"

# ---- home care agenda, taxi manifest, Hane 360, annual ---------------------
TX=10000090178
"$HANE" household add --tckn $TX --first Ayşe --last Kaya --disability 80 --mahalle serdar --street "Atatürk Cd." --phone "0532 111 22 33" >/dev/null
P=$(sqlite3 "$HANE_DB" "SELECT id FROM person WHERE tckn='$TX'")
"$HANE" homecare client add "$P" --services bakım --start 01.06.2026 >/dev/null
"$HANE" homecare worker add "Zeynep Kara" --services bakım >/dev/null
"$HANE" homecare plan add 1 --service bakım --period haftalık --visits 2 --days pzt,per --window 09:00-12:00 --duration 60 --worker 1 --from 2026-06-01 >/dev/null
"$HANE" homecare schedule --from 15.06.2026 --to 21.06.2026 >/dev/null 2>&1
run homecare agenda --date 15.06.2026 --week --xlsx
expect_rc 2 "agenda --xlsx needs a file"
run homecare agenda --date 15.06.2026 --week --csv "$T/a.xlsx" --xlsx
expect_rc 0 "agenda workbook"
xcheck "agenda workbook" "$T/a.xlsx" --sheet "Ziyaret programı" --date Tarih --text Telefon --rows 2 --has "0532 111 22 33"

"$HANE" taxi driver add "Kemal Sürücü" >/dev/null
"$HANE" taxi vehicle add 41abc123 --wheelchair 1 --seats 3 --driver 1 >/dev/null
"$HANE" taxi rider add "$P" >/dev/null
"$HANE" taxi book 1 --day 17.06.2026 --time 09:00 --to devlet --return 11:30 >/dev/null 2>&1
run taxi manifest 17.06.2026 --driver 1 --xlsx
expect_rc 2 "manifest --xlsx needs a file"
run taxi manifest 17.06.2026 --driver 1 --output "$T/t.xlsx" --xlsx
expect_rc 0 "manifest workbook"
xcheck "manifest workbook" "$T/t.xlsx" --sheet "Sefer listesi" --text Telefon --rows 2 --has "0532 111 22 33" --has "Ayşe Kaya"

H=$(sqlite3 "$HANE_DB" "SELECT household_id FROM person WHERE tckn='$TX'")
run overview household "$H" --xlsx
expect_rc 2 "Hane 360 --xlsx needs a file"
run overview household "$H" -o "$T/o.xlsx" --xlsx
expect_rc 0 "Hane 360 workbook"
xcheck "Hane 360 workbook" "$T/o.xlsx" --sheet "Hane 360" --date Tarih --has "Ayşe Kaya"

run annual --year 2026 --xlsx
expect_rc 2 "annual --xlsx needs a file"
run annual --year 2026 -o "$T/y.xlsx" --xlsx
expect_rc 0 "annual workbook"
xcheck "annual workbook" "$T/y.xlsx" --number Değer

# Every workbook read back in one go.
if /usr/bin/python3 "$HANE_SOURCE_DIR/tests/cli/xlsx_check.py" --batch "$T/checks" >"$T/res" 2>&1; then :; fi
while read -r word rest; do
	case $word in ok) ok;; *) bad "workbook $rest";; esac
done <"$T/res"
[ "$(grep -c . "$T/checks")" -eq "$(grep -c '^ok ' "$T/res")" ] && ok || bad "every workbook checked: $(cat "$T/res")"

finish

