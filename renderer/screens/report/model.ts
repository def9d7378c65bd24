// What the report screen's parts share: the organisation as the report is issued under it, a
// generated file, and the short verification code printed in the report's footer.
import type { ApiInput } from '../../../shared/api/contract';

export type Org = ApiInput<'report.render'>['org'];

export interface Generated {
  kind: 'pdf' | 'xlsx';
  fileName: string;
  dataBase64: string;
  fingerprint: string;
  bytes: number;
  pages?: number;
}

/** 'LC-3F9A-1C2B-77D0', as printed in the report's footer. */
export function shortCode(hex: string): string {
  const h = hex.slice(0, 12).toUpperCase();
  return `LC-${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}`;
}
