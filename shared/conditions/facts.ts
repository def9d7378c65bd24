// Project facts (shared/data/project-facts.json, docs/contract-text.md): things about a whole
// project that a clause may depend on and no indicator sheet states (政府投资, 保障性住房, …).
// The user confirms them once per project in the condition file's `facts`.
import data from '../data/project-facts.json';
import type { PlainUse } from './words';

export interface ProjectFact {
  id: string;
  /** "政府投资项目": what the fact being true means, for messages. */
  yes: string;
  /** "非政府投资项目". */
  no: string;
  /** Clause words naming the fact, longest first. */
  words: string[];
  /** Clause words naming its absence ("非政府投资"). */
  negated: string[];
  /** Building uses the fact implies (保障性住房 → residential). */
  uses?: PlainUse[];
}

export const PROJECT_FACTS: readonly ProjectFact[] = data.facts.map((f) => ({
  id: f.id,
  yes: f.yes,
  no: f.no,
  words: [...f.words].sort((a, b) => b.length - a.length),
  negated: [...f.negated].sort((a, b) => b.length - a.length),
  ...('uses' in f && Array.isArray(f.uses) ? { uses: f.uses as PlainUse[] } : {}),
}));

export const FACT_IDS: readonly string[] = PROJECT_FACTS.map((f) => f.id);

export function projectFact(id: string): ProjectFact | undefined {
  return PROJECT_FACTS.find((f) => f.id === id);
}

/** "政府投资项目" / "非政府投资项目" for a required value of a fact. */
export function factPhrase(id: string, value: boolean): string {
  const f = projectFact(id);
  if (!f) return id;
  return value ? f.yes : f.no;
}
