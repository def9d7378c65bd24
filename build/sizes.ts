// Size bars of issue 12: lists source files over 500 lines and React function components whose
// body is over 200 lines. Prints one line per offender and exits 1 when there is any.
// Usage: tsx build/sizes.ts [dir ...]   (default: electron renderer shared cli build seeds bench test)
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const FILE_LINES = 500;
const COMPONENT_LINES = 200;
const roots = process.argv.slice(2).length ? process.argv.slice(2) : ["electron", "renderer", "shared", "cli", "build", "seeds", "bench", "test"];

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) continue;
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|mjs)$/.test(name)) yield path;
  }
}

/** A function whose name starts with a capital letter, in a .tsx file, is taken to be a component. */
function components(path: string, text: string): { name: string; lines: number }[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { name: string; lines: number }[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node) => {
    let name: string | undefined;
    let body: ts.Node | undefined;
    if (ts.isFunctionDeclaration(node) && node.name) [name, body] = [node.name.text, node.body];
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer
      && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer)))
      [name, body] = [node.name.text, node.initializer.body];
    if (name && body && /^[A-Z]/.test(name)) found.push({ name, lines: lineOf(body.getEnd()) - lineOf(body.getStart()) + 1 });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

let offenders = 0;
for (const root of roots) {
  for (const path of sourceFiles(root)) {
    const text = readFileSync(path, "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > FILE_LINES) { offenders++; console.log(`file      ${lines}\t${path}`); }
    if (!path.endsWith(".tsx")) continue;
    for (const c of components(path, text)) {
      if (c.lines > COMPONENT_LINES) { offenders++; console.log(`component ${c.lines}\t${path} ${c.name}`); }
    }
  }
}
process.exitCode = offenders ? 1 : 0;
