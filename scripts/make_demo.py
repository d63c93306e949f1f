"""Write the demo district (示例区（演示数据）): twelve raw month tables and its reference rows.

    python scripts/make_demo.py [--root DIR]

Deterministic: the same seed writes the same bytes (see govstats.build.demo for the recipe). The
files it writes are committed, so `govstats run` builds the demo on a fresh clone; running this
again after changing the recipe or the reference month refreshes them.
"""

from __future__ import annotations

import argparse
import logging

from govstats.build.demo import SEED, demo_files
from govstats.build.store import write_files
from govstats.paths import Layout

log = logging.getLogger("make_demo")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=None, help="project root (default: found from here up)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    args = parser.parse_args()
    layout = Layout.at(args.root)
    files = demo_files(layout, args.seed)
    write_files(files)
    for path in sorted(files):
        print(path.relative_to(layout.root))


if __name__ == "__main__":
    main()
