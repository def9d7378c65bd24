// Calculators: recompute an indicator from the sheet's own underlying data.
import beijing from '../data/rainfall/beijing.json';
import shanghai from '../data/rainfall/shanghai.json';
import tianjin from '../data/rainfall/tianjin.json';
import ratios from '../data/ratios.json';
import gbt50378 from '../data/standards/gbt50378-2019.json';
import gbt51129 from '../data/standards/gbt51129-2017.json';
import coefficients from '../data/standards/runoff-coefficients.json';
import type { Calculation } from '../model/types';
import { computeAssembly } from './assembly';
import type { CalcContext } from './context';
import { computeGreenStar } from './greenStar';
import { computeRatio, RATIO_IDS } from './ratio';
import { computeRenewable } from './renewable';
import { computeRunoff } from './runoff';
import { dataFingerprint } from './sha256';

export type { CalcContext, CalcOptions, GreenStarRuleSet } from './context';
export type { RainfallPoint, RainfallTable } from './rainfall';
export { alphaForDepth, depthForAlpha, rainfallTableFor } from './rainfall';
export { GREEN_STAR_RULE_SETS } from './greenStar';

const CALCULATORS: Record<string, (ctx: CalcContext) => Calculation | null> = {
  green_building_star: computeGreenStar,
  assembly_ratio: computeAssembly,
  runoff_capture: computeRunoff,
  renewable_substitution: computeRenewable,
  ...Object.fromEntries(RATIO_IDS.map((id) => [id, (ctx: CalcContext) => computeRatio(id, ctx)])),
};

/** Indicator ids that have a calculator. */
export const COMPUTABLE_INDICATORS: readonly string[] = Object.keys(CALCULATORS);

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
  renewable: 'working-definition-1',
};
