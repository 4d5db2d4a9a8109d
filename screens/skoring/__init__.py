"""Skoring stage: the scoring matrix of a kelompok."""

from .layar import SkoringScreen

__all__ = ["SkoringScreen"]
