import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../accounts/sessions.ts';
import {
  canAddAgreementDocuments,
  canConfirmAgreement,
  canRecordAgreement,
  canRecordAgreements,
  canViewAgreement,
  regionsToConfirm,
} from './policy.ts';

const JL_ORG = '00000000-0000-0000-0000-00000000000a';
const ZJ_ORG = '00000000-0000-0000-0000-00000000000b';
const SH_ORG = '00000000-0000-0000-0000-00000000000c';

function user(over: Partial<SessionUser>): SessionUser {
  return {
    id: 'u',
    email: 'u@test.example',
    name: 'U',
    role: 'member',
    regionCode: null,
    orgId: null,
    orgStatus: null,
    preferredLang: 'en',
    ...over,
  };
}

const jlMember = user({ orgId: JL_ORG, orgStatus: 'approved' });
const jlPending = user({ orgId: JL_ORG, orgStatus: 'pending' });
const shMember = user({ orgId: SH_ORG, orgStatus: 'approved' });
const jlCoord = user({ role: 'coordinator', regionCode: 'CN-JL' });
const zjCoord = user({ role: 'coordinator', regionCode: 'CN-ZJ' });
const shCoord = user({ role: 'coordinator', regionCode: 'CN-SH' });
const admin = user({ role: 'admin' });

const jlZj = {
  parties: [
    { orgId: JL_ORG, regionCode: 'CN-JL' },
    { orgId: ZJ_ORG, regionCode: 'CN-ZJ' },
  ],
};

describe('recording', () => {
  it('is for approved members, coordinators and admins', () => {
    expect(canRecordAgreements(null)).toBe(false);
    expect(canRecordAgreements(jlPending)).toBe(false);
    expect([jlMember, jlCoord, admin].map(canRecordAgreements)).toEqual([true, true, true]);
  });

  it('needs the member’s organisation or the coordinator’s region among the parties', () => {
    expect(canRecordAgreement(jlMember, jlZj)).toBe(true);
    expect(canRecordAgreement(jlPending, jlZj)).toBe(false);
    expect(canRecordAgreement(shMember, jlZj)).toBe(false);
    expect(canRecordAgreement(zjCoord, jlZj)).toBe(true);
    expect(canRecordAgreement(shCoord, jlZj)).toBe(false);
    expect(canRecordAgreement(admin, jlZj)).toBe(true);
    expect(canRecordAgreement(null, jlZj)).toBe(false);
  });
});

describe('seeing', () => {
  it('is for the parties’ members, their regions’ coordinators and admins', () => {
    expect(canViewAgreement(jlMember, jlZj)).toBe(true);
    // Seeing is not acting: a party's member still sees it while the organisation is under review.
    expect(canViewAgreement(jlPending, jlZj)).toBe(true);
    expect(canViewAgreement(shMember, jlZj)).toBe(false);
    expect(canViewAgreement(jlCoord, jlZj)).toBe(true);
    expect(canViewAgreement(zjCoord, jlZj)).toBe(true);
    expect(canViewAgreement(shCoord, jlZj)).toBe(false);
    expect(canViewAgreement(admin, jlZj)).toBe(true);
    expect(canViewAgreement(null, jlZj)).toBe(false);
  });
});

describe('confirming', () => {
  it('a coordinator confirms for their own region only', () => {
    expect(canConfirmAgreement(jlCoord, jlZj, 'CN-JL')).toBe(true);
    // A coordinator of Jilin cannot confirm for Zhejiang's organisations.
    expect(canConfirmAgreement(jlCoord, jlZj, 'CN-ZJ')).toBe(false);
    expect(canConfirmAgreement(shCoord, jlZj, 'CN-SH')).toBe(false);
  });

  it('members never confirm; admins for any party region', () => {
    expect(canConfirmAgreement(jlMember, jlZj, 'CN-JL')).toBe(false);
    expect(canConfirmAgreement(admin, jlZj, 'CN-ZJ')).toBe(true);
    expect(canConfirmAgreement(admin, jlZj, 'CN-SH')).toBe(false);
    expect(canConfirmAgreement(null, jlZj, 'CN-JL')).toBe(false);
  });

  it('lists the regions still to confirm', () => {
    expect(regionsToConfirm(jlCoord, { ...jlZj, confirmedRegions: [] })).toEqual(['CN-JL']);
    expect(regionsToConfirm(jlCoord, { ...jlZj, confirmedRegions: ['CN-JL'] })).toEqual([]);
    expect(regionsToConfirm(admin, { ...jlZj, confirmedRegions: ['CN-JL'] })).toEqual(['CN-ZJ']);
    expect(regionsToConfirm(jlMember, { ...jlZj, confirmedRegions: [] })).toEqual([]);
  });
});

describe('adding documents', () => {
  it('is for approved parties’ members, their regions’ coordinators and admins', () => {
    expect(canAddAgreementDocuments(jlMember, jlZj)).toBe(true);
    expect(canAddAgreementDocuments(jlPending, jlZj)).toBe(false);
    expect(canAddAgreementDocuments(shMember, jlZj)).toBe(false);
    expect(canAddAgreementDocuments(zjCoord, jlZj)).toBe(true);
    expect(canAddAgreementDocuments(shCoord, jlZj)).toBe(false);
    expect(canAddAgreementDocuments(admin, jlZj)).toBe(true);
    expect(canAddAgreementDocuments(null, jlZj)).toBe(false);
  });
});
