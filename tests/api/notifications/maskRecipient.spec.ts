import { expect } from 'chai';
import { maskContacts, maskRecipient } from '../../../api/notifications/index.js';

describe('notifications/maskRecipient', function () {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['0912345612', '09******12'],
    ['+84912345612', '+84*******12'],
    ['nguyen.van.an@example.vn', 'ng***********@example.vn'],
    ['an@example.vn', '**@example.vn'],
    ['12345', '*****'],
  ];

  for (const [recipient, masked] of cases) {
    it(`should mask ${recipient} as ${masked}`, function () {
      expect(maskRecipient(recipient)).to.equal(masked);
    });
  }

  it('should mask e-mail addresses and phone numbers inside a text', function () {
    // when
    const masked = maskContacts('550 5.1.1 <tran.binh@example.vn>: rejected; callback 0987 654 321, ref 2026021300001234');

    // then
    expect(masked).to.equal('550 5.1.1 <tr*******@example.vn>: rejected; callback 09********21, ref 2026021300001234');
  });

  it('should mask a known recipient whatever its form', function () {
    // when
    const masked = maskContacts('unknown subscriber zalo:8412345', ['zalo:8412345']);

    // then
    expect(masked).to.equal('unknown subscriber za********45');
  });
});
