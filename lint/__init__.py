"""Checks of the code's shape that no off-the-shelf linter knows: see import_contracts."""
