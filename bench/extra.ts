// Further benchmarks registered by other parts (the report adds its own here).
import type { ConditionsDoc } from '../shared/model/types';

export interface BenchContext {
  dir: string;
  conditions: ConditionsDoc;
  buildSheet: (n: number) => Promise<Buffer>;
  time: (fn: () => Promise<unknown>, runs: number) => Promise<number>;
}

export async function extraBenches(_ctx: BenchContext): Promise<void> {}
