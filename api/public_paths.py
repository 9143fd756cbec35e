"""Where a passage is, as the API shows it: corpus-relative paths, never the server's filesystem layout.

Ingest records each document's file as an absolute path ("/srv/app/corpus/001.txt"); the CLI shows it as is (the
reader is on that machine), the API answers with the path below the corpus's folder, that folder's name first
("corpus/001.txt", "corpus/001.txt:12-14", "feeds/news.jsonl#L3"). The corpus's folder is the deepest folder
holding every indexed file (``Catalog.source_files``; uploads apart); a file the API stored from an upload is
"uploads/<name>", an article posted as JSON keeps its ``upload:<sha256>`` key, and an absolute path outside both (a
stored brief citing a document deleted since) is shown by its file name alone.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

from rag.brief import Brief, Claim, Source

__all__ = ["PublicPaths"]


class PublicPaths:
    """Maps the source paths a catalog recorded to the corpus-relative ones the API shows (see the module docstring).

    ``files``: every indexed file (``Catalog.source_files``); ``upload_dir``: where the API stores uploaded files.
    """

    def __init__(self, files: Iterable[str], upload_dir: Path) -> None:
        self.upload_dir = os.path.realpath(upload_dir)
        folders = {os.path.dirname(f) for f in files if os.path.isabs(f) and not _under(f, self.upload_dir)}
        common = os.path.commonpath(sorted(folders)) if folders else None
        #: the folder public paths are relative to: the parent of the corpus's folder, so its name stays in the path
        self.root = os.path.dirname(common) if common else None

    @classmethod
    def for_catalog(cls, catalog: Any, upload_dir: Path) -> "PublicPaths":
        """The mapping for ``catalog``'s indexed files; rebuilt only when its snapshot changes."""
        snapshot = catalog.snapshot_id()
        cached = getattr(catalog, "_public_paths", None)
        if cached is not None and cached[0] == (snapshot, str(upload_dir)):
            return cached[1]
        paths = cls(catalog.source_files(), upload_dir)
        catalog._public_paths = ((snapshot, str(upload_dir)), paths)
        return paths

    def path(self, source_path: str) -> str:
        """"/srv/app/corpus/001.txt" → "corpus/001.txt"; "…/news.jsonl#L3" → "feeds/news.jsonl#L3"; a relative path or
        an ``upload:`` key unchanged; "" for ""."""
        file, sep, line = (source_path or "").partition("#L")
        if not os.path.isabs(file):
            return source_path or ""
        if _under(file, self.upload_dir):
            shown = "uploads/" + os.path.relpath(file, self.upload_dir)
        elif self.root is not None and _under(file, self.root):
            shown = os.path.relpath(file, self.root)
        else:
            shown = os.path.basename(file)
        return shown + sep + line

    def ref(self, source_ref: str, source_path: str) -> str:
        """A location such as "/srv/app/corpus/001.txt:12-14" with its path replaced ("corpus/001.txt:12-14")."""
        if source_path and source_ref.startswith(source_path):
            return self.path(source_path) + source_ref[len(source_path):]
        file = source_path.partition("#L")[0]
        if file and source_ref.startswith(file):
            return self.path(file) + source_ref[len(file):]
        return source_ref

    def hit(self, hit: dict[str, Any]) -> dict[str, Any]:
        """A search hit's dict (``SearchHit.to_dict``) with public ``source_path`` and ``source_ref``."""
        original = hit.get("source_path") or ""
        return {**hit, "source_path": self.path(original), "source_ref": self.ref(hit.get("source_ref") or "", original)}

    def brief(self, brief: Brief) -> Brief:
        """A copy of ``brief`` whose sources and citations carry public paths (its id and text unchanged), so that what
        is rendered from it (the answer's source list, the Markdown) shows them too."""
        out = brief.model_copy(deep=True)
        for source in [*out.sources, *out.closest_sources]:
            self._source(source)
        for section in out.sections:
            for claim in section.claims:
                self._claim(claim)
        for claim in out.timeline:
            self._claim(claim)
        return out

    def _source(self, source: Source) -> None:
        original = source.source_path
        source.source_path = self.path(original)
        source.source_refs = [self.ref(r, original) for r in source.source_refs]

    def _claim(self, claim: Claim) -> None:
        for citation in claim.citations:
            original = citation.source_path
            citation.source_path = self.path(original)
            citation.source_ref = self.ref(citation.source_ref, original)
        for inner in (*claim.evidence_for, *claim.evidence_against, *claim.verdict):
            self._claim(inner)


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
