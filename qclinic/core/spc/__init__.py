"""Statistical process control: control charts, tests for special causes, capability.

Pure Python + numpy/scipy; no Qt, no SQL. Conventions are documented in docs/SPC.md.
"""

from qclinic.core.spc.attribute_charts import attribute_chart
from qclinic.core.spc.capability import CapabilityResult, capability
from qclinic.core.spc.constants import ChartConstants, constants
from qclinic.core.spc.normality import NormalityResult, anderson_darling
from qclinic.core.spc.results import ChartAnalysis, ChartResult
from qclinic.core.spc.rules import Rule, detect, make_rules
from qclinic.core.spc.time_weighted_charts import cusum_chart, ewma_chart
from qclinic.core.spc.variables_charts import imr_chart, xbar_chart

__all__ = [
    "CapabilityResult",
    "ChartAnalysis",
    "ChartConstants",
    "ChartResult",
    "NormalityResult",
    "Rule",
    "anderson_darling",
    "attribute_chart",
    "capability",
    "constants",
    "cusum_chart",
    "detect",
    "ewma_chart",
    "imr_chart",
    "make_rules",
    "xbar_chart",
]
