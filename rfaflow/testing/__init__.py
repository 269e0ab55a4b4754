"""Test helpers that ship with rfaflow: the copy-model package builder, usable by tests and benchmarks."""
