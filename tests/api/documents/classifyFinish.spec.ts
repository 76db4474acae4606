import { expect } from 'chai';
import { classifyFinish, type FinishResult } from '../../../api/documents/index.js';
import { vn } from './documentContextBuilder.js';

describe('documents: classifyFinish', () => {
  const cases: readonly { what: string; finishedAt: Date; dueAt: Date | null; expected: FinishResult }[] = [
    { what: 'a day before the due date', finishedAt: vn('2026-03-09T16:00:00'), dueAt: vn('2026-03-10T10:30:00'), expected: 'early' },
    { what: 'later on the due day', finishedAt: vn('2026-03-10T16:59:00'), dueAt: vn('2026-03-10T10:30:00'), expected: 'onTime' },
    { what: 'earlier on the due day', finishedAt: vn('2026-03-10T07:00:00'), dueAt: vn('2026-03-10T10:30:00'), expected: 'onTime' },
    { what: 'the day after the due date', finishedAt: vn('2026-03-11T07:30:00'), dueAt: vn('2026-03-10T17:00:00'), expected: 'late' },
    {
      what: 'after local midnight though still the due day in UTC',
      finishedAt: new Date('2026-03-10T17:30:00Z'),
      dueAt: new Date('2026-03-10T10:00:00Z'),
      expected: 'late',
    },
    { what: 'with no due date', finishedAt: vn('2026-03-11T07:30:00'), dueAt: null, expected: 'onTime' },
  ];

  for (const { what, finishedAt, dueAt, expected } of cases) {
    it(`should classify a finish ${what} as ${expected}`, () => {
      expect(classifyFinish(finishedAt, dueAt)).to.equal(expected);
    });
  }
});
