"""Eval: score coded events against ACLED-format gold."""
