// The packaging config (electron-builder.yml) hardens the packaged binary: fuses flipped, code
// only from an integrity-checked app.asar — checked with electron-builder's own schema validator,
// so a misspelt option fails here and not on the packaging machine.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = process.cwd();
const yaml = require('js-yaml') as { load(s: string): any };
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));

async function validate(c: unknown): Promise<string | null> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util');
  try {
    await validateConfiguration(c, new DebugLogger(false));
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder 26 (and a misspelt fuse is not)', async () => {
    expect(await validate(config)).toBeNull();
    const typo = structuredClone(config);
    typo.electronFuses.runAsNod = false;
    expect(await validate(typo)).toMatch(/electronFuses/);
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no --inspect, asar only, embedded asar integrity', () => {
    expect(config.asar).not.toBe(false);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the backend thread and the task worker inside the asar (only the native module is unpacked)', () => {
    expect(config.files).toContain('dist/electron/**');
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
  });
});
