// The typesetting speed-ups (shared/report/typesetter.ts) must not change a single byte: reports
// rendered with the libraries' own code and with the faster paths are compared whole.
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportPdf, type ReportOptions } from '../../shared/report/pdf';
import { installTypesetterSpeedups, uninstallTypesetterSpeedups } from '../../shared/report/typesetter';
import { makeBigRun, makeRun } from './fixtures';

const OPTS: ReportOptions = {
  org: { name: '上海市某某建设工程施工图审查有限公司', sealText: '审查专用章', signatories: { preparer: '张三', checker: '李四' }, crossPageSeal: true },
  reportNo: 'SC-2026-0158',
  date: '2026-11-21',
  issuedAt: new Date('2026-11-21T09:00:00Z'),
};

async function both(run: ReturnType<typeof makeRun>, opts: ReportOptions): Promise<[Buffer, Buffer]> {
  uninstallTypesetterSpeedups();
  const plain = Buffer.from(await renderReportPdf(run, opts));
  installTypesetterSpeedups();
  const fast = Buffer.from(await renderReportPdf(run, opts));
  return [plain, fast];
}

describe('typesetter speed-ups', () => {
  afterAll(() => installTypesetterSpeedups());

  it('give the same bytes as the libraries for a typical report (cross-page seal, chart, tables)', async () => {
    const [plain, fast] = await both(makeRun(), OPTS);
    expect(plain.length).toBeGreaterThan(10_000);
    expect(fast.equals(plain)).toBe(true);
  });

  it('give the same bytes for a many-building report and a report without seal', async () => {
    const [plain, fast] = await both(makeBigRun(40), { ...OPTS, org: { ...OPTS.org, crossPageSeal: false, noSeal: true } });
    expect(fast.equals(plain)).toBe(true);
  });

  it('are really installed by the report renderer and really removable (the comparison above compares two paths)', () => {
    const stack = createRequire(import.meta.url)('pdfmake/js/StyleContextStack.js') as { default: { getStyleProperty: unknown } };
    installTypesetterSpeedups();
    const fastName = stack.default.getStyleProperty;
    uninstallTypesetterSpeedups();
    expect(stack.default.getStyleProperty).not.toBe(fastName);
    installTypesetterSpeedups();
    expect(stack.default.getStyleProperty).toBe(fastName);
  });
});
