import type { NotificationRequest, NotificationTemplate } from '../../../api/notifications/index.js';

export const DOSSIER_CODE = '000.00.16.H56-260213-0042';
export const LOOKUP_URL = `https://dichvucong.example.gov.vn/tra-cuu/${DOSSIER_CODE}`;

/** 13/02/2026 09:30 in Viet Nam. */
export const APPOINTMENT = new Date('2026-02-13T02:30:00Z');

/** Data each template needs, as the application would pass it; dates in several accepted forms. */
export const EXAMPLE_DATA: { readonly [T in NotificationTemplate]: Record<string, unknown> } = {
  'dossier-submitted': { dossierCode: DOSSIER_CODE, lookupUrl: LOOKUP_URL, submittedAt: '2026-02-12T20:15:00+07:00' },
  'dossier-accepted': { dossierCode: DOSSIER_CODE, appointmentAt: APPOINTMENT, procedureName: 'Đăng ký hộ kinh doanh' },
  'dossier-refused': { dossierCode: DOSSIER_CODE, reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã' },
  'supplement-requested': {
    dossierCode: DOSSIER_CODE,
    reason: 'Thiếu giấy tờ chứng minh quyền sử dụng đất',
    components: ['Bản sao giấy chứng nhận quyền sử dụng đất', 'Bản vẽ mặt bằng công trình'],
  },
  'payment-requested': { dossierCode: DOSSIER_CODE, amount: 135000 },
  'dossier-withdrawn': { dossierCode: DOSSIER_CODE },
  'dossier-stopped': { dossierCode: DOSSIER_CODE, reason: 'Người nộp không bổ sung hồ sơ trong thời hạn' },
  'result-ready': { dossierCode: DOSSIER_CODE, pickupPlace: 'Trung tâm Phục vụ hành chính công tỉnh, quầy số 5', appointmentAt: APPOINTMENT.toISOString() },
  'dossier-returned': { dossierCode: DOSSIER_CODE, lookupUrl: LOOKUP_URL },
  apology: { dossierCode: DOSSIER_CODE, reason: 'Cần xác minh thêm với cơ quan thuế', newDueAt: '2026-02-20T16:00:00+07:00', originalDueAt: APPOINTMENT },
  'due-reminder': { dossierCode: DOSSIER_CODE, dueAt: '2026-02-16T17:00', agencyName: 'Phòng Kinh tế UBND xã Tân Phú' },
};

export function anAcceptedNotice(overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    channel: 'email',
    to: 'nguyen.van.an@example.vn',
    template: 'dossier-accepted',
    data: { appointmentAt: APPOINTMENT, applicantName: 'Nguyễn Văn An' },
    dossierCode: DOSSIER_CODE,
    ...overrides,
  };
}

export function anSmsNotice(to: string, dossierCode = DOSSIER_CODE): NotificationRequest {
  return { channel: 'sms', to, template: 'dossier-accepted', data: { appointmentAt: APPOINTMENT }, dossierCode };
}
