"""Fusion settings: blocking windows, match thresholds and feature weights."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FuseConfig:
    """Thresholds and weights of the FUSE stage (defaults tuned on examples/fusion)."""

    date_slack_days: int = 1  # tolerance for day-precision dates
    max_km: float = 50.0  # beyond this, two mentions are not one event
    city_km: float = 20.0  # a place inside a named city lies within this of its centre
    split_multiday: bool = True  # ACLED unit rule (one event per day)
    # A pair of mentions is linked when its score reaches ``link_threshold``; a cluster is kept
    # whole only if every pair inside it reaches ``compatible_threshold`` (no chaining).
    link_threshold: float = 0.70
    compatible_threshold: float = 0.65
    # Feature weights; they sum to 1.
    w_place: float = 0.27
    w_date: float = 0.18
    w_actor: float = 0.20
    w_type: float = 0.10
    w_text: float = 0.17
    w_count: float = 0.08
    # Bonus when both reports give the same, specific toll (at least ``toll_min``): two
    # reports agreeing on "15 killed" the same day are rarely about different events.
    w_toll_match: float = 0.08
    toll_min: int = 5
    # Added for a shared specific name (a building, a neighbourhood), subtracted when both
    # reports name something specific and nothing in common; 0 when either names nothing.
    w_name: float = 0.1
    # Place similarity of a region-level report (province, country) and a same-day report at
    # a town inside it when actors and tolls do not disagree (``pairs.region_inside``).
    region_inside: float = 0.75
    region_text: float = 0.25  # ... and their wording overlaps (text similarity at least this)
    # Mentions with no date may only join an event reported within this many days before the
    # article was published.
    undated_window_days: int = 31
    minhash_size: int = 16
    max_text_chars: int = 2000  # bound on the text hashed per mention
