"""Build notebooks/04-source-divergence.ipynb (committed without outputs)."""

import nbformat as nbf

nb = nbf.v4.new_notebook()
nb.metadata = {
    "kernelspec": {"name": "claims-workbook", "display_name": "Python (claims workbook)", "language": "python"},
    "language_info": {"name": "python"},
}
md = nbf.v4.new_markdown_cell
code = nbf.v4.new_code_cell
cells = [
    md("# 04 · Source divergence\n\nFor the same loss, how far apart are the claimants' numbers, how do a side's own "
       "figures compare with its enemy's, and how do outlets differ in whose numbers they relay, whom they quote and "
       "which words they use?"),
    code('''# inputs
seeds_dir = ""  # folder of article files (.txt, .html); empty: the project's seeds/
sources_csv = ""  # sidecar CSV (read by notebook 01; accepted here so every notebook takes the same parameters)
# outputs
output_dir = ""  # report folder with tables/ figures/ ...; empty: the project's outputs/
# params
profile = "karabakh-2020"  # conflict profile in helpers/profiles/ (parties, colours, framing pairs, reference tolls)
strict = False  # True: a missing upstream table stops the run instead of being treated as empty
workers = 0  # accepted for a uniform parameter set; this notebook runs in one process''',
         metadata={"tags": ["parameters"]}),
    md("Resolve the parameters and read the tables the earlier notebooks wrote: articles (01), losses (02), "
       "statements (03). This notebook never re-derives them."),
    code('''import pandas as pd
from IPython.display import Image, display

from helpers import charts, paths
from helpers import divergence as dv
from helpers.articles import article_from_row, read_articles_table
from helpers.display import show_table
from helpers.profile import load_profile

seeds_dir = paths.resolve_seeds_dir(seeds_dir)
output_dir = paths.resolve_output_dir(output_dir)
dirs = paths.out_dirs(output_dir)
prof = load_profile(profile)
charts.setup_fonts()


def upstream(name: str, columns: list[str]) -> pd.DataFrame:
    """Read tables/NAME.csv; a missing table is an error in strict mode, else read as empty."""
    try:
        return dv.read_table(dirs["tables"] / f"{name}.csv", columns)
    except FileNotFoundError as exc:
        if strict:
            raise
        print(f"Warning: {exc} Treated as empty.")
        return pd.DataFrame(columns=columns)


articles_df = upstream("articles", ["article_id", "file", "outlet", "published", "words"])
losses_raw = upstream("losses", dv.LOSS_COLUMNS)
statements = dv.prepare_statements(upstream("statements", dv.STATEMENT_COLUMNS))
# the article texts: for dates stated next to a claim and for the framing counts
articles = {row["article_id"]: article_from_row(row, seeds_dir) for _, row in articles_df.iterrows()}
print(f"Read {len(articles_df)} articles, {len(losses_raw)} loss claims and {len(statements)} statements; "
      f"profile {prof.name}.")


def save_chart(fig_and_data, name: str) -> None:
    """Save a chart (PNG, SVG and the CSV it plots) and show the PNG."""
    fig, data = fig_and_data
    out = charts.save_figure(fig, data, name, dirs["figures"])
    print(f"figures/{name}.png (+ .svg, data in figures/{name}.csv, {len(data)} rows)")
    display(Image(filename=str(out["png"]), width=900))'''),
    md("## Claims, their metric and their date\n\nA *metric* is (affected side, category, population, action). "
       "Each claim gets the date its count refers to: a date stated in its sentence (\"حتى 16 أكتوبر\"; a date "
       "without a year takes the article's year; a date that opens a period, \"منذ 27 سبتمبر\", is not the count's "
       "date; a next sentence that refers back to the claim, \"جاء ذلك في بيان ...\", counts as its sentence), "
       "else the article's date. *Perspective* says whose count it is: the side's own (self-reported), its "
       "enemy's (adversary-claimed) or a third party's. Historical figures (e.g. the 1990s war) are left out."),
    code('''claims = dv.add_claim_fields(losses_raw, prof, dv.follow_on_sentences(dv.prepare_losses(losses_raw), articles))
live = claims[~claims["historical"]]
print(f"{len(claims)} claims; dropped {len(claims) - len(live)} historical figure(s); kept {len(live)}.")
print(f"Dated from their own sentence: {int((live['date_source'] == 'sentence').sum())}; "
      f"from the article date: {int((live['date_source'] == 'article').sum())}; "
      f"undated: {int((live['date_source'] == '').sum())}.")
if len(live):
    print(live["perspective"].value_counts().to_string())
else:
    print("This corpus has no current loss claims: the divergence tables below are written empty.")'''),
    md("## 1. Claimant divergence per metric\n\nFor each metric with claims from more than one claimant or date: "
       "every claim with its claimant, outlet and date, the min-max range, the ratio max/min, and the highest "
       "self-reported vs adversary-claimed figure. The summary has one row per metric (all metrics)."),
    code('''summary = dv.metric_summary(claims, prof)
div = dv.divergence_by_metric(claims, summary)
summary.to_csv(dirs["tables"] / "divergence_metric_summary.csv", index=False, encoding="utf-8")
div.to_csv(dirs["tables"] / "divergence_by_metric.csv", index=False, encoding="utf-8")
print(f"{len(summary)} metrics; {int(summary['compared'].sum()) if len(summary) else 0} compared "
      f"(more than one claimant or date) with {len(div)} claims -> tables/divergence_by_metric.csv")
show_table(summary[["metric", "n_claims", "n_claimants", "n_parties", "n_dates", "metric_min", "metric_max",
                    "ratio_max_min", "party_maxima", "self_max", "adversary_max", "reference_value"]], max_rows=40)'''),
    code('''show_table(div[["metric", "claimant_party", "claimant_en", "perspective", "outlet", "claim_date", "value",
                "qualifier", "cumulative", "number_text", "sentence"]], max_rows=80)'''),
    md("Every claim of the compared metrics on one chart: the grey bar is the range, each dot a claim coloured by "
       "claimant party (one sub-row per claimant, named on the right); filled dots are cumulative tolls, open dots "
       "single reports; dashed ticks are the official post-war tolls from the profile, where they apply."),
    code('''save_chart(charts.claims_range_chart(div, summary, prof), "claims_range_by_metric")'''),
    md("## 2. Claims over time\n\nCumulative tolls per claimant over the claim dates: a change of level between "
       "two dates is a revision."),
    code('''series = dv.cumulative_series(claims)
series.to_csv(dirs["tables"] / "cumulative_tolls.csv", index=False, encoding="utf-8")
print(f"{len(series)} dated cumulative figure(s) in {series.groupby(['metric', 'claimant_party']).ngroups if len(series) else 0} "
      f"series; {int(series['revised'].sum()) if len(series) else 0} revision(s).")
save_chart(charts.cumulative_step_chart(series, summary, prof), "cumulative_tolls_over_time")'''),
    md("## 3. Outlet divergence\n\nWhom each outlet gives a voice (share of its attributed statements by party)."),
    code('''shares = dv.statement_shares(statements, prof)
shares.to_csv(dirs["tables"] / "statement_shares_by_outlet.csv", index=False, encoding="utf-8")
print(f"{len(statements)} statements from {statements['outlet'].nunique()} outlet(s).")
save_chart(charts.statement_share_heatmap(shares, prof), "statements_share_by_outlet")'''),
    md("Whose loss numbers each outlet relays."),
    code('''relayed = dv.relayed_claims(claims, prof)
relayed.to_csv(dirs["tables"] / "loss_claims_by_outlet.csv", index=False, encoding="utf-8")
save_chart(charts.relayed_claims_chart(relayed, prof), "loss_claims_by_outlet_and_claimant")'''),
    md("Framing: the profile's pairs of competing words, counted on the normalised text of each article and "
       "expressed per 1,000 words of the outlet's articles. The Arabic words are shown as written in the profile, "
       "glossed in English."),
    code('''texts = [(row["article_id"], row["outlet"], int(row["words"] or 0), articles[row["article_id"]].raw)
         for _, row in articles_df.iterrows()]
framing_counts = dv.framing_counts(texts, prof)
framing = dv.framing_rates(framing_counts)
framing.to_csv(dirs["tables"] / "framing_terms_by_outlet.csv", index=False, encoding="utf-8")
print(f"Counted {len(dv.framing_terms(prof))} framing terms in {len(texts)} articles; "
      f"{int(framing['count'].sum()) if len(framing) else 0} occurrences.")
save_chart(charts.framing_heatmap(framing), "framing_terms_by_outlet")'''),
    md("## 4. Contradictions\n\nInside one article, one claimant party giving one metric two values (not when the "
       "metric is itemised by sub-type in one sentence, nor an increment beside a toll, nor values for different "
       "dates); claims reported together with a denial; the same claim carried by several articles and outlets."),
    code('''contra = dv.contradictions(claims)
contra.to_csv(dirs["tables"] / "contradictions.csv", index=False, encoding="utf-8")
print(contra["kind"].value_counts().to_string() if len(contra) else "No contradictions, denials or echoes found.")
show_table(contra[["kind", "metric", "claimant_party", "values", "outlets", "n_outlets", "denied_by", "detail"]])'''),
    md("## Findings\n\nSentences computed from the tables above (written to `tables/findings.csv`)."),
    code('''found = dv.findings(claims, summary, series, relayed, shares, framing, contra, prof, n_articles=len(articles_df))
found.to_csv(dirs["tables"] / "findings.csv", index=False, encoding="utf-8")
for kind, sentence in found.itertuples(index=False):
    print(f"- [{kind}] {sentence}")'''),
]
nb.cells = cells
nbf.write(nb, "notebooks/04-source-divergence.ipynb")
