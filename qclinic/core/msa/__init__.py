"""Measurement systems analysis: crossed gage R&R (ANOVA, average and range), linearity/bias and
attribute agreement (kappa).

Pure Python + numpy/scipy; no Qt, no SQL.
"""

from qclinic.core.msa.attribute import AttributeAgreementResult, attribute_agreement
from qclinic.core.msa.gage_rr import GageRRResult, gage_rr
from qclinic.core.msa.linearity import LinearityResult, linearity_study

__all__ = [
    "AttributeAgreementResult",
    "GageRRResult",
    "LinearityResult",
    "attribute_agreement",
    "gage_rr",
    "linearity_study",
]
