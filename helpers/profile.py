"""Conflict profiles: parties, sides, actors and their Arabic spellings, outlets, framing terms.

A profile is a YAML file in `helpers/profiles/`, chosen by name (a notebook parameter).
Its `outlets:` list (media knowledge, shared by any conflict) gives each outlet an English
`name`, Arabic `signatures`, optional `chrome` names (common words: counted only in datelines
and signature lines), optional `kind: agency` (wire services), optional English `aliases`
(other spellings of the name, `Profile.outlet_name`) and web `domains`.
Every Arabic string in it is normalised with `text.normalize` on load, so matching
works on the article's normalised copy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from helpers.paths import PROFILES
from helpers.text import normalize

# Prefixes a word may carry in Arabic running text: conjunctions و ف, prepositions ب ل ك,
# and their combinations (وب, ول, فب, وال handled through the article itself in the match).
PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")

ARABIC_LETTER = r"\u0621-\u064a\u0671-\u06d3"


class ProfileError(ValueError):
    """A profile that cannot be found or does not have the expected shape."""


@dataclass(frozen=True)
class Actor:
    """Someone who can speak or claim: a person, an institution, a state, a group."""

    id: str
    name_en: str
    party: str
    kind: str
    match: tuple[str, ...]  # normalised spellings


@dataclass(frozen=True)
class ActorHit:
    """An actor found in normalised text, with the normalised span of the words."""

    actor: Actor
    start: int
    end: int


@dataclass
class Profile:
    """A loaded, normalised conflict profile."""

    name: str
    path: Path
    data: dict
    parties: dict[str, dict]
    actors: list[Actor]
    side_words: dict[str, tuple[str, ...]]
    outlets: list[tuple[str, tuple[str, ...]]]
    rubrics: tuple[str, ...]
    version: str
    _actor_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    _actor_by_spelling: dict[str, Actor] = field(repr=False, default_factory=dict)
    _outlet_by_key: dict[str, str] | None = field(repr=False, default=None)

    @cached_property
    def outlet_domains(self) -> dict[str, tuple[str, ...]]:
        """Outlet name -> the web domains of its pages (profile key `domains` of an outlet;
        built once: every article's metadata asks for it)."""
        return {str(o["name"]): tuple(str(d).lower().strip() for d in (o.get("domains") or []))
                for o in (self.data.get("outlets") or []) if o.get("domains")}

    @property
    def outlet_forms(self) -> list[tuple[str, str, str, bool]]:
        """(normalised name form, outlet name, kind, common) for every name of every outlet:
        its `signatures` (common False: counted anywhere) and its `chrome` names (common True:
        words or places, counted only in datelines, bylines and signature lines, or quoted);
        kind is the outlet's `kind` ("agency" for wire services), else "outlet"."""
        out = []
        for o in self.data.get("outlets") or []:
            kind = str(o.get("kind") or "outlet")
            for key, common in (("signatures", False), ("chrome", True)):
                out.extend((form, str(o["name"]), kind, common) for form in _norm_list(o.get(key)))
        return out

    def outlet_name(self, name: str) -> str:
        """The profile's name of an outlet given by its name or one of its `aliases`
        (case, spaces and hyphens ignored: "Al Khaleej" is "Al-Khaleej"); other names as given,
        an empty name "unknown"."""
        key = _outlet_key(name)
        if not key:
            return "unknown"
        if self._outlet_by_key is None:
            self._outlet_by_key = {}
            for o in self.data.get("outlets") or []:
                for alias in (o["name"], *(o.get("aliases") or [])):
                    self._outlet_by_key.setdefault(_outlet_key(str(alias)), str(o["name"]))
        return self._outlet_by_key.get(key, str(name).strip())

    @property
    def undated_from(self) -> dt.date | None:
        """First day of the twelve months a date written without a year is read in
        (profile key `undated_year_from`), or None."""
        value = (self.data.get("dates") or {}).get("undated_year_from")
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    def party_side(self, party: str) -> str:
        """The affected_side a party's own people belong to ('other' for third parties)."""
        return self.parties.get(party, {}).get("side", "unknown")

    def colour(self, party: str) -> str:
        """The chart colour of a party."""
        return self.parties.get(party, {}).get("colour", "#999999")

    def find_actors(self, norm: str, start: int = 0, end: int | None = None) -> list[ActorHit]:
        """All non-overlapping actor mentions in normalised text, longest spelling first."""
        end = len(norm) if end is None else end
        hits = []
        plain = self._plain_spellings
        for m in self._actor_re.finditer(norm, start, end):
            s, e = m.span(1)  # the group "name", the pattern's only group
            actor = plain.get(norm[s:e])  # written as listed: the white space needs no squeezing
            if actor is None:
                spelling = _WS.sub(" ", norm[s:e])
                if spelling not in self._actor_by_spelling and spelling.startswith("\u0644\u0644"):
                    spelling = "\u0627\u0644" + spelling[2:]
                actor = self._actor_by_spelling[spelling]
            hits.append(ActorHit(actor, s, e))
        return hits

    @cached_property
    def _plain_spellings(self) -> dict[str, Actor]:
        """The actor spellings that squeezing white space leaves as they are (a match written
        exactly so is looked up directly)."""
        return {k: a for k, a in self._actor_by_spelling.items() if _WS.sub(" ", k) == k}

    @cached_property
    def shared_surnames(self) -> dict[str, tuple[tuple[str, Actor], ...]]:
        """One-word spellings of a person (a surname: "هاروتيونيان") that end a two-word full
        name listed for a different actor ("فاغارشاك هاروتيونيان"): surname -> every full name ending with it and
        its actor (the surname's own actor's full names too). An article that names one of them
        in full means that person by the surname alone afterwards."""
        out: dict[str, list[tuple[str, Actor]]] = {}
        for spelling, actor in self._actor_by_spelling.items():
            words = spelling.split()
            own = self._actor_by_spelling.get(words[-1]) if len(words) == 2 else None
            if own is not None and own.kind == "person" and not any(w.startswith("\u0627\u0644") for w in words):
                out.setdefault(words[-1], []).append((spelling, actor))
        return {sur: tuple(full) for sur, full in out.items()
                if any(a is not self._actor_by_spelling[sur] for _, a in full)}

    def actor(self, actor_id: str) -> Actor:
        """Look an actor up by id."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)


def word_pattern(spellings: list[str] | tuple[str, ...]) -> str:
    """A regex alternation matching any spelling as whole words, with optional Arabic
    prefixes (و ف ب ل ك and the article لل), longest first."""
    forms = set()
    for s in spellings:
        if s:
            forms.add(s)
            if s.startswith("\u0627\u0644"):  # ال + noun after ل is written لل + noun
                forms.add("\u0644\u0644" + s[2:])
    body = _trie_body(forms)
    return (
        rf"(?<![{ARABIC_LETTER}\w])(?:[وف]?[بلك]?)(?P<name>{body})(?![{ARABIC_LETTER}\w])"
    )


def _trie_body(forms: set[str]) -> str:
    """The alternation of forms (a space matching any white space) as a character trie:
    the same matches as the forms longest first (at one position the forms that match are
    prefixes of one another, and a greedy optional tail tries the longer one first), but
    Python's regex engine no longer tries every form at every word start."""
    trie: dict = {}
    for f in forms:
        node = trie
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


def trie_alternation(forms: Iterable[str]) -> str:
    """A regex alternation of the forms (no word edges), written as a character trie."""
    return _trie_body(set(forms))


_WS = re.compile(r"\s+")


def _outlet_key(name: str) -> str:
    """An outlet name reduced to its lower-case letters and digits, for comparing spellings."""
    return "".join(ch for ch in str(name).casefold() if ch.isalnum())


def _norm_list(items) -> tuple[str, ...]:
    return tuple(normalize(str(s)).strip() for s in (items or []) if str(s).strip())


def available_profiles() -> list[str]:
    """Names of the profiles shipped in helpers/profiles/."""
    return sorted(p.stem for p in PROFILES.glob("*.yaml"))


def load_profile(name_or_path: str = "karabakh-2020") -> Profile:
    """Load a profile by name (helpers/profiles/NAME.yaml) or by path; raise ProfileError.
    Cached per process by the file's resolved path, so a name and its path share one load
    (extraction workers forked from a run that loaded it by name inherit it)."""
    path = Path(name_or_path)
    if not path.suffix:
        path = PROFILES / f"{name_or_path}.yaml"
    if not path.is_file():
        raise ProfileError(
            f"Unknown profile {name_or_path!r}: no file {path}. "
            f"Available profiles: {', '.join(available_profiles()) or 'none'}."
        )
    return _load_profile_file(str(path.resolve()))



def load_yaml(text: str):
    """Parse YAML safely, with libyaml's C parser when PyYAML has it (about 8x faster on the
    profile than the pure-Python one, which matters once per kernel); same result either way."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

@lru_cache(maxsize=8)
def _load_profile_file(path_str: str) -> Profile:
    path = Path(path_str)
    raw_bytes = path.read_bytes()
    try:
        data = load_yaml(raw_bytes.decode("utf-8"))
    except yaml.YAMLError as exc:
        raise ProfileError(f"Profile {path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ProfileError(f"Profile {path} must be a YAML mapping.")
    for key in ("name", "parties", "actors"):
        if key not in data:
            raise ProfileError(f"Profile {path} lacks the required key {key!r}.")
    parties = dict(data["parties"])
    actors: list[Actor] = []
    for i, a in enumerate(data["actors"]):
        try:
            actor = Actor(
                id=str(a["id"]),
                name_en=str(a["name_en"]),
                party=str(a["party"]),
                kind=str(a.get("kind", "institution")),
                match=_norm_list(a["match"]),
            )
        except (KeyError, TypeError) as exc:
            raise ProfileError(f"Profile {path}: actor #{i} lacks {exc}.") from exc
        if actor.party not in parties:
            raise ProfileError(f"Profile {path}: actor {actor.id} has unknown party {actor.party!r}.")
        actors.append(actor)
    by_spelling: dict[str, Actor] = {}
    for actor in actors:  # first actor listed wins a shared spelling
        for s in actor.match:
            by_spelling.setdefault(s, actor)
    side_words = {side: _norm_list(words) for side, words in (data.get("sides") or {}).items()}
    outlets = [  # chrome names without their quotes too: a page's site name may be one
        (str(o["name"]), _norm_list(o.get("signatures"))
         + tuple(f.strip("«»\"") for f in _norm_list(o.get("chrome")) if f.strip("«»\"") not in (o.get("signatures") or [])))
        for o in (data.get("outlets") or [])
    ]
    return Profile(
        name=str(data["name"]),
        path=path,
        data=data,
        parties=parties,
        actors=actors,
        side_words=side_words,
        outlets=outlets,
        rubrics=_norm_list(data.get("rubrics")),
        version=hashlib.sha256(raw_bytes).hexdigest()[:12],
        _actor_re=re.compile(word_pattern(list(by_spelling))),
        _actor_by_spelling=by_spelling,
    )
