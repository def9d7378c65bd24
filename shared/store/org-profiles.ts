// Organisation profiles: the reviewing organisation's name, seal (text or PNG) and signatories.

import { sha256Hex } from './canonical.js';
import { StoreError } from './errors.js';
import { collator, nonEmpty, toBuffer, toBytes, type StoreContext } from './context.js';
import type { OrgProfile } from './types.js';

export interface OrgProfileInput {
  name: string;
  sealText?: string;
  sealPng?: Uint8Array;
  preparer?: string;
  checker?: string;
  approver?: string;
}

export interface OrgProfileRecords {
  /** Insert, or update the profile with the same name. */
  saveOrgProfile(p: OrgProfileInput): number;
  listOrgProfiles(): OrgProfile[];
}

interface OrgRow {
  id: number;
  name: string;
  seal_text: string | null;
  seal_png: Buffer | null;
  preparer: string | null;
  checker: string | null;
  approver: string | null;
  created_at: string;
  updated_at: string;
}

export function orgProfileRecords(ctx: StoreContext): OrgProfileRecords {
  const { db } = ctx;
  return {
    saveOrgProfile(p) {
      const name = nonEmpty(p?.name, '单位名称');
      const png = p.sealPng ? toBuffer(p.sealPng) : null;
      if (png && !(png.length > 8 && png.readUInt32BE(0) === 0x89504e47)) {
        throw new StoreError(`单位“${name}”的印章图片不是 PNG 文件。`, 'invalid');
      }
      const fields = [p.sealText?.trim() || null, png, p.preparer?.trim() || null, p.checker?.trim() || null, p.approver?.trim() || null];
      return ctx.write((at) => {
        const old = db.prepare('SELECT id FROM org_profiles WHERE name = ?').pluck().get(name) as number | undefined;
        let id: number;
        if (old !== undefined) {
          db.prepare('UPDATE org_profiles SET seal_text = ?, seal_png = ?, preparer = ?, checker = ?, approver = ?, updated_at = ? WHERE id = ?').run(
            ...fields,
            at,
            old,
          );
          id = old;
        } else {
          const r = db
            .prepare('INSERT INTO org_profiles (name, seal_text, seal_png, preparer, checker, approver, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(name, ...fields, at, at);
          id = Number(r.lastInsertRowid);
        }
        ctx.audit(at, 'org.save', null, {
          orgProfileId: id,
          name,
          sealText: fields[0],
          sealPngSha256: png ? sha256Hex(png) : null,
          preparer: fields[2],
          checker: fields[3],
          approver: fields[4],
        });
        return id;
      });
    },

    listOrgProfiles() {
      const rows = db.prepare('SELECT * FROM org_profiles').all() as unknown as OrgRow[];
      return rows
        .map((r) => ({
          id: r.id,
          name: r.name,
          ...(r.seal_text ? { sealText: r.seal_text } : {}),
          ...(r.seal_png ? { sealPng: toBytes(r.seal_png) } : {}),
          ...(r.preparer ? { preparer: r.preparer } : {}),
          ...(r.checker ? { checker: r.checker } : {}),
          ...(r.approver ? { approver: r.approver } : {}),
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        }))
        .sort((a, b) => collator.compare(a.name, b.name));
    },
  };
}
