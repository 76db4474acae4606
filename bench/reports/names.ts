import type { Applicant } from '../../api/dossiers/index.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_MEN = ['Văn', 'Minh', 'Quang', 'Đức', 'Hữu', 'Xuân', 'Thanh', 'Công'];
const MIDDLE_WOMEN = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Bích', 'Kim', 'Mỹ', 'Hoài'];
const GIVEN_MEN = ['An', 'Bình', 'Dũng', 'Hải', 'Hùng', 'Khang', 'Long', 'Minh', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Trung', 'Tuấn', 'Việt'];
const GIVEN_WOMEN = ['Châu', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Lan', 'Linh', 'Mai', 'Ngọc', 'Phương', 'Tâm', 'Thảo', 'Trang', 'Vy', 'Yến', 'Uyên'];
const STREETS = ['Trần Phú', 'Lê Duẩn', 'Hùng Vương', 'Nguyễn Văn Linh', 'Điện Biên Phủ', 'Hà Huy Tập', 'Ông Ích Khiêm', 'Lê Lợi', 'Hoàng Diệu', 'Núi Thành'];
const PLACES: Readonly<Record<string, string>> = {
  'hai-chau': 'phường Hải Châu',
  'thanh-khe': 'phường Thanh Khê',
  'hoa-vang': 'xã Hòa Vang',
};

/** A plausible applicant living near the desk that received the dossier. */
export function applicantFor(random: () => number, agencyId: string): Applicant {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const woman = random() < 0.52;
  const name = `${pick(FAMILY)} ${pick(woman ? MIDDLE_WOMEN : MIDDLE_MEN)} ${pick(woman ? GIVEN_WOMEN : GIVEN_MEN)}`;
  const born = 1950 + Math.floor(random() * 55);
  // Citizen identity number: province code 048 (Đà Nẵng), sex and century digit, year of birth, serial.
  const idNumber = `048${(born >= 2000 ? 2 : 0) + (woman ? 1 : 0)}${String(born % 100).padStart(2, '0')}${String(Math.floor(random() * 1e6)).padStart(6, '0')}`;
  const place = PLACES[agencyId] ?? pick(Object.values(PLACES));
  return {
    name,
    idNumber,
    phone: random() < 0.9 ? `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : null,
    email: random() < 0.3 ? `congdan${Math.floor(random() * 1e6)}@example.com` : null,
    address: `${1 + Math.floor(random() * 300)} ${pick(STREETS)}, ${place}, thành phố Đà Nẵng`,
  };
}
