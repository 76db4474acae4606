/**
 * Demo accounts of the demo province (README "Demo accounts"). Seeded when
 * SEED_DEMO is not `false`; existing accounts keep their passwords.
 */
import type { OfficerRole } from '../auth/index.js';

export const DEMO_PASSWORD = 'MotCua@2026';

export interface DemoAccount {
  readonly username: string;
  readonly fullName: string;
  readonly kind: 'officer' | 'designer' | 'auditor' | 'admin';
  readonly agencyId: string | null;
  readonly roles: readonly OfficerRole[];
}

const officer = (username: string, fullName: string, agencyId: string, roles: OfficerRole[]): DemoAccount => ({ username, fullName, kind: 'officer', agencyId, roles });

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  officer('motcua.haichau', 'Nguyễn Thị Lan', 'hai-chau', ['desk']),
  officer('chuyenvien.haichau', 'Trần Văn Minh', 'hai-chau', ['specialist']),
  officer('lanhdao.haichau', 'Lê Quang Hùng', 'hai-chau', ['leader']),
  officer('congan.haichau', 'Phạm Đức Thắng', 'ca-hai-chau', ['specialist', 'leader']),
  officer('motcua.thanhkhe', 'Võ Thị Hoa', 'thanh-khe', ['desk']),
  officer('chuyenvien.thanhkhe', 'Đặng Văn Nam', 'thanh-khe', ['specialist']),
  officer('lanhdao.thanhkhe', 'Huỳnh Thị Mai', 'thanh-khe', ['leader']),
  officer('congan.thanhkhe', 'Bùi Văn Sơn', 'ca-thanh-khe', ['specialist', 'leader']),
  officer('motcua.hoavang', 'Ngô Thị Thu', 'hoa-vang', ['desk']),
  officer('chuyenvien.hoavang', 'Phan Văn Tài', 'hoa-vang', ['specialist']),
  officer('lanhdao.hoavang', 'Trương Minh Đức', 'hoa-vang', ['leader']),
  officer('congan.hoavang', 'Lý Văn Hải', 'ca-hoa-vang', ['specialist', 'leader']),
  officer('motcua.ttphc', 'Đoàn Thị Ngọc', 'ttphc', ['desk']),
  officer('chuyenvien.stp', 'Hồ Văn Phúc', 'stp', ['specialist', 'desk']),
  officer('lanhdao.stp', 'Mai Thị Hạnh', 'stp', ['leader']),
  officer('chuyenvien.csgt', 'Cao Văn Long', 'catp', ['desk', 'specialist']),
  officer('lanhdao.csgt', 'Tạ Quang Vinh', 'catp', ['leader']),
  officer('chuyenvien.bhxh', 'Lâm Thị Yến', 'bhxh', ['specialist', 'leader']),
  { username: 'kiemtra', fullName: 'Kiểm tra viên Sở Nội vụ', kind: 'auditor', agencyId: 'tinh', roles: [] },
  { username: 'thietke', fullName: 'Cán bộ thiết kế quy trình', kind: 'designer', agencyId: 'tinh', roles: [] },
  { username: 'quantri', fullName: 'Quản trị hệ thống', kind: 'admin', agencyId: null, roles: [] },
];
