#!/usr/bin/env bash
# hane foodbank: donations, market supplies, eligibility, the frequency
# limit and the supervisor's override, stock, lists, administrator
# settings, roles, CSV imports.
. "$(dirname "$0")/lib.sh"
D="$HANE_SOURCE_DIR/tests/data/foodbank"

run init; expect_rc 0 "init"
run household add --tckn 10000000146 --first Şükrü --last Yılmaz --mahalle gundogdu
expect_out "Hane #1" "household 1"
run household add --household 1 --first Ayşe --last Yılmaz --relation eşi
run household add --household 1 --first Can --last Yılmaz --relation çocuk
run household add --first Fatma --last Kurt; expect_out "Hane #2" "household 2"

run foodbank --help; expect_rc 0 "help"; expect_out "hane foodbank distribute" "help lists distribute"
run --lang en foodbank --help; expect_out "Usage:" "English help"
run --help; expect_out "foodbank" "main help lists foodbank"
run foodbank; expect_rc 2 "subcommand needed"
run foodbank frobnicate; expect_rc 2 "unknown subcommand"
# Each command's --help is its own, from its option table (#18).
run foodbank distribute --help; expect_rc 0 "distribute --help"
expect_out "Kullanım: hane foodbank distribute HANE_NO" "distribute's usage"
expect_out "--override" "its options"; expect_no_out "hane foodbank donate" "not the whole unit"
run foodbank donate --help; expect_out "--donor-person" "donate's options from the donation's fields"
expect_no_out "--override" "no distribution option"
# Values are typed by the field: a date, an amount, a number.
run foodbank donate --branch izmit --item kuru:5 --date 31.02.2026
expect_rc 2 "a bad date refused"; expect_err "--date" "naming the option"
run foodbank donate --branch izmit --item kuru:5 --value beş
expect_rc 2 "a bad amount refused"; expect_err "--value" "naming the option"
run foodbank list --household x; expect_rc 2 "a household is a number"; expect_err "--household" "naming it"
run foodbank refer 1 --frobnicate x; expect_rc 2 "an option refer does not take"; expect_err "--frobnicate" "named"

# Reference data seeded by the migration.
run foodbank list branches; expect_rc 0 "branches"
for b in İzmit Outlet Dolphin Karamürsel Başiskele Gölcük; do expect_out "$b" "branch $b"; done
expect_out "Pzt, Çar, Cum" "collection days shown"
run foodbank list markets; expect_out "Market 7 (örnek)" "seven synthetic markets"
run foodbank list packages; expect_out "30 günde bir" "standard limit"

# Donations: 2026-06-15 is a Monday (İzmit collects), the 16th a Tuesday.
run foodbank donate --branch izmit --item kuru:30:kg --item "yağ:10:lt" --item konserve:40 \
	--value "2.500,00" --donor "Firma (örnek)"
expect_rc 0 "donate"; expect_out "Bağış #1" "donation id"; expect_out "2.500,00 TL" "value"
run foodbank donate --branch izmit --item kuru:5 --date 13.06.2026
expect_rc 0 "off-day donation accepted"; expect_err "toplamaz" "warned about the day"
run foodbank donate --branch izmit --item kuru:5 --date 16.06.2026
expect_rc 1 "future date refused"; expect_err "ileri bir tarih" "says why"
run foodbank donate --branch izmit --item altın:5
expect_rc 1 "unknown category"; expect_err "altın" "names it"
run foodbank donate --branch atlantis --item kuru:5
expect_rc 1 "unknown branch"; expect_err "Gölcük" "lists the branches"
run foodbank donate --branch izmit; expect_rc 2 "items required"
run foodbank list donations; expect_out "Firma (örnek)" "donation listed"; expect_out "toplama günü dışı" "off day marked"

# Market supply.
run foodbank supply --market "Market 1" --branch gölcük --category sebze --qty 120 --value 4500
expect_rc 0 "supply"; expect_out "Sebze 120 kg" "what came"
run foodbank supply --market "Market 1" --branch gölcük --category kuru --qty 1
expect_rc 1 "markets give fresh produce"; expect_err "Şarküteri" "says which"
run foodbank list ledger; expect_out "sebze 120 kg" "weekly ledger"; expect_out "Market 7 (örnek)" "all markets in the ledger"

# Eligibility: nothing without a referral or an approved decision.
run foodbank distribute 1 --branch izmit
expect_rc 1 "no referral, no food"; expect_err "yönlendirme yok" "says why"
expect_err "(yönlendirme kaydı: hane foodbank refer HANE_NO --reason" "and the command that records a referral"
run foodbank check 1; expect_out "Uygun değil" "check says not eligible"
run foodbank refer 1; expect_rc 2 "manual referral needs a reason"
run foodbank refer 1 --reason "Muhtar yazısı"; expect_rc 0 "refer"; expect_out "Yönlendirme #1" "referral id"
run foodbank refer 2 --decision 314 --until 31.12.2026; expect_rc 0 "referral from a decision"
run foodbank list referrals; expect_out "inceleme kararı #314" "decision referral listed"; expect_out "Muhtar yazısı" "reason listed"
run foodbank check 1; expect_out "Uygun: elle yönlendirme #1" "eligible now"; expect_out "Son ziyaret: yok" "no visit yet"

# The package scaled by household size (3 persons: 5 + 2×3 kg).
run foodbank distribute 1 --branch izmit
expect_rc 0 "distribute"; expect_out "Dağıtım #1" "distribution id"; expect_out "3 kişi" "household size"
expect_out "Kuru gıda 11 kg" "scaled contents"
run foodbank check 1; expect_out "Son ziyaret: 15.06.2026 (Standart paket)" "last visit shown"

# Frequency limit: blocked, names the rule and the last package.
run foodbank distribute 1 --branch izmit
expect_rc 1 "second package blocked"; expect_err "30 günde bir" "names the rule"
expect_err "15.06.2026" "says when the last was"; expect_err "--override" "hints at the override"
run foodbank check 1 --branch izmit --package standart; expect_rc 1 "check runs the rules"
run foodbank distribute 1 --branch izmit --package fresh; expect_rc 0 "another type is fine"

# Roles: a food bank caseworker cannot override, its supervisor can.
run staff add fb.cw --name "Gıda Personeli" --role caseworker --unit foodbank; expect_rc 0 "caseworker"
run staff add fb.sup --name "Gıda Amiri" --role supervisor --unit foodbank; expect_rc 0 "supervisor"
run --user fb.cw foodbank distribute 1 --branch izmit --override "Acil"
expect_rc 1 "caseworker cannot override"; expect_err "foodbank.override" "names the permission"
run --user fb.cw foodbank distribute 2 --branch izmit; expect_rc 0 "caseworker distributes"
run --user fb.sup foodbank distribute 1 --branch izmit --override ""
expect_rc 2 "override needs a reason"
run --user fb.sup foodbank distribute 1 --branch izmit --override "Ev yangını, amir onayı"
expect_rc 0 "supervisor overrides"; expect_out "amir onayıyla aşıldı" "says so"; expect_out "#1" "names the last package"
run foodbank list distributions --household 1; expect_out "amir onayı: Ev yangını" "override shown in the list"
run --user fb.cw foodbank days izmit "pzt"; expect_rc 1 "caseworker cannot change days"

# Stock: in minus out per branch and category.
run foodbank stock --branch izmit; expect_rc 0 "stock"
expect_out "Kuru gıda	kg	35	" "dry food in"
run foodbank stock; expect_out "Gölcük	Sebze	kg	120	0	120" "market supply in stock"

# Follow-up list.
run foodbank list unserved --days 0; expect_out "Şükrü Yılmaz" "unserved list"
run foodbank list unserved --days 30; expect_no_out "Şükrü Yılmaz" "served within 30 days"

# Administrator settings.
run foodbank days gölcük "sal per cmt"; expect_rc 0 "days"; expect_out "Sal, Per, Cmt" "days set"
run foodbank days gölcük "bayram"; expect_rc 1 "bad day"
run foodbank limit fresh 14; expect_rc 0 "limit"; expect_out "14 günde bir" "limit set"
run foodbank limit fresh x; expect_rc 2 "limit needs a number"

# CSV imports.
run foodbank import supply "$D/supply.csv" --rejects "$T/supply-rejects.csv"
expect_rc 3 "supply import with rejects"; expect_out "6 satır okundu, 3 kaydedildi, 3 reddedildi" "counts"
expect_out "Market 9" "unknown market rejected"
[ -s "$T/supply-rejects.csv" ] && ok || bad "rejects file written"
grep -q "Market 9" "$T/supply-rejects.csv" && ok || bad "rejects file holds the row"
run foodbank list supplies --market "Market 3"; expect_out "Şarküteri 40 adet" "imported supply listed"
run foodbank import donations "$D/donations.csv" --dry-run --branch izmit
expect_out "3 kaydedildi" "dry run counts"; expect_out "Deneme" "dry run says so"
run foodbank list donations --branch gölcük; expect_no_out "Giyim" "dry run wrote nothing"
run foodbank import donations "$D/donations.csv"
expect_rc 3 "without a default branch the empty one is rejected"; expect_out "2 kaydedildi" "two written"
run foodbank import supply "$D/donations.csv"
expect_rc 1 "a donation list is not a supply sheet"; expect_err "Market" "names the missing column"
run foodbank import nothing x.csv; expect_rc 2 "import what"

# Reports.
run report foodbank-monthly --month 2026-06 2>/dev/null; expect_rc 0 "monthly report"
expect_out "Hizmet verilen hane" "monthly report rows"
run report foodbank-weekly-markets --week 15.06.2026 2>/dev/null; expect_rc 0 "weekly markets report"
expect_out "Market 1 (örnek)" "weekly report rows"

finish
