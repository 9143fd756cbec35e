"""Questions that ask who plays a role in a story ("Who is the ringleader of the smuggling ring?"), answered by the
sentence that names the role's holder beside the role.

A report names the person who holds a story's role (a ringleader, a gunman, a spokesperson, a new CEO) once, most
often in an apposition, and refers to them by name after that; the lede tells the story without the name ("… indicted
four people …"). ``asked_role`` reads the role a "who is the <role> …?" question asks about: the head noun after "the"
and at most two modifiers, before the words that say whose role it is ("of the ring", "in the attack", "at Kioxia");
``role_holders`` finds the sentences of a text that name its holder:

* an apposition after the role: "the ringleader, Lai Cheng-hao, 47, …", "its new spokesperson, Ana Ruiz, said …";
* an apposition before it: "Lai Cheng-hao, 47, the alleged ringleader, …";
* the role as a title right before the name: "ringleader Lai Cheng-hao", "spokesperson Ana Ruiz said …".

The name and the three shapes are ``rag.text.role_names``'s (the support checker reads them there too): here the
role's word is the asked one in any case, and a name two words at least.

A role may be an act done for a party ("Who signed the agreement for Mongolia?": the role is signing for Mongolia):
the sentence naming its holder has the act's verb in any form (LemmInflect's lemmas, ``key_terms.lemmas``) after the
name and "for" or "on behalf of" the party after it ("Minister of Mining and Heavy Industry Zolboo Tserendorj signed
for Mongolia", "Ali Reza will sign the accord on behalf of Iran").

A role word qualified as another role in the sentence ("the former CEO, …" for "the new CEO", ``title_qualifiers.txt``)
is not the asked one. An office ("Who is South Korea's trade minister?") is read by ``answer_office`` first.

Errors: none; a question or a text without a role reads as None or [].
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.text.lexicon import word_set
from rag.text.role_names import OWNER, name_pattern, name_then_role, role_then_name, title_then_name
from rag.writers.answer_who import line_sentences
from rag.writers.key_terms import lemmas

__all__ = ["AskedRole", "asked_role", "role_holders"]

#: "Who is/was/'s the <modifiers> <role> …?"
_WHO_THE = re.compile(r"^\s*who(?:\s+(?:is|was)|['’]s)\s+(?:the|a|an)\s+(?P<rest>.+?)\s*[?.]?\s*$", re.I)
#: the words after a role that say whose role it is, or what it did: the role's noun is the word before them
_AFTER_ROLE = frozenset({"of", "for", "in", "at", "behind", "on", "who", "that", "which", "with", "from", "to", "accused",
                         "charged", "indicted", "arrested", "named", "suspected", "involved", "responsible", "during"})
#: "Who <verb> [its object] for/on behalf of <Party>?"
_WHO_FOR = re.compile(r"^\s*(?i:who)\s+(?P<verb>[a-z]+)\s+(?:.*?\s+)?(?:for|on\s+behalf\s+of)\s+(?:the\s+)?"
                      r"(?P<party>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*[?.]?\s*$")
#: verbs that ask who someone is or was, not an act ("Who is the CEO for Asia?")
_LINKING = frozenset({"be", "become", "remain", "seem"})
#: a person's full name: two to four capitalised words ("Lai Cheng-hao", "Ana María Ruiz"; ``role_names.name_pattern``)
_NAME = name_pattern(2)


@dataclass(frozen=True)
class AskedRole:
    """The role a question asks the holder of: its head noun as asked (``head``: "ringleader", "CEO") and the
    modifiers before it ("new")."""

    head: str
    modifiers: tuple[str, ...]
    party: str = ""  # an act done for a party: ``head`` is the act's verb as asked ("signed"), ``party`` "Mongolia"


def asked_role(question: str) -> AskedRole | None:
    """The role of a "who is the <role> …?" question ("Who is the ringleader of the Nvidia server smuggling ring?" ->
    "ringleader"; "Who is the new CEO of Kioxia?" -> "CEO", modifier "new"); None for any other question, or when
    the word before the role's complement is no common noun or acronym ("Who is the Kioxia chief?" is an office's)."""
    m = _WHO_THE.match(question)
    if m is None:
        m = _WHO_FOR.match(question)
        verbs = set(lemmas(m.group("verb")).get("VERB", ())) if m else set()
        if not verbs or verbs & _LINKING:
            return None
        return AskedRole(m.group("verb"), (), m.group("party"))
    words = m.group("rest").split()
    cut = next((k for k, w in enumerate(words) if w.lower() in _AFTER_ROLE), len(words))
    before = [w.strip(",;:") for w in words[:cut]]
    if not before or len(before) > 3:
        return None
    head, mods = before[-1], tuple(before[:-1])
    if not (head.islower() or (head.isupper() and len(head) >= 2)) or not all(w.islower() for w in mods):
        return None
    return AskedRole(head, mods)


def _qualified_otherwise(modifiers: str, role: AskedRole) -> bool:
    """Whether the words before the role in a sentence make it another role ("former" for "new")."""
    quals = word_set("title_qualifiers") | {"former", "previous", "outgoing", "ex"}
    said = {w.lower() for w in re.findall(r"[\w-]+", modifiers)}
    return bool((said & quals) - {m.lower() for m in role.modifiers})


def _patterns(role: AskedRole) -> list[re.Pattern[str]]:
    if role.party:
        # "<Name> [will|has] <verb> [up to five words] for/on behalf of [the] <Party>"; the verb is checked by lemma
        party = r"\s+".join(map(re.escape, role.party.split()))
        return [re.compile(rf"(?P<name>{_NAME})\s+(?:(?:has|have|had|will|would|also|then)\s+)*(?P<verb>[a-z]+)"
                           rf"\s+(?:[\w'’-]+\s+){{0,5}}?(?:for|on\s+behalf\s+of)\s+(?:the\s+)?{party}\b(?P<mods>)")]
    # the role's word in any case ("Ringleader", "ringleader"); an acronym as written ("CEO"); a name capitalised
    head = (re.escape(role.head) if role.head.isupper() else f"(?i:{re.escape(role.head)})") + "s?"
    owner, mods, name = f"(?i:{OWNER})", r"(?P<mods>(?:[\w-]+\s+){0,3}?)", rf"(?P<name>{_NAME})"
    return [
        re.compile(role_then_name(mods + head, name, owner)),
        re.compile(name_then_role(name, mods + head + r"\b", owner)),
        # the title within a sentence, after a lower-case word or a comma: not a capitalised word's ("Kioxia CEO")
        re.compile(title_then_name(head, name + r"\b", before=r"(?<=[a-z,;:]\s)(?P<mods>)")),
    ]


def _same_act(written: str, asked: str) -> bool:
    """Whether two words are forms of one verb ("signed", "signs", "will sign" for "signed")."""
    return bool(set(lemmas(written).get("VERB", ())) & set(lemmas(asked).get("VERB", ())))


def role_holders(role: AskedRole, text: str) -> list[tuple[tuple[int, int], str]]:
    """Each sentence of ``text`` (as ``answer_who.line_sentences`` reads it) that names the holder of
    ``role`` beside it (module docstring): ((start, end) in ``text``, the holder's name as written), in text order.
    A question names no holder."""
    found = []
    pats = _patterns(role)
    for span, sentence in line_sentences(text):
        if sentence.rstrip().rstrip("\"'’”").endswith("?"):
            continue
        for rx in pats:
            m = next((m for m in rx.finditer(sentence) if not _qualified_otherwise(m.group("mods"), role)
                      and (not role.party or _same_act(m.group("verb"), role.head))), None)
            if m is not None:
                found.append((span, m.group("name")))
                break
    return found
