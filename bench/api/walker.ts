/**
 * The HTTP clients of `bench:api`, run in a worker thread so that building
 * requests and parsing answers does not take the event loop of the service
 * being measured. C clients, each with its own desk, specialist and leader
 * sessions, take dossiers from one counter until N have been walked:
 * submitted as a citizen, then each open step read from the dossier, claimed
 * and completed with its first (normal-path) outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { stepData } from '../../tests/e2e/support/drive.js';
import { Session } from './http.js';
import type { Samples } from './stats.js';

export interface WalkInput {
  readonly url: string;
  readonly dossiers: number;
  readonly clients: number;
  readonly password: string;
  /** The demo officer who works each role at the receiving agency. */
  readonly officers: Readonly<Record<string, string>>;
  readonly submission: { procedure: string; agency: string; applicant: Record<string, unknown>; formData: Record<string, unknown> };
}

export interface WalkResult {
  readonly elapsedMs: number;
  readonly requests: number;
  readonly samples: Samples;
  /** How many dossiers ended in each status (10 = returned). */
  readonly finalStatuses: Record<string, number>;
  readonly steps: number;
}

interface DossierView {
  status: number;
  tasks: { id: string; role: string; stepKind: string; state: string }[];
}

const MAX_STEPS = 20;

async function walk(input: WalkInput): Promise<WalkResult> {
  const samples: Samples = {};
  const clients = Array.from({ length: input.clients }, () => ({ anonymous: new Session(input.url, samples), officers: new Map<string, Session>() }));
  // One after the other: logins from one address are rate-limited while they are in flight.
  for (const client of clients) {
    for (const [role, username] of Object.entries(input.officers)) {
      const session = new Session(input.url, samples);
      await session.login(username, input.password);
      client.officers.set(role, session);
    }
  }
  const sessions = clients.flatMap((c) => [c.anonymous, ...c.officers.values()]);
  const requestsBefore = sessions.reduce((n, s) => n + s.requests, 0);
  const finalStatuses: Record<string, number> = {};
  let next = 0;
  let steps = 0;

  const walkOne = async (client: (typeof clients)[number]) => {
    const submitted = await client.anonymous.call<{ code: string }>('POST /api/public/dossiers', 'POST', '/api/public/dossiers', input.submission);
    expectStatus(submitted, 201, 'submit');
    const code = encodeURIComponent(submitted.body.code);
    let reader = client.officers.get('desk')!;
    for (let i = 0; i <= MAX_STEPS; i++) {
      const view = await reader.call<DossierView>('GET /api/dossiers/:code', 'GET', `/api/dossiers/${code}`);
      expectStatus(view, 200, `read ${code}`);
      const task = view.body.tasks.find((t) => t.state === 'open');
      if (!task) {
        finalStatuses[view.body.status] = (finalStatuses[view.body.status] ?? 0) + 1;
        return;
      }
      const officer = client.officers.get(task.role);
      if (!officer) throw new Error(`Expected an officer for role ${task.role} (step ${task.stepKind} of ${code})`);
      const claimed = await officer.call<{ outcomes: { value: string }[] }>('POST /api/tasks/:id/claim', 'POST', `/api/tasks/${encodeURIComponent(task.id)}/claim`);
      expectStatus(claimed, 200, `claim ${task.stepKind} of ${code}`);
      const outcome = claimed.body.outcomes[0]!.value;
      const completed = await officer.call(`POST /api/tasks/:id/complete (${task.stepKind})`, 'POST', `/api/tasks/${encodeURIComponent(task.id)}/complete`, {
        outcome,
        formData: stepData(task.stepKind, outcome),
      });
      expectStatus(completed, 200, `complete ${task.stepKind} of ${code}`);
      steps += 1;
      // The dossier page is shown again after a step; whoever finished it reads what is next.
      reader = officer;
    }
    throw new Error(`Expected dossier ${code} to finish within ${MAX_STEPS} steps`);
  };

  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (next < input.dossiers) {
        next += 1;
        await walkOne(client);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const requests = sessions.reduce((n, s) => n + s.requests, 0) - requestsBefore;
  return { elapsedMs, requests, samples, finalStatuses, steps };
}

function expectStatus(answer: { status: number; body: unknown }, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`Expected ${status} for ${what}, but got ${answer.status} ${JSON.stringify(answer.body)}`);
}

walk(workerData as WalkInput).then(
  (result) => parentPort!.postMessage({ result }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
