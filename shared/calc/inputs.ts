// Reading calculator inputs from ImportedValues, and assembling a Calculation.
import { indicator, indicatorName } from '../model/indicators';
import type { CalcInput, Calculation, ImportedValue } from '../model/types';
import type { CalcContext } from './context';
import { keepShapes } from '../model/shapes';
import notations from '../data/import-notations.json';

/** Placeholders that say a figure is not yet determined (import-notations.json placeholders.pending). */
const PENDING: ReadonlySet<string> = new Set(notations.placeholders.pending);

export type Got<T> =
  | { kind: 'ok'; value: T; iv: ImportedValue }
  | { kind: 'absent' }
  | { kind: 'placeholder'; iv: ImportedValue }
  | { kind: 'unusable'; iv: ImportedValue; reason: string };

function cellOf(iv: ImportedValue): string {
  return `${iv.label ? `“${iv.label}”` : indicatorName(iv.indicator)}（${iv.source}）`;
}

function unusable<T>(iv: ImportedValue, what: string): Got<T> {
  return { kind: 'unusable', iv, reason: `${cellOf(iv)}的值“${iv.raw}”${what}` };
}

function pick(values: Record<string, ImportedValue>, id: string): ImportedValue | undefined {
  return Object.prototype.hasOwnProperty.call(values, id) ? values[id] : undefined;
}

/** A number input; only status 'ok' values count. */
export function getNumber(values: Record<string, ImportedValue>, id: string): Got<number> {
  const iv = pick(values, id);
  if (!iv) return { kind: 'absent' };
  if (iv.status === 'placeholder') return { kind: 'placeholder', iv };
  if (iv.status === 'ambiguous') return unusable(iv, '含义不确定（如百分数未标注 %），未采用');
  if (iv.status === 'invalid') return unusable(iv, '无法识别为有效数值，未采用');
  if (iv.value === null) return { kind: 'placeholder', iv };
  if (typeof iv.value !== 'number' || !Number.isFinite(iv.value)) return unusable(iv, '不是数值，未采用');
  if (iv.value < 0) return unusable(iv, '为负数，未采用');
  return { kind: 'ok', value: iv.value, iv };
}

const YES = /^(是|有|采用|满足|全部满足|均满足|已满足|符合|达标|√|✓|y|yes|true)$/i;
const NO = /^(否|无|不采用|未采用|不满足|未满足|不符合|不达标|×|✗|n|no|false)$/i;

export function getBoolean(values: Record<string, ImportedValue>, id: string): Got<boolean> {
  const iv = pick(values, id);
  if (!iv) return { kind: 'absent' };
  if (iv.status === 'placeholder') return { kind: 'placeholder', iv };
  if (iv.status === 'ambiguous') return unusable(iv, '含义不确定，未采用');
  if (iv.status === 'invalid') return unusable(iv, '无法识别为“是/否”，未采用');
  if (iv.value === null) return { kind: 'placeholder', iv };
  if (typeof iv.value === 'boolean') return { kind: 'ok', value: iv.value, iv };
  if (typeof iv.value === 'string') {
    const t = iv.value.trim();
    if (YES.test(t)) return { kind: 'ok', value: true, iv };
    if (NO.test(t)) return { kind: 'ok', value: false, iv };
  }
  return unusable(iv, '无法识别为“是/否”，未采用');
}

export function getText(values: Record<string, ImportedValue>, id: string): Got<string> {
  const iv = pick(values, id);
  if (!iv) return { kind: 'absent' };
  if (iv.status === 'placeholder' || iv.value === null) return { kind: 'placeholder', iv };
  if (iv.status !== 'ok') return unusable(iv, '无法识别，未采用');
  return { kind: 'ok', value: String(iv.value).trim(), iv };
}

/** Number formatting for steps: at most `digits` decimals, no trailing zeros. */
export function fmt(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const r = Math.round(n * 10 ** digits) / 10 ** digits;
  return String(Object.is(r, -0) ? 0 : r);
}

export function round(n: number, digits: number): number {
  return Math.round(n * 10 ** digits + Number.EPSILON * 10 ** digits) / 10 ** digits;
}

export type DataStatus = 'CONFIRMED' | 'PARTIAL' | 'UNCONFIRMED';

/** Collects inputs, steps and notes while a calculator runs. */
export class CalcBuilder {
  readonly inputs: CalcInput[] = [];
  readonly steps: string[] = [];
  readonly notes: string[] = [];
  unconfirmed = false;
  upper = false;
  readonly contradictions: NonNullable<Calculation['contradictions']> = [];
  readonly undetermined: NonNullable<Calculation['undetermined']> = [];
  /** Set when the method is not the one the contract's jurisdiction prescribes (Chinese reason). */
  methodMismatch: string | undefined;
  private readonly seen = new Set<string>();

  constructor(
    readonly method: string,
    readonly indicatorId: string,
    readonly ctx: CalcContext,
  ) {}

  /** Records an input used (once per indicator/source). */
  use(iv: ImportedValue, label?: string, value?: CalcInput['value']): void {
    const key = `${iv.indicator}@${iv.source}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const unit = indicator(iv.indicator)?.unit;
    this.inputs.push({
      label: label ?? indicatorName(iv.indicator),
      value: value !== undefined ? value : iv.value,
      ...(unit ? { unit } : {}),
      source: iv.source,
    });
  }

  /** Records an input that did not come from a single ImportedValue (e.g. a surface row). */
  useRaw(input: CalcInput): void {
    const key = `${input.label}@${input.source ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.inputs.push(input);
  }

  step(s: string): void {
    this.steps.push(s);
  }

  note(s: string): void {
    if (!this.notes.includes(s)) this.notes.push(s);
  }

  /** Puts the main reason first (the check engine quotes notes[0] when the data contradict a declared value). */
  leadNote(s: string): void {
    const i = this.notes.indexOf(s);
    if (i >= 0) this.notes.splice(i, 1);
    this.notes.unshift(s);
  }

  /**
   * A total or intermediate result stated in the sheet that disagrees with the recomputation from
   * its parts: recorded (the engine answers 需复核, docs/evidence-policy.md) and noted.
   */
  contradict(label: string, stated: number, computed: number, source: string | undefined, digits = 2, against = '按其组成数据复算的'): void {
    this.contradictions.push({ label, stated, computed, ...(source ? { source } : {}) });
    this.note(`表格所填${label} ${fmt(stated, digits)}${source ? `（${source}）` : ''}与${against} ${fmt(computed, digits)} 不一致`);
  }

  /** Marks the result 'unconfirmed' when a rule or number used is not CONFIRMED. */
  status(s: string | undefined): void {
    if (s !== 'CONFIRMED') this.unconfirmed = true;
  }

  /**
   * Notes an unusable/placeholder input; returns true if it was such. Both are also recorded as
   * `undetermined`: the sheet states something here that the recomputation could not use. A
   * placeholder counts as unreadable when it says the figure is still to come (待定), or when the
   * input always applies (`required`), so that a dash cannot mean "not applicable".
   */
  noteBad(got: Got<unknown>, what?: string, required = false): boolean {
    if (got.kind === 'unusable') {
      this.note(got.reason);
      this.undetermine('unreadable', got.iv.source, got.reason);
      return true;
    }
    if (got.kind === 'placeholder') {
      const reason = `${cellOf(got.iv)}未填写数值（“${got.iv.raw}”）${what ? `，${what}` : ''}`;
      this.note(reason);
      // 待定 / 未计算: a figure not yet determined, not one that does not apply (/, —); an input
      // that always applies (`required`: a GB/T 50378 category score) is undetermined whatever fills it
      this.undetermine(required || PENDING.has(got.iv.raw.trim()) ? 'unreadable' : 'placeholder', got.iv.source, reason);
      return true;
    }
    return false;
  }

  /**
   * An input the sheet states but the recomputation cannot use for a reason of its own (a total not
   * said to be annual, a total without the area it is per): noted and recorded as `undetermined`.
   */
  unsure(iv: ImportedValue, reason: string): void {
    this.note(reason);
    this.undetermine('unreadable', iv.source, reason);
  }

  /** Records a stated input the recomputation depends on but could not read (not only noted). */
  undetermine(kind: 'unreadable' | 'placeholder', source: string, reason: string): void {
    if (!this.undetermined.some((u) => u.source === source && u.kind === kind)) this.undetermined.push({ kind, source, reason });
  }

  build(
    value: number | boolean | null,
    clause: string,
    formula: string,
    details?: Record<string, unknown>,
    supportsDeclared?: boolean,
  ): Calculation {
    const c: Calculation = {
      method: this.method,
      indicator: this.indicatorId,
      value,
      clause,
      formula,
      inputs: this.inputs,
      steps: this.steps,
      confidence: this.unconfirmed ? 'unconfirmed' : 'confirmed',
      notes: this.notes,
    };
    if (details) c.details = details;
    if (this.upper && value !== null) c.bound = 'upper';
    if (supportsDeclared !== undefined) c.supportsDeclared = supportsDeclared;
    if (this.contradictions.length) c.contradictions = this.contradictions;
    if (this.undetermined.length) c.undetermined = this.undetermined;
    if (this.methodMismatch) c.methodMismatch = this.methodMismatch;
    return c;
  }
}

export { cellOf };

// one instance for the life of the process keeps the class's shape (model/shapes.ts)
keepShapes('CalcBuilder', [], new CalcBuilder('', '', {} as CalcContext));
