/**
 * The eight listing categories and the two directions of the listings interchange format
 * (shared/spec/listings-format.md), with labels and the meaning of offer and seek in each category.
 */

export const LISTING_CATEGORY_CODES = [
  'product',
  'capital',
  'technology',
  'logistics',
  'tourism',
  'culture',
  'talent',
  'service',
] as const;

export type ListingCategory = (typeof LISTING_CATEGORY_CODES)[number];

export const LISTING_DIRECTIONS = ['offer', 'seek'] as const;

export type ListingDirection = (typeof LISTING_DIRECTIONS)[number];

export interface ListingCategoryInfo {
  code: ListingCategory;
  nameZh: string;
  nameEn: string;
  /** What an `offer` listing is in this category. */
  offerZh: string;
  offerEn: string;
  /** What a `seek` listing is in this category. */
  seekZh: string;
  seekEn: string;
}

export interface ListingDirectionInfo {
  code: ListingDirection;
  nameZh: string;
  nameEn: string;
}

export const LISTING_CATEGORIES: readonly ListingCategoryInfo[] = [
  {
    code: 'product',
    nameZh: '产品',
    nameEn: 'Products',
    offerZh: '生产企业供应产品',
    offerEn: 'A producer selling goods',
    seekZh: '采购商、零售商或渠道寻找货源',
    seekEn: 'A buyer, retailer or sales channel looking for goods',
  },
  {
    code: 'capital',
    nameZh: '资本',
    nameEn: 'Capital',
    offerZh: '投资机构或基金有资金寻求投向',
    offerEn: 'An investor or fund with money to place',
    seekZh: '项目或企业寻求投资',
    seekEn: 'A project or company looking for investment',
  },
  {
    code: 'technology',
    nameZh: '技术',
    nameEn: 'Technology',
    offerZh: '提供技术、专利或研发能力',
    offerEn: 'A technology, patent or R&D capability',
    seekZh: '技术难题或研发需求',
    seekEn: 'A technical problem or R&D need',
  },
  {
    code: 'logistics',
    nameZh: '物流',
    nameEn: 'Logistics',
    offerZh: '提供线路或运力（港口、铁路、航空、仓储）',
    offerEn: 'A route or capacity (port, rail, air, warehouse)',
    seekZh: '货主寻找线路或运力',
    seekEn: 'A shipper needing a route or capacity',
  },
  {
    code: 'tourism',
    nameZh: '旅游',
    nameEn: 'Tourism',
    offerZh: '旅游资源或服务提供方',
    offerEn: 'A tourism resource or provider',
    seekZh: '旅游客源或合作需求',
    seekEn: 'Demand for tourism resources, visitors or partners',
  },
  {
    code: 'culture',
    nameZh: '文化',
    nameEn: 'Culture',
    offerZh: '影视、传媒、文化遗产等资源或服务提供方',
    offerEn: 'A film, TV, media or heritage resource or provider',
    seekZh: '影视、传媒、文化方面的需求',
    seekEn: 'Demand for film, TV, media or heritage resources',
  },
  {
    code: 'talent',
    nameZh: '人才',
    nameEn: 'Talent',
    offerZh: '可提供的人才、专家或培训资源',
    offerEn: 'People, experts or training available',
    seekZh: '人才或培训需求',
    seekEn: 'A need for people, experts or training',
  },
  {
    code: 'service',
    nameZh: '服务',
    nameEn: 'Services',
    offerZh: '服务提供方',
    offerEn: 'A service provider',
    seekZh: '服务需求',
    seekEn: 'Demand for a service',
  },
];

export const LISTING_DIRECTION_INFO: readonly ListingDirectionInfo[] = [
  { code: 'offer', nameZh: '供给', nameEn: 'Offer' },
  { code: 'seek', nameZh: '需求', nameEn: 'Seek' },
];

const CATEGORY_SET: ReadonlySet<string> = new Set(LISTING_CATEGORY_CODES);

export function isListingCategory(value: string): value is ListingCategory {
  return CATEGORY_SET.has(value);
}

export function isListingDirection(value: string): value is ListingDirection {
  return value === 'offer' || value === 'seek';
}

/** The category record for a code; undefined for unknown codes. */
export function categoryInfo(code: string): ListingCategoryInfo | undefined {
  return LISTING_CATEGORIES.find((c) => c.code === code);
}

/** The direction a matching listing has: offers are answered by seeks and the reverse. */
export function oppositeDirection(direction: ListingDirection): ListingDirection {
  return direction === 'offer' ? 'seek' : 'offer';
}
