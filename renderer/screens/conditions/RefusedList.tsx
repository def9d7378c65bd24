// The pasted sentences not read as conditions, grouped by why (REFUSAL_GROUPS), each with its
// reason and a way to write the condition by hand (or to see the one written).
import type { SentenceReading } from '../../../shared/api/contract';
import type { Condition } from '../../../shared/model/types';
import { HighlightedSentence, PartCaption, useActivePart } from './Highlighted';
import { REFUSAL_GROUPS, refusalGroup } from './reading';
import type { ReviewActions } from './reviewActions';

export function RefusedList({
  rows,
  byHand,
  byId,
  act,
}: {
  rows: Array<{ r: SentenceReading; index: number }>;
  byHand: Record<number, string>;
  byId: Map<string, Condition>;
  act: ReviewActions;
}) {
  return (
    <div className="refused" data-testid="unparsed">
      <h3>未能识别为条件的句子（{rows.length} 句）</h3>
      <p className="muted small">为避免错误的条件，下列句子没有自动生成条件。请逐句核对：需要的，点“手工编写”按原文编写条件。</p>
      {REFUSAL_GROUPS.map((g) => {
        const items = rows.filter((x) => refusalGroup(x.r.refused!.code).id === g.id);
        if (items.length === 0) return null;
        return (
          <section key={g.id} className="refused-group" data-group={g.id} aria-label={g.title}>
            <h4>
              {g.title}（{items.length} 句）
            </h4>
            <p className="muted small">{g.hint}</p>
            <ul>
              {items.map(({ r, index }) => (
                <RefusedItem key={index} reading={r} written={byHand[index]} exists={!!byHand[index] && byId.has(byHand[index]!)} onWrite={() => act.onWriteByHand(index)} onReveal={act.onReveal} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function RefusedItem({
  reading,
  written,
  exists,
  onWrite,
  onReveal,
}: {
  reading: SentenceReading;
  written?: string;
  exists: boolean;
  onWrite: () => void;
  onReveal: (id: string) => void;
}) {
  const ap = useActivePart();
  return (
    <li className="refused-item" data-testid="refused-item">
      <div className="reading-text">
        <HighlightedSentence reading={reading} clause={reading.clause} ap={ap} />
        <p className="refusal-reason small">
          <strong>原因：</strong>
          {reading.refused!.reason}
        </p>
        {ap.active !== null && <PartCaption reading={reading} ap={ap} />}
      </div>
      <div className="refused-action">
        {written && exists ? (
          <>
            <span className="small">已手工编写为条件 {written}</span>
            <button type="button" className="link small" onClick={() => onReveal(written)}>
              查看
            </button>
          </>
        ) : (
          <button type="button" className="small" onClick={onWrite}>
            手工编写
          </button>
        )}
      </div>
    </li>
  );
}
