"""Probes: small hand-written lists of one phenomenon each, clustered as a user would cluster them.

    python -m benchmarks.probes [--probe-dir benchmarks/probes] [--out benchmarks/results/probes.md]

A probe file (``benchmarks/probes/*.txt``) holds one entity per line, ``entity_id|form;form;...``,
after three header lines: ``# title: ...``, ``# type: ...`` (the type every form is given; empty for
untyped names) and ``# status: ...`` (held out, or used during development, and when). The probes
are not the shared datasets: they are written by namerec's developers to look at phenomena the
datasets lack (relatives of one surname, romanisations in several languages, places across scripts),
and are small, so one error moves a figure by a lot. Each is scored by pairwise precision, recall and
F1 and by B-cubed F1, and every entity split or merged is listed, so the report says what went wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import metrics
from benchmarks.progress import log

PROBE_DIR = Path(__file__).resolve().parent / "probes"
OUT = Path(__file__).resolve().parent / "results" / "probes.md"


@dataclass
class Probe:
    name: str
    title: str
    entity_type: str
    status: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # (form, entity id)


def read_probe(path: Path) -> Probe:
    """A probe file; ValueError naming the file and line when a line is malformed."""
    header: dict[str, str] = {}
    rows: list[tuple[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            header[key.strip().lower()] = value.strip()
            continue
        entity, bar, forms = line.partition("|")
        names = [form.strip() for form in forms.split(";") if form.strip()]
        if not bar or not entity.strip() or not names:
            raise ValueError(f"{path}:{number}: expected 'entity_id|form;form;...', got {line!r}")
        rows += [(form, entity.strip()) for form in names]
    if not rows:
        raise ValueError(f"{path}: no entities")
    return Probe(path.stem, header.get("title", path.stem), header.get("type", ""),
                 header.get("status", "not stated"), rows)


def score_probe(probe: Probe, labels: list[str]) -> dict[str, Any]:
    """Pairwise and B-cubed figures of one probe's clustering, with the entities split and merged."""
    gold = [entity for _, entity in probe.rows]
    pairwise, bcubed = metrics.pairwise(gold, labels), metrics.bcubed(gold, labels)
    by_gold: dict[str, dict[str, list[str]]] = {}
    by_label: dict[str, set[str]] = {}
    for (form, entity), label in zip(probe.rows, labels, strict=True):
        by_gold.setdefault(entity, {}).setdefault(label, []).append(form)
        by_label.setdefault(label, set()).add(entity)
    split = {entity: list(parts.values()) for entity, parts in by_gold.items() if len(parts) > 1}
    merged = [sorted(entities) for entities in by_label.values() if len(entities) > 1]
    return {
        "probe": probe.name, "title": probe.title, "type": probe.entity_type, "status": probe.status,
        "names": len(probe.rows), "entities": len(by_gold), "found": len(by_label),
        "pairwise_p": pairwise["precision"], "pairwise_r": pairwise["recall"], "pairwise_f1": pairwise["f1"],
        "bcubed_f1": bcubed["f1"], "split": split, "merged": sorted(merged),
    }


def run_probes(probe_dir: Path = PROBE_DIR) -> list[dict[str, Any]]:
    import namerec

    results = []
    for path in sorted(probe_dir.glob("*.txt")):
        probe = read_probe(path)
        names = [form for form, _ in probe.rows]
        types = [probe.entity_type] * len(names) if probe.entity_type else None
        labels = list(namerec.reconcile(names, types=types).labels)
        results.append(score_probe(probe, labels))
        log(f"probes: {probe.name}: pairwise F1 {results[-1]['pairwise_f1']:.3f} over {len(names)} names")
    return results


def probes_markdown(results: list[dict[str, Any]], command: str) -> str:
    lines = [
        "# namerec probes", "",
        f"Command: `{command}` (from the repository root). Each probe is a small hand-written list of one "
        "phenomenon (see `benchmarks/probes.py`); its status says whether it was held out or used "
        "while developing namerec.", "",
        "| probe | type | names | entities | found | pairwise P | R | F1 | B³ F1 | status |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['title']} (`{r['probe']}`) | {r['type'] or 'untyped'} | {r['names']} | {r['entities']} | "
            f"{r['found']} | {r['pairwise_p']:.3f} | {r['pairwise_r']:.3f} | {r['pairwise_f1']:.3f} | "
            f"{r['bcubed_f1']:.3f} | {r['status']} |"
        )
    for r in results:
        if not r["split"] and not r["merged"]:
            continue
        lines += ["", f"## {r['probe']}", ""]
        for entity, parts in r["split"].items():
            lines.append(f"- split `{entity}`: " + " | ".join("; ".join(part) for part in parts))
        for entities in r["merged"]:
            lines.append("- merged " + ", ".join(f"`{e}`" for e in entities))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.probes", description=__doc__.split("\n\n")[0])
    ap.add_argument("--probe-dir", type=Path, default=PROBE_DIR, help="directory of probe files (*.txt)")
    ap.add_argument("--out", type=Path, default=OUT, help="Markdown report; a .json beside it")
    a = ap.parse_args(argv)
    results = run_probes(a.probe_dir)
    command = "python -m benchmarks.probes" + (" " + " ".join(argv) if argv else "")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(probes_markdown(results, command), encoding="utf-8")
    a.out.with_suffix(".json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    log(f"wrote {a.out} and {a.out.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
