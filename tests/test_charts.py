"""Charts: Arabic laid out right-to-left and joined, plain text only, one colour per party, files saved."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.colors as mcolors  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib import _text_helpers, font_manager  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from helpers import charts  # noqa: E402
from helpers import divergence as dv  # noqa: E402


def _layout(text: str, family: list[str]) -> list:
    """Glyphs of `text` as matplotlib lays them out (visual order, x positions) with the
    first font of `family` (fallback fonts are not needed for the words tested)."""
    path = font_manager.findfont(font_manager.FontProperties(family=family))
    font = font_manager.get_font(path)
    font.set_size(12, 72)
    return list(_text_helpers.layout(text, font)), font


def _rtl_and_joined(word: str, family: list[str]) -> tuple[bool, bool]:
    """(first logical letter drawn right of the last one, some letter drawn in a contextual
    (joined) form rather than its isolated glyph)."""
    items, font = _layout(word, family)
    xs = {it.char: it.x for it in items}
    rtl = xs[word[0]] > xs[word[-1]]
    joined = any(it.glyph_index != font.get_char_index(ord(it.char)) for it in items)
    return rtl, joined


@pytest.mark.parametrize("family", [["DejaVu Sans"], "arabic"])
def test_arabic_is_laid_out_right_to_left_and_joined(family):
    family = charts.setup_fonts() if family == "arabic" else family
    rtl, joined = _rtl_and_joined("من", family)
    assert rtl and joined
    # the test can fail: a reversed string (what the old reshaper+bidi recipe hands over) puts meem on the left
    items, _ = _layout("نم", family)
    xs = {it.char: it.x for it in items}
    assert xs["م"] < xs["ن"]


def test_naskh_font_is_shipped_and_first_for_arabic():
    family = charts.setup_fonts()
    assert family[0] == "Amiri" and family[-1] == "DejaVu Sans"
    path = font_manager.findfont(font_manager.FontProperties(family=family))
    assert path.endswith("Amiri-Regular.ttf")
    assert (charts.FONT_DIR / "Amiri-OFL.txt").is_file()


def test_presentation_forms_are_refused(tmp_path, profile):
    charts.check_plain_arabic("تحرير / محررة")
    with pytest.raises(ValueError, match="presentation forms"):
        charts.check_plain_arabic("\ufee3\ufee6")  # 'من' pre-shaped, as arabic_reshaper returns it
    fig = charts.empty_figure("\ufee3\ufee6", "nothing")
    with pytest.raises(ValueError):
        charts.save_figure(fig, pd.DataFrame(), "bad", tmp_path)


def _framing(profile) -> pd.DataFrame:
    counts = dv.framing_counts(
        [("x1", "Outlet A", 200, "تحرير قرى محررة في ناغورني قره باغ وسلطات قره باغ"),
         ("x2", "Outlet B", 300, "السيطرة على قره باغ واحتلال الانفصاليين")], profile)
    return dv.framing_rates(counts)


def test_framing_chart_arabic_labels_render_rtl(tmp_path, profile):
    fig, data = charts.framing_heatmap(_framing(profile))
    arabic = [t for t in charts.figure_texts(fig) if charts.has_arabic(t.get_text())]
    assert arabic, "the framing chart shows the Arabic terms"
    charts.arabic_fonts(arabic)
    for t in arabic:
        word = t.get_text().split(" / ")[0].split()[0]
        rtl, joined = _rtl_and_joined(word, t.get_fontfamily())
        assert rtl and joined, word
        assert t.get_fontfamily()[0] == "Amiri"
    out = charts.save_figure(fig, data, "framing_terms_by_outlet", tmp_path)
    assert all(p.is_file() and p.stat().st_size > 0 for p in out.values())
    back = pd.read_csv(out["csv"], encoding="utf-8")
    assert {"outlet", "term_en", "terms_ar", "per_1000_words"} <= set(back.columns)
    assert out["svg"].read_text(encoding="utf-8").count("<path") > 50  # glyphs saved as shaped outlines


def test_relayed_chart_uses_party_colours(profile):
    rel = pd.DataFrame({"outlet": ["A", "A", "B"], "claimant_party": ["Azerbaijan", "Artsakh", "Azerbaijan"],
                        "claims": [3, 1, 2], "outlet_total": [4, 4, 2], "share": [0.75, 0.25, 1.0]})
    fig, _ = charts.relayed_claims_chart(rel, profile)
    ax = fig.axes[0]
    colours = {mcolors.to_hex(p.get_facecolor()) for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0}
    assert colours == {profile.colour("Azerbaijan"), profile.colour("Artsakh")}
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Azerbaijan", "Artsakh (Karabakh Armenian authorities)"]


def test_equipment_heatmap_keeps_the_highest_figure_per_side_and_claimant(profile):
    claims = pd.DataFrame({
        "affected_side": ["armenian", "armenian", "azerbaijani", "armenian", "armenian"],
        "category": ["tanks", "tanks", "tanks", "drones", "killed"],
        "action": ["destroyed"] * 5,
        "claimant_party": ["Azerbaijan", "Azerbaijan", "Armenia", "Azerbaijan", "Azerbaijan"],
        "value": [200.0, 130.0, 2.0, 3.0, 50.0],
    })
    fig, data = charts.equipment_claims_heatmap(claims, ["tanks", "drones"], profile)
    got = {(r.metric, r.claimant_party): (r.highest_claim, r.claims) for r in data.itertuples()}
    # people are not equipment; the two Azerbaijani tank claims give their maximum, counted twice
    assert got == {("Armenian tanks destroyed", "Azerbaijan"): (200.0, 2),
                   ("Azerbaijani tanks destroyed", "Armenia"): (2.0, 1),
                   ("Armenian drones destroyed", "Azerbaijan"): (3.0, 1)}
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Armenian tanks destroyed", "Azerbaijani tanks destroyed", "Armenian drones destroyed"]
    cells = {t.get_text() for t in ax.texts}
    assert {"200\n(2 claims)", "2", "3"} <= cells  # a 200 and a 2 are both labelled


def test_every_chart_accepts_empty_tables(tmp_path, profile):
    empty_claims = dv.add_claim_fields(pd.DataFrame(columns=dv.LOSS_COLUMNS), profile)
    summary = dv.metric_summary(empty_claims, profile)
    made = [
        charts.claims_range_chart(dv.divergence_by_metric(empty_claims, summary), summary, profile),
        charts.cumulative_step_chart(dv.cumulative_series(empty_claims), summary, profile),
        charts.statement_share_heatmap(dv.statement_shares(None, profile), profile),
        charts.relayed_claims_chart(dv.relayed_claims(empty_claims, profile), profile),
        charts.equipment_claims_heatmap(empty_claims, ["tanks"], profile),
        charts.framing_heatmap(dv.framing_rates(pd.DataFrame(columns=["article_id", "outlet", "words", "topic", "pole",
                                                                       "term_en", "terms_ar", "count"]))),
    ]
    for i, (fig, data) in enumerate(made):
        out = charts.save_figure(fig, data, f"empty_{i}", tmp_path)
        assert out["png"].stat().st_size > 0
        assert len(pd.read_csv(out["csv"]).columns) > 0  # the header is written even with no rows
