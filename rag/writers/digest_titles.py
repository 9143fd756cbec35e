"""A digest's title, cut into the stories it names (issue 10, item 4: "What happened" quotes this story's part).

A generated digest titles many stories in one line: "Japan blocks Chinese battery makers over cybersecurity—while
China prosecutes chip smugglers and Korea pitches a new chip hub". Quoted whole under "What happened" in a brief on
battery cybersecurity approval, two thirds of it is other stories. ``story_parts`` cuts such a title at the joints
between stories (``rag/text/data/digest_titles.toml``: "—while", "; ", " | ", and, once the title is a digest,
"… and Korea pitches …" before a new subject with its verb); ``split_digest_titles`` replaces each such title
candidate by the part that is the brief's story (the part sharing the most of the topic's words), citing its own
span. A title naming one story is left whole.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Sequence

from rag.text.lexicon import table
from rag.text.places import place_of_word
from rag.text.sentences import flatten
from rag.writers.candidates import Candidate
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import CUES, STOPWORDS

__all__ = ["STORY_SHARED", "digest_story", "other_stories", "story_parts", "split_digest_titles", "topic_part"]

#: a part of a digest's title is the brief's story when it shares this many of the topic's stems (or all of a
#: shorter topic's), one of them no place's: measured on the sample's topics suite, the places alone ("Japan",
#: "China") let "Japan blocks Chinese battery makers over cybersecurity" into briefs on US chip pressure, on
#: technology leaks and on China's dual-use export restrictions
STORY_SHARED = 2


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    data = table("digest_titles")
    return (re.compile("|".join(data["joints"]), re.I), re.compile("|".join(data["subject_joints"])),
            int(data["min_words"]))


def story_parts(title: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the stories a title names, in order, trimmed of spaces and closing punctuation;
    ``[(0, len(title))]`` when it names one (no joint, or a part shorter than ``min_words`` words). A subject joint
    ("… and Korea pitches …") cuts only a title a joint has shown to be a digest: "Japan and Korea sign a chip pact"
    is one story."""
    joints, subject_joints, min_words = _patterns()
    cuts = [m.span() for m in joints.finditer(title)]
    if not cuts:
        return [(0, len(title))]
    cuts += [m.span() for m in subject_joints.finditer(title)]
    spans, at = [], 0
    for a, b in sorted(cuts):
        if a < at:
            continue
        spans.append((at, a))
        at = b
    spans.append((at, len(title)))
    out = []
    for a, b in spans:
        piece = title[a:b]
        b = a + len(piece.rstrip(" .,;:!?"))
        a = a + (len(piece) - len(piece.lstrip()))
        out.append((a, b))
    if any(len(title[a:b].split()) < min_words for a, b in out):
        return [(0, len(title))]
    return out


def split_digest_titles(cands: Sequence[Candidate], topic: str) -> list[Candidate]:
    """Each title candidate that names several stories (``story_parts``) replaced by the one part that is the
    ``topic``'s story: the part sharing the most of the topic's stems (the first of equals), with its own span,
    stems and cue families (still a title); none when no part shares STORY_SHARED of them, one no place's. The other parts are other stories, never
    this brief's ("China prosecutes chip smugglers" in a brief on Japan's battery approvals). Other candidates are
    unchanged, in order."""
    out: list[Candidate] = []
    for c in cands:
        raw = c.passage.chunk.text[c.local_start:c.local_end]
        parts = story_parts(raw) if c.is_title else [(0, len(raw))]
        if len(parts) < 2:
            out.append(c)
            continue
        texts = [flatten(raw[a:b]) for a, b in parts]
        k = topic_part(topic, texts)
        if k is None:
            continue  # "Japan" and "China" name actors of many stories, not this one
        (a, b), text = parts[k], texts[k]
        out.append(replace(c, local_start=c.local_start + a, local_end=c.local_start + b, text=text,
                           stems=text_stems(text), cues=frozenset(n for n, rx in CUES.items() if rx.search(text))))
    return out


def topic_part(topic: str, parts: Sequence[str]) -> int | None:
    """The index of the part of a digest's title (``parts``: the texts ``story_parts`` cut) that is the ``topic``'s
    story: the part sharing the most of the topic's stems (the first of equals), at least STORY_SHARED of them (all of
    a shorter topic's), one no place's; None when no part is (the places a topic names are actors of many stories)."""
    about = set(text_stems(topic))
    places = _places(topic)
    shared = [len(about & set(text_stems(t))) for t in parts]
    if not parts:
        return None
    k = max(range(len(parts)), key=lambda j: (shared[j], -j))
    if shared[k] < min(STORY_SHARED, len(about)) or not (about - places) & set(text_stems(parts[k])):
        return None
    return k


def other_stories(topic: str, title: str) -> bool:
    """Whether a digest titled ``title`` tells several stories (``story_parts``) and none of them is the ``topic``'s
    (``topic_part``): "Japan blocks Chinese battery makers over cybersecurity—while China prosecutes chip smugglers and
    Korea pitches a new chip hub" in a brief on Japan's 2019 export curbs on South Korea. Such a digest is either a
    theme the topic names (a broad topic: "Technology security developments in East Asia", the digest's sentence
    "Together, the two developments frame a coordinated tightening of technology security across East Asia") or other
    stories with the topic's places; the caller tells them apart by whether one of its sentences names the story."""
    spans = story_parts(title)
    return len(spans) > 1 and topic_part(topic, [flatten(title[a:b]) for a, b in spans]) is None


def digest_story(topic: str, title: str, texts: Sequence[str]) -> list[bool]:
    """Per sentence of a generated digest (``texts``) titled ``title``: whether it tells the ``topic``'s story. A
    digest tells one story per part of its title (``story_parts``); a sentence is of the part whose words it shares
    most, and tells the topic's story unless it shares more with another part than with the topic's
    (``topic_part``): "China's chip-smuggling case, meanwhile, suggests Beijing is …" and "South Korea's chip-hub
    pitch …" in a brief on Japan's denial of cybersecurity approval to Chinese battery makers are the digest's other
    stories; "Together, the two developments frame …" names both and stays. All True when the title names one story
    or none of its parts is the topic's (the digest is then judged as one document)."""
    spans = story_parts(title)
    parts = [flatten(title[a:b]) for a, b in spans]
    k = topic_part(topic, parts) if len(parts) > 1 else None
    if k is None:
        return [True] * len(texts)
    own = [set(text_stems(p)) - _light() for p in parts]
    own[k] |= set(text_stems(topic)) - _light()  # the topic tells its own story's words too ("denial")
    out = []
    for t in texts:
        st = set(text_stems(t))
        shared = [st & p for p in own]
        other = max(len(shared[j]) for j in range(len(own)) if j != k)
        # a tie is the topic's story only through a word of it that is no place's ("China" is in both stories)
        out.append(len(shared[k]) > other or len(shared[k]) == other and bool(shared[k] - _places(t)))
    return out


@cache
def _light() -> frozenset[str]:
    """Function words and their stems: they tell no story."""
    return frozenset(STOPWORDS) | frozenset(st for w in STOPWORDS for st in text_stems(w))


def _places(text: str) -> set[str]:
    """The stems of the words of ``text`` that name places ("China", "Chinese", "Beijing")."""
    return {st for w in re.findall(r"[\w-]+", text) if place_of_word(w) for st in text_stems(w)}
