# hane export households: plain and Excel forms, masked by default (KVKK),
# --unmasked for staff with export.unmasked, every export in the audit
# with the file's SHA-256, export → import round trip (unmasked).
. "$(dirname "$0")/lib.sh"
D="$HANE_SOURCE_DIR/tests/data/csv"
"$HANE" init >/dev/null 2>&1 || { echo "init failed"; exit 1; }

run export --help
expect_rc 0 "help"
run export people
expect_rc 2 "unknown thing to export"

run export households
expect_rc 0 "empty registry"
[ "$OUT" = "Hane No,TC Kimlik No,Ad,Soyad,Doğum Tarihi,Cinsiyet,Yakınlık,Engel Oranı,Kronik Hastalık,Telefon,Hane Telefonu,Mahalle,Adres,Bina No,Daire No,Aylık Gelir (TL),Notlar" ] && ok || bad "header only"

"$HANE" import households "$D/good.csv" >/dev/null 2>&1
run export households -o "$T/m.csv"
expect_rc 0 "masked export to file"
grep -q '^1,987\*\*\*\*\*\*50,Şükrü,Yılmaz,1950-01-04,,reis,,,0532 \*\*\* \*\* 67,0532 \*\*\* \*\* 67,Gündoğdu,,,,8250.50,$' "$T/m.csv" && ok || bad "masked row: $(sed -n 2p "$T/m.csv")"
grep -q 98765432150 "$T/m.csv" && bad "masked export has the number" || ok
h=$(sha256sum "$T/m.csv" | cut -d' ' -f1)
sqlite3 "$HANE_DB" "SELECT changes FROM audit WHERE action='export' ORDER BY id DESC LIMIT 1" | grep -q "\"unmasked\":false,\"sha256\":\"$h\"" && ok || bad "masked export logged with its SHA-256"

run export households --unmasked -o "$T/a.csv"
expect_rc 0 "export to file"
expect_out "kişi yazıldı" "export summary"
grep -q '^1,98765432150,Şükrü,Yılmaz,1950-01-04,,reis,,,0532 123 45 67,0532 123 45 67,Gündoğdu,,,,8250.50,$' "$T/a.csv" && ok || bad "plain row: $(sed -n 2p "$T/a.csv")"
h=$(sha256sum "$T/a.csv" | cut -d' ' -f1)
sqlite3 "$HANE_DB" "SELECT changes FROM audit WHERE action='export' ORDER BY id DESC LIMIT 1" | grep -q "\"unmasked\":true,\"sha256\":\"$h\"" && ok || bad "unmasked export logged with its SHA-256"

run export households --excel --unmasked -o "$T/x.csv"
expect_rc 0 "excel export"
head -c 3 "$T/x.csv" | od -An -tx1 | grep -q "ef bb bf" && ok || bad "BOM"
sed -n 2p "$T/x.csv" | grep -q $'^1;"=""98765432150""";Şükrü;Yılmaz;04.01.1950;;reis;;;"=""0532 123 45 67""";"=""0532 123 45 67""";Gündoğdu;;;;8250,50;\r$' && ok || bad "excel row: $(sed -n 2p "$T/x.csv" | od -c | head -3)"

# Round trip into a new database, both forms.
for f in a x; do
	export HANE_DB="$T/rt-$f.db"
	"$HANE" init >/dev/null 2>&1
	run import households "$T/$f.csv"
	expect_rc 0 "re-import of export $f"
	expect_out "Reddedilen: 0" "nothing rejected from export $f"
	if [ $f = a ]; then run export households --unmasked; else run export households --excel --unmasked; fi
	[ "$OUT" = "$(cat "$T/$f.csv")" ] && ok || bad "round trip $f differs"
done

run export households -o /nonexistent/dir/x.csv
expect_rc 1 "unwritable output"

# A reporter exports masked and is refused --unmasked, before any file.
export HANE_DB="$T/rt-a.db"
run staff add rapor --name "Rapor Kişi" --role reporter; expect_rc 0 "reporter"
run --user rapor export households -o "$T/r.csv"; expect_rc 0 "reporter exports masked"
grep -q 98765432150 "$T/r.csv" && bad "reporter's export has the number" || ok
run --user rapor export households --unmasked -o "$T/r2.csv"
expect_rc 1 "reporter refused --unmasked"; expect_err "export.unmasked" "names the permission"
[ ! -e "$T/r2.csv" ] && ok || bad "no file left behind"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE action='export' AND username='rapor'")
[ "$n" -eq 1 ] && ok || bad "reporter's export logged once ($n)"
finish
