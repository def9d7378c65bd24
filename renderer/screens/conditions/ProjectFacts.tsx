// 项目事实: what the user confirms about the whole project (政府投资, 保障性住房, 重点区域 …) when
// conditions apply only to such projects. No indicator sheet states them; an unconfirmed fact
// makes the conditions that need it 需复核 (docs/formats.md §6 `facts`, `when`).
import { useId } from 'react';
import type { ConditionsDoc } from '../../../shared/model/types';
import { factEffect, factName, factsNeeded } from './reading';
import { useFactWords } from './factWords';

interface Props {
  doc: ConditionsDoc;
  onFact: (id: string, value: boolean | undefined) => void;
  testId: string;
}

export function ProjectFacts({ doc, onFact, testId }: Props) {
  const name = useId();
  const words = useFactWords();
  const needed = factsNeeded(doc.conditions, doc.facts);
  if (needed.length === 0) return null;
  return (
    <fieldset className="panel facts-panel" data-testid={testId}>
      <legend>项目事实</legend>
      <p className="muted small">
        以下条件只适用于特定类型的项目，指标表不载明这些情况，请按本项目的实际情况确认。未确认的，依赖它的条件审查时判为需复核。
      </p>
      {needed.map((f) => {
        const known = doc.facts?.[f.id];
        const state = known === undefined ? 'unknown' : known ? 'yes' : 'no';
        const question = `本项目是否为${factName(words, f.id)}？`;
        return (
          <div className={`fact-row fact-${state}`} key={f.id} role="radiogroup" aria-label={question} data-fact={f.id}>
            <span className="fact-q">{question}</span>
            <span className="fact-choices">
              {(
                [
                  ['yes', '是', true],
                  ['no', '否', false],
                  ['unknown', '未确认', undefined],
                ] as const
              ).map(([k, label, v]) => (
                <label key={k} className="inline check">
                  <input type="radio" name={`${name}-${f.id}`} checked={state === k} onChange={() => onFact(f.id, v)} />
                  {label}
                </label>
              ))}
            </span>
            <span className="fact-effect small">
              {f.conditions.length === 0
                ? '没有条件依赖此项'
                : f.conditions.map((c) => {
                    const e = factEffect(c.wanted, known);
                    return (
                      <span key={c.id} className={`effect effect-${e.kind}`}>
                        条件 {c.id}：{e.word}
                      </span>
                    );
                  })}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
