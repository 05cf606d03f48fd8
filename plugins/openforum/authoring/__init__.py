"""Writing records: `openforum new`, the JSON Schemas and the field reference, from the model."""
