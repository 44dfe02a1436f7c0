"""Statements by party: one row per attributed statement, with topic and direct quotes.

A statement is one speaker's attributed clause(s) in one sentence: the attributions that
helpers.attribution finds in a sentence are grouped by speaker (a joint statement gives
one row per party, a denial "وهو ما نفته X" its own row by the denier, a relay credits the
original speaker). `text` is the sentence, `start`/`end` its RAW offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from helpers import lexicon as lx
from helpers.attribution import Attribution, attribute
from helpers.losses import loss_mentions
from helpers.numbers import find_numbers, trie_pattern
from helpers.profile import Profile
from helpers.text import normalize

STATEMENT_COLUMNS = [
    "article_id", "outlet", "published", "speaker", "speaker_en", "party", "verb", "topic",
    "is_quote", "quote", "inherited", "text", "start", "end",
]
TOPICS = tuple(lx.TOPICS)

# ------------------------------------------------------------------ topic cues


_LETTER = "\u0621-\u064a"
_CUE_PREFIX = "(?:[وفبل]|ال|لل|وال|بال)?"


class _AtWordStart:
    """A regex that matches only where no Arabic letter precedes. `search` tells whether it
    matches anywhere, as `re.search(rf"(?<![{_LETTER}])(?:{body})", text)` would, but sre skips
    fast to a non-letter and tries the body only after it (a leading lookbehind makes it try
    every position). `needs`: words one of which every match contains (none in the text: no
    match, without a scan); `needs_re`: a regex every match contains a match of, as cheap a test
    where a needed word is too common alone ("لم" in "العالم": `لم\\s`)."""

    def __init__(self, body: str, needs: tuple[str, ...] = (), needs_re: str = "") -> None:
        self.first = re.compile(body)
        self.after = re.compile(rf"[^{_LETTER}](?:{body})")
        self.needs = needs
        self.needs_re = re.compile(needs_re) if needs_re else None

    def search(self, text: str) -> bool:
        if self.needs and not _has_any(text, self.needs):
            return False
        if self.needs_re is not None and self.needs_re.search(text) is None:
            return False
        return self.first.match(text) is not None or self.after.search(text) is not None


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of the words occurs in text (a plain loop: cheaper than any() over a generator)."""
    for w in words:
        if w in text:
            return True
    return False


class _Cues:
    """Per topic, one regex of its cue words, prefix-aware, matching where no Arabic letter
    precedes (`pats`); `counts` gives every topic's number of matches in one pass."""

    def __init__(self, cues: dict[str, tuple[str, set[str]]]) -> None:
        """cues: topic -> (prefix pattern, normalised cue words)."""
        body = {t: trie_pattern(forms) if forms else "" for t, (_, forms) in cues.items()}  # = forms longest first
        self.pats = {t: re.compile(rf"(?<![{_LETTER}]){pre}(?:{body[t]})") for t, (pre, _) in cues.items()}
        # A cue starts at the text's start or after a non-letter: sre skips fast to a non-letter
        # and tries the rest only there (a leading lookbehind makes it try every position). One
        # lookahead of all cue words rules out most starts; then a group per topic holds where
        # that topic's own pattern ends there (its match at that position, as findall finds it).
        self.topics = [t for t in cues if body[t]]
        self.empty = [t for t in cues if not body[t]]  # a pattern that matches the empty string
        every = trie_pattern(set().union(*(forms for _, forms in cues.values())))
        rest = rf"(?={_CUE_PREFIX}(?:{every}))" + "".join(
            f"(?:(?=({cues[t][0]}(?:{body[t]})))|)" for t in self.topics)
        self.first = re.compile(rest)
        self.after = re.compile(rf"[^{_LETTER}]{rest}")

    def counts(self, text: str) -> dict[str, int]:
        """Per topic, len(pats[topic].findall(text))."""
        n = len(self.topics)
        cnt = [0] * n
        free = [0] * n  # where the topic's next match may start (findall's matches do not overlap)
        m0 = self.first.match(text)
        for m in ([m0] if m0 else []) + list(self.after.finditer(text)):
            at = m.end()  # the groups are lookaheads: each starts here
            i = 0
            for g in m.groups():
                if g is not None and at >= free[i]:
                    cnt[i] += 1
                    free[i] = at + len(g)
                i += 1
        out = dict(zip(self.topics, cnt, strict=True))
        for t in self.empty:
            out[t] = len(self.pats[t].findall(text))
        return out


@lru_cache(maxsize=8)
def _cue_patterns(profile_name: str, extra: tuple[tuple[str, tuple[str, ...]], ...]) -> _Cues:
    """The topics' cue words: lexicon + profile `topics:`."""
    cues = {}
    for topic, words in lx.TOPIC_CUES.items():
        allw = list(words) + [w for t, ws in extra if t == topic for w in ws]
        cues[topic] = (_CUE_PREFIX, {normalize(w) for w in allw if w.strip()})
    for topic, ws in extra:
        if topic not in cues:
            cues[topic] = ("(?:[وفبل]|ال)?", {normalize(w) for w in ws if w.strip()})
    return _Cues(cues)


_PROFILE_CUES: dict[tuple[str, str], _Cues] = {}


def _profile_cues(profile: Profile) -> _Cues:
    """_cue_patterns of a profile, looked up once per profile version."""
    key = (profile.name, profile.version)
    got = _PROFILE_CUES.get(key)
    if got is None:
        got = _PROFILE_CUES[key] = _cue_patterns(profile.name, _profile_topics(profile))
    return got


def _profile_topics(profile: Profile) -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = profile.data.get("topics") or {}
    return tuple((str(k), tuple(str(w) for w in (v or []))) for k, v in raw.items() if str(k) in TOPICS)


def classify_topic(norm: str, hints: Iterable[str], kinds: Iterable[str], profile: Profile,
                   loss: bool = False, party: str = "") -> str:
    """Topic of a statement: denial > loss number > the verb's own topic (call, accuse,
    warn, demand) refined by cue words > the topic with most cue words > other; a
    battlefield claim whose attacker is another side than the speaker's is an accusation."""
    topic = _classify_topic(norm, hints, kinds, profile, loss)
    if topic == "battlefield_claim" and party and _other_side_attacks(norm, party, profile):
        return "accusation"  # "قالت باكو إن القوات الأرمينية قصفت ...": the enemy struck
    return topic


def _classify_topic(norm: str, hints: Iterable[str], kinds: Iterable[str], profile: Profile,
                    loss: bool = False) -> str:
    """classify_topic without the attacker check."""
    hints = list(hints)
    lead_hint = hints[0] if hints else ""
    hints = [h for h in hints if h]
    kinds = set(kinds)
    if "denial" in kinds or "denial" in hints:
        return "denial"
    if _DENIAL_WORDING.search(norm) or _DENIAL_NEGATION[0].search(norm) or _DENIAL_NEGATION[1].search(norm):
        return "denial"  # "وصفت ... هذه المعلومات بأنها مفبركة", "رفضت هذه الاتهامات الملفقة"
    if loss:
        return "loss_claim"
    if _APOLOGY.search(norm):
        return "other"  # an apology ("قدمت اعتذارها ... أسقطت المروحية عن طريق الخطأ") claims nothing
    # the first verb's own topic leads; participles and later verbs only refine it
    hints = set(hints[:1])
    score = _CueScores(norm, _profile_cues(profile))
    if _HARD_SITUATION.search(norm) and not score.get("position"):
        # an admission that "the situation is difficult / critical" (a call to arms after it
        # included) claims nothing; "الوضع صعب، لكننا لن نستسلم" states a position
        return "other"
    nominal_call = not lead_hint and bool(_NOMINAL_CALL.search(norm))
    if nominal_call:
        hints = {"call"}  # "وجددت دعوتها إلى وقف القتال": the reported call, named by its noun, leads
    if not lead_hint and hints and not nominal_call:
        # a plain reporting verb ("قال", "اعتبر"): what it reports (content cues) comes before the
        # topic of a later participle ("قال إن أنقرة تؤجج الحرب، مطالبا ...")
        best = _best_cue(score)
        (h,) = hints
        if best and not (h in TOPICS and h != best and score.get(h, 0) >= score.get(best)):
            return best
    if "accusation" in hints:
        return "accusation"
    if "warning" in hints:
        return "warning"
    if "demand" in hints:
        # "طالب بالوقف الفوري للقتال": a demand to stop fighting, with no condition or
        # withdrawal named, is a ceasefire call
        if score.get("ceasefire_call") and not _DEMAND_CONTENT.search(score.masked()):
            return "ceasefire_call"
        if _SEAT_AT_TALKS.search(norm):
            return "negotiation"  # "تطالب بدور في المفاوضات": what is demanded is a seat at the talks
        return "demand"
    if "call" in hints:
        for t in ("ceasefire_call", "demand", "position", "negotiation", "support"):
            # the calling verb itself ("حث") is no demand content
            if t == "demand" and not _DEMAND_CONTENT.search(score.masked()):
                continue
            # "دعا أرمينيا إلى الانسحاب من الأراضي": a named withdrawal or condition leads, unless
            # the stance words outnumber it ("إلى التخلي عن موقف الحياد")
            if t == "demand" and score.get("position", 0) > score.get("demand", 0):
                continue
            if score.get(t):
                return t
        return "demand"
    if "support" in hints and not score.get("ceasefire_call"):
        return "support"
    if "position" in hints:
        return "negotiation" if score.get("negotiation") else "position"
    return _best_cue(score) or "other"


# an attack verb as subject verb or as the accused act ("بقصف"), object suffixes left out
_ATTACK = re.compile(
    r"(?<![\u0621-\u064a])(?:[وف]?(?:قصف|قصفت|قصفوا|[يت]قصف|[يت]قصفون|استهدف|استهدفت|استهدفوا|[يت]ستهدف|[يت]ستهدفون"
    r"|هاجم|هاجمت|هاجموا|[يت]هاجم|[يت]هاجمون|اسقط|اسقطت|اسقطوا|[يت]سقط"
    r"|اطلق|اطلقت|اطلقوا|[يت]طلق|[يت]طلقون|شن|شنت|شنوا|[يت]شن|[يت]شنون"
    # a breach of the truce ("القوات الأرمينية خرقتها بعد دقائق")
    r"|خرق|خرقت|خرقوا|خرقها|خرقتها|خرقوها|[يت]خرق|[يت]خرقون)"
    r"|ب(?:قصف|استهداف|مهاجمه|اسقاط|اطلاق|شن))(?![\u0621-\u064a])(?!\s+سراح)")
# an armed force named before its side adjective when the verb comes first ("قصفت القوات الأرمينية");
# aircraft are left out: after the verb they are mostly its target ("أسقطت طائرة أذربيجانية")
_FORCE = re.compile(r"(?:ال)?(?:قوات|جيش|وحدات|مدفعيه|طيران)")
_WORDS = re.compile(r"\S+")
_PLACE_PREPS = frozenset(("في", "من", "الي", "علي", "عن", "داخل"))


@lru_cache(maxsize=32)
def _other_side_words(profile_name: str, side: str, table: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """Normalised words naming a side or party other than `side` (profile sides, party words)."""
    return frozenset(w for s, w in table if s != side)


_SIDE_WORD_TABLES: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}


def _side_word_table(profile: Profile) -> tuple[tuple[str, str], ...]:
    """(side, normalised word) from the profile's `sides` and `party_words` (by the party's side),
    built once per profile version."""
    key = (profile.name, profile.version)
    got = _SIDE_WORD_TABLES.get(key)
    if got is not None:
        return got
    out = [(s, w) for s, ws in profile.side_words.items() for w in ws]
    for party, ws in (profile.data.get("party_words") or {}).items():
        ps = profile.party_side(str(party))
        if ps not in ("unknown", ""):
            out.extend((ps if ps != "other" else f"party:{party}", normalize(str(w)).strip()) for w in ws or [])
    got = _SIDE_WORD_TABLES[key] = tuple(sorted(set(out)))
    return got


def _is_other(word: str, others: frozenset[str]) -> bool:
    """Whether a word (with a leading و ف ب ل ال لل stripped) names another side."""
    w = word.strip("،,.:;\"“”«»()")
    for pre in ("", "و", "ف", "ب", "ل", "ال", "لل", "وال", "بال"):
        if w.startswith(pre) and w[len(pre):] in others or (pre and w.startswith(pre) and "ال" + w[len(pre):] in others):
            return True
    return False


def _other_side_attacks(norm: str, party: str, profile: Profile) -> bool:
    """An attack verb whose subject is another side than the speaker party's: a side word
    or party adjective among the two words before the verb ("القوات الأرمينية قصفت",
    "متهما الجيش الأذربيجاني بقصف"), or a force and its side word right after a
    verb that comes first ("قصفت القوات الأرمينية")."""
    side = profile.party_side(party)
    if side in ("other", "unknown", "") or not _ATTACK.search(norm):
        return False
    others = _other_side_words(profile.name, side, _side_word_table(profile))
    for m in _ATTACK.finditer(norm):
        verb = m.group()
        before = _WORDS.findall(norm[max(0, m.start() - 80):m.start()])[-3:]
        # a verb joined by و/ف shares an earlier subject; a comma closes the subject's clause;
        # a side word after a preposition ("في أذربيجان") names a place, not the attacker
        if before and verb[0] not in "وف" and before[-1][-1] not in "،,.:;" and any(
                _is_other(w, others) and not (i and before[i - 1] in _PLACE_PREPS)
                for i, w in enumerate(before) if i >= len(before) - 2):
            return True
        if verb.startswith("ب"):
            continue  # "بقصف القوات الأرمينية": the force after a verbal noun is its target
        after = _WORDS.findall(norm[m.end():m.end() + 60])[:2]
        if len(after) == 2 and _FORCE.fullmatch(after[0]) and _is_other(after[1], others):
            return True
    return False


_CUE_ORDER = tuple(lx.TOPIC_ORDER[:-1])


def _best_cue(score: _CueScores) -> str:
    """The topic with most cue words (ties by TOPIC_ORDER), or "" when no cue matches."""
    best, most = "", 0
    counts = score.table()
    for t in _CUE_ORDER:  # the first topic with the highest count wins a tie
        n = counts.get(t, 0)
        if n > most:
            best, most = t, n
    return best


# a role or seat in the talks ("تطالب بدور في المفاوضات", "بمقعد على طاولة المفاوضات")
_SEAT_AT_TALKS = _AtWordStart(r"[وب]?(?:ال)?(?:دورا?|مقعدا?|مشاركه|المشاركه)\s+(?:\S+\s+){0,2}?"
                              r"(?:ال)?(?:مفاوضات|محادثات|طاوله|مباحثات)", needs=("دور", "مقعد", "مشاركه"))
_APOLOGY = _AtWordStart(r"[وفب]?(?:ال)?(?:اعتذار|اعتذر)", needs=("اعتذ",))
# "الوضع على الجبهة «صعب»", "بأن الوضع حرج", "بـ«وضع صعب»": a side admitting a hard situation
_HARD_SITUATION = _AtWordStart(r"[وب]?(?:ال)?وضع\s+(?:[^\s،,.]+\s+){0,3}?[\"“«]?(?:صعب|حرج)(?:ا|ه)?(?![\u0621-\u064a])",
                               needs=("وضع",))
_NOMINAL_CALL = _AtWordStart(r"[وب]?(?:ال)?دعو(?:ه|ته|تها|تهم|تهما|اتها|اته)\s+(?:\S+\s+){0,2}?(?:ال[يى]|ل)",
                             needs=("دعو",))
# demand cues that name what is demanded (not the demanding verb itself)
_DEMAND_CONTENT = _AtWordStart(
    r"(?:[وفبل]|ال|لل|وال|بال)?(?:" + "|".join(sorted(
        (re.escape(normalize(w)) for w in lx.TOPIC_CUES["demand"]
         if normalize(w) not in {normalize(x) for x in ("طالب", "يطالب", "مطالبة", "حث")}),
        key=len, reverse=True)) + ")")
_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_QUOTE_MARKS = re.compile(r"[“”«»\"()\[\]]")
# applied to text whose white space is single spaces, where the trie's flexible space is one space
_MASKS = re.compile(trie_pattern({normalize(w) for w in lx.TOPIC_MASKS}))


def _key_words(phrases) -> tuple[str, ...]:
    """A word of every phrase (its longest; one that holds another adds nothing): a text with
    none of them holds none of the phrases."""
    frags = {max(normalize(w).split(), key=len) for w in phrases if w.strip()}
    return tuple(sorted(f for f in frags if not any(g != f and g in f for g in frags)))


_MASK_KEYS = _key_words(lx.TOPIC_MASKS)


def _squeeze(text: str) -> str:
    """The text with each run of white space as one space (re.sub(r"\\s+", " ", text), faster)."""
    words = text.split()
    if not words:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + " ".join(words) + (" " if text[-1].isspace() else "")


class _CueScores:
    """Per topic, the number of its cue words in a text (quote marks and brackets as spaces),
    counted when a topic is first asked for."""

    def __init__(self, norm: str, cues: _Cues) -> None:
        self.raw = norm
        self.text: str | None = None
        self.cues = cues
        self.counts: dict[str, int] | None = None

    def masked(self) -> str:
        """The text as cues are counted on (quote marks as spaces, masked phrases blanked)."""
        if self.text is None:
            text = _squeeze(_QUOTE_MARKS.sub(" ", self.raw))
            self.text = _MASKS.sub(" ", text) if _has_any(text, _MASK_KEYS) else text
        return self.text

    def get(self, topic: str, default=None):
        """The count for a topic with cues, else default (like dict.get)."""
        return self.table().get(topic, default)

    def table(self) -> dict[str, int]:
        """Every topic's count (counted on first use)."""
        if self.counts is None:
            self.counts = self.cues.counts(self.masked())
        return self.counts


# words that call the figures false ("وصفت ... هذه المعلومات", "مفبركة", "عارية عن الصحة") and
# negations of an act or of any evidence ("لم تستهدف المدنيين", "لا يوجد أي أسير"): three searches,
# each skipped when the text has none of its words ("لم" and a space for "لم يفقد أي ...")
_DENIAL_WORDING = _AtWordStart(
    r"[وف]?(?:وصف|وصفت|رفض|رفضت|ترفض|يرفض|اعتبر|اعتبرت)\s+(?:\S+\s+){0,6}?"
    r"(?:هذه|تلك|هذا)\s+[\"“«]?(?:المعلومات|الاتهامات|الادعاءات|المزاعم|الانباء|التقارير|الارقام|الرواية)"
    r"|(?:مفبركه|ملفقه|الملفقه|عاريه عن الصحه|عار عن الصحه|افتراءات|كذب محض|لا اساس لها من الصحه"
    r"|من نسج الخيال|لا تمت (?:للواقع|الي الواقع|للحقيقه|الي الحقيقه)|(?:ادعاء|ادعاءات|مزاعم) سخيف"
    r"|(?:ادعاءات|مزاعم|اتهامات|ادعاء|اتهام)\s+لا\s+اساس\s+لها)"  # "هذه ادعاءات لا أساس لها"
    r"|عاريه\s+\S+\s+عن\s+الصحه",  # "عارية تماما عن الصحة"
    needs=("وصف", "رفض", "اعتبر", "مفبركه", "ملفقه", "عار", "افتراءات", "كذب", "اساس", "نسج", "تمت", "ادعاء", "مزاعم"))
_DENIAL_NEGATION = (
    _AtWordStart(
        r"(?:لا|لم)\s+(?:ت|ي)(?:ستهدف|قصف)\s+(?:\S+\s+)?(?:المدنيين|المناطق السكنيه|الاحياء السكنيه|السكان)"
        # "لا يوجد أي أسير", "لا تستند إلى أي دليل"
        r"|لا\s+[يت]وجد\s+(?:اي|ايه)\s"
        r"|لا\s+[يت]ستند\s+(?:الي\s+)?(?:اي\s+)?(?:دليل|اساس)",
        needs=("ستهدف", "قصف", "وجد", "ستند")),
    # "لم يفقد أي طائرة", "لم تطلق أي صاروخ"
    _AtWordStart(r"لم\s+[يت][\u0621-\u064a]{2,}\s+(?:علي\s+)?(?:اي|ايه)\s", needs_re=r"لم\s"),
)


# ------------------------------------------------------------------ quotations

_QUOTE_RE = re.compile(r"“([^”“]+)”|«([^»«]+)»|\"([^\"]+)\"|”([^”“]+)”")


def quotes_in(raw: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Direct quotations in raw[start:end]: text in “…”, «…» or "…" of three words or more,
    or any length right after a colon or a reporting verb (raw offsets of the inner text)."""
    out = []
    for m in _QUOTE_RE.finditer(raw, start, end):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        s, e = m.start(g), m.end(g)
        inner = raw[s:e].strip()
        lead = raw[max(start, m.start() - 3):m.start()].strip()
        if lead.endswith(":") or _words_at_least(inner, 3):
            out.append((s, e, inner))
    return out


def _words_at_least(text: str, n: int) -> bool:
    """text holds n words or more with a letter or digit in them."""
    for w in text.split():
        if w.isalnum() or any(c.isalnum() for c in w):
            n -= 1
            if n <= 0:
                return True
    return False


# ------------------------------------------------------------------ statements


def _group(attrs: list[Attribution]) -> list[list[Attribution]]:
    """Attributions of one sentence grouped by speaker, relays and trailing sources left out."""
    groups: dict[tuple, list[Attribution]] = {}
    for a in attrs:
        if a.kind in ("relay", "continued"):  # a quotation's later sentences are not new statements
            continue
        if not (a.speaker or a.speaker_en):
            continue
        key = (a.party, a.key)
        groups.setdefault(key, []).append(a)
    # an inherited continuation of the same party whose speaker is already in the sentence
    return list(groups.values())


def extract_statements(article, profile: Profile, attributions: list[list[Attribution]] | None = None,
                       mentions: list[dict] | None = None) -> list[dict]:
    """One row per attributed statement in an article (columns STATEMENT_COLUMNS).
    `mentions`: the article's losses.loss_mentions when the caller already has them."""
    res = attributions if attributions is not None else attribute(article, profile)
    norm = article.nt.norm
    to_raw = article.nt.to_raw
    loss_spans = _loss_spans(article, mentions if mentions is not None else loss_mentions(article, profile, res))
    rows: list[dict] = []
    for sp, attrs in zip(article.sentences, res, strict=True):
        if not attrs:
            continue
        for grp in _group(attrs):
            explicit = [a for a in grp if not a.inherited]
            lead = min(grp, key=lambda a: (a.inherited, a.verb_start if a.verb_start >= 0 else 10**9))
            first_verb = min(grp, key=lambda a: a.verb_start if a.verb_start >= 0 else 10**9)
            # a trailing source ("..., وفق ما أعلنته الخارجية") reports what comes before it: a
            # region of under two words after the verb stands for the whole sentence, and so
            # does a source's region that holds nothing but its speaker's words
            regions = [(a.start, a.end) if _two_words(article.raw, a.start, a.end)
                       and not _only_speaker(article.raw, a) else (sp.start, sp.end)
                       for a in grp if a.end > a.start] or [(sp.start, sp.end)]
            # (raw to normalised offsets is monotonic: the first and last raw offsets map to the
            # first and last normalised ones)
            ns_t = bisect_left(to_raw, min([*(s for s, _ in regions), *(a.verb_start for a in grp if a.verb_start >= 0)]))
            ne = bisect_left(to_raw, max(e for _, e in regions))
            k = bisect_left(loss_spans, ns_t)  # sorted: is there a loss mention in [ns_t, ne)?
            loss = k < len(loss_spans) and loss_spans[k] < ne
            ordered = sorted(grp, key=lambda a: (a.lemma == "" or _is_participle(a), a.verb_start)) if len(grp) > 1 else grp
            topic = classify_topic(norm[ns_t:ne], [a.topic_hint for a in ordered], [a.kind for a in grp],
                                   profile, loss=loss, party=lead.party)
            qs = []
            for s, e in regions:
                qs.extend(q for q in quotes_in(article.raw, s, e) if q not in qs)
            qs.sort()
            rows.append({
                "article_id": article.article_id,
                "outlet": article.outlet,
                "published": article.published,
                "speaker": (explicit[0] if explicit else lead).speaker,
                "speaker_en": lead.speaker_en,
                "party": lead.party,
                "verb": first_verb.verb,
                "topic": topic,
                "is_quote": bool(qs),
                "quote": " … ".join(q[2] for q in qs),
                "inherited": not explicit,
                "text": sp.text,
                "start": sp.start,
                "end": sp.end,
            })
    return rows


def _only_speaker(raw: str, a: Attribution) -> bool:
    """A source ("وفق ما أعلنت X", "بحسب X") whose region is its speaker's words and nothing after."""
    return a.source and a.speaker_start >= a.start and a.speaker_end >= 0 \
        and not _WORD.search(raw, a.speaker_end, a.end)


def _two_words(raw: str, start: int, end: int) -> bool:
    """raw[start:end] holds two words or more (_WORD matches)."""
    words = _WORD.finditer(raw, start, end)
    return next(words, None) is not None and next(words, None) is not None


def _loss_spans(article, rows: list[dict]) -> list[int]:
    """Normalised start offsets of every loss mention the losses extractor found in the
    article (a statement is a loss claim only when it carries one of them)."""
    # a single thing named without a number ("أعلن إسقاط طائرة") is a battlefield claim, not a count
    return sorted(_n(article, r["start"]) for r in rows
                  if r["value"] != 1 or find_numbers(normalize(r["number_text"])))


def _is_participle(a: Attribution) -> bool:
    vf = lx.verb_forms().get(_strip_wf(normalize(a.verb)))
    return vf is not None and vf.person == "participle"


def _strip_wf(w: str) -> str:
    return w[1:] if len(w) >= 3 and w[:1] in "وف" and w not in lx.verb_forms() else w


def _n(article, raw_pos: int) -> int:
    return bisect_left(article.nt.to_raw, raw_pos)


def statements_frame(rows: Iterable[dict]) -> pd.DataFrame:
    """The statements table with its fixed columns and types, in a deterministic order."""
    df = pd.DataFrame(list(rows), columns=STATEMENT_COLUMNS)
    if df.empty:
        return df.astype({"is_quote": bool, "inherited": bool, "start": int, "end": int})
    df = df.astype({"is_quote": bool, "inherited": bool, "start": int, "end": int})
    return df.sort_values(["article_id", "start", "party", "speaker_en", "speaker"], kind="stable").reset_index(drop=True)


def extract_all(articles: Iterable, profile: Profile) -> pd.DataFrame:
    """Statements of many articles, one article at a time."""
    rows: list[dict] = []
    for art in articles:
        rows.extend(extract_statements(art, profile))
    return statements_frame(rows)


# ------------------------------------------------------------------ summaries and charts (notebook 03)


def per_party(df: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Statements per party: count, explicit vs inherited speakers, direct quotes, share."""
    from helpers.charts import party_label, party_order

    cols = ["party", "label", "statements", "explicit", "inherited", "quotes", "share"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    g = df.groupby("party").agg(statements=("party", "size"), inherited=("inherited", "sum"),
                                quotes=("is_quote", "sum")).reset_index()
    g["explicit"] = g["statements"] - g["inherited"]
    g["share"] = (g["statements"] / g["statements"].sum()).round(3)
    g["label"] = [party_label(p, profile) for p in g["party"]]
    order = {p: i for i, p in enumerate(party_order(g["party"], profile))}
    g = g.sort_values("party", key=lambda s: s.map(order)).reset_index(drop=True)
    return g[cols].astype({"statements": int, "explicit": int, "inherited": int, "quotes": int})


def _share_table(df: pd.DataFrame, group: str, item: str, total: str,
                 orders: dict[str, dict[str, int]]) -> pd.DataFrame:
    """Long table group x item: statements, the group's total and the item's share of it,
    sorted by `orders` (column -> rank of each value; other columns sort as they are)."""
    cols = [group, item, "statements", total, "share"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    g = df.groupby([group, item]).size().rename("statements").reset_index()
    g[total] = g.groupby(group)["statements"].transform("sum")
    g["share"] = (g["statements"] / g[total]).round(3)
    g = g.sort_values([group, item], key=lambda s: s.map(orders[s.name]) if s.name in orders else s)
    return g[cols].reset_index(drop=True)


def party_by_outlet(df: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Long table outlet x party: statements, and the party's share of the outlet's statements."""
    from helpers.charts import party_order

    order = {p: i for i, p in enumerate(party_order(df["party"] if len(df) else [], profile))}
    return _share_table(df, "outlet", "party", "outlet_total", {"party": order})


def topic_mix(df: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Long table party x topic: statements and the topic's share of the party's statements."""
    from helpers.charts import party_order

    porder = {p: i for i, p in enumerate(party_order(df["party"] if len(df) else [], profile))}
    return _share_table(df, "party", "topic", "party_total",
                        {"party": porder, "topic": {t: i for i, t in enumerate(TOPICS)}})


def quotes_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The direct quotations: who (English and Arabic), party, outlet, date and the quote."""
    cols = ["article_id", "outlet", "published", "party", "speaker_en", "speaker", "topic", "quote"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    q = df[df["is_quote"]].copy()
    q["speaker_en"] = q["speaker_en"].where(q["speaker_en"] != "", "(not in profile)")
    return q[cols].reset_index(drop=True)


def party_outlet_chart(table: pd.DataFrame, profile: Profile):
    """Stacked horizontal bars: per outlet, its statements split by speaking party (party colours)."""
    from helpers.charts import stacked_outlet_bars

    return stacked_outlet_bars(table, "party", "statements", profile, "Statements per outlet, by speaking party",
                               "No attributed statements in these articles.", "Attributed statements",
                               "Speaking party")


def topic_heatmap(mix: pd.DataFrame, profile: Profile):
    """Heatmap: rows speaking parties, columns topics, cells the share of the party's statements."""
    import matplotlib.pyplot as plt

    from helpers.charts import WIDTH, empty_figure, party_label, party_order, setup_fonts

    setup_fonts()
    title = "What each party talks about: topic mix of its statements"
    if mix.empty:
        return empty_figure(title, "No attributed statements in these articles."), mix.copy()
    parties = party_order(mix["party"], profile)
    topics = [t for t in TOPICS if t in set(mix["topic"])]
    share = mix.pivot_table(index="party", columns="topic", values="share", fill_value=0.0).reindex(
        index=parties, columns=topics, fill_value=0.0)
    cnt = mix.pivot_table(index="party", columns="topic", values="statements", fill_value=0).reindex(
        index=parties, columns=topics, fill_value=0)
    totals = mix.drop_duplicates("party").set_index("party")["party_total"]
    fig, ax = plt.subplots(figsize=(WIDTH, 1.4 + 0.45 * len(parties)))
    ax.imshow(share.values, cmap="Purples", vmin=0, vmax=1, aspect="auto")
    for i in range(len(parties)):
        for j in range(len(topics)):
            n = int(cnt.values[i, j])
            if n:
                v = share.values[i, j]
                ax.text(j, i, f"{v:.0%}\n({n})", ha="center", va="center", fontsize=7.5,
                        color="white" if v > 0.55 else "#222222")
    for i, p in enumerate(parties):
        ax.add_patch(plt.Rectangle((-0.5 - 0.32, i - 0.5), 0.24, 1, color=profile.colour(p), clip_on=False))
    ax.set_xticks(range(len(topics)))
    ax.set_xticklabels([t.replace("_", " ") for t in topics], rotation=30, ha="right")
    ax.set_yticks(range(len(parties)))
    ax.set_yticklabels([f"{party_label(p, profile).split(' (')[0]} (n={int(totals[p])})" for p in parties])
    ax.set_xlim(-0.9, len(topics) - 0.5)
    ax.spines[:].set_visible(False)
    ax.tick_params(length=0)
    ax.set_xlabel("Topic (rules: helpers/lexicon.py TOPIC_CUES and the profile)")
    ax.set_title(title, loc="left")
    return fig, mix.copy()
