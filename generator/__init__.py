"""Generate a typed Python client package from an OpenAPI 3.0/3.1 description."""
