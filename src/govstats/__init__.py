"""govstats: clean, reconcile, chart and report district government-service statistics.

The public functions are re-exported here so that notebooks and analysts can write
``from govstats import analyse_month`` and get the same code the pipeline runs.
"""

from __future__ import annotations

__version__ = "0.1.0"

from govstats.errors import InputError
from govstats.paths import Layout, project_root
from govstats.read import RawTable, read_table
from govstats.reference import Profile, Registry, load_districts, load_profile, load_registry

__all__ = [
    "InputError",
    "Layout",
    "Profile",
    "RawTable",
    "Registry",
    "__version__",
    "load_districts",
    "load_profile",
    "load_registry",
    "project_root",
    "read_table",
]
