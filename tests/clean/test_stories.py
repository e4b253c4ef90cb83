from collections import Counter

from materiel.clean.stories import (
    content_words,
    cosine,
    depth_scores,
    gap_similarities,
    is_feed,
    topic_boundaries,
)

from .fixtures import AIR_DEFENCE, FEED, SHIPYARD


def test_content_words_drop_stopwords_and_plurals() -> None:
    bag = content_words("The ministry's orders were for 20 tanks and the tank's parts.")
    assert bag["tank"] == 2
    assert bag["ministry"] == 1 and bag["order"] == 1
    assert "the" not in bag and "were" not in bag and "20" not in bag


def test_cosine() -> None:
    assert cosine(Counter(a=1), Counter(a=2)) == 1.0
    assert cosine(Counter(a=1), Counter(b=1)) == 0.0
    assert cosine(Counter(), Counter(a=1)) == 0.0


def test_depth_scores_find_the_valley() -> None:
    depths = depth_scores([0.5, 0.4, 0.1, 0.4, 0.6])
    assert max(range(5), key=depths.__getitem__) == 2
    assert depths[2] == 0.5 - 0.1 + 0.6 - 0.1


def test_feed_is_detected() -> None:
    assert is_feed(FEED)


def test_articles_are_not_feeds() -> None:
    assert not is_feed(SHIPYARD + AIR_DEFENCE)
    assert not is_feed(FEED[:4])  # too few items


def test_similar_items_are_not_a_feed() -> None:
    # Dated lines that keep talking about one subject are an article, not a feed.
    same_topic = [
        f"The shipyard launched frigate hull {n} for the navy on March {n}." for n in range(1, 9)
    ]
    assert not is_feed(same_topic)


def test_glued_stories_are_cut_at_the_topic_shift() -> None:
    paragraphs = SHIPYARD + AIR_DEFENCE
    similarities = gap_similarities([content_words(p) for p in paragraphs])
    assert min(range(len(similarities)), key=similarities.__getitem__) == len(SHIPYARD) - 1
    assert topic_boundaries(paragraphs) == [len(SHIPYARD)]


def test_one_story_is_not_cut() -> None:
    assert topic_boundaries(SHIPYARD) == []
    assert topic_boundaries(AIR_DEFENCE + AIR_DEFENCE[:2]) == []
    assert topic_boundaries(SHIPYARD[:3]) == []
