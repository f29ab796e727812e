"""The labels of the stored vocabularies (:mod:`qclinic.core.vocabulary`) as the interface shows.

Keyed by the stored value; ``size.medium`` is the company size (中型), which the value alone cannot
tell from the priority ``medium`` (中). The printed reports use their own wording
(``reports.label.*``).
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # stored value: (zh, en)
    # IndustryChain
    "electronics": ("电子信息", "Electronics"),
    "non-ferrous-metals": ("有色金属", "Non-ferrous metals"),
    "equipment": ("装备制造", "Equipment manufacturing"),
    "new-energy": ("新能源", "New energy"),
    "petrochemical": ("石油化工", "Petrochemical"),
    "building-materials": ("建材", "Building materials"),
    "steel": ("钢铁", "Steel"),
    "aviation": ("航空", "Aviation"),
    "food": ("食品", "Food"),
    "textiles-garments": ("纺织服装", "Textiles and garments"),
    "pharmaceuticals": ("医药", "Pharmaceuticals"),
    "modern-furniture": ("现代家具", "Modern furniture"),
    # ChainRole
    "chain-leader": ("链主企业", "Chain leader"),
    "supplier": ("供应商", "Supplier"),
    "other": ("其他", "Other"),
    # SizeClass
    "large": ("大型", "Large"),
    "small": ("小型", "Small"),
    "micro": ("微型", "Micro"),
    "size.medium": ("中型", "Medium"),
    # PersonRole
    "consultant": ("顾问", "Consultant"),
    "company-contact": ("企业联系人", "Company contact"),
    "chief-quality-officer": ("首席质量官", "Chief quality officer"),
    # VisitKind
    "onsite-clinic": ("现场门诊", "On-site clinic"),
    "self-assessment": ("自评", "Self-assessment"),
    "follow-up": ("跟踪回访", "Follow-up"),
    # AssessmentStatus
    "draft": ("草稿", "Draft"),
    "completed": ("已完成", "Completed"),
    "signed": ("已签署", "Signed"),
    # FindingSeverity
    "major-nc": ("严重不符合", "Major nonconformity"),
    "minor-nc": ("一般不符合", "Minor nonconformity"),
    "observation": ("观察项", "Observation"),
    "opportunity": ("改进机会", "Opportunity for improvement"),
    "good-practice": ("良好实践", "Good practice"),
    # NqiCategory
    "metrology": ("计量", "Metrology"),
    "standards": ("标准", "Standards"),
    "certification-accreditation": ("认证认可", "Certification and accreditation"),
    "inspection-testing": ("检验检测", "Inspection and testing"),
    "intellectual-property": ("知识产权", "Intellectual property"),
    "laws-regulations": ("法律法规", "Laws and regulations"),
    "quality-management": ("质量管理", "Quality management"),
    "special-equipment": ("特种设备", "Special equipment"),
    # CaseStatus
    "registered": ("已登记", "Registered"),
    "diagnosed": ("已诊断", "Diagnosed"),
    "prescribed": ("已开方", "Prescribed"),
    "resolved": ("已解决", "Resolved"),
    # ActionStatus
    "open": ("待处理", "Open"),
    "in-progress": ("进行中", "In progress"),
    "done": ("已完成", "Done"),
    "verified": ("已验证", "Verified"),
    # Priority
    "high": ("高", "High"),
    "medium": ("中", "Medium"),
    "low": ("低", "Low"),
    # SignerRole
    "company-representative": ("企业代表", "Company representative"),
    "lead": ("专家组组长", "Lead expert"),
    # TeamRole
    "member": ("专家组成员", "Team member"),
}
