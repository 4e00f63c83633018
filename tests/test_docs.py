"""The docs must stay true: every setting and error code documented, the README's example runs."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from chronik.errors import COMMAND_HINTS, Code
from chronik.options import Options

DOCS = Path(__file__).resolve().parent.parent / "docs"
README = DOCS.parent / "README.md"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    for f in fields(Options):
        assert f"`{f.name}`" in text, f"setting {f.name!r} is missing from docs/configuration.md"


def test_every_error_code_is_documented_with_its_message() -> None:
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    for code in Code:
        hint = f"; {COMMAND_HINTS[code]}" if code in COMMAND_HINTS else ""
        row = f"| {code.name} | {(code.value + hint).replace('|', '/')} |"
        assert row in text, f"error {code.name} is missing or stale in docs/architecture.md"


def test_the_readme_s_python_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example as a newcomer pastes it, on two articles of our own in place of the
    shared seeds (a renamed keyword had broken it unseen, review 71)."""
    [example] = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    seeds = tmp_path / "shared" / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "a.txt").write_text(
        "Putin empfängt Kim\n\nWladimir Putin empfing Kim Jong Un in Wladiwostok.\n",
        encoding="utf-8",
    )
    (seeds / "b.txt").write_text(
        "Gipfel in Wladiwostok\n\nPutin und Kim Jong Un trafen sich in Wladiwostok.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path / "shared")  # "../shared/seeds" from here is the folder above
    exec(compile(example, str(README), "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "2 inserted, 0 failed"
    assert printed[-1].startswith("Wladimir Putin "), printed
    assert "'Putin empfängt Kim'" in printed[-1] and "'Gipfel in Wladiwostok'" in printed[-1]


_LINK = re.compile(r"\]\(([^)\s]+)\)")
_FENCE = re.compile(r"```.*?```", re.S)


def _anchor(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to -."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = _FENCE.sub("", page.read_text(encoding="utf-8"))
    return {_anchor(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.M)}


@pytest.mark.parametrize(
    "page", [README, *sorted(DOCS.rglob("*.md"))], ids=lambda p: str(p.relative_to(README.parent))
)
def test_every_link_between_the_docs_resolves(page: Path) -> None:
    """A page moved or a heading renamed must not leave a reader at a dead link: every
    relative link names a file that exists and, for a page, one of its headings."""
    text = _FENCE.sub("", page.read_text(encoding="utf-8"))
    for target in _LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue  # http:, https:, mailto:
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        assert dest.exists(), f"{page.name}: link {target!r} names no file"
        if anchor and dest.suffix == ".md":
            assert anchor in _anchors(dest), f"{page.name}: link {target!r} names no heading"


@pytest.mark.parametrize("executor", ["serial", "processes:2", "dask:local"])
def test_what_the_progress_bar_waits_for_is_documented(executor: str) -> None:
    # Review 275: `ingest --executor processes:2` said "starting the worker processes,
    # which load the models: " on a terminal, which cli.md did not name.
    from chronik.cli.progress import _starting

    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"`{_starting(executor)}`" in text, f"cli.md does not say what {executor} waits for"
