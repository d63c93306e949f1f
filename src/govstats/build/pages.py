"""Build the pages that span many months: a district's trends, the cross-district indicators,
and the index, with the same steps as the monthly report (papermill, export.html_report,
export.pdf_report, store.write_files: nothing replaced until every file is ready).

Each notebook page keeps a manifest (``data/processed/<district>/trends.manifest.json``,
``data/processed/indicators.manifest.json``) with the sha256 of its inputs, its notebook and
the package version; a page whose manifest still matches and whose files exist is not
rendered again (``force`` renders it anyway). The index is cheap and always rebuilt.
``govstats run`` calls ``build_overview`` after the months are built.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from govstats.build.freshness import file_digest
from govstats.build.index import INDICATORS_PAGE, TRENDS_PAGE, build_index
from govstats.build.manifest import MANIFEST_SUFFIX, manifest_record, page_is_current, read_manifest
from govstats.build.nav import indicators_nav, trends_nav
from govstats.build.notebooks import execute_notebook
from govstats.build.store import json_bytes, write_files
from govstats.measure.trends import district_trends_of
from govstats.paths import Layout
from govstats.reference.published import ALIASES_FILE, FIGURES_FILE, TARGETS_FILE

log = logging.getLogger(__name__)

TRENDS_NOTEBOOK = "trends.ipynb"
INDICATORS_NOTEBOOK = "indicators.ipynb"
INDICATORS_TITLE = "各区政务服务指标与目标对照"


@dataclass(frozen=True)
class Page:
    """A notebook page to render: what it runs, with which inputs, and where it goes."""

    name: str
    notebook: Path
    parameters: dict[str, object]
    title: str
    stem: Path  # reports/.../<page> without suffix
    manifest: Path
    inputs: list[Path] = field(default_factory=list)
    nav: list[tuple[str, str]] = field(default_factory=list)  # the header bar (govstats.build.nav)

    def outputs(self, pdf: bool) -> list[Path]:
        return [self.stem.with_suffix(".html"), *([self.stem.with_suffix(".pdf")] if pdf else [])]


@dataclass
class PageResult:
    """What happened to one overview page."""

    page: str
    status: str  # built | unchanged | skipped | failed
    path: Path | None = None
    seconds: float = 0.0
    error: str = ""


def trends_page(layout: Layout, district: str) -> Page:
    """The trends page of a district over all its processed months (InputError when none)."""
    view = district_trends_of(district, root=layout.root)
    periods = sorted(set(view.months) | set(view.periods["month"].astype(str)) if not view.periods.empty
                     else set(view.months))
    months = [layout.processed_month(district, m) / "departments.parquet" for m in periods]
    return Page(f"{district}/{TRENDS_PAGE}", layout.notebooks / TRENDS_NOTEBOOK,
                {"district": district, "root": str(layout.root)}, view.title,
                layout.reports / district / TRENDS_PAGE,
                layout.processed / district / f"{TRENDS_PAGE}{MANIFEST_SUFFIX}",
                [*months, layout.reference / "districts.csv"], trends_nav())


def indicators_page(layout: Layout) -> Page:
    """The page of published figures against targets (inputs: the reference files)."""
    reference = [layout.reference / n for n in (FIGURES_FILE, TARGETS_FILE, ALIASES_FILE, "districts.csv")]
    return Page(INDICATORS_PAGE, layout.notebooks / INDICATORS_NOTEBOOK, {"root": str(layout.root)},
                INDICATORS_TITLE, layout.reports / INDICATORS_PAGE,
                layout.processed / f"{INDICATORS_PAGE}{MANIFEST_SUFFIX}", reference, indicators_nav())


def input_digests(layout: Layout, page: Page) -> dict[str, str]:
    """sha256 of each input of a page, by path relative to the root."""
    return {p.relative_to(layout.root).as_posix() if p.is_relative_to(layout.root) else str(p): file_digest(p)
            for p in page.inputs}


def is_current(layout: Layout, page: Page, pdf: bool) -> bool:
    """True when the page's manifest matches its inputs now, its notebook and the package
    version, and its files exist: rendering again would give the same page."""
    return page_is_current(layout, read_manifest(page.manifest), pdf=pdf, inputs=input_digests(layout, page))


def render_page(layout: Layout, page: Page, *, pdf: bool = True) -> Path:
    """Execute the page's notebook, render HTML (and PDF), keep the executed notebook and the
    manifest; write them all at once. Returns the HTML path."""
    from govstats.render.export import html_report, pdf_report

    started = time.perf_counter()
    executed = execute_notebook(page.notebook, page.parameters)
    html = html_report(executed, page.title, page.nav)
    files = {page.stem.with_suffix(".html"): html.encode("utf-8")}
    if pdf:
        files[page.stem.with_suffix(".pdf")] = pdf_report(html)
    files[page.stem.with_suffix(".ipynb")] = nbformat.writes(executed).encode("utf-8")
    seconds = time.perf_counter() - started
    files[page.manifest] = json_bytes(manifest_record(
        {"page": page.name}, parameters=page.parameters, read={"inputs": input_digests(layout, page)},
        notebook=page.notebook, outputs=files, root=layout.root, seconds=seconds))
    write_files(files, stale=[page.stem.with_suffix(".pdf")])
    log.info("built %s in %.1f s", page.name, seconds)
    return page.stem.with_suffix(".html")


def build_trends(layout: Layout, district: str, *, pdf: bool = True) -> Path:
    """Render reports/<district>/trends.html (and .pdf) over all of the district's processed
    months; raises InputError when it has none."""
    return render_page(layout, trends_page(layout, district), pdf=pdf)


def build_indicators(layout: Layout, *, pdf: bool = True) -> Path:
    """Render reports/indicators.html (and .pdf): published figures against targets."""
    return render_page(layout, indicators_page(layout), pdf=pdf)


def page_result(name: str, make_page: Callable[[], Page], layout: Layout, pdf: bool, force: bool) -> PageResult:
    """Render one page unless it is current; a failure becomes a result, so the other pages
    still build."""
    started = time.perf_counter()
    try:
        page = make_page()
        if not force and is_current(layout, page, pdf):
            return PageResult(name, "unchanged", page.stem.with_suffix(".html"))
        path = render_page(layout, page, pdf=pdf)
    except Exception as exc:  # reported to the caller, which sets the exit code
        log.debug("page %s failed", name, exc_info=True)
        return PageResult(name, "failed", seconds=time.perf_counter() - started, error=f"{type(exc).__name__}: {exc}")
    return PageResult(name, "built", path, time.perf_counter() - started)


def overview_names(districts: Iterable[str]) -> list[str]:
    """The pages build_overview renders, in its order."""
    return [*(f"{d}/{TRENDS_PAGE}" for d in districts), INDICATORS_PAGE, "index"]


def build_overview(layout: Layout, districts: Iterable[str], *, pdf: bool = True, force: bool = False,
                   on_result: Callable[[PageResult], None] | None = None) -> list[PageResult]:
    """Trends of ``districts`` (those whose months were just built), the indicators page,
    then the index (always, and last, so it links what exists now). ``on_result`` hears of
    each page as it finishes."""
    results: list[PageResult] = []

    def done(result: PageResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    for district in districts:
        done(page_result(f"{district}/{TRENDS_PAGE}", lambda d=district: trends_page(layout, d),
                         layout, pdf, force))
    done(page_result(INDICATORS_PAGE, lambda: indicators_page(layout), layout, pdf, force))
    started = time.perf_counter()
    try:
        done(PageResult("index", "built", build_index(layout), time.perf_counter() - started))
    except Exception as exc:  # noqa: BLE001 - same contract as the other pages
        done(PageResult("index", "failed", seconds=time.perf_counter() - started,
                        error=f"{type(exc).__name__}: {exc}"))
    return results
