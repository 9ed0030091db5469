import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary.data.ts';
import {
  deleteProblem,
  entryIssues,
  normaliseDraft,
  splitCodes,
  splitTerms,
  termIdentity,
  type EntryDraft,
} from './glossary.rules.ts';

const others = GLOSSARY;

function draft(over: Partial<EntryDraft> = {}): EntryDraft {
  return normaliseDraft({
    id: 'hazelnut',
    zh: ['榛子', '平榛'],
    en: ['hazelnut', 'filbert'],
    sectors: ['A01'],
    broader: null,
    ...over,
  });
}

/** The fields named by the issues of a draft checked as a new entry. */
function fieldsAtFault(d: EntryDraft, isNew = true): string[] {
  return entryIssues(d, others, 'en', isNew).map((i) => i.field);
}

describe('splitting form fields', () => {
  it('reads terms one per line or separated by commas, 、 and semicolons, dropping blanks', () => {
    expect(splitTerms(' 榛子\r\n\n平榛、山榛；野榛 ')).toEqual(['榛子', '平榛', '山榛', '野榛']);
    expect(splitTerms('hazelnut, filbert;cob nut\n')).toEqual(['hazelnut', 'filbert', 'cob nut']);
  });

  it('reads sector codes separated by spaces or commas, and makes them canonical', () => {
    expect(splitCodes('C15, a01  15')).toEqual(['C15', 'a01', '15']);
    expect(normaliseDraft(draft({ sectors: ['c15', '15', 'A01'] })).sectors).toEqual(['C15', 'A01']);
  });

  it('single-spaces English terms and treats a blank broader entry as none', () => {
    const d = normaliseDraft(draft({ en: ['  cob   nut '], broader: '  ' }));
    expect(d.en).toEqual(['cob nut']);
    expect(d.broader).toBeNull();
  });
});

describe('termIdentity', () => {
  it('folds case, hyphens and plural endings', () => {
    expect(termIdentity('Cold-Chain')).toBe(termIdentity('cold chain'));
    expect(termIdentity('soybeans')).toBe(termIdentity('soybean'));
    expect(termIdentity('berries')).toBe(termIdentity('berry'));
    expect(termIdentity('glass')).toBe('glass');
  });
});

describe('entryIssues', () => {
  it('accepts a new entry that keeps every rule', () => {
    expect(entryIssues(draft(), others, 'en', true)).toEqual([]);
  });

  it('wants a kebab-case identifier not yet taken', () => {
    expect(fieldsAtFault(draft({ id: 'Hazel Nut' }))).toEqual(['id']);
    expect(fieldsAtFault(draft({ id: 'hazel--nut' }))).toEqual(['id']);
    expect(fieldsAtFault(draft({ id: '' }))).toEqual(['id']);
    const taken = entryIssues(draft({ id: 'ginseng' }), others, 'en', true);
    expect(taken).toEqual([{ field: 'id', message: expect.stringContaining('ginseng') as string }]);
    // An existing entry's identifier is not checked again when it is edited.
    expect(fieldsAtFault(draft({ id: 'Whatever' }), false)).toEqual([]);
  });

  it('wants at least one Chinese term written in Chinese characters', () => {
    expect(fieldsAtFault(draft({ zh: [] }))).toEqual(['zh']);
    expect(fieldsAtFault(draft({ zh: ['hazel'] }))).toEqual(['zh']);
    expect(fieldsAtFault(draft({ zh: ['榛 子'] }))).toEqual(['zh']);
  });

  it('wants at least one English term without Chinese characters', () => {
    expect(fieldsAtFault(draft({ en: [] }))).toEqual(['en']);
    expect(fieldsAtFault(draft({ en: ['榛子 nut'] }))).toEqual(['en']);
    expect(fieldsAtFault(draft({ en: ['noisette ¼'] }))).toEqual(['en']);
  });

  it('refuses a term listed twice in the entry, plural or not', () => {
    expect(fieldsAtFault(draft({ en: ['hazelnut', 'Hazelnuts'] }))).toEqual(['en']);
    expect(fieldsAtFault(draft({ zh: ['榛子', '榛子'] }))).toEqual(['zh']);
  });

  it('refuses a term that belongs to another entry, naming the entry', () => {
    const issues = entryIssues(draft({ zh: ['榛子', '矿泉水'], en: ['Bottled-Waters'] }), others, 'zh', true);
    expect(issues.map((i) => i.field)).toEqual(['zh', 'en']);
    expect(issues[0]?.message).toContain('mineral-water');
    expect(issues[0]?.message).toContain('矿泉水');
    expect(issues[1]?.message).toContain('mineral-water');
  });

  it('lets an edited entry keep its own terms (it is not among the others)', () => {
    const ginseng = GLOSSARY.find((e) => e.id === 'ginseng')!;
    const rest = GLOSSARY.filter((e) => e.id !== 'ginseng');
    const d = normaliseDraft({ ...ginseng, sectors: ginseng.sectors ?? [], broader: null });
    expect(entryIssues(d, rest, 'en', false)).toEqual([]);
  });

  it('wants sectors that are GB/T 4754 division codes', () => {
    expect(fieldsAtFault(draft({ sectors: ['C15', 'C99'] }))).toEqual(['sectors']);
    expect(fieldsAtFault(draft({ sectors: ['A15'] }))).toEqual(['sectors']);
    expect(fieldsAtFault(draft({ sectors: ['C'] }))).toEqual(['sectors']);
    expect(fieldsAtFault(draft({ sectors: [] }))).toEqual([]);
  });

  it('wants a broader entry that exists, is not the entry itself and makes no circle', () => {
    expect(fieldsAtFault(draft({ broader: 'edible-mushrooms' }))).toEqual([]);
    expect(fieldsAtFault(draft({ broader: 'no-such-entry' }))).toEqual(['broader']);
    expect(fieldsAtFault(draft({ broader: 'hazelnut' }))).toEqual(['broader']);
    // ginseng ← wild-ginseng: making ginseng narrower than wild-ginseng would close a circle.
    const ginseng = GLOSSARY.find((e) => e.id === 'ginseng')!;
    const rest = GLOSSARY.filter((e) => e.id !== 'ginseng');
    const d = normaliseDraft({ ...ginseng, sectors: [], broader: 'wild-ginseng' });
    expect(entryIssues(d, rest, 'en', false).map((i) => i.field)).toEqual(['broader']);
  });

  it('words its messages in the caller language', () => {
    const [zh] = entryIssues(draft({ zh: [] }), others, 'zh', true);
    const [en] = entryIssues(draft({ zh: [] }), others, 'en', true);
    expect(zh?.message).toMatch(/\p{Script=Han}/u);
    expect(en?.message).not.toMatch(/\p{Script=Han}/u);
  });
});

describe('deleteProblem', () => {
  it('refuses to delete an entry that others name as broader, naming them', () => {
    const rest = GLOSSARY.filter((e) => e.id !== 'ginseng');
    expect(deleteProblem('ginseng', rest, 'en')).toContain('wild-ginseng');
    expect(deleteProblem('wild-ginseng', GLOSSARY, 'en')).toBeUndefined();
  });
});
