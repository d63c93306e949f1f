"""The ``govstats`` command: build months (``run``), check a raw table (``check``) and check the
numeric claims of a bulletin (``claims``).

Exit codes, for schedulers: 0 success; 1 a ledger has a failing error-severity check
(``check`` always, ``run`` with ``--strict``) or a bulletin claim fails (``claims``); 2 bad input
(the message names file, row and column); 3 a build step failed (notebook or export).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated, Optional

import typer

from govstats.errors import InputError

EXIT_OK, EXIT_LEDGER, EXIT_INPUT, EXIT_BUILD = 0, 1, 2, 3

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Clean, reconcile, chart and report government-service statistics.")

RootOption = Annotated[Optional[Path], typer.Option("--root", envvar="GOVSTATS_ROOT",
                       help="Project root (holds data/); default: found from the current directory up.")]



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
    month: Annotated[Optional[str], typer.Option(help="Month as YYYY-MM.")] = None,
    root: RootOption = None,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="Also render report.pdf.")] = True,
    strict: Annotated[bool, typer.Option(help="Exit 1 when a ledger has a failing error check.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1,
                    help="Months built at once (default: the number of cores).")] = None,
    force: Annotated[bool, typer.Option(help="Build every month, changed or not.")] = False,
    scheduler: Annotated[Optional[str], typer.Option(envvar="GOVSTATS_SCHEDULER", help=(
        "Dask scheduler address (tcp://host:8786): build there instead of in local processes."))] = None,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help=(
        "Progress bar on stderr (default: when stderr is a terminal)."))] = None,
) -> None:
    """Build processed files and reports for one district-month, or for every one in data/raw;
    months whose raw files, reference data, notebook and govstats version are unchanged since
    their last build are skipped (--force builds them again)."""
    from govstats.build.cluster import DaskMissing
    from govstats.build.runs import overview_districts, run_months
    from govstats.cli.display import RunDisplay, print_summary
    from govstats.paths import Layout
    from govstats.periods import check_month

    layout = Layout.at(root)
    if month:
        try:
            check_month(month)
        except ValueError as exc:
            raise fail(str(exc), EXIT_INPUT) from None
    targets = [(d, m) for d, m in layout.raw_months()
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
    seconds = display.seconds
    worst = run_exit_code(outcomes, strict=strict)
    districts = overview_districts(layout, outcomes, pdf=pdf, force=force)
    if districts is not None:
        worst = max(worst, run_overview(layout, districts, pdf=pdf, force=force))
    print_summary(outcomes, seconds)
    raise typer.Exit(worst)


def run_overview(layout, districts: list[str], *, pdf: bool, force: bool = False) -> int:  # noqa: ANN001 - a Layout
    """After the months: the trends of the districts just built and the indicators page (each
    only when its inputs changed, or ``force``), then the index (govstats.build.pages). Returns
    EXIT_BUILD when a page failed, else EXIT_OK."""
    from govstats.build.pages import build_overview

    worst = EXIT_OK
    for result in build_overview(layout, districts, pdf=pdf, force=force):
        if result.status == "failed":
            typer.echo(f"error: {result.page}: build failed: {result.error}", err=True)
            worst = EXIT_BUILD
        elif result.path is not None:
            typer.echo(f"{result.page}: {result.status} -> {result.path.relative_to(layout.root)}")
    return worst


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
        ledger, used = check_file_with_profile(path, district=district, profile=profile, root=root)
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
        found = file_claims(path, table=table, district=district, profile=profile, root=root)
    except InputError as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    if as_json:
        typer.echo(json.dumps(claims_to_records(found), ensure_ascii=False, indent=2))
    else:
        print_claims(found)
    raise typer.Exit(EXIT_LEDGER if any(c.verdict == "fail" for c in found) else EXIT_OK)


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
