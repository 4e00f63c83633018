"""``python -m chronik.cli``: the same command line as ``chronik``."""

from chronik.cli import main

if __name__ == "__main__":
    main()
