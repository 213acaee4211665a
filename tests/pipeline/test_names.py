"""The gender of a person's name the text does not settle (pipeline/names.py, data in resources/first_names.json)."""

from __future__ import annotations

import pytest

from pipeline.names import first_name_gender


@pytest.mark.parametrize("name, gender", [
    ("Mary Smith", "f"),
    ("Begimai Bolotbekova", "f"),   # the first name is unknown; the family name's ending tells
    ("Zhanna Nemtsova", "f"),
    ("Kanat Peskov", None),         # men's endings are shared with Hebrew and English names
    ("Tami Ben-Dov", None),
    ("Giacomo Casanova", None),     # a Romance compound
    ("Sixto Villanueva", None),
    ("Ignasi Casanovas", None),
    ("Begimai Bolotbekova's", "f"),
    ("Serkalem Fasil", None),      # neither tells
    ("Bolotbekova", None),         # a single word is no family name
    ("John Petrova", "m"),         # a known first name wins
    ("Kanat Lov", None),           # too short to be an ending
])
def test_gender_of_a_name(name: str, gender: str | None) -> None:
    assert first_name_gender(name) == gender
