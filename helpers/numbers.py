"""Arabic number phrases in normalised text: digits, number words, mixed forms, vague
plurals, qualifiers and ranges, each with its span in the normalised text.

The text is expected to be normalised with `helpers.text.normalize` (Arabic-Indic and
Persian digits already ASCII, hamza/alef/teh marbuta folded). Duals and "واحد" after a
noun depend on the noun and are handled by the losses extractor with `dual_or_single`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpers import lexicon as lx
from helpers.text import normalize


@dataclass(frozen=True)
class NumberPhrase:
    """A number found in normalised text. start/end cover qualifier and number; num_start/
    num_end the number words alone. value_low/value_high are set for ranges."""

    start: int
    end: int
    value: int
    value_low: int | None
    value_high: int | None
    qualifier: str  # exact | approx | more_than | at_least | up_to | vague
    num_start: int
    num_end: int
    kind: str  # digits | words | mixed | vague | range


def trie_pattern(words) -> str:
    """A regex matching any of the words, built as a character trie (much faster than a flat
    alternation of hundreds of words); a space in a word matches any run of white space."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            alts.append(piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie) or "(?!)"


def _n(words) -> list[str]:
    return [normalize(w) for w in words]


@lru_cache(maxsize=1)
def _tables() -> dict:
    """Normalised number-word tables and compiled patterns (built once)."""
    units = {normalize(k): v for k, v in lx.NUMBER_UNITS.items()}
    teen_heads = {normalize(k): v for k, v in lx.NUMBER_TEEN_HEADS.items()}
    teen_tails = set(_n(lx.NUMBER_TEEN_TAILS))
    tens = {normalize(k): v for k, v in lx.NUMBER_TENS.items()}
    hundreds = {normalize(k): v for k, v in lx.NUMBER_HUNDREDS.items()}
    mult = {normalize(k): v for k, v in lx.NUMBER_MULTIPLIERS.items()}
    dual_mult = {normalize(k): v for k, v in lx.NUMBER_DUAL_MULTIPLIERS.items()}
    vague = {normalize(k): v for k, v in lx.VAGUE_NUMBERS.items() if " " not in k}
    words = set(units) | set(teen_heads) | set(tens) | set(hundreds) | set(mult) | set(dual_mult) | set(vague)
    # "مئة" for 100 also as "ميه"; hundreds written in two words ("ثلاث مئة") parse by multiplication.
    word_alt = trie_pattern(words)
    digits = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
    # a token starts where no word character or hyphen precedes it: matched as that character
    # plus the token (`token_after`; sre skips fast to such a character, where a leading
    # lookbehind makes it try every position) and, at the text's start, by `token_at`; after
    # the prefix letters, a lookahead of the possible first characters rules out most words
    firsts = re.escape("".join(sorted({w[0] for w in words})))
    body = rf"(?P<pre>[وفبلك]{{0,2}})(?=[\d{firsts}])(?:(?P<dig>{digits})|(?P<word>{word_alt}))(?!\w)"
    token_at = re.compile(body)
    token_after = re.compile(rf"[^\w\-]{body}")
    quals = {normalize(k): v for k, v in lx.QUALIFIERS_BEFORE.items()}
    qual_alt = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(quals, key=len, reverse=True))
    qual_before = re.compile(rf"(?:^|(?<=[^\w]))[وفب]?(?P<q>{qual_alt})\s+$")
    quals_after = {normalize(k): v for k, v in lx.QUALIFIERS_AFTER.items()}
    qa_alt = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(quals_after, key=len, reverse=True))
    # "مدنيين اثنين على الأقل", "5 جنود على الأقل": the qualifier after the number or its noun
    qual_after = re.compile(rf"\s*(?:[^\s\d،,.:؛]+\s+){{0,2}}?(?P<q>{qa_alt})(?!\w)")
    return {
        "quals_after": quals_after, "qual_after": qual_after,
        "units": units, "teen_heads": teen_heads, "teen_tails": teen_tails, "tens": tens,
        "hundreds": hundreds, "mult": mult, "dual_mult": dual_mult, "vague": vague,
        "token_at": token_at, "token_after": token_after, "quals": quals, "qual_before": qual_before,
        "range_between": re.compile(r"(?:^|(?<=[^\w]))(?:ما\s+)?بين\s+$"),
        "range_from": re.compile(r"(?:^|(?<=[^\w]))من\s+$"),
        "range_join_to": re.compile(r"\s*(?:-|–|الي|حتي)\s*$"),
        "rise": re.compile(r"(?:ارتفع|ارتفاع|ارتفعت|يرتفع|ترتفع|زاد|زيادة|تراجع|انخفض)"),
    }


_THOUSANDS_COMMA = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?")
_THOUSANDS_DOT = re.compile(r"\d+(?:\.\d{3})+")
_WS = re.compile(r"\s+")


def _digits_value(s: str) -> float:
    """Value of a digit string with thousands separators or a decimal part."""
    if s.isdecimal():  # digits alone (the common case; \d is Unicode category Nd, as isdecimal)
        return float(s)
    if _THOUSANDS_COMMA.fullmatch(s):
        return float(s.replace(",", ""))
    if _THOUSANDS_DOT.fullmatch(s):
        return float(s.replace(".", ""))
    return float(s.replace(",", "."))


def _blocked_digit(norm: str, a: int, b: int) -> bool:
    """A digit run that belongs to a model name or code (D-30, إس-300, T-72, ZSU-23-4, عربي21)."""
    before = norm[a - 1] if a > 0 else " "
    before2 = norm[a - 2] if a > 1 else " "
    after = norm[b] if b < len(norm) else " "
    after2 = norm[b + 1] if b + 1 < len(norm) else " "
    if before.isalpha() or (before in "-–/" and (before2.isalnum())):
        return True
    if after.isalpha() or (after in "-–/" and after2.isalnum()):
        return True
    return False


@dataclass
class _Tok:
    start: int  # start of the number word (prefix excluded)
    end: int
    text: str
    prefix: str
    is_digit: bool


def _tokens(norm: str, start: int, end: int) -> list[_Tok]:
    """Number tokens in norm[start:end], as `(?<![\\w\\-])` + token_at's pattern would find them
    (the character before `start` counts, as it does for a lookbehind)."""
    t = _tables()
    found = []
    if start <= 0:
        m0 = t["token_at"].match(norm, 0, end)
        if m0:
            found.append(m0)
        # a token ends before a non-word character: the next one's lead character lies at or after it
        found.extend(t["token_after"].finditer(norm, m0.end() if m0 else 0, end))
    else:
        found.extend(t["token_after"].finditer(norm, start - 1, end))
    out = []
    for m in found:
        if m.group("dig"):
            a, b = m.span("dig")
            if _blocked_digit(norm, m.start("pre"), b):
                continue
            out.append(_Tok(a, b, m.group("dig"), m.group("pre"), True))
        else:
            a, b = m.span("word")
            out.append(_Tok(a, b, m.group("word"), m.group("pre"), False))
    return out


def _parse_chunk(toks: list[_Tok]) -> tuple[int, bool, int] | None:
    """Parse consecutive number tokens; return (value, vague, tokens used) for the longest
    valid prefix, or None."""
    t = _tables()
    total = 0
    current = 0.0
    have = False
    vague = False
    used = 0
    i = 0
    last_kind = ""
    last_mult = 0
    while i < len(toks):
        tok = toks[i]
        w = tok.text
        if i > 0 and tok.prefix not in ("", "و"):
            break
        if i > 0 and tok.is_digit and have:
            # "3 آلاف و107": digits joined by و after a multiplier add the smaller remainder
            if not (last_kind == "mult" and tok.prefix == "و" and current == 0 and _digits_value(w) < last_mult):
                break
        if tok.is_digit:
            current = _digits_value(w)
            have, last_kind = True, "digit"
        elif w in t["teen_heads"] and i + 1 < len(toks) and toks[i + 1].text in t["teen_tails"] and not toks[i + 1].prefix:
            if last_kind in ("unit", "teen", "ten", "digit"):
                break
            current += 10 + t["teen_heads"][w]
            have, last_kind = True, "teen"
            i += 1
        elif (w in t["teen_heads"] and not have and i + 1 < len(toks) and toks[i + 1].prefix == "و"
              and toks[i + 1].text in t["tens"]):
            current += t["teen_heads"][w]  # "إحدى وعشرون"
            have, last_kind = True, "unit"
        elif w in t["units"] and i + 1 < len(toks) and toks[i + 1].text in t["teen_tails"] and not toks[i + 1].prefix and w not in t["teen_tails"]:
            if last_kind in ("unit", "teen", "ten", "digit"):
                break
            current += 10 + t["units"][w]
            have, last_kind = True, "teen"
            i += 1
        elif w in t["units"]:
            if last_kind in ("unit", "teen", "digit"):
                break
            current += t["units"][w]
            have, last_kind = True, "unit"
        elif w in t["tens"]:
            if last_kind in ("ten", "teen", "digit") or (last_kind == "unit" and tok.prefix != "و"):
                break
            current += t["tens"][w]
            have, last_kind = True, "ten"
        elif w in t["hundreds"]:
            if last_kind in ("hundred", "ten", "teen", "digit"):
                break
            if last_kind == "unit" and not tok.prefix and t["hundreds"][w] == 100:
                current = current * 100  # "ثلاث مئة"
            elif last_kind == "unit":
                break
            else:
                current += t["hundreds"][w]
            have, last_kind = True, "hundred"
        elif w in t["mult"] and have and not tok.prefix:
            current = (current or 1) * t["mult"][w]
            total += current
            current = 0
            last_kind = "mult"
            last_mult = t["mult"][w]
        elif w in t["dual_mult"] and not have:
            total += t["dual_mult"][w]
            have, last_kind = True, "mult"
        elif w in t["vague"] and not have:
            current = t["vague"][w]
            have, vague, last_kind = True, True, "vague"
            # "عشرات الآلاف": a vague count times a plural multiplier
            if i + 1 < len(toks) and toks[i + 1].text in t["vague"] and not toks[i + 1].prefix and t["vague"][toks[i + 1].text] >= 1000:
                current *= t["vague"][toks[i + 1].text]
                i += 1
        elif w in t["mult"] and not have:
            if w == normalize("ألف"):
                current = 1000
            else:
                break
            have, last_kind = True, "mult"
        else:
            break
        i += 1
        used = i
    if not have or used == 0:
        return None
    return int(round(total + current)), vague, used


def _prefix_of(norm: str, pos: int) -> str:
    """The conjunction/preposition letters glued in front of a number word at pos."""
    a = pos
    while a > 0 and pos - a < 2 and norm[a - 1] in "وفبلك":
        a -= 1
    return norm[a:pos] if a == 0 or not norm[a - 1].isalnum() else ""


def _adjacent(norm: str, a: int, b: int) -> bool:
    """Only white space between two tokens."""
    return norm[a:b].strip() == ""


def find_numbers(norm: str, start: int = 0, end: int | None = None) -> list[NumberPhrase]:
    """All number phrases in norm[start:end] with qualifier and range, in text order."""
    end = len(norm) if end is None else end
    t = _tables()
    toks = _tokens(norm, start, end)
    # group into chunks of adjacent tokens
    phrases: list[NumberPhrase] = []
    i = 0
    while i < len(toks):
        j = i + 1
        while j < len(toks) and _adjacent(norm, toks[j - 1].end, toks[j].start - len(toks[j].prefix)):
            j += 1
        group = toks[i:j]
        k = 0
        while k < len(group):
            parsed = _parse_chunk(group[k:])
            if parsed is None:
                k += 1
                continue
            value, vague, used = parsed
            a, b = group[k].start, group[k + used - 1].end
            kinds = {g.is_digit for g in group[k:k + used]}
            kind = "vague" if vague else ("mixed" if len(kinds) == 2 else ("digits" if True in kinds else "words"))
            phrases.append(NumberPhrase(a, b, value, None, None, "vague" if vague else "exact", a, b, kind))
            k += used
        i = j
    # qualifiers before and ranges
    out: list[NumberPhrase] = []
    skip = set()
    for idx, p in enumerate(phrases):
        if idx in skip:
            continue
        nxt = phrases[idx + 1] if idx + 1 < len(phrases) else None
        before = norm[max(0, p.start - 30):p.start]
        # ranges: "بين 10 و15", "من 10 إلى 15", "10 - 15"
        if nxt is not None and nxt.kind != "vague" and p.kind != "vague":
            gap = norm[p.end:nxt.start - len(_prefix_of(norm, nxt.start))]
            is_range = False
            if gap.strip() == "" and nxt.start - p.end <= 3 and t["range_between"].search(before):
                is_range = True  # "بين 10 و15"
            elif t["range_join_to"].match(gap):
                window = norm[max(0, p.start - 40):p.start]
                is_range = not t["rise"].search(window)
            if is_range and nxt.kind != "digits" and p.kind != "mixed":
                # "ما بين 25 و30 ألف": the multiplier of the second bound counts for the first too
                for scale in (1_000_000, 1000):
                    if nxt.value % scale == 0 and p.value * scale <= nxt.value and p.value < 1000:
                        p = NumberPhrase(p.start, p.end, p.value * scale, p.value_low, p.value_high,
                                         p.qualifier, p.num_start, p.num_end, p.kind)
                        break
            if is_range and nxt.value > p.value:
                a = p.start
                mb = t["range_between"].search(before) or t["range_from"].search(before)
                if mb:
                    a = p.start - (len(before) - mb.start())
                    while a < p.start and not norm[a].strip():
                        a += 1
                out.append(NumberPhrase(a, nxt.end, p.value, p.value, nxt.value, "at_least", p.start, nxt.end, "range"))
                skip.add(idx + 1)
                continue
        q = t["qual_before"].search(before)
        if q and t["quals"][_WS.sub(" ", q.group("q"))] == "vague" and p.qualifier != "vague":
            q = None  # "بضع" only joins a vague plural ("بضع عشرات")
        if q:
            qual = t["quals"][_WS.sub(" ", q.group("q"))]
            if qual == "vague" and p.qualifier != "vague":
                qual = p.qualifier
            qa = p.start - (len(before) - q.start("q"))
            out.append(NumberPhrase(qa, p.end, p.value, None, None, qual, p.start, p.end, p.kind))
        else:
            qa_m = t["qual_after"].match(norm, p.end) if p.qualifier == "exact" else None
            if qa_m:
                p = NumberPhrase(p.start, p.end, p.value, p.value_low, p.value_high, t["quals_after"][_WS.sub(" ", qa_m.group("q"))],
                                 p.num_start, p.num_end, p.kind)
            out.append(p)
    return out


def parse_number(text: str) -> int | None:
    """The value of a number phrase written alone ("خمسة آلاف", "30 ألف", "٣٠"), else None."""
    norm = normalize(text).strip()
    found = find_numbers(norm)
    if len(found) != 1:
        return None
    p = found[0]
    rest = (norm[:p.start] + norm[p.end:]).strip()
    return p.value if not rest else None
