/**
 * Synthetic cooperation listings for the matching benchmark: records of the interchange format drawn from
 * a seeded generator, so the same (n, seed, end) always gives the same file. Topic words are glossary
 * terms (both languages), placed in templated titles and descriptions of realistic length; posters come
 * from a reused pool of organisations in mostly paired regions.
 */
import { PREFECTURES, PROVINCES, type RegionSeed } from '../regions/data.ts';
import { LISTING_CATEGORY_CODES, type ListingCategory } from '../taxonomy/categories.data.ts';
import { GLOSSARY, type GlossaryEntry } from '../taxonomy/glossary.data.ts';
import type { ListingRecord } from './fields.ts';
import * as V from './synthetic.data.ts';

type Lang = 'zh' | 'en';
type OrgType = ListingRecord['organization']['type'];

/** A small, fast, seedable PRNG (sfc32, seeded through a string hash): uniform numbers in [0, 1). */
export function seededRandom(seed: number | string): () => number {
  let h = 1779033703 ^ String(seed).length;
  const text = String(seed);
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

class Draw {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let r = this.random() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  }
}

interface Org {
  name: string;
  type: OrgType;
  lang: Lang;
  region: string;
  area: string | undefined;
  /** Where the org is, for "{city}" in texts. */
  place: RegionSeed;
  category: ListingCategory;
  /** Its brand ([zh, en]) and product model codes: the long tail of rare words real postings have. */
  brand: readonly [string, string];
  models: string[];
}

const PROVINCE = new Map(PROVINCES.map((p) => [p.code, p]));
const PREFECTURES_OF = new Map<string, RegionSeed[]>();
for (const p of PREFECTURES)
  PREFECTURES_OF.set(p.parentCode!, [...(PREFECTURES_OF.get(p.parentCode!) ?? []), p]);

/** Glossary entries by division, and per category the entries of all its divisions. */
const ENTRIES_OF_DIVISION = new Map<string, GlossaryEntry[]>();
for (const e of GLOSSARY) {
  for (const s of e.sectors ?? []) ENTRIES_OF_DIVISION.set(s, [...(ENTRIES_OF_DIVISION.get(s) ?? []), e]);
}
const ENTRIES_OF_CATEGORY = new Map(
  LISTING_CATEGORY_CODES.map((c) => [
    c,
    [...new Set(V.CATEGORY_DIVISIONS[c].flatMap((d) => ENTRIES_OF_DIVISION.get(d) ?? []))],
  ]),
);

const shortName = (name: string) => name.replace(/(市|省|地区)$/, '');

function makeOrg(d: Draw): Org {
  const region = d.weighted(V.REGION_WEIGHTS);
  const prefectures = PREFECTURES_OF.get(region);
  const place = prefectures ? d.pick(prefectures) : PROVINCE.get(region)!;
  // Prefecture code, or a district of it; some posters give no area at all.
  const area =
    prefectures && d.chance(0.8)
      ? d.chance(0.2)
        ? `${place.code.slice(0, 4)}0${d.int(2, 5)}`
        : place.code
      : undefined;
  const lang: Lang = d.chance(0.55) ? 'zh' : 'en';
  const type = d.weighted<OrgType>([
    ['enterprise', 70],
    ['university', 8],
    ['institute', 8],
    ['government', 6],
    ['association', 5],
    ['other', 3],
  ]);
  const category =
    type === 'university' || type === 'institute'
      ? d.pick<ListingCategory>(['technology', 'technology', 'talent'])
      : type === 'government'
        ? d.pick<ListingCategory>(['capital', 'tourism', 'service'])
        : d.weighted(Object.entries(V.CATEGORY_WEIGHTS) as [ListingCategory, number][]);
  const province = PROVINCE.get(region)!;
  const [zhCity, enCity] = [shortName(place.nameZh), place.nameEn.replace(/ Prefecture$/, '')];
  const [zhProv, enProv] = [province.nameZh, province.nameEn];
  const brand = () => {
    const [f, s] = [d.pick(V.BRAND_FIRST), d.pick(V.BRAND_SECOND)];
    return [f[0] + s[0], f[1] + s[1]] as const;
  };
  const own = brand();
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const models = Array.from(
    { length: d.int(1, 4) },
    () => `${d.pick([...letters])}${d.pick([...letters])}${d.int(10, 9999)}`,
  );
  let names: readonly [string, string];
  switch (type) {
    case 'university': {
      const [zh, en] = d.pick(V.UNIVERSITY);
      names = [zhCity + zh, `${enCity} ${en}`];
      break;
    }
    case 'institute': {
      const [zh, en] = d.pick(V.INSTITUTE);
      names = [zhProv + zh, `${enProv} ${en}`];
      break;
    }
    case 'government': {
      const [zh, en] = d.pick(V.GOVERNMENT);
      names = [place.nameZh + zh, `${enCity} ${en}`];
      break;
    }
    case 'association': {
      const [zh, en] = d.pick(V.BUSINESS[category]);
      names = [`${zhProv}${zh}行业协会`, `${enProv} ${en} Association`];
      break;
    }
    case 'other': {
      const [b, [zh, en]] = [own, d.pick(V.OTHER_ORG)];
      names = [zhCity + b[0] + zh, `${enCity} ${b[1]} ${en}`];
      break;
    }
    case 'enterprise': {
      const [b, [bz, be], [sz, se]] = [own, d.pick(V.BUSINESS[category]), d.pick(V.COMPANY_SUFFIX)];
      names = [zhCity + b[0] + bz + sz, `${enCity} ${b[1]} ${be} ${se}`];
      break;
    }
  }
  const name = lang === 'zh' ? names[0] : names[1];
  return { name, type, lang, region, area, place, category, brand: own, models };
}

/** A term of a glossary entry in one language: the preferred term half the time, else a synonym. */
function termOf(d: Draw, e: GlossaryEntry, lang: Lang): string {
  const terms = e[lang];
  return d.chance(0.5) ? terms[0]! : d.pick(terms);
}

interface Slots {
  lang: Lang;
  topic: GlossaryEntry[];
  city: string;
  region: string;
  adj: string;
  brand: string;
  models: readonly string[];
}

function fill(d: Draw, template: string, s: Slots, omitB = false): string {
  const f = V.FILLERS[s.lang];
  const city2 = d.pick(PREFECTURES);
  const topicTerm = (i: number) => termOf(d, s.topic[Math.min(i, s.topic.length - 1)]!, s.lang);
  let out = template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'a':
        return topicTerm(0);
      case 'b':
        return omitB ? topicTerm(0) : topicTerm(d.int(1, 3));
      case 'c':
        return topicTerm(d.int(1, 3));
      case 'adj':
        return s.adj;
      case 'city':
        return s.city;
      case 'city2':
        return s.lang === 'zh' ? shortName(city2.nameZh) : city2.nameEn;
      case 'region':
        return s.region;
      case 'brand':
        return s.brand;
      case 'model':
        return d.pick(s.models);
      case 'num':
        return String(d.int(3, 60));
      case 'num2':
        return String(d.int(2, 9));
      case 'pct':
        return String(d.int(5, 40));
      case 'year':
        return String(d.int(2025, 2029));
      case 'unit':
      case 'cert':
      case 'mode':
      case 'partner':
        return d.pick(f[slot]);
      default:
        return slot;
    }
  });
  if (s.lang === 'en') out = out.charAt(0).toUpperCase() + out.slice(1);
  return out;
}

function shuffle<T>(d: Draw, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = d.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 0).length;
const size = (lang: Lang, text: string) => (lang === 'zh' ? [...text].length : words(text));

/** A title of 10–40 characters (zh) or 5–12 words (en). */
function title(d: Draw, s: Slots, category: ListingCategory, direction: 'offer' | 'seek'): string {
  const [min, max] = s.lang === 'zh' ? [10, 40] : [5, 12];
  const template = d.pick(V.TITLES[s.lang][category][direction]);
  let t = fill(d, template, s);
  if (size(s.lang, t) > max) t = fill(d, template, s, true);
  for (let i = 0; size(s.lang, t) < min && i < 4; i++) {
    const tail = fill(d, d.pick(V.TITLE_TAILS[s.lang]), s);
    if (s.lang === 'en') t = `${t} ${tail.charAt(0).toLowerCase()}${tail.slice(1)}`;
    else t = i === 0 && !t.includes(s.city) ? s.city + t : t + tail;
  }
  if (size(s.lang, t) < min) t = s.lang === 'zh' ? `${t}合作项目对接洽谈` : `${t} for cooperation partners`;
  if (size(s.lang, t) > max) {
    t = s.lang === 'zh' ? [...t].slice(0, max).join('') : t.split(/\s+/).slice(0, max).join(' ');
  }
  return t;
}

/** A description of 60–400 characters (zh) or words (en), mostly short, some long. */
function description(d: Draw, s: Slots, direction: 'offer' | 'seek'): string {
  const target = 60 + Math.floor(340 * Math.pow(d.random(), 1.6));
  const pool = V.SENTENCES[s.lang];
  const parts: string[] = [];
  let length = 0;
  // Each sentence once before any repeats (long English descriptions go round the pool).
  const order = shuffle(d, [...pool.any, ...pool[direction]]);
  for (let i = 0; length < target; i++) {
    const sentence = fill(d, order[i % order.length]!, s);
    const n = size(s.lang, sentence);
    if (length + n > 400) break;
    parts.push(sentence);
    length += n;
  }
  while (length < 60) {
    const sentence = fill(d, d.pick(pool.any), s);
    parts.push(sentence);
    length += size(s.lang, sentence);
  }
  let text = parts.join(s.lang === 'zh' ? '' : ' ');
  if (size(s.lang, text) > 400) {
    text = s.lang === 'zh' ? [...text].slice(0, 400).join('') : text.split(/\s+/).slice(0, 400).join(' ');
  }
  return text;
}

const DAY = 86_400_000;

/** An ISO date-time with the +08:00 offset (China time) for a moment. */
function chinaDateTime(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

export interface SyntheticOptions {
  /** The latest created_at (listings span the two years before it); fixed by default, for reproducibility. */
  end?: Date;
}

/** How many organisations post `n` listings: a few thousand at most, so organisations are reused. */
export function orgPoolSize(n: number): number {
  return Math.min(4000, Math.max(10, Math.ceil(n / 25)));
}

/**
 * `n` synthetic listings of the interchange format (valid for `ListingRecord`), deterministic for a given
 * `seed` and `end`; ids are `syn-<seed>-<i>`.
 */
export function* generateListings(
  n: number,
  seed: number | string,
  opts: SyntheticOptions = {},
): Generator<ListingRecord> {
  const d = new Draw(seededRandom(seed));
  const end = (opts.end ?? new Date('2026-06-30T23:59:59+08:00')).getTime();
  const pool = Array.from({ length: orgPoolSize(n) }, () => makeOrg(d));
  const orgsIn = { zh: pool.filter((o) => o.lang === 'zh'), en: pool.filter((o) => o.lang === 'en') };
  const categories = Object.entries(V.CATEGORY_WEIGHTS) as [ListingCategory, number][];
  for (let i = 0; i < n; i++) {
    const lang: Lang = d.chance(0.55) ? 'zh' : 'en';
    // Mostly an organisation named in the listing's language; a few organisations post much more than most.
    const named = orgsIn[d.chance(0.92) === (lang === 'zh') ? 'zh' : 'en'];
    const orgs = named.length > 0 ? named : pool;
    const org = orgs[Math.floor(orgs.length * Math.pow(d.random(), 1.5))]!;
    const category = d.chance(0.7) ? org.category : d.weighted(categories);
    const direction = d.chance(0.5) ? 'offer' : 'seek';
    const division = d.pick(V.CATEGORY_DIVISIONS[category]);
    const near = ENTRIES_OF_DIVISION.get(division) ?? [];
    const wide = ENTRIES_OF_CATEGORY.get(category)!;
    const picked = new Set([d.pick(near.length > 0 ? near : wide)]);
    for (let k = d.int(1, 3); k > 0; k--) picked.add(d.pick(near.length > 1 && d.chance(0.6) ? near : wide));
    const topic = [...picked];
    const province = PROVINCE.get(org.region)!;
    const slots: Slots = {
      lang,
      topic,
      city: lang === 'zh' ? shortName(org.place.nameZh) : org.place.nameEn.replace(/ Prefecture$/, ''),
      region: lang === 'zh' ? province.nameZh : province.nameEn,
      adj: d.pick(V.FILLERS[lang].adj),
      brand: org.brand[lang === 'zh' ? 0 : 1],
      models: org.models,
    };
    const created = end - Math.floor(d.random() * 730 * DAY);
    const record: ListingRecord = {
      id: `syn-${seed}-${i}`,
      region: org.region,
      organization: { name: org.name, type: org.type },
      direction,
      category,
      title: title(d, slots, category, direction),
      description: description(d, slots, direction),
      language: lang,
      created_at: chinaDateTime(created),
    };
    if (org.area !== undefined && d.chance(0.9)) record.area_code = org.area;
    if (d.chance(0.88)) record.sector = division;
    if (d.chance(0.45)) {
      record.tags = [...new Set(topic.map((e) => termOf(d, e, lang)))].filter((t) => t.length <= 50);
    }
    if (d.chance(category === 'capital' ? 0.85 : category === 'product' ? 0.4 : 0.25)) {
      record.amount_cny = Math.round(Math.exp(Math.log(5e4) + d.random() * Math.log(1e5)) / 1e4) * 1e4 || 1e4;
    }
    if (d.chance(0.55)) {
      record.valid_until = chinaDateTime(created + d.int(60, 720) * DAY).slice(0, 10);
    }
    yield record;
  }
}
