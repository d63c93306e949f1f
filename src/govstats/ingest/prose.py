"""The prose of a document as received, whatever its format: the lines a reader reads, without
the site's navigation, scripts, footers or the tables themselves.

Each function takes the file's bytes and returns text lines in reading order. Tables are read
by the readers (govstats.ingest.readers); here their cells are left out of the prose so a count
printed in a table is not read again as a sentence.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from govstats.errors import InputError
from govstats.ingest.readers.html import declared_charset
from govstats.ingest.readers.text import decode_text

#: Elements of a saved web page that are never the document's text.
SKIPPED_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select",
                "button", "iframe", "table", "head", "template")
#: Class or id words of a page's chrome: menus, breadcrumbs, share bars, footers.
CHROME_WORDS = ("nav", "menu", "breadcrumb", "crumb", "footer", "foot", "header", "share", "sidebar",
                "toolbar", "banner", "copyright", "friendlink", "links", "search", "login")
_CHROME = re.compile(rf"(^|[\s_-])({'|'.join(CHROME_WORDS)})($|[\s_-]|\d)", re.IGNORECASE)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "td", "th")


def is_chrome(element) -> bool:  # noqa: ANN001 - an lxml element
    """True for an element of the page's chrome (by tag, or by a class or id word)."""
    if not isinstance(element.tag, str):
        return True
    if element.tag.lower() in SKIPPED_TAGS:
        return True
    marks = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(_CHROME.search(marks))


def html_lines(data: bytes, path: Path) -> tuple[list[str], str]:
    """The text lines of a saved web page (UTF-8 or GBK, declared or detected), chrome left out,
    and its encoding."""
    import lxml.html

    text, encoding = decode_text(data, path, declared_charset(data))
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError / ValueError on hopeless input
        raise InputError(path, f"cannot parse it as HTML ({exc})") from exc
    parts: list[str] = []

    def walk(element) -> None:  # noqa: ANN001 - an lxml element
        if is_chrome(element):
            if element.tail:
                parts.append(element.tail)
            return
        block = element.tag.lower() in _BLOCKS
        if block:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if block:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    return clean_lines("".join(parts).splitlines()), encoding


def docx_lines(data: bytes, path: Path) -> list[str]:
    """The paragraphs of a Word document, in order (tables are read by the Word reader)."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, BadZipFile, ValueError ...
        raise InputError(path, f"cannot open it as a Word .docx document ({exc})") from exc
    return clean_lines(p.text for p in document.paragraphs)


def pdf_lines(data: bytes, path: Path) -> list[str]:
    """The text lines of a PDF outside its ruled tables (pdfplumber), page by page; a line that
    runs to the right margin is joined with the next (a sentence wrapped by the page)."""
    import pdfplumber

    lines: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                boxes = [t.bbox for t in page.find_tables()]

                def outside(obj, boxes=boxes) -> bool:  # noqa: ANN001 - a pdfplumber object
                    x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
                    y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
                    return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

                lines += unwrapped(page.filter(outside).extract_text_lines())
    except Exception as exc:  # pdfminer raises PDFSyntaxError, PSEOF, PDFPasswordIncorrect ...
        raise InputError(path, f"cannot open it as a PDF: corrupt, truncated or encrypted ({exc})") from exc
    return clean_lines(lines)


#: A line ending this close to the widest line's right edge (in points) was wrapped by the page.
WRAP_SLACK = 14.0


def unwrapped(text_lines: list[dict]) -> list[str]:
    """pdfplumber text lines with the page's wrapping undone: a line that reaches the right
    margin and does not end a sentence continues on the next."""
    if not text_lines:
        return []
    right = max(line["x1"] for line in text_lines)
    out: list[str] = []
    joining = False
    for line in text_lines:
        text = line["text"].strip()
        if joining and out:
            out[-1] += text
        else:
            out.append(text)
        joining = line["x1"] >= right - WRAP_SLACK and not text.endswith(("。", "！", "？", "：", "；"))
    return out


def sheet_lines(data: bytes, path: Path) -> list[str]:
    """Cells of a workbook that hold sentences (prose typed into a sheet), in reading order."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises InvalidFileException, KeyError, zipfile errors ...
        raise InputError(path, f"cannot open it as an Excel .xlsx workbook ({exc})") from exc
    lines = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            lines += [str(v) for v in row if isinstance(v, str) and is_sentence(v)]
    return clean_lines(lines)


def is_sentence(text: str) -> bool:
    """True for text that reads as prose: long enough and with sentence punctuation."""
    text = text.strip()
    return len(text) >= 20 and any(mark in text for mark in "。，；：,;")


def clean_lines(lines) -> list[str]:  # noqa: ANN001 - any iterable of strings
    """Lines stripped of outer and non-breaking spaces, runs of blank lines kept as one."""
    out: list[str] = []
    for line in lines:
        line = line.replace("\u00a0", " ").replace("\u3000", " ").strip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
