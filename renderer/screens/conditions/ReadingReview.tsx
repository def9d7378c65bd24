// 合同条款识别结果: each pasted sentence beside its reading — the sentence with the words that
// produced each part highlighted, the condition(s) in plain Chinese; readings marked 需确认 with the
// reason and a way to confirm, edit or remove them; the project facts the conditions depend on; the
// sentences not read, grouped by why, each with a way to write the condition by hand. One
// condition's reading is in ReadingCondition.tsx, the sentences not read in RefusedList.tsx.
import { useMemo, useState } from 'react';
import type { SentenceReading } from '../../../shared/api/contract';
import type { Condition, ConditionsDoc } from '../../../shared/model/types';
import type { Pasted } from './useConditionsEditor';
import { HighlightedSentence, Legend, PartCaption, useActivePart } from './Highlighted';
import { ProjectFacts } from './ProjectFacts';
import { pieces, type ShownRole } from './reading';
import { ReadingCondition } from './ReadingCondition';
import { RefusedList } from './RefusedList';
import type { ReviewActions } from './reviewActions';

export function ReadingReview({ pasted, doc, ...act }: { pasted: Pasted; doc: ConditionsDoc | null } & ReviewActions) {
  const [open, setOpen] = useState(true);
  const byId = useMemo(() => new Map((doc?.conditions ?? []).map((c) => [c.id, c])), [doc]);
  const rows = pasted.readings.map((r, index) => ({ r, index }));
  const read = rows.filter((x) => !x.r.refused);
  const refused = rows.filter((x) => x.r.refused);
  const ids = read.flatMap((x) => x.r.conditionIds);
  const waiting = ids.filter((id) => byId.get(id)?.toConfirm?.trim()).length;
  const roles = useMemo(() => {
    const s = new Set<ShownRole>();
    for (const r of pasted.readings) {
      if (r.clause) s.add('clause');
      for (const p of pieces(r)) if (p.role) s.add(p.role);
    }
    return s;
  }, [pasted]);

  return (
    <section className="panel reading-review" aria-labelledby="reading-h" data-testid="reading-review">
      <div className="review-head">
        <h2 id="reading-h">合同条款识别结果</h2>
        <p className="review-counts" data-testid="reading-counts">
          共 {rows.length} 句：识别 {read.length} 句（{ids.length} 条条件）
          {waiting > 0 && <span className="warn-text">，其中 {waiting} 条需确认</span>}，未识别 {refused.length} 句
        </p>
        <span className="review-tools">
          <button type="button" className="small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? '收起' : '展开'}
          </button>
          <button type="button" className="small" onClick={act.onClose}>
            关闭识别结果
          </button>
        </span>
      </div>
      {open && (
        <>
          <Legend roles={roles} />
          <p className="muted small">将鼠标移到（或用 Tab 键移到）标注的字词上，可看到它对应条件的哪一部分；点击可固定显示。</p>
          {doc && <ProjectFacts doc={doc} onFact={act.onFact} testId="project-facts" />}
          {read.length > 0 && (
            <div className="reading-list" data-testid="readings">
              <div className="reading-cols muted small" aria-hidden="true">
                <span>合同原文</span>
                <span>识别为</span>
              </div>
              {read.map(({ r, index }) => (
                <ReadingRow key={index} reading={r} byId={byId} asRead={pasted.asRead} facts={doc?.facts} act={act} />
              ))}
            </div>
          )}
          {refused.length > 0 && <RefusedList rows={refused} byHand={pasted.byHand} byId={byId} act={act} />}
        </>
      )}
    </section>
  );
}

function ReadingRow({
  reading,
  byId,
  asRead,
  facts,
  act,
}: {
  reading: SentenceReading;
  byId: Map<string, Condition>;
  asRead: Record<string, Condition>;
  facts: ConditionsDoc['facts'];
  act: ReviewActions;
}) {
  const ap = useActivePart();
  const waiting = reading.conditionIds.some((id) => byId.get(id)?.toConfirm?.trim());
  return (
    <article className={`reading-row${waiting ? ' to-confirm' : ''}`} data-testid="reading-row" data-ids={reading.conditionIds.join(' ')}>
      <div className="reading-text">
        <HighlightedSentence reading={reading} clause={reading.clause} ap={ap} />
        <PartCaption reading={reading} ap={ap} />
      </div>
      <div className="reading-result">
        {reading.conditionIds.map((id) => (
          <ReadingCondition key={id} id={id} now={byId.get(id)} was={asRead[id]} facts={facts} reading={reading} ap={ap} act={act} />
        ))}
      </div>
    </article>
  );
}
