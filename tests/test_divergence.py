"""Source divergence on small synthetic losses and statements tables (the upstream columns exactly)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import divergence as dv


def loss(**kw) -> dict:
    row = {
        "article_id": "a1", "outlet": "Outlet A", "published": "2020-10-16", "claimant": "أذربيجان",
        "claimant_en": "Azerbaijan", "claimant_party": "Azerbaijan", "affected_side": "azerbaijani",
        "category": "killed", "population": "civilian", "action": "killed", "value": 1, "value_low": "",
        "value_high": "", "qualifier": "exact", "cumulative": False, "historical": False, "denied_by": "",
        "number_text": "", "sentence": "", "start": 0, "end": 0, "mentions": 1,
    }
    row.update(kw)
    return row


def statement(outlet: str, party: str) -> dict:
    return {"article_id": "s", "outlet": outlet, "published": "2020-10-16", "speaker": "x", "speaker_en": "x",
            "party": party, "verb": "قال", "topic": "other", "is_quote": False, "quote": "", "inherited": False,
            "text": "t", "start": 0, "end": 1}


S_47 = "وأعلنت أذربيجان عن مقتل 47 مدنيا وإصابة 222 آخرين في القصف الأرميني."
S_46 = "وأسفرت الهجمات عن مقتل 46 مدنيا، وإصابة 211 آخرين بجروح منذ بدء الهجمات، وفقا للنيابة العامة."
S_700 = "وارتفع عدد القتلى العسكريين إلى 700 حتى 18 أكتوبر بعد سقوط 36 قتيلا آخر."
S_ART1 = "وأكد تدمير 10 مدافع متحركة."
S_ART2 = "وقال إنه تم تدمير 24 بطارية مدفعية و136 مدفعية."


@pytest.fixture()
def losses() -> pd.DataFrame:
    rows = [
        # a1: the same claimant party gives 47/222 and 46/211 in two sentences
        loss(value=47, number_text="47", sentence=S_47, start=10),
        loss(category="wounded", action="wounded", value=222, number_text="222", sentence=S_47, start=20),
        loss(claimant="النيابة العامة الأذرية", claimant_en="Prosecutor General's Office of Azerbaijan", value=46,
             cumulative=True, number_text="46", sentence=S_46, start=100),
        loss(claimant="النيابة العامة الأذرية", claimant_en="Prosecutor General's Office of Azerbaijan",
             category="wounded", action="wounded", value=211, cumulative=True, number_text="211", sentence=S_46,
             start=110),
        # a2: Artsakh's own military toll with an increment in the same sentence; a denied claim; a historical figure
        loss(article_id="a2", outlet="Outlet B", published="2020-10-20", claimant="جيش قره باغ",
             claimant_en="Artsakh Defence Army", claimant_party="Artsakh", affected_side="armenian",
             population="military", value=700, cumulative=True, number_text="700", sentence=S_700, start=5),
        loss(article_id="a2", outlet="Outlet B", published="2020-10-20", claimant="جيش قره باغ",
             claimant_en="Artsakh Defence Army", claimant_party="Artsakh", affected_side="armenian",
             population="military", value=36, number_text="36", sentence=S_700, start=50),
        loss(article_id="a2", outlet="Outlet B", published="2020-10-20", claimant="وزارة الدفاع الأرمينية",
             claimant_en="Ministry of Defence of Armenia", claimant_party="Armenia", affected_side="azerbaijani",
             category="aircraft", population="", action="destroyed", value=1, denied_by="Azerbaijan",
             sentence="أسقطنا طائرة، وهو ما نفته وزارة الدفاع الأذربيجانية.", start=200),
        loss(article_id="a2", outlet="Outlet B", published="2020-10-20", claimant="", claimant_en="Outlet B",
             claimant_party="Media", affected_side="both", population="unspecified", value=30000, historical=True,
             cumulative=True, sentence="حرب أوقعت 30 ألف قتيل في التسعينيات.", start=300),
        # a3: the adversary's figure for Armenian military deaths; itemised artillery; an echoed tank count
        loss(article_id="a3", outlet="Outlet C", published="2020-10-22", claimant_en="Ministry of Defence of Azerbaijan",
             claimant="وزارة الدفاع الأذربيجانية", affected_side="armenian", population="military", value=2000,
             cumulative=True, sentence="قالت الوزارة إن 2000 جندي أرميني قتلوا.", start=1),
        loss(article_id="a3", outlet="Outlet C", published="2020-10-22", affected_side="armenian", category="artillery",
             population="", action="destroyed", value=10, sentence=S_ART1, start=40),
        loss(article_id="a3", outlet="Outlet C", published="2020-10-22", affected_side="armenian", category="artillery",
             population="", action="destroyed", value=24, sentence=S_ART2, start=80),
        loss(article_id="a3", outlet="Outlet C", published="2020-10-22", affected_side="armenian", category="artillery",
             population="", action="destroyed", value=136, sentence=S_ART2, start=90),
        loss(article_id="a3", outlet="Outlet C", published="2020-10-22", affected_side="armenian", category="tanks",
             population="", action="destroyed", value=196, cumulative=True, sentence="تدمير 196 دبابة", start=120),
        loss(article_id="a3", outlet="Outlet C", published="2020-10-22", affected_side="armenian",
             category="armored_vehicles", population="", action="destroyed", value=1, sentence="عربة", start=130),
        # a4, a5: Artsakh revises its toll; the tank count is echoed by another outlet
        loss(article_id="a4", outlet="Outlet A", published="2020-10-25", claimant="جيش قره باغ",
             claimant_en="Artsakh Defence Army", claimant_party="Artsakh", affected_side="armenian",
             population="military", value=900, cumulative=True, sentence="ارتفع العدد إلى 900.", start=3),
        loss(article_id="a4", outlet="Outlet A", published="2020-10-25", affected_side="armenian", category="tanks",
             population="", action="destroyed", value=196, cumulative=True, sentence="تدمير 196 دبابة", start=60),
        loss(article_id="a5", outlet="Outlet A", published="2020-10-26", affected_side="armenian", category="tanks",
             population="", action="destroyed", value=196, cumulative=True, sentence="تدمير 196 دبابة", start=60),
        loss(article_id="a5", outlet="Outlet A", published="2020-10-26", affected_side="armenian",
             category="armored_vehicles", population="", action="destroyed", value=1, sentence="عربة", start=70),
    ]
    return pd.DataFrame(rows, columns=dv.LOSS_COLUMNS)


@pytest.fixture()
def claims(losses, profile) -> pd.DataFrame:
    return dv.add_claim_fields(losses, profile)


# ---------------------------------------------------------------- dates and flags

@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("قتلى حتى 16 أكتوبر/تشرين الأول", "2020-10-20", ("2020-10-16", "sentence")),
        ("منذ 27 سبتمبر/أيلول الماضي وحتى 16 أكتوبر/تشرين الأول", "2020-10-20", ("2020-10-16", "sentence")),
        ("منذ انطلاق الاشتباكات في 27 أيلول/ سبتمبر الماضي تم تدمير 196 دبابة", "2020-10-09", ("2020-10-09", "article")),
        ("بلغ العدد 40 حتى 30 ديسمبر", "2021-01-05", ("2020-12-30", "sentence")),
        ("بلغ العدد 40 في 3 نوفمبر 2020", "2020-10-05", ("2020-10-05", "article")),  # after the article: ignored
        ("وفي 27 سبتمبر/ أيلول الماضي،بدأ الجيش عملية حرر خلالها 30 قرية", "2020-10-09", ("2020-10-09", "article")),
        ("قتل 5 جنود في 7 أكتوبر وبدأت المعارك مجددا", "2020-10-09", ("2020-10-07", "sentence")),
        ("لا تاريخ هنا", "", ("", "")),
    ],
)
def test_claim_date(sentence, published, expected):
    assert dv.claim_date(sentence, published) == expected


def test_increment_vs_others():
    assert dv.is_increment("36", "بعد سقوط 36 قتيلا آخر")
    assert not dv.is_increment("222", "مقتل 47 مدنيا وإصابة 222 آخرين في القصف")
    assert not dv.is_increment("700", S_700)


def test_perspective(profile):
    assert dv.perspective("Artsakh", "armenian", profile) == "self-reported"
    assert dv.perspective("Azerbaijan", "armenian", profile) == "adversary-claimed"
    assert dv.perspective("Russia", "azerbaijani", profile) == "third-party"
    assert dv.perspective("Unknown", "armenian", profile) == "unknown"
    assert dv.perspective("Azerbaijan", "both", profile) == "unknown"


def test_metric_label(profile):
    assert dv.metric_label("armenian", "killed", "military", "killed", profile) == "Armenian servicemen killed"
    assert dv.metric_label("azerbaijani", "tanks", "", "captured", profile) == "Azerbaijani tanks captured"


def test_prepare_reads_csv_strings(losses, tmp_path):
    path = tmp_path / "losses.csv"
    losses.to_csv(path, index=False, encoding="utf-8")
    back = dv.prepare_losses(dv.read_table(path, dv.LOSS_COLUMNS))
    assert back["cumulative"].dtype == bool and back["historical"].sum() == 1
    assert back["value"].tolist()[:3] == [47.0, 222.0, 46.0]
    with pytest.raises(ValueError, match="lacks column"):
        dv.prepare_losses(losses.drop(columns=["denied_by"]))
    with pytest.raises(FileNotFoundError):
        dv.read_table(tmp_path / "missing.csv", dv.LOSS_COLUMNS)


# ---------------------------------------------------------------- 1. divergence per metric

def test_metric_summary_ranges_ratios_and_sides(claims, profile):
    summary = dv.metric_summary(claims, profile).set_index("metric")
    mil = summary.loc["Armenian servicemen killed"]
    assert (mil["metric_min"], mil["metric_max"]) == (36, 2000)
    assert mil["ratio_max_min"] == pytest.approx(2000 / 36)
    assert mil["self_max"] == 900 and mil["adversary_max"] == 2000
    assert mil["adversary_to_self"] == pytest.approx(2000 / 900)
    assert mil["party_spread"] == pytest.approx(2000 / 900)
    assert mil["self_parties"] == "Artsakh" and mil["adversary_parties"] == "Azerbaijan"
    assert mil["reference_value"] == 3825  # the profile's official toll for that metric
    civ = summary.loc["Azerbaijani civilians killed"]
    assert civ["n_claimants"] == 2 and bool(civ["compared"])
    assert civ["ratio_max_min"] == pytest.approx(47 / 46)
    assert math.isnan(civ["adversary_max"])
    # historical figures never enter the divergence
    assert "Both sides' people killed" not in summary.index


def test_divergence_by_metric_lists_every_claim_of_compared_metrics(claims, profile):
    summary = dv.metric_summary(claims, profile)
    div = dv.divergence_by_metric(claims, summary)
    assert list(div.columns) == dv.DIVERGENCE_COLUMNS
    mil = div[div["metric"] == "Armenian servicemen killed"]
    assert sorted(mil["value"]) == [36, 700, 900, 2000]
    assert set(mil["perspective"]) == {"self-reported", "adversary-claimed"}
    assert set(mil["claim_date"]) == {"2020-10-18", "2020-10-22", "2020-10-25"}
    # a metric with one claimant on one date is not compared
    assert "Azerbaijani aircraft destroyed" not in set(div["metric"])
    assert not div["metric"].eq("Both sides' people killed").any()


# ---------------------------------------------------------------- 2. over time

def test_cumulative_series_marks_revisions(claims):
    series = dv.cumulative_series(claims)
    art = series[(series["claimant_party"] == "Artsakh")]
    assert art["claim_date"].tolist() == ["2020-10-18", "2020-10-25"]
    assert art["value"].tolist() == [700, 900]
    assert art["revised"].tolist() == [False, True]
    tanks = series[series["category"] == "tanks"]
    assert not tanks["revised"].any()  # 196 repeated is no revision


# ---------------------------------------------------------------- 3. outlets

def test_statement_shares(profile):
    st = pd.DataFrame([statement("A", "Azerbaijan")] * 3 + [statement("A", "Armenia"), statement("B", "Russia")])
    shares = dv.statement_shares(st, profile)
    a = shares[shares["outlet"] == "A"].set_index("party")
    assert a.loc["Azerbaijan", "share"] == pytest.approx(0.75) and a.loc["Armenia", "statements"] == 1
    assert shares[shares["outlet"] == "B"]["share"].tolist() == [1.0]
    assert list(a.index) == ["Azerbaijan", "Armenia"]  # profile order


def test_relayed_claims_excludes_historical(claims, profile):
    rel = dv.relayed_claims(claims, profile)
    b = rel[rel["outlet"] == "Outlet B"].set_index("claimant_party")
    assert b.loc["Artsakh", "claims"] == 2 and b.loc["Armenia", "claims"] == 1
    assert "Media" not in b.index
    assert b["share"].sum() == pytest.approx(1.0)


def test_framing_counts_and_rates(profile):
    text1 = "أعلنت باكو تحرير قرى محررة في ناغورني قره باغ، وقالت سلطات قره باغ إن القتال مستمر في قره باغ."
    text2 = "احتلال الأراضي الأذربيجانية. الانفصاليين"
    counts = dv.framing_counts([("x1", "Outlet A", 100, text1), ("x2", "Outlet A", 400, text2)], profile)
    x1 = counts[counts["article_id"] == "x1"].set_index(["topic", "pole"])["count"]
    assert x1[("Retaking territory", "a")] == 2
    assert x1[("Name of the region", "a")] == 1
    # 'قره باغ' inside 'ناغورني قره باغ' is not counted again; 'سلطات قره باغ' and the bare one are
    assert x1[("Name of the region", "b")] == 2
    assert x1[("Karabakh authorities", "b")] == 1
    rates = dv.framing_rates(counts).set_index(["topic", "pole"])
    assert rates.loc[("Occupation", "a"), "per_1000_words"] == pytest.approx(1 / 500 * 1000)
    assert rates.loc[("Retaking territory", "a"), "per_1000_words"] == pytest.approx(2 / 500 * 1000)
    assert rates.loc[("Retaking territory", "a"), "words"] == 500
    assert "تحرير" in rates.loc[("Retaking territory", "a"), "terms_ar"]


# ---------------------------------------------------------------- 4. contradictions

def test_contradictions(claims):
    con = dv.contradictions(claims)
    inc = con[con["kind"] == "inconsistent_values"].set_index("metric")
    assert set(inc.index) == {"Azerbaijani civilians killed", "Azerbaijani civilians wounded"}
    assert inc.loc["Azerbaijani civilians killed", "values"] == "47, 46"
    assert inc.loc["Azerbaijani civilians wounded", "values"] == "222, 211"
    # itemised artillery (24 and 136 in one sentence) and the increment 36 beside 700 are not contradictions
    assert "Armenian artillery destroyed" not in inc.index
    assert "Armenian servicemen killed" not in inc.index
    den = con[con["kind"] == "denied"]
    assert den["denied_by"].tolist() == ["Azerbaijan"] and den["claimant_party"].tolist() == ["Armenia"]
    ech = con[con["kind"] == "echoed"]
    assert ech["metric"].tolist() == ["Armenian tanks destroyed"]  # the single armoured vehicle is not an echo
    assert ech["n_outlets"].tolist() == [2] and ech["n_articles"].tolist() == [3]


# ---------------------------------------------------------------- 5. findings

def _all_findings(claims, profile, statements=None, framing=None):
    summary = dv.metric_summary(claims, profile)
    series = dv.cumulative_series(claims)
    relayed = dv.relayed_claims(claims, profile)
    shares = dv.statement_shares(statements, profile)
    framing = framing if framing is not None else dv.framing_rates(pd.DataFrame(
        columns=["article_id", "outlet", "words", "topic", "pole", "term_en", "terms_ar", "count"]))
    contra = dv.contradictions(claims)
    return dv.findings(claims, summary, series, relayed, shares, framing, contra, profile, n_articles=5)


def test_findings_are_computed_sentences(claims, profile):
    st = pd.DataFrame([statement("Outlet A", "Azerbaijan")] * 3 + [statement("Outlet A", "Armenia")])
    found = _all_findings(claims, profile, statements=st)
    assert list(found.columns) == ["kind", "finding"]
    text = dict(found.groupby("kind")["finding"].apply(" ".join))
    assert "17 loss claims in 5 articles (not counting 1 historical figure(s)) come from 3 claimant parties" in text["corpus"]
    assert "adversary (Azerbaijan) claimed up to 2,000" in text["self_vs_adversary"]
    assert "reported up to 900" in text["self_vs_adversary"] and "2.2 times" in text["self_vs_adversary"]
    assert "from 700 (2020-10-18) to 900 (2020-10-25)" in text["revision"]
    assert "47" in text["contradiction"] and "46" in text["contradiction"]
    assert "denial by Azerbaijan" in text["denial"]
    assert "3 articles from 2 outlet(s)" in text["echo"]
    assert "Outlet A gives Azerbaijan the most voice: 3 of its 4" in text["outlet_voices"]
    assert "3,825" in text["reference"]
    assert all(s.endswith(".") for s in found["finding"])


def test_findings_on_an_empty_corpus(profile):
    empty = dv.add_claim_fields(pd.DataFrame(columns=dv.LOSS_COLUMNS), profile)
    found = _all_findings(empty, profile)
    assert found["kind"].tolist() == ["corpus"]
    assert found["finding"].iloc[0].startswith("No current loss claims were found in 5 articles")
    for frame in (dv.metric_summary(empty, profile), dv.cumulative_series(empty), dv.contradictions(empty),
                  dv.relayed_claims(empty, profile), dv.statement_shares(None, profile)):
        assert frame.empty and len(frame.columns) > 0


def test_follow_on_sentence_dates_the_claim(profile):
    from helpers.articles import Article

    raw = ("وأعلنت أذربيجان عن مقتل 47 مدنيا في القصف.\n\n"
           "جاء ذلك في بيان للنيابة العامة منذ 27 سبتمبر/أيلول الماضي وحتى 16 أكتوبر/تشرين الأول.\n\n"
           "وقتل 5 جنود في 12 أكتوبر.\n\nوأصيب 3 آخرون.")
    art = Article(article_id="f1", file="f1.txt", raw=raw, encoding="utf-8")
    rows = pd.DataFrame([
        loss(article_id="f1", published="2020-10-20", value=47, start=raw.index("47"), sentence=raw.split("\n\n")[0]),
        loss(article_id="f1", published="2020-10-20", value=3, start=raw.index("3 "), sentence=raw.split("\n\n")[3]),
    ], columns=dv.LOSS_COLUMNS)
    follow = dv.follow_on_sentences(rows, {"f1": art})
    assert list(follow) == [("f1", raw.index("47"))]  # the sentence after '3 آخرون' does not refer back
    claims = dv.add_claim_fields(rows, profile, follow)
    assert claims["claim_date"].tolist() == ["2020-10-16", "2020-10-20"]
    assert claims["date_source"].tolist() == ["sentence", "article"]


@pytest.mark.parametrize(("ratio", "text"), [(2.2222, "2.2 times"), (14.2, "14 times"), (1.04, "4% more"),
                                             (0.9, "10% fewer"), (1.001, "the same")])
def test_fmt_ratio(ratio, text):
    assert dv.fmt_ratio(ratio) == text


def test_vague_quantities_do_not_set_the_figures(profile):
    rows = pd.DataFrame([
        loss(claimant_party="Artsakh", claimant_en="Artsakh Defence Army", affected_side="armenian",
             population="military", value=50),
        loss(affected_side="armenian", population="military", value=1000, qualifier="vague", article_id="a2"),
    ], columns=dv.LOSS_COLUMNS)
    summary = dv.metric_summary(dv.add_claim_fields(rows, profile), profile).iloc[0]
    assert summary["n_claims"] == 2 and summary["n_vague"] == 1
    assert summary["metric_max"] == 50 and summary["self_max"] == 50
    assert math.isnan(summary["adversary_max"])  # "thousands" is not a figure to compare with
