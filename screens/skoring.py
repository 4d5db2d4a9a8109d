"""Placeholder while this stage's screen is being built."""

from textual.widgets import Static

from .base import LayarTahap


class SkoringScreen(LayarTahap):
    TAHAP = "skoring"

    def isi(self):
        yield Static("Layar ini sedang dibuat.", id="badan")
