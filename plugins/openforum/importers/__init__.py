"""Importers: records made from other systems' exports (`openforum import ...`)."""
