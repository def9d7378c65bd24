// The evidence-policy rule that decided a verdict (finding.basis, docs/evidence-policy.md), in the
// words a reviewer reads: one vocabulary for the report, the Excel record and the screens
// (shared/data/report-terms.json).
import terms from '../data/report-terms.json';

const WORDS: Readonly<Record<string, string>> = terms.basis;

/** The rule in words, or null for an id the vocabulary does not know (never shown as an id). */
export function basisWord(basis: string | null | undefined): string | null {
  return basis ? (WORDS[basis] ?? null) : null;
}
