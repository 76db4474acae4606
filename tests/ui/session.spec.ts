import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../e2e/support/testApp.js';
import { launchBrowser, screenshot } from './support/browser.js';

const PASSWORD = 'MotCua@2026';

/** Staff sign in and out through the sign-in page in a real browser. */
describe('staff sign-in in Chromium', function () {
  this.timeout(120_000);
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  before(async function () {
    browser = await launchBrowser(this);
    t = await startTestApp({ at: '2026-03-02T09:00:00+07:00' });
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => page?.close());
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should show the server\'s message and keep the user on the page after a wrong password', async () => {
    // given
    await page.goto(`${t.url}/dang-nhap`);

    // when
    await page.getByLabel('Tên đăng nhập').fill('chuyenvien.haichau');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // then
    await page.locator('[data-login-error]:not(:empty)').waitFor();
    expect(await page.locator('[data-login-error]').textContent()).to.match(/mật khẩu/i);
    expect(new URL(page.url()).pathname).to.equal('/dang-nhap');
    await screenshot(page, 'session-login-failed');
  });

  it('should say which field is missing', async () => {
    // given
    await page.goto(`${t.url}/dang-nhap`);

    // when
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // then
    await page.locator('#username-error:not(:empty)').waitFor();
    expect(await page.locator('#username').getAttribute('aria-invalid')).to.equal('true');
    expect(await page.locator('#password-error').textContent()).to.include('mật khẩu');
  });

  it('should go back to the page asked for, show the user in the header, and sign out', async () => {
    // given
    await page.goto(`${t.url}/dang-nhap?next=${encodeURIComponent('/thu-tuc/khai-sinh')}`);

    // when
    await page.getByLabel('Tên đăng nhập').fill('chuyenvien.haichau');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // then
    await page.waitForURL(/\/thu-tuc\/khai-sinh$/);
    expect(await page.locator('[data-user="chuyenvien.haichau"]').count()).to.equal(1);
    expect(await page.locator('meta[name="csrf-token"]').getAttribute('content')).to.have.length.greaterThan(10);

    // when
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    // then
    await page.waitForURL(`${t.url}/`);
    expect(await page.locator('[data-user]').count()).to.equal(0);
    expect((await page.request.get(`${t.url}/api/auth/me`)).status()).to.equal(401);
  });

  it('should not follow a next address on another site', async () => {
    // given
    await page.goto(`${t.url}/dang-nhap?next=${encodeURIComponent('//example.org/')}`);

    // when
    await page.getByLabel('Tên đăng nhập').fill('kiemtra');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // then the auditor lands on their own start page on this site
    await page.waitForURL((url) => url.pathname === '/bao-cao');
    expect(new URL(page.url()).host).to.equal(new URL(t.url).host);
  });
});
