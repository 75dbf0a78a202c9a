"""Runtime source: the modules beside this file are copied verbatim into every generated package.

This file itself is not copied; it only makes the folder importable for tests and type checks.
"""
