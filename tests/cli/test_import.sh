# hane import households: exit codes, rejects file, duplicates, dry run,
# encodings, header mapping.
. "$(dirname "$0")/lib.sh"
D="$HANE_SOURCE_DIR/tests/data/csv"
"$HANE" init >/dev/null 2>&1 || { echo "init failed"; exit 1; }
persons() { "$HANE" export households | tail -n +2 | wc -l; }

run import --help
expect_rc 0 "help"
expect_out "--on-duplicate" "help lists the options"

run import households
expect_rc 2 "no file"
run import households "$D/good.csv" --on-duplicate maybe
expect_rc 2 "bad --on-duplicate"
expect_err "skip, update" "bad --on-duplicate says the choices"
run import households "$D/good.csv" --frobnicate
expect_rc 2 "unknown option"

# A missing required column stops before anything is written.
printf 'Ad;Soyad\nAli;Kaya\n' >"$T/nocol.csv"
run import households "$T/nocol.csv"
expect_rc 1 "missing column"
expect_err "Gerekli sütun yok: TC Kimlik No" "missing column named"
[ ! -e "$T/nocol-hatalar.csv" ] && ok || bad "no rejects file for a fatal error"

# Dry run: reports, writes nothing.
cp "$D/good.csv" "$T/good.csv"
run import households "$T/good.csv" --dry-run
expect_rc 0 "dry run"
expect_out "Yeni: 3 kişi (2 hane)" "dry run counts"
expect_out "Deneme: hiçbir şey yazılmadı" "dry run says so"
[ "$(persons)" -eq 0 ] && ok || bad "dry run wrote persons"

# Everything good: 0, aliases, unknown column warned, no progress off a tty.
run import households "$T/good.csv"
expect_rc 0 "good file"
expect_out "UTF-8, ayraç ';'" "encoding and delimiter reported"
expect_out "Yeni: 3 kişi (2 hane)" "summary"
expect_err "Bilinmeyen sütun yok sayıldı: Renk" "unknown column"
case "$ERR" in *$'\r'*) bad "progress bar off a tty";; *) ok;; esac
[ "$(persons)" -eq 3 ] && ok || bad "3 persons stored"

# Re-importing changes nothing (also with update).
run import households "$T/good.csv"
expect_rc 0 "re-import"
expect_out "Yeni: 0 kişi (0 hane) · Güncellenen: 0 · Değişmeyen: 3" "re-import unchanged"
run import households "$T/good.csv" --on-duplicate update
expect_out "Güncellenen: 0 · Değişmeyen: 3" "re-import with update unchanged"
run import households "$T/good.csv" --on-duplicate fail
expect_rc 1 "duplicate with fail"
expect_err "zaten kayıtlı" "fail names the duplicate"

# Some rows rejected: 4, rejects file next to the input with the reasons
# (a name over two lines is refused: names are one line, #16).
cp "$D/partial.csv" "$T/partial.csv"
run import households "$T/partial.csv"
expect_rc 3 "partial"
expect_out "Reddedilen: 4" "4 rejected"
expect_out "Satır 6: Ad: denetim karakteri kullanılamaz (U+000A)" "line break in a name"
expect_out "Satır 3: TC Kimlik No" "reason by line"
expect_out "Satır 4: TC Kimlik No: TC Kimlik No Excel" "Excel hint"
expect_out "Satır 5: Doğum Tarihi" "date reason"
expect_out "partial-hatalar.csv" "rejects file named"
R="$T/partial-hatalar.csv"
[ -f "$R" ] && ok || bad "rejects file written"
[ "$(head -1 "$R")" = 'TC Kimlik No,Ad,Soyad,Doğum Tarihi,"Hata"' ] && ok || bad "rejects header: $(head -1 "$R")"
grep -q '^"1,23457E+10",Excel,Bozdu,,"' "$R" && ok || bad "original row kept"
[ "$(grep -c '' "$R")" -eq 6 ] && ok || bad "header + 4 rows (one of two lines) in rejects"

# Every row rejected: 1.
printf 'TCKN;Ad;Soyad\n12345678901;A;B\n' >"$T/allbad.csv"
run import households "$T/allbad.csv" --rejects "$T/custom.csv"
expect_rc 1 "all rejected"
[ -f "$T/custom.csv" ] && ok || bad "--rejects path used"

# Windows-1254: detected; rejects reopen in 1254 with the same delimiter.
cp "$D/windows1254.csv" "$T/w.csv"
run import households "$T/w.csv" --on-duplicate update
expect_rc 3 "1254 partial"
expect_out "Windows-1254, ayraç ';'" "1254 detected"
"$HANE" household search "sukru isik" | grep -q "Şükrü Işık" && ok || bad "1254 names decoded"
head -1 "$T/w-hatalar.csv" | grep -q $'^TC Kimlik No;Ad\xfd;Soyad\xfd;Mahalle;"Hata"\r$' && ok || bad "1254 rejects header"
run import households "$T/w.csv" --encoding utf-8
expect_rc 1 "forced utf-8 on 1254"
expect_err "Satır 1: geçersiz UTF-8" "invalid bytes named by line"

# --map and --delimiter.
printf 'Kimlik|Ad|Soyad\n98765432396|Ali|Kaya\n' >"$T/map.csv"
run import households "$T/map.csv" --map 'Kimlik=tckn' --delimiter ';'
expect_rc 2 "wrong delimiter: the mapped column is not found"
run import households "$T/map.csv" --map 'Kimlik=tckn' --delimiter '|'
expect_rc 2 "pipe is not a delimiter"
tr '|' '\t' <"$T/map.csv" >"$T/map.tsv"
run import households "$T/map.tsv" --map 'Kimlik=tckn'
expect_rc 0 "--map with tab"
expect_out "Değişmeyen: 1" "mapped row known"

# Files csvio refuses.
: >"$T/empty.csv"
run import households "$T/empty.csv"
expect_rc 1 "empty file"
expect_err "Dosya boş" "empty file message"
printf 'a,b\n\x00\x01\x02\n' >"$T/bin.csv"
run import households "$T/bin.csv"
expect_rc 1 "binary file"
run import households "$T/missing.csv"
expect_rc 1 "missing file"
# An Excel workbook given for a CSV says how to save it as CSV; nothing
# is written (the workbook is one hane wrote itself, and an old .xls
# starts with the OLE signature).
run export households --xlsx -o "$T/book.xlsx"
expect_rc 0 "workbook for the import test"
run import households "$T/book.xlsx"
expect_rc 1 "workbook refused"
expect_err "Excel çalışma kitabı, CSV değil" "workbook named"
expect_err "CSV UTF-8" "workbook: how to save as CSV"
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0' >"$T/old.xls"
run --lang en import households "$T/old.xls"
expect_rc 1 "old .xls refused"
expect_err "an Excel workbook, not CSV" "old .xls named (English)"

# English.
run --lang en import households "$T/good.csv"
expect_out "Unchanged: 3" "English summary"
finish
