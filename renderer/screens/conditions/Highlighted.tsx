// A sentence of the contract with the words that produced each part of its reading highlighted
// (colour and underline per role, see the legend), and what the part under the pointer or the
// keyboard focus produced. Hover shows it; a click (or Enter) keeps it shown.
import { useState } from 'react';
import type { SentenceReading } from '../../../shared/api/contract';
import { partMeaning, pieces, ROLE_LABEL, type ShownRole } from './reading';
import { useFactWords } from './factWords';

/** The part shown (hovered or focused, else the one clicked), and how to change it. */
export function useActivePart() {
  const [hover, setHover] = useState<number | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const [pinned, setPinned] = useState<number | null>(null);
  return { active: hover ?? focus ?? pinned, pinned, setHover, setFocus, pin: (i: number) => setPinned((p) => (p === i ? null : i)) };
}
export type ActivePart = ReturnType<typeof useActivePart>;

export function HighlightedSentence({ reading, clause, ap }: { reading: SentenceReading; clause?: string; ap: ActivePart }) {
  const facts = useFactWords();
  return (
    <p className="sentence">
      {clause && (
        <span className="hl hl-clause" title="条款号">
          {clause}
        </span>
      )}
      {pieces(reading).map((p, k) =>
        p.part === undefined ? (
          <span key={k}>{p.text}</span>
        ) : (
          <mark
            key={k}
            className={`hl hl-${p.role}${ap.active === p.part ? ' on' : ''}`}
            data-role={p.role}
            role="button"
            tabIndex={0}
            title={partMeaning(reading.parts[p.part]!, reading.sentence, facts)}
            aria-pressed={ap.pinned === p.part}
            onMouseEnter={() => ap.setHover(p.part!)}
            onMouseLeave={() => ap.setHover(null)}
            onFocus={() => ap.setFocus(p.part!)}
            onBlur={() => ap.setFocus(null)}
            onClick={() => ap.pin(p.part!)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                ap.pin(p.part!);
              }
            }}
          >
            {p.text}
          </mark>
        ),
      )}
    </p>
  );
}

/** "“不低于” → 比较：不低于（≥）（条件 A1）" for the active part (the line is kept, empty, otherwise). */
export function PartCaption({ reading, ap }: { reading: SentenceReading; ap: ActivePart }) {
  const facts = useFactWords();
  const p = ap.active === null ? null : reading.parts[ap.active];
  return (
    <p className="part-caption small" aria-live="polite" data-testid="part-caption">
      {p ? (
        <>
          <strong>“{reading.sentence.slice(p.start, p.end)}”</strong> → {partMeaning(p, reading.sentence, facts)}
          {p.conditionIds.length > 0 && <span className="muted">（条件 {p.conditionIds.join('、')}）</span>}
        </>
      ) : null}
    </p>
  );
}

/** The roles present in some readings, with their colours, as a legend. */
export function Legend({ roles }: { roles: ReadonlySet<ShownRole> }) {
  return (
    <ul className="legend" aria-label="标注说明" data-testid="reading-legend">
      {ROLE_LABEL.filter(([r]) => roles.has(r)).map(([r, label]) => (
        <li key={r}>
          <span className={`hl hl-${r}`}>{label}</span>
        </li>
      ))}
    </ul>
  );
}
