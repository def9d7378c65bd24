// V8 gives objects a hidden class (shape) as their fields are added, and the optimised code of the
// importer and the engine checks for those shapes. When no object of a shape is alive, a garbage
// collection may drop the shape; the next workbook's objects then get new ones and that code is
// thrown away and compiled again (measured: about a third of the CPU of importing and checking a
// 500-building sheet right after a collection). A small sample of the last workbook's values and
// findings is therefore kept until the next one replaces it: a bounded number of objects (never
// the workbook, its cells or its grids), whatever the size of the sheet.

/** Objects kept per list (buildings, findings, …): enough to hold every shape they come in. */
export const SHAPE_SAMPLE = 64;

const kept = new Map<string, unknown>();

/** Keeps (replacing what `slot` kept before) at most SHAPE_SAMPLE items of each list, and `whole`. */
export function keepShapes(slot: string, lists: ReadonlyArray<readonly unknown[] | undefined>, whole?: unknown): void {
  kept.set(slot, { lists: lists.map((l) => (l ? l.slice(0, SHAPE_SAMPLE) : [])), whole });
}
