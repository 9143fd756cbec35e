"""The text layer: all language knowledge (normalization, sentences, tokens, dates, language, lexicons).

Everything else in ``rag`` reads text through this package; word lists live as versioned data files in
``rag/text/data/`` and their content hash is part of the settings hash and every brief's provenance.
"""
