import { expect } from 'chai';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from '../../api/seed/demoAccounts.js';
import { acceptAtDesk } from './support/acceptAtDesk.js';
import { openTasks } from './support/drive.js';
import { samplePdf } from './support/samplePdf.js';
import { submitOnline, type SubmittedDossier } from './support/submitOnline.js';
import { startTestApp, type HttpClient, type HttpResponse, type TestApp } from './support/testApp.js';

/*
 * Who may read and command what, one request per case. The dossiers are khai-sinh
 * dossiers received online at two communes; each commune has one still at
 * reception and one accepted, waiting at its specialist's step.
 */

type Agency = 'hai-chau' | 'thanh-khe';
type DossierKey = 'haiChauNew' | 'haiChauProcessing' | 'thanhKheNew' | 'thanhKheProcessing';

/** What a request acts on: an accepted dossier, its open step and a file attached to it. */
interface Target {
  readonly code: string;
  readonly taskId: string;
  readonly attachmentId: string;
}

/** Nothing by these names exists: what the service answers for them is what existence must not differ from. */
const NOWHERE: Target = { code: '000.10.01.H99-260302-9999', taskId: 'khong-co-cong-viec-nay', attachmentId: '00000000-0000-4000-8000-000000000000' };

// The open step of an accepted khai-sinh dossier: "Kiểm tra, ghi Sổ đăng ký khai sinh".
const PROCESSING_STEP_ROLE = 'specialist';

interface Endpoint {
  readonly title: string;
  /** Commands change the dossier; reads do not. */
  readonly kind: 'read' | 'command';
  /** Whose visibility decides: the dossier's (agency) or the step's (agency and role). */
  readonly subject: 'dossier' | 'task';
  send(client: HttpClient, target: Target): Promise<HttpResponse>;
}

const ENDPOINTS: readonly Endpoint[] = [
  { title: 'GET /api/dossiers/:code', kind: 'read', subject: 'dossier', send: (c, x) => c.get(`/api/dossiers/${x.code}`) },
  { title: 'GET /api/dossiers/:code/audit', kind: 'read', subject: 'dossier', send: (c, x) => c.get(`/api/dossiers/${x.code}/audit`) },
  { title: 'GET /api/documents/:code/01', kind: 'read', subject: 'dossier', send: (c, x) => c.get(`/api/documents/${x.code}/01`) },
  { title: 'GET /api/dossiers/:code/attachments/:id', kind: 'read', subject: 'dossier', send: (c, x) => c.get(`/api/dossiers/${x.code}/attachments/${x.attachmentId}`) },
  { title: 'GET /api/tasks/:id', kind: 'read', subject: 'task', send: (c, x) => c.get(`/api/tasks/${x.taskId}`) },
  { title: 'POST /api/tasks/:id/claim', kind: 'command', subject: 'task', send: (c, x) => c.post(`/api/tasks/${x.taskId}/claim`) },
  {
    title: 'POST /api/tasks/:id/complete',
    kind: 'command',
    subject: 'task',
    send: (c, x) => c.post(`/api/tasks/${x.taskId}/complete`, { outcome: 'forward', formData: { opinion: 'Đủ điều kiện giải quyết' } }),
  },
  { title: 'POST /api/dossiers/:code/withdraw', kind: 'command', subject: 'dossier', send: (c, x) => c.post(`/api/dossiers/${x.code}/withdraw`, { reason: 'Công dân xin rút hồ sơ' }) },
  { title: 'POST /api/dossiers/:code/stop', kind: 'command', subject: 'dossier', send: (c, x) => c.post(`/api/dossiers/${x.code}/stop`, { reason: 'Dừng xử lý theo đề nghị' }) },
  {
    title: 'POST /api/dossiers/:code/apology',
    kind: 'command',
    subject: 'dossier',
    send: (c, x) => c.post(`/api/dossiers/${x.code}/apology`, { reason: 'Cần xác minh thêm', newDueAt: '2026-03-10T17:00:00+07:00' }),
  },
  { title: 'POST /api/dossiers/:code/supplement', kind: 'command', subject: 'dossier', send: (c, x) => c.post(`/api/dossiers/${x.code}/supplement`, { note: 'Đã bổ sung' }) },
  {
    title: 'POST /api/dossiers/:code/attachments',
    kind: 'command',
    subject: 'dossier',
    send: (c, x) => c.upload(`/api/dossiers/${x.code}/attachments`, { component: 'giay-chung-sinh' }, { name: 'giay-chung-sinh.pdf', type: 'application/pdf', content: samplePdf() }),
  },
];

/** How an account stands to a dossier or step. */
type Relation = 'worker' | 'colleague' | 'outsider' | 'auditor' | 'outsideAuditor' | 'admin' | 'designer' | 'anonymous';

/** `skip`: officers of the agency pass the gate, and then the command would change the dossier; see the controls below. */
const EXPECTED: Record<Relation, Record<Endpoint['kind'], number | 'skip'>> = {
  worker: { read: 200, command: 'skip' },
  // Same agency, another role: the step is not in their inbox and is not theirs to work.
  colleague: { read: 404, command: 403 },
  outsider: { read: 404, command: 404 },
  auditor: { read: 200, command: 403 },
  // An auditor reads their agency's subtree only; commands are refused to every auditor before any look-up.
  outsideAuditor: { read: 404, command: 403 },
  admin: { read: 200, command: 403 },
  designer: { read: 403, command: 403 },
  anonymous: { read: 401, command: 401 },
};

const ERROR_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

/** Accounts the spec adds to the demo ones: an auditor whose reach is one commune. */
const EXTRA_ACCOUNTS: readonly DemoAccount[] = [{ username: 'kiemtra.haichau', fullName: 'Kiểm tra viên phường Hải Châu', kind: 'auditor', agencyId: 'hai-chau', roles: [] }];

const ACCOUNTS: readonly (string | null)[] = [
  'motcua.haichau',
  'chuyenvien.haichau',
  'lanhdao.haichau',
  'motcua.thanhkhe',
  'congan.haichau',
  'chuyenvien.stp',
  'kiemtra',
  'kiemtra.haichau',
  'thietke',
  'quantri',
  null,
];

function demoAccount(username: string | null): DemoAccount | undefined {
  if (username === null) return undefined;
  const account = [...DEMO_ACCOUNTS, ...EXTRA_ACCOUNTS].find((a) => a.username === username);
  if (!account) throw new Error(`Expected ${username} among the demo accounts`);
  return account;
}

function relationOf(username: string | null, agency: Agency, subject: Endpoint['subject']): Relation {
  const account = demoAccount(username);
  if (!account) return 'anonymous';
  // The demo province's agency tree: the province (tinh) above both communes.
  if (account.kind === 'auditor') return account.agencyId === 'tinh' || account.agencyId === agency ? 'auditor' : 'outsideAuditor';
  if (account.kind !== 'officer') return account.kind;
  if (account.agencyId !== agency) return 'outsider';
  return subject === 'dossier' || account.roles.includes(PROCESSING_STEP_ROLE) ? 'worker' : 'colleague';
}

function describeAccount(username: string | null): string {
  const account = demoAccount(username);
  if (!account) return 'anonymous';
  return account.kind === 'officer' ? `${account.username} (${account.roles.join('+')}, ${account.agencyId})` : `${account.username} (${account.kind})`;
}

/** The not-found message with the code taken out, to compare answers about different codes. */
function withoutCode(response: HttpResponse, code: string): { status: number; code: unknown; message: string } {
  const error = (response.body as { error?: { code?: unknown; message?: unknown } }).error;
  return { status: response.status, code: error?.code, message: String(error?.message).replaceAll(code, '«mã»') };
}

describe('authorisation: no endpoint leaks a dossier across agencies', function () {
  this.timeout(120_000);
  let t: TestApp;
  let admin: HttpClient;
  const clients = new Map<string, HttpClient>();
  const dossiers = {} as Record<DossierKey, SubmittedDossier>;
  const targets = {} as Record<Agency, Target>;
  const auditBefore = new Map<string, number>();

  const as = (username: string | null): HttpClient => (username === null ? t.anonymous() : clients.get(username)!);
  const receiveTaskOf = async (key: DossierKey) => (await openTasks(admin, dossiers[key].code)).find((task) => task.stepKind === 'receive')!;

  before(async () => {
    t = await startTestApp();
    admin = await t.login('quantri');
    for (const account of EXTRA_ACCOUNTS) await t.app.services.accounts.upsertUser({ ...account, password: DEMO_PASSWORD });
    // Four applicants: nobody can prove a dossier of another by identity number or phone.
    const applicant = (name: string, n: string) => ({ name, idNumber: `04819500${n}`, phone: `090500${n}`, email: `nguoinop${n}@example.com` });
    dossiers.haiChauNew = await submitOnline(t, { agency: 'hai-chau', applicant: applicant('Lê Thị Bình', '0111') });
    dossiers.haiChauProcessing = await submitOnline(t, { agency: 'hai-chau', applicant: applicant('Phạm Văn Cường', '0222') });
    dossiers.thanhKheNew = await submitOnline(t, { agency: 'thanh-khe', applicant: applicant('Hoàng Thị Dung', '0333') });
    dossiers.thanhKheProcessing = await submitOnline(t, { agency: 'thanh-khe', applicant: applicant('Vũ Văn Em', '0444') });
    for (const [agency, key] of [['hai-chau', 'haiChauProcessing'], ['thanh-khe', 'thanhKheProcessing']] as const) {
      const { code } = dossiers[key];
      await acceptAtDesk(t, admin, code);
      const [step, ...others] = await openTasks(admin, code);
      if (!step || others.length || step.role !== PROCESSING_STEP_ROLE) throw new Error(`Expected ${code} to wait at one ${PROCESSING_STEP_ROLE} step`);
      const desk = await t.login(agency === 'hai-chau' ? 'motcua.haichau' : 'motcua.thanhkhe');
      const file = await desk.upload(`/api/dossiers/${code}/attachments`, { component: 'to-khai-dang-ky-khai-sinh' }, { name: 'to-khai.pdf', type: 'application/pdf', content: samplePdf() });
      if (file.status !== 201) throw new Error(`Expected the desk to attach a file to ${code}, but got ${file.status} ${file.text}`);
      targets[agency] = { code, taskId: step.id, attachmentId: file.body.id };
      auditBefore.set(code, (await admin.get(`/api/dossiers/${code}/audit`)).body.entries.length);
    }
    for (const username of ACCOUNTS) if (username !== null) clients.set(username, await t.login(username));
  });
  after(async () => t?.close());

  describe('dossier and step endpoints, account by account', () => {
    for (const agency of ['hai-chau', 'thanh-khe'] as const) {
      for (const username of ACCOUNTS) {
        for (const endpoint of ENDPOINTS) {
          const relation = relationOf(username, agency, endpoint.subject);
          const expected = EXPECTED[relation][endpoint.kind];
          if (expected === 'skip') continue;
          it(`should answer ${expected} to ${describeAccount(username)} on ${endpoint.title} of the ${agency} dossier`, async () => {
            // given
            const client = as(username);

            // when
            const response = await endpoint.send(client, targets[agency]);

            // then
            expect(response.status, response.text).to.equal(expected);
            if (expected !== 200) expect(response.body).to.have.nested.property('error.code', ERROR_CODES[expected]);
            if (relation === 'outsider' || (relation === 'outsideAuditor' && endpoint.kind === 'read')) {
              // Existence must not leak: the same answer as for a dossier or step that does not exist.
              const nowhere = await endpoint.send(client, NOWHERE);
              expect(withoutCode(response, targets[agency].code)).to.deep.equal(withoutCode(nowhere, NOWHERE.code));
            }
          });
        }
      }
    }

    it('should NOT serve a file of another agency\'s dossier through a dossier the officer may read (404)', async () => {
      // given
      const mine = targets['hai-chau'];
      const theirs = targets['thanh-khe'];

      // when
      const response = await as('motcua.haichau').get(`/api/dossiers/${mine.code}/attachments/${theirs.attachmentId}`);
      const nowhere = await as('motcua.haichau').get(`/api/dossiers/${mine.code}/attachments/${NOWHERE.attachmentId}`);

      // then
      expect(response.status, response.text).to.equal(404);
      expect(response.body).to.deep.equal(nowhere.body);
    });

    it('should leave the dossiers as they were: no refused command wrote to their audit log', async () => {
      // given
      const codes = Object.values(targets).map((x) => x.code);

      // when
      const entries = await Promise.all(codes.map(async (code) => (await admin.get(`/api/dossiers/${code}/audit`)).body.entries.length as number));

      // then
      expect(entries).to.deep.equal(codes.map((code) => auditBefore.get(code)));
      for (const target of Object.values(targets)) {
        const step = (await admin.get(`/api/tasks/${target.taskId}`)).body;
        expect(step).to.include({ state: 'open', assignee: null });
      }
    });
  });

  describe('the inbox GET /api/tasks?status=all, account by account', () => {
    const INBOX: readonly [string | null, number, readonly DossierKey[]][] = [
      ['motcua.haichau', 200, ['haiChauNew', 'haiChauProcessing']],
      ['chuyenvien.haichau', 200, ['haiChauProcessing']],
      ['lanhdao.haichau', 200, []],
      ['motcua.thanhkhe', 200, ['thanhKheNew', 'thanhKheProcessing']],
      ['congan.haichau', 200, []],
      ['chuyenvien.stp', 200, []],
      ['kiemtra', 200, ['haiChauNew', 'haiChauProcessing', 'thanhKheNew', 'thanhKheProcessing']],
      ['kiemtra.haichau', 200, ['haiChauNew', 'haiChauProcessing']],
      ['quantri', 200, ['haiChauNew', 'haiChauProcessing', 'thanhKheNew', 'thanhKheProcessing']],
      ['thietke', 403, []],
      [null, 401, []],
    ];
    for (const [username, status, keys] of INBOX) {
      const shows = status !== 200 ? `refuse with ${status}` : keys.length ? `list steps of ${keys.join(', ')} only` : 'list no step';
      it(`should ${shows} for ${describeAccount(username)}`, async () => {
        // given
        const client = as(username);

        // when
        const response = await client.get('/api/tasks?status=all');

        // then
        expect(response.status, response.text).to.equal(status);
        if (status !== 200) return;
        const codes = new Set((response.body.tasks as { dossier: { code: string } }[]).map((task) => task.dossier.code));
        expect([...codes].sort()).to.deep.equal(keys.map((key) => dossiers[key].code).sort());
        expect(response.body.total).to.equal(response.body.tasks.length);
      });
    }
  });

  describe('working a step', () => {
    before(async () => {
      // A second desk officer at Hải Châu: the only one who may work a desk step besides motcua.haichau.
      await t.app.services.accounts.upsertUser({ username: 'motcua2.haichau', password: DEMO_PASSWORD, fullName: 'Trần Thị Hai', kind: 'officer', agencyId: 'hai-chau', roles: ['desk'] });
      clients.set('motcua2.haichau', await t.login('motcua2.haichau'));
    });

    it('should NOT let a specialist complete a desk step (403)', async () => {
      // given
      const receive = await receiveTaskOf('haiChauNew');

      // when
      const response = await as('chuyenvien.haichau').post(`/api/tasks/${receive.id}/complete`, { outcome: 'accept', formData: {} });

      // then
      expect(response.status, response.text).to.equal(403);
      expect(response.body.error.code).to.equal('FORBIDDEN');
      expect(response.body.error.message).to.include('Một cửa');
    });

    it('should NOT let a colleague complete a step another officer has claimed (409)', async () => {
      // given
      const receive = await receiveTaskOf('haiChauNew');
      const claim = await as('motcua.haichau').post(`/api/tasks/${receive.id}/claim`);
      expect(claim.status, claim.text).to.equal(200);

      // when
      const complete = await as('motcua2.haichau').post(`/api/tasks/${receive.id}/complete`, { outcome: 'accept', formData: {} });
      const claimAgain = await as('motcua2.haichau').post(`/api/tasks/${receive.id}/claim`);

      // then
      expect(complete.status, complete.text).to.equal(409);
      expect(complete.body.error.code).to.equal('CONFLICT');
      expect(complete.body.error.message).to.include('motcua.haichau');
      expect(claimAgain.status, claimAgain.text).to.equal(409);
      expect((await admin.get(`/api/tasks/${receive.id}`)).body).to.include({ state: 'open', assignee: 'motcua.haichau' });
    });
  });

  describe('citizens, who prove a dossier is theirs by code and identity number', () => {
    it('should answer a look-up with a wrong identity number exactly as one with a wrong code (404)', async () => {
      // given
      const { code, idNumber } = dossiers.haiChauNew;
      const wrongCode = `${code.slice(0, -4)}9999`;

      // when
      const wrongId = await t.anonymous().get(`/api/public/dossiers/${code}?idNumber=048000000000`);
      const noSuchCode = await t.anonymous().get(`/api/public/dossiers/${wrongCode}?idNumber=${idNumber}`);

      // then
      expect(wrongId.status, wrongId.text).to.equal(404);
      expect(noSuchCode.status, noSuchCode.text).to.equal(404);
      expect(wrongId.body).to.deep.equal(noSuchCode.body);
      expect(wrongId.body.error.code).to.equal('NOT_FOUND');
    });

    const OTHERS_DOSSIER: readonly { title: string; send: (c: HttpClient, code: string, idNumber: string) => Promise<HttpResponse> }[] = [
      { title: 'withdraw', send: (c, code, idNumber) => c.post(`/api/public/dossiers/${code}/withdraw`, { idNumber, reason: 'Không có nhu cầu nữa' }) },
      { title: 'report a supplement for', send: (c, code, idNumber) => c.post(`/api/public/dossiers/${code}/supplement`, { idNumber, note: 'Đã bổ sung' }) },
      { title: 'rate', send: (c, code, idNumber) => c.post(`/api/public/dossiers/${code}/rating`, { idNumber, rating: 1 }) },
      {
        title: 'attach a file to',
        send: (c, code, idNumber) =>
          c.upload(`/api/public/dossiers/${code}/attachments`, { idNumber, component: 'giay-chung-sinh' }, { name: 'giay-chung-sinh.pdf', type: 'application/pdf', content: samplePdf() }),
      },
      { title: 'print the receipt (01) of', send: (c, code, idNumber) => c.get(`/api/public/dossiers/${code}/documents/01?idNumber=${idNumber}`) },
    ];
    for (const { title, send } of OTHERS_DOSSIER) {
      it(`should NOT let a citizen ${title} another applicant's dossier (404, as for a wrong code)`, async () => {
        // given
        const theirs = dossiers.haiChauProcessing;
        const mine = dossiers.thanhKheProcessing;
        const before = (await admin.get(`/api/dossiers/${theirs.code}/audit`)).body.entries.length;

        // when
        const response = await send(t.anonymous(), theirs.code, mine.idNumber);
        const noSuchCode = await send(t.anonymous(), `${theirs.code.slice(0, -4)}9999`, mine.idNumber);

        // then
        expect(response.status, response.text).to.equal(404);
        expect(response.body).to.deep.equal(noSuchCode.body);
        expect((await admin.get(`/api/dossiers/${theirs.code}/audit`)).body.entries.length).to.equal(before);
        expect((await admin.get(`/api/dossiers/${theirs.code}`)).body.status).to.not.equal(7);
      });
    }
  });

  describe('officers of the agency pass the same gates (controls, run last: they change the dossiers)', () => {
    before(async () => {
      for (const username of ['lanhdao.thanhkhe', 'chuyenvien.thanhkhe']) clients.set(username, await t.login(username));
    });

    const CONTROLS: readonly { who: string; endpoint: string; agency: Agency; status: number; why: string }[] = [
      { who: 'motcua.haichau', endpoint: 'POST /api/dossiers/:code/stop', agency: 'hai-chau', status: 200, why: 'the desk may stop processing' },
      { who: 'lanhdao.thanhkhe', endpoint: 'POST /api/dossiers/:code/apology', agency: 'thanh-khe', status: 200, why: 'the leader apologises with a new date' },
      { who: 'chuyenvien.thanhkhe', endpoint: 'POST /api/tasks/:id/claim', agency: 'thanh-khe', status: 200, why: 'the specialist claims the step' },
      { who: 'chuyenvien.thanhkhe', endpoint: 'POST /api/tasks/:id/complete', agency: 'thanh-khe', status: 200, why: 'and completes it' },
      { who: 'motcua.thanhkhe', endpoint: 'POST /api/dossiers/:code/attachments', agency: 'thanh-khe', status: 201, why: 'the desk attaches a file' },
      { who: 'motcua.thanhkhe', endpoint: 'POST /api/dossiers/:code/supplement', agency: 'thanh-khe', status: 409, why: 'no supplement was asked for' },
      { who: 'motcua.thanhkhe', endpoint: 'POST /api/dossiers/:code/withdraw', agency: 'thanh-khe', status: 200, why: 'the desk withdraws at the applicant’s request' },
    ];
    for (const { who, endpoint: title, agency, status, why } of CONTROLS) {
      it(`should answer ${status} to ${describeAccount(who)} on ${title} of the ${agency} dossier: ${why}`, async () => {
        // given
        const endpoint = ENDPOINTS.find((e) => e.title === title)!;

        // when
        const response = await endpoint.send(as(who), targets[agency]);

        // then
        expect(response.status, response.text).to.equal(status);
      });
    }
  });
});
