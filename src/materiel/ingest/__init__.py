"""Readers: files of many formats to `Document`s (or `ReadError`s), streamed."""

from .html import html_to_document
from .options import ReaderOptions
from .sources import read_paths, sniff_format

__all__ = ["ReaderOptions", "html_to_document", "read_paths", "sniff_format"]
