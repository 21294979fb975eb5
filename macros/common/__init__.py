"""What every layer uses: the error log and its report, the clock, files written in one step, the "did you mean" hint.

Imports nothing else of ``macros``."""
