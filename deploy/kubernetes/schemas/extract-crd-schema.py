#!/usr/bin/env python3
"""Prints the openAPIV3Schema of one version of a CustomResourceDefinition as compact JSON, without
descriptions (they are most of the bytes and no check reads them). Usage: extract-crd-schema.py CRD.yaml VERSION"""
import json
import sys

import yaml  # Debian: python3-yaml


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


crd_file, version = sys.argv[1], sys.argv[2]
with open(crd_file) as f:
    crd = next(d for d in yaml.safe_load_all(f) if d and d.get("kind") == "CustomResourceDefinition")
served = next(v for v in crd["spec"]["versions"] if v["name"] == version)
json.dump(strip(served["schema"]["openAPIV3Schema"]), sys.stdout, sort_keys=True, separators=(",", ":"))
sys.stdout.write("\n")
