import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { acceptAtDesk } from './support/acceptAtDesk.js';
import { openTasks, submissionFor } from './support/drive.js';
import { isVietnamese } from './support/isVietnamese.js';
import { rawLogin } from './support/rawLogin.js';
import { openApiPath, registeredRoutes } from './support/registeredRoutes.js';
import { samplePdf } from './support/samplePdf.js';
import { startCapturedApp, type CapturedApp } from './support/startCapturedApp.js';
import { submitOnline, type SubmittedDossier } from './support/submitOnline.js';
import { startTestApp, type HttpClient, type HttpResponse, type TestApp } from './support/testApp.js';

const PROCEDURES = readdirSync(join(process.cwd(), 'processes'))
  .filter((name) => existsSync(join(process.cwd(), 'processes', name, 'procedure.json')))
  .sort();

/** A second applicant, so look-ups and documents are proven with someone else's number than the fixture's. */
const OTHER_APPLICANT = { name: 'Trần Thị Lan', idNumber: '048196007788', phone: '0935667788', email: 'tranthilan@example.com' };

interface ErrorBody {
  readonly message: string;
  readonly fields?: { path: string; message: string }[];
}

/** The `{error: {code, message}}` answer with a Vietnamese message; the content type is checked where it matters, not here. */
function expectError(response: HttpResponse, status: number, code: string): ErrorBody {
  expect(response.status, response.text).to.equal(status);
  const body = typeof response.body === 'string' ? JSON.parse(response.text) : response.body;
  const error = (body as { error: ErrorBody & { code: string } }).error;
  expect(error.code).to.equal(code);
  expect(isVietnamese(error.message), `Expected a Vietnamese message, but got «${error.message}»`).to.equal(true);
  return error;
}

function postRaw(t: TestApp, path: string, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('HTTP contract', function () {
  this.timeout(120_000);
  let t: TestApp;
  let desk: HttpClient;
  let accepted: SubmittedDossier;
  let waiting: SubmittedDossier;

  before(async () => {
    t = await startTestApp();
    const admin = await t.login('quantri');
    accepted = await submitOnline(t, { agency: 'hai-chau' });
    await acceptAtDesk(t, admin, accepted.code);
    waiting = await submitOnline(t, { agency: 'hai-chau', applicant: OTHER_APPLICANT });
    desk = await t.login('motcua.haichau');
  });
  after(async () => t?.close());

  describe('operations', () => {
    it('should answer /healthz with 200 {status: "ok"}', async () => {
      // when
      const response = await t.anonymous().get('/healthz');

      // then
      expect(response.status).to.equal(200);
      expect(response.body).to.deep.equal({ status: 'ok' });
    });

    it('should answer /readyz with 200 {status: "ready"} while the database answers', async () => {
      // when
      const response = await t.anonymous().get('/readyz');

      // then
      expect(response.status).to.equal(200);
      expect(response.body).to.include({ status: 'ready' });
      expect(response.body.checks).to.deep.equal({ database: 'ok' });
    });

    it('should expose Prometheus text with the request histogram labelled by route pattern, never by dossier code', async () => {
      // given
      await t.anonymous().get(`/api/public/dossiers/${accepted.code}?idNumber=${accepted.idNumber}`);

      // when
      const response = await t.anonymous().get('/metrics');

      // then
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/plain/);
      expect(response.text).to.include('# TYPE motcua_http_request_duration_seconds histogram');
      expect(response.text).to.match(/motcua_http_request_duration_seconds_count\{[^}]*route="\/api\/public\/dossiers\/:code"/);
      expect(response.text).not.to.include(accepted.code);
    });
  });

  describe('OpenAPI document', () => {
    let document: { openapi: string; paths: Record<string, Record<string, unknown>> };

    before(async () => {
      document = (await t.anonymous().get('/openapi.json')).body;
    });

    it('should be OpenAPI 3.1', () => {
      expect(document.openapi).to.match(/^3\.1\.\d+$/);
    });

    it('should document every method and path the Express app registers', () => {
      // given
      const routes = registeredRoutes(t.app.app);
      expect(routes.length).to.be.greaterThan(20);

      // when
      const undocumented = routes.filter((r) => document.paths[openApiPath(r.path)]?.[r.method] === undefined).map((r) => `${r.method.toUpperCase()} ${r.path}`);

      // then
      expect(undocumented).to.deep.equal([]);
      expect(routes.map((r) => openApiPath(r.path))).to.include.members(['/api/dossiers/{code}', '/api/tasks/{id}/complete', '/api/public/dossiers/{code}/documents/{form}']);
    });

    it('should document only operations the app serves', () => {
      // given
      const served = new Set(registeredRoutes(t.app.app).map((r) => `${r.method} ${openApiPath(r.path)}`));

      // when
      const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));

      // then
      expect(documented.filter((operation) => !served.has(operation))).to.deep.equal([]);
    });
  });

  describe('errors', () => {
    it('should answer an unknown path with 404 {error: {code: NOT_FOUND, message}} in Vietnamese', async () => {
      // when
      const response = await t.anonymous().get('/api/khong-co-dia-chi-nay');

      // then
      const error = expectError(response, 404, 'NOT_FOUND');
      expect(error.message).to.include('/api/khong-co-dia-chi-nay');
    });

    for (const path of ['/api/public/dossiers', '/api/auth/login']) {
      it(`should answer malformed JSON to POST ${path} with 400 BAD_REQUEST`, async () => {
        // when
        const response = await postRaw(t, path, '{"procedure": "khai-sinh", ');

        // then
        expect(response.headers.get('content-type')).to.match(/^application\/json/);
        expectError({ status: response.status, body: await response.json(), text: '', headers: response.headers }, 400, 'BAD_REQUEST');
      });
    }

    it('should answer a submission with invalid applicant and form fields with 422 and Vietnamese messages per field', async () => {
      // given
      const submission = submissionFor('khai-sinh');
      const applicant = { ...submission.applicant, name: '', idNumber: '12AB', phone: 'không có' };
      const { child, ...formData } = submission.formData as { child: Record<string, unknown> };
      const invalid = { ...submission, agency: 'hai-chau', applicant, formData: { ...formData, child: { ...child, dateOfBirth: '28/01/2026' } } };

      // when
      const response = await t.anonymous().post('/api/public/dossiers', invalid);

      // then
      const error = expectError(response, 422, 'VALIDATION_FAILED');
      const fields = error.fields ?? [];
      expect(fields.length).to.be.greaterThan(0);
      for (const field of fields) {
        expect(field.path).to.match(/^\/(applicant|formData)\//);
        expect(isVietnamese(field.message), `Expected a Vietnamese message for ${field.path}, but got «${field.message}»`).to.equal(true);
      }
      const paths = fields.map((f) => f.path);
      expect(paths).to.include.members(['/applicant/idNumber', '/applicant/phone']);
      expect(paths.some((p) => p.startsWith('/applicant/name'))).to.equal(true);
      expect(paths.some((p) => p.startsWith('/formData/child/dateOfBirth'))).to.equal(true);
    });

    it('should answer a step completed with an outcome it does not offer with 422 at /outcome', async () => {
      // given
      const [step] = await openTasks(await t.login('quantri'), accepted.code);
      const specialist = await t.login('chuyenvien.haichau');

      // when: «accept» belongs to reception; this step offers forward, supplement and refuse
      const response = await specialist.post(`/api/tasks/${step!.id}/complete`, { outcome: 'accept', formData: {} });

      // then
      const error = expectError(response, 422, 'VALIDATION_FAILED');
      expect(error.fields).to.have.length(1);
      expect(error.fields![0]!.path).to.equal('/outcome');
      expect(error.fields![0]!.message).to.include('Trình ký Giấy khai sinh');
    });
  });

  describe('numbers in the query', () => {
    const MALFORMED: readonly [string, string][] = [
      ['/api/tasks?limit=abc', '/limit'],
      ['/api/tasks?offset=abc', '/offset'],
      ['/api/tasks?limit=1.5', '/limit'],
      [`/api/calendar/due?from=${encodeURIComponent('2026-03-02T08:00:00+07:00')}&calendarDays=100000000`, '/calendarDays'],
    ];
    for (const [path, field] of MALFORMED) {
      it(`should answer GET ${path} with 422 at ${field}, never 500`, async () => {
        // when
        const response = await (await t.login('quantri')).get(path);

        // then
        expect(response.status, response.text).to.equal(422);
        expect(response.body.error.fields.map((f: { path: string }) => f.path)).to.deep.equal([field]);
      });
    }
  });

  describe('sessions', () => {
    it('should answer a wrong password with 401 and set no session cookie', async () => {
      // when
      const login = await rawLogin(t.url, 'chuyenvien.hoavang', 'SaiMatKhau@1');

      // then
      expect(login.status).to.equal(401);
      expect(login.setCookies).to.deep.equal([]);
    });

    it('should set the session cookie HttpOnly and SameSite=Lax', async () => {
      // when
      const login = await rawLogin(t.url, 'motcua.haichau');

      // then
      expect(login.status).to.equal(200);
      const session = login.setCookies.find((c) => c.startsWith('motcua_sid='));
      expect(session, login.setCookies.join('\n')).to.be.a('string');
      expect(session).to.match(/;\s*HttpOnly/i);
      expect(session).to.match(/;\s*SameSite=Lax/i);
      expect(session).to.match(/;\s*Path=\//i);
    });

    it('should refuse a POST with the session cookie but without X-CSRF-Token (403 CSRF_FAILED)', async () => {
      // when
      const without = await desk.post('/api/dossiers', {}, { csrf: false });
      const withToken = await desk.post('/api/dossiers', {});

      // then
      expectError(without, 403, 'CSRF_FAILED');
      // The same request with the token passes the check and reaches the route, which finds the body empty.
      expect(withToken.status, withToken.text).to.equal(422);
    });

    it('should lock an account after 5 wrong passwords (423), even against the right password', async () => {
      // given
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await rawLogin(t.url, 'lanhdao.hoavang', `SaiMatKhau@${i}`)).status);

      // when
      const response = await t.anonymous().post('/api/auth/login', { username: 'lanhdao.hoavang', password: 'MotCua@2026' });

      // then
      expect(statuses).to.deep.equal([401, 401, 401, 401, 423]);
      expectError(response, 423, 'ACCOUNT_LOCKED');
    });
  });

  describe('attachments', () => {
    it('should store a PDF for a component of the procedure with the SHA-256 of its bytes, and give the same bytes back', async () => {
      // given
      const content = samplePdf(3000);
      const sha256 = createHash('sha256').update(content).digest('hex');

      // when
      const upload = await desk.upload(`/api/dossiers/${accepted.code}/attachments`, { component: 'giay-chung-sinh' }, { name: 'giấy chứng sinh.pdf', type: 'application/pdf', content });
      const session = await rawLogin(t.url, 'motcua.haichau');
      const download = await fetch(`${t.url}/api/dossiers/${accepted.code}/attachments/${upload.body.id}`, { headers: { cookie: session.cookie } });

      // then
      expect(upload.status, upload.text).to.equal(201);
      expect(upload.body).to.include({ sha256, size: content.length });
      expect(download.status).to.equal(200);
      expect(download.headers.get('content-type')).to.equal('application/pdf');
      expect(download.headers.get('digest')).to.equal(`sha-256=${createHash('sha256').update(content).digest('base64')}`);
      expect(Buffer.from(await download.arrayBuffer()).equals(content)).to.equal(true);
    });

    it('should refuse a component the procedure does not have (422 at /component)', async () => {
      // when
      const response = await desk.upload(`/api/dossiers/${accepted.code}/attachments`, { component: 'giay-phep-lai-xe' }, { name: 'a.pdf', type: 'application/pdf', content: samplePdf() });

      // then
      const error = expectError(response, 422, 'VALIDATION_FAILED');
      expect(error.fields!.map((f) => f.path)).to.deep.equal(['/component']);
    });

    for (const type of ['text/plain', 'application/x-msdownload']) {
      it(`should refuse a ${type} file with 415`, async () => {
        // when
        const response = await desk.upload(`/api/dossiers/${accepted.code}/attachments`, { component: 'giay-chung-sinh' }, { name: 'tep.bin', type, content: Buffer.from('MZ not a pdf') });

        // then
        const error = expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
        expect(error.message).to.include(type);
      });
    }
  });

  describe('working-day calendar', () => {
    it('should count 3 working days from Friday 13 Feb 2026 16:00 over the Tết days off to Wednesday 25 Feb 16:00', async () => {
      // given
      const from = '2026-02-13T16:00:00+07:00';

      // when
      const response = await t.anonymous().get(`/api/calendar/due?from=${encodeURIComponent(from)}&workingDays=3`);

      // then
      expect(response.status, response.text).to.equal(200);
      // Mon 16 – Fri 20 Feb are Tết days off and 21–22 Feb a weekend: the working days
      // counted are Mon 23, Tue 24 and Wed 25 Feb, keeping the time of day, 16:00 (+07:00).
      expect(response.body.dueAt).to.equal('2026-02-25T09:00:00.000Z');
      expect(response.body.dueAt).to.equal(t.app.services.calendar.dueDate(new Date(from), { unit: 'workingDays', amount: 3 }).toISOString());
    });

    const SAME_DAY: readonly [string, string, string][] = [
      ['before 15:00 on a working day', '2026-03-03T14:59:00+07:00', '2026-03-03T10:00:00.000Z'],
      ['at 15:00 on a working day', '2026-03-03T15:00:00+07:00', '2026-03-04T10:00:00.000Z'],
      ['after 15:00 on the Friday before Tết', '2026-02-13T15:30:00+07:00', '2026-02-23T10:00:00.000Z'],
    ];
    for (const [when, from, dueAt] of SAME_DAY) {
      it(`should make a same-day limit received ${when} due at 17:00 of ${dueAt.slice(0, 10)}`, async () => {
        // when
        const response = await t.anonymous().get(`/api/calendar/due?from=${encodeURIComponent(from)}&sameDay=true`);

        // then
        expect(response.status, response.text).to.equal(200);
        expect(response.body.dueAt).to.equal(dueAt);
        expect(response.body.dueAt).to.equal(t.app.services.calendar.dueDate(new Date(from), { unit: 'sameDay' }).toISOString());
      });
    }

    it('should answer a request without a unit with 422', async () => {
      // when
      const response = await t.anonymous().get(`/api/calendar/due?from=${encodeURIComponent('2026-03-03T09:00:00+07:00')}`);

      // then
      const error = expectError(response, 422, 'VALIDATION_FAILED');
      expect(error.fields!.map((f) => f.path)).to.deep.equal(['/limit']);
    });
  });

  describe('public catalogue and documents', () => {
    it(`should list the ${PROCEDURES.length} shipped procedures`, async () => {
      // when
      const response = await t.anonymous().get('/api/procedures');

      // then
      expect(response.status).to.equal(200);
      expect(PROCEDURES).to.have.length(7);
      expect((response.body.procedures as { code: string }[]).map((p) => p.code).sort()).to.deep.equal(PROCEDURES);
    });

    it('should describe khai-sinh with its form schema and the communes that receive it', async () => {
      // when
      const response = await t.anonymous().get('/api/procedures/khai-sinh');

      // then
      expect(response.status).to.equal(200);
      expect(response.body.form.id).to.equal('khai-sinh/submission');
      expect(response.body.form.schema).to.include({ type: 'object' });
      expect(response.body.form.schema.properties).to.include.keys('child', 'mother');
      expect((response.body.receivingAgencies as { id: string }[]).map((a) => a.id)).to.have.members(['hai-chau', 'thanh-khe', 'hoa-vang']);
    });

    it('should give the applicant the receipt (01) of an accepted dossier', async () => {
      // when
      const response = await t.anonymous().get(`/api/public/dossiers/${accepted.code}/documents/01?idNumber=${accepted.idNumber}`);

      // then
      expect(response.status, response.text).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/html/);
      expect(response.text).to.include(accepted.code);
    });

    it('should NOT give the applicant the internal control sheet (06): 404', async () => {
      // when
      const response = await t.anonymous().get(`/api/public/dossiers/${accepted.code}/documents/06?idNumber=${accepted.idNumber}`);

      // then
      expectError(response, 404, 'NOT_FOUND');
    });

    it('should NOT give a receipt (01) before the dossier is accepted: 404', async () => {
      // when
      const response = await t.anonymous().get(`/api/public/dossiers/${waiting.code}/documents/01?idNumber=${waiting.idNumber}`);

      // then
      expectError(response, 404, 'NOT_FOUND');
    });
  });

  describe('error answers of the document routes', () => {
    it('should answer a form not yet issued with application/json, as every other error', async () => {
      // when
      const response = await t.anonymous().get(`/api/public/dossiers/${waiting.code}/documents/01?idNumber=${waiting.idNumber}`);

      // then
      expect(response.status).to.equal(404);
      expect(response.headers.get('content-type')).to.match(/^application\/json/);
    });

    it('should NOT serve an unknown form name back as HTML (reflected markup on GET /api/documents/:code/:form)', async () => {
      // given
      const markup = '<img src=x onerror=alert(1)>';

      // when
      const response = await desk.get(`/api/documents/${accepted.code}/${encodeURIComponent(markup)}`);

      // then
      expect(response.status).to.equal(404);
      expect(response.headers.get('content-type')).to.match(/^application\/json/);
    });
  });
});

describe('HTTP contract: upload size limit (maxUploadBytes 1024)', function () {
  this.timeout(120_000);
  let t: TestApp;
  let dossier: SubmittedDossier;
  let desk: HttpClient;

  before(async () => {
    t = await startTestApp({ config: { maxUploadBytes: 1024 } });
    dossier = await submitOnline(t, { agency: 'hai-chau' });
    desk = await t.login('motcua.haichau');
  });
  after(async () => t?.close());

  const ENDPOINTS: readonly [string, (x: { desk: HttpClient; anonymous: HttpClient }, code: string, idNumber: string, content: Buffer) => Promise<HttpResponse>][] = [
    ['the officers’ upload', (x, code, _id, content) => x.desk.upload(`/api/dossiers/${code}/attachments`, { component: 'giay-chung-sinh' }, { name: 'lon.pdf', type: 'application/pdf', content })],
    ['the applicants’ upload', (x, code, idNumber, content) => x.anonymous.upload(`/api/public/dossiers/${code}/attachments`, { idNumber, component: 'giay-chung-sinh' }, { name: 'lon.pdf', type: 'application/pdf', content })],
  ];
  for (const [name, send] of ENDPOINTS) {
    it(`should refuse a file over the limit on ${name} with 413 PAYLOAD_TOO_LARGE and a Vietnamese message`, async () => {
      // when
      const response = await send({ desk, anonymous: t.anonymous() }, dossier.code, dossier.idNumber, samplePdf(2048));

      // then
      expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    });

    it(`should accept a file under the limit on ${name} (201)`, async () => {
      // when
      const response = await send({ desk, anonymous: t.anonymous() }, dossier.code, dossier.idNumber, samplePdf(512));

      // then
      expect(response.status, response.text).to.equal(201);
    });
  }

  it('should state the configured limit in the 413 message, not «0 MB»', async () => {
    // when
    const response = await desk.upload(`/api/dossiers/${dossier.code}/attachments`, { component: 'giay-chung-sinh' }, { name: 'lon.pdf', type: 'application/pdf', content: samplePdf(2048) });

    // then
    expect(response.status).to.equal(413);
    expect(response.body.error.message).not.to.match(/\(0 MB\)/);
  });
});

describe('HTTP contract: rate limit on public endpoints (publicRequestsPerMinute 3)', function () {
  this.timeout(120_000);
  let t: TestApp;

  before(async () => {
    t = await startTestApp({ config: { publicRequestsPerMinute: 3 } });
  });
  after(async () => t?.close());

  it('should answer the fourth public request within a minute with 429, and leave the catalogue open', async () => {
    // given
    const lookUp = () => t.anonymous().get('/api/public/dossiers/000.10.01.H99-260302-0001?idNumber=048092001234');
    const first = [(await lookUp()).status, (await lookUp()).status, (await lookUp()).status];

    // when
    const fourth = await lookUp();
    const submission = await t.anonymous().post('/api/public/dossiers', { ...submissionFor('khai-sinh'), agency: 'hai-chau' });
    const catalogue = await t.anonymous().get('/api/procedures');

    // then
    expect(first).to.deep.equal([404, 404, 404]);
    expectError(fourth, 429, 'RATE_LIMITED');
    expectError(submission, 429, 'RATE_LIMITED');
    expect(catalogue.status).to.equal(200);
  });
});

describe('HTTP contract: logs', function () {
  this.timeout(120_000);
  let t: CapturedApp;

  before(async () => {
    t = await startCapturedApp();
  });
  after(async () => t?.close());

  it('should never write the applicant’s identity numbers, phone or e-mail to the log', async () => {
    // given: everything a citizen and the desk do with a dossier, including the failures
    const applicant = { name: 'Đỗ Thị Hạnh', idNumber: '048197334455', phone: '0978334455', email: 'dothihanh@example.com' };
    const submission = submissionFor('khai-sinh', { applicant });
    const secrets = [applicant.idNumber, applicant.phone, applicant.email, '048194005678', '048092001234'];
    const citizen = t.anonymous();
    const { code, idNumber } = await submitOnline(t, { agency: 'hai-chau', applicant });
    await citizen.get(`/api/public/dossiers/${code}?idNumber=${idNumber}`);
    await citizen.get(`/api/public/dossiers/${code}?phone=${applicant.phone}`);
    await citizen.get(`/api/public/dossiers/${code.slice(0, -4)}9999?idNumber=${idNumber}`);
    await citizen.post('/api/public/dossiers', { ...submission, agency: 'hai-chau', applicant: { ...applicant, name: '' } });
    await postRaw(t, '/api/public/dossiers', `{"applicant": {"idNumber": "${idNumber}"`);
    await citizen.upload(`/api/public/dossiers/${code}/attachments`, { idNumber, component: 'giay-chung-sinh' }, { name: `${idNumber}.pdf`, type: 'application/pdf', content: samplePdf() });
    await citizen.upload(`/api/public/dossiers/${code}/attachments`, { idNumber, component: 'giay-chung-sinh' }, { name: 'a.txt', type: 'text/plain', content: Buffer.from(idNumber) });
    const admin = await t.login('quantri');
    await admin.get(`/api/dossiers/${code}`);
    await acceptAtDesk(t, admin, code);
    await t.app.drainer.drain();
    await citizen.get(`/api/public/dossiers/${code}/documents/01?idNumber=${idNumber}`);

    // when
    await citizen.post(`/api/public/dossiers/${code}/withdraw`, { idNumber, reason: 'Không còn nhu cầu' });
    await t.app.drainer.drain();
    const logs = t.logs();

    // then
    expect(logs).to.include('"msg":"request"');
    expect(logs).to.include(`"path":"/api/public/dossiers/${code}/withdraw"`);
    for (const secret of secrets) expect(logs, `the log contains «${secret}»`).not.to.include(secret);
  });
});
