"""namerec: entity-name reconciliation."""
