// npm run conditions -- --from-text <contract.txt> [--json]   (docs/formats.md §5)
// npm run conditions -- --validate <conditions.json>
// Exit: 0 all parsed / file valid · 2 some sentences unparsed · 3 unreadable or invalid input.
import { basename } from 'node:path';
import { InputError } from '../shared/errors';
import { describeFailure } from './common';
import { readInputFileSync } from '../shared/fsio/read';
import { useList } from '../shared/model/uses';
import { conditionsFromText, describeRule, loadConditions } from '../shared/conditions/index';
import { indicatorName, formatValue } from '../shared/model/indicators';
import { boundWords } from '../shared/check/bounds';
import { factPhrase } from '../shared/conditions/facts';
import type { Condition, ConditionsDoc } from '../shared/model/types';

const USAGE =
  '用法：npm run conditions -- --from-text <合同文本.txt> [--json]\n' +
  '      npm run conditions -- --validate <条件文件.json>';

interface Args {
  mode: 'from-text' | 'validate';
  file: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  let mode: Args['mode'] | undefined;
  let file: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--from-text' || a === '--validate') {
      if (mode) throw new InputError(`只能指定 --from-text 或 --validate 之一\n${USAGE}`);
      mode = a === '--from-text' ? 'from-text' : 'validate';
      file = argv[++i];
      if (!file || file.startsWith('--')) throw new InputError(`${a} 后缺少文件名\n${USAGE}`);
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new InputError(`未知参数 ${a}\n${USAGE}`);
  }
  if (!mode || !file) throw new InputError(`缺少 --from-text 或 --validate\n${USAGE}`);
  return { mode, file, json };
}

/** Reads a UTF-8 text file; missing, not UTF-8 or empty → InputError. */
function readText(path: string): string {
  // Only a regular file, and at most 4 MB (docs/security.md): never a device or a FIFO.
  const bytes = readInputFileSync(path, { what: '合同文本', maxBytes: 4 * 1024 * 1024, missing: `找不到文件 ${path}` });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`文件 ${basename(path)} 不是 UTF-8 编码的文本（请用 UTF-8 另存后重试）`, basename(path));
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new InputError(`文件 ${basename(path)} 为空`, basename(path));
  return text;
}

const AGGREGATE_WORDS = { each: '', average: '，按建筑面积加权平均', eachOrAverage: '，单体或平均' } as const;

function describeScope(c: Condition): string {
  const a = c.appliesTo;
  const project: string[] = [];
  if (c.parcel) project.push(`地块 ${c.parcel}`);
  if (a?.projectFloorArea) project.push(`项目总建筑面积${boundWords(a.projectFloorArea, 'm²')}`);
  for (const [id, v] of Object.entries(c.when ?? {})) project.push(`仅限${factPhrase(id, v)}`);
  if (c.inForce) project.push(`合同签订日期${c.inForce.from ? ` ${c.inForce.from} 起` : ''}${c.inForce.to ? ` 至 ${c.inForce.to}` : ''}`);
  const tail = project.length ? `；${project.join('，')}` : '';
  if (c.scope !== 'building') return `项目${tail}`;
  const parts: string[] = [];
  if (a?.use) parts.push(useList(a.use));
  if (a?.minFloorArea !== undefined) parts.push(`单体建筑面积 ≥ ${a.minFloorArea} m²`);
  if (a?.floorArea) parts.push(`单体建筑面积${boundWords(a.floorArea, 'm²')}`);
  if (a?.height) parts.push(`建筑高度${boundWords(a.height, 'm')}`);
  if (a?.floors) parts.push(`地上层数${boundWords(a.floors, '层')}`);
  if (a?.buildings) parts.push(a.buildings.join('、'));
  const each = parts.length ? `单体（${parts.join('，')}）` : '每个单体';
  return `${each}${AGGREGATE_WORDS[c.aggregate ?? 'each']}${tail}`;
}

function describeRequirement(c: Condition): string {
  if ('indicator' in c) return `${indicatorName(c.indicator)} ${c.op} ${formatValue(c.indicator, c.value)}`;
  return describeRule(c);
}

function listing(doc: ConditionsDoc, file: string): string {
  const lines = [`从 ${file} 识别出 ${doc.conditions.length} 条条件：`];
  for (const c of doc.conditions) {
    lines.push(`  ${c.id}${c.clause ? `  ${c.clause}` : ''}  ${describeRequirement(c)}    适用：${describeScope(c)}`);
    if (c.text) lines.push(`      原文：${c.text}`);
    if (c.note) lines.push(`      说明：${c.note}`);
    for (const [id, v] of Object.entries(c.companion ?? {})) lines.push(`      同时写明：${indicatorName(id)} ${formatValue(id, v)}`);
    if (c.method) lines.push(`      计算方法：${c.method}`);
    if (c.toConfirm) lines.push(`      需确认：${c.toConfirm}`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.mode === 'validate') {
    const doc = await loadConditions(args.file);
    process.stdout.write(`条件文件有效：${doc.conditions.length} 条条件\n`);
    return 0;
  }
  const text = readText(args.file);
  const { doc, unparsed } = conditionsFromText(text);
  const name = basename(args.file);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    for (const u of unparsed) process.stderr.write(`未能解析：${u.clause ? `${u.clause} ` : ''}${u.sentence}\n    原因：${u.reason}\n`);
  } else {
    process.stdout.write(`${listing(doc, name)}\n`);
    if (unparsed.length) {
      const lines = [`\n未能解析的句子 ${unparsed.length} 句（请人工编写对应条件）：`];
      for (const u of unparsed) lines.push(`  ${u.clause ? `${u.clause}  ` : ''}${u.sentence}\n      原因：${u.reason}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  }
  if (doc.conditions.length === 0 && unparsed.length === 0) {
    process.stderr.write(`提示：${name} 中没有找到可识别的条件\n`);
  }
  return unparsed.length ? 2 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const { message, code } = describeFailure(e, 'conditions');
    process.stderr.write(`${message}\n`);
    process.exitCode = code;
  },
);
