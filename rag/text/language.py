"""Language of a text (ISO 639-1 code) with py3langid, whose model ships in its wheel."""

from __future__ import annotations

from functools import cache

from rag.text.lexicon import word_list

_SAMPLE_CHARS = 4000
_MIN_LETTERS = 2
_MIN_CONFIDENCE = 0.5  # normalized probability over the allowed languages; below it the answer is None


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(word_list("languages")))
    return identifier


def _is_kana(ch: str) -> bool:
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` ("en", "ja", "zh", "ko", "de", ...) or None when too short or unsure."""
    sample = text[:_SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return None
    lang, confidence = _identifier().classify(sample)
    # Kana occur only in Japanese; a kanji-heavy Japanese headline otherwise reads as Chinese.
    if lang == "zh" and sum(map(_is_kana, letters)) >= 0.05 * len(letters):
        return "ja"
    return lang if confidence >= _MIN_CONFIDENCE else None
