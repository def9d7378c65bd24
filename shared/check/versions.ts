// Versions of the engine and of every rule-data file: part of each result and of the report
// fingerprint, so a report can be tied to the exact rules that produced it.
import { createHash } from 'node:crypto';
import catalogue from '../data/indicators.json';
import { RULE_VERSIONS } from '../calc/index';
import pkg from '../../package.json';

export const ENGINE = { name: 'LandCheck', version: pkg.version };

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
}

let cached: Record<string, string> | null = null;

export function ruleVersions(): Record<string, string> {
  cached ??= {
    engine: ENGINE.version,
    indicators: digest(catalogue),
    ...RULE_VERSIONS,
  };
  return cached;
}
