"""Controlled vocabularies, with English and Chinese labels so clients can build forms."""

from __future__ import annotations

from enum import StrEnum


class Domain(StrEnum):
    ai = "ai"
    integrated_circuits = "integrated_circuits"
    quantum = "quantum"
    biomedicine = "biomedicine"
    medical_devices = "medical_devices"
    new_energy = "new_energy"
    energy_storage = "energy_storage"
    new_materials = "new_materials"
    robotics = "robotics"
    intelligent_manufacturing = "intelligent_manufacturing"
    aerospace = "aerospace"
    intelligent_vehicles = "intelligent_vehicles"
    advanced_communications = "advanced_communications"
    agritech = "agritech"
    environmental_tech = "environmental_tech"
    photonics = "photonics"
    blockchain = "blockchain"
    industrial_software = "industrial_software"


class Stage(StrEnum):
    idea = "idea"
    prototype = "prototype"
    pilot = "pilot"
    early_revenue = "early_revenue"
    growth = "growth"


STAGE_ORDER: dict[Stage, int] = {s: i for i, s in enumerate(Stage)}


class Need(StrEnum):
    """What a startup needs and, in the same words, what an incubator offers."""

    workspace = "workspace"
    lab_equipment = "lab_equipment"
    pilot_line = "pilot_line"
    funding = "funding"
    mentoring = "mentoring"
    pilot_scenario = "pilot_scenario"
    market_access = "market_access"
    international_expansion = "international_expansion"
    policy_support = "policy_support"
    talent = "talent"
    ip_services = "ip_services"
    certification = "certification"


class Region(StrEnum):
    beijing = "beijing"
    tianjin = "tianjin"
    hebei = "hebei"
    china_other = "china_other"
    abroad = "abroad"


BTH_REGIONS = frozenset({Region.beijing, Region.tianjin, Region.hebei})


class Qualification(StrEnum):
    national_high_tech_enterprise = "national_high_tech_enterprise"
    specialized_innovative_sme = "specialized_innovative_sme"
    little_giant = "little_giant"
    zhongguancun_high_tech = "zhongguancun_high_tech"
    tech_sme = "tech_sme"
    unicorn = "unicorn"


class IncubatorKind(StrEnum):
    national_incubator = "national_incubator"
    municipal_incubator = "municipal_incubator"
    university_science_park = "university_science_park"
    corporate_incubator = "corporate_incubator"
    maker_space = "maker_space"
    international_incubator = "international_incubator"
    offshore_carrier = "offshore_carrier"


class Program(StrEnum):
    cross_border_accelerator_camp = "cross_border_accelerator_camp"
    bth_collaborative_incubation = "bth_collaborative_incubation"
    advanced_incubation = "advanced_incubation"
    deep_incubation = "deep_incubation"
    offshore_incubation = "offshore_incubation"
    demo_day = "demo_day"
    investment_fund = "investment_fund"


class PartnerKind(StrEnum):
    multinational_corporation = "multinational_corporation"
    foreign_rd_center = "foreign_rd_center"
    leading_enterprise = "leading_enterprise"
    university = "university"
    research_institute = "research_institute"
    venture_fund = "venture_fund"
    industrial_park = "industrial_park"
    government_agency = "government_agency"


class OrganisationKind(StrEnum):
    """An incubator's or a partner's kind: what a match list's ``kind`` filter takes. One enum,
    so an unknown value is one error naming ``kind``; tests check it is exactly the union of
    IncubatorKind and PartnerKind."""

    national_incubator = "national_incubator"
    municipal_incubator = "municipal_incubator"
    university_science_park = "university_science_park"
    corporate_incubator = "corporate_incubator"
    maker_space = "maker_space"
    international_incubator = "international_incubator"
    offshore_carrier = "offshore_carrier"
    multinational_corporation = "multinational_corporation"
    foreign_rd_center = "foreign_rd_center"
    leading_enterprise = "leading_enterprise"
    university = "university"
    research_institute = "research_institute"
    venture_fund = "venture_fund"
    industrial_park = "industrial_park"
    government_agency = "government_agency"


class RegionGroup(StrEnum):
    """The Beijing–Tianjin–Hebei jurisdictions by name, and everywhere else (the rest of China
    and abroad): the groups of the exposure report and of regional balance alike."""

    beijing = "beijing"
    tianjin = "tianjin"
    hebei = "hebei"
    elsewhere = "elsewhere"


def region_group(region: str) -> RegionGroup:
    """A profile's region as its group."""
    try:
        return RegionGroup(region)
    except ValueError:
        return RegionGroup.elsewhere


class CollaborationMode(StrEnum):
    joint_rd = "joint_rd"
    pilot_procurement = "pilot_procurement"
    investment = "investment"
    market_access = "market_access"
    co_incubation = "co_incubation"


class ScenarioStatus(StrEnum):
    open = "open"
    closed = "closed"


class DeclineReason(StrEnum):
    """Why a side declined a match (the review workflow); ``other`` needs a note."""

    domain_mismatch = "domain_mismatch"
    stage_mismatch = "stage_mismatch"
    trl_mismatch = "trl_mismatch"
    region_mismatch = "region_mismatch"
    needs_not_covered = "needs_not_covered"
    no_capacity = "no_capacity"
    already_engaged = "already_engaged"
    not_now = "not_now"
    insufficient_information = "insufficient_information"
    other = "other"


class YesNo(StrEnum):
    """A yes-or-no answer in a web form's select (JSON sends true or false)."""

    true = "true"
    false = "false"


# English and Chinese labels; a value missing here falls back to its words.
LABELS: dict[str, tuple[str, str]] = {
    "ai": ("Artificial intelligence", "人工智能"),
    "integrated_circuits": ("Integrated circuits", "集成电路"),
    "quantum": ("Quantum technology", "量子科技"),
    "biomedicine": ("Biomedicine", "生物医药"),
    "medical_devices": ("Medical devices", "医疗器械"),
    "new_energy": ("New energy", "新能源"),
    "energy_storage": ("Energy storage", "储能"),
    "new_materials": ("New materials", "新材料"),
    "robotics": ("Robotics", "机器人"),
    "intelligent_manufacturing": ("Intelligent manufacturing", "智能制造"),
    "aerospace": ("Aerospace", "航空航天"),
    "intelligent_vehicles": ("Intelligent connected vehicles", "智能网联汽车"),
    "advanced_communications": ("Advanced communications", "先进通信"),
    "agritech": ("Agritech", "农业科技"),
    "environmental_tech": ("Environmental tech", "环保科技"),
    "photonics": ("Photonics", "光电子"),
    "blockchain": ("Blockchain", "区块链"),
    "industrial_software": ("Industrial software", "工业软件"),
    "idea": ("Idea", "创意"),
    "prototype": ("Prototype", "样机"),
    "pilot": ("Pilot", "中试"),
    "early_revenue": ("Early revenue", "初步营收"),
    "growth": ("Growth", "成长期"),
    "workspace": ("Workspace", "办公空间"),
    "lab_equipment": ("Lab equipment", "实验设备"),
    "pilot_line": ("Pilot line", "中试线"),
    "funding": ("Funding", "融资"),
    "mentoring": ("Mentoring", "创业辅导"),
    "pilot_scenario": ("Pilot scenario", "应用场景"),
    "market_access": ("Market access", "市场开拓"),
    "international_expansion": ("International expansion", "国际化"),
    "policy_support": ("Policy support", "政策服务"),
    "talent": ("Talent", "人才"),
    "ip_services": ("IP services", "知识产权"),
    "certification": ("Certification and testing", "检测认证"),
    "true": ("Yes", "是"),
    "false": ("No", "否"),
    "beijing": ("Beijing", "北京"),
    "tianjin": ("Tianjin", "天津"),
    "hebei": ("Hebei", "河北"),
    "china_other": ("Elsewhere in China", "国内其他地区"),
    "abroad": ("Abroad", "境外"),
    # Not a region: the group of china_other and abroad in regional balance (matching/rerank.py).
    "elsewhere": ("Elsewhere", "其他地区"),
    "national_high_tech_enterprise": ("National high-tech enterprise", "国家高新技术企业"),
    "specialized_innovative_sme": ('"Specialized and innovative" SME', "专精特新中小企业"),
    "little_giant": ('"Little giant" enterprise', "专精特新小巨人"),
    "zhongguancun_high_tech": ("Zhongguancun high-tech enterprise", "中关村高新技术企业"),
    "tech_sme": ("Technology-based SME", "科技型中小企业"),
    "unicorn": ("Unicorn", "独角兽"),
    "national_incubator": ("National incubator", "国家级孵化器"),
    "municipal_incubator": ("Municipal incubator", "市级孵化器"),
    "university_science_park": ("University science park", "大学科技园"),
    "corporate_incubator": ("Corporate incubator", "企业孵化器"),
    "maker_space": ("Maker space", "众创空间"),
    "international_incubator": ("International incubator", "国际孵化器"),
    "offshore_carrier": ("Offshore incubation carrier", "离岸孵化载体"),
    "cross_border_accelerator_camp": ("Cross-border accelerator camp", "跨境加速营"),
    "bth_collaborative_incubation": (
        "Beijing–Tianjin–Hebei collaborative incubation",
        "京津冀协同孵化",
    ),
    "advanced_incubation": ("Advanced incubation", "超前孵化"),
    "deep_incubation": ("Deep incubation", "深度孵化"),
    "offshore_incubation": ("Offshore incubation", "离岸孵化"),
    "demo_day": ("Demo day", "路演日"),
    "investment_fund": ("Incubator investment fund", "孵化投资基金"),
    "multinational_corporation": ("Multinational corporation", "跨国公司"),
    "foreign_rd_center": ("Foreign R&D centre", "外资研发中心"),
    "leading_enterprise": ("Leading enterprise", "龙头企业"),
    "university": ("University", "高校"),
    "research_institute": ("Research institute", "科研院所"),
    "venture_fund": ("Venture fund", "创投基金"),
    "industrial_park": ("Industrial park", "产业园区"),
    "government_agency": ("Government agency", "政府部门"),
    "joint_rd": ("Joint R&D", "联合研发"),
    "pilot_procurement": ("Pilot and procurement", "试点采购"),
    "investment": ("Investment", "投资"),
    "co_incubation": ("Co-incubation", "联合孵化"),
    "open": ("Open", "开放"),
    "closed": ("Closed", "已关闭"),
    "domain_mismatch": ("Domains do not match", "领域不匹配"),
    "stage_mismatch": ("Stage does not fit", "阶段不匹配"),
    "trl_mismatch": ("Technology readiness does not fit", "技术成熟度不匹配"),
    "region_mismatch": ("Location does not fit", "地域不匹配"),
    "needs_not_covered": ("Needs not covered", "需求无法满足"),
    "no_capacity": ("No open places", "暂无空位"),
    "already_engaged": ("Already working with someone similar", "已有类似合作"),
    "not_now": ("Not now", "暂不考虑"),
    "insufficient_information": ("Not enough information", "信息不足"),
    "other": ("Other (see note)", "其他（见备注）"),
}

VOCABULARIES: dict[str, type[StrEnum]] = {
    "domains": Domain,
    "stages": Stage,
    "needs": Need,
    "services": Need,
    "regions": Region,
    "qualifications": Qualification,
    "incubator_kinds": IncubatorKind,
    "programs": Program,
    "partner_kinds": PartnerKind,
    "collaboration_modes": CollaborationMode,
    "scenario_statuses": ScenarioStatus,
    "decline_reasons": DeclineReason,
}


def label(value: str, lang: str = "en") -> str:
    en, zh = LABELS.get(value, (value.replace("_", " ").capitalize(),) * 2)
    return zh if lang == "zh" else en


# Technology readiness levels run from 1 (basic principles) to 9 (proven in operation).
TRL_LEVELS = range(1, 10)


def trl_facet(low: int | None, high: int | None = None) -> list[str]:
    """The TRL facet of a profile: every level from ``low`` to ``high`` (to 9 when None), as
    the first stage's score bound reads it; a startup has its one level. Empty when the
    profile sets no TRL criterion (``low`` None)."""
    if low is None:
        return []
    return [str(level) for level in TRL_LEVELS if low <= level <= (high or TRL_LEVELS[-1])]
