#!/usr/bin/env bash
# hane inspection: the request → assign → visit → decide → close flow from
# the command line, its rules (duplicates, due dates, overdue, permissions,
# renewal), the CSV import of a referral list and the unit's reports.
. "$(dirname "$0")/lib.sh"
D="$HANE_SOURCE_DIR/tests/data/inspection"
T1=90000000100 # checksum-valid, synthetic
T2=90000000278
T3=90000000346

run inspection --help; expect_rc 0 "--help"; expect_out "hane inspection request" "usage"
expect_out "food (gıda)" "reasons listed"; expect_out "cinar (Çınar Çocuk Evleri)" "channels listed"
run --lang en inspection --help; expect_out "Reasons:" "English help"
run --help; expect_out "inspection" "listed in hane --help"

"$HANE" init >/dev/null 2>&1 || { echo "init failed"; exit 1; }
"$HANE" staff add mehmet --name "Mehmet Demir" --role caseworker --unit inspection >/dev/null
"$HANE" staff add selin --name "Selin Kurt" --role supervisor --unit inspection >/dev/null
"$HANE" staff add zeynep --name "Zeynep Ak" --role caseworker --unit foodbank >/dev/null
"$HANE" staff add rapor --name "Rapor Okur" --role reporter >/dev/null
"$HANE" household add --tckn $T1 --first Şükrü --last Yılmaz --mahalle gundogdu \
	--street "Atatürk Cd." --building 12 --door 3 >/dev/null
"$HANE" household add --tckn $T2 --first Ayşe --last Kaya --mahalle serdar >/dev/null
"$HANE" household add --tckn $T3 --first Can --last Ak --mahalle cedit >/dev/null

# ---- request ----
run inspection request --household 1 --reason gıda --urgency acil --text "Çocuklu aile"
expect_rc 0 "request"; expect_out "Başvuru #1" "new id"; expect_out "16.06.2026" "urgent: due next day"
run inspection request --tckn $T2 --reason yakacak --date 10.06.2026
expect_rc 0 "request by TC Kimlik No"; expect_out "hane #2" "household of the person"; expect_out "25.06.2026" "normal: 15 days"
run inspection request --household 1 --reason food
expect_rc 1 "duplicate open request"; expect_err "açık başvuru var: #1" "names the open request"
run inspection request --household 1 --reason altın
expect_rc 1 "unknown reason"; expect_err "kira/barınma" "lists the reasons"
run inspection request --household 3 --reason kira --channel yönlendirme
expect_rc 1 "referral needs a referrer"; expect_err "Yönlendiren" "names the field"
run inspection request --household 3 --reason kira --date 16.06.2026
expect_rc 1 "future date"; expect_err "gelecekte" "says so"
run inspection request --household 99 --reason kira
expect_rc 1 "unknown household"; expect_err "#99" "names it"
run inspection request --reason kira
expect_rc 2 "household required"
run --user zeynep inspection request --household 3 --reason kira
expect_rc 1 "food-bank staff may not register requests"; expect_err "inspection.write" "names the permission"

# ---- assign and queues ----
run inspection assign 1 --inspector zeynep
expect_rc 1 "only inspection staff"; expect_err "inceleme birimi" "says why"
run inspection assign 1 --inspector mehmet
expect_rc 0 "assign"; expect_out "Mehmet Demir" "names the inspector"
run --user mehmet inspection list --mine
expect_rc 0 "my queue"; expect_out "#1" "mine"; expect_no_out "#2" "not someone else's"
run inspection list --unassigned
expect_out "#2" "unassigned"; expect_no_out "#1	" "assigned one not listed"
run inspection list --overdue; expect_out "Kayıt yok" "nothing overdue yet"
HANE_NOW="2026-06-17 09:00:00" run inspection list --overdue
expect_out "#1" "urgent one overdue"; expect_out "gecikmiş" "flagged"; expect_no_out "#2" "normal one not yet"
run inspection list --sort mahalle
[ "$(printf '%s\n' "$OUT" | head -1 | cut -f1)" = "#1" ] && ok || bad "Gündoğdu before Serdar"
run --user rapor inspection list; expect_rc 0 "reporter may read"

# ---- visit ----
run inspection visit 2 --recommend tek
expect_rc 1 "visit needs an assignment"; expect_err "atandı" "names the needed status"
run inspection visit 1 --recommend düzenli --tenure "ev sahibi" --rent 5000
expect_rc 1 "rent for an owner refused"
run inspection visit 1 --recommend düzenli --tenure kiracı --rent 5000 --rooms 3 \
	--heating soba --income "8.250,50" --expenses 12000 --present "hane reisi ve eşi" \
	--findings "Ev bakımsız" --date 15.06.2026
expect_rc 0 "visit"; expect_out "aylık kira bedeli 5.000,00 TL" "note from the template"
expect_out "Gündoğdu Mahallesi, Atatürk Cd. No:12 D:3" "address in the note"
run inspection note 1; expect_rc 0 "note"; expect_out "ısınma soba ile" "template again"
run inspection list --overdue; expect_no_out "#1" "visited: no longer overdue"

# ---- decide ----
run --user mehmet inspection decide 1 --outcome ret --reason "Geliri yeterli"
expect_rc 1 "caseworker may not decide"; expect_err "inspection.decide" "names the permission"
run --user selin inspection decide 1 --outcome yardım --type tek --kind nakdi --reason x
expect_rc 1 "cash needs an amount"; expect_err "Nakdi" "says so"
run --user selin inspection decide 1 --outcome yardım --type düzenli --kind nakdi \
	--amount 3000 --start 01.06.2026 --end 31.07.2026 --frequency aylık --reason "Gelir yetersiz"
expect_rc 0 "decide"; expect_out "düzenli, nakdi" "summary"
run inspection show 1
expect_rc 0 "show"; expect_out "karar verildi" "status"; expect_out "3.000,00 TL" "amount"
expect_out "01.06.2026 – 31.07.2026" "period"; expect_out "Selin Kurt" "decided by"
expect_out "Sosyal inceleme notu" "note shown"
run inspection aid; expect_out "#1" "regular aid listed"; expect_out "46 gün kaldı" "days left"
HANE_NOW="2026-07-10 09:00:00" run inspection aid; expect_out "yenileme zamanı" "renewal due within 30 days"
run inspection renew 2; expect_rc 1 "no regular aid to renew"
HANE_NOW="2026-07-10 09:00:00" run inspection renew 1
expect_rc 0 "renew"; expect_out "Başvuru #3" "new request"; expect_out "25.07.2026" "due before the aid ends"
HANE_NOW="2026-07-10 09:00:00" run inspection renew 1; expect_rc 1 "renew once"
run inspection close 1; expect_rc 0 "close"; expect_out "kapatıldı" "closed"
run inspection close 1; expect_rc 1 "close twice"

# ---- cancel ----
run inspection cancel 2; expect_rc 2 "cancel needs a reason"
run inspection cancel 2 --reason "Başvurudan vazgeçti"; expect_rc 0 "cancel"
run inspection list --household 2; expect_out "iptal" "history shows cancelled"
run inspection request --household 2 --reason yakacak; expect_rc 0 "after cancel, a new request"

# ---- settings ----
run --user mehmet inspection settings --urgent-days 2; expect_rc 1 "caseworker may not change settings"
run --user selin inspection settings --urgent-days 2 --normal-days 10
expect_rc 0 "settings"; expect_out "Acil: 2 gün, normal: 10 gün" "saved"
run inspection settings --renewal-days 400; expect_rc 1 "out of range"
run inspection request --household 3 --reason kira --urgency acil
expect_out "17.06.2026" "new urgent due from settings"

# ---- import ----
run inspection import "$D/referrals.csv" --dry-run
expect_rc 3 "dry run with rejects"; expect_out "Deneme" "says dry run"
run inspection list --household 3; expect_no_out "gıda" "dry run wrote nothing"
run inspection import "$D/referrals.csv" --rejects "$T/rej.csv"
expect_rc 3 "import with rejected rows"; expect_out "6 satır okundu: 2 başvuru kaydedildi, 4 satır reddedildi" "counts"
expect_out "satır 4: Hane #3 için aynı nedenle" "duplicate earlier in the file"
expect_out "satır 5: TC Kimlik No 90000000414" "unknown person"
expect_out "satır 6: Başvuru Nedeni" "bad reason"
expect_out "satır 7: Hane #2 için aynı nedenle (yakacak)" "duplicate of an open request"
run inspection show 6; expect_out "yönlendirme" "referral channel"; expect_out "Kızılay İzmit" "referrer"; expect_out "12.06.2026" "urgent: 2 days (settings)"; expect_out "gecikmiş" "already overdue"
[ "$(wc -l < "$T/rej.csv")" -eq 5 ] && ok || bad "rejects file: header + 4 rows"
grep -q "Red nedeni" "$T/rej.csv" && ok || bad "rejects reason column"
run inspection import "$T/nothing.csv"; expect_rc 1 "missing file"

# ---- reports ----
run report inspection-monthly --month 2026-06 --csv
expect_rc 0 "monthly report"; expect_out "Gündoğdu,1,1,1,0,1,0,1,0" "Gündoğdu row"
run report aid-active --on 15.06.2026 --csv
expect_rc 0 "aid report"; expect_out "Şükrü Yılmaz,Gündoğdu,nakdi,3000.00,aylık,3000.00,2026-06-01,2026-07-31,46,#3" "aid row"

finish
