"""The project's Chinese font: Noto Sans SC from the pinned pip package pylopdf-fonts-zh-cn.

Charts and reports use this one file and never a system font, so a report looks the same on
every machine, including ones with no Chinese font installed. Matplotlib gets the file
registered at run time; the HTML report gets a subset of it embedded (``font_subset``).
"""

from __future__ import annotations

import functools
import importlib.resources
import io
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FONT_PACKAGE = "pylopdf_fonts_zh_cn"
FONT_FILE = "NotoSansSC-Regular.otf"
#: Seaborn style and context that charts and notebooks share.
STYLE = "whitegrid"
CONTEXT = "notebook"
#: Printable ASCII, always kept in a subset so digits and Latin text match the Chinese.
ASCII = "".join(chr(c) for c in range(0x20, 0x7F))


@functools.cache
def font_path() -> Path:
    """Path of Noto Sans SC Regular (OTF) inside the installed pylopdf-fonts-zh-cn package."""
    path = Path(str(importlib.resources.files(FONT_PACKAGE).joinpath(FONT_FILE)))
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} not found: install the pinned font package (pip install pylopdf-fonts-zh-cn)"
        )
    return path


@functools.cache
def font_family() -> str:
    """The family name matplotlib gives the font file (registers it on first use)."""
    from matplotlib import font_manager

    path = font_path()
    font_manager.fontManager.addfont(str(path))
    family = font_manager.FontProperties(fname=str(path)).get_name()
    log.debug("registered %s as font family %r", path, family)
    return family


def font_rc() -> dict[str, Any]:
    """Matplotlib rc settings that make this font the first choice, keep '-' drawable and draw
    every text literally: no mathtext or TeX, so a department named ``$x$`` is just a name."""
    from matplotlib import rcParamsDefault

    family = font_family()
    fallbacks = [f for f in rcParamsDefault["font.sans-serif"] if f != family]
    return {
        "font.family": [family, "sans-serif"],
        "font.sans-serif": [family, *fallbacks],
        "axes.unicode_minus": False,
        "text.parse_math": False,
        "text.usetex": False,
    }


def chart_rc() -> dict[str, Any]:
    """Complete rc settings for a chart: the seaborn style and context plus the Chinese font.

    Charts draw inside ``matplotlib.rc_context(chart_rc())`` so they look the same whatever
    the caller's global settings, and change none of them.
    """
    import seaborn as sns

    return {**sns.axes_style(STYLE), **sns.plotting_context(CONTEXT), **font_rc()}


def use_chinese_font() -> None:
    """Make the Chinese font the global default for matplotlib and seaborn (for notebooks).

    Applies the seaborn theme with ``font=`` (``seaborn.set_theme`` resets fonts otherwise).
    Idempotent; the font file is parsed once per process.
    """
    import seaborn as sns

    rc = font_rc()
    sns.set_theme(style=STYLE, context=CONTEXT, font=font_family(), rc=rc)


#: Tables a web page does not need (layout features, vertical metrics): dropping them
#: halves the subsetting time and the size.
SUBSET_DROP_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]


#: The family name the pages give the embedded font.
FONT_FAMILY = "Govstats Noto Sans SC"


def font_face_css(text: str, family: str = FONT_FAMILY) -> str:
    """An @font-face rule embedding, as ``family``, the subset of the font that ``text`` needs."""
    import base64
    import html

    font = base64.b64encode(font_subset(html.unescape(text))).decode("ascii")
    return (
        f'@font-face {{ font-family: "{family}"; font-style: normal; font-weight: 400; '
        f'src: url(data:font/otf;base64,{font}) format("opentype"); }}'
    )


def font_subset(text: str) -> bytes:
    """OTF bytes of the font cut down to the characters of ``text`` plus printable ASCII.

    Used to embed the font in an HTML page: a page of Chinese tables needs a few hundred
    glyphs (tens of KB) instead of the 8 MB file.
    """
    return _subset_of("".join(sorted(set(text) | set(ASCII))))


@functools.lru_cache(maxsize=8)
def _subset_of(chars: str) -> bytes:
    from fontTools import subset

    options = subset.Options()
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.drop_tables += SUBSET_DROP_TABLES
    font = subset.load_font(str(font_path()), options, lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    buf = io.BytesIO()
    subset.save_font(font, buf, options)
    log.debug("font subset: %d characters, %d bytes", len(chars), buf.tell())
    return buf.getvalue()
