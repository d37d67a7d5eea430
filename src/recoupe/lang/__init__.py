"""Language data kept as files (lexicons, patterns), apart from the algorithms that use them.

Each language has a folder (`lang/fr/`) of JSON files that a linguist can edit.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(lang: str, name: str) -> Any:
    """The parsed JSON file `lang/<lang>/<name>.json`."""
    path = resources.files("recoupe.lang").joinpath(lang, f"{name}.json")
    with path.open(encoding="utf-8") as stream:
        return json.load(stream)
