"""Dates written in Arabic (and English) news text: Gregorian in both month-name
families, and Hijri dates converted with hijridate."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from hijridate import Hijri

from helpers.text import normalize

# Month names, normalised (أ->ا, ة->ه, ى->ي). Levantine/Iraqi family and Egyptian/Maghreb family.
_GREG = {
    "كانون الثاني": 1, "يناير": 1, "جانفي": 1,
    "شباط": 2, "فبراير": 2, "فيفري": 2,
    "اذار": 3, "مارس": 3,
    "نيسان": 4, "ابريل": 4, "افريل": 4,
    "ايار": 5, "مايو": 5, "ماي": 5,
    "حزيران": 6, "يونيو": 6, "جوان": 6,
    "تموز": 7, "يوليو": 7, "جويليه": 7,
    "اب": 8, "اغسطس": 8, "اوت": 8,
    "ايلول": 9, "سبتمبر": 9,
    "تشرين الاول": 10, "اكتوبر": 10,
    "تشرين الثاني": 11, "نوفمبر": 11,
    "كانون الاول": 12, "ديسمبر": 12,
}
_HIJRI = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الثانيه": 6, "جمادي الاخره": 6,
    "جمادي الثاني": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}
_EN = {
    m: i + 1
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"]
    )
}
_EN.update({m[:3]: n for m, n in _EN.items()} | {"sept": 9})  # "Oct 21, 2020", "21 Sept. 2020"


def _alt(names) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))


_SEP = r"\s*(?:/|\s|-|–)\s*"
# Each pattern opens with a lookahead for the character its first token needs ("(?=\d)"):
# implied by the pattern, but checked first it rejects a position without a digit (or letter)
# at once, before the look-behind and the optional groups: the date scan got 2-3 times faster.
# "17 تشرين الأول/أكتوبر 2020", "27 سبتمبر/أيلول 2020", "9 أكتوبر 2020"
_GREG_RE = re.compile(
    rf"(?=\d)(?<!\d)(?P<d>[0-3]?\d)\s+(?P<m1>{_alt(_GREG)})(?:{_SEP}(?P<m2>{_alt(_GREG)}))?"
    rf"(?:\s*(?:عام|سنه)?\s*(?P<y>(?:19|20)\d\d)(?!\d))?"
)
_HIJRI_RE = re.compile(
    rf"(?=\d)(?<!\d)(?P<d>[0-3]?\d)\s+(?P<m>{_alt(_HIJRI)})\s+(?P<y>1[3-5]\d\d)\s*(?:ه|هـ)?(?![\u0621-\u064a])"
)
_EN_RE = re.compile(
    rf"(?=\d)(?<!\d)(?P<d>[0-3]?\d)\s+(?P<m>{_alt(_EN)})(?![a-z])\.?\s*,?\s*(?P<y>(?:19|20)\d\d)(?!\d)"
    rf"|(?=[a-z])(?<![a-z])(?P<m2>{_alt(_EN)})(?![a-z])\.?\s+(?P<d2>[0-3]?\d)\s*,\s*(?P<y2>(?:19|20)\d\d)(?!\d)"
)
_LATIN_RE = re.compile(r"[a-z]")  # normalised text is lower case
_ISO_RE = re.compile(r"(?=\d)(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")


@dataclass(frozen=True)
class FoundDate:
    """A date found in normalised text: the calendar date, its span, whether a year was
    written, and which calendar it was written in."""

    date: dt.date | None  # None when no year was written
    month: int
    day: int
    start: int
    end: int
    calendar: str  # gregorian | hijri | english | iso
    has_year: bool


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(norm: str) -> list[FoundDate]:
    """Every date in normalised text (Gregorian Arabic, Hijri, English, ISO), in order."""
    out: list[FoundDate] = []
    for m in _HIJRI_RE.finditer(norm):
        d, mon, y = int(m["d"]), _HIJRI[re.sub(r"\s+", " ", m["m"])], int(m["y"])
        try:
            g = Hijri(y, mon, d).to_gregorian()
            date = dt.date(g.year, g.month, g.day)
        except (ValueError, OverflowError):
            continue
        out.append(FoundDate(date, date.month, date.day, m.start(), m.end(), "hijri", True))
    taken = [(f.start, f.end) for f in out]
    for m in _GREG_RE.finditer(norm):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        mon = _GREG[re.sub(r"\s+", " ", m["m1"])]
        d = int(m["d"])
        if not 1 <= d <= 31:
            continue
        y = int(m["y"]) if m["y"] else None
        date = _mk(y, mon, d) if y else None
        if y and date is None:
            continue
        out.append(FoundDate(date, mon, d, m.start(), m.end(), "gregorian", y is not None))
    for m in _EN_RE.finditer(norm) if _LATIN_RE.search(norm) else ():  # English month names need Latin letters
        if m["m"]:
            d, mon, y = int(m["d"]), _EN[m["m"]], int(m["y"])
        else:
            d, mon, y = int(m["d2"]), _EN[m["m2"]], int(m["y2"])
        date = _mk(y, mon, d)
        if date:
            out.append(FoundDate(date, mon, d, m.start(), m.end(), "english", True))
    for m in _ISO_RE.finditer(norm):
        date = _mk(int(m["y"]), int(m["m"]), int(m["d"]))
        if date:
            out.append(FoundDate(date, date.month, date.day, m.start(), m.end(), "iso", True))
    return sorted(out, key=lambda f: f.start)


# A date introduced by these words opens a period ("منذ 27 سبتمبر"): it is not the date of the count.
_PERIOD_START_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:من\s*$|(?:منذ|ابتداء|اعتبارا|بدءا|بدء|بدايه|انطلاق|اندلاع)(?:(?!حتي|الي|لغايه).){0,40}$)"
)
# A date followed by a verb of starting ("وفي 27 سبتمبر بدأ الجيش عملية") opens a period too.
_PERIOD_START_AFTER_RE = re.compile(r"^[\W\d]*(?:\S+\W+)?(?:بدا|بدات|بدء|انطلق|انطلقت|اندلع|اندلعت)(?![\u0621-\u064a])")


def opens_period(norm: str, found: FoundDate) -> bool:
    """True when a date found in `norm` opens a period ("منذ 27 سبتمبر", "في 27 سبتمبر بدأ
    الجيش ..."): the date something started, not the date of the text or of a count."""
    return bool(_PERIOD_START_RE.search(norm[max(0, found.start - 60):found.start])
                or _PERIOD_START_AFTER_RE.search(norm[found.end:found.end + 40]))


def date_in_window(month: int, day: int, window_start: dt.date) -> dt.date | None:
    """The first date with this day and month on or after `window_start` (a day and month
    written without a year, read as falling in the twelve months from that day)."""
    for year in (window_start.year, window_start.year + 1):
        date = _mk(year, month, day)
        if date is not None and date >= window_start:
            return date
    return _mk(window_start.year + 1, month, day) if (month, day) == (2, 29) else None


def infer_published(norm: str, today: dt.date | None = None,
                    undated_from: dt.date | None = None) -> tuple[dt.date | None, str]:
    """Guess a publication date: the latest full date (with a year) written in the text
    that is not in the future and does not open a period ("منذ 27 سبتمبر"); failing that, when the profile gives `undated_from`, the
    latest day-and-month date without a year, read in the twelve months from that day.
    Returns the date and a short note on where it came from ("" when nothing was found)."""
    today = today or dt.date.today()
    found = [f for f in find_dates(norm) if not opens_period(norm, f)]
    full = [f for f in found if f.date and f.date <= today]
    if full:
        best = max(full, key=lambda f: f.date)
        return best.date, f"{best.calendar} date in the text"
    if undated_from is not None:
        dates = [d for f in found if not f.has_year
                 for d in [date_in_window(f.month, f.day, undated_from)] if d is not None and d <= today]
        if dates:
            return max(dates), f"day and month in the text, year from the profile (from {undated_from})"
    return None, "no full date in the text"


def parse_iso(value: str) -> dt.date | None:
    """Parse a sidecar date: YYYY-MM-DD (a time after it ignored), YYYY/MM/DD, D/M/YYYY or
    D.M.YYYY (day first, as Arab and European sources write it; M/D/YYYY only when the day
    cannot be first, "10/21/2020"), or a written date in Arabic or English ("21 أكتوبر 2020",
    "Oct 21, 2020"); None when it cannot be read."""
    value = normalize(str(value or "")).strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    m = re.fullmatch(r"((?:19|20)\d\d)[/.]([01]?\d)[/.]([0-3]?\d)", value)
    if m:
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"([0-3]?\d)[/.]([0-3]?\d)[/.]((?:19|20)\d\d)", value)
    if m:
        a, b = int(m[1]), int(m[2])
        return _mk(int(m[3]), b, a) if b <= 12 else _mk(int(m[3]), a, b)
    found = [f for f in find_dates(value) if f.date is not None]
    if len(found) == 1 and len(value) - (found[0].end - found[0].start) <= 12:
        return found[0].date  # the value is that date (a weekday or a time may stand beside it)
    return None
