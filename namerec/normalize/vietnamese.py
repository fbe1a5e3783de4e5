"""Vietnamese personal names: the family name, and the given name that names the person.

A Vietnamese name is a family name, often a middle name, and a one-syllable given name, by which
the person is known: Nguyễn Tấn Dũng is Mr Dũng. Nearly two in five Vietnamese are Nguyễn, and most of
the rest share a dozen other family names and the middle names Văn and Thị, so two people's names
differ often in one syllable only (Nguyễn Văn Thiệu, Nguyễn Văn Linh). Written in Western order
the family name comes last (Tan Dung Nguyen).

A name is read as Vietnamese when it has two to four words and opens (Vietnamese order) or ends
(Western order) with a family name of ``VIETNAMESE_FAMILY_NAMES``; the common family names that
other languages share (Le, Ho, Do, Ly, Lam, Mai, Cao) count only when the name is written with the
letters or tone marks of Vietnamese (ư, ơ, ă, đ, ạ, ễ...).

>>> vietnamese_given_name("Nguyễn Tấn Dũng"), vietnamese_given_name("Tan Dung Nguyen")
(('nguyen', 'dung'), ('nguyen', 'dung'))
>>> vietnamese_given_name("Lê Duẩn"), vietnamese_given_name("Le Duan"), vietnamese_given_name("John Smith")
(('le', 'duan'), None, None)
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

__all__ = ["ALL_FAMILY_NAMES", "VIETNAMESE_FAMILY_NAMES", "vietnamese_given_name"]

#: Vietnamese family names (ASCII) that mark a name as Vietnamese whatever its spelling.
#: Family names other languages share (Le, Ho, Do) are in ``ALL_FAMILY_NAMES`` only.
VIETNAMESE_FAMILY_NAMES = frozenset({
    "nguyen", "tran", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "ngo", "duong",
    "truong", "dinh", "trinh", "luong", "doan", "trieu", "quach",
})
# Family names other languages share: Vietnamese only in a name written with Vietnamese letters.
_SHARED_FAMILY_NAMES = frozenset({"le", "ho", "do", "ly", "lam", "mai", "cao", "ta", "to", "ha", "la", "lai",
                                  "thai", "tong", "ton", "luu", "chu", "vuong", "nong", "bao"})
# Letters and tone marks that Vietnamese writes and its neighbours in Latin letters mostly do not.
ALL_FAMILY_NAMES = VIETNAMESE_FAMILY_NAMES | _SHARED_FAMILY_NAMES
_VIETNAMESE_LETTERS = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")
_WORD = re.compile("[a-z]+")


def vietnamese_given_name(original: str, words: tuple[str, ...] | None = None) -> tuple[str, str] | None:
    """(family name, given name) of a Vietnamese personal name as written, in ASCII; None for a
    name that is not one (see the module's docstring). ``words``: the name's words as normalised
    (a title dropped), if not those of ``original``."""
    decomposed = unicodedata.normalize("NFD", original)
    marked = _VIETNAMESE_LETTERS.search(decomposed) is not None
    if words is None:
        words = tuple(_WORD.findall(anyascii(original).lower()))
    if not 2 <= len(words) <= 4:
        return None
    families = ALL_FAMILY_NAMES if marked else VIETNAMESE_FAMILY_NAMES
    if words[0] in families:
        return words[0], words[-1]
    if words[-1] in families:
        return words[-1], words[-2]
    return None
