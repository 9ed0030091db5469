import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../accounts/sessions.ts';
import { canManageVisit, canRecordVisits, canViewVisit } from './policy.ts';

const user = (over: Partial<SessionUser>): SessionUser => ({
  id: 'u',
  email: 'u@example.com',
  name: 'U',
  role: 'member',
  regionCode: null,
  orgId: null,
  orgStatus: null,
  preferredLang: 'en',
  ...over,
});
const jl = user({ role: 'coordinator', regionCode: 'CN-JL' });
const gd = user({ role: 'coordinator', regionCode: 'CN-GD' });
const admin = user({ role: 'admin' });
const member = user({ role: 'member', orgId: 'o', orgStatus: 'approved' });
const visit = { hostRegionCode: 'CN-ZJ', visitingRegionCode: 'CN-JL', published: true };

describe('visit policy', () => {
  it('lets coordinators and admins record visits, not members or visitors', () => {
    expect(canRecordVisits(jl)).toBe(true);
    expect(canRecordVisits(admin)).toBe(true);
    expect(canRecordVisits(member)).toBe(false);
    expect(canRecordVisits(null)).toBe(false);
  });

  it('lets the two regions’ coordinators and admins manage a visit, nobody else', () => {
    expect(canManageVisit(jl, visit)).toBe(true);
    expect(canManageVisit(user({ role: 'coordinator', regionCode: 'CN-ZJ' }), visit)).toBe(true);
    expect(canManageVisit(admin, visit)).toBe(true);
    expect(canManageVisit(gd, visit)).toBe(false);
    expect(canManageVisit(member, visit)).toBe(false);
    expect(canManageVisit(null, visit)).toBe(false);
  });

  it('shows published visits to everyone and unpublished ones to those who manage them', () => {
    expect(canViewVisit(null, visit)).toBe(true);
    const draft = { ...visit, published: false };
    expect(canViewVisit(null, draft)).toBe(false);
    expect(canViewVisit(member, draft)).toBe(false);
    expect(canViewVisit(gd, draft)).toBe(false);
    expect(canViewVisit(jl, draft)).toBe(true);
  });
});
