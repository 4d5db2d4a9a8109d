"""`python -m musrenbang_tui ...` is the `musrenbang` command."""

from .cli import run

run()
