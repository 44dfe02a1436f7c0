"""Arabic number phrases: digits, words, mixed, vague, qualifiers, ranges, model codes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.numbers import find_numbers, parse_number
from helpers.text import normalize


@pytest.mark.parametrize(
    "text,value",
    [
        ("963", 963),
        ("٣٠", 30),  # Arabic-Indic
        ("۱۵۲", 152),  # Persian
        ("2,500", 2500),
        ("1.5 مليون", 1_500_000),
        ("خمسة آلاف", 5000),
        ("30 ألف", 30000),
        ("ثلاثمئة وخمسين", 350),
        ("ثلاثمائة وخمسين", 350),
        ("ثلاث مئة", 300),
        ("خمسة وعشرين", 25),
        ("أحد عشر", 11),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("ثلاثة عشر", 13),
        ("إحدى وعشرون", 21),
        ("عشرين ألفا", 20000),
        ("ألفين", 2000),
        ("ألفي", 2000),
        ("مئتي", 200),
        ("مائة", 100),
        ("ألف وخمسمائة", 1500),
        ("ثلاثة آلاف وخمسمئة", 3500),
        ("مئة وعشر", 110),
        ("ثمانية", 8),
        ("عشرات", 10),
        ("مئات", 100),
        ("آلاف", 1000),
        ("الآلاف", 1000),
        ("عشرات الآلاف", 10000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_parse_number_rejects_non_numbers():
    assert parse_number("وزارة الدفاع") is None
    assert parse_number("") is None


def _found(text: str) -> list[tuple[str, int, str]]:
    norm = normalize(text)
    return [(norm[p.start:p.end], p.value, p.qualifier) for p in find_numbers(norm)]


@pytest.mark.parametrize(
    "text,qualifier",
    [
        ("نحو 200 دبابة", "approx"),
        ("حوالي 30 قتيلا", "approx"),
        ("قرابة 40 جنديا", "approx"),
        ("ما يقارب 50 قتيلا", "approx"),
        ("أكثر من 800 قتيل", "more_than"),
        ("ما يزيد عن 90 قتيلا", "more_than"),
        ("بأكثر من 400 منزل", "more_than"),
        ("ما لا يقل عن 12 جنديا", "at_least"),
        ("ما يصل إلى 70 قتيلا", "up_to"),
        ("عشرات القتلى", "vague"),
        ("مئات الجرحى", "vague"),
    ],
)
def test_qualifiers(text, qualifier):
    found = _found(text)
    assert len(found) == 1 and found[0][2] == qualifier


def test_vague_values_follow_acled():
    assert [v for _, v, _ in _found("عشرات ومئات وآلاف")] == [10, 100, 1000]


def test_ranges():
    norm = normalize("قتل ما بين 2000 و2500 جندي، ومن 10 إلى 15 مدنيا")
    ranges = [(p.value_low, p.value_high) for p in find_numbers(norm) if p.kind == "range"]
    assert ranges == [(2000, 2500), (10, 15)]


def test_rise_is_not_a_range():
    norm = normalize("ارتفع عدد القتلى من 900 إلى 963")
    assert [p.kind for p in find_numbers(norm)] == ["digits", "digits"]


@pytest.mark.parametrize("code", ["D-30", "T-72", "إس-300", "أس-300", "توس-1", "ZSU-23-4", "بي إم-21", "عربي21"])
def test_model_codes_are_not_numbers(code):
    assert _found(f"تدمير {code} أمس") == []


def test_spans_point_at_the_words():
    norm = normalize("تدمير نحو خمسة آلاف دبابة و196 مدفعا")
    got = [norm[p.num_start:p.num_end] for p in find_numbers(norm)]
    assert got == ["خمسه الاف", "196"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789٠١٢٣٤٥ ,.-وخمسةآلافعشراتنحوأكثرمن ")), max_size=60))
def test_find_numbers_never_crashes_and_spans_are_in_bounds(text):
    norm = normalize(text)
    for p in find_numbers(norm):
        assert 0 <= p.start <= p.num_start < p.num_end <= p.end <= len(norm)
        assert p.value >= 0


@pytest.mark.parametrize("text,value,qual", [
    ("أسر ما لا يتجاوز 15 جنديا", 15, "up_to"),
    ("فقد ما يزيد قليلا على 320 عنصرا", 320, "more_than"),
    ("جرح تسعة مسعفين على الأقل", 9, "at_least"),
    ("دمرت 7 آليات على الأقل", 7, "at_least"),
])
def test_capped_and_trailing_qualifiers(text, value, qual):
    (p,) = find_numbers(normalize(text))
    assert (p.value, p.qualifier) == (value, qual)


@pytest.mark.parametrize("text,value,qual,words", [
    ("فقدت الكتيبة بضع عشرات من رجالها", 10, "vague", "بضع عشرات"),
    ("نزح بضعة آلاف من السكان", 1000, "vague", "بضعه الاف"),
    ("قتل 5 جنود", 5, "exact", "5"),
])
def test_a_few_joins_a_vague_plural(text, value, qual, words):
    norm = normalize(text)
    (p,) = find_numbers(norm)
    assert (p.value, p.qualifier, norm[p.start:p.end]) == (value, qual, words)


def test_digits_after_a_multiplier_joined_by_waw_add_the_remainder():
    got = [(p.value, normalize("قالت إن 4 آلاف و215 مسكنا تضررت")[p.start:p.end])
           for p in find_numbers(normalize("قالت إن 4 آلاف و215 مسكنا تضررت"))]
    assert got == [(4215, normalize("4 آلاف و215"))]
    assert [p.value for p in find_numbers(normalize("1 مليون و300 ألف نازح"))] == [1300000]
    # a larger number after و is a second count, not a remainder
    assert [p.value for p in find_numbers(normalize("2 آلاف و5000 آخرين"))] == [2000, 5000]


def test_at_least_after_a_two_word_noun():
    """'7 سيارات إسعاف على الأقل': the qualifier may follow a noun of two words; not three."""
    (p,) = find_numbers(normalize("تضررت 7 سيارات إسعاف على الأقل"))
    assert (p.value, p.qualifier) == (7, "at_least")
    (p,) = find_numbers(normalize("تضررت 7 سيارات إسعاف تابعة للهلال الأحمر على الأقل"))
    assert p.qualifier == "exact"


@pytest.mark.parametrize("raw,value,words", [
    ("قتل 1\u00a0200 جندي", 1200, "1\u00a0200"),  # no-break space between digit groups
    ("قتل ١\u202f٢٠٠ جندي", 1200, "١\u202f٢٠٠"),  # narrow no-break space, Arabic-Indic digits
    ("دمر 12\u2009500 منزل", 12500, "12\u2009500"),  # thin space
])
def test_digit_group_spaces_are_thousands_separators_and_offsets_stay_raw(raw, value, words):
    from helpers.text import normalize_with_map

    nt = normalize_with_map(raw)
    (num,) = find_numbers(nt.norm)
    assert num.value == value and nt.raw_slice(num.start, num.end) == words


def test_an_ordinary_space_or_a_date_is_not_a_digit_group():
    assert [n.value for n in find_numbers(normalize("قتل 3 200 منهم"))] == [3, 200]
    assert [n.value for n in find_numbers(normalize("في 27\u00a0سبتمبر"))] == [27]
    assert [n.value for n in find_numbers(normalize("قتل 1\u00a02000"))] == [1, 2000]  # not a 3-digit group
