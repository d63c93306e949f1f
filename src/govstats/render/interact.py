"""What makes a page interactive while it stays offline and safe: one inline script (sortable
and filterable tables, ``templates/govstats/govstats.js``), its stylesheet, and the
Content-Security-Policy that lets exactly that script run.

The policy names the script by its sha256 hash, so no other script can run on the page, not
even one a hostile name smuggled in, and nothing may be loaded from anywhere but ``data:``
URLs. A browser without scripts, and WeasyPrint, show every table whole; the filter boxes
exist only where the script made them, so the PDF has none.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from pathlib import Path

TEMPLATE = Path(__file__).parent / "templates" / "govstats"


@functools.cache
def script() -> str:
    """The page script, exactly as it goes between ``<script>`` and ``</script>``."""
    text = (TEMPLATE / "govstats.js").read_text(encoding="utf-8").replace("\r\n", "\n")
    if "</script" in text.lower():
        raise ValueError("govstats.js must not contain '</script'")
    return text


@functools.cache
def css() -> str:
    """The rules for the sort buttons, filter boxes and chart hover areas."""
    return (TEMPLATE / "interact.css").read_text(encoding="utf-8")


def script_hash(text: str | None = None) -> str:
    """The CSP source of ``text`` (default: the page script): ``'sha256-<base64>'``."""
    digest = hashlib.sha256((script() if text is None else text).encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy() -> str:
    """The pages' Content-Security-Policy: no network, data: images and fonts, inline styles,
    and the page script by its hash (no 'unsafe-inline' for scripts)."""
    return ("default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; "
            f"script-src {script_hash()}; base-uri 'none'; form-action 'none'")


def csp_meta() -> str:
    """The policy as a ``<meta>`` element for the page's head (before any script)."""
    return f'<meta http-equiv="Content-Security-Policy" content="{policy()}">'


def script_element() -> str:
    """The page script as an inline ``<script>`` element for the end of the body."""
    return f"<script>{script()}</script>"
