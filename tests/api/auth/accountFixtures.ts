import { readFile } from 'node:fs/promises';
import { AccountService, type AccountServiceOptions, type NewUser } from '../../../api/auth/index.js';
import type { Db } from '../../../engine/store/index.js';
import { migrate } from '../../../engine/store/index.js';
import { openTestDb } from '../../support/testDb.js';

const MIGRATION = new URL('../../../api/store/migrations/103_accounts.sql', import.meta.url);

/** A fresh database with the accounts tables only: they depend on no other migration. */
export async function openAccountsDb(): Promise<Db> {
  const db = await openTestDb();
  await migrate(db, [{ id: '103_accounts', sql: await readFile(MIGRATION, 'utf8') }]);
  return db;
}

/** A clock that stands still until moved: lock-outs and expiries without waiting. */
export class TestClock {
  constructor(private current = new Date('2025-03-03T02:00:00Z')) {}

  readonly now = (): Date => this.current;

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function accountService(db: Db, clock: TestClock, options: Partial<AccountServiceOptions> = {}): AccountService {
  return new AccountService({ db, clock: clock.now, ...options });
}

export const PASSWORD = 'mat-khau-dung-1';

let counter = 0;

/** An officer at a one-stop desk, with a username unique to the spec run. */
export function anOfficer(overrides: Partial<NewUser> = {}): NewUser {
  counter += 1;
  return {
    username: `can-bo-${counter}`,
    password: PASSWORD,
    fullName: 'Nguyễn Văn An',
    kind: 'officer',
    agencyId: 'px-hai-chau',
    roles: ['desk'],
    ...overrides,
  };
}
