// Sentences of pasted contract text that look like conditions but were not understood, with the
// reason; and appending recognised conditions to the current ones (ids kept unique).
import type { ApiOutputs } from '../../../shared/api/contract';
import type { ConditionsDoc } from '../../../shared/model/types';

export function UnparsedList({ unparsed }: { unparsed: ApiOutputs['conditions.fromText']['unparsed'] }) {
  if (unparsed.length === 0) return null;
  return (
    <div className="panel warn" data-testid="unparsed">
      <h3>以下 {unparsed.length} 句像是条件但未能识别，请手工补充：</h3>
      <ul>
        {unparsed.map((u, i) => (
          <li key={i}>
            {u.clause && <strong>{u.clause} </strong>}“{u.sentence}”<span className="muted">——{u.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function mergeConditions(doc: ConditionsDoc, more: ConditionsDoc): ConditionsDoc {
  const used = new Set(doc.conditions.map((c) => c.id));
  const added = more.conditions.map((c) => {
    let id = c.id;
    for (let k = 2; used.has(id); k++) id = `${c.id}-${k}`;
    used.add(id);
    return { ...c, id };
  });
  return { ...doc, conditions: [...doc.conditions, ...added] };
}
