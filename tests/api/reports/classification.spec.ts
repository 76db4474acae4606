import { expect } from 'chai';
import { classifyFinished, classifyOpen, judgedDue, type ApologyDuePolicy, type EndKind } from '../../../api/reports/index.js';

const DUE = '2026-03-10';
const DAY_BEFORE = '2026-03-09';
const DAY_AFTER = '2026-03-11';

describe('api/reports classification', function () {
  describe('judgedDue', function () {
    it('should judge by the original due date after an apology under the default policy', function () {
      expect(judgedDue({ dueOn: DAY_AFTER, originalDueOn: DUE }, 'original')).to.equal(DUE);
    });

    it("should judge by the apology's new date when the setting says so", function () {
      expect(judgedDue({ dueOn: DAY_AFTER, originalDueOn: DUE }, 'apology')).to.equal(DAY_AFTER);
    });

    it('should fall back to the due date in force when no original is known', function () {
      expect(judgedDue({ dueOn: DUE, originalDueOn: null }, 'original')).to.equal(DUE);
    });
  });

  describe('classifyFinished', function () {
    const byDate: [string, string][] = [
      [DAY_BEFORE, 'early'],
      [DUE, 'onTime'],
      [DAY_AFTER, 'late'],
    ];
    for (const endKind of ['result', 'stopped'] as const) {
      for (const [finishedOn, expected] of byDate) {
        it(`should call a ${endKind} finished on ${finishedOn} against a due date of ${DUE} ${expected}`, function () {
          expect(classifyFinished({ endKind, finishedOn, dueOn: DUE, originalDueOn: DUE }, 'original')).to.equal(expected);
        });
      }
    }

    for (const endKind of ['withdrawn', 'ineligible'] as const) {
      for (const [finishedOn] of byDate) {
        it(`should count a dossier ${endKind} on ${finishedOn} as on time whatever its due date`, function () {
          expect(classifyFinished({ endKind, finishedOn, dueOn: DUE, originalDueOn: DUE }, 'original')).to.equal('onTime');
        });
      }
    }

    for (const endKind of ['result', 'stopped', 'withdrawn', 'ineligible'] as EndKind[]) {
      it(`should count a ${endKind} without a due date (settled on the spot) as on time`, function () {
        expect(classifyFinished({ endKind, finishedOn: DAY_AFTER, dueOn: null, originalDueOn: null }, 'original')).to.equal('onTime');
      });
    }

    it('should compare by calendar date only, so a result on the due date is on time', function () {
      expect(classifyFinished({ endKind: 'result', finishedOn: '2026-03-10', dueOn: '2026-03-10', originalDueOn: '2026-03-10' }, 'original')).to.equal('onTime');
    });

    const apologyCases: [ApologyDuePolicy, string, string][] = [
      ['original', DAY_BEFORE, 'early'],
      ['original', DUE, 'onTime'],
      ['original', DAY_AFTER, 'late'],
      ['apology', DAY_BEFORE, 'early'],
      ['apology', DUE, 'early'],
      ['apology', DAY_AFTER, 'onTime'],
      ['apology', '2026-03-12', 'late'],
    ];
    for (const [policy, finishedOn, expected] of apologyCases) {
      it(`should call a result on ${finishedOn} after an apology moved ${DUE} to ${DAY_AFTER} ${expected} under the ${policy} policy`, function () {
        expect(classifyFinished({ endKind: 'result', finishedOn, dueOn: DAY_AFTER, originalDueOn: DUE }, policy)).to.equal(expected);
      });
    }
  });

  describe('classifyOpen', function () {
    const cases: [string, string][] = [
      ['2026-03-09', 'inTime'],
      ['2026-03-10', 'inTime'],
      ['2026-03-11', 'late'],
    ];
    for (const [reportDate, expected] of cases) {
      it(`should call an open dossier due ${DUE} ${expected} at ${reportDate}`, function () {
        expect(classifyOpen({ paused: false, dueOn: DUE, originalDueOn: DUE }, reportDate, 'original')).to.equal(expected);
      });
    }

    it('should count a dossier paused for a supplement as in time even past its due date', function () {
      expect(classifyOpen({ paused: true, dueOn: DUE, originalDueOn: DUE }, '2026-04-01', 'original')).to.equal('inTime');
    });

    it('should count an open dossier without a due date as in time', function () {
      expect(classifyOpen({ paused: false, dueOn: null, originalDueOn: null }, '2026-04-01', 'original')).to.equal('inTime');
    });

    it('should call an open dossier late past its original date after an apology under the default policy', function () {
      expect(classifyOpen({ paused: false, dueOn: DAY_AFTER, originalDueOn: DUE }, DAY_AFTER, 'original')).to.equal('late');
    });

    it("should keep it in time until the apology's date under the apology policy", function () {
      expect(classifyOpen({ paused: false, dueOn: DAY_AFTER, originalDueOn: DUE }, DAY_AFTER, 'apology')).to.equal('inTime');
    });
  });
});
