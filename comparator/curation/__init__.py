"""Helping curators: filing articles verbatim, and finding the sentences worth a claim."""
