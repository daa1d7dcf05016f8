"""Blueprints, each named `bp`: a view parses input, calls one domain function, responds."""
