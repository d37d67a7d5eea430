"""Bytes -> str for pages that are not always UTF-8.

Order of trust: a byte-order mark, then strict UTF-8 (a non-UTF-8 text almost never decodes
as UTF-8 by chance), then the charset an HTML page declares, then Windows-1252 when the
result reads as Western European text (French pages that are not UTF-8 are nearly always
cp1252 or latin-1, which cp1252 extends), and only then charset_normalizer's guess.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from recoupe.errors import DocumentError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF_BYTES = 4096
# Signatures of common binary formats that can be mistaken for text.
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")
# Control bytes other than tab, newline, form feed and carriage return.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
MAX_CONTROL_SHARE = 0.01
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Browsers read pages labelled latin-1 as cp1252; so do we.
CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252"}
# Non-ASCII characters that Western European (French) text is made of.
WESTERN_CHARS = re.compile(r"[À-ÿŒœŠšŽžŸ€‘’‚“”„…–—•°«»©®×÷§¨´¸·¡¿ ]")
MIN_WESTERN_SHARE = 0.95


def decode(data: bytes) -> str:
    """Decode a document; raises DocumentError for empty or binary content."""
    for bom, bom_codec in BOMS:
        if data.startswith(bom):
            return non_empty(data.decode(bom_codec, errors="replace"))
    if not data.strip():
        raise DocumentError("empty document")
    if looks_binary(data[:SNIFF_BYTES]):
        raise DocumentError("binary content, not text")
    for codec in ("utf-8", declared_charset(data), "cp1252"):
        text = strict_decode(data, codec)
        if text is not None and (codec != "cp1252" or reads_western(text)):
            return text
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError("binary content or unknown encoding")
    return non_empty(str(best))


def looks_binary(head: bytes) -> bool:
    if head.startswith(BINARY_MAGIC) or b"\x00" in head:
        return True
    return len(CONTROL_BYTES.findall(head)) > MAX_CONTROL_SHARE * len(head)


def declared_charset(data: bytes) -> str | None:
    found = DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if found is None:
        return None
    name = found.group(1).decode("ascii", errors="ignore").lower()
    return CHARSET_ALIASES.get(name, name)


def strict_decode(data: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def reads_western(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    western = sum(1 for c in non_ascii if WESTERN_CHARS.match(c))
    return western >= MIN_WESTERN_SHARE * len(non_ascii)


def non_empty(text: str) -> str:
    if not text.strip():
        raise DocumentError("empty document")
    return text
