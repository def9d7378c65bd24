// One condition read from a pasted sentence: its status (需确认 / 已确认 / 已修改 / 已识别), its
// words with the part under the pointer lit, what the project facts make of it, and the box to
// confirm, edit or remove a reading marked 需确认.
import type { SentenceReading } from '../../../shared/api/contract';
import type { Condition, ConditionsDoc } from '../../../shared/model/types';
import type { ActivePart } from './Highlighted';
import { useFactWords } from './factWords';
import { conditionWords, factEffect, factName, partKey, sameValue, type ShownRole } from './reading';
import type { ReviewActions } from './reviewActions';

export function ReadingCondition({
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
