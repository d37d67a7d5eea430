"""Readers: files, directories, JSONL, WARC and standard input -> RawDoc. No NLP here."""

from recoupe.read.inputs import input_files, read_file, read_inputs
from recoupe.read.raw import MAX_DOCUMENT_BYTES, RawDoc, ReadError, ReadItem
from recoupe.read.select import HostSelection, read_host_list

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "HostSelection",
    "RawDoc",
    "ReadError",
    "ReadItem",
    "input_files",
    "read_file",
    "read_host_list",
    "read_inputs",
]
