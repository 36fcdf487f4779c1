"""Publication dates in any common form, read as the writer's calendar day; garbage gives None."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadline.ingest.dates import read_date


@pytest.mark.parametrize(("value", "day"), [
    ("2016-12-17", "2016-12-17"),
    ("17 December 2016", "2016-12-17"),
    ("Sat, 17 Dec 2016 10:00:00 GMT", "2016-12-17"),
    ("Sat, 17 Dec 2016 23:30:00 -0500", "2016-12-17"),  # the 18th in UTC, the 17th where it was written
    ("2016-12-17T10:00:00Z", "2016-12-17"),
    ("2016-12-17T23:30:00-05:00", "2016-12-17"),
    ("2016-12-17 18:38 ET", "2016-12-17"),
    ("Dec 17, 2016 8:46 AM ET", "2016-12-17"),
    ("3:58 PM ET, Wed December 14, 2016", "2016-12-14"),
    ("11/28/2016", "2016-11-28"),
    ("December 9th 2016", "2016-12-09"),
    ("2009-03-25 00:26:04.358077-05", "2009-03-25"),
    ("20161217", "2016-12-17"),
    ("17 décembre 2016", "2016-12-17"),
    (1481968800, "2016-12-17"),
    (1481968800000, "2016-12-17"),
    (dt.date(2016, 12, 17), "2016-12-17"),
])
def test_ingest_dates_common_forms(value, day):
    assert read_date(value) == day


@pytest.mark.parametrize("value", [None, "", "   ", "yesterday", "last week", "December 2016", "2016", 2016,
                                   "99999-99-99", "0000-00-00", "2016-02-30", "9999-12-31", "1066-10-14", 10**30,
                                   float("nan"), float("inf"), True, ["2016-12-17"], {"y": 2016}, "x" * 5000,
                                   "\ud800", "२०१६"])
def test_ingest_dates_unreadable_gives_none(value):
    assert read_date(value) is None
