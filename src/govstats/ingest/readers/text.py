"""Delimited text (csv, tsv, txt): the encoding is detected, never assumed, and mojibake is refused.

Order: a byte-order mark decides (UTF-8, UTF-16); else strict UTF-8; else strict GB18030 (a
superset of GBK and GB2312). Statistical guessers were not used: on a small GBK table
charset-normalizer answers cp949 (Korean) and would hand mojibake downstream. Decoded text is
then checked for the marks of an earlier wrong decoding (U+FFFD, 锟斤拷, UTF-8 read as Latin-1
or as GBK and saved again) and for GB18030 text that is not plausible Chinese (Big5, Shift-JIS).
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
from pathlib import Path

from govstats.errors import InputError
from govstats.ingest.readers.grid import Grid, Provenance

log = logging.getLogger(__name__)

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN1_HIGH = re.compile(r"[\u0080-\u00ff]")
_DAMAGE_MARKS = ("\ufffd", "锟斤拷", "烫烫烫", "屯屯屯")
#: Characters a Chinese table never holds but Big5 or Shift-JIS bytes read as GBK give:
#: private-use, kana, Greek, Cyrillic, box drawing, Hangul.
_FOREIGN = re.compile(r"[\ue000-\uf8ff\u3040-\u30ff\u0370-\u03ff\u0400-\u04ff\u2500-\u257f\uac00-\ud7af]")
#: Below this share of common (GB2312 level-1) characters, GB18030 text is not read as Chinese
#: (a table wholly in traditional characters still has about half: 部, 公, 安, 局 ...).
MIN_COMMON_SHARE = 0.3
#: Fewer CJK characters than this are too few to judge plausibility.
MIN_CJK_TO_JUDGE = 12


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def _latin1_bytes(text: str) -> bytes | None:
    """The bytes a cp1252/Latin-1 decoder would have turned into ``text``, or None."""
    out = bytearray()
    for ch in text:
        if ord(ch) < 256:
            out.append(ord(ch))
            continue
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def _sample(text: str, pattern: re.Pattern[str]) -> str:
    match = pattern.search(text)
    start = match.start() if match else 0
    return text[start:start + 12]


def mojibake_problem(text: str, encoding: str) -> str | None:
    """Why ``text`` (decoded as ``encoding``) must not be used, or None when it reads fine."""
    for mark in _DAMAGE_MARKS:
        if mark in text:
            return (f"it contains {mark!r}, the mark of text already damaged by a wrong decoding "
                    "before it was saved; ask for the original file")
    cjk = cjk_count(text)
    if cjk == 0 and _LATIN1_HIGH.search(text):
        raw = _latin1_bytes(text)
        if raw is not None:
            try:
                fixed = raw.decode("utf-8")
            except UnicodeDecodeError:
                fixed = ""
            if cjk_count(fixed):
                return (f"it is UTF-8 that was read as Latin-1/cp1252 and saved again (mojibake: "
                        f"{_sample(text, _LATIN1_HIGH)!r} was {_sample(fixed, _CJK)!r}); "
                        "ask for the original file")
    if cjk >= 4:
        try:
            fixed = text.encode("gb18030").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            fixed = ""
        if fixed and fixed != text and cjk_count(fixed):
            return (f"it is UTF-8 that was read as GBK and saved again (mojibake: "
                    f"{_sample(text, _CJK)!r} was {_sample(fixed, _CJK)!r}); ask for the original file")
    if encoding == "gb18030":
        return implausible_gbk(text, cjk)
    return None


def implausible_gbk(text: str, cjk: int) -> str | None:
    """Why GB18030-decoded text is not Chinese (Big5 or Shift-JIS bytes), or None."""
    foreign = _FOREIGN.findall(text)
    high = sum(1 for ch in text if ord(ch) > 127)
    common = sum(1 for ch in _CJK.findall(text) if _is_common_hanzi(ch))
    if len(foreign) >= 2 and len(foreign) >= 0.05 * high:
        why = f"{len(foreign)} of {high} characters are private-use, kana, Greek or Cyrillic ({''.join(foreign[:6])!r})"
    elif cjk >= MIN_CJK_TO_JUDGE and common < MIN_COMMON_SHARE * cjk:
        why = f"only {common} of {cjk} characters are common Chinese ones"
    else:
        return None
    return (f"decoded as GBK/GB18030 it does not read as Chinese: {why}; it may be Big5 or "
            "Shift-JIS. Save the file as UTF-8 and try again")


def _is_common_hanzi(ch: str) -> bool:
    """True for GB2312 level-1 characters (the 3755 most used), the bulk of any Chinese text."""
    try:
        lead = ch.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


def decode_text(data: bytes, path: Path, declared: str | None = None) -> tuple[str, str]:
    """Decode raw bytes by BOM, else the ``declared`` encoding (an HTML page's charset), else
    strict UTF-8, else strict GB18030; return (text, encoding).

    Raises InputError naming the file when no encoding fits or the result is mojibake.
    """
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = list(dict.fromkeys([declared or "utf-8", "utf-8", "gb18030"]))
    failure = ""
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            failure = f"{encoding}: {exc}"
            if encoding == declared:
                log.warning("%s: declared charset %s does not fit; detecting instead", path, declared)
            continue
        problem = mojibake_problem(text, encoding)
        if problem and encoding == declared and encoding != candidates[-1]:
            log.warning("%s: the declared charset %s gives mojibake; detecting instead", path, declared)
            continue
        if problem:
            raise InputError(path, f"refusing to read the text as {encoding}: {problem}")
        return text, encoding
    raise InputError(
        path,
        f"the text is neither UTF-8 nor GBK/GB18030 ({failure}); save it as UTF-8 and try again",
    )


def looks_binary(data: bytes) -> bool:
    """True when bytes hold NULs outside a UTF-16 text (an image, an archive, a .doc)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data[:4096]


def delimiter_of(text: str, suffix: str) -> str:
    """Tab when the first line holds one (or the file is .tsv), else comma."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return "\t" if "\t" in first or suffix == ".tsv" else ","


def rows_from_text(text: str, delimiter: str, path: Path | None = None) -> list[list[str]]:
    """Split delimited text into rows of cells (quotes honoured, including for tabs; a lone CR
    ends a line). Text the csv module cannot split (a NUL byte) is an InputError naming the line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as exc:
        raise InputError(path, f"cannot split the text into cells: {exc}", row=reader.line_num) from exc


def read_text(data: bytes, path: Path) -> tuple[list[Grid], str]:
    """The one table of a delimited text file, and the encoding it was read with."""
    text, encoding = decode_text(data, path)
    delimiter = delimiter_of(text, path.suffix.lower())
    log.debug("reading %s as %s text, delimiter %r", path, encoding, delimiter)
    rows = rows_from_text(text, delimiter, path)
    return [Grid(tuple(tuple(r) for r in rows), provenance=Provenance(location=f"{encoding} text"))], encoding
