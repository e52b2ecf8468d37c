"""`revops match`: resolve company and person records into stable golden ids."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from python_jobs.match.evaluate import Miss, Quality, evaluate_run
from python_jobs.match.service import MatchResult, run_matching
from python_jobs.settings import Settings
from python_jobs.warehouse.connection import connect, connect_info

console = Console()


def match_command(
    evaluate: bool = typer.Option(
        False, "--evaluate", help="Measure precision and recall against the answer key."
    ),
    full: bool = typer.Option(False, "--full", help="re-match everything"),
) -> None:
    """Match companies and people (exact keys, then fuzzy names) into golden ids."""
    settings = Settings.from_env()
    info = connect_info(settings)
    result = run_matching(settings, info, full=full, note=lambda text: console.print(text))
    console.print(run_table(result))
    if evaluate:
        with connect(info, autocommit=True) as conn:
            qualities = evaluate_run(conn, settings.workspace_id, result)
        console.print(quality_table(qualities))
        for quality in qualities:
            for title, misses in (
                ("missed", quality.false_negatives),
                ("wrongly merged", quality.false_positives),
            ):
                if misses:
                    console.print(misses_table(f"{quality.entity_type} pairs {title}", misses))


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def run_table(result: MatchResult) -> Table:
    table = Table(
        "entity",
        "records",
        "changed",
        "comparisons",
        "fuzzy accepted",
        "fallout",
        "entities",
        title=f"match run {result.run_id} ({result.mode}, {result.seconds:.1f}s)",
        title_justify="left",
    )
    for entity_type, outcome in result.outcomes.items():
        table.add_row(
            entity_type,
            f"{len(outcome.records):,}",
            f"{outcome.changed:,}",
            f"{outcome.comparisons:,}",
            f"{outcome.fuzzy_accepted:,}" if outcome.resolution else "-",
            f"{outcome.fallout:,}" if outcome.resolution else "-",
            f"{outcome.entities:,}",
        )
    return table


def quality_table(qualities: list[Quality]) -> Table:
    table = Table(
        "entity",
        "records",
        "precision",
        "recall",
        "f1",
        "true pairs",
        "predicted pairs",
        "blocking recall",
        title="pairwise quality against the answer key",
        title_justify="left",
    )
    for quality in qualities:
        blocking = (
            f"{_ratio(quality.blocking_recall)} of {quality.blocking_pairs:,}"
            if quality.blocking_pairs
            else ""
        )
        table.add_row(
            quality.entity_type,
            f"{quality.records:,}",
            _ratio(quality.precision),
            _ratio(quality.recall),
            _ratio(quality.f1),
            f"{quality.true_pairs:,}",
            f"{quality.predicted_pairs:,}",
            blocking,
        )
    return table


def misses_table(title: str, misses: list[Miss]) -> Table:
    table = Table(
        "record", "name", "record", "name", "score", "decision",
        title=f"sample of {title}", title_justify="left",
    )  # fmt: skip
    for miss in misses:
        table.add_row(
            miss.left_record_id,
            miss.left_name or "",
            miss.right_record_id,
            miss.right_name or "",
            _ratio(miss.score),
            miss.decision or "not compared",
        )
    return table
