import { expect } from 'chai';
import type { NotificationTemplate } from '../../../api/notifications/index.js';
import { NOTIFICATION_TEMPLATES, NotificationError, renderNotification, SHORT_TEXT_LIMIT } from '../../../api/notifications/index.js';
import { DOSSIER_CODE, EXAMPLE_DATA, LOOKUP_URL } from './notificationBuilders.js';

/** The dates each example must show, as read in Viet Nam. */
const EXPECTED_DATES: { readonly [T in NotificationTemplate]: readonly string[] } = {
  'dossier-submitted': ['12/02/2026 20:15'],
  'dossier-accepted': ['13/02/2026 09:30'],
  'dossier-refused': [],
  'supplement-requested': [],
  'payment-requested': [],
  'dossier-withdrawn': [],
  'dossier-stopped': [],
  'result-ready': ['13/02/2026 09:30'],
  'dossier-returned': [],
  apology: ['20/02/2026 16:00', '13/02/2026 09:30'],
  'due-reminder': ['16/02/2026 17:00'],
};

/** A word of each template's Vietnamese subject that says which event it is. */
const SUBJECT_WORDS: { readonly [T in NotificationTemplate]: string } = {
  'dossier-submitted': 'Đã nhận hồ sơ trực tuyến',
  'dossier-accepted': 'đã được tiếp nhận',
  'dossier-refused': 'không được tiếp nhận',
  'supplement-requested': 'bổ sung',
  'payment-requested': 'phí, lệ phí',
  'dossier-withdrawn': 'đã được rút',
  'dossier-stopped': 'dừng xử lý',
  'result-ready': 'đã có kết quả',
  'dossier-returned': 'đánh giá mức độ hài lòng',
  apology: 'Xin lỗi',
  'due-reminder': 'sắp đến hạn',
};

describe('notifications/renderNotification', function () {
  describe('e-mail', function () {
    for (const template of NOTIFICATION_TEMPLATES) {
      it(`should render ${template} with a Vietnamese subject, the dossier code and dd/MM/yyyy HH:mm dates`, function () {
        // when
        const { subject, text } = renderNotification(template, 'email', EXAMPLE_DATA[template]);

        // then
        expect(subject).to.include(SUBJECT_WORDS[template]).and.to.include(DOSSIER_CODE);
        expect(subject).not.to.include('\n');
        expect(text).to.include(DOSSIER_CODE);
        for (const date of EXPECTED_DATES[template]) expect(text).to.include(date);
        expect(text).not.to.match(/\{\{|\n{3}|undefined/);
      });
    }
  });

  describe('SMS and Zalo', function () {
    for (const template of NOTIFICATION_TEMPLATES) {
      it(`should render ${template} as one line of at most ${SHORT_TEXT_LIMIT} characters with diacritics`, function () {
        // when
        const sms = renderNotification(template, 'sms', EXAMPLE_DATA[template]);
        const zalo = renderNotification(template, 'zalo', EXAMPLE_DATA[template]);

        // then
        expect(sms.subject).to.equal(undefined);
        expect(sms.text).to.include(DOSSIER_CODE).and.to.match(/[ạảãàáâậầấẩẫăằắẳẵặđêềếểễệôồốổỗộơờớởỡợưừứửữựọỏõòóíìỉĩịụủũùúýỳỷỹỵ]/i);
        expect([...sms.text].length).to.be.at.most(SHORT_TEXT_LIMIT);
        expect(sms.text).not.to.include('\n');
        expect(zalo.text).to.equal(sms.text);
      });
    }
  });

  it('should put the appointment date in the acceptance SMS', function () {
    // when
    const { text } = renderNotification('dossier-accepted', 'sms', EXAMPLE_DATA['dossier-accepted']);

    // then
    expect(text).to.equal(`Hồ sơ ${DOSSIER_CODE} đã được tiếp nhận. Hẹn trả kết quả: 13/02/2026 09:30.`);
  });

  it('should put the look-up URL in the submission and return messages', function () {
    for (const template of ['dossier-submitted', 'dossier-returned'] as const) {
      expect(renderNotification(template, 'sms', EXAMPLE_DATA[template]).text).to.include(LOOKUP_URL);
      expect(renderNotification(template, 'email', EXAMPLE_DATA[template]).text).to.include(LOOKUP_URL);
    }
  });

  it('should list each component to add in the supplement request', function () {
    // when
    const { text } = renderNotification('supplement-requested', 'email', EXAMPLE_DATA['supplement-requested']);

    // then
    expect(text).to.include('- Bản sao giấy chứng nhận quyền sử dụng đất\n- Bản vẽ mặt bằng công trình');
  });

  it('should write the amount in đồng with dots between thousands', function () {
    // when
    const { text } = renderNotification('payment-requested', 'sms', { dossierCode: DOSSIER_CODE, amount: '1250000.00' });

    // then
    expect(text).to.include('1.250.000 đồng');
  });

  it('should shorten a long reason so the SMS stays within 160 characters', function () {
    // given
    const reason = 'Thành phần hồ sơ chưa đầy đủ theo quy định: thiếu bản sao chứng thực giấy chứng nhận quyền sử dụng đất, thiếu bản vẽ thiết kế mặt bằng, mặt cắt, mặt đứng công trình';

    // when
    const { text } = renderNotification('dossier-refused', 'sms', { dossierCode: DOSSIER_CODE, reason });
    const email = renderNotification('dossier-refused', 'email', { dossierCode: DOSSIER_CODE, reason });

    // then
    expect([...text].length).to.be.at.most(SHORT_TEXT_LIMIT);
    expect(text).to.match(/^Hồ sơ 000\.00\.16\.H56-260213-0042 không được tiếp nhận\. Lý do: Thành phần hồ sơ .*…$/);
    expect(email.text).to.include(reason);
  });

  it('should compose decomposed diacritics so each letter counts once', function () {
    // given
    const reason = 'Thiếu giấy tờ'.normalize('NFD');

    // when
    const { text } = renderNotification('dossier-stopped', 'sms', { dossierCode: DOSSIER_CODE, reason });

    // then
    expect(text).to.equal(`Hồ sơ ${DOSSIER_CODE} đã dừng xử lý. Lý do: Thiếu giấy tờ`);
    expect(text.normalize('NFC')).to.equal(text);
  });

  it('should NOT escape text as HTML', function () {
    // when
    const { text } = renderNotification('dossier-refused', 'email', { dossierCode: DOSSIER_CODE, reason: 'Thiếu "bản sao" <CCCD> & hộ khẩu' });

    // then
    expect(text).to.include('Lý do: Thiếu "bản sao" <CCCD> & hộ khẩu');
  });

  it('should greet the applicant by name and sign with the agency when given', function () {
    // when
    const { text } = renderNotification('dossier-withdrawn', 'email', {
      dossierCode: DOSSIER_CODE,
      applicantName: 'Trần Thị Bình',
      agencyName: 'UBND xã Tân Phú',
    });

    // then
    expect(text).to.match(/^Kính gửi ông\/bà Trần Thị Bình,\n\n/);
    expect(text).to.match(/Trân trọng,\nUBND xã Tân Phú\n/);
  });

  it('should refuse missing required data, naming the field', function () {
    // when
    const render = (): unknown => renderNotification('apology', 'email', { dossierCode: DOSSIER_CODE, reason: 'Cần xác minh' });

    // then
    expect(render).to.throw(NotificationError, "Expected data.newDueAt for template 'apology' to be a Date or an ISO 8601 string, but got nothing.");
  });

  it('should refuse a date that does not parse', function () {
    // when
    const render = (): unknown => renderNotification('dossier-accepted', 'sms', { dossierCode: DOSSIER_CODE, appointmentAt: '13/02/2026' });

    // then
    expect(render).to.throw(NotificationError, 'appointmentAt').with.property('code', 'INVALID_DATA');
  });

  it('should refuse an empty list of components', function () {
    // when
    const render = (): unknown => renderNotification('supplement-requested', 'sms', { dossierCode: DOSSIER_CODE, reason: 'Thiếu', components: [] });

    // then
    expect(render).to.throw(NotificationError, 'data.components').with.property('code', 'INVALID_DATA');
  });

  it('should refuse an unknown template', function () {
    // when
    const render = (): unknown => renderNotification('dossier-lost' as NotificationTemplate, 'email', {});

    // then
    expect(render).to.throw(NotificationError, "but got 'dossier-lost'").with.property('code', 'UNKNOWN_TEMPLATE');
  });
});
