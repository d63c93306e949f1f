"""The ``govstats`` command: build months (``run``), check a raw table (``check``), check the
numeric claims of a bulletin (``claims``) and turn an executed notebook into the report (``render``).

Exit codes, for schedulers: 0 success; 1 a ledger has a failing error-severity check
(``check`` always, ``run`` with ``--strict``) or a bulletin claim fails (``claims``); 2 bad input
(the message names file, row and column); 3 a build step failed (notebook or export) or an output
could not be written (the message names the path); 4 ``run`` only: another run holds the root's
lock (govstats.build.lock; docs/scheduling.md).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated, Optional

import typer

from govstats.errors import InputError

EXIT_OK, EXIT_LEDGER, EXIT_INPUT, EXIT_BUILD, EXIT_LOCKED = 0, 1, 2, 3, 4

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Clean, reconcile, chart and report government-service statistics.")

RootOption = Annotated[Optional[Path], typer.Option("--root", envvar="GOVSTATS_ROOT",
                       help="Project root (holds data/); default: found from the current directory up.")]


def show_version(value: bool) -> None:
    """``--version``: print the package version and stop."""
    if value:
        from govstats import __version__

        typer.echo(f"govstats {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def options(
    version: Annotated[bool, typer.Option("--version", callback=show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Clean, reconcile, chart and report government-service statistics."""


def resolved_root(root: Path | None, near: Path | None = None) -> Path:
    """The project root a command works on: ``--root``, ``$GOVSTATS_ROOT``, else found from the
    current folder up (then from the folder of ``near``, the file a command reads); exit 2
    saying how to set it when there is none."""
    from govstats.paths import RootNotFound, project_root

    try:
        return project_root(root)
    except RootNotFound as exc:
        if near is not None:
            try:
                return project_root(start=Path(near).resolve().parent)
            except RootNotFound:
                pass
        raise fail(str(exc), EXIT_INPUT) from None


def check_district(layout, district: str) -> None:  # noqa: ANN001 - a Layout
    """Exit 2 naming the known districts (districts.csv and data/raw) when ``district`` is none of them."""
    from difflib import get_close_matches

    from govstats.reference.districts import load_districts

    known = set(load_districts(layout.reference)) | {d for d, _ in layout.raw_months()}
    if district in known:
        return
    close = get_close_matches(district, sorted(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise fail(f"unknown district {district!r}{hint}; known: {', '.join(sorted(known))}", EXIT_INPUT)


def fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def run_exit_code(outcomes, *, strict: bool) -> int:  # noqa: ANN001 - runs.MonthOutcome values
    """The worst month wins: 3 a build failed, 2 bad input, 1 (with --strict) a ledger with a
    failing error check, built now or skipped as unchanged; else 0."""
    codes = [EXIT_OK]
    for o in outcomes:
        codes.append({"build": EXIT_BUILD, "input": EXIT_INPUT}.get(o.failure, EXIT_OK))
        if strict and o.ledger.get("errors"):
            codes.append(EXIT_LEDGER)
    return max(codes)


@app.command()
def run(
    district: Annotated[Optional[str], typer.Option(help="District slug, e.g. qijiang.")] = None,
    month: Annotated[Optional[str], typer.Option("--month", "--period", help=(
        "Period folder: YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM_YYYY-MM."))] = None,
    root: RootOption = None,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also render report.pdf.")] = True,
    strict: Annotated[bool, typer.Option(help="Exit 1 when a ledger has a failing error check.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1,
                    help="Months built at once (default: the number of cores).")] = None,
    force: Annotated[bool, typer.Option(help=(
        "Build every month, changed or not, even over a last build with more department rows."))] = False,
    scheduler: Annotated[Optional[str], typer.Option(envvar="GOVSTATS_SCHEDULER", help=(
        "Dask scheduler address (tcp://host:8786): build there instead of in local processes."))] = None,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help=(
        "Progress bar on stderr (default: when stderr is a terminal)."))] = None,
    wait: Annotated[float, typer.Option(min=0, help=(
        "When another run holds this root, wait up to this many seconds for it (default: exit 4 at once)."))] = 0,
) -> None:
    """Build processed files and reports for one district-month, or for every one in data/raw;
    months whose raw files, reference data, notebook and govstats version are unchanged since
    their last build are skipped (--force builds them again). One run per root at a time: a
    second one exits 4, or waits (--wait)."""
    from govstats.build.lock import RunLocked, run_lock
    from govstats.paths import Layout

    layout = Layout(resolved_root(root))
    typer.echo(f"root: {layout.root}")
    if district:
        check_district(layout, district)
    try:
        with run_lock(layout, wait=wait, on_wait=lambda message: typer.echo(message, err=True)):
            locked_run(layout, district, month, pdf=pdf, strict=strict, jobs=jobs, force=force,
                       scheduler=scheduler, progress=progress)
    except RunLocked as exc:
        raise fail(str(exc), EXIT_LOCKED) from None


def locked_run(layout, district: str | None, month: str | None, *, pdf: bool, strict: bool,  # noqa: ANN001
               jobs: int | None, force: bool, scheduler: str | None, progress: bool | None) -> None:
    """``run`` once it holds the root's lock: build, then the overview pages; raises typer.Exit."""
    from govstats.build.cluster import DaskMissing
    from govstats.build.runs import overview_districts, run_months
    from govstats.cli.display import RunDisplay, print_summary
    from govstats.periods import PERIOD_FORMS, check_period

    if month:
        try:
            check_period(month)
        except ValueError as exc:
            raise fail(str(exc), EXIT_INPUT) from None
    found, stray = layout.raw_folders()
    stray = [f for f in stray if district is None or f.parent.name == district]
    if stray and not month:
        raise fail(f"{stray[0]}: the folder name is no period; name it {PERIOD_FORMS}", EXIT_INPUT)
    targets = [(d, m) for d, m in found
               if (district is None or d == district) and (month is None or m == month)]
    if district and month and not targets:
        raise fail(f"no raw folder {layout.raw_month(district, month)}", EXIT_INPUT)
    if not targets:
        raise fail(f"nothing to build under {layout.raw}", EXIT_INPUT)
    with RunDisplay(layout, len(targets), progress=progress) as display:
        try:
            outcomes = run_months(layout, targets, jobs=jobs, force=force, pdf=pdf, scheduler=scheduler,
                                  on_outcome=display)
        except DaskMissing as exc:
            raise fail(str(exc), EXIT_INPUT) from None
    month_seconds = display.seconds
    worst = run_exit_code(outcomes, strict=strict)
    districts = overview_districts(layout, outcomes, pdf=pdf, force=force)
    pages = []
    if districts is not None:
        code, pages = run_overview(layout, districts, pdf=pdf, force=force)
        worst = max(worst, code)
    print_summary(outcomes, display.seconds, pages=pages, month_seconds=month_seconds)
    raise typer.Exit(worst)


def run_overview(layout, districts: list[str], *, pdf: bool, force: bool = False):  # noqa: ANN001, ANN201
    """After the months: the trends of the districts just built and the indicators page (each
    only when its inputs changed, or ``force``), then the index (govstats.build.pages), a line
    for each as it finishes. Returns (EXIT_BUILD when a page failed else EXIT_OK, the results)."""
    from govstats.build.pages import build_overview, overview_names
    from govstats.cli.display import page_line

    typer.echo(f"overview pages: {', '.join(overview_names(districts))}")
    worst = EXIT_OK

    def show(result) -> None:  # noqa: ANN001 - a pages.PageResult
        nonlocal worst
        failed = result.status == "failed"
        worst = EXIT_BUILD if failed else worst
        typer.echo(page_line(result, layout.root), err=failed)

    results = build_overview(layout, districts, pdf=pdf, force=force, on_result=show)
    return worst, results


@app.command()
def check(
    path: Annotated[Path, typer.Argument(help="A raw table file.")],
    district: Annotated[Optional[str], typer.Option(
        help="District whose registry names the departments (default: from data/raw/<district>/...).")] = None,
    profile: Annotated[Optional[str], typer.Option(
        help="Table profile (default: the district's); 'auto' finds the table's arithmetic itself.")] = None,
    root: RootOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the ledger as JSON.")] = False,
    write_profile: Annotated[Optional[Path], typer.Option(
        "--write-profile", help="Write the profile used (with --profile auto: the discovered one) as YAML.")] = None,
) -> None:
    """Read, clean and reconcile a raw table without rendering; print the ledger."""
    from govstats.build.store import ledger_records
    from govstats.month import check_file_with_profile

    try:
        ledger, used = check_file_with_profile(path, district=district, profile=profile,
                                               root=resolved_root(root, path))
    except InputError as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    if write_profile is not None:
        import yaml

        from govstats.reference.profiles import profile_mapping

        write_profile.write_text(yaml.safe_dump(profile_mapping(used), allow_unicode=True, sort_keys=False),
                                 encoding="utf-8")
        typer.echo(f"profile written to {write_profile}", err=True)
    if as_json:
        typer.echo(json.dumps(ledger_records(ledger), ensure_ascii=False, indent=2, default=str))
    else:
        print_ledger(ledger)
    from govstats.checks.ledger import has_errors

    raise typer.Exit(EXIT_LEDGER if has_errors(ledger) else EXIT_OK)


@app.command()
def claims(
    path: Annotated[Path, typer.Argument(help="A bulletin as text (UTF-8 or GB18030).")],
    table: Annotated[Optional[Path], typer.Option(
        help="The month's raw table: also check the counts the bulletin shares with it.")] = None,
    district: Annotated[Optional[str], typer.Option(help="District of the table (default: from its path).")] = None,
    profile: Annotated[Optional[str], typer.Option(help="Table profile (default: the district's).")] = None,
    root: RootOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the claims as JSON records.")] = False,
) -> None:
    """Find the numeric claims of a bulletin and check each one; exit 1 when any claim fails."""
    from govstats.checks.claims.records import claims_to_records
    from govstats.month import file_claims

    try:
        found = file_claims(path, table=table, district=district, profile=profile,
                            root=resolved_root(root, table or path))
    except InputError as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    if as_json:
        typer.echo(json.dumps(claims_to_records(found), ensure_ascii=False, indent=2))
    else:
        print_claims(found)
    raise typer.Exit(EXIT_LEDGER if any(c.verdict == "fail" for c in found) else EXIT_OK)


@app.command()
def review(
    draft: Annotated[Path, typer.Argument(help="A draft bulletin: .docx (also .txt, .html).")],
    district: Annotated[Optional[str], typer.Option(help="District whose profile and registry apply.")] = None,
    profile: Annotated[Optional[str], typer.Option(help="Table profile (default: the district's).")] = None,
    root: RootOption = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=(
        "Where the checked copy goes (default: DRAFT.checked.docx beside the draft)."))] = None,
    period: Annotated[Optional[str], typer.Option(help=(
        "The period the draft reports (default: the one its title states); with a district, the draft "
        "is also checked against the periods already built for it."))] = None,
) -> None:
    """Check a draft before it is published: the same checks a published document gets, and,
    with a district, against the periods already built for it. A Word draft comes back as
    DRAFT.checked.docx, unchanged but for a comment on every number that fails or warns and a
    summary at the top; other drafts print the claims. Exit 1 when anything fails."""
    from govstats.checks.ledger import has_errors
    from govstats.month import review_draft
    from govstats.periods import check_period

    try:
        if period is not None:
            check_period(period)
    except ValueError as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    try:
        ledger, found, _ = review_draft(draft, district=district, profile=profile, root=resolved_root(root, draft),
                                        period=period)
    except InputError as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    print_claims(found)
    between = ledger[ledger["check"].astype(str).str.startswith("period:")]
    periods = list(zip(between["status"], between["message"]))
    for status, message in periods:
        if status != "pass":
            typer.echo(f"{status}: {message}")
    if draft.suffix.lower() == ".docx":
        from govstats.build.store import write_files
        from govstats.render.review import commented_docx

        checked, commented = commented_docx(draft.read_bytes(), found, periods)
        target = output or draft.with_name(f"{draft.stem}.checked.docx")
        write_files({target: checked})
        typer.echo(f"{commented} numbers commented -> {target}")
    raise typer.Exit(EXIT_LEDGER if has_errors(ledger) else EXIT_OK)


@app.command()
def render(
    notebook: Annotated[Path, typer.Argument(help="An executed notebook (papermill's output).")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=(
        "The HTML to write (default: beside the notebook, same name, .html)."))] = None,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also write the PDF beside the HTML.")] = False,
    title: Annotated[Optional[str], typer.Option(help="Page title (default: the report's own heading).")] = None,
) -> None:
    """Turn an executed notebook into the offline HTML report (and PDF) that govstats run writes:
    the papermill route to the same page (jupyter nbconvert --to govstats does the same)."""
    import nbformat

    from govstats.build.store import write_files
    from govstats.render.export import html_report, notebook_title, pdf_report

    try:
        nb = nbformat.read(notebook, as_version=4)
    except (OSError, ValueError) as exc:  # missing, or not a notebook (nbformat's errors are ValueErrors)
        raise fail(f"{notebook}: cannot read the notebook: {exc}", EXIT_INPUT) from None
    if not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"):
        raise fail(f"{notebook}: no outputs; run it first (papermill {notebook} out.ipynb -p ...)", EXIT_INPUT)
    target = output or notebook.with_suffix(".html")
    html = html_report(nb, title or notebook_title(nb, notebook.stem))
    files = {target: html.encode("utf-8")}
    if pdf:
        files[target.with_suffix(".pdf")] = pdf_report(html)
    write_files(files)
    for path in files:
        typer.echo(f"wrote {path}")


def print_claims(found) -> None:  # noqa: ANN001 - a list of claims.Claim
    """One line per claim (verdict, kind, stated value, formula, message), then the counts."""
    from collections import Counter

    from govstats.checks.claims.numbers import format_number

    for c in found:
        stated = format_number(c.stated) + c.unit
        note = f"（{c.note}）" if c.note else ""
        typer.echo(f"{c.verdict.upper():12} {c.kind:6} {stated:>10}  {c.formula}：{c.message}{note}")
    counts = Counter(c.verdict for c in found)
    typer.echo(f"{len(found)} claims: {counts['pass']} passed, {counts['fail']} failed, "
               f"{counts['warn']} warnings, {counts['unverifiable']} unverifiable")


def print_ledger(ledger) -> None:  # noqa: ANN001 - a ledger DataFrame
    """Failures in full, then one line per kind of passing check."""
    from govstats.checks.ledger import ledger_summary

    s = ledger_summary(ledger)
    for row in ledger[ledger["status"] != "pass"].itertuples(index=False):
        typer.echo(f"{row.status.upper():5} {row.severity:7} {row.check} [{row.scope}] {row.message}")
    passed = ledger[ledger["status"] == "pass"]
    for kind, count in passed.groupby(passed["check"].str.split(":").str[0], sort=False).size().items():
        typer.echo(f"PASS  {count:4d} x {kind}")
    typer.echo(f"{s['checks']} checks: {s['passed']} passed, {s['errors']} errors, {s['warnings']} warnings, "
               f"{s['unverifiable']} unverifiable")


def main() -> None:
    """Console entry point."""
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)  # a build's INFO lines go to its run.log only
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", handlers=[console])
    from govstats.build import block_slow_optional_imports

    block_slow_optional_imports()
    app()


if __name__ == "__main__":
    main()
