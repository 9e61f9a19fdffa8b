"""The isolation world's fixtures."""

from tests.security.world import outsiders, world

__all__ = ["outsiders", "world"]
