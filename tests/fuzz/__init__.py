"""A seeded, grammar-aware fuzzer over the bundled corpus: `python -m tests.fuzz --help`."""
