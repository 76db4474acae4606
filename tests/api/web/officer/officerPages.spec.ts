import { expect } from 'chai';
import { acceptAtDesk } from '../../../e2e/support/acceptAtDesk.js';
import { submitOnline, type SubmittedDossier } from '../../../e2e/support/submitOnline.js';
import { startTestApp, type HttpClient, type TestApp } from '../../../e2e/support/testApp.js';

/** The officers' pages as the server renders them, before any script runs. */
describe('officer pages /can-bo', function () {
  this.timeout(120_000);
  let t: TestApp;
  let desk: HttpClient;
  let dossier: SubmittedDossier;

  before(async () => {
    t = await startTestApp({ at: '2026-03-02T08:00:00+07:00' });
    dossier = await submitOnline(t, { agency: 'hai-chau', procedure: 'khai-sinh' });
    desk = await t.login('motcua.haichau');
  });
  after(async () => t?.close());

  it('should send a visitor without a session to the sign-in page and back', async () => {
    const response = await fetch(`${t.url}/can-bo?deadline=overdue`, { redirect: 'manual' });
    expect(response.status).to.equal(303);
    expect(response.headers.get('location')).to.equal(`/dang-nhap?next=${encodeURIComponent('/can-bo?deadline=overdue')}`);
  });

  it('should refuse a designer with the 403 page', async () => {
    const response = await (await t.login('thietke')).get('/can-bo');
    expect(response.status).to.equal(403);
    expect(response.headers.get('content-type')).to.include('text/html');
  });

  it("should list the agency's open steps with the dossier code linking to its page", async () => {
    const response = await desk.get('/can-bo');
    expect(response.status).to.equal(200);
    expect(response.text).to.include(`href="/can-bo/ho-so/${dossier.code}"`);
    expect(response.text).to.include('data-bulk-claim').and.include('data-bulk-reassign');
  });

  it("should not offer giving steps away to a specialist, nor the whole agency's steps", async () => {
    const response = await (await t.login('chuyenvien.haichau')).get('/can-bo?scope=agency');
    expect(response.status).to.equal(200);
    expect(response.text).to.not.include('data-bulk-reassign');
    expect(response.text).to.not.include(`href="/can-bo/ho-so/${dossier.code}"`);
  });

  it("should show the declaration under the form's titles, enum names and dd/MM/yyyy dates", async () => {
    const page = (await desk.get(`/can-bo/ho-so/${dossier.code}`)).text.replace(/\s*\n\s*/g, '');
    expect(page).to.include('<dt>Ngày, tháng, năm sinh</dt><dd>28/01/2026</dd>');
    expect(page).to.include('<dt>Giới tính</dt><dd>Nam</dd>');
    expect(page).to.include('<dt>Quan hệ của người đi khai sinh với người được khai sinh</dt><dd>Cha</dd>');
    expect(page).to.include('data-step-form=').and.include('Mới đăng ký');
  });

  it('should offer only the forms the dossier has reached for printing', async () => {
    // given
    const before = (await desk.get(`/can-bo/ho-so/${dossier.code}`)).text;
    const accepted = await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' });
    await acceptAtDesk(t, await t.login('quantri'), accepted.code);

    // when
    const after = (await desk.get(`/can-bo/ho-so/${accepted.code}`)).text;

    // then
    expect(before).to.not.include('data-print=');
    expect([...after.matchAll(/data-print="(\d+)"/g)].map((m) => m[1])).to.deep.equal(['01', '06', '07']);
    expect(after).to.include('Nguyễn Thị Lan hoàn thành bước «Tiếp nhận hồ sơ đăng ký hộ kinh doanh»: Tiếp nhận hồ sơ.');
  });

  it("should answer another agency's dossier with the 404 page", async () => {
    const response = await (await t.login('motcua.thanhkhe')).get(`/can-bo/ho-so/${dossier.code}`);
    expect(response.status).to.equal(404);
    expect(response.text).to.not.include('Nguyễn Minh Khang').and.not.include('data-step-form');
  });

  it('should speak English when asked, with the same page', async () => {
    // when
    const response = await fetch(`${t.url}/can-bo`, { headers: { cookie: `${desk.headers().cookie}; lang=en` } });

    // then
    const page = await response.text();
    expect(page).to.include('<html lang="en">').and.include('Work inbox').and.include('Take selected');
  });
});
