"""Record kinds as units: each module holds what one kind adds to pages, tables and Popolo."""
