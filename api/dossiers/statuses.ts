/** National dossier statuses (DOMAIN.md §2), synced to the national portal by code. */
export const DOSSIER_STATUSES = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
} as const;

export type DossierStatus = keyof typeof DOSSIER_STATUSES;

export const CHANNELS = { 1: 'Trực tiếp', 2: 'Trực tuyến', 3: 'Dịch vụ bưu chính công ích' } as const;
export type Channel = keyof typeof CHANNELS;

/** Statuses after which nothing more happens to a dossier. */
export const FINAL_STATUSES: readonly DossierStatus[] = [3, 7, 8, 10];

export function statusName(status: number): string {
  return DOSSIER_STATUSES[status as DossierStatus] ?? `Trạng thái ${status}`;
}
