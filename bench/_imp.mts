import { importWorkbook } from '../shared/import/index';
const r = await importWorkbook(process.argv[2]);
console.log(JSON.stringify({ statements: r.statements, project: Object.fromEntries(Object.entries(r.project).map(([k, v]) => [k, [v.raw, v.source, v.status, v.remark]])), buildings: r.buildings.map((b) => [b.name, Object.fromEntries(Object.entries(b.values).map(([k, v]) => [k, [v.raw, v.source, v.status]]))]), unread: r.unread?.map((u) => [u.sheet, u.range, u.title, u.reason]) }, null, 1));
