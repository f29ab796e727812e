"""QClinic (质量门诊): an offline desktop application for quality clinics."""

__version__ = "0.1.0"
