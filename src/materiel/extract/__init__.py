"""extract stage: events (and quotes) from cleaned documents.

from materiel.extract import Extractor, extract_quotes, clean_document
ex = Extractor()
events = ex.extract(clean_document(doc))
"""

from materiel.extract.cleaning import clean_document, fallback_clean
from materiel.extract.extractor import Extractor
from materiel.extract.prefilter import RelevanceFilter
from materiel.extract.quotes import QuoteRecord, extract_quotes

__all__ = [
    "Extractor",
    "QuoteRecord",
    "RelevanceFilter",
    "clean_document",
    "extract_quotes",
    "fallback_clean",
]
