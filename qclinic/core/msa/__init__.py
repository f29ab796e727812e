"""Measurement systems analysis: crossed gage R&R (ANOVA, average and range) and linearity/bias.

Pure Python + numpy/scipy; no Qt, no SQL.
"""

from qclinic.core.msa.gage_rr import GageRRResult, gage_rr
from qclinic.core.msa.linearity import LinearityResult, linearity_study

__all__ = ["GageRRResult", "LinearityResult", "gage_rr", "linearity_study"]
