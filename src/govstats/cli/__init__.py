"""The command line: ``govstats run``, ``check`` and ``claims`` (``main``), and what a run shows
on the terminal (``display``). Commands only: every decision they print is made below them."""
