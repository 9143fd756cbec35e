"""A short wire update whose counts changed is a version of its story, not a new story (s70 F1).

A three-paragraph update changes a large share of its shingles when only its numbers change ("240" → "610", "3.1
billion won" → "8.2 billion won"), so it falls below the near-duplicate threshold. The story index then reads the
two bodies word by word with numbers masked: the same words, except a few lower-case ones (a verb of the same slot:
"questioned" → "arrested"), is the same story updated. Another story of the same outlet in the same form (another
seizure on another day, the next day's digest, the next rule notice naming other companies) names other things, and
stays its own story.
"""

from __future__ import annotations

import pytest

from conftest import place_stories
from rag.ingest import Ingestor
from test_versions import search, write_story

SEIZURE = """Title: Incheon customs seize memory chips bound for Shenzhen{mark}
Publisher: Yellow Sea Wire

INCHEON - Korean customs officers seized {chips} high-bandwidth memory modules declared as used computer parts at
Incheon port on Tuesday, the Korea Customs Service said.

The shipment was bound for Shenzhen, the agency said, and was worth about {value} billion won. {people} of the
exporter were {verb}.

The agency said it was checking other shipments by the same exporter."""

PROBE = """Title: Prosecutors search chip-equipment maker over leaked designs{mark}
Publisher: Formosa Daily

TAIPEI - Taiwanese prosecutors searched {sites} offices of an etching-equipment maker in Hsinchu on Thursday over
suspected leaks of tool designs to a mainland rival, the Ministry of Justice said.

Investigators {verb} {people} engineers and seized {drives} hard drives, the ministry said.

The company said it was cooperating with the investigation."""

FINE = """Title: Japan fines trading house over unlicensed machine-tool exports{mark}
Publisher: Kanto Business Report

TOKYO - Japan's trade ministry fined an Osaka trading house {fine} million yen for shipping {tools} machine tools to
China without export licences between 2024 and 2025, the ministry said on Friday.

The ministry said the tools could be used to make drone parts. The company {verb} the findings.

It was the ministry's first such penalty this year."""

TYPHOON = """Title: Typhoon shuts Kaohsiung port{mark}
Publisher: South Strait News

KAOHSIUNG - Typhoon Kong-rey forced the closure of Kaohsiung port for {hours} hours, stranding {ships} container
ships offshore, port officials said on Wednesday.

About {flights} flights at the city's airport were cancelled. Officials said the port {verb} reopen by Thursday.

Shipping lines warned of delays to deliveries of electronics components."""

UPDATES = {
    "a customs seizure: counts, value and 'questioned' → 'arrested'": (
        SEIZURE.format(mark="", chips="1,200", value="4.5", people="Two employees", verb="questioned"),
        SEIZURE.format(mark=" (updated)", chips="3,400", value="11.8", people="Three employees", verb="arrested"),
    ),
    "a prosecutors' search: counts and 'questioned' → 'detained'": (
        PROBE.format(mark="", sites="three", verb="questioned", people="five", drives="12"),
        PROBE.format(mark=" (update)", sites="four", verb="detained", people="seven", drives="31"),
    ),
    "an export fine: amounts and 'disputed' → 'accepted'": (
        FINE.format(mark="", fine="18", tools="46", verb="disputed"),
        FINE.format(mark=" (updated)", fine="32", tools="81", verb="accepted"),
    ),
    "a port closure: hours, ships and 'could' → 'would'": (
        TYPHOON.format(mark="", hours="24", ships="40", flights="120", verb="could"),
        TYPHOON.format(mark=" (updated)", hours="36", ships="65", flights="210", verb="would"),
    ),
}


@pytest.mark.parametrize("what", list(UPDATES))
def test_a_short_update_with_changed_counts_is_a_version_of_its_story(what):
    first, second = place_stories(*UPDATES[what])
    assert second.version_of == first.story_id and second.thread_id == first.thread_id
    assert second.story_id != first.story_id, "a version keeps its own story, not a duplicate"


def test_a_second_update_joins_the_thread_of_the_first_two():
    first, _ = UPDATES["a customs seizure: counts, value and 'questioned' → 'arrested'"]
    later = SEIZURE.format(mark=" (updated)", chips="3,400", value="11.8", people="Three employees", verb="arrested")
    latest = later.replace("were arrested.", "were arrested on Friday.")
    a, b, c = place_stories(first, later, latest)
    assert a.thread_id == b.thread_id == c.thread_id


# --- what stays another story of the same outlet --------------------------------------------------------------------

OTHER_STORIES = {
    "another seizure at the same port on another day": (
        SEIZURE.format(mark="", chips="1,200", value="4.5", people="Two employees", verb="questioned"),
        SEIZURE.format(mark="", chips="300", value="0.9", people="Two employees", verb="questioned")
        .replace("on Tuesday", "on Friday").replace("Shenzhen", "Xiamen"),
    ),
    "another search of another company": (
        PROBE.format(mark="", sites="three", verb="questioned", people="five", drives="12"),
        PROBE.format(mark="", sites="two", verb="questioned", people="four", drives="9")
        .replace("in Hsinchu on Thursday", "in Taichung on Monday"),
    ),
    "the next rule notice naming other companies": (
        """Title: Commerce adds entities to the Entity List
Publisher: Register Watch

The Bureau of Industry and Security added 14 entities in China and Russia to the Entity List on Monday, including
Shenzhen Kaiyu Electronics and Novosibirsk Radiant, for supplying drone components.

The rule takes effect immediately. Exports to the listed entities require a licence, which will be reviewed under a
presumption of denial.""",
        """Title: Commerce adds entities to the Entity List
Publisher: Register Watch

The Bureau of Industry and Security added 9 entities in Iran and the United Arab Emirates to the Entity List on
Thursday, including Tehran Pars Avionics and Dubai Horizon Trading, for supplying drone components.

The rule takes effect immediately. Exports to the listed entities require a licence, which will be reviewed under a
presumption of denial.""",
    ),
    "the next day's digest": (
        """Title: Morning Brief: Five things to know
Publisher: Asia Tech Ledger

Good morning. Here is what you need to know today.

1. Samsung Electronics said it will build a packaging line in Cheonan.
2. The yen weakened past 162 per dollar.
3. A typhoon closed Kaohsiung port for 36 hours.

Have a good day.""",
        """Title: Morning Brief: Five things to know
Publisher: Asia Tech Ledger

Good morning. Here is what you need to know today.

1. SK Hynix said it will expand its Yongin fab.
2. The won weakened past 1,450 per dollar.
3. Taiwan added 8 Chinese firms to its entity list.

Have a good day.""",
    ),
}


@pytest.mark.parametrize("what", list(OTHER_STORIES))
def test_another_story_of_the_same_outlet_in_the_same_form_is_not_a_version(what):
    first, second = place_stories(*OTHER_STORIES[what])
    assert second.version_of is None and second.duplicate_of is None
    assert second.thread_id != first.thread_id


def test_the_newest_short_update_leads_and_notes_the_earlier_figure(fresh_index, tmp_path):
    first, second = UPDATES["a customs seizure: counts, value and 'questioned' → 'arrested'"]
    src = write_story(tmp_path / "src", [
        ("v1.txt", "Yellow Sea Wire", "2026-11-10", first),
        ("v2.txt", "Yellow Sea Wire", "2026-11-12", second),
    ])
    index = fresh_index(warm=False)
    report = Ingestor(index).ingest_paths([src])
    assert (report.added, report.versions) == (2, 1)
    (hit,) = search(index, "How many memory modules were seized at Incheon port?")
    assert "3,400" in hit.chunk.text
    assert [(v["relation"], v["published"][:10]) for v in hit.other_versions] == [("earlier", "2026-11-10")]
