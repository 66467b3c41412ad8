"""Qt item models and view state built from the replica's Snapshots (no widgets here)."""
