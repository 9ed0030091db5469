/**
 * The kinds of cooperation: an agreement's type, and the form an expression of interest proposes.
 * A leaf module (no imports), so the interests and agreements schemas can both use it.
 */
export const AGREEMENT_TYPES = [
  'trade',
  'investment',
  'joint_venture',
  'licensing',
  'rnd',
  'logistics',
  'tourism',
  'culture_media',
  'assistance',
  'framework',
] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
