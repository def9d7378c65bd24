// Batch checking for review agencies: many workbooks, one job, progress, cancel.
// Items run one after another, yielding to the event loop between items so status polls and
// cancel requests are answered while the batch runs.
import { randomUUID } from 'node:crypto';
import type { CheckRun, ConditionsDoc } from '../model/types';
import type { BatchStatus, BatchItemResult } from './contract';
import { ApiError, userMessage } from './dispatch';

export interface BatchDeps {
  check: (fileName: string, bytes: Uint8Array, doc: ConditionsDoc) => Promise<CheckRun>;
  validate: (doc: unknown, label?: string) => ConditionsDoc;
  render: (run: CheckRun, org?: BatchOrg) => Promise<Uint8Array>;
}

type BatchOrg = { name: string; sealText?: string; preparer?: string; checker?: string; approver?: string; crossPageSeal?: boolean };

interface Item {
  fileName: string;
  bytes: Uint8Array | null;
  conditions?: ConditionsDoc;
  result: BatchItemResult;
  run?: CheckRun;
}

interface Job {
  id: string;
  items: Item[];
  done: number;
  cancelled: boolean;
  finished: boolean;
  org?: BatchOrg;
}

const MAX_JOBS = 20;

export function createBatchRunner(deps: BatchDeps) {
  const jobs = new Map<string, Job>();

  const status = (job: Job): BatchStatus => ({
    jobId: job.id,
    total: job.items.length,
    done: job.done,
    finished: job.finished,
    cancelled: job.cancelled,
    items: job.items.map((i) => ({ ...i.result })),
  });

  const mustJob = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new ApiError(`批量任务 ${jobId} 不存在或已过期`);
    return job;
  };

  async function runJob(job: Job, shared: ConditionsDoc | undefined): Promise<void> {
    for (const item of job.items) {
      await new Promise((r) => setImmediate(r));
      if (job.cancelled) {
        item.result.status = 'cancelled';
        continue;
      }
      try {
        const doc = item.conditions ? deps.validate(item.conditions, `${item.fileName} 的条件`) : shared;
        if (!doc) throw new ApiError(`${item.fileName}：没有条件文件（请为该文件指定条件，或为整批指定一份条件）`);
        const run = await deps.check(item.fileName, item.bytes!, doc);
        item.run = run;
        item.result = {
          fileName: item.fileName,
          status: 'done',
          overall: run.result.overall,
          counts: run.result.counts,
          projectName: run.result.project?.name,
        };
      } catch (e) {
        item.result = { fileName: item.fileName, status: 'error', error: userMessage(e) };
      }
      item.bytes = null; // keep memory flat over large batches
      job.done++;
    }
    job.finished = true;
  }

  return {
    start(items: Array<{ fileName: string; bytes: Uint8Array; conditions?: ConditionsDoc }>, conditions?: ConditionsDoc, org?: BatchOrg) {
      const shared = conditions ? deps.validate(conditions, '整批条件') : undefined;
      if (jobs.size >= MAX_JOBS) {
        for (const [id, j] of jobs) if (j.finished) jobs.delete(id);
      }
      const job: Job = {
        id: randomUUID(),
        items: items.map((i) => ({ fileName: i.fileName, bytes: i.bytes, conditions: i.conditions, result: { fileName: i.fileName, status: 'pending' } })),
        done: 0,
        cancelled: false,
        finished: false,
        org,
      };
      jobs.set(job.id, job);
      void runJob(job, shared);
      return { jobId: job.id };
    },
    status: (jobId: string) => status(mustJob(jobId)),
    cancel(jobId: string) {
      const job = mustJob(jobId);
      job.cancelled = true;
      return status(job);
    },
    async report(jobId: string, index: number): Promise<{ run: CheckRun; bytes: Uint8Array }> {
      const job = mustJob(jobId);
      const item = job.items[index];
      if (!item) throw new ApiError(`批量任务中没有第 ${index + 1} 个文件`);
      if (!item.run) throw new ApiError(`${item.fileName} 尚未审查完成或审查失败，无法生成报告`);
      return { run: item.run, bytes: await deps.render(item.run, job.org) };
    },
  };
}
