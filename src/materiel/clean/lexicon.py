"""Word lists shared by the cleaning rules, read from data/lexicon/clean/lexicon.yaml."""

from __future__ import annotations

from materiel.wordlists import word_set

SMALL_WORDS = word_set("clean/lexicon", "small_words")
FUNCTION_WORDS = SMALL_WORDS | word_set("clean/lexicon", "more_function_words")
SUBJECT_DETERMINERS = word_set("clean/lexicon", "subject_determiners")
NON_HEADING_OPENERS = word_set("clean/lexicon", "non_heading_openers")
TITLES = word_set("clean/lexicon", "titles")
TITLE_MODIFIERS = word_set("clean/lexicon", "title_modifiers")
COMPASS_WORDS = word_set("clean/lexicon", "compass_words")
ORGANISATION_HEADS = word_set("clean/lexicon", "organisation_heads")
NEVER_FINAL = word_set("clean/lexicon", "never_final")
MAYBE_FINAL = word_set("clean/lexicon", "maybe_final")
SENTENCE_OPENERS = word_set("clean/lexicon", "sentence_openers")
STOPWORDS = word_set("clean/lexicon", "stopwords")
NAME_CONNECTORS = word_set("clean/lexicon", "name_connectors")
WIRE_AGENCIES = word_set("clean/lexicon", "wire_agencies")
TIME_ZONES = word_set("clean/lexicon", "time_zones")
LIVE_BLOG_LABELS = word_set("clean/lexicon", "live_blog_labels")
