import { AppError } from '../errors.js';
import { statusName, type DossierStatus } from './statuses.js';

/**
 * What may happen to a dossier in each status. The status is the result of the
 * actions taken; one table says which actions each status allows, and a refusal
 * names the actions that would be allowed.
 */
export const DOSSIER_ACTIONS = {
  accept: { label: 'Tiếp nhận hồ sơ', from: [1], to: 2 },
  refuse: { label: 'Từ chối tiếp nhận', from: [1], to: 3 },
  requestSupplement: { label: 'Yêu cầu bổ sung hồ sơ', from: [1, 2, 4], to: 5 },
  supplementProvided: { label: 'Bổ sung hồ sơ', from: [5], to: 'resume' },
  startProcessing: { label: 'Chuyển xử lý', from: [2, 4], to: 4 },
  requestPayment: { label: 'Yêu cầu thực hiện nghĩa vụ tài chính', from: [2, 4], to: 6 },
  pay: { label: 'Hoàn thành nghĩa vụ tài chính', from: [6], to: 4 },
  resultReady: { label: 'Có kết quả giải quyết', from: [2, 4], to: 9 },
  return: { label: 'Trả kết quả', from: [9], to: 10 },
  withdraw: { label: 'Rút hồ sơ', from: [1, 2, 4, 5, 6], to: 7 },
  stop: { label: 'Dừng xử lý', from: [2, 4, 5, 6], to: 8 },
  apologize: { label: 'Xin lỗi và hẹn lại ngày trả kết quả', from: [2, 4, 5, 6], to: 'same' },
  rate: { label: 'Đánh giá mức độ hài lòng', from: [10], to: 'same' },
} as const satisfies Record<string, { label: string; from: readonly DossierStatus[]; to: DossierStatus | 'same' | 'resume' }>;

export type DossierAction = keyof typeof DOSSIER_ACTIONS;

export function allowedActions(status: DossierStatus): DossierAction[] {
  return (Object.keys(DOSSIER_ACTIONS) as DossierAction[]).filter((action) =>
    (DOSSIER_ACTIONS[action].from as readonly number[]).includes(status),
  );
}

/**
 * The status after `action`. `resumeTo` is where a supplement returns the dossier:
 * reception (1) when the clock had not started, processing (4) when it had.
 */
export function transition(status: DossierStatus, action: DossierAction, resumeTo?: DossierStatus): DossierStatus {
  const rule = DOSSIER_ACTIONS[action];
  if (!(rule.from as readonly number[]).includes(status)) {
    const allowed = allowedActions(status).map((a) => `«${DOSSIER_ACTIONS[a].label}»`);
    throw new AppError(
      'INVALID_TRANSITION',
      `Không thể «${rule.label}» khi hồ sơ ở trạng thái «${statusName(status)}»` +
        (allowed.length ? `; thao tác được phép: ${allowed.join(', ')}.` : '; hồ sơ đã kết thúc.'),
      { details: { status, action, allowed: allowedActions(status) } },
    );
  }
  if (rule.to === 'same') return status;
  if (rule.to === 'resume') return resumeTo ?? 4;
  return rule.to;
}
