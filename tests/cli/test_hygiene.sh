#!/usr/bin/env bash
# Input hygiene (#16): control characters refused at every way in and
# never printed raw; the command line takes exactly what an import takes
# (nothing cut); amounts bounded and sums that cannot overflow; fields of
# the wrong record refused; the CSV formula guard; audit --limit.
. "$(dirname "$0")/lib.sh"
T1=10000000146
ESC=$(printf '\033')
BEL=$(printf '\007')
OSC="X${ESC}]52;c;aGFjaw==${BEL}Y"       # OSC 52: writes the clipboard
RLO=$(printf '\342\200\256')             # U+202E right-to-left override
CSI1=$(printf '\302\233')                # U+009B, CSI on 8-bit terminals
# raw control bytes in captured output
has_ctl() { printf '%s' "$1" | LC_ALL=C grep -q "[$(printf '\001-\010\013-\037\177')]\|$(printf '\302')[$(printf '\200-\237')]\|$RLO"; }

run init; expect_rc 0 "init"
run household add --tckn $T1 --first Ayşe --last Kaya --mahalle gundogdu --notes "ilk satır
ikinci satır	sekme"
expect_rc 0 "multi-line note with tab is fine"

# ---- Control characters refused at input, the field named ----
run household add --first "$OSC" --last Kaya
expect_rc 1 "OSC 52 in a name refused"; expect_err "--first" "names the option"; expect_err "U+001B" "names the character"
run household add --first Ali --last "A${RLO}B"
expect_rc 1 "bidi override refused"; expect_err "--last" "names it"; expect_err "U+202E" "which one"
run household add --first "A${CSI1}" --last B
expect_rc 1 "C1 refused"; expect_err "U+009B" "which one"
run household add --first "$(printf 'A\177')" --last B
expect_rc 1 "DEL refused"; expect_err "U+007F" "which one"
run household add --first "$(printf 'A\nB')" --last B
expect_rc 1 "newline in a one-line field refused"; expect_err "Ad" "names the field"
run household add --first "A	B" --last B
expect_rc 1 "tab in a name refused"
run household edit 1 --notes "$(printf 'a\rb')"
expect_rc 1 "CR in a note refused"; expect_err "U+000D" "which one"
run household search "$OSC"
expect_rc 1 "not even in a search"
run taxi driver add "Kemal${ESC}[2J"
expect_rc 1 "other units too"; expect_err "U+001B" "same check"
run staff add "x${BEL}" --name X --role reporter
expect_rc 1 "positional arguments too"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM person"); [ "$n" = 1 ] && ok || bad "nothing stored ($n persons)"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM taxi_driver"); [ "$n" = 0 ] && ok || bad "no driver stored ($n)"

# ... and by every import (the model's check, the column named).
printf 'tckn;ad;soyad;mahalle\n10000000382;Ali%s;Veli;Gündoğdu\n10000000450;Can;Ak;Gündoğdu\n' "$ESC" >"$T/in.csv"
run import households "$T/in.csv"
expect_rc 3 "import rejects the row"; expect_out "Satır 2: Ad: denetim karakteri kullanılamaz (U+001B)" "line, field and character"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM person WHERE first_name LIKE 'Ali%'"); [ "$n" = 0 ] && ok || bad "import stored it ($n)"

# ---- Stored before the rule: printed escaped, never raw ----
sqlite3 "$HANE_DB" "UPDATE person SET first_name = 'X' || char(27) || ']52;c;aGk=' || char(7) || 'Y' || char(8238) || char(155),
	last_name = 'K' || char(13) || 'Z' WHERE id = 1;
	UPDATE household SET notes = 'not' || char(27) || '[31m' WHERE id = 1"
run household show 1; expect_rc 0 "show"
if has_ctl "$OUT"; then bad "household show prints a control character"; else ok; fi
expect_out 'X\x1b]52;c;aGk=\x07Y\u202e\u009b' "shown escaped"
expect_out 'K\x0dZ' "CR escaped"
run household search kaya
if has_ctl "$OUT"; then bad "search prints a control character"; else ok; fi
run export households -o - --unmasked
if has_ctl "$OUT"; then bad "export to stdout prints a control character"; else ok; fi
run export households -o "$T/out.csv" --unmasked
if has_ctl "$(cat "$T/out.csv")"; then bad "export file holds a control character"; else ok; fi
grep -q 'X\\x1b' "$T/out.csv" && ok || bad "export file escapes it"
run audit --limit 5
if has_ctl "$OUT"; then bad "audit prints a control character"; else ok; fi
sqlite3 "$HANE_DB" "UPDATE person SET first_name = 'Ayşe', last_name = 'Kaya' WHERE id = 1;
	UPDATE household SET notes = NULL WHERE id = 1"

# ---- The command line refuses what the import refuses: nothing cut ----
run household add --tckn 10000000382999 --first A --last B
expect_rc 1 "14-digit TC Kimlik No refused"; expect_err "11 haneli" "says why"
LONG=$(printf 'a%.0s' $(seq 1 120))
run household add --first "$LONG" --last B
expect_rc 1 "over-long name refused"; expect_err "--first" "names it"; expect_err "95" "says the limit"
NOTE=$(printf 'n%.0s' $(seq 1 5000))
run household edit 1 --notes "$NOTE"
expect_rc 1 "over-long note refused"; expect_err "--notes" "names it"
run taxi driver add "$LONG$LONG"
expect_rc 1 "other units: refused, not cut"
n=$(sqlite3 "$HANE_DB" "SELECT count(*) FROM person WHERE tckn = '10000000382' OR length(first_name) > 90")
[ "$n" = 0 ] && ok || bad "nothing cut and stored"

# ---- Household fields with --person, person fields without ----
run household edit 1 --person 1 --mahalle serdar
expect_rc 2 "household field with --person is a usage error"; expect_err "--mahalle" "names it"
expect_no_out "Kaydedildi" "nothing claimed saved"
run household edit 1 --first Ali
expect_rc 2 "person field without --person is a usage error"; expect_err "--person" "says what is missing"
run household edit 1 --person 1 --first Ayşegül; expect_rc 0 "a person field with --person"
run household edit 1 --mahalle serdar; expect_rc 0 "a household field without"
sqlite3 "$HANE_DB" "SELECT mahalle FROM household WHERE id = 1" | grep -qx Serdar && ok || bad "saved"

# ---- Amounts bounded; sums cannot overflow ----
run household edit 1 --income "100.000.000,00"; expect_rc 0 "the largest amount"
run household edit 1 --income "100.000.000,01"; expect_rc 1 "above the bound"; expect_err "100.000.000,00 TL" "says the bound"
run household edit 1 --income "92.233.720.368.547.758,07"; expect_rc 1 "int64 max refused"
# Stored before the rule (sqlite3): the annual totals say so, never wrap.
"$HANE" staff add insp --name "İnceleme" --role supervisor --unit inspection >/dev/null
for i in 1 2; do
	sqlite3 "$HANE_DB" "INSERT INTO inspection_request (household_id, requested_on, channel, reason, status, due_on, created_at, updated_at)
		VALUES (1, '2026-06-0$i', 'walk_in', 'general', 'decided', '2026-06-20', '2026-06-01', '2026-06-01');
	INSERT INTO inspection_decision (request_id, decided_on, decided_by, outcome, aid_type, kind, amount_kurus, reason, created_at, updated_at)
		VALUES (last_insert_rowid(), '2026-06-0$i', 2, 'aid', 'one_time', 'cash', 9223372036854775807, 'x', '2026-06-01', '2026-06-01')"
done
run annual --year 2026
expect_rc 1 "annual refuses a total it cannot hold"; expect_err "Nakdi yardım" "names the figure"; expect_err "100.000.000,00 TL" "and why"
expect_no_out "92.233.720" "no clamped number"
run annual --year 2026 --verify
expect_rc 1 "verify too"; expect_err "Nakdi yardım" "names the figure"; expect_no_out "integer overflow" "no raw SQLite error"
run annual --year 2025; expect_rc 0 "another year is fine"

# ---- The CSV formula guard: fullwidth signs, leading blanks ----
run household add --first "＝SUM(1)" --last "＠Kaya" --street " =1+1" --building "－1" --door "＋1"
expect_rc 0 "formula-looking text is text"
run export households -o "$T/f.csv" --unmasked; expect_rc 0 "export"
for v in "'＝SUM(1)" "'＠Kaya" "' =1+1" "'－1" "'＋1"; do
	grep -qF -- "$v" "$T/f.csv" && ok || { OUT=$(grep -F Kaya "$T/f.csv"); bad "guarded: $v"; }
done
run export households -o "$T/fx.csv" --unmasked --excel; expect_rc 0 "export for Excel"
grep -qF -- "'＝SUM(1)" "$T/fx.csv" && ok || bad "guarded in Excel mode too"

# ---- audit --limit N: the newest N ----
run audit --limit 2; expect_rc 0 "audit"
lines=$(printf '%s\n' "$OUT" | wc -l); [ "$lines" = 2 ] && ok || bad "two rows ($lines)"
expect_out "audit.view" "the newest row is the query itself"
expect_no_out "staff#1" "not the oldest (the first administrator)"
first=$(printf '%s\n' "$OUT" | head -1 | cut -f1); last=$(printf '%s\n' "$OUT" | tail -1 | cut -f1)
[ "$first" \< "$last" ] || [ "$first" = "$last" ] && ok || bad "oldest first within the N"

finish
