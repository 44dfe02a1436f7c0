"""Decoding, metadata inference (outlet, dates incl. Hijri, title), sidecar handling."""

from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd
import pytest

from helpers import paths
from helpers.articles import (
    ArticleTexts,
    InputError,
    decode_bytes,
    html_main_text,
    infer_outlet,
    infer_title,
    load_articles,
)
from helpers.dates import date_in_window, find_dates, infer_published
from helpers.text import normalize

ARABIC = "أعلنت وزارة الدفاع مقتل ٣٠ جنديا."

EXPECTED = {
    "000_6ff6359781e5a1b3": ("Arabi21", "2020-10-24"),
    "001_0b453c8b0ae0108c": ("Ansar Allah website", "2020-10-01"),
    "002_1a0749abc1487bfd": ("Al Jazeera", "2020-10-21"),
    "003_5e9c82c3c44e9937": ("Al Jazeera Mubasher", "2020-10-16"),
    "004_6cc9c1c7d50e6349": ("unknown", "2020-10-09"),
}


@pytest.mark.parametrize(
    "data,encoding",
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8-sig"),
        (ARABIC.encode("utf-16"), "utf-16"),
        (ARABIC.encode("cp1256", errors="ignore"), "cp1256"),
    ],
)
def test_decode_bytes(data, encoding):
    text, used = decode_bytes(data)
    assert used == encoding
    assert "وزارة الدفاع" in text


def test_decode_rejects_binary():
    with pytest.raises(ValueError):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))


def test_seed_metadata_with_sidecar(profile):
    arts, problems = load_articles(paths.SEEDS, paths.SOURCES_CSV, profile)
    assert problems == []
    got = {a.article_id: (a.outlet, a.published) for a in arts}
    assert got == EXPECTED
    assert all(a.outlet_source == "sidecar" and a.published_source == "sidecar" for a in arts)
    titles = {a.article_id: a.title for a in arts}
    assert titles["000_6ff6359781e5a1b3"].startswith("محادثات واشنطن تفشل")  # rubric line skipped


def test_seed_metadata_inferred_without_sidecar(profile, tmp_path):
    for p in paths.SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path)
    arts, problems = load_articles(tmp_path, None, profile)
    got = {a.article_id: (a.outlet, a.outlet_source, a.published, a.published_source) for a in arts}
    assert got["001_0b453c8b0ae0108c"] == ("Ansar Allah website", "inferred", "2020-10-01", "inferred")
    assert got["002_1a0749abc1487bfd"][:2] == ("Al Jazeera", "inferred")
    assert got["003_5e9c82c3c44e9937"] == ("Al Jazeera Mubasher", "inferred", "2020-10-16", "inferred")
    assert got["004_6cc9c1c7d50e6349"][:2] == ("unknown", "unknown")
    # no full date in the text: its latest day and month ("17 تشرين الأول/أكتوبر"), the year
    # from the profile's window, flagged (a lower bound: the article came out on 24 October)
    assert got["000_6ff6359781e5a1b3"][2:] == ("2020-10-17", "inferred_no_year")


def test_hijri_and_gregorian_dates():
    assert infer_published(normalize("موقع أنصار الله  – 14 صفر 1442هـ"))[0] == dt.date(2020, 10, 1)
    found = find_dates(normalize("في 17 تشرين الأول/أكتوبر 2020 و27 سبتمبر/أيلول"))
    assert [(f.date, f.month, f.day) for f in found] == [(dt.date(2020, 10, 17), 10, 17), (None, 9, 27)]
    assert infer_published(normalize("Posted on Friday, 16 October 2020"))[0] == dt.date(2020, 10, 16)
    assert infer_published(normalize("في 3 كانون الثاني 2021"))[0] == dt.date(2021, 1, 3)
    # a date in the future is never taken as the publication date
    assert infer_published(normalize("في 3 يناير 2099"), today=dt.date(2026, 1, 1))[0] is None


def test_dates_without_a_year_take_the_year_of_the_profile_window(profile):
    start = dt.date(2020, 9, 1)
    assert profile.undated_from == start
    # September to December fall in 2020, January to August in 2021
    assert date_in_window(9, 27, start) == dt.date(2020, 9, 27)
    assert date_in_window(12, 31, start) == dt.date(2020, 12, 31)
    assert date_in_window(2, 10, start) == dt.date(2021, 2, 10)
    assert date_in_window(8, 31, start) == dt.date(2021, 8, 31)
    assert date_in_window(2, 30, start) is None
    text = normalize("الأحد 27 سبتمبر: اندلعت المعارك. وفي 3 تشرين الأول/أكتوبر أعلنت الوزارة ...")
    assert infer_published(text, undated_from=start) == (
        dt.date(2020, 10, 3), "day and month in the text, year from the profile (from 2020-09-01)")
    assert infer_published(text)[0] is None  # no window: no guess
    # a full date anywhere wins over day-and-month dates
    both = normalize("27 سبتمبر ... نشر في 1 أكتوبر 2020")
    assert infer_published(both, undated_from=start)[0] == dt.date(2020, 10, 1)
    # a date that opens a period is not the date of the text
    since = normalize("قتل 30 جنديا منذ 27 سبتمبر، وفي 28 سبتمبر بدأ الهجوم. نشر في 2 أكتوبر")
    assert infer_published(since, undated_from=start)[0] == dt.date(2020, 10, 2)
    assert infer_published(normalize("قتل 30 جنديا منذ 27 سبتمبر"), undated_from=start)[0] is None
    # never in the future
    assert infer_published(normalize("في 5 مارس"), today=dt.date(2021, 1, 1), undated_from=start)[0] is None


def test_outlet_signatures_longest_wins(profile):
    assert infer_outlet(normalize("المصدر : الجزيرة مباشر + وكالات"), profile) == "Al Jazeera Mubasher"
    assert infer_outlet(normalize("المصدر: الجزيرة + وكالات"), profile) == "Al Jazeera"
    assert infer_outlet(normalize("لا توقيع هنا"), profile) is None


# A made-up article: title, optional byline lines, body paragraphs, optional closing lines.
_BODY = ("أعلنت وزارة الخارجية في بيان صدر مساء أمس أن جولة جديدة من المحادثات بين الجانبين "
         "ستعقد الأسبوع المقبل في عاصمة محايدة بحضور وسطاء دوليين.")
_MORE = "وأضاف البيان أن الطرفين اتفقا على تبادل قوائم المحتجزين قبل بدء الجولة المقبلة من المحادثات."


def _article(*head: str, body: tuple[str, ...] = (_BODY, _MORE), tail: tuple[str, ...] = ()) -> str:
    return normalize("\n\n".join(("محادثات جديدة بين الجانبين الأسبوع المقبل", *head, *body, *tail)))


@pytest.mark.parametrize(
    "text, outlet",
    [
        # a dateline with the outlet in «»
        (_article("عمّان – «الشرق الأوسط»"), "Asharq Al-Awsat"),
        (_article(body=("الكويت - «الخليج»: " + _BODY, _MORE)), "Al-Khaleej"),
        # a dateline naming only a wire agency: its Arabic service is the outlet
        (_article(body=("أنقرة (رويترز) - " + _BODY, _MORE)), "Reuters Arabic"),
        (_article("الدوحة / قنا /"), "QNA"),
        # an outlet and an agency: the outlet wins, wherever the agency stands
        (_article("بيروت - أ ف ب - «العربي الجديد»"), "Al-Araby Al-Jadeed"),
        (_article("الرباط - هسبريس - د ب أ"), "Hespress"),
        # the closing signature line
        (_article(tail=("المصدر : يورونيوز",)), "Euronews Arabic"),
        (_article(tail=("المصدر: مصراوي + وكالات",)), "Masrawy"),
        # a photo credit is not the outlet; the signature line is
        (_article(tail=("متظاهرون أمام مبنى الحكومة في العاصمة (رويترز)", "المصدر: عربي21")), "Arabi21"),
        # no chrome: an interview given to the outlet, or its correspondent, in the body
        (_article(body=(_BODY, "وأوضح المتحدث في تصريح خاص لـ«إندبندنت عربية» أن الوفد سيصل غدا.")),
         "Independent Arabia"),
        (_article(body=(_BODY, "وقال مراسل الميادين إن الهدوء ساد المنطقة طوال الليل.")), "Al Mayadeen"),
    ],
)
def test_infer_outlet_from_chrome(profile, text, outlet):
    assert infer_outlet(text, profile) == outlet


@pytest.mark.parametrize(
    "text",
    [
        # another paper cited in the body is not the publisher
        _article(body=(_BODY, "ونقلت صحيفة «القدس العربي» عن مصدر دبلوماسي أن اللقاء سيكون مغلقا.")),
        _article(body=(_BODY, "وبحسب ما ذكرته وكالة رويترز، فإن الوفدين سيلتقيان في فندق واحد.")),
        # common words that are also outlet names do not count in the body
        _article(body=(_BODY, "ودعا مجلس التعاون لدول الخليج العربية إلى احترام البيان المشترك.")),
        # an agency in the body of a text compiled "from agencies" is a source, not the publisher
        _article("القاهرة - وكالات", body=(_BODY, "وأفاد مراسل وكالة فرانس برس بسماع دوي انفجارات.")),
        # nothing names an outlet
        _article(),
    ],
)
def test_infer_outlet_unknown(profile, text):
    assert infer_outlet(text, profile) is None


def test_outlet_name_aliases(profile):
    assert profile.outlet_name("Al Khaleej") == profile.outlet_name("Al-Khaleej") == "Al-Khaleej"
    assert profile.outlet_name("TRT Arabic") == "TRT Arabi"
    assert profile.outlet_name("Anadolu Agency Arabic") == "Anadolu Agency"
    assert profile.outlet_name("Some Blog") == "Some Blog"
    assert profile.outlet_name("") == "unknown"


def test_title_skips_rubric(profile):
    assert infer_title("سياسة دولية\n\nعنوان الخبر هنا", profile) == "عنوان الخبر هنا"


def test_html_main_text():
    page = "<html><head><title>t</title><script>var x='قتل 5';</script></head><body><nav>قائمة</nav><article><h1>عنوان</h1><p>قتل 5 جنود.</p></article></body></html>"
    text = html_main_text(page)
    assert "عنوان" in text and "قتل 5 جنود." in text
    assert "var x" not in text and "قائمة" not in text


def test_missing_folder_is_one_clear_error(profile, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_articles(tmp_path / "nope", None, profile)


@pytest.mark.parametrize("value,expected", [
    ("2020-10-21", "2020-10-21"), ("2020-10-21T08:30:00Z", "2020-10-21"), ("2020/10/21", "2020-10-21"),
    ("21/10/2020", "2020-10-21"), ("05/10/2020", "2020-10-05"),  # day first, as Arab sources write it
    ("10/21/2020", "2020-10-21"),  # month first only when the day cannot be
    ("21.10.2020", "2020-10-21"), ("21 أكتوبر 2020", "2020-10-21"), ("الأربعاء 21 تشرين الأول 2020", "2020-10-21"),
    ("Oct 21, 2020", "2020-10-21"), ("21 Sept. 2020", "2020-09-21"), ("October 21, 2020", "2020-10-21"),
    ("soon", None), ("21 أكتوبر", None), ("13/13/2020", None),
])
def test_sidecar_dates_in_the_formats_scrapers_write(value, expected):
    from helpers.dates import parse_iso

    got = parse_iso(value)
    assert (got.isoformat() if got else None) == expected


def test_article_texts_reopens_each_article_when_asked_and_keeps_none(profile, seeds_copy):
    arts, _ = load_articles(seeds_copy, None, profile)
    table = pd.DataFrame([a.row() for a in arts])
    texts = ArticleTexts(table, seeds_copy)
    assert list(texts) == table["article_id"].tolist() and len(texts) == len(arts)
    first = arts[0]
    got = texts[first.article_id]
    assert got.raw == first.raw and got.outlet == first.outlet
    assert texts[first.article_id] is not got  # read again, not cached: memory stays bounded
    assert texts.get("no-such-id") is None
    (seeds_copy / first.file).unlink()
    with pytest.raises(InputError, match="can no longer be read"):
        texts[first.article_id]
