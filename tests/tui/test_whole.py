"""At 80x24 nothing cut is lost (#17): a list row that is cut opens whole
with Enter ("Enter Tamamı" on the bar of every list where Enter has no
other meaning: a report's table, Mahalleler…); a status message too long
for its line ends "F1 tamamı" and F1 shows it whole (F1 again is the
help); columns are sized by what they hold, so a report's short columns
leave their room to the long one."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tuilib import (BACKSPACE, DOWN, ENTER, ESC, F, Console,  # noqa
                    Failure, Workdir, run, tckn)

FIRST = "Şükrü Mehmet Ali Rıza"
LAST = "Karaosmanoğlu Yılmazer"
NAME = FIRST + " " + LAST


def flat(t):
    """The screen's words, box lines and line ends removed (a dialog
    wraps its text)."""
    return " ".join(t.replace("│", " ").split())


def focused_line(c):
    for line in c.screen.display:
        if line.startswith("▶"):
            return line
    return ""


def bar(c):
    return c.line(c.rows - 1)


def test_report_row_whole():
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(401), "--first", FIRST,
           "--last", LAST, "--mahalle", "gundogdu", "--street", "Gül Sk.",
           "--building", "12", "--door", "3", "--phone", "05321234567")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("6")
        c.wait("Tüm raporlar")
        c.type("hane reisleri")
        c.wait(lambda t: "hane reisleri" in focused_line(c))
        c.send(ENTER)
        c.wait("F2: raporu çalıştır")
        c.type("Gündoğdu")
        c.send(F[2])
        c.wait("Toplam")
        c.wait("Enter Tamamı")
        t = c.text()
        if NAME in t:
            raise Failure("the name is not cut at 80 columns:\n" + t)
        # sized by content: the short columns leave the name most room
        if "Şükrü Mehmet Ali Rıza Karaosmanoğlu" not in t:
            raise Failure("the name is cut short:\n" + t)
        c.send(ENTER)
        t = c.wait("Adres:")
        for want in ("Hane reisi: " + NAME, "Hane No: 1", "Kişi: 1"):
            if want not in flat(t):
                raise Failure("row whole lacks %r:\n%s" % (want, t))
        c.send(ENTER)
        c.wait_gone("Adres:")
        c.wait("Enter Tamamı")
    finally:
        c.close()
        w.cleanup()


def test_cut_message_whole_on_f1():
    w = Workdir()
    long_name = "Kulmahmut Yukarı Mahalle Bağları Köyü Mevkii"
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("8")
        c.wait("Güvenlik ayarları")
        for _ in range(3):
            c.send(DOWN)
        c.send(ENTER)
        c.wait("96 mahalle")
        c.wait("Enter Tamamı")
        c.send(F[5])
        c.wait("Yeni mahalle")
        c.type(long_name)
        c.send(F[2])
        c.wait("Mahalle eklendi")
        c.type("kulmah")                  # the list's own search
        c.wait(lambda t: "Kulmahmut" in focused_line(c))
        c.send(F[4])
        c.wait("Mahalle *")
        c.type(" Yeni Adı")
        c.send(F[2])
        # "X → X Yeni Adı: 0 hane güncellendi; eski ad diğer ad olarak
        # kaldı" is wider than 80 columns: cut, with the key.
        t = c.wait("F1 tamamı")
        if "olarak kaldı" in t:
            raise Failure("the message is not cut:\n" + t)
        c.send(F[1])
        t = c.wait("İleti")
        if "eski ad diğer ad olarak kaldı" not in flat(t):
            raise Failure("the message is not whole:\n" + t)
        c.send(ENTER)
        c.wait_gone("olarak kaldı")
        c.wait_gone("F1 tamamı")
        # F1 now is the help, which names Enter "Tamamı".
        c.send(F[1])
        c.wait("seçili satırı kesilmeden")
        c.send(ESC)
        c.wait_gone("Bu ekranın tuşları")
        # The row, Enter: the aliases whole.
        c.send(ENTER)
        t = c.wait("Diğer adlar:")
        if long_name not in flat(t):
            raise Failure("aliases not whole:\n" + t)
        c.send(ENTER)
        c.wait_gone("Diğer adlar:")
    finally:
        c.close()
        w.cleanup()


def test_form_hint_wraps():
    """A message under a field wraps instead of being cut: the duplicate
    hint names the person and the household whole ("hane #1")."""
    w = Workdir()
    w.hane("household", "add", "--tckn", tckn(402), "--first", FIRST,
           "--last", LAST, "--mahalle", "gundogdu")
    c = Console(w)
    try:
        c.wait("Ana Menü")
        c.send("1")
        c.wait("Ara:")
        c.type("sukru")
        c.wait(FIRST)
        c.send(ENTER)
        c.wait("Üyeler")
        c.send(F[5])                      # add a member
        c.wait("TC Kimlik No")
        c.type(tckn(402))
        t = c.wait("zaten kayıtlı")
        t = c.wait(lambda t: "(hane #1)" in t)
        if NAME not in flat(t):
            raise Failure("the hint is cut:\n" + t)
    finally:
        c.close()
        w.cleanup()


if __name__ == "__main__":
    run([test_report_row_whole, test_cut_message_whole_on_f1,
         test_form_hint_wraps])
