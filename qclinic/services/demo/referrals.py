"""The demo's NQI service providers and the referral its first clinic case ended in.

Three believable institutions of the province (a metrology institute, an accredited test
laboratory, a certification body; fictional names and accreditation numbers). The demo
company's coordinate measuring machine case (content.CASES[0]) was referred to the metrology
institute for a full JJF 1064 calibration: requested after the clinic visit, accepted, delivered
with its calibration certificate (a one-page PDF made here) and closed the day the case was
resolved. The finding that the company cannot test conductivity and its type test is overdue
(INS.4) was referred to the test laboratory a few days after the visit; the laboratory tested
six samples and delivered its report in April, and the company has since sent every lot's
conductivity with the lot.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

from qclinic.core.vocabulary import NqiCategory, ProviderKind, ReferralStatus
from qclinic.services.demo.content import CLINIC_DATE, Pair, text

#: (name, kind, accreditation number, scope, region, contact, phone, email)
PROVIDERS: tuple[tuple[Pair, ProviderKind, str, Pair, str, str, str, str], ...] = (
    (
        ("江西省计量测试研究院", "Jiangxi Institute of Metrology and Testing"),
        ProviderKind.METROLOGY,
        "CNAS L0417",
        (
            "几何量（三坐标测量机、量块、卡尺千分尺）、力学、热工、电学计量器具的检定与校准",
            "Verification and calibration of geometric (CMMs, gauge blocks, calipers, "
            "micrometers), mechanical, thermal and electrical instruments",
        ),
        "江西省南昌市",
        "刘明远",
        "0791-8623 4410",
        "calibration@jxmetrology.example.cn",
    ),
    (
        ("江西省检验检测认证总院有色金属检测中心", "Jiangxi Non-Ferrous Metals Testing Centre"),
        ProviderKind.TEST_LABORATORY,
        "CNAS L2286 / CMA 201812002286",
        (
            "铜及铜合金化学成分、力学性能、金相组织、尺寸检测",
            "Chemical composition, mechanical properties, microstructure and dimensions of "
            "copper and copper alloys",
        ),
        "江西省鹰潭市",
        "陈晓燕",
        "0701-6210 887",
        "lab@jxnfm-test.example.cn",
    ),
    (
        ("赣鄱质量认证有限公司", "Ganpo Quality Certification Co."),
        ProviderKind.CERTIFICATION_BODY,
        "CNCA-R-2009-117",
        (
            "ISO 9001 质量管理体系、ISO 14001 环境管理体系、IATF 16949 汽车质量管理体系认证",
            "ISO 9001 quality, ISO 14001 environmental and IATF 16949 automotive quality "
            "management system certification",
        ),
        "江西省南昌市",
        "黄志强",
        "0791-8811 2360",
        "audit@ganpo-cert.example.cn",
    ),
)

REQUEST: Pair = (
    "按 JJF 1064 对三坐标测量机进行全项校准（含探测误差和长度测量示值误差），出具校准证书。",
    "Fully calibrate the coordinate measuring machine to JJF 1064 (probing error and length "
    "measurement error included) and issue a calibration certificate.",
)
NOTE: Pair = (
    "校准结果：长度测量示值误差 E0 = 2.1 μm + L/350，探测误差 PFTU = 1.8 μm，均在允许误差内。",
    "Result: length measurement error E0 = 2.1 μm + L/350, probing error PFTU = 1.8 μm, both "
    "within the maximum permissible errors.",
)
#: the finding referred to the test laboratory (its question id in the demo checklist)
FINDING_QUESTION = "INS.4"
FINDING_REQUEST: Pair = (
    "对 T2 铜排按客户技术协议进行年度型式检验，并对近三批产品做导电率（涡流法）检测，出具 CMA 检测报告。",
    "Run the yearly type test of the T2 copper busbar to the customer's specification and "
    "test the conductivity (eddy current) of the last three lots; issue a CMA test report.",
)
FINDING_NOTE: Pair = (
    "检测报告 JC2026-0418：导电率 57.6–58.1 MS/m（≥ 57.0），型式检验各项合格；"
    "此后每批随货提供导电率检测数据。",
    "Test report JC2026-0418: conductivity 57.6–58.1 MS/m (≥ 57.0), every type-test item "
    "passed; every lot has shipped with its conductivity since.",
)
CERTIFICATE_NAME = "校准证书-JL2026-05123.pdf"
CAPTION: Pair = ("三坐标测量机校准证书", "Calibration certificate of the CMM")


def certificate_pdf(company: str, delivered: date) -> bytes:
    """A one-page calibration certificate, as the metrology institute would deliver it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from qclinic.reports import fonts

    fonts.register()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    width, height = A4
    canvas.setTitle("Calibration certificate JL2026-05123")
    canvas.setFont(fonts.CJK, 20)
    canvas.drawCentredString(width / 2, height - 90, "校 准 证 书")
    canvas.setFont(fonts.LATIN, 11)
    canvas.drawCentredString(width / 2, height - 110, "CALIBRATION CERTIFICATE  No. JL2026-05123")
    lines = (
        (fonts.CJK, f"委托单位：{company}"),
        (fonts.CJK, "器具名称：三坐标测量机（桥式，测量范围 700 × 1000 × 600 mm）"),
        (fonts.CJK, "校准依据：JJF 1064-2010《坐标测量机校准规范》"),
        (fonts.CJK, "校准结果：E0 = 2.1 μm + L/350；PFTU = 1.8 μm；环境温度 (20.1 ± 0.4) ℃"),
        (
            fonts.CJK,
            f"校准日期：{delivered.isoformat()}    建议复校日期：{(delivered + timedelta(days=365)).isoformat()}",
        ),
        (fonts.CJK, "校准机构：江西省计量测试研究院（CNAS L0417）"),
    )
    y = height - 170
    for font, line in lines:
        canvas.setFont(font, 12)
        canvas.drawString(72, y, line)
        y -= 28
    canvas.setStrokeColorRGB(0.75, 0.1, 0.1)
    canvas.circle(width - 150, y - 40, 42)
    canvas.setFont(fonts.CJK, 10)
    canvas.drawCentredString(width - 150, y - 44, "校准专用章")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def seed_referrals(
    session: Any, database: Any, company: Any, case_id: str, finding_id: str, lang: str
) -> dict[str, Any]:
    """Write the providers, the delivered referral of *case_id* with its certificate, and the
    accepted referral of *finding_id* to the test laboratory."""
    from qclinic.storage.models import Provider, Referral
    from qclinic.storage.repositories.attachments import add_attachment

    providers = []
    for name, kind, number, scope, region, contact, phone, email in PROVIDERS:
        provider = Provider(
            name=text(name, lang),
            kind=kind,
            accreditation_number=number,
            accreditation_scope=text(scope, lang),
            region=region,
            contact=contact,
            phone=phone,
            email=email,
            notes="",
        )
        session.add(provider)
        providers.append(provider)
    session.flush()
    requested = CLINIC_DATE + timedelta(days=40)
    delivered = requested + timedelta(days=22)
    referral = Referral(
        organization_id=company.id,
        case_id=case_id,
        provider_id=providers[0].id,
        nqi_category=NqiCategory.METROLOGY,
        request=text(REQUEST, lang),
        status=ReferralStatus.CLOSED,
        requested_on=requested,
        accepted_on=requested + timedelta(days=2),
        delivered_on=delivered,
        closed_on=date(2026, 5, 18),
        note=text(NOTE, lang),
    )
    session.add(referral)
    session.flush()
    certificate = add_attachment(
        session,
        database.blobs,
        certificate_pdf(company.name, delivered),
        CERTIFICATE_NAME,
        mime_type="application/pdf",
        caption=text(CAPTION, lang),
        referral_id=referral.id,
    )
    testing = Referral(
        organization_id=company.id,
        finding_id=finding_id,
        provider_id=providers[1].id,
        nqi_category=NqiCategory.INSPECTION_TESTING,
        request=text(FINDING_REQUEST, lang),
        status=ReferralStatus.CLOSED,
        requested_on=CLINIC_DATE + timedelta(days=6),
        accepted_on=CLINIC_DATE + timedelta(days=13),
        delivered_on=date(2026, 4, 22),
        closed_on=date(2026, 4, 30),
        note=text(FINDING_NOTE, lang),
    )
    session.add(testing)
    session.flush()
    return {
        "providers": [p.id for p in providers],
        "referrals": [referral.id, testing.id],
        "referred_finding": finding_id,
        "certificate": certificate.id,
    }


def existing_referrals(session: Any, organization_id: str) -> dict[str, Any]:
    """The ids :func:`seed_referrals` returned, read back from a seeded database."""
    from sqlalchemy import select

    from qclinic.storage.models import Provider, Referral

    names = {text(p[0], lang) for p in PROVIDERS for lang in ("zh", "en")}
    referred = select(Referral.finding_id).where(
        Referral.organization_id == organization_id, Referral.finding_id.is_not(None)
    )
    return {
        "referred_finding": session.scalar(referred.order_by(Referral.id)),
        "providers": list(session.scalars(select(Provider.id).where(Provider.name.in_(names)))),
        "referrals": list(
            session.scalars(
                select(Referral.id)
                .where(Referral.organization_id == organization_id)
                .order_by(Referral.id)
            )
        ),
    }
