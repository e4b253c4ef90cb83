"""Knowledge base and entity resolution.

    kb = load_kb(["my_entries.yaml"])        # built-in YAML + user files, cached compiled index
    ruler.add_patterns(kb.ruler_patterns())  # COUNTRY/ORG/COMPANY/WEAPON/PERSON/DEMONYM/METONYM
    resolver = Resolver(kb)
    ctx = resolver.new_document(text, "2024-06-04")   # acronyms defined in the text, names seen
    res = resolver.resolve("Berlin", ctx, "METONYM")   # Resolution(id="country:DE", ...)
    place = resolver.resolve_location("Kharkiv", ctx)  # coordinates in place.facts
    errors = validate_kb(["my_entries.yaml"])          # ["file:line: field: problem", ...]
    office_check(kb, "person:joe-biden", "former President", "2024-05-01")  # a reason or None

Unknown mentions resolve to `Resolution(id="new:<slug>", method="unlinked")`, the same id
for the same surface within and across documents (`Resolution.linked` is False for them).
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
