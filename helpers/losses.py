"""Reported losses: every number a party or outlet put on losses, with claimant, side,
category, qualifier and the exact words, as rows of the losses table.

Rules (Arabic-generic; conflict knowledge comes from the profile):
- a loss is a number phrase (digits, words, mixed, vague, dual, "واحد" after the noun, or a
  bare singular in a list / right after a destruction verb) attached to a loss noun, or a
  bare count right after a casualty word ("أصيب 298") or closing "عدد ... إلى 963";
- the category comes from the noun and its modifiers (and a weapon model name), the action
  from the nearest compatible casualty/destruction/capture word in the sentence;
- the claimant is the speaker of the reporting clause (helpers.attribution), the outlet
  itself when nothing attributes the sentence;
- the side comes from the words right after the noun (adjectives, possessives, "تابعة ل"),
  then the agent of the sentence, then the claimant (own civilians and buildings are its
  own side, destroyed or captured equipment and taken places the opponent's).

Coding choices: a fuel depot counts as ammo_depots (a military supply depot), a radar station
as air_defense, "قطعة من المعدات العسكرية" (unspecified hardware) as vehicles; churches,
mosques, schools, hospitals are public_buildings; bodies handed over ("12 جثة لجنود") are
killed; a bare building or aircraft noun governed by a loss verb counts 1.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from helpers import lexicon as lx
from helpers.attribution import claimant_at, denials_in
from helpers.numbers import NumberPhrase, find_numbers, trie_pattern
from helpers.profile import ARABIC_LETTER, Profile, word_pattern
from helpers.text import normalize

LOSS_COLUMNS = [
    "article_id", "outlet", "published", "claimant", "claimant_en", "claimant_party",
    "affected_side", "category", "population", "action", "value", "value_low", "value_high",
    "qualifier", "cumulative", "historical", "denied_by", "number_text", "sentence", "start",
    "end", "mentions",
]
CATEGORIES = (
    "killed", "wounded", "missing", "prisoners", "tanks", "armored_vehicles", "artillery",
    "mortars", "mlrs", "air_defense", "drones", "aircraft", "helicopters", "missiles",
    "command_posts", "ammo_depots", "vehicles", "houses", "apartment_buildings",
    "public_buildings", "buildings", "settlements",
)
PEOPLE = ("killed", "wounded", "missing", "prisoners")
EQUIPMENT = (
    "tanks", "armored_vehicles", "artillery", "mortars", "mlrs", "air_defense", "drones",
    "aircraft", "helicopters", "missiles", "command_posts", "ammo_depots", "vehicles",
)
BUILDINGS = ("houses", "apartment_buildings", "public_buildings", "buildings")
SIDES = ("armenian", "azerbaijani", "both", "other", "unknown")
ACTIONS = ("killed", "wounded", "missing", "captured", "destroyed", "damaged", "taken")
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "up_to", "vague")

# Actions each kind of thing can undergo (the nearest compatible word governs).
_COMPATIBLE = {
    "people": ("killed", "wounded", "missing", "prisoners"),
    "equipment": ("destroyed", "captured", "damaged"),
    "building": ("destroyed", "damaged"),
    "settlement": ("taken", "captured"),
}
# Words of losing something oneself (the loss is the claimant's or agent's own side).
_OWN_LOSS = ("خسر", "خسرت", "خسارة", "خسائر", "فقد", "فقدت", "فقدان", "تكبد", "تكبدت", "فقدنا", "خسرنا")
_OWN_LOSS_N = frozenset(normalize(w) for w in _OWN_LOSS)
_DENIAL_KEYS = tuple({normalize(w)[:3] for w in lx.LOSS_DENIAL_CUES + lx.LOSS_DENIAL_VERBS})
_PEOPLE_EXTRA_N = frozenset(normalize(w) for w in lx.PEOPLE_KILLED_EXTRA)
_RE_MODEL_CUT = re.compile(r"[،,؛.]|\s[وف]?\d|\sو(?=\S)")
_RE_WS = re.compile(r"\s+")
_RE_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = tuple("0123456789")


class _Needs:
    """A regex every match of which contains one of a few words: where none of them occurs in
    the span searched, the regex is not run (str.find costs far less than a regex scan).
    search/match/finditer take the arguments of re.Pattern's."""

    __slots__ = ("rx", "keys")

    def __init__(self, rx: re.Pattern, words: Iterable[str]) -> None:
        self.rx = rx
        # a phrase is matched with flexible spaces: each of its words must occur (its longest is
        # the key); a key that contains another key adds nothing
        frags = {max(w.split(), key=len) for w in words if w.strip()}
        self.keys = tuple(sorted(f for f in frags if not any(g != f and g in f for g in frags)))

    def absent(self, text: str, a: int = 0, b: int = sys.maxsize) -> bool:
        """No key lies inside text[a:b]: the regex cannot match there."""
        span = text[a:b]
        for k in self.keys:
            if k in span:
                return False
        return True

    # (the key test written out in each: one Python call less per use)
    def search(self, text: str, a: int = 0, b: int = sys.maxsize) -> re.Match | None:
        span = text[a:b]
        for k in self.keys:
            if k in span:
                return self.rx.search(text, a, b)
        return None

    def match(self, text: str, a: int = 0, b: int = sys.maxsize) -> re.Match | None:
        span = text[a:b]
        for k in self.keys:
            if k in span:
                return self.rx.match(text, a, b)
        return None

    def finditer(self, text: str, a: int = 0, b: int = sys.maxsize) -> Iterator[re.Match]:
        span = text[a:b]
        for k in self.keys:
            if k in span:
                return self.rx.finditer(text, a, b)
        return iter(())


def _lex_words(words: Iterable[str]) -> list[str]:
    """Lexicon words as the loss regexes match them (normalised, spaces single)."""
    return [_RE_WS.sub(" ", normalize(w)).strip() for w in words if w]
# "ارتفع عدد القتلى إلى 65 والجرحى إلى 297" / "... إلى 42 وعدد المصابين إلى 206": a bare count
# followed by the next toll of the list
_RE_AND_TOLL_AFTER = re.compile(r"\s+و(?:(?:عدد|حصيله)\s+)?(?:ال)?(?:جرحي|مصابين|المصابين|مفقودين|اسري|قتلي)(?!\S)")
_RE_TO_END = re.compile(r"(?:الي|بلغ|بلغت|وصل|وصلت)\s*$")
_RE_TO_END2 = re.compile(r"(?:الي|بلغ|بلغت|يتجاوز|تتجاوز|يفوق|يقل\s+عن|يزيد\s+عن|يزيد\s+علي"
                         r"|[يت]قترب\s+من|[يت]قارب|[يت]ناهز)\s*$")  # "عدد القتلى يقترب من 5 آلاف"
# "ألفي قتيل لكل طرف / على كل جانب / لكل من الطرفين": the figure stands for each side, one row per side
_RE_EACH_SIDE = re.compile(r"\s+(?:ل|علي\s+|من\s+|في\s+)كل\s+(?:(?:طرف|جانب)|من\s+(?:الطرفين|الجانبين))(?!\w)")  # "عدد الأسرى لا يتجاوز 44"
# "ليبلغ إجمالي قتلاه 974": a reach verb before a toll named right before the number (no "إلى")
_RE_REACH_TOLL = re.compile(r"(?<!\S)[وف]?ل?[يت]?بلغ(?:ت)?\s+[وبل]?(?:ال)?(?:عدد|حصيله|اجمالي|مجموع)\s+[^.،,؛\d]{0,70}?\s*$")
_RE_TOLL_THEN_NUM = re.compile(r"\s+[وبل]?(?:ال)?(?:عدد|حصيله|اجمالي|مجموع)\s+[^.،,؛\d]{0,40}?\d")  # "... قتلاه 974"
# "نقلت وكالة رويترز عن ثلاثة مقاتلين": people a report is quoted from
_RE_SOURCE_BEFORE = re.compile(r"(?<!\S)[وف]?(?:نقلت|نقل|نقلا|ونقلت|تنقل|ينقل)\s+(?:[^.،,؛\d]{0,40}?\s)?عن\s+(?:\S+\s+)?$")
# "المفقودين الذين يقدر عددهم بأكثر من 200": a casualty noun whose number follows
_RE_WHOSE_COUNT = re.compile(r"(?<!\S)[وبل]?(?:ال)?(?P<w>مفقودين|قتلي|اسري|جرحي|مصابين|ضحايا|محتجزين)[\"»”]?\s+"
                             r"(?:الذين|اللذين|اللواتي)\s+[يت]?(?:قدر|بلغ|وصل|صل|تجاوز|زيد)\S*\s+عدد(?:هم|هن)\s+"
                             r"(?:\S+\s+){0,2}ب?$")
_RE_ORDINAL_ONE = _Needs(re.compile(r"(?<!\S)[وف]?(?P<w>اصابه|مقتل|جرح|اسر|فقدان)\s+(?P<o>ثالث|ثالثه|رابع|رابعه|خامس|خامسه)"
                                    r"(?![^\s.،,؛:])(?!\s+(?:من|في|عشر|عشره|ايام|يوم|مره)(?!\S))"),
                         ("ثالث", "رابع", "خامس"))
_ORDINAL_CAT = {"اصابه": "wounded", "جرح": "wounded", "مقتل": "killed", "اسر": "prisoners", "فقدان": "missing"}
_RE_DIGIT_END = re.compile(r"\d\s*$")
_RE_KANA_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:كان|كانت)\s+$")
_RE_COMPLEMENT = re.compile(r"(?:^|\s)[وفب]?[اا]ن\s+$")
_RE_LAM_WORD = re.compile(r"(?<!\S)ل\S*\s+$")
_RE_FROM_RANKS = re.compile(r"(?<!\S)(?:من|صفوف|في)\s+(?:\S+\s+){1,2}$")
# "خسائر الجيش الأرميني", "قتلى القوات الأذربيجانية": the forces a loss noun is of own it (no agent)
_RE_LOSS_OF = re.compile(r"(?<!\S)[وفبل]?(?:ال)?(?:خساير|خساره|قتلي)\s+\S+\s+$")
_RE_INTERCEPT_BEFORE = re.compile(r"(?<!\S)[وف]?(?:اعترضت|اعترض|اعترضنا|اعتراض|باعتراض|تعترض|يعترض)\s+(?:\S+\s+)?$")
_RE_OWN_BELONGING = re.compile(r"\s+(?:ال)?تابع(?:ه|ين|تين|ان|تان)?\s+(?:لها|له|لهم|لهما|لنا)(?!\S)")
_RE_BELONGING = re.compile(r"(?:تابعه|التابعه|تابعين|التابعين)\s+\S*$")
_RE_TO = re.compile(r"(?:الي|بلغ|بلغت)\s")
# clauses of a sentence: "، فيما/بينما/في حين" (maybe another speaker) and a participle going on
# to another point ("، مشيرا إلى أن ...")
_PARTICIPLE_ON = r"[وف]?(?:مشيرا|مشيره|مضيفا|مضيفه|موضحا|موضحه|لافتا|لافته|نافيا|نافيه)"
_RE_CLAUSE_SPLIT = re.compile(rf"[،,]\s*(?:فيما|بينما|في\s+حين|[وف]?اما|{_PARTICIPLE_ON})(?!\S)")
_RE_PARTICIPLE_SPLIT = re.compile(rf"[،,]\s*{_PARTICIPLE_ON}(?!\S)")
_RE_RISE_STOP = re.compile(r"[،,]|(?<!\S)(?:بعد|فيما|بينما|كما)(?!\S)")
# "لا يزال / ما زالت ..." right before a count (no clause mark between) or "... لا يزالون" right after
# it: a standing count (still wounded, still missing), not a running total
_RE_STILL = r"(?<!\S)[وف]?(?:لا|ما)\s+(?:يزال|تزال|زال|زالت|يزالون|زالوا|تزالان|يزالان)(?!\S)"
_RE_STILL_BEFORE = re.compile(_RE_STILL + r"[^.،,؛:]*$")
_RE_STILL_AFTER = re.compile(r"(?:\s+[^\s.،,؛:]+){0,2}?\s+" + _RE_STILL)
_RE_BODIES = re.compile(r"(?<!\S)[وبل]?(?:ال)?(?:رفات|جثث|جثامين|جثه|جثمان)\s+$")
# "3 من حرس الحدود الروس أصيبوا": the group counted (its first words) gives the population
_MILITARY_GROUP = ("حرس", "جنود", "الجنود", "قوات", "القوات", "عناصر", "ضباط", "الضباط", "مقاتلي", "عسكريي", "افراد")
_CIVILIAN_GROUP = ("المدنيين", "السكان", "الاطفال", "النساء", "المواطنين", "الاهالي")
_RE_OPT_MIN = re.compile(r"\s*[\"”»“']?\s*(?:من\s+)?")  # a closing quote may follow ("بضع عشرات" من)
# an adverbial between a verb and its object ("أسقطت، اليوم الخميس، مقاتلة"): time words only
_TIME_GAP_WORDS = frozenset(normalize(w) for w in list(lx.TIME_WORDS) + [
    "يوم", "صباح", "مساء", "فجر", "ظهر", "ليل", "ليلة", "أمس", "الأول", "أول", "امس", "خلال", "الليل", "الليلة",
    "الماضية", "الماضي", "اليوم"])
# a verb-subject-object clause: the subject between a destruction verb and its object names
# forces ("أسقطت دفاعاتنا الجوية طائرة")
_RE_FORCE_SUBJECT = re.compile(r"^[وف]?(?:ال)?(?:قوات|قواتنا|دفاعات|دفاعاتنا|الدفاعات|وحدات|وحداتنا|جيش|الجيش|جيشنا"
                               r"|طائرات|مسيرات|مدفعيه|مدفعيتنا|مقاتلات|الوحدات|القوات|المدفعيه|المسيرات|الطائرات)")
# manner adverbials that may stand there too ("أسقطت القوات بطريق الخطأ مروحية")
_MANNER_GAP_WORDS = frozenset(normalize(w) for w in (
    "بطريق", "طريق", "الخطأ", "خطأ", "بالخطأ", "عن", "بالكامل", "كليا", "مجددا", "أيضا", "كذلك"))
_RE_GAP_TOKENS = re.compile(r"[^\s،,()\-–]+")


_RE_MADE_IN = re.compile(r"\S+\s+(?:ال)?صنع")
_RE_CLAUSE_GAP = re.compile(r"[.،,؛:]|(?<!\S)[وف]?(?:ان|انه|انها|الذي|التي)(?!\S)")
_RE_NEXT_WORD = re.compile(r"\s*(?P<w>[^\s]+)")
_PASSIVE_NEXT = frozenset(normalize(w) for w in (
    "فوق", "في", "قرب", "بالقرب", "على", "عند", "خلال", "اثناء", "أثناء", "بنيران", "بصاروخ", "من", "عن", "داخل",
    "أمس", "اليوم", "صباح", "مساء", "ليل", "ليلة", "بعد", "قبل", "فيما", "بينما", "بعدما", "حين", "و"))


def _passive_use(lex: _Lex, norm: str, verb_end: int, limit: int) -> bool:
    """A verb after its noun is passive here ("أسقطت فوق ...", "دمرت بالكامل", end of clause),
    not the active verb of a noun that is its subject ("طائرة أسقطت مروحية")."""
    m = _RE_NEXT_WORD.match(norm, verb_end, limit)
    if not m:
        return True
    w = m.group("w")
    if not w[:1].isalpha():
        return True
    return w in _PASSIVE_NEXT or w.startswith("بال")


def _only_adverbial(gap: str) -> bool:
    """The words between a verb and its object are empty, only time adverbials, or a short
    subject naming forces ("أسقطت دفاعاتنا الجوية، اليوم، طائرة")."""
    words = [w for w in _RE_GAP_TOKENS.findall(gap)
             if w not in _TIME_GAP_WORDS and w not in _MANNER_GAP_WORDS and w != "عن"]
    if not words:
        return True
    return len(words) <= 3 and bool(_RE_FORCE_SUBJECT.match(words[0])) and not re.search(r"[.؛:]", gap)

_CLAUSE_BREAK = re.compile(r"[.!?؟؛;:\n]")
_LOCAL_BREAK = re.compile(r"[.!?؟؛;:\n،,]")
_W = rf"[{ARABIC_LETTER}\w]"


# ----------------------------------------------------------------------- compiled lexicon

def _alt(words: Iterable[str]) -> str:
    """Regex alternation of normalised words/phrases, longest first, spaces flexible."""
    return trie_pattern({_RE_WS.sub(" ", normalize(w)).strip() for w in words if w})


@dataclass
class _Lex:
    head_re: re.Pattern
    forms: dict[str, tuple[str, str]]  # normalised form -> (head key, sg|pl|du|duc)
    heads: dict[str, dict]
    modifiers: dict[str, list[tuple[re.Pattern | None, str]]]
    model_re: re.Pattern
    models: dict[str, str]
    action_re: re.Pattern
    actions: dict[str, str]
    aerial_re: re.Pattern
    nonloss_after: re.Pattern
    nonloss_before: re.Pattern
    followers_re: re.Pattern
    increment_re: re.Pattern
    pop_after_re: re.Pattern
    rise_re: re.Pattern
    total_re: re.Pattern
    since_re: re.Pattern
    hist_re: re.Pattern
    year_re: re.Pattern
    count_ctx_re: re.Pattern
    nonperson_re: re.Pattern
    one_re: re.Pattern
    any_re: re.Pattern


def _with_duals(words: list[str]) -> list[str]:
    """Modifier words plus the dual forms of feminine adjectives (مدرعة -> مدرعتين/مدرعتان)."""
    out = []
    for w in words:
        n = normalize(w)
        out.append(n)
        last = n.split(" ")[-1]
        if last.endswith("ه") and len(last) > 2:
            stem = n[:-1]
            out += [stem + "تين", stem + "تان"]
    return out


# "ليرتفع إجمالي قتلاه إلى 104": a toll noun with a possessive pronoun
_POSSESSED_TOLL = {"قتلاه": "killed", "قتلاها": "killed", "قتلاهم": "killed", "قتلانا": "killed",
                   "جرحاه": "wounded", "جرحاها": "wounded", "جرحاهم": "wounded", "جرحانا": "wounded",
                   "ضحاياه": "killed", "ضحاياها": "killed", "ضحايانا": "killed", "أسراه": "prisoners",
                   "أسراها": "prisoners", "مفقوديها": "missing", "مفقوديه": "missing"}
_POSSESSED_TOLL_N = {normalize(k): v for k, v in _POSSESSED_TOLL.items()}
# a casualty adjective right after a counted person noun names what happened to them
_CASUALTY_ADJ = {normalize(k): v for k, v in {
    "جريحا": "wounded", "جرحى": "wounded", "مصابا": "wounded", "قتيلا": "killed", "قتلى": "killed",
    "مفقودا": "missing", "مفقودين": "missing", "أسيرا": "prisoners", "أسرى": "prisoners"}.items()}
_RE_CASUALTY_ADJ = re.compile(r"\s+(?P<w>" + "|".join(sorted(_CASUALTY_ADJ, key=len, reverse=True)) + r")(?!\w)")


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    """Compile the Arabic-generic loss lexicon once."""
    forms: dict[str, tuple[str, str]] = {}
    heads: dict[str, dict] = {}
    for head, info in lx.LOSS_HEADS.items():
        key = normalize(head)
        heads[key] = dict(info, key=key)
        sg = [key] + ([key + "ا"] if not key.endswith(("ه", "ا")) else [])
        for f in sg:
            forms.setdefault(f, (key, "sg"))
        for f in info.get("pl", []):
            forms.setdefault(normalize(f), (key, "pl"))
        for f in info.get("du", []):
            nf = normalize(f)
            forms.setdefault(nf, (key, "duc" if nf.endswith("ي") else "du"))
    head_alt = trie_pattern(forms)
    head_re = re.compile(rf"(?<!{_W})(?P<pre>[وفبلك]{{0,2}}?)(?P<al>ال)?(?P<head>{head_alt})(?!{_W})")
    modifiers: dict[str, list[tuple[re.Pattern | None, str]]] = {}
    for head, rules in lx.HEAD_CATEGORIES.items():
        out = []
        for words, cat in rules:
            real = _with_duals([w for w in words if w])
            if real:
                # one nisba adjective may come first ("3 طائرات أذربيجانية مسيرة")
                out.append((re.compile(rf"(?:\s+\S+(?:يه|يتين|يتان|يين))?\s+(?:{_alt(real)})(?!{_W})"), cat))
            if "" in words:
                out.append((None, cat))
        modifiers[normalize(head)] = out
    models = {normalize(k): v for k, v in lx.WEAPON_MODELS.items()}
    model_re = re.compile(rf"(?<!{_W})(?:{_alt(models)})(?![{ARABIC_LETTER}a-z])")
    actions = {normalize(k): v for k, v in lx.ACTION_WORDS.items()}
    for w in lx.PEOPLE_KILLED_EXTRA:
        actions.setdefault(normalize(w), "destroyed")
    action_re = re.compile(rf"(?<!{_W})(?:[وفبل]{{0,2}}?)(?P<w>{_alt(actions)})(?:تا|ا|وا|ها|هم|هما)?(?!{_W})")
    aerial_re = re.compile(rf"(?<!{_W})[وف]?(?:{_alt(lx.AERIAL_TARGET_WORDS)})(?:ت|وا)?\s+$")
    nonloss_after = re.compile(rf"\s*[-/]?\s*(?:{_alt(lx.NON_LOSS_UNITS)}|{_alt(lx.MONTHS)}|%)(?!{_W})")
    nonloss_before = re.compile(
        r"(?:(?<!\w)(?:عام|العام|لعام|سنه|السنه|الساعه|رقم|المادة|الماده|القرار|قرار|القرارات|عمر|العمر"
        r"|يبلغ|البالغ|البالغه|طراز|نوع|الفوج|الفرقه|اللواء|الكتيبه|الطريق|اصل|عيار)\s+$)"
    )
    # a day word before a number is a date ("يوم 27", "السبت 3") unless a loss noun follows
    # the number ("ليل السبت 13 مدنيا", "فجر اليوم ثلاث طائرات")
    day_before = re.compile(
        r"(?<!\w)(?<!حتي )(?:فجر|مساء|صباح|الجمعه|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|يوم|اليوم)\s+$")
    followers = sorted({normalize(w) for w in lx.COUNT_FOLLOWERS}, key=len, reverse=True)
    followers_re = re.compile(
        rf"\s*(?:$|[^\w\s]|(?:{'|'.join(re.escape(f) for f in followers)})(?!{_W})|[وف](?=\s))"
    )
    increment_re = re.compile(rf"\s+(?:{_alt(['آخر', 'أخرى', 'آخرين', 'آخرون', 'إضافيين', 'إضافيا', 'جدد', 'جديدا'])})(?!{_W})")
    pop_after_re = re.compile(
        rf"\s+(?:من\s+|لل|ل)?(?:ال)?(?P<p>{_alt(['مدني', 'مدنيا', 'مدنيين', 'مدنيون', 'عسكري', 'عسكريا', 'عسكريين', 'عسكريون', 'جنود', 'الجنود'])})(?!{_W})"
    )
    rise_re = _Needs(re.compile(rf"(?<!{_W})[وفب]?(?:{_alt(lx.CUMULATIVE_RISE_WORDS)})(?!{_W})"),
                     _lex_words(lx.CUMULATIVE_RISE_WORDS))
    total_re = _Needs(re.compile(rf"(?<!{_W})[وفبل]?(?:{_alt(lx.CUMULATIVE_TOTAL_WORDS)})(?!{_W})"),
                      _lex_words(lx.CUMULATIVE_TOTAL_WORDS))
    since_re = re.compile(rf"(?<!{_W})[وف]?(?:منذ|خلال)(?:\s+\S+){{0,4}}?\s+[ول]?(?:{_alt(lx.CUMULATIVE_SINCE)})(?!{_W})"
                          rf"|(?<!{_W})[وف]?خلال\s+(?:هذه\s+)?(?:{_alt(lx.CUMULATIVE_WHOLE_WAR)})(?!{_W})(?!\s+(?!التي|الذي)ال\S+(?:يه|ي)(?!\S))"
                          rf"|(?<!{_W})[وف]?خلال\s+(?:\S+\s+){{0,1}}(?:{_alt(lx.CUMULATIVE_LONG_SPANS)})\s+من\s+"
                          rf"(?:{_alt(lx.CUMULATIVE_WAR_NOUNS)})(?!{_W})")
    since_re = _Needs(since_re, ("منذ", "خلال"))
    hist_re = _Needs(re.compile(rf"(?<!{_W})(?:{_alt(lx.HISTORICAL_CUES)})(?!{_W})"), _lex_words(lx.HISTORICAL_CUES))
    year_re = _Needs(re.compile(r"(?:(?<!\w)(?:عام|العام|اعوام|سنه|حرب|حربي|الحرب|في)\s+|(?<=\d)[-–/])"
                                r"(?P<y>1[89]\d\d|20\d\d)(?!\d)"), ("18", "19", "20"))
    people_ctx = [k for k, v in lx.ACTION_WORDS.items() if v in PEOPLE] + [
        "قتيل", "قتلى", "جرحى", "جريح", "ضحايا", "مصابين", "مفقودين", "أسرى", "جثث", "جثامين", "رفات"] + list(_POSSESSED_TOLL)
    count_ctx_re = re.compile(rf"(?<!{_W})[وبل]?(?:ال)?(?:عدد|حصيله|اجمالي|مجموع)\s+(?P<ctx>[^.،؛\n]{{0,80}}?)\s*$")
    nonperson_re = re.compile(rf"\s+(?:من\s+)?(?:ال)?(?:{_alt(lx.NON_CASUALTY_PEOPLE)})(?!{_W})")
    atleast_after = re.compile(r"(?:\s+\S+)?\s+(?:علي\s+الاقل|كحد\s+ادني)(?!\w)")
    ctx_pop = re.compile(rf"(?<!{_W})[وبل]?(?:ال)?(?:عدد|حصيله|اجمالي)\s+(?:ال\S+\s+)?(?:ل(?=ل|ق|ض|ج|م|ا|و))?(?:ال)?(?:قتلي|قتلا\S*|ضحايا\S*|جرحي|جرحا\S*|مصابين|اصابات|وفيات)\s+(?:(?:من|في\s+صفوف|بين)\s+)?(?:ال)?(?P<p>مدنيين|عسكريين|جنود|المدنيين|العسكريين|مقاتلين|المقاتلين|القوات|قوات|مرتزقه|المرتزقه|الجيش|جيش)(?!{_W})")
    denial_re = _Needs(re.compile(
        rf"(?<!{_W})(?:{_alt(lx.LOSS_DENIAL_CUES)})(?!{_W})"
        rf"|(?<!{_W})(?:{_alt(lx.LOSS_DENIAL_VERBS)})(?:\s+\S+){{0,5}}?\s+(?:{_alt(lx.LOSS_DENIAL_OBJECTS)})(?!{_W})"),
        _lex_words(lx.LOSS_DENIAL_CUES + lx.LOSS_DENIAL_VERBS))
    one_re = re.compile(rf"\s+(?P<one>واحد|واحده)(?!{_W})")
    any_re = re.compile(r"(?:^|\s)(?:اي|أي|ايه|بعض|كل|عده|عدد|احدي|احد)\s+$")
    lex = _Lex(
        head_re=head_re, forms=forms, heads=heads, modifiers=modifiers, model_re=model_re,
        models=models, action_re=action_re, actions=actions, aerial_re=aerial_re,
        nonloss_after=nonloss_after, nonloss_before=nonloss_before, followers_re=followers_re,
        increment_re=increment_re, pop_after_re=pop_after_re, rise_re=rise_re, total_re=total_re,
        since_re=since_re, hist_re=hist_re, year_re=year_re, count_ctx_re=count_ctx_re,
        nonperson_re=nonperson_re, one_re=one_re, any_re=any_re,
    )
    lex.day_before_re = day_before  # type: ignore[attr-defined]
    lex.atleast_after_re = atleast_after  # type: ignore[attr-defined]
    lex.denial_re = denial_re  # type: ignore[attr-defined]
    lex.ctx_pop_re = ctx_pop  # type: ignore[attr-defined]
    lex.people_ctx_re = re.compile(rf"(?<!{_W})[وفبل]{{0,2}}?(?:ال)?(?P<w>{_alt(people_ctx)})(?!{_W})")  # type: ignore[attr-defined]
    return lex


_PROFILE_CACHE: dict[tuple[str, str], dict] = {}


def _side_forms(word: str) -> list[str]:
    """A side word with and without the article and in the other numbers/cases of a nisba
    adjective (أرميني -> أرمينيين، أرمينيون، أرمينيتين ...)."""
    forms = {word}
    bare = word[2:] if word.startswith("ال") and " " not in word else word
    forms.add(bare)
    if " " not in bare:
        if bare.endswith("يه"):
            stem = bare[:-1]
            forms.update({stem + "تين", stem + "تان"})
        elif bare.endswith("ي"):
            forms.update({bare + "ين", bare + "ون", bare + "ا", bare + "ان"})
    out = set(forms)
    for f in forms:
        if " " not in f and not f.startswith("ال") and len(f) > 3:
            out.add("ال" + f)
    return sorted(out)


def _profile_lex(profile: Profile) -> dict:
    """Side-word patterns of a profile, compiled once per profile version."""
    key = (profile.name, profile.version)
    got = _PROFILE_CACHE.get(key)
    if got is not None:
        return got
    side_of: dict[str, str] = {}
    for side, words in profile.side_words.items():
        for w in words:
            for form in _side_forms(w):
                side_of.setdefault(form, side)
    # nationals of a third country ("الطاقم الروسي", "حرس الحدود الروس"): side "other"
    for party, words in (profile.data.get("party_words") or {}).items():
        if profile.party_side(str(party)) != "other" or str(party) in ("Media", "Other", "Unknown"):
            continue
        for w in words or []:
            for form in _side_forms(normalize(str(w))):
                side_of.setdefault(form, "other")
    for w in lx.ENEMY_WORDS:
        side_of.setdefault(normalize(w), "enemy")
    for w in lx.BOTH_SIDES_WORDS:
        side_of.setdefault(normalize(w), "both")
    side_re = re.compile(word_pattern(sorted(side_of)))
    attack = _alt(lx.ATTACK_NOUNS)
    places = set()
    for place in profile.data.get("places") or []:
        for sp in place.get("ar") or []:
            places.add(normalize(str(sp)))
    place_side: dict[str, str] = {}
    for place in profile.data.get("places") or []:
        pside = profile.party_side(str(place.get("held_by") or place.get("party") or ""))
        if pside in ("armenian", "azerbaijani") and place.get("kind") != "region":
            for sp in place.get("ar") or []:
                place_side[normalize(str(sp))] = pside
    got = {
        "state_parties": {act.party for act in profile.actors if act.kind == "state"} - {"Media", "Other", "Unknown"},
        "state_ids": {act.id for act in profile.actors if act.kind == "state"},
        "places": places,
        "place_side": place_side,
        "place_side_re": re.compile(word_pattern(sorted(place_side))) if place_side else None,
        "institution_before": re.compile(r"(?:جيش|الجيش|قوات|القوات|سلطات|السلطات|حكومه|الحكومه|وزاره|دفاع|انفصاليي|الانفصاليين|انفصاليو|مسلحي)\s+(?:في\s+)?(?:اقليم\s+)?$"),
        "side_re": side_re,
        "side_of": side_of,
        "attack_before": re.compile(rf"(?<!{_W})[وفبل]?(?:ال)?(?:{attack})ا?\s+(?:(?:ال)?\S+(?:يا|ي|يه)\s+)?(?:من\s+)?(?:قبل\s+)?(?:ال)?$"),
        # a side word naming a place ("محافظة أذربيجان الشرقية") or the one who took control
        # ("انتقلت إلى سيطرة أذربيجان") is no side cue for the losses
        "not_side_before": re.compile(r"(?:محافظه|مقاطعه|ولايه|اقليم|سيطره|لسيطره|بسيطره)\s+$"),
        "agent_before": re.compile(rf"(?<!{_W})(?:الجيش|جيش|القوات|قوات|الوحدات|وحدات|المقاتلات|الطائرات)\s+$"),
        "agent_after": re.compile(r"^\s*(?:\S+\s+){0,2}?(?:تمكن|تمكنت|نجح|نجحت|دمر|دمرت|سيطر|سيطرت|استولت|استولي|حرر|حررت|اسقط|اسقطت|قتل|قتلت|استعاد|استعادت|تقدمت|واصلت|تواصل|يواصل)"),
    }
    _PROFILE_CACHE[key] = got
    return got


# ----------------------------------------------------------------------- items

@dataclass
class _Item:
    """A loss found in one sentence (normalised offsets)."""

    n_start: int
    n_end: int
    value: int
    low: int | None
    high: int | None
    qualifier: str
    kind: str  # people | equipment | building | settlement
    category: str
    population: str
    action: str
    h_start: int  # noun span (or number span when there is no noun)
    h_end: int
    tail_end: int  # end of the noun phrase with modifiers and model
    increment: bool = False
    side_hint: str = ""  # side named in a count context ("عدد الأرمن الذين قتلوا")
    pop_from_prev: bool = False
    has_noun: bool = True
    extra: dict = field(default_factory=dict)


def _joint_noun(lex: _Lex, norm: str, prev: _Item, pos: int) -> bool:
    """A singular noun joined by a bare "و" (no comma) to a singular counted noun shares its
    count ("200 دبابة وعربة مدرعة"); after a plural ("7 مروحيات وطائرة") it is its own item."""
    gap = norm[prev.tail_end:pos]
    if "،" in gap or "," in gap or gap.strip():
        return False
    form = lex.forms.get(norm[prev.h_start:prev.h_end], ("", ""))[1]
    return form == "sg" and prev.value > 10


def _group_count(lex: _Lex, norm: str, p: NumberPhrase, b: int, acts) -> _Item | None:
    """"3 من حرس الحدود الروس أصيبوا": N, "من", a few words naming a group, then a casualty verb."""
    if not norm.startswith(" من ", p.end) and not norm.startswith("  من ", p.end):
        return None
    after = [x for x in _main_predicate(norm, acts, p.end, b) if p.end <= x[0] <= p.end + 45 and x[3] in PEOPLE]
    if not after:
        return None
    s, e, w, act = after[0]
    group = norm[p.end:s]
    if _CLAUSE_BREAK.search(group) or "،" in group or re.search(r"\d", group):
        return None
    words = group.split()
    pop = ("military" if any(x.startswith(_MILITARY_GROUP) for x in words)  # "جنودها" too
           else "civilian" if any(x.startswith(_CIVILIAN_GROUP) for x in words) else "unspecified")
    return _Item(p.start, p.end, p.value, p.value_low, p.value_high, p.qualifier, "people", act, pop,
                 "captured" if act == "prisoners" else act, p.start, p.end, s, has_noun=False)


_RE_RELATIVE = re.compile(r"(?<!\S)(?:الذين|اللذين|اللتين|التي|الذي|اللواتي)(?!\S)")
_RE_ENEMY_BEFORE = re.compile(r"(?<!\S)[وبلف]?(?:لل|ال)?عدو(?!\S)")
_RE_OTHERS_THEN = re.compile(r"\s+(?:ال)?(?:اخرين|اخرون)\s+(?:(?:قد|لقد)\s+)?")
_RE_OF_THEM = re.compile(r"\s+[وف]?(?:منهم|بينهم)(?!\w)")
_RE_AMONG_CIVIL = re.compile(r"\s+[وف]?(?:بينهم|منهم)\s+(?:\S+\s+){1,3}?(?:ال)?(?:اطفال|نساء|مدنيين|مدنيون|طفلا|طفلان|طفلين|امراه|امراتان|امراتين)(?!\w)")
_FAQAD = normalize("فقد")
_FIQDAN = normalize("فقدان")
_MARTYR = normalize("استشهد")
_HAYAT = normalize("حياة")
# lives saved, protected, threatened or put at risk are not lives lost: "ستنقذ حياة آلاف المدنيين",
# "قد تهدد حياة نحو 400 ألف شخص", "يعرض حياة المدنيين للخطر"
_RE_SAVE_BEFORE = re.compile(r"(?<![^\s\"“«])[وفل]?(?:س|ل)?(?:ينقذ|تنقذ|انقاذ|انقذ|انقذت|ينقذون|حمايه|لحمايه|يحمي|تحمي"
                             r"|يهدد|تهدد|يهددان|تهددان|هدد|هددت|تهديد|يعرض|تعرض|تعريض)\s+$")
_RE_TWO_AFTER = re.compile(r"(?:\s+\S+(?:يين|يون|ين|ات))?\s+(?P<two>اثنين|اثنان|اثنتين|اثنتان)(?!\w)")
_RE_PARTICLE_BEFORE = re.compile(r"[،,:]\s*$")
_RE_AMONG_BEFORE = re.compile(r"(?<!\S)[وف]?(?:بينهم|منهم|بينهن|منهن)\s+$")
_RE_CREW = re.compile(r"\s+(?:من\s+)?(?:ال)?طاقم\S*")


def _person_plural_pop(lex: _Lex, norm: str, a: int, pos: int) -> str:
    """Population of the last plural person noun before pos ("حافلة تقل جنودا ... مقتل 7 منهم")."""
    last = ""
    for m in _person_plural_re(lex).finditer(norm, max(a, pos - 160), pos):
        last = lex.heads[lex.forms[m.group("w")][0]].get("pop", "unspecified")
    return last


@lru_cache(maxsize=1)
def _person_plural_re_cached() -> re.Pattern:
    lex = _lex()
    pl = [f for f, (k, form) in lex.forms.items() if form == "pl" and lex.heads[k]["kind"] == "person"]
    return re.compile(rf"(?<!{_W})[وفبل]?(?:ال)?(?P<w>{trie_pattern(pl)})ا?(?!{_W})")


def _person_plural_re(lex: _Lex) -> re.Pattern:
    """Plural person nouns, accusative ا allowed ("جنودا")."""
    return _person_plural_re_cached()


# "عدد قتلى الجيش بلغ 2783": a count that reached a figure is a running total
# ("بلغ 27 قتيلا و94 جريحا": the second figure of the list too)
_RE_COUNT_REACHED = _Needs(re.compile(
    r"(?<!\S)[وبل]?(?:عدد|حصيله)\s+[^.،,؛]{0,60}?(?:بلغ|بلغت|وصل|وصلت)\s+(?:\S+\s+){0,3}(?:\d+\s+\S+\s+و)?$"
    r"|(?<!\S)[ول]?(?:بلغ|بلغت|وصل|وصلت|يصل|تصل|يبلغ|تبلغ)\s+(?:عدد|حصيله)\S*\s+(?:[^.؛]{0,40}?\s)?$"), ("عدد", "حصيله"))
# "حتى هذه اللحظة قتل 41", "تضررت حتى الآن 61 مدرسة", "قتلوا حتى الآن": a toll so far is a running
# total (the passages gold keeps "حرر حتى الآن 22 بلدة" an increment: a convention difference); "في حصيلة تعد الأعلى منذ بدء
# الحرب" compares one strike with the war, it does not total it
_RE_SO_FAR = _Needs(re.compile(r"(?<!\S)حتي\s+(?:(?:هذه\s+)?اللحظه(?!\w)|الان(?!\w)|اليوم(?=\s+(?:نحو\s+|قرابه\s+|اكثر\s+من\s+)?\d))"),
                    ("حتي",))
_RE_SAME_PERIOD = re.compile(r"(?<!\S)(?:خلال|في)\s+الفتره\s+(?:نفسها|ذاتها)(?!\w)")
# "بعد حرب أودت بحياة نحو 3800 جندي", "حرب استمرت 44 يوما، قتل فيها أكثر من 6500": the toll of a
# whole war, named as one finished war (indefinite "حرب"), is a running total ("الحرب التي خلفت"
# in a running story is not; a historical war is flagged historical, which clears it again)
_RE_WAR_TOLL = _Needs(re.compile(r"(?<!\S)[وبل]?حرب(?:ا|ه)?\s+(?:[^.؛:]{0,40}?\s)?و?"
                                 r"(?:اودت\s+بحياه|قتل\s+(?:فيها|خلالها)|اوقعت|خلفت|حصدت|اسفرت\s+عن\s+مقتل)"
                                 r"\s+(?:\S+\s+){0,3}$"), ("حرب",))
# The toll of the war as a whole, also definite: the war as the subject of a toll verb ("أودت الحرب
# بحياة آلاف", "أسفرت الحرب التي استمرت 44 يوما عن مقتل"), a war since which time has passed ("منذ
# الحرب التي قتل فيها"), the count of the dead of the conflict ("عدد القتلى في النزاع ... يقترب من")
_RE_WHOLE_WAR_TOLL = _Needs(re.compile(
    r"(?<!\S)[وف]?(?:اودت|اسفرت|خلفت|حصدت|اوقعت)\s+(?:ال)?(?:حرب|نزاع|معارك)(?:\s+[^.؛:]{0,40}?)??"
    r"\s+(?:(?:بحياه|عن\s+مقتل|عن\s+سقوط|عن)\s+)?(?:\S+\s+){0,3}$"
    r"|(?<!\S)منذ\s+(?:انتهاء\s+|نهايه\s+)?الحرب\s+(?:[^.؛:\d]{0,40}?\s)?"
    r"(?:اودت\s+بحياه|قتل\s+(?:فيها|خلالها)|اوقعت|خلفت|حصدت|اسفرت\s+عن\s+مقتل)\s+(?:\S+\s+){0,3}$"
    r"|(?<!\S)[وبل]?عدد\s+(?:ال)?(?:قتلي|ضحايا)\s+(?:في|خلال|جراء)\s+(?:ال)?(?:نزاع|حرب|معارك|قتال)\S*\s+[^.؛:\d]{0,60}$"
    # a speaker's "إن الحرب أسفرت عن مقتل ..." / "إن الحرب أودت بحياة ...": the war as the subject
    # (and the figures listed after it in the clause: "... مقتل 4 آلاف شخص وإصابة 8 آلاف")
    r"|(?<!\S)ان\s+(?:ال)?(?:حرب|نزاع|معارك)\s+(?:اودت\s+بحياه|اسفرت\s+عن\s+مقتل|خلفت|حصدت|اوقعت)\s+[^.؛:،,]{0,60}$"),
    ("اودت", "اسفرت", "خلفت", "حصدت", "اوقعت", "منذ", "عدد"))
# A side word as the subject of a holding verb ("يريفان تحتجز", "باكو لا تزال تحتجز"): it holds the
# prisoners, who belong to the other side.
_RE_HOLDER_AFTER = re.compile(r"\s+(?:(?:لا|ما)\s+(?:تزال|يزال|زالت|زال)\s+)?"
                              r"(?:تحتجز|يحتجز|احتجزت|احتجز|تعتقل|يعتقل|اعتقلت|تاسر|ياسر)(?!\S)")
# "ارتفعت الحصيلة إلى 92، بعد مقتل شخص": the loss after a rise to a total is its increment
_RE_AFTER_LOSS_BEFORE = re.compile(r"(?<!\S)بعد\s+(?:مقتل|سقوط|اصابه|استشهاد|مصرع)\s+(?:\S+\s+)?$")
# "في أول حادث من نوعه منذ توقف القتال": the first event since a date, no total
_RE_FIRST_BEFORE = re.compile(r"(?<!\S)(?:في\s+)?اول\s+(?:\S+\s+){1,3}$")
_RE_SUPERLATIVE_BEFORE = re.compile(r"(?<!\S)(?:الاعلي|الاكبر|الاسوا|الاكثر|الاشد|الاعنف)\s+$")
_RE_RISE_AFTER = _Needs(re.compile(r"[^.؛]{0,70}?[،,]?\s*(?:[وف]?(?:ل|لي|لت)(?:يرتفع|ترتفع|رتفع|تصل|يصل|تبلغ|يبلغ)"
                                   r"|[وف]?م?ما\s+(?:يرفع|رفع|ترفع))(?!\w)"),
                        ("رتفع", "تصل", "يصل", "تبلغ", "يبلغ", "رفع"))
# "ما يرفع حصيلة قتلاها إلى 155 منذ ...": a total stated with its period; the period is that total's
_RE_RISE_TO_TOTAL = re.compile(r"[،,]\s*(?:[وف]?(?:ل|لي|لت)(?:يرتفع|ترتفع|تصل|يصل|تبلغ|يبلغ)|[وف]?م?ما\s+(?:يرفع|رفع|ترفع))(?!\w)")
# "يستقبل يوميا ما بين 15 و20 جريحا": a daily rate, not a running total
_RE_DAILY_BEFORE = re.compile(r"(?<!\S)(?:يوميا|كل\s+يوم|في\s+اليوم\s+الواحد)\s+(?:\S+\s+){0,2}$")


def _rise_after(lex: _Lex, norm: str, pos: int, b: int) -> bool:
    """The number is the increment of a running total stated right after it
    ("قتل 16 عسكريا، لترتفع الحصيلة إلى 826")."""
    m = _RE_RISE_AFTER.match(norm, pos, b)
    return bool(m) and bool(_RE_TO.search(norm, m.end(), b) or _RE_TOLL_THEN_NUM.match(norm, m.end(), b))


@lru_cache(maxsize=1)
def _since_date_re() -> _Needs:
    """"منذ 27 سبتمبر", "حتى منتصف ديسمبر": a period from a date, or up to one, is a running total."""
    months = _alt(lx.MONTHS)
    return _Needs(re.compile(
        rf"(?<!{_W})[وف]?منذ\s+(?:\d{{1,2}}\s+|[^\s\d.،,]+\s+){{0,4}}?(?:من\s+)?(?:{months})(?!{_W})"
        # "خلال الفترة بين 27 سبتمبر و10 نوفمبر": a period from a date
        rf"|(?<!{_W})(?:خلال|في)\s+الفتره\s+(?:الممتده\s+)?(?:من|بين|منذ)\s+(?:\d{{1,2}}\s+)?(?:{months})(?!{_W})"),
        ("منذ", "الفتره"))


@lru_cache(maxsize=1)
def _until_date_re() -> _Needs:
    """"... 2317 جنديا حتى منتصف ديسمبر": a count up to a date (after the number) is a running total."""
    months = _alt(lx.MONTHS)
    return _Needs(re.compile(rf"(?<!{_W})حتي\s+(?:(?:منتصف|نهايه|مطلع|اواخر|اوائل|بدايه)\s+)?(?:\d{{1,2}}\s+)?"
                             rf"(?:{months})(?!{_W})"), ("حتي",))


def _settlement_in(lex: _Lex, ctx: str) -> re.Match | None:
    """A plural place noun in a count context ("عدد البلدات والقرى المحررة")."""
    for h in lex.head_re.finditer(ctx):
        key, form = lex.forms[h.group("head")]
        if lex.heads[key]["kind"] == "settlement" and form == "pl":
            return h
    return None


_TOLL_WORD_CAT = {"قتيل": "killed", "قتلي": "killed", "ضحايا": "killed", "جرحي": "wounded", "جريح": "wounded",
                  "مصابين": "wounded", "مفقودين": "missing", "اسري": "prisoners", "جثث": "killed",
                  "جثامين": "killed", "رفات": "killed"}
# "لتتجاوز حصيلة قتلاها 1200": a toll said to pass a figure (more than it)
# "قدر عدد القتلى من الجانبين بنحو 5 آلاف": an estimate, the toll then "ب" and the number
_RE_ESTIMATED_AT = re.compile(r"(?<!\S)[وف]?(?:قدر|قدرت|قدروا|يقدر|تقدر)[\s،,]+(?:[^.؛]{0,40}?[\s،,])?(?:عدد|حصيله)\s+"
                              r"[^.،,؛\d]{0,60}?(?<!\S)ب\s*$")
# "، والجرحى إلى": a second toll after a comma, its count noun ("عدد") left out
_RE_ELLIPTIC_TOLL = re.compile(r"[،,]\s*و(?:ال)?(?P<w>جرحي|مصابين|قتلي|مفقودين|اسري)\s+(?:الي|بلغ|بلغت)\s*$")
_RE_COUNT_WORD = re.compile(r"(?<!\S)[وبل]?(?:ال)?(?:عدد|حصيله|اجمالي|مجموع)(?!\S)")
_RE_EXCEED_TOLL = re.compile(r"(?<!\S)[وفل]?(?:تتجاوز|يتجاوز|تجاوزت|تجاوز|تتخطي|يتخطي|تخطت|تخطي)\s+"
                             r"(?:[وبل]?(?:عدد|حصيله|اجمالي)\s+[^.،,؛\d]{0,40}?)\s*$")


def _possessed_toll_in(ctx: str) -> bool:
    """The count context names the speaker's own toll ("حصيلة قتلاها"), not another group."""
    return any(w.lstrip("وفبل") in _POSSESSED_TOLL_N for w in ctx.split())


def _last_match(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The last non-overlapping match of a pattern in text[pos:endpos], or None."""
    m = None
    for m in pattern.finditer(text, pos, len(text) if endpos is None else endpos):  # noqa: B007 (the last one)
        pass
    return m


def _toll_word_cat(lex: _Lex, ctx: str) -> str | None:
    """The category named by the last casualty word of a count context ("عدد قتلاه" -> killed)."""
    wm = _last_match(lex.people_ctx_re, ctx)
    if wm is None:
        return None
    word = normalize(wm.group("w"))
    return lex.actions.get(word) or _TOLL_WORD_CAT.get(word) or _POSSESSED_TOLL_N.get(word)


def _toll_before(lex: _Lex, norm: str, a: int, p: NumberPhrase) -> tuple[str | None, str, bool]:
    """A running toll named before the number ("ارتفاع عدد قتلاه إلى 1177 عسكريا", "لتتجاوز حصيلة
    قتلاها 1200"): its category, the context words and whether the toll passes the figure."""
    seg = norm[max(a, p.start - 120):p.start]
    ex = _RE_EXCEED_TOLL.search(seg)
    if ex:
        cat = _toll_word_cat(lex, ex.group(0))
        if cat is not None:
            return cat, ex.group(0), True
    if _RE_TO_END.search(seg) or _RE_TO_END2.search(norm[max(a, p.start - 30):p.num_start]):
        cm = lex.count_ctx_re.search(seg)
        if cm:
            return _toll_word_cat(lex, cm.group("ctx")), cm.group("ctx"), False
    if "بلغ" in seg:
        # "لتبلغ حصيلة قتلاها منذ 27 أيلول/سبتمبر 1221 عسكريا": a reach verb, the toll, a date, the number
        dm = _trailing_date_re().search(seg)
        seg2 = seg[:dm.start()] + " " if dm else seg
        if _RE_REACH_TOLL.search(seg2):
            cm = lex.count_ctx_re.search(seg2)
            if cm:
                cat = _toll_word_cat(lex, cm.group("ctx"))
                if cat is not None:
                    return cat, cm.group("ctx"), False
    return None, "", False


@lru_cache(maxsize=1)
def _trailing_date_re() -> re.Pattern:
    """A period from or up to a date ending a text ("منذ 27 أيلول/سبتمبر ")."""
    months = _alt(lx.MONTHS)
    return re.compile(rf"\s(?:منذ|حتي)\s+(?:\d{{1,2}}\s+)?(?:{months})(?:\s*/\s*(?:{months}))?\s*$")


def _context_population(lex: _Lex, norm: str, a: int, pos: int) -> str:
    """Population named in a count context before the number ("عدد القتلى المدنيين ... بلغ");
    the enemy's losses are military ("كبدت العدو خسائر بلغت 300 قتيل")."""
    if _RE_ENEMY_BEFORE.search(norm, max(a, pos - 70), pos):
        return "military"
    seg_start = max(a, pos - 90)
    m = _last_match(lex.ctx_pop_re, norm, seg_start, pos)
    if m is None:  # "الضحايا المدنيين، الذين بلغ عددهم 93", "عدد العسكريين الذين سقطوا"
        m = _last_match(_RE_VICTIMS_POP, norm, seg_start, pos)
    if m is None:
        return ""
    return "civilian" if "مدني" in m.group("p") else "military"


_RE_RANKS_AFTER = re.compile(r"\s+(?:\S+\s+)?في\s+صفوف\s+[وبل]?(?P<p>(?:ال)?(?:جيش|قوات|جنود|عسكريين|مقاتلين|مدنيين|"
                             r"الجيش|القوات|الجنود|العسكريين|المقاتلين|المدنيين))(?!\S)")
_RE_VICTIMS_POP = re.compile(r"(?<!\S)[وبل]?(?:(?:ال)?(?:ضحايا|قتلي|جرحي|مصابين)|عدد)\s+(?:ال)?(?P<p>مدنيين|عسكريين|جنود|مقاتلين)(?!\S)")


_RE_PARTIAL = re.compile(r"[^.،,؛]{0,30}?(?<!\S)(?:جزييا|(?:بشكل|بصوره)\s+(?:(?:كلي|تام|كامل)\s+او\s+)?جزيي)(?!\w)")  # normalised جزئي


def _kind_of(head: dict) -> str:
    k = head["kind"]
    return "people" if k in ("casualty", "person") else k


def _resolve_category(lex: _Lex, norm: str, key: str, h_end: int, limit: int) -> tuple[str | None, int]:
    """Category of an equipment/building/place head from its modifiers; end of the phrase."""
    for pat, cat in lex.modifiers.get(key, []):
        if pat is None:
            return cat, h_end
        m = pat.match(norm, h_end, limit)
        if m:
            return cat, m.end()
    return None, h_end


def _model_category(lex: _Lex, norm: str, start: int, limit: int) -> tuple[str | None, int]:
    """A weapon model named right after a noun phrase ("من طراز "أغلا""), before the next item."""
    window_end = min(limit, start + 40)
    seg = norm[start:window_end]
    cut = _RE_MODEL_CUT.search(seg)
    if cut:
        window_end = start + cut.start()
    m = lex.model_re.search(norm, start, window_end)
    if m:
        return lex.models.get(_RE_WS.sub(" ", m.group(0))), m.end()
    return None, start


_OVERRIDABLE_N = frozenset(normalize(x) for x in lx.MODEL_OVERRIDABLE)
_AIRCRAFT_HEAD = normalize("طائرة")


def _apply_model(lex: _Lex, norm: str, key: str, cat: str | None, tail: int, limit: int) -> tuple[str | None, int]:
    """Let a weapon model name settle the category of a generic system (an aircraft only
    becomes a drone)."""
    if key not in _OVERRIDABLE_N:
        return cat, tail
    mcat, mend = _model_category(lex, norm, tail, limit)
    if mcat and (key != _AIRCRAFT_HEAD or mcat == "drones"):
        return mcat, max(tail, mend)
    return cat, tail


def _noun_at(lex: _Lex, norm: str, pos: int, limit: int, allow_al: bool) -> re.Match | None:
    """The loss noun starting right after pos (white space, optionally "من" and ال between)."""
    m = _RE_OPT_MIN.match(norm, pos, limit)
    start = m.end() if m else pos
    via_min = bool(m and "من" in m.group(0))
    h = lex.head_re.match(norm, start, limit)
    if h is None and via_min:
        h = _poss_person_re().match(norm, start, limit)  # "400 من عناصره", "11 من جنودنا"
    if not h or (h.group("pre") and h.group("pre") not in ("",)):
        return None
    if h.group("al") and not (allow_al or via_min):
        return None
    if start - pos > 0 and norm[pos:start].strip(" \"”»“'") and not via_min:
        return None
    return h


@lru_cache(maxsize=1)
def _poss_person_re() -> re.Pattern:
    """A plural person noun with a possessive suffix ("عناصره", "جنودنا", "مقاتليها")."""
    lex = _lex()
    pl = {f for f, (k, form) in lex.forms.items() if form == "pl" and lex.heads[k]["kind"] == "person"}
    pl |= {f[:-1] for f in pl if f.endswith("ين")} | {f[:-1] for f in pl if f.endswith("ون")}  # مقاتلي-ها
    return re.compile(rf"(?P<pre>)(?P<al>)(?P<head>{trie_pattern(pl)})(?P<poss>ه|ها|هم|هما|نا|كم)(?!{_W})")


_RE_OF_THEM_AFTER = re.compile(r"\s+[وف]?(?:منهم|بينهم|منها|بينها)(?!\w)")


# words that may stand between a casualty verb and its bare count: a pronoun group, time
# adverbials, an estimate ("قتل منهم حتى الآن 119", "تكبد خسائر بشرية فادحة تقدر بالعشرات")
_BARE_GAP_WORDS = frozenset(normalize(w) for w in (
    "منهم", "بينهم", "حتى", "الآن", "الان", "هذه", "اللحظة", "الساعة", "ذلك", "الحين", "تقدر", "يقدر", "قدرت",
    "قدر", "ب", "بشرية", "فادحة", "كبيرة", "جسيمة", "بلغت", "بلغ", "وصلت", "عن", "أيضا")) | _TIME_GAP_WORDS
_RE_GAP_PUNCT = re.compile(r"[.،,؛:!?؟()\d]")
_RE_IN_RANKS = re.compile(r"(?:(?:\s+[^\s.،,؛:]+){0,3}?\s+في\s+عداد\s+(?:ال)?"
                          # "103 آخرين ما زالوا مفقودين", "200 أرميني لا يزالون محتجزين"
                          r"|(?:\s+[^\s.،,؛:]+){0,2}?\s+(?:لا|ما)\s+(?:يزالون|زالوا|يزال|زال|تزال|زالت)\s+"
                          r"(?:في\s+عداد\s+|قيد\s+|رهن\s+)?(?:ال)?)"
                          r"(?P<w>مفقودين|قتلي|اسري|جرحي|مصابين|ضحايا|محتجزين|الاحتجاز|الاسر)(?!\w)")
_IN_RANKS_CAT = {"مفقودين": "missing", "قتلي": "killed", "ضحايا": "killed", "اسري": "prisoners", "جرحي": "wounded",
                 "مصابين": "wounded", "محتجزين": "prisoners", "الاحتجاز": "prisoners", "الاسر": "prisoners"}


def _verb_across_gap(norm: str, acts, a: int, pos: int) -> list:
    """The casualty verb before a bare count when only gap words stand between them; losses
    named human ("خسائر بشرية") are deaths."""
    before = [x for x in acts if a <= x[1] <= pos]
    if not before:
        return []
    x = before[-1]
    gap = norm[x[1]:pos]
    if pos - x[1] > 60 or _RE_GAP_PUNCT.search(gap) or not all(t in _BARE_GAP_WORDS for t in gap.split()):
        return []
    if x[3] in PEOPLE:
        return [x]
    if x[2] in _PEOPLE_EXTRA_N and "بشري" in gap:
        return [(x[0], x[1], x[2], "killed")]
    return []


def _main_predicate(norm: str, acts, tail: int, b: int):
    """A relative clause right after a counted group ("2 من المدنيين الذين أسرتهم القوات ...")
    describes the group; when it is followed by the main predicate "في عداد المفقودين", that
    predicate governs the count (placed at the end of the group) and the clause's verbs do
    not. Without such a predicate the clause's verb still tells what happened to them."""
    rel = _RE_RELATIVE.search(norm, tail, min(b, tail + 40))
    if rel is None or _CLAUSE_BREAK.search(norm, tail, rel.start()):
        return acts
    if any(tail <= x[0] < rel.start() for x in acts):
        return acts  # "2783 عسكريا استشهدوا خلال الحرب التي ...": the group's own verb comes first
    for m in re.finditer(r"\s", norm[rel.end():min(b, rel.end() + 120)]):
        ranks = _RE_IN_RANKS.match(norm, rel.end() + m.start(), b)
        if ranks:
            if _CLAUSE_BREAK.search(norm, rel.end(), ranks.start()) or _RE_DIGIT.search(norm, rel.end(), ranks.start()):
                return acts  # another count ("فيما لا يزال أكثر من 100 في عداد ...") owns the predicate
            out = [x for x in acts if x[0] < rel.start() or x[0] >= ranks.end()]
            out.append((tail, tail, ranks.group("w"), _IN_RANKS_CAT[ranks.group("w")]))
            return sorted(out)
    return acts


# "أحدهم بجروح خطيرة / في حالة حرجة": one of them in a worse state (not "إحداهن في السبعين من عمرها")
_RE_ONE_OF_THEM = _Needs(re.compile(r"[،,]\s*(?P<o>(?:[وف]?(?:احدهم|احداهم|احداهن|احدهما|احداهما)|واحد منهم))"
                                    r"\s+(?:بجروح|بجراح|باصابه|باصابات|في\s+حاله|بحاله|حالته|حالتها|اصابته|اصابتها|جروحه|جروحها)(?!\w)"),
                         ("احد",))


def _clause_between(norm: str, x: int, y: int, participle: bool = False) -> bool:
    """Does a clause break ("، فيما", "، مشيرا إلى"; with participle, only the latter) lie in norm[x:y]?"""
    if "،" not in norm[x:y] and "," not in norm[x:y]:
        return False
    return any(not participle or _RE_PARTICIPLE_SPLIT.match(norm, m.start())
               for m in _RE_CLAUSE_SPLIT.finditer(norm, x, y))


_RE_OCCUPATION_YEARS = re.compile(r"(?:\s+\S+){0,3}?\s+(?:خلال|طوال|ابان|في)\s+(?:سنوات|سنين|عقود|فتره)\s+(?:ال)?احتلال")
_RE_PER_AGREEMENT = re.compile(r"(?<!\S)(?:وفقا|طبقا|بموجب|تنفيذا)\s+(?:ل|لل|ال)?(?:اتفاق|الاتفاق|بيان|البيان|اتفاقيه|الاتفاقيه)")
_RE_AMONG_IT_BEFORE = re.compile(r"(?<!\S)[وف]?(?:بينها|منها)\s+$")


def _things_subset_of(lex: _Lex, norm: str, items: list, key: str, a: int, pos: int):
    """The count of things of the same noun a "بينها" subset right before pos belongs to ("3
    طائرات مسيرة، بينها طائرة ..." -> the 3 drones), or None."""
    if not _RE_AMONG_IT_BEFORE.search(norm, max(a, pos - 12), pos):
        return None
    near = [it for it in items if it.kind == "equipment" and it.value and it.value > 1 and 0 <= pos - it.tail_end <= 60
            and lex.forms.get(norm[it.h_start:it.h_end], ("",))[0] == key]
    return max(near, key=lambda it: it.tail_end) if near else None


def _nearest_people(items: list, pos: int, reach: int):
    """The people count ending nearest before `pos` (within `reach` characters): the toll a
    "بينهم" subset belongs to ("مقتل مدني وإصابة 6 آخرين، بينهم طفلان" -> the 6 wounded).
    Items are not in text order (counts by number come before nouns counted alone)."""
    near = [it for it in items if it.kind == "people" and 0 <= pos - it.tail_end <= reach]
    return max(near, key=lambda it: it.tail_end) if near else None


def _not_antecedent(norm: str, acts, tail: int, b: int):
    """Drop the actions after a counted group that take it as an antecedent ("وصول 2000 مرتزق
    ... قتل منهم 119": the 2000 arrived, the 119 were killed)."""
    return [x for x in acts if x[0] < tail or not _RE_OF_THEM_AFTER.match(norm, x[1], b)]


def _actions_in(lex: _Lex, norm: str, a: int, b: int) -> list[tuple[int, int, str, str]]:
    """Action words in norm[a:b]: (start, end, word, action)."""
    out = []
    for m in lex.action_re.finditer(norm, a, b):
        w = _RE_WS.sub(" ", m.group("w"))
        if w == _FAQAD and _RE_PARTICLE_BEFORE.search(norm, max(a, m.start() - 3), m.start("w")):
            continue  # "، فقد نزح 90 ألف شخص": the particle فقد, not "lost"
        if w == _HAYAT and _RE_SAVE_BEFORE.search(norm, max(a, m.start() - 16), m.start("w")):
            continue  # "ستنقذ حياة آلاف المدنيين", "تهدد حياة": lives saved or threatened, not lost
        out.append((m.start("w"), m.end("w"), w, lex.actions[w]))
    return out


class _LazyActs:
    """The action words of a sentence (_actions_in), found when first iterated: most sentences
    whose numbers count no loss never read them."""

    __slots__ = ("_args", "_found")

    def __init__(self, lex: _Lex, norm: str, a: int, b: int) -> None:
        self._args = (lex, norm, a, b)
        self._found: list[tuple[int, int, str, str]] | None = None

    def __iter__(self) -> Iterator[tuple[int, int, str, str]]:
        if self._found is None:
            self._found = _actions_in(*self._args)
        return iter(self._found)


_HIT_N = frozenset(normalize(w) for w in ("أصاب", "أصابت", "أصابوا"))


def _people_acts(acts):
    """Actions as they bear on people: a person hit ("أصابت طفلا", "وأصابت 100 آخرين") is wounded."""
    return [(s, e, w, "wounded" if w in _HIT_N else act) for s, e, w, act in acts]


def _governing_action(acts, kind: str, pos: int, tail_end: int, near: int | None) -> tuple[str | None, str]:
    """The nearest compatible action before pos (within `near` chars if given), else the
    first one after the phrase; returns (action, word). For people, words of neutralising
    or losing ("حيّد", "خسر") mean killed."""
    ok = _COMPATIBLE[kind]
    if kind == "people":
        acts = [(s, e, w, "killed" if w in _PEOPLE_EXTRA_N else act) for s, e, w, act in _people_acts(acts)]
    else:  # a thing that "falls" was brought down
        # "أقرت بفقدان مروحية": a thing lost is destroyed, not missing
        acts = [(s, e, w, "destroyed" if w.startswith("سقط") or w == "سقوط" or w == _FIQDAN else act)
                for s, e, w, act in acts]
    best = None
    for _s, e, w, act in acts:
        if e <= pos and act in ok and (near is None or pos - e <= near):
            best = (act, w)
    if best:
        return best
    for s, _e, w, act in acts:
        if s >= tail_end and act in ok and (near is None or s - tail_end <= near):
            return act, w
    return None, ""


_PLACE_NOT_NAME_N = frozenset(normalize(w) for w in lx.PLACE_NOT_NAME)
_HEIGHT_KEYS = frozenset(normalize(w) for w in lx.HEIGHT_HEADS)
_RE_NAME_AFTER = re.compile(r"\s*(?P<q>[\"“«']?)\s*(?P<w>[^\s،,.؛:\"”»'()]+)")
_RE_QUOTES = re.compile(r"[\"“”«»']")


def _place_taken(norm: str, acts, key: str, hs: int, tail: int, b: int, places: frozenset | set,
                 in_list: bool) -> int:
    """A single place taken counts 1 when a taking verb governs it (or it continues a list of
    places) and it is named ("تحرير مدينة شوشا", "بلدة \"X\"") or is a height ("مرتفع").
    Returns the end of the words to quote (noun and name), 0 when it is no claim."""
    if not in_list and not any(x[3] in ("taken", "captured") and hs - 40 <= x[1] <= hs
                               and _only_adverbial(_RE_QUOTES.sub(" ", norm[x[1]:hs])) for x in acts):
        return 0
    if key in _HEIGHT_KEYS:
        return tail
    m = _RE_NAME_AFTER.match(norm, tail, b)
    if m is None:
        return 0
    w = m.group("w")
    if m.group("q"):
        end = m.end("w")
        return end + 1 if end < b and norm[end] in "\"”»'" else end
    if w in places or any(p.split()[0] == w for p in places):
        return m.end("w")
    named = (len(w) >= 3 and not w.startswith(("ال", "بال", "لل")) and not w.endswith("يه")
             and w not in _PLACE_NOT_NAME_N and not any(c.isdigit() for c in w))
    return m.end("w") if named else 0


# a singular house with a possessive suffix ("بيتي", "منزله", "منزلنا")
_RE_OWN_HOUSE = _Needs(re.compile(r"(?<![^\s\"«“])[وف]?(?P<h>(?:منزل|بيت|مسكن)(?:ي|ه|ها|نا|هم))(?![^\s\"»”.،,])"),
                       ("منزل", "بيت", "مسكن"))
_RE_FULLY = re.compile(r"(?:\s+\S+){0,2}?\s+(?:بالكامل|كليا|بشكل\s+كامل|بشكل\s+كلي)(?!\S)")


_RE_VICTIMS_OF_YEAR = re.compile(r"(?<!\S)[ول]?(?:ال)?(?:ضحايا|شهداء|شهدا|مجزره|مجازر|ابادة|اباده)\s+$")


def _sentence_items(lex: _Lex, norm: str, a: int, b: int, numbers: list[NumberPhrase],
                    heads: list[re.Match] | None = None, places: frozenset | set = frozenset()) -> list[_Item]:
    """Every loss item in the sentence norm[a:b] (heads: the loss nouns found in it, if known;
    places: the profile's place names, normalised)."""
    items: list[_Item] = []
    acts = _LazyActs(lex, norm, a, b)
    used_heads: set[int] = set()
    # 1) number phrases
    for p in numbers:
        before = norm[max(a, p.start - 20):p.start]
        nl = lex.nonloss_before.search(before)
        if nl and not (nl.group(0).strip() == "يبلغ" and _toll_before(lex, norm, a, p)[0]):
            continue
        if lex.nonloss_after.match(norm, p.end, b):
            continue
        if _RE_VICTIMS_OF_YEAR.search(norm, max(a, p.start - 12), p.start) and p.value_high is None \
                and 1800 <= p.value <= 2030 and norm[p.start:p.end].isdigit():
            continue  # "ذكرى ضحايا 1915": the victims of a year's events, not a count
        h = _noun_at(lex, norm, p.end, b, allow_al=p.qualifier == "vague")
        if h is None and lex.day_before_re.search(before):
            continue
        if h is not None:
            hw = h.group("head")
            key, form = lex.forms.get(hw) or lex.forms[hw + "ن"]
            head = lex.heads[key]
            kind = _kind_of(head)
            if form == "duc":
                continue
            tail = h.end("head")
            if kind == "people":
                cat = head.get("cat")
                pop = head.get("pop", "unspecified")
                poss = h.groupdict().get("poss") or ""
                crew = _RE_CREW.match(norm, tail, b) if head["kind"] == "person" else None
                if crew:
                    pop, tail = "military", crew.end()
                if pop == "unspecified" or head["kind"] == "casualty":
                    pm = lex.pop_after_re.match(norm, tail, b)
                    if pm:
                        word = pm.group("p")
                        pop = "civilian" if "مدن" in word else "military"
                        tail = pm.end()
                if pop in ("military", "civilian"):
                    mix = _RE_MIXED_POP.match(norm, tail, b)
                    if mix and ("مدن" in mix.group("p")) != (pop == "civilian"):
                        pop, tail = "unspecified", mix.end()  # "رفات 1356 عسكريا ومدنيا": both
                word = ""
                adj = _RE_CASUALTY_ADJ.match(norm, tail, b) if cat is None else None
                if adj:
                    cat, tail = _CASUALTY_ADJ[adj.group("w")], adj.end()  # "1245 عسكريا جريحا"
                if cat is None and _RE_BODIES.search(norm[max(a, p.start - 16):p.start]):
                    cat = "killed"  # "انتشلت جثث 27 عسكريا، فيما لا يزال 412 جريحا": bodies are dead whatever follows
                if cat is None:
                    # an action after a clause break ("، في حين سجلت البلاد 1800 إصابة") is another claim's
                    # (and one before a participle clause: "إصابة 4 آخرين، مشيرا إلى أن مئات الأشخاص"; one
                    # before a contrast clause only when the item's own clause has an action after it:
                    # "تحتجز 200 أسير، في حين تعترف باكو بوجود 72 شخصا" keeps the prisoners)
                    cand = _not_antecedent(norm, acts, tail, b)
                    after = [x for x in cand if x[0] >= tail and not _clause_between(norm, tail, x[0])]
                    mine = after + [x for x in cand if x[0] < tail
                                    and not _clause_between(norm, x[1], p.start, participle=not after)]
                    act, word = _governing_action(_main_predicate(norm, mine, tail, b),
                                                  "people", p.start, tail, near=60)
                    among = bool(_RE_AMONG_BEFORE.search(norm, max(a, p.start - 12), p.start))
                    reach = 160 if among else 40  # "بينهم" names a subset even after a long date
                    prev_people = [it for it in items if it.kind == "people" and 0 <= p.start - it.tail_end <= reach
                                   and not _clause_between(norm, it.tail_end, p.start)]
                    own = [x for x in _people_acts(acts) if x[0] >= tail and x[3] in PEOPLE
                           and not norm[tail:x[0]].strip(" \"«»“”")]  # "بينهم 12 طفلا قتلوا"
                    if own:
                        act, word = own[0][3], own[0][2]
                    elif prev_people and (act is None or prev_people[-1].tail_end > max(
                            (x[1] for x in acts if x[1] <= p.start), default=-1)):
                        act = prev_people[-1].category  # "800 قتيل، بينهم نحو 100 مدني"
                    if act is None and _RE_BODIES.search(norm[max(a, p.start - 16):p.start]):
                        act = "killed"  # "انتشلت رفات 1200 جندي"
                    if act is None:
                        act = _toll_before(lex, norm, a, p)[0]  # "ارتفاع عدد قتلاه إلى 1177 عسكريا"
                    if act is None:
                        continue
                    cat = act
                action = "captured" if cat == "prisoners" else cat
                inc = bool(lex.increment_re.match(norm, tail, b))
                if pop == "unspecified":
                    pop = _context_population(lex, norm, a, p.start) or pop
                if pop == "unspecified" and _RE_AMONG_CIVIL.match(norm, tail, b):
                    pop = "civilian"  # "18 شخصا بينهم ستة أطفال"
                qual = p.qualifier
                if qual == "exact" and lex.atleast_after_re.match(norm, tail, b):
                    qual = "at_least"  # "64 مقاتلا سوريا على الأقل"
                if _RE_SOURCE_BEFORE.search(norm, max(a, p.start - 60), p.start):
                    continue  # "نقلت رويترز عن ثلاثة مقاتلين أن ...": the sources, not casualties
                subset = None
                if _RE_AMONG_BEFORE.search(norm, max(a, p.start - 12), p.start):
                    subset = next((it for it in reversed(items) if it.kind == "people"), None)
                items.append(_Item(p.start, p.end, p.value, p.value_low, p.value_high, qual, "people",
                                   cat, pop, action, h.start("head"), h.end("head"), tail, increment=inc,
                                   extra={"word": word, "crew": bool(crew), "subset_of": subset,
                                          "own": poss == "نا", "own3": poss in ("ها", "ه", "هم")}))
            else:
                cat, tail = _resolve_category(lex, norm, key, h.end("head"), b)
                cat, tail = _apply_model(lex, norm, key, cat, tail, b)
                if cat is None:
                    continue
                if cat in BUILDINGS:
                    kind = "building"  # "محطتا كهرباء": a station of the civil kind is a building
                act, word = _governing_action(acts, kind, p.start, tail, near=None)
                if act is None:
                    continue
                if kind == "settlement":
                    act = "taken"
                items.append(_Item(p.start, p.end, p.value, p.value_low, p.value_high, p.qualifier, kind,
                                   cat, "", act, h.start("head"), h.end("head"), tail, extra={"word": word}))
            used_heads.add(h.start("head"))
            continue
        # 2) a bare count after a casualty word ("أصيب 298", "إصابة 1900 بجروح")
        if lex.nonperson_re.match(norm, p.end, b):
            continue
        grp = _group_count(lex, norm, p, b, acts)
        if grp is not None:
            items.append(grp)
            continue
        whose = _RE_WHOSE_COUNT.search(norm, max(a, p.start - 90), p.start)
        if (not lex.followers_re.match(norm, p.end, b) and not _RE_IN_RANKS.match(norm, p.end, b)
                and not whose and not _RE_AND_TOLL_AFTER.match(norm, p.end, b)):
            continue
        prev = [x for x in _people_acts(acts) if x[1] <= p.start and x[3] in PEOPLE and not norm[x[1]:p.start].strip(" عن")]
        if not prev:
            prev = _verb_across_gap(norm, _people_acts(acts), a, p.start)
        cat = None
        side_hint = ""
        in_ranks = _RE_IN_RANKS.match(norm, p.end, b)
        exceed = False
        if whose and not prev:
            in_ranks = whose  # "المفقودين الذين يقدر عددهم بأكثر من 200"
        if not prev and not in_ranks:
            cat_x, ctx_x, exceed = _toll_before(lex, norm, a, p)
            if exceed:
                cat, side_hint = cat_x, ctx_x
        if exceed:
            pass
        elif prev:
            cat = prev[-1][3]
        elif in_ranks:
            cat = _IN_RANKS_CAT[in_ranks.group("w")]  # "لا يزال أكثر من مئة في عداد المفقودين"
        else:
            # 3) "ارتفاع عدد الأرمن الذين قتلوا ... إلى 963", "بلغ عدد القتلى 50"
            seg_start = max(a, p.start - 120)
            seg = norm[seg_start:p.start]
            if (_RE_TO_END.search(seg) or _RE_TO_END2.search(norm[max(a, p.start - 30):p.num_start])
                    or _RE_REACH_TOLL.search(seg) or _RE_ESTIMATED_AT.search(seg)):
                cm = lex.count_ctx_re.search(seg)
                em = _RE_ELLIPTIC_TOLL.search(seg) if cm is None and ("،" in seg or "," in seg) else None
                if em is not None and _RE_COUNT_WORD.search(seg, 0, em.start()):
                    # "ارتفاع عدد القتلى إلى 21، والجرحى إلى أكثر من 100": the second toll of the count
                    cat = _TOLL_WORD_CAT.get(em.group("w"))
                if cm:
                    ctx = cm.group("ctx")
                    cat = _toll_word_cat(lex, ctx)
                    if cat is not None:
                        side_hint = ctx
                    else:
                        # "ليرتفع عدد القرى المحررة إلى 63": a running count of places taken
                        sm = _settlement_in(lex, ctx)
                        if sm is not None:
                            items.append(_Item(p.start, p.end, p.value, p.value_low, p.value_high, p.qualifier,
                                               "settlement", "settlements", "", "taken", p.start, p.end, p.end,
                                               has_noun=False, extra={"word": ""}))
                            continue
        if cat is None and not prev:
            # "لا يزال 63 منهم يتلقون العلاج", "العشرات منهم قتلوا": a part of a group, its verb follows
            ofm = _RE_OF_THEM.match(norm, p.end, b)
            if ofm:
                later = [x for x in _people_acts(acts) if ofm.end() <= x[0] <= ofm.end() + 12 and x[3] in PEOPLE
                         and not _CLAUSE_BREAK.search(norm, ofm.end(), x[0])]
                if later:
                    cat = later[0][3]
        if cat is None and not prev and _RE_AMONG_BEFORE.search(norm, max(a, p.start - 12), p.start):
            # "211 جريحا، ... بينهم 9 في العناية المركزة": a bare part of the people counted before
            parent = _nearest_people(items, p.start, 60)
            if parent is not None and parent.value and p.value < parent.value:
                cat = parent.category
        if cat is None and not prev:
            # "وأن 4 آخرين أصيبوا بجروح": "others" stands for the counted people, the verb follows
            oth = _RE_OTHERS_THEN.match(norm, p.end, b)
            if oth:
                later = [x for x in acts if oth.end() <= x[0] <= oth.end() + 12 and x[3] in PEOPLE]
                if later:
                    cat = later[0][3]
        if cat is None:
            continue
        inc = False
        ctx_pop = _context_population(lex, norm, a, p.start)
        if not ctx_pop and _RE_OF_THEM.match(norm, p.end, b):
            ctx_pop = _person_plural_pop(lex, norm, a, p.start)
        qual = "more_than" if exceed and p.qualifier == "exact" else p.qualifier
        items.append(_Item(p.start, p.end, p.value, p.value_low, p.value_high, qual, "people", cat,
                           ctx_pop or "unspecified", "captured" if cat == "prisoners" else cat, p.start, p.end,
                           p.end, increment=inc, side_hint=side_hint, pop_from_prev=not ctx_pop, has_noun=False,
                           extra={"word": prev[-1][2] if prev else ""}))
    # 4) nouns without a number: duals, "واحد" after the noun, bare singulars in lists or
    # right after a destruction verb
    num_ends = {p.end for p in numbers}
    for h in (heads if heads is not None else lex.head_re.finditer(norm, a, b)):
        hs = h.start("head")
        if hs in used_heads or any(it.h_start <= hs < it.tail_end for it in items):
            continue
        if h.group("al") and not (lex.heads[lex.forms[h.group("head")][0]]["kind"] == "building"
                                  and _RE_COMPLEMENT.search(norm, max(a, h.start() - 8), h.start())):
            continue  # only "وإن الكنيسة ... دمرت": a named building the clause is about
        key, form = lex.forms[h.group("head")]
        two = None
        if form == "pl":
            # "صحفيين فرنسيين اثنين": a plural noun counted by اثنين after it
            two = _RE_TWO_AFTER.match(norm, h.end("head"), b)
            if two is None:
                continue
        pre_text = norm[max(a, h.start() - 12):h.start()]
        # "5 مدافع من طراز دي-30 ونظامي دفاع جوي": a dual joined by و is a count of its own,
        # whatever number ends the words before it
        own_dual = form in ("du", "duc") and h.group("pre").startswith("و") and h.start() not in num_ends
        if not own_dual and (pre_text.rstrip().endswith(_ASCII_DIGITS) or (h.start() in num_ends)):
            continue
        if not own_dual and (_RE_DIGIT_END.search(pre_text) or lex.any_re.search(norm[max(a, h.start() - 8):h.start()])):
            continue
        head = lex.heads[key]
        kind = _kind_of(head)
        if kind == "people":
            if head["kind"] == "casualty":
                cat, pop = head["cat"], "unspecified"
            else:
                cat, pop = None, head.get("pop", "unspecified")
            tail = h.end("head")
        else:
            cat, tail = _resolve_category(lex, norm, key, h.end("head"), b)
            cat, tail = _apply_model(lex, norm, key, cat, tail, b)
            if cat is None:
                continue
            if cat in BUILDINGS:
                kind = "building"  # "أصابت محطة كهرباء": a station of the civil kind is a building
        value = None
        subset_of = None
        n_span = (hs, h.end("head"))
        if two is not None:
            value = 2
            n_span = (hs, two.end("two"))
            tail = max(tail, two.end())
        elif form in ("du", "duc"):
            if form == "duc" and tail == h.end("head"):
                continue  # "نظامي" alone is an adjective; a construct dual needs its noun
            value = 2
            if kind == "people" and cat is None and _RE_AMONG_BEFORE.search(norm, max(a, h.start() - 12), h.start()):
                # "تسلم 12 أسيرا، بينهم مدنيان": two of the people counted before (as far back as
                # a numbered subset reaches: "31 مدنيا قتلوا في الإقليم خلال ... جراء القصف، بينهم طفلان")
                subset_of = _nearest_people(items, h.start(), 160)
                if subset_of is not None:
                    cat = subset_of.category
            elif kind == "equipment":
                subset_of = _things_subset_of(lex, norm, items, key, a, h.start())
                if subset_of is not None:
                    cat = subset_of.category  # "5 طائرات مسيرة، بينها طائرتان من طراز ...": drones
        else:
            one = lex.one_re.match(norm, tail, b)
            things_parent = _things_subset_of(lex, norm, items, key, a, h.start()) if kind == "equipment" else None
            if things_parent is not None:
                # "3 طائرات مسيرة، بينها طائرة من طراز «بيرقدار»": one of the things counted before
                value, cat, subset_of = 1, things_parent.category, things_parent
            elif one:
                value = 1
                n_span = one.span("one")
            else:
                before_txt = norm[max(a, h.start() - 40):h.start()]
                after_destroy = [x for x in (_people_acts(acts) if kind == "people" else acts)
                                 if x[1] <= h.start() and x[1] >= h.start() - 40
                                 and _only_adverbial(norm[x[1]:h.start()])
                                 and (x[3] in ("destroyed", "captured", "killed", "wounded")
                                      or x[3] == "damaged" and kind == "building")]
                aerial = cat in lx.AERIAL_CATEGORIES and bool(lex.aerial_re.search(before_txt))
                if kind == "people" and not after_destroy and (_RE_COMPLEMENT.search(before_txt)
                                                               or _RE_KANA_BEFORE.search(before_txt)):
                    # "بأن مدنيا قتل", "وكان قروي إيراني قد أصيب": the person first, the verb later
                    later = [x for x in acts if 0 <= x[0] - tail <= 50 and x[3] in PEOPLE
                             and not any(tail <= it.n_start < x[0] for it in items)]
                    if later:
                        cat = cat or later[0][3]
                        after_destroy = [later[0]]
                elif kind == "equipment" and not after_destroy and _RE_COMPLEMENT.search(before_txt):
                    # "أن مروحية روسية ... أسقطت فوق ...": the noun first, then a passive verb
                    later = [x for x in acts if 0 <= x[0] - tail <= 50 and x[3] == "destroyed"
                             and not any(tail <= it.n_start < x[0] for it in items)
                             and not _RE_CLAUSE_GAP.search(norm[tail:x[0]])]
                    if later and _passive_use(lex, norm, later[0][1], b):
                        after_destroy = [later[0]]
                elif kind == "building" and not after_destroy and _RE_COMPLEMENT.search(before_txt):
                    # "بأن مسجد المدينة ومبنى مدرسة تضررا", "وإن الكنيسة الصغرى دمرت بالكامل"
                    later = [x for x in acts if 0 <= x[0] - tail <= 50 and x[3] in ("destroyed", "damaged")
                             and not any(tail <= it.n_start < x[0] for it in items)
                             and not _RE_CLAUSE_GAP.search(norm[tail:x[0]])]
                    if later and (later[0][3] == "damaged" or _passive_use(lex, norm, later[0][1], b)):
                        after_destroy = [later[0]]
                prev_items = [it for it in items if it.kind != "people" and 0 <= h.start() - it.tail_end <= 60]
                in_list = h.group("pre").startswith("و") and bool(prev_items) and kind != "people"
                if in_list and _joint_noun(lex, norm, prev_items[-1], h.start()) and not (
                        kind == "building" and prev_items[-1].kind == "building" and cat != prev_items[-1].category):
                    # "نحو 200 دبابة وعربة مدرعة": one count for two nouns; "14 منزلا ومدرسة" is
                    # the houses and one school
                    continue
                if kind == "settlement":
                    # a named town or a height taken is 1; "مدينة استراتيجية" (unnamed) is not
                    named_end = _place_taken(norm, acts, key, h.start(), tail, b, places,
                                             in_list and prev_items[-1].kind == "settlement")
                    if not named_end or _RE_PER_AGREEMENT.search(norm, named_end, min(b, named_end + 40)):
                        continue  # "دخلت مدينة أغدام وقراها وفقا للبيان الثلاثي": a handover, not taken
                    value = 1
                    n_span = (hs, named_end)
                else:
                    if kind == "people" and _RE_AMONG_BEFORE.search(norm, max(a, h.start() - 12), h.start()):
                        # "مقتل 4 مدنيين، بينهم صحفي": one person of the toll before
                        subset_of = _nearest_people(items, h.start(), 40)
                    if subset_of is not None:
                        value, cat = 1, subset_of.category
                    elif after_destroy or aerial or in_list:
                        value = 1
                    else:
                        continue
        if kind == "people":
            if cat is None:
                act, _ = _governing_action(acts, "people", h.start(), tail, near=30)
                if act is None:
                    continue
                cat = act
            items.append(_Item(n_span[0], n_span[1], value, None, None, "exact", "people", cat, pop,
                               "captured" if cat == "prisoners" else cat, hs, h.end("head"), tail,
                               extra={"subset_of": subset_of} if kind == "people" and subset_of is not None else {}))
        else:
            act, word = _governing_action(acts, kind, h.start(), tail, near=None)
            if act is None and lex.aerial_re.search(norm[max(a, h.start() - 40):h.start()]):
                act, word = "destroyed", "استهدف"
            if act is None:
                continue
            if kind == "settlement":
                act = "taken"
            items.append(_Item(n_span[0], n_span[1], value, None, None, "exact", kind, cat, "", act,
                               hs, h.end("head"), tail, extra={"word": word, "single_place": kind == "settlement"}))
    # 5) "مقتل اثنين من أفراد طاقمها وإصابة ثالث": an ordinal after a casualty word is one more
    # person of the people counted just before it
    for om in _RE_ORDINAL_ONE.finditer(norm, a, b):
        prevp = [it for it in items if it.kind == "people" and it.tail_end <= om.start()]
        if not prevp or any(it.n_start <= om.start("o") < it.tail_end for it in items):
            continue
        cat = _ORDINAL_CAT[om.group("w")]
        items.append(_Item(om.start("o"), om.end("o"), 1, None, None, "exact", "people", cat,
                           prevp[-1].population, "captured" if cat == "prisoners" else cat,
                           om.start("o"), om.end("o"), om.end("o"), pop_from_prev=True, has_noun=False,
                           extra={"word": om.group("w")}))
    # 6) "إصابة ثلاثة صحفيين، أحدهم بجروح خطيرة": one of the people counted just before is a
    # subset of its own
    for om in _RE_ONE_OF_THEM.finditer(norm, a, b):
        parent = _nearest_people(items, om.start(), 6)
        if parent is None or parent.value < 2 or any(it.n_start <= om.start("o") < it.tail_end for it in items):
            continue
        items.append(_Item(om.start("o"), om.end("o"), 1, None, None, "exact", "people", parent.category,
                           parent.population, parent.action, om.start("o"), om.end("o"), om.end("o"),
                           has_noun=False, extra={"subset_of": parent}))
    # 7) "أحرقت بيتي", "فقدت منزلي", "أن منزله «قصف وتهدم»": one's own house lost is a claim of 1
    for om in _RE_OWN_HOUSE.finditer(norm, a, b):
        if any(it.n_start <= om.start("h") < it.tail_end for it in items):
            continue
        hit = [x for x in acts if om.start() - 25 <= x[1] <= om.start() and x[3] in ("destroyed", "damaged")
               and _only_adverbial(norm[x[1]:om.start()])]
        if not hit and _RE_COMPLEMENT.search(norm, max(a, om.start() - 8), om.start()):
            hit = [x for x in acts if 0 <= x[0] - om.end() <= 12 and x[3] in ("destroyed", "damaged")
                   and not norm[om.end():x[0]].strip(" \"«»“”")]
        if not hit:
            continue
        act = "destroyed" if hit[0][3] == "destroyed" or _RE_FULLY.match(norm, hit[-1][1], b) else "damaged"
        items.append(_Item(om.start("h"), om.end(), 1, None, None, "exact", "building", "houses", "", act,
                           om.start("h"), om.end(), om.end(), extra={"word": hit[0][2], "single_place": True}))
    items = [it for it in items if not (it.category == "missiles" and _munition_used(norm, it, a, b))]
    for it in items:
        if it.category == "prisoners" and _RE_EXECUTED_BEFORE.search(norm, max(a, it.n_start - 14), it.n_start):
            # "إعدام أسيرين أرمنيين": prisoners put to death are dead soldiers
            it.category, it.action, it.population = "killed", "killed", "military"
    if "سقط" in norm[a:b]:
        # "صاروخين سقطا على مشارف برذعة": rockets that fell landed (a strike, not a loss)
        items = [it for it in items if not (it.category == "missiles"
                                            and (it.extra.get("word") or "").lstrip("وف").startswith("سقط"))]
    items.sort(key=lambda it: it.n_start)
    for it in items:
        # "دمر 1500 منزل بشكل كلي أو جزئي": partly destroyed counts as damaged
        if it.action == "destroyed" and it.kind in ("building", "equipment") and _RE_PARTIAL.match(norm, it.tail_end, b):
            it.action = "damaged"
    for it in items:
        if it.kind == "people" and it.population == "unspecified":
            rk = _RE_RANKS_AFTER.match(norm, it.tail_end, b)
            if rk:  # "2783 شهيدا في صفوف الجيش", "قتلى في صفوف المدنيين"
                it.population = "civilian" if "مدني" in rk.group("p") else "military"
    # population carried from the previous person item ("مقتل 47 مدنيا وإصابة 222 آخرين")
    last_pop = ""
    for it in items:
        if it.kind != "people":
            continue
        if it.pop_from_prev and last_pop and (not it.side_hint or _possessed_toll_in(it.side_hint)):
            it.population = last_pop  # "مقتل 40 عسكريا آخرين، لترتفع حصيلة قتلاها إلى 874": the same force
        if (it.population != "unspecified" or not it.pop_from_prev) and it.extra.get("subset_of") is None:
            # (a subset, "قتل تسعة أشخاص، بينهم ثلاثة عسكريين، وأصيب 14 آخرون", gives the next count nothing)
            last_pop = it.population
    return items


_RE_MIXED_POP = re.compile(r"\s+و(?:ال)?(?P<p>مدني(?:ا|ين|ون)?|عسكري(?:ا|ين|ون)?|جنود|جندي)(?![^\s.،,؛])")
_RE_SUFFERED_AFTER = re.compile(r"\s+(?:[^\s.،,؛]+\s+)?(?:تكبدت|تكبد|يتكبد|تتكبد|منيت|مني"
                                # forces that left equipment behind ("القوات الأرمينية تركت 12 دبابة")
                                r"|تركت|ترك|تركوا|خلفت|خلفوا|تخلت|تخلوا)(?!\S)")
_RE_EXECUTED_BEFORE = re.compile(r"(?<!\S)[وبل]?(?:ال)?(?:اعدام|اعدم|اعدمت|اعدموا|تصفيه|قتل|مقتل)\s+$")
# a munition that fell on a place was fired, not lost: "سقط صاروخ على حي سكني",
# "2847 قذيفة و182 صاروخا سقطت على المدن"
_RE_FELL_ON_AFTER = re.compile(r"\s*(?:[^\s.،,؛]+\s+){0,3}?[وف]?(?:سقطت|سقط|تسقط|يسقط|تساقطت|انهالت)\s+(?:[^\s.،,؛]+\s+){0,2}?علي(?!\S)")
_RE_FELL_BEFORE = re.compile(r"(?<!\S)[وف]?(?:سقط|سقطت|تساقطت)\s+(?:\S+\s+){0,2}$")
_RE_ON_AFTER = re.compile(r"\s*(?:[^\s.،,؛]+\s+){0,2}?علي(?!\S)")
_RE_WITH_PREFIX = re.compile(r"(?<!\S)[وف]?ب$")


def _munition_used(norm: str, it: _Item, a: int, b: int) -> bool:
    """A missile that is the weapon of a strike, not a loss: the instrument of a verb
    ("أصيبت بصاروخ محمول على الكتف") or a munition that fell on a place."""
    if _RE_WITH_PREFIX.search(norm, max(a, it.h_start - 3), it.h_start):
        return True
    if _RE_FELL_ON_AFTER.match(norm, it.tail_end, b):
        return True
    return bool(_RE_FELL_BEFORE.search(norm, max(a, it.n_start - 25), it.n_start)
                and _RE_ON_AFTER.match(norm, it.tail_end, b))


# ----------------------------------------------------------------------- sides

def _opposite(side: str) -> str:
    return {"armenian": "azerbaijani", "azerbaijani": "armenian"}.get(side, "unknown")


def _side_votes(plex: dict, norm: str, a: int, b: int, skip: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
    """Side words in norm[a:b] outside the skipped spans: (position, side, role) where role
    is owner, attacker (after an attack noun) or agent (subject of the action)."""
    out = []
    for m in plex["side_re"].finditer(norm, a, b):
        s, e = m.start("name"), m.end("name")
        if any(x <= s < y for x, y in skip):
            continue
        word = _RE_WS.sub(" ", m.group("name"))
        if word not in plex["side_of"] and word.startswith("لل"):
            word = "ال" + word[2:]
        side = plex["side_of"].get(word)
        if side is None:
            continue
        pre = norm[max(a, m.start() - 25):m.start()]
        if word in plex["places"] and not plex["institution_before"].search(pre):
            continue
        if plex["not_side_before"].search(pre):
            continue
        prefix = norm[m.start():s]
        role = "owner"
        if plex["attack_before"].search(pre) and not prefix.startswith("ل"):
            role = "attacker"
        elif (plex["agent_before"].search(pre) and not prefix.startswith("ل")
              and not _RE_LAM_WORD.search(pre)
              and not _RE_FROM_RANKS.search(pre)
              and not (("خسا" in pre or "قتلي" in pre) and _RE_LOSS_OF.search(pre))):
            role = "agent" if plex["agent_after"].match(norm, e, b) or True else "owner"
            if _RE_SUFFERED_AFTER.match(norm, e, b):
                role = "owner"  # "القوات الأذربيجانية تكبدت خسائر ... تدمير 4 دبابات": the forces that suffered
        if role == "owner" and _RE_HOLDER_AFTER.match(norm, e, b):
            role = "agent"  # "باكو لا تزال تحتجز 200 أسير": the holder's enemies are the prisoners
        out.append((s, side, role))
    return out


class _SideVotes:
    """The side words of one sentence with their roles, found once and filtered by range."""

    def __init__(self, plex: dict, norm: str, a: int, b: int) -> None:
        self.all = _side_votes(plex, norm, a, b, [])

    def __call__(self, x: int, y: int, skip: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
        return [v for v in self.all if x <= v[0] < y and not any(s <= v[0] < e for s, e in skip)]


def _loser_side(it: _Item, sv: _SideVotes, norm: str, a: int, skip, claimant_side: str) -> str:
    """The side of the subject of a "lost" verb: "خسر العدو 40 مدفعا" (the claimant's enemy),
    "القوات الأذربيجانية خسرت 25 دبابة" (the named side); "" when no subject names a side."""
    word = it.extra.get("word") or ""
    v = norm.rfind(word, a, it.n_start)
    if v < 0:
        return ""
    seg = norm[max(a, v - 45):v]
    cut = max(seg.rfind("،"), seg.rfind(","), seg.rfind(" ان "), seg.rfind(" إن "))
    lo = max(a, v - 45) + (cut + 1 if cut >= 0 else 0)
    for pos, side, _role in reversed(sv(lo, it.n_start, skip)):
        if v <= pos < v + len(word):
            continue
        if side == "enemy":
            return _opposite(claimant_side) if claimant_side in ("armenian", "azerbaijani") else ""
        if side in ("armenian", "azerbaijani", "other"):
            return side
    return ""


def _vote_side(side: str, role: str) -> str:
    if role in ("attacker", "agent"):
        return _opposite(side) if side in ("armenian", "azerbaijani") else side
    return side


# "قال الجيش إن جنديين من قواته قتلا": the speaker's own forces
_RE_OF_OWN_FORCES = re.compile(r"\s+من\s+(?:قوات|صفوف|عناصر|افراد)(?:ه|ها|هم)(?!\S)")
# "أعلنت الوزارة مقتل اثنين من عسكرييها": a loss masdar right after the speaker opens its claim
_LOSS_MASDARS_SP = tuple(" " + normalize(w) + " " for w in ("مقتل", "إصابة", "أسر", "مصرع", "استشهاد"))


def _decide_side(it: _Item, sv: _SideVotes, norm: str, sent: tuple[int, int], next_start: int,
                 skip: list[tuple[int, int]], claimant_side: str, agent_side: str,
                 claimant_state: bool = False, clause: tuple[int, int] | None = None) -> tuple[str, str]:
    """The affected side of one item (see module docstring) and where it came from
    (local: words attached to the noun; context: elsewhere; default). Sentence-level
    evidence is read in `clause` (the item's clause of the sentence) when given."""
    belligerent = claimant_side in ("armenian", "azerbaijani")
    a, b = sent
    clause = clause or sent
    if it.extra.get("own") and belligerent:
        return claimant_side, "local"  # "11 من جنودنا": the speaker's own
    own3 = it.extra.get("own3") or it.kind == "people" and bool(
        _RE_OF_OWN_FORCES.match(norm, it.tail_end, min(b, it.tail_end + 24)))  # "جنديين من قواته"
    if own3 and belligerent:
        seg = norm[max(a, it.n_start - 60):it.n_start]
        cut = max(seg.rfind(" ان "), seg.rfind(" إن "), *(seg.rfind(m) for m in _LOSS_MASDARS_SP))
        if cut >= 0 and not sv(it.n_start - len(seg) + cut, it.n_start, skip):
            return claimant_side, "local"  # "تقول سلطات قره باغ إن 710 من عسكرييها قتلوا": its own
    if belligerent and it.kind == "equipment" and _RE_OWN_BELONGING.match(norm, it.tail_end, b):
        # "أقرت بسقوط مروحية تابعة لها": the speaker's own ("وسبع قرى تابعة لها" is the town's)
        return claimant_side, "local"
    word = it.extra.get("word") or ""
    if belligerent and it.kind == "people" and (word.startswith(_MARTYR) or (
            it.has_noun and norm[it.h_start:it.h_start + 4] in ("شهيد", "شهدا"))):
        return claimant_side, "local"  # "2783 عسكريا استشهدوا": a party calls its own dead martyrs
    if belligerent and word.endswith("نا") and word not in _OWN_LOSS_N and it.kind == "people":
        return _opposite(claimant_side), "local"  # "قتلنا ... وأسرنا اثنين": the speaker's enemy
    # 1) words right after the noun phrase, up to the next item or clause break
    win_end = min(next_start, b, it.tail_end + 60)
    seg = norm[it.tail_end:win_end]
    cut = _LOCAL_BREAK.search(seg)
    if cut:
        win_end = it.tail_end + cut.start()
    local = sv(it.h_start if it.h_start < it.tail_end else it.tail_end, win_end, skip)
    local = [v for v in local if v[0] - it.tail_end <= 30
             or _RE_BELONGING.search(norm[max(a, v[0] - 20):v[0]])]
    for pos, side, role in local:
        if side == "other" and (it.kind != "people" and belligerent or _RE_MADE_IN.match(norm, pos)):
            continue  # "دبابة روسية الصنع" is the owner's, not Russia's
        if side == "enemy":
            return (_opposite(claimant_side) if belligerent else "unknown"), "local"
        if role == "agent":
            continue
        if role == "attacker" and it.kind == "equipment" and not norm[it.tail_end:pos].strip():
            return side, "local"  # "اعترضت 4 صواريخ أذربيجانية": the weapon is its firer's loss
        return _vote_side(side, role), "local"
    if belligerent and it.category == "missiles" and _RE_INTERCEPT_BEFORE.search(norm, max(a, it.n_start - 30), it.n_start):
        # "أكدت أن الدفاعات الجوية اعترضت صاروخين": the speaker's defences downed the enemy's missiles
        return _opposite(claimant_side), "local"
    # 2) a count context naming the people ("عدد الأرمن الذين قتلوا")
    if it.side_hint:
        hs = max(a, it.n_start - len(it.side_hint) - 5)
        for _pos, side, role in sv(hs, it.n_start, skip):
            if side in ("armenian", "azerbaijani", "both"):
                if role == "agent":
                    return side, "local"  # "عدد قتلى الجيش الأرميني ارتفع": the toll's owner, not a subject
                return _vote_side(side, role), "local"  # "منذ بداية العدوان الأذربيجاني" names the attacker
    own_loss = it.extra.get("word") in _OWN_LOSS_N
    if own_loss:
        subj = _loser_side(it, sv, norm, a, skip, claimant_side)
        if subj:
            return subj, "context"
    if (it.kind == "settlement" or (it.kind == "equipment" and it.action != "damaged")
            or (it.kind == "building" and it.action == "destroyed" and not belligerent)):
        if own_loss and belligerent:
            return claimant_side, "default"
        if agent_side:
            return agent_side, "context"
        if belligerent:
            return _opposite(claimant_side), "default"
    if (it.kind == "building" or it.action == "damaged") and belligerent:
        return claimant_side, "default"
    if it.kind == "people" and it.population == "civilian" and belligerent:
        return claimant_side, "default"
    if claimant_state and (it.kind == "building" or (it.kind == "people" and it.population == "civilian")):
        if all(v[1] == claimant_side for v in sv(*clause, skip)):
            return claimant_side, "default"  # a government's count of its own people
    # 3) sentence-level evidence
    votes = sv(*clause, skip)
    if any(s == "both" for _, s, _ in votes):
        return "both", "context"
    if any(s == "enemy" for _, s, _ in votes):
        return (_opposite(claimant_side) if belligerent else "both"), "context"
    # the subject of "lost" owns the loss ("الجيش الأرميني فقد ثلاثة جنود")
    resolved = [s if (own_loss and r == "agent") else _vote_side(s, r)
                for p, s, r in votes if s in ("armenian", "azerbaijani")]
    if resolved and len(set(resolved)) == 1:
        return resolved[0], "context"  # "الجانب الأذربيجاني خسر أكثر من 200 جندي"
    if it.kind == "people" and belligerent:
        return claimant_side, "default"
    if it.kind == "people":
        return "both", "default"  # a war-wide toll with no side named ("حرب خلفت 5 آلاف قتيل")
    return "unknown", "default"


_RE_DAILY_AFTER = re.compile(r"\s+(?:ال)?(?:يوميه|اليوم)(?![\u0621-\u064a])")


def _running_total_in(lex: _Lex, text: str) -> bool:
    """A total word in text ("حصيلة", "إجمالي") that is not a day's tally ("وفي حصيلة يومية")."""
    for m in lex.total_re.finditer(text):
        if not _RE_DAILY_AFTER.match(text, m.end()):
            return True
    return False


def _since_elsewhere(x: int, it: _Item, first: int, rise_cuts: list[int], att, attrs_s, to_raw) -> bool:
    """The period cue at x belongs to another figure: the total of a rise clause between the item
    and it ("قتل 11، ما يرفع عدد قتلاها إلى 543 منذ 27 سبتمبر"), or an earlier speaker's claim
    (after its figure, first) before the item's own reporting clause ("ارتفع العدد إلى 104 منذ ...،
    بينما قالت باكو إن 12 ..."); a period opening the sentence ("وخلال الحرب، ...") frames all."""
    if any(it.tail_end <= c < x for c in rise_cuts):
        return True
    if att is None or not attrs_s or not first < x < it.n_start:
        return False
    verb = bisect.bisect_left(to_raw, att.verb_start)
    return x < verb < it.n_start and any(
        o is not att and o.speaker_en != att.speaker_en and o.party != att.party
        and bisect.bisect_left(to_raw, o.verb_start) < verb for o in attrs_s)


def _place_side(plex: dict, norm: str, a: int, b: int) -> str:
    """The side holding the profile towns named in norm[a:b] when they all lie on one side, else ''."""
    rx = plex.get("place_side_re")
    if rx is None:
        return ""
    sides = {plex["place_side"].get(_RE_WS.sub(" ", m.group("name")), "") for m in rx.finditer(norm, a, b)}
    return sides.pop() if len(sides) == 1 and "" not in sides else ""


def _speaker_nation(plex: dict, speaker: str) -> str:
    """The one belligerent side the words of a speaker phrase name ("منظمات أهلية أرمنية" ->
    armenian), else ""."""
    sides = set()
    for w in normalize(speaker).split():
        side = plex["side_of"].get(w)
        if side in ("armenian", "azerbaijani"):
            sides.add(side)
    return sides.pop() if len(sides) == 1 else ""


def _agent_side(sv: _SideVotes, a: int, pos: int, skip) -> str:
    """The side whose forces act in the sentence before pos (for destroyed/captured/taken)."""
    for _p, side, role in reversed(sv(a, pos, skip)):
        if role == "agent" and side in ("armenian", "azerbaijani"):
            return _opposite(side)
    return ""


# ----------------------------------------------------------------------- claimants

def _attributions(article, profile: Profile, attributions):
    """Per-sentence attributions from helpers.attribution (None if the module is absent)."""
    if attributions is not None:
        return attributions
    try:
        from helpers import attribution
    except ImportError:
        return None
    return attribution.attribute(article, profile)


def _claimant_for(attrs_sentence, raw_offset: int):
    return claimant_at(attrs_sentence or [], raw_offset)


def _denials_for(attrs_sentence):
    return denials_in(attrs_sentence or [])


# ----------------------------------------------------------------------- main

def extract_losses(article, profile: Profile, attributions=None, mentions: list[dict] | None = None) -> list[dict]:
    """Every loss claim in an article, one dict per distinct claim (columns LOSS_COLUMNS).
    `mentions`: the article's loss_mentions when the caller already has them."""
    rows = loss_mentions(article, profile, attributions) if mentions is None else [dict(r) for r in mentions]
    return _dedupe(rows)


def loss_mentions(article, profile: Profile, attributions=None) -> list[dict]:
    """Every loss mention in an article before repeated claims are merged (one dict per
    number phrase; same keys as extract_losses plus internal ones starting with "_")."""
    lex = _lex()
    plex = _profile_lex(profile)
    nt = article.nt
    norm = nt.norm
    to_raw = nt.to_raw
    sents = article.sentences
    if not sents:
        return []
    numbers_all = find_numbers(norm)
    heads_all = list(lex.head_re.finditer(norm))
    head_starts = [h.start() for h in heads_all]
    attrs = _attributions(article, profile, attributions)
    state_parties = plex["state_parties"]
    state_ids = plex["state_ids"]
    year = int(article.published[:4]) if (article.published or "")[:4].isdigit() else None
    # the keys of denial_re that occur in the article at all: a sentence can hold no other
    denial_keys = tuple(k for k in lex.denial_re.keys if k in norm)
    rows: list[dict] = []
    ni = 0
    # a short first paragraph over a body is the headline (it may split at "..")
    head_n = 0
    if sents[-1].paragraph != sents[0].paragraph:
        head_n = sum(1 for x in sents if x.paragraph == sents[0].paragraph)
        if sents[head_n - 1].end - sents[0].start > _HEADLINE_MAX:
            head_n = 0
    for si, sp in enumerate(sents):
        a = bisect.bisect_left(to_raw, sp.start)
        b = bisect.bisect_left(to_raw, sp.end)
        while ni < len(numbers_all) and numbers_all[ni].start < a:
            ni += 1
        nums = []
        j = ni
        while j < len(numbers_all) and numbers_all[j].start < b:
            if numbers_all[j].end <= b:
                nums.append(numbers_all[j])
            j += 1
        h0 = bisect.bisect_left(head_starts, a)
        h1 = bisect.bisect_left(head_starts, b)
        heads = [h for h in heads_all[h0:h1] if h.end() <= b]
        items = _sentence_items(lex, norm, a, b, nums, heads, plex["places"]) if (
            nums or heads or _RE_OWN_HOUSE.search(norm, a, b)) else []
        if items and _RE_LINK_LINE.match(norm, a, b):
            items = []  # "اقرأ أيضا: ..." links another article
        # (a sentence without a denial cue or verb names no category and matches no denial)
        if (rows and attrs is not None and si < len(attrs) and _has_any(norm[a:b], denial_keys)
                and _has_any(norm[a:b], _DENIAL_KEYS)):
            # a denial of the claims before it, also when it gives its own figure ("نفت باكو
            # ذلك، وقالت إن عدد الأسرى لا يتجاوز 44")
            named = _denied_categories(lex, norm, a, b)
            # a quotation's later sentence ("... هذه أكاذيب»") denies what the quote said before it
            a_q = bisect.bisect_left(to_raw, sents[si - 1].start) if si and any(
                x.kind == "continued" for x in attrs[si]) else a
            dm = lex.denial_re.search(norm, a, b)
            if dm and not named and any(it.n_start < dm.start() for it in items):
                dm = None  # "قالت X إن ... 130 دبابة، وهو ما وصفته باكو بأنه أرقام خيالية": it calls this sentence's figures unreal
            if (named or dm) and not (
                    not named and (_RE_DENY_NOT_FIGURES.search(norm, a, b) or _RE_DENY_ACT.search(norm, a_q, b))):
                _deny_previous(rows, attrs[si], si, named, profile, attrs[si - 1] if si else None)
        if not items:
            continue
        sv = _SideVotes(plex, norm, a, b)
        # "، فيما أكدت باكو ..." / "، مشيرا إلى ...": another claim's clause; side and running-total
        # cues are read in the item's own clause
        cuts = [m.start() for m in _RE_CLAUSE_SPLIT.finditer(norm, a, b)]
        part_cuts = [c for c in cuts if _RE_PARTICIPLE_SPLIT.match(norm, c)]
        side_cuts = [c for c in cuts if c not in part_cuts]
        since_at = [m.start() for m in lex.since_re.finditer(norm, a, b)
                    if not _RE_SUPERLATIVE_BEFORE.search(norm, max(a, m.start() - 16), m.start())
                    and not _RE_FIRST_BEFORE.search(norm, max(a, m.start() - 30), m.start())]
        since_at += [m.start() for m in _since_date_re().finditer(norm, a, b)]
        if "الفتره" in norm[a:b]:
            # "خلال الفترة نفسها" after an earlier "منذ 27 سبتمبر": the same running period
            since_at += [m.start() for m in _RE_SAME_PERIOD.finditer(norm, a, b)
                         if norm.rfind("منذ", max(0, a - 600), a) >= 0]
        so_far_all = list(_RE_SO_FAR.finditer(norm, a, b))
        rise_cuts = [m.start() for m in _RE_RISE_TO_TOTAL.finditer(norm, a, b)] if since_at else []
        attrs_s = attrs[si] if attrs is not None and si < len(attrs) else None
        denials = _denials_for(attrs_s)
        denied_cats = _denied_categories(lex, norm, a, b) if denials else set()
        last_people_side = ""
        last_thing_side = ""
        side_of_item: dict[int, str] = {}
        victim_side = ""
        cum_of: dict[int, bool] = {}
        has_still = "زال" in norm[a:b]
        has_occupation = "احتلال" in norm[a:b]
        for k, it in enumerate(items):
            raw_s, raw_e = nt.raw_span(it.n_start, it.n_end)
            att = _claimant_for(attrs_s, raw_s)
            state_level = False
            if att is not None and getattr(att, "kind", "") != "denial":
                claimant, claimant_en, party = att.speaker, att.speaker_en, att.party
                state_level = att.actor_id in state_ids
                skip = []
                if (att.speaker_start or -1) >= 0 and att.speaker_end > att.speaker_start:
                    skip.append((bisect.bisect_left(to_raw, att.speaker_start),
                                 bisect.bisect_left(to_raw, att.speaker_end)))
            else:
                claimant, claimant_en, party = "", f"{article.outlet} (unattributed)", "Media"
                skip = []
            denied_by = ""
            if att is not None and getattr(att, "kind", "") == "denial":
                denied_by = att.party
                claimant, claimant_en, party = "", "", "Unknown"
            for d in denials:
                # another speaker of the same party may deny it too ("قال كوتشاريان إن 5 آلاف قتلوا،
                # وهو رقم نفته وزارة الدفاع الأرمينية")
                other = d.party != party or (att is not None and not d.inherited and not att.inherited
                                             and d.speaker_en != att.speaker_en and d.speaker != att.speaker
                                             and d.verb_start > att.verb_start)
                if d is not att and other and (not denied_cats or it.category in denied_cats):
                    denied_by = d.party
                if (d.speaker_start or -1) >= 0:
                    skip.append((bisect.bisect_left(to_raw, d.speaker_start), bisect.bisect_left(to_raw, d.speaker_end)))
            claimant_side = profile.party_side(party)
            next_start = items[k + 1].n_start if k + 1 < len(items) else b
            c_lo, c_hi = a, b
            for c in side_cuts:
                if c < it.n_start:
                    c_lo = c
                elif c >= it.tail_end:
                    c_hi = c
                    break
            agent = ""
            if it.kind in ("equipment", "settlement", "building"):
                # the forces acting in the item's own clause ("، مضيفة أن وحداتها ردت بتدمير ...")
                agent_lo = max([c for c in cuts if c < it.n_start], default=a)
                agent = _agent_side(sv, agent_lo, it.n_start, skip)
            side, source = _decide_side(it, sv, norm, (a, b), next_start, skip, claimant_side, agent,
                                        party in state_parties, (c_lo, c_hi))
            if it.kind == "building" and side == "unknown" and victim_side:
                side = victim_side  # "مقتل 65 مدنيا أذربيجانيا ... وتضرر 2402 منزل": the same victims
            if (source == "default" and side in ("unknown", "both") and claimant_side not in ("armenian", "azerbaijani")
                    and (it.kind == "building" or it.kind == "people" and it.population != "military")):
                side = _place_side(plex, norm, c_lo, c_hi) or side  # "قصف أصاب مستشفى في مارتاكيرت"
            if (source == "default" and side in ("unknown", "both") and it.kind == "people"
                    and claimant_side not in ("armenian", "azerbaijani") and claimant):
                # "بحسب منظمات أهلية أرمنية، لا يزال مصير مئات العسكريين مجهولا": a national
                # source's count with no side named is of its own nation's people
                side = _speaker_nation(plex, claimant) or side
            parent = it.extra.get("subset_of")
            if parent is not None and source != "local" and id(parent) in side_of_item:
                side = side_of_item[id(parent)]  # "3 صحفيين روس، بينهم مراسل": the subset's side
            if it.kind == "people":
                if (it.pop_from_prev or it.increment) and source != "local" and last_people_side:
                    side = last_people_side  # "مقتل 790 عسكريا أذربيجانيا وإصابة 1900 بجروح"
                if it.extra.get("crew") and source != "local" and last_thing_side:
                    side = last_thing_side  # "أسقطت مروحية روسية ... مقتل اثنين من أفراد طاقمها"
                last_people_side = side
            else:
                last_thing_side = side
            side_of_item[id(it)] = side
            if it.kind == "people" and it.population == "civilian" and source == "local" and side in (
                    "armenian", "azerbaijani"):
                victim_side = side
            cumulative = False
            if not it.increment and not _rise_after(lex, norm, it.tail_end, b):
                # running-total cues stop at a participle clause ("، مشيرا إلى أن إجمالي ...") and
                # at another speaker's clause ("، بينما أعلنت باكو مقتل 10")
                k_lo, k_hi = a, b
                for c in part_cuts:
                    if c < it.n_start:
                        k_lo = c
                    elif c >= it.tail_end:
                        k_hi = c
                        break
                x_lo = x_hi = -1  # the clause of an earlier, other speaker in the sentence
                if att is not None and attrs_s and len(attrs_s) > 1 and att.start <= raw_s < att.end:
                    for o in attrs_s:
                        if o is not att and o.start < att.start and o.speaker_en != att.speaker_en:
                            x_lo = bisect.bisect_left(to_raw, o.start)
                            x_hi = bisect.bisect_left(to_raw, min(o.end, att.start))
                pre = norm[k_lo:it.n_start] if x_lo < k_lo else norm[k_lo:x_lo] + " . " + norm[x_hi:it.n_start]
                sent_since = any(k_lo <= x < k_hi and not x_lo <= x < x_hi for x in since_at
                                 if not _since_elsewhere(x, it, items[0].n_start, rise_cuts, att, attrs_s, to_raw))
                so_far = next((m for m in so_far_all if k_lo <= m.start() < k_hi
                               and not x_lo <= m.start() < x_hi), None)
                rises = list(lex.rise_re.finditer(pre))
                to = _RE_TO.search(pre[rises[-1].end():]) if rises else None
                if to and _RE_AFTER_LOSS_BEFORE.search(norm, max(a, it.n_start - 30), it.n_start):
                    pass  # the increment that raised the total
                elif to and not _RE_RISE_STOP.search(pre[rises[-1].end() + to.end():]):
                    cumulative = True
                elif (sent_since or _running_total_in(lex, pre) or _RE_COUNT_REACHED.search(pre)
                      or _RE_WAR_TOLL.search(pre) or _RE_WHOLE_WAR_TOLL.search(pre)
                      or (so_far is not None and (so_far.start() < it.n_start
                                                  or 0 <= so_far.start() - it.tail_end <= 25))
                      or _until_date_re().search(norm, it.tail_end, min(k_hi, it.tail_end + 60))):
                    cumulative = True
            if cumulative and _RE_DAILY_BEFORE.search(norm, max(a, it.n_start - 40), it.n_start):
                cumulative = False
            if cumulative and has_still and (_RE_STILL_BEFORE.search(norm, max(a, it.n_start - 40), it.n_start)
                                             or _RE_STILL_AFTER.match(norm, it.tail_end, b)):
                cumulative = False  # "فيما لا يزال 412 جريحا يتلقون العلاج": a standing count, not a running total
            historical = False
            window = norm[max(a, it.n_start - 160):it.n_start]
            if lex.hist_re.search(window) or has_occupation and _RE_OCCUPATION_YEARS.match(norm, it.tail_end, b):
                historical = True  # also "إن بيته دمر خلال سنوات الاحتلال": the years before the war
            elif year:
                for ym in lex.year_re.finditer(norm, a, b):
                    if any(x.n_start <= ym.start("y") < x.n_end for x in items):
                        continue
                    if int(ym.group("y")) <= year - 3 and not norm[max(a, ym.start() - 6):ym.start()].strip().endswith("منذ"):
                        if abs(ym.start() - it.n_start) < 120:
                            historical = True
            parent = it.extra.get("subset_of")
            if parent is not None and id(parent) in cum_of:
                cumulative = cum_of[id(parent)]  # "بينهم خمسة أطفال": a part of the toll before it
            if historical or it.extra.get("single_place"):
                cumulative = False  # one named place is an event, never a running total
            cum_of[id(it)] = cumulative
            each_side = it.kind == "people" and bool(_RE_EACH_SIDE.match(norm, it.tail_end, b))
            if each_side and not it.increment:
                cumulative = True  # a per-side toll is the war's figure split between the two sides
            for row_side in (("armenian", "azerbaijani") if each_side else (side,)):
                rows.append({
                    "article_id": article.article_id,
                    "outlet": article.outlet,
                    "published": article.published,
                    "claimant": claimant,
                    "claimant_en": claimant_en,
                    "claimant_party": party,
                    "affected_side": row_side,
                    "category": it.category,
                    "population": it.population if it.kind == "people" else "",
                    "action": it.action,
                    "value": int(it.value),
                    "value_low": it.low,
                    "value_high": it.high,
                    "qualifier": it.qualifier,
                    "cumulative": cumulative,
                    "historical": historical,
                    "denied_by": denied_by,
                    "number_text": article.raw[raw_s:raw_e],
                    "sentence": sp.text,
                    "start": raw_s,
                    "end": raw_e,
                    "mentions": 1,
                    "_sentence_index": si,
                    "_state": state_level,
                    "_cside": claimant_side,
                    "_head": si < head_n,
                    "_noun": _RE_WS.sub(" ", norm[it.h_start:it.tail_end]) if it.has_noun else "",
                })
    return rows


def _noun_key(noun: str) -> str:
    """The counted noun without its number-dependent form: the head's lemma plus modifiers."""
    lex = _lex()
    m = lex.head_re.match(noun)
    if not m:
        return noun
    key, _ = lex.forms[m.group("head")]
    return key + noun[m.end("head"):]


def _has_any(text: str, keys: tuple[str, ...]) -> bool:
    """True if any key occurs in text (C-speed substring tests)."""
    for k in keys:
        if k in text:
            return True
    return False


_RE_LINK_LINE = re.compile(rf"\s*[-–•*]?\s*(?:{_alt(lx.LINK_LINE_STARTS)})\s*[:：\-–]")
_RE_DENIAL_VERB = _Needs(re.compile(rf"(?<!{_W})[وف]?(?:{_alt(lx.LOSS_DENIAL_VERBS)})(?!{_W})"),
                         _lex_words(lx.LOSS_DENIAL_VERBS))
# "لم نطلق أي صاروخ على المدينة. هذه أكاذيب": a negated act of firing, not a denial of the figures
_RE_DENY_ACT = re.compile(rf"(?<!{_W})لم\s+[نيت](?:{_alt(lx.LOSS_DENIAL_NEGATED_ACTS)})(?!{_W})")
# "نفت ... أي علاقة لها بالهجوم": the denial is about involvement, not the figures
_RE_DENY_NOT_FIGURES = re.compile(rf"(?<!{_W})[وف]?(?:{_alt(lx.LOSS_DENIAL_VERBS)})\s+(?:[^\s.،,؛:]+\s+){{0,4}}?"
                                  rf"(?:اي\s+|ايه\s+)?[وب]?(?:ال)?(?:{_alt(lx.LOSS_DENIAL_NOT_FIGURES)})(?!{_W})")


def _denied_categories(lex: _Lex, norm: str, a: int, b: int) -> set[str]:
    """The loss categories a denial names ("نفت إسقاط أي طائرة حربية" -> aircraft): loss nouns
    in the few words after a denial verb, up to the end of its clause. Empty when the denial
    names none ("نفت هذه الأرقام"): it is about the figures in general."""
    cats: set[str] = set()
    for m in _RE_DENIAL_VERB.finditer(norm, a, b):
        stop = _LOCAL_BREAK.search(norm, m.end(), min(b, m.end() + 60))
        end = stop.start() if stop else min(b, m.end() + 60)
        for h in lex.head_re.finditer(norm, m.end(), end):
            key = lex.forms[h.group("head")][0]
            head = lex.heads[key]
            if _kind_of(head) == "people":
                if head.get("cat"):
                    cats.add(head["cat"])
                continue
            cat, _ = _resolve_category(lex, norm, key, h.end("head"), b)
            if cat:
                cats.add(cat)
    return cats


def _deny_previous(rows: list[dict], attrs_sentence, si: int, named: set[str], profile: Profile,
                   attrs_before=None) -> None:
    """A sentence that rejects the figures just reported ("نفت ... هذه الأرقام", "قالت إن هذه
    المعلومات عارية عن الصحة") fills denied_by of the other parties' claims in the two
    sentences before it; a denial that names what it denies ("نفت إسقاط أي مروحية") covers
    only the claims of that category. When the sentence just before is another party's claim
    with no loss in it ("اتهم باشينيان تركيا ... ونفت أنقرة هذه الاتهامات"), that claim is
    what is denied, not the figures of a third party before it."""
    denier = next((x.party for x in attrs_sentence or [] if x.party not in ("Unknown", "")), "")
    if not denier:
        return
    between = set()
    if not named and not any(r["_sentence_index"] == si - 1 for r in rows):
        between = {x.party for x in attrs_before or [] if x.party not in ("Unknown", "", denier) and x.kind != "denial"}
    for r in reversed(rows):
        if r["_sentence_index"] < si - 2:
            break
        if between and r["claimant_party"] not in between:
            continue
        if named and r["category"] not in named:
            continue
        if r["claimant_party"] != denier and not r["denied_by"] and not _own_admission(r, profile):
            r["denied_by"] = denier


def _own_admission(r: dict, profile: Profile) -> bool:
    """A party's count of its own forces' losses ("أصيب 30 من جنودنا"): the other side's denial
    of "these figures" is not about it."""
    own = profile.party_side(r["claimant_party"])
    return (own in ("armenian", "azerbaijani") and r["affected_side"] == own
            and (r["population"] == "military" or r["category"] not in PEOPLE))


_HEADLINE_MAX = 160  # characters: a first paragraph this short, over more paragraphs, is a headline


def _headline_joins_body(rows: list[dict]) -> list[dict]:
    """A headline figure ("21 قتيلا في قصف على ...", "باكو: 13 قتيلا") that the body repeats with
    a named claimant ("قالت النيابة العامة إن 21 مدنيا قتلوا", also the state itself: "قالت السلطات
    الأذربيجانية إن ...") is that claim: the headline,
    written without context, gives no side, population or claimant of its own."""
    def loose(r):
        return (r["category"], r["action"], r["value"], r["value_high"], r["historical"])
    drop = set()
    # "بوتين: قرابة 5 آلاف قتيل" over "قال بوتين إن عدد القتلى ... يقترب من 5 آلاف شخص": the same
    # speaker's same figure, whatever noun counts it, is one claim (the body's reading wins)
    for h in rows:
        if h["_sentence_index"] != 0 or not h["claimant_en"]:
            continue
        cands = [r for r in rows if r["_sentence_index"] > 0 and loose(r) == loose(h)
                 and r["claimant_en"] == h["claimant_en"] and r["affected_side"] == h["affected_side"]
                 and (r["population"] == h["population"] or h["population"] == "unspecified")]
        if len(cands) == 1:
            cands[0]["mentions"] += h["mentions"]
            cands[0]["denied_by"] = cands[0]["denied_by"] or h["denied_by"]
            drop.add(id(h))
    rows = [r for r in rows if id(r) not in drop]
    heads = [r for r in rows if (r["_sentence_index"] == 0 and (r["_state"] or (
        r["claimant_party"] == "Media" and not r["claimant"]))) or (r["_head"] and r["claimant_party"] != "Unknown")]
    if not heads:
        return rows
    for h in heads:
        unattributed = h["claimant_party"] == "Media" and not h["claimant"]
        named = not h["_state"] and not unattributed
        # a headline crediting a body figure to someone else ("يريفان تتحدث عن 158 قتيلا" over
        # the Karabakh ministry's 158; "X يدعو إلى ... وحصيلة القتلى تتجاوز 700" over an agency's
        # tally) is the body's claim: a state only joins its own side's figure
        cands = [r for r in rows if r["_sentence_index"] > 0 and not r["_head"] and loose(r) == loose(h)
                 and r["claimant_party"] != "Unknown"
                 and (r["claimant_party"] != "Media" or (named and r["claimant"]))
                 and (not h["_state"] or r["claimant_party"] == h["claimant_party"]
                      or (h["_cside"] in ("armenian", "azerbaijani") and r["_cside"] == h["_cside"]))]
        if named and any(r["claimant_en"] == h["claimant_en"] for r in cands):
            continue  # the headline's speaker says it in the body too (joined above when alone)
        if len({r["claimant_party"] for r in cands}) != 1:
            continue
        t = cands[0]
        t["mentions"] += h["mentions"]
        t["denied_by"] = t["denied_by"] or h["denied_by"]
        if t["population"] == "unspecified" and h["population"] in ("military", "civilian"):
            t["population"] = h["population"]  # "قتلى جيش قره باغ" in the headline, "حصيلة قتلاها" below
        drop.add(id(h))
    return [r for r in rows if id(r) not in drop]


def _dedupe(rows: list[dict]) -> list[dict]:
    """One row per claim: the same claimant, side, category, action and value in different
    sentences is one claim (mentions counts them); an unattributed mention (a headline)
    of a claim someone is credited with elsewhere in the article joins that claim. Items
    of one list (same sentence) stay separate."""
    def key(r):
        return (r["affected_side"], r["category"], r["action"], r["population"], r["value"], r["value_high"],
                r["historical"], _noun_key(r["_noun"]))
    rows = _headline_joins_body(rows)
    # a state named as the claimant ("باكو: تدمير 4 منظومات") and its own institution in the
    # body ("أعلنت وزارة الدفاع الأذربيجانية ... دمرت 4 منظومات") make one claim
    specific: dict[tuple, dict] = {}
    for r in rows:
        if not r["_state"] and r["claimant_party"] not in ("Unknown", "Media", "Other"):
            specific.setdefault(key(r)[:-1] + (r["claimant_party"],), r)
    merged = []
    for r in rows:
        t = specific.get(key(r)[:-1] + (r["claimant_party"],)) if r["_state"] else None
        if t is not None and t["_sentence_index"] != r["_sentence_index"]:
            t["mentions"] += r["mentions"]
            t["denied_by"] = t["denied_by"] or r["denied_by"]
            continue
        merged.append(r)
    rows = merged
    out: list[dict] = []
    by_key: dict[tuple, list[dict]] = {}
    attributed = {}
    for r in rows:
        if r["claimant_party"] != "Media" or r["claimant"]:
            attributed.setdefault(key(r), r)
    for r in rows:
        k = key(r)
        target = None
        unattributed = r["claimant_party"] == "Media" and not r["claimant"]
        if unattributed and k in attributed and attributed[k] is not r:
            target = attributed[k]
            if all(x is not target for x in out):
                # the attributed claim comes later: it takes this mention's place in order
                target["mentions"] += 1
                target["_absorbed"] = True
                continue
        else:
            for cand in by_key.get(k, []):
                if cand["claimant_en"] == r["claimant_en"] and cand["_sentence_index"] != r["_sentence_index"]:
                    target = cand
                    break
        if target is not None:
            target["mentions"] += 1
            continue
        out.append(r)
        by_key.setdefault(k, []).append(r)
    for r in out:
        r.pop("_sentence_index", None)
        r.pop("_state", None)
        r.pop("_cside", None)
        r.pop("_head", None)
        r.pop("_absorbed", None)
        r.pop("_noun", None)
    out.sort(key=lambda r: (r["start"], r["end"]))
    return out


def losses_frame(rows: Iterable[dict]) -> pd.DataFrame:
    """The losses table with its columns in order and stable dtypes."""
    df = pd.DataFrame(list(rows), columns=LOSS_COLUMNS)
    for col in ("value", "start", "end", "mentions"):
        df[col] = df[col].astype("int64")
    for col in ("value_low", "value_high"):
        df[col] = df[col].astype("Int64")
    for col in ("cumulative", "historical"):
        df[col] = df[col].astype(bool)
    return df


def extract_all(articles: Iterable, profile: Profile) -> pd.DataFrame:
    """The losses table of several articles, in article order."""
    rows: list[dict] = []
    for art in articles:
        rows.extend(extract_losses(art, profile))
    return losses_frame(rows)
