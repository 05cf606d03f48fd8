"""Layer 2: facts derived from the records (rosters, quorum, rule results, lags, gaps).

Computed once per build from loaded records and a reference date; imports no MkDocs.
"""
