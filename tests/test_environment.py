"""pyproject.toml and environment.yml name the same dependencies; notebooks ship clean."""

from __future__ import annotations

import json
import re
import tomllib

import yaml

from govstats.paths import CODE_ROOT


def names(specs) -> dict[str, str]:
    """Package name -> version spec; pip extras (``dask[distributed]``) and comments dropped."""
    out = {}
    for spec in specs:
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(\[[^\]]*\])?\s*([^#]*)", spec)
        out[match.group(1).lower().replace("_", "-")] = match.group(3).replace(" ", "")
    return out


def test_environment_yml_matches_pyproject():
    """environment.yml is the full environment: the dependencies and every optional extra."""
    project = tomllib.loads((CODE_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [spec for specs in project["optional-dependencies"].values() for spec in specs]
    wanted = names(project["dependencies"] + extras)
    env = yaml.safe_load((CODE_ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = names(d for d in env["dependencies"] if isinstance(d, str))
    conda.pop("python"), conda.pop("pip")  # the interpreter and installer, not dependencies
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = {**conda, **names(p for p in pip if not p.startswith("-e"))}
    assert listed == wanted


def test_notebooks_are_committed_without_outputs():
    for path in (CODE_ROOT / "notebooks").glob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert not cell["outputs"] and cell["execution_count"] is None, path.name
