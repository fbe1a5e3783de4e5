"""namerec's benchmarks: data loaders, metrics, quality and speed runs.

Run them from the repository root::

    python -m benchmarks core [--quick] [--data-dir ../shared/data/variants]

See docs/benchmarks.md for what each number means.
"""
