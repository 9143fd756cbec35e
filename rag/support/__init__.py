"""Claim-level support checking: is a brief's claim backed by the passage(s) it cites?

No NLI model is available offline, so the checker combines several cheap, deterministic signals:

1. **Semantic similarity.** The cited passages are split into sentences; the claim is scored against
   every sentence, every window of two consecutive sentences and the clauses of long sentences
   (one batched embedding call). The best cosine is mapped onto 0..1 so that 0.5 is the threshold.
2. **Hard consistency checks** (any failure caps the score below 0.5), against the whole cited text:
   numbers and quantities read by ``rag.text.numbers`` with their scale, currency and unit ("$1.2tn" is
   not "¥1.2tn"; "4,760億円" is "476 billion yen"; "5%" is not "5 percentage points"; the reason names
   both numbers), spelled-out numbers ("twenty", "10-fold", fractions), dates
   (years, months, weekdays, month+day and month+year pairs, ISO dates), compass directions, named
   entities (countries with demonyms and capitals normalised, organisations, people, acronyms) and,
   against the best-matching sentence, polarity (negation cues with a short scope, affixal negation
   such as possible/impossible, and antonymous predicates: approve/deny, impose/lift, halt/resume,
   increase/decrease, join/stay out, boost/undermine, better/worse).
3. **Unsupported additions.** Content words of the claim that the cited text does not contain (after
   Snowball stemming from rag.text.tokens and a small paraphrase lexicon) are weighted by how unlike any cited word they
   are (word-level cosine, same embedder). They lower the score; a claim, or a clause of it, made
   mostly of such words fails.

A claim and a cited text in different scripts (an English claim on a Chinese article) cannot be compared
word by word with the English embedder; such a pair is judged on its numbers alone (all must be cited
with their currency and unit, at least one must exist) and scores 0.5 at most.

The embedder is injected (``Callable[[Sequence[str]], np.ndarray]`` returning unit-norm rows, or any
object with an ``embed`` method), so the logic is testable and the module has no model of its own.
"""

from rag.support.checker import SupportChecker, SupportResult
__all__ = ["SupportResult", "SupportChecker"]
