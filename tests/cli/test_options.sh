#!/bin/sh
# Options (#18): global options match exactly; every command's --help
# comes from its option table and lists only options its parser takes.
. "$(dirname "$0")/lib.sh"
# Options that write files (--output=x) write them here, not in the
# source tree.
cd "$T"

run init
expect_rc 0 "init"

# ---- Global options: exact names only -------------------------------------
run --dbx="$T/other.db" check
expect_rc 2 "--dbx=F is refused"
expect_err "'--dbx=$T/other.db'" "the refusal names the option"
expect_err "--db, --lang, --user" "and lists the global options"
expect_err "hane --help" "and points at hane --help"
[ ! -e "$T/other.db" ] && ok || bad "--dbx=F must not create F"

run --language=en check
expect_rc 2 "--language=en is refused"
expect_err "'--language=en'" "the refusal names --language"
expect_no_out "OK" "nothing ran"

run --dbx "$T/other.db" check
expect_rc 2 "--dbx F is refused"
run --lan en --help
expect_rc 2 "--lan (a prefix of --lang) is refused"
run --helpx
expect_rc 2 "--helpx is refused"

run --lang=en --help
expect_rc 0 "--lang=en --help"
expect_out "Commands:" "--lang=en sets the language"
run --lang en --help
expect_out "Commands:" "--lang en sets the language"
run --db="$HANE_DB" check
expect_rc 0 "--db=F opens F"
run --db "$HANE_DB" check
expect_rc 0 "--db F opens F"
run --db
expect_rc 2 "--db without a value"
expect_err "'--db' bir değer ister" "names the option missing its value"

# ---- Every command's --help, from its option table ------------------------
# Each unit in commands.def: --help exits 0 and lists options. A unit of
# subcommands printed from its tables ("hane U KOMUT --help" at the end)
# is walked: each subcommand's --help exits 0 and names it, and every
# option it lists is taken by that subcommand's parser (a bad value may be
# refused, an unknown option never) — help and parser cannot drift.
units=$(sed -n 's/^HANE_\(CMD\|UNIT\)(\([a-z_]*\),.*/\2/p' "$HANE_SOURCE_DIR/src/cli/commands.def")
[ -n "$units" ] && ok || bad "commands.def lists the units"
walked=0
for u in $units; do
	run "$u" --help
	expect_rc 0 "hane $u --help"
	expect_out " $u" "hane $u --help shows its usage"
	case "$OUT" in
	"Kullanım: hane $u"*"Seçenekler:"*)
		# One command: the options its own help lists.
		opts=$(printf '%s\n' "$OUT" | sed -n 's/^  --\([a-z-]*\)\( [^ ]*\)\{0,1\} .*/\1 \2/p' | awk '{print $1 (NF > 1 ? "=x" : "")}')
		for o in $opts; do
			run "$u" "--$o"
			[ "$RC" -lt 128 ] && ok || bad "hane $u --$o crashed"
			expect_no_err "bilinmeyen seçenek" "hane $u --$o: listed, so taken"
			walked=$((walked + 1))
		done
		continue ;;
	*"hane $u KOMUT --help"*) ;;
	*) continue ;;
	esac
	subs=$(printf '%s\n' "$OUT" | sed -n "s/^  hane $u \([a-z-]*\).*/\1/p")
	for c in $subs; do
		run "$u" "$c" --help
		expect_rc 0 "hane $u $c --help"
		expect_out "Kullanım: hane $u $c" "hane $u $c --help shows its usage"
		opts=$(printf '%s\n' "$OUT" | sed -n 's/^  --\([a-z-]*\)\( [^ ]*\)\{0,1\} .*/\1 \2/p' | awk '{print $1 (NF > 1 ? "=x" : "")}')
		for o in $opts; do
			run "$u" "$c" "--$o"
			[ "$RC" -lt 128 ] && ok || bad "hane $u $c --$o crashed"
			expect_no_err "bilinmeyen seçenek" "hane $u $c --$o: listed, so taken"
			walked=$((walked + 1))
			# Under sanitizers each parser runs once (the plain
			# build checks every option against its help).
			[ -n "${HANE_OPTIONS_FIRST:-}" ] && break
		done
	done
done
echo "walked $walked options"
if [ -n "${HANE_OPTIONS_FIRST:-}" ]; then
	[ "$walked" -ge 40 ] && ok || bad "walked each subcommand's first option ($walked)"
else
	[ "$walked" -ge 80 ] && ok || bad "walked every listed option ($walked)"
fi

# hane --help names each unit's subcommands from the unit's own table: the
# list is what "hane U --help" prints (staff's passwd, lock …; taxi's
# vehicle, driver … were missing from a hand-written list), in order, and
# every line fits an 80-column terminal in both languages.
for lang in tr en; do
	run --lang "$lang" --help
	top=$OUT
	long=$(printf '%s\n' "$top" | python3 -c 'import sys; print(*[l for l in sys.stdin.read().split("\n") if len(l) > 80], sep="\n")')
	[ -z "$long" ] && ok || bad "hane --lang $lang --help: lines over 80 columns: $long"
	for u in $units; do
		run --lang "$lang" "$u" --help
		want=$(printf '%s\n' "$OUT" | sed -n "s/^  hane $u \([a-z-]*\).*/\1/p" | awk '!seen[$0]++' | paste -sd, - | sed 's/,/, /g')
		[ -n "$want" ] || continue
		# The unit's line and its folded continuation lines, joined.
		got=$(printf '%s\n' "$top" | awk -v u="$u" '
			index($0, "  " u " ") == 1 && !on { on = 1; line = $0; next }
			on && /^             [^ ]/ { sub(/^ +/, " "); line = line $0; next }
			on { exit }
			END { print line }' | sed 's/.*: //')
		[ "$got" = "$want" ] && ok || bad "hane --lang $lang --help: $u lists '$got', its --help '$want'"
	done
done

# hane taxi book --help: book's options only, not the whole unit.
run taxi book --help
expect_rc 0 "taxi book --help"
expect_out "--return-vehicle PLAKA" "book's options"
expect_out "(gerekli)" "required options are marked"
expect_no_out "--wheelchair" "not the vehicle's options"
expect_no_out "hane taxi rider" "not the unit's usage"
run --lang en taxi book --help
expect_out "Usage: hane taxi book RIDER --day DAY" "in English"
run taxi book 1 --wheelchair 1
expect_rc 2 "an option of another subcommand is refused"
expect_err "bilinmeyen seçenek '--wheelchair'" "naming it"

# vehicle and driver take their options from the records' field tables
# (hane/taxi.h): option, type and label once.
run taxi vehicle --help
expect_out "--wheelchair N" "a field's option, its value named by type"
expect_out "Tekerlekli sandalye" "and the field's label as its help"
expect_out "--service evet|hayır" "a yes/no field"
expect_no_out "--plate" "a field without an option is no option"
run --lang en taxi driver --help
expect_out "--phone PHONE" "English value name"; expect_out "Full name" "English label"
run taxi vehicle add "41 ZZ 100" --wheelchair 2 --seats 3 --service hayır --notes "Rampa"
expect_rc 0 "vehicle from field options"
run taxi vehicle edit "41 ZZ 100" --seats 4
expect_rc 0 "edit one field"
run taxi vehicle list
expect_out "41 ZZ 100	♿2	koltuk 4" "only the given field changed"
expect_out "hizmet dışı" "in service stayed as it was"

# The shared parser: a missing value, a bad value by type, a switch
# given a value, a missing required option — each naming the option.
run taxi book 1 --day
expect_rc 2 "missing value"; expect_err "'--day' bir değer ister" "names it"
run taxi book 1 --day 31.02.2026 --time 10:00 --to x
expect_rc 2 "bad date"; expect_err "--day: 31.02.2026 bir tarih değil" "says which and what"
run taxi vehicle add "41 AB 12" --seats dört
expect_rc 2 "bad number"; expect_err "--seats: 'dört' bir tam sayı değil" "says so"
run taxi vehicle add "41 AB 12" --service belki
expect_rc 2 "bad yes/no"; expect_err "--service: 'belki' evet ya da hayır olmalı" "says so"
run taxi driver add "Ali Veli" --phone 12
expect_rc 2 "bad phone"; expect_err "--phone:" "names the option"
run taxi rider add --tckn 12345678901
expect_rc 2 "bad TC Kimlik No"; expect_err "--tckn:" "names the option"
run taxi list --driver 0
expect_rc 2 "not list's option"
run taxi assign 1 --driver -1
expect_rc 2 "a record number is not negative"; expect_err "--driver: '-1' bir kayıt numarası değil" "says so"
run taxi import x.csv --dry-run=yes
expect_rc 2 "a switch takes no value"; expect_err "'--dry-run' değer almaz" "says so"
run taxi book 1 --day 17.06.2026 --to x
expect_rc 2 "required option"; expect_err "eksik argüman: --time" "names it"
run --lang en taxi book 1 --day 17.06.2026 --to x
expect_err "missing argument: --time" "in English"

# ---- Positional arguments counted by the command table ----------------------
# The missing ones are named by the usage's own words (in the language
# chosen), and nothing is opened before the count is right.
run mahalle alias Kozluk
expect_rc 2 "mahalle alias with one name"
expect_err "DİĞER_AD AD" "the refusal names the arguments as the usage does"
run --lang en holiday add
expect_rc 2 "holiday add with no day"
expect_err 'DAY "NAME"' "in English, the English usage's words"
run --db "$T/none.db" holiday remove 01.01.2026 extra
expect_rc 2 "holiday remove with two arguments"
expect_err "'extra'" "the refusal names the extra argument"
[ ! -e "$T/none.db" ] && ok || bad "a refused count must not create the database"
run overview dashboard extra
expect_rc 2 "overview dashboard takes no argument"
run annual --xlsx
expect_rc 2 "annual --xlsx without a file"
expect_err ".xlsx" "says a workbook needs a file"
run overview household 1 --xlsx
expect_rc 2 "overview household --xlsx without a file"
expect_err ".xlsx" "says a workbook needs a file"

# ---- household, staff and init from their tables (#18) ---------------------
# A person's and a household's options come from their field tables, named
# by type and labelled as the table says; the one --phone sets both.
run household add --help
expect_rc 0 "household add --help"
expect_out "--chronic METİN" "a person's field from the person table"
expect_out "Kronik Hastalık" "labelled from the table"
expect_out "--income TUTAR" "a household's field, by its type"
[ "$(printf '%s\n' "$OUT" | grep -c -- '--phone ')" -eq 1 ] && ok || bad "--phone listed once"
run household search --help
expect_out "--limit N" "search lists --limit"; expect_no_out "--chronic" "and no person field"
run household search ali --chronic x
expect_rc 2 "search takes no person field"; expect_err "bilinmeyen seçenek" "says so"
run household edit 1 --first Ali
expect_rc 2 "a person's field needs --person"; expect_err "--first kişinin alanı" "names it"
run household edit 1 --person 1 --street x
expect_rc 2 "a household's field not with --person"; expect_err "--street hanenin alanı" "names it"
run household move 1
expect_rc 2 "move needs --to"; expect_err "--to" "names it"
run staff add --help
expect_out "--role ROL" "staff add lists --role"; expect_out "(gerekli)" "marked required"
run staff add bob --name Bob
expect_rc 2 "staff add without --role"; expect_err "eksik argüman: --role" "names it"
run staff expire --help; expect_out "--dry-run" "staff expire lists --dry-run"
run staff lock
expect_rc 2 "lock needs USER"; expect_err "KULLANICI" "names it as its usage does"
run init --help
expect_out "--admin KULLANICI" "init lists --admin"; expect_out "--demo" "and --demo"
run init --admin ""
expect_rc 2 "init --admin ''"; expect_err "'--admin' bir değer ister" "names it"
run export --help; expect_out "-o DOSYA" "export --help mentions -o"

# ---- hane inspection: one table per subcommand ------------------------------
run inspection visit --help
expect_rc 0 "hane inspection visit --help"
expect_out "Kullanım: hane inspection visit NO --recommend" "the command's own usage"
expect_out "--rent TUTAR" "a field's option, typed by the visit's field table"
expect_out "Aylık kira" "labelled by the field table"
expect_no_out "--outcome" "not another command's option"
expect_no_out "hane inspection request" "not the whole unit"
run inspection --help
expect_out "hane inspection KOMUT --help" "the unit's usage points at the command's"
expect_out "food (gıda)" "and lists the codes"
run inspection close 1 --reason x
expect_rc 2 "close refuses cancel's --reason"
expect_err "'--reason'" "naming it"
run inspection visit 1 --recommend tek --rent abc
expect_rc 2 "a bad amount is refused by the field's type"
expect_err "--rent" "naming the option"
run inspection request --household 1 --reason gıda --date 31.02.2026
expect_rc 2 "a bad date is refused by the field's type"
expect_err "--date" "naming the option"
run inspection list --sort x
expect_rc 2 "an unknown order"; expect_err "--sort: x" "names the option and the value"

# ---- hane import: its option table ------------------------------------------
run import --help
expect_rc 0 "hane import --help"
expect_out "Kullanım: hane import households DOSYA" "the usage from the table"
expect_out "--map 'Sütun Adı=alan'" "every option, --map too"
expect_out "chronic_illness" "and the fields --map binds to"
run import households x.csv --encoding ebcdic
expect_rc 2 "a bad --encoding is refused"; expect_err "ebcdic" "naming the value"
# The three importers read --encoding and --delimiter by one pair of rows
# (HANE_OPT_CSV_ROWS): the same refusal, naming the option and the value.
for cmd in "import households" "foodbank import donations" "inspection import"; do
	run $cmd x.csv --delimiter '|'
	expect_rc 2 "$cmd: a bad --delimiter is refused"
	expect_err "--delimiter: ';', ',' ya da tab olmalı, | değil" "$cmd: naming it"
	run $cmd x.csv --encoding ebcdic
	expect_rc 2 "$cmd: a bad --encoding is refused"
	expect_err "--encoding: Bilinmeyen kodlama: ebcdic" "$cmd: naming it"
done
run import households x.csv --map
expect_rc 2 "--map without its value"; expect_err "'--map'" "names the option"

finish
