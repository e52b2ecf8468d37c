"""The benchmark suite: `python -m bench` (see bench/cli.py and bench/README.md)."""
