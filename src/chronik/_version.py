"""The version, from the installed package's metadata (pyproject.toml is its one source)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("chronik")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0.0.0"
