"""The SPC / MSA workspace: dataset list, import, data grid, charts, capability, gage R&R."""
