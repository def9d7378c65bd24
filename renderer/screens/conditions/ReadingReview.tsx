// 合同条款识别结果: each pasted sentence beside its reading — the sentence with the words that
// produced each part highlighted, the condition(s) in plain Chinese; readings marked 需确认 with the
// reason and a way to confirm, edit or remove them; the project facts the conditions depend on; the
// sentences not read, grouped by why, each with a way to write the condition by hand.
import { useMemo, useState } from 'react';
import type { SentenceReading } from '../../../shared/api/contract';
import type { Condition, ConditionsDoc } from '../../../shared/model/types';
import type { Pasted } from './useConditionsEditor';
import { HighlightedSentence, Legend, PartCaption, useActivePart, type ActivePart } from './Highlighted';
import { ProjectFacts } from './ProjectFacts';
import { useFactWords } from './factWords';
import { conditionWords, factEffect, factName, partKey, pieces, REFUSAL_GROUPS, refusalGroup, sameValue, type ShownRole } from './reading';

export interface ReviewActions {
  onConfirm: (id: string) => void;
  onRemove: (id: string) => void;
  onReveal: (id: string) => void;
  onWriteByHand: (index: number) => void;
  onFact: (id: string, value: boolean | undefined) => void;
  onClose: () => void;
}

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

function ReadingCondition({
  id,
  now,
  was,
  facts,
  reading,
  ap,
  act,
}: {
  id: string;
  now: Condition | undefined;
  was: Condition | undefined;
  facts: ConditionsDoc['facts'];
  reading: SentenceReading;
  ap: ActivePart;
  act: ReviewActions;
}) {
  const words = useFactWords();
  if (!now) {
    return (
      <div className="reading-cond removed" data-condition={id}>
        <span className="badge v-none">已删除</span> <span className="muted">条件 {id} 已从编辑区删除（或改了编号）。</span>
      </div>
    );
  }
  const part = ap.active === null ? null : reading.parts[ap.active];
  const key = part && part.conditionIds.includes(id) ? partKey(part) : null;
  const role = part && part.conditionIds.includes(id) ? part.role : null;
  const lines = conditionWords(now, words);
  const keyFound = key !== null && lines.some((l) => l.some((w) => w.key === key));
  const lit = (w: { key?: string; role?: ShownRole }) =>
    w.key !== undefined && (keyFound ? w.key === key : role !== null && (w.role === role || (role === 'filter' && w.role === 'bound')));
  const waiting = now.toConfirm?.trim();
  const status = waiting
    ? { word: '需确认', cls: 'v-review' }
    : was?.toConfirm && !now.toConfirm
      ? { word: '已确认', cls: 'v-pass' }
      : was && !sameValue(was, now)
        ? { word: '已修改', cls: 'v-none' }
        : { word: '已识别', cls: 'v-pass' };
  const unconfirmed = Object.entries(now.when ?? {});
  return (
    <div className={`reading-cond${waiting ? ' waiting' : ''}`} data-condition={id} data-testid={`reading-${id}`}>
      <div className="reading-cond-head">
        <strong>条件 {id}</strong> <span className={`badge ${status.cls}`}>{status.word}</span>
        <button type="button" className="link small" onClick={() => act.onReveal(id)}>
          在编辑区查看
        </button>
      </div>
      <ul className="cond-words">
        {lines.map((l, k) => (
          <li key={k}>
            {l.map((w, j) =>
              w.role ? (
                <span key={j} className={`w w-${w.role}${lit(w) ? ' on' : ''}`}>
                  {w.text}
                </span>
              ) : (
                <span key={j}>{w.text}</span>
              ),
            )}
          </li>
        ))}
      </ul>
      {unconfirmed.map(([f, wanted]) => {
        const e = factEffect(wanted, facts?.[f]);
        return (
          <p key={f} className={`small effect effect-${e.kind}`}>
            {facts?.[f] === undefined
              ? `本项目是否为${factName(words, f)}尚未确认：审查时本条判为需复核（在上方“项目事实”中确认）`
              : `本项目已确认${facts[f] ? '是' : '不是'}${factName(words, f)}：本条${e.word}`}
          </p>
        );
      })}
      {waiting && (
        <div className="confirm-box" role="group" aria-label={`条件 ${id} 需确认`} data-testid="confirm-box">
          <p className="small">
            <strong>需确认：</strong>
            {waiting}
          </p>
          <p className="small muted">未确认前可以保存，但审查时本条即使满足也只判为需复核。</p>
          <div className="row">
            <button type="button" className="small primary" onClick={() => act.onConfirm(id)}>
              确认此理解
            </button>
            <button type="button" className="small" onClick={() => act.onReveal(id)}>
              修改条件
            </button>
            <button type="button" className="small danger-text" onClick={() => act.onRemove(id)}>
              删除条件
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function RefusedList({
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
