"""The article acceptance through the installed command: ``article_check.py list`` must exit 0."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT.parent / "shared" / "tools" / "article_check.py"
ARTICLE = ROOT.parent / "shared" / "data" / "article"


def _namerec_command() -> str | None:
    """The `namerec` console script of the interpreter running the tests (the venv's), else PATH's."""
    beside = Path(sys.executable).parent / ("namerec.exe" if sys.platform == "win32" else "namerec")
    if beside.exists():
        return str(beside)
    return shutil.which("namerec")


@pytest.mark.skipif(not TOOL.exists(), reason=f"../shared/tools is missing: no acceptance tool at {TOOL}")
@pytest.mark.skipif(not (ARTICLE / "gold.json").exists(), reason=f"article data not found in {ARTICLE}")
def test_article_list_acceptance():
    command = _namerec_command()
    if command is None:
        pytest.skip("the namerec console script is not installed (pip install -e .)")
    done = subprocess.run(
        [sys.executable, str(TOOL), "list", "--namerec", command],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, f"article_check list failed:\n{done.stdout}\n{done.stderr}"
