"""The documents registry's pages: the register, a document, registration, to-do, print."""
