"""extract stage: events (and quotes) from cleaned documents.

from materiel.clean import clean
from materiel.extract import Extractor, extract_quotes
ex = Extractor()
events = ex.extract(clean(doc))
"""

from materiel.extract.extractor import Extractor
from materiel.extract.prefilter import RelevanceFilter
from materiel.extract.quotes import QuoteRecord, extract_quotes

__all__ = [
    "Extractor",
    "QuoteRecord",
    "RelevanceFilter",
    "extract_quotes",
]
