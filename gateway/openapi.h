#pragma once
// The OpenAPI 3.0 document of the HTTP/JSON API (GET /openapi.json),
// generated from the same route table the gateway serves and the API's
// descriptors with their proto comments as descriptions, so that the
// document cannot drift from what is served. Thread-safe.

#include <string>

namespace lges::gateway {

// The document as JSON; built on first use.
const std::string& OpenApiDocument();

}  // namespace lges::gateway
