"""The watch's manners, seen from the server: who it says it is, one request at a time per host,
a bounded retry, and no second try at a host that refused the connection."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.watch.conftest import FAST, Project
from tests.watch.server import recorded_site
from tools.watch.fetch import fetch_all
from tools.watch.run import user_agent, watch


def test_it_names_the_project_and_its_repository(project: Project) -> None:
    watch(project.settings(), project.extractors())
    assert project.server.seen.user_agents == {FAST.user_agent}


def test_the_default_user_agent_names_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CIP_REPOSITORY_URL", raising=False)
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "owner/cip-guide")
    assert user_agent().startswith("cip-guide-watch/1 (+https://github.com/owner/cip-guide;")


def test_one_request_at_a_time_per_host() -> None:
    with recorded_site() as server:
        pages = [
            "/actiris/nl/werkgevers/beroepsinlevingsstage/",
            "/securex/rmmg-national",
            "/acerta/augmentation-rmmg-fevrier-2025",
            "/cultuurloket/beroepsinlevingsstage",
            "/vdab/werkgevers/beroepsinlevingsovereenkomst/vereisten",
            "/old-address",
        ]
        fetch_all([server.base + p for p in pages], replace(FAST, hosts_in_parallel=4))
        assert server.seen.requests["/new-home-of-the-page"] == 1  # the redirect was followed
        # Seven requests, all to one host, four workers: never two at once.
        assert sum(server.seen.requests.values()) == 7
        assert server.seen.most_in_flight == 1


def test_the_retry_is_bounded_and_only_for_failures_that_may_pass(project: Project) -> None:
    policy = replace(FAST, attempts=3)
    results = fetch_all(
        [
            project.url(p)
            for p in ("/broken", "/gone", "/actiris/nl/werkgevers/beroepsinlevingsstage/")
        ],
        policy,
    )
    seen = project.server.seen.requests
    assert seen["/broken"] == 3 and results[project.url("/broken")].attempts == 3
    assert seen["/gone"] == 1  # a 404 will not come back by asking again
    assert seen["/actiris/nl/werkgevers/beroepsinlevingsstage/"] == 1


def test_a_refused_host_is_not_asked_again_for_its_other_pages(project: Project) -> None:
    other = project.refused.replace("/nothing-listens-here", "/another-page")
    results = fetch_all([project.refused, other], FAST)
    assert results[project.refused].attempts == 1  # refused: no retry
    assert results[other].attempts == 0 and results[other].error == "connection refused"
