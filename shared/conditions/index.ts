// Condition files: load/validate (docs/formats.md §2), clause text → conditions (docs/formats.md §5).
export { parseConditions, loadConditions, validateConditions, describeRule } from './load';
export { conditionsFromText, type UnparsedSentence } from './fromText';
export { canonicalJson } from '../canonical';
export { CONDITIONS_FORMAT, ConditionsDocSchema } from './schema';
