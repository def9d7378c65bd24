// Batches: many workbooks checked in one job, with progress, cancel and one report per workbook.
import type { BatchStatus, Handlers } from '../contract';
import type { ConditionsDoc } from '../../model/types';
import { importWorkbookBuffer } from '../../import/index';
import { checkImported } from '../../check/run';
import { renderReportPdf } from '../../report/pdf';
import { fingerprint } from '../../report/fingerprint';
import { createBatchRunner } from '../batch';
import { b64, fromB64, type ApiContext } from './context';
import { reportOrg } from './reports';

type BatchHandlers = Pick<Handlers, 'batch.start' | 'batch.status' | 'batch.cancel' | 'batch.report'>;

export function batchHandlers(ctx: ApiContext): BatchHandlers {
  const batch = createBatchRunner({
    check: async (fileName, bytes, doc) => {
      const imported = await importWorkbookBuffer(bytes, fileName);
      return checkImported(imported, doc, 'conditions');
    },
    validate: ctx.validate,
    render: (run, org) => renderReportPdf(run, { org: reportOrg(ctx, org ?? { name: '出让条件合规审查' }) }),
  });
  return {
    'batch.start': async ({ items, conditions, org }) =>
      batch.start(
        items.map((i) => ({ fileName: i.fileName, bytes: fromB64(i.dataBase64), conditions: i.conditions as ConditionsDoc | undefined })),
        conditions as ConditionsDoc | undefined,
        org,
      ),
    'batch.status': async ({ jobId }): Promise<BatchStatus> => batch.status(jobId),
    'batch.cancel': async ({ jobId }) => batch.cancel(jobId),
    'batch.report': async ({ jobId, index }) => {
      const { run, bytes } = await batch.report(jobId, index);
      const fp = fingerprint(run);
      return { fileName: `${run.result.input.file.replace(/\.xlsx$/i, '')}_审查报告_${fp.short}.pdf`, dataBase64: b64(bytes), fingerprint: fp.hex };
    },
  };
}
