"""Sidang Pleno II stage: each kelompok's list and the forum's decisions, tanggapan, delegation, tim perumus
and signatories."""

from .layar import Pleno2Screen

__all__ = ["Pleno2Screen"]
