// Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact and
// does not depend on the time-zone data of the machine.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `HH:mm` of an instant on the clock in Vietnam, for messages such as "try again after 14:35". */
export function formatVietnamTime(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(11, 16);
}
