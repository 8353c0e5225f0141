/**
 * Recognises column names that suggest personal data (name, phone, e-mail, ID number, address,
 * birth date), in Vietnamese or English, with or without diacritics, in any case or spacing:
 * `Họ tên`, `ho_ten`, `HO TEN`, `SĐT`, `so_dien_thoai`, `Số CCCD`, `Email` … Such columns are
 * dropped like any unknown column but with a louder warning, so the export gets fixed at source.
 * Short words that also occur inside harmless names (`ten` in `ten_don_vi`) only match whole.
 */

/** Names that are personal data only as the whole (normalised) column name. */
const WHOLE_NAMES = new Set([
  'ten', 'name', 'hoten', 'hovaten', 'fullname', 'firstname', 'lastname', 'surname', 'tennguoi',
  'sdt', 'dt', 'dtdd', 'tel', 'phone', 'mobile', 'didong', 'sodienthoai', 'dienthoai', 'sodt',
  'email', 'mail', 'cccd', 'cmnd', 'socccd', 'socmnd', 'cancuoc', 'idcard', 'idnumber',
  'nationalid', 'passport', 'hochieu', 'diachi', 'address', 'noio', 'choo', 'ngaysinh', 'namsinh',
  'dob', 'birthdate', 'dateofbirth', 'zalo', 'facebook',
]);

/** Word parts that mark a column as personal data wherever they occur in its name. */
const PARTS = [
  'hoten', 'hovaten', 'fullname', 'tennguoi', 'phone', 'dienthoai', 'sodt', 'sdt', 'email', 'cccd',
  'cmnd', 'cancuoc', 'chungminh', 'hochieu', 'passport', 'diachi', 'address', 'ngaysinh', 'birth',
];

/** `Số điện thoại` → `sodienthoai`: no diacritics, no case, no separators. */
export function personalDataKey(columnName: string): string {
  return columnName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function looksLikePersonalData(columnName: string): boolean {
  const key = personalDataKey(columnName);
  if (key === '') return false;
  return WHOLE_NAMES.has(key) || PARTS.some((part) => key.includes(part));
}
