import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../e2e/support/testApp.js';

/** The page data the work screen's script starts from, as the page writes it. */
function pageData(html: string): unknown {
  const match = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html);
  return match ? JSON.parse(match[1]!) : undefined;
}

describe('api/web/studio pages', function () {
  this.timeout(60_000);
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
  });
  after(async () => t?.close());

  it('should send a signed-out visitor to the sign-in page with the way back', async () => {
    // when
    const response = await fetch(`${t.url}/thiet-ke/khai-sinh?version=1`, { redirect: 'manual' });

    // then
    expect(response.status).to.equal(303);
    expect(response.headers.get('location')).to.equal(`/dang-nhap?next=${encodeURIComponent('/thiet-ke/khai-sinh?version=1')}`);
  });

  it('should show a 403 page to an officer and to an auditor', async () => {
    for (const username of ['motcua.haichau', 'kiemtra']) {
      // when
      const response = await (await t.login(username)).get('/thiet-ke');

      // then
      expect(response.status, username).to.equal(403);
      expect(response.text).to.not.include('data-studio-list');
    }
  });

  it('should show the list page to a designer and to an administrator', async () => {
    for (const username of ['thietke', 'quantri']) {
      // when
      const response = await (await t.login(username)).get('/thiet-ke');

      // then
      expect(response.status, username).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/html/);
      expect(response.text).to.include('data-studio-list').and.include('/assets/studio.js').and.include('/assets/studio.css');
      expect(response.text).to.include('"studio.new.codeTaken"');
    }
  });

  it('should open the work screen of a procedure with its texts and page data', async () => {
    // when
    const response = await (await t.login('thietke')).get('/thiet-ke/khai-sinh');

    // then
    expect(response.status).to.equal(200);
    expect(response.text).to.include('<main id="main" tabindex="-1" class="wide">');
    expect(response.text).to.include('role="tablist"').and.include('Thông tin thủ tục').and.include('Chạy thử');
    expect(pageData(response.text)).to.deep.equal({ code: 'khai-sinh', version: null, isNew: false, name: 'Đăng ký khai sinh' });
  });

  it('should pass the version asked for', async () => {
    // when
    const response = await (await t.login('thietke')).get('/thiet-ke/khai-sinh?version=1');

    // then
    expect(response.status).to.equal(200);
    expect(pageData(response.text)).to.include({ version: 1, isNew: false });
  });

  it('should open a new procedure whose code is free', async () => {
    // when
    const response = await (await t.login('thietke')).get(`/thiet-ke/cap-ban-sao-trich-luc?moi=1&ten=${encodeURIComponent('Cấp bản sao trích lục')}`);

    // then
    expect(response.status).to.equal(200);
    expect(pageData(response.text)).to.deep.equal({ code: 'cap-ban-sao-trich-luc', version: null, isNew: true, name: 'Cấp bản sao trích lục' });
  });

  const notFound: [string, string][] = [
    ['an unknown code', '/thiet-ke/khong-co-thu-tuc'],
    ['a version that is not a positive whole number', '/thiet-ke/khai-sinh?version=0'],
    ['a version the procedure does not have', '/thiet-ke/khai-sinh?version=9'],
    ['a new procedure with a malformed code', '/thiet-ke/Khai_Sinh?moi=1&ten=X'],
    ['a version of a procedure not yet deployed', '/thiet-ke/thu-tuc-moi?moi=1&version=2'],
  ];
  for (const [what, path] of notFound) {
    it(`should answer 404 for ${what}`, async () => {
      // when
      const response = await (await t.login('thietke')).get(path);

      // then
      expect(response.status).to.equal(404);
      expect(response.text).to.not.include('data-studio');
    });
  }
});
