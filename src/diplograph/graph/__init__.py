"""Events to RDF, the store, queries, and the networkx view.

This is the only package that builds IRIs and triples.
"""
