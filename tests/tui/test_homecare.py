"""Home care screens: from the day agenda one visit is recorded as done
and shows as done, another as missed and shows as a follow-up (both also
checked in the database and with `hane homecare visit list`); ←→ move
between days; F1 shows the keys; the follow-up list closes the follow-up;
the schedule generator previews, then writes only after the confirmation;
the client list searches by name; the household's services panel shows
the client with the plan and last/next visit.

The clock is frozen at Monday 15.06.2026 12:04 (tuilib's HANE_NOW), so
the day agenda opens on that day."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (BACKSPACE, BTAB, DOWN, ENTER, ESC, F, LEFT,  # noqa
                    RIGHT, TAB, Console, Failure, Workdir, run, tckn)


def prepare(schedule=True):
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(101), "--first", "Şükrü",
           "--last", "Yılmaz", "--mahalle", "gundogdu")
    w.hane("household", "add", "--tckn", tckn(202), "--first", "Ayşe",
           "--last", "Kaya", "--mahalle", "serdar")
    w.hane("homecare", "worker", "add", "Zeynep Kara", "--services", "bakım")
    w.hane("homecare", "client", "add", "1", "--services", "bakım",
           "--start", "01.06.2026", "--needs", "yatalak")
    w.hane("homecare", "client", "add", "2", "--services", "bakım",
           "--start", "01.06.2026")
    for client in ("1", "2"):
        w.hane("homecare", "plan", "add", client, "--service", "bakım",
               "--period", "haftalık", "--visits", "2", "--days", "pzt,per",
               "--window", "09:00-12:00", "--duration", "60", "--worker",
               "1", "--from", "2026-06-01")
    if schedule:
        # June's schedule was made on its first morning: the generator
        # never books a time already past.
        now = w.env["HANE_NOW"]
        w.env["HANE_NOW"] = "2026-06-01 08:00:00"
        w.hane("homecare", "schedule", "--from", "2026-06-01", "--to",
               "2026-06-30")
        w.env["HANE_NOW"] = now
    return w


def visits(w, date):
    """(client name, status, missed reason, follow-up) of date's visits."""
    con = sqlite3.connect(w.db)
    try:
        return con.execute(
            "SELECT p.first_name, v.status, coalesce(v.missed_reason, ''), "
            "coalesce(v.followup, '') "
            "FROM homecare_visit v JOIN homecare_client c "
            "ON c.id = v.client_id JOIN person p ON p.id = c.person_id "
            "WHERE v.date = ? AND v.status <> 'rescheduled' "
            "ORDER BY v.start_time", (date,)).fetchall()
    finally:
        con.close()


def open_unit(c, item_keys=""):
    c.wait("Ana Menü")
    c.send("4")
    c.wait("Günlük ajanda")
    c.wait("Program oluştur")
    for k in item_keys:
        c.send(k)


def sukru_in_clients(c):
    """The unit's Danışanlar, searched down to Şükrü (the first client);
    returns the screen."""
    open_unit(c)
    c.type("Danış")
    c.send(ENTER)
    c.wait("2 danışan")
    c.type("sukru")
    return c.wait("1 danışan")


def test_record_done_and_missed_from_day_agenda():
    w = prepare()
    c = Console(w, 24, 80)
    try:
        open_unit(c)
        c.send(ENTER)                              # Günlük ajanda
        c.wait("15.06.2026 Pzt")
        c.wait("Tüm birim")
        c.wait("2 sonuç")
        c.wait("Şükrü Yılmaz")
        t = c.wait("Ayşe Kaya")
        assert "09:00–10:00" in t and "10:30–11:30" in t, t
        assert "← Önceki" in t and "→ Sonraki" in t, t

        # ←→ between days: Tuesday is empty, Thursday has both again.
        c.send(RIGHT)
        c.wait("16.06.2026 Sal")
        c.wait("0 sonuç")
        c.send(LEFT)
        c.wait("15.06.2026 Pzt")
        c.wait("2 sonuç")

        # F1 shows the day keys.
        c.send(F[1])
        c.wait("önceki güne geçer")
        c.wait("Hafta — günlük ve haftalık")
        c.send(ESC)
        c.wait("15.06.2026 Pzt")

        # Şükrü's 09:00 visit: done, with tasks.
        c.send(ENTER)
        c.wait("Ziyaret sonucu")
        c.wait("Yapıldı")
        c.send(TAB + TAB + TAB)                    # start, end, tasks
        c.type("banyo, ilaç")
        c.send(F[2])
        c.wait("yapıldı olarak kaydedildi")
        c.wait("✓ yapıldı 09:00–10:00")

        # Ayşe's 10:30 visit: missed, the client refused.
        c.send(DOWN)
        c.send(ENTER)
        c.wait("Ziyaret sonucu")
        c.send(RIGHT)                              # Yapılamadı
        c.wait("Yapılamadı")
        c.send(TAB + TAB + TAB + TAB)              # the reason
        c.send(RIGHT)                              # danışan kabul etmedi
        c.wait("danışan kabul etmedi")
        c.send(F[2])
        c.wait("takibe alındı")
        t = c.wait("⚑ takip: danışan")
        assert "✓ yapıldı" in t, t

        assert visits(w, "2026-06-15") == [
            ("Şükrü", "done", "", ""),
            ("Ayşe", "missed", "refused", "open")], visits(w, "2026-06-15")
        out = w.hane("homecare", "visit", "list", "--from", "2026-06-15",
                     "--to", "2026-06-15")
        assert "Şükrü Yılmaz\tGündoğdu\tBakım\tyapıldı" in out, out
        assert "danışan kabul etmedi" in out and "takip bekliyor" in out, \
            out

        # A done visit opens read-only with what was recorded.
        c.send("\x1bOA")                           # up to Şükrü
        c.send(ENTER)
        c.wait("banyo, ilaç")
        c.send(ENTER)
        c.wait("⚑ takip")

        # The follow-up list: Ayşe's visit; close it with a note.
        c.send(ESC)
        c.wait("Takip bekleyen ziyaretler")
        c.type("Takip")
        c.send(ENTER)
        c.wait("Ayşe Kaya")
        c.wait("1 sonuç")
        c.send(ENTER)
        c.wait("Takip notu")
        c.type("Kızı arandı, perşembe gelinecek")
        c.send(F[2])
        c.wait("takip kapatıldı")
        c.wait("0 sonuç")
        assert visits(w, "2026-06-15")[1][3] == "closed"
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_week_and_worker():
    w = prepare()
    c = Console(w, 24, 80)
    try:
        open_unit(c)
        c.send(ENTER)
        c.wait("15.06.2026 Pzt")
        c.send(F[7])                               # week view
        c.wait("15.06–21.06.2026")
        c.wait("4 sonuç")                          # Mon and Thu, two each
        c.wait("Per 18.06")
        c.send(RIGHT)                              # next week
        c.wait("22.06–28.06.2026")
        c.send(F[6])                               # caregiver
        c.wait("Personel seçin")
        c.type("Zeynep")
        c.send(ENTER)
        c.wait("22.06–28.06.2026 · Zeynep Kara")
        c.wait("4 sonuç")
        c.send(F[6])
        c.wait("Personel seçin")
        c.type("atanmam")
        c.send(ENTER)
        c.wait("· (atanmamış)")
        c.wait("0 sonuç")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_schedule_preview_then_write():
    w = prepare(schedule=False)
    c = Console(w, 24, 80)
    try:
        open_unit(c)
        c.type("Program")
        c.send(ENTER)
        c.wait("Program oluştur")
        t = c.wait("30.06.2026")                   # today to month end
        assert "15.06.2026" in t, t
        c.send(F[2])
        # It is 12:04: today's 09:00–12:00 windows are gone, so nothing
        # is booked today (#17: the first visit was put at 09:00 today).
        c.wait("Önizleme: 8 yeni ziyaret (0 atanmamış), 0 zaten var")
        c.wait("› Önizleme")
        c.wait("15.06–30.06.2026 · 0 atanmamış")
        c.wait("8 sonuç")
        t = c.wait("Per 18.06")
        assert "Pzt 15.06" not in t, "a visit booked in the past:\n" + t
        assert visits(w, "2026-06-15") == [], "preview wrote visits"
        c.send(F[2])                               # Yaz
        c.wait("8 ziyaret programa yazılsın mı?")
        c.send(LEFT)                              # onto "Evet" (Hayır is the default)
        c.send(ENTER)
        c.wait("8 ziyaret oluşturuldu (0 atanmamış); 0 zaten vardı")
        assert visits(w, "2026-06-15") == [], "booked in the past"
        assert len(visits(w, "2026-06-18")) == 2
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def test_clients_and_services_panel():
    w = prepare()
    w.hane("homecare", "visit", "done", "1")
    c = Console(w, 24, 80)
    try:
        sukru_in_clients(c)
        t = c.wait("Şükrü Yılmaz")
        assert "Ayşe" not in t, t
        c.send(ENTER)                              # the client's page
        c.wait("yatağa bağımlı")
        c.wait("haftada 2 · Pzt Per")
        c.send(ESC)
        c.send(ESC)
        c.wait("Günlük ajanda")
        c.send(ESC)
        c.wait("Ana Menü")
        c.send(F[3])                               # person search
        c.type("sukru")
        c.wait("Şükrü Yılmaz")
        c.send(ENTER)
        c.wait("Hizmetler")
        c.wait("Bakım  Şükrü Yılmaz")
        c.wait("son 01.06 · sonraki 15.06")
        c.wait("Bakım haftada 2 Pzt Per")
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()



def test_finished_visit_dialog_has_lines():
    """Enter on a finished visit: its record in a dialog of lines — no
    raw line breaks printed into the box (#17)."""
    w = prepare()
    con = sqlite3.connect(w.db)
    vid = con.execute("SELECT min(id) FROM homecare_visit"
                      " WHERE date = '2026-06-15'").fetchone()[0]
    con.close()
    w.hane("homecare", "visit", "done", str(vid), "--tasks", "banyo",
           "--notes", "iyi")
    c = Console(w, 24, 80)
    try:
        open_unit(c)
        c.send(ENTER)                              # Günlük ajanda
        c.wait("15.06.2026 Pzt")
        c.wait("Şükrü Yılmaz")
        c.send(ENTER)
        t = c.wait("Durum:")
        box = [l for l in t.splitlines() if ("Ziyaret #%d" % vid) in l or
               "Durum:" in l or "banyo" in l]
        if len(box) < 3:
            raise Failure("the visit's lines are not in the box:\n" + t)
        for l in box:
            if not l.strip().startswith("\u2502") or \
                    not l.rstrip().endswith("\u2502"):
                raise Failure("a line broke out of the box:\n" + t)
    finally:
        c.close()
        w.cleanup()

def workers(w):
    """(name, kind, services, work days, phone, active) of every worker."""
    con = sqlite3.connect(w.db)
    try:
        return con.execute(
            "SELECT name, kind, services, work_days, coalesce(phone, ''), "
            "active FROM homecare_worker ORDER BY id").fetchall()
    finally:
        con.close()


def test_worker_form():
    """Personel ve ekipler: F5 adds a cleaning team, its days typed as words
    and its phone as people write it; a phone that is none is refused
    under the field with the unit's message. The database holds the codes,
    the weekday digits and the phone in E.164; F4 shows them again as they
    were typed, and a change is saved."""
    w = prepare(schedule=False)
    c = Console(w, 24, 80)
    try:
        open_unit(c)
        c.type("Personel")
        c.send(ENTER)
        c.wait("1 personel/ekip")
        c.send(F[5])
        c.wait("Yeni personel ya da ekip")
        c.type("Temizlik Ekibi")
        c.send(TAB)
        c.send(RIGHT)                              # Tür: ekip
        c.send(TAB)
        c.send(RIGHT)                              # Hizmet: temizlik
        c.send(TAB)
        c.type("pzt çar")
        c.send(TAB)
        c.type("123")
        c.send(F[2])
        c.wait("geçerli bir telefon numarası değil")
        c.send(BACKSPACE * 3)
        c.type("0532 123 45 67")
        c.send(F[2])
        c.wait("2 personel/ekip")
        assert workers(w)[1] == ("Temizlik Ekibi", "team", "cleaning", "13",
                                 "+905321234567", 1), workers(w)
        c.wait("Temizlik Ekibi")
        c.send(F[4])                               # the new row, selected
        c.wait("Temizlik Ekibi")
        c.wait("0532 123 45 67")
        c.wait("Pzt Çar")
        c.send(TAB + TAB + TAB + TAB + TAB)        # Etkin
        c.send(RIGHT)                              # Hayır
        c.send(F[2])
        c.wait("kaydedildi: Temizlik Ekibi")
        assert workers(w)[1][5] == 0, workers(w)
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def plan_and_client(w):
    """The first plan's fields and the first client's services and start."""
    con = sqlite3.connect(w.db)
    try:
        return (con.execute(
            "SELECT service, period, visits, days, window_start, window_end,"
            " duration_min, worker_id, valid_from, coalesce(valid_to, '')"
            " FROM homecare_plan WHERE id = 1").fetchone(),
            con.execute("SELECT services, start_date FROM homecare_client"
                        " WHERE id = 1").fetchone())
    finally:
        con.close()


def test_client_and_plan_forms():
    """The client page's F4 edits the client (its services a choice of
    words, the code stored) and F6 a plan: the plan form shows the stored
    plan as the CLI made it (visits, window, duration, worker, dates), and
    a change to the visits and the duration is saved with the rest kept;
    a duration out of its range is refused under the field."""
    w = prepare(schedule=False)
    c = Console(w, 24, 80)
    try:
        sukru_in_clients(c)
        c.send(ENTER)                              # the client's page
        c.wait("haftada 2 · Pzt Per")
        c.send(F[4])
        c.wait("Danışan #1 Şükrü Yılmaz")
        c.wait("01.06.2026")
        c.send(RIGHT + RIGHT)                      # Bakım → ikisi
        c.send(F[2])
        c.wait("Danışan #1 kaydedildi")
        assert plan_and_client(w)[1] == ("both", "2026-06-01"), \
            plan_and_client(w)
        c.send(F[6])                               # the client's plans
        c.send(ENTER)
        c.wait("Bakım planı #1")
        c.wait("09:00-12:00")
        c.wait("Zeynep Kara")
        c.send(TAB + TAB)                          # Ziyaret sayısı
        c.send(BACKSPACE * 2)
        c.type("3")
        c.send(TAB + TAB + TAB)                    # Süre
        c.send(BACKSPACE * 3)
        c.type("5")
        c.send(F[2])
        c.wait("15 ile 600 arasında")              # refused, the range
        c.send(BACKSPACE)
        c.type("90")
        c.send(F[2])
        c.wait("Plan #1 kaydedildi")
        got = plan_and_client(w)[0]
        assert got == ("care", "week", 3, "14", "09:00", "12:00", 90, 1,
                       "2026-06-01", ""), got
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


def client_end(w):
    """Client 1's end date and reason, and its visits' statuses after
    17.06.2026."""
    con = sqlite3.connect(w.db)
    try:
        return (con.execute(
            "SELECT coalesce(end_date, ''), coalesce(end_reason, '')"
            " FROM homecare_client WHERE id = 1").fetchone(),
            [r[0] for r in con.execute(
                "SELECT status FROM homecare_visit WHERE client_id = 1"
                " AND date > '2026-06-17' ORDER BY date")])
    finally:
        con.close()


def test_end_service():
    """F8 on the client page ends the service, as `hane homecare client
    end` does: the last day and the reason (a choice of words), a
    question first (it opens on Hayır); a day before the start is refused
    under the field; then the later planned visits are cancelled, the
    page says the service ended and no longer offers F8."""
    w = prepare()
    c = Console(w, 24, 80)
    try:
        sukru_in_clients(c)
        c.send(ENTER)                              # the client's page
        c.wait("haftada 2 · Pzt Per")
        c.wait("F8 Sonlandır")
        c.send(F[8])
        c.wait("Hizmeti sonlandır: danışan #1 Şükrü Yılmaz")
        c.wait("15.06.2026")                       # today, to start from
        c.send(BACKSPACE * 10)
        c.type("31.05.2026")
        c.send(TAB + RIGHT)                        # vefat → taşındı
        c.send(F[2])
        c.wait_flowing("sonlandırılsın mı (taşındı)?")
        c.send(LEFT + ENTER)                       # Evet
        t = c.wait("01.06.2026 tarihinden önce olamaz")  # under the field
        if "Hata" in t:
            raise Failure("the refusal is a dialog, not under the field:\n"
                          + t)
        assert client_end(w)[0] == ("", ""), client_end(w)
        c.send(F[2])
        c.wait_flowing("sonlandırılsın mı")
        c.send(ENTER)                              # Hayır: nothing ends
        c.wait_gone("sonlandırılsın mı")
        assert client_end(w)[0] == ("", ""), client_end(w)
        c.send(BTAB)
        c.send(BACKSPACE * 10)
        c.type("17.06.2026")
        c.send(F[2])
        c.wait_flowing("sonlandırılsın mı")
        c.send(LEFT + ENTER)
        c.wait("hizmet bitti (17.06.2026); 4 ziyaret iptal edildi")
        t = c.wait("Hizmet 17.06.2026 tarihinde sona erdi: taşındı")
        if "F8" in c.line(c.rows - 1):
            raise Failure("an ended service still offers F8:\n" + t)
        got = client_end(w)
        assert got == (("2026-06-17", "moved"), ["cancelled"] * 4), got
        out = w.hane("homecare", "client", "show", "1")
        assert "taşındı" in out, out
        c.send(F[10])
        c.wait_exit()
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_record_done_and_missed_from_day_agenda, test_week_and_worker,
         test_schedule_preview_then_write, test_clients_and_services_panel,
         test_finished_visit_dialog_has_lines, test_worker_form,
         test_client_and_plan_forms, test_end_service])
