"""``python -m govstats``: the same as the ``govstats`` command."""

from govstats.cli.main import main

main()
