// Verdict and conclusion badges with the agreed colours
// (符合 green, 不符合 red, 缺项 grey, 需复核 amber, 不适用 light).
import type { Overall, Verdict } from '../../shared/model/types';
import { OVERALL_LABEL, VERDICT_LABEL } from '../../shared/model/verdicts';

export function VerdictBadge({ verdict, overridden }: { verdict: Verdict; overridden?: boolean }) {
  return (
    <span className={`badge v-${verdict}`} data-verdict={verdict}>
      {VERDICT_LABEL[verdict]}
      {overridden ? '（已改判）' : ''}
    </span>
  );
}

export function OverallBadge({ overall }: { overall: Overall | null | undefined }) {
  if (!overall) return <span className="badge v-none">未审查</span>;
  return (
    <span className={`badge o-${overall}`} data-overall={overall}>
      {OVERALL_LABEL[overall]}
    </span>
  );
}
