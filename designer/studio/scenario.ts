import type { ScenarioStep } from './types.js';

/** The test run's inputs as people type them, turned into what the simulation takes. */

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** An ISO 8601 duration such as `PT30M` or `P3D` (upper-cased), or undefined. */
export function parseDuration(text: string): string | undefined {
  const value = text.trim().toUpperCase();
  return ISO_DURATION.test(value) ? value : undefined;
}

/**
 * `dd/MM/yyyy HH:mm` in Vietnam's time to an ISO instant with its offset
 * (`2026-03-02T08:30:00+07:00`), or undefined when it is not a real date and time.
 */
export function parseDateTime(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:00+07:00`;
}

/** The variables a dossier starts its process with (processes/README.md, "Start"). */
export function startVariables(procedure: string, receivingAgency: string | undefined): Record<string, unknown> {
  return { dossierCode: TEST_DOSSIER_CODE, procedure, channel: 1, ...(receivingAgency ? { receivingAgency } : {}) };
}

export const TEST_DOSSIER_CODE = 'THU-NGHIEM-0001';

/** The applicant hands in the missing papers (processes/README.md, "Supplement"). */
export const SUPPLEMENTED: ScenarioStep = { publish: { name: 'dossier-supplemented', correlationKey: TEST_DOSSIER_CODE } };
