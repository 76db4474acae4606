import type { DossierChannel, FinishResult } from './DocumentContext.js';

/** The words the official forms use for a result against its due date. */
export const FINISH_RESULT_LABELS: Readonly<Record<FinishResult, string>> = {
  early: 'Trước hạn',
  onTime: 'Đúng hạn',
  late: 'Quá hạn',
};

export const CHANNEL_LABELS: Readonly<Record<DossierChannel, string>> = {
  1: 'Trực tiếp',
  2: 'Trực tuyến',
  3: 'Dịch vụ bưu chính công ích',
};
