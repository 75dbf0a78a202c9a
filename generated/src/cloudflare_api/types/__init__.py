"""The API's models, one module per top-level resource, and `_shared` for those used by several.

Import a model from its module: `from cloudflare_api.types.magic import ...`.
"""
