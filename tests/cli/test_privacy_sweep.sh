#!/usr/bin/env bash
# The privacy sweep (#16, KVKK): one planted person whose TC Kimlik No,
# phone, street and a health word are in every unit (registry,
# inspection, food bank, home care, taxi, clothing, veterans, kitchen,
# centres, overview); every command that
# reads, every report and every output file, run as every role. For each
# run: no marker the role may not see (README "What each role sees"), and
# when the output shows the person, a new read-log row by that user.
#
# Table-driven: a new output is one line in OUTPUTS below. The sweep
# fails when `hane --help` lists a command, or `hane report list` a
# report, that the table does not name (a command that shows nobody is
# named in NO_PERSON with the reason).
. "$(dirname "$0")/lib.sh"
export HANE_PWHASH_FAST=1
PW="uzun-bir-parola-1"
TK=38475192616     # the planted person (generated, checksum-valid)
TK2=38475192784    # same name and birth day, another number: a duplicate
DAY=17.06.2026     # the taxi day swept
HDAY=15.06.2026    # the home-care day swept (today: its visit is done)

# Markers: kind and the text that must not leak. The name shows the
# person is in an output (names are visible to whoever may read it).
NAME=Zerdali
MARKERS=(
	"tckn:$TK" "tckn:38475192"
	"phone:987 65 43" "phone:9876543"
	"address:Zümrütova"
	"health:Hemodiyaliz" "health:demans"
)

# ---- Roles: user role unit ------------------------------------------------
ROLES=(
	"yon admin -"
	"amir supervisor taxi"
	"kayit caseworker households"
	"mufettis caseworker inspection"
	"gida caseworker foodbank"
	"bakim caseworker homecare"
	"taksi caseworker taxi"
	"rapor reporter -"
	"merkez caseworker centres"
)
# HANE_SWEEP_ROLES="yon rapor" sweeps only those users (the sanitizer
# build: every output still runs, as the widest and the narrowest role).
if [ -n "${HANE_SWEEP_ROLES:-}" ]; then
	keep=()
	for r in "${ROLES[@]}"; do
		case " $HANE_SWEEP_ROLES " in *" ${r%% *} "*) keep+=("$r");; esac
	done
	[ ${#keep[@]} -gt 0 ] || { echo "HANE_SWEEP_ROLES names no role"; exit 1; }
	SWEEP=("${keep[@]}")
else
	SWEEP=("${ROLES[@]}")
fi

# The rule of the gate (hane/security.h), restated here on purpose: a
# change to either side shows as a failure. unmasked: admin, supervisors,
# the registry's caseworkers. In an output of unit U, staff of U (who
# hold U's write permission) also see phone, address and health text,
# never the TC Kimlik No.
may_see() { # role unit kind output-unit
	case "$1:$2" in admin:*|supervisor:*|caseworker:households) return 0;; esac
	[ "$3" = tckn ] && return 1
	[ "$1" = caseworker ] && [ "$2" = "$4" ] && return 0
	return 1
}

# ---- The outputs ------------------------------------------------------------
# unit|command (words split on spaces; {F} is an output file, read too)
# unit: registry, inspection, foodbank, homecare, taxi, clothing, veterans,
# kitchen, centres, or none (an output of no unit: only unmasked roles see personal values in it).
OUTPUTS=(
	"registry|household search Zerdali"
	"registry|household search $TK"
	"registry|household search 0532 987 65 43"
	"registry|household show 1"
	"registry|export households -o {F}"
	"registry|export households --excel -o {F}"
	"registry|export households --unmasked -o {F}"
	"none|audit --limit 500"
	"none|retention dry-run"
	"none|retention access $TK --output {F}"
	"inspection|inspection show 1"
	"inspection|inspection note 1"
	"inspection|inspection list --all"
	"inspection|inspection aid"
	"foodbank|foodbank check 1"
	"foodbank|foodbank list distributions --household 1"
	"foodbank|foodbank list referrals"
	"foodbank|foodbank list unserved --days 0"
	"homecare|homecare client show 1"
	"homecare|homecare list"
	"homecare|homecare plan list 1"
	"homecare|homecare visit list --from $HDAY --to $HDAY"
	"homecare|homecare visit show 1"
	"homecare|homecare agenda --date $HDAY"
	"homecare|homecare agenda --date $HDAY --csv {F}"
	"homecare|homecare agenda --date $HDAY --csv {F} --excel"
	"homecare|homecare agenda --date $HDAY --csv {F} --xlsx"
	"taxi|taxi rider show 1"
	"taxi|taxi rider list"
	"taxi|taxi board $DAY"
	"taxi|taxi list --day $DAY"
	"taxi|taxi list --rider 1"
	"taxi|taxi manifest $DAY --vehicle 41ABC123"
	"taxi|taxi manifest $DAY --vehicle 41ABC123 --output {F} --excel"
	"taxi|taxi manifest $DAY --vehicle 41ABC123 --output {F} --xlsx"
	"clothing|clothing list"
	"clothing|clothing list issues --person 1"
	"clothing|clothing list donations"
	"clothing|clothing list categories"
	"clothing|clothing check 1"
	"clothing|clothing stock"
	"none|annual --year 2026"
	"none|duplicates list"
	"none|duplicates log"
	"none|overview dashboard"
	"none|overview household 1"
	"none|overview household 1 -o {F}"
	"none|overview household 1 -o {F} --xlsx"
	"none|mahalle list"
	"none|holiday list"
	"none|report list"
	"registry|report households-by-mahalle"
	"registry|report households-monthly --month 2026-06"
	"registry|report households-heads --mahalle Gündoğdu"
	"registry|report households-heads --mahalle Gündoğdu --csv -o {F}"
	"registry|report households-heads --mahalle Gündoğdu --unmasked"
	"inspection|report inspection-monthly --month 2026-06"
	"inspection|report aid-active --on $DAY"
	"foodbank|report foodbank-monthly --month 2026-06"
	"foodbank|report foodbank-weekly-markets --week $DAY"
	"homecare|report homecare-monthly --month 2026-06"
	"homecare|report homecare-clients --on $HDAY"
	"homecare|report homecare-clients --on $HDAY --csv -o {F}"
	"homecare|report homecare-clients --on $HDAY -o {F} --xlsx"
	"taxi|report taxi-monthly --month 2026-06"
	"taxi|report taxi-riders --from 01.06.2026 --to 30.06.2026"
	"none|report annual --year 2026"
	"veterans|veterans list"
	"veterans|veterans list zerdali"
	"veterans|veterans show 1"
	"veterans|veterans history 1"
	"veterans|veterans plans --until 30.06.2026"
	"veterans|veterans year 2026"
	"kitchen|kitchen home list"
	"kitchen|kitchen home list --household 1"
	"kitchen|kitchen day --day 15.06.2026"
	"kitchen|kitchen report 06.2026"
	"kitchen|report kitchen-monthly --month 2026-06"
	"kitchen|report kitchen-annual --year 2026"
	"centres|centre members gundogdu"
	"centres|centre members --all"
	"centres|centre applications"
	"centres|centre waiting alzheimer_evi"
	"centres|centre show $TK"
	"centres|centre today"
	"centres|centre today gundogdu --date 12.06.2026"
	"centres|report centres-monthly --month 2026-06"
	"centres|report centres-members --on 15.06.2026"
	"centres|report centres-waiting"
	"centres|centre sessions --day 15.06.2026"
	"centres|centre session show 1"
	"centres|centre placement show 1"
	"centres|centre placements"
	"centres|centre placements --ended"
	"centres|centre placements --person 1"
)
# Commands that show no person's data, or only write: why each is safe.
NO_PERSON=(
	"init:creates the database"
	"demo:writes generated people (demo databases only)"
	"staff:staff accounts, not the registry's persons"
	"import:reads a file in; its rejects file repeats the user's own file"
	"backup:a copy of the database for maintenance (admin), not a view"
	"check:integrity check, prints no row"
)

# ---- The planted person, in every unit -------------------------------------
# Every role logs in with its password (no root or peer exception).
as() { local u=$1; shift; HANE_LOGIN=password HANE_PASSWORD=$PW run --user "$u" "$@"; }
setup() {
	run init || true
	for r in "${ROLES[@]}"; do
		set -- $r
		if [ "$3" = - ]; then run staff add "$1" --name "Personel $1" --role "$2"
		else run staff add "$1" --name "Personel $1" --role "$2" --unit "$3"; fi
		[ "$RC" -eq 0 ] || bad "staff add $1"
		printf '%s\n' "$PW" | "$HANE" staff passwd "$1" >/dev/null 2>&1 || bad "passwd $1"
	done
	step() { "$@"; [ "$RC" -eq 0 ] || bad "setup: ${*:2}"; }
	step run household add --tckn $TK --first Nurhayat --last Zerdali \
		--birth 04.01.1950 --sex K --phone "0532 987 65 43" --disability 70 \
		--chronic "Hemodiyaliz" --mahalle gundogdu --street "Zümrütova Sokağı" \
		--building 7 --door 3 --notes "Hemodiyaliz hastası, Zümrütova"
	step run household add --tckn $TK2 --first Nurhayat --last Zerdali \
		--birth 04.01.1950 --sex K --mahalle serdar
	# Social inspection: request, visit with the case note, decision.
	step run inspection request --household 1 --reason gıda \
		--text "Hemodiyaliz nedeniyle çalışamıyor" --date 10.06.2026
	step run inspection assign 1 --inspector mufettis
	step run inspection visit 1 --recommend düzenli --date 12.06.2026 \
		--present "Nurhayat Zerdali" --health "Hemodiyaliz, haftada üç gün" \
		--findings "Zümrütova Sokağı'nda tek başına, Hemodiyaliz"
	step run inspection decide 1 --outcome yardım --type düzenli --kind gıda \
		--reason "Hemodiyaliz, gelir yok" --start 15.06.2026 --end 15.12.2026 \
		--frequency aylık --date 15.06.2026
	# Food bank (the decision referred the household).
	step run foodbank distribute 1 --branch izmit --date 15.06.2026 \
		--notes "Hemodiyaliz diyeti"
	# Home care: client, plan, the day's visit.
	step run homecare client add 1 --services bakım --start 01.06.2026 \
		--needs "yatalak, demans" --notes "Hemodiyaliz günleri gelmeyin"
	step run homecare worker add "Bakıcı Bir" --services bakım
	step run homecare plan add 1 --service bakım --period haftalık --visits 1 \
		--days pzt --window 09:00-12:00 --duration 60 --worker 1 --from 01.06.2026
	step run homecare schedule --from $HDAY --to $HDAY
	step run homecare visit done 1 --start 09:00 --end 10:00 \
		--notes "Hemodiyaliz sonrası yorgun"
	# Taxi: rider, vehicle, a booking on the day.
	step run taxi driver add "Şoför Bir" --phone "0532 111 22 33"
	step run taxi vehicle add 41abc123 --wheelchair 1 --seats 3 --driver 1
	step run taxi rider add 1 --aid tekerlekli --notes "Hemodiyaliz, Zümrütova'dan al"
	step run taxi book 1 --day $DAY --time 09:00 --to "Diyaliz Merkezi" \
		--return 13:00 --purpose diyaliz
	# Dost Eller: a donation from her, an issue to her (the food bank's
	# referral from the decision makes her eligible).
	step run clothing donate --line çocuk:5 --date 15.06.2026 \
		--donor "Nurhayat Zerdali, Zümrütova" --notes "Hemodiyaliz hastası"
	step run clothing issue 1 --line yetişkin:2:L --date 15.06.2026 \
		--notes "Hemodiyaliz, Zümrütova'ya teslim"
	# Şehit Yakınları ve Gazi: the roster row, a visit with a gift, a plan.
	step run veterans add --household 1 --category şehit \
		--name "Er Cemal Zerdali" --since 01.01.2020 \
		--notes "Hemodiyaliz, Zümrütova'da tek"
	step run veterans gift in 1 --quantity 5 --day 01.06.2026
	step run veterans visit 1 --date 12.06.2026 --staff "Personel yon" \
		--present "Nurhayat Zerdali" --gifts 1 \
		--notes "Hemodiyaliz sonrası, demans belirtisi yok"
	step run veterans plan 1 --date 20.06.2026 --occasion bayram
	# Kitchen: the household gets meals at home; a day's tally.
	step run kitchen home add 1 --day 01.06.2026 \
		--note "Hemodiyaliz diyeti, demans: kapıyı komşu açar"
	step run kitchen set --day 15.06.2026 --channel morning --item soup \
		--count 950
	# Merkezler: a member of Asırlık Çınar Gündoğdu with a check-in, and
	# on the Alzheimer house's waiting list with a diagnosis note; the
	# centres caseworker works in both programmes.
	step run centre apply $TK gundogdu --date 10.06.2026 \
		--notes "Hemodiyaliz günleri gelmez, Zümrütova"
	step run centre decide 1 direct --date 11.06.2026
	step run centre checkin gundogdu --member 1 --date 12.06.2026 --time 09:00
	step run centre apply $TK alzheimer_evi --date 12.06.2026 \
		--diagnosis "Erken evre demans" --notes "Hemodiyaliz, Zümrütova"
	step run centre decide 2 waiting --date 13.06.2026
	step run centre staff add merkez cinar
	step run centre staff add merkez alzheimer
	# Merkezler: a Kısa Mola member booked on a session, a Down Kafe
	# placement (the memberships straight into the table).
	for site in kisa_mola_cumhuriyet down_kafe; do
		sqlite3 "$HANE_DB" "INSERT INTO centre_member (programme_id,
			site_id, person_id, start, created_at, updated_at)
			SELECT programme_id, id, 1, '2026-01-01', '2026-01-01',
			'2026-01-01' FROM centre_site WHERE code = '$site'" ||
			bad "setup: centre member"
	done
	step run centre session add kisa_mola_cumhuriyet --date 20.06.2026 \
		--start 10:00 --end 13:00 --cap 8
	step run centre book 1 1
	step run centre placement add 1 --site down_kafe --role Servis \
		--hours 20 --start 01.06.2026 \
		--notes "Hemodiyaliz günleri izinli, Zümrütova"
	step run centre placement add 1 --site mobil_ikram --role İkram \
		--hours 8 --start 01.06.2026
	step run centre placement end 2 --day 10.06.2026 \
		--reason "Hemodiyaliz nedeniyle bıraktı"
}
setup

# ---- Every command and report is in the table ---------------------------
listed() { # name: in OUTPUTS or NO_PERSON
	local o
	for o in "${OUTPUTS[@]}"; do
		set -- ${o#*|}
		[ "$1" = "$2" ] && return 0
		[ "$1" = "$name" ] && return 0
	done
	for o in "${NO_PERSON[@]}"; do [ "${o%%:*}" = "$name" ] && return 0; done
	return 1
}
cmds=$("$HANE" --help | awk '/^Komutlar:|^Commands:/{on=1; next} on && /^$/{exit} on && /^  [a-z]/{print $1}')
[ -n "$cmds" ] && ok || bad "no commands read from hane --help"
for name in $cmds; do
	listed && ok || bad "command '$name' is not in the sweep (add it to OUTPUTS or NO_PERSON)"
done
src=$(dirname "$0")/../../src/cli/commands.def
for name in $(sed -n 's/^HANE_\(CMD\|UNIT\)(\([a-z_]*\),.*/\2/p' "$src"); do
	listed && ok || bad "commands.def: '$name' is not in the sweep"
done
run report list
for name in $(printf '%s\n' "$OUT" | awk '/^[a-z]/{print $1}'); do
	found=0
	for o in "${OUTPUTS[@]}"; do
		set -- ${o#*|}
		[ "$1 $2" = "report $name" ] && found=1
	done
	[ $found = 1 ] && ok || bad "report '$name' is not in the sweep"
done

# ---- The sweep ------------------------------------------------------------
# The text of an output file; an .xlsx workbook (a zip) unpacked.
filetext() {
	if [ "$(head -c 2 "$1")" = PK ]; then
		python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist(): sys.stdout.write(z.read(n).decode("utf-8", "replace"))' "$1"
	else
		cat "$1"
	fi
}
# Each run gets its own second on hane's clock (HANE_NOW 10:MM:SS, the
# same day), so the read log of every run is found by its time in one
# query per role at the end instead of a sqlite3 run per command.
clock() { printf '2026-06-15 %02d:%02d:%02d' $((10 + $1 / 3600)) $(($1 / 60 % 60)) $(($1 % 60)); }
n=0
for r in "${SWEEP[@]}"; do
	set -- $r
	user=$1 role=$2 unit=$3
	shown=()
	for o in "${OUTPUTS[@]}"; do
		ounit=${o%%|*} cmd=${o#*|}
		n=$((n + 1))
		f="$T/out.$n"
		# shellcheck disable=SC2086
		OUT=$(HANE_NOW="$(clock $n)" HANE_LOGIN=password HANE_PASSWORD=$PW \
			"$HANE" --user "$user" ${cmd//\{F\}/$f} 2>"$T/err"); RC=$?
		text="$OUT"
		[ -f "$f" ] && text="$text$(filetext "$f")" && rm -f "$f"
		for m in "${MARKERS[@]}"; do
			kind=${m%%:*} mark=${m#*:}
			case "$text" in *"$mark"*)
				may_see "$role" "$unit" "$kind" "$ounit" ||
					bad "$user ($role $unit) sees $kind '$mark' in: $cmd";;
			esac
		done
		case "$text" in *"$NAME"*) shown+=("$(clock $n)|$cmd");; esac
		# The administrator may run every output: a failure there
		# means the sweep itself is broken.
		if [ "$role" = admin ] && [ "$RC" -ne 0 ]; then
			ERR=$(<"$T/err"); bad "admin: '$cmd' failed (status $RC): $ERR"
		fi
	done
	# Every run that showed the person wrote a read-log row (logins
	# aside) at its own second.
	logged=$(sqlite3 "$HANE_DB" "SELECT DISTINCT at FROM audit WHERE
		username='$user' AND action NOT LIKE 'login%'")
	for x in "${shown[@]}"; do
		case "$logged" in *"${x%%|*}"*) ok;;
			*) bad "$user: '${x#*|}' showed the person and logged no read";; esac
	done
done
# Search is no oracle: without person.unmasked, a prefix of digits finds
# nobody (else the masked number is read back a digit at a time); the
# whole number finds the person.
for r in "${SWEEP[@]}"; do
	set -- $r
	may_see "$2" "$3" tckn registry && continue
	for q in "${TK:0:6}" "${TK:0:10}" "0532 987" "0532 987 65 4" "Nurhayat 0532"; do
		as "$1" household search $q
		expect_no_out "$NAME" "$1 finds the person by the prefix '$q'"
	done
	# The taxi unit's rider search, too (where the role may read it).
	as "$1" taxi rider list "${TK:0:6}"
	expect_no_out "$NAME" "$1 finds the rider by the prefix '${TK:0:6}'"
	as "$1" household search "$TK"; expect_out "$NAME" "$1: the whole TC Kimlik No finds"
	as "$1" household search 0532 987 65 43; expect_out "$NAME" "$1: the whole phone finds"
done
# Search is logged without the query (a TC Kimlik No searched must not
# land in the log in clear).
case " ${SWEEP[*]} " in *" rapor reporter "*)
	sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE action='person.search'
		AND username='rapor'" | grep -qv '^0$' && ok || bad "reporter's searches logged";;
esac
sqlite3 "$HANE_DB" "SELECT count(*) FROM audit WHERE changes LIKE '%$TK%'
	AND action='person.search'" | grep -qx 0 && ok || bad "search log holds the number"
finish
