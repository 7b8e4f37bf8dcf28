"""The corpus as data for other tools: tables (CSV, JSON Lines, SQLite, a Frictionless data
package) and schema.org ClaimReview documents. `comparator.export` writes them to disk."""
