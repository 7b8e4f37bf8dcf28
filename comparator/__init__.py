"""comparator: compare curated news claims across outlets and the parties they quote."""

__version__ = "0.1.0"
