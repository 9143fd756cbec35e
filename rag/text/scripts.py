"""Which characters belong to the scripts written without spaces between words (Han, kana) or in blocks
of syllables (Hangul): the one definition the title rule, the BM25 analyzer and the writer's filters share."""

from __future__ import annotations

import re

#: Han ideographs: the unified block, extension A, compatibility ideographs, extensions B-F
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# Han (with 々 and 〇), Hiragana, Katakana (not the ・ middle dot), Katakana phonetic extensions, half-width katakana,
# Hangul syllables and jamo.
CJK_CHARS = (
    "\u3005\u3007\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
    "\uff66-\uff9f\u1100-\u11ff\u3130-\u318f\uac00-\ud7af" + HAN_CHARS
)
CJK_RUN = re.compile(f"[{CJK_CHARS}]+")
#: a word, or one CJK character: text written without spaces has no words to count or shingle, so its characters are
WORD_OR_CJK_CHAR = re.compile(f"[{CJK_CHARS}]|(?:(?![{CJK_CHARS}])\\w)+")
_CJK_CHAR = re.compile(f"[{CJK_CHARS}]")
_HIRAGANA = re.compile("[\u3040-\u309f]")
_HANGUL = re.compile("[\uac00-\ud7a3]")


def cjk_count(text: str) -> int:
    """Number of Han, kana and Hangul characters in ``text``."""
    return len(_CJK_CHAR.findall(text))


def is_mostly_cjk(text: str) -> bool:
    """Whether at least half of the letters in ``text`` are Han, kana or Hangul."""
    letters = sum(ch.isalpha() for ch in text)
    return letters > 0 and 2 * cjk_count(text) >= letters


def has_hiragana(text: str) -> bool:
    """Whether ``text`` holds hiragana (Japanese particles and endings: a Japanese sentence, not a Chinese one)."""
    return bool(_HIRAGANA.search(text))


def is_hangul(text: str) -> bool:
    """Whether ``text`` starts with a Hangul syllable (Korean, written in words with particles attached)."""
    return bool(_HANGUL.match(text))


def split_at_hiragana(run: str) -> list[str]:
    """A CJK run cut at its hiragana (Japanese particles and endings), leaving the Han/katakana/Hangul words."""
    return [piece for piece in _HIRAGANA.split(run) if piece]
