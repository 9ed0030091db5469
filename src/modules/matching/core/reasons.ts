/** Wording of match reasons in the viewer's language (English or Chinese). Pure. */
import { PROVINCES } from '../../regions/data.ts';
import { glossaryEntry } from '../../taxonomy/glossary.data.ts';
import { divisionOf, sectionOf } from '../../taxonomy/industries.data.ts';
import type { Reason } from './types.ts';

export type ReasonLang = 'en' | 'zh';

function str(reason: Reason, key: string): string {
  const v = reason.params[key];
  return v === undefined ? '' : String(v);
}

function regionName(code: string, lang: ReasonLang): string {
  const p = PROVINCES.find((r) => r.code === code);
  if (!p) return code;
  return lang === 'zh' ? p.nameZh : p.nameEn;
}

function yuan(n: number, lang: ReasonLang): string {
  if (lang === 'zh') {
    if (n >= 1e8) return `${+(n / 1e8).toFixed(2)}亿元`;
    if (n >= 1e4) return `${+(n / 1e4).toFixed(2)}万元`;
    return `${n}元`;
  }
  if (n >= 1e9) return `CNY ${+(n / 1e9).toFixed(2)} bn`;
  if (n >= 1e6) return `CNY ${+(n / 1e6).toFixed(2)} m`;
  return `CNY ${n.toLocaleString('en-US')}`;
}

/** The preferred term of a glossary concept in the language (seed glossary; else the id made readable). */
function conceptLabel(id: string, lang: ReasonLang): string {
  const entry = glossaryEntry(id);
  return (lang === 'zh' ? entry?.zh[0] : entry?.en[0]) ?? id.replace(/-/g, ' ');
}

/** A short sentence for one reason, e.g. "same sector C15 Beverages" / "同属行业 C15 饮料". */
export function reasonText(reason: Reason, lang: ReasonLang): string {
  switch (reason.code) {
    case 'sector_division': {
      const code = str(reason, 'division');
      const d = divisionOf(code);
      const label = d ? (lang === 'zh' ? d.shortZh : d.shortEn) : '';
      return lang === 'zh' ? `同属行业 ${code} ${label}`.trim() : `same sector ${code} ${label}`.trim();
    }
    case 'sector_section': {
      const letter = str(reason, 'section');
      const s = sectionOf(letter);
      const label = s ? (lang === 'zh' ? s.nameZh : s.nameEn) : '';
      return lang === 'zh'
        ? `同属门类 ${letter} ${label}`.trim()
        : `same industry section ${letter} ${label}`.trim();
    }
    case 'shared_concept': {
      const theirs = str(reason, 'theirs');
      const yours = str(reason, 'yours');
      if (theirs === yours) return lang === 'zh' ? `双方都提到「${yours}」` : `you both mention '${yours}'`;
      return lang === 'zh'
        ? `对方的「${theirs}」对应您的「${yours}」`
        : `their '${theirs}' answers your '${yours}'`;
    }
    case 'related_concept': {
      const label = conceptLabel(str(reason, 'concept'), lang);
      return lang === 'zh'
        ? `相关：对方的「${str(reason, 'theirs')}」与您的「${str(reason, 'yours')}」同属「${label}」`
        : `related: their '${str(reason, 'theirs')}' and your '${str(reason, 'yours')}' are both '${label}'`;
    }
    case 'shared_terms':
      return lang === 'zh' ? `共同词语：${str(reason, 'terms')}` : `shared words: ${str(reason, 'terms')}`;
    case 'amount_fits': {
      const theirs = Number(reason.params.theirs);
      const yours = Number(reason.params.yours);
      return lang === 'zh'
        ? `金额相当（对方 ${yuan(theirs, lang)}，您 ${yuan(yours, lang)}）`
        : `amounts fit (theirs ${yuan(theirs, lang)}, yours ${yuan(yours, lang)})`;
    }
    case 'fresh': {
      const days = Number(reason.params.days);
      if (lang === 'zh') return days === 0 ? '今天发布' : `${days}天前发布`;
      return days === 0 ? 'posted today' : `posted ${days} day${days === 1 ? '' : 's'} ago`;
    }
    case 'counterpart_region': {
      const theirs = regionName(str(reason, 'theirs'), lang);
      const yours = regionName(str(reason, 'yours'), lang);
      return lang === 'zh' ? `${theirs}是${yours}的对口合作省份` : `${theirs} is ${yours}'s counterpart`;
    }
  }
}
