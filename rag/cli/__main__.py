"""`python -m rag.cli ...` runs the `brief` command."""

from rag.cli import main

main()
