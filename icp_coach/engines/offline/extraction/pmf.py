"""The product-market-fit check (step 0) for the offline extractor: the domain's one PMF parser
(domain/pmf.py), which the coach uses too, so both read an answer the same way."""

from __future__ import annotations

from icp_coach.domain.pmf import PMFReading, read_pmf

__all__ = ["PMFReading", "read_pmf"]
