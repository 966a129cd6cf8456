"""The parser's data catalogues load and say what the parser relies on."""

from __future__ import annotations

from generator.parse.catalogue import captions, post_aliases
from generator.parse.ids import canonical_id, canonical_post, full_year, split_id


def test_post_aliases() -> None:
    aliases = post_aliases()
    assert aliases["SECSTATE"] == "STATE"
    assert aliases["USUN NEW YORK"] == "USUNNEWYORK"
    assert aliases["THE HAGUE"] == aliases["HAGUE"] == "THEHAGUE"
    assert all(" " not in value and value.isupper() for value in aliases.values())


def test_captions_include_spellings() -> None:
    forms = captions()
    assert forms["SENSITVE"] == "SENSITIVE"
    assert forms["E F T O"] == "EFTO"
    assert {"SIPDIS", "NOFORN", "EXDIS", "NODIS"} <= set(forms.values())


def test_canonical_ids() -> None:
    assert canonical_id(2005, "ALMATY", 753) == "05ALMATY753"
    assert canonical_id(1986, "BEIRUT", 6115) == "86BEIRUT6115"
    assert canonical_id(1974, "SECSTATE", 150591) == "1974STATE150591"
    assert canonical_id(2007, "KUALA LUMPUR", 263) == "07KUALALUMPUR263"
    assert canonical_post("usun  new york") == "USUNNEWYORK"
    assert full_year("05") == 2005 and full_year("86") == 1986 and full_year("1974") == 1974
    assert split_id("1974STATE150591") == (1974, "STATE", 150591)
    assert split_id("not an id") is None
