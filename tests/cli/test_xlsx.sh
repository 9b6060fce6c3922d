# --xlsx: every export and report writes a real Excel workbook, read back
# here with python3-openpyxl (tests/cli/xlsx_check.py): TC Kimlik No and
# phones text cells, dates date cells shown dd.mm.yyyy, money #,##0.00,
# bold frozen header with an autofilter, the sheet named after the output;
# masked exactly as the CSV, and logged with the workbook's SHA-256.
. "$(dirname "$0")/lib.sh"
D="$HANE_SOURCE_DIR/tests/data/csv"
X="/usr/bin/python3 $HANE_SOURCE_DIR/tests/cli/xlsx_check.py"
export TMPDIR="$T/tmp"; mkdir -p "$TMPDIR"
"$HANE" init >/dev/null 2>&1 || { echo "init failed"; exit 1; }
"$HANE" import households "$D/good.csv" >/dev/null 2>&1
# A value Excel would run as a formula stays text in a workbook.
"$HANE" household edit 1 --notes "=HYPERLINK(\"x\")" >/dev/null 2>&1

# ---- households export --------------------------------------------------
run export households --xlsx
expect_rc 2 "--xlsx needs a file"; expect_err "-o" "says to give -o"
run export households --xlsx --unmasked -o "$T/h.xlsx"
expect_rc 0 "unmasked workbook"
if $X "$T/h.xlsx" --sheet Haneler --text "TC Kimlik No" --text Telefon \
	--date "Doğum Tarihi" --money "Aylık Gelir (TL)" --number "Hane No" \
	--has 98765432150 --has '=HYPERLINK("x")' >"$T/chk" 2>&1; then ok; else bad "unmasked workbook: $(cat "$T/chk")"; fi
h=$(sha256sum "$T/h.xlsx" | cut -d' ' -f1)
sqlite3 "$HANE_DB" "SELECT changes FROM audit WHERE action='export' ORDER BY id DESC LIMIT 1" | grep -q "\"unmasked\":true,\"sha256\":\"$h\"" && ok || bad "workbook logged with its SHA-256"
# Same rows as the CSV, masked the same way.
run export households --xlsx -o "$T/m.xlsx"
expect_rc 0 "masked workbook"
if $X "$T/m.xlsx" --text "TC Kimlik No" --has '987******50' --has '0532 *** ** 67' \
	--lacks 98765432150 --has '***' >"$T/chk" 2>&1; then ok; else bad "masked workbook: $(cat "$T/chk")"; fi
"$HANE" export households -o "$T/m.csv" >/dev/null 2>&1
n=$(($(wc -l <"$T/m.csv") - 1))
$X "$T/m.xlsx" --rows "$n" >"$T/chk" 2>&1 && ok || bad "workbook has the CSV's $n rows: $(cat "$T/chk")"
# An existing name is never followed through a symlink or half-written.
run export households --xlsx -o /nonexistent/dir/x.xlsx
expect_rc 1 "unwritable output"
ls "$TMPDIR" | grep -q "^hane-xlsx" && bad "temporary folder left behind" || ok

finish
