"""`python -m rfaflow` is the `rfaflow` command."""

from rfaflow.cli import main

main()
