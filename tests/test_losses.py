"""Loss extraction: rules of issue 3, offsets, dedupe, robustness to reordering, gold floors."""

from __future__ import annotations

import re

import pytest

from helpers.articles import Article, load_articles
from helpers.eval_losses import evaluate_sets
from helpers.losses import ACTIONS, CATEGORIES, LOSS_COLUMNS, QUALIFIERS, SIDES, extract_losses, losses_frame
from helpers.paths import SEEDS
from helpers.profile import load_profile

PROFILE = load_profile("karabakh-2020")


def art(raw: str, aid: str = "t", published: str = "2020-10-20") -> Article:
    return Article(article_id=aid, file=f"{aid}.txt", raw=raw, encoding="utf-8", outlet="Test", published=published)


def rows(raw: str) -> list[dict]:
    return extract_losses(art(raw), PROFILE)


def one(raw: str) -> dict:
    got = rows(raw)
    assert len(got) == 1, got
    return got[0]


@pytest.fixture(scope="module")
def seeds():
    arts, _ = load_articles(SEEDS, None, PROFILE)
    return arts


@pytest.fixture(scope="module")
def seed_table(seeds):
    return losses_frame(r for a in seeds for r in extract_losses(a, PROFILE))


# ------------------------------------------------------------------ table contract

def test_columns_and_vocabularies(seed_table):
    assert list(seed_table.columns) == LOSS_COLUMNS
    assert set(seed_table["category"]) <= set(CATEGORIES)
    assert set(seed_table["affected_side"]) <= set(SIDES)
    assert set(seed_table["action"]) <= set(ACTIONS)
    assert set(seed_table["qualifier"]) <= set(QUALIFIERS)
    assert set(seed_table["claimant_party"]) <= set(PROFILE.parties)
    assert (seed_table["mentions"] >= 1).all()


def test_offsets_slice_the_number_text_in_every_seed(seeds):
    for a in seeds:
        for r in extract_losses(a, PROFILE):
            assert a.raw[r["start"]:r["end"]] == r["number_text"], r
            assert r["number_text"] in r["sentence"]


def test_row_order_is_deterministic(seeds):
    first = [extract_losses(a, PROFILE) for a in seeds]
    again = [extract_losses(a, PROFILE) for a in seeds]
    assert first == again
    for rs in first:
        assert [r["start"] for r in rs] == sorted(r["start"] for r in rs)


# ------------------------------------------------------------------ numbers in context

def test_list_gives_one_row_per_item_with_shared_claimant_and_side():
    got = rows("وأعلنت وزارة الدفاع الأذربيجانية تدمير 16 مركز قيادة، و196 دبابة، و38 راجمة صواريخ، "
               "و10 مدافع متحركة.")
    assert [(r["category"], r["value"]) for r in got] == [
        ("command_posts", 16), ("tanks", 196), ("mlrs", 38), ("artillery", 10)]
    assert {r["claimant_party"] for r in got} == {"Azerbaijan"}
    assert {r["affected_side"] for r in got} == {"armenian"}


def test_duals_and_one_after_the_noun():
    got = rows("وقالت وزارة الدفاع الأذرية إنه تم تدمير دبابتين، ونظامين دفاع جوي، ونظامي دفاع صاروخي، "
               "إضافة إلى نظام دفاع جوي واحد.")
    assert [(r["category"], r["value"], r["number_text"]) for r in got] == [
        ("tanks", 2, "دبابتين"), ("air_defense", 2, "نظامين"), ("air_defense", 2, "نظامي"),
        ("air_defense", 1, "واحد")]


def test_bare_singular_in_a_list_is_one():
    got = rows("وقالت وزارة الدفاع الأرمينية إنها دمرت 7 مروحيات وطائرة مقاتلة، وأسرت 4 شاحنات، وشاحنة زيل.")
    assert ("aircraft", 1) in [(r["category"], r["value"]) for r in got]
    assert ("vehicles", 1) in [(r["category"], r["value"]) for r in got]


def test_joint_count_of_two_nouns_is_not_split():
    got = rows("وأعلنت وزارة الدفاع الأذربيجانية تدمير نحو 200 دبابة وعربة مدرعة للجيش الأرميني.")
    assert [(r["category"], r["value"], r["qualifier"]) for r in got] == [("tanks", 200, "approx")]


def test_word_numbers_and_mixed():
    got = rows("وقال الرئيس الروسي إن الحرب خلفت نحو خمسة آلاف قتيل، بعد حرب سابقة أوقعت 30 ألف قتيل.")
    assert [r["value"] for r in got] == [5000, 30000]


def test_arabic_indic_digits_and_offsets():
    a = art("أعلنت وزارة الدفاع الأذربيجانية تدمير ١٢ دبابة و٣ منظومات دفاع جوي.")
    got = extract_losses(a, PROFILE)
    assert [(r["value"], r["number_text"]) for r in got] == [(12, "١٢"), (3, "٣")]
    for r in got:
        assert a.raw[r["start"]:r["end"]] == r["number_text"]


# ------------------------------------------------------------------ claimant

def test_claimant_inherited_from_previous_sentence():
    got = rows("أعلنت وزارة الدفاع الأذربيجانية تدمير 5 دبابات. وأشارت إلى تدمير 3 مدافع.")
    assert [r["claimant_party"] for r in got] == ["Azerbaijan", "Azerbaijan"]


def test_according_to_attribution():
    r = one("وتتصدر موسكو جهود الحل لوقف الحرب التي خلفت نحو خمسة آلاف قتيل وفق الرئيس الروسي فلاديمير بوتين.")
    assert (r["claimant_party"], r["affected_side"], r["qualifier"]) == ("Russia", "both", "approx")


def test_relay_credits_the_original_claimant(seeds):
    a = next(x for x in seeds if "إنترفاكس" in x.raw)
    r = next(r for r in extract_losses(a, PROFILE) if r["value"] == 963)
    assert r["claimant_party"] == "Artsakh"


def test_unattributed_sentence_is_the_outlets_own():
    r = one("وتمكن الجيش الأذربيجاني من تحرير أكثر من 30 قرية.")
    assert (r["claimant_party"], r["category"], r["action"], r["affected_side"]) == (
        "Media", "settlements", "taken", "armenian")


# ------------------------------------------------------------------ side

def test_side_from_adjective_after_the_noun():
    got = rows("قالت وزارة الدفاع الأرمينية إنها دمرت 137 دبابة، مشيرة إلى مقتل 790 عسكريا أذربيجانيا وإصابة 1900 بجروح.")
    assert [(r["category"], r["affected_side"], r["population"]) for r in got] == [
        ("tanks", "azerbaijani", ""), ("killed", "azerbaijani", "military"), ("wounded", "azerbaijani", "military")]


def test_own_civilians_are_the_governments_own_side():
    got = rows("وأعلنت أذربيجان عن مقتل 47 مدنيا وإصابة 222 آخرين في القصف الأرميني على المناطق السكنية.")
    assert [(r["category"], r["affected_side"], r["population"]) for r in got] == [
        ("killed", "azerbaijani", "civilian"), ("wounded", "azerbaijani", "civilian")]


def test_enemy_word_is_the_other_side():
    got = rows("وقال المتحدث باسم وزارة الدفاع الأرمينية إن قوات العدو خسرت نحو ألف جندي.")
    assert [(r["affected_side"], r["value"]) for r in got] == [("azerbaijani", 1000)]


# ------------------------------------------------------------------ kinds of claims

def test_cumulative_versus_increment():
    got = rows("وأعلنت وزارة دفاع الانفصاليين في قره باغ ارتفاع عدد الأرمن الذين قتلوا منذ بدء القتال إلى 963 "
               "بعد سقوط 36 قتيلا آخر.")
    assert [(r["value"], r["cumulative"], r["affected_side"]) for r in got] == [
        (963, True, "armenian"), (36, False, "armenian")]


def test_second_toll_after_a_comma_without_its_count_noun():
    got = rows("وأعلنت وزارة الصحة الأرمينية ارتفاع عدد القتلى المدنيين منذ بدء القتال إلى 40، والجرحى إلى 150.")
    assert [(r["category"], r["value"], r["cumulative"], r["population"]) for r in got] == [
        ("killed", 40, True, "civilian"), ("wounded", 150, True, "civilian")]
    # a plain list after a comma keeps no toll it does not name
    assert [r["value"] for r in rows("وقالت وزارة الصحة الأرمينية إن عدد القتلى بلغ 40، وإن الجسر إلى 150 مترا.")] == [40]


def test_equipment_belonging_to_the_speaker_is_its_own_loss():
    got = one("وأقرت وزارة الدفاع الأرمينية بسقوط طائرة مسيرة تابعة لها فوق الجبهة.")
    assert (got["category"], got["affected_side"]) == ("drones", "armenian")
    # villages "belonging to it" (the town) are not the speaker's
    got = rows("وأعلن علييف أن الجيش حرر مدينة جبرائيل وخمس قرى تابعة لها.")
    assert {r["affected_side"] for r in got} == {"armenian"}


def test_forces_that_left_equipment_behind_own_it():
    got = one("وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية تركت في الوادي 7 دبابات غنمها الجيش.")
    assert (got["category"], got["action"], got["affected_side"]) == ("tanks", "captured", "azerbaijani")


def test_missiles_intercepted_by_the_speakers_defences_are_the_enemys():
    got = one("واتهمت وزارة الدفاع الأرمينية الجيش الأذربيجاني بقصف يريفان، مؤكدة أن الدفاعات الجوية اعترضت صاروخين.")
    assert (got["category"], got["value"], got["affected_side"]) == ("missiles", 2, "azerbaijani")


def test_national_ngo_speaks_for_no_state_but_counts_its_own_people():
    got = one("وبحسب منظمات حقوقية أذربيجانية، لا يزال مصير عشرات المدنيين مجهولا.")
    assert (got["claimant_party"], got["affected_side"]) == ("Other", "azerbaijani")


def test_estimated_toll_then_bi_and_the_number():
    got = one("وكان الرئيس الروسي قد قدر، الأسبوع الماضي، عدد القتلى من الجانبين بنحو ألفي شخص.")
    assert (got["category"], got["value"], got["claimant_party"], got["affected_side"]) == (
        "killed", 2000, "Russia", "both")
    got = one("وقدر بوتين عدد القتلى بنحو 3 آلاف.")
    assert (got["value"], got["claimant_party"]) == (3000, "Russia")
    # the passive estimate of a population is no toll and has no speaker
    assert rows("ويقدر عدد سكان الإقليم بنحو 150 ألف نسمة.") == []


def test_definite_building_adjective_and_a_villager_before_kana_qad():
    got = one("وقالت سلطات قره باغ إن القصف ألحق أضرارا بعشرات المباني السكنية في المدينة.")
    assert (got["category"], got["value"]) == ("apartment_buildings", 10)
    got = one("وكان قروي أذربيجاني قد قتل في القصف، بحسب السلطات المحلية.")
    assert (got["category"], got["value"], got["population"], got["affected_side"]) == (
        "killed", 1, "civilian", "azerbaijani")
    assert rows("وكان جندي قد صرح بأن القصف توقف.") == []


def test_headline_present_tense_takes_places():
    got = rows("علييف: الجيش الأذربيجاني يحرر مدينة جبرائيل و9 قرى")
    assert [(r["category"], r["value"], r["action"], r["claimant_party"]) for r in got] == [
        ("settlements", 1, "taken", "Azerbaijan"), ("settlements", 9, "taken", "Azerbaijan")]


def test_a_days_tally_is_no_running_total():
    got = rows("وفي حصيلة يومية، قالت وزارة الدفاع الأرمينية إنها دمرت خلال الليل 6 دبابات.")
    assert [(r["value"], r["cumulative"]) for r in got] == [(6, False)]
    got = rows("وفي حصيلة جديدة، قالت وزارة الدفاع الأرمينية إن 40 جنديا قتلوا.")
    assert [(r["value"], r["cumulative"]) for r in got] == [(40, True)]


def test_subset_of_things_counted_before():
    got = rows("وقالت وزارة الدفاع الأرمينية إن دفاعاتها أسقطت 4 طائرات مسيرة، بينها طائرة من طراز «هيرميس».")
    assert [(r["category"], r["value"]) for r in got] == [("drones", 4), ("drones", 1)]
    got = rows("وقالت وزارة الدفاع الأرمينية إن دفاعاتها أسقطت 6 طائرات مسيرة، منها طائرتان انتحاريتان.")
    assert [(r["category"], r["value"]) for r in got] == [("drones", 6), ("drones", 2)]


def test_counted_houses_and_one_other_building():
    got = rows("وقالت النيابة العامة الأذربيجانية إن القصف ألحق أضرارا بـ25 منزلا ومستشفى.")
    assert [(r["category"], r["value"]) for r in got] == [("houses", 25), ("public_buildings", 1)]
    # two kinds of equipment after one number share it
    assert [r["value"] for r in rows("وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت 200 دبابة وعربة مدرعة.")] == [200]


def test_town_entered_under_the_agreement_is_a_handover_not_taken():
    assert rows("وقالت وزارة الدفاع الأذربيجانية إن وحداتها دخلت مدينة لاتشين بموجب الاتفاق الثلاثي.") == []
    got = one("وقالت وزارة الدفاع الأذربيجانية إن وحداتها دخلت مدينة لاتشين.")
    assert (got["category"], got["action"]) == ("settlements", "taken")


def test_destroyed_during_the_occupation_years_is_historical():
    got = one("وتقول نازحة أذربيجانية إن منزلها دمر خلال سنوات الاحتلال.")
    assert (got["category"], got["historical"]) == ("houses", True)


def test_captured_versus_destroyed():
    got = rows("وقال علييف إنه تم تدمير 56 مدفع هاون. كما أكد السيطرة على 18 دبابة تابعة للجيش الأرميني.")
    assert [(r["category"], r["action"]) for r in got] == [("mortars", "destroyed"), ("tanks", "captured")]


def test_denial_fills_denied_by_and_keeps_the_claim():
    r = one("وأوضحت متحدثة باسم وزارة الدفاع الأرمينية أن الدفاع الجوي استهدف طائرة أذربيجانية، "
            "وهو ما نفته وزارة الدفاع الأذربيجانية.")
    assert (r["claimant_party"], r["category"], r["denied_by"]) == ("Armenia", "aircraft", "Azerbaijan")


def test_denial_in_the_next_sentence():
    got = rows("وقالت وزارة الدفاع الأرمينية إن قواتها دمرت 15 دبابة أذربيجانية.\n"
               "في المقابل، نفت وزارة الدفاع الأذربيجانية هذه الأرقام.")
    assert [(r["value"], r["denied_by"]) for r in got] == [(15, "Azerbaijan")]


def test_historical_context_is_flagged():
    r = one("وانفصل الإقليم عن أذربيجان مع انهيار الاتحاد السوفياتي؛ مما تسبب في حرب أوقعت 30 ألف قتيل.")
    assert (r["value"], r["historical"], r["cumulative"]) == (30000, True, False)


def test_vague_numbers():
    r = one("ويؤكد كل من المعسكرين أنه قتل الآلاف في صفوف المعسكر الآخر.")
    assert (r["value"], r["qualifier"], r["number_text"]) == (1000, "vague", "الآلاف")


@pytest.mark.parametrize(
    "text",
    [
        "وأكدت أن قواتها تمكنت من تدميره على ارتفاع 20 كم قبل وصوله.",
        "بدأت المعارك في 27 سبتمبر/أيلول الماضي، وفق بيان صدر في 14 صفر 1442.",
        "وقال إن المفاوضات استمرت 30 عاما، وإن القصف استمر 24 ساعة.",
        "استهدفت وحداتها الفوج الخامس من القوات الأرمينية.",
        "دعا نحو 20 نائبا فرنسيا إلى الاعتراف، كما دعا أكثر من 170 مسؤولا منتخبا فرنسا إلى التحرك.",
        "وكان مئات من الناس شاركوا في مظاهرة أمام الجمعية الوطنية.",
        "وتحتل أرمينيا منذ عام 1992 نحو 20 بالمئة من الأراضي الأذربيجانية.",
        "وأطلقت القوات 50 قذيفة هاون على المدينة.",
        "وشارك نحو 300 شخص في مسيرة في باريس.",
    ],
)
def test_never_a_loss(text):
    assert rows(text) == []


def test_age_is_not_a_count_but_the_person_is_one():
    # the age (13 عاما) is never the count; the boy who died is one death ("فتى" is a person noun)
    r = one("كما أعلنت أذربيجان أن فتى روسيا يبلغ من العمر 13 عاما توفي اليوم.")
    assert (r["value"], r["category"], r["number_text"], r["population"]) == (1, "killed", "فتى", "civilian")


def test_new_person_nouns_and_bare_others():
    # "صحافي" is the other spelling of "صحفي"; "آخرين" stands for people when the verb follows
    got = rows("وقالت وزارة الدفاع الأرمينية إن صحافيين اثنين أصيبا، وإن 6 آخرين قتلوا في القصف.")
    assert [(r["value"], r["category"]) for r in got] == [(2, "wounded"), (6, "killed")]
    got = rows("وأعلنت وزارة الدفاع الأرمينية مقتل 3 أشخاص، بينهم صحافيان أرمنيان.")
    assert [(r["value"], r["category"], r["population"]) for r in got] == [(3, "killed", "unspecified"),
                                                                           (2, "killed", "civilian")]


def test_lost_equipment_and_searched_people():
    r = one("واعترفت وزارة الدفاع الأرمينية بفقدان طائرة واحدة.")
    assert (r["category"], r["action"], r["value"]) == ("aircraft", "destroyed", 1)
    r = one("وقالت وزارة الطوارئ الأرمينية إن فرقها تبحث عن 7 أشخاص تحت الركام.")
    assert (r["category"], r["value"]) == ("missing", 7)


def test_dual_joined_after_a_model_number_counts_two():
    got = rows("وقالت وزارة الدفاع الأرمينية إنها دمرت 4 راجمات من طراز بي إم-21 ومدفعي هاون.")
    assert [(r["category"], r["value"]) for r in got] == [("mlrs", 4), ("mortars", 2)]


def test_repeated_claim_is_one_row_with_mentions():
    got = rows("وأعلنت أذربيجان مقتل 47 مدنيا.\nوقالت أذربيجان إن القصف أسفر عن مقتل 47 مدنيا.")
    assert [(r["value"], r["mentions"]) for r in got] == [(47, 2)]


def test_headline_joins_the_attributed_claim():
    got = rows("مقتل 47 مدنيا في هجمات أرمينيا\nوأعلنت أذربيجان عن مقتل 47 مدنيا في القصف الأرميني.")
    assert [(r["value"], r["mentions"], r["claimant_party"]) for r in got] == [(47, 2, "Azerbaijan")]


def test_distinct_list_items_with_equal_values_stay_apart():
    got = rows("وقال علييف إنه تم تدمير نظامين دفاع جوي من طراز ريم، ونظامي دفاع صاروخي كوب.")
    assert [(r["category"], r["value"]) for r in got] == [("air_defense", 2), ("air_defense", 2)]


# ------------------------------------------------------------------ robustness

_SYNONYMS = [("الأذرية", "الأذربيجانية"), ("الأذري", "الأذربيجاني"), ("أعلنت", "قالت")]


def _claims(rs: list[dict]) -> list[tuple]:
    keys = ("claimant_party", "affected_side", "category", "population", "action", "value", "qualifier",
            "cumulative", "historical", "denied_by", "mentions")
    return sorted(tuple(r[k] for k in keys) for r in rs)


def test_reordered_paragraphs_and_synonyms_give_the_same_claims(seeds):
    a = next(x for x in seeds if "إنترفاكس" in x.raw)
    base = _claims(extract_losses(a, PROFILE))
    paras = [p for p in re.split(r"\n\s*\n", a.raw) if p.strip()]
    raw = "\n\n".join(reversed(paras))
    for x, y in _SYNONYMS:
        raw = raw.replace(x, y)
    changed = Article(article_id=a.article_id, file=a.file, raw=raw, encoding="utf-8", outlet=a.outlet,
                      published=a.published)
    assert raw != a.raw
    assert _claims(extract_losses(changed, PROFILE)) == base


# ------------------------------------------------------------------ gold floors

@pytest.fixture(scope="module")
def scores():
    return {s.name: s for s in evaluate_sets()}


def test_seed_gold_floor(scores):
    s = scores["seeds"]
    assert s.f1 >= 0.97
    assert s.accuracy("claimant_party") >= 0.95
    assert s.accuracy("affected_side") >= 0.95


def test_passage_gold_floor(scores):
    s = scores["passages"]
    assert s.f1 >= 0.95
    assert s.accuracy("claimant_party") >= 0.80
    assert s.accuracy("affected_side") >= 0.85


# ---------------------------------------------------------------- held-out lessons (general rules)

def _find(got: list[dict], category: str, value: int) -> dict:
    hit = [r for r in got if r["category"] == category and r["value"] == value]
    assert hit, got
    return hit[0]


def test_eliminated_counts_people_killed():
    r = one("وقال الجيش الأذربيجاني إن وحداته قضت على أكثر من ثلاثمئة من عناصر القوات الأرمينية.")
    assert (r["category"], r["value"], r["qualifier"], r["affected_side"]) == ("killed", 300, "more_than", "armenian")


def test_first_person_lost_is_a_loss_of_the_speaker():
    r = one('وقال وزير الدفاع الأرميني: "لقد فقدنا نحو ألف جندي في المعارك".')
    assert (r["category"], r["value"], r["affected_side"]) == ("killed", 1000, "armenian")


def test_fate_unknown_is_missing():
    r = one("وقالت المنظمة إن مصير نحو 200 شخص من الطرفين لا يزال مجهولا.")
    assert (r["category"], r["value"], r["affected_side"]) == ("missing", 200, "both")


def test_unknown_drone_is_not_missing():
    assert rows("وقالت الوزارة إن طائرة مسيرة مجهولة حلقت فوق المدينة، وإن 500 جندي انتشروا فيها.") == []


def test_single_public_building_hit():
    r = one("وقالت وزارة الدفاع الأرمينية إن قصفا صاروخيا أصاب مدرسة في المدينة.")
    assert (r["category"], r["value"], r["action"]) == ("public_buildings", 1, "damaged")


def test_noun_first_then_passive_verb():
    r = one('وأعلنت وزارة الدفاع الأرمينية أن طائرة مسيرة أذربيجانية من طراز "بيرقدار" أسقطت فوق مدينة غوريس.')
    assert (r["category"], r["value"], r["affected_side"]) == ("drones", 1, "azerbaijani")


def test_noun_subject_of_active_verb_is_not_a_loss():
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن طائرة مسيرة أسقطت مروحية أرمينية.")
    assert [(r["category"], r["affected_side"]) for r in got] == [("helicopters", "armenian")]


def test_time_adverbial_between_verb_and_object():
    r = one("وقالت وزارة الدفاع الأرمينية إن قواتها أسقطت، صباح الأحد، مروحية أذربيجانية قرب الحدود.")
    assert (r["category"], r["value"], r["affected_side"]) == ("helicopters", 1, "azerbaijani")


def test_third_country_crew_is_side_other_and_military():
    got = rows("أعلنت وزارة الدفاع الروسية أن طائرة نقل روسية أسقطت فوق الحدود، ما أسفر عن مقتل ثلاثة من أفراد طاقمها.")
    k = _find(got, "killed", 3)
    assert (k["affected_side"], k["population"]) == ("other", "military")


def test_made_in_a_third_country_stays_with_its_owner():
    r = one("وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت 5 دبابات روسية الصنع تابعة للجيش الأرميني.")
    assert r["affected_side"] == "armenian"


def test_enemy_losses_are_military():
    got = rows("وقالت وزارة الدفاع الأرمينية إن قواتها كبدت العدو خسائر بلغت نحو 200 قتيل.")
    assert _find(got, "killed", 200)["population"] == "military"


def test_of_them_takes_the_population_of_the_group():
    got = rows("وقال مصدر عسكري أرميني إن قصفا استهدف شاحنة تقل جنودا قرب البلدة، ما أدى إلى مقتل 5 منهم.")
    assert _find(got, "killed", 5)["population"] == "military"


def test_people_among_them_children_are_civilians():
    got = rows("وقالت وزارة الطوارئ الأذربيجانية إن القصف أدى إلى إصابة 12 شخصا بينهم ثلاثة أطفال.")
    assert _find(got, "wounded", 12)["population"] == "civilian"


def test_running_total_without_noun_and_its_increment():
    got = rows("وقالت وزارة الدفاع الأرمينية إن 12 جنديا أرمينيا قتلوا في المعارك، "
               "لترتفع حصيلة القتلى العسكريين منذ بدء القتال إلى 540.")
    assert _find(got, "killed", 12)["cumulative"] is False
    assert _find(got, "killed", 540)["cumulative"] is True


def test_running_count_of_places_taken():
    got = rows("وأعلنت وزارة الدفاع الأذربيجانية السيطرة على 4 قرى جديدة، ليرتفع عدد القرى المحررة إلى 71.")
    r = _find(got, "settlements", 71)
    assert (r["action"], r["cumulative"]) == ("taken", True)
    assert _find(got, "settlements", 4)["cumulative"] is False


@pytest.mark.parametrize("text,value", [
    ("وقال الرئيس الأذربيجاني إن قواتنا دمرت منذ 27 سبتمبر أكثر من 300 دبابة أرمينية.", 300),
    ("وقالت وزارة الصحة الأرمينية إن عدد قتلى المدنيين بلغ 61 قتيلا.", 61),
    ("وأفادت وزارة الصحة الأرمينية بارتفاع عدد القتلى المدنيين إلى 45.", 45),
    ("وقالت وزارة الدفاع الأرمينية إنها تسلمت جثث 900 جندي حتى منتصف نوفمبر.", 900),
])
def test_cumulative_cues(text, value):
    r = [x for x in rows(text) if x["value"] == value]
    assert r and r[0]["cumulative"] is True, rows(text)


def test_until_date_before_the_claim_is_not_cumulative():
    r = one("حتى 3 أكتوبر، كانت أذربيجان قد أعلنت السيطرة على 9 قرى.")
    assert r["cumulative"] is False


def test_subset_among_them_after_a_date_in_words():
    got = rows("أعلنت وزارة الصحة الأرمينية أن عدد القتلى المدنيين ارتفع إلى اثنين وخمسين شخصا "
               "منذ الخامس من تشرين الأول/أكتوبر، بينهم سبعة أطفال.")
    k = _find(got, "killed", 7)
    assert (k["population"], k["cumulative"]) == ("civilian", True)
    assert _find(got, "killed", 52)["cumulative"] is True


def test_nearer_verb_governs_and_infantry_fighting_vehicle():
    got = rows("وقال الرئيس الأذربيجاني إن قواتنا دمرت 20 دبابة وغنمت 15 عربة قتال مشاة.")
    r = _find(got, "armored_vehicles", 15)
    assert r["action"] == "captured"


def test_dual_residential_buildings():
    got = rows("وقالت وزارة الطوارئ الأذربيجانية إن الصاروخ أدى إلى تدمير مبنيين سكنيين بالكامل.")
    assert _find(got, "apartment_buildings", 2)["action"] == "destroyed"


def test_particle_faqad_is_not_lost_and_displaced_are_not_losses():
    assert rows("ووفقا لأرقام المفوضية، فقد نزح نحو 50 ألف شخص من المنطقة.") == []


def test_plural_noun_counted_by_ithnayn_after_it():
    got = rows("وقالت وزارة الخارجية الأرمينية إن القصف أدى إلى إصابة صحفيين فرنسيين اثنين.")
    r = _find(got, "wounded", 2)
    assert (r["number_text"], r["affected_side"], r["population"]) == ("صحفيين فرنسيين اثنين", "other", "civilian")


@pytest.mark.parametrize("text,side", [
    ('وقال علييف: "لقد خسر العدو 30 دبابة".', "armenian"),
    ("وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية خسرت 25 دبابة.", "azerbaijani"),
    ("وأعلن الرئيس الأذربيجاني أن الجيش الأرميني فقد نحو ألفي جندي.", "armenian"),
])
def test_side_of_lost_comes_from_its_subject(text, side):
    assert one(text)["affected_side"] == side


def test_headline_state_and_body_ministry_are_one_claim():
    got = rows("يريفان: إسقاط 3 مروحيات أذربيجانية\n"
               "أعلنت وزارة الدفاع الأرمينية، السبت، أن قواتها أسقطت 3 مروحيات أذربيجانية قرب هدروت.")
    assert len(got) == 1, got
    assert (got[0]["claimant"], got[0]["mentions"]) == ("وزارة الدفاع الأرمينية", 2)


def test_denial_of_these_claims_two_sentences_later_spares_own_admissions():
    got = rows("وقالت وزارة الدفاع الأرمينية إن 9 من جنودها أصيبوا بجروح.\n"
               "وأضافت أن قواتها دمرت 14 دبابة أذربيجانية.\n"
               "وفي بيان منفصل، رفضت وزارة الدفاع الأذربيجانية هذه \"الاتهامات الملفقة\".")
    assert _find(got, "tanks", 14)["denied_by"] == "Azerbaijan"
    assert _find(got, "wounded", 9)["denied_by"] == ""


def test_lie_and_fabrications_are_denials():
    got = rows("وقالت وزارة الدفاع الأرمينية إن قواتها أسقطت 4 طائرات مسيرة أذربيجانية.\n"
               "لكن مساعد الرئيس الأذربيجاني حكمت حاجييف كتب أن \"كل ما يقال عن ذلك كذب محض\".")
    assert _find(got, "drones", 4)["denied_by"] == "Azerbaijan"


def test_denial_in_the_same_sentence():
    r = one("وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت 7 دبابات أرمينية، بينما نفت يريفان ذلك.")
    assert r["denied_by"] == "Armenia"


# ------------------------------------------------------------------ heldout-2 generalisations

def test_day_word_before_a_counted_noun_is_not_a_date():
    r = one("قالت وزارة الدفاع الأرمينية إن الجيش الأذربيجاني خسر مساء الجمعة خمس دبابات قرب جبرائيل.")
    assert (r["category"], r["value"]) == ("tanks", 5)
    assert rows("وقال الجيش إن الهجوم بدأ يوم 14 وانتهى بعد ساعات.") == []


def test_fell_is_killed_in_a_count_context():
    r = one("أعلنت وزارة الدفاع الأرمينية أن عدد المقاتلين الذين سقطوا في الجبهة الشمالية وصل إلى 212.")
    assert (r["category"], r["value"], r["cumulative"]) == ("killed", 212, True)


def test_quoted_vague_amount_then_its_noun():
    r = one("وقالت وزارة الدفاع الأذربيجانية إن قواتها غنمت \"عشرات\" العربات خلال الهجوم.")
    assert (r["category"], r["value"], r["qualifier"], r["action"]) == ("vehicles", 10, "vague", "captured")
    r = one("وزعمت وزارة الدفاع الأذربيجانية أن الجيش الأرميني خسر \"بضع عشرات\" من المقاتلين.")
    assert (r["category"], r["value"], r["number_text"]) == ("killed", 10, "بضع عشرات")


def test_count_of_possessed_people_after_min():
    r = one("وقالت وزارة الدفاع الأذربيجانية إن العدو فقد قرابة 150 من مقاتليه قرب قبادلي.")
    assert (r["category"], r["value"], r["affected_side"], r["population"]) == ("killed", 150, "armenian", "military")
    r = one("وقالت وزارة الدفاع الأرمينية: أصيب في القصف 9 من جنودنا.")
    assert (r["category"], r["value"], r["affected_side"]) == ("wounded", 9, "armenian")


def test_bare_count_after_verb_and_gap_words():
    got = rows("وقالت وزارة الدفاع الأرمينية إن القصف الأذربيجاني على القرية قتل منهم حتى الآن 17 على الأقل.")
    assert [(r["category"], r["value"], r["qualifier"]) for r in got] == [("killed", 17, "at_least")]
    r = one("وقالت وزارة الدفاع الأرمينية إن العدو تكبد خسائر بشرية كبيرة تقدر بالمئات.")
    assert (r["category"], r["value"], r["qualifier"], r["affected_side"]) == ("killed", 100, "vague", "azerbaijani")


def test_antecedent_of_of_them_is_not_the_casualty_count():
    got = rows("وقالت منظمة حقوقية إن نحو 1500 مقاتل أجنبي نقلوا إلى الجبهة، قتل منهم حتى اليوم 60.")
    assert [(r["category"], r["value"]) for r in got] == [("killed", 60)]


def test_still_missing_after_a_bare_count():
    got = rows("وأعلنت وزارة الدفاع الأذربيجانية مقتل 30 جنديا، فيما لا يزال أكثر من عشرين في عداد المفقودين.")
    assert _find(got, "missing", 20)["qualifier"] == "more_than"
    got = rows("وقالت الوزارة إن 5 جنود قتلوا وإن 2 آخرين ما زالا في عداد المفقودين.")
    assert _find(got, "missing", 2)


def test_dual_of_a_person_noun_and_bodies():
    r = one("وقالت الخارجية الإيطالية إن مراسلان إيطاليان أصيبا في القصف.")
    assert (r["category"], r["value"]) == ("wounded", 2)
    r = one("وأعلن الصليب الأحمر أنه نقل 15 جثة لجنود أرمن إلى يريفان.")
    assert (r["category"], r["value"], r["population"], r["affected_side"]) == ("killed", 15, "military", "armenian")


def test_radar_station_fuel_depot_and_tochka_launcher():
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت محطة رادار و4 مستودعات للوقود ومنصة إطلاق صواريخ \"توتشكا\".")
    cats = {(r["category"], r["value"]) for r in got}
    assert cats == {("air_defense", 1), ("ammo_depots", 4), ("missiles", 1)}, got


def test_verb_subject_object_with_a_forces_subject():
    got = rows("وقالت وزارة الدفاع الأذربيجانية: أسقطت وحداتنا المضادة للطيران مروحية ومقاتلة.")
    assert {(r["category"], r["value"], r["affected_side"]) for r in got} == {
        ("helicopters", 1, "armenian"), ("aircraft", 1, "armenian")}
    # a subject that does not name forces is not skipped over
    assert rows("وقالت الوزارة إن الحرب دمرت حياة السكان ومستقبلهم طائرة.") == []


def test_single_person_among_a_toll_inherits_its_action_and_side():
    got = rows("وقالت وزارة الخارجية الفرنسية إن القصف أدى إلى إصابة أربعة صحفيين فرنسيين، بينهم مصور مستقل.")
    assert [(r["category"], r["value"]) for r in got] == [("wounded", 4)]  # مصور is not a person noun
    got = rows("وقالت سلطات أرتساخ إن الغارة أسفرت عن مقتل 5 مدنيين، بينهم طبيب، في مارتاكرت.")
    doc = _find(got, "killed", 1)
    assert (doc["number_text"], doc["affected_side"], doc["population"]) == ("طبيب", "armenian", "civilian")


def test_increment_and_subset_take_the_side_of_the_first_item():
    got = rows("وقالت وزارة الدفاع التركية إن القصف الأرميني خلف مقتل 20 مدنيا أذربيجانيا، بينهم 5 أطفال، "
               "وإصابة 80 آخرين.")
    assert {r["affected_side"] for r in got} == {"azerbaijani"}, got


def test_buildings_named_after_a_complement_then_damaged_or_destroyed():
    got = rows("وقال سكان محليون بأن مستشفى البلدة ومبنى مدرسة تضررا في القصف.")
    assert [(r["category"], r["value"], r["action"]) for r in got] == [
        ("public_buildings", 1, "damaged"), ("public_buildings", 1, "damaged")]
    r = one("وقالت مصادر محلية إن الكنيسة القديمة في القرية دمرت بالكامل.")
    assert (r["category"], r["value"], r["action"]) == ("public_buildings", 1, "destroyed")
    assert rows("وقالت مصادر محلية إن الكنيسة القديمة في القرية تستقبل النازحين.") == []


def test_relative_clause_verb_does_not_beat_the_main_predicate():
    r = one("وقال أمين المظالم الأذربيجاني إن 3 من الجنود الأذربيجانيين الذين أسرتهم القوات الأرمينية "
            "في الجبهة ما زالوا في عداد المفقودين.")
    assert (r["category"], r["value"], r["affected_side"]) == ("missing", 3, "azerbaijani")
    # without a main casualty predicate the clause still says what happened to them
    r = one("وقالت الوزارة إن 3 من الجنود الذين أصيبوا في القصف نقلوا إلى المستشفى.")
    assert r["category"] == "wounded"


def test_attacker_in_a_count_context_names_the_other_side():
    r = one("أعلنت وزارة دفاع قره باغ أن عدد المقاتلين الذين سقطوا منذ بدء الهجوم الأذربيجاني بلغ 390.")
    assert (r["affected_side"], r["claimant_party"]) == ("armenian", "Artsakh")


def test_accusative_attack_noun_with_adjective_names_the_attacker():
    r = one("قالت مصادر محلية في مدينة بردعة الأذربيجانية إن هجوما صاروخيا أرمينيا أسفر عن مقتل 6 أشخاص.")
    assert r["affected_side"] == "azerbaijani"


def test_place_names_and_control_are_not_side_cues():
    r = one("وقالت الخارجية الإيرانية إن قذيفة سقطت على قرية في محافظة أذربيجان الغربية ما أدى إلى تضرر منزلين.")
    assert r["affected_side"] != "azerbaijani"
    r = one("وتسلمت السلطات الأرمينية رفات 210 جنود من مناطق انتقلت إلى سيطرة أذربيجان.")
    assert r["affected_side"] != "both"


def test_first_person_verbs_hit_the_speakers_enemy():
    r = one("وقال سفير أذربيجان لدى القاهرة: لقد أسرنا ثلاثة منهم.")
    assert (r["category"], r["affected_side"]) == ("prisoners", "armenian")
    r = one("وقالت وزارة الدفاع الأرمينية: فقدنا 5 جنود.")
    assert r["affected_side"] == "armenian"


def test_buildings_after_named_victims_share_their_side():
    got = rows("وقالت وزارة الخارجية التركية إن القصف الأرميني أدى إلى مقتل 9 مدنيين أذربيجانيين وتضرر 120 منزلا.")
    assert _find(got, "houses", 120)["affected_side"] == "azerbaijani"


def test_so_far_is_cumulative_but_a_record_comparison_is_not():
    got = rows("وقالت سلطات أرتساخ: حتى هذه اللحظة قتل 30 مدنيا وأصيب 90.")
    assert [r["cumulative"] for r in got] == [True, True]
    r = one("وقالت وزارة الدفاع الأرمينية إن القصف قتل 8 مدنيين، في حصيلة تعد الأعلى منذ بدء المعارك.")
    assert r["cumulative"] is False


def test_reached_their_number_and_victims_population():
    r = one("وأعلنت باكو عن الضحايا المدنيين الذين بلغ عددهم، وفق الوزارة، 70 قتيلا.")
    assert (r["cumulative"], r["population"]) == (True, "civilian")
    r = one("أعلنت وزارة دفاع قره باغ أن عدد العسكريين الذين سقطوا ارتفع إلى 600.")
    assert r["population"] == "military"


def test_partly_destroyed_is_damaged():
    assert one("وقالت سلطات أرتساخ إن القصف دمر نحو 900 منزل بشكل كلي أو جزئي.")["action"] == "damaged"
    assert one("وقالت سلطات أرتساخ إن القصف دمر 40 منزلا جزئيا.")["action"] == "damaged"
    assert one("وقالت سلطات أرتساخ إن القصف دمر 40 منزلا بشكل كامل.")["action"] == "destroyed"


def test_pieces_of_military_hardware_are_vehicles():
    got = rows("وقال الرئيس الأذربيجاني إن العدو فقد نحو 1500 قطعة من المعدات العسكرية، بينها 200 دبابة.")
    assert {(r["category"], r["value"]) for r in got} == {("vehicles", 1500), ("tanks", 200)}
    assert rows("وقال إن المتحف يضم 1500 قطعة أثرية.") == []


def test_a_named_town_or_a_height_taken_counts_one_but_an_unnamed_town_does_not():
    got = rows("وقال الجيش الأذربيجاني إنه حرر مدينة قوبادلي وبلدة \"زنغلان\" بعد معارك عنيفة منذ بدء الهجوم.")
    assert [(r["category"], r["value"], r["action"], r["cumulative"]) for r in got] == [
        ("settlements", 1, "taken", False), ("settlements", 1, "taken", False)]
    assert [r["number_text"] for r in got] == ["مدينة قوبادلي", "بلدة \"زنغلان\""]
    assert got[0]["affected_side"] == "armenian"
    h = one("وأكدت وزارة الدفاع الأذربيجانية السيطرة على مرتفع استراتيجي قرب لاتشين.")
    assert (h["category"], h["value"]) == ("settlements", 1)
    assert rows("وأفاد مراسلون بأن القوات تقدمت نحو مدينة استراتيجية في الجنوب.") == []
    assert rows("وقالت باكو إن قواتها سيطرت على مدينة استراتيجية في الجنوب.") == []
    assert rows("وتقع البلدة على مرتفع يطل على الوادي.") == []


def test_a_denial_that_names_a_category_covers_only_those_claims():
    raw = ("وقال المتحدث باسم وزارة الدفاع الأرمينية إن قواتنا دمرت 6 دبابات أذربيجانية وأسقطت مروحيتين.\n"
           "ونفت وزارة الدفاع الأذربيجانية إسقاط أي مروحية تابعة لها.")
    got = {r["category"]: r["denied_by"] for r in rows(raw)}
    assert got == {"tanks": "", "helicopters": "Azerbaijan"}
    generic = ("وقال المتحدث باسم وزارة الدفاع الأرمينية إن قواتنا دمرت 6 دبابات أذربيجانية وأسقطت مروحيتين.\n"
               "ونفت وزارة الدفاع الأذربيجانية هذه الأرقام جملة وتفصيلا.")
    assert {r["denied_by"] for r in rows(generic)} == {"Azerbaijan"}


def test_a_read_also_link_line_holds_no_claim_of_the_article():
    raw = ("قالت وزارة الدفاع الأرمينية إن 12 جنديا قتلوا.\n"
           "اقرأ أيضا: باكو تعلن تدمير 9 دبابات أرمينية قرب فضولي\n"
           "شاهد أيضا - مقتل 5 مدنيين في قصف على مارتوني")
    got = rows(raw)
    assert [(r["category"], r["value"]) for r in got] == [("killed", 12)]


def test_a_capped_count_after_count_of_and_a_denial_that_gives_its_own_figure():
    raw = ("وقالت يريفان إن أذربيجان تحتجز 75 أسيرا أرمنيا على الأقل.\n"
           "ونفت باكو ذلك، وأكدت أن عدد الأسرى الأرمن لديها لا يتجاوز 31.")
    got = {r["value"]: r for r in rows(raw)}
    assert set(got) == {75, 31}
    assert (got[31]["category"], got[31]["qualifier"], got[31]["claimant_party"]) == ("prisoners", "up_to", "Azerbaijan")
    assert got[75]["denied_by"] == "Azerbaijan" and got[31]["denied_by"] == ""


def test_an_intercepted_missile_is_the_loss_of_the_side_that_fired_it():
    got = one("وقالت وزارة الدفاع الأرمينية إن دفاعاتها اعترضت 5 صواريخ أذربيجانية فوق يريفان.")
    assert (got["category"], got["value"], got["affected_side"]) == ("missiles", 5, "azerbaijani")
    got = one("وأكد الجيش الأذربيجاني أنه اعترض صاروخا أطلق من الأراضي الأرمينية باتجاه مينغاشيفير.")
    assert (got["category"], got["value"], got["affected_side"]) == ("missiles", 1, "armenian")


def test_possessed_toll_nouns_close_a_running_total_and_casualty_adjectives_name_the_category():
    got = rows("وأعلن جيش أرتساخ مقتل 14 جنديا، ليرتفع إجمالي قتلاه إلى 377.")
    assert [(r["value"], r["category"], r["cumulative"]) for r in got] == [(14, "killed", False), (377, "killed", True)]
    got = one("وأشارت الوزارة إلى استمرار البحث عن المفقودين، وإلى أن 640 جنديا جريحا يعالجون في المستشفيات.")
    assert (got["value"], got["category"], got["population"]) == (640, "wounded", "military")


def test_since_and_during_war_with_conjunction_are_running_totals():
    """'ومنذ بدء المعارك' (with و) and 'خلال الحرب' / 'خلال خمسة أسابيع من القتال' make a running total;
    'خلال اليومين الماضيين' does not."""
    r = one("وقالت وزارة الدفاع الأرمينية إنه ومنذ بدء المعارك قتل 312 جنديا أرمينيا.")
    assert r["value"] == 312 and r["cumulative"] is True
    r = one("وقالت النيابة العامة الأذربيجانية إن 67 مدنيا أذربيجانيا قتلوا خلال الحرب.")
    assert r["value"] == 67 and r["cumulative"] is True
    r = one("وقالت النيابة العامة الأذربيجانية إن 48 مدنيا أذربيجانيا قتلوا خلال خمسة أسابيع من القتال.")
    assert r["value"] == 48 and r["cumulative"] is True
    r = one("وقالت النيابة العامة الأذربيجانية إن 9 مدنيين أذربيجانيين قتلوا خلال اليومين الماضيين.")
    assert r["value"] == 9 and r["cumulative"] is False
    r = one("وقالت وزارة الدفاع الأذربيجانية إن وحداتها دمرت خلال المعارك الليلية 6 دبابات أرمينية.")
    assert r["value"] == 6 and r["cumulative"] is False


def test_relative_clause_after_the_groups_own_verb_does_not_reach_a_later_count():
    """'N عسكريا قتلوا خلال الحرب التي ...، فيما لا يزال M في عداد المفقودين': N killed, M missing."""
    got = rows("أعلنت وزارة الدفاع الأذربيجانية أن 1510 عسكريين قتلوا خلال الحرب التي دارت في الخريف، "
               "فيما لا يزال أكثر من 60 في عداد المفقودين.")
    cats = sorted((r["category"], r["value"]) for r in got)
    assert cats == [("killed", 1510), ("missing", 60)], cats


def test_headline_figure_joins_the_attributed_body_claim():
    """An unattributed headline count repeated in the body with a claimant is one claim with the
    body's claimant, side and population; a 'STATE:' headline joins its own institution's claim."""
    got = rows("9 قتلى في قصف على مدينة ترتر\n\n"
               "قالت النيابة العامة الأذربيجانية إن 9 مدنيين أذربيجانيين قتلوا في قصف أرميني على ترتر.")
    assert len(got) == 1, got
    r = got[0]
    assert (r["claimant_party"], r["affected_side"], r["population"], r["mentions"]) == (
        "Azerbaijan", "azerbaijani", "civilian", 2)
    got = rows("أرمينيا: 17 قتيلا في صفوف الجيش\n\n"
               "أعلنت وزارة الدفاع الأرمينية أن حصيلة قتلاها ارتفعت إلى 17.")
    assert len(got) == 1, got
    assert (got[0]["claimant_party"], got[0]["population"], got[0]["mentions"]) == ("Armenia", "military", 2)


def test_running_toll_named_before_the_number():
    """'ارتفاع عدد قتلاه إلى N جنديا' (noun after the number, no verb) is killed and cumulative;
    'لتتجاوز حصيلة قتلاها N' is more_than; the toll takes the population of the increment before it."""
    got = rows("وأعلن جيش أرتساخ ارتفاع عدد قتلاه إلى 845 جنديا.")
    assert [(r["category"], r["value"], r["cumulative"]) for r in got] == [("killed", 845, True)], got
    got = rows("وأعلنت وزارة الدفاع الأرمينية مقتل 23 جنديا آخرين، لتتجاوز حصيلة قتلاها 640 منذ بدء القتال.")
    tot = [r for r in got if r["value"] == 640]
    assert len(tot) == 1, got
    assert (tot[0]["category"], tot[0]["qualifier"], tot[0]["cumulative"], tot[0]["population"]) == (
        "killed", "more_than", True, "military")
    got = rows("وأفادت وزارة الدفاع الأرمينية بمقتل 12 عسكريا آخرين، لترتفع حصيلة قتلاها المعلنة إلى 377.")
    tot = [r for r in got if r["value"] == 377]
    assert len(tot) == 1 and tot[0]["population"] == "military", got


def test_definite_toll_with_an_army_possessor_is_that_armys():
    """'الحصيلة النهائية لقتلى الجيش الأذربيجاني ارتفعت إلى N': killed, cumulative, the army named
    after the casualty word is the victim (not a subject), military."""
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن الحصيلة النهائية لقتلى الجيش الأذربيجاني ارتفعت إلى 1904.")
    assert len(got) == 1, got
    r = got[0]
    assert (r["category"], r["value"], r["cumulative"], r["affected_side"], r["population"]) == (
        "killed", 1904, True, "azerbaijani", "military")


def test_lives_saved_are_not_a_loss():
    """'ستنقذ حياة مئات المدنيين' (lives saved or protected) is no casualty claim; 'أودت بحياة' still is."""
    assert rows("وقال المتحدث إن إزالة الألغام ستنقذ حياة مئات المدنيين في الإقليم.") == []
    assert rows('وقال المتحدث إن إزالة الألغام "ستنقذ حياة مئات المدنيين" في الإقليم.') == []
    r = one("وقالت وزارة الدفاع الأرمينية إن الغارة أودت بحياة 7 مدنيين أرمن.")
    assert (r["category"], r["value"]) == ("killed", 7)


def test_lives_threatened_are_not_a_loss():
    """'تهدد حياة' / 'يعرض حياة ... للخطر' (lives threatened or put at risk) count no dead."""
    assert rows("وحذر مهندسون من أن انهيار الجسر قد يهدد حياة نحو 30 ألف شخص في البلدة.") == []
    assert rows("وقالت المنظمة إن القصف العشوائي يعرض حياة 200 طفل للخطر.") == []
    r = one("وقالت وزارة الدفاع الأرمينية إن القصف حصد حياة 4 مدنيين أرمن.")
    assert (r["category"], r["value"]) == ("killed", 4)


def test_martyrs_are_the_claimants_own_dead():
    """'استشهدوا' / 'شهيدا' in a belligerent's statement are its own dead, even with the enemy named nearby."""
    r = one("وقالت وزارة الدفاع الأذربيجانية إن 415 عسكريا استشهدوا في المعارك ضد القوات الأرمينية.")
    assert (r["value"], r["affected_side"]) == (415, "azerbaijani")
    r = one("وأعلنت وزارة الدفاع الأذربيجانية سقوط 38 شهيدا في هجوم للجيش الأرميني.")
    assert (r["value"], r["affected_side"]) == (38, "azerbaijani")


def test_count_since_the_end_of_the_war_is_a_running_total():
    """'منذ انتهاء الحرب' / 'منذ نهاية القتال' (since the war ended) is a running total, like 'منذ بدء'."""
    r = one("وقالت وزارة الطوارئ الأرمينية إن 9 مدنيين أرمن قتلوا بانفجار قذائف منذ انتهاء الحرب.")
    assert (r["value"], r["cumulative"]) == (9, True)
    r = one("وقالت وزارة الطوارئ الأرمينية إن 9 مدنيين أرمن قتلوا بانفجار قذائف في قرية حدودية.")
    assert (r["value"], r["cumulative"]) == (9, False)


def test_a_finished_wars_toll_is_a_running_total():
    """'بعد حرب أودت بحياة N' / 'حرب ... قتل فيها N' (one finished war, indefinite) is a running total."""
    r = one("وتأتي الاحتجاجات عقب حرب أودت بحياة نحو 2500 مقاتل من الطرفين.")
    assert (r["value"], r["cumulative"]) == (2500, True)
    r = one("ويأتي التوتر بعد عامين من حرب دامت 6 أسابيع، قتل فيها أكثر من 4100 شخص.")
    assert (r["value"], r["cumulative"]) == (4100, True)


def test_a_mine_adjective_names_the_attacker_not_the_victim():
    """'بانفجار ألغام أذربيجانية' names who laid the mines: the victims are the other side."""
    r = one("وقالت وزارة الطوارئ الأرمينية إن 3 أشخاص قتلوا بانفجار ألغام أذربيجانية قرب الحدود.")
    assert (r["value"], r["affected_side"]) == (3, "armenian")


def test_relatives_of_casualties_are_not_casualties():
    """'80 من ذوي الأسرى' / '40 من أهالي المفقودين' are relatives, never a loss."""
    assert rows("وتظاهر قرابة 80 من ذوي الأسرى أمام مقر الحكومة في باكو.") == []
    assert rows("واعتصم 40 من أهالي المفقودين أمام البرلمان.") == []


def test_treated_in_hospital_and_gave_their_lives():
    """'N جندي يتلقون العلاج' is wounded; 'N من جنودنا ضحوا بحياتهم' is killed."""
    r = one("وقالت وزارة الدفاع الأرمينية إن 640 جنديا يتلقون العلاج في مستشفيات يريفان.")
    assert (r["category"], r["value"]) == ("wounded", 640)
    r = one("وقال وزير الدفاع الأرميني إن 75 من جنودنا ضحوا بحياتهم دفاعا عن القرى.")
    assert (r["category"], r["value"], r["affected_side"]) == ("killed", 75, "armenian")


def test_prisoners_held_by_a_side_belong_to_the_other():
    """'باكو لا تزال تحتجز N أسيرا' / 'يريفان تحتجز N أسيرا': the holder's enemies are the prisoners."""
    r = one("وقالت منظمة حقوقية أرمينية إن باكو لا تزال تحتجز أكثر من 70 أسيرا.")
    assert (r["category"], r["value"], r["affected_side"]) == ("prisoners", 70, "armenian")
    r = one("وقال مسؤول أذربيجاني إن يريفان تحتجز 18 أسيرا.")
    assert (r["category"], r["value"], r["affected_side"]) == ("prisoners", 18, "azerbaijani")


def test_syrian_fighters_are_on_azerbaijans_side():
    """Profile side words: Syrian fighters/mercenaries named as such count on the Azerbaijani side."""
    r = one("وقال المرصد السوري لحقوق الإنسان إن 23 من المرتزقة السوريين لقوا حتفهم في جبهة فضولي.")
    assert (r["value"], r["affected_side"]) == (23, "azerbaijani")


def test_toll_reached_without_ila():
    """'ليبلغ إجمالي قتلاه N' (reach verb, toll noun, number, no 'إلى') is a cumulative killed toll,
    and the increment before it stays an increment."""
    got = rows("وقالت وزارة الدفاع الأرمينية إن 7 جنود قتلوا الليلة، لتبلغ حصيلة قتلاها 318 منذ بدء الهجوم.")
    assert [(r["value"], r["category"], r["cumulative"]) for r in got] == [
        (7, "killed", False), (318, "killed", True)], got


def test_possessed_dead_in_a_belligerents_statement_are_its_own():
    """'تقول X إن N من جنودها قتلوا' (a possessive on the counted people, no other side named
    after 'إن') is the claimant's own; 'إن أذربيجان خسرت N من جنودها' stays with the named side."""
    r = one("ومنذ بدء الهجوم، تقول وزارة الدفاع الأرمينية إن 420 من جنودها قتلوا، فيما تتكتم أذربيجان على خسائرها.")
    assert (r["value"], r["affected_side"]) == (420, "armenian")
    r = one("وقالت وزارة الدفاع الأرمينية إن أذربيجان خسرت 420 من جنودها.")
    assert (r["value"], r["affected_side"]) == (420, "azerbaijani")


def test_people_a_report_is_quoted_from_are_not_casualties():
    """'نقلت صحيفة عن أربعة جنود أن N قتلوا': the four soldiers are sources, only N is a loss."""
    got = rows("ونقلت صحيفة بريطانية عن أربعة جنود أرمن أن 30 من رفاقهم قتلوا في هجوم واحد.")
    assert [(r["value"], r["category"]) for r in got] == [(30, "killed")], got


def test_ballistic_missile_launchers_are_missiles():
    """'منصات إطلاق صواريخ باليستية' counts with the missiles; a plain rocket launcher stays mlrs."""
    r = one("وأكدت وزارة الدفاع الأذربيجانية تدمير 3 منصات إطلاق صواريخ باليستية أرمينية.")
    assert (r["value"], r["category"]) == (3, "missiles")
    r = one("وأكدت وزارة الدفاع الأذربيجانية تدمير 3 منصات إطلاق صواريخ أرمينية.")
    assert (r["value"], r["category"]) == (3, "mlrs")


def test_still_held_or_still_missing_after_a_bare_count():
    """'N أرمينيا لا يزالون محتجزين' is prisoners; 'و45 آخرين ما زالوا مفقودين' is missing."""
    r = one("وقال وزير الخارجية الأرميني إن نحو 80 أرمينيا لا يزالون محتجزين في باكو.")
    assert (r["value"], r["category"], r["affected_side"]) == (80, "prisoners", "armenian")
    got = rows("وقالت الوزارة إن 310 عسكريين قتلوا في المعارك، وإن 45 آخرين ما زالوا مفقودين.")
    assert [(r["value"], r["category"]) for r in got] == [(310, "killed"), (45, "missing")], got


def test_casualty_noun_whose_number_follows():
    """'المفقودين الذين يقدر عددهم بأكثر من N' is a missing count (more_than), also after a quote."""
    r = one("وقالت الوزارة إنها تواصل البحث عن المفقودين الذين يقدر عددهم بأكثر من 60.")
    assert (r["value"], r["category"], r["qualifier"]) == (60, "missing", "more_than")
    r = one('وتعهد الوزير "بإعادة الأسرى" الذين يبلغ عددهم 33.')
    assert (r["value"], r["category"]) == (33, "prisoners")


def test_a_period_between_two_dates_is_a_running_total():
    """'خلال الفترة بين 5 أكتوبر و2 نوفمبر' totals weeks of the war; 'في 5 أكتوبر' is one day."""
    r = one("وقالت الوزارة إن 40 مدنيا أذربيجانيا قتلوا خلال الفترة بين 5 أكتوبر و2 نوفمبر.")
    assert (r["value"], r["cumulative"]) == (40, True)
    r = one("وقالت الوزارة إن 40 مدنيا أذربيجانيا قتلوا في 5 أكتوبر.")
    assert (r["value"], r["cumulative"]) == (40, False)


def test_villagers_girls_and_infants_are_civilian_people_nouns():
    """'قرويا إيرانيا أصيب' is one wounded civilian; 'بينهم طفلة' is one killed civilian within the toll."""
    r = one("وقال مسؤول محلي إيراني إن قرويا إيرانيا أصيب بشظايا قذيفة.")
    assert (r["value"], r["category"], r["population"]) == (1, "wounded", "civilian")
    got = rows("وقالت النيابة إن قصفا أودى بحياة 6 أشخاص، بينهم طفلة في الخامسة.")
    assert [(r["value"], r["category"], r["population"]) for r in got] == [
        (6, "killed", "unspecified"), (1, "killed", "civilian")], got


def test_headline_figure_of_the_same_speaker_joins_the_body_whatever_the_noun():
    """'لافروف: نحو 3 آلاف قتيل' over 'قال لافروف إن عدد القتلى ... يقترب من 3 آلاف شخص' is one claim
    (mentions 2), taking the body's reading (cumulative)."""
    raw = ("لافروف: نحو 3 آلاف قتيل في المعارك\n\n"
           "قال وزير الخارجية الروسي سيرغي لافروف إن عدد القتلى من الطرفين منذ اندلاع المعارك يقترب من 3 آلاف شخص.")
    got = rows(raw)
    assert [(r["value"], r["mentions"], r["cumulative"]) for r in got] == [(3000, 2, True)], got


def test_an_ordinal_after_a_casualty_word_is_one_more_person():
    """'مقتل جنديين ... وإصابة ثالث' adds one wounded of the same people; 'إصابة ثالث من ...' /
    a day ordinal ('في اليوم الثالث') is not."""
    got = rows("وقالت الوزارة إن الهجوم أدى إلى مقتل جنديين أرمنيين وإصابة ثالث بجروح خطيرة.")
    assert [(r["value"], r["category"], r["population"], r["affected_side"]) for r in got] == [
        (2, "killed", "military", "armenian"), (1, "wounded", "military", "armenian")], got
    got = rows("وقالت الوزارة إن الهجوم أدى إلى مقتل جنديين أرمنيين في اليوم الثالث للمعارك.")
    assert [r["value"] for r in got] == [2], got


def test_toll_of_the_whole_war_is_cumulative():
    # the war as the subject of a toll verb, "since the war", the count of the dead of the conflict
    for text in ("وخلفت الحرب التي دامت ستة أسابيع أكثر من 7000 قتيل من الطرفين.",
                 "وما زالت البلاد تعاني منذ الحرب التي قتل فيها نحو 4000 جندي أرميني.",
                 "وقال مسؤول روسي إن عدد القتلى في النزاع بلغ على ما يبدو نحو 6 آلاف شخص."):
        got = [r for r in rows(text) if r["category"] == "killed"]
        assert len(got) == 1 and got[0]["cumulative"], (text, got)


def test_second_figure_of_a_reached_toll_is_cumulative_too():
    got = rows("وقالت وزارة الصحة الأرمينية إن عدد ضحايا القصف منذ بدء المعارك بلغ 30 قتيلا و120 جريحا.")
    assert [(r["value"], r["cumulative"]) for r in got] == [(30, True), (120, True)]


def test_dual_subset_after_among():
    got = rows("وأعلنت وزارة الخارجية الأرمينية تسلم 9 أسرى أرمن، بينهم امرأتان.")
    assert [(r["value"], r["category"], r["population"]) for r in got] == [(9, "prisoners", "unspecified"),
                                                                           (2, "prisoners", "civilian")]


def test_denial_of_involvement_does_not_deny_the_figures():
    got = rows("وأعلنت وزارة الدفاع الأذربيجانية مقتل 9 مدنيين في قصف على ترتر. "
               "ونفت يريفان أي صلة لها بالقصف.")
    assert [(r["value"], r["denied_by"]) for r in got] == [(9, "")]


def test_manner_adverb_between_verb_and_object():
    r = one("وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية أسقطت عن طريق الخطأ طائرة مسيرة إيرانية.")
    assert (r["category"], r["value"]) == ("drones", 1)


def test_war_subject_with_a_duration_in_its_relative_clause():
    r = one("وأسفرت الحرب التي استمرت 40 يوما عن مقتل أكثر من 5000 شخص من الجانبين.")
    assert (r["value"], r["cumulative"]) == (5000, True)


def test_unattributed_headline_joins_a_body_claim_by_the_state_itself():
    got = rows("مقتل 6 مدنيين بقصف على بلدة حدودية\n\nقالت السلطات الأرمينية إن 6 مدنيين على الأقل قتلوا "
               "في قصف استهدف البلدة ليلا.")
    killed = [r for r in got if r["category"] == "killed"]
    assert len(killed) == 1
    assert (killed[0]["claimant_party"], killed[0]["mentions"], killed[0]["qualifier"]) == ("Armenia", 2, "at_least")


def test_announcement_noun_names_the_claimant_of_the_loss():
    r = one("وتزامن التصعيد مع إعلان وزارة الدفاع الأرمينية ارتفاع عدد قتلاها إلى 300 جندي.")
    assert (r["claimant_party"], r["value"], r["category"]) == ("Armenia", 300, "killed")


def test_farmer_and_girl_are_person_nouns():
    r = one("وقال المحافظ إن القذيفة أدت إلى إصابة مزارع بجروح طفيفة.")
    assert (r["category"], r["value"], r["population"]) == ("wounded", 1, "civilian")
    r = one("وقالت الشرطة إن طفلتين قتلتا في القصف.")
    assert (r["category"], r["value"]) == ("killed", 2)


def test_announcement_noun_with_complementiser_names_the_claimant():
    r = one("واندلعت الاحتجاجات بعد يوم من إعلان وزارة الدفاع الأرمينية أن القصف أسفر عن مقتل 8 جنود.")
    assert (r["claimant_party"], r["value"], r["category"]) == ("Armenia", 8, "killed")


def test_self_word_after_an_anaphor_continues_the_body():
    got = rows("قالت وزارة الدفاع الأذربيجانية إن قواتها دمرت 4 دبابات. "
               "وأعلنت الوزارة نفسها مقتل 3 من جنودها في المعارك.")
    assert {(r["value"], r["claimant_party"]) for r in got} == {(4, "Azerbaijan"), (3, "Azerbaijan")}


def test_denial_of_firing_inside_a_quote_does_not_deny_the_figures():
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن صاروخا أرمينيا قتل 6 مدنيين في مدينة ترتر. "
               "وقال المتحدث باسم الجيش الأرميني: «لم نقصف أي مدينة. هذه أكاذيب».")
    assert [(r["value"], r["denied_by"]) for r in got] == [(6, "")]


def test_denial_of_an_accusation_does_not_reach_a_third_party_figure():
    got = rows("وأعلنت وزارة الدفاع الأذربيجانية تدمير 7 دبابات أرمينية. "
               "واتهم رئيس الوزراء الأرميني نيكول باشينيان تركيا بإرسال طائرات إلى المنطقة. "
               "ونفت أنقرة هذه الاتهامات.")
    assert [(r["value"], r["denied_by"]) for r in got] == [(7, "")]


def test_same_party_denier_of_another_speakers_figure():
    got = rows("وقال زعيم المعارضة كوتشاريان إن 900 جندي أرميني قتلوا في المعارك، "
               "وهو رقم نفته وزارة الدفاع الأرمينية.")
    assert [(r["value"], r["claimant_party"], r["denied_by"]) for r in got] == [(900, "Armenia", "Armenia")]


def test_subset_belongs_to_the_nearest_toll_before_it():
    got = rows("وقالت الوزارة الأرمينية إن الغارة أسفرت عن مقتل مدني وإصابة 9 آخرين، بينهم طفلان.")
    assert [(r["value"], r["category"]) for r in got] == [(1, "killed"), (9, "wounded"), (2, "wounded")]


def test_one_of_them_in_a_worse_state_is_its_own_row():
    got = rows("وقال الجيش الأرميني إن القصف أدى إلى إصابة خمسة جنود، أحدهم بجروح بالغة.")
    assert [(r["value"], r["category"]) for r in got] == [(5, "wounded"), (1, "wounded")]
    got = rows("وقال الجيش الأرميني إن القصف أدى إلى مقتل مدنيين اثنين، أحدهما رجل في الستين.")
    assert [(r["value"], r["category"]) for r in got] == [(2, "killed")]


def test_count_of_bodies_found_is_a_killed_toll():
    r = one("وقالت لجنة البحث إن عدد الجثث التي انتشلت من الوديان منذ توقف القتال ارتفع إلى 820.")
    assert (r["value"], r["category"], r["cumulative"]) == (820, "killed", True)


def test_subset_with_its_own_verb_and_parts_of_a_group():
    got = rows("وقالت الوزارة الأرمينية إن 30 مدنيا قتلوا وأصيب 200 آخرون، بينهم 5 أطفال قتلوا.")
    assert [(r["value"], r["category"]) for r in got] == [(30, "killed"), (200, "wounded"), (5, "killed")]
    got = rows("وقال الطبيب إن المستشفى استقبل 90 جنديا جريحا، لا يزال 40 منهم يتلقون العلاج، بينهم 7 في حالة حرجة.")
    assert [(r["value"], r["category"]) for r in got] == [(90, "wounded"), (40, "wounded"), (7, "wounded")]


def test_hit_people_are_wounded_and_ranks_are_people():
    got = rows("وقالت الوزارة الأذربيجانية إن القصف قتل 6 أشخاص وأصاب أكثر من 20 آخرين.")
    assert [(r["value"], r["category"], r["qualifier"]) for r in got] == [(6, "killed", "exact"), (20, "wounded", "more_than")]
    got = rows("وقالت الوزارة الأرمينية إن ثلاثة عسكريين قتلوا، بينهم نقيب.")
    assert [(r["value"], r["category"]) for r in got] == [(3, "killed"), (1, "killed")]


def test_count_that_still_stands_at_and_detainees():
    r = one("وقالت وزارة الدفاع الأرمينية إن عدد المفقودين من الجنود لا يزال يبلغ 70 شخصا.")
    assert (r["value"], r["category"]) == (70, "missing")
    r = one("وقالت اللجنة إنها نقلت 35 محتجزا إلى بلدانهم.")
    assert (r["value"], r["category"], r["action"]) == (35, "prisoners", "captured")


def test_own_house_lost_is_one_and_a_range_shares_its_multiplier():
    r = one("وقالت إحدى السكان: «فقدت منزلي في القصف».")
    assert (r["value"], r["category"], r["number_text"]) == (1, "houses", "منزلي")
    assert rows("وقال إنه عاد إلى منزله بعد الحرب.") == []
    r = one("وكانت الحرب الأولى قد أودت بحياة ما بين 20 و25 ألف شخص.")
    assert (r["value"], r["value_low"], r["value_high"]) == (20000, 20000, 25000)


def test_toll_up_to_today_is_a_running_total():
    got = rows("وقالت وزارة الطوارئ الأذربيجانية إنه أصيب حتى اليوم 140 مدنيا، فيما تتابع حتى اليوم ملفات 30 مفقودا.")
    assert _find(got, "wounded", 140)["cumulative"] is True


def test_increment_after_a_rise_and_rise_by_lisal_and_since_fighting_stopped():
    got = rows("وقالت وزارة الدفاع الأرمينية إن حصيلة قتلاها منذ بدء المعارك ارتفعت إلى 610، بعد مقتل 15 عسكريا.")
    assert _find(got, "killed", 610)["cumulative"] is True
    assert _find(got, "killed", 15)["cumulative"] is False
    got = rows("وأعلن الجيش الأرميني مقتل 12 عسكريا اليوم، ليصل عدد قتلاه إلى 330.")
    assert _find(got, "killed", 330)["cumulative"] is True
    got = rows("وقالت وزارة الطوارئ الأذربيجانية إن 75 مدنيا قتلوا بانفجار ألغام منذ توقف القتال.")
    assert _find(got, "killed", 75)["cumulative"] is True


def test_own_soldiers_after_a_loss_masdar_or_of_its_forces():
    got = rows("وأعلنت وزارة الدفاع الأرمينية مقتل ثلاثة من جنودها في قصف شنته القوات الأذربيجانية.")
    assert _find(got, "killed", 3)["affected_side"] == "armenian"
    got = rows("وقال الجيش الأذربيجاني إن جنديين من قواته قتلا في هجوم بطائرات مسيرة أرمينية.")
    assert _find(got, "killed", 2)["affected_side"] == "azerbaijani"


def test_victims_of_a_year_are_not_a_count():
    got = rows("وقالت الخارجية الأرمينية إن الزيارة إهانة لذكرى ضحايا 1988 في سومغايت.")
    assert not [r for r in got if r["value"] == 1988]
    got = rows("وقالت وزارة الدفاع الأرمينية إن عدد الضحايا 1200 منذ بدء الحرب.")
    assert [r["value"] for r in got] == [1200]


def test_dual_others_and_police_officers():
    got = rows("وقالت وزارة الطوارئ الأذربيجانية إن مدنيا قتل وأصيب اثنان آخران في القصف.")
    assert _find(got, "wounded", 2)["population"] == "civilian"
    got = rows("وقالت وزارة الداخلية الأرمينية إن ثلاثة شرطيين أصيبوا بجروح.")
    assert _find(got, "wounded", 3)["population"] == "unspecified"


def test_bare_count_followed_by_the_next_toll_of_a_list():
    got = rows("وقالت وزارة الصحة الأرمينية إن عدد القتلى المدنيين ارتفع إلى 41 والجرحى إلى 150.")
    assert _find(got, "killed", 41)["cumulative"] is True
    assert _find(got, "wounded", 150)["cumulative"] is True


def test_construct_dual_truck_and_nurses_and_drivers():
    """Construct dual "شاحنتي ذخيرة", the dual "ممرضتين" and "سائقين ... اثنين" are counts of two."""
    r = rows("وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت شاحنتي ذخيرة للجيش الأرميني.")
    assert [(x["category"], x["value"]) for x in r] == [("vehicles", 2)]
    r = rows("وأعلنت وزارة الصحة الأرمينية إصابة ممرضتين في قصف أذربيجاني على المستشفى.")
    assert [(x["category"], x["value"]) for x in r] == [("wounded", 2)]
    r = rows("وقالت الخارجية الإيرانية إن الشرطة الأذربيجانية احتجزت سائقين إيرانيين اثنين.")
    assert [(x["category"], x["value"]) for x in r] == [("prisoners", 2)]


def test_so_far_makes_a_running_total():
    """"حتى الآن" before or right after the loss makes it a running total."""
    r = one("وقالت وزارة الصحة الأرمينية إن 40 مدنيا قتلوا حتى الآن في القصف الأذربيجاني.")
    assert r["value"] == 40 and r["cumulative"] in (True, "True")


def test_launcher_dual_command_positions_and_fuel_depot():
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت قاذفتي صواريخ وثلاثة مواقع قيادة للعدو.")
    by_cat = {r["category"]: r["value"] for r in got}
    assert by_cat == {"mlrs": 2, "command_posts": 3}, got
    assert all(r["affected_side"] == "armenian" for r in got)


def test_positions_alone_are_no_loss_noun():
    assert rows("وقالت وزارة الدفاع الأذربيجانية إن قواتها قصفت خمسة مواقع للعدو.") == []


def test_power_station_hit_is_a_building_damaged():
    r = one("وقالت سلطات قره باغ إن صاروخا أذربيجانيا أصاب محطة كهرباء في مارتوني.")
    assert (r["category"], r["action"], r["value"], r["claimant_party"]) == ("buildings", "damaged", 1, "Artsakh")


def test_own_house_reduced_to_rubble_is_destroyed():
    r = one("وقال أحد السكان إن بيته \"تحول إلى ركام\" بعد القصف.")
    assert (r["category"], r["action"], r["value"]) == ("houses", "destroyed", 1)


def test_control_of_counted_villages_is_taken():
    r = one("وأعلن الرئيس الأذربيجاني إلهام علييف سيطرة القوات على 9 قرى جديدة.")
    assert (r["category"], r["action"], r["value"], r["affected_side"]) == ("settlements", "taken", 9, "armenian")


def test_state_headline_joins_its_sides_body_figure():
    got = rows("يريفان تتحدث عن 95 قتيلا.. والمعارك مستمرة\n\n"
               "وأعلنت وزارة الدفاع في قره باغ أن 95 عسكريا من قواتها قتلوا منذ بداية المعارك.\n\n"
               "وقالت إن القتال ما زال عنيفا على محور هدروت.")
    killed = [r for r in got if r["value"] == 95]
    assert len(killed) == 1, got
    assert (killed[0]["claimant_party"], killed[0]["affected_side"], killed[0]["mentions"]) == ("Artsakh", "armenian", 2)


def test_headline_figure_next_to_a_call_joins_the_agency_tally():
    got = rows("قره باغ: ماكرون يدعو إلى التهدئة وحصيلة القتلى تتجاوز 300\n\n"
               "دعا الرئيس الفرنسي إيمانويل ماكرون إلى وقف القتال فورا.\n\n"
               "ووفق حصيلة أعدتها وكالة رويترز، قتل أكثر من 300 شخص من الجانبين منذ بدء المعارك.")
    killed = [r for r in got if r["value"] == 300]
    assert len(killed) == 1, got
    assert (killed[0]["claimant_party"], killed[0]["mentions"]) == ("Media", 2)


def test_side_is_read_in_the_claims_own_clause():
    got = rows("وقالت وزارة الدفاع في قره باغ إن 15 عسكريا قتلوا، فيما قالت وزارة الدفاع الأذربيجانية "
               "إن وحداتها تقدمت على محور فضولي.")
    r = next(x for x in got if x["value"] == 15)
    assert (r["claimant_party"], r["affected_side"]) == ("Artsakh", "armenian")


def test_running_total_cue_stays_in_its_clause():
    got = rows("وقالت وزارة الدفاع الأرمينية إن حصيلة القتلى في صفوف قواتها بلغت 300 عسكري، "
               "بينما أعلنت باكو مقتل 6 مدنيين أذربيجانيين.")
    by_val = {r["value"]: r for r in got}
    assert by_val[300]["cumulative"] is True
    assert by_val[6]["cumulative"] is False and by_val[6]["claimant_party"] == "Azerbaijan"


def test_participle_clause_opens_a_new_point_for_running_totals():
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت 3 دبابات، مشيرة إلى أن إجمالي "
               "الدبابات المدمرة منذ بداية الحرب بلغ 250 دبابة.")
    by_val = {r["value"]: r for r in got}
    assert by_val[3]["cumulative"] is False
    assert by_val[250]["cumulative"] is True


def test_figures_published_by_a_party_are_its_claim():
    r = one("وبحسب آخر الأرقام الصادرة عن وزارة الدفاع الأرمينية، قتل 480 عسكريا منذ بداية الحرب.")
    assert (r["claimant_party"], r["affected_side"], r["cumulative"]) == ("Armenia", "armenian", True)
    r = one("وكانت حصيلة جديدة أعلنتها وزارة الدفاع الأذربيجانية قد رفعت عدد قتلاها إلى 90 جنديا.")
    assert (r["claimant_party"], r["affected_side"]) == ("Azerbaijan", "azerbaijani")


def test_bodies_before_a_count_are_dead_and_a_still_count_is_standing():
    """"جثث N" is killed whatever verb follows; "فيما لا يزال N جريحا" is a standing count, not a running total."""
    got = rows("وقالت وزارة الصحة الأرمينية إن المستشفيات تسلمت منذ نهاية القتال جثث 86 جنديا، "
               "فيما لا يزال 230 جريحا يتلقون العلاج.")
    by_val = {r["value"]: r for r in got}
    assert (by_val[86]["category"], by_val[86]["cumulative"]) == ("killed", True)
    assert (by_val[230]["category"], by_val[230]["cumulative"]) == ("wounded", False)
    got = rows("وقالت خدمة الطوارئ في قره باغ إن فرقها انتشلت جثث 19 جنديا، في حين لا يزال مصيرهم مجهولا.")
    assert [(r["category"], r["value"]) for r in got] == [("killed", 19)]


def test_damage_done_to_a_bare_building_and_a_multi_storey_block():
    """"ألحق أضرارا بمدرسة" is one public building damaged; "مبنى متعدد الطوابق" is a block of flats."""
    got = rows("وقالت سلطات قره باغ إن القصف الأذربيجاني ألحق أضرارا بمدرسة في مارتوني.")
    assert [(r["category"], r["action"], r["value"], r["claimant_party"]) for r in got] == [
        ("public_buildings", "damaged", 1, "Artsakh")]
    got = rows("وقالت النيابة العامة الأذربيجانية إن القصف الأرميني ألحق أضرارا بـ40 منزلا و9 مبان متعددة الطوابق.")
    assert {(r["category"], r["value"], r["affected_side"]) for r in got} == {
        ("houses", 40, "azerbaijani"), ("apartment_buildings", 9, "azerbaijani")}


def test_running_totals_over_days_of_war_since_arrival_and_so_far_at_the_end():
    """"خلال 30 يوما من القتال", "منذ وصولهم" and a final "حتى الآن." make running totals; "خلال
    الأيام الثلاثة" does not; a "نافيا" clause does not inherit the "حتى الآن" before it."""
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن قواتها غنمت خلال 30 يوما من القتال 70 دبابة.")
    assert (got[0]["value"], got[0]["cumulative"]) == (70, True)
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت خلال الأيام الثلاثة الماضية 12 دبابة.")
    assert (got[0]["value"], got[0]["cumulative"]) == (12, False)
    r = one("وقال المرصد السوري لحقوق الإنسان إن 41 مقاتلا سوريا قتلوا منذ وصولهم إلى الجبهة.")
    assert (r["value"], r["cumulative"]) == (41, True)
    r = one("وقالت سلطات قره باغ إن 64 مدنيا قتلوا في الإقليم حتى الآن.")
    assert (r["value"], r["cumulative"]) == (64, True)
    got = rows("وقالت وزارة الدفاع الأرمينية إنها لم تخسر أي موقع حتى الآن، نافية تقارير أذربيجانية عن أسر ثلاثة جنود أرمن.")
    assert [(r["value"], r["cumulative"]) for r in got] == [(3, False)]


def test_a_figure_for_each_side_gives_one_row_per_side_and_a_date_may_follow_the_toll():
    """"نحو 900 قتيل لكل طرف" -> an armenian and an azerbaijani row; "عدد القتلى يقارب 1800" is a
    count of the dead; "ليبلغ عدد قتلاه منذ 27 سبتمبر 640 جنديا" reads past the date."""
    got = rows("وقال مسؤول روسي إن عدد القتلى يقارب 1800، أي نحو 900 قتيل لكل طرف.")
    got = sorted((r["value"], r["affected_side"], r["category"]) for r in got)
    assert got == [(900, "armenian", "killed"), (900, "azerbaijani", "killed"), (1800, "both", "killed")]
    got = rows("وقال الرئيس الفرنسي إن الحرب خلفت 700 قتيل على كل جانب.")
    assert sorted((r["value"], r["affected_side"], r["cumulative"]) for r in got) == [
        (700, "armenian", True), (700, "azerbaijani", True)]
    got = rows("وقالت وزارة الدفاع الأرمينية إن ستة جنود قتلوا في قصف ليلي، ليبلغ عدد قتلاها منذ 27 أيلول/سبتمبر 640 جنديا.")
    r = next(x for x in got if x["value"] == 640)
    assert (r["category"], r["affected_side"], r["cumulative"]) == ("killed", "armenian", True)


def test_figures_called_unreal_in_the_next_sentence_are_denied():
    """"لا تمت للواقع بصلة" / "خيالية" deny the figures of the sentence before; a sentence with its
    own figures before the cue does not reach back."""
    got = rows("وقالت وزارة الدفاع الأرمينية إن قواتها دمرت 9 دبابات أذربيجانية.\n\n"
               "وردت وزارة الدفاع الأذربيجانية بأن هذه المعلومات \"لا تمت للواقع بصلة\".")
    assert [(r["value"], r["denied_by"]) for r in got] == [(9, "Azerbaijan")]
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت 8 مدافع.\n\n"
               "وقالت وزارة الدفاع الأرمينية إن الجانب الأذربيجاني خسر 40 دبابة، وهو ما وصفته باكو بأنه \"أرقام خيالية\".")
    assert next(r for r in got if r["value"] == 8)["denied_by"] == ""


def test_neutral_report_of_civilians_hit_in_a_front_town_takes_the_side_holding_it():
    # a neutral claimant, no party named: the town's holder (profile places: held_by / party)
    got = rows("قالت منظمة العفو الدولية إن قصفا على حي سكني في بردعة أسفر عن مقتل 7 مدنيين.")
    assert [(r["value"], r["affected_side"]) for r in got] == [(7, "azerbaijani")]
    got = rows("أفاد مراسل وكالة رويترز بأن قذيفة أصابت مدرسة في مارتوني.")
    assert [(r["category"], r["affected_side"]) for r in got] == [("public_buildings", "armenian")]
    # towns on both sides of the line: no single holder, the default stays
    got = rows("قالت منظمة العفو الدولية إن القصف على كنجة وستيباناكيرت أسفر عن مقتل 9 مدنيين.")
    assert [(r["value"], r["affected_side"]) for r in got] == [(9, "both")]
    # the region itself is too wide to name a side
    got = rows("قالت الأمم المتحدة إن الحرب في قره باغ أودت بحياة 40 مدنيا.")
    assert [r["affected_side"] for r in got] == ["both"]


def test_period_cue_of_a_later_total_or_an_earlier_claim_is_not_the_items():
    got = {r["value"]: r["cumulative"] for r in rows(
        "أعلن جيش قره باغ مقتل 17 من جنوده، ما يرفع حصيلة قتلاه منذ بدء المعارك إلى 610.")}
    assert got == {17: False, 610: True}
    got = {r["value"]: r["cumulative"] for r in rows(
        "قالت سلطات قره باغ إن قواتها دمرت 6 دبابات، مؤكدة مقتل 9 من عناصرها، ما يرفع عدد قتلاها إلى 480 منذ 27 سبتمبر.")}
    assert got == {6: False, 9: False, 480: True}
    got = {r["value"]: r["cumulative"] for r in rows(
        "ارتفع عدد القتلى في صفوف جيش قره باغ إلى 210 منذ بدء المعارك، بحسب ما أعلنته سلطات الإقليم، "
        "بينما قالت باكو إن 7 مدنيين قتلوا في قصف على ترتر.")}
    assert got == {210: True, 7: False}
    # a period opening the sentence frames every claim in it
    got = {r["value"]: r["cumulative"] for r in rows(
        "ومنذ بدء الحرب، أعلنت وزارة الدفاع الأرمينية مقتل 900 عسكري، فيما تحدثت باكو عن مقتل 60 مدنيا.")}
    assert got == {900: True, 60: True}


def test_daily_rate_is_not_a_running_total():
    got = {r["value"]: r["cumulative"] for r in rows(
        "قال طبيب إن المستشفى يستقبل يوميا نحو 30 جريحا منذ بداية الحرب.")}
    assert got == {30: False}


def test_list_of_tolls_with_a_repeated_count_word():
    got = {(r["value"], r["category"]) for r in rows(
        "وأعلنت وزارة الصحة الأرمينية ارتفاع عدد القتلى المدنيين إلى 31 وعدد المصابين إلى 118.")}
    assert got == {(31, "killed"), (118, "wounded")}


def test_a_missile_fired_is_no_loss():
    assert rows("وقالت وزارة الدفاع الروسية إن الطائرة أصيبت بصاروخ مضاد للطائرات.") == []
    assert [r["value"] for r in rows("قال مراسل إن صاروخا سقط على حي سكني في ترتر، وإن 4 مدنيين قتلوا.")] == [4]
    assert rows("وقالت النيابة إن 900 قذيفة و40 صاروخا سقطت على المدن منذ بدء الحرب.") == []
    # a missile shot down or destroyed stays a loss
    got = rows("وقالت وزارة الدفاع إن دفاعاتها الجوية أسقطت 3 صواريخ أطلقت على المدينة.")
    assert [(r["value"], r["category"]) for r in got] == [(3, "missiles")]


def test_executed_prisoners_are_dead():
    got = rows("وقالت وزارة الدفاع الأرمينية إن مقطعا يظهر إعدام أسيرين أرمنيين.")
    assert [(r["value"], r["category"], r["action"], r["population"]) for r in got] == [(2, "killed", "killed", "military")]
    got = rows("وقالت باكو إن قواتها أسرت 6 جنود أرمن.")
    assert [(r["value"], r["category"]) for r in got] == [(6, "prisoners")]


def test_construct_dual_and_out_of_service_stations():
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن قواتها دمرت 20 منظومة دفاع جوي، بينها منظومتا «إس-300».")
    assert [(r["value"], r["category"]) for r in got] == [(20, "air_defense"), (2, "air_defense")]
    got = rows("وقالت سلطات قره باغ إن 7 محطات فرعية لتوزيع الكهرباء خرجت عن الخدمة.")
    assert [(r["value"], r["category"], r["action"]) for r in got] == [(7, "buildings", "damaged")]


def test_forces_that_suffered_losses_own_the_equipment():
    got = rows("وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية تكبدت خسائر فادحة، مشيرة إلى تدمير 6 دبابات.")
    assert [(r["value"], r["affected_side"]) for r in got] == [(6, "azerbaijani")]
    got = rows("وقالت وزارة الدفاع الأذربيجانية إن القوات الأرمينية منيت بخسائر كبيرة، مشيرة إلى تدمير 5 دبابات.")
    assert [(r["value"], r["affected_side"]) for r in got] == [(5, "armenian")]


def test_forces_named_after_a_loss_noun_own_the_losses():
    # "خسائر الجيش X" / "قتلى القوات X": the forces the losses are of, not the ones acting
    got = rows("وقالت وزارة الدفاع الأرمينية إن خسائر القوات الأذربيجانية في المعارك تجاوزت 900 قتيل.")
    assert [(r["value"], r["affected_side"]) for r in got] == [(900, "azerbaijani")]
    got = rows("وقال مسؤول أذربيجاني إن قتلى الجيش الأرميني في الهجوم بلغوا 40 قتيلا.")
    assert [(r["value"], r["affected_side"]) for r in got] == [(40, "armenian")]


def test_acting_forces_are_read_in_the_items_own_clause():
    # the enemy acting in the first clause does not own what the speaker's units destroyed after "مضيفا أن"
    got = rows("وقالت وزارة الدفاع الأرمينية إن القوات الأذربيجانية هاجمت قرى حدودية، "
               "مضيفة أن وحداتها ردت بتدمير أربع دبابات.")
    assert [(r["value"], r["affected_side"]) for r in got] == [(4, "azerbaijani")]


def test_amma_clause_keeps_its_side_words_to_itself():
    # "X، أما باكو فأعلنت ...": Baku's clause does not give its side to the first claim
    got = rows("وبحسب وزارة الدفاع الأرمينية، قتل 300 عسكري حتى الآن، أما باكو فأعلنت مقتل 40 مدنيا.")
    assert [(r["value"], r["affected_side"]) for r in got] == [(300, "armenian"), (40, "azerbaijani")]


def test_headline_without_population_joins_the_speakers_body_figure():
    text = ("الصحة الأرمينية: أكثر من 900 جريح منذ بداية الحرب\n\n"
            "قالت وزارة الصحة الأرمينية إن المستشفيات استقبلت منذ بداية الحرب أكثر من 900 جريح من العسكريين.")
    got = rows(text)
    assert [(r["value"], r["population"], r["mentions"]) for r in got] == [(900, "military", 2)]


def test_speaker_saying_the_war_caused_a_toll_is_a_running_total():
    got = rows("وقال مسؤول روسي إن الحرب أسفرت عن مقتل نحو 3 آلاف شخص وإصابة أكثر من 6 آلاف.")
    assert [(r["value"], r["cumulative"]) for r in got] == [(3000, True), (6000, True)]


def test_same_period_after_a_since_period_is_a_running_total():
    text = ("قالت النيابة الأذربيجانية إن 60 مدنيا قتلوا منذ 27 سبتمبر.\n\n"
            "وقالت سلطات قره باغ إن 40 مدنيا قتلوا خلال الفترة نفسها.")
    got = rows(text)
    assert [(r["value"], r["cumulative"]) for r in got] == [(60, True), (40, True)]


def test_dual_subset_after_a_long_clause():
    got = rows("وقالت سلطات قره باغ إن 20 مدنيا قتلوا في القرى الحدودية منذ مساء الجمعة جراء القصف المدفعي، بينهم طفلان.")
    assert [(r["value"], r["population"]) for r in got] == [(20, "civilian"), (2, "civilian")]


def test_first_event_since_a_date_is_no_running_total():
    got = rows("أعلنت وزارة الدفاع الأرمينية مقتل 3 جنود بانفجار لغم، في أول حادث من نوعه منذ توقف القتال.")
    assert [(r["value"], r["cumulative"]) for r in got] == [(3, False)]


def test_people_count_takes_no_action_across_a_clause_break():
    # a loss noun in another clause does not make a count of people a loss
    assert rows("وقالت الوزارة إن عدد المتطوعين تجاوز 5 آلاف شخص، في حين سجلت البلاد 900 إصابة بالإنفلونزا.") == []
    got = rows("وقالت السلطات إن القصف أدى إلى إصابة 6 مدنيين، مشيرة إلى أن مئات الأشخاص لا يزالون في الملاجئ.")
    assert [(r["value"], r["category"]) for r in got] == [(6, "wounded")]
    # a contrast clause without an action of its own keeps the category of the figure before it
    got = rows("وتقول يريفان إن باكو تحتجز 150 أسيرا أرمنيا، في حين تعترف باكو بوجود 40 شخصا فقط.")
    assert [(r["value"], r["category"]) for r in got] == [(150, "prisoners"), (40, "prisoners")]


def test_mixed_population_and_subset_population():
    got = rows("وقالت السلطات إن فرق الإنقاذ انتشلت رفات 40 عسكريا ومدنيا من تحت الأنقاض.")
    assert [(r["value"], r["population"]) for r in got] == [(40, "unspecified")]
    # the subset's population is not carried to the count after it
    got = rows("وقالت الوكالة إنه قتل خمسة أشخاص، بينهم عسكريان، وأصيب 8 آخرون في انفجار ألغام.")
    assert [(r["value"], r["population"]) for r in got] == [(5, "unspecified"), (2, "military"), (8, "unspecified")]


def test_rockets_that_fell_are_a_strike_not_a_loss():
    assert rows("وقالت الوزارة إن صاروخين أرمينيين سقطا على أطراف المدينة دون إصابات.") == []
    got = rows("وقالت الوزارة إن الدفاعات الجوية أسقطت 4 صواريخ أطلقها العدو.")
    assert [(r["value"], r["category"], r["action"]) for r in got] == [(4, "missiles", "destroyed")]
