"""The MkDocs adapter: MkDocs' events translated into the steps of the build core."""
