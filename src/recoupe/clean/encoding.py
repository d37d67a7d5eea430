"""Bytes -> str for pages that are not always UTF-8 (cp1252 and latin-1 French pages exist)."""

from __future__ import annotations

from charset_normalizer import from_bytes

from recoupe.errors import DocumentError


def decode(data: bytes) -> str:
    if not data.strip():
        raise DocumentError("empty document")
    if b"\x00" in data[:4096]:
        raise DocumentError("binary content, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError("binary content or unknown encoding")
    return str(best)
