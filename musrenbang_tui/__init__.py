"""The shell of musrenbang-tui: the `musrenbang` command, the Textual app, styles and the demo session.

Importing this package does not import Textual; only opening the UI does.
"""

__version__ = "0.1.0"
