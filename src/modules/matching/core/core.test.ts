import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../taxonomy/glossary.data.ts';
import { analyzeListing } from './analyze.ts';
import { rankMatches } from './rank.ts';
import { reasonText } from './reasons.ts';
import { chinaDate, conceptWeights, corpusStats, eligible, scoreCandidate } from './score.ts';
import { latinWords, stem } from './text.ts';
import type { Analyzed, ListingMeta, ListingText, ScoreContext } from './types.ts';

let seq = 0;
function listing(text: Partial<ListingText> & { title: string }, meta: Partial<ListingMeta> = {}): Analyzed {
  const t: ListingText = { description: '', language: 'en', ...text };
  seq += 1;
  return {
    ...analyzeListing(t, GLOSSARY),
    ref: meta.ref ?? `l${seq}`,
    region: 'CN-ZJ',
    category: 'product',
    direction: 'offer',
    language: t.language,
    createdAt: '2018-03-01T10:00:00+08:00',
    ...meta,
  };
}

const asOf = new Date('2018-03-01T12:00:00+08:00');
const ctx = (over: Partial<ScoreContext> = {}): ScoreContext => ({
  asOf,
  counterpart: true,
  conceptWeights: {},
  ...over,
});

describe('analyzeListing', () => {
  it('finds 矿泉水 and "bottled water" as the same concept', () => {
    const zh = listing({ title: '长白山矿泉水寻浙江代理商', language: 'zh' });
    const en = listing({ title: 'Looking for bottled water suppliers' });
    const shared = Object.keys(zh.concepts).filter((c) => c in en.concepts);
    expect(shared).toContain('mineral-water');
    expect(en.conceptTerms['mineral-water']).toBe('bottled water');
  });

  it('matches "cold-chain logistics" with 冷链', () => {
    const en = listing({ title: 'Cold-chain logistics to Hangzhou' });
    const zh = listing({ title: '冷链运输服务', language: 'zh' });
    const shared = Object.keys(zh.concepts).filter((c) => c in en.concepts);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.some((c) => c.includes('cold'))).toBe(true);
  });

  it('joins "blueberries" and "blueberry" by stemming, in concepts and residual terms', () => {
    expect(stem('blueberries')).toBe(stem('blueberry'));
    const a = listing({ title: 'Fresh blueberries in punnets' });
    const b = listing({ title: 'Blueberry wanted, one punnet samples' });
    expect(a.concepts).toHaveProperty('blueberry');
    expect(b.concepts).toHaveProperty('blueberry');
    expect(a.terms).toHaveProperty(stem('punnet'));
    expect(b.terms).toHaveProperty(stem('punnet'));
  });

  it('leaves words that are part of a concept out of the residual terms', () => {
    const f = listing({ title: 'Fresh blueberries' });
    expect(f.terms).not.toHaveProperty(stem('blueberry'));
  });

  it('weighs title terms above description terms and drops stop words', () => {
    const f = listing({ title: 'Ginseng extract', description: 'We offer the finest powder for the market' });
    expect(f.terms[stem('extract')]).toBeGreaterThan(f.terms[stem('powder')] ?? 0);
    expect(f.terms).not.toHaveProperty('the');
    expect(f.terms).not.toHaveProperty(stem('offer'));
  });

  it('keeps Chinese words of two or more characters, minus stop words', () => {
    const f = listing({ title: '我们公司出售优质编织袋', language: 'zh' });
    for (const t of Object.keys(f.terms)) expect(t.length).toBeGreaterThanOrEqual(2);
    expect(f.terms).not.toHaveProperty('我们');
    expect(f.terms).not.toHaveProperty('公司');
    expect(Object.keys(f.terms).join()).toContain('编织');
  });

  it('records sector division, section and amount, and is plain JSON', () => {
    const f = listing({ title: 'Spring water', sector: 'C15', amount_cny: 500000 });
    expect(f.division).toBe('C15');
    expect(f.section).toBe('C');
    expect(f.amount).toBe(500000);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });

  it('splits English on hyphens and lowercases', () => {
    expect(latinWords("Cold-Chain Zhejiang's")).toEqual(['cold', 'chain', 'zhejiang']);
  });
});

describe('scoreCandidate', () => {
  it('prefers the same division over the same section over none', () => {
    const q = listing({ title: 'Widgets', sector: 'C15' }, { direction: 'seek', region: 'CN-JL' });
    const div = listing({ title: 'Widgets', sector: 'C15' });
    const sec = listing({ title: 'Widgets', sector: 'C14' });
    const none = listing({ title: 'Widgets', sector: 'A01' });
    const [d, s, n] = [div, sec, none].map((c) => scoreCandidate(q, c, ctx()).score);
    expect(d).toBeGreaterThan(s ?? 0);
    expect(s).toBeGreaterThan(n ?? 0);
  });

  it('gives reasons as codes and params, worded in both languages', () => {
    const q = listing(
      { title: '求购矿泉水', language: 'zh', sector: 'C15', amount_cny: 1e6 },
      { direction: 'seek', region: 'CN-ZJ' },
    );
    const c = listing(
      { title: 'Bottled water from Changbai Mountain', sector: 'C15', amount_cny: 2e6 },
      { region: 'CN-JL' },
    );
    const { score, reasons } = scoreCandidate(q, c, ctx());
    expect(score).toBeGreaterThan(0);
    const codes = reasons.map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'shared_concept',
        'sector_division',
        'amount_fits',
        'fresh',
        'counterpart_region',
      ]),
    );
    const concept = reasons.find((r) => r.code === 'shared_concept' && r.params.concept === 'mineral-water');
    expect(concept).toBeDefined();
    if (!concept) return;
    expect(reasonText(concept, 'en')).toBe("their 'bottled water' answers your '矿泉水'");
    expect(reasonText(concept, 'zh')).toBe('对方的「bottled water」对应您的「矿泉水」');
    const sector = reasons.find((r) => r.code === 'sector_division');
    expect(sector && reasonText(sector, 'en')).toMatch(/^same sector C15 /);
    expect(sector && reasonText(sector, 'zh')).toMatch(/^同属行业 C15 /);
    const region = reasons.find((r) => r.code === 'counterpart_region');
    expect(region && reasonText(region, 'en')).toBe("Jilin is Zhejiang's counterpart");
  });

  it('counts amounts only within an order of magnitude', () => {
    const q = listing({ title: 'Fund', amount_cny: 1e6 }, { direction: 'seek' });
    const near = scoreCandidate(q, listing({ title: 'Fund', amount_cny: 5e6 }), ctx()).reasons;
    const far = scoreCandidate(q, listing({ title: 'Fund', amount_cny: 5e8 }), ctx()).reasons;
    expect(near.map((r) => r.code)).toContain('amount_fits');
    expect(far.map((r) => r.code)).not.toContain('amount_fits');
  });

  it('decays mildly with age and weighs rare concepts above common ones', () => {
    const q = listing({ title: 'Ginseng' }, { direction: 'seek' });
    const fresh = listing({ title: 'Ginseng' }, { createdAt: '2018-02-28T10:00:00+08:00' });
    const old = listing({ title: 'Ginseng' }, { createdAt: '2017-03-01T10:00:00+08:00' });
    const f = scoreCandidate(q, fresh, ctx()).score;
    const o = scoreCandidate(q, old, ctx()).score;
    expect(f).toBeGreaterThan(o);
    expect(f - o).toBeLessThan(1);
    const corpus = [q, fresh, old, listing({ title: 'Logistics' }), listing({ title: 'Logistics' })];
    const w = conceptWeights(corpus);
    expect(w.logistics ?? 0).toBeGreaterThan(0);
    expect(w.ginseng ?? 0).toBeLessThan(w.logistics ?? 0); // ginseng is in 3 of 5, logistics in 2
  });

  it('uses document frequencies for shared terms', () => {
    const q = listing({ title: 'zorbl quux' }, { direction: 'seek' });
    const a = listing({ title: 'zorbl' });
    const b = listing({ title: 'quux' });
    const corpus = [q, a, b, listing({ title: 'quux' }), listing({ title: 'quux' })];
    const stats = corpusStats(corpus);
    const sa = scoreCandidate(q, a, ctx({ stats })).score;
    const sb = scoreCandidate(q, b, ctx({ stats })).score;
    expect(sa).toBeGreaterThan(sb);
  });
});

describe('eligible', () => {
  const q: ListingMeta = {
    ref: 'q',
    region: 'CN-JL',
    category: 'product',
    direction: 'seek',
    language: 'zh',
    createdAt: '2018-03-01T10:00:00+08:00',
  };
  const base: ListingMeta = { ...q, ref: 'c', region: 'CN-ZJ', direction: 'offer' };
  const regions = ['CN-ZJ'];
  it('accepts the same category, opposite direction, counterpart region, not expired', () => {
    expect(eligible(q, base, asOf, regions)).toBe(true);
  });
  it('rejects the same direction, another category, another region or itself', () => {
    expect(eligible(q, { ...base, direction: 'seek' }, asOf, regions)).toBe(false);
    expect(eligible(q, { ...base, category: 'capital' }, asOf, regions)).toBe(false);
    expect(eligible(q, { ...base, region: 'CN-JS' }, asOf, regions)).toBe(false);
    expect(eligible(q, { ...base, ref: 'q' }, asOf, regions)).toBe(false);
  });
  it('judges expiry by the date of the moment (China time)', () => {
    expect(eligible(q, { ...base, validUntil: '2018-03-01' }, asOf, regions)).toBe(true);
    expect(eligible(q, { ...base, validUntil: '2018-02-28' }, asOf, regions)).toBe(false);
    // 2018-02-28T20:00Z is already 1 March in China
    expect(chinaDate(new Date('2018-02-28T20:00:00Z'))).toBe('2018-03-01');
    expect(
      eligible(q, { ...base, validUntil: '2018-02-28' }, new Date('2018-02-28T15:00:00Z'), regions),
    ).toBe(true);
  });
});

describe('rankMatches', () => {
  it('sorts best first, keeps the top N, with reasons', () => {
    const q = listing(
      { title: '求购新鲜蓝莓', language: 'zh', sector: 'A01' },
      { direction: 'seek', region: 'CN-ZJ' },
    );
    const good = listing({ title: 'Fresh blueberries', sector: 'A01' }, { ref: 'good', region: 'CN-JL' });
    const meh = listing({ title: 'Frozen raspberries', sector: 'A01' }, { ref: 'meh', region: 'CN-JL' });
    const bad = listing({ title: 'Mould steel', sector: 'C31' }, { ref: 'bad', region: 'CN-JL' });
    const ranked = rankMatches(q, [bad, meh, good], ctx(), 2);
    expect(ranked.map((r) => r.ref)).toEqual(['good', 'meh']);
    expect(ranked[0]?.reasons.length).toBeGreaterThan(0);
    expect(rankMatches(q, [bad], ctx(), 0)).toEqual([]);
  });
});

describe('reasons a reader can follow', () => {
  it('calls a match through a broader concept related, naming what both are', () => {
    const q = listing({ title: '求购龙井茶', language: 'zh' }, { direction: 'seek' });
    const c = listing(
      { title: 'Green tea from Jilin', description: 'Spring green tea.' },
      { region: 'CN-JL' },
    );
    const { reasons } = scoreCandidate(q, c, ctx());
    const related = reasons.find((r) => r.code === 'related_concept');
    expect(related?.params.concept).toBe('green-tea');
    expect(related && reasonText(related, 'en')).toBe(
      "related: their 'green tea' and your '龙井茶' are both 'green tea'",
    );
    expect(related && reasonText(related, 'zh')).toBe(
      '相关：对方的「green tea」与您的「龙井茶」同属「绿茶」',
    );
    // One line per pair of words, however many concepts they share.
    const lines = reasons.map((r) => reasonText(r, 'en'));
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('shows shared English words as written, not as stems', () => {
    const q = listing({ title: 'Bottling lines wanted for equities' }, { direction: 'seek' });
    const c = listing({ title: 'We sell bottling lines and equities' }, { region: 'CN-JL' });
    const terms = scoreCandidate(q, c, ctx()).reasons.find((r) => r.code === 'shared_terms');
    expect(String(terms?.params.terms)).toContain('equities');
    expect(String(terms?.params.terms)).not.toContain('equiti,');
  });

  it('leaves out candidates that share only region, section, amount or age', () => {
    const q = listing({ title: 'Mineral water', sector: 'C15', amount_cny: 1e6 }, { direction: 'seek' });
    const sectionOnly = listing(
      { title: 'Beer brewing kit', sector: 'C13', amount_cny: 1e6 },
      { region: 'CN-JL' },
    );
    expect(scoreCandidate(q, sectionOnly, ctx()).evidence).toBe(false);
    expect(rankMatches(q, [sectionOnly], ctx(), 10)).toEqual([]);
    const sameDivision = listing({ title: 'Beer', sector: 'C15' }, { region: 'CN-JL' });
    expect(rankMatches(q, [sameDivision], ctx(), 10).map((m) => m.ref)).toEqual([sameDivision.ref]);
  });
});
