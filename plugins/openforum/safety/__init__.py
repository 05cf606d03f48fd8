"""Layer 3 guards: what may reach a published page, and what must never leave the records.

Imports no MkDocs: the adapter calls these on each page and on the finished site.
"""
