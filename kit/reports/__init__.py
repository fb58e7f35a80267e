"""What grading writes: a gradebook CSV, feedback pages, class analytics, a summary.

>>> from kit.reports.gradebook import safe_cell
>>> safe_cell('=HYPERLINK("http://x")')
'\\'=HYPERLINK("http://x")'
"""
