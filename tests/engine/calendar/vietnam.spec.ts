import { expect } from 'chai';
import {
  VIETNAM_CALENDAR_DATA,
  createCalendar,
  validateCalendarData,
  vietnamCalendar,
} from '../../../engine/calendar/index.js';
import { at, show } from './localMoments.js';

/** DOMAIN.md §5's table, one row per year, ranges spelled out day by day. */
const DAYS_OFF_BY_YEAR: Record<string, string[]> = {
  '2024': [
    '2024-01-01',
    '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14',
    '2024-04-18',
    '2024-04-29', '2024-04-30', '2024-05-01',
    '2024-09-02', '2024-09-03',
  ],
  '2025': [
    '2025-01-01',
    '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
    '2025-04-07',
    '2025-04-30', '2025-05-01', '2025-05-02',
    '2025-09-01', '2025-09-02',
  ],
  '2026': [
    '2026-01-01',
    '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
    '2026-04-27',
    '2026-04-30', '2026-05-01',
    '2026-08-31', '2026-09-01', '2026-09-02',
  ],
};

const WORKING_SATURDAYS = ['2024-05-04', '2025-04-26', '2026-08-22'];

describe('calendar: Vietnam seed data', () => {
  for (const [year, expected] of Object.entries(DAYS_OFF_BY_YEAR)) {
    it(`should list exactly the weekdays off of ${year}`, () => {
      const listed = VIETNAM_CALENDAR_DATA.daysOff
        .map((entry) => entry.date)
        .filter((date) => date.startsWith(year));

      expect(listed).to.deep.equal(expected);
    });
  }

  it('should list exactly the working Saturdays 2024-05-04, 2025-04-26 and 2026-08-22', () => {
    expect(VIETNAM_CALENDAR_DATA.workingSaturdays.map((entry) => entry.date)).to.deep.equal(WORKING_SATURDAYS);
  });

  it('should list only weekdays as days off', () => {
    const weekendDays = VIETNAM_CALENDAR_DATA.daysOff.filter((entry) =>
      [0, 6].includes(new Date(`${entry.date}T00:00:00Z`).getUTCDay()),
    );

    expect(weekendDays).to.deep.equal([]);
  });

  it('should NOT include 24 November (Vietnamese Culture Day is not yet law)', () => {
    const novemberDays = VIETNAM_CALENDAR_DATA.daysOff.filter((entry) => entry.date.endsWith('-11-24'));

    expect(novemberDays).to.deep.equal([]);
  });

  const names: [date: string, name: string][] = [
    ['2025-01-01', 'Tết Dương lịch'],
    ['2026-02-17', 'Tết Nguyên đán'],
    ['2025-04-07', 'Giỗ Tổ Hùng Vương'],
    ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4/2026 là Chủ nhật)'],
    ['2026-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước'],
    ['2026-05-01', 'Ngày Quốc tế Lao động'],
    ['2025-09-02', 'Quốc khánh'],
    ['2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)'],
  ];

  for (const [date, name] of names) {
    it(`should name ${date} "${name}"`, () => {
      expect(VIETNAM_CALENDAR_DATA.daysOff.find((entry) => entry.date === date)?.name).to.equal(name);
    });
  }

  it('should explain every working Saturday by the day it pays back', () => {
    expect(VIETNAM_CALENDAR_DATA.workingSaturdays.map((entry) => entry.name)).to.deep.equal([
      'Làm bù cho ngày 29/4/2024',
      'Làm bù cho ngày 02/5/2025',
      'Làm bù cho ngày 31/8/2026',
    ]);
  });

  it('should use office hours 07:00–11:30 and 13:30–17:00, Monday to Friday, UTC+07:00, cut-off 15:00', () => {
    expect(VIETNAM_CALENDAR_DATA.officeHours).to.deep.equal([
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(VIETNAM_CALENDAR_DATA.workingWeekdays).to.deep.equal([1, 2, 3, 4, 5]);
    expect(VIETNAM_CALENDAR_DATA.utcOffsetMinutes).to.equal(420);
    expect(VIETNAM_CALENDAR_DATA.sameDayCutoff).to.equal('15:00');
  });

  it('should be valid', () => {
    expect(validateCalendarData(VIETNAM_CALENDAR_DATA)).to.deep.equal([]);
  });

  it('should be frozen so that no caller edits the nationwide default by accident', () => {
    expect(Object.isFrozen(VIETNAM_CALENDAR_DATA)).to.equal(true);
    expect(Object.isFrozen(VIETNAM_CALENDAR_DATA.daysOff)).to.equal(true);
    expect(Object.isFrozen(VIETNAM_CALENDAR_DATA.daysOff[0])).to.equal(true);
    expect(Object.isFrozen(VIETNAM_CALENDAR_DATA.officeHours[0])).to.equal(true);
  });

  it('should expose its data on the calendar', () => {
    expect(vietnamCalendar().data).to.equal(VIETNAM_CALENDAR_DATA);
  });

  it('should do its maths in the zone of its data', () => {
    // given the same rules in UTC
    const utc = createCalendar({ ...VIETNAM_CALENDAR_DATA, utcOffsetMinutes: 0 });

    // when received at 06:00 UTC, i.e. 13:00 in Vietnam
    const start = utc.normalizeStart(at('Mon 2025-10-06 13:00'));

    // then the UTC office opens at 07:00 UTC, 14:00 in Vietnam
    expect(show(start)).to.equal('Mon 2025-10-06 14:00');
  });
});
