"""The role a text attaches to a name (rag/text/role_names.py; h/review-s66, a new user's F12 of s65).

One reader of names beside roles for the support checker (``role_holders``) and the writers (``answer_role``,
``answer_who``). Specs, each on new news-like texts beyond the user's row ("A MOFCOM spokesperson, He Yongqian,
said …"):

* a person whose family name is also an English function word ("He", "An", "Do", "So") is a name when another
  capitalised word follows it, in every shape (role then name, name then role, title before the name; sentence-initial
  and mid-sentence): the checker reads the role it holds (main dropped the name as a capitalised "he" / "an");
* "Who is X?" is answered by a title set off before the name ("the agency's spokeswoman, So Ji-hye, said"; main read
  only a title right before the name or an appositive after it);
* a capitalised function word alone, or opening a sentence before a place or a day, is still no name.
"""

import pytest

from rag.support.role_holders import appositive_copula, holder_swap, holdings
from rag.text.role_names import name_words
from rag.writers.answer_role import asked_role, role_holders
from rag.writers.answer_who import titled_mentions

TARIFFS = ("Beijing hit back within hours. The commerce ministry's spokesperson, He Yongqian, said the duties broke "
           "trade rules. Its deputy director, Li Wen, declined to comment.")
ENVOY = ("An Sung-min, 58, the ministry's trade envoy, will lead the talks in Geneva, while director Choi Min-ho "
         "stays in Seoul.")
CUSTOMS = ("Customs officials seized the shipment in Busan. The agency's chief investigator, So Ji-hye, told "
           "reporters that auditor Park Jae-won had flagged the invoices.")
BATTERY = ("Vice minister Do Hung-sik said the battery curbs would stay. The trade minister, Kim Ye-jin, agreed.")


@pytest.mark.parametrize("text, name, role", [
    (TARIFFS, "he yongqian", "spokesperson"),
    (ENVOY, "an sung-min", "envoy"),
    (CUSTOMS, "so ji-hye", "investigator"),
    (BATTERY, "do hung-sik", "minister"),
    ("Police named the driver, He Jun, 31, and the organiser, An Ji-won.", "an ji-won", "organiser"),
])
def test_a_family_name_that_is_a_function_word_holds_its_role(text, name, role):
    held = {(" ".join(sorted(h.name)), h.role) for h in holdings(text)}
    assert (" ".join(sorted(name.split())), role) in held


@pytest.mark.parametrize("claim, passage", [
    ("Li Wen is the commerce ministry's spokesperson.", TARIFFS),
    ("Choi Min-ho is the ministry's trade envoy.", ENVOY),
    ("Park Jae-won was the agency's chief investigator.", CUSTOMS),
])
def test_the_role_of_such_a_person_claimed_of_another_is_a_swap(claim, passage):
    assert holder_swap(claim, passage) is not None


@pytest.mark.parametrize("claim, passage", [
    ("He Yongqian is the commerce ministry's spokesperson.", TARIFFS),
    ("So Ji-hye is the agency's chief investigator.", CUSTOMS),
])
def test_the_role_restated_with_a_copula_is_the_apposition(claim, passage):
    assert appositive_copula(claim, passage)
    assert holder_swap(claim, passage) is None


@pytest.mark.parametrize("name", ["He", "In Brasilia", "On Tuesday", "But Kuanhsin", "The Ministry"])
def test_a_function_word_alone_or_opening_a_sentence_is_no_name(name):
    assert name_words(name) is None


def test_the_pronoun_he_before_a_role_holds_none():
    assert not [h for h in holdings("He said the trade minister, Kim Ye-jin, agreed.") if "he" in h.name]


@pytest.mark.parametrize("name, text, title", [
    ("He Yongqian", TARIFFS, "ministry's spokesperson"),
    ("So Ji-hye", CUSTOMS, "agency's chief investigator"),
    ("Kim Ye-jin", BATTERY, "The trade minister"),
    ("Mariela Soto", "Lima said on Monday that its energy minister, Mariela Soto, would visit Beijing.",
     "its energy minister"),
])
def test_who_is_a_person_is_read_from_a_title_set_off_before_the_name(name, text, title):
    found = titled_mentions(name, text)
    assert found and title in found[0].title


def test_a_name_set_off_after_a_word_that_is_no_title_is_no_answer():
    assert titled_mentions("Karen Osei", "The company, Karen Osei said, would appeal the ruling.") == []


@pytest.mark.parametrize("question, text, holder", [
    ("Who is the spokesperson of the commerce ministry?", TARIFFS, "He Yongqian"),
    ("Who is the chief investigator?", CUSTOMS, "So Ji-hye"),
])
def test_the_writer_names_such_a_holder_of_an_asked_role(question, text, holder):
    assert [name for _, name in role_holders(asked_role(question), text)] == [holder]


@pytest.mark.parametrize("name, text, ends", [
    ("He Yongqian", "Beijing hit back within hours. A commerce ministry spokesperson, He Yongqian, said the duties\n"
                    "broke the trade rules agreed at Geneva.\nThe ministry gave no details.", "agreed at Geneva."),
    ("Gene Raymond", "Gene Raymond, the US Secretary of Commerce, told reporters that the new rule\nwould take effect "
                     "in March.", "in March."),
    ("Do Hung-sik", "Vice minister Do Hung-sik said the battery curbs would stay in place\nuntil the end of "
                    "the year. Others disagreed.", "end of the year."),
])
def test_a_hard_wrapped_sentence_naming_the_person_is_read_whole(name, text, ends):
    """A file wrapped at a fixed width breaks sentences across lines: the mention's sentence is the whole sentence,
    so the answer never quotes it cut at the line break."""
    found = titled_mentions(name, text)
    assert found and text[found[0].sentence[0]:found[0].sentence[1]].endswith(ends)
