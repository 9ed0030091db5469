import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../accounts/sessions.ts';
import {
  canCreateProject,
  canManageProject,
  canReviewUpdate,
  canSubmitUpdate,
  canViewPipeline,
  canViewProject,
  reviewsUpdates,
} from './policy.ts';

const user = (over: Partial<SessionUser>): SessionUser => ({
  id: 'u',
  email: 'u@test.example',
  name: 'U',
  role: 'member',
  regionCode: null,
  orgId: null,
  orgStatus: null,
  preferredLang: 'en',
  ...over,
});

const jlMember = user({ orgId: 'jl-org', orgStatus: 'approved' });
const zjMember = user({ orgId: 'zj-org', orgStatus: 'approved' });
const pendingMember = user({ orgId: 'jl-org', orgStatus: 'pending' });
const otherMember = user({ orgId: 'other-org', orgStatus: 'approved' });
const jlCoord = user({ role: 'coordinator', regionCode: 'CN-JL' });
const zjCoord = user({ role: 'coordinator', regionCode: 'CN-ZJ' });
const gdCoord = user({ role: 'coordinator', regionCode: 'CN-GD' });
const admin = user({ role: 'admin' });

const parties = [
  { orgId: 'jl-org', regionCode: 'CN-JL' },
  { orgId: 'zj-org', regionCode: 'CN-ZJ' },
];
const published = { parties, published: true };
const unpublished = { parties, published: false };

/** Each viewer's answer, as a row of a small matrix: a changed cell fails the test. */
function matrix(fn: (v: SessionUser | null) => boolean) {
  return {
    anonymous: fn(null),
    jlMember: fn(jlMember),
    zjMember: fn(zjMember),
    pendingMember: fn(pendingMember),
    otherMember: fn(otherMember),
    jlCoord: fn(jlCoord),
    zjCoord: fn(zjCoord),
    gdCoord: fn(gdCoord),
    admin: fn(admin),
  };
}

describe('projects policy', () => {
  it('creating and managing: parties’ approved members, their regions’ coordinators, admins', () => {
    const expected = {
      anonymous: false,
      jlMember: true,
      zjMember: true,
      pendingMember: false,
      otherMember: false,
      jlCoord: true,
      zjCoord: true,
      gdCoord: false,
      admin: true,
    };
    expect(matrix((v) => canCreateProject(v, { parties }))).toEqual(expected);
    expect(matrix((v) => canManageProject(v, { parties }))).toEqual(expected);
  });

  it('submitting updates: parties’ approved members only', () => {
    expect(matrix((v) => canSubmitUpdate(v, { parties }))).toEqual({
      anonymous: false,
      jlMember: true,
      zjMember: true,
      pendingMember: false,
      otherMember: false,
      jlCoord: false,
      zjCoord: false,
      gdCoord: false,
      admin: false,
    });
  });

  it('approving an update: the coordinator of the submitting organisation’s region, or an admin', () => {
    // An update submitted for the Zhejiang party: the Jilin coordinator may not approve it.
    expect(matrix((v) => canReviewUpdate(v, { regionCode: 'CN-ZJ' }))).toEqual({
      anonymous: false,
      jlMember: false,
      zjMember: false,
      pendingMember: false,
      otherMember: false,
      jlCoord: false,
      zjCoord: true,
      gdCoord: false,
      admin: true,
    });
    expect(canReviewUpdate(jlCoord, { regionCode: 'CN-JL' })).toBe(true);
  });

  it('seeing: published projects are public; unpublished ones for insiders only', () => {
    expect(Object.values(matrix((v) => canViewProject(v, published))).every(Boolean)).toBe(true);
    expect(matrix((v) => canViewProject(v, unpublished))).toEqual({
      anonymous: false,
      jlMember: true,
      zjMember: true,
      pendingMember: false,
      otherMember: false,
      jlCoord: true,
      zjCoord: true,
      gdCoord: false,
      admin: true,
    });
  });

  it('pipelines: a member their own organisation’s, a coordinator their own region’s, admins any', () => {
    const org = { kind: 'org', orgId: 'jl-org' } as const;
    const region = { kind: 'region', regionCode: 'CN-JL' } as const;
    expect(matrix((v) => canViewPipeline(v, org))).toMatchObject({
      anonymous: false,
      jlMember: true,
      zjMember: false,
      pendingMember: false,
      jlCoord: false,
      admin: true,
    });
    expect(matrix((v) => canViewPipeline(v, region))).toMatchObject({
      anonymous: false,
      jlMember: false,
      jlCoord: true,
      zjCoord: false,
      admin: true,
    });
    expect(matrix(reviewsUpdates)).toMatchObject({
      jlMember: false,
      jlCoord: true,
      admin: true,
      anonymous: false,
    });
  });
});
