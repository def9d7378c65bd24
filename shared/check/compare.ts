// Comparison of a value against a leaf rule, and the Chinese wording of requirements.
import type { Op } from '../model/types';
import { formatValue } from '../model/indicators';

const EPS = 1e-9;

/** Whether `actual op required` holds (numbers compared with a tiny epsilon for float noise). */
export function holds(actual: number | boolean, op: Op, required: number | boolean): boolean {
  if (typeof actual === 'boolean' || typeof required === 'boolean') {
    return op === '==' && actual === required;
  }
  switch (op) {
    case '>=':
      return actual >= required - EPS;
    case '>':
      return actual > required + EPS;
    case '<=':
      return actual <= required + EPS;
    case '<':
      return actual < required - EPS;
    case '==':
      return Math.abs(actual - required) <= EPS;
  }
}

const OP_WORDS: Record<Op, string> = {
  '>=': '不低于',
  '>': '高于',
  '<=': '不高于',
  '<': '低于',
  '==': '为',
};

/** "不低于二星级", "不低于60%", "为是". */
export function requirementWords(indicator: string, op: Op, value: number | boolean): string {
  return `${OP_WORDS[op]}${formatValue(indicator, value)}`;
}

/** Why a value misses the requirement: "低于", "高于", "不符合". */
export function missWord(op: Op): string {
  if (op === '>=' || op === '>') return '低于';
  if (op === '<=' || op === '<') return '高于';
  return '不符合';
}

/** A declared and a recomputed value agree within the tolerance (an upper bound: the declared is not above it). */
export function valuesAgree(declared: number | boolean, computed: number | boolean, tolerance: number, upperBound: boolean): boolean {
  if (typeof declared === 'boolean' || typeof computed === 'boolean') return declared === computed;
  if (upperBound) return declared <= computed + tolerance + 1e-9;
  return Math.abs(declared - computed) <= tolerance + 1e-9;
}
