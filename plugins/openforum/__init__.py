"""OpenForum: publish an Open Government Partnership forum's records as a static site."""

__version__ = "0.1.0"
