"""Adapters: what hands the build core's pages and files to a static site generator."""
