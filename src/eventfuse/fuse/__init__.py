"""Fuse: Mention[] -> Event[]: blocking, clustering, reconciliation of claims, stable ids."""
