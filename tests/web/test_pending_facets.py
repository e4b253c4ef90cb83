"""The feed within its facet time limit: a facet not counted in time is shown without
counts, with a note and a link, and the page's script fetches its counts from
/facets.json. Here the limit is nil, so every facet not already kept is left out."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from materiel.api.settings import Settings
from materiel.store import facets
from materiel.store.query import EventQuery
from materiel.store.views import FACET_SIZE
from materiel.web import router
from materiel.web.feed import FeedParams


@pytest.fixture
def hurried(filled_store) -> TestClient:
    app = FastAPI()
    app.state.store = filled_store
    app.state.settings = Settings(facet_time_limit_ms=0)
    app.include_router(router)
    facets.clear_cache()
    return TestClient(app)


def test_facets_not_counted_in_time_are_fetched_by_the_script(hurried, filled_store):
    page = hurried.get("/?type=aid")
    assert page.status_code == 200
    pending = re.findall(r'<section class="facet pending" data-facet="(\w+)"', page.text)
    assert pending == list(facets.FACETS)
    assert page.text.count("Not counted in time.") == len(facets.FACETS)
    assert 'class="count"' not in page.text  # no count at all, rather than a wrong one
    assert 'href="/?type=aid&amp;counts=all">Count</a>' in page.text
    rows = re.findall(r'<td class="summary">', page.text)
    # one page holds every aid event: their number is known without counting
    assert f"{len(rows)} event" in page.text
    url = html_lib.unescape(re.search(r'data-counts="([^"]+)"', page.text).group(1))
    assert url == "/facets.json?type=aid&" + "&".join(f"facet={f}" for f in facets.FACETS)

    got = hurried.get(url).json()
    q = EventQuery(type="aid")
    expected = facets.facet_counts(filled_store, q, top=FACET_SIZE)
    params = FeedParams.parse({"type": "aid"})
    assert got["timed_out"] == [] and got["total"] == len(rows)
    for name in facets.FACETS:
        assert [(v["value"], v["label"], v["events"]) for v in got["facets"][name]] == [
            tuple(v) for v in expected[name]], name
        assert [v["href"] for v in got["facets"][name]] == [
            params.link(**{name: v.value}) for v in expected[name]]
    assert [v["value"] for v in got["facets"]["type"] if v["on"]] == ["aid"]

    # what the script fetched is kept: the next page shows every count at once
    again = hurried.get("/?type=aid").text
    assert 'class="facet pending"' not in again and "Not counted in time." not in again


def test_count_all_waits_for_every_count(hurried):
    page = hurried.get("/?counts=all").text
    assert 'class="facet pending"' not in page and "data-counts" not in page
    assert hurried.get("/facets.json?facet=bogus").status_code == 400
    assert hurried.get("/facets.json?type=bogus").status_code == 400
