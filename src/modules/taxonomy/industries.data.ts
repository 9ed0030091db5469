/**
 * GB/T 4754-2017 Industrial classification for national economic activities (国民经济行业分类):
 * the 20 sections (门类, A–T) and the 97 divisions (大类, 01–97).
 *
 * Chinese names are the official ones. English names follow the National Bureau of Statistics'
 * English usage (statistical yearbooks), which is aligned with ISIC Rev. 4. `shortZh` / `shortEn` are
 * our own compact labels for facets and match reasons ("same sector C15 Beverages").
 *
 * A division code in listings is written with its section letter: 'C15'; the bare two-digit form '15'
 * is accepted by `divisionOf` as well (the two-digit numbers are unique across sections).
 */

export type SectionLetter =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T';

export interface IndustrySection {
  /** Section letter, 'A'–'T'. */
  letter: SectionLetter;
  nameZh: string;
  nameEn: string;
  /** First and last two-digit division numbers of the section, inclusive, e.g. ['13', '43'] for C. */
  divisions: readonly [first: string, last: string];
}

export interface IndustryDivision {
  /** Section letter plus the two-digit division number: 'C15'. The form used in listings. */
  code: string;
  /** The two-digit division number alone: '15'. */
  number: string;
  section: SectionLetter;
  /** Official Chinese name, e.g. '酒、饮料和精制茶制造业'. */
  nameZh: string;
  /** English name, e.g. 'Manufacture of Liquor, Beverages and Refined Tea'. */
  nameEn: string;
  /** Compact Chinese label, e.g. '酒饮料茶'. */
  shortZh: string;
  /** Compact English label, e.g. 'Beverages'. */
  shortEn: string;
}

function section(
  letter: SectionLetter,
  first: string,
  last: string,
  nameZh: string,
  nameEn: string,
): IndustrySection {
  return { letter, nameZh, nameEn, divisions: [first, last] };
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  section('A', '01', '05', '农、林、牧、渔业', 'Agriculture, Forestry, Animal Husbandry and Fishery'),
  section('B', '06', '12', '采矿业', 'Mining'),
  section('C', '13', '43', '制造业', 'Manufacturing'),
  section(
    'D',
    '44',
    '46',
    '电力、热力、燃气及水生产和供应业',
    'Production and Supply of Electricity, Heat, Gas and Water',
  ),
  section('E', '47', '50', '建筑业', 'Construction'),
  section('F', '51', '52', '批发和零售业', 'Wholesale and Retail Trades'),
  section('G', '53', '60', '交通运输、仓储和邮政业', 'Transport, Storage and Post'),
  section('H', '61', '62', '住宿和餐饮业', 'Accommodation and Catering'),
  section(
    'I',
    '63',
    '65',
    '信息传输、软件和信息技术服务业',
    'Information Transmission, Software and Information Technology Services',
  ),
  section('J', '66', '69', '金融业', 'Finance'),
  section('K', '70', '70', '房地产业', 'Real Estate'),
  section('L', '71', '72', '租赁和商务服务业', 'Leasing and Business Services'),
  section('M', '73', '75', '科学研究和技术服务业', 'Scientific Research and Technical Services'),
  section(
    'N',
    '76',
    '79',
    '水利、环境和公共设施管理业',
    'Management of Water Conservancy, Environment and Public Facilities',
  ),
  section('O', '80', '82', '居民服务、修理和其他服务业', 'Resident Services, Repair and Other Services'),
  section('P', '83', '83', '教育', 'Education'),
  section('Q', '84', '85', '卫生和社会工作', 'Health and Social Work'),
  section('R', '86', '90', '文化、体育和娱乐业', 'Culture, Sports and Entertainment'),
  section(
    'S',
    '91',
    '96',
    '公共管理、社会保障和社会组织',
    'Public Management, Social Security and Social Organizations',
  ),
  section('T', '97', '97', '国际组织', 'International Organizations'),
];

function division(
  section: SectionLetter,
  number: string,
  nameZh: string,
  nameEn: string,
  shortZh: string,
  shortEn: string,
): IndustryDivision {
  return { code: `${section}${number}`, number, section, nameZh, nameEn, shortZh, shortEn };
}

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = [
  // A 农、林、牧、渔业
  division('A', '01', '农业', 'Agriculture', '农业', 'Agriculture'),
  division('A', '02', '林业', 'Forestry', '林业', 'Forestry'),
  division('A', '03', '畜牧业', 'Animal Husbandry', '畜牧业', 'Animal husbandry'),
  division('A', '04', '渔业', 'Fishery', '渔业', 'Fishery'),
  division(
    'A',
    '05',
    '农、林、牧、渔专业及辅助性活动',
    'Professional and Support Activities for Agriculture, Forestry, Animal Husbandry and Fishery',
    '农林牧渔服务',
    'Farm support services',
  ),

  // B 采矿业
  division('B', '06', '煤炭开采和洗选业', 'Mining and Washing of Coal', '煤炭开采', 'Coal mining'),
  division(
    'B',
    '07',
    '石油和天然气开采业',
    'Extraction of Petroleum and Natural Gas',
    '油气开采',
    'Oil and gas extraction',
  ),
  division(
    'B',
    '08',
    '黑色金属矿采选业',
    'Mining and Processing of Ferrous Metal Ores',
    '黑色金属矿',
    'Ferrous ores',
  ),
  division(
    'B',
    '09',
    '有色金属矿采选业',
    'Mining and Processing of Non-ferrous Metal Ores',
    '有色金属矿',
    'Non-ferrous ores',
  ),
  division(
    'B',
    '10',
    '非金属矿采选业',
    'Mining and Processing of Non-metal Ores',
    '非金属矿',
    'Non-metal ores',
  ),
  division(
    'B',
    '11',
    '开采专业及辅助性活动',
    'Professional and Support Activities for Mining',
    '采矿服务',
    'Mining services',
  ),
  division('B', '12', '其他采矿业', 'Other Mining', '其他采矿', 'Other mining'),

  // C 制造业
  division(
    'C',
    '13',
    '农副食品加工业',
    'Processing of Food from Agricultural Products',
    '农副食品加工',
    'Agri-food processing',
  ),
  division('C', '14', '食品制造业', 'Manufacture of Foods', '食品制造', 'Food'),
  division(
    'C',
    '15',
    '酒、饮料和精制茶制造业',
    'Manufacture of Liquor, Beverages and Refined Tea',
    '酒、饮料和茶',
    'Beverages',
  ),
  division('C', '16', '烟草制品业', 'Manufacture of Tobacco', '烟草', 'Tobacco'),
  division('C', '17', '纺织业', 'Manufacture of Textiles', '纺织', 'Textiles'),
  division(
    'C',
    '18',
    '纺织服装、服饰业',
    'Manufacture of Textile Wearing Apparel and Clothing',
    '服装服饰',
    'Apparel',
  ),
  division(
    'C',
    '19',
    '皮革、毛皮、羽毛及其制品和制鞋业',
    'Manufacture of Leather, Fur, Feather and Related Products and Footwear',
    '皮革制鞋',
    'Leather and footwear',
  ),
  division(
    'C',
    '20',
    '木材加工和木、竹、藤、棕、草制品业',
    'Processing of Timber, Manufacture of Wood, Bamboo, Rattan, Palm and Straw Products',
    '木竹制品',
    'Wood and bamboo',
  ),
  division('C', '21', '家具制造业', 'Manufacture of Furniture', '家具', 'Furniture'),
  division('C', '22', '造纸和纸制品业', 'Manufacture of Paper and Paper Products', '造纸', 'Paper'),
  division(
    'C',
    '23',
    '印刷和记录媒介复制业',
    'Printing and Reproduction of Recording Media',
    '印刷',
    'Printing',
  ),
  division(
    'C',
    '24',
    '文教、工美、体育和娱乐用品制造业',
    'Manufacture of Articles for Culture, Education, Arts and Crafts, Sport and Entertainment Activities',
    '文体用品',
    'Culture, sports and craft goods',
  ),
  division(
    'C',
    '25',
    '石油、煤炭及其他燃料加工业',
    'Processing of Petroleum, Coal and Other Fuels',
    '燃料加工',
    'Fuel processing',
  ),
  division(
    'C',
    '26',
    '化学原料和化学制品制造业',
    'Manufacture of Raw Chemical Materials and Chemical Products',
    '化工',
    'Chemicals',
  ),
  division('C', '27', '医药制造业', 'Manufacture of Medicines', '医药', 'Medicines'),
  division('C', '28', '化学纤维制造业', 'Manufacture of Chemical Fibers', '化纤', 'Chemical fibres'),
  division(
    'C',
    '29',
    '橡胶和塑料制品业',
    'Manufacture of Rubber and Plastics Products',
    '橡胶塑料',
    'Rubber and plastics',
  ),
  division(
    'C',
    '30',
    '非金属矿物制品业',
    'Manufacture of Non-metallic Mineral Products',
    '建材',
    'Non-metallic minerals',
  ),
  division(
    'C',
    '31',
    '黑色金属冶炼和压延加工业',
    'Smelting and Pressing of Ferrous Metals',
    '钢铁',
    'Iron and steel',
  ),
  division(
    'C',
    '32',
    '有色金属冶炼和压延加工业',
    'Smelting and Pressing of Non-ferrous Metals',
    '有色金属',
    'Non-ferrous metals',
  ),
  division('C', '33', '金属制品业', 'Manufacture of Metal Products', '金属制品', 'Metal products'),
  division(
    'C',
    '34',
    '通用设备制造业',
    'Manufacture of General Purpose Machinery',
    '通用设备',
    'General machinery',
  ),
  division(
    'C',
    '35',
    '专用设备制造业',
    'Manufacture of Special Purpose Machinery',
    '专用设备',
    'Special machinery',
  ),
  division('C', '36', '汽车制造业', 'Manufacture of Automobiles', '汽车', 'Automobiles'),
  division(
    'C',
    '37',
    '铁路、船舶、航空航天和其他运输设备制造业',
    'Manufacture of Railway, Ship, Aerospace and Other Transport Equipment',
    '轨道船舶航空装备',
    'Rail, ship and aerospace equipment',
  ),
  division(
    'C',
    '38',
    '电气机械和器材制造业',
    'Manufacture of Electrical Machinery and Apparatus',
    '电气机械',
    'Electrical equipment',
  ),
  division(
    'C',
    '39',
    '计算机、通信和其他电子设备制造业',
    'Manufacture of Computers, Communication and Other Electronic Equipment',
    '电子设备',
    'Electronics',
  ),
  division(
    'C',
    '40',
    '仪器仪表制造业',
    'Manufacture of Measuring Instruments and Meters',
    '仪器仪表',
    'Instruments',
  ),
  division('C', '41', '其他制造业', 'Other Manufacturing', '其他制造', 'Other manufacturing'),
  division('C', '42', '废弃资源综合利用业', 'Utilization of Waste Resources', '废弃资源利用', 'Recycling'),
  division(
    'C',
    '43',
    '金属制品、机械和设备修理业',
    'Repair of Metal Products, Machinery and Equipment',
    '设备修理',
    'Equipment repair',
  ),

  // D 电力、热力、燃气及水生产和供应业
  division(
    'D',
    '44',
    '电力、热力生产和供应业',
    'Production and Supply of Electricity and Heat',
    '电力热力',
    'Electricity and heat',
  ),
  division('D', '45', '燃气生产和供应业', 'Production and Supply of Gas', '燃气', 'Gas supply'),
  division('D', '46', '水的生产和供应业', 'Production and Supply of Water', '水务', 'Water supply'),

  // E 建筑业
  division('E', '47', '房屋建筑业', 'Construction of Buildings', '房屋建筑', 'Building construction'),
  division('E', '48', '土木工程建筑业', 'Civil Engineering', '土木工程', 'Civil engineering'),
  division('E', '49', '建筑安装业', 'Construction Installation Activities', '建筑安装', 'Installation'),
  division(
    'E',
    '50',
    '建筑装饰、装修和其他建筑业',
    'Building Decoration, Renovation and Other Construction Activities',
    '建筑装饰',
    'Building decoration',
  ),

  // F 批发和零售业
  division('F', '51', '批发业', 'Wholesale Trade', '批发', 'Wholesale'),
  division('F', '52', '零售业', 'Retail Trade', '零售', 'Retail'),

  // G 交通运输、仓储和邮政业
  division('G', '53', '铁路运输业', 'Rail Transport', '铁路运输', 'Rail transport'),
  division('G', '54', '道路运输业', 'Road Transport', '道路运输', 'Road transport'),
  division('G', '55', '水上运输业', 'Water Transport', '水上运输', 'Water transport'),
  division('G', '56', '航空运输业', 'Air Transport', '航空运输', 'Air transport'),
  division('G', '57', '管道运输业', 'Pipeline Transport', '管道运输', 'Pipeline transport'),
  division(
    'G',
    '58',
    '多式联运和运输代理业',
    'Multimodal Transport and Transport Agency',
    '多式联运和货代',
    'Multimodal transport and forwarding',
  ),
  division(
    'G',
    '59',
    '装卸搬运和仓储业',
    'Loading, Unloading, Handling and Storage',
    '仓储装卸',
    'Warehousing and handling',
  ),
  division('G', '60', '邮政业', 'Postal Services', '邮政快递', 'Postal and courier'),

  // H 住宿和餐饮业
  division('H', '61', '住宿业', 'Accommodation', '住宿', 'Accommodation'),
  division('H', '62', '餐饮业', 'Catering Services', '餐饮', 'Catering'),

  // I 信息传输、软件和信息技术服务业
  division(
    'I',
    '63',
    '电信、广播电视和卫星传输服务',
    'Telecommunications, Radio, Television and Satellite Transmission Services',
    '电信广电卫星',
    'Telecommunications',
  ),
  division('I', '64', '互联网和相关服务', 'Internet and Related Services', '互联网', 'Internet'),
  division(
    'I',
    '65',
    '软件和信息技术服务业',
    'Software and Information Technology Services',
    '软件和信息技术',
    'Software and IT',
  ),

  // J 金融业
  division('J', '66', '货币金融服务', 'Monetary Financial Services', '银行', 'Banking'),
  division('J', '67', '资本市场服务', 'Capital Market Services', '资本市场', 'Capital markets'),
  division('J', '68', '保险业', 'Insurance', '保险', 'Insurance'),
  division('J', '69', '其他金融业', 'Other Financial Activities', '其他金融', 'Other finance'),

  // K 房地产业
  division('K', '70', '房地产业', 'Real Estate', '房地产', 'Real estate'),

  // L 租赁和商务服务业
  division('L', '71', '租赁业', 'Leasing', '租赁', 'Leasing'),
  division('L', '72', '商务服务业', 'Business Services', '商务服务', 'Business services'),

  // M 科学研究和技术服务业
  division('M', '73', '研究和试验发展', 'Research and Experimental Development', '研发', 'R&D'),
  division(
    'M',
    '74',
    '专业技术服务业',
    'Professional Technical Services',
    '专业技术服务',
    'Technical services',
  ),
  division(
    'M',
    '75',
    '科技推广和应用服务业',
    'Technology Promotion and Application Services',
    '科技推广',
    'Technology transfer services',
  ),

  // N 水利、环境和公共设施管理业
  division('N', '76', '水利管理业', 'Management of Water Conservancy', '水利', 'Water conservancy'),
  division(
    'N',
    '77',
    '生态保护和环境治理业',
    'Ecological Protection and Environmental Governance',
    '生态环保',
    'Environment',
  ),
  division('N', '78', '公共设施管理业', 'Management of Public Facilities', '公共设施', 'Public facilities'),
  division('N', '79', '土地管理业', 'Land Management', '土地管理', 'Land management'),

  // O 居民服务、修理和其他服务业
  division('O', '80', '居民服务业', 'Resident Services', '居民服务', 'Household services'),
  division(
    'O',
    '81',
    '机动车、电子产品和日用产品修理业',
    'Repair of Motor Vehicles, Electronic Products and Daily Use Articles',
    '修理',
    'Repair',
  ),
  division('O', '82', '其他服务业', 'Other Services', '其他服务', 'Other services'),

  // P 教育
  division('P', '83', '教育', 'Education', '教育', 'Education'),

  // Q 卫生和社会工作
  division('Q', '84', '卫生', 'Health', '卫生', 'Health'),
  division('Q', '85', '社会工作', 'Social Work', '社会工作', 'Social work'),

  // R 文化、体育和娱乐业
  division('R', '86', '新闻和出版业', 'News and Publishing', '新闻出版', 'News and publishing'),
  division(
    'R',
    '87',
    '广播、电视、电影和录音制作业',
    'Radio, Television, Film and Sound Recording Production',
    '影视',
    'Film and TV',
  ),
  division('R', '88', '文化艺术业', 'Culture and Arts', '文化艺术', 'Culture and arts'),
  division('R', '89', '体育', 'Sports', '体育', 'Sports'),
  division('R', '90', '娱乐业', 'Entertainment', '娱乐', 'Entertainment'),

  // S 公共管理、社会保障和社会组织
  division('S', '91', '中国共产党机关', 'Organs of the Communist Party of China', '党政机关', 'Party organs'),
  division('S', '92', '国家机构', 'State Organs', '国家机构', 'State organs'),
  division(
    'S',
    '93',
    '人民政协、民主党派',
    'CPPCC and Democratic Parties',
    '政协和民主党派',
    'CPPCC and democratic parties',
  ),
  division('S', '94', '社会保障', 'Social Security', '社会保障', 'Social security'),
  division(
    'S',
    '95',
    '群众团体、社会团体和其他成员组织',
    'Mass Organizations, Social Organizations and Other Membership Organizations',
    '社会团体',
    'Associations',
  ),
  division(
    'S',
    '96',
    '基层群众自治组织及其他组织',
    'Grass-roots Self-governing Organizations and Other Organizations',
    '基层自治组织',
    'Community organizations',
  ),

  // T 国际组织
  division('T', '97', '国际组织', 'International Organizations', '国际组织', 'International organizations'),
];

const SECTION_BY_LETTER: ReadonlyMap<string, IndustrySection> = new Map(
  INDUSTRY_SECTIONS.map((s) => [s.letter, s]),
);
const DIVISION_BY_NUMBER: ReadonlyMap<string, IndustryDivision> = new Map(
  INDUSTRY_DIVISIONS.map((d) => [d.number, d]),
);

/**
 * The division for a code in the full form ('C15') or the bare two-digit form ('15'); undefined when
 * there is no such division or the letter does not belong to the number ('A15'). Case and surrounding
 * spaces are tolerated ('c15', ' 15 ').
 */
export function divisionOf(code: string): IndustryDivision | undefined {
  const m = /^([A-Za-z])?(\d{2})$/.exec(code.trim());
  if (!m) return undefined;
  const division = DIVISION_BY_NUMBER.get(m[2] ?? '');
  if (!division) return undefined;
  if (m[1] !== undefined && m[1].toUpperCase() !== division.section) return undefined;
  return division;
}

/** Whether `code` is a division code in the canonical listing form: section letter and number, 'C15'. */
export function isDivisionCode(code: string): boolean {
  return /^[A-T]\d{2}$/.test(code) && divisionOf(code) !== undefined;
}

/** The section a division code ('C15' or '15') belongs to; undefined for unknown codes. */
export function sectionOfDivision(code: string): IndustrySection | undefined {
  const division = divisionOf(code);
  return division ? SECTION_BY_LETTER.get(division.section) : undefined;
}

/** The section for a letter ('C'); undefined for letters outside A–T. */
export function sectionOf(letter: string): IndustrySection | undefined {
  return SECTION_BY_LETTER.get(letter.trim().toUpperCase());
}

/** The divisions of a section, in code order. */
export function divisionsOfSection(letter: string): readonly IndustryDivision[] {
  const upper = letter.trim().toUpperCase();
  return INDUSTRY_DIVISIONS.filter((d) => d.section === upper);
}
