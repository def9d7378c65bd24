// The summary workbook of a saved batch: one row per workbook (numbers as numbers, Chinese column
// names) and one row per 审查意见. Drawn from the BatchSummary the API also hands out, so the
// report module can take over the layout without touching the data.
import ExcelJS from 'exceljs';
import type { BatchSummary } from './contract';
import { OVERALL_LABEL, VERDICT_LABEL } from '../model/verdicts';

const STATUS: Record<BatchSummary['rows'][number]['status'], string> = { pending: '未审查', done: '已审查', error: '无法审查', cancelled: '已取消' };

export async function batchSummaryXlsx(s: BatchSummary): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LandCheck';
  const sum = wb.addWorksheet('汇总');
  sum.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '指标表', key: 'file', width: 34 },
    { header: '项目', key: 'project', width: 30 },
    { header: '地块', key: 'parcel', width: 22 },
    { header: '状态', key: 'status', width: 10 },
    { header: '审查结论', key: 'overall', width: 12 },
    { header: '符合', key: 'pass', width: 7 },
    { header: '不符合', key: 'fail', width: 8 },
    { header: '缺项', key: 'missing', width: 7 },
    { header: '需复核', key: 'review', width: 8 },
    { header: '不适用', key: 'na', width: 8 },
    { header: '改判', key: 'overrides', width: 7 },
    { header: '说明', key: 'note', width: 50 },
  ];
  for (const r of s.rows) {
    sum.addRow({
      n: r.position + 1,
      file: r.fileName,
      project: r.projectName ?? '',
      parcel: r.parcel ?? '',
      status: STATUS[r.status],
      overall: r.overall ? OVERALL_LABEL[r.overall] : '',
      pass: r.counts?.pass ?? null,
      fail: r.counts?.fail ?? null,
      missing: r.counts?.missing ?? null,
      review: r.counts?.review ?? null,
      na: r.counts?.not_applicable ?? null,
      overrides: r.status === 'done' ? r.overrides : null,
      note: r.error ?? '',
    });
  }
  const opinions = wb.addWorksheet('审查意见');
  opinions.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '指标表', key: 'file', width: 34 },
    { header: '条款', key: 'clause', width: 16 },
    { header: '条件', key: 'condition', width: 8 },
    { header: '单体', key: 'building', width: 12 },
    { header: '结论', key: 'verdict', width: 8 },
    { header: '说明', key: 'message', width: 80 },
  ];
  for (const r of s.rows) {
    for (const o of r.opinions) {
      opinions.addRow({
        n: r.position + 1,
        file: r.fileName,
        clause: o.clause ?? '',
        condition: o.conditionId,
        building: o.building ?? '项目整体',
        verdict: VERDICT_LABEL[o.verdict],
        message: o.message,
      });
    }
  }
  for (const ws of [sum, opinions]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
