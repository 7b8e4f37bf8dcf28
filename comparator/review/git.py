"""Reading the data of a git revision straight from the object store.

A revision is listed with one `git ls-tree` whatever its size (the files under claims/ and
sources/, each with its blob), and the files asked for are read with one `git cat-file
--batch` per request, so that `diff` reads only the files a change needs. Nothing
is checked out, and no command used here writes to the index, the work tree or HEAD, so a
reviewer's checkout (or a CI workspace) is left exactly as it was. Only objects that are
present are needed, so a shallow clone works once the base commit has been fetched.

The result has the shape `corpus.from_files` takes: file texts (or problems) by path
relative to the data root, which may be a subfolder of the repository.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from comparator.errors import ComparatorError
from comparator.problems import Problem, error
from comparator.root import MAX_FILE_BYTES, FileText, decode

REGISTRIES = ("sources/outlets.yaml", "sources/actors.yaml")
_LINK_MODE = b"120000"
_LINK_TROUBLE = {
    b"symlink": "leads outside the repository",
    b"dangling": "points at nothing",
    b"loop": "loops",
    b"notdir": "runs through a file",
}


class GitError(ComparatorError):
    """A revision could not be read; the message says why in a curator's words."""


class GitMissing(GitError):
    pass


class NotARepository(GitError):
    pass


class UnknownRevision(GitError):
    pass


@dataclass(frozen=True)
class Repository:
    toplevel: Path
    prefix: str  # the data root relative to the top of the work tree: "" or "data/"
    shallow: bool


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # Read-only commands take no optional locks (a concurrent `git status` elsewhere must not
    # be disturbed), and paths given to ls-tree are names, never patterns.
    env["GIT_OPTIONAL_LOCKS"] = "0"
    env["GIT_LITERAL_PATHSPECS"] = "1"
    return env


def _git(cwd: Path, args: Sequence[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", str(cwd), *args],
            input=stdin if stdin is not None else b"",
            capture_output=True,
            env=_env(),
            check=False,
        )
    except FileNotFoundError:
        raise GitMissing("git is not installed or not on PATH; reading revisions needs it") from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror}") from None


def _said(run: subprocess.CompletedProcess[bytes]) -> str:
    """Git's own complaint, on one line."""
    text = run.stderr.decode("utf-8", "replace").strip()
    return " ".join(text.replace("fatal: ", "").split()) or f"git exited with status {run.returncode}"


def open_repository(root: Path) -> Repository:
    """The repository whose work tree holds `root`."""
    run = _git(root, ["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"])
    if run.returncode != 0:
        raise NotARepository(f"{root} is not in a git repository with a work tree ({_said(run)})")
    lines = run.stdout.decode("utf-8", "surrogateescape").split("\n")
    if len(lines) < 3:
        raise NotARepository(f"{root} is not in a git repository with a work tree")
    return Repository(Path(lines[0]), lines[1], lines[2].strip() == "true")


def resolve(repo: Repository, revision: str) -> str:
    """The commit id a revision names (a branch, tag, `HEAD~2`, a sha...)."""
    if not revision or revision.startswith("-") or "\n" in revision:
        raise UnknownRevision(f"{revision!r} is not a revision name")
    run = _git(repo.toplevel, ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"])
    if run.returncode != 0:
        hint = ""
        if repo.shallow:
            hint = f"; this is a shallow clone: fetch it first (git fetch --depth 1 origin {revision})"
        raise UnknownRevision(f"unknown revision {revision!r}: no such commit in this repository{hint}")
    return run.stdout.decode("ascii").strip()


def merge_base_of(repo: Repository, base: str, head: str) -> str:
    """The commit where `head` forked from `base` (both commit ids), as a pull request sees it."""
    run = _git(repo.toplevel, ["merge-base", base, head])
    if run.returncode != 0:
        hint = "; in a shallow clone, fetch more history first" if repo.shallow else ""
        raise GitError(f"{base[:12]} and {head[:12]} have no common ancestor{hint}")
    return run.stdout.decode("ascii").strip()


def is_ancestor(repo: Repository, ancestor: str, commit: str) -> bool:
    """Whether `ancestor` is in the history of `commit` (both commit ids)."""
    return _git(repo.toplevel, ["merge-base", "--is-ancestor", ancestor, commit]).returncode == 0


@dataclass(frozen=True)
class Span:
    """The two revisions a diff compares, as named and as commits."""

    base: str
    head: str | None  # None: the working tree
    base_commit: str
    head_commit: str | None
    note: str | None  # said when BASE moved on since HEAD forked from it


def span(repo: Repository, base: str, head: str | None = None, merge_base: bool = False) -> Span:
    """BASE and HEAD as commits; `BASE...HEAD` (or `merge_base`) starts from where HEAD forked
    from BASE, as a pull request does, and `BASE...` alone from where the work tree's HEAD did."""
    if "..." in base:
        if head is not None:
            raise GitError("give HEAD either after BASE... or as its own argument, not both")
        base, _, rest = base.partition("...")
        head, merge_base = rest or None, True
    base_commit = resolve(repo, base)
    head_commit = resolve(repo, head) if head is not None else None
    tip = head_commit or resolve(repo, "HEAD")
    note = None
    if merge_base:
        base_commit = merge_base_of(repo, base_commit, tip)
    elif not repo.shallow and not is_ancestor(repo, base_commit, tip):
        # (a shallow clone cannot tell: its history stops short of the fork)
        note = f"{base} has moved on since this branch forked; compare {base}...{head or 'HEAD'}"
    return Span(base, head, base_commit, head_commit, note)


def wanted(rel: str) -> bool:
    """The files `corpus.load` reads from a work tree, by path relative to the data root."""
    if rel in REGISTRIES:
        return True
    parts = rel.split("/")
    if any(part.startswith(".") for part in parts[1:-1]):
        return False  # the work-tree walk does not enter hidden folders either
    if parts[0] == "sources":
        return rel.endswith(".md")
    return parts[0] == "claims" and rel.endswith((".yaml", ".yml"))


def _walk_order(rel: str) -> tuple[tuple[int, str], ...]:
    """The order the work-tree walk visits files in: a folder's files, then its subfolders."""
    *folders, name = rel.split("/")
    return (*tuple((1, f) for f in folders), (0, name))


@dataclass(frozen=True)
class Listing:
    """The files of a revision under the data root, known by what they are before any is
    read: two revisions hold the same file at a path when its blob is the same."""

    files: dict[str, str]  # path -> its blob ("blob <id>"), or why it cannot be read; walk order
    fetch: Callable[[Iterable[str]], dict[str, FileText | Problem]]  # the files at these paths
    unread: tuple[Problem, ...] = ()  # paths a walk of the work tree did not read

    def read(self) -> dict[str, FileText | Problem]:
        """Every file, in the walk's order."""
        return self.fetch(self.files)


def read_revision(repo: Repository, commit: str) -> dict[str, FileText | Problem]:
    """Every claim, source and registry file of `commit` under the data root."""
    return listing(repo, commit).read()


def listing(repo: Repository, commit: str) -> Listing:
    """The claim, source and registry files of `commit` under the data root, listed with one
    `git ls-tree`; their texts are read, when asked for, with one `git cat-file`."""
    run = _git(
        repo.toplevel,
        ["ls-tree", "-r", "-z", "--long", commit, "--", repo.prefix + "claims", repo.prefix + "sources"],
    )
    if run.returncode != 0:
        raise GitError(f"cannot list the files of {commit}: {_said(run)}")

    refused: dict[str, Problem] = {}
    asks: dict[str, bytes] = {}  # what cat-file is asked for each path
    links: list[str] = []
    prefix = repo.prefix.encode("utf-8", "surrogateescape")
    for entry in run.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, oid, size = meta.split()
        rel = raw_path[len(prefix) :].decode("utf-8", "replace")
        if kind != b"blob" or not wanted(rel):
            continue
        if mode == _LINK_MODE:
            if b"\n" in raw_path:
                refused[rel] = error(
                    rel, 1, 1, "unexpected-file", "a link whose name holds a line break; not read"
                )
                continue
            # Asked for by path so that cat-file follows the link inside the repository.
            asks[rel] = commit.encode("ascii") + b":" + raw_path
            links.append(rel)
        elif int(size) > MAX_FILE_BYTES:
            refused[rel] = error(
                rel, 1, 1, "too-large", f"{int(size)} bytes is more than the {MAX_FILE_BYTES} read"
            )
        else:
            asks[rel] = oid
    order = sorted([*refused, *asks], key=_walk_order)
    what = {rel: f"blob {asks[rel].decode('ascii')}" for rel in asks if rel not in links}
    what.update({rel: str(problem) for rel, problem in refused.items()})
    if links:
        # What a link leads to is known only once git has followed it.
        check = _git(
            repo.toplevel,
            ["cat-file", "--batch-check", "--follow-symlinks"],
            b"\n".join(asks[rel] for rel in links) + b"\n",
        )
        if check.returncode != 0:
            raise GitError(f"cannot read the files of {commit}: {_said(check)}")
        lines = iter(check.stdout.split(b"\n"))
        for rel in links:
            line = next(lines, b"")
            if line.split(b" ")[0] in _LINK_TROUBLE:
                # a link git could not follow: its header, then where it leads (or what it names)
                line += b"\n" + next(lines, b"")
            what[rel] = "link " + line.decode("utf-8", "replace")

    def fetch(rels: Iterable[str]) -> dict[str, FileText | Problem]:
        files: dict[str, FileText | Problem] = {}
        requests: list[bytes] = []
        asked_by: list[list[str]] = []  # the paths each request answers
        by_object: dict[bytes, int] = {}
        for rel in rels:
            if rel in refused:
                files[rel] = refused[rel]
            elif rel in asks:
                request = asks[rel]
                if request in by_object:  # the same text at several paths is fetched once
                    asked_by[by_object[request]].append(rel)
                    continue
                by_object[request] = len(requests)
                requests.append(request)
                asked_by.append([rel])
        if requests:
            batch = _git(
                repo.toplevel, ["cat-file", "--batch", "--follow-symlinks"], b"\n".join(requests) + b"\n"
            )
            if batch.returncode != 0:
                raise GitError(f"cannot read the files of {commit}: {_said(batch)}")
            for paths, answer in zip(asked_by, _answers(batch.stdout, len(requests)), strict=False):
                for rel in paths:
                    files[rel] = answer(rel)
        return {rel: files[rel] for rel in sorted(files, key=_walk_order)}

    return Listing({rel: what[rel] for rel in order}, fetch)


Answer = Callable[[str], "FileText | Problem"]


def _refusal(code: str, message: str) -> Answer:
    """An answer that reports the file as not read, at its first line."""

    def answer(rel: str) -> FileText | Problem:
        return error(rel, 1, 1, code, message)

    return answer


def _decoded(data: bytes) -> Answer:
    def answer(rel: str) -> FileText | Problem:
        return decode(rel, data)

    return answer


def _answers(out: bytes, count: int) -> list[Answer]:
    """Split cat-file's stream into one reader per request: `rel -> FileText | Problem`."""
    answers: list[Answer] = []
    at = 0
    for _ in range(count):
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if header[-1] == b"missing" or header[-1] == b"ambiguous":
            answers.append(_refusal("outside-root", "the file cannot be resolved in this revision"))
            continue
        trouble = _LINK_TROUBLE.get(header[0])
        size = int(header[1] if trouble else header[2])
        body = out[at : at + size]
        at += size + 1
        if trouble:
            answers.append(_refusal("outside-root", f"the link {trouble}; it was not read"))
        elif header[1] != b"blob":
            answers.append(_refusal("unexpected-file", "a link to a folder; not read"))
        elif size > MAX_FILE_BYTES:
            answers.append(_refusal("too-large", f"{size} bytes is more than the {MAX_FILE_BYTES} read"))
        else:
            answers.append(_decoded(body))
    return answers
