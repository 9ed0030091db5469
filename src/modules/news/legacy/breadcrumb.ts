// The breadcrumb line: `home > NEWS`, `home > NEWS > Notices`, `首页 > 新闻 > 通知公告`, with `›`, `＞`, `»`
// as separators too, any case, stray spaces, and the `您的位置：` / `You are here:` prefixes portals add.

const SEPARATOR = /\s*[>›＞»〉]+\s*/u;
const PREFIX =
  /^(?:您的位置|您现在的位置|您当前的位置|当前位置|所在位置|位置|you are here|current location|location|position)\s*[:：]\s*/iu;

/** Compared without case or spaces: `Home Page` = `homepage`. */
function key(part: string): string {
  return part.toLowerCase().replace(/\s+/gu, '');
}

const HOME = new Set(['home', 'homepage', '首页', '主页', '网站首页']);
const NEWS = new Set(['news', 'newscenter', 'newsroom', '新闻', '新闻中心', '新闻动态', '新闻资讯']);
/** Trailing parts that name the page itself, not a section. */
const PAGE = new Set(['正文', '详情', '内容', '正文内容', 'article', 'content', 'text', 'details']);

const SECTIONS: Record<string, string[]> = {
  news: ['news', 'latestnews', '新闻', '要闻', '新闻动态', '工作动态'],
  notices: [
    'notices',
    'notice',
    'announcements',
    'announcement',
    'notifications',
    '通知',
    '公告',
    '通知公告',
    '公示公告',
  ],
  policies: ['policies', 'policy', 'policydocuments', '政策', '政策法规', '政策文件', '政策解读'],
};
const SECTION_OF = new Map(
  Object.entries(SECTIONS).flatMap(([section, names]) => names.map((n) => [n, section])),
);

/** The parts of a breadcrumb line starting at its home link, or null when the line is not a breadcrumb. */
export function splitBreadcrumb(line: string): string[] | null {
  const parts = line
    .replace(PREFIX, '')
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2 || !HOME.has(key(parts[0] ?? ''))) return null;
  return parts;
}

export type SectionResult = { ok: true; sectionKey: string | null } | { ok: false; name: string };

/** A section the site has: a breadcrumb may name it by its key or any of its names (English, Chinese). */
export interface KnownSection {
  key: string;
  names: string[];
}

/**
 * The section a breadcrumb names after home (and after News when present): one of `sections` by name,
 * else `News`→news, `Notices`/`通知`/`公告`→notices, `Policies`/`政策`→policies; null when it names none.
 */
export function sectionOf(parts: string[], sections: KnownSection[] = []): SectionResult {
  const afterHome = parts.slice(1);
  const rest = afterHome[0] !== undefined && NEWS.has(key(afterHome[0])) ? afterHome.slice(1) : afterHome;
  const name = rest.find((p) => !PAGE.has(key(p)));
  if (name === undefined) return { ok: true, sectionKey: null };
  const k = key(name);
  const site = sections.find((s) => [s.key, ...s.names].some((n) => key(n) === k));
  if (site) return { ok: true, sectionKey: site.key };
  const known = SECTION_OF.get(k);
  if (known) return { ok: true, sectionKey: known };
  if (/通知|公告/u.test(k)) return { ok: true, sectionKey: 'notices' };
  if (/政策/u.test(k)) return { ok: true, sectionKey: 'policies' };
  return { ok: false, name };
}
