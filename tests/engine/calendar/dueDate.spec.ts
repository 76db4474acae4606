import { expect } from 'chai';
import { type TimeLimit, vietnamCalendar } from '../../../engine/calendar/index.js';
import { at, show } from './localMoments.js';

describe('calendar: dueDate', () => {
  const calendar = vietnamCalendar();
  const received = 'Fri 2026-02-13 10:00';

  const cases: [limit: TimeLimit, due: string][] = [
    [{ unit: 'workingDays', amount: 3 }, 'Wed 2026-02-25 10:00'],
    [{ unit: 'workingHours', amount: 8 }, 'Mon 2026-02-23 10:00'],
    [{ unit: 'calendarDays', amount: 10 }, 'Mon 2026-02-23 10:00'],
    [{ unit: 'calendarDays', amount: 2 }, 'Mon 2026-02-23 17:00'],
    [{ unit: 'sameDay' }, 'Fri 2026-02-13 17:00'],
  ];

  for (const [limit, due] of cases) {
    const amount = 'amount' in limit ? `${limit.amount} ` : '';
    it(`should be due ${due} for ${amount}${limit.unit} from ${received}`, () => {
      expect(show(calendar.dueDate(at(received), limit))).to.equal(due);
    });
  }

  const refused: [limit: TimeLimit, message: string][] = [
    [{ unit: 'workingDays', amount: -1 }, 'Expected a legal time limit of 0 or more workingDays, but got -1'],
    [{ unit: 'workingDays', amount: 0.5 }, 'Expected a whole number of working days, but got 0.5'],
    [{ unit: 'calendarDays', amount: -3 }, 'Expected a legal time limit of 0 or more calendarDays, but got -3'],
    [{ unit: 'workingHours', amount: -2 }, 'Expected a legal time limit of 0 or more workingHours, but got -2'],
  ];

  for (const [limit, message] of refused) {
    it(`should NOT accept ${JSON.stringify(limit)}`, () => {
      expect(() => calendar.dueDate(at(received), limit)).to.throw(RangeError, message);
    });
  }

  it('should NOT accept a unit it does not know, naming the known ones', () => {
    // given a limit read from an unchecked process definition
    const limit = JSON.parse('{"unit":"weeks","amount":2}') as TimeLimit;

    // then
    expect(() => calendar.dueDate(at(received), limit)).to.throw(
      RangeError,
      "Expected a time limit unit of workingDays, workingHours, calendarDays, sameDay, but got 'weeks'",
    );
  });

  it('should NOT mistake an inherited property name for a unit', () => {
    const limit = JSON.parse('{"unit":"toString"}') as TimeLimit;

    expect(() => calendar.dueDate(at(received), limit)).to.throw(RangeError, "but got 'toString'");
  });
});
