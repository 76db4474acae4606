import { expect } from 'chai';
import { vietnamCalendar } from '../../../engine/index.js';
import type { DossierRecord } from '../../../api/dossiers/index.js';
import { deadlineStateOf, reportFactsOf } from '../../../api/reports/index.js';
import { aDossier, at } from './support/reportFixtures.js';

const calendar = vietnamCalendar();

/** An online birth registration received Monday 2/3/2026 08:00, due Thursday 08:00, in processing. */
function dossier(overrides: Partial<DossierRecord> = {}): DossierRecord {
  return aDossier({ receivedAt: at('2026-03-02T08:00:00'), dueAt: at('2026-03-05T08:00:00'), channel: 2, ...overrides });
}

describe('api/reports facts', function () {
  describe('reportFactsOf', function () {
    it('should leave a dossier that was never received out of the reports', function () {
      // given a submission still waiting at the desk, and one refused there
      const waiting = dossier({ status: 1, receivedAt: null, dueAt: null });
      const refused = dossier({ status: 3, receivedAt: null, dueAt: null, endedAt: at('2026-03-02T09:00:00') });

      // then
      expect(reportFactsOf(calendar, waiting)).to.equal(null);
      expect(reportFactsOf(calendar, refused)).to.equal(null);
    });

    it('should keep an open dossier with its local reception and due dates and no finish', function () {
      // when
      const facts = reportFactsOf(calendar, dossier())!;

      // then
      expect(facts).to.include({ agencyId: 'hai-chau', procedureCode: 'khai-sinh', channel: 2, receivedOn: '2026-03-02', dueOn: '2026-03-05', originalDueOn: '2026-03-05' });
      expect(facts.finishedOn).to.equal(null);
      expect(facts.endKind).to.equal(null);
      expect(facts.lateHours).to.equal(null);
      expect(facts.workingHours).to.equal(null);
    });

    it('should date an instant by its Vietnamese calendar date, not the UTC one', function () {
      // given received at 06:30 local time, which is still the day before in UTC
      const facts = reportFactsOf(calendar, dossier({ receivedAt: new Date('2026-03-01T23:30:00Z') }))!;

      // then
      expect(facts.receivedOn).to.equal('2026-03-02');
    });

    it('should finish a processed dossier when its result is ready, with hours early and working hours taken', function () {
      // given due Thursday 08:00, ready Wednesday 10:00
      const facts = reportFactsOf(calendar, dossier({ status: 10, result: 'approved', resultReadyAt: at('2026-03-04T10:00:00'), returnedAt: at('2026-03-05T09:00:00'), endedAt: at('2026-03-05T09:00:00') }))!;

      // then
      expect(facts.endKind).to.equal('result');
      expect(facts.finishedOn).to.equal('2026-03-04');
      // Wednesday 10:00 → Thursday 08:00 is 6 working hours (10:00–11:30, 13:30–17:00, 07:00–08:00)
      expect(facts.lateHours).to.equal(-6);
      // Monday 08:00 → Wednesday 10:00: 7 + 8 + 3 working hours
      expect(facts.workingHours).to.equal(18);
    });

    it('should call a result refused after processing ineligible', function () {
      const facts = reportFactsOf(calendar, dossier({ status: 9, result: 'refused', resultReadyAt: at('2026-03-03T10:00:00') }))!;
      expect(facts.endKind).to.equal('ineligible');
      expect(facts.finishedOn).to.equal('2026-03-03');
    });

    it('should finish a withdrawn or stopped dossier when it ended', function () {
      const withdrawn = reportFactsOf(calendar, dossier({ status: 7, endedAt: at('2026-03-03T15:00:00') }))!;
      const stopped = reportFactsOf(calendar, dossier({ status: 8, endedAt: at('2026-03-06T15:00:00') }))!;
      expect([withdrawn.endKind, withdrawn.finishedOn]).to.deep.equal(['withdrawn', '2026-03-03']);
      expect([stopped.endKind, stopped.finishedOn]).to.deep.equal(['stopped', '2026-03-06']);
    });

    it('should never finish a dossier before its reception (a result given on the spot after hours)', function () {
      // given accepted Friday 17:30, so the clock starts Monday 07:00, and the result handed over at once
      const facts = reportFactsOf(calendar, dossier({ receivedAt: at('2026-03-09T07:00:00'), dueAt: null, status: 10, result: 'approved', resultReadyAt: at('2026-03-06T17:35:00') }))!;

      // then
      expect(facts.finishedOn).to.equal('2026-03-09');
      expect(facts.workingHours).to.equal(0);
    });

    it('should keep both due dates after an apology and the hours late against each, skipping the holidays', function () {
      // given due Wednesday 29/4/2026 17:00, moved by an apology to Tuesday 5/5; 30/4 and 1/5 are holidays
      const facts = reportFactsOf(
        calendar,
        dossier({
          status: 9,
          result: 'approved',
          originalDueAt: at('2026-04-29T17:00:00'),
          dueAt: at('2026-05-05T17:00:00'),
          apologyAt: at('2026-04-28T09:00:00'),
          resultReadyAt: at('2026-05-04T09:00:00'),
        }),
      )!;

      // then
      expect(facts.originalDueOn).to.equal('2026-04-29');
      expect(facts.dueOn).to.equal('2026-05-05');
      // Monday 4/5 07:00–09:00 is all the working time after 29/4 17:00
      expect(facts.originalLateHours).to.equal(2);
      expect(facts.lateHours).to.equal(-14);
    });

    it('should carry the rating for the satisfaction figures', function () {
      expect(reportFactsOf(calendar, dossier({ rating: 5 }))!.rating).to.equal(5);
    });
  });

  describe('deadlineStateOf', function () {
    it('should say paused while a supplement is awaited during processing', function () {
      expect(deadlineStateOf(calendar, dossier({ status: 5, pausedAt: at('2026-03-03T09:00:00') }))).to.deep.equal({ paused: true, dueOn: '2026-03-05', originalDueOn: '2026-03-05' });
    });

    it('should have no deadline before reception', function () {
      expect(deadlineStateOf(calendar, dossier({ receivedAt: null }))).to.equal(null);
    });
  });
});
