"""``govstats run`` over many district-months: which to build, where to build them, what happened.

``plan`` compares each month's fingerprint with its last manifest (govstats.build.freshness) and
keeps the ones that changed; ``run_months`` builds those in local worker processes (``jobs``),
in this process (one job, or one month), or on a Dask cluster (``scheduler``), and returns one
MonthOutcome per month, skipped ones included. Each build runs govstats.build.worker.build_logged,
which never raises: a failing month is an outcome, and the other months go on.

Importing this module costs no pandas, papermill or nbconvert: a run with nothing to build
returns in well under a second.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from govstats.build.freshness import (
    MONTHLY_NOTEBOOK,
    changes,
    file_digest,
    month_fingerprint,
    neighbour_months,
    reference_fingerprint,
)
from govstats.build.manifest import manifest_path, overview_is_current, read_manifest
from govstats.build.tasks import BUILT, FAILED, SKIPPED, BuildTask, MonthOutcome, failed_task, run_log_path
from govstats.paths import Layout
from govstats.periods import parse_period


@dataclass(frozen=True)
class Plan:
    """One district-month and why it needs a build (no reasons: it is up to date)."""

    district: str
    month: str
    reasons: tuple[str, ...]
    previous: dict | None = None


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def plan(layout: Layout, targets: Iterable[tuple[str, str]], *, force: bool = False,
         pdf: bool = True, building: Collection[tuple[str, str]] | None = None) -> list[Plan]:
    """Each target with the reasons to build it; a month with none is skipped. ``building``
    is every target of the run (default: ``targets``): a neighbour it builds is linked from the
    header bar.

    The notebook is hashed once and each district's reference data once per run.
    """
    notebook = file_digest(layout.notebooks / MONTHLY_NOTEBOOK)
    targets = list(targets)
    building = set(targets) if building is None else building
    references: dict[str, dict[str, str]] = {}
    plans = []
    for district, month in targets:
        if district not in references:
            references[district] = reference_fingerprint(layout.reference, district)
        previous = read_manifest(manifest_path(layout, district, month))
        if force:
            reasons = ["--force"]
        else:
            now = month_fingerprint(layout, district, month, reference=references[district], notebook=notebook,
                                    building=building)
            reasons = changes(previous, now, layout.root, pdf=pdf)
        plans.append(Plan(district, month, tuple(reasons), previous))
    return plans


def skipped(layout: Layout, planned: Plan) -> MonthOutcome:
    """The outcome of an up-to-date month, from its last manifest."""
    previous = planned.previous or {}
    log_path = run_log_path(layout, planned.district, planned.month)
    return MonthOutcome(
        planned.district, planned.month, SKIPPED, ledger=dict(previous.get("ledger", {})),
        log=relative_if_exists(log_path, layout.root),
        note=f"unchanged since {previous.get('built_at', 'its last build')}",
    )


def relative_if_exists(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_file() else ""


def run_months(layout: Layout, targets: Sequence[tuple[str, str]], *, jobs: int | None = None,
               force: bool = False, pdf: bool = True, scheduler: str | None = None,
               on_outcome: Callable[[MonthOutcome], None] = lambda outcome: None) -> list[MonthOutcome]:
    """Build every target that changed (every one with ``force``), skip the rest; outcomes in
    the order of ``targets``. ``on_outcome`` hears of each month as soon as it is done."""
    outcomes: dict[tuple[str, str], MonthOutcome] = {}
    building = frozenset(targets)
    for wave in waves(targets):
        plans = plan(layout, wave, force=force, pdf=pdf, building=building)
        for planned in plans:
            if not planned.reasons:
                outcomes[planned.district, planned.month] = outcome = skipped(layout, planned)
                on_outcome(outcome)
        tasks = [BuildTask(layout, p.district, p.month, pdf, p.reasons, force, building) for p in plans if p.reasons]
        for outcome in builds(tasks, jobs=jobs or default_jobs(), scheduler=scheduler):
            outcomes[outcome.district, outcome.month] = outcome
            on_outcome(outcome)
    outcomes.update(relinked(layout, targets, outcomes, jobs=jobs, pdf=pdf, scheduler=scheduler))
    return [outcomes[target] for target in targets]


def relinked(layout: Layout, targets: Sequence[tuple[str, str]], outcomes: dict[tuple[str, str], MonthOutcome],
             *, jobs: int | None, pdf: bool, scheduler: str | None) -> dict[tuple[str, str], MonthOutcome]:
    """The months built again because a neighbour their header bar links failed and left no
    report: built without that link, so no page of the run links a page that is not there.
    Their outcomes keep the first build's time added and say why (the display heard of them once)."""
    missing = {t for t, o in outcomes.items() if o.status == FAILED
               and not (layout.report_month(*t) / "report.html").is_file()}
    if not missing:
        return {}
    affected = [t for t in targets if outcomes[t].status == BUILT
                and any((t[0], n) in missing for n in neighbour_months(layout, *t) if n)]
    building = frozenset(targets) - missing
    tasks = [BuildTask(layout, p.district, p.month, pdf, p.reasons, False, building)
             for p in plan(layout, affected, pdf=pdf, building=building) if p.reasons]
    again = {}
    for outcome in builds(tasks, jobs=jobs or default_jobs(), scheduler=scheduler):
        first = outcomes[outcome.district, outcome.month]
        gone = ", ".join(n for n in neighbour_months(layout, outcome.district, outcome.month)
                         if n and (outcome.district, n) in missing)
        again[outcome.district, outcome.month] = replace(
            outcome, seconds=first.seconds + outcome.seconds,
            note=f"{first.note}; built again without the link to {gone}, whose build failed")
    return again


def waves(targets: Sequence[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The targets in waves by the months their period spans, shortest first: a quarter is
    planned and built after its months, a 1—9月 range after 1—8月, since each is reconciled with
    the periods within it (govstats.checks.reconcile) and its fingerprint holds their figures."""
    same_span: dict[tuple[str, tuple[str, ...]], list[tuple[str, str]]] = {}
    for target in targets:
        same_span.setdefault((target[0], tuple(parse_period(target[1]).months)), []).append(target)
    by_length: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for (_, months), group in same_span.items():
        # two documents of one span: the later name is built after the other (it holds their check)
        for rank, target in enumerate(sorted(group, key=lambda t: t[1])):
            by_length.setdefault((len(months), rank), []).append(target)
    order = {target: n for n, target in enumerate(targets)}
    return [sorted(by_length[key], key=order.__getitem__) for key in sorted(by_length)]


def builds(tasks: Sequence[BuildTask], *, jobs: int, scheduler: str | None = None) -> Iterator[MonthOutcome]:
    """Outcomes of the builds as they finish: on Dask when a scheduler is given, else in local
    worker processes, or in this process when one job (or one month) is all there is."""
    if not tasks:
        return
    if scheduler:
        from govstats.build.cluster import dask_builds

        yield from dask_builds(scheduler, tasks)
    elif jobs <= 1 or len(tasks) == 1:
        from govstats.build.worker import build_logged

        for task in tasks:
            yield build_logged(task)
    else:
        yield from process_builds(tasks, min(jobs, len(tasks)))


def process_builds(tasks: Sequence[BuildTask], workers: int) -> Iterator[MonthOutcome]:
    """Builds in a pool of fresh worker processes, each set up once (govstats.build.worker.init_worker).

    Processes rather than threads of this one: on 2 cores the two measured alike (8 months: 21
    to 32 s either way, about 40 s of CPU), but a month's analysis, HTML export and PDF hold
    the interpreter for about 1.7 s, so threads stop scaling past a core or two; and a crashed
    worker (killed, out of memory) fails the months still queued rather than this process.
    Workers are spawned, not forked: the parent may run a progress thread, and a forked child
    would inherit its locks.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from govstats.build.worker import build_logged, init_worker

    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker)
    try:
        futures = {pool.submit(build_logged, task): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # the worker process died (killed, out of memory)
                yield failed_task(futures[future], f"worker process failed: {type(exc).__name__}: {exc}")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def overview_districts(layout: Layout, outcomes: Sequence[MonthOutcome], *, pdf: bool,
                       force: bool) -> list[str] | None:
    """The districts whose trends page a run must render after its months (those it built), or
    None when the overview pages can be left alone: nothing was built, nothing forced, and every
    page is current (govstats.build.manifest.overview_is_current)."""
    built = sorted({o.district for o in outcomes if o.status == BUILT})
    if built or force or not overview_is_current(layout, pdf=pdf):
        return built
    return None
