"""Cleaning: raw documents -> Article (clean body text and metadata)."""

from recoupe.clean.article import Article, clean

__all__ = ["Article", "clean"]
