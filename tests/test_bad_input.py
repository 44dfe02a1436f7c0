"""Bad input, end to end: every kind of broken file or folder a user's scrape can contain.

Per-file problems are skipped (or loaded with a note) and listed with file, problem and
action; `strict` turns them into a failure; folder-level problems stop with one sentence;
the last good report in OUT survives every failure.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import paths
from helpers.articles import (
    InputError,
    load_articles,
    problems_frame,
    read_article,
    read_sidecar,
)
from helpers.corpus import extract_article, run_folder
from helpers.profile import ProfileError, load_profile

AR = ("أعلنت وزارة الدفاع الأذربيجانية مقتل 30 جنديا أرمنيا في 5 أكتوبر 2020.\n\n"
      "وقال المتحدث باسم الوزارة إن القوات دمرت دبابتين.")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _load(folder: Path, sidecar: Path | None = None, today: dt.date | None = None):
    arts, probs = load_articles(folder, sidecar, load_profile(), today=today)
    return {a.article_id: a for a in arts}, problems_frame(probs)


def _problem(df: pd.DataFrame, file: str) -> list[tuple[str, str]]:
    return [(r.problem, r.action) for r in df.itertuples() if r.file == file]


# ---------------------------------------------------------------- per-file problems

@pytest.mark.parametrize("content", [b"", b"   \n\t \r\n", "\u00a0 \n \u200f".encode()])
def test_empty_and_whitespace_files_are_skipped(tmp_path, content):
    (tmp_path / "blank.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text(AR, encoding="utf-8")
    arts, probs = _load(tmp_path)
    assert list(arts) == ["good"]
    assert _problem(probs, "blank.txt") == [("empty or white space only", "skipped")]


def test_binary_png_is_skipped_whatever_its_name(tmp_path):
    (tmp_path / "photo.txt").write_bytes(PNG)
    (tmp_path / "photo2.png").write_bytes(PNG)
    (tmp_path / "good.txt").write_text(AR, encoding="utf-8")
    arts, probs = _load(tmp_path)
    assert list(arts) == ["good"]
    (prob, action), = _problem(probs, "photo.txt")
    assert "not a text file" in prob and action == "skipped"
    (prob, action), = _problem(probs, "photo2.png")
    assert "not an article file" in prob and action == "skipped"


@pytest.mark.parametrize("encoding,data", [
    ("cp1256", AR.encode("cp1256")),
    ("utf-16", AR.encode("utf-16")),
    ("utf-16", AR.encode("utf-16-be").join([b"\xfe\xff", b""])),
    ("utf-8-sig", b"\xef\xbb\xbf" + AR.encode("utf-8")),
    ("utf-8", AR.encode("utf-8")),
])
def test_encodings_decode_to_the_same_text(tmp_path, encoding, data):
    (tmp_path / "a.txt").write_bytes(data)
    arts, probs = _load(tmp_path)
    art = arts["a"]
    assert art.encoding == encoding
    assert art.raw.replace("\r\n", "\n") == AR
    assert art.published == "2020-10-05"
    if encoding == "cp1256":
        assert _problem(probs, "a.txt") == [("not UTF-8; decoded as Windows-1256", "loaded")]
    else:
        assert len(probs) == 0
    # extraction sees the same claim whatever the encoding
    res = extract_article(art, load_profile())
    assert [(r["value"], r["category"]) for r in res["losses"]][:1] == [(30, "killed")]


def test_html_page_keeps_the_article_and_drops_the_chrome(tmp_path):
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>الموقع</title>"
        "<style>p{color:red}</style><script>var n = 'قتل 999 جنديا';</script></head><body>"
        "<nav>الرئيسية | سياسة | اقتصاد</nav>"
        f"<article><h1>معارك عنيفة في قره باغ</h1><p>{AR.split(chr(10))[0]}</p>"
        "<p>وقال المتحدث باسم الوزارة إن القوات دمرت دبابتين.</p></article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    arts, probs = _load(tmp_path)
    art = arts["page"]
    assert art.encoding == "utf-8+html"
    assert art.title == "معارك عنيفة في قره باغ"
    assert "999" not in art.raw and "الرئيسية" not in art.raw and "الحقوق" not in art.raw
    res = extract_article(art, load_profile())
    assert {r["value"] for r in res["losses"]} >= {30}
    for r in res["losses"]:
        assert art.raw[r["start"]:r["end"]] == r["number_text"]


def test_five_megabyte_file_loads(tmp_path):
    para = AR + "\n\n"
    data = (para * (5_000_000 // len(para.encode("utf-8")) + 1)).encode("utf-8")
    assert len(data) >= 5_000_000
    (tmp_path / "huge.txt").write_bytes(data)
    t0 = time.perf_counter()
    arts, probs = _load(tmp_path)
    art = arts["huge"]
    row = art.row()
    seconds = time.perf_counter() - t0
    assert row["chars"] == len(data.decode("utf-8")) and row["sentences"] > 10_000
    print(f"5 MB file loaded in {seconds:.1f} s (timed in make bench, not asserted here)")


def _page(head: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>"
            f"<article><h1>معارك في قره باغ</h1><p>{AR.split(chr(10))[0]}</p></article></body></html>")


def test_html_page_metadata_gives_outlet_date_url_and_title(tmp_path):
    (tmp_path / "og.html").write_text(_page(
        "<meta property='og:title' content='معارك عنيفة في قره باغ | الجزيرة نت'>"
        "<meta property='og:site_name' content='الجزيرة نت'>"
        "<meta property='article:published_time' content='2020-10-17T08:12:00+03:00'>"
        "<link rel='canonical' href='https://www.aljazeera.net/news/2020/10/17/x'>"), encoding="utf-8")
    # no site name: the URL's domain (the longest profile domain wins) and a JSON-LD date
    (tmp_path / "ld.html").write_text(_page(
        "<link rel='canonical' href='https://mubasher.aljazeera.net/news/x'>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-10-16T10:00:00Z",'
        ' "headline": "حصيلة جديدة"}</script>'), encoding="utf-8")
    # an outlet the profile does not know keeps the name the page gives; a future date is refused
    (tmp_path / "new.html").write_text(_page(
        "<meta property='og:site_name' content='صحيفة المستقبل'><meta name='date' content='2099-01-01'>"),
        encoding="utf-8")
    arts, probs = _load(tmp_path)
    og, ld, new = arts["og"], arts["ld"], arts["new"]
    assert (og.outlet, og.outlet_source, og.published, og.published_source) == (
        "Al Jazeera", "html_meta", "2020-10-17", "html_meta")
    assert og.url == "https://www.aljazeera.net/news/2020/10/17/x"
    assert og.title == "معارك عنيفة في قره باغ"  # the " | site" tail dropped
    assert (ld.outlet, ld.published, ld.title) == ("Al Jazeera Mubasher", "2020-10-16", "حصيلة جديدة")
    assert (new.outlet, new.outlet_source) == ("صحيفة المستقبل", "html_meta")
    assert new.published_source != "html_meta"
    assert _problem(probs, "new.html") == [("the page's own date 2099-01-01 is in the future",
                                            "inferred the date from the text")]


def test_sidecar_wins_over_html_page_metadata(tmp_path):
    (tmp_path / "og.html").write_text(_page(
        "<meta property='og:site_name' content='الجزيرة نت'>"
        "<meta property='article:published_time' content='2020-10-17'>"), encoding="utf-8")
    (tmp_path / "sources.csv").write_text("article_id,outlet,url,published,notes\nog,Arabi21,,2020-10-20,\n",
                                          encoding="utf-8")
    arts, _ = _load(tmp_path)
    assert (arts["og"].outlet, arts["og"].outlet_source, arts["og"].published) == ("Arabi21", "sidecar", "2020-10-20")


def test_english_only_text_is_loaded_with_a_note_and_yields_nothing(tmp_path):
    (tmp_path / "en.txt").write_text(
        "Azerbaijan's defence ministry said 30 Armenian soldiers were killed on 5 October 2020.", encoding="utf-8")
    arts, probs = _load(tmp_path)
    assert _problem(probs, "en.txt") == [("no Arabic text", "loaded; nothing will be extracted")]
    res = extract_article(arts["en"], load_profile())
    assert res["losses"] == []


@pytest.mark.parametrize("text,number", [
    ("أعلنت وزارة الدفاع الأذربيجانية مقتل ٣٠ جنديا أرمنيا في المعارك.", "٣٠"),
    ("أعلنت وزارة الدفاع الأذربيجانية مقتل ۳۰ جنديا أرمنيا في المعارك.", "۳۰"),
    ("أعلنت وزارة الدفاع الأذربيجانية مقتل ٣ـ٠ جنديا أرمنيا في المعارك.", "٣ـ٠"),
    ("أَعْلَنَتْ وِزَارَةُ الدِّفَاعِ الأذربيجانيّة مَقْتَلَ ثَلاثِينَ جُنْدِيًّا أرمنيًّا في المعارك.", "ثَلاثِين"),
    ("أعلنت وزارة الدفـــاع الأذربيـجانية مقتل ثلاثـــين جنديا أرمنيا في المعارك.", "ثلاثـــين"),
])
def test_digits_diacritics_and_tatweel_inside_numbers_and_names(tmp_path, text, number):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    arts, _ = _load(tmp_path)
    art = arts["a"]
    res = extract_article(art, load_profile())
    (loss,) = res["losses"]
    assert loss["value"] == 30 and loss["number_text"] == number
    assert art.raw[loss["start"]:loss["end"]] == number  # raw offsets point at the raw characters
    assert loss["claimant_en"] == "Ministry of Defence of Azerbaijan"
    assert loss["affected_side"] == "armenian" and loss["category"] == "killed"
    (st,) = res["statements"]
    assert st["speaker_en"] == "Ministry of Defence of Azerbaijan"
    assert st["speaker"] in art.raw and art.raw[st["start"]:st["end"]] == st["text"]


# ---------------------------------------------------------------- sidecar

def test_sidecar_missing_extra_and_misspelled_columns(tmp_path):
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(AR, encoding="utf-8")
    side = tmp_path / "sources.csv"
    side.write_text("Article_ID,outlett,publshed,comment\n"
                    "a,Outlet A,2020-10-03,x\n"
                    "ghost,Outlet G,2020-10-03,\n", encoding="utf-8")
    arts, probs = _load(tmp_path, side)
    assert (arts["a"].outlet, arts["a"].outlet_source) == ("Outlet A", "sidecar")
    assert (arts["a"].published, arts["a"].published_source) == ("2020-10-03", "sidecar")
    assert arts["b"].published_source == "inferred"  # no sidecar row: from the text
    got = _problem(probs, "sources.csv")
    assert ("sidecar column 'outlett' looks like a misspelling of 'outlet'", "read it as outlet") in got
    assert ("sidecar column 'publshed' looks like a misspelling of 'published'", "read it as published") in got
    assert any("lacks column(s) url, notes" in p for p, _ in got)
    assert any("unknown column(s) comment" in p for p, _ in got)
    assert ("sidecar row 'ghost' matches no article file", "ignored the row") in got


def test_sidecar_without_article_id_is_ignored_not_fatal(tmp_path):
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    side = tmp_path / "sources.csv"
    side.write_text("name,outlet\na,X\n", encoding="utf-8")
    arts, probs = _load(tmp_path, side)
    assert arts["a"].outlet_source != "sidecar"
    assert any("no article_id column" in p for p, _ in _problem(probs, "sources.csv"))


def test_sidecar_binary_or_duplicate_rows(tmp_path):
    side = tmp_path / "s.csv"
    side.write_bytes(PNG)
    probs = []
    assert read_sidecar(side, probs) == {} and "unreadable" in probs[0].problem
    side.write_text("article_id,outlet\na,X\na,Y\n", encoding="utf-8")
    probs = []
    assert read_sidecar(side, probs)["a"]["outlet"] == "X"
    assert probs[-1].problem == "sidecar lists a twice"


def test_duplicate_article_ids(tmp_path):
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<html><body><p>{AR}</p></body></html>", encoding="utf-8")
    arts, probs = _load(tmp_path)
    assert list(arts) == ["a"] and arts["a"].file == "a.html"  # first in name order wins
    assert _problem(probs, "a.txt") == [("duplicate article id 'a' (also a.html)", "skipped")]


def test_future_date_in_sidecar_is_not_trusted(tmp_path):
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    side = tmp_path / "sources.csv"
    side.write_text("article_id,outlet,url,published,notes\na,X,,2099-01-01,\n", encoding="utf-8")
    arts, probs = _load(tmp_path, side, today=dt.date(2026, 1, 1))
    assert (arts["a"].published, arts["a"].published_source) == ("2020-10-05", "inferred")
    assert _problem(probs, "a.txt") == [("sidecar date 2099-01-01 is in the future", "inferred the date from the text")]


def test_unreadable_file_is_skipped(tmp_path):
    (tmp_path / "locked.txt").write_text(AR, encoding="utf-8")
    art, probs = read_article(tmp_path / "locked.txt", max_bytes=10)
    assert art is None and "over the" in probs[0].problem and probs[0].action == "skipped"


# ---------------------------------------------------------------- folder-level problems

def test_missing_folder_and_unknown_profile_are_one_clear_error(tmp_path):
    with pytest.raises(InputError, match=r"^The articles folder .* does not exist or is not a folder\.$"):
        load_articles(tmp_path / "nope", None, load_profile())
    with pytest.raises(InputError, match="does not exist"):
        run_folder(tmp_path / "nope", None, load_profile())
    with pytest.raises(ProfileError, match="Unknown profile 'atlantis'.*Available profiles: .*karabakh-2020"):
        load_profile("atlantis")


# ---------------------------------------------------------------- the same through the corpus runner

def test_run_folder_reports_the_same_problems_as_load_articles(tmp_path):
    (tmp_path / "good.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(PNG)
    (tmp_path / "win.txt").write_bytes(AR.encode("cp1256"))
    (tmp_path / "good.html").write_text(f"<p>{AR}</p>", encoding="utf-8")
    (tmp_path / "sources.csv").write_text("article_id,outlet,publshed\ngood,X,2020-10-04\nghost,Y,\n", encoding="utf-8")
    prof = load_profile()
    _, probs = _load(tmp_path, tmp_path / "sources.csv")
    out = run_folder(tmp_path, None, prof, backend="serial")
    key = ["file", "problem", "action"]
    assert sorted(map(tuple, out["problems"][key].values.tolist())) == sorted(map(tuple, probs[key].values.tolist()))
    assert list(out["articles"]["article_id"]) == ["good", "win"]
    assert (out["losses"]["value"] == 30).sum() == 2


# ---------------------------------------------------------------- the runner: strict, exit codes, OUT survives

def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers.pipeline", "--no-progress", *args],
                          capture_output=True, text=True, timeout=600)


@pytest.fixture()
def bad_folder(tmp_path) -> Path:
    """The seeds plus an empty file, a PNG named .txt and a Windows-1256 article."""
    folder = tmp_path / "articles"
    shutil.copytree(paths.SEEDS, folder)
    (folder / "zz_empty.txt").write_bytes(b"")
    (folder / "zz_image.txt").write_bytes(PNG)
    (folder / "zz_win.txt").write_bytes(AR.encode("cp1256"))
    return folder


@pytest.fixture()
def nb01_only(tmp_path) -> Path:
    nb_dir = tmp_path / "nbs"
    nb_dir.mkdir()
    shutil.copy(paths.NOTEBOOKS / "01-load-articles.ipynb", nb_dir)
    return nb_dir


@pytest.mark.slow
def test_problems_table_and_strict_failure_keep_the_last_report(tmp_path, bad_folder, nb01_only):
    out = tmp_path / "out"
    first = _run_cli("--seeds", str(bad_folder), "--out", str(out), "--notebooks", str(nb01_only))
    assert first.returncode == 0, first.stderr
    probs = pd.read_csv(out / "tables" / "problems.csv", dtype=str, keep_default_na=False)
    assert list(probs.columns) == ["file", "problem", "action"]
    got = {(r.file, r.action) for r in probs.itertuples()}
    assert {("zz_empty.txt", "skipped"), ("zz_image.txt", "skipped"), ("zz_win.txt", "loaded")} <= got
    arts = pd.read_csv(out / "tables" / "articles.csv", dtype=str, keep_default_na=False)
    assert len(arts) == 6
    executed = nbformat.read(str(out / "notebooks" / "01-load-articles.ipynb"), as_version=4)
    shown = "".join(str(o.get("data", {}).get("text/html", "")) + str(o.get("text", ""))
                    for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "zz_image.txt" in shown and "skipped" in shown  # the notebook lists them too
    before = {p.relative_to(out): p.read_bytes() for p in (out / "tables").iterdir()}
    before_index = (out / "index.html").read_bytes()

    strict = _run_cli("--seeds", str(bad_folder), "--out", str(out), "--notebooks", str(nb01_only),
                      "-p", "strict=true")
    assert strict.returncode == 1
    assert "strict mode" in strict.stderr and "problem" in strict.stderr
    assert {p.relative_to(out): p.read_bytes() for p in (out / "tables").iterdir()} == before
    assert (out / "index.html").read_bytes() == before_index

    missing = _run_cli("--seeds", str(tmp_path / "nowhere"), "--out", str(out), "--notebooks", str(nb01_only))
    assert missing.returncode == 2
    assert len(missing.stderr.strip().splitlines()) == 1 and "does not exist" in missing.stderr
    unknown = _run_cli("--seeds", str(bad_folder), "--out", str(out), "--notebooks", str(nb01_only),
                       "-p", "profile=atlantis")
    assert unknown.returncode == 2 and "Unknown profile" in unknown.stderr
    assert {p.relative_to(out): p.read_bytes() for p in (out / "tables").iterdir()} == before
    assert (out / "index.html").read_bytes() == before_index


@pytest.mark.slow
def test_five_megabyte_article_goes_through_extraction(tmp_path):
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(paths.SEEDS.glob("*.txt")))
    data = ((seeds + "\n\n") * (5_000_000 // len(seeds.encode("utf-8")) + 1)).encode("utf-8")
    (tmp_path / "huge.txt").write_bytes(data)
    t0 = time.perf_counter()
    out = run_folder(tmp_path, None, load_profile(), backend="serial")
    seconds = time.perf_counter() - t0
    assert len(out["articles"]) == 1 and len(out["problems"]) == 0
    assert len(out["losses"]) > 0 and len(out["statements"]) > 1000
    raw = data.decode("utf-8")
    for r in out["losses"].itertuples():
        assert raw[r.start:r.end] == r.number_text
    print(f"5 MB article extracted in {seconds:.0f} s (timed in make bench, not asserted here)")


def test_html_entities_in_a_text_file_are_decoded_and_offsets_refer_to_the_decoded_text(tmp_path):
    (tmp_path / "copied.txt").write_text(
        "أعلنت وزارة الدفاع الأرمينية مقتل 12&nbsp;جنديا. وقال المتحدث: &laquo;دمرنا 3 دبابات&raquo; &amp; مدرعة.\n",
        encoding="utf-8")
    arts, probs = _load(tmp_path)
    art = arts["copied"]
    assert art.encoding == "utf-8+entities"
    assert "&laquo;" not in art.raw and "&nbsp;" not in art.raw and "«دمرنا 3 دبابات» & مدرعة" in art.raw
    res = extract_article(art, load_profile())
    assert {r["value"] for r in res["losses"]} >= {12, 3}
    for r in res["losses"]:
        assert art.raw[r["start"]:r["end"]] == r["number_text"]


def test_articles_in_subfolders_are_read_with_their_relative_path_as_id(tmp_path):
    """A scrape filed by date or outlet: nothing in a subfolder is silently left out."""
    for sub in ("2020-10-01", "2020-10-02"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "aj_1.txt").write_text(AR, encoding="utf-8")  # same name in two folders
    (tmp_path / "top.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "2020-10-02" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(AR, encoding="utf-8")  # hidden folder: not an article
    (tmp_path / "2020-10-01" / "._aj_1.txt").write_bytes(b"\x00\x05\x16\x07")  # macOS resource fork
    (tmp_path / "sources.csv").write_text("article_id,outlet\naj_1,Al Jazeera\n2020-10-02/aj_1,RT Arabic\n",
                                          encoding="utf-8")
    arts, probs = _load(tmp_path, tmp_path / "sources.csv")
    assert sorted(arts) == ["2020-10-01/aj_1", "2020-10-02/aj_1", "top"]
    assert arts["2020-10-01/aj_1"].file == "2020-10-01/aj_1.txt"
    assert arts["2020-10-01/aj_1"].outlet == "Al Jazeera"  # matched by its file stem
    assert arts["2020-10-02/aj_1"].outlet == "RT Arabic"  # matched by its relative id
    assert [f for f in probs["file"] if f != "sources.csv"] == ["2020-10-02/scan.pdf"]  # (+ its missing columns)
    folder = run_folder(tmp_path, tmp_path / "sources.csv", load_profile(), backend="serial")
    assert sorted(folder["articles"]["article_id"]) == sorted(arts)
    assert [f for f in folder["problems"]["file"] if f != "sources.csv"] == ["2020-10-02/scan.pdf"]
    for r in folder["losses"].itertuples():
        assert (tmp_path / r.article_id).with_suffix(".txt").read_text(encoding="utf-8")[r.start:r.end] == r.number_text


def test_a_change_in_a_subfolder_makes_the_report_out_of_date(tmp_path):
    from helpers.pipeline import build_manifest, list_notebooks, manifest_key

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(AR, encoding="utf-8")
    before = manifest_key(build_manifest(tmp_path, None, "karabakh-2020", {}, list_notebooks()))
    (tmp_path / "d" / "a.txt").write_text(AR + " ", encoding="utf-8")
    after = manifest_key(build_manifest(tmp_path, None, "karabakh-2020", {}, list_notebooks()))
    assert before != after and "d/a.txt" in after["inputs"]["files"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised(tmp_path, codec):
    (tmp_path / "nobom.txt").write_bytes(AR.encode(codec))
    arts, probs = _load(tmp_path)
    assert arts["nobom"].raw == AR and arts["nobom"].encoding == codec
    assert _problem(probs, "nobom.txt") == [(f"UTF-16 without a byte order mark; decoded as {codec.upper()}", "loaded")]


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
def test_garbled_double_encoded_arabic_is_repaired_and_listed(tmp_path, wrong):
    raw = AR.encode("utf-8")
    if wrong == "cp1252":  # the five bytes Windows-1252 leaves undefined come through as Latin-1
        garbled = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in raw)
    else:
        garbled = raw.decode("latin-1")
    (tmp_path / "garbled.txt").write_text(garbled, encoding="utf-8")
    (tmp_path / "latin.txt").write_text("Café Ørsted; Ù 1920 — not Arabic at all", encoding="utf-8")
    arts, probs = _load(tmp_path)
    art = arts["garbled"]
    assert art.raw == AR and art.encoding == "utf-8-mojibake"
    assert _problem(probs, "garbled.txt")[0][1] == "repaired and loaded; check the text"
    assert arts["latin"].encoding == "utf-8"  # a few accented letters are no mojibake
    res = extract_article(art, load_profile())
    assert {r["value"] for r in res["losses"]} >= {30}
    for r in res["losses"]:
        assert art.raw[r["start"]:r["end"]] == r["number_text"]
