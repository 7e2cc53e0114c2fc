"""One watch: collect the cited addresses, fetch them, read the figures, judge, report."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tools.watch.extract import Extractor, check_figure
from tools.watch.fetch import Policy, fetch_all
from tools.watch.report import Outcome
from tools.watch.urls import collect
from tools.watch.verdict import judge

PROJECT = "cip-guide-watch"


@dataclass(frozen=True)
class Settings:
    root: Path
    site: Path | None
    today: date
    policy: Policy


def watch(settings: Settings, extractors: list[Extractor]) -> Outcome:
    collection = collect(settings.root, settings.site, [(e.id, e.url) for e in extractors])
    wanted = {e.url for e in extractors}
    fetched = fetch_all(collection.cited, settings.policy, want_text=wanted)
    addresses = [judge(fetched[url]) for url in collection.cited]
    by_url = {a.url: a for a in addresses}
    figures = []
    for extractor in extractors:
        answer = by_url[extractor.url]
        # Only a 2xx answer has a text: a page that was redirected is read where it ended; a
        # gone or unreachable one is not read at all, so it can never be "changed".
        if answer.fetched.text is None:
            continue
        figures.append(
            check_figure(extractor, answer.fetched.text, answer.fetched.final_url, settings.today)
        )
    return Outcome(settings.today, collection, addresses, figures)


def user_agent() -> str:
    """Names the project and its repository, so a site's administrator knows who asks."""
    return f"{PROJECT}/1 (+{repository()}; monthly check of the pages the CIP guide cites)"


def repository() -> str:
    explicit = os.environ.get("CIP_REPOSITORY_URL")
    if explicit:
        return explicit
    server, name = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and name:
        return f"{server}/{name}"
    try:
        remote = subprocess.run(
            ["git", "config", "--get", "remote.origin.url"],
            capture_output=True, text=True, check=False, timeout=5,
        ).stdout.strip()  # fmt: skip
    except OSError:
        remote = ""
    return remote if remote.startswith("https://") else "the CIP guide's repository"


def default_policy(timeout: float) -> Policy:
    return Policy(user_agent=user_agent(), timeout=timeout)
