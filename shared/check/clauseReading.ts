// What the reading of a clause adds to a check (docs/formats.md §2, additions of §6):
// - `companion`: values the contract states with the requirement (对应设计降雨量22.2mm) go to the
//   calculators through CalcContext.companion, for this condition only;
// - `toConfirm`: a reading the user has not confirmed yet is never a pass — a pass becomes review
//   with the reason.
import type { CalcContext } from '../calc/index';
import type { Condition, Finding } from '../model/types';

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
  const companion = cond.companion;
  if (!companion || Object.keys(companion).length === 0) return { project, buildings };
  const derive = (s: S, parent: S | null): S => ({ ...s, calcs: new Map(), project: parent, ctx: { ...s.ctx, companion: { ...companion } } });
  const p = derive(project, null);
  let cached: S[] | null = null;
  return { project: p, buildings: () => (cached ??= buildings().map((b) => derive(b, p))) };
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
