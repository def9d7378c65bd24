// Words of the batch screens.
import type { BatchItemRow, BatchRow } from '../../../shared/api/contract';

export const STATUS_WORD: Record<BatchRow['status'], string> = {
  running: '正在审查',
  finished: '已完成',
  cancelled: '已取消',
  interrupted: '程序关闭时中断',
};

export const ITEM_STATUS: Record<BatchItemRow['status'], string> = {
  pending: '等待中',
  done: '已审查',
  error: '无法审查',
  cancelled: '已取消',
};
