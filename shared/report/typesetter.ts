// Faster equivalents of two hot paths of the typesetting libraries (pdfmake 0.3 and its pdfkit),
// installed once per process before the first report is laid out. pdfmake sets every character of
// Chinese text as a separate inline (each ideograph is a line-break opportunity), so a 12-page
// report has tens of thousands of inlines, and for each of them:
// - StyleContextStack.getStyleProperty is asked for ~20 style properties; each answer pushes the
//   inline onto the style stack through a new closure, walks the stack and pops it again;
// - pdfkit writes ~10 content operators, each converted to its own small Buffer.
// - every SVG (seal, chart) is parsed twice as XML only to read and rewrite its width and height.
// The replacements give the same answers and the same bytes (test/report/typesetter.test.ts
// renders reports with and without them and compares the files), without the closures and
// without one Buffer per operator. Everything else in the libraries is untouched.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- pdfmake: style lookups

type Style = Record<string, unknown> & { extends?: string | string[] };
/** A string object (`new String(…)`): pdfmake writes some style names that way. */
type BoxedString = object & { valueOf(): string };
type StyleItem = string | BoxedString | Record<string, unknown>;

interface StyleStack {
  styleDictionary: Record<string, Style | undefined>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: StyleItem[];
  getProperty: (this: StyleStack, property: string) => unknown;
  push: (this: StyleStack, item: StyleItem) => void;
  pop: (this: StyleStack, howMany?: number) => void;
  /** Answers of getProperty since the stack last changed (our addition). */
  landcheckAnswers?: Map<string, unknown> | null;
}

interface StyleStackClass {
  prototype: StyleStack;
  getStyleProperty: (item: StyleItem, stack: StyleStack | null | undefined, property: string, defaultValue: unknown) => unknown;
}

const isValue = (v: unknown) => v !== undefined && v !== null;
const isString = (v: unknown): v is string | BoxedString => typeof v === 'string' || v instanceof String;

/** A property of a named style, following `extends` (as pdfmake's getStylePropertyFromStyle). */
function fromStyle(dict: StyleStack['styleDictionary'], name: string | BoxedString, property: string, visited: Set<string | BoxedString> | null): unknown {
  if (visited?.has(name)) return undefined;
  const style = dict[name as string];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const seen = visited ?? new Set<string | BoxedString>();
    seen.add(name);
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = fromStyle(dict, parents[i], property, seen);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

/** One entry of the stack: a style name or a style-overrides object. */
function fromEntry(dict: StyleStack['styleDictionary'], item: StyleItem, property: string): unknown {
  if (isString(item)) return fromStyle(dict, item, property, null);
  return (item as Record<string, unknown>)[property];
}

/**
 * The stack's answer for one property. The answers are kept until the stack changes (push, pop):
 * pdfmake asks the same ~20 questions for every character of a text with the same stack. (The
 * entries themselves are not changed while they are on the stack, except that pdfmake writes back
 * the answer it just got, as a node's `font` or a cell's `fillColor`.)
 */
function getProperty(this: StyleStack, property: string): unknown {
  let answers = this.landcheckAnswers;
  if (answers) {
    const hit = answers.get(property);
    if (hit !== undefined || answers.has(property)) return hit;
  } else answers = this.landcheckAnswers = new Map();
  const value = lookUp(this, property);
  answers.set(property, value);
  return value;
}

function lookUp(stack: StyleStack, property: string): unknown {
  const overrides = stack.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const value = fromEntry(stack.styleDictionary, overrides[i], property);
      if (isValue(value)) return value;
    }
  }
  return stack.defaultStyle && stack.defaultStyle[property];
}

/**
 * pdfmake: `stack.auto(item, () => value = stack.getProperty(property))`, i.e. the item's own
 * value, else its named styles (last first), else the stack — without pushing anything.
 */
function getStyleProperty(item: StyleItem, stack: StyleStack | null | undefined, property: string, defaultValue: unknown): unknown {
  const own = (item as Record<string, unknown>)[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  let value: unknown;
  const obj = item as Record<string, unknown>;
  if (!isString(item) && typeof obj.section === 'undefined' && obj.style) {
    const names = (Array.isArray(obj.style) ? obj.style : [obj.style]) as StyleItem[];
    for (let i = names.length - 1; i >= 0 && !isValue(value); i--) value = fromEntry(stack.styleDictionary, names[i], property);
  }
  if (!isValue(value)) value = stack.getProperty(property);
  return isValue(value) ? value : defaultValue;
}

// ---------------------------------------------------------------- pdfkit: content writing

interface PdfRef {
  write: (this: PdfRef, chunk: unknown) => unknown;
  finalize: (this: PdfRef) => unknown;
  /** Text written since the last flush (our addition). */
  landcheckText?: string[];
}

/** Text operators are collected and become one Buffer when a Buffer follows or the object is closed. */
function flush(ref: PdfRef, write: PdfRef['write']): void {
  const text = ref.landcheckText;
  if (!text) return;
  ref.landcheckText = undefined;
  // pdfkit's write adds the newline after the last operator itself
  write.call(ref, text.join('\n'));
}

// ---------------------------------------------------------------- pdfmake: SVG dimensions

interface SvgMeasure {
  measureSVG: (this: SvgMeasure, svg: unknown) => { width?: number; height?: number };
  writeDimensions: (this: SvgMeasure, svg: unknown, dims: { width: number; height: number }) => unknown;
}

/** Answers of the two SVG functions for string SVGs: pure functions of their arguments. */
const SVG_MEMO_ENTRIES = 64;
/** Larger SVGs are not kept (bounded memory); ours (seal, chart) are a few tens of KB. */
const SVG_MEMO_MAX_CHARS = 256 * 1024;
const svgSizes = new Map<string, { width?: number; height?: number }>();
const svgResized = new Map<string, string>();

function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= SVG_MEMO_ENTRIES) memo.delete(memo.keys().next().value as string);
  memo.set(key, value);
  return value;
}

// ---------------------------------------------------------------- installing

interface Originals {
  getStyleProperty: StyleStackClass['getStyleProperty'];
  getProperty: StyleStack['getProperty'];
  push: StyleStack['push'];
  pop: StyleStack['pop'];
  write: PdfRef['write'];
  finalize: PdfRef['finalize'];
  measureSVG: SvgMeasure['measureSVG'];
  writeDimensions: SvgMeasure['writeDimensions'];
}

let originals: Originals | null = null;

function targets(): { stack: StyleStackClass; ref: PdfRef; svg: SvgMeasure } {
  const stack = (require('pdfmake/js/StyleContextStack.js') as { default: StyleStackClass }).default;
  const svg = (require('pdfmake/js/SVGMeasure.js') as { default: { prototype: SvgMeasure } }).default.prototype;
  // pdfkit's PDFReference is not exported: reach its prototype through an object of a document
  const PDFKit = createRequire(require.resolve('pdfmake'))('pdfkit') as new (o: object) => { ref(): PdfRef };
  const ref = Object.getPrototypeOf(new PDFKit({ autoFirstPage: false }).ref()) as PdfRef;
  return { stack, ref, svg };
}

/** Installs the faster paths (idempotent). */
export function installTypesetterSpeedups(): void {
  if (originals) return;
  const { stack, ref, svg } = targets();
  const p = stack.prototype;
  originals = {
    getStyleProperty: stack.getStyleProperty,
    getProperty: p.getProperty,
    push: p.push,
    pop: p.pop,
    write: ref.write,
    finalize: ref.finalize,
    measureSVG: svg.measureSVG,
    writeDimensions: svg.writeDimensions,
  };
  const { push, pop, write, finalize, measureSVG, writeDimensions } = originals;
  stack.getStyleProperty = getStyleProperty;
  p.getProperty = getProperty;
  p.push = function (this: StyleStack, item: StyleItem) {
    this.landcheckAnswers = null;
    return push.call(this, item);
  };
  p.pop = function (this: StyleStack, howMany?: number) {
    this.landcheckAnswers = null;
    return pop.call(this, howMany);
  };
  ref.write = function (this: PdfRef, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flush(this, write);
      return write.call(this, chunk);
    }
    // as pdfkit: `chunk + '\n'`, written as latin1 ('binary')
    (this.landcheckText ??= []).push((chunk as string) + '');
    return undefined;
  };
  ref.finalize = function (this: PdfRef) {
    flush(this, write);
    return finalize.call(this);
  };
  svg.measureSVG = function (this: SvgMeasure, src: unknown) {
    if (typeof src !== 'string' || src.length > SVG_MEMO_MAX_CHARS) return measureSVG.call(this, src);
    const hit = svgSizes.get(src);
    return { ...(hit ?? remember(svgSizes, src, measureSVG.call(this, src))) };
  };
  svg.writeDimensions = function (this: SvgMeasure, src: unknown, dims: { width: number; height: number }) {
    if (typeof src !== 'string' || src.length > SVG_MEMO_MAX_CHARS) return writeDimensions.call(this, src, dims);
    const key = `${dims.width} ${dims.height} ${src}`;
    return svgResized.get(key) ?? remember(svgResized, key, writeDimensions.call(this, src, dims) as string);
  };
}

/** Puts the libraries' own code back (tests compare the output of both). */
export function uninstallTypesetterSpeedups(): void {
  if (!originals) return;
  const { stack, ref, svg } = targets();
  stack.getStyleProperty = originals.getStyleProperty;
  stack.prototype.getProperty = originals.getProperty;
  stack.prototype.push = originals.push;
  stack.prototype.pop = originals.pop;
  ref.write = originals.write;
  ref.finalize = originals.finalize;
  svg.measureSVG = originals.measureSVG;
  svg.writeDimensions = originals.writeDimensions;
  originals = null;
}
