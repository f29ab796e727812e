"""The campaign dashboard's widgets: the filter bar, figure tiles, chart panels and the list of
companies behind a figure. The page itself is :mod:`qclinic.ui.pages.dashboard`.

None of these modules imports matplotlib, numpy or SQLAlchemy at import time: the dashboard is
the home page, built on the way to the first screen; a chart panel imports matplotlib when it
first draws, after the figures were computed on a worker thread (which imported it first).
"""
