// Condition files: load/validate (docs/formats.md §2), clause text → conditions (docs/formats.md §5).
export { parseConditions, loadConditions, validateConditions, describeRule } from './load';
export { conditionsFromText, type UnparsedSentence, type SentenceReading, type PartRole, type PartDetail, type RefusalCode } from './fromText';
export { PROJECT_FACTS, factPhrase, type ProjectFact } from './facts';
export { canonicalJson } from '../canonical';
export { CONDITIONS_FORMAT, ConditionsDocSchema } from './schema';
