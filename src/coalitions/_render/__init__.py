"""Rendering: the panel document, and the charts, pages and tables drawn from it.

The panel document is built once (`panel`); the drawing modules (`svg`,
`html`, `text`) draw what they are given and compute nothing of their own.
"""
