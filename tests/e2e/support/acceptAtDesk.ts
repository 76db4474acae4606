import { openTasks, work } from './drive.js';
import type { HttpClient, TestApp } from './testApp.js';

/** The receiving desk accepts a new dossier, which starts its clock and opens the first processing step. */
export async function acceptAtDesk(t: TestApp, admin: HttpClient, code: string): Promise<void> {
  const receive = (await openTasks(admin, code)).find((task) => task.stepKind === 'receive');
  if (!receive) throw new Error(`Expected dossier ${code} to wait at reception`);
  const response = await work(t, receive, 'accept');
  if (response.status !== 200) throw new Error(`Expected the desk to accept ${code}, but got ${response.status} ${response.text}`);
}
