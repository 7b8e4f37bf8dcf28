"""Reading a revision's data from git objects: the same files as the work tree, two git
processes per revision, nothing in the checkout touched, clear errors."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest
from conftest import BASE, write_tree

from comparator.corpus import Corpus, from_files, load
from comparator.problems import Problem
from comparator.review import git as gitrev
from comparator.root import MAX_FILE_BYTES, FileText, read_text

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "git"], capture_output=True).returncode != 0, reason="git is not installed"
)

# Fixed identities and dates: commits are reproducible and no user configuration leaks in.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Curator",
    "GIT_AUTHOR_EMAIL": "curator@example.org",
    "GIT_COMMITTER_NAME": "Curator",
    "GIT_COMMITTER_EMAIL": "curator@example.org",
    "GIT_AUTHOR_DATE": "2024-01-01T00:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-01-01T00:00:00+00:00",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


class Repo:
    """A real git repository in a temporary folder, driven by the git command line."""

    def __init__(self, path: Path, data: str = "") -> None:
        self.path = path
        self.root = path / data if data else path
        path.mkdir(parents=True, exist_ok=True)
        self.git("-c", "init.defaultBranch=main", "init", "-q")

    def git(self, *args: str, check: bool = True) -> str:
        run = subprocess.run(
            ["git", "-C", str(self.path), *args],
            capture_output=True,
            text=True,
            env={**os.environ, **GIT_ENV},
        )
        if check and run.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {run.stderr}")
        return run.stdout

    def write(self, files: dict[str, str | bytes | None]) -> None:
        """Write files under the data root; None removes one."""
        for rel, content in files.items():
            path = self.root / rel
            if content is None:
                path.unlink()
            else:
                write_tree(self.root, {rel: content})

    def commit(self, message: str = "change") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD").strip()

    def state(self) -> dict[str, object]:
        """HEAD, the index byte for byte, `git status`, and every file of .git with its
        size and modification time: what a command that touches nothing leaves as it was."""
        git_dir = self.path / ".git"
        files = {
            str(p.relative_to(git_dir)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(git_dir.rglob("*"))
            if p.is_file()
        }
        index = (git_dir / "index").read_bytes() if (git_dir / "index").exists() else b""
        head = self.git("rev-parse", "HEAD").strip()
        # GIT_OPTIONAL_LOCKS=0: `git status` itself must not refresh the index it is asked about.
        status = subprocess.run(
            ["git", "-C", str(self.path), "status", "--porcelain", "--untracked-files=all"],
            capture_output=True,
            text=True,
            env={**os.environ, **GIT_ENV, "GIT_OPTIONAL_LOCKS": "0"},
        ).stdout
        return {"head": head, "index": hashlib.sha256(index).hexdigest(), "status": status, "git": files}


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    r = Repo(tmp_path / "repo")
    r.write(dict(BASE))
    return r


def work_tree_files(root: Path) -> dict[str, FileText | Problem]:
    """What `corpus.load` reads from the work tree, by the same paths."""
    corpus = load(root)
    return {rel: read_text(root, root / rel) for rel in corpus.files}


def same_corpus(a: Corpus, b: Corpus) -> None:
    assert a.files == b.files
    assert a.problems == b.problems
    assert a.claims == b.claims
    assert a.sources == b.sources
    assert (a.outlets, a.actors) == (b.outlets, b.actors)


def revision(repo: Repo, name: str = "HEAD") -> dict[str, FileText | Problem]:
    r = gitrev.open_repository(repo.root)
    return gitrev.read_revision(r, gitrev.resolve(r, name))


def test_a_revision_reads_exactly_what_the_work_tree_holds(repo: Repo) -> None:
    repo.write(
        {
            "claims/war/start.yaml": "question: q\n",
            "claims/war/other.yml": "question: r\n",
            "claims/peace/deep/nested.yaml": "question: too deep\n",
            "claims/.hidden/skipped.yaml": "question: hidden\n",
            "claims/war/notes.txt": "not a claim\n",
            "sources/daily/crlf.md": b"---\r\nid: crlf\r\n---\r\ntext\r\n",
            "sources/daily/bom.md": b"\xef\xbb\xbf---\nid: bom\n---\ntext\n",
            "sources/daily/latin1.md": b"caf\xe9\n",
            "sources/daily/copy.md": BASE["sources/daily/daily-1.md"],
            "reports/discrepancies.md": "# not data\n",
        }
    )
    repo.commit()
    files = revision(repo)
    same_corpus(from_files(repo.root, files), load(repo.root))
    assert {rel: files[rel] for rel in work_tree_files(repo.root)} == work_tree_files(repo.root)
    assert "claims/.hidden/skipped.yaml" not in files
    assert "claims/peace/deep/nested.yaml" in files  # listed, then refused by the loader as on disk


def test_data_root_in_a_subfolder(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo", data="data")
    repo.write(dict(BASE))
    write_tree(tmp_path / "repo", {"claims/outside.yaml": "question: not under the data root\n"})
    repo.commit()
    r = gitrev.open_repository(repo.root)
    assert r.prefix == "data/"
    files = gitrev.read_revision(r, gitrev.resolve(r, "HEAD"))
    assert sorted(files) == sorted(BASE)
    assert files == work_tree_files(repo.root)
    same_corpus(from_files(repo.root, files), load(repo.root))


def test_a_revision_without_data_reads_as_empty(repo: Repo) -> None:
    first = repo.commit("data")
    repo.git("rm", "-q", "-r", "sources")
    repo.commit("no data")
    assert revision(repo) == {}
    assert sorted(revision(repo, first)) == sorted(BASE)


def test_links_are_followed_inside_the_repository_only(repo: Repo) -> None:
    (repo.root / "claims/war").mkdir(parents=True)
    (repo.root / "claims/war/real.yaml").write_text("question: q\n")
    os.symlink("real.yaml", repo.root / "claims/war/link.yaml")
    os.symlink("/etc/hostname", repo.root / "claims/war/escape.yaml")
    os.symlink("nowhere.yaml", repo.root / "claims/war/dangling.yaml")
    repo.commit()
    files = revision(repo)
    assert files["claims/war/link.yaml"] == FileText("claims/war/link.yaml", "question: q\n")
    for rel in ("claims/war/escape.yaml", "claims/war/dangling.yaml"):
        problem = files[rel]
        assert isinstance(problem, Problem) and problem.code == "outside-root"


def test_a_large_file_is_refused_unread(repo: Repo) -> None:
    repo.write({"sources/daily/huge.md": "x" * (MAX_FILE_BYTES + 1)})
    repo.commit()
    problem = revision(repo)["sources/daily/huge.md"]
    assert isinstance(problem, Problem) and problem.code == "too-large"


def test_two_git_processes_per_revision_whatever_its_size(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write({f"claims/t/c{i}.yaml": f"question: q{i}\n" for i in range(60)})
    repo.commit()
    r = gitrev.open_repository(repo.root)
    commit = gitrev.resolve(r, "HEAD")
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(args, *rest, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(list(args))
        return real(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    files = gitrev.read_revision(r, commit)
    assert len(files) == 64
    assert [c[3] for c in calls] == ["ls-tree", "cat-file"]


def test_reading_touches_nothing(repo: Repo) -> None:
    repo.commit("one")
    repo.write({"claims/t/new.yaml": "question: staged\n"})
    repo.git("add", "claims/t/new.yaml")
    repo.write({"claims/t/untracked.yaml": "question: untracked\n"})
    before = repo.state()
    revision(repo, "HEAD")
    revision(repo, "HEAD~0")
    assert repo.state() == before


def test_not_a_repository(tmp_path: Path) -> None:
    with pytest.raises(gitrev.NotARepository, match="is not in a git repository"):
        gitrev.open_repository(tmp_path)


@pytest.mark.parametrize("name", ["nope", "-h", "--output=/tmp/x", "main..HEAD\n", ""])
def test_unknown_revisions(repo: Repo, name: str) -> None:
    repo.commit()
    r = gitrev.open_repository(repo.root)
    with pytest.raises(gitrev.UnknownRevision):
        gitrev.resolve(r, name)


def test_git_missing(repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(gitrev.GitMissing, match="git is not installed"):
        gitrev.open_repository(repo.root)


def test_shallow_clone_reads_a_fetched_base(repo: Repo, tmp_path: Path) -> None:
    first = repo.commit("first")
    repo.write({"claims/t/c.yaml": "question: later\n"})
    repo.commit("second")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone)],
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    r = gitrev.open_repository(clone)
    assert r.shallow
    with pytest.raises(gitrev.UnknownRevision, match="shallow clone: fetch it first"):
        gitrev.resolve(r, first)
    subprocess.run(
        ["git", "-C", str(clone), "fetch", "-q", "--depth", "1", "origin", first],
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    files = gitrev.read_revision(r, gitrev.resolve(r, first))
    assert sorted(files) == sorted(BASE)
