"""Which vectors the support checker scores with (``support.encoder``), and the model fitted on them.

``minilm`` (default): the embedding function it is given (the pipeline's MiniLM through the embedding cache) and
the shipped model (``model.MODEL_PATH``). ``static``: ``static_encoder.StaticEncoder`` (static token vectors derived
from the same MiniLM graph, a table lookup per text) and the model fitted on its vectors, ``STATIC_MODEL_PATH``
(``python -m evals.fit_checker`` with the static encoder as the embedder). A model fitted on one encoder's cosines
does not transfer to the other's, so the static encoder without its model file is a configuration error.
``cascade``: both, static first (``checker.CascadeChecker``): MiniLM checks only the pairs whose static
probability falls inside the band of ``CASCADE_BAND_PATH`` (chosen by ``python -m evals.cascade_band``).
"""

from __future__ import annotations

import json
from pathlib import Path

from rag.errors import ConfigError
from rag.support.calibration import EmbedFn
from rag.support.checker import CascadeChecker, SupportChecker
from rag.support.model import MODEL_PATH, load_model

STATIC_MODEL_PATH = MODEL_PATH.with_name("checker_model_static.json")
CASCADE_BAND_PATH = MODEL_PATH.with_name("cascade_band.json")  # written by ``python -m evals.cascade_band``


def checker_model_path(encoder: str) -> Path:
    """The model file fitted on ``encoder``'s vectors ("minilm" or "static"; "cascade": its cheap stage's, static);
    ValueError for another name."""
    if encoder == "minilm":
        return MODEL_PATH
    if encoder in ("static", "cascade"):
        return STATIC_MODEL_PATH
    raise ValueError(f"unknown support encoder {encoder!r}")


def support_checker(encoder: str, embed: EmbedFn, *,
                    min_support: float | None = None) -> SupportChecker | CascadeChecker:
    """The checker for ``support.encoder``: ``embed`` and the shipped model for "minilm"; the static encoder and
    its model for "static"; the two as a cascade for "cascade" (ConfigError when ``STATIC_MODEL_PATH`` or, for
    the cascade, ``CASCADE_BAND_PATH`` is absent)."""
    path = checker_model_path(encoder)
    if encoder == "minilm":
        return SupportChecker(embed, min_support=min_support)
    if not path.is_file():
        raise ConfigError(f"support.encoder = {encoder!r} needs a checker model fitted on static vectors ({path}).",
                          help_message="fit one with evals/fit_checker.py over the static encoder, or set support.encoder = 'minilm'")
    static = SupportChecker(static_embed(), min_support=min_support, model=load_model(path))
    if encoder == "static":
        return static
    return CascadeChecker(static, SupportChecker(embed, min_support=min_support), cascade_margins())


def cascade_margins(path: Path = CASCADE_BAND_PATH) -> tuple[float, float]:
    """The cascade's band, log-odds below and above the static threshold (``evals.cascade_band``'s output);
    ConfigError when the file is absent or has no ``margins_logit``."""
    try:
        lo, hi = json.loads(path.read_text(encoding="utf-8"))["margins_logit"]
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise ConfigError(f"support.encoder = 'cascade' needs its band ({path}): {exc}",
                          help_message="choose it with python -m evals.cascade_band, or set support.encoder = 'minilm'") from exc
    return float(lo), float(hi)


def static_embed() -> EmbedFn:
    """The static encoder's embedding function, over texts in the form the pipeline embeds them (ＳＭＩＣ = SMIC), as
    MiniLM's is; the token table is built from the shipped graph on first use (``StaticEncoder.from_minilm``)."""
    from rag.support.static_encoder import StaticEncoder
    from rag.text.normalize import embed_form

    static = StaticEncoder.from_minilm()

    def embed(texts):
        return static.embed([embed_form(t) for t in texts])

    return embed
