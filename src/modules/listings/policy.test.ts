import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../accounts/sessions.ts';
import {
  canCreateListings,
  canManageListing,
  canReviewListing,
  canViewListing,
  publishesDirectly,
} from './policy.ts';

const ORG_A = '00000000-0000-0000-0000-00000000000a';
const ORG_B = '00000000-0000-0000-0000-00000000000b';

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

const memberA = user({ orgId: ORG_A, orgStatus: 'approved' });
const pendingMemberA = user({ orgId: ORG_A, orgStatus: 'pending' });
const suspendedMemberA = user({ orgId: ORG_A, orgStatus: 'suspended' });
const memberB = user({ orgId: ORG_B, orgStatus: 'approved' });
const coordJL = user({ role: 'coordinator', regionCode: 'CN-JL' });
const coordZJ = user({ role: 'coordinator', regionCode: 'CN-ZJ' });
const admin = user({ role: 'admin' });

const listing = (status: 'pending' | 'published' | 'rejected' | 'closed') => ({
  orgId: ORG_A,
  regionCode: 'CN-JL',
  status,
});

describe('listings policy', () => {
  it('lets only coordinators of the region and admins review', () => {
    expect(canReviewListing(coordJL, listing('pending'))).toBe(true);
    expect(canReviewListing(admin, listing('pending'))).toBe(true);
    expect(canReviewListing(coordZJ, listing('pending'))).toBe(false);
    expect(canReviewListing(memberA, listing('pending'))).toBe(false);
    expect(canReviewListing(null, listing('pending'))).toBe(false);
  });

  it('lets members of the approved owning organisation manage, besides reviewers', () => {
    expect(canManageListing(memberA, listing('published'))).toBe(true);
    expect(canManageListing(pendingMemberA, listing('published'))).toBe(false);
    expect(canManageListing(suspendedMemberA, listing('published'))).toBe(false);
    expect(canManageListing(memberB, listing('published'))).toBe(false);
    expect(canManageListing(coordJL, listing('published'))).toBe(true);
    expect(canManageListing(coordZJ, listing('published'))).toBe(false);
    expect(canManageListing(admin, listing('published'))).toBe(true);
    expect(canManageListing(null, listing('published'))).toBe(false);
  });

  it('shows published and closed listings to everyone, pending and rejected ones to managers only', () => {
    for (const status of ['published', 'closed'] as const) {
      for (const viewer of [null, memberB, coordZJ])
        expect(canViewListing(viewer, listing(status))).toBe(true);
    }
    for (const status of ['pending', 'rejected'] as const) {
      for (const viewer of [null, memberB, coordZJ, pendingMemberA]) {
        expect(canViewListing(viewer, listing(status))).toBe(false);
      }
      for (const viewer of [memberA, coordJL, admin])
        expect(canViewListing(viewer, listing(status))).toBe(true);
    }
  });

  it('lets members of approved organisations, coordinators and admins post; only the latter publish', () => {
    expect(canCreateListings(memberA)).toBe(true);
    expect(canCreateListings(pendingMemberA)).toBe(false);
    expect(canCreateListings(user({}))).toBe(false); // a member without an organisation
    expect(canCreateListings(coordJL)).toBe(true);
    expect(canCreateListings(admin)).toBe(true);
    expect(canCreateListings(null)).toBe(false);
    expect(publishesDirectly(memberA)).toBe(false);
    expect(publishesDirectly(coordJL)).toBe(true);
    expect(publishesDirectly(admin)).toBe(true);
    expect(publishesDirectly(null)).toBe(false);
  });
});
