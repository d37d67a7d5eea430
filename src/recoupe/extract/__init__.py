"""Extractors: each reads a parsed Doc (and the language data) and returns record items."""

from recoupe.extract.context import Context

__all__ = ["Context"]
