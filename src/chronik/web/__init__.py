"""The web application and REST API (``chronik serve``); see docs/web.md."""

from chronik.web.server import create_app, serve

__all__ = ["create_app", "serve"]
