"""Vietnamese personal names (namerec.normalize.vietnamese) and the relatives rule that reads them."""

from __future__ import annotations

import doctest

import pytest

import namerec
import namerec.normalize.vietnamese
from namerec.normalize.vietnamese import vietnamese_given_name


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("Nguyễn Thị Kim Ngân", ("nguyen", "ngan")),
        ("Nguyen Van Thieu", ("nguyen", "thieu")),
        ("Tan Dung Nguyen", ("nguyen", "dung")),  # Western order: the family name last
        ("Võ Nguyên Giáp", ("vo", "giap")),
        ("Hồ Chí Minh", ("ho", "minh")),  # Ho is Vietnamese when written so
        ("Ho Chi Minh", None),  # ... and might be anyone's otherwise (Ho, He, Hu)
        ("Nguyen", None),
        ("Maria de la Nguyen Tran Pham", None),  # more than four words
    ],
)
def test_vietnamese_given_name(name: str, read: tuple[str, str] | None) -> None:
    assert vietnamese_given_name(name) == read


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(namerec.normalize.vietnamese).failed == 0


def test_two_vietnamese_names_of_one_family_and_different_given_names_stay_apart() -> None:
    names = ["Nguyễn Tấn Dũng", "Nguyen Tan Dung", "Tan Dung Nguyen", "Nguyễn Du", "Nguyen Du",
             "Nguyễn Văn Thiệu", "Nguyen Van Thieu", "Nguyễn Văn Linh", "Nguyen Van Linh", "Nguyen Van Lin"]
    labels = namerec.reconcile(names, types=["PERSON"] * len(names)).labels
    assert len(set(labels[:3])) == 1 and labels[3] == labels[4] != labels[0]
    assert labels[5] == labels[6] != labels[7]
    assert labels[7] == labels[8] == labels[9]  # a letter apart is a typo, not another man
