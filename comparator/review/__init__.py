"""Reviewing changes: reading revisions from git and comparing two claim sets."""
