"""A list question is answered with the whole list, when the story goes on naming members later.

* Kind (s57, issue 10 "Answers": "a question asking for a list names one of its items"): the list goes on in a later
  sentence of the story ("The ministry also added Velt Logistics …"), and the answer quoted the first list only. A
  later sentence of the same document telling the asked act again with a word that adds (``answer_kinds.toml``
  [enumeration] ``continued``), by the act's own word, and naming a member the question and the lead do not
  follows the lead (``answering._list_continued``).
* Not a continuation: a later sentence of the story with "also" that tells another act ("Officials also met
  shipping insurers …"), nor one whose "also" adds a point, not a member, the act's word told far from it ("It is
  also important for exporters to watch their agents …", which padded a seed follow-up's list answer with a
  recommendation of the same essay).
* End to end over short news articles written for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text


ARTICLES = [
    ("01_cement.md", "2026-03-14", "Competition watchdog fines cement makers",
     "The Competition Office of Tessaly fined three cement makers on Thursday for fixing prices.\n"
     "The companies fined were Granmoor, Oskel Building Supply and Pyrra Cement.\n"
     "Granmoor, the largest of them, must pay 40 million euros."),
    ("02_lund.md", "2026-04-21", "Lund regulator suspends auditors",
     "The financial regulator of Lund suspended four accounting firms on Friday over missing audits.\n"
     "The suspended firms are Hallberg Audit, Rask & Co, Nyqvist Partners and Tellan Accounting.\n"
     "Clients were told to appoint new auditors within a month."),
    ("03_sanctions.md", "2026-06-02", "Ostrava widens its sanctions list",
     "The trade ministry of Ostrava added two shipping firms, Carrow Lines and Mendel Freight, to its sanctions list "
     "on Monday.\nCarrow Lines operates tankers in the Baltic.\n"
     "The ministry also added Velt Logistics, a freight forwarder based in Riga.\n"
     "Officials also met shipping insurers in Gdansk to discuss the measures."),
    ("04_import.md", "2026-07-15", "Mirel bans imports of three pesticides",
     "Mirel's farm ministry banned imports of two pesticides, Oxafen and Durolin, on Tuesday.\n"
     "Farmers' groups said the ban would raise costs.\n"
     "The ministry also banned Travex, a weed killer sold mainly in the south."),
    ("05_watch.md", "2026-08-03", "Vell tells exporters which sectors to watch",
     "Exporters in Vell must watch closely sectors such as drones, lasers and marine sensors, the trade ministry said.\n"
     "The guidance was published on Monday.\n"
     "It is also important for exporters to watch closely their agents in Hong Kong, said Mara Lint of the Vell "
     "Chamber of Commerce."),
    ("06_quota.md", "2026-09-12", "Pellar restricts exports of rare metals",
     "Pellar's economy ministry restricted exports of two rare metals, Corvium and Zentite, on Wednesday.\n"
     "Buyers abroad were told to apply for licences.\n"
     "In addition, the economy ministry restricted Lunar Grade Tellite, a refined form used in lenses."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("list_members"), ARTICLES)


@pytest.mark.parametrize("question, names, not_said", [
    ("Which firms were added to the Ostrava sanctions list?", ["Carrow Lines", "Mendel Freight", "Velt Logistics"],
     "insurers"),
    ("Which pesticides did Mirel ban?", ["Oxafen", "Durolin", "Travex"], None),
    ("Which metals did Pellar restrict for export?", ["Corvium", "Zentite", "Lunar Grade Tellite"], None),
    ("Which sectors must exporters in Vell watch closely?", ["drones", "lasers"], "Mara Lint"),
])
def test_the_list_continued_later_in_the_story_is_given_whole(engine, question, names, not_said):
    said = answer_text(engine.write(question, template="answer"))
    assert all(n in said for n in names), said
    assert not_said is None or not_said not in said, said
