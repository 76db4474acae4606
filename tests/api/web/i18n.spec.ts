import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUES, translate } from '../../../api/web/i18n.js';
import { fold } from '../../../api/web/webRoutes.js';

const TEMPLATES = join(process.cwd(), 'api', 'web', 'templates');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('api/web texts', function () {
  it('should have the same keys in Vietnamese and English', function () {
    expect(Object.keys(CATALOGUES.en).sort()).to.deep.equal(Object.keys(CATALOGUES.vi).sort());
  });

  it('should keep the same placeholders in both languages', function () {
    for (const [key, text] of Object.entries(CATALOGUES.vi)) expect(placeholders(CATALOGUES.en[key]!), key).to.deep.equal(placeholders(text));
  });

  it('should have a text for every key the page templates use', function () {
    // given
    const used = new Set<string>();
    for (const file of readdirSync(TEMPLATES, { recursive: true }).map(String).filter((f) => f.endsWith('.hbs'))) {
      for (const match of readFileSync(join(TEMPLATES, file), 'utf8').matchAll(/\{\{t "([\w.-]+)"/g)) used.add(match[1]!);
    }

    // then
    expect(used.size).to.be.greaterThan(20);
    for (const key of used) expect(CATALOGUES.vi, key).to.have.property(key);
  });

  it('should fill placeholders and show an unknown key as itself', function () {
    expect(translate('vi', 'catalogue.count', { count: 7 })).to.equal('7 thủ tục');
    expect(translate('en', 'catalogue.count', { count: 7 })).to.equal('7 procedures');
    expect(translate('vi', 'khong.co')).to.equal('khong.co');
  });

  it('should search without Vietnamese diacritics', function () {
    expect(fold('Đăng ký khai sinh')).to.equal('dang ky khai sinh');
    expect(fold('Lý lịch Tư pháp')).to.include('ly lich tu phap');
  });
});
