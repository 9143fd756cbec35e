"""``retrieval.background_slots``: in an "as of" search longer than 10 passages, the last places go to the best
passages the recency decay held back (an evergreen explainer, an older report that answers the question), on the
sample corpus (reports of 2020, 2026-02 and 2026-06: one old report, so there the background places hold what the
list would have held anyway) and on a planted index of news and older explainers."""

from __future__ import annotations

import numpy as np
import pytest

from planted_vectors import PlantedEmbedder
from rag.index import CorpusIndex
from rag.ingest import Ingestor
from rag.retrieve import HybridRetriever, make_filters
from rag.types import SourceDocument

QUERIES = ["photoresist hydrogen fluoride exports to South Korea", "dual-use exports 20 Japanese companies",
           "semiconductor export controls on China", "technology leaks"]
#: a recency strong enough that the 2020 reports fall below every 2026 one (half-life 10 days, no floor)
STRONG = {"ranker": "hand", "recency_half_life_days": 10.0, "recency_floor": 0.0, "max_per_doc": 20}
AS_OF = make_filters(until="2026-07-01")


def retriever(index, **changes) -> HybridRetriever:
    return HybridRetriever(index, index.settings.retrieval.model_copy(update={**STRONG, **changes}))


def ids(hits) -> list[str]:
    return [h.chunk.chunk_id for h in hits]


def story(hit) -> str:
    return hit.chunk.metadata.get("story_id") or hit.chunk.doc_id


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("slots", [1, 2])
def test_the_last_places_go_to_the_best_passages_without_recency_that_the_list_lacks(sample_index, query, slots):
    index = sample_index[1]
    decayed = retriever(index, background_slots=0).search(query, k=12, filters=AS_OF)
    timeless = retriever(index, recency_half_life_days=0.0).search(query, k=60, filters=AS_OF)
    hits = retriever(index, background_slots=slots).search(query, k=12, filters=AS_OF)
    assert len(hits) == 12
    assert ids(hits[:12 - slots]) == ids(decayed[:12 - slots])  # the list's own order first
    kept, stories = set(ids(hits[:12 - slots])), {story(h): h.chunk.doc_id for h in hits[:12 - slots]}
    wanted = [h.chunk.chunk_id for h in timeless if h.chunk.chunk_id not in kept and stories.get(story(h), h.chunk.doc_id) == h.chunk.doc_id]
    assert ids(hits[12 - slots:]) == wanted[:slots]


@pytest.fixture(scope="module")
def explainers_and_news(tmp_path_factory):
    """15 reports of the ten days before UNTIL at cosine 0.30–0.44 to the query, and 15 explainers from two years
    before it at 0.80–0.94 (closer to the question, held down by the recency decay); one passage each."""
    from rag.config import Settings

    n = 15
    probe = np.eye(8, dtype=np.float32)[0]
    cos = np.concatenate([0.44 - 0.01 * np.arange(n), 0.94 - 0.01 * np.arange(n)])
    side = np.eye(8, dtype=np.float32)[1 + np.arange(2 * n) % 7]
    table = (cos[:, None] * probe + np.sqrt(1 - cos[:, None] ** 2) * side).astype(np.float32)
    docs = [SourceDocument(doc_id=f"{'news' if i < n else 'explainer'}{i:02d}", text=f"item-{i} " + f"filler{i} " * 30,
                           source_path=f"planted/{i}", title=None,
                           published=f"2022-03-{20 + i % 10:02d}" if i < n else f"2020-{1 + i % 12:02d}-15")
            for i in range(2 * n)]
    index = CorpusIndex(Settings(data_dir=tmp_path_factory.mktemp("explainers")), embedder=PlantedEmbedder(table, probe))
    report = Ingestor(index).ingest_documents(docs, source_key="planted")
    assert report.added == len(docs), report.to_dict()
    yield index
    index.close()


UNTIL = make_filters(until="2022-03-31")


def test_an_as_of_list_of_twelve_ends_with_the_two_best_explainers_the_decay_held_below_the_news(explainers_and_news):
    index = explainers_and_news
    news_first = HybridRetriever(index, index.settings.retrieval.model_copy(update={"background_slots": 0}))
    with_background = HybridRetriever(index, index.settings.retrieval.model_copy(update={"background_slots": 2}))
    plain = news_first.search("probe question", k=12, filters=UNTIL)
    assert [h.chunk.doc_id[:4] for h in plain] == ["news"] * 12  # recency (half-life 30 d, floor 0.2) puts all news first
    hits = with_background.search("probe question", k=12, filters=UNTIL)
    assert [h.chunk.doc_id for h in hits[:10]] == [h.chunk.doc_id for h in plain[:10]]
    assert [h.chunk.doc_id for h in hits[10:]] == ["explainer15", "explainer16"]  # the two closest to the question
    assert [h.rank for h in hits] == list(range(1, 13))
    # the top ten a reader sees first, and an undated-bound search, are the ranking's own
    assert [h.chunk.doc_id for h in with_background.search("probe question", k=10, filters=UNTIL)] == \
        [h.chunk.doc_id for h in plain[:10]]


@pytest.mark.parametrize("query", QUERIES)
def test_a_list_of_ten_or_fewer_is_the_ranking_own(sample_index, query):
    index = sample_index[1]
    for k in (5, 10):
        assert ids(retriever(index, background_slots=3).search(query, k=k, filters=AS_OF)) == \
            ids(retriever(index, background_slots=0).search(query, k=k, filters=AS_OF))


@pytest.mark.parametrize("filters", [None, make_filters(since="2020-01-01", until="2026-07-01"), make_filters(since="2019-01-01")])
def test_a_search_that_is_not_as_of_a_day_has_no_background_places(sample_index, filters):
    index = sample_index[1]
    for query in QUERIES:
        assert ids(retriever(index, background_slots=2).search(query, k=14, filters=filters)) == \
            ids(retriever(index, background_slots=0).search(query, k=14, filters=filters))


def test_without_recency_the_background_places_change_nothing(sample_index):
    index = sample_index[1]
    for query in QUERIES:
        assert ids(retriever(index, recency_half_life_days=0.0, background_slots=2).search(query, k=14, filters=AS_OF)) == \
            ids(retriever(index, recency_half_life_days=0.0, background_slots=0).search(query, k=14, filters=AS_OF))
