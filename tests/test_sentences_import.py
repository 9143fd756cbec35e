"""The sentence splitter loads nltk's punkt without importing the whole of nltk (and scipy.stats with it)."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import json, sys
from rag.text.sentences import split_sentences
spans = [(s.start, s.end) for s in split_sentences("Mr. Smith met Dr. Jones on Jan. 5. They agreed. The U.S. did not.")]
after_split = {m: m in sys.modules for m in ("nltk", "nltk.collocations", "scipy.stats")}
import nltk  # a later import elsewhere still gets the full library
full = hasattr(nltk, "sent_tokenize") and hasattr(nltk.tokenize, "punkt")
print(json.dumps({"spans": spans, "after_split": after_split, "full": full}))
"""


def _run() -> dict:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_splitting_does_not_import_nltk_package_or_scipy():
    got = _run()
    assert got["after_split"] == {"nltk": False, "nltk.collocations": False, "scipy.stats": False}


def test_punkt_loaded_alone_splits_like_the_library_and_nltk_still_imports_whole():
    got = _run()
    text = "Mr. Smith met Dr. Jones on Jan. 5. They agreed. The U.S. did not."
    assert [text[a:b] for a, b in got["spans"]] == ["Mr. Smith met Dr. Jones on Jan. 5.", "They agreed.", "The U.S. did not."]
    assert got["full"] is True
