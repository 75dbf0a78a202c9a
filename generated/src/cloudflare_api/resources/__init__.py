"""The API's resources, one module per resource, each imported on first use by the client."""
