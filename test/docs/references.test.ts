// Every document a source file, data file or doc cites is in the repository: no path outside it
// (`../shared/domain/…`, `/work/…`), no bare note name (`runoff.md §3`) that a clone cannot
// resolve, and every `docs/…` file cited exists. Fails as soon as such a reference appears.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'test-results', '.git', '.tmp', 'playwright-report']);
const EXT = /\.(ts|tsx|mjs|cjs|js|json|sql|md|yml|yaml|css|html)$/;
const SELF = relative(ROOT, import.meta.filename ?? '');

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') && e.name !== '.ci') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out);
    } else if (EXT.test(e.name) && e.name !== 'package-lock.json') out.push(relative(ROOT, p));
  }
  return out;
}

/** Paths that leave the repository, wherever they appear. */
const OUTSIDE = [/(?<![\w.])\/work\//, /\.\.\/shared\/(spec|domain|policy)\b/, /(^|[^\w/.-])shared\/(spec|domain|policy)\//];
/** A file name ending in .md, with the directory written before it (if any). */
const MD_REF = /(?:^|[^\w/.-])((?:[\w.-]+\/)*)([\w-]+\.md)\b/g;

/** Problems of one file's text: references that leave the repository or name no file in it. */
export function referenceProblems(file: string, text: string, exists: (p: string) => boolean): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    for (const re of OUTSIDE) if (re.test(line)) problems.push(`${at}: points outside the repository: ${line.trim().slice(0, 120)}`);
    for (const m of line.matchAll(MD_REF)) {
      const [dir, name] = [m[1] ?? '', m[2]!];
      // part of a URL, or a file of a public repository cited as a source ("GitHub owner/name, X.md")
      if (/:\/\/\S*$/.test(line.slice(0, m.index)) || /\bGitHub [\w.-]+\/[\w.-]+/.test(line)) continue;
      const ref = dir + name;
      if (file.startsWith('docs/') && !ref.startsWith('docs/')) {
        // docs link to each other relative to their own folder
        if (!exists(join(dirname(file), ref)) && !exists(ref)) problems.push(`${at}: no such document ${ref}`);
      } else if (ref.startsWith('docs/')) {
        if (!exists(ref)) problems.push(`${at}: no such document ${ref}`);
      } else if (name !== 'README.md' || dir !== '') {
        if (!(name === 'README.md' && exists(join(dirname(file), ref))) && !exists(ref)) problems.push(`${at}: cite documents as docs/…: ${ref}`);
      }
    }
  });
  return problems;
}

describe('references to documents stay inside the repository', () => {
  it('flags a path outside the repository and a bare note name', () => {
    const none = () => false;
    expect(referenceProblems('shared/calc/x.ts', '// 容积法 (../shared/domain/runoff.md §3)', none)).toHaveLength(2);
    expect(referenceProblems('shared/data/x.json', '"source": "runoff.md §3.2"', none)).toHaveLength(1);
    expect(referenceProblems('shared/calc/x.ts', '// see /work/shared/spec/formats.md', none).length).toBeGreaterThan(0);
    expect(referenceProblems('shared/calc/x.ts', '// docs/domain/runoff.md §3', (p) => p === 'docs/domain/runoff.md')).toEqual([]);
    expect(referenceProblems('shared/calc/x.ts', '// docs/domain/missing.md', none)).toHaveLength(1);
    // code paths and public sources are not documents of ours
    expect(referenceProblems('shared/calc/x.ts', "import { runTask } from '../shared/work/pool'; // shared/work/worker.ts", none)).toEqual([]);
    expect(referenceProblems('docs/domain/x.md', '- [R8] GitHub someone/site, `_posts/2019-a.md`', none)).toEqual([]);
  });

  it('no file of the repository cites a document outside it or one that does not exist', () => {
    const files = walk(ROOT).filter((f) => f !== SELF);
    expect(files.length).toBeGreaterThan(200);
    const exists = (p: string) => existsSync(join(ROOT, p));
    const problems = files.flatMap((f) => referenceProblems(f, readFileSync(join(ROOT, f), 'utf8'), exists));
    expect(problems).toEqual([]);
  });
});
