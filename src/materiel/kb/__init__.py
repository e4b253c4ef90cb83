"""Knowledge base and entity resolution.

`load_kb()` reads the built-in YAML files (and the user's), compiled once into a cached
index; `Resolver` links mentions to entries; `validate_kb()` checks files;
`office_check()` tests a person's title against a date.
"""

from .base import FUZZY_THRESHOLD
from .context import DocContext
from .knowledge import KnowledgeBase
from .loader import clear_memory_cache, load_kb
from .offices import office_check
from .resolver import Resolver
from .schema import validate_kb
from .types import Entry, Resolution

__all__ = [
    "FUZZY_THRESHOLD",
    "DocContext",
    "Entry",
    "KnowledgeBase",
    "Resolution",
    "Resolver",
    "clear_memory_cache",
    "load_kb",
    "office_check",
    "validate_kb",
]
