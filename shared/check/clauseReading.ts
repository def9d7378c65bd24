// What the reading of a clause adds to a check (docs/formats.md §2, additions of §6):
// - `companion`: values the contract states with the requirement (对应设计降雨量22.2mm) go to the
//   calculators through CalcContext.companion, for this condition only;
// - `toConfirm`: a reading the user has not confirmed yet is never a pass — a pass becomes review
//   with the reason.
import type { CalcContext } from '../calc/index';
import type { Condition, Finding } from '../model/types';
import { tokenise } from '../conditions/tokens';
import { normaliseClause } from '../conditions/normalise';
import { COMPANION_WORDS } from '../conditions/words';

interface ScopeLike<S> {
  ctx: CalcContext;
  calcs: Map<string, unknown>;
  project: S | null;
}

/**
 * The scopes a condition is evaluated in: the shared ones, or — when it states companion values —
 * copies whose calculator context carries them (with their own recomputation caches).
 */
export function companionScopes<S extends ScopeLike<S>>(cond: Condition, project: S, buildings: () => S[]): { project: S; buildings: () => S[] } {
  const companion = cond.companion ?? textCompanion(cond.text);
  if (!companion || Object.keys(companion).length === 0) return { project, buildings };
  const derive = (s: S, parent: S | null): S => ({ ...s, calcs: new Map(), project: parent, ctx: { ...s.ctx, companion: { ...companion } } });
  const p = derive(project, null);
  let cached: S[] | null = null;
  return { project: p, buildings: () => (cached ??= buildings().map((b) => derive(b, p))) };
}

/**
 * Values the clause's own words state with the requirement (“年径流总量控制率不低于80%（对应设计降雨量
 * 19.5mm）”) where the condition names none: the contract's words, read by the clause grammar
 * (shared/conditions/tokens.ts), bind the check as a `companion` written out would.
 */
export function textCompanion(text: string | undefined): Record<string, number> | undefined {
  if (!text || !COMPANION_WORDS.some((w) => text.includes(w))) return undefined;
  const out: Record<string, number> = {};
  for (const tok of tokenise(normaliseClause(text).text)) if (tok.kind === 'companion') out[tok.def.id] = tok.value;
  return Object.keys(out).length ? out : undefined;
}

/** A pass of a condition whose reading awaits confirmation is reported as review. */
export function confirmationGate(cond: Condition, findings: Finding[]): Finding[] {
  const why = cond.toConfirm?.trim();
  if (!why) return findings;
  return findings.map((f) =>
    f.verdict === 'pass'
      ? { ...f, verdict: 'review', message: `${f.message}；但本条对合同文字的理解尚待确认（${why}），确认前不判为符合` }
      : f,
  );
}
