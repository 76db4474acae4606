/** The 34 provinces and centrally run cities since 1 July 2025 (Nghị quyết 202/2025/QH15), as an address names them. */
export const PROVINCES: readonly string[] = [
  'Thành phố Hà Nội', 'Thành phố Huế', 'Thành phố Hải Phòng', 'Thành phố Đà Nẵng', 'Thành phố Hồ Chí Minh', 'Thành phố Cần Thơ',
  'Tỉnh An Giang', 'Tỉnh Bắc Ninh', 'Tỉnh Cà Mau', 'Tỉnh Cao Bằng', 'Tỉnh Đắk Lắk', 'Tỉnh Điện Biên', 'Tỉnh Đồng Nai',
  'Tỉnh Đồng Tháp', 'Tỉnh Gia Lai', 'Tỉnh Hà Tĩnh', 'Tỉnh Hưng Yên', 'Tỉnh Khánh Hòa', 'Tỉnh Lai Châu', 'Tỉnh Lâm Đồng',
  'Tỉnh Lạng Sơn', 'Tỉnh Lào Cai', 'Tỉnh Nghệ An', 'Tỉnh Ninh Bình', 'Tỉnh Phú Thọ', 'Tỉnh Quảng Ngãi', 'Tỉnh Quảng Ninh',
  'Tỉnh Quảng Trị', 'Tỉnh Sơn La', 'Tỉnh Tây Ninh', 'Tỉnh Thái Nguyên', 'Tỉnh Thanh Hóa', 'Tỉnh Tuyên Quang', 'Tỉnh Vĩnh Long',
];
