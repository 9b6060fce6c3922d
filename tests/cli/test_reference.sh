# Reference lists in the database and the one holiday list:
# hane mahalle list|add|alias|rename (administrators, audited; the next
# import accepts what was added, a rename carries over to the
# households), hane holiday list|add|remove (fixed national holidays for
# any year, religious ones entered), home care scheduling May 2028 around
# 1 and 19 May with a warning about 2028, taxi booking's warning.
. "$(dirname "$0")/lib.sh"
T1=10000021172; T2=10000021240; T3=10000021318

run init; expect_rc 0 "init"
run staff add vaka --name "Vaka Kişi" --role caseworker --unit households; expect_rc 0 "caseworker"

# ---- mahalleler -------------------------------------------------------------
run mahalle list; expect_rc 0 "list"; expect_out "Gündoğdu	0" "seeded from data/reference"
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 96 ] && ok || bad "the 96 İzmit mahalleler"
run mahalle list --districts; expect_out "Gölcük	ilçe (İzmit dışı)" "districts outside İzmit"
printf 'TC Kimlik No;Ad;Soyad;Mahalle\n%s;Deniz;Kul;Kulmahmut\n' $T1 >"$T/k.csv"
run import households "$T/k.csv"
expect_rc 1 "unknown mahalle rejected"; expect_out "Kulmahmut' İzmit mahalle listesinde yok (yeni bir mahalleyi yönetici ekler: hane mahalle add)" "says how to add it"
run --user vaka mahalle add Kulmahmut
expect_rc 1 "caseworker may not add"; expect_err "reference.admin" "names the permission"
run mahalle add Kulmahmut; expect_rc 0 "admin adds"; expect_out "Kulmahmut" "says so"
run import households "$T/k.csv"; expect_rc 0 "the next import accepts it"
run mahalle add "KULMAHMUT"; expect_rc 1 "no duplicate (folded)"; expect_err "zaten" "says already"
run mahalle add "  "; expect_rc 1 "empty name refused"
run household add --tckn $T2 --first Ece --last Kul --mahalle "kulmahmut mah."; expect_rc 0 "form accepts it, any case"
run mahalle alias "Kul Mahmut" Kulmahmut; expect_rc 0 "alias"
run household add --tckn $T3 --first Can --last Kul --mahalle "kul mahmut"; expect_rc 0 "alias finds it"
run household search Can; expect_out "Kulmahmut" "stored under its name"
run mahalle alias "Kul Mahmut" Serdar; expect_rc 1 "an alias means one mahalle"
run homecare travel set Kulmahmut serdar 7; expect_rc 0 "a travel time from the mahalle"
run mahalle rename Kulmahmut "Kulmahmut Yeni"; expect_rc 0 "rename"; expect_out "3 hane" "three households follow"
n=$(sqlite3 "$HANE_DB" "SELECT mahalle_a || '|' || mahalle_b FROM homecare_travel WHERE minutes = 7")
[ "$n" = "Kulmahmut Yeni|Serdar" ] && ok || bad "the travel time follows the rename ($n)"
run household search Deniz; expect_out "Kulmahmut Yeni" "a household follows the rename"
run mahalle list; expect_out "Kulmahmut Yeni	3	diğer adlar: Kul Mahmut, Kulmahmut" "old name kept as an alias"
run household add --tckn 10000021486 --first Nur --last Kul --mahalle Kulmahmut; expect_rc 0 "old name still imports"
run household search Nur; expect_out "Kulmahmut Yeni" "under the new name"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE tbl='household' AND action='update' AND changes LIKE '%Kulmahmut Yeni%'")
[ "$n" -eq 3 ] && ok || bad "each household's change audited ($n)"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE tbl IN ('mahalle','mahalle_alias')")
[ "$n" -ge 4 ] && ok || bad "mahalle changes audited ($n)"
run mahalle rename Atlantis X; expect_rc 1 "unknown mahalle"
run mahalle rename Serdar Gündoğdu; expect_rc 1 "rename onto another mahalle refused"
run mahalle frob; expect_rc 2 "unknown subcommand"
run --lang en mahalle --help; expect_out "Usage" "English help"

# ---- holidays ----------------------------------------------------------------
run holiday list --year 2028
expect_rc 0 "2028 without data"
expect_out "01.05.2028	tam gün	sabit	Emek ve Dayanışma Günü" "1 Mayıs"
expect_out "28.10.2028	yarım gün	sabit" "28 Ekim half day"
expect_err "2028 yılının dinî bayramları" "warns they are not entered"
run holiday list --year 2026
expect_out "26.05.2026	yarım gün	girilen	Kurban Bayramı arifesi" "seeded religious holidays"
expect_out "19.05.2026	tam gün	sabit" "and the fixed ones"
run --user vaka holiday add 25.02.2028 "Ramazan Bayramı arifesi" --half
expect_rc 1 "caseworker may not add"
run holiday add 25.02.2028 "Ramazan Bayramı arifesi" --half; expect_rc 0 "arife added"
run holiday add 2028-02-26 "Ramazan Bayramı 1. gün"; expect_rc 0 "bayram added"
run holiday add 2028-02-26 "x"; expect_rc 1 "twice refused"; expect_err "26.02.2028" "names the day"
run holiday add 31.02.2028 "x"; expect_rc 1 "bad date"
run holiday add 2028-03-01 ""; expect_rc 1 "name required"
run holiday list --year 2028
expect_out "25.02.2028	yarım gün	girilen	Ramazan Bayramı arifesi" "both kinds: entered"
expect_out "19.05.2028	tam gün	sabit" "both kinds: fixed"
case "$ERR" in *"dinî bayram"*) bad "no warning once entered";; *) ok;; esac
run holiday remove 01.05.2028; expect_rc 1 "fixed cannot be removed"; expect_err "silinemez" "says so"
run holiday remove 2028-02-26; expect_rc 0 "remove"
run holiday remove 2028-02-26; expect_rc 1 "not there"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE tbl='holiday'")
[ "$n" -eq 3 ] && ok || bad "holiday changes audited ($n)"
run holiday remove 25.02.2028; expect_rc 0 "2028 empty again"

# ---- home care: May 2028 ------------------------------------------------------
P=$(sqlite3 "$HANE_DB" "SELECT id FROM person WHERE tckn='$T2'")
"$HANE" homecare client add "$P" --services bakım --start 01.01.2028 >/dev/null
"$HANE" homecare worker add "Zeynep Kara" --services bakım --days 12345 >/dev/null
"$HANE" homecare plan add 1 --service bakım --period haftalık --visits 2 --days pzt,cum --window 09:00-12:00 --duration 60 --worker 1 --from 2028-01-01 >/dev/null
run homecare schedule --from 01.05.2028 --to 31.05.2028
expect_rc 0 "May 2028 is scheduled"
expect_err "2028 yılının dinî bayramları" "with a warning about 2028"
expect_out "ziyaret oluşturuldu" "visits made"
run homecare visit list --from 2028-05-01 --to 2028-05-31
expect_no_out "01.05.2028" "not on 1 Mayıs"
expect_no_out "19.05.2028" "not on 19 Mayıs"
expect_out "02.05.2028" "1 May's visit moved to the next day"
expect_out "18.05.2028" "19 May's visit moved to the day before"
n=$(printf '%s\n' "$OUT" | grep -c "2028")
[ "$n" -eq 9 ] && ok || bad "two visits a week, nine in May ($n)"

# ---- taxi booking warns when the next 120 days reach such a year --------------
export HANE_NOW="2027-10-01 10:00:00"
"$HANE" household edit 1 --person 1 --disability 80 >/dev/null 2>&1
"$HANE" taxi driver add "Kemal Sürücü" >/dev/null
"$HANE" taxi vehicle add 41abc123 --wheelchair 1 --seats 3 --driver 1 >/dev/null
R=$(sqlite3 "$HANE_DB" "SELECT id FROM person WHERE tckn='$T1'")
"$HANE" household edit "$(sqlite3 "$HANE_DB" "SELECT household_id FROM person WHERE id=$R")" --person "$R" --disability 80 >/dev/null 2>&1
run taxi rider add "$R"; expect_rc 0 "rider"
run taxi book 1 --day 05.10.2027 --time 09:00 --to devlet
expect_rc 0 "booking goes through"; expect_err "2028 yılının dinî bayramları" "and says 2028's are missing"
export HANE_NOW="2026-06-15 10:00:00"
run taxi book 1 --day 17.06.2026 --time 09:00 --to devlet
expect_rc 0 "booking in 2026"; case "$ERR" in *"dinî bayram"*) bad "no warning when entered";; *) ok;; esac

finish
