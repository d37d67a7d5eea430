"""Readers: files, directories, JSONL and standard input -> RawDoc. No NLP here."""

from recoupe.read.inputs import MAX_DOCUMENT_BYTES, RawDoc, ReadError, read_inputs

__all__ = ["MAX_DOCUMENT_BYTES", "RawDoc", "ReadError", "read_inputs"]
