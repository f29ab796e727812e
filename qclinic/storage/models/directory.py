"""Who the clinic works with: organizations, their sites, and people."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, validates

from qclinic.core import uscc as uscc_codes
from qclinic.core.vocabulary import ChainRole, IndustryChain, PersonRole, SizeClass
from qclinic.storage.errors import InvalidValue
from qclinic.storage.models.base import ID_LENGTH, Record
from qclinic.storage.search import organization_search_key
from qclinic.storage.types import vocabulary


def normalized_credit_code(code: str | None) -> str | None:
    """A checked, normalised unified social credit code, or ``None`` when none was given.

    Raises:
        InvalidValue: The code is malformed; the message says what is wrong (English and Chinese).
    """
    if code is None or not code.strip():
        return None
    normalized = uscc_codes.normalize(code)
    result = uscc_codes.check(normalized)
    if not result.ok:
        raise InvalidValue(
            f"Unified social credit code {normalized}: {result.message_en}\n"
            f"统一社会信用代码 {normalized}：{result.message_zh}"
        )
    return normalized


class Organization(Record):
    """A company (or institution) served by the clinic."""

    __tablename__ = "organization"
    __table_args__ = (
        Index("ix_organization_name", "name"),
        Index("ix_organization_industry_chain", "industry_chain"),
        Index("ix_organization_region", "region"),
        # A credit code identifies one company: unique among live rows; several may lack one.
        Index(
            "uq_organization_uscc_live",
            "uscc",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND uscc IS NOT NULL"),
        ),
    )

    name: Mapped[str] = mapped_column(String(200))
    uscc: Mapped[str | None] = mapped_column(String(18), default=None)
    industry_chain: Mapped[IndustryChain | None] = mapped_column(
        vocabulary(IndustryChain), default=None
    )
    chain_role: Mapped[ChainRole | None] = mapped_column(vocabulary(ChainRole), default=None)
    size_class: Mapped[SizeClass | None] = mapped_column(vocabulary(SizeClass), default=None)
    region: Mapped[str | None] = mapped_column(String(100), default=None)
    cqo_name: Mapped[str | None] = mapped_column(String(100), default=None)
    cqo_phone: Mapped[str | None] = mapped_column(String(40), default=None)
    cqo_email: Mapped[str | None] = mapped_column(String(200), default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Added by revision 0002; kept up to date by before_flush() below.
    search_key: Mapped[str] = mapped_column(Text, default="")

    @validates("uscc")
    def _validate_uscc(self, _key: str, value: str | None) -> str | None:
        return normalized_credit_code(value)

    @validates("name")
    def _validate_name(self, _key: str, value: str) -> str:
        cleaned = " ".join(value.split())
        if not cleaned:
            raise InvalidValue("An organization needs a name. / 企业名称不能为空。")
        return cleaned

    def before_flush(self) -> None:
        """Keep the search key in step with name, credit code and region."""
        self.search_key = organization_search_key(self.name, self.uscc, self.region)


class Site(Record):
    """A plant or premises of an organization, where visits happen."""

    __tablename__ = "site"

    organization_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("organization.id"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")


class Person(Record):
    """A consultant (no organization) or someone at a company."""

    __tablename__ = "person"

    name: Mapped[str] = mapped_column(String(100), index=True)
    role: Mapped[PersonRole] = mapped_column(vocabulary(PersonRole))
    organization_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("organization.id"), default=None, index=True
    )
    phone: Mapped[str | None] = mapped_column(String(40), default=None)
    email: Mapped[str | None] = mapped_column(String(200), default=None)
    title: Mapped[str | None] = mapped_column(String(100), default=None)
