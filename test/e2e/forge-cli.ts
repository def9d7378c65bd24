// A forger's edit for the end-to-end tests, run in its own process (tsx): the cover's 不符合 made
// to read 符合. Usage: node --import tsx test/e2e/forge-cli.ts <in.pdf> <out.pdf>
import { readFileSync, writeFileSync } from 'node:fs';
import { dropGlyphRun } from '../report/forge';

const [input, output] = process.argv.slice(2);
writeFileSync(output!, dropGlyphRun(readFileSync(input!), 0, '不', '符合'));
