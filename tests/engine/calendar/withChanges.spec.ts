import { expect } from 'chai';
import {
  VIETNAM_CALENDAR_DATA,
  createCalendar,
  validateCalendarData,
  withChanges,
} from '../../../engine/calendar/index.js';

describe('calendar: withChanges', () => {
  it('should add a day off such as Vietnamese Culture Day 24/11/2026', () => {
    // when
    const data = withChanges(VIETNAM_CALENDAR_DATA, {
      addDaysOff: [{ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' }],
    });

    // then
    expect(createCalendar(data).isWorkingDay('2026-11-24')).to.equal(false);
  });

  it('should NOT change the data it was given', () => {
    // given
    const before = JSON.stringify(VIETNAM_CALENDAR_DATA);

    // when
    withChanges(VIETNAM_CALENDAR_DATA, {
      addDaysOff: [{ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' }],
      removeWorkingSaturdays: ['2026-08-22'],
    });

    // then
    expect(JSON.stringify(VIETNAM_CALENDAR_DATA)).to.equal(before);
  });

  it('should remove a day off, making it a working day again', () => {
    const data = withChanges(VIETNAM_CALENDAR_DATA, { removeDaysOff: ['2026-04-27'] });

    expect(createCalendar(data).isWorkingDay('2026-04-27')).to.equal(true);
  });

  it('should add a working Saturday for a local swap', () => {
    const data = withChanges(VIETNAM_CALENDAR_DATA, {
      addDaysOff: [{ date: '2025-10-10', name: 'Nghỉ hoán đổi của tỉnh' }],
      addWorkingSaturdays: [{ date: '2025-10-18', name: 'Làm bù cho ngày 10/10/2025' }],
    });
    const calendar = createCalendar(data);

    expect(calendar.isWorkingDay('2025-10-10')).to.equal(false);
    expect(calendar.isWorkingDay('2025-10-18')).to.equal(true);
  });

  it('should remove a working Saturday, making it a free day again', () => {
    const data = withChanges(VIETNAM_CALENDAR_DATA, { removeWorkingSaturdays: ['2026-08-22'] });

    expect(createCalendar(data).isWorkingDay('2026-08-22')).to.equal(false);
  });

  it('should replace an entry added on a date already listed instead of duplicating it', () => {
    // when
    const data = withChanges(VIETNAM_CALENDAR_DATA, {
      addDaysOff: [{ date: '2026-09-02', name: 'Quốc khánh nước CHXHCN Việt Nam' }],
    });

    // then
    const entries = data.daysOff.filter((entry) => entry.date === '2026-09-02');
    expect(entries).to.deep.equal([{ date: '2026-09-02', name: 'Quốc khánh nước CHXHCN Việt Nam' }]);
    expect(validateCalendarData(data)).to.deep.equal([]);
  });

  it('should keep days off sorted by date', () => {
    const data = withChanges(VIETNAM_CALENDAR_DATA, {
      addDaysOff: [
        { date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' },
        { date: '2024-03-08', name: 'Đóng cửa cục bộ' },
      ],
    });
    const dates = data.daysOff.map((entry) => entry.date);

    expect(dates).to.deep.equal([...dates].sort());
  });

  it('should apply removals before additions so that one edit can both drop and re-add a date', () => {
    const data = withChanges(VIETNAM_CALENDAR_DATA, {
      removeDaysOff: ['2025-09-01'],
      addDaysOff: [{ date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' }],
    });

    expect(createCalendar(data).isWorkingDay('2025-09-01')).to.equal(false);
  });

  it('should leave an invalid edit for validateCalendarData to report', () => {
    // given a working Saturday that is a Friday
    const data = withChanges(VIETNAM_CALENDAR_DATA, {
      addWorkingSaturdays: [{ date: '2025-10-17', name: 'Làm bù' }],
    });

    // then
    expect(validateCalendarData(data).map((problem) => problem.code)).to.deep.equal(['notSaturday']);
  });
});
