import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { acceptAtDesk } from '../e2e/support/acceptAtDesk.js';
import { driveToEnd, openTasks, work } from '../e2e/support/drive.js';
import { samplePdf } from '../e2e/support/samplePdf.js';
import { submitOnline } from '../e2e/support/submitOnline.js';
import { startTestApp, type HttpClient, type TestApp } from '../e2e/support/testApp.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { formFixture, typeFixture } from './support/citizenForm.js';

const NOT_FOUND = 'Không tìm thấy hồ sơ với mã và thông tin đã nhập.';

/** The citizens' dossier pages in a real browser: submit, receipt, look-up, supplement, withdrawal, rating. */
describe('citizen dossier pages in Chromium', function () {
  this.timeout(180_000);
  let t: TestApp;
  let admin: HttpClient;
  let browser: Browser;
  let page: Page;

  before(async function () {
    browser = await launchBrowser(this);
    // Monday 2/3/2026, office hours.
    t = await startTestApp({ at: '2026-03-02T09:00:00+07:00' });
    admin = await t.login('quantri');
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => page?.close());
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The khai-sinh fixtures typed in, choices picked by their names, the receiving commune chosen. */
  async function fillBirthRegistration(target: Page, applicant: Record<string, unknown>): Promise<void> {
    await target.locator('#applicant_name').waitFor();
    await typeFixture(target, 'applicant', applicant);
    await typeFixture(target, 'form', formFixture('khai-sinh.valid'), ['child.sex', 'requesterRelation']);
    await target.locator('#form_child').getByRole('radio', { name: 'Nam' }).check();
    await target.getByLabel('Quan hệ của người đi khai sinh với người được khai sinh').selectOption({ label: 'Cha' });
    await target.getByLabel('Cơ quan tiếp nhận').selectOption('hai-chau');
  }

  async function lookUp(target: Page, code: string, idNumber: string): Promise<void> {
    await target.goto(`${t.url}/tra-cuu`);
    await target.getByLabel('Mã hồ sơ').fill(code);
    await target.getByLabel('Số định danh cá nhân').fill(idNumber);
    await target.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  }

  it('should submit a birth registration online with one upload, then show the receipt with its code and QR code', async () => {
    // given
    await page.goto(`${t.url}/thu-tuc/khai-sinh`);
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.waitForURL(/\/nop-ho-so\/khai-sinh$/);
    await fillBirthRegistration(page, formFixture('applicant.valid'));
    await page.setInputFiles('#file-giay-chung-sinh', { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: samplePdf(2048) });
    await screenshot(page, 'citizen-submit-form');

    // when
    await page.getByRole('button', { name: 'Tiếp tục: xem lại hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Xem lại trước khi nộp' }).waitFor();
    const review = await page.locator('.review').textContent();
    await screenshot(page, 'citizen-submit-review');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.waitForURL(/\/ho-so\/[^/]+\/bien-nhan$/);
    await page.locator('[data-fact="procedure"]').waitFor();

    // then the review read the data as people do
    expect(review).to.include('28/01/2026').and.include('Nam').and.include('Cha').and.include('giay-chung-sinh.pdf');
    // the receipt shows the code, the facts and a QR code
    const code = (await page.locator('[data-dossier-code]').textContent())!.trim();
    expect(code).to.match(/-260302-\d{4}$/);
    expect(await page.locator('[data-qr] svg').count()).to.equal(1);
    expect(await page.locator('[data-fact="procedure"]').textContent()).to.equal('Đăng ký khai sinh');
    expect(await page.locator('[data-fact="dueAt"]').textContent()).to.match(/^\d{2}\/\d{2}\/2026/);
    await screenshot(page, 'citizen-receipt');
    // the server holds exactly what the fixture says, dates as yyyy-MM-dd, and the file
    const dossier = await admin.get(`/api/dossiers/${code}`);
    expect(dossier.body.formData).to.deep.equal(formFixture('khai-sinh.valid'));
    const files = (dossier.body.components as { code: string; files: unknown[] }[]).find((c) => c.code === 'giay-chung-sinh')!.files;
    expect(files).to.have.length(1);

    // and the look-up by code and ID number finds it
    await lookUp(page, code, '048092001234');
    await page.locator('[data-dossier]').waitFor();
    expect(await page.locator('[data-status]').textContent()).to.equal('Đã nộp, chờ tiếp nhận');
    expect(page.url()).to.not.include('048092001234');
    await screenshot(page, 'citizen-lookup-found');
  });

  it('should put the Vietnamese message on a bad ID number, keep every other value, and fit a 360-px screen', async () => {
    // given the server's own message for that number
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      const bad = await t.anonymous().post('/api/public/dossiers', { procedure: 'khai-sinh', applicant: { ...formFixture('applicant.valid'), idNumber: '12345' }, formData: formFixture('khai-sinh.valid'), agency: 'hai-chau' });
      const serverMessage = (bad.body.error.fields as { path: string; message: string }[]).find((f) => f.path === '/applicant/idNumber')!.message;
      await phone.goto(`${t.url}/nop-ho-so/khai-sinh`);
      await fillBirthRegistration(phone, { ...formFixture('applicant.valid'), idNumber: '12345' });

      // when
      await phone.getByRole('button', { name: 'Tiếp tục: xem lại hồ sơ' }).click();

      // then
      await phone.locator('#applicant_idNumber__error').waitFor();
      expect(await phone.locator('#applicant_idNumber__error').textContent()).to.equal(serverMessage);
      expect(await phone.locator('[role="alert"].error-summary').textContent()).to.include(serverMessage);
      expect(await phone.locator('#applicant_idNumber').getAttribute('aria-describedby')).to.include('applicant_idNumber__error');
      expect(await phone.locator('#applicant_name').inputValue()).to.equal('Nguyễn Văn An');
      expect(await phone.locator('#form_mother_dateOfBirth').inputValue()).to.equal('15/06/1994');
      expect(await phone.getByLabel('Cơ quan tiếp nhận').inputValue()).to.equal('hai-chau');
      const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).to.be.at.most(0);
      await screenshot(phone, 'citizen-submit-error-phone');

      // and a reload keeps what was typed
      await phone.reload();
      await phone.locator('#applicant_name').waitFor();
      expect(await phone.locator('#applicant_name').inputValue()).to.equal('Nguyễn Văn An');
      expect(await phone.locator('#form_child_dateOfBirth').inputValue()).to.equal('28/01/2026');
      expect(await phone.getByRole('status').first().textContent()).to.include('Đã khôi phục');
    } finally {
      await phone.close();
    }
  });

  it("should place the server's field messages on the fields the browser cannot check", async () => {
    // given a server that refuses the receiving commune
    await page.route('**/api/public/dossiers', (route) =>
      route.fulfill({ status: 422, json: { error: { code: 'VALIDATION_FAILED', message: 'Cơ quan tiếp nhận không hợp lệ.', fields: [{ path: '/agency', message: 'Thủ tục được tiếp nhận tại nơi khác.' }, { path: '/formData/child/hometown', message: 'Quê quán không có trong danh mục.' }] } } }),
    );
    await page.goto(`${t.url}/nop-ho-so/khai-sinh`);
    await fillBirthRegistration(page, formFixture('applicant.valid'));
    await page.getByRole('button', { name: 'Tiếp tục: xem lại hồ sơ' }).click();

    // when
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();

    // then
    await page.locator('#agency__error:not(:empty)').waitFor();
    expect(await page.locator('#agency__error').textContent()).to.equal('Thủ tục được tiếp nhận tại nơi khác.');
    expect(await page.locator('#form_child_hometown__error').textContent()).to.equal('Quê quán không có trong danh mục.');
    expect(await page.locator('.error-summary').textContent()).to.include('Cơ quan tiếp nhận không hợp lệ.');
    expect(await page.locator('#form_child_hometown').inputValue()).to.equal('Xã Điện Bàn Bắc, thành phố Đà Nẵng');
  });

  it('should say only "not found" for a wrong ID number, revealing nothing of the dossier, on a 360-px screen', async () => {
    // given
    const { code } = await submitOnline(t, { agency: 'hai-chau' });
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      // when
      await lookUp(phone, code, '048099999999');

      // then
      await phone.locator('[data-lookup-error]:not(:empty)').waitFor();
      expect(await phone.locator('[data-lookup-error]').textContent()).to.equal(NOT_FOUND);
      expect(await phone.locator('[data-dossier]').count()).to.equal(0);
      expect(await phone.locator('body').textContent()).to.not.include('Đăng ký khai sinh');
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).to.be.at.most(0);
      await screenshot(phone, 'citizen-lookup-not-found-phone');
    } finally {
      await phone.close();
    }
  });

  it('should ask a receipt opened without the proof for it, then show the facts and the printable form 01, on a 360-px screen', async () => {
    // given a dossier accepted at the desk, its receipt opened in a fresh browser
    const { code, idNumber } = await submitOnline(t, { agency: 'hai-chau' });
    await acceptAtDesk(t, admin, code);
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      await phone.goto(`${t.url}/ho-so/${code}/bien-nhan`);
      await phone.getByLabel('Số định danh cá nhân').waitFor();

      // when
      await phone.getByLabel('Số định danh cá nhân').fill(idNumber);
      await phone.getByRole('button', { name: 'Xem thông tin' }).click();

      // then
      await phone.locator('[data-fact="dueAt"]').waitFor();
      expect(await phone.locator('[data-fact="status"]').textContent()).to.equal('Đang được giải quyết');
      expect(await phone.locator('[data-fact="dueAt"]').textContent()).to.equal('02/03/2026');
      expect(phone.url()).to.not.include(idNumber);
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).to.be.at.most(0);
      await screenshot(phone, 'citizen-receipt-phone');
      const [printable] = await Promise.all([phone.context().waitForEvent('page'), phone.getByRole('button', { name: /mẫu 01/ }).click()]);
      await printable.waitForLoadState();
      expect(await printable.textContent('body')).to.include(code);
      expect(printable.url()).to.not.include(idNumber);
      await printable.close();
    } finally {
      await phone.close();
    }
  });

  it('should upload the requested supplement from the look-up page and show the new status', async () => {
    // given the desk asks for a paper at reception
    const { code, idNumber } = await submitOnline(t, { agency: 'hai-chau' });
    const receive = (await openTasks(admin, code)).find((task) => task.stepKind === 'receive')!;
    const asked = await work(t, receive, 'supplement');
    expect(asked.status, asked.text).to.equal(200);
    await lookUp(page, code, idNumber);
    await page.locator('[data-status="5"]').waitFor();
    expect(await page.locator('.supplement').textContent()).to.include('Thiếu bản sao giấy tờ tùy thân');
    await screenshot(page, 'citizen-supplement-asked');

    // when
    await page.setInputFiles('#file-giay-to-tuy-than', { name: 'can-cuoc.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    await page.getByLabel('Ghi chú gửi cơ quan giải quyết (nếu có)').fill('Đã bổ sung bản sao căn cước');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();

    // then
    await page.locator('[data-status="1"]').waitFor();
    expect(await page.getByRole('status').first().textContent()).to.include('Đã gửi bổ sung');
    const dossier = await admin.get(`/api/dossiers/${code}`);
    expect(dossier.body.status).to.equal(1);
    const files = (dossier.body.components as { code: string; files: { fileName: string }[] }[]).find((c) => c.code === 'giay-to-tuy-than')!.files;
    expect(files.map((f) => f.fileName)).to.deep.equal(['can-cuoc.png']);
    await screenshot(page, 'citizen-supplement-sent');
  });

  it('should withdraw a dossier only with a reason and a confirmation', async () => {
    // given
    const { code, idNumber } = await submitOnline(t, { agency: 'hai-chau' });
    await acceptAtDesk(t, admin, code);
    await lookUp(page, code, idNumber);
    await page.getByRole('button', { name: 'Rút hồ sơ này' }).click();

    // when confirmed without a reason
    await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();

    // then nothing is sent
    expect(await page.locator('#withdraw-reason-error').textContent()).to.equal('Vui lòng nêu lý do rút hồ sơ.');
    expect((await admin.get(`/api/dossiers/${code}`)).body.status).to.equal(4);
    await screenshot(page, 'citizen-withdraw-confirm');

    // when given a reason
    await page.getByLabel('Lý do rút hồ sơ').fill('Gia đình đã đăng ký tại nơi khác');
    await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();

    // then
    await page.locator('[data-status="7"]').waitFor();
    expect((await admin.get(`/api/dossiers/${code}`)).body.status).to.equal(7);
    expect(await page.getByRole('button', { name: 'Rút hồ sơ này' }).count()).to.equal(0);
  });

  it('should rate a returned dossier once, with a comment', async () => {
    // given
    const { code, idNumber } = await submitOnline(t, { agency: 'hai-chau' });
    await driveToEnd(t, admin, code);
    await lookUp(page, code, idNumber);
    await page.locator('[data-status="10"]').waitFor();

    // when
    await page.getByRole('radio', { name: 'Rất hài lòng' }).check();
    await page.getByLabel('Góp ý (nếu có)').fill('Cán bộ hướng dẫn tận tình');
    await screenshot(page, 'citizen-rating');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();

    // then
    await page.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    expect(await page.getByRole('button', { name: 'Gửi đánh giá' }).count()).to.equal(0);
    expect((await admin.get(`/api/dossiers/${code}`)).body.rating).to.equal(5);
  });
});
