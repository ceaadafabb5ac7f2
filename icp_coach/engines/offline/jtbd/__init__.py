"""The offline JTBD engine: cue lexicons (English and Chinese, as data files) and
nearest-prototype embeddings pick the customer's strongest sentences as evidence."""
