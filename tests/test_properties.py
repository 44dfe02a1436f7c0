"""Property-based tests (hypothesis): decoding, normalisation, number parsing and the whole
per-article extraction never crash on arbitrary Unicode, and every reported offset slices
exactly the reported words in the raw text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import lexicon as lx
from helpers.articles import Article, decode_bytes, read_sidecar
from helpers.corpus import extract_article
from helpers.numbers import find_numbers
from helpers.profile import load_profile
from helpers.text import normalize, normalize_with_map, normalize_with_map_reference, sentences

PROFILE = load_profile("karabakh-2020")

# Arabic-heavy alphabets: letters, hamza/alef forms, teh marbuta, harakat, tatweel, Arabic-Indic
# and Persian digits, Arabic punctuation, quotes, spaces of every kind, bidi marks.
ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B))
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"  # harakat, superscript alef, tatweel
DIGITS = "0123456789" + "".join(chr(0x0660 + i) for i in range(10)) + "".join(chr(0x06F0 + i) for i in range(10))
PUNCT = ".،؛؟!:,-–()«»\"“”/%٪٫٬"
SPACES = " \n\n\t\u00a0\u200f\u200e\u202b\u2066\u200b\ufeff\r\u2028"
ALPHABET = ARABIC_LETTERS + MARKS + DIGITS + PUNCT + SPACES + "abcXYZ"

# Words that make the extractors fire: number words, loss nouns, actions, reporting verbs, actors.
_actor_words = [str(s) for a in PROFILE.data["actors"] for s in a["match"]][:120]
_lex_words = (list(lx.NUMBER_UNITS) + list(lx.NUMBER_TENS) + list(lx.NUMBER_HUNDREDS) + list(lx.NUMBER_MULTIPLIERS)
              + list(lx.QUALIFIERS_BEFORE) + list(lx.LOSS_HEADS) + list(lx.ACTION_WORDS) + list(lx.VAGUE_NUMBERS)
              + ["أعلنت", "قال", "وقال", "وأضاف", "أكد", "نفت", "وفق", "بحسب", "إن", "أن", "مقتل", "جنديا",
                 "دبابة", "دبابتين", "قتلى", "جرحى", "بين", "و", "إلى", "من", "نحو", "أكثر من", "ألف",
                 "وهو ما نفته", "حسب"])
WORDS = sorted(set(_actor_words + _lex_words))

token = st.one_of(
    st.sampled_from(WORDS),
    st.integers(min_value=0, max_value=2_000_000).map(str),
    st.text(alphabet=ALPHABET, min_size=1, max_size=8),
    st.sampled_from([".", "،", ":", "\n\n", "«", "»", '"', "ـ", "٣٠", "۱۲", "٫"]),
)
arabic_text = st.lists(token, min_size=0, max_size=60).map(" ".join)
any_text = st.one_of(arabic_text, st.text(max_size=300), st.text(alphabet=ALPHABET, max_size=300))

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(any_text)
@example("٣ـ٠ جنديا")
@example("\u200f\u0640\u064e")
@example("0\xa0000")  # a no-break space between digit groups is a thousands comma
def test_normalize_with_map_matches_its_definition(raw):
    fast, ref = normalize_with_map(raw), normalize_with_map_reference(raw)
    assert fast.norm == ref.norm and fast.to_raw == ref.to_raw
    assert fast.norm == normalize(raw)
    assert len(fast.to_raw) == len(fast.norm) + 1 and fast.to_raw[-1] == len(raw)
    assert all(a < b for a, b in zip(fast.to_raw, fast.to_raw[1:], strict=False))
    for i, ch in enumerate(fast.norm):  # each normalised character comes from its raw character
        src = raw[fast.to_raw[i]]
        # (the one rule that looks at neighbours: a digit-group space becomes a comma)
        assert normalize(src) == ch or (ch == "," and src in "\u00a0\u202f\u2009")


@FAST
@given(any_text)
def test_sentences_slice_the_raw_text(raw):
    prev_end = 0
    for s in sentences(raw):
        assert raw[s.start:s.end] == s.text and s.text.strip()
        assert s.start >= prev_end
        prev_end = s.end


@FAST
@given(st.binary(max_size=400))
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf\xff")
def test_decode_bytes_returns_text_or_refuses(data):
    try:
        text, enc = decode_bytes(data)
    except (ValueError, UnicodeDecodeError):
        return
    assert isinstance(text, str) and enc in ("utf-8", "utf-8-sig", "utf-16", "cp1256")


@FAST
@given(st.text(max_size=300))
def test_sidecar_never_crashes(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("side") / "sources.csv"
    path.write_text(text, encoding="utf-8")
    problems = []
    rows = read_sidecar(path, problems)
    assert isinstance(rows, dict)
    assert all(isinstance(k, str) and k for k in rows)


@FAST
@given(any_text)
@example("بين ١٠ و١٥ جنديا")
@example("أكثر من ثلاثة آلاف وخمسمائة")
def test_find_numbers_never_crashes_and_spans_are_inside(raw):
    norm = normalize(raw)
    for p in find_numbers(norm):
        assert 0 <= p.start <= p.num_start <= p.num_end <= p.end <= len(norm)
        assert p.value >= 0
        if p.value_low is not None and p.value_high is not None:
            assert p.value_low <= p.value_high


def _article(raw: str) -> Article:
    return Article(article_id="h", file="h.txt", raw=raw, encoding="utf-8", published="2020-10-05")


@SLOW
@given(arabic_text)
@example("أعلنت وزارة الدفاع الأذربيجانية مقتل ٣ـ٠ جنديا أرمنيا.")
@example("وقال المتحدث: «قتلنا ۱۲ جنديا ودمرنا دبابتين». ونفت أرمينيا ذلك.")
def test_extraction_never_crashes_and_offsets_slice_the_reported_words(raw):
    art = _article(raw)
    res = extract_article(art, PROFILE)
    for r in res["losses"]:
        assert raw[r["start"]:r["end"]] == r["number_text"], r
        assert r["value"] >= 0
    for r in res["statements"]:
        assert raw[r["start"]:r["end"]] == r["text"], r
        assert r["speaker"] == "" or r["speaker"] in raw


@SLOW
@given(st.text(max_size=400))
def test_extraction_never_crashes_on_any_unicode(raw):
    res = extract_article(_article(raw), PROFILE)
    for r in res["losses"]:
        assert raw[r["start"]:r["end"]] == r["number_text"]
    for r in res["statements"]:
        assert raw[r["start"]:r["end"]] == r["text"]


def test_property_alphabet_is_arabic_heavy():
    assert sum("\u0600" <= c <= "\u06ff" for c in ALPHABET) > len(ALPHABET) / 2
    assert dt.date(2020, 10, 5).isoformat() == _article("").published
