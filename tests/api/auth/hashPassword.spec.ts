import { expect } from 'chai';
import { hashPassword, verifyPassword } from '../../../api/auth/index.js';

describe('api/auth hashPassword', function () {
  it('should verify the password a hash was made from', async function () {
    // given
    const encoded = await hashPassword('mật khẩu dài');

    // when
    const verified = await verifyPassword('mật khẩu dài', encoded);

    // then
    expect(verified).to.equal(true);
  });

  it('should NOT verify a wrong password', async function () {
    // given
    const encoded = await hashPassword('mat-khau-dung');

    // when
    const verified = await verifyPassword('mat-khau-sai', encoded);

    // then
    expect(verified).to.equal(false);
  });

  it('should encode the scrypt parameters, a 16-byte salt and a 64-byte key', async function () {
    // when
    const encoded = await hashPassword('mat-khau-dung');

    // then
    const [scheme, n, r, p, salt, key] = encoded.split('$');
    expect([scheme, n, r, p]).to.deep.equal(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt, 'base64')).to.have.length(16);
    expect(Buffer.from(key, 'base64')).to.have.length(64);
  });

  it('should salt each hash', async function () {
    // when
    const [first, second] = await Promise.all([hashPassword('cung-mat-khau'), hashPassword('cung-mat-khau')]);

    // then
    expect(first).not.to.equal(second);
  });

  it('should verify a password typed with decomposed Vietnamese accents against one typed composed', async function () {
    // given
    const encoded = await hashPassword('Hà Nội 2025'.normalize('NFC'));

    // when
    const verified = await verifyPassword('Hà Nội 2025'.normalize('NFD'), encoded);

    // then
    expect(verified).to.equal(true);
  });

  for (const malformed of ['', 'plain-text', 'scrypt$16384$8$1$$', 'bcrypt$10$abc$def$ghi$jkl', 'scrypt$1000$8$1$c2FsdA==$a2V5']) {
    it(`should NOT verify against the malformed hash '${malformed}'`, async function () {
      // when
      const verified = await verifyPassword('any-password', malformed);

      // then
      expect(verified).to.equal(false);
    });
  }
});
