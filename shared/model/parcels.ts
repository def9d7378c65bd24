// Parcel (地块) codes in names: whether two names designate the same parcel. The report's identity
// check and the engine's check of the workbook against the contract's parcel share these.

/** The parcel code a text names ("SJC10018单元08-03地块" → "SJC10018单元08-03"; "08-03地块" → "08-03"). */
export function parcelCode(s: string): string | null {
  const t = s.normalize('NFKC').replace(/\s+/g, '');
  const m = /([A-Z]{2,}\d{2,}单元)?(\d{1,3}-\d{1,3}[A-Z]?)(?=地块|号地块|$|[^0-9-])/i.exec(t);
  return m ? `${(m[1] ?? '').toUpperCase()}${m[2].toUpperCase()}` : null;
}

export function sameParcel(a: string, b: string): boolean {
  const ca = parcelCode(a);
  const cb = parcelCode(b);
  if (!ca || !cb) return true;
  // "08-03" matches "SJC10018单元08-03": compare the plot numbers, and the unit when both name one
  const plot = (c: string) => c.replace(/^.*单元/, '');
  const unit = (c: string) => (c.includes('单元') ? c.replace(/单元.*$/, '') : null);
  if (plot(ca) !== plot(cb)) return false;
  const ua = unit(ca);
  const ub = unit(cb);
  return !ua || !ub || ua === ub;
}
