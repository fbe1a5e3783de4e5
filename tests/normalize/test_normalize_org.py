"""Organisation rules: dotted letters, ampersand, article, legal forms, abbreviations, acronyms."""

from __future__ import annotations

import pytest

from namerec.normalize import normalize_name
from namerec.normalize.org import looks_like_org, org_parts


def org(name: str) -> tuple[str, str]:
    n = normalize_name(name, "ORG")
    assert n.kind == "org" and n.given == () and n.surname == ""
    return n.text, n.legal_form


@pytest.mark.parametrize(
    ("name", "text", "legal_form"),
    [
        ("GENENCOR INTERNATIONAL, INC.", "genencor international", "inc"),
        ("Apple Inc.", "apple", "inc"),
        ("Microsoft Corporation", "microsoft", "corp"),
        ("Acme Co., Ltd.", "acme", "co ltd"),
        ("Acme Company Limited", "acme", "co ltd"),
        ("Acme Co., Inc.", "acme", "co inc"),
        ("Ford Motor Company", "ford motor", "co"),
        ("Smith & Co.", "smith", "co"),
        ("Siemens AG", "siemens", "ag"),
        ("Robert Bosch GmbH", "robert bosch", "gmbh"),
        ("Acme GmbH & Co. KG", "acme", "gmbh co kg"),
        ("Banco Santander, S.A.", "banco santander", "sa"),
        ("Fiat S.p.A.", "fiat", "spa"),
        ("Koninklijke Philips N.V.", "koninklijke philips", "nv"),
        ("Heineken B.V.", "heineken", "bv"),
        ("Cemex, S.A.B. de C.V.", "cemex", "sa de cv"),
        ("Danone SAS", "danone", "sas"),
        ("Volvo AB (publ)", "volvo", "ab"),
        ("Maersk A/S", "maersk", "as"),
        ("Equinor ASA", "equinor", "asa"),
        ("Nokia Oyj", "nokia", "oyj"),
        ("Toyota K.K.", "toyota", "kk"),
        ("BHP Pty Ltd", "bhp", "pty ltd"),
        ("Petronas Sdn. Bhd.", "petronas", "sdn bhd"),
        ("Baker McKenzie LLP", "baker mckenzie", "llp"),
        ("OOO Romashka", "romashka", "ooo"),
        ("ООО «Ромашка»", "romashka", "ooo"),
        ("PJSC Gazprom", "gazprom", "pjsc"),
        ("PT Bank Mandiri Tbk", "bank mandiri", "pt tbk"),
        ("AB Volvo", "volvo", "ab"),
        ("Aktiebolaget Electrolux", "electrolux", "ab"),
        ("Oy Karl Fazer Ab", "karl fazer", "oy ab"),
        ("AS Eesti Energia", "eesti energia", "as"),
        ("Общество с ограниченной ответственностью «Ромашка»", "romashka", "ooo"),
        ("Publichnoe Aktsionernoe Obshchestvo Sberbank", "sberbank", "pao"),
        ("LIMITED LIABILITY COMPANY ISKUSSTVO KRASOTY", "iskusstvo krasoty", "llc"),
        ("Max-Planck-Gesellschaft e.V.", "max planck gesellschaft", "ev"),
        ("Inc.", "inc", ""),  # never remove the last token
        ("Co-operative Bank", "co operative bank", ""),  # "co" only at the end
        ("Costco", "costco", ""),
    ],
)
def test_legal_forms(name: str, text: str, legal_form: str) -> None:
    assert org(name) == (text, legal_form)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("The Brookings Institution", "brookings institution"),
        ("Brookings Institution, The", "brookings institution"),
        ("The The", "the"),
        ("Bank of the West", "bank of the west"),
        ("AT&T", "at and t"),
        ("Johnson & Johnson", "johnson and johnson"),
        ("U.N.", "un"),
        ("U.S. Steel", "us steel"),
        ("J.P. Morgan & Co.", "jp morgan"),
    ],
)
def test_article_ampersand_dotted(name: str, text: str) -> None:
    assert org(name)[0] == text


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Gen. Intl. Ctr.", "general international center"),
        ("Harvard Univ.", "harvard university"),
        ("Santa Fe Inst.", "santa fe institute"),
        ("Natl. Assoc. of Mfg.", "national association of manufacturing"),
        ("Dept. of Energy", "department of energy"),
        ("Centre for Economic Policy Research", "center for economic policy research"),
        ("Int'l Business Machines Corp.", "international business machines"),
    ],
)
def test_abbreviations(name: str, text: str) -> None:
    assert org(name)[0] == text


def test_unexpanded_form_is_a_variant() -> None:
    n = normalize_name("Gen. Intl. Ctr.", "ORG")
    assert n.variants == ("gen intl ctr",)
    assert normalize_name("Brookings Institution", "ORG").variants == ()


@pytest.mark.parametrize(
    ("name", "acronym", "is_acronym"),
    [
        ("Center for Strategic and International Studies", "csis", False),
        ("CSIS", "csis", True),
        ("NATO", "nato", True),
        ("U.N.", "un", True),
        ("IBM Corp.", "ibm", True),
        ("ACME WIDGETS INC", "aw", False),  # all caps says nothing about acronyms
        ("Brookings Institution", "bi", False),
        ("Google", "", False),
        ("Gen. Intl. Ctr.", "gic", False),
        ("Bank of the West", "bw", False),
        ("НАТО", "nato", True),
    ],
)
def test_acronyms(name: str, acronym: str, is_acronym: bool) -> None:
    n = normalize_name(name, "ORG")
    assert (n.acronym, n.is_acronym) == (acronym, is_acronym)


def test_org_parts_directly() -> None:
    parts = org_parts("the acme int'l, inc.".replace("'", ""))
    assert (parts.tokens, parts.legal_form, parts.unexpanded) == (
        ("acme", "international"),
        "inc",
        ("acme", "intl"),
    )
    assert org_parts("").tokens == ()


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("acme widgets, llc", True),
        ("harvard univ.", True),
        ("smith & co.", True),
        ("ooo romashka", True),
        ("maria sa", False),  # two-letter forms are also surnames
        ("john smith", False),
        ("", False),
        ("philips nv", True),  # a short legal form written as one word
        ("ag siemens", False),  # ... but only the ones that open names ("NV Philips") count there
        ("nv philips", True),
        ("akzo nobel n.v.", True),  # ... or after two or more words
        ("philips n.v.", False),  # one word and two initials: "Ivanov A.S." is a person
        ("ivanov a.s.", False),
        ("c. smith ag", False),  # opens with an initial
        ("john a. g.", False),  # ... or a known given name
        ("maria sa", False),
    ],
)
def test_looks_like_org(form: str, expected: bool) -> None:
    assert looks_like_org(form, {"john", "maria"}) is expected


@pytest.mark.parametrize(
    ("raw", "text", "legal_form"),
    [
        ("ALCATEL N V", "alcatel", "nv"),  # a legal form written with spaces
        ("Hunter Douglas Industries B. V.", "hunter douglas industries", "bv"),
        ("ALCATEL N.V., AMSTERDAM, NL", "alcatel", "nv"),  # an address after the legal form
        ("N.V. Philips' Gloeilampenfabrieken", "philips gloeilampenfabrieken", "nv"),  # a leading form
        ("UNILEVER N V, N.V.", "unilever", "nv nv"),  # letters left once the form is gone: a form too
        ("Philips Electronic N V B.V.", "philips electronic", "nv bv"),
        ("UNILEVER NV NAAMLOOZE VENNOOTSCHAP", "unilever", "nv nv"),  # Dutch spelling before 1947
    ],
)
def test_spaced_leading_and_addressed_legal_forms(raw, text, legal_form):
    name = normalize_name(raw, "ORG")
    assert (name.text, name.legal_form) == (text, legal_form)


def test_words_after_a_legal_form_without_a_comma_are_kept():
    assert normalize_name("Bayer Antwerp N.V.", "ORG").text == "bayer antwerp"


@pytest.mark.parametrize("name", ["Pat Smith", "Ano Nuevo", "Ab Smith"])
def test_pat_and_ano_open_a_company_name_only_when_spelt_out(name):
    # Ukrainian PAT and Russian ANO open company names only when spelt out; Pat and Ano are names.
    assert normalize_name(name, "").text == name.lower()
