"""The JSON an LLM writes for a brief template: pydantic models its reply is validated against (and re-asked on)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, field_validator

__all__ = ["LLMBriefOut", "LLMClaimOut", "LLMSectionOut"]


class LLMClaimOut(BaseModel):
    text: str = Field(description="One sentence.")
    sources: list[str] = Field(description='Ids of the evidence passages that support the sentence, e.g. ["S1", "S3"].')

    @field_validator("sources", mode="before")
    @classmethod
    def _coerce_sources(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, (str, int)):
            return [str(value)]
        if isinstance(value, list):
            return [str(v) if isinstance(v, int) else v for v in value]
        return value


class LLMSectionOut(BaseModel):
    name: str
    claims: list[LLMClaimOut] = Field(default_factory=list)
    terms: list[str] = Field(default_factory=list)

    @field_validator("claims", mode="before")
    @classmethod
    def _coerce_claims(cls, value: Any) -> Any:
        if isinstance(value, list):  # bare strings: a claim whose citations are inline markers (or none)
            return [{"text": v, "sources": []} if isinstance(v, str) else v for v in value]
        return value


class LLMBriefOut(BaseModel):
    abstain: bool = False
    sections: list[LLMSectionOut]
