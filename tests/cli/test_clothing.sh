#!/usr/bin/env bash
# hane clothing (Dost Eller): per-command help from the option tables,
# eligibility (a food bank referral, a clothing referral), an issue, the
# limit per category that explains itself, the supervisor's override,
# donations and stock, lists, administrator settings, roles.
. "$(dirname "$0")/lib.sh"

run init; expect_rc 0 "init"
run household add --tckn 10000000146 --first Şükrü --last Yılmaz --mahalle gundogdu
expect_out "Hane #1" "household 1"
run household add --household 1 --first Elif --last Yılmaz --relation çocuk
run household add --first Fatma --last Kurt; expect_out "Hane #2" "household 2"

run clothing --help; expect_rc 0 "help"; expect_out "hane clothing issue" "help lists issue"
expect_out "SATIR" "the notes say what a line is"
run --lang en clothing --help; expect_out "Usage:" "English help"; expect_out "LINE" "English notes"
run --help; expect_out "clothing" "main help lists clothing"
run clothing frobnicate; expect_rc 2 "unknown subcommand"
run clothing issue --help; expect_rc 0 "issue --help"
expect_out "Kullanım: hane clothing issue KİŞİ" "issue's usage"
expect_out "--override" "its options from the issue's fields"; expect_out "--line" "and its lines"
expect_no_out "hane clothing donate" "not the whole unit"
run clothing donate --help; expect_out "--donor" "donate's options"; expect_no_out "--override" "no issue option"
run clothing issue 2 --line çocuk:1 --date 31.02.2026
expect_rc 2 "a bad date refused"; expect_err "--date" "naming the option"
run clothing issue 2; expect_rc 2 "lines required"

# Categories and the period, seeded by the migration.
run clothing list categories; expect_rc 0 "categories"
for c in "Yetişkin giyim" "Çocuk giyim" "Bebek ürünleri" "Ayakkabı"; do expect_out "$c" "category $c"; done
expect_out "dönemde 4 adet" "child limit"; expect_out "Dönem: 6 ay" "period"

# Not eligible: refused as a rule, with what would make it eligible.
run clothing issue 2 --line çocuk:2:8
expect_rc 1 "no referral: refused"; expect_err "giyim alamaz" "says why"
expect_err "hane clothing refer" "says how"
run clothing check 2; expect_out "Uygun değil" "check says not eligible"

# Eligible through the food bank's referral, or a clothing referral.
run foodbank refer 1 --reason "ASDEP"; expect_rc 0 "food bank referral"
run clothing check 2; expect_out "Uygun: gıda bankası yönlendirmesi" "food bank referral counts"
run clothing refer 2 --reason "Muhtar yönlendirmesi"; expect_rc 0 "clothing referral"
expect_out "Giyim yönlendirmesi #1" "referral id"
run clothing refer 2; expect_rc 1 "reason required"; expect_err "Gerekçe: boş bırakılamaz" "names the field"

# Donations and stock.
run clothing donate --line çocuk:20 --line ayakkabı:5 --donor "Kardeşler Tekstil (örnek)"
expect_rc 0 "donate"; expect_out "Bağış #1" "donation id"; expect_out "Çocuk giyim 20" "what came"
run clothing donate --line şapka:2; expect_rc 1 "unknown category"; expect_err "Ayakkabı" "lists the categories"
run clothing donate --line çocuk:1 --date 16.06.2026; expect_rc 1 "future refused"; expect_err "ileri bir tarih" "says why"

# The person by TC Kimlik No or number; an issue, then the limit.
run clothing issue 10000000146 --line "çocuk:3:8 yaş" --line ayakkabı:1:32
expect_rc 0 "issue"; expect_out "Teslim #1" "issue id"; expect_out "Şükrü Yılmaz" "the person"
expect_out "Çocuk giyim 3 (8 yaş)" "the line with its size"
run clothing issue 1 --line çocuk:2:9
expect_rc 1 "limit refuses"
expect_err "Çocuk giyim: bu dönem 3/4 adet verildi, 2 daha istendi; sonraki dönem 01.09.2026" "explains with the numbers"
expect_err "--override" "hints the override"
run clothing check 1 --line çocuk:2; expect_rc 1 "check refuses too"; expect_out "Sınır: Çocuk giyim bu dönem 3/4" "check shows the limit"
run clothing check 1 --line çocuk:1; expect_rc 0 "one more fits"; expect_out "Verilebilir" "allowed"

# Roles: the caseworker may not override, the supervisor may, audited.
run staff add dost.cw --name "Dost Eller Personeli" --role caseworker --unit clothing; expect_rc 0 "caseworker"
run staff add dost.sup --name "Dost Eller Amiri" --role supervisor --unit clothing; expect_rc 0 "supervisor"
run staff add gida.cw --name "Gıda Personeli" --role caseworker --unit foodbank; expect_rc 0 "other unit"
run --user dost.cw clothing issue 1 --line çocuk:2 --override "Yangın"
expect_rc 1 "caseworker cannot override"; expect_err "clothing.override" "names the permission"
run --user gida.cw clothing issue 3 --line yetişkin:1; expect_rc 1 "another unit's caseworker cannot issue"
run --user dost.cw clothing issue 3 --line yetişkin:1:M; expect_rc 0 "caseworker issues"
run --user dost.sup clothing issue 1 --line çocuk:2:9 --override "Ev yangını, amir onayı"
expect_rc 0 "supervisor overrides"; expect_out "Sınır: Çocuk giyim bu dönem 3/4" "says which limit it passed"
run audit --action clothing.override; expect_out "clothing_issue" "override audited"

run clothing stock; expect_rc 0 "stock"
expect_out "Çocuk giyim	20	5	15" "in − out"; expect_out "Ayakkabı	5	1	4" "shoes"
expect_out "Yetişkin giyim	0	1	-1" "issued without donations entered"
run clothing list; expect_rc 0 "issues"; expect_out "#1 Şükrü Yılmaz" "listed"; expect_out "amir onayı: Ev yangını" "override shown to the unit"
run --user gida.cw clothing list; expect_rc 1 "another unit's caseworker may not read"
run clothing list issues --person 3; expect_out "Fatma Kurt" "by person"; expect_no_out "Şükrü" "only hers"
run clothing list donations; expect_out "Kardeşler Tekstil (örnek)" "donor shown to the administrator"

# Administrator settings.
run --user dost.cw clothing limit çocuk 6; expect_rc 1 "caseworker cannot change limits"
run --user dost.sup clothing limit çocuk 6; expect_rc 0 "supervisor changes a limit"; expect_out "dönemde 6 adet" "new limit"
run clothing limit çocuk 1000; expect_rc 1 "limit bounded"
run clothing category okul_cantasi --name "Okul çantası" --name-en "School bag" --limit 1
expect_rc 0 "category added"; expect_out "okul_cantasi" "code"
run clothing category okul2 --name "okul çantası"; expect_rc 1 "name taken"
run clothing donate --line okul:3; expect_rc 0 "the new category is a line"
run clothing period 3; expect_rc 0 "period"; expect_out "Dönem: 3 ay" "period shown"
run clothing period 5; expect_rc 1 "period refused"; expect_err "1, 2, 3, 4, 6" "says which"

run --lang en clothing issue 1 --line child:9
expect_rc 1 "English limit"; expect_err "Child clothing: 5/6 pieces given this period, 9 more asked" "English explains"
finish
