"""Loading articles: decoding, HTML main text, metadata from the sidecar or the text.

Per-file problems never stop a run: the file is skipped (or kept with a note) and a row
goes to the problems table. Folder-level problems raise `InputError` with one sentence.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePath, PurePosixPath
from urllib.parse import urlsplit

import pandas as pd

from helpers.dates import infer_published, parse_iso
from helpers.lexicon import LINK_LINE_STARTS
from helpers.profile import ARABIC_LETTER, Profile
from helpers.profile import trie_alternation as _trie_alternation
from helpers.text import NormText, Span, has_arabic, normalize, normalize_with_map, sentences, word_count

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
SIDECAR_COLUMNS = ("article_id", "outlet", "url", "published", "notes")
MAX_BYTES = 20 * 1024 * 1024  # larger files are skipped: almost surely not one article
ARTICLE_COLUMNS = [
    "article_id", "file", "outlet", "outlet_source", "published", "published_source",
    "title", "url", "notes", "encoding", "chars", "words", "paragraphs", "sentences", "sha256",
]
PROBLEM_COLUMNS = ["file", "problem", "action"]


class InputError(Exception):
    """A folder-level problem that stops the run (one clear sentence)."""


@dataclass
class Problem:
    """A per-file problem: which file, what was wrong, what the workbook did about it."""

    file: str
    problem: str
    action: str


@dataclass
class Article:
    """One loaded article: raw text (offsets refer to it), its normalised copy, metadata."""

    article_id: str
    file: str
    raw: str
    encoding: str
    outlet: str = "unknown"
    outlet_source: str = "unknown"
    published: str = ""
    published_source: str = "unknown"
    title: str = ""
    url: str = ""
    notes: str = ""
    sha256: str = ""
    page: dict = field(default_factory=dict, repr=False)  # an HTML page's own metadata (site, url, date, title)
    _nt: NormText | None = field(default=None, repr=False)
    _sentences: list[Span] | None = field(default=None, repr=False)

    @property
    def nt(self) -> NormText:
        """The normalised copy with its offset map (built once)."""
        if self._nt is None:
            self._nt = normalize_with_map(self.raw)
        return self._nt

    @property
    def sentences(self) -> list[Span]:
        """Sentences with raw offsets (built once)."""
        if self._sentences is None:
            self._sentences = sentences(self.raw)
        return self._sentences

    def row(self) -> dict:
        """The article's row in the articles table."""
        sents = self.sentences
        return {
            "article_id": self.article_id,
            "file": self.file,
            "outlet": self.outlet,
            "outlet_source": self.outlet_source,
            "published": self.published,
            "published_source": self.published_source,
            "title": self.title,
            "url": self.url,
            "notes": self.notes,
            "encoding": self.encoding,
            "chars": len(self.raw),
            "words": word_count(self.raw),
            "paragraphs": len({s.paragraph for s in sents}),
            "sentences": len(sents),
            "sha256": self.sha256,
        }


# ---------------------------------------------------------------- decoding

def _looks_binary(data: bytes) -> bool:
    """Binary if it has a known binary signature or NUL bytes outside a UTF-16 text."""
    signatures = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF")
    if data.startswith(signatures):
        return True
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in data[:4096]


# what UTF-8 Arabic looks like after a round trip through Windows-1252 / Latin-1: a lead byte
# D8-DB shown as Ø Ù Ú Û, then a continuation byte shown as a Latin-1 or Windows-1252 sign
_MOJIBAKE = re.compile(r"[\u00d8-\u00db][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                       r"\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte order mark: NUL bytes fall on one parity (the high
    byte of spaces, digits and Latin letters) and the decoded text is Arabic. None otherwise."""
    head = data[:4096]
    if len(data) % 2 or head.count(0) < max(8, len(head) // 32):
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for enc, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls > 4 * max(other, 1):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            return (text, enc) if has_arabic(text) and "\x00" not in text else None
    return None


def _undo_mojibake(text: str) -> str | None:
    """Arabic that was UTF-8, read as Windows-1252 (or Latin-1) and saved as UTF-8 again
    ("Ø£Ø¹Ù„Ù†Øª" for "أعلنت"), turned back; None when the text is not like that."""
    if has_arabic(text) or len(_MOJIBAKE.findall(text[:20000])) < 8:
        return None
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 255:
                return None
            out.append(ord(ch))  # the five bytes Windows-1252 leaves undefined pass as Latin-1
    try:
        fixed = out.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return fixed if has_arabic(fixed) else None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes: UTF-8 (with or without BOM; garbled "Ø£Ø¹Ù„Ù†Øª" Arabic repaired),
    UTF-16 (with a BOM, or without one when it is plainly UTF-16 Arabic), else Windows-1256.
    Returns (text, encoding used); raises ValueError for binary content."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise ValueError("binary content, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        repaired = _undo_mojibake(text)
        return (repaired, "utf-8-mojibake") if repaired is not None else (text, "utf-8")
    text = data.decode("cp1256", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise ValueError("neither UTF-8, UTF-16 nor Windows-1256")
    return text, "cp1256"


# ---------------------------------------------------------------- HTML main text

class _MainText(HTMLParser):
    """Collect paragraph text from an HTML page, skipping script, style and chrome."""

    SKIP = {"script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form", "svg", "head"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def html_main_text(html: str) -> str:
    """The readable text of an HTML page: <article> if present, else the body, one
    paragraph per line; scripts, styles, navigation and footers dropped."""
    m = re.search(r"<article\b.*?</article>", html, flags=re.S | re.I)
    parser = _MainText()
    parser.feed(m.group(0) if m else html)
    parser.close()
    lines = [re.sub(r"[^\S\n]+", " ", ln).strip() for ln in "".join(parser.parts).split("\n")]
    body = "\n\n".join(ln for ln in lines if ln)
    return body


class _PageMeta(HTMLParser):
    """Collect a page's own metadata: <meta> tags, the canonical link, the first <time
    datetime> and JSON-LD blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.time = ""
        self.ld: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            if key and a.get("content", "").strip():
                self.meta.setdefault(key, a["content"].strip())
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.canonical = self.canonical or a["href"].strip()
        elif tag == "time" and a.get("datetime") and not self.time:
            self.time = a["datetime"].strip()
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._in = "ld"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None

    def handle_data(self, data):
        if self._in == "ld":
            self.ld.append(data)


_LD_FIELD = re.compile(r'"(datePublished|dateCreated|url|headline)"\s*:\s*"([^"]{1,400})"')
_LD_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]{1,120})"', re.S)


def html_page_meta(html: str) -> dict[str, str]:
    """What an HTML page says about itself: `site` (og:site_name, application-name or the
    JSON-LD publisher), `url` (canonical link or og:url), `published` (article:published_time,
    datePublished, date meta tags, the first <time datetime>), `title` (og:title or the JSON-LD
    headline). Only the keys found are returned; values are plain strings."""
    parser = _PageMeta()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was read
        pass
    m = parser.meta
    ld = " ".join(parser.ld)
    ld_fields: dict[str, str] = {}
    for k, v in _LD_FIELD.findall(ld):
        ld_fields.setdefault(k, v)
    publisher = _LD_PUBLISHER.search(ld)
    out = {
        "site": m.get("og:site_name") or m.get("application-name") or (publisher.group(1) if publisher else ""),
        "url": parser.canonical or m.get("og:url") or ld_fields.get("url", ""),
        "published": (m.get("article:published_time") or m.get("datepublished") or ld_fields.get("datePublished")
                      or m.get("pubdate") or m.get("publishdate") or m.get("date") or m.get("dc.date")
                      or m.get("dc.date.issued") or parser.time or ld_fields.get("dateCreated", "")),
        # not <title>: often the site's name alone; the text's own headline is better then
        "title": m.get("og:title") or m.get("twitter:title") or ld_fields.get("headline", ""),
    }
    return {k: " ".join(v.split())[:400] for k, v in out.items() if v and v.strip()}


# ---------------------------------------------------------------- metadata

# Outlets named by the text. The chrome (title, the short dateline/byline lines under it, the
# opening words of the first paragraph, the short signature lines at the end) is searched
# first; the body only when the chrome names nothing.
_QUOTE_RE = re.compile("[«»“”„‟‹›]")  # quotation marks folded to '"' (a regex: far faster than translate)
_DASHES = "\\-–—"
_LEFT_EDGE = re.compile(rf'(?:^|[{_DASHES}:/|(",،+]\s*)$')  # a dateline item starts here
_RIGHT_EDGE = re.compile(rf'\s*(?:$|[{_DASHES}:/|)".،,+(]|و?(?:ال)?وكالات)')  # ... and ends here
_CAPTION = re.compile(r"^\(?(?:ال)?صوره\b|^فيديو\b")
_TOKEN = re.compile(r"\w+")
# the outlet is the addressee ("قال لـX", "مقابلة مع X") or employs the correspondent ("مراسل X")
_MEDIA_HEAD = r"(?:وكاله|صحيفه|قناه|موقع|مجله|شبكه|تلفزيون)"
_ADDRESSEE = re.compile(rf'(?:\bمع\s+|\bل{_MEDIA_HEAD}\s+)"?$')
_HEADED = re.compile(rf'\b{_MEDIA_HEAD}\s+"?$')  # "قالت صحيفة X", "مقابلة مع قناة X": cited
_CORRESPONDENT = re.compile(r"\b(?:ل|و|ب)?(?:مراسل|مراسله|مراسلو|مراسلي|موفد|موفده)\s+(?:(?:وكاله|صحيفه|قناه|موقع)\s+)?\"?$")
# ... or it is cited by the article's publisher ("نقلت وكالة X", "بحسب حصيلة جمعتها وكالة X")
_CITING = frozenset(normalize(w) for w in (
    "نقلت", "نقل", "نقلا", "ونقلت", "ونقل", "ذكرت", "ذكر", "وذكرت", "وذكر", "أوردت", "أورد", "وأوردت",
    "أفادت", "أفاد", "وأفادت", "نشرت", "نشر", "ونشرت", "بثت", "بث", "قالت", "وقالت", "كتبت", "وكتبت",
    "كشفت", "وكشفت", "أجرتها", "أجراها", "أجرته", "جمعتها", "جمعها", "نشرتها", "نشرها", "أعدتها",
    "وفق", "وفقا", "حسب", "بحسب", "وبحسب", "طبقا", "حسبما", "عن", "أوردته", "نقلته", "ذكرته"))
_LINK_STARTS = tuple(normalize(s) for s in LINK_LINE_STARTS)  # "اقرأ أيضا: ..." lines are links
_MATCHERS: dict[tuple[str, str], tuple[re.Pattern, dict[str, tuple[str, str, bool]]]] = {}


def _outlet_matcher(profile: Profile) -> tuple[re.Pattern, dict[str, tuple[str, str, bool]]]:
    """One regex over every outlet name form of the profile (built once per profile version)
    and form -> (outlet, kind, common)."""
    key = (profile.name, profile.version)
    if key not in _MATCHERS:
        forms: dict[str, tuple[str, str, bool]] = {}
        for form, name, kind, common in profile.outlet_forms:
            form = re.sub(r"\s+", " ", _QUOTE_RE.sub('"', form))
            for f in (form, "لل" + form[2:] if form.startswith("ال") else ""):
                if f and f not in forms:
                    forms[f] = (name, kind, common)
        body = _trie_alternation(forms)
        letters = ARABIC_LETTER
        pattern = re.compile(rf'(?<![{letters}\w])(?:[وف]?[بلك]?)"?(?P<name>{body})"?(?![{letters}\w])')
        _MATCHERS[key] = (pattern, forms)
    return _MATCHERS[key]


def _chrome_lines(lines: list[str], profile: Profile) -> list[tuple[str, str]]:
    """The chrome of an article's non-empty lines as (mode, text): the title ("strict": only
    names set off by dashes, colons, slashes, brackets or the line's ends count), the short
    lines under it ("loose"), the opening words of the first paragraph ("strict"), the short
    closing lines and signature lines ("المصدر: ...", "loose")."""
    rubrics = set(profile.rubrics)
    i = 0
    while i < len(lines) - 1 and lines[i] in rubrics:
        i += 1
    out: list[tuple[str, str]] = []
    counts: dict[int, int] = {}

    def words(k: int) -> int:  # word count of line k (only chrome lines are ever counted)
        if k not in counts:
            counts[k] = len(_TOKEN.findall(lines[k]))
        return counts[k]

    if i < len(lines) - 1 and words(i) <= 20 and not lines[i].endswith("."):
        out.append(("strict", lines[i]))  # the title
        i += 1
    for j in range(i, min(i + 4, len(lines))):
        if words(j) > 12:
            out.append(("strict", lines[j][:100]))  # the lead: "يريفان - باكو (ا ف ب) - اعلنت ..."
            break
        out.append(("loose", lines[j]))
    else:
        j = min(i + 4, len(lines)) - 1  # no lead paragraph: the closing lines may start right after
    for k in range(max(j + 1, len(lines) - 4), len(lines)):
        line = lines[k]
        if (words(k) <= 8 and not line.endswith((".", "؟", "!"))) or (
                line.startswith(("المصدر", "خاص")) and words(k) <= 15):
            out.append(("loose", line))
    return out


def _is_credit(line: str, start: int) -> bool:
    """A name in the closing bracket of a longer line is a photo credit ("... في كنجه (الاناضول)")."""
    if not line.rstrip().endswith(")"):
        return False
    opening = line.rfind("(")
    return 0 <= opening < start and len(_TOKEN.findall(line[:opening])) >= 3


def infer_outlet(norm: str, profile: Profile) -> str | None:
    """The outlet an article's text names in its chrome: the title's and first paragraph's
    dateline ("لندن - «القدس العربي»:", "باكو/ الاناضول"), the short byline lines under the title,
    the short closing lines ("المصدر: الجزيره", "فرانس24/ ا ف ب"). A named outlet wins over a
    wire agency ("هسبريس - ا.ف.ب"), a distinctive or quoted name over a common word, then the
    first; an agency alone is the outlet. Without chrome, the one outlet the body names (its
    correspondent, an interview given to it), not one it cites ("نقلت صحيفه X"); else None."""
    pattern, forms = _outlet_matcher(profile)
    lines = [ln for ln in (x.strip() for x in _QUOTE_RE.sub('"', norm).splitlines())
             if ln and not ln.startswith(_LINK_STARTS) and not _CAPTION.match(ln)]
    best = None
    chrome = _chrome_lines(lines, profile)
    for order, (mode, line) in enumerate(chrome):
        for m in pattern.finditer(line):
            if _is_credit(line, m.start()):
                continue
            if mode == "strict" and not (_LEFT_EDGE.search(line, 0, m.start()) and _RIGHT_EDGE.match(line, m.end())):
                continue
            name, kind, common = forms[re.sub(r"\s+", " ", m.group("name"))]
            quoted = m.group(0).endswith('"')
            rank = (kind == "agency", common and not quoted, order, m.start())
            if best is None or rank < best[0]:
                best = (rank, name)
    if best is not None:
        return best[1]
    agencies = any(re.search(r"\b(?:ال|و|وال)?وكالات\b", line) for _, line in chrome)
    return _body_outlet(lines, pattern, forms, agencies)


def _body_outlet(lines: list[str], pattern: re.Pattern, forms: dict[str, tuple[str, str, bool]],
                 compiled_from_agencies: bool = False) -> str | None:
    """The one outlet the body names other than as a cited source (an outlet and its own channel,
    "Al Jazeera" and "Al Jazeera Mubasher", count as one: the more specific); no agency when the
    chrome says the text is compiled from agencies ("وكالات"); else None."""
    found: set[str] = set()
    for line in lines:
        for m in pattern.finditer(line):
            name, kind, common = forms[re.sub(r"\s+", " ", m.group("name"))]
            before = line[max(0, m.start() - 60):m.start()]
            prefix = line[m.start():m.start("name")]
            own = "ل" in prefix or m.group("name").startswith("لل") or bool(
                _ADDRESSEE.search(before) or _CORRESPONDENT.search(before))
            quoted = m.group(0).endswith('"')
            if common and not quoted and not _CORRESPONDENT.search(before):
                continue
            if line[m.start() - 1:m.start()] == "(" and line[m.end():m.end() + 1] == ")":
                continue  # a credit: "(رويترز)"
            if not own and (_CITING.intersection(before.split()[-4:]) or _HEADED.search(before)):
                continue
            if kind == "agency" and compiled_from_agencies:
                continue  # "PLACE - OUTLET، وكالات": the agencies it names are its sources
            found.add(name)
    for name in list(found):
        if any(other != name and other.startswith(name + " ") for other in found):
            found.discard(name)
    return found.pop() if len(found) == 1 else None


def outlet_from_page(page: dict, profile: Profile) -> str | None:
    """The outlet an HTML page names: its site name matched to a profile outlet (by name or
    signature), else its URL's host matched to a profile outlet's domains (longest wins),
    else the site name as the page gives it; None when the page names nothing."""
    site = re.sub(r"\s+", " ", normalize(page.get("site", ""))).strip().lower()
    if site:
        matches = []  # (length difference, name): the closest signature wins
        for name, sigs in profile.outlets:
            for sig in (normalize(name).lower(), *sigs):
                if sig == site or (min(len(sig), len(site)) >= 4 and (sig in site or site in sig)):
                    matches.append((abs(len(sig) - len(site)), name))
        if matches:
            return min(matches)[1]
    host = urlsplit(page.get("url", "")).hostname or ""
    best = None
    for name, domains in profile.outlet_domains.items():
        for d in domains:
            if d and (host == d or host.endswith("." + d)) and (best is None or len(d) > best[1]):
                best = (name, len(d))
    if best:
        return best[0]
    return page["site"].strip()[:80] if page.get("site", "").strip() else None


def page_title(page: dict, max_len: int = 160) -> str:
    """An HTML page's title without a trailing " | site" / " - site" part naming the site."""
    title = " ".join(page.get("title", "").split())
    site = " ".join(page.get("site", "").split())
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head, _, tail = title.rpartition(sep)
        names_site = site and (site in tail or tail in site)
        if head and (names_site or (not site and sep == " | " and len(tail.split()) <= 4)):
            title = head
            break
    return title[:max_len]


def infer_title(raw: str, profile: Profile, max_len: int = 160) -> str:
    """The first meaningful line: not a rubric, not a date or signature line, has words."""
    for line in raw.splitlines():
        line = line.strip()
        norm = normalize(line).strip(" .:-–|")
        if not norm or word_count(line) < 2 and len(norm) < 12:
            continue
        if norm in profile.rubrics:
            continue
        if not has_arabic(line) and any(has_arabic(x) for x in raw.splitlines()):
            continue
        if len(line) > max_len:
            cut = line[:max_len].rsplit(" ", 1)[0]
            return cut + "…"
        return line
    return ""


def _header_key(name: str) -> str:
    """A sidecar header in canonical form: trimmed, lower case, spaces and hyphens as '_'."""
    return re.sub(r"[\s\-]+", "_", name.strip().lower().lstrip("\ufeff"))


def sidecar_column_names(fieldnames: Iterable[str]) -> dict[str, str]:
    """Map each sidecar header to the column it means: exact or case/space variants first,
    then close misspellings (difflib ratio >= 0.8) of a column not already present."""
    import difflib

    out: dict[str, str] = {}
    present = set()
    for name in fieldnames:
        if name is None:
            continue
        key = _header_key(name)
        out[name] = key
        if key in SIDECAR_COLUMNS:
            present.add(key)
    for name, key in out.items():
        if key in SIDECAR_COLUMNS:
            continue
        free = [c for c in SIDECAR_COLUMNS if c not in present]
        close = difflib.get_close_matches(key, free, n=1, cutoff=0.8)
        if close:
            out[name] = close[0]
            present.add(close[0])
        else:
            out[name] = name.strip()
    return out


def read_sidecar(path: Path | None, problems: list[Problem]) -> dict[str, dict]:
    """Read sources.csv into {article_id: row}. Missing columns are treated as empty,
    unknown columns ignored, both recorded as problems; a missing file is fine."""
    if path is None or not Path(path).is_file():
        return {}
    path = Path(path)
    raw = path.read_bytes()
    try:
        text, _ = decode_bytes(raw)
    except ValueError as exc:
        problems.append(Problem(path.name, f"sidecar unreadable ({exc})", "ignored the sidecar; metadata inferred"))
        return {}
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = reader.fieldnames or []
        records = list(reader)
    except csv.Error as exc:
        problems.append(Problem(path.name, f"sidecar is not valid CSV ({exc})", "ignored the sidecar; metadata inferred"))
        return {}
    rename = sidecar_column_names(header)
    for orig, canon in rename.items():
        if canon != orig.strip() and canon in SIDECAR_COLUMNS and _header_key(orig) != canon:
            problems.append(Problem(path.name, f"sidecar column {orig!r} looks like a misspelling of {canon!r}",
                                    f"read it as {canon}"))
    cols = list(rename.values())
    if "article_id" not in cols:
        problems.append(Problem(path.name, f"sidecar has no article_id column (columns: {', '.join(cols) or 'none'})",
                                "ignored the sidecar; metadata inferred"))
        return {}
    missing = [c for c in SIDECAR_COLUMNS if c not in cols]
    extra = [c for c in cols if c not in SIDECAR_COLUMNS]
    if missing:
        problems.append(Problem(path.name, f"sidecar lacks column(s) {', '.join(missing)}",
                                "treated them as empty; those fields inferred"))
    if extra:
        problems.append(Problem(path.name, f"sidecar has unknown column(s) {', '.join(extra)}",
                                f"ignored them (expected {', '.join(SIDECAR_COLUMNS)})"))
    rows: dict[str, dict] = {}
    for rec in records:
        rec = {rename.get(k, k.strip()): (v if isinstance(v, str) else "").strip() for k, v in rec.items() if k}
        aid = rec.get("article_id", "")
        if not aid:
            continue
        if aid in rows:
            problems.append(Problem(path.name, f"sidecar lists {aid} twice", "kept the first row"))
            continue
        rows[aid] = rec
    return rows


def apply_metadata(article: Article, side: dict | None, profile: Profile, problems: list[Problem],
                   today: dt.date | None = None) -> Article:
    """Fill outlet, date, title, url, notes: the sidecar wins, else inferred from the text."""
    today = today or dt.date.today()
    side = side or {}
    norm = article.nt.norm
    outlet = side.get("outlet", "")
    if outlet and normalize(outlet).lower() not in ("unknown", "?", "na", "n/a"):
        article.outlet, article.outlet_source = outlet, "sidecar"
    elif outlet:
        article.outlet, article.outlet_source = "unknown", "sidecar"
    elif (from_page := outlet_from_page(article.page, profile)) is not None:
        article.outlet, article.outlet_source = from_page, "html_meta"
    else:
        inferred = infer_outlet(norm, profile)
        article.outlet, article.outlet_source = (inferred, "inferred") if inferred else ("unknown", "unknown")
    pub = side.get("published", "")
    date = parse_iso(pub) if pub else None
    if pub and date is None:
        problems.append(Problem(article.file, f"sidecar date {pub!r} is not a date", "inferred the date from the text"))
    if date is not None and date > today:
        problems.append(Problem(article.file, f"sidecar date {date} is in the future", "inferred the date from the text"))
        date = None
    page_date = parse_iso(article.page.get("published", "")) if article.page.get("published") else None
    if page_date is not None and page_date > today:
        problems.append(Problem(article.file, f"the page's own date {page_date} is in the future",
                                "inferred the date from the text"))
        page_date = None
    if date is not None:
        article.published, article.published_source = date.isoformat(), "sidecar"
    elif page_date is not None:
        article.published, article.published_source = page_date.isoformat(), "html_meta"
    else:
        found, how = infer_published(norm, today, profile.undated_from)
        source = "inferred_no_year" if "year from the profile" in how else "inferred"
        article.published, article.published_source = (found.isoformat(), source) if found else ("", "unknown")
    article.title = page_title(article.page) or infer_title(article.raw, profile)
    article.url = side.get("url", "") or article.page.get("url", "")
    article.notes = side.get("notes", "")
    return article


# ---------------------------------------------------------------- folder loading

def visible_files(folder: Path) -> list[Path]:
    """Every file in a folder and its subfolders (scrapers often file articles by date or
    outlet), hidden files and folders (".git", "._x.txt") skipped, symlinked folders not
    followed; sorted by the path relative to the folder."""
    root = Path(folder)
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel_dir = relative_name(dirpath, root) if dirpath != str(root) else ""
        prefix = rel_dir + "/" if rel_dir else ""
        base = Path(dirpath)
        out.extend((prefix + f, base / f) for f in filenames if not f.startswith("."))
    out.sort(key=lambda t: t[0])
    return [p for _, p in out]


def article_files(folder: Path) -> list[Path]:
    """The article files (.txt, .html, .htm) in a folder and its subfolders (see visible_files)."""
    return [p for p in visible_files(folder) if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()]


def relative_name(path: Path | str, root: Path | str | None) -> str:
    """A file's path relative to the articles folder, with "/" (just its name at the top level
    or without a folder): the `file` column, and what problems name."""
    if root is None:
        return Path(path).name
    # the common case by string slicing, as relative_to would give it (pathlib costs ~30 µs a
    # file, which adds up over 100,000 articles); a PurePath's str() is already normalised
    p = str(path) if isinstance(path, PurePath) else str(Path(path))
    r = str(root) if isinstance(root, PurePath) else str(Path(root))
    if p.startswith(r) and p[len(r):len(r) + 1] == os.sep and r not in (".", os.sep):
        return p[len(r) + 1:].replace(os.sep, "/")
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return Path(path).name


def article_id_for(path: Path, root: Path | str | None = None) -> str:
    """An article's id: its relative path without the extension ("2020-10-01/aj_123"; the file
    name's stem at the top level), so same-named files in two subfolders stay apart."""
    rel = relative_name(path, root)
    suffix = PurePosixPath(rel).suffix
    return rel[: -len(suffix)] if suffix else rel


def sidecar_row(sidecar: dict[str, dict], article_id: str) -> dict | None:
    """The sidecar row of an article: by its id, else (in a subfolder) by its file stem."""
    row = sidecar.get(article_id)
    if row is None and "/" in article_id:
        row = sidecar.get(article_id.rsplit("/", 1)[1])
    return row


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def read_article(path: Path, max_bytes: int = MAX_BYTES, root: Path | str | None = None
                 ) -> tuple[Article | None, list[Problem]]:
    """Read one file into an Article (no metadata yet); per-file problems are returned. With
    `root` (the articles folder) the id and file name are relative to it."""
    probs: list[Problem] = []
    name = relative_name(path, root)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem(name, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit", "skipped")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, f"cannot be read ({exc.strerror or exc})", "skipped")]
    try:
        text, enc = decode_bytes(data)
    except (ValueError, UnicodeDecodeError) as exc:
        return None, [Problem(name, f"not a text file: {exc}", "skipped")]
    page: dict[str, str] = {}
    if path.suffix.lower() in (".html", ".htm") or re.match(r"\s*<(!doctype\s+html|html)\b", text[:500], re.I):
        page = html_page_meta(text)
        text = html_main_text(text)
        enc += "+html"
    elif _ENTITY.search(text):
        # text copied out of a web page often keeps its entities ("&laquo;", "&#1604;", "&nbsp;"):
        # decoded, so quotation marks and words match; offsets refer to the decoded text
        text = html.unescape(text)
        enc += "+entities"
    if enc.startswith("cp1256"):
        probs.append(Problem(name, "not UTF-8; decoded as Windows-1256", "loaded"))
    elif enc.startswith("utf-8-mojibake"):
        probs.append(Problem(name, "garbled text (UTF-8 Arabic once read as Windows-1252: 'Ø£Ø¹Ù„Ù†Øª')",
                             "repaired and loaded; check the text"))
    elif enc.startswith("utf-16-"):
        probs.append(Problem(name, f"UTF-16 without a byte order mark; decoded as {enc.upper()}", "loaded"))
    nt = normalize_with_map(text)  # built once: the blank check and every later match use it
    if not nt.norm.strip():  # zero-width marks and BOMs count as blank too
        return None, probs + [Problem(name, "empty or white space only", "skipped")]
    if not has_arabic(text):
        probs.append(Problem(name, "no Arabic text", "loaded; nothing will be extracted"))
    art = Article(
        article_id=article_id_for(path, root),
        file=name,
        raw=text,
        encoding=enc,
        sha256=hashlib.sha256(data).hexdigest(),
        page=page,
        _nt=nt,
    )
    return art, probs


def iter_articles(seeds_dir: Path | str, sources_csv: Path | str | None, profile: Profile,
                  problems: list[Problem], today: dt.date | None = None) -> Iterator[Article]:
    """Stream the articles of a folder with metadata, one at a time (constant memory).
    Per-file problems are appended to `problems`; a missing folder raises InputError."""
    folder = Path(seeds_dir)
    if not folder.is_dir():
        raise InputError(f"The articles folder {folder} does not exist or is not a folder.")
    sidecar_path = Path(sources_csv) if sources_csv else folder / "sources.csv"
    sidecar = read_sidecar(sidecar_path if sidecar_path.is_file() else None, problems)
    files = article_files(folder)
    seen: dict[str, str] = {}
    for path in files:
        aid = article_id_for(path, folder)
        if aid in seen:
            problems.append(Problem(relative_name(path, folder), f"duplicate article id {aid!r} (also {seen[aid]})",
                                    "skipped"))
            continue
        art, probs = read_article(path, root=folder)
        problems.extend(probs)
        if art is None:
            continue
        seen[aid] = art.file
        yield apply_metadata(art, sidecar_row(sidecar, aid), profile, problems, today)
    problems.extend(unmatched_sidecar_rows(sidecar, [article_id_for(p, folder) for p in files], sidecar_path))
    problems.extend(other_files(folder, sidecar_path))


def unmatched_sidecar_rows(sidecar: dict[str, dict], ids: list[str], sidecar_path: Path) -> list[Problem]:
    """A problem row for each sidecar id that names no article (by id, or by file stem for
    articles in subfolders)."""
    known = set(ids) | {i.rsplit("/", 1)[1] for i in ids if "/" in i}
    return [Problem(sidecar_path.name, f"sidecar row {aid!r} matches no article file", "ignored the row")
            for aid in sorted(set(sidecar) - known)]


def other_files(folder: Path, sidecar_path: Path | None = None) -> list[Problem]:
    """A problem row for each visible file that is neither an article nor the sidecar
    (an image or a PDF dropped in the folder is listed, not silently ignored)."""
    out = []
    folder = Path(folder)
    for p in visible_files(folder):
        if not p.is_file() or p.suffix.lower() in ARTICLE_SUFFIXES:
            continue
        if p == folder / "sources.csv" or sidecar_path is not None and p.resolve() == Path(sidecar_path).resolve():
            continue
        out.append(Problem(relative_name(p, folder), f"not an article file ({p.suffix or 'no extension'}; "
                                                     f"articles are {', '.join(ARTICLE_SUFFIXES)})", "skipped"))
    return out


def load_articles(seeds_dir: Path | str, sources_csv: Path | str | None, profile: Profile,
                  today: dt.date | None = None) -> tuple[list[Article], list[Problem]]:
    """Load every article of a folder; returns the articles and the per-file problems."""
    problems: list[Problem] = []
    arts = list(iter_articles(seeds_dir, sources_csv, profile, problems, today))
    return arts, problems


def articles_frame(arts: Iterable[Article]) -> pd.DataFrame:
    """The articles table."""
    return pd.DataFrame([a.row() for a in arts], columns=ARTICLE_COLUMNS)


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """The problems table (file, problem, action)."""
    return pd.DataFrame([p.__dict__ for p in problems], columns=PROBLEM_COLUMNS)


def read_articles_table(path: Path | str) -> pd.DataFrame:
    """Read articles.csv back with the id and dates as strings (as written)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


class ArticleTexts(Mapping):
    """The articles listed in articles.csv by id, each re-opened from its file when asked
    for and not kept: memory stays bounded whatever the corpus size (100,000 articles held
    at once would take gigabytes). Iterating gives the ids in table order."""

    def __init__(self, articles_df: pd.DataFrame, seeds_dir: Path | str) -> None:
        self._df = articles_df.reset_index(drop=True)
        self._seeds = seeds_dir
        self._pos = {aid: i for i, aid in enumerate(self._df["article_id"])} if len(self._df) else {}

    def __getitem__(self, article_id: str) -> Article:
        i = self._pos[article_id]  # KeyError for an id the table does not list
        return article_from_row(self._df.iloc[i].to_dict(), self._seeds)

    def __iter__(self) -> Iterator[str]:
        return iter(self._pos)

    def __len__(self) -> int:
        return len(self._pos)


def article_from_row(row: dict | pd.Series, seeds_dir: Path | str) -> Article:
    """Re-open one article listed in articles.csv, with the metadata the table holds."""
    path = Path(seeds_dir) / row["file"]
    art, _ = read_article(path, root=seeds_dir)
    if art is None:
        raise InputError(f"Article {row['file']} listed in articles.csv can no longer be read.")
    for key in ("outlet", "outlet_source", "published", "published_source", "title", "url", "notes"):
        setattr(art, key, row.get(key, "") or "")
    return art
