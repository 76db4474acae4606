import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../e2e/support/testApp.js';
import { launchBrowser, screenshot } from './support/browser.js';

const PASSWORD = 'MotCua@2026';
const KHAI_SINH_BPMN = readFileSync(join(process.cwd(), 'processes', 'khai-sinh', 'process.bpmn'), 'utf8');
const READY = '[data-studio][data-ready="true"]';

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** The procedure designer's pages in a real browser, signed in as the demo designer. */
describe('procedure designer in Chromium', function () {
  this.timeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let designer: BrowserContext;
  let page: Page;

  async function openStudio(code: string): Promise<void> {
    await page.goto(`${t.url}/thiet-ke/${code}`);
    await page.locator(READY).waitFor({ timeout: 60_000 });
  }

  before(async function () {
    browser = await launchBrowser(this);
    t = await startTestApp({ at: '2026-03-02T09:00:00+07:00' });
    designer = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const login = await designer.newPage();
    await login.goto(`${t.url}/dang-nhap`);
    await signIn(login, 'thietke');
    await login.waitForURL(/\/thiet-ke$/);
    await login.close();
  });
  beforeEach(async () => {
    page = await designer.newPage();
  });
  afterEach(async () => page?.close());
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should send a signed-out visitor to the sign-in page and back to the procedure', async () => {
    // given
    const anonymous = await browser.newPage();
    try {
      await anonymous.goto(`${t.url}/thiet-ke/khai-sinh`);
      expect(new URL(anonymous.url()).pathname).to.equal('/dang-nhap');
      expect(new URL(anonymous.url()).searchParams.get('next')).to.equal('/thiet-ke/khai-sinh');

      // when
      await signIn(anonymous, 'thietke');

      // then
      await anonymous.waitForURL(/\/thiet-ke\/khai-sinh$/);
      await anonymous.locator(READY).waitFor({ timeout: 60_000 });
    } finally {
      await anonymous.close();
    }
  });

  it('should NOT open the designer for an officer', async () => {
    // given
    const officer = await browser.newPage();
    try {
      await officer.goto(`${t.url}/dang-nhap`);
      await signIn(officer, 'motcua.haichau');
      await officer.waitForURL(/\/can-bo/);

      // when
      const response = await officer.goto(`${t.url}/thiet-ke`);

      // then
      expect(response?.status()).to.equal(403);
      expect(await officer.locator('[data-studio-list]').count()).to.equal(0);
    } finally {
      await officer.close();
    }
  });

  it('should list the 7 procedures with their version and last change', async () => {
    // when
    await page.goto(`${t.url}/thiet-ke`);
    await page.locator('[data-procedure]').first().waitFor();

    // then
    expect(await page.locator('[data-procedure]').count()).to.equal(7);
    const row = await page.locator('[data-procedure="khai-sinh"]').innerText();
    expect(row).to.include('Đăng ký khai sinh').and.include('Hộ tịch');
    expect(row).to.match(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await screenshot(page, 'studio-list');
  });

  it('should refuse a new procedure code that is malformed or taken, next to the field', async () => {
    // given
    await page.goto(`${t.url}/thiet-ke`);
    await page.locator('[data-procedure]').first().waitFor();

    // when
    await page.getByLabel('Mã thủ tục').fill('Khai Sinh');
    await page.getByRole('button', { name: 'Tạo thủ tục' }).click();

    // then
    expect(await page.locator('#new-code-error').textContent()).to.match(/chữ thường/);
    expect(await page.locator('#new-name-error').textContent()).to.match(/tên thủ tục/);

    // when
    await page.getByLabel('Mã thủ tục').fill('khai-sinh');
    await page.getByRole('button', { name: 'Tạo thủ tục' }).click();

    // then
    expect(await page.locator('#new-code-error').textContent()).to.include('đã có');
    expect(new URL(page.url()).pathname).to.equal('/thiet-ke');
  });

  it('should start a new procedure from a diagram with a receive and a return step', async () => {
    // given
    await page.goto(`${t.url}/thiet-ke`);
    await page.locator('[data-procedure]').first().waitFor();

    // when
    await page.getByLabel('Mã thủ tục').fill('cap-ban-sao-trich-luc');
    await page.getByLabel('Tên thủ tục').first().fill('Cấp bản sao trích lục hộ tịch');
    await page.getByRole('button', { name: 'Tạo thủ tục' }).click();

    // then
    await page.waitForURL(/\/thiet-ke\/cap-ban-sao-trich-luc\?moi=1/);
    await page.locator(READY).waitFor({ timeout: 60_000 });
    const names = await page.evaluate<string[]>(
      "window.motcuaModeler.modeler.get('elementRegistry').filter((e) => !e.labelTarget && e.type !== 'bpmn:Process' && e.type !== 'bpmn:SequenceFlow').map((e) => e.type + ':' + (e.businessObject.name || ''))",
    );
    expect(names).to.include.members(['bpmn:StartEvent:Hồ sơ được nộp', 'bpmn:UserTask:Tiếp nhận hồ sơ', 'bpmn:UserTask:Trả kết quả', 'bpmn:EndEvent:Đã trả kết quả']);
    expect(await page.locator('[data-version-label]').textContent()).to.equal('Chưa triển khai');
    expect(await page.locator('#meta-name').inputValue()).to.equal('Cấp bản sao trích lục hộ tịch');
    await screenshot(page, 'studio-new-procedure');
  });

  it('should deploy a new procedure once its details are complete, and list it', async () => {
    // given
    await page.goto(`${t.url}/thiet-ke/cap-ban-sao-trich-luc?moi=1&ten=${encodeURIComponent('Cấp bản sao trích lục hộ tịch')}`);
    await page.locator(READY).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Triển khai' }).click();
    await page.getByRole('button', { name: 'Triển khai', exact: true }).click();
    await page.getByRole('button', { name: 'Đồng ý triển khai' }).click();
    await page.locator('[data-deploy-error]:has-text("còn lỗi")').waitFor();
    expect(await page.locator('#meta-result-error').textContent()).to.not.equal('');

    // when
    await page.getByRole('tab', { name: 'Thông tin thủ tục' }).click();
    await page.locator('#meta-field').fill('Hộ tịch');
    await page.locator('#meta-limit-text').fill('01 ngày làm việc');
    await page.locator('#meta-result').fill('Bản sao trích lục hộ tịch');
    await page.getByRole('tab', { name: 'Triển khai' }).click();
    await page.getByRole('button', { name: 'Triển khai', exact: true }).click();
    await page.getByRole('button', { name: 'Đồng ý triển khai' }).click();

    // then
    await page.locator('[data-deploy-status]:has-text("Đã triển khai phiên bản 1")').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).to.equal('/thiet-ke/cap-ban-sao-trich-luc');
    await page.goto(`${t.url}/thiet-ke`);
    await page.locator('[data-procedure="cap-ban-sao-trich-luc"]').waitFor();
    expect(await page.locator('[data-procedure]').count()).to.equal(8);
  });

  it('should warn before leaving with changes that were not deployed', async () => {
    // given
    await openStudio('khai-sinh');
    await page.evaluate("window.motcuaModeler.addStep('process', { after: 'receive' })");
    expect(await page.locator('[data-dirty-state]').textContent()).to.equal('Có thay đổi chưa triển khai');

    // when
    const dialog = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });

    // then
    expect((await dialog).type()).to.equal('beforeunload');
    await (await dialog).accept();
  });

  it('should NOT undo the hidden diagram when Ctrl+Z is pressed on the Form tab', async () => {
    // given a step added to the diagram
    await openStudio('khai-sinh');
    const added = await page.evaluate<string>("window.motcuaModeler.addStep('process', { after: 'receive' })");
    await page.getByRole('tab', { name: 'Biểu mẫu' }).click();
    await page.evaluate('document.activeElement && document.activeElement.blur()');

    // when
    await page.keyboard.press('Control+z');

    // then
    await page.getByRole('tab', { name: 'Quy trình' }).click();
    expect(await page.locator(`#panel-process .djs-element[data-element-id="${added}"]`).count()).to.equal(1);
  });

  it('should render the diagram of khai-sinh with the bpmn.io watermark', async () => {
    // when
    await openStudio('khai-sinh');

    // then
    expect(await page.locator('#panel-process .djs-element[data-element-id="receive"]').count()).to.equal(1);
    expect(await page.locator('#panel-process .bjs-powered-by').count()).to.equal(1);
    expect(await page.locator('[data-version-label]').textContent()).to.equal('Phiên bản 1');
    await screenshot(page, 'studio-process');
  });

  it('should show the message for an empty name next to the name field', async () => {
    // given
    await openStudio('khai-sinh');
    await page.getByRole('tab', { name: 'Thông tin thủ tục' }).click();

    // when
    await page.locator('#meta-name').fill('');

    // then the draft is checked by the server a moment after the change
    await page.locator('#meta-name-error:not(:empty)').waitFor();
    expect(await page.locator('#meta-name').getAttribute('aria-invalid')).to.equal('true');
    expect(await page.locator('[data-dirty-state]').textContent()).to.equal('Có thay đổi chưa triển khai');
    await screenshot(page, 'studio-metadata');
  });

  it('should add, reorder and remove components', async () => {
    // given
    await openStudio('khai-sinh');
    await page.getByRole('tab', { name: 'Thông tin thủ tục' }).click();
    const codes = () => page.evaluate<string[]>(`[...document.querySelectorAll('[data-components] input[id$="-code"]')].map((input) => input.value)`);
    expect(await codes()).to.have.length(4);

    // when
    await page.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await page.locator('#meta-component-4-code').fill('giay-xac-nhan');
    await page.getByRole('button', { name: 'Chuyển Giấy tờ 5 lên' }).click();
    await page.getByRole('button', { name: 'Xóa Giấy tờ 1' }).click();

    // then
    expect(await codes()).to.deep.equal(['giay-chung-sinh', 'giay-to-tuy-than', 'giay-xac-nhan', 'van-ban-uy-quyen']);
  });

  it('should show a broken step on its element and in the list after validating', async () => {
    // given a diagram imported from a file, whose registration step has an unknown step kind
    await openStudio('khai-sinh');
    const broken = KHAI_SINH_BPMN.replace('<zeebe:header key="stepKind" value="process" />', '<zeebe:header key="stepKind" value="tham-dinh" />');
    await page.locator('[data-import-file]').setInputFiles({ name: 'khai-sinh-loi.bpmn', mimeType: 'application/xml', buffer: Buffer.from(broken) });
    await page.locator('[data-studio-status]:has-text("khai-sinh-loi.bpmn")').waitFor();

    // when
    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    await page.locator('[data-action="validate"]').click();

    // then
    await page.locator('[data-problem="register"]').waitFor();
    expect(await page.locator('[data-problem="register"]').innerText()).to.include('Kiểm tra, ghi Sổ đăng ký khai sinh');
    expect(await page.locator('.djs-element.motcua-problem[data-element-id="register"]').count()).to.equal(1);

    // when
    await page.locator('[data-problem-element="register"]').click();

    // then
    const selected = await page.evaluate<string[]>("window.motcuaModeler.modeler.get('selection').get().map((e) => e.id)");
    expect(selected).to.deep.equal(['register']);
    await screenshot(page, 'studio-validate');
  });

  it('should NOT import a file that is not BPMN, and say why', async () => {
    // given
    await openStudio('khai-sinh');

    // when
    await page.locator('[data-import-file]').setInputFiles({ name: 'ghi-chu.bpmn', mimeType: 'application/xml', buffer: Buffer.from('không phải XML') });

    // then
    await page.locator('[data-studio-error]:not(:empty)').waitFor();
    expect(await page.locator('[data-studio-error]').textContent()).to.include('ghi-chu.bpmn').and.include('XML');
    expect(await page.locator('#panel-process .djs-element[data-element-id="receive"]').count()).to.equal(1);
  });

  it('should test-run to the end choosing outcomes, with due dates as dd/MM/yyyy', async () => {
    // given
    await openStudio('khai-sinh');
    await page.getByRole('tab', { name: 'Chạy thử' }).click();
    await page.getByLabel('Thời điểm nộp hồ sơ (dd/MM/yyyy HH:mm)').fill('02/03/2026 09:00');

    // when
    await page.getByRole('button', { name: 'Bắt đầu chạy thử' }).click();
    await choose('receive', 'Tiếp nhận hồ sơ');
    await page.getByRole('button', { name: '1 giờ' }).click();
    await page.locator('[data-run-steps] li:nth-child(2)').waitFor();
    await choose('register', 'Trình ký Giấy khai sinh');
    await choose('approve', 'Ký Giấy khai sinh');
    await choose('returnResult', 'Đã trả kết quả');

    // then
    await page.locator('[data-run-state="completed"]').waitFor();
    const tasks = await page.locator('[data-run-tasks] tbody').innerText();
    expect(tasks).to.include('Tiếp nhận, kiểm tra hồ sơ').and.include('Trả Giấy khai sinh');
    expect(tasks).to.match(/02\/03\/2026 \d{2}:\d{2}/);
    expect(await page.locator('[data-run-path] tbody tr').count()).to.be.greaterThan(8);
    expect(await page.locator('#panel-testrun .djs-element.studio-visited[data-element-id="approve"]').count()).to.equal(1);
    await screenshot(page, 'studio-test-run');

    // when
    await page.getByRole('button', { name: 'Lùi một bước' }).click();

    // then the return step waits again
    await page.locator('[data-open="returnResult"]').waitFor();
    expect(await page.locator('[data-run-state="active"]').count()).to.equal(1);
  });

  async function choose(element: string, outcome: string): Promise<void> {
    const item = page.locator(`[data-open="${element}"]`);
    await item.waitFor();
    await item.getByRole('button', { name: outcome }).click();
    await item.waitFor({ state: 'detached' });
  }

  it('should deploy version 2 after confirming, list it in the history and show the change between 1 and 2', async () => {
    // given
    await openStudio('khai-sinh');
    await page.getByRole('tab', { name: 'Thông tin thủ tục' }).click();
    await page.locator('#meta-fee-text').fill('Miễn lệ phí');

    // when
    await page.getByRole('tab', { name: 'Triển khai' }).click();
    await page.getByLabel('Ghi chú thay đổi').fill('Ghi lại quy định lệ phí');
    await page.getByRole('button', { name: 'Triển khai', exact: true }).click();
    await page.getByRole('button', { name: 'Đồng ý triển khai' }).click();

    // then
    await page.locator('[data-deploy-status]:has-text("Đã triển khai phiên bản 2")').waitFor();
    expect(await page.locator('[data-version-label]').textContent()).to.equal('Phiên bản 2');
    expect(await page.locator('[data-dirty-state]').textContent()).to.equal('Không có thay đổi chưa triển khai');
    await screenshot(page, 'studio-deploy');

    // when
    await page.getByRole('tab', { name: 'Lịch sử' }).click();

    // then
    const version2 = await page.locator('[data-versions] tr[data-version="2"]').innerText();
    expect(version2).to.include('thietke').and.include('Ghi lại quy định lệ phí').and.match(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    // when
    await page.getByLabel('Từ phiên bản').selectOption('1');
    await page.getByLabel('Đến phiên bản').selectOption('2');
    await page.getByRole('button', { name: 'So sánh' }).click();

    // then
    await page.locator('[data-diff-section="metadata"]').waitFor();
    expect(await page.locator('[data-diff-section="metadata"]').innerText()).to.include('Phí, lệ phí').and.include('Miễn lệ phí');
    await screenshot(page, 'studio-history');
  });

  it('should say nothing changed when deploying the latest version as it is', async () => {
    // given version 2 of khai-sinh, deployed from the designer above
    await openStudio('khai-sinh');

    // when
    await page.getByRole('tab', { name: 'Triển khai' }).click();
    await page.getByRole('button', { name: 'Triển khai', exact: true }).click();
    await page.getByRole('button', { name: 'Đồng ý triển khai' }).click();

    // then
    await page.locator('[data-deploy-status]:has-text("Không có thay đổi so với phiên bản 2")').waitFor();
    expect(await page.locator('[data-version-label]').textContent()).to.equal('Phiên bản 2');
  });

  it('should show an old version read-only and download its .bpmn', async () => {
    // given version 2 of khai-sinh was deployed above
    await openStudio('khai-sinh');
    await page.getByRole('tab', { name: 'Lịch sử' }).click();

    // when
    await page.getByRole('button', { name: 'Xem phiên bản 1' }).click();

    // then
    await page.locator('[data-version-viewer-canvas] .djs-element[data-element-id="receive"]').waitFor();
    expect(await page.locator('[data-version-viewer-canvas] .djs-palette').count()).to.equal(0);

    // when
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải sơ đồ phiên bản 1' }).click()]);

    // then
    expect(download.suggestedFilename()).to.equal('khai-sinh-v1.bpmn');
  });

  it('should export the current diagram as a .bpmn file', async () => {
    // given
    await openStudio('khai-sinh');

    // when
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất tệp .bpmn' }).click()]);

    // then
    expect(download.suggestedFilename()).to.equal('khai-sinh.bpmn');
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).to.include('<bpmn:definitions').and.include('id="receive"');
  });

  it('should move between the tabs with the arrow keys', async () => {
    // given
    await openStudio('khai-sinh');
    await page.getByRole('tab', { name: 'Quy trình' }).focus();

    // when
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');

    // then
    expect(await page.evaluate<string | null>('document.activeElement && document.activeElement.id')).to.equal('tab-form');
    expect(await page.locator('#panel-form').isVisible()).to.equal(true);
    expect(await page.locator('#panel-process').isVisible()).to.equal(false);
    await screenshot(page, 'studio-form');
  });
});
