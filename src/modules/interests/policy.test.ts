import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../accounts/sessions.ts';
import {
  canAnswerInterest,
  canExpressInterest,
  canPostMessage,
  canSendInterest,
  canViewConversation,
  canViewInterest,
  canViewPipeline,
  canWithdrawInterest,
  type Parties,
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

const jilinMember = user({ orgId: 'J', orgStatus: 'approved' });
const zhejiangMember = user({ orgId: 'Z', orgStatus: 'approved' });
const suspendedZhejiang = user({ orgId: 'Z', orgStatus: 'suspended' });
const thirdMember = user({ orgId: 'Y', orgStatus: 'approved' });
const coordJL = user({ role: 'coordinator', regionCode: 'CN-JL' });
const coordZJ = user({ role: 'coordinator', regionCode: 'CN-ZJ' });
const coordGD = user({ role: 'coordinator', regionCode: 'CN-GD' });
const admin = user({ role: 'admin' });

// Jilin's organisation J sent an interest to Zhejiang's organisation Z.
const i: Parties = { fromOrgId: 'J', toOrgId: 'Z', fromRegionCode: 'CN-JL', toRegionCode: 'CN-ZJ' };

const who = {
  anonymous: null,
  jilinMember,
  zhejiangMember,
  suspendedZhejiang,
  thirdMember,
  coordJL,
  coordZJ,
  coordGD,
  admin,
};
const allowed = (fn: (v: SessionUser | null) => boolean) =>
  Object.entries(who)
    .filter(([, v]) => fn(v))
    .map(([k]) => k);

describe('interests policy', () => {
  it('lets members of approved organisations send, to another organisation only', () => {
    expect(allowed(canExpressInterest)).toEqual(['jilinMember', 'zhejiangMember', 'thirdMember']);
    expect(allowed((v) => canSendInterest(v, { orgId: 'Z' }))).toEqual(['jilinMember', 'thirdMember']);
  });

  it('shows an interest to both organisations, both regions’ coordinators and admins', () => {
    expect(allowed((v) => canViewInterest(v, i))).toEqual([
      'jilinMember',
      'zhejiangMember',
      'suspendedZhejiang',
      'coordJL',
      'coordZJ',
      'admin',
    ]);
  });

  it('lets only the receiving organisation’s members answer, and the sender’s withdraw', () => {
    expect(allowed((v) => canAnswerInterest(v, i))).toEqual(['zhejiangMember']);
    expect(allowed((v) => canWithdrawInterest(v, i))).toEqual(['jilinMember']);
  });

  it('shows a conversation to the parties and, read-only, their coordinators and admins', () => {
    expect(allowed((v) => canViewConversation(v, i))).toEqual(allowed((v) => canViewInterest(v, i)));
    expect(allowed((v) => canPostMessage(v, i))).toEqual(['jilinMember', 'zhejiangMember']);
  });

  it('scopes pipelines: own organisation, own region, admins any', () => {
    const org = { kind: 'org', orgId: 'J' } as const;
    const jl = { kind: 'region', regionCode: 'CN-JL' } as const;
    expect(allowed((v) => canViewPipeline(v, org))).toEqual(['jilinMember', 'admin']);
    expect(allowed((v) => canViewPipeline(v, jl))).toEqual(['coordJL', 'admin']);
  });
});
