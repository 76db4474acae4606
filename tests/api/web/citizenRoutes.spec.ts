import { expect } from 'chai';
import { formsReachedFrom, referencedFormId } from '../../../api/web/citizen/submissionPageData.js';
import { acceptAtDesk } from '../../e2e/support/acceptAtDesk.js';
import { submitOnline, type SubmittedDossier } from '../../e2e/support/submitOnline.js';
import { startTestApp, type HttpClient, type TestApp } from '../../e2e/support/testApp.js';

/** The data a page wrote for its scripts. */
function pageDataOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/json" id="page-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('Expected the page to carry page data');
  return JSON.parse(match[1]!) as Record<string, unknown>;
}

function postForm(t: TestApp, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

describe('citizen dossier pages (server-rendered)', function () {
  this.timeout(120_000);
  let t: TestApp;
  let admin: HttpClient;
  let waiting: SubmittedDossier;
  let accepted: SubmittedDossier;

  before(async () => {
    t = await startTestApp({ at: '2026-03-02T09:00:00+07:00' });
    admin = await t.login('quantri');
    waiting = await submitOnline(t, { agency: 'hai-chau' });
    accepted = await submitOnline(t, { agency: 'hai-chau' });
    await acceptAtDesk(t, admin, accepted.code);
  });
  after(async () => t?.close());

  describe('GET /nop-ho-so/:code', () => {
    it('should give the page every form the submission references, the papers, the desks and the upload limits', async () => {
      // when
      const response = await t.anonymous().get('/nop-ho-so/khai-sinh');

      // then
      expect(response.status).to.equal(200);
      expect(response.text).to.include('data-citizen-submission').and.include('/assets/citizen.js');
      const data = pageDataOf(response.text);
      expect(Object.keys(data.forms as object).sort()).to.deep.equal(['common/applicant', 'common/defs', 'khai-sinh/submission']);
      expect((data.components as { code: string }[]).map((c) => c.code)).to.include('giay-chung-sinh');
      expect((data.agencies as { id: string }[]).map((a) => a.id)).to.include.members(['hai-chau', 'thanh-khe']);
      expect(data.uploads).to.deep.equal({ maxBytes: t.app.services.config.maxUploadBytes, types: t.app.services.config.allowedUploadTypes });
    });

    it('should answer an unknown procedure with the 404 page', async () => {
      // when
      const response = await t.anonymous().get('/nop-ho-so/khong-co');

      // then
      expect(response.status).to.equal(404);
      expect(response.text).to.include('Không tìm thấy trang');
    });

    it("should be linked from the procedure's page", async () => {
      const response = await t.anonymous().get('/thu-tuc/khai-sinh');
      expect(response.text).to.include('href="/nop-ho-so/khai-sinh"');
    });
  });

  describe('GET /ho-so/:code/bien-nhan', () => {
    it('should show the code and a QR code of the look-up address, and nothing that needs the proof', async () => {
      // when
      const response = await t.anonymous().get(`/ho-so/${waiting.code}/bien-nhan`);

      // then
      expect(response.status).to.equal(200);
      expect(response.text).to.include(`data-dossier-code>${waiting.code}<`);
      expect(response.text).to.match(/<figure class="card qr" data-qr>[\s\S]*<svg[^>]*>[\s\S]*<\/svg>/);
      expect(response.text.replace(/&#x3D;/g, '=')).to.include(`https://dichvucong.demo.vn/tra-cuu?ma=${waiting.code}`);
      expect(response.text).to.not.include('Đăng ký khai sinh');
      expect(response.text).to.include('/assets/citizen.css').and.include('data-print');
    });

    it('should answer a code that cannot be a dossier code with the 404 page', async () => {
      const response = await t.anonymous().get('/ho-so/%3Cscript%3E/bien-nhan');
      expect(response.status).to.equal(404);
    });
  });

  describe('GET /tra-cuu', () => {
    it('should fill the code from the QR address and give the inputs no names, so a form sent without scripts carries nothing', async () => {
      // when
      const response = await t.anonymous().get(`/tra-cuu?ma=${encodeURIComponent(waiting.code)}`);

      // then
      expect(response.status).to.equal(200);
      expect(response.text).to.match(new RegExp(`<input id="lookup-code" value="${waiting.code.replace(/\./g, '\\.')}"`));
      expect(response.text).to.match(/<label for="lookup-idNumber">/);
      const inputs = response.text.match(/<input [^>]*id="lookup-[^>]*>/g) ?? [];
      expect(inputs).to.have.length(3);
      for (const input of inputs) expect(input).to.not.match(/\sname=/);
    });

    it('should speak English with the language cookie', async () => {
      const response = await fetch(`${t.url}/tra-cuu`, { headers: { cookie: 'lang=en' } });
      expect(await response.text()).to.include('Look up a dossier').and.include('Personal ID number');
    });
  });

  describe('POST /ho-so/:code/phieu/:form', () => {
    it('should print the receipt form 01 for the applicant who proves the dossier is theirs', async () => {
      // when
      const response = await postForm(t, `/ho-so/${accepted.code}/phieu/01`, { idNumber: accepted.idNumber });

      // then
      expect(response.status).to.equal(200);
      const html = await response.text();
      expect(html).to.include(accepted.code).and.include('<svg');
      expect(response.headers.get('cache-control')).to.equal('no-store');
    });

    it('should answer a wrong ID number, a form not yet issued and an internal form alike with the 404 page', async () => {
      const answers = await Promise.all([
        postForm(t, `/ho-so/${accepted.code}/phieu/01`, { idNumber: '048099999999' }),
        postForm(t, `/ho-so/${waiting.code}/phieu/01`, { idNumber: waiting.idNumber }),
        postForm(t, `/ho-so/${accepted.code}/phieu/06`, { idNumber: accepted.idNumber }),
        postForm(t, `/ho-so/${accepted.code}/phieu/01`, {}),
      ]);
      expect(answers.map((a) => a.status)).to.deep.equal([404, 404, 404, 404]);
      for (const answer of answers) expect(await answer.text()).to.include('Không tìm thấy trang').and.not.include('Đăng ký khai sinh');
    });
  });

  describe('the forms a submission page carries', () => {
    it('should resolve a reference written in one form to the id of the form it names', () => {
      expect(referencedFormId('khai-sinh/submission', '../common/defs.schema.json#/$defs/date')).to.equal('common/defs');
      expect(referencedFormId('common/applicant', 'defs.schema.json#/$defs/phone')).to.equal('common/defs');
      expect(referencedFormId('common/defs', '#/$defs/text')).to.equal(undefined);
    });

    it('should follow references across files, each form once', () => {
      // given
      const forms: Record<string, Record<string, unknown>> = {
        a: { properties: { x: { $ref: 'b.schema.json#/$defs/x' }, y: { $ref: 'c.schema.json' } } },
        b: { $defs: { x: { $ref: 'c.schema.json#/$defs/z' } } },
        c: { $defs: { z: { type: 'string' } } },
        d: { type: 'string' },
      };
      const read: string[] = [];

      // when
      const reached = formsReachedFrom(['a'], (id) => (read.push(id), forms[id]!));

      // then
      expect(Object.keys(reached).sort()).to.deep.equal(['a', 'b', 'c']);
      expect(read.sort()).to.deep.equal(['a', 'b', 'c']);
    });
  });
});
