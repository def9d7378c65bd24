// The page count the 报告 screen shows, on real reports from the API, against poppler's pdfinfo:
// a signed report (an incremental update that writes a page object again) has as many pages as
// the unsigned one.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPageCount } from '../../renderer/encode';
import { apiHarness } from '../api/harness';

const api = apiHarness();

const pdfinfoPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describe('pdfPageCount', () => {
  it('matches pdfinfo for a report, signed and unsigned', async () => {
    const { runId } = await api.call('projects.openSample', { sample: 'residential-jiading' });
    const plain = await api.call('report.render', { runId, kind: 'pdf', org: { name: '页数测试机构' } });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '30', '-subj', '/CN=Pages'], { cwd: api.dir, stdio: 'pipe' });
    execFileSync('openssl', ['pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-out', 's.p12', '-passout', 'pass:pw'], { cwd: api.dir, stdio: 'pipe' });
    const p12Base64 = readFileSync(join(api.dir, 's.p12')).toString('base64');
    const signed = await api.call('report.render', { runId, kind: 'pdf', org: { name: '页数测试机构' }, sign: { p12Base64, password: 'pw' } });
    for (const [name, r] of [['plain.pdf', plain], ['signed.pdf', signed]] as const) {
      const file = join(api.dir, name);
      const bytes = Buffer.from(r.dataBase64, 'base64');
      writeFileSync(file, bytes);
      const expected = pdfinfoPages(file);
      expect(expected).toBeGreaterThan(1);
      expect(pdfPageCount(new Uint8Array(bytes)), name).toBe(expected);
    }
  });
});
