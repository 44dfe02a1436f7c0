"""Normalisation with offset mapping, sentence and paragraph splitting."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from helpers import paths
from helpers.text import normalize, normalize_with_map, paragraphs, sentences


def test_normalize_letters_digits_diacritics_tatweel():
    assert normalize("أإآٱ") == "اااا"
    assert normalize("ة ى ئ ؤ") == "ه ي ي و"
    assert normalize("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹") == "0123456789 0123456789"
    assert normalize("قُتِلَ") == "قتل"  # diacritics dropped
    assert normalize("الـــجيش") == "الجيش"  # tatweel dropped
    assert normalize("a\u00a0b\u2009c\u202fd") == "a b c d"  # NBSP and thin spaces
    assert normalize("\u202eabc\u200f") == "abc"  # bidi controls dropped


def test_offset_map_points_back_to_raw():
    raw = "قُتِلَ ٣٠ جندياً في\u00a0الـــهجوم"
    nt = normalize_with_map(raw)
    i = nt.norm.index("30")
    a, b = nt.raw_span(i, i + 2)
    assert raw[a:b] == "٣٠"
    j = nt.norm.index("الهجوم")
    assert nt.raw_slice(j, j + len("الهجوم")) == "الـــهجوم"
    k = nt.norm.index("جنديا")
    assert nt.raw_slice(k, k + len("جنديا")) == "جندياً"[:-1]  # the trailing tanwin is not part of the span


def test_sentences_keep_raw_offsets_on_every_seed():
    for path in sorted(paths.SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        sents = sentences(raw)
        assert len(sents) >= 10
        for s in sents:
            assert raw[s.start:s.end] == s.text
            assert s.text == s.text.strip()
        assert [s.start for s in sents] == sorted(s.start for s in sents)


def test_sentence_split_rules():
    raw = "قال الوزير إن 3.5 بالمئة تضرر. وأضاف: لا شيء؟ نعم!\nسطر ثان بلا نقطة"
    texts = [s.text for s in sentences(raw)]
    assert texts == ["قال الوزير إن 3.5 بالمئة تضرر.", "وأضاف: لا شيء؟", "نعم!", "سطر ثان بلا نقطة"]
    assert [s.paragraph for s in sentences(raw)] == [0, 0, 0, 1]


def test_paragraphs_skip_blank_lines():
    raw = "أول\n\n \n\u00a0\nثان\r\nثالث"
    assert [p.text for p in paragraphs(raw)] == ["أول", "ثان", "ثالث"]


@given(st.text())
def test_normalize_with_map_total(raw):
    nt = normalize_with_map(raw)
    assert len(nt.to_raw) == len(nt.norm) + 1
    assert nt.norm == normalize(raw)
    for i in range(len(nt.norm)):
        assert 0 <= nt.to_raw[i] < len(raw)
    for s in sentences(raw):
        assert raw[s.start:s.end] == s.text


def test_a_run_without_sentence_punctuation_is_cut_at_clause_marks_into_bounded_sentences():
    from helpers.text import MAX_SENTENCE

    clause = "قال المتحدث إن القوات تقدمت في المنطقة الجنوبية، "  # 50 characters, ends with a clause mark
    raw = clause * 200 + "وانتهى الأمر"  # 10 k characters, no full stop anywhere
    sents = sentences(raw)
    assert len(sents) >= len(raw) // MAX_SENTENCE
    assert all(len(s.text) <= MAX_SENTENCE and raw[s.start:s.end] == s.text for s in sents)
    assert all(s.text.endswith("،") for s in sents[:-1])  # cut after a clause mark, not inside a word
    assert "".join(s.text for s in sents).replace(" ", "") == raw.replace(" ", "")  # nothing lost


def test_a_long_run_without_any_clause_mark_is_cut_at_a_space():
    raw = "كلمة " * 1000
    sents = sentences(raw)
    assert len(sents) > 1 and all(s.text.startswith("كلمة") and s.text.endswith("كلمة") for s in sents)
