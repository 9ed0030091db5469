import type { SeedOrganisation, SeedUser } from '../accounts/accounts.seed.ts';

// Invented organisations (the universities are real names, used only as examples) in the Jilin–Zhejiang
// pairing, Zhejiang's assistance to Yanbian, and Liaoning. All accounts end in @demo.counterpart.local.

export const DEMO_COORDINATORS: SeedUser[] = [
  {
    email: 'coordinator.jl@demo.counterpart.local',
    name: '吉林省协调员',
    role: 'coordinator',
    regionCode: 'CN-JL',
    preferredLang: 'zh',
  },
  {
    email: 'coordinator.zj@demo.counterpart.local',
    name: '浙江省协调员',
    role: 'coordinator',
    regionCode: 'CN-ZJ',
    preferredLang: 'zh',
  },
  {
    email: 'coordinator.ln@demo.counterpart.local',
    name: 'Liaoning Coordinator',
    role: 'coordinator',
    regionCode: 'CN-LN',
    preferredLang: 'en',
  },
];

type DemoMember = Omit<SeedUser, 'role' | 'orgId' | 'regionCode'>;

export const DEMO_ORGANISATIONS: (SeedOrganisation & { member: DemoMember })[] = [
  {
    nameZh: '长春华信汽车零部件有限公司',
    nameEn: 'Changchun Huaxin Auto Parts Co., Ltd.',
    type: 'enterprise',
    regionCode: 'CN-JL',
    areaCode: '220100',
    website: null,
    description: 'Chassis and brake components for passenger cars; looking for partners in electrification.',
    status: 'approved',
    member: { email: 'member.autoparts@demo.counterpart.local', name: '王建国', preferredLang: 'zh' },
  },
  {
    nameZh: '吉林大学',
    nameEn: 'Jilin University',
    type: 'university',
    regionCode: 'CN-JL',
    areaCode: '220100',
    website: 'https://www.jlu.edu.cn',
    description:
      'Comprehensive university in Changchun with strengths in automotive engineering and materials.',
    status: 'approved',
    member: { email: 'member.jlu@demo.counterpart.local', name: '李晓梅', preferredLang: 'zh' },
  },
  {
    nameZh: '延边长白山泉矿泉水有限公司',
    nameEn: 'Yanbian Changbai Spring Mineral Water Co., Ltd.',
    type: 'enterprise',
    regionCode: 'CN-JL',
    areaCode: '222400',
    website: null,
    description:
      'Natural mineral water from the Changbai Mountains; seeking distribution in the Yangtze River Delta.',
    status: 'approved',
    member: { email: 'member.water@demo.counterpart.local', name: '金成浩', preferredLang: 'zh' },
  },
  {
    nameZh: '四平新能源装备有限公司',
    nameEn: 'Siping New Energy Equipment Co., Ltd.',
    type: 'enterprise',
    regionCode: 'CN-JL',
    areaCode: '220300',
    website: null,
    description: 'Heat exchangers for wind and solar plants. Registered recently and waiting for approval.',
    status: 'pending',
    member: { email: 'member.pending@demo.counterpart.local', name: '赵志刚', preferredLang: 'zh' },
  },
  {
    nameZh: '杭州丝路国际贸易有限公司',
    nameEn: 'Hangzhou Silk Road International Trade Co., Ltd.',
    type: 'enterprise',
    regionCode: 'CN-ZJ',
    areaCode: '330100',
    website: null,
    description: 'Import and cross-border e-commerce of food and beverages from Northeast China.',
    status: 'approved',
    member: { email: 'member.trade@demo.counterpart.local', name: 'Chen Jing', preferredLang: 'en' },
  },
  {
    nameZh: '浙江大学',
    nameEn: 'Zhejiang University',
    type: 'university',
    regionCode: 'CN-ZJ',
    areaCode: '330100',
    website: 'https://www.zju.edu.cn',
    description: 'Research university in Hangzhou; technology transfer office open to partners in Jilin.',
    status: 'approved',
    member: { email: 'member.zju@demo.counterpart.local', name: '周文华', preferredLang: 'zh' },
  },
  {
    nameZh: '大连海洋装备研究院',
    nameEn: 'Dalian Marine Equipment Research Institute',
    type: 'institute',
    regionCode: 'CN-LN',
    areaCode: '210200',
    website: null,
    description: 'Applied research in shipbuilding and offshore equipment.',
    status: 'approved',
    member: { email: 'member.dalian@demo.counterpart.local', name: 'Liu Yang', preferredLang: 'en' },
  },
];
