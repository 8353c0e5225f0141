import { describe, expect, it } from 'vitest';
import { looksLikePersonalData, personalDataKey } from '../../src/intake/personal-data.ts';

describe('looksLikePersonalData', () => {
  it('recognises names, phones, e-mails, ID numbers and addresses in Vietnamese and English', () => {
    const personal = [
      'ho_ten', 'Họ tên', 'HỌ VÀ TÊN', 'name', 'Full Name', 'ten', 'Tên', 'phone', 'sdt', 'SĐT', 'so_dien_thoai', 'Số điện thoại',
      'email', 'E-mail', 'cccd', 'Số CCCD', 'cmnd', 'so_cccd', 'dia_chi', 'Địa chỉ', 'address', 'ngay_sinh', 'date_of_birth',
    ];
    expect(personal.filter((c) => !looksLikePersonalData(c))).toEqual([]);
  });

  it('leaves harmless columns alone, including ones that merely contain "ten" or "name"', () => {
    const harmless = ['ghi_chu', 'ten_don_vi', 'unit_name', 'note', 'q1', 'stt', 'phuong_an', 'content'];
    expect(harmless.filter((c) => looksLikePersonalData(c))).toEqual([]);
  });

  it('compares without diacritics, case or separators', () => {
    expect(personalDataKey('Số Điện-Thoại ')).toBe('sodienthoai');
  });
});
