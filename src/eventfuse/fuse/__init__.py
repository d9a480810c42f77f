"""Fuse: Mention[] -> Event[]: blocking, clustering, reconciliation of claims, stable ids."""

from eventfuse.fuse.config import FuseConfig
from eventfuse.fuse.core import cluster_table, fuse
from eventfuse.fuse.scoring import bcubed, pairwise_prf, score_fusion

__all__ = ["FuseConfig", "bcubed", "cluster_table", "fuse", "pairwise_prf", "score_fusion"]
