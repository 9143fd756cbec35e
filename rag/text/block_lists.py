"""A block list and the sentence that introduces it, read as one sentence.

News copy often ends a sentence with a colon and gives its items as a numbered or bulleted block list:

    The additions include:

    1. Shenzhen Hongtu Computing Co., for buying servers through front companies;
    2. Taipei-based Lumen Data Systems, for supplying servers to Shenzhen Hongtu.

The sentence splitter cuts each line apart (a list's bullets are no sentence's words), so the introducing line is
too short to quote and each item is a fragment that does not say what it is an item of. ``joined_lists`` puts them
back together: the introducing sentence (prose that ends with ":", not a label such as "Scenario Outlook:",
``_introduces``) and the items right after it, each on a line of its own that opens with a bullet or a number
(``LIST_BULLET``: "1.", "2)", "(3)", "-", "*", "•"), become one sentence spanning them all, as a reader reads them
("The additions include: Shenzhen Hongtu Computing Co., … Taipei-based Lumen Data Systems, …": ``list_parts``,
``list_reading``). At least two items; a list running past ``max_words`` words keeps only the
items that fit (the first ones), and one that cannot keep two is left as it was. A Markdown heading that is a fronted
clause with its own subject ("## What the order covers", ``list_headings.toml``) introduces the list under it too,
read with a colon ("What the order covers: CCTV cameras …; …"); a caption heading ("## What to watch") does not.

Errors: none; text with no such list is returned unchanged.
"""

from __future__ import annotations

import re
from typing import Sequence

from rag.text.lexicon import table
from rag.text.markdown import heading_marks
from rag.text.sentences import BULLET_MARK, NUMBER_MARK, Sentence

__all__ = ["LIST_BULLET", "joined_lists", "list_parts", "list_reading", "opens_item"]

#: a list item's opening mark at a line's start: the sentence splitter's bullet or number (``sentences.BULLET_MARK``,
#: ``sentences.NUMBER_MARK``: "-", "•", "1.", "2)", "(3)", "(b)")
LIST_BULLET = re.compile(rf"^\s*(?:{BULLET_MARK}|{NUMBER_MARK})\s+")

#: the text between an introducing sentence and its first item, or between two items: space, then a line's bullet
#: the gap before an item's indented next line ("- Doosan\n  Enerbility")
_WRAPPED = re.compile(r"[ \t]*\n[ \t]+")
_GAP = re.compile(r"\s*\n" + LIST_BULLET.pattern[1:], re.M)


def opens_item(text: str, start: int) -> bool:
    """Whether characters ``start:`` of ``text`` open a list item: the line they stand on holds only a bullet or a
    number before them ("2. Beijing …", "- pellicles for …")."""
    line_start = text.rfind("\n", 0, start) + 1
    return LIST_BULLET.fullmatch(text[line_start:start]) is not None


#: words that join a label's capitalised words ("Key Individuals and Entities:"): no sign of a sentence
_JOINERS = frozenset({"and", "or", "of", "the", "for", "&", "to", "in", "on"})


def _list_heading(sentence: str) -> int:
    """The length of the heading marks of ``sentence`` when it is a Markdown heading introducing the list under it
    (``list_headings.toml``: "## What the order covers", a fronted clause with its own subject); 0 otherwise."""
    marks = heading_marks(sentence)
    if not marks:
        return 0
    words = [w.lower() for w in re.findall(r"[\w'’&-]+", sentence[marks:])]
    cues = table("list_headings")
    return marks if len(words) >= 3 and words[0] in cues["openers"] and words[1] in cues["determiners"] else 0


def _introduces(sentence: str) -> bool:
    """Whether ``sentence`` introduces a list as prose does: it ends with a colon and has three words or more, one
    of them a lower-case word other than a joiner ("The additions include:", "Seoul named the following firms:"); not
    a label or caption ("Scenario Outlook:", "Assumptions:", "Key Individuals and Entities:": a source's own captioned
    list, read item by item by ``watch_items`` and ``list_members.captioned_names``)."""
    body = sentence.rstrip()
    if _list_heading(body):
        return True
    if not body.endswith(":"):
        return False
    words = re.findall(r"[\w'’&-]+", body)
    return len(words) >= 3 and any(w[:1].islower() and w not in _JOINERS for w in words)


def _items_after(text: str, sentences: Sequence[Sentence], k: int) -> list[int]:
    """Indices of the sentences after ``sentences[k]`` that are items of the block list it introduces: the first on
    the next line after a bullet, each later one either opening an item of its own or going on with the one before
    on the same line."""
    out: list[int] = []
    for j in range(k + 1, len(sentences)):
        before = sentences[j - 1]
        gap = text[before.end:sentences[j].start]
        if _GAP.fullmatch(gap) and opens_item(text, sentences[j].start):
            out.append(j)
        elif out and ("\n" not in gap or _WRAPPED.fullmatch(gap)):
            out.append(j)  # an item of two sentences ("… for SMIC. It denies the charge."), or wrapped onto an indented line
        else:
            break
    return out


def joined_lists(text: str, sentences: Sequence[Sentence], *, max_words: int) -> list[Sentence]:
    """``sentences`` (``split_sentences(text)``) with each sentence that ends with a colon joined to the items of the
    block list right after it (module docstring): one ``Sentence`` from the introducing sentence's start to the last
    kept item's end, its text as written (bullets and line breaks kept; ``list_parts`` gives the spans a quote is
    made of). At most ``max_words`` words each; unchanged where there is no list of two items or more."""
    out: list[Sentence] = []
    k = 0
    while k < len(sentences):
        sent = sentences[k]
        items = _items_after(text, sentences, k) if _introduces(sent.text) else []
        kept: list[int] = []
        for j in items:
            if len(text[sent.start:sentences[j].end].split()) > max_words:
                break
            kept.append(j)
        if len(kept) < 2:
            out.append(sent)
            k += 1
            continue
        end = sentences[kept[-1]].end
        out.append(Sentence(sent.start, end, text[sent.start:end]))
        k = kept[-1] + 1
    return out


def list_parts(text: str, sent: Sentence) -> tuple[tuple[int, int], ...]:
    """The spans of ``text`` a joined list (``joined_lists``' ``sent``) is quoted from: its introducing sentence and
    each item without its bullet or number, in order; () when ``sent`` is no joined list."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[sent.start:sent.end])]
    first = text[sent.start + lines[0][0]:sent.start + lines[0][1]].rstrip() if lines else ""
    marks = _list_heading(first)
    if len(lines) < 3 or not (first.endswith(":") or marks):
        return ()
    # (a heading's marks are not quoted: its words are, "What the order covers")
    parts: list[tuple[int, int]] = [(sent.start + marks, sent.start + len(text[sent.start:sent.start + lines[0][1]].rstrip()))]
    for a, b in lines[1:]:
        line = text[sent.start + a:sent.start + b]
        bullet = LIST_BULLET.match(line)
        lead = bullet.end() if bullet else len(line) - len(line.lstrip())
        body = line[lead:].rstrip()
        if not body:
            continue
        if not bullet and parts and len(parts) > 1:
            parts[-1] = (parts[-1][0], sent.start + a + lead + len(body))  # an item wrapped onto a second line
        else:
            parts.append((sent.start + a + lead, sent.start + a + lead + len(body)))
    return tuple(parts) if len(parts) >= 3 else ()


def list_reading(text: str, parts: Sequence[tuple[int, int]]) -> str:
    """A joined list as a reader reads it on one line (``list_parts``' spans of ``text``): the introducing sentence,
    then the items, each as written when it closes with a mark of its own ("…;", "…,", "….", the last closing with
    "." whatever its mark) and followed by "; " (the last by ".") when it does not ("- Huawei" lines): "The additions
    include: Huawei; ZTE; Hikvision."."""
    intro, *items = [" ".join(text[a:b].split()) for a, b in parts]
    intro = intro if intro.endswith(":") else f"{intro}:"  # a heading introducing its list reads as a clause with ":"
    if all(i[-1:] in ";,." for i in items):
        # the last item read closes the sentence: "(6) … to battery grade;" of a notice's list (each item closing
        # with ";") is no sentence cut off, also when ``joined_lists`` kept only the first items
        return " ".join([intro, *items[:-1], f"{items[-1][:-1]}."])
    bare = [i.rstrip(";,.") for i in items]
    return f"{intro} {'; '.join(bare)}."
