// Builds CalcContexts by hand for the calculator tests.
import type { ImportedSurface, ImportedValue } from '../../shared/model/types';
import type { CalcContext, CalcOptions } from '../../shared/calc/index';

type Spec = number | boolean | string | null | Partial<ImportedValue>;

/** `{ gb_score_safety: 60, full_fitout: true, asm_kitchen: { value: null, raw: '/', status: 'placeholder' } }` */
export function values(specs: Record<string, Spec>, sheet = '指标'): Record<string, ImportedValue> {
  const out: Record<string, ImportedValue> = {};
  let row = 2;
  for (const [id, spec] of Object.entries(specs)) {
    const base: ImportedValue = {
      indicator: id,
      value: null,
      raw: '',
      source: `${sheet}!C${row++}`,
      label: id,
      interpretation: '',
      status: 'ok',
    };
    if (spec !== null && typeof spec === 'object') {
      out[id] = { ...base, raw: String(spec.value ?? spec.raw ?? ''), ...spec };
    } else {
      out[id] = { ...base, value: spec, raw: spec === null ? '' : String(spec), status: spec === null ? 'placeholder' : 'ok' };
    }
  }
  return out;
}

export function ctx(
  specs: Record<string, Spec>,
  extra: { surfaces?: ImportedSurface[]; city?: string; options?: CalcOptions; sheet?: string; companion?: Record<string, number> } = {},
): CalcContext {
  return {
    values: values(specs, extra.sheet),
    surfaces: extra.surfaces ?? [],
    city: extra.city,
    scopeLabel: '项目',
    options: extra.options,
    ...(extra.companion ? { companion: extra.companion } : {}),
  };
}

export const placeholder = (raw = '/'): Partial<ImportedValue> => ({ value: null, raw, status: 'placeholder' });
