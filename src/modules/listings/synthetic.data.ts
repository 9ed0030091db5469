/**
 * Vocabulary of the synthetic listings generator (synthetic.ts): title and sentence templates per category
 * and direction in both languages, filler words, organisation name parts, and the GB/T 4754 divisions that
 * fit each category. Topic terms come from the glossary; everything here is the connective text around
 * them. Written for the benchmark; not taken from any evaluation set.
 */
import type { ListingCategory } from '../taxonomy/categories.data.ts';

type Lang = 'zh' | 'en';
type ByDirection = Record<'offer' | 'seek', readonly string[]>;

/** Divisions a listing of each category is filed under (a capital listing names the project's industry). */
export const CATEGORY_DIVISIONS: Record<ListingCategory, readonly string[]> = {
  product: [
    'A01',
    'A02',
    'A03',
    'A04',
    'C13',
    'C14',
    'C15',
    'C17',
    'C18',
    'C20',
    'C21',
    'C24',
    'C26',
    'C27',
    'C29',
    'C30',
    'C31',
    'C32',
    'C33',
    'C34',
    'C35',
    'C36',
    'C37',
    'C38',
    'C39',
    'C40',
  ],
  capital: ['J66', 'J67', 'J69', 'A01', 'C27', 'C36', 'C39', 'D44', 'H61', 'I65', 'K70', 'M73', 'R87'],
  technology: [
    'M73',
    'M74',
    'M75',
    'I64',
    'I65',
    'C27',
    'C34',
    'C35',
    'C36',
    'C38',
    'C39',
    'C40',
    'A05',
    'N77',
  ],
  logistics: ['G53', 'G54', 'G55', 'G56', 'G58', 'G59', 'G60', 'F51'],
  tourism: ['H61', 'H62', 'R89', 'R90', 'N78'],
  culture: ['R86', 'R87', 'R88', 'R90', 'C23', 'C24'],
  talent: ['P83', 'L72', 'M73', 'Q84', 'O80'],
  service: ['L72', 'I64', 'I65', 'J68', 'M74', 'F51', 'F52', 'L71', 'K70', 'Q84', 'E48', 'N77'],
};

/** Share of each category among listings (products are the most common posting). */
export const CATEGORY_WEIGHTS: Record<ListingCategory, number> = {
  product: 30,
  capital: 12,
  technology: 14,
  logistics: 10,
  tourism: 9,
  culture: 8,
  talent: 7,
  service: 10,
};

/**
 * Title templates. Slots: {a} the main topic term, {b} a second one, {adj} an adjective, {city} the
 * poster's city, {city2} another city.
 */
export const TITLES: Record<Lang, Record<ListingCategory, ByDirection>> = {
  zh: {
    product: {
      offer: [
        '供应{adj}{a}',
        '{city}{a}产地直供',
        '{a}及{b}批量供应',
        '{adj}{a}寻求销售渠道',
        '{city}企业供应{a}，可贴牌加工',
      ],
      seek: [
        '求购{a}',
        '采购{adj}{a}和{b}',
        '寻找{a}稳定货源',
        '{city}商超招募{a}供应商',
        '长期收购{adj}{a}',
      ],
    },
    capital: {
      offer: [
        '产业基金投资{a}项目',
        '寻找{a}领域优质项目',
        '{city}资本拟投资{a}和{b}',
        '股权投资：重点关注{a}',
      ],
      seek: ['{a}项目寻求融资', '{city}{a}产业园招商引资', '{a}企业寻求战略投资', '{a}扩产项目引进资金'],
    },
    technology: {
      offer: ['{a}技术转让', '{adj}{a}专利许可', '{b}领域{a}研发合作', '提供{a}技术解决方案'],
      seek: ['征集{a}技术难题解决方案', '寻求{a}关键技术合作', '{a}工艺改进需求', '联合攻关{a}与{b}'],
    },
    logistics: {
      offer: ['{city}至{city2}{a}专线', '提供{a}运力', '{city}{a}服务对外开放', '开通{city}{a}新线路'],
      seek: ['寻找{city}到{city2}的{a}服务', '需要{a}承运商', '{a}需求：{b}', '求{a}及{b}服务'],
    },
    tourism: {
      offer: ['{city}{a}线路推广', '{adj}{a}产品招募合作旅行社', '{city}{a}资源开放合作', '推出{a}和{b}套餐'],
      seek: ['寻找{a}客源合作', '{city}景区寻求{a}合作伙伴', '组织{a}团队赴{city2}考察', '征集{a}线路'],
    },
    culture: {
      offer: ['{a}项目寻求联合出品', '{city}{a}基地提供取景服务', '提供{a}制作与{b}服务', '{adj}{a}版权合作'],
      seek: ['寻找{a}合作拍摄单位', '征集{a}作品', '{city}文化节寻求{a}合作', '需要{a}与{b}资源'],
    },
    talent: {
      offer: ['{a}人才输出与培训', '{city}高校提供{a}专业人才', '{a}专家团队对接', '开展{a}技能培训'],
      seek: ['招聘{a}人才', '引进{a}高层次人才', '{a}岗位培训需求', '寻求{a}专家指导'],
    },
    service: {
      offer: ['提供{a}服务', '{city}{a}与{b}一站式服务', '{adj}{a}服务商寻求合作', '承接{a}业务'],
      seek: ['采购{a}服务', '寻找{a}服务商', '{city}企业需要{a}支持', '{a}与{b}服务外包需求'],
    },
  },
  en: {
    product: {
      offer: [
        'Supplying {adj} {a} from {city}',
        '{a} and {b} available in bulk',
        'Direct supply of {a} from the producer',
        '{city} producer of {a} seeks distributors',
        'OEM production of {a} for new markets',
      ],
      seek: [
        'Buying {a} for supermarket chains',
        'Looking for a steady supply of {a}',
        'Importer seeks {a} and {b}',
        '{city} retailer sourcing {adj} {a}',
        'Wanted: long-term suppliers of {a}',
      ],
    },
    capital: {
      offer: [
        'Fund investing in {a} projects',
        'Equity investment available for {a} companies',
        '{city} investor seeks {a} and {b} deals',
        'Growth capital for {a} businesses',
      ],
      seek: [
        '{a} project seeks investment',
        'Financing wanted for {a} expansion',
        '{city} {a} park invites investors',
        'Strategic investor sought for a {a} company',
      ],
    },
    technology: {
      offer: [
        'Licensing {a} technology',
        '{a} patents available for transfer',
        'R&D partnership in {a} and {b}',
        'Proven {a} solution from a {city} institute',
      ],
      seek: [
        'Seeking a solution for {a}',
        'Technical partner wanted for {a}',
        'R&D need in {a} and {b}',
        'Process improvement in {a} sought',
      ],
    },
    logistics: {
      offer: [
        '{a} service from {city} to {city2}',
        'Spare {a} capacity on the {city} route',
        '{a} and {b} at {city}',
        'New {a} line opening in {city}',
      ],
      seek: [
        'Shipper needs {a} from {city} to {city2}',
        'Looking for {a} capacity',
        'Need {a} and {b} for seasonal goods',
        'Carrier wanted for {a}',
      ],
    },
    tourism: {
      offer: [
        '{a} packages in {city}',
        '{city} {a} routes open to travel agencies',
        'Partner agencies wanted for {adj} {a}',
        '{a} and {b} tours from {city}',
      ],
      seek: [
        'Seeking partners for {a} tours',
        '{city} resort looks for {a} visitors',
        'Travel agency wants {a} products',
        'Group {a} trip to {city2} needed',
      ],
    },
    culture: {
      offer: [
        'Co-production of a {a} project',
        '{city} {a} base offers location services',
        '{a} and {b} production services',
        'Licensing {adj} {a} content',
      ],
      seek: [
        'Partners wanted to film {a}',
        'Call for {a} works',
        '{city} festival seeks {a} partners',
        'Need {a} and {b} resources',
      ],
    },
    talent: {
      offer: [
        '{a} training and staffing',
        '{city} graduates in {a} available',
        '{a} experts available for consulting',
        'Skills training in {a}',
      ],
      seek: [
        'Hiring {a} specialists',
        'Recruiting senior {a} talent',
        'Training needed in {a}',
        'Expert advice on {a} wanted',
      ],
    },
    service: {
      offer: [
        '{a} services for enterprises',
        'One-stop {a} and {b} in {city}',
        '{adj} {a} provider seeks clients',
        'Outsourced {a} services',
      ],
      seek: [
        'Procuring {a} services',
        'Looking for a {a} provider',
        '{city} firm needs {a} support',
        'Outsourcing {a} and {b}',
      ],
    },
  },
};

/** What a too-short title is lengthened with. */
export const TITLE_TAILS: Record<Lang, readonly string[]> = {
  zh: ['，欢迎洽谈', '（长期有效）', '，诚邀合作', '，价格面议', '项目'],
  en: ['with flexible terms', 'for long-term cooperation', 'in {city}', 'for the {city2} market'],
};

/**
 * Description sentences. Slots as in titles plus {c} a third topic term, {num}/{num2} numbers, {pct},
 * {year}, {unit}, {cert}, {mode}, {partner}, {region}, and the poster's {brand} and product {model} codes.
 */
export const SENTENCES: Record<Lang, { any: readonly string[] } & ByDirection> = {
  zh: {
    any: [
      '我们位于{city}，主要从事{a}相关业务，已有{num}年经验。',
      '产品涵盖{a}、{b}和{c}等系列，质量稳定。',
      '已通过{cert}认证，具备完善的质量追溯体系。',
      '希望与{partner}在{a}方面建立长期合作关系。',
      '合作方式可以是{mode}，具体条件面议。',
      '依托{city}的区位和资源优势，重点发展{a}。',
      '项目总投资约{num}万元，计划{year}年投入运营。',
      '可提供样品、检测报告和技术资料。',
      '团队核心成员{num}人，其中高级职称{num2}人。',
      '欢迎{region}的企业和机构来人来函洽谈。',
      '我们特别关注{a}与{b}的融合发展。',
      '近三年销售额年均增长{pct}%。',
      '{a}是当地的特色优势产业，市场前景广阔。',
      '有意者请注明合作需求和联系方式。',
      '交货周期一般为{num}天，支持分批发货。',
      '已与{num}家客户建立了稳定的业务往来。',
      '“{brand}”品牌在业内具有较高知名度。',
    ],
    offer: [
      '我们可以稳定供应{a}，并提供{b}配套服务。',
      '现有{a}生产线{num}条，年产能约{num2}{unit}。',
      '可为合作方提供{a}的全流程服务。',
      '{adj}{a}已销往全国{num}个省市。',
      '主打产品为{brand}{model}型{a}，另有{model}等型号。',
    ],
    seek: [
      '现需要{a}，数量约{num}{unit}。',
      '寻找能够提供{a}和{b}的合作伙伴。',
      '对{a}的质量和交期有较高要求。',
      '计划在{year}年前完成{a}的采购和对接。',
    ],
  },
  en: {
    any: [
      'We are based in {city} and have worked in {a} for {num} years.',
      'Our range covers {a}, {b} and {c}, with consistent quality across batches.',
      'Our facilities are {cert} certified and every batch can be traced.',
      'We hope to build a long-term partnership with {partner} in {a}.',
      'Cooperation can take the form of {mode}; terms are negotiable.',
      'Building on the location and resources of {city}, we focus on {a}.',
      'The total investment is about {num} million yuan, with operations planned for {year}.',
      'Samples, test reports and technical documents are available on request.',
      'The core team has {num} members, {num2} of them senior engineers.',
      'Enterprises and institutions from {region} are welcome to get in touch.',
      'We are especially interested in combining {a} with {b}.',
      'Sales have grown by {pct}% a year over the last three years.',
      '{a} is a traditional strength of the local economy, with good market prospects.',
      'Interested parties should state their requirements and expected volumes.',
      'Lead time is usually {num} days and partial shipments are possible.',
      'We already work with {num} regular customers across the country.',
      'The {brand} brand is well known in the trade.',
    ],
    offer: [
      'We can supply {a} reliably and also provide {b}.',
      'We run {num} {a} lines with an annual capacity of about {num2} {unit}.',
      'We offer partners a complete service around {a}.',
      'Our {adj} {a} is already sold in {num} provinces.',
      'Our flagship is the {brand} {model} {a}, alongside the {model} range.',
    ],
    seek: [
      'We currently need {a}, about {num} {unit}.',
      'We are looking for partners able to provide {a} and {b}.',
      'Quality and delivery times for {a} matter a great deal to us.',
      'We plan to complete sourcing of {a} before {year}.',
    ],
  },
};

export const FILLERS: Record<
  Lang,
  Record<'adj' | 'unit' | 'cert' | 'mode' | 'partner', readonly string[]>
> = {
  zh: {
    adj: ['优质', '绿色', '高端', '新型', '特色', '规模化', '智能', '精品'],
    unit: ['吨', '万件', '台', '套', '万瓶', '箱'],
    cert: ['ISO 9001', 'HACCP', '绿色食品', 'GMP', 'CE', '有机产品'],
    mode: ['合资合作', '委托加工', '代理销售', '技术入股', '长期订单', '联合研发'],
    partner: ['对口地区的企业', '高校和科研院所', '投资机构', '大型采购商', '行业龙头企业', '当地政府部门'],
  },
  en: {
    adj: [
      'premium',
      'high-quality',
      'certified',
      'advanced',
      'specialty',
      'large-scale',
      'smart',
      'reliable',
    ],
    unit: ['tonnes', 'thousand units', 'sets', 'containers', 'thousand bottles', 'cases'],
    cert: ['ISO 9001', 'HACCP', 'GMP', 'CE', 'organic'],
    mode: [
      'a joint venture',
      'contract manufacturing',
      'a distribution agreement',
      'a technology stake',
      'long-term orders',
      'joint research',
    ],
    partner: [
      'companies in our counterpart region',
      'universities and institutes',
      'investors',
      'large buyers',
      'industry leaders',
      'local governments',
    ],
  },
};

/** Brand syllables of company names, with their pinyin. */
export const BRAND_FIRST: readonly (readonly [string, string])[] = [
  ['华', 'Hua'],
  ['恒', 'Heng'],
  ['金', 'Jin'],
  ['瑞', 'Rui'],
  ['鑫', 'Xin'],
  ['天', 'Tian'],
  ['宏', 'Hong'],
  ['永', 'Yong'],
  ['博', 'Bo'],
  ['海', 'Hai'],
  ['德', 'De'],
  ['盛', 'Sheng'],
  ['联', 'Lian'],
  ['嘉', 'Jia'],
  ['汇', 'Hui'],
  ['康', 'Kang'],
  ['星', 'Xing'],
  ['卓', 'Zhuo'],
  ['泰', 'Tai'],
  ['富', 'Fu'],
];
export const BRAND_SECOND: readonly (readonly [string, string])[] = [
  ['信', 'xin'],
  ['通', 'tong'],
  ['源', 'yuan'],
  ['丰', 'feng'],
  ['达', 'da'],
  ['成', 'cheng'],
  ['图', 'tu'],
  ['安', 'an'],
  ['远', 'yuan'],
  ['纳', 'na'],
  ['润', 'run'],
  ['世', 'shi'],
  ['创', 'chuang'],
  ['禾', 'he'],
  ['宇', 'yu'],
  ['晟', 'sheng'],
  ['邦', 'bang'],
  ['鸿', 'hong'],
  ['力', 'li'],
  ['科', 'ke'],
];

/** The line of business in company names, per category ([zh, en]). */
export const BUSINESS: Record<ListingCategory, readonly (readonly [string, string])[]> = {
  product: [
    ['农业', 'Agriculture'],
    ['食品', 'Food'],
    ['机械', 'Machinery'],
    ['汽车零部件', 'Auto Parts'],
    ['医药', 'Pharmaceutical'],
    ['电子', 'Electronics'],
    ['新材料', 'New Materials'],
  ],
  capital: [
    ['投资', 'Investment'],
    ['资本', 'Capital'],
    ['创业投资', 'Venture Capital'],
    ['基金管理', 'Fund Management'],
  ],
  technology: [
    ['科技', 'Technology'],
    ['智能装备', 'Intelligent Equipment'],
    ['生物科技', 'Biotech'],
    ['信息技术', 'Information Technology'],
  ],
  logistics: [
    ['物流', 'Logistics'],
    ['供应链', 'Supply Chain'],
    ['国际货运代理', 'International Freight'],
    ['港务', 'Port'],
  ],
  tourism: [
    ['旅游', 'Tourism'],
    ['文旅', 'Culture and Tourism'],
    ['国际旅行社', 'International Travel'],
    ['酒店管理', 'Hotel Management'],
  ],
  culture: [
    ['文化传媒', 'Culture and Media'],
    ['影视', 'Film and Television'],
    ['动漫', 'Animation'],
    ['出版', 'Publishing'],
  ],
  talent: [
    ['人力资源', 'Human Resources'],
    ['教育科技', 'Education Technology'],
    ['职业培训', 'Vocational Training'],
  ],
  service: [
    ['商务咨询', 'Business Consulting'],
    ['会计', 'Accounting'],
    ['信息服务', 'Information Services'],
    ['检测', 'Testing'],
  ],
};

export const COMPANY_SUFFIX: readonly (readonly [string, string])[] = [
  ['有限公司', 'Co., Ltd.'],
  ['股份有限公司', 'Corporation'],
  ['集团有限公司', 'Group Co., Ltd.'],
];
export const UNIVERSITY: readonly (readonly [string, string])[] = [
  ['理工大学', 'University of Technology'],
  ['农业大学', 'Agricultural University'],
  ['师范大学', 'Normal University'],
  ['医科大学', 'Medical University'],
  ['科技大学', 'University of Science and Technology'],
  ['财经大学', 'University of Finance and Economics'],
];
export const INSTITUTE: readonly (readonly [string, string])[] = [
  ['农业科学院', 'Academy of Agricultural Sciences'],
  ['机械工业研究院', 'Machinery Research Institute'],
  ['化工研究院', 'Chemical Research Institute'],
  ['中医药研究院', 'Institute of Chinese Medicine'],
  ['林业科学研究院', 'Academy of Forestry'],
  ['食品工业研究院', 'Food Industry Research Institute'],
];
export const GOVERNMENT: readonly (readonly [string, string])[] = [
  ['商务局', 'Bureau of Commerce'],
  ['投资促进局', 'Investment Promotion Bureau'],
  ['发展和改革委员会', 'Development and Reform Commission'],
  ['文化广电和旅游局', 'Bureau of Culture and Tourism'],
  ['工业和信息化局', 'Bureau of Industry and Information Technology'],
];
export const OTHER_ORG: readonly (readonly [string, string])[] = [
  ['专业合作社', 'Cooperative'],
  ['工作室', 'Studio'],
  ['商会', 'Chamber of Commerce'],
  ['服务中心', 'Service Centre'],
];

/**
 * Regions of the posters: mostly the six paired provinces, some from elsewhere (whose listings are never
 * anybody's counterpart match, as in real traffic).
 */
export const REGION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['CN-JL', 16],
  ['CN-ZJ', 16],
  ['CN-LN', 13],
  ['CN-JS', 13],
  ['CN-HL', 12],
  ['CN-GD', 14],
  ['CN-BJ', 3],
  ['CN-SH', 3],
  ['CN-TJ', 2],
  ['CN-SD', 2],
  ['CN-FJ', 1],
  ['CN-HB', 1],
  ['CN-SC', 1],
  ['CN-NM', 1],
  ['CN-HE', 1],
  ['CN-AH', 1],
];
