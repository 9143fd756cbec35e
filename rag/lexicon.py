"""Word lists shared by the support checker and the extractive writer."""

from __future__ import annotations

#: English function words: never evidence of content on their own.
STOPWORDS = frozenset(
    """a an the and or but nor if then else so as of at by for from in into onto on off out over under
    to up down with within without about above below after before between through during against among
    upon via per than too very can could may might must shall should will would do does did done doing
    be am is are was were been being have has had having i me my mine we us our ours you your yours he
    him his she her hers it its they them their theirs this that these those there here what which who
    whom whose when where why how all any both each few more most other some such own same only just
    also not no yes never ever again once further still yet even however although though because since
    while whereas unless until whether either neither one ones s t don't can't won't isn't aren't wasn't
    weren't hasn't haven't hadn't doesn't didn't shouldn't wouldn't couldn't let lets let's
    many much several various another etc e.g i.e mr mrs ms""".split()
)
