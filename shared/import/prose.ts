// Figures in the sentences of a 设计说明 or 工程概况 ("本工程总用地面积42000平方米，…，容积率2.48，绿地率36.5%。"),
// read the way a reviewer reads them, under a tight grammar (shared/data/prose-figures.json,
// docs/reading-sheets.md §3.1): a clause is a declared value only when it is [本工程] + one indicator's
// own name + [为] + one figure with its unit. A sentence with any other figure, or a word of
// requirement, intent, change, approximation, part or building, gives nothing. A prose value is one
// more statement of its indicator: a table value that differs from it is a conflict (collect.ts).
import data from '../data/prose-figures.json';
import { mustIndicator } from '../model/indicators';
import type { GCell } from './grid';
import { matchLabel } from './labels';
import { buildingTokens, parcelIn, zoneIn } from './names';
import { isRequirementTitle } from './requirements';
import { fold } from './text';
import { parseUnit } from './units';
import { readCell } from './values';
import { buildingIn } from './blocks';
import { key, markUsed, src, type Env, type Sheet } from './sheet';

const SUBJECTS = [...data.subjects].sort((a, b) => b.length - a.length);
const CONNECTORS = [...data.connectors].sort((a, b) => b.length - a.length);
const JUDGEMENT = data.judgement.map((p) => new RegExp(p));
const BLOCK = data.blockWords.map((w) => w.normalize('NFKC'));
/** A numbering at the start of a cell ("1.2 ", "（三）", "2、"). */
const NUMBERING = /^\s*(?:[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}[、.．]?\s+|[0-9]{1,2}[、．]|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．])/;
/** A figure and what follows it in a value clause. */
const FIGURE = /^([0-9]+(?:\.[0-9]+)?)([^0-9]*)$/;
const MAX_TEXT = 300;
const UNITS = new Set(data.units);

interface Figure {
  id: string;
  label: string;
  figure: string;
}

const blocked = (text: string): boolean => BLOCK.some((w) => text.includes(w));

/** A clause that is exactly [subject] + an indicator's name + [connector] + one figure with its unit, or null. */
function valueClause(clause: string): Figure | null | 'other' {
  const i = clause.search(/[0-9]/);
  if (i < 0) return null;
  let head = clause.slice(0, i);
  const figure = clause.slice(i);
  const m = FIGURE.exec(figure);
  if (!m) return 'other';
  for (const s of SUBJECTS) if (head.startsWith(s)) {
    head = head.slice(s.length);
    break;
  }
  for (const c of CONNECTORS) if (head.endsWith(c)) {
    head = head.slice(0, head.length - c.length);
    break;
  }
  if (!head) return 'other';
  const match = matchLabel(head);
  if (!match || match.how !== 'exact' || match.ids.length !== 1 || match.unitRaw || match.notes) return 'other';
  const def = mustIndicator(match.ids[0]);
  if ((def.type !== 'number' && def.type !== 'percent') || !UNITS.has(def.unit)) return 'other';
  const unit = m[2];
  // the figure carries its unit (a unitless indicator such as 容积率 has none)
  const fits = def.type === 'percent' ? unit === '%' : def.unit ? !!unit && parseUnit(unit)?.dimension === parseUnit(def.unit)?.dimension : unit === '';
  if (!fits) return 'other';
  if (blocked(unit)) return 'other';
  return { id: def.id, label: head, figure };
}

/** The figures a sentence declares, or none when any of its clauses says something else. */
export function sentenceFigures(sentence: string): Figure[] {
  const clauses = sentence
    .split(/[，,；;]/)
    .map((c) => c.replace(/\s+/g, ''))
    .filter(Boolean);
  const out: Figure[] = [];
  for (const clause of clauses) {
    if (JUDGEMENT.some((re) => re.test(clause))) continue;
    const v = valueClause(clause);
    if (v === 'other') return [];
    if (v === null) {
      if (blocked(clause)) return [];
      continue;
    }
    out.push(v);
  }
  // one indicator twice in a sentence is not one figure
  if (new Set(out.map((f) => f.id)).size !== out.length) return [];
  return out;
}

/** Reads the figures of the sentences in cells no table or pair has claimed (project scope only). */
export function readProse(s: Sheet, env: Env): void {
  const name = s.g.name;
  // a sheet of one building, parcel or zone, or of the planning conditions: not the project's prose
  if (buildingIn(name, env) || parcelIn(name) || zoneIn(name) || isRequirementTitle(name)) return;
  for (const line of s.g.rows) {
    if (!line) continue;
    for (const c of line) {
      if (!c || c.kind !== 'string' || s.claimed.has(key(c.r, c.c))) continue;
      const text = c.str!;
      if (text.length > MAX_TEXT || !/[0-9]/.test(text) || !/[，,；;。]/.test(text)) continue;
      readCellProse(s, env, c, text);
    }
  }
}

function readCellProse(s: Sheet, env: Env, c: GCell, text: string): void {
  const body = text.normalize('NFKC').replace(NUMBERING, '');
  if (buildingTokens(body).length) return;
  let used = false;
  for (const sentence of body.split(/[。\n]/)) {
    for (const f of sentenceFigures(sentence)) {
      const def = mustIndicator(f.id);
      const cell: GCell = { r: c.r, c: c.c, addr: c.addr, kind: 'string', str: f.figure, raw: f.figure };
      const r = readCell(cell, def);
      if (r.status !== 'ok' || r.remark || r.requirement || r.bound) continue;
      const source = src(s, c);
      env.out.value({
        kind: 'value',
        scope: {},
        block: `${s.g.name}#P${c.r}`,
        rank: 1,
        prose: true,
        iv: {
          indicator: def.id,
          value: r.value,
          raw: f.figure,
          source,
          label: f.label,
          labelSource: source,
          interpretation: `设计说明文字“${fold(f.label) === fold(def.name) ? def.name : f.label}${f.figure}”：${r.interpretation}（取自句子，表格中另有不同数值时需复核）`,
          status: 'ok',
          ...(r.unitRaw ? { unitRaw: r.unitRaw } : {}),
        },
      });
      used = true;
    }
  }
  if (used) markUsed(s, c);
}

