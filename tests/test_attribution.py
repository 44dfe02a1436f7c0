"""Unit tests of the reporting-verb / speaker attribution rules (helpers.attribution)."""

from __future__ import annotations

import pytest

from helpers.articles import Article
from helpers.attribution import attribute, claimant_at, denials_in


def _art(text: str) -> Article:
    return Article(article_id="t", file="t.txt", raw=text, encoding="utf-8")


def _attrs(text: str, profile):
    art = _art(text)
    return art, attribute(art, profile)


def _main(attrs):
    return [a for a in attrs if a.kind not in ("relay",) and not a.source]


def test_vso_speaker_resolves_to_actor_with_raw_offsets(profile):
    art, res = _attrs("وأعلنت وزارة الدفاع الأذربيجانية في بيان، أن قواتها دمرت 20 دبابة.", profile)
    (a,) = res[0]
    assert a.party == "Azerbaijan" and a.speaker_en == "Ministry of Defence of Azerbaijan"
    assert art.raw[a.speaker_start:a.speaker_end] == "وزارة الدفاع الأذربيجانية"
    assert art.raw[a.verb_start:a.verb_end] == "وأعلنت"
    assert "20 دبابة" in art.raw[a.start:a.end]
    assert not a.inherited


def test_svo_speaker_before_verb(profile):
    art, res = _attrs("وزارة دفاع الانفصاليين في قره باغ أعلنت مقتل 36 جنديا.", profile)
    (a,) = res[0]
    assert a.party == "Artsakh" and a.verb == "أعلنت"
    assert art.raw[a.speaker_start:a.speaker_end] == "وزارة دفاع الانفصاليين في قره باغ"


def test_subjectless_verb_inherits_previous_speaker(profile):
    text = "وقال الرئيس الأذربيجاني إلهام علييف إن قواته تتقدم.\nوأضاف أن الجيش دمر 10 دبابات.\nوتابع: \"سننتصر\"."
    _, res = _attrs(text, profile)
    assert [a.speaker_en for a in res[1]] == ["Ilham Aliyev"]
    assert res[1][0].inherited and res[1][0].speaker_start == -1
    assert res[2][0].speaker_en == "Ilham Aliyev" and res[2][0].inherited


def test_inheritance_follows_gender_of_the_verb(profile):
    # the feminine verb continues the ministry (feminine), not the minister (masculine)
    text = ("وأعلنت وزارة الدفاع الأرمينية أن قواتها صدت هجوما، فيما قال وزير الخارجية التركي إن "
            "أنقرة تدعم باكو.\nوأشارت إلى أن القتال مستمر.")
    _, res = _attrs(text, profile)
    assert res[1][0].speaker_en == "Ministry of Defence of Armenia"


def test_unknown_speaker_is_kept_with_party_from_adjective(profile):
    # an official the profile does not list speaks for his state (held-out conventions 3-6:
    # "Russian Ministry of Defence -> Russia"); an anonymous one keeps an empty speaker_en
    _, res = _attrs("وقال وزير الدفاع الروسي سيرغي شويغو إن موسكو تراقب الوضع.", profile)
    (a,) = res[0]
    assert a.speaker_en == "Russia" and a.party == "Russia" and "شويغو" in a.speaker
    _, res = _attrs("وقال مصدر عسكري روسي إن موسكو تراقب الوضع.", profile)
    (a,) = res[0]
    assert a.speaker_en == "" and a.party == "Russia"


def test_unknown_speaker_without_party_is_unknown_not_dropped(profile):
    _, res = _attrs("وقال مسؤول في منظمة إغاثة إن المساعدات لم تصل.", profile)
    (a,) = res[0]
    assert a.party == "Unknown" and a.speaker.startswith("مسؤول")


def test_joint_subject_yields_one_attribution_per_party(profile):
    text = "دعا الرئيس الروسي فلاديمير بوتين ونظيره الفرنسي إيمانويل ماكرون إلى وقف تام للقتال."
    _, res = _attrs(text, profile)
    parties = {a.party for a in _main(res[0])}
    assert parties == {"Russia", "France"}


def test_group_speaker(profile):
    _, res = _attrs("دعا نحو 20 نائبا فرنسيا، باريس إلى الاعتراف بالإقليم.", profile)
    (a,) = res[0]
    assert a.party == "France" and a.speaker.startswith("نحو 20")


def test_according_to_attaches_source_to_clause(profile):
    text = "وتتصدر موسكو جهود وقف الحرب التي خلفت نحو خمسة آلاف قتيل وفق الرئيس الروسي فلاديمير بوتين."
    art, res = _attrs(text, profile)
    pos = art.raw.index("خمسة")
    c = claimant_at(res[0], pos)
    assert c is not None and c.speaker_en == "Vladimir Putin" and c.kind == "according_to"


def test_according_to_a_law_is_not_a_speaker(profile):
    _, res = _attrs("وطبقا للقانون الدولي يتبع الإقليم أذربيجان.", profile)
    assert res[0] == []


def test_relay_credits_the_inner_claimant(profile):
    text = ("وذكرت وكالة إنترفاكس الروسية للأنباء أن وزارة دفاع الانفصاليين في قره باغ أعلنت "
            "ارتفاع عدد القتلى إلى 963.")
    art, res = _attrs(text, profile)
    c = claimant_at(res[0], art.raw.index("963"))
    assert c.party == "Artsakh" and "Interfax" in c.relayed_by


def test_denial_relative_is_a_denial_by_the_denier(profile):
    text = ("وتقول قوات أذربيجان إنها سيطرت على الحدود مع إيران وهو ما تنفيه أرمينيا.")
    art, res = _attrs(text, profile)
    (d,) = denials_in(res[0])
    assert d.party == "Armenia"
    assert "سيطرت" in art.raw[d.start:d.end]
    c = claimant_at(res[0], art.raw.index("سيطرت"))
    assert c.party == "Azerbaijan"


def test_came_in_statement_gives_previous_sentence_its_speaker(profile):
    text = "وقتل 47 مدنيا في القصف.\nجاء ذلك في بيان للنيابة العامة الأذربيجانية، الجمعة."
    _, res = _attrs(text, profile)
    assert res[1][0].speaker_en == "Prosecutor General's Office of Azerbaijan"
    assert res[0] and res[0][0].speaker_en == "Prosecutor General's Office of Azerbaijan"


def test_anaphoric_subject_points_back(profile):
    text = ("جاء ذلك في بيان للنيابة العامة الأذربيجانية.\nوقال وزير الخارجية الفرنسي إن باريس محايدة.\n"
            "ولفت البيان إلى أن 1669 منزلا تضررت.")
    _, res = _attrs(text, profile)
    assert res[2][0].party == "Azerbaijan"


def test_negated_verb_is_not_a_statement(profile):
    _, res = _attrs("لكنه لم يذكر التفاصيل.", profile)
    assert all(a.verb != "يذكر" for a in res[0])


def test_noun_looking_like_verb_is_not_a_verb(profile):
    # "رفض" after "وسط" is a noun, "عبر" without "عن" is a preposition
    _, res = _attrs("تجددت الدعوات وسط رفض أرمينيا محادثات عبر وسطاء.", profile)
    assert res[0] == []


def test_object_that_disagrees_with_verb_is_not_subject(profile):
    text = "بومبيو يأمل أن تتمكن أرمينيا من الدفاع عن نفسها..\nوينتقد تركيا"
    _, res = _attrs(text, profile)
    assert res[1][0].party == "USA" and res[1][0].inherited


@pytest.mark.parametrize("verb", ["قال", "أكد", "أوضح", "صرح", "أشار"])
def test_verb_forms_and_prefixes(profile, verb):
    _, res = _attrs(f"و{verb} الرئيس التركي رجب طيب أردوغان إن بلاده تدعم أذربيجان.", profile)
    assert [a.party for a in res[0]] == ["Turkey"]


def test_read_also_lines_are_ignored(profile):
    _, res = _attrs("اقرأ أيضا: وقالت أرمينيا إن الهدنة قريبة\nوقالت تركيا إنها تدعم باكو.", profile)
    assert res[0] == [] and res[1][0].party == "Turkey"


def test_adversative_denial_denies_the_clause_before(profile):
    text = ("وأعلنت وزارة الدفاع الأذربيجانية إسقاط مقاتلة أرمينية فوق فضولي، "
            "غير أن وزارة الدفاع الأرمينية نفت ذلك بشكل قاطع.")
    art, res = _attrs(text, profile)
    (d,) = denials_in(res[0])
    assert d.party == "Armenia" and "مقاتلة" in art.raw[d.start:d.end]
    assert claimant_at(res[0], art.raw.index("مقاتلة")).party == "Azerbaijan"


def test_naql_an_credits_the_quoted_speaker(profile):
    text = 'ونقلت وكالة "أرمنبريس" عن جيش الدفاع في قره باغ قوله إنه أسقط 3 طائرات مسيرة.'
    art, res = _attrs(text, profile)
    c = claimant_at(res[0], art.raw.index("3 طائرات"))
    assert c.party == "Artsakh" and c.relayed_by


def test_relative_clause_and_amma_fa_speakers(profile):
    text = ("وشارك مئات في مظاهرة بدعوة من مجلس تنسيق المنظمات في فرنسا الذي رحب بالمبادرة.\n"
            "أما الخبير العسكري التركي عبد الله آغار فرأى أن الجيش تقدم.")
    _, res = _attrs(text, profile)
    assert res[0] and res[0][0].speaker.startswith("مجلس")
    # an expert identified only by his nationality speaks for no state
    assert res[1] and res[1][0].party == "Unknown" and not res[1][0].inherited
    assert res[1][0].speaker.startswith("الخبير العسكري التركي") and not res[1][0].speaker_en


def test_expert_by_nationality_is_unknown_official_keeps_state(profile):
    text = ("ورأى باحث أذربيجاني أن الجيش الأرميني فقد 12 دبابة.\n"
            "وقالت المحللة العسكرية الفرنسية إن الهدنة لن تصمد.\n"
            "وقال مسؤول فرنسي إن باريس تدعم الحوار.\n"
            "وأكد المتحدث باسم وزارة الخارجية الأذربيجانية أن باكو ملتزمة بالهدنة.")
    art, res = _attrs(text, profile)
    a, b, c, d = (_main(r)[0] for r in res)
    assert (a.party, a.speaker, a.speaker_en) == ("Unknown", "باحث أذربيجاني", "")
    assert claimant_at(res[0], art.raw.index("12 دبابة")).party == "Unknown"
    assert b.party == "Unknown" and b.speaker == "المحللة العسكرية الفرنسية"
    assert c.party == "France"
    assert d.party == "Azerbaijan"


def test_state_inside_its_ministrys_clause_is_not_a_relay(profile):
    _, res = _attrs("قالت وزارة الخارجية الروسية في بيان إن موسكو تدين نقل المرتزقة.", profile)
    assert [a.speaker_en for a in res[0]] == ["Ministry of Foreign Affairs of Russia"]


# ---------------------------------------------------------------- held-out lessons (general rules)

def _first(res, k=0):
    got = [a for a in res[k] if a.kind != "relay"]
    assert got, res
    return got[0]


def test_speaker_stops_before_a_verbal_noun_object(profile):
    art, res = _attrs("وقالت وزارة الدفاع الأذربيجانية إن قواتها تقدمت.\nكما أقرت الوزارة بمقتل جنديين.", profile)
    a = _first(res, 1)
    assert a.party == "Azerbaijan" and a.inherited


def test_speaker_stops_before_the_addressee(profile):
    art, res = _attrs('صرح مساعد وزير الخارجية الجورجي لوكالة "رويترز" بأن الحدود مغلقة.', profile)
    a = _first(res)
    assert art.raw[a.speaker_start:a.speaker_end] == "مساعد وزير الخارجية الجورجي"
    assert a.party == "Other"  # a country the profile does not list


def test_according_to_what_the_spokesman_said_inherits(profile):
    art, res = _attrs("أعلنت وزارة الدفاع الأرمينية أن قواتها صدت هجوما.\n"
                      "وبحسب ما أفاد به المتحدث، فإن القصف أدى إلى إصابة 4 جنود.", profile)
    assert _first(res, 1).party == "Armenia"


def test_tabaat_with_anaphor_subject(profile):
    art, res = _attrs("قالت وزارة الدفاع الأرمينية إن قواتها دمرت 3 دبابات.\n"
                      "وتابعت الوزارة أن الدفاعات أسقطت 4 طائرات مسيرة.", profile)
    assert _first(res, 1).party == "Armenia"


def test_title_place_then_named_actor(profile):
    art, res = _attrs("أعلن أمين المظالم في إقليم قره باغ أرتاك بيغلاريان أن 10 مدنيين قتلوا.", profile)
    a = _first(res)
    assert a.party == "Artsakh" and a.speaker_en == "Artsakh Human Rights Ombudsman"


def test_spokesman_of_unknown_ministry_takes_the_nationality(profile):
    art, res = _attrs("وقال المتحدث باسم وزارة الطوارئ الأرمينية إن 40 مدنيا قتلوا.", profile)
    assert _first(res).party == "Armenia"


@pytest.mark.parametrize("text,party", [
    ('وقالت صحيفة "الغارديان" البريطانية إن المعارك مستمرة.', "Media"),
    ("وقتل 50 مدنيا، بحسب حصيلة أعدتها وكالة رويترز.", "Media"),
])
def test_newspapers_and_tallies_are_media(profile, text, party):
    art, res = _attrs(text, profile)
    assert _first(res).party == party


def test_naqlan_ila_is_transport_not_attribution(profile):
    art, res = _attrs("وقالت المنظمة إن الجرحى نقلا إلى مستشفى في المدينة.", profile)
    assert all(a.verb != "نقلا" for a in res[0])


def test_anaphor_with_nationality_picks_that_party(profile):
    art, res = _attrs("أعلنت وزارة الدفاع الروسية أن مروحية روسية أسقطت.\n"
                      "وقدمت وزارة الخارجية الأذربيجانية اعتذارها، موضحة أن ذلك حدث خطأ.\n"
                      "وأشارت الوزارة الروسية إلى أن المروحية كانت ترافق قافلة.", profile)
    assert _first(res, 2).party == "Russia"


def test_object_of_a_coordinated_verb_is_not_a_speaker(profile):
    art, res = _attrs('لكن وزارة الدفاع التركية نفت في بيان وجود أي مقاتلين أجانب، '
                      'ووصفت تقارير المنظمة بأنها "افتراءات".', profile)
    assert {a.party for a in res[0]} == {"Turkey"}


@pytest.mark.parametrize("line", [
    "• وزارة الخارجية الروسية: إسقاط 3 طائرات مسيرة فوق القاعدة.",
    "- وزارة الخارجية الروسية: إسقاط 3 طائرات مسيرة فوق القاعدة.",
    "08:25: وزارة الخارجية الروسية: إسقاط 3 طائرات مسيرة فوق القاعدة.",
])
def test_bulleted_or_timestamped_headline_names_the_speaker(profile, line):
    art, res = _attrs(line, profile)
    (a,) = res[0]
    assert a.party == "Russia" and art.raw[a.speaker_start:a.speaker_end] == "وزارة الخارجية الروسية"
    assert art.raw[a.start:a.end].startswith("إسقاط 3")


@pytest.mark.parametrize("line", [
    "«وزارة الخارجية الروسية»: إسقاط 3 طائرات مسيرة فوق القاعدة",
    '"وزارة الخارجية الروسية": إسقاط 3 طائرات مسيرة فوق القاعدة',
])
def test_headline_speaker_in_quotation_marks(profile, line):
    art, res = _attrs(line, profile)
    (a,) = res[0]
    assert a.party == "Russia" and art.raw[a.speaker_start:a.speaker_end] == "وزارة الخارجية الروسية"
    assert art.raw[a.start:a.end].startswith("إسقاط 3")


def test_quoted_words_before_a_colon_that_name_no_actor_are_no_speaker(profile):
    _, res = _attrs("«يوم أسود»: إسقاط 3 طائرات مسيرة فوق القاعدة", profile)
    assert res[0] == []


def test_multi_sentence_quotation_keeps_its_speaker(profile):
    text = ("وقالت وزارة الدفاع الأذربيجانية في بيان: «صدت وحداتنا هجوما ليليا. وقد دمرنا 4 دبابات للعدو. "
            "وانسحب الباقون».\nوفي سياق آخر، ارتفعت أسعار الوقود.")
    art, res = _attrs(text, profile)
    assert [a.party for a in res[1]] == ["Azerbaijan"] and res[1][0].kind == "continued"
    assert res[2][0].party == "Azerbaijan"
    assert res[3] == []  # after the closing mark the quotation's speaker stops
    assert claimant_at(res[1], art.raw.index("4 دبابات")).party == "Azerbaijan"


def test_interview_answers_are_the_interviewees(profile):
    text = ("في مقابلة مع صحيفة محلية، تحدث وزير الخارجية الأرميني زهراب مناتساكانيان عن المفاوضات.\n"
            "- هل ستشاركون في جولة جديدة؟\n"
            "- نعم، نحن مستعدون، لكن الطرف الآخر يرفض.\n"
            "وفي خبر آخر، افتتح معرض للكتاب.")
    _, res = _attrs(text, profile)
    assert res[1] == []  # a question is the interviewer's
    assert [a.party for a in res[2]] == ["Armenia"] and res[2][0].inherited
    assert res[3] == []  # not an answer line


def test_came_in_statement_of_an_author(profile):
    art, res = _attrs("وجاء في تقرير لوزارة الخارجية الروسية أن الوضع يتدهور.", profile)
    (a,) = res[0]
    assert a.party == "Russia" and "الوضع يتدهور" in art.raw[a.start:a.end]


def test_agency_quoting_a_source_credits_the_source(profile):
    art, res = _attrs("أفادت وكالة محلية، نقلا عن وزارة الخارجية الروسية، أن موسكو سترسل 5 شاحنات إغاثة.", profile)
    main = [a for a in res[0] if a.kind != "relay"]
    assert [a.party for a in main] == ["Russia"]
    assert any(a.kind == "relay" for a in res[0])
    assert claimant_at(res[0], art.raw.index("5 شاحنات")).party == "Russia"


def test_source_only_verb_after_ma_and_relative_clause_verb(profile):
    art, res = _attrs("وبحسب ما نشرته وزارة الخارجية الروسية، وصل 40 مراقبا إلى المنطقة.", profile)
    assert claimant_at(res[0], art.raw.index("40")).party == "Russia"
    # the verb of a relative clause about a thing ("الهدنة التي أعلنت") has no speaker
    _, res = _attrs("وحث وزير الخارجية الإيراني الطرفين على احترام الهدنة التي أعلنت أمس.", profile)
    assert all(a.verb != "أعلنت" for a in res[0])


@pytest.mark.parametrize("text, party", [
    ("وقالت منظمة أطباء بلا حدود إن مستشفيين تضررا.", "Other"),
    ("وذكرت مصادر إعلامية فرنسية أن القتال تجدد.", "Media"),
])
def test_ngo_and_media_sources(profile, text, party):
    _, res = _attrs(text, profile)
    assert res[0][0].party == party


def test_same_ministry_back_reference(profile):
    text = "أعلنت وزارة الخارجية الروسية أن الاتصالات مستمرة.\nوبحسب الوزارة نفسها، غادر 30 دبلوماسيا المنطقة."
    _, res = _attrs(text, profile)
    assert [a.party for a in res[1]] == ["Russia"] and res[1][0].inherited


def test_kana_qad_names_a_new_speaker(profile):
    text = ("قال وزير الخارجية الأرميني زهراب مناتساكانيان إن الوضع خطير.\n"
            "وكان مسؤول في الحكومة التركية قد صرح أمس بأن الدعم سيستمر.")
    _, res = _attrs(text, profile)
    (a,) = res[1]
    assert a.party == "Turkey" and not a.inherited


def test_surname_of_an_earlier_unknown_speaker_keeps_its_party(profile):
    text = ("قال المتحدث باسم وزارة الطوارئ الروسية أليكسي فالنتينوف إن الوفد وصل.\n"
            "وأضاف فالنتينوف أن المحادثات ستبدأ غدا.")
    _, res = _attrs(text, profile)
    assert res[1][0].speaker == "فالنتينوف" and res[1][0].party == "Russia"


@pytest.mark.parametrize("text,party,speaker_en", [
    # the office title names the ministry even when the holder shares a surname with another actor
    ("وقال وزير الدفاع الأرميني الجديد فاغارشاك هاروتيونيان إن الجيش سيعاد تنظيمه.", "Armenia",
     "Ministry of Defence of Armenia"),
    ("وبحسب بيان للإليزيه، يريد ماكرون هدنة إنسانية فورية.", "France", "France"),
    ("وأفادت النيابة الأذربيجانية بأن التحقيق مستمر في الهجوم.", "Azerbaijan",
     "Prosecutor General's Office of Azerbaijan"),
    ("وقال عراقجي في طهران إن بلاده تعرض وساطتها.", "Iran", "Abbas Araghchi"),
])
def test_profile_spellings_for_offices_and_institutions(profile, text, party, speaker_en):
    _, res = _attrs(text, profile)
    assert res[0] and res[0][0].party == party and res[0][0].speaker_en == speaker_en


def test_bare_institution_noun_refers_back_to_the_named_institution(profile):
    text = ("أعلنت النيابة العامة الأذربيجانية أنها فتحت تحقيقا في القصف. "
            "وأوضحت النيابة في بيان أن التحقيق يشمل قادة عسكريين.")
    _, res = _attrs(text, profile)
    (a,) = [x for x in res[1] if x.kind != "relay"]
    assert a.party == "Azerbaijan" and a.speaker_en == "Prosecutor General's Office of Azerbaijan"


def test_unknown_authority_named_by_its_place_takes_the_place_party(profile):
    # "X في <place>": an official body the profile does not list, governing a profile place
    art, res = _attrs("وذكرت لجنة الإغاثة في إقليم قره باغ أن القصف طال مدرستين.", profile)
    (a,) = _main(res[0])
    assert a.party == "Artsakh" and a.speaker_en == "Artsakh authorities"
    assert art.raw[a.speaker_start:a.speaker_end] == "لجنة الإغاثة في إقليم قره باغ"
    # a head noun with the place straight after it ("محافظ ستيباناكيرت")
    art, res = _attrs("وقال محافظ ستيباناكيرت إن المدينة بلا كهرباء منذ يومين.", profile)
    (a,) = _main(res[0])
    assert a.party == "Artsakh"
    # the same body with no place stays Unknown
    art, res = _attrs("وذكرت لجنة الإغاثة أن القصف طال مدرستين.", profile)
    (a,) = _main(res[0])
    assert a.party == "Unknown"


def test_emergency_service_is_a_speaker_and_its_anaphor_continues(profile):
    art, res = _attrs("أعلنت خدمة الإنقاذ في قره باغ، الخميس، انتشال جثث 12 جنديا. "
                      "وأوضحت الخدمة أن البحث مستمر في الغابات.", profile)
    (a,) = _main(res[0])
    assert a.party == "Artsakh"
    (b,) = _main(res[1])
    assert b.party == "Artsakh"


def test_institute_heads_an_ngo(profile):
    art, res = _attrs("وقال معهد دراسات السلام إن الهدنة هشة.", profile)
    (a,) = _main(res[0])
    assert a.party == "Other"


def test_figures_published_by_a_source_are_that_source(profile):
    art, res = _attrs("وبحسب حصيلة أعلنتها السلطات الانفصالية، قتل 57 عسكريا منذ الاثنين.", profile)
    (a,) = _main(res[0]) or res[0]
    assert a.party == "Artsakh"
    # a principle after "وفق" is no speaker
    art, res = _attrs("واتفق الجانبان على تبادل الجثث وفق مبدأ المعاملة بالمثل.", profile)
    assert not any("مبدأ" in a.speaker for a in res[0])


def test_spokesperson_of_the_body_just_named_is_explicit_not_inherited(profile):
    art, res = _attrs("أعلنت هيئة الإنقاذ في قره باغ انتشال جثث 9 جنود. "
                      "وقال المتحدث باسم الهيئة، غاريك بيتروسيان، إن البحث مستمر.", profile)
    (b,) = _main(res[1])
    assert b.party == "Artsakh" and not b.inherited
    assert art.raw[b.speaker_start:b.speaker_end] == "المتحدث باسم الهيئة"


def test_bare_title_before_a_persons_name_is_the_speaker(profile):
    art, res = _attrs('وصرح الرئيس إلهام علييف مساء الجمعة أن "القرى عادت إلى أهلها".', profile)
    (a,) = res[0]
    assert a.speaker_en == "Ilham Aliyev" and not a.inherited
    assert art.raw[a.speaker_start:a.speaker_end] == "الرئيس إلهام علييف"


def test_definite_representative_of_an_institution_speaks_for_it(profile):
    art, res = _attrs("وأكد الممثل الرسمي لوزارة الدفاع الأرمينية أن الطيران المعادي خسر 4 طائرات.", profile)
    (a,) = res[0]
    assert a.party == "Armenia" and not a.inherited
    assert art.raw[a.speaker_start:a.speaker_end].startswith("الممثل الرسمي لوزارة الدفاع الأرمينية")


def test_state_body_named_by_a_masculine_noun_takes_a_masculine_verb(profile):
    art, res = _attrs("وقال أمين المظالم إن الوضع صعب. وصرح الجيش الإيراني بأن رادارته رصدت طائرة مجهولة.", profile)
    a = res[1][0]
    assert a.party == "Iran" and not a.inherited
    assert art.raw[a.speaker_start:a.speaker_end] == "الجيش الإيراني"


def test_statement_anaphor_skips_a_speaker_who_only_named_the_other_sides_statement(profile):
    text = ("أعلنت وزارة الدفاع الأذربيجانية أن قواتها قصفت مواقع معادية.\n"
            "في المقابل، رفضت وزارة الدفاع الأرمينية ذلك، واصفة البيان الأذربيجاني بأنه كاذب.\n"
            "وأفادت وزارة الدفاع الأذربيجانية أيضا بإسقاط مسيرة.\n"
            "وأضاف البيان أن قرية تعرضت للقصف.")
    art, res = _attrs(text, profile)
    a = res[-1][0]
    assert a.inherited and a.party == "Azerbaijan"


def test_exchange_of_accusations_gives_one_row_per_side_and_is_not_continued(profile):
    text = ("وقالت وزارة الدفاع الأرمينية إن القصف تواصل ليلا.\n"
            "وتبادلت باكو ويريفان الاتهامات بانتهاك الهدنة الإنسانية.\n"
            "وأضافت أن 4 جنود أصيبوا.")
    art, res = _attrs(text, profile)
    assert {a.party for a in res[1]} == {"Armenia", "Azerbaijan"}
    assert all(a.lemma and not a.inherited for a in res[1])
    assert res[2][0].party == "Armenia" and res[2][0].inherited


def test_exchange_of_fire_or_prisoners_is_no_statement(profile):
    _, res = _attrs("وتبادل الجيشان إطلاق النار قرب الحدود.\nوأعلن الجانبان تبادل الأسرى غدا.", profile)
    assert not res[0]
    assert all(a.verb != "تبادل" for a in res[1])


def test_according_to_figures_credits_their_author(profile):
    _, res = _attrs("ووفقا لأرقام الجانب الأذربيجاني، أصيب 40 مدنيا في القصف.", profile)
    (a,) = res[0]
    assert a.kind == "according_to" and a.party == "Azerbaijan"
    _, res = _attrs("وحسب إحصاءات وزارة الدفاع الأرمينية، فقد قتل 12 جنديا.", profile)
    (a,) = res[0]
    assert a.speaker_en == "Ministry of Defence of Armenia"


def test_hasabama_verb_is_part_of_the_attribution_word(profile):
    art, res = _attrs("وأصيب 7 مدنيين حسبما ذكرت وزارة الصحة الأرمينية.", profile)
    (a,) = res[0]
    assert art.raw[a.speaker_start:a.speaker_end].startswith("وزارة الصحة")
    assert a.party == "Armenia"


def test_one_of_a_group_and_rawa_report(profile):
    art, res = _attrs("وروت إحدى المسعفات أن سيارة الإسعاف تعرضت للقصف.", profile)
    (a,) = res[0]
    assert art.raw[a.speaker_start:a.speaker_end] == "إحدى المسعفات" and not a.inherited


def test_headline_anaphor_with_colon_resolves_to_the_actor_named_in_the_body(profile):
    text = ("الوزارة: إسقاط 3 مسيرات فوق العاصمة\n\n"
            "أعلنت وزارة الدفاع الأرمينية، السبت، أن دفاعاتها الجوية أسقطت 3 طائرات مسيرة.")
    art, res = _attrs(text, profile)
    (a,) = res[0]
    assert a.speaker_en == "Ministry of Defence of Armenia" and not a.inherited
    assert art.raw[a.speaker_start:a.speaker_end] == "الوزارة"


def test_headline_anaphor_without_a_matching_actor_is_left_alone(profile):
    _, res = _attrs("الوكالة: هدوء حذر\n\nقال الرئيس الروسي فلاديمير بوتين إن الوضع هادئ.", profile)
    assert not res[0]


def test_spokesperson_of_an_anaphoric_body_in_a_city_is_not_the_citys_state(profile):
    text = ("وأعلنت منظمة الأمن والتعاون في أوروبا أنها سترسل مراقبين.\n"
            "وأكد المتحدث باسم المنظمة في موسكو أن الفريق جاهز.")
    art, res = _attrs(text, profile)
    (a,) = res[1]
    assert a.party == "OSCE"
    assert art.raw[a.speaker_start:a.speaker_end] == "المتحدث باسم المنظمة"


def test_talab_is_a_demand_verb_only_as_a_verb(profile):
    _, res = _attrs("وطلبت باكو من مجموعة مينسك الضغط على يريفان.", profile)
    (a,) = res[0]
    assert a.party == "Azerbaijan" and a.topic_hint == "demand"
    _, res = _attrs("وأرسلت أرمينيا طلب مساعدة عاجلا إلى موسكو.", profile)
    assert not res[0]


def test_past_statement_after_baada_an_with_a_named_speaker(profile):
    art, res = _attrs("وتراجعت حدة القصف بعد أن حذر وزير الخارجية التركي مولود جاويش أوغلو من التصعيد.", profile)
    (a,) = res[0]
    assert a.party == "Turkey" and a.verb == "حذر"
    _, res = _attrs("ويجب أن نقول الحقيقة للناس.", profile)
    assert not res[0]


def test_outlet_named_in_quotes_right_after_the_verb_is_the_media(profile):
    art, res = _attrs('وكتبت "فايننشال تايمز" أن الوساطة تعثرت.', profile)
    (a,) = res[0]
    assert a.party == "Media" and art.raw[a.speaker_start:a.speaker_end] == "فايننشال تايمز"
    _, res = _attrs('وأضاف "العدو" إن الهجوم فشل.', profile)
    assert all(a.party != "Media" for a in res[0])


def test_official_body_named_by_its_state_adjective_speaks_for_the_state(profile):
    _, res = _attrs("وقالت وزارة الطاقة الروسية إن الإمدادات مستمرة.", profile)
    (a,) = _main(res[0])
    assert (a.party, a.speaker_en) == ("Russia", "Russia")
    _, res = _attrs("وقال مسؤول روسي إن الإمدادات مستمرة.", profile)
    (a,) = _main(res[0])
    assert (a.party, a.speaker_en) == ("Russia", "")  # an anonymous official stays anonymous


def test_authority_of_the_place_the_sentence_opens_with(profile):
    _, res = _attrs("وفي خانكندي، قالت السلطات المحلية إن القصف استمر طوال الليل.", profile)
    (a,) = _main(res[0])
    assert a.party == "Artsakh"
    _, res = _attrs("وفي الأردن، أعربت وزارة الخارجية عن قلقها من التصعيد.", profile)
    (a,) = _main(res[0])
    assert a.party == "Other"


def test_title_phrase_of_a_state_is_masculine(profile):
    _, res = _attrs("أعلن محافظ خدا آفرين أن قذيفة سقطت قرب الحدود.", profile)
    (a,) = _main(res[0])
    assert (a.party, a.inherited) == ("Iran", False)


def test_anaphor_with_an_object_and_impersonal_yudhkar(profile):
    _, res = _attrs("أعربت وزارة الخارجية الفرنسية عن قلقها. وجددت الوزارة دعم باريس للحوار. "
                    "ويذكر أن المعارك اندلعت في سبتمبر.", profile)
    (a,) = _main(res[1])
    assert (a.party, a.inherited) == ("France", True)
    assert _main(res[2]) == []


def test_own_standards_and_available_information_are_no_speakers(profile):
    _, res = _attrs("وقال لافروف إن التبادل يجري بوساطة الصليب الأحمر ووفق معاييرها، "
                    "وإن عدد القتلى كبير وفق المعلومات المتوفرة.", profile)
    assert [a.speaker_en for a in _main(res[0])] == ["Sergei Lavrov"]


def test_anaphor_resolves_to_a_body_named_earlier_that_was_no_speaker(profile):
    _, res = _attrs("تبث وزارة الدفاع الأرمينية صورا للمعارك كل مساء. وأكدت الوزارة أنها أسقطت 4 مسيرات. "
                    "ووفق الوزارة، فإن الهجوم فشل.", profile)
    (a,) = _main(res[1])
    assert (a.speaker_en, a.inherited) == ("Ministry of Defence of Armenia", True)
    (b,) = [x for x in res[2] if x.kind == "according_to"]
    assert b.speaker_en == "Ministry of Defence of Armenia"


def test_estimate_verb_attributes_but_not_when_impersonal(profile):
    _, res = _attrs("أصدرت النيابة العامة الأذربيجانية تقريرا عن القصف. وتقدر النيابة عدد الجرحى بأكثر من 50. "
                    "ويقدر عدد سكان البلدة بنحو 8 آلاف نسمة.", profile)
    (a,) = _main(res[1])
    assert (a.speaker_en, a.verb) == ("Prosecutor General's Office of Azerbaijan", "وتقدر")
    assert _main(res[2]) == []
    _, res = _attrs("وقدر خبراء عسكريون أن الجيش خسر 30 دبابة.", profile)
    (a,) = _main(res[0])
    assert (a.speaker, a.party) == ("خبراء عسكريون", "Unknown")


def test_official_figures_of_a_state_speak_for_it(profile):
    _, res = _attrs("قتل 40 جنديا خلال أسبوع، بحسب الأرقام الرسمية في يريفان.", profile)
    (a,) = [x for x in res[0] if x.kind == "according_to"]
    assert (a.party, a.speaker_en) == ("Armenia", "Armenia")
    art, res = _attrs("ووفق إحصاءات رسمية أرمينية، دمرت 12 دبابة، فيما تقول باكو إن العدد أكبر.", profile)
    a = claimant_at(res[0], art.raw.index("12"))
    assert a.party == "Armenia"


def test_head_of_a_body_just_named_and_unnamed_spokesman_are_anaphoric(profile):
    _, res = _attrs("أعلنت النيابة العامة الأذربيجانية فتح تحقيق. وقال رئيس النيابة إن التحقيق سيستمر.", profile)
    (a,) = _main(res[1])
    assert (a.speaker_en, a.inherited) == ("Prosecutor General's Office of Azerbaijan", True)
    _, res = _attrs("أعلن جيش قره باغ صد هجوم. وقال المتحدث باسم الجيش في بيان إن الهجوم فشل.", profile)
    (a,) = _main(res[1])
    assert (a.speaker_en, a.inherited) == ("Artsakh Defence Army", True)


def test_quoted_actor_name_after_the_verb_and_quoted_headline_noun(profile):
    _, res = _attrs('"اللجنة": تبادل 30 أسيرا\n\nرصدت "اللجنة الدولية للصليب الأحمر" تبادل 30 أسيرا بين الطرفين.', profile)
    assert [a.speaker_en for a in _main(res[0])] == ["International Committee of the Red Cross"]
    _, res = _attrs('ووثقت "المرصد السوري لحقوق الإنسان" سقوط 12 قتيلا.', profile)
    assert [a.speaker_en for a in _main(res[0])] == ["Syrian Observatory for Human Rights"]


def test_place_a_speaker_came_from_is_not_its_party(profile):
    _, res = _attrs("وقال لاجئ قادم من أرمينيا لمراسلنا إن القصف لم يتوقف.", profile)
    (a,) = _main(res[0])
    assert a.party == "Unknown" and a.speaker_en == ""


def test_announcement_noun_gives_a_claimant_but_no_statement(profile):
    art, res = _attrs("وجاءت الاحتجاجات بعد إعلان وزارة الدفاع الأرمينية مقتل 15 جنديا.", profile)
    a = claimant_at(res[0], art.raw.index("15"))
    assert (a.speaker_en, a.kind) == ("Ministry of Defence of Armenia", "continued")


def test_unknown_speakers_researcher_name_with_age_and_media_accusing_a_state(profile):
    _, res = _attrs("وقال أستاذ في جامعة بريطانية إن الحرب ستطول.", profile)
    (a,) = _main(res[0])
    assert (a.party, a.inherited) == ("Unknown", False)
    _, res = _attrs("وقال كريم (40 عاما)، وهو سائق من بيروت، إنه فقد عمله. وأضاف أنه سيعود.", profile)
    assert [(a.speaker, a.inherited) for a in _main(res[1])] == [("كريم", True)]
    _, res = _attrs("واتهمت وسائل إعلام أرمينية باكو بقصف المدارس.", profile)
    (a,) = _main(res[0])
    assert (a.party, a.speaker_en) == ("Media", "")


def test_body_anaphor_followed_by_a_count_is_the_anaphor(profile):
    _, res = _attrs("نشرت منظمة العفو الدولية تقريرا. كما رصدت المنظمة 5 هجمات، وأحصت المنظمة 12 قتيلا.", profile)
    assert all(a.speaker == "" or "5" not in a.speaker for a in res[1])


def test_words_of_an_actor_as_object_evidence_and_pronounless_relative_clause(profile):
    _, res = _attrs("ونفت الخارجية الأرمينية الخبر، ووصفت تصريحات علييف بأنها كاذبة.", profile)
    assert [(a.speaker_en, a.inherited) for a in _main(res[0])] == [
        ("Ministry of Foreign Affairs of Armenia", False), ("Ministry of Foreign Affairs of Armenia", True)]
    _, res = _attrs("وقتل 5 جنود، استنادا إلى صور نشرت أمس.", profile)
    assert res[0] == []
    _, res = _attrs("وعرضت مدافع أرمينية قالت يريفان إن قواتها فقدتها في المعارك.", profile)
    assert [a.speaker_en for a in _main(res[0])] == ["Armenia"]


def test_spokesperson_of_a_body_named_earlier_with_its_place(profile):
    _, res = _attrs("أعلنت خدمة الإنقاذ في إقليم قره باغ انتشال 9 جثث. "
                    "وقال المتحدث باسم خدمة الإنقاذ سيمون بيتروسيان إن البحث مستمر. "
                    "وأضاف بيتروسيان أن الفرق تعمل ليلا.", profile)
    first = _main(res[0])[0]
    assert first.party == "Artsakh"
    (a,) = [x for x in _main(res[1]) if not x.inherited]
    assert (a.party, a.speaker_en) == ("Artsakh", first.speaker_en)
    (b,) = _main(res[2])
    assert b.party == "Artsakh"


def test_figure_noun_denial_relative(profile):
    _, res = _attrs("وقال مسؤول أذربيجاني إن 40 جنديا أرمينيا قتلوا، وهو رقم نفته وزارة الدفاع الأرمينية.", profile)
    (d,) = denials_in(res[0])
    assert d.speaker_en == "Ministry of Defence of Armenia"


def test_passive_yudaa_names_a_person_and_is_no_reporting_verb(profile):
    _, res = _attrs("وقال مزارع، ويدعى سامفيل، للصحفيين إن القذائف سقطت قرب منزله.", profile)
    assert [a.verb for a in _main(res[0])] == ["وقال"]
    _, res = _attrs("وتدعي يريفان أن قواتها صدت الهجوم.", profile)
    assert [a.party for a in _main(res[0])] == ["Armenia"]


def test_dateline_with_a_quoted_outlet_is_not_a_statement(profile):
    _, res = _attrs("لافروف يدعو إلى الهدوء\n\nأنقرة: «الوطن»\n\nدعا وزير الخارجية الروسي سيرغي لافروف إلى الهدوء.",
                    profile)
    assert res[1] == [] and [a.party for a in _main(res[2])] == ["Russia"]
    _, res = _attrs("بوتين: «لا حل عسكريا»\n\nوقال بوتين إن الحرب خطيرة.", profile)
    assert [a.party for a in _main(res[0])] == ["Russia"]


def test_interview_announced_without_a_verb_and_answer_paragraph_continues(profile):
    text = ("صرح وزير الخارجية الأرميني زهراب مناتساكانيان بأن المفاوضات متعثرة.\n"
            "وجاءت تصريحات الوزير في مقابلة مع صحيفة محلية.\n"
            "- كيف تقيمون الوضع؟\n"
            "- أسقطنا حتى اليوم 12 طائرة مسيرة. كما دمرنا 3 دبابات.\n"
            "- وماذا عن الهدنة؟ الطرف الآخر يتحدث عنها.\n"
            "وفي خبر آخر، افتتح معرض للكتاب.")
    art, res = _attrs(text, profile)
    assert res[2] == []  # a question is the interviewer's
    assert [a.party for a in res[3]] == ["Armenia"]  # the answer line
    assert [a.party for a in res[4]] == ["Armenia"] and res[4][0].kind == "continued"  # same answer
    assert res[6] == []  # the second sentence of a question paragraph is not an answer
    assert res[7] == []


def test_interview_with_unmarked_question_lines(profile):
    text = ("قال وزير الخارجية الأرميني زهراب مناتساكانيان إن بلاده تريد السلام. وإلى نص الحوار:\n\n"
            "ما تقييمكم للمعارك؟ يتحدث مسؤولون عن خسائر كبيرة؟\n"
            "لقد صمدنا طويلا. وقتل منذ الأحد 6 مدنيين.\n\n"
            "هل تقبلون الوساطة؟\n"
            "نعم، عبر مجموعة مينسك.")
    art, res = _attrs(text, profile)
    assert res[2] == [] and res[3] == []  # question lines are the interviewer's, even with a speaker in them
    assert [(a.party, a.kind) for a in res[4]] == [("Armenia", "verb")]  # the line after a question answers
    assert [(a.party, a.kind) for a in res[5]] == [("Armenia", "continued")]
    assert claimant_at(res[5], art.raw.index("6 مدنيين")).party == "Armenia"
    assert res[4][0].end == res[5][0].end  # the answer's statement spans the whole answer
    assert [a.party for a in res[7]] == ["Armenia"]


def test_spokesperson_of_a_body_named_in_full_earlier(profile):
    text = ("وصلت فرق تابعة لخدمة الطوارئ في قره باغ إلى القرية. "
            "وقال المتحدث باسم خدمة الطوارئ هوفيك داليان إن الفرق عثرت على 12 جثة. "
            "وأضاف داليان أن البحث مستمر.")
    _, res = _attrs(text, profile)
    (a,) = _main(res[1])
    assert (a.party, a.speaker_en, a.inherited) == ("Artsakh", "Artsakh authorities", False)
    assert [x.party for x in _main(res[2])] == ["Artsakh"]  # the name repeated


def test_according_to_what_an_agency_relayed_from_a_governor(profile):
    text = ("سقطت قذيفة قرب قرية حدودية، بحسب ما نقلته وكالة محلية عن محافظ أردبيل. "
            "وكان المحافظ قد قال إن صاروخا أصاب 3 منازل.")
    art, res = _attrs(text, profile)
    (a,) = [x for x in res[0] if x.kind != "relay"]
    assert a.party == "Iran" and a.relayed_by  # the governor is credited, the agency relays
    (b,) = res[1]
    assert (b.party, b.inherited) == ("Iran", True)  # "المحافظ" refers back to the governor
    assert claimant_at(res[1], art.raw.index("3 منازل")).party == "Iran"


def test_official_figures_of_the_side_named_first_and_a_trailing_source_in_a_contrast_clause(profile):
    text = ("على الجانب الأذربيجاني، تقول الأرقام الرسمية إن 200 عسكري قتلوا، "
            "بينما أصيب 40 مدنيا بحسب وزارة الصحة الأرمينية.")
    art, res = _attrs(text, profile)
    assert claimant_at(res[0], art.raw.index("200 عسكري")).party == "Azerbaijan"
    assert claimant_at(res[0], art.raw.index("40 مدنيا")).party == "Armenia"


def test_amma_topic_phrase_is_the_subject_of_later_reporting_verbs(profile):
    text = ("وقالت وزارة الدفاع الأرمينية إن القتال مستمر. "
            "أما صحيفة الباييس الإسبانية فأفردت صفحتها الأولى للحرب، وكتبت أن 30 دبابة دمرت.")
    art, res = _attrs(text, profile)
    assert {a.party for a in res[1]} == {"Media"}
    assert claimant_at(res[1], art.raw.index("30 دبابة")).party == "Media"


def test_anaphor_noun_with_an_unmapped_nationality_is_a_new_speaker(profile):
    text = ("وقالت وزارة الدفاع الأرمينية إن القصف مستمر. "
            "وفي روما، أعربت الحكومة الإيطالية عن قلقها من التصعيد.")
    _, res = _attrs(text, profile)
    (a,) = res[1]
    assert (a.party, a.inherited) == ("Other", False)
    _, res = _attrs("قال السفير الإيطالي في باكو إن بلاده قلقة. وأضاف المسؤول الإيطالي أن الحل سياسي.", profile)
    assert res[1][0].inherited  # the same nationality named just before: the anaphor refers back


def test_latest_toll_announced_by_the_ministry_and_a_blog_tally(profile):
    text = ("قالت وزارة الدفاع الأذربيجانية إن المعارك مستمرة.\n"
            "وبحسب آخر حصيلة أعلنتها الوزارة، دمر الجيش 40 دبابة.\n"
            "وبحسب إحصاء أعدته مدونة عسكرية مستقلة، خسر الجيش 25 دبابة.")
    art, res = _attrs(text, profile)
    assert claimant_at(res[1], art.raw.index("40 دبابة")).party == "Azerbaijan"
    assert claimant_at(res[2], art.raw.index("25 دبابة")).party == "Media"


def test_request_after_qad_or_dateline_dash_and_breaking_label_headline(profile):
    art, res = _attrs("وكانت أذربيجان قد طلبت من الأمم المتحدة إرسال مراقبين.", profile)
    assert [a.party for a in _main(res[0])] == ["Azerbaijan"]
    art, res = _attrs("باكو (وكالات) - طلب الرئيس الأذربيجاني إلهام علييف من موسكو التوسط.", profile)
    assert "Azerbaijan" in [a.party for a in _main(res[0])]
    art, res = _attrs("وقال مقاتل، طلب عدم ذكر اسمه، إن الرواتب تأخرت.", profile)
    assert all(a.verb != "طلب" for a in res[0])
    art, res = _attrs("عاجل | أذربيجان: إسقاط طائرتين مسيرتين فوق ترتر", profile)
    assert [a.party for a in _main(res[0])] == ["Azerbaijan"]


def test_security_council_secretary_and_peacekeeping_command_and_qatar(profile):
    _, res = _attrs("وقال أمين مجلس الأمن القومي الأرميني إن الوضع هادئ.", profile)
    assert [a.party for a in _main(res[0])] == ["Armenia"]
    _, res = _attrs("وقالت قيادة قوات حفظ السلام الروسية إنها سجلت خرقا جديدا.", profile)
    assert [a.party for a in _main(res[0])] == ["Russia"]
    _, res = _attrs("ودعت دولة قطر إلى ضبط النفس.", profile)
    assert [a.party for a in _main(res[0])] == ["Other"]


def test_bare_institution_or_official_figures_after_one_named_state(profile):
    art, res = _attrs("وأصيب في أرمينيا 45 مدنيا، بحسب وزارة الدفاع.", profile)
    assert claimant_at(res[0], art.raw.index("45")).party == "Armenia"
    art, res = _attrs("أما في أذربيجان، فقد بلغ عدد القتلى 70 مدنيا، وفق الأرقام الرسمية.", profile)
    assert claimant_at(res[0], art.raw.index("70")).party == "Azerbaijan"
    art, res = _attrs("وقتل في أرمينيا وأذربيجان 90 مدنيا، بحسب وزارة الدفاع.", profile)
    assert claimant_at(res[0], art.raw.index("90")).party not in ("Armenia", "Azerbaijan")


def test_according_set_off_by_commas_after_a_few_words_leads(profile):
    art, res = _attrs("ولا يزال، بحسب باكو، نحو 300 جندي أذربيجاني في عداد المفقودين.", profile)
    assert claimant_at(res[0], art.raw.index("300")).party == "Azerbaijan"


def test_coordinated_accusation_object_before_bi_and_in_turn(profile):
    _, res = _attrs("قالت وزارة الدفاع الأذربيجانية إن الهدنة انتهكت، وتتهم يريفان بقصف القرى.", profile)
    assert {a.party for a in _main(res[0])} == {"Azerbaijan"}
    _, res = _attrs("نفت وزارة الدفاع الأرمينية ذلك، واتهمت بدورها القوات الأذربيجانية بقصف المدنيين.", profile)
    assert {a.party for a in _main(res[0])} == {"Armenia"}
    _, res = _attrs("نفت وزارة الدفاع الأرمينية ذلك، ووصفت إعلان علييف بأنه دعاية.", profile)
    assert {a.party for a in res[0] if a.kind == "verb"} == {"Armenia"}


def test_ombudsman_with_nationality_speaks_for_the_state(profile):
    _, res = _attrs("وقال أمين المظالم الأذربيجاني إن القصف طال المدارس.", profile)
    (a,) = _main(res[0])
    assert a.party == "Azerbaijan" and a.speaker_en == "Azerbaijan"


def test_un_agency_official_and_three_letter_surname_repeat(profile):
    """A UN agency's official speaks for the UN; a 3-letter surname named again keeps the party."""
    text = ("وقال المدير الإقليمي لمنظمة الصحة العالمية كارل بون إن المستشفيات مكتظة.\n\n"
            "وأضاف بون أن الفرق الطبية تعمل ليلا ونهارا.")
    art, res = _attrs(text, profile)
    parties = [a.party for attrs in res for a in _main(attrs)]
    assert parties == ["UN", "UN"]


def test_european_parliament_member_speaks_for_eu(profile):
    art, res = _attrs("وقالت النائبة في البرلمان الأوروبي ماري دوران إن الأسرى يجب أن يعودوا.", profile)
    assert [a.party for attrs in res for a in _main(attrs)] == ["EU"]


def test_religious_leader_speaks_as_other(profile):
    """A religious leader named by title ("البابا", "البطريرك") speaks for no belligerent: Other."""
    art, res = _attrs("وقال البطريرك يوحنا إن الكنائس في المنطقة تضررت.", profile)
    assert [a.party for attrs in res for a in _main(attrs)] == ["Other"]


def test_person_anaphor_takes_a_titled_state_named_before(profile):
    """"وقال السفير" after "استقبل ... سفير أذربيجان" speaks for that state, not the last speaker."""
    text = ("وقال البطريرك يوحنا إن الكنائس تضررت.\n\n"
            "واستقبل البطريرك في اليوم التالي سفير أذربيجان لدى لبنان.\n\n"
            "وقال السفير للصحافيين إن القصف الأرميني قتل 12 مدنيا.")
    art, res = _attrs(text, profile)
    last = [a for a in _main(res[-1])]
    assert [a.party for a in last] == ["Azerbaijan"]


def test_spokesman_of_a_body_named_before_takes_its_party(profile):
    """"المتحدث باسم الخارجية <name>" with no country: the ministry named just before (Iran)."""
    text = ("استدعت وزارة الخارجية الإيرانية، أمس، القائم بالأعمال في طهران.\n\n"
            "وقال المتحدث باسم الخارجية علي رضا إن الشاحنات يجب أن تعبر بحرية.")
    art, res = _attrs(text, profile)
    last = _main(res[-1])
    assert [a.party for a in last] == ["Iran"] and last[0].inherited


def test_in_reply_adverbial_is_no_speaker(profile):
    """"وأضاف ردا على سؤال ..." continues the speaker before; "ردا" is no speaker."""
    text = ("قال وزير الدفاع الأرميني إن قواته صدت الهجوم.\n\n"
            "وأضاف ردا على سؤال لأحد الصحافيين أن القتال سيستمر.")
    art, res = _attrs(text, profile)
    last = _main(res[-1])
    assert [a.party for a in last] == ["Armenia"]


def test_according_to_figures_of_a_named_body(profile):
    """"وفق تقديرات المعهد ..." credits the institute (Other); "بحسب أرقام وزارة الدفاع" with no
    country credits the ministry named before."""
    art, res = _attrs("ويخدم في الجيش نحو 60 ألف جندي، وفق تقديرات المعهد الدولي للدراسات.", profile)
    assert [(a.speaker, a.party) for attrs in res for a in attrs] == [("المعهد الدولي للدراسات", "Other")]
    text = ("أعلنت وزارة الدفاع الأرمينية استدعاء الاحتياط.\n\n"
            "وبحسب أرقام وزارة الدفاع، التحق بالوحدات نحو 20 ألف احتياطي.")
    art, res = _attrs(text, profile)
    assert [(a.party, a.inherited) for a in res[-1]] == [("Armenia", True)]


def test_director_of_a_state_service_speaks_for_the_state(profile):
    """"مدير جهاز الأمن الروسي" speaks for Russia (speaker_en the state)."""
    art, res = _attrs("قال مدير جهاز الأمن الفدرالي الروسي إن مسلحين يقاتلون في الإقليم.", profile)
    (a,) = _main(res[0])
    assert a.party == "Russia" and a.speaker_en == "Russia"


def test_rare_continuation_verbs_keep_the_speaker(profile):
    """"وأردفت الوزارة" and "واستطرد" are say-verbs continuing the speaker named before."""
    text = ("قالت وزارة الدفاع الأرمينية إن قواتها صدت هجوما في الجنوب.\n\n"
            "وأردفت الوزارة أن عشرة جنود من العدو قتلوا.\n\n"
            "واستطرد البيان أن المعارك مستمرة.")
    art, res = _attrs(text, profile)
    assert [a.party for a in _main(res[1])] == ["Armenia"]
    assert [a.party for a in _main(res[2])] == ["Armenia"]


def test_private_sources_speak_for_no_state(profile):
    """A non-official source's nationality ("مصادر كنسية أرمنية", "مصادر تونسية") does not make it
    speak for that state: Unknown."""
    for text in ("وتقول مصادر كنسية أرمنية إن دير القرية تضرر.",
                 "وذكرت مصادر تونسية مطلعة أن شحنة أسلحة عبرت البحر."):
        art, res = _attrs(text, profile)
        assert [a.party for a in _main(res[0])] == ["Unknown"], text


def test_treaty_after_according_is_no_speaker(profile):
    """"وفق معاهدة الصداقة" names a document, not a speaker."""
    art, res = _attrs("وتتولى القوات الروسية حماية الحدود، وفق معاهدة التعاون لعام 2001.", profile)
    assert [a for attrs in res for a in attrs] == []


def test_flash_line_with_agency_tag(profile):
    """"* عاجل (وكالة): X: ..." is a headline statement of X; the agency tag is no speaker."""
    art, res = _attrs("* عاجل (إنترفاكس): وزارة الدفاع الأرمينية: قواتنا أسقطت ثلاث مسيرات معادية.", profile)
    assert [(a.party, a.speaker_en) for a in _main(res[0])] == [("Armenia", "Ministry of Defence of Armenia")]


def test_declared_measures_refusals_and_bylines_are_no_statements(profile):
    """"وأعلنت X حالة الطوارئ" and "يعلن التعبئة" are acts, "رفضت X التعليق" says nothing, "كتب: فلان"
    is a byline."""
    for text in ("وأعلنت الحكومة الأرمينية حالة الطوارئ في البلاد.",
                 "* الرئيس الأذربيجاني يعلن التعبئة العامة.",
                 "ورفضت وزارة الخارجية الروسية التعليق على التقرير.",
                 "كتب: سامي يوسف"):
        art, res = _attrs(text, profile)
        assert [a for attrs in res for a in attrs] == [], text
    art, res = _attrs("وأعلنت الحكومة الأرمينية أن حالة الطوارئ ستستمر.", profile)
    assert [a.party for a in _main(res[0])] == ["Armenia"]


def test_amma_topic_with_quoted_name_or_object_pronoun(profile):
    """"أما صحيفة «X» فنقلت عن مراسلها" credits the paper (Media); "أما X فاعتبره" credits X."""
    art, res = _attrs("أما صحيفة «الغارديان» البريطانية فنقلت عن مراسلها أن القصف استمر.", profile)
    assert [a.party for a in _main(res[0])] == ["Media"]
    art, res = _attrs("أما باشينيان فوصفه بأنه اتفاق مؤلم.", profile)
    assert [a.party for a in _main(res[0])] == ["Armenia"]


def test_members_of_a_state_body_speak_for_its_state(profile):
    """"أعضاء في مجلس الشيوخ الأميركي" speak for the USA."""
    art, res = _attrs("وطالب أعضاء في مجلس الشيوخ الأميركي بوقف المساعدات.", profile)
    assert [a.party for a in _main(res[0])] == ["USA"]


def test_international_ngo_named_without_head_is_other(profile):
    """"أفادت أطباء بلا حدود" / "هيومن رايتس ووتش" without "منظمة": a non-governmental organisation."""
    art, res = _attrs("وقالت أطباء بلا حدود إن فرقها عالجت عشرات المصابين.", profile)
    assert [a.party for a in _main(res[0])] == ["Other"]


def test_female_ombudsman_title_and_its_short_form(profile):
    # "أمينة" (the feminine of أمين) heads an ombudsman's title with a place or a nationality;
    # the title repeated without them is the same speaker, inherited like "وأضافت الوزارة"
    _, res = _attrs("قالت أمينة المظالم في أرمينيا نارين تاتويان إن القصف أصاب مدرستين. "
                    "وأكدت أمينة المظالم أن المسؤولين عن القصف يجب أن يحاسبوا.", profile)
    a, b = _main(res[0])[0], _main(res[1])[0]
    assert a.party == "Armenia" and a.speaker_en == "Armenia" and not a.inherited
    assert b.party == "Armenia" and b.inherited
    _, res = _attrs("وأكدت أمينة المظالم الأذربيجانية أن المدنيين تعرضوا للقصف.", profile)
    assert _main(res[0])[0].party == "Azerbaijan"


def test_surname_alone_is_the_person_last_named_in_full(profile):
    # two listed people share a surname: alone it is the one the text named in full before it
    text = ("أعلن باشينيان تعيين فاغارشاك هاروتيونيان وزيرا للدفاع. "
            "وقال هاروتيونيان إن الجيش سيحقق في مصير المفقودين.")
    _, res = _attrs(text, profile)
    (b,) = _main(res[1])
    assert b.party == "Armenia" and b.speaker_en == "Ministry of Defence of Armenia" and not b.inherited
    _, res = _attrs("وقال هاروتيونيان إن الجيش سيحقق في مصير المفقودين.", profile)
    assert _main(res[0])[0].speaker_en == "Arayik Harutyunyan"
    _, res = _attrs("التقى فاغارشاك هاروتيونيان أرايك هاروتيونيان في ستيباناكيرت. "
                    "وقال هاروتيونيان إن الجيش سيحقق في مصير المفقودين.", profile)
    assert _main(res[1])[0].speaker_en == "Arayik Harutyunyan"  # the latest full name wins


def test_interview_opening_a_later_paragraph(profile):
    # the interview phrase opens the article's second paragraph (not the text's first character)
    text = ("المعارك تتواصل\n\n"
            "في لقاء مع صحيفة محلية، تحدث وزير الخارجية الأرميني زهراب مناتساكانيان عن المفاوضات.\n\n"
            "* كم عدد الضحايا؟\n\n"
            "- قتل 12 مدنيا في القصف.")
    _, res = _attrs(text, profile)
    (a,) = res[-1]
    assert a.party == "Armenia" and a.inherited and a.kind == "verb"


def test_title_before_a_named_subject_opens_the_clause(profile):
    # "، لكن الرئيس <name> قال": the title belongs to the subject before the verb
    _, res = _attrs("لم تعلن الحكومة حصيلة نهائية، لكن الرئيس رجب طيب أردوغان قال إن الدعم سيستمر.", profile)
    got = [a for a in _main(res[0]) if a.verb == "قال"]
    assert len(got) == 1 and got[0].speaker_en == "Recep Tayyip Erdogan" and not got[0].inherited


def test_amma_with_an_adverb_is_no_speaker(profile):
    # "أما ميدانيا، فقالت X": the word after أما is an adverb; X after the verb speaks
    _, res = _attrs("أما ميدانيا، فقالت وزارة الدفاع الأرمينية إن الجبهة هادئة.", profile)
    (a,) = _main(res[0])
    assert a.speaker_en == "Ministry of Defence of Armenia"
    _, res = _attrs("أما طهران، فقالت إن الحدود آمنة.", profile)
    assert _main(res[0])[0].party == "Iran"


def test_warned_of_that_has_no_subject(profile):
    # "وحذرت من أن": من is the verb's preposition; the speaker of the previous sentence goes on
    _, res = _attrs("قالت الخارجية الروسية إن الهدنة هشة. وحذرت من أن أي خرق سيقابل برد.", profile)
    (b,) = _main(res[1])
    assert b.party == "Russia" and b.inherited


def test_commission_short_form_is_an_anaphor(profile):
    _, res = _attrs("قالت مفوضية الأمم المتحدة لشؤون اللاجئين إن آلاف الأسر نزحت. "
                    "ودعت المفوضية إلى فتح ممرات آمنة.", profile)
    (b,) = _main(res[1])
    assert b.party == "UN" and b.inherited


def test_estimate_by_a_body_whose_name_opens_with_ba(profile):
    # the impersonal "يقدر بـ" must not swallow "ويقدر برنامج ..." (a named body estimating)
    _, res = _attrs("ويقدر برنامج الأغذية العالمي أن آلاف العائلات تحتاج إلى الغذاء.", profile)
    assert [a.party for a in _main(res[0])] == ["UN"]
    _, res = _attrs("ويقدر بنحو ألف شخص عدد العائدين إلى القرية.", profile)
    assert _main(res[0]) == []


def test_came_after_is_a_time_relation_not_a_source(profile):
    _, res = _attrs("قالت الخارجية الروسية إن الهدنة هشة. وجاءت هذه الخطوة بعد يومين من اجتماع الوزيرين.", profile)
    assert _main(res[1]) == []


def test_minsk_co_chair_speaks_for_the_group(profile):
    _, res = _attrs("وقال الرئيس المشارك الفرنسي لمجموعة مينسك إن الوسطاء سيلتقون الوزيرين.", profile)
    (a,) = _main(res[0])
    assert a.party == "OSCE" and a.speaker_en == "OSCE Minsk Group"


def test_headline_of_an_official_named_by_title_and_party(profile):
    text = "وزارة الداخلية الروسية: توقيف 3 مشتبه بهم في موسكو\n\nأعلنت الشرطة توقيف ثلاثة أشخاص."
    _, res = _attrs(text, profile)
    (a,) = _main(res[0])
    assert a.party == "Russia" and a.speaker_en == "Russia" and a.verb == ":"
    # a province of another state in the title is no party word of the title ("محافظ أذربيجان الشرقية")
    _, res = _attrs("محافظ أذربيجان الشرقية: سقوط 5 قذائف على قرى حدودية\n\nنص الخبر.", profile)
    assert all(a.party != "Azerbaijan" for a in _main(res[0]))


def test_country_ministry_named_without_its_country_after_the_country_spoke(profile):
    text = "رحبت مملكة البحرين بالاتفاق. وأكدت وزارة الخارجية، في بيان، دعم المملكة للحل السلمي."
    _, res = _attrs(text, profile)
    (a,) = _main(res[0])
    (b,) = _main(res[1])
    assert a.party == "Other" and b.party == "Other" and b.inherited


def test_member_of_parliament_speaks_for_the_state(profile):
    _, res = _attrs("وقال نائب في البرلمان الروسي إن موسكو لن تتدخل.", profile)
    (a,) = _main(res[0])
    assert a.party == "Russia" and a.speaker_en == "Russia"


@pytest.mark.parametrize("text, want", [
    # profile knowledge: the Duma, the Turkish parliament, the Minsk Group co-chairs
    ("ودعا مجلس الدوما الروسي إلى التهدئة.", ("Russia", "Russia")),
    ("وأدان البرلمان التركي القصف في بيان.", ("Turkey", "Turkey")),
    ("ودعا الرؤساء المشاركون لمجموعة مينسك إلى هدنة.", ("OSCE Minsk Group", "OSCE")),
    ("وتشير تقديرات أممية إلى نزوح الآلاف.", ("United Nations", "UN")),
])
def test_profile_speakers(profile, text, want):
    _, res = _attrs(text, profile)
    assert [(a.speaker_en, a.party) for a in _main(res[0])] == [want]


def test_bare_title_that_only_one_actor_bears_names_that_actor(profile):
    # nothing before refers to "النيابة العامة": the one actor whose spellings begin with it speaks
    text = "وقالت وزارة الصحة الأرمينية إن 3 جنود قتلوا. في المقابل، قالت النيابة العامة إن 5 مدنيين قتلوا."
    _, res = _attrs(text, profile)
    (a,) = _main(res[1])
    assert (a.speaker_en, a.party, a.inherited) == ("Prosecutor General's Office of Azerbaijan", "Azerbaijan", False)
    # with an adjective of another party, the words name that party's body
    _, res = _attrs("وقالت النيابة العامة الأرمينية إن 5 مدنيين قتلوا.", profile)
    assert [a.party for a in _main(res[0])] == ["Armenia"]


def test_head_of_a_bodys_mission_and_the_bodys_short_form_continue_the_body(profile):
    text = ("قالت اللجنة الدولية للصليب الأحمر إن فرقها وصلت إلى المدينة.\n"
            "وقال رئيس بعثة اللجنة في المنطقة إن المستشفيات تحتاج إلى أدوية.\n"
            "وقالت منظمة الصحة العالمية إن الوضع الصحي يتدهور.\n"
            "ودعت اللجنة الدولية الطرفين إلى حماية المدنيين.")
    _, res = _attrs(text, profile)
    icrc = "International Committee of the Red Cross"
    assert [a.speaker_en for a in _main(res[1])] == [icrc]
    assert [a.speaker_en for a in _main(res[3])] == [icrc]


def test_accused_before_a_quoted_charge_is_the_object(profile):
    # "واتهمت X بـ«...»": X is accused; the subject of the first verb accuses
    _, res = _attrs("ونفت وزارة الخارجية الروسية الخبر، واتهمت أنقرة بـ«نشر الأكاذيب».", profile)
    assert {a.party for a in res[0]} == {"Russia"}


def test_interview_introduced_by_fi_hadha_al_hiwar(profile):
    text = ("في هذا الحوار مع الصحيفة، يتحدث وزير الخارجية الأرميني عن تطورات المعارك.\n\n"
            "ما ردكم على الاتهامات؟\n"
            "لم نستهدف أي مدني. جيشنا يدافع عن أرضه.\n")
    _, res = _attrs(text, profile)
    assert res[1] == []  # the question is the interviewer's
    assert [(a.party, a.speaker_en, a.kind) for a in res[2]] == [("Armenia", "Zohrab Mnatsakanyan", "verb")]
    assert [a.party for a in res[3]] == ["Armenia"]


def test_relative_clause_with_an_actor_after_its_verb(profile):
    _, res = _attrs("ووصل الصحفيون إلى مدينة جبرائيل، التي أعلنت باكو السيطرة عليها الأسبوع الماضي.", profile)
    assert [(a.party, a.speaker_en) for a in _main(res[0])] == [("Azerbaijan", "Azerbaijan")]
    # no actor after the verb: no statement ("التي أعلنت" with an object pronoun or none)
    _, res = _attrs("ووصل الصحفيون إلى المدينة التي أعلنت الهدنة فيها.", profile)
    assert _main(res[0]) == []
