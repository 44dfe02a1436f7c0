"""Arabic-generic text handling: normalisation with an offset map, paragraphs, sentences.

The raw text of an article is never changed: every offset the workbook reports points
into it. Matching happens on a normalised copy whose characters map back one by one
to raw positions (normalisation only replaces one character by one, or drops one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

# Characters dropped from the normalised copy.
_DROP = set(
    "\u0640"  # tatweel
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # harakat, shadda, sukun
    "\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f"
    "\u0670"  # superscript alef
    "\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4"
    "\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"  # Quranic marks
    "\u200b\u200c\u200d\u200e\u200f"  # zero width, LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\u061c\ufeff\u00ad"  # Arabic letter mark, BOM, soft hyphen
)

# One-to-one replacements.
_MAP: dict[str, str] = {}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic) digits
_MAP.update(
    {
        "\u0623": "\u0627",  # أ -> ا
        "\u0625": "\u0627",  # إ -> ا
        "\u0622": "\u0627",  # آ -> ا
        "\u0671": "\u0627",  # ٱ -> ا
        "\u0672": "\u0627",
        "\u0673": "\u0627",
        "\u0629": "\u0647",  # ة -> ه
        "\u0649": "\u064a",  # ى -> ي
        "\u0626": "\u064a",  # ئ -> ي
        "\u0624": "\u0648",  # ؤ -> و
        "\u06cc": "\u064a",  # Persian yeh -> ي
        "\u06a9": "\u0643",  # keheh -> ك
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
        "\u066a": "%",  # Arabic percent sign
        "\u00a0": " ",
        "\u1680": " ",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        "\t": " ",
        "\u2028": "\n",
        "\u2029": "\n",
        "\r": "\n",
    }
)
for _i in range(0x2000, 0x200B):
    _MAP[chr(_i)] = " "


def _norm_char(ch: str) -> str:
    """Normalise one character: '' drops it, otherwise exactly one character."""
    if ch in _DROP:
        return ""
    out = _MAP.get(ch)
    if out is not None:
        return out
    return ch.lower() if ch.isascii() else ch


@dataclass
class NormText:
    """A normalised copy of a raw text with a map from every normalised index to raw."""

    raw: str
    norm: str
    to_raw: list[int] = field(repr=False)  # len(norm) + 1 entries; last is len(raw)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the raw text."""
        if end <= start:
            pos = self.to_raw[start]
            return pos, pos
        return self.to_raw[start], self.to_raw[end - 1] + 1

    def raw_slice(self, start: int, end: int) -> str:
        """Return the raw words behind a normalised span."""
        a, b = self.raw_span(start, end)
        return self.raw[a:b]


# The same rules as _norm_char as a str.translate table, and the dropped characters as a
# regex so the offset map is built from runs instead of per character.
_TABLE: dict[int, str | None] = {c: chr(c).lower() for c in range(ord("A"), ord("Z") + 1)}
_TABLE.update({ord(k): v for k, v in _MAP.items()})
_TABLE.update({ord(c): None for c in _DROP})
_DROP_RE = re.compile("[" + "".join(sorted(_DROP)) + "]+")
# str.translate looks every character of non-ASCII text up in the table (about 80 ns each);
# in news text only a few percent of the characters change (hamzas, teh marbuta, the odd
# diacritic), so a regex that visits just those is about three times faster.
_CHANGED = {chr(k): v or "" for k, v in _TABLE.items()}
_CHANGED_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_CHANGED)) + "]")


def _translate(text: str) -> str:
    """text.translate(_TABLE), faster on text where few characters change."""
    return _CHANGED_RE.sub(lambda m: _CHANGED[m.group()], text)


# A no-break, narrow no-break or thin space between digit groups ("1\u00a0200", "١\u202f٢٠٠") is a
# thousands separator, as in French-style typesetting: it becomes "," (one character for one,
# so offsets are unchanged). An ordinary space is left alone ("قتل 3 200 منهم" is ambiguous).
_GROUP_SPACES = "\u00a0\u202f\u2009"
_DIGIT_GROUP_SPACE = re.compile(rf"(?<=\d)[{_GROUP_SPACES}](?=\d{{3}}(?!\d))")


def _digit_groups(text: str) -> str:
    """Digit-group spaces as thousands commas (see _DIGIT_GROUP_SPACE)."""
    if any(c in text for c in _GROUP_SPACES):
        return _DIGIT_GROUP_SPACE.sub(",", text)
    return text


def normalize(text: str) -> str:
    """Normalise a string the way article text is normalised (for lexicon entries)."""
    if len(text) <= 64:  # words and names, asked for again and again by the rules
        return _normalize_short(text)
    return _translate(_digit_groups(text))


@lru_cache(maxsize=1 << 16)
def _normalize_short(text: str) -> str:
    return _digit_groups(text).translate(_TABLE)  # on a few characters translate is the faster


def normalize_with_map(raw: str) -> NormText:
    """Normalise raw text (digits, tatweel, diacritics, alef/hamza/teh-marbuta/yeh, spaces)
    keeping, for each normalised character, the index of the raw character it came from."""
    to_raw: list[int] = []
    prev = 0
    for m in _DROP_RE.finditer(raw):
        to_raw.extend(range(prev, m.start()))
        prev = m.end()
    to_raw.extend(range(prev, len(raw) + 1))
    return NormText(raw=raw, norm=_translate(_digit_groups(raw)), to_raw=to_raw)


def normalize_with_map_reference(raw: str) -> NormText:
    """The character-by-character definition of normalize_with_map (tests compare the two)."""
    out: list[str] = []
    to_raw: list[int] = []
    for i, ch in enumerate(_digit_groups(raw)):
        n = _norm_char(ch)
        if n:
            out.append(n)
            to_raw.append(i)
    to_raw.append(len(raw))
    return NormText(raw=raw, norm="".join(out), to_raw=to_raw)


@dataclass(frozen=True)
class Span:
    """A stretch of raw text: paragraph or sentence."""

    start: int
    end: int
    text: str
    index: int
    paragraph: int = 0


_PARA_SPLIT = re.compile(r"\n\s*")  # spaces before the break are trimmed off the paragraph


def _trimmed(raw: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with white space."""
    while start < end and (raw[start].isspace() or raw[start] in _DROP):
        start += 1
    while end > start and (raw[end - 1].isspace() or raw[end - 1] in _DROP):
        end -= 1
    return start, end


def paragraphs(raw: str) -> list[Span]:
    """Split on line breaks: in scraped news each non-empty line is a paragraph."""
    spans: list[Span] = []
    pos = 0
    for m in _PARA_SPLIT.finditer(raw + "\n"):
        a, b = _trimmed(raw, pos, min(m.start(), len(raw)))
        if b > a:
            spans.append(Span(a, b, raw[a:b], len(spans), len(spans)))
        pos = m.end()
    return spans


# A sentence ends at . ! ? ؟ (or a run of them) followed by space or end of paragraph,
# but not at a decimal point or at an abbreviation dot between digits.
# (The punctuation comes first in the pattern, so the regex engine can skip ahead to it; the
# "not after a digit and a dot" test is a look-behind over the character just matched.)
_SENT_END = re.compile(r"[.!?؟…](?<!\d\..)[.!?؟…]*[\"'”»)\]]*(?=\s|$)")


# News sentences run to a few hundred characters. Text with no sentence punctuation at all
# (a pasted transcript, a scrape that lost its full stops) would otherwise be one huge
# "sentence", and the attribution rules, which look back and forth inside a sentence, would
# take time growing with its square; such a run is cut at a clause mark or a space instead.
MAX_SENTENCE = 1500  # characters
_CLAUSE_BREAK = re.compile(r"[،؛,;:]\s")


def _cut_long(raw: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """[a, b) (trimmed) in trimmed pieces of at most MAX_SENTENCE characters, each ending after
    the last clause mark (، ؛ , ; :) in its second half, else at its last space, else hard."""
    while b - a > MAX_SENTENCE:
        limit = a + MAX_SENTENCE
        cut = None
        for m in _CLAUSE_BREAK.finditer(raw, a + MAX_SENTENCE // 2, limit):
            cut = m.start() + 1
        if cut is None:
            space = raw.rfind(" ", a + MAX_SENTENCE // 2, limit)
            cut = space if space > a else limit
        yield _trimmed(raw, a, cut)
        a, _ = _trimmed(raw, cut, b)
    if b > a:
        yield a, b


def sentences(raw: str) -> list[Span]:
    """Split raw text into sentences inside paragraphs, keeping raw offsets (an over-long run
    without sentence punctuation is cut, see MAX_SENTENCE)."""
    out: list[Span] = []

    def add(a: int, b: int, par: int) -> None:  # [a, b) is trimmed, and so is every piece of it
        for x, y in _cut_long(raw, a, b) if b - a > MAX_SENTENCE else ((a, b),):
            out.append(Span(x, y, raw[x:y], len(out), par))

    for para in paragraphs(raw):
        pos = para.start
        for m in _SENT_END.finditer(raw, para.start, para.end):
            a, b = _trimmed(raw, pos, m.end())
            if b > a:
                add(a, b, para.index)
            pos = m.end()
        a, b = _trimmed(raw, pos, para.end)
        if b > a:
            add(a, b, para.index)
    return out


_NO_ALNUM_TOKEN = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")


def word_count(raw: str) -> int:
    """Count white-space separated tokens that contain a letter or digit."""
    return len(raw.split()) - len(_NO_ALNUM_TOKEN.findall(raw))


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def has_arabic(raw: str) -> bool:
    """True if the text holds at least one Arabic letter."""
    return _ARABIC_LETTER.search(raw) is not None
