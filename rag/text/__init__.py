"""The text layer: all language knowledge, one module per job.

- ``normalize``: stored form (NFC) and comparison forms (``match_form``, ``compat_form``, ``embed_form``)
- ``sentences``: the one sentence splitter (exact spans; wrapped lines, list markers, CJK terminators)
- ``tokens`` / ``analyzer``: the one tokenizer and stemmer; the BM25 analyzer (English stems, CJK bigrams)
- ``dates`` / ``numbers``: the one date reader and the one quantity reader
- ``language``, ``places``, ``scripts``, ``keys``: language detection, the place lexicon, script classes,
  comparison keys for user-typed metadata
- ``align``: stored-text spans to spans in the original file
- ``lexicon``: loads ``data/*`` and hashes it

Everything else in ``rag`` reads text through this package; word lists live as versioned data files in
``rag/text/data/`` and their content hash is part of the settings hash and every brief's provenance.
"""
