import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../e2e/support/testApp.js';

/** The browser bundles of designer/, built in memory and served under /assets. */
describe('api/web assets', function () {
  this.timeout(120_000);
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
  });
  after(async () => t?.close());

  it('should serve the modeler bundle, its styles and fonts, revalidated by ETag', async () => {
    // when
    const script = await fetch(`${t.url}/assets/modeler.js`);
    const styles = await fetch(`${t.url}/assets/modeler.css`);
    const again = await fetch(`${t.url}/assets/modeler.js`, { headers: { 'If-None-Match': script.headers.get('etag') ?? '' } });

    // then
    expect(script.status).to.equal(200);
    expect(script.headers.get('content-type')).to.match(/^text\/javascript/);
    expect((await script.text()).length).to.be.greaterThan(100_000);
    expect(styles.status).to.equal(200);
    const css = await styles.text();
    const font = /url\("\.\/([^"?)]+\.(?:eot|woff2?|svg|ttf))/.exec(css);
    expect(font, 'a font referenced by the styles').to.not.equal(null);
    expect((await fetch(`${t.url}/assets/${font![1]}`)).status).to.equal(200);
    expect(again.status).to.equal(304);
  });

  it('should answer an unknown asset with 404', async () => {
    expect((await fetch(`${t.url}/assets/khong-co.js`)).status).to.equal(404);
  });
});
