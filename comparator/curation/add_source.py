"""Adding an article to the data: the source file `sources/<outlet>/<id>.md`, built and checked.

A curator pastes an article; this module turns it into a source file whose front matter lists
the fields in the contract's order and only the optional ones that were given, and whose body
is the article exactly as pasted (line endings aside: quotes are later matched against it, so
nothing else may change). A new file never replaces an existing one, and it is checked the way
`check` checks it, before it is written and again once it is on disk.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from comparator import corpus as corpus_mod
from comparator.check import check
from comparator.curation.edits import Refused, write_new
from comparator.curation.yamltext import quoted, reads_back
from comparator.dates import PartialDate
from comparator.models import SourceMeta
from comparator.nearest import did_you_mean
from comparator.parse import parse_source
from comparator.problems import Problem, Severity
from comparator.root import MAX_FILE_BYTES, OUTLETS, FileText, relative
from comparator.terms import SLUG_PATTERN
from comparator.validate import validate

# A slug long enough to say what the article is about, short enough to type and to read in a
# table: the example `republika-2020-09-28-rusia-desak-gencatan-senjata` is 49 characters.
MAX_TITLE_WORDS = 8
MAX_ID_LENGTH = 50


@dataclass(frozen=True)
class NewSource:
    """What the curator gives: the article text and the front matter fields."""

    text: str
    outlet: str
    published: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    wire: str | None = None
    authors: Sequence[str] = ()
    published_inferred: bool = False
    wire_inferred: bool = False
    dateline: str | None = None
    notes: str | None = None


@dataclass
class Added:
    """A source file that was written, and what `check` says about it (nothing, normally)."""

    rel: str
    path: Path
    id: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


# An English possessive or contraction is one word: "Armenia's" is armenias, not armenia-s.
# A longer tail after an apostrophe is another word, as in French "l'été".
_CONTRACTION = re.compile(r"(?<=[^\W\d_])['’](?=(?:s|t|d|m|re|ve|ll)(?![^\W\d_]))", re.IGNORECASE)

# Words that leave an id hanging when it is cut after them: "...-raises-death-toll-to".
_DANGLING_WORDS = """
    a an the and or but nor of to in on at by for from with into onto over as than that this
    these those its his her their our after before since about amid against between says said
    di ke dari dan atau yang untuk pada dengan oleh itu ini akan bagi sebagai soal kata
"""  # English, then Indonesian and Malay
_DANGLING = frozenset(_DANGLING_WORDS.split())


def slug_words(text: str) -> list[str]:
    """The words of `text` folded to ASCII lowercase: "Gencatan Senjata Azerbaijan–Armenia"
    gives gencatan, senjata, azerbaijan, armenia. Letters without an ASCII form are dropped."""
    decomposed = unicodedata.normalize("NFKD", _CONTRACTION.sub("", text))
    # Accents go; any other character without an ASCII form (’, –, Cyrillic) separates words.
    ascii_text = "".join(c if c.isascii() else " " for c in decomposed if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", ascii_text.lower())


def derive_id(outlet: str, published: PartialDate, title: str) -> str:
    """`<outlet>-<date>-<first title words>`, cut at a word so that the id stays short, and
    never after a word that leaves it hanging ("to", "of", "the")."""
    stem = f"{outlet}-{published.iso()}"
    words = slug_words(title)[:MAX_TITLE_WORDS]
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([stem, *kept, word])) > MAX_ID_LENGTH:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in _DANGLING:
        kept.pop()
    return "-".join([stem, *kept])


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def headline(text: str) -> str | None:
    """The first non-blank line: where a pasted article carries its headline."""
    for line in normalise_newlines(text).split("\n"):
        if line.strip():
            return " ".join(line.split())
    return None


def _one_line(text: str | None) -> str | None:
    """Front matter fields are single lines; a stray newline in an option is not meant."""
    if text is None:
        return None
    flat = " ".join(text.split())
    return flat or None


def _reads_back(text: str) -> bool:
    """True when plain YAML gives `text` back: `2020-09` does, `null`, `on` and `2020` do not
    (a year is still accepted as a date, but a slug `on` would become true)."""
    return reads_back(text) or bool(re.fullmatch(r"\d{4}", text))


def render(meta: Mapping[str, object], text: str) -> str:
    """The file: front matter in the contract's field order, then the text as given."""
    order = SourceMeta.model_fields  # the contract's field order
    lines = ["---"]
    for name in order:
        value = meta.get(name)
        if value is None or value == [] or value is False:
            continue
        if value is True:
            lines.append(f"{name}: true")
            continue
        if name in ("id", "outlet", "wire", "published", "language") and _reads_back(str(value)):
            shown = str(value)  # slugs, ISO dates, language tags: unquoted as curators write them
        elif isinstance(value, list):
            shown = "[" + ", ".join(quoted(str(v)) for v in value) + "]"
        else:
            shown = quoted(str(value))
        lines.append(f"{name}: {shown}")
    lines.append("---")
    return "\n".join(lines) + "\n" + text


def build(root: Path, new: NewSource, corpus: corpus_mod.Corpus | None = None) -> tuple[str, str]:
    """The relative path and full text of the new source file, or `Refused`.

    Everything that can be known before writing is checked here: the outlet and wire exist,
    the id is free, the date and the text are usable, and the file parses and passes the
    cross-file checks exactly as `check` would run them.
    """
    corpus = corpus if corpus is not None else corpus_mod.load(root)
    text = normalise_newlines(new.text)
    if not text.strip():
        raise Refused("the article text is empty")
    if "\x00" in text:
        raise Refused("the article text holds NUL bytes; it is not text")
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise Refused(f"the article is larger than the {MAX_FILE_BYTES} bytes a source may hold")
    outlet = new.outlet.strip()
    if outlet not in corpus.outlets:
        if any(p.file == OUTLETS for p in corpus.problems):
            known = f"{OUTLETS} has problems (run `comparator check`)"
        else:
            known = f"add it to {OUTLETS} first"
        raise Refused(f"unknown outlet {outlet!r}{did_you_mean(outlet, corpus.outlets)}; {known}")
    wire = new.wire.strip() if new.wire else None
    if wire is not None and wire not in corpus.outlets:
        raise Refused(f"unknown wire outlet {wire!r}{did_you_mean(wire, corpus.outlets)}")
    if new.wire_inferred and wire is None:
        raise Refused("--wire-inferred says the wire was judged from the text: give --wire too")
    escape = _leaves_root(root, outlet)
    if escape:
        raise Refused(escape)
    try:
        published = PartialDate.parse(new.published.strip())
    except ValueError as exc:
        raise Refused(f"--published: {exc}") from None
    title = _one_line(new.title) or headline(text)
    if title is None:  # not reached: a text that is not blank has a first line
        raise Refused("the article has no headline; give --title")
    source_id = new.id.strip() if new.id else derive_id(outlet, published, title)
    if not re.fullmatch(SLUG_PATTERN, source_id):
        raise Refused(f"id {source_id!r} is not a lowercase slug (letters a-z, digits, single hyphens)")
    taken = _existing(root, corpus, source_id)
    if taken:
        raise Refused(
            f"source id {source_id!r} already exists: {taken}; give another --id (nothing was overwritten)"
        )
    language = _one_line(new.language) or corpus.outlets[outlet].language
    if not language:
        raise Refused(f"outlet {outlet!r} has no language in {OUTLETS}; give --language")
    authors = [a for a in (_one_line(a) for a in new.authors) if a]
    meta = {
        "id": source_id,
        "outlet": outlet,
        "title": title,
        "published": published.iso(),
        "language": language,
        "url": _one_line(new.url),
        "authors": authors,
        "dateline": _one_line(new.dateline),
        "wire": wire,
        "published_inferred": new.published_inferred,
        "wire_inferred": new.wire_inferred,
        "notes": _one_line(new.notes),
    }
    rel = f"sources/{outlet}/{source_id}.md"
    content = render(meta, text)
    errors = [p for p in problems_in_memory(corpus, rel, content) if p.severity is Severity.ERROR]
    if errors:
        raise Refused("the new file would not pass check:\n" + "\n".join(str(p) for p in errors))
    return rel, content


def add(root: Path, new: NewSource) -> Added:
    """Write the new source file (never over another) and check it as `check` does."""
    rel, content = build(root, new)
    path = root / rel
    write_new(path, content)
    result = check(root, [str(path)])
    return Added(relative(root, path), path, path.stem, result.problems)


def problems_in_memory(corpus: corpus_mod.Corpus, rel: str, content: str) -> list[Problem]:
    """What `check` would report about a file not yet written: its own parse problems, then the
    cross-file checks of a corpus that holds it beside the sources already there."""
    source, problems = parse_source(FileText(rel, content))
    if source is None:
        return problems
    trial = corpus_mod.Corpus(corpus.root, outlets=corpus.outlets, actors=corpus.actors)
    trial.sources = {**corpus.sources, source.id: source}
    return problems + [p for p in validate(trial) if p.file == rel]


def _existing(root: Path, corpus: corpus_mod.Corpus, source_id: str) -> str | None:
    """Where `source_id` is already used: by a file name under any outlet, or by a front matter."""
    if source_id in corpus.sources:
        return corpus.sources[source_id].rel
    for path in sorted((root / "sources").glob(f"*/{source_id}.md")):
        return relative(root, path)
    return None


def _leaves_root(root: Path, outlet: str) -> str | None:
    """Why sources/<outlet>/ must not be written into: a link that leads out of the data root
    would put the article somewhere `check` never reads (or somewhere it must not go)."""
    folder = root / "sources" / outlet
    try:
        resolved = folder.resolve()
    except (OSError, RuntimeError):
        return f"sources/{outlet}/ cannot be resolved (a broken or looping link)"
    if not resolved.is_relative_to(root.resolve()):
        return f"sources/{outlet}/ is a link that leads outside the data root; nothing was written"
    return None
