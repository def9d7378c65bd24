// Calculators: recompute an indicator from the sheet's own underlying data.
import beijing from '../data/rainfall/beijing.json';
import shanghai from '../data/rainfall/shanghai.json';
import tianjin from '../data/rainfall/tianjin.json';
import ratios from '../data/ratios.json';
import gbt50378 from '../data/standards/gbt50378-2019.json';
import gbt51129 from '../data/standards/gbt51129-2017.json';
import prefabVolume from '../data/prefab-volume.json';
import coefficients from '../data/standards/runoff-coefficients.json';
import prescribedMethods from '../data/prescribed-methods.json';
import type { Calculation } from '../model/types';
import { ASSEMBLY_INPUTS, computeAssembly } from './assembly';
import type { CalcContext } from './context';
import { computeGreenStar, GREEN_STAR_INPUTS } from './greenStar';
import { computePrefab, PREFAB_INPUTS } from './prefab';
import { computeRatio, RATIO_IDS, RATIO_INPUTS } from './ratio';
import { computeRenewable, RENEWABLE_INPUTS } from './renewable';
import { computeRunoff, RUNOFF_INPUTS } from './runoff';
import { dataFingerprint } from './sha256';
import { computeUltraLow, ULTRA_LOW_INPUTS } from './ultraLow';

export type { CalcContext, CalcOptions, GreenStarRuleSet } from './context';
export type { RainfallPoint, RainfallTable } from './rainfall';
export { alphaForDepth, depthForAlpha, rainfallTableFor } from './rainfall';
export { GREEN_STAR_RULE_SETS } from './greenStar';
export { methodMismatch, prescribedMethod } from './methods';

const CALCULATORS: Record<string, (ctx: CalcContext) => Calculation | null> = {
  green_building_star: computeGreenStar,
  assembly_ratio: computeAssembly,
  prefab_ratio: computePrefab,
  runoff_capture: computeRunoff,
  renewable_substitution: computeRenewable,
  ultra_low_energy_ratio: computeUltraLow,
  ...Object.fromEntries(RATIO_IDS.map((id) => [id, (ctx: CalcContext) => computeRatio(id, ctx)])),
};

/** Indicator ids that have a calculator. */
export const COMPUTABLE_INDICATORS: readonly string[] = Object.keys(CALCULATORS);

/**
 * For each computable indicator, the indicator ids its calculator reads. A table that holds any of
 * them and could not be read leaves the indicator's evidence open (docs/evidence-policy.md).
 */
export const CALCULATOR_INPUTS: Readonly<Record<string, readonly string[]>> = {
  green_building_star: GREEN_STAR_INPUTS,
  assembly_ratio: ASSEMBLY_INPUTS,
  prefab_ratio: PREFAB_INPUTS,
  runoff_capture: RUNOFF_INPUTS,
  renewable_substitution: RENEWABLE_INPUTS,
  ultra_low_energy_ratio: ULTRA_LOW_INPUTS,
  ...RATIO_INPUTS,
};

/**
 * Recompute `indicator` from the underlying data, or null when the sheet lacks the inputs
 * (nothing to recompute — not an error). Never throws on odd data: returns a Calculation with
 * value null and notes.
 */
export function recompute(indicator: string, ctx: CalcContext): Calculation | null {
  const calc = CALCULATORS[indicator];
  if (!calc) return null;
  try {
    return calc(ctx);
  } catch (e) {
    // A calculator bug must not abort a whole check: report it as a note.
    return {
      method: indicator,
      indicator,
      value: null,
      clause: '',
      formula: '',
      inputs: [],
      steps: [],
      confidence: 'unconfirmed',
      notes: [`复算时出现内部错误，未能复算（${e instanceof Error ? e.message : String(e)}）`],
    };
  }
}

/** Versions of every rule-data file used; these go into the report fingerprint. */
export const RULE_VERSIONS: Record<string, string> = {
  gbt50378: `${gbt50378.version}+${dataFingerprint(gbt50378)}`,
  gbt51129: `${gbt51129.version}+${dataFingerprint(gbt51129)}`,
  runoffCoefficients: dataFingerprint(coefficients),
  rainfall: dataFingerprint([beijing, shanghai, tianjin]),
  ratios: dataFingerprint(ratios),
  renewable: 'working-definition-2',
  ultraLow: 'working-definition-1',
  prefabVolume: `${prefabVolume.version}+${dataFingerprint(prefabVolume)}`,
  prescribedMethods: `${prescribedMethods.version}+${dataFingerprint(prescribedMethods)}`,
};
