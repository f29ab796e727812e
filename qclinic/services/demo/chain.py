"""The demo's industrial chain: the chain leader, the demo company as its tier-1 supplier, and
two more companies a consultant meets in that chain.

赣鄱铜业 (the leader) smelts and refines copper; 鹰潭精密铜材 (the demo company) draws brass rod
and profiles from its cathode and billets; 贵溪恒达冶金辅料 supplies fluxes and refractories to the
leader's smelter (tier 1); 上饶精拓拉拔模具 makes the drawing dies of the demo company (tier 2).
Company names are Chinese in both languages, as they are registered; the chain's own words
follow the demo's language.
"""

from __future__ import annotations

from typing import Any

from qclinic.core import uscc
from qclinic.core.vocabulary import ChainRole, IndustryChain, SizeClass
from qclinic.services.demo.content import Pair, text

AUXILIARIES_CODE = "91360681MA38HD2X4" + uscc.check_character("91360681MA38HD2X4")
DIES_CODE = "91361100MA39KT8R6" + uscc.check_character("91361100MA39KT8R6")

CHAIN_NAME: Pair = ("赣鄱铜产业链", "Ganpo copper chain")
CHAIN_NOTES: Pair = (
    "质量强链专项重点链：链主赣鄱铜业集团及其铜材加工、冶金辅料和拉拔模具供应商。",
    "A key chain of the quality-strengthens-the-chain campaign: the chain leader Ganpo Copper "
    "Group and its suppliers of copper products, metallurgical auxiliaries and drawing dies.",
)
AUXILIARIES_NOTES: Pair = (
    "为链主冶炼厂供应熔剂和耐火材料的一级供应商。",
    "Tier-1 supplier of fluxes and refractories to the chain leader's smelter.",
)
DIES_NOTES: Pair = (
    "为鹰潭精密铜材供应硬质合金和聚晶金刚石拉拔模具的二级供应商。",
    "Tier-2 supplier of carbide and PCD drawing dies to Yingtan Precision Copper.",
)


def seed_chain(session: Any, leader_id: str, company_id: str, lang: str) -> dict[str, Any]:
    """Write the chain with its four companies (two of them new); its id and the companies'."""
    from qclinic.storage.models import Chain, ChainMember
    from qclinic.storage.repositories import organizations

    auxiliaries = organizations.create_organization(
        session,
        "贵溪恒达冶金辅料有限公司",
        uscc=AUXILIARIES_CODE,
        industry_chain=IndustryChain.NON_FERROUS_METALS,
        chain_role=ChainRole.SUPPLIER,
        size_class=SizeClass.SMALL,
        region="江西省贵溪市",
        cqo_name="刘海涛",
        notes=text(AUXILIARIES_NOTES, lang),
    )
    dies = organizations.create_organization(
        session,
        "上饶精拓拉拔模具有限公司",
        uscc=DIES_CODE,
        industry_chain=IndustryChain.NON_FERROUS_METALS,
        chain_role=ChainRole.SUPPLIER,
        size_class=SizeClass.MICRO,
        region="江西省上饶市",
        notes=text(DIES_NOTES, lang),
    )
    chain = Chain(
        name=text(CHAIN_NAME, lang),
        sector=IndustryChain.NON_FERROUS_METALS,
        region="江西省",
        notes=text(CHAIN_NOTES, lang),
    )
    session.add(chain)
    session.flush()
    # (organization, customer, tier): the tiers the chains service would give them
    places = (
        (leader_id, None, 0),
        (company_id, leader_id, 1),
        (auxiliaries.id, leader_id, 1),
        (dies.id, company_id, 2),
    )
    for organization_id, customer_id, tier in places:
        role = ChainRole.CHAIN_LEADER if customer_id is None else ChainRole.SUPPLIER
        session.add(
            ChainMember(
                chain_id=chain.id,
                organization_id=organization_id,
                role=role,
                customer_id=customer_id,
                tier=tier,
            )
        )
    session.flush()
    return {"chain": chain.id, "chain_companies": [p[0] for p in places]}


def existing_chain(session: Any, company_id: str) -> dict[str, Any]:
    """The ids :func:`seed_chain` returned, read back (``{}`` when the demo has no chain)."""
    from sqlalchemy import select

    from qclinic.storage.models import ChainMember

    chain_id = session.execute(
        select(ChainMember.chain_id).where(
            ChainMember.organization_id == company_id, ChainMember.deleted_at.is_(None)
        )
    ).scalar()
    if chain_id is None:
        return {}
    members = session.scalars(
        select(ChainMember)
        .where(ChainMember.chain_id == chain_id, ChainMember.deleted_at.is_(None))
        .order_by(ChainMember.tier, ChainMember.id)
    )
    return {"chain": chain_id, "chain_companies": [m.organization_id for m in members]}
