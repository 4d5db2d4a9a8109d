"""Sidang Kelompok stage: members, election of the kelompok's officers, verification of usulan."""

from .layar import KelompokScreen

__all__ = ["KelompokScreen"]
