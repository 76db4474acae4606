import type { CalendarData, DayOff, OfficePeriod, WorkingCalendar, WorkingSaturday } from './types.js';
import { VIETNAM_UTC_OFFSET_MINUTES } from './localTime.js';
import { createCalendar } from './WorkingCalendar.js';

/** Office hours of state agencies: 07:00–11:30 and 13:30–17:00, i.e. 8 working hours a day. */
export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = Object.freeze([
  Object.freeze({ start: '07:00', end: '11:30' }),
  Object.freeze({ start: '13:30', end: '17:00' }),
]);

const TET_DUONG_LICH = 'Tết Dương lịch';
const TET_NGUYEN_DAN = 'Tết Nguyên đán';
const GIO_TO = 'Giỗ Tổ Hùng Vương';
const GIAI_PHONG = 'Ngày Giải phóng miền Nam, thống nhất đất nước';
const LAO_DONG = 'Ngày Quốc tế Lao động';
const QUOC_KHANH = 'Quốc khánh';
const QUOC_KHANH_LIEN_KE = 'Quốc khánh (ngày liền kề)';

/**
 * Weekdays off nationwide, as announced for civil servants each year. Weekend days inside a
 * holiday run are not listed: they are free anyway. 24/11 (Ngày Văn hóa Việt Nam) is left out
 * on purpose until it becomes law; an administrator can add it with `withChanges`.
 */
const DAYS_OFF: readonly DayOff[] = [
  // 2024
  { date: '2024-01-01', name: TET_DUONG_LICH },
  { date: '2024-02-08', name: TET_NGUYEN_DAN },
  { date: '2024-02-09', name: TET_NGUYEN_DAN },
  { date: '2024-02-12', name: TET_NGUYEN_DAN },
  { date: '2024-02-13', name: TET_NGUYEN_DAN },
  { date: '2024-02-14', name: TET_NGUYEN_DAN },
  { date: '2024-04-18', name: GIO_TO },
  { date: '2024-04-29', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)' },
  { date: '2024-04-30', name: GIAI_PHONG },
  { date: '2024-05-01', name: LAO_DONG },
  { date: '2024-09-02', name: QUOC_KHANH },
  { date: '2024-09-03', name: QUOC_KHANH_LIEN_KE },
  // 2025
  { date: '2025-01-01', name: TET_DUONG_LICH },
  { date: '2025-01-27', name: TET_NGUYEN_DAN },
  { date: '2025-01-28', name: TET_NGUYEN_DAN },
  { date: '2025-01-29', name: TET_NGUYEN_DAN },
  { date: '2025-01-30', name: TET_NGUYEN_DAN },
  { date: '2025-01-31', name: TET_NGUYEN_DAN },
  { date: '2025-04-07', name: GIO_TO },
  { date: '2025-04-30', name: GIAI_PHONG },
  { date: '2025-05-01', name: LAO_DONG },
  { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)' },
  { date: '2025-09-01', name: QUOC_KHANH_LIEN_KE },
  { date: '2025-09-02', name: QUOC_KHANH },
  // 2026
  { date: '2026-01-01', name: TET_DUONG_LICH },
  { date: '2026-02-16', name: TET_NGUYEN_DAN },
  { date: '2026-02-17', name: TET_NGUYEN_DAN },
  { date: '2026-02-18', name: TET_NGUYEN_DAN },
  { date: '2026-02-19', name: TET_NGUYEN_DAN },
  { date: '2026-02-20', name: TET_NGUYEN_DAN },
  { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4/2026 là Chủ nhật)' },
  { date: '2026-04-30', name: GIAI_PHONG },
  { date: '2026-05-01', name: LAO_DONG },
  { date: '2026-08-31', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)' },
  { date: '2026-09-01', name: QUOC_KHANH_LIEN_KE },
  { date: '2026-09-02', name: QUOC_KHANH },
];

const WORKING_SATURDAYS: readonly WorkingSaturday[] = [
  { date: '2024-05-04', name: 'Làm bù cho ngày 29/4/2024' },
  { date: '2025-04-26', name: 'Làm bù cho ngày 02/5/2025' },
  { date: '2026-08-22', name: 'Làm bù cho ngày 31/8/2026' },
];

/** Nationwide calendar for 2024–2026 (DOMAIN §5); provinces derive theirs with `withChanges`. */
export const VIETNAM_CALENDAR_DATA: CalendarData = Object.freeze({
  officeHours: DEFAULT_OFFICE_HOURS,
  workingWeekdays: Object.freeze([1, 2, 3, 4, 5]),
  daysOff: Object.freeze(DAYS_OFF.map((entry) => Object.freeze(entry))),
  workingSaturdays: Object.freeze(WORKING_SATURDAYS.map((entry) => Object.freeze(entry))),
  utcOffsetMinutes: VIETNAM_UTC_OFFSET_MINUTES,
  sameDayCutoff: '15:00',
});

/** The nationwide calendar, ready to compute due dates. */
export function vietnamCalendar(): WorkingCalendar {
  return createCalendar(VIETNAM_CALENDAR_DATA);
}
