import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../e2e/support/testApp.js';
import { launchBrowser, screenshot } from './support/browser.js';

/** The citizens' procedure catalogue in a real browser, on a phone-width screen too. */
describe('citizen portal in Chromium', function () {
  this.timeout(120_000);
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  before(async function () {
    browser = await launchBrowser(this);
    // Friday 13/2/2026, just before the Tết holiday week.
    t = await startTestApp({ at: '2026-02-13T10:00:00+07:00' });
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => page?.close());
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should list the procedures in Vietnamese and find one by a search without diacritics', async () => {
    // given
    await page.goto(`${t.url}/`);
    expect(await page.getAttribute('html', 'lang')).to.equal('vi');
    expect(await page.locator('[data-procedure]').count()).to.equal(7);

    // when
    await page.getByRole('searchbox').fill('ly lich tu phap');
    await page.getByRole('button', { name: 'Tìm' }).click();

    // then
    await page.waitForURL(/q=ly/);
    const names = await page.locator('[data-procedure] h2').allTextContents();
    expect(names).to.have.length(1);
    expect(names[0]).to.match(/lý lịch tư pháp/i);
    await screenshot(page, 'portal-catalogue-search');
  });

  it("should show a procedure's components, fee and the expected due date counted over Tết", async () => {
    // when
    await page.goto(`${t.url}/thu-tuc/dang-ky-ho-kinh-doanh`);

    // then 3 working days from Friday 13/2 skip the Tết week (16–20/2): due Wednesday 25/2
    const due = await page.locator('[data-expected-due]').textContent();
    expect(due).to.include('25/02/2026');
    expect(await page.locator('table tbody tr').count()).to.be.greaterThan(0);
    await screenshot(page, 'portal-procedure');
  });

  it('should switch to English and back, staying on the page', async () => {
    // given
    await page.goto(`${t.url}/thu-tuc/khai-sinh`);

    // when
    await page.getByRole('link', { name: 'Chuyển sang tiếng Anh' }).click();

    // then
    await page.waitForURL(/\/thu-tuc\/khai-sinh$/);
    expect(await page.getAttribute('html', 'lang')).to.equal('en');
    expect(await page.textContent('body')).to.include('Documents to submit');
    await page.getByRole('link', { name: 'Switch to Vietnamese' }).click();
    await page.waitForURL(/\/thu-tuc\/khai-sinh$/);
    expect(await page.getAttribute('html', 'lang')).to.equal('vi');
  });

  it('should fit a phone-width screen without sideways scrolling and reach the search by keyboard', async () => {
    // given
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      await phone.goto(`${t.url}/`);

      // when
      await phone.keyboard.press('Tab');
      const skip = await phone.evaluate<string | null>('document.activeElement && document.activeElement.textContent');
      const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

      // then
      expect(skip).to.equal('Bỏ qua, tới nội dung chính');
      expect(overflow).to.be.at.most(0);
      await screenshot(phone, 'portal-phone');
    } finally {
      await phone.close();
    }
  });

  it('should answer an unknown procedure with a 404 page in Vietnamese', async () => {
    const response = await page.goto(`${t.url}/thu-tuc/khong-co`);
    expect(response?.status()).to.equal(404);
    expect(await page.textContent('h1')).to.equal('Không tìm thấy trang');
  });
});
