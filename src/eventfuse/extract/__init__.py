"""Extract: Article -> Mention[]. The only stage that imports spaCy or a trained model."""
