"""Charts as matplotlib figures: no Qt, no pyplot state, imported lazily (never at start-up).

The UI embeds a returned :class:`matplotlib.figure.Figure` in a canvas; reports save it to PNG/SVG.
Import the modules here only where a chart is about to be drawn, so matplotlib's import cost is
paid then and not when the app starts.
"""
