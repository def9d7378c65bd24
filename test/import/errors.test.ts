import { describe, expect, it } from 'vitest';
import { InputError } from '../../shared/errors';
import { importWorkbook, importWorkbookBuffer } from '../../shared/import/index';
import { file, rows, xlsx } from './helpers';
import { cfb, zip } from '../helpers/files';

async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toMatch(/\bat \w+ \(|Error:/);
    return e as InputError;
  }
  throw new Error('no InputError');
}

describe('unusable input', () => {
  it('missing file', async () => {
    const e = await inputError(importWorkbook('/nonexistent/dir/指标.xlsx'));
    expect(e.message).toContain('找不到文件');
    expect(e.message).toContain('指标.xlsx');
  });

  it('empty file', async () => {
    const e = await inputError(importWorkbook(file('empty.xlsx', '')));
    expect(e.message).toContain('empty.xlsx');
    expect(e.message).toContain('空文件');
  });

  it('legacy .xls', async () => {
    const e = await inputError(importWorkbook(file('old.xls', cfb(['Root Entry', 'Workbook', 'SummaryInformation']))));
    expect(e.message).toBe('文件“old.xls”是旧版 Excel 97-2003 (.xls) 格式，请在 Excel 中另存为 .xlsx 后重试');
  });

  it('password-protected xlsx', async () => {
    const e = await inputError(importWorkbook(file('secret.xlsx', cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))));
    expect(e.message).toContain('secret.xlsx');
    expect(e.message).toContain('密码保护');
  });

  it('not a zip at all', async () => {
    const e = await inputError(importWorkbook(file('notes.xlsx', '项目名称,装配率\n测试,60%\n')));
    expect(e.message).toContain('notes.xlsx');
    expect(e.message).toContain('不是 Excel 工作簿');
  });

  it('corrupt zip (truncated)', async () => {
    const good = await xlsx('good.xlsx', (wb) => rows(wb.addWorksheet('S'), [['装配率', 60]]));
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(good);
    const e = await inputError(importWorkbook(file('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)))));
    expect(e.message).toContain('cut.xlsx');
    expect(e.message).toContain('已损坏');
    // Bit-flipped data inside a deflated entry.
    const flipped = Buffer.from(bytes);
    for (let i = 200; i < 260; i++) flipped[i] ^= 0xff;
    const e2 = await inputError(importWorkbookBuffer(flipped, 'flip.xlsx'));
    expect(e2.message).toContain('flip.xlsx');
  });

  it('a zip that is not a workbook', async () => {
    const e = await inputError(importWorkbookBuffer(zip('readme.txt', Buffer.from('hello')), 'other.zip'));
    expect(e.message).toContain('other.zip');
    expect(e.message).toContain('没有 Excel 工作表');
  });

  it('file larger than maxFileBytes is refused before reading', async () => {
    const path = await xlsx('big.xlsx', (wb) => rows(wb.addWorksheet('S'), [['装配率', 60]]));
    const e = await inputError(importWorkbook(path, { maxFileBytes: 1000 }));
    expect(e.message).toContain('big.xlsx');
    expect(e.message).toContain('过大');
  });

  it('zip bomb: declared size beyond the limit, absurd ratio, and lying headers', async () => {
    const zeros = Buffer.alloc(40 * 1024 * 1024); // 40 MB of zeros → ~40 KB deflated
    const t = Date.now();
    const e = await inputError(importWorkbookBuffer(zip('xl/worksheets/sheet1.xml', zeros), 'bomb.xlsx', { maxUncompressedBytes: 20 * 1024 * 1024 }));
    expect(e.message).toContain('bomb.xlsx');
    expect(e.message).toContain('解压总大小超过');
    const e2 = await inputError(importWorkbookBuffer(zip('xl/worksheets/sheet1.xml', zeros), 'ratio.xlsx'));
    expect(e2.message).toContain('压缩比');
    // Headers claim 1 KB; the entry really expands to 40 MB.
    // (With a 20 MB limit the ~40 KB package could expand past it, so its entries are verified.)
    const e3 = await inputError(importWorkbookBuffer(zip('xl/worksheets/sheet1.xml', zeros, 1024), 'liar.xlsx', { maxUncompressedBytes: 20 * 1024 * 1024 }));
    expect(e3.message).toContain('liar.xlsx');
    expect(e3.message).toContain('超过声明大小');
    expect(Date.now() - t).toBeLessThan(5000);
  });
});
