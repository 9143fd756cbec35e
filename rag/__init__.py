"""techsec-brief: retrieval-augmented, citation-checked briefs on East Asian technology security."""

from rag.runtime import configure_process

configure_process()

__version__ = "0.1.0"
