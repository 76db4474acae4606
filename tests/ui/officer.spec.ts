import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { submitOnline, type SubmittedDossier } from '../e2e/support/submitOnline.js';
import { startTestApp, type TestApp } from '../e2e/support/testApp.js';
import { launchBrowser, screenshot } from './support/browser.js';

const PASSWORD = 'MotCua@2026';

/**
 * An officer's day in a real browser: the inbox with its badges, filters and bulk claim,
 * then one dossier from reception to the specialist's decision, with its diagram and form 01.
 * The steps build on each other, in order, on the same two dossiers.
 */
describe('officer inbox and dossier pages in Chromium', function () {
  this.timeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let desk: BrowserContext;
  let page: Page;
  let first: SubmittedDossier;
  let second: SubmittedDossier;

  before(async function () {
    browser = await launchBrowser(this);
    // Monday 2/3/2026, 08:00: the reception steps (4 working hours) are due at 14:00.
    t = await startTestApp({ at: '2026-03-02T08:00:00+07:00' });
    first = await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' });
    second = await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' });
    desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await desk.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(target: Page, username: string): Promise<void> {
    await target.goto(`${t.url}/can-bo`);
    await target.waitForURL(/\/dang-nhap\?next=/);
    await target.getByLabel('Tên đăng nhập').fill(username);
    await target.getByLabel('Mật khẩu').fill(PASSWORD);
    await target.getByRole('button', { name: 'Đăng nhập' }).click();
    await target.waitForURL((url) => url.pathname === '/can-bo');
  }

  const row = (target: Page, code: string) => target.locator(`tr[data-dossier-code="${code}"]`);

  it('should sign in through the sign-in page and list a new dossier with a due-soon badge', async () => {
    // when
    await signIn(page, 'motcua.haichau');

    // then
    const badge = row(page, first.code).locator('[data-badge]');
    expect(await badge.getAttribute('data-badge')).to.equal('due-soon');
    expect(await badge.textContent()).to.equal('Sắp đến hạn');
    expect(await row(page, first.code).textContent()).to.include('Đăng ký thành lập hộ kinh doanh').and.include('02/03/2026 14:00');
    await screenshot(page, 'officer-inbox');
  });

  it('should show the dossiers under the overdue filter once their reception is late', async () => {
    // given the clock passes the 14:00 due time
    t.clock.set('2026-03-02T14:30:00+07:00');
    await page.goto(`${t.url}/can-bo`);

    // when
    await page.getByLabel('Thời hạn').selectOption('overdue');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();

    // then
    await page.waitForURL(/deadline=overdue/);
    expect(await page.locator('tbody tr[data-task-id]').count()).to.equal(2);
    expect(await row(page, first.code).locator('[data-badge]').textContent()).to.equal('Quá hạn');
    expect(await row(page, second.code).locator('[data-badge]').getAttribute('data-badge')).to.equal('overdue');
  });

  it('should claim two selected steps at once and name the officer on each row', async () => {
    // given
    await page.goto(`${t.url}/can-bo?assignee=none`);

    // when
    await page.getByLabel('Chọn tất cả công việc trên trang').check();
    await page.getByRole('button', { name: 'Nhận xử lý', exact: true }).click();

    // then
    await page.locator('[data-bulk-result]:not(:empty)').waitFor();
    expect(await page.locator('[data-bulk-result]').textContent()).to.include('Đã xong 2 công việc; 0 công việc');
    for (const code of [first.code, second.code]) {
      expect(await row(page, code).getAttribute('data-result')).to.equal('200');
      expect(await row(page, code).locator('[data-assignee]').textContent()).to.equal('Nguyễn Thị Lan');
    }
  });

  it('should draw the process with the reception step highlighted and accept the dossier with the step form', async () => {
    // given
    await page.goto(`${t.url}/can-bo/ho-so/${first.code}`);
    await page.locator('#diagram[data-ready="true"]').waitFor();
    expect(await page.locator('.djs-element.officer-active[data-element-id="receive"]').count()).to.equal(1);
    expect(await page.locator('.officer-completed[data-element-id="submitted"]').count()).to.equal(1);
    expect(await page.locator('[data-form-data]').textContent()).to.include('Tên hộ kinh doanh');
    await screenshot(page, 'officer-dossier');

    // when
    const step = page.locator('[data-step-form]');
    await step.getByLabel('Tiếp nhận hồ sơ', { exact: true }).check();
    await step.getByLabel('Ghi chú').fill('Hồ sơ đủ thành phần');
    await step.getByRole('button', { name: 'Hoàn thành bước' }).click();

    // then the page comes back with the dossier being processed
    await page.locator('[data-status="4"]').waitFor();
    expect(await page.locator('[data-history]').textContent()).to.include('Nguyễn Thị Lan hoàn thành bước «Tiếp nhận hồ sơ đăng ký hộ kinh doanh»: Tiếp nhận hồ sơ.');
    expect(await page.locator('[data-step-form]').count()).to.equal(0);
  });

  it('should open form 01 for printing', async () => {
    // when
    const [printed] = await Promise.all([desk.waitForEvent('page'), page.locator('[data-print="01"]').click()]);

    // then
    await printed.waitForLoadState();
    expect(new URL(printed.url()).pathname).to.equal(`/api/documents/${first.code}/01`);
    expect((await printed.textContent('body'))?.toUpperCase()).to.include('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ').and.include(first.code);
    await printed.close();
  });

  it('should fit a tablet: no sideways scrolling of the page, the inbox table scrolling in its own region', async () => {
    // given
    const tablet = await desk.newPage();
    await tablet.setViewportSize({ width: 768, height: 1024 });
    const pageWidth = "document.documentElement.scrollWidth - document.documentElement.clientWidth";

    // when
    await tablet.goto(`${t.url}/can-bo`);

    // then
    expect(await tablet.evaluate<number>(pageWidth)).to.equal(0);
    expect(await tablet.locator('.officer-table[role="region"][tabindex="0"]').count()).to.equal(1);

    // when
    await tablet.goto(`${t.url}/can-bo/ho-so/${first.code}`);
    await tablet.locator('#diagram[data-ready="true"]').waitFor();

    // then
    expect(await tablet.evaluate<number>(pageWidth)).to.equal(0);
    await tablet.close();
  });

  it('should list the papers to add for a supplement request with worded buttons naming each item, on a phone', async () => {
    // given the second dossier, still at reception, opened on a 360-pixel screen
    const phone = await desk.newPage();
    await phone.setViewportSize({ width: 360, height: 800 });
    await phone.goto(`${t.url}/can-bo/ho-so/${second.code}`);
    const step = phone.locator('[data-step-form]');
    await step.getByLabel('Yêu cầu bổ sung hồ sơ').check();
    const add = step.getByRole('button', { name: 'Thêm mục', exact: true });
    const items = step.locator('.rjsf-array-item');
    // a supplement request names at least one paper, so the list starts with one
    expect(await items.count()).to.equal(1);

    // when
    await add.click();
    await items.nth(0).locator('input').fill('Bản sao căn cước');
    await items.nth(1).locator('input').fill('Hợp đồng thuê nhà');

    // then
    expect(await items.count()).to.equal(2);
    const removeFirst = step.getByRole('button', { name: 'Xóa mục 1', exact: true });
    expect(await removeFirst.textContent()).to.equal('Xóa mục');
    expect((await removeFirst.boundingBox())?.height).to.be.at.least(44);
    expect(await step.getByRole('button', { name: 'Chuyển xuống mục 1', exact: true }).textContent()).to.equal('Chuyển xuống');
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).to.equal(0);
    await screenshot(phone, 'officer-step-list');

    // when
    await removeFirst.click();

    // then
    expect(await items.count()).to.equal(1);
    expect(await items.nth(0).locator('input').inputValue()).to.equal('Hợp đồng thuê nhà');
    await phone.close();
  });

  it("should show the server's message on the field a specialist left out, then pass the dossier on", async () => {
    // given
    const specialist = await (await browser.newContext({ viewport: { width: 1024, height: 900 } })).newPage();
    await signIn(specialist, 'chuyenvien.haichau');
    await row(specialist, first.code).getByRole('link', { name: first.code }).click();
    const step = specialist.locator('[data-step-form]');
    await step.getByLabel('Không đủ điều kiện đăng ký').check();

    // when the refusal is sent without the opinion the applicant must be given
    await step.getByRole('button', { name: 'Nhận và hoàn thành bước' }).click();

    // then
    const error = step.locator('.has-error .error-detail');
    await error.waitFor();
    expect(await error.textContent()).to.include('Ý kiến xử lý');
    expect(await specialist.evaluate<string | undefined>('document.activeElement && document.activeElement.id')).to.match(/opinion$/);

    // when
    await step.getByLabel('Đủ điều kiện, trình ký').check();
    await step.getByLabel('Ý kiến xử lý').fill('Đủ điều kiện cấp Giấy chứng nhận');
    await step.getByRole('button', { name: /hoàn thành bước/i }).click();

    // then the dossier waits for the leader's signature
    await specialist.locator('[data-no-open-step], .officer-step .notice').first().waitFor();
    expect(await specialist.locator('.officer-step h3').textContent()).to.match(/^Ký/);
    expect(await specialist.locator('[data-history]').textContent()).to.include('Trần Văn Minh hoàn thành bước «Thẩm định hồ sơ đăng ký hộ kinh doanh»: Đủ điều kiện, trình ký.');
    await specialist.context().close();
  });
});
