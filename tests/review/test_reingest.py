from __future__ import annotations

from review_corpus import ARTICLES, VerbExtractor, write_articles
from sqlalchemy import select

from materiel import review
from materiel.pipeline import ingest
from materiel.store.schema import events


def _events(store) -> dict[str, tuple[int, str, str]]:
    with store.engine.connect() as conn:
        return {r.evidence.split()[0]: (r.id, r.type, r.review_state) for r in conn.execute(
            select(events).where(events.c.document_id.in_(
                select(events.c.document_id).where(events.c.evidence.like("Norway%")))))}


def test_reextraction_keeps_reviewed_events_and_replaces_the_others(store, corpus):
    before = _events(store)
    review.reject(store, before["Denmark"][0], "ana")
    review.edit(store, before["Norway"][0], "ana", review.EventEdit(
        type="aid", roles={"donor": [{"text": "Norway"}]}))
    extractor = VerbExtractor()
    summary = ingest([str(corpus)], store, extractor=extractor, reextract=True)
    assert extractor.runs == 1 and summary.duplicate == 2
    after = _events(store)
    assert after["Denmark"] == (before["Denmark"][0], "aid", "rejected")  # not back
    assert after["Norway"] == (before["Norway"][0], "aid", "edited")  # not doubled
    with store.engine.connect() as conn:
        assert conn.execute(select(events.c.id).where(
            events.c.evidence.like("Norway%"))).all() == [(before["Norway"][0],)]
        # the unreviewed event of the other document was extracted again
        chile = conn.execute(select(events.c.id, events.c.review_state)
                             .where(events.c.evidence.like("Chile%"))).all()
    assert len(chile) == 1 and chile[0].review_state == "unreviewed"


def test_plain_reingest_changes_nothing(store, corpus):
    review.accept(store, _events(store)["Norway"][0], "ana")
    before = _events(store)
    summary = ingest([str(corpus)], store, extractor=VerbExtractor())
    assert summary.duplicate == 2 and summary.events == 0
    assert _events(store) == before


def test_a_new_copy_of_a_story_inherits_its_rejections(store, tmp_path):
    rejected = _events(store)["Denmark"][0]
    review.reject(store, rejected, "ana")
    copy = dict(ARTICLES[0], id="rv-1-copy",
                text=ARTICLES[0]["text"] + " A reader wrote in.")
    folder = tmp_path / "copy"
    folder.mkdir()
    summary = ingest([str(write_articles(folder, [copy]))], store, extractor=VerbExtractor())
    assert summary.near_duplicate == 1
    with store.engine.connect() as conn:
        states = dict(conn.execute(select(events.c.type, events.c.review_state).where(
            events.c.evidence.like("Denmark%"), events.c.id != rejected)).all())
    assert states == {"aid": "rejected"}
