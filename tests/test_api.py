"""The package's public names resolve, lazily: importing govstats does not import pandas."""

from __future__ import annotations

import subprocess
import sys

import govstats


def test_every_public_name_resolves():
    for name in govstats.__all__:
        assert getattr(govstats, name) is not None, name


def test_import_is_light():
    code = "import sys, govstats, govstats.cli.main; print('pandas' in sys.modules, 'nbformat' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
