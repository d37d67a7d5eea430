"""The HTTP side of recoupe: a JSON API and server-rendered pages over the store."""

from recoupe.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
