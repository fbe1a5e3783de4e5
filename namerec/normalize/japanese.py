"""Japanese family names written in kanji, read the Japanese way (step 3).

Kanji are Chinese characters, and namerec reads them as Mandarin pinyin (anyascii): 田中 is "tianzhong",
which shares little with Tanaka. A Japanese name has no reading that follows from its characters
alone (中 is naka in 田中 and chu in 中央), so the common family names are listed with their usual
romanisation (``data/japanese_family_names.json``: 佐藤 Sato, 田中 Tanaka, 渡辺 Watanabe) and a name
written as one of them gets that reading as a variant. Given names have too many readings to list.

>>> japanese_reading("田中"), japanese_reading("佐々木"), japanese_reading("毛泽东") is None
('tanaka', 'sasaki', True)
"""

from __future__ import annotations

from functools import lru_cache

from .lexicons import load_data

__all__ = ["japanese_reading"]


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    readings: dict[str, str] = load_data("japanese_family_names.json")["readings"]
    return readings


def japanese_reading(text: str) -> str | None:
    """The romanised Japanese reading of ``text`` when it is a listed family name, else None."""
    return _readings().get(text.strip())
