import nbformat as nbf

nb = nbf.v4.new_notebook()
nb.metadata = {
    "kernelspec": {"name": "claims-workbook", "display_name": "Python (claims workbook)", "language": "python"},
    "language_info": {"name": "python"},
}
md = nbf.v4.new_markdown_cell
code = nbf.v4.new_code_cell
cells = [
    md("# 01 · Load articles\n\nWhich articles go into the workbook, from which outlets and dates, and how far can we trust that metadata?"),
    code('''# inputs
seeds_dir = ""  # folder of article files (.txt, .html); empty: the project's seeds/
sources_csv = ""  # sidecar CSV article_id,outlet,url,published,notes, empty: seeds_dir/sources.csv if present
# outputs
output_dir = ""  # report folder with tables/ figures/ ...; empty: the project's outputs/
# params
profile = "karabakh-2020"  # conflict profile in helpers/profiles/ (parties, actors, outlets)
strict = False  # True: any per-file problem (unreadable, empty, duplicate...) fails the run
workers = 0  # extraction processes for large corpora; 0 means all cores''', metadata={"tags": ["parameters"]}),
    md("Resolve the parameters: empty values fall back to the project's folders."),
    code('''from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.articles import articles_frame, load_articles, problems_frame
from helpers.display import show_table
from helpers.profile import load_profile

seeds_dir = paths.resolve_seeds_dir(seeds_dir)
sources_csv = Path(sources_csv) if sources_csv else seeds_dir / "sources.csv"
output_dir = paths.resolve_output_dir(output_dir)
dirs = paths.out_dirs(output_dir)
prof = load_profile(profile)
print(f"Articles from {seeds_dir}; sidecar {'found' if sources_csv.is_file() else 'absent (metadata inferred)'}; profile {prof.name}.")'''),
    md("## Read every article file\n\nEach file is decoded (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1256); files that cannot be read are skipped and listed as problems."),
    code('''articles, problems = load_articles(seeds_dir, sources_csv if sources_csv.is_file() else None, prof)
n_files = len([p for p in seeds_dir.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".html", ".htm")])
print(f"Loaded {len(articles)} of {n_files} article files; {len(problems)} problem(s) recorded.")'''),
    md("## Problems\n\nPer-file problems: what was wrong and what the workbook did. With `strict = True` any problem stops the run."),
    code('''problems_df = problems_frame(problems)
problems_df.to_csv(dirs["tables"] / "problems.csv", index=False, encoding="utf-8")
if len(problems_df):
    display(show_table(problems_df))
else:
    print("No problems: every file was read.")
if strict and len(problems_df):
    raise RuntimeError(f"strict mode: {len(problems_df)} input problem(s), see tables/problems.csv")'''),
    md("## The articles table\n\nOne row per article. `outlet_source` and `published_source` say where each value came from: `sidecar`, `inferred` from the text, or `unknown`."),
    code('''articles_df = articles_frame(articles)
articles_df.to_csv(dirs["tables"] / "articles.csv", index=False, encoding="utf-8")
show_table(articles_df[["article_id", "outlet", "outlet_source", "published", "published_source", "title",
                        "chars", "sentences"]])'''),
    md("## Summary"),
    code('''dated = articles_df[articles_df["published"] != ""]
named = articles_df[articles_df["outlet"] != "unknown"]
span = f"from {dated['published'].min()} to {dated['published'].max()}" if len(dated) else "with no known dates"
print(f"{len(articles_df)} articles, {named['outlet'].nunique()} named outlets, {span}.")
print(f"Outlet known for {len(named)} of {len(articles_df)} articles; date known for {len(dated)}.")
print(articles_df.groupby(["outlet_source", "published_source"]).size().to_string())'''),
]
nb.cells = cells
nbf.write(nb, "notebooks/01-load-articles.ipynb")
