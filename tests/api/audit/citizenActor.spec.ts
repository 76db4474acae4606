import { expect } from 'chai';
import { citizenActor } from '../../../api/audit/index.js';

describe('api/audit citizenActor', function () {
  const cases: [string, string][] = [
    ['048095001234', 'citizen:********1234'],
    ['048 095 001 234', 'citizen:********1234'],
    ['201234567', 'citizen:*****4567'],
    ['12345678', 'citizen:********'],
  ];

  for (const [idNumber, expected] of cases) {
    it(`should mask ${idNumber} as ${expected}`, function () {
      // then
      expect(citizenActor(idNumber)).to.equal(expected);
    });
  }
});
