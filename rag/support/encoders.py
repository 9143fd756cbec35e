"""Which vectors the support checker scores with (``support.encoder``), and the model fitted on them.

``minilm`` (default): the embedding function it is given (the pipeline's MiniLM through the embedding cache) and
the shipped model (``model.MODEL_PATH``). ``static``: ``static_encoder.StaticEncoder`` (static token vectors derived
from the same MiniLM graph, a table lookup per text) and the model fitted on its vectors, ``STATIC_MODEL_PATH``
(``python -m evals.fit_checker`` with the static encoder as the embedder). A model fitted on one encoder's cosines
does not transfer to the other's, so the static encoder without its model file is a configuration error.
"""

from __future__ import annotations

from pathlib import Path

from rag.errors import ConfigError
from rag.support.calibration import EmbedFn
from rag.support.checker import SupportChecker
from rag.support.model import MODEL_PATH, load_model

STATIC_MODEL_PATH = MODEL_PATH.with_name("checker_model_static.json")


def checker_model_path(encoder: str) -> Path:
    """The model file fitted on ``encoder``'s vectors ("minilm" or "static"); ValueError for another name."""
    if encoder == "minilm":
        return MODEL_PATH
    if encoder == "static":
        return STATIC_MODEL_PATH
    raise ValueError(f"unknown support encoder {encoder!r}")


def support_checker(encoder: str, embed: EmbedFn, *, min_support: float | None = None) -> SupportChecker:
    """The checker for ``support.encoder``: ``embed`` and the shipped model for "minilm"; the static encoder and
    its model for "static" (ConfigError when ``STATIC_MODEL_PATH`` is absent)."""
    path = checker_model_path(encoder)
    if encoder == "minilm":
        return SupportChecker(embed, min_support=min_support)
    if not path.is_file():
        raise ConfigError(f"support.encoder = 'static' needs a checker model fitted on static vectors ({path}).",
                          help_message="fit one with evals/fit_checker.py over the static encoder, or set support.encoder = 'minilm'")
    return SupportChecker(static_embed(), min_support=min_support, model=load_model(path))


def static_embed() -> EmbedFn:
    """The static encoder's embedding function, over texts in the form the pipeline embeds them (ＳＭＩＣ = SMIC), as
    MiniLM's is; the token table is built from the shipped graph on first use (``StaticEncoder.from_minilm``)."""
    from rag.support.static_encoder import StaticEncoder
    from rag.text.normalize import embed_form

    static = StaticEncoder.from_minilm()

    def embed(texts):
        return static.embed([embed_form(t) for t in texts])

    return embed
