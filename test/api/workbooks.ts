// Generated indicator sheets for the API tests: one layout ("主要技术经济指标" with label | value |
// unit rows, as design institutes write them) filled with different values, so a test can import
// several workbooks of the same layout (a firm's next submission) or of another one.
import ExcelJS from 'exceljs';

export interface SheetValues {
  name?: string;
  siteArea?: number;
  /** Fraction (0.36 = 36 %), written with a percent format. */
  greenRatio?: number;
  far?: number;
  height?: number;
  /** A number in a row without an indicator label (B12): only a remembered cell mapping reads it. */
  unlabelled?: number;
  /** Another layout: an extra sheet changes the workbook's layout. */
  extraSheet?: boolean;
}

export const SHEET = '主要技术经济指标';

export async function indicatorWorkbook(v: SheetValues = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['项目', '数值', '单位']);
  ws.addRow(['项目名称', v.name ?? '生成的住宅项目', '']);
  ws.addRow(['总用地面积', v.siteArea ?? 20000, 'm²']);
  ws.addRow(['总建筑面积', 40000, 'm²']);
  ws.addRow(['容积率', v.far ?? 1.8, '']);
  ws.addRow(['绿地率', v.greenRatio ?? 0.36, '%']);
  ws.addRow(['建筑高度', v.height ?? 54, 'm']);
  ws.getCell('B6').numFmt = '0.00%';
  ws.getCell('A12').value = '（附）';
  ws.getCell('B12').value = v.unlabelled ?? 0.4;
  ws.getCell('B12').numFmt = '0.00%';
  if (v.extraSheet) wb.addWorksheet('附表').addRow(['说明', '无']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const CONDITIONS = {
  format: 'landcheck.conditions/v1',
  contract: { parcel: 'G-01' },
  conditions: [
    { id: 'P1', clause: '第五条', text: '容积率不大于2.0', indicator: 'far', op: '<=', value: 2 },
    { id: 'P2', clause: '第五条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'H1', clause: '第六条', text: '建筑高度不超过60米', indicator: 'building_height', op: '<=', value: 60 },
  ],
};
