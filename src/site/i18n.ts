/**
 * The two languages of the site and the words of its shell (navigation, footer, banner, labels
 * shared by several pages). Vietnamese is the first language: it lives at `/`, English at `/en/`.
 * Page-specific prose lives in the pages or in the editorial Markdown (`pages/<lang>/*.md`).
 */
import type { Bilingual } from '../intake/types.ts';

export type Lang = 'vi' | 'en';

export const LANGS: readonly Lang[] = ['vi', 'en'];

/** Language tags for `<html lang>` and `hreflang`; `vi` and `en` are what readers' browsers send. */
export const LANG_TAG: Record<Lang, string> = { vi: 'vi', en: 'en' };

/** The language a reader switches to from `lang`. */
export function otherLang(lang: Lang): Lang {
  return lang === 'vi' ? 'en' : 'vi';
}

/** One side of a bilingual text. */
export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

/** Every string of the shell, in both languages. Keys say where the text is used. */
const UI = {
  skipToContent: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  mainNavigation: { vi: 'Điều hướng chính', en: 'Main navigation' },
  navHome: { vi: 'Trang chủ', en: 'Home' },
  navRanking: { vi: 'Xếp hạng', en: 'Ranking' },
  navTrends: { vi: 'Xu hướng các huyện', en: 'District trends' },
  navPlans: { vi: 'Kế hoạch', en: 'Plans' },
  navData: { vi: 'Dữ liệu', en: 'Data' },
  navMethodology: { vi: 'Phương pháp', en: 'Methodology' },
  navOfficialResults: { vi: 'Kết quả chính thức', en: 'Official results' },
  navAbout: { vi: 'Giới thiệu', en: 'About' },
  navSearch: { vi: 'Tìm kiếm', en: 'Search' },
  navCompare: { vi: 'So sánh hai đơn vị', en: 'Compare two units' },
  navCompareShort: { vi: 'So sánh', en: 'Compare' },
  /** Name of the OTHER language, written in that language (what the switch link says). */
  languageName: { vi: 'Tiếng Việt', en: 'English' },
  sampleDataTitle: { vi: 'Dữ liệu mẫu', en: 'Sample data' },
  sampleDataDefault: {
    vi: 'Các câu trả lời khảo sát trên trang này là dữ liệu mẫu được tạo ra, không phải kết quả khảo sát thật.',
    en: 'The survey responses on this site are generated sample data, not real survey results.',
  },
  sampleDataMore: { vi: 'Dữ liệu nào là thật, dữ liệu nào là mẫu', en: 'Which data are real, which are sample data' },
  footerPublisher: { vi: 'Đơn vị công bố', en: 'Publisher' },
  footerLicence: { vi: 'Giấy phép dữ liệu', en: 'Data licence' },
  footerRelease: { vi: 'Bản phát hành', en: 'Release' },
  footerReleasedOn: { vi: 'ngày', en: 'of' },
  footerCalendar: { vi: 'Lịch phát hành', en: 'Release calendar' },
  footerChanges: { vi: 'Thay đổi so với bản trước', en: 'Changes since the previous release' },
  navReleases: { vi: 'Các bản phát hành', en: 'Releases' },
  navChanges: { vi: 'Thay đổi trong bản phát hành', en: 'Changes in this release' },
  releaseProvisional: { vi: 'tạm thời', en: 'provisional' },
  releaseFinal: { vi: 'chính thức', en: 'final' },
  /** The banner of a frozen copy (data-contract.md → Releases). */
  frozenBannerSuperseded: { vi: 'đã có bản mới hơn', en: 'a newer release exists' },
  frozenBannerCurrent: { vi: 'bản lưu cố định: số liệu trên trang này không bao giờ thay đổi', en: 'a frozen copy: the numbers on this page never change' },
  frozenBannerLatest: { vi: 'Xem trang này trong bản mới nhất', en: 'See this page in the latest release' },
  frozenBannerLive: { vi: 'Xem trang đang cập nhật', en: 'See the live page' },
  /** Citations: the frozen copy they name, and the number across releases. */
  citeFrozen: { vi: 'Địa chỉ trên là bản lưu cố định của bản phát hành', en: 'The address above is the frozen copy of release' },
  inEveryRelease: { vi: 'Số liệu này qua các bản phát hành', en: 'This number in every release' },
  footerSources: { vi: 'Nguồn dữ liệu', en: 'Data sources' },
  footerSourcesRegisters: {
    vi: 'Danh mục đơn vị hành chính và số liệu SIPAS chính thức: các nguồn công khai, ghi kèm từng dòng dữ liệu.',
    en: 'Administrative units and official SIPAS figures: public sources, named on every data row.',
  },
  footerSourcesSample: {
    vi: 'Phiếu trả lời khảo sát: dữ liệu mẫu do máy tạo ra.',
    en: 'Survey responses: generated sample data.',
  },
  footerSourcesSurvey: {
    vi: 'Phiếu trả lời khảo sát: tệp dữ liệu do đơn vị công bố cung cấp.',
    en: 'Survey responses: files supplied by the publisher.',
  },
  footerNoTracking: {
    vi: 'Trang không dùng cookie, không theo dõi, không tải gì từ máy chủ khác.',
    en: 'No cookies, no tracking, nothing loaded from other servers.',
  },
  downloadData: { vi: 'Tải dữ liệu', en: 'Download the data' },
  downloadSpreadsheet: { vi: 'Tải bảng tính', en: 'Download as a spreadsheet' },
  permalink: { vi: 'Liên kết cố định', en: 'Permalink' },
  citeAs: { vi: 'Trích dẫn', en: 'Cite as' },
  /** A chart as a picture (link text; format and size follow) and its embed snippet and page. */
  downloadImage: { vi: 'Tải ảnh', en: 'Download the image' },
  embedChart: { vi: 'Nhúng biểu đồ', en: 'Embed this chart' },
  embedHint: { vi: 'Chép đoạn mã sau vào trang web của bạn:', en: 'Copy this code into your web page:' },
  embedOpen: { vi: 'Xem trang nhúng', en: 'Open the embed page' },
  embedBack: { vi: 'Xem biểu đồ trên trang gốc', en: 'See the chart on its page' },
  chartSource: { vi: 'Nguồn', en: 'Source' },
  chartSampleSize: { vi: 'Cỡ mẫu mỗi ước lượng', en: 'Sample size of each estimate' },
  tableTwin: { vi: 'Bảng số liệu của biểu đồ', en: 'The chart as a table' },
  version: { vi: 'bản phát hành', en: 'release' },
  searchLabel: { vi: 'Tìm đơn vị hoặc trang', en: 'Find a unit or a page' },
  searchHint: {
    vi: 'Gõ tên, có dấu hay không dấu đều được (ví dụ: “do vinh”, “ninh son”).',
    en: 'Type a name, with or without Vietnamese diacritics (e.g. “do vinh”, “ninh son”).',
  },
  searchNoResults: { vi: 'Không tìm thấy kết quả nào.', en: 'Nothing found.' },
  /** What a ranking is within when it is not one province (site.json → rankings, within "country"), in a sentence. */
  wholeCountry: { vi: 'cả nước', en: 'the whole country' },
} as const satisfies Record<string, Bilingual>;

export type UiKey = keyof typeof UI;

/** Every shell string key (for tests that check both languages are filled in). */
export const UI_KEYS = Object.keys(UI) as UiKey[];

/** The shell string `key` in `lang`. */
export function t(key: UiKey, lang: Lang): string {
  return UI[key][lang];
}

/** Kinds of unit, for lists and search results. */
export const UNIT_LEVEL_LABEL: Record<'country' | 'province' | 'district' | 'commune', Bilingual> = {
  country: { vi: 'Cả nước', en: 'Country' },
  province: { vi: 'Tỉnh', en: 'Province' },
  district: { vi: 'Cấp huyện', en: 'District level' },
  commune: { vi: 'Cấp xã', en: 'Commune level' },
};
