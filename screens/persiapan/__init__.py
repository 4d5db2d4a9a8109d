"""Persiapan stage: session data, agenda and team, criteria, kelompok, usulan, import."""

from .layar import PersiapanScreen

__all__ = ["PersiapanScreen"]
