// 适用前提: the project facts a condition depends on, with what the user confirmed about the project.
import type { Condition } from '../../../shared/model/types';
import { useFacts } from './FormContext';
import { factEffect, factName } from './reading';
import { useFactWords } from './factWords';

/**
 * 适用前提: the project facts the condition depends on, each with what the user confirmed about
 * the project and what it means for this condition (applies / does not apply / 需复核).
 */
export function WhenRows({ c, set }: { c: Condition; set: (patch: Partial<Condition>) => void }) {
  const { facts, setFact } = useFacts();
  const words = useFactWords();
  const entries = Object.entries(c.when ?? {});
  if (entries.length === 0) return null;
  const setWhen = (list: Array<[string, boolean]>) => set({ when: list.length ? Object.fromEntries(list) : undefined });
  return (
    <div className="when-rows" data-testid="when-rows">
      {entries.map(([id, wanted]) => {
        const known = facts?.[id];
        const e = factEffect(wanted, known);
        return (
          <div key={id} className="when-row">
            <span className="small">适用前提：仅当本项目为</span>
            <select
              value={`${id}|${wanted ? 'yes' : 'no'}`}
              aria-label="适用前提"
              onChange={(ev) => {
                const [nid, v] = ev.target.value.split('|') as [string, string];
                setWhen(entries.map(([x, y]) => (x === id ? [nid, v === 'yes'] : [x, y])));
              }}
            >
              {words.filter((f) => f.id === id || c.when?.[f.id] === undefined).flatMap((f) => [
                <option key={`${f.id}|yes`} value={`${f.id}|yes`}>
                  {f.yes}
                </option>,
                <option key={`${f.id}|no`} value={`${f.id}|no`}>
                  {f.no}
                </option>,
              ])}
            </select>
            <label className="inline small">
              本项目是否为{factName(words, id)}：
              <select
                value={known === undefined ? 'unknown' : known ? 'yes' : 'no'}
                aria-label={`本项目是否为${factName(words, id)}`}
                onChange={(ev) => setFact(id, ev.target.value === 'unknown' ? undefined : ev.target.value === 'yes')}
              >
                <option value="unknown">未确认</option>
                <option value="yes">是</option>
                <option value="no">否</option>
              </select>
            </label>
            <span className={`effect effect-${e.kind} small`} data-testid="when-effect">
              {known === undefined ? '→ 未确认，审查时本条判为需复核' : `→ 本条${e.word}`}
            </span>
            <button type="button" className="small danger-text" onClick={() => setWhen(entries.filter(([x]) => x !== id))} aria-label={`删除适用前提 ${factName(words, id)}`}>
              删除
            </button>
          </div>
        );
      })}
    </div>
  );
}
