import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../e2e/support/testApp.js';
import { launchBrowser, screenshot } from '../../ui/support/browser.js';

const TEXTS = readFileSync(new URL('../../../api/web/i18n/vi/formBuilder.json', import.meta.url), 'utf8');
const KHAI_SINH = readFileSync(new URL('../../../forms/khai-sinh/submission.schema.json', import.meta.url), 'utf8');
const COMPONENTS = [{ code: 'giay-chung-sinh', name: 'Giấy chứng sinh' }];

/** A page of the service's origin holding only the builder's element, its texts and its bundle. */
function builderPage(element: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Form builder</title>
<link rel="stylesheet" href="/assets/formBuilder.css">
<script type="application/json" id="texts">${TEXTS}</script></head>
<body><main>${element}</main><script type="module" src="/assets/formBuilder.js"></script></body></html>`;
}

describe('designer: the form builder in Chromium', function () {
  this.timeout(120_000);
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  /** The builder mounted by hand, recording every schema `onChange` hands over in `window.changes`. */
  async function openBuilder(): Promise<void> {
    await page.goto(`${t.url}/`);
    await page.setContent(builderPage('<div id="form-builder"></div>'));
    await page.waitForFunction('window.motcuaFormBuilder !== undefined');
    await page.evaluate(`(() => {
      window.changes = [];
      window.builder = window.motcuaFormBuilder.mountFormBuilder(document.getElementById('form-builder'), {
        components: ${JSON.stringify(COMPONENTS)},
        onChange: (schema) => window.changes.push(schema),
      });
    })()`);
    await page.getByRole('heading', { name: 'Thêm trường' }).waitFor();
  }

  const addField = (typeName: string) => page.locator('.fb-palette').getByRole('button', { name: typeName, exact: true }).click();
  const settings = () => page.locator('.fb-settings');
  const preview = () => page.locator('.fb-preview');
  const schema = async () => (await page.evaluate('JSON.stringify(window.builder.getSchema())')) as string;

  /** A name and an ID number, both required, as the designer builds them. */
  async function buildNameAndIdNumber(): Promise<void> {
    await addField('Văn bản ngắn');
    await settings().getByLabel('Tên trường (tiếng Việt)').fill('Họ và tên người yêu cầu');
    await settings().getByLabel('Bắt buộc nhập').check();
    await addField('Số định danh (CCCD)');
    await settings().getByLabel('Bắt buộc nhập').check();
  }

  before(async function () {
    browser = await launchBrowser(this);
    t = await startTestApp();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => page?.close());
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should add fields from the palette with their title and required flag, and show them in the live preview', async () => {
    // given
    await openBuilder();

    // when
    await buildNameAndIdNumber();

    // then
    const items = await page.locator('.fb-fields .fb-title').allTextContents();
    expect(items).to.deep.equal(['Họ và tên người yêu cầu *', 'Số định danh cá nhân *']);
    expect(await preview().getByLabel(/Họ và tên người yêu cầu/).count()).to.equal(1);
    expect(await preview().locator('label[for="root_idNumber"]').textContent()).to.match(/^Số định danh cá nhân\s*\*$/);
    await screenshot(page, 'form-builder-fields');
  });

  it("should show the server's Vietnamese message in the preview for a 10-digit ID number", async () => {
    // given
    await openBuilder();
    await buildNameAndIdNumber();

    // when
    await preview().locator('#root_idNumber').fill('0480900012');
    await preview().locator('#root_idNumber').press('Tab');

    // then
    const error = preview().locator('#root_idNumber__error');
    await error.waitFor();
    expect(await error.textContent()).to.equal('«Số định danh cá nhân» phải gồm đúng 12 chữ số (số định danh cá nhân ghi trên thẻ căn cước)');
    await screenshot(page, 'form-builder-preview-error');

    // when the ID is corrected
    await preview().locator('#root_idNumber').fill('048090001234');
    await preview().locator('#root_idNumber').press('Tab');

    // then
    await error.waitFor({ state: 'detached' });
  });

  it('should read and check a date typed as dd/MM/yyyy in the preview', async () => {
    // given
    await openBuilder();
    await addField('Ngày');

    // when
    await preview().locator('#root_date').fill('31/02/2026');
    await preview().locator('#root_date').press('Tab');

    // then
    await preview().locator('#root_date__error').waitFor();
    expect(await preview().locator('#root_date__error').textContent()).to.match(/^«Ngày» phải là ngày hợp lệ \(dd\/MM\/yyyy\)/);

    // when
    await preview().locator('#root_date').fill('15/03/2026');
    await preview().locator('#root_date').press('Tab');

    // then
    await preview().locator('#root_date__error').waitFor({ state: 'detached' });
    expect(await preview().locator('#root_date').inputValue()).to.equal('15/03/2026');
  });

  it('should remove the last added field on Ctrl+Z and bring it back on Ctrl+Y and with the buttons', async () => {
    // given
    await openBuilder();
    await buildNameAndIdNumber();
    await addField('Ngày');
    const keys = () => page.locator('.fb-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-field-key')));
    expect(await keys()).to.deep.equal(['text', 'idNumber', 'date']);

    // when
    await page.keyboard.press('Control+z');

    // then
    expect(await keys()).to.deep.equal(['text', 'idNumber']);
    expect(JSON.parse(await schema()).properties).to.have.all.keys('text', 'idNumber');

    // when
    await page.keyboard.press('Control+y');

    // then
    expect(await keys()).to.deep.equal(['text', 'idNumber', 'date']);

    // when
    await page.getByRole('button', { name: 'Hoàn tác' }).click();

    // then
    expect(await keys()).to.deep.equal(['text', 'idNumber']);
  });

  it('should hand the schema with the fields to onChange and getSchema', async () => {
    // given
    await openBuilder();

    // when
    await buildNameAndIdNumber();

    // then
    const built = JSON.parse(await schema());
    expect(built.required).to.deep.equal(['text', 'idNumber']);
    expect(built.properties.text).to.deep.equal({ title: 'Họ và tên người yêu cầu', $ref: '../common/defs.schema.json#/$defs/text' });
    expect(built.properties.idNumber).to.include({ title: 'Số định danh cá nhân', pattern: '^\\d{12}$' });
    const changes = JSON.parse((await page.evaluate('JSON.stringify(window.changes)')) as string) as unknown[];
    // one per edit: add, title, required, add, required
    expect(changes).to.have.length(5);
    expect(changes[changes.length - 1]).to.deep.equal(built);
  });

  it('should show a field-level message for a key that is not allowed and count it in the toolbar', async () => {
    // given
    await openBuilder();
    await addField('Văn bản ngắn');

    // when
    await settings().getByLabel('Mã trường').fill('Ho ten');

    // then
    const alert = settings().getByRole('alert');
    expect(await alert.textContent()).to.equal('Mã trường chỉ gồm chữ cái không dấu và chữ số, bắt đầu bằng chữ thường');
    expect(await settings().getByLabel('Mã trường').getAttribute('aria-invalid')).to.equal('true');
    expect(await page.locator('[data-problem-count]').getAttribute('data-problem-count')).to.equal('1');
    await screenshot(page, 'form-builder-key-problem');
  });

  it('should hide a field in the preview until the choice it depends on is made', async () => {
    // given a delivery choice and a postal address shown only for delivery by post
    await openBuilder();
    await addField('Chọn một');
    await addField('Địa chỉ');
    await settings().getByLabel('Trường điều kiện').selectOption({ label: 'Lựa chọn' });
    await settings().getByLabel('Lựa chọn 2').check();

    // then
    expect(await preview().locator('#root_address_province').isVisible()).to.equal(false);

    // when
    await preview().getByLabel('Lựa chọn 2').check();

    // then
    expect(await preview().locator('#root_address_province').isVisible()).to.equal(true);
    expect(await preview().locator('#root_address_province option').count()).to.equal(35);
    await screenshot(page, 'form-builder-visible-when');
  });

  it('should draw the buttons of a repeatable group in Vietnamese words that add and remove entries', async () => {
    // given a repeatable group, which starts with one short text in each entry
    await openBuilder();
    await addField('Nhóm lặp lại');
    const add = preview().getByRole('button', { name: 'Thêm mục', exact: true });
    await add.waitFor();
    expect(await add.isVisible()).to.equal(true);
    expect((await add.boundingBox())?.height).to.be.at.least(44);
    const entries = preview().locator('.rjsf-array-item');
    expect(await entries.count()).to.equal(0);

    // when
    await add.click();
    await add.click();

    // then
    expect(await entries.count()).to.equal(2);
    expect(await entries.nth(1).locator('input[type="text"]').count()).to.equal(1);
    const removeSecond = preview().getByRole('button', { name: 'Xóa mục 2', exact: true });
    expect(await removeSecond.textContent()).to.equal('Xóa mục');
    expect(await preview().getByRole('button', { name: 'Chuyển lên mục 2', exact: true }).isEnabled()).to.equal(true);
    await screenshot(page, 'form-builder-group-buttons');

    // when
    await removeSecond.click();

    // then
    expect(await entries.count()).to.equal(1);
  });

  it('should stack a group entry and its buttons within a 360-pixel screen', async () => {
    // given
    await page.setViewportSize({ width: 360, height: 800 });
    await openBuilder();
    await addField('Nhóm lặp lại');

    // when
    await preview().getByRole('button', { name: 'Thêm mục', exact: true }).click();

    // then
    await preview().locator('.rjsf-array-item').first().waitFor();
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('.fb-preview .rjsf-array-item')).flexDirection")).to.equal('column');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).to.equal(0);
  });

  it("should mount itself on #form-builder[data-schema-url] and keep a hand-written form's fields", async () => {
    // given
    await page.route(`${t.url}/form-under-test.json`, (route) => route.fulfill({ contentType: 'application/json', body: KHAI_SINH }));
    await page.goto(`${t.url}/`);

    // when
    await page.setContent(builderPage('<div id="form-builder" data-schema-url="/form-under-test.json"></div>'));
    await page.waitForFunction('window.motcuaFormBuilder?.handle !== undefined');

    // then
    const rows = await page.locator('.fb-item .fb-meta').allTextContents();
    expect(rows).to.deep.equal([
      'Nâng cao · child',
      'Nâng cao · mother',
      'Nâng cao · father',
      'Danh sách chọn · requesterRelation',
      'Nâng cao · extraExtracts',
    ]);
    const kept = JSON.parse((await page.evaluate('JSON.stringify(window.motcuaFormBuilder.handle.getSchema())')) as string);
    const original = JSON.parse(KHAI_SINH);
    expect(kept.properties).to.deep.equal(original.properties);
    expect(kept.required).to.deep.equal(original.required);
    await preview().locator('#root_child_name').waitFor();
    expect(await preview().locator('[id^="root_child_sex"]:checked').count(), 'no sex chosen for the applicant').to.equal(0);
    expect(await preview().locator('#root_requesterRelation').inputValue()).to.equal('');
    await screenshot(page, 'form-builder-khai-sinh');
  });
});
