"""The privacy sweep on the console's screens (#16, KVKK): the same planted
person as tests/cli/test_privacy_sweep.sh (TC Kimlik No, phone, street and
a health word in every unit); each screen that shows them opened by a
reporter, who must see none of them, and by the unit's own caseworker, who
must see what the driver, the caregiver or the inspector needs (which
proves the marker is on the screen at all); each opening writes a
read-log row.

Table-driven: a new screen is one row in SCREENS (name, unit, keys)."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (ENTER, ESC, F, RIGHT, Console, Failure,  # noqa
                    Workdir, run)

TK = "38475192616"
# Short enough to be found in a column cut to its width ("Hemodiya…").
MARKERS = {
    "tckn": [TK, "38475192"],
    "phone": ["987 65"],
    "address": ["Zümrüt"],
    "health": ["Hemodiya"],
}
NAME = "Zerdali"


def prepare():
    w = Workdir()
    h = w.hane
    h("household", "add", "--tckn", TK, "--first", "Nurhayat", "--last",
      NAME, "--birth", "04.01.1950", "--phone", "0532 987 65 43",
      "--disability", "70", "--chronic", "Hemodiyaliz", "--mahalle",
      "gundogdu", "--street", "Zümrütova Sokağı", "--building", "7",
      "--notes", "Hemodiyaliz hastası")
    for user, role, unit in (("rapor", "reporter", None),
                             ("mufettis", "caseworker", "inspection"),
                             ("bakim", "caseworker", "homecare"),
                             ("taksi", "caseworker", "taxi"),
                             ("gazi", "caseworker", "veterans"),
                             ("asci", "caseworker", "kitchen"),
                             ("merkez", "caseworker", "centres")):
        args = ["staff", "add", user, "--name", "Personel " + user,
                "--role", role]
        h(*(args + (["--unit", unit] if unit else [])))
    h("inspection", "request", "--household", "1", "--reason", "gıda",
      "--text", "Hemodiyaliz nedeniyle çalışamıyor", "--date", "10.06.2026")
    h("inspection", "assign", "1", "--inspector", "mufettis")
    h("inspection", "visit", "1", "--recommend", "düzenli", "--date",
      "12.06.2026", "--health", "Hemodiyaliz")
    h("homecare", "client", "add", "1", "--services", "bakım", "--start",
      "01.06.2026", "--needs", "yatalak", "--notes", "Hemodiyaliz günleri")
    h("homecare", "worker", "add", "Bakıcı Bir", "--services", "bakım")
    h("homecare", "visit", "add", "1", "--date", "15.06.2026", "--start",
      "09:00", "--duration", "60", "--worker", "1")
    h("homecare", "visit", "done", "1", "--start", "09:00", "--end",
      "10:00", "--notes", "Hemodiyaliz sonrası yorgun")
    h("taxi", "driver", "add", "Şoför Bir")
    h("taxi", "vehicle", "add", "41abc123", "--wheelchair", "1", "--seats",
      "3", "--driver", "1")
    h("taxi", "rider", "add", "1", "--aid", "tekerlekli", "--notes",
      "Hemodiyaliz, Zümrütova'dan al")
    h("taxi", "book", "1", "--day", "17.06.2026", "--time", "09:00",
      "--to", "Diyaliz Merkezi", "--return", "13:00")
    h("veterans", "add", "--household", "1", "--category", "şehit",
      "--name", "Er Cemal Zerdali", "--since", "01.01.2020", "--notes",
      "Hemodiyaliz, yalnız")
    h("veterans", "visit", "1", "--date", "12.06.2026", "--staff",
      "Personel gazi", "--notes", "Hemodiyaliz günü değil")
    h("kitchen", "home", "add", "1", "--day", "01.06.2026", "--note",
      "Hemodiyaliz diyeti")
    h("centre", "staff", "add", "merkez", "cinar")
    h("centre", "apply", "1", "cinar_gundogdu", "--diagnosis",
      "Hemodiyaliz takibi", "--notes", "Hemodiyaliz günleri")
    h("centre", "decide", "1", "direct")
    h("centre", "checkin", "cinar_gundogdu", "zerdali")
    # Kısa Mola: a booking; Down Kafe: a placement (these memberships
    # straight into the table: the person is not of their age).
    for site in ("kisa_mola_cumhuriyet", "down_kafe"):
        subprocess.run(["sqlite3", w.db, "INSERT INTO centre_member"
                        " (programme_id, site_id, person_id, start,"
                        " created_at, updated_at) SELECT programme_id, id,"
                        " 1, '2026-01-01', '2026-01-01', '2026-01-01' FROM"
                        " centre_site WHERE code = '%s'" % site], check=True)
    h("centre", "staff", "add", "merkez", "kisa_mola")
    h("centre", "staff", "add", "merkez", "down_kafe")
    h("centre", "session", "add", "kisa_mola_cumhuriyet", "--date",
      "20.06.2026", "--start", "10:00", "--end", "13:00")
    h("centre", "book", "1", "1")
    h("centre", "placement", "add", "1", "--site", "down_kafe", "--role",
      "Servis", "--hours", "20", "--notes", "Hemodiyaliz günleri izinli")
    return w


# Each screen: how to reach it from the main menu, and what says it is
# open. unit: whose staff see phone, address and health text in clear.
def taxi_board(c):
    c.send("5")
    c.wait("Gün çizelgesi")
    c.send(ENTER)
    c.wait("41 ABC 123")
    c.send(RIGHT + RIGHT)
    c.wait("17.06.2026")
    c.wait(NAME)


def taxi_manifest(c):
    taxi_board(c)
    c.send(F[2])
    c.wait("Şoför listesi")


def taxi_history(c):
    taxi_board(c)
    c.send(ENTER)
    c.wait("Yardımcı araç")


def taxi_rider_page(c):
    """The person page's Engelsiz Taksi row opens the rider's page."""
    household_page(c)
    c.send(ENTER)                  # the head's page
    c.wait("Bu kişinin hizmetleri")
    c.send(ENTER)                  # the Engelsiz Taksi row
    c.wait("Yolcu No")


def taxi_rider_form(c):
    """F4 on the rider's page: the form that edits the rider (a reporter
    is not offered it and stays on the page)."""
    taxi_rider_page(c)
    c.send(F[4])
    c.pump(0.3)


def taxi_riders(c):
    """Engelsiz Taksi › Yolcular: the riders with their aid."""
    c.send("5")
    c.wait("Gün çizelgesi")
    c.type("Yolcu")
    c.wait("Ara: Yolcu")
    c.send(ENTER)
    c.wait(NAME)


def homecare_agenda(c):
    c.send("4")
    c.wait("Günlük ajanda")
    c.send(ENTER)
    c.wait("15.06.2026")
    c.wait(NAME)


def homecare_visit(c):
    homecare_agenda(c)
    c.send(ENTER)
    c.wait("Bakıcı Bir")


def homecare_client(c):
    c.send("4")
    c.wait("Günlük ajanda")
    c.type("danış")
    c.wait("Ara: danış")
    c.send(ENTER)
    c.wait(NAME)
    c.send(ENTER)
    c.wait("Bakım planları")


def homecare_client_form(c):
    """F4 on the client page: the form with needs and notes (#17). The
    reporter is not offered F4 and stays on the page."""
    homecare_client(c)
    c.send(F[4])
    c.pump(0.3)
    c.wait("Danışan #1")


def inspection_request(c):
    c.send("2")
    c.wait("Son tarih")
    for _ in range(5):             # F7 steps through the queues
        if NAME in c.text():
            break
        c.send(F[7])
        c.pump(0.3)
    c.wait(NAME)
    c.send(ENTER)
    c.wait("Başvuru #1")


def veterans_roster(c):
    """Şehit ve Gazi: the roster, searched."""
    c.send("s")
    c.wait("Hediye stoğu")
    c.type("zerdali")
    c.wait(NAME)


def veterans_page(c):
    """A roster row's page: the household's address and the visits'
    notes."""
    veterans_roster(c)
    c.send(ENTER)
    c.wait("Hanenin ziyaretleri")


def kitchen_roster(c):
    """Aşevi: the households fed at home (the note is never listed)."""
    c.send("a")
    c.wait("Günlük sayım")
    c.type("evde")
    c.wait("Evde yemek alan haneler")
    c.send(ENTER)
    c.wait(NAME)


def centres_menu(c, item):
    """Merkezler: an item of its menu, typed."""
    c.send("m")
    c.wait("Yerler ve programlar")
    c.type(item)
    c.send(ENTER)


def centres_applications(c):
    """Başvurular: the diagnosis note is a column (wide enough here)."""
    centres_menu(c, "başvurular")
    c.wait(NAME)


def centres_members(c):
    centres_menu(c, "üyeler")
    c.wait(NAME)


def centres_today(c):
    """Bugün at the site: the check-ins of the day."""
    centres_menu(c, "bugün")
    c.wait("Yer seçin")
    c.type("gündoğdu")
    c.send(ENTER)
    c.wait(NAME)


def centres_bookings(c):
    """Oturumlar › a session's bookings (names, no-shows)."""
    centres_menu(c, "oturum")
    c.wait("20.06 Cmt")
    c.send(ENTER)
    c.wait(NAME)


def centres_placements(c):
    """İstihdam: the open placements (notes never listed)."""
    centres_menu(c, "istihdam")
    c.wait("1 süren kayıt")
    c.wait(NAME)


def centres_placement_form(c):
    centres_placements(c)
    c.send(F[4])
    c.wait("İstihdam #1")


def household_page(c):
    c.send(F[3])
    c.type("zerdali")
    c.wait(NAME)
    c.send(ENTER)
    c.wait("Zerdali hanesi")


SCREENS = [
    # name, unit, reach, the unit's caseworker (positive control)
    ("taxi manifest", "taxi", taxi_manifest, "taksi"),
    ("taxi rider history", "taxi", taxi_history, "taksi"),
    ("taxi rider page", "taxi", taxi_rider_page, "taksi"),
    ("taxi riders list", "taxi", taxi_riders, "taksi"),
    ("taxi rider form", "taxi", taxi_rider_form, "taksi"),
    ("homecare agenda", "homecare", homecare_agenda, "bakim"),
    ("homecare visit", "homecare", homecare_visit, "bakim"),
    ("homecare client page", "homecare", homecare_client, "bakim"),
    ("homecare client form", "homecare", homecare_client_form, "bakim"),
    ("inspection request", "inspection", inspection_request, "mufettis"),
    ("veterans roster", "veterans", veterans_roster, "gazi"),
    ("veterans page", "veterans", veterans_page, "gazi"),
    ("kitchen roster", "kitchen", kitchen_roster, "asci"),
    ("centres applications", "centres", centres_applications, "merkez"),
    ("centres members", "centres", centres_members, "merkez"),
    ("centres today", "centres", centres_today, "merkez"),
    ("centres bookings", "centres", centres_bookings, "merkez"),
    ("centres placements", "centres", centres_placements, "merkez"),
    ("centres placement form", "centres", centres_placement_form, "merkez"),
    ("household page", "registry", household_page, None),
]
# What the unit's caseworker must see on each screen (the sheet for the
# driver, the caregiver's needs, the inspector's note).
SEEN_BY_UNIT = {
    "taxi manifest": ["987 65", "Zümrüt", "Hemodiya"],
    "taxi rider history": ["987 65", "Zümrüt", "Hemodiya"],
    "taxi rider page": ["987 65", "Zümrüt", "Hemodiya"],
    "taxi rider form": ["Hemodiya"],
    "homecare visit": ["Hemodiya"],
    "homecare client page": ["Hemodiya"],
    "homecare client form": ["Hemodiya", "Notlar"],
    "inspection request": ["Hemodiya"],
    "veterans page": ["Zümrüt", "Hemodiya"],
    "centres applications": ["Hemodiya"],
    "centres placement form": ["Hemodiya"],
}


def reads(w, user):
    r = subprocess.run(["sqlite3", w.db, "SELECT count(*) FROM audit WHERE"
                        " username='%s' AND action NOT LIKE 'login%%'"
                        % user], capture_output=True, text=True)
    return int(r.stdout.strip() or 0)


def visit(w, user, reach):
    before = reads(w, user)
    c = Console(w, 40, 140, ("--user", user))
    try:
        c.wait("Ana Menü")
        reach(c)
        c.pump(0.3)
        text = c.text()
        c.send(ESC)
    finally:
        c.close()
    if reads(w, user) <= before:
        raise Failure("%s opened a screen showing the person and no read"
                      " was logged:\n%s" % (user, text))
    return text


def test_screens_by_role():
    w = prepare()
    try:
        for name, unit, reach, staff in SCREENS:
            text = visit(w, "rapor", reach)
            for kind, marks in MARKERS.items():
                for m in marks:
                    if m in text:
                        raise Failure("reporter sees %s %r on %s:\n%s" %
                                      (kind, m, name, text))
            if not staff:
                continue
            text = visit(w, staff, reach)
            for m in MARKERS["tckn"]:
                if m in text:
                    raise Failure("%s sees the TC Kimlik No on %s:\n%s" %
                                  (staff, name, text))
            for m in SEEN_BY_UNIT.get(name, []):
                if m not in text:
                    raise Failure("%s, who serves the person, lacks %r on"
                                  " %s:\n%s" % (staff, m, name, text))
    finally:
        w.cleanup()


if __name__ == "__main__":
    run([test_screens_by_role])
