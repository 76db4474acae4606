import type { Db } from '../../engine/index.js';

/**
 * How dossier codes are made. Circular 01/2018 art. 19 fixes
 * `<unit code>-YYMMDD-NNNN`; Circular 03/2025 may change it, so the format is
 * a strategy the application is given.
 */
export interface DossierCodeStrategy {
  /** A new code for a dossier received by `unitCode` on the local date `day` (YYYY-MM-DD), inside the caller's transaction. */
  next(tx: Db, unitCode: string, day: string): Promise<string>;
}

/**
 * The sequence is one counter row per unit and day, bumped with an upsert: the
 * row lock makes concurrent submissions to one unit take numbers one after the
 * other, and a rolled-back submission gives its number back.
 */
export async function nextDailySequence(tx: Db, unitCode: string, day: string): Promise<number> {
  const { rows } = await tx.query<{ last: number }>(
    `INSERT INTO dossier_code_counters (unit_code, day, last) VALUES ($1, $2::date, 1)
     ON CONFLICT (unit_code, day) DO UPDATE SET last = dossier_code_counters.last + 1
     RETURNING last`,
    [unitCode, day],
    { name: 'dossier_code_next' },
  );
  return rows[0]!.last;
}

export const circular01DossierCode: DossierCodeStrategy = {
  async next(tx, unitCode, day) {
    const sequence = await nextDailySequence(tx, unitCode, day);
    const yymmdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
    return `${unitCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
  },
};
